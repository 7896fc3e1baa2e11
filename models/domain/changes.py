"""Announcements of what changed, so every view can refresh itself.

Services call :meth:`ChangeBus.announce` after a unit of work commits; the GUI's views
subscribe to it (``gui.window.main_window``), the command line ignores it. Qt-free on purpose.

On a PostgreSQL server other workstations change the same cases: a *relay*
(``models.storage.notify``) passes each local announcement on to the server (NOTIFY), and what
other workstations announced comes back through :meth:`ChangeBus.deliver`, to the local
subscribers only.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger("suoja.changes")


class ChangeKind(StrEnum):
    """What kind of record changed. The values travel between workstations (NOTIFY
    payloads) and name the entity in the audit log: never rename one."""

    CASE = "case"
    VICTIM = "victim"
    USER = "user"
    BREACH = "breach"
    ACCESS_GRANT = "access_grant"
    SUPPORT_SESSION = "support_session"
    FOLLOW_UP = "follow_up"
    EXTORTION_CONTACT = "extortion_contact"
    POLICE_REPORT = "police_report"
    PROTECTIVE_ACTION = "protective_action"
    ATTACHMENT = "attachment"
    RETENTION = "retention"


@dataclass(frozen=True)
class Change:
    """``kind`` names the entity; ``ids`` the rows; ``case_ids`` the cases they belong
    to, which is what most views care about."""

    kind: ChangeKind
    ids: tuple[int, ...]
    case_ids: tuple[int, ...] = ()


Listener = Callable[[Change], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._relay: Listener | None = None
        self._dispatch: Callable[[Callable[[], None]], None] = _now
        #: Tells this bus's own announcements apart when they come back from a server.
        self.origin = uuid.uuid4().hex

    def set_dispatcher(self, dispatch: Callable[[Callable[[], None]], None]) -> None:
        """Run deliveries through ``dispatch`` (the GUI's: on its own thread, whichever
        thread the service that announced ran on)."""
        self._dispatch = dispatch

    def set_relay(self, relay: Listener | None) -> None:
        """Pass every local announcement on to ``relay`` too (one at a time)."""
        self._relay = relay

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def announce(self, kind: ChangeKind, ids: Iterable[int], case_ids: Iterable[int] = ()) -> None:
        change = Change(kind, tuple(ids), tuple(case_ids))
        self.deliver(change)
        if self._relay is not None:
            try:
                self._relay(change)
            except Exception:  # the change is saved; other views refresh later
                log.warning("could not tell other workstations about a change")

    def deliver(self, change: Change) -> None:
        """Give ``change`` to this process's subscribers (not to the relay)."""
        self._dispatch(lambda: self._deliver_now(change))

    def _deliver_now(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)


def _now(delivery: Callable[[], None]) -> None:
    delivery()
