"""The organisation's settings (Accounts ▸ Organisation…): what every PDF and every letter
to a client says on the organisation's behalf.

* the organisation's name (the main window's title);
* the classification line under the confidentiality marking on every page of every PDF
  (e.g. the statutory basis of the secrecy);
* the help a letter to a client offers, one place per line;
* how a client asks for their data or its erasure;
* how the police reach the crisis service about a case (every police summary prints it
  beside the case's counsellor; empty: not printed);
* the retention period after a case is closed (in days, as the service counts it, with
  the years and days it makes beside it), which administrators and supervisors set;
* whether erasing a client's data needs a second supervisor's approval, which only a
  supervisor changes (for an administrator the box is shown, off to change).

Administrators and supervisors change them (the services check and audit each change);
an empty text field means the default: the organisation's deployment file's if it has one
(shown as the placeholder), else the letter's own. What the deployment file enforces is
shown read-only, and named in a note above the fields.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.shared.errors import show_error
from gui.shared.fit import fit_hint, grow_for_wrapped_text
from gui.shared.labels import plural
from gui.shared.mnemonics import assign_mnemonics
from gui.shared.session import Session
from models.domain.dto import OrganisationSettings
from models.domain.errors import KnownError
from models.security.permissions import Operation, allows
from models.services.retention import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS


class OrganisationDialog(QDialog):
    """Edit the organisation's settings, saved for every workstation."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationDialog")
        self.setWindowTitle(self.tr("Organisation settings"))
        grow_for_wrapped_text(self)
        self._session = session
        organisation = session.services.organisation
        settings = organisation.for_editing()
        self._editing = settings
        self._deployed = organisation.deployment()
        intro = QLabel(self.tr(
            "These texts appear in every PDF and every letter to a client, on every "
            "workstation. Leave a field empty to use the default."))
        intro.setWordWrap(True)
        self.name = QLineEdit(settings.name)
        self.name.setObjectName("organisationName")
        self.name.setAccessibleName(self.tr("Name of the organisation"))
        self.name.setPlaceholderText(self.tr("Shown in the window's title"))
        fit_hint(self.name)
        self.classification = QLineEdit(settings.classification_line)
        self.classification.setObjectName("classificationLine")
        self.classification.setAccessibleName(self.tr("Classification line"))
        self.classification.setPlaceholderText(self.tr("e.g. the statutory basis of the secrecy"))
        fit_hint(self.classification)
        self.help_lines = QPlainTextEdit(settings.help_lines)
        self.help_lines.setObjectName("helpLines")
        self.help_lines.setAccessibleName(self.tr("Help lines"))
        self.help_lines.setTabChangesFocus(True)
        self.help_lines.setPlaceholderText(self.tr(
            "One per line; empty: Victim Support Finland, MIELI's crisis helpline, 112"))
        self.data_requests = QPlainTextEdit(settings.data_requests)
        self.data_requests.setObjectName("dataRequests")
        self.data_requests.setAccessibleName(self.tr("Data requests"))
        self.data_requests.setTabChangesFocus(True)
        self.data_requests.setPlaceholderText(self.tr(
            "How a client asks for their data or its erasure: an address, a phone number"))
        self.police_contact = QPlainTextEdit(settings.police_contact)
        self.police_contact.setObjectName("policeContact")
        self.police_contact.setAccessibleName(self.tr("Contact for the police"))
        self.police_contact.setTabChangesFocus(True)
        self.police_contact.setPlaceholderText(self.tr(
            "How investigators reach you about a case: a phone number, an e-mail address, "
            "opening hours"))
        for box in (self.help_lines, self.data_requests, self.police_contact):
            box.setMinimumHeight(4 * box.fontMetrics().lineSpacing())
        form = QFormLayout()
        captions = {"name": self.tr("&Name of the organisation"),
                    "classification_line": self.tr("&Classification line"),
                    "help_lines": self.tr("&Help lines"),
                    "data_requests": self.tr("&Data requests"),
                    "police_contact": self.tr("Contact for the &police")}
        self._texts: dict[str, QLineEdit | QPlainTextEdit] = {
            "name": self.name, "classification_line": self.classification,
            "help_lines": self.help_lines, "data_requests": self.data_requests,
            "police_contact": self.police_contact}
        for key, field in self._texts.items():
            form.addRow(captions[key], field)
            self._show_deployed(key, field)
        erasure = self._erasure_settings(session)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        enforced = [captions[key].replace("&", "") for key in self._texts
                    if self._deployed.enforces(key)]
        if self._deployed.enforces("retention_days"):
            enforced.append(self.tr("Retention period"))
        if enforced:
            # Which fields the organisation fixed, in words: a read-only field looks alike
            # in many styles, and a screen reader says this once.
            self.deployment_note = QLabel(self.tr(
                "Set by your organisation's deployment file, and not changeable here: "
                "{settings}.").format(settings=", ".join(enforced)))
            self.deployment_note.setObjectName("deploymentNote")
            self.deployment_note.setWordWrap(True)
            self.deployment_note.setToolTip(str(self._deployed.source))
            layout.addWidget(self.deployment_note)
        layout.addLayout(form)
        layout.addWidget(erasure)
        layout.addWidget(buttons)
        self.setMinimumWidth(60 * self.fontMetrics().averageCharWidth())
        assign_mnemonics(self)
        editable = [field for field in self._texts.values() if not field.isReadOnly()]
        if editable:  # the cursor starts where something can be typed
            editable[0].setFocus()

    def _erasure_settings(self, session: Session) -> QGroupBox:
        """The retention period and the second supervisor's approval of erasures."""
        retention = session.services.retention
        self._days = retention.retention_days()
        self._approval = retention.erasure_needs_approval()
        box = QGroupBox(self.tr("Retention and erasure"))
        box.setObjectName("retentionSettings")
        self.retention_days = QSpinBox()
        self.retention_days.setObjectName("retentionDays")
        self.retention_days.setAccessibleName(self.tr("Retention period in days"))
        self.retention_days.setRange(MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)
        self.retention_days.setValue(self._days)
        self.retention_days.setToolTip(self.tr(
            "How long a closed case's personal data is kept, as your data protection officer "
            "decided. Supervisors are reminded of the cases past it; nothing is erased "
            "automatically."))
        self.retention_words = QLabel()
        self.retention_words.setObjectName("retentionWords")
        self.retention_days.valueChanged.connect(self._show_retention)
        self._show_retention(self._days)
        if self._deployed.enforces("retention_days"):
            self.retention_days.setReadOnly(True)
            # No arrows: they would look as if they changed it (the style sheet greys it).
            self.retention_days.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            self.retention_days.setToolTip(self._enforced_tip())
        days_row = QHBoxLayout()
        days_row.addWidget(self.retention_days)
        days_row.addWidget(self.retention_words, 1)
        self.second_approval = QCheckBox(self.tr(
            "Erasing a client's data needs a second supervisor's approval"))
        self.second_approval.setObjectName("erasureApproval")
        self.second_approval.setChecked(self._approval)
        if not allows(session.actor.role, Operation.ERASE_VICTIM):
            self.second_approval.setEnabled(False)
            self.second_approval.setToolTip(self.tr("Only a supervisor can change this."))
        form = QFormLayout(box)
        caption = QLabel(self.tr("&Retention period"))
        caption.setBuddy(self.retention_days)
        form.addRow(caption, days_row)
        form.addRow(self.second_approval)
        return box

    def _show_deployed(self, key: str, field: QLineEdit | QPlainTextEdit) -> None:
        """An enforced text read-only; a default of the deployment file as the
        placeholder of an empty field (saved only if someone types it)."""
        if self._deployed.enforces(key):
            field.setReadOnly(True)
            field.setToolTip(self._enforced_tip())
            if isinstance(field, QLineEdit):
                field.setCursorPosition(0)  # the start of a long line shows, not its end
        elif self._deployed.text(key):
            field.setPlaceholderText(self.tr("Default of your organisation: {text}").format(
                text=" · ".join(self._deployed.text(key).splitlines())))

    def _enforced_tip(self) -> str:
        return self.tr("Set by your organisation's deployment file ({file})").format(
            file=self._deployed.source)

    def _show_retention(self, days: int) -> None:
        years, rest = divmod(days, 365)
        year_text = plural(years, self.tr("{n} year"), self.tr("{n} years"))
        day_text = plural(rest, self.tr("{n} day"), self.tr("{n} days"))
        if not years:
            span = day_text
        elif not rest:
            span = year_text
        else:
            span = self.tr("{years} and {days}").format(years=year_text, days=day_text)
        self.retention_words.setText(self.tr("days after closing ({span})").format(span=span))

    def settings(self) -> OrganisationSettings:
        """The texts as typed; an enforced one as the service gave it (a text box's own
        copy is not the same text: QPlainTextEdit turns a no-break space into a space)."""
        typed = {
            "name": self.name.text(),
            "classification_line": self.classification.text(),
            "help_lines": self.help_lines.toPlainText(),
            "data_requests": self.data_requests.toPlainText(),
            "police_contact": self.police_contact.toPlainText(),
        }
        return OrganisationSettings(**{
            key: getattr(self._editing, key) if self._deployed.enforces(key) else text
            for key, text in typed.items()})

    def accept(self) -> None:
        """Save for every workstation, then close; a refused text keeps the dialog open.

        The texts first (their check refuses before anything is saved), then the period
        (its range is the spin box's) and the approval, each audited by its service."""
        services = self._session.services
        try:
            services.organisation.update(self.settings())
            days = self.retention_days.value()
            if not self.retention_days.isReadOnly() and days != self._days:
                self._days = services.retention.set_retention_days(days)
            approval = self.second_approval.isChecked()
            if self.second_approval.isEnabled() and approval != self._approval:
                self._approval = services.retention.set_erasure_needs_approval(approval)
        except KnownError as error:
            show_error(self, error)
            return
        super().accept()
