"""The victim's correction history (GDPR art. 16), for a supervisor: when, who, which
detail, before and after, newest first.

The case view's header offers it to supervisors only (the service refuses anyone else).
Opening it is written to the audit log by the service. Identity codes come masked;
"Reveal identity codes" fetches them in full (audited, as the header's reveal is) and
masks them again after :data:`~gui.case.header.REVEAL_SECONDS`. Like every window of a
case, the dialog forgets what it shows when it closes or the app locks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.case.header import REVEAL_SECONDS
from gui.shared.empty_state import show_when_empty
from gui.shared.fit import fit_to_screen, grow_for_wrapped_text
from gui.shared.labels import label
from gui.shared.record_table import Column, RecordTableModel
from models.domain.dto import IDENTITY_CODE_FIELD, CorrectionEntry, CorrectionHistory
from models.domain.formatting import date_text, datetime_text

_CONTEXT = "CorrectionHistoryDialog"

#: Each corrected field's name on screen, as the victim's form calls it.
FIELD_NAMES = {
    "first_names": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "First names"),
    "last_name": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Last name"),
    IDENTITY_CODE_FIELD: QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Identity code"),
    "birth_date": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Date of birth"),
    "phone": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "E-mail"),
    "street_address": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Street address"),
    "postal_code": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Postal code"),
    "city": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "City"),
    "country": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Country"),
    "language": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Language"),
    "may_leave_voicemail": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "May leave voicemail"),
    "may_send_sms": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "May send text messages"),
    "may_email": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "May send e-mail"),
    "may_send_post": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "May send post"),
    "safe_contact_note": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Safe-contact note"),
    "consent_given": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Consent to processing given"),
    "consent_date": QT_TRANSLATE_NOOP("CorrectionHistoryDialog", "Consent date"),
}
_DATES = frozenset({"birth_date", "consent_date"})
_FLAGS = frozenset({"may_leave_voicemail", "may_send_sms", "may_email", "may_send_post",
                    "consent_given"})


def _tr(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP in this dialog's context."""
    return QCoreApplication.translate(_CONTEXT, text)


def field_name(code: str) -> str:
    """A corrected field's name in the language in use (an unknown code as stored)."""
    name = FIELD_NAMES.get(code)
    return _tr(name) if name else code


def value_text(code: str, value: str | None) -> str:
    """A value of the history as the victim's form shows it (on one line)."""
    if value is None or value == "":
        return "—"
    if code in _DATES:
        try:
            return date_text(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if code in _FLAGS:
        return (QCoreApplication.translate("CorrectionHistoryDialog", "Yes") if value == "true"
                else QCoreApplication.translate("CorrectionHistoryDialog", "No"))
    if code == "language":
        return label("language", value)
    return " ".join(value.split())  # a note's lines on one line; the tooltip has it all


class CorrectionTableModel(RecordTableModel):
    """The history's entries, newest first, as the service returned them."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "When"),
               lambda e: datetime_text(e.changed_at, compact=True)),
        Column(QT_TRANSLATE_NOOP("columns", "Changed by"),
               lambda e: e.changed_by or QCoreApplication.translate(
                   "CorrectionHistoryDialog", "not recorded")),
        Column(QT_TRANSLATE_NOOP("columns", "Detail"), lambda e: field_name(e.field)),
        Column(QT_TRANSLATE_NOOP("columns", "Before"),
               lambda e: value_text(e.field, e.previous), elides=True),
        Column(QT_TRANSLATE_NOOP("columns", "After"),
               lambda e: value_text(e.field, e.new), elides=True),
    )

    def record_id(self, record: CorrectionEntry) -> int | None:
        return None  # entries have no id of their own: the list is read-only

    def tooltip(self, record: CorrectionEntry, column: int) -> str | None:
        if column == 1:
            return record.changed_by or QCoreApplication.translate(
                "CorrectionHistoryDialog", "Identity codes changed before Suoja kept this "
                "history do not say who changed them.")
        if column in (3, 4):
            value = record.previous if column == 3 else record.new
            text = value if value and record.field == "safe_contact_note" else (
                value_text(record.field, value))
            if column == 4 and record.note:
                text += "\n" + QCoreApplication.translate(
                    "CorrectionHistoryDialog", "Note: {note}").format(note=record.note)
            return text
        return None


class CorrectionHistoryDialog(QDialog):
    """The correction history of one case's victim.

    Args:
        history: the history as first read (masked identity codes).
        fetch: reads the history again, ``True`` with identity codes in full (audited);
            ``None`` if it could not be read (the reason was shown).
        may_reveal: the role may reveal identity codes.
        parent: the case view.
    """

    def __init__(self, history: CorrectionHistory,
                 fetch: Callable[[bool], CorrectionHistory | None], *, may_reveal: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionHistoryDialog")
        self.setWindowTitle(self.tr("Correction history — {reference}").format(
            reference=history.reference))
        grow_for_wrapped_text(self)
        self._fetch = fetch
        self._masked = history
        self.history = history
        self.intro = QLabel(self.tr(
            "Every change to the victim's personal and contact details: when, by whom, "
            "before and after. Opening this list is written to the audit log."))
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)

        self.model = CorrectionTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("correctionTable")
        self.table.setAccessibleName(self.tr("Corrections"))
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # Before and after share what the others leave; each keeps room for its title.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(max(header.sectionSizeFromContents(c).width()
                                         for c in (3, 4)))
        self.empty = show_when_empty(self.table, lambda: self.tr(
            "Nothing has been corrected: the victim's details are as first recorded."))

        self.countdown = QLabel()
        self.countdown.setObjectName("revealCountdown")
        self.buttons = QDialogButtonBox()
        self.reveal_button = self.buttons.addButton(
            self.tr("Reveal identity &codes"), QDialogButtonBox.ButtonRole.ActionRole)
        self.reveal_button.setObjectName("revealCodes")
        self.reveal_button.setToolTip(self.tr(
            "Shows the full codes for {seconds} seconds. Revealing is written to the audit "
            "log.").format(seconds=REVEAL_SECONDS))
        self.reveal_button.setEnabled(may_reveal)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.reject)
        self.reveal_button.clicked.connect(self._toggle_reveal)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.buttons)

        self._seconds_left = 0
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._show(history)
        width = self.fontMetrics().horizontalAdvance("M") * 80
        fit_to_screen(self, width, self.fontMetrics().height() * 28)

    @property
    def revealed(self) -> bool:
        return self.history.identity_codes_revealed

    def _show(self, history: CorrectionHistory) -> None:
        self.history = history
        self.model.set_records(history.entries)
        self.empty.update()
        self._fit_columns()
        has_codes = any(e.field == IDENTITY_CODE_FIELD for e in history.entries)
        self.reveal_button.setVisible(has_codes)
        self.reveal_button.setText(self.tr("Hide identity &codes") if history.
                                   identity_codes_revealed else self.tr("Reveal identity &codes"))
        self.countdown.setVisible(history.identity_codes_revealed)
        if not history.identity_codes_revealed:
            self._ticker.stop()
            self.countdown.clear()

    def _fit_columns(self) -> None:
        """When, who and which detail as wide as their contents, a long name within a
        limit (elided, its tooltip whole); before and after take the rest."""
        header = self.table.horizontalHeader()
        limit = self.fontMetrics().horizontalAdvance("M") * 16
        for column in range(3):
            self.table.resizeColumnToContents(column)
            width = header.sectionSize(column) + 8
            header.resizeSection(column, min(width, limit) if column == 1 else width)

    def reveal_codes(self) -> bool:
        """Show the identity codes in full for :data:`REVEAL_SECONDS` (audited)."""
        history = self._fetch(True)
        if history is None:
            return False
        self._show(history)
        self._seconds_left = REVEAL_SECONDS
        self._tick(advance=False)
        self._ticker.start()
        return True

    def hide_codes(self) -> None:
        self._show(self._masked)

    def _toggle_reveal(self) -> None:
        if self.revealed:
            self.hide_codes()
        else:
            self.reveal_codes()

    def _tick(self, advance: bool = True) -> None:
        if advance:
            self._seconds_left = max(self._seconds_left - 1, 0)
            if self._seconds_left == 0:
                self.hide_codes()
                return
        self.countdown.setText(self.tr("Identity codes hidden again in {seconds} s").format(
            seconds=self._seconds_left))

    def done(self, result: int) -> None:
        """Override of QDialog.done: forget what was shown (closing, or the app locking)."""
        self._ticker.stop()
        self.model.clear()
        self.countdown.clear()
        super().done(result)


__all__ = ["CorrectionHistoryDialog", "CorrectionTableModel", "field_name", "value_text"]
