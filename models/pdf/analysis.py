"""Cross-case extortion analysis for investigators: the wallet addresses or senders seen
in more than one case, with totals, and the cases' references — never names or identity
codes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph

from models.domain.dto import SharedIndicator
from models.domain.formatting import datetime_text, totals_text
from models.pdf.data import ExportStamp
from models.pdf.layout import (
    BODY_WIDTH,
    Metadata,
    PageFrame,
    build_pdf,
    data_table,
    encrypt_pdf,
    heading,
    styles,
    text,
)

DOCUMENT_NAME = "Cross-case extortion analysis for investigators"
_TITLES = {"wallet": ("Wallet addresses", "Wallet address"), "sender": ("Senders", "Sender")}


def _totals(totals: Sequence[tuple[str, Decimal]]) -> str:
    return totals_text(totals) or "–"


def render_shared_indicators(
    kind: str, rows: Sequence[SharedIndicator], references: Mapping[str, Sequence[str]],
    stamp: ExportStamp, *, password: str | None = None,
) -> bytes:
    """The analysis as PDF bytes (AES-256 encrypted when ``password`` is given)."""
    plural, singular = _TITLES[kind]
    frame = PageFrame(document=DOCUMENT_NAME, reference=f"Shared {plural.lower()}", stamp=stamp)
    info = Metadata(title=f"Suoja cross-case analysis: shared {plural.lower()}",
                    subject="Confidential cross-case extortion analysis")
    s = styles()
    story: list[Flowable] = [
        Paragraph(text(f"{plural} seen in more than one case"), s.title),
        Paragraph(text("Victims are named by case reference only. Totals are summed per "
                       "currency over every contact with the same value."), s.subtitle),
    ]
    if not rows:
        story.append(Paragraph(text(f"No {singular.lower()} appears in more than one case."),
                               s.note))
    else:
        table_rows = [
            [row.value, str(row.victims), str(row.contacts), datetime_text(row.first_seen),
             datetime_text(row.last_seen), _totals(row.demanded), _totals(row.paid)]
            for row in rows
        ]
        widths = [140, 44, 48, 58, 58, 92, BODY_WIDTH - 440]
        story.append(data_table(
            [singular, "Victims", "Contacts", "First seen", "Last seen", "Demanded", "Paid"],
            table_rows, widths))
        for row in rows:
            refs = references.get(row.value, ())
            story += heading(f"{row.value}: {len(refs)} cases", room=30)
            # A paragraph, not a table cell, so thousands of references can run on.
            story.append(Paragraph(text(", ".join(refs)), s.cell_small))
    data = build_pdf(story, frame=frame, metadata=info)
    return encrypt_pdf(data, password, info) if password else data
