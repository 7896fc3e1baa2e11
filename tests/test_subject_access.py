"""The access copy (issue 17, item 4): ``export-subject`` writes everything recorded about
one case's victim — and nothing of anyone else — as a PDF, ``subject.json`` valid against
docs/subject-access.schema.json, and the evidence files; supervisors only, audited with
counts only; bad input gets one sentence and writes nothing. Both databases."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from main import main
from models import services
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
    victim_breach,
)
from models.domain.enums import AuditAction, Role
from models.domain.text import full_name_key, search_key
from models.domain.validation import generate_temporary_identity_code
from models.pdf.data import ExportStamp
from models.pdf.subject_access import SCHEMA, render_subject_access
from models.storage.server import ServerUrl
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD

pytestmark = pytest.mark.both_databases

ROOT = Path(__file__).resolve().parents[1]
OTHER_PASSWORD = "Tuuli-Kivi-Järvi-Polku"
AT = dt.datetime(2020, 10, 24, 9, 30, tzinfo=dt.UTC)
#: What a marker is planted in, for each kind of record (``QA…`` in case A, ``QB…`` in B).
KINDS = ("FIRST", "LAST", "STREET", "CITY", "SAFENOTE", "CODENOTE", "BREACH", "RISK", "INTAKE",
         "SENDER", "WALLET", "MESSAGE", "REPORT", "DEPT", "NOTES", "OUTCOME", "TASK",
         "ACTIONNOTE", "EVIDENCE", "FILE", "GRANTREASON", "OLDCITY")


def _markers(tag: str) -> list[str]:
    return [f"{tag}{kind}" for kind in KINDS]


def _codes(tag: str) -> tuple[str, str]:
    """The old and current (synthetic, 9xx) identity codes of case ``tag``."""
    base = 940 if tag == "QA" else 960
    born = dt.date(1971, 3, 9) if tag == "QA" else dt.date(1983, 7, 21)
    return (generate_temporary_identity_code(born, base),
            generate_temporary_identity_code(born, base + 1))


def _plant(db_session: Any, tag: str, counsellor: int, language: str) -> int:
    """A case whose every kind of record carries a marker beginning with ``tag``."""
    old, new = _codes(tag)
    breach = Breach(name=f"{tag}BREACH", description="synthetic")
    db_session.add(breach)
    victim = Victim(
        first_names=f"{tag}FIRST", last_name=f"{tag}LAST",
        search_first_names=search_key(f"{tag}FIRST"), search_last_name=search_key(f"{tag}LAST"),
        search_full_name=full_name_key(f"{tag}FIRST", f"{tag}LAST"), identity_code=new,
        birth_date=dt.date(1971, 3, 9), phone=f"+44770090{'0060' if tag == 'QA' else '0070'}",
        email=f"{tag.lower()}mail@example.invalid", street_address=f"{tag}STREET 5",
        postal_code="99990", city=f"{tag}CITY", language=language, may_email=True,
        safe_contact_note=f"{tag}SAFENOTE after six", consent_given=True,
        consent_date=dt.date(2020, 10, 24))
    db_session.add(victim)
    db_session.flush()
    db_session.execute(victim_breach.insert().values(victim_id=victim.id, breach_id=breach.id))
    db_session.add(VictimCorrection(  # the city as it was before a correction
        victim_id=victim.id, field="city", previous_value=f"{tag}OLDCITY",
        new_value=f"{tag}CITY", changed_at=AT, changed_by_id=counsellor))
    db_session.add_all([
        IdentityCodeRecord(victim_id=victim.id, identity_code=old, valid_from=AT,
                           valid_to=AT + dt.timedelta(days=300), note=f"{tag}CODENOTE"),
        IdentityCodeRecord(victim_id=victim.id, identity_code=new,
                           valid_from=AT + dt.timedelta(days=300)),
    ])
    case = Case(reference=f"SUO-2020-0{'1' if tag == 'QA' else '2'}234", victim_id=victim.id,
                status="open", assigned_to_id=counsellor, risk_level="high",
                risk_reason=f"{tag}RISK named", intake_note=f"{tag}INTAKE via the helpline",
                opened_on=dt.date(2020, 10, 24))
    db_session.add(case)
    db_session.flush()
    contact = ExtortionContact(
        case_id=case.id, received_at=AT, channel="email", sender=f"{tag}SENDER@x.invalid",
        amount_demanded=Decimal("0.05"), currency="BTC", wallet_address=f"bc1q{tag}WALLET",
        deadline_at=AT + dt.timedelta(hours=24),
        message_text=f"{tag}MESSAGE pay or else\nsecond line", paid=True,
        amount_paid=Decimal("0.05"), handed_to_police=True)
    db_session.add(contact)
    db_session.flush()
    follow_up = FollowUp(case_id=case.id, due_on=dt.date(2020, 11, 1), assignee_id=counsellor,
                         description=f"{tag}TASK call back")
    db_session.add(follow_up)
    db_session.flush()
    content = f"{tag}CONTENT of the evidence".encode()
    db_session.add_all([
        PoliceReport(case_id=case.id, report_number=f"{tag}REPORT/20",
                     department=f"{tag}DEPT poliisilaitos", filed_on=dt.date(2020, 10, 26),
                     state="under_investigation", victim_has_copy=True),
        SupportSession(case_id=case.id, counsellor_id=counsellor, started_at=AT,
                       duration_minutes=45, mode="phone", notes=f"{tag}NOTES talked at length",
                       distress_level=7, outcome=f"{tag}OUTCOME calmer", referral="riku",
                       follow_up_id=follow_up.id),
        ProtectiveAction(case_id=case.id, type_code="identity_code_change", state="done",
                         state_on=dt.date(2020, 11, 2), note=f"{tag}ACTIONNOTE",
                         grounds="safety_threat", evidence=f"{tag}EVIDENCE assessment",
                         decision="granted", decision_on=dt.date(2021, 8, 20)),
        AccessGrant(user_id=counsellor, case_id=case.id, reason=f"{tag}GRANTREASON",
                    granted_at=AT, expires_at=AT + dt.timedelta(hours=4)),
        Attachment(case_id=case.id, extortion_contact_id=contact.id,
                   filename=f"../{tag}FILE.eml", media_type="message/rfc822",
                   size_bytes=len(content), sha256=hashlib.sha256(content).hexdigest(),
                   content=content, added_by_id=counsellor),
    ])
    return case.id


@pytest.fixture
def cases(database: Database, supervisor: Actor, monkeypatch: pytest.MonkeyPatch
          ) -> tuple[int, int]:
    """Case A (the person asking, Swedish-speaking) and case B (someone else), each with a
    view in the audit trail; staff accounts of every other role."""
    built = services.build(database, supervisor)
    for username, role in (("kaisa", Role.COUNSELLOR), ("pekka", Role.POLICE_LIAISON),
                           ("aino", Role.ADMINISTRATOR)):
        built.accounts.create_user(username, username.title(), role, OTHER_PASSWORD,
                                   kdf=FAST_KDF)
    with database.writing() as db_session:
        counsellor = db_session.scalars(select(User.id).where(User.username == "kaisa")).one()
        ids = (_plant(db_session, "QA", counsellor, "sv"),
               _plant(db_session, "QB", counsellor, "fi"))
    for case_id in ids:
        built.cases.get_detail(case_id)  # a "view" event on each case
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    return ids


def _where(target: Target) -> list[str]:
    return ["--db-url", target.url] if isinstance(target, ServerUrl) else ["--db", str(target)]


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(path).pages)


def _export(target: Target, out: Path, *extra: str) -> int:
    return main(["export-subject", *_where(target), "--user", "super",
                 "--case", "SUO-2020-01234", "--out", str(out), *extra])


def _exports(database: Database) -> list[tuple[str, int | None, str]]:
    """Every export event: (entity, case id, detail)."""
    with database.reading() as db_session:
        return [(entity, case_id, detail) for entity, case_id, detail in db_session.execute(
            select(AuditEvent.entity, AuditEvent.case_id, AuditEvent.detail).where(
                AuditEvent.action == AuditAction.EXPORT.value).order_by(AuditEvent.seq))]


def test_the_copy_holds_every_record_of_the_case_and_nothing_of_another(
        database: Database, target: Target, cases: tuple[int, int], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    case_a, _case_b = cases
    with database.reading() as db_session:
        events_a = db_session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.case_id == case_a))
    out = tmp_path / "copy"
    assert _export(target, out, "--withheld",
                   "A third person's name in a note: their privacy (Art. 15(4))") == 0
    assert "Wrote the copy to" in capsys.readouterr().out

    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["SUO-2020-01234-access-copy.pdf", "attachments/" + files[1][12:],
                     "subject.json"]
    assert re.fullmatch(r"attachments/\d+-QAFILE\.eml", files[1])  # no way out of the folder
    assert all((p.stat().st_mode & 0o777) == (0o700 if p.is_dir() else 0o600)
               for p in (out, *out.rglob("*")))

    document = json.loads((out / "subject.json").read_text("utf-8"))
    pdf = _pdf_text(out / "SUO-2020-01234-access-copy.pdf")
    raw_json = json.dumps(document, ensure_ascii=False)
    for marker in _markers("QA"):
        assert marker in raw_json, marker
        assert marker in pdf, marker
    old, new = _codes("QA")
    assert old in raw_json and new in raw_json and new in pdf  # unmasked: their own copy
    assert (out / files[1]).read_bytes() == b"QACONTENT of the evidence"
    everything = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    for marker in [*_markers("QB"), *_codes("QB"), "QBCONTENT"]:
        assert marker.encode() not in everything, marker
        assert marker not in pdf, marker

    # In clear, exactly as recorded; codes as stored; money and times as the schema says.
    assert document["schema"] == SCHEMA
    [session] = document["support_sessions"]
    assert session["notes"] == "QANOTES talked at length"
    assert session["counsellor_role"] == "counsellor"
    [contact] = document["extortion_contacts"]
    assert contact["message_text"] == "QAMESSAGE pay or else\nsecond line"
    assert contact["amount_demanded"] == "0.05000000" and contact["channel"] == "email"
    assert contact["received_at"] == "2020-10-24T09:30:00Z"
    assert document["person"]["birth_date"] == "1971-03-09"
    assert document["case"]["intake_note"] == "QAINTAKE via the helpline"
    assert "Intake note QAINTAKE via the helpline" in pdf
    assert document["attachments"][0]["extortion_contact_id"] == contact["id"]
    assert document["withheld"] == [{"what": "A third person's name in a note",
                                     "why": "their privacy (Art. 15(4))"}]
    assert "their privacy" in pdf
    # Who read or changed the case: by role, never by name; only this case's events.
    assert len(document["access_log"]) == events_a
    assert {"action": "view", "entity": "case", "staff_role": "supervisor"}.items() <= \
        document["access_log"][-1].items()
    assert "Super" not in raw_json and "Kaisa" not in raw_json


def test_the_json_is_valid_against_the_published_schema(
        target: Target, cases: tuple[int, int], tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "subject-access.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert _export(target, tmp_path / "copy") == 0
    document = json.loads((tmp_path / "copy" / "subject.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["withheld"] == []
    document["person"]["birth_date"] = "9.3.1971"  # the schema does check
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(document)


def test_long_texts_continue_over_pages_whole(
        target: Target, cases: tuple[int, int], tmp_path: Path) -> None:
    """A message of thousands of words or hundreds of lines, and a long withheld note,
    are printed whole: no row outgrows a page."""
    assert _export(target, tmp_path / "copy") == 0
    document = json.loads((tmp_path / "copy" / "subject.json").read_text("utf-8"))
    document["extortion_contacts"][0]["message_text"] = (
        "sana " * 5000 + "\n" + "x" * 4000 + "\n" + "rivi\n" * 400 + "QALASTLINE")
    document["withheld"] = [{"what": "w" * 3000, "why": "QAWHYEND " * 300}]
    stamp = ExportStamp(exported_by="Super", exported_at=dt.datetime.now(dt.UTC))
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(render_subject_access(document, stamp))
    text = _pdf_text(pdf)
    assert len(PdfReader(pdf).pages) > 10
    assert "QALASTLINE" in text and text.count("QAWHYEND") == 300


def test_the_pdf_speaks_the_persons_language_unless_told_otherwise(
        target: Target, cases: tuple[int, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUOJA_LANG", raising=False)
    assert _export(target, tmp_path / "sv") == 0
    swedish = _pdf_text(tmp_path / "sv" / "SUO-2020-01234-access-copy.pdf")
    assert "Kopia av dina personuppgifter" in swedish and "SEKRETESSBELAGD" in swedish
    assert "Ingenting undanhölls." in swedish
    assert _export(target, tmp_path / "fi", "--lang", "fi") == 0
    finnish = _pdf_text(tmp_path / "fi" / "SUO-2020-01234-access-copy.pdf")
    assert "SALASSA PIDETTÄVÄ" in finnish and "Mitään ei jätetty pois." in finnish


def test_the_export_is_audited_with_counts_only(
        database: Database, target: Target, cases: tuple[int, int], tmp_path: Path) -> None:
    case_a, _case_b = cases
    assert _export(target, tmp_path / "copy", "--withheld", "QAWITHHELD: QAWHY") == 0
    [(entity, case_id, detail)] = _exports(database)
    assert (entity, case_id) == ("subject", case_a)
    assert re.fullmatch(r"(\w+=\d+)( \w+=\d+)*", detail), detail
    assert "withheld=1" in detail and "support_sessions=1" in detail
    with database.reading() as db_session:
        details = " ".join(db_session.scalars(select(AuditEvent.detail)))
    assert not any(marker in details for marker in (*_markers("QA"), "QAWITHHELD", "QAWHY"))
    assert main(["verify", *_where(target), "--user", "super"]) == 0


@pytest.mark.parametrize("problem", [
    "unknown case", "counsellor", "police liaison", "administrator", "folder not empty",
    "wrong password", "withheld without a reason",
])
def test_bad_input_gets_one_sentence_and_writes_nothing(
        database: Database, target: Target, cases: tuple[int, int], tmp_path: Path,
        problem: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "copy"
    user, reference, extra = "super", "SUO-2020-01234", []
    if problem == "unknown case":
        reference = "SUO-1999-99999"
    elif problem in ("counsellor", "police liaison", "administrator"):
        user = {"counsellor": "kaisa", "police liaison": "pekka",
                "administrator": "aino"}[problem]
        monkeypatch.setenv("SUOJA_PASSWORD", OTHER_PASSWORD)
    elif problem == "folder not empty":
        out.mkdir()
        (out / "notes.txt").write_text("mine")
    elif problem == "wrong password":
        monkeypatch.setenv("SUOJA_PASSWORD", "not the password at all")
    else:
        extra = ["--withheld", "a note without its reason"]
    before = len(_exports(database))
    capsys.readouterr()
    code = main(["export-subject", *_where(target), "--user", user, "--case", reference,
                 "--out", str(out), *extra])
    assert code != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0], err
    if problem == "folder not empty":
        assert [p.name for p in out.iterdir()] == ["notes.txt"]
    else:
        assert not out.exists()
    assert len(_exports(database)) == before
    if problem in ("counsellor", "police liaison", "administrator"):
        assert "Only a supervisor can make a copy of a person's data." in err[0]
