"""Case summaries: the police profile and the care-handover profile of one case.

*Police*: an overview first (every extortion contact with its wallet on one line each,
the police report numbers with their state, the crisis service's contact person), then
the injured party's identity (identity code masked unless revealed), every extortion
contact with its verbatim message, the police reports, protective actions and the
evidence attachments with their SHA-256 hashes — never support sessions.

An empty section is one line kept with the section before it
(:func:`models.pdf.layout.keep_empty_sections`), so no page holds only empty sections.

*Care*: contact details and safe-contact rules, risk level and reason with the distress
levels recorded over time, referrals, support sessions with their notes, and follow-ups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
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
    zone_text,
)
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext, pgettext
from models.pdf import victim_letter
from models.pdf.data import CaseSummary, ExportStamp, Profile
from models.pdf.layout import (
    CELL_PADDING,
    FONT,
    RULE_GREY,
    ZEBRA_FILL,
    Cell,
    EmptySection,
    KeepHeading,
    Metadata,
    PageFrame,
    broken_lines,
    build_pdf,
    chunks,
    data_table,
    encrypt_pdf,
    fitted_widths,
    headed_section,
    heading,
    keep_empty_sections,
    key_value_table,
    muted,
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
        # A file is found by its police report numbers; they name no person.
        keywords=(summary.reference,
                  *(r.report_number for r in summary.police_reports)) if police else (),
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
    story = keep_empty_sections(story)
    frame = PageFrame(document=document_name(summary.profile), reference=summary.reference,
                      stamp=stamp)
    return protected(summary, build_pdf(story, frame=frame, metadata=metadata(summary)),
                     password)


def protected(summary: CaseSummary, data: bytes, password: str | None) -> bytes:
    """A rendered summary encrypted with AES-256 under ``password``, or as it is without
    one (a batch counts the pages before, so it never has to decrypt its own file)."""
    return encrypt_pdf(data, password, metadata(summary)) if password else data


# -- shared pieces -----------------------------------------------------------------------


def _heading(title: str, count: int | None = None) -> list[Flowable]:
    return heading(title + (f" ({count})" if count is not None else ""))


def _section(title: str, count: int, body: Flowable) -> list[Flowable]:
    """A section with a count in its heading, which never ends a page alone."""
    return headed_section(f"{title} ({count})", body)


def _empty(title: str) -> EmptySection:
    """A section with nothing recorded, as one line: "Police reports (0) None recorded."."""
    return EmptySection(f"{title} (0)", _("None recorded."))


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
    temporary = summary.victim.identity_code_temporary
    if summary.identity_code_revealed:
        return _("{code} (temporary code)").format(code=shown) if temporary else shown
    if temporary:
        return _("{code} (temporary code, masked)").format(code=shown)
    return _("{code} (masked)").format(code=shown)


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
        place = f"{victim.postal_code} {victim.city}".strip()
        # The country alone is no address ("FI" is every record's default).
        address = (", ".join(p for p in (victim.street_address, place, victim.country) if p)
                   if victim.street_address.strip() or place else "")
        pairs.append((_("Postal address"), address or not_recorded))
    pairs.append((_("Preferred language"), label(victim.language, languages())))
    if not care:
        # The care profile gives the rules a section of their own. An investigator who
        # calls the injured party needs the note too ("call only in the evenings"); it is
        # the person's own instruction, not a support-session note.
        pairs.append((_("Safe-contact rules"), _contact_rules(victim)))
        if victim.safe_contact_note.strip():
            pairs.append((_("Safe-contact note"), victim.safe_contact_note.strip()))
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


def _moment(value: dt.datetime | None, style: ParagraphStyle | None = None) -> Paragraph:
    """A moment in a narrow column: the date and the time on one line (never broken
    between them), its offset from UTC below: "24.10.2020 16.04", "(UTC+3)"."""
    if value is None:
        return para("", style)
    when = text(datetime_text(value, compact=True)).replace(" ", "&nbsp;")
    return para(f"{when}<br/>({text(zone_text(value))})", style)


def _moment_samples() -> list[str]:
    """The widest moments a column may hold, as one line each (see :func:`_moment`)."""
    widest = dt.datetime(2020, 12, 28, 20, 58, tzinfo=dt.UTC)
    return [datetime_text(widest, compact=True)]


def _amounts(contacts: Sequence[ExtortionContactData]) -> tuple[list[str], list[str]]:
    """The amounts demanded and the amounts paid, as shown: a column holding them is
    sized so that none breaks ("1 234 567,89 €" stays on one line)."""
    demanded = [money_text(c.amount_demanded, c.currency) for c in contacts
                if c.amount_demanded is not None]
    paid = [money_text(c.amount_paid, c.currency) for c in contacts
            if c.paid and c.amount_paid is not None]
    return demanded, paid


#: The least width of the overview's channel-and-sender column ("asiakastiedot@").
SENDER_WIDTH = 30 * mm


def _paid(contact: ExtortionContactData) -> str:
    if not contact.paid:
        return yes_no(False)
    if contact.amount_paid is None:
        return yes_no(True)
    return _("yes, {amount}").format(amount=money_text(contact.amount_paid, contact.currency))


# -- police ------------------------------------------------------------------------------


def police_story(summary: CaseSummary) -> list[Flowable]:
    """The flowables of a police-profile summary."""
    story = _title_block(summary)
    story += _overview_section(summary)
    # To the police the person is the injured party (asianomistaja, målsägande).
    story += [*_heading(_("Injured party")), _victim_table(summary)]
    story += _contacts_section(summary.extortion_contacts)
    story += _reports_section(summary.police_reports)
    story += _actions_section(summary.protective_actions)
    story += _attachments_section(summary.attachments, summary.extortion_contacts)
    return story


def _overview_section(summary: CaseSummary) -> list[Flowable]:
    """What an investigator looks for first: the report numbers and their state, whom to
    ask at the crisis service, and every contact's wallet and amounts, one line each."""
    s = styles()
    case = summary.case
    contact = (_("{name} (assigned counsellor)").format(name=case.assigned_to_name)
               if case.assigned_to_name else _("no counsellor assigned"))
    reports = "<br/>".join(
        f"<b>{text(r.report_number)}</b> · {text(label(r.state, report_states()))}"
        for r in summary.police_reports) or text(_("none recorded"))
    pairs: list[tuple[str, Flowable | str]] = [
        (_("Police reports"), para(reports)),
        (_("Contact person at the crisis service"), contact),
    ]
    # How investigators reach the service: the organisation's contact for the police (a
    # victim's data-request address is not that). Not set: no line rather than an empty one.
    if summary.police_contact:
        pairs.append((_("The crisis service's contact details"), summary.police_contact))
    contacts = summary.extortion_contacts
    if not contacts:
        pairs.append((_("Extortion contacts"), _("none recorded")))
    section: list[Flowable] = [*_heading(_("Case overview")), key_value_table(pairs)]
    if not contacts:
        return section
    header = ["#", _("Received"), _("Channel and sender"), _("Wallet"), _("Demanded"),
              _("Paid")]
    small = s.cell_small
    wallets = [c.wallet_address for c in contacts if c.wallet_address]
    # The wallet column as wide as the longest address (within reason), so that each
    # address stays on one line and can be read (and copied) whole.
    wallet_width = min(max((stringWidth(w, FONT, small.fontSize) for w in wallets),
                           default=0.0) + CELL_PADDING, 215.0)
    demanded, paid = _amounts(contacts)
    widths = fitted_widths([16, 60, 0, wallet_width, 48, 40], header,
                           {5: (yes_no(True), yes_no(False))},
                           lines={1: _moment_samples(), 4: demanded, 5: paid})
    # Amounts never break: the channel and sender keep a readable width, and what the
    # amounts need more comes from the wallet column (an address then breaks in fours).
    short = SENDER_WIDTH - widths[2]
    if short > 0:
        widths[3] -= short
        widths[2] += short
    rows: list[list[Cell]] = []
    for number, c in enumerate(contacts, start=1):
        channel = text(label(c.channel, channels()))
        sender = broken_lines(c.sender, widths[2] - CELL_PADDING, small)
        wallet = (broken_lines(c.wallet_address, widths[3] - CELL_PADDING, small,
                               after="", group=4)
                  if c.wallet_address else text(_("none recorded")))
        rows.append([
            para(str(number), s.cell_bold),
            _moment(c.received_at, small),
            para(f"{muted(channel)}<br/>{sender}", small),
            para(wallet, small),
            para(text(money_text(c.amount_demanded, c.currency)), small),
            para(text(_paid(c)), small),
        ])
    title = Paragraph(text(ngettext("{n} extortion contact, oldest first",
                                    "{n} extortion contacts, oldest first", len(contacts))
                           .format(n=len(contacts))), s.body)
    return [*section, Spacer(1, 2 * mm), KeepHeading(title, data_table(header, rows, widths))]


def _contacts_section(contacts: Sequence[ExtortionContactData]) -> list[Flowable]:
    if not contacts:
        return [_empty(_("Extortion contacts"))]
    s = styles()
    header = ["#", _("Received"), _("Channel"), _("Sender"), _("Demanded"), _("Deadline"),
              _("Paid"), _("To police")]
    answers = (yes_no(True), yes_no(False))
    demanded, paid = _amounts(contacts)
    widths = fitted_widths([18, 54, 46, 0, 54, 54, 56, 38], header,
                           {2: channels().values(), 6: answers, 7: answers}, whole=(7,),
                           lines={1: _moment_samples(), 4: demanded, 5: _moment_samples(),
                                  6: paid})
    rows: list[list[Cell]] = []
    commands: list[tuple[Any, ...]] = []
    for number, contact in enumerate(contacts, start=1):
        first: list[Cell] = [
            para(str(number), s.cell_bold),
            _moment(contact.received_at),
            label(contact.channel, channels()),
            para(broken_lines(contact.sender, widths[3] - CELL_PADDING)),
            para(text(money_text(contact.amount_demanded, contact.currency))),
            _moment(contact.deadline_at),
            _paid(contact),
            yes_no(contact.handed_to_police),
        ]
        message = _long_text(_("Message (verbatim)"), contact.message_text)
        wallet_caption = text(_("Wallet"))
        address = text(contact.wallet_address or _("none recorded"))
        wallet = para(f"<b>{wallet_caption}</b> {address}")
        detail = [[wallet, Spacer(1, 1.5 * mm), *message[0]], *message[1:]]
        rows += _grouped_rows(first, detail, len(rows) + 1, len(header), commands)
    return _section(_("Extortion contacts"), len(contacts),
                    data_table(header, rows, widths, extra_style=commands, zebra=False))


def _reports_section(reports: Sequence[PoliceReportData]) -> list[Flowable]:
    if not reports:
        return [_empty(_("Police reports"))]
    rows: list[list[Cell]] = [
        [para(f"<b>{text(r.report_number)}</b>"), r.department, date_text(r.filed_on),
         label(r.state, report_states()), yes_no(r.victim_has_copy)]
        for r in reports
    ]
    header = [_("Report number"), _("Police department"), _("Filed"), _("State"),
              _("Injured party has copy")]
    widths = fitted_widths([92, 0, 56, 112, 62], header,
                           {3: report_states().values(), 4: (yes_no(True), yes_no(False))},
                           two_lines=(4,))
    return _section(_("Police reports"), len(reports), data_table(header, rows, widths))


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
    if not actions:
        return [_empty(_("Protective actions"))]
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
    return _section(_("Protective actions"), len(actions), data_table(header, rows, widths))


#: Protective-action notes are short by nature; a pasted essay is cut in the summary.
MAX_NOTE = 1000


def _attachments_section(
    attachments: Sequence[AttachmentInfo], contacts: Sequence[ExtortionContactData]
) -> list[Flowable]:
    if not attachments:
        return [_empty(_("Evidence attachments"))]
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
    return _section(_("Evidence attachments"), len(attachments),
                    data_table(header, rows, widths, extra_style=commands, zebra=False))


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
    # What was learnt at first contact: care only (the police profile leaves it out, as
    # it leaves out session notes). A paragraph, not a table cell, so a long note flows
    # on to the next page.
    if case.intake_note:
        story += headed_section(_("Intake note"), Paragraph(text(case.intake_note), s.body))
    else:
        story.append(EmptySection(_("Intake note"), _("None recorded.")))

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
    if not referred:
        return [_empty(_("Referrals"))]
    header = [_("Date"), _("Referred to"), _("By")]
    widths = fitted_widths([70, 0, 150], header)
    rows: list[list[Cell]] = [
        [date_text(x.started_at), label(x.referral, referrals()), x.counsellor_name or ""]
        for x in referred
    ]
    return _section(_("Referrals"), len(referred), data_table(header, rows, widths))


def _sessions_section(sessions: Sequence[SupportSessionData]) -> list[Flowable]:
    if not sessions:
        return [_empty(_("Support sessions"))]
    header = ["#", _("When"), _("Min"), _("Mode"), _("Counsellor"), _("Distress"),
              _("Referral"), _("Next follow-up")]
    widths = fitted_widths([18, 56, 30, 50, 0, 44, 96, 60], header,
                           {3: modes().values(), 6: referrals().values()},
                           lines={1: _moment_samples()})
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
            # The outcome's first piece shares the notes' last row, so it never starts
            # a page of its own under an empty number column.
            outcome = _long_text(_("Outcome"), x.outcome)
            notes[-1] = [*notes[-1], Spacer(1, 1.5 * mm), *outcome[0]]
            notes += outcome[1:]
        rows += _grouped_rows(first, notes, len(rows) + 1, len(header), commands)
    return _section(_("Support sessions"), len(sessions),
                    data_table(header, rows, widths, extra_style=commands, zebra=False))


def _follow_ups_section(follow_ups: Sequence[FollowUpData]) -> list[Flowable]:
    if not follow_ups:
        return [_empty(_("Follow-ups"))]
    header = [_("Due"), _("What"), _("Assignee"), _("Done")]
    widths = fitted_widths([56, 0, 130, 70], header)
    rows: list[list[Cell]] = [
        [date_text(f.due_on), f.description, f.assignee_name or "", _follow_up_state(f)]
        for f in follow_ups
    ]
    return _section(_("Follow-ups"), len(follow_ups), data_table(header, rows, widths))


def _follow_up_state(follow_up: FollowUpData) -> str:
    if not follow_up.done:
        return pgettext("follow-up", "open")
    if follow_up.done_at is None:
        return pgettext("follow-up", "done")
    return _("done {date}").format(date=date_text(follow_up.done_at))
