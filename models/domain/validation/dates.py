"""Dates as people type them (``13.10.1952``), and dates and moments that must not lie ahead."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TypeVar

from models.domain.errors import ValidationError
from models.domain.i18n import gettext as _
from models.domain.validation._common import field_name, local_now, require_str

_D = TypeVar("_D", date, datetime)

#: ``d.M.yyyy``; ``[0-9]`` rather than ``\d`` keeps out non-ASCII digits.
_FINNISH_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_date(value: str, *, field: str, iso: bool = False) -> date:
    """Read a date written the Finnish way, ``d.M.yyyy`` (``2.1.1970``, ``02.01.1970``).

    Surrounding whitespace is ignored. Whether the date may lie ahead is the caller's rule.

    Args:
        value: the date as typed.
        field: the field name used in the error message.
        iso: also read ``yyyy-mm-dd`` (lists and the command line, where dates often come
            from other programs); any failure then gets the one reason naming both forms.

    Raises:
        ValidationError: another shape ("must be a date written like 13.10.1952"), or a
            date that does not exist, such as 31.2.1980 ("is not a date that exists");
            with ``iso``, either one: "must be a date like 24.10.1980 or 1980-10-24".
    """
    text = require_str(value).strip()
    field = field_name(field)
    both_forms = _("must be a date like 24.10.1980 or 1980-10-24")
    finnish = _FINNISH_DATE.fullmatch(text)
    if finnish is not None:
        day, month, year = (int(part) for part in finnish.groups())
    elif iso and (international := _ISO_DATE.fullmatch(text)) is not None:
        year, month, day = (int(part) for part in international.groups())
    else:
        raise ValidationError(field, both_forms if iso else
                              _("must be a date written like 13.10.1952"))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(field, both_forms if iso else
                              _("is not a date that exists")) from None


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
            raise ValidationError(field_name(field), _("must not be in the future"))
        return value
    if not isinstance(value, date):
        raise TypeError(f"value must be a date or datetime, not {type(value).__name__}")
    if value > now.date():
        raise ValidationError(field_name(field), _("must not be in the future"))
    return value
