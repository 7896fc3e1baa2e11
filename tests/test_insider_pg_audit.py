"""On a PostgreSQL server the workstations' role may only add and read audit events.

The attacker is a staff member (or anyone who found the workstations' server password in a
``~/.pgpass``) with ``psql``: the role every workstation connects as could, as the
deployment guide set it up, UPDATE and DELETE audit events. The chain would notice, but
only after the fact; the server itself should refuse. ``init`` and every schema upgrade
(run as the database's owner) take UPDATE, DELETE, TRUNCATE and the rest away from every
role but the owner, PUBLIC included, and the owner's sign-in takes back any that were
granted again since. ``verify`` names any other role that may still rewrite events, and
says so when it runs as a role that may (the owner or a superuser).

The database here is set up exactly as docs/DEPLOYMENT.md section 2 says: an owner role
that runs ``init``, a workstations' role with the default privileges. Every test needs a
server; without one they skip (or fail under ``SUOJA_REQUIRE_PG``) like the other
PostgreSQL tests.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from psycopg import errors as pg_errors
from sqlalchemy.engine import make_url

from cli import main as cli
from models import services
from models.domain.dto import CaseDraft, VictimDraft
from models.storage import migration
from models.storage.notify import conninfo
from models.storage.server import ServerUrl, open_server_engine
from models.storage.store import create_database, open_database
from tests.conftest import FAST_KDF, PASSWORD
from tests.helpers import pg_server
from tests.helpers.pg_server import PgServer

REWRITES = ("UPDATE audit_event SET detail = 'nothing happened'",
            "DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)",
            "TRUNCATE audit_event")


@dataclass(frozen=True)
class Deployment:
    owner: ServerUrl  # runs init and upgrades
    workstation: ServerUrl  # what every workstation connects as
    owner_role: str
    workstation_role: str


def _as(target: ServerUrl, role: str) -> ServerUrl:
    return ServerUrl.parse(make_url(target.url).set(username=role).render_as_string(
        hide_password=False))


def _raw(target: ServerUrl, *, autocommit: bool = True) -> psycopg.Connection:
    return psycopg.connect(conninfo(target), autocommit=autocommit)


@pytest.fixture
def deployment(pg: PgServer | None) -> Iterator[Deployment]:
    """docs/DEPLOYMENT.md section 2, word for word but for the names; then ``init`` as
    the owner, with the first supervisor ``super``."""
    if pg is None:
        pg_server.unavailable(pg_server.SKIP_REASON)
    suffix = uuid.uuid4().hex[:10]
    owner, app = f"suoja_owner_{suffix}", f"suoja_app_{suffix}"
    name = pg.create_database()
    admin = ServerUrl.parse(pg.url_for(name))
    with _raw(admin) as connection:
        for statement in (
            f"CREATE ROLE {owner} LOGIN",
            f"CREATE ROLE {app} LOGIN",
            f'ALTER DATABASE "{name}" OWNER TO {owner}',
            f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC',
            f'GRANT CONNECT ON DATABASE "{name}" TO {app}',
            "REVOKE ALL ON SCHEMA public FROM PUBLIC",
            f"GRANT USAGE ON SCHEMA public TO {app}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
            f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {app}",
        ):
            connection.execute(statement)
    found = Deployment(_as(admin, owner), _as(admin, app), owner, app)
    try:
        create_database(found.owner, username="super", password=PASSWORD,
                        kdf=FAST_KDF).database.dispose()
        yield found
    finally:
        pg.drop_database(name)
        with _raw(ServerUrl.parse(pg.admin_url)) as connection:
            connection.execute(f"DROP ROLE IF EXISTS {app}")
            connection.execute(f"DROP ROLE IF EXISTS {owner}")


def _refused(target: ServerUrl, statement: str) -> bool:
    """Does the server refuse ``statement`` for lack of privilege? (Nothing is kept.)"""
    with _raw(target, autocommit=False) as connection:
        try:
            connection.execute(statement)
        except pg_errors.InsufficientPrivilege:
            return True
        finally:
            connection.rollback()
    return False


def _verify(target: ServerUrl, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    capsys.readouterr()
    code = cli.run(cli.build_parser().parse_args(
        ["verify", "--db-url", target.url, "--user", "super"]))
    found = capsys.readouterr()
    return code, found.out, found.err


def _loosen(deployment: Deployment) -> None:
    """The owner (or a careless DBA) gives the rewrite privileges back."""
    with _raw(deployment.owner) as connection:
        connection.execute(f"GRANT UPDATE, DELETE, TRUNCATE ON audit_event "
                           f"TO {deployment.workstation_role}, PUBLIC")
        connection.execute(f"GRANT UPDATE (detail) ON audit_event "
                           f"TO {deployment.workstation_role}")


def test_the_workstations_role_may_only_add_and_read_audit_events(
    deployment: Deployment,
) -> None:
    for statement in REWRITES:
        assert _refused(deployment.workstation, statement), statement
    with _raw(deployment.workstation, autocommit=False) as connection:
        try:
            assert connection.execute("SELECT count(*) FROM audit_event").fetchone()[0] > 0
            connection.execute(  # a forged event is an INSERT: the chain's to catch
                "INSERT INTO audit_event (seq, occurred_at, action, entity, detail, "
                "prev_hash, chain_hash) SELECT seq + 1, occurred_at, action, entity, "
                "detail, chain_hash, chain_hash FROM audit_event ORDER BY seq DESC LIMIT 1")
            # Every event moves the chain's end marker: a workstation must write it.
            assert connection.execute(
                "UPDATE suoja_meta SET value = value WHERE key = 'audit_head'").rowcount == 1
        finally:
            connection.rollback()
    # The owner keeps every right (PostgreSQL gives it to a table's owner in any case).
    assert not _refused(deployment.owner, REWRITES[0])


def test_the_app_works_as_the_workstations_role(
    deployment: Deployment, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database, actor = open_database(deployment.workstation, "super", PASSWORD)
    try:
        svc = services.build(database, actor)
        svc.cases.create_intake(VictimDraft(first_names="Aino", last_name="Palvelin"),
                                CaseDraft())
        assert svc.case_list.count_cases() == 1
    finally:
        database.dispose()
    code, out, err = _verify(deployment.workstation, monkeypatch, capsys)
    assert (code, err) == (0, "")
    assert "no problems found" in out and "may change or delete audit events" not in out


def test_verify_names_other_roles_that_may_rewrite_events_and_the_owner_takes_it_back(
    deployment: Deployment, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture,
) -> None:
    _loosen(deployment)
    assert not _refused(deployment.workstation, REWRITES[0])
    code, _out, err = _verify(deployment.workstation, monkeypatch, capsys)
    assert code == 4
    (line,) = err.strip().splitlines()  # PUBLIC's grant lists every role on the server
    assert line.startswith("suoja: Server roles other than the tables' owner may change "
                           "or delete audit events: ")
    assert deployment.workstation_role in line and deployment.owner_role not in line
    # The owner's next sign-in (as in every upgrade) takes the privileges back, and says
    # in the log that this role itself may rewrite events.
    with caplog.at_level(logging.WARNING, logger="suoja.server"):
        database, _actor = open_database(deployment.owner, "super", PASSWORD)
        database.dispose()
    assert any("may change or delete audit events" in record.getMessage()
               for record in caplog.records)
    for statement in REWRITES:
        assert _refused(deployment.workstation, statement), statement
    code, out, err = _verify(deployment.workstation, monkeypatch, capsys)
    assert (code, err) == (0, "")
    # verify as the owner passes (the restore drill runs it so) but says what it is.
    code, out, err = _verify(deployment.owner, monkeypatch, capsys)
    assert (code, err) == (0, "")
    assert (f"Server role {deployment.owner_role} may change or delete audit events "
            "(it owns the tables or is a superuser)") in out


def test_every_schema_upgrade_sets_the_grants_again(deployment: Deployment) -> None:
    engine = open_server_engine(deployment.owner)
    try:
        config = Config()
        config.set_main_option("script_location", str(migration.MIGRATIONS_DIR))
        previous = ScriptDirectory.from_config(config).get_revision(
            migration.head_revision()).down_revision
        assert isinstance(previous, str)
        migration.downgrade(engine, previous)
        _loosen(deployment)
        assert not _refused(deployment.workstation, REWRITES[1])
        migration.upgrade(engine)  # what sign-in as the owner runs on an older schema
    finally:
        engine.dispose()
    for statement in REWRITES:
        assert _refused(deployment.workstation, statement), statement
    with _raw(deployment.owner) as connection:
        loose = connection.execute(
            "SELECT a.grantee, a.privilege_type FROM pg_class c, aclexplode(c.relacl) a "
            "WHERE c.oid = 'audit_event'::regclass AND a.grantee <> c.relowner "
            "AND a.privilege_type NOT IN ('SELECT', 'INSERT')").fetchall()
    assert loose == []  # PUBLIC (grantee 0) included
