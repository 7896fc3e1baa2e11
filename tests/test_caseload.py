"""Caseload management: counsellors' loads, multi-case reassignment, closure requests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from gui.window.main_window import MainWindow
from gui.workspaces import caseload
from gui.workspaces.caseload import CaseloadView
from models import services
from models.domain.enums import AuditAction, CaseStatus, ClosureReason, Role
from models.domain.errors import PermissionDenied, ValidationError
from models.services.audit_log import AuditQuery
from models.storage.unit_of_work import Actor
from tests.conftest import FAST_KDF
from tests.test_main_window import STRONG, Office, office, show  # noqa: F401


@pytest.fixture
def window(office: Office, qtbot) -> Iterator[MainWindow]:  # noqa: F811  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.supervisor), qtbot)
    caseload.register(window)
    window.navigation.select(caseload.PLACE_KEY)
    yield window
    window.session.close()


def view_of(window: MainWindow) -> CaseloadView:
    view = window.pages.currentWidget()
    assert isinstance(view, CaseloadView)
    return view


def loads(view: CaseloadView) -> dict[str, tuple[int, int]]:
    return {load.display_name: (load.open_cases, load.high_risk_open)
            for load in view.loads.records()}


def select_cases(view: CaseloadView, case_ids: list[int]) -> None:
    selection = view.table.selectionModel()
    for case_id in case_ids:
        row = view.model.row_of(case_id)
        assert row is not None
        selection.select(view.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_loads_are_shown_before_choosing(window: MainWindow, office: Office) -> None:  # noqa: F811
    view = view_of(window)
    assert loads(view) == {"Kaisa Koski": (2, 2), "Lauri Lahti": (2, 1)}
    targets = [view.target.itemText(i) for i in range(view.target.count())]
    assert targets == ["Kaisa Koski — 2 open, 2 high risk", "Lauri Lahti — 2 open, 1 high risk"]
    # Open work only by default: the closed case (Castrén) is not offered.
    assert view.model.rowCount() == 5
    assert office.cases["Castrén"] not in [view.model.case_id(r) for r in range(5)]


def test_multi_case_reassignment_through_the_widgets(window: MainWindow, office: Office,  # noqa: F811
                                                     qtbot) -> None:  # type: ignore[no-untyped-def]
    view = view_of(window)
    assert not view.reassign_button.isEnabled()
    moved = [office.cases[name] for name in ("Aaltonen", "Björk", "Forsman")]
    select_cases(view, moved)
    assert view.selection_label.text() == "3 of 5 cases selected"
    lauri = office.lauri.actor.user_id
    view.target.setCurrentIndex(view.target.findData(lauri))
    assert view.reassign_button.isEnabled()

    qtbot.mouseClick(view.reassign_button, Qt.MouseButton.LeftButton)

    assert view.result_label.text() == "3 cases reassigned to Lauri Lahti."
    for case_id in moved:
        assert office.supervisor.cases.get_detail(case_id).case.assigned_to_id == lauri
    assert loads(view) == {"Kaisa Koski": (0, 0), "Lauri Lahti": (5, 3)}
    assert view.target.currentText() == "Lauri Lahti — 5 open, 3 high risk"
    events = office.supervisor.audit.query(AuditQuery(actions=(AuditAction.UPDATE,)))
    reassigned = [e for e in events if e.detail.startswith("reassigned")]
    assert sorted(e.case_id for e in reassigned) == sorted(moved)
    assert all(e.username == "super" for e in reassigned)
    # From whom and to whom, by username (the stored event holds account ids only).
    assert {e.detail for e in reassigned} == {"reassigned from kaisa to lauri",
                                              "reassigned from (unassigned) to lauri"}


def test_reassignment_refuses_wrong_targets(office: Office) -> None:  # noqa: F811
    boss = office.supervisor
    case_id = office.cases["Aaltonen"]
    with pytest.raises(ValidationError, match="only to counsellors"):
        boss.caseload.reassign_cases([case_id], boss.actor.user_id)
    lauri = office.lauri.actor.user_id
    boss.accounts.set_active(lauri, False)
    with pytest.raises(ValidationError, match="active account"):
        boss.caseload.reassign_cases([case_id], lauri)
    with pytest.raises(PermissionDenied):
        office.kaisa.caseload.reassign_cases([case_id], office.kaisa.actor.user_id)
    # Nothing changed hands, and a locked counsellor's open work stays visible.
    assert boss.cases.get_detail(case_id).case.assigned_to_name == "Kaisa Koski"
    by_name = {load.display_name: load for load in boss.caseload.counsellor_loads()}
    assert by_name["Lauri Lahti"].is_active is False
    assert by_name["Lauri Lahti"].open_cases == 2


def test_reassigning_to_the_current_counsellor_changes_nothing(office: Office) -> None:  # noqa: F811
    boss = office.supervisor
    kaisa = office.kaisa.actor.user_id
    assert boss.caseload.reassign_cases([office.cases["Aaltonen"]], kaisa) == 0
    assert boss.caseload.reassign_cases(
        [office.cases["Aaltonen"], office.cases["Forsman"]], kaisa) == 1


def test_approve_and_return_closure_requests(window: MainWindow, office: Office,  # noqa: F811
                                             qtbot) -> None:  # type: ignore[no-untyped-def]
    kaisa = office.kaisa.cases
    for name in ("Aaltonen", "Björk"):
        detail = kaisa.get_detail(office.cases[name])
        kaisa.request_closure(detail.case.id, detail.case.version, ClosureReason.RESOLVED)
    view = view_of(window)
    view.refresh()  # kaisa works on her own workstation (another change bus)
    assert view.requests.rowCount() == 2
    assert view.requests_box.title() == "Closure requests (2)"
    assert [view.requests.data(view.requests.index(r, 3)) for r in range(2)] == [
        "Kaisa Koski", "Kaisa Koski"]
    assert not view.approve_button.isEnabled()

    first = view.requests.record(0)
    view.requests_view.selectRow(0)
    qtbot.mouseClick(view.approve_button, Qt.MouseButton.LeftButton)
    approved = office.supervisor.cases.get_detail(first.case_id).case
    assert approved.status == CaseStatus.CLOSED.value
    assert approved.closure_reason == ClosureReason.RESOLVED.value

    assert view.requests.rowCount() == 1
    second = view.requests.record(0)
    view.requests_view.selectRow(0)
    qtbot.mouseClick(view.return_button, Qt.MouseButton.LeftButton)
    returned = office.supervisor.cases.get_detail(second.case_id).case
    assert returned.status != CaseStatus.CLOSED.value
    assert returned.closure_requested_at is None
    assert view.requests.rowCount() == 0
    details = [e.detail for e in office.supervisor.audit.query(
        AuditQuery(actions=(AuditAction.UPDATE,)))]
    assert "closure returned" in details and "status=closed" in details


def test_models_pass_the_model_tester(window: MainWindow, office: Office,  # noqa: F811
                                      qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    kaisa = office.kaisa.cases
    detail = kaisa.get_detail(office.cases["Björk"])
    kaisa.request_closure(detail.case.id, detail.case.version, ClosureReason.DUPLICATE)
    view = view_of(window)
    view.refresh()
    qtmodeltester.check(view.loads, force_py=True)
    qtmodeltester.check(view.requests, force_py=True)


def test_locking_clears_and_unlocking_refills(window: MainWindow) -> None:
    view = view_of(window)
    assert view.model.rowCount() == 5
    window.session.lock()
    assert view.model.rowCount() == 0
    assert view.loads.rowCount() == 0
    assert view.target.count() == 0
    window.session.unlock("correct horse battery staple")
    assert view.model.rowCount() == 5
    assert view.loads.rowCount() == 2


def test_register_only_for_supervisors(office: Office, qtbot,  # noqa: F811
                                       database) -> None:  # type: ignore[no-untyped-def]
    counsellor_window = show(MainWindow(office.kaisa), qtbot)
    caseload.register(counsellor_window)
    assert caseload.PLACE_KEY not in counsellor_window.navigation.keys()
    counsellor_window.session.close()
    admin = office.supervisor.accounts.create_user(
        "admin", "Alma Admin", Role.ADMINISTRATOR, STRONG, kdf=FAST_KDF)
    actor = Actor(admin.id, admin.username, admin.display_name, Role.ADMINISTRATOR)
    admin_window = show(MainWindow(services.build(database, actor)), qtbot)
    caseload.register(admin_window)
    assert caseload.PLACE_KEY not in admin_window.navigation.keys()
