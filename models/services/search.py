"""The global search: one box over names, identity codes, references, police report
numbers, phones, e-mails, wallet and sender addresses.

The text is classified by its shape and every kind it could be is searched, each as an
index range scan (``key >= prefix AND key < prefix || KEY_END``), which every database
can use; the union of the case ids is what the case list filters on.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Select, false, select, union
from sqlalchemy.orm import InstrumentedAttribute

from models.domain.entities import Case, ExtortionContact, IdentityCodeRecord, PoliceReport, Victim
from models.domain.text import KEY_END, search_key

_IDENTITY_CODE = re.compile(r"^\d{6}([-+A-FU-Y](\d{0,3}[0-9A-Y]?)?)?$", re.IGNORECASE)
_REFERENCE = re.compile(r"^SUO(-\d{0,4}(-\d{0,5})?)?$", re.IGNORECASE)
_REPORT = re.compile(r"^\d{1,4}/(R(/\d{0,8}(/\d{0,2})?)?)?$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s()-]+$")
_WALLET = re.compile(r"^(bc1|tb1|[13mn2])[a-zA-HJ-NP-Z0-9]{5,}$", re.IGNORECASE)

MIN_NAME_PREFIX = 1


def _prefix(column: InstrumentedAttribute[Any] | Any, prefix: str) -> Any:
    return (column >= prefix) & (column < prefix + KEY_END)


def search_kinds(text: str) -> list[str]:
    """What kinds of value ``text`` may be, by its shape (for tests and the GUI hint)."""
    text = text.strip()
    if not text:
        return []
    kinds: list[str] = []
    if _IDENTITY_CODE.match(text):
        kinds.append("identity_code")
    if _REFERENCE.match(text):
        kinds.append("reference")
    if _REPORT.match(text):
        kinds.append("police_report")
    if "@" in text:
        kinds.append("email")
    digits = re.sub(r"\D", "", text)
    if _PHONE.match(text) and len(digits) >= 4:
        kinds.append("phone")
    has_digit = any(ch.isdigit() for ch in text)
    # Real addresses carry digits; without this rule "nieminen" would look like one.
    if _WALLET.match(text) and len(text) >= 8 and (has_digit or text[:3].lower() == "bc1"):
        kinds.append("wallet")
    # Names hold no digits: "011083-956Y" is an identity code, not a name starting "011…".
    if any(ch.isalpha() for ch in text) and not has_digit and "@" not in text \
            and "/" not in text:
        kinds.append("name")
    if "@" in text or "." in text:
        kinds.append("sender")
    return kinds


def normalise_phone_prefix(text: str) -> str:
    """Turn what was typed into the start of an E.164 number: ``040 12`` → ``+3584012``."""
    stripped = text.strip()
    digits = re.sub(r"\D", "", stripped)
    if stripped.startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return "+358" + digits[1:]
    return "+" + digits


def _name_statements(text: str) -> list[Select[Any]]:
    key = search_key(text)
    if len(key) < MIN_NAME_PREFIX:
        return []
    by_victim: list[Any] = [
        _prefix(Victim.search_last_name, key),
        _prefix(Victim.search_first_names, key),
        _prefix(Victim.search_full_name, key),
    ]
    tokens = key.split(" ")
    if len(tokens) > 1:
        # "maija virt" → first names start with "maija", last name with "virt".
        by_victim.append(
            _prefix(Victim.search_first_names, " ".join(tokens[:-1]))
            & _prefix(Victim.search_last_name, tokens[-1])
        )
    return [
        select(Case.id).join(Victim, Case.victim_id == Victim.id).where(condition)
        for condition in by_victim
    ]


def matching_case_ids(text: str) -> Any:
    """A select of the ids of every case ``text`` finds (usable as a subquery)."""
    text = text.strip()
    statements: list[Select[Any]] = []
    for kind in search_kinds(text):
        if kind == "identity_code":
            code = text.upper()
            statements.append(
                select(Case.id).join(Victim, Case.victim_id == Victim.id)
                .where(_prefix(Victim.identity_code, code))
            )
            statements.append(
                select(Case.id).join(Victim, Case.victim_id == Victim.id)
                .join(IdentityCodeRecord, IdentityCodeRecord.victim_id == Victim.id)
                .where(_prefix(IdentityCodeRecord.identity_code, code))
            )
        elif kind == "reference":
            statements.append(select(Case.id).where(_prefix(Case.reference, text.upper())))
        elif kind == "police_report":
            statements.append(
                select(PoliceReport.case_id).where(
                    _prefix(PoliceReport.report_number, text.upper())
                )
            )
        elif kind == "email":
            statements.append(
                select(Case.id).join(Victim, Case.victim_id == Victim.id)
                .where(_prefix(Victim.email, text.lower()))
            )
        elif kind == "phone":
            phone = normalise_phone_prefix(text)
            statements.append(
                select(Case.id).join(Victim, Case.victim_id == Victim.id)
                .where(_prefix(Victim.phone, phone))
            )
            # SMS and phone extortion senders are stored in the same E.164 form.
            statements.append(
                select(ExtortionContact.case_id).where(_prefix(ExtortionContact.sender, phone))
            )
        elif kind == "wallet":
            wallet = text.lower() if text.lower().startswith(("bc1", "tb1")) else text
            statements.append(
                select(ExtortionContact.case_id).where(
                    _prefix(ExtortionContact.wallet_address, wallet)
                )
            )
        elif kind == "sender":
            statements.append(
                select(ExtortionContact.case_id).where(_prefix(ExtortionContact.sender, text))
            )
        elif kind == "name":
            statements.extend(_name_statements(text))
    if not statements:
        # Matches nothing; typed as a case id so PostgreSQL can compare it with one.
        return select(Case.id).where(false())
    if len(statements) == 1:
        return statements[0]
    return union(*statements)
