"""Intake of a new victim: a guided flow a practised counsellor finishes in two minutes.

1. *Who is calling* — names, identity code (fills the date of birth), contact details and
   the safe-contact rules (what we may do without putting the person at risk).
2. *Existing victims* — the same identity code (also an earlier one), the same name and
   date of birth, or the same phone: offer to open that case instead of a second one.
3. *Risk* — risk level and why, the breaches the person was hit by.
4. *First follow-up* — when to call back (tomorrow unless changed) and what for.

*Create case* saves the victim and case (``CaseService.create_intake``) and the follow-up
(``RecordService.add_follow_up``). Everything works from the keyboard: Tab moves through
the fields in reading order, Enter goes to the next step, Ctrl+S creates the case on the
last step, Esc cancels (asking first if something was typed). If the app locks meanwhile,
:meth:`IntakeWizard.form_draft` keeps what was typed and :meth:`IntakeWizard.restore_draft`
carries on from the same step after unlocking (:mod:`gui.shared.drafts`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from gui.shared import drafts
from gui.shared.drafts import FormDraft
from gui.shared.errors import show_error
from gui.shared.fit import fit_to_screen
from gui.shared.forms import Field, Form
from gui.shared.labels import language_label, risk_label, status_label
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from gui.shared.style import icon, risk_icon
from models.domain import validation as v
from models.domain.base import local_today
from models.domain.dto import CaseDraft, CaseRow, FollowUpDraft, VictimDraft
from models.domain.enums import Language, RiskLevel, Role
from models.domain.errors import KnownError, ValidationError
from models.domain.formatting import date_text
from models.security.permissions import Operation, allows

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
URGENT = (RiskLevel.ACUTE.value, RiskLevel.HIGH.value)
_ASSIGN_UNASSIGNED = -1


def parse_birth_date(text: str) -> dt.date:
    """A date of birth typed as ``d.M.yyyy`` (the Finnish way), not in the future.

    Raises:
        ValidationError: another shape, or a date that does not exist or lies ahead.
    """
    value = v.parse_date(text, field="Date of birth")
    if value > local_today():
        raise ValidationError("Date of birth", "cannot be in the future")
    return value


def form_ok(form: Form) -> bool:
    """Whether every field of ``form`` passes, without showing "Required." on untouched ones."""
    return all(
        not field.error.text() and not (field.required and field.raw() in ("", None))
        for field in form.fields.values()
    )


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
        return all(form_ok(form) for form in (self.identity, self.contact, self.rules))


class DuplicatePage(QWizardPage):
    """Step 2: is this person already a victim in Suoja?"""

    def __init__(self, session: Session, identity: IdentityPage,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._identity = identity
        self._matches: list[CaseRow] = []
        self.setTitle(self.tr("Is this person already in Suoja?"))
        self.setSubTitle(self.tr(
            "Checked by identity code (also earlier ones), by name and date of birth, "
            "and by phone number."))

        self.notice = QFrame()
        self.notice.setObjectName("noDuplicateNotice")
        self.notice_text = QLabel()
        self.notice_text.setObjectName("duplicateText")
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextFormat(Qt.TextFormat.PlainText)
        notice_layout = QVBoxLayout(self.notice)
        notice_layout.setContentsMargins(12, 10, 12, 10)
        notice_layout.addWidget(self.notice_text)

        self.matches = QTreeWidget()
        self.matches.setObjectName("duplicates")
        self.matches.setAccessibleName(self.tr("Existing victims who may be this person"))
        self.matches.setRootIsDecorated(False)
        self.matches.setUniformRowHeights(True)
        self.matches.setAlternatingRowColors(True)
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.setHeaderLabels([
            self.tr("Case"), self.tr("Victim"), self.tr("Identity code"), self.tr("Status"),
            self.tr("Counsellor"),
        ])
        header = self.matches.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matches.activated.connect(lambda _index: self.open_selected())

        self.open_button = QPushButton(icon("open-case"), self.tr("&Open the existing case"))
        self.open_button.setObjectName("openExisting")
        self.open_button.setAutoDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        self.different = QCheckBox(
            self.tr("This is a &different person — create a new case anyway"))
        self.different.setObjectName("differentPerson")
        self.different.toggled.connect(self.completeChanged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.different)
        buttons.addStretch(1)

        self.matches.setMaximumHeight(10 * (self.fontMetrics().height() + 6))
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.matches)
        layout.addLayout(buttons)
        layout.addStretch(1)

    @property
    def found(self) -> list[CaseRow]:
        return list(self._matches)

    def initializePage(self) -> None:  # noqa: N802
        """Override of QWizardPage.initializePage: look for the person."""
        self.different.setChecked(False)
        self.matches.clear()
        try:
            self._matches = self._session.services.case_list.find_duplicates(self._identity.draft())
        except KnownError as error:
            self._matches = []
            show_error(self, error)
        found = bool(self._matches)
        self.notice.setObjectName("duplicateNotice" if found else "noDuplicateNotice")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        if found:
            if len(self._matches) == 1:
                text = self.tr("An existing victim may be this person.")
            else:
                text = self.tr("{count} existing victims may be this person.").format(
                    count=len(self._matches))
            self.notice_text.setText(text + " " + self.tr(
                "If it is the same person, open their case instead of creating a second one "
                "(Enter opens the selected one)."))
        else:
            self.notice_text.setText(self.tr(
                "No existing victim has this identity code, this name and date of birth, "
                "or this phone number. Press Enter to continue."))
        for row in self._matches:
            item = QTreeWidgetItem([
                row.reference, row.victim_name, row.identity_code_masked or "",
                status_label(row.status), row.counsellor or self.tr("unassigned"),
            ])
            item.setData(0, CASE_ID_ROLE, row.case_id)
            self.matches.addTopLevelItem(item)
        self.matches.setVisible(found)
        self.open_button.setVisible(found)
        self.different.setVisible(found)
        if found:
            self.matches.setCurrentItem(self.matches.topLevelItem(0))
        self.completeChanged.emit()
        # After QWizard has moved the focus itself: the list (Enter opens the existing
        # case) or, with no match, the Next button (Enter goes on).
        QTimer.singleShot(0, self, self._focus)

    def _focus(self) -> None:
        wizard = self.wizard()
        if self._matches:
            self.matches.setFocus(Qt.FocusReason.OtherFocusReason)
        elif wizard is not None:
            wizard.button(QWizard.WizardButton.NextButton).setFocus(
                Qt.FocusReason.OtherFocusReason)

    def isComplete(self) -> bool:  # noqa: N802
        """Override of QWizardPage.isComplete: a match must be set aside explicitly."""
        return not self._matches or self.different.isChecked()

    def open_selected(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        wizard = self.wizard()
        if isinstance(wizard, IntakeWizard):
            wizard.open_existing_case(int(item.data(0, CASE_ID_ROLE)))


class RiskPage(QWizardPage):
    """Step 3: how urgent, why, which breaches, and (supervisors) who takes the case."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setTitle(self.tr("Risk assessment"))
        self.setSubTitle(self.tr(
            "Acute: in danger now or thinking of self-harm. High: distressed, threatened "
            "or a deadline today. A reason is required for acute and high."))

        self.form = Form()
        self.form.setObjectName("riskForm")
        self.risk = self.form.choice("riskLevel", self.tr("Risk level"), [])
        combo = self.risk.editor
        assert isinstance(combo, QComboBox)
        for level in RiskLevel:
            combo.addItem(risk_icon(level.value), risk_label(level.value), level.value)
        combo.setCurrentIndex(combo.findData(RiskLevel.MEDIUM.value))
        self.reason = self.form.line(
            "riskReason", self.tr("Reason"),
            lambda t: v.validate_text(t, field="Reason", max_length=2000),
            placeholder=self.tr("e.g. received a second demand with a 24-hour deadline"))
        self.assignee: Field | None = None
        actor = session.actor
        if allows(actor.role, Operation.REASSIGN_CASE):
            self.assignee = self.form.choice("assignee", self.tr("Counsellor"), [])
        self.risk.changed.connect(self._risk_changed)
        for field in self.form.fields.values():
            field.changed.connect(self.completeChanged)

        self.breaches = QListView()
        self.breaches.setObjectName("breaches")
        self.breach_model = QStandardItemModel(self.breaches)
        self.breaches.setModel(self.breach_model)
        self.breaches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.breaches.setAccessibleName(self.tr("Breaches this person was hit by"))
        breach_label = QLabel(self.tr("Breaches this person was hit by (Space ticks):"))
        breach_label.setBuddy(self.breaches)

        self.breaches.setMaximumHeight(8 * (self.fontMetrics().height() + 6))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addSpacing(6)
        layout.addWidget(breach_label)
        layout.addWidget(self.breaches)
        layout.addStretch(1)
        QWidget.setTabOrder(self.risk.editor, self.reason.editor)
        QWidget.setTabOrder(self.reason.editor,
                            self.assignee.editor if self.assignee else self.breaches)
        if self.assignee:
            QWidget.setTabOrder(self.assignee.editor, self.breaches)
        self._filled = False

    def initializePage(self) -> None:  # noqa: N802
        """Override of QWizardPage.initializePage: fill the lists once, focus the level."""
        if not self._filled:
            self._filled = True
            services = self._session.services
            try:
                for breach in services.cases.list_breaches():
                    item = QStandardItem(breach.name)
                    item.setData(breach.id, Qt.ItemDataRole.UserRole)
                    item.setEditable(False)
                    item.setCheckable(True)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    self.breach_model.appendRow(item)
                if self.breach_model.rowCount():
                    self.breaches.setCurrentIndex(self.breach_model.index(0, 0))
                if self.assignee is not None:
                    self._fill_assignees([
                        u for u in services.accounts.list_users()
                        if u.is_active and u.role in (Role.COUNSELLOR.value,
                                                      Role.SUPERVISOR.value)
                    ])
            except KnownError as error:
                show_error(self, error)
        self.risk.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_assignees(self, users: list) -> None:  # type: ignore[type-arg]
        assert self.assignee is not None
        combo = self.assignee.editor
        assert isinstance(combo, QComboBox)
        actor = self._session.actor
        combo.addItem(self.tr("Me ({name})").format(name=actor.display_name), actor.user_id)
        combo.addItem(self.tr("Unassigned"), _ASSIGN_UNASSIGNED)
        for user in sorted(users, key=lambda u: u.display_name.casefold()):
            if user.id != actor.user_id:
                combo.addItem(user.display_name, user.id)

    def _risk_changed(self) -> None:
        urgent = self.risk.raw() in URGENT
        self.reason.required = urgent
        self.reason.validate()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        """Override of QWizardPage.isComplete: a reason for acute and high risk."""
        return form_ok(self.form)

    def draft(self) -> CaseDraft:
        items = [self.breach_model.item(row) for row in range(self.breach_model.rowCount())]
        breach_ids = tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )
        assigned: int | None = None
        if self.assignee is not None:
            chosen = self.assignee.raw()
            assigned = None if chosen in (None, _ASSIGN_UNASSIGNED) else int(chosen)
        return CaseDraft(
            risk_level=RiskLevel(self.risk.raw()),
            risk_reason=self.reason.raw(),
            assigned_to_id=assigned,
            breach_ids=breach_ids,
        )


def _not_past(value: dt.date) -> dt.date:
    if value < local_today():
        raise ValidationError("Due date", "cannot be in the past")
    return value


class FollowUpPage(QWizardPage):
    """Step 4: when to call back, and what for. *Create case* saves everything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First follow-up"))
        self.setSubTitle(self.tr(
            "When should someone get back to this person? It appears in Follow-ups due "
            "on that day."))
        self.form = Form()
        self.form.setObjectName("followUpForm")
        self.due = self.form.date("dueOn", self.tr("Due"))
        self.due.validator = _not_past
        editor = self.due.editor
        assert isinstance(editor, QDateEdit)
        editor.setDate(QDate.currentDate().addDays(1))
        self.description = self.form.line(
            "followUpDescription", self.tr("What for"),
            lambda t: v.validate_text(t, field="Description", max_length=500), required=True)
        self.description.set_value(self.tr("Call back: how are they doing, next steps"))
        self.form.dirty = False
        for field in self.form.fields.values():
            field.changed.connect(self.completeChanged)
        self.summary = QLabel()
        self.summary.setObjectName("intakeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addSpacing(12)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        QWidget.setTabOrder(self.due.editor, self.description.editor)

    def initializePage(self) -> None:  # noqa: N802
        """Override of QWizardPage.initializePage: say what will be saved."""
        wizard = self.wizard()
        if isinstance(wizard, IntakeWizard):
            self.summary.setText(wizard.summary())
        self.due.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def isComplete(self) -> bool:  # noqa: N802
        """Override of QWizardPage.isComplete: a due date from today on and a description."""
        return form_ok(self.form)

    def draft(self) -> FollowUpDraft:
        return FollowUpDraft(due_on=self.due.raw(), description=self.description.raw())

    def validatePage(self) -> bool:  # noqa: N802
        """Override of QWizardPage.validatePage: save the case and the follow-up."""
        wizard = self.wizard()
        return isinstance(wizard, IntakeWizard) and wizard.create()


class IntakeWizard(QWizard):
    """The intake flow. Owned by the main window (it closes with the idle lock).

    Signals:
        case_created(int, str): the new case's id and reference, after saving.
        open_existing(int): the person is already a victim; open this case instead.
    """

    case_created = Signal(int, str)
    open_existing = Signal(int)

    IDENTITY, DUPLICATES, RISK, FOLLOW_UP = range(4)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeWizard")
        self._session = session
        self._quiet = False
        self.created: tuple[int, str] | None = None
        self.setWindowTitle(self.tr("New intake — Suoja"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next  ›"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("‹  &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create case"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

        self.identity_page = IdentityPage()
        self.duplicate_page = DuplicatePage(session, self.identity_page)
        self.risk_page = RiskPage(session)
        self.follow_up_page = FollowUpPage()
        self.setPage(self.IDENTITY, self.identity_page)
        self.setPage(self.DUPLICATES, self.duplicate_page)
        self.setPage(self.RISK, self.risk_page)
        self.setPage(self.FOLLOW_UP, self.follow_up_page)
        # Each step is shown with the wizard's buttons (‹ Back, Next ›, Create case).
        buttons = [self.button(button) for button in (
            QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)]
        for page in (self.identity_page, self.duplicate_page, self.risk_page,
                     self.follow_up_page):
            assign_mnemonics(page, also=buttons)

        self.steps = QLabel()
        self.steps.setObjectName("intakeSteps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.setMargin(8)
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(self._show_steps)
        self._show_steps(self.IDENTITY)
        bold = QFont(self.font())
        bold.setBold(True)
        self.steps.setFixedWidth(
            max(QFontMetrics(bold).horizontalAdvance(f"✓ 4. {name}") for name in self._step_names())
            + 3 * self.fontMetrics().averageCharWidth())

        self._save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self,
                                        activated=self._save_or_next)
        metrics = self.fontMetrics()
        fit_to_screen(self, max(900, 100 * metrics.averageCharWidth()),
                      max(640, 34 * metrics.height()))

    def _step_names(self) -> list[str]:
        return [self.tr("Who is calling"), self.tr("Existing victims"), self.tr("Risk"),
                self.tr("First follow-up")]

    def _show_steps(self, current: int) -> None:
        lines = []
        for number, name in enumerate(self._step_names()):
            text = f"{number + 1}. {name}"
            if number == current:
                lines.append(f"<p style='margin:6px 0'><b>{text}</b></p>")
            elif number < current:
                lines.append(f"<p style='margin:6px 0'>✓ {text}</p>")
            else:
                lines.append(f"<p style='margin:6px 0; color:#6b7c89'>{text}</p>")
        self.steps.setText("".join(lines))

    def _save_or_next(self) -> None:
        if self.currentId() == self.FOLLOW_UP:
            finish = self.button(QWizard.WizardButton.FinishButton)
            if finish.isEnabled():
                finish.click()
        elif self.button(QWizard.WizardButton.NextButton).isEnabled():
            self.next()

    def summary(self) -> str:
        victim = self.identity_page.draft()
        case = self.risk_page.draft()
        text = self.tr(
            "Create case (Enter or Ctrl+S) saves {name}, risk level {risk}, and this "
            "follow-up. The case opens afterwards.").format(
                name=f"{victim.first_names} {victim.last_name}",
                risk=risk_label(case.risk_level.value).lower())
        rules = self.identity_page.refused_contact()
        if rules:
            text += "\n\n" + self.tr("When following up: {rules}.").format(
                rules=", ".join(rules))
        return text

    def create(self) -> bool:
        """Save the victim, the case and the first follow-up; True if the case exists."""
        if self.created is not None:
            return True
        services = self._session.services
        try:
            case = services.cases.create_intake(self.identity_page.draft(),
                                                self.risk_page.draft())
        except KnownError as error:
            show_error(self, error, self.tr("The case was not created"))
            return False
        self.created = (case.id, case.reference)
        try:
            services.records.add_follow_up(case.id, self.follow_up_page.draft())
        except KnownError as error:
            # The case exists: going on (not retrying) avoids a second case.
            show_error(self, error, self.tr(
                "Case {reference} was created, but not its follow-up").format(
                    reference=case.reference))
        return True

    def open_existing_case(self, case_id: int) -> None:
        """Leave the intake and open the person's existing case instead."""
        self._quiet = True
        self.reject()
        self.open_existing.emit(case_id)

    def _is_locking(self) -> bool:
        return bool(getattr(self.parentWidget(), "is_locking", False))

    # -- over a lock ---------------------------------------------------------------------

    def _contact_rules(self) -> dict[str, Field]:
        page = self.identity_page
        return {"mayLeaveVoicemail": page.may_leave_voicemail, "maySendSms": page.may_send_sms,
                "mayEmail": page.may_email, "maySendPost": page.may_send_post,
                "consentGiven": page.consent}

    def form_draft(self) -> FormDraft | None:
        """What was typed on every step so far, to carry on after the app locked."""
        if self.created is not None:
            return None  # saved already: nothing to keep
        page = self.identity_page
        values: dict[str, object] = {}
        if page.dirty:
            values = {
                "step": self.currentId(),
                "identity": page.identity.snapshot(), "contact": page.contact.snapshot(),
                "rules": page.rules.snapshot(),
                "checks": {name: field.snapshot()
                           for name, field in self._contact_rules().items()},
                "different": self.duplicate_page.different.isChecked(),
                "risk": self.risk_page.form.snapshot(),
                "breaches": list(self.risk_page.draft().breach_ids),
                "follow_up": self.follow_up_page.form.snapshot(),
            }
        return FormDraft(kind=drafts.INTAKE, values=values, focus=drafts.focus_name(self))

    def restore_draft(self, draft: FormDraft) -> None:
        """Put back what was typed before the lock and go on to the same step.

        The steps are passed the way Next passes them (the existing-victims check runs
        again); a step that is not complete any more is where the wizard stops.
        """
        values = dict(draft.values)
        if values:
            page = self.identity_page
            page.identity.restore(values.get("identity", {}))
            page.contact.restore(values.get("contact", {}))
            page.rules.restore(values.get("rules", {}))
            checks = values.get("checks", {})
            for name, field in self._contact_rules().items():
                if name in checks:
                    field.restore(checks[name])
            target = int(values.get("step", self.IDENTITY))
            self._restore_step(values)
            while self.currentId() < target and self.currentPage().isComplete():
                self.next()
                self._restore_step(values)
        drafts.refocus(self, draft.focus)

    def _restore_step(self, values: dict[str, object]) -> None:
        current = self.currentId()
        if current == self.DUPLICATES and self.duplicate_page.found:
            self.duplicate_page.different.setChecked(bool(values.get("different")))
        elif current == self.RISK:
            risk: dict[str, object] = values.get("risk", {})  # type: ignore[assignment]
            self.risk_page.form.restore(risk)
            chosen = set(values.get("breaches", ()))  # type: ignore[call-overload]
            model = self.risk_page.breach_model
            for row in range(model.rowCount()):
                item = model.item(row)
                if item is not None and item.data(Qt.ItemDataRole.UserRole) in chosen:
                    item.setCheckState(Qt.CheckState.Checked)
        elif current == self.FOLLOW_UP:
            follow_up: dict[str, object] = values.get("follow_up", {})  # type: ignore[assignment]
            self.follow_up_page.form.restore(follow_up)

    # -- Qt overrides --------------------------------------------------------------------

    def accept(self) -> None:
        """Override of QDialog.accept: announce the new case once the dialog is done."""
        super().accept()
        if self.created is not None:
            self.case_created.emit(*self.created)

    def reject(self) -> None:
        """Override of QDialog.reject: ask before throwing typed details away."""
        if (not self._quiet and self.created is None and self.isVisible()
                and self.identity_page.dirty and not self._is_locking()):
            answer = QMessageBox.question(
                self, self.tr("Discard this intake?"),
                self.tr("Nothing has been saved yet. Discard what you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

