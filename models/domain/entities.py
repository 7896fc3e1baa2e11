"""Suoja's domain model as typed SQLAlchemy entities.

Each enumerated column has a check constraint built from :mod:`models.domain.enums`, and every
record that people edit has a version counter, so a stale edit is refused instead of
silently overwriting someone else's work. Columns that searches use carry an index;
``search_*`` columns hold normalised keys (case-folded names, E.164 phones) so a search
is an index range scan on every database, with no SQLite-only SQL.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from models.domain.base import Base, TimestampMixin, UTCDateTime, utcnow
from models.domain.enums import (
    ActionState,
    ApplicationGrounds,
    AuditAction,
    CaseStatus,
    Channel,
    ClosureReason,
    Currency,
    Decision,
    Language,
    PoliceReportState,
    Referral,
    RiskLevel,
    Role,
    SessionMode,
    values,
)
from models.domain.sealed import Sealed, install

#: Largest evidence file stored in the database (screenshots, saved e-mails, PDFs).
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

#: Euros to the cent, bitcoin to the satoshi.
Money = Numeric(18, 8, asdecimal=True)


def one_of(column: str, enum: type[StrEnum], name: str | None = None) -> CheckConstraint:
    """A check constraint allowing only the values of ``enum`` (NULL passes, as in SQL)."""
    allowed = ", ".join(f"'{value}'" for value in values(enum))
    return CheckConstraint(f"{column} IN ({allowed})", name=name or f"{column}_valid")


#: What the identity code column of a case list shows (``131052-****``: the birth date and
#: the century sign), no code as an empty text: the case list sorts by this alone.
CODE_SHOWN_SQL = "coalesce(substr(identity_code, 1, 7), '')"


victim_breach = Table(
    "victim_breach",
    Base.metadata,
    Column("victim_id", ForeignKey("victim.id", ondelete="CASCADE"), primary_key=True),
    Column("breach_id", ForeignKey("breach.id", ondelete="RESTRICT"), primary_key=True),
    Index("ix_victim_breach_breach_id", "breach_id"),
)


class User(TimestampMixin, Base):
    """A staff account. Accounts are locked, never deleted, so the audit trail stays whole."""

    __tablename__ = "user_account"
    __table_args__ = (one_of("role", Role), one_of("language", Language),
                      CheckConstraint("failed_logins >= 0", name="failed"))

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: The language Suoja speaks to this person (``--lang`` and ``SUOJA_LANG`` override it).
    language: Mapped[str] = mapped_column(String(2), default=Language.FINNISH.value,
                                          server_default=Language.FINNISH.value)
    #: The account's signing public keys (base64, comma-separated, newest last): its
    #: audit events are signed with one of them (``models.security.signatures``).
    signing_keys: Mapped[str | None] = mapped_column(Text)
    #: The account authority's signature over id, username, role, lock and keys.
    signature: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Breach(TimestampMixin, Base):
    """An incident that made people victims, e.g. "Vastaamo 2018"."""

    __tablename__ = "breach"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    occurred_from: Mapped[dt.date | None] = mapped_column(Date)
    occurred_to: Mapped[dt.date | None] = mapped_column(Date)
    revealed_on: Mapped[dt.date | None] = mapped_column(Date)


class Victim(TimestampMixin, Base):
    """A person the breach harmed, with contact details and safe-contact rules."""

    __tablename__ = "victim"
    __table_args__ = (
        one_of("language", Language),
        Index("ix_victim_search_last_name", "search_last_name"),
        Index("ix_victim_search_first_names", "search_first_names"),
        # The name search's prefix ranges and the case list's victim sort (name, id).
        Index("ix_victim_search_full_name_id", "search_full_name", "id"),
        Index("ix_victim_birth_date_search_full_name", "birth_date", "search_full_name"),
        # The case list's identity code sort: the visible part only (``CODE_SHOWN`` in
        # models/services/case_list.py, the same expression), then the id.
        Index("ix_victim_code_shown_id", text(CODE_SHOWN_SQL), "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_names: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200))
    # Case-folded keys (see services.text.search_key) for prefix searches on any database.
    search_first_names: Mapped[str] = mapped_column(String(200))
    search_last_name: Mapped[str] = mapped_column(String(200))
    search_full_name: Mapped[str] = mapped_column(String(400))
    identity_code: Mapped[str | None] = mapped_column(String(11), index=True)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)  # E.164
    email: Mapped[str | None] = mapped_column(String(254), index=True)  # domain lower-cased
    street_address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="FI")
    language: Mapped[str] = mapped_column(String(2), default=Language.FINNISH.value)
    # Safe-contact rules: what we may do without putting the person at risk.
    may_leave_voicemail: Mapped[bool] = mapped_column(Boolean, default=False)
    may_send_sms: Mapped[bool] = mapped_column(Boolean, default=True)
    may_email: Mapped[bool] = mapped_column(Boolean, default=False)
    may_send_post: Mapped[bool] = mapped_column(Boolean, default=False)
    safe_contact_note: Mapped[str] = mapped_column(Text, default="")
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    identity_codes: Mapped[list[IdentityCodeRecord]] = relationship(
        back_populates="victim", order_by="IdentityCodeRecord.valid_from",
        cascade="all, delete-orphan",
    )
    breaches: Mapped[list[Breach]] = relationship(secondary=victim_breach)
    case: Mapped[Case | None] = relationship(back_populates="victim", uselist=False)

    __mapper_args__ = {"version_id_col": version}


class IdentityCodeRecord(Base):
    """One identity code a victim has had; a new code closes the previous record."""

    __tablename__ = "identity_code_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    victim_id: Mapped[int] = mapped_column(ForeignKey("victim.id", ondelete="CASCADE"), index=True)
    identity_code: Mapped[str] = mapped_column(String(11), index=True)
    valid_from: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    valid_to: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(String(200), default="")
    #: Who recorded this code in place of an earlier one (a rectification, shown in the
    #: correction history with :class:`VictimCorrection`); ``None`` for the code given at
    #: intake or by an import, and for changes made before revision 0011.
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    victim: Mapped[Victim] = relationship(back_populates="identity_codes")


class CorrectedField(StrEnum):
    """A victim's detail whose corrections :class:`VictimCorrection` keeps: every column
    the victim's own form edits (the search keys are derived from the names)."""

    FIRST_NAMES = "first_names"
    LAST_NAME = "last_name"
    BIRTH_DATE = "birth_date"
    PHONE = "phone"
    EMAIL = "email"
    STREET_ADDRESS = "street_address"
    POSTAL_CODE = "postal_code"
    CITY = "city"
    COUNTRY = "country"
    LANGUAGE = "language"
    MAY_LEAVE_VOICEMAIL = "may_leave_voicemail"
    MAY_SEND_SMS = "may_send_sms"
    MAY_EMAIL = "may_email"
    MAY_SEND_POST = "may_send_post"
    SAFE_CONTACT_NOTE = "safe_contact_note"
    CONSENT_GIVEN = "consent_given"
    CONSENT_DATE = "consent_date"


class VictimCorrection(Base):
    """One corrected detail of a victim (GDPR art. 16): which, before and after, when, and
    who changed it. Written in the unit of work of the edit itself, one row per changed
    field; supervisors read it (``CaseService.correction_history``, audited).

    Identity codes are not here: ``identity_code_record`` is their history already (the
    searches find a victim by an earlier code there), and its ``changed_by_id`` says who
    recorded a new one. The correction history shows both, one list.

    ``previous_value`` and ``new_value`` are the stored values as text (dates ISO 8601,
    flags ``true``/``false``, ``NULL`` for none), personal data exactly like the victim's
    own columns and kept like them: not sealed, protected by the database's encryption
    (SQLCipher on a file; on a server, the server's own protection, docs/DEPLOYMENT.md).
    So, as docs/SECURITY.md says of every unsealed column, any account's storage key reads
    them with a script; the app shows them to supervisors only. Erasure removes the rows
    with the victim's other personal data (``models.services.retention``).
    """

    __tablename__ = "victim_correction"
    __table_args__ = (
        one_of("field", CorrectedField),
        Index("ix_victim_correction_victim_id_changed_at", "victim_id", "changed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    victim_id: Mapped[int] = mapped_column(ForeignKey("victim.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(30))
    previous_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class Case(TimestampMixin, Base):
    """The unit of work: one per victim, with a reference like ``SUO-2020-00042``."""

    __tablename__ = "case_file"
    __table_args__ = (
        one_of("status", CaseStatus),
        one_of("closure_reason", ClosureReason),
        one_of("risk_level", RiskLevel),
        one_of("requested_closure_reason", ClosureReason),
        CheckConstraint(
            "(status = 'closed') = (closure_reason IS NOT NULL)", name="closure_reason_iff_closed"
        ),
        Index("ix_case_file_status_risk_level", "status", "risk_level"),
        Index("ix_case_file_assigned_to_id_status", "assigned_to_id", "status"),
        # The case list's sorts read these in order (models/services/case_list.py).
        Index("ix_case_file_opened_on_id", "opened_on", "id"),
        Index("ix_case_file_status_id", "status", "id"),
        Index("ix_case_file_risk_level_id", "risk_level", "id"),
        Index("ix_case_file_assigned_to_id_id", "assigned_to_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    victim_id: Mapped[int] = mapped_column(
        ForeignKey("victim.id", ondelete="RESTRICT"), unique=True
    )
    status: Mapped[str] = mapped_column(String(10), default=CaseStatus.NEW.value)
    closure_reason: Mapped[str | None] = mapped_column(String(20))
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    risk_level: Mapped[str] = mapped_column(String(10), default=RiskLevel.MEDIUM.value)
    risk_reason: Mapped[str] = mapped_column(Text, default="")
    #: What was learnt at first contact (free text, optional); kept like ``risk_reason``:
    #: not sealed, protected by the database's encryption, cleared by erasure.
    intake_note: Mapped[str] = mapped_column(Text, default="")
    opened_on: Mapped[dt.date] = mapped_column(Date, index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    # A counsellor asks to close; a supervisor approves (closes) or returns the request.
    closure_requested_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    closure_requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    requested_closure_reason: Mapped[str | None] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=1)

    victim: Mapped[Victim] = relationship(back_populates="case")
    assigned_to: Mapped[User | None] = relationship(foreign_keys=[assigned_to_id])
    extortion_contacts: Mapped[list[ExtortionContact]] = relationship(
        back_populates="case", order_by="ExtortionContact.received_at"
    )
    police_reports: Mapped[list[PoliceReport]] = relationship(back_populates="case")
    support_sessions: Mapped[list[SupportSession]] = relationship(
        back_populates="case", order_by="SupportSession.started_at"
    )
    protective_actions: Mapped[list[ProtectiveAction]] = relationship(back_populates="case")
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="case", order_by="FollowUp.due_on"
    )
    attachments: Mapped[list[Attachment]] = relationship(back_populates="case")

    __mapper_args__ = {"version_id_col": version}


@install
class ExtortionContact(TimestampMixin, Base):
    """One extortion ("ransom") message a victim received."""

    __tablename__ = "extortion_contact"
    __table_args__ = (
        one_of("channel", Channel),
        one_of("currency", Currency),
        CheckConstraint("amount_demanded IS NULL OR amount_demanded >= 0", name="demand_positive"),
        CheckConstraint("amount_paid IS NULL OR amount_paid >= 0", name="paid_positive"),
        CheckConstraint("paid OR amount_paid IS NULL", name="amount_only_if_paid"),
        CheckConstraint("message_text LIKE 'v2:%' OR message_text LIKE 'v3:%'",
                        name="message_text_sealed"),
        Index("ix_extortion_contact_case_id_received_at", "case_id", "received_at"),
        # Covering indexes: the cross-case wallet/sender analysis never reads the rows
        # (which carry the long message texts).
        Index("ix_extortion_contact_wallet_cover", "wallet_address", "case_id", "received_at",
              "currency", "amount_demanded", "amount_paid"),
        Index("ix_extortion_contact_sender_cover", "sender", "case_id", "received_at",
              "currency", "amount_demanded", "amount_paid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    sender: Mapped[str] = mapped_column(String(320), default="", index=True)
    amount_demanded: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default=Currency.EUR.value)
    wallet_address: Mapped[str | None] = mapped_column(String(100), index=True)
    deadline_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: Sealed in the application (``models.domain.sealed``); read and write ``message_text``.
    message_text_sealed: Mapped[str] = mapped_column("message_text", Text)
    message_text = Sealed("message_text_sealed", "message_text")
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    amount_paid: Mapped[Decimal | None] = mapped_column(Money)
    handed_to_police: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[Case] = relationship(back_populates="extortion_contacts")

    __mapper_args__ = {"version_id_col": version}


class PoliceReport(TimestampMixin, Base):
    """A crime report, numbered ``DDDD/R/N/YY`` as on the victim's report copy."""

    __tablename__ = "police_report"
    __table_args__ = (
        one_of("state", PoliceReportState),
        # A report number prefix (the search) gives its cases from the index alone.
        Index("ix_police_report_report_number_case_id", "report_number", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), index=True
    )
    report_number: Mapped[str] = mapped_column(String(24))
    department: Mapped[str] = mapped_column(String(200), default="")
    filed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    state: Mapped[str] = mapped_column(String(30), default=PoliceReportState.FILED.value)
    victim_has_copy: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[Case] = relationship(back_populates="police_reports")

    __mapper_args__ = {"version_id_col": version}


@install
class SupportSession(TimestampMixin, Base):
    """A counselling contact. ``notes`` are confidential and never leave in police exports."""

    __tablename__ = "support_session"
    __table_args__ = (
        one_of("mode", SessionMode),
        one_of("referral", Referral),
        CheckConstraint("duration_minutes BETWEEN 0 AND 1440", name="duration_range"),
        CheckConstraint("distress_level BETWEEN 0 AND 10", name="distress_range"),
        CheckConstraint("notes LIKE 'v2:%' OR notes LIKE 'v3:%'", name="notes_sealed"),
        Index("ix_support_session_case_id_started_at", "case_id", "started_at"),
        # Covering for the dashboard's "contacted in the last week" (``models.services.figures``).
        Index("ix_support_session_started_at_case_id", "started_at", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    counsellor_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), index=True
    )
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    mode: Mapped[str] = mapped_column(String(20), default=SessionMode.PHONE.value)
    #: Sealed in the application (``models.domain.sealed``); read and write ``notes``.
    notes_sealed: Mapped[str] = mapped_column("notes", Text)
    notes = Sealed("notes_sealed", "notes")
    distress_level: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(Text, default="")
    referral: Mapped[str] = mapped_column(String(20), default=Referral.NONE.value)
    #: The follow-up planned at this session: a row of ``follow_up`` like any other, so the
    #: follow-up lists, the case's follow-ups and the session show the same one.
    follow_up_id: Mapped[int | None] = mapped_column(
        ForeignKey("follow_up.id", ondelete="SET NULL"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[Case] = relationship(back_populates="support_sessions")
    counsellor: Mapped[User | None] = relationship()
    follow_up: Mapped[FollowUp | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}

    @property
    def next_follow_up_on(self) -> dt.date | None:
        """When the follow-up planned at this session is due (``None``: none planned)."""
        return self.follow_up.due_on if self.follow_up is not None else None

    @property
    def follow_up_task(self) -> str:
        """What the follow-up planned at this session is for."""
        return self.follow_up.description if self.follow_up is not None else ""


class ProtectiveActionType(Base):
    """The checklist catalogue (copied from ``enums.PROTECTIVE_ACTION_CATALOGUE``)."""

    __tablename__ = "protective_action_type"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    guidance: Mapped[str] = mapped_column(Text, default="")
    validity_days: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ProtectiveAction(TimestampMixin, Base):
    """One protective step for one victim, with its state, date and expiry."""

    __tablename__ = "protective_action"
    __table_args__ = (
        one_of("state", ActionState),
        one_of("grounds", ApplicationGrounds),
        one_of("decision", Decision),
        Index("ix_protective_action_case_id_type_code", "case_id", "type_code"),
        Index("ix_protective_action_type_code_state", "type_code", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    type_code: Mapped[str] = mapped_column(ForeignKey("protective_action_type.code"))
    state: Mapped[str] = mapped_column(String(20), default=ActionState.NOT_STARTED.value)
    state_on: Mapped[dt.date | None] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    # Used by the identity-code change application; empty for the other steps.
    grounds: Mapped[str | None] = mapped_column(String(20))
    evidence: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str | None] = mapped_column(String(10))
    decision_on: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[Case] = relationship(back_populates="protective_actions")
    type: Mapped[ProtectiveActionType] = relationship()

    __mapper_args__ = {"version_id_col": version}


class FollowUp(TimestampMixin, Base):
    """A task with a due date; drives the "due today" and "overdue" lists."""

    __tablename__ = "follow_up"
    __table_args__ = (
        Index("ix_follow_up_assignee_id_done_due_on", "assignee_id", "done", "due_on"),
        # Covering for the dashboard's overdue count (``models.services.figures``).
        Index("ix_follow_up_done_due_on_case_id", "done", "due_on", "case_id"),
        # A case's follow-ups (and its open ones due by a date, from the index alone):
        # everyone's list sorted by case or victim probes it per case in the order of
        # the case reference or victim name index (models/services/records.py).
        Index("ix_follow_up_case_id_done_due_on", "case_id", "done", "due_on", "id"),
        # Everyone's list sorted by text reads the open follow-ups in this order; the
        # condition as the list writes it (``done IS NOT true``, see records.py).
        Index("ix_follow_up_open_text", text("lower(description)"), "id", "due_on",
              sqlite_where=text("done IS NOT 1"), postgresql_where=text("done IS NOT true")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    due_on: Mapped[dt.date] = mapped_column(Date)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    description: Mapped[str] = mapped_column(String(500))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[Case] = relationship(back_populates="follow_ups")
    assignee: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version}


class DashboardTally(Base):
    """Running counts behind the supervisors' dashboard, kept by database triggers in the
    unit of work of every write, so the dashboard reads a few rows instead of scanning
    every case: on SQLite row triggers update them (migration 0015); on PostgreSQL
    statement triggers append to ``dashboard_delta`` and the dashboard adds those up and
    folds them in (migration 0018). ``kind`` names the count
    (``models.services.figures``); ``holder_id`` is the holder of open cases (0: nobody),
    ``risk_level`` their risk level (both 0 and "" where a count is not split). Never
    written by the application (but for the fold)."""

    __tablename__ = "dashboard_tally"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    holder_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    risk_level: Mapped[str] = mapped_column(String(10), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


#: What each statement changed in the tallies, appended by statement triggers on
#: PostgreSQL (migration 0018) and folded into :class:`DashboardTally` by the dashboard
#: (``models.services.figures``); empty on SQLite. Append-only, so no key.
dashboard_delta = Table(
    "dashboard_delta", Base.metadata,
    Column("kind", String(20), nullable=False),
    Column("holder_id", Integer, nullable=False),
    Column("risk_level", String(10), nullable=False),
    Column("n", Integer, nullable=False),
)


class DashboardCaseFlag(Base):
    """PostgreSQL (migration 0018): which cases have an extortion contact and which a
    police report, as the tallies last counted them, kept by the same statement triggers
    (a case with neither has no row; no foreign key, so a deleted case's row stays until
    its trigger has counted it out). Empty on SQLite. Never written by the application."""

    __tablename__ = "dashboard_case_flag"

    case_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    contact: Mapped[bool] = mapped_column(Boolean)
    report: Mapped[bool] = mapped_column(Boolean)


@install
class Attachment(Base):
    """An evidence file stored inside the encrypted database."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint(f"size_bytes BETWEEN 0 AND {MAX_ATTACHMENT_BYTES}", name="size_limit"),
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), index=True
    )
    extortion_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("extortion_contact.id", ondelete="SET NULL"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    # Deferred: listing attachments never drags megabytes of evidence into memory.
    # Sealed in the application (``models.domain.sealed``); read and write ``content``.
    content_sealed: Mapped[bytes] = deferred(mapped_column("content", LargeBinary))
    content = Sealed("content_sealed", "content", binary=True)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    case: Mapped[Case] = relationship(back_populates="attachments")


class AuditEvent(Base):
    """Who did what to which record, when — never the personal data itself.

    Events form an HMAC chain: ``chain_hash`` covers this event's fields and the previous
    event's ``chain_hash``, keyed by a key derived from the database key, so an edited,
    deleted or reordered event breaks the chain (see ``models.security.audit``). Since
    revision 0010 each event is also signed (Ed25519) by the account whose session wrote
    it (``signer``: ``user:<id>`` or ``recovery``), so nobody can write another's events.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        one_of("action", AuditAction),
        Index("ix_audit_event_user_id_occurred_at", "user_id", "occurred_at"),
        Index("ix_audit_event_case_id_occurred_at", "case_id", "occurred_at"),
        Index("ix_audit_event_action_occurred_at", "action", "occurred_at"),
        # The audit log viewer's filters, newest first by seq (keyset pagination).
        Index("ix_audit_event_user_id_seq", "user_id", "seq"),
        Index("ix_audit_event_case_id_seq", "case_id", "seq"),
        Index("ix_audit_event_action_seq", "action", "seq"),
        Index("ix_audit_event_occurred_at_seq", "occurred_at", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(String(500), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str | None] = mapped_column(String(40))
    signature: Mapped[str | None] = mapped_column(String(100))


class AccessGrant(Base):
    """A break-the-glass access: one counsellor, one case, a stated reason, a time limit.

    The reason is free text a person wrote, so it lives here (encrypted with the rest)
    and never in the audit event, which refers to the grant by id.
    """

    __tablename__ = "access_grant"
    __table_args__ = (
        Index("ix_access_grant_user_id_case_id_expires_at", "user_id", "case_id", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"),
                                         index=True)
    reason: Mapped[str] = mapped_column(String(500))
    granted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class AccountChange(StrEnum):
    """What an :class:`AccountChangeRequest` asks for."""

    CREATE = "create"
    ROLE = "role"
    PASSWORD = "password"


class AccountDecision(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"


class AccountChangeRequest(Base):
    """A privileged account change someone other than a supervisor asked for: a new
    supervisor or administrator, a promotion to one, or a new password for one.

    It only records the intent; a supervisor other than the requester approves it and the
    approval itself makes the change (``models.services.accounts``). No password is ever
    stored here. ``user_id`` is the account changed (none for a new account, whose
    ``username``, ``display_name`` and ``role`` are asked for here).
    """

    __tablename__ = "account_change_request"
    __table_args__ = (one_of("kind", AccountChange), one_of("role", Role),
                      one_of("decision", AccountDecision))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    username: Mapped[str] = mapped_column(String(64), default="")
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str | None] = mapped_column(String(20))
    requested_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decision: Mapped[str | None] = mapped_column(String(10), index=True)


class ServerState(Base):
    """Documents a PostgreSQL server keeps for sign-in, before any key is known.

    ``key_slots`` holds the wrapped data keys (on SQLite they live in the key file beside
    the database, which must be read before the file can be decrypted, so this table stays
    empty there); ``signin`` holds the failed sign-in counters (``models.security.signin``).
    """

    __tablename__ = "suoja_server_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    document: Mapped[str] = mapped_column(Text)


class OrganisationSetting(Base):
    """One of the settings the organisation keeps for every workstation (the PDFs'
    classification line, the help lines and the data-request contact of victim letters)."""

    __tablename__ = "organisation_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


#: ``suoja_meta`` key that marks a demo database (``main.py --demo``): its window titles
#: say so, and only its accounts may have the published demo password.
DEMO_MARKER = "demo_data"


class Meta(Base):
    """Key/value facts about this database (its id, when it was created)."""

    __tablename__ = "suoja_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


__all__ = [
    "DEMO_MARKER",
    "AccessGrant",
    "Attachment",
    "AuditEvent",
    "Breach",
    "Case",
    "CorrectedField",
    "ExtortionContact",
    "FollowUp",
    "IdentityCodeRecord",
    "MAX_ATTACHMENT_BYTES",
    "Meta",
    "PoliceReport",
    "ServerState",
    "ProtectiveAction",
    "ProtectiveActionType",
    "SupportSession",
    "User",
    "Victim",
    "VictimCorrection",
    "victim_breach",
]
