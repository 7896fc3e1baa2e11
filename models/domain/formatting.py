"""How Suoja shows dates, times, money, counts and sizes: one home for the GUI and the PDFs.

Every function takes a value and returns the text a person reads, in the Finnish style the
app uses today: ``13.10.1952``, ``5.3.2024 09:04`` (local time), ``1 200,50 €``,
``40 000``, ``62,7 %``, ``12,4 kB``. Digit groups, and a number and its unit, are joined
by a no-break space (:data:`NBSP`) so a value never wraps across lines. ``None`` shows as
an empty string wherever a value may be missing.

The conventions come from one function, :func:`_conventions`: that is where the user's
language will come in (the languages issue), so nothing else here changes then.

The module is Qt-free (the PDFs are written without Qt) and knows nothing of the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "NBSP",
    "amount_text",
    "binary_size_text",
    "count_text",
    "date_text",
    "datetime_text",
    "day_month_text",
    "local_time",
    "money_text",
    "percent_text",
    "size_text",
    "totals_text",
]

#: The no-break space between digit groups and before a unit.
NBSP = "\u00a0"

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class _Conventions:
    """What differs between languages when a value is shown."""

    decimal_mark: str
    group_separator: str
    #: ``str.format`` patterns over ``day``, ``month``, ``year``, ``hour``, ``minute``,
    #: ``second`` (ints).
    date: str
    day_month: str
    time: str
    time_with_seconds: str
    euro_sign: str


_FINNISH = _Conventions(
    decimal_mark=",",
    group_separator=NBSP,
    date="{day}.{month}.{year}",
    day_month="{day}.{month}.",
    time="{hour:02d}:{minute:02d}",
    time_with_seconds="{hour:02d}:{minute:02d}:{second:02d}",
    euro_sign="€",
)


def _conventions() -> _Conventions:
    """The conventions values are shown in: the one place the user's language comes in.

    Finnish until the languages issue lets a person choose.
    """
    return _FINNISH


# -- dates and times -------------------------------------------------------------------


def local_time(value: dt.datetime) -> dt.datetime:
    """``value`` in the workstation's time zone (a naive value is taken to be UTC, as stored)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone()


def date_text(value: dt.date | None) -> str:
    """A date, ``13.10.1952``; a datetime shows its local calendar date."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = local_time(value).date()
    return _conventions().date.format(day=value.day, month=value.month, year=value.year)


def day_month_text(value: dt.date) -> str:
    """A date without its year, ``5.3.`` (a chart's axis)."""
    return _conventions().day_month.format(day=value.day, month=value.month)


def datetime_text(value: dt.datetime | None, *, seconds: bool = False) -> str:
    """A moment in local time on a 24-hour clock, ``5.3.2024 09:04`` (``09:04:09`` with
    ``seconds``). Stored moments are aware UTC; a naive one is taken to be UTC."""
    if value is None:
        return ""
    local = local_time(value)
    style = _conventions()
    clock = style.time_with_seconds if seconds else style.time
    return (f"{date_text(local.date())} "
            f"{clock.format(hour=local.hour, minute=local.minute, second=local.second)}")


# -- numbers ---------------------------------------------------------------------------


def _digits(number: str) -> str:
    """Python's ``1,234.5`` (from a ``,`` format) in the conventions' marks."""
    style = _conventions()
    marks: dict[str, str | int | None] = {",": style.group_separator, ".": style.decimal_mark}
    return number.translate(str.maketrans(marks))


def count_text(value: int) -> str:
    """A count with its digits grouped by threes, ``40 000``."""
    return _digits(f"{value:,}")


def percent_text(share: float) -> str:
    """A share (0–1) as a percentage with one decimal, ``62,7 %``."""
    return _digits(f"{share * 100:.1f}") + f"{NBSP}%"


def size_text(size_bytes: int) -> str:
    """A file size as the app's lists show it: ``820 B``, ``12,4 kB``, ``3,1 MB``, ``2,0 GB``
    (powers of 1000)."""
    if size_bytes < 1000:
        return f"{size_bytes}{NBSP}B"
    for unit, scale in (("kB", 1000), ("MB", 1000**2), ("GB", 1000**3)):
        if size_bytes < scale * 1000 or unit == "GB":
            return _digits(f"{size_bytes / scale:.1f}") + f"{NBSP}{unit}"
    raise AssertionError("unreachable")


def binary_size_text(size_bytes: int) -> str:
    """A file size as the PDF case summaries print it: ``1023 B``, ``12,1 kB``, ``25,0 MB``
    (powers of 1024, a plain space before the unit).

    Not the same figures as :func:`size_text` shows on screen; kept so the PDFs stay as
    they were.
    """
    if size_bytes < 1024:
        return f"{size_bytes} B"
    if size_bytes < 1024 * 1024:
        return _digits(f"{size_bytes / 1024:.1f}") + " kB"
    return _digits(f"{size_bytes / 1024 / 1024:.1f}") + " MB"


# -- money -----------------------------------------------------------------------------


def _unit(currency: str) -> str:
    return _conventions().euro_sign if currency == "EUR" else currency


def _grouped(amount: Decimal) -> str:
    """A quantized amount with grouped digits and the decimal mark, without a unit."""
    sign = "-" if amount < 0 else ""
    return sign + _digits(f"{abs(amount):,f}")


def money_text(amount: Decimal | None, currency: str = "EUR") -> str:
    """An amount of money with its unit: ``1 200,50 €``, ``0,05 BTC``, ``300,00 USD``.

    Euros are rounded half-up to cents; other currencies keep their own decimals (at least
    two), because e.g. bitcoin amounts are often smaller than a cent, and show their code.
    A negative amount starts with an ASCII hyphen-minus.
    :func:`models.domain.validation.parse_money` reads the result back.

    Args:
        amount: a Decimal (an int is accepted too), or None for no amount (``""``).
        currency: an ISO 4217-style code; ``"EUR"`` is shown as ``€``.

    Raises:
        TypeError: ``amount`` is a float or another unsupported type.
        ValueError: ``amount`` is NaN or infinite, or ``currency`` is empty.
    """
    if amount is None:
        return ""
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise TypeError(f"amount must be a Decimal, not {type(amount).__name__}")
    amount = Decimal(amount)
    if not amount.is_finite():
        raise ValueError("amount must be finite")
    code = currency.strip().upper()
    if not code:
        raise ValueError("currency must not be empty")
    if code != "EUR" and amount == amount.quantize(_CENT):
        # Stored amounts carry the column's 8 places: 0.05000000 BTC reads as 0,05 BTC.
        amount = amount.quantize(_CENT)
    elif code != "EUR":
        amount = amount.normalize()
    exponent = amount.as_tuple().exponent
    if code == "EUR" or not isinstance(exponent, int) or exponent > -2:
        amount = amount.quantize(_CENT, rounding=ROUND_HALF_UP)
    return f"{_grouped(amount)}{NBSP}{_unit(code)}"


def amount_text(amount: Decimal | None, currency: str = "EUR") -> str:
    """An amount as a person types it into a form, ``1 200,50``: no unit, plain spaces."""
    if amount is None:
        return ""
    return money_text(amount, currency).rsplit(NBSP, 1)[0].replace(NBSP, " ")


def totals_text(totals: Iterable[tuple[str, Decimal]], separator: str = "; ") -> str:
    """Sums per currency, euro first and then by code: ``1 200,00 €; 0,01000000 BTC``.

    Each sum shows its currency's full places (bitcoin to the satoshi, eight decimals,
    others two), so sums of different sizes line up; ``""`` for no sums.
    """
    parts = []
    for currency, amount in sorted(totals, key=lambda t: (t[0] != "EUR", t[0])):
        places = 8 if currency == "BTC" else 2
        parts.append(_digits(f"{amount:,.{places}f}") + f"{NBSP}{_unit(currency)}")
    return separator.join(parts)
