"""Accessibility as EN 301 549 asks it of a desktop program: what a screen reader hears.

Every scene of ``tests/helpers/scenes.py`` is opened in a process of its own
(``tests/helpers/a11y.py``) and every visible, enabled control the keyboard can reach —
and every button and list, focusable or not — must have an accessible name, as Qt's
accessibility bridge gives it to a screen reader. In Finnish, the names must be Finnish.

The contrast and the desktop's font and high-contrast palette are checked in
``tests/test_contrast.py``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QWidget,
)

from tests.helpers.a11y import accessible_name, launch, unnamed_controls
from tests.helpers.scenes import SCENES

I18N = Path(__file__).resolve().parents[1] / "resources" / "i18n"

#: Scenes whose names are checked in Finnish too: the main window and the case view.
FINNISH_SCENES = ["main-my-cases", "case-view", "lock-screen"]


@pytest.fixture(scope="module")
def english() -> dict[str, dict[str, list[str]]]:
    return launch(lang="en")


@pytest.fixture(scope="module")
def finnish() -> dict[str, dict[str, list[str]]]:
    return launch(FINNISH_SCENES, lang="fi")


@pytest.mark.parametrize("scene", list(SCENES))
def test_every_control_has_an_accessible_name(english: dict[str, dict[str, list[str]]],
                                              scene: str) -> None:
    found = english[scene]
    failed = [p for p in found["layout"] if p.startswith("the scene failed")]
    assert not failed, failed
    assert found["names"], "the scene showed no control"
    assert not found["unnamed"], "\n" + "\n".join(found["unnamed"])


def _english_sources() -> set[str]:
    """The English texts the Finnish catalogs translate into something else."""
    sources = set()
    for catalog in I18N.glob("*_fi.ts"):
        for message in ET.parse(catalog).getroot().iter("message"):
            source, translation = message.findtext("source"), message.findtext("translation")
            if source and translation and translation != source:
                sources.add(source.replace("&", ""))
    return sources


@pytest.mark.parametrize("scene", FINNISH_SCENES)
def test_accessible_names_speak_finnish(finnish: dict[str, dict[str, list[str]]],
                                        scene: str) -> None:
    found = finnish[scene]
    assert not found["unnamed"], "\n" + "\n".join(found["unnamed"])
    assert len(found["names"]) >= 3
    english = _english_sources()
    left = [name for name in found["names"] if name in english]
    assert not left, f"English names in Finnish: {left}"
    # The names a screen reader starts from are there, in Finnish.
    expected = {"main-my-cases": {"Hae kaikista asioista", "Näkymät", "Asiat"},
                "case-view": {"Rikosilmoitukset", "Lisää rikosilmoitus"},
                "lock-screen": {"Salasana", "Avaa lukitus"}}[scene]
    assert expected <= set(found["names"]), found["names"]


# -- the check itself -------------------------------------------------------------------------


def test_the_check_finds_unnamed_controls(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    icon_only = QToolButton()  # an icon and no text: silent for a screen reader
    icon_only.setObjectName("iconOnly")
    form.addRow(icon_only)
    loose = QLineEdit()  # a label beside it, not its buddy
    loose.setObjectName("loose")
    form.addRow(QLabel("City:"))
    form.addRow(loose)
    valued = QComboBox()  # Qt on Linux names it by its value, "Open"
    valued.setObjectName("valued")
    valued.addItems(["Open", "Closed"])
    form.addRow(valued)
    table = QTableView()
    table.setObjectName("cells")
    form.addRow(table)
    named = QLineEdit()
    form.addRow("Phone:", named)  # QFormLayout makes the label its buddy
    status = QComboBox()
    status.addItem("Any")
    form.addRow("&Status:", status)
    window.show()
    qtbot.waitExposed(window)

    problems = "\n".join(unnamed_controls(window))
    # Qt's own "select all" square of a table with row numbers has no name either.
    for name in ("QToolButton#iconOnly", "QLineEdit#loose", "QComboBox#valued",
                 "QTableView#cells", "QTableView#cells/QAbstractButton#qt_tableview_cornerbutton"):
        assert name + " has no accessible name" in problems, problems
    assert len(unnamed_controls(window)) == 5, problems
    assert accessible_name(named) == "Phone:"
    assert accessible_name(status) == "Status:"
    icon_only.setText("Lock")
    assert accessible_name(icon_only) == "Lock"
