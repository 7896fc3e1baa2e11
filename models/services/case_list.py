"""Case lists: the ids a filter lets through in display order, their rows a page at a
time, and the intake's duplicate check.

Big lists hold ids only (``gui/shared/case_table.py``) and fetch rows as they are shown.
Searches compare normalised keys (:func:`models.services.search.matching_case_ids`).
Listing is not audited; opening a case is (:meth:`CaseService.get_detail`), and so is a
search by a whole identity code or phone number: one event per search, its detail an HMAC
of the value (:func:`models.services.search.audit_detail`). For a counsellor, codes,
phones and other values the list does not show match only in the cases they may open.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Select, case, func, or_, select, union
from sqlalchemy.orm import Session

from models.domain import validation as v
from models.domain.base import utcnow
from models.domain.dto import CaseFilter, CaseRow, VictimDraft
from models.domain.entities import (
    DEMO_MARKER,
    Case,
    IdentityCodeRecord,
    User,
    Victim,
    victim_breach,
)
from models.domain.enums import AuditAction
from models.domain.text import full_name_key
from models.domain.validation import IdentityCode
from models.security.permissions import Operation
from models.services import normalise
from models.services._base import Service
from models.services.search import (
    IDENTITY_CODE,
    MASK_SHOWS,
    PHONE,
    Searched,
    audit_detail,
    derive_search_key,
    matching_case_ids,
    searched_values,
    value_scope,
    within_scope,
)

ALL_CASES = CaseFilter()

#: The same search again within this many seconds (the list reloading after a change,
#: the count beside it) is not audited again.
AUDIT_REPEAT_S = 600.0

#: Sort keys a case list can ask for, and the column each sorts on.
SORT_COLUMNS = ("reference", "victim", "identity_code", "status", "risk", "counsellor", "opened")

_RISK_ORDER = case(
    {"acute": 0, "high": 1, "medium": 2, "low": 3}, value=Case.risk_level, else_=4
)
_STATUS_ORDER = case(
    {"new": 0, "open": 1, "waiting": 2, "closed": 3}, value=Case.status, else_=4
)


class CaseListService(Service):
    """Which cases a list shows, in which order, and their rows."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._audited: dict[str, float] = {}

    def values_matched_in_scope_only(self) -> bool:
        """Whether identity codes, phone numbers and other values the list does not show
        find only the cases this user may open (a counsellor), so the GUI can say so."""
        return value_scope(self._actor.role, self._actor.user_id, utcnow()) is not None

    def list_case_ids(
        self, case_filter: CaseFilter = ALL_CASES, sort: str = "reference",
        descending: bool = False,
    ) -> list[int]:
        """The ids of every case the filter lets through, in display order."""
        self._require(Operation.LIST_CASES)
        if sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort key {sort!r}")
        statement = self._filtered(select(Case.id), case_filter)
        order = self._sort_column(sort)
        order_clause = order.desc() if descending else order.asc()
        tiebreak = Case.id.desc() if descending else Case.id.asc()
        statement = statement.order_by(order_clause, tiebreak)
        with self._searching(searched_values(case_filter.text), "list") as db_session:
            return list(db_session.scalars(statement))

    def count_cases(self, case_filter: CaseFilter = ALL_CASES) -> int:
        self._require(Operation.LIST_CASES)
        statement = self._filtered(select(func.count(Case.id)), case_filter)
        with self._searching(searched_values(case_filter.text), "list") as db_session:
            return int(db_session.scalar(statement) or 0)

    def case_rows(self, case_ids: Sequence[int]) -> list[CaseRow]:
        """List rows for ``case_ids`` in the order given (missing ids are skipped)."""
        self._require(Operation.LIST_CASES)
        if not case_ids:
            return []
        rows: dict[int, CaseRow] = {}
        with self._db.reading() as db_session:
            for chunk_start in range(0, len(case_ids), 500):
                chunk = list(case_ids[chunk_start : chunk_start + 500])
                result = db_session.execute(
                    select(
                        Case.id, Case.reference, Victim.first_names, Victim.last_name,
                        Victim.identity_code, Case.status, Case.risk_level,
                        User.display_name, Case.opened_on,
                    )
                    .join(Victim, Case.victim_id == Victim.id)
                    .outerjoin(User, Case.assigned_to_id == User.id)
                    .where(Case.id.in_(chunk))
                )
                for cid, ref, first, last, code, status, risk, counsellor, opened in result:
                    rows[cid] = CaseRow(
                        case_id=cid, reference=ref, victim_name=f"{last}, {first}",
                        identity_code_masked=(
                            IdentityCode.from_stored(code).masked if code else None),
                        status=status, risk_level=risk, counsellor=counsellor, opened_on=opened,
                    )
        return [rows[cid] for cid in case_ids if cid in rows]

    def find_duplicates(self, draft: VictimDraft) -> list[CaseRow]:
        """Cases of victims who may be the person in ``draft`` (the intake's duplicate check).

        A victim matches on the same identity code (current or earlier, from the code
        history), on the same name and date of birth (the date taken from the identity
        code when not given), or on the same phone number. Each test is an equality on an
        indexed column. Like the search, a code or phone is audited as an HMAC, and for a
        counsellor it matches only in cases they may open; name and date of birth match
        in any case whose list row shows the birth date (its masked code), so nothing is
        confirmed that the list does not show.

        Raises:
            ValidationError: the identity code or phone number in ``draft`` is malformed.
        """
        self._require(Operation.LIST_CASES)
        parsed = normalise.optional_identity_code(draft.identity_code)
        birth_date = draft.birth_date
        scope = value_scope(self._actor.role, self._actor.user_id, utcnow())
        listed: list[Select[Any]] = []
        unlisted: list[Select[Any]] = []
        searched: list[Searched] = []
        by_victim = select(Case.id).join(Victim, Case.victim_id == Victim.id)
        if parsed is not None:
            birth_date = birth_date or parsed.birth_date
            searched.append(Searched(IDENTITY_CODE, parsed.compact))
            unlisted.append(by_victim.where(Victim.identity_code == parsed.compact))
            unlisted.append(
                select(Case.id)
                .join(IdentityCodeRecord, IdentityCodeRecord.victim_id == Case.victim_id)
                .where(IdentityCodeRecord.identity_code == parsed.compact)
            )
        if birth_date is not None and draft.first_names.strip() and draft.last_name.strip():
            same_person = by_victim.where(
                Victim.birth_date == birth_date,
                Victim.search_full_name == full_name_key(draft.first_names, draft.last_name),
            )
            if scope is None:
                listed.append(same_person)
            else:
                # Without a code the list shows no birth date: match in scope only.
                listed.append(same_person.where(or_(scope, Victim.identity_code.is_not(None))))
        phone = (draft.phone or "").strip()
        if phone:
            number = v.validate_phone(phone)
            searched.append(Searched(PHONE, number))
            unlisted.append(by_victim.where(Victim.phone == number))
        statements = listed + within_scope(unlisted, scope)
        if not statements:
            return []
        with self._searching(searched, "duplicates") as db_session:
            query = statements[0] if len(statements) == 1 else union(*statements)
            found = set(db_session.scalars(query))
        return sorted(self.case_rows(sorted(found)), key=lambda row: row.reference)

    def is_demo_database(self) -> bool:
        """Whether the database holds synthetic demo data (shown in the window title)."""
        from models.domain.entities import Meta

        with self._db.reading() as db_session:
            return db_session.get(Meta, DEMO_MARKER) is not None
    # -- helpers ------------------------------------------------------------------------

    @contextmanager
    def _searching(self, searched: list[Searched], via: str) -> Iterator[Session]:
        """A unit of work for a search: a reading one, or, when the search looks for a
        whole identity code or phone number not audited in the last
        :data:`AUDIT_REPEAT_S` seconds, a writing one that records it (an HMAC of each
        value, never the value)."""
        if not searched:
            with self._db.reading() as db_session:
                yield db_session
            return
        detail = audit_detail(derive_search_key(self._db.chain_secret), via, searched)
        now = time.monotonic()
        self._audited = {d: t for d, t in self._audited.items() if now - t < AUDIT_REPEAT_S}
        if detail in self._audited:
            with self._db.reading() as db_session:
                yield db_session
            return
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.VIEW, "search", detail=detail)
            yield db_session
        self._audited[detail] = now

    def _filtered(self, statement: Select[Any], case_filter: CaseFilter) -> Select[Any]:
        if case_filter.statuses:
            statement = statement.where(Case.status.in_([s.value for s in case_filter.statuses]))
        if case_filter.risk_levels:
            statement = statement.where(
                Case.risk_level.in_([r.value for r in case_filter.risk_levels])
            )
        if case_filter.assigned_to_id is not None:
            statement = statement.where(Case.assigned_to_id == case_filter.assigned_to_id)
        if case_filter.unassigned_only:
            statement = statement.where(Case.assigned_to_id.is_(None))
        if case_filter.breach_id is not None:
            statement = statement.where(
                Case.victim_id.in_(
                    select(victim_breach.c.victim_id).where(
                        victim_breach.c.breach_id == case_filter.breach_id
                    )
                )
            )
        if case_filter.text.strip():
            scope = value_scope(self._actor.role, self._actor.user_id, utcnow())
            statement = statement.where(
                Case.id.in_(matching_case_ids(case_filter.text, scope)))
        if case_filter.case_ids is not None:
            statement = statement.where(Case.id.in_(case_filter.case_ids))
        return statement

    def _sort_column(self, sort: str) -> Any:
        victim_key = (
            select(Victim.search_full_name).where(Victim.id == Case.victim_id).scalar_subquery()
        )
        # What the column shows (the masked code): sorted by the hidden digits, a case
        # whose code one may change, listed beside another, would tell them by comparison.
        code_key = select(func.substr(Victim.identity_code, 1, MASK_SHOWS)).where(
            Victim.id == Case.victim_id)
        counsellor = select(User.display_name).where(User.id == Case.assigned_to_id)
        return {
            "reference": Case.reference,
            "victim": victim_key,
            "identity_code": code_key.scalar_subquery(),
            "status": _STATUS_ORDER,
            "risk": _RISK_ORDER,
            "counsellor": counsellor.scalar_subquery(),
            "opened": Case.opened_on,
        }[sort]

