"""What every service shares: the database, the signed-in actor, audit and announcements."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.changes import ChangeBus
from models.enums import AuditAction
from models.permissions import Permission, require
from models.store import Actor, Database


class Service:
    """Base of the use-case classes. Each public method is one unit of work."""

    def __init__(self, database: Database, actor: Actor, changes: ChangeBus) -> None:
        self._db = database
        self._actor = actor
        self._changes = changes

    @property
    def actor(self) -> Actor:
        return self._actor

    def _require(self, permission: Permission) -> None:
        require(self._actor.role, permission)

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
