"""How to reach a person: e-mail addresses and phone numbers (stored as E.164)."""

from __future__ import annotations

import re

from models.domain.errors import ValidationError
from models.domain.i18n import N_, ngettext
from models.domain.i18n import gettext as _
from models.domain.validation._common import REQUIRED, field_name, require_str

#: Characters allowed in an unquoted local part (RFC 5322 ``atext``), ASCII only.
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_EMAIL_MAX = 254
_EMAIL_LOCAL_MAX = 64


def validate_email(value: str, *, field: str = N_("E-mail")) -> str:
    """Check an e-mail address, pragmatically.

    The rules catch typing mistakes without trying to implement all of RFC 5322: exactly
    one ``@``; a local part of at most 64 ASCII characters without quotes, spaces or
    leading, trailing or doubled dots; a domain of at least two dot-separated labels made
    of ASCII letters, digits and inner hyphens, whose last label is not all digits; at
    most 254 characters in all. Internationalised addresses must be typed in their ASCII
    (punycode) form.

    Args:
        value: the address as typed.
        field: the field name used in the error message.

    Returns:
        The address without surrounding whitespace and with the domain lower-cased (the
        local part keeps its case, which the receiving server may treat as significant).

    Raises:
        ValidationError: the address breaks one of the rules above.
    """
    text = require_str(value).strip()
    field = field_name(field)
    if not text:
        raise ValidationError(field, _(REQUIRED))
    if any(ch.isspace() for ch in text):
        raise ValidationError(field, _("must not contain spaces"))
    if len(text) > _EMAIL_MAX:
        raise ValidationError(field, ngettext(
            "must be at most {n} character long", "must be at most {n} characters long",
            _EMAIL_MAX).format(n=_EMAIL_MAX))
    if text.count("@") != 1:
        raise ValidationError(field, _("must contain exactly one @ sign"))
    local, domain = text.split("@")
    if not local:
        raise ValidationError(field, _("needs a name before the @ sign"))
    if len(local) > _EMAIL_LOCAL_MAX:
        raise ValidationError(field, ngettext(
            "must have at most {n} character before the @ sign",
            "must have at most {n} characters before the @ sign",
            _EMAIL_LOCAL_MAX).format(n=_EMAIL_LOCAL_MAX))
    if _EMAIL_LOCAL.fullmatch(local) is None:
        raise ValidationError(field, _("has characters that are not allowed before the @ sign"))
    labels = domain.split(".")
    if len(labels) < 2:
        raise ValidationError(
            field, _("needs a domain with a dot after the @ sign, like example.fi"))
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in labels) or labels[-1].isdigit():
        raise ValidationError(field, _("has a domain that is not valid after the @ sign"))
    return f"{local}@{domain.lower()}"


# ---------------------------------------------------------------------------------------------
# Phone
# ---------------------------------------------------------------------------------------------

_PHONE_SEPARATORS = str.maketrans("", "", "-()")
_PHONE_MIN_DIGITS = 7
_PHONE_MAX_DIGITS = 15  # ITU-T E.164
_FINLAND = "358"


def validate_phone(value: str, *, field: str = N_("Phone"), plan: bool = True) -> str:
    """Check a Finnish or international phone number and store it as E.164.

    Spaces, hyphens and parentheses are ignored. ``00`` at the start means the
    international prefix; a number starting with a single ``0`` is Finnish, so its leading
    zero becomes ``+358``. A trunk zero written after the Finnish country code, as in
    ``+358 (0)40 …``, is dropped too.

    Args:
        value: the number as typed, e.g. ``"040 123 4567"`` or ``"+44 20 7946 0958"``.
        field: the field name used in the error message.
        plan: check the number against its country's numbering plan too (a person's own
            number as entered); without it only the form (a number searched for, an
            extortioner's, one stored before the plan was checked).

    Returns:
        ``"+"`` followed by 7–15 digits, e.g. ``"+358401234567"``.

    Raises:
        ValidationError: the number is empty, contains other characters, does not start
            with ``+``, ``00`` or ``0``, has a country code starting with 0 or one that
            does not exist, or has too few or too many digits (for E.164, or for its
            country's numbering plan).
    """
    text = "".join(require_str(value).split()).translate(_PHONE_SEPARATORS)
    field = field_name(field)
    if not text:
        raise ValidationError(field, _(REQUIRED))
    international = text.startswith("+")
    body = text[1:] if international else text
    if not (body.isascii() and body.isdigit()):
        raise ValidationError(
            field, _("may contain only digits, spaces, hyphens, parentheses and a leading +")
        )
    if international:
        digits = body
    elif body.startswith("00"):
        digits = body[2:]
    elif body.startswith("0"):
        digits = _FINLAND + body[1:]
    else:
        raise ValidationError(
            field,
            _("must start with 0 for a Finnish number, or with + or 00 for an international "
              "one"),
        )
    if digits.startswith(_FINLAND + "0"):
        digits = _FINLAND + digits[len(_FINLAND) + 1 :]
    if digits.startswith("0"):
        raise ValidationError(field, _("has a country code that cannot start with 0"))
    if len(digits) < _PHONE_MIN_DIGITS:
        raise ValidationError(field, _("is too short"))
    if len(digits) > _PHONE_MAX_DIGITS:
        raise ValidationError(field, _("is too long"))
    if plan:
        _check_numbering_plan(digits, field)
    return "+" + digits


def _check_numbering_plan(digits: str, field: str) -> None:
    """The number's length must be one its country's numbering plan has (libphonenumber's
    data): "040 12" has the seven digits of an E.164 number, but no Finnish number is
    that short. A Finnish number must also be in a range Finland has opened ("040 123"
    has the length of some landline numbers, but no mobile number is that short)."""
    import phonenumbers  # (its data loads on first use: not at start-up)
    from phonenumbers import NumberParseException, ValidationResult

    try:
        number = phonenumbers.parse("+" + digits, None)
    except NumberParseException as error:
        if error.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            raise ValidationError(field, _("has a country code that does not exist")) from None
        raise ValidationError(field, _("is too short")) from None
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        raise ValidationError(field, _("has a country code that does not exist"))
    if reason in (ValidationResult.TOO_SHORT, ValidationResult.IS_POSSIBLE_LOCAL_ONLY):
        raise ValidationError(field, _("is too short"))
    if reason == ValidationResult.TOO_LONG:
        raise ValidationError(field, _("is too long"))
    if reason == ValidationResult.INVALID_LENGTH:
        raise ValidationError(field, _("has the wrong number of digits for its country"))
    if digits.startswith(_FINLAND) and not phonenumbers.is_valid_number(number):
        raise ValidationError(field, _("is not a Finnish phone number in use"))
