"""PDF exports: what each profile contains and leaves out, page frames, Unicode, audit
events, encryption, batches that stop half-way, and the caseload report."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models import services
from models.domain.base import local_today
from models.domain.dto import (
    CaseDraft,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    ProtectiveActionDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.entities import AuditEvent, ExtortionContact
from models.domain.enums import (
    ActionState,
    CaseStatus,
    Channel,
    Currency,
    PoliceReportState,
    Referral,
    RiskLevel,
    Role,
)
from models.domain.errors import PermissionDenied
from models.domain.formatting import datetime_text
from models.domain.validation import generate_temporary_identity_code
from models.pdf.batch import export_batch
from models.pdf.case_summary import render_case_summary
from models.pdf.data import CaseSummary, ExportStamp, Profile
from models.pdf.layout import chunks, text
from models.services.exports import CaseSelection, ExportService
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

CODE = generate_temporary_identity_code(dt.date(1985, 3, 14), 912)
WALLETS = ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")
REPORTS = ("5500/R/12345/20", "4000/R/777/21")
NOTE = "Victim fears the neighbours will read it; SECRET-NOTE-4711"
OUTCOME = "Crisis plan agreed; OUTCOME-2291"
INTAKE_NOTE = "Came via the helpline; lives with her sister. INTAKE-NOTE-5150"
NOW = dt.datetime(2024, 5, 2, 9, 30, tzinfo=dt.UTC)
EVIDENCE = b"\x89PNG\r\n\x1a\nnot really a picture"


class Setup:
    """A database with one case that has something in every section."""

    def __init__(self, svc: services.Services) -> None:
        self.svc = svc
        self.exports = ExportService(svc.database, svc.actor, svc.changes)
        self.case_id = intake(svc, "Aino Maria", "Hämäläinen", CODE, intake_note=INTAKE_NOTE)
        records = svc.records
        first = records.add_extortion_contact(self.case_id, ExtortionContactDraft(
            received_at=NOW, channel=Channel.EMAIL, sender="blackmail@example.invalid",
            amount_demanded=Decimal("200"), wallet_address=WALLETS[0],
            deadline_at=NOW + dt.timedelta(hours=24),
            message_text="Pay 200 € <now> & we delete your data.\nSecond line.",
            paid=True, amount_paid=Decimal("200"), handed_to_police=True,
        ))
        records.add_extortion_contact(self.case_id, ExtortionContactDraft(
            received_at=NOW + dt.timedelta(days=2), channel=Channel.SMS, sender="+358401234567",
            amount_demanded=Decimal("0.05"), currency=Currency.BTC, wallet_address=WALLETS[1],
            message_text="Last chance: 500 euros within 48 hours.",
        ))
        for number, state in zip(REPORTS, (PoliceReportState.FILED,
                                           PoliceReportState.UNDER_INVESTIGATION), strict=True):
            records.add_police_report(self.case_id, PoliceReportDraft(
                report_number=number, filed_on=dt.date(2024, 5, 3),
                department="Helsingin poliisilaitos", state=state, victim_has_copy=True))
        records.add_support_session(self.case_id, SupportSessionDraft(
            started_at=NOW, duration_minutes=45, notes=NOTE, distress_level=7,
            outcome=OUTCOME, referral=Referral.RIKU,
            next_follow_up_on=dt.date(2024, 5, 9)))
        records.add_follow_up(self.case_id, FollowUpDraft(
            due_on=dt.date(2024, 5, 9), description="Call back about the credit ban"))
        records.add_protective_action(self.case_id, ProtectiveActionDraft(
            type_code="bank_notified", state=ActionState.DONE, state_on=dt.date(2024, 5, 3)))
        records.add_attachment(self.case_id, "screenshot.png", EVIDENCE, "image/png",
                               extortion_contact_id=first.id)


def intake(svc: services.Services, first: str, last: str, code: str | None = None,
           risk: RiskLevel = RiskLevel.HIGH, assigned_to_id: int | None = None,
           intake_note: str = "") -> int:
    return svc.cases.create_intake(
        VictimDraft(first_names=first, last_name=last, identity_code=code,
                    phone="+44 7700 900123", may_leave_voicemail=False),
        CaseDraft(risk_level=risk, risk_reason="Threatened online",
                  assigned_to_id=assigned_to_id, intake_note=intake_note),
    ).id


def as_role(svc: services.Services, role: Role, name: str) -> services.Services:
    account = svc.accounts.create_user(name, f"{name.title()} Demo", role,
                                       "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    return services.build(svc.database, Actor(account.id, account.username,
                                              account.display_name, role))


def exports_of(svc: services.Services) -> ExportService:
    return ExportService(svc.database, svc.actor, svc.changes)


def pages(data: bytes, password: str | None = None) -> list[str]:
    """The text of each page, whitespace runs (also no-break spaces) made one space."""
    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def audit_rows(database: Database, action: str) -> list[tuple[int | None, str, str]]:
    with database.reading() as db_session:
        return [(case_id, entity, detail) for case_id, entity, detail in db_session.execute(
            select(AuditEvent.case_id, AuditEvent.entity, AuditEvent.detail)
            .where(AuditEvent.action == action).order_by(AuditEvent.seq))]


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.fixture
def setup(svc: services.Services) -> Setup:
    return Setup(svc)


# -- the police profile ------------------------------------------------------------------


def test_police_profile_has_every_report_and_wallet_and_no_session_notes(
    setup: Setup,
) -> None:
    # A supervisor may read session notes; the police profile still leaves them out.
    text_ = " ".join(pages(setup.exports.render_case(setup.case_id, Profile.POLICE)))
    for expected in (*REPORTS, *WALLETS, "blackmail@example.invalid", "+358401234567",
                     "Pay 200 € <now> & we delete your data.", "Second line.",
                     "Last chance: 500 euros within 48 hours.", "under investigation",
                     "Bank notified", "screenshot.png", hashlib.sha256(EVIDENCE).hexdigest(),
                     "200,00 €", "0,05 BTC", "yes, 200,00 €", "Hämäläinen, Aino Maria",
                     datetime_text(NOW + dt.timedelta(hours=24))):
        assert expected in text_, expected
    for leaked in ("SECRET-NOTE-4711", "OUTCOME-2291", "Call back about the credit ban",
                   "INTAKE-NOTE-5150", "Intake note"):
        assert leaked not in text_


def test_police_summary_cannot_carry_support_sessions(setup: Setup) -> None:
    summary = setup.exports.case_summary(setup.case_id, Profile.CARE)
    assert summary.support_sessions
    with pytest.raises(ValueError, match="police summary never"):
        CaseSummary(profile=Profile.POLICE, case=summary.case, victim=summary.victim,
                    identity_code=None, support_sessions=summary.support_sessions)


def test_identity_code_masked_by_default_and_revealing_it_is_audited(setup: Setup) -> None:
    masked = " ".join(pages(setup.exports.render_case(setup.case_id, Profile.POLICE)))
    assert f"{CODE[:7]}****" in masked
    assert CODE not in masked
    revealed = " ".join(pages(setup.exports.render_case(
        setup.case_id, Profile.POLICE, reveal_identity_code=True)))
    assert CODE in revealed
    assert "explicit request" in revealed
    database = setup.svc.database
    assert audit_rows(database, "export") == [
        (setup.case_id, "case", "profile=police masked=yes"),
        (setup.case_id, "case", "profile=police masked=no"),
    ]
    assert audit_rows(database, "reveal") == [
        (setup.case_id, "identity_code", "export profile=police")]


def test_every_page_has_the_frame_and_metadata_names_no_person(setup: Setup) -> None:
    data = setup.exports.render_case(setup.case_id, Profile.CARE)
    texts = pages(data)
    actor = setup.svc.actor
    for number, page_text in enumerate(texts, start=1):
        assert "CONFIDENTIAL" in page_text
        assert page_text.count(f"page {number} of {len(texts)}") == 1
        assert "Exported by " + actor.display_name + " on " in page_text
        assert page_text.count("SUO-") >= 2  # header and footer carry the reference
    info = PdfReader(io.BytesIO(data)).metadata
    assert info is not None
    reference = setup.svc.cases.get_detail(setup.case_id).case.reference
    assert info.title == f"Suoja case summary {reference} (care)"
    values = " ".join(str(value) for value in info.values())
    for person in (actor.display_name, actor.username, "Hämäläinen", "Aino"):
        assert person not in values
    assert {info.author, info.creator, info.producer} == {"Suoja"}


# -- the care profile --------------------------------------------------------------------


def test_care_profile_has_sessions_referrals_follow_ups_and_contact_rules(
    setup: Setup,
) -> None:
    text_ = " ".join(pages(setup.exports.render_case(setup.case_id, Profile.CARE)))
    for expected in (NOTE, OUTCOME, "Victim Support Finland (RIKU, 116 006)",
                     "Call back about the credit ban", "Leave voicemail NOT allowed",
                     "Current risk level HIGH", "Threatened online", "7/10",
                     "Intake note " + INTAKE_NOTE):
        assert expected in text_, expected
    for left_out in (*REPORTS, *WALLETS, "blackmail@example.invalid"):
        assert left_out not in text_


# -- who may export what -----------------------------------------------------------------


def test_the_role_matrix_decides_who_exports_which_profile(setup: Setup) -> None:
    liaison = exports_of(as_role(setup.svc, Role.POLICE_LIAISON, "liaison"))
    assert pages(liaison.render_case(setup.case_id, Profile.POLICE))
    with pytest.raises(PermissionDenied):
        liaison.render_case(setup.case_id, Profile.CARE)

    counsellor_svc = as_role(setup.svc, Role.COUNSELLOR, "counsellor")
    counsellor = exports_of(counsellor_svc)
    with pytest.raises(PermissionDenied):
        counsellor.render_case(setup.case_id, Profile.POLICE)
    other = as_role(setup.svc, Role.COUNSELLOR, "other")
    theirs = intake(setup.svc, "Ville", "Virtanen", assigned_to_id=other.actor.user_id)
    with pytest.raises(PermissionDenied):
        counsellor.render_case(theirs, Profile.CARE)
    # Unassigned cases are in a counsellor's scope; another counsellor's are not.
    ids = [case_id for case_id, _ in counsellor.select_cases()]
    assert setup.case_id in ids and theirs not in ids
    admin = exports_of(as_role(setup.svc, Role.ADMINISTRATOR, "admin"))
    with pytest.raises(PermissionDenied):
        admin.render_case(setup.case_id, Profile.POLICE)
    with pytest.raises(PermissionDenied):
        liaison.caseload_report()
    # Nothing was exported by those refused.
    assert len(audit_rows(setup.svc.database, "export")) == 1


# -- layout --------------------------------------------------------------------------------


def test_unicode_names_survive(svc: services.Services) -> None:
    exports = exports_of(svc)
    for first, last in (("Aino", "Hämäläinen"), ("Zuzana", "Šimonová"),
                        ("Анна", "Иванова"), ("Åsa", "Öberg-Žukauskas")):
        case_id = intake(svc, first, last)
        text_ = " ".join(pages(exports.render_case(case_id, Profile.CARE)))
        assert f"{last}, {first}" in text_


def test_three_hundred_contacts_make_a_correct_multi_page_document(
    setup: Setup, database: Database,
) -> None:
    rows = [
        {"case_id": setup.case_id, "received_at": NOW + dt.timedelta(minutes=i),
         "channel": "email", "sender": f"sender{i:03d}@example.invalid",
         "amount_demanded": Decimal("200.00"), "currency": "EUR",
         "wallet_address": f"bc1qwallet{i:05d}xyz", "message_text":
         f"Message number {i:03d}: pay or everything will be published.",
         "paid": False, "handed_to_police": False}
        for i in range(300)
    ]
    with database.writing() as db_session:
        db_session.add_all(ExtortionContact(**row) for row in rows)
    texts = pages(setup.exports.render_case(setup.case_id, Profile.POLICE))
    assert len(texts) > 5
    for number, page_text in enumerate(texts, start=1):
        assert f"page {number} of {len(texts)}" in page_text
        assert "CONFIDENTIAL" in page_text
    whole = " ".join(texts)
    for i in range(300):
        assert f"bc1qwallet{i:05d}xyz" in whole
        assert f"Message number {i:03d}: pay or everything will be published." in whole
    assert "Extortion contacts (302)" in whole
    # The table header repeats on the pages the table continues on.
    assert sum("# Received Channel Sender" in t for t in texts) > 3


def test_user_text_is_escaped_and_a_huge_message_still_lays_out(setup: Setup) -> None:
    markup = '<b>not bold</b> & <para> "quoted" <font size=40>big</font>'
    huge = "\n\n".join(f"Paragraph {n}: " + "word " * 150 for n in range(60)) + " THE-END"
    setup.svc.records.add_extortion_contact(setup.case_id, ExtortionContactDraft(
        received_at=NOW, channel=Channel.LETTER, sender=markup, message_text=huge))
    setup.svc.records.add_extortion_contact(setup.case_id, ExtortionContactDraft(
        received_at=NOW, channel=Channel.OTHER, message_text=markup))
    texts = pages(setup.exports.render_case(setup.case_id, Profile.POLICE))
    whole = " ".join(texts)
    assert markup in whole
    assert "Paragraph 59:" in whole and "THE-END" in whole
    assert len(texts) >= 4


def test_text_helpers() -> None:
    assert text("a < b & c > d\nnext") == "a &lt; b &amp; c &gt; d<br/>next"
    assert text("bell\x07\x00") == "bell"
    pieces = chunks("x" * 10 + " " + "y" * 10, limit=12)
    assert pieces == ["x" * 10, "y" * 10]
    assert chunks("z" * 25, limit=10) == ["z" * 10, "z" * 10, "z" * 5]


def test_encrypted_export_needs_the_password(setup: Setup, tmp_path: Path) -> None:
    target = setup.exports.export_case(setup.case_id, Profile.POLICE, tmp_path / "x.pdf",
                                       password="Kissa-istuu-puussa-42")
    reader = PdfReader(target)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256, PDF 2.0
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert not reader.decrypt("wrong password")
    assert WALLETS[0] in " ".join(pages(target.read_bytes(), "Kissa-istuu-puussa-42"))
    assert WALLETS[0].encode() not in target.read_bytes()
    assert target.stat().st_mode & 0o077 == 0  # owner-only: it holds personal data
    assert not list(tmp_path.glob("*.part"))


# -- batches -------------------------------------------------------------------------------


def _cases(svc: services.Services, count: int) -> list[int]:
    return [intake(svc, f"Victim{i}", f"Batchinen{i}") for i in range(count)]


def test_batch_writes_one_pdf_per_case_and_audits_each(
    svc: services.Services, tmp_path: Path,
) -> None:
    ids = _cases(svc, 4)
    seen: list[tuple[int, int]] = []
    result = exports_of(svc).export_cases(ids, Profile.CARE, tmp_path / "out",
                                          progress=lambda d, t: seen.append((d, t)),
                                          workers=2)
    assert (len(result.written), result.failed, result.cancelled) == (4, [], False)
    references = {svc.cases.get_detail(i).case.reference for i in ids}
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        f"{ref}-care.pdf" for ref in references} | {"index.csv", "index.json"}
    assert seen[-1] == (4, 4) and len(seen) == 4
    for path in result.written:
        assert "CONFIDENTIAL" in pages(path.read_bytes())[0]
    exported = audit_rows(svc.database, "export")
    assert sorted(case_id for case_id, _, _ in exported) == sorted(ids)
    assert {detail for _, _, detail in exported} == {"profile=care masked=yes index=yes"}


def test_cancelling_a_batch_leaves_only_whole_files(
    svc: services.Services, tmp_path: Path,
) -> None:
    ids = _cases(svc, 8)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 2:
            cancel.set()

    folder = tmp_path / "out"
    result = exports_of(svc).export_cases(ids, Profile.POLICE, folder, progress=progress,
                                          cancel=cancel, workers=2)
    assert result.cancelled
    assert 2 <= len(result.written) < len(ids)
    files = sorted(folder.glob("*.pdf"))
    assert sorted(folder.iterdir()) == sorted([*files, folder / "index.csv",
                                               folder / "index.json"])  # no .part left
    assert files == sorted(result.written)
    for path in files:
        assert len(PdfReader(path).pages) >= 1
    # Exactly the cases written were audited as exported.
    assert len(audit_rows(svc.database, "export")) == len(result.written)


def test_an_interrupted_batch_leaves_no_half_written_file(
    svc: services.Services, tmp_path: Path,
) -> None:
    exports = exports_of(svc)
    ids = _cases(svc, 5)
    loaded: list[int] = []

    def load(case_id: int) -> CaseSummary:
        if len(loaded) == 3:
            raise KeyboardInterrupt
        loaded.append(case_id)
        return exports.case_summary(case_id, Profile.POLICE)

    for workers in (0, 2):
        loaded.clear()
        folder = tmp_path / f"w{workers}"
        folder.mkdir()
        with pytest.raises(KeyboardInterrupt):
            export_batch(ids, load, folder, exports.stamp(), workers=workers)
        for path in folder.iterdir():
            assert path.suffix == ".pdf"
            assert len(PdfReader(path).pages) >= 1


def test_a_case_that_cannot_be_loaded_is_skipped_not_fatal(
    svc: services.Services, tmp_path: Path,
) -> None:
    ids = _cases(svc, 2)
    result = exports_of(svc).export_cases([ids[0], 999_999, ids[1]], Profile.CARE, tmp_path,
                                          workers=0)
    assert len(result.written) == 2
    assert result.failed == [(999_999, "That case does not exist.")]


def test_batch_selection_filters(svc: services.Services) -> None:
    exports = exports_of(svc)
    ids = _cases(svc, 3)
    svc.cases.set_status(ids[0], 1, CaseStatus.OPEN)
    svc.records.add_police_report(ids[1], PoliceReportDraft(
        report_number="5500/R/1/24", filed_on=dt.date(2024, 3, 1)))
    breach = svc.cases.create_breach("Vastaamo 2018")
    detail = svc.cases.get_detail(ids[2])
    svc.cases.update_case(ids[2], detail.case.version,
                          CaseDraft(risk_level=RiskLevel.HIGH, breach_ids=(breach.id,)))

    def chosen(selection: CaseSelection) -> list[int]:
        return [case_id for case_id, _ in exports.select_cases(selection)]

    assert chosen(CaseSelection()) == ids
    assert chosen(CaseSelection(statuses=(CaseStatus.OPEN,))) == [ids[0]]
    assert chosen(CaseSelection(reports_filed_from=dt.date(2024, 2, 1),
                                reports_filed_to=dt.date(2024, 3, 1))) == [ids[1]]
    assert chosen(CaseSelection(reports_filed_from=dt.date(2024, 3, 2))) == []
    assert chosen(CaseSelection(breach_name="Vastaamo 2018")) == [ids[2]]


# -- caseload report -----------------------------------------------------------------------


def test_caseload_report_counts(svc: services.Services, tmp_path: Path) -> None:
    counsellor = as_role(svc, Role.COUNSELLOR, "kaisa")
    mine = counsellor.actor.user_id
    acute = intake(svc, "A", "Acute", risk=RiskLevel.ACUTE, assigned_to_id=mine)
    high = intake(svc, "H", "High", risk=RiskLevel.HIGH, assigned_to_id=mine)
    intake(svc, "M", "Medium", risk=RiskLevel.MEDIUM)
    low = intake(svc, "L", "Low", risk=RiskLevel.LOW, assigned_to_id=mine)
    svc.records.add_support_session(high, SupportSessionDraft(
        started_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)))
    today = local_today()  # the report's "today": Finland's day
    svc.records.add_follow_up(low, FollowUpDraft(
        due_on=today - dt.timedelta(days=3), description="call", assignee_id=mine))
    svc.records.add_follow_up(low, FollowUpDraft(
        due_on=today + dt.timedelta(days=3), description="later", assignee_id=mine))
    for case_id in (acute, high):
        svc.records.add_extortion_contact(case_id, ExtortionContactDraft(
            received_at=NOW, channel=Channel.EMAIL))
    svc.records.add_police_report(acute, PoliceReportDraft(
        report_number="5500/R/2/24", filed_on=dt.date(2024, 5, 3)))

    report = exports_of(svc).caseload_report()
    assert report.open_cases == 4
    loads = {x.display_name: (x.open_cases, x.acute, x.high) for x in report.per_counsellor}
    assert loads == {counsellor.actor.display_name: (3, 1, 1), None: (1, 0, 0)}
    assert report.risk_distribution == (("acute", 1), ("high", 1), ("medium", 1), ("low", 1))
    assert report.overdue_follow_ups == 1
    assert [(x.assignee, x.overdue) for x in report.overdue_by_assignee] == [
        (counsellor.actor.display_name, 1)]
    assert [x.case_id for x in report.uncontacted] == [acute]  # high had a session today
    assert (report.victims_with_contact, report.victims_with_report) == (2, 1)
    assert report.report_coverage == 0.5

    target = exports_of(svc).export_caseload_report(tmp_path / "caseload.pdf")
    texts = pages(target.read_bytes())
    whole = " ".join(texts)
    for heading in ("Open cases per counsellor", "Risk distribution of open cases",
                    "Overdue follow-ups", "no support session in 7 days",
                    "Police-report coverage", "50,0 %"):
        assert heading in whole
    assert all(f"of {len(texts)}" in t and "CONFIDENTIAL" in t for t in texts)
    assert audit_rows(svc.database, "export")[-1] == (None, "caseload_report",
                                                      "report=caseload")


def test_an_empty_database_still_makes_a_report(svc: services.Services) -> None:
    report = exports_of(svc).caseload_report()
    assert report.open_cases == 0 and report.report_coverage == 0.0
    from models.pdf.caseload import render_caseload_report

    stamp = ExportStamp(exported_by="Test", exported_at=NOW)
    assert "No open cases." in " ".join(pages(render_caseload_report(report, stamp)))


def test_render_needs_no_database(setup: Setup) -> None:
    summary = setup.exports.case_summary(setup.case_id, Profile.POLICE)
    stamp = ExportStamp(exported_by="Pia Poliisi", exported_at=NOW)
    first_page = pages(render_case_summary(summary, stamp))[0]
    assert f"Exported by Pia Poliisi on {datetime_text(NOW, zone=True)}" in first_page
    with pytest.raises(ValueError, match="timezone-aware"):
        ExportStamp(exported_by="x", exported_at=dt.datetime(2024, 1, 1))  # noqa: DTZ001
