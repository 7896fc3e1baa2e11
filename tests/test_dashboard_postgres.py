"""The dashboard's tallies on PostgreSQL (migration 0018): statement triggers append deltas,
the dashboard sums and folds them. Written here the way other tools and workstations
write: plain SQL from two connections at once (without the application's writer lock),
multi-row statements and COPY, a cascade deleting several cases at once, one long
transaction writing row by row — each time the fast figures must equal the counted ones.

Every test needs a server; without one they are skipped (``tests/helpers/pg_server.py``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text

from models import services
from models.demo.seed import seed_demo
from models.domain.entities import DashboardTally
from models.services import figures
from models.storage.notify import conninfo
from models.storage.server import ServerUrl
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF
from tests.test_dashboard_figures import TODAY, assert_same_figures

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)


@pytest.fixture
def seeded(database: Database, supervisor: Actor) -> services.Services:
    seed_demo(database, supervisor, victims=60, seed=3, kdf=FAST_KDF, today=TODAY)
    return services.build(database, supervisor)


@pytest.fixture
def raw(target: ServerUrl) -> Iterator[psycopg.Connection]:
    """A plain connection, as another tool would open one (READ COMMITTED, no app lock)."""
    with psycopg.connect(conninfo(target)) as connection:
        yield connection


def _columns(connection: psycopg.Connection, table: str) -> list[str]:
    return [name for (name,) in connection.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
        "AND column_name NOT IN ('id', 'case_id') ORDER BY ordinal_position", (table,))]


def _copy_to(connection: psycopg.Connection, table: str, pairs: list[tuple[int, int]]) -> None:
    """One INSERT of copies of the rows ``(row id, onto case id)`` of ``table``."""
    columns = ", ".join(_columns(connection, table))
    connection.execute(
        f"INSERT INTO {table} (case_id, {columns}) "
        f"SELECT p.onto, {columns} FROM {table} "
        "JOIN unnest(%s::int[], %s::int[]) AS p(row_id, onto) ON p.row_id = id",
        ([row for row, _onto in pairs], [onto for _row, onto in pairs]))


def _cases(connection: psycopg.Connection, contact: bool, report: bool) -> list[int]:
    has = "EXISTS (SELECT 1 FROM {} WHERE case_id = case_file.id)"
    return [case_id for (case_id,) in connection.execute(
        "SELECT id FROM case_file WHERE "
        f"{'' if contact else 'NOT '}{has.format('extortion_contact')} AND "
        f"{'' if report else 'NOT '}{has.format('police_report')} ORDER BY id")]


def _any(connection: psycopg.Connection, table: str) -> int:
    row = connection.execute(f"SELECT min(id) FROM {table}").fetchone()
    assert row is not None and row[0] is not None
    return int(row[0])


def test_two_workstations_adding_a_first_contact_at_once_count_it_once(
        seeded: services.Services, database: Database, target: ServerUrl,
        raw: psycopg.Connection) -> None:
    contact, report = _any(raw, "extortion_contact"), _any(raw, "police_report")
    reported, bare = _cases(raw, contact=False, report=False)[:2], _cases(
        raw, contact=False, report=False)[2:3]
    assert len(reported) == 2 and bare
    _copy_to(raw, "police_report", [(report, c) for c in reported])
    raw.commit()
    before = assert_same_figures(database)
    # The first adds the first contacts of three cases and does not commit yet.
    _copy_to(raw, "extortion_contact", [(contact, c) for c in [*reported, *bare]])
    finished = threading.Event()

    def second() -> None:
        with psycopg.connect(conninfo(target)) as other:
            _copy_to(other, "extortion_contact",
                     [(contact, c) for c in [*reported, *bare, *reported]])
            other.commit()
        finished.set()

    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.5)
    assert not finished.is_set()  # its trigger waits for the first's lock
    raw.commit()
    thread.join(10)
    assert finished.is_set()
    after = assert_same_figures(database)
    assert after.victims_with_contact == before.victims_with_contact + 3
    assert after.victims_with_report == before.victims_with_report + 2


def test_the_last_contact_deleted_while_another_is_added(
        seeded: services.Services, database: Database, target: ServerUrl,
        raw: psycopg.Connection) -> None:
    before = assert_same_figures(database)
    once = [case_id for (case_id,) in raw.execute(
        "SELECT case_id FROM extortion_contact GROUP BY case_id HAVING count(*) = 1 "
        "ORDER BY case_id LIMIT 2")]
    contact = _any(raw, "extortion_contact")
    raw.commit()
    raw.execute("DELETE FROM extortion_contact WHERE case_id = ANY(%s)", (once,))

    def second() -> None:
        with psycopg.connect(conninfo(target)) as other:
            _copy_to(other, "extortion_contact", [(contact, once[0])])
            other.commit()

    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.3)
    raw.commit()
    thread.join(10)
    after = assert_same_figures(database)
    assert after.victims_with_contact == before.victims_with_contact - 1


def test_multi_row_statements_copy_and_a_cascade(
        seeded: services.Services, database: Database, raw: psycopg.Connection) -> None:
    before = assert_same_figures(database)
    contact, report = _any(raw, "extortion_contact"), _any(raw, "police_report")
    bare = _cases(raw, contact=False, report=False)
    assert len(bare) >= 3
    # Several rows for one case, and for several cases, in one statement each.
    _copy_to(raw, "extortion_contact", [(contact, bare[0])] * 3 + [(contact, bare[1])])
    _copy_to(raw, "police_report", [(report, bare[0]), (report, bare[2]), (report, bare[2])])
    # COPY, as a bulk load writes: protective actions and reports.
    for table in ("protective_action", "police_report"):
        columns = ", ".join(["case_id", *_columns(raw, table)])
        with raw.cursor() as cursor:
            with cursor.copy(f"COPY (SELECT {columns} FROM {table} LIMIT 30) TO STDOUT") as out:
                rows = b"".join(bytes(block) for block in out)
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as load:
            load.write(rows)
    raw.execute("UPDATE protective_action SET state = 'done' WHERE id IN "
                "(SELECT id FROM protective_action ORDER BY id LIMIT 25)")
    raw.commit()
    middle = assert_same_figures(database)
    assert middle.victims_with_contact == before.victims_with_contact + 2
    assert middle.actions_total > before.actions_total
    # Several cases deleted in one statement, each with its contacts and reports.
    victims = _cases(raw, contact=True, report=True)[:4]
    raw.execute("UPDATE support_session SET follow_up_id = NULL WHERE case_id = ANY(%s)",
                (victims,))
    raw.execute("DELETE FROM case_file WHERE id = ANY(%s)", (victims,))
    raw.commit()
    after = assert_same_figures(database)
    assert after.victims_with_report == middle.victims_with_report - 4
    assert after.victims_with_contact == middle.victims_with_contact - 4


def test_a_long_transaction_only_appends(seeded: services.Services, database: Database,
                                         raw: psycopg.Connection,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Row by row in one transaction: no tally row is updated (no version chain to walk),
    one delta row at most per statement and tally; the dashboard folds them later."""
    assert_same_figures(database)
    contact, action = _any(raw, "extortion_contact"), _any(raw, "protective_action")
    cases = [case_id for (case_id,) in raw.execute("SELECT id FROM case_file ORDER BY id")]
    raw.commit()
    with database.reading() as db_session:
        _tallies, seeded_deltas = figures._tallies(db_session)
    raw.execute("SELECT pg_stat_clear_snapshot()")
    for case_id in cases:
        _copy_to(raw, "extortion_contact", [(contact, case_id)])
        _copy_to(raw, "protective_action", [(action, case_id)])
    updated = raw.execute("SELECT n_tup_upd + n_tup_hot_upd FROM pg_stat_xact_user_tables "
                          "WHERE relname = 'dashboard_tally'").fetchone()
    assert updated is None or updated[0] == 0
    raw.commit()
    with database.reading() as db_session:
        _tallies, deltas = figures._tallies(db_session)
    # Two statements per case, each at most two tallies (with_contact and with_report;
    # action_done and action_counted).
    assert 0 < deltas - seeded_deltas <= 2 * 2 * len(cases)
    monkeypatch.setattr(figures, "FOLD_AT", 1)
    monkeypatch.setattr(figures, "VACUUM_AFTER", 1)
    assert_same_figures(database)  # the first dashboard folds them
    assert raw.execute("SELECT count(*) FROM dashboard_delta").fetchone() == (0,)
    with database.reading() as db_session:
        kept = sorted(db_session.execute(select(
            DashboardTally.kind, DashboardTally.holder_id, DashboardTally.risk_level,
            DashboardTally.n).where(DashboardTally.n != 0)).all())
    raw.commit()
    raw.execute("DELETE FROM dashboard_tally")
    from tests.test_dashboard_figures import _migration

    with raw.cursor() as cursor:
        for statement in _recount_sql(_migration()):
            cursor.execute(statement)
    recounted = sorted(tuple(row) for row in raw.execute(
        "SELECT kind, holder_id, risk_level, n FROM dashboard_tally WHERE n <> 0"))
    assert [tuple(row) for row in kept] == recounted
    raw.rollback()


def _recount_sql(module: object) -> list[str]:
    """0015's recount as SQL text (it runs on a SQLAlchemy connection there)."""
    issued: list[str] = []

    class Recorder:
        def exec_driver_sql(self, statement: str) -> None:
            issued.append(statement)

    module.recount(Recorder())  # type: ignore[attr-defined]
    return [s for s in issued if not s.startswith("DELETE")]


def test_a_repeatable_read_writer_is_refused(seeded: services.Services,
                                            raw: psycopg.Connection) -> None:
    contact = _any(raw, "extortion_contact")
    bare = _cases(raw, contact=False, report=False)[0]
    raw.commit()
    raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    with pytest.raises(psycopg.errors.RaiseException, match="READ COMMITTED"):
        _copy_to(raw, "extortion_contact", [(contact, bare)])
    raw.rollback()


def test_every_postgres_trigger_is_in_place(database: Database) -> None:
    from models.storage.migration import MIGRATIONS_DIR

    module = _load(next((MIGRATIONS_DIR / "versions").glob("*_dashboard_postgres.py")))
    with database.engine.connect() as connection:
        found = set(connection.scalars(text(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")))
    assert set(module.POSTGRES_TRIGGERS) <= found
    assert len(module.POSTGRES_TRIGGERS) == 12


def _load(path: Path) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("dashboard_postgres_migration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
