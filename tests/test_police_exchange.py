"""Machine-readable companions of police exports (issue 18, item 2): the batch index
(index.csv, index.json) and the per-case JSON files, checked against the schemas in docs/
and against the PDFs themselves; the refusals (--json with a password, with care)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models.demo.seed import seed_demo
from models.domain import i18n
from models.domain.entities import AuditEvent
from models.domain.enums import Language
from models.domain.formatting import money_text
from models.storage.store import create_database, open_database
from tests.conftest import FAST_KDF, PASSWORD

ROOT = Path(__file__).resolve().parents[1]
PDF_PASSWORD = "Poliisille-vain-2024"


def run(argv: list[str]) -> int:
    """``main.py`` as the command line runs it."""
    from main import main

    return main(argv)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("exchange") / "demo.db"
    result = create_database(db, username="super", password=PASSWORD, kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=12, kdf=FAST_KDF,
                  today=dt.date(2024, 6, 1))
    finally:
        result.database.dispose()
    return db


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    return monkeypatch


def _export(db: Path, *extra: str) -> list[str]:
    return ["--lang", "en", "export-pdf", "--db", str(db), "--user", "super", *extra]


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "docs" / name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _squeezed(value: str) -> str:
    """Text without any whitespace: a table cell may wrap a long sender anywhere."""
    return re.sub(r"\s+", "", value)


def _pdf_text(path: Path, password: str | None = None) -> str:
    reader = PdfReader(path)
    if password:
        reader.decrypt(password)
    return " ".join(page.extract_text() or "" for page in reader.pages)


def _index(folder: Path) -> tuple[list[dict[str, str]], dict[str, Any]]:
    with (folder / "index.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows, json.loads((folder / "index.json").read_text("utf-8"))


def _audit_details(db: Path) -> list[str]:
    database, _actor = open_database(db, "super", PASSWORD)
    try:
        with database.reading() as db_session:
            return list(db_session.scalars(
                select(AuditEvent.detail).where(AuditEvent.action == "export")
                .order_by(AuditEvent.seq)))
    finally:
        database.dispose()


def test_police_batch_writes_an_index_and_json_that_match_the_pdfs(
        demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "police"
    before = len(_audit_details(demo_db))
    assert run(_export(demo_db, "--all", "--profile", "police", "--out", str(folder),
                       "--json", "--workers", "2")) == 0
    assert "index.csv" in capsys.readouterr().out
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == 12
    assert {p.name for p in folder.iterdir()} == (
        {p.name for p in pdfs} | {p.with_suffix(".json").name for p in pdfs}
        | {"index.csv", "index.json"})

    # The index: every PDF once, with the hash and page count of the file as written.
    rows, index = _index(folder)
    _validator("police-index.schema.json").validate(index)
    assert index["schema_version"] == "1.0" and index["profile"] == "police"
    assert [r["file"] for r in rows] == [p.name for p in pdfs]
    assert [r["file"] for r in index["files"]] == [r["file"] for r in rows]
    for row, entry in zip(rows, index["files"], strict=True):
        pdf = folder / row["file"]
        assert row["sha256"] == entry["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert int(row["pages"]) == entry["pages"] == len(PdfReader(pdf).pages)
        assert row["police_report_numbers"].split() == entry["police_report_numbers"]
        assert int(row["extortion_contacts"]) == entry["extortion_contacts"]
        assert row["json_file"] == entry["json_file"] == pdf.with_suffix(".json").name
        assert row["case_reference"] == entry["case_reference"] == pdf.name[:-len("-police.pdf")]

    # Each JSON file: valid, and the same facts as its PDF.
    validator = _validator("police-case.schema.json")
    by_number: dict[str, str] = {}
    seen = {"reports": 0, "wallets": 0, "amounts": 0, "senders": 0}
    for row, entry in zip(rows, index["files"], strict=True):
        document = json.loads((folder / row["json_file"]).read_text("utf-8"))
        validator.validate(document)
        assert document["schema_version"] == "1.1" and document["pdf_file"] == row["file"]
        text = _pdf_text(folder / row["file"])
        # The demo sets no contact for the police: null here, no line in the PDF.
        assert document["crisis_service_contact"] is None
        assert "contact details" not in text
        flat = _squeezed(text)
        assert document["case"]["reference"] in text
        assert document["export"]["exported_by"] in text
        code = document["injured_party"]["identity_code"]
        assert document["injured_party"]["identity_code_masked"] is bool(code)
        if code:
            assert code.endswith("-****") and code in text
        contacts = document["extortion_contacts"]
        assert len(contacts) == entry["extortion_contacts"]
        assert f"Extortion contacts ({len(contacts)})" in text
        reports = document["police_reports"]
        assert [r["report_number"] for r in reports] == entry["police_report_numbers"]
        assert f"Police reports ({len(reports)})" in text
        assert f"Protective actions ({len(document['protective_actions'])})" in text
        assert f"Evidence attachments ({len(document['attachments'])})" in text
        for report in reports:
            assert report["report_number"] in text
            by_number[report["report_number"]] = row["file"]
            seen["reports"] += 1
        with i18n.speaking(Language(document["language"])):
            for contact in contacts:
                if contact["wallet_address"]:
                    assert contact["wallet_address"] in flat
                    seen["wallets"] += 1
                if contact["sender"]:
                    assert _squeezed(contact["sender"]) in flat
                    seen["senders"] += 1
                if contact["amount_demanded"] is not None:
                    shown = money_text(Decimal(contact["amount_demanded"]),
                                       contact["currency"])
                    assert _squeezed(shown) in flat
                    seen["amounts"] += 1
        for attachment in document["attachments"]:
            assert attachment["sha256"] in flat
        # Nothing of the care profile can be in it.
        assert "support_sessions" not in document and "follow_ups" not in document
    assert all(seen.values()), seen  # the demo data exercised every check
    # A case is found by its police report number through the index.
    assert by_number and all(
        any(number in r["police_report_numbers"].split() and r["file"] == name for r in rows)
        for number, name in by_number.items())

    details = _audit_details(demo_db)[before:]
    assert details == ["profile=police masked=yes index=yes json=yes"] * 12


def test_an_encrypted_batch_is_hashed_as_written_and_json_is_refused(
        demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    env.setenv("PDF_PASSWORD", PDF_PASSWORD)
    refused = tmp_path / "refused"
    before = len(_audit_details(demo_db))
    assert run(_export(demo_db, "--all", "--profile", "police", "--out", str(refused),
                       "--json", "--password-env", "PDF_PASSWORD")) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "--password-env" in error and "unencrypted" in error
    assert not refused.exists()
    assert len(_audit_details(demo_db)) == before  # nothing was exported

    folder = tmp_path / "locked"
    assert run(_export(demo_db, "--all", "--profile", "police", "--out", str(folder),
                       "--password-env", "PDF_PASSWORD", "--workers", "0")) == 0
    rows, index = _index(folder)
    assert len(rows) == 12
    assert [p.name for p in folder.glob("*.json")] == ["index.json"]
    for row in rows:
        data = (folder / row["file"]).read_bytes()
        reader = PdfReader(folder / row["file"])
        assert reader.is_encrypted
        assert row["sha256"] == hashlib.sha256(data).hexdigest()
        reader.decrypt(PDF_PASSWORD)
        assert int(row["pages"]) == len(reader.pages)
        assert row["json_file"] == ""
    assert all(entry["json_file"] is None for entry in index["files"])


def test_a_care_batch_gets_an_index_but_no_json(
        demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(_export(demo_db, "--all", "--profile", "care", "--out",
                       str(tmp_path / "refused"), "--json")) == 2
    assert "--profile police" in capsys.readouterr().err
    assert not (tmp_path / "refused").exists()

    folder = tmp_path / "care"
    assert run(_export(demo_db, "--all", "--profile", "care", "--out", str(folder),
                       "--workers", "0")) == 0
    rows, index = _index(folder)
    _validator("police-index.schema.json").validate(index)
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in folder.glob("*.pdf"))
    assert len(rows) == 12
    assert {(r["profile"], r["police_report_numbers"], r["extortion_contacts"])
            for r in rows} == {("care", "", "")}
    assert {e["extortion_contacts"] for e in index["files"]} == {None}
    for row in rows:
        pdf = folder / row["file"]
        assert row["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert int(row["pages"]) == len(PdfReader(pdf).pages)


def test_one_case_json_is_written_beside_its_pdf_and_audited(
        demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "one.pdf"
    assert run(_export(demo_db, "--case", "SUO-2020-00004", "--profile", "police",
                       "--out", str(target), "--json")) == 0
    assert str(tmp_path / "one.json") in capsys.readouterr().out
    document = json.loads((tmp_path / "one.json").read_text("utf-8"))
    _validator("police-case.schema.json").validate(document)
    assert document["pdf_file"] == "one.pdf"
    assert document["case"]["reference"] == "SUO-2020-00004"
    text = _pdf_text(target)
    for report in document["police_reports"]:
        assert report["report_number"] in text
    assert not (tmp_path / "index.csv").exists()  # one case has no index
    assert _audit_details(demo_db)[-1] == "profile=police masked=yes json=yes"

    # --reveal-identity-codes shows the full code in both, and the JSON says so.
    revealed = tmp_path / "revealed.pdf"
    assert run(_export(demo_db, "--case", "SUO-2020-00004", "--profile", "police",
                       "--out", str(revealed), "--json", "--reveal-identity-codes")) == 0
    document = json.loads((tmp_path / "revealed.json").read_text("utf-8"))
    party = document["injured_party"]
    assert party["identity_code_masked"] is False and "*" not in party["identity_code"]
    assert party["identity_code"] in _pdf_text(revealed)
    assert _audit_details(demo_db)[-1] == "profile=police masked=no json=yes"


def test_a_case_that_fails_is_not_in_the_index_and_an_old_index_goes(
        tmp_path: Path) -> None:
    from models import services
    from models.pdf.data import Profile

    result = create_database(tmp_path / "s.db", username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=3, kdf=FAST_KDF)
        svc = services.build(result.database, result.actor)
        ids = svc.case_list.list_case_ids()
        folder = tmp_path / "out"
        svc.exports.export_cases(ids, Profile.POLICE, folder, workers=0, with_json=True)
        assert len(_index(folder)[0]) == len(ids)
        batch = svc.exports.export_cases([ids[0], 999_999], Profile.POLICE, folder,
                                         workers=0)
    finally:
        result.database.dispose()
    assert len(batch.failed) == 1
    rows, index = _index(folder)
    assert [r["file"] for r in rows] == [batch.written[0].name]
    assert [e["file"] for e in index["files"]] == [batch.written[0].name]


def test_the_contact_for_the_police_set_in_the_organisation_dialog_reaches_pdf_and_json(
        env: pytest.MonkeyPatch, tmp_path: Path, qtbot: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.shared.session import Session
    from gui.workspaces.organisation import OrganisationDialog
    from models import services

    db = tmp_path / "office.db"
    created = create_database(db, username="super", password=PASSWORD, kdf=FAST_KDF)
    try:
        seed_demo(created.database, created.actor, victims=3, kdf=FAST_KDF,
                  today=dt.date(2024, 6, 1))
        svc = services.build(created.database, created.actor)
        dialog = OrganisationDialog(Session(svc, open_database))
        qtbot.addWidget(dialog)
        dialog.show()
        box = dialog.police_contact
        assert box.toPlainText() == "" and box.placeholderText()
        qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(box, "Kriisikeskus Esimerkki, puh. +358 29 000 0000")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, "poliisi@example.org (ma-pe 8-16)")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()  # saved and closed
        with created.database.reading() as db_session:
            detail = db_session.scalars(select(AuditEvent.detail).where(
                AuditEvent.entity == "organisation").order_by(AuditEvent.seq.desc())).first()
        assert detail == "changed police_contact"  # which setting, never its text
    finally:
        created.database.dispose()

    target = tmp_path / "case.pdf"
    assert run(_export(db, "--case", "SUO-2020-00001", "--profile", "police",
                       "--out", str(target), "--json")) == 0
    document = json.loads(target.with_suffix(".json").read_text("utf-8"))
    _validator("police-case.schema.json").validate(document)
    assert document["crisis_service_contact"] == (
        "Kriisikeskus Esimerkki, puh. +358 29 000 0000\npoliisi@example.org (ma-pe 8-16)")
    assert document["contact_person"] is None or document["contact_person"]["name"]
    first = " ".join((PdfReader(target).pages[0].extract_text() or "").split())
    assert ("The crisis service's contact details Kriisikeskus Esimerkki, puh. "
            "+358 29 000 0000 poliisi@example.org (ma-pe 8-16)") in first
    person = document["contact_person"]
    assert (f"Contact person at the crisis service {person['name']} (assigned counsellor)"
            if person else "Contact person at the crisis service no counsellor assigned") in first


def test_a_contact_for_the_police_too_long_is_refused_in_one_sentence_and_nothing_saved(
        database: Any, supervisor: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.shared.session import Session
    from gui.workspaces.organisation import OrganisationDialog
    from models import services
    from models.domain.dto import OrganisationSettings

    shown: list[BaseException] = []
    monkeypatch.setattr("gui.workspaces.organisation.show_error",
                        lambda parent, error, title="": shown.append(error))
    svc = services.build(database, supervisor)
    dialog = OrganisationDialog(Session(svc, open_database))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.classification, "Salassa pidettava")
    dialog.police_contact.setPlainText("x" * 501)  # as pasted
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.police_contact.toPlainText() == "x" * 501
    assert [str(e) for e in shown] == [
        "Contact for the police: must be at most 500 characters long"]
    assert svc.organisation.settings() == OrganisationSettings()  # not the classification either


@pytest.mark.parametrize(("language", "words"), [
    ("fi", "JSON-tiedostoksi"), ("sv", "JSON-fil"), ("en", "JSON file"),
])
def test_the_json_option_is_explained_in_the_language_of_the_run(
        language: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(["--lang", language, "export-pdf", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--json" in help_text and words in help_text


def test_the_batch_dialog_writes_json_files_when_ticked(
        database: Any, supervisor: Any, tmp_path: Path,
        qtbot: Any) -> None:
    from gui.case.export_dialog import BatchExportDialog
    from gui.shared.session import Session
    from models import services
    from models.pdf.data import Profile

    seed_demo(database, supervisor, victims=4, seed=2, kdf=FAST_KDF)
    svc = services.build(database, supervisor)
    dialog = BatchExportDialog(Session(svc, open_database), workers=0)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.with_json
    options = dialog.options
    care = options.profile.findData(Profile.CARE)
    police = options.profile.findData(Profile.POLICE)
    options.profile.setCurrentIndex(care)
    assert not box.isEnabled()  # JSON is for the police only
    options.profile.setCurrentIndex(police)
    assert box.isEnabled()
    box.click()
    assert box.isChecked()
    options.protect.click()  # a password: the JSON would be the data unencrypted
    assert not box.isEnabled() and not box.isChecked()
    options.protect.click()
    box.click()
    folder = tmp_path / "batch"
    dialog.folder.setText(str(folder))
    with qtbot.waitSignal(dialog.finished_batch, timeout=60000) as finished:
        dialog.start_button.click()
    assert finished.args[0] == "Done: 4 PDFs written. Each has a JSON file beside it."
    pdfs = sorted(folder.glob("*-police.pdf"))
    assert len(pdfs) == 4
    assert sorted(folder.glob("*-police.json")) == [p.with_suffix(".json") for p in pdfs]
    rows, _index_json = _index(folder)
    assert [r["file"] for r in rows] == [p.name for p in pdfs]
    assert all(r["json_file"] for r in rows)


def test_the_contact_for_the_police_is_set_and_shown_from_the_command_line(
        env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "office.db"
    created = create_database(db, username="super", password=PASSWORD, kdf=FAST_KDF)
    try:
        seed_demo(created.database, created.actor, victims=2, kdf=FAST_KDF,
                  today=dt.date(2024, 6, 1))
    finally:
        created.database.dispose()
    organisation = ["--lang", "en", "organisation", "--db", str(db), "--user", "super"]
    assert run(organisation) == 0
    assert "Contact for the police: (not set)" in capsys.readouterr().out
    assert run([*organisation, "--police-contact",
                "Kriisikeskus Esimerkki\\n+358 29 000 0000"]) == 0
    out = capsys.readouterr().out
    assert "Contact for the police: Kriisikeskus Esimerkki · +358 29 000 0000" in out

    target = tmp_path / "case.pdf"
    assert run(_export(db, "--case", "SUO-2020-00001", "--profile", "police",
                       "--out", str(target), "--json")) == 0
    document = json.loads(target.with_suffix(".json").read_text("utf-8"))
    assert document["crisis_service_contact"] == "Kriisikeskus Esimerkki\n+358 29 000 0000"
    assert run([*organisation, "--police-contact", "x" * 501]) == 4
    assert "500" in capsys.readouterr().err  # one sentence; the saved contact stays
    assert run(organisation) == 0
    assert "Kriisikeskus Esimerkki · +358 29 000 0000" in capsys.readouterr().out


def test_the_safe_contact_note_reaches_the_police_pdf_and_json_but_no_session_note(
        env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from models import services
    from models.domain.dto import CaseDraft, SupportSessionDraft, VictimDraft
    from models.domain.enums import RiskLevel

    db = tmp_path / "note.db"
    created = create_database(db, username="super", password=PASSWORD, kdf=FAST_KDF)
    try:
        svc = services.build(created.database, created.actor)
        noted = svc.cases.create_intake(
            VictimDraft(first_names="Aino", last_name="Esimerkki", may_leave_voicemail=False,
                        safe_contact_note="Ei vastaajaa; soita iltaisin"),
            CaseDraft(risk_level=RiskLevel.HIGH))
        svc.records.add_support_session(noted.id, SupportSessionDraft(
            started_at=dt.datetime(2024, 5, 2, 9, 0, tzinfo=dt.UTC),
            notes="Istunnon muistiinpano: pelkää kotona"))
        plain = svc.cases.create_intake(VictimDraft(first_names="Eino", last_name="Tyhjä"),
                                        CaseDraft(risk_level=RiskLevel.LOW))
    finally:
        created.database.dispose()
    for language, caption in (("en", "Safe-contact note"),
                              ("fi", "Lisätieto turvallisista yhteydenottotavoista"),
                              ("sv", "Anteckning om säkra kontaktsätt")):
        target = tmp_path / f"{language}.pdf"
        assert run(["--lang", language, "export-pdf", "--db", str(db), "--user", "super",
                    "--case", noted.reference, "--profile", "police", "--out", str(target),
                    "--json"]) == 0
        text = " ".join(_pdf_text(target).split())
        assert f"{caption} Ei vastaajaa; soita iltaisin" in text, text
        assert "pelkää kotona" not in text
        document = json.loads(target.with_suffix(".json").read_text("utf-8"))
        _validator("police-case.schema.json").validate(document)
        assert document["injured_party"]["safe_contact_note"] == "Ei vastaajaa; soita iltaisin"
        assert "pelkää kotona" not in json.dumps(document, ensure_ascii=False)
    target = tmp_path / "plain.pdf"
    assert run(_export(db, "--case", plain.reference, "--profile", "police",
                       "--out", str(target), "--json")) == 0
    document = json.loads(target.with_suffix(".json").read_text("utf-8"))
    _validator("police-case.schema.json").validate(document)
    assert document["injured_party"]["safe_contact_note"] is None
    assert "Safe-contact note" not in _pdf_text(target)
