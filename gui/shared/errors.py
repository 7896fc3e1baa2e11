"""The one error dialog: expected problems in plain words; bugs go to the crash hook.

Widgets call :func:`show_error` in their ``except KnownError`` branches (and pass any
other exception on, to the crash hook in ``gui.start.crash``; :func:`show_error` does that too
with a worker's error that is not a KnownError). Neither shows personal data.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from models.domain.errors import KnownError


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    """Tell the user what went wrong in one sentence."""
    from PySide6.QtCore import QCoreApplication

    heading = title or QCoreApplication.translate("errors", "Suoja")
    if isinstance(error, KnownError):
        QMessageBox.warning(parent, heading, str(error))
    elif isinstance(error, OSError):  # a file or disk problem: expected, not a bug
        QMessageBox.warning(parent, heading, QCoreApplication.translate(
            "errors", "The file could not be read or written ({kind}); check the folder, "
            "the free space and your permissions.").format(kind=type(error).__name__))
    else:
        # A bug (e.g. a worker's, delivered here): the one crash dialog shows it, and in
        # tests it fails the test like any unhandled exception.
        sys.excepthook(type(error), error, error.__traceback__)

