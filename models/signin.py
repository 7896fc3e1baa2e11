"""Sign-in throttling: repeated failures lock an account for a while.

A wrong password cannot be written to the encrypted database (without the right password
there is no key), so failures are counted in a small side file beside it, ``<db>.signin``.
On a PostgreSQL server the counters are a row the server keeps (``models.server``), so
every workstation sees the same lockout.
The next successful sign-in moves them into the audit chain as ``failed_login`` events.
Names typed that match no account are never stored (people type passwords into the
username field); they are counted together under one anonymous bucket.

This guards the app's own sign-in against guessing. Someone who copies the files can
bypass it, which is why each key slot is also protected by Argon2id's cost.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from models.base import utcnow
from models.errors import AuthenticationError

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
    """Where the counters live: a JSON document read and written whole."""

    def read(self) -> str | None: ...

    def write(self, document: str) -> None: ...


class FileCounters:
    """The counters in ``<db>.signin`` beside an SQLite database (0600, written atomically)."""

    def __init__(self, db_path: Path) -> None:
        self.path = signin_path(db_path)

    def read(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def write(self, document: str) -> None:
        fd, tmp = tempfile.mkstemp(prefix=self.path.name, suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(document)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise


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
            raise AuthenticationError(
                f"Too many failed sign-ins; this account is locked for {minutes} more "
                f"minute{'s' if minutes != 1 else ''}."
            )

    def record_failure(self, username: str, known: bool, now: dt.datetime | None = None) -> None:
        now = now or utcnow()
        state = self._load()
        key = username if known else _UNKNOWN
        entry = state["accounts"].setdefault(key, {"failures": 0})
        entry["failures"] = int(entry.get("failures", 0)) + 1
        beyond = entry["failures"] - FREE_ATTEMPTS
        if beyond >= 0:
            lockout = min(FIRST_LOCKOUT * (2 ** beyond), LONGEST_LOCKOUT)
            entry["locked_until"] = (now + lockout).isoformat()
        state["pending"] = (
            state["pending"] + [{"username": username if known else None, "at": now.isoformat()}]
        )[-MAX_PENDING:]
        self._save(state)

    def record_success(self, username: str) -> list[FailedAttempt]:
        """Reset the account's count; return (and forget) failures still to be audited."""
        state = self._load()
        if not state["accounts"] and not state["pending"]:
            return []
        state["accounts"].pop(username, None)
        pending = [
            FailedAttempt(item.get("username"), dt.datetime.fromisoformat(item["at"]))
            for item in state["pending"]
        ]
        state["pending"] = []
        self._save(state)
        return pending

    def _load(self) -> dict[str, Any]:
        try:
            document = self.store.read()
            if document is None:
                return {"accounts": {}, "pending": []}
            state = json.loads(document)
            if isinstance(state.get("accounts"), dict) and isinstance(state.get("pending"), list):
                return state
        except (OSError, ValueError, AttributeError):
            pass
        log.warning("sign-in counters unreadable; starting afresh")
        return {"accounts": {}, "pending": []}

    def _save(self, state: dict[str, Any]) -> None:
        try:
            self.store.write(json.dumps(state))
        except OSError:
            log.warning("could not record a sign-in attempt")
