"""Announcements of what changed, so every view can refresh itself.

Services call :meth:`ChangeBus.announce` after a unit of work commits; the GUI's views
subscribe to it (``gui.main_window``), the command line ignores it. Qt-free on purpose.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger("suoja.changes")


@dataclass(frozen=True)
class Change:
    """``kind`` names the entity ("case", "follow_up", …); ``ids`` the rows; ``case_ids``
    the cases they belong to, which is what most views care about."""

    kind: str
    ids: tuple[int, ...]
    case_ids: tuple[int, ...] = ()


Listener = Callable[[Change], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def announce(self, kind: str, ids: Iterable[int], case_ids: Iterable[int] = ()) -> None:
        change = Change(kind, tuple(ids), tuple(case_ids))
        for listener in list(self._listeners):
            listener(change)
