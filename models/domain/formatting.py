"""How Suoja shows dates, times, money, counts and sizes: one home for the GUI and the PDFs.

Every function takes a value and returns the text a person reads, in the language in use
(:mod:`models.domain.i18n`), always with Finland's conventions: ``13.10.1952``;
``5.3.2024 klo 9.04`` in Finnish, ``5.3.2024 kl. 9.04`` in Swedish, ``5.3.2024 09:04`` in
English; ``1 200,50 €``, ``40 000``, ``62,7 %``, ``12,4 kB`` in all three. Digit groups, and
a number and its unit, are joined by a no-break space (:data:`NBSP`) so a value never wraps
across lines. ``None`` shows as an empty string wherever a value may be missing.

Every moment is shown in Finnish time (:data:`ZONE`, Europe/Helsinki), whatever the
computer's own zone: the same case reads the same on every workstation and in every PDF.
``zone=True`` says so (``… (UTC+3)``) where a time could be misread, as in the PDFs.

The conventions come from one function, :func:`_conventions`, by language.

The module is Qt-free (the PDFs are written without Qt) and knows nothing of the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from models.domain.enums import Language
from models.domain.i18n import current

__all__ = [
    "NBSP",
    "ZONE",
    "amount_text",
    "binary_size_text",
    "count_text",
    "date_text",
    "datetime_text",
    "day_month_text",
    "from_local",
    "local_midnight",
    "local_now",
    "local_time",
    "local_today",
    "money_text",
    "percent_text",
    "size_text",
    "time_text",
    "totals_text",
    "zone_text",
]

#: The no-break space between digit groups and before a unit.
NBSP = "\u00a0"
#: Finnish time, in which every moment is shown.
ZONE = ZoneInfo("Europe/Helsinki")

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
    time="klo\u00a0{hour}.{minute:02d}",
    time_with_seconds="klo\u00a0{hour}.{minute:02d}.{second:02d}",
    euro_sign="€",
)
_SWEDISH = _Conventions(
    decimal_mark=",",
    group_separator=NBSP,
    date="{day}.{month}.{year}",
    day_month="{day}.{month}.",
    time="kl.\u00a0{hour}.{minute:02d}",
    time_with_seconds="kl.\u00a0{hour}.{minute:02d}.{second:02d}",
    euro_sign="€",
)
_ENGLISH = _Conventions(
    decimal_mark=",",
    group_separator=NBSP,
    date="{day}.{month}.{year}",
    day_month="{day}.{month}.",
    time="{hour:02d}:{minute:02d}",
    time_with_seconds="{hour:02d}:{minute:02d}:{second:02d}",
    euro_sign="€",
)
_BY_LANGUAGE = {
    Language.FINNISH: _FINNISH,
    Language.SWEDISH: _SWEDISH,
    Language.ENGLISH: _ENGLISH,
}


def _conventions() -> _Conventions:
    """The conventions of the language in use (Finland's, written as each language does:
    the glossary's ``24.10.2020 klo 17.49`` / ``kl. 17.49`` / ``17:49``; "klo" and "kl."
    never part from their time: a no-break space joins them)."""
    return _BY_LANGUAGE[current()]


# -- dates and times -------------------------------------------------------------------


def local_time(value: dt.datetime) -> dt.datetime:
    """``value`` in Finnish time (a naive value is taken to be UTC, as stored)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(ZONE)


def local_now() -> dt.datetime:
    """Now, in Finnish time."""
    return dt.datetime.now(ZONE)


def local_today() -> dt.date:
    """Today's date in Finland."""
    return local_now().date()


def local_midnight(day: dt.date) -> dt.datetime:
    """The moment ``day`` begins in Finland (aware), e.g. to count from a chosen date."""
    return dt.datetime.combine(day, dt.time(), tzinfo=ZONE)


def from_local(value: dt.datetime) -> dt.datetime:
    """A wall-clock time typed in Finland (naive, as a form holds it) as an aware UTC moment."""
    return value.replace(tzinfo=ZONE).astimezone(dt.UTC)


def zone_text(value: dt.datetime) -> str:
    """Finnish time's offset from UTC at ``value``: ``UTC+2`` in winter, ``UTC+3`` in summer."""
    offset = local_time(value).utcoffset() or dt.timedelta()
    return f"UTC+{int(offset.total_seconds() // 3600)}"


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


def time_text(value: dt.datetime, *, seconds: bool = False) -> str:
    """A moment's time of day in Finnish time: ``klo 9.04``, ``kl. 9.04``, ``09:04``."""
    local = local_time(value)
    style = _conventions()
    clock = style.time_with_seconds if seconds else style.time
    return clock.format(hour=local.hour, minute=local.minute, second=local.second)


def datetime_text(value: dt.datetime | None, *, seconds: bool = False,
                  zone: bool = False, compact: bool = False) -> str:
    """A moment in Finnish time on a 24-hour clock: ``5.3.2024 klo 9.04`` in Finnish,
    ``5.3.2024 09:04`` in English (with ``seconds``, ``…9.04.09``); ``zone`` adds
    ``(UTC+2)``; ``compact`` (a table's cells) leaves out "klo"/"kl.": ``5.3.2024 9.04``.
    Stored moments are aware UTC; a naive one is taken to be UTC."""
    if value is None:
        return ""
    clock = time_text(value, seconds=seconds)
    if compact:
        clock = clock.rpartition(NBSP)[2]
    text = f"{date_text(local_time(value).date())} {clock}"
    return f"{text} ({zone_text(value)})" if zone else text


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
