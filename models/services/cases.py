"""Use cases around one victim and their case: intake, edits, status and closure requests,
opening the case view, and the list of breaches cases are tagged with.

Case lists are :mod:`models.services.case_list`'s, a supervisor's caseload work
:mod:`models.services.caseload`'s and break-the-glass access
:mod:`models.services.break_glass`'s.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.domain import validation as v
from models.domain.base import local_today, utcnow
from models.domain.changes import ChangeKind
from models.domain.dto import (
    IDENTITY_CODE_FIELD,
    BreachData,
    CaseData,
    CaseDetail,
    CaseDraft,
    CorrectionHistory,
    VictimData,
    VictimDraft,
    build,
)
from models.domain.entities import Breach, Case, IdentityCodeRecord, User, Victim
from models.domain.enums import AuditAction, CaseStatus, ClosureReason, Role
from models.domain.errors import ConflictError, NotFound, ValidationError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.domain.text import KEY_END
from models.domain.validation import IdentityCode
from models.security.permissions import Operation, require_case
from models.services import corrections, normalise
from models.services._base import Service
from models.services.case_detail import case_data, load_detail, victim_data

REFERENCE_PREFIX = "SUO"
_STALE = N_(
    "Someone else changed this record after you opened it; reload it to see their changes."
)


def _corrected_detail(fields: Sequence[str]) -> str:
    """The audit detail of an edit: which fields changed (codes, never values)."""
    return "corrected=" + ",".join(fields) if fields else ""


def check_version(entity: Any, expected: int) -> None:
    """Refuse an edit made on an out-of-date copy (optimistic locking)."""
    if entity.version != expected:
        raise ConflictError(_(_STALE))


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
        self._changes.announce(ChangeKind.CASE, [result.id], [result.id])
        return result

    def update_victim(self, victim_id: int, version: int, draft: VictimDraft) -> VictimData:
        """Save edited personal and contact details (identity codes change apart)."""
        with self._db.writing() as db_session:
            victim = self._victim(db_session, victim_id)
            self._require_victim(db_session, victim, Operation.EDIT_VICTIM)
            check_version(victim, version)
            values = normalise.victim_columns(draft, stored_phone=victim.phone)
            values.pop("identity_code")
            if victim.identity_code and values["birth_date"] != victim.birth_date:
                raise ValidationError(_("Date of birth"), _("does not match the identity code"))
            before = corrections.snapshot(victim)
            for name, value in values.items():
                setattr(victim, name, value)
            # The rectification history: a row per changed field, in this unit of work.
            changed = corrections.record_corrections(
                db_session, victim, before, self._actor.user_id, utcnow())
            db_session.flush()
            case_id = victim.case.id if victim.case else None
            self._audit(db_session, AuditAction.UPDATE, "victim", victim.id, case_id,
                        detail=_corrected_detail(changed))
            result = victim_data(victim)
        self._changes.announce(ChangeKind.VICTIM, [victim_id], [case_id] if case_id else [])
        return result

    def change_identity_code(
        self, victim_id: int, new_code: IdentityCode | str, note: str = ""
    ) -> None:
        """Record a new identity code, closing the previous one in the history.

        The new record names who recorded it, and a date of birth the code changes is a
        correction of its own (:mod:`models.services.corrections`), in this unit of work.

        Raises:
            ValidationError: the code is not valid, or it is the victim's code already
                (nothing is recorded).
        """
        parsed = normalise.identity_code(new_code)
        note = v.validate_text(note, field=_("Note"), max_length=200, required=False)
        with self._db.writing() as db_session:
            victim = self._victim(db_session, victim_id)
            self._require_victim(db_session, victim, Operation.EDIT_VICTIM)
            if victim.identity_code == parsed.compact:
                raise ValidationError(_("New identity code"),
                                      _("is the victim's current code already"))
            now = utcnow()
            for record in victim.identity_codes:
                if record.valid_to is None:
                    record.valid_to = now
            victim.identity_codes.append(
                IdentityCodeRecord(identity_code=parsed.compact, valid_from=now, note=note,
                                   changed_by_id=self._actor.user_id)
            )
            before = corrections.snapshot(victim)
            victim.identity_code = parsed.compact
            victim.birth_date = parsed.birth_date
            changed = corrections.record_corrections(
                db_session, victim, before, self._actor.user_id, now)
            case_id = victim.case.id if victim.case else None
            self._audit(
                db_session, AuditAction.UPDATE, "identity_code", victim.id, case_id,
                detail=_corrected_detail(changed),
            )
        self._changes.announce(ChangeKind.VICTIM, [victim_id], [case_id] if case_id else [])

    def reveal_identity_code(self, case_id: int) -> str | None:
        """The full identity code — a deliberate act, written to the audit log."""
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.REVEAL_IDENTITY_CODE)
            case_row = self._case(db_session, case_id)
            self._audit(db_session, AuditAction.REVEAL, "identity_code", case_row.victim_id,
                        case_id)
            return case_row.victim.identity_code

    def correction_history(self, case_id: int, *, reveal_identity_codes: bool = False
                           ) -> CorrectionHistory:
        """Every correction of the case's victim's details, newest first (GDPR art. 16).

        Supervisors only; the read is written to the audit log (``view`` of
        ``victim_correction``, with the number of rows). Identity codes come masked
        unless ``reveal_identity_codes``, which is audited as the case header's reveal is.

        Raises:
            PermissionDenied: not a supervisor.
            NotFound: no such case.
        """
        self._require(Operation.VIEW_CORRECTIONS)
        if reveal_identity_codes:
            self._require(Operation.REVEAL_IDENTITY_CODE)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.VIEW_CORRECTIONS)
            case_row = self._case(db_session, case_id)
            entries = corrections.correction_entries(
                db_session, case_row.victim_id, reveal=reveal_identity_codes)
            self._audit(db_session, AuditAction.VIEW, "victim_correction", case_row.victim_id,
                        case_id, detail=f"rows={len(entries)}")
            revealed = reveal_identity_codes and any(
                entry.field == IDENTITY_CODE_FIELD for entry in entries)
            if revealed:
                self._audit(db_session, AuditAction.REVEAL, "identity_code",
                            case_row.victim_id, case_id, detail="correction_history")
            return CorrectionHistory(case_id=case_id, reference=case_row.reference,
                                     entries=entries, identity_codes_revealed=revealed)

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
        self._changes.announce(ChangeKind.CASE, [case_id], [case_id])
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
                raise ValidationError(_("Closure reason"), _("is needed to close a case"))
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
        self._changes.announce(ChangeKind.CASE, [case_id], [case_id])
        return result

    # -- closure requests (a supervisor's caseload view lists them) --------------------

    def request_closure(self, case_id: int, version: int, reason: ClosureReason) -> CaseData:
        """A counsellor asks to close the case; a supervisor approves or returns it."""
        reason = ClosureReason(reason)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.REQUEST_CLOSURE)
            case_row = self._case(db_session, case_id)
            check_version(case_row, version)
            if case_row.status == CaseStatus.CLOSED.value:
                raise ValidationError(_("Status"), _("the case is already closed"))
            case_row.closure_requested_at = utcnow()
            case_row.closure_requested_by_id = self._actor.user_id
            case_row.requested_closure_reason = reason.value
            db_session.flush()
            self._audit(db_session, AuditAction.UPDATE, "case", case_id, case_id,
                        detail=f"closure requested reason={reason.value}")
            result = case_data(case_row)
        self._changes.announce(ChangeKind.CASE, [case_id], [case_id])
        return result

    def approve_closure(self, case_id: int, version: int) -> CaseData:
        """Close the case with the reason the counsellor gave (supervisors)."""
        self._require(Operation.APPROVE_CLOSURE)
        with self._db.reading() as db_session:
            reason = db_session.scalar(
                select(Case.requested_closure_reason).where(Case.id == case_id))
        if reason is None:
            raise ValidationError(_("Closure"), _("nobody has asked to close this case"))
        return self.set_status(case_id, version, CaseStatus.CLOSED, ClosureReason(reason))

    def return_closure(self, case_id: int, version: int) -> CaseData:
        """Send a closure request back: the case stays open (supervisors)."""
        self._require(Operation.APPROVE_CLOSURE)
        with self._db.writing() as db_session:
            case_row = self._case(db_session, case_id)
            check_version(case_row, version)
            if case_row.closure_requested_at is None:
                raise ValidationError(_("Closure"), _("nobody has asked to close this case"))
            self._clear_closure_request(case_row)
            db_session.flush()
            self._audit(db_session, AuditAction.UPDATE, "case", case_id, case_id,
                        detail="closure returned")
            result = case_data(case_row)
        self._changes.announce(ChangeKind.CASE, [case_id], [case_id])
        return result

    @staticmethod
    def _clear_closure_request(case_row: Case) -> None:
        case_row.closure_requested_at = None
        case_row.closure_requested_by_id = None
        case_row.requested_closure_reason = None

    # -- the case view ------------------------------------------------------------------

    def get_detail(self, case_id: int, *, refresh: bool = False) -> CaseDetail:
        """Everything the case view shows; the access is written to the audit log.

        Args:
            refresh: the view already open shows the case again after a change (which is
                audited itself), so no second ``view`` event is written; access is still
                checked, so an ended break-the-glass grant closes the view.
        """
        unit = self._db.reading() if refresh else self._db.writing()
        with unit as db_session:
            scope = self._scope(db_session, case_id)
            require_case(self._actor.role, self._actor.user_id, Operation.OPEN_CASE, scope)
            # Read (and opened) before the event is written; the event commits with the
            # unit of work, before anything is returned.
            detail = load_detail(db_session, case_id, self._actor.role)
            if not refresh:
                self._audit(db_session, AuditAction.VIEW, "case", case_id, case_id)
            return dataclasses.replace(detail, access_until=scope.grant_until)

    # -- breaches -----------------------------------------------------------------------

    def list_breaches(self) -> list[BreachData]:
        with self._db.reading() as db_session:
            return [build(BreachData, b) for b in db_session.scalars(
                select(Breach).order_by(Breach.name))]

    def create_breach(self, name: str, description: str = "") -> BreachData:
        self._require(Operation.MANAGE_BREACHES)
        name = v.validate_text(name, field=_("Breach name"), max_length=200)
        with self._db.writing() as db_session:
            if db_session.scalar(select(Breach.id).where(Breach.name == name)):
                raise ValidationError(_("Breach name"), _("is already in use"))
            breach = Breach(name=name, description=description)
            db_session.add(breach)
            db_session.flush()
            self._audit(db_session, AuditAction.CREATE, "breach", breach.id)
            result = build(BreachData, breach)
        self._changes.announce(ChangeKind.BREACH, [result.id])
        return result

    # -- helpers ------------------------------------------------------------------------

    def _require_victim(self, db_session: Session, victim: Victim, operation: Operation) -> None:
        if victim.case is None:
            self._require(operation)
        else:
            self._require_case(db_session, victim.case.id, operation)

    def _victim(self, db_session: Session, victim_id: int) -> Victim:
        victim = db_session.get(Victim, victim_id)
        if victim is None:
            raise NotFound(_("That victim record does not exist."))
        return victim

    def _active_user(self, db_session: Session, user_id: int) -> User:
        user = db_session.get(User, user_id)
        if user is None or not user.is_active:
            raise ValidationError(_("Counsellor"), _("must be an active account"))
        return user

    def _breaches(self, db_session: Session, breach_ids: Sequence[int]) -> list[Breach]:
        breaches = list(db_session.scalars(select(Breach).where(Breach.id.in_(breach_ids))))
        if len(breaches) != len(set(breach_ids)):
            raise ValidationError(_("Breach"), _("refers to a breach that does not exist"))
        return breaches
