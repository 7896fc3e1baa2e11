"""The one error dialog: expected problems in plain words, bugs as a short notice.

Widgets call :func:`show_error` in their ``except KnownError`` branches (and pass any
other exception on, to the crash hook in ``gui.crash``). Neither shows personal data.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import ConflictError, KnownError


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    """Tell the user what went wrong in one sentence."""
    from PySide6.QtCore import QCoreApplication

    heading = title or QCoreApplication.translate("errors", "Suoja")
    if isinstance(error, KnownError):
        QMessageBox.warning(parent, heading, str(error))
    else:
        QMessageBox.critical(
            parent, heading,
            QCoreApplication.translate(
                "errors", "Suoja hit an internal error ({kind}). Your saved work is safe."
            ).format(kind=type(error).__name__),
        )


def ask_reload_after_conflict(parent: QWidget | None, error: ConflictError) -> bool:
    """Someone else saved first: offer to reload. Returns True if the user wants that."""
    from PySide6.QtCore import QCoreApplication

    answer = QMessageBox.question(
        parent, QCoreApplication.translate("errors", "Changed by someone else"),
        str(error) + "\n\n" + QCoreApplication.translate(
            "errors", "Reload now? Your unsaved changes in this form will be lost."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
