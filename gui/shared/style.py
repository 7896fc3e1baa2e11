"""The calm, consistent look: Fusion, a soft light palette, ``resources/style.qss``, icons.

Icons are small SVGs in ``resources/icons/`` (they stay sharp at 200 % scaling); when one
is missing, a ``QStyle`` standard icon stands in. Colours mark meaning sparingly: risk
levels get a small dot, overdue follow-ups a muted red — nothing blinks or shouts.

Counsellors on the phone work by keyboard, so the focused widget always shows a 2 px ring
in the highlight colour (:class:`FocusRing`): Fusion marks focus faintly on line edits and
not at all on drop-downs or tables.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QRegion,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QTabBar,
    QWidget,
)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICONS = RESOURCES / "icons"
STYLE_SHEET = RESOURCES / "style.qss"

#: Muted colours for the risk levels (dot in the case list, badge in forms).
RISK_COLOURS = {
    "acute": "#b3261e",
    "high": "#c4661f",
    "medium": "#b8961a",
    "low": "#4a8a5c",
}
OVERDUE_COLOUR = "#a4452c"

_FALLBACKS: dict[str, QStyle.StandardPixmap] = {
    "my-cases": QStyle.StandardPixmap.SP_DirHomeIcon,
    "all-cases": QStyle.StandardPixmap.SP_DirIcon,
    "follow-ups": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "new-intake": QStyle.StandardPixmap.SP_FileDialogNewFolder,
    "search": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "lock": QStyle.StandardPixmap.SP_BrowserStop,
    "clear-filters": QStyle.StandardPixmap.SP_DialogResetButton,
    "open-case": QStyle.StandardPixmap.SP_DirOpenIcon,
    "overdue": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "shield": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, or a standard icon if it is missing."""
    path = ICONS / f"{name}.svg"
    if path.is_file():
        return QIcon(str(path))
    app = QApplication.instance()
    standard = _FALLBACKS.get(name)
    if isinstance(app, QApplication) and standard is not None:
        return app.style().standardIcon(standard)
    return QIcon()


@cache
def dot_icon(colour: str) -> QIcon:
    """A small filled circle in ``colour`` (risk levels), drawn at two resolutions."""
    result = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        margin = size * 0.22
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
        painter.end()
        result.addPixmap(pixmap)
    return result


def risk_icon(level: str) -> QIcon:
    colour = RISK_COLOURS.get(level)
    return dot_icon(colour) if colour else QIcon()


def relative_font(widget: QWidget, factor: float, weight: QFont.Weight | None = None) -> QFont:
    """``widget``'s font (the desktop's, unless set otherwise) ``factor`` times as big.

    Sizes are always relative, never fixed points: a person who made the desktop's font
    bigger gets bigger titles too.
    """
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(round(font.pixelSize() * factor))
    if weight is not None:
        font.setWeight(weight)
    return font


def _is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


#: How thick the focus ring is, in pixels.
FOCUS_RING_WIDTH = 2


def _room_around(target: QWidget, between: list[QWidget]) -> QWidget:
    """The nearest ancestor with room for a ring outside ``target`` (``target`` if none).

    Never beyond a scroll area's viewport, which must clip the ring like the widget.
    The widgets passed on the way are added to ``between``.
    """
    margin = FOCUS_RING_WIDTH + 1
    host = target.parentWidget()
    while host is not None and not host.isWindow():
        rect = QRect(target.mapTo(host, QPoint(0, 0)), target.size())
        if host.rect().contains(rect.adjusted(-margin, -margin, margin, margin)):
            return host
        if isinstance(host.parentWidget(), QAbstractScrollArea):
            break  # a viewport
        between.append(host)
        host = host.parentWidget()
    return target


class _Ring(QWidget):
    """The ring around one focused widget: a masked child that lets the mouse through.

    It lies just inside the widget's edge (a table filling its window edge to edge keeps
    its ring), around the current tab of a tab bar, and just outside check boxes and
    radio buttons, whose box sits on their own edge: there the ring belongs to the
    nearest container with room for it, and follows every widget in between.
    """

    _FOLLOWED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide,
                 QEvent.Type.ZOrderChange, QEvent.Type.LayoutDirectionChange)

    def __init__(self, target: QWidget) -> None:
        self._outside = isinstance(target, (QCheckBox, QRadioButton))
        self._watched = [target]
        host = target
        if self._outside:
            host = _room_around(target, self._watched)
            self._outside = host is not target
        super().__init__(host)
        self.target = target
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for widget in self._watched:
            widget.installEventFilter(self)
        if self._outside:
            target.destroyed.connect(self.deleteLater)
        if isinstance(target, QTabBar):
            target.currentChanged.connect(self._place)
        self._place()

    def detach(self) -> None:
        """Take the ring away (the focus moved on)."""
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self.hide()
        self.deleteLater()

    def _place(self, *_args: object) -> None:
        target = self.target
        if not shiboken6.isValid(target):
            return
        width = FOCUS_RING_WIDTH
        if self._outside:
            # Around the box and its text, not the whole cell a layout stretched it to.
            host = self.parentWidget()
            rect = QRect(target.mapTo(host, QPoint(0, 0)), target.size())
            rect.setWidth(min(rect.width(), target.sizeHint().width()))
            rect.adjust(-width - 1, -width - 1, width + 1, width + 1)
        elif isinstance(target, QTabBar) and target.currentIndex() >= 0:
            rect = target.tabRect(target.currentIndex())
        else:
            rect = target.rect()
        self.setGeometry(rect)
        inner = QRect(0, 0, rect.width(), rect.height())
        self.setMask(QRegion(inner).subtracted(
            QRegion(inner.adjusted(width, width, -width, -width))))
        self.raise_()
        self.setVisible(target.isVisible())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter: follow the focused widget's size and place."""
        if event.type() in self._FOLLOWED and any(watched is w for w in self._watched):
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Override of QWidget.paintEvent: the band in the highlight colour."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Highlight))
        painter.end()


class FocusRing(QObject):
    """Keeps a :class:`_Ring` around whichever widget has the keyboard focus.

    While a drop-down list, a calendar or a menu is open the ring stays on the field it
    belongs to. Installed by :func:`apply_style`; tests install it themselves.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRingKeeper")
        self._ring: _Ring | None = None
        app.focusChanged.connect(self._follow)
        self._follow(None, app.focusWidget())

    def stop(self) -> None:
        """Take the ring away and stop following the focus."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._follow)
        ring, self._ring = self.ring, None
        if ring is not None:
            ring.detach()
        self.setObjectName("")
        self.deleteLater()

    @property
    def ring(self) -> QWidget | None:
        """The ring now shown, if any."""
        ring = self._ring
        return ring if ring is not None and shiboken6.isValid(ring) else None

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window().windowType() == Qt.WindowType.Popup:
            return
        ring, self._ring = self.ring, None
        if ring is not None:
            ring.detach()
        if new is not None and not new.isWindow():
            self._ring = _Ring(new)


def install_focus_ring(app: QApplication) -> FocusRing:
    """Show a focus ring in every window of ``app`` (once; later calls return it)."""
    existing = app.findChild(FocusRing, "focusRingKeeper")
    return existing if existing is not None else FocusRing(app)


def apply_style(app: QApplication) -> None:
    """Fusion everywhere (the same look on every desktop), light palette and style sheet.

    A desktop in dark mode keeps Fusion's dark palette and gets no style sheet: the
    sheet's colours are light ones, and a person who chose dark mode may need it.
    """
    app.setStyle("Fusion")
    app.setWindowIcon(icon("shield"))
    install_focus_ring(app)
    if _is_dark():
        return
    palette = app.palette()
    colours = {
        QPalette.ColorRole.Window: "#f5f7f9",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f4f7f9",
        QPalette.ColorRole.Button: "#eef2f5",
        QPalette.ColorRole.Highlight: "#2f6f8f",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#1f5f86",
        QPalette.ColorRole.WindowText: "#1d2b36",
        QPalette.ColorRole.Text: "#1d2b36",
        QPalette.ColorRole.ButtonText: "#1d2b36",
        QPalette.ColorRole.ToolTipBase: "#fdfdf6",
        QPalette.ColorRole.ToolTipText: "#1d2b36",
        QPalette.ColorRole.PlaceholderText: "#6b7c89",
        QPalette.ColorRole.Mid: "#a9b6c0",
    }
    for role, colour in colours.items():
        # Active and inactive only: disabled controls keep a visibly greyed look.
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8e9ba5"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#eef2f5"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, QColor("#f5f7f9"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#f5f7f9"))
    app.setPalette(palette)
    if STYLE_SHEET.is_file():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
