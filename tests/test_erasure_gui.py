"""Erasure and retention in the desktop app (issue 17, items 1 and 2), driven as a person
does: the case view's "Erase personal data…" (who sees it, when it is on), its confirmation
(a reason and the typed reference), a second supervisor's Approve, the supervisors'
retention reminder, and the retention period and approval in the Organisation dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select, update

from gui.case.case_view import CaseView, open_case
from gui.case.erasure import EraseDialog
from gui.shared import errors, questions
from gui.shared.session import Session
from gui.window.main_window import MainWindow
from gui.workspaces.organisation import OrganisationDialog
from gui.workspaces.retention_reminder import RetentionNotice, RetentionReviewDialog
from models import services
from models.domain.base import local_today
from models.domain.dto import CaseDraft, VictimDraft
from models.domain.entities import AuditEvent, Case
from models.domain.enums import CaseStatus, ClosureReason, Role
from models.services.retention import APPROVAL_SETTING, ERASED_NAME
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

STRONG = "Tuuli-Kivi-Järvi-Polku"
NAME = "Zyxwvuttinen"


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """The error dialog's sentences (no test waits in a message box)."""
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error",
                        lambda parent, error, title="": shown.append(error))
    for module in ("gui.case.erasure", "gui.workspaces.organisation",
                   "gui.workspaces.retention_reminder"):
        monkeypatch.setattr(f"{module}.show_error",
                            lambda parent, error, title="": shown.append(error))
    monkeypatch.setattr(questions, "confirm", lambda *args: True)
    return shown


class Office:
    """A database with a closed case and an open one, and the people who work on it."""

    def __init__(self, database: Database, supervisor: Actor, db_path: Path) -> None:
        self.database = database
        self.db_path = db_path
        self.boss = services.build(database, supervisor)
        self.accounts: dict[str, Actor] = {"super": supervisor}
        for username, role in (("super2", Role.SUPERVISOR), ("kaisa", Role.COUNSELLOR),
                               ("leena", Role.POLICE_LIAISON), ("admin2", Role.ADMINISTRATOR)):
            user = self.boss.accounts.create_user(username, username.title(), role, STRONG,
                                                  kdf=FAST_KDF)
            self.accounts[username] = Actor(user.id, user.username, user.display_name, role)
        cases = self.boss.cases
        closed = cases.create_intake(
            VictimDraft(first_names="Ilmatar", last_name=NAME),
            CaseDraft(assigned_to_id=self.accounts["kaisa"].user_id))
        detail = cases.get_detail(closed.id).case
        cases.set_status(closed.id, detail.version, CaseStatus.CLOSED, ClosureReason.RESOLVED)
        self.closed = (closed.id, closed.reference)
        still_open = cases.create_intake(
            VictimDraft(first_names="Aino", last_name="Avoin"),
            CaseDraft(assigned_to_id=self.accounts["kaisa"].user_id))
        self.open = (still_open.id, still_open.reference)
        self._opened: list[Database] = []

    def services_of(self, username: str) -> services.Services:
        """``username``'s own services, signed in as them (their events carry their
        signature)."""
        if username == "super":
            return self.boss
        database, actor = open_database(self.db_path, username, STRONG)
        self._opened.append(database)
        return services.build(database, actor)

    def closed_long_ago(self, days: int) -> None:
        with self.database.writing() as db_session:
            db_session.execute(update(Case).where(Case.id == self.closed[0]).values(
                closed_on=local_today() - dt.timedelta(days=days)))

    def dispose(self) -> None:
        for database in self._opened:
            database.dispose()


@pytest.fixture
def office(database: Database, supervisor: Actor, db_path: Path) -> Iterator[Office]:
    world = Office(database, supervisor, db_path)
    yield world
    world.dispose()


@pytest.fixture
def owner(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def view_as(office: Office, owner: QWidget, qtbot  # type: ignore[no-untyped-def]
            ) -> Iterator[Callable[[str, int], CaseView]]:
    opened: list[CaseView] = []

    def open_as(username: str, case_id: int) -> CaseView:
        session = Session(office.services_of(username), open_database)
        view = open_case(owner, session, case_id)
        assert view is not None
        opened.append(view)
        return view

    yield open_as
    for view in opened:
        if shiboken6.isValid(view):
            view.close()
    QApplication.processEvents()


@pytest.fixture
def windows(office: Office, qtbot) -> Iterator[Callable[[str], MainWindow]]:  # type: ignore[no-untyped-def]
    opened: list[MainWindow] = []

    def window_of(username: str) -> MainWindow:
        window = MainWindow(office.services_of(username), opener=open_database)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        opened.append(window)
        return window

    yield window_of
    for window in opened:
        if shiboken6.isValid(window):
            window.close()
    QApplication.processEvents()


def _dialog(kind: type) -> object:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no {kind.__name__} is open"
    return found[-1]


def _victim_names(window: MainWindow) -> list[str]:
    model = window.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Victim")
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _erase_in_dialog(qtbot, dialog: EraseDialog, reference: str) -> None:  # type: ignore[no-untyped-def]
    assert not dialog.erase_button.isEnabled()
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # the first reason: the client asked
    assert dialog.chosen_reason() is not None
    assert not dialog.erase_button.isEnabled()  # the reference is not typed yet
    qtbot.keyClicks(dialog.confirmation, reference[:-1])
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.confirmation, reference[-1])
    assert dialog.erase_button.isEnabled()
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)


# -- the case view -----------------------------------------------------------------------


def test_a_supervisor_erases_a_closed_case_and_the_name_leaves_the_case_list(
        office: Office, windows: Callable[[str], MainWindow], qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    window = windows("super")
    window.show_cases([office.closed[0]], "closed")
    qtbot.waitUntil(lambda: any(NAME in name for name in _victim_names(window)))
    window.table.selectRow(window.model.row_of(office.closed[0]))
    window.open_case_action.trigger()
    view = _dialog(CaseView)
    assert isinstance(view, CaseView)
    assert view.erasure.button.isVisible() and view.erasure.button.isEnabled()
    qtbot.mouseClick(view.erasure.button, Qt.MouseButton.LeftButton)
    dialog = _dialog(EraseDialog)
    assert isinstance(dialog, EraseDialog)
    assert office.closed[1] in dialog.windowTitle()
    _erase_in_dialog(qtbot, dialog, office.closed[1])
    assert shown_errors == []
    qtbot.waitUntil(lambda: not any(NAME in name for name in _victim_names(window)))
    assert any(ERASED_NAME in name for name in _victim_names(window))
    qtbot.waitUntil(lambda: view.header.name.text().startswith(ERASED_NAME)
                    or ERASED_NAME in view.header.name.text())
    assert not view.erasure.button.isEnabled()
    assert "erased" in view.erasure.button.toolTip()
    assert "erased" in view.status_text.text()


def test_a_refused_erasure_shows_one_sentence_and_changes_nothing(
        office: Office, view_as: Callable[[str, int], CaseView], qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    view = view_as("super", office.closed[0])
    qtbot.mouseClick(view.erasure.button, Qt.MouseButton.LeftButton)
    dialog = _dialog(EraseDialog)
    assert isinstance(dialog, EraseDialog)
    # Reopened meanwhile (another window): the service refuses; nothing is erased.
    detail = office.boss.cases.get_detail(office.closed[0]).case
    office.boss.cases.set_status(office.closed[0], detail.version, CaseStatus.OPEN)
    _erase_in_dialog(qtbot, dialog, office.closed[1])
    assert [str(e) for e in shown_errors] == [
        "Case: only a closed case can be erased; close it first"]
    assert dialog.isVisible()
    assert NAME in office.boss.cases.get_detail(office.closed[0]).victim.last_name


@pytest.mark.parametrize(("username", "which", "visible", "enabled", "tip"), [
    ("kaisa", "closed", False, None, ""),
    ("leena", "closed", False, None, ""),
    ("super", "open", False, None, ""),  # closed first (and no room beside Close case…)
    ("super", "closed", True, True, "anonymous statistics stay"),
    ("super", "erased", True, False, "was erased"),
])
def test_the_erase_button_per_role_and_case_status(
        office: Office, view_as: Callable[[str, int], CaseView], username: str, which: str,
        visible: bool, enabled: bool | None, tip: str) -> None:
    if which == "erased":
        office.boss.retention.erase_victim(*office.closed)
    case_id = office.open[0] if which == "open" else office.closed[0]
    view = view_as(username, case_id)
    button = view.erasure.button
    assert button.isVisibleTo(view) is visible
    if enabled is not None:
        assert button.isEnabled() is enabled
        assert tip in button.toolTip()
    assert not view.erasure.banner.isVisibleTo(view)


def test_with_approval_a_second_supervisor_approves_in_the_case_view(
        office: Office, view_as: Callable[[str, int], CaseView], qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    office.boss.retention.set_erasure_needs_approval(True)
    mine = view_as("super", office.closed[0])
    qtbot.mouseClick(mine.erasure.button, Qt.MouseButton.LeftButton)
    dialog = _dialog(EraseDialog)
    assert isinstance(dialog, EraseDialog)
    assert dialog.approval_note.isVisibleTo(dialog)
    assert dialog.erase_button.text().replace("&", "") == "Ask for approval"
    _erase_in_dialog(qtbot, dialog, office.closed[1])
    qtbot.waitUntil(lambda: mine.erasure.banner.isVisibleTo(mine))
    assert not mine.erasure.approve_button.isEnabled()  # not one's own
    assert not mine.erasure.button.isEnabled()
    assert NAME in office.boss.cases.get_detail(office.closed[0]).victim.last_name

    theirs = view_as("super2", office.closed[0])
    assert theirs.erasure.banner.isVisibleTo(theirs)
    assert "asked for by super on" in theirs.erasure.banner_text.text()
    assert theirs.erasure.approve_button.isEnabled()
    qtbot.mouseClick(theirs.erasure.approve_button, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    qtbot.waitUntil(lambda: ERASED_NAME in theirs.header.name.text())
    assert not theirs.erasure.banner.isVisibleTo(theirs)
    assert office.boss.retention.erasure_status(office.closed[0]).erased


def test_with_approval_a_second_supervisor_declines(
        office: Office, view_as: Callable[[str, int], CaseView], qtbot  # type: ignore[no-untyped-def]
        ) -> None:
    office.boss.retention.set_erasure_needs_approval(True)
    office.boss.retention.erase_victim(*office.closed)
    theirs = view_as("super2", office.closed[0])
    qtbot.mouseClick(theirs.erasure.decline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not theirs.erasure.banner.isVisibleTo(theirs))
    assert theirs.erasure.button.isEnabled()
    assert NAME in theirs.header.name.text()


# -- the reminder ------------------------------------------------------------------------


def test_a_supervisor_is_reminded_of_expired_cases_and_a_counsellor_is_not(
        office: Office, windows: Callable[[str], MainWindow], qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    office.boss.retention.set_retention_days(30)
    office.closed_long_ago(45)
    assert windows("kaisa").findChild(RetentionNotice) is None
    window = windows("super")
    notice = window.findChild(RetentionNotice)
    assert notice is not None
    qtbot.waitUntil(notice.isVisible)
    assert notice.text.text() == "1 closed case is past its retention period"
    qtbot.mouseClick(notice.review_button, Qt.MouseButton.LeftButton)
    review = _dialog(RetentionReviewDialog)
    assert isinstance(review, RetentionReviewDialog)
    assert review.table.rowCount() == 1
    assert review.table.item(0, 0).text() == office.closed[1]
    assert review.table.item(0, 2).text() == "15"
    opener, eraser = review.row_buttons(0)
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    view = _dialog(CaseView)
    assert isinstance(view, CaseView) and view.case_id == office.closed[0]
    view.close()
    qtbot.mouseClick(eraser, Qt.MouseButton.LeftButton)
    dialog = _dialog(EraseDialog)
    assert isinstance(dialog, EraseDialog)
    assert dialog.chosen_reason() is not None and dialog.chosen_reason().value == "retention"
    qtbot.keyClicks(dialog.confirmation, office.closed[1])
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    # Refreshed on the change: nothing is due any more.
    qtbot.waitUntil(lambda: not notice.isVisible())
    qtbot.waitUntil(lambda: review.table.rowCount() == 0)


# -- the Organisation dialog ---------------------------------------------------------------


def _organisation_dialog(window: MainWindow, qtbot) -> OrganisationDialog:  # type: ignore[no-untyped-def]
    view = window.pages.currentWidget() if window.place == "accounts" else None
    if view is None:
        window.select_place("accounts")
        view = window.pages.currentWidget()
    qtbot.mouseClick(view.organisation_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(OrganisationDialog)
    assert isinstance(dialog, OrganisationDialog)
    return dialog


def _type_days(qtbot, dialog: OrganisationDialog, days: int) -> None:  # type: ignore[no-untyped-def]
    spin = dialog.retention_days
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(days))


def test_the_retention_period_and_the_approval_are_saved_from_the_organisation_dialog(
        office: Office, windows: Callable[[str], MainWindow], qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    dialog = _organisation_dialog(windows("super"), qtbot)
    assert dialog.retention_days.value() == 1825
    assert "5 years" in dialog.retention_words.text()
    assert dialog.second_approval.isEnabled() and not dialog.second_approval.isChecked()
    _type_days(qtbot, dialog, 400)
    assert dialog.retention_words.text() == "days after closing (1 year and 35 days)"
    qtbot.mouseClick(dialog.second_approval, Qt.MouseButton.LeftButton)
    assert dialog.second_approval.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Save
    assert shown_errors == []
    assert not dialog.isVisible()
    assert office.boss.retention.retention_days() == 400
    assert office.boss.retention.erasure_needs_approval()
    with office.database.reading() as db_session:
        audited = db_session.execute(select(AuditEvent.entity, AuditEvent.detail).where(
            AuditEvent.entity.in_(["retention", APPROVAL_SETTING]))).all()
    assert sorted(audited) == [(APPROVAL_SETTING, "off -> on"),
                               ("retention", "retention_days 1825 -> 400")]


def test_an_administrator_sets_the_retention_period_but_not_the_approval(
        office: Office, windows: Callable[[str], MainWindow], qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    window = windows("admin2")
    assert window.findChild(RetentionNotice) is None
    dialog = _organisation_dialog(window, qtbot)
    assert not dialog.second_approval.isEnabled()
    assert "Only a supervisor" in dialog.second_approval.toolTip()
    _type_days(qtbot, dialog, 3 * 365)
    assert dialog.retention_words.text() == "days after closing (3 years)"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert shown_errors == []
    assert office.boss.retention.retention_days() == 3 * 365
    assert not office.boss.retention.erasure_needs_approval()
