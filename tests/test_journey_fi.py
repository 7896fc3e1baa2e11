"""A supervisor's whole working journey in Finnish, by keyboard alone.

Sign in (the sign-in window) → a new intake (Ctrl+N, every step of the wizard) → the new
case opens → an extortion contact, a police report, a support session and a follow-up,
each from its tab (Alt+number) with its Add button's Alt+letter → the case summary PDF
for the police through the case view's Export dialog → the PDF says SALASSA PIDETTÄVÄ and
carries the report number.

Every step is a key press or typed text (qtbot, QTest); nothing calls a slot or sets a
value. The Alt+letters are read from the Finnish texts of the widgets (the letter after
``&``), never written down in English, and each window is checked in Finnish for shared
letters and fields without a label (``keyboard_problems`` of ``tests/test_keyboard.py``).
Drop-down lists are chosen by typing the first letters of the Finnish item. After each
step the test checks where the keyboard focus went.

A supervisor walks it: the one role that takes an intake, records a support session and
exports for the police. Questions and errors are answered by the ``prompts`` fixture
(none is expected); the save-path question of the Export dialog by a stand-in for its
``choose_target``. Synthetic data only: a temporary identity code (900–999), a UK drama
phone number, example.org.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QWidget,
    QWizard,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout

from gui.case.dialogs.base import RecordDialog
from gui.case.dialogs.records import (
    ExtortionContactDialog,
    FollowUpDialog,
    PoliceReportDialog,
    SupportSessionDialog,
)
from gui.case.export_dialog import ExportCaseDialog
from gui.case.intake import IntakeWizard
from gui.shared import i18n as gui_i18n
from gui.shared.settings import Preferences, WindowState
from gui.start.login import LoginDialog
from gui.window.main_window import MainWindow
from models import services
from models.domain import i18n
from models.domain.base import local_today
from models.domain.enums import Language
from models.domain.formatting import local_time
from models.domain.validation import generate_temporary_identity_code
from models.pdf.data import Profile
from models.storage.store import open_database
from tests.conftest import PASSWORD
from tests.test_keyboard import (  # noqa: F401 - prompts and world are fixtures
    ALT,
    CTRL,
    Prompts,
    World,
    _dialog_by_key,
    _the_view,
    focused,
    keyboard_problems,
    press,
    prompts,
    show,
    top_dialog,
    world,
)

CODE = generate_temporary_identity_code(dt.date(1988, 6, 14), 947)
REPORT = "1234/R/5678/24"
PHONE = "+44 7700 900123"


# -- keys a Finnish keyboard has --------------------------------------------------------------


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` where the focus is, ä and ö too (QTest's own typing is ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused(), char)
        else:  # Ä, Ö, Å have keys of their own: Qt names them by the capital's code
            QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), Qt.Key(ord(char.upper())),
                               char, Qt.KeyboardModifier.NoModifier)


def mnemonic_key(text: str) -> Qt.Key:
    """The letter key of a text's ``&`` (``"&Lisää…"`` → Key_L); the text must have one."""
    sequence = QKeySequence.mnemonic(text)
    assert not sequence.isEmpty(), f"{text!r} has no Alt+letter"
    combination = sequence[0]  # type: ignore[index]
    assert combination.keyboardModifiers() == ALT
    return combination.key()


def alt_of(widget: QWidget) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    """The Alt+letter that reaches ``widget``: a button's own, or its label's."""
    if isinstance(widget, QAbstractButton):
        return mnemonic_key(QAbstractButton.text(widget)), ALT
    labels = [label for label in widget.window().findChildren(QLabel)
              if label.buddy() is widget and label.isVisibleTo(widget.window())]
    assert len(labels) == 1, f"{widget.objectName()} has {len(labels)} labels"
    return mnemonic_key(labels[0].text()), ALT


def choose(qtbot, combo: QWidget, typed: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a drop-down item by typing its first letters, as a keyboard user does."""
    assert focused() is combo and isinstance(combo, QComboBox)
    # Each list searches on its own: letters typed in another one do not add up here.
    type_text(qtbot, typed)
    assert combo.currentText() == expected


def no_keyboard_problems(window: QWidget) -> None:
    problems = keyboard_problems(window)
    assert problems == [], f"{window.windowTitle()}:\n" + "\n".join(problems)


def tab_to(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Press Tab once; the focus must land on ``widget``."""
    landed = press(qtbot, Qt.Key.Key_Tab)
    assert landed is widget, (f"Tab went to {type(landed).__name__}({landed.objectName()!r}), "
                              f"not {widget.objectName()!r}")


def date_text(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


# -- the journey ----------------------------------------------------------------------------


def _sign_in_finnish(  # type: ignore[no-untyped-def]
        world: World, db_path: Path, tmp_path: Path, qtbot) -> MainWindow:  # noqa: F811
    """The sign-in window in Finnish: the supervisor signs in by keyboard."""
    world.database.dispose()  # the app signs in to a closed database file
    login = LoginDialog(db_path, open_database)
    qtbot.addWidget(login)
    show(login, qtbot)
    assert login.windowTitle() == "Suoja — kirjaudu sisään"
    no_keyboard_problems(login)
    assert focused() is login.username
    qtbot.keyClicks(focused(), "super")
    assert press(qtbot, Qt.Key.Key_Tab) is login.password
    qtbot.keyClicks(focused(), PASSWORD)
    # Back to the username by its label's letter (Käyttäjätunnus), and on by the password's.
    assert press(qtbot, *alt_of(login.username)) is login.username
    assert press(qtbot, *alt_of(login.password)) is login.password
    with qtbot.waitSignal(login.accepted, timeout=10000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert login.result_value is not None
    (database, actor), login.result_value = login.result_value, None
    store = QSettings(str(tmp_path / "suoja.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services.build(database, actor), opener=open_database,
                        idle_lock_minutes=Preferences(store).idle_lock_minutes,
                        window_state=WindowState(store))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    show(window, qtbot)
    return window


def test_a_supervisors_journey_in_finnish_by_keyboard_only(  # type: ignore[no-untyped-def]
        world: World, db_path: Path, tmp_path: Path, prompts: Prompts,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    i18n.use(Language.FINNISH)
    gui_i18n.install(Language.FINNISH)
    try:
        _journey(world, db_path, tmp_path, prompts, monkeypatch, qtbot)
    finally:
        i18n.use(Language.ENGLISH, overridden=True)
        gui_i18n.install(Language.ENGLISH)


def _journey(  # type: ignore[no-untyped-def]
        world: World, db_path: Path, tmp_path: Path, prompts: Prompts,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    window = _sign_in_finnish(world, db_path, tmp_path, qtbot)
    today = local_today()

    # -- a new caller: Ctrl+N, the whole intake --------------------------------------------
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    wizard = show(top_dialog(IntakeWizard), qtbot)
    assert isinstance(wizard, IntakeWizard)
    assert wizard.windowTitle() == "Uusi asiakkuus – Suoja"
    no_keyboard_problems(wizard)
    identity = wizard.identity_page
    assert focused() is identity.first_names.editor
    type_text(qtbot, "Elina")
    tab_to(qtbot, identity.last_name.editor)
    type_text(qtbot, "Mäkelä")
    tab_to(qtbot, identity.identity_code.editor)  # optional: this caller knows hers
    type_text(qtbot, CODE)
    assert identity.identity_code.error.isHidden()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert wizard.currentId() == wizard.DUPLICATES  # nobody like her: Next has the focus
    qtbot.waitUntil(lambda: focused() is wizard.button(QWizard.WizardButton.NextButton))
    no_keyboard_problems(wizard)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert wizard.currentId() == wizard.RISK
    risk = wizard.risk_page
    no_keyboard_problems(wizard)
    assert focused() is risk.risk.editor
    choose(qtbot, risk.risk.editor, "kor", "Korkea")  # K is also Kohtalainen (the default)
    tab_to(qtbot, risk.reason.editor)
    type_text(qtbot, "Toinen vaatimus, määräaika 24 tuntia")
    tab_to(qtbot, risk.note.editor)  # the intake note: what was learnt on this call
    type_text(qtbot, "Soitti auttavan puhelimen kautta")
    assert risk.assignee is not None  # a supervisor chooses the counsellor
    tab_to(qtbot, risk.assignee.editor)
    choose(qtbot, risk.assignee.editor, "kai", "Kaisa Neuvoja")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert wizard.currentId() == wizard.FOLLOW_UP
    no_keyboard_problems(wizard)
    follow = wizard.follow_up_page
    assert focused() is follow.due.editor
    in_two_days = today + dt.timedelta(days=2)
    type_text(qtbot, date_text(in_two_days))
    tab_to(qtbot, follow.description.editor)
    assert follow.description.raw() == "Soita takaisin: vointi ja seuraavat askeleet"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert QAbstractButton.text(finish) == "&Luo asia"
    with qtbot.waitSignal(wizard.case_created, timeout=5000) as created:
        qtbot.keyClick(focused(), *alt_of(finish))
    case_id, reference = created.args

    # -- the new case opens, the timeline in hand ------------------------------------------
    view = _the_view(window, case_id, qtbot)
    assert focused() is view.timeline.table
    assert view.windowTitle() == f"{reference} – Suoja"
    new_case, victim = view.detail.case, view.detail.victim
    assert (victim.first_names, victim.last_name) == ("Elina", "Mäkelä")
    assert (new_case.risk_level, new_case.risk_reason, new_case.assigned_to_id) == (
        "high", "Toinen vaatimus, määräaika 24 tuntia", world.kaisa.user_id)
    assert new_case.intake_note == "Soitti auttavan puhelimen kautta"
    (first_follow_up,) = view.detail.follow_ups or ()
    assert first_follow_up.due_on == in_two_days
    tab_number: dict[QWidget, int] = {section: view.tabs.indexOf(section) + 1
                                      for section in view.sections()}

    def open_tab(section: QWidget, title: str) -> None:
        show(view, qtbot)  # offscreen, closing a dialog activates no window
        qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{tab_number[section]}"), ALT)
        assert view.tabs.currentWidget() is section
        # The focus leaves the list of the tab before for this tab's first control: Add….
        assert focused() is section.add_button  # type: ignore[attr-defined]
        assert view.tabs.tabText(view.tabs.currentIndex()).startswith(title)
        no_keyboard_problems(view)

    def add(section: QWidget, kind: type) -> object:
        button = section.add_button  # type: ignore[attr-defined]
        assert QAbstractButton.text(button) == "&Lisää…"
        dialog = _dialog_by_key(view, qtbot, alt_of(button))
        assert isinstance(dialog, kind)
        no_keyboard_problems(dialog)
        return dialog

    def saved_and_back(dialog: QWidget, section: QWidget) -> object:
        try:  # a button's Alt+letter clicks it a moment later
            qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
                            timeout=2000)
        except WaitTimeout:  # say why it would not save
            assert isinstance(dialog, RecordDialog)
            errors = {name: field.error.text() for name, field in dialog.form.fields.items()
                      if not field.error.isHidden()}
            pytest.fail(f"{dialog.windowTitle()} was not saved: {errors} "
                        f"{dialog.problem.text()}")
        show(view, qtbot)
        assert focused() is section.table  # type: ignore[attr-defined]
        record = section.current_record()  # type: ignore[attr-defined]
        assert record is not None
        return record

    # -- the extortion message she got: Alt+2, Alt+L ----------------------------------------
    open_tab(view.contacts, "Kiristysyhteydenotot")
    dialog = add(view.contacts, ExtortionContactDialog)
    assert isinstance(dialog, ExtortionContactDialog)
    assert focused() is dialog.field("received_at").editor
    type_text(qtbot, f"{date_text(today - dt.timedelta(days=2))} 21.15")  # as Finns write it
    tab_to(qtbot, dialog.field("channel").editor)
    choose(qtbot, focused(), "tek", "Tekstiviesti")
    tab_to(qtbot, dialog.field("sender").editor)
    type_text(qtbot, PHONE)
    tab_to(qtbot, dialog.field("currency").editor)
    assert dialog.field("currency").raw() == "EUR"
    tab_to(qtbot, dialog.field("amount_demanded").editor)
    type_text(qtbot, "500,00")
    tab_to(qtbot, dialog.field("wallet_address").editor)
    tab_to(qtbot, dialog.field("deadline_at").box.check)  # type: ignore[attr-defined]
    tab_to(qtbot, dialog.field("message_text").editor)
    type_text(qtbot, "Maksa 500 euroa 48 tunnin kuluessa, tai terapiamuistiinpanosi "
                     "julkaistaan.")
    assert dialog.save_button.isEnabled(), dialog.problem.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)  # Enter alone starts a new line
    contact = saved_and_back(dialog, view.contacts)
    local = local_time(contact.received_at)  # type: ignore[attr-defined]  # Finnish time
    assert (local.date(), local.hour, local.minute) == (today - dt.timedelta(days=2), 21, 15)
    assert (contact.channel, contact.sender, contact.amount_demanded  # type: ignore[attr-defined]
            ) == ("sms", PHONE.replace(" ", ""), Decimal("500"))
    assert contact.message_text.startswith("Maksa 500 euroa")  # type: ignore[attr-defined]

    # -- her police report: Alt+3, Alt+L ----------------------------------------------------
    open_tab(view.reports, "Rikosilmoitukset")
    dialog = add(view.reports, PoliceReportDialog)
    assert isinstance(dialog, PoliceReportDialog)
    assert focused() is dialog.field("report_number").editor
    type_text(qtbot, REPORT)
    assert dialog.field("report_number").error.isHidden()
    tab_to(qtbot, dialog.field("department").editor)
    type_text(qtbot, "Helsingin poliisilaitos")
    tab_to(qtbot, dialog.field("filed_on").editor)
    type_text(qtbot, date_text(today))
    tab_to(qtbot, dialog.field("state").editor)
    choose(qtbot, focused(), "es", "Esitutkinnassa")
    tab_to(qtbot, dialog.field("victim_has_copy").editor)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert QAbstractButton.text(dialog.save_button) == "&Tallenna"
    qtbot.keyClick(focused(), *alt_of(dialog.save_button))
    report = saved_and_back(dialog, view.reports)
    assert (report.report_number, report.department, report.state,  # type: ignore[attr-defined]
            report.filed_on, report.victim_has_copy) == (  # type: ignore[attr-defined]
        REPORT, "Helsingin poliisilaitos", "under_investigation", today, True)

    # -- the call itself: Alt+4, Alt+L ------------------------------------------------------
    open_tab(view.sessions, "Tukikeskustelut")
    dialog = add(view.sessions, SupportSessionDialog)
    assert isinstance(dialog, SupportSessionDialog)
    assert focused() is dialog.field("started_at").editor
    yesterday = today - dt.timedelta(days=1)
    type_text(qtbot, f"{date_text(yesterday)} 8.05")
    tab_to(qtbot, dialog.field("duration_minutes").editor)
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    type_text(qtbot, "45")
    tab_to(qtbot, dialog.field("mode").editor)
    choose(qtbot, focused(), "ka", "Kasvokkain")
    tab_to(qtbot, dialog.field("distress_level").editor)
    for _ in range(8):  # from "not assessed" up to 7
        qtbot.keyClick(focused(), Qt.Key.Key_Up)
    tab_to(qtbot, dialog.field("outcome").editor)
    type_text(qtbot, "Kriisisuunnitelma sovittu")
    tab_to(qtbot, dialog.field("referral").editor)
    choose(qtbot, focused(), "ri", "Rikosuhripäivystys (RIKU, 116 006)")
    tab_to(qtbot, dialog.field("next_follow_up_on").box.check)  # type: ignore[attr-defined]
    tab_to(qtbot, dialog.field("notes").editor)  # no date planned: the task is skipped
    type_text(qtbot, "Käytiin läpi; hän ei aio maksaa.")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    session = saved_and_back(dialog, view.sessions)
    local = local_time(session.started_at)  # type: ignore[attr-defined]
    assert (local.date(), local.hour, local.minute) == (yesterday, 8, 5)
    assert (session.duration_minutes, session.mode, session.distress_level,  # type: ignore[attr-defined]
            session.referral, session.outcome) == (  # type: ignore[attr-defined]
        45, "in_person", 7, "riku", "Kriisisuunnitelma sovittu")
    assert session.notes.startswith("Käytiin läpi; hän ei aio maksaa.")  # type: ignore[attr-defined]

    # -- what comes next: Alt+6, Alt+L ------------------------------------------------------
    open_tab(view.follow_ups, "Seurannat")
    dialog = add(view.follow_ups, FollowUpDialog)
    assert isinstance(dialog, FollowUpDialog)
    assert focused() is dialog.field("due_on").editor
    in_a_week = today + dt.timedelta(days=7)
    type_text(qtbot, date_text(in_a_week))
    tab_to(qtbot, dialog.field("description").editor)
    type_text(qtbot, "Kysy poliisin päätöksestä")
    tab_to(qtbot, dialog.field("assignee_id").editor)
    choose(qtbot, focused(), "kai", "Kaisa Neuvoja")  # names only: roles are for account managers
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Save is the default button
    planned = saved_and_back(dialog, view.follow_ups)
    assert (planned.due_on, planned.description, planned.assignee_id) == (  # type: ignore[attr-defined]
        in_a_week, "Kysy poliisin päätöksestä", world.kaisa.user_id)
    assert len(view.detail.follow_ups or ()) == 2  # the intake's and this one

    # -- the summary for the police: the header's Vie PDF…, answered where to save -----------
    asked: list[Path] = []
    target = tmp_path / "poliisille.pdf"

    def save_as(_dialog: ExportCaseDialog, suggested: Path) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(ExportCaseDialog, "choose_target", save_as)
    assert QAbstractButton.text(view.header.export_button) == "Vie P&DF…"
    assert focused() is view.follow_ups.table
    export = _dialog_by_key(view, qtbot, alt_of(view.header.export_button))
    assert isinstance(export, ExportCaseDialog)
    assert export.windowTitle() == f"Vie asia {reference} PDF-tiedostoksi"
    no_keyboard_problems(export)
    profile = export.options.profile
    assert focused() is profile
    choose(qtbot, profile, "po", "Poliisi – ilman tukikeskustelujen muistiinpanoja")
    assert profile.currentData() == Profile.POLICE
    qtbot.keyClick(focused(), *alt_of(export.export_button))
    qtbot.waitUntil(lambda: not shiboken6.isValid(export) or not export.isVisible())
    assert [path.name for path in asked] == [f"{reference}-police.pdf"]
    show(view, qtbot)
    assert focused() is view.follow_ups.table  # back where the export started
    assert view.status_text.text() == f"{target.name} tallennettu kansioon {target.parent}."

    text = " ".join(page.extract_text() or "" for page in PdfReader(target).pages)
    assert "SALASSA PIDETTÄVÄ" in text
    assert REPORT in text and reference in text
    assert "Käytiin läpi" not in text  # the police profile leaves the session notes out
    assert prompts.shown == []  # no question, no error on the way

    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # Esc closes the case view
    qtbot.waitUntil(lambda: not shiboken6.isValid(view) or not view.isVisible())
    window.close()
    window.session.close()
