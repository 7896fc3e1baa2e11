"""Exports: case summaries for the police and for care handover, batches, caseload report.

PDFs are the one way Suoja's data leaves the building, so every export is checked against
the role matrix and written to the audit log as an ``export`` event naming the case, the
profile and whether the identity code was masked — never personal data. Each profile
reads only its own sections: a police export never even loads support sessions.
Revealing the full identity code needs its own permission and writes its own ``reveal``
event.

Police exports can carry machine-readable companions (:mod:`models.pdf.police_exchange`):
every batch writes ``index.csv`` and ``index.json`` beside its PDFs, and ``with_json``
writes each police summary's JSON file. The ``export`` event of each case says so
(``index=yes``, ``json=yes``). JSON files are plaintext, so they are refused together
with a PDF password, and they exist only for the police profile.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from models.domain import i18n
from models.domain.base import local_today, utcnow
from models.domain.dto import (
    AttachmentInfo,
    ExtortionContactData,
    FollowUpData,
    OrganisationSettings,
    PoliceReportData,
    ProtectiveActionData,
    SupportSessionData,
    build,
)
from models.domain.entities import (
    AccessGrant,
    Breach,
    Case,
    PoliceReport,
    ProtectiveActionType,
    SupportSession,
    User,
    Victim,
    victim_breach,
)
from models.domain.enums import (
    PROTECTIVE_ACTION_CATALOGUE,
    ActionState,
    AuditAction,
    CaseStatus,
    Language,
    Role,
)
from models.domain.errors import NotFound, ValidationError
from models.domain.i18n import gettext as _
from models.domain.private_files import new_folders
from models.pdf.batch import BatchResult, export_batch, render_to_file, summary_file_name
from models.pdf.case_summary import render_case_summary
from models.pdf.caseload import render_caseload_report
from models.pdf.data import Advice, CaseloadReport, CaseSummary, ExportStamp, Profile
from models.pdf.layout import write_atomically
from models.pdf.police_exchange import (
    remove_index,
    write_index,
)
from models.security.passwords import check_pdf_password
from models.security.permissions import Operation, allows
from models.services import figures
from models.services._base import Service
from models.services.case_detail import case_data, victim_data
from models.services.organisation import OrganisationService

_OPERATION = {Profile.POLICE: Operation.EXPORT_POLICE, Profile.CARE: Operation.EXPORT_CARE,
              Profile.VICTIM: Operation.EXPORT_CARE}
#: What a user must be allowed to see to export each profile.
_SECTIONS = {
    Profile.POLICE: (Operation.VIEW_EXTORTION, Operation.VIEW_POLICE_REPORTS,
                     Operation.VIEW_PROTECTIVE_ACTIONS, Operation.VIEW_ATTACHMENTS),
    Profile.CARE: (Operation.VIEW_SESSIONS, Operation.VIEW_FOLLOW_UPS),
    Profile.VICTIM: (Operation.VIEW_POLICE_REPORTS, Operation.VIEW_PROTECTIVE_ACTIONS,
                     Operation.VIEW_FOLLOW_UPS),
}


@dataclass(frozen=True, kw_only=True)
class CaseSelection:
    """Which cases a batch export takes; empty fields do not filter.

    Attributes:
        statuses: only cases in one of these states.
        breach_name: only victims of this breach (its exact name).
        reports_filed_from: only cases with a police report filed on or after this day.
        reports_filed_to: ... and on or before this day.
    """

    statuses: tuple[CaseStatus, ...] = ()
    breach_name: str | None = None
    reports_filed_from: dt.date | None = None
    reports_filed_to: dt.date | None = None


def export_detail(profile: Profile, revealed: bool, *, indexed: bool = False,
                  with_json: bool = False) -> str:
    """The audit detail of one export (no personal data): the profile, whether the
    identity code was masked, and whether a batch index and a JSON file list the case."""
    detail = f"profile={Profile(profile).value} masked={'no' if revealed else 'yes'}"
    if indexed:
        detail += " index=yes"
    if with_json:
        detail += " json=yes"
    return detail


def check_companions(profile: Profile, with_json: bool, password: str | None) -> None:
    """Whether JSON companions may go with this export.

    Raises:
        ValidationError: JSON is asked for another profile than the police's, or with a
            PDF password (the JSON would be the same personal data unencrypted).
    """
    if not with_json:
        return
    if Profile(profile) is not Profile.POLICE:
        raise ValidationError(_("JSON files"), _(
            "they are written only for the police profile"))
    if password is not None:
        raise ValidationError(_("JSON files"), _(
            "they would hold the password-protected data unencrypted; export them without "
            "a PDF password, or the PDFs without JSON files"))


class ExportService(Service):
    """Case summaries, batch exports and the caseload report."""

    # -- who and when -------------------------------------------------------------------

    def stamp(self) -> ExportStamp:
        """The "exported by … on …" line for a PDF made now by the signed-in user."""
        classification = self._organisation().classification_line
        return ExportStamp(exported_by=self._actor.display_name, exported_at=utcnow(),
                           classification=classification)

    def _organisation(self) -> OrganisationSettings:
        return OrganisationService(self._db, self._actor, self._changes).settings()

    def language_of(self, summary: CaseSummary, language: Language | None = None) -> Language:
        """The language a summary is written in: ``language`` if given, else a letter's
        reader's own, else the language in use (the exporting account's)."""
        if language is not None:
            return Language(language)
        if summary.profile is Profile.VICTIM:
            return Language(summary.victim.language)
        return i18n.current()

    def may_export(self, profile: Profile) -> bool:
        """Whether the signed-in role may export this profile at all (to offer the action)."""
        return allows(self._actor.role, _OPERATION[Profile(profile)])

    # -- finding cases ------------------------------------------------------------------

    def find_case(self, reference: str) -> int:
        """The id of the case with this reference.

        Raises:
            NotFound: no case has that reference.
        """
        self._require(Operation.LIST_CASES)
        with self._db.reading() as db_session:
            case_id = db_session.scalar(
                select(Case.id).where(Case.reference == reference.strip().upper()))
        if case_id is None:
            raise NotFound(_("No case has that reference."))
        return case_id

    def select_cases(self, selection: CaseSelection = CaseSelection()  # noqa: B008
                     ) -> list[tuple[int, str]]:
        """The (id, reference) of every case the selection takes, in reference order.

        A counsellor's selection holds only the cases within their scope (their own,
        unassigned ones and break-the-glass grants).

        Raises:
            ValidationError: no breach has the given name.
        """
        self._require(Operation.LIST_CASES)
        statement = select(Case.id, Case.reference).order_by(Case.reference)
        if selection.statuses:
            statement = statement.where(
                Case.status.in_([CaseStatus(s).value for s in selection.statuses]))
        with self._db.reading() as db_session:
            if selection.breach_name is not None:
                breach_id = db_session.scalar(
                    select(Breach.id).where(Breach.name == selection.breach_name))
                if breach_id is None:
                    raise ValidationError(_("Breach"), _("no breach has that name"))
                statement = statement.where(Case.victim_id.in_(
                    select(victim_breach.c.victim_id).where(
                        victim_breach.c.breach_id == breach_id)))
            if selection.reports_filed_from or selection.reports_filed_to:
                reports = select(PoliceReport.case_id)
                if selection.reports_filed_from:
                    reports = reports.where(PoliceReport.filed_on >= selection.reports_filed_from)
                if selection.reports_filed_to:
                    reports = reports.where(PoliceReport.filed_on <= selection.reports_filed_to)
                statement = statement.where(Case.id.in_(reports))
            if self._actor.role is Role.COUNSELLOR:
                statement = statement.where(self._counsellor_scope())
            return [(cid, ref) for cid, ref in db_session.execute(statement)]

    def _counsellor_scope(self) -> Any:
        granted = select(AccessGrant.case_id).where(
            AccessGrant.user_id == self._actor.user_id, AccessGrant.expires_at > utcnow())
        return or_(Case.assigned_to_id == self._actor.user_id, Case.assigned_to_id.is_(None),
                   Case.id.in_(granted))

    # -- one case -----------------------------------------------------------------------

    def case_summary(
        self, case_id: int, profile: Profile, *, reveal_identity_code: bool = False,
        language: Language | None = None, indexed: bool = False, with_json: bool = False,
    ) -> CaseSummary:
        """Load what ``profile`` lets out of one case, and write the export to the audit log.

        One unit of work checks the export permission on this case (role and, for
        counsellors, case scope), reads only the sections of the profile — a police
        export never reads support sessions, whoever makes it — fetches the full identity
        code when asked (a ``reveal`` event) and records the ``export`` event with the
        profile and whether the code was masked (and, as ``indexed`` and ``with_json``
        say, that a batch index and a JSON file will list it).

        Raises:
            PermissionDenied: the role may not export this profile, reveal codes, or
                work on this case.
            NotFound: there is no such case.
        """
        profile = Profile(profile)
        operation = _OPERATION[profile]
        self._require(operation)
        for section in _SECTIONS[profile]:
            self._require(section)
        if reveal_identity_code and profile is Profile.VICTIM:
            raise ValidationError(_("Identity code"), _(
                "a letter to the client always shows it masked"))
        if reveal_identity_code:
            self._require(Operation.REVEAL_IDENTITY_CODE)
        with self._db.writing() as db_session:
            self._require_case(db_session, case_id, operation)
            if reveal_identity_code:
                self._require_case(db_session, case_id, Operation.REVEAL_IDENTITY_CODE)
            if profile is Profile.POLICE:
                summary = self._police_summary(db_session, case_id, reveal_identity_code)
            elif profile is Profile.VICTIM:
                summary = self._victim_letter(db_session, case_id, language)
            else:
                summary = self._care_summary(db_session, case_id, reveal_identity_code)
            if summary.identity_code_revealed:
                self._audit(db_session, AuditAction.REVEAL, "identity_code", summary.victim.id,
                            case_id, detail=f"export profile={profile.value}")
            self._audit(db_session, AuditAction.EXPORT, "case", case_id, case_id,
                        detail=export_detail(profile, summary.identity_code_revealed,
                                             indexed=indexed, with_json=with_json))
        return summary

    def _case_row(self, db_session: Session, case_id: int, *sections: Any) -> Case:
        case_row = db_session.scalar(
            select(Case).where(Case.id == case_id).options(
                selectinload(Case.victim).selectinload(Victim.breaches),
                selectinload(Case.assigned_to),
                *(selectinload(section) for section in sections),
            ))
        if case_row is None:
            raise NotFound(_("That case does not exist."))
        return case_row

    @staticmethod
    def _identity(case_row: Case, reveal: bool) -> dict[str, Any]:
        victim = victim_data(case_row.victim)
        full = case_row.victim.identity_code if reveal else None
        return {
            "case": case_data(case_row), "victim": victim,
            "identity_code": full or victim.identity_code_masked,
            "identity_code_revealed": full is not None,
        }

    def _police_summary(self, db_session: Session, case_id: int, reveal: bool) -> CaseSummary:
        case_row = self._case_row(db_session, case_id, Case.extortion_contacts,
                                  Case.police_reports, Case.protective_actions,
                                  Case.attachments)
        titles = {code: _(title) for code, title in db_session.execute(
            select(ProtectiveActionType.code, ProtectiveActionType.title)
            .order_by(ProtectiveActionType.sort_order)).all()}
        order = {code: index for index, code in enumerate(titles)}
        return CaseSummary(
            profile=Profile.POLICE, **self._identity(case_row, reveal),
            extortion_contacts=tuple(
                build(ExtortionContactData, c)
                for c in sorted(case_row.extortion_contacts, key=lambda c: (c.received_at, c.id))
            ),
            police_reports=tuple(
                build(PoliceReportData, r)
                for r in sorted(case_row.police_reports, key=lambda r: (r.filed_on, r.id))
            ),
            protective_actions=tuple(
                build(ProtectiveActionData, a, title=titles.get(a.type_code, a.type_code))
                for a in sorted(case_row.protective_actions,
                                key=lambda a: (order.get(a.type_code, len(order)), a.id))
            ),
            attachments=tuple(
                build(AttachmentInfo, a)
                for a in sorted(case_row.attachments, key=lambda a: (a.added_at, a.id))
            ),
            # The overview names the crisis service's contact details for the police.
            organisation=self._organisation(),
        )

    def _victim_letter(self, db_session: Session, case_id: int,
                       language: Language | None) -> CaseSummary:
        """What a letter to the victim may hold: their reports, the protective checklist
        with this case's states, the follow-ups (for the next contact) and the
        organisation's help lines; the checklist in the letter's language."""
        case_row = self._case_row(db_session, case_id, Case.police_reports,
                                  Case.protective_actions, Case.follow_ups)
        states = {a.type_code: a.state for a in case_row.protective_actions}
        checklist = db_session.scalars(
            select(ProtectiveActionType).order_by(ProtectiveActionType.sort_order)).all()
        with i18n.speaking(language or case_row.victim.language):
            advice = tuple(_advice(t.code, t.title, states.get(t.code)) for t in checklist
                           if _in_letter(t.code, states.get(t.code)))
        return CaseSummary(
            profile=Profile.VICTIM, **self._identity(case_row, reveal=False),
            police_reports=tuple(
                build(PoliceReportData, r)
                for r in sorted(case_row.police_reports, key=lambda r: (r.filed_on, r.id))
            ),
            follow_ups=tuple(
                build(FollowUpData, f)
                for f in sorted(case_row.follow_ups, key=lambda f: (f.due_on, f.id))
            ),
            advice=advice, organisation=self._organisation(),
        )

    def _care_summary(self, db_session: Session, case_id: int, reveal: bool) -> CaseSummary:
        case_row = self._case_row(db_session, case_id, Case.follow_ups)
        names: dict[int | None, str] = dict(
            db_session.execute(select(User.id, User.display_name)).all())
        support_sessions = db_session.scalars(
            select(SupportSession).where(SupportSession.case_id == case_id)
            .order_by(SupportSession.started_at, SupportSession.id))
        return CaseSummary(
            profile=Profile.CARE, **self._identity(case_row, reveal),
            support_sessions=tuple(
                build(SupportSessionData, support_session,
                      counsellor_name=names.get(support_session.counsellor_id))
                for support_session in support_sessions
            ),
            follow_ups=tuple(
                build(FollowUpData, f, assignee_name=names.get(f.assignee_id))
                for f in sorted(case_row.follow_ups, key=lambda f: (f.due_on, f.id))
            ),
        )

    def render_case(
        self, case_id: int, profile: Profile, *, reveal_identity_code: bool = False,
        password: str | None = None, language: Language | None = None,
    ) -> bytes:
        """One case summary as PDF bytes (audited like :meth:`case_summary`), in
        ``language`` (default: :meth:`language_of`)."""
        _check_password(password)
        summary = self.case_summary(case_id, profile, reveal_identity_code=reveal_identity_code,
                                    language=language)
        with i18n.speaking(self.language_of(summary, language)):
            return render_case_summary(summary, self.stamp(), password=password)

    def export_case(
        self, case_id: int, profile: Profile, target: Path, *,
        reveal_identity_code: bool = False, password: str | None = None,
        language: Language | None = None, with_json: bool = False,
    ) -> Path:
        """Write one case summary to ``target`` (owner-only, via a fresh ``.part`` file
        renamed when whole: :func:`models.pdf.layout.write_atomically`).

        Args:
            target: the PDF file, or an existing folder to write
                ``<reference>-<profile>.pdf`` into.
            with_json: also write the police summary's JSON companion beside the PDF
                (the PDF's name with ``.json``).

        Returns:
            The path of the written PDF.

        Raises:
            ValidationError: ``password`` is too short, or ``with_json`` goes with a
                password or another profile than the police's (nothing is read or
                written).
        """
        _check_password(password)
        check_companions(profile, with_json, password)
        summary = self.case_summary(case_id, profile, reveal_identity_code=reveal_identity_code,
                                    language=language, with_json=with_json)
        if target.is_dir():
            target = target / summary_file_name(summary.reference, summary.profile)
        with i18n.speaking(self.language_of(summary, language)):
            # As a batch writes each case: the PDF and its JSON whole, or neither.
            return render_to_file(summary, self.stamp(), target, password, with_json).pdf

    # -- many cases ---------------------------------------------------------------------

    def export_cases(
        self,
        case_ids: Sequence[int],
        profile: Profile,
        folder: Path,
        *,
        reveal_identity_codes: bool = False,
        password: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
        workers: int = 2,
        with_json: bool = False,
    ) -> BatchResult:
        """Write one ``<reference>-<profile>.pdf`` per case into ``folder``, and the
        batch's ``index.csv`` and ``index.json`` listing them.

        Each case is loaded and audited here (one ``export`` event per case) and rendered
        by ``workers`` processes, which never see the database or its key. Setting
        ``cancel`` stops the batch after the cases in hand; files are renamed into place
        only when whole. The index lists only the PDFs written (also when the batch was
        cancelled); an earlier index in the folder is removed before the first case.

        Args:
            progress: called with (cases done, total) after each case.
            cancel: set it (from any thread) to stop.
            workers: render processes; 0 renders in the calling thread.
            with_json: also write each police summary's JSON companion.

        Raises:
            PermissionDenied: the role may not export this profile at all (checked before
                anything is written).
            ValidationError: ``password`` is too short, or ``with_json`` goes with a
                password or another profile than the police's (checked before anything
                is written).
        """
        _check_password(password)
        check_companions(profile, with_json, password)
        profile = Profile(profile)
        self._require(_OPERATION[profile])
        if profile is Profile.VICTIM:
            raise ValidationError(_("Profile"), _(
                "letters to clients are written one case at a time, each in its reader's "
                "language"))
        if reveal_identity_codes:
            self._require(Operation.REVEAL_IDENTITY_CODE)
        # Owner-only when made here (parents too): the file names are case references.
        new_folders(folder)
        remove_index(folder)

        def load(case_id: int) -> CaseSummary:
            return self.case_summary(case_id, profile,
                                     reveal_identity_code=reveal_identity_codes,
                                     indexed=True, with_json=with_json)

        stamp = self.stamp()
        result = export_batch(
            case_ids, load, folder, stamp, password=password, progress=progress,
            cancel=cancel, workers=workers, with_json=with_json,
        )
        write_index(folder, result.files, stamp, profile)
        return result

    # -- caseload report ----------------------------------------------------------------

    def caseload_report(self, today: dt.date | None = None) -> CaseloadReport:
        """The supervisors' caseload figures, counted by the database
        (:func:`models.services.figures.caseload_report`).

        Args:
            today: the reference day for "overdue" and "no contact in 7 days"
                (default: today's local date).

        Raises:
            PermissionDenied: the role is not a supervisor's.
        """
        self._require(Operation.REPORTS)
        today = today or local_today()
        with self._db.reading() as db_session:
            return figures.caseload_report(db_session, today)

    def export_caseload_report(
        self, target: Path, *, password: str | None = None, today: dt.date | None = None
    ) -> Path:
        """Write the caseload report PDF to ``target`` and audit the export."""
        _check_password(password)
        report = self.caseload_report(today)
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.EXPORT, "caseload_report",
                        detail="report=caseload")
        write_atomically(target, render_caseload_report(report, self.stamp(),
                                                        password=password))
        return target


#: The checklist's steps by code, with what a letter tells the victim of each.
_STEPS = {kind.code: kind for kind in PROTECTIVE_ACTION_CATALOGUE}


def _in_letter(code: str, state: str | None) -> bool:
    """Whether the letter names a step: not when declined or not applicable, and a step
    only some victims are eligible for (or one Suoja has no words to the victim for)
    only when the case records it."""
    if state in (ActionState.DECLINED, ActionState.NOT_APPLICABLE):
        return False
    step = _STEPS.get(code)
    return state is not None or (step is not None and step.advise_all)


def _advice(code: str, title: str, state: str | None) -> Advice:
    """A step as the letter explains it, in the language spoken: the victim's words,
    never the staff's guidance (which records grounds and checks)."""
    step = _STEPS.get(code)
    if step is None:
        return Advice(code=code, title=_(title), to_victim="", state=state)
    return Advice(code=code, title=_(step.letter_title or title),
                  to_victim=_(step.to_victim) if step.to_victim else "", state=state)


def _check_password(password: str | None) -> None:
    """A PDF password, if one is given, must meet the shared rule (``None``: unencrypted)."""
    if password is not None:
        check_pdf_password(password)
