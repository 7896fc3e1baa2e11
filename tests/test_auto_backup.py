"""Automatic backups from the desktop app: daily and on close, never while locked."""

from __future__ import annotations

from pathlib import Path

from gui.window.main_window import MainWindow
from models import services
from models.domain.dto import CaseDraft, VictimDraft
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import PASSWORD


def _backups(db_path: Path) -> list[Path]:
    return sorted((db_path.parent / "backups").glob("suoja-auto-*.db"))


def test_daily_backup_runs_on_a_worker_and_is_restorable(
    database: Database, supervisor: Actor, db_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    svc = services.build(database, supervisor)
    svc.cases.create_intake(VictimDraft(first_names="Aino", last_name="Example"), CaseDraft())
    window = MainWindow(svc, automatic_backups=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.auto_backup.finished, timeout=20000) as written:
        assert window.auto_backup.run_if_due()
    assert written.args == ["Automatic backup written."]
    assert len(_backups(db_path)) == 1
    # A second run the same day is skipped: one is already younger than a day.
    with qtbot.waitSignal(window.auto_backup.finished, timeout=20000) as skipped:
        assert window.auto_backup.run_if_due()
    assert "already exists" in skipped.args[0]
    assert len(_backups(db_path)) == 1
    # The copy opens with the same password and holds the case.
    copy, actor = open_database(_backups(db_path)[0], "super", PASSWORD)
    try:
        assert services.build(copy, actor).case_list.count_cases() == 1
    finally:
        copy.dispose()


def test_on_close_backup_waits_for_the_copy(
    database: Database, supervisor: Actor, db_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(services.build(database, supervisor))
    qtbot.addWidget(window)
    window.auto_backup.run_on_close(window)
    assert len(_backups(db_path)) == 1


def test_no_backup_while_locked(
    database: Database, supervisor: Actor, db_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(services.build(database, supervisor))
    qtbot.addWidget(window)
    window.lock()
    assert window.auto_backup.run_if_due() is False
    assert _backups(db_path) == []
