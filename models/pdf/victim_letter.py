"""A letter to the victim, in their own language: what the crisis service has recorded.

One or two pages a person can read without help: their police report numbers and where
each stands, the protective steps done, under way and still advisable (with what each
involves), the next agreed contact, where to get help, and how to ask for their data or
its erasure. Never session notes, never the extortion messages, never anyone else's data;
the identity code masked. :class:`~models.pdf.data.CaseSummary` refuses anything else.

The renderer writes in the language in use: the export service speaks the victim's
language (or the one asked for) while it loads and renders the letter.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from models.domain.enums import ActionState
from models.domain.formatting import date_text
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.pdf.data import Advice, CaseSummary
from models.pdf.layout import data_table, fitted_widths, key_value_table, styles, text
from models.pdf.words import label, report_states


def document_name() -> str:
    return _("Letter to the client")


def letter_story(summary: CaseSummary, today: dt.date) -> list[Flowable]:
    """The letter's flowables, in the language in use."""
    s = styles()
    victim = summary.victim
    story: list[Flowable] = [
        Paragraph(text(_("What the crisis service has recorded for you")), s.title),
        Paragraph(text(_("Case {reference} · {date}").format(
            reference=summary.reference, date=date_text(today))), s.subtitle),
        Paragraph(text(_("Dear {name},").format(name=victim.first_names)), s.body),
        Paragraph(text(_(
            "This letter lists what we have recorded in your case, so that you can check "
            "it and keep it for yourself. It does not contain the notes of our "
            "conversations or the messages you received. If something is wrong or "
            "missing, tell us and we will correct it.")), s.body),
    ]
    story += _section(_("Your details"), [key_value_table([
        (_("Name"), f"{victim.first_names} {victim.last_name}"),
        (_("Identity code"), summary.identity_code or _("not recorded")),
        (_("Phone"), victim.phone or _("not recorded")),
        (_("E-mail"), victim.email or _("not recorded")),
        (_("How we may contact you"), _contact_ways(summary)),
    ])])
    story += _section(_("Your police reports"), _reports(summary))
    story += _section(_("Protective steps"), _advice(summary.advice))
    story += _section(_("Your next contact with us"), [Paragraph(text(_next(summary)), s.body)])
    story += _section(_("Where to get help"), _help(summary))
    story += _section(_("Your data"), [Paragraph(text(_data_rights(summary)), s.body)])
    return story


def _section(title: str, body: list[Flowable]) -> list[Flowable]:
    head = Paragraph(text(title), styles().heading)
    return [KeepTogether([head, *body[:1]]), *body[1:]]


def _contact_ways(summary: CaseSummary) -> str:
    victim = summary.victim
    ways = [way for allowed, way in (
        (victim.may_leave_voicemail, _("voicemail")),
        (victim.may_send_sms, _("text messages")),
        (victim.may_email, _("e-mail")),
        (victim.may_send_post, _("post")),
    ) if allowed]
    if not ways:
        return _("only by phone, without leaving messages")
    return _("by phone, and by {ways}").format(ways=", ".join(ways))


def _reports(summary: CaseSummary) -> list[Flowable]:
    s = styles()
    if not summary.police_reports:
        return [Paragraph(text(_(
            "No police report is recorded in your case. Reporting the extortion to the "
            "police is advisable even if you did not pay: you can do it online at "
            "poliisi.fi or at any police station, and we can help you.")), s.body)]
    header = [_("Report number"), _("Filed"), _("Police department"), _("State")]
    rows = [[report.report_number, date_text(report.filed_on), report.department or "–",
             label(report.state, report_states())] for report in summary.police_reports]
    widths = fitted_widths([40 * mm, 25 * mm, 0, 45 * mm], header,
                           {3: report_states().values()})
    return [data_table(header, rows, widths)]


def _advice(advice: tuple[Advice, ...]) -> list[Flowable]:
    s = styles()
    # (title, steps, whether the letter says what to do: only of the steps not begun)
    groups = (
        (_("Done"), [a for a in advice if a.state == ActionState.DONE], False),
        (_("Under way"), [a for a in advice if a.state == ActionState.IN_PROGRESS], False),
        (_("Still advisable"),
         [a for a in advice if a.state in (None, ActionState.NOT_STARTED)], True),
    )
    flowables: list[Flowable] = []
    for title, steps, advisable in groups:
        if not steps:
            continue
        flowables.append(Paragraph(text(title), s.cell_bold))
        for step in steps:
            how = f" – {text(step.to_victim)}" if advisable and step.to_victim else ""
            flowables.append(Paragraph(f"• <b>{text(step.title)}</b>{how}", s.body))
        flowables.append(Spacer(1, 2 * mm))
    if not flowables:
        flowables.append(Paragraph(text(_("No protective steps are recorded.")), s.body))
    return flowables


def _next(summary: CaseSummary) -> str:
    upcoming = sorted(f.due_on for f in summary.follow_ups if not f.done)
    if not upcoming:
        return _("No next contact is agreed. You can contact us whenever you need to.")
    return _("We have agreed to contact you on {date}. If the day does not suit you, or you "
             "need us sooner, contact us.").format(date=date_text(upcoming[0]))


def _help(summary: CaseSummary) -> list[Flowable]:
    s = styles()
    organisation = summary.organisation
    lines = ([line for line in organisation.help_lines.splitlines() if line.strip()]
             if organisation and organisation.help_lines.strip() else None)
    if lines is None:
        lines = [
            _("Victim Support Finland (RIKU): 116 006, riku.fi"),
            _("Crisis helpline of MIELI Mental Health Finland: 09 2525 0111"),
            _("In an emergency: 112"),
        ]
    count = ngettext("{n} place to turn to:", "{n} places to turn to:", len(lines)).format(
        n=len(lines))
    # The places as one block: an emergency number alone on the next page is missed.
    return [KeepTogether([Paragraph(text(count), s.body),
                          *(Paragraph("• " + text(line), s.body) for line in lines)])]


def _data_rights(summary: CaseSummary) -> str:
    rights = _(
        "You have the right to see the data we hold about you, to have it corrected, and "
        "to ask for it to be erased (EU General Data Protection Regulation, Articles 15–17).")
    organisation = summary.organisation
    if organisation and organisation.data_requests.strip():
        return rights + " " + _("To ask: {how}").format(how=organisation.data_requests.strip())
    return rights + " " + _("Ask your counsellor, or contact the crisis service.")
