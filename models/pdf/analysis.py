"""Cross-case extortion analysis for investigators: the wallet addresses or senders seen
in more than one case, with totals, and the cases' references — never names or identity
codes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from reportlab.platypus import Flowable, Paragraph

from models.domain.dto import SharedIndicator
from models.domain.formatting import datetime_text, totals_text
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.pdf.data import ExportStamp
from models.pdf.layout import (
    Metadata,
    PageFrame,
    build_pdf,
    data_table,
    encrypt_pdf,
    fitted_widths,
    heading,
    styles,
    text,
)


def _words(kind: str) -> tuple[str, str, str, str]:
    """The frame's name for the list, its title, its "none" sentence and its first column."""
    if kind == "wallet":
        return (_("Shared wallet addresses"), _("Wallet addresses seen in more than one case"),
                _("No wallet address appears in more than one case."), _("Wallet address"))
    return (_("Shared senders"), _("Senders seen in more than one case"),
            _("No sender appears in more than one case."), _("Sender"))


def _title(kind: str) -> str:
    """The PDF's title (metadata)."""
    if kind == "wallet":
        return _("Suoja cross-case analysis: shared wallet addresses")
    return _("Suoja cross-case analysis: shared senders")


def _totals(totals: Sequence[tuple[str, Decimal]]) -> str:
    return totals_text(totals) or "–"


def render_shared_indicators(
    kind: str, rows: Sequence[SharedIndicator], references: Mapping[str, Sequence[str]],
    stamp: ExportStamp, *, password: str | None = None,
) -> bytes:
    """The analysis as PDF bytes (AES-256 encrypted when ``password`` is given)."""
    reference, title, none_found, column = _words(kind)
    frame = PageFrame(document=_("Cross-case extortion analysis for investigators"),
                      reference=reference, stamp=stamp)
    info = Metadata(title=_title(kind),
                    subject=_("Confidential cross-case extortion analysis"))
    s = styles()
    story: list[Flowable] = [
        Paragraph(text(title), s.title),
        Paragraph(text(_("Victims are named by case reference only. Totals are summed per "
                         "currency over every contact with the same value.")), s.subtitle),
    ]
    if not rows:
        story.append(Paragraph(text(none_found), s.note))
    else:
        table_rows = [
            [row.value, str(row.victims), str(row.contacts),
             datetime_text(row.first_seen, zone=True), datetime_text(row.last_seen, zone=True),
             _totals(row.demanded), _totals(row.paid)]
            for row in rows
        ]
        header = [column, _("Victims"), _("Contacts"), _("First seen"), _("Last seen"),
                  _("Demanded"), _("Paid")]
        widths = fitted_widths([140, 44, 48, 58, 58, 92, 0], header)
        story.append(data_table(header, table_rows, widths))
        for row in rows:
            refs = references.get(row.value, ())
            story += heading(ngettext("{value}: {n} case", "{value}: {n} cases",
                                      len(refs)).format(value=row.value, n=len(refs)),
                             room=30)
            # A paragraph, not a table cell, so thousands of references can run on.
            story.append(Paragraph(text(", ".join(refs)), s.cell_small))
    data = build_pdf(story, frame=frame, metadata=info)
    return encrypt_pdf(data, password, info) if password else data
