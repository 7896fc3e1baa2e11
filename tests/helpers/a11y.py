"""What a screen reader gets: the accessible name of every control, in every scene.

:func:`unnamed_controls` walks the visible, enabled widgets of a window that take the
keyboard focus and lists those whose accessible name is empty, as Qt's accessibility
bridge reports it (``QAccessible.queryAccessibleInterface(w).text(Name)``), with one
correction: on Linux Qt names a drop-down by its current *value* and announces its label
through the "labelled by" relation, so a drop-down counts as named only by its own
accessible name or a label relation (a buddy label), never by the value it shows.

Like the layout check, it runs the scenes of ``tests/helpers/scenes.py`` in a process of
its own (:func:`launch`), which can also speak another language (``lang``), use a bigger
application font (``font_size``, the desktop's font size) or start from the desktop's
high-contrast palette (``palette``: ``"black"`` or ``"white"``)::

    QT_QPA_PLATFORM=offscreen python -m tests.helpers.a11y --report found.json \\
        [--only SCENE ...] [--font-size 16] [--palette black] [--layout]

The report is JSON: ``{"scene": {"unnamed": [...], "names": [...], "layout": [...],
"contrast": [...]}}``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QAccessible, QColor, QFont, QPalette  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QScrollBar,
    QWidget,
)

from tests.helpers.layout import widget_name  # noqa: E402


def _inner(widget: QWidget) -> bool:
    """A part of another control (a spin box's or a drop-down's line edit, a header)."""
    parent = widget.parentWidget()
    return (isinstance(widget, (QHeaderView, QScrollBar))
            or isinstance(parent, (QAbstractSpinBox, QComboBox)))


def controls(window: QWidget) -> list[QWidget]:
    """The visible, enabled widgets of ``window`` that the keyboard or the mouse can focus
    (a widget that hands its focus to another is that other one), and every button and
    list, focusable or not (a toolbar's buttons take no focus, a screen reader finds them).
    """
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if (widget.window() is not window or not widget.isVisible()
                or not widget.isEnabled() or widget.focusProxy() is not None
                or _inner(widget) or widget.objectName() == "focusRing"):
            continue
        if (widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                or isinstance(widget, (QAbstractButton, QAbstractItemView))):
            found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` (see the module's docstring)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    labels = [relation[0].text(QAccessible.Text.Name)
              for relation in interface.relations(QAccessible.RelationFlag.Label)
              if relation[0] is not None]
    if isinstance(widget, QComboBox):
        return widget.accessibleName() or " ".join(t for t in labels if t).strip()
    return (interface.text(QAccessible.Text.Name) or "").strip() or \
        " ".join(t for t in labels if t).strip()


def accessible_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Description) or ""


def unnamed_controls(window: QWidget) -> list[str]:
    """Every focusable control of ``window`` without an accessible name, one a line."""
    return [f"{widget_name(widget)} has no accessible name"
            for widget in controls(window) if not accessible_name(widget)]


def names(window: QWidget) -> list[str]:
    """The accessible names and descriptions of ``window``'s controls."""
    found = []
    for widget in controls(window):
        found.append(accessible_name(widget))
        description = accessible_description(widget)
        if description:
            found.append(description)
    return [name for name in found if name]


# -- palettes a desktop may use -------------------------------------------------------------


def high_contrast_palette(kind: str) -> QPalette:
    """A desktop's high-contrast palette: ``black`` (white text on black, as Windows'
    "Night sky" or GNOME's dark high contrast) or ``white`` (black text on white)."""
    dark = kind == "black"
    back, text = (QColor("#000000"), QColor("#ffffff")) if dark else \
        (QColor("#ffffff"), QColor("#000000"))
    highlight = QColor("#1aebff") if dark else QColor("#37006e")
    highlighted = QColor("#000000") if dark else QColor("#ffffff")
    link = QColor("#ffff00") if dark else QColor("#00009f")
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base,
                     QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Button,
                     QPalette.ColorRole.ToolTipBase):
            palette.setColor(group, role, back)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                     QPalette.ColorRole.ButtonText, QPalette.ColorRole.ToolTipText,
                     QPalette.ColorRole.BrightText, QPalette.ColorRole.PlaceholderText,
                     QPalette.ColorRole.Light, QPalette.ColorRole.Mid,
                     QPalette.ColorRole.Dark, QPalette.ColorRole.Midlight):
            palette.setColor(group, role, text)
        palette.setColor(group, QPalette.ColorRole.Highlight, highlight)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, highlighted)
        palette.setColor(group, QPalette.ColorRole.Link, link)
        palette.setColor(group, QPalette.ColorRole.LinkVisited, link)
    disabled = QColor("#3ff23f") if dark else QColor("#600000")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(QPalette.ColorGroup.Disabled, role, back)
    return palette


# -- running the scenes -----------------------------------------------------------------------


def _checkpoint_class(layout: bool, contrast: bool) -> type:
    from tests.helpers import scenes

    class Checkpoint(scenes.Checkpoint):
        """Collects unnamed controls and names (and, when asked, layout and contrast)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.unnamed: list[str] = []
            self.names: list[str] = []
            self.contrast: list[str] = []

        def __call__(self, window: QWidget, state: str = "", shot: str | None = None,
                     picture: QWidget | None = None) -> None:
            if layout:
                super().__call__(window, state, shot, picture)
            else:
                scenes.settle()
            where = f"[{state}] " if state else ""
            self.unnamed.extend(where + p for p in unnamed_controls(window))
            self.names.extend(names(window))
            if contrast:
                from tests.helpers.contrast import widget_contrast_problems

                self.contrast.extend(where + p for p in widget_contrast_problems(window))

    return Checkpoint


def run(names_: list[str], *, font_size: float | None, palette: str | None,
        layout: bool, contrast: bool, work_area: QSize,
        victims: int) -> dict[str, dict[str, list[str]]]:
    from tests.helpers import scenes

    app = QApplication.instance() or QApplication(["suoja-a11y"])
    assert isinstance(app, QApplication)
    if font_size is not None:
        font = QFont(app.font())
        font.setPointSizeF(font_size)
        app.setFont(font)
    if palette is not None:
        from gui.shared import style

        app.setPalette(high_contrast_palette(palette))
        # As the desktop would say: high contrast, and for the black theme dark mode too.
        style.high_contrast_requested = lambda: True  # type: ignore[attr-defined]
        if palette == "black":
            style._is_dark = lambda: True  # type: ignore[attr-defined]
    made: list[Any] = []
    original = scenes.Checkpoint
    kind = _checkpoint_class(layout, contrast)

    def make(*args: Any, **kwargs: Any) -> Any:
        made.append(kind(*args, **kwargs))
        return made[-1]

    scenes.Checkpoint = make  # type: ignore[assignment,misc]
    try:
        layout_found = scenes.run(work_area, names_, None, victims)
    finally:
        scenes.Checkpoint = original  # type: ignore[misc]
    report: dict[str, dict[str, list[str]]] = {}
    for checkpoint in made:
        report[checkpoint.scene] = {
            "unnamed": checkpoint.unnamed, "names": sorted(set(checkpoint.names)),
            "layout": layout_found.get(checkpoint.scene, []) if layout else [],
            "contrast": checkpoint.contrast}
    for scene, problems in layout_found.items():  # a scene that failed before a checkpoint
        report.setdefault(scene, {"unnamed": [], "names": [], "layout": problems,
                                  "contrast": []})
        failed = [p for p in problems if p.startswith("the scene failed")]
        if failed and failed[0] not in report[scene]["layout"]:
            report[scene]["layout"] += failed
    return report


def launch(only: list[str] | None = None, *, lang: str | None = None,
           font_size: float | None = None, palette: str | None = None,
           layout: bool = False, contrast: bool = False, victims: int = 40,
           screen: tuple[int, int] = (1280, 720),
           timeout: float = 900) -> dict[str, dict[str, list[str]]]:
    """Run the scenes in a process of their own; what was found, by scene."""
    from tests.screenshots import TASKBAR, work_area

    width, height = screen
    area = work_area(width, height, 1.0)
    with tempfile.TemporaryDirectory(prefix="suoja-a11y-") as folder:
        config = Path(folder) / "screen.json"
        config.write_text(json.dumps({"screens": [{
            "name": "screen", "x": 0, "y": 0, "width": width, "height": height - TASKBAR,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
        report = Path(folder) / "report.json"
        home = Path(folder) / "home"
        env = dict(os.environ)
        env.update({
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": "1",
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), "XDG_RUNTIME_DIR": folder,
        })
        env.pop("SUOJA_PASSWORD", None)
        env.pop("SUOJA_LANG", None)
        if lang:
            env["SUOJA_LANG"] = lang
        command = [sys.executable, "-m", "tests.helpers.a11y", "--report", str(report),
                   "--work-area", f"{area[0]}x{area[1]}", "--victims", str(victims)]
        if only:
            command += ["--only", *only]
        if font_size is not None:
            command += ["--font-size", f"{font_size:g}"]
        if palette is not None:
            command += ["--palette", palette]
        if layout:
            command.append("--layout")
        if contrast:
            command.append("--contrast")
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=timeout, check=False)
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"the scenes failed (exit {result.returncode}):\n"
                               f"{result.stderr[-4000:]}")
        return dict(json.loads(report.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    from tests.helpers.scenes import SCENES, _size

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--work-area", type=_size, default=QSize(1280, 672))
    parser.add_argument("--victims", type=int, default=40)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--font-size", type=float)
    parser.add_argument("--palette", choices=("black", "white"))
    parser.add_argument("--layout", action="store_true")
    parser.add_argument("--contrast", action="store_true")
    args = parser.parse_args(argv)
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        parser.error("run through tests.helpers.a11y.launch (an offscreen screen is needed)")
    names_ = args.only or list(SCENES)
    report = run(names_, font_size=args.font_size, palette=args.palette, layout=args.layout,
                 contrast=args.contrast, work_area=args.work_area, victims=args.victims)
    args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
