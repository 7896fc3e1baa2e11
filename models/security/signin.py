"""Sign-in throttling: repeated failures lock an account for a while.

A wrong password cannot be written to the encrypted database (without the right password
there is no key), so failures are counted in a small side file beside it, ``<db>.signin``.
On a PostgreSQL server the counters are a row the server keeps (``models.storage.server``), so
every workstation sees the same lockout.
The next successful sign-in moves them into the audit chain as ``failed_login`` events.
Names typed that match no account are never stored (people type passwords into the
username field); they are counted together under one anonymous bucket.

This guards the app's own sign-in against guessing. Someone who copies the files can
bypass it, which is why each key slot is also protected by Argon2id's cost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import math
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from models.domain.base import utcnow
from models.domain.errors import AuthenticationError
from models.domain.i18n import ngettext
from models.domain.private_files import open_lock_file, write_private

log = logging.getLogger("suoja.signin")

FREE_ATTEMPTS = 5
FIRST_LOCKOUT = dt.timedelta(minutes=5)
LONGEST_LOCKOUT = dt.timedelta(hours=1)
MAX_PENDING = 1000
_UNKNOWN = ""  # the bucket for names that match no account


@dataclass(frozen=True)
class FailedAttempt:
    username: str | None  # None: the name typed matched no account
    at: dt.datetime


def signin_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".signin")


class CounterStore(Protocol):
    """Where the counters live: a JSON document, changed as one atomic step."""

    def read(self) -> str | None: ...

    def update(self, change: Callable[[str | None], str]) -> None:
        """Replace the document by ``change(old)``, with no other update in between."""
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


class FileCounters:
    """The counters in ``<db>.signin`` beside an SQLite database (0600, written atomically).

    One workstation uses an SQLite file, so read-change-write needs no lock here.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = signin_path(db_path)

    def read(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def update(self, change: Callable[[str | None], str]) -> None:
        with _file_lock(self.path.with_name(self.path.name + ".lock")):
            self._replace(change(self.read()))

    def _replace(self, document: str) -> None:
        write_private(self.path, document.encode("utf-8"))


class SignInGuard:
    """Counts failures per account and refuses locked accounts.

    Args:
        where: an SQLite database's path (counters in ``<db>.signin``) or a store.
    """

    def __init__(self, where: Path | CounterStore) -> None:
        self.store: CounterStore = FileCounters(where) if isinstance(where, Path) else where

    def check(self, username: str, known: bool, now: dt.datetime | None = None) -> None:
        """Refuse a sign-in while the account (or the unknown-name bucket) is locked out.

        Raises:
            AuthenticationError: locked out, with how long to wait.
        """
        now = now or utcnow()
        entry = self._load()["accounts"].get(username if known else _UNKNOWN, {})
        until = entry.get("locked_until")
        if until and dt.datetime.fromisoformat(until) > now:
            seconds = (dt.datetime.fromisoformat(until) - now).total_seconds()
            minutes = max(1, math.ceil(seconds / 60))
            raise AuthenticationError(ngettext(
                "Too many failed sign-ins; this account is locked for {n} more minute.",
                "Too many failed sign-ins; this account is locked for {n} more minutes.",
                minutes).format(n=minutes))

    def record_failure(self, username: str, known: bool, now: dt.datetime | None = None) -> None:
        moment = now or utcnow()
        key = username if known else _UNKNOWN

        def count(state: dict[str, Any]) -> None:
            entry = state["accounts"].setdefault(key, {"failures": 0})
            entry["failures"] = int(entry.get("failures", 0)) + 1
            beyond = entry["failures"] - FREE_ATTEMPTS
            if beyond >= 0:
                lockout = min(FIRST_LOCKOUT * (2 ** beyond), LONGEST_LOCKOUT)
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
        """Failures not yet moved into the audit trail (nothing is changed)."""
        return [FailedAttempt(item.get("username"), dt.datetime.fromisoformat(item["at"]))
                for item in self._load()["pending"]]

    def settle(self, username: str, audited: list[FailedAttempt]) -> None:
        """After a sign-in committed: reset the account's count and forget the failures
        that are now in the audit trail (others that came meanwhile stay)."""
        done = {(a.username, a.at.isoformat()) for a in audited}

        def reset(state: dict[str, Any]) -> None:
            state["accounts"].pop(username, None)
            state["pending"] = [item for item in state["pending"]
                                if (item.get("username"), item.get("at")) not in done]

        state = self._load()
        if username in state["accounts"] or done:
            self._change(reset)

    def _load(self) -> dict[str, Any]:
        try:
            return _parse(self.store.read())
        except OSError:
            log.warning("sign-in counters unreadable")
            return _empty()

    def _change(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply ``change`` to the stored state in one atomic step (never over a state
        that could not be read: the store raises instead, and nothing is written)."""

        def apply(document: str | None) -> str:
            state = _parse(document)
            change(state)
            return json.dumps(state)

        try:
            self.store.update(apply)
        except OSError:
            log.warning("could not record a sign-in attempt")


def _empty() -> dict[str, Any]:
    return {"accounts": {}, "pending": []}


def _parse(document: str | None) -> dict[str, Any]:
    """The state in ``document``; a damaged document counts as empty (and is replaced)."""
    if document is None:
        return _empty()
    try:
        state = json.loads(document)
        if isinstance(state.get("accounts"), dict) and isinstance(state.get("pending"), list):
            return state
    except (ValueError, AttributeError):
        pass
    log.warning("sign-in counters damaged; starting afresh")
    return _empty()
