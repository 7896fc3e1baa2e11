"""Text that stays readable at any window size and scaling.

* :class:`ElidedLabel` — one line that ends in "…" when there is no room (status lines,
  results); the whole text is then in its tooltip. It never makes a window wider.
* :func:`grow_for_wrapped_text` — a dialog whose word-wrapped texts (errors, password
  feedback) change grows taller so every line stays visible: Qt sizes a window by its
  layout's minimum, which does not count the extra lines of wrapped text.
* :class:`WrappingRow` — a search box and its drop-downs in one row, or (narrow: long
  Finnish words, large scaling) the box above its drop-downs.
* :func:`fit_to_screen` — a window's preferred size, within the screen's work area.
* :class:`ShorterHintLineEdit` — a box's long hint, or a short one when it is narrow.
* :class:`PageStack` — pages of which only the one shown sets how small the window may be.
* :class:`WrappingSplitter` — two lists side by side, or one above the other when the
  window is too narrow for both.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyleOption,
    QWidget,
)

#: Room left for the window manager's title bar and frame when a window fits the screen.
WINDOW_FRAME = QSize(16, 40)


class ElidedLabel(QLabel):
    """A one-line label that elides its (plain) text instead of widening its window.

    ``text()`` is the whole text; what is painted ends in "…" when it does not fit, and
    then the tooltip holds the whole text. ``elides`` and ``full_text`` (properties) tell
    the layout test that this label elides on purpose.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # As wide as the text when there is room, as narrow as a few characters when not.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setProperty("elides", True)
        self._own_tooltip = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        """Override of QLabel.setText: remember the whole text, update the tooltip."""
        super().setText(text)
        self.setProperty("full_text", text)
        self._update_tooltip()

    def clear(self) -> None:
        """Override of QLabel.clear: no text, and no tooltip repeating it."""
        self.setText("")

    def setToolTip(self, tooltip: str) -> None:  # noqa: N802
        """Override of QWidget.setToolTip: a tooltip of one's own (shown when not elided)."""
        self._own_tooltip = tooltip
        self._update_tooltip()

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self._room()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Override of QLabel.minimumSizeHint: a few characters, never the whole text."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        return QSize(min(hint.width(), metrics.horizontalAdvance("M…") + 2 * self.margin()),
                     hint.height())

    def _room(self) -> int:
        return self.contentsRect().width() - 2 * self.margin()

    def _update_tooltip(self) -> None:
        whole = self.text()
        tooltip = self._own_tooltip
        if whole and self.is_elided():
            tooltip = whole if not tooltip else f"{whole}\n{tooltip}"
        super().setToolTip(tooltip)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Override of QWidget.resizeEvent: the tooltip follows whether the text fits."""
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Override of QLabel.paintEvent: paint the text elided to the room there is."""
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        rect = self.contentsRect().adjusted(self.margin(), self.margin(),
                                            -self.margin(), -self.margin())
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                              rect.width())
        self.style().drawItemText(painter, rect, int(self.alignment()), option.palette,
                                  self.isEnabled(), shown, self.foregroundRole())
        painter.end()


class _GrowForWrappedText(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter: after each relayout, fit the wrapped texts."""
        # While the window is being destroyed its children (this one too) are half gone.
        window = getattr(self, "_window", None)
        if window is None or not shiboken6.isValid(window):
            return False
        if watched is window and not self._pending and event.type() in (
                QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show):
            self._pending = True
            # Once the layout has given every label its width.
            QTimer.singleShot(0, self, self.fit)
        return False

    def fit(self) -> None:
        self._pending = False
        window = self._window
        if not shiboken6.isValid(window) or not window.isVisible():
            return
        for label in window.findChildren(QLabel):
            if not label.wordWrap() or not label.isVisible() or label.width() <= 0:
                continue
            # A wrapped label's minimum is one line; make it the lines it has at its
            # width, so the window's layout (and so the window) keeps room for them.
            needed = label.heightForWidth(label.width())
            if needed > 0 and needed != label.minimumHeight():
                label.setMinimumHeight(needed)


def grow_for_wrapped_text(window: QWidget) -> None:
    """Keep ``window`` tall enough for its word-wrapped labels at their current width.

    Each wrapped label's minimum height follows the lines its text takes, so a longer
    error or hint grows the window (Qt does so for a larger minimum) instead of being
    cut off; lists and text boxes in the window can still shrink.
    """
    watcher = _GrowForWrappedText(window)
    window.installEventFilter(watcher)


class ShorterHintLineEdit(QLineEdit):
    """A line edit that asks for the room its long hint needs and, narrower, shows its
    short hint instead (a search box that leaves room for a toolbar's buttons; its
    tooltip says everything the long hint does)."""

    def __init__(self, long: str, short: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._long, self._short = long, short
        self.setPlaceholderText(long)
        self.setMinimumWidth(self._room_for(short))

    def _room_for(self, hint: str) -> int:
        """The width that shows ``hint`` whole: its text, the frame and padding, and the
        icons (a magnifier, the clear button)."""
        metrics = self.fontMetrics()
        return (metrics.horizontalAdvance(hint) + 2 * metrics.height()
                + 4 * metrics.averageCharWidth())

    def sizeHint(self) -> QSize:  # noqa: N802
        """Override: as wide as the long hint needs."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._room_for(self._long)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Override: the long hint when it fits, else the short one."""
        fits = event.size().width() >= self._room_for(self._long)
        hint = self._long if fits else self._short
        if self.placeholderText() != hint:
            self.setPlaceholderText(hint)
        super().resizeEvent(event)


def fit_hint(edit: QLineEdit) -> None:
    """Never narrower than its placeholder hint, however long the language makes it."""
    metrics = edit.fontMetrics()
    edit.setMinimumWidth(metrics.horizontalAdvance(edit.placeholderText())
                         + 2 * metrics.averageCharWidth() + 8)


def available_size(widget: QWidget) -> QSize | None:
    """The room a window has on its screen: the work area less a title bar and frame."""
    screen = widget.screen()
    if screen is None:
        return None
    area = screen.availableGeometry().size()
    return QSize(area.width() - WINDOW_FRAME.width(), area.height() - WINDOW_FRAME.height())


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height``, or less where its screen is smaller."""
    room = available_size(window)
    if room is not None:
        width, height = min(width, room.width()), min(height, room.height())
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))


class PageStack(QStackedWidget):
    """A stacked widget sized by the page shown, not by the widest of its pages.

    Qt's own counts every page, hidden ones too, so one wide page (a supervisor's caseload
    with its two lists) would keep the window wider than a small screen on every page.
    A page wider than the window can be is the page's own to scroll.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._current_changed)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Override: the shown page's minimum (frame included)."""
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return self._framed(page.minimumSizeHint(), page)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Override: the shown page's preferred size (frame included)."""
        page = self.currentWidget()
        if page is None:
            return super().sizeHint()
        return self._framed(page.sizeHint(), page)

    def _framed(self, hint: QSize, page: QWidget) -> QSize:
        frame = 2 * self.frameWidth()
        return hint.expandedTo(page.minimumSize()) + QSize(frame, frame)

    def _current_changed(self, _index: int) -> None:
        self.updateGeometry()  # the window's minimum follows the page shown


class WrappingRow(QWidget):
    """``first`` (stretching) and ``rest`` in one row when they fit whole, else ``first``
    on a row of its own above ``rest``: nothing is ever squeezed below its size hint, and
    the row never makes its window wider than the two-row arrangement needs."""

    def __init__(self, first: QWidget, *rest: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first, self._rest = first, rest
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._rows = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._arrange(1)

    def _spacing(self) -> int:
        return max(self._grid.horizontalSpacing(), 0)

    def _one_row_width(self) -> int:
        widths = [self._first.sizeHint().width()] + [w.sizeHint().width() for w in self._rest]
        return sum(widths) + self._spacing() * len(self._rest)

    def _two_row_width(self) -> int:
        rest = sum(w.sizeHint().width() for w in self._rest)
        rest += self._spacing() * max(len(self._rest) - 1, 0)
        return max(self._first.minimumSizeHint().width(), self._first.minimumWidth(), rest)

    def _row_height(self) -> int:
        return max(w.sizeHint().height() for w in (self._first, *self._rest))

    def _arrange(self, rows: int) -> None:
        if rows == self._rows:
            return
        for widget in (self._first, *self._rest):
            self._grid.removeWidget(widget)
        if rows == 1:
            self._grid.addWidget(self._first, 0, 0)
            for column, widget in enumerate(self._rest, start=1):
                self._grid.addWidget(widget, 0, column)
            self._grid.setColumnStretch(0, 1)
        else:
            self._grid.addWidget(self._first, 0, 0, 1, len(self._rest) + 1)
            for column, widget in enumerate(self._rest):
                self._grid.addWidget(widget, 1, column)
            self._grid.setColumnStretch(0, 0)
            self._grid.setColumnStretch(len(self._rest), 1)  # the drop-downs sit left
        self._rows = rows
        self.updateGeometry()

    def _height(self) -> int:
        """The height of the rows in use (a change of rows asks the layout again)."""
        spacing = max(self._grid.verticalSpacing(), 0)
        return self._rows * self._row_height() + (self._rows - 1) * spacing

    def sizeHint(self) -> QSize:  # noqa: N802
        """Override of QWidget.sizeHint: everything in one row."""
        return QSize(self._one_row_width(), self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Override of QWidget.minimumSizeHint: as narrow as two rows allow."""
        return QSize(self._two_row_width(), self._height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Override of QWidget.resizeEvent: one row or two, for the new width."""
        self._arrange(1 if event.size().width() >= self._one_row_width() else 2)
        super().resizeEvent(event)


class WrappingSplitter(QSplitter):
    """Its widgets side by side when the width has room for each one's minimum, else one
    above the other: the splitter never makes its window wider than the widest of them.

    ``side_by_side`` and ``stacked`` are the proportions each arrangement starts with
    (``(3000, 1)``: the second at its minimum).
    """

    def __init__(self, side_by_side: tuple[int, ...], stacked: tuple[int, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._sizes = {Qt.Orientation.Horizontal: list(side_by_side),
                       Qt.Orientation.Vertical: list(stacked)}
        self._arranged = False

    def _minimum(self, widget: QWidget) -> QSize:
        return widget.minimumSizeHint().expandedTo(widget.minimumSize())

    def _widgets(self) -> list[QWidget]:
        return [w for w in (self.widget(i) for i in range(self.count()))
                if w is not None and not w.isHidden()]

    def _side_by_side_width(self) -> int:
        widgets = self._widgets()
        return (sum(self._minimum(w).width() for w in widgets)
                + self.handleWidth() * max(len(widgets) - 1, 0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Override: as narrow as one above the other allows; as high as shown."""
        minimums = [self._minimum(w) for w in self._widgets()]
        if not minimums:
            return super().minimumSizeHint()
        width = max(m.width() for m in minimums)
        if self.orientation() == Qt.Orientation.Horizontal:
            return QSize(width, max(m.height() for m in minimums))
        handles = self.handleWidth() * (len(minimums) - 1)
        return QSize(width, sum(m.height() for m in minimums) + handles)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Override: side by side or one above the other, for the new width (and the
        arrangement's proportions, the first time and at each change)."""
        wide = event.size().width() >= self._side_by_side_width()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.orientation() or not self._arranged:
            self._arranged = True
            self.setOrientation(orientation)
            self.setSizes(self._sizes[orientation])
            self.updateGeometry()  # the height needed changed
        super().resizeEvent(event)


__all__ = ["ElidedLabel", "PageStack", "ShorterHintLineEdit", "WrappingRow", "WrappingSplitter",
           "available_size", "fit_hint", "fit_to_screen", "grow_for_wrapped_text"]
