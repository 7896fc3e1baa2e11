"""Unsaved input survives the idle lock: forms and case windows come back after unlocking.

Every editing dialog is driven as a person drives it: open the case from the list, click
the tab and the button, type, lock (the Lock action, once the idle timer), unlock by typing
the password and clicking Unlock, find the text again, save. While locked no widget may
hold the typed text or the case's data, and nothing of it may reach the disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from gui.case.break_glass import BreakGlassDialog
from gui.case.case_view import CaseView
from gui.case.dialogs.base import RecordDialog
from gui.case.dialogs.case_details import (
    CaseDialog,
    ClosureDialog,
    IdentityCodeDialog,
    VictimDialog,
)
from gui.case.dialogs.records import (
    ExtortionContactDialog,
    FollowUpDialog,
    PoliceReportDialog,
    ProtectiveActionDialog,
    SupportSessionDialog,
)
from gui.case.intake import IntakeWizard
from gui.shared import errors, questions
from gui.shared.drafts import CaseReopen, FormDraft, LockedDrafts
from gui.shared.navigation import ALL_CASES
from gui.shared.settings import WindowState
from gui.window import case_list, locking, main_window
from gui.window.main_window import MainWindow
from gui.workspaces import accounts_admin
from gui.workspaces.accounts_admin import (
    AccountsView,
    ChangeRoleDialog,
    CreateAccountDialog,
    ResetPasswordDialog,
)
from models import services
from models.domain.base import local_today
from models.domain.dto import (
    CaseDetail,
    CaseDraft,
    CaseFilter,
    FollowUpDraft,
    PoliceReportDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.enums import AuditAction, ClosureReason, Role
from models.domain.validation import generate_temporary_identity_code
from models.services.audit_log import AuditQuery
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD

#: Typed into the forms; found nowhere while locked.
MARK = "Zqxv unsaved words 4711"
#: ASCII, so the test can type it into the lock screen key by key.
KAISA_PASSWORD = "Sammal-Lyhty-Kallio-Purje"
OTHER_PASSWORD = "Kuusi-Vene-Laituri-Sumu"
SURNAME = "Esimerkki"
CODE = generate_temporary_identity_code(dt.date(1984, 5, 17), 931)
IDLE_S = 5 * 60


class FakeClock:
    """The idle watcher's clock, moved by hand (seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Office:
    database: Database
    boss: services.Services
    kaisa: Actor
    olli: Actor
    case_id: int  # Kaisa's
    others_case_id: int  # Olli's


@dataclass
class Answers:
    """What the app asked or told while the test ran (no dialog waits in exec())."""

    asked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reload: bool = False


def _account(boss: services.Services, name: str, display: str, role: Role,
             password: str) -> Actor:
    user = boss.accounts.create_user(name, display, role, password, kdf=FAST_KDF)
    return Actor(user.id, user.username, user.display_name, role)


@pytest.fixture
def office(database: Database, supervisor: Actor) -> Office:
    boss = services.build(database, supervisor)
    kaisa = _account(boss, "kaisa", "Kaisa Neuvoja", Role.COUNSELLOR, KAISA_PASSWORD)
    olli = _account(boss, "olli", "Olli Toinen", Role.COUNSELLOR, OTHER_PASSWORD)
    case = boss.cases.create_intake(
        VictimDraft(first_names="Aino", last_name=SURNAME, identity_code=CODE),
        CaseDraft(risk_level="high", risk_reason="Second demand today",
                  assigned_to_id=kaisa.user_id))
    records = boss.records
    when = dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC)
    records.add_police_report(case.id, PoliceReportDraft(report_number="5500/R/12345/20",
                                                         filed_on=when.date()))
    records.add_support_session(case.id, SupportSessionDraft(started_at=when,
                                                             notes="First call."))
    records.add_follow_up(case.id, FollowUpDraft(due_on=local_today(),
                                                 description="Call back"))
    others = boss.cases.create_intake(VictimDraft(first_names="Pekka", last_name="Toinen"),
                                      CaseDraft(assigned_to_id=olli.user_id))
    return Office(database, boss, kaisa, olli, case.id, others.id)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    told = Answers()

    def discard(parent: QWidget) -> bool:
        raise AssertionError("nothing may ask about discarding here")

    def reload(parent: QWidget, error: Any) -> bool:
        told.asked.append("reload")
        return told.reload

    def error(parent: QWidget | None, problem: BaseException, title: str = "") -> None:
        told.errors.append(str(problem))

    monkeypatch.setattr(questions, "confirm_discard", discard)
    monkeypatch.setattr(questions, "ask_reload", reload)
    monkeypatch.setattr(errors, "show_error", error)
    for module in (main_window, case_list, locking):
        monkeypatch.setattr(module, "show_error", error)
    monkeypatch.setattr(accounts_admin, "KDF", FAST_KDF)
    return told


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "suoja.ini"


def signed_in(office: Office, username: str, password: str) -> services.Services:
    """Services on a database of the window's own, as the app signs in (the lock closes
    it; the supervisor's services the test checks with stay open)."""
    database, actor = open_database(office.database.path, username, password)
    return services.build(database, actor)


def _show(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    qtbot.addWidget(window)
    window.resize(1100, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


@pytest.fixture
def window(office: Office, answers: Answers, clock: FakeClock, settings_file: Path,
           qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    state = WindowState(QSettings(str(settings_file), QSettings.Format.IniFormat))
    shown = _show(MainWindow(signed_in(office, "kaisa", KAISA_PASSWORD), clock=clock,
                             window_state=state), qtbot)
    yield shown
    shown.session.close()


# -- what a person does ------------------------------------------------------------------------


def open_case_window(window: MainWindow, case_id: int, qtbot) -> CaseView:  # type: ignore[no-untyped-def]
    """Select the case in the list and open it (the list's Open case action)."""
    if window.model.row_of(case_id) is None:
        window.navigation.select(ALL_CASES)
    row = window.model.row_of(case_id)
    assert row is not None
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(row, 0))
    window.open_case_action.trigger()
    return case_window(window, case_id, qtbot)


def case_window(window: MainWindow, case_id: int, qtbot) -> CaseView:  # type: ignore[no-untyped-def]
    def find() -> CaseView | None:
        views = [v for v in window.findChildren(CaseView)
                 if v.case_id == case_id and not v.is_wiped and v.isVisible()]
        return views[0] if views else None

    qtbot.waitUntil(lambda: find() is not None, timeout=3000)
    view = find()
    assert view is not None
    return view


def click(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_tab(view: CaseView, section: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = view.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(view.tabs.indexOf(section)).center())
    assert view.tabs.currentWidget() is section


def click_row(table: QAbstractItemView, row: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def dialog_of(view: CaseView, cls: type[QDialog]) -> QDialog:
    found = [d for d in view.open_dialogs() if isinstance(d, cls)]
    assert len(found) == 1, f"expected one {cls.__name__}, found {len(found)}"
    return found[0]


def type_into(qtbot, editor: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def choose_by_keyboard(qtbot, combo: QComboBox, data: object) -> None:  # type: ignore[no-untyped-def]
    """Move a combo box with the keyboard (Home, then Down) until it shows ``data``."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def selected_line(view: CaseView) -> object:
    """Which line of the current tab is selected (a record section's key), if any."""
    section = view.tabs.currentWidget()
    current = getattr(section, "current_record", lambda: None)()
    return None if current is None else section.selection_key(current)  # type: ignore[union-attr]


def text_of(editor: QWidget) -> str:
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    assert isinstance(editor, QLineEdit)
    return editor.text()


def lock(window: MainWindow) -> None:
    window.lock_action.trigger()
    assert window.is_locked


def unlock(window: MainWindow, qtbot, password: str = KAISA_PASSWORD) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.lock_screen.password, password)
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.is_locked, window.lock_screen.error.text()


def every_text(window: MainWindow) -> list[str]:
    """Every text the window, what it owns and any shown window hold: fields, labels,
    buttons, titles, lists."""
    found: list[str] = []
    widgets = [window, *window.findChildren(QWidget)]
    widgets += [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in widgets:
        found += [widget.windowTitle(), widget.toolTip(), widget.accessibleDescription()]
        if isinstance(widget, QLineEdit | QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            found.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    found.append(str(model.data(model.index(row, column))))
    return found


def assert_nothing_held(window: MainWindow, qtbot, *secrets: str) -> None:  # type: ignore[no-untyped-def]
    """While locked: no case window, no dialog, and no widget with a secret in it."""
    qtbot.waitUntil(lambda: not window.findChildren(CaseView)
                    and not window.findChildren(QDialog), timeout=3000)
    seen = "\n".join(every_text(window))
    for secret in (MARK, SURNAME, *secrets):
        assert secret not in seen, secret


def kept_forms_text(window: MainWindow) -> str:
    label = window.lock_screen.kept_forms
    return label.text() if label.isVisibleTo(window.lock_screen) else ""


# -- every record dialog ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Editor:
    """How a person opens one editing dialog of the case window, and what it saves."""

    name: str
    dialog: type[RecordDialog]
    open: Callable[[CaseView, Any], None]
    field: str  # typed into
    saved: Callable[[CaseDetail], list[str]]  # the saved values of that field
    prepare: Callable[[RecordDialog, Any], None] | None = None


def _in_tab(section: str, button: str, row: int | None = None) -> Callable[[CaseView, Any], None]:
    def open_it(view: CaseView, qtbot: Any) -> None:
        tab = getattr(view, section)
        click_tab(view, tab, qtbot)
        if row is not None:
            click_row(tab.table, row, qtbot)
        click(qtbot, getattr(tab, button))
    return open_it


def _header(button: str) -> Callable[[CaseView, Any], None]:
    return lambda view, qtbot: click(qtbot, getattr(view.header, button))


def _report_number(dialog: RecordDialog, qtbot: Any) -> None:
    type_into(qtbot, dialog.field("report_number").editor, "5500/R/777/24")


def _new_code(dialog: RecordDialog, qtbot: Any) -> None:
    type_into(qtbot, dialog.field("identity_code").editor,
              generate_temporary_identity_code(dt.date(1984, 5, 17), 977))


def _plan_follow_up(dialog: RecordDialog, qtbot: Any) -> None:
    click(qtbot, dialog.field("next_follow_up_on").box.check)  # type: ignore[attr-defined]


EDITORS = [
    Editor("add extortion contact", ExtortionContactDialog, _in_tab("contacts", "add_button"),
           "message_text", lambda d: [c.message_text for c in d.extortion_contacts or ()]),
    Editor("add police report", PoliceReportDialog, _in_tab("reports", "add_button"),
           "department", lambda d: [r.department for r in d.police_reports or ()],
           _report_number),
    Editor("edit police report", PoliceReportDialog, _in_tab("reports", "edit_button", 0),
           "department", lambda d: [r.department for r in d.police_reports or ()]),
    Editor("add support session", SupportSessionDialog, _in_tab("sessions", "add_button"),
           "notes", lambda d: [s.notes for s in d.support_sessions or ()]),
    Editor("plan a follow-up at a session", SupportSessionDialog,
           _in_tab("sessions", "add_button"), "follow_up_task",
           lambda d: [f.description for f in d.follow_ups or ()], _plan_follow_up),
    Editor("edit support session", SupportSessionDialog, _in_tab("sessions", "edit_button", 0),
           "notes", lambda d: [s.notes for s in d.support_sessions or ()]),
    Editor("update protective action", ProtectiveActionDialog,
           _in_tab("actions", "edit_button", 1), "note",
           lambda d: [a.note for a in d.protective_actions or ()]),
    Editor("add follow-up", FollowUpDialog, _in_tab("follow_ups", "add_button"),
           "description", lambda d: [f.description for f in d.follow_ups or ()]),
    Editor("edit follow-up", FollowUpDialog, _in_tab("follow_ups", "edit_button", 0),
           "description", lambda d: [f.description for f in d.follow_ups or ()]),
    Editor("edit victim", VictimDialog, _header("edit_victim_button"), "safe_contact_note",
           lambda d: [d.victim.safe_contact_note]),
    Editor("edit case", CaseDialog, _header("edit_case_button"), "risk_reason",
           lambda d: [d.case.risk_reason]),
    Editor("change identity code", IdentityCodeDialog, _header("change_code_button"), "note",
           lambda d: [e.note for e in d.victim.identity_code_history], _new_code),
]


@pytest.mark.parametrize("editor", EDITORS, ids=[e.name for e in EDITORS])
def test_typed_input_survives_the_lock_and_saves(
    editor: Editor, window: MainWindow, office: Office, answers: Answers, qtbot  # type: ignore[no-untyped-def]
) -> None:
    view = open_case_window(window, office.case_id, qtbot)
    editor.open(view, qtbot)
    dialog = dialog_of(view, editor.dialog)
    assert isinstance(dialog, RecordDialog)
    if editor.prepare is not None:
        editor.prepare(dialog, qtbot)
    typed_into = dialog.field(editor.field).editor
    type_into(qtbot, typed_into, MARK)
    before = text_of(typed_into)
    assert MARK in before
    tab = view.tabs.currentWidget().objectName()
    line = selected_line(view)

    lock(window)
    assert_nothing_held(window, qtbot)
    assert "Signing out discards 1 unsaved form" in kept_forms_text(window)

    unlock(window, qtbot)
    view = case_window(window, office.case_id, qtbot)
    assert view.tabs.currentWidget().objectName() == tab
    assert selected_line(view) == line
    qtbot.waitUntil(lambda: any(isinstance(d, editor.dialog) for d in view.open_dialogs()))
    dialog = dialog_of(view, editor.dialog)
    assert isinstance(dialog, RecordDialog)
    again = dialog.field(editor.field).editor
    assert text_of(again) == before
    assert dialog.focusWidget() is again  # the cursor is back where the user typed
    assert answers.errors == []

    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    saved = editor.saved(office.boss.cases.get_detail(office.case_id))
    assert any(MARK in text for text in saved), saved


def test_a_closure_request_survives_the_lock(
    window: MainWindow, office: Office, answers: Answers, qtbot  # type: ignore[no-untyped-def]
) -> None:
    view = open_case_window(window, office.case_id, qtbot)
    click(qtbot, view.header.request_closure_button)
    dialog = dialog_of(view, ClosureDialog)
    reason = dialog.field("reason").editor
    assert isinstance(reason, QComboBox)
    choose_by_keyboard(qtbot, reason, ClosureReason.UNREACHABLE.value)
    lock(window)
    assert_nothing_held(window, qtbot)
    assert "1 unsaved form" in kept_forms_text(window)
    unlock(window, qtbot)
    view = case_window(window, office.case_id, qtbot)
    qtbot.waitUntil(lambda: any(isinstance(d, ClosureDialog) for d in view.open_dialogs()))
    dialog = dialog_of(view, ClosureDialog)
    assert isinstance(dialog, ClosureDialog) and dialog.request
    assert dialog.field("reason").raw() == ClosureReason.UNREACHABLE.value
    click(qtbot, dialog.save_button)
    case = office.boss.cases.get_detail(office.case_id).case
    assert case.requested_closure_reason == ClosureReason.UNREACHABLE.value


def test_a_supervisors_close_case_form_survives_the_lock(
    office: Office, answers: Answers, clock: FakeClock, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = _show(MainWindow(signed_in(office, "super", PASSWORD), clock=clock), qtbot)
    view = open_case_window(window, office.case_id, qtbot)
    click(qtbot, view.header.close_case_button)
    dialog = dialog_of(view, ClosureDialog)
    assert isinstance(dialog, ClosureDialog)
    choose_by_keyboard(qtbot, dialog.field("reason").editor, ClosureReason.REFERRED.value)
    lock(window)
    assert_nothing_held(window, qtbot)
    unlock(window, qtbot, PASSWORD)
    view = case_window(window, office.case_id, qtbot)
    qtbot.waitUntil(lambda: any(isinstance(d, ClosureDialog) for d in view.open_dialogs()))
    dialog = dialog_of(view, ClosureDialog)
    assert isinstance(dialog, ClosureDialog) and not dialog.request
    assert dialog.field("reason").raw() == ClosureReason.REFERRED.value
    click(qtbot, dialog.save_button)
    case = office.boss.cases.get_detail(office.case_id).case
    assert (case.status, case.closure_reason) == ("closed", ClosureReason.REFERRED.value)
    window.session.close()


# -- the idle timer, the disk and the settings ----------------------------------------------------


def _files_holding(folder: Path, needles: list[bytes]) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            if any(needle in content for needle in needles):
                found.append(path)
    return found


def test_the_idle_lock_keeps_drafts_off_the_disk_and_out_of_the_settings(
    window: MainWindow, office: Office, clock: FakeClock, settings_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    view = open_case_window(window, office.case_id, qtbot)
    click_tab(view, view.sessions, qtbot)
    click(qtbot, view.sessions.add_button)
    dialog = dialog_of(view, SupportSessionDialog)
    assert isinstance(dialog, RecordDialog)
    type_into(qtbot, dialog.field("notes").editor, MARK)

    clock.now += IDLE_S + 1  # five quiet minutes: the idle watcher's timer locks
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert_nothing_held(window, qtbot)
    assert settings_file.exists()  # the layout was saved on locking …
    needles = [MARK.encode("utf-8"), MARK.encode("utf-16-le")]
    database = Path(office.database.path)
    places = [database.parent, settings_file.parent, temp, Path.home()]
    for place in places:  # … and nothing typed went anywhere
        assert _files_holding(place, needles) == [], place
    assert MARK not in repr(window.locking.drafts)

    unlock(window, qtbot)
    view = case_window(window, office.case_id, qtbot)
    qtbot.waitUntil(lambda: any(isinstance(d, SupportSessionDialog)
                                for d in view.open_dialogs()))
    dialog = dialog_of(view, SupportSessionDialog)
    assert isinstance(dialog, RecordDialog)
    assert text_of(dialog.field("notes").editor) == MARK
    click(qtbot, dialog.save_button)
    detail = office.boss.cases.get_detail(office.case_id)
    assert MARK in [s.notes for s in detail.support_sessions or ()]
    office.boss.database.dispose()  # everything written out
    for place in places:  # saved notes are sealed in the database, never plain text
        assert _files_holding(place, needles) == [], place


# -- when the record or case changed meanwhile -------------------------------------------------


def test_a_record_changed_meanwhile_meets_the_usual_conflict(
    window: MainWindow, office: Office, answers: Answers, qtbot  # type: ignore[no-untyped-def]
) -> None:
    view = open_case_window(window, office.case_id, qtbot)
    _in_tab("sessions", "edit_button", 0)(view, qtbot)
    dialog = dialog_of(view, SupportSessionDialog)
    assert isinstance(dialog, RecordDialog)
    type_into(qtbot, dialog.field("notes").editor, MARK)
    lock(window)
    session = office.boss.cases.get_detail(office.case_id).support_sessions[0]
    office.boss.records.update_support_session(session.id, session.version, SupportSessionDraft(
        started_at=session.started_at, notes="Changed at another desk."))

    unlock(window, qtbot)
    view = case_window(window, office.case_id, qtbot)
    qtbot.waitUntil(lambda: any(isinstance(d, SupportSessionDialog)
                                for d in view.open_dialogs()))
    dialog = dialog_of(view, SupportSessionDialog)
    assert isinstance(dialog, RecordDialog)
    assert MARK in text_of(dialog.field("notes").editor)
    click(qtbot, dialog.save_button)
    assert answers.asked == ["reload"]  # "changed by someone else — reload?"
    assert dialog.isVisible()  # the user chose not to reload: their text is still there
    notes = office.boss.cases.get_detail(office.case_id).support_sessions[0].notes
    assert notes == "Changed at another desk."


def test_a_form_whose_record_was_removed_is_dropped_with_one_sentence(
    window: MainWindow, office: Office, answers: Answers, qtbot  # type: ignore[no-untyped-def]
) -> None:
    view = open_case_window(window, office.case_id, qtbot)
    _in_tab("reports", "edit_button", 0)(view, qtbot)
    dialog = dialog_of(view, PoliceReportDialog)
    assert isinstance(dialog, RecordDialog)
    type_into(qtbot, dialog.field("department").editor, MARK)
    lock(window)
    report = office.boss.cases.get_detail(office.case_id).police_reports[0]
    office.boss.records.delete_police_report(report.id)

    unlock(window, qtbot)
    view = case_window(window, office.case_id, qtbot)
    qtbot.waitUntil(lambda: bool(answers.errors))
    assert answers.errors == ["1 unsaved form could not be reopened and was discarded: "
                              "the case or record is no longer available to you."]
    assert view.open_dialogs() == []
    assert view.tabs.currentWidget() is view.reports


def _answer_break_glass(answer: Callable[[BreakGlassDialog], None]) -> QTimer:
    """Act on the break-the-glass dialog once it runs (it runs its own event loop)."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, BreakGlassDialog) and widget.isVisible():
                timer.stop()
                answer(widget)
                return

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_a_case_no_longer_ones_own_asks_again_and_cancelling_drops_its_forms(
    window: MainWindow, office: Office, answers: Answers, qtbot  # type: ignore[no-untyped-def]
) -> None:
    view = open_case_window(window, office.case_id, qtbot)
    click_tab(view, view.sessions, qtbot)
    click(qtbot, view.sessions.add_button)
    type_into(qtbot, dialog_of(view, SupportSessionDialog).field("notes").editor, MARK)
    lock(window)
    case = office.boss.cases.get_detail(office.case_id).case
    office.boss.cases.update_case(case.id, case.version, CaseDraft(
        risk_level=case.risk_level, risk_reason=case.risk_reason,
        assigned_to_id=office.olli.user_id, opened_on=case.opened_on))

    asked: list[str] = []
    timer = _answer_break_glass(lambda dialog: (asked.append(dialog.reason.raw()),
                                                dialog.cancel_button.click()))
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: bool(answers.errors), timeout=3000)
    timer.stop()
    assert asked == [""]  # asked why, as anyone opening another counsellor's case is
    assert not [v for v in window.findChildren(CaseView) if v.isVisible()]
    assert answers.errors == ["1 unsaved form could not be reopened and was discarded: "
                              "the case or record is no longer available to you."]


# -- break-the-glass, the intake and the account dialogs ---------------------------------------


def test_a_break_the_glass_reason_survives_the_lock(
    window: MainWindow, office: Office, answers: Answers, qtbot  # type: ignore[no-untyped-def]
) -> None:
    reason = f"Victim called in distress {MARK}"

    def type_and_lock(dialog: BreakGlassDialog) -> None:
        qtbot.keyClicks(dialog.reason.editor, reason)
        window.lock_action.trigger()  # Ctrl+L works from every window, dialogs included

    timer = _answer_break_glass(type_and_lock)
    window.navigation.select(ALL_CASES)
    row = window.model.row_of(office.others_case_id)
    assert row is not None
    window.table.setCurrentIndex(window.model.index(row, 0))
    window.open_case_action.trigger()  # runs the dialog until the lock ends it
    timer.stop()
    assert window.is_locked
    assert_nothing_held(window, qtbot, "Toinen")
    assert "1 unsaved form" in kept_forms_text(window)

    seen: list[str] = []
    timer = _answer_break_glass(lambda dialog: (seen.append(dialog.reason.raw()),
                                                dialog.open_button.click()))
    unlock(window, qtbot)
    view = case_window(window, office.others_case_id, qtbot)
    timer.stop()
    assert seen == [reason]
    assert view.detail.victim.last_name == "Toinen"
    grants = office.boss.break_glass.list_access_grants()
    assert [(g.case_id, g.username, g.reason) for g in grants] == [
        (office.others_case_id, "kaisa", reason)]


def test_the_intake_survives_the_lock_on_the_same_step(
    window: MainWindow, office: Office, answers: Answers, monkeypatch: pytest.MonkeyPatch,
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question",
                        lambda *_a: pytest.fail("the lock must not ask anything"))
    cases_before = office.boss.case_list.count_cases()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = window.findChildren(IntakeWizard)[0]
    page = wizard.identity_page
    type_into(qtbot, page.first_names.editor, "Zqxv")
    type_into(qtbot, page.last_name.editor, "Uusihenkilo")
    type_into(qtbot, page.safe_note.editor, MARK)
    click(qtbot, page.may_send_sms.editor)  # no text messages
    click(qtbot, wizard.button(wizard.WizardButton.NextButton))  # to the duplicates check
    click(qtbot, wizard.button(wizard.WizardButton.NextButton))  # to the risk
    assert wizard.currentId() == wizard.RISK
    choose_by_keyboard(qtbot, wizard.risk_page.risk.editor, "high")
    type_into(qtbot, wizard.risk_page.reason.editor, "Threatened today")

    lock(window)
    assert_nothing_held(window, qtbot, "Uusihenkilo", "Threatened today")
    assert "1 unsaved form" in kept_forms_text(window)
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(IntakeWizard)))
    wizard = next(w for w in window.findChildren(IntakeWizard) if w.isVisible())
    page = wizard.identity_page
    assert wizard.currentId() == wizard.RISK
    assert (page.first_names.raw(), page.last_name.raw()) == ("Zqxv", "Uusihenkilo")
    assert page.safe_note.raw() == MARK
    assert page.may_send_sms.raw() is False
    assert wizard.risk_page.risk.raw() == "high"
    assert wizard.risk_page.reason.raw() == "Threatened today"

    click(qtbot, wizard.button(wizard.WizardButton.NextButton))
    click(qtbot, wizard.button(wizard.WizardButton.FinishButton))
    assert office.boss.case_list.count_cases() == cases_before + 1
    created = office.boss.case_list.list_case_ids(CaseFilter(text="Uusihenkilo"))
    assert len(created) == 1
    detail = office.boss.cases.get_detail(created[0])
    assert detail.victim.safe_contact_note == MARK
    assert not detail.victim.may_send_sms
    assert detail.case.risk_reason == "Threatened today"


@pytest.fixture
def boss_window(office: Office, answers: Answers, clock: FakeClock,
                qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    shown = _show(MainWindow(signed_in(office, "super", PASSWORD), clock=clock), qtbot)
    shown.navigation.select(accounts_admin.PLACE_KEY)
    yield shown
    shown.session.close()


def accounts_view(window: MainWindow) -> AccountsView:
    view = window.pages.currentWidget()
    assert isinstance(view, AccountsView)
    return view


def select_account(view: AccountsView, username: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    names = [view.model.record(row).username for row in range(view.model.rowCount())]
    click_row(view.table, names.index(username), qtbot)


def reopened_account_dialog(window: MainWindow, cls: type[QDialog], qtbot) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(accounts_view(window).dialog, cls))
    dialog = accounts_view(window).dialog
    assert isinstance(dialog, cls) and dialog.isVisible()
    return dialog


def test_a_new_account_form_survives_the_lock_but_not_its_password(
    boss_window: MainWindow, office: Office, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = boss_window
    click(qtbot, accounts_view(window).create_button)
    dialog = accounts_view(window).dialog
    assert isinstance(dialog, CreateAccountDialog)
    type_into(qtbot, dialog.username, "minna")
    type_into(qtbot, dialog.display_name, MARK)
    choose_by_keyboard(qtbot, dialog.role, Role.POLICE_LIAISON.value)
    type_into(qtbot, dialog.passwords.password, OTHER_PASSWORD)
    type_into(qtbot, dialog.passwords.repeat, OTHER_PASSWORD)

    lock(window)
    assert_nothing_held(window, qtbot, OTHER_PASSWORD, "minna")
    unlock(window, qtbot, PASSWORD)
    dialog = reopened_account_dialog(window, CreateAccountDialog, qtbot)
    assert isinstance(dialog, CreateAccountDialog)
    assert (dialog.username.text(), dialog.display_name.text()) == ("minna", MARK)
    assert dialog.role.currentData() == Role.POLICE_LIAISON.value
    assert dialog.passwords.password.text() == dialog.passwords.repeat.text() == ""
    assert "type the new password again" in dialog.error.text()
    type_into(qtbot, dialog.passwords.password, OTHER_PASSWORD)
    type_into(qtbot, dialog.passwords.repeat, OTHER_PASSWORD)
    click(qtbot, dialog.ok_button())
    created = [u for u in office.boss.accounts.list_users() if u.username == "minna"]
    assert [(u.display_name, u.role) for u in created] == [(MARK, Role.POLICE_LIAISON.value)]


def test_a_role_change_survives_the_lock(
    boss_window: MainWindow, office: Office, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = boss_window
    select_account(accounts_view(window), "olli", qtbot)
    click(qtbot, accounts_view(window).role_button)
    dialog = accounts_view(window).dialog
    assert isinstance(dialog, ChangeRoleDialog)
    choose_by_keyboard(qtbot, dialog.role, Role.SUPERVISOR.value)
    lock(window)
    assert_nothing_held(window, qtbot, "olli")
    assert "1 unsaved form" in kept_forms_text(window)
    unlock(window, qtbot, PASSWORD)
    dialog = reopened_account_dialog(window, ChangeRoleDialog, qtbot)
    assert isinstance(dialog, ChangeRoleDialog)
    assert dialog.user_id == office.olli.user_id
    assert dialog.role.currentData() == Role.SUPERVISOR.value
    click(qtbot, dialog.ok_button())
    olli = next(u for u in office.boss.accounts.list_users() if u.username == "olli")
    assert olli.role == Role.SUPERVISOR.value


def test_a_password_reset_comes_back_for_the_same_account_without_the_password(
    boss_window: MainWindow, office: Office, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = boss_window
    select_account(accounts_view(window), "olli", qtbot)
    click(qtbot, accounts_view(window).reset_button)
    dialog = accounts_view(window).dialog
    assert isinstance(dialog, ResetPasswordDialog)
    type_into(qtbot, dialog.passwords.password, "Tammi-Kaarna-Vuori-Lumi")
    lock(window)
    assert_nothing_held(window, qtbot, "Tammi-Kaarna-Vuori-Lumi", "olli")
    assert kept_forms_text(window) == ""  # a password is never kept: nothing to discard
    unlock(window, qtbot, PASSWORD)
    dialog = reopened_account_dialog(window, ResetPasswordDialog, qtbot)
    assert isinstance(dialog, ResetPasswordDialog)
    assert dialog.user_id == office.olli.user_id
    assert dialog.passwords.password.text() == ""
    type_into(qtbot, dialog.passwords.password, "Tammi-Kaarna-Vuori-Lumi")
    type_into(qtbot, dialog.passwords.repeat, "Tammi-Kaarna-Vuori-Lumi")
    click(qtbot, dialog.ok_button())
    database, actor = open_database(office.database.path, "olli", "Tammi-Kaarna-Vuori-Lumi")
    database.dispose()
    assert actor.user_id == office.olli.user_id


# -- reopening is an ordinary, audited opening; signing out discards -------------------------------


def test_reopening_the_case_is_audited_as_a_view(
    window: MainWindow, office: Office, qtbot  # type: ignore[no-untyped-def]
) -> None:
    def views() -> int:
        events = office.boss.audit.query(AuditQuery(case_id=office.case_id,
                                                    actions=(AuditAction.VIEW,)))
        return len([e for e in events if e.username == "kaisa"])

    open_case_window(window, office.case_id, qtbot)
    before = views()
    lock(window)
    assert kept_forms_text(window) == ""  # an open case, but no form: nothing to lose
    unlock(window, qtbot)
    case_window(window, office.case_id, qtbot)
    assert views() == before + 1


def test_signing_out_from_the_lock_screen_discards_the_drafts(
    window: MainWindow, office: Office, qtbot  # type: ignore[no-untyped-def]
) -> None:
    view = open_case_window(window, office.case_id, qtbot)
    click_tab(view, view.follow_ups, qtbot)
    click(qtbot, view.follow_ups.add_button)
    type_into(qtbot, dialog_of(view, FollowUpDialog).field("description").editor, MARK)
    lock(window)
    assert kept_forms_text(window) == (
        "Signing out discards 1 unsaved form; unlocking brings it back.")
    assert len(window.locking.drafts) == 2  # the case window and the form
    qtbot.mouseClick(window.lock_screen.sign_out_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert len(window.locking.drafts) == 0


# -- the sealed store itself -------------------------------------------------------------------


def test_locked_drafts_hold_typed_values_sealed_and_only_until_taken() -> None:
    kept = LockedDrafts()
    form = FormDraft(kind="support_session", case_id=7, record_id=3, version=2,
                     values={"notes": MARK, "started_at": dt.datetime(2024, 3, 1, 9, 30,
                                                                      tzinfo=dt.UTC),
                             "next_follow_up_on": dt.date(2024, 3, 8), "breaches": [1, 2]})
    untouched = FormDraft(kind="follow_up", case_id=7)
    kept.keep([CaseReopen(7, "support_sessionSection", 3, 40), form, untouched])
    assert len(kept) == 3 and kept.unsaved_forms == 1

    def everything(value: Any) -> str:
        if dataclasses.is_dataclass(value):
            return repr(value) + "".join(everything(getattr(value, f.name))
                                         for f in dataclasses.fields(value))
        if isinstance(value, list | tuple):
            return "".join(everything(v) for v in value)
        if isinstance(value, bytes):
            return value.decode("latin-1")
        return repr(value)

    held = everything(list(vars(kept).values()))
    assert MARK not in held and "4711" not in held
    assert MARK not in repr(kept)

    back = kept.take()
    assert back == [CaseReopen(7, "support_sessionSection", 3, 40), form, untouched]
    assert len(kept) == 0 and kept.take() == []
    assert vars(kept)["_key"] is None  # the key is forgotten with the drafts

    kept.keep([form])
    kept.discard()
    assert len(kept) == 0 and kept.unsaved_forms == 0 and vars(kept)["_key"] is None


def test_ctrl_l_in_an_open_form_locks_and_the_form_comes_back(
    window: MainWindow, office: Office, answers: Answers, qtbot  # type: ignore[no-untyped-def]
) -> None:
    """The shortcut a counsellor actually uses, pressed where they are typing."""
    view = open_case_window(window, office.case_id, qtbot)
    click_tab(view, view.sessions, qtbot)
    click(qtbot, view.sessions.add_button)
    dialog = dialog_of(view, SupportSessionDialog)
    notes = dialog.field("notes").editor
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    type_into(qtbot, notes, MARK)
    qtbot.keyClick(notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert_nothing_held(window, qtbot)
    unlock(window, qtbot)
    view = case_window(window, office.case_id, qtbot)
    qtbot.waitUntil(lambda: any(isinstance(d, SupportSessionDialog)
                                for d in view.open_dialogs()))
    assert MARK in text_of(dialog_of(view, SupportSessionDialog).field("notes").editor)
