"""Validation of everything a person types into Suoja: the one entry point.

Every function here takes the raw text from a form or the command line and either returns
the value in its canonical stored form or raises :class:`~models.domain.errors.ValidationError`
naming the field and the rule that failed. A reason never repeats the value typed: it may
be an identity code, a phone number or some other piece of personal data, and error
messages end up on screen, on stderr and in bug reports.

Programming mistakes (a float where money is expected, a naive datetime, an impossible
argument) raise :class:`TypeError` or :class:`ValueError` instead, because no user can fix
them.

The rules live in one module per kind of value (identity codes, police report numbers,
contact details, money, bitcoin addresses, dates, texts); callers import them from here
(``from models.domain import validation as v``), so where a rule lives is this package's
business. The package is Qt-free so the GUI, the command line, the importers and the tests
all share exactly the same rules.
"""

from __future__ import annotations

from models.domain.validation.bitcoin import (
    encode_base58check,
    encode_segwit_address,
    validate_bitcoin_address,
)
from models.domain.validation.contact import validate_email, validate_phone
from models.domain.validation.dates import parse_date, validate_not_future
from models.domain.validation.identity_codes import (
    IdentityCode,
    generate_temporary_identity_code,
    mask_code_shaped,
    parse_identity_code,
)
from models.domain.validation.money import parse_money
from models.domain.validation.police_reports import validate_police_report_number
from models.domain.validation.texts import validate_text, validate_username

__all__ = [
    "IdentityCode",
    "mask_code_shaped",
    "encode_base58check",
    "encode_segwit_address",
    "generate_temporary_identity_code",
    "parse_date",
    "parse_identity_code",
    "parse_money",
    "validate_bitcoin_address",
    "validate_email",
    "validate_not_future",
    "validate_phone",
    "validate_police_report_number",
    "validate_text",
    "validate_username",
]
