"""Automatic backups from the desktop app: once a day while it runs, and on close.

The copies go to ``backups/`` beside the database (``models.storage.maintenance``), encrypted
under the same key; the newest seven are kept. The work runs on a worker thread; a backup
is never taken while the app is locked (the key is gone then).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gui.shared.background import BackgroundOp
from gui.shared.session import Session
from models.domain.errors import KnownError
from models.storage.maintenance import rotate_automatic_backups

log = logging.getLogger("suoja.gui.backup")

DAILY = dt.timedelta(hours=24)
CHECK_EVERY_MS = 60 * 60 * 1000  # look once an hour whether a day has passed


class AutoBackup(QObject):
    """Takes the automatic backups for one signed-in session.

    Signals:
        finished(str): a plain sentence once a backup was written or failed.
    """

    finished = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.run_if_due)

    def start(self) -> None:
        """Check now and then every hour."""
        self._timer.start()
        QTimer.singleShot(0, self.run_if_due)

    def stop(self) -> None:
        self._timer.stop()

    def run_if_due(self, min_interval: dt.timedelta = DAILY) -> bool:
        """Start a backup on a worker unless locked, busy, or one is younger than a day.

        Returns:
            Whether a backup task was started.
        """
        if self._busy or self._session.is_locked:
            return False
        services = self._session.services
        database, actor = services.database, services.actor
        self._busy = True
        # Not dropped at a lock: the copy is finished or refused, and the next one waits
        # for this one to report.
        (BackgroundOp(self, lambda: rotate_automatic_backups(database, actor,
                                                              min_interval=min_interval))
            .always(self._not_busy).success(self._done).failure(self._failed).run())
        return True

    def run_on_close(self, parent: QWidget | None) -> None:
        """Take the closing backup, with a busy indicator, and wait for it."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        if not self.run_if_due(min_interval=dt.timedelta(0)):
            return
        progress = QProgressDialog(
            self.tr("Making the automatic backup before closing…"), "", 0, 0, parent
        )
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(300)
        loop.exec()
        progress.close()

    def _not_busy(self) -> None:
        self._busy = False

    def _done(self, path: object) -> None:
        if path is None:
            self.finished.emit(self.tr("An automatic backup from today already exists."))
        else:
            log.info("automatic backup written")
            self.finished.emit(self.tr("Automatic backup written."))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            message = self.tr("The automatic backup failed: {reason}").format(reason=str(error))
        else:
            log.error("automatic backup failed with %s", type(error).__name__)
            message = self.tr("The automatic backup failed because of an internal error.")
        self.finished.emit(message)
