"""The signed-in user's session: the current services, locking and unlocking.

Services hold the open :class:`~models.storage.unit_of_work.Database`, so locking cannot just hide a
window: the session drops its services and disposes the engine, and unlocking signs the
*same* user in again (audited as ``unlock``) and builds new services on the new database,
reusing the one :class:`~models.domain.changes.ChangeBus` so subscribers stay connected. Views
never keep services of their own: they take them from :attr:`Session.services` and from
the :attr:`Session.unlocked` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from models import services as services_module
from models.domain.changes import Change, ChangeBus, ChangeKind
from models.domain.enums import AuditAction
from models.domain.errors import AuthenticationError
from models.services import Services
from models.storage.notify import ChangeListener
from models.storage.server import ServerUrl
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target


class Opener(Protocol):
    """Signs a user in: :func:`models.storage.store.open_database` or a stand-in."""

    def __call__(
        self, db_path: Target, username: str, password: str, *, purpose: AuditAction = ...
    ) -> tuple[Database, Actor]: ...


#: How long other workstations' changes are collected before views refresh.
REMOTE_BATCH_MS = 250


class SessionLocked(RuntimeError):
    """Services were asked for while the session is locked (a bug in the caller)."""


class Session(QObject):
    """Owns the current :class:`~models.services.Services` of one signed-in user.

    Signals:
        about_to_lock: views save what they need to resume and drop everything they
            show; the database is still open while this runs.
        locked: the database has been disposed; show the lock screen.
        unlocked(Services): the same user signed in again; here are the new services.
    """

    about_to_lock = Signal()
    locked = Signal()
    unlocked = Signal(object)
    #: A change another workstation made (from the listener's thread; queued to ours).
    _remote_change = Signal(object)
    #: A delivery of the change bus announced on a worker thread, run on this one.
    _delivery = Signal(object)
    #: On a server: whether other workstations' changes are arriving (False while the
    #: connection is lost and being reopened).
    live_updates = Signal(bool)

    def __init__(
        self, services: Services, opener: Opener = open_database,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services: Services | None = services
        self._opener = opener
        self._db_path: Target = services.database.target
        self._actor = services.actor
        self._changes = services.changes
        # On a server, other workstations' changes reach our views as if they were ours.
        self._remote_change.connect(self._deliver_remote, Qt.ConnectionType.QueuedConnection)
        # Views refresh on the GUI thread even when a use case ran on a worker
        # (gui.shared.background.run_with_progress): widgets are not thread-safe.
        self._delivery.connect(lambda delivery: delivery(), Qt.ConnectionType.QueuedConnection)
        self._changes.set_dispatcher(self._on_gui_thread)
        self._listener: ChangeListener | None = None
        self._pending: dict[ChangeKind, tuple[set[int], set[int]]] = {}
        self._flush_timer = QTimer(self, singleShot=True, interval=REMOTE_BATCH_MS)
        self._flush_timer.timeout.connect(self._flush_remote)
        self._listen()

    def _on_gui_thread(self, delivery: Callable[[], None]) -> None:
        if QThread.currentThread() == self.thread():
            delivery()
        else:
            self._delivery.emit(delivery)

    @property
    def is_locked(self) -> bool:
        return self._services is None

    @property
    def services(self) -> Services:
        """The current services.

        Raises:
            SessionLocked: while locked; callers check :attr:`is_locked` first.
        """
        if self._services is None:
            raise SessionLocked("the session is locked")
        return self._services

    @property
    def actor(self) -> Actor:
        return self._actor

    @property
    def changes(self) -> ChangeBus:
        return self._changes

    @property
    def db_path(self) -> Target:
        return self._db_path

    def _listen(self) -> None:
        if isinstance(self._db_path, ServerUrl) and self._listener is None:
            self._listener = ChangeListener(self._db_path, self._remote_change.emit,
                                            self._changes.origin,
                                            self.live_updates.emit).start()

    def _stop_listening(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def wait_listening(self, timeout: float = 5.0) -> bool:
        """True once other workstations' changes are being received (tests)."""
        return self._listener is not None and self._listener.wait_listening(timeout)

    @Slot(object)
    def _deliver_remote(self, change: Change) -> None:
        """Collect other workstations' changes for a moment, then deliver them merged
        by kind: a burst of saves elsewhere reloads each view once, not once per save."""
        ids, case_ids = self._pending.setdefault(change.kind, (set(), set()))
        ids.update(change.ids)
        case_ids.update(change.case_ids)
        self._flush_timer.start()

    def _flush_remote(self) -> None:
        pending, self._pending = self._pending, {}
        if self._services is None:  # while locked the views hold nothing to refresh
            return
        for kind, (ids, case_ids) in pending.items():
            self._changes.deliver(Change(kind, tuple(sorted(ids)), tuple(sorted(case_ids))))

    def lock(self) -> None:
        """Clear the views, dispose the database engine and forget the services."""
        if self._services is None:
            return
        self.about_to_lock.emit()
        database = self._services.database
        self._services = None
        self._stop_listening()
        database.close()  # connections closed and the key forgotten, not just pooled
        self.locked.emit()

    def unlock(self, password: str) -> Services:
        """Sign the same user in again and resume with new services.

        Raises:
            AuthenticationError: wrong password, or the account was locked meanwhile.
            DataError: the database or its key file went missing or was damaged.
        """
        if self._services is not None:
            return self._services
        database, actor = self._opener(
            self._db_path, self._actor.username, password, purpose=AuditAction.UNLOCK
        )
        if actor.user_id != self._actor.user_id:
            # Same username, different account (the database was swapped): refuse.
            database.dispose()
            raise AuthenticationError(self.tr("Wrong username or password."))
        self._actor = actor
        self._services = services_module.build(database, actor, self._changes)
        self._listen()
        self.unlocked.emit(self._services)
        return self._services

    def close(self) -> None:
        """Dispose the database at exit (nothing to do while locked)."""
        self._stop_listening()
        if self._services is not None:
            self._services.database.dispose()
