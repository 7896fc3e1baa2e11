"""The two kinds of error Suoja knows about.

Expected problems (a wrong password, an invalid identity code, a damaged database) are
:class:`KnownError` subclasses: they carry one plain sentence that is safe to show to the
user and to print on stderr, and the exit code the command line returns for them.
Everything else is a bug and reaches the crash handler.

Messages must never contain personal data: name the field and the rule that failed,
never the value the user typed.
"""

from __future__ import annotations


class KnownError(Exception):
    """An expected failure with a message fit for the user.

    Attributes:
        exit_code: what ``main.py`` returns when a command stops on this error.
    """

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(KnownError):
    """The command was called the wrong way."""

    exit_code = 2


class AuthenticationError(KnownError):
    """Wrong username or password, or a locked account."""

    exit_code = 3


class DataError(KnownError):
    """The database or key file is missing, damaged or not Suoja's."""

    exit_code = 4


class Unavailable(DataError):
    """The database could not be reached or was busy: nothing is known to be wrong with
    the data, so commands exit 1 ("anything else"), not 4 ("data or integrity problem"),
    and a monitoring job can tell an outage from damage."""

    exit_code = 1


class ValidationError(KnownError):
    """A value entered by a person breaks a rule.

    Attributes:
        field: the human name of the field ("Identity code").
        reason: why it was refused, without repeating the value.
    """

    exit_code = 4

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class PermissionDenied(KnownError):
    """The signed-in user's role does not allow this."""

    exit_code = 3


class NotFound(KnownError):
    """A record asked for by reference does not exist."""

    exit_code = 4


class ConflictError(KnownError):
    """Someone else saved the record first (optimistic locking)."""

    exit_code = 4


def from_database_error(error: BaseException) -> KnownError | None:
    """Translate a driver or SQLAlchemy error into a plain sentence, if it is expected.

    The message is chosen from the error's kind, never copied from it, so no SQL and no
    bound value (personal data) reaches the user or a log.
    """
    original = getattr(error, "orig", error)
    by_code = _from_sqlstate(getattr(original, "sqlstate", None))
    if by_code is not None:
        return by_code
    text = str(original).lower()
    if "locked" in text or "busy" in text or "lock timeout" in text or "deadlock" in text:
        return Unavailable(_BUSY)
    if "disk is full" in text or "database or disk is full" in text:
        return DataError("The disk is full; the last change was not saved.")
    if "malformed" in text or "not a database" in text or "hmac" in text:
        return DataError(
            "The database is damaged (a page failed its check); run 'verify' and restore a backup."
        )
    if "readonly" in text or "read-only" in text:
        return DataError("The database file is read-only; nothing can be saved.")
    if "unable to open" in text:
        return DataError("The database file cannot be opened; check the folder's permissions.")
    # PostgreSQL errors without a code (libpq's own, on the client):
    if ("server closed the connection" in text or "terminating connection" in text
            or "connection is closed" in text or "consuming input failed" in text):
        return Unavailable(_LOST)
    if "permission denied" in text or "must be owner" in text:
        return DataError("The database server did not allow this change for this connection's "
                         "role; ask the administrator (see docs/DEPLOYMENT.md).")
    if "no space left" in text or "could not extend file" in text:
        return DataError("The database server's disk is full; the last change was not saved.")
    return None


_BUSY = "The database is busy in another window or program; try again shortly."
_LOST = ("The connection to the database server was lost; the last step may not have been "
         "saved. Check it, then try again.")


def _from_sqlstate(code: str | None) -> KnownError | None:
    """A PostgreSQL error by its SQLSTATE code: the same in every server language."""
    if not code:
        return None
    if code in ("55P03", "40P01", "40001"):  # lock timeout, deadlock, serialization
        return Unavailable(_BUSY)
    if code.startswith("08") or code in ("57P01", "57P02", "57P03", "25P03"):
        return Unavailable(_LOST)  # connection failure, shutdown, idle transaction ended
    if code == "42501":  # insufficient privilege
        return DataError("The database server did not allow this change for this "
                         "connection's role; ask the administrator (see docs/DEPLOYMENT.md).")
    if code == "53100":
        return DataError("The database server's disk is full; the last change was not saved.")
    return None

