"""Form building blocks with inline validation: the reason appears next to the field.

A :class:`Form` is a ``QFormLayout`` of fields; each field validates as the user types
through a function from ``models.domain.validation`` (which raises ``ValidationError``) and shows
the reason under the input. ``Form.valid_changed`` drives the Save button, and
``Form.dirty`` tells whether closing must warn about unsaved changes.

Date fields are :class:`DateEdit` and :class:`DateTimeEdit`: Tab leaves the field like
any other (Qt's own date editors walk day → month → year → hour → minute with Tab, so
whatever was typed next landed in the time). Inside the field the sections are reached by
typing the separators (``14.6.2024 10:30`` types as it reads) or with Left and Right;
F4 or Alt+Down opens the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QObject,
    QPointF,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.shared.fit import fit_hint
from gui.shared.style import readable_style
from models.domain import i18n
from models.domain.enums import Language
from models.domain.errors import ValidationError
from models.domain.formatting import from_local, local_now, local_time, local_today

DATE_FORMAT = "d.M.yyyy"
#: A date-and-time field's text, as the lists write a moment in each language
#: (``formatting.datetime_text``: ``5.3.2024 klo 9.04``, ``kl. 9.04``, ``09:04``).
DATETIME_FORMATS = {
    Language.FINNISH: "d.M.yyyy 'klo' H.mm",
    Language.SWEDISH: "d.M.yyyy 'kl.' H.mm",
    Language.ENGLISH: "d.M.yyyy HH:mm",
}
#: The colour of error messages on the light palette (:func:`error_style` adapts it).
ERROR_COLOUR = "#b00020"


def error_style() -> str:
    """The style sheet of an error message: its red, readable on the palette in use."""
    return readable_style(ERROR_COLOUR)

Validator = Callable[[Any], Any]

_NO_TAB_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class _FieldKeys:
    """Keyboard behaviour shared by :class:`DateEdit` and :class:`DateTimeEdit`.

    * Tab and Shift+Tab move to the next or previous field, never to the next section.
    * Focus arriving by keyboard selects the first section, so a whole date can be typed.
    * A separator typed right after a section filled itself up (``14`` moves on to the
      month by itself) is swallowed, so ``14.6.2024`` does not skip the month; typed
      earlier (``1.6.2024``) it moves on to the next section, whichever separator it is
      (``1:05`` and ``1.05`` both, whatever the field shows between hour and minute).
    * Typing a new day starts from a month of 31 days in a leap year, because Qt checks
      each section against the others as they are typed: with February showing, ``30``
      would become ``3`` and ``0`` the month. The month and year not typed come back
      when the field is left (or Enter pressed).
    * F4 or Alt+Down opens the calendar popup, as in a drop-down list.
    """

    _advanced = False
    #: The value before a new day was typed, while the month and year are stand-ins.
    _before: QDate | None = None
    _typed: frozenset[QDateTimeEdit.Section] = frozenset()

    def _editor(self) -> QDateTimeEdit:
        return self  # type: ignore[return-value]

    def event(self, event: QEvent) -> bool:
        """Override of QWidget.event: Tab leaves the field (Qt moves between sections)."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & _NO_TAB_MODIFIERS):
            forward = (event.key() == Qt.Key.Key_Tab
                       and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._restore_untyped()
            # QWidget's own implementation: the next widget in the focus chain.
            if QWidget.focusNextPrevChild(self, forward):  # type: ignore[arg-type]
                event.accept()
                return True
        return super().event(event)  # type: ignore[misc]

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Override of QDateTimeEdit.focusInEvent: Shift+Tab also starts at the first section."""
        super().focusInEvent(event)  # type: ignore[misc]
        self._advanced = False
        if event.reason() == Qt.FocusReason.BacktabFocusReason:
            editor = self._editor()
            editor.setSelectedSection(editor.sectionAt(0))

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Override of QDateTimeEdit.focusOutEvent: put back the month and year not typed."""
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._restore_untyped()
        super().focusOutEvent(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Override of QDateTimeEdit.keyPressEvent: separators, new days, the calendar."""
        editor = self._editor()
        key = event.key()
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (key == Qt.Key.Key_F4 and not event.modifiers()) or (key == Qt.Key.Key_Down and alt):
            if editor.calendarPopup() and not editor.isReadOnly():
                self._restore_untyped()
                self._open_calendar()
                event.accept()
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self._restore_untyped()
        text = event.text()
        separator = bool(text) and text.isprintable() and not text.isalnum()
        if separator and self._advanced:
            self._advanced = False
            event.accept()
            return
        index = editor.currentSectionIndex()
        if separator and not editor.isReadOnly() and index < editor.sectionCount() - 1:
            # Any separator moves on, not only the one the field shows there: Qt ignores
            # "1:05" typed where the field reads "klo 1.05", and the 05 made the hour 10.
            self._advanced = False
            editor.setCurrentSectionIndex(index + 1)
            editor.setSelectedSection(editor.currentSection())
            event.accept()
            return
        section = editor.currentSection()
        if text.isdigit() and not editor.isReadOnly():
            if section == QDateTimeEdit.Section.DaySection and self._before is None:
                self._borrow_long_month()
            if self._before is not None:
                self._typed = self._typed | {section}
        before = editor.currentSectionIndex()
        super().keyPressEvent(event)  # type: ignore[misc]
        self._advanced = (bool(text) and text.isalnum()
                          and editor.currentSectionIndex() != before)

    def _borrow_long_month(self) -> None:
        editor = self._editor()
        date = editor.date()
        stand_in = QDate(2000, 1, date.day())  # every day exists; 2000 was a leap year
        if ((date.daysInMonth() == 31 and QDate.isLeapYear(date.year()))
                or not editor.minimumDate() <= stand_in <= editor.maximumDate()
                or (stand_in == editor.minimumDate() and editor.specialValueText())):
            return
        self._before = date
        self._typed = frozenset()
        editor.setDate(stand_in)
        editor.setSelectedSection(QDateTimeEdit.Section.DaySection)

    def _restore_untyped(self) -> None:
        before, self._before = self._before, None
        if before is None:
            return
        editor = self._editor()
        editor.interpretText()  # a section typed half-way ("7:5") counts
        now = editor.date()
        year = now.year() if QDateTimeEdit.Section.YearSection in self._typed else before.year()
        month = (now.month() if QDateTimeEdit.Section.MonthSection in self._typed
                 else before.month())
        day = min(now.day(), QDate(year, month, 1).daysInMonth())
        editor.setDate(QDate(year, month, day))

    def _open_calendar(self) -> None:
        # Qt opens the popup only from a click on the arrow: press it as the mouse would.
        editor = self._editor()
        option = QStyleOptionComboBox()
        option.initFrom(editor)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = editor.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                              QStyle.SubControl.SC_ComboBoxArrow, editor)
        where = QPointF(arrow.center())
        press = QMouseEvent(QEvent.Type.MouseButtonPress, where, editor.mapToGlobal(where),
                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(editor, press)


def today() -> QDate:
    """Today in Finland (not the computer's zone: a date field's "today" matches the lists')."""
    return QDate(local_today())


def now() -> QDateTime:
    """Now as Finnish wall-clock time, to the minute, for a date-and-time field."""
    local = local_now()
    return QDateTime(QDate(local.date()), QTime(local.hour, local.minute))


class DateEdit(_FieldKeys, QDateEdit):
    """A date field (``d.M.yyyy``) that Tab leaves at once; see :class:`_FieldKeys`."""

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(date or today(), parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)


class DateTimeEdit(_FieldKeys, QDateTimeEdit):
    """A date-and-time field (``d.M.yyyy klo H.mm`` in Finnish, ``kl. H.mm`` in Swedish,
    ``HH:mm`` in English) that Tab leaves at once."""

    def __init__(self, value: QDateTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(value or now(), parent)
        self.setDisplayFormat(DATETIME_FORMATS[i18n.current()])
        self.setCalendarPopup(True)


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
        self.error.setStyleSheet(error_style())
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
            return from_local(editor.dateTime().toPython())
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
                editor.setDate(QDate(value) if value else today())
            elif isinstance(editor, QDateTimeEdit):
                local = local_time(value or dt.datetime.now(dt.UTC))
                editor.setDateTime(QDateTime(QDate(local.date()), QTime(local.time())))
        finally:
            editor.blockSignals(blocker[0])
        self.validate()

    def snapshot(self) -> Any:
        """What the editor holds, as :meth:`set_value` takes it back (kept over a lock)."""
        if isinstance(self.editor, QLineEdit):
            return self.editor.text()  # as typed, spaces included
        return self.raw()

    def restore(self, value: Any) -> None:
        """Put a :meth:`snapshot` back as if it had been typed (validated, announced)."""
        self.set_value(value)
        self.changed.emit()


def with_clear_button(edit: QLineEdit) -> None:
    """Give ``edit`` Qt's clear button, named for a screen reader (Qt leaves it unnamed)."""
    edit.setClearButtonEnabled(True)
    action = edit.findChild(QAction, "_q_qlineeditclearaction")
    # Named on its button: changing the action would show the button while the field is
    # still empty.
    for button in edit.findChildren(QToolButton):
        if action is not None and button.defaultAction() is action:
            button.setAccessibleName(QCoreApplication.translate("Form", "Clear"))


def tab_in_visual_order(buttons: QDialogButtonBox) -> None:
    """Let Tab visit a button box's buttons as they are laid out.

    The desktop decides where Cancel goes (left on GNOME, right elsewhere); Tab otherwise
    follows the order the buttons were added in. Call it once the box is in its window:
    moving widgets into another window reorders their Tab chain.
    """
    layout = buttons.layout()
    shown = [layout.itemAt(i).widget() for i in range(layout.count())] if layout else []
    widgets = [w for w in shown if isinstance(w, QAbstractButton)]
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


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
        if field.label:  # a check box is its own label
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
        if placeholder:
            fit_hint(editor)
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
        return self.add(Field(name, label, DateEdit()))

    def datetime(self, name: str, label: str) -> Field:
        return self.add(Field(name, label, DateTimeEdit()))

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

    def snapshot(self) -> dict[str, Any]:
        """Every field as typed (see :meth:`Field.snapshot`)."""
        return {name: field.snapshot() for name, field in self.fields.items()}

    def restore(self, values: dict[str, Any]) -> None:
        """Put a :meth:`snapshot` back, in the form's order, as if typed: the form is dirty."""
        for name, field in self.fields.items():
            if name in values:
                field.restore(values[name])

    def is_valid(self) -> bool:
        return all(not field.validate() for field in self.fields.values())

    def passes(self) -> bool:
        """Whether every field passes, without showing "Required." on untouched fields."""
        return all(not f.error.text() and not (f.required and f.raw() in ("", None))
                   for f in self.fields.values())

    def _on_field_changed(self) -> None:
        self.dirty = True
        self._refresh_validity()

    def _refresh_validity(self) -> None:
        valid = self.passes()
        if valid != self._valid:
            self._valid = valid
            self.valid_changed.emit(valid)

    def focus_first(self) -> None:
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)
