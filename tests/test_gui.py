"""The minimal desktop window: sign-in, the on-demand case list, the global search."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from gui.shared.case_table import CASE_ID_ROLE, CaseTableModel
from gui.start.login import LoginDialog
from gui.window.main_window import MainWindow
from models import services
from models.domain.dto import CaseDraft, VictimDraft
from models.domain.enums import RiskLevel
from models.domain.validation import generate_temporary_identity_code
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import PASSWORD

NAMES = [("Aino", "Hämäläinen"), ("Eero", "Virtanen"), ("Šárka", "Nováková"),
         ("Ольга", "Иванова"), ("Åsa", "Åberg")]


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    built = services.build(database, supervisor)
    for number, (first, last) in enumerate(NAMES):
        code = generate_temporary_identity_code(dt.date(1970 + number, 1, 2), 950 + number)
        built.cases.create_intake(
            VictimDraft(first_names=first, last_name=last, identity_code=code),
            CaseDraft(risk_level=list(RiskLevel)[number % 4]),
        )
    return built


def test_case_model_passes_the_model_tester(svc: services.Services, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(svc.case_list)
    model.reload()
    assert model.rowCount() == len(NAMES)
    qtmodeltester.check(model, force_py=True)


def test_case_model_sorts_in_the_database(svc: services.Services) -> None:
    model = CaseTableModel(svc.case_list)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    names = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    # Finnish order: Latin a–z, then å ä ö; other scripts after.
    assert [name.split(",")[0] for name in names] == [
        "Hämäläinen", "Nováková", "Virtanen", "Åberg", "Иванова"
    ]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 1)).startswith("Иванова")
    assert isinstance(model.data(model.index(0, 0), CASE_ID_ROLE), int)


def test_identity_codes_are_masked_in_the_list(svc: services.Services) -> None:
    model = CaseTableModel(svc.case_list)
    model.reload()
    shown = [model.data(model.index(row, 2)) for row in range(model.rowCount())]
    assert all(code.endswith("-****") or code.endswith("A****") for code in shown), shown


def test_typing_in_search_filters_the_list(svc: services.Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(svc)
    qtbot.addWidget(window)
    assert window.model.rowCount() == len(NAMES)
    assert window.count_label.text() == "5 cases"
    assert "DEMO" not in window.windowTitle()
    with qtbot.waitSignal(window.model.modelReset, timeout=2000):
        qtbot.keyClicks(window.search, "virt")
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 1)) == "Virtanen, Eero"
    assert window.count_label.text() == "1 case matches"
    with qtbot.waitSignal(window.model.modelReset, timeout=2000):
        window.search.setText("иван")
    assert window.model.data(window.model.index(0, 1)) == "Иванова, Ольга"


def test_new_case_appears_without_reload(svc: services.Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(svc)
    qtbot.addWidget(window)
    svc.cases.create_intake(VictimDraft(first_names="Uusi", last_name="Asiakas"), CaseDraft())
    assert window.model.rowCount() == len(NAMES) + 1


def test_login_dialog_shows_a_plain_error_then_signs_in(
    opened: tuple[Database, Actor, str], db_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    opened[0].dispose()
    dialog = LoginDialog(db_path, open_database, [("super", "supervisor")], PASSWORD)
    qtbot.addWidget(dialog)
    dialog.username.setText("super")
    dialog.password.setText("wrong password!")
    dialog._sign_in()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "Wrong username or password."
    assert dialog.password.text() == ""

    dialog.username.clear()
    accounts = dialog.demo_accounts
    assert accounts is not None
    dialog.show()
    qtbot.mouseClick(accounts.viewport(), Qt.MouseButton.LeftButton,
                     pos=accounts.visualRect(accounts.model().index(0, 1)).center())
    assert dialog.username.text() == "super"
    assert dialog.password.text() == PASSWORD
    qtbot.mouseClick(dialog.findChild(QPushButton, "signIn"), Qt.MouseButton.LeftButton)
    assert dialog.result_value is not None
    database, actor = dialog.result_value
    assert actor.username == "super"
    database.dispose()
