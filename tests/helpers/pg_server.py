"""A throw-away PostgreSQL server for the tests and the load benchmark.

Where the tests find a server, in order:

1. ``SUOJA_TEST_PG_URL`` (e.g. ``postgresql+psycopg://suoja@db.example/postgres``): an
   existing server where that role may create databases;
2. PostgreSQL's own ``initdb`` and ``pg_ctl`` (on ``PATH`` or in Debian's
   ``/usr/lib/postgresql/<version>/bin``): a private cluster in a temporary folder,
   listening on a Unix socket only, stopped and deleted when the tests end. As root it
   runs as the ``postgres`` system user, because PostgreSQL refuses to run as root.

If neither is there, :func:`start` returns ``None`` with the reason, and the tests that
need a server are skipped with that reason (never silently passed).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import psycopg
from psycopg import sql

URL_VARIABLE = "SUOJA_TEST_PG_URL"
#: Set by .ci/run: there a missing server (or tool) fails the run instead of skipping.
REQUIRE_VARIABLE = "SUOJA_REQUIRE_PG"
#: Why there is no server this run (set by the tests' session fixture).
SKIP_REASON = ""


@dataclass
class PgServer:
    """A server the tests may create databases on."""

    #: SQLAlchemy URL of the maintenance database (``postgres``), no password in it.
    admin_url: str
    folder: Path | None = None
    _stop: list[str] = field(default_factory=list)
    _run_as: list[str] = field(default_factory=list)

    def url_for(self, database: str) -> str:
        base, _, query = self.admin_url.partition("?")
        base = base.rsplit("/", 1)[0] + "/" + database
        return base + ("?" + query if query else "")

    def libpq_conninfo(self, database: str = "postgres") -> str:
        """The same server as a libpq connection string (for psycopg directly)."""
        return self.url_for(database).replace("postgresql+psycopg://", "postgresql://", 1)

    def create_database(self, template: str | None = None, name: str | None = None) -> str:
        """A new, empty database; returns its name."""
        name = name or f"suoja_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.libpq_conninfo(), autocommit=True) as connection:
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if template:
                statement = sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                    sql.Identifier(name), sql.Identifier(template))
            connection.execute(statement)
        return name

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.libpq_conninfo(), autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def tool(self, name: str) -> str | None:
        """A PostgreSQL client program (pg_dump, pg_restore) of the server's version."""
        found = shutil.which(name)
        if found:
            return found
        candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
        return candidates[-1] if candidates else None

    def stop(self) -> None:
        if self._stop:
            subprocess.run(self._run_as + self._stop, check=False, capture_output=True)
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def unavailable(reason: str) -> NoReturn:
    """Skip the calling test because PostgreSQL (or a tool of it) is missing; fail instead
    where CI requires the PostgreSQL half to run."""
    import pytest

    if os.environ.get(REQUIRE_VARIABLE):
        pytest.fail(f"{REQUIRE_VARIABLE} is set but {reason}")
    pytest.skip(f"PostgreSQL half skipped: {reason}")


def _binaries() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def start(tls: tuple[bytes, bytes] | None = None) -> tuple[PgServer | None, str]:
    """Find or start a server; returns it, or ``None`` and why not.

    Args:
        tls: a server certificate and key (PEM). The server then also listens on
            127.0.0.1 (a free port), accepting TCP connections only with TLS; the URL
            returned is that TCP address. Always a private server, never the URL's.
    """
    url = os.environ.get(URL_VARIABLE)
    if url and tls is None:
        return PgServer(admin_url=url), ""
    binaries = _binaries()
    if binaries is None:
        return None, (f"no PostgreSQL server: set {URL_VARIABLE} or install PostgreSQL "
                      "(Debian: apt-get install postgresql)")
    run_as: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return None, "running as root and there is no 'postgres' user to run a server as"
        if runuser is None:
            return None, "running as root and 'runuser' is missing"
        run_as = [runuser, "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="suoja-pg-"))
    data, socket_dir = folder / "data", folder / "socket"
    socket_dir.mkdir()
    if run_as:
        shutil.chown(folder, "postgres")
        shutil.chown(socket_dir, "postgres")
    server = PgServer(admin_url="", folder=folder, _run_as=run_as)
    try:
        subprocess.run(
            [*run_as, str(binaries / "initdb"), "-D", str(data), "-U", "suoja", "-A", "trust",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            check=True, capture_output=True,
        )
        options = (f"-c listen_addresses='' -c unix_socket_directories='{socket_dir}' "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        port = 0
        if tls is not None:
            port = _free_port()
            for name, pem in (("server.crt", tls[0]), ("server.key", tls[1])):
                (data / name).write_bytes(pem)
                os.chmod(data / name, 0o600)
                if run_as:
                    shutil.chown(data / name, "postgres")
            (data / "pg_hba.conf").write_text(
                "local all all trust\n"
                "hostssl all all 127.0.0.1/32 trust\n"
                "hostnossl all all 127.0.0.1/32 reject\n", encoding="utf-8")
            options += f" -c listen_addresses=127.0.0.1 -c port={port} -c ssl=on"
        subprocess.run(
            [*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
             "-l", str(folder / "server.log"), "-w", "start"],
            check=True, capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        server.stop()
        detail = getattr(error, "stderr", b"") or b""
        return None, f"could not start a PostgreSQL server: {detail.decode(errors='replace')[:200]}"
    server._stop = [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
    server.admin_url = (f"postgresql+psycopg://suoja@127.0.0.1:{port}/postgres" if port else
                        f"postgresql+psycopg://suoja@/postgres?host={socket_dir}")
    return server, ""


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
