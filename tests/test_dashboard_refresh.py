"""The dashboard never shows figures from before a change without saying so: it says when
they were counted, marks them out of date as soon as a change is announced (here or by
another workstation, or when other workstations' changes stop arriving), and recounts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from gui.workspaces import dashboard
from gui.workspaces.dashboard import DashboardView
from models.domain.entities import Case
from models.domain.enums import CaseStatus, ClosureReason
from models.storage.unit_of_work import Actor, Database
from tests.test_analysis import World, build_world
from tests.test_dashboard import FakeWindow


@pytest.fixture
def world(database: Database, supervisor: Actor) -> World:
    return build_world(database, supervisor)


@pytest.fixture
def shown(qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch) -> DashboardView:
    monkeypatch.setattr(dashboard, "CHANGE_BATCH_MS", 50)
    window = FakeWindow(world.boss)
    view = dashboard.register(window)
    assert view is not None
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.data is not None
    return view


def test_the_figures_say_when_they_were_counted(shown: DashboardView) -> None:
    assert shown.counted_at is not None
    assert shown.as_of.text().startswith("Figures as of ")
    assert shown.counted_at.strftime("%S") in shown.as_of.text()
    assert shown.stale_note.isHidden()


def test_a_change_marks_the_figures_out_of_date_until_recounted(
        qtbot: QtBot, shown: DashboardView, world: World) -> None:
    assert shown.open_button.text().startswith("3\n")
    cases = shown._window.session.services.cases
    detail = cases.get_detail(world.b)
    cases.set_status(world.b, detail.case.version, CaseStatus.CLOSED, ClosureReason.RESOLVED)
    # At once: the old count is still there, and it says it is out of date.
    assert shown.open_button.text().startswith("3\n")
    assert shown.stale_note.isVisible()
    assert "out of date" in shown.stale_note.text()
    qtbot.waitUntil(lambda: shown.stale_note.isHidden(), timeout=3000)
    assert shown.open_button.text().startswith("2\n")


def test_a_burst_of_changes_is_counted_once(
        qtbot: QtBot, shown: DashboardView, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    analysis = shown._window.session.services.analysis
    original = analysis.dashboard

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(analysis, "dashboard", counting)
    cases = shown._window.session.services.cases
    for case_id in (world.a, world.b, world.c):
        detail = cases.get_detail(case_id)
        cases.set_status(case_id, detail.case.version, CaseStatus.WAITING)
    qtbot.waitUntil(lambda: shown.stale_note.isHidden(), timeout=3000)
    assert calls == [1]


def test_lost_live_updates_mark_the_figures(qtbot: QtBot, shown: DashboardView) -> None:
    shown._window.session.live_updates.emit(False)
    assert shown.stale_note.isVisible()
    shown._window.session.live_updates.emit(True)
    qtbot.waitUntil(lambda: shown.stale_note.isHidden(), timeout=3000)


def test_unannounced_writes_are_picked_up_by_the_periodic_recount(
        qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dashboard, "REFRESH_MS", 100)
    window = FakeWindow(world.boss)
    view = dashboard.register(window)
    assert view is not None
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.open_button.text().startswith("3\n")
    # Another program on the same file: nothing is announced here.
    with world.boss.database.writing() as db_session:
        db_session.execute(update(Case).where(Case.id == world.a)
                           .values(status=CaseStatus.CLOSED.value,
                                   closure_reason=ClosureReason.RESOLVED.value))
    qtbot.waitUntil(lambda: view.open_button.text().startswith("2\n"), timeout=3000)
    view.hide()
    assert not view.refresh_timer.isActive()


def test_locking_forgets_when_the_figures_were_counted(shown: DashboardView) -> None:
    shown._window.session.about_to_lock.emit()
    assert shown.counted_at is None and shown.as_of.text() == ""
    assert shown.stale_note.isHidden()


def test_figures_older_than_a_recount_are_recounted_when_shown_again(
        qtbot: QtBot, shown: DashboardView, world: World) -> None:
    shown.hide()
    assert shown.counted_at is not None
    shown.counted_at -= dt.timedelta(milliseconds=dashboard.REFRESH_MS + 1000)
    with world.boss.database.writing() as db_session:  # unannounced, while hidden
        db_session.execute(update(Case).where(Case.id == world.a)
                           .values(status=CaseStatus.CLOSED.value,
                                   closure_reason=ClosureReason.RESOLVED.value))
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.open_button.text().startswith("2\n")
