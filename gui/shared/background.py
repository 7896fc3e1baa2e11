"""Slow work off the GUI thread, in one place (as Anki's ``QueryOp`` and Picard's ``run_task``).

A :class:`BackgroundOp` runs a function on the global ``QThreadPool`` and hands its
outcome back on the main thread::

    (BackgroundOp(self, lambda: service.check(table, mapping),
                  session=self._session, generation=self._checks)
        .always(self._stop_spinner).success(self._checked).run())

The function must not touch widgets. Services open their own ``db_session`` for each
call, so a worker calling a service gets its own unit of work.

What every caller used to repeat is decided here, once:

* **Delivered or dropped.** The outcome is delivered only while the parent object still
  exists (``shiboken6.isValid``), while the op is current in its :class:`Generation`
  (when given one), and while the session (when given) has not locked since the op
  started. Otherwise it is dropped, handlers and all; a result holding something to
  release (a temporary file) goes to :meth:`BackgroundOp.dropped`.
* **Errors.** Expected ones (:class:`~models.domain.errors.KnownError`, and ``OSError``:
  a file or a disk) go to the :meth:`~BackgroundOp.failure` handler when there is one,
  otherwise to :func:`gui.shared.errors.show_error`: one plain sentence. Anything else is
  a bug: the failure handler may tidy up, and then it reaches the crash hook
  (``sys.excepthook``) with the worker's traceback. :meth:`~BackgroundOp.always` tidies
  up after either outcome.
* **Progress.** Work made with :meth:`BackgroundOp.reporting` gets a ``report(done,
  total)`` function that is safe to call on the worker; the reports cross to the main
  thread through a signal and reach the :meth:`~BackgroundOp.progress` handler.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from gui.shared.errors import show_error
from models.domain.errors import KnownError

if TYPE_CHECKING:  # annotations only: the sign-in window runs ops before any session exists
    from gui.shared.session import Session

log = logging.getLogger("suoja.gui.background")

T = TypeVar("T")

#: What work made with :meth:`BackgroundOp.reporting` calls to tell how far it is.
Report = Callable[[int, int], None]


def is_expected(error: BaseException) -> bool:
    """Whether ``error`` is one to tell in plain words (not a bug)."""
    return isinstance(error, KnownError | OSError)


class Generation:
    """Counts the ops of one kind that a widget starts: only the newest one delivers.

    Give the same instance to every op whose results replace each other (loading a file,
    then checking it). With ``newest_only=False`` ops run side by side (opening two
    files) and all deliver. Either way :meth:`drop_running` makes the running ones stale,
    for a view that clears what it shows.
    """

    def __init__(self, *, newest_only: bool = True) -> None:
        self._newest_only = newest_only
        self._current = 0

    def start(self) -> int:
        """A token for a new op (newest only: every earlier token becomes stale)."""
        if self._newest_only:
            self._current += 1
        return self._current

    def drop_running(self) -> None:
        """Make every op started so far stale."""
        self._current += 1

    def is_current(self, token: int) -> bool:
        return token == self._current


class _Relay(QObject):
    """Lives on the main thread: the worker's signals reach its slots there (queued).

    The application is its parent, so the worker letting go of it never deletes it on the
    worker's thread; the op deletes it (later, on the main thread) once it has reported.
    """

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, op: BackgroundOp[Any]) -> None:
        super().__init__(QCoreApplication.instance())
        self._op = op
        self.finished.connect(self._on_finished)
        self.failed.connect(self._on_failed)
        self.progressed.connect(self._on_progressed)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._op._finished(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._op._failed(error)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        self._op._progressed(done, total)

    def watch(self, session: Session) -> None:
        session.about_to_lock.connect(self._session_locks)

    def unwatch(self, session: Session) -> None:
        session.about_to_lock.disconnect(self._session_locks)

    @Slot()
    def _session_locks(self) -> None:
        self._op._locked_meanwhile = True


class _Worker(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        """Override of QRunnable.run: on a worker thread."""
        try:
            result = self._work()
        except BaseException as error:  # noqa: BLE001 - delivered to the main thread
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)


_running: set[BackgroundOp[Any]] = set()  # keeps each op alive until its work reports


class BackgroundOp(Generic[T]):
    """Runs ``work`` on a worker thread and delivers its outcome on the main thread.

    Args:
        parent: the object the outcome is for; nothing is delivered once it is deleted.
            A widget is also the parent of the error dialog. None: always delivered.
        work: the slow part; it must not touch widgets.
        session: drop the outcome if this session locks before it arrives.
        generation: drop the outcome if a newer op of the same generation started (or
            the generation dropped its running ops) before it arrives.
    """

    def __init__(
        self, parent: QObject | None, work: Callable[[], T], *,
        session: Session | None = None, generation: Generation | None = None,
    ) -> None:
        self._parent = parent
        self._work = work
        self._session = session
        self._generation = generation
        self._token = 0
        self._locked_meanwhile = False
        self._on_always: Callable[[], object] | None = None
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[BaseException], object] | None = None
        self._on_progress: Callable[[int, int], object] | None = None
        self._on_dropped: Callable[[T], object] | None = None
        self._relay: _Relay | None = None

    @classmethod
    def reporting(
        cls, parent: QObject | None, work: Callable[[Report], T], *,
        session: Session | None = None, generation: Generation | None = None,
    ) -> BackgroundOp[T]:
        """An op whose work tells its progress: it is called with a ``report(done,
        total)`` function (safe on the worker) whose reports reach :meth:`progress`."""
        op: BackgroundOp[T] = cls(parent, lambda: work(op._report),
                                  session=session, generation=generation)
        return op

    def always(self, on_always: Callable[[], object]) -> BackgroundOp[T]:
        """Call ``on_always()`` first, after success or failure alike (to tidy up)."""
        self._on_always = on_always
        return self

    def success(self, on_success: Callable[[T], object]) -> BackgroundOp[T]:
        """Call ``on_success`` with the result."""
        self._on_success = on_success
        return self

    def failure(self, on_failure: Callable[[BaseException], object]) -> BackgroundOp[T]:
        """Call ``on_failure`` with any error: it shows expected errors its own way (no
        dialog then) and tidies up after a bug, which then reaches the crash hook."""
        self._on_failure = on_failure
        return self

    def progress(self, on_progress: Callable[[int, int], object]) -> BackgroundOp[T]:
        """Call ``on_progress(done, total)`` on the main thread for each report."""
        self._on_progress = on_progress
        return self

    def dropped(self, on_dropped: Callable[[T], object]) -> BackgroundOp[T]:
        """Call ``on_dropped`` with a result that came too late to deliver, so it can
        release what it holds (it must not touch the parent: it may be gone)."""
        self._on_dropped = on_dropped
        return self

    def run(self) -> None:
        """Start the work on the global thread pool."""
        self._relay = _Relay(self)
        if self._generation is not None:
            self._token = self._generation.start()
        if self._session is not None:
            self._relay.watch(self._session)
        _running.add(self)
        QThreadPool.globalInstance().start(_Worker(self._work, self._relay))

    # -- on the worker ---------------------------------------------------------------------

    def _report(self, done: int, total: int) -> None:
        assert self._relay is not None  # the work runs only after run()
        self._relay.progressed.emit(done, total)

    # -- on the main thread ----------------------------------------------------------------

    def _deliverable(self) -> bool:
        if self._parent is not None and not shiboken6.isValid(self._parent):
            return False
        if self._generation is not None and not self._generation.is_current(self._token):
            return False
        return self._session is None or not (
            self._locked_meanwhile or not shiboken6.isValid(self._session)
            or self._session.is_locked)

    def _end(self) -> bool:
        """Forget the op; whether its outcome is to be delivered."""
        _running.discard(self)
        assert self._relay is not None  # the work reports only after run()
        if self._session is not None and shiboken6.isValid(self._session):
            self._relay.unwatch(self._session)
        self._relay.deleteLater()
        return self._deliverable()

    def _finished(self, result: T) -> None:
        if not self._end():
            if self._on_dropped is not None:
                self._on_dropped(result)
            return
        if self._on_always is not None:
            self._on_always()
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        if not self._end():
            log.info("a background task failed after its result was no longer wanted (%s)",
                     type(error).__name__)
            return
        if self._on_always is not None:
            self._on_always()
        if self._on_failure is not None:
            self._on_failure(error)
            if is_expected(error):
                return
        elif is_expected(error):
            show_error(self._dialog_parent(), error)
            return
        sys.excepthook(type(error), error, error.__traceback__)

    def _progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None and self._deliverable():
            self._on_progress(done, total)

    def _dialog_parent(self) -> QWidget | None:
        return self._parent if isinstance(self._parent, QWidget) else None


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[Report], T]) -> T:
    """Run ``work(report)`` on a worker thread while a modal progress dialog shows, and
    return its result, or raise its error, here on the GUI thread, as if it had run here.

    For a use case that must finish before the caller goes on (a key rotation after
    locking an account): the window keeps painting and the progress moves, but nothing
    else can be clicked meanwhile. ``report(done, total)`` is safe on the worker.
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QProgressDialog

    outcome: dict[str, Any] = {}
    state = {"done": 0, "total": 0}

    def report(done: int, total: int) -> None:
        state["done"], state["total"] = done, total

    def run() -> None:
        try:
            outcome["result"] = work(report)
        except BaseException as error:  # noqa: BLE001 - re-raised on the GUI thread
            outcome["error"] = error

    worker = threading.Thread(target=run, name="suoja-task", daemon=True)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(400)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(50)

    def poll() -> None:
        if state["total"]:
            progress.setMaximum(state["total"])
            progress.setValue(min(state["done"], state["total"]))
        if not worker.is_alive():
            loop.quit()

    timer.timeout.connect(poll)
    worker.start()
    timer.start()
    if worker.is_alive():
        loop.exec()
    worker.join()
    timer.stop()
    progress.close()
    progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]
