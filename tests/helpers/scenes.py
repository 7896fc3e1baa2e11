"""Every screen and dialog of Suoja, opened the way a person opens it, on seeded demo data.

Each scene signs in (a supervisor, a counsellor or an administrator of a seeded demo
database), opens its screen by clicking, typing and triggering actions, and hands each
state worth looking at to a *checkpoint*: the layout check (``tests/helpers/layout.py``)
and, where the README shows it, a screenshot.

The scale factor must be set before ``QApplication`` exists, so this runs in a process
of its own, started by :func:`tests.screenshots.launch`::

    QT_SCALE_FACTOR=1.5 QT_QPA_PLATFORM=offscreen:configfile=screen.json \\
        python -m tests.helpers.scenes --work-area 1067x619 --report problems.json \\
        [--shots DIR] [--victims N] [--only SCENE ...]

The report is JSON: ``{"scene": ["problem", ...], ...}``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QSize, Qt, QThreadPool  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)

#: Victims in the demo database the scenes use: enough for realistic lists and figures.
VICTIMS = 300
#: Supervisors, counsellors and administrators sign in with long-ish names, as real ones.
SUPERVISOR_NAME = "Marja-Leena Hämäläinen-Lindqvist"
EXTRA_COUNSELLOR = ("annakaisa", "Anna-Kaisa Väisänen-Korhonen")
STRONG = "Tuuli-Kivi-Järvi-Polku"
SERVER_URL = "postgresql+psycopg://suoja@db.example.org/suoja?sslmode=verify-full"

Check = Callable[..., None]


# -- driving widgets as a person does ----------------------------------------------------


def settle(rounds: int = 3) -> None:
    """Let queued work, workers and deferred layouts finish."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(20_000)
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        app.processEvents()


def click(button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), f"{button.text()!r} cannot be clicked"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()


def type_into(edit: QWidget, text: str) -> None:
    edit.setFocus()
    if text.isascii():
        QTest.keyClicks(edit, text)
    elif isinstance(edit, QLineEdit):
        edit.insert(text)  # QTest types ASCII only; the rest goes in like a paste
    else:
        edit.insertPlainText(text)  # type: ignore[attr-defined]
    settle(1)


def top_level(kind: type[QWidget], name: str = "") -> Any:
    """The newest visible top-level window of a kind (a dialog the scene just opened)."""
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, kind) and w.isVisible() and (not name or w.objectName() == name)]
    assert found, f"no {kind.__name__} is open"
    return found[-1]


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("a scene opened a message box: something went wrong")


def _guard_message_boxes() -> None:
    """A scene must never wait in a message box or a modal dialog (nobody would answer):
    one that opens fails the scene instead (errors are shown in message boxes)."""
    for name in ("question", "warning", "critical", "information"):
        setattr(QMessageBox, name, staticmethod(_refuse))
    QDialog.exec = _refuse  # type: ignore[method-assign]


# -- the demo office ----------------------------------------------------------------------


@dataclass
class World:
    """A seeded demo database and the windows the current scene opened."""

    folder: Path
    db_path: Path
    usernames: dict[str, str]  # role name -> username
    rich_case: tuple[int, str]  # id and reference of a counsellor's case with much in it
    other_case: int  # a case of another counsellor (break-the-glass)
    namesake: tuple[str, str]  # first names, last name of an existing victim
    windows: list[Any] = field(default_factory=list)

    def main_window(self, role: str) -> Any:
        """Sign in as ``role`` and show the main window as the app would."""
        from gui.window.main_window import MainWindow
        from models import services
        from models.demo.seed import DEMO_PASSWORD
        from models.storage.store import open_database

        password = STRONG if role in ("supervisor", "counsellor2") else DEMO_PASSWORD
        database, actor = open_database(self.db_path, self.usernames[role], password)
        window = MainWindow(services.build(database, actor), opener=open_database)
        self.windows.append(window)
        window.show()
        settle()
        return window

    def close_all(self) -> None:
        """Close the scene's windows. What a scene typed into forms goes with them: the
        question before quitting with unsaved forms is answered "Quit and discard"."""
        from gui.shared import questions

        asking = questions.confirm_quit
        questions.confirm_quit = lambda *_args, **_kwargs: True
        try:
            for window in self.windows:
                window.close()
                window.session.close()
        finally:
            questions.confirm_quit = asking
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.hide()
            widget.deleteLater()
        settle()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.windows.clear()


def build_world(folder: Path, victims: int = VICTIMS) -> World:
    from models import services
    from models.demo.seed import DEMO_PASSWORD, seed_demo
    from models.domain.dto import CaseFilter
    from models.domain.enums import Role
    from models.storage.store import create_database, open_database
    from tests.conftest import FAST_KDF

    db_path = folder / "suoja-demo.db"
    created = create_database(db_path, username="supervisor", password=STRONG, kdf=FAST_KDF,
                              display_name=SUPERVISOR_NAME)
    database = created.database
    try:
        summary = seed_demo(database, created.actor, victims=victims, seed=1, kdf=FAST_KDF)
        boss = services.build(database, created.actor)
        user = boss.accounts.create_user(*EXTRA_COUNSELLOR, Role.COUNSELLOR, STRONG,
                                         kdf=FAST_KDF)
        by_role: dict[str, str] = {"supervisor": "supervisor", "counsellor2": user.username}
        for account in summary.accounts:
            by_role.setdefault(account.role.value, account.username)
        counsellor = next(a for a in summary.accounts if a.role is Role.COUNSELLOR)
        other = next(a for a in summary.accounts
                     if a.role is Role.COUNSELLOR and a.username != counsellor.username)
        users = {u.username: u for u in boss.accounts.list_users()}
        mine = boss.case_list.list_case_ids(
            CaseFilter(assigned_to_id=users[counsellor.username].id))
        theirs = boss.case_list.list_case_ids(CaseFilter(assigned_to_id=users[other.username].id))
        # The counsellor's own session (each audit event is signed by its writer's key).
        own_database, actor = open_database(db_path, counsellor.username, DEMO_PASSWORD)
        own = services.build(own_database, actor)

        def richness(case_id: int) -> int:
            detail = own.cases.get_detail(case_id)
            return sum(len(part or ()) for part in (
                detail.extortion_contacts, detail.police_reports, detail.support_sessions,
                detail.follow_ups, detail.attachments, detail.protective_actions))

        try:
            rich = max(mine[:40], key=richness)
            detail = own.cases.get_detail(rich)
        finally:
            own_database.dispose()
        victim = boss.cases.get_detail(theirs[0]).victim
        return World(folder, db_path, by_role, (rich, detail.case.reference), theirs[0],
                     (victim.first_names, victim.last_name))
    finally:
        database.dispose()


# -- the scenes ---------------------------------------------------------------------------


def _place(window: Any, key: str) -> None:
    """Click a place in the navigation list."""
    navigation = window.navigation
    for row in range(navigation.model().rowCount()):
        index = navigation.model().index(row, 0)
        if index.data(Qt.ItemDataRole.UserRole + 1) == key:
            rect = navigation.visualRect(index)
            QTest.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
            settle()
            assert window.place == key, f"clicking {key} did not show it"
            return
    raise AssertionError(f"no place {key}")


def main_my_cases(world: World, check: Check) -> None:
    window = world.main_window("counsellor")
    _place(window, "my_cases")
    check(window, shot="main-window")


def main_all_cases(world: World, check: Check) -> None:
    window = world.main_window("counsellor")
    _place(window, "all_cases")
    type_into(window.search, "lah")
    settle()
    check(window)


def main_follow_ups(world: World, check: Check) -> None:
    window = world.main_window("supervisor")
    _place(window, "follow_ups")
    check(window, "own")
    click(window.follow_ups.everyone)
    check(window, "everyone")


def main_dashboard(world: World, check: Check) -> None:
    from PySide6.QtWidgets import QScrollArea

    window = world.main_window("supervisor")
    _place(window, "dashboard")
    page = window.pages.currentWidget().findChild(QScrollArea).widget()
    check(window, shot="dashboard", picture=page)  # the README shows the whole page


def main_analysis(world: World, check: Check) -> None:
    window = world.main_window("supervisor")
    _place(window, "extortion_analysis")
    check(window, "wallets", shot="analysis")
    view = window.pages.currentWidget()
    click(view.senders)
    check(window, "senders")


def main_caseload(world: World, check: Check) -> None:
    window = world.main_window("supervisor")
    _place(window, "caseload")
    view = window.pages.currentWidget()
    combo = view.include_closed
    combo.setCurrentIndex(combo.findData(True))  # all statuses: the longest list
    settle()
    check(window, "all statuses")
    view.table.setFocus()
    view.table.selectRow(0)
    for _ in range(2):  # three cases, chosen with Shift+Down
        QTest.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    click(view.reassign_button)
    check(window, "after reassigning", shot="caseload")


def main_audit_log(world: World, check: Check) -> None:
    window = world.main_window("supervisor")
    _place(window, "audit_log")
    check(window, shot="audit-log")


def main_accounts(world: World, check: Check) -> None:
    window = world.main_window("supervisor")
    _place(window, "accounts")
    view = window.pages.currentWidget()
    view.table.selectRow(1)
    settle()
    check(window, shot="accounts")


def main_administrator(world: World, check: Check) -> None:
    from gui.workspaces.accounts_admin import CreateAccountDialog

    window = world.main_window("administrator")
    check(window)
    # An administrator holds no content key: a new counsellor waits for a supervisor,
    # who types the password (the fields are off, and the dialog says why).
    click(window.pages.currentWidget().create_button)
    dialog = top_level(CreateAccountDialog)
    type_into(dialog.username, "kaisa.koski")
    type_into(dialog.display_name, "Kaisa Koski-Virtanen")
    check(dialog, "a counsellor waits for a supervisor")
    dialog.reject()
    settle()


def lock_screen(world: World, check: Check) -> None:
    window = world.main_window("counsellor")
    window.lock_action.trigger()
    settle()
    assert window.is_locked
    check(window, shot="lock-screen")


def _open_rich_case(world: World, role: str = "counsellor") -> tuple[Any, Any]:
    window = world.main_window(role)
    case_id = world.rich_case[0]
    _place(window, "all_cases")
    type_into(window.search, world.rich_case[1])
    settle()
    row = window.model.row_of(case_id)
    assert row is not None
    window.table.setCurrentIndex(window.model.index(row, 0))
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    settle()
    from gui.case.case_view import CaseView

    return window, top_level(CaseView)


def case_view(world: World, check: Check) -> None:
    _window, view = _open_rich_case(world)
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        section = view.tabs.currentWidget()
        table = getattr(section, "table", None)
        if table is not None and table.model().rowCount():
            table.selectRow(0)
        settle()
        check(view, view.tabs.tabText(index).split(" (")[0])
    view.tabs.setCurrentWidget(view.contacts)
    view.contacts.table.selectRow(0)
    settle()
    check(view, "contacts again", shot="case-view")


def case_view_supervisor(world: World, check: Check) -> None:
    _window, view = _open_rich_case(world, "supervisor")
    check(view)


def _record_dialog(view: Any, section: Any, add: bool = False) -> Any:
    from gui.case.dialogs.base import RecordDialog

    view.tabs.setCurrentWidget(section)
    settle()
    if add or not section.model.rowCount():
        click(section.add_button)
    else:
        section.table.selectRow(0)
        click(section.edit_button)
    return top_level(RecordDialog)


def _future(field: Any) -> None:
    """Pick tomorrow in a date field (a person picks it in the calendar)."""
    editor = getattr(field, "box", None)
    if editor is not None and not editor.check.isChecked():
        click(editor.check)
    inner = editor.inner if editor is not None else field.editor
    assert inner.isEnabled(), f"{field.name} cannot be changed"
    later = QDate.currentDate().addDays(2)
    if type(inner).__name__ == "QDateTimeEdit":
        inner.setDateTime(QDateTime(later, inner.time()))
    else:
        inner.setDate(later)
    settle()
    assert field.error.isVisible(), f"{field.name}: a future date was accepted"


def record_dialogs(world: World, check: Check) -> None:
    _window, view = _open_rich_case(world)
    for section, future in ((view.contacts, "received_at"), (view.reports, "filed_on"),
                            (view.sessions, "started_at"), (view.actions, None),
                            (view.follow_ups, None)):
        dialog = _record_dialog(view, section)
        check(dialog, dialog.objectName())
        if future is not None and future in dialog.form.fields:
            _future(dialog.field(future))
            check(dialog, f"{dialog.objectName()} with a future date")
        dialog.reject()
        settle()
    dialog = _record_dialog(view, view.follow_ups, add=True)
    check(dialog, "new follow-up")
    dialog.reject()


def victim_and_case_dialogs(world: World, check: Check) -> None:
    from gui.case.dialogs.base import RecordDialog

    _window, view = _open_rich_case(world)
    header = view.header
    for button in (header.edit_victim_button, header.change_code_button,
                   header.edit_case_button, header.request_closure_button):
        click(button)
        dialog = top_level(RecordDialog)
        check(dialog, dialog.objectName())
        for name in ("consent_date", "valid_from", "birth_date"):
            if name in dialog.form.fields and dialog.field(name).editor.isEnabled():
                _future(dialog.field(name))
                check(dialog, f"{dialog.objectName()} with a future date")
                break
        dialog.reject()
        settle()


def close_case_dialog(world: World, check: Check) -> None:
    from gui.case.dialogs.base import RecordDialog

    _window, view = _open_rich_case(world, "supervisor")
    click(view.header.close_case_button)
    check(top_level(RecordDialog))


def correction_history_dialog(world: World, check: Check) -> None:
    from gui.case.corrections_dialog import CorrectionHistoryDialog
    from models.domain.dto import VictimDraft
    from models.domain.validation import generate_temporary_identity_code

    window, view = _open_rich_case(world, "supervisor")
    click(view.header.corrections_button)
    dialog = top_level(CorrectionHistoryDialog)
    check(dialog, "nothing corrected")
    dialog.reject()
    settle()
    # Corrections as the supervisor's own edits make them: details, then a new code.
    cases = window.session.services.cases
    victim = view.detail.victim
    fields = {name: getattr(victim, name) for name in (
        "first_names", "last_name", "birth_date", "phone", "email", "street_address",
        "postal_code", "city", "country", "language", "may_leave_voicemail", "may_send_sms",
        "may_email", "may_send_post", "safe_contact_note", "consent_given", "consent_date")}
    fields.update(last_name=fields["last_name"] + "-Korhonen", city="Kaskinen",
                  street_address="Pitkä-Lindqvistinkatu 123 B 45", may_send_post=True,
                  safe_contact_note="Soita vain arkisin klo 17 jälkeen; puoliso ei tiedä "
                                    "asiasta eikä postia saa lähettää kotiosoitteeseen.")
    cases.update_victim(victim.id, victim.version, VictimDraft(**fields))
    born = victim.birth_date or QDate.currentDate().addYears(-40).toPython()
    cases.change_identity_code(victim.id, generate_temporary_identity_code(born, 987),
                               "DVV:n päätös 3.5.2024")
    settle()
    click(view.header.corrections_button)
    dialog = top_level(CorrectionHistoryDialog)
    check(dialog, "corrected", shot="correction-history")
    click(dialog.reveal_button)
    check(dialog, "codes revealed")


def _closed_cases(window: Any) -> list[tuple[int, str]]:
    from models.domain.dto import CaseFilter
    from models.domain.enums import CaseStatus

    services = window.session.services
    ids = services.case_list.list_case_ids(CaseFilter(statuses=(CaseStatus.CLOSED,)))
    return [(case_id, services.cases.get_detail(case_id).case.reference)
            for case_id in ids[:3]]


def erase_dialog(world: World, check: Check) -> None:
    """A supervisor's "Erase personal data…" on a closed case: the confirmation."""
    from gui.case.erasure import EraseDialog

    window = world.main_window("supervisor")
    case_id, reference = _closed_cases(window)[0]
    window.open_case(case_id)
    settle()
    from gui.case.case_view import CaseView

    view = top_level(CaseView)
    check(view, "a closed case")
    click(view.erasure.button)
    dialog = top_level(EraseDialog)
    check(dialog, "empty")
    dialog.reason.setCurrentIndex(1)
    type_into(dialog.confirmation, reference)
    check(dialog, "ready to erase", shot="erase-dialog")
    dialog.reject()
    settle()


def erasure_pending(world: World, check: Check) -> None:
    """Where a second supervisor's approval is set: the request waits in the case view."""
    window = world.main_window("supervisor")
    retention = window.session.services.retention
    case_id, reference = _closed_cases(window)[1]
    retention.set_erasure_needs_approval(True)
    try:
        if retention.erasure_status(case_id).pending is None:
            from models.domain.enums import ErasureReason

            retention.erase_victim(case_id, reference, ErasureReason.REQUEST)
        window.open_case(case_id)
        settle()
        from gui.case.case_view import CaseView

        check(top_level(CaseView), "waiting for approval", shot="erasure-pending")
    finally:
        retention.set_erasure_needs_approval(False)


def retention_review(world: World, check: Check) -> None:
    """The reminder in a supervisor's status bar, and the list of the cases due."""
    from gui.workspaces.retention_reminder import RetentionNotice, RetentionReviewDialog

    window = world.main_window("supervisor")
    retention = window.session.services.retention
    before = retention.retention_days()
    retention.set_retention_days(30)
    try:
        notice = window.findChild(RetentionNotice)
        notice.refresh()
        settle()
        check(window, "the notice", shot="retention-notice")
        click(notice.review_button)
        check(top_level(RetentionReviewDialog), "the cases due", shot="retention-review")
    finally:
        retention.set_retention_days(before)


def export_case_dialog(world: World, check: Check) -> None:
    from gui.case.export_dialog import ExportCaseDialog

    _window, view = _open_rich_case(world)
    click(view.header.export_button)
    dialog = top_level(ExportCaseDialog)
    check(dialog, "police liaison")
    click(dialog.options.protect)
    check(dialog, "with a password")
    letter = dialog.options.profile.findData("victim")
    if letter >= 0:  # a counsellor's export also offers the letter to the client
        dialog.options.profile.setCurrentIndex(letter)
        check(dialog, "letter to the client")


def access_copy_dialog(world: World, check: Check) -> None:
    """A supervisor's Export dialog, and the client's access copy it leads to."""
    from gui.case.access_copy import AccessCopyDialog
    from gui.case.export_dialog import ExportCaseDialog

    _window, view = _open_rich_case(world, "supervisor")
    click(view.header.export_button)
    export = top_level(ExportCaseDialog)
    check(export, "a supervisor's export", shot="export-supervisor")
    assert export.access_copy_button is not None
    click(export.access_copy_button)
    dialog = top_level(AccessCopyDialog)
    check(dialog, "empty")
    type_into(dialog.withheld, "A third person's name in a note: their privacy")
    check(dialog, "with a withheld item", shot="access-copy")
    dialog.reject()
    export.reject()
    settle()


def batch_export_dialog(world: World, check: Check) -> None:
    from gui.case.export_dialog import BatchExportDialog

    window = world.main_window("supervisor")
    window.batch_export_action.trigger()
    settle()
    dialog = top_level(BatchExportDialog)
    check(dialog)
    click(dialog.filed)
    click(dialog.options.protect)
    check(dialog, "with dates and a password")


def import_dialog(world: World, check: Check) -> None:
    from gui.workspaces.import_dialog import ImportDialog

    window = world.main_window("supervisor")
    window.import_action.trigger()
    settle()
    dialog = top_level(ImportDialog)
    check(dialog, "empty")
    lines = ["Sukunimi;Etunimet;Henkilötunnus;Sähköposti;Puhelin;Kieli",
             f"{world.namesake[1]};{world.namesake[0]};;;;fi",
             "Mäkelä-Lindqvist;Åsa Maria;010203A9876;asa@example.org;+358401234567;sv",
             "Öhman;Jääskö;;jaasko@example.org;;fi",
             "Virtanen;Aino;131052-A;;;en"]
    path = world.folder / "lista.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    dialog.choose_file = lambda: path
    click(dialog.findChild(QAbstractButton, "browse"))
    settle()
    check(dialog, "checked")


def break_glass_dialog(world: World, check: Check) -> None:
    from gui.shared import questions

    window = world.main_window("counsellor")
    _place(window, "all_cases")
    asked: list[QDialog] = []

    def answer(dialog: QDialog) -> bool:
        dialog.show()
        settle()
        check(dialog, "asked")
        type_into(dialog.reason.editor, "x")
        check(dialog, "too short a reason")
        asked.append(dialog)
        return False

    original = questions.run_modal
    questions.run_modal = answer
    try:
        row = window.model.row_of(world.other_case)
        if row is None:
            type_into(window.search, "SUO")
            row = window.model.row_of(world.other_case)
        assert row is not None
        window.table.setCurrentIndex(window.model.index(row, 0))
        QTest.keyClick(window.table, Qt.Key.Key_Return)
        settle()
    finally:
        questions.run_modal = original
    assert asked, "break-the-glass was not asked"

    def give_a_reason(dialog: QDialog) -> bool:
        dialog.show()
        settle()
        type_into(dialog.reason.editor, "The victim called in distress; their counsellor is away")
        click(dialog.open_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    questions.run_modal = give_a_reason
    try:
        QTest.keyClick(window.table, Qt.Key.Key_Return)
        settle()
    finally:
        questions.run_modal = original
    from gui.case.case_view import CaseView

    view = top_level(CaseView)
    assert view.access_banner.isVisible(), "no banner for the emergency access"
    check(view, "opened for a reason", shot="break-glass-case")


def accounts_dialogs(world: World, check: Check) -> None:
    from gui.workspaces.accounts_admin import (
        ChangeRoleDialog,
        CreateAccountDialog,
        ResetPasswordDialog,
    )

    window = world.main_window("supervisor")
    _place(window, "accounts")
    view = window.pages.currentWidget()
    click(view.create_button)
    dialog = top_level(CreateAccountDialog)
    check(dialog, "empty")
    type_into(dialog.username, "kaisa.koski")
    type_into(dialog.display_name, "Kaisa Koski-Virtanen")
    type_into(dialog.passwords.password, "qwertyuiop12")
    check(dialog, "a weak password")
    dialog.passwords.password.clear()
    type_into(dialog.passwords.password, "Kaisa2024!abc")
    check(dialog, "a name in the password")
    dialog.reject()
    settle()
    row = view.model.row_of(next(u.id for u in view.model.records()
                                 if u.username == world.usernames["counsellor2"]))
    view.table.selectRow(row)
    settle()
    click(view.reset_button)
    dialog = top_level(ResetPasswordDialog)
    check(dialog)
    type_into(dialog.passwords.password, "password")
    check(dialog, "too short")
    dialog.reject()
    settle()
    click(view.role_button)
    role = top_level(ChangeRoleDialog)
    check(role)
    role.reject()
    settle()
    from gui.workspaces.organisation import OrganisationDialog

    click(view.organisation_button)
    check(top_level(OrganisationDialog), "organisation settings")


def intake(world: World, check: Check) -> None:
    from gui.case.intake import IntakeWizard

    window = world.main_window("counsellor")
    window.intake_action.trigger()
    settle()
    wizard = top_level(IntakeWizard)
    page = wizard.identity_page
    check(wizard, "empty")
    type_into(page.first_names.editor, world.namesake[0])
    type_into(page.last_name.editor, world.namesake[1])
    future = QDate.currentDate().addDays(3)
    type_into(page.birth_date.editor, f"{future.day()}.{future.month()}.{future.year()}")
    check(wizard, "date of birth in the future")
    page.birth_date.editor.clear()
    type_into(page.phone.editor, "040 123 4567")
    type_into(page.safe_note.editor, "Call only on weekdays after 17")
    check(wizard, "filled in", shot="intake")
    click(wizard.button(QWizard.WizardButton.NextButton))
    check(wizard, "existing victims")
    if wizard.duplicate_page.different.isVisible():
        click(wizard.duplicate_page.different)
    click(wizard.button(QWizard.WizardButton.NextButton))
    check(wizard, "risk")
    click(wizard.button(QWizard.WizardButton.NextButton))
    check(wizard, "first follow-up")


def login(world: World, check: Check) -> None:
    from gui.start.login import LoginDialog
    from models.storage.store import open_database

    dialog = LoginDialog(world.db_path, open_database)
    dialog.show()
    settle()
    check(dialog, "normal")
    type_into(dialog.username, "nobody")
    type_into(dialog.password, "wrong password")
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    settle()
    check(dialog, "wrong password")


def login_demo(world: World, check: Check) -> None:
    from gui.start.app import DEMO_VICTIMS
    from gui.start.login import LoginDialog
    from models.demo.seed import DEMO_PASSWORD, demo_accounts
    from models.storage.store import open_database

    # As gui.start.app.prepare_demo lists them: the accounts of a ``main.py --demo`` database.
    accounts = [(a.username, a.role.value, a.display_name) for a in demo_accounts(DEMO_VICTIMS)]
    dialog = LoginDialog(world.db_path, open_database, accounts, DEMO_PASSWORD)
    dialog.show()
    settle()
    check(dialog, shot="login-demo")


def login_server(world: World, check: Check) -> None:
    from gui.start.login import LoginDialog
    from models.storage.server import ServerUrl
    from models.storage.store import open_database

    dialog = LoginDialog(ServerUrl.parse(SERVER_URL), open_database)
    dialog.show()
    settle()
    check(dialog, shot="login-server")


def setup_file(world: World, check: Check) -> None:
    from gui.start.setup import SetupDialog
    from tests.conftest import FAST_KDF

    dialog = SetupDialog(world.folder / "new" / "suoja.db", kdf=FAST_KDF)
    dialog.show()
    settle()
    check(dialog, "empty")
    type_into(dialog.username.editor, "maria")
    type_into(dialog.display_name.editor, "Maria Virtanen-Lindqvist")
    type_into(dialog.password.editor, "maria2024")
    check(dialog, "a weak password")
    dialog.password.editor.clear()
    type_into(dialog.password.editor, STRONG)
    type_into(dialog.repeat.editor, STRONG)
    click(dialog.create_button)
    for _ in range(200):
        if dialog.stack.currentIndex() == 1:
            break
        settle(1)
    assert dialog.stack.currentIndex() == 1, "the database was not created"
    check(dialog, "recovery code", shot="setup-recovery-code")
    click(dialog.stored)
    click(dialog.continue_button)
    if dialog.result_value is not None:
        dialog.result_value[0].dispose()


def setup_server(world: World, check: Check) -> None:
    from gui.start.setup import SetupDialog
    from tests.conftest import FAST_KDF

    dialog = SetupDialog(world.folder / "other" / "suoja.db", kdf=FAST_KDF)
    dialog.show()
    settle()
    click(dialog.on_server)
    type_into(dialog.server_url.editor, "postgresql://suoja:secret@db")
    check(dialog, "a refused URL")
    dialog.server_url.editor.clear()
    type_into(dialog.server_url.editor, SERVER_URL)
    dialog.server_url.editor.setCursorPosition(0)
    type_into(dialog.username.editor, "maria")
    type_into(dialog.display_name.editor, "Maria Virtanen-Lindqvist")
    settle()
    check(dialog, shot="setup-server")


#: Scene name -> how to open it. Names are stable: the layout test is parametrized by them.
SCENES: dict[str, Callable[[World, Check], None]] = {
    "main-my-cases": main_my_cases,
    "main-all-cases": main_all_cases,
    "main-follow-ups": main_follow_ups,
    "main-dashboard": main_dashboard,
    "main-analysis": main_analysis,
    "main-caseload": main_caseload,
    "main-audit-log": main_audit_log,
    "main-accounts": main_accounts,
    "main-administrator": main_administrator,
    "lock-screen": lock_screen,
    "case-view": case_view,
    "case-view-supervisor": case_view_supervisor,
    "record-dialogs": record_dialogs,
    "victim-and-case-dialogs": victim_and_case_dialogs,
    "close-case-dialog": close_case_dialog,
    "correction-history-dialog": correction_history_dialog,
    "export-case-dialog": export_case_dialog,
    "access-copy-dialog": access_copy_dialog,
    "erase-dialog": erase_dialog,
    "erasure-pending": erasure_pending,
    "retention-review": retention_review,
    "batch-export-dialog": batch_export_dialog,
    "import-dialog": import_dialog,
    "break-glass-dialog": break_glass_dialog,
    "accounts-dialogs": accounts_dialogs,
    "intake": intake,
    "login": login,
    "login-demo": login_demo,
    "login-server": login_server,
    "setup-file": setup_file,
    "setup-server": setup_server,
}


# -- running ------------------------------------------------------------------------------


@dataclass
class Checkpoint:
    """Checks each state a scene shows; photographs the README's (or, ``every``, all)."""

    scene: str
    work_area: QSize
    shots: Path | None
    every: bool = False
    problems: list[str] = field(default_factory=list)
    taken: int = 0

    def __call__(self, window: QWidget, state: str = "", shot: str | None = None,
                 picture: QWidget | None = None) -> None:
        """Check ``window``; photograph it (or ``picture``, e.g. a whole scrolled page)."""
        from tests.helpers.layout import all_problems

        settle()
        where = f"[{state}] " if state else ""
        self.problems.extend(where + p for p in all_problems(window, self.work_area))
        if self.shots is None:
            return
        if self.every:
            shot = f"{self.scene}-{self.taken}"
        if shot is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            (picture or window).grab().save(str(self.shots / f"{shot}.png"))
            self.taken += 1


def run(work_area: QSize, names: list[str], shots: Path | None,
        victims: int = VICTIMS, every: bool = False) -> dict[str, list[str]]:
    """Open each scene, check it and (with ``shots``) photograph it; the problems found.

    With ``every``, each state checked is photographed (``<scene>-<n>.png``), not only
    the README's pictures.
    """
    from gui.shared import i18n as gui_i18n
    from gui.shared.style import apply_style
    from models.domain import i18n

    app = QApplication.instance() or QApplication(["suoja-scenes"])
    assert isinstance(app, QApplication)
    app.setApplicationName("Suoja")
    app.setOrganizationName("Suoja")
    # The scenes speak SUOJA_LANG's language (English in the tests), as main.py would.
    i18n.use(i18n.choose(i18n.override(None)), overridden=True)
    gui_i18n.install()
    if os.environ.get("SUOJA_PSEUDO"):  # every string 40 % longer (tests/helpers/pseudo.py)
        from tests.helpers.pseudo import PseudoCatalog, PseudoTranslator

        app.installTranslator(PseudoTranslator(app))
        catalog = PseudoCatalog()
        i18n._catalog = lambda _language: catalog  # type: ignore[assignment]
    apply_style(app)
    _guard_message_boxes()
    report: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="suoja-scenes-") as folder:
        world = build_world(Path(folder), victims)
        for name in names:
            check = Checkpoint(name, work_area, shots, every)
            try:
                SCENES[name](world, check)
            except Exception as error:  # one broken scene must not hide the others
                check.problems.append(f"the scene failed: {type(error).__name__}: {error}")
            finally:
                world.close_all()
            report[name] = check.problems
    return report


def _size(text: str) -> QSize:
    width, height = text.lower().split("x")
    return QSize(int(width), int(height))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work-area", type=_size, required=True,
                        help="the screen's work area in logical pixels, e.g. 1280x672")
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--victims", type=int, default=VICTIMS)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--every", action="store_true",
                        help="photograph every state checked, not only the README's")
    args = parser.parse_args(argv)
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        parser.error("run through tests.screenshots.launch (an offscreen screen is needed)")
    names = args.only or list(SCENES)
    unknown = [n for n in names if n not in SCENES]
    if unknown:
        parser.error(f"unknown scenes: {', '.join(unknown)}")
    report = run(args.work_area, names, args.shots, args.victims, args.every)
    args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

