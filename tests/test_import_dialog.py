"""The import dialog, driven like a person would: choose a file, map its columns, import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from gui.shared.session import Session
from gui.workspaces.import_dialog import ImportDialog
from models import services
from models.domain.dto import CaseDraft, VictimDraft
from models.domain.validation import generate_temporary_identity_code
from models.services.importing import UnresolvedColumns
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database

SAFE_NOTE = "Ei vastaajaa; soita iltaisin"


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


@pytest.fixture
def finnish_list(tmp_path: Path, svc: services.Services) -> Path:
    """A spreadsheet with two columns Suoja does not know by name, and a quoted line break."""
    lines = [
        "Etunimet;Sukunimi;Henkilötunnus;Lisätiedot;Ilmoitettu",
        f'Aino;Testinen;{_code(5, 960)};"{SAFE_NOTE}";12.11.2020',       # row 2
        f'Eino;Testinen;{_code(6, 961)};"Soita\nvain arkisin";2020-11-13',  # row 3, lines 3–4
        f"Väinö;Testinen;{_code(7, 962)};;eilen",                        # row 4, line 5
    ]
    path = tmp_path / "lista.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def _dialog(svc: services.Services, qtbot) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(Session(svc, open_database))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose(qtbot, combo: QComboBox, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item the way a keyboard user does: focus the combo and type its start
    (one choice per test and combo: Qt joins keys typed in quick succession)."""
    combo.setFocus()
    qtbot.keyClicks(combo, typed)


def _choose_by_arrows(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Move a combo box with the keyboard (Home, then Down) until it shows ``text``."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def _open(dialog: ImportDialog, path: Path, qtbot):  # type: ignore[no-untyped-def]
    dialog.choose_file = lambda: path  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as checked:
        qtbot.mouseClick(dialog.findChild(type(dialog.import_button), "browse"),
                         Qt.MouseButton.LeftButton)
    return checked.args[0]


def _mapping_rows(dialog: ImportDialog) -> list[tuple[str, str]]:
    table = dialog.mapping_table
    rows = []
    for row in range(table.rowCount()):
        combo = table.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        rows.append((table.item(row, 0).text(), combo.currentText()))
    return rows


def test_dialog_says_what_it_expects_and_maps_unknown_columns_by_choice(
    svc: services.Services, finnish_list: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = _dialog(svc, qtbot)
    intro = dialog.intro.text()
    assert "Required columns: First names, Last name." in intro
    assert "Safe-contact note" in intro and "Opened on" in intro and "Ignore" in intro

    outcome = _open(dialog, finnish_list, qtbot)
    assert isinstance(outcome, UnresolvedColumns)
    assert "3 rows" in dialog.detected.text()
    # The columns to decide on come first, in view.
    assert _mapping_rows(dialog) == [
        ("Lisätiedot", "Choose…"), ("Ilmoitettu", "Choose…"),
        ("Etunimet", "First names"), ("Sukunimi", "Last name"),
        ("Henkilötunnus", "Identity code")]
    assert dialog.pending.text() == ("Choose a field or Ignore for each column before "
                                     "importing: Lisätiedot, Ilmoitettu.")
    assert not dialog.import_button.isEnabled()
    # The preview numbers rows as the spreadsheet does, and shows the unknown columns too.
    assert [dialog.preview.verticalHeaderItem(r).text() for r in range(3)] == ["2", "3", "4"]
    assert dialog.preview.item(0, 3).text() == SAFE_NOTE
    dialog.grab().save(str(finnish_list.parent / "import-dialog-unmapped.png"))

    # Free text goes to the safe-contact note or the case's intake note; the risk reason
    # (the staff's assessment, shown as "Risk") is not offered.
    offered = [dialog.columns[3].itemText(i) for i in range(dialog.columns[3].count())]
    assert "Intake note" in offered and "Safe-contact note" in offered
    assert "Risk reason" not in offered
    assert "safe-contact note or the intake note" in intro
    # Lisätiedot becomes the safe-contact note; one column is still open: no import yet.
    _choose(qtbot, dialog.columns[3], "Safe")
    assert dialog.columns[3].currentText() == "Safe-contact note"
    assert dialog.pending.text().endswith(": Ilmoitettu.")
    assert not dialog.import_button.isEnabled()

    # Ilmoitettu becomes the case's opening date: every row is checked against it.
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as checked:
        _choose(qtbot, dialog.columns[4], "Opened")
    report = checked.args[0]
    assert dialog.pending.text() == ""
    assert (report.rows, report.accepted, len(report.problems)) == (3, 2, 1)
    findings = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert findings == [
        "row 4 (file line 5): Opened on: must be a date like 24.10.1980 or 1980-10-24"]
    assert dialog.import_button.isEnabled()
    dialog.grab().save(str(finnish_list.parent / "import-dialog-mapped.png"))

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].imported == 2
    # Read back as a user would see it in the case view.
    notes = {}
    for case_id in svc.case_list.list_case_ids():
        detail = svc.cases.get_detail(case_id)
        notes[detail.victim.first_names] = (detail.victim.safe_contact_note,
                                            detail.case.opened_on)
    assert notes == {"Aino": (SAFE_NOTE, dt.date(2020, 11, 12)),
                     "Eino": ("Soita\nvain arkisin", dt.date(2020, 11, 13))}


def test_ignore_resolves_a_column_and_one_field_takes_one_column(
    svc: services.Services, finnish_list: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = _dialog(svc, qtbot)
    _open(dialog, finnish_list, qtbot)
    _choose_by_arrows(qtbot, dialog.columns[3], "Ignore")
    assert dialog.pending.text().endswith(": Ilmoitettu.")
    # A field chosen for two columns is named, and stops the import until one changes.
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        _choose_by_arrows(qtbot, dialog.columns[4], "Last name")
    assert dialog.pending.text() == (
        "Last name is chosen for more than one column: Sukunimi, Ilmoitettu.")
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as checked:
        _choose_by_arrows(qtbot, dialog.columns[4], "Ignore")
    assert checked.args[0].accepted == 3
    assert dialog.pending.text() == ""
    assert dialog.mapping() == {"first_names": 0, "last_name": 1, "identity_code": 2}
    assert dialog.ignored() == {3, 4}
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].imported == 3
    detail = svc.cases.get_detail(svc.case_list.list_case_ids()[0])
    assert detail.victim.safe_contact_note == ""


def test_dialog_shows_detection_preview_and_findings(
    svc: services.Services, list_file: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = _dialog(svc, qtbot)
    outcome = _open(dialog, list_file, qtbot)
    assert isinstance(outcome, UnresolvedColumns)  # "Tunnus" is not a name Suoja knows
    assert "Windows-1252" in dialog.detected.text()
    assert "semicolon" in dialog.detected.text() and "4 rows" in dialog.detected.text()
    assert dialog.columns[0].currentText() == "Last name"
    assert dialog.columns[1].currentText() == "First names"
    assert dialog.columns[2].currentText() == "Choose…"
    assert dialog.preview.rowCount() == 4
    assert dialog.preview.item(0, 1).text() == "Åsa"
    assert dialog.preview.verticalHeaderItem(0).text() == "2"

    # The user maps "Tunnus" to the identity code: the rows are checked.
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as checked:
        _choose(qtbot, dialog.columns[2], "Id")
    report = checked.args[0]
    assert (report.accepted, len(report.problems), len(report.duplicates)) == (2, 1, 1)
    findings = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert findings[0] == "row 3: Identity code: check character does not match; check for " \
        "a typo"
    assert findings[1].startswith("row 4: duplicate of SUO-")
    assert "Jääskö" not in " ".join(findings)
    assert "2 ready to import, 1 refused, 1 already known" in dialog.summary.text()
    assert dialog.import_button.isEnabled()


def test_all_or_nothing_then_import_valid_rows_on_a_worker(
    svc: services.Services, list_file: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = _dialog(svc, qtbot)
    _open(dialog, list_file, qtbot)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        _choose(qtbot, dialog.columns[2], "Id")
    dialog.breach.setCurrentIndex(1)
    dialog.all_or_nothing.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.import_button.click()
    assert done.args[0].imported == 0
    assert "Nothing was imported" in dialog.message.text()
    assert svc.case_list.count_cases() == 1

    dialog.import_valid.setChecked(True)
    _open(dialog, list_file, qtbot)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        _choose(qtbot, dialog.columns[2], "Id")
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.import_button.click()
    report = done.args[0]
    assert report.imported == 2
    assert "Imported 2 people as new cases" in dialog.message.text()
    assert dialog.progress.maximum() == 4 and dialog.progress.value() == 4  # rows read
    assert not dialog.import_button.isEnabled()
    assert svc.case_list.count_cases() == 3
    detail = svc.cases.get_detail(svc.case_list.list_case_ids()[-1])
    assert detail.victim.breaches == ("Vastaamo 2018",)


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This does not look like a list of people"),
    ("Ostoslista\nmaitoa\nleipää\n".encode(), "This does not look like a list of people"),
    (b"Etunimet;Sukunimi\r\n", "The file has a header but no rows to import."),
])
def test_files_that_are_no_list_are_explained_in_one_sentence(
    content: bytes, message: str,
    svc: services.Services, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "kuva.csv"
    path.write_bytes(content)
    dialog = _dialog(svc, qtbot)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: message in dialog.detected.text() + dialog.summary.text(),
                    timeout=10_000)
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


def test_the_preview_masks_identity_codes_and_a_refused_file_leaves_nothing_behind(
    svc: services.Services, finnish_list: Path, tmp_path: Path,
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = _dialog(svc, qtbot)
    _open(dialog, finnish_list, qtbot)
    shown = [dialog.preview.item(row, 2).text() for row in range(dialog.preview.rowCount())]
    assert shown == [_code(day, individual)[:7] + "****"
                     for day, individual in ((5, 960), (6, 961), (7, 962))]
    # Wide enough for every choice, in the language in use: no combo is cut short.
    combos = list(dialog.columns.values())
    table = dialog.mapping_table
    qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width())
    assert all(combo.width() >= combo.sizeHint().width() for combo in combos)
    assert dialog.preview.width() > table.width() // 3  # the preview keeps room too

    picture = tmp_path / "kuva.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    dialog.choose_file = lambda: picture  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.findChild(type(dialog.import_button), "browse"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not look like a list" in dialog.detected.text(),
                    timeout=10_000)
    assert dialog.mapping_table.rowCount() == 0 and not dialog.columns
    assert dialog.preview.rowCount() == 0 and dialog.preview.columnCount() == 0
    assert not dialog.pending.text() and not dialog.import_button.isEnabled()
