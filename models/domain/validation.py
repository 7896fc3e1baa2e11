"""Validation of everything a person types into Suoja.

Every function here takes the raw text from a form or the command line and either returns
the value in its canonical stored form or raises :class:`~models.domain.errors.ValidationError`
naming the field and the rule that failed. A reason never repeats the value typed: it may
be an identity code, a phone number or some other piece of personal data, and error
messages end up on screen, on stderr and in bug reports.

Programming mistakes (a float where money is expected, a naive datetime, an impossible
argument) raise :class:`TypeError` or :class:`ValueError` instead, because no user can fix
them.

The module is Qt-free so the GUI, the command line, the importers and the tests all share
exactly the same rules.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TypeVar

from stdnum import exceptions as stdnum_errors
from stdnum.fi import hetu

from models.domain.errors import ValidationError

__all__ = [
    "NBSP",
    "IdentityCode",
    "format_money_fi",
    "generate_temporary_identity_code",
    "mask_identity_code",
    "parse_identity_code",
    "parse_money",
    "validate_bitcoin_address",
    "validate_email",
    "validate_not_future",
    "validate_phone",
    "validate_police_report_number",
    "validate_text",
]

_REQUIRED = "is required"


def _require_str(value: object, what: str = "value") -> str:
    """Refuse a non-string argument: that is a bug in the caller, not a typing mistake."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def _local_now() -> datetime:
    """The current time, aware, in the workstation's time zone (where "today" is decided)."""
    return datetime.now(UTC).astimezone()


# ---------------------------------------------------------------------------------------------
# Personal identity code (henkilötunnus)
# ---------------------------------------------------------------------------------------------

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
_HETU_MASK = "******-****"


@dataclass(frozen=True)
class IdentityCode:
    """A valid Finnish personal identity code, taken apart.

    The sex that the individual number encodes is deliberately not derived.

    Attributes:
        compact: the canonical stored form, upper case without spaces ("131052-308T").
        birth_date: the date of birth the code encodes.
        is_temporary: True for a temporary code (individual number 900–999).
    """

    compact: str
    birth_date: date
    is_temporary: bool

    def __repr__(self) -> str:
        # The full code is personal data: keep it out of logs, tracebacks and test output.
        return (
            f"IdentityCode(compact={mask_identity_code(self.compact)!r}, "
            f"birth_date=..., is_temporary={self.is_temporary!r})"
        )


def parse_identity_code(value: str, *, field: str = "Identity code") -> IdentityCode:
    """Check a Finnish personal identity code and take it apart.

    Spaces are removed and letters upper-cased before checking. Temporary codes
    (individual number 900–999) are accepted and flagged.

    Args:
        value: the code as typed, e.g. ``"131052-308t"``.
        field: the field name used in the error message.

    Returns:
        The code in canonical form with its birth date.

    Raises:
        ValidationError: the code is empty, has the wrong length or shape, an impossible or
            future birth date, an individual number below 002, or a wrong check character.
    """
    text = "".join(_require_str(value).split()).upper()
    if not text:
        raise ValidationError(field, _REQUIRED)
    if len(text) != _HETU_LENGTH:
        raise ValidationError(field, "must be 11 characters long")
    match = _HETU_SHAPE.fullmatch(text)
    if match is None:
        raise ValidationError(
            field,
            "must be six digits of birth date, a century sign, three digits and a check character",
        )
    if int(match["individual"]) < 2:
        # stdnum reports this as the same error as an impossible date; say what it is.
        raise ValidationError(field, "individual number must be between 002 and 999")
    try:
        hetu.validate(text, allow_temporary=True)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(field, "check character does not match; check for a typo") from None
    except stdnum_errors.InvalidComponent:
        # The individual number was checked above, so the date is what is wrong.
        raise ValidationError(field, "contains a birth date that does not exist") from None
    except stdnum_errors.InvalidFormat:
        # The shape was checked above, so only the check character can be out of the set.
        raise ValidationError(field, "check character does not match; check for a typo") from None
    except stdnum_errors.ValidationError:
        raise ValidationError(field, "is not a valid identity code") from None

    birth_date = date(
        _HETU_CENTURIES[match["century"]] + int(match["year"]),
        int(match["month"]),
        int(match["day"]),
    )
    if birth_date > _local_now().date():
        raise ValidationError(field, "contains a birth date in the future")
    return IdentityCode(
        compact=text,
        birth_date=birth_date,
        is_temporary=int(match["individual"]) >= 900,
    )


def mask_identity_code(code: str) -> str:
    """Hide everything after the birth date and century sign of an identity code.

    Never raises: anything that is not a well-formed code (including a non-string) comes
    back fully masked, so a damaged value cannot leak through the mask either.

    Args:
        code: an identity code, normally the stored compact form.

    Returns:
        ``"131052-****"`` for a valid code, ``"******-****"`` for anything else.
    """
    if not isinstance(code, str):
        return _HETU_MASK
    text = "".join(code.split()).upper()
    if _HETU_SHAPE.fullmatch(text) is None or not hetu.is_valid(text, allow_temporary=True):
        return _HETU_MASK
    return text[:7] + "*" * (_HETU_LENGTH - 7)


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
    if birth_date > _local_now().date():
        raise ValueError("birth_date is in the future")
    digits = f"{birth_date:%d%m}{birth_date.year % 100:02d}{individual:03d}"
    check = _HETU_CHECK_CHARACTERS[int(digits) % 31]
    return f"{digits[:6]}{signs[century]}{digits[6:]}{check}"


# ---------------------------------------------------------------------------------------------
# Police report number
# ---------------------------------------------------------------------------------------------

#: ``DDDD/R/N/YY``: department, the letter R (rikosilmoitus), running number, year.
_POLICE_REPORT = re.compile(
    r"(?P<department>[0-9]{4})/[Rr]/(?P<number>[0-9]{1,8})/(?P<year>[0-9]{2})"
)


def validate_police_report_number(value: str, *, field: str = "Police report number") -> str:
    """Check a Finnish police report number such as ``5500/R/12345/20``.

    Args:
        value: the number as typed; surrounding whitespace is ignored and a lower-case
            ``r`` accepted.
        field: the field name used in the error message.

    Returns:
        The number with an upper-case ``R``. The running number is kept as typed,
        including any leading zeros.

    Raises:
        ValidationError: the number is empty, not of the form ``DDDD/R/N/YY`` (1–8 digit
            running number), or its running number is zero.
    """
    text = _require_str(value).strip()
    if not text:
        raise ValidationError(field, _REQUIRED)
    match = _POLICE_REPORT.fullmatch(text)
    if match is None:
        raise ValidationError(field, "must look like 5500/R/12345/20")
    if int(match["number"]) == 0:
        raise ValidationError(field, "running number must not be zero")
    return f"{match['department']}/R/{match['number']}/{match['year']}"


# ---------------------------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------------------------

#: Characters allowed in an unquoted local part (RFC 5322 ``atext``), ASCII only.
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_EMAIL_MAX = 254
_EMAIL_LOCAL_MAX = 64


def validate_email(value: str, *, field: str = "E-mail") -> str:
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
    text = _require_str(value).strip()
    if not text:
        raise ValidationError(field, _REQUIRED)
    if any(ch.isspace() for ch in text):
        raise ValidationError(field, "must not contain spaces")
    if len(text) > _EMAIL_MAX:
        raise ValidationError(field, f"must be at most {_EMAIL_MAX} characters long")
    if text.count("@") != 1:
        raise ValidationError(field, "must contain exactly one @ sign")
    local, domain = text.split("@")
    if not local:
        raise ValidationError(field, "needs a name before the @ sign")
    if len(local) > _EMAIL_LOCAL_MAX:
        raise ValidationError(
            field, f"must have at most {_EMAIL_LOCAL_MAX} characters before the @ sign"
        )
    if _EMAIL_LOCAL.fullmatch(local) is None:
        raise ValidationError(field, "has characters that are not allowed before the @ sign")
    labels = domain.split(".")
    if len(labels) < 2:
        raise ValidationError(field, "needs a domain with a dot after the @ sign, like example.fi")
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in labels) or labels[-1].isdigit():
        raise ValidationError(field, "has a domain that is not valid after the @ sign")
    return f"{local}@{domain.lower()}"


# ---------------------------------------------------------------------------------------------
# Phone
# ---------------------------------------------------------------------------------------------

_PHONE_SEPARATORS = str.maketrans("", "", "-()")
_PHONE_MIN_DIGITS = 7
_PHONE_MAX_DIGITS = 15  # ITU-T E.164
_FINLAND = "358"


def validate_phone(value: str, *, field: str = "Phone") -> str:
    """Check a Finnish or international phone number and store it as E.164.

    Spaces, hyphens and parentheses are ignored. ``00`` at the start means the
    international prefix; a number starting with a single ``0`` is Finnish, so its leading
    zero becomes ``+358``. A trunk zero written after the Finnish country code, as in
    ``+358 (0)40 …``, is dropped too.

    Args:
        value: the number as typed, e.g. ``"040 123 4567"`` or ``"+44 20 7946 0958"``.
        field: the field name used in the error message.

    Returns:
        ``"+"`` followed by 7–15 digits, e.g. ``"+358401234567"``.

    Raises:
        ValidationError: the number is empty, contains other characters, does not start
            with ``+``, ``00`` or ``0``, has a country code starting with 0, or has too
            few or too many digits.
    """
    text = "".join(_require_str(value).split()).translate(_PHONE_SEPARATORS)
    if not text:
        raise ValidationError(field, _REQUIRED)
    international = text.startswith("+")
    body = text[1:] if international else text
    if not (body.isascii() and body.isdigit()):
        raise ValidationError(
            field, "may contain only digits, spaces, hyphens, parentheses and a leading +"
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
            "must start with 0 for a Finnish number, or with + or 00 for an international one",
        )
    if digits.startswith(_FINLAND + "0"):
        digits = _FINLAND + digits[len(_FINLAND) + 1 :]
    if digits.startswith("0"):
        raise ValidationError(field, "has a country code that cannot start with 0")
    if len(digits) < _PHONE_MIN_DIGITS:
        raise ValidationError(field, "is too short")
    if len(digits) > _PHONE_MAX_DIGITS:
        raise ValidationError(field, "is too long")
    return "+" + digits


# ---------------------------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------------------------

_CENT = Decimal("0.01")
#: Exclusive upper bound. The money columns are ``Numeric(12, 2)``, so ten billion itself
#: (eleven integer digits) would not fit.
_MONEY_LIMIT = Decimal(10_000_000_000)
#: Thousands separators people type or paste: space, no-break space, narrow no-break space,
#: thin space.
_GROUP_SPACES = str.maketrans(dict.fromkeys("\u00a0\u202f\u2009", " "))
#: Digits with optional space grouping, then an optional comma or dot and decimals.
_MONEY = re.compile(r"(?P<whole>[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:[.,](?P<decimals>[0-9]+))?")
_MINUS_SIGNS = ("-", "\u2212")
#: The no-break space :func:`format_money_fi` uses between digit groups and before the unit.
NBSP = "\u00a0"


def parse_money(
    value: str | int | Decimal, *, field: str = "Amount", decimals: int = 2
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
    too_precise = "must have at most two decimals" if decimals == 2 else (
        f"must have at most {decimals} decimals"
    )
    if isinstance(value, str):
        amount = _parse_money_text(value, field, decimals, too_precise)
    else:
        amount = Decimal(value)
        if not amount.is_finite():
            raise ValidationError(field, "must be a number")
        if amount < 0:
            raise ValidationError(field, "must not be negative")
    # Before any quantize(): a huge value would overflow the decimal context.
    if amount >= _MONEY_LIMIT:
        raise ValidationError(field, "is too large")
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
        raise ValidationError(field, _REQUIRED)
    if text.startswith(_MINUS_SIGNS):
        raise ValidationError(field, "must not be negative")
    match = _MONEY.fullmatch(text)
    if match is None:
        raise ValidationError(field, "must be an amount like 1 200,50")
    decimals = match["decimals"] or ""
    if len(decimals) > places:
        raise ValidationError(field, too_precise)
    try:
        return Decimal(f"{match['whole'].replace(' ', '')}.{decimals or '0'}")
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise ValidationError(field, "must be an amount like 1 200,50") from None


def format_money_fi(amount: Decimal, currency: str = "EUR") -> str:
    """Show an amount the Finnish way: ``"1 200,50 €"``, ``"0,05 BTC"``.

    Digit groups and the unit are separated by a no-break space (U+00A0, :data:`NBSP`),
    so an amount never wraps across lines. :func:`parse_money` reads the result back.
    Euros are rounded half-up to cents; other currencies keep their own decimals (at
    least two), because e.g. bitcoin amounts are often smaller than a cent. A negative
    amount starts with an ASCII hyphen-minus.

    Args:
        amount: the amount, a Decimal (an int is accepted too).
        currency: an ISO 4217-style code; ``"EUR"`` is shown as ``€``.

    Returns:
        The amount as text.

    Raises:
        TypeError: ``amount`` is a float or another unsupported type.
        ValueError: ``amount`` is NaN or infinite, or ``currency`` is empty.
    """
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
    sign = "-" if amount < 0 else ""
    whole, _, decimals = f"{abs(amount):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    unit = "€" if code == "EUR" else code
    return f"{sign}{NBSP.join(groups)},{decimals}{NBSP}{unit}"


# ---------------------------------------------------------------------------------------------
# Bitcoin addresses
# ---------------------------------------------------------------------------------------------

_BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {ch: i for i, ch in enumerate(_BASE58_ALPHABET)}
#: Version bytes: mainnet P2PKH ("1…"), mainnet P2SH ("3…"), testnet P2PKH ("m…"/"n…"),
#: testnet P2SH ("2…").
_BASE58_VERSIONS = frozenset({0x00, 0x05, 0x6F, 0xC4})
_BASE58_PAYLOAD = 25  # version + 20-byte hash + 4-byte checksum
_BASE58_MAX_CHARS = 35

_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {ch: i for i, ch in enumerate(_BECH32_CHARSET)}
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_BECH32_CONST = 1  # BIP-173
_BECH32M_CONST = 0x2BC830A3  # BIP-350
_BECH32_MAX_CHARS = 90
_BECH32_CHECKSUM_CHARS = 6
_SEGWIT_HRPS = ("bc", "tb")  # mainnet, testnet

_TYPO = "has a typing error (its checksum does not match)"


def validate_bitcoin_address(value: str, *, field: str = "Wallet address") -> str:
    """Check a Bitcoin address, including its checksum.

    Accepts legacy Base58Check addresses (P2PKH ``1…``, P2SH ``3…`` and their testnet
    forms ``m…``/``n…``/``2…``) and native segwit addresses (``bc1…``, testnet ``tb1…``):
    Bech32 for witness version 0 and Bech32m for versions 1–16. The checksums catch any
    single mistyped character.

    Args:
        value: the address as typed; surrounding whitespace is ignored.
        field: the field name used in the error message.

    Returns:
        The address; a segwit address in lower case.

    Raises:
        ValidationError: the address is empty, malformed, from another network, or its
            checksum does not match.
    """
    text = _require_str(value).strip()
    if not text:
        raise ValidationError(field, _REQUIRED)
    if text.lower().startswith(tuple(hrp + "1" for hrp in _SEGWIT_HRPS)):
        return _validate_segwit(text, field)
    return _validate_base58check(text, field)


def _validate_base58check(text: str, field: str) -> str:
    if len(text) > _BASE58_MAX_CHARS or len(text) < 26:
        raise ValidationError(field, "is not a Bitcoin address of a known kind")
    if any(ch not in _BASE58_INDEX for ch in text):
        raise ValidationError(field, "contains a character that cannot appear in a Bitcoin address")
    number = 0
    for ch in text:
        number = number * 58 + _BASE58_INDEX[ch]
    leading_zeros = len(text) - len(text.lstrip("1"))  # each leading "1" is a zero byte
    raw = b"\x00" * leading_zeros + number.to_bytes((number.bit_length() + 7) // 8, "big")
    if len(raw) != _BASE58_PAYLOAD:
        raise ValidationError(field, "is not a Bitcoin address of a known kind")
    payload, checksum = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != checksum:
        raise ValidationError(field, _TYPO)
    if payload[0] not in _BASE58_VERSIONS:
        raise ValidationError(field, "is not a Bitcoin address of a known kind")
    return text


def encode_base58check(payload: bytes) -> str:
    """``payload`` (a version byte and a hash) with its checksum, in Base58.

    The inverse of the legacy-address check in :func:`validate_bitcoin_address`; each
    leading zero byte becomes a leading ``1``.
    """
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    number = int.from_bytes(raw, "big")
    digits: list[str] = []
    while number:
        number, rest = divmod(number, 58)
        digits.append(_BASE58_ALPHABET[rest])
    leading = len(raw) - len(raw.lstrip(b"\x00"))
    return "1" * leading + "".join(reversed(digits))


# Bech32 and Bech32m as specified in BIP-173
# (https://github.com/bitcoin/bips/blob/master/bip-0173.mediawiki) and BIP-350
# (https://github.com/bitcoin/bips/blob/master/bip-0350.mediawiki). The two differ only in
# the constant the checksum must come to; BIP-350 assigns Bech32 to witness version 0 and
# Bech32m to versions 1-16.


def _bech32_terms(top: int) -> int:
    terms = 0
    for i, generator in enumerate(_BECH32_GENERATOR):
        if top >> i & 1:
            terms ^= generator
    return terms


#: The generator terms selected by each value of the top five bits, so one polymod step
#: is a shift, an XOR and a table look-up (the demo data builds thousands of addresses).
_BECH32_TABLE = tuple(_bech32_terms(top) for top in range(32))


def _bech32_polymod(values: list[int]) -> int:
    """The BCH checksum over GF(32) from BIP-173."""
    checksum = 1
    for value in values:
        checksum = ((checksum & 0x1FFFFFF) << 5) ^ value ^ _BECH32_TABLE[checksum >> 25]
    return checksum


def _bech32_hrp_expand(hrp: str) -> list[int]:
    return [ord(ch) >> 5 for ch in hrp] + [0] + [ord(ch) & 31 for ch in hrp]


def _convert_bits(data: list[int], from_bits: int, to_bits: int) -> bytes | None:
    """Regroup 5-bit values into bytes; None if the padding is not as BIP-173 requires."""
    accumulator = 0
    bits = 0
    result = bytearray()
    mask = (1 << to_bits) - 1
    for value in data:
        accumulator = (accumulator << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            result.append((accumulator >> bits) & mask)
    # At most four padding bits, and all of them zero.
    if bits >= from_bits or (accumulator << (to_bits - bits)) & mask:
        return None
    return bytes(result)


def encode_segwit_address(hrp: str, version: int, program: bytes) -> str:
    """A native segwit address: Bech32 for witness version 0, Bech32m for 1–16.

    The inverse of what :func:`validate_bitcoin_address` checks (the demo data builds
    its wallet addresses with it). ``program`` is regrouped into 5-bit values, the last
    one padded with zero bits.
    """
    bits = len(program) * 8
    groups = -(-bits // 5)
    number = int.from_bytes(program, "big") << (groups * 5 - bits)
    data = [version] + [(number >> 5 * (groups - 1 - i)) & 31 for i in range(groups)]
    constant = _BECH32_CONST if version == 0 else _BECH32M_CONST
    state = _bech32_polymod(_bech32_hrp_expand(hrp) + data + [0] * _BECH32_CHECKSUM_CHARS)
    state ^= constant
    checksum = [(state >> 5 * (5 - i)) & 31 for i in range(_BECH32_CHECKSUM_CHARS)]
    return hrp + "1" + "".join(_BECH32_CHARSET[value] for value in data + checksum)


def _validate_segwit(text: str, field: str) -> str:
    if text != text.lower() and text != text.upper():
        raise ValidationError(field, "must not mix upper-case and lower-case letters")
    address = text.lower()
    if len(address) > _BECH32_MAX_CHARS:
        raise ValidationError(field, "is too long for a Bitcoin address")
    hrp, _, data_part = address.rpartition("1")
    if hrp not in _SEGWIT_HRPS:
        raise ValidationError(field, "is not a Bitcoin address of a known kind")
    if any(ch not in _BECH32_INDEX for ch in data_part):
        raise ValidationError(field, "contains a character that cannot appear in a Bitcoin address")
    data = [_BECH32_INDEX[ch] for ch in data_part]
    if len(data) < _BECH32_CHECKSUM_CHARS + 1:
        raise ValidationError(field, "is too short for a Bitcoin address")
    constant = _bech32_polymod(_bech32_hrp_expand(hrp) + data)
    if constant not in (_BECH32_CONST, _BECH32M_CONST):
        raise ValidationError(field, _TYPO)
    version = data[0]
    if version > 16:
        raise ValidationError(field, "has an unknown witness version")
    expected = _BECH32_CONST if version == 0 else _BECH32M_CONST
    if constant != expected:
        # Valid Bech32 where Bech32m is required or the other way round: most likely a
        # mistyped character that happened to hit the other constant.
        raise ValidationError(field, _TYPO)
    program = _convert_bits(data[1:-_BECH32_CHECKSUM_CHARS], 5, 8)
    if program is None or not 2 <= len(program) <= 40:
        raise ValidationError(field, "has a witness program of the wrong length")
    if version == 0 and len(program) not in (20, 32):
        raise ValidationError(field, "has a witness program of the wrong length")
    return address


# ---------------------------------------------------------------------------------------------
# Dates and free text
# ---------------------------------------------------------------------------------------------

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
        now = _local_now()
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


#: Control characters that free text may keep.
_ALLOWED_CONTROLS = frozenset("\n\t")


_USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")


def validate_username(value: str) -> str:
    """A sign-in name: 1–64 of a–z, digits, dot, dash and underscore, stored lower-case.

    Raises:
        ValidationError: anything else (the value is not repeated).
    """
    name = validate_text(value, field="Username", max_length=64).lower()
    if not set(name) <= _USERNAME_CHARS:
        raise ValidationError("Username", "may use only a–z, digits, dot, dash and underscore")
    return name


def validate_text(value: str, *, field: str, max_length: int, required: bool = True) -> str:
    """Check free text: a name, a note, a description.

    Surrounding whitespace is removed and Windows or old Mac line endings (``\\r\\n``,
    ``\\r``) become ``\\n`` first. Newlines and tabs are kept; any other control character
    is refused, as is a lone surrogate (which cannot be stored as UTF-8).

    Args:
        value: the text as typed.
        field: the field name used in the error message.
        max_length: the most characters (code points) allowed after stripping.
        required: whether empty text is refused; if False, empty text returns ``""``.

    Returns:
        The stripped text.

    Raises:
        ValueError: ``max_length`` is less than 1.
        ValidationError: the text is empty but required, too long, or contains a
            control character.
    """
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    text = _require_str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        if required:
            raise ValidationError(field, _REQUIRED)
        return ""
    if len(text) > max_length:
        raise ValidationError(field, f"must be at most {max_length} characters long")
    for ch in text:
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs"):
            raise ValidationError(field, "must not contain control characters")
    return text
