"""The desktop app's idle lock, Ctrl+L, unlocking as the same user, and the clipboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from gui.shared.clipboard import clear_sensitive, copy_sensitive
from gui.shared.session import SessionLocked
from gui.shared.settings import Preferences
from gui.window.idle import IdleWatcher
from gui.window.main_window import MainWindow
from models import services
from models.domain.dto import CaseDraft, VictimDraft
from models.domain.entities import AuditEvent
from models.domain.enums import AuditAction
from models.domain.errors import AuthenticationError
from models.domain.validation import generate_temporary_identity_code
from models.storage.unit_of_work import Actor, Database
from tests.conftest import PASSWORD

TIMEOUT_S = 5 * 60
NAMES = [("Aino", "Hämäläinen"), ("Eero", "Virtanen"), ("Šárka", "Nováková"),
         ("Ольга", "Иванова"), ("Åsa", "Åberg")]
# Letters only: the search treats text with digits as a code or number, never a name.
FILLER = [(f"Testi{chr(97 + n // 26)}{chr(97 + n % 26)}",
           f"Sukunimi{chr(97 + n // 26)}{chr(97 + n % 26)}") for n in range(35)]
ALL_NAMES = NAMES + FILLER


class FakeClock:
    """A clock the test moves by hand, in seconds."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    built = services.build(database, supervisor)
    for number, (first, last) in enumerate(ALL_NAMES):
        code = generate_temporary_identity_code(dt.date(1960 + number, 1, 2), 920 + number)
        built.cases.create_intake(
            VictimDraft(first_names=first, last_name=last, identity_code=code), CaseDraft()
        )
    return built


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(svc: services.Services, clock: FakeClock, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    shown = MainWindow(svc, clock=clock)
    qtbot.addWidget(shown)
    shown.resize(900, 420)
    shown.show()
    shown.activateWindow()
    qtbot.waitActive(shown)
    yield shown
    shown.session.close()


@pytest.fixture
def clean_clipboard() -> Iterator[None]:
    clear_sensitive()
    QGuiApplication.clipboard().clear()
    yield
    clear_sensitive()
    QGuiApplication.clipboard().clear()


def shown_names(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def texts_anywhere(window: MainWindow) -> list[str]:
    """Every text a person could see or reach in the app's widgets."""
    found = [window.windowTitle(), window.statusBar().currentMessage()]
    widgets: list[QWidget] = [window, *window.findChildren(QWidget)]
    widgets += [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in widgets:
        found.append(widget.toolTip())
        if isinstance(widget, QLineEdit | QLabel):
            found.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    found.append(str(model.data(model.index(row, column))))
    return found


def unlock(window: MainWindow, qtbot, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.lock_screen.password, password)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)


def test_idle_timeout_clears_every_view_and_disposes_the_database(
    window: MainWindow, clock: FakeClock, database: Database, qtbot  # type: ignore[no-untyped-def]
) -> None:
    before = shown_names(window)
    assert len(before) == len(ALL_NAMES)
    window.table.selectRow(1)
    dialog = QDialog(window)  # stands for a case view showing a victim's name
    QVBoxLayout(dialog).addWidget(QLabel(before[1]))
    dialog.show()
    pool = database.engine.pool
    assert pool.checkedin() > 0

    clock.advance(TIMEOUT_S - 1)
    assert window.idle.check() is False
    assert not window.is_locked
    clock.advance(1)
    assert window.idle.check() is True

    assert window.is_locked
    assert window.model.rowCount() == 0
    assert window.search.text() == ""
    assert window.pages.currentWidget() is window.lock_screen
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=1000)  # deleted
    seen = "\n".join(texts_anywhere(window))
    surnames = [last for _first, last in ALL_NAMES]
    assert not [name for name in surnames if name in seen]
    assert database.engine.pool is not pool  # dispose() replaced the pool …
    assert database.engine.pool.checkedin() == 0  # … and holds no connection
    # Anything that kept the old database object can no longer read through it.
    with pytest.raises(AuthenticationError, match="locked"), database.reading():
        pass
    with pytest.raises(SessionLocked):
        window.session.services  # noqa: B018
    assert window.lock_screen.heading.text() == "Locked — signed in as super"
    assert window.lock_screen.username.text() == "super"
    assert window.lock_screen.username.isReadOnly()
    assert not window.lock_screen.username.isEnabled()


def test_the_watcher_timer_triggers_the_lock(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    watcher = IdleWatcher(60, clock=clock, check_interval_ms=10)
    watcher.start()
    clock.advance(61)
    with qtbot.waitSignal(watcher.idle, timeout=1000):
        pass
    assert not watcher.is_active


def test_ctrl_l_locks_at_once(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.model.rowCount() == len(ALL_NAMES)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert window.model.rowCount() == 0
    assert window.lock_screen.password.hasFocus()
    # Typing in the lock screen is not "activity" that could unlock anything, and a
    # second Ctrl+L does nothing.
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked


def test_a_wrong_password_keeps_it_locked_with_a_plain_error(
    window: MainWindow, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window.lock()
    unlock(window, qtbot, "not the password")
    assert window.is_locked
    assert window.lock_screen.error.isVisible()
    assert window.lock_screen.error.text() == "Wrong username or password."
    assert window.lock_screen.password.text() == ""
    assert window.model.rowCount() == 0
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert window.lock_screen.error.text() == "Enter your password."
    assert window.is_locked


def test_unlocking_resumes_where_the_user_was(
    window: MainWindow, database: Database, supervisor: Actor, qtbot  # type: ignore[no-untyped-def]
) -> None:
    with qtbot.waitSignal(window.model.modelReset, timeout=2000):
        qtbot.keyClicks(window.search, "testia")
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    before = shown_names(window)
    assert 1 < len(before) < len(ALL_NAMES)
    window.table.selectRow(2)
    selected_name = before[2]
    window.lock()
    assert window.search.text() == ""

    unlock(window, qtbot)

    assert not window.is_locked
    assert window.pages.currentWidget() is window.table
    assert window.search.text() == "testia"
    assert shown_names(window) == before
    assert window.count_label.text() == f"{len(before)} cases match"
    header = window.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1, Qt.SortOrder.DescendingOrder)
    assert window.model.sort_order == ("victim", True)
    rows = [index.row() for index in window.table.selectionModel().selectedRows()]
    assert [window.model.data(window.model.index(row, 1)) for row in rows] == [selected_name]

    new_database = window.session.services.database
    assert new_database is not database
    with new_database.reading() as db_session:
        unlocks = db_session.scalars(
            select(AuditEvent.user_id).where(AuditEvent.action == AuditAction.UNLOCK.value)
        ).all()
    assert unlocks == [supervisor.user_id]


def test_changes_after_unlocking_still_reach_the_list(
    window: MainWindow, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window.lock()
    unlock(window, qtbot)
    window.session.services.cases.create_intake(
        VictimDraft(first_names="Uusi", last_name="Asiakas"), CaseDraft()
    )
    assert window.model.rowCount() == len(ALL_NAMES) + 1


def test_scroll_position_and_current_row_come_back(
    window: MainWindow, qtbot  # type: ignore[no-untyped-def]
) -> None:
    model = window.model
    window.table.setFocus()
    window.table.scrollTo(model.index(20, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    window.table.setCurrentIndex(model.index(22, 1))
    top_before = window.table.indexAt(QPoint(0, 0)).row()
    assert top_before == 20
    window.lock()
    unlock(window, qtbot)
    assert abs(window.table.indexAt(QPoint(0, 0)).row() - top_before) <= 1
    assert window.table.currentIndex().row() == 22
    assert window.table.currentIndex().column() == 1
    assert window.table.hasFocus()


def test_activity_postpones_the_lock(
    window: MainWindow, clock: FakeClock, qtbot  # type: ignore[no-untyped-def]
) -> None:
    clock.advance(TIMEOUT_S - 10)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    clock.advance(60)
    assert window.idle.check() is False
    qtbot.mouseMove(window.table.viewport(), QPoint(40, 40))
    clock.advance(TIMEOUT_S - 1)
    assert window.idle.check() is False
    assert not window.is_locked
    clock.advance(1)
    assert window.idle.check() is True
    assert window.is_locked


def test_programmatic_events_are_not_activity(
    window: MainWindow, clock: FakeClock
) -> None:
    clock.advance(TIMEOUT_S - 10)
    synthetic = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.table, synthetic)
    clock.advance(10)
    assert window.idle.check() is True


def test_first_key_after_a_long_sleep_locks_instead_of_counting(
    window: MainWindow, clock: FakeClock, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window.table.setCurrentIndex(window.model.index(0, 0))
    clock.advance(2 * 60 * 60)  # the timer could not run: the laptop was asleep
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.is_locked


def test_sign_out_closes_the_window(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.lock()
    qtbot.mouseClick(window.lock_screen.sign_out_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_status_bar_tells_when_it_locks(window: MainWindow) -> None:
    assert window.lock_hint.text() == "Locks after 5 min idle · Ctrl+L to lock now"
    assert window.lock_hint.isVisible()


def test_ctrl_c_copies_the_case_reference_only(
    window: MainWindow, clean_clipboard: None, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 1))  # the victim's name cell
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied == window.model.reference(0)
    assert copied.startswith("SUO-")


def test_copy_sensitive_clears_after_30_seconds(clean_clipboard: None, qtbot) -> None:  # type: ignore[no-untyped-def]
    clipboard = QGuiApplication.clipboard()
    timer = copy_sensitive("131052-308T")
    assert clipboard.text() == "131052-308T"
    assert timer.isActive() and timer.interval() == 30_000
    assert bytes(clipboard.mimeData().data("x-kde-passwordManagerHint").data()) == b"secret"
    timer.timeout.emit()  # 30 s pass
    assert clipboard.text() == ""


def test_copy_sensitive_leaves_what_the_user_copied_since(
    clean_clipboard: None, qtbot  # type: ignore[no-untyped-def]
) -> None:
    clipboard = QGuiApplication.clipboard()
    timer = copy_sensitive("131052-308T", clear_after_ms=30)
    clipboard.setText("a note of my own")
    with qtbot.waitSignal(timer.timeout, timeout=1000):
        pass
    assert clipboard.text() == "a note of my own"


def test_a_newer_sensitive_copy_gets_its_full_time(clean_clipboard: None) -> None:
    first = copy_sensitive("131052-308T")
    second = copy_sensitive("131052-308T")
    first.timeout.emit()
    assert QGuiApplication.clipboard().text() == "131052-308T"
    second.timeout.emit()
    assert QGuiApplication.clipboard().text() == ""


def test_locking_clears_a_sensitive_clipboard_only(
    window: MainWindow, clean_clipboard: None, qtbot  # type: ignore[no-untyped-def]
) -> None:
    copy_sensitive("131052-308T")
    window.lock()
    assert QGuiApplication.clipboard().text() == ""
    unlock(window, qtbot)
    copy_sensitive("131052-308T")
    QGuiApplication.clipboard().setText("SUO-2020-00001")
    window.lock()
    assert QGuiApplication.clipboard().text() == "SUO-2020-00001"


def test_idle_lock_minutes_setting(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "suoja.ini"), QSettings.Format.IniFormat)
    preferences = Preferences(store)
    assert preferences.idle_lock_minutes == 5
    preferences.idle_lock_minutes = 10
    assert Preferences(store).idle_lock_minutes == 10
    store.setValue("preferences/idle_lock_minutes", "0")  # never "off"
    assert preferences.idle_lock_minutes == 1
    store.setValue("preferences/idle_lock_minutes", "soon")
    assert preferences.idle_lock_minutes == 5


def test_the_window_uses_the_configured_minutes(
    svc: services.Services, clock: FakeClock, qtbot  # type: ignore[no-untyped-def]
) -> None:
    shown = MainWindow(svc, clock=clock, idle_lock_minutes=2)
    qtbot.addWidget(shown)
    assert shown.lock_hint.text().startswith("Locks after 2 min idle")
    clock.advance(2 * 60)
    assert shown.idle.check() is True
    assert shown.is_locked
