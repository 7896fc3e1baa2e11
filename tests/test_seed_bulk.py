"""Seeding in bulk, on both databases: the bulk INSERTs store what Core INSERTs store, a
seeded database verifies, keeps its indexes and gives the pinned rows for its seed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Table, insert, update

from main import main
from models.demo import slices
from models.demo.bulk import BulkInserter, indexes_built_after
from models.demo.draw import Pick
from models.demo.rows import Batch, Staff
from models.demo.seed import _Generator, _insert_breaches, seed_demo
from models.domain.entities import ProtectiveAction
from models.domain.enums import ActionState
from models.domain.sealed import SEALED_BYTES, SEALED_COLUMNS
from models.services import figures
from models.storage import tallies
from models.storage.server import ServerUrl
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD
from tests.test_seed import SEED_1_DIGEST, TODAY, digest

pytestmark = pytest.mark.both_databases


def _raw_rows(connection: Connection, tables: list[Table]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of ``tables`` as the driver reads it back (text on SQLite, not parsed),
    but the sealed values (random nonces; ``seal_rows`` seals for both inserts alike)."""
    dump = {}
    for table in tables:
        sealed = SEALED_COLUMNS.get(table.name, ()) + SEALED_BYTES.get(table.name, ())
        columns = ", ".join(column.name for column in table.columns
                            if column.name not in sealed)
        order = ", ".join(column.name for column in table.primary_key.columns)
        dump[table.name] = [tuple(row) for row in connection.exec_driver_sql(
            f"SELECT {columns} FROM {table.name} ORDER BY {order}")]
    return dump


def _indexes(connection: Connection) -> list[tuple[Any, ...]]:
    if connection.dialect.name == "sqlite":
        sql = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    else:
        sql = ("SELECT indexname, tablename, indexdef FROM pg_indexes "
               "WHERE schemaname = current_schema() ORDER BY indexname")
    return [tuple(row) for row in connection.exec_driver_sql(sql)]


def _written(database: Database, actor: Actor, bulk: bool) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of 40 generated victims as stored by Core INSERTs or the bulk ones (rolled
    back afterwards), with a few values off the generator's fast paths."""
    class Done(Exception):
        pass

    dump: dict[str, list[tuple[Any, ...]]] = {}
    with pytest.raises(Done), database.writing() as db_session:
        staff = Staff([actor.user_id], Pick([(actor.user_id, 1.0)]))
        breaches = _insert_breaches(db_session)
        batch = _Generator(random.Random(5), 40, TODAY, staff, breaches).batch(1, 40)
        # Not UTC, with microseconds, and missing: bound as SQLAlchemy binds them.
        helsinki = dt.timezone(dt.timedelta(hours=2))
        batch.victims[0]["created_at"] = dt.datetime(2021, 3, 1, 8, 30, 5, 123456, helsinki)
        batch.sessions[0]["updated_at"] = dt.datetime(2021, 3, 1, 8, 30, 5, 250000, dt.UTC)
        batch.follow_ups[0]["done_at"] = None
        tables = [table for table, _rows in batch.tables()]
        inserter = BulkInserter(db_session.connection())
        for table, rows in batch.tables():
            database.field_cipher.seal_rows(table.name, rows)
            if rows and bulk:
                inserter.insert(table, rows)
            elif rows:
                db_session.execute(insert(table), rows)
        dump = _raw_rows(db_session.connection(), tables)
        raise Done
    return dump


def test_bulk_inserts_store_what_core_inserts_store(opened: tuple[Database, Actor, str]) -> None:
    database, actor, _code = opened
    core = _written(database, actor, bulk=False)
    bulk = _written(database, actor, bulk=True)
    assert core["victim"] and core["support_session"] and core["attachment"]
    # Sealed values were sealed once, before both inserts: every column compares.
    assert bulk == core


def test_indexes_are_built_again_as_they_were(opened: tuple[Database, Actor, str]) -> None:
    database = opened[0]
    with database.writing() as db_session:
        connection = db_session.connection()
        before = _indexes(connection)
        tables = [table for table, _rows in Batch().tables()]
        with indexes_built_after(connection, tables):
            during = _indexes(connection)
        assert _indexes(connection) == before
    assert len(during) < len(before)
    assert any(name == "ix_victim_search_last_name" for name, *_rest in before)
    assert not any(name == "ix_victim_search_last_name" for name, *_rest in during)


@pytest.mark.parametrize("apart", [False, True], ids=["drawn here", "drawn apart"])
def test_a_seeded_database_verifies_and_gives_the_pinned_rows(
    target: Target, opened: tuple[Database, Actor, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], apart: bool,
) -> None:
    """The same seed gives the same rows on both databases (sealed values compared by
    what they open to), drawn in this process or in one of its own, and the result passes
    ``verify``: the audit chain, the signed accounts and every sealed value under its
    victim key."""
    if apart:
        monkeypatch.setattr(slices, "SEPARATE_FROM", 1)
    database, actor, _code = opened
    with database.reading() as db_session:
        indexes = _indexes(db_session.connection())
    summary = seed_demo(database, actor, victims=600, seed=1, kdf=FAST_KDF, today=TODAY)
    assert summary.victims == 600
    assert digest(database) == SEED_1_DIGEST
    with database.reading() as db_session:
        assert _indexes(db_session.connection()) == indexes
        # A victim key for every case with a sealed value (a new case may have none yet).
        sealed_cases = set(db_session.connection().exec_driver_sql(
            "SELECT case_id FROM support_session UNION SELECT case_id FROM extortion_contact"
        ).scalars())
    assert set(database.load_keyfile().victim_keys) == sealed_cases
    assert len(sealed_cases) > 590
    database.dispose()
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    where = (["--db-url", target.url] if isinstance(target, ServerUrl)
             else ["--db", str(Path(target))])
    capsys.readouterr()
    assert main(["verify", *where, "--user", "super"]) == 0, capsys.readouterr().err


def _triggers(connection: Connection) -> list[tuple[Any, ...]]:
    if connection.dialect.name == "sqlite":
        sql = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    else:
        sql = ("SELECT trigger_name, event_object_table, action_statement "
               "FROM information_schema.triggers ORDER BY 1, 2, 3")
    return [tuple(row) for row in connection.exec_driver_sql(sql)]


def test_the_tallies_are_recounted_and_their_triggers_back_after_a_seed(
    opened: tuple[Database, Actor, str],
) -> None:
    """On SQLite the seed drops the tally triggers for its transaction: afterwards every
    one is back as it was, the tallies give the figures counted from the rows, and the
    next write is followed again."""
    database, actor, _code = opened
    with database.reading() as db_session:
        triggers = _triggers(db_session.connection())
    seed_demo(database, actor, victims=300, seed=3, kdf=FAST_KDF, today=TODAY)
    with database.reading() as db_session:
        assert _triggers(db_session.connection()) == triggers
        fast = figures.dashboard(db_session, TODAY)
        assert dataclasses.asdict(fast) == dataclasses.asdict(
            figures.dashboard_counted(db_session, TODAY))
    assert fast.open_cases and fast.actions_total and fast.victims_with_report
    if database.engine.dialect.name == "sqlite":
        assert {name for name, *_rest in triggers} >= set(tallies.SQLITE_TRIGGERS)
        with database.writing() as db_session:
            db_session.execute(update(ProtectiveAction).values(state=ActionState.DONE.value))
        with database.reading() as db_session:
            after = figures.dashboard(db_session, TODAY)
            assert dataclasses.asdict(after) == dataclasses.asdict(
                figures.dashboard_counted(db_session, TODAY))
        assert after.actions_done == after.actions_total != fast.actions_done
