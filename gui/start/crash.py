"""One place where bugs surface: an uncaught exception becomes a dialog, not a dead window.

The dialog names the kind of error only. Messages and tracebacks can carry personal data
(a value that failed to save), so they are neither shown nor logged.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from models.domain.errors import KnownError

log = logging.getLogger("suoja.gui")


def install_excepthook() -> None:
    """Send every uncaught exception to :func:`crash_hook` (looked up here, so tests can
    put a hook of their own in its place)."""
    sys.excepthook = crash_hook


def crash_hook(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """The crash dialog: a KnownError in its own words, a bug by its kind only."""
    if isinstance(error, KnownError):
        message = str(error)
    else:
        log.error("unhandled %s", kind.__name__)
        message = QApplication.translate(
            "crash",
            "Suoja hit an internal error ({kind}). Your saved work is safe; the step "
            "you were doing was not completed. Please tell your administrator.",
        ).format(kind=kind.__name__)
    parent = QApplication.activeWindow()
    QMessageBox.critical(parent, QApplication.translate("crash", "Suoja"), message)
