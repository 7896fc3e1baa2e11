"""Noticing that nobody is at the keyboard: the trigger for the idle lock.

An application-wide event filter records the time of the last keyboard, mouse, wheel,
touch or tablet input in *any* window of the app; a coarse timer asks :meth:`check` once a
second whether the timeout has passed. The clock is injectable, so tests advance time by
calling ``check`` instead of sleeping.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

Clock = Callable[[], float]

CHECK_INTERVAL_MS = 1000

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


def _suspend_aware_clock() -> Clock:
    # Seconds that keep counting while the computer sleeps: a laptop closed for an hour
    # must come back locked. Linux's CLOCK_MONOTONIC (behind time.monotonic) stops during
    # suspend, CLOCK_BOOTTIME does not; macOS's clock_gettime(CLOCK_MONOTONIC) counts
    # sleep, and Windows' time.monotonic does too.
    if hasattr(time, "CLOCK_BOOTTIME"):
        return lambda: time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return lambda: time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic


default_clock: Clock = _suspend_aware_clock()


class IdleWatcher(QObject):
    """Emits :attr:`idle` once after ``timeout_s`` seconds without user input.

    Only spontaneous events count (those that come from the window system, i.e. a
    person), so programmatic updates never keep the app unlocked. After emitting, the
    watcher stops until :meth:`start` is called again (after unlocking).

    Args:
        timeout_s: seconds of inactivity before :attr:`idle`.
        clock: seconds from an arbitrary start; see :data:`default_clock`.
        check_interval_ms: how often the timer calls :meth:`check`.
    """

    idle = Signal()

    def __init__(
        self, timeout_s: float, *, clock: Clock | None = None,
        check_interval_ms: int = CHECK_INTERVAL_MS, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self._clock = clock or default_clock
        self._last_input = self._clock()
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    @property
    def is_active(self) -> bool:
        return self._active

    def start(self) -> None:
        """Start watching, counting from now."""
        self._last_input = self._clock()
        if not self._active:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._active = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._active:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._active = False

    def idle_seconds(self, now: float | None = None) -> float:
        return (self._clock() if now is None else now) - self._last_input

    def check(self, now: float | None = None) -> bool:
        """Emit :attr:`idle` (and stop) if the timeout has passed; return whether it did."""
        if not self._active or self.idle_seconds(now) < self.timeout_s:
            return False
        self.stop()
        self.idle.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter: note the time of each input event."""
        if self._active and event.spontaneous() and event.type() in INPUT_EVENTS:
            now = self._clock()
            # Check before resetting: the first key press after a long sleep (when the
            # timer could not run) must lock, not count as activity — and is swallowed,
            # so it does not act on a view that has just been cleared.
            if self.check(now):
                return True
            self._last_input = now
        return False
