"""The client's access copy from the desktop (issue 17, item 4): a supervisor's Export
dialog offers it; the copy is written into a new folder on a worker, and audited."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import gui.case.access_copy as access_copy_module
from gui.case.access_copy import AccessCopyDialog
from gui.case.export_dialog import ExportCaseDialog
from gui.shared.session import Session
from models import services
from models.demo.seed import seed_demo
from models.domain.enums import AuditAction, Role
from models.services.audit_log import AuditQuery
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF


@pytest.fixture
def seeded(database: Database, supervisor: Actor) -> services.Services:
    seed_demo(database, supervisor, victims=12, seed=2, kdf=FAST_KDF)
    return services.build(database, supervisor)


def _first_case(svc: services.Services) -> tuple[int, str]:
    case_id = svc.case_list.list_case_ids()[0]
    return case_id, svc.case_list.case_rows([case_id])[0].reference


def _access_dialog(export: ExportCaseDialog, qtbot: Any) -> AccessCopyDialog:
    assert export.access_copy_button is not None
    qtbot.mouseClick(export.access_copy_button, Qt.MouseButton.LeftButton)
    dialog = export.findChild(AccessCopyDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_supervisor_writes_the_access_copy_from_the_export_dialog(
        seeded: services.Services, tmp_path: Path, qtbot: Any) -> None:
    case_id, reference = _first_case(seeded)
    export = ExportCaseDialog(Session(seeded, open_database), case_id, reference)
    qtbot.addWidget(export)
    export.show()
    dialog = _access_dialog(export, qtbot)
    dialog.withheld.setFocus()
    qtbot.keyClicks(dialog.withheld, "A colleague's name: their privacy")
    folder = tmp_path / f"{reference}-access-copy"
    dialog.choose_folder = lambda suggested: folder  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)

    assert dialog.result is not None and export.written == folder
    names = sorted(p.name for p in folder.iterdir())
    assert names[-1] == "subject.json" and names[0].endswith("-access-copy.pdf")
    document = json.loads((folder / "subject.json").read_text("utf-8"))
    assert document["case"]["reference"] == reference
    assert document["withheld"] == [{"what": "A colleague's name", "why": "their privacy"}]
    [event] = seeded.audit.query(AuditQuery(actions=(AuditAction.EXPORT,)))
    assert event.case_id == case_id and "withheld=1" in event.detail


def test_a_withheld_line_without_a_reason_is_one_sentence_and_writes_nothing(
        seeded: services.Services, tmp_path: Path, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(access_copy_module, "show_error",
                        lambda _parent, error: shown.append(str(error)))
    case_id, reference = _first_case(seeded)
    dialog = AccessCopyDialog(Session(seeded, open_database), case_id, reference)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.withheld, "something")
    dialog.choose_folder = lambda suggested: tmp_path / "x"  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert shown == ['Write each withheld item on its own line as "what: why".']
    assert not (tmp_path / "x").exists()
    assert seeded.audit.query(AuditQuery(actions=(AuditAction.EXPORT,))) == []


def test_a_counsellor_is_not_offered_the_access_copy(seeded: services.Services,
                                                     qtbot: Any) -> None:
    user = seeded.accounts.create_user("kaisa", "Kaisa K", Role.COUNSELLOR,
                                       "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    counsellor = services.build(seeded.database, Actor(user.id, "kaisa", "Kaisa K",
                                                       Role.COUNSELLOR))
    export = ExportCaseDialog(Session(counsellor, open_database), 1, "SUO")
    qtbot.addWidget(export)
    assert export.access_copy_button is None
