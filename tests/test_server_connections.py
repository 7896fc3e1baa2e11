"""The server's pooled connections: a connection that sat idle is pinged before it is used
again and replaced if the server dropped it; one given back moments ago is used as it is
(no round trip), and if it died in that moment the action fails plainly and the next one
reconnects."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from models.domain.entities import User
from models.domain.errors import DataError, Unavailable
from models.storage import server
from models.storage.notify import conninfo
from models.storage.server import ServerUrl
from models.storage.store import create_database, open_database
from models.storage.unit_of_work import Database
from tests.conftest import FAST_KDF, PASSWORD


@pytest.fixture
def database(server_target: ServerUrl) -> Iterator[Database]:
    create_database(server_target, username="super", password=PASSWORD,
                    kdf=FAST_KDF).database.dispose()
    opened, _actor = open_database(server_target, "super", PASSWORD)
    yield opened
    opened.dispose()


@pytest.fixture
def pings(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every ping the engine's dialect makes, counted."""
    made: list[int] = []
    dialect = database.engine.dialect
    real = dialect.do_ping

    def counted(dbapi_connection: object) -> bool:
        made.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(dialect, "do_ping", counted)
    return made


def _drop_pooled_connections(target: ServerUrl) -> int:
    """What a server restart does to the pool: every Suoja connection is ended."""
    with psycopg.connect(conninfo(target), autocommit=True) as admin:
        ended = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (make_url(target.url).database,)).fetchone()
    assert ended is not None
    return int(ended[0])


def _count_users(database: Database) -> int:
    with database.reading() as db_session:
        return len(db_session.scalars(select(User.id)).all())


def test_a_connection_used_moments_ago_is_not_pinged(
    database: Database, pings: list[int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(server, "PING_AFTER_IDLE_S", 3600.0)  # "moments", however slow CI is
    for _ in range(5):
        assert _count_users(database) == 1
    with database.writing() as db_session:
        db_session.execute(text("SELECT 1"))
    assert pings == []


def test_an_idle_connection_the_server_dropped_is_replaced_before_use(
    database: Database, server_target: ServerUrl, pings: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _count_users(database) == 1  # a connection in the pool
    assert _drop_pooled_connections(server_target) >= 1
    monkeypatch.setattr(server, "PING_AFTER_IDLE_S", 0.0)  # as if after a pause
    assert _count_users(database) == 1  # pinged, found dead, replaced: no error
    assert pings == [1]


def test_a_connection_dropped_moments_after_use_fails_once_plainly_then_reconnects(
    database: Database, server_target: ServerUrl, pings: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(server, "PING_AFTER_IDLE_S", 3600.0)  # "moments", however slow CI is
    assert _count_users(database) == 1
    assert _drop_pooled_connections(server_target) >= 1
    with pytest.raises(DataError) as refused:
        _count_users(database)
    assert "\n" not in str(refused.value) and "SELECT" not in str(refused.value)
    assert _count_users(database) == 1  # the pool dropped the dead connections
    assert pings == []


def test_the_sign_in_counters_on_a_dropped_connection_say_the_server_was_lost(
    database: Database, server_target: ServerUrl, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not "the counters are unusable" (whose way out is a supervisor's reset): the
    connection went, and the next try reconnects."""
    monkeypatch.setattr(server, "PING_AFTER_IDLE_S", 3600.0)
    database.sign_in_guard().pending()  # a connection in the pool
    assert _drop_pooled_connections(server_target) >= 1
    with pytest.raises(Unavailable, match="connection to the database server was lost"):
        database.sign_in_guard().pending()
    assert database.sign_in_guard().pending() == []
