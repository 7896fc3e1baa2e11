"""Amounts of money as people type them (``1 200,50``, ``200.5 €``); never through float.

Showing an amount is :func:`models.domain.formatting.money_text`'s work."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from models.domain.errors import ValidationError
from models.domain.i18n import N_, ngettext
from models.domain.i18n import gettext as _
from models.domain.validation._common import REQUIRED, field_name

#: Exclusive upper bound. The money columns are ``Numeric(12, 2)``, so ten billion itself
#: (eleven integer digits) would not fit.
_MONEY_LIMIT = Decimal(10_000_000_000)
#: Thousands separators people type or paste: space, no-break space, narrow no-break space,
#: thin space.
_GROUP_SPACES = str.maketrans(dict.fromkeys("\u00a0\u202f\u2009", " "))
#: Digits with optional space grouping, then an optional comma or dot and decimals.
_MONEY = re.compile(r"(?P<whole>[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:[.,](?P<decimals>[0-9]+))?")
_MINUS_SIGNS = ("-", "\u2212")
_LIKE = N_("must be an amount like 1 200,50")
_NEGATIVE = N_("must not be negative")


def parse_money(
    value: str | int | Decimal, *, field: str = N_("Amount"), decimals: int = 2
) -> Decimal:
    """Read a non-negative amount of money with at most ``decimals`` decimals.

    Two for euros and dollars (the default), eight for bitcoin (satoshis).

    Text is read the Finnish way or the English way: ``"1 200,50"``, ``"200,5"``,
    ``"200"``, ``"200.50"``. A euro sign or ``EUR`` before or after the number is
    ignored. Space (also no-break space) is the only thousands separator; a comma or a dot
    is always the decimal separator.

    Args:
        value: the amount as typed, or an int or Decimal from code. Never a float: money
            must not pass through binary floating point.
        field: the field name used in the error message.
        decimals: how many decimals the currency has.

    Returns:
        The amount quantized to ``decimals`` places, e.g. ``Decimal("1200.50")``.

    Raises:
        TypeError: ``value`` is a float (or another unsupported type).
        ValidationError: the amount is empty, not a number, negative, has more than two
            decimals, or is ten billion or more.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise TypeError(f"money must be str, int or Decimal, not {type(value).__name__}")
    quantum = Decimal(1).scaleb(-decimals)
    field = field_name(field)
    too_precise = _("must have at most two decimals") if decimals == 2 else ngettext(
        "must have at most {n} decimal", "must have at most {n} decimals", decimals
    ).format(n=decimals)
    if isinstance(value, str):
        amount = _parse_money_text(value, field, decimals, too_precise)
    else:
        amount = Decimal(value)
        if not amount.is_finite():
            raise ValidationError(field, _("must be a number"))
        if amount < 0:
            raise ValidationError(field, _(_NEGATIVE))
    # Before any quantize(): a huge value would overflow the decimal context.
    if amount >= _MONEY_LIMIT:
        raise ValidationError(field, _("is too large"))
    if amount != amount.quantize(quantum):
        raise ValidationError(field, too_precise)
    # copy_abs() turns a negative zero into a plain 0.00.
    return amount.quantize(quantum).copy_abs()


def _parse_money_text(value: str, field: str, places: int, too_precise: str) -> Decimal:
    text = value.translate(_GROUP_SPACES).strip()
    for unit in ("€", "EUR", "eur", "Eur"):
        if text.startswith(unit):
            text = text[len(unit) :].lstrip()
            break
        if text.endswith(unit):
            text = text[: -len(unit)].rstrip()
            break
    if not text:
        raise ValidationError(field, _(REQUIRED))
    if text.startswith(_MINUS_SIGNS):
        raise ValidationError(field, _(_NEGATIVE))
    match = _MONEY.fullmatch(text)
    if match is None:
        raise ValidationError(field, _(_LIKE))
    decimals = match["decimals"] or ""
    if len(decimals) > places:
        raise ValidationError(field, too_precise)
    try:
        return Decimal(f"{match['whole'].replace(' ', '')}.{decimals or '0'}")
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise ValidationError(field, _(_LIKE)) from None
