"""Case summaries: the police profile and the care-handover profile of one case.

*Police*: the injured party's identity (identity code masked unless revealed), every
extortion contact with its verbatim message, the police reports, protective actions and
the evidence attachments with their SHA-256 hashes — never support sessions.

*Care*: contact details and safe-contact rules, risk level and reason with the distress
levels recorded over time, referrals, support sessions with their notes, and follow-ups.
"""

from __future__ import annotations

import datetime as dt
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
from models.domain.formatting import (
    binary_size_text,
    date_text,
    datetime_text,
    local_time,
    money_text,
)
from models.domain.i18n import gettext as _
from models.domain.i18n import pgettext
from models.pdf import victim_letter
from models.pdf.data import CaseSummary, ExportStamp, Profile
from models.pdf.layout import (
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
    fitted_widths,
    heading,
    key_value_table,
    para,
    styles,
    text,
)
from models.pdf.words import (
    action_states,
    action_titles,
    channels,
    closure_reasons,
    decisions,
    grounds,
    label,
    languages,
    modes,
    referrals,
    report_states,
    risk_levels,
    statuses,
    yes_no,
)


def document_name(profile: Profile) -> str:
    """What the document is, in the language in use ("Case summary for the police")."""
    if profile is Profile.POLICE:
        return _("Case summary for the police")
    if profile is Profile.VICTIM:
        return victim_letter.document_name()
    return _("Case summary for care handover")


def metadata(summary: CaseSummary) -> Metadata:
    """Title and subject of the PDF: the reference and the profile, no person's name."""
    police = summary.profile is Profile.POLICE
    if summary.profile is Profile.VICTIM:
        return Metadata(
            title=_("Suoja letter {reference}").format(reference=summary.reference),
            subject=_("Confidential letter to the client"))
    return Metadata(
        title=_("Suoja case summary {reference} ({profile})").format(
            reference=summary.reference,
            profile=pgettext("profile", "police") if police else pgettext("profile", "care")),
        subject=(_("Confidential case summary for the police") if police
                 else _("Confidential case summary for care handover")),
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
    if summary.profile is Profile.VICTIM:
        story = victim_letter.letter_story(summary, local_time(stamp.exported_at).date())
    elif summary.profile is Profile.POLICE:
        story = police_story(summary)
    else:
        story = care_story(summary)
    frame = PageFrame(document=document_name(summary.profile), reference=summary.reference,
                      stamp=stamp)
    info = metadata(summary)
    data = build_pdf(story, frame=frame, metadata=info)
    return encrypt_pdf(data, password, info) if password else data


# -- shared pieces -----------------------------------------------------------------------


def _heading(title: str, count: int | None = None) -> list[Flowable]:
    return heading(title + (f" ({count})" if count is not None else ""))


def _none_recorded() -> Paragraph:
    return Paragraph(text(_("None recorded.")), styles().note)


def _title_block(summary: CaseSummary) -> list[Flowable]:
    s = styles()
    case = summary.case
    status = _("status {status}").format(status=label(case.status, statuses()))
    if case.closure_reason:
        status += f" ({label(case.closure_reason, closure_reasons())})"
    facts = [
        _("Case {reference}").format(reference=case.reference),
        status,
        _("opened {date}").format(date=date_text(case.opened_on)),
    ]
    if case.closed_on:
        facts.append(_("closed {date}").format(date=date_text(case.closed_on)))
    flowables: list[Flowable] = [
        Paragraph(text(document_name(summary.profile)), s.title),
        Paragraph(text(" · ".join(facts)), s.subtitle),
    ]
    if summary.profile is Profile.POLICE:
        flowables.append(Paragraph(text(_(
            "This profile contains no support-session notes or other counselling records.")),
            s.note))
    if summary.identity_code_revealed:
        flowables.append(Paragraph(text(_(
            "The full identity code is shown at the exporting user's explicit request; "
            "this was recorded in the audit log.")), s.warning))
    return flowables


def _identity_code(summary: CaseSummary) -> str:
    if not summary.identity_code:
        return _("none (no Finnish identity code)")
    shown = summary.identity_code
    if summary.victim.identity_code_temporary:
        shown = _("{code} (temporary code)").format(code=shown)
    return shown if summary.identity_code_revealed else _("{code} (masked)").format(code=shown)


def _contact_rules(victim: VictimData) -> str:
    """The rules to keep before contacting the person (as ``safe_contact_warnings``)."""
    warnings = [warning for allowed, warning in (
        (victim.may_leave_voicemail, _("Do not leave voicemail")),
        (victim.may_send_sms, _("Do not send text messages")),
        (victim.may_email, _("Do not e-mail")),
        (victim.may_send_post, _("Do not send post")),
    ) if not allowed]
    return "; ".join(warnings) if warnings else _("no restrictions recorded")


def _victim_table(summary: CaseSummary) -> LongTable:
    # Care needs the postal address; the police have it on their own report.
    care = summary.profile is Profile.CARE
    victim = summary.victim
    not_recorded = _("not recorded")
    pairs: list[tuple[str, Flowable | str]] = [
        (_("Name"), f"{victim.last_name}, {victim.first_names}"),
        (_("Identity code"), _identity_code(summary)),
        (_("Date of birth"), date_text(victim.birth_date) or not_recorded),
        (_("Phone"), victim.phone or not_recorded),
        (_("E-mail"), victim.email or not_recorded),
    ]
    if care:
        address = ", ".join(p for p in (victim.street_address,
                                        f"{victim.postal_code} {victim.city}".strip(),
                                        victim.country) if p)
        pairs.append((_("Postal address"), address))
    pairs.append((_("Preferred language"), label(victim.language, languages())))
    if not care:
        # The care profile gives the rules a section of their own.
        pairs.append((_("Safe-contact rules"), _contact_rules(victim)))
    if victim.breaches:
        pairs.append((_("Breach"), ", ".join(victim.breaches)))
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
        empty = text(_("(empty)"))
        return [[para(f"<b>{text(caption)}</b> <i>{empty}</i>", s.cell)]]
    pieces = chunks(value)
    rows: list[list[Flowable]] = []
    for index, piece in enumerate(pieces):
        lead = f"<b>{text(caption)}</b><br/>" if index == 0 else ""
        rows.append([para(lead + text(piece), s.cell)])
    return rows


def _moment(value: dt.datetime | None) -> Paragraph:
    """A moment in a narrow column: the date, then the time and its zone below it."""
    return para(text(datetime_text(value, zone=True)).replace(" ", "<br/>", 1))


# -- police ------------------------------------------------------------------------------


def police_story(summary: CaseSummary) -> list[Flowable]:
    """The flowables of a police-profile summary."""
    story = _title_block(summary)
    # To the police the person is the injured party (asianomistaja, målsägande).
    story += [*_heading(_("Injured party")), _victim_table(summary)]
    story += _contacts_section(summary.extortion_contacts)
    story += _reports_section(summary.police_reports)
    story += _actions_section(summary.protective_actions)
    story += _attachments_section(summary.attachments, summary.extortion_contacts)
    return story


def _contacts_section(contacts: Sequence[ExtortionContactData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Extortion contacts"), len(contacts))]
    if not contacts:
        return [*section, _none_recorded()]
    s = styles()
    header = ["#", _("Received"), _("Channel"), _("Sender"), _("Demanded"), _("Deadline"),
              _("Paid"), _("To police")]
    answers = (yes_no(True), yes_no(False))
    widths = fitted_widths([18, 54, 46, 0, 58, 54, 56, 38], header,
                           {2: channels().values(), 6: answers, 7: answers})
    rows: list[list[Cell]] = []
    commands: list[tuple[Any, ...]] = []
    for number, contact in enumerate(contacts, start=1):
        paid = yes_no(False)
        if contact.paid:
            paid = (_("yes, {amount}").format(
                        amount=money_text(contact.amount_paid, contact.currency))
                    if contact.amount_paid is not None else yes_no(True))
        first: list[Cell] = [
            para(str(number), s.cell_bold),
            _moment(contact.received_at),
            label(contact.channel, channels()),
            cell(contact.sender),
            para(text(money_text(contact.amount_demanded, contact.currency))),
            _moment(contact.deadline_at),
            paid,
            yes_no(contact.handed_to_police),
        ]
        message = _long_text(_("Message (verbatim)"), contact.message_text)
        wallet_caption = text(_("Wallet"))
        address = text(contact.wallet_address or _("none recorded"))
        wallet = para(f"<b>{wallet_caption}</b> {address}")
        detail = [[wallet, Spacer(1, 1.5 * mm), *message[0]], *message[1:]]
        rows += _grouped_rows(first, detail, len(rows) + 1, len(header), commands)
    return [*section, data_table(header, rows, widths, extra_style=commands, zebra=False)]


def _reports_section(reports: Sequence[PoliceReportData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Police reports"), len(reports))]
    if not reports:
        return [*section, _none_recorded()]
    rows: list[list[Cell]] = [
        [para(f"<b>{text(r.report_number)}</b>"), r.department, date_text(r.filed_on),
         label(r.state, report_states()), yes_no(r.victim_has_copy)]
        for r in reports
    ]
    header = [_("Report number"), _("Police department"), _("Filed"), _("State"),
              _("Injured party has copy")]
    widths = fitted_widths([92, 0, 56, 112, 62], header,
                           {3: report_states().values(), 4: (yes_no(True), yes_no(False))})
    return [*section, data_table(header, rows, widths)]


def _action_note(action: ProtectiveActionData) -> str:
    parts = [action.note] if action.note else []
    if action.grounds:
        parts.append(_("Grounds: {grounds}").format(grounds=label(action.grounds, grounds())))
    if action.evidence:
        parts.append(_("Evidence: {evidence}").format(evidence=action.evidence))
    if action.decision:
        decision = label(action.decision, decisions())
        parts.append(
            _("Decision: {decision} on {date}").format(
                decision=decision, date=date_text(action.decision_on))
            if action.decision_on else _("Decision: {decision}").format(decision=decision))
    return "\n".join(parts)


def _actions_section(actions: Sequence[ProtectiveActionData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Protective actions"), len(actions))]
    if not actions:
        return [*section, _none_recorded()]
    titles = action_titles()
    rows: list[list[Cell]] = []
    for action in actions:
        note = _action_note(action)
        rows.append([titles.get(action.type_code, action.title or action.type_code),
                     label(action.state, action_states()),
                     date_text(action.state_on), date_text(action.expires_on),
                     note[:MAX_NOTE] + ("…" if len(note) > MAX_NOTE else "")])
    header = [_("Action"), _("State"), _("Date"), _("Expires"), _("Note")]
    widths = fitted_widths([150, 70, 54, 54, 0], header, {1: action_states().values()})
    return [*section, data_table(header, rows, widths)]


#: Protective-action notes are short by nature; a pasted essay is cut in the summary.
MAX_NOTE = 1000


def _attachments_section(
    attachments: Sequence[AttachmentInfo], contacts: Sequence[ExtortionContactData]
) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Evidence attachments"), len(attachments))]
    if not attachments:
        return [*section, _none_recorded()]
    numbers = {c.id: n for n, c in enumerate(contacts, start=1)}
    header = ["#", _("File name"), _("Type"), _("Size"), _("Added"), _("Contact")]
    widths = fitted_widths([18, 0, 110, 50, 56, 44], header)
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
    # In the crisis service's own papers the person is its client (asiakas, klient).
    story += [*_heading(_("Victim")), _victim_table(summary)]
    victim = summary.victim
    consent = (_("yes, {date}").format(date=date_text(victim.consent_date))
               if victim.consent_given and victim.consent_date
               else yes_no(victim.consent_given))
    story.append(key_value_table([
        (_("Consent to processing"), consent),
        (_("Assigned counsellor"), case.assigned_to_name or _("unassigned")),
    ]))

    story += _heading(_("Safe-contact rules"))
    allowed = [(_("Leave voicemail"), victim.may_leave_voicemail),
               (_("Send text messages"), victim.may_send_sms),
               (_("Send e-mail"), victim.may_email),
               (_("Send post"), victim.may_send_post)]
    yes = text(_("allowed"))
    no = "<b>" + text(_("NOT allowed")) + "</b>"
    rule_rows: list[tuple[str, Flowable | str]] = [
        (what, para(yes) if ok else para(no, s.cell)) for what, ok in allowed
    ]
    if victim.safe_contact_note:
        rule_rows.append((_("Note"), victim.safe_contact_note))
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
        *_heading(_("Risk")),
        key_value_table([
            (_("Current risk level"),
             para(f"<b>{text(label(case.risk_level, risk_levels()).upper())}</b>")),
            (_("Reason"), case.risk_reason or _("not recorded")),
        ]),
    ]
    levels = [(x.started_at, x.distress_level) for x in summary.support_sessions
              if x.distress_level is not None]
    if levels:
        history = " · ".join(f"{date_text(when)}: {level}" for when, level in levels)
        section.append(Spacer(1, 2 * mm))
        caption = _("Distress levels recorded in support sessions (0–10), oldest first:")
        section.append(Paragraph(f"<b>{text(caption)}</b> {text(history)}", s.body))
    return section


def _referrals_section(sessions: Sequence[SupportSessionData]) -> list[Flowable]:
    referred = [x for x in sessions if x.referral and x.referral != "none"]
    section: list[Flowable] = [*_heading(_("Referrals"), len(referred))]
    if not referred:
        return [*section, _none_recorded()]
    header = [_("Date"), _("Referred to"), _("By")]
    widths = fitted_widths([70, 0, 150], header)
    rows: list[list[Cell]] = [
        [date_text(x.started_at), label(x.referral, referrals()), x.counsellor_name or ""]
        for x in referred
    ]
    return [*section, data_table(header, rows, widths)]


def _sessions_section(sessions: Sequence[SupportSessionData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Support sessions"), len(sessions))]
    if not sessions:
        return [*section, _none_recorded()]
    header = ["#", _("When"), _("Min"), _("Mode"), _("Counsellor"), _("Distress"),
              _("Referral"), _("Next follow-up")]
    widths = fitted_widths([18, 56, 30, 50, 0, 44, 96, 60], header,
                           {3: modes().values(), 6: referrals().values()})
    rows: list[list[Cell]] = []
    commands: list[tuple[Any, ...]] = []
    for number, x in enumerate(sessions, start=1):
        first: list[Cell] = [
            para(str(number), styles().cell_bold),
            _moment(x.started_at),
            str(x.duration_minutes), label(x.mode, modes()), x.counsellor_name or "",
            "" if x.distress_level is None else f"{x.distress_level}/10",
            label(x.referral, referrals()), date_text(x.next_follow_up_on),
        ]
        notes = _long_text(_("Notes"), x.notes)
        if x.outcome.strip():
            notes += _long_text(_("Outcome"), x.outcome)
        rows += _grouped_rows(first, notes, len(rows) + 1, len(header), commands)
    return [*section, data_table(header, rows, widths, extra_style=commands, zebra=False)]


def _follow_ups_section(follow_ups: Sequence[FollowUpData]) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Follow-ups"), len(follow_ups))]
    if not follow_ups:
        return [*section, _none_recorded()]
    header = [_("Due"), _("What"), _("Assignee"), _("Done")]
    widths = fitted_widths([56, 0, 130, 70], header)
    rows: list[list[Cell]] = [
        [date_text(f.due_on), f.description, f.assignee_name or "", _follow_up_state(f)]
        for f in follow_ups
    ]
    return [*section, data_table(header, rows, widths)]


def _follow_up_state(follow_up: FollowUpData) -> str:
    if not follow_up.done:
        return pgettext("follow-up", "open")
    if follow_up.done_at is None:
        return pgettext("follow-up", "done")
    return _("done {date}").format(date=date_text(follow_up.done_at))
