"""Startup (issue 19): the sign-in window shows before the database's modules are loaded.

``main.py --db PATH`` reads its options without the commands' modules, and the sign-in
window imports only what it shows; SQLAlchemy, the entities, the services, the PDFs and
the main window are loaded after it is shown. With ``--db-url`` the app first looks at
the server with psycopg alone (``models.storage.server_url``), which reads URLs and
connects as SQLAlchemy would: compared here. ``bench/startup.py`` measures the time to it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import exc
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.engine import make_url

from bench.startup import StartupFailed, startup_ms
from cli.main import build_parser, window_options
from models.domain.entities import ServerState
from models.domain.errors import Unavailable, UsageError
from models.storage import server, server_url
from models.storage.server_url import ServerUrl
from models.storage.store import create_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD
from tests.helpers import pg_server

ROOT = Path(__file__).resolve().parents[1]

#: Loaded by the app before this work, none of them needed to show the sign-in window.
NOT_BEFORE_SIGN_IN = {
    "sqlalchemy", "alembic", "reportlab", "psycopg", "argon2", "cryptography", "sqlcipher3",
    "stdnum", "models.pdf", "models.services", "models.storage.store",
    "models.storage.server", "models.storage.maintenance", "models.domain.entities",
    "models.security.passwords", "cli.database", "cli.signin",
    "gui.window.main_window", "gui.shared.session",
}

# main.py as a person starts it, with the sign-in window noting the modules loaded at the
# moment it is shown, then cancelled (exit code 0).
_WATCH = """
import json, sys
from PySide6.QtCore import QTimer
import gui.start.app as app

seen = []

class Watching(app.LoginDialog):
    def showEvent(self, event):
        seen.extend(sorted(sys.modules))
        super().showEvent(event)
        QTimer.singleShot(0, self.reject)

app.LoginDialog = Watching
import main
code = main.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": seen}))
"""


def _modules_when_shown(args: list[str]) -> tuple[int, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _WATCH, *args], cwd=ROOT, capture_output=True, text=True,
        timeout=120, env={**_environment(), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return int(report["code"]), set(report["modules"])


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.pop("SUOJA_TEST_SCRIPT", None)
    return environment


def _loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(module.startswith(name + ".") for module in modules)


@pytest.mark.both_databases
def test_the_sign_in_window_shows_before_the_database_modules_load(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    opened[0].dispose()
    on_server = isinstance(target, ServerUrl)
    where = ["--db-url", target.url] if isinstance(target, ServerUrl) else ["--db", str(target)]
    code, modules = _modules_when_shown(where)
    assert code == 0  # cancelled, as a person closing the window
    assert {"gui.start.login", "PySide6.QtWidgets", "models.storage.server_url"} <= modules
    # On a server, psycopg alone has looked at it (set up: the sign-in, not the setup).
    assert _loaded(modules, "psycopg") is on_server
    unwanted = NOT_BEFORE_SIGN_IN - ({"psycopg"} if on_server else set())
    assert sorted(name for name in unwanted if _loaded(modules, name)) == []


def test_the_window_s_options_are_read_as_the_full_parser_reads_them() -> None:
    for argv in ([], ["--db", "cases.db"], ["--db=cases.db", "--lang", "fi"],
                 ["--demo"], ["--lang=sv", "--db-url", "postgresql+psycopg://s@h/d"],
                 ["--dem"]):  # an abbreviation, as argparse allows
        light = window_options(argv)
        assert light is not None, argv
        full = build_parser().parse_args(argv)
        assert full.command is None and light.command is None
        assert (light.db, light.db_url, light.demo, light.lang) == (
            full.db, full.db_url, full.demo, full.lang), argv


@pytest.mark.parametrize("argv", [
    ["init", "--db", "x.db", "--user", "maria"],  # a command
    ["--help"], ["-h"],
    ["--db"],  # no value: the full parser says so
    ["--db", "a.db", "--db-url", "postgresql+psycopg://s@h/d"],  # not both
    ["--bogus"], ["--db", "a.db", "extra"],
    ["--d", "a.db"],  # ambiguous abbreviation
])
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_options(argv) is None


def test_a_command_still_runs_after_the_window_s_options_were_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The commands' modules load when a command is on the line (``init`` here)."""
    monkeypatch.setenv("SUOJA_PASSWORD", "Kallio-Meri-Tuuli-Polku-7")
    target = tmp_path / "new.db"
    result = subprocess.run(
        [sys.executable, "main.py", "--lang", "en", "init", "--db", str(target),
         "--user", "maria"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=_environment(),
    )
    assert result.returncode == 0, result.stderr
    assert target.exists()
    unknown = subprocess.run([sys.executable, "main.py", "--lang", "en", "--bogus"], cwd=ROOT,
                             capture_output=True, text=True, timeout=60, env=_environment())
    assert unknown.returncode == 2
    assert "unrecognized arguments: --bogus" in unknown.stderr


@pytest.mark.both_databases
def test_bench_startup_measures_the_time_to_the_sign_in_window(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    opened[0].dispose()
    where = ["--db-url", target.url] if isinstance(target, ServerUrl) else ["--db", str(target)]
    figure = startup_ms(where, repeat=2)
    assert 0 < figure < 120_000


def test_bench_startup_fails_without_a_sign_in_window(tmp_path: Path) -> None:
    # No database there: the first-run setup is shown instead, so there is no figure.
    with pytest.raises(StartupFailed):
        startup_ms(["--db", str(tmp_path / "missing.db")], repeat=1, timeout_s=3)


# -- the first look at a server, without SQLAlchemy -------------------------------------------

URLS = [
    "postgresql+psycopg://suoja@db.example/suoja",
    "postgresql://suoja@db.example:5433/suoja?sslmode=verify-full&sslrootcert=/etc/ca.pem",
    "postgres://Mäki%20Ö@db.example/case%2Fdb?application_name=x&connect_timeout=3",
    "postgresql+psycopg://suoja@/suoja?host=/run/postgresql",
    "postgresql+psycopg://suoja@/suoja?host=/run/postgresql&port=05433",
    "postgresql+psycopg://suoja@[2001:db8::1]:5432/suoja",
    "postgresql+psycopg:///?service=crisis",
    "postgresql+psycopg://suoja@db.example/suoja?keepalives=0&Service=x&z=1&a=2&a=3",
    "postgresql+psycopg://suoja@db.example/suoja?host=a,b&port=1,2",  # SQLAlchemy's own
    "postgresql+psycopg://suoja@/suoja?host=a:1&host=b:2",  # SQLAlchemy's own
    "postgresql+psycopg://suoja@/suoja?host=a:7",  # SQLAlchemy's own
    " postgresql+psycopg://suoja@db.example/suoja?sslmode=&x=+y ",
]


@pytest.mark.parametrize("raw", URLS)
def test_a_server_url_is_read_and_connected_to_as_sqlalchemy_would(raw: str) -> None:
    url = make_url(raw.strip())
    target = ServerUrl.parse(raw)
    assert target.url == url.set(drivername="postgresql+psycopg").render_as_string(
        hide_password=False)
    assert target.parts.query == dict(url.query)
    assert (target.parts.host, target.parts.port, target.parts.database) == (
        url.host, url.port, url.database)
    # What an engine's first connection gets: the dialect's parameters, then connect_args.
    expected = PGDialect_psycopg().create_connect_args(make_url(target.url))[1]
    expected.update(server_url.connect_arguments(target.with_password("typed")))
    assert server_url.connection_parameters(target.with_password("typed")) == expected


@pytest.mark.parametrize("raw", [
    "db.example/suoja", "postgresql+psycopg://suoja@db.example:/suoja",
    "postgresql+psycopg://suoja@db.example:54x/suoja", "mysql://suoja@db.example/suoja",
    "postgresql://suoja:secret@db.example/suoja", "postgresql://suoja@db.example/",
    "postgresql://suoja@db.example/suoja?sslpassword=x",
])
def test_a_url_sqlalchemy_refuses_or_suoja_refuses_is_refused(raw: str) -> None:
    with pytest.raises(UsageError):
        ServerUrl.parse(raw)


def test_the_first_look_names_the_table_and_the_row_the_entities_do() -> None:
    assert server_url.STATE_TABLE == ServerState.__tablename__
    assert server.KEY_SLOTS == server_url.KEY_SLOTS
    assert "name" in ServerState.__table__.c


@pytest.mark.parametrize("kind", [
    psycopg.OperationalError, psycopg.errors.InsufficientPrivilege,
    psycopg.errors.UndefinedTable, psycopg.InterfaceError, psycopg.Error,
    psycopg.errors.SerializationFailure, psycopg.errors.InvalidAuthorizationSpecification,
])
def test_a_driver_error_is_named_as_the_engine_names_it(kind: type[psycopg.Error]) -> None:
    error = kind("synthetic")
    wrapped = exc.DBAPIError.instance("SELECT 1", None, error, psycopg.Error)
    assert server_url.error_kind(error) == type(wrapped).__name__
    assert server_url.error_kind(wrapped) == type(wrapped).__name__
    assert server_url.error_kind(ValueError()) == "ValueError"


def test_the_first_look_at_a_server_says_what_the_engine_says(
    pg: pg_server.PgServer | None, server_target: ServerUrl,
) -> None:
    """An empty database, one with the schema but no key slots, and one set up."""
    assert pg is not None
    empty = ServerUrl.parse(pg.url_for(pg.create_database()))
    for where, holds in ((empty, False), (server_target, False)):
        engine = server.open_server_engine(where)
        try:
            assert server_url.holds_suoja(where) is server.is_initialised(engine) is holds
        finally:
            engine.dispose()
    created = create_database(server_target, username="super", password=PASSWORD,
                              kdf=FAST_KDF)
    try:
        assert server_url.holds_suoja(server_target) is True
        assert server.is_initialised(created.database.engine) is True
    finally:
        created.database.dispose()
        pg.drop_database(empty.parts.database or "")

    nowhere = ServerUrl.parse("postgresql+psycopg://suoja@127.0.0.1:1/suoja?connect_timeout=3")
    with pytest.raises(Unavailable) as failed:
        server_url.holds_suoja(nowhere)
    with pytest.raises(Unavailable) as failed_too:
        server.open_server_engine(nowhere)
    assert str(failed.value) == str(failed_too.value)


def test_a_server_option_libpq_refuses_is_the_sentence_the_engine_s_error_gives(
    server_target: ServerUrl, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gui.start import app as app_module

    odd = ServerUrl.parse(server_target.url + ("&" if "?" in server_target.url else "?")
                          + "no_such_option=1")
    with pytest.raises(exc.ProgrammingError) as engine_failed:
        server.open_server_engine(odd)
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_problem", shown.append)
    assert app_module.probe_server(odd) == 4
    assert shown == [str(app_module._server_problem(engine_failed.value, odd))]
    assert "(ProgrammingError)" in shown[0]
