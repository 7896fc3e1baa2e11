"""Whether each text of a window has 4.5:1 contrast on what is really behind it.

:func:`widget_contrast_problems` walks the visible widgets of a window that show text and
compares the text's colour — the widget's own palette, which Qt fills from style sheets
too, the colours a table's model gives its cells, and the colours written into rich
text — with the background actually drawn behind it: the most common colour of the
widget's pixels in a picture of the whole window (a label draws no background of its
own; its frame, chip or page does). Disabled controls are left out, as WCAG allows.
"""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.helpers.layout import widget_name

#: WCAG 2.1 AA (EN 301 549 9.1.4.3): text needs 4.5:1 on its background.
TEXT_CONTRAST = 4.5


def luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance (computed here, apart from the app's own code)."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast(first: QColor | str, second: QColor | str) -> float:
    """WCAG 2.1 contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((luminance(QColor(first)), luminance(QColor(second))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


_INLINE = re.compile(r"color:\s*(#[0-9a-fA-F]{6})")


def _background(picture: QImage, window: QWidget, rect: QRect) -> QColor:
    """The colour most of ``rect`` (window coordinates) has in ``picture``: its inside
    (a frame's border left out), in coarse bins so that a gradient counts as one colour,
    and its commonest colour.

    Sampled on a grid of about 12 steps across the shorter side, read as 32-bit pixels
    straight from the image's memory (``picture`` in ``Format_RGB32``:
    :func:`widget_contrast_problems` converts it once); a QColor per pixel made the
    contrast check most of a minute per palette.
    """
    ratio = picture.width() / max(window.width(), 1)
    area = QRect(round(rect.x() * ratio), round(rect.y() * ratio),
                 round(rect.width() * ratio), round(rect.height() * ratio))
    inset = min(3, area.height() // 4, area.width() // 4)
    area = area.adjusted(inset, inset, -inset, -inset).intersected(picture.rect())
    if area.isEmpty():
        return QColor()
    if picture.format() != QImage.Format.Format_RGB32:
        picture = picture.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(picture.constBits()).cast("I")
    stride = picture.bytesPerLine() // 4
    step = max(1, min(area.width(), area.height()) // 12)
    counts: Counter[int] = Counter()
    for y in range(area.top(), area.bottom() + 1, step):
        start = y * stride + area.left()
        counts.update(pixels[start:start + area.width():step])
    # Bins in the order their first pixel was met (a tie goes to the first, as before).
    bins: dict[tuple[int, int, int], Counter[int]] = {}
    for value, n in counts.items():
        key = ((value >> 20) & 15, (value >> 12) & 15, (value >> 4) & 15)
        bins.setdefault(key, Counter())[value & 0xFFFFFF] += n
    winner = max(bins.values(), key=lambda found: found.total())
    return QColor.fromRgb(winner.most_common(1)[0][0] | 0xFF000000)


def _rect_in(window: QWidget, widget: QWidget, rect: QRect | None = None) -> QRect:
    rect = rect if rect is not None else widget.rect()
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


def _problem(where: str, what: str, text: QColor, back: QColor,
             needed: float = TEXT_CONTRAST) -> str | None:
    if not text.isValid() or not back.isValid():
        return None
    ratio = contrast(text, back)
    if ratio + 0.005 >= needed:
        return None
    return (f"{where}: {what} {text.name()} on {back.name()} has {ratio:.2f}:1 "
            f"(needs {needed:g}:1)")


def _short(text: str) -> str:
    text = " ".join(re.sub(r"<[^>]+>", "", text).split())
    return f"“{text[:40]}”"


def _view_problems(view: QAbstractItemView, where: str) -> list[str]:
    """The cells in sight: model colours, or the view's Text on Base/AlternateBase."""
    model = view.model()
    if model is None:
        return []
    palette = view.palette()
    selected = set()
    if view.selectionModel() is not None:
        selected = {(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()}
    problems: list[str | None] = []
    rows = min(model.rowCount(QModelIndex()), 40)
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list's model (Qt keeps its columnCount private): one column
        columns = 1
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            if not view.visualRect(index).intersects(view.viewport().rect()):
                continue
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if not text:
                continue
            if (row, column) in selected:
                fore = palette.color(QPalette.ColorRole.HighlightedText)
                back = palette.color(QPalette.ColorRole.Highlight)
            else:
                brush = index.data(Qt.ItemDataRole.ForegroundRole)
                fore = QColor(brush.color() if hasattr(brush, "color") else brush) \
                    if brush is not None else palette.color(QPalette.ColorRole.Text)
                fill = index.data(Qt.ItemDataRole.BackgroundRole)
                alternate = (getattr(view, "alternatingRowColors", lambda: False)()
                             and row % 2 == 1)
                back = QColor(fill.color() if hasattr(fill, "color") else fill) \
                    if fill is not None else palette.color(
                        QPalette.ColorRole.AlternateBase if alternate
                        else QPalette.ColorRole.Base)
            problems.append(_problem(where, f"cell {_short(text)}", fore, back))
    return [p for p in problems if p]


def widget_contrast_problems(window: QWidget) -> list[str]:
    """Every text of ``window`` with less than 4.5:1 contrast on its background."""
    picture = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    problems: list[str | None] = []
    seen: set[str] = set()
    for widget in [window, *window.findChildren(QWidget)]:
        if (widget.window() is not window or not widget.isVisible() or widget.width() <= 0
                or not widget.isEnabled()):
            continue
        palette = widget.palette()
        where = widget_name(widget)
        back = _background(picture, window, _rect_in(window, widget))
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text.strip() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            problems.append(_problem(where, _short(text),
                                     palette.color(widget.foregroundRole()), back))
            for inline in _INLINE.findall(text):
                problems.append(_problem(where, f"{_short(text)} ({inline} in the text)",
                                         QColor(inline), back))
        elif isinstance(widget, (QCheckBox, QRadioButton)):
            if widget.text():
                problems.append(_problem(where, _short(widget.text()),
                                         palette.color(QPalette.ColorRole.WindowText), back))
        elif isinstance(widget, QAbstractButton):
            if widget.text() and widget.objectName() != "focusRing":
                problems.append(_problem(where, _short(widget.text()),
                                         palette.color(QPalette.ColorRole.ButtonText), back))
        elif isinstance(widget, QLineEdit):
            base = palette.color(QPalette.ColorRole.Base)
            if widget.text():
                problems.append(_problem(where, _short(widget.text()),
                                         palette.color(QPalette.ColorRole.Text), back))
            elif widget.placeholderText():
                problems.append(_problem(where, f"hint {_short(widget.placeholderText())}",
                                         palette.color(QPalette.ColorRole.PlaceholderText),
                                         base if back == base else back))
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            problems.append(_problem(where, "text", palette.color(QPalette.ColorRole.Text),
                                     palette.color(QPalette.ColorRole.Base)))
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            problems.append(_problem(where, _short(widget.currentText()),
                                     palette.color(QPalette.ColorRole.ButtonText), back))
        elif isinstance(widget, QGroupBox) and widget.title():
            title_back = _background(picture, window, _rect_in(
                window, widget, QRect(0, 0, widget.width(), widget.fontMetrics().height())))
            problems.append(_problem(where, _short(widget.title()),
                                     palette.color(QPalette.ColorRole.WindowText),
                                     title_back))
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                tab_back = _background(picture, window,
                                       _rect_in(window, widget, widget.tabRect(tab)))
                problems.append(_problem(where, f"tab {_short(widget.tabText(tab))}",
                                         palette.color(QPalette.ColorRole.WindowText),
                                         tab_back))
        elif isinstance(widget, QHeaderView):
            problems.append(_problem(where, "column titles",
                                     palette.color(QPalette.ColorRole.ButtonText), back))
        elif isinstance(widget, QAbstractItemView):
            problems += _view_problems(widget, where)
    unique = []
    for problem in problems:
        if problem and problem not in seen:
            seen.add(problem)
            unique.append(problem)
    return unique


__all__ = ["TEXT_CONTRAST", "contrast", "luminance", "widget_contrast_problems"]
