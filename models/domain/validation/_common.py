"""What every rule module shares: the "required" wording, the string check and the clock."""

from __future__ import annotations

from datetime import datetime

from models.domain import formatting

REQUIRED = "is required"


def require_str(value: object, what: str = "value") -> str:
    """Refuse a non-string argument: that is a bug in the caller, not a typing mistake."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def local_now() -> datetime:
    """The current time, aware, in Finnish time (where "today" is decided)."""
    return formatting.local_now()
