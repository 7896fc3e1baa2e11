"""Contrast, the desktop's font size and its high-contrast themes (EN 301 549 9.1.4.3, 9.1.4.4,
11.7: text has 4.5:1 contrast, the program follows the platform's font and colours).

* the light palette, ``resources/style.qss`` and the colours the code sets (error text,
  chips, banners, overdue dates, the audit log's break-the-glass rows, risk dots) are read
  as data and every text-on-background pair they make is measured (WCAG 2.1 relative
  luminance), the lowest figure named in the failure;
* every scene is opened with the light palette and with a desktop's black and white
  high-contrast palettes, and every text shown is measured against what is drawn behind
  it (``tests/helpers/contrast.py``);
* no point sizes are written into the code: at a 16 pt desktop font the main window and
  the case view still fit the screen, and their texts are not cut off.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.case import header
from gui.case.sections import base as sections
from gui.shared import forms, style
from gui.workspaces import accounts_admin, audit_viewer, caseload
from tests.helpers.a11y import high_contrast_palette, launch
from tests.helpers.contrast import TEXT_CONTRAST, contrast, widget_contrast_problems

ROOT = Path(__file__).resolve().parents[1]
GRAPHIC = 3.0  # WCAG 1.4.11: graphics that carry meaning (a risk dot, a chip's edge)

Role = QPalette.ColorRole
LIGHT = {role: QColor(colour) for role, colour in style.LIGHT_PALETTE.items()}
#: Where text sits in the light palette: windows and forms, fields and lists.
GROUNDS = {"window": LIGHT[Role.Window], "base": LIGHT[Role.Base],
           "alternate row": LIGHT[Role.AlternateBase]}


def _style_sheet() -> dict[str, dict[str, str]]:
    """``resources/style.qss`` as {selector: {property: value}}."""
    text = re.sub(r"/\*.*?\*/", "", style.STYLE_SHEET.read_text(encoding="utf-8"), flags=re.S)
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        declarations = dict(
            (name.strip(), value.strip()) for name, value in
            (part.split(":", 1) for part in body.split(";") if ":" in part))
        for selector in selectors.split(","):
            rules[selector.strip()] = declarations
    return rules


def _background_of(rules: dict[str, dict[str, str]], selector: str) -> QColor:
    """The background a rule's text is drawn on: its own, its widget's (an item's list,
    a state's plain rule), or the window's."""
    candidates = [selector, re.sub(r":[!a-z:]+$", "", selector),
                  re.sub(r"::.*$", "", selector)]
    for candidate in candidates:
        value = rules.get(candidate, {}).get("background")
        if value:
            return QColor(value.split()[0])
    return LIGHT[Role.Window]


def light_pairs() -> list[tuple[str, QColor, QColor, float]]:
    """Every (what, text, background, needed) pair of the light look."""
    pairs: list[tuple[str, QColor, QColor, float]] = []
    palette_text = {
        Role.WindowText: ["window"], Role.Text: ["base", "alternate row"],
        Role.PlaceholderText: ["window", "base", "alternate row"], Role.Link: ["window", "base"],
    }
    for role, grounds in palette_text.items():
        pairs += [(f"palette {role.name} on {g}", LIGHT[role], GROUNDS[g], TEXT_CONTRAST)
                  for g in grounds]
    pairs += [("palette ButtonText on Button", LIGHT[Role.ButtonText], LIGHT[Role.Button],
               TEXT_CONTRAST),
              ("palette HighlightedText on Highlight", LIGHT[Role.HighlightedText],
               LIGHT[Role.Highlight], TEXT_CONTRAST),
              ("palette ToolTipText on ToolTipBase", LIGHT[Role.ToolTipText],
               LIGHT[Role.ToolTipBase], TEXT_CONTRAST)]
    rules = _style_sheet()
    for selector, declarations in rules.items():
        if "color" in declarations:
            pairs.append((f"style.qss {selector}", QColor(declarations["color"]),
                          _background_of(rules, selector), TEXT_CONTRAST))
        if "selection-color" in declarations:
            pairs.append((f"style.qss {selector} selection",
                          QColor(declarations["selection-color"]),
                          QColor(declarations["selection-background-color"]), TEXT_CONTRAST))
        if "background" in declarations and "color" not in declarations \
                and QColor(declarations["background"].split()[0]).isValid():
            # Frames and boxes whose labels keep the window's text colour.
            pairs.append((f"style.qss {selector} (window text)", LIGHT[Role.WindowText],
                          QColor(declarations["background"].split()[0]), TEXT_CONTRAST))
    code_text = {
        "error message": forms.ERROR_COLOUR, "muted text": style.MUTED_COLOUR,
        "overdue follow-up": style.OVERDUE_COLOUR,
        "accounts: error": accounts_admin._ERROR_COLOUR,
        "accounts: done": accounts_admin._OK_COLOUR,
        "audit: chain intact": audit_viewer._OK_COLOUR,
        "audit: chain broken": audit_viewer._BROKEN_COLOUR,
        "caseload: high risk": caseload._WARNING.name(),
        "case: overdue": sections.OVERDUE_COLOUR.name(),
        "case: due soon": sections.SOON_COLOUR.name(),
        "case: done": sections.DONE_COLOUR.name(),
        "case: muted": sections.MUTED_COLOUR.name(),
        "case: no consent": header.NO_CONSENT_COLOUR,
    }
    for what, colour in code_text.items():
        pairs += [(f"{what} on {g}", QColor(colour), ground, TEXT_CONTRAST)
                  for g, ground in GROUNDS.items()]
    pairs.append(("audit: break-the-glass row", audit_viewer._GLASS_FOREGROUND,
                  audit_viewer._GLASS_BACKGROUND, TEXT_CONTRAST))
    chips = {**{f"risk chip {k}": v for k, v in header.RISK_COLOURS.items()},
             "status chip": header.STATUS_COLOURS,
             "safe-contact banner": header.BANNER_COLOURS,
             "calm safe-contact banner": header.CALM_BANNER_COLOURS,
             "closure banner": header.CLOSURE_COLOURS,
             "break-the-glass banner": header.ACCESS_BANNER_COLOURS}
    for what, colours in chips.items():
        pairs.append((what, QColor(colours[1]), QColor(colours[0]), TEXT_CONTRAST))
    for level, colour in style.RISK_COLOURS.items():
        pairs += [(f"risk dot {level} on {g}", QColor(colour), GROUNDS[g], GRAPHIC)
                  for g in ("base", "alternate row")]
    return pairs


def test_every_colour_pair_of_the_light_look_has_enough_contrast() -> None:
    pairs = light_pairs()
    assert len(pairs) > 60
    measured = sorted((contrast(text, back), what, text.name(), back.name(), needed)
                      for what, text, back, needed in pairs)
    failing = [f"{what}: {text} on {back} has {ratio:.2f}:1, needs {needed:g}:1"
               for ratio, what, text, back, needed in measured if ratio < needed]
    lowest = next(m for m in measured if m[4] == TEXT_CONTRAST)
    assert not failing, (f"lowest text contrast {lowest[0]:.2f}:1 ({lowest[1]})\n"
                         + "\n".join(failing))


def test_no_text_colour_in_the_code_bypasses_readable() -> None:
    """A colour written into a style sheet in the code would stay light-theme on a dark or
    high-contrast desktop: text colours go through ``style.readable``."""
    found = []
    for path in (ROOT / "gui").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(?<!-)color:\s*#[0-9a-fA-F]{3,6}", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_no_fixed_font_sizes() -> None:
    """Sizes are relative to the desktop's font (``style.relative_font``), never points."""
    found = []
    sources = [*(ROOT / "gui").rglob("*.py"), style.STYLE_SHEET]
    for path in sources:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (re.search(r"font(-size)?:\s*\d", line) or re.search(r"QFont\(\"", line)
                    or re.search(r"setPointSize(F)?\(\s*\d", line)
                    or re.search(r"setPixelSize\(\s*\d", line)):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


# -- readable() ---------------------------------------------------------------------------------


def test_readable_keeps_designed_colours_and_fixes_them_on_dark_grounds(qapp) -> None:  # type: ignore[no-untyped-def]
    white, black = QColor("#ffffff"), QColor("#000000")
    assert style.readable(forms.ERROR_COLOUR, [white]).name() == forms.ERROR_COLOUR
    for colour in (forms.ERROR_COLOUR, "#404040", style.MUTED_COLOUR, "#2e6b34"):
        on_black = style.readable(colour, [black])
        assert contrast(on_black, black) >= TEXT_CONTRAST, (colour, on_black.name())
        hue = QColor(colour).hslHueF()
        if hue >= 0:  # a grey stays grey, a red stays red
            assert abs(on_black.hslHueF() - hue) < 0.05, (colour, on_black.name())
    yellow = style.readable("#ffd700", [white, QColor("#fafafa")])
    assert min(contrast(yellow, g) for g in (white, QColor("#fafafa"))) >= TEXT_CONTRAST


def test_the_widget_check_finds_faint_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    faint = QLabel("Faint")
    faint.setObjectName("faint")
    faint.setStyleSheet("color: #9a9a9a; background: #ffffff;")
    chip = QLabel("Acute")
    chip.setObjectName("chip")
    chip.setStyleSheet("background: #fbe4e2; color: #8c1d18; padding: 4px;")
    inline = QLabel("<span style='color:#bbbbbb'>Hint</span>")
    inline.setObjectName("inline")
    inline.setStyleSheet("background: #ffffff; color: #000000;")
    for label in (faint, chip, inline):
        layout.addWidget(label)
    window.show()
    qtbot.waitExposed(window)
    problems = "\n".join(widget_contrast_problems(window))
    assert "QLabel#faint" in problems and "#9a9a9a on #ffffff" in problems, problems
    assert "QLabel#inline" in problems and "#bbbbbb in the text" in problems, problems
    assert "QLabel#chip" not in problems, problems


# -- every scene, on the light palette and on high-contrast desktops ---------------------------


@pytest.fixture(scope="module", params=["light", "black", "white"])
def shown(request: pytest.FixtureRequest) -> tuple[str, dict[str, dict[str, list[str]]]]:
    palette = None if request.param == "light" else request.param
    return request.param, launch(lang="en", palette=palette, contrast=True)


def test_every_text_shown_has_enough_contrast(
        shown: tuple[str, dict[str, dict[str, list[str]]]]) -> None:
    palette, found = shown
    failed = [f"{scene}: {p}" for scene, v in found.items() for p in v["layout"]
              if p.startswith("the scene failed")]
    assert not failed, "\n".join(failed)
    problems = [f"{scene}: {p}" for scene, v in found.items() for p in v["contrast"]]
    assert not problems, f"on the {palette} palette:\n" + "\n".join(problems)


def test_a_high_contrast_desktop_keeps_its_palette(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With high contrast asked for, apply_style keeps the desktop's palette and sets no
    style sheet (the check above then measures the app's own colours on it)."""
    before_palette, before_sheet = qapp.palette(), qapp.styleSheet()
    try:
        for kind in ("black", "white"):
            qapp.setPalette(high_contrast_palette(kind))
            qapp.setStyleSheet("")
            monkeypatch.setattr(style, "high_contrast_requested", lambda: True)
            style.apply_style(qapp)
            palette = qapp.palette()
            assert palette.color(Role.Window) == high_contrast_palette(kind).color(Role.Window)
            assert palette.color(Role.Text) == high_contrast_palette(kind).color(Role.Text)
            assert qapp.styleSheet() == ""
            # The app's own red is lightened on black, kept on white.
            error = style.readable(forms.ERROR_COLOUR)
            assert contrast(error, palette.color(Role.Base)) >= TEXT_CONTRAST
    finally:
        qapp.setPalette(before_palette)
        qapp.setStyleSheet(before_sheet)


# -- the desktop's font size --------------------------------------------------------------------

#: A person who sets a 16 pt desktop font has a big screen: Full HD at 100 %. (Not yet
#: here: all cases after a search, whose Status column is narrowed below "Waiting", and the
#: dashboard, whose two charts side by side are 17 px wider than the page.)
BIG_FONT_SCENES = ["main-my-cases", "lock-screen", "login", "case-view"]


@pytest.fixture(scope="module")
def big_font() -> dict[str, dict[str, list[str]]]:
    return launch(BIG_FONT_SCENES, lang="en", font_size=16, layout=True, screen=(1920, 1080))


#: What may happen at 16 pt in the case view: the tab bar scrolls (its arrows and
#: Ctrl+Tab reach every tab), and the record tables scroll sideways.
_SCROLLS = re.compile(r"QTabBar.*the tabs need|QTableView#\w+: .*(column|the list shows)")


@pytest.mark.parametrize("scene", BIG_FONT_SCENES)
def test_a_16_pt_desktop_font_still_lays_out(big_font: dict[str, dict[str, list[str]]],
                                             scene: str) -> None:
    problems = [p for p in big_font[scene]["layout"]
                if not (scene == "case-view" and _SCROLLS.search(p))]
    assert not problems, "\n" + "\n".join(problems)
