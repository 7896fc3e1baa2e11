"""The supervisors' dashboard: where victims are waiting and who is overloaded.

Every figure comes from :meth:`AnalysisService.dashboard` (counted by the database) and
every bar, slice and count clicks through to the cases behind it: the widget emits
:attr:`DashboardView.open_cases` with a :class:`~models.domain.dto.CaseFilter` or a list of case
ids and a title, and the main window shows them in the case list.

The figures say when they were counted (to the second). A change announced here or by
another workstation recounts them a moment later (a burst of saves once), and until then
they say that they are out of date; while the view is shown they are recounted every
:data:`REFRESH_MS` anyway, for writes nobody announces (another program on the same file, a
server connection being reopened) and for the next day's "overdue".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.shared.errors import show_error
from gui.shared.labels import plural
from gui.shared.navigation import Place
from gui.shared.style import relative_font
from gui.shared.workspace import Host
from models.domain.changes import Change
from models.domain.dto import CaseFilter
from models.domain.enums import RiskLevel
from models.domain.errors import KnownError
from models.domain.formatting import (
    count_text,
    date_text,
    day_month_text,
    local_now,
    percent_text,
    time_text,
)
from models.services.figures import OPEN_STATUSES, DashboardData, Figure

PLACE_KEY = "dashboard"

RISK_COLOURS = {"acute": "#A4161A", "high": "#E07A1F", "medium": "#E9C46A", "low": "#7FB77E"}
#: The height of a figure button with a one-line caption.
MIN_FIGURE_HEIGHT = 78
BAR_COLOUR = "#2A6F97"
SECOND_COLOUR = "#C8553D"
# How long announced changes are collected before the figures are recounted once.
CHANGE_BATCH_MS = 300
# While shown, the figures are recounted this often even if no change was announced.
REFRESH_MS = 60_000


def count_axis(axis: QValueAxis, top: int) -> None:
    """An axis of counts from 0 to ``top`` (rounded up to a nice number), a tick on whole
    numbers only: with Qt's five ticks from 0 to 1, "%d" labelled them 0, 0, 0, 0, 1."""
    axis.setLabelFormat("%d")
    axis.setRange(0, top or 1)
    axis.applyNiceNumbers()
    span = round(axis.max() - axis.min())
    if span < axis.tickCount() - 1:  # fewer whole numbers than ticks: one tick each
        axis.setTickCount(span + 1)

class FigureButton(QPushButton):
    """One headline count (large) over its caption; a click opens the cases behind it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setObjectName("dashboardFigure")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(MIN_FIGURE_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        self.value_label = QLabel()
        self.value_label.setFont(relative_font(self, 1.8, QFont.Weight.DemiBold))
        self.caption_label = QLabel()
        self.caption_label.setWordWrap(True)
        for label in (self.value_label, self.caption_label):
            # Clicks go to the button underneath.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.show_value("–")

    def show_value(self, value: str, detail: str = "") -> None:
        self.value_label.setText(value)
        self.caption_label.setText(self.caption + (f" ({detail})" if detail else ""))
        self.setAccessibleName(f"{value} {self.caption_label.text()}")
        self.updateGeometry()

    # The button is as big as its labels (the count, and a caption that wraps: layouts
    # take its height for a width from the button's own layout).

    def sizeHint(self) -> QSize:  # noqa: N802
        """Override of QPushButton.sizeHint: the size the labels need."""
        return self.layout().sizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Override of QPushButton.minimumSizeHint: the caption may wrap."""
        return self.layout().minimumSize().expandedTo(self.minimumSize())


    def text(self) -> str:
        """Override of QAbstractButton.text: what the button shows, line by line."""
        return f"{self.value_label.text()}\n{self.caption_label.text()}"


class DashboardView(QWidget):
    """The dashboard page. ``open_cases(list[int] | CaseFilter, title)``."""

    open_cases = Signal(object, str)

    def __init__(self, window: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self.data: DashboardData | None = None
        self.setObjectName("dashboard")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Dashboard"))
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        self.title = QLabel(self.tr("Dashboard"))
        self.title.setFont(relative_font(self, 1.6, QFont.Weight.DemiBold))
        layout.addWidget(self.title)
        self.as_of = QLabel()
        self.as_of.setWordWrap(True)
        layout.addWidget(self.as_of)
        # Says that the figures shown are older than the last change, until recounted.
        self.stale_note = QLabel()
        self.stale_note.setObjectName("dashboardStale")
        self.stale_note.setWordWrap(True)
        self.stale_note.hide()
        layout.addWidget(self.stale_note)

        counts = QGridLayout()
        self.open_button = FigureButton(self.tr("open cases"))
        self.overdue_button = FigureButton(self.tr("overdue follow-ups"))
        self.uncontacted_button = FigureButton(
            self.tr("acute or high risk, no support session in 7 days"))
        self.no_report_button = FigureButton(
            self.tr("victims with an extortion contact have a police report"))
        self.actions_button = FigureButton(self.tr("protective actions done"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for column, button in enumerate((self.open_button, self.overdue_button,
                                         self.uncontacted_button)):
            counts.addWidget(button, 0, column)
        counts.addWidget(self.no_report_button, 1, 0)
        counts.addWidget(self.actions_button, 1, 1)
        counts.addWidget(self.refresh_button, 1, 2, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(counts)
        self.open_button.clicked.connect(self._emit_filter_all_open)
        self.overdue_button.clicked.connect(
            lambda: self._drill(Figure.OVERDUE, None,
                                self.tr("Open cases with overdue follow-ups")))
        self.uncontacted_button.clicked.connect(
            lambda: self._drill(Figure.UNCONTACTED, None,
                                self.tr("Acute or high risk, no support session in 7 days")))
        self.no_report_button.clicked.connect(
            lambda: self._drill(Figure.WITHOUT_REPORT, None,
                                self.tr("Extortion contact but no police report")))
        self.actions_button.clicked.connect(
            lambda: self._drill(Figure.ACTIONS_PENDING, None,
                                self.tr("Open cases with unfinished protective actions")))
        self.refresh_button.clicked.connect(self.reload)

        charts = QGridLayout()
        self.counsellor_chart = self._chart_view(self.tr("Open cases per counsellor"))
        self.weekly_chart = self._chart_view(
            self.tr("New intakes and extortion contacts per week (last 12 weeks)"))
        self.risk_chart = self._chart_view(self.tr("Risk distribution of open cases"))
        self.report_chart = self._chart_view(self.tr("Police-report coverage"))
        charts.addWidget(self.weekly_chart, 0, 0, 1, 2)
        charts.addWidget(self.risk_chart, 1, 0)
        charts.addWidget(self.report_chart, 1, 1)
        charts.addWidget(self.counsellor_chart, 2, 0, 1, 2)
        layout.addLayout(charts)
        layout.addStretch(1)

        # What is drawn, kept so tests (and people) can find each bar and slice.
        self.counsellor_set: QBarSet | None = None
        self.intake_set: QBarSet | None = None
        self.contact_set: QBarSet | None = None
        self.risk_series: QPieSeries | None = None
        self.report_series: QPieSeries | None = None

        window.session.about_to_lock.connect(self.clear)
        window.session.unlocked.connect(self._on_unlocked)
        window.session.changes.subscribe(self._on_change)
        window.session.live_updates.connect(self._on_live_updates)
        self._stale = True
        # When the figures shown were counted (local time).
        self.counted_at: dt.datetime | None = None
        self._recount = QTimer(self, singleShot=True, interval=CHANGE_BATCH_MS)
        self._recount.timeout.connect(self.reload)
        self.refresh_timer = QTimer(self, interval=REFRESH_MS)
        self.refresh_timer.timeout.connect(self.reload)

    def _chart_view(self, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        view = QChartView(chart)
        # A screen reader cannot see the chart: its name is the title, its description
        # the figures it draws (set when it is filled).
        view.setAccessibleName(title)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Two charts side by side fit a laptop screen at 150 % scaling.
        metrics = self.fontMetrics()
        view.setMinimumSize(max(300, 44 * metrics.averageCharWidth()),
                            max(280, 20 * metrics.height()))
        return view

    # -- filling and clearing ----------------------------------------------------------

    def showEvent(self, event: Any) -> None:  # noqa: N802
        """Override of QWidget.showEvent: load the figures when first shown, or when
        something changed while hidden, or they are older than a periodic recount."""
        super().showEvent(event)
        self.refresh_timer.start()
        now = local_now()
        if self._stale or self.counted_at is None or self.counted_at.date() != now.date() or (
                now - self.counted_at > dt.timedelta(milliseconds=REFRESH_MS)):
            self.reload()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        """Override of QWidget.hideEvent: nobody is looking, so stop recounting."""
        super().hideEvent(event)
        self.refresh_timer.stop()
        self._recount.stop()

    def _on_unlocked(self, _services: object) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def _on_change(self, change: Change) -> None:
        # Say at once that the figures are out of date; recount once the burst is over
        # (only when someone is looking, else when shown).
        self._mark_stale()
        if self.isVisible():
            self._recount.start()

    def _on_live_updates(self, live: bool) -> None:
        """Other workstations' changes stopped arriving (or arrive again): the figures
        may be out of date until recounted."""
        if not live:
            self._mark_stale()
        elif self.isVisible():
            self._recount.start()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.counted_at is not None:
            self.stale_note.setText(self.tr(
                "Cases have changed since {time}: these figures are out of date and are "
                "being counted again.").format(time=time_text(self.counted_at, seconds=True)))
            self.stale_note.show()

    def reload(self) -> None:
        """Recount every figure (on the main thread: a few small queries, whatever the
        number of cases)."""
        if self._window.session.is_locked:
            return
        self._recount.stop()
        counted_at = local_now()
        try:
            data = self._window.session.services.analysis.dashboard()
        except KnownError as error:
            show_error(self, error)
            return
        self.show_data(data, counted_at)

    def show_data(self, data: DashboardData, counted_at: dt.datetime | None = None) -> None:
        """Show ``data``, counted at ``counted_at`` (default: now)."""
        self.data = data
        self._stale = False
        self.counted_at = counted_at or local_now()
        self.stale_note.hide()
        self.as_of.setText(self.tr(
            "Figures as of {day} at {time}; open cases are new, open or waiting.")
            .format(day=date_text(data.as_of), time=time_text(self.counted_at, seconds=True)))
        self.open_button.show_value(count_text(data.open_cases))
        self.overdue_button.show_value(
            count_text(data.overdue_follow_ups),
            plural(data.overdue_cases, self.tr("in {n} case"), self.tr("in {n} cases")))
        self.uncontacted_button.show_value(count_text(data.uncontacted_high_risk))
        self.no_report_button.show_value(
            percent_text(data.report_share),
            self.tr("{n} of {total}; click for those without").format(
                n=count_text(data.victims_with_report),
                total=count_text(data.victims_with_contact)))
        self.actions_button.show_value(
            percent_text(data.action_share),
            self.tr("{n} of {total}").format(n=count_text(data.actions_done),
                                             total=count_text(data.actions_total)))
        self._fill_counsellors(data)
        self._fill_weeks(data)
        self._fill_risk(data)
        self._fill_reports(data)

    def clear(self) -> None:
        """Drop every figure (the session is locking)."""
        self.data = None
        self._stale = True
        self.counted_at = None
        self._recount.stop()
        self.as_of.clear()
        self.stale_note.hide()
        for button in (self.open_button, self.overdue_button, self.uncontacted_button,
                       self.no_report_button, self.actions_button):
            button.show_value("–")
        for view in (self.counsellor_chart, self.weekly_chart, self.risk_chart,
                     self.report_chart):
            chart = view.chart()
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
            view.setAccessibleDescription("")
        self.counsellor_set = self.intake_set = self.contact_set = None
        self.risk_series = self.report_series = None

    def _reset(self, view: QChartView) -> QChart:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart

    def _fill_counsellors(self, data: DashboardData) -> None:
        chart = self._reset(self.counsellor_chart)
        # Busiest on top: a horizontal bar chart draws its first category at the bottom.
        rows = list(reversed(data.per_counsellor))
        bar_set = QBarSet(self.tr("Open cases"))
        bar_set.setColor(QColor(BAR_COLOUR))
        names = []
        for row in rows:
            bar_set.append(row.open_cases)
            names.append(_short(row.display_name or self.tr("Unassigned"), 40))
        series = QHorizontalBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(names)
        axis_y.setTruncateLabels(False)  # names matter more than bar length
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        count_axis(axis_x, max([r.open_cases for r in rows], default=0))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        chart.legend().hide()
        self.counsellor_chart.setAccessibleDescription("; ".join(
            f"{name}: {count_text(row.open_cases)}" for name, row in
            zip(reversed(names), reversed(rows), strict=True)))
        self.counsellor_chart.setMinimumHeight(max(300, 80 + 22 * len(rows)))
        self.counsellor_set = bar_set
        bar_set.clicked.connect(lambda index: self.counsellor_clicked(len(rows) - 1 - index))

    def counsellor_clicked(self, index: int) -> None:
        if self.data is None or not 0 <= index < len(self.data.per_counsellor):
            return
        row = self.data.per_counsellor[index]
        name = row.display_name or self.tr("Unassigned")
        self._drill(Figure.COUNSELLOR, row.user_id,
                    self.tr("Open cases: {name}").format(name=name))

    def _fill_weeks(self, data: DashboardData) -> None:
        chart = self._reset(self.weekly_chart)
        intakes = QBarSet(self.tr("New intakes"))
        intakes.setColor(QColor(BAR_COLOUR))
        contacts = QBarSet(self.tr("Extortion contacts"))
        contacts.setColor(QColor(SECOND_COLOUR))
        for week in data.weeks:
            intakes.append(week.intakes)
            contacts.append(week.extortion_contacts)
        series = QBarSeries()
        series.append(intakes)
        series.append(contacts)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([day_month_text(w.week_start) for w in data.weeks])
        axis_x.setLabelsAngle(-60)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        count_axis(axis_y, max([max(w.intakes, w.extortion_contacts) for w in data.weeks],
                               default=0))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().show()
        self.weekly_chart.setAccessibleDescription("; ".join(
            self.tr("week of {day}: {intakes} new intakes, {contacts} extortion contacts")
            .format(day=date_text(w.week_start), intakes=count_text(w.intakes),
                    contacts=count_text(w.extortion_contacts)) for w in data.weeks))
        self.intake_set, self.contact_set = intakes, contacts
        intakes.clicked.connect(lambda i: self.week_clicked(Figure.INTAKES_WEEK, i))
        contacts.clicked.connect(lambda i: self.week_clicked(Figure.CONTACTS_WEEK, i))

    def week_clicked(self, figure: Figure, index: int) -> None:
        if self.data is None or not 0 <= index < len(self.data.weeks):
            return
        start = self.data.weeks[index].week_start
        day = date_text(start)
        title = (self.tr("New intakes in the week of {day}") if figure is Figure.INTAKES_WEEK
                 else self.tr("Extortion contacts in the week of {day}")).format(day=day)
        self._drill(figure, start, title)

    def _fill_risk(self, data: DashboardData) -> None:
        chart = self._reset(self.risk_chart)
        series = QPieSeries()
        for level, count in data.risk_distribution:
            piece = series.append(f"{self._risk_name(level)}: {count_text(count)}", count)
            piece.setColor(QColor(RISK_COLOURS.get(level, BAR_COLOUR)))
            piece.setProperty("risk_level", level)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.legend().show()
        self.risk_chart.setAccessibleDescription("; ".join(s.label() for s in series.slices()))
        self.risk_series = series
        series.clicked.connect(self.risk_clicked)

    def _risk_name(self, level: str) -> str:
        """A risk level as named in the pie's legend and inside a title ("acute")."""
        names = {RiskLevel.ACUTE.value: self.tr("acute"), RiskLevel.HIGH.value: self.tr("high"),
                 RiskLevel.MEDIUM.value: self.tr("medium"), RiskLevel.LOW.value: self.tr("low")}
        return names.get(level, level)

    def risk_clicked(self, piece: QPieSlice) -> None:
        level = piece.property("risk_level")
        if self.data is None or not level:
            return
        self._drill(Figure.RISK, RiskLevel(level),
                    self.tr("Open cases at risk level {level}").format(
                        level=self._risk_name(level)))

    def _fill_reports(self, data: DashboardData) -> None:
        chart = self._reset(self.report_chart)
        series = QPieSeries()
        without = data.victims_with_contact - data.victims_with_report
        with_piece = series.append(
            self.tr("with a report: {n}").format(n=count_text(data.victims_with_report)),
            data.victims_with_report)
        with_piece.setColor(QColor(BAR_COLOUR))
        with_piece.setProperty("figure", Figure.WITH_REPORT.value)
        without_piece = series.append(
            self.tr("no report yet: {n}").format(n=count_text(without)), without)
        without_piece.setColor(QColor("#D0D5DB"))
        without_piece.setProperty("figure", Figure.WITHOUT_REPORT.value)
        series.setHoleSize(0.35)
        chart.addSeries(series)
        # Below the ring, where its two short labels have the chart's whole width (the
        # chart's title says which report).
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().show()
        self.report_chart.setAccessibleDescription(
            "; ".join(s.label() for s in series.slices()))
        self.report_series = series
        series.clicked.connect(self.report_clicked)

    def report_clicked(self, piece: QPieSlice) -> None:
        figure = piece.property("figure")
        if self.data is None or not figure:
            return
        title = (self.tr("Extortion contact and a police report")
                 if figure == Figure.WITH_REPORT.value
                 else self.tr("Extortion contact but no police report"))
        self._drill(Figure(figure), None, title)

    # -- drill-down ------------------------------------------------------------------------

    def _emit_filter_all_open(self) -> None:
        if self.data is not None:
            self.open_cases.emit(CaseFilter(statuses=OPEN_STATUSES), self.tr("Open cases"))

    def _drill(self, figure: Figure, value: object, title: str) -> None:
        if self.data is None or self._window.session.is_locked:
            return
        analysis = self._window.session.services.analysis
        try:
            target = analysis.drill_down(figure, value, self.data.as_of)
        except KnownError as error:
            show_error(self, error)
            return
        self.open_cases.emit(target, title)


def _short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def register(host: Host) -> DashboardView | None:
    """Add the dashboard place when the signed-in role may see reports (supervisors)."""
    from models.security.permissions import Operation, allows

    if not allows(host.session.actor.role, Operation.REPORTS):
        return None
    view = DashboardView(host)
    host.add_place(
        Place(PLACE_KEY, QCoreApplication.translate("DashboardView", "Dashboard"), "dashboard",
              QCoreApplication.translate(
                  "DashboardView", "Caseloads, waiting victims and police-report coverage")),
        view)
    view.open_cases.connect(lambda target, title: host.show_cases(target, title))
    return view
