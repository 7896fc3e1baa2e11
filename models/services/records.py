"""Use cases for the records inside a case: extortion contacts, police reports, support
sessions, protective actions, follow-ups and evidence attachments.

Every change is one unit of work with its audit event; every edit quotes the version it
was made on, so a stale edit is refused instead of overwriting someone else's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.domain.base import local_today, utcnow
from models.domain.changes import ChangeKind
from models.domain.dto import (
    AttachmentInfo,
    ExtortionContactData,
    ExtortionContactDraft,
    FollowUpCounts,
    FollowUpData,
    FollowUpDraft,
    FollowUpRow,
    ListPage,
    ListWindow,
    PoliceReportData,
    PoliceReportDraft,
    ProtectiveActionData,
    ProtectiveActionDraft,
    SupportSessionData,
    SupportSessionDraft,
    build,
)
from models.domain.entities import (
    MAX_ATTACHMENT_BYTES,
    Attachment,
    Case,
    ExtortionContact,
    FollowUp,
    PoliceReport,
    ProtectiveAction,
    ProtectiveActionType,
    SupportSession,
    User,
    Victim,
)
from models.domain.enums import AuditAction
from models.domain.errors import NotFound, ValidationError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.domain.validation import validate_text
from models.security.permissions import Operation
from models.services import normalise, windows
from models.services._base import Service
from models.services.cases import check_version

E = TypeVar("E")
D = TypeVar("D")


class RecordService(Service):
    """Add, edit and remove the records of a case."""

    # -- generic machinery ------------------------------------------------------------

    def _add(
        self, case_id: int, entity_cls: type[Any], values: dict[str, Any], kind: ChangeKind,
        to_data: Callable[[Any], D], operation: Operation,
    ) -> D:
        self._require(operation)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, operation)
            row = entity_cls(case_id=case_id, **values)
            db_session.add(row)
            db_session.flush()
            self._audit(db_session, AuditAction.CREATE, kind, row.id, case_id)
            result = to_data(row)
        self._changes.announce(kind, [row.id], [case_id])
        return result

    def _update(
        self, entity_cls: type[Any], record_id: int, version: int, values: dict[str, Any],
        kind: ChangeKind, to_data: Callable[[Any], D], operation: Operation,
    ) -> D:
        self._require(operation)
        with self._db.writing() as db_session:
            row = self._get(db_session, entity_cls, record_id)
            self._require_case(db_session, row.case_id, operation)
            check_version(row, version)
            for name, value in values.items():
                setattr(row, name, value)
            db_session.flush()
            self._audit(db_session, AuditAction.UPDATE, kind, row.id, row.case_id)
            result = to_data(row)
            case_id = row.case_id
        self._changes.announce(kind, [record_id], [case_id])
        return result

    def _delete(
        self, entity_cls: type[Any], record_id: int, kind: ChangeKind, operation: Operation,
    ) -> None:
        self._require(operation)
        with self._db.writing() as db_session:
            row = self._get(db_session, entity_cls, record_id)
            case_id = row.case_id
            self._require_case(db_session, case_id, operation)
            db_session.delete(row)
            self._audit(db_session, AuditAction.DELETE, kind, record_id, case_id)
        self._changes.announce(kind, [record_id], [case_id])

    def _get(self, db_session: Session, entity_cls: type[E], record_id: int) -> E:
        row = db_session.get(entity_cls, record_id)
        if row is None:
            raise NotFound(_("That record no longer exists; it may have been removed."))
        return row

    # -- extortion contacts -----------------------------------------------------------

    def add_extortion_contact(
        self, case_id: int, draft: ExtortionContactDraft
    ) -> ExtortionContactData:
        values = normalise.extortion_contact_columns(draft)
        return self._add(case_id, ExtortionContact, values, ChangeKind.EXTORTION_CONTACT,
                         lambda r: build(ExtortionContactData, r), Operation.EDIT_EXTORTION)

    def update_extortion_contact(
        self, contact_id: int, version: int, draft: ExtortionContactDraft
    ) -> ExtortionContactData:
        values = normalise.extortion_contact_columns(draft)
        return self._update(ExtortionContact, contact_id, version, values,
                            ChangeKind.EXTORTION_CONTACT,
                            lambda r: build(ExtortionContactData, r), Operation.EDIT_EXTORTION)

    def delete_extortion_contact(self, contact_id: int) -> None:
        self._delete(ExtortionContact, contact_id, ChangeKind.EXTORTION_CONTACT,
                     Operation.EDIT_EXTORTION)

    # -- police reports ---------------------------------------------------------------

    def add_police_report(self, case_id: int, draft: PoliceReportDraft) -> PoliceReportData:
        values = normalise.police_report_columns(draft)
        return self._add(case_id, PoliceReport, values, ChangeKind.POLICE_REPORT,
                         lambda r: build(PoliceReportData, r), Operation.EDIT_POLICE_REPORTS)

    def update_police_report(
        self, report_id: int, version: int, draft: PoliceReportDraft
    ) -> PoliceReportData:
        values = normalise.police_report_columns(draft)
        return self._update(PoliceReport, report_id, version, values, ChangeKind.POLICE_REPORT,
                            lambda r: build(PoliceReportData, r), Operation.EDIT_POLICE_REPORTS)

    def delete_police_report(self, report_id: int) -> None:
        self._delete(PoliceReport, report_id, ChangeKind.POLICE_REPORT,
                     Operation.EDIT_POLICE_REPORTS)

    # -- support sessions -------------------------------------------------------------

    def add_support_session(
        self, case_id: int, draft: SupportSessionDraft
    ) -> SupportSessionData:
        """Record a session; a planned next follow-up becomes one of the case's follow-ups,
        assigned to the person recording the session, in the same unit of work."""
        values = normalise.support_session_columns(draft)
        plan = _planned_follow_up(draft)
        self._require(Operation.EDIT_SESSIONS)
        if plan is not None:
            self._require(Operation.EDIT_FOLLOW_UPS)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.EDIT_SESSIONS)
            row = SupportSession(case_id=case_id, counsellor_id=self._actor.user_id, **values)
            db_session.add(row)
            follow_up_ids = self._plan_follow_up(db_session, row, case_id, plan)
            db_session.flush()
            self._audit(db_session, AuditAction.CREATE, "support_session", row.id, case_id)
            result = build(SupportSessionData, row)
        self._changes.announce(ChangeKind.SUPPORT_SESSION, [row.id], [case_id])
        if follow_up_ids:
            self._changes.announce(ChangeKind.FOLLOW_UP, follow_up_ids, [case_id])
        return result

    def update_support_session(
        self, session_id: int, version: int, draft: SupportSessionDraft
    ) -> SupportSessionData:
        """Change a session and the follow-up planned at it: a new date moves that follow-up
        (or plans a new one if it is done already); no date removes it unless it is done."""
        values = normalise.support_session_columns(draft)
        plan = _planned_follow_up(draft)
        self._require(Operation.EDIT_SESSIONS)
        with self._db.writing() as db_session:
            row = self._get(db_session, SupportSession, session_id)
            case_id = row.case_id
            self._require_case(db_session, case_id, Operation.EDIT_SESSIONS)
            check_version(row, version)
            for name, value in values.items():
                setattr(row, name, value)
            follow_up_ids = self._plan_follow_up(db_session, row, case_id, plan)
            db_session.flush()
            self._audit(db_session, AuditAction.UPDATE, "support_session", row.id, case_id)
            result = build(SupportSessionData, row)
        self._changes.announce(ChangeKind.SUPPORT_SESSION, [session_id], [case_id])
        if follow_up_ids:
            self._changes.announce(ChangeKind.FOLLOW_UP, follow_up_ids, [case_id])
        return result

    def _plan_follow_up(
        self, db_session: Session, row: SupportSession, case_id: int,
        plan: tuple[dt.date, str] | None,
    ) -> list[int]:
        """Make the session's planned follow-up match ``plan``; returns the ids touched.

        One follow-up, not two: the session points at a row of ``follow_up``, which the
        case's follow-ups and the "due" lists show like any other. A follow-up already done
        stays as it is (it is history); a new date then plans a new one.
        """
        current = row.follow_up
        if current is not None and current.done:
            current = None if plan is None or plan[0] != current.due_on else current
            if current is None:
                row.follow_up = None
        if plan is None and current is None:
            return []
        self._require_case(db_session, case_id, Operation.EDIT_FOLLOW_UPS)
        if plan is None:
            assert current is not None
            row.follow_up = None
            db_session.flush()
            db_session.delete(current)
            db_session.flush()
            self._audit(db_session, AuditAction.DELETE, "follow_up", current.id, case_id)
            return [current.id]
        due_on, task = plan
        if current is None:
            created = FollowUp(case_id=case_id, due_on=due_on, description=task,
                               assignee_id=self._actor.user_id, done=False)
            db_session.add(created)
            db_session.flush()
            row.follow_up = created
            self._audit(db_session, AuditAction.CREATE, "follow_up", created.id, case_id)
            return [created.id]
        if current.done or (current.due_on == due_on and current.description == task):
            return []
        current.due_on, current.description = due_on, task
        db_session.flush()
        self._audit(db_session, AuditAction.UPDATE, "follow_up", current.id, case_id)
        return [current.id]

    # -- protective actions -------------------------------------------------------------

    def protective_action_types(self) -> list[tuple[str, str, str]]:
        """The checklist catalogue: (code, title, guidance) in checklist order."""
        with self._db.reading() as db_session:
            return [
                # Stored in English (migration 0001), shown in the language in use.
                (t.code, _(t.title), _(t.guidance) if t.guidance else "")
                for t in db_session.scalars(
                    select(ProtectiveActionType).order_by(ProtectiveActionType.sort_order)
                )
            ]

    def add_protective_action(
        self, case_id: int, draft: ProtectiveActionDraft
    ) -> ProtectiveActionData:
        values = self._action_values(draft)
        return self._add(case_id, ProtectiveAction, values, ChangeKind.PROTECTIVE_ACTION,
                         self._action_data, Operation.EDIT_PROTECTIVE_ACTIONS)

    def update_protective_action(
        self, action_id: int, version: int, draft: ProtectiveActionDraft
    ) -> ProtectiveActionData:
        values = self._action_values(draft)
        return self._update(ProtectiveAction, action_id, version, values,
                            ChangeKind.PROTECTIVE_ACTION, self._action_data,
                            Operation.EDIT_PROTECTIVE_ACTIONS)

    def delete_protective_action(self, action_id: int) -> None:
        self._delete(ProtectiveAction, action_id, ChangeKind.PROTECTIVE_ACTION,
                     Operation.EDIT_PROTECTIVE_ACTIONS)

    def _action_values(self, draft: ProtectiveActionDraft) -> dict[str, Any]:
        values = normalise.protective_action_columns(draft)
        with self._db.reading() as db_session:
            known = db_session.execute(
                select(ProtectiveActionType.validity_days).where(
                    ProtectiveActionType.code == values["type_code"]
                )
            ).first()
        if known is None:
            raise ValidationError(_("Protective action"), _("is not on the checklist"))
        validity_days = known[0]
        if values["expires_on"] is None and validity_days and values["state_on"]:
            values["expires_on"] = values["state_on"] + dt.timedelta(days=validity_days)
        if values["type_code"] != "identity_code_change" and (draft.grounds or draft.decision):
            raise ValidationError(
                _("Grounds"), _("apply only to an identity-code change application"))
        return values

    @staticmethod
    def _action_data(row: ProtectiveAction) -> ProtectiveActionData:
        return build(ProtectiveActionData, row, title=_(row.type.title) if row.type else "")

    # -- follow-ups ---------------------------------------------------------------------

    def add_follow_up(self, case_id: int, draft: FollowUpDraft) -> FollowUpData:
        values = normalise.follow_up_columns(draft)
        if values["assignee_id"] is None:
            values["assignee_id"] = self._actor.user_id
        return self._add(case_id, FollowUp, values, ChangeKind.FOLLOW_UP,
                         lambda r: build(FollowUpData, r), Operation.EDIT_FOLLOW_UPS)

    def update_follow_up(self, follow_up_id: int, version: int, draft: FollowUpDraft
                         ) -> FollowUpData:
        values = normalise.follow_up_columns(draft)
        values["done_at"] = utcnow() if values["done"] else None
        return self._update(FollowUp, follow_up_id, version, values, ChangeKind.FOLLOW_UP,
                            lambda r: build(FollowUpData, r), Operation.EDIT_FOLLOW_UPS)

    def mark_follow_up_done(self, follow_up_id: int, version: int) -> FollowUpData:
        return self._update(FollowUp, follow_up_id, version,
                            {"done": True, "done_at": utcnow()}, ChangeKind.FOLLOW_UP,
                            lambda r: build(FollowUpData, r), Operation.EDIT_FOLLOW_UPS)

    def delete_follow_up(self, follow_up_id: int) -> None:
        self._delete(FollowUp, follow_up_id, ChangeKind.FOLLOW_UP, Operation.EDIT_FOLLOW_UPS)

    #: The sorts the follow-up list offers: each a key whose last column is the row id.
    FOLLOW_UP_SORTS = ("due", "case", "victim", "description")

    def follow_ups_due(
        self, user_id: int | None = None, today: dt.date | None = None
    ) -> list[FollowUpRow]:
        """Open follow-ups due today or earlier, oldest first (the whole list: for short
        lists; the window lists a screen at a time with :meth:`follow_up_window`).

        Args:
            user_id: whose list; default the signed-in user. ``0`` means everyone's.
            today: the reference date (default: today's local date).
        """
        today = today or local_today()
        statement = self._due_statement(user_id, today)
        with self._db.reading() as db_session:
            return [_follow_up_row(row, today) for row in db_session.execute(
                statement.order_by(FollowUp.due_on, FollowUp.id))]

    def follow_up_counts(
        self, user_id: int | None = None, today: dt.date | None = None
    ) -> FollowUpCounts:
        """How many open follow-ups are due today and how many are overdue (counted by
        the database). ``user_id`` as in :meth:`follow_ups_due`."""
        today = today or local_today()
        # From the follow-ups' own index alone: every follow-up has its case and victim.
        statement = (select(func.count(), func.count().filter(FollowUp.due_on < today))
                     .where(*self._due_conditions(user_id, today)))
        with self._db.reading() as db_session:
            total, overdue = db_session.execute(statement).one()
        return FollowUpCounts(today=total - overdue, overdue=overdue)

    def follow_up_window(
        self, window: ListWindow, user_id: int | None = None, *, sort: str = "due",
        descending: bool = False, today: dt.date | None = None,
    ) -> ListPage[FollowUpRow]:
        """A screenful of the open follow-ups due today or earlier, sorted by ``sort``
        (one of :data:`FOLLOW_UP_SORTS`), the follow-up's id breaking ties.

        The window's keys are found first from an index in the sort's order, its rows
        then by id: the due date from the follow-ups' own (done, due date) index; in
        everyone's list, the text from the open follow-ups' text index, and the case and
        the victim by scanning the case reference index or the victim name index and
        probing each case's open follow-ups (:func:`windows.ordered_join`), unless so
        few are due that sorting them all reads less.

        Args:
            window: which rows (keyset or offset; see :class:`ListWindow`).
            user_id: whose list, as in :meth:`follow_ups_due`.

        Raises:
            ValueError: ``sort`` is not a sort the list offers.
        """
        key = self._follow_up_key(sort)
        today = today or local_today()
        statement = self._due_statement(user_id, today)
        with self._db.reading() as db_session:
            keys_from = self._due_keys(db_session, user_id, today, sort, window.limit)
            return windows.fetch_window(
                db_session, statement, key, descending, window,
                lambda row: _follow_up_row(row, today), keys_from=keys_from,
                bound_lead=True)

    def follow_up_position(
        self, follow_up_id: int, user_id: int | None = None, *, sort: str = "due",
        descending: bool = False, today: dt.date | None = None,
    ) -> int | None:
        """Where a follow-up stands (from 0) in the list :meth:`follow_up_window` gives
        for the same arguments, or ``None`` when it is not in that list."""
        today = today or local_today()
        with self._db.reading() as db_session:
            return windows.position(
                db_session,
                self._due_keys(db_session, user_id, today, sort, _POSITION_PAGE),
                self._follow_up_key(sort), descending, FollowUp.id == follow_up_id,
                bound_lead=True, located_from=self._due_keys_joined(user_id, today, sort))

    @classmethod
    def _follow_up_key(cls, sort: str) -> tuple[Any, ...]:
        if sort not in cls.FOLLOW_UP_SORTS:
            raise ValueError(f"unknown sort {sort!r}")
        column = {
            "due": FollowUp.due_on,
            "case": Case.reference,
            "victim": Victim.search_full_name,
            "description": func.lower(FollowUp.description),
        }[sort]
        return column, FollowUp.id

    def _due_statement(self, user_id: int | None, today: dt.date) -> windows.AnySelect:
        """The rows of the open follow-ups due by ``today`` in ``user_id``'s list,
        unsorted."""
        statement: windows.AnySelect = (
            select(FollowUp.id, FollowUp.case_id, Case.reference, Victim.first_names,
                   Victim.last_name, FollowUp.due_on, FollowUp.description)
            .join(Case, FollowUp.case_id == Case.id)
            .join(Victim, Case.victim_id == Victim.id)
            .where(*self._due_conditions(user_id, today))
        )
        return statement

    def _due_keys_joined(self, user_id: int | None, today: dt.date,
                         sort: str) -> windows.AnySelect:
        """The same follow-ups as :meth:`_due_statement` with only the joins ``sort``'s
        key needs, joined from the follow-ups (every follow-up has its case and victim,
        so the joins drop none)."""
        statement: windows.AnySelect = select(FollowUp.id).where(
            *self._due_conditions(user_id, today))
        if sort in ("case", "victim"):
            statement = statement.join(Case, FollowUp.case_id == Case.id)
        if sort == "victim":
            statement = statement.join(Victim, Case.victim_id == Victim.id)
        return statement

    def _due_keys(self, db_session: Session, user_id: int | None, today: dt.date,
                  sort: str, limit: int) -> windows.AnySelect:
        """Where a window of ``limit`` rows finds its keys: :meth:`_due_keys_joined`,
        or in everyone's list a select an index gives in ``sort``'s order."""
        joined = self._due_keys_joined(user_id, today, sort)
        if (self._actor.user_id if user_id is None else user_id) != 0 or sort == "due":
            # Someone's own list is as long as their caseload's due follow-ups: sorting
            # them reads less than scanning everyone's cases; the due date is indexed.
            return joined
        if sort == "description":
            # The open follow-ups' text index (``ix_follow_up_open_text``) holds only
            # follow-ups that are not done, so its condition is the list's own. Written
            # "IS NOT true", which the (done, due date) index cannot take as an equality,
            # so that SQLite reads the text index in order rather than sorting them.
            return select(FollowUp.id).where(FollowUp.done.is_not(True),
                                             FollowUp.due_on <= today)
        # Counted from the follow-ups alone (the joins drop none).
        due = select(FollowUp.id).where(*self._due_conditions(user_id, today))
        scanned = db_session.scalar(select(func.max(Case.id))) or 0
        if not windows.drive_by_sort_index(
                db_session, due, scanned, limit,
                scan_per_sorted=3 if sort == "victim" else windows.SCAN_PER_SORTED):
            return joined
        follow_ups = FollowUp.__table__
        if sort == "case":
            driven = windows.ordered_join(Case.__table__, follow_ups,
                                          FollowUp.case_id == Case.id)
        else:
            driven = windows.ordered_join(
                windows.ordered_join(Victim.__table__, Case.__table__,
                                     Case.victim_id == Victim.id),
                follow_ups, FollowUp.case_id == Case.id)
        return select(FollowUp.id).select_from(driven).where(
            *self._due_conditions(user_id, today))

    def _due_conditions(self, user_id: int | None, today: dt.date) -> list[Any]:
        """What makes a follow-up one of the open ones due by ``today`` in ``user_id``'s
        list; checks that the actor may see that list (someone else's: supervisors)."""
        self._require(Operation.LIST_CASES)
        who = self._actor.user_id if user_id is None else user_id
        if who != self._actor.user_id:
            self._require(Operation.REPORTS)  # someone else's list: supervisors
        conditions: list[Any] = [FollowUp.done.is_(False), FollowUp.due_on <= today]
        if who:
            conditions.append(FollowUp.assignee_id == who)
        return conditions

    # -- attachments ---------------------------------------------------------------------

    def add_attachment(
        self, case_id: int, filename: str, content: bytes, media_type: str | None = None,
        extortion_contact_id: int | None = None,
    ) -> AttachmentInfo:
        """Store an evidence file inside the encrypted database.

        Raises:
            ValidationError: the file is larger than the limit, or the name is unusable.
        """
        self._require(Operation.EDIT_ATTACHMENTS)
        if len(content) > MAX_ATTACHMENT_BYTES:
            limit_mb = MAX_ATTACHMENT_BYTES // (1024 * 1024)
            raise ValidationError(
                _("Attachment"), _("is larger than the {limit} MB limit").format(limit=limit_mb))
        filename = validate_text(filename.replace("/", "_").replace("\\", "_"),
                                 field=_("File name"), max_length=255)
        media_type = media_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        values = {
            "filename": filename,
            "media_type": media_type,
            "size_bytes": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
            "content": content,
            "extortion_contact_id": extortion_contact_id,
            "added_by_id": self._actor.user_id,
        }
        return self._add(case_id, Attachment, values, ChangeKind.ATTACHMENT,
                         lambda r: build(AttachmentInfo, r), Operation.EDIT_ATTACHMENTS)

    def attachment_content(self, attachment_id: int) -> bytes:
        """The file's bytes, checked against the stored SHA-256 (opening it is audited)."""
        # Read (up to 25 MB) outside the writers' lock; only the audit event needs it.
        with self._db.reading() as db_session:
            row = self._get(db_session, Attachment, attachment_id)
            self._require_case(db_session, row.case_id, Operation.VIEW_ATTACHMENTS)
            content, digest, case_id = row.content, row.sha256, row.case_id
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.VIEW, "attachment", attachment_id, case_id)
        if hashlib.sha256(content).hexdigest() != digest:
            from models.domain.errors import DataError

            raise DataError(_("The stored file does not match its SHA-256 hash; it is damaged."))
        return content

    def delete_attachment(self, attachment_id: int) -> None:
        self._delete(Attachment, attachment_id, ChangeKind.ATTACHMENT, Operation.EDIT_ATTACHMENTS)

    def user_names(self) -> dict[int, str]:
        with self._db.reading() as db_session:
            rows = db_session.execute(select(User.id, User.display_name))
            return {uid: name for uid, name in rows}


#: The description of a follow-up planned at a session when the counsellor gave none. It is
#: stored as the follow-up's text in the language of the counsellor who planned it, as if
#: they had typed it (stored text is never translated later).
DEFAULT_FOLLOW_UP_TASK = N_("Follow-up call after the support session")


#: The window :meth:`RecordService.follow_up_position` weighs a driven count for (a page).
_POSITION_PAGE = 200


def _planned_follow_up(draft: SupportSessionDraft) -> tuple[dt.date, str] | None:
    """The follow-up a session draft plans, validated: (due date, description)."""
    if draft.next_follow_up_on is None:
        return None
    task = draft.follow_up_task.strip() or _(DEFAULT_FOLLOW_UP_TASK)
    return draft.next_follow_up_on, validate_text(task, field=_("Follow-up"), max_length=500)


def _follow_up_row(row: Any, today: dt.date) -> FollowUpRow:
    fid, cid, ref, first, last, due, text = row
    return FollowUpRow(
        follow_up_id=fid, case_id=cid, case_reference=ref, victim_name=f"{last}, {first}",
        due_on=due, description=text, overdue=due < today,
    )
