"""What each role may do — the one place the role matrix is written down.

Services call :func:`require` (and, for one case, :func:`require_case`) before they touch
data; the GUI only mirrors these answers (to hide a button), it never decides.

Case scope: a counsellor works on the cases assigned to them and on unassigned new
intakes. Another counsellor's case opens only through *break-the-glass*: the counsellor
states a reason, the access is granted for a few hours, audited and listed for
supervisors. Police liaison and supervisors work across all cases; administrators see no
case content at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from models.domain.enums import Role
from models.domain.errors import PermissionDenied
from models.domain.i18n import N_
from models.domain.i18n import gettext as _


class Operation(StrEnum):
    # Finding cases (names, references, masked codes): everyone with a case role.
    LIST_CASES = "list_cases"
    # Inside one case.
    OPEN_CASE = "open_case"
    CREATE_INTAKE = "create_intake"
    EDIT_VICTIM = "edit_victim"
    REVEAL_IDENTITY_CODE = "reveal_identity_code"
    EDIT_CASE = "edit_case"
    REQUEST_CLOSURE = "request_closure"
    VIEW_EXTORTION = "view_extortion"
    EDIT_EXTORTION = "edit_extortion"
    VIEW_POLICE_REPORTS = "view_police_reports"
    EDIT_POLICE_REPORTS = "edit_police_reports"
    VIEW_PROTECTIVE_ACTIONS = "view_protective_actions"
    EDIT_PROTECTIVE_ACTIONS = "edit_protective_actions"
    VIEW_ATTACHMENTS = "view_attachments"
    EDIT_ATTACHMENTS = "edit_attachments"
    VIEW_FOLLOW_UPS = "view_follow_ups"
    EDIT_FOLLOW_UPS = "edit_follow_ups"
    VIEW_SESSIONS = "view_sessions"
    EDIT_SESSIONS = "edit_sessions"
    BREAK_GLASS = "break_glass"
    EXPORT_POLICE = "export_police"
    EXPORT_CARE = "export_care"
    # A person's own copy of everything recorded about them (GDPR Articles 15 and 20).
    EXPORT_SUBJECT = "export_subject"
    # Supervision.
    REASSIGN_CASE = "reassign_case"
    APPROVE_CLOSURE = "approve_closure"
    READ_AUDIT = "read_audit"
    REPORTS = "reports"
    ERASE_VICTIM = "erase_victim"
    # A victim's corrected details, before and after (GDPR art. 16).
    VIEW_CORRECTIONS = "view_corrections"
    # The retention period after closing (the organisation's data protection officer
    # decides it; an administrator or a supervisor types it in).
    SET_RETENTION = "set_retention"
    MANAGE_BREACHES = "manage_breaches"
    # Administration.
    MANAGE_ACCOUNTS = "manage_accounts"
    # A second person's approval of an administrator's privileged account change.
    APPROVE_ACCOUNT_CHANGES = "approve_account_changes"
    MANAGE_ORGANISATION = "manage_organisation"
    BACKUP = "backup"
    RESTORE = "restore"
    VERIFY = "verify"
    SEED_DEMO = "seed_demo"


#: Kept for readability where "permission" reads better than "operation".
Permission = Operation

_CASE_CONTENT = frozenset({
    Operation.LIST_CASES, Operation.OPEN_CASE, Operation.CREATE_INTAKE, Operation.EDIT_VICTIM,
    Operation.REVEAL_IDENTITY_CODE, Operation.EDIT_CASE, Operation.VIEW_EXTORTION,
    Operation.EDIT_EXTORTION, Operation.VIEW_POLICE_REPORTS, Operation.EDIT_POLICE_REPORTS,
    Operation.VIEW_PROTECTIVE_ACTIONS, Operation.EDIT_PROTECTIVE_ACTIONS,
    Operation.VIEW_ATTACHMENTS, Operation.EDIT_ATTACHMENTS, Operation.VIEW_FOLLOW_UPS,
    Operation.EDIT_FOLLOW_UPS,
})

_SESSIONS = frozenset({Operation.VIEW_SESSIONS, Operation.EDIT_SESSIONS})

MATRIX: dict[Role, frozenset[Operation]] = {
    Role.COUNSELLOR: _CASE_CONTENT | _SESSIONS | {
        Operation.REQUEST_CLOSURE, Operation.BREAK_GLASS, Operation.EXPORT_CARE,
    },
    Role.POLICE_LIAISON: _CASE_CONTENT | {Operation.EXPORT_POLICE},
    Role.SUPERVISOR: frozenset(Operation) - {Operation.BREAK_GLASS},
    Role.ADMINISTRATOR: frozenset({
        Operation.MANAGE_ACCOUNTS, Operation.MANAGE_ORGANISATION, Operation.SET_RETENTION,
        Operation.BACKUP, Operation.RESTORE, Operation.VERIFY,
    }),
}

#: Operations a counsellor may do only on cases in their scope (own, unassigned or a
#: break-the-glass grant). Listing and intake are not scoped: victims must be findable.
CASE_SCOPED = _CASE_CONTENT - {Operation.LIST_CASES, Operation.CREATE_INTAKE} | _SESSIONS | {
    Operation.REQUEST_CLOSURE, Operation.EXPORT_CARE,
}

#: Why each operation is refused (translated where raised).
_REFUSALS: dict[Operation, str] = {
    Operation.VIEW_SESSIONS: N_("Your role does not give access to support-session notes."),
    Operation.EDIT_SESSIONS: N_("Your role does not allow recording support sessions."),
    Operation.REASSIGN_CASE: N_("Only a supervisor can reassign cases."),
    Operation.APPROVE_CLOSURE: N_("Only a supervisor can approve closing a case."),
    Operation.READ_AUDIT: N_("Only a supervisor can read the audit log."),
    Operation.REPORTS: N_("Only a supervisor can produce caseload reports."),
    Operation.ERASE_VICTIM: N_("Only a supervisor can erase a victim's data."),
    Operation.VIEW_CORRECTIONS: N_("Only a supervisor can see the history of corrections."),
    Operation.SET_RETENTION: N_(
        "Only an administrator or a supervisor can set the retention period."),
    Operation.MANAGE_BREACHES: N_("Only a supervisor can manage breaches."),
    Operation.MANAGE_ACCOUNTS: N_("Your role does not allow managing accounts."),
    Operation.APPROVE_ACCOUNT_CHANGES: N_(
        "Only a supervisor can approve or decline account changes."),
    Operation.MANAGE_ORGANISATION: N_(
        "Only an administrator or a supervisor can change the organisation's settings."),
    Operation.BACKUP: N_("Your role does not allow making backups."),
    Operation.RESTORE: N_("Your role does not allow restoring backups."),
    Operation.VERIFY: N_("Your role does not allow verifying the database."),
    Operation.SEED_DEMO: N_("Only a supervisor can seed demo data."),
    Operation.EXPORT_POLICE: N_("Your role does not allow police exports."),
    Operation.EXPORT_CARE: N_("Your role does not allow care-handover exports."),
    Operation.EXPORT_SUBJECT: N_("Only a supervisor can make a copy of a person's data."),
    Operation.BREAK_GLASS: N_("Your role does not use break-the-glass access."),
}
_CASE_REFUSAL = N_("Your role does not give access to case records.")
OUT_OF_SCOPE = N_(
    "This case is assigned to another counsellor. Open it with break-the-glass access "
    "and a reason if the victim needs help now."
)


@dataclass(frozen=True)
class CaseScope:
    """Who a case belongs to, as far as access is concerned."""

    assigned_to_id: int | None
    #: When the user's break-the-glass access to the case ends (if that is their access).
    grant_until: dt.datetime | None = None

    @property
    def has_grant(self) -> bool:
        return self.grant_until is not None


def allows(role: Role, operation: Operation) -> bool:
    return operation in MATRIX[Role(role)]


def require(role: Role, operation: Operation) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` may do ``operation`` at all."""
    if not allows(role, operation):
        raise PermissionDenied(_(_REFUSALS.get(operation, _CASE_REFUSAL)))


def in_scope(role: Role, user_id: int, scope: CaseScope) -> bool:
    """Whether a user of ``role`` may work on a case with this ``scope``."""
    if Role(role) is not Role.COUNSELLOR:
        return True
    return scope.assigned_to_id in (None, user_id) or scope.has_grant


def require_case(role: Role, user_id: int, operation: Operation, scope: CaseScope) -> None:
    """Raise unless ``operation`` is allowed on this particular case."""
    require(role, operation)
    if operation in CASE_SCOPED and not in_scope(role, user_id, scope):
        raise PermissionDenied(_(OUT_OF_SCOPE))
