"""Quitting or signing out with typed, unsaved forms asks once first; locking never asks.

A counsellor on the phone types notes into a record dialog of a case window and closes the
main window by mistake (its close button, Alt+F4, or Quit in the Lock button's menu, Ctrl+Q
wherever the focus is): one question says how many forms hold unsaved input, offers "Quit
and discard" and Cancel (the default), and Cancel leaves every window open with what was
typed. A form merely open asks nothing, nor does the idle lock (which keeps the typed
values, sealed). Sign out in the Lock button's menu asks the same way; the lock screen's
Sign out does not (the screen says it discards them). The questions are the ones
``tests/conftest.py``'s ``quit_questions`` answers; one test runs the real message box and
clicks its buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui.case.case_view import CaseView
from gui.case.dialogs.base import RecordDialog
from gui.case.dialogs.records import FollowUpDialog, SupportSessionDialog
from gui.case.intake import IntakeWizard
from gui.shared import i18n as gui_i18n
from gui.shared import questions
from gui.window import main_window
from gui.window.main_window import MainWindow
from models.domain import i18n
from models.domain.enums import Language
from tests.conftest import QuitQuestions
from tests.test_drafts import (  # noqa: F401 - the fixtures among them
    IDLE_S,
    KAISA_PASSWORD,
    MARK,
    Answers,
    FakeClock,
    Office,
    _show,
    answers,
    case_window,
    click,
    click_tab,
    clock,
    dialog_of,
    lock,
    office,
    open_case_window,
    settings_file,
    signed_in,
    text_of,
    type_into,
    unlock,
    window,
)

#: The real question (``quit_questions`` stands in for it in every test).
REAL_CONFIRM_QUIT = questions.confirm_quit


@contextmanager
def real_question(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The real message box inside this only: once the test's body ends, pass or fail,
    the windows pytest-qt closes go without a question nobody would answer."""
    stand_in = questions.confirm_quit
    monkeypatch.setattr(questions, "confirm_quit", REAL_CONFIRM_QUIT)
    try:
        yield
    finally:
        monkeypatch.setattr(questions, "confirm_quit", stand_in)


@pytest.fixture
def demo_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The demo's own question, recorded and answered "Quit and discard"."""
    asked: list[str] = []

    def confirm(_parent: object) -> bool:
        asked.append("demo")
        return True

    monkeypatch.setattr(main_window, "confirm_discard_demo", confirm)
    return asked


def typed_session_notes(main: MainWindow, case_id: int, qtbot  # type: ignore[no-untyped-def]
                        ) -> tuple[CaseView, RecordDialog]:
    """Open the case from the list, click Add on the sessions tab, type notes."""
    view = open_case_window(main, case_id, qtbot)
    click_tab(view, view.sessions, qtbot)
    click(qtbot, view.sessions.add_button)
    dialog = dialog_of(view, SupportSessionDialog)
    assert isinstance(dialog, RecordDialog)
    type_into(qtbot, dialog.field("notes").editor, MARK)
    return view, dialog


def notes_come_back_after_unlocking(main: MainWindow, case_id: int,
                                    qtbot) -> None:  # type: ignore[no-untyped-def]
    """Unlock: the case window and its session form are back, with the notes typed."""
    unlock(main, qtbot, KAISA_PASSWORD)
    view = case_window(main, case_id, qtbot)
    qtbot.waitUntil(lambda: any(isinstance(d, SupportSessionDialog)
                                for d in view.open_dialogs()), timeout=3000)
    again = dialog_of(view, SupportSessionDialog)
    assert isinstance(again, RecordDialog)
    assert text_of(again.field("notes").editor) == MARK


def gone(widget: QWidget) -> bool:
    return not shiboken6.isValid(widget) or not widget.isVisible()


# -- the real question -----------------------------------------------------------------------


@dataclass
class Seen:
    """What the message box showed."""

    title: str = ""
    text: str = ""
    informative: str = ""
    buttons: list[str] = field(default_factory=list)
    default: str = ""


def answer_when_asked(button: Callable[[QMessageBox], object], seen: list[Seen]) -> None:
    """Once the quit question is on screen, note what it shows and click ``button(box)``
    (from a timer: ``exec()`` runs a loop of its own meanwhile); ``None``: click nothing."""
    tries = [0]

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "quitUnsaved"
                 and w.isVisible()]
        if not boxes:
            tries[0] += 1
            if tries[0] < 300:  # three seconds; then the test's assertions say why
                QTimer.singleShot(10, answer)
            return
        box = boxes[0]
        default = box.defaultButton()
        seen.append(Seen(box.windowTitle(), box.text(), box.informativeText(),
                         [b.text().replace("&", "") for b in box.buttons()],
                         default.text().replace("&", "") if default is not None else ""))
        chosen = button(box)
        if chosen is not None:
            chosen.click()  # type: ignore[attr-defined]

    QTimer.singleShot(0, answer)


def cancel_of(box: QMessageBox) -> object:
    return box.button(QMessageBox.StandardButton.Cancel)


def discard_of(box: QMessageBox) -> object:
    return next((b for b in box.buttons()
                 if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole), None)


def test_closing_with_typed_notes_asks_and_cancel_keeps_everything(
    window: MainWindow, office: Office, answers: Answers, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    view, dialog = typed_session_notes(window, office.case_id, qtbot)
    seen: list[Seen] = []
    with real_question(monkeypatch):
        answer_when_asked(cancel_of, seen)
        window.close()  # the window's close button
        assert [s.text for s in seen] == ["1 form has unsaved changes. Quit and discard them?"]
        assert seen[0].title == "Suoja — unsaved changes"
        assert seen[0].informative == "Anything typed but not saved is lost when Suoja quits."
        assert sorted(seen[0].buttons) == ["Cancel", "Quit and discard"]
        assert seen[0].default == "Cancel"
        # Cancel: nothing closed, nothing locked, the notes as typed.
        assert window.isVisible() and not window.is_locked
        assert view.isVisible() and dialog.isVisible()
        assert text_of(dialog.field("notes").editor) == MARK

        answer_when_asked(discard_of, seen)
        window.close()
        assert len(seen) == 2
        assert not window.isVisible()
    qtbot.waitUntil(lambda: gone(dialog) and gone(view), timeout=3000)
    assert len(window.locking.drafts) == 0


@pytest.mark.parametrize(("language", "words"), [
    (Language.FINNISH, ("lomakkeessa", "Lopeta ja hylkää muutokset", "Peru")),
    (Language.SWEDISH, ("formulär", "Avsluta och förkasta", "Avbryt")),
])
def test_the_question_speaks_finnish_and_swedish(
    language: Language, words: tuple[str, str, str], window: MainWindow, office: Office,  # noqa: F811
    answers: Answers, monkeypatch: pytest.MonkeyPatch, qtbot  # noqa: F811  # type: ignore[no-untyped-def]
) -> None:
    typed_session_notes(window, office.case_id, qtbot)
    i18n.use(language)
    gui_i18n.install(language)  # tests/conftest.py's ``_english`` switches back
    seen: list[Seen] = []
    with real_question(monkeypatch):
        answer_when_asked(cancel_of, seen)
        window.close()
    assert len(seen) == 1 and window.isVisible()
    noun, discard, cancel = words
    assert noun in seen[0].text and seen[0].text.startswith("1 ")
    assert sorted(seen[0].buttons) == sorted([discard, cancel])
    assert "Suoja" in seen[0].informative and "typed" not in seen[0].informative


# -- Quit and Ctrl+Q ----------------------------------------------------------------------------


def test_quit_is_in_the_lock_buttons_menu_and_asks_as_the_close_button_does(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    (action,) = [a for a in window.toolbar.lock_menu.actions()
                 if a.objectName() == "quitAction"]
    assert action.text() == "Quit"
    assert QKeySequence("Ctrl+Q") in action.shortcuts()
    _view, dialog = typed_session_notes(window, office.case_id, qtbot)
    quit_questions.quit = False
    action.trigger()
    assert quit_questions.asked == [(1, False)]
    assert window.isVisible() and dialog.isVisible()
    assert text_of(dialog.field("notes").editor) == MARK

    quit_questions.quit = True
    action.trigger()
    assert quit_questions.asked == [(1, False), (1, False)]
    assert not window.isVisible()
    qtbot.waitUntil(lambda: gone(dialog), timeout=3000)


def test_ctrl_q_quits_and_asks_first_even_past_an_open_form(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    """The form blocks the main window (it is window-modal over the case window), so
    Qt's shortcut alone would not fire: Ctrl+Q works there as Ctrl+L does."""
    view, dialog = typed_session_notes(window, office.case_id, qtbot)
    notes = dialog.field("notes").editor
    quit_questions.quit = False
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quit_questions.asked == [(1, False)]
    qtbot.keyClick(notes, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # where typed
    assert quit_questions.asked == [(1, False), (1, False)]
    assert window.isVisible() and dialog.isVisible() and text_of(notes) == MARK

    quit_questions.quit = True
    qtbot.keyClick(notes, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(quit_questions.asked) == 3
    assert not window.isVisible()
    qtbot.waitUntil(lambda: gone(dialog) and gone(view), timeout=3000)


def test_ctrl_q_in_a_case_window_with_nothing_typed_quits_without_asking(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    view = open_case_window(window, office.case_id, qtbot)
    qtbot.keyClick(view.tabs, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quit_questions.asked == []
    assert not window.isVisible()
    qtbot.waitUntil(lambda: gone(view), timeout=3000)


def test_while_locked_ctrl_q_does_nothing(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    """The lock screen offers Sign out; Ctrl+Q would throw away the kept forms there."""
    typed_session_notes(window, office.case_id, qtbot)
    lock(window)
    assert not window.quit_action.isEnabled()
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible() and window.is_locked
    assert window.locking.drafts.unsaved_forms == 1
    unlock(window, qtbot, KAISA_PASSWORD)
    assert window.quit_action.isEnabled()


# -- what is counted ---------------------------------------------------------------------------


def test_every_form_with_typed_input_counts(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    """A record dialog of a case window and the intake, both typed into: one question, 2."""
    view = open_case_window(window, office.case_id, qtbot)
    window.intake_action.trigger()  # Ctrl+N
    (wizard,) = [w for w in window.findChildren(IntakeWizard) if w.isVisible()]
    type_into(qtbot, wizard.identity_page.last_name.editor, "Uusihenkilo")
    click_tab(view, view.follow_ups, qtbot)
    click(qtbot, view.follow_ups.add_button)
    follow_up = dialog_of(view, FollowUpDialog)
    assert isinstance(follow_up, RecordDialog)
    type_into(qtbot, follow_up.field("description").editor, MARK)

    quit_questions.quit = False
    window.close()
    assert quit_questions.asked == [(2, False)]
    assert wizard.isVisible() and follow_up.isVisible() and window.isVisible()
    assert wizard.identity_page.last_name.raw() == "Uusihenkilo"

    quit_questions.quit = True
    window.close()
    assert quit_questions.asked == [(2, False), (2, False)]
    assert not window.isVisible()


def untyped_session_form(main: MainWindow, case_id: int,
                         qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """A case window's new-session form, opened and not typed into."""
    view = open_case_window(main, case_id, qtbot)
    click_tab(view, view.sessions, qtbot)
    click(qtbot, view.sessions.add_button)
    return dialog_of(view, SupportSessionDialog)


def test_a_form_opened_but_not_typed_into_asks_nothing(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = untyped_session_form(window, office.case_id, qtbot)
    quit_questions.quit = False  # were it asked, the window would stay open
    window.close()
    assert quit_questions.asked == []
    assert not window.isVisible()
    qtbot.waitUntil(lambda: gone(dialog), timeout=3000)


# -- locking and signing out never ask ---------------------------------------------------------


def test_the_idle_lock_keeps_typed_notes_without_asking(
    window: MainWindow, office: Office, answers: Answers, clock: FakeClock,  # noqa: F811
    quit_questions: QuitQuestions, qtbot  # type: ignore[no-untyped-def]
) -> None:
    _view, dialog = typed_session_notes(window, office.case_id, qtbot)
    quit_questions.quit = False
    clock.now += IDLE_S + 1  # five quiet minutes: the idle watcher locks
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    qtbot.waitUntil(lambda: gone(dialog), timeout=3000)
    assert quit_questions.asked == []
    assert window.locking.drafts.unsaved_forms == 1

    notes_come_back_after_unlocking(window, office.case_id, qtbot)
    assert quit_questions.asked == []


def test_the_idle_lock_while_the_question_waits_keeps_the_notes(
    window: MainWindow, office: Office, answers: Answers, clock: FakeClock,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    """The counsellor closed the window and walked away from the question: the idle lock
    closes the question like any window, which is no "Quit", and keeps the notes."""
    typed_session_notes(window, office.case_id, qtbot)
    seen: list[Seen] = []
    outlived: list[bool] = []

    def answer_if_still_there(box: QMessageBox) -> None:
        # Were the lock to leave the question open, someone coming back would answer it:
        # "Quit and discard", which must then find nothing to throw away.
        if shiboken6.isValid(box) and box.isVisible():
            outlived.append(True)
            next(button for button in box.buttons() if box.buttonRole(button)
                 is QMessageBox.ButtonRole.DestructiveRole).click()

    def walk_away(box: QMessageBox) -> None:
        clock.now += IDLE_S + 1  # five quiet minutes while the question waits
        QTimer.singleShot(3000, lambda: answer_if_still_there(box))

    with real_question(monkeypatch):
        answer_when_asked(walk_away, seen)
        window.close()
    assert len(seen) == 1 and outlived == []
    assert window.is_locked and window.isVisible()
    assert window.locking.drafts.unsaved_forms == 1
    notes_come_back_after_unlocking(window, office.case_id, qtbot)


def test_closing_the_locked_window_asks_about_the_kept_forms(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    """Locked, the typed notes are kept for unlocking: the close button asks before it
    throws them away, and Cancel leaves the window locked with the notes still kept."""
    typed_session_notes(window, office.case_id, qtbot)
    lock(window)
    assert window.locking.drafts.unsaved_forms == 1

    quit_questions.quit = False
    window.close()
    assert quit_questions.asked == [(1, False)]
    assert window.isVisible() and window.is_locked
    assert window.locking.drafts.unsaved_forms == 1
    notes_come_back_after_unlocking(window, office.case_id, qtbot)

    lock(window)
    quit_questions.quit = True
    window.close()
    assert quit_questions.asked == [(1, False), (1, False)]
    assert not window.isVisible()
    assert window.locking.drafts.unsaved_forms == 0


def test_closing_the_locked_window_with_nothing_kept_asks_nothing(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    untyped_session_form(window, office.case_id, qtbot)  # nothing typed: nothing to lose
    lock(window)
    quit_questions.quit = False  # were it asked, the window would stay open
    window.close()
    assert quit_questions.asked == []
    assert not window.isVisible()


def test_signing_out_with_typed_forms_asks_first_and_cancel_keeps_them(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    """Sign out in the Lock button's menu would discard the typed form: asked first;
    Cancel leaves the window unlocked with the form and its text."""
    _view, dialog = typed_session_notes(window, office.case_id, qtbot)
    quit_questions.sign_out = False
    window.sign_out_action.trigger()
    assert quit_questions.asked_sign_out == [1] and quit_questions.asked == []
    assert not window.signed_out and not window.is_locked
    assert dialog.isVisible() and text_of(dialog.field("notes").editor) == MARK
    quit_questions.sign_out = True
    window.sign_out_action.trigger()
    assert quit_questions.asked_sign_out == [1, 1] and quit_questions.asked == []
    assert window.signed_out and not window.isVisible()
    assert len(window.locking.drafts) == 0


def test_signing_out_from_the_lock_screen_asks_nothing(
    window: MainWindow, office: Office, answers: Answers, quit_questions: QuitQuestions,  # noqa: F811
    qtbot  # type: ignore[no-untyped-def]
) -> None:
    """Locked, the form is kept and the lock screen says signing out discards it: its
    Sign out asks nothing, and the kept form is discarded."""
    typed_session_notes(window, office.case_id, qtbot)
    lock(window)
    quit_questions.sign_out = quit_questions.quit = False  # were it asked, nothing would go
    click(qtbot, window.lock_screen.sign_out_button)
    assert quit_questions.asked_sign_out == [] and quit_questions.asked == []
    assert window.signed_out and not window.isVisible()
    assert len(window.locking.drafts) == 0


# -- the demo: one question, not two -----------------------------------------------------------


def test_in_the_demo_one_question_covers_the_forms_and_the_demos_data(
    office: Office, answers: Answers, clock: FakeClock, quit_questions: QuitQuestions,  # noqa: F811
    demo_asked: list[str], qtbot  # type: ignore[no-untyped-def]
) -> None:
    demo = _show(MainWindow(signed_in(office, "kaisa", KAISA_PASSWORD), clock=clock,
                            discard_on_quit=True), qtbot)
    try:
        _view, dialog = typed_session_notes(demo, office.case_id, qtbot)
        quit_questions.quit = False
        demo.close()
        assert quit_questions.asked == [(1, True)] and demo_asked == []
        assert demo.isVisible() and dialog.isVisible()

        quit_questions.quit = True
        demo.close()
        assert quit_questions.asked == [(1, True), (1, True)]
        assert demo_asked == []  # "Quit and discard" answered both
        assert not demo.isVisible()
    finally:
        demo.session.close()


def test_in_the_demo_without_typed_forms_only_the_demos_question_is_asked(
    office: Office, answers: Answers, clock: FakeClock, quit_questions: QuitQuestions,  # noqa: F811
    demo_asked: list[str], qtbot  # type: ignore[no-untyped-def]
) -> None:
    demo = _show(MainWindow(signed_in(office, "kaisa", KAISA_PASSWORD), clock=clock,
                            discard_on_quit=True), qtbot)
    try:
        view = open_case_window(demo, office.case_id, qtbot)
        click_tab(view, view.sessions, qtbot)
        click(qtbot, view.sessions.add_button)  # open, nothing typed
        demo.close()
        assert quit_questions.asked == [] and demo_asked == ["demo"]
        assert not demo.isVisible()
    finally:
        demo.session.close()


def test_the_real_question_names_the_demo_when_it_goes_too(
    office: Office, answers: Answers, clock: FakeClock, demo_asked: list[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    demo = _show(MainWindow(signed_in(office, "kaisa", KAISA_PASSWORD), clock=clock,
                            discard_on_quit=True), qtbot)
    try:
        typed_session_notes(demo, office.case_id, qtbot)
        seen: list[Seen] = []
        with real_question(monkeypatch):
            answer_when_asked(discard_of, seen)
            demo.close()
        assert len(seen) == 1 and "demo database is deleted" in seen[0].informative
        assert demo_asked == [] and not demo.isVisible()
    finally:
        demo.session.close()
