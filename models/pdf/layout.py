"""What every Suoja PDF shares: the Unicode font, styles, the page frame and encryption.

Every page carries "CONFIDENTIAL" (SALASSA PIDETTÄVÄ, SEKRETESSBELAGD), the case
reference (or the report's name), who exported it and when (Finnish time, with its offset
from UTC) and "page X of Y", in the language in use. The total page count is known only at
the end, so :class:`NumberedCanvas` keeps each page's drawing state and draws the frames
when the document is saved (one layout pass).

The PDF metadata names no person: the title names the document and the case reference,
author, creator and producer are "Suoja".
"""

from __future__ import annotations

import functools
import io
import re
import secrets
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    TableStyle,
)

from models.domain import i18n
from models.domain.formatting import datetime_text
from models.domain.i18n import gettext as _
from models.domain.private_files import write_private
from models.pdf.data import ExportStamp

#: ``resources/fonts`` at the top of the source tree.
FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_SIZE = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
#: Width the body text and tables may use.
BODY_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X

CONFIDENTIAL_RED = colors.HexColor("#A4161A")
RULE_GREY = colors.HexColor("#9AA0A6")
HEADER_FILL = colors.HexColor("#E8EAED")
ZEBRA_FILL = colors.HexColor("#F6F7F9")
TEXT_GREY = colors.HexColor("#4A4F55")

#: Longest piece of free text put in one table row. A longer text continues in further
#: rows, so no single row can outgrow a page (which reportlab cannot lay out).
MAX_CELL_CHARS = 1200

_fonts_lock = threading.Lock()
# Control characters other than tab and newline have no glyph and can upset PDF viewers.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) with reportlab, once per process.

    Raises:
        FileNotFoundError: the font files are missing from ``resources/fonts``.
    """
    with _fonts_lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        # <b> in a Paragraph picks the bold face; there is no oblique face in the set.
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every Suoja PDF (all in DejaVu Sans)."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_small: ParagraphStyle
    header_cell: ParagraphStyle
    warning: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The shared styles; registers the fonts on first use."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=16,
                             leading=20, spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=TEXT_GREY, spaceAfter=8),
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=11.5,
                               leading=15, spaceBefore=10, spaceAfter=5),
        body=body,
        note=ParagraphStyle("note", parent=body, fontSize=8, leading=10, textColor=TEXT_GREY),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_small=ParagraphStyle("cell_small", parent=cell, fontSize=7.5, leading=9.5),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=FONT_BOLD),
        warning=ParagraphStyle("warning", parent=body, fontName=FONT_BOLD,
                               textColor=CONFIDENTIAL_RED),
    )


def heading(title: str, room: float = 50 * mm) -> list[Flowable]:
    """A section heading that starts a new page when less than ``room`` is left.

    Not ``keepWithNext``: that would push a section longer than a page (300 extortion
    contacts) to a fresh page and leave the page before it half empty.
    """
    return [CondPageBreak(room), Paragraph(text(title), styles().heading)]


def headed_section(title: str, body: Flowable, room: float = 50 * mm) -> list[Flowable]:
    """A heading (as :func:`heading`) that never ends a page: it goes with the first part
    of ``body`` (a long table's first rows) or both move to the next page."""
    return [CondPageBreak(room), KeepHeading(Paragraph(text(title), styles().heading), body)]


class KeepHeading(Flowable):
    """A heading and the first part of ``body`` on one page, the rest of a long body
    continuing on the next (unlike ``keepWithNext``, which would move all of it)."""

    def __init__(self, head: Flowable, body: Flowable) -> None:
        super().__init__()
        self._head = head
        self._body = body

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Override of Flowable.wrap: always ask to be split (as ``KeepTogether``)."""
        return availWidth, 0xFFFFFF

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        """Override of Flowable.getSpaceBefore: the heading's."""
        return float(self._head.getSpaceBefore())

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Override of Flowable.split: the heading with the body, or with its first
        part, else nothing here (both go to the next page)."""
        canv = getattr(self, "canv", None)
        _width, head = self._head.wrapOn(canv, availWidth, availHeight)
        head += self._head.getSpaceAfter() + self._body.getSpaceBefore() + 1
        _width, body = self._body.wrapOn(canv, availWidth, availHeight - head)
        if head + body <= availHeight:
            return [self._head, self._body]
        pieces = self._body.splitOn(canv, availWidth, availHeight - head)
        if len(pieces) < 2:
            return []
        return [self._head, *pieces]

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        """Override of Flowable.getSpaceAfter: the body's."""
        return float(self._body.getSpaceAfter())


class EmptySection(Paragraph):
    """A section with nothing in it, as one line: its heading and "None recorded."."""

    def __init__(self, title: str, note: str) -> None:
        s = styles()
        super().__init__(
            f'{text(title)} <font name="{FONT}" size="{s.note.fontSize}">'
            f"{muted(text(note))}</font>", s.heading)


def muted(markup: str) -> str:
    """Paragraph markup in the grey of notes (a label above a value, "None recorded.")."""
    return f'<font color="#{TEXT_GREY.hexval()[2:]}">{markup}</font>'


class KeepTail(Flowable):
    """``body`` with ``tail`` (empty sections) kept on the page of its last part.

    Where the page ends, the body is split so that its last part (the last rows of a
    table) moves to the next page with the tail: no page ever holds only the tail.
    """

    def __init__(self, body: Flowable, tail: Sequence[Flowable]) -> None:
        super().__init__()
        self._body = body
        self._tail = list(tail)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Override of Flowable.wrap: always ask to be split (as ``KeepTogether``)."""
        return availWidth, 0xFFFFFF

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        """Override of Flowable.getSpaceBefore: the body's."""
        return float(self._body.getSpaceBefore())

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Override of Flowable.split: the body and the tail where both fit, else the
        body's first part and the rest kept with the tail, else nothing (next page)."""
        canv = getattr(self, "canv", None)
        # With every space around the lines counted in full and a point of slack for
        # rounding, the tail surely fits where it was measured to.
        tail = sum(f.wrapOn(canv, availWidth, availHeight)[1] + f.getSpaceBefore()
                   + f.getSpaceAfter() for f in self._tail) + self._body.getSpaceAfter() + 1
        _width, body = self._body.wrapOn(canv, availWidth, availHeight)
        if body + tail <= availHeight:
            return [self._body, *self._tail]
        room = availHeight - tail
        pieces = self._body.splitOn(canv, availWidth, room)
        # Orphan control: the last part of a table carries at least MIN_LAST_ROWS rows,
        # split earlier where the page allows it, so that the last page holds more than
        # a row or two; else as it was.
        while len(pieces) >= 2 and _rows(pieces[-1]) < MIN_LAST_ROWS and room > ROW_STEP:
            room -= ROW_STEP
            earlier = self._body.splitOn(canv, availWidth, room)
            if len(earlier) < 2:
                # No earlier split: a table long enough moves whole to the next page,
                # unless this page is a fresh one already (it would not fit there either).
                frame = self._doctemplateAttr("frame")
                table = self._body._body if isinstance(self._body, KeepHeading) else self._body
                if (_rows(table) >= MIN_LAST_ROWS and frame is not None
                        and not getattr(frame, "_atTop", True)):
                    return []
                break
            if _rows(earlier[-1]) >= MIN_LAST_ROWS:
                pieces = earlier
        if len(pieces) < 2:
            return []
        return [*pieces[:-1], KeepTail(pieces[-1], self._tail)]

    def natural_height(self, availWidth: float, availHeight: float) -> float:  # noqa: N803
        """The height of the body and the tail laid out in one piece."""
        canv = getattr(self, "canv", None)
        return _natural_height(self._body, canv, availWidth, availHeight) + sum(
            f.wrapOn(canv, availWidth, availHeight)[1] + f.getSpaceBefore()
            + f.getSpaceAfter() for f in self._tail)


#: The least data rows the last part of a table split across pages carries.
MIN_LAST_ROWS = 3
#: How much earlier a table is split, each try, to give its last part more rows.
ROW_STEP = 6.0


def _rows(flowable: Flowable) -> int:
    """Data rows of a table (its repeated header not counted); many for anything else."""
    if not isinstance(flowable, LongTable):
        return MIN_LAST_ROWS
    return len(flowable._cellvalues) - int(flowable.repeatRows or 0)


def _natural_height(flowable: Flowable, canv: Any, width: float, height: float) -> float:
    """A flowable's height in one piece, with the spaces around it."""
    if isinstance(flowable, KeepHeading):
        return sum(_natural_height(part, canv, width, height)
                   for part in (flowable._head, flowable._body))
    if isinstance(flowable, KeepTail):
        return flowable.natural_height(width, height)
    return float(flowable.wrapOn(canv, width, height)[1] + flowable.getSpaceBefore()
                 + flowable.getSpaceAfter())


class RoomFor(CondPageBreak):
    """A :class:`~reportlab.platypus.CondPageBreak` that asks for ``room``, or only for
    what ``follower`` needs when it is shorter: a short last section with its tail of
    empty sections stays on the page where it fits whole."""

    def __init__(self, room: float, follower: Flowable) -> None:
        super().__init__(room)
        self._room = room
        self._follower = follower

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Override of CondPageBreak.wrap: the room is the smaller of the two."""
        canv = getattr(self, "canv", None)
        self.height = min(self._room, _natural_height(self._follower, canv, availWidth,
                                                      availHeight) + 1)
        return super().wrap(availWidth, availHeight)


def keep_empty_sections(story: Sequence[Flowable]) -> list[Flowable]:
    """``story`` with each run of :class:`EmptySection` lines kept with the flowable
    before it, so that a page never holds only empty sections."""
    result: list[Flowable] = []
    tail: list[Flowable] = []
    for flowable in [*story, None]:
        if isinstance(flowable, EmptySection) and result:
            tail.append(flowable)
            continue
        if tail:
            result[-1] = KeepTail(result[-1], tail)
            if len(result) > 1 and type(result[-2]) is CondPageBreak:
                result[-2] = RoomFor(result[-2].height, result[-1])
            tail = []
        if flowable is not None:
            result.append(flowable)
    return result


# -- text --------------------------------------------------------------------------------


def text(value: object) -> str:
    """User text made safe for a Paragraph: XML special characters escaped, line breaks
    kept, control characters dropped."""
    cleaned = _CONTROL.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return escape(cleaned).replace("\n", "<br/>")


def chunks(value: str, limit: int = MAX_CELL_CHARS) -> list[str]:
    """Cut a long text into pieces of at most ``limit`` characters, at line breaks or
    spaces where possible, so that each piece fits in one table row."""
    remaining = value.strip("\n")
    pieces: list[str] = []
    while len(remaining) > limit:
        cut = remaining.rfind("\n", limit // 2, limit)
        if cut < 0:
            cut = remaining.rfind(" ", limit // 2, limit)
        if cut < 0:
            cut = limit
        pieces.append(remaining[:cut])
        remaining = remaining[cut:].lstrip("\n ")
    pieces.append(remaining)
    return pieces


#: A cell's left and right padding in a table, and a little air.
CELL_PADDING = 6.5

#: Where an address (e-mail, web) may break across lines: right after one of these.
ADDRESS_BREAKS = "@./-_"


def broken_lines(value: str, width: float, style: ParagraphStyle | None = None, *,
                 after: str = ADDRESS_BREAKS, group: int = 1) -> str:
    """Paragraph markup of ``value`` (escaped here) whose words too wide for ``width`` are
    broken where a reader expects it: right after one of ``after`` ("asiakastiedot@" /
    "mailbox.invalid"), or, in a run with none of them, after a whole number of ``group``
    characters (a wallet address in fours), never inside a number or a name.

    A break is a line break in the markup (``<br/>``), not an invisible character:
    copied text holds nothing the value did not, and a value that fits is left whole.
    reportlab would otherwise cut a long word at any character; it treats U+200B as a
    space, joining the pieces again with a visible one.

    Args:
        width: the room for a line (a cell's width less its padding).
    """
    style = style or styles().cell
    font, size = style.fontName, style.fontSize

    def fits(piece: str) -> bool:
        return stringWidth(piece, font, size) <= width

    words: list[str] = []
    for word in value.split(" "):
        if fits(word) or not word:
            words.append(text(word))
            continue
        segments = re.findall(rf"[^{re.escape(after)}]*[{re.escape(after)}]|[^{re.escape(after)}]+",
                              word) if after else [word]
        lines: list[str] = [""]
        for segment in segments:
            if fits(lines[-1] + segment):
                lines[-1] += segment
                continue
            if lines[-1]:
                lines.append("")
            while not fits(segment):
                # A segment wider than a line: as many whole groups as fit.
                cut = group
                while cut + group <= len(segment) and fits(segment[:cut + group]):
                    cut += group
                lines[-1] = segment[:cut]
                lines.append("")
                segment = segment[cut:]
            lines[-1] = segment
        words.append("<br/>".join(text(line) for line in lines if line))
    return " ".join(words)


# -- tables ------------------------------------------------------------------------------

#: Every table's font: a table sets its cells' font whatever they hold (flowables, empty
#: spanned cells), and reportlab's default, Helvetica, would be referenced, not embedded.
TABLE_FONT: tuple[tuple[Any, ...], ...] = (("FONT", (0, 0), (-1, -1), FONT, 8),)

#: What a table cell may hold: user text (escaped when laid out), a flowable, or several.
Cell: TypeAlias = "Flowable | list[Flowable] | str"


def para(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A cell paragraph from markup that is already escaped."""
    return Paragraph(value, style or styles().cell)


def cell(value: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A cell paragraph from user text (escaped here)."""
    return Paragraph(text(value), style or styles().cell)


def fitted_widths(fixed: Sequence[float], header: Sequence[str],
                  samples: Mapping[int, Iterable[str]] | None = None, *,
                  whole: Iterable[int] = (), lines: Mapping[int, Iterable[str]] | None = None,
                  two_lines: Iterable[int] = ()) -> list[float]:
    """Column widths for :func:`data_table`: ``fixed`` (points; ``0`` for the one column
    that takes the rest of :data:`BODY_WIDTH`), each widened where needed so that no word
    of its header (bold) or of its ``samples`` (the words a column of labels may hold) has
    to be split, whatever the language: "Asianomistajalla", "sähköposti".

    Args:
        whole: columns whose header stays on one line ("To police").
        two_lines: columns whose header takes at most two lines ("Injured party" /
            "has copy"), where a narrower column would take three.
        lines: columns whose values of ``lines`` each stay on one line (a date and a
            time: "24.10.2020 klo 16.04").
    """
    s = styles()
    padding = CELL_PADDING
    needs = []
    for index in range(len(fixed)):
        words = [header[index]] if index in set(whole) else header[index].split()
        need = max((stringWidth(word, FONT_BOLD, s.header_cell.fontSize) for word in words),
                   default=0.0)
        if index in set(two_lines) and len(words) > 2:
            need = max(need, min(
                max(stringWidth(" ".join(part), FONT_BOLD, s.header_cell.fontSize)
                    for part in (words[:cut], words[cut:]))
                for cut in range(1, len(words))))
        for value in (samples or {}).get(index, ()):
            need = max(need, *(stringWidth(word, FONT, s.cell.fontSize)
                               for word in value.split() or [""]))
        for value in (lines or {}).get(index, ()):
            need = max(need, stringWidth(value, FONT, s.cell.fontSize))
        needs.append(need + padding)
    widths = [max(width, need) if width else 0.0 for width, need in zip(fixed, needs,
                                                                         strict=True)]
    if 0 in fixed:
        # The column that takes the rest needs room for its own header too: take it from
        # the widest of the others, as far as they can spare it.
        flexible = list(fixed).index(0)
        short = needs[flexible] - (BODY_WIDTH - sum(widths))
        for index in sorted(range(len(widths)), key=lambda i: -widths[i]):
            if short <= 0:
                break
            spare = min(short, widths[index] - needs[index])
            if index != flexible and spare > 0:
                widths[index] -= spare
                short -= spare
    rest = BODY_WIDTH - sum(widths)
    return [width or rest for width in widths]


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    extra_style: Sequence[tuple[Any, ...]] = (),
    zebra: bool = True,
) -> LongTable:
    """A table whose header row repeats on every page it continues on.

    Args:
        header: column titles (plain words, escaped here).
        rows: cells; strings are escaped and wrapped into paragraphs, flowables and
            lists of flowables are used as they are.
        widths: column widths in points; they should add up to at most :data:`BODY_WIDTH`.
        extra_style: more ``TableStyle`` commands (spans, keep-together ranges).
        zebra: shade every other row (turn off when rows come in groups).
    """
    s = styles()
    data: list[list[Cell]] = [[para(text(h), s.header_cell) for h in header]]
    for row in rows:
        data.append([cell(c) if isinstance(c, str) else c for c in row])
    commands: list[tuple[Any, ...]] = [
        *TABLE_FONT,
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE_GREY),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if zebra and len(data) > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_FILL]))
    commands.extend(extra_style)
    table = LongTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def key_value_table(pairs: Sequence[tuple[str, Flowable | str]],
                    key_width: float = 42 * mm) -> LongTable:
    """Two columns of "what: value" lines (e.g. the victim's identity)."""
    s = styles()
    data = [
        [para(text(key), s.cell_bold), value if isinstance(value, Flowable) else cell(value)]
        for key, value in pairs
    ]
    table = LongTable(data, colWidths=[key_width, BODY_WIDTH - key_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        *TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, HEADER_FILL),
    ]))
    return table


# -- the page frame ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PageFrame:
    """What the header and footer of every page say.

    Attributes:
        document: the kind of document ("Case summary for the police").
        reference: the case reference, or a short name for a report.
        stamp: who exported it, and when.
    """

    document: str
    reference: str
    stamp: ExportStamp

    @property
    def exported_line(self) -> str:
        return _("Exported by {name} on {time}").format(
            name=self.stamp.exported_by, time=datetime_text(self.stamp.exported_at, zone=True))


class NumberedCanvas(Canvas):
    """A canvas that draws the page frame, with "page X of Y", when the document is saved.

    ``showPage`` only remembers the page's state; ``save`` then knows the total and draws
    each page's header and footer before emitting it.
    """

    def __init__(self, *args: Any, frame: PageFrame, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._frame = frame
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        """Override of Canvas.showPage: keep the page until the total is known."""
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Override of Canvas.save: draw every page's frame, then write the file."""
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self._draw_frame(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_frame(self, total: int) -> None:
        frame = self._frame
        width, height = PAGE_SIZE
        top = height - 12 * mm
        marking = _("CONFIDENTIAL")
        self.saveState()
        self.setFillColor(CONFIDENTIAL_RED)
        self.setFont(FONT_BOLD, 10)
        self.drawString(MARGIN_X, top, marking)
        self.setFillColor(colors.black)
        # The document's name, centred, in the room the marking and the reference leave.
        gap = 4 * mm
        room = 2 * min(width / 2 - MARGIN_X - stringWidth(marking, FONT_BOLD, 10),
                       width / 2 - MARGIN_X - stringWidth(frame.reference, FONT_BOLD, 10)
                       ) - 2 * gap
        size = 8.5
        while size > 6.5 and stringWidth(frame.document, FONT, size) > room:
            size -= 0.5
        self.setFont(FONT, size)
        self.drawCentredString(width / 2, top, frame.document)
        self.setFont(FONT_BOLD, 10)
        self.drawRightString(width - MARGIN_X, top, frame.reference)
        self.setStrokeColor(RULE_GREY)
        self.setLineWidth(0.6)
        self.line(MARGIN_X, top - 3 * mm, width - MARGIN_X, top - 3 * mm)
        if frame.stamp.classification:
            # The organisation's line (e.g. the statutory basis), under the marking.
            self.setFillColor(CONFIDENTIAL_RED)
            size = 7.0
            line = frame.stamp.classification
            while size > 5.5 and stringWidth(line, FONT, size) > width - 2 * MARGIN_X:
                size -= 0.5
            self.setFont(FONT, size)
            self.drawString(MARGIN_X, top - 6.5 * mm, line)
            self.setFillColor(colors.black)
        bottom = 10 * mm
        self.line(MARGIN_X, bottom + 4 * mm, width - MARGIN_X, bottom + 4 * mm)
        self.setFont(FONT, 7.5)
        self.setFillColor(TEXT_GREY)
        self.drawString(MARGIN_X, bottom, f"{marking} · {frame.reference} · "
                        f"{frame.exported_line}")
        self.setFillColor(colors.black)
        self.setFont(FONT_BOLD, 8)
        self.drawRightString(width - MARGIN_X, bottom, _("page {page} of {pages}").format(
            page=self._pageNumber, pages=total))
        self.restoreState()


@dataclass(frozen=True, kw_only=True)
class Metadata:
    """The PDF's document information; by design it names no person.

    Attributes:
        title: e.g. "Suoja case summary SUO-2020-00042 (police)".
        subject: e.g. "Confidential case summary for the police".
        keywords: what finds the file: the case reference, police report numbers.
    """

    title: str
    subject: str
    keywords: tuple[str, ...] = ()


SOFTWARE = "Suoja"


def build_pdf(story: list[Flowable], *, frame: PageFrame, metadata: Metadata) -> bytes:
    """Lay out ``story`` on A4 pages with the page frame; returns the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=metadata.title, subject=metadata.subject,
        author=SOFTWARE, creator=SOFTWARE, producer=SOFTWARE,
        keywords=list(metadata.keywords),
        lang=i18n.current().value, initialFontName=FONT,
    )
    maker: Callable[..., Canvas] = functools.partial(NumberedCanvas, frame=frame)
    document.build(story, canvasmaker=maker)
    return buffer.getvalue()


def encrypt_pdf(data: bytes, password: str, metadata: Metadata) -> bytes:
    """Encrypt finished PDF bytes with AES-256 (revision 6) under ``password``.

    Whoever opens the file may read, copy and print it, not change it. The owner password
    (which would lift those limits) is random and forgotten here: nobody holds it. The
    header says PDF 1.7 with Adobe's extension level 8, the version that brought
    revision 6 (as qpdf writes it), so readers know what to expect.

    reportlab's own encryption offers AES-256 only as the deprecated revision 5 and only
    through the unmaintained pure-Python ``pyaes``; pypdf uses ``cryptography``.

    Raises:
        ValueError: the password is empty.
    """
    if not password:
        raise ValueError("an encryption password must not be empty")
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions as Allow
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({
        "/Title": metadata.title, "/Subject": metadata.subject, "/Author": SOFTWARE,
        "/Creator": SOFTWARE, "/Producer": SOFTWARE,
        **({"/Keywords": ", ".join(metadata.keywords)} if metadata.keywords else {}),
    })
    writer.pdf_header = "%PDF-1.7"
    writer.root_object[NameObject("/Extensions")] = DictionaryObject({
        NameObject("/ADBE"): DictionaryObject({
            NameObject("/BaseVersion"): NameObject("/1.7"),
            NameObject("/ExtensionLevel"): NumberObject(8),
        }),
    })
    # Everything (the reserved bits set, as the standard asks) but changes of any kind.
    allowed = Allow.all() & ~(Allow.MODIFY | Allow.ADD_OR_MODIFY | Allow.FILL_FORM_FIELDS
                              | Allow.ASSEMBLE_DOC)
    writer.encrypt(user_password=password, owner_password=secrets.token_urlsafe(32),
                   algorithm="AES-256", permissions_flag=allowed)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` as ``target``, owner-only, whole or not at all.

    The bytes go to a fresh temporary file beside ``target``, created new (never through
    a link or into a file someone planted) and renamed into place when whole
    (:func:`models.domain.private_files.write_private`): an interruption leaves at most a
    ``.part`` file, never a half-written file with the final name.
    """
    write_private(target, data)
