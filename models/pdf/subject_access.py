"""The access copy as a PDF: everything recorded about a person, for the person.

Drawn from the very document written as ``subject.json`` (schema :data:`SCHEMA`,
``models.services.subject_access`` builds it), in the language in use (the export service
speaks the person's own, or the one asked for): every section of the JSON, in its order,
with stored codes as words and times in Finnish time. Nothing is shortened: long texts
continue over as many rows and pages as they need; only a record's empty fields are left
out (the JSON has every field). What the supervisor kept back, and why, is the last
section ("Nothing was withheld." when nothing was).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle

from models.domain.formatting import (
    binary_size_text,
    date_text,
    datetime_text,
    local_time,
    money_text,
)
from models.domain.i18n import gettext as _
from models.domain.i18n import pgettext
from models.pdf.data import ExportStamp
from models.pdf.layout import (
    Cell,
    Metadata,
    PageFrame,
    build_pdf,
    chunks,
    data_table,
    fitted_widths,
    heading,
    key_value_table,
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

#: The JSON's schema and version (docs/SUBJECT_ACCESS.md says when it changes).
SCHEMA = "suoja-subject-access/1"
#: The names in the copy's folder.
JSON_NAME = "subject.json"
ATTACHMENT_FOLDER = "attachments"

Document = Mapping[str, Any]


def pdf_name(reference: str) -> str:
    """The PDF's file name in the copy's folder."""
    return f"{reference}-access-copy.pdf"


def document_name() -> str:
    return _("Copy of your personal data")


def roles() -> dict[str, str]:
    """A staff member's role, as the copy names them instead of their name."""
    return {
        "counsellor": pgettext("staff role", "counsellor"),
        "police_liaison": pgettext("staff role", "police liaison"),
        "supervisor": pgettext("staff role", "supervisor"),
        "administrator": pgettext("staff role", "administrator"),
    }


def audit_actions() -> dict[str, str]:
    """What was done, as the access log says it."""
    return {
        "view": pgettext("audit action", "viewed"),
        "reveal": pgettext("audit action", "full identity code shown"),
        "create": pgettext("audit action", "recorded"),
        "update": pgettext("audit action", "changed"),
        "delete": pgettext("audit action", "deleted"),
        "export": pgettext("audit action", "exported"),
        "break_glass": pgettext("audit action", "break-the-glass access"),
        "erase": pgettext("audit action", "erased"),
    }


def audit_entities() -> dict[str, str]:
    """What it was done to, as the access log says it."""
    return {
        "case": pgettext("audit entity", "case"),
        "victim": pgettext("audit entity", "your details"),
        "identity_code": pgettext("audit entity", "identity code"),
        "extortion_contact": pgettext("audit entity", "extortion message"),
        "police_report": pgettext("audit entity", "police report"),
        "support_session": pgettext("audit entity", "support session"),
        "follow_up": pgettext("audit entity", "follow-up"),
        "protective_action": pgettext("audit entity", "protective step"),
        "attachment": pgettext("audit entity", "evidence file"),
        "access_grant": pgettext("audit entity", "break-the-glass access"),
        "subject": pgettext("audit entity", "copy of your data"),
    }


def metadata(reference: str) -> Metadata:
    """Title and subject of the PDF: the reference, no person's name."""
    return Metadata(title=_("Suoja access copy {reference}").format(reference=reference),
                    subject=_("Confidential copy of a person's data"))


def render_subject_access(document: Document, stamp: ExportStamp) -> bytes:
    """The PDF of one access copy, in the language in use."""
    reference = document["case"]["reference"]
    story = subject_story(document, local_time(stamp.exported_at).date())
    frame = PageFrame(document=document_name(), reference=reference, stamp=stamp)
    return build_pdf(story, frame=frame, metadata=metadata(reference))


# -- values ----------------------------------------------------------------------------


def _date(value: str | None) -> str:
    return date_text(dt.date.fromisoformat(value)) if value else ""


def _moment(value: str | None) -> str:
    if not value:
        return ""
    return datetime_text(dt.datetime.fromisoformat(value.replace("Z", "+00:00")), zone=True)


def _money(amount: str | None, currency: str) -> str:
    return money_text(Decimal(amount), currency) if amount is not None else ""


def _role(code: str | None) -> str:
    return label(code, roles()) if code else _("not recorded")


def _or_none(value: str | None) -> str:
    return value if value else _("not recorded")


# -- pieces ----------------------------------------------------------------------------


def _section(title: str, count: int | None = None) -> list[Flowable]:
    return heading(title + (f" ({count})" if count is not None else ""))


def _none_recorded() -> Paragraph:
    return Paragraph(text(_("None recorded.")), styles().note)


#: Most lines of text in one table row (a row must fit on a page).
MAX_CELL_LINES = 40


def _pieces(value: str) -> list[str]:
    """A text cut into pieces that each fit in one table row: at most
    :data:`~models.pdf.layout.MAX_CELL_CHARS` characters and :data:`MAX_CELL_LINES` lines."""
    pieces: list[str] = []
    for piece in chunks(value):
        lines = piece.split("\n")
        pieces += ["\n".join(lines[i:i + MAX_CELL_LINES])
                   for i in range(0, len(lines), MAX_CELL_LINES)]
    return pieces


def _pairs(pairs: Sequence[tuple[str, str]], caption: str | None = None) -> LongTable:
    """A "what: value" table whose long values continue over further rows, under an
    optional caption row that stays on the page of the first field."""
    rows: list[tuple[str, Flowable | str]] = []
    if caption is not None:
        rows.append((caption, ""))
    for key, value in pairs:
        for index, piece in enumerate(_pieces(value) if value else [""]):
            rows.append((key if index == 0 else "", piece))
    table = key_value_table(rows)
    if caption is not None:
        table.setStyle(TableStyle([
            ("SPAN", (0, 0), (1, 0)), ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("NOSPLIT", (0, 0), (-1, min(1, len(rows) - 1))),
        ]))
    return table


def _records(title: str, items: Sequence[Document],
             caption: Callable[[int, Document], str],
             fields: Callable[[Document], Sequence[tuple[str, str]]]) -> list[Flowable]:
    """A section of records, each a caption and its fields."""
    story: list[Flowable] = [*_section(title, len(items))]
    if not items:
        return [*story, _none_recorded()]
    for number, item in enumerate(items, start=1):
        # Empty fields are left out here (the JSON has every field).
        shown = [(key, value) for key, value in fields(item) if value]
        story.append(_pairs(shown, caption=caption(number, item)))
    return story


def _corrected_field(code: str) -> str:
    """A corrected detail's name, as the "Your details" section names it."""
    names = {
        "first_names": _("First names"), "last_name": _("Last name"),
        "birth_date": _("Date of birth"), "phone": _("Phone"), "email": _("E-mail"),
        "street_address": _("Street address"), "postal_code": _("Postal code"),
        "city": _("City"), "country": _("Country"), "language": _("Preferred language"),
        "may_leave_voicemail": _("voicemail"), "may_send_sms": _("text messages"),
        "may_email": _("e-mail"), "may_send_post": _("post"),
        "safe_contact_note": _("Note on contacting you"),
        "consent_given": _("Consent to processing"), "consent_date": _("Date of consent"),
    }
    return names.get(code, code)


def _table(title: str, items: Sequence[Document], header: Sequence[str],
           fixed: Sequence[float], row: Callable[[Document], Sequence[Cell]],
           samples: Mapping[int, Any] | None = None) -> list[Flowable]:
    story: list[Flowable] = [*_section(title, len(items))]
    if not items:
        return [*story, _none_recorded()]
    widths = fitted_widths(fixed, header, samples)
    return [*story, data_table(header, [list(row(item)) for item in items], widths)]


# -- the story -------------------------------------------------------------------------


def subject_story(document: Document, today: dt.date) -> list[Flowable]:
    """The copy's flowables, in the language in use."""
    s = styles()
    case = document["case"]
    story: list[Flowable] = [
        Paragraph(text(document_name()), s.title),
        Paragraph(text(_("Case {reference} · {date}").format(
            reference=case["reference"], date=date_text(today))), s.subtitle),
        Paragraph(text(_(
            "This is a copy of everything the crisis service has recorded about you, as the "
            "EU General Data Protection Regulation entitles you to (Articles 15 and 20): "
            "your details, your case and every record in it, including the notes of our "
            "conversations and the messages you received, and who has read or changed "
            "your case. Staff members are named by their role. The same data is in the "
            "file {json} beside this document, in a form other programs can read, and "
            "the evidence files are in the folder {folder}.").format(
                json=JSON_NAME, folder=ATTACHMENT_FOLDER + "/")), s.body),
    ]
    story += _person(document["person"])
    story += _table(_("Identity codes"), document["identity_code_history"],
                    [_("Identity code"), _("Valid from"), _("Valid to"), _("Note")],
                    [80, 112, 112, 0],
                    lambda r: [r["identity_code"], _moment(r["valid_from"]),
                               _moment(r["valid_to"]), r["note"]])
    story += _table(_("Corrections to your details"), document.get("corrections", []),
                    [_("Detail"), _("Before"), _("After"), _("Corrected")],
                    [96, 0, 130, 108],
                    lambda c: [_corrected_field(c["field"]), c["previous_value"] or "",
                               c["new_value"] or "", _moment(c["changed_at"])])
    story += _table(_("Breaches"), document["breaches"],
                    [_("Breach"), _("Occurred"), _("Revealed"), _("Description")],
                    [110, 90, 56, 0],
                    lambda b: [b["name"], " – ".join(
                        d for d in (_date(b["occurred_from"]), _date(b["occurred_to"])) if d),
                        _date(b["revealed_on"]), b["description"]])
    story += _case(case)
    story += _records(_("Extortion messages"), document["extortion_contacts"],
                      lambda n, c: _("Message {number}, received {time}").format(
                          number=n, time=_moment(c["received_at"])),
                      _contact_fields)
    story += _table(_("Police reports"), document["police_reports"],
                    [_("Report number"), _("Police department"), _("Filed"), _("State"),
                     _("You have a copy")],
                    [92, 0, 56, 112, 62],
                    lambda r: [r["report_number"], r["department"], _date(r["filed_on"]),
                               label(r["state"], report_states()),
                               yes_no(r["victim_has_copy"])],
                    {3: report_states().values()})
    story += _records(_("Support sessions"), document["support_sessions"],
                      lambda n, x: _("Session {number}, {time}").format(
                          number=n, time=_moment(x["started_at"])),
                      _session_fields)
    story += _table(_("Follow-ups"), document["follow_ups"],
                    [_("Due"), _("What"), _("Assignee"), _("Done")],
                    [56, 0, 90, 90],
                    lambda f: [_date(f["due_on"]), f["description"], _role(f["assignee_role"]),
                               _moment(f["done_at"]) if f["done"] else yes_no(False)])
    story += _records(_("Protective steps"), document["protective_actions"],
                      lambda n, a: action_titles().get(a["type"], label(a["type"])),
                      _action_fields)
    story += _table(_("Evidence files"), document["attachments"],
                    [_("File name"), _("Type"), _("Size"), _("Added"), _("File in the folder")],
                    [0, 76, 44, 62, 136],
                    lambda a: [a["filename"], a["media_type"],
                               binary_size_text(a["size_bytes"]), _moment(a["added_at"]),
                               a["file"]])
    story += _table(_("Break-the-glass accesses"), document["access_grants"],
                    [_("Staff member"), _("Granted"), _("Until"), _("Reason")],
                    [80, 112, 112, 0],
                    lambda g: [_role(g["staff_role"]), _moment(g["granted_at"]),
                               _moment(g["expires_at"]), g["reason"]],
                    {0: roles().values()})
    story += _table(_("Who has read or changed your case"), document["access_log"],
                    [_("When"), _("What"), _("Record"), _("Staff member")],
                    [120, 0, 130, 90],
                    lambda e: [_moment(e["at"]), label(e["action"], audit_actions()),
                               label(e["entity"], audit_entities()), _role(e["staff_role"])],
                    {3: roles().values()})
    story += _withheld(document["withheld"])
    return story


def _person(person: Document) -> list[Flowable]:
    address = person["address"]
    safe = person["safe_contact"]
    consent = person["consent"]
    ways = [way for allowed, way in (
        (safe["may_leave_voicemail"], _("voicemail")),
        (safe["may_send_sms"], _("text messages")),
        (safe["may_email"], _("e-mail")),
        (safe["may_send_post"], _("post")),
    ) if allowed]
    contact = (_("by phone, and by {ways}").format(ways=", ".join(ways)) if ways
               else _("only by phone, without leaving messages"))
    postal = ", ".join(p for p in (address["street_address"],
                                   f"{address['postal_code']} {address['city']}".strip(),
                                   address["country"]) if p)
    given = (_("yes, {date}").format(date=_date(consent["date"]))
             if consent["given"] and consent["date"] else yes_no(consent["given"]))
    return [*_section(_("Your details")), _pairs([
        (_("Last name"), person["last_name"]),
        (_("First names"), person["first_names"]),
        (_("Identity code"), _or_none(person["identity_code"])),
        (_("Date of birth"), _or_none(_date(person["birth_date"]))),
        (_("Phone"), _or_none(person["phone"])),
        (_("E-mail"), _or_none(person["email"])),
        (_("Postal address"), _or_none(postal)),
        (_("Preferred language"), label(person["language"], languages())),
        (_("How we may contact you"), contact),
        (_("Note on contacting you"), person["safe_contact"]["note"]),
        (_("Consent to processing"), given),
        (_("Recorded"), _moment(person["recorded_at"])),
        (_("Last changed"), _moment(person["updated_at"])),
    ])]


def _case(case: Document) -> list[Flowable]:
    status = label(case["status"], statuses())
    if case["closure_reason"]:
        status += f" ({label(case['closure_reason'], closure_reasons())})"
    pairs = [
        (_("Case reference"), case["reference"]),
        (_("Status"), status),
        (_("Opened"), _date(case["opened_on"])),
        (_("Closed"), _date(case["closed_on"])),
        (_("Risk level"), label(case["risk_level"], risk_levels())),
        (_("Reason for the risk level"), case["risk_reason"]),
        (_("Intake note"), case["intake_note"]),
        (_("Assigned to"), _role(case["assigned_role"]) if case["assigned_role"]
         else _("unassigned")),
    ]
    if case["closure_requested_at"]:
        pairs.append((_("Closure requested"), "{time} ({reason})".format(
            time=_moment(case["closure_requested_at"]),
            reason=label(case["requested_closure_reason"], closure_reasons()))))
    pairs += [(_("Recorded"), _moment(case["recorded_at"])),
              (_("Last changed"), _moment(case["updated_at"]))]
    return [*_section(_("Your case")), _pairs([(k, v) for k, v in pairs if v])]


def _contact_fields(c: Document) -> list[tuple[str, str]]:
    paid = yes_no(c["paid"])
    if c["paid"] and c["amount_paid"] is not None:
        paid = _("yes, {amount}").format(amount=_money(c["amount_paid"], c["currency"]))
    return [
        (_("Channel"), label(c["channel"], channels())),
        (_("Sender"), c["sender"]),
        (_("Demanded"), _money(c["amount_demanded"], c["currency"])),
        (_("Wallet"), c["wallet_address"] or ""),
        (_("Deadline"), _moment(c["deadline_at"])),
        (_("Paid"), paid),
        (_("Handed to the police"), yes_no(c["handed_to_police"])),
        (_("Message (verbatim)"), c["message_text"]),
    ]


def _session_fields(x: Document) -> list[tuple[str, str]]:
    distress = "" if x["distress_level"] is None else f"{x['distress_level']}/10"
    return [
        (_("Duration"), _("{minutes} min").format(minutes=x["duration_minutes"])),
        (_("Mode"), label(x["mode"], modes())),
        (_("Counsellor"), _role(x["counsellor_role"])),
        (_("Distress (0–10)"), distress),
        (_("Referral"), label(x["referral"], referrals())),
        (_("Notes"), x["notes"]),
        (_("Outcome"), x["outcome"]),
    ]


def _action_fields(a: Document) -> list[tuple[str, str]]:
    decision = label(a["decision"], decisions())
    if decision and a["decision_on"]:
        decision = f"{decision}, {_date(a['decision_on'])}"
    return [
        (_("State"), label(a["state"], action_states())),
        (_("Date"), _date(a["state_on"])),
        (_("Expires"), _date(a["expires_on"])),
        (_("Note"), a["note"]),
        (_("Grounds"), label(a["grounds"], grounds())),
        (_("Evidence"), a["evidence"]),
        (_("Decision"), decision),
    ]


def _withheld(withheld: Sequence[Document]) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [*_section(_("What was withheld, and why"))]
    if not withheld:
        return [*story, Paragraph(text(_("Nothing was withheld.")), s.body)]
    for item in withheld:
        story.append(_pairs([(_("What"), item["what"]), (_("Why"), item["why"])]))
    return story
