"""Break the glass: opening another counsellor's case for a stated reason, for a few
hours, audited — and the list of such accesses supervisors review.

Counsellors work on their own cases and unassigned intakes; the grant written here
(``access_grant``) lets one of them into one more case until it expires.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from models.domain import validation as v
from models.domain.base import utcnow
from models.domain.changes import ChangeKind
from models.domain.dto import AccessGrantData
from models.domain.entities import AccessGrant, Case, User
from models.domain.enums import AuditAction
from models.domain.errors import ValidationError
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.security.permissions import Operation
from models.services._base import Service

#: A reason shorter than this says nothing.
MIN_BREAK_GLASS_REASON = 10
#: How long a grant lasts.
BREAK_GLASS_DURATION = dt.timedelta(hours=8)


class BreakGlassService(Service):
    """Access to another counsellor's case, and the record of it."""

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
        reason = v.validate_text(reason, field=_("Reason"), max_length=500)
        if len(reason) < MIN_BREAK_GLASS_REASON:
            raise ValidationError(_("Reason"), ngettext(
                "must say why, in at least {n} character",
                "must say why, in at least {n} characters", MIN_BREAK_GLASS_REASON,
            ).format(n=MIN_BREAK_GLASS_REASON))
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
        self._changes.announce(ChangeKind.ACCESS_GRANT, [result.id], [case_id])
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
