"""The Attachments tab: the case's evidence files, added by file dialog or by dropping
them on the tab, opened with the desktop's program, each with its SHA-256."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from gui.case import files
from gui.case.sections.base import CaseHost, RecordSection, detail_label, monospace
from gui.shared.record_table import Column, RecordTableModel
from gui.shared.style import MUTED_COLOUR, readable_style
from models.domain.dto import AttachmentInfo
from models.domain.formatting import datetime_text, size_text
from models.security.permissions import Operation


class AttachmentModel(RecordTableModel):
    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "File name"), lambda a: a.filename),
        Column(QT_TRANSLATE_NOOP("columns", "Type"), lambda a: a.media_type),
        Column(QT_TRANSLATE_NOOP("columns", "Size"), lambda a: size_text(a.size_bytes),
               align_right=True),
        Column(QT_TRANSLATE_NOOP("columns", "Added"), lambda a: datetime_text(a.added_at)),
        Column(QT_TRANSLATE_NOOP("columns", "SHA-256"), lambda a: a.sha256),
    )

    def tooltip(self, record: Any, column: int) -> str | None:
        return f"SHA-256 {record.sha256}" if column == 4 else None



def local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries (nothing for text, links or remote URLs)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class AttachmentSection(RecordSection):
    """Evidence files: add by file dialog or by dropping files on the tab; open; SHA-256."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "attachment", AttachmentModel(),
                         edit_operation=Operation.EDIT_ATTACHMENTS, parent=parent)
        self.may_attach = self.may_edit
        self.edit_button.hide()  # a stored file is evidence: it is not edited
        self.add_button.setText(self.tr("&Add files…"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("attachmentOpen")
        self.open_button.setAccessibleName(self.tr("Open the selected file"))
        self.open_button.clicked.connect(self.open_current)
        self.buttons.insertWidget(0, self.open_button)
        self.table.doubleClicked.disconnect(self._edit_current)
        self.table.activated.disconnect(self._edit_current)
        self.table.doubleClicked.connect(self.open_current)
        self.table.activated.connect(self.open_current)
        self.hash_label = detail_label("attachmentHash")
        self.hash_label.setFont(monospace())
        self.hash_label.setAccessibleName(self.tr("SHA-256 of the selected file"))
        self.hint = QLabel(self.tr("Drop files here to add them as evidence."))
        self.hint.setStyleSheet(readable_style(MUTED_COLOUR))
        self.hint.setVisible(self.may_attach)
        self.body_layout.addWidget(self.hash_label)
        self.body_layout.addWidget(self.hint)
        self.setAcceptDrops(self.may_attach)
        self.current_changed.connect(self._show_hash)
        self._update_buttons()

    def empty_text(self) -> str:
        return self.tr("No evidence files yet.")

    def add_record(self) -> QWidget | None:
        """Ask for files and add them (the file dialog stands in for a record dialog)."""
        if not self.may_attach:
            return None
        paths = files.choose_files(self.window())
        if paths:
            self.host.files.add(paths)
        return None

    def open_current(self, *_args: object) -> None:
        record = self.current_record()
        if record is not None:
            self.host.files.open(record)

    def _show_hash(self, record: AttachmentInfo | None) -> None:
        self.hash_label.setText(
            "" if record is None else self.tr("SHA-256: {digest}").format(digest=record.sha256))

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "open_button"):
            self.open_button.setEnabled(self.current_record() is not None)

    # -- Qt overrides -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Override of QWidget.dragEnterEvent: accept local files."""
        if self.may_attach and local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        """Override of QWidget.dragMoveEvent: keep accepting local files."""
        if self.may_attach and local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Override of QWidget.dropEvent: add the dropped files as evidence."""
        paths = local_files(event) if self.may_attach else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.host.files.add(paths)
