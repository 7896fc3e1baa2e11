"""Form building blocks with inline validation: the reason appears next to the field.

A :class:`Form` is a ``QFormLayout`` of fields; each field validates as the user types
through a function from ``models.validation`` (which raises ``ValidationError``) and shows
the reason under the input. ``Form.valid_changed`` drives the Save button, and
``Form.dirty`` tells whether closing must warn about unsaved changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.errors import ValidationError

DATE_FORMAT = "d.M.yyyy"
DATETIME_FORMAT = "d.M.yyyy HH:mm"
ERROR_STYLE = "color: #b00020;"

Validator = Callable[[Any], Any]


class Field(QObject):
    """One input, its label, its validator and its error line."""

    changed = Signal()

    def __init__(self, name: str, label: str, editor: QWidget,
                 validator: Validator | None = None, required: bool = False) -> None:
        super().__init__(editor)
        self.name = name
        self.label = label
        self.editor = editor
        self.validator = validator
        self.required = required
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.error.setObjectName(f"{name}Error")
        editor.setObjectName(name)
        editor.setAccessibleName(label)
        self._connect()

    def _connect(self) -> None:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            editor.textChanged.connect(self._on_change)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(self._on_change)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self._on_change)
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(self._on_change)
        elif isinstance(editor, QSpinBox):
            editor.valueChanged.connect(self._on_change)
        elif isinstance(editor, QDateTimeEdit):  # QDateEdit derives from it
            editor.dateTimeChanged.connect(self._on_change)

    def _on_change(self, *_args: object) -> None:
        self.validate()
        self.changed.emit()

    def raw(self) -> Any:
        editor = self.editor
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QDateEdit):
            return editor.date().toPython()
        if isinstance(editor, QDateTimeEdit):
            return editor.dateTime().toPython().astimezone(dt.UTC)
        raise TypeError(type(editor).__name__)

    def value(self) -> Any:
        """The value to hand the service: validated/normalised, or None when empty."""
        raw = self.raw()
        if raw in ("", None):
            return None
        return self.validator(raw) if self.validator else raw

    def validate(self) -> str:
        """Show and return the reason the value is refused (empty when it is fine)."""
        reason = ""
        raw = self.raw()
        if raw in ("", None):
            if self.required:
                reason = self.tr("Required.")
        elif self.validator is not None:
            try:
                self.validator(raw)
            except ValidationError as error:
                reason = error.reason[0].upper() + error.reason[1:] + "."
        self.error.setText(reason)
        self.error.setVisible(bool(reason))
        return reason

    def set_value(self, value: Any) -> None:
        editor = self.editor
        blocker = [editor.blockSignals(True)]
        try:
            if isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            elif isinstance(editor, QComboBox):
                index = editor.findData(value)
                editor.setCurrentIndex(max(index, 0))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value or 0))
            elif isinstance(editor, QDateEdit):
                editor.setDate(QDate(value) if value else QDate.currentDate())
            elif isinstance(editor, QDateTimeEdit):
                local = (value or dt.datetime.now(dt.UTC)).astimezone()
                editor.setDateTime(QDateTime(QDate(local.date()), QTime(local.time())))
        finally:
            editor.blockSignals(blocker[0])
        self.validate()


class Form(QWidget):
    """A column of fields with inline errors; tracks validity and unsaved changes."""

    valid_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, Field] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.dirty = False
        self._valid = True

    def add(self, field: Field) -> Field:
        holder = QWidget()
        # The field column's whole width, so a reason under a narrow editor (a date) has
        # room for its line; the editor itself keeps its own width unless it expands.
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        expanding = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding,
                     QSizePolicy.Policy.Ignored)
        if field.editor.sizePolicy().horizontalPolicy() in expanding:
            column.addWidget(field.editor)
        else:
            column.addWidget(field.editor, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(field.error)
        label = QLabel(field.label + (" *" if field.required else ""))
        label.setBuddy(field.editor)
        self.layout_.addRow(label, holder)
        self.fields[field.name] = field
        field.changed.connect(self._on_field_changed)
        self._refresh_validity()
        return field

    def line(self, name: str, label: str, validator: Validator | None = None,
             required: bool = False, placeholder: str = "") -> Field:
        editor = QLineEdit()
        editor.setPlaceholderText(placeholder)
        return self.add(Field(name, label, editor, validator, required))

    def text(self, name: str, label: str, validator: Validator | None = None) -> Field:
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(80)
        return self.add(Field(name, label, editor, validator))

    def choice(self, name: str, label: str, options: list[tuple[str, Any]]) -> Field:
        editor = QComboBox()
        for text, data in options:
            editor.addItem(text, data)
        return self.add(Field(name, label, editor))

    def check(self, name: str, label: str, checked: bool = False) -> Field:
        editor = QCheckBox(label)
        editor.setChecked(checked)
        return self.add(Field(name, "", editor))

    def date(self, name: str, label: str) -> Field:
        editor = QDateEdit(QDate.currentDate())
        editor.setDisplayFormat(DATE_FORMAT)
        editor.setCalendarPopup(True)
        return self.add(Field(name, label, editor))

    def datetime(self, name: str, label: str) -> Field:
        editor = QDateTimeEdit(QDateTime.currentDateTime())
        editor.setDisplayFormat(DATETIME_FORMAT)
        editor.setCalendarPopup(True)
        return self.add(Field(name, label, editor))

    def number(self, name: str, label: str, low: int, high: int, value: int = 0) -> Field:
        editor = QSpinBox()
        editor.setRange(low, high)
        editor.setValue(value)
        return self.add(Field(name, label, editor))

    def values(self) -> dict[str, Any]:
        return {name: field.value() for name, field in self.fields.items()}

    def load(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self.fields:
                self.fields[name].set_value(value)
        self.dirty = False
        self._refresh_validity()

    def is_valid(self) -> bool:
        return all(not field.validate() for field in self.fields.values())

    def _on_field_changed(self) -> None:
        self.dirty = True
        self._refresh_validity()

    def _refresh_validity(self) -> None:
        valid = all(not f.error.text() and not (f.required and f.raw() in ("", None))
                    for f in self.fields.values())
        if valid != self._valid:
            self._valid = valid
            self.valid_changed.emit(valid)

    def focus_first(self) -> None:
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)
