"""The calm, consistent look: Fusion, a soft light palette, ``resources/style.qss``, icons.

Icons are small SVGs in ``resources/icons/`` (they stay sharp at 200 % scaling); when one
is missing, a ``QStyle`` standard icon stands in. Colours mark meaning sparingly: risk
levels get a small dot, overdue follow-ups a muted red — nothing blinks or shouts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
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


def _is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_style(app: QApplication) -> None:
    """Fusion everywhere (the same look on every desktop), light palette and style sheet.

    A desktop in dark mode keeps Fusion's dark palette and gets no style sheet: the
    sheet's colours are light ones, and a person who chose dark mode may need it.
    """
    app.setStyle("Fusion")
    app.setWindowIcon(icon("shield"))
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
