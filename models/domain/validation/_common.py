"""What every rule module shares: the "required" wording, the string check and the clock."""

from __future__ import annotations

from datetime import datetime

from models.domain import formatting
from models.domain.i18n import N_, gettext

#: Translated where it is raised (``gettext(REQUIRED)``).
REQUIRED = N_("is required")


def require_str(value: object, what: str = "value") -> str:
    """Refuse a non-string argument: that is a bug in the caller, not a typing mistake."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def field_name(field: str) -> str:
    """A field's name in the language in use: the rules' own defaults are marked with
    ``N_`` and translated here; a name the caller translated already stays as it is."""
    return gettext(field)


def local_now() -> datetime:
    """The current time, aware, in Finnish time (where "today" is decided)."""
    return formatting.local_now()
