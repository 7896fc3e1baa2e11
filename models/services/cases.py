"""Use cases around a victim and their case: intake, the case view, edits, case lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select, union
from sqlalchemy.orm import Session, aliased, selectinload

from models.domain import validation as v
from models.domain.base import local_today, utcnow
from models.domain.dto import (
    AccessGrantData,
    AttachmentInfo,
    BreachData,
    CaseData,
    CaseDetail,
    CaseDraft,
    CaseFilter,
    CaseRow,
    ExtortionContactData,
    FollowUpData,
    IdentityCodeEntry,
    PoliceReportData,
    ProtectiveActionData,
    SupportSessionData,
    VictimData,
    VictimDraft,
    build,
)
from models.domain.entities import (
    AccessGrant,
    Breach,
    Case,
    IdentityCodeRecord,
    User,
    Victim,
    victim_breach,
)
from models.domain.enums import AuditAction, CaseStatus, ClosureReason, Role
from models.domain.errors import ConflictError, NotFound, ValidationError
from models.domain.text import KEY_END, full_name_key
from models.domain.validation import IdentityCode
from models.security.permissions import Operation, allows
from models.services import normalise
from models.services._base import Service
from models.services.audit_log import reassignment_detail
from models.services.search import matching_case_ids

REFERENCE_PREFIX = "SUO"
MIN_BREAK_GLASS_REASON = 10
BREAK_GLASS_DURATION = dt.timedelta(hours=8)
ALL_CASES = CaseFilter()

#: Sort keys a case list can ask for, and the column each sorts on.
SORT_COLUMNS = ("reference", "victim", "identity_code", "status", "risk", "counsellor", "opened")

_RISK_ORDER = case(
    {"acute": 0, "high": 1, "medium": 2, "low": 3}, value=Case.risk_level, else_=4
)
_STATUS_ORDER = case(
    {"new": 0, "open": 1, "waiting": 2, "closed": 3}, value=Case.status, else_=4
)

_STALE = (
    "Someone else changed this record after you opened it; reload it to see their changes."
)


def check_version(entity: Any, expected: int) -> None:
    """Refuse an edit made on an out-of-date copy (optimistic locking)."""
    if entity.version != expected:
        raise ConflictError(_STALE)


def victim_data(victim: Victim, history: Sequence[IdentityCodeRecord] = ()) -> VictimData:
    code = IdentityCode.from_stored(victim.identity_code) if victim.identity_code else None
    return VictimData(
        id=victim.id,
        version=victim.version,
        first_names=victim.first_names,
        last_name=victim.last_name,
        identity_code_masked=code.masked if code else None,
        identity_code_temporary=code is not None and code.is_temporary,
        birth_date=victim.birth_date,
        phone=victim.phone,
        email=victim.email,
        street_address=victim.street_address,
        postal_code=victim.postal_code,
        city=victim.city,
        country=victim.country,
        language=victim.language,
        may_leave_voicemail=victim.may_leave_voicemail,
        may_send_sms=victim.may_send_sms,
        may_email=victim.may_email,
        may_send_post=victim.may_send_post,
        safe_contact_note=victim.safe_contact_note,
        consent_given=victim.consent_given,
        consent_date=victim.consent_date,
        identity_code_history=tuple(
            IdentityCodeEntry(
                masked=IdentityCode.from_stored(r.identity_code).masked,
                valid_from=r.valid_from,
                valid_to=r.valid_to,
                note=r.note,
            )
            for r in history
        ),
        breaches=tuple(b.name for b in victim.breaches),
    )


def case_data(case_row: Case) -> CaseData:
    return CaseData(
        id=case_row.id,
        version=case_row.version,
        reference=case_row.reference,
        status=case_row.status,
        closure_reason=case_row.closure_reason,
        risk_level=case_row.risk_level,
        risk_reason=case_row.risk_reason,
        assigned_to_id=case_row.assigned_to_id,
        assigned_to_name=case_row.assigned_to.display_name if case_row.assigned_to else None,
        opened_on=case_row.opened_on,
        closed_on=case_row.closed_on,
        closure_requested_at=case_row.closure_requested_at,
        requested_closure_reason=case_row.requested_closure_reason,
    )


def next_reference(db_session: Session, year: int) -> str:
    """The next free ``SUO-YYYY-NNNNN`` for ``year``."""
    prefix = f"{REFERENCE_PREFIX}-{year}-"
    last = db_session.scalar(
        select(func.max(Case.reference)).where(
            Case.reference >= prefix, Case.reference < prefix + KEY_END
        )
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:05d}"


class CaseService(Service):
    """Intake, the case view and the case list."""

    # -- intake and edits -------------------------------------------------------------

    def create_intake(self, victim: VictimDraft, case_draft: CaseDraft) -> CaseData:
        """Record a new victim and open their case in one unit of work.

        Raises:
            ValidationError: a field breaks a rule (nothing is saved).
        """
        self._require(Operation.CREATE_INTAKE)
        victim_values = normalise.victim_columns(victim)
        case_values = normalise.case_columns(case_draft)
        if self._actor.role is Role.COUNSELLOR:
            # The counsellor who takes the call owns the case; others assign it later.
            if case_values["assigned_to_id"] not in (None, self._actor.user_id):
                self._require(Operation.REASSIGN_CASE)
            case_values["assigned_to_id"] = self._actor.user_id
        elif case_values["assigned_to_id"] is not None:
            self._require(Operation.REASSIGN_CASE)
        with self._db.writing() as db_session:
            breaches = self._breaches(db_session, case_draft.breach_ids)
            if case_values["assigned_to_id"] is not None:
                self._active_user(db_session, case_values["assigned_to_id"])
            victim_row = Victim(**victim_values)
            victim_row.breaches = breaches
            if victim_row.identity_code:
                victim_row.identity_codes.append(
                    IdentityCodeRecord(identity_code=victim_row.identity_code, note="intake")
                )
            db_session.add(victim_row)
            db_session.flush()
            case_row = Case(
                victim_id=victim_row.id,
                reference=next_reference(db_session, case_values["opened_on"].year),
                status=CaseStatus.NEW.value,
                **case_values,
            )
            db_session.add(case_row)
            db_session.flush()
            self._audit(db_session, AuditAction.CREATE, "case", case_row.id, case_row.id)
            result = case_data(case_row)
        self._changes.announce("case", [result.id], [result.id])
        return result

    def update_victim(self, victim_id: int, version: int, draft: VictimDraft) -> VictimData:
        """Save edited personal and contact details (identity codes change apart)."""
        values = normalise.victim_columns(draft)
        values.pop("identity_code")
        with self._db.writing() as db_session:
            victim = self._victim(db_session, victim_id)
            self._require_victim(db_session, victim, Operation.EDIT_VICTIM)
            check_version(victim, version)
            if victim.identity_code and values["birth_date"] != victim.birth_date:
                raise ValidationError("Date of birth", "does not match the identity code")
            for name, value in values.items():
                setattr(victim, name, value)
            db_session.flush()
            case_id = victim.case.id if victim.case else None
            self._audit(db_session, AuditAction.UPDATE, "victim", victim.id, case_id)
            result = victim_data(victim)
        self._changes.announce("victim", [victim_id], [case_id] if case_id else [])
        return result

    def change_identity_code(
        self, victim_id: int, new_code: IdentityCode | str, note: str = ""
    ) -> None:
        """Record a new identity code, closing the previous one in the history."""
        parsed = normalise.identity_code(new_code)
        note = v.validate_text(note, field="Note", max_length=200, required=False)
        with self._db.writing() as db_session:
            victim = self._victim(db_session, victim_id)
            self._require_victim(db_session, victim, Operation.EDIT_VICTIM)
            now = utcnow()
            for record in victim.identity_codes:
                if record.valid_to is None:
                    record.valid_to = now
            victim.identity_codes.append(
                IdentityCodeRecord(identity_code=parsed.compact, valid_from=now, note=note)
            )
            victim.identity_code = parsed.compact
            victim.birth_date = parsed.birth_date
            case_id = victim.case.id if victim.case else None
            self._audit(
                db_session, AuditAction.UPDATE, "identity_code", victim.id, case_id
            )
        self._changes.announce("victim", [victim_id], [case_id] if case_id else [])

    def reveal_identity_code(self, case_id: int) -> str | None:
        """The full identity code — a deliberate act, written to the audit log."""
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.REVEAL_IDENTITY_CODE)
            case_row = self._case(db_session, case_id)
            self._audit(db_session, AuditAction.REVEAL, "identity_code", case_row.victim_id,
                        case_id)
            return case_row.victim.identity_code

    def update_case(self, case_id: int, version: int, draft: CaseDraft) -> CaseData:
        """Change risk level, reason, assignment or breaches of a case."""
        values = normalise.case_columns(draft)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.EDIT_CASE)
            case_row = self._case(db_session, case_id)
            check_version(case_row, version)
            if values["assigned_to_id"] != case_row.assigned_to_id:
                self._require(Operation.REASSIGN_CASE)
                if values["assigned_to_id"] is not None:
                    self._active_user(db_session, values["assigned_to_id"])
            for name, value in values.items():
                setattr(case_row, name, value)
            if draft.breach_ids:
                case_row.victim.breaches = self._breaches(db_session, draft.breach_ids)
            db_session.flush()
            self._audit(db_session, AuditAction.UPDATE, "case", case_id, case_id)
            result = case_data(case_row)
        self._changes.announce("case", [case_id], [case_id])
        return result

    def set_status(
        self, case_id: int, version: int, status: CaseStatus,
        closure_reason: ClosureReason | None = None,
    ) -> CaseData:
        """Move a case along new → open → waiting → closed (closing needs a reason).

        Closing directly is a supervisor's decision; counsellors use
        :meth:`request_closure`, which a supervisor approves or returns.
        """
        status = CaseStatus(status)
        if status is CaseStatus.CLOSED:
            if closure_reason is None:
                raise ValidationError("Closure reason", "is needed to close a case")
            self._require(Operation.APPROVE_CLOSURE)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.EDIT_CASE)
            case_row = self._case(db_session, case_id)
            check_version(case_row, version)
            case_row.status = status.value
            if closure_reason is not None and status is CaseStatus.CLOSED:
                case_row.closure_reason = ClosureReason(closure_reason).value
                case_row.closed_on = local_today()
            else:
                case_row.closure_reason = None
                case_row.closed_on = None
            self._clear_closure_request(case_row)
            db_session.flush()
            self._audit(db_session, AuditAction.UPDATE, "case", case_id, case_id,
                        detail=f"status={status.value}")
            result = case_data(case_row)
        self._changes.announce("case", [case_id], [case_id])
        return result

    # -- closure requests ---------------------------------------------------------------

    def request_closure(self, case_id: int, version: int, reason: ClosureReason) -> CaseData:
        """A counsellor asks to close the case; a supervisor approves or returns it."""
        reason = ClosureReason(reason)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.REQUEST_CLOSURE)
            case_row = self._case(db_session, case_id)
            check_version(case_row, version)
            if case_row.status == CaseStatus.CLOSED.value:
                raise ValidationError("Status", "the case is already closed")
            case_row.closure_requested_at = utcnow()
            case_row.closure_requested_by_id = self._actor.user_id
            case_row.requested_closure_reason = reason.value
            db_session.flush()
            self._audit(db_session, AuditAction.UPDATE, "case", case_id, case_id,
                        detail=f"closure requested reason={reason.value}")
            result = case_data(case_row)
        self._changes.announce("case", [case_id], [case_id])
        return result

    def approve_closure(self, case_id: int, version: int) -> CaseData:
        """Close the case with the reason the counsellor gave (supervisors)."""
        self._require(Operation.APPROVE_CLOSURE)
        with self._db.reading() as db_session:
            reason = db_session.scalar(
                select(Case.requested_closure_reason).where(Case.id == case_id))
        if reason is None:
            raise ValidationError("Closure", "nobody has asked to close this case")
        return self.set_status(case_id, version, CaseStatus.CLOSED, ClosureReason(reason))

    def return_closure(self, case_id: int, version: int) -> CaseData:
        """Send a closure request back: the case stays open (supervisors)."""
        self._require(Operation.APPROVE_CLOSURE)
        with self._db.writing() as db_session:
            case_row = self._case(db_session, case_id)
            check_version(case_row, version)
            if case_row.closure_requested_at is None:
                raise ValidationError("Closure", "nobody has asked to close this case")
            self._clear_closure_request(case_row)
            db_session.flush()
            self._audit(db_session, AuditAction.UPDATE, "case", case_id, case_id,
                        detail="closure returned")
            result = case_data(case_row)
        self._changes.announce("case", [case_id], [case_id])
        return result

    @staticmethod
    def _clear_closure_request(case_row: Case) -> None:
        case_row.closure_requested_at = None
        case_row.closure_requested_by_id = None
        case_row.requested_closure_reason = None

    # -- break-the-glass -----------------------------------------------------------------

    def needs_break_glass(self, case_id: int) -> bool:
        """Whether opening this case needs break-the-glass access (to offer the dialog)."""
        with self._db.reading() as db_session:
            return not self._in_scope(db_session, case_id)

    def break_glass(self, case_id: int, reason: str) -> AccessGrantData | None:
        """Open another counsellor's case for a stated reason, for a few hours, audited.

        Returns:
            The grant, or ``None`` when the case was already within the user's scope.

        Raises:
            ValidationError: the reason is missing or too short to mean anything.
        """
        self._require(Operation.BREAK_GLASS)
        reason = v.validate_text(reason, field="Reason", max_length=500)
        if len(reason) < MIN_BREAK_GLASS_REASON:
            raise ValidationError(
                "Reason", f"must say why, in at least {MIN_BREAK_GLASS_REASON} characters"
            )
        with self._db.writing() as db_session:
            case_row = self._case(db_session, case_id)
            if self._in_scope(db_session, case_id):
                return None
            now = utcnow()
            grant = AccessGrant(user_id=self._actor.user_id, case_id=case_id, reason=reason,
                                granted_at=now, expires_at=now + BREAK_GLASS_DURATION)
            db_session.add(grant)
            db_session.flush()
            self._audit(db_session, AuditAction.BREAK_GLASS, "access_grant", grant.id, case_id)
            result = AccessGrantData(
                id=grant.id, case_id=case_id, case_reference=case_row.reference,
                username=self._actor.username, reason=reason, granted_at=grant.granted_at,
                expires_at=grant.expires_at,
            )
        self._changes.announce("access_grant", [result.id], [case_id])
        return result

    def list_access_grants(self, since: dt.datetime | None = None) -> list[AccessGrantData]:
        """Break-the-glass accesses, newest first, for supervisors to review."""
        self._require(Operation.READ_AUDIT)
        statement = (
            select(AccessGrant, Case.reference, User.username)
            .join(Case, AccessGrant.case_id == Case.id)
            .join(User, AccessGrant.user_id == User.id)
            .order_by(AccessGrant.granted_at.desc(), AccessGrant.id.desc())
        )
        if since is not None:
            statement = statement.where(AccessGrant.granted_at >= since)
        with self._db.reading() as db_session:
            return [
                AccessGrantData(
                    id=g.id, case_id=g.case_id, case_reference=ref, username=username,
                    reason=g.reason, granted_at=g.granted_at, expires_at=g.expires_at,
                )
                for g, ref, username in db_session.execute(statement)
            ]

    def _require_victim(self, db_session: Session, victim: Victim, operation: Operation) -> None:
        if victim.case is None:
            self._require(operation)
        else:
            self._require_case(db_session, victim.case.id, operation)

    # -- reading ------------------------------------------------------------------------

    def get_detail(self, case_id: int, *, refresh: bool = False) -> CaseDetail:
        """Everything the case view shows; the access is written to the audit log.

        Args:
            refresh: the view already open shows the case again after a change (which is
                audited itself), so no second ``view`` event is written; access is still
                checked, so an ended break-the-glass grant closes the view.
        """
        unit = self._db.reading() if refresh else self._db.writing()
        with unit as db_session:
            self._require_case(db_session, case_id, Operation.OPEN_CASE)
            case_row = db_session.scalar(
                select(Case)
                .where(Case.id == case_id)
                .options(
                    selectinload(Case.victim).selectinload(Victim.breaches),
                    selectinload(Case.victim).selectinload(Victim.identity_codes),
                    selectinload(Case.assigned_to),
                    selectinload(Case.extortion_contacts),
                    selectinload(Case.police_reports),
                    selectinload(Case.protective_actions),
                    selectinload(Case.follow_ups),
                    selectinload(Case.attachments),
                )
            )
            if case_row is None:
                raise NotFound("That case does not exist.")
            if not refresh:
                self._audit(db_session, AuditAction.VIEW, "case", case_id, case_id)
            role = self._actor.role

            def section(operation: Operation, make: Callable[[], tuple[Any, ...]]
                        ) -> tuple[Any, ...] | None:
                # A section the role may not see is None, never silently empty.
                return make() if allows(role, operation) else None

            titles = self._action_titles(db_session)
            order = {code: index for index, code in enumerate(titles)}
            users = self._user_names(db_session)
            return CaseDetail(
                case=case_data(case_row),
                victim=victim_data(case_row.victim, case_row.victim.identity_codes),
                extortion_contacts=section(Operation.VIEW_EXTORTION, lambda: tuple(
                    build(ExtortionContactData, c) for c in case_row.extortion_contacts
                )),
                police_reports=section(Operation.VIEW_POLICE_REPORTS, lambda: tuple(
                    build(PoliceReportData, r)
                    for r in sorted(case_row.police_reports, key=lambda r: r.filed_on)
                )),
                support_sessions=section(
                    Operation.VIEW_SESSIONS, lambda: self._session_data(db_session, case_id)
                ),
                protective_actions=section(Operation.VIEW_PROTECTIVE_ACTIONS, lambda: tuple(
                    build(ProtectiveActionData, a, title=titles.get(a.type_code, a.type_code))
                    for a in sorted(case_row.protective_actions,
                                    key=lambda a: (order.get(a.type_code, len(order)), a.id))
                )),
                follow_ups=section(Operation.VIEW_FOLLOW_UPS, lambda: tuple(
                    build(FollowUpData, f, assignee_name=users.get(f.assignee_id))
                    for f in case_row.follow_ups
                )),
                attachments=section(Operation.VIEW_ATTACHMENTS, lambda: tuple(
                    build(AttachmentInfo, a)
                    for a in sorted(case_row.attachments, key=lambda a: a.added_at)
                )),
            )

    def _session_data(self, db_session: Session, case_id: int) -> tuple[SupportSessionData, ...]:
        from models.domain.entities import SupportSession

        counsellor = aliased(User)
        rows = db_session.execute(
            select(SupportSession, counsellor.display_name)
            .outerjoin(counsellor, SupportSession.counsellor_id == counsellor.id)
            .where(SupportSession.case_id == case_id)
            .order_by(SupportSession.started_at, SupportSession.id)
        ).all()
        return tuple(build(SupportSessionData, s, counsellor_name=name) for s, name in rows)

    def _action_titles(self, db_session: Session) -> dict[str, str]:
        from models.domain.entities import ProtectiveActionType

        rows = db_session.execute(
            select(ProtectiveActionType.code, ProtectiveActionType.title).order_by(
                ProtectiveActionType.sort_order
            )
        ).all()
        return {code: title for code, title in rows}

    def _user_names(self, db_session: Session) -> dict[int | None, str]:
        return {uid: name for uid, name in db_session.execute(
            select(User.id, User.display_name))}

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

    def list_breaches(self) -> list[BreachData]:
        with self._db.reading() as db_session:
            return [build(BreachData, b) for b in db_session.scalars(
                select(Breach).order_by(Breach.name))]

    def create_breach(self, name: str, description: str = "") -> BreachData:
        self._require(Operation.MANAGE_BREACHES)
        name = v.validate_text(name, field="Breach name", max_length=200)
        with self._db.writing() as db_session:
            if db_session.scalar(select(Breach.id).where(Breach.name == name)):
                raise ValidationError("Breach name", "is already in use")
            breach = Breach(name=name, description=description)
            db_session.add(breach)
            db_session.flush()
            self._audit(db_session, AuditAction.CREATE, "breach", breach.id)
            result = build(BreachData, breach)
        self._changes.announce("breach", [result.id])
        return result

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

    def _case(self, db_session: Session, case_id: int) -> Case:
        case_row = db_session.get(Case, case_id)
        if case_row is None:
            raise NotFound("That case does not exist.")
        return case_row

    def _victim(self, db_session: Session, victim_id: int) -> Victim:
        victim = db_session.get(Victim, victim_id)
        if victim is None:
            raise NotFound("That victim record does not exist.")
        return victim

    def _active_user(self, db_session: Session, user_id: int) -> User:
        user = db_session.get(User, user_id)
        if user is None or not user.is_active:
            raise ValidationError("Counsellor", "must be an active account")
        return user

    def _breaches(self, db_session: Session, breach_ids: Sequence[int]) -> list[Breach]:
        breaches = list(db_session.scalars(select(Breach).where(Breach.id.in_(breach_ids))))
        if len(breaches) != len(set(breach_ids)):
            raise ValidationError("Breach", "refers to a breach that does not exist")
        return breaches

    # -- caseload management (supervisors) ------------------------------------------------

    def reassign_cases(self, case_ids: Sequence[int], user_id: int) -> int:
        """Assign every case in ``case_ids`` to the counsellor ``user_id``, in one unit of work.

        Each case that changes hands gets its own audit event; cases the counsellor already
        holds are left alone.

        Returns:
            How many cases changed hands.

        Raises:
            ValidationError: the target is not an active counsellor, or no case was chosen.
            NotFound: one of the cases does not exist (nothing is changed).
        """
        self._require(Operation.REASSIGN_CASE)
        wanted = list(dict.fromkeys(case_ids))
        if not wanted:
            raise ValidationError("Cases", "choose at least one case to reassign")
        changed: list[tuple[int, int | None]] = []
        with self._db.writing() as db_session:
            target = db_session.get(User, user_id)
            if target is None or not target.is_active:
                raise ValidationError("Counsellor", "must be an active account")
            if target.role != Role.COUNSELLOR.value:
                raise ValidationError("Counsellor", "cases can be assigned only to counsellors")
            rows = {c.id: c for c in db_session.scalars(select(Case).where(Case.id.in_(wanted)))}
            if len(rows) != len(wanted):
                raise NotFound("One of the chosen cases does not exist.")
            for case_id in wanted:
                case_row = rows[case_id]
                if case_row.assigned_to_id == user_id:
                    continue
                changed.append((case_id, case_row.assigned_to_id))
                case_row.assigned_to_id = user_id
            db_session.flush()
            for case_id, previous in changed:
                # Account ids, never names: the log viewer shows whose they are.
                self._audit(db_session, AuditAction.UPDATE, "case", case_id, case_id,
                            detail=reassignment_detail(previous, user_id))
        if changed:
            ids = [case_id for case_id, _ in changed]
            self._changes.announce("case", ids, ids)
        return len(changed)

    def counsellor_loads(self) -> list[CounsellorLoad]:
        """Each active counsellor's open and high-risk open cases (counted in SQL).

        Accounts of other roles or locked accounts appear only while they still hold open
        cases, so a supervisor sees work that must be moved.
        """
        self._require(Operation.REASSIGN_CASE)
        open_count = func.count(Case.id)
        high_count = func.count(case((Case.risk_level.in_(HIGH_RISK_LEVELS), Case.id)))
        statement = (
            select(User.id, User.display_name, User.is_active, User.role, open_count,
                   high_count)
            .outerjoin(Case, (Case.assigned_to_id == User.id)
                       & (Case.status != CaseStatus.CLOSED.value))
            .group_by(User.id, User.display_name, User.is_active, User.role)
            .having(
                ((User.role == Role.COUNSELLOR.value) & User.is_active.is_(True))
                | (open_count > 0)
            )
            .order_by(User.display_name, User.id)
        )
        with self._db.reading() as db_session:
            return [
                CounsellorLoad(user_id=uid, display_name=name, open_cases=int(opened),
                               high_risk_open=int(high), is_active=bool(active), role=role)
                for uid, name, active, role, opened, high in db_session.execute(statement)
            ]

    def closure_requests(self) -> list[ClosureRequestRow]:
        """Pending closure requests, oldest first (supervisors)."""
        self._require(Operation.APPROVE_CLOSURE)
        counsellor = aliased(User)
        requester = aliased(User)
        statement = (
            select(Case.id, Case.version, Case.reference, Case.status, Case.risk_level,
                   counsellor.display_name, requester.display_name,
                   Case.closure_requested_at, Case.requested_closure_reason)
            .outerjoin(counsellor, Case.assigned_to_id == counsellor.id)
            .outerjoin(requester, Case.closure_requested_by_id == requester.id)
            .where(Case.closure_requested_at.is_not(None))
            .order_by(Case.closure_requested_at, Case.id)
        )
        requests: list[ClosureRequestRow] = []
        with self._db.reading() as db_session:
            for cid, version, ref, status, risk, owner, by, at, reason in db_session.execute(
                statement
            ):
                assert at is not None  # the query selects only requested cases
                requests.append(ClosureRequestRow(
                    case_id=cid, version=version, reference=ref, status=status,
                    risk_level=risk, counsellor=owner, requested_by=by,
                    requested_at=at, reason=reason or "",
                ))
        return requests


# -- caseload management: the plain rows it returns ------------------------------------

#: Risk levels that count as "high risk" in a counsellor's load.
HIGH_RISK_LEVELS = ("acute", "high")


@dataclass(frozen=True, kw_only=True)
class CounsellorLoad:
    """How many open cases one account holds (closed cases do not count)."""

    user_id: int
    display_name: str
    open_cases: int
    high_risk_open: int
    is_active: bool = True
    role: str = Role.COUNSELLOR.value


@dataclass(frozen=True, kw_only=True)
class ClosureRequestRow:
    """A counsellor's pending request to close a case, as a supervisor reviews it."""

    case_id: int
    version: int
    reference: str
    status: str
    risk_level: str
    counsellor: str | None
    requested_by: str | None
    requested_at: dt.datetime
    reason: str
