"""Tests for models.domain.formatting: how dates, times, money, counts and sizes are shown.

The expected texts are what the GUI and the PDFs showed before the formatting moved into
one module (each helper's output, recorded): the screens and the PDFs must not change.
Local times are checked in Europe/Helsinki (UTC+2, +3 in summer).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.domain.formatting import (
    NBSP,
    amount_text,
    binary_size_text,
    count_text,
    date_text,
    datetime_text,
    day_month_text,
    money_text,
    percent_text,
    size_text,
    totals_text,
)
from models.domain.validation import parse_money

UTC = dt.UTC


@pytest.fixture(autouse=True)
def helsinki() -> Iterator[None]:
    """The workstation's time zone is Helsinki for these tests, and put back after."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Helsinki"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def nbsp(text: str) -> str:
    """Expected texts are written with plain spaces where the module puts no-break ones."""
    return text.replace(" ", NBSP)


# -- dates and times ---------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (dt.date(2024, 3, 5), "5.3.2024"),
    (dt.date(1952, 10, 13), "13.10.1952"),
    (dt.date(2024, 12, 31), "31.12.2024"),
    (dt.date(1, 1, 1), "1.1.1"),
    (None, ""),
])
def test_dates_are_day_month_year_without_leading_zeros(value: dt.date | None,
                                                        expected: str) -> None:
    assert date_text(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (dt.datetime(2024, 3, 5, 7, 4, 9, tzinfo=UTC), "5.3.2024"),
    (dt.datetime(2024, 12, 31, 22, 30, tzinfo=UTC), "1.1.2025"),  # already new year here
    (dt.datetime(2024, 12, 31, 22, 30), "1.1.2025"),  # noqa: DTZ001 - naive: UTC
])
def test_a_moment_shows_its_local_date(value: dt.datetime, expected: str) -> None:
    assert date_text(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (dt.date(2024, 3, 5), "5.3."),
    (dt.date(2024, 12, 31), "31.12."),
])
def test_a_chart_axis_shows_day_and_month(value: dt.date, expected: str) -> None:
    assert day_month_text(value) == expected


@pytest.mark.parametrize(("value", "expected", "with_seconds"), [
    (dt.datetime(2024, 3, 5, 7, 4, 9, tzinfo=UTC), "5.3.2024 09:04", "5.3.2024 09:04:09"),
    (dt.datetime(2024, 12, 31, 22, 30, tzinfo=UTC), "1.1.2025 00:30", "1.1.2025 00:30:00"),
    (dt.datetime(2024, 7, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=5))),
     "30.6.2024 22:00", "30.6.2024 22:00:00"),
    (dt.datetime(2024, 3, 5, 7, 4),  # noqa: DTZ001 - naive: taken as UTC
     "5.3.2024 09:04", "5.3.2024 09:04:00"),
])
def test_moments_are_local_time_on_a_24_hour_clock(value: dt.datetime, expected: str,
                                                   with_seconds: str) -> None:
    assert datetime_text(value) == expected
    assert datetime_text(value, seconds=True) == with_seconds


def test_no_moment_is_an_empty_string() -> None:
    assert datetime_text(None) == ""
    assert datetime_text(None, seconds=True) == ""


# -- counts, shares and sizes ------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (0, "0"), (7, "7"), (999, "999"), (1000, "1 000"), (40_000, "40 000"),
    (1_234_567, "1 234 567"), (-1234, "-1 234"),
])
def test_counts_group_their_digits_by_threes(value: int, expected: str) -> None:
    assert count_text(value) == nbsp(expected)


@pytest.mark.parametrize(("share", "expected"), [
    (0.0, "0,0 %"), (0.627, "62,7 %"), (1.0, "100,0 %"), (0.12345, "12,3 %"),
    (0.00049, "0,0 %"), (0.00051, "0,1 %"),
])
def test_shares_are_percentages_with_one_decimal(share: float, expected: str) -> None:
    assert percent_text(share) == nbsp(expected)


@pytest.mark.parametrize(("size", "expected"), [
    (0, "0 B"), (820, "820 B"), (999, "999 B"), (1000, "1,0 kB"), (1024, "1,0 kB"),
    (12_345, "12,3 kB"), (999_949, "999,9 kB"), (999_950, "1000,0 kB"),
    (1_000_000, "1,0 MB"), (3_100_000, "3,1 MB"), (25 * 1024 * 1024, "26,2 MB"),
    (999_999_999, "1000,0 MB"), (5_000_000_000, "5,0 GB"), (2 * 10**12, "2000,0 GB"),
])
def test_file_sizes_on_screen_count_in_thousands(size: int, expected: str) -> None:
    assert size_text(size) == nbsp(expected)


@pytest.mark.parametrize(("size", "expected"), [
    (0, "0 B"), (1000, "1000 B"), (1023, "1023 B"), (1024, "1,0 kB"), (12_345, "12,1 kB"),
    (1_000_000, "976,6 kB"), (1_048_576, "1,0 MB"), (25 * 1024 * 1024, "25,0 MB"),
    (5_000_000_000, "4768,4 MB"),
])
def test_file_sizes_in_pdfs_count_in_1024s_with_a_plain_space(size: int, expected: str) -> None:
    assert binary_size_text(size) == expected


# -- money -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("1200.5"), "EUR", "1 200,50 €"),
        (Decimal("0"), "EUR", "0,00 €"),
        (Decimal("999.999"), "EUR", "1 000,00 €"),  # rounded half up to cents
        (Decimal("0.005"), "EUR", "0,01 €"),
        (Decimal("1234567.891"), "EUR", "1 234 567,89 €"),
        (Decimal("-1200.50"), "EUR", "-1 200,50 €"),
        (Decimal("-5"), "EUR", "-5,00 €"),
        (Decimal("-0.00"), "EUR", "0,00 €"),
        (Decimal("0.05"), "BTC", "0,05 BTC"),
        (Decimal("0.05000000"), "BTC", "0,05 BTC"),  # as stored: eight places
        (Decimal("0.01234567"), "BTC", "0,01234567 BTC"),
        (Decimal("0.00012345"), "btc", "0,00012345 BTC"),
        (Decimal("15"), "USD", "15,00 USD"),
        (Decimal("300.00"), "USD", "300,00 USD"),
        (Decimal("12.3456"), "usd", "12,3456 USD"),
        (7, "EUR", "7,00 €"),
    ],
)
def test_amounts_are_shown_the_finnish_way(amount: Decimal, currency: str,
                                           expected: str) -> None:
    assert money_text(amount, currency) == nbsp(expected)


@pytest.mark.parametrize(("amount", "currency", "expected"), [
    (Decimal("1200.5"), "EUR", "1 200,50"),
    (Decimal("1234567.891"), "EUR", "1 234 567,89"),
    (Decimal("0.05000000"), "BTC", "0,05"),
    (Decimal("0.01234567"), "BTC", "0,01234567"),
    (Decimal("300.00"), "USD", "300,00"),
])
def test_a_form_shows_the_amount_as_typed_without_its_unit(amount: Decimal, currency: str,
                                                           expected: str) -> None:
    assert amount_text(amount, currency) == expected  # plain spaces: what a person types


def test_no_amount_is_an_empty_string() -> None:
    assert money_text(None) == ""
    assert amount_text(None) == ""


@pytest.mark.parametrize("value", [1.5, 0.0, True, b"1"])
def test_money_never_passes_through_float(value: object) -> None:
    with pytest.raises(TypeError):
        money_text(value)  # type: ignore[arg-type]


def test_formatting_refuses_non_finite_amounts() -> None:
    with pytest.raises(ValueError):
        money_text(Decimal("NaN"))
    with pytest.raises(ValueError):
        money_text(Decimal("1"), " ")


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=Decimal(0), max_value=Decimal("9999999999.99"), places=2,
                   allow_nan=False))
def test_money_round_trips_through_format_and_parse(amount: Decimal) -> None:
    shown = money_text(amount)
    assert shown.endswith(NBSP + "€")
    assert parse_money(shown) == amount
    assert parse_money(shown.replace(NBSP, " ")) == amount
    assert parse_money(amount_text(amount)) == amount


TOTALS = (("BTC", Decimal("0.01000000")), ("EUR", Decimal("1200.00")),
          ("USD", Decimal("300.00")), ("ABC", Decimal("1234567.5")))


def test_totals_put_euros_first_and_show_every_satoshi() -> None:
    assert totals_text(TOTALS) == "; ".join(nbsp(part) for part in (
        "1 200,00 €", "1 234 567,50 ABC", "0,01000000 BTC", "300,00 USD"))
    assert totals_text(TOTALS, "\n") == nbsp(
        "1 200,00 €\n1 234 567,50 ABC\n0,01000000 BTC\n300,00 USD")


def test_no_totals_are_an_empty_string() -> None:
    assert totals_text(()) == ""
