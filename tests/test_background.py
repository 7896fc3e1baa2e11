"""The one helper for slow work (gui/shared/background.py): what it delivers, where, and
what it drops; expected errors in one sentence, bugs to the crash hook."""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Iterator
from types import TracebackType

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from gui.shared import background, errors
from gui.shared.background import BackgroundOp, Generation, Report
from gui.shared.session import Session
from models import services
from models.domain.errors import ValidationError
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database

TIMEOUT = 10000


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds a worker until the test lets it go (always let go, so no worker is left)."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def widget(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    shown = QWidget()
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the one error dialog (gui.shared.errors.show_error), not waited for."""
    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "warning",
                        lambda _parent, _title, text, *args: shown.append(text))
    return shown


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch
            ) -> list[tuple[type[BaseException], BaseException, TracebackType | None]]:
    """What reaches the crash hook (``sys.excepthook``), kept instead of shown."""
    caught: list[tuple[type[BaseException], BaseException, TracebackType | None]] = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: caught.append(exc_info))
    return caught


def _wait_until_reported(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not background._running, timeout=TIMEOUT)


def test_the_result_arrives_on_the_main_thread(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    threads: list[bool] = []
    results: list[int] = []

    def work() -> int:
        threads.append(QThread.currentThread() is QApplication.instance().thread())
        return 42

    def done(value: int) -> None:
        threads.append(QThread.currentThread() is QApplication.instance().thread())
        results.append(value)

    BackgroundOp(widget, work).success(done).run()
    qtbot.waitUntil(lambda: results == [42], timeout=TIMEOUT)
    assert threads == [False, True]  # worked on a worker, delivered on the main thread


def test_progress_reaches_the_handler_on_the_main_thread(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int, bool]] = []
    results: list[str] = []

    def work(report: Report) -> str:
        for done in range(1, 4):
            report(done, 3)
        return "done"

    def progressed(done: int, total: int) -> None:
        seen.append((done, total,
                     QThread.currentThread() is QApplication.instance().thread()))

    (BackgroundOp.reporting(widget, work).progress(progressed)
        .success(results.append).run())
    qtbot.waitUntil(lambda: results == ["done"], timeout=TIMEOUT)
    assert seen == [(1, 3, True), (2, 3, True), (3, 3, True)]


def test_nothing_is_delivered_to_a_deleted_widget(qtbot, gate: threading.Event) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    delivered: list[object] = []
    dropped: list[str] = []
    (BackgroundOp(parent, lambda: (gate.wait(TIMEOUT / 1000), "temp-file")[1])
        .always(lambda: delivered.append("always")).success(delivered.append)
        .dropped(dropped.append).run())
    shiboken6.delete(parent)
    gate.set()
    qtbot.waitUntil(lambda: dropped == ["temp-file"], timeout=TIMEOUT)
    assert delivered == []  # neither handler ran; the result went to dropped() to release


def test_a_deleted_widgets_failure_is_dropped_too(  # type: ignore[no-untyped-def]
        qtbot, gate: threading.Event, warnings: list[str], crashes: list[object]) -> None:
    parent = QWidget()

    def work() -> None:
        gate.wait(TIMEOUT / 1000)
        raise ZeroDivisionError("too late")

    failures: list[BaseException] = []
    BackgroundOp(parent, work).failure(failures.append).run()
    shiboken6.delete(parent)
    gate.set()
    _wait_until_reported(qtbot)
    assert failures == [] and warnings == [] and crashes == []


def test_only_the_newest_of_a_generation_delivers(  # type: ignore[no-untyped-def]
        qtbot, widget: QWidget, gate: threading.Event) -> None:
    loads = Generation()
    delivered: list[str] = []
    BackgroundOp(widget, lambda: (gate.wait(TIMEOUT / 1000), "old")[1],
                 generation=loads).success(delivered.append).run()
    BackgroundOp(widget, lambda: "new", generation=loads).success(delivered.append).run()
    qtbot.waitUntil(lambda: delivered == ["new"], timeout=TIMEOUT)
    gate.set()
    _wait_until_reported(qtbot)
    assert delivered == ["new"]  # the older load finished last and was dropped


def test_a_generation_can_drop_ops_that_run_side_by_side(  # type: ignore[no-untyped-def]
        qtbot, widget: QWidget, gate: threading.Event) -> None:
    tasks = Generation(newest_only=False)
    delivered: list[str] = []
    BackgroundOp(widget, lambda: "first", generation=tasks).success(delivered.append).run()
    BackgroundOp(widget, lambda: "second", generation=tasks).success(delivered.append).run()
    qtbot.waitUntil(lambda: sorted(delivered) == ["first", "second"], timeout=TIMEOUT)
    BackgroundOp(widget, lambda: (gate.wait(TIMEOUT / 1000), "wiped")[1],
                 generation=tasks).success(delivered.append).run()
    tasks.drop_running()  # e.g. the view was wiped
    gate.set()
    _wait_until_reported(qtbot)
    assert sorted(delivered) == ["first", "second"]


def test_a_lock_of_the_session_drops_the_result(  # type: ignore[no-untyped-def]
        qtbot, widget: QWidget, gate: threading.Event, database: Database,
        supervisor: Actor) -> None:
    session = Session(services.build(database, supervisor), open_database)
    delivered: list[str] = []
    BackgroundOp(widget, lambda: (gate.wait(TIMEOUT / 1000), "before the lock")[1],
                 session=session).success(delivered.append).run()
    session.lock()
    gate.set()
    _wait_until_reported(qtbot)
    assert delivered == []


def test_a_known_error_is_one_sentence_in_the_error_dialog(  # type: ignore[no-untyped-def]
        qtbot, widget: QWidget, warnings: list[str], crashes: list[object]) -> None:
    def work() -> None:
        raise ValidationError("Identity code", "the check character does not match.")

    tidied: list[str] = []
    BackgroundOp(widget, work).always(lambda: tidied.append("always")).run()
    qtbot.waitUntil(lambda: bool(warnings), timeout=TIMEOUT)
    assert warnings == ["Identity code: the check character does not match."]
    assert tidied == ["always"] and crashes == []


def test_a_failure_handler_tells_expected_errors_its_own_way(  # type: ignore[no-untyped-def]
        qtbot, widget: QWidget, warnings: list[str], crashes: list[object]) -> None:
    def work() -> None:
        raise FileNotFoundError("nowhere.csv")

    failures: list[BaseException] = []
    BackgroundOp(widget, work).failure(failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=TIMEOUT)
    assert isinstance(failures[0], FileNotFoundError)
    assert warnings == [] and crashes == []  # no dialog: the handler showed it


def test_a_bug_reaches_the_crash_hook_with_the_workers_traceback(  # type: ignore[no-untyped-def]
        qtbot, widget: QWidget, warnings: list[str],
        crashes: list[tuple[type[BaseException], BaseException, TracebackType | None]],
) -> None:
    def work() -> None:
        raise KeyError("worker-5")

    order: list[str] = []
    (BackgroundOp(widget, work).always(lambda: order.append("always"))
        .failure(lambda error: order.append(type(error).__name__)).run())
    qtbot.waitUntil(lambda: bool(crashes), timeout=TIMEOUT)
    kind, error, tb = crashes[0]
    assert kind is KeyError and error.args == ("worker-5",)
    assert "work" in [frame.name for frame in traceback.extract_tb(tb)]
    assert order == ["always", "KeyError"]  # tidied up first, then the crash dialog
    assert warnings == []
