"""The counsellor's desktop: places, filters, follow-ups, remembered layout, shortcuts."""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.case.intake import IntakeWizard
from gui.shared.navigation import ALL_CASES, FOLLOW_UPS, MY_CASES
from gui.shared.settings import CASE_TABLE_HEADER, Preferences, WindowState
from gui.window.follow_ups import CASE_ID_ROLE, FollowUpTableModel
from gui.window.main_window import MainWindow
from models import services
from models.domain.base import local_today
from models.domain.dto import (
    CaseDraft,
    FollowUpDraft,
    FollowUpRow,
    ListPage,
    ListWindow,
    VictimDraft,
)
from models.domain.enums import CaseStatus, ClosureReason, RiskLevel, Role
from models.domain.validation import generate_temporary_identity_code
from models.services.records import RecordService
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF
from tests.test_idle_lock import texts_anywhere

STRONG = "Tuuli-Kivi-Järvi-Polku"


@dataclass
class Office:
    """A small crisis-help office: a supervisor, two counsellors, two breaches, cases."""

    supervisor: services.Services
    kaisa: services.Services
    lauri: services.Services
    breaches: dict[str, int]
    cases: dict[str, int]  # surname -> case id


def counsellor(office_services: services.Services, username: str, name: str
               ) -> services.Services:
    user = office_services.accounts.create_user(username, name, Role.COUNSELLOR, STRONG,
                                                kdf=FAST_KDF)
    actor = Actor(user.id, user.username, user.display_name, Role.COUNSELLOR)
    return services.build(office_services.database, actor)


@pytest.fixture
def office(database: Database, supervisor: Actor) -> Office:
    boss = services.build(database, supervisor)
    kaisa = counsellor(boss, "kaisa", "Kaisa Koski")
    lauri = counsellor(boss, "lauri", "Lauri Lahti")
    breaches = {name: boss.cases.create_breach(name).id
                for name in ("Vastaamo 2018", "Vastaamo 2019")}
    people = [
        # surname, counsellor, risk, breach, status
        ("Aaltonen", kaisa, RiskLevel.ACUTE, "Vastaamo 2018", CaseStatus.OPEN),
        ("Björk", kaisa, RiskLevel.HIGH, "Vastaamo 2019", CaseStatus.NEW),
        ("Castrén", kaisa, RiskLevel.LOW, "Vastaamo 2018", CaseStatus.CLOSED),
        ("Drake", lauri, RiskLevel.MEDIUM, "Vastaamo 2019", CaseStatus.WAITING),
        ("Eskola", lauri, RiskLevel.ACUTE, "Vastaamo 2018", CaseStatus.OPEN),
        ("Forsman", None, RiskLevel.MEDIUM, "Vastaamo 2019", CaseStatus.NEW),
    ]
    cases: dict[str, int] = {}
    for number, (surname, owner, risk, breach, status) in enumerate(people):
        code = generate_temporary_identity_code(dt.date(1960 + number, 3, 4), 930 + number)
        created = boss.cases.create_intake(
            VictimDraft(first_names="Testi", last_name=surname, identity_code=code),
            CaseDraft(risk_level=risk, breach_ids=(breaches[breach],),
                      assigned_to_id=owner.actor.user_id if owner else None),
        )
        if status is not CaseStatus.NEW:
            boss.cases.set_status(created.id, created.version, status,
                                  ClosureReason.RESOLVED if status is CaseStatus.CLOSED else None)
        cases[surname] = created.id
    today = local_today()
    kaisa_id = kaisa.actor.user_id
    for surname, due, text in (
        ("Aaltonen", today, "Call back after the police interview"),
        ("Björk", today - dt.timedelta(days=3), "Check the credit ban"),
        ("Castrén", today + dt.timedelta(days=7), "Next week's call"),
    ):
        boss.records.add_follow_up(
            cases[surname], FollowUpDraft(due_on=due, description=text, assignee_id=kaisa_id))
    boss.records.add_follow_up(cases["Drake"], FollowUpDraft(
        due_on=today, description="Lauri's call", assignee_id=lauri.actor.user_id))
    return Office(boss, kaisa, lauri, breaches, cases)


@pytest.fixture
def opened_cases(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Stands in for the case view (built elsewhere): records which cases were opened."""
    opened: list[int] = []
    module = types.ModuleType("gui.case.case_view")

    def open_case(parent: object, session: object, case_id: int) -> None:
        opened.append(case_id)

    module.open_case = open_case  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gui.case.case_view", module)
    return opened


def show(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    qtbot.addWidget(window)
    window.resize(1100, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


@pytest.fixture
def kaisa_window(office: Office, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.kaisa), qtbot)
    yield window
    window.session.close()


def surnames(window: MainWindow) -> list[str]:
    model = window.model
    return sorted(
        str(model.data(model.index(row, 1))).split(",")[0] for row in range(model.rowCount())
    )


# -- places ------------------------------------------------------------------------------


def test_a_counsellor_starts_in_my_cases_and_sees_only_their_own(
    kaisa_window: MainWindow, office: Office
) -> None:
    window = kaisa_window
    assert window.place == MY_CASES
    assert window.pages.currentWidget() is window.table
    assert surnames(window) == ["Aaltonen", "Björk", "Castrén"]
    assert {window.model.data(window.model.index(row, 5))
            for row in range(window.model.rowCount())} == {"Kaisa Koski"}
    assert window.count_label.text() == "3 cases"
    # In My cases the counsellor filter is fixed to the user.
    assert not window.filter_bar.counsellor.isEnabled()
    assert window.filter_bar.counsellor.currentText() == "Me (Kaisa Koski)"


def test_all_cases_shows_every_case(kaisa_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = kaisa_window
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.place == ALL_CASES
    assert surnames(window) == ["Aaltonen", "Björk", "Castrén", "Drake", "Eskola", "Forsman"]
    assert window.filter_bar.counsellor.isEnabled()
    assert window.count_label.text() == "6 cases"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.place == MY_CASES
    assert window.model.rowCount() == 3


def test_supervisors_start_in_all_cases(office: Office, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.supervisor), qtbot)
    assert window.place == ALL_CASES
    assert window.model.rowCount() == 6
    # The supervisor has no cases of their own: the list says so instead of staying blank.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.model.rowCount() == 0
    assert window.empty_state.label.isVisible()
    assert window.empty_state.label.text().startswith("No cases are assigned to you.")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert not window.empty_state.label.isVisible()
    # A search with no hits says what was searched for.
    with qtbot.waitSignal(window.model.modelReset, timeout=2000):
        qtbot.keyClicks(window.search, "zzqx")
    assert window.model.rowCount() == 0
    assert window.empty_state.label.isVisible()
    assert window.empty_state.label.text().startswith("No case matches “zzqx”.")
    assert window.count_label.text() == "0 cases match"


def test_the_search_box_searches_every_case(kaisa_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = kaisa_window
    assert window.place == MY_CASES
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    with qtbot.waitSignal(window.model.modelReset, timeout=2000):
        qtbot.keyClicks(window.search, "eskola")
    # Eskola is Lauri's victim: the global search leaves My cases to find them.
    assert window.place == ALL_CASES
    assert surnames(window) == ["Eskola"]
    assert window.count_label.text() == "1 case matches"


def test_an_administrator_sees_no_case_list(database: Database, supervisor: Actor,
                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    boss = services.build(database, supervisor)
    admin = boss.accounts.create_user("root", "Ada Admin", Role.ADMINISTRATOR, STRONG,
                                      kdf=FAST_KDF)
    actor = Actor(admin.id, admin.username, admin.display_name, Role.ADMINISTRATOR)
    window = show(MainWindow(services.build(database, actor)), qtbot)
    # No case places at all: the administrator's one place is account administration.
    assert window.navigation.keys() == ["accounts"]
    assert window.place == "accounts"
    assert window.pages.currentWidget() is not window.no_access
    assert not window.intake_action.isEnabled()


# -- filters -----------------------------------------------------------------------------


def choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_filters_narrow_the_list(office: Office, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.supervisor), qtbot)
    bar = window.filter_bar
    assert window.model.rowCount() == 6
    assert not bar.clear_button.isEnabled()

    choose(bar.status, "Closed")
    assert surnames(window) == ["Castrén"]
    assert window.count_label.text() == "1 case matches"
    choose(bar.status, "Active (not closed)")
    assert window.model.rowCount() == 5
    choose(bar.status, "Any status")

    choose(bar.risk, "Acute")
    assert surnames(window) == ["Aaltonen", "Eskola"]
    choose(bar.risk, "Acute or high")
    assert surnames(window) == ["Aaltonen", "Björk", "Eskola"]
    choose(bar.risk, "Any risk")

    choose(bar.counsellor, "Lauri Lahti")
    assert surnames(window) == ["Drake", "Eskola"]
    choose(bar.counsellor, "Unassigned")
    assert surnames(window) == ["Forsman"]
    choose(bar.counsellor, "Anyone")

    choose(bar.breach, "Vastaamo 2019")
    assert surnames(window) == ["Björk", "Drake", "Forsman"]
    choose(bar.risk, "Medium")  # filters combine
    assert surnames(window) == ["Drake", "Forsman"]
    assert bar.clear_button.isEnabled()
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 6
    assert window.count_label.text() == "6 cases"


def test_filters_apply_within_my_cases(kaisa_window: MainWindow) -> None:
    choose(kaisa_window.filter_bar.breach, "Vastaamo 2018")
    assert surnames(kaisa_window) == ["Aaltonen", "Castrén"]


# -- follow-ups --------------------------------------------------------------------------


def test_follow_ups_due_lists_today_and_overdue_and_opens_the_case(
    kaisa_window: MainWindow, office: Office, opened_cases: list[int], qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = kaisa_window
    assert window.navigation.currentIndex().isValid()
    assert "Follow-ups due   2" in [
        window.navigation.model().index(row, 0).data()
        for row in range(window.navigation.model().rowCount())
    ]
    assert window.follow_up_label.text() == "Follow-ups: 1 overdue, 1 today"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.place == FOLLOW_UPS
    assert window.pages.currentWidget() is window.follow_ups
    assert window.filter_bar.isHidden()
    model = window.follow_ups.model
    rows = [[model.data(model.index(row, column)) for column in range(5)]
            for row in range(model.rowCount())]
    # Oldest first; next week's follow-up and Lauri's are not in Kaisa's list.
    assert [row[0] for row in rows] == ["Overdue 3 days", "Today"]
    assert [row[4] for row in rows] == ["Check the credit ban",
                                        "Call back after the police interview"]
    assert rows[0][3] == "Björk, Testi"
    assert window.follow_ups.summary.text() == "1 overdue · 1 due today"

    table = window.follow_ups.table
    table.setFocus()
    table.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened_cases == [office.cases["Aaltonen"]]


def test_a_supervisor_can_see_everyones_follow_ups(office: Office, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.supervisor), qtbot)
    window.navigation.select(FOLLOW_UPS)
    assert window.follow_ups.model.rowCount() == 0
    assert window.follow_ups.empty.isVisible()
    window.follow_ups.everyone.setChecked(True)
    assert window.follow_ups.model.rowCount() == 3


def test_counsellors_have_no_everyone_switch(kaisa_window: MainWindow) -> None:
    assert kaisa_window.follow_ups.everyone.isHidden()


def test_marking_a_follow_up_done_elsewhere_updates_the_list(
    kaisa_window: MainWindow, office: Office
) -> None:
    window = kaisa_window
    window.navigation.select(FOLLOW_UPS)
    assert window.follow_ups.model.rowCount() == 2
    row = window.follow_ups.model.row_data(0)
    detail = office.kaisa.cases.get_detail(row.case_id)
    follow_up = next(f for f in detail.follow_ups or () if f.id == row.follow_up_id)
    office.kaisa.records.mark_follow_up_done(follow_up.id, follow_up.version)
    assert window.follow_ups.model.rowCount() == 1
    assert window.follow_up_label.text() == "Follow-ups: 0 overdue, 1 today"


def test_the_follow_up_model_passes_the_model_tester(
    kaisa_window: MainWindow, office: Office, qtmodeltester  # type: ignore[no-untyped-def]
) -> None:
    today = local_today()
    for number in range(4):
        office.kaisa.records.add_follow_up(office.cases["Castrén"], FollowUpDraft(
            due_on=today - dt.timedelta(days=number + 1), description=f"Soita {number}"))
    model = FollowUpTableModel()
    model.set_source(partial(follow_ups_page, office.kaisa.records),
                     office.kaisa.records.follow_up_counts())
    qtmodeltester.check(model, force_py=True)
    model.sort(4, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 4)) == "Soita 3"
    assert model.data(model.index(0, 0), CASE_ID_ROLE) == office.cases["Castrén"]
    qtmodeltester.check(model, force_py=True)


def follow_ups_page(records: RecordService, window: ListWindow, sort: str,
                    descending: bool) -> ListPage[FollowUpRow]:
    return records.follow_up_window(window, sort=sort, descending=descending)


# -- the idle lock -----------------------------------------------------------------------


def test_locking_clears_follow_ups_navigation_and_filters(
    kaisa_window: MainWindow, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = kaisa_window
    choose(window.filter_bar.breach, "Vastaamo 2018")
    window.navigation.select(FOLLOW_UPS)
    assert window.follow_ups.model.rowCount() == 2
    wizard = window.new_intake()
    assert wizard is not None
    qtbot.keyClicks(wizard.identity_page.last_name.editor, "Piilotettava")
    window.lock()
    assert window.follow_ups.model.rowCount() == 0
    assert window.follow_ups.summary.text() == ""
    assert window.navigation.isHidden() and window.filter_bar.isHidden()
    assert window.follow_up_label.text() == ""
    assert window.filter_bar.breach.count() == 1  # only "Any breach"
    qtbot.waitUntil(lambda: not window.findChildren(IntakeWizard), timeout=1000)
    seen = "\n".join(texts_anywhere(window))
    for name in ("Aaltonen", "Björk", "Castrén", "Piilotettava", "credit ban",
                 "Follow-ups due   2"):
        assert name not in seen

    window.lock_screen.password.setText(STRONG)  # keyClicks cannot type "ä"
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert not window.is_locked
    assert window.place == FOLLOW_UPS
    assert window.pages.currentWidget() is window.follow_ups
    assert window.follow_ups.model.rowCount() == 2
    assert window.filter_bar.breach.currentText() == "Vastaamo 2018"
    window.navigation.select(MY_CASES)
    assert surnames(window) == ["Aaltonen", "Castrén"]


# -- saved layout ------------------------------------------------------------------------


def test_column_layout_is_remembered_across_windows(
    office: Office, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    ini = tmp_path / "suoja.ini"
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    first = show(MainWindow(office.kaisa, window_state=WindowState(store)), qtbot)
    header = first.table.horizontalHeader()
    header.resizeSection(1, 333)
    header.moveSection(header.visualIndex(2), 5)
    header.setSectionHidden(3, True)
    first.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    first.navigation.select(ALL_CASES)
    with qtbot.waitSignal(first.model.modelReset, timeout=2000):
        qtbot.keyClicks(first.search, "aalto")
    first.close()

    store = QSettings(str(ini), QSettings.Format.IniFormat)  # read back from the file
    assert store.value(CASE_TABLE_HEADER) is not None
    assert {key.split("/")[0] for key in store.allKeys()} == {"state"}
    text = ini.read_bytes()
    assert b"aalto" not in text.lower() and b"Aaltonen" not in text  # no search, no names

    second = show(MainWindow(office.kaisa, window_state=WindowState(store)), qtbot)
    header = second.table.horizontalHeader()
    assert header.sectionSize(1) == 333
    assert header.visualIndex(2) == 5
    assert header.isSectionHidden(3)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1, Qt.SortOrder.DescendingOrder)
    assert second.model.sort_order == ("victim", True)
    assert second.place == ALL_CASES  # the last place, but not the search
    assert second.search.text() == ""
    names = [second.model.data(second.model.index(row, 1))
             for row in range(second.model.rowCount())]
    assert names == sorted(names, reverse=True)


def test_window_state_is_kept_apart_from_preferences(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "suoja.ini"), QSettings.Format.IniFormat)
    Preferences(store).idle_lock_minutes = 9
    state = WindowState(store)
    state.last_place = FOLLOW_UPS
    state.reset()
    assert state.last_place is None
    assert Preferences(store).idle_lock_minutes == 9


# -- shortcuts and accessibility -----------------------------------------------------------


def test_ctrl_n_opens_the_intake_once(kaisa_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = kaisa_window
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizards = window.findChildren(IntakeWizard)
    assert len(wizards) == 1 and wizards[0].isVisible()
    assert window.new_intake() is wizards[0]  # a second Ctrl+N brings the same one up


def test_activating_a_case_opens_it(
    kaisa_window: MainWindow, office: Office, opened_cases: list[int], qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = kaisa_window
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(1, 1))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened_cases == [window.model.case_id(1)]
    rect = window.table.visualRect(window.model.index(0, 1))
    # A real double-click starts with a press; QTest's double-click event alone does not.
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened_cases[-1] == window.model.case_id(0)


def test_controls_have_accessible_names(kaisa_window: MainWindow) -> None:
    window = kaisa_window
    for widget in (window.search, window.table, window.navigation, window.filter_bar.status,
                   window.filter_bar.risk, window.filter_bar.counsellor, window.filter_bar.breach,
                   window.follow_ups.table):
        assert widget.accessibleName(), widget.objectName()


def test_without_the_case_view_the_window_says_so(kaisa_window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gui.case.case_view", None)  # import fails
    kaisa_window.open_case(kaisa_window.model.case_id(0))
    assert "not available" in kaisa_window.statusBar().currentMessage()
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]
