"""The Extortion contacts tab: the messages a victim received, and the selected one
verbatim with its evidence files."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.case import files
from gui.case.sections.attachments import AttachmentModel
from gui.case.sections.base import (
    OVERDUE_COLOUR,
    CaseHost,
    RecordSection,
    detail_label,
    detail_line,
    monospace,
)
from gui.shared.labels import label, yes_no
from gui.shared.record_table import Column, RecordTableModel
from gui.shared.style import readable
from models.domain.dto import AttachmentInfo, ExtortionContactData
from models.domain.formatting import datetime_text, money_text
from models.security.permissions import Operation, allows


def _money_demanded(c: ExtortionContactData) -> str:
    return money_text(c.amount_demanded, c.currency)


def _paid(c: ExtortionContactData) -> str:
    if not c.paid:
        return QCoreApplication.translate("sections", "Not paid")
    if c.amount_paid is None:
        return QCoreApplication.translate("sections", "Paid")
    return QCoreApplication.translate("sections", "Paid {amount}").format(
        amount=money_text(c.amount_paid, c.currency))


class ExtortionContactModel(RecordTableModel):
    """The extortion messages a victim received, oldest first."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Received"),
               lambda c: datetime_text(c.received_at, compact=True)),
        Column(QT_TRANSLATE_NOOP("columns", "Channel"), lambda c: label("channel", c.channel)),
        Column(QT_TRANSLATE_NOOP("columns", "Sender"), lambda c: c.sender, elides=True),
        Column(QT_TRANSLATE_NOOP("columns", "Demanded"), _money_demanded, align_right=True),
        Column(QT_TRANSLATE_NOOP("columns", "Deadline"),
               lambda c: datetime_text(c.deadline_at, compact=True)),
        Column(QT_TRANSLATE_NOOP("columns", "Paid"), _paid),
        Column(QT_TRANSLATE_NOOP("columns", "Police"), lambda c: yes_no(c.handed_to_police)),
    )

    def set_records(self, records: Iterable[Any]) -> None:
        super().set_records(sorted(records, key=lambda c: (c.received_at, c.id)))

    def foreground(self, record: Any, column: int) -> QColor | None:
        if column == 5 and record.paid:
            return readable(OVERDUE_COLOUR)
        return None



class ExtortionContactSection(RecordSection):
    """Extortion contacts: the table, and the selected message verbatim with its evidence."""

    def __init__(self, host: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(host, "extortion_contact", ExtortionContactModel(),
                         edit_operation=Operation.EDIT_EXTORTION, parent=parent)
        self.evidence_model = AttachmentModel(self)
        self.may_attach = allows(host.role, Operation.EDIT_ATTACHMENTS)

        pane = QWidget()
        pane.setObjectName("contactDetail")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.detail_labels: dict[str, QLabel | QLineEdit] = {}
        for key, text in (
            ("received", self.tr("Received")), ("channel", self.tr("Channel")),
            ("sender", self.tr("Sender")), ("demanded", self.tr("Demanded")),
            ("wallet", self.tr("Wallet")), ("deadline", self.tr("Deadline")),
            ("paid", self.tr("Paid")), ("police", self.tr("Handed to police")),
        ):
            # Addresses are long single words: a read-only line scrolls them (and they can
            # be copied whole) instead of widening the window.
            value = (detail_line(f"contact_{key}") if key in ("sender", "wallet")
                     else detail_label(f"contact_{key}"))
            value.setAccessibleName(text)
            if key in ("received", "deadline") and isinstance(value, QLabel):
                value.setWordWrap(False)  # a moment reads on one line
            self.detail_labels[key] = value
            form.addRow(text + ":", value)
        self.detail_labels["wallet"].setFont(monospace())
        self.message = QPlainTextEdit()
        self.message.setObjectName("contactMessage")
        self.message.setAccessibleName(self.tr("Message, verbatim"))
        self.message.setReadOnly(True)
        self.message.setTabChangesFocus(True)
        self.message.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        message_label = QLabel(self.tr("&Message, verbatim:"))
        message_label.setBuddy(self.message)

        self.evidence = QListView()
        self.evidence.setObjectName("contactEvidence")
        self.evidence.setAccessibleName(self.tr("Evidence files of this contact"))
        self.evidence.setModel(self.evidence_model)
        self.evidence.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence.doubleClicked.connect(self._open_evidence)
        self.evidence.activated.connect(self._open_evidence)
        self.evidence.setMaximumHeight(self.fontMetrics().height() * 6)
        evidence_label = QLabel(self.tr("Ev&idence:"))
        evidence_label.setBuddy(self.evidence)
        self.add_evidence_button = QPushButton(self.tr("Add evidence…"))
        self.add_evidence_button.setObjectName("contactAddEvidence")
        self.add_evidence_button.clicked.connect(self.add_evidence)
        self.add_evidence_button.setVisible(self.may_attach)
        self.open_evidence_button = QPushButton(self.tr("Open"))
        self.open_evidence_button.setObjectName("contactOpenEvidence")
        self.open_evidence_button.setAccessibleName(self.tr("Open the selected evidence file"))
        self.open_evidence_button.clicked.connect(self._open_evidence)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(self.open_evidence_button)
        evidence_buttons.addWidget(self.add_evidence_button)
        evidence_buttons.addStretch(1)

        column = QVBoxLayout(pane)
        column.setContentsMargins(8, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(message_label)
        column.addWidget(self.message, 3)
        column.addWidget(evidence_label)
        column.addWidget(self.evidence, 1)
        column.addLayout(evidence_buttons)
        self.pane = pane
        scroll = QScrollArea()  # the pane scrolls rather than making the window taller
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(pane)
        scroll.setAccessibleName(self.tr("The selected extortion contact"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.body_layout.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        em = self.fontMetrics().horizontalAdvance("M")
        # Proportions: the table gets two thirds, enough for its columns at 150 %.
        splitter.setSizes([em * 64, em * 32])
        self.body_layout.addWidget(splitter)
        self.current_changed.connect(self._show_contact)
        self._attachments: tuple[AttachmentInfo, ...] = ()
        self._show_contact(None)

    def show_contacts(self, contacts: Iterable[ExtortionContactData],
                      attachments: Iterable[AttachmentInfo] | None) -> None:
        self._attachments = tuple(attachments or ())
        self.show_records(contacts)
        if self.current_record() is None and self.model.rowCount():
            self.select_row(self.model.rowCount() - 1)  # the latest message
        self._show_contact(self.current_record())

    def empty_text(self) -> str:
        return self.tr("No extortion messages recorded. Add each message the victim received, "
                       "with the text copied exactly as it was written.")

    def _show_contact(self, contact: ExtortionContactData | None) -> None:
        labels = self.detail_labels
        self.pane.setEnabled(contact is not None)
        if contact is None:
            for value in labels.values():
                value.clear()
            self.message.clear()
            self.evidence_model.clear()
            self.open_evidence_button.setEnabled(False)
            self.add_evidence_button.setEnabled(False)
            return
        labels["received"].setText(datetime_text(contact.received_at))
        labels["channel"].setText(label("channel", contact.channel))
        labels["sender"].setText(contact.sender or self.tr("(not known)"))
        labels["demanded"].setText(money_text(contact.amount_demanded, contact.currency)
                                   or self.tr("(no amount)"))
        labels["wallet"].setText(contact.wallet_address or self.tr("(none)"))
        for key in ("sender", "wallet"):
            line = labels[key]
            if isinstance(line, QLineEdit):
                line.setCursorPosition(0)
        labels["deadline"].setText(datetime_text(contact.deadline_at) or self.tr("(none)"))
        labels["paid"].setText(_paid(contact))
        labels["police"].setText(yes_no(contact.handed_to_police))
        self.message.setPlainText(contact.message_text)
        self.evidence_model.set_records(
            a for a in self._attachments if a.extortion_contact_id == contact.id)
        self.open_evidence_button.setEnabled(self.evidence_model.rowCount() > 0)
        self.add_evidence_button.setEnabled(True)

    def add_evidence(self) -> None:
        contact = self.current_record()
        if contact is None:
            return
        paths = files.choose_files(self.window())
        if paths:
            self.host.files.add(paths, extortion_contact_id=contact.id)

    def _open_evidence(self, *_args: object) -> None:
        index = self.evidence.currentIndex()
        row = index.row() if index.isValid() else 0
        attachment = self.evidence_model.record(row)
        if attachment is not None:
            self.host.files.open(attachment)
