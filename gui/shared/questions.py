"""The questions a window asks before it goes on: discard? quit? go ahead? reload? — each a
real message box (or a dialog of the caller's) run to its end.

Callers reach them through the module (``questions.confirm(...)``), so a test answers them
with ``monkeypatch.setattr(questions, …)`` instead of waiting in a nested event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from gui.shared.labels import plural
from models.domain.errors import ConflictError


def confirm_discard(parent: QWidget) -> bool:
    """Ask whether to throw away unsaved changes. True means discard."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("questions", "Discard changes?"),
        QCoreApplication.translate(
            "questions", "This form has changes that are not saved. Discard them?"),
        QMessageBox.StandardButton.NoButton, parent)
    discard = box.addButton(QCoreApplication.translate("questions", "&Discard changes"),
                            QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("questions", "&Keep editing"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is discard


def confirm_quit(parent: QWidget, unsaved_forms: int, *, demo: bool = False) -> bool:
    """Ask before quitting throws away what was typed into ``unsaved_forms`` open forms.
    True means quit.

    ``demo``: the demo database is deleted at exit too. This one question says so, and
    the demo's own question is then not asked after it.
    """
    return _confirm_discarding(
        parent, "quitUnsaved",
        plural(unsaved_forms,
               QCoreApplication.translate(
                   "questions", "{n} form has unsaved changes. Quit and discard them?"),
               QCoreApplication.translate(
                   "questions", "{n} forms have unsaved changes. Quit and discard them?")),
        QCoreApplication.translate(
            "questions", "Anything typed but not saved is lost when Suoja quits, and the "
            "demo database is deleted with every change made in it.") if demo else
        QCoreApplication.translate(
            "questions", "Anything typed but not saved is lost when Suoja quits."),
        QCoreApplication.translate("questions", "Quit and discard"))


def confirm_sign_out(parent: QWidget, unsaved_forms: int) -> bool:
    """Ask before signing out throws away what was typed into ``unsaved_forms`` open
    forms (the lock screen's Sign out says so on the screen itself). True: sign out."""
    return _confirm_discarding(
        parent, "signOutUnsaved",
        plural(unsaved_forms,
               QCoreApplication.translate(
                   "questions", "{n} form has unsaved changes. Sign out and discard them?"),
               QCoreApplication.translate(
                   "questions", "{n} forms have unsaved changes. Sign out and discard them?")),
        QCoreApplication.translate(
            "questions", "Anything typed but not saved is lost when you sign out. Lock "
            "instead keeps it for when you unlock."),
        QCoreApplication.translate("questions", "Sign out and discard"))


def _confirm_discarding(parent: QWidget, name: str, text: str, informative: str,
                        action: str) -> bool:
    """One question before typed input is thrown away; Cancel is the default."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("questions", "Suoja — unsaved changes"))
    box.setText(text)
    box.setInformativeText(informative)
    go_ahead = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go_ahead


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask to go ahead with ``action`` (the button's text). True means go ahead."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is go


def ask_reload(parent: QWidget | None, error: ConflictError) -> bool:
    """Someone else saved first: offer to reload. True means reload."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("questions", "Changed by someone else"),
        str(error) + "\n\n" + QCoreApplication.translate(
            "questions", "Reload now? Your unsaved changes in this form will be lost."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def run_modal(dialog: QDialog) -> bool:
    """Ask with a dialog of the caller's (a break-the-glass reason), run to its end.
    True if it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted
