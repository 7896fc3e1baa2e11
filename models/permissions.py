"""What each role may do — the one place the role matrix is written down.

Services call :func:`require` before they touch data; the GUI only mirrors these answers
(to hide a button), it never decides. The access-control work refines counsellors' access
to other counsellors' cases (break-the-glass); until then every case role reads all cases.
"""

from __future__ import annotations

from enum import StrEnum

from models.enums import Role
from models.errors import PermissionDenied


class Permission(StrEnum):
    READ_CASES = "read_cases"
    EDIT_CASES = "edit_cases"
    READ_SESSION_NOTES = "read_session_notes"
    EDIT_SESSIONS = "edit_sessions"
    REVEAL_IDENTITY_CODE = "reveal_identity_code"
    EXPORT_POLICE = "export_police"
    EXPORT_CARE = "export_care"
    REASSIGN_CASES = "reassign_cases"
    READ_AUDIT = "read_audit"
    MANAGE_ACCOUNTS = "manage_accounts"
    MAINTAIN_DATABASE = "maintain_database"  # backup, verify, seed demo data


_CASE_WORK = {
    Permission.READ_CASES,
    Permission.EDIT_CASES,
    Permission.REVEAL_IDENTITY_CODE,
}

MATRIX: dict[Role, frozenset[Permission]] = {
    Role.COUNSELLOR: frozenset(
        _CASE_WORK
        | {Permission.READ_SESSION_NOTES, Permission.EDIT_SESSIONS, Permission.EXPORT_CARE}
    ),
    Role.POLICE_LIAISON: frozenset(_CASE_WORK | {Permission.EXPORT_POLICE}),
    Role.SUPERVISOR: frozenset(Permission),
    Role.ADMINISTRATOR: frozenset({Permission.MANAGE_ACCOUNTS, Permission.MAINTAIN_DATABASE}),
}

_REFUSALS: dict[Permission, str] = {
    Permission.READ_CASES: "Your role does not give access to case records.",
    Permission.EDIT_CASES: "Your role does not allow changing case records.",
    Permission.READ_SESSION_NOTES: "Your role does not give access to support-session notes.",
    Permission.EDIT_SESSIONS: "Your role does not allow recording support sessions.",
    Permission.REVEAL_IDENTITY_CODE: "Your role does not allow revealing identity codes.",
    Permission.EXPORT_POLICE: "Your role does not allow police exports.",
    Permission.EXPORT_CARE: "Your role does not allow care-handover exports.",
    Permission.REASSIGN_CASES: "Only a supervisor can reassign cases.",
    Permission.READ_AUDIT: "Only a supervisor can read the audit log.",
    Permission.MANAGE_ACCOUNTS: "Your role does not allow managing accounts.",
    Permission.MAINTAIN_DATABASE: "Your role does not allow database maintenance.",
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in MATRIX[role]


def require(role: Role, permission: Permission) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` has ``permission``."""
    if not allows(role, permission):
        raise PermissionDenied(_REFUSALS[permission])
