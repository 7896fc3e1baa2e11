"""Dates and moments: none in the future."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from models.domain.errors import ValidationError
from models.domain.validation._common import local_now

_D = TypeVar("_D", date, datetime)


def validate_not_future(value: _D, *, field: str, now: datetime | None = None) -> _D:
    """Refuse a date or moment that has not happened yet.

    A datetime must be timezone-aware (Suoja stores aware UTC) and is compared with
    ``now`` as an absolute instant. A date is compared with the calendar date of ``now``
    in ``now``'s own time zone, so "today" means the workstation's today by default.

    Args:
        value: the date or aware datetime to check.
        field: the field name used in the error message.
        now: the current time, aware; defaults to the clock in the local time zone.
            Tests pass a fixed value.

    Returns:
        ``value`` unchanged.

    Raises:
        TypeError: ``value`` is not a date or datetime.
        ValueError: ``value`` or ``now`` is a naive datetime.
        ValidationError: ``value`` is after ``now`` (for a date: after today).
    """
    if now is None:
        now = local_now()
    elif now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("datetimes must be timezone-aware (Suoja stores UTC)")
        # Aware datetimes compare as instants, whatever their zones (and without the
        # overflow astimezone() would hit at the ends of the calendar).
        if value > now:
            raise ValidationError(field, "must not be in the future")
        return value
    if not isinstance(value, date):
        raise TypeError(f"value must be a date or datetime, not {type(value).__name__}")
    if value > now.date():
        raise ValidationError(field, "must not be in the future")
    return value
