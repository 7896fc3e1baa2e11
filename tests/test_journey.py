"""One victim's whole journey through the real widgets, as a counsellor clicks and types it.

Sign in → intake by keyboard (Ctrl+N) → the case view opens → an extortion contact, a
police report number (refused first, then saved), a support session and a follow-up →
close the case → find the case again by its police report number in the global search.

Nothing waits in a nested event loop: the questions and error dialogs go through the
functions of ``gui.shared.questions``, ``gui.shared.errors.show_error`` and ``QMessageBox``'s
static functions, which the ``messages`` fixture answers and records (none is expected on
this journey).
Synthetic data only: temporary identity codes (900–999), example.org, a drama phone number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui.case.case_view import CaseView, open_case
from gui.case.dialogs.base import RecordDialog
from gui.case.intake import IntakeWizard
from gui.shared import errors, questions
from gui.shared.navigation import ALL_CASES
from gui.shared.settings import Preferences, WindowState
from gui.start.login import LoginDialog
from gui.window.main_window import MainWindow
from models import services
from models.domain.base import local_today
from models.domain.dto import CaseDraft, PoliceReportDraft, VictimDraft
from models.domain.validation import generate_temporary_identity_code
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import PASSWORD

FIRST, LAST = "Elina", "Testinen"
CODE = generate_temporary_identity_code(dt.date(1988, 6, 14), 942)
PHONE = "+44 7700 900123"
EMAIL = "elina.testinen@example.org"
WALLET = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
BAD_REPORT = "5500-R-12345-20"
REPORT = "5500/R/12345/20"

# The same journey on the SQLCipher file and on a PostgreSQL server.
pytestmark = pytest.mark.both_databases


# -- no message box may block the test ------------------------------------------------------


@dataclass
class Messages:
    """Every question or error the app tried to show (the journey expects none)."""

    shown: list[str] = field(default_factory=list)

    def _record(self, what: str, answer: Any) -> Any:
        def stand_in(*args: Any, **_kwargs: Any) -> Any:
            self.shown.append(f"{what}: {[str(a) for a in args[1:3]]}")
            return answer
        return stand_in


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    found = Messages()
    monkeypatch.setattr(questions, "confirm_discard", found._record("discard", False))
    monkeypatch.setattr(questions, "confirm", found._record("confirm", False))
    monkeypatch.setattr(questions, "ask_reload", found._record("reload", False))
    monkeypatch.setattr(errors, "show_error", found._record("error", None))
    monkeypatch.setattr(questions, "run_modal", found._record("modal", False))
    for name, answer in (("warning", QMessageBox.StandardButton.Ok),
                         ("critical", QMessageBox.StandardButton.Ok),
                         ("information", QMessageBox.StandardButton.Ok),
                         ("question", QMessageBox.StandardButton.Cancel)):
        monkeypatch.setattr(QMessageBox, name, staticmethod(found._record(name, answer)))
    return found


@pytest.fixture
def others(database: Database, supervisor: Actor) -> Database:
    """Two other victims already in Suoja, one with a near-miss police report number."""
    boss = services.build(database, supervisor)
    for number, (first, last) in enumerate((("Aino", "Esimerkki"), ("Pekka", "Toinen"))):
        case = boss.cases.create_intake(
            VictimDraft(first_names=first, last_name=last,
                        identity_code=generate_temporary_identity_code(
                            dt.date(1970 + number, 3, 4), 950 + number)),
            CaseDraft())
        boss.records.add_police_report(case.id, PoliceReportDraft(
            report_number=f"5500/R/12345/2{number + 1}", filed_on=local_today()))
    return database


# -- helpers ---------------------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """Press Tab and return where the focus went."""
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return focused()


def activate(widget: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Bring a window to the front (shortcuts reach only the active window)."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def click_tab(view: CaseView, section: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = view.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(view.tabs.indexOf(section)).center())
    assert view.tabs.currentWidget() is section


def add_dialog(view: CaseView, section: Any, qtbot) -> RecordDialog:  # type: ignore[no-untyped-def]
    """Click the tab, then its Add button; return the dialog that opened."""
    click_tab(view, section, qtbot)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    dialogs = [d for d in view.open_dialogs() if isinstance(d, RecordDialog)]
    assert len(dialogs) == 1, "exactly one record dialog should be open"
    return dialogs[0]


def type_into(qtbot, dialog: RecordDialog, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Empty a field with Ctrl+A and Backspace, then type ``text`` (ASCII) into it."""
    editor = dialog.field(name).editor
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)


def save(dialog: RecordDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def cells(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


# -- the steps ---------------------------------------------------------------------------------


def sign_in(target: Target, tmp_path: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    """Sign in: a wrong password is refused in plain words, the right one opens the app.

    The main window is then built as ``gui.start.app._start`` builds it (automatic backups off,
    settings in the test's own INI file).
    """
    dialog = LoginDialog(target, open_database)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(dialog, qtbot)
    assert dialog.username.hasFocus()
    qtbot.keyClicks(dialog.username, "super")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    assert dialog.password.hasFocus()
    qtbot.keyClicks(dialog.password, "wrong password!")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == "Wrong username or password."
    assert dialog.password.text() == "" and dialog.password.hasFocus()

    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result_value is not None
    (database, actor), dialog.result_value = dialog.result_value, None
    assert actor.username == "super"

    store = QSettings(str(tmp_path / "suoja.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        services.build(database, actor), opener=open_database,
        idle_lock_minutes=Preferences(store).idle_lock_minutes,
        automatic_backups=False, window_state=WindowState(store),
    )
    qtbot.addWidget(window)
    window.show()
    activate(window, qtbot)
    assert actor.display_name in window.windowTitle()
    assert window.place == ALL_CASES  # a supervisor starts with every case
    assert window.count_label.text() == "2 cases"
    return window


def intake(window: MainWindow, qtbot) -> CaseView:  # type: ignore[no-untyped-def]
    """Ctrl+N, then the whole intake from the keyboard; the new case opens in its view."""
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizards = window.findChildren(IntakeWizard)
    assert len(wizards) == 1
    wizard = wizards[0]
    activate(wizard, qtbot)
    page = wizard.identity_page
    assert page.first_names.editor.hasFocus()

    qtbot.keyClicks(focused(), FIRST)
    assert tab(qtbot) is page.last_name.editor
    qtbot.keyClicks(focused(), LAST)
    assert tab(qtbot) is page.identity_code.editor
    qtbot.keyClicks(focused(), CODE)
    assert not page.identity_code.error.isVisible()
    assert page.birth_date.raw() == "14.6.1988"  # the code decides the date of birth
    assert tab(qtbot) is page.birth_date.editor
    assert tab(qtbot) is page.language.editor
    assert tab(qtbot) is page.phone.editor
    qtbot.keyClicks(focused(), PHONE)
    assert tab(qtbot) is page.email.editor
    qtbot.keyClicks(focused(), EMAIL)
    assert not page.phone.error.isVisible() and not page.email.error.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert wizard.currentId() == wizard.DUPLICATES
    assert "No existing victim" in wizard.duplicate_page.notice_text.text()
    next_button = wizard.button(wizard.WizardButton.NextButton)
    qtbot.waitUntil(next_button.hasFocus, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert wizard.currentId() == wizard.RISK
    risk = wizard.risk_page
    assert risk.risk.editor.hasFocus()
    qtbot.keyClick(risk.risk.editor, Qt.Key.Key_H)  # "High" by its first letter
    assert risk.reason.error.text() == "Required."
    assert not next_button.isEnabled()
    assert tab(qtbot) is risk.reason.editor
    qtbot.keyClicks(focused(), "Second demand, 24 h deadline")
    assert next_button.isEnabled()
    assert risk.assignee is not None and risk.assignee.raw() == window.session.actor.user_id
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert wizard.currentId() == wizard.FOLLOW_UP
    summary = wizard.follow_up_page.summary.text()
    assert f"saves {FIRST} {LAST}, risk level high" in summary
    assert "When following up: no voicemail, no e-mail, no post." in summary
    with qtbot.waitSignal(wizard.case_created, timeout=5000) as created:
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case_id, reference = created.args
    assert not wizard.isVisible()
    assert reference in window.statusBar().currentMessage()
    assert window.count_label.text() == "3 cases"

    # The main window opened the new case with the real ``gui.case.case_view.open_case``.
    qtbot.waitUntil(lambda: any(v.isVisible() for v in window.findChildren(CaseView)),
                    timeout=5000)
    (view,) = window.findChildren(CaseView)
    assert view.case_id == case_id
    opened_again = open_case(window, window.session, case_id)
    assert opened_again is not None and opened_again is view  # the same window, raised
    header = view.header
    assert header.name.text() == f"{FIRST} {LAST}"
    assert header.code.text() == CODE[:7] + "****" and CODE not in header.code.text()
    assert header.risk.text() == "High risk"
    assert "+447700900123" in header.contact.text() and EMAIL in header.contact.text()
    assert "Do not leave voicemail" in header.safe_rules.text()
    assert reference in view.windowTitle() and LAST not in view.windowTitle()
    assert view.tabs.tabText(view.tabs.indexOf(view.follow_ups)) == "Follow-ups (1 open)"
    return view


def record_extortion_contact(view: CaseView, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Extortion contacts → Add…: the message, the demand and a valid bech32 wallet."""
    dialog = add_dialog(view, view.contacts, qtbot)
    type_into(qtbot, dialog, "sender", "blackmail@example.org")
    type_into(qtbot, dialog, "amount_demanded", "200")
    type_into(qtbot, dialog, "wallet_address", WALLET)
    assert not dialog.field("wallet_address").error.isVisibleTo(dialog)
    type_into(qtbot, dialog, "message_text", "Pay 200 EUR in bitcoin within 24 hours.")
    save(dialog, qtbot)

    qtbot.waitUntil(lambda: view.contacts.model.rowCount() == 1, timeout=5000)
    assert view.contacts.detail_labels["wallet"].text() == WALLET
    assert view.contacts.detail_labels["sender"].text() == "blackmail@example.org"
    assert view.contacts.detail_labels["demanded"].text() == "200,00\u00a0€"
    assert view.contacts.message.toPlainText() == "Pay 200 EUR in bitcoin within 24 hours."
    assert view.tabs.tabText(view.tabs.indexOf(view.contacts)) == "Extortion contacts (1)"
    assert "Extortion contact" in cells(view.timeline.model, 1)


def add_police_report(view: CaseView, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Police reports → Add…: a wrong number is refused next to the field, then saved."""
    dialog = add_dialog(view, view.reports, qtbot)
    number = dialog.field("report_number")
    assert not dialog.save_button.isEnabled()  # the number is required

    type_into(qtbot, dialog, "report_number", BAD_REPORT)
    assert number.error.isVisibleTo(dialog)
    assert number.error.text() == "Must look like 5500/R/12345/20."
    assert not dialog.save_button.isEnabled()

    type_into(qtbot, dialog, "report_number", REPORT)
    assert not number.error.isVisibleTo(dialog)
    type_into(qtbot, dialog, "department", "Helsinki Police Department")
    save(dialog, qtbot)

    qtbot.waitUntil(lambda: view.reports.model.rowCount() == 1, timeout=5000)
    assert view.tabs.currentWidget() is view.reports
    assert cells(view.reports.model, 0) == [REPORT]
    assert cells(view.reports.model, 1) == ["Helsinki Police Department"]
    assert view.tabs.tabText(view.tabs.indexOf(view.reports)) == "Police reports (1)"
    assert not view.reports.empty_label.isVisibleTo(view)


def log_support_session(view: CaseView, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Support sessions → Add…: a video call, distress 6/10, an outcome and notes."""
    dialog = add_dialog(view, view.sessions, qtbot)
    qtbot.keyClick(dialog.field("mode").editor, Qt.Key.Key_V)  # "Video"
    distress = dialog.field("distress_level").editor
    for _ in range(7):  # from "Not assessed" up to 6
        qtbot.keyClick(distress, Qt.Key.Key_Up)
    type_into(qtbot, dialog, "outcome", "Crisis plan agreed")
    type_into(qtbot, dialog, "notes", "Talked through the demand; she will not pay.")
    save(dialog, qtbot)

    qtbot.waitUntil(lambda: view.sessions.model.rowCount() == 1, timeout=5000)
    assert cells(view.sessions.model, 2) == ["Video"]
    assert cells(view.sessions.model, 3) == [view.session.actor.display_name]
    assert cells(view.sessions.model, 4) == ["6/10"]
    assert view.sessions.outcome.text() == "Outcome: Crisis plan agreed"
    assert view.sessions.notes.toPlainText() == "Talked through the demand; she will not pay."
    assert view.tabs.tabText(view.tabs.indexOf(view.sessions)) == "Support sessions (1)"


def plan_follow_up(view: CaseView, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Follow-ups → Add…: a call in a week, beside the one the intake planned."""
    dialog = add_dialog(view, view.follow_ups, qtbot)
    in_a_week = local_today() + dt.timedelta(days=7)
    dialog.field("due_on").editor.setDate(QDate(in_a_week))  # picked from the calendar
    type_into(qtbot, dialog, "description", "Ask about the police interview")
    save(dialog, qtbot)

    model = view.follow_ups.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    assert cells(model, 4)[-1] == "Ask about the police interview"
    assert cells(model, 1)[-1] == f"{in_a_week.day}.{in_a_week.month}.{in_a_week.year}"
    assert cells(model, 2) == [view.session.actor.display_name] * 2
    assert view.tabs.tabText(view.tabs.indexOf(view.follow_ups)) == "Follow-ups (2 open)"


def close_view(window: MainWindow, view: CaseView, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+W closes the case window; nothing of it is left behind."""
    activate(view, qtbot)
    qtbot.keyClick(view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not shiboken6.isValid(view), timeout=5000)
    assert window.findChildren(CaseView) == []


def search_by_report_number(window: MainWindow, case_id: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+F and the report number: the list shows exactly this victim's case."""
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, REPORT)
    qtbot.waitUntil(lambda: window.count_label.text() == "1 case matches", timeout=5000)
    assert window.place == ALL_CASES
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 1)) == f"{LAST}, {FIRST}"
    assert window.model.case_id(0) == case_id


# -- the journey --------------------------------------------------------------------------------


@pytest.fixture
def window(others: Database, target: Target, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
           ) -> Iterator[MainWindow]:
    others.dispose()  # the app signs in to a closed database file
    signed_in = sign_in(target, tmp_path, qtbot)
    yield signed_in
    signed_in.close()
    signed_in.session.close()


def test_a_victims_journey_from_sign_in_to_finding_the_case_again(  # type: ignore[no-untyped-def]
        window: MainWindow, messages: Messages, qtbot) -> None:
    view = intake(window, qtbot)
    case_id = view.case_id
    record_extortion_contact(view, qtbot)
    add_police_report(view, qtbot)
    log_support_session(view, qtbot)
    plan_follow_up(view, qtbot)
    assert messages.shown == []  # no question, no error on the way

    detail = window.session.services.cases.get_detail(case_id)
    assert detail.victim.identity_code_masked == CODE[:7] + "****"
    assert detail.victim.birth_date == dt.date(1988, 6, 14)
    assert detail.victim.phone == "+447700900123"
    assert [r.report_number for r in detail.police_reports or ()] == [REPORT]
    assert [c.wallet_address for c in detail.extortion_contacts or ()] == [WALLET]

    close_view(window, view, qtbot)
    search_by_report_number(window, case_id, qtbot)
    assert messages.shown == []
