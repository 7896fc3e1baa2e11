"""Exporting PDFs from the desktop: one case from the case view, or a batch.

What may be exported is decided by the services (the role matrix); these dialogs only
offer what the role allows. The batch runs on a worker with a progress bar and Cancel;
files appear under their final names only when whole. A batch also writes its index
(``index.csv``, ``index.json``), and for the police profile it can write each summary as
JSON too (never with a PDF password: the JSON would be the same data unencrypted).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.case.access_copy import AccessCopyDialog, may_make_access_copy
from gui.shared.background import BackgroundOp, Report
from gui.shared.errors import show_error
from gui.shared.fit import grow_for_wrapped_text
from gui.shared.forms import DateEdit, tab_in_visual_order, today
from gui.shared.i18n import LANGUAGE_NAMES
from gui.shared.labels import label, plural
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from models.domain.enums import CaseStatus, Language
from models.domain.errors import KnownError, ValidationError
from models.pdf.data import Profile
from models.security.passwords import MIN_LENGTH, check_pdf_password
from models.security.permissions import Operation, allows
from models.services.exports import BatchResult, CaseSelection

PROFILE_NAMES = {
    Profile.POLICE: QT_TRANSLATE_NOOP("_Options", "Police — no support-session notes"),
    Profile.CARE: QT_TRANSLATE_NOOP("_Options", "Care handover — with session notes"),
    Profile.VICTIM: QT_TRANSLATE_NOOP("_Options", "Letter to the client — in their language"),
}


class _Options(QWidget):
    """Profile, identity-code masking and optional PDF password: shared by both dialogs."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 letters: bool = False) -> None:
        super().__init__(parent)
        services = session.services
        self.profile = QComboBox()
        self.profile.setObjectName("profile")
        self.profile.setAccessibleName(self.tr("Profile"))
        for profile, text in PROFILE_NAMES.items():
            if (profile is not Profile.VICTIM or letters) and services.exports.may_export(profile):
                self.profile.addItem(self.tr(text), profile)
        # A letter is in the client's own language unless another is chosen.
        self.language = QComboBox()
        self.language.setObjectName("letterLanguage")
        self.language.setAccessibleName(self.tr("Language of the letter"))
        self.language.addItem(self.tr("The client's own"), None)
        for language, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, language.value)
        self.reveal = QCheckBox(self.tr("Show full identity codes (written to the audit log)"))
        self.reveal.setObjectName("reveal")
        self.protect = QCheckBox(self.tr("Protect the PDF with a password (AES-256)"))
        self.protect.setObjectName("protect")
        self.password = QLineEdit()
        self.password.setObjectName("pdfPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("PDF password"))
        self.password.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_LENGTH))
        self.password.setEnabled(False)
        self.protect.toggled.connect(self.password.setEnabled)
        # Under the field, not in it: a hint that long would be cut off in the field.
        self.password_hint = QLabel(self.tr(
            "Give the password to the reader by another channel, e.g. a phone call."))
        self.password_hint.setObjectName("pdfPasswordHint")
        self.password_hint.setWordWrap(True)
        self.password_hint.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Profile"), self.profile)
        form.addRow(self.tr("&Language"), self.language)
        self._language_row = form.rowCount() - 1
        form.addRow("", self.reveal)
        form.addRow("", self.protect)
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow("", self.password_hint)
        self._form = form
        self._may_reveal = allows(services.actor.role, Operation.REVEAL_IDENTITY_CODE)
        self.profile.currentIndexChanged.connect(lambda _i: self._profile_changed())
        self._profile_changed()

    def _profile_changed(self) -> None:
        """A letter: choose its language; its identity code is always masked."""
        letter = self.chosen_profile() is Profile.VICTIM
        self._form.setRowVisible(self._language_row, letter)
        self.reveal.setVisible(self._may_reveal and not letter)
        if letter:
            self.reveal.setChecked(False)

    def chosen_language(self) -> Language | None:
        """The letter's language if one was chosen (else the client's own)."""
        data = self.language.currentData()
        return Language(data) if data and self.chosen_profile() is Profile.VICTIM else None

    def chosen_profile(self) -> Profile | None:
        data = self.profile.currentData()
        return Profile(data) if data else None

    def pdf_password(self) -> str | None:
        """The PDF password, or None; raises ValidationError when it breaks the rule
        the command line and the export service apply too (``check_pdf_password``)."""
        if not self.protect.isChecked():
            return None
        password = self.password.text()
        check_pdf_password(password)
        return password


class ExportCaseDialog(QDialog):
    """Export one case summary to a file the user picks."""

    def __init__(self, session: Session, case_id: int, reference: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export case {reference} as PDF").format(reference=reference))
        grow_for_wrapped_text(self)
        self._session = session
        self._case_id = case_id
        self._reference = reference
        self.written: Path | None = None
        self.options = _Options(session, self, letters=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("Export…"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export")
        self.export_button.setEnabled(self.options.profile.count() > 0)
        buttons.accepted.connect(self._choose_and_export)
        buttons.rejected.connect(self.reject)
        #: A supervisor's way to the client's access copy (GDPR art. 15 and 20).
        self.access_copy_button = None
        if may_make_access_copy(session):
            self.access_copy_button = buttons.addButton(
                self.tr("Access copy…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.access_copy_button.setObjectName("accessCopy")
            self.access_copy_button.setToolTip(self.tr(
                "Everything recorded about the client, for them: a PDF, the same data as "
                "JSON, and the evidence files"))
            self.access_copy_button.clicked.connect(self._access_copy)
        layout = QVBoxLayout(self)
        if self.options.profile.count() == 0:
            layout.addWidget(QLabel(self.tr("Your role does not allow exporting this case.")))
        layout.addWidget(self.options)
        layout.addWidget(buttons)
        tab_in_visual_order(buttons)  # once in the dialog: reparenting reorders
        assign_mnemonics(self)

    def _access_copy(self) -> None:
        dialog = AccessCopyDialog(self._session, self._case_id, self._reference, self)

        def written() -> None:
            self.written = dialog.result.folder if dialog.result else None
            self.accept()

        dialog.accepted.connect(written)
        dialog.open()  # a child: closed with this dialog when the app locks

    def choose_target(self, suggested: Path) -> Path | None:
        """Ask where to save (a method so tests can answer it)."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), str(suggested),
                                              self.tr("PDF files (*.pdf)"))
        return Path(name) if name else None

    def _choose_and_export(self) -> None:
        profile = self.options.chosen_profile()
        if profile is None:
            return
        try:
            password = self.options.pdf_password()
        except ValidationError as error:
            show_error(self, error)
            return
        target = self.choose_target(Path.home() / f"{self._reference}-{profile.value}.pdf")
        if target is None:
            return
        try:
            self.written = self._session.services.exports.export_case(
                self._case_id, profile, target,
                reveal_identity_code=self.options.reveal.isChecked(), password=password,
                language=self.options.chosen_language(),
            )
        except KnownError as error:
            show_error(self, error)
            return
        self.accept()


class BatchExportDialog(QDialog):
    """One PDF per case into a folder, for police liaison and supervisors."""

    finished_batch = Signal(str)
    #: (done, total) as the PDFs are written, on the main thread.
    progressed = Signal(int, int)

    def __init__(self, session: Session, parent: QWidget | None = None,
                 workers: int = 2) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch export of case summaries"))
        self.setMinimumWidth(max(520, 64 * self.fontMetrics().averageCharWidth()))
        grow_for_wrapped_text(self)  # the result message wraps
        self._session = session
        self._workers = workers
        self._cancel = threading.Event()
        self.result_text = ""

        self.options = _Options(session, self)
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.addItem(self.tr("Any status"), None)
        for status in CaseStatus:
            self.status.addItem(label("status", status.value), status)
        self.breach = QComboBox()
        self.breach.setObjectName("breach")
        self.breach.addItem(self.tr("Any breach"), None)
        for breach in session.services.cases.list_breaches():
            self.breach.addItem(breach.name, breach.name)
        self.filed = QCheckBox(self.tr("Only cases with a police report filed between"))
        self.filed.setObjectName("filedFilter")
        self.filed_from = DateEdit(today().addMonths(-1))
        self.filed_from.setAccessibleName(self.tr("Police report filed on or after"))
        self.filed_to = DateEdit(today())
        self.filed_to.setAccessibleName(self.tr("Police report filed on or before"))
        for edit in (self.filed_from, self.filed_to):
            edit.setDisplayFormat("d.M.yyyy")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            self.filed.toggled.connect(edit.setEnabled)
        dates = QHBoxLayout()
        dates.addWidget(self.filed_from)
        dates.addWidget(QLabel(self.tr("and")))
        dates.addWidget(self.filed_to)
        self.folder = QLineEdit(str(Path.home() / "suoja-export"))
        self.folder.setObjectName("folder")
        self.folder.setAccessibleName(self.tr("Destination folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(browse)
        self.with_json = QCheckBox(self.tr("Also write JSON files (police profile, "
                                           "without a PDF password)"))
        self.with_json.setObjectName("withJson")
        self.with_json.setToolTip(self.tr(
            "Each summary also as a JSON file beside its PDF, for the police's own systems. "
            "The folder's index.csv and index.json list every PDF written."))
        self.options.profile.currentIndexChanged.connect(lambda _i: self._json_allowed())
        self.options.protect.toggled.connect(lambda _on: self._json_allowed())

        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Breach"), self.breach)
        form.addRow(self.filed)
        form.addRow("", dates)
        folder_label = QLabel(self.tr("&Folder"))
        folder_label.setBuddy(self.folder)  # a row of widgets gets no buddy by itself
        form.addRow(folder_label, folder_row)
        form.addRow("", self.with_json)

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start export"))
        self.start_button.setObjectName("start")
        self.start_button.setDefault(True)
        self.start_button.setEnabled(self.options.profile.count() > 0)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self._cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        assign_mnemonics(self)
        self._running = False
        self._json_allowed()

    def _json_allowed(self) -> None:
        """JSON files go with the police profile and an unprotected PDF only."""
        allowed = (self.options.chosen_profile() is Profile.POLICE
                   and not self.options.protect.isChecked())
        self.with_json.setEnabled(allowed)
        if not allowed:
            self.with_json.setChecked(False)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def selection(self) -> CaseSelection:
        status = self.status.currentData()
        filed = self.filed.isChecked()
        return CaseSelection(
            statuses=(CaseStatus(status),) if status else (),
            breach_name=self.breach.currentData(),
            reports_filed_from=self.filed_from.date().toPython() if filed else None,
            reports_filed_to=self.filed_to.date().toPython() if filed else None,
        )

    def start(self) -> None:
        profile = self.options.chosen_profile()
        if profile is None or self._running:
            return
        try:
            password = self.options.pdf_password()
            services = self._session.services
            case_ids = [cid for cid, _ref in services.exports.select_cases(self.selection())]
        except KnownError as error:
            show_error(self, error)
            return
        if not case_ids:
            self.message.setText(self.tr("No case matches these filters."))
            return
        folder = Path(self.folder.text()).expanduser()
        reveal = self.options.reveal.isChecked()
        with_json = self.with_json.isEnabled() and self.with_json.isChecked()
        self._cancel.clear()
        self._running = True
        self.start_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.progress.setRange(0, len(case_ids))
        self.progress.setValue(0)
        self.progress.show()
        self.message.setText(plural(len(case_ids), self.tr("Exporting {n} case…"),
                                    self.tr("Exporting {n} cases…")))
        cancel, workers = self._cancel, self._workers

        def work(report: Report) -> BatchResult:
            return services.exports.export_cases(
                case_ids, profile, folder, reveal_identity_codes=reveal, password=password,
                progress=report, cancel=cancel, workers=workers, with_json=with_json)

        (BackgroundOp.reporting(self, work, session=self._session)
            .progress(self._show_progress).always(self._stop_running)
            .success(self._done).failure(self._failed).run())

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progressed.emit(done, total)

    def _cancel_or_close(self) -> None:
        if self._running:
            self._cancel.set()
            self.message.setText(self.tr("Stopping after the cases in hand…"))
        else:
            self.reject()

    def _stop_running(self) -> None:
        self._running = False
        self.start_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def _done(self, result: object) -> None:
        written = len(getattr(result, "written", ()))
        failed = len(getattr(result, "failed", ()))
        if getattr(result, "cancelled", False):
            text = plural(
                written, self.tr("Cancelled: {n} PDF was written whole; none is half-written."),
                self.tr("Cancelled: {n} PDFs were written whole; none is half-written."))
        else:
            text = plural(written, self.tr("Done: {n} PDF written."),
                          self.tr("Done: {n} PDFs written."))
        if any(getattr(f, "json", None) for f in getattr(result, "files", ())):
            text += " " + self.tr("Each has a JSON file beside it.")
        if failed:
            text += " " + plural(failed, self.tr("{n} case could not be exported."),
                                 self.tr("{n} cases could not be exported."))
        self.result_text = text
        self.message.setText(text)
        self.finished_batch.emit(text)

    def _failed(self, error: BaseException) -> None:
        self.result_text = str(error) if isinstance(error, KnownError) else type(error).__name__
        self.message.setText(self.result_text)
        self.finished_batch.emit(self.result_text)

    def closeEvent(self, event: object) -> None:  # noqa: N802
        """Override of QWidget.closeEvent: a running batch is told to stop."""
        self._cancel.set()
        super().closeEvent(event)  # type: ignore[arg-type]


def can_batch_export(session: Session) -> bool:
    """Whether to offer the batch export at all (the services still decide)."""
    role = session.services.actor.role
    return allows(role, Operation.EXPORT_POLICE) or allows(role, Operation.EXPORT_CARE)


__all__ = ["BatchExportDialog", "ExportCaseDialog", "can_batch_export"]
