"""The global search: one box over names, identity codes, references, police report
numbers, phones, e-mails, wallet and sender addresses.

The text is classified by its shape and every kind it could be is searched; the union of
the case ids is what the case list filters on. Names, references and the visible part of
identity codes are *listed* values (every role that lists cases sees them) and are found
by prefix, each an index range scan (``key >= prefix AND key < prefix || KEY_END``).

Identity codes and phone numbers are masked or not listed at all, so a prefix search
would let anyone rebuild them a character at a time. They are found only by the whole,
normalised value (an equality on an indexed column), and each such search is audited by
the caller with an HMAC of the value (:func:`searched_value_mac`), never the value. The
other unlisted values (e-mail, police report numbers, extortion senders and wallets)
keep their prefix search. For a counsellor, every unlisted value matches only in the
cases they may open (:func:`counsellor_scope`): a match anywhere else is answered
exactly like no match, so no search confirms a value of a case they may not open.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    bindparam,
    false,
    or_,
    select,
    union,
    union_all,
)

from models.domain import validation as v
from models.domain.entities import (
    AccessGrant,
    Case,
    ExtortionContact,
    IdentityCodeRecord,
    PoliceReport,
    Victim,
)
from models.domain.enums import Role
from models.domain.errors import ValidationError
from models.domain.text import KEY_END, search_key

_IDENTITY_CODE = re.compile(r"^\d{6}([-+A-FU-Y](\d{0,3}[0-9A-Y]?)?)?$", re.IGNORECASE)
_REFERENCE = re.compile(r"^SUO(-\d{0,4}(-\d{0,5})?)?$", re.IGNORECASE)
_REPORT = re.compile(r"^\d{1,4}/(R(/\d{0,8}(/\d{0,2})?)?)?$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s()-]+$")
_WALLET = re.compile(r"^(bc1|tb1|[13mn2])[a-zA-HJ-NP-Z0-9]{5,}$", re.IGNORECASE)

MIN_NAME_PREFIX = 1
#: What a masked identity code shows to everyone who lists cases: the birth date and the
#: century sign (``IdentityCode.masked``, ``131052-****``). Searching by that part (or a
#: shorter prefix of it) tells nothing the list does not.
MASK_SHOWS = 7

IDENTITY_CODE = "identity_code"
PHONE = "phone"


def _is_visible_code_part(text: str) -> bool:
    return len(text) <= MASK_SHOWS and bool(_IDENTITY_CODE.match(text))


def search_kinds(text: str) -> list[str]:
    """What kinds of value ``text`` may be, by its shape (for tests and the GUI hint)."""
    return list(_kinds(text.strip()))


def _kinds(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    kinds: list[str] = []
    if _IDENTITY_CODE.match(text):
        kinds.append(IDENTITY_CODE)
    if _REFERENCE.match(text):
        kinds.append("reference")
    if _REPORT.match(text):
        kinds.append("police_report")
    if "@" in text:
        kinds.append("email")
    digits = re.sub(r"\D", "", text)
    # "190577" or "190577-9413" is (a part of) an identity code, not a phone number: no
    # real number is written as six digits, a hyphen and up to four more.
    if _PHONE.match(text) and len(digits) >= 4 and not _IDENTITY_CODE.match(text):
        kinds.append(PHONE)
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
    return tuple(kinds)


@dataclass(frozen=True)
class Searched:
    """A whole identity code or phone number a search looked for, normalised (the
    compact code, the E.164 number): what the audit records as an HMAC."""

    kind: str
    value: str = field(repr=False)


def whole_identity_code(text: str) -> str | None:
    """The compact code if ``text`` is a whole, valid identity code, else None."""
    try:
        return v.parse_identity_code(text).compact
    except ValidationError:
        return None


def whole_phone(text: str) -> str | None:
    """The E.164 number if ``text`` is a whole phone number as stored, else None."""
    try:
        return v.validate_phone(text, plan=False)  # as stored, whenever it was
    except ValidationError:
        return None


def searched_values(text: str, kinds: tuple[str, ...] | None = None) -> list[Searched]:
    """The whole codes and phone numbers ``text`` searches for (each search of them is
    audited); a part of one searches for nothing. ``kinds``: its
    :func:`search_kinds`, if already worked out (:attr:`SearchPlan.kinds`)."""
    text = text.strip()
    if kinds is None:
        kinds = _kinds(text)
    found: list[Searched] = []
    if IDENTITY_CODE in kinds and (code := whole_identity_code(text)) is not None:
        found.append(Searched(IDENTITY_CODE, code))
    if PHONE in kinds and (phone := whole_phone(text)) is not None:
        found.append(Searched(PHONE, phone))
    return found


# -- the audit's keyed hash ------------------------------------------------------------


def derive_search_key(data_key: bytes) -> bytes:
    """The HMAC key for searched values: HKDF of the data key (like the audit chain's
    key, with its own label), so it is never stored anywhere."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"suoja searched values v1"
    ).derive(data_key)


def searched_value_mac(key: bytes, kind: str, value: str) -> str:
    """The HMAC-SHA256 (hex) of a normalised searched value, as the audit detail holds it.

    Someone holding the key can test a guess ("did anyone search for this code?"), and
    so can try all 998 codes of a birth date: the HMAC keeps the value out of audit
    exports and out of reach of whoever has the rows but not the key.
    """
    return hmac.new(key, f"{kind}\x1f{value}".encode(), hashlib.sha256).hexdigest()


def audit_detail(key: bytes, via: str, searched: list[Searched]) -> str:
    """``via=list identity_code=<hmac> phone=<hmac>``: one event per search."""
    parts = [f"via={via}"]
    parts += [f"{s.kind}={searched_value_mac(key, s.kind, s.value)}" for s in searched]
    return " ".join(parts)


# -- scope -----------------------------------------------------------------------------


def counsellor_scope(user_id: int, now: dt.datetime) -> ColumnElement[bool]:
    """The cases a counsellor may open (``permissions.in_scope`` as SQL on ``Case``):
    their own, unassigned ones and those of a live break-the-glass grant."""
    granted = select(AccessGrant.case_id).where(
        AccessGrant.user_id == user_id, AccessGrant.expires_at > now)
    return or_(Case.assigned_to_id.is_(None), Case.assigned_to_id == user_id,
               Case.id.in_(granted))


def value_scope(role: Role, user_id: int, now: dt.datetime) -> ColumnElement[bool] | None:
    """Where unlisted values may match for this user: :func:`counsellor_scope` for a
    counsellor, None (every case) for the roles that may open every case."""
    if Role(role) is Role.COUNSELLOR:
        return counsellor_scope(user_id, now)
    return None


def within_scope(statements: list[Select[Any]], scope: ColumnElement[bool] | None
                 ) -> list[Select[Any]]:
    """``statements`` (selects of case ids) limited to the cases ``scope`` lets through."""
    if not statements or scope is None:
        return statements
    found = statements[0] if len(statements) == 1 else union(*statements)
    return [select(Case.id).where(Case.id.in_(found), scope)]


# -- the statements --------------------------------------------------------------------
#
# A search is planned once per text (:func:`search_plan`): the branches it runs, a tuple
# of names (its *shape*), and the values they compare with. The statement of a shape
# holds bound parameters only, so a caller may build it once and keep it
# (``CaseListService`` does): the next text of the same shape runs the same statement,
# already compiled, with other values. The rules are the same either way.

_case = Case.__table__
_victim = Victim.__table__
_code_record = IdentityCodeRecord.__table__
_report = PoliceReport.__table__
_contact = ExtortionContact.__table__
_grant = AccessGrant.__table__

#: Listed branches (values every role that lists cases sees): found in any case.
_LISTED = frozenset({"code_part", "reference", "first_names", "full_name",
                     "first_and_last"})


@dataclass(frozen=True)
class SearchPlan:
    """What a text searches: its branches (``shape``, hashable) and their values."""

    shape: tuple[str, ...]
    values: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: What kinds of value the text may be (:func:`search_kinds`).
    kinds: tuple[str, ...] = ()

    @property
    def listed(self) -> tuple[str, ...]:
        return tuple(name for name in self.shape if name in _LISTED)

    @property
    def unlisted(self) -> tuple[str, ...]:
        return tuple(name for name in self.shape if name not in _LISTED)


def search_plan(text: str) -> SearchPlan:
    """The branches ``text`` searches and the values they compare with."""
    text = text.strip()
    shape: list[str] = []
    values: dict[str, Any] = {}

    def prefix(name: str, value: str) -> None:
        shape.append(name)
        values[f"{name}_lo"] = value
        values[f"{name}_hi"] = value + KEY_END

    kinds = _kinds(text)
    for kind in kinds:
        if kind == IDENTITY_CODE:
            if _is_visible_code_part(text):
                # The current code's visible part (earlier codes' are not shown anywhere).
                prefix("code_part", text.upper())
            elif (code := whole_identity_code(text)) is not None:
                shape += ["code", "earlier_code"]
                values["code"] = code
        elif kind == "reference":
            prefix("reference", text.upper())
        elif kind == "police_report":
            prefix("police_report", text.upper())
        elif kind == "email":
            prefix("email", text.lower())
        elif kind == PHONE:
            phone = whole_phone(text)
            if phone is not None:
                # SMS and phone extortion senders are stored in the same E.164 form.
                shape += ["phone", "phone_sender"]
                values["phone"] = phone
        elif kind == "wallet":
            prefix("wallet", text.lower() if text.lower().startswith(("bc1", "tb1")) else text)
        elif kind == "sender":
            prefix("sender", text)
        elif kind == "name":
            key = search_key(text)
            if len(key) < MIN_NAME_PREFIX:
                continue
            # No branch of its own for the last name: the full name key is the last
            # name's key, a space and the first names' (``full_name_key``), so every
            # last name starting with ``key`` is a full name starting with it.
            prefix("first_names", key)
            prefix("full_name", key)
            tokens = key.split(" ")
            if len(tokens) > 1:
                # "maija virt" → first names start with "maija", last name with "virt".
                prefix("first_and_last", " ".join(tokens[:-1]))
                values["last_token_lo"] = tokens[-1]
                values["last_token_hi"] = tokens[-1] + KEY_END
    return SearchPlan(tuple(shape), values, kinds)


def _range(column: Any, name: str) -> Any:
    return (column >= bindparam(f"{name}_lo")) & (column < bindparam(f"{name}_hi"))


def _of_victim(condition: Any) -> Select[Any]:
    return select(_case.c.id).join(_victim, _case.c.victim_id == _victim.c.id).where(condition)


#: Listed branches that are conditions on the victim's own row (names, the visible part
#: of the identity code): :func:`victim_row_condition`.
_OF_VICTIM_ROW = ("code_part", "first_names", "full_name", "first_and_last")


def _victim_row(name: str) -> ColumnElement[bool]:
    if name == "code_part":
        return _range(_victim.c.identity_code, name)
    if name == "first_names":
        return _range(_victim.c.search_first_names, name)
    if name == "full_name":
        return _range(_victim.c.search_full_name, name)
    if name == "first_and_last":
        return (_range(_victim.c.search_first_names, name)
                & _range(_victim.c.search_last_name, "last_token"))
    raise ValueError(f"not a condition on the victim's row: {name!r}")


def of_victim_row(shape: tuple[str, ...]) -> bool:
    """Whether every branch of ``shape`` is a condition on the victim's row (a name, the
    visible part of a code; none is limited to a scope)."""
    return bool(shape) and all(name in _OF_VICTIM_ROW for name in shape)


def victim_row_condition(shape: tuple[str, ...]) -> ColumnElement[bool]:
    """A search of ``shape`` (:func:`of_victim_row`) as one condition on the victim's
    row, its branches OR-ed.

    For a database server's planner, which weighs an index walk against collecting the
    matches by their statistics when the condition is in the statement itself; a list of
    case ids in a subquery hides that choice (``models/services/case_list.py``).
    """
    return or_(*(_victim_row(name) for name in shape))


def victims_matching(shape: tuple[str, ...]) -> Select[Any] | CompoundSelect[Any]:
    """A select of the ids of the victims a search of ``shape`` (:func:`of_victim_row`)
    finds, one branch at a time so each reads its own index (an id may come more than
    once)."""
    branches = [select(_victim.c.id).where(_victim_row(name)) for name in shape]
    return branches[0] if len(branches) == 1 else union_all(*branches)


def _branch(name: str) -> Select[Any]:
    """The select of case ids of one branch, its values bound parameters."""
    if name in _OF_VICTIM_ROW:
        return _of_victim(_victim_row(name))
    if name == "code":
        return _of_victim(_victim.c.identity_code == bindparam("code"))
    if name == "earlier_code":
        return (select(_case.c.id)
                .join(_code_record, _code_record.c.victim_id == _case.c.victim_id)
                .where(_code_record.c.identity_code == bindparam("code")))
    if name == "reference":
        return select(_case.c.id).where(_range(_case.c.reference, name))
    if name == "police_report":
        return select(_report.c.case_id).where(_range(_report.c.report_number, name))
    if name == "email":
        return _of_victim(_range(_victim.c.email, name))
    if name == "phone":
        return _of_victim(_victim.c.phone == bindparam("phone"))
    if name == "phone_sender":
        return select(_contact.c.case_id).where(_contact.c.sender == bindparam("phone"))
    if name == "wallet":
        return select(_contact.c.case_id).where(_range(_contact.c.wallet_address, name))
    if name == "sender":
        return select(_contact.c.case_id).where(_range(_contact.c.sender, name))
    raise ValueError(f"unknown search branch {name!r}")


def scope_parameters(role: Role, user_id: int, now: dt.datetime) -> dict[str, Any] | None:
    """The values of :data:`PARAMETERISED_SCOPE` for this user (None: every case)."""
    if Role(role) is Role.COUNSELLOR:
        return {"scope_user": user_id, "scope_now": now}
    return None


#: :func:`counsellor_scope` with the user and the time as bound parameters
#: (``scope_user``, ``scope_now``: :func:`scope_parameters`).
PARAMETERISED_SCOPE: ColumnElement[bool] = or_(
    _case.c.assigned_to_id.is_(None),
    _case.c.assigned_to_id == bindparam("scope_user"),
    _case.c.id.in_(select(_grant.c.case_id).where(
        _grant.c.user_id == bindparam("scope_user"),
        _grant.c.expires_at > bindparam("scope_now", type_=AccessGrant.expires_at.type))),
)


def plan_statement(shape: tuple[str, ...], scope: ColumnElement[bool] | None,
                   *, distinct: bool = True) -> Any:
    """A select of the ids of every case a search of ``shape`` finds, its values bound
    parameters (:attr:`SearchPlan.values`); ``scope`` as in :func:`matching_case_ids`.

    ``distinct=False``: an id may come more than once (UNION ALL: no sort of each
    branch), for ``IN (...)`` and ``count(DISTINCT ...)``, which do not care.
    """
    listed = [_branch(name) for name in shape if name in _LISTED]
    unlisted = [_branch(name) for name in shape if name not in _LISTED]
    statements = listed + within_scope(unlisted, scope)
    if not statements:
        # Matches nothing; typed as a case id so PostgreSQL can compare it with one.
        return select(_case.c.id).where(false())
    if len(statements) == 1:
        return statements[0]
    return union(*statements) if distinct else union_all(*statements)


def matching_case_ids(text: str, scope: ColumnElement[bool] | None = None) -> Any:
    """A select of the ids of every case ``text`` finds (usable as a subquery).

    Args:
        scope: a condition on ``Case``: values the list does not show (whole codes and
            phones, e-mails, police report numbers, senders, wallets) match only in cases
            it lets through. None: in every case (roles that may open every case).
    """
    plan = search_plan(text)
    statement = plan_statement(plan.shape, scope)
    return statement.params(plan.values) if plan.values else statement
