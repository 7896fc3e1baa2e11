"""The access copy: everything recorded about one case's victim (GDPR Articles 15 and 20).

A supervisor makes it for the person, on their request: every field Suoja holds about
them and their case, in clear (the identity code unmasked, session notes and extortion
messages opened with the care and case keys, the evidence files themselves), and who
read or changed the case. Staff members appear by their role, never by name. What the
organisation decides to keep back (e.g. a third party's data) is not silently left out:
the supervisor notes it, with the reason, in the copy's ``withheld`` list.

The copy is one folder: ``subject.json`` (the data, schema ``suoja-subject-access/1``,
docs/SUBJECT_ACCESS.md and docs/subject-access.schema.json), a PDF of the same data in
the person's language (:mod:`models.pdf.subject_access`) and ``attachments/`` with the
evidence files. The JSON document is built here once; the PDF is drawn from it, so the
two cannot differ. Values in the JSON: times ISO 8601 in UTC (``…Z``), dates ISO, money
as decimal strings, stored codes for enumerated values (the PDF prints their words).

Making a copy is audited (``export``, entity ``subject``, the case id, counts only) and
so is the unmasked identity code in it (``reveal``), in the same unit of work that reads
the data. Supervisors only (``Operation.EXPORT_SUBJECT``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.domain import i18n
from models.domain.base import utcnow
from models.domain.entities import (
    AccessGrant,
    Attachment,
    AuditEvent,
    Breach,
    Case,
    ExtortionContact,
    FollowUp,
    IdentityCodeRecord,
    PoliceReport,
    ProtectiveAction,
    SupportSession,
    User,
    Victim,
    VictimCorrection,
)
from models.domain.enums import AuditAction, Language
from models.domain.errors import NotFound, UsageError
from models.domain.i18n import gettext as _
from models.domain.private_files import new_folders, write_private
from models.pdf.data import ExportStamp
from models.pdf.subject_access import (
    ATTACHMENT_FOLDER,
    JSON_NAME,
    SCHEMA,
    pdf_name,
    render_subject_access,
)
from models.security.permissions import Operation
from models.services._base import Service
from models.services.organisation import OrganisationService

#: Decimal places of each currency's amounts in the JSON (others: two).
_PLACES = {"BTC": 8}
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Withheld:
    """Something kept out of the copy, and why (the supervisor's words)."""

    what: str
    why: str


@dataclass(frozen=True)
class SubjectAccessCopy:
    """One access copy in memory.

    Attributes:
        document: ``subject.json`` as plain JSON values.
        files: the evidence files, by their path inside the copy's folder.
        language: the language the PDF is written in.
    """

    reference: str
    document: dict[str, Any]
    files: tuple[tuple[str, bytes], ...]
    language: Language


@dataclass(frozen=True)
class SubjectAccessResult:
    """What :meth:`SubjectAccessService.export` wrote: the folder, the PDF, the JSON file
    and how many evidence files."""

    folder: Path
    pdf: Path
    json: Path
    attachments: int


def utc_text(value: dt.datetime | None) -> str | None:
    """A stored moment as ISO 8601 in UTC: ``2020-10-24T09:30:00Z``."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def date_iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def money(amount: Decimal | None, currency: str) -> str | None:
    """An amount as a decimal string with its currency's places: ``"1500.00"``,
    ``"0.05000000"`` (bitcoin)."""
    if amount is None:
        return None
    places = _PLACES.get(currency, 2)
    return f"{Decimal(amount):.{places}f}"


def file_name(attachment_id: int, filename: str) -> str:
    """The evidence file's name in the copy: its id, then its own name made safe (no
    folders, no leading dot), so names never collide or leave ``attachments/``."""
    safe = _UNSAFE_NAME.sub("_", os.path.basename(filename.replace("\\", "/"))).lstrip(".")
    return f"{attachment_id}-{safe[:120] or 'file'}"


class SubjectAccessService(Service):
    """The victim's access copy (supervisors)."""

    def find_case(self, reference: str) -> int:
        """The id of the case with this reference.

        Raises:
            PermissionDenied: the role is not a supervisor's.
            NotFound: no case has that reference.
        """
        self._require(Operation.EXPORT_SUBJECT)
        with self._db.reading() as db_session:
            case_id = db_session.scalar(
                select(Case.id).where(Case.reference == reference.strip().upper()))
        if case_id is None:
            raise NotFound(_("No case has that reference."))
        return case_id

    def gather(self, case_id: int, withheld: Sequence[Withheld] = (),
               language: Language | None = None) -> SubjectAccessCopy:
        """Everything recorded about the case's victim, and write the export to the audit.

        One unit of work reads the person, their identity-code history and breaches, the
        case and every record in it (messages and notes opened), the evidence files,
        break-the-glass grants and the case's audit events, then records a ``reveal``
        event (the full identity code is in the copy) and the ``export`` event (entity
        ``subject``, counts only).

        Args:
            withheld: what the copy leaves out and why, noted in it.
            language: the PDF's language (default: the person's own).

        Raises:
            PermissionDenied: the role is not a supervisor's.
            NotFound: there is no such case.
        """
        self._require(Operation.EXPORT_SUBJECT)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, Operation.EXPORT_SUBJECT)
            case_row = db_session.scalar(
                select(Case).where(Case.id == case_id).options(
                    selectinload(Case.victim).selectinload(Victim.breaches),
                    selectinload(Case.victim).selectinload(Victim.identity_codes)))
            if case_row is None:
                raise NotFound(_("That case does not exist."))
            roles: dict[int | None, str] = {
                user_id: role for user_id, role in db_session.execute(
                    select(User.id, User.role))}
            document, files = _document(db_session, case_row, roles, withheld)
            chosen = Language(language or case_row.victim.language)
            document["language"] = chosen.value
            self._audit(db_session, AuditAction.REVEAL, "identity_code", case_row.victim_id,
                        case_id, detail="export profile=subject")
            self._audit(db_session, AuditAction.EXPORT, "subject", case_row.victim_id,
                        case_id, detail=_counts(document))
        return SubjectAccessCopy(reference=case_row.reference, document=document,
                                 files=tuple(files), language=chosen)

    def export(self, case_id: int, folder: Path, withheld: Sequence[Withheld] = (),
               language: Language | None = None) -> SubjectAccessResult:
        """Write the access copy into ``folder``: the PDF, ``subject.json`` and
        ``attachments/`` (every file and folder owner-only).

        The folder must be new or empty; it is checked before anything is read, and
        the copy is made whole in memory before the first file is written.

        Raises:
            UsageError: ``folder`` is a file, a link or a folder that holds something.
            PermissionDenied, NotFound: as :meth:`gather`.
        """
        self._require(Operation.EXPORT_SUBJECT)
        check_folder(folder)
        copy = self.gather(case_id, withheld, language)
        stamp = ExportStamp(
            exported_by=self._actor.display_name, exported_at=utcnow(),
            classification=OrganisationService(
                self._db, self._actor, self._changes).settings().classification_line)
        with i18n.speaking(copy.language):
            pdf = render_subject_access(copy.document, stamp)
            pdf_path = folder / pdf_name(copy.reference)
        check_folder(folder)
        new_folders(folder)
        if copy.files:
            new_folders(folder / ATTACHMENT_FOLDER)
        for relative, content in copy.files:
            write_private(folder / relative, content)
        json_path = folder / JSON_NAME
        write_private(json_path, (json.dumps(copy.document, ensure_ascii=False, indent=2)
                                  + "\n").encode("utf-8"))
        write_private(pdf_path, pdf)
        return SubjectAccessResult(folder=folder, pdf=pdf_path, json=json_path,
                                   attachments=len(copy.files))


def check_folder(folder: Path) -> None:
    """Refuse a folder that holds something, a link, or a file in its place.

    Raises:
        UsageError: one sentence; nothing is written.
    """
    if not os.path.lexists(folder):
        return
    if folder.is_symlink() or not folder.is_dir() or any(folder.iterdir()):
        raise UsageError(_("The folder for the copy must be new or empty; nothing was "
                           "written."))


def _counts(document: dict[str, Any]) -> str:
    """The export's audit detail: how many of each kind of record, nothing else."""
    kinds = ("identity_code_history", "corrections", "breaches", "extortion_contacts",
             "police_reports",
             "support_sessions", "follow_ups", "protective_actions", "attachments",
             "access_grants", "access_log", "withheld")
    return " ".join(f"{kind}={len(document[kind])}" for kind in kinds)


def _stamps(row: Any) -> dict[str, str | None]:
    return {"recorded_at": utc_text(row.created_at), "updated_at": utc_text(row.updated_at)}


def _document(db_session: Session, case_row: Case, roles: dict[int | None, str],
              withheld: Sequence[Withheld]) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
    """The JSON document of one case's victim, and its evidence files."""
    victim = case_row.victim
    case_id = case_row.id

    def rows(entity: Any, *order: Any) -> Sequence[Any]:
        return db_session.scalars(
            select(entity).where(entity.case_id == case_id).order_by(*order)).all()

    contacts: Sequence[ExtortionContact] = rows(
        ExtortionContact, ExtortionContact.received_at, ExtortionContact.id)
    reports: Sequence[PoliceReport] = rows(PoliceReport, PoliceReport.filed_on, PoliceReport.id)
    sessions: Sequence[SupportSession] = rows(
        SupportSession, SupportSession.started_at, SupportSession.id)
    follow_ups: Sequence[FollowUp] = rows(FollowUp, FollowUp.due_on, FollowUp.id)
    actions: Sequence[ProtectiveAction] = rows(ProtectiveAction, ProtectiveAction.id)
    attachments: Sequence[Attachment] = rows(Attachment, Attachment.added_at, Attachment.id)
    grants: Sequence[AccessGrant] = rows(AccessGrant, AccessGrant.granted_at, AccessGrant.id)
    events = db_session.execute(
        select(AuditEvent.occurred_at, AuditEvent.action, AuditEvent.entity,
               AuditEvent.user_id)
        .where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)).all()
    breaches: list[Breach] = sorted(victim.breaches, key=lambda b: b.name)
    history: list[IdentityCodeRecord] = sorted(
        victim.identity_codes, key=lambda r: (r.valid_from, r.id))
    corrections = db_session.scalars(
        select(VictimCorrection).where(VictimCorrection.victim_id == victim.id)
        .order_by(VictimCorrection.changed_at, VictimCorrection.id)).all()

    files: list[tuple[str, bytes]] = []
    attachment_items = []
    for attachment in attachments:
        relative = f"{ATTACHMENT_FOLDER}/{file_name(attachment.id, attachment.filename)}"
        files.append((relative, bytes(attachment.content)))
        attachment_items.append({
            "id": attachment.id, "file": relative, "filename": attachment.filename,
            "media_type": attachment.media_type, "size_bytes": attachment.size_bytes,
            "sha256": attachment.sha256, "added_at": utc_text(attachment.added_at),
            "added_by_role": roles.get(attachment.added_by_id),
            "extortion_contact_id": attachment.extortion_contact_id,
        })

    document: dict[str, Any] = {
        "schema": SCHEMA,
        "generated_at": utc_text(utcnow()),
        "language": victim.language,
        "person": {
            "first_names": victim.first_names, "last_name": victim.last_name,
            "identity_code": victim.identity_code, "birth_date": date_iso(victim.birth_date),
            "phone": victim.phone, "email": victim.email,
            "address": {"street_address": victim.street_address,
                        "postal_code": victim.postal_code, "city": victim.city,
                        "country": victim.country},
            "language": victim.language,
            "safe_contact": {
                "may_leave_voicemail": victim.may_leave_voicemail,
                "may_send_sms": victim.may_send_sms, "may_email": victim.may_email,
                "may_send_post": victim.may_send_post, "note": victim.safe_contact_note,
            },
            "consent": {"given": victim.consent_given,
                        "date": date_iso(victim.consent_date)},
            **_stamps(victim),
        },
        "identity_code_history": [
            {"identity_code": r.identity_code, "valid_from": utc_text(r.valid_from),
             "valid_to": utc_text(r.valid_to), "note": r.note} for r in history],
        "corrections": [
            {"field": c.field, "previous_value": c.previous_value, "new_value": c.new_value,
             "changed_at": utc_text(c.changed_at), "changed_by_role": roles.get(c.changed_by_id)}
            for c in corrections],
        "breaches": [
            {"name": b.name, "description": b.description,
             "occurred_from": date_iso(b.occurred_from), "occurred_to": date_iso(b.occurred_to),
             "revealed_on": date_iso(b.revealed_on)} for b in breaches],
        "case": {
            "reference": case_row.reference, "status": case_row.status,
            "opened_on": date_iso(case_row.opened_on), "closed_on": date_iso(case_row.closed_on),
            "closure_reason": case_row.closure_reason,
            "closure_requested_at": utc_text(case_row.closure_requested_at),
            "requested_closure_reason": case_row.requested_closure_reason,
            "risk_level": case_row.risk_level, "risk_reason": case_row.risk_reason,
            "intake_note": case_row.intake_note,
            "assigned_role": roles.get(case_row.assigned_to_id),
            **_stamps(case_row),
        },
        "extortion_contacts": [
            {"id": c.id, "received_at": utc_text(c.received_at), "channel": c.channel,
             "sender": c.sender, "message_text": c.message_text,
             "amount_demanded": money(c.amount_demanded, c.currency), "currency": c.currency,
             "wallet_address": c.wallet_address, "deadline_at": utc_text(c.deadline_at),
             "paid": c.paid, "amount_paid": money(c.amount_paid, c.currency),
             "handed_to_police": c.handed_to_police, **_stamps(c)} for c in contacts],
        "police_reports": [
            {"id": r.id, "report_number": r.report_number, "department": r.department,
             "filed_on": date_iso(r.filed_on), "state": r.state,
             "victim_has_copy": r.victim_has_copy, **_stamps(r)} for r in reports],
        "support_sessions": [
            {"id": s.id, "started_at": utc_text(s.started_at),
             "duration_minutes": s.duration_minutes, "mode": s.mode,
             "counsellor_role": roles.get(s.counsellor_id), "notes": s.notes,
             "distress_level": s.distress_level, "outcome": s.outcome,
             "referral": s.referral, "follow_up_id": s.follow_up_id, **_stamps(s)}
            for s in sessions],
        "follow_ups": [
            {"id": f.id, "due_on": date_iso(f.due_on), "description": f.description,
             "assignee_role": roles.get(f.assignee_id), "done": f.done,
             "done_at": utc_text(f.done_at), **_stamps(f)} for f in follow_ups],
        "protective_actions": [
            {"id": a.id, "type": a.type_code, "state": a.state,
             "state_on": date_iso(a.state_on), "expires_on": date_iso(a.expires_on),
             "note": a.note, "grounds": a.grounds, "evidence": a.evidence,
             "decision": a.decision, "decision_on": date_iso(a.decision_on), **_stamps(a)}
            for a in actions],
        "attachments": attachment_items,
        "access_grants": [
            {"staff_role": roles.get(g.user_id), "reason": g.reason,
             "granted_at": utc_text(g.granted_at), "expires_at": utc_text(g.expires_at)}
            for g in grants],
        "access_log": [
            {"at": utc_text(at), "action": action, "entity": entity,
             "staff_role": roles.get(user_id)} for at, action, entity, user_id in events],
        "withheld": [{"what": w.what, "why": w.why} for w in withheld],
    }
    return document, files
