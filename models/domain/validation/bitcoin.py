"""Bitcoin wallet addresses: legacy Base58Check and native segwit (Bech32, Bech32m),
checked by their checksums, and the encoders the demo data builds addresses with."""

from __future__ import annotations

import hashlib

from models.domain.errors import ValidationError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.domain.validation._common import REQUIRED, field_name, require_str

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

_TYPO = N_("has a typing error (its checksum does not match)")
_UNKNOWN_KIND = N_("is not a Bitcoin address of a known kind")
_BAD_CHARACTER = N_("contains a character that cannot appear in a Bitcoin address")
_PROGRAM_LENGTH = N_("has a witness program of the wrong length")


def validate_bitcoin_address(value: str, *, field: str = N_("Wallet address")) -> str:
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
    text = require_str(value).strip()
    field = field_name(field)
    if not text:
        raise ValidationError(field, _(REQUIRED))
    if text.lower().startswith(tuple(hrp + "1" for hrp in _SEGWIT_HRPS)):
        return _validate_segwit(text, field)
    return _validate_base58check(text, field)


def _validate_base58check(text: str, field: str) -> str:
    if len(text) > _BASE58_MAX_CHARS or len(text) < 26:
        raise ValidationError(field, _(_UNKNOWN_KIND))
    if any(ch not in _BASE58_INDEX for ch in text):
        raise ValidationError(field, _(_BAD_CHARACTER))
    number = 0
    for ch in text:
        number = number * 58 + _BASE58_INDEX[ch]
    leading_zeros = len(text) - len(text.lstrip("1"))  # each leading "1" is a zero byte
    raw = b"\x00" * leading_zeros + number.to_bytes((number.bit_length() + 7) // 8, "big")
    if len(raw) != _BASE58_PAYLOAD:
        raise ValidationError(field, _(_UNKNOWN_KIND))
    payload, checksum = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != checksum:
        raise ValidationError(field, _(_TYPO))
    if payload[0] not in _BASE58_VERSIONS:
        raise ValidationError(field, _(_UNKNOWN_KIND))
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
        raise ValidationError(field, _("must not mix upper-case and lower-case letters"))
    address = text.lower()
    if len(address) > _BECH32_MAX_CHARS:
        raise ValidationError(field, _("is too long for a Bitcoin address"))
    hrp, _separator, data_part = address.rpartition("1")
    if hrp not in _SEGWIT_HRPS:
        raise ValidationError(field, _(_UNKNOWN_KIND))
    if any(ch not in _BECH32_INDEX for ch in data_part):
        raise ValidationError(field, _(_BAD_CHARACTER))
    data = [_BECH32_INDEX[ch] for ch in data_part]
    if len(data) < _BECH32_CHECKSUM_CHARS + 1:
        raise ValidationError(field, _("is too short for a Bitcoin address"))
    constant = _bech32_polymod(_bech32_hrp_expand(hrp) + data)
    if constant not in (_BECH32_CONST, _BECH32M_CONST):
        raise ValidationError(field, _(_TYPO))
    version = data[0]
    if version > 16:
        raise ValidationError(field, _("has an unknown witness version"))
    expected = _BECH32_CONST if version == 0 else _BECH32M_CONST
    if constant != expected:
        # Valid Bech32 where Bech32m is required or the other way round: most likely a
        # mistyped character that happened to hit the other constant.
        raise ValidationError(field, _(_TYPO))
    program = _convert_bits(data[1:-_BECH32_CHECKSUM_CHARS], 5, 8)
    if program is None or not 2 <= len(program) <= 40:
        raise ValidationError(field, _(_PROGRAM_LENGTH))
    if version == 0 and len(program) not in (20, 32):
        raise ValidationError(field, _(_PROGRAM_LENGTH))
    return address
