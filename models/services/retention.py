"""Retention of closed cases, and erasure of a victim's personal data.

A closed case is *due for erasure* when ``closed_on + retention_days < today``. The
retention period is stored in ``suoja_meta`` (key ``retention_days``) and defaults to
:data:`DEFAULT_RETENTION_DAYS`, five years: long enough for the general three-year
limitation period of damages claims (counted from when the harm became known), for the
criminal case and the State Treasury compensation that can only follow it, and for the
victims who come back when the case is in the news again; no longer, because the data
must not be kept longer than needed (GDPR art. 5(1)(e)). A supervisor sets the period
the organisation's data protection officer decides, unless the organisation's deployment
file enforces one (:mod:`models.domain.deployment`; a default of the file stands in where
none is saved). Erasure is never automatic: a
supervisor erases one case at a time and confirms it by typing the case reference. A
case may also be erased before its period ends (a victim's request under GDPR art. 17).

What erasure removes — everything that is about the person, or in their or a
counsellor's words:

* ``victim``: names (the last name becomes "Erased", first names empty), all search keys
  (empty), identity code, birth date, phone, e-mail (NULL), street address, postal code,
  city and the safe-contact note (empty); the safe-contact permissions are switched off
  (there is nobody left to contact).
* ``identity_code_record``: every row (the identity-code history).
* ``victim_correction``: every row (corrected details, before and after).
* ``attachment``: every row of the case, with the evidence bytes.
* ``extortion_contact``: message text and sender (empty), wallet address (NULL).
* ``police_report``: the report number (empty).
* ``support_session``: notes and outcome (empty), distress level (NULL: it is a
  measure of the person's health).
* ``follow_up``: the task description (empty).
* ``protective_action``: note and evidence (empty), grounds of an identity-code change
  application (NULL: they describe the person's circumstances).
* ``access_grant``: the break-the-glass reason (empty).
* ``case_file``: the risk reason (empty).

What stays, as anonymous statistics of the service's work:

* the ``victim`` row itself (the case refers to it) with language, country, consent flag
  and date, and its breach links;
* the ``case_file`` row: reference, status, closure reason, risk level, assignment,
  opened/closed dates;
* every ``extortion_contact`` row: received at, channel, amount demanded, currency,
  deadline, paid and amount paid, handed to police;
* every ``police_report`` row: department, filed on, state, whether the victim had a copy;
* every ``support_session`` row: counsellor, started at, duration, mode, referral,
  next follow-up date;
* every ``follow_up`` row: due date, assignee, done and when;
* every ``protective_action`` row: type, state and its date, expiry, decision and its date;
* every ``access_grant`` row: who, which case, granted and expiry times;
* the audit trail, untouched: its events never held personal data, and the erasure is
  recorded in it (action ``erase``, entity ``victim``, with the case id).

A second supervisor's approval (the organisation's setting
:meth:`RetentionService.set_erasure_needs_approval`, off by default, changed by a
supervisor and audited): when it is on, :meth:`RetentionService.erase_victim` records an
*erasure request* instead of erasing, and a **different** supervisor approves it (then
the case is erased, audited with both account ids) or declines it, within
:data:`REQUEST_LIFETIME` (7 days; after that it has lapsed and is asked again). The
request is the audit event (action ``erase``, entity ``erase_request``, the case id and
the reason's code), signed by the requester and chained like every event; a
``suoja_meta`` row ``erase_request:<case id>`` holds only that event's number, and is
the claim: the approval or decline deletes it in the same unit of work as what it
decides, so of two supervisors approving at once one erases and the other finds nothing
pending. Whatever the row says, who asked, when and why is read from the event, whose
signature is checked; a row pointing at any other event, or at a request decided
already, is refused. The setting itself is read fail-closed: on if its row says so *or*
its last audited change turned it on (a row switched off with a script does not let one
supervisor erase alone).

Afterwards the database file is rewritten (``models.storage.database.scrub_freed_pages``), so
the removed values survive neither in free pages nor in the write-ahead log. On a
PostgreSQL server the touched tables are vacuumed instead (``models.storage.server.vacuum``);
the server's own logs and dumps age out as docs/DEPLOYMENT.md describes.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.domain import deployment
from models.domain.base import local_today, utcnow
from models.domain.changes import ChangeKind
from models.domain.deployment import RETENTION_RANGE
from models.domain.entities import (
    AuditEvent,
    Case,
    Meta,
    OrganisationSetting,
    User,
)
from models.domain.enums import AuditAction, CaseStatus, ErasureReason, Role
from models.domain.errors import NotFound, PermissionDenied, ValidationError
from models.domain.formatting import count_text
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.security.permissions import Operation, allows
from models.security.signatures import load_trust
from models.services._base import Service
from models.storage.erasure import (
    DEFAULT_RETENTION_DAYS,
    ERASED_NAME,
    RETENTION_META_KEY,
    UPGRADE_COPY_META_KEY,
    compact,
    copy_lines,
    erase_case_rows,
    erased_case_ids,
    retention_days,
    signed_line,
    store_line,
    upgrade_copy_days,
)
from models.storage.keyfile import ErasureEntry
from models.storage.maintenance import CopiesReport, erase_in_copies

log = logging.getLogger("suoja.retention")

MIN_RETENTION_DAYS, MAX_RETENTION_DAYS = RETENTION_RANGE
__all__ = ["DEFAULT_RETENTION_DAYS", "ERASED_NAME", "ErasableCase", "ErasureReport",
           "RetentionService"]
#: ``organisation_setting`` key: "on" when an erasure needs a second supervisor.
APPROVAL_SETTING = "erasure_approval"
#: ``suoja_meta`` key of a case's pending erasure request (+ the case id).
REQUEST_KEY_PREFIX = "erase_request:"
#: The audit entity of erasure requests and their decisions.
REQUEST_ENTITY = "erase_request"
#: How long an erasure request waits for a second supervisor; then it lapses, so an old
#: request nobody remembers cannot be approved by mistake.
REQUEST_LIFETIME = dt.timedelta(days=7)


@dataclass(frozen=True)
class ErasableCase:
    """A closed case whose retention period has passed."""

    case_id: int
    reference: str
    closed_on: dt.date
    days_past_retention: int


@dataclass(frozen=True)
class ErasureReport:
    """What :meth:`RetentionService.erase_victim` removed.

    Attributes:
        attachments_deleted / identity_codes_deleted: rows deleted.
        *_cleared: rows whose personal fields were emptied (the rows stay).
        past_retention: whether the retention period had passed (else: erased early,
            e.g. at the victim's request).
        compacted: whether the file rewrite also emptied the write-ahead log. False if
            another window was reading at that moment: the old pages then stay in the
            log until the database is closed (or the next erasure's checkpoint).
        backups_erased: backups in ``backups/`` the erasure was applied to as well.
        backups_left: backups there it could not be applied to (from before a key
            rotation or an upgrade): they hold the data until they are pruned, and a
            restore of one applies it.
    """

    case_id: int
    reference: str
    attachments_deleted: int
    identity_codes_deleted: int
    extortion_contacts_cleared: int
    police_reports_cleared: int
    support_sessions_cleared: int
    follow_ups_cleared: int
    protective_actions_cleared: int
    access_grants_cleared: int
    past_retention: bool
    compacted: bool
    seconds: float
    backups_erased: int = 0
    backups_left: int = 0


@dataclass(frozen=True)
class ErasureRequest:
    """An erasure waiting for a second supervisor's approval.

    Attributes:
        requested_by_id / requested_by: the supervisor who asked (account id, name).
        expires_at: when it lapses unless decided.
    """

    case_id: int
    reference: str
    reason: ErasureReason | None
    requested_by_id: int
    requested_by: str
    requested_at: dt.datetime
    expires_at: dt.datetime


@dataclass(frozen=True)
class ErasureStatus:
    """Where a case stands as to erasure (for the case view)."""

    erased: bool
    pending: ErasureRequest | None


class RetentionService(Service):
    """The retention period, the cases due for erasure, and erasure itself (supervisors)."""

    def retention_days(self) -> int:
        """The retention period after closing, in days (the deployment file's where it
        enforces one, or has a default and nothing is saved)."""
        with self._db.reading() as db_session:
            return retention_days(db_session)

    def set_retention_days(self, days: int) -> int:
        """Change the retention period (audited).

        Raises:
            PermissionDenied: not an administrator or a supervisor.
            ValidationError: ``days`` is outside 30 days – 100 years, or the
                organisation's deployment file enforces the period (nothing is saved or
                audited then).
        """
        self._require(Operation.SET_RETENTION)
        if isinstance(days, bool) or not isinstance(days, int):
            raise TypeError("days must be an int")
        deployed = deployment.current()
        if deployed.enforces("retention_days"):
            raise deployed.refusal(_("Retention period"))
        if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
            raise ValidationError(
                _("Retention period"),
                _("must be between {least} and {most} days").format(
                    least=count_text(MIN_RETENTION_DAYS), most=count_text(MAX_RETENTION_DAYS)),
            )
        with self._db.writing() as db_session:
            previous = retention_days(db_session)
            db_session.merge(Meta(key=RETENTION_META_KEY, value=str(days)))
            self._audit(db_session, AuditAction.UPDATE, "retention",
                        detail=f"retention_days {previous} -> {days}")
        self._changes.announce(ChangeKind.RETENTION, [])
        return days

    def upgrade_copy_days(self) -> int:
        """How many days the copies taken before a schema upgrade are kept."""
        with self._db.reading() as db_session:
            return upgrade_copy_days(db_session)

    def set_upgrade_copy_days(self, days: int) -> int:
        """Change how long the copies taken before a schema upgrade are kept (audited);
        older ones are deleted at the next automatic backup.

        Raises:
            PermissionDenied: not an administrator or a supervisor.
            ValidationError: ``days`` is outside 1–365.
        """
        self._require(Operation.SET_RETENTION)
        if isinstance(days, bool) or not isinstance(days, int):
            raise TypeError("days must be an int")
        if not 1 <= days <= 365:
            raise ValidationError(_("Copies before an upgrade"),
                                  _("must be kept between 1 and 365 days"))
        with self._db.writing() as db_session:
            previous = upgrade_copy_days(db_session)
            db_session.merge(Meta(key=UPGRADE_COPY_META_KEY, value=str(days)))
            self._audit(db_session, AuditAction.UPDATE, "retention",
                        detail=f"upgrade_copy_days {previous} -> {days}")
        self._changes.announce(ChangeKind.RETENTION, [])
        return days

    def list_erasable(self, today: dt.date | None = None) -> list[ErasableCase]:
        """Closed, not yet erased cases whose retention period has passed, oldest first.

        Args:
            today: the date to count from; default today's local date.

        Raises:
            PermissionDenied: not a supervisor.
        """
        self._require(Operation.ERASE_VICTIM)
        today = today or local_today()
        with self._db.reading() as db_session:
            days = retention_days(db_session)
            cutoff = today - dt.timedelta(days=days)
            rows = db_session.execute(
                select(Case.id, Case.reference, Case.closed_on)
                .where(
                    Case.status == CaseStatus.CLOSED.value,
                    Case.closed_on < cutoff,
                    Case.id.not_in(erased_case_ids()),
                )
                .order_by(Case.closed_on, Case.id)
            ).all()
        return [
            ErasableCase(case_id, reference, closed_on, (cutoff - closed_on).days)
            for case_id, reference, closed_on in rows
            if closed_on is not None
        ]

    def erase_victim(self, case_id: int, confirm_reference: str,
                     reason: ErasureReason | None = None, *,
                     finish: bool = True) -> ErasureReport | ErasureRequest:
        """Erase the personal data of a closed case's victim; keep anonymous statistics.

        What goes and what stays is listed in this module's docstring. Everything is one
        unit of work with its ``erase`` audit event; then the file is rewritten so the
        removed values are gone from it too (this takes seconds on a large database).
        Where the organisation asks for a second supervisor's approval
        (:meth:`erasure_needs_approval`), nothing is erased: a request is recorded and
        returned, for another supervisor to :meth:`approve_erasure`.

        Args:
            case_id: the case.
            confirm_reference: the case reference, typed by the supervisor as a
                deliberate confirmation.
            reason: why (kept in the audit as a code; no free text, which could hold
                personal data).
            finish: rewrite the file and erase from the backups beside it now; False in
                a run of erasures, which ends with :meth:`finish_erasures`.

        Raises:
            PermissionDenied: not a supervisor.
            NotFound: no such case.
            ValidationError: the reference does not match, the case is not closed, it
                was erased already, or its erasure already waits for approval. Nothing is
                changed then.
        """
        started = time.perf_counter()
        self._require(Operation.ERASE_VICTIM)
        request: ErasureRequest | None = None
        with self._db.writing() as db_session:
            case = self._erasable(db_session, case_id, confirm_reference)
            if _needs_approval(db_session):
                request = self._ask(db_session, case, reason)
            else:
                reference = case.reference
                counts, past, line = self._erase_now(db_session, case, reason)
        if request is not None:
            self._changes.announce(ChangeKind.RETENTION, [case_id], [case_id])
            return request
        return self._after_erasure(case_id, reference, counts, past, started, line, finish)

    # -- a second supervisor's approval -------------------------------------------------

    def erasure_needs_approval(self) -> bool:
        """Whether an erasure waits for a second supervisor (anyone signed in may ask)."""
        with self._db.reading() as db_session:
            return _needs_approval(db_session)

    def set_erasure_needs_approval(self, on: bool) -> bool:
        """Turn the second supervisor's approval of erasures on or off (audited).

        Raises:
            PermissionDenied: not a supervisor (an administrator cannot: it is a check
                on supervisors' own work).
        """
        if not allows(self._actor.role, Operation.ERASE_VICTIM):
            raise PermissionDenied(_("Only a supervisor can change whether an erasure "
                                     "needs a second supervisor's approval."))
        with self._db.writing() as db_session:
            self._still_a_supervisor(db_session)
            previous = _needs_approval(db_session)
            new = "on" if on else "off"
            db_session.merge(OrganisationSetting(key=APPROVAL_SETTING, value=new))
            if previous != on:
                self._audit(db_session, AuditAction.UPDATE, APPROVAL_SETTING,
                            detail=f"{'on' if previous else 'off'} -> {new}")
        if previous != on:
            self._changes.announce(ChangeKind.RETENTION, [])
        return on

    def erasure_status(self, case_id: int) -> ErasureStatus:
        """Whether the case was erased, and its pending erasure request (supervisors).

        Raises:
            PermissionDenied: not a supervisor.
        """
        self._require(Operation.ERASE_VICTIM)
        with self._db.reading() as db_session:
            erased = db_session.scalar(
                erased_case_ids().where(Case.id == case_id).limit(1)) is not None
            pending = None if erased else self._request(db_session, case_id)
        return ErasureStatus(erased, pending)

    def pending_erasures(self) -> list[ErasureRequest]:
        """Every erasure request waiting for approval, oldest first (supervisors).

        Raises:
            PermissionDenied: not a supervisor.
        """
        self._require(Operation.ERASE_VICTIM)
        with self._db.reading() as db_session:
            keys = db_session.scalars(select(Meta.key).where(
                Meta.key.startswith(REQUEST_KEY_PREFIX, autoescape=True))).all()
            found = [self._request(db_session, int(key.removeprefix(REQUEST_KEY_PREFIX)))
                     for key in keys if key.removeprefix(REQUEST_KEY_PREFIX).isdigit()]
        return sorted((r for r in found if r is not None), key=lambda r: r.requested_at)

    def approve_erasure(self, case_id: int) -> ErasureReport:
        """A supervisor other than the requester approves, and so makes, the erasure.

        The request is claimed in the same unit of work that erases, so two approvals
        at once erase once; the audit event names both accounts.

        Raises:
            PermissionDenied: not a supervisor, or the requester themselves.
            NotFound: no pending request for the case (decided already, or lapsed).
            ValidationError: the case can no longer be erased (reopened, erased).
        """
        started = time.perf_counter()
        self._require(Operation.ERASE_VICTIM)
        with self._db.writing() as db_session:
            request, seq = self._claim(db_session, case_id)
            case = self._erasable(db_session, case_id)
            reference = case.reference
            counts, past, line = self._erase_now(
                db_session, case, request.reason,
                approval=f" requested_by={request.requested_by_id} "
                         f"approved_by={self._actor.user_id}")
            self._audit(db_session, AuditAction.ERASE, REQUEST_ENTITY, entity_id=seq,
                        case_id=case_id,
                        detail=f"approved: requested_by={request.requested_by_id} "
                               f"approved_by={self._actor.user_id}")
        return self._after_erasure(case_id, reference, counts, past, started, line)

    def decline_erasure(self, case_id: int) -> None:
        """A supervisor other than the requester declines: nothing is erased; audited with
        both account ids.

        Raises:
            PermissionDenied: not a supervisor, or the requester themselves.
            NotFound: no pending request for the case.
        """
        self._require(Operation.ERASE_VICTIM)
        with self._db.writing() as db_session:
            request, seq = self._claim(db_session, case_id)
            self._audit(db_session, AuditAction.ERASE, REQUEST_ENTITY, entity_id=seq,
                        case_id=case_id,
                        detail=f"declined: requested_by={request.requested_by_id} "
                               f"declined_by={self._actor.user_id}")
        self._changes.announce(ChangeKind.RETENTION, [case_id], [case_id])

    # -- the steps ------------------------------------------------------------------------

    def _erasable(self, db_session: Session, case_id: int,
                  confirm_reference: str | None = None) -> Case:
        """The case, if it may be erased: it exists, the reference typed to confirm is its
        own, it is closed, and it was not erased."""
        case = db_session.get(Case, case_id)
        if case is None:
            raise NotFound(_("That case does not exist."))
        if confirm_reference is not None and confirm_reference.strip() != case.reference:
            raise ValidationError(
                _("Confirmation"), _("type the case reference exactly to confirm the erasure"))
        if case.status != CaseStatus.CLOSED.value:
            raise ValidationError(
                _("Case"), _("only a closed case can be erased; close it first"))
        if db_session.scalar(erased_case_ids().where(Case.id == case_id)
                             .limit(1)) is not None:
            raise ValidationError(_("Case"), _("this case was erased already"))
        return case

    def _erase_now(self, db_session: Session, case: Case, reason: ErasureReason | None,
                   approval: str = "") -> tuple[dict[str, int], bool, ErasureEntry]:
        """Erase the case's victim in this unit of work, with its ``erase`` audit event
        and its signed ledger line: the one place an erasure happens. Returns the counts,
        whether the retention period had passed, and the line."""
        case_id, victim_id = case.id, case.victim_id
        cutoff = local_today() - dt.timedelta(days=retention_days(db_session))
        past = case.closed_on is not None and case.closed_on < cutoff
        # The ledger line, signed by this supervisor, kept in this unit of work (copied
        # to the key file and this workstation once committed): a restore of an older
        # backup, or a copy put back by hand, erases the case again.
        line = signed_line(self._db, _database_id(db_session), case_id, case.created_at,
                           self._actor.user_id, local_today())
        counts = erase_case_rows(db_session, case_id, victim_id)
        store_line(db_session, line)
        db_session.execute(delete(Meta).where(Meta.key == _request_key(case_id)))
        self._audit(
            db_session, AuditAction.ERASE, "victim", entity_id=victim_id, case_id=case_id,
            detail=(f"reason={reason.value if reason else 'unspecified'} "
                    + "retention=" + ("due" if past else "early") + " "
                    + " ".join(f"{name}={count}" for name, count in counts.items())
                    + approval),
        )
        return counts, past, line

    def finish_erasures(self) -> tuple[bool, CopiesReport]:
        """After a run of erasures made with ``finish=False``: rewrite the file (on a
        server: vacuum) once, and erase from the backups in ``backups/`` beside the
        database (``models.storage.maintenance.erase_in_copies``).

        Returns:
            Whether the rewrite also emptied the write-ahead log, and what became of the
            backups.

        Raises:
            PermissionDenied: not a supervisor.
        """
        self._require(Operation.ERASE_VICTIM)
        return compact(self._db), erase_in_copies(self._db, self._actor.user_id)

    def _after_erasure(self, case_id: int, reference: str, counts: dict[str, int],
                       past: bool, started: float, line: ErasureEntry,
                       finish: bool = True) -> ErasureReport:
        """Committed: the ledger line to the key file and this workstation; unless in a
        run, the file rewritten (or vacuumed) and the backups beside it; announce, report."""
        copy_lines(self._db, [line])
        compacted, copies = (self.finish_erasures() if finish
                             else (False, CopiesReport((), ())))
        self._changes.announce(ChangeKind.CASE, [case_id], [case_id])
        seconds = time.perf_counter() - started
        log.info("erased one victim's personal data in %.1f s", seconds)
        return ErasureReport(
            case_id=case_id,
            reference=reference,
            attachments_deleted=counts["attachments"],
            identity_codes_deleted=counts["identity_codes"],
            extortion_contacts_cleared=counts["contacts"],
            police_reports_cleared=counts["reports"],
            support_sessions_cleared=counts["sessions"],
            follow_ups_cleared=counts["follow_ups"],
            protective_actions_cleared=counts["actions"],
            access_grants_cleared=counts["grants"],
            past_retention=past,
            compacted=compacted,
            seconds=seconds,
            backups_erased=len(copies.erased),
            backups_left=len(copies.unreachable),
        )

    def _ask(self, db_session: Session, case: Case,
             reason: ErasureReason | None) -> ErasureRequest:
        """Record a request for a second supervisor (the erasure waits)."""
        self._still_a_supervisor(db_session)
        if self._request(db_session, case.id) is not None:
            raise ValidationError(_("Case"), _(
                "its erasure already waits for a second supervisor's approval"))
        event = self._db.audit.record(
            db_session, user_id=self._actor.user_id, action=AuditAction.ERASE,
            entity=REQUEST_ENTITY, case_id=case.id,
            detail=f"requested: reason={reason.value if reason else 'unspecified'}")
        db_session.merge(Meta(key=_request_key(case.id), value=str(event.seq)))
        db_session.flush()
        request = self._request(db_session, case.id, lapsed_too=True)
        assert request is not None
        return request

    def _request(self, db_session: Session, case_id: int,
                 *, lapsed_too: bool = False) -> ErasureRequest | None:
        """The case's pending request as its signed audit event says, or None (none, not
        verifiable, decided already, or lapsed unless ``lapsed_too``)."""
        found = self._request_event(db_session, case_id)
        if found is None:
            return None
        event, reference, name = found
        expires = event.occurred_at + REQUEST_LIFETIME
        if expires <= utcnow() and not lapsed_too:
            return None
        code = event.detail.removeprefix("requested: reason=")
        return ErasureRequest(
            case_id=case_id, reference=reference,
            reason=ErasureReason(code) if code in set(ErasureReason) else None,
            requested_by_id=event.user_id or 0, requested_by=name,
            requested_at=event.occurred_at, expires_at=expires)

    def _request_event(self, db_session: Session, case_id: int
                       ) -> tuple[AuditEvent, str, str] | None:
        value = db_session.scalar(select(Meta.value).where(Meta.key == _request_key(case_id)))
        if value is None:
            return None
        event = db_session.scalar(select(AuditEvent).where(AuditEvent.seq == int(value))) \
            if value.isdigit() else None
        if (event is None or event.action != AuditAction.ERASE.value
                or event.entity != REQUEST_ENTITY or event.case_id != case_id
                or not event.detail.startswith("requested:") or event.user_id is None):
            log.warning("an erasure request row does not match its audit event; ignored")
            return None
        trust = load_trust(db_session)
        if trust.established and event.seq >= trust.signed_from and trust.event_problem(event):
            log.warning("an erasure request's audit event does not verify; ignored")
            return None
        decided = db_session.scalar(select(AuditEvent.id).where(
            AuditEvent.action == AuditAction.ERASE.value,
            AuditEvent.entity == REQUEST_ENTITY, AuditEvent.entity_id == event.seq).limit(1))
        if decided is not None:
            log.warning("an erasure request row names a request decided already; ignored")
            return None
        reference = db_session.scalar(select(Case.reference).where(Case.id == case_id)) or ""
        name = db_session.scalar(select(User.display_name).where(User.id == event.user_id))
        return event, reference, name or ""

    def _claim(self, db_session: Session, case_id: int) -> tuple[ErasureRequest, int]:
        """Take the case's pending request for the signed-in supervisor to decide (its row
        goes in this unit of work). Returns it and its audit event's number."""
        self._still_a_supervisor(db_session)
        request = self._request(db_session, case_id, lapsed_too=True)
        if request is None:
            raise NotFound(_("No erasure of this case waits for approval."))
        if request.expires_at <= utcnow():
            raise NotFound(ngettext(
                "That erasure request waited more than {n} day and has lapsed; ask again "
                "if it is still needed.",
                "That erasure request waited more than {n} days and has lapsed; ask again "
                "if it is still needed.", REQUEST_LIFETIME.days).format(
                    n=REQUEST_LIFETIME.days))
        if request.requested_by_id == self._actor.user_id:
            raise PermissionDenied(_("Another supervisor must approve or decline an erasure "
                                     "you asked for."))
        row = db_session.get(Meta, _request_key(case_id))
        assert row is not None
        seq = int(row.value)
        db_session.delete(row)
        db_session.flush()
        return request, seq

    def _still_a_supervisor(self, db_session: Session) -> None:
        """The signed-in account is a supervisor as the database has it now (one demoted
        since signing in is refused)."""
        me = db_session.get(User, self._actor.user_id)
        if me is None or not me.is_active or me.role != Role.SUPERVISOR.value:
            raise PermissionDenied(_("Only a supervisor can erase a victim's data."))


def _database_id(db_session: Session) -> str:
    return db_session.scalar(select(Meta.value).where(Meta.key == "database_id")) or ""


def _request_key(case_id: int) -> str:
    return f"{REQUEST_KEY_PREFIX}{case_id}"


def _needs_approval(db_session: Session) -> bool:
    """The setting, fail-closed: on if its row says so or its last audited change did."""
    row = db_session.get(OrganisationSetting, APPROVAL_SETTING)
    last = db_session.scalar(
        select(AuditEvent.detail).where(AuditEvent.action == AuditAction.UPDATE.value,
                                        AuditEvent.entity == APPROVAL_SETTING)
        .order_by(AuditEvent.seq.desc()).limit(1))
    return (row is not None and row.value == "on") or (last or "").endswith("-> on")
