"""Retention of closed cases, and erasure of a victim's personal data.

A closed case is *due for erasure* when ``closed_on + retention_days < today``. The
retention period is stored in ``suoja_meta`` (key ``retention_days``) and defaults to
:data:`DEFAULT_RETENTION_DAYS`, five years: long enough for the general three-year
limitation period of damages claims (counted from when the harm became known), for the
criminal case and the State Treasury compensation that can only follow it, and for the
victims who come back when the case is in the news again; no longer, because the data
must not be kept longer than needed (GDPR art. 5(1)(e)). A supervisor sets the period
the organisation's data protection officer decides. Erasure is never automatic: a
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

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain.base import local_today
from models.domain.changes import ChangeKind
from models.domain.entities import (
    AuditEvent,
    Case,
    Meta,
)
from models.domain.enums import AuditAction, CaseStatus, ErasureReason
from models.domain.errors import NotFound, ValidationError
from models.domain.formatting import count_text
from models.domain.i18n import gettext as _
from models.security.permissions import Operation
from models.services._base import Service
from models.storage import server
from models.storage.database import scrub_freed_pages
from models.storage.erasure import (
    DEFAULT_RETENTION_DAYS,
    ERASED_NAME,
    ERASED_TABLES,
    RETENTION_META_KEY,
    erase_case_rows,
    erased_case_ids,
    ledger_line,
    retention_days,
)

log = logging.getLogger("suoja.retention")

MIN_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 100 * 365
__all__ = ["DEFAULT_RETENTION_DAYS", "ERASED_NAME", "ErasableCase", "ErasureReport",
           "RetentionService"]


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


class RetentionService(Service):
    """The retention period, the cases due for erasure, and erasure itself (supervisors)."""

    def retention_days(self) -> int:
        """The retention period after closing, in days."""
        with self._db.reading() as db_session:
            return _retention_days(db_session)

    def set_retention_days(self, days: int) -> int:
        """Change the retention period (audited).

        Raises:
            PermissionDenied: not a supervisor.
            ValidationError: ``days`` is outside 30 days – 100 years.
        """
        self._require(Operation.ERASE_VICTIM)
        if isinstance(days, bool) or not isinstance(days, int):
            raise TypeError("days must be an int")
        if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
            raise ValidationError(
                _("Retention period"),
                _("must be between {least} and {most} days").format(
                    least=count_text(MIN_RETENTION_DAYS), most=count_text(MAX_RETENTION_DAYS)),
            )
        with self._db.writing() as db_session:
            previous = _retention_days(db_session)
            db_session.merge(Meta(key=RETENTION_META_KEY, value=str(days)))
            self._audit(db_session, AuditAction.UPDATE, "retention",
                        detail=f"retention_days {previous} -> {days}")
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
            days = _retention_days(db_session)
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
                     reason: ErasureReason | None = None) -> ErasureReport:
        """Erase the personal data of a closed case's victim; keep anonymous statistics.

        What goes and what stays is listed in this module's docstring. Everything is one
        unit of work with its ``erase`` audit event; then the file is rewritten so the
        removed values are gone from it too (this takes seconds on a large database).

        Args:
            case_id: the case.
            confirm_reference: the case reference, typed by the supervisor as a
                deliberate confirmation.
            reason: why (kept in the audit as a code; no free text, which could hold
                personal data).

        Raises:
            PermissionDenied: not a supervisor.
            NotFound: no such case.
            ValidationError: the reference does not match, the case is not closed, or
                it was erased already. Nothing is changed then.
        """
        started = time.perf_counter()
        self._require(Operation.ERASE_VICTIM)
        with ledger_line(self._db, case_id) as ledger, self._db.writing() as db_session:
            case = db_session.get(Case, case_id)
            if case is None:
                raise NotFound(_("That case does not exist."))
            if confirm_reference.strip() != case.reference:
                raise ValidationError(
                    _("Confirmation"), _("type the case reference exactly to confirm the erasure")
                )
            if case.status != CaseStatus.CLOSED.value:
                raise ValidationError(
                    _("Case"), _("only a closed case can be erased; close it first"))
            if db_session.scalar(erased_case_ids().where(AuditEvent.case_id == case_id)
                                 .limit(1)) is not None:
                raise ValidationError(_("Case"), _("this case was erased already"))
            reference, victim_id = case.reference, case.victim_id
            cutoff = local_today() - dt.timedelta(days=_retention_days(db_session))
            past = case.closed_on is not None and case.closed_on < cutoff
            counts = erase_case_rows(db_session, case_id, victim_id)
            # The key file's ledger, in this unit of work (a restore of an older backup
            # erases the case again: models.storage.erasure).
            ledger.write(db_session, local_today())
            self._audit(
                db_session, AuditAction.ERASE, "victim", entity_id=victim_id, case_id=case_id,
                detail=(f"reason={reason.value if reason else 'unspecified'} "
                        + "retention=" + ("due" if past else "early") + " "
                        + " ".join(f"{name}={count}" for name, count in counts.items())),
            )
        if self._db.on_server:
            compacted = server.vacuum(self._db.engine, ERASED_TABLES)
        else:
            compacted = scrub_freed_pages(self._db.engine)
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
        )


def _retention_days(db_session: Session) -> int:
    return retention_days(db_session)
