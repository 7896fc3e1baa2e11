"""Finnish personal identity codes (henkilötunnus): checked with python-stdnum, taken apart once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from stdnum import exceptions as stdnum_errors
from stdnum.fi import hetu

from models.domain.errors import DataError, ValidationError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.domain.validation._common import REQUIRED, field_name, local_now, require_str

#: Check characters, indexed by ``int(DDMMYYNNN) % 31``.
_HETU_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

#: Century of each century sign; the letters other than ``A`` are valid since 2023.
_HETU_CENTURIES: dict[str, int] = {"+": 1800}
_HETU_CENTURIES.update(dict.fromkeys("-YXWVU", 1900))
_HETU_CENTURIES.update(dict.fromkeys("ABCDEF", 2000))

#: The shape of a code. The check character is matched loosely on purpose, so that a
#: mistyped check letter (say ``G``) is reported as a wrong check character, not a wrong
#: format. ``[0-9]`` rather than ``\d`` keeps out non-ASCII digits, which ``int()`` accepts.
_HETU_SHAPE = re.compile(
    r"(?P<day>[0-9]{2})(?P<month>[0-9]{2})(?P<year>[0-9]{2})"
    r"(?P<century>[-+A-FU-Y])(?P<individual>[0-9]{3})(?P<check>[0-9A-Z])"
)

_HETU_LENGTH = 11
#: What a masked code keeps: the birth date and the century sign.
_SHOWN = 7
#: The first temporary individual number.
_TEMPORARY_FROM = 900
_WRONG_CHECK = N_("check character does not match; check for a typo")


@dataclass(frozen=True)
class IdentityCode:
    """A valid Finnish personal identity code, taken apart once.

    Made by :func:`parse_identity_code` from what a person typed, or by :meth:`from_stored`
    from the database, and handed on as it is: from the intake form to the service, and
    from a stored row to what the GUI and the PDFs show. The sex that the individual
    number encodes is deliberately not derived.

    Attributes:
        compact: the canonical stored form, upper case without spaces ("131052-308T").
        birth_date: the date of birth the code encodes.
        individual: the individual number (2–999).
    """

    compact: str
    birth_date: date
    individual: int

    @classmethod
    def from_stored(cls, compact: str) -> IdentityCode:
        """A code read back from the database, taken apart without checking it again
        (only valid codes are stored: :func:`parse_identity_code`'s results and the demo
        data's :func:`generate_temporary_identity_code`).

        Raises:
            DataError: the stored value is not shaped like a code (the value is not
                repeated).
        """
        match = _HETU_SHAPE.fullmatch(compact) if isinstance(compact, str) else None
        if match is None:
            raise DataError(_("A stored identity code is damaged (not the shape of a code)."))
        try:
            return cls(compact, _birth_date(match), int(match["individual"]))
        except ValueError:
            raise DataError(
                _("A stored identity code is damaged (no such birth date).")) from None

    @property
    def is_temporary(self) -> bool:
        """Whether this is a temporary code (individual number 900–999)."""
        return self.individual >= _TEMPORARY_FROM

    @property
    def masked(self) -> str:
        """The code with everything after the birth date and century sign hidden,
        ``131052-****``: what is shown unless revealing it is asked for (and audited)."""
        return self.mask_shown(self.compact)

    @staticmethod
    def mask_shown(shown: str) -> str:
        """The masked code from its visible part alone (``131052-`` → ``131052-****``):
        for lists that read only that part, so the hidden digits never leave the
        database."""
        return shown[:_SHOWN] + "*" * (_HETU_LENGTH - _SHOWN)

    def __repr__(self) -> str:
        # The full code is personal data: keep it out of logs, tracebacks and test output.
        return (
            f"IdentityCode(compact={self.masked!r}, birth_date=..., individual=..., "
            f"is_temporary={self.is_temporary!r})"
        )


def _birth_date(match: re.Match[str]) -> date:
    """The birth date of a code matched by :data:`_HETU_SHAPE` (ValueError if none)."""
    return date(
        _HETU_CENTURIES[match["century"]] + int(match["year"]),
        int(match["month"]),
        int(match["day"]),
    )


def mask_code_shaped(text: str) -> str:
    """``text`` with its identity code masked if it is shaped like one (``131052-****``),
    else as it is: for showing a file's cells before anything is checked (an import's
    preview), so a whole code is not on screen unasked."""
    compact = "".join(text.split()).upper()
    if _HETU_SHAPE.fullmatch(compact):
        return IdentityCode.mask_shown(compact)
    return text


def parse_identity_code(value: str, *, field: str = N_("Identity code")) -> IdentityCode:
    """Check a Finnish personal identity code and take it apart.

    Spaces are removed and letters upper-cased before checking. Temporary codes
    (individual number 900–999) are accepted and flagged.

    Args:
        value: the code as typed, e.g. ``"131052-308t"``.
        field: the field name used in the error message.

    Returns:
        The code taken apart: canonical form, birth date, individual number.

    Raises:
        ValidationError: the code is empty, has the wrong length or shape, an impossible or
            future birth date, an individual number below 002, or a wrong check character.
    """
    text = "".join(require_str(value).split()).upper()
    field = field_name(field)
    if not text:
        raise ValidationError(field, _(REQUIRED))
    if len(text) != _HETU_LENGTH:
        raise ValidationError(field, _("must be 11 characters long"))
    match = _HETU_SHAPE.fullmatch(text)
    if match is None:
        raise ValidationError(
            field,
            _("must be six digits of birth date, a century sign, three digits and a check "
              "character"),
        )
    if int(match["individual"]) < 2:
        # stdnum reports this as the same error as an impossible date; say what it is.
        raise ValidationError(field, _("individual number must be between 002 and 999"))
    try:
        hetu.validate(text, allow_temporary=True)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(field, _(_WRONG_CHECK)) from None
    except stdnum_errors.InvalidComponent:
        # The individual number was checked above, so the date is what is wrong.
        raise ValidationError(field, _("contains a birth date that does not exist")) from None
    except stdnum_errors.InvalidFormat:
        # The shape was checked above, so only the check character can be out of the set.
        raise ValidationError(field, _(_WRONG_CHECK)) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(field, _("is not a valid identity code")) from None

    birth_date = _birth_date(match)
    if birth_date > local_now().date():
        raise ValidationError(field, _("contains a birth date in the future"))
    return IdentityCode(compact=text, birth_date=birth_date, individual=int(match["individual"]))


def generate_temporary_identity_code(birth_date: date, individual: int) -> str:
    """Build a temporary identity code for synthetic test and demo data.

    Temporary individual numbers (900–999) are never given to anyone as a permanent code,
    so a generated code cannot belong to a real person's permanent identity. The century
    sign is the classic one: ``+`` for the 1800s, ``-`` for the 1900s and ``A`` for the
    2000s.

    Args:
        birth_date: a date between 1800-01-01 and today (a future date would not pass
            :func:`parse_identity_code`).
        individual: the individual number, 900–999.

    Returns:
        The code in compact form, e.g. ``"010190-900X"``; it always passes
        :func:`parse_identity_code` with ``is_temporary`` True.

    Raises:
        TypeError: ``birth_date`` is not a date or ``individual`` not an int.
        ValueError: ``individual`` is outside 900–999, or the date is before 1800 or
            in the future.
    """
    if not isinstance(birth_date, date) or isinstance(birth_date, datetime):
        raise TypeError("birth_date must be a datetime.date")
    if not isinstance(individual, int) or isinstance(individual, bool):
        raise TypeError("individual must be an int")
    if not 900 <= individual <= 999:
        raise ValueError("temporary individual numbers are 900-999")
    signs = {1800: "+", 1900: "-", 2000: "A"}
    century = birth_date.year // 100 * 100
    if century not in signs:
        raise ValueError("identity codes cover birth years 1800-2099 only")
    if birth_date > local_now().date():
        raise ValueError("birth_date is in the future")
    digits = f"{birth_date:%d%m}{birth_date.year % 100:02d}{individual:03d}"
    check = _HETU_CHECK_CHARACTERS[int(digits) % 31]
    return f"{digits[:6]}{signs[century]}{digits[6:]}{check}"
