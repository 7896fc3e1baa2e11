"""The import dialog, driven like a person would: choose a file, check, import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.shared.session import Session
from gui.workspaces.import_dialog import ImportDialog
from models import services
from models.domain.dto import CaseDraft, VictimDraft
from models.domain.validation import generate_temporary_identity_code
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database


def _code(day: int, individual: int) -> str:
    return generate_temporary_identity_code(dt.date(1985, 5, day), individual)


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.fixture
def list_file(tmp_path: Path, svc: services.Services) -> Path:
    known = _code(1, 950)
    svc.cases.create_intake(VictimDraft(first_names="Olli", last_name="Olemassa",
                                        identity_code=known), CaseDraft())
    svc.cases.create_breach("Vastaamo 2018")
    bad = _code(2, 951)
    bad = bad[:-1] + ("A" if bad[-1] != "A" else "B")
    lines = [
        "Sukunimi;Etunimet;Tunnus;Sähköposti;Kieli",
        f"Mäkelä;Åsa;{_code(3, 952)};asa@example.org;sv",   # 2
        f"Öhman;Jääskö;{bad};;fi",                          # 3 refused
        f"Olemassa;Olli;{known};;fi",                       # 4 duplicate of the database
        f"Laine;Aino;{_code(4, 953)};;en",                  # 5
    ]
    path = tmp_path / "lista.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def _dialog(svc: services.Services, qtbot) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(Session(svc, open_database))
    qtbot.addWidget(dialog)
    return dialog


def test_dialog_shows_detection_mapping_preview_and_findings(
    svc: services.Services, list_file: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = _dialog(svc, qtbot)
    # Before a file is chosen, the dialog says what it expects.
    assert "Required columns: First names, Last name." in dialog.intro.text()
    assert "Identity code" in dialog.intro.text() and "CSV" in dialog.intro.text()
    dialog.choose_file = lambda: list_file  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as checked:
        qtbot.mouseClick(dialog.findChild(type(dialog.import_button), "browse"),
                         Qt.MouseButton.LeftButton)
    assert "Windows-1252" in dialog.detected.text()
    assert "semicolon" in dialog.detected.text() and "4 rows" in dialog.detected.text()
    assert dialog.columns["last_name"].currentText() == "Sukunimi"
    assert dialog.columns["first_names"].currentText() == "Etunimet"
    assert dialog.columns["identity_code"].currentText() == "(not imported)"  # "Tunnus"
    assert dialog.preview.rowCount() == 4
    assert dialog.preview.item(0, 1).text() == "Åsa"
    assert dialog.preview.verticalHeaderItem(0).text() == "2"
    assert checked.args[0].accepted == 4  # without identity codes nothing is refused

    # The user maps "Tunnus" to the identity code: the rows are checked again.
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as checked:
        dialog.columns["identity_code"].setCurrentIndex(3)
    report = checked.args[0]
    assert (report.accepted, len(report.problems), len(report.duplicates)) == (2, 1, 1)
    findings = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert findings[0] == "line 3: Identity code: check character does not match; check for " \
        "a typo"
    assert findings[1].startswith("line 4: duplicate of SUO-")
    assert "Jääskö" not in " ".join(findings)
    assert "2 ready to import, 1 refused, 1 already known" in dialog.summary.text()
    assert dialog.import_button.isEnabled()


def test_all_or_nothing_then_import_valid_rows_on_a_worker(
    svc: services.Services, list_file: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = _dialog(svc, qtbot)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.load_file(list_file)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.columns["identity_code"].setCurrentIndex(3)
    dialog.breach.setCurrentIndex(1)
    dialog.all_or_nothing.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.import_button.click()
    assert done.args[0].imported == 0
    assert "Nothing was imported" in dialog.message.text()
    assert svc.case_list.count_cases() == 1

    dialog.import_valid.setChecked(True)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.load_file(list_file)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.columns["identity_code"].setCurrentIndex(3)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.import_button.click()
    report = done.args[0]
    assert report.imported == 2
    assert "Imported 2 people as new cases" in dialog.message.text()
    assert dialog.progress.maximum() == 2 and dialog.progress.value() == 2
    assert not dialog.import_button.isEnabled()
    assert svc.case_list.count_cases() == 3
    detail = svc.cases.get_detail(svc.case_list.list_case_ids()[-1])
    assert detail.victim.breaches == ("Vastaamo 2018",)


def test_unreadable_file_is_explained_in_one_sentence(
    svc: services.Services, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "kuva.csv"
    path.write_bytes(b"\x89PNG\x00\x00")
    dialog = _dialog(svc, qtbot)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "not a text file" in dialog.detected.text(), timeout=10_000)
    assert not dialog.import_button.isEnabled()


def test_import_is_offered_in_the_main_window_and_closed_by_a_lock(
    database, supervisor, qtbot  # type: ignore[no-untyped-def]
) -> None:
    from gui.window.main_window import MainWindow
    from gui.workspaces.import_dialog import ImportDialog
    from models import services as services_module

    window = MainWindow(services_module.build(database, supervisor))
    qtbot.addWidget(window)
    assert window.import_action.isVisible()
    window.toolbar.import_list()
    assert window.findChild(ImportDialog) is not None
    window.lock()
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is None, timeout=2000)
