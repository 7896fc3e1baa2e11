"""Slow work off the GUI thread: one small helper, as Anki's QueryOp and Picard's run_task.

``run_task`` runs a function on the global ``QThreadPool`` and delivers its result or its
error back on the main thread. The function must not touch widgets; services open their
own ``db_session`` per call, so calling a service from the worker is safe.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("suoja.gui.tasks")


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._function = function
        self._relay = relay

    def run(self) -> None:
        """Override of QRunnable.run: on a worker thread."""
        try:
            result = self._function()
        except BaseException as error:  # noqa: BLE001 - delivered to the main thread
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)


_running: set[_Relay] = set()  # keeps each relay alive until its task reports


def run_task(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``function`` on a worker; call ``on_done`` or ``on_error`` on the main thread."""
    relay = _Relay()
    _running.add(relay)

    def done(result: Any) -> None:
        _running.discard(relay)
        on_done(result)

    def failed(error: BaseException) -> None:
        _running.discard(relay)
        on_error(error)

    relay.finished.connect(done)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Task(function, relay))
