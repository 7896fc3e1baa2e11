"""Loading a caseload in one unit of work on SQLite (``Database.loading``, the demo seed):
a rollback journal for its transaction, and every connection as before afterwards
(in the WAL), whatever happened."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event, select

from models.demo.seed import seed_demo
from models.domain.entities import Victim
from models.domain.errors import Unavailable
from models.storage import database as database_module
from models.storage.database import CONNECTION_PRAGMAS, open_engine, read_pragmas
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF
from tests.test_seed import TODAY


def _settings_everywhere(database: Database) -> None:
    """Every connection the pool hands out (two at once) is in the WAL again."""
    with database.engine.connect() as first, database.engine.connect() as second:
        for connection in (first, second):
            for name in ("journal_mode", "foreign_keys"):
                found = connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                assert str(found).lower() == str(CONNECTION_PRAGMAS[name]).lower(), name
    expected = {k: (str(v).lower() if isinstance(v, str) else v)
                for k, v in CONNECTION_PRAGMAS.items()}
    assert {k: (str(v).lower() if isinstance(v, str) else v)
            for k, v in read_pragmas(database.engine).items()} == expected


def test_a_seed_loads_through_a_rollback_journal_and_leaves_the_wal_behind(
        database: Database, supervisor: Actor, db_path: Path) -> None:
    journal = db_path.with_name(db_path.name + "-journal")
    journal_seen: list[bool] = []

    def progress(_done: int, _total: int) -> None:
        # During the load: a rollback journal beside the file (none with the WAL).
        journal_seen.append(journal.exists())

    seed_demo(database, supervisor, victims=120, seed=2, kdf=FAST_KDF, today=TODAY,
              progress=progress)
    assert any(journal_seen)
    assert not journal.exists()
    _settings_everywhere(database)
    with database.reading() as db_session:
        assert len(db_session.scalars(select(Victim.id)).all()) == 120


def test_a_failed_load_leaves_every_connection_as_it_was(database: Database) -> None:
    class Stop(Exception):
        pass

    with pytest.raises(Stop), database.loading():
        raise Stop
    _settings_everywhere(database)


def test_a_load_while_another_connection_is_open_keeps_the_wal_and_still_loads(
        database: Database, supervisor: Actor, db_path: Path) -> None:
    """The journal mode changes only with the file to itself: with a connection in use
    elsewhere the load goes through the WAL instead, as safe and as complete."""
    wal = db_path.with_name(db_path.name + "-wal")
    with database.engine.connect() as other:
        other.exec_driver_sql("SELECT count(*) FROM victim").scalar()
        seed_demo(database, supervisor, victims=60, seed=4, kdf=FAST_KDF, today=TODAY)
        assert wal.exists()
        other.rollback()  # its read transaction began before the load
        assert other.exec_driver_sql("SELECT count(*) FROM victim").scalar() == 60
    _settings_everywhere(database)


def test_a_connection_that_cannot_go_back_to_the_wal_is_not_used_again(
        database: Database, db_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Right after the load's commit another program starts reading, so the switch back
    to the WAL is refused: that connection is closed, and the next one is in the WAL."""
    reader = sqlcipher.connect(str(db_path), isolation_level=None)
    reader.execute(f"PRAGMA key = \"x'{database.data_key.hex()}'\"")
    with database.loading() as db_session:
        db_session.connection().exec_driver_sql("SELECT count(*) FROM victim").scalar()

        @event.listens_for(db_session, "after_commit")
        def read_meanwhile(_session: object) -> None:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM victim").fetchone()

    assert "outside the WAL and was closed" in caplog.text
    reader.execute("COMMIT")
    reader.close()
    _settings_everywhere(database)


def test_opening_a_database_another_program_holds_says_busy_not_damaged(
        database: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a load (or a re-key) holds the whole file, another program opening it waits,
    and then hears that the database is busy: not that it is damaged."""
    database.dispose()
    holder = sqlcipher.connect(str(db_path), isolation_level=None)
    holder.execute(f"PRAGMA key = \"x'{database.data_key.hex()}'\"")
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    try:
        with pytest.raises(Unavailable, match="busy"):
            open_engine(db_path, database.data_key)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_engine(db_path, database.data_key).dispose()
