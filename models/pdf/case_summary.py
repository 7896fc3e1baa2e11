"""Case summaries: the police profile and the care-handover profile of one case.

*Police*: the victim's identity (identity code masked unless revealed), every extortion
contact with its verbatim message, the police reports, protective actions and the
evidence attachments with their SHA-256 hashes — never support sessions.

*Care*: contact details and safe-contact rules, risk level and reason with the distress
levels recorded over time, referrals, support sessions with their notes, and follow-ups.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer

from models.domain.dto import (
    AttachmentInfo,
    ExtortionContactData,
    FollowUpData,
    PoliceReportData,
    ProtectiveActionData,
    SupportSessionData,
    VictimData,
)
from models.domain.formatting import binary_size_text, date_text, datetime_text, money_text
from models.pdf.data import CaseSummary, ExportStamp, Profile
from models.pdf.layout import (
    BODY_WIDTH,
    RULE_GREY,
    ZEBRA_FILL,
    Cell,
    Metadata,
    PageFrame,
    build_pdf,
    cell,
    chunks,
    data_table,
    encrypt_pdf,
    heading,
    key_value_table,
    label,
    para,
    styles,
    text,
    yes_no,
)

DOCUMENT_NAMES = {
    Profile.POLICE: "Case summary for the police",
    Profile.CARE: "Case summary for care handover",
}

CHANNELS = {"email": "e-mail", "sms": "SMS", "social_media": "social media"}
REPORT_STATES = {"statement_submitted": "statement form submitted"}
REFERRALS = {
    "none": "",
    "riku": "Victim Support Finland (RIKU, 116 006)",
    "psychiatric": "psychiatric care",
    "health_centre": "health centre",
    "legal_aid": "legal aid",
}
LANGUAGES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
MODES = {"in_person": "in person"}
GROUNDS = {"repeated_misuse": "repeated misuse causing significant harm",
           "safety_threat": "threat to safety (police threat assessment)"}


def metadata(summary: CaseSummary) -> Metadata:
    """Title and subject of the PDF: the reference and the profile, no person's name."""
    return Metadata(
        title=f"Suoja case summary {summary.reference} ({summary.profile.value})",
        subject=f"Confidential {DOCUMENT_NAMES[summary.profile].lower()}",
    )


def render_case_summary(
    summary: CaseSummary, stamp: ExportStamp, *, password: str | None = None
) -> bytes:
    """The PDF of one case summary.

    Args:
        summary: what the profile lets out (``ExportService.case_summary`` loads it).
        stamp: who exports, and when (printed on every page).
        password: when given, the PDF is encrypted with AES-256 under it.

    Returns:
        The PDF file's bytes.
    """
    story = (police_story(summary) if summary.profile is Profile.POLICE
             else care_story(summary))
    frame = PageFrame(document=DOCUMENT_NAMES[summary.profile], reference=summary.reference,
                      stamp=stamp)
    info = metadata(summary)
    data = build_pdf(story, frame=frame, metadata=info)
    return encrypt_pdf(data, password, info) if password else data


# -- shared pieces -----------------------------------------------------------------------


def _heading(title: str, count: int | None = None) -> list[Flowable]:
    return heading(title + (f" ({count})" if count is not None else ""))


def _none_recorded() -> Paragraph:
    return Paragraph("None recorded.", styles().note)


def _title_block(summary: CaseSummary) -> list[Flowable]:
    s = styles()
    case = summary.case
    facts = [
        f"Case {case.reference}",
        f"status {label(case.status)}"
        + (f" ({label(case.closure_reason)})" if case.closure_reason else ""),
        f"opened {date_text(case.opened_on)}",
    ]
    if case.closed_on:
        facts.append(f"closed {date_text(case.closed_on)}")
    flowables: list[Flowable] = [
        Paragraph(text(DOCUMENT_NAMES[summary.profile]), s.title),
        Paragraph(text(" · ".join(facts)), s.subtitle),
    ]
    if summary.profile is Profile.POLICE:
        flowables.append(Paragraph(
            "This profile contains no support-session notes or other counselling records.",
            s.note))
    if summary.identity_code_revealed:
        flowables.append(Paragraph(
            "The full identity code is shown at the exporting user's explicit request; "
            "this was recorded in the audit log.", s.warning))
    return flowables


def _identity_code(summary: CaseSummary) -> str:
    if not summary.identity_code:
        return "none (no Finnish identity code)"
    shown = summary.identity_code
    if summary.victim.identity_code_temporary:
        shown += " (temporary code)"
    return shown + ("" if summary.identity_code_revealed else " (masked)")


def _contact_rules(victim: VictimData) -> str:
    warnings = victim.safe_contact_warnings()
    return "; ".join(warnings) if warnings else "no restrictions recorded"


def _victim_table(summary: CaseSummary) -> LongTable:
    # Care needs the postal address; the police have it on their own report.
    care = summary.profile is Profile.CARE
    victim = summary.victim
    pairs: list[tuple[str, Flowable | str]] = [
        ("Name", f"{victim.last_name}, {victim.first_names}"),
        ("Identity code", _identity_code(summary)),
        ("Date of birth", date_text(victim.birth_date) or "not recorded"),
        ("Phone", victim.phone or "not recorded"),
        ("E-mail", victim.email or "not recorded"),
    ]
    if care:
        address = ", ".join(p for p in (victim.street_address,
                                        f"{victim.postal_code} {victim.city}".strip(),
                                        victim.country) if p)
        pairs.append(("Postal address", address))
    pairs.append(("Preferred language", label(victim.language, LANGUAGES)))
    if not care:
        # The care profile gives the rules a section of their own.
        pairs.append(("Safe-contact rules", _contact_rules(victim)))
    if victim.breaches:
        pairs.append(("Breach", ", ".join(victim.breaches)))
    return key_value_table(pairs)


def _grouped_rows(
    first: list[Cell], detail: list[list[Flowable]], row_index: int,
    columns: int, commands: list[tuple[Any, ...]],
) -> list[list[Cell]]:
    """One record as a row of fields plus full-width detail rows under it.

    The fields row and the first detail row stay on one page (``NOSPLIT``); further
    detail rows (a long message continued) may move to the next page.
    """
    rows: list[list[Cell]] = [first]
    commands.append(("LINEABOVE", (0, row_index), (-1, row_index), 0.5, RULE_GREY))
    for offset, flowables in enumerate(detail, start=1):
        r = row_index + offset
        rows.append(["", flowables, *([""] * (columns - 2))])
        commands.append(("SPAN", (1, r), (-1, r)))
        commands.append(("BACKGROUND", (1, r), (-1, r), ZEBRA_FILL))
    if detail:
        commands.append(("NOSPLIT", (0, row_index), (-1, row_index + 1)))
    return rows


def _long_text(caption: str, value: str) -> list[list[Flowable]]:
    """A labelled free text cut into row-sized pieces (each a list of flowables)."""
    s = styles()
    if not value.strip():
        return [[para(f"<b>{text(caption)}</b> <i>(empty)</i>", s.cell)]]
    pieces = chunks(value)
    rows: list[list[Flowable]] = []
    for index, piece in enumerate(pieces):
        lead = f"<b>{text(caption)}</b><br/>" if index == 0 else ""
        rows.append([para(lead + text(piece), s.cell)])
    return rows


# -- police ------------------------------------------------------------------------------


def police_story(summary: CaseSummary) -> list[Flowable]:
    """The flowables of a police-profile summary."""
    story = _title_block(summary)
    story += [*_heading("Victim"), _victim_table(summary)]
    story += _contacts_section(summary.extortion_contacts)
    story += _reports_section(summary.police_reports)
    story += _actions_section(summary.protective_actions)
    story += _attachments_section(summary.attachments, summary.extortion_contacts)
    return story


def _contacts_section(contacts: Sequence[ExtortionContactData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading("Extortion contacts", len(contacts))]
    if not contacts:
        return [*section, _none_recorded()]
    s = styles()
    header = ["#", "Received", "Channel", "Sender", "Demanded", "Deadline", "Paid",
              "To police"]
    fixed = [18, 54, 46, 0, 58, 54, 56, 38]
    widths = [w or BODY_WIDTH - sum(fixed) for w in fixed]
    rows: list[list[Cell]] = []
    commands: list[tuple[Any, ...]] = []
    for number, contact in enumerate(contacts, start=1):
        paid = "no"
        if contact.paid:
            paid = "yes" + (f", {money_text(contact.amount_paid, contact.currency)}"
                            if contact.amount_paid is not None else "")
        first: list[Cell] = [
            para(str(number), s.cell_bold),
            para(text(datetime_text(contact.received_at)).replace(" ", "<br/>", 1)),
            label(contact.channel, CHANNELS),
            cell(contact.sender),
            para(text(money_text(contact.amount_demanded, contact.currency))),
            para(text(datetime_text(contact.deadline_at)).replace(" ", "<br/>", 1)),
            paid,
            yes_no(contact.handed_to_police),
        ]
        message = _long_text("Message (verbatim)", contact.message_text)
        wallet = para(f"<b>Wallet</b> {text(contact.wallet_address or 'none recorded')}")
        detail = [[wallet, Spacer(1, 1.5 * mm), *message[0]], *message[1:]]
        rows += _grouped_rows(first, detail, len(rows) + 1, len(header), commands)
    return [*section, data_table(header, rows, widths, extra_style=commands, zebra=False)]


def _reports_section(reports: Sequence[PoliceReportData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading("Police reports", len(reports))]
    if not reports:
        return [*section, _none_recorded()]
    fixed = [92, 0, 56, 112, 62]
    widths = [w or BODY_WIDTH - sum(fixed) for w in fixed]
    rows: list[list[Cell]] = [
        [para(f"<b>{text(r.report_number)}</b>"), r.department, date_text(r.filed_on),
         label(r.state, REPORT_STATES), yes_no(r.victim_has_copy)]
        for r in reports
    ]
    header = ["Report number", "Police department", "Filed", "State", "Victim has copy"]
    return [*section, data_table(header, rows, widths)]


def _action_note(action: ProtectiveActionData) -> str:
    parts = [action.note] if action.note else []
    if action.grounds:
        parts.append(f"Grounds: {label(action.grounds, GROUNDS)}")
    if action.evidence:
        parts.append(f"Evidence: {action.evidence}")
    if action.decision:
        decided = f" on {date_text(action.decision_on)}" if action.decision_on else ""
        parts.append(f"Decision: {action.decision}{decided}")
    return "\n".join(parts)


def _actions_section(actions: Sequence[ProtectiveActionData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading("Protective actions", len(actions))]
    if not actions:
        return [*section, _none_recorded()]
    fixed = [150, 70, 54, 54, 0]
    widths = [w or BODY_WIDTH - sum(fixed) for w in fixed]
    rows: list[list[Cell]] = []
    for action in actions:
        note = _action_note(action)
        rows.append([action.title or action.type_code, label(action.state),
                     date_text(action.state_on), date_text(action.expires_on),
                     note[:MAX_NOTE] + ("…" if len(note) > MAX_NOTE else "")])
    header = ["Action", "State", "Date", "Expires", "Note"]
    return [*section, data_table(header, rows, widths)]


#: Protective-action notes are short by nature; a pasted essay is cut in the summary.
MAX_NOTE = 1000


def _attachments_section(
    attachments: Sequence[AttachmentInfo], contacts: Sequence[ExtortionContactData]
) -> list[Flowable]:
    section: list[Flowable] = [*_heading("Evidence attachments", len(attachments))]
    if not attachments:
        return [*section, _none_recorded()]
    numbers = {c.id: n for n, c in enumerate(contacts, start=1)}
    header = ["#", "File name", "Type", "Size", "Added", "Contact"]
    fixed = [18, 0, 110, 50, 56, 44]
    widths = [w or BODY_WIDTH - sum(fixed) for w in fixed]
    rows: list[list[Cell]] = []
    commands: list[tuple[Any, ...]] = []
    for number, attachment in enumerate(attachments, start=1):
        contact = numbers.get(attachment.extortion_contact_id or -1)
        first: list[Cell] = [
            para(str(number), styles().cell_bold), attachment.filename,
            attachment.media_type, binary_size_text(attachment.size_bytes),
            date_text(attachment.added_at), f"#{contact}" if contact else "",
        ]
        digest = [[para(f"<b>SHA-256</b> {text(attachment.sha256)}", styles().cell_small)]]
        rows += _grouped_rows(first, digest, len(rows) + 1, len(header), commands)
    return [*section, data_table(header, rows, widths, extra_style=commands, zebra=False)]


# -- care --------------------------------------------------------------------------------


def care_story(summary: CaseSummary) -> list[Flowable]:
    """The flowables of a care-handover summary."""
    s = styles()
    case = summary.case
    story = _title_block(summary)
    story += [*_heading("Victim"), _victim_table(summary)]
    victim = summary.victim
    consent = (f"yes, {date_text(victim.consent_date)}" if victim.consent_given
               and victim.consent_date else yes_no(victim.consent_given))
    story.append(key_value_table([
        ("Consent to processing", consent),
        ("Assigned counsellor", case.assigned_to_name or "unassigned"),
    ]))

    story += _heading("Safe-contact rules")
    allowed = [("Leave voicemail", victim.may_leave_voicemail),
               ("Send text messages", victim.may_send_sms),
               ("Send e-mail", victim.may_email),
               ("Send post", victim.may_send_post)]
    rule_rows: list[tuple[str, Flowable | str]] = [
        (what, para("allowed") if ok else para("<b>NOT allowed</b>", s.cell))
        for what, ok in allowed
    ]
    if victim.safe_contact_note:
        rule_rows.append(("Note", victim.safe_contact_note))
    story.append(key_value_table(rule_rows))

    story += _risk_section(summary)
    story += _referrals_section(summary.support_sessions)
    story += _sessions_section(summary.support_sessions)
    story += _follow_ups_section(summary.follow_ups)
    return story


def _risk_section(summary: CaseSummary) -> list[Flowable]:
    s = styles()
    case = summary.case
    section: list[Flowable] = [
        *_heading("Risk"),
        key_value_table([
            ("Current risk level", para(f"<b>{text(case.risk_level.upper())}</b>")),
            ("Reason", case.risk_reason or "not recorded"),
        ]),
    ]
    levels = [(x.started_at, x.distress_level) for x in summary.support_sessions
              if x.distress_level is not None]
    if levels:
        history = " · ".join(f"{date_text(when)}: {level}" for when, level in levels)
        section.append(Spacer(1, 2 * mm))
        section.append(Paragraph(
            "<b>Distress levels recorded in support sessions (0–10), oldest first:</b> "
            + text(history), s.body))
    return section


def _referrals_section(sessions: Sequence[SupportSessionData]) -> list[Flowable]:
    referred = [x for x in sessions if x.referral and x.referral != "none"]
    section: list[Flowable] = [*_heading("Referrals", len(referred))]
    if not referred:
        return [*section, _none_recorded()]
    fixed = [70, 0, 150]
    widths = [w or BODY_WIDTH - sum(fixed) for w in fixed]
    rows: list[list[Cell]] = [
        [date_text(x.started_at), label(x.referral, REFERRALS), x.counsellor_name or ""]
        for x in referred
    ]
    return [*section, data_table(["Date", "Referred to", "By"], rows, widths)]


def _sessions_section(sessions: Sequence[SupportSessionData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading("Support sessions", len(sessions))]
    if not sessions:
        return [*section, _none_recorded()]
    header = ["#", "When", "Min", "Mode", "Counsellor", "Distress", "Referral",
              "Next follow-up"]
    fixed = [18, 56, 30, 50, 0, 44, 96, 60]
    widths = [w or BODY_WIDTH - sum(fixed) for w in fixed]
    rows: list[list[Cell]] = []
    commands: list[tuple[Any, ...]] = []
    for number, x in enumerate(sessions, start=1):
        first: list[Cell] = [
            para(str(number), styles().cell_bold),
            para(text(datetime_text(x.started_at)).replace(" ", "<br/>", 1)),
            str(x.duration_minutes), label(x.mode, MODES), x.counsellor_name or "",
            "" if x.distress_level is None else f"{x.distress_level}/10",
            label(x.referral, REFERRALS), date_text(x.next_follow_up_on),
        ]
        notes = _long_text("Notes", x.notes)
        if x.outcome.strip():
            notes += _long_text("Outcome", x.outcome)
        rows += _grouped_rows(first, notes, len(rows) + 1, len(header), commands)
    return [*section, data_table(header, rows, widths, extra_style=commands, zebra=False)]


def _follow_ups_section(follow_ups: Sequence[FollowUpData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading("Follow-ups", len(follow_ups))]
    if not follow_ups:
        return [*section, _none_recorded()]
    fixed = [56, 0, 130, 70]
    widths = [w or BODY_WIDTH - sum(fixed) for w in fixed]
    rows: list[list[Cell]] = [
        [date_text(f.due_on), f.description, f.assignee_name or "",
         f"done {date_text(f.done_at)}".strip() if f.done else "open"]
        for f in follow_ups
    ]
    return [*section, data_table(["Due", "What", "Assignee", "Done"], rows, widths)]
