"""Every action and button on every screen, for every role, pressed the way a person does.

For each role the main window opens on a small seeded demo database; every place in the
navigation is visited (clicked), a case is opened ("Open case" on a selected row), and
:class:`~tests.helpers.every_control.Explorer` presses every visible, enabled action and
button there and in every window and dialog that opens: ``QAction.trigger()``,
``qtbot.mouseClick``, typing with ``qtbot.keyClicks``; never a slot. Questions are answered
"no" once and "yes" once (files go to the test's folder), so the caseload report really
writes its PDF. Last, Quit is pressed and cancelled when the demo asks, and the window is
locked, unlocked with the password typed, locked again and signed out.

A test fails on any unhandled exception (pytest-qt, and tests/conftest.py's crash hook)
and lists every control that was seen enabled but never pressed, so a new button gets
pressed here without anyone adding it to a list.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.case import files
from gui.shared.navigation import ALL_CASES
from gui.window.main_window import MainWindow
from models import services
from models.demo.seed import DEMO_PASSWORD, seed_demo
from models.domain.dto import CaseFilter
from models.domain.enums import ClosureReason, Role
from models.domain.errors import KnownError
from models.domain.validation import generate_temporary_identity_code
from models.services.figures import OPEN_STATUSES
from models.storage.store import create_database, open_database
from tests.conftest import FAST_KDF, PASSWORD, QuitQuestions
from tests.helpers.every_control import STRONG, Control, Explorer, windows

VICTIMS = 30
USERS = {
    "counsellor": "counsellor01",
    "police liaison": "liaison01",
    "supervisor": "supervisor02",
    "administrator": "admin01",
}
LOCK: Control = ("MainWindow › MainToolbar", "lock_action")
UNLOCK: Control = ("MainWindow › LockScreen", "unlock_button")
SIGN_OUT: Control = ("MainWindow › LockScreen", "sign_out_button")
QUIT: Control = ("MainWindow › MainToolbar", "quit_action")


# -- how a person fills in the dialogs ---------------------------------------------------


def _break_glass(explorer: Explorer, dialog: QWidget) -> None:
    explorer.type_into(dialog.reason.editor,  # type: ignore[attr-defined]
                       "Victim called in distress; their counsellor is away")


def _passwords(explorer: Explorer, dialog: QWidget) -> None:
    fields = dialog.passwords  # type: ignore[attr-defined]
    explorer.type_into(fields.password, STRONG)
    explorer.type_into(fields.repeat, STRONG)


def _new_account(explorer: Explorer, dialog: QWidget) -> None:
    explorer.type_into(dialog.username, "kalle.koe")  # type: ignore[attr-defined]
    explorer.type_into(dialog.display_name, "Kalle Koe")  # type: ignore[attr-defined]
    _passwords(explorer, dialog)


def _intake(explorer: Explorer, wizard: QWidget) -> None:
    """A caller's names, and the phone number of a victim already in Suoja (so the
    duplicate check has something to show)."""
    page = wizard.identity_page  # type: ignore[attr-defined]
    if wizard.currentId() != wizard.IDENTITY or page.last_name.editor.text():  # type: ignore[attr-defined]
        return
    explorer.type_into(page.first_names.editor, "Teppo")
    explorer.type_into(page.last_name.editor, "Testinen")
    phone = _a_known_phone(wizard.parentWidget())  # type: ignore[arg-type]
    if phone:
        explorer.type_into(page.phone.editor, phone)


def _a_known_phone(window: MainWindow) -> str | None:
    cases = window.session.services.cases
    for row in range(window.model.rowCount()):
        try:
            phone = cases.get_detail(window.model.case_id(row)).victim.phone
        except KnownError:
            continue
        if phone:
            return phone
    return None


#: What a person types into a record dialog's empty required fields.
RECORD_FIELDS = {
    "report_number": "5500/R/12345/20",
    "description": "Call back after the police interview",
    "identity_code": generate_temporary_identity_code(dt.date(1980, 1, 2), 990),
}


def _record(explorer: Explorer, dialog: QWidget) -> None:
    """The required fields a new record needs, and a few words in its free text."""
    fields = dialog.form.fields  # type: ignore[attr-defined]
    for name, text in RECORD_FIELDS.items():
        editor = fields[name].editor if name in fields else None
        if isinstance(editor, QLineEdit) and not editor.text():
            explorer.type_into(editor, text)
    explorer.append_to_first_text(dialog)


FILLERS = {
    "BreakGlassDialog": _break_glass,
    "CreateAccountDialog": _new_account,
    "ResetPasswordDialog": _passwords,
    "IntakeWizard": _intake,
    **{name: _record for name in (
        "ExtortionContactDialog", "PoliceReportDialog", "SupportSessionDialog",
        "ProtectiveActionDialog", "FollowUpDialog", "VictimDialog", "IdentityCodeDialog",
        "CaseDialog", "ClosureDialog")},
}


# -- the database and the window -----------------------------------------------------------


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database (its folder is copied for each role: presses change data)."""
    folder = tmp_path_factory.mktemp("demo")
    result = create_database(folder / "demo.db", username="supervisor", password=PASSWORD,
                             kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=VICTIMS, seed=1, kdf=FAST_KDF)
    finally:
        result.database.dispose()
    # Four closure requests wait for a supervisor (from a counsellor not explored here).
    database, actor = open_database(folder / "demo.db", "counsellor02", DEMO_PASSWORD)
    try:
        svc = services.build(database, actor)
        cases = svc.cases
        mine = svc.case_list.list_case_ids(CaseFilter(assigned_to_id=actor.user_id,
                                                      statuses=OPEN_STATUSES))
        for case_id in mine[:4]:
            version = cases.get_detail(case_id).case.version
            cases.request_closure(case_id, version, ClosureReason.RESOLVED)
    finally:
        database.dispose()
    return folder


@pytest.fixture
def opened_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Attachments "opened with the desktop's program" (nothing is launched)."""
    opened: list[str] = []
    monkeypatch.setattr(files, "open_url",
                        lambda url: opened.append(url.toLocalFile()) or True)
    return opened


@pytest.fixture
def window_for(demo_folder: Path, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
               ) -> Iterator[object]:
    opened: list[MainWindow] = []

    def open_as(username: str) -> MainWindow:
        folder = tmp_path / "db"
        shutil.copytree(demo_folder, folder)
        database, actor = open_database(folder / "demo.db", username, DEMO_PASSWORD)
        # As ``main.py --demo`` opens it: quitting asks first, so Quit can be pressed
        # (and cancelled) without ending the walk.
        window = MainWindow(services.build(database, actor), opener=open_database,
                            discard_on_quit=True)
        qtbot.addWidget(window)
        opened.append(window)
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        return window

    yield open_as
    for window in opened:
        window.session.close()


def _go_to(explorer: Explorer, window: MainWindow, key: str) -> None:
    """Click a place in the navigation list."""
    if window.place == key:
        return
    navigation = window.navigation
    row = navigation.keys().index(key)
    index = navigation.model().index(row, 0)
    explorer.qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton,
                              pos=navigation.visualRect(index).center())
    explorer.settle()
    assert window.place == key


def _choose_a_filter(explorer: Explorer, window: MainWindow) -> None:
    """Pick the next risk level with the keyboard (so "Clear filters" can be pressed)."""
    explorer.qtbot.mouseClick(window.filter_bar.risk, Qt.MouseButton.LeftButton)
    explorer.close_popups()
    explorer.qtbot.keyClick(window.filter_bar.risk, Qt.Key.Key_Down)
    explorer.settle()
    assert window.filter_bar.clear_button.isEnabled()


def _search(explorer: Explorer, window: MainWindow) -> None:
    """Type a surname's first letters in the search box, as a caller's name is typed."""
    surname = str(window.model.data(window.model.index(0, 1))).split(",")[0]
    explorer.type_into(window.search, surname[:3])
    explorer.qtbot.waitUntil(lambda: window.model.case_filter.text == surname[:3],
                             timeout=3000)
    assert window.place == ALL_CASES and window.model.rowCount() >= 1
    explorer.type_into(window.search, "")
    explorer.qtbot.waitUntil(lambda: not window.model.case_filter.text, timeout=3000)


def _lock_unlock_sign_out(explorer: Explorer, window: MainWindow, password: str,
                          quit_questions: QuitQuestions) -> None:
    """Quit, cancelled when asked; lock, type the password, unlock; lock again and sign
    out."""
    asked = len(explorer.answers.asked)
    quit_questions.quit = False
    explorer.press(window, QUIT, window.quit_action)
    # The question about forms left typed into (the walk may leave one open), which names
    # the demo too, or else the demo's own.
    assert ([demo for _forms, demo in quit_questions.asked] == [True]
            or explorer.answers.asked[asked:] == ["dialog: QMessageBox"])
    assert window.isVisible()
    explorer.press(window, LOCK, window.lock_action)
    assert window.is_locked
    explorer.type_into(window.lock_screen.password, password)
    explorer.press(window, UNLOCK, window.lock_screen.unlock_button)
    assert not window.is_locked
    explorer.press(window, LOCK, window.lock_action)
    explorer.press(window, SIGN_OUT, window.lock_screen.sign_out_button)
    assert not window.isVisible()
    explorer.pressed += [QUIT, LOCK, UNLOCK, SIGN_OUT]


def _decide_on_closures_in_their_cases(explorer: Explorer, window: MainWindow) -> None:
    """Find cases waiting for closure by their reference and open them, to reach the
    Approve and Return buttons (either one takes the other away: two cases)."""
    _go_to(explorer, window, ALL_CASES)
    for _ in range(2):
        waiting = window.session.services.caseload.closure_requests()
        assert waiting, "the demo data has closure requests left"
        reference = waiting[0].reference
        explorer.type_into(window.search, reference)
        explorer.qtbot.waitUntil(lambda r=reference: window.model.case_filter.text == r
                                 and window.model.rowCount() == 1, timeout=3000)
        explorer.qtbot.mouseClick(
            window.table.viewport(), Qt.MouseButton.LeftButton,
            pos=window.table.visualRect(window.model.index(0, 0)).center())
        before = set(windows())
        explorer.press(window, ("MainWindow", "open_case_action"), window.open_case_action)
        view = next(w for w in windows() if w not in before)
        explorer.explore(view, reopen=None)
        explorer.close(view)
    explorer.type_into(window.search, "")


def _open_someone_elses_case(explorer: Explorer, window: MainWindow) -> None:
    """A counsellor opens another counsellor's case: break-the-glass asks why (answered
    "cancel" once, then with a reason typed)."""
    _go_to(explorer, window, ALL_CASES)
    mine = window.session.actor.display_name
    model = window.model
    row = next(r for r in range(model.rowCount())
               if model.data(model.index(r, 5)) not in (mine, None, ""))
    explorer.qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                              pos=window.table.visualRect(model.index(row, 0)).center())
    explorer.press_both_ways(window, ("MainWindow", "open_case_action"),
                             window.open_case_action, None)


def explore_role(window: MainWindow, explorer: Explorer) -> None:
    places = window.navigation.keys()
    for key in places:
        _go_to(explorer, window, key)
        if key == ALL_CASES:
            _choose_a_filter(explorer, window)
        explorer.explore(window, reopen=None,
                         restore=lambda key=key: _go_to(explorer, window, key))
        if key == ALL_CASES:
            _search(explorer, window)
    if window.session.actor.role is Role.SUPERVISOR:
        _decide_on_closures_in_their_cases(explorer, window)
    if window.session.actor.role is Role.COUNSELLOR:
        _open_someone_elses_case(explorer, window)


# -- the explorer itself -----------------------------------------------------------------


class _Toy(QWidget):
    """A window whose first button takes the second away, and whose third opens a dialog
    that asks before it saves."""

    def __init__(self) -> None:
        super().__init__()
        self.first = QPushButton("First", self)
        self.second = QPushButton("Second", self)
        self.third = QPushButton("Third", self)
        self.first.clicked.connect(lambda: self.second.setEnabled(False))
        self.third.clicked.connect(self.open_dialog)
        self.saved: list[str] = []
        layout = QVBoxLayout(self)
        for button in (self.first, self.second, self.third):
            layout.addWidget(button)

    def open_dialog(self) -> None:
        dialog = QDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        QVBoxLayout(dialog).addWidget(buttons)

        def save() -> None:
            name, _ = QFileDialog.getSaveFileName(dialog, "Save", "toy.txt", "Text (*.txt)")
            if name:
                Path(name).write_text("saved", encoding="utf-8")
                self.saved.append(name)
                dialog.accept()

        buttons.accepted.connect(save)
        buttons.rejected.connect(dialog.reject)
        dialog.open()


def test_the_explorer_presses_everything_and_reports_what_it_could_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    toy = _Toy()
    qtbot.addWidget(toy)
    toy.show()
    explorer = Explorer(qtbot, monkeypatch, tmp_path, {}, set())
    explorer.explore(toy, reopen=None)
    assert explorer.unpressed() == ["_Toy: second ('Second')"]  # seen, then taken away
    assert ("_Toy", "first") in explorer.pressed and ("_Toy", "third") in explorer.pressed
    # The dialog was opened again for Save after Cancel closed it; Save asked where, was
    # answered "cancel" once and a file the second time.
    assert [c for c in explorer.pressed if c[0] == "QDialog"] == [
        ("QDialog", "Cancel"), ("QDialog", "Save")]
    assert explorer.answers.asked == ["save as: Save", "save as: Save"]
    assert [Path(name).name for name in toy.saved] == ["toy.txt"]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible()]


# -- every role ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(USERS))
def test_every_action_and_button_of_every_screen(
        role: str, window_for, opened_files: list[str], tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch, quit_questions: QuitQuestions, qtbot) -> None:
    window = window_for(USERS[role])
    explorer = Explorer(qtbot, monkeypatch, tmp_path / "files", FILLERS,
                        deferred={QUIT, LOCK, UNLOCK, SIGN_OUT})
    explore_role(window, explorer)
    _lock_unlock_sign_out(explorer, window, DEMO_PASSWORD, quit_questions)
    print(f"{role}: {len(set(explorer.pressed))} controls pressed")  # noqa: T201
    print("\n".join(explorer.log))  # noqa: T201

    unpressed = explorer.unpressed()
    assert unpressed == [], "seen enabled, never pressed:\n" + "\n".join(unpressed)
    pressed = set(explorer.pressed)
    # The walk really reached the screens (it cannot pass by finding nothing).
    expected: dict[str, set[Control]] = {
        "counsellor": {("MainWindow › MainToolbar", "intake_action"),
                       ("MainWindow", "open_case_action"),
                       ("CaseView › CaseHeader", "edit_case_button"),
                       ("CaseView › PoliceReportSection", "add_button"),
                       ("BreakGlassDialog", "cancel_button"),
                       ("BreakGlassDialog", "open_button")},
        "police liaison": {("MainWindow › MainToolbar", "batch_export_action"),
                           ("MainWindow › AnalysisView", "export_button"),
                           ("CaseView › CaseHeader", "export_button")},
        "supervisor": {("MainWindow › MainToolbar", "report_action"),
                       ("MainWindow › DashboardView", "refresh_button"),
                       ("MainWindow › CaseloadView", "reassign_button"),
                       ("MainWindow › CaseloadView", "approve_button"),
                       ("MainWindow › CaseloadView", "return_button"),
                       ("MainWindow › FilterBar", "clear_button"),
                       ("CaseView › CaseHeader", "close_case_button"),
                       ("CaseView › CaseHeader", "approve_button"),
                       ("CaseView › CaseHeader", "return_button")},
        "administrator": {("MainWindow › AccountsView", "create_button"),
                          ("MainWindow › AccountsView", "reset_button")},
    }
    assert expected[role] <= pressed, expected[role] - pressed
    # Whatever the person chose to save was written.
    assert [p for p in explorer.answers.saved if not p.exists()] == []
    if role == "supervisor":
        reports = [p for p in explorer.answers.saved if p.name == "caseload.pdf"]
        assert reports and PdfReader(reports[0]).pages  # the report action wrote its PDF
