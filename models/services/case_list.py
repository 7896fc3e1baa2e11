"""Case lists: the ids a filter lets through in display order, their rows a page at a
time, and the intake's duplicate check.

Big lists hold ids only (``gui/shared/case_table.py``) and fetch rows as they are shown.
Searches compare normalised keys (:func:`models.services.search.matching_case_ids`).
Listing is not audited; opening a case is (:meth:`CaseService.get_detail`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, case, func, select, union

from models.domain import validation as v
from models.domain.dto import CaseFilter, CaseRow, VictimDraft
from models.domain.entities import Case, IdentityCodeRecord, User, Victim, victim_breach
from models.domain.text import full_name_key
from models.domain.validation import IdentityCode
from models.security.permissions import Operation
from models.services import normalise
from models.services._base import Service
from models.services.search import matching_case_ids

ALL_CASES = CaseFilter()

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
        with self._db.reading() as db_session:
            return list(db_session.scalars(statement))

    def count_cases(self, case_filter: CaseFilter = ALL_CASES) -> int:
        self._require(Operation.LIST_CASES)
        statement = self._filtered(select(func.count(Case.id)), case_filter)
        with self._db.reading() as db_session:
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
        indexed column. Listing is not audited, like the case list itself.

        Raises:
            ValidationError: the identity code or phone number in ``draft`` is malformed.
        """
        self._require(Operation.LIST_CASES)
        parsed = normalise.optional_identity_code(draft.identity_code)
        birth_date = draft.birth_date
        statements: list[Select[Any]] = []
        by_victim = select(Case.id).join(Victim, Case.victim_id == Victim.id)
        if parsed is not None:
            birth_date = birth_date or parsed.birth_date
            statements.append(by_victim.where(Victim.identity_code == parsed.compact))
            statements.append(
                select(Case.id)
                .join(IdentityCodeRecord, IdentityCodeRecord.victim_id == Case.victim_id)
                .where(IdentityCodeRecord.identity_code == parsed.compact)
            )
        if birth_date is not None and draft.first_names.strip() and draft.last_name.strip():
            statements.append(by_victim.where(
                Victim.birth_date == birth_date,
                Victim.search_full_name == full_name_key(draft.first_names, draft.last_name),
            ))
        phone = (draft.phone or "").strip()
        if phone:
            statements.append(by_victim.where(Victim.phone == v.validate_phone(phone)))
        if not statements:
            return []
        with self._db.reading() as db_session:
            query = statements[0] if len(statements) == 1 else union(*statements)
            found = set(db_session.scalars(query))
        return sorted(self.case_rows(sorted(found)), key=lambda row: row.reference)

    def is_demo_database(self) -> bool:
        """Whether the database holds synthetic demo data (shown in the window title)."""
        from models.domain.entities import Meta

        with self._db.reading() as db_session:
            return db_session.get(Meta, "demo_data") is not None
    # -- helpers ------------------------------------------------------------------------

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
            statement = statement.where(Case.id.in_(matching_case_ids(case_filter.text)))
        if case_filter.case_ids is not None:
            statement = statement.where(Case.id.in_(case_filter.case_ids))
        return statement

    def _sort_column(self, sort: str) -> Any:
        victim_key = (
            select(Victim.search_full_name).where(Victim.id == Case.victim_id).scalar_subquery()
        )
        code_key = select(Victim.identity_code).where(Victim.id == Case.victim_id)
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

