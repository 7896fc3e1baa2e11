"""The calm, consistent look: Fusion, a soft light palette, ``resources/style.qss``, icons.

Icons are small SVGs in ``resources/icons/`` (they stay sharp at 200 % scaling); when one
is missing, a ``QStyle`` standard icon stands in. Colours mark meaning sparingly: risk
levels get a small dot, overdue follow-ups a muted red — nothing blinks or shouts.

Text is readable for everyone (EN 301 549, WCAG 2.1 AA): every text colour has at least
4.5:1 contrast on its background. A desktop in dark mode or with a high-contrast theme
keeps its own palette, and the colours that carry a meaning (errors, overdue dates, risk
chips) pass through :func:`readable`, which darkens or lightens them until they reach
that contrast on the palette in use. Fonts follow the desktop's size (:func:`relative_font`).

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

#: Muted colours for the risk levels (dot in the case list, badge in forms): graphics
#: beside the level's name, with 3:1 contrast on the light palette's lists.
RISK_COLOURS = {
    "acute": "#b3261e",
    "high": "#c0621d",
    "medium": "#9c7f12",
    "low": "#458257",
}
OVERDUE_COLOUR = "#a4452c"

#: The contrast text needs on its background (WCAG 2.1 AA, EN 301 549 9.1.4.3) and the
#: contrast of graphics that carry meaning, such as a risk dot or a chip's border.
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0

#: The light palette (:func:`apply_style`): every text role has 4.5:1 on Window, Base and
#: AlternateBase (placeholder text and hints included), highlighted text on Highlight.
LIGHT_PALETTE = {
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
    QPalette.ColorRole.PlaceholderText: "#5b6b78",
    QPalette.ColorRole.Mid: "#a9b6c0",
}
#: Disabled text: greyed on purpose (WCAG exempts inactive controls from the contrast rule).
DISABLED_TEXT = "#8e9ba5"
#: Secondary text (hints, closed cases, inactive accounts): quieter than body text, still
#: 4.5:1 on every background of the light palette.
MUTED_COLOUR = "#5b6b78"


def luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an opaque colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2.1 contrast ratio of two colours (1 to 21); a translucent ``first`` is laid
    over ``second`` first."""
    if first.alphaF() < 1:
        alpha = first.alphaF()
        first = QColor.fromRgbF(first.redF() * alpha + second.redF() * (1 - alpha),
                                first.greenF() * alpha + second.greenF() * (1 - alpha),
                                first.blueF() * alpha + second.blueF() * (1 - alpha))
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: QColor | str, backgrounds: list[QColor] | None = None,
             needed: float = TEXT_CONTRAST) -> QColor:
    """``colour``, or the nearest colour of its hue with ``needed`` contrast on each of
    ``backgrounds`` (default: the application palette's Window, Base and AlternateBase).

    On the light palette the designed colours already pass and come back unchanged; on a
    dark or high-contrast desktop they are lightened (or darkened) until they pass.
    """
    colour = QColor(colour)
    if backgrounds is None:  # tables ask on every paint: remember the answer
        palette = QGuiApplication.palette()
        return QColor.fromRgba(_readable_on_palette(colour.rgba(), palette.cacheKey(), needed))
    return _readable(colour, backgrounds, needed)


@cache
def _readable_on_palette(rgba: int, _palette_key: int, needed: float) -> int:
    palette = QGuiApplication.palette()
    backgrounds = [palette.color(QPalette.ColorGroup.Active, role) for role in (
        QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)]
    return _readable(QColor.fromRgba(rgba), backgrounds, needed).rgba()


def _readable(colour: QColor, backgrounds: list[QColor], needed: float) -> QColor:
    if all(contrast(colour, b) >= needed for b in backgrounds):
        return colour
    hue, saturation, lightness, _alpha = colour.getHslF()
    dark_backgrounds = sum(luminance(b) for b in backgrounds) / len(backgrounds) < 0.18
    steps = [i / 50 for i in range(51)]
    targets = steps if dark_backgrounds else list(reversed(steps))
    for target in targets:
        if (target < lightness) if dark_backgrounds else (target > lightness):
            continue
        # Whole 8-bit channels, as the colour will be drawn (and named in style sheets).
        candidate = QColor(QColor.fromHslF(max(hue, 0.0), saturation, target).name())
        if all(contrast(candidate, b) >= needed for b in backgrounds):
            return candidate
    # Nothing of that hue is enough: plain white or black, whichever reads better.
    white, black = QColor("#ffffff"), QColor("#000000")
    worst_white = min(contrast(white, b) for b in backgrounds)
    return white if worst_white >= min(contrast(black, b) for b in backgrounds) else black


def readable_style(colour: QColor | str, extra: str = "") -> str:
    """A style sheet's ``color:`` for text in ``colour``, made :func:`readable`."""
    return f"color: {readable(colour).name()};{(' ' + extra) if extra else ''}"


def keeps_desktop_palette() -> bool:
    """Whether the desktop's own palette stays (dark mode, a high-contrast theme, or a
    palette whose text is lighter than its windows) instead of Suoja's light one."""
    if _is_dark() or high_contrast_requested():
        return True
    palette = QGuiApplication.palette()
    return (palette.color(QPalette.ColorRole.Window).lightnessF()
            < palette.color(QPalette.ColorRole.WindowText).lightnessF())


def high_contrast_requested() -> bool:
    """Whether the desktop asks for high contrast (Qt 6.10+, where the platform says so)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)

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


def monospace_font(factor: float = 1.0) -> QFont:
    """A fixed-width font (codes, report numbers, wallet addresses) of the desktop's size.

    A font made from a family name alone would be 12 pt whatever the desktop's size.
    """
    font = QFont(QGuiApplication.font())
    font.setFamilies(["monospace"])
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
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

    A desktop in dark mode or with a high-contrast theme keeps its palette and gets no
    style sheet: the sheet's colours are light ones, and a person who chose dark mode or
    high contrast may need it. Only its placeholder text is made readable (4.5:1), as
    desktops often draw it fainter than that.
    """
    app.setStyle("Fusion")
    app.setWindowIcon(icon("shield"))
    install_focus_ring(app)
    palette = app.palette()
    if keeps_desktop_palette():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            backgrounds = [palette.color(group, QPalette.ColorRole.Base),
                           palette.color(group, QPalette.ColorRole.Window)]
            placeholder = palette.color(group, QPalette.ColorRole.PlaceholderText)
            palette.setColor(group, QPalette.ColorRole.PlaceholderText,
                             readable(placeholder, backgrounds))
        app.setPalette(palette)
        return
    for role, colour in LIGHT_PALETTE.items():
        # Active and inactive only: disabled controls keep a visibly greyed look.
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#eef2f5"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, QColor("#f5f7f9"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#f5f7f9"))
    app.setPalette(palette)
    if STYLE_SHEET.is_file():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
