"""The audit log viewer: filters, break-the-glass, chain status, CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from gui.window.main_window import MainWindow
from gui.workspaces import audit_viewer
from gui.workspaces.audit_viewer import AuditLogView
from models import services
from models.domain.entities import AuditEvent
from models.domain.enums import AuditAction
from models.storage.store import open_database
from models.storage.unit_of_work import Database
from tests.test_main_window import STRONG, Office, office, show  # noqa: F401

REASON = "Victim called in acute distress, Lauri is away"


@pytest.fixture
def glass(office: Office, database: Database) -> str:  # noqa: F811
    """Kaisa opens Lauri's case (Drake) with break-the-glass in her own session (her
    audit events are signed with her own key); returns its reference."""
    own, actor = open_database(database.path, "kaisa", STRONG)
    try:
        grant = services.build(own, actor).break_glass.break_glass(office.cases["Drake"],
                                                                   REASON)
    finally:
        own.dispose()
    assert grant is not None
    return grant.case_reference


@pytest.fixture
def window(office: Office, glass: str, qtbot) -> Iterator[MainWindow]:  # noqa: F811  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.supervisor), qtbot)
    audit_viewer.register(window)
    window.navigation.select(audit_viewer.PLACE_KEY)
    yield window
    window.session.close()


def view_of(window: MainWindow) -> AuditLogView:
    view = window.pages.currentWidget()
    assert isinstance(view, AuditLogView)
    return view


def column(view: AuditLogView, number: int) -> list[str]:
    model = view.model
    return [str(model.data(model.index(row, number))) for row in range(model.rowCount())]


def test_filter_by_action(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    everything = view.model.rowCount()
    assert everything > 10
    view.action.setCurrentIndex(view.action.findData(AuditAction.CREATE.value))
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    assert 0 < view.model.rowCount() < everything
    assert set(column(view, 3)) == {"create"}
    assert view.count_label.text() == f"{view.model.rowCount()} events"


def test_filter_by_case_reference_and_user(window: MainWindow, office: Office,  # noqa: F811
                                           glass: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    qtbot.keyClicks(view.case_reference, glass.lower())
    qtbot.keyClick(view.case_reference, Qt.Key.Key_Return)
    assert view.model.rowCount() >= 2  # created, status set, broken into
    assert set(column(view, 5)) == {glass}
    # The case itself is named by its reference, as people know it, not by a row id.
    assert f"case {glass}" in column(view, 4)
    assert not any(text.startswith("case #") for text in column(view, 4))
    view.user.setCurrentIndex(view.user.findData(office.kaisa.actor.user_id))
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    assert set(column(view, 2)) == {"kaisa"}
    assert "break glass" in column(view, 3)
    view.case_reference.setText("SUO-1999-00001")
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 0
    assert view.grants.rowCount() == 0
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() > 10


def test_break_the_glass_is_shown_prominently(window: MainWindow, glass: str) -> None:
    view = view_of(window)
    rows = [r for r in range(view.model.rowCount())
            if view.model.data(view.model.index(r, 3)) == "break glass"]
    assert len(rows) == 1
    background = view.model.data(view.model.index(rows[0], 1), Qt.ItemDataRole.BackgroundRole)
    assert background is not None
    other = next(r for r in range(view.model.rowCount()) if r not in rows)
    assert view.model.data(view.model.index(other, 1), Qt.ItemDataRole.BackgroundRole) is None
    assert view.grants.rowCount() == 1
    shown = [view.grants.data(view.grants.index(0, c)) for c in range(5)]
    assert shown[1:4] == ["kaisa", glass, REASON]
    assert view.grants_box.title() == "Break-the-glass accesses (1)"


def test_chain_verified_then_broken(window: MainWindow, database: Database,
                                   qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    qtbot.waitUntil(lambda: "verified" in view.chain_status.text(), timeout=5000)
    assert view.chain_status.text().startswith("✔ Audit chain verified: ")
    assert "#1b6e2d" in view.chain_status.styleSheet()
    with database.writing() as db_session:
        db_session.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(detail="x"))
    view.verify_chain()
    qtbot.waitUntil(lambda: "BROKEN" in view.chain_status.text(), timeout=5000)
    assert view.chain_status.text().startswith("✘ Audit chain BROKEN at event 3: ")
    assert "#b3261e" in view.chain_status.styleSheet()


def test_export_csv_of_the_filtered_view(window: MainWindow, office: Office,  # noqa: F811
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         qtbot) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(audit_viewer, "ask_save_path", lambda *_args: target)
    view = view_of(window)
    view.action.setCurrentIndex(view.action.findData(AuditAction.CREATE.value))
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    shown = view.model.rowCount()
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["seq", "time_utc", "username", "action", "entity", "entity_id",
                       "case_reference", "detail"]
    assert len(rows) == shown + 1
    assert {row[3] for row in rows[1:]} == {"create"}
    assert all(row[1].endswith("+00:00") for row in rows[1:])
    # No personal data: the victims' surnames never appear.
    text = target.read_text(encoding="utf-8")
    assert not any(name in text for name in office.cases)
    assert view.count_label.text() == f"{shown} events exported"
    exports = office.supervisor.audit.query(
        audit_viewer.AuditQuery(actions=(AuditAction.EXPORT,)))
    assert exports[0].entity == "audit_log"
    assert not (tmp_path / "audit.csv.part").exists()


def test_models_pass_the_model_tester(window: MainWindow,
                                      qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    qtmodeltester.check(view.model, force_py=True)
    qtmodeltester.check(view.grants, force_py=True)


def test_locking_clears_the_log(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    qtbot.waitUntil(lambda: "verified" in view.chain_status.text(), timeout=5000)
    window.session.lock()
    assert view.model.rowCount() == 0
    assert view.grants.rowCount() == 0
    assert view.user.count() == 0
    assert view.chain_status.text() == ""
    window.session.unlock("correct horse battery staple")
    assert view.model.rowCount() > 0
    assert view.grants.rowCount() == 1


def test_register_only_for_supervisors(office: Office, qtbot) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    counsellor_window = show(MainWindow(office.kaisa), qtbot)
    audit_viewer.register(counsellor_window)
    assert audit_viewer.PLACE_KEY not in counsellor_window.navigation.keys()
    counsellor_window.session.close()
