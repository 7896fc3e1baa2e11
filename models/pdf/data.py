"""The plain data the PDF renderers take: what one export may contain, and nothing more.

These objects cross a process boundary in batch exports (they are pickled to the render
workers), so they hold only frozen dataclasses, tuples and standard values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from models.domain.dto import (
    AttachmentInfo,
    CaseData,
    CounsellorLoad,
    ExtortionContactData,
    FollowUpData,
    OrganisationSettings,
    PoliceReportData,
    ProtectiveActionData,
    SupportSessionData,
    VictimData,
)


class Profile(StrEnum):
    """Who a case summary is for; each profile carries a different, minimal set of facts."""

    POLICE = "police"
    CARE = "care"
    #: A letter to the victim, in their own language: what the service has recorded for
    #: them, never session notes, extortion messages or anyone else's data.
    VICTIM = "victim"


@dataclass(frozen=True, kw_only=True)
class ExportStamp:
    """What every page says about the export itself.

    Attributes:
        exported_by: the display name of the user who exported (printed on the pages,
            never put in the PDF metadata).
        exported_at: when, timezone-aware; shown in the workstation's local time.
    """

    exported_by: str
    exported_at: dt.datetime
    #: The organisation's classification line, under the marking on every page.
    classification: str = ""

    def __post_init__(self) -> None:
        if self.exported_at.tzinfo is None:
            raise ValueError("exported_at must be timezone-aware")


@dataclass(frozen=True, kw_only=True)
class Advice:
    """One protective step as a victim letter explains it.

    Attributes:
        code: the checklist code.
        title: the step's name, in the letter's language.
        to_victim: what the victim can do, addressed to them, in the letter's language
            (never the staff's guidance); may be empty.
        state: the step's state in this case, or ``None`` if nothing is recorded yet
            (then it is still advisable).
    """

    code: str
    title: str
    to_victim: str
    state: str | None = None


@dataclass(frozen=True, kw_only=True)
class CaseSummary:
    """One case as a profile lets it out.

    ``ExportService.case_summary`` loads only the sections of the profile. A police
    summary can never hold support sessions (the constructor refuses), so session notes
    cannot reach a police PDF whatever the exporting user's role.

    Attributes:
        identity_code: the code as printed: masked unless ``identity_code_revealed``.
    """

    profile: Profile
    case: CaseData
    victim: VictimData
    identity_code: str | None
    identity_code_revealed: bool = False
    extortion_contacts: tuple[ExtortionContactData, ...] = ()
    police_reports: tuple[PoliceReportData, ...] = ()
    protective_actions: tuple[ProtectiveActionData, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()
    support_sessions: tuple[SupportSessionData, ...] = ()
    follow_ups: tuple[FollowUpData, ...] = ()
    #: A victim letter's checklist: every protective step with what it involves, and
    #: the help and the data-request contact the organisation set.
    advice: tuple[Advice, ...] = ()
    organisation: OrganisationSettings | None = None

    def __post_init__(self) -> None:
        if self.profile is Profile.POLICE and (self.support_sessions or self.follow_ups):
            raise ValueError("a police summary never carries support sessions or follow-ups")
        if self.profile is Profile.CARE and (
            self.extortion_contacts or self.police_reports or self.attachments
        ):
            raise ValueError("a care summary carries no evidence or police records")
        if self.profile is Profile.VICTIM and (
            self.support_sessions or self.extortion_contacts or self.attachments
        ):
            raise ValueError("a victim letter carries no notes, messages or evidence")
        if self.profile is Profile.VICTIM and self.identity_code_revealed:
            raise ValueError("a victim letter shows the identity code masked")

    @property
    def reference(self) -> str:
        return self.case.reference

    @property
    def police_contact(self) -> str:
        """How investigators reach the crisis service (the organisation's setting), or
        ``""``."""
        return self.organisation.police_contact.strip() if self.organisation else ""


@dataclass(frozen=True, kw_only=True)
class OverdueByAssignee:
    assignee: str | None
    overdue: int
    oldest_due_on: dt.date


@dataclass(frozen=True, kw_only=True)
class UncontactedCase:
    """An acute or high-risk open case with no support session in the last days."""

    case_id: int
    reference: str
    risk_level: str
    counsellor: str | None
    opened_on: dt.date
    last_session_at: dt.datetime | None


@dataclass(frozen=True, kw_only=True)
class CaseloadReport:
    """The supervisors' caseload figures, all counted by the database.

    Attributes:
        as_of: the local date the figures are for.
        open_cases: cases that are new, open or waiting.
        per_counsellor: open cases per assigned counsellor, busiest first.
        risk_distribution: open cases per risk level, acute first.
        overdue_follow_ups: follow-ups not done whose due date has passed.
        overdue_by_assignee: the same, per assignee.
        uncontacted_days: the "no contact" window for ``uncontacted``.
        uncontacted_total: how many acute/high open cases had no session in the window.
        uncontacted: the oldest of them (at most the report's list limit).
        victims_with_contact: open or closed cases with at least one extortion contact.
        victims_with_report: those of them with at least one police report.
    """

    as_of: dt.date
    open_cases: int
    per_counsellor: tuple[CounsellorLoad, ...]
    risk_distribution: tuple[tuple[str, int], ...]
    overdue_follow_ups: int
    overdue_by_assignee: tuple[OverdueByAssignee, ...]
    uncontacted_days: int
    uncontacted_total: int
    uncontacted: tuple[UncontactedCase, ...]
    victims_with_contact: int
    victims_with_report: int

    @property
    def report_coverage(self) -> float:
        """Share (0–1) of victims with an extortion contact who have a police report."""
        if not self.victims_with_contact:
            return 0.0
        return self.victims_with_report / self.victims_with_contact
