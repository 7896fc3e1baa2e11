"""The filter bar above the case list: status, risk level, counsellor and breach.

Each choice maps onto :class:`~models.domain.dto.CaseFilter` fields; the database does the
filtering (index-backed), so the list stays instant at 40,000 cases. The counsellor and
breach lists are filled from the services and emptied while the app is locked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from gui.shared.labels import risk_label, status_label
from gui.shared.style import icon, risk_icon
from models.domain.dto import BreachData, CaseFilter, Colleague
from models.domain.enums import CaseStatus, RiskLevel

#: Counsellor choice meaning "cases nobody is assigned to".
UNASSIGNED = -1
_ANYONE = 0  # user ids start at 1
_ME = -2
_ANY_BREACH = 0

ACTIVE_STATUSES = (CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING)
URGENT_RISKS = (RiskLevel.ACUTE, RiskLevel.HIGH)

#: Drop-down keys (plain strings, which QComboBox.findData compares reliably) and values.
_STATUS_CHOICES: dict[str, tuple[CaseStatus, ...]] = {
    "any": (), "active": ACTIVE_STATUSES, **{s.value: (s,) for s in CaseStatus},
}
_RISK_CHOICES: dict[str, tuple[RiskLevel, ...]] = {
    "any": (), "urgent": URGENT_RISKS, **{r.value: (r,) for r in RiskLevel},
}


def _key_of(choices: dict[str, tuple[object, ...]], value: tuple[object, ...]) -> str:
    for key, candidate in choices.items():
        if set(candidate) == set(value):
            return key
    return "any"


@dataclass(frozen=True)
class FilterChoice:
    """What the bar has selected (``counsellor``: a user id, :data:`UNASSIGNED` or None)."""

    statuses: tuple[CaseStatus, ...] = ()
    risk_levels: tuple[RiskLevel, ...] = ()
    counsellor: int | None = None
    breach_id: int | None = None

    @property
    def is_empty(self) -> bool:
        return self == FilterChoice()

    @classmethod
    def from_case_filter(cls, case_filter: CaseFilter) -> FilterChoice:
        return cls(
            statuses=case_filter.statuses,
            risk_levels=case_filter.risk_levels,
            counsellor=UNASSIGNED if case_filter.unassigned_only else case_filter.assigned_to_id,
            breach_id=case_filter.breach_id,
        )


class FilterBar(QWidget):
    """Four drop-downs and a *Clear filters* button, in one row or (narrow) in two.

    Signals:
        changed: the user picked something (not emitted by :meth:`restore`).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._me: tuple[int, str] | None = None
        self._remembered: object = _ANYONE

        self.status = self._combo("statusFilter", self.tr("Status filter"))
        self.status.addItem(self.tr("Any status"), "any")
        self.status.addItem(self.tr("Active (not closed)"), "active")
        for status in CaseStatus:
            self.status.addItem(status_label(status.value), status.value)

        self.risk = self._combo("riskFilter", self.tr("Risk level filter"))
        self.risk.addItem(self.tr("Any risk"), "any")
        self.risk.addItem(risk_icon("acute"), self.tr("Acute or high"), "urgent")
        for level in RiskLevel:
            self.risk.addItem(risk_icon(level.value), risk_label(level.value), level.value)

        self.counsellor = self._combo("counsellorFilter", self.tr("Counsellor filter"))
        self.breach = self._combo("breachFilter", self.tr("Breach filter"))
        self.clear_choices()

        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setIcon(icon("clear-filters"))
        self.clear_button.setToolButtonStyle(
            self.clear_button.toolButtonStyle().ToolButtonTextBesideIcon
        )
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.reset)

        self._pairs: list[tuple[QLabel, QComboBox]] = []
        for text, combo in (
            (self.tr("S&tatus"), self.status), (self.tr("&Risk"), self.risk),
            (self.tr("C&ounsellor"), self.counsellor), (self.tr("&Breach"), self.breach),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            self._pairs.append((label, combo))
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(10, 6, 10, 6)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(4)
        self._rows = 0
        self._arrange(1)
        self.clear_button.setEnabled(False)

    # -- one row, or two in a narrow window --------------------------------------------

    def _arrange(self, rows: int) -> None:
        """Lay the filters out in one row, or in two (a narrow window, large scaling)."""
        if rows == self._rows:
            return
        grid = self._grid
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 0)
            grid.setColumnMinimumWidth(column, 0)
        for label, combo in self._pairs:
            grid.removeWidget(label)
            grid.removeWidget(combo)
        grid.removeWidget(self.clear_button)
        per_row = len(self._pairs) // rows
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for number, (label, combo) in enumerate(self._pairs):
            row, place = divmod(number, per_row)
            grid.addWidget(label, row, 3 * place)
            grid.addWidget(combo, row, 3 * place + 1, left)
            grid.setColumnMinimumWidth(3 * place + 2, 8)  # air between the filters
        grid.addWidget(self.clear_button, rows - 1, 3 * per_row, left)
        grid.setColumnStretch(3 * per_row + 1, 1)
        self._rows = rows
        self.updateGeometry()

    def _width_in(self, rows: int) -> int:
        """The width the filters need in ``rows`` rows (every choice shown whole)."""
        per_row = len(self._pairs) // rows
        columns = [0] * (3 * per_row + 1)
        for number, (label, combo) in enumerate(self._pairs):
            place = number % per_row
            columns[3 * place] = max(columns[3 * place], label.sizeHint().width())
            columns[3 * place + 1] = max(columns[3 * place + 1], combo.sizeHint().width())
            columns[3 * place + 2] = 8
        columns[-1] = self.clear_button.sizeHint().width()
        margins = self._grid.contentsMargins()
        return (sum(columns) + self._grid.horizontalSpacing() * (len(columns) - 1)
                + margins.left() + margins.right())

    def _fit_rows(self) -> None:
        self._arrange(1 if self.width() >= self._width_in(1) else 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Override of QWidget.minimumSizeHint: as narrow as two rows allow."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._width_in(2)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Override of QWidget.resizeEvent: one row when it fits, else two."""
        super().resizeEvent(event)
        self._fit_rows()

    def event(self, event: QEvent) -> bool:
        """Override of QObject.event: a longer choice (a name) may need the second row."""
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self._fit_rows()
        return super().event(event)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        combo.currentIndexChanged.connect(self._on_changed)
        return combo

    # -- filling -------------------------------------------------------------------------

    def populate(self, users: Sequence[Colleague], breaches: Sequence[BreachData],
                 choice: FilterChoice | None = None) -> None:
        """Fill the counsellor list (``users``: the counsellors and supervisors) and the
        breach list; keep (or restore) the selection."""
        choice = choice if choice is not None else self.choice()
        me, self._me = self._me, None
        if me is not None and choice.counsellor is None:
            choice = FilterChoice(statuses=choice.statuses, risk_levels=choice.risk_levels,
                                  counsellor=_as_int(self._remembered),
                                  breach_id=choice.breach_id)
        with _Blocked(self.counsellor, self.breach):
            self.counsellor.clear()
            self.counsellor.addItem(self.tr("Anyone"), _ANYONE)
            self.counsellor.addItem(self.tr("Unassigned"), UNASSIGNED)
            for user in sorted(users, key=lambda u: u.display_name.casefold()):
                text = user.display_name if user.is_active else self.tr(
                    "{name} (locked)").format(name=user.display_name)
                self.counsellor.addItem(text, user.id)
            self.breach.clear()
            self.breach.addItem(self.tr("Any breach"), _ANY_BREACH)
            for breach in breaches:
                self.breach.addItem(breach.name, breach.id)
        self.restore(choice)
        if me is not None:
            self.fix_counsellor(me)

    def clear_choices(self) -> None:
        """Empty the counsellor and breach lists (for the idle lock) and reset the rest."""
        self._me = None
        self._remembered = _ANYONE
        self.counsellor.setEnabled(True)
        with _Blocked(self.status, self.risk, self.counsellor, self.breach):
            self.status.setCurrentIndex(0)
            self.risk.setCurrentIndex(0)
            self.counsellor.clear()
            self.counsellor.addItem(self.tr("Anyone"), _ANYONE)
            self.breach.clear()
            self.breach.addItem(self.tr("Any breach"), _ANY_BREACH)
        self._update_clear_button()

    # -- the selection ---------------------------------------------------------------------

    def choice(self) -> FilterChoice:
        counsellor = self.counsellor.currentData()
        breach = self.breach.currentData()
        return FilterChoice(
            statuses=_STATUS_CHOICES.get(self.status.currentData(), ()),
            risk_levels=_RISK_CHOICES.get(self.risk.currentData(), ()),
            counsellor=None if self._me or counsellor in (None, _ANYONE) else int(counsellor),
            breach_id=None if breach in (None, _ANY_BREACH) else int(breach),
        )

    def restore(self, choice: FilterChoice) -> None:
        """Select ``choice`` without emitting :attr:`changed`."""
        with _Blocked(self.status, self.risk, self.counsellor, self.breach):
            _select(self.status, _key_of(_STATUS_CHOICES, choice.statuses))  # type: ignore[arg-type]
            _select(self.risk, _key_of(_RISK_CHOICES, choice.risk_levels))  # type: ignore[arg-type]
            if self._me is None:
                _select(self.counsellor, choice.counsellor or _ANYONE)
            _select(self.breach, choice.breach_id or _ANY_BREACH)
        self._update_clear_button()

    def fix_counsellor(self, me: tuple[int, str] | None) -> None:
        """In *My cases* the counsellor is the user: show it and disable the choice."""
        if me == self._me:
            return
        with _Blocked(self.counsellor):
            if me is not None:
                self._remembered = self.counsellor.currentData()
                self.counsellor.insertItem(0, self.tr("Me ({name})").format(name=me[1]), _ME)
                self.counsellor.setCurrentIndex(0)
            elif self._me is not None:
                index = self.counsellor.findData(_ME)
                if index >= 0:
                    self.counsellor.removeItem(index)
                _select(self.counsellor, self._remembered)
        self._me = me
        self.counsellor.setEnabled(me is None)
        self._update_clear_button()

    def reset(self) -> None:
        """Clear every filter (the counsellor stays fixed in *My cases*)."""
        self.restore(FilterChoice())
        self.changed.emit()

    def case_filter(self, text: str = "", assigned_to_id: int | None = None) -> CaseFilter:
        """The selection as a :class:`CaseFilter`; ``assigned_to_id`` overrides the choice."""
        choice = self.choice()
        counsellor = assigned_to_id if assigned_to_id is not None else choice.counsellor
        return CaseFilter(
            statuses=choice.statuses,
            risk_levels=choice.risk_levels,
            assigned_to_id=None if counsellor in (None, UNASSIGNED) else counsellor,
            unassigned_only=counsellor == UNASSIGNED,
            breach_id=choice.breach_id,
            text=text,
        )

    def _on_changed(self, _index: int) -> None:
        self._update_clear_button()
        self.changed.emit()

    def _update_clear_button(self) -> None:
        if hasattr(self, "clear_button"):
            self.clear_button.setEnabled(not self.choice().is_empty)


def _as_int(value: object) -> int | None:
    return value if isinstance(value, int) and value not in (_ANYONE, _ME) else None


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)


class _Blocked:
    """Block the signals of some widgets for a ``with`` block."""

    def __init__(self, *widgets: QWidget) -> None:
        self._widgets = widgets
        self._before: list[bool] = []

    def __enter__(self) -> None:
        self._before = [widget.blockSignals(True) for widget in self._widgets]

    def __exit__(self, *_exc: object) -> None:
        for widget, before in zip(self._widgets, self._before, strict=True):
            widget.blockSignals(before)
