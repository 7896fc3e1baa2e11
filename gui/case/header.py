"""The case view's header: what a counsellor must know before picking up the phone.

Name, risk and status chips, the counsellor and the dates, contact details, and the
safe-contact rules in a yellow banner; the masked identity code, which "Reveal" shows for
:data:`REVEAL_SECONDS` (audited) and "Copy" or Ctrl+C copies, marked secret and cleared
after 30 seconds (``gui.shared.clipboard``); a pending closure with a supervisor's
buttons; and the case's buttons (edit, change the code, close, export) that the role may
use. The view connects those buttons to what they do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.shared.clipboard import SecretLabel, copy_sensitive
from gui.shared.fit import WrappingRow
from gui.shared.labels import label
from gui.shared.style import (
    GRAPHIC_CONTRAST,
    MUTED_COLOUR,
    keeps_desktop_palette,
    monospace_font,
    readable,
    readable_style,
)
from models.domain.dto import CaseDetail, VictimData
from models.domain.enums import CaseStatus, Role
from models.domain.formatting import date_text, datetime_text
from models.security.permissions import Operation, allows

#: How long a revealed identity code stays on screen.
REVEAL_SECONDS = 30

#: (background, text, border) of the risk chip: calm, but unmistakable.
RISK_COLOURS = {
    "acute": ("#fbe4e2", "#8c1d18", "#d4574e"),
    "high": ("#fdebd9", "#7a3e00", "#e28a36"),
    "medium": ("#fdf4d3", "#5f4b00", "#d6ac2f"),
    "low": ("#e3f2e3", "#1d5b25", "#6aab6f"),
}
STATUS_COLOURS = ("#eef0f3", "#33393f", "#b8bec6")
#: (background, text, border, left edge) of the banners under the header.
BANNER_COLOURS = ("#fff5c8", "#3f3200", "#e2c45a", "#d6a800")
CALM_BANNER_COLOURS = ("#eef5ee", "#23452a", "#bcd6bd", "#7fb283")
CLOSURE_COLOURS = ("#e8f0fa", "#1f3a5a", "#a9c3e3", "#a9c3e3")
#: The break-the-glass banner's, as above.
ACCESS_BANNER_COLOURS = ("#fdf5e2", "#4a3600", "#e3cf98", "#a87400")
#: The red of "no consent recorded" in the contact line.
NO_CONSENT_COLOUR = "#8c1d18"


def _on_palette(colours: tuple[str, ...]) -> tuple[str, ...]:
    """A chip's or banner's colours: as designed on the light palette; on a dark or
    high-contrast desktop its own window colours, with the edges in the designed hue
    made visible (3:1) on them."""
    if not keeps_desktop_palette():
        return colours
    palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    edges = tuple(readable(c, [window], GRAPHIC_CONTRAST).name() for c in colours[2:])
    return (window.name(), text.name(), *edges)


def banner_style(name: str, colours: tuple[str, ...]) -> str:
    background, text, border, edge = _on_palette(colours)
    left = f" border-left: 6px solid {edge};" if edge != border else ""
    return (f"QFrame#{name} {{ background: {background}; border: 1px solid {border};{left}"
            " border-radius: 4px; }"
            f" QLabel {{ color: {text}; background: transparent; border: none; }}")

def banner(name: str, text_name: str, colours: tuple[str, ...],
           *buttons: QPushButton) -> tuple[QFrame, QLabel]:
    """A hidden banner of the case window: a frame in ``colours`` (see
    :func:`banner_style`) holding a wrapping text and, at its right, ``buttons``."""
    frame = QFrame()
    frame.setObjectName(name)
    frame.setStyleSheet(banner_style(name, colours))
    text = QLabel()
    text.setObjectName(text_name)
    text.setWordWrap(True)
    row = QHBoxLayout(frame)
    row.setContentsMargins(12, 6, 12, 6)
    row.addWidget(text, 1)
    for button in buttons:
        row.addWidget(button)
    frame.hide()
    return frame, text


#: The rules ``VictimData.safe_contact_warnings()`` returns, marked for translation.
SAFE_CONTACT_TEXTS = (
    QT_TRANSLATE_NOOP("safe_contact", "Do not leave voicemail"),
    QT_TRANSLATE_NOOP("safe_contact", "Do not send text messages"),
    QT_TRANSLATE_NOOP("safe_contact", "Do not e-mail"),
    QT_TRANSLATE_NOOP("safe_contact", "Do not send post"),
)


def _chip(name: str) -> QLabel:
    chip = QLabel()
    chip.setObjectName(name)
    chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return chip


def _style_chip(chip: QLabel, colours: tuple[str, str, str]) -> None:
    background, text, border = _on_palette(colours)
    chip.setStyleSheet(
        f"QLabel {{ background: {background}; color: {text}; border: 1px solid {border};"
        " border-radius: 10px; padding: 2px 12px; font-weight: 600; }")


def _wrapping(name: str) -> QLabel:
    text = QLabel()
    text.setObjectName(name)
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CaseHeader(QFrame):
    """Who the victim is, how they are, and how (not) to contact them; the identity code
    (revealed for a while, copied); the case's buttons that the role may use.

    Args:
        role: the signed-in role: it decides which buttons show.
        fetch_code: fetches the full identity code (audited), or ``None`` if it could not
            be had (the reason was shown).
        parent: the case view.
    """

    #: A line for the view's status bar ("Identity code copied…").
    told = Signal(str)

    def __init__(self, role: Role, fetch_code: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self._role = role
        self._fetch_code = fetch_code
        #: The full identity code while it is shown.
        self.revealed: str | None = None
        self._victim: VictimData | None = None  # as shown
        self._seconds_left = 0
        self.name = QLabel()
        self.name.setObjectName("victimName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.risk = _chip("riskChip")
        self.status = _chip("statusChip")

        self.code_caption = QLabel(self.tr("Identity code:"))
        # Selectable while masked; revealed, Ctrl+C copies it marked secret (copy_code).
        self.code = SecretLabel()
        self.code.setObjectName("identityCode")
        mono = monospace_font(1.1)
        self.code.setFont(mono)
        self.reveal_button = QPushButton(self.tr("Revea&l"))
        self.reveal_button.setObjectName("revealCode")
        self.reveal_button.setAccessibleName(self.tr("Reveal the full identity code"))
        self.reveal_button.setToolTip(self.tr("Shows the full code for {seconds} seconds. "
                                              "Revealing is written to the audit log.")
                                      .format(seconds=REVEAL_SECONDS))
        self.copy_button = QPushButton(self.tr("Co&py"))
        self.copy_button.setObjectName("copyCode")
        self.copy_button.setAccessibleName(self.tr("Copy the identity code"))
        self.copy_button.setToolTip(self.tr("The clipboard is cleared after 30 seconds."))
        self.copy_button.hide()
        self.countdown = QLabel()
        self.countdown.setObjectName("revealCountdown")
        self.countdown.setStyleSheet(readable_style(MUTED_COLOUR))

        self.facts = _wrapping("caseFacts")
        self.contact = _wrapping("contactDetails")
        self.risk_reason = _wrapping("riskReason")
        # What was learnt at first contact, under its own label (never "Risk").
        self.intake_note = _wrapping("intakeNote")

        self.safe_contact = QFrame()
        self.safe_contact.setObjectName("safeContact")
        self.safe_rules = QLabel()
        self.safe_rules.setObjectName("safeContactRules")
        self.safe_rules.setWordWrap(True)
        rules_font = QFont(self.font())
        rules_font.setBold(True)
        rules_font.setPointSizeF(rules_font.pointSizeF() * 1.15)
        self.safe_rules.setFont(rules_font)
        self.safe_note = QLabel()
        self.safe_note.setObjectName("safeContactNote")
        self.safe_note.setWordWrap(True)
        self.safe_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        safe_rows = QVBoxLayout(self.safe_contact)
        safe_rows.setContentsMargins(12, 6, 12, 6)
        safe_rows.setSpacing(2)
        safe_rows.addWidget(self.safe_rules)
        safe_rows.addWidget(self.safe_note)

        self.approve_button = QPushButton(self.tr("Approve clo&sure…"))
        self.approve_button.setObjectName("approveClosure")
        self.return_button = QPushButton(self.tr("Re&turn to counsellor"))
        self.return_button.setObjectName("returnClosure")
        self.closure, self.closure_text = banner(
            "closureBanner", "closureText", CLOSURE_COLOURS,
            self.approve_button, self.return_button)

        self.edit_victim_button = QPushButton(self.tr("Edit &victim…"))
        self.edit_victim_button.setObjectName("editVictim")
        self.change_code_button = QPushButton(self.tr("Change identity co&de…"))
        self.change_code_button.setObjectName("changeCode")
        self.edit_case_button = QPushButton(self.tr("Edit &case…"))
        self.edit_case_button.setObjectName("editCase")
        self.edit_case_button.setToolTip(self.tr("Risk level and its reason, status"))
        self.request_closure_button = QPushButton(self.tr("Request clo&sure…"))
        self.request_closure_button.setObjectName("requestClosure")
        self.close_case_button = QPushButton(self.tr("Clo&se case…"))
        self.close_case_button.setObjectName("closeCase")
        self.corrections_button = QPushButton(self.tr("Correction histor&y…"))
        self.corrections_button.setObjectName("correctionHistory")
        self.corrections_button.setToolTip(self.tr(
            "Every change to the victim's details, before and after"))
        self.export_button = QPushButton(self.tr("E&xport PDF…"))
        self.export_button.setObjectName("exportPdf")
        self.export_button.setToolTip(self.tr("A case summary for the police or for handover"))

        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.risk, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        # The identity code and the case's actions share a row where they fit, so the
        # header stays short enough for a laptop screen at 200 % scaling; where they do
        # not (a supervisor's buttons in Swedish at 150 %), the buttons go below the code.
        code_box = QWidget()
        code_row = QHBoxLayout(code_box)
        code_row.setContentsMargins(0, 0, 0, 0)
        code_row.addWidget(self.code_caption)
        code_row.addWidget(self.code)
        code_row.addSpacing(6)
        code_row.addWidget(self.reveal_button)
        code_row.addWidget(self.copy_button)
        code_row.addWidget(self.countdown)
        code_row.addStretch(1)
        buttons_box = QWidget()
        buttons_row = QHBoxLayout(buttons_box)
        buttons_row.setContentsMargins(0, 0, 0, 0)
        for button in (self.edit_victim_button, self.change_code_button, self.edit_case_button,
                       self.request_closure_button, self.close_case_button,
                       self.corrections_button, self.export_button):
            buttons_row.addWidget(button)
        self.code_and_buttons = WrappingRow(code_box, buttons_box)
        #: The row of the case's buttons: the view's parts add theirs (erasure).
        self.actions_row = buttons_row

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.code_and_buttons)
        column.addWidget(self.facts)
        column.addWidget(self.contact)
        column.addWidget(self.risk_reason)
        column.addWidget(self.intake_note)
        column.addWidget(self.safe_contact)
        column.addWidget(self.closure)

        self.reveal_button.clicked.connect(self._toggle_reveal)
        self.copy_button.clicked.connect(self.copy_code)
        self.code.copy_requested.connect(self.copy_code)
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(REVEAL_SECONDS * 1000)
        self._reveal_timer.timeout.connect(self.hide_code)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self.reveal_button.setEnabled(allows(role, Operation.REVEAL_IDENTITY_CODE))
        self.edit_victim_button.setVisible(allows(role, Operation.EDIT_VICTIM))
        self.change_code_button.setVisible(allows(role, Operation.EDIT_VICTIM))
        self.edit_case_button.setVisible(allows(role, Operation.EDIT_CASE))
        self.corrections_button.setVisible(allows(role, Operation.VIEW_CORRECTIONS))
        self.export_button.setVisible(
            allows(role, Operation.EXPORT_POLICE) or allows(role, Operation.EXPORT_CARE))

    def show_detail(self, detail: CaseDetail) -> None:
        case, victim = detail.case, detail.victim
        before = self._victim
        if self.revealed is not None and before is not None and (
                victim.identity_code_masked != before.identity_code_masked
                or victim.identity_code_history != before.identity_code_history):
            self.hide_code()  # the code changed: what is shown is no longer it
        self._victim = victim
        self.name.setText(victim.display_name)
        self.name.setAccessibleName(self.tr("Victim"))
        self.risk.setText(label("risk", case.risk_level))
        self.risk.setAccessibleName(self.tr("Risk level"))
        _style_chip(self.risk, RISK_COLOURS.get(case.risk_level, STATUS_COLOURS))
        status = label("status", case.status)
        if case.status == CaseStatus.CLOSED.value and case.closure_reason:
            status += " — " + label("closure", case.closure_reason)
        self.status.setText(status)
        self.status.setAccessibleName(self.tr("Case status"))
        _style_chip(self.status, STATUS_COLOURS)
        self.show_code(victim.identity_code_masked, self.revealed)
        history = [f"{entry.masked}  {date_text(entry.valid_from)}–"
                   f"{date_text(entry.valid_to) if entry.valid_to else ''}"
                   for entry in victim.identity_code_history]
        self.code.setToolTip(
            self.tr("Earlier codes:") + "\n" + "\n".join(history) if len(history) > 1 else "")

        facts = [self.tr("Case <b>{reference}</b>").format(reference=case.reference),
                 self.tr("Counsellor: <b>{name}</b>").format(
                     name=_escape(case.assigned_to_name or self.tr("unassigned"))),
                 self.tr("Opened {date}").format(date=date_text(case.opened_on))]
        if case.closed_on:
            facts.append(self.tr("Closed {date}").format(date=date_text(case.closed_on)))
        if victim.breaches:
            facts.append(self.tr("Breaches: {names}").format(
                names=_escape(", ".join(victim.breaches))))
        self.facts.setText(" &nbsp;·&nbsp; ".join(facts))

        contact = []
        if victim.phone:
            contact.append(self.tr("Phone {phone}").format(phone=_escape(victim.phone)))
        if victim.email:
            contact.append(self.tr("E-mail {email}").format(email=_escape(victim.email)))
        contact.append(self.tr("Language: {language}").format(
            language=label("language", victim.language)))
        if not victim.consent_given:
            contact.append(f"<span style='color:{readable(NO_CONSENT_COLOUR).name()}'>"
                           + self.tr("No consent to processing recorded") + "</span>")
        self.contact.setText(" &nbsp;·&nbsp; ".join(contact))
        self.risk_reason.setText(
            self.tr("<i>Risk:</i> {reason}").format(reason=_escape(case.risk_reason))
            if case.risk_reason else "")
        self.risk_reason.setVisible(bool(case.risk_reason))
        self.intake_note.setText(
            self.tr("<i>Intake note:</i> {note}").format(
                note=_escape(case.intake_note).replace("\n", "<br>"))
            if case.intake_note else "")
        self.intake_note.setVisible(bool(case.intake_note))

        warnings = [QCoreApplication.translate("safe_contact", text)
                    for text in victim.safe_contact_warnings()]
        if warnings:
            self.safe_contact.setStyleSheet(banner_style("safeContact", BANNER_COLOURS))
            self.safe_rules.setText("⚠ " + " · ".join(warnings))
        else:
            self.safe_contact.setStyleSheet(
                banner_style("safeContact", CALM_BANNER_COLOURS))
            self.safe_rules.setText(self.tr("No contact restrictions recorded"))
        self.safe_contact.setAccessibleName(self.tr("Safe-contact rules"))
        self.safe_contact.setAccessibleDescription(self.safe_rules.text())
        self.safe_note.setText(victim.safe_contact_note)
        self.safe_note.setVisible(bool(victim.safe_contact_note))

        if case.closure_requested_at is not None:
            self.closure_text.setText(self.tr(
                "Closure requested on {date}: {reason}. Waiting for a supervisor's decision.")
                .format(date=datetime_text(case.closure_requested_at),
                        reason=label("closure", case.requested_closure_reason)))
            self.closure.show()
        else:
            self.closure_text.clear()
            self.closure.hide()
        self._show_closure_buttons(detail)

    def _show_closure_buttons(self, detail: CaseDetail) -> None:
        case = detail.case
        closed = case.status == CaseStatus.CLOSED.value
        pending = case.closure_requested_at is not None
        supervisor = allows(self._role, Operation.APPROVE_CLOSURE)
        self.request_closure_button.setVisible(
            allows(self._role, Operation.REQUEST_CLOSURE) and not supervisor and not closed
            and not pending)
        self.close_case_button.setVisible(supervisor and not closed and not pending)
        self.approve_button.setVisible(supervisor and pending)
        self.return_button.setVisible(supervisor and pending)

    def show_code(self, masked: str | None, revealed: str | None) -> None:
        if masked is None:
            self.code.setText(self.tr("none recorded"))
            self.code.set_shows_secret(False)
            self.code.setAccessibleName(self.tr("Identity code: none recorded"))
            self.reveal_button.hide()
            self.copy_button.hide()
            self.countdown.clear()
            return
        if revealed is not None:
            self.code.set_shows_secret(True)
        self.code.setText(revealed or masked)
        if revealed is None:
            self.code.set_shows_secret(False)
        self.code.setAccessibleName(self.tr("Identity code"))
        self.reveal_button.setText(self.tr("&Hide") if revealed else self.tr("Revea&l"))
        self.copy_button.setVisible(revealed is not None)
        if revealed is None:
            self.countdown.clear()

    # -- the identity code --------------------------------------------------------------

    def reveal_code(self) -> str | None:
        """Show the full identity code for :data:`REVEAL_SECONDS` (audited)."""
        masked = self._victim.identity_code_masked if self._victim else None
        if masked is None:
            return None
        code = self._fetch_code()
        if code is None:
            return None
        self.revealed = code
        self._seconds_left = REVEAL_SECONDS
        self.show_code(masked, code)
        self._tick(advance=False)
        self._reveal_timer.start()
        self._ticker.start()
        return self.revealed

    def hide_code(self) -> None:
        self.revealed = None
        self._reveal_timer.stop()
        self._ticker.stop()
        if self._victim is not None:
            self.show_code(self._victim.identity_code_masked, None)

    def copy_code(self) -> bool:
        if self.revealed is None:
            return False
        copy_sensitive(self.revealed)
        self.told.emit(self.tr("Identity code copied; the clipboard is cleared in 30 seconds."))
        return True

    def _toggle_reveal(self) -> None:
        if self.revealed is None:
            self.reveal_code()
        else:
            self.hide_code()

    def _tick(self, advance: bool = True) -> None:
        if advance:
            self._seconds_left = max(self._seconds_left - 1, 0)
        self.countdown.setText(self.tr("hidden again in {seconds} s").format(
            seconds=self._seconds_left))

    def clear(self) -> None:
        """Forget what is shown, the revealed code first (the view is wiped)."""
        self.revealed = None
        self._victim = None
        self._reveal_timer.stop()
        self._ticker.stop()
        for text in (self.name, self.code, self.facts, self.contact, self.risk_reason,
                     self.intake_note,
                     self.safe_rules, self.safe_note, self.closure_text, self.risk, self.status,
                     self.countdown):
            text.clear()
        self.code.set_shows_secret(False)
        self.code.setToolTip("")
        self.safe_contact.setAccessibleDescription("")
