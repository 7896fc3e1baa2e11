"""The main window's toolbar and its actions: New intake, the global search box, the tools
the role has (Import list, Batch export, Caseload report) and Lock, whose arrow also
offers Sign out, Quit and Language…

The tools open their dialogs over the main window, which locking closes; what New intake,
Lock, Sign out and Quit do is the window's (it connects them).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from gui.shared.errors import show_error
from gui.shared.session import Session
from gui.shared.style import icon
from models.domain.enums import Role
from models.domain.errors import KnownError
from models.security.permissions import Operation, allows

INTAKE_SHORTCUT = "Ctrl+N"
LOCK_SHORTCUT = "Ctrl+L"
# Quit's key where the platform names none for QKeySequence.StandardKey.Quit: Windows
# (where Alt+F4 closes a window) and Qt's generic X11 and offscreen platforms.
QUIT_SHORTCUT = "Ctrl+Q"


class MainToolbar(QToolBar):
    """The toolbar of :class:`~gui.window.main_window.MainWindow`.

    Args:
        session: the signed-in session; the role decides which actions show.
        search: the global search box; it takes the room the other actions leave.
        window: the main window, which the tools' dialogs belong to.
    """

    def __init__(self, session: Session, search: QLineEdit, window: QMainWindow) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Main"))
        self._session = session
        self._window = window
        role = session.services.actor.role
        self._may_intake = allows(role, Operation.CREATE_INTAKE)
        self._build_actions(role)
        self.setObjectName("mainToolbar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        size = self.fontMetrics().height() + 4
        self.setIconSize(self.iconSize().scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
        if self._may_intake:
            self.addAction(self.intake_action)
            self.addSeparator()
        self.addWidget(search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.addAction(self.import_action)
        self.addAction(self.batch_export_action)
        self.addAction(self.report_action)
        self.addAction(self.lock_action)
        # Lock is the everyday button; its arrow also offers Sign out, for handing the
        # workstation to the next person without restarting, and Quit: the ways of
        # leaving Suoja, together (the window has no menu bar).
        self.lock_menu = QMenu(self)
        self.lock_menu.setObjectName("lockMenu")
        self.lock_menu.addAction(self.lock_action)
        self.lock_menu.addAction(self.sign_out_action)
        self.lock_menu.addAction(self.quit_action)
        self.lock_menu.addSeparator()
        self.lock_menu.addAction(self.language_action)
        lock_button = self.widgetForAction(self.lock_action)
        if isinstance(lock_button, QToolButton):
            lock_button.setMenu(self.lock_menu)
            lock_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        # Qt's » button (the actions a narrow window has no room for) has no name of its own.
        more = self.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            more.setAccessibleName(self.tr("More actions"))
            more.setToolTip(self.tr("More actions"))

    def _build_actions(self, role: Role) -> None:
        self.intake_action = QAction(icon("new-intake"), self.tr("New intake"), self)
        self.intake_action.setObjectName("intakeAction")
        self.intake_action.setShortcut(QKeySequence(INTAKE_SHORTCUT))
        self.intake_action.setToolTip(
            self.tr("Record a new victim and open their case ({shortcut})").format(
                shortcut=INTAKE_SHORTCUT)
        )
        self.intake_action.setEnabled(self._may_intake)

        self.batch_export_action = QAction(self.tr("Batch export…"), self)
        self.batch_export_action.setObjectName("batchExportAction")
        self.batch_export_action.setToolTip(self.tr("One PDF case summary per case, into a folder"))
        self.batch_export_action.triggered.connect(self.batch_export)
        self.batch_export_action.setVisible(
            allows(role, Operation.EXPORT_POLICE) or allows(role, Operation.EXPORT_CARE))
        self.import_action = QAction(self.tr("Import list…"), self)
        self.import_action.setObjectName("importAction")
        self.import_action.setToolTip(
            self.tr("Import a list of affected people (CSV) as new cases"))
        self.import_action.triggered.connect(self.import_list)
        self.import_action.setVisible(allows(role, Operation.CREATE_INTAKE))
        self.report_action = QAction(self.tr("Caseload report…"), self)
        self.report_action.setObjectName("reportAction")
        self.report_action.triggered.connect(self.caseload_report)
        self.report_action.setVisible(allows(role, Operation.REPORTS))

        self.lock_action = QAction(icon("lock"), self.tr("Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        # Works from every window of the app, dialogs included.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(
            self.tr("Lock Suoja now ({shortcut})").format(shortcut=LOCK_SHORTCUT)
        )

        # On the lock screen for now; the window has no menu bar to hold it.
        self.sign_out_action = QAction(self.tr("Sign out"), self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.setToolTip(
            self.tr("Sign out; the sign-in window opens for the next person"))

        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
            or [QKeySequence(QUIT_SHORTCUT)])
        # From every window of the app, as Lock (forms too: locking.WindowKeys).
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setToolTip(
            self.tr("Quit Suoja ({shortcut}); asks first if a form has unsaved changes").format(
                shortcut=self.quit_action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText)))

        self.language_action = QAction(self.tr("Language…"), self)
        self.language_action.setObjectName("languageAction")
        self.language_action.setToolTip(
            self.tr("The language Suoja speaks to you from your next sign-in"))
        self.language_action.triggered.connect(self.choose_language)

    def set_locked(self, locked: bool) -> None:
        """Hide the toolbar and turn Lock, Quit and New intake off while the window is
        locked (the lock screen offers Sign out; Ctrl+Q there would throw away the forms
        the lock kept without the person who typed them)."""
        self.lock_action.setEnabled(not locked)
        self.quit_action.setEnabled(not locked)
        self.intake_action.setEnabled(not locked and self._may_intake)
        self.setVisible(not locked)

    # -- the tools -----------------------------------------------------------------------

    def import_list(self) -> None:
        """Open the CSV import; it holds the file's rows, so a lock closes it."""
        from gui.workspaces.import_dialog import ImportDialog

        dialog = ImportDialog(self._session, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def choose_language(self) -> None:
        """Ask which language the account prefers; it applies from the next sign-in."""
        from gui.window.language import LanguageDialog

        dialog = LanguageDialog(self._session, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._window.statusBar().showMessage(
            self.tr("Language saved; it applies from your next sign-in."), 10000))
        dialog.open()

    def batch_export(self) -> None:
        """Open the batch export (police liaison, supervisors); it runs on a worker."""
        from gui.case.export_dialog import BatchExportDialog

        dialog = BatchExportDialog(self._session, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def caseload_report(self, *, target: Path | None = None) -> Path | None:
        """Write the supervisors' caseload report PDF where the user chooses.

        ``target`` is keyword-only: the action's ``triggered(checked)`` must not become
        the path (tests/test_signal_slots.py checks every connection for this).
        """
        from PySide6.QtWidgets import QFileDialog

        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self._window, self.tr("Save caseload report"),
                str(Path.home() / "caseload.pdf"), self.tr("PDF files (*.pdf)"))
            if not name:
                return None
            target = Path(name)
        try:
            written = self._session.services.exports.export_caseload_report(target)
        except KnownError as error:
            show_error(self._window, error)
            return None
        self._window.statusBar().showMessage(self.tr("Caseload report written."), 10000)
        return written
