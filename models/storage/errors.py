"""Database errors in plain words: what SQLite, SQLCipher and PostgreSQL say when
something expected goes wrong (busy, disk full, damaged, connection lost, not allowed),
as a :class:`~models.domain.errors.KnownError`.

The kinds of error are the domain's (``models.domain.errors``); reading a driver's error
is storage's, beside the code that talks to the drivers.
"""

from __future__ import annotations

from models.domain.errors import DamagedData, DataError, KnownError, Unavailable
from models.domain.i18n import N_
from models.domain.i18n import gettext as _


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
        return Unavailable(_(_BUSY))
    if "disk is full" in text or "database or disk is full" in text:
        return DataError(_("The disk is full; the last change was not saved."))
    if "malformed" in text or "not a database" in text or "hmac" in text:
        return DamagedData(_(
            "The database is damaged (a page failed its check); run 'verify' and restore a backup."
        ))
    if "readonly" in text or "read-only" in text:
        return DataError(_("The database file is read-only; nothing can be saved."))
    if "unable to open" in text:
        return DataError(
            _("The database file cannot be opened; check the folder's permissions."))
    # PostgreSQL errors without a code (libpq's own, on the client):
    if ("server closed the connection" in text or "terminating connection" in text
            or "connection is closed" in text or "consuming input failed" in text):
        return Unavailable(_(_LOST))
    if "permission denied" in text or "must be owner" in text:
        return DataError(_(_REFUSED))
    if "no space left" in text or "could not extend file" in text:
        return DataError(_(_SERVER_FULL))
    return None


_BUSY = N_("The database is busy in another window or program; try again shortly.")
_LOST = N_("The connection to the database server was lost; the last step may not have been "
           "saved. Check it, then try again.")
_REFUSED = N_("The database server did not allow this change for this connection's role; ask "
              "the administrator (see docs/DEPLOYMENT.md).")
_SERVER_FULL = N_("The database server's disk is full; the last change was not saved.")


def _from_sqlstate(code: str | None) -> KnownError | None:
    """A PostgreSQL error by its SQLSTATE code: the same in every server language."""
    if not code:
        return None
    if code in ("55P03", "40P01", "40001"):  # lock timeout, deadlock, serialization
        return Unavailable(_(_BUSY))
    if code.startswith("08") or code in ("57P01", "57P02", "57P03", "25P03"):
        return Unavailable(_(_LOST))  # connection failure, shutdown, idle transaction ended
    if code == "42501":  # insufficient privilege
        return DataError(_(_REFUSED))
    if code == "53100":
        return DataError(_(_SERVER_FULL))
    return None

