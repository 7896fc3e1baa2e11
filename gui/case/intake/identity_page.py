"""Intake step 1, *Who is calling*: names, identity code (fills the date of birth),
contact details and the safe-contact rules (what we may do without putting the person at risk)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from gui.shared.forms import Field, Form
from gui.shared.labels import language_label
from models.domain import validation as v
from models.domain.base import local_today
from models.domain.dto import VictimDraft
from models.domain.enums import Language
from models.domain.errors import ValidationError
from models.domain.formatting import date_text


def parse_birth_date(text: str) -> dt.date:
    """A date of birth typed as ``d.M.yyyy`` (the Finnish way), not in the future.

    Raises:
        ValidationError: another shape, or a date that does not exist or lies ahead.
    """
    field = QCoreApplication.translate("IdentityPage", "Date of birth")
    value = v.parse_date(text, field=field)
    if value > local_today():
        raise ValidationError(
            field, QCoreApplication.translate("IdentityPage", "cannot be in the future"))
    return value


class IdentityPage(QWizardPage):
    """Step 1: who the person is, how to reach them, and what we must not do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who is calling?"))
        self.setSubTitle(self.tr(
            "Names are required. A valid identity code fills in the date of birth. "
            "Ask before ticking a way of contacting the person."))

        self.identity = Form()
        self.identity.setObjectName("identityForm")
        self.first_names = self.identity.line("firstNames", self.tr("First names"),
                                              lambda t: v.validate_text(
                                                  t, field="First names", max_length=200),
                                              required=True)
        self.last_name = self.identity.line("lastName", self.tr("Last name"),
                                            lambda t: v.validate_text(
                                                t, field="Last name", max_length=200),
                                            required=True)
        self.identity_code = self.identity.line(
            "identityCode", self.tr("Identity code"), v.parse_identity_code,
            placeholder=self.tr("e.g. 131052-308T (optional)"))
        self.birth_date = self.identity.line(
            "birthDate", self.tr("Date of birth"), parse_birth_date,
            placeholder=self.tr("d.M.yyyy (optional)"))
        self.language = self.identity.choice(
            "language", self.tr("Language"),
            [(language_label(lang.value), lang.value) for lang in Language])

        self.contact = Form()
        self.contact.setObjectName("contactForm")
        self.phone = self.contact.line("phone", self.tr("Phone"), v.validate_phone,
                                       placeholder=self.tr("e.g. 040 123 4567"))
        self.email = self.contact.line("email", self.tr("E-mail"), v.validate_email)
        self.street = self.contact.line(
            "streetAddress", self.tr("Street address"),
            lambda t: v.validate_text(t, field="Street address", max_length=200))
        self.postal_code = self.contact.line(
            "postalCode", self.tr("Postal code"),
            lambda t: v.validate_text(t, field="Postal code", max_length=20))
        self.city = self.contact.line("city", self.tr("City"),
                                      lambda t: v.validate_text(t, field="City", max_length=100))

        self._rules_dirty = False
        self.may_leave_voicemail = self._check(
            "mayLeaveVoicemail", self.tr("Leave a &voicemail"), self.tr("May leave voicemail"))
        self.may_send_sms = self._check(
            "maySendSms", self.tr("Send te&xt messages"), self.tr("May send text messages"),
            checked=True)
        self.may_email = self._check("mayEmail", self.tr("Send e-&mail"),
                                     self.tr("May send e-mail"))
        self.may_send_post = self._check("maySendPost", self.tr("Send &post"),
                                         self.tr("May send post"))
        self.rules = Form()
        self.rules.setObjectName("safeContactForm")
        self.safe_note = self.rules.line(
            "safeContactNote", self.tr("Note"),
            lambda t: v.validate_text(t, field="Safe-contact note", max_length=2000),
            placeholder=self.tr("e.g. call only on weekdays after 16"))
        self.consent = self._check(
            "consentGiven", self.tr("Consents to Suoja keeping their data (dated today)"),
            self.tr("Consent to processing"))
        checks = QGridLayout()
        checks.setHorizontalSpacing(24)
        for number, field in enumerate((self.may_leave_voicemail, self.may_send_sms,
                                        self.may_email, self.may_send_post)):
            checks.addWidget(field.editor, number // 2, number % 2)
        checks.setColumnStretch(2, 1)

        identity_box = QGroupBox(self.tr("Identity"))
        QVBoxLayout(identity_box).addWidget(self.identity)
        contact_box = QGroupBox(self.tr("Contact"))
        QVBoxLayout(contact_box).addWidget(self.contact)
        rules_box = QGroupBox(self.tr("Safe contact — we may:"))
        self.rules_summary = QLabel()
        self.rules_summary.setObjectName("safeContactSummary")
        self.rules_summary.setWordWrap(True)
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addLayout(checks)
        rules_layout.addWidget(self.rules_summary)
        rules_layout.addWidget(self.rules)
        rules_layout.addWidget(self.consent.editor)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(identity_box, 0, 0)
        grid.addWidget(contact_box, 0, 1)
        grid.addWidget(rules_box, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Scrolls down, never sideways: the page is as wide as its widest field and label
        # need (long Finnish and Swedish words included).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(content.minimumSizeHint().width() + scroll.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent))
        # QWizard focuses a page's first focusable widget: that must be First names.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        order = [f.editor for form in (self.identity, self.contact) for f in form.fields.values()]
        order += [self.may_leave_voicemail.editor, self.may_send_sms.editor,
                  self.may_email.editor, self.may_send_post.editor, self.safe_note.editor,
                  self.consent.editor]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        for form in (self.identity, self.contact, self.rules):
            for field in form.fields.values():
                field.changed.connect(self.completeChanged)
        self.identity_code.changed.connect(self._code_changed)
        for field in (self.may_leave_voicemail, self.may_send_sms, self.may_email,
                      self.may_send_post):
            field.changed.connect(self._update_rules_summary)
        self._update_rules_summary()

    def _check(self, name: str, text: str, accessible: str, checked: bool = False) -> Field:
        editor = QCheckBox(text)
        editor.setChecked(checked)
        field = Field(name, accessible, editor)
        field.changed.connect(self._rules_changed)
        return field

    def _rules_changed(self) -> None:
        self._rules_dirty = True

    @property
    def dirty(self) -> bool:
        return self.identity.dirty or self.contact.dirty or self.rules.dirty or self._rules_dirty

    def _code_changed(self) -> None:
        # A valid code decides the date of birth; typing a different one would only
        # be refused on saving.
        editor = self.birth_date.editor
        assert isinstance(editor, QLineEdit)
        try:
            parsed = self.identity_code.value()  # None while the field is empty
        except ValidationError:
            parsed = None
        if parsed is None:
            if editor.isReadOnly():
                editor.setReadOnly(False)
                self.birth_date.set_value("")
            return
        self.birth_date.set_value(date_text(parsed.birth_date))
        editor.setReadOnly(True)
        self.completeChanged.emit()

    def refused_contact(self) -> list[str]:
        """The ways of contact that are not allowed, in plain words."""
        return [text for field, text in (
            (self.may_leave_voicemail, self.tr("no voicemail")),
            (self.may_send_sms, self.tr("no text messages")),
            (self.may_email, self.tr("no e-mail")),
            (self.may_send_post, self.tr("no post")),
        ) if not field.raw()]

    def _update_rules_summary(self) -> None:
        refused = self.refused_contact()
        if refused:
            self.rules_summary.setText(
                self.tr("The case will show: {rules}.").format(rules=", ".join(refused)))
        else:
            self.rules_summary.setText(self.tr("Every way of contact is allowed."))

    def draft(self) -> VictimDraft:
        """What was typed, as the service takes it (validated again there)."""
        birth = self.birth_date.raw()
        consent = bool(self.consent.raw())
        return VictimDraft(
            first_names=self.first_names.raw(),
            last_name=self.last_name.raw(),
            identity_code=self.identity_code.value(),  # parsed here, carried to the database
            birth_date=parse_birth_date(birth) if birth else None,
            phone=self.phone.raw() or None,
            email=self.email.raw() or None,
            street_address=self.street.raw(),
            postal_code=self.postal_code.raw(),
            city=self.city.raw(),
            language=Language(self.language.raw()),
            may_leave_voicemail=bool(self.may_leave_voicemail.raw()),
            may_send_sms=bool(self.may_send_sms.raw()),
            may_email=bool(self.may_email.raw()),
            may_send_post=bool(self.may_send_post.raw()),
            safe_contact_note=self.safe_note.raw(),
            consent_given=consent,
            consent_date=local_today() if consent else None,
        )

    def initializePage(self) -> None:  # noqa: N802
        """Override of QWizardPage.initializePage: start in the first field."""
        self.first_names.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def isComplete(self) -> bool:  # noqa: N802
        """Override of QWizardPage.isComplete: names given, no field refused."""
        return all(form.passes() for form in (self.identity, self.contact, self.rules))
