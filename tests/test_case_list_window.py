"""The windowed case list: pages read by keyset on every sort, counts and positions in
SQL, the Qt model over it (scrolling to the end, selections kept over a reload,
select-all in the caseload view), and counsellors' search scope through it."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import event

from gui.shared.case_table import CaseTableModel
from gui.window.main_window import MainWindow
from gui.workspaces import caseload
from gui.workspaces.caseload import CaseloadView
from models import services
from models.demo.seed import seed_demo
from models.domain.dto import CaseFilter
from models.domain.enums import CaseStatus, Role
from models.domain.text import search_key
from models.domain.validation import generate_temporary_identity_code
from models.services import case_list
from models.services.case_list import SORT_COLUMNS, CaseWindow
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF
from tests.test_main_window import Office, office, show  # noqa: F401

VICTIMS = 130


@pytest.fixture
def seeded(database: Database, supervisor: Actor) -> services.Services:
    seed_demo(database, supervisor, victims=VICTIMS, seed=5, kdf=FAST_KDF)
    return services.build(database, supervisor)


def _filters(svc: services.Services) -> list[CaseFilter]:
    counsellor = next(user.id for user in svc.accounts.list_users()
                      if user.role == Role.COUNSELLOR.value)
    rows = svc.case_list.case_rows(svc.case_list.list_case_ids())
    # The visible part of an identity code (its date of birth).
    code_part = next(row.identity_code_masked for row in rows if row.identity_code_masked)[:6]
    return [CaseFilter(), CaseFilter(statuses=(CaseStatus.OPEN, CaseStatus.NEW)),
            CaseFilter(text="a"), CaseFilter(assigned_to_id=counsellor),
            CaseFilter(unassigned_only=True), CaseFilter(text=code_part),
            CaseFilter(text="ma", statuses=(CaseStatus.OPEN, CaseStatus.NEW)),
            CaseFilter(text="a", assigned_to_id=counsellor)]


@pytest.mark.both_databases
def test_keyset_pages_equal_the_full_sorted_list(seeded: services.Services,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cases = seeded.case_list
    chance = random.Random(3)
    for case_filter in _filters(seeded):
        for sort in SORT_COLUMNS:
            for descending in (False, True):
                where = (case_filter, sort, descending)
                full = cases.list_case_ids(case_filter, sort, descending)
                window = CaseWindow(cases, case_filter, sort, descending, page_size=7,
                                    pages_kept=3)
                assert window.count == len(full) == cases.count_cases(case_filter), where
                # Forward (keyset after each page), then from the end backward.
                assert [window.case_id(i) for i in range(window.count)] == full, where
                assert window.pages_kept <= 3
                backward = CaseWindow(cases, case_filter, sort, descending, page_size=7,
                                      pages_kept=3)
                assert [backward.case_id(i) for i in reversed(range(backward.count))] \
                    == full[::-1], where
                # Jumps (OFFSET from the nearest page or either end) and positions.
                jumping = CaseWindow(cases, case_filter, sort, descending, page_size=7,
                                     pages_kept=2)
                for index in chance.sample(range(len(full)), min(12, len(full))):
                    assert jumping.case_id(index) == full[index], (where, index)
                for index in chance.sample(range(len(full)), min(5, len(full))):
                    fresh = CaseWindow(cases, case_filter, sort, descending, page_size=7)
                    assert fresh.position(full[index]) == index, (where, index)
                assert jumping.case_ids(0, len(full), chunk=11) == full, where
                assert jumping.case_ids(3, len(full) - 2, chunk=5) == full[3:-2], where
                # Many matches are read in the sort's order, the filter tested on each
                # row: the same rows as finding them through the filter and sorting.
                monkeypatch.setattr(case_list, "FEW", 0)
                walking = CaseWindow(cases, case_filter, sort, descending, page_size=9)
                assert [walking.case_id(i) for i in range(walking.count)] == full, where
                monkeypatch.setattr(case_list, "FEW", 2000)


@pytest.mark.both_databases
def test_each_sort_orders_by_what_its_column_shows(seeded: services.Services) -> None:
    cases = seeded.case_list
    ranks = {"status": ["new", "open", "waiting", "closed"],
             "risk": ["acute", "high", "medium", "low"]}
    for sort in SORT_COLUMNS:
        rows = cases.case_rows(cases.list_case_ids(sort=sort))
        values = {
            "reference": [r.reference for r in rows],
            "opened": [r.opened_on for r in rows],
            "identity_code": [(r.identity_code_masked or "")[:7] for r in rows],
            "status": [ranks["status"].index(r.status) for r in rows],
            "risk": [ranks["risk"].index(r.risk_level) for r in rows],
        }.get(sort)
        if values is not None:
            assert values == sorted(values), sort
        if sort == "counsellor":
            # Unassigned first, then each counsellor's cases together.
            names = [r.counsellor for r in rows]
            seen: list[str | None] = []
            for name in names:
                if not seen or seen[-1] != name:
                    assert name not in seen, "a counsellor's cases are split"
                    seen.append(name)
            assert seen[0] is None


def test_every_sort_reads_an_index_in_its_order(seeded: services.Services,
                                                database: Database) -> None:
    """No page of an unfiltered list sorts the whole table (SQLite's query plans)."""
    cases = seeded.case_list
    case_list._STATEMENTS.clear()
    for sort in SORT_COLUMNS:
        for descending in (False, True):
            window = CaseWindow(cases, CaseFilter(), sort, descending, page_size=10)
            window.case_id(window.count // 2)
    plans: dict[object, str] = {}
    with database.engine.connect() as connection:
        cursor = connection.connection.dbapi_connection.cursor()
        for shape, statement in case_list._STATEMENTS.items():
            if not isinstance(shape, tuple) or shape[0] not in ("keyed", "grouped",
                                                                "first_page"):
                continue
            compiled = statement.compile(dialect=database.engine.dialect)
            values = compiled.construct_params(
                {"k1": "x", "k2": 1, "limit": 10, "skip": 0, "group": "open", "few": 300},
                _check=False)
            plan = cursor.execute("EXPLAIN QUERY PLAN " + compiled.string,
                                  [values[name] for name in compiled.positiontup]).fetchall()
            plans[shape] = " | ".join(str(row[-1]) for row in plan)
    assert plans
    for shape, plan in plans.items():
        assert "TEMP B-TREE" not in plan, (shape, plan)
    assert any("ix_victim_code_shown_id" in plan for shape, plan in plans.items()
               if isinstance(shape, tuple) and shape[1] == "identity_code")


def test_scrolling_to_the_end_shows_the_last_case(seeded: services.Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel(seeded.case_list)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.setModel(model)
    model.set_sort(0, Qt.SortOrder.DescendingOrder)
    view.show()
    qtbot.waitExposed(view)
    full = seeded.case_list.list_case_ids(sort="reference", descending=True)
    assert model.rowCount() == len(full) == VICTIMS

    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)

    bottom = view.indexAt(view.viewport().rect().bottomLeft() + type(
        view.viewport().rect().bottomLeft())(2, -2))
    assert bottom.row() == len(full) - 1
    assert model.case_id(bottom.row()) == full[-1]
    last = seeded.case_list.case_rows([full[-1]])[0]
    assert model.data(model.index(len(full) - 1, 0)) == last.reference
    assert view.currentIndex().row() == len(full) - 1
    assert model.window is not None and model.window.pages_kept <= 12


@pytest.fixture
def main_window(office: Office, qtbot) -> Iterator[MainWindow]:  # noqa: F811  # type: ignore[no-untyped-def]
    window = show(MainWindow(office.supervisor), qtbot)
    yield window
    window.session.close()


def test_selection_survives_a_reload(main_window: MainWindow, office: Office,  # noqa: F811
                                     qtbot) -> None:  # type: ignore[no-untyped-def]
    window = main_window
    kept = [office.cases["Björk"], office.cases["Eskola"]]
    selection = window.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(window.model.index(window.model.row_of(kept[1]) or 0, 1),
                              flags.NoUpdate)
    for case_id in kept:
        row = window.model.row_of(case_id)
        assert row is not None
        selection.select(window.model.index(row, 0), flags.Select | flags.Rows)
    # Another workstation's change: the same list is read again.
    window.model.reload()

    selected = sorted(window.model.case_id(index.row()) for index in selection.selectedRows())
    assert selected == sorted(kept)
    assert window.model.case_id(window.table.currentIndex().row()) == kept[1]
    # A new filter is another list: nothing is carried over.
    window.model.set_filter(CaseFilter(text="Drake"))
    assert not selection.selectedRows()


def test_select_all_in_the_caseload_view_reassigns_exactly_the_selected_cases(
        seeded: services.Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = show(MainWindow(seeded), qtbot)
    try:
        caseload.register(window)
        window.navigation.select(caseload.PLACE_KEY)
        view = window.pages.currentWidget()
        assert isinstance(view, CaseloadView)
        view.include_closed.setCurrentIndex(view.include_closed.findData(True))
        total = view.model.rowCount()
        assert total == VICTIMS > 100  # more than a page
        target = view.target.itemData(0)
        view.table.setFocus()
        qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert view.selection_label.text() == f"{total} of {total} cases selected"
        # Leave one case out: Ctrl+click its row (on the last page).
        kept_row = total - 3
        view.table.scrollTo(view.model.index(kept_row, 0))
        rect = view.table.visualRect(view.model.index(kept_row, 1))
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, rect.center())
        kept_case = view.model.case_id(kept_row)
        sort, descending = view.model.sort_order
        listed = seeded.case_list.list_case_ids(view.case_filter(), sort, descending)
        assert len(listed) == total
        expected = [case_id for case_id in listed if case_id != kept_case]
        assert view.selected_case_ids() == expected
        before = seeded.cases.get_detail(kept_case).case.assigned_to_id

        qtbot.mouseClick(view.reassign_button, Qt.MouseButton.LeftButton)

        assigned = {case_id: seeded.cases.get_detail(case_id).case.assigned_to_id
                    for case_id in seeded.case_list.list_case_ids()}
        assert all(assigned[case_id] == target for case_id in expected)
        assert assigned[kept_case] == before
    finally:
        window.session.close()


def test_a_counsellor_still_finds_values_only_in_scope(office: Office) -> None:  # noqa: F811
    code = generate_temporary_identity_code(dt.date(1963, 3, 4), 933)  # Drake's (office)
    kaisa = office.kaisa.case_list  # Drake's case is Lauri's
    for sort in SORT_COLUMNS:
        assert kaisa.open_list(CaseFilter(text=code), sort)[0] == 0
        window = CaseWindow(kaisa, CaseFilter(text=code), sort)
        assert window.count == 0 and window.case_id(0) is None
        boss = CaseWindow(office.supervisor.case_list, CaseFilter(text=code), sort)
        assert boss.count == 1 and boss.case_id(0) == office.cases["Drake"]
    # A listed value (the name) is found in any case, as before.
    assert CaseWindow(kaisa, CaseFilter(text="Drake")).case_ids(0, 5) == [office.cases["Drake"]]


@pytest.mark.both_databases
def test_open_list_gives_the_count_and_first_page_in_one_statement(
        seeded: services.Services, database: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A keyed list's count and first page are one statement (the search's matches
    found once), read either way (few matches sorted, many in the sort's index order),
    and agree with the whole list. On a server a search not by the victim's row (a
    reference, a report number) is counted first, to collect a few matches."""
    cases = seeded.case_list
    reference = cases.case_rows(cases.list_case_ids()[:1])[0].reference
    with database.engine.connect() as connection:
        report = connection.exec_driver_sql(
            "SELECT report_number FROM police_report ORDER BY id LIMIT 1").scalar()
    assert report
    filters = [*_filters(seeded), CaseFilter(text="zzqx"), CaseFilter(text=reference),
               CaseFilter(text=report[:6]),
               CaseFilter(text="a", statuses=(CaseStatus.OPEN, CaseStatus.NEW))]
    statements: list[str] = []

    def executed(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", executed)
    try:
        for few in (0, 2000):
            monkeypatch.setattr(case_list, "FEW", few)
            monkeypatch.setattr(case_list, "FEW_ON_SERVER", few)
            for case_filter in filters:
                collects = cases._query(case_filter).collects
                for sort in ("reference", "opened", "victim", "identity_code"):
                    for descending in (False, True):
                        where = (few, case_filter, sort, descending)
                        full = cases.list_case_ids(case_filter, sort, descending)
                        statements.clear()
                        count, page = cases.open_list(case_filter, sort, descending, limit=9)
                        assert len(statements) == (2 if collects else 1), (where, statements)
                        assert count == len(full), where
                        assert list(page.case_ids) == full[:9], where
                        assert [row.case_id for row in page.rows] == full[:9], where
                        if full:
                            after = cases.case_page(case_filter, sort, descending,
                                                    after=page.last, limit=9)
                            assert list(after.case_ids) == full[9:18], where
    finally:
        event.remove(database.engine, "before_cursor_execute", executed)


@pytest.mark.both_databases
def test_a_name_prefix_finds_last_names_first_names_and_full_names(
        seeded: services.Services) -> None:
    cases = seeded.case_list
    rows = cases.case_rows(cases.list_case_ids())
    names = {row.case_id: row.victim_name.split(", ", 1) for row in rows}
    for typed in ("a", "vi", "ko", "ma", "la", "ni"):
        key = search_key(typed)
        expected = sorted(
            case_id for case_id, (last, first) in names.items()
            if search_key(last).startswith(key) or search_key(first).startswith(key))
        assert expected, typed
        assert sorted(cases.list_case_ids(CaseFilter(text=typed))) == expected, typed
    last, first = names[rows[0].case_id]
    assert rows[0].case_id in cases.list_case_ids(CaseFilter(text=f"{last} {first[:2]}"))
