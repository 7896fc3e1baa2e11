"""What every service shares: the database, the signed-in actor, access checks, audit and
announcements."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.domain.base import utcnow
from models.domain.changes import ChangeBus
from models.domain.entities import AccessGrant, Case
from models.domain.enums import AuditAction, Role
from models.domain.errors import NotFound, PermissionDenied
from models.domain.i18n import gettext as _
from models.security.permissions import CaseScope, Operation, in_scope, require, require_case
from models.storage.unit_of_work import Actor, Database


class Service:
    """Base of the use-case classes. Each public method is one unit of work."""

    def __init__(self, database: Database, actor: Actor, changes: ChangeBus) -> None:
        self._db = database
        self._actor = actor
        self._changes = changes

    @property
    def actor(self) -> Actor:
        return self._actor

    def _require(self, operation: Operation) -> None:
        require(self._actor.role, operation)

    def _scope(self, db_session: Session, case_id: int) -> CaseScope:
        """The access scope of a case for the signed-in user.

        Raises:
            NotFound: there is no such case.
        """
        assigned = db_session.execute(
            select(Case.assigned_to_id).where(Case.id == case_id)
        ).first()
        if assigned is None:
            raise NotFound(_("That case does not exist."))
        until = None
        if self._actor.role is Role.COUNSELLOR and assigned[0] not in (None, self._actor.user_id):
            until = db_session.scalar(
                select(func.max(AccessGrant.expires_at)).where(
                    AccessGrant.user_id == self._actor.user_id,
                    AccessGrant.case_id == case_id,
                    AccessGrant.expires_at > utcnow(),
                )
            )
        return CaseScope(assigned[0], until)

    def _case(self, db_session: Session, case_id: int) -> Case:
        """The case row.

        Raises:
            NotFound: there is no such case.
        """
        case_row = db_session.get(Case, case_id)
        if case_row is None:
            raise NotFound(_("That case does not exist."))
        return case_row

    def _require_case(self, db_session: Session, case_id: int, operation: Operation) -> None:
        """Check ``operation`` on this case (role and, for counsellors, case scope)."""
        require_case(self._actor.role, self._actor.user_id, operation,
                     self._scope(db_session, case_id))

    def _may(self, db_session: Session, case_id: int, operation: Operation) -> bool:
        try:
            self._require_case(db_session, case_id, operation)
        except PermissionDenied:
            return False
        return True

    def _in_scope(self, db_session: Session, case_id: int) -> bool:
        return in_scope(self._actor.role, self._actor.user_id, self._scope(db_session, case_id))

    def _audit(
        self,
        db_session: Session,
        action: AuditAction,
        entity: str,
        entity_id: int | None = None,
        case_id: int | None = None,
        detail: str = "",
    ) -> None:
        self._db.audit.record(
            db_session,
            user_id=self._actor.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            detail=detail,
        )
