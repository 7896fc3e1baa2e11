"""Add and edit dialogs for everything in a case, built on :mod:`gui.shared.forms`.

Every dialog validates as the user types (the reason under the field), keeps Save
(Enter, Ctrl+Enter or Ctrl+S) disabled until the form is valid, asks before throwing away
unsaved changes (Esc, Cancel, the window's close button), and handles a stale edit by
offering to reload the record. Locking the app closes a dialog through ``reject()``,
which never asks; before that, :meth:`RecordDialog.form_draft` tells the main window how
to reopen the dialog with what was typed (:mod:`gui.shared.drafts`), and
:meth:`RecordDialog.restore_draft` puts it back.

The questions and messages go through the module-level functions :func:`confirm_discard`,
:func:`confirm`, :func:`ask_reload`, :func:`report_error` and :func:`run_modal`, so tests
can answer them without a nested event loop (``monkeypatch.setattr(record_dialogs, …)``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.case.sections.base import label, options
from gui.shared import drafts
from gui.shared.drafts import FormDraft
from gui.shared.errors import ask_reload_after_conflict, show_error
from gui.shared.forms import ERROR_STYLE, DateEdit, DateTimeEdit, Field, Form, tab_in_visual_order
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session, SessionLocked
from models.domain import validation as v
from models.domain.base import local_today
from models.domain.dto import (
    CaseDetail,
    CaseDraft,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    ProtectiveActionDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.enums import (
    PROTECTIVE_ACTION_CATALOGUE,
    ActionState,
    CaseStatus,
    Channel,
    ClosureReason,
    Currency,
    Language,
    PoliceReportState,
    Referral,
    RiskLevel,
    Role,
    SessionMode,
)
from models.domain.errors import ConflictError, KnownError, NotFound, ValidationError
from models.domain.formatting import amount_text
from models.security.permissions import Operation, allows
from models.services import Services

# -- the questions (tests replace these) -----------------------------------------------------


def confirm_discard(parent: QWidget) -> bool:
    """Ask whether to throw away unsaved changes. True means discard."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.tr("Discard changes?"),
                      parent.tr("This form has changes that are not saved. Discard them?"),
                      QMessageBox.StandardButton.NoButton, parent)
    discard = box.addButton(parent.tr("&Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(parent.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is discard


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask to go ahead with ``action`` (the button's text). True means go ahead."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is go


def ask_reload(parent: QWidget, error: ConflictError) -> bool:
    """Someone else saved first: offer to reload (True means reload)."""
    return ask_reload_after_conflict(parent, error)


def report_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the user what went wrong, in one sentence (the one error dialog)."""
    show_error(parent, error)


def run_modal(dialog: QDialog) -> bool:
    """Run a dialog to its end; True if it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


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
            self.date_edit.setDate(QDate(value) if value else QDate.currentDate())
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
        return self.datetime_edit.dateTime().toPython().astimezone(dt.UTC)

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
    """An aware datetime as a local QDateTime (now for ``None``), to the minute."""
    local = (value or dt.datetime.now(dt.UTC)).astimezone()
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute))


def form_is_valid(form: Form) -> bool:
    """Whether every field passes, without showing "Required." on untouched fields."""
    return all(not field.error.text() and not (field.required and field.raw() in ("", None))
               for field in form.fields.values())


def _check(form: Form, name: str, text: str) -> Field:
    field = form.check(name, text)
    field.editor.setAccessibleName(text)
    field.label = text
    return field


def _not_future(name: str) -> Callable[[Any], Any]:
    return lambda value: v.validate_not_future(value, field=name)


def _monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font


def _revalidate(field: Field) -> None:
    """Check ``field`` again because a field it depends on changed."""
    field.validate()
    field.changed.emit()


# -- the base dialog ------------------------------------------------------------------------


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
        self.problem.setStyleSheet(ERROR_STYLE)
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
        ready = form_is_valid(self.form) and (self.form.dirty or self.is_new)
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
            if ask_reload(self, error):
                self.reload_record()
            return False
        except ValidationError as error:
            self.show_problem(error)
            return False
        except KnownError as error:
            report_error(self, error)
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
            report_error(self, NotFound("That record no longer exists; it may have been removed."))
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
        if self.form.dirty and not confirm_discard(self):
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
                and not confirm_discard(self)):
            event.ignore()
            return
        super().closeEvent(event)


# -- the dialogs ----------------------------------------------------------------------------


class ExtortionContactDialog(RecordDialog):
    draft_kind = drafts.EXTORTION_CONTACT
    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Add extortion contact")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit extortion contact")

    def build(self) -> None:
        form = self.form
        self.set_intro(self.tr("Copy the message exactly as the victim received it. The wallet "
                               "address is checked as you type, so a mistyped character "
                               "shows at once."))
        received = form.datetime("received_at", self.tr("Received at"))
        received.validator = _not_future("Received at")
        form.choice("channel", self.tr("Channel"), options("channel"))
        form.line("sender", self.tr("Sender"), self._check_sender,
                  placeholder=self.tr("e-mail address, phone number or name"))
        form.choice("currency", self.tr("Currency"), options("currency"))
        form.line("amount_demanded", self.tr("Amount demanded"), self._money("Amount demanded"),
                  placeholder="200,00")
        wallet = form.line("wallet_address", self.tr("Wallet address"),
                           v.validate_bitcoin_address, placeholder="bc1q… / 1… / 3…")
        wallet.editor.setFont(_monospace())
        form.add(OptionalDateTimeField("deadline_at", self.tr("Deadline"),
                                       self.tr("Has a deadline"), self._check_deadline))
        message = form.text("message_text", self.tr("Message, verbatim"))
        message.editor.setMinimumHeight(self.fontMetrics().height() * 8)
        _check(form, "paid", self.tr("The victim paid"))
        form.line("amount_paid", self.tr("Amount paid"), self._money("Amount paid"))
        _check(form, "handed_to_police", self.tr("Handed to the police"))
        self.field("channel").changed.connect(lambda: _revalidate(self.field("sender")))
        self.field("currency").changed.connect(self._currency_changed)
        self.field("received_at").changed.connect(
            lambda: _revalidate(self.field("deadline_at")))
        self.field("paid").changed.connect(self._paid_changed)
        self._paid_changed()

    def _money(self, name: str) -> Callable[[Any], Any]:
        def check(text: Any) -> Any:
            currency = self.form.fields["currency"].raw() if "currency" in self.form.fields \
                else "EUR"
            places = 8 if currency == Currency.BTC.value else 2
            return v.parse_money(text, field=name, decimals=places)
        return check

    def _check_sender(self, text: str) -> str:
        if "channel" in self.form.fields and self.field("channel").raw() == Channel.EMAIL.value:
            return v.validate_email(text, field="Sender")
        return text

    def _check_deadline(self, deadline: dt.datetime) -> dt.datetime:
        received = self.field("received_at").raw() if "received_at" in self.form.fields else None
        if received is not None and deadline < received:
            raise ValidationError("Deadline", "cannot be before the message was received")
        return deadline

    def _currency_changed(self) -> None:
        for name in ("amount_demanded", "amount_paid"):
            if name in self.form.fields:
                _revalidate(self.field(name))

    def _paid_changed(self) -> None:
        paid = bool(self.field("paid").raw())
        amount = self.field("amount_paid")
        amount.editor.setEnabled(paid)
        if not paid and amount.raw():
            amount.editor.clear()  # type: ignore[attr-defined]

    def defaults(self) -> dict[str, Any]:
        return {"channel": Channel.EMAIL.value, "currency": Currency.EUR.value}

    def values_from(self, record: Any) -> dict[str, Any]:
        return {
            "received_at": record.received_at, "channel": record.channel,
            "sender": record.sender, "currency": record.currency,
            "amount_demanded": amount_text(record.amount_demanded, record.currency),
            "wallet_address": record.wallet_address or "",
            "deadline_at": record.deadline_at, "message_text": record.message_text,
            "paid": record.paid,
            "amount_paid": amount_text(record.amount_paid, record.currency),
            "handed_to_police": record.handed_to_police,
        }

    def after_load(self) -> None:
        self._paid_changed()

    def to_draft(self, values: dict[str, Any]) -> ExtortionContactDraft:
        return ExtortionContactDraft(
            received_at=values["received_at"], channel=Channel(values["channel"]),
            sender=values["sender"] or "", amount_demanded=values["amount_demanded"],
            currency=Currency(values["currency"]), wallet_address=values["wallet_address"],
            deadline_at=values["deadline_at"], message_text=values["message_text"] or "",
            paid=bool(values["paid"]),
            amount_paid=values["amount_paid"] if values["paid"] else None,
            handed_to_police=bool(values["handed_to_police"]),
        )

    def submit(self, services: Services, draft: ExtortionContactDraft) -> Any:
        if self.record is None:
            return services.records.add_extortion_contact(self.host.case_id, draft)
        return services.records.update_extortion_contact(
            self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.extortion_contacts


class PoliceReportDialog(RecordDialog):
    draft_kind = drafts.POLICE_REPORT
    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Add police report")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit police report")

    def build(self) -> None:
        self.set_intro(self.tr("Only the number on the victim's copy of the report counts — "
                               "not the online service's confirmation e-mail."))
        number = self.form.line("report_number", self.tr("Report number"),
                                v.validate_police_report_number, required=True,
                                placeholder="5500/R/12345/20")
        number.editor.setFont(_monospace())
        self.form.line("department", self.tr("Police department"),
                       placeholder=self.tr("e.g. Helsinki Police Department"))
        filed = self.form.date("filed_on", self.tr("Filed on"))
        filed.validator = _not_future("Filed on")
        self.form.choice("state", self.tr("State"), options("report_state"))
        _check(self.form, "victim_has_copy", self.tr("The victim has their copy of the report"))

    def defaults(self) -> dict[str, Any]:
        return {"state": PoliceReportState.FILED.value}

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"report_number": record.report_number, "department": record.department,
                "filed_on": record.filed_on, "state": record.state,
                "victim_has_copy": record.victim_has_copy}

    def to_draft(self, values: dict[str, Any]) -> PoliceReportDraft:
        return PoliceReportDraft(
            report_number=values["report_number"], filed_on=values["filed_on"],
            department=values["department"] or "", state=PoliceReportState(values["state"]),
            victim_has_copy=bool(values["victim_has_copy"]))

    def submit(self, services: Services, draft: PoliceReportDraft) -> Any:
        if self.record is None:
            return services.records.add_police_report(self.host.case_id, draft)
        return services.records.update_police_report(self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.police_reports


class SupportSessionDialog(RecordDialog):
    draft_kind = drafts.SUPPORT_SESSION
    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Add support session")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit support session")

    def build(self) -> None:
        form = self.form
        started = form.datetime("started_at", self.tr("Started at"))
        started.validator = _not_future("Session start")
        duration = form.number("duration_minutes", self.tr("Duration"), 0, 1440, 30)
        duration.editor.setSuffix(self.tr(" min"))  # type: ignore[attr-defined]
        duration.editor.setSingleStep(5)  # type: ignore[attr-defined]
        form.choice("mode", self.tr("Mode"), options("mode"))
        form.add(OptionalNumberField("distress_level", self.tr("Distress level (0–10)"), 0, 10,
                                     self.tr("Not assessed")))
        form.line("outcome", self.tr("Outcome"))
        form.choice("referral", self.tr("Referral"), options("referral"))
        planned = form.add(OptionalDateField("next_follow_up_on", self.tr("Next follow-up"),
                                             self.tr("Plan a follow-up on")))
        planned.editor.setToolTip(self.tr(
            "Adds a follow-up to this case's Follow-ups, assigned to you; it shows in "
            "Follow-ups due on that day."))
        task = form.line("follow_up_task", self.tr("Follow-up task"),
                         placeholder=self.tr("e.g. Call back about the police report"))
        planned.box.check.toggled.connect(task.editor.setEnabled)  # type: ignore[attr-defined]
        notes = form.text("notes", self.tr("Confidential notes"))
        notes.editor.setMinimumHeight(self.fontMetrics().height() * 10)

    def defaults(self) -> dict[str, Any]:
        return {"mode": SessionMode.PHONE.value, "referral": Referral.NONE.value,
                "duration_minutes": 30}

    def after_load(self) -> None:
        # Values load without change signals: the task is typed only for a planned date.
        planned = self.form.fields["next_follow_up_on"].raw() is not None
        self.form.fields["follow_up_task"].editor.setEnabled(planned)

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"started_at": record.started_at, "duration_minutes": record.duration_minutes,
                "mode": record.mode, "distress_level": record.distress_level,
                "outcome": record.outcome, "referral": record.referral,
                "next_follow_up_on": record.next_follow_up_on,
                "follow_up_task": record.follow_up_task, "notes": record.notes}

    def to_draft(self, values: dict[str, Any]) -> SupportSessionDraft:
        return SupportSessionDraft(
            started_at=values["started_at"], duration_minutes=values["duration_minutes"] or 0,
            mode=SessionMode(values["mode"]), notes=values["notes"] or "",
            distress_level=values["distress_level"], outcome=values["outcome"] or "",
            referral=Referral(values["referral"]),
            next_follow_up_on=values["next_follow_up_on"],
            follow_up_task=(values["follow_up_task"] or "")
            if values["next_follow_up_on"] is not None else "")

    def submit(self, services: Services, draft: SupportSessionDraft) -> Any:
        if self.record is None:
            return services.records.add_support_session(self.host.case_id, draft)
        return services.records.update_support_session(
            self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.support_sessions


class ProtectiveActionDialog(RecordDialog):
    """One step of the checklist; a step not started yet is recorded when saved."""

    draft_kind = drafts.PROTECTIVE_ACTION

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Record protective action")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Update protective action")

    def __init__(self, host: DialogHost, record: Any | None, parent: QWidget, *,
                 type_code: str, title: str, guidance: str = "") -> None:
        self.type_code = type_code
        self.step_title = title
        self.guidance = guidance
        kind = next((k for k in PROTECTIVE_ACTION_CATALOGUE if k.code == type_code), None)
        self.validity_days = kind.validity_days if kind else None
        super().__init__(host, record, parent)

    def draft_variant(self) -> str:
        return self.type_code

    def build(self) -> None:
        form = self.form
        intro = f"<b>{_escape(self.step_title)}</b>"
        if self.guidance:
            intro += f"<br>{_escape(self.guidance)}"
        self.set_intro(intro)
        form.choice("state", self.tr("State"), options("action_state"))
        form.add(OptionalDateField("state_on", self.tr("Date"), self.tr("Known"),
                                   _not_future("Date")))
        form.add(OptionalDateField("expires_on", self.tr("Expires"), self.tr("Known"),
                                   self._check_expiry))
        if self.validity_days:
            hint = QLabel(self.tr("Left empty, the expiry is set {days} days after the date.")
                          .format(days=self.validity_days))
            hint.setWordWrap(True)
            form.layout_.addRow("", hint)
        note = form.text("note", self.tr("Note"))
        note.editor.setMinimumHeight(self.fontMetrics().height() * 4)
        if self.type_code == "identity_code_change":
            form.choice("grounds", self.tr("Grounds"),
                        [(self.tr("— not given —"), None), *options("grounds")])
            form.text("evidence", self.tr("Evidence"))
            form.choice("decision", self.tr("Decision"),
                        [(self.tr("— none yet —"), None), *options("decision")])
            form.add(OptionalDateField("decision_on", self.tr("Decision date"), self.tr("Known"),
                                       _not_future("Decision date")))
        self.field("state").changed.connect(self._state_changed)
        self.field("state_on").changed.connect(lambda: _revalidate(self.field("expires_on")))

    def _check_expiry(self, expires: dt.date) -> dt.date:
        start = self.field("state_on").raw() if "state_on" in self.form.fields else None
        if start is not None and expires < start:
            raise ValidationError("Expiry date", "cannot be before the date of the step")
        return expires

    def _state_changed(self) -> None:
        # Moving a step along usually happens today; fill the date in if none is given.
        state_on = self.field("state_on")
        if (self.field("state").raw() != ActionState.NOT_STARTED.value
                and state_on.raw() is None):
            state_on.set_value(local_today())
            state_on.changed.emit()

    def defaults(self) -> dict[str, Any]:
        return {"state": ActionState.NOT_STARTED.value}

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"state": record.state, "state_on": record.state_on,
                "expires_on": record.expires_on, "note": record.note,
                "grounds": record.grounds, "evidence": record.evidence,
                "decision": record.decision, "decision_on": record.decision_on}

    def to_draft(self, values: dict[str, Any]) -> ProtectiveActionDraft:
        return ProtectiveActionDraft(
            type_code=self.type_code, state=ActionState(values["state"]),
            state_on=values["state_on"], expires_on=values["expires_on"],
            note=values["note"] or "", grounds=values.get("grounds"),
            evidence=values.get("evidence") or "", decision=values.get("decision"),
            decision_on=values.get("decision_on"))

    def submit(self, services: Services, draft: ProtectiveActionDraft) -> Any:
        if self.record is None:
            return services.records.add_protective_action(self.host.case_id, draft)
        return services.records.update_protective_action(
            self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.protective_actions


class FollowUpDialog(RecordDialog):
    draft_kind = drafts.FOLLOW_UP
    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Plan follow-up")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit follow-up")

    def build(self) -> None:
        self.form.date("due_on", self.tr("Due on"))
        self.form.line("description", self.tr("What to do"), required=True,
                       placeholder=self.tr("e.g. Call back about the police report"))
        people = [(self.tr("Me"), None)]
        try:
            users = self.host.session.services.accounts.list_users()
        except KnownError:
            users = []
        me = self.host.session.actor.user_id
        current = getattr(self.record, "assignee_id", None)
        for user in users:
            if user.id == me:
                continue
            if (user.is_active and user.role in (Role.COUNSELLOR, Role.POLICE_LIAISON,
                                                  Role.SUPERVISOR)) or user.id == current:
                people.append((f"{user.display_name} ({label('role', user.role)})", user.id))
        self.form.choice("assignee_id", self.tr("Assignee"), people)
        if self.record is not None:
            _check(self.form, "done", self.tr("Done"))

    def values_from(self, record: Any) -> dict[str, Any]:
        me = self.host.session.actor.user_id
        return {"due_on": record.due_on, "description": record.description,
                "assignee_id": None if record.assignee_id == me else record.assignee_id,
                "done": record.done}

    def to_draft(self, values: dict[str, Any]) -> FollowUpDraft:
        assignee = values["assignee_id"]
        return FollowUpDraft(
            due_on=values["due_on"], description=values["description"],
            assignee_id=assignee if assignee is not None else self.host.session.actor.user_id,
            done=bool(values.get("done")))

    def submit(self, services: Services, draft: FollowUpDraft) -> Any:
        if self.record is None:
            return services.records.add_follow_up(self.host.case_id, draft)
        return services.records.update_follow_up(self.record.id, self.record.version, draft)

    def section(self, detail: CaseDetail) -> tuple[Any, ...] | None:
        return detail.follow_ups


class VictimDialog(RecordDialog):
    """Personal and contact details, and the safe-contact rules."""

    draft_kind = drafts.VICTIM

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit victim")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit victim")

    def build(self) -> None:
        form = self.form
        victim = self.record
        form.line("first_names", self.tr("First names"), required=True)
        form.line("last_name", self.tr("Last name"), required=True)
        birth = form.add(OptionalDateField("birth_date", self.tr("Date of birth"),
                                           self.tr("Known"), _not_future("Date of birth")))
        if victim is not None and victim.identity_code_masked:
            birth.editor.setEnabled(False)
            birth.editor.setToolTip(self.tr("Comes from the identity code; change the code to "
                                            "change it."))
        form.line("phone", self.tr("Phone"), v.validate_phone, placeholder="040 123 4567")
        form.line("email", self.tr("E-mail"), v.validate_email)
        form.line("street_address", self.tr("Street address"))
        form.line("postal_code", self.tr("Postal code"))
        form.line("city", self.tr("City"))
        form.line("country", self.tr("Country"), _country, placeholder="FI")
        form.choice("language", self.tr("Language"), options("language"))
        heading = QLabel(self.tr("<b>Safe contact</b> — what may we do without putting the "
                                 "victim at risk?"))
        heading.setWordWrap(True)
        form.layout_.addRow(heading)
        _check(form, "may_leave_voicemail", self.tr("May leave voicemail"))
        _check(form, "may_send_sms", self.tr("May send text messages"))
        _check(form, "may_email", self.tr("May send e-mail"))
        _check(form, "may_send_post", self.tr("May send post"))
        form.text("safe_contact_note", self.tr("Safe-contact note"))
        _check(form, "consent_given", self.tr("Consent to processing given"))
        form.add(OptionalDateField("consent_date", self.tr("Consent date"), self.tr("Known"),
                                   _not_future("Consent date")))

    def values_from(self, record: Any) -> dict[str, Any]:
        return {name: getattr(record, name) for name in (
            "first_names", "last_name", "birth_date", "phone", "email", "street_address",
            "postal_code", "city", "country", "language", "may_leave_voicemail",
            "may_send_sms", "may_email", "may_send_post", "safe_contact_note",
            "consent_given", "consent_date")}

    def to_draft(self, values: dict[str, Any]) -> VictimDraft:
        return VictimDraft(
            first_names=values["first_names"], last_name=values["last_name"],
            birth_date=values["birth_date"], phone=values["phone"], email=values["email"],
            street_address=values["street_address"] or "",
            postal_code=values["postal_code"] or "", city=values["city"] or "",
            country=values["country"] or "FI", language=Language(values["language"]),
            may_leave_voicemail=bool(values["may_leave_voicemail"]),
            may_send_sms=bool(values["may_send_sms"]), may_email=bool(values["may_email"]),
            may_send_post=bool(values["may_send_post"]),
            safe_contact_note=values["safe_contact_note"] or "",
            consent_given=bool(values["consent_given"]), consent_date=values["consent_date"])

    def submit(self, services: Services, draft: VictimDraft) -> Any:
        return services.cases.update_victim(self.record.id, self.record.version, draft)

    def find(self, detail: CaseDetail) -> Any | None:
        return detail.victim if detail.victim.id == self.record.id else None


def _country(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise ValidationError("Country", "must be a two-letter country code such as FI")
    return code


class CaseDialog(RecordDialog):
    """Risk level and its reason, the status, and (supervisors) the counsellor."""

    draft_kind = drafts.CASE

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit case")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Edit case")

    def build(self) -> None:
        case = self.record
        form = self.form
        form.choice("risk_level", self.tr("Risk level"), options("risk"))
        reason = form.text("risk_reason", self.tr("Why this risk level"))
        reason.editor.setMinimumHeight(self.fontMetrics().height() * 4)
        statuses = [(label("status", s.value), s.value) for s in CaseStatus
                    if s is not CaseStatus.CLOSED or case.status == CaseStatus.CLOSED.value]
        form.choice("status", self.tr("Status"), statuses)
        self.may_reassign = allows(self.host.session.actor.role, Operation.REASSIGN_CASE)
        if self.may_reassign:
            people: list[tuple[str, int | None]] = [(self.tr("— unassigned —"), None)]
            try:
                users = self.host.session.services.accounts.list_users()
            except KnownError:
                users = []
            for user in users:
                if (user.is_active and user.role == Role.COUNSELLOR) or \
                        user.id == case.assigned_to_id:
                    people.append((user.display_name, user.id))
            form.choice("assigned_to_id", self.tr("Counsellor"), people)
        if case.status == CaseStatus.CLOSED.value:
            self.set_intro(self.tr("This case is closed. Choose another status to reopen it."))

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"risk_level": record.risk_level, "risk_reason": record.risk_reason,
                "status": record.status, "assigned_to_id": record.assigned_to_id}

    def to_draft(self, values: dict[str, Any]) -> tuple[CaseDraft, CaseStatus]:
        case = self.record
        assigned = values["assigned_to_id"] if self.may_reassign else case.assigned_to_id
        draft = CaseDraft(risk_level=RiskLevel(values["risk_level"]),
                          risk_reason=values["risk_reason"] or "", assigned_to_id=assigned,
                          opened_on=case.opened_on)
        return draft, CaseStatus(values["status"])

    def submit(self, services: Services, draft: tuple[CaseDraft, CaseStatus]) -> Any:
        case_draft, status = draft
        result = services.cases.update_case(self.record.id, self.record.version, case_draft)
        if status.value != result.status:
            result = services.cases.set_status(result.id, result.version, status)
        return result

    def find(self, detail: CaseDetail) -> Any | None:
        return detail.case


class IdentityCodeDialog(RecordDialog):
    """A new identity code for the victim; the old one stays in the history."""

    draft_kind = drafts.IDENTITY_CODE

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Change identity code")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Change identity code")

    def build(self) -> None:
        self.set_intro(self.tr("Record a new personal identity code the victim has been "
                               "granted. The previous code is kept in the history."))
        code = self.form.line("identity_code", self.tr("New identity code"),
                              v.parse_identity_code, required=True, placeholder="DDMMYY-NNNC")
        code.editor.setFont(_monospace())
        self.form.line("note", self.tr("Note"),
                       placeholder=self.tr("e.g. DVV decision of 3.5.2024"))

    def values_from(self, record: Any) -> dict[str, Any]:
        return {}

    @property
    def is_new(self) -> bool:
        return True

    def to_draft(self, values: dict[str, Any]) -> tuple[v.IdentityCode, str]:
        return values["identity_code"], values["note"] or ""

    def submit(self, services: Services, draft: tuple[v.IdentityCode, str]) -> Any:
        code, note = draft
        services.cases.change_identity_code(self.record.id, code, note)
        return None

    def find(self, detail: CaseDetail) -> Any | None:
        return detail.victim


class ClosureDialog(RecordDialog):
    """Ask to close the case (counsellors) or close it (supervisors), with a reason."""

    draft_kind = drafts.CLOSURE

    add_title = QT_TRANSLATE_NOOP("RecordDialog", "Close case")
    edit_title = QT_TRANSLATE_NOOP("RecordDialog", "Request closure")

    def __init__(self, host: DialogHost, record: Any, parent: QWidget, *,
                 request: bool) -> None:
        self.request = request
        super().__init__(host, record, parent)
        title = self.tr("Request closure") if request else self.tr("Close case")
        self.setWindowTitle(title + " — " + host.detail.case.reference)

    def draft_variant(self) -> str:
        return "request" if self.request else "close"

    def build(self) -> None:
        self.save_button.setText(self.tr("&Request closure") if self.request
                                 else self.tr("&Close case"))
        self.form.choice("reason", self.tr("Reason"), options("closure"))
        if self.request:
            self.set_intro(self.tr("A supervisor approves closing the case, or returns it to "
                                   "you. The case stays open until then."))
        else:
            self.set_intro(self.tr("The case is closed now. It can be reopened later from "
                                   "Edit case."))

    def values_from(self, record: Any) -> dict[str, Any]:
        return {"reason": ClosureReason.RESOLVED.value}

    @property
    def is_new(self) -> bool:
        return True

    def to_draft(self, values: dict[str, Any]) -> ClosureReason:
        return ClosureReason(values["reason"])

    def submit(self, services: Services, draft: ClosureReason) -> Any:
        if self.request:
            return services.cases.request_closure(self.record.id, self.record.version, draft)
        return services.cases.set_status(self.record.id, self.record.version,
                                         CaseStatus.CLOSED, draft)

    def find(self, detail: CaseDetail) -> Any | None:
        return detail.case


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = [
    "CaseDialog", "ClosureDialog", "ExtortionContactDialog", "FollowUpDialog",
    "IdentityCodeDialog", "OptionalDateField", "OptionalDateTimeField", "OptionalNumberField",
    "PoliceReportDialog", "ProtectiveActionDialog", "RecordDialog",
    "SupportSessionDialog", "VictimDialog", "ask_reload", "confirm", "confirm_discard",
    "form_is_valid", "qdatetime", "report_error", "run_modal",
]
