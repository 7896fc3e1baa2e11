"""The caseload report for supervisors: figures from :class:`CaseloadReport` with charts
drawn by reportlab's graphics (a stacked bar chart of open cases per counsellor, a pie of
the risk distribution and a pie of police-report coverage)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from models.domain.dto import CounsellorLoad
from models.domain.formatting import (
    count_text,
    date_text,
    datetime_text,
    percent_text,
    zone_text,
)
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.pdf.data import CaseloadReport, ExportStamp
from models.pdf.layout import (
    BODY_WIDTH,
    FONT,
    TABLE_FONT,
    Metadata,
    PageFrame,
    build_pdf,
    data_table,
    encrypt_pdf,
    fitted_widths,
    heading,
    key_value_table,
    para,
    styles,
    text,
)
from models.pdf.words import label, risk_levels

RISK_COLOURS = {
    "acute": colors.HexColor("#A4161A"),
    "high": colors.HexColor("#E07A1F"),
    "medium": colors.HexColor("#E9C46A"),
    "low": colors.HexColor("#7FB77E"),
}
OTHER_COLOUR = colors.HexColor("#8DA9C4")
COVERED_COLOUR = colors.HexColor("#2A6F97")
UNCOVERED_COLOUR = colors.HexColor("#D0D5DB")



def document_name() -> str:
    return _("Caseload report for supervisors")


def metadata(report: CaseloadReport) -> Metadata:
    return Metadata(
        title=_("Suoja caseload report {date}").format(date=date_text(report.as_of)),
        subject=_("Confidential caseload report for supervisors"))


def render_caseload_report(
    report: CaseloadReport, stamp: ExportStamp, *, password: str | None = None
) -> bytes:
    """The caseload report as PDF bytes (AES-256 encrypted when ``password`` is given)."""
    frame = PageFrame(document=document_name(),
                      reference=_("Caseload {date}").format(date=date_text(report.as_of)),
                      stamp=stamp)
    info = metadata(report)
    data = build_pdf(caseload_story(report), frame=frame, metadata=info)
    return encrypt_pdf(data, password, info) if password else data


def caseload_story(report: CaseloadReport) -> list[Flowable]:
    """The flowables of the caseload report."""
    s = styles()
    days = report.uncontacted_days
    coverage = ngettext(
        "{percent} ({covered} of {n} victim with an extortion contact)",
        "{percent} ({covered} of {n} victims with an extortion contact)",
        report.victims_with_contact,
    ).format(percent=percent_text(report.report_coverage),
             covered=count_text(report.victims_with_report),
             n=count_text(report.victims_with_contact))
    story: list[Flowable] = [
        Paragraph(text(_("Caseload report")), s.title),
        Paragraph(text(_("Figures as of {date}; open cases are those that are new, open or "
                         "waiting.").format(date=date_text(report.as_of))), s.subtitle),
        key_value_table([
            (_("Open cases"), count_text(report.open_cases)),
            (_("Overdue follow-ups"), count_text(report.overdue_follow_ups)),
            # The same words as the section's heading: a support session is what counts.
            (ngettext("Acute or high risk, no support session in {n} day",
                      "Acute or high risk, no support session in {n} days", days
                      ).format(n=days),
             para(f"<b>{count_text(report.uncontacted_total)}</b>")),
            (_("Police-report coverage"), coverage),
        ], key_width=70 * mm),
    ]
    story += _counsellor_section(report)
    story += _risk_section(report)
    story += _coverage_section(report)
    story += _overdue_section(report)
    # Last: the list of cases can run over several pages.
    story += _uncontacted_section(report)
    return story


def _heading(title: str) -> list[Flowable]:
    # Room for a pie chart or a few table rows, so a heading never ends a page.
    return heading(title, room=60 * mm)


def _name(name: str | None) -> str:
    return name or _("Unassigned")


def _risk(level: str) -> str:
    return label(level, risk_levels())


# -- open cases per counsellor -----------------------------------------------------------


def _counsellor_section(report: CaseloadReport) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Open cases per counsellor"))]
    loads = report.per_counsellor
    if not loads:
        return [*section, Paragraph(text(_("No open cases.")), styles().note)]
    section.append(_counsellor_chart(loads))
    rows = [
        [_name(x.display_name), count_text(x.open_cases), count_text(x.acute), count_text(x.high),
         count_text(x.open_cases - x.acute - x.high)]
        for x in loads
    ]
    header = [_("Counsellor"), _("Open cases"), _risk("acute").capitalize(),
              _risk("high").capitalize(), _("Medium or low")]
    widths = fitted_widths([0, 62, 62, 62, 62], header)
    table = data_table(header, rows, widths,
                       extra_style=[("ALIGN", (1, 0), (-1, -1), "RIGHT")])
    return [*section, Spacer(1, 3 * mm), table]


def _counsellor_chart(loads: Sequence[CounsellorLoad]) -> Drawing:
    # Top of the chart = busiest: the bar chart draws its first category at the bottom.
    rows = list(reversed(loads))
    bar_height = 11
    label_width = 150
    height = max(90, bar_height * len(rows) + 70)
    drawing = Drawing(BODY_WIDTH, height, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 18
    chart.width = BODY_WIDTH - label_width - 10
    chart.height = height - 40
    chart.data = [
        [x.acute for x in rows],
        [x.high for x in rows],
        [x.open_cases - x.acute - x.high for x in rows],
    ]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_short(_name(x.display_name)) for x in rows]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E0E0E0")
    chart.barSpacing = 0
    chart.groupSpacing = 3
    for index, colour in enumerate((RISK_COLOURS["acute"], RISK_COLOURS["high"],
                                    OTHER_COLOUR)):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = _legend([(RISK_COLOURS["acute"], _risk("acute")),
                      (RISK_COLOURS["high"], _risk("high")),
                      (OTHER_COLOUR, _("medium or low"))])
    # Above the bars, so it never meets the value axis' labels.
    legend.x = label_width
    legend.y = height - 14
    legend.columnMaximum = 1
    legend.deltax = 80
    drawing.add(legend)
    return drawing


def _short(name: str, limit: int = 32) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _legend(pairs: list[tuple[colors.Color, str]]) -> Legend:
    legend = Legend()
    legend.colorNamePairs = pairs
    legend.fontName = FONT
    legend.fontSize = 7.5
    legend.alignment = "right"
    legend.boxAnchor = "sw"
    legend.dx = 7
    legend.dy = 7
    legend.strokeColor = None
    return legend


# -- risk distribution -------------------------------------------------------------------


def _risk_section(report: CaseloadReport) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Risk distribution of open cases"))]
    total = sum(n for _level, n in report.risk_distribution)
    if not total:
        return [*section, Paragraph(text(_("No open cases.")), styles().note)]
    rows = [[_risk(level), count_text(n), percent_text(n / total)]
            for level, n in report.risk_distribution]
    header = [_("Risk level"), _("Open cases"), _("Share")]
    table = data_table(header, rows,
                       fitted_widths([70, 60, 50], header, {0: risk_levels().values()}),
                       extra_style=[("ALIGN", (1, 0), (-1, -1), "RIGHT")])
    pie = _pie([(RISK_COLOURS.get(level, OTHER_COLOUR), _risk(level), n)
                for level, n in report.risk_distribution])
    return [*section, _side_by_side(pie, table)]


def _pie(slices: list[tuple[colors.Color, str, int]], size: float = 110) -> Drawing:
    drawing = Drawing(size + 150, size + 10, initialFontName=FONT)
    shown = [(colour, name, n) for colour, name, n in slices if n > 0]
    pie = Pie()
    pie.x = 5
    pie.y = 5
    pie.width = pie.height = size
    pie.data = [n for _colour, _label, n in shown]
    pie.labels = None
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 1
    for index, (colour, _label, _count) in enumerate(shown):
        pie.slices[index].fillColor = colour
    drawing.add(pie)
    total = sum(n for _colour, _label, n in slices) or 1
    legend = _legend([(colour, f"{name}: {percent_text(n / total)}")
                      for colour, name, n in slices])
    legend.x = size + 20
    legend.y = size / 2 - 8 * len(slices) / 2
    legend.columnMaximum = len(slices)
    drawing.add(legend)
    return drawing


def _side_by_side(left: Flowable, right: Flowable) -> Table:
    table = Table([[left, right]], colWidths=[BODY_WIDTH * 0.55, BODY_WIDTH * 0.45],
                  hAlign="LEFT")
    table.setStyle(TableStyle([*TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


# -- overdue follow-ups ------------------------------------------------------------------


def _overdue_section(report: CaseloadReport) -> list[Flowable]:
    section: list[Flowable] = [*_heading(_("Overdue follow-ups on open cases"))]
    if not report.overdue_by_assignee:
        return [*section, Paragraph(text(_("No overdue follow-ups.")), styles().note)]
    rows = [[_name(x.assignee), count_text(x.overdue), date_text(x.oldest_due_on)]
            for x in report.overdue_by_assignee]
    header = [_("Assignee"), _("Overdue"), _("Oldest due date")]
    table = data_table(header, rows, fitted_widths([0, 70, 90], header),
                       extra_style=[("ALIGN", (1, 0), (1, -1), "RIGHT")])
    return [*section, table]


# -- high-risk victims with no contact ---------------------------------------------------


def _last_session(value: dt.datetime | None) -> Paragraph:
    """When the last support session was: the date and the time on one line (never broken
    between them), its offset from UTC below, as the police summaries' contacts table."""
    if value is None:
        return para(text(_("never")))
    when = text(datetime_text(value, compact=True)).replace(" ", "&nbsp;")
    return para(f"{when}<br/>({text(zone_text(value))})")


def _uncontacted_section(report: CaseloadReport) -> list[Flowable]:
    s = styles()
    days = report.uncontacted_days
    section: list[Flowable] = [*_heading(ngettext(
        "Acute or high risk, no support session in {n} day ({count})",
        "Acute or high risk, no support session in {n} days ({count})", days,
    ).format(n=days, count=count_text(report.uncontacted_total)))]
    if not report.uncontacted:
        return [*section, Paragraph(text(_(
            "None: every acute or high-risk open case has had a support session in that "
            "time.")), s.note)]
    if report.uncontacted_total > len(report.uncontacted):
        section.append(Paragraph(text(_(
            "The {shown} most urgent of {total} are listed: acute first, then those never "
            "or longest not contacted.").format(shown=count_text(len(report.uncontacted)),
                                                total=count_text(report.uncontacted_total))),
            s.note))
    rows = [
        [para(f"<b>{text(x.reference)}</b>"), _risk(x.risk_level), _name(x.counsellor),
         date_text(x.opened_on),
         _last_session(x.last_session_at)]
        for x in report.uncontacted
    ]
    header = [_("Case"), _("Risk"), _("Counsellor"), _("Opened"), _("Last support session")]
    widest = dt.datetime(2020, 12, 28, 20, 58, tzinfo=dt.UTC)
    widths = fitted_widths([90, 50, 0, 64, 90], header, {1: risk_levels().values()},
                           lines={4: [datetime_text(widest, compact=True), _("never")]})
    return [*section, data_table(header, rows, widths)]


# -- police-report coverage --------------------------------------------------------------


def _coverage_section(report: CaseloadReport) -> list[Flowable]:
    s = styles()
    section: list[Flowable] = [*_heading(_("Police-report coverage"))]
    if not report.victims_with_contact:
        return [*section, Paragraph(text(_("No extortion contacts recorded.")), s.note)]
    without = report.victims_with_contact - report.victims_with_report
    pie = _pie([(COVERED_COLOUR, _("with a police report"), report.victims_with_report),
                (UNCOVERED_COLOUR, _("no police report yet"), without)])
    explanation = Paragraph(text(ngettext(
        "Of {n} victim who recorded at least one extortion contact, {covered} has a police "
        "report number on file ({percent}); {without} has none yet.",
        "Of {n} victims who recorded at least one extortion contact, {covered} have a police "
        "report number on file ({percent}); {without} have none yet.",
        report.victims_with_contact,
    ).format(n=count_text(report.victims_with_contact),
             covered=count_text(report.victims_with_report),
             percent=percent_text(report.report_coverage), without=count_text(without))
        + " " + _("Only the number on the report copy counts, not the online service's "
                  "confirmation e-mail.")), s.body)
    return [*section, _side_by_side(pie, explanation)]

