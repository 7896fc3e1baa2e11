"""Caseload work for supervisors: who holds how many open cases, moving cases between
counsellors, and the closure requests waiting for a decision.

The loads are counted in :mod:`models.services.figures`, like the dashboard's and the
caseload report's. Approving or returning one request is a change to that case's status
(:meth:`~models.services.cases.CaseService.approve_closure`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import aliased

from models.domain.changes import ChangeKind
from models.domain.dto import ClosureRequestRow, CounsellorLoad
from models.domain.entities import Case, User
from models.domain.enums import AuditAction, Role
from models.domain.errors import NotFound, ValidationError
from models.domain.i18n import gettext as _
from models.security.permissions import Operation
from models.services import figures
from models.services._base import Service
from models.services.audit_log import reassignment_detail


class CaseloadService(Service):
    """Counsellors' loads, reassignment and pending closure requests (supervisors)."""

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
            raise ValidationError(_("Cases"), _("choose at least one case to reassign"))
        changed: list[tuple[int, int | None]] = []
        with self._db.writing() as db_session:
            target = db_session.get(User, user_id)
            if target is None or not target.is_active:
                raise ValidationError(_("Counsellor"), _("must be an active account"))
            if target.role != Role.COUNSELLOR.value:
                raise ValidationError(
                    _("Counsellor"), _("cases can be assigned only to counsellors"))
            rows = {c.id: c for c in db_session.scalars(select(Case).where(Case.id.in_(wanted)))}
            if len(rows) != len(wanted):
                raise NotFound(_("One of the chosen cases does not exist."))
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
            ids = [case_id for case_id, _previous in changed]
            self._changes.announce(ChangeKind.CASE, ids, ids)
        return len(changed)

    def counsellor_loads(self) -> list[CounsellorLoad]:
        """Each active counsellor's open and high-risk open cases (counted in SQL).

        Accounts of other roles or locked accounts appear only while they still hold open
        cases, so a supervisor sees work that must be moved.
        """
        self._require(Operation.REASSIGN_CASE)
        with self._db.reading() as db_session:
            return figures.counsellor_loads(db_session)

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

