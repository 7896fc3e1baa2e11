"""Every user preference of the desktop app, declared once, stored with ``QSettings``.

Preferences (what a person chooses) live under ``preferences/``; saved window state (where
the window was, column layout, the last place shown) lives under ``state/`` in
:class:`WindowState`, so resetting one never touches the other. Nothing secret, and
nothing about a victim, is ever stored here. Widgets do not read settings themselves: the
composition root (``gui.start.app``) reads them and passes the values (or a :class:`WindowState`)
in.

The one connection setting, the PostgreSQL server's URL, is checked on the way in and on
the way out: a URL with a password in it is never stored (the server password comes from
libpq's password or service file, or is asked for and kept in memory only).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from models.domain import deployment
from models.domain.deployment import IDLE_LOCK_RANGE, Deployment
from models.domain.errors import KnownError, UsageError
from models.domain.private_files import ensure_private_file, new_folders, private_folder
from models.storage.server_url import ServerUrl

log = logging.getLogger("suoja.gui.settings")


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
#: The organisation's deployment file may give another default or enforce a value
#: (:attr:`Preferences.idle_lock_minutes`).
IDLE_LOCK_MINUTES = IntSetting("preferences/idle_lock_minutes", default=5,
                               minimum=IDLE_LOCK_RANGE[0], maximum=IDLE_LOCK_RANGE[1])

#: The PostgreSQL server database the app opens when no ``--db``/``--db-url`` is given
#: (set by the first-run setup when it creates the database on a server). Never a password.
SERVER_URL = "connection/server_url"


def parse_server_url(text: str) -> ServerUrl:
    """:meth:`ServerUrl.parse`, with every malformed URL refused as a :class:`UsageError`.

    Raises:
        UsageError: not a password-free PostgreSQL URL naming a database.
    """
    try:
        return ServerUrl.parse(text)
    except ValueError:  # e.g. "HOST:" with an empty or non-numeric port, half typed
        raise UsageError(QCoreApplication.translate(
            "settings", "The database URL is not valid; expected {form}.").format(
            form="postgresql+psycopg://USER@HOST/DATABASE")) from None


def _default_store() -> QSettings:
    """The platform's default place, owner-only where it is a file Qt writes (Linux and
    the BSDs: ``~/.config/Suoja/Suoja.conf``): its folder 0700 and the file made 0600
    before Qt first writes it, since Qt keeps an existing file's mode. Windows (the
    registry) and macOS (the system's preferences) keep their own; a file that cannot be
    made owner-only is logged, and the app goes on (it holds no personal data)."""
    store = QSettings()
    if store.format() != QSettings.Format.NativeFormat or sys.platform in ("win32", "darwin"):
        return store
    path = Path(store.fileName())
    try:
        organisation = QCoreApplication.organizationName()
        if organisation and path.parent.name == organisation:
            private_folder(path.parent)
        else:
            new_folders(path.parent)
        ensure_private_file(path)
    except (OSError, KnownError):
        log.warning("the settings file could not be made owner-only")
    return store


class Preferences:
    """Typed access to the user's preferences.

    Args:
        store: where they are kept; the platform's default place for the application
            when omitted (tests pass an INI file in their own folder).
        deployed: the organisation's deployment file; the one this process read when
            omitted.
    """

    def __init__(self, store: QSettings | None = None,
                 deployed: Deployment | None = None) -> None:
        self._store = store if store is not None else _default_store()
        self._deployed = deployed

    @property
    def idle_lock_minutes(self) -> int:
        """The minutes this workstation locks after: the deployment file's if it enforces
        them, else the person's own if they chose, else the file's default, else 5."""
        deployed = self._deployed if self._deployed is not None else deployment.current()
        from_file = deployed.number("idle_lock_minutes")
        if from_file is not None and (deployed.enforces("idle_lock_minutes")
                                      or not self._store.contains(IDLE_LOCK_MINUTES.key)):
            return from_file
        return IDLE_LOCK_MINUTES.read(self._store)

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        IDLE_LOCK_MINUTES.write(self._store, minutes)

    @property
    def server_url(self) -> ServerUrl | None:
        """The configured server database, or None for the file on this computer.

        A stored value that is no longer a valid, password-free URL (edited by hand) is
        ignored rather than used.
        """
        raw = self._store.value(SERVER_URL)
        if not raw:
            return None
        try:
            return parse_server_url(str(raw))
        except UsageError:
            log.warning("the configured server URL is not valid and is ignored")
            return None

    @server_url.setter
    def server_url(self, target: ServerUrl | str | None) -> None:
        """Remember the server database (None forgets it and goes back to the file).

        Only the URL is stored: a password given for this run (``with_password``) is not.

        Raises:
            UsageError: the URL is not a valid PostgreSQL URL or has a password in it.
        """
        if target is None:
            self._store.remove(SERVER_URL)
            return
        url = target.url if isinstance(target, ServerUrl) else target
        self._store.setValue(SERVER_URL, parse_server_url(url).url)

    def sync(self) -> None:
        """Write to disk now (QSettings otherwise writes later)."""
        self._store.sync()


#: Keys of the saved window state, declared once.
MAIN_WINDOW_GEOMETRY = "state/main_window/geometry"
MAIN_WINDOW_STATE = "state/main_window/state"
CASE_TABLE_HEADER = "state/case_table/header"
FOLLOW_UP_TABLE_HEADER = "state/follow_up_table/header"
LAST_PLACE = "state/navigation/place"


class WindowState:
    """Saved window layout: geometry, column layout of the lists, the last place shown.

    Only opaque Qt layout blobs and place names are stored: never search text, filters or
    anything else that could tell who was looked at.

    Args:
        store: where it is kept; the platform's default place when omitted.
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else _default_store()

    def blob(self, key: str) -> QByteArray | None:
        """A saved ``saveState()``/``saveGeometry()`` value, or None if there is none."""
        raw = self._store.value(key)
        if isinstance(raw, QByteArray) and not raw.isEmpty():
            return raw
        if isinstance(raw, bytes | bytearray) and raw:
            return QByteArray(bytes(raw))
        return None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self._store.setValue(key, value)

    @property
    def last_place(self) -> str | None:
        raw = self._store.value(LAST_PLACE)
        return str(raw) if raw else None

    @last_place.setter
    def last_place(self, place: str) -> None:
        self._store.setValue(LAST_PLACE, place)

    def sync(self) -> None:
        """Write to disk now (QSettings otherwise writes later)."""
        self._store.sync()

    def reset(self) -> None:
        """Forget every saved layout (preferences stay)."""
        self._store.remove("state")
