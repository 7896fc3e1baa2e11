"""The dashboard and the analysis view: figures shown, click-through, exports, locking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.shared.drafts import FormDraft
from gui.shared.navigation import Place
from gui.shared.session import Session
from gui.workspaces import analysis_view, dashboard
from gui.workspaces.analysis_view import AnalysisView
from gui.workspaces.dashboard import DashboardView
from models import services
from models.domain.dto import CaseFilter
from models.domain.enums import CaseStatus, RiskLevel, Role
from models.storage.unit_of_work import Actor, Database
from tests.test_analysis import TODAY, W1, World, build_world

OPEN = (CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING)


class FakeWindow:
    """A :class:`~gui.shared.workspace.Host` that keeps what register() gave it."""

    def __init__(self, svc: services.Services) -> None:
        self.session = Session(svc)
        self.places: dict[str, tuple[Place, QWidget]] = {}
        self.shown: list[tuple[object, str]] = []

    def add_place(self, place: Place, widget: QWidget, *,
                  reopen_form: Callable[[FormDraft], bool | None] | None = None) -> None:
        self.places[place.key] = (place, widget)

    def select_place(self, key: str) -> None:
        pass

    def show_cases(self, target: object, title: str) -> None:
        self.shown.append((target, title))


@pytest.fixture
def world(database: Database, supervisor: Actor) -> World:
    return build_world(database, supervisor)


def _services(world: World, role: Role) -> services.Services:
    actor = world.by_role[role].actor
    return services.build(world.boss.database, actor)


@pytest.fixture
def dash(qtbot: QtBot, world: World) -> DashboardView:
    window = FakeWindow(world.boss)
    view = dashboard.register(window)
    assert view is not None
    qtbot.addWidget(view)
    view.show_data(world.analysis.dashboard(TODAY))
    return view


def test_register_follows_the_role(qtbot: QtBot, world: World) -> None:
    for role, dash_shown, analysis_shown in [
        (Role.SUPERVISOR, True, True), (Role.POLICE_LIAISON, False, True),
        (Role.COUNSELLOR, False, False), (Role.ADMINISTRATOR, False, False),
    ]:
        window = FakeWindow(_services(world, role))
        for module in (dashboard, analysis_view):
            widget = module.register(window)
            if widget is not None:
                qtbot.addWidget(widget)
        assert ("dashboard" in window.places) is dash_shown
        assert ("extortion_analysis" in window.places) is analysis_shown
    place, _ = window.places.get("dashboard", (Place("x", "x", "dashboard"), None))
    assert place.icon_name == "dashboard"


def test_figures_are_shown(dash: DashboardView) -> None:
    assert dash.open_button.text().startswith("3\n")
    assert dash.overdue_button.text().startswith("1\n")
    assert dash.no_report_button.text().startswith("66,7")
    assert dash.actions_button.text().startswith("50,0")
    assert dash.counsellor_set is not None
    # A horizontal bar chart: the busiest counsellor is the last bar (drawn on top).
    assert [dash.counsellor_set.at(i) for i in range(dash.counsellor_set.count())] == [1, 2]
    assert dash.risk_series is not None
    assert [s.value() for s in dash.risk_series.slices()] == [1, 1, 0, 1]


def test_clicking_a_bar_opens_that_counsellors_cases(
        qtbot: QtBot, dash: DashboardView, world: World) -> None:
    assert dash.counsellor_set is not None
    with qtbot.waitSignal(dash.open_cases) as blocker:
        dash.counsellor_set.clicked.emit(1)  # what Qt Charts emits on a click on bar 1
    target, title = blocker.args
    assert target == CaseFilter(statuses=OPEN, assigned_to_id=world.kaisa)
    assert "Kaisa" in title


def test_clicking_a_slice_opens_that_risk_level(qtbot: QtBot, dash: DashboardView) -> None:
    assert dash.risk_series is not None
    acute = dash.risk_series.slices()[0]
    with qtbot.waitSignal(dash.open_cases) as blocker:
        dash.risk_series.clicked.emit(acute)
    assert blocker.args[0] == CaseFilter(statuses=OPEN, risk_levels=(RiskLevel.ACUTE,))


def test_clicking_counts_and_weeks_opens_case_ids(
        qtbot: QtBot, dash: DashboardView, world: World) -> None:
    for button, expected in [(dash.overdue_button, [world.a]),
                             (dash.uncontacted_button, [world.a]),
                             (dash.no_report_button, [world.a]),
                             (dash.actions_button, [world.a])]:
        with qtbot.waitSignal(dash.open_cases) as blocker:
            button.click()
        assert blocker.args[0] == expected
    assert dash.report_series is not None
    with qtbot.waitSignal(dash.open_cases) as blocker:
        dash.report_series.clicked.emit(dash.report_series.slices()[0])
    assert blocker.args[0] == [world.b, world.c]
    assert dash.intake_set is not None
    with qtbot.waitSignal(dash.open_cases) as blocker:
        dash.intake_set.clicked.emit(10)  # the week of 4.3.2024
    assert blocker.args[0] == [world.b, world.c]
    assert "4.3.2024" in blocker.args[1]


def test_locking_clears_the_dashboard(dash: DashboardView) -> None:
    dash._window.session.about_to_lock.emit()
    assert dash.data is None
    assert dash.open_button.text().startswith("–")
    assert dash.counsellor_chart.chart().series() == []
    assert dash.risk_series is None


@pytest.fixture
def analysis(qtbot: QtBot, world: World) -> AnalysisView:
    window = FakeWindow(_services(world, Role.POLICE_LIAISON))
    view = analysis_view.register(window)
    assert view is not None
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    return view


def test_analysis_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: Any,
                                                analysis: AnalysisView) -> None:
    assert analysis.model.rowCount() == 2
    qtmodeltester.check(analysis.model, force_py=True)
    with qtbot.waitSignal(analysis.loaded, timeout=10_000):
        analysis.senders.setChecked(True)
    assert analysis.model.rowCount() == 1
    assert analysis.model.headerData(0, analysis_view.Qt.Orientation.Horizontal) == "Sender"
    qtmodeltester.check(analysis.model, force_py=True)


def test_analysis_drill_down_and_exports(qtbot: QtBot, analysis: AnalysisView,
                                         world: World, tmp_path: Path) -> None:
    row = next(i for i in range(analysis.model.rowCount())
               if analysis.model.row(i).value == W1)
    with qtbot.waitSignal(analysis.open_cases) as blocker:
        analysis.show_cases(row)
    assert blocker.args[0] == [world.a, world.b]
    with qtbot.waitSignal(analysis.open_cases) as blocker:
        analysis.no_report_button.click()
    assert blocker.args[0] == [world.a]

    asked: list[str] = []

    def choose(_parent: QWidget, _title: str, suggested: str) -> Path:
        asked.append(suggested)
        return tmp_path / suggested

    analysis.choose_path = choose
    written = []
    for button in (analysis.export_button, analysis.report_csv_button, analysis.pdf_button):
        with qtbot.waitSignal(analysis.exported, timeout=20_000) as blocker:
            button.click()
        written.append(blocker.args[0])
    assert asked == ["shared-wallets.csv", "police-report-numbers.csv", "shared-wallets.pdf"]
    assert written == [tmp_path / name for name in asked]
    assert written[2].read_bytes().startswith(b"%PDF")
    assert W1 in (tmp_path / "shared-wallets.csv").read_text("utf-8")
    assert "5500/R/12345/24" in (tmp_path / "police-report-numbers.csv").read_text("utf-8")


def test_locking_clears_the_analysis(qtbot: QtBot, analysis: AnalysisView) -> None:
    analysis._window.session.about_to_lock.emit()
    assert analysis.model.rowCount() == 0
    assert analysis.police_label.text() == ""
    # A result that arrives after locking is dropped, not shown.
    analysis.reload()
    analysis.clear()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # the worker's result is delivered through the event loop
    assert analysis.model.rowCount() == 0



def test_a_dashboard_figure_opens_the_matching_case_list(
        qtbot: QtBot, world: World) -> None:
    """In the real main window: a click on a figure shows exactly those cases."""
    from gui.window.main_window import MainWindow

    window = MainWindow(world.boss)
    qtbot.addWidget(window)
    view = window._extra_places["dashboard"]
    assert isinstance(view, DashboardView)
    view.show_data(world.analysis.dashboard(TODAY))
    view.overdue_button.click()
    assert window.place == "all_cases"
    shown = [window.model.case_id(row) for row in range(window.model.rowCount())]
    assert shown == [world.a]
    assert window.count_label.text().endswith(": 1 case")
    # Choosing a filter ends the drill-down: every case is back.
    window.show_place("all_cases")
    assert window.model.rowCount() > 1


@pytest.mark.parametrize(("top", "ticks"), [(0, [0, 1]), (1, [0, 1]), (3, [0, 1, 2, 3]),
                                            (40, [0, 10, 20, 30, 40])])
def test_count_axes_label_whole_numbers_once_each(qapp, top: int,  # type: ignore[no-untyped-def]
                                                   ticks: list[int]) -> None:
    """A week with one new intake labelled its axis 0, 0, 0, 0, 1 (five ticks, "%d")."""
    from PySide6.QtCharts import QValueAxis

    axis = QValueAxis()
    dashboard.count_axis(axis, top)
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    shown = [axis.min() + i * step for i in range(axis.tickCount())]
    assert all(value == int(value) for value in shown), shown
    assert [int(value) for value in shown] == ticks
