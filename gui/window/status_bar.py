"""The main window's status bar: the idle lock's hint, the follow-ups due, how many cases
the list shows and, on a shared server, whether other workstations' changes arrive.

Its texts hold counts only, never names, and elide (whole in their tooltips): they never
widen the window. Messages (a case created, a report written) pass through it as usual.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QSizePolicy, QStatusBar, QWidget

from gui.shared.fit import ElidedLabel
from gui.shared.session import Session
from models.domain.formatting import count_text
from models.storage.server import ServerUrl


def _separator() -> QFrame:
    separator = QFrame()
    separator.setFrameShape(QFrame.Shape.VLine)
    separator.setFrameShadow(QFrame.Shadow.Sunken)
    return separator


class StatusBar(QStatusBar):
    """The status bar of :class:`~gui.window.main_window.MainWindow`.

    Args:
        session: the signed-in session (on a server, its live updates are shown).
        idle_lock_minutes: inactivity before the window locks itself.
        lock_shortcut: the key that locks at once.
    """

    def __init__(self, session: Session, idle_lock_minutes: int, lock_shortcut: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # As QMainWindow.statusBar() makes its own: a long message never widens the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._session = session
        self.lock_hint = ElidedLabel(
            self.tr("Locks after {minutes} min idle · {shortcut} to lock now").format(
                minutes=idle_lock_minutes, shortcut=lock_shortcut
            )
        )
        self.lock_hint.setObjectName("lockHint")
        self.addWidget(self.lock_hint, 1)
        self.follow_up_label = ElidedLabel()
        self.follow_up_label.setObjectName("followUpCount")
        self.addPermanentWidget(self.follow_up_label)
        self._count_separator = _separator()
        self.addPermanentWidget(self._count_separator)
        self.count_label = ElidedLabel()
        self.count_label.setObjectName("count")
        self.addPermanentWidget(self.count_label)
        #: On a server: that the counsellor works on the shared database, and whether the
        #: other workstations' changes are reaching this one.
        self.server_label: ElidedLabel | None = None
        if isinstance(session.db_path, ServerUrl):
            self.addWidget(_separator())
            self.server_label = ElidedLabel()
            self.server_label.setObjectName("serverState")
            self.addWidget(self.server_label, 1)
            session.live_updates.connect(self._show_live_updates)
            self._show_live_updates(None)

    def show_count(self, text: str | None) -> None:
        """Show how many cases the list shows; None: the list is not shown."""
        self._count_separator.setVisible(text is not None)
        if text is None:
            self.count_label.clear()
        else:
            self.count_label.setText(text)

    def show_follow_ups(self, today: int, overdue: int) -> None:
        """Show how many of the user's follow-ups are due today and overdue."""
        if today + overdue:
            self.follow_up_label.setText(
                self.tr("Follow-ups: {overdue} overdue, {today} today").format(
                    overdue=count_text(overdue), today=count_text(today))
            )
        else:
            self.follow_up_label.setText(self.tr("No follow-ups due"))

    def set_locked(self, locked: bool) -> None:
        """Show nothing while the window is locked; the lock's hint again once unlocked."""
        if not locked:
            self.lock_hint.show()
            return
        self.clearMessage()
        self.lock_hint.hide()
        self.count_label.clear()
        self._count_separator.hide()  # nothing to separate while locked
        self.follow_up_label.clear()

    def _show_live_updates(self, live: bool | None) -> None:
        where = self._session.db_path
        assert isinstance(where, ServerUrl) and self.server_label is not None
        if live is False:
            text = self.tr("Shared server {where} · live updates paused, reconnecting…")
            self.server_label.setProperty("warning", True)
        else:
            text = self.tr("Shared server {where} · live updates")
            self.server_label.setProperty("warning", False)
        self.server_label.setText(text.format(where=where.display))
