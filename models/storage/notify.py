"""Telling other workstations what changed: PostgreSQL's LISTEN/NOTIFY.

Each local announcement (``models.domain.changes``) is relayed as one or more notifications on
the ``suoja_changes`` channel: the kind of record and the numeric ids, never a name or
any other content, and the sending bus's origin so a workstation ignores its own echo. A
:class:`ChangeListener` thread on every other workstation receives them and hands them to
its :class:`~models.domain.changes.ChangeBus`, whose views refresh as if the change were local.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy import text
from sqlalchemy.engine import make_url

from models.domain.changes import Change, ChangeKind
from models.storage.server import connection_defaults

if TYPE_CHECKING:
    from models.storage.server import ServerUrl
    from models.storage.unit_of_work import Database

log = logging.getLogger("suoja.notify")

CHANNEL = "suoja_changes"
#: Ids per notification: PostgreSQL's payload limit is 8000 bytes.
_CHUNK = 400


def payloads(change: Change, origin: str) -> list[str]:
    """The notification texts for ``change`` (large changes in several parts)."""
    ids, case_ids = list(change.ids), list(change.case_ids)
    parts = []
    while True:
        parts.append(json.dumps({"o": origin, "k": str(change.kind), "i": ids[:_CHUNK],
                                 "c": case_ids[:_CHUNK]}, separators=(",", ":")))
        ids, case_ids = ids[_CHUNK:], case_ids[_CHUNK:]
        if not ids and not case_ids:
            return parts


def parse(payload: str) -> tuple[str, Change] | None:
    """``(origin, change)`` of a notification, or None if it is not one of ours or names
    a kind of change this version does not know (a newer workstation's): ignored."""
    try:
        raw = json.loads(payload)
        return str(raw["o"]), Change(ChangeKind(str(raw["k"])),
                                     tuple(int(i) for i in raw["i"]),
                                     tuple(int(i) for i in raw["c"]))
    except (ValueError, KeyError, TypeError):
        return None


class ServerRelay:
    """Sends this workstation's announcements to the others (after the commit)."""

    def __init__(self, database: Database, origin: str) -> None:
        self._database = database
        self._origin = origin

    def __call__(self, change: Change) -> None:
        with self._database.engine.begin() as connection:
            for payload in payloads(change, self._origin):
                connection.execute(text("SELECT pg_notify(:channel, :payload)"),
                                   {"channel": CHANNEL, "payload": payload})


def conninfo(target: ServerUrl) -> str:
    """The server URL as libpq understands it (``postgresql://``, options kept)."""
    return make_url(target.url).set(drivername="postgresql").render_as_string(
        hide_password=False)


class ChangeListener:
    """Receives the other workstations' changes on a thread of its own.

    ``deliver`` is called on that thread; the GUI passes the change to its own thread
    (``gui.shared.session``). Notifications from ``origin`` (the local bus) are skipped. The
    connection is reopened after a network failure.
    """

    def __init__(self, target: ServerUrl, deliver: Callable[[Change], None],
                 origin: str, on_state: Callable[[bool], None] | None = None) -> None:
        self._target = target
        self._deliver = deliver
        self._origin = origin
        self._on_state = on_state
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="suoja-listen", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def wait_listening(self, timeout: float = 5.0) -> bool:
        """True once LISTEN is in place (tests and start-up)."""
        return self._listening.wait(timeout)

    def stop(self, wait: float = 0.0) -> None:
        """Stop listening; the thread ends within half a second on its own (``wait``
        for it, in tests). Nothing is delivered after this returns."""
        self._stop.set()
        if wait and self._thread.is_alive():
            self._thread.join(timeout=wait)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                where = make_conninfo(conninfo(self._target),
                                      **connection_defaults(self._target))
                with psycopg.connect(where, autocommit=True,
                                     password=self._target.password or None,
                                     application_name="suoja-listen") as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._listening.set()
                    self._report(True)
                    while not self._stop.is_set():
                        for note in connection.notifies(timeout=0.5):
                            self._handle(note.payload)
            except psycopg.Error:
                if not self._stop.is_set():
                    log.warning("lost the change notifications; reconnecting")
                self._listening.clear()
                self._report(False)
                self._stop.wait(2.0)

    def _report(self, listening: bool) -> None:
        if self._on_state is not None and not self._stop.is_set():
            self._on_state(listening)

    def _handle(self, payload: str) -> None:
        parsed = parse(payload)
        if parsed is None or parsed[0] == self._origin or self._stop.is_set():
            return
        try:
            self._deliver(parsed[1])
        except Exception as error:  # its type only: a message may quote a value
            log.warning("a change notification could not be delivered (%s)",
                        type(error).__name__)
