"""Importing a list of affected people (CSV) from the desktop.

The dialog reads the chosen file on a worker, shows the detected encoding and delimiter,
a mapping table (each column of the file → a combo of Suoja's fields or "Ignore"), a
preview of the first rows numbered as the spreadsheet numbers them, every refused row and
duplicate by row, and imports on a worker with a progress bar. No column is dropped
silently: until every column the dialog could not place is mapped or ignored, it names
them and will not import. The user chooses between importing every valid row and
importing nothing if any row is refused. Reading, checking and writing are
``ImportService``'s; no SQL here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.shared.background import BackgroundOp, Generation, Report, is_expected
from gui.shared.errors import show_error
from gui.shared.fit import fit_to_screen, grow_for_wrapped_text
from gui.shared.labels import plural
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from models.domain.errors import KnownError
from models.domain.formatting import count_text
from models.domain.validation import mask_code_shaped
from models.services.importing import (
    FIELD_LABELS,
    REQUIRED_FIELDS,
    CsvTable,
    UnresolvedColumns,
    guess_mapping,
    read_csv,
    unresolved_columns,
)
from models.services.imports import ImportReport

#: Findings listed before "… and N more".
MAX_FINDINGS = 2000
#: The combo's data for "Ignore" (a field's data is its name, "Choose…" has None).
IGNORE = ""

#: The fields' names as the dialog shows them (``FIELD_LABELS``'s English, marked here so
#: they reach this part's catalog; translated with the dialog's context).
_FIELD_TITLES = {
    "first_names": QT_TRANSLATE_NOOP("ImportDialog", "First names"),
    "last_name": QT_TRANSLATE_NOOP("ImportDialog", "Last name"),
    "identity_code": QT_TRANSLATE_NOOP("ImportDialog", "Identity code"),
    "birth_date": QT_TRANSLATE_NOOP("ImportDialog", "Date of birth"),
    "phone": QT_TRANSLATE_NOOP("ImportDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("ImportDialog", "E-mail"),
    "street_address": QT_TRANSLATE_NOOP("ImportDialog", "Street address"),
    "postal_code": QT_TRANSLATE_NOOP("ImportDialog", "Postal code"),
    "city": QT_TRANSLATE_NOOP("ImportDialog", "City"),
    "language": QT_TRANSLATE_NOOP("ImportDialog", "Language"),
    "safe_contact_note": QT_TRANSLATE_NOOP("ImportDialog", "Safe-contact note"),
    "intake_note": QT_TRANSLATE_NOOP("ImportDialog", "Intake note"),
    "opened_on": QT_TRANSLATE_NOOP("ImportDialog", "Opened on"),
}



class ImportDialog(QDialog):
    """Choose a CSV file, check the mapping and the findings, then import."""

    #: Emitted with the ImportReport when an import finished (committed or not).
    imported = Signal(object)
    #: Emitted when a file's rows were checked, with the ImportReport, or with the
    #: KnownError that stopped the check (for tests and the status line).
    checked = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a list of affected people"))
        self._session = session
        self._table: CsvTable | None = None
        #: Reading the file and checking its rows: only the newest result is shown.
        self._file_work = Generation()
        self._running = False
        self.report: ImportReport | None = None

        required = ", ".join(self.field_title(f) for f in REQUIRED_FIELDS)
        optional = ", ".join(self.field_title(field) for field in FIELD_LABELS
                             if field not in REQUIRED_FIELDS)
        self.intro = QLabel(self.tr(
            "Choose a CSV file with a header row and one person a row (from Excel: save as "
            "“CSV UTF-8” or “CSV (semicolon delimited)”). Required columns: {required}. "
            "Optional: {optional}. Finnish, Swedish and English header names are recognised "
            "(for example etunimet, sukunimi, henkilötunnus); choose a field or Ignore for "
            "every other column, so nothing is left out unnoticed: free text such as "
            "additional information can go to the safe-contact note or the intake note, the "
            "date the person was notified or first made contact to Opened on. "
            "Every row is checked before anything is saved, and each becomes a new case."
        ).format(required=required, optional=optional))
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)

        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setReadOnly(True)
        self.path.setAccessibleName(self.tr("File to import"))
        browse = QPushButton(self.tr("Choose file…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)

        self.detected = QLabel(self.tr("No file chosen."))
        self.detected.setObjectName("detected")

        # The file's column index → its combo (columns without a name or a value have none).
        self.columns: dict[int, QComboBox] = {}
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setObjectName("mapping")
        self.mapping_table.setTabKeyNavigation(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setAccessibleName(self.tr("Columns of the file and their fields"))
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Import as")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.setProperty("free_text", True)  # the file's column names
        self.pending = QLabel()
        self.pending.setObjectName("pending")
        self.pending.setWordWrap(True)
        mapping_box = QGroupBox(self.tr("Columns"))
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.addWidget(self.mapping_table, 1)
        mapping_layout.addWidget(self.pending)
        self._fit_mapping()  # the titles show in full before a file is chosen

        self.preview = QTableWidget(0, 0)
        self.preview.setTabKeyNavigation(False)  # one Tab leaves the table
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAccessibleName(self.tr("First rows of the file"))
        corner = self.preview.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:  # Qt's "select all" square above the row numbers
            corner.setAccessibleName(self.tr("Select all rows"))
        # The file's own columns, any text: they scroll sideways (the layout test checks
        # only columns of a fixed form).
        self.preview.setProperty("free_text", True)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setObjectName("findings")
        self.findings.setAccessibleName(self.tr("Refused rows and duplicates"))
        # Three findings in view; the list scrolls (the mapping table needs the room).
        self.findings.setMinimumHeight(4 * self.fontMetrics().height())

        self.import_valid = QRadioButton(self.tr("Import all valid rows (skip the others)"))
        self.import_valid.setObjectName("importValid")
        self.import_valid.setChecked(True)
        self.all_or_nothing = QRadioButton(
            self.tr("Import nothing if any row is refused or a duplicate"))
        self.all_or_nothing.setObjectName("allOrNothing")
        self.breach = QComboBox()
        self.breach.setObjectName("breach")
        self.breach.addItem(self.tr("No breach"), None)
        try:
            for breach in session.services.cases.list_breaches():
                self.breach.addItem(breach.name, breach.id)
        except KnownError:
            pass
        options = QFormLayout()
        options.addRow(self.import_valid)
        options.addRow(self.all_or_nothing)
        options.addRow(self.tr("Link to breach"), self.breach)

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self._close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        top = QHBoxLayout()
        top.addWidget(mapping_box)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Preview")))
        right.addWidget(self.preview, 1)
        top.addLayout(right, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(self.detected)
        layout.addLayout(top, 3)  # the columns to decide on before the findings
        layout.addWidget(self.summary)
        layout.addWidget(self.findings, 1)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        assign_mnemonics(self)
        grow_for_wrapped_text(self)  # the summary and messages wrap
        metrics = self.fontMetrics()
        fit_to_screen(self, max(900, 124 * metrics.averageCharWidth()),
                      max(620, 40 * metrics.height()))

    def field_title(self, field: str) -> str:
        """A field's name in the language in use (an unmarked one as the service names it)."""
        return self.tr(_FIELD_TITLES.get(field, FIELD_LABELS[field]))

    # -- choosing and reading the file ----------------------------------------------------

    def choose_file(self) -> Path | None:
        """Ask for the CSV file (tests replace this)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a list of affected people"), str(Path.home()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"))
        return Path(chosen) if chosen else None

    def _browse(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        """Read ``path`` on a worker, then show what was found."""
        if self._running:
            return
        self.path.setText(str(path))
        self._table = None
        self._clear_file()
        self.import_button.setEnabled(False)
        self.detected.setText(self.tr("Reading the file…"))
        self.summary.clear()
        self.findings.clear()
        self.message.clear()
        (BackgroundOp(self, lambda: read_csv(path), session=self._session,
                      generation=self._file_work)
            .success(self._loaded).failure(self._read_failed).run())

    def _read_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self.detected.setText(self.tr("The file could not be opened."))
        elif isinstance(error, KnownError):
            self.detected.setText(str(error))
        else:  # a bug: the crash dialog tells it
            self.detected.setText(self.tr("The file could not be read."))

    def _clear_file(self) -> None:
        """Nothing of an earlier file stays on screen once another is chosen."""
        self.columns.clear()
        self.mapping_table.setRowCount(0)
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.pending.clear()

    def _loaded(self, table: CsvTable) -> None:
        self._table = table
        delimiter = self.tr("semicolon (;)") if table.delimiter == ";" else self.tr("comma (,)")
        self.detected.setText(
            plural(table.row_count,
                   self.tr("Encoding: {encoding} · Delimiter: {delimiter} · {n} row"),
                   self.tr("Encoding: {encoding} · Delimiter: {delimiter} · {n} rows"),
                   encoding=table.encoding, delimiter=delimiter))
        self._fill_mapping(table)
        self._fill_preview(table)
        self._mapping_changed()

    def _fill_mapping(self, table: CsvTable) -> None:
        guessed = {index: field for field, index in guess_mapping(table.header).items()}
        self.columns.clear()
        self.mapping_table.clearContents()
        # The columns to decide on first, in view without scrolling; then the rest in
        # the file's order.
        shown = sorted((index for index, name in enumerate(table.header)
                        if name or index in table.filled),
                       key=lambda index: (index in guessed, index))
        self.mapping_table.setRowCount(len(shown))
        for row, index in enumerate(shown):
            name = table.column_name(index)
            self.mapping_table.setItem(row, 0, QTableWidgetItem(name))
            combo = QComboBox()
            combo.setObjectName(f"column_{index}")
            combo.setAccessibleName(self.tr("Import the column {name} as").format(name=name))
            combo.addItem(self.tr("Choose…"), None)
            for field in FIELD_LABELS:
                combo.addItem(self.field_title(field), field)
            combo.addItem(self.tr("Ignore"), IGNORE)
            combo.setCurrentIndex(combo.findData(guessed[index]) if index in guessed else 0)
            combo.activated.connect(self._mapping_changed)
            self.columns[index] = combo
            self.mapping_table.setCellWidget(row, 1, combo)
        self._fit_mapping()

    def _fit_mapping(self) -> None:
        """The mapping table as wide as its names and combos: no choice is cut short
        (the preview beside it gives way and scrolls sideways)."""
        table = self.mapping_table
        header = table.horizontalHeader()
        table.resizeColumnToContents(0)
        names = max(table.columnWidth(0), header.sectionSizeHint(0))
        table.setColumnWidth(0, names)
        choices = max([header.sectionSizeHint(1),
                       *(combo.sizeHint().width() for combo in self.columns.values())])
        table.setColumnWidth(1, choices)
        table.resizeRowsToContents()
        table.setMinimumWidth(names + choices + table.verticalScrollBar().sizeHint().width()
                              + 2 * table.frameWidth())

    def _fill_preview(self, table: CsvTable) -> None:
        shown = table.preview
        self.preview.clear()
        self.preview.setColumnCount(len(table.header))
        self.preview.setRowCount(len(shown))
        self.preview.setHorizontalHeaderLabels(
            [table.column_name(index) for index in range(len(table.header))])
        # The rows as the spreadsheet numbers them (the header is row 1).
        self.preview.setVerticalHeaderLabels([str(record.row) for record in shown])
        for row, record in enumerate(shown):
            for column, text in enumerate(record.cells[: len(table.header)]):
                # Identity codes masked, as everywhere unless revealed.
                self.preview.setItem(row, column, QTableWidgetItem(mask_code_shaped(text)))
        self.preview.resizeColumnsToContents()

    # -- the mapping and the check ----------------------------------------------------------

    def mapping(self) -> dict[str, int]:
        """Target field → column index as chosen in the mapping table."""
        chosen: dict[str, int] = {}
        for index, combo in self.columns.items():
            field = combo.currentData()
            if field:
                chosen[field] = index
        return chosen

    def ignored(self) -> set[int]:
        """The indexes of the columns set to "Ignore"."""
        return {index for index, combo in self.columns.items()
                if combo.currentData() == IGNORE}

    def unresolved(self) -> list[str]:
        """The names of the columns neither mapped nor ignored yet."""
        table = self._table
        if table is None:
            return []
        decided = [index for index, combo in self.columns.items()
                   if combo.currentData() is not None]
        return [table.column_name(index)
                for index in unresolved_columns(table, {}, decided)]

    def conflicts(self) -> dict[str, list[str]]:
        """Fields chosen for more than one column → those columns' names."""
        table = self._table
        chosen: dict[str, list[str]] = {}
        if table is not None:
            for index, combo in sorted(self.columns.items()):  # in the file's order
                field = combo.currentData()
                if field:
                    chosen.setdefault(field, []).append(table.column_name(index))
        return {field: names for field, names in chosen.items() if len(names) > 1}

    def ready(self) -> bool:
        """Every column is mapped or ignored, and no field twice."""
        return self._table is not None and not self.unresolved() and not self.conflicts()

    def _mapping_changed(self) -> None:
        if self._table is None:
            return
        notes = []
        unresolved = self.unresolved()
        if unresolved:
            notes.append(self.tr(
                "Choose a field or Ignore for each column before importing: {columns}."
            ).format(columns=", ".join(unresolved)))
        for field, names in self.conflicts().items():
            notes.append(self.tr("{field} is chosen for more than one column: {columns}.")
                         .format(field=self.field_title(field), columns=", ".join(names)))
        self.pending.setText(" ".join(notes))
        self._check()

    def _check(self) -> None:
        table = self._table
        if table is None:
            return
        mapping, ignored = self.mapping(), self.ignored()
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking every row…"))
        service = self._session.services.imports
        (BackgroundOp(self, lambda: service.check(table, mapping, ignored),
                      session=self._session, generation=self._file_work)
            .success(self._checked).failure(self._check_failed).run())

    def _check_failed(self, error: BaseException) -> None:
        self.findings.clear()
        if isinstance(error, UnresolvedColumns):
            # The mapping table's note says it in the dialog's words.
            self.summary.clear()
        elif isinstance(error, KnownError):
            self.summary.setText(str(error))
        else:  # a bug: the crash dialog tells it
            self.summary.setText(self.tr("The rows could not be checked."))
        self.checked.emit(error)

    def _checked(self, report: ImportReport) -> None:
        self.summary.setText(self._summary_text(report))
        self._list_findings(report)
        self.import_button.setEnabled(report.accepted > 0 and not self._running
                                      and self.ready())
        self.checked.emit(report)

    def _summary_text(self, report: ImportReport) -> str:
        return plural(
            report.rows,
            self.tr("{n} row: {ready} ready to import, {refused} refused, "
                    "{duplicates} already known (duplicates)."),
            self.tr("{n} rows: {ready} ready to import, {refused} refused, "
                    "{duplicates} already known (duplicates)."),
            ready=count_text(report.accepted), refused=count_text(len(report.problems)),
            duplicates=count_text(len(report.duplicates)))

    def _list_findings(self, report: ImportReport) -> None:
        findings: list[Any] = sorted([*report.problems, *report.duplicates],
                                     key=lambda found: found.row)
        self.findings.clear()
        self.findings.addItems([str(found) for found in findings[:MAX_FINDINGS]])
        if len(findings) > MAX_FINDINGS:
            self.findings.addItem(
                self.tr("… and {n} more").format(n=len(findings) - MAX_FINDINGS))

    # -- importing -------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import on a worker with the chosen mapping, mode and breach."""
        table = self._table
        if table is None or self._running or not self.ready():
            return
        mapping, ignored = self.mapping(), self.ignored()
        all_or_nothing = self.all_or_nothing.isChecked()
        breach_id = self.breach.currentData()
        service = self._session.services.imports
        self._running = True
        self.import_button.setEnabled(False)
        for combo in self.columns.values():
            combo.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first rows are written
        self.progress.show()
        self.message.setText(self.tr("Importing…"))

        def work(report: Report) -> ImportReport:
            return service.run(table, mapping, ignored, breach_id=breach_id,
                               all_or_nothing=all_or_nothing, progress=report)

        (BackgroundOp.reporting(self, work, session=self._session)
            .progress(self._show_progress).always(self._finish_running)
            .success(self._imported).failure(self._import_failed).run())

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish_running(self) -> None:
        self._running = False
        self.progress.hide()
        for combo in self.columns.values():
            combo.setEnabled(True)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        if report.imported:
            text = self.tr("Imported {n} people as new cases {first} – {last}.").format(
                n=report.imported, first=report.first_reference, last=report.last_reference)
        elif report.accepted and self.all_or_nothing.isChecked():
            text = self.tr("Nothing was imported: some rows were refused or duplicates.")
        else:
            text = self.tr("Nothing was imported.")
        self.message.setText(text)
        self.summary.setText(self._summary_text(report))
        self._list_findings(report)
        # The same file again would only find duplicates now.
        self.import_button.setEnabled(False)
        self.imported.emit(report)

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.message.setText(str(error) if isinstance(error, KnownError)
                             else self.tr("The import failed; nothing was saved."))
        if is_expected(error):  # told twice: beside the button and in the error dialog
            show_error(self, error)

    def _close(self) -> None:
        if not self._running:
            self.accept()

    def reject(self) -> None:
        """Override of QDialog.reject: not while an import is being written."""
        if not self._running:
            super().reject()
