"""Tests for models.domain.validation: examples from the specifications plus property tests.

All personal data here is synthetic: identity codes use temporary individual numbers
(900–999) except the python-stdnum documentation example 131052-308T, phone numbers are
fictional or from ranges reserved for drama, and e-mail addresses are at example.com /
example.org.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.domain.errors import DataError, ValidationError
from models.domain.formatting import local_today
from models.domain.validation import (
    IdentityCode,
    encode_base58check,
    encode_segwit_address,
    generate_temporary_identity_code,
    parse_date,
    parse_identity_code,
    parse_money,
    validate_bitcoin_address,
    validate_email,
    validate_not_future,
    validate_phone,
    validate_police_report_number,
    validate_text,
)

#: Property tests stay quick: the whole file should run in a few seconds.
modest = settings(max_examples=200, deadline=None)

TODAY = local_today()  # in Finland, where the rules decide "today"
CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
DOC_EXAMPLE_CODE = "131052-308T"  # python-stdnum's documentation example


def hetu(day: int, month: int, year2: int, sign: str, individual: int) -> str:
    """Build an identity code independently of the module under test."""
    digits = f"{day:02d}{month:02d}{year2:02d}{individual:03d}"
    return f"{digits[:6]}{sign}{digits[6:]}{CHECK_CHARACTERS[int(digits) % 31]}"


def refused(function: object, *args: object, **kwargs: object) -> ValidationError:
    """Call a validator that must refuse, and hand back the error for closer checks."""
    assert callable(function)
    with pytest.raises(ValidationError) as caught:
        function(*args, **kwargs)
    return caught.value


# ---------------------------------------------------------------------------------------------
# Identity codes
# ---------------------------------------------------------------------------------------------

temporary_codes = st.builds(
    generate_temporary_identity_code,
    st.dates(min_value=date(1800, 1, 1), max_value=TODAY),
    st.integers(min_value=900, max_value=999),
)


def test_documentation_example_is_valid() -> None:
    code = parse_identity_code(DOC_EXAMPLE_CODE)
    assert code == IdentityCode(DOC_EXAMPLE_CODE, date(1952, 10, 13), individual=308)
    assert not code.is_temporary
    assert code.masked == "131052-****"


def test_spaces_and_lower_case_are_normalised() -> None:
    assert parse_identity_code(" 131052 -308t ").compact == DOC_EXAMPLE_CODE


def test_repr_does_not_show_the_whole_code() -> None:
    text = repr(parse_identity_code(DOC_EXAMPLE_CODE))
    assert "308T" not in text
    assert "131052-****" in text


@pytest.mark.parametrize(
    ("sign", "century"),
    [("+", 1800), ("-", 1900), ("Y", 1900), ("X", 1900), ("W", 1900), ("V", 1900), ("U", 1900)]
    + [(sign, 2000) for sign in "ABCDEF"],
)
def test_every_century_sign_is_understood(sign: str, century: int) -> None:
    code = parse_identity_code(hetu(1, 2, 3, sign, 901))
    assert code.birth_date == date(century + 3, 2, 1)
    assert code.is_temporary


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "is required"),
        ("   ", "is required"),
        ("131052-308", "must be 11 characters long"),
        ("131052-308TT", "must be 11 characters long"),
        ("131052_308T", "century sign"),
        ("1310S2-308T", "century sign"),
        ("١٣١٠٥٢-308T", "century sign"),  # non-ASCII digits
        ("310252-308Y", "birth date that does not exist"),  # stdnum's example: 31 February
        ("290223-901J", "birth date that does not exist"),  # 2023 is no leap year
        ("131052-308U", "check character does not match"),
        ("131052-308G", "check character does not match"),  # G is never a check character
        (hetu(13, 10, 52, "-", 1), "individual number"),
        (hetu(13, 10, 52, "-", 0), "individual number"),
        (hetu(1, 1, 99, "F", 950), "in the future"),
    ],
)
def test_bad_identity_codes_are_refused_with_a_specific_reason(value: str, reason: str) -> None:
    error = refused(parse_identity_code, value, field="Henkilötunnus")
    assert reason in error.reason
    assert error.field == "Henkilötunnus"
    assert str(error).startswith("Henkilötunnus: ")


def test_leap_day_is_accepted() -> None:
    assert parse_identity_code(hetu(29, 2, 0, "A", 999)).birth_date == date(2000, 2, 29)


def test_future_birth_date_is_refused_even_when_generated_by_hand() -> None:
    tomorrow = TODAY + timedelta(days=2)
    value = hetu(tomorrow.day, tomorrow.month, tomorrow.year % 100, "A", 900)
    assert "in the future" in refused(parse_identity_code, value).reason


@modest
@given(st.dates(min_value=date(1800, 1, 1), max_value=TODAY), st.integers(900, 999))
def test_every_generated_temporary_code_parses_back(birth_date: date, individual: int) -> None:
    value = generate_temporary_identity_code(birth_date, individual)
    code = parse_identity_code(value)
    assert code.compact == value
    assert code.birth_date == birth_date
    assert code.is_temporary
    assert value[6] == {18: "+", 19: "-", 20: "A"}[birth_date.year // 100]


@modest
@given(
    temporary_codes,
    st.sampled_from([0, 1, 2, 3, 4, 5, 7, 8, 9, 10]),
    st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+-"),
)
def test_changing_any_digit_or_the_check_character_is_caught(
    value: str, position: int, replacement: str
) -> None:
    if value[position] == replacement:
        replacement = "0" if replacement != "0" else "1"
    mutated = value[:position] + replacement + value[position + 1 :]
    refused(parse_identity_code, mutated)


@modest
@given(temporary_codes, st.sampled_from("+-YXWVUABCDEF"))
def test_changing_the_century_sign_never_keeps_the_code_valid_for_another_date(
    value: str, sign: str
) -> None:
    # The 2023 reform made several signs per century valid, so 010190-900P and 010190Y900P
    # are both valid (and different) codes for the same birth date. Any other change must
    # be refused or land on a different century.
    original = parse_identity_code(value)
    try:
        changed = parse_identity_code(value[:6] + sign + value[7:])
    except ValidationError:
        return
    same_century = changed.birth_date.year // 100 == original.birth_date.year // 100
    assert (changed.birth_date == original.birth_date) == same_century


@pytest.mark.parametrize(
    ("birth_date", "individual", "error"),
    [
        (date(1990, 1, 1), 899, ValueError),
        (date(1990, 1, 1), 1000, ValueError),
        (date(1799, 12, 31), 900, ValueError),
        (TODAY + timedelta(days=1), 900, ValueError),
        (datetime(1990, 1, 1, tzinfo=UTC), 900, TypeError),
        (date(1990, 1, 1), True, TypeError),
    ],
)
def test_generator_refuses_impossible_requests(
    birth_date: date, individual: int, error: type[Exception]
) -> None:
    with pytest.raises(error):
        generate_temporary_identity_code(birth_date, individual)


def test_mask_keeps_only_birth_date_and_century_sign() -> None:
    assert parse_identity_code(DOC_EXAMPLE_CODE).masked == "131052-****"
    assert parse_identity_code("131052-308t").masked == "131052-****"
    assert IdentityCode.from_stored(DOC_EXAMPLE_CODE).masked == "131052-****"


@pytest.mark.parametrize("individual", [900, 950, 999])
def test_individual_numbers_from_900_are_temporary(individual: int) -> None:
    code = parse_identity_code(hetu(13, 10, 52, "-", individual))
    assert (code.individual, code.is_temporary) == (individual, True)
    assert not parse_identity_code(hetu(13, 10, 52, "-", 899)).is_temporary


STORED_DAMAGED = ("A stored identity code is damaged (not the shape of a code).",
                  "A stored identity code is damaged (no such birth date).")


@pytest.mark.parametrize(
    "value", ["", "131052", "310252-308Y", "not a code", "131052-308TT", "131052-308t", None, 42]
)
def test_a_damaged_stored_code_is_refused_without_repeating_it(value: object) -> None:
    with pytest.raises(DataError) as caught:
        IdentityCode.from_stored(value)  # type: ignore[arg-type]
    assert str(caught.value) in STORED_DAMAGED


@modest
@given(temporary_codes)
def test_a_stored_code_comes_back_as_it_was_parsed(value: str) -> None:
    code = IdentityCode.from_stored(value)
    assert code == parse_identity_code(value)
    assert code.masked == value[:7] + "****"
    assert code.is_temporary


@modest
@given(st.text())
def test_reading_a_stored_code_never_shows_more_than_seven_characters(value: str) -> None:
    try:
        masked = IdentityCode.from_stored(value).masked
    except DataError as error:
        assert str(error) in STORED_DAMAGED
    else:
        assert masked == value[:7] + "****"


# ---------------------------------------------------------------------------------------------
# Police report numbers
# ---------------------------------------------------------------------------------------------

police_parts = st.tuples(
    st.from_regex(r"[0-9]{4}", fullmatch=True),
    st.sampled_from("Rr"),
    st.from_regex(r"[0-9]{1,8}", fullmatch=True).filter(lambda n: int(n) != 0),
    st.from_regex(r"[0-9]{2}", fullmatch=True),
)


def test_police_report_example() -> None:
    assert validate_police_report_number(" 5500/r/12345/20\n") == "5500/R/12345/20"


@modest
@given(police_parts, st.sampled_from(["", " ", "\t", "  \n"]))
def test_every_well_formed_police_report_number_is_accepted(
    parts: tuple[str, str, str, str], padding: str
) -> None:
    department, letter, number, year = parts
    value = f"{padding}{department}/{letter}/{number}/{year}{padding}"
    assert validate_police_report_number(value) == f"{department}/R/{number}/{year}"


@modest
@given(police_parts, st.integers(0, 2), st.characters(exclude_characters="/"))
def test_a_changed_separator_is_refused(
    parts: tuple[str, str, str, str], which: int, separator: str
) -> None:
    separators = ["/", "/", "/"]
    separators[which] = separator
    department, letter, number, year = parts
    value = f"{department}{separators[0]}{letter}{separators[1]}{number}{separators[2]}{year}"
    refused(validate_police_report_number, value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "is required"),
        ("5500/R/0/20", "must not be zero"),
        ("5500/R/00000000/20", "must not be zero"),
        ("550/R/12345/20", "must look like 5500/R/12345/20"),
        ("55000/R/12345/20", "must look like"),
        ("5500/S/12345/20", "must look like"),
        ("5500/R/123456789/20", "must look like"),
        ("5500/R/12345/2020", "must look like"),
        ("5500/R//20", "must look like"),
        ("5500 / R / 12345 / 20", "must look like"),
        ("5500/R/12345/20/1", "must look like"),
        ("５５００/R/12345/20", "must look like"),  # full-width digits
    ],
)
def test_bad_police_report_numbers_are_refused(value: str, reason: str) -> None:
    assert reason in refused(validate_police_report_number, value).reason


# ---------------------------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("matti.meikalainen@example.com", "matti.meikalainen@example.com"),
        ("  Maija.Meikalainen@Example.ORG ", "Maija.Meikalainen@example.org"),
        ("first+tag@mail.example.com", "first+tag@mail.example.com"),
        ("o'brien@example.org", "o'brien@example.org"),
        ("x@a-b.example.com", "x@a-b.example.com"),
        ("x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
        ("name@example.com\n", "name@example.com"),
        ("a" * 64 + "@example.com", "a" * 64 + "@example.com"),
    ],
)
def test_valid_email_addresses(value: str, expected: str) -> None:
    assert validate_email(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "plainaddress",
        "@example.com",
        "two@@example.com",
        "a@b@example.com",
        "space in@example.com",
        "name@exam ple.com",
        "name@example",
        "name@.example.com",
        "name@example..com",
        "name@example.com.",
        "name@-example.com",
        "name@example-.com",
        "name@exa_mple.com",
        "name@192.168.0.1",
        ".name@example.com",
        "name.@example.com",
        "na..me@example.com",
        '"quoted"@example.com',
        "mäkinen@example.com",
        "a" * 65 + "@example.com",
        "a@" + "b" * 64 + ".com",
        "a@" + ".".join(["b" * 60] * 5) + ".com",
    ],
)
def test_invalid_email_addresses(value: str) -> None:
    refused(validate_email, value)


@modest
@given(
    st.from_regex(r"[A-Za-z0-9_+-]{1,20}(\.[A-Za-z0-9_+-]{1,10}){0,2}", fullmatch=True),
    st.sampled_from(["example.com", "EXAMPLE.ORG", "Mail.Example.Com"]),
)
def test_generated_addresses_are_accepted_with_the_domain_lower_cased(
    local: str, domain: str
) -> None:
    assert validate_email(f"{local}@{domain}") == f"{local}@{domain.lower()}"


# ---------------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("040 123 4567", "+358401234567"),
        ("040-123 4567", "+358401234567"),
        ("+358 40 1234567", "+358401234567"),
        ("+358 (0)40 123 4567", "+358401234567"),
        ("(09) 123 4567", "+35891234567"),
        ("00358 40 1234567", "+358401234567"),
        ("+44 20 7946 0958", "+442079460958"),  # Ofcom's range for drama
        ("\u00a0050\u00a0123\u00a04567 ", "+358501234567"),
    ],
)
def test_valid_phone_numbers(value: str, expected: str) -> None:
    assert validate_phone(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "is required"),
        (" - ", "is required"),
        ("040 ABC 4567", "may contain only"),
        ("040.123.4567", "may contain only"),
        ("+358 40 +1234567", "may contain only"),
        ("++358401234567", "may contain only"),
        ("401234567", "must start with 0"),
        ("+0 123 456 789", "cannot start with 0"),
        ("000 123 456 789", "cannot start with 0"),
        ("040 1", "is too short"),
        ("+1 23456", "is too short"),
        # Seven digits as E.164 counts them, but no Finnish number is that short.
        ("040 12", "is too short"),
        ("+358 40 12", "is too short"),
        ("+999 123 4567", "country code that does not exist"),
        ("+1 202 555 01234", "is too long"),  # (North America: ten digits)
        ("040 123", "is not a Finnish phone number in use"),  # (a landline's length)
        ("+358 40 1234 5678 9012", "is too long"),
        ("٠٤٠١٢٣٤٥٦٧", "may contain only"),  # Arabic-Indic digits
    ],
)
def test_invalid_phone_numbers(value: str, reason: str) -> None:
    assert reason in refused(validate_phone, value).reason


def test_a_number_searched_for_or_stored_before_needs_only_its_form() -> None:
    assert validate_phone("040 12", plan=False) == "+3584012"
    assert validate_phone("+999 123 4567", plan=False) == "+9991234567"
    assert "is too short" in refused(lambda v: validate_phone(v, plan=False), "040 1").reason


@modest
@given(
    st.sampled_from(["040", "041", "044", "045", "046", "050"]),
    st.from_regex(r"[0-9]{7}", fullmatch=True),
    st.lists(st.sampled_from(["", " ", "-"]), min_size=10, max_size=10),
)
def test_finnish_mobile_numbers_in_any_grouping(
    prefix: str, rest: str, separators: list[str]
) -> None:
    digits = prefix + rest
    typed = "".join(d + s for d, s in zip(digits, separators, strict=True))
    assert validate_phone(typed) == "+358" + digits[1:]


@modest
@given(st.text(alphabet="0123456789 +-()x", max_size=25))
def test_every_accepted_phone_number_is_e164(value: str) -> None:
    try:
        result = validate_phone(value)
    except ValidationError:
        return
    assert re.fullmatch(r"\+[1-9][0-9]{6,14}", result)


# ---------------------------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------------------------

money = st.decimals(
    min_value=Decimal(0), max_value=Decimal("9999999999.99"), places=2, allow_nan=False
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1 200,50", "1200.50"),
        ("1\u00a0200,50\u00a0€", "1200.50"),
        ("1\u202f200,50", "1200.50"),
        ("200,5", "200.50"),
        ("200", "200.00"),
        ("200.50", "200.50"),
        ("€ 200", "200.00"),
        ("200 €", "200.00"),
        ("200€", "200.00"),
        ("200 EUR", "200.00"),
        ("0", "0.00"),
        ("0,01", "0.01"),
        ("9 999 999 999,99", "9999999999.99"),
        (1200, "1200.00"),
        (Decimal("12.5"), "12.50"),
        (Decimal("12.500"), "12.50"),  # trailing zeros are not extra precision
        (Decimal("1E+3"), "1000.00"),
        (Decimal("-0"), "0.00"),
    ],
)
def test_amounts_are_read(value: str | int | Decimal, expected: str) -> None:
    result = parse_money(value)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "is required"),
        ("  € ", "is required"),
        ("-5", "must not be negative"),
        ("\u22125,00", "must not be negative"),
        (-1, "must not be negative"),
        (Decimal("-0.01"), "must not be negative"),
        ("1,234", "at most two decimals"),
        ("0.001", "at most two decimals"),
        (Decimal("0.001"), "at most two decimals"),
        ("abc", "must be an amount like"),
        ("NaN", "must be an amount like"),
        ("inf", "must be an amount like"),
        ("1e3", "must be an amount like"),
        ("1.200,50", "must be an amount like"),
        ("1,200.50", "must be an amount like"),
        ("12 00", "must be an amount like"),
        (",50", "must be an amount like"),
        ("200,", "must be an amount like"),
        ("+200", "must be an amount like"),
        ("€ 200 €", "must be an amount like"),
        (Decimal("NaN"), "must be a number"),
        (Decimal("Infinity"), "must be a number"),
        ("10 000 000 000", "is too large"),
        (10**30, "is too large"),
        (Decimal("1E+40"), "is too large"),
    ],
)
def test_bad_amounts_are_refused(value: str | int | Decimal, reason: str) -> None:
    assert reason in refused(parse_money, value).reason


@pytest.mark.parametrize("value", [1.5, 0.0, True, None, b"1"])
def test_money_never_passes_through_float(value: object) -> None:
    with pytest.raises(TypeError):
        parse_money(value)  # type: ignore[arg-type]


@modest
@given(money)
def test_plain_decimal_text_with_comma_or_dot_is_read(amount: Decimal) -> None:
    assert parse_money(f"{amount:f}") == amount
    assert parse_money(f"{amount:f}".replace(".", ",")) == amount
    assert parse_money(amount) == amount


# ---------------------------------------------------------------------------------------------
# Bitcoin addresses
# ---------------------------------------------------------------------------------------------

#: BIP-350 valid segwit addresses (BIP-173's v0 ones among them) and well-known Base58Check
#: addresses: the genesis block's, the Bitcoin wiki's P2PKH and P2SH examples and testnet
#: examples from the developer documentation.
VALID_ADDRESSES = [
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
    "BC1SW50QGDZ25J",
    "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
    "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
    "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn",
    "2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc",
]

#: BIP-350's invalid segwit addresses, and damaged Base58Check ones.
INVALID_ADDRESSES = [
    "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",  # unknown HRP
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",  # Bech32 for v1
    "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",  # Bech32 for v2
    "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",  # Bech32 for v16
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",  # Bech32m for v0
    "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",  # Bech32m for v0
    "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",  # "o" in checksum
    "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",  # witness version 17
    "bc1pw5dgrnzv",  # 1-byte program
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",  # 41 bytes
    "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",  # 16-byte v0 program
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",  # mixed case
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",  # > 4 padding bits
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",  # non-zero padding
    "bc1gmk9yu",  # empty data
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN",  # truncated
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2x",  # extended
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNV0N",  # "0" is not Base58
    "",
    "not an address",
]

ADDRESS_CHARACTERS = sorted(
    set("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
    | set("qpzry9x8gf2tvdw0s3jn54khce6mua7lQPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")
    | set("0OIlbio")
)


@pytest.mark.parametrize("address", VALID_ADDRESSES)
def test_valid_bitcoin_addresses(address: str) -> None:
    expected = address.lower() if address.lower().startswith(("bc1", "tb1")) else address
    assert validate_bitcoin_address(f"  {address}\n") == expected


def test_segwit_addresses_may_be_typed_in_either_single_case() -> None:
    lower = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    assert validate_bitcoin_address(lower.upper()) == lower


def test_the_encoders_give_the_published_examples() -> None:
    # BIP-173 and BIP-350 examples, and the P2PKH address of the Bitcoin wiki's example.
    assert encode_segwit_address("bc", 0, bytes.fromhex(
        "751e76e8199196d454941c45d1b3a323f1433bd6")) == "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    assert encode_segwit_address("bc", 1, bytes.fromhex(
        "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
    ) == "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
    assert encode_base58check(b"\x00" + bytes.fromhex(
        "77bff20c60e522dfaa3350c39b030a5d004e839a")) == "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"


@settings(max_examples=200)
@given(hrp=st.sampled_from(["bc", "tb"]), version=st.integers(0, 16),
       program=st.binary(min_size=2, max_size=40), key_hash=st.binary(min_size=20, max_size=20))
def test_what_the_encoders_build_validates(hrp: str, version: int, program: bytes,
                                           key_hash: bytes) -> None:
    if version == 0:
        program = key_hash
    segwit = encode_segwit_address(hrp, version, program)
    assert validate_bitcoin_address(segwit) == segwit
    legacy = encode_base58check(b"\x00" + key_hash)
    assert legacy.startswith("1") and validate_bitcoin_address(legacy) == legacy


@pytest.mark.parametrize("address", INVALID_ADDRESSES)
def test_invalid_bitcoin_addresses(address: str) -> None:
    refused(validate_bitcoin_address, address)


@pytest.mark.parametrize("address", VALID_ADDRESSES)
def test_every_single_character_change_is_caught(address: str) -> None:
    for position, original in enumerate(address):
        for replacement in ADDRESS_CHARACTERS:
            if replacement == original:
                continue
            mutated = address[:position] + replacement + address[position + 1 :]
            with pytest.raises(ValidationError):
                validate_bitcoin_address(mutated)


@pytest.mark.parametrize("address", VALID_ADDRESSES)
def test_every_swap_of_neighbouring_characters_is_caught(address: str) -> None:
    for position in range(len(address) - 1):
        first, second = address[position], address[position + 1]
        if first == second:
            continue
        mutated = address[:position] + second + first + address[position + 2 :]
        with pytest.raises(ValidationError):
            validate_bitcoin_address(mutated)


# ---------------------------------------------------------------------------------------------
# Dates as typed
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("2.1.1970", date(1970, 1, 2)), (" 02.01.1970 ", date(1970, 1, 2)),
    ("29.2.2024", date(2024, 2, 29)), ("31.12.1899", date(1899, 12, 31)),
])
def test_dates_are_read_the_finnish_way(value: str, expected: date) -> None:
    assert parse_date(value, field="Date") == expected
    assert parse_date(value, field="Date", iso=True) == expected


@pytest.mark.parametrize(("value", "reason"), [
    ("1970-01-02", "must be a date written like 13.10.1952"),
    ("2.1.70", "must be a date written like 13.10.1952"),
    ("2/1/1970", "must be a date written like 13.10.1952"),
    ("", "must be a date written like 13.10.1952"),
    ("\u0662.1.1970", "must be a date written like 13.10.1952"),  # an Arabic-Indic two
    ("31.2.1980", "is not a date that exists"),
    ("29.2.2023", "is not a date that exists"),
    ("1.13.2020", "is not a date that exists"),
])
def test_other_shapes_and_impossible_dates_are_refused(value: str, reason: str) -> None:
    error = refused(parse_date, value, field="Date of birth")
    assert (error.field, error.reason) == ("Date of birth", reason)


def test_lists_and_the_command_line_also_read_iso_dates() -> None:
    assert parse_date("1980-10-24", field="D", iso=True) == date(1980, 10, 24)
    assert parse_date(" 1980-10-24\n", field="D", iso=True) == date(1980, 10, 24)
    for value in ("31.2.1980", "1980-02-30", "19801024", "1980-W43-5", "24.10.80", "x"):
        assert refused(parse_date, value, field="D", iso=True).reason == (
            "must be a date like 24.10.1980 or 1980-10-24")


# ---------------------------------------------------------------------------------------------
# Dates that must not be in the future
# ---------------------------------------------------------------------------------------------

NOW = datetime(2024, 6, 15, 12, 0, tzinfo=UTC)


def test_today_and_the_past_are_accepted() -> None:
    assert validate_not_future(date(2024, 6, 15), field="Filed on", now=NOW) == date(2024, 6, 15)
    assert validate_not_future(date(1900, 1, 1), field="Filed on", now=NOW) == date(1900, 1, 1)
    assert validate_not_future(NOW, field="Received", now=NOW) is NOW


def test_tomorrow_is_refused() -> None:
    error = refused(validate_not_future, date(2024, 6, 16), field="Filed on", now=NOW)
    assert str(error) == "Filed on: must not be in the future"


def test_today_is_the_date_in_the_time_zone_of_now() -> None:
    helsinki_small_hours = datetime(2024, 6, 16, 1, 30, tzinfo=timezone(timedelta(hours=3)))
    assert validate_not_future(date(2024, 6, 16), field="D", now=helsinki_small_hours)
    refused(validate_not_future, date(2024, 6, 17), field="D", now=helsinki_small_hours)
    same_instant_in_utc = helsinki_small_hours.astimezone(UTC)  # still 15 June in UTC
    refused(validate_not_future, date(2024, 6, 16), field="D", now=same_instant_in_utc)


def test_datetimes_compare_as_instants_across_time_zones() -> None:
    helsinki = timezone(timedelta(hours=3))
    assert validate_not_future(datetime(2024, 6, 15, 14, 59, tzinfo=helsinki), field="T", now=NOW)
    refused(
        validate_not_future, datetime(2024, 6, 15, 15, 0, 1, tzinfo=helsinki), field="T", now=NOW
    )


def test_default_now_is_the_clock() -> None:
    assert validate_not_future(TODAY - timedelta(days=1), field="D")
    refused(validate_not_future, TODAY + timedelta(days=2), field="D")
    refused(validate_not_future, datetime.now(UTC) + timedelta(hours=1), field="T")


def test_naive_datetimes_are_a_programming_error() -> None:
    naive = datetime(2024, 1, 1)  # noqa: DTZ001 - deliberately naive
    with pytest.raises(ValueError):
        validate_not_future(naive, field="T", now=NOW)
    with pytest.raises(ValueError):
        validate_not_future(date(2024, 1, 1), field="T", now=naive)
    with pytest.raises(TypeError):
        validate_not_future("2024-01-01", field="T", now=NOW)  # type: ignore[type-var]


@modest
@given(
    st.datetimes(timezones=st.timedeltas(timedelta(hours=-23), timedelta(hours=23)).map(timezone))
)
def test_aware_datetimes_are_refused_exactly_when_later_than_now(moment: datetime) -> None:
    try:
        validate_not_future(moment, field="T", now=NOW)
    except ValidationError:
        assert moment > NOW
    else:
        assert moment <= NOW


# ---------------------------------------------------------------------------------------------
# Free text
# ---------------------------------------------------------------------------------------------


def test_text_is_stripped_and_keeps_newlines_and_tabs() -> None:
    assert validate_text("  Line one\n\tLine two \n", field="Note", max_length=50) == (
        "Line one\n\tLine two"
    )


def test_windows_line_endings_become_newlines() -> None:
    assert validate_text("a\r\nb\rc", field="Note", max_length=10) == "a\nb\nc"


def test_required_and_optional_text() -> None:
    assert str(refused(validate_text, " \n ", field="Name", max_length=5)) == "Name: is required"
    assert validate_text(" \n ", field="Name", max_length=5, required=False) == ""


def test_length_limit_counts_characters_after_stripping() -> None:
    assert validate_text(" ääkkö ", field="Name", max_length=5) == "ääkkö"
    assert "at most 4 characters" in refused(validate_text, "ääkkö", field="N", max_length=4).reason


def test_max_length_must_be_positive() -> None:
    with pytest.raises(ValueError):
        validate_text("a", field="N", max_length=0)


@modest
@given(
    st.text(min_size=1, max_size=20).filter(lambda s: s.strip()),
    st.characters(categories=["Cc"]).filter(lambda c: c not in "\n\t\r"),
)
def test_control_characters_are_refused(text: str, control: str) -> None:
    value = "a" + control + text + "x"  # inside the text, where stripping cannot remove it
    assert "control characters" in refused(validate_text, value, field="N", max_length=100).reason


@modest
@given(
    st.text(min_size=1, max_size=20).filter(lambda s: s.strip()),
    st.characters(categories=["Cf", "Zl", "Zp"]),
)
def test_invisible_formatting_characters_are_refused(text: str, invisible: str) -> None:
    """Bidirectional controls, zero-width characters and the like (security finding L7)."""
    value = "a" + invisible + text + "x"
    assert "invisible characters" in refused(validate_text, value, field="N",
                                             max_length=100).reason


@modest
@given(
    st.text(st.characters(exclude_categories=["Cc", "Cs", "Cf", "Zl", "Zp"])
            | st.sampled_from("\n\t"), max_size=200)
)
def test_printable_text_within_the_limit_is_returned_stripped(value: str) -> None:
    assert validate_text(value, field="N", max_length=1000, required=False) == value.strip()


# ---------------------------------------------------------------------------------------------
# Error messages never repeat what was typed
# ---------------------------------------------------------------------------------------------

TEXT_VALIDATORS = [
    parse_identity_code,
    validate_police_report_number,
    validate_email,
    validate_phone,
    parse_money,
    validate_bitcoin_address,
    lambda value, field: validate_text(value, field=field, max_length=8),
]


def near_misses(valid: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Valid values with one character changed: what a person typing most often produces."""

    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        value = draw(valid)
        position = draw(st.integers(0, len(value) - 1))
        return value[:position] + draw(st.characters()) + value[position + 1 :]

    return mutate()


typed_values = st.one_of(
    st.text(min_size=6),
    near_misses(temporary_codes),
    near_misses(st.just("5500/R/12345/20")),
    near_misses(st.just("maija.meikalainen@example.org")),
    near_misses(st.just("+358 40 1234567")),
    near_misses(st.just("1 200,50 €")),
    near_misses(st.sampled_from(VALID_ADDRESSES)),
)


@modest
@given(typed_values, st.sampled_from(TEXT_VALIDATORS))
def test_error_messages_never_contain_the_value(value: str, validator: object) -> None:
    assert callable(validator)
    try:
        validator(value, field="Field")
    except ValidationError as error:
        shown = value.strip()
        # The messages' own format examples are not the value: a typed "500/R/" is part
        # of "must look like 5500/R/12345/20" without having leaked.
        message = str(error).replace("5500/R/12345/20", "<example>")
        if len(shown) >= 6:
            assert shown not in message
        # An identity code's date and individual parts are personal data on their own.
        compact = "".join(value.split()).upper()
        if re.fullmatch(r"[0-9]{6}.[0-9]{3}.", compact):
            assert compact[:6] not in message
            assert compact[7:] not in message
