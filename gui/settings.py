"""Every user preference of the desktop app, declared once, stored with ``QSettings``.

Preferences (what a person chooses) live under ``preferences/``; saved window state, when
it comes, gets its own class under ``state/`` so resetting one never touches the other.
Nothing secret is ever stored here. Widgets do not read settings themselves: the
composition root (``gui.app``) reads them and passes the values in.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class IntSetting:
    """A whole-number preference with its default and allowed range."""

    key: str
    default: int
    minimum: int
    maximum: int

    def read(self, store: QSettings) -> int:
        """The stored value, clamped to the range; the default if missing or garbled."""
        raw = store.value(self.key, self.default)
        try:
            value = int(str(raw))
        except ValueError:
            return self.default
        return max(self.minimum, min(self.maximum, value))

    def write(self, store: QSettings, value: int) -> None:
        store.setValue(self.key, max(self.minimum, min(self.maximum, int(value))))


#: Minutes without keyboard or mouse input before the window locks itself. The design
#: brief fixes 5 as the default; a lock can be made sooner or later but never switched off.
IDLE_LOCK_MINUTES = IntSetting("preferences/idle_lock_minutes", default=5, minimum=1, maximum=60)


class Preferences:
    """Typed access to the user's preferences.

    Args:
        store: where they are kept; the platform's default place for the application
            when omitted (tests pass an INI file in their own folder).
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @property
    def idle_lock_minutes(self) -> int:
        return IDLE_LOCK_MINUTES.read(self._store)

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        IDLE_LOCK_MINUTES.write(self._store, minutes)
