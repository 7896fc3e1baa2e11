"""The dialog every form of a case is, :class:`RecordDialog`, and the fields that may be
left empty, built on :mod:`gui.shared.forms`.

Every dialog validates as the user types (the reason under the field), keeps Save
(Enter, Ctrl+Enter or Ctrl+S) disabled until the form is valid, asks before throwing away
unsaved changes (Esc, Cancel, the window's close button), and handles a stale edit by
offering to reload the record. Locking the app closes a dialog through ``reject()``,
which never asks; before that, :meth:`RecordDialog.form_draft` tells the main window how
to reopen the dialog with what was typed (:mod:`gui.shared.drafts`), and
:meth:`RecordDialog.restore_draft` puts it back. It asks through
:mod:`gui.shared.questions`, and tells a refusal in the one error dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.shared import drafts, errors, questions
from gui.shared.drafts import FormDraft
from gui.shared.forms import (
    DateEdit,
    DateTimeEdit,
    Field,
    Form,
    error_style,
    tab_in_visual_order,
    today,
)
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session, SessionLocked
from gui.shared.style import monospace_font
from models.domain import validation as v
from models.domain.dto import CaseDetail
from models.domain.errors import ConflictError, KnownError, NotFound, ValidationError
from models.domain.formatting import from_local, local_time
from models.services import Services

# -- fields that may be left empty ------------------------------------------------------------


class _Optional(QWidget):
    """A checkbox that switches an editor on; unchecked means "no value"."""

    def __init__(self, check_text: str, editor: QWidget) -> None:
        super().__init__()
        self.check = QCheckBox(check_text)
        self.inner = editor
        editor.setEnabled(False)
        self.check.toggled.connect(editor.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(editor, 1)
        self.setFocusProxy(self.check)


class OptionalDateField(Field):
    """A date that may be left empty (a checkbox switches the date editor on)."""

    def __init__(self, name: str, label_text: str, check_text: str,
                 validator: Callable[[Any], Any] | None = None) -> None:
        date_edit = DateEdit()
        self.box = _Optional(check_text, date_edit)
        super().__init__(name, label_text, self.box, validator)
        self.box.check.setObjectName(f"{name}Set")
        self.box.check.setAccessibleName(f"{label_text}: {check_text}")
        date_edit.setObjectName(f"{name}Date")
        date_edit.setAccessibleName(label_text)

    @property
    def date_edit(self) -> QDateEdit:
        return self.box.inner  # type: ignore[return-value]

    def _connect(self) -> None:
        self.editor.check.toggled.connect(self._on_change)  # type: ignore[attr-defined]
        self.editor.inner.dateChanged.connect(self._on_change)  # type: ignore[attr-defined]

    def raw(self) -> Any:
        if not self.box.check.isChecked():
            return None
        return self.date_edit.date().toPython()

    def set_value(self, value: Any) -> None:
        for widget in (self.box.check, self.date_edit):
            widget.blockSignals(True)
        try:
            self.box.check.setChecked(value is not None)
            self.date_edit.setEnabled(value is not None)
            self.date_edit.setDate(QDate(value) if value else today())
        finally:
            for widget in (self.box.check, self.date_edit):
                widget.blockSignals(False)
        self.validate()


class OptionalDateTimeField(Field):
    """A local date and time that may be left empty; the value is aware UTC."""

    def __init__(self, name: str, label_text: str, check_text: str,
                 validator: Callable[[Any], Any] | None = None) -> None:
        editor = DateTimeEdit()
        self.box = _Optional(check_text, editor)
        super().__init__(name, label_text, self.box, validator)
        self.box.check.setObjectName(f"{name}Set")
        self.box.check.setAccessibleName(f"{label_text}: {check_text}")
        editor.setObjectName(f"{name}DateTime")
        editor.setAccessibleName(label_text)

    @property
    def datetime_edit(self) -> QDateTimeEdit:
        return self.box.inner  # type: ignore[return-value]

    def _connect(self) -> None:
        self.editor.check.toggled.connect(self._on_change)  # type: ignore[attr-defined]
        self.editor.inner.dateTimeChanged.connect(self._on_change)  # type: ignore[attr-defined]

    def raw(self) -> Any:
        if not self.box.check.isChecked():
            return None
        return from_local(self.datetime_edit.dateTime().toPython())

    def set_value(self, value: Any) -> None:
        for widget in (self.box.check, self.datetime_edit):
            widget.blockSignals(True)
        try:
            self.box.check.setChecked(value is not None)
            self.datetime_edit.setEnabled(value is not None)
            self.datetime_edit.setDateTime(qdatetime(value))
        finally:
            for widget in (self.box.check, self.datetime_edit):
                widget.blockSignals(False)
        self.validate()


class OptionalNumberField(Field):
    """A small whole number that may be "not assessed" (the spin box's lowest value)."""

    def __init__(self, name: str, label_text: str, low: int, high: int, empty_text: str) -> None:
        spin = QSpinBox()
        spin.setRange(low - 1, high)
        spin.setSpecialValueText(empty_text)
        spin.setValue(low - 1)
        super().__init__(name, label_text, spin)

    def raw(self) -> Any:
        spin: QSpinBox = self.editor  # type: ignore[assignment]
        return None if spin.value() == spin.minimum() else spin.value()

    def set_value(self, value: Any) -> None:
        spin: QSpinBox = self.editor  # type: ignore[assignment]
        spin.blockSignals(True)
        spin.setValue(spin.minimum() if value is None else int(value))
        spin.blockSignals(False)
        self.validate()


def qdatetime(value: dt.datetime | None) -> QDateTime:
    """An aware datetime as a QDateTime in Finnish time (now for ``None``), to the minute."""
    local = local_time(value or dt.datetime.now(dt.UTC))
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute))


def check_box(form: Form, name: str, text: str) -> Field:
    """A checkbox field named by its own text (for screen readers too)."""
    field = form.check(name, text)
    field.editor.setAccessibleName(text)
    field.label = text
    return field


def not_future(name: str) -> Callable[[Any], Any]:
    """A validator refusing a date (or time) after today; ``name`` names the field."""
    return lambda value: v.validate_not_future(value, field=name)


def monospace() -> QFont:
    """A fixed-width font (codes, report numbers, wallet addresses)."""
    return monospace_font()


def revalidate(field: Field) -> None:
    """Check ``field`` again because a field it depends on changed."""
    field.validate()
    field.changed.emit()


# -- the dialog ---------------------------------------------------------------------------


class DialogHost(Protocol):
    """What a record dialog needs from the case view."""

    @property
    def session(self) -> Session: ...

    @property
    def case_id(self) -> int: ...

    @property
    def detail(self) -> CaseDetail: ...

    def reload(self) -> CaseDetail | None: ...


class RecordDialog(QDialog):
    """A form in a dialog: Save when valid, ask before discarding, reload on conflict.

    Subclasses implement :meth:`build`, :meth:`values_from`, :meth:`to_draft`,
    :meth:`submit` and :meth:`find`.

    Args:
        host: the case view.
        record: the record to edit, or ``None`` to add one.
        parent: the window the dialog belongs to (the case view).
    """

    #: The saved record (what the service returned).
    saved = Signal(object)

    add_title = ""
    edit_title = ""
    #: This dialog's kind in a :class:`~gui.shared.drafts.FormDraft`.
    draft_kind = ""

    def __init__(self, host: DialogHost, record: Any | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.record = record
        self.setObjectName(type(self).__name__)
        title = self.edit_title if record is not None else self.add_title
        self.setWindowTitle(QCoreApplication.translate("RecordDialog", title)
                            + " — " + host.detail.case.reference)
        self.setSizeGripEnabled(True)

        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = Form()
        self.form.setObjectName("form")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(error_style())
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.button_box = QDialogButtonBox()
        self.save_button = self.button_box.addButton(
            QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.cancel_button = self.button_box.addButton(
            QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.request_cancel)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.save)
        # Enter saves from a one-line field (Save is the default button); in a text box,
        # where Enter starts a new line, Ctrl+Enter does.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.button_box)

        self.build()
        if record is not None:
            self.form.load(self.values_from(record))
        else:
            self.form.load(self.defaults())
        self.after_load()
        for field in self.form.fields.values():
            field.changed.connect(self._on_edit)
        self.form.valid_changed.connect(self._update_save)
        self._update_save()
        tab_in_visual_order(self.button_box)
        assign_mnemonics(self)
        self.form.focus_first()
        self._size_to_contents()

    def _size_to_contents(self) -> None:
        """As big as the form wants, within 85 % of the screen (the form scrolls beyond)."""
        width = max(self.fontMetrics().horizontalAdvance("M") * 58, 560)
        # The minimum size hint counts text boxes at their minimum height (a few lines),
        # which keeps short forms short; the boxes grow when the dialog does.
        height = (self.form.minimumSizeHint().height() + self.button_box.sizeHint().height()
                  + (self.intro.heightForWidth(width) if self.intro.text() else 0) + 56)
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.85))
        self.resize(width, height)

    # -- for subclasses -----------------------------------------------------------------

    def build(self) -> None:
        raise NotImplementedError

    def defaults(self) -> dict[str, Any]:
        return {}

    def after_load(self) -> None:
        """Called after the form was filled (values load without change signals)."""

    def values_from(self, record: Any) -> dict[str, Any]:
        raise NotImplementedError

    def to_draft(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def submit(self, services: Services, draft: Any) -> Any:
        raise NotImplementedError

    def find(self, detail: CaseDetail) -> Any | None:
        """This dialog's record in a freshly loaded case (``None`` if it is gone)."""
        record_id = getattr(self.record, "id", None)
        for record in self.section(detail) or ():
            if record.id == record_id:
                return record
        return None

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return None

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    # -- state --------------------------------------------------------------------------

    @property
    def is_new(self) -> bool:
        return self.record is None

    @property
    def dirty(self) -> bool:
        return self.form.dirty

    def field(self, name: str) -> Field:
        return self.form.fields[name]

    def _on_edit(self) -> None:
        self.problem.hide()
        self._update_save()

    def _update_save(self, *_args: object) -> None:
        ready = self.form.passes() and (self.form.dirty or self.is_new)
        self.save_button.setEnabled(ready)

    # -- over a lock --------------------------------------------------------------------

    def draft_variant(self) -> str:
        """Which form of its kind this is, if the kind has several (see ``FormDraft``)."""
        return ""

    def form_draft(self) -> FormDraft:
        """How to reopen this dialog after the lock, with what was typed (if anything)."""
        return FormDraft(
            kind=self.draft_kind, values=self.form.snapshot() if self.form.dirty else {},
            case_id=self.host.case_id, record_id=getattr(self.record, "id", None),
            version=getattr(self.record, "version", None), variant=self.draft_variant(),
            focus=drafts.focus_name(self))

    def restore_draft(self, draft: FormDraft) -> None:
        """Put back what was typed before the lock, as if typed again."""
        self.form.restore(dict(draft.values))
        self.after_load()  # fields that switch others on load without their signals
        self.problem.hide()
        self._update_save()
        drafts.refocus(self, draft.focus)

    # -- saving -------------------------------------------------------------------------

    def save(self) -> bool:
        """Save if the form is valid. Returns whether the record was saved."""
        if not self.save_button.isEnabled():
            return False
        try:
            draft = self.to_draft(self.form.values())
            result = self.submit(self.host.session.services, draft)
        except SessionLocked:
            return False  # the lock closes this dialog
        except ConflictError as error:
            if questions.ask_reload(self, error):
                self.reload_record()
            return False
        except ValidationError as error:
            self.show_problem(error)
            return False
        except KnownError as error:
            errors.show_error(self, error)
            return False
        self.form.dirty = False
        self.saved.emit(result)
        self.accept()
        return True

    def show_problem(self, error: ValidationError) -> None:
        """A rule the form could not check alone (it spans fields): say it under the form."""
        self.problem.setText(str(error))
        self.problem.show()
        for field in self.form.fields.values():
            if field.label == error.field:
                field.editor.setFocus()
                break

    def reload_record(self) -> None:
        """Load the record again as someone else saved it (the user's edits are dropped)."""
        detail = self.host.reload()
        if detail is None:  # the case itself is gone or closed to us; the view said why
            self.reject()
            return
        fresh = self.find(detail)
        if fresh is None:
            errors.show_error(
                self, NotFound(self.tr("That record no longer exists; it may have been "
                                       "removed.")))
            self.reject()
            return
        self.record = fresh
        self.form.load(self.values_from(fresh))
        self.after_load()
        self.problem.hide()
        self._update_save()

    # -- cancelling ---------------------------------------------------------------------

    def request_cancel(self) -> bool:
        """Cancel, asking first if there are unsaved changes. Returns whether it closed."""
        if self.form.dirty and not questions.confirm_discard(self):
            return False
        self.reject()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Override of QDialog.keyPressEvent: Esc cancels, asking about unsaved changes."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.request_cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Override of QDialog.closeEvent: the title bar's close button asks like Cancel."""
        if (event.spontaneous() and self.isVisible() and self.form.dirty
                and not questions.confirm_discard(self)):
            event.ignore()
            return
        super().closeEvent(event)
