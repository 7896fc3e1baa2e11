"""Every screen fits a small laptop screen at 100 %, 125 % and 150 %, and no text is cut off,
in English, Finnish and Swedish, and in a pseudo-locale (every string 40 % longer, with
accents: tests/helpers/pseudo.py) at 100 %, which finds a string that would not fit before
a translator does.

Each scene of ``tests/helpers/scenes.py`` (the main window in every place, the case view,
every dialog, the intake pages, sign-in, setup, the lock screen) is opened on seeded demo
data in a process of its own: Qt reads its scale factor once, when the application
starts, so 150 % is the real ``QT_SCALE_FACTOR=1.5`` on an emulated 1600×1000 screen,
not a bigger font. ``tests/helpers/layout.py`` then compares each window with the
screen's work area and each visible text with the room it has.

The check itself is tested below on widgets that are cut off on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.shared.fit import ElidedLabel, PageStack, ShorterHintLineEdit, WrappingSplitter
from tests.helpers.layout import _toolbar_problems, fit_problems, text_problems
from tests.helpers.scenes import SCENES
from tests.screenshots import launch

ROOT = Path(__file__).resolve().parent.parent

#: Physical screen size and scale factor: a 1280×720 laptop at 100 %, a 1280×800 one at
#: 125 % (1024×640 logical pixels) and a 1600×1000 one at 150 % (1067×667) — the smallest
#: screens Suoja supports.
SCREENS = {"1280x720@100%": (1280, 720, 1.0), "1280x800@125%": (1280, 800, 1.25),
           "1600x1000@150%": (1600, 1000, 1.5)}
#: Each screen in each language, and the pseudo-locale on the smaller screen.
RUNS = [f"{screen} {lang}" for screen in SCREENS for lang in ("en", "fi", "sv")]
RUNS.append("1280x720@100% pseudo")


@pytest.fixture(scope="module", params=RUNS)
def found(request: pytest.FixtureRequest) -> dict[str, list[str]]:
    """What the layout check found in every scene on one screen in one language."""
    screen, lang = request.param.split()
    width, height, scale = SCREENS[screen]
    return launch(width, height, scale, lang=lang)


@pytest.mark.parametrize("scene", list(SCENES))
def test_the_screen_fits_and_no_text_is_cut_off(found: dict[str, list[str]],
                                                scene: str) -> None:
    problems = found[scene]
    assert not problems, "\n" + "\n".join(problems)


# -- the check itself ---------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot) -> Iterator[QDialog]:  # type: ignore[no-untyped-def]
    window = QDialog()
    QVBoxLayout(window)
    qtbot.addWidget(window)
    yield window


def _show(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)


def test_the_check_finds_text_cut_off_in_every_kind_of_widget(dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    layout = dialog.layout()
    narrow = QLabel("Reassigned 12 cases to Anna-Kaisa Väisänen-Korhonen")
    narrow.setFixedWidth(80)
    wrapped = QLabel("Password: looks like a word followed by a year or number, the first "
                     "thing attackers try; use several unrelated words instead")
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(120, 20)
    button = QPushButton("Export police report numbers (CSV)…")
    button.setFixedWidth(60)
    combo = QComboBox()
    combo.addItem("Aino K. (counsellor, demo) — 99 open, 19 high risk")
    combo.setFixedWidth(90)
    placeholder = QLineEdit()
    placeholder.setPlaceholderText("at least 12 characters; give it to the reader by another "
                                   "channel")
    placeholder.setFixedWidth(90)
    model = QStandardItemModel(3, 2)
    model.setHorizontalHeaderLabels(["Risk", "Status"])
    for row in range(3):
        for column, text in enumerate(("Medium", "Waiting")):
            model.setData(model.index(row, column), text)
    table = QTableView()
    table.setModel(model)
    table.setColumnWidth(0, 30)
    table.setColumnWidth(1, 200)
    # A right-aligned figure in a column the list's edge cuts: the figure is out of sight.
    money = QStandardItemModel(1, 2)
    money.setHorizontalHeaderLabels(["Wallet address", "Total paid"])
    money.setData(money.index(0, 0), "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
    money.setData(money.index(0, 1), "99 000,00 €")
    money.setData(money.index(0, 1), int(Qt.AlignmentFlag.AlignRight),
                  Qt.ItemDataRole.TextAlignmentRole)
    figures = QTableView()
    figures.setModel(money)
    figures.setColumnWidth(0, 200)
    figures.setColumnWidth(1, 150)
    figures.setFixedWidth(300)
    for widget in (narrow, wrapped, button, combo, placeholder, table, figures):
        layout.addWidget(widget)
    _show(dialog, qtbot)

    problems = "\n".join(text_problems(dialog))
    for expected in ("“Reassigned 12 cases", "“Password: looks like", "“Export police report",
                     "“Aino K. (counsellor, demo)", "the hint “at least 12", "“Medium” in column",
                     "the column title “Risk”", "“99 000,00 €” in column “Total paid”"):
        assert expected in problems
    assert "“Waiting”" not in problems and "“Status”" not in problems  # this column fits


def test_the_check_passes_text_that_fits(dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    layout = dialog.layout()
    wrapped = QLabel("A sentence long enough to wrap over two or three lines in this dialog.")
    wrapped.setWordWrap(True)
    combo = QComboBox()
    combo.addItems(["Any status", "Active (not closed)"])
    for widget in (QLabel("Status"), wrapped, QPushButton("Reassign selected"), combo):
        layout.addWidget(widget)
    _show(dialog, qtbot)
    assert text_problems(dialog) == []


def test_a_window_wider_or_taller_than_the_screen_is_found(dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog.setMinimumSize(1100, 300)
    _show(dialog, qtbot)
    problems = fit_problems(dialog, QSize(1067, 619))
    assert problems and "needs at least 1100×300" in problems[0]
    assert fit_problems(dialog, QSize(1280, 672)) == []


def test_an_elided_label_keeps_its_text_and_shows_it_whole_in_the_tooltip(
        dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "Acute or high risk, no support session in 7 days: 12 cases"
    label = ElidedLabel(text)
    label.setToolTip("Cases shown")
    dialog.layout().addWidget(label)
    _show(dialog, qtbot)
    dialog.resize(100, dialog.height())
    qtbot.waitUntil(lambda: label.width() < 100)
    assert label.text() == text
    assert label.minimumSizeHint().width() < 60  # it never widens its window
    assert text in label.toolTip() and "Cases shown" in label.toolTip()
    assert text_problems(dialog) == []

    dialog.resize(label.fontMetrics().horizontalAdvance(text) + 80, dialog.height())
    qtbot.waitUntil(lambda: label.toolTip() == "Cases shown")
    label.clear()
    assert label.text() == "" and label.toolTip() == "Cases shown"
    # An elided label without the whole text in its tooltip is found.
    plain = QLabel(text)
    plain.setProperty("elides", True)
    plain.setFixedWidth(60)
    dialog.layout().addWidget(plain)
    qtbot.waitUntil(plain.isVisible)
    assert any("without the whole text" in p for p in text_problems(dialog))


def _wide(width: int) -> QWidget:
    page = QWidget()
    page.setMinimumWidth(width)
    return page


def test_only_the_page_shown_sets_how_narrow_the_window_may_be(
        dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A supervisor's wide caseload page kept every page of the main window that wide."""
    stack = PageStack()
    narrow, wide = _wide(300), _wide(900)
    stack.addWidget(narrow)
    stack.addWidget(wide)
    dialog.layout().addWidget(stack)
    _show(dialog, qtbot)
    assert stack.minimumSizeHint().width() < 400
    dialog.resize(500, dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == 500)

    stack.setCurrentWidget(wide)  # the window grows for the page shown
    qtbot.waitUntil(lambda: dialog.width() >= 900)
    stack.setCurrentWidget(narrow)
    assert dialog.minimumSizeHint().width() < 400


def test_two_lists_go_one_above_the_other_when_the_window_is_too_narrow(
        dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    lists = WrappingSplitter(side_by_side=(3000, 1), stacked=(3, 1))
    left, right = _wide(400), _wide(300)
    lists.addWidget(left)
    lists.addWidget(right)
    dialog.layout().addWidget(lists)
    _show(dialog, qtbot)
    assert lists.minimumSizeHint().width() == 400  # never wider than the wider list
    dialog.resize(900, 400)
    qtbot.waitUntil(lambda: lists.orientation() == Qt.Orientation.Horizontal)
    assert right.width() == 300 and left.width() > 400  # the second at its minimum

    dialog.resize(500, 400)
    qtbot.waitUntil(lambda: lists.orientation() == Qt.Orientation.Vertical)
    assert left.width() == right.width() >= 400 and left.y() < right.y()
    assert left.height() > right.height()
    assert text_problems(dialog) == []

    dialog.resize(900, 400)
    qtbot.waitUntil(lambda: lists.orientation() == Qt.Orientation.Horizontal)


def test_the_toolbars_more_button_is_drawn(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Actions a narrow window has no room for go into Qt's » menu; the style sheet's
    padding left that button no room to draw its arrow, so it was there but invisible."""
    window = QMainWindow()
    window.setStyleSheet((ROOT / "resources" / "style.qss").read_text(encoding="utf-8"))
    bar = QToolBar()
    bar.setObjectName("mainToolbar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in ("Import list…", "Batch export…", "Caseload report…", "Lock"):
        bar.addAction(name)
    window.addToolBar(bar)
    window.setCentralWidget(QWidget())
    qtbot.addWidget(window)
    window.resize(150, 200)
    _show(window, qtbot)
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more is not None
    qtbot.waitUntil(more.isVisible)
    assert _toolbar_problems(bar) and "Lock" in _toolbar_problems(bar)[0]
    picture = more.grab().toImage()
    colours = {picture.pixel(x, y) for x in range(picture.width())
               for y in range(picture.height())}
    assert len(colours) > 2, "the » button draws nothing"


def test_a_search_box_shows_its_short_hint_only_when_narrow(
        dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    long, short = "Name, identity code, case, police report, phone, e-mail, wallet…", "Search…"
    box = ShorterHintLineEdit(long, short)
    dialog.layout().addWidget(box)
    _show(dialog, qtbot)
    assert box.sizeHint().width() > box.fontMetrics().horizontalAdvance(long)
    assert box.minimumSizeHint().width() <= box.minimumWidth() < box.sizeHint().width()
    dialog.resize(box.sizeHint().width() + 40, dialog.height())
    qtbot.waitUntil(lambda: box.placeholderText() == long)
    dialog.resize(box.minimumWidth() + 20, dialog.height())
    qtbot.waitUntil(lambda: box.placeholderText() == short)
    assert text_problems(dialog) == []  # the short hint fits whole
