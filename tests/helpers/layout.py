"""Finding what a person cannot read: a window too big for the screen, clipped or elided text.

:func:`fit_problems` compares a top-level window (its minimum size and the size the app
gave it) with the screen's work area; :func:`text_problems` walks the visible widgets of
a window and compares the room each text has with the room it needs, measured with the
widget's own font metrics and style:

* labels: one-line text against the label's width; word-wrapped text against its height
  (``heightForWidth``) and its longest word against its width;
* buttons, check boxes, radio buttons and tool buttons against their size hint;
* the current text of a drop-down against its edit field, and its open list against the
  widest entry;
* line edits' placeholders, group box titles, and tab titles (each whole, and all in
  sight);
* header sections of tables and trees (with room for the sort arrow where sorting is on),
  and the cells of the rows in view in every column whose content has a fixed form
  (references, dates, states, counts: everything but the free-text columns named in
  :data:`FREE_TEXT_COLUMNS`, which may be elided and widened by the user), also where
  the list's right edge cuts a column (a list of the user's own columns, such as a file
  preview, says so with its ``free_text`` property);
* the legends and titles of charts;
* pages and forms in scroll areas, which may scroll down but not sideways.

A widget that elides on purpose and shows the whole text in its tooltip declares it with
the ``elides`` property (``gui.elided.ElidedLabel`` does); it is checked for the tooltip
instead. Each problem is one line that names the widget and the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QTabBar,
    QTableView,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)

#: Columns whose cells hold free text (names, notes, messages) or long identifiers shown
#: elided in the middle with a tooltip (wallet addresses, hashes): they may be elided,
#: the user widens them. Every other column holds text of a fixed form and must fit.
FREE_TEXT_COLUMNS = frozenset({
    "Victim", "Counsellor", "Assignee", "Requested by", "User", "Display name", "Username",
    "Description", "Note", "Reason", "Detail", "Record", "Message", "Sender", "Wallet",
    "Wallet address",
    "Indicator", "Value", "File name", "SHA-256", "Police department", "Referral", "Outcome",
    "Protective action", "What", "Cases", "Name", "Title", "Summary", "Contact", "Follow-up",
    "Changed by", "Before", "After",
})



def _translated(titles: frozenset[str]) -> frozenset[str]:
    """``titles`` and their Finnish and Swedish translations (from the Qt catalogs), so
    the check knows a free-text column in any language."""
    import xml.etree.ElementTree as ET

    found = set(titles)
    for catalog in (Path(__file__).resolve().parents[2] / "resources" / "i18n").glob("*.ts"):
        for message in ET.parse(catalog).getroot().iter("message"):
            if message.findtext("source") in titles:
                found.add(message.findtext("translation") or "")
    from tests.helpers.pseudo import pseudo

    found |= {pseudo(title) for title in titles}  # the pseudo-locale's (tests/helpers/pseudo.py)
    found.discard("")
    return frozenset(found)


FREE_TEXT_TITLES = _translated(FREE_TEXT_COLUMNS)

#: A title bar, in logical pixels, above every window the window manager decorates.
TITLE_BAR = 30

#: Pixels a measurement may be off by (rounding of fractional font advances).
SLACK = 1


def widget_name(widget: QWidget) -> str:
    """Where a widget is: its class and object name, and those of its named ancestors."""
    parts = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        if current is widget or name:
            parts.append(f"{type(current).__name__}#{name}" if name else type(current).__name__)
        if current.isWindow():
            break
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- the window and the screen ------------------------------------------------------------


def fit_problems(window: QWidget, work_area: QSize) -> list[str]:
    """Whether ``window`` fits the screen's work area (logical pixels).

    Both the smallest size the window can take and the size the app gave it must fit,
    with a title bar above it (dialogs and windows are decorated).
    """
    problems = []
    room = QSize(work_area.width(), work_area.height() - TITLE_BAR)
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint())
    layout = window.layout()
    if layout is not None:
        minimum = minimum.expandedTo(layout.totalMinimumSize())
    name = widget_name(window)
    if minimum.width() > room.width() or minimum.height() > room.height():
        problems.append(
            f"{name}: needs at least {minimum.width()}×{minimum.height()}, "
            f"the screen has {room.width()}×{room.height()} (title bar included)")
    size = window.size()
    if size.width() > room.width() or size.height() > room.height():
        problems.append(
            f"{name}: opens at {size.width()}×{size.height()}, "
            f"the screen has {room.width()}×{room.height()} (title bar included)")
    return problems


# -- texts -------------------------------------------------------------------------------


def _visible_widgets(window: QWidget) -> Iterator[QWidget]:
    yield window
    for child in window.findChildren(QWidget):
        if child.isVisible() and child.window() is window and child.width() > 0:
            yield child


def _without_mnemonic(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def _is_rich(label: QLabel) -> bool:
    text_format = label.textFormat()
    if text_format == Qt.TextFormat.RichText:
        return True
    if text_format == Qt.TextFormat.PlainText:
        return False
    return bool(GuiQt.mightBeRichText(label.text()))


def _visible_width(widget: QWidget) -> int:
    """How much of ``widget``'s width its ancestors show (a scroll area shows it all)."""
    rect = widget.rect()
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
                parent is parent.parentWidget().viewport()):  # type: ignore[union-attr]
            break  # scrolled into view, not clipped
        rect = rect.translated(child.pos()).intersected(parent.rect())
        if rect.isEmpty():
            return 0
        rect = rect.translated(-child.pos())
        child, parent = parent, parent.parentWidget()
    return rect.width()


def _label_problems(label: QLabel) -> list[str]:
    text = label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return []
    name = widget_name(label)
    if label.property("elides"):
        room = label.contentsRect().width() - 2 * label.margin()
        if (label.fontMetrics().horizontalAdvance(text) > room + SLACK
                and text not in label.toolTip()):
            return [f"{name}: elided “{_short(text)}” without the whole text in its tooltip"]
        return []
    margin = label.margin()
    indent = max(label.indent(), 0)
    contents = label.contentsRect().adjusted(margin, margin, -margin, -margin)
    frame = label.width() - contents.width()
    width = min(contents.width() - indent, _visible_width(label) - frame)
    metrics = label.fontMetrics()
    if label.buddy() is not None and not _is_rich(label):
        text = _without_mnemonic(text)
    if label.wordWrap():
        needed_height = label.heightForWidth(label.width())
        if needed_height > label.height() + SLACK:
            return [f"{name}: “{_short(text)}” needs {needed_height} px of height, "
                    f"has {label.height()}"]
        plain = _plain(label) if _is_rich(label) else text
        longest = max((metrics.horizontalAdvance(word) for word in plain.split()), default=0)
        if longest > width + SLACK:
            return [f"{name}: a word of “{_short(plain)}” is {longest} px wide, "
                    f"the label {width}"]
        return []
    if _is_rich(label):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        needed = int(document.idealWidth() + 0.999)
        needed_height = int(document.size().height() + 0.999)
        text = document.toPlainText()
    else:
        lines = text.split("\n")
        needed = max(metrics.horizontalAdvance(line) for line in lines)
        needed_height = metrics.height() * len(lines)
    if needed > width + SLACK:
        return [f"{name}: “{_short(text)}” is {needed} px wide, the label {width}"]
    if needed_height > contents.height() + SLACK:
        return [f"{name}: “{_short(text)}” is {needed_height} px high, "
                f"the label {contents.height()}"]
    return []


def _plain(label: QLabel) -> str:
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def _button_problems(button: QAbstractButton) -> list[str]:
    text = _without_mnemonic(button.text())
    if not text.strip():
        return []
    if isinstance(button, QToolButton) and (
            button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly):
        return []
    hint = button.sizeHint()
    if button.hasHeightForWidth() and button.heightForWidth(button.width()) > 0:
        hint.setHeight(max(button.heightForWidth(button.width()), button.minimumHeight()))
    width = min(button.width(), _visible_width(button))
    if width + SLACK < hint.width() or button.height() + SLACK < hint.height():
        return [f"{widget_name(button)}: “{_short(text)}” needs {hint.width()}×{hint.height()}, "
                f"has {width}×{button.height()}"]
    return []


def _combo_problems(combo: QComboBox) -> list[str]:
    problems = []
    name = widget_name(combo)
    text = combo.currentText()
    if text and not combo.isEditable():
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option,
            QStyle.SubControl.SC_ComboBoxEditField, combo)
        needed = combo.fontMetrics().horizontalAdvance(text) + 2  # drawn 1 px in each side
        if not combo.itemIcon(combo.currentIndex()).isNull():
            needed += combo.iconSize().width() + 4
        if needed > field.width() + SLACK:
            problems.append(f"{name}: “{_short(text)}” is {needed} px wide, "
                            f"the drop-down shows {field.width()}")
    if combo.count() and combo.isEnabled():
        combo.showPopup()
        view = combo.view()
        try:
            room = view.viewport().width()
            metrics = view.fontMetrics()
            for row in range(combo.count()):
                # Text, icon and the entry's margins (Qt widens the list for the widest
                # entry, up to the screen's width).
                needed = metrics.horizontalAdvance(combo.itemText(row)) + 8
                if not combo.itemIcon(row).isNull():
                    needed += combo.iconSize().width() + 4
                if needed > room + SLACK:
                    problems.append(
                        f"{name}: the list entry “{_short(combo.itemText(row))}” is "
                        f"{needed} px wide, the open list {room}")
                    break
        finally:
            combo.hidePopup()
    return problems


def _line_edit_problems(edit: QLineEdit) -> list[str]:
    placeholder = edit.placeholderText()
    if edit.text() or not placeholder:
        return []
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room = contents.width() - margins.left() - margins.right() - 4  # 2 px each side
    for button in edit.findChildren(QToolButton):
        if button.parentWidget() is edit and not button.isHidden():
            room -= button.width() + 2
    room = min(room, _visible_width(edit))
    needed = edit.fontMetrics().horizontalAdvance(placeholder)
    if needed > room + SLACK:
        return [f"{widget_name(edit)}: the hint “{_short(placeholder)}” is {needed} px wide, "
                f"the field shows {room}"]
    return []


def _group_box_problems(box: QGroupBox) -> list[str]:
    title = _without_mnemonic(box.title())
    if not title:
        return []
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    label = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                       QStyle.SubControl.SC_GroupBoxLabel, box)
    needed = box.fontMetrics().horizontalAdvance(title)
    room = min(box.width() - label.left(), _visible_width(box) - label.left())
    if needed > room + SLACK:
        return [f"{widget_name(box)}: the title “{_short(title)}” is {needed} px wide, "
                f"the box {room}"]
    return []


def _tab_problems(bar: QTabBar) -> list[str]:
    problems = []
    shown = [index for index in range(bar.count()) if bar.isTabVisible(index)]
    needed = sum(bar.tabSizeHint(index).width() for index in shown)
    if needed > bar.width() + SLACK:
        # Scroll arrows: some tabs are out of sight (the first one, or the last ones).
        problems.append(f"{widget_name(bar)}: the tabs need {needed} px, the bar has "
                        f"{bar.width()}")
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        needed = bar.tabSizeHint(index).width()
        has = bar.tabRect(index).width()
        if has + SLACK < needed:
            problems.append(f"{widget_name(bar)}: the tab “{_without_mnemonic(bar.tabText(index))}”"
                            f" needs {needed} px, has {has}")
    return problems


def _header_problems(view: QAbstractItemView, header: QHeaderView) -> list[str]:
    problems = []
    model = header.model()
    if model is None or header.isHidden():
        return problems
    room = header.viewport().width()
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        text = str(model.headerData(logical, header.orientation()) or "")
        if not text:
            continue
        needed = header.sectionSizeFromContents(logical).width()
        size = header.sectionSize(logical)
        # The section's share of the viewport: a table narrower than its columns scrolls.
        position = header.sectionViewportPosition(logical)
        if position >= room:
            continue
        if size + SLACK < needed:
            problems.append(f"{widget_name(view)}: the column title “{text}” needs {needed} px, "
                            f"has {size}")
    return problems


def _rows_in_view(view: QAbstractItemView) -> list[QModelIndex]:
    model = view.model()
    rows = []
    if isinstance(view, QTreeView):
        index = view.indexAt(view.viewport().rect().topLeft())
        while index.isValid() and view.visualRect(index).top() < view.viewport().height():
            rows.append(index)
            index = view.indexBelow(index)
        return rows
    first = view.rowAt(0) if isinstance(view, QTableView) else 0
    for row in range(max(first, 0), model.rowCount()):
        index = model.index(row, 0)
        if view.visualRect(index).top() >= view.viewport().height():
            break
        rows.append(index)
    return rows


def _cell_problems(view: QTableView | QTreeView) -> list[str]:
    model = view.model()
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    if model is None:
        return []
    problems = []
    room = view.viewport().width()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        position = header.sectionViewportPosition(column)
        if title in FREE_TEXT_TITLES or view.property("free_text") or position >= room:
            continue
        # A column the list's edge cuts shows only its visible part ("Mediu").
        width = min(header.sectionSize(column), room - max(position, 0))
        for first in _rows_in_view(view):
            index = first.siblingAtColumn(column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text in (None, ""):
                continue
            needed = view.sizeHintForIndex(index).width()
            align = index.data(Qt.ItemDataRole.TextAlignmentRole)
            if align is not None and int(align) & int(Qt.AlignmentFlag.AlignRight
                                                    | Qt.AlignmentFlag.AlignHCenter):
                needed = max(needed, header.sectionSize(column))  # drawn at the far end
            if isinstance(view, QTreeView) and column == 0:
                depth = 0
                parent = index.parent()
                while parent.isValid():
                    depth, parent = depth + 1, parent.parent()
                needed += view.indentation() * (depth + int(view.rootIsDecorated()))
            if needed > width + SLACK:
                shows = ("the column is" if width == header.sectionSize(column)
                         else "the list shows")
                problems.append(f"{widget_name(view)}: “{_short(str(text))}” in column "
                                f"“{title}” needs {needed} px, {shows} {width}")
                break
    return problems


def _list_problems(view: QListView) -> list[str]:
    model = view.model()
    if model is None or view.isWrapping() or view.viewMode() != QListView.ViewMode.ListMode:
        return []
    room = view.viewport().width()
    for row in range(model.rowCount(view.rootIndex())):
        index = model.index(row, view.modelColumn(), view.rootIndex())
        if view.isRowHidden(row):
            continue
        needed = view.sizeHintForIndex(index).width()
        if needed > room + SLACK:
            return [f"{widget_name(view)}: “{_short(str(index.data()))}” needs {needed} px, "
                    f"the list shows {room}"]
    return []


def _chart_problems(view: QWidget) -> list[str]:
    from PySide6.QtCharts import QChartView

    if not isinstance(view, QChartView) or view.chart() is None:
        return []
    chart = view.chart()
    problems = []
    name = widget_name(view)
    title = chart.title()
    if title:
        needed = QFontMetrics(chart.titleFont()).horizontalAdvance(title)
        margins = chart.margins()
        room = int(chart.size().width()) - margins.left() - margins.right()
        if needed > room + SLACK:
            problems.append(f"{name}: the chart title “{_short(title)}” is {needed} px wide, "
                            f"the chart {room}")
    legend = chart.legend()
    markers = [m for m in legend.markers() if m.isVisible() and m.label()]
    if legend.isVisible() and markers:
        metrics = QFontMetrics(legend.font())
        # A marker is its colour box, a gap and the label; the legend has a margin around.
        box = metrics.height() + 4
        widths = [metrics.horizontalAdvance(m.label()) + box for m in markers]
        has = int(legend.geometry().width())
        vertical = legend.alignment() & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight)
        needed = (max(widths) if vertical else sum(widths)) + 16
        if needed > has + SLACK:
            widest = max(markers, key=lambda m: metrics.horizontalAdvance(m.label()))
            problems.append(f"{name}: the legend “{_short(widest.label())}” needs {needed} px, "
                            f"the legend has {has}")
    return problems


def _scroll_area_problems(area: QScrollArea) -> list[str]:
    """A form or page scrolls down, never sideways: its content must fit its width."""
    inner = area.widget()
    if inner is None:
        return []
    room = area.viewport().width()
    if area.horizontalScrollBar().isVisible() or inner.width() > room + SLACK:
        return [f"{widget_name(area)}: its content is {inner.width()} px wide, it shows "
                f"{room} (scrolled sideways or cut off)"]
    return []


def _toolbar_problems(bar: QToolBar) -> list[str]:
    """On the screens Suoja supports every action of a toolbar is in sight, none only in
    its » menu (Lock, Sign out and Quit went there, behind a » that was not drawn)."""
    hidden = [action.text().replace("&", "") for action in bar.actions()
              if action.isVisible() and not action.isSeparator()
              and (widget := bar.widgetForAction(action)) is not None
              and not widget.isVisible()]
    if hidden:
        return [f"{widget_name(bar)}: no room for {', '.join(map(_short, hidden))} "
                f"(only in its » menu)"]
    return []


def text_problems(window: QWidget) -> list[str]:
    """Every text of ``window`` that is clipped or elided where a person needs it whole."""
    problems: list[str] = []
    for widget in _visible_widgets(window):
        if isinstance(widget, QLabel):
            problems += _label_problems(widget)
        elif isinstance(widget, QAbstractButton):
            problems += _button_problems(widget)
        elif isinstance(widget, QComboBox):
            problems += _combo_problems(widget)
        elif isinstance(widget, QLineEdit):
            problems += _line_edit_problems(widget)
        elif isinstance(widget, QGroupBox):
            problems += _group_box_problems(widget)
        elif isinstance(widget, QTabBar):
            problems += _tab_problems(widget)
        elif isinstance(widget, QTableView):
            problems += _header_problems(widget, widget.horizontalHeader())
            problems += _cell_problems(widget)
        elif isinstance(widget, QTreeView):
            problems += _header_problems(widget, widget.header())
            problems += _cell_problems(widget)
        elif isinstance(widget, QListView):
            problems += _list_problems(widget)
        elif isinstance(widget, QScrollArea):
            problems += _scroll_area_problems(widget)
        elif isinstance(widget, QToolBar):
            problems += _toolbar_problems(widget)
        else:
            problems += _chart_problems(widget)
    return problems


def all_problems(window: QWidget, work_area: QSize) -> list[str]:
    """:func:`fit_problems` and :func:`text_problems` of one window."""
    return fit_problems(window, work_area) + text_problems(window)


__all__ = ["FREE_TEXT_COLUMNS", "all_problems", "fit_problems", "text_problems",
           "widget_name"]
