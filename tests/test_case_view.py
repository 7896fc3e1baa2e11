"""The case view: header, tabs, record dialogs, break-the-glass, attachments and locking.

Real widgets driven with qtbot. The questions the view asks (discard? remove? reload?) are
the functions of ``gui.shared.questions``, and the error dialog is
``gui.shared.errors.show_error``; the ``prompts`` fixture answers them and records what was
asked, so no test ever waits in ``exec()``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDate, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import select

from gui.case import files
from gui.case.break_glass import BreakGlassDialog
from gui.case.case_view import CaseView, open_case
from gui.case.dialogs.base import RecordDialog
from gui.case.files import safe_filename
from gui.case.sections.attachments import AttachmentModel
from gui.case.sections.contacts import ExtortionContactModel
from gui.case.sections.follow_ups import FollowUpModel
from gui.case.sections.protective_actions import ProtectiveActionModel
from gui.case.sections.reports import PoliceReportModel
from gui.case.sections.sessions import SupportSessionModel
from gui.case.sections.timeline import TimelineModel, build_timeline
from gui.shared import errors, questions
from gui.shared.labels import one_full_stop
from gui.shared.session import Session
from models import services
from models.domain.base import local_today, utcnow
from models.domain.dto import (
    CaseDraft,
    CaseRow,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    ProtectiveActionDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.entities import MAX_ATTACHMENT_BYTES, AccessGrant
from models.domain.enums import ActionState, AuditAction, Channel, Role, SessionMode
from models.domain.errors import KnownError
from models.domain.formatting import datetime_text
from models.domain.validation import generate_temporary_identity_code
from models.services.audit_log import AuditQuery
from models.services.break_glass import BREAK_GLASS_DURATION
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

STRONG = "Tuuli-Kivi-Järvi-Polku"
WALLET = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
MISTYPED_WALLET = WALLET[:-1] + "p"  # one character off: the checksum catches it
CODE = generate_temporary_identity_code(dt.date(1984, 5, 17), 931)
NOTE = "Call only after 17:00; her partner does not know."


# -- fixtures ------------------------------------------------------------------------------------


@dataclass
class Prompts:
    """Answers for the view's questions, and a record of what was asked."""

    discard: bool = True
    confirm: bool = True
    reload: bool = True
    asked: list[str] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)
    modal: Callable[[QDialog], bool] | None = None

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(questions, "confirm_discard", self._discard)
        monkeypatch.setattr(questions, "confirm", self._confirm)
        monkeypatch.setattr(questions, "ask_reload", self._reload)
        monkeypatch.setattr(errors, "show_error", self._error)
        monkeypatch.setattr(questions, "run_modal", self._run_modal)

    def _discard(self, parent: QWidget) -> bool:
        self.asked.append("discard")
        return self.discard

    def _confirm(self, parent: QWidget, title: str, text: str, action: str) -> bool:
        self.asked.append(f"confirm: {text}")
        return self.confirm

    def _reload(self, parent: QWidget, error: Any) -> bool:
        self.asked.append("reload")
        return self.reload

    def _error(self, parent: QWidget | None, error: BaseException) -> None:
        self.errors.append(error)

    def _run_modal(self, dialog: QDialog) -> bool:
        assert self.modal is not None, "an unexpected modal dialog was opened"
        return self.modal(dialog)


@pytest.fixture(autouse=True)
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    answers = Prompts()
    answers.install(monkeypatch)
    monkeypatch.setattr(files, "choose_files",
                        lambda parent: pytest.fail("unexpected file dialog"))
    return answers


@dataclass
class World:
    database: Database
    boss: services.Services
    counsellor: Actor
    other: Actor
    liaison: Actor
    case_id: int  # assigned to ``counsellor``
    others_case_id: int  # assigned to ``other``


def _account(boss: services.Services, name: str, display: str, role: Role) -> Actor:
    user = boss.accounts.create_user(name, display, role, STRONG, kdf=FAST_KDF)
    return Actor(user.id, user.username, user.display_name, role)


@pytest.fixture
def world(database: Database, supervisor: Actor) -> World:
    boss = services.build(database, supervisor)
    counsellor = _account(boss, "kaisa", "Kaisa Neuvoja", Role.COUNSELLOR)
    other = _account(boss, "olli", "Olli Toinen", Role.COUNSELLOR)
    liaison = _account(boss, "leena", "Leena Poliisi", Role.POLICE_LIAISON)
    own = boss.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Esimerkki", identity_code=CODE,
                    phone="040 123 4567", may_leave_voicemail=False, may_send_post=False,
                    may_email=True, may_send_sms=True, safe_contact_note=NOTE),
        CaseDraft(risk_level="high", risk_reason="Second demand arrived today",
                  assigned_to_id=counsellor.user_id))
    others = boss.cases.create_intake(
        VictimDraft(first_names="Pekka", last_name="Toinen"),
        CaseDraft(assigned_to_id=other.user_id))
    return World(database, boss, counsellor, other, liaison, own.id, others.id)


@pytest.fixture
def main_window(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """Stands in for the main window: the owner of case views."""
    window = QWidget()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def open_view(world: World, main_window: QWidget, qtbot  # type: ignore[no-untyped-def]
              ) -> Iterator[Callable[..., CaseView]]:
    """Open a case as a given user; every view is closed at the end of the test."""
    opened: list[CaseView] = []

    def open_as(actor: Actor | None = None, case_id: int | None = None,
                opener: Callable[[QUrl], bool] | None = None) -> CaseView:
        session = Session(services.build(world.database, actor or world.counsellor),
                          open_database)
        view = open_case(main_window, session, world.case_id if case_id is None else case_id)
        assert view is not None
        if opener is not None:
            view.files.opener = opener
        view.session_ = session  # type: ignore[attr-defined]
        opened.append(view)
        return view

    yield open_as
    for view in opened:
        if shiboken6.isValid(view):
            view.close()
    # Let worker tasks and deferred deletes finish before the database goes away.
    qtbot.waitUntil(lambda: all(not shiboken6.isValid(v) or v.files.busy_tasks == 0
                                for v in opened))
    QApplication.processEvents()


def _dialog(view: CaseView) -> RecordDialog:
    dialogs = [d for d in view.open_dialogs() if isinstance(d, RecordDialog)]
    assert dialogs, "no record dialog is open"
    return dialogs[-1]


def _type(qtbot, field: Any, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into a field as a person would (QTest types ASCII only; the rest is inserted)."""
    editor = field.editor
    editor.clear()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    elif hasattr(editor, "insertPlainText"):
        editor.insertPlainText(text)
    else:
        editor.insert(text)


def _texts(model: Any, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


# -- header ---------------------------------------------------------------------------------------


def test_header_shows_masked_code_risk_and_safe_contact_rules(open_view) -> None:  # type: ignore[no-untyped-def]
    view = open_view()
    header = view.header
    assert header.name.text() == "Aino Esimerkki"
    assert header.code.text() == CODE[:7] + "****"
    assert CODE not in header.code.text()
    assert header.risk.text() == "High risk"
    assert "Kaisa Neuvoja" in header.facts.text()
    rules = header.safe_rules.text()
    assert "Do not leave voicemail" in rules and "Do not send post" in rules
    assert "Do not e-mail" not in rules
    assert header.safe_note.text() == NOTE and header.safe_note.isVisibleTo(view)
    assert header.safe_contact.isVisibleTo(view)
    assert "Second demand arrived today" in header.risk_reason.text()
    # Case reference in the title, never the victim's name (task bars, screen sharing).
    assert "Esimerkki" not in view.windowTitle()
    assert view.detail.case.reference in view.windowTitle()
    # A counsellor requests closure; only supervisors close.
    assert header.request_closure_button.isVisibleTo(view)
    assert not header.close_case_button.isVisibleTo(view)


def test_reveal_shows_the_full_code_for_a_while_and_is_audited(  # type: ignore[no-untyped-def]
        open_view, world: World, qtbot) -> None:
    view = open_view()
    qtbot.mouseClick(view.header.reveal_button, Qt.MouseButton.LeftButton)
    assert view.header.code.text() == CODE
    assert view.header.copy_button.isVisibleTo(view)
    assert "30 s" in view.header.countdown.text()
    reveals = world.boss.audit.query(AuditQuery(case_id=world.case_id,
                                                actions=(AuditAction.REVEAL,)))
    assert len(reveals) == 1 and reveals[0].username == "kaisa"
    assert CODE not in reveals[0].detail

    qtbot.mouseClick(view.header.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == CODE

    view.header._reveal_timer.timeout.emit()  # thirty seconds later
    assert view.header.code.text() == CODE[:7] + "****"
    assert not view.header.copy_button.isVisibleTo(view)
    assert view.header.revealed is None


# -- record dialogs --------------------------------------------------------------------------------


def test_extortion_contact_wallet_is_checked_as_typed(open_view, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view()
    view.tabs.setCurrentWidget(view.contacts)
    qtbot.mouseClick(view.contacts.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    wallet = dialog.field("wallet_address")

    _type(qtbot, wallet, MISTYPED_WALLET)
    assert wallet.error.isVisibleTo(dialog)
    assert "checksum" in wallet.error.text()
    assert MISTYPED_WALLET not in wallet.error.text()  # a reason never repeats the value
    assert not dialog.save_button.isEnabled()

    _type(qtbot, wallet, WALLET)
    assert not wallet.error.isVisibleTo(dialog)
    assert dialog.save_button.isEnabled()
    _type(qtbot, dialog.field("sender"), "extortion@anon.example")
    _type(qtbot, dialog.field("amount_demanded"), "1 200,50")
    _type(qtbot, dialog.field("message_text"), "Maksa 200 € bitcoineina 24 tunnissa.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.contacts.model.rowCount() == 1)
    contact = view.contacts.model.record(0)
    assert contact.wallet_address == WALLET
    assert contact.amount_demanded == Decimal("1200.50")
    assert view.contacts.message.toPlainText() == "Maksa 200 € bitcoineina 24 tunnissa."
    assert view.contacts.detail_labels["demanded"].text() == "1\u00a0200,50\u00a0€"
    assert "Extortion contact" in _texts(view.timeline.model, 1)
    assert view.tabs.tabText(view.tabs.indexOf(view.contacts)) == "Extortion contacts (1)"


def test_money_and_sender_rules_show_inline(open_view, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view()
    dialog = view.forms.edit_record("extortion_contact", None)
    assert isinstance(dialog, RecordDialog)
    amount = dialog.field("amount_demanded")
    _type(qtbot, amount, "12,345")
    assert amount.error.text() == "Must have at most two decimals."
    assert not dialog.save_button.isEnabled()
    dialog.field("currency").editor.setCurrentIndex(
        dialog.field("currency").editor.findData("BTC"))
    assert not amount.error.isVisibleTo(dialog)  # bitcoin has eight decimals
    sender = dialog.field("sender")
    _type(qtbot, sender, "not an address")
    assert sender.error.isVisibleTo(dialog)  # an e-mail's sender is an address
    dialog.field("channel").editor.setCurrentIndex(
        dialog.field("channel").editor.findData("letter"))
    assert not sender.error.isVisibleTo(dialog)
    assert dialog.save_button.isEnabled()


def test_police_report_number_is_refused_inline_then_saved(  # type: ignore[no-untyped-def]
        open_view, qtbot) -> None:
    view = open_view()
    view.tabs.setCurrentWidget(view.reports)
    qtbot.mouseClick(view.reports.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    number = dialog.field("report_number")
    assert not dialog.save_button.isEnabled()  # required
    _type(qtbot, number, "5500-R-12345-20")
    assert number.error.text() == "Must look like 5500/R/12345/20."
    assert not dialog.save_button.isEnabled()

    _type(qtbot, number, "5500/r/12345/20")
    assert not number.error.isVisibleTo(dialog)
    assert dialog.save_button.isEnabled()
    _type(qtbot, dialog.field("department"), "Helsingin poliisilaitos")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.field("department").editor, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves

    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.reports.model.rowCount() == 1)
    assert _texts(view.reports.model, 0) == ["5500/R/12345/20"]
    assert any("5500/R/12345/20" in text for text in _texts(view.timeline.model, 2))


def test_support_session_is_logged_with_its_notes(open_view, world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view()
    view.tabs.setCurrentWidget(view.sessions)
    qtbot.mouseClick(view.sessions.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    started = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    dialog.field("started_at").set_value(started)
    dialog.field("mode").editor.setCurrentIndex(dialog.field("mode").editor.findData("video"))
    dialog.field("distress_level").editor.setValue(6)
    _type(qtbot, dialog.field("outcome"), "Crisis plan agreed")
    qtbot.keyClicks(dialog.field("notes").editor, "Talked through the second message.")
    assert dialog.save_button.isEnabled()
    assert dialog.save()

    qtbot.waitUntil(lambda: view.sessions.model.rowCount() == 1)
    session = view.sessions.model.record(0)
    assert session.started_at == started  # local time in the form, aware UTC stored
    assert session.mode == SessionMode.VIDEO.value
    assert session.distress_level == 6
    assert session.counsellor_name == "Kaisa Neuvoja"
    assert view.sessions.notes.toPlainText() == "Talked through the second message."
    assert "Support session" in _texts(view.timeline.model, 1)


def test_a_session_that_plans_a_follow_up_adds_it_to_the_follow_ups(  # type: ignore[no-untyped-def]
    open_view, world: World, qtbot
) -> None:
    view = open_view()
    view.tabs.setCurrentWidget(view.sessions)
    qtbot.mouseClick(view.sessions.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    dialog.field("started_at").set_value(
        dt.datetime.now(dt.UTC).replace(second=0, microsecond=0) - dt.timedelta(hours=1))
    planned = dialog.field("next_follow_up_on")
    task = dialog.field("follow_up_task")
    assert not task.editor.isEnabled()  # nothing to describe until a date is planned
    qtbot.mouseClick(planned.box.check, Qt.MouseButton.LeftButton)
    assert task.editor.isEnabled()
    planned.date_edit.setDate(QDate(local_today()))
    qtbot.keyClicks(task.editor, "Call back after the bank visit")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: view.follow_ups.model.rowCount() == 1)
    follow_up = view.follow_ups.model.record(0)
    assert (follow_up.due_on, follow_up.description, follow_up.assignee_id) == (
        local_today(), "Call back after the bank visit", world.counsellor.user_id)
    assert view.tabs.tabText(view.tabs.indexOf(view.follow_ups)) == "Follow-ups (1 open)"
    assert view.sessions.model.record(0).next_follow_up_on == local_today()
    session = view.session_
    assert [r.description for r in session.services.records.follow_ups_due()] == [
        "Call back after the bank visit"]


def test_follow_up_is_marked_done(open_view, world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    yesterday = local_today() - dt.timedelta(days=1)
    world.boss.records.add_follow_up(world.case_id, FollowUpDraft(
        due_on=yesterday, description="Call back about the police report",
        assignee_id=world.counsellor.user_id))
    view = open_view()
    model = view.follow_ups.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Unchecked
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "Overdue"
    assert view.tabs.tabText(view.tabs.indexOf(view.follow_ups)) == "Follow-ups (1 open)"

    view.tabs.setCurrentWidget(view.follow_ups)
    view.follow_ups.select_row(0)
    qtbot.mouseClick(view.follow_ups.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.record(0).done)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    assert model.record(0).done_at is not None
    assert view.tabs.tabText(view.tabs.indexOf(view.follow_ups)) == "Follow-ups"

    # Unticking the box in the table reopens it.
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked,
                         Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: not model.record(0).done)


def test_mark_done_from_the_keyboard_leaves_the_focus_on_the_list(  # type: ignore[no-untyped-def]
        open_view, world: World, qtbot) -> None:
    """The button is disabled once the follow-up is done; the focus went on to the next
    button in the window, the header's Reveal, where the next Space revealed the code."""
    world.boss.records.add_follow_up(world.case_id, FollowUpDraft(
        due_on=local_today(), description="Call back", assignee_id=world.counsellor.user_id))
    view = open_view()
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.tabs.setCurrentWidget(view.follow_ups)
    view.follow_ups.select_row(0)
    button = view.follow_ups.done_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.follow_ups.model.record(0).done)
    assert not button.isEnabled()
    assert QApplication.focusWidget() is view.follow_ups.table


def test_protective_action_checklist_lists_every_step(open_view, world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view()
    catalogue = view.protective_action_catalogue()
    model = view.actions.model
    assert model.rowCount() == len(catalogue) == 12
    assert set(_texts(model, 1)) == {"Not started"}

    assert view.actions.select_code("credit_ban_asiakastieto")
    dialog = view.actions.edit_current()
    assert isinstance(dialog, RecordDialog)
    state = dialog.field("state").editor
    state.setCurrentIndex(state.findData(ActionState.DONE.value))
    assert dialog.field("state_on").raw() == local_today()  # filled in when it moved
    assert dialog.save()
    row = model.row_of_code("credit_ban_asiakastieto")
    qtbot.waitUntil(lambda: model.data(model.index(row, 1)) == "Done")
    expires = local_today() + dt.timedelta(days=365)  # the paid ban's validity
    assert model.data(model.index(row, 3)) == f"{expires.day}.{expires.month}.{expires.year}"
    assert view.tabs.tabText(view.tabs.indexOf(view.actions)) == "Protective actions (1/12 done)"

    # Expiry before the date is refused inline.
    dialog = view.actions.edit_current()
    dialog.field("expires_on").set_value(local_today() - dt.timedelta(days=3))
    dialog.field("expires_on").changed.emit()
    assert dialog.field("expires_on").error.text() == "Cannot be before the date of the step."
    assert not dialog.save_button.isEnabled()
    dialog.reject()

    # Resetting a step removes its record after asking.
    assert view.actions.remove_current()
    qtbot.waitUntil(lambda: model.data(model.index(row, 1)) == "Not started")


# -- forms: unsaved changes and conflicts -------------------------------------------------------


def test_unsaved_changes_are_not_thrown_away_without_asking(  # type: ignore[no-untyped-def]
        open_view, prompts: Prompts, qtbot) -> None:
    view = open_view()
    dialog = view.forms.edit_record("police_report", None)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # untouched: closes without a question
    assert not dialog.isVisible() and prompts.asked == []

    dialog = view.forms.edit_record("police_report", None)
    _type(qtbot, dialog.field("department"), "Oulun poliisilaitos")
    prompts.discard = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert prompts.asked == ["discard"] and dialog.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert prompts.asked == ["discard", "discard"] and dialog.isVisible()
    prompts.discard = True
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_stale_edit_offers_to_reload(open_view, world: World, prompts: Prompts, qtbot) -> None:  # type: ignore[no-untyped-def]
    report = world.boss.records.add_police_report(world.case_id, PoliceReportDraft(
        report_number="5500/R/12345/20", filed_on=local_today(), department="Itä-Uusimaa"))
    view = open_view()
    view.tabs.setCurrentWidget(view.reports)
    view.reports.select_row(0)
    qtbot.mouseClick(view.reports.edit_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    _type(qtbot, dialog.field("department"), "Helsinki")

    # Someone else saves the same report meanwhile.
    world.boss.records.update_police_report(report.id, report.version, PoliceReportDraft(
        report_number="5500/R/12345/20", filed_on=local_today(), department="Länsi-Uusimaa",
        victim_has_copy=True))
    assert not dialog.save()
    assert prompts.asked == ["reload"]
    assert dialog.isVisible()
    assert dialog.field("department").raw() == "Länsi-Uusimaa"  # their version, reloaded
    assert dialog.field("victim_has_copy").raw() is True
    assert dialog.record.version == report.version + 1
    assert view.reports.model.record(0).department == "Länsi-Uusimaa"

    _type(qtbot, dialog.field("department"), "Helsinki")
    assert dialog.save()  # on the fresh version it goes through
    qtbot.waitUntil(lambda: view.reports.model.record(0).department == "Helsinki")


def test_removal_asks_first(open_view, world: World, prompts: Prompts, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.boss.records.add_police_report(world.case_id, PoliceReportDraft(
        report_number="4400/R/777/21", filed_on=local_today()))
    view = open_view()
    view.tabs.setCurrentWidget(view.reports)
    view.reports.select_row(0)
    prompts.confirm = False
    assert not view.reports.remove_current()
    assert view.reports.model.rowCount() == 1
    prompts.confirm = True
    qtbot.mouseClick(view.reports.remove_button, Qt.MouseButton.LeftButton)
    assert any("4400/R/777/21" in asked for asked in prompts.asked)
    qtbot.waitUntil(lambda: view.reports.model.rowCount() == 0)
    assert view.reports.empty_label.isVisibleTo(view)


def test_changes_made_elsewhere_in_the_app_show_up(open_view, world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view(world.boss.actor)
    elsewhere = view.session.services  # e.g. the main window or another case view
    elsewhere.records.add_police_report(world.case_id, PoliceReportDraft(
        report_number="5500/R/1/24", filed_on=local_today()))
    qtbot.waitUntil(lambda: view.reports.model.rowCount() == 1)
    elsewhere.records.add_police_report(world.others_case_id, PoliceReportDraft(
        report_number="5500/R/2/24", filed_on=local_today()))
    QApplication.processEvents()
    assert view.reports.model.rowCount() == 1  # another case's change is not ours


def test_victim_edit_validates_phone_and_updates_the_banner(open_view, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view()
    qtbot.mouseClick(view.header.edit_victim_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    assert not dialog.field("birth_date").editor.isEnabled()  # comes from the identity code
    _type(qtbot, dialog.field("phone"), "12ab")
    assert dialog.field("phone").error.isVisibleTo(dialog)
    assert not dialog.save_button.isEnabled()
    _type(qtbot, dialog.field("phone"), "050 765 4321")
    dialog.field("may_send_post").editor.setChecked(True)
    assert dialog.save()
    qtbot.waitUntil(lambda: "Do not send post" not in view.header.safe_rules.text())
    assert "Do not leave voicemail" in view.header.safe_rules.text()
    assert "+358507654321" in view.header.contact.text()


def test_counsellor_requests_closure_and_supervisor_approves(  # type: ignore[no-untyped-def]
        open_view, world: World, prompts: Prompts, qtbot) -> None:
    view = open_view()
    qtbot.mouseClick(view.header.request_closure_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    reason = dialog.field("reason").editor
    reason.setCurrentIndex(reason.findData("referred"))
    assert dialog.save()
    qtbot.waitUntil(lambda: view.header.closure.isVisibleTo(view))
    assert "Referred elsewhere" in view.header.closure_text.text()
    assert not view.header.request_closure_button.isVisibleTo(view)

    boss_view = open_view(world.boss.actor)
    assert boss_view.header.approve_button.isVisibleTo(boss_view)
    qtbot.mouseClick(boss_view.header.approve_button, Qt.MouseButton.LeftButton)
    assert any("Referred elsewhere" in asked for asked in prompts.asked)
    qtbot.waitUntil(lambda: boss_view.detail.case.status == "closed")
    assert boss_view.header.status.text() == "Closed — Referred elsewhere"
    assert not boss_view.header.closure.isVisibleTo(boss_view)
    assert not boss_view.header.close_case_button.isVisibleTo(boss_view)


# -- attachments ---------------------------------------------------------------------------------


def _drop(widget: QWidget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    with warnings.catch_warnings():  # PySide marks the only constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def test_dropped_file_is_stored_and_opens_from_a_private_copy(  # type: ignore[no-untyped-def]
        open_view, world: World, tmp_path: Path, qtbot) -> None:
    content = b"%PDF-1.4 screenshot of the extortion e-mail\n" * 100
    evidence = tmp_path / "viesti 24.10.png"
    evidence.write_bytes(content)
    opened: list[QUrl] = []
    view = open_view(opener=lambda url: opened.append(url) or True)
    view.tabs.setCurrentWidget(view.attachments)

    _drop(view.attachments, [evidence])
    qtbot.waitUntil(lambda: view.attachments.model.rowCount() == 1, timeout=5000)
    info = view.attachments.model.record(0)
    assert info.filename == "viesti 24.10.png"
    assert info.size_bytes == len(content)
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert _texts(view.attachments.model, 4) == [info.sha256]
    assert "Attachment" in _texts(view.timeline.model, 1)

    view.attachments.select_row(0)
    qtbot.mouseClick(view.attachments.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    copy = Path(opened[0].toLocalFile())
    assert copy.read_bytes() == content
    assert copy.name == "viesti 24.10.png"
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert stat.S_IMODE(view.files.folder.stat().st_mode) == 0o700
    views = world.boss.audit.query(AuditQuery(case_id=world.case_id,
                                              actions=(AuditAction.VIEW,)))
    assert any(row.entity == "attachment" for row in views)  # opening is audited

    view.close()
    assert not copy.exists() and not copy.parent.parent.exists()


def test_evidence_added_to_a_contact_is_linked_to_it(  # type: ignore[no-untyped-def]
        open_view, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    world.boss.records.add_extortion_contact(world.case_id, ExtortionContactDraft(
        received_at=dt.datetime(2020, 10, 24, 12, 42, tzinfo=dt.UTC), channel=Channel.EMAIL,
        message_text="Maksa.", wallet_address=WALLET))
    evidence = tmp_path / "message.eml"
    evidence.write_bytes(b"From: extortion@anon.example\n\nMaksa.\n")
    monkeypatch.setattr(files, "choose_files", lambda parent: [evidence])
    view = open_view()
    assert view.contacts.detail_labels["wallet"].text() == WALLET
    qtbot.mouseClick(view.contacts.add_evidence_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.contacts.evidence_model.rowCount() == 1, timeout=5000)
    assert view.contacts.evidence_model.record(0).filename == "message.eml"
    assert view.attachments.model.rowCount() == 1


def test_too_big_file_is_refused_with_a_clear_message(  # type: ignore[no-untyped-def]
        open_view, prompts: Prompts, tmp_path: Path) -> None:
    huge = tmp_path / "video.mp4"
    with huge.open("wb") as handle:  # sparse: no 25 MB written
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    view = open_view()
    view.files.add([huge])
    assert view.files.busy_tasks == 0
    assert len(prompts.errors) == 1
    assert "larger than the 25 MB limit" in str(prompts.errors[0])
    assert "video" not in str(prompts.errors[0])


def test_safe_filename_keeps_names_inside_the_folder() -> None:
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\Users\\x\\kuva ä.png") == "kuva ä.png"
    assert safe_filename("..") == "attachment"
    assert safe_filename("a<b>|c.txt") == "a_b__c.txt"


# -- roles ----------------------------------------------------------------------------------------


def test_police_liaison_sees_no_support_sessions(open_view, world: World) -> None:  # type: ignore[no-untyped-def]
    world.boss.records.add_support_session(world.case_id, SupportSessionDraft(
        started_at=dt.datetime(2024, 3, 1, 10, tzinfo=dt.UTC), notes="Confidential."))
    view = open_view(world.liaison)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert not any("Support sessions" in title for title in titles)
    assert view.sessions is None
    assert view.detail.support_sessions is None
    assert "Support session" not in _texts(view.timeline.model, 1)
    assert view.contacts is not None and view.reports is not None
    assert not view.header.request_closure_button.isVisibleTo(view)

    counsellor_view = open_view(world.counsellor)
    assert counsellor_view.sessions is not None
    assert counsellor_view.sessions.model.rowCount() == 1


def test_break_the_glass_asks_for_a_reason(  # type: ignore[no-untyped-def]
        world: World, main_window: QWidget, prompts: Prompts, qtbot) -> None:
    session = Session(services.build(world.database, world.counsellor), open_database)
    seen: list[str] = []

    def cancel(dialog: QDialog) -> bool:
        seen.append("cancelled")
        return False

    prompts.modal = cancel
    assert open_case(main_window, session, world.others_case_id) is None
    assert seen == ["cancelled"]

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, BreakGlassDialog)
        dialog.show()
        assert "Olli Toinen" in dialog.explanation.text()
        qtbot.keyClicks(dialog.reason.editor, "urgent")
        assert dialog.reason.error.isVisibleTo(dialog)
        assert "at least 10 characters" in dialog.reason.error.text()
        assert not dialog.open_button.isEnabled()
        qtbot.keyClicks(dialog.reason.editor, ": victim called in distress, Olli is away")
        assert not dialog.reason.error.isVisibleTo(dialog)
        assert dialog.open_button.isEnabled()
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        seen.append("opened")
        return dialog.result() == QDialog.DialogCode.Accepted

    prompts.modal = answer
    view = open_case(main_window, session, world.others_case_id)
    assert view is not None and seen == ["cancelled", "opened"]
    assert view.header.name.text() == "Pekka Toinen"
    grants = world.boss.break_glass.list_access_grants()
    assert len(grants) == 1 and grants[0].reason.startswith("urgent: victim called")
    # The view says the access is an emergency one, until when, and that it is reviewed.
    assert view.access_banner.isVisibleTo(view)
    assert view.access_text.text() == (
        f"Emergency access (break the glass) until {datetime_text(grants[0].expires_at)}. "
        "Everything you do in this case is in the audit log, and a supervisor reviews "
        "the access.")
    own = open_case(main_window, session, world.case_id)
    assert own is not None and not own.access_banner.isVisibleTo(own)
    assert not own.access_ends.isActive()
    own.close()
    assert world.boss.audit.query(AuditQuery(case_id=world.others_case_id,
                                             actions=(AuditAction.BREAK_GLASS,)))
    # Opening it again (access granted) asks nothing and brings the same window forward.
    prompts.modal = None
    assert open_case(main_window, session, world.others_case_id) is view
    # When the access ends the case is read again, refused, and the view closes.
    left = view.access_ends.remainingTime() / 1000
    assert BREAK_GLASS_DURATION.total_seconds() - 60 < left <= \
        BREAK_GLASS_DURATION.total_seconds() + 2  # (a second after it ends)
    with world.database.writing() as db_session:
        for grant in db_session.scalars(select(AccessGrant)):
            grant.expires_at = utcnow() - dt.timedelta(seconds=1)
    view.access_ends.timeout.emit()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)
    assert prompts.errors and "another counsellor" in str(prompts.errors[-1])


def test_a_counsellor_whose_name_ends_in_a_full_stop_ends_the_sentence_once(
        qtbot) -> None:  # type: ignore[no-untyped-def]
    row = CaseRow(case_id=1, reference="SUO-2026-00001", victim_name="Aino Virtanen",
                  identity_code_masked=None, status="open", risk_level="high",
                  counsellor="Eero K.", opened_on=dt.date(2026, 1, 5))
    dialog = BreakGlassDialog(row)
    qtbot.addWidget(dialog)
    assert "is assigned to Eero K.<br>" in dialog.explanation.text()
    assert ".." not in dialog.explanation.text().replace("...", "")
    assert one_full_stop("Hours: 1...") == "Hours: 1..."  # an ellipsis stays


def test_administrator_is_told_plainly(world: World, main_window: QWidget,  # type: ignore[no-untyped-def]
                                      prompts: Prompts) -> None:
    admin = _account(world.boss, "aatu", "Aatu Admin", Role.ADMINISTRATOR)
    session = Session(services.build(world.database, admin), open_database)
    assert open_case(main_window, session, world.case_id) is None
    assert len(prompts.errors) == 1 and isinstance(prompts.errors[0], KnownError)


# -- locking -------------------------------------------------------------------------------------


def test_lock_closes_the_view_and_deletes_private_files(  # type: ignore[no-untyped-def]
        open_view, world: World, tmp_path: Path, qtbot) -> None:
    world.boss.records.add_attachment(world.case_id, "kuva.png", b"\x89PNG evidence",
                                      "image/png")
    opened: list[QUrl] = []
    view = open_view(opener=lambda url: opened.append(url) or True)
    view.attachments.select_row(0)
    view.attachments.open_current()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    copy = Path(opened[0].toLocalFile())
    view.header.reveal_code()
    dialog = view.forms.edit_record("police_report", None)
    _type(qtbot, dialog.field("department"), "typed but not saved")
    session: Session = view.session_  # type: ignore[attr-defined]
    header = view.header

    session.lock()
    assert not copy.exists()
    assert header.name.text() == "" and header.code.text() == ""
    assert header.safe_rules.text() == ""
    assert view.timeline.model.rowCount() == 0
    assert view.is_wiped and not view.isVisible() and not dialog.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view))


def test_views_released_without_closing_leave_nothing_behind(  # type: ignore[no-untyped-def]
        world: World, qtbot) -> None:
    owner = QWidget()
    session = Session(services.build(world.database, world.counsellor), open_database)
    view = CaseView(session, world.case_id, owner,
                    opener=lambda url: True)
    view.show()
    session.services.records.add_attachment(world.case_id, "a.txt", b"x")
    qtbot.waitUntil(lambda: view.attachments.model.rowCount() == 1)
    view.attachments.select_row(0)
    view.attachments.open_current()
    qtbot.waitUntil(lambda: view.files.folder is not None and view.files.busy_tasks == 0)
    folder = view.files.folder
    owner.deleteLater()  # the parent goes without closing the view first
    qtbot.waitUntil(lambda: not shiboken6.isValid(view))
    assert not folder.exists()
    # The change bus no longer calls into the deleted view.
    session.services.records.add_police_report(world.case_id, PoliceReportDraft(
        report_number="5500/R/9/24", filed_on=local_today()))


# -- item models ---------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(  # type: ignore[no-untyped-def]
        open_view, world: World, qtmodeltester) -> None:
    boss, case_id = world.boss.records, world.case_id
    when = dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC)
    contact = boss.add_extortion_contact(case_id, ExtortionContactDraft(
        received_at=when, channel=Channel.SMS, sender="+358401234567",
        amount_demanded=Decimal("200"), paid=True, amount_paid=Decimal("200")))
    boss.add_police_report(case_id, PoliceReportDraft(report_number="5500/R/12345/20",
                                                      filed_on=when.date()))
    boss.add_support_session(case_id, SupportSessionDraft(started_at=when, distress_level=4,
                                                          outcome="Calmer"))
    boss.add_protective_action(case_id, ProtectiveActionDraft(
        type_code="bank_notified", state=ActionState.DONE, state_on=when.date()))
    boss.add_follow_up(case_id, FollowUpDraft(due_on=when.date(), description="Call back"))
    boss.add_attachment(case_id, "a.png", b"png", extortion_contact_id=contact.id)
    view = open_view()
    detail = view.detail
    models: list[Any] = [
        view.timeline.model, view.contacts.model, view.contacts.evidence_model,
        view.reports.model, view.sessions.model, view.actions.model, view.follow_ups.model,
        view.attachments.model,
    ]
    for model in models:
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)
    view.close()  # resets every model while the tester still watches them
    # And empty ones, as a new case shows them.
    for empty in (ExtortionContactModel(), PoliceReportModel(), SupportSessionModel(),
                  FollowUpModel(), AttachmentModel(), ProtectiveActionModel(), TimelineModel()):
        qtmodeltester.check(empty, force_py=True)
    entries = build_timeline(detail)
    assert [e.moment for e in entries] == sorted((e.moment for e in entries), reverse=True)
    assert {e.kind for e in entries} == {"case", "extortion_contact", "police_report",
                                         "support_session", "protective_action", "follow_up",
                                         "attachment"}


def test_case_edit_changes_the_risk_chip(open_view, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view()
    qtbot.mouseClick(view.header.edit_case_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    assert "assigned_to_id" not in dialog.form.fields  # only supervisors reassign
    risk = dialog.field("risk_level").editor
    risk.setCurrentIndex(risk.findData("acute"))
    _type(qtbot, dialog.field("risk_reason"), "Threatened to come to her home")
    status = dialog.field("status").editor
    status.setCurrentIndex(status.findData("open"))
    assert dialog.save()
    qtbot.waitUntil(lambda: view.header.risk.text() == "Acute risk")
    assert "#8c1d18" in view.header.risk.styleSheet()  # the calm red of acute risk
    assert view.header.status.text() == "Open"
    assert "Threatened to come to her home" in view.header.risk_reason.text()
    assert view.detail.case.opened_on == local_today()  # not moved by the edit


def test_the_intake_note_is_edited_in_the_case_dialog_and_shown_under_its_own_label(
    open_view, world: World, qtbot, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    view = open_view()
    assert not view.header.intake_note.isVisibleTo(view)  # none recorded at intake
    qtbot.mouseClick(view.header.edit_case_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    assert dialog.field("intake_note").label == "Intake note"
    note = dialog.field("intake_note")
    _type(qtbot, note, "Tuli auttavan puhelimen kautta;")
    qtbot.keyClick(note.editor, Qt.Key.Key_Return)  # a line break in the note
    qtbot.keyClicks(note.editor, "sisko mukana")
    assert dialog.save()
    qtbot.waitUntil(lambda: view.header.intake_note.isVisibleTo(view))
    shown = view.header.intake_note.text()
    assert shown.startswith("<i>Intake note:</i> Tuli auttavan puhelimen kautta;<br>")
    # The risk reason is left as it was: the note is not a risk.
    assert "auttavan" not in view.header.risk_reason.text()
    assert "Second demand arrived today" in view.header.risk_reason.text()
    stored = world.boss.cases.get_detail(world.case_id).case
    assert stored.intake_note == "Tuli auttavan puhelimen kautta;\nsisko mukana"
    assert stored.risk_reason == "Second demand arrived today"
    # Audited as every edit of the case is: which case, never the text.
    updates = world.boss.audit.query(AuditQuery(case_id=world.case_id,
                                                actions=(AuditAction.UPDATE,)))
    assert [(e.entity, e.username) for e in updates] == [("case", "kaisa")]
    assert all("auttavan" not in (e.detail or "") for e in updates)
    view.grab().save(str(tmp_path / "case-view-intake-note.png"))


def test_identity_code_change_is_checked_inline(open_view, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view()
    view.header.reveal_code()
    qtbot.mouseClick(view.header.change_code_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(view)
    code = dialog.field("identity_code")
    new_code = generate_temporary_identity_code(dt.date(1984, 5, 17), 977)
    wrong = new_code[:-1] + ("A" if new_code[-1] != "A" else "B")
    _type(qtbot, code, wrong)
    assert code.error.text() == "Check character does not match; check for a typo."
    assert not dialog.save_button.isEnabled()
    _type(qtbot, code, new_code.lower())
    assert dialog.save_button.isEnabled()
    assert dialog.save()
    qtbot.waitUntil(lambda: view.detail.victim.identity_code_history[-1].note == "")
    assert view.header.revealed is None  # the old code is no longer shown
    assert view.header.code.text() == new_code[:7] + "****"
    assert len(view.detail.victim.identity_code_history) == 2


def test_locking_the_main_window_leaves_no_case_window(world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.window.main_window import MainWindow

    window = MainWindow(services.build(world.database, world.counsellor))
    qtbot.addWidget(window)
    window.show()
    view = open_case(window, window.session, world.case_id)
    assert view is not None and view.isWindow() and view.parentWidget() is window
    dialog = view.forms.edit_record("follow_up", None)
    window.lock()
    assert view.is_wiped and not dialog.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view))
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, (CaseView, RecordDialog)) and w.isVisible()]
