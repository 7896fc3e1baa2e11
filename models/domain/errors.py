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


class DamagedData(DataError):
    """The database file is damaged (a page fails its check, or it no longer decrypts):
    restoring a backup is the way out, and the sign-in window offers it. A type of its own,
    so that offer does not depend on the words of the message in any language."""


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
