"""Plain data objects the services take and hand back.

The GUI and the command line never see ORM objects, so a widget can never trigger a lazy
database load or keep a stale row alive. ``*Draft`` classes are what a form fills in;
``*Data`` classes add the id and version a later edit must quote back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, Generic, TypeVar

from models.domain.enums import (
    ActionState,
    CaseStatus,
    Channel,
    Currency,
    Language,
    PoliceReportState,
    Referral,
    RiskLevel,
    SessionMode,
)
from models.domain.i18n import N_
from models.domain.validation import IdentityCode

T = TypeVar("T")
R = TypeVar("R")


def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def build(cls: type[T], source: Any, **overrides: Any) -> T:
    """Make a ``cls`` from the same-named attributes of ``source`` (an ORM row).

    Fields that ``source`` lacks keep their defaults unless given in ``overrides``.
    """
    values = {
        f.name: getattr(source, f.name)
        for f in fields(cls)  # type: ignore[arg-type]
        if f.name not in overrides and hasattr(source, f.name)
    }
    return cls(**values, **overrides)


# -- victims and cases -----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class VictimDraft:
    first_names: str
    last_name: str
    #: Used at intake (later changes keep a history): the value the form parsed, or text
    #: (an imported list, a script) that the service parses, once.
    identity_code: IdentityCode | str | None = None
    birth_date: dt.date | None = None
    phone: str | None = None
    email: str | None = None
    street_address: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = "FI"
    language: Language = Language.FINNISH
    may_leave_voicemail: bool = False
    may_send_sms: bool = True
    may_email: bool = False
    may_send_post: bool = False
    safe_contact_note: str = ""
    consent_given: bool = False
    consent_date: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class IdentityCodeEntry:
    masked: str
    valid_from: dt.datetime
    valid_to: dt.datetime | None
    note: str


@dataclass(frozen=True, kw_only=True)
class VictimData:
    """A victim as shown: the identity code only masked (revealing it is audited)."""

    id: int
    version: int
    first_names: str
    last_name: str
    identity_code_masked: str | None
    identity_code_temporary: bool
    birth_date: dt.date | None
    phone: str | None
    email: str | None
    street_address: str
    postal_code: str
    city: str
    country: str
    language: str
    may_leave_voicemail: bool
    may_send_sms: bool
    may_email: bool
    may_send_post: bool
    safe_contact_note: str
    consent_given: bool
    consent_date: dt.date | None
    identity_code_history: tuple[IdentityCodeEntry, ...] = ()
    breaches: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        return f"{self.first_names} {self.last_name}"

    def safe_contact_warnings(self) -> tuple[str, ...]:
        """The rules a counsellor must see before contacting the person, in English:
        marked, not translated, so each front end translates them where it shows them
        (the GUI in its ``safe_contact`` context, a PDF with ``gettext``)."""
        warnings = []
        if not self.may_leave_voicemail:
            warnings.append(N_("Do not leave voicemail"))
        if not self.may_send_sms:
            warnings.append(N_("Do not send text messages"))
        if not self.may_email:
            warnings.append(N_("Do not e-mail"))
        if not self.may_send_post:
            warnings.append(N_("Do not send post"))
        return tuple(warnings)


@dataclass(frozen=True, kw_only=True)
class CaseDraft:
    risk_level: RiskLevel = RiskLevel.MEDIUM
    risk_reason: str = ""
    #: What was learnt at first contact (free text, optional).
    intake_note: str = ""
    assigned_to_id: int | None = None
    opened_on: dt.date | None = None  # default: today
    breach_ids: tuple[int, ...] = ()


@dataclass(frozen=True, kw_only=True)
class CaseData:
    id: int
    version: int
    reference: str
    status: str
    closure_reason: str | None
    risk_level: str
    risk_reason: str
    assigned_to_id: int | None
    assigned_to_name: str | None
    opened_on: dt.date
    closed_on: dt.date | None
    closure_requested_at: dt.datetime | None = None
    requested_closure_reason: str | None = None
    intake_note: str = ""


@dataclass(frozen=True, kw_only=True)
class AccessGrantData:
    """A break-the-glass access, as supervisors review them."""

    id: int
    case_id: int
    case_reference: str
    username: str
    reason: str
    granted_at: dt.datetime
    expires_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class CaseRow:
    """One line of a case list."""

    case_id: int
    reference: str
    victim_name: str
    identity_code_masked: str | None
    status: str
    risk_level: str
    counsellor: str | None
    opened_on: dt.date


#: Where a row stands in a case list's order: its sort value and a unique tiebreak (the
#: victim's id for the victim and identity code sorts, else the case's id).
SortKey = tuple[Any, Any]


@dataclass(frozen=True)
class CasePage:
    """Consecutive rows of a case list in display order (``rows`` empty when only the
    ids were asked for), and where the first and the last stand in its order."""

    case_ids: tuple[int, ...]
    rows: tuple[CaseRow, ...] = ()
    first: SortKey | None = None
    last: SortKey | None = None


@dataclass(frozen=True, kw_only=True)
class CaseFilter:
    """What a case list shows; empty fields do not filter."""

    statuses: tuple[CaseStatus, ...] = ()
    risk_levels: tuple[RiskLevel, ...] = ()
    assigned_to_id: int | None = None
    unassigned_only: bool = False
    breach_id: int | None = None
    text: str = ""  # the global search box
    #: Only these cases (a dashboard figure's drill-down); ``None`` does not filter.
    case_ids: tuple[int, ...] | None = None


# -- records in a case ------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ExtortionContactDraft:
    received_at: dt.datetime
    channel: Channel
    sender: str = ""
    amount_demanded: Decimal | None = None
    currency: Currency = Currency.EUR
    wallet_address: str | None = None
    deadline_at: dt.datetime | None = None
    message_text: str = ""
    paid: bool = False
    amount_paid: Decimal | None = None
    handed_to_police: bool = False


@dataclass(frozen=True, kw_only=True)
class ExtortionContactData(ExtortionContactDraft):
    id: int
    version: int
    case_id: int


@dataclass(frozen=True, kw_only=True)
class PoliceReportDraft:
    report_number: str
    filed_on: dt.date
    department: str = ""
    state: PoliceReportState = PoliceReportState.FILED
    victim_has_copy: bool = False


@dataclass(frozen=True, kw_only=True)
class PoliceReportData(PoliceReportDraft):
    id: int
    version: int
    case_id: int


@dataclass(frozen=True, kw_only=True)
class SupportSessionDraft:
    started_at: dt.datetime
    duration_minutes: int = 30
    mode: SessionMode = SessionMode.PHONE
    notes: str = ""
    distress_level: int | None = None
    outcome: str = ""
    referral: Referral = Referral.NONE
    #: Plan a follow-up at the session: it becomes one of the case's follow-ups (assigned
    #: to whoever records the session), due on this day; ``None`` plans none.
    next_follow_up_on: dt.date | None = None
    #: What the follow-up is for (empty: a standard description).
    follow_up_task: str = ""


@dataclass(frozen=True, kw_only=True)
class SupportSessionData(SupportSessionDraft):
    id: int
    version: int
    case_id: int
    counsellor_id: int | None
    counsellor_name: str | None = None
    #: The follow-up planned at this session (one of the case's follow-ups), if any.
    follow_up_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class ProtectiveActionDraft:
    type_code: str
    state: ActionState = ActionState.NOT_STARTED
    state_on: dt.date | None = None
    expires_on: dt.date | None = None
    note: str = ""
    grounds: str | None = None
    evidence: str = ""
    decision: str | None = None
    decision_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class ProtectiveActionData(ProtectiveActionDraft):
    id: int
    version: int
    case_id: int
    title: str = ""


@dataclass(frozen=True, kw_only=True)
class FollowUpDraft:
    due_on: dt.date
    description: str
    assignee_id: int | None = None
    done: bool = False


@dataclass(frozen=True, kw_only=True)
class FollowUpData(FollowUpDraft):
    id: int
    version: int
    case_id: int
    done_at: dt.datetime | None = None
    assignee_name: str | None = None


@dataclass(frozen=True, kw_only=True)
class ListWindow:
    """Which rows of a sorted list to fetch: a screenful, never the whole list.

    Keyset pagination: ``after`` (or ``before``) is the sort key of a row already shown
    (as :class:`ListPage` handed it out) and the rows just after (before) it come back.
    Without a key, ``offset`` rows are skipped from the start of the list, or from its
    end when ``from_end`` is set (the last screen comes back without walking the list).
    Rows always come back in the list's order.
    """

    limit: int
    offset: int = 0
    from_end: bool = False
    after: tuple[Any, ...] | None = None
    before: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class ListPage(Generic[R]):
    """Rows of a windowed list, with the sort keys of the first and last (``None`` when
    there are no rows) to ask for the rows next to them."""

    rows: tuple[R, ...]
    first: tuple[Any, ...] | None
    last: tuple[Any, ...] | None


@dataclass(frozen=True, kw_only=True)
class FollowUpCounts:
    """How many open follow-ups are due today and how many are overdue."""

    today: int
    overdue: int

    @property
    def total(self) -> int:
        return self.today + self.overdue


@dataclass(frozen=True, kw_only=True)
class FollowUpRow:
    """A follow-up in the "due today / overdue" list."""

    follow_up_id: int
    case_id: int
    case_reference: str
    victim_name: str
    due_on: dt.date
    description: str
    overdue: bool


@dataclass(frozen=True, kw_only=True)
class AttachmentInfo:
    id: int
    case_id: int
    extortion_contact_id: int | None
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    added_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class CaseDetail:
    """Everything the case view shows, loaded in one unit of work.

    A section is ``None`` when the reader's role may not see it (police liaison never
    sees support sessions), and an empty tuple when there is nothing in it.
    """

    case: CaseData
    victim: VictimData
    extortion_contacts: tuple[ExtortionContactData, ...] | None
    police_reports: tuple[PoliceReportData, ...] | None
    support_sessions: tuple[SupportSessionData, ...] | None
    protective_actions: tuple[ProtectiveActionData, ...] | None
    follow_ups: tuple[FollowUpData, ...] | None
    attachments: tuple[AttachmentInfo, ...] | None
    #: When the reader's break-the-glass access ends, if that is how they may read it.
    access_until: dt.datetime | None = None


#: The field of a :class:`CorrectionEntry` that changed an identity code (those changes
#: are kept in ``identity_code_record``; the other fields are ``CorrectedField`` codes).
IDENTITY_CODE_FIELD = "identity_code"


@dataclass(frozen=True, kw_only=True)
class CorrectionEntry:
    """One corrected detail of a victim, as the correction history shows it.

    Attributes:
        changed_at: when (UTC).
        changed_by: the display name of who changed it; ``None`` when not recorded (an
            identity code changed before the history was kept).
        field: a ``CorrectedField`` code or :data:`IDENTITY_CODE_FIELD`.
        previous, new: the values as stored, as text (dates ISO 8601, flags ``true`` or
            ``false``, codes as stored), ``None`` for none; identity codes masked unless
            the history was read with them revealed.
        note: what was noted with a new identity code.
    """

    changed_at: dt.datetime
    changed_by: str | None
    field: str
    previous: str | None
    new: str | None
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CorrectionHistory:
    """Every correction of a case's victim, newest first (supervisors only)."""

    case_id: int
    reference: str
    entries: tuple[CorrectionEntry, ...]
    #: The identity codes in ``entries`` are in full (the reveal was audited).
    identity_codes_revealed: bool = False


@dataclass(frozen=True, kw_only=True)
class UserData:
    """An account as account management sees it (supervisors and administrators)."""

    id: int
    username: str
    display_name: str
    role: str
    is_active: bool
    last_login_at: dt.datetime | None = None
    language: str = "fi"


@dataclass(frozen=True, kw_only=True)
class AccountRequestData:
    """A privileged account change waiting for (or given) a supervisor's decision.

    ``kind`` is ``create``, ``role`` or ``password``; ``username`` is the account's (the
    new one's for ``create``); ``role`` the role asked for (``create``, ``role``).
    """

    id: int
    kind: str
    username: str
    display_name: str = ""
    role: str | None = None
    user_id: int | None = None
    requested_by: str
    requested_at: dt.datetime
    decided_by: str | None = None
    decision: str | None = None


@dataclass(frozen=True, kw_only=True)
class Colleague:
    """A colleague as a drop-down offers them to anyone: no username, role or sign-ins."""

    id: int
    display_name: str
    is_active: bool = True


@dataclass(frozen=True, kw_only=True)
class BreachData:
    id: int
    name: str
    description: str = ""
    occurred_from: dt.date | None = None
    occurred_to: dt.date | None = None
    revealed_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class SearchHit:
    """A case found by the global search, and what matched (not the matching value)."""

    row: CaseRow
    matched: str = field(default="")


# -- cross-case analysis -----------------------------------------------------------------


@dataclass(frozen=True)
class SharedIndicator:
    """A wallet address or sender seen in more than one case.

    Attributes:
        demanded / paid: (currency, total) per currency, currencies in alphabetical order.
    """

    value: str
    victims: int  # distinct cases
    contacts: int
    first_seen: dt.datetime
    last_seen: dt.datetime
    demanded: tuple[tuple[str, Decimal], ...]
    paid: tuple[tuple[str, Decimal], ...]


# -- caseload ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CounsellorLoad:
    """The open cases one account holds, or (``user_id`` None) those nobody holds.

    The dashboard, the caseload report and the caseload view count it the same way
    (:mod:`models.services.figures`); closed cases do not count.

    Attributes:
        high_risk_open: of ``open_cases``, those at a high risk level.
        acute: of ``open_cases``, those at acute risk; ``high`` those at high risk.
        is_active: whether the account may sign in (None on the unassigned line).
        role: the account's role (None on the unassigned line).
    """

    user_id: int | None
    display_name: str | None
    open_cases: int
    high_risk_open: int
    acute: int
    high: int
    is_active: bool | None
    role: str | None


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


@dataclass(frozen=True, kw_only=True)
class OrganisationSettings:
    """What the organisation sets once for every workstation and every PDF.

    Attributes:
        name: the organisation's name, shown in the main window's title.
        classification_line: printed under the confidentiality marking on every page of
            every PDF, e.g. the statutory basis of the secrecy.
        help_lines: the help a victim letter offers, one per line
            ("Rikosuhripäivystys (RIKU) 116 006 …"); empty: the letter's default.
        data_requests: how a victim asks for their data or its erasure (an address, a
            phone number, a web form); empty: the letter's default sentence.
        police_contact: how the police reach the crisis service about a case (a phone
            number, an e-mail address, opening hours), printed in every police summary
            beside the case's counsellor; empty: not printed.
    """

    name: str = ""
    classification_line: str = ""
    help_lines: str = ""
    data_requests: str = ""
    police_contact: str = ""
