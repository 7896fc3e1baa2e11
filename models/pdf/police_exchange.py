"""Machine-readable companions of police exports: a JSON file per case and a batch index.

A police investigator who receives thousands of case summaries needs to find a case by
its police report number and to load the facts into their own systems without retyping
a PDF. So a police export can write, beside each ``<reference>-police.pdf``, a
``<reference>-police.json`` with the same content (:func:`police_document`, schema
docs/police-case.schema.json), and every batch writes ``index.csv`` and ``index.json``
listing the files it wrote (:func:`write_index`, schema docs/police-index.schema.json).
docs/POLICE-EXCHANGE.md explains the files and the version policy.

The JSON is built from the same :class:`~models.pdf.data.CaseSummary` as the PDF, which
for the police can never hold support sessions or follow-ups, so no session note can
reach it. Values: moments ISO 8601 in Finnish time with their offset, dates ISO, amounts
as decimal strings with an ISO 4217 currency beside them, enumerated values as stable
codes, each with its words in the export's language under ``…_label``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from models.domain import i18n
from models.domain.dto import ProtectiveActionData
from models.domain.formatting import local_time
from models.domain.private_files import write_private
from models.pdf.data import CaseSummary, ExportStamp, Profile
from models.pdf.words import (
    action_states,
    action_titles,
    channels,
    closure_reasons,
    decisions,
    grounds,
    label,
    languages,
    report_states,
    statuses,
)

#: The version each kind of file carries in ``schema_version``: the major number changes
#: when a field is removed, renamed or changes meaning; the minor number when one is added
#: (police-case 1.1: ``crisis_service_contact``).
CASE_SCHEMA_VERSION = "1.1"
INDEX_SCHEMA_VERSION = "1.0"
#: The ``$id`` of each schema in docs/ (the files name them in ``schema``).
CASE_SCHEMA = "https://suoja.invalid/schemas/police-case/1"
INDEX_SCHEMA = "https://suoja.invalid/schemas/police-index/1"
INDEX_CSV = "index.csv"
INDEX_JSON = "index.json"
#: The index's columns, in order (index.json uses the same names).
INDEX_COLUMNS = ("case_reference", "profile", "file", "pages", "sha256",
                 "police_report_numbers", "extortion_contacts", "json_file")
#: How report numbers are joined in one CSV cell (a report number never holds it).
REPORT_SEPARATOR = " "
_CENT = Decimal("0.01")
#: Protective-action notes are cut where the PDF cuts them (``case_summary.MAX_NOTE``).
MAX_NOTE = 1000


@dataclass(frozen=True, kw_only=True)
class WrittenFile:
    """One case's files as a batch wrote them (what its index row says).

    Attributes:
        pdf: the PDF as written; ``sha256`` and ``pages`` are of this file (encrypted
            if it was encrypted).
        report_numbers: the police report numbers in the summary (none for care).
        contacts: extortion contacts in the summary; ``None`` for a profile without them.
        json: the JSON companion, if one was written.
    """

    case_id: int
    reference: str
    profile: Profile
    pdf: Path
    sha256: str
    pages: int
    report_numbers: tuple[str, ...] = ()
    contacts: int | None = None
    json: Path | None = None


def json_name(pdf_name: str) -> str:
    """``SUO-2020-00042-police.json`` beside ``SUO-2020-00042-police.pdf``."""
    return str(Path(pdf_name).with_suffix(".json"))


def iso_moment(value: Any) -> str | None:
    """A stored moment as ISO 8601 in Finnish time with its offset:
    ``2020-10-24T12:30:00+03:00`` (the time the PDF prints)."""
    if value is None:
        return None
    return local_time(value).isoformat(timespec="seconds")


def iso_date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def money(amount: Decimal | None, currency: str) -> str | None:
    """An amount as a decimal string with the digits the PDF prints
    (:func:`~models.domain.formatting.money_text`): euros in cents, ``"200.00"``; other
    currencies with their own places, at least two, ``"0.0025"`` (bitcoin)."""
    if amount is None:
        return None
    value = Decimal(amount)
    if currency != "EUR":
        value = value.quantize(_CENT) if value == value.quantize(_CENT) else value.normalize()
    exponent = value.as_tuple().exponent
    if currency == "EUR" or not isinstance(exponent, int) or exponent > -2:
        value = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    return f"{value:f}"


def _coded(name: str, value: str | None, labels: Mapping[str, str]) -> dict[str, str | None]:
    """An enumerated value as ``{name: code, name_label: words}``."""
    return {name: value or None, f"{name}_label": label(value, labels) if value else None}


def _action(action: ProtectiveActionData, titles: Mapping[str, str]) -> dict[str, Any]:
    return {
        "type": action.type_code,
        "type_label": titles.get(action.type_code, action.title or action.type_code),
        **_coded("state", action.state, action_states()),
        "state_on": iso_date(action.state_on),
        "expires_on": iso_date(action.expires_on),
        "note": action.note[:MAX_NOTE],
        "note_cut": len(action.note) > MAX_NOTE,
        **_coded("grounds", action.grounds, grounds()),
        "evidence": action.evidence,
        **_coded("decision", action.decision, decisions()),
        "decision_on": iso_date(action.decision_on),
    }


def police_document(summary: CaseSummary, stamp: ExportStamp, pdf_file: str) -> dict[str, Any]:
    """The JSON companion of one police summary: what the PDF shows, as data.

    Labels are in the language in use (the PDF's); codes never change with it.

    Args:
        summary: a police summary (``ExportService.case_summary``).
        stamp: the PDF's export stamp.
        pdf_file: the name of the PDF beside it.

    Raises:
        ValueError: ``summary`` is not a police summary.
    """
    if summary.profile is not Profile.POLICE:
        raise ValueError("only a police summary has a JSON companion")
    case, victim = summary.case, summary.victim
    numbers = {c.id: n for n, c in enumerate(summary.extortion_contacts, start=1)}
    titles = action_titles()
    return {
        "schema": CASE_SCHEMA,
        "schema_version": CASE_SCHEMA_VERSION,
        "document": "police_case_summary",
        "language": i18n.current().value,
        "pdf_file": pdf_file,
        "export": {
            "exported_at": iso_moment(stamp.exported_at),
            "exported_by": stamp.exported_by,
            "classification": stamp.classification or None,
        },
        "case": {
            "reference": case.reference,
            **_coded("status", case.status, statuses()),
            **_coded("closure_reason", case.closure_reason, closure_reasons()),
            "opened_on": iso_date(case.opened_on),
            "closed_on": iso_date(case.closed_on),
        },
        "contact_person": ({"name": case.assigned_to_name} if case.assigned_to_name
                           else None),
        # The organisation's contact for the police, as the PDF's overview prints it.
        "crisis_service_contact": summary.police_contact or None,
        "injured_party": {
            "last_name": victim.last_name,
            "first_names": victim.first_names,
            "identity_code": summary.identity_code,
            "identity_code_masked": bool(summary.identity_code)
            and not summary.identity_code_revealed,
            "identity_code_temporary": victim.identity_code_temporary,
            "birth_date": iso_date(victim.birth_date),
            "phone": victim.phone,
            "email": victim.email,
            **_coded("preferred_language", victim.language, languages()),
            "safe_contact": {
                "may_leave_voicemail": victim.may_leave_voicemail,
                "may_send_sms": victim.may_send_sms,
                "may_email": victim.may_email,
                "may_send_post": victim.may_send_post,
            },
            "safe_contact_note": victim.safe_contact_note.strip() or None,
            "breaches": list(victim.breaches),
        },
        "extortion_contacts": [
            {
                "number": number,
                "received_at": iso_moment(c.received_at),
                **_coded("channel", c.channel, channels()),
                "sender": c.sender,
                "amount_demanded": money(c.amount_demanded, c.currency),
                "currency": str(c.currency),
                "wallet_address": c.wallet_address,
                "deadline_at": iso_moment(c.deadline_at),
                "paid": c.paid,
                "amount_paid": money(c.amount_paid, c.currency),
                "handed_to_police": c.handed_to_police,
                "message_text": c.message_text,
            }
            for number, c in enumerate(summary.extortion_contacts, start=1)
        ],
        "police_reports": [
            {
                "report_number": r.report_number,
                "department": r.department,
                "filed_on": iso_date(r.filed_on),
                **_coded("state", r.state, report_states()),
                "injured_party_has_copy": r.victim_has_copy,
            }
            for r in summary.police_reports
        ],
        "protective_actions": [_action(a, titles) for a in summary.protective_actions],
        "attachments": [
            {
                "number": number,
                "file_name": a.filename,
                "media_type": a.media_type,
                "size_bytes": a.size_bytes,
                "sha256": a.sha256,
                "added_at": iso_moment(a.added_at),
                "extortion_contact_number": numbers.get(a.extortion_contact_id or -1),
            }
            for number, a in enumerate(summary.attachments, start=1)
        ],
    }


def document_bytes(document: Mapping[str, Any]) -> bytes:
    """A JSON document as written: UTF-8, indented, ending in a newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def page_count(data: bytes) -> int:
    """The pages of an unencrypted PDF file's bytes (a batch counts them before it
    encrypts, instead of decrypting what it wrote)."""
    return len(PdfReader(io.BytesIO(data)).pages)


def index_row(written: WrittenFile) -> dict[str, Any]:
    """One case's row in index.json (index.csv writes the same values as text)."""
    return {
        "case_reference": written.reference,
        "profile": written.profile.value,
        "file": written.pdf.name,
        "pages": written.pages,
        "sha256": written.sha256,
        "police_report_numbers": list(written.report_numbers),
        "extortion_contacts": written.contacts,
        "json_file": written.json.name if written.json else None,
    }


def remove_index(folder: Path) -> None:
    """Remove an earlier batch's index from ``folder`` before a new batch starts, so an
    interrupted batch leaves no index that describes other files."""
    for name in (INDEX_CSV, INDEX_JSON):
        (folder / name).unlink(missing_ok=True)


def write_index(folder: Path, files: Iterable[WrittenFile], stamp: ExportStamp,
                profile: Profile) -> tuple[Path, Path]:
    """Write ``index.csv`` and ``index.json`` into ``folder``: one row per PDF the batch
    wrote, in reference order (cases that failed are not listed; see POLICE-EXCHANGE.md).

    Each file is written whole or not at all, owner-only.

    Returns:
        The paths of the CSV and the JSON index.
    """
    rows = [index_row(w) for w in sorted(files, key=lambda w: w.reference)]
    document = {
        "schema": INDEX_SCHEMA,
        "schema_version": INDEX_SCHEMA_VERSION,
        "document": "export_index",
        "profile": Profile(profile).value,
        "exported_at": iso_moment(stamp.exported_at),
        "exported_by": stamp.exported_by,
        "files": rows,
    }
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(INDEX_COLUMNS)
    for row in rows:
        writer.writerow([
            row["case_reference"], row["profile"], row["file"], row["pages"], row["sha256"],
            REPORT_SEPARATOR.join(row["police_report_numbers"]),
            "" if row["extortion_contacts"] is None else row["extortion_contacts"],
            row["json_file"] or "",
        ])
    csv_path, json_path = folder / INDEX_CSV, folder / INDEX_JSON
    write_private(json_path, document_bytes(document))
    write_private(csv_path, text.getvalue().encode("utf-8"))
    return csv_path, json_path
