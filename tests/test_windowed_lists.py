"""The follow-up list and the audit log as windows: pages by keyset, counts by SQL.

Every sort the follow-up list offers, both ways, on both databases: the pages walked
forward, walked backward from the end, and reached by jumps, are the list the database
sorts in one query. The audit log: every one of 12,000 events can be reached, the count is
the database's, and scrolling the table to the end shows the oldest event while only a
few pages are held.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import event, func, insert, select

from gui.shared.paged_rows import KEEP_PAGES, RowPages
from gui.window.follow_ups import FOLLOW_UP_ID_ROLE
from gui.window.main_window import MainWindow
from gui.workspaces import audit_viewer
from gui.workspaces.audit_viewer import AuditLogView
from models import services
from models.domain.base import local_today
from models.domain.dto import CaseDraft, FollowUpDraft, ListWindow, VictimDraft
from models.domain.entities import AuditEvent, Case, FollowUp, Victim
from models.domain.enums import AuditAction, Role
from models.domain.errors import PermissionDenied
from models.services import windows
from models.services.audit_log import AuditQuery
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF
from tests.test_main_window import STRONG, Office, office, show  # noqa: F401

pytestmark = pytest.mark.both_databases

TODAY = dt.date(2024, 5, 10)
SURNAMES = ("Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Hämäläinen", "Aaltonen",
            "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Saarinen")
TASKS = ("Call back", "call back", "Check the credit ban", "Send the letter",
         "Ask about the police report", "Zoom meeting", "ask again")


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.fixture
def follow_ups(svc: services.Services) -> services.Services:
    """Twelve cases with 5 follow-ups each, due dates and texts repeating (ties broken by
    id); some done, some not due yet, a few someone else's."""
    chance = random.Random(19)
    other = svc.accounts.create_user("other", "Other Counsellor", Role.COUNSELLOR,
                                     "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    for number, surname in enumerate(SURNAMES):
        case = svc.cases.create_intake(
            VictimDraft(first_names=f"Testi {number % 3}", last_name=surname), CaseDraft())
        for _ in range(5):
            svc.records.add_follow_up(case.id, FollowUpDraft(
                due_on=TODAY - dt.timedelta(days=chance.randint(-3, 6)),
                description=chance.choice(TASKS), done=chance.random() < 0.1,
                assignee_id=other.id if chance.random() < 0.2 else None))
    return svc


def _whole(svc: services.Services, who: int | None, sort: str, descending: bool) -> list[int]:
    """The list as the database sorts it in one query."""
    page = svc.records.follow_up_window(ListWindow(limit=1000), who, sort=sort,
                                        descending=descending, today=TODAY)
    return [row.follow_up_id for row in page.rows]


@pytest.mark.parametrize("sort", ["due", "case", "victim", "description"])
@pytest.mark.parametrize("descending", [False, True])
def test_follow_up_pages_make_the_whole_sorted_list(
    follow_ups: services.Services, sort: str, descending: bool
) -> None:
    svc = follow_ups
    for who in (None, 0):
        counts = svc.records.follow_up_counts(who, today=TODAY)
        whole = _whole(svc, who, sort, descending)
        assert len(whole) == counts.total > 14
        assert len(set(whole)) == len(whole)
        fetch = partial(svc.records.follow_up_window, user_id=who, sort=sort,
                        descending=descending, today=TODAY)
        # Forward, page after page by keyset.
        forward = RowPages(counts.total, fetch, page_size=4, keep=2)
        assert [forward.row(n).follow_up_id for n in range(counts.total)] == whole  # type: ignore[union-attr]
        # From the end back, page before page.
        backward = RowPages(counts.total, fetch, page_size=4, keep=2)
        numbers = list(range(counts.total - 1, -1, -1))
        assert [backward.row(n).follow_up_id for n in numbers] == whole[::-1]  # type: ignore[union-attr]
        # Jumps anywhere (offset from the nearer end).
        jumps = RowPages(counts.total, fetch, page_size=3, keep=2)
        order = list(range(counts.total))
        random.Random(sort).shuffle(order)
        assert {n: jumps.row(n).follow_up_id for n in order} == dict(enumerate(whole))  # type: ignore[union-attr]
        assert jumps.pages_held() == 2
        # Where each follow-up stands is where the pages put it.
        for number in (0, counts.total // 2, counts.total - 1):
            assert svc.records.follow_up_position(whole[number], who, sort=sort,
                                                  descending=descending,
                                                  today=TODAY) == number


def test_follow_up_sorts_are_the_columns_order(follow_ups: services.Services) -> None:
    svc = follow_ups
    rows = svc.records.follow_ups_due(0, today=TODAY)
    by_id = {row.follow_up_id: row for row in rows}
    due = [by_id[i] for i in _whole(svc, 0, "due", False)]
    assert due == sorted(rows, key=lambda r: (r.due_on, r.follow_up_id))
    cases = [by_id[i] for i in _whole(svc, 0, "case", True)]
    assert cases == sorted(rows, key=lambda r: (r.case_reference, r.follow_up_id),
                           reverse=True)
    texts = [by_id[i].description.casefold() for i in _whole(svc, 0, "description", False)]
    assert texts == sorted(texts)
    assert [r.overdue for r in due] == [r.due_on < TODAY for r in due]


def _sorted_in_python(svc: services.Services, sort: str, descending: bool) -> list[int]:
    """Everyone's list in ``sort``'s order worked out here, not by the database's ORDER
    BY: each row's key read by id, then sorted in Python."""
    with svc.database.reading() as db_session:
        key = {"case": Case.reference, "victim": Victim.search_full_name,
               "description": func.lower(FollowUp.description)}[sort]
        keys: dict[int, Any] = {fid: value for fid, value in db_session.execute(
            select(FollowUp.id, key).join(Case, FollowUp.case_id == Case.id)
            .join(Victim, Case.victim_id == Victim.id))}
    ids = [row.follow_up_id for row in svc.records.follow_ups_due(0, today=TODAY)]
    return sorted(ids, key=lambda i: (keys[i], i), reverse=descending)


@pytest.mark.parametrize("sort", ["case", "victim", "description"])
@pytest.mark.parametrize("driven", [True, False])
def test_everyones_list_is_the_same_read_off_the_index_or_sorted(
    follow_ups: services.Services, monkeypatch: pytest.MonkeyPatch, sort: str, driven: bool,
) -> None:
    """Everyone's list sorted by case or victim is read by scanning their index in order
    when enough follow-ups are due, else by sorting them all: both give the same pages,
    forward, backward, by jumps and positions, and the order Python sorts them in."""
    svc = follow_ups
    monkeypatch.setattr(windows, "drive_by_sort_index", lambda *_args, **_kw: driven)
    total = svc.records.follow_up_counts(0, today=TODAY).total
    for descending in (False, True):
        expected = _sorted_in_python(svc, sort, descending)
        assert len(expected) == total
        fetch = partial(svc.records.follow_up_window, user_id=0, sort=sort,
                        descending=descending, today=TODAY)
        forward = RowPages(total, fetch, page_size=4, keep=2)
        assert [forward.row(n).follow_up_id for n in range(total)] == expected  # type: ignore[union-attr]
        backward = RowPages(total, fetch, page_size=5, keep=2)
        assert [backward.row(n).follow_up_id  # type: ignore[union-attr]
                for n in range(total - 1, -1, -1)] == expected[::-1]
        jumps = RowPages(total, fetch, page_size=3, keep=2)
        order = list(range(total))
        random.Random(f"{sort}{driven}").shuffle(order)
        assert {n: jumps.row(n).follow_up_id for n in order} == dict(enumerate(expected))  # type: ignore[union-attr]
        for number in (0, 7, total // 2, total - 1):
            assert svc.records.follow_up_position(
                expected[number], 0, sort=sort, descending=descending,
                today=TODAY) == number


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("sort", ["case", "victim", "description"])
def test_everyones_pages_are_read_off_an_index_not_sorted_whole(
    follow_ups: services.Services, sort: str,
) -> None:
    """On SQLite every select of a page of everyone's list reads the sort's index in
    order: no plan sorts all the matching rows (``USE TEMP B-TREE FOR ORDER BY``; only
    the follow-ups of one case or one name are sorted by id, its ``LAST TERM``)."""
    svc = follow_ups
    statements: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "ORDER BY" in statement:
            statements.append((statement, parameters))

    first = svc.records.follow_up_window(ListWindow(limit=4), 0, sort=sort, today=TODAY)
    event.listen(svc.database.engine, "before_cursor_execute", grab)
    try:
        for window in (ListWindow(limit=4), ListWindow(limit=4, after=first.last),
                       ListWindow(limit=4, from_end=True), ListWindow(limit=4, offset=9)):
            for descending in (False, True):
                svc.records.follow_up_window(window, 0, sort=sort, descending=descending,
                                             today=TODAY)
    finally:
        event.remove(svc.database.engine, "before_cursor_execute", grab)
    assert len(statements) >= 9
    with svc.database.reading() as db_session:
        # The reference's unique index (SQLite numbers its automatic indexes in the order
        # the table's constraints were made: found by its column), the name index, the
        # open follow-ups' text index.
        connection = db_session.connection()
        reference_index = next(
            name for _seq, name, unique, *_ in connection.exec_driver_sql(
                "PRAGMA index_list(case_file)")
            if unique and [row[2] for row in connection.exec_driver_sql(
                f"PRAGMA index_info({name})")] == ["reference"])
        index = {"case": f"case_file USING COVERING INDEX {reference_index}",
                 "victim": "victim USING COVERING INDEX ix_victim_search_full_name_id",
                 "description": "follow_up USING INDEX ix_follow_up_open_text"}[sort]
        for statement, parameters in statements:
            plan = [row[-1] for row in db_session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters)]
            assert "USE TEMP B-TREE FOR ORDER BY" not in plan, (statement, plan)
            assert index in plan[0], (statement, plan)


def test_sorting_all_matches_is_chosen_when_few_are_due(
    follow_ups: services.Services
) -> None:
    """SQLite scans a sort index in order only when enough rows match that a page is
    found before reading much of it; otherwise it sorts the few that do. A server's
    planner weighs both itself."""
    matching = select(FollowUp.id).where(FollowUp.done.is_(False),
                                         FollowUp.due_on <= TODAY)
    with follow_ups.database.reading() as db_session:
        due = len(db_session.execute(matching).all())
        on_sqlite = db_session.get_bind().dialect.name == "sqlite"
        # 12 cases: a page of 200 is found scanning a dozen entries.
        assert windows.drive_by_sort_index(db_session, matching, 12, 200, scan_per_sorted=3)
        assert windows.drive_by_sort_index(db_session, matching, 12, 200)
        # A million: sorting the few dozen due reads far less than scanning for them.
        assert windows.drive_by_sort_index(db_session, matching, 10**6, 200) != on_sqlite
        # The boundary: sqrt(limit * scanned / SCAN_PER_SORTED) matches (scanned rounded
        # up, one match short of it).
        scanned = due * due * windows.SCAN_PER_SORTED // 200
        assert windows.drive_by_sort_index(db_session, matching, scanned, 200)
        assert windows.drive_by_sort_index(
            db_session, matching, -(-(due + 1) ** 2 * windows.SCAN_PER_SORTED // 200),
            200) != on_sqlite


def test_follow_up_counts_are_the_lists(follow_ups: services.Services) -> None:
    svc = follow_ups
    for who in (None, 0):
        rows = svc.records.follow_ups_due(who, today=TODAY)
        counts = svc.records.follow_up_counts(who, today=TODAY)
        assert (counts.today, counts.overdue) == (
            sum(not r.overdue for r in rows), sum(r.overdue for r in rows))
        assert counts.today and counts.overdue


def test_a_counsellor_windows_only_their_own_follow_ups(
    follow_ups: services.Services
) -> None:
    svc = follow_ups
    user = svc.accounts.create_user("third", "Third", Role.COUNSELLOR,
                                    "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    counsellor = services.build(svc.database, Actor(user.id, user.username,
                                                    user.display_name, Role.COUNSELLOR))
    assert counsellor.records.follow_up_counts(today=TODAY).total == 0
    assert counsellor.records.follow_up_window(ListWindow(limit=50), today=TODAY).rows == ()
    for forbidden in (
        lambda: counsellor.records.follow_up_counts(0, today=TODAY),
        lambda: counsellor.records.follow_up_window(ListWindow(limit=5), 0, today=TODAY),
        lambda: counsellor.records.follow_up_window(ListWindow(limit=5), svc.actor.user_id),
        lambda: counsellor.records.follow_up_position(1, 0),
    ):
        with pytest.raises(PermissionDenied):
            forbidden()


# -- the audit log ---------------------------------------------------------------------


def _add_events(database: Database, count: int) -> None:
    """``count`` more events, written straight to the table (the listing does not
    verify the chain; writing each through the chain would take a minute)."""
    with database.writing() as db_session:
        first = (db_session.scalar(select(func.max(AuditEvent.seq))) or 0) + 1
        now = dt.datetime.now(dt.UTC)
        actions = (AuditAction.VIEW.value, AuditAction.UPDATE.value, AuditAction.EXPORT.value)
        db_session.execute(insert(AuditEvent), [
            {"seq": seq, "occurred_at": now - dt.timedelta(seconds=first + count - seq),
             "user_id": None, "action": actions[seq % 3], "entity": "case",
             "entity_id": seq, "case_id": None, "detail": "", "prev_hash": "0" * 64,
             "chain_hash": "0" * 64}
            for seq in range(first, first + count)
        ])


def test_every_one_of_12000_events_is_reachable(svc: services.Services,
                                                database: Database) -> None:
    _add_events(database, 12_000)
    with database.reading() as db_session:
        total = db_session.scalar(select(func.count()).select_from(AuditEvent))
        exports = db_session.scalar(select(func.count()).where(
            AuditEvent.action == AuditAction.EXPORT.value))
    listing = svc.audit.open_listing()
    assert listing.count == total > 12_000
    pages = RowPages(listing.count, partial(svc.audit.events, listing), page_size=500, keep=3)
    seqs = [pages.row(n).seq for n in range(listing.count)]  # type: ignore[union-attr]
    assert seqs == list(range(listing.through_seq, 0, -1))
    assert pages.pages_held() == 3
    # The last page straight away, and back from the end.
    tail = RowPages(listing.count, partial(svc.audit.events, listing), page_size=500)
    assert tail.row(listing.count - 1).seq == 1  # type: ignore[union-attr]
    assert [tail.row(n).seq for n in range(listing.count - 1, -1, -1)] == seqs[::-1]  # type: ignore[union-attr]
    # A filter is counted and paged the same way.
    filtered = svc.audit.open_listing(AuditQuery(actions=(AuditAction.EXPORT,)))
    assert filtered.count == exports
    pages = RowPages(filtered.count, partial(svc.audit.events, filtered), page_size=700)
    assert {pages.row(n).action for n in range(filtered.count)} == {"export"}  # type: ignore[union-attr]
    # Opening a listing was audited once, with its size; its pages were not.
    views = svc.audit.query(AuditQuery(actions=(AuditAction.VIEW,), limit=3))
    assert [v.detail for v in views[:2]] == [f"rows={exports}", f"rows={listing.count}"]


def test_the_listing_does_not_grow_while_scrolled(svc: services.Services,
                                                  database: Database) -> None:
    listing = svc.audit.open_listing()
    _add_events(database, 30)
    page = svc.audit.events(listing, ListWindow(limit=1000))
    assert [row.seq for row in page.rows] == list(range(listing.through_seq, 0, -1))
    assert len(page.rows) == listing.count


def test_csv_export_writes_every_matching_event(svc: services.Services, database: Database,
                                                tmp_path) -> None:  # type: ignore[no-untyped-def]
    _add_events(database, 2_500)
    query = AuditQuery(actions=(AuditAction.UPDATE,), limit=10)
    expected = svc.audit.open_listing(query).count
    assert svc.audit.export_csv(query, tmp_path / "audit.csv") == expected > 800
    lines = (tmp_path / "audit.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == expected + 1
    assert {line.split(",")[3] for line in lines[1:]} == {"update"}


def test_only_those_who_may_read_the_log_list_it(svc: services.Services) -> None:
    user = svc.accounts.create_user("counsellor", "Counsellor", Role.COUNSELLOR,
                                    "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    counsellor = services.build(svc.database, Actor(user.id, user.username,
                                                    user.display_name, Role.COUNSELLOR))
    listing = svc.audit.open_listing()
    with pytest.raises(PermissionDenied):
        counsellor.audit.open_listing()
    with pytest.raises(PermissionDenied):
        counsellor.audit.events(listing, ListWindow(limit=10))


# -- through the windows ----------------------------------------------------------------


@pytest.fixture
def audit_window(office: Office, database: Database, qtbot) -> Iterator[MainWindow]:  # noqa: F811  # type: ignore[no-untyped-def]
    _add_events(database, 12_000)
    window = show(MainWindow(office.supervisor), qtbot)
    audit_viewer.register(window)
    window.navigation.select(audit_viewer.PLACE_KEY)
    yield window
    window.session.close()


def test_scrolling_the_audit_log_to_the_end_shows_the_oldest_event(
    audit_window: MainWindow, database: Database, qtbot  # type: ignore[no-untyped-def]
) -> None:
    view = audit_window.pages.currentWidget()
    assert isinstance(view, AuditLogView)
    with database.reading() as db_session:
        total = db_session.scalar(select(func.count()).select_from(AuditEvent))
    model, table = view.model, view.table
    assert model.rowCount() == total - 1 > 12_000  # all but the audit of this viewing
    assert "".join(c for c in view.count_label.text() if c.isdigit()) == str(model.rowCount())
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = table.rowAt(table.viewport().height() - 2)
    assert last == model.rowCount() - 1
    assert model.data(model.index(last, 0)) == "1"
    assert model.data(model.index(last, 3)) == "database created"
    assert model.pages_held() <= KEEP_PAGES
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert int(model.data(model.index(table.rowAt(1), 0))) == model.rowCount()  # type: ignore[arg-type]


def test_sorting_follow_ups_keeps_the_selected_one(
    office: Office, qtbot  # noqa: F811  # type: ignore[no-untyped-def]
) -> None:
    today = local_today()
    for number in range(30):
        office.kaisa.records.add_follow_up(office.cases["Castrén"], FollowUpDraft(
            due_on=today - dt.timedelta(days=number % 4), description=f"Task {number:02}"))
    window = show(MainWindow(office.kaisa), qtbot)
    try:
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        view = window.follow_ups
        assert view.model.rowCount() == 32
        assert window.follow_up_label.text() == "Follow-ups: 23 overdue, 9 today"
        table = view.table
        table.selectRow(5)
        chosen = view.model.data(view.model.index(5, 0), FOLLOW_UP_ID_ROLE)
        header = table.horizontalHeader()
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(4) + 5, header.height() // 2))
        assert header.sortIndicatorSection() == 4
        texts = [view.model.data(view.model.index(r, 4)) for r in range(32)]
        assert texts == sorted(texts, key=str.casefold)
        selected = table.selectionModel().selectedRows()
        assert [view.model.data(i, FOLLOW_UP_ID_ROLE) for i in selected] == [chosen]
    finally:
        window.session.close()
