"""Sign-in throttling: repeated failures lock an account for a while.

A wrong password cannot be written to the encrypted database (without the right password
there is no key), so failures are counted in a small side file beside it, ``<db>.signin``.
On a PostgreSQL server the counters are a row the server keeps (``models.storage.server``), so
every workstation sees the same lockout.
The next successful sign-in moves them into the audit chain as ``failed_login`` events.

Names typed that match no account are never stored (people type passwords into the
username field): each is counted under a bucket, 16 bits of an HMAC of the name under a
random salt the counters keep, so a name tried too often is locked out whether an account
has it or not, and the lockout message tells nothing about which names exist.

It fails closed. Counters that cannot be read or written, or that are not what Suoja
writes (a folder in the file's place, a damaged document), refuse every sign-in with
:class:`CountersUnusable` before any password is tried; nothing starts afresh by itself.
Each set of counters has a random id that the database remembers for its place at every
successful sign-in (``models.storage.store``): counters removed or replaced since then,
say to lift a lockout, refuse the next correct sign-in too (:class:`CountersReplaced`),
and that refusal and the failures counted since are recorded in the audit chain. A
supervisor lifts either (the ``reset-signin`` command, audited), or anyone with the
recovery code (``recover``, audited).

This guards the app's own sign-in against guessing. Someone who copies the files can
bypass it, and someone who can write the folder can put back an earlier copy of the
counters unnoticed; that is why each key slot is also protected by Argon2id's cost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import logging
import math
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from models.domain.base import utcnow
from models.domain.errors import AuthenticationError, DataError
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.domain.private_files import open_lock_file, write_private

log = logging.getLogger("suoja.signin")

FREE_ATTEMPTS = 5
FIRST_LOCKOUT = dt.timedelta(minutes=5)
LONGEST_LOCKOUT = dt.timedelta(hours=1)
MAX_PENDING = 1000
#: How the bucket of a name that matches no account starts (no username can: a–z, digits,
#: dot, dash and underscore only).
_UNKNOWN_PREFIX = "?"


class CountersUnusable(DataError):
    """The sign-in counters cannot be read or written, or are damaged: sign-in is refused."""

    def __init__(self) -> None:
        super().__init__(_(
            "Sign-in is refused because this database's sign-in counters cannot be read or "
            "written, or are damaged; a supervisor lifts this with the reset-signin command, "
            "or anyone holding the recovery code with recover."))


class CountersReplaced(DataError):
    """The counters were removed or replaced since the last sign-in: sign-in is refused."""

    def __init__(self) -> None:
        super().__init__(_(
            "Sign-in is refused because this database's sign-in counters were removed or "
            "replaced since the last sign-in, which can hide failed sign-ins; a supervisor "
            "lifts this with the reset-signin command, or anyone holding the recovery code "
            "with recover."))


@dataclass(frozen=True)
class FailedAttempt:
    username: str | None  # None: the name typed matched no account
    at: dt.datetime


def signin_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".signin")


class CounterStore(Protocol):
    """Where the counters live: a JSON document, changed as one atomic step."""

    @property
    def in_transaction(self) -> bool:
        """Whether changes commit with the caller's unit of work (a server's counters read
        through a sign-in's session) rather than at once on their own."""
        ...

    def read(self) -> str | None:
        """The document, or None if there is none (OSError: it cannot be read)."""
        ...

    def update(self, change: Callable[[str | None], str]) -> None:
        """Replace the document by ``change(old)``, with no other update in between
        (an exception from ``change`` writes nothing; OSError: it cannot be written)."""
        ...

    def set_aside(self) -> None:
        """Keep the present document (whatever it is) apart for investigation, and leave
        none in its place (OSError: that failed)."""
        ...


_THREADS = threading.Lock()


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Exclusive while held, across threads and (where the OS has flock) processes."""
    with _THREADS, os.fdopen(open_lock_file(path), "r+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: the thread lock only
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def set_aside_name(name: str) -> str:
    """``<name>.damaged-<time>``: where a damaged document is kept."""
    return f"{name}.damaged-{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%S%fZ')}"


class FileCounters:
    """The counters in ``<db>.signin`` beside an SQLite database (0600, written atomically).

    One workstation uses an SQLite file, so read-change-write needs no lock here.
    """

    in_transaction = False  # a file: every change is written at once

    def __init__(self, db_path: Path) -> None:
        self.path = signin_path(db_path)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def read(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except UnicodeDecodeError:
            return ""  # not a document Suoja wrote: damaged

    def update(self, change: Callable[[str | None], str]) -> None:
        with _file_lock(self.lock_path):
            self._replace(change(self.read()))

    def set_aside(self) -> None:
        """Rename the counters (a file, a folder, a link: whatever is there) and a lock
        file that is not a plain file out of the way; kept, owner-only where a file."""
        for path in (self.path, self.lock_path):
            if not os.path.lexists(path):
                continue
            if path == self.lock_path and path.is_file() and not path.is_symlink():
                continue
            kept = path.with_name(set_aside_name(path.name))
            os.replace(path, kept)
            if kept.is_file() and not kept.is_symlink():
                os.chmod(kept, 0o600)
            log.warning("unusable sign-in counters were set aside")

    def _replace(self, document: str) -> None:
        write_private(self.path, document.encode("utf-8"))


class SignInGuard:
    """Counts failures per account (and per bucket of unknown names) and refuses
    locked-out ones.

    Args:
        where: an SQLite database's path (counters in ``<db>.signin``) or a store.
    """

    def __init__(self, where: Path | CounterStore) -> None:
        self.store: CounterStore = FileCounters(where) if isinstance(where, Path) else where

    @property
    def in_transaction(self) -> bool:
        """Whether changes commit with the caller's unit of work (:class:`CounterStore`)."""
        return self.store.in_transaction

    def check(self, username: str, known: bool, now: dt.datetime | None = None) -> None:
        """Refuse a sign-in while the name is locked out, and make sure the counters can be
        written before any password is tried (they are rewritten as they are; where there
        are none yet nothing is written, so a file that is not a database gets none).

        Raises:
            AuthenticationError: locked out, with how long to wait; the same words whether
                an account has the name or not.
            CountersUnusable: the counters cannot be read or written, or are damaged.
        """
        now = now or utcnow()

        def refuse_if_locked(state: dict[str, Any]) -> None:
            entry = state["accounts"].get(_key(state, username, known), {})
            until = entry.get("locked_until")
            if until and dt.datetime.fromisoformat(until) > now:
                seconds = (dt.datetime.fromisoformat(until) - now).total_seconds()
                minutes = max(1, math.ceil(seconds / 60))
                raise AuthenticationError(ngettext(
                    "Too many failed sign-ins; this account is locked for {n} more minute.",
                    "Too many failed sign-ins; this account is locked for {n} more minutes.",
                    minutes).format(n=minutes))

        if self._load() == _empty():
            return  # none yet: nobody is locked out, and the first count writes them
        self._change(refuse_if_locked)

    def record_failure(self, username: str, known: bool, now: dt.datetime | None = None) -> None:
        """Count a failed sign-in (and keep it for the audit chain).

        Raises:
            CountersUnusable: it could not be counted.
        """
        moment = now or utcnow()

        def count(state: dict[str, Any]) -> None:
            entry = state["accounts"].setdefault(_key(state, username, known), {"failures": 0})
            entry["failures"] = int(entry.get("failures", 0)) + 1
            beyond = entry["failures"] - FREE_ATTEMPTS
            if beyond >= 0:
                lockout = min(FIRST_LOCKOUT * (2 ** min(beyond, 16)), LONGEST_LOCKOUT)
                entry["locked_until"] = (moment + lockout).isoformat()
            state["pending"] = (state["pending"] + [
                {"username": username if known else None, "at": moment.isoformat()}
            ])[-MAX_PENDING:]

        self._change(count)

    def record_success(self, username: str) -> list[FailedAttempt]:
        """Reset the account's count; return (and forget) failures still to be audited.

        Sign-in uses :meth:`pending` and :meth:`settle` instead, so the failures are
        forgotten only once the audit events that record them are committed.
        """
        attempts = self.pending()
        self.settle(username, attempts)
        return attempts

    def pending(self) -> list[FailedAttempt]:
        """Failures not yet moved into the audit trail (nothing is changed).

        Raises:
            CountersUnusable: the counters cannot be read, or are damaged.
        """
        return _attempts(self._load())

    def identity(self) -> str | None:
        """The counters' random id (None: there are none, or none with an id yet).

        Raises:
            CountersUnusable: the counters cannot be read, or are damaged.
        """
        found = self._load().get("id")
        return found if isinstance(found, str) else None

    def ensure(self) -> str:
        """The counters' id, writing counters (or giving old ones an id) if need be.

        Raises:
            CountersUnusable: the counters cannot be read or written, or are damaged.
        """
        state = self._load()
        if not _has_identity(state):
            self._change(lambda state: None)
            state = self._load()
            if not _has_identity(state):  # removed again in between: as good as unusable
                raise CountersUnusable
        return str(state["id"])

    def at_sign_in(self) -> tuple[list[FailedAttempt], str]:
        """:meth:`pending` and :meth:`ensure` from one reading of the counters (a sign-in
        needs both; on a server each reading is a round trip).

        Raises:
            CountersUnusable: the counters cannot be read or written, or are damaged.
        """
        state = self._load()
        if not _has_identity(state):
            return self.pending(), self.ensure()
        return _attempts(state), str(state["id"])

    def settle(self, username: str | None, audited: list[FailedAttempt]) -> None:
        """After a sign-in committed (or in its transaction, :attr:`in_transaction`):
        reset the account's count (``username``; None for
        none) and forget the failures that are now in the audit trail (others that came
        meanwhile stay).

        Raises:
            CountersUnusable: the counters could not be written.
        """
        done = {(a.username, a.at.isoformat()) for a in audited}

        def reset(state: dict[str, Any]) -> None:
            if username is not None:
                state["accounts"].pop(username, None)
            state["pending"] = [item for item in state["pending"]
                                if (item.get("username"), item.get("at")) not in done]

        state = self._load()
        if (username is not None and username in state["accounts"]) or done:
            self._change(reset)

    def set_aside(self) -> None:
        """Keep unusable counters apart (for investigation) so new ones can start: the
        way out a supervisor or the recovery code takes, never taken by itself.

        Raises:
            CountersUnusable: even that failed.
        """
        try:
            self.store.set_aside()
        except OSError:
            raise CountersUnusable from None

    def _load(self) -> dict[str, Any]:
        try:
            return _parse(self.store.read())
        except OSError:
            log.warning("sign-in counters unreadable")
            raise CountersUnusable from None

    def _change(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply ``change`` to the stored state in one atomic step (never over a state
        that could not be read, and never starting afresh over a damaged one)."""

        def apply(document: str | None) -> str:
            state = _parse(document)
            state.setdefault("id", secrets.token_hex(16))
            state.setdefault("salt", secrets.token_hex(16))
            change(state)
            return json.dumps(state)

        try:
            self.store.update(apply)
        except OSError:
            log.warning("could not write the sign-in counters")
            raise CountersUnusable from None


def _key(state: dict[str, Any], username: str, known: bool) -> str:
    """Where a name is counted: the account's own name, or (for a name that matches no
    account) its bucket, which does not store the name."""
    if known:
        return username
    salt = str(state.get("salt", ""))
    tag = hmac.new(salt.encode(), username.casefold().encode("utf-8"), hashlib.sha256)
    return _UNKNOWN_PREFIX + tag.hexdigest()[:4]


def _attempts(state: dict[str, Any]) -> list[FailedAttempt]:
    return [FailedAttempt(item.get("username"), dt.datetime.fromisoformat(item["at"]))
            for item in state["pending"]]


def _has_identity(state: dict[str, Any]) -> bool:
    """Have the counters an id (and the salt made with it)? Older ones, or none, have not."""
    return isinstance(state.get("id"), str) and "salt" in state


def _empty() -> dict[str, Any]:
    return {"accounts": {}, "pending": []}


def _parse(document: str | None) -> dict[str, Any]:
    """The state in ``document`` (none yet: empty).

    Raises:
        CountersUnusable: the document is not what Suoja writes (nothing starts afresh).
    """
    if document is None:
        return _empty()
    try:
        state = json.loads(document)
        if _well_formed(state):
            state["accounts"].pop("", None)  # the single bucket of older versions
            return state
    except (ValueError, TypeError, AttributeError, KeyError):
        pass
    log.warning("sign-in counters damaged")
    raise CountersUnusable


def _well_formed(state: Any) -> bool:
    if not isinstance(state, dict) or not isinstance(state.get("accounts"), dict) or not (
            isinstance(state.get("pending"), list)):
        return False
    for name in ("id", "salt"):
        if name in state and not (isinstance(state[name], str) and state[name]):
            return False
    for entry in state["accounts"].values():
        if not isinstance(entry, dict) or type(entry.get("failures", 0)) is not int:
            return False
        until = entry.get("locked_until")
        if until is not None:
            _moment(until)
    for item in state["pending"]:
        if not isinstance(item, dict) or not isinstance(item.get("username"), str | None):
            return False
        _moment(item["at"])
    return True


def _moment(text: Any) -> dt.datetime:
    """A stored time (ValueError, TypeError: not one)."""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("a time without its zone")
    return moment
