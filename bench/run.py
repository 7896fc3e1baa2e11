"""Suoja's benchmark harness at Vastaamo scale, on SQLite or on a PostgreSQL server.

    python bench/run.py --victims 40000 [--seed 1] [--json FILE] [--repeat 5]
                        [--cache DIR] [--db-url URL | --postgres]

Builds (or reuses, keyed by N and seed) a seeded database: an encrypted SQLite file under
the cache folder, or with ``--db-url URL`` a database named ``suoja_bench_n<N>_s<seed>_k3``
that it creates on that server (the URL names a database it can connect to, such as
``postgres``; its role may create databases), or with ``--postgres`` the same on a private
PostgreSQL server it starts with its data folder in the cache folder (kept, so the seeded
databases are too). It measures every figure of issue 19's table through the same code
the app runs, prints a table beside the targets for N (the 40,000 column up to 40,000
victims, the 200,000 column above) and writes JSON, which names the database kind. Times
are medians over repeated runs (p95 where named); milliseconds unless the name says
otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models import services  # noqa: E402
from models.domain.dto import CaseFilter  # noqa: E402
from models.storage.database import keyfile_path  # noqa: E402
from models.storage.keyfile import SLOT_USER  # noqa: E402
from models.storage.server import ServerUrl  # noqa: E402
from models.storage.store import (  # noqa: E402
    create_database,
    load_key_slots,
    open_database,
    open_unlocked,
)
from models.storage.unit_of_work import Target  # noqa: E402

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow

USER = "bench"
PASSWORD = "Harness-Kivi-Polku-Tuuli-2"
CACHE = ROOT / "bench" / ".cache"
#: The seeded databases' generation: a database of an older one is built again.
GENERATION = "k3"  # k3: key file version 2, signed records
#: Above this many victims the 200,000 column's targets apply.
SMALL_LIMIT = 40_000

#: (key, target at 40,000, target at 200,000, unit) — issue 19's table; today's targets for
#: pdf_case_ms, pdf_batch_100_s, unlock_ms, cipher_ratio and key_rotation_s; None: no target.
TARGETS: list[tuple[str, float | None, float | None, str]] = [
    ("keystroke_to_rows_ms", 16, 50, "ms"),
    ("list_first_page_ms", 50, 100, "ms"),
    ("scroll_to_end_ms", None, None, "ms"),
    ("search_p50_ms", 0.25, 0.5, "ms"),
    ("search_p95_ms", 10, 30, "ms"),
    ("raw_search_p50_ms", None, None, "ms"),
    ("search_ratio", 25, 50, "×"),
    ("cipher_ratio", 1.5, 1.5, "×"),
    ("dashboard_ms", 100, 300, "ms"),
    ("case_open_ms", 10, 15, "ms"),
    ("startup_ms", 1000, 1000, "ms"),
    ("seed_s", 15, 60, "s"),
    ("rss_mb", 250, 300, "MB"),
    ("pdf_case_ms", 150, 150, "ms"),
    ("pdf_batch_100_s", 10, 10, "s"),
    ("unlock_ms", 50, 50, "ms"),
    ("kdf_ms", None, None, "ms"),
    ("key_rotation_s", 60, 60, "s"),
]
#: Figures that do not apply to a database kind (the table says n/a, the JSON holds null).
NOT_APPLICABLE = {
    # SQLCipher against plain SQLite: a server's pages are not encrypted by Suoja.
    "postgresql": {"cipher_ratio"},
    "sqlite": set(),
}


def targets_for(victims: int) -> dict[str, tuple[float | None, str]]:
    """Each key's target for N victims, and its unit."""
    small = victims <= SMALL_LIMIT
    return {key: (at_40k if small else at_200k, unit) for key, at_40k, at_200k, unit in TARGETS}


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _timed(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _median_ms(function: Callable[[], Any], repeat: int) -> float:
    function()  # warm the caches once, as a user's second action would find them
    return _ms(statistics.median(_timed(function) for _ in range(repeat)))


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


# -- where the database is ---------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """The seeded database: an SQLite file, or a database on a PostgreSQL server."""

    target: Target
    seed_s: float

    @property
    def kind(self) -> str:
        return "postgresql" if isinstance(self.target, ServerUrl) else "sqlite"

    @property
    def name(self) -> str:
        """The file, or the server database's name."""
        if isinstance(self.target, ServerUrl):
            return _url_database(self.target)
        return str(self.target)

    def arguments(self) -> list[str]:
        """The target as the app's command line takes it."""
        if isinstance(self.target, ServerUrl):
            return ["--db-url", self.target.url]
        return ["--db", str(self.target)]


def prepare(victims: int, seed: int, cache: Path = CACHE) -> tuple[Path, float]:
    """The seeded SQLite database for (victims, seed), built once; returns it and the
    seed time."""
    folder = cache / f"n{victims}-s{seed}-{GENERATION}"
    db_path = folder / "bench.db"
    info = folder / "seed.json"
    if db_path.exists() and info.exists():
        return db_path, float(json.loads(info.read_text())["seed_s"])
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        stale.unlink()
    seconds = _seed(db_path, victims, seed)
    info.write_text(json.dumps({"seed_s": seconds}))
    return db_path, seconds


def _seed(target: Target, victims: int, seed: int) -> float:
    from models.demo.seed import seed_demo

    result = create_database(target, username=USER, password=PASSWORD)
    try:
        summary = seed_demo(result.database, result.actor, victims=victims, seed=seed)
    finally:
        result.database.dispose()
    return round(summary.seconds, 2)


def _url_database(target: ServerUrl) -> str:
    from sqlalchemy.engine import make_url

    return str(make_url(target.url).database)


def _on_database(server: ServerUrl, database: str) -> ServerUrl:
    from sqlalchemy.engine import make_url

    url = make_url(server.url).set(database=database)
    return ServerUrl.parse(url.render_as_string(hide_password=False))


def conninfo(target: ServerUrl) -> str:
    """The server database as a libpq connection string, for psycopg directly (the
    password, as for the app, from libpq's own places)."""
    return target.url.replace("postgresql+psycopg://", "postgresql://", 1)


def prepare_server(server: ServerUrl, victims: int, seed: int) -> tuple[ServerUrl, float]:
    """The seeded server database for (victims, seed), built once on ``server``: a
    database ``suoja_bench_n<N>_s<seed>_k3``, its seed time kept as the database's
    comment (written last, so a database without one was not finished and is built
    again)."""
    import psycopg
    from psycopg import sql

    name = f"suoja_bench_n{victims}_s{seed}_{GENERATION}"
    with psycopg.connect(conninfo(server), autocommit=True) as connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = %s", (name,)).fetchone()
        if row is not None and row[0]:
            return _on_database(server, name), float(json.loads(row[0])["seed_s"])
        if row is not None:  # an unfinished seeding
            connection.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(
                sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    target = _on_database(server, name)
    seconds = _seed(target, victims, seed)
    with psycopg.connect(conninfo(server), autocommit=True) as connection:
        connection.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(
            sql.Identifier(name), sql.Literal(json.dumps({"seed_s": seconds}))))
    return target, seconds


class PrivateServer:
    """A PostgreSQL server of the benchmark's own, its data folder kept in the cache
    folder (so are the seeded databases); Unix socket only. As root it runs as the
    ``postgres`` user, as the tests' server does (``tests/helpers/pg_server.py``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.data = self.folder / "data"
        self.socket = self.folder / "socket"
        self._run_as: list[str] = []
        self._bin = self._binaries()

    @staticmethod
    def _binaries() -> Path:
        found = shutil.which("initdb")
        if found:
            return Path(found).parent
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not candidates:
            raise SystemExit("--postgres: no PostgreSQL server programs (initdb, pg_ctl); "
                             "install PostgreSQL or give --db-url")
        return candidates[-1].parent

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([*self._run_as, *command], check=check, capture_output=True)

    def start(self) -> ServerUrl:
        if len(str(self.socket)) > 90:  # a Unix socket's path has a short limit
            raise SystemExit(f"--postgres: the cache folder's path is too long for a "
                             f"socket: {self.socket}")
        self.socket.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            if runuser is None:
                raise SystemExit("--postgres: running as root and 'runuser' is missing")
            self._run_as = [runuser, "-u", "postgres", "--"]
            for path in (self.folder, self.socket):
                shutil.chown(path, "postgres")
        if not (self.data / "PG_VERSION").exists():
            self._run(str(self._bin / "initdb"), "-D", str(self.data), "-U", "suoja",
                      "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")
        # One left running by an interrupted run is stopped first.
        self._run(str(self._bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop",
                  check=False)
        options = (f"-c listen_addresses='' -c unix_socket_directories='{self.socket}' "
                   "-c max_connections=100")
        try:
            self._run(str(self._bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                      "-l", str(self.folder / "server.log"), "-w", "start")
        except subprocess.CalledProcessError as error:
            raise SystemExit("--postgres: the server did not start: "
                             + error.stderr.decode(errors="replace")[-500:]) from None
        return ServerUrl.parse(f"postgresql+psycopg://suoja@/postgres?host={self.socket}")

    def stop(self) -> None:
        self._run(str(self._bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop",
                  check=False)


def plain_copy(db_path: Path, data_key: bytes) -> Path:
    """An unencrypted copy for the "floor" measurements (never leaves the cache folder)."""
    import sqlcipher3.dbapi2 as sqlcipher

    target = db_path.with_name("plain.db")
    if target.exists() and target.stat().st_size:
        return target
    target.unlink(missing_ok=True)  # empty: a copy cut short, or opened before it was made
    connection = sqlcipher.connect(str(db_path))
    connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    connection.execute("SELECT sqlcipher_export('plain')")
    connection.execute("DETACH DATABASE plain")
    connection.close()
    return target


@contextmanager
def raw_connection(place: Place, data_key: bytes) -> Iterator[tuple[Any, str]]:
    """A connection past the app (plain ``sqlite3`` on an unencrypted copy, or psycopg on
    the server) and its parameter marker."""
    if isinstance(place.target, ServerUrl):
        import psycopg

        with psycopg.connect(conninfo(place.target), autocommit=True) as server:
            yield server, "%s"
        return
    plain = sqlite3.connect(plain_copy(place.target, data_key))
    try:
        yield plain, "?"
    finally:
        plain.close()


# -- searches ---------------------------------------------------------------------------

RAW_SQL = {
    "name": "SELECT c.id FROM case_file c JOIN victim v ON v.id = c.victim_id "
            "WHERE v.search_last_name >= ? AND v.search_last_name < ? ORDER BY c.reference",
    "identity_code": "SELECT c.id FROM case_file c JOIN victim v ON v.id = c.victim_id "
                     "WHERE v.identity_code = ? ORDER BY c.reference",
    "reference": "SELECT id FROM case_file WHERE reference = ?",
    "police_report": "SELECT case_id FROM police_report WHERE report_number = ?",
    "phone": "SELECT c.id FROM case_file c JOIN victim v ON v.id = c.victim_id "
             "WHERE v.phone = ? ORDER BY c.reference",
    "email": "SELECT c.id FROM case_file c JOIN victim v ON v.id = c.victim_id "
             "WHERE v.email = ? ORDER BY c.reference",
    "wallet": "SELECT DISTINCT case_id FROM extortion_contact WHERE wallet_address = ?",
}

SAMPLE_SQL = {
    "name": "SELECT last_name FROM victim",
    "identity_code": "SELECT identity_code FROM victim WHERE identity_code IS NOT NULL",
    "reference": "SELECT reference FROM case_file",
    "police_report": "SELECT report_number FROM police_report",
    "phone": "SELECT phone FROM victim WHERE phone IS NOT NULL",
    "email": "SELECT email FROM victim WHERE email IS NOT NULL",
    "wallet": "SELECT wallet_address FROM extortion_contact WHERE wallet_address IS NOT NULL",
}


def drawn(connection: Any, kind: str, count: int, rng: random.Random) -> list[str]:
    """``count`` values of a kind, drawn from the data (in a stable order)."""
    # Sorted, as the server returns rows in no set order; repeats kept, so a common
    # name is drawn as often as counsellors would type it.
    values = sorted(row[0] for row in connection.execute(SAMPLE_SQL[kind]).fetchall()
                    if row[0])
    return rng.sample(values, min(count, len(values)))


def search_samples(connection: Any, seed: int, per_kind: int = 15) -> list[tuple[str, str]]:
    """(kind, text) pairs drawn from the data: what counsellors type."""
    rng = random.Random(seed)
    samples: list[tuple[str, str]] = []
    for kind in RAW_SQL:
        values = drawn(connection, kind, per_kind, rng)
        samples += [(kind, value[:3] if kind == "name" else value) for value in values]
    return samples


def raw_parameters(kind: str, text: str) -> tuple[Any, ...]:
    if kind == "name":
        from models.domain.text import KEY_END, search_key

        key = search_key(text)
        return (key, key + KEY_END)
    return (text,)


def raw_search_ms(connection: Any, samples: list[tuple[str, str]], repeat: int,
                  marker: str = "?") -> list[float]:
    """Each sample's index probe, straight on the connection (seconds, every run)."""
    timings = []
    for kind, text in samples:
        parameters = raw_parameters(kind, text)
        sql = RAW_SQL[kind].replace("?", marker)
        connection.execute(sql, parameters).fetchall()
        for _ in range(repeat):
            started = time.perf_counter()
            connection.execute(sql, parameters).fetchall()
            timings.append(time.perf_counter() - started)
    return timings


# -- the measurements -------------------------------------------------------------------


def measure(place: Place, victims: int, seed: int, repeat: int) -> dict[str, Any]:
    target = place.target
    results: dict[str, Any] = {"victims": victims, "seed": seed, "database": place.kind,
                               "database_name": place.name, "seed_s": place.seed_s}

    keys = load_key_slots(target)
    slot = next(s for s in keys.slots if s.kind == SLOT_USER and s.name == USER)
    results["kdf_ms"] = _median_ms(lambda: slot.kdf.derive(PASSWORD, slot.salt), repeat)
    keyring = keys.unwrap(SLOT_USER, USER, PASSWORD)

    def unlock() -> None:
        database, _actor = open_unlocked(target, keys, keyring, USER)
        database.dispose()

    results["unlock_ms"] = _median_ms(unlock, repeat)

    database, actor = open_database(target, USER, PASSWORD)
    svc = services.build(database, actor)
    try:
        if database.on_server:
            with database.engine.connect() as connection:
                results["server_version"] = connection.exec_driver_sql(
                    "SHOW server_version").scalar()
                # What the write figures (seed, rotation) depend on.
                results["server_settings"] = {
                    name: connection.exec_driver_sql(f"SHOW {name}").scalar()
                    for name in ("fsync", "synchronous_commit", "shared_buffers")}
        with raw_connection(place, keyring.storage) as (raw, marker):
            samples = search_samples(raw, seed)
            typed = typed_samples(raw, seed, repeat)
            call, results["search_call"] = list_search(svc)
            service_timings = []
            for _kind, text in samples:
                search = CaseFilter(text=text)
                call(search)
                for _ in range(repeat):
                    service_timings.append(_timed(partial(call, search)))
            results["search_p50_ms"] = _ms(statistics.median(service_timings))
            results["search_p95_ms"] = _ms(_p95(service_timings))
            floor = raw_search_ms(raw, samples, repeat, marker)
        results["raw_search_p50_ms"] = _ms(statistics.median(floor))
        results["search_ratio"] = round(statistics.median(service_timings)
                                        / statistics.median(floor), 2)
        results["cipher_ratio"] = None
        if not database.on_server:
            with database.engine.connect() as connection:
                ciphered = raw_search_ms(connection.connection.dbapi_connection, samples,
                                         repeat)
            results["cipher_ratio"] = round(statistics.median(ciphered)
                                            / statistics.median(floor), 2)

        results.update(measure_gui(svc, typed, repeat))
        with database.engine.connect() as connection:
            largest = connection.exec_driver_sql(
                "SELECT case_id FROM support_session GROUP BY case_id "
                "ORDER BY count(*) DESC, case_id LIMIT 1").scalar()
        if largest is None:
            raise RuntimeError("the seeded database has no support sessions")
        results["case_open_ms"] = _median_ms(partial(svc.cases.get_detail, int(largest)),
                                             repeat)
        results["dashboard_ms"] = _median_ms(svc.analysis.dashboard, repeat)
        results.update(exports_benchmark(svc, repeat))
    finally:
        database.dispose()
    results["rss_mb"] = measure_rss(place)
    results["key_rotation_s"] = measure_rotation(place)
    results["startup_ms"] = measure_startup(place, repeat)
    return results


def list_search(svc: services.Services) -> tuple[Callable[[CaseFilter], Any], str]:
    """The service call a search in the case list makes, and its name: the count and
    first page of a windowed list where the service offers one (``open_list``, issue 19),
    else every matching id in display order."""
    windowed = getattr(svc.case_list, "open_list", None)
    if windowed is not None:
        return windowed, "case_list.open_list"
    return svc.case_list.list_case_ids, "case_list.list_case_ids"


def measure_rotation(place: Place) -> float:
    """Seconds to rotate every key (what locking an account does): new grants, every
    sealed value re-sealed, and on SQLite the file re-encrypted with PRAGMA rekey. On a
    copy: of the file, or of the server database (``CREATE DATABASE … TEMPLATE``)."""
    from models.storage.rotation import rotate_keys

    with _copy_of(place) as copy:
        database, actor = open_database(copy, USER, PASSWORD)
        try:
            started = time.perf_counter()
            report = rotate_keys(database, user_id=actor.user_id, reason="benchmark")
            seconds = time.perf_counter() - started
        finally:
            database.dispose()
    if report.unfinished or report.resealed <= 0:
        raise RuntimeError("the key rotation did not finish")
    return round(seconds, 2)


@contextmanager
def _copy_of(place: Place) -> Iterator[Target]:
    """A throw-away copy of the seeded database (nobody may be connected to it)."""
    if isinstance(place.target, ServerUrl):
        import psycopg
        from psycopg import sql

        name = place.name + "_copy"
        admin = conninfo(place.target)

        def drop() -> None:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)))

        drop()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(place.name)))
        try:
            yield _on_database(place.target, name)
        finally:
            drop()
        return
    db_path = place.target
    with tempfile.TemporaryDirectory(dir=db_path.parent) as folder:
        copy = Path(folder) / "copy.db"
        shutil.copy(db_path, copy)
        shutil.copy(keyfile_path(db_path), keyfile_path(copy))
        yield copy


def measure_startup(place: Place, repeat: int) -> float | None:
    """bench/startup.py's figure (process start to the sign-in window shown), or None
    where that module is not there (yet)."""
    if not (BENCH / "startup.py").exists():
        return None
    if str(BENCH) not in sys.path:
        sys.path.append(str(BENCH))
    from startup import startup_ms

    return round(float(startup_ms(place.arguments(), repeat)), 2)


def exports_benchmark(svc: services.Services, repeat: int) -> dict[str, float]:
    """One police summary (load + audit + render), and 100 with the batch exporter."""
    from models.pdf.data import Profile

    case_ids = svc.case_list.list_case_ids()
    sample = random.Random(5).sample(case_ids, min(10, len(case_ids)))
    singles = []
    for case_id in sample:
        svc.exports.render_case(case_id, Profile.POLICE)
        singles.append(statistics.median(
            _timed(partial(svc.exports.render_case, case_id, Profile.POLICE))
            for _ in range(repeat)))
    batch_ids = case_ids[:100]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = svc.exports.export_cases(batch_ids, Profile.POLICE, Path(folder))
        batch_s = time.perf_counter() - started
    if len(result.written) != len(batch_ids):
        raise RuntimeError("the batch did not write every PDF")
    return {"pdf_case_ms": _ms(statistics.median(singles)),
            "pdf_batch_100_s": round(batch_s, 2)}


# -- the main window ----------------------------------------------------------------------


def typed_samples(connection: Any, seed: int, repeat: int) -> list[str]:
    """What a counsellor types into the search box: per round a last name, an identity
    code and a police report number, drawn from the data."""
    rng = random.Random(seed + 1)
    rounds = repeat + 1  # the first is typed to warm up, untimed
    columns = [drawn(connection, kind, rounds, rng)
               for kind in ("name", "identity_code", "police_report")]
    return [column[n % len(column)] for n in range(rounds) for column in columns if column]


class _Painted:
    """Counts the paints of a widget (its paint events, seen before they are handled)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class Filter(QObject):
            count = 0

            def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
                if event.type() == paint:
                    self.count += 1
                return False

        self._filter = Filter()
        self._widget = widget
        widget.installEventFilter(self._filter)

    @property
    def count(self) -> int:
        return self._filter.count

    def __enter__(self) -> _Painted:
        return self

    def __exit__(self, *_exception: object) -> None:
        self._widget.removeEventFilter(self._filter)


def _until_painted(app: Any, painted: _Painted, before: int) -> None:
    """Handle events until the widget has painted since ``before`` (a paint is due: the
    view was reset or scrolled), or for a hundred rounds of events without one."""
    app.processEvents()
    for _ in range(100):
        if painted.count > before:
            return
        app.processEvents()


def _key(widget: Any, character: str) -> None:
    """Press and release the key of ``character`` in ``widget``, as the keyboard would
    (through the application's event filters: the idle watcher, the lock key)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    upper = character.upper()
    try:
        key = Qt.Key(ord(upper if len(upper) == 1 else character))
    except ValueError:
        key = Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                 character))


def keystroke_timings(app: Any, window: MainWindow, typed: list[str]) -> list[float]:
    """Seconds from each key to the table painted with its rows, typing ``typed`` one
    character at a time; the first text is typed to warm up and not counted.

    The search box waits for a pause in the typing (a single-shot timer of the case
    list); here the timer the key started is stopped and its work done at once, so each
    figure is the key's own handling, the work the pause triggers and the paint, without
    the deliberate wait.
    """
    from PySide6.QtCore import QTimer

    search = window.search
    timers = window.case_list.findChildren(QTimer)
    timings: list[float] = []
    debounced = 0
    with _Painted(window.table.viewport()) as painted:
        for number, text in enumerate(typed):
            search.clear()  # untimed: the full list again
            for timer in timers:
                timer.stop()
            window.apply_search()
            _until_painted(app, painted, painted.count)
            for character in text:
                before = painted.count
                waiting = [timer for timer in timers if not timer.isActive()]
                started = time.perf_counter()
                _key(search, character)
                for timer in waiting:
                    if timer.isActive():  # the typing pause's timer, which this key started
                        timer.stop()
                        timer.timeout.emit()
                        debounced += 1
                _until_painted(app, painted, before)
                if number:
                    timings.append(time.perf_counter() - started)
            if search.text() != text:
                raise RuntimeError("the search box did not get the typed text")
    if not debounced:
        raise RuntimeError("no keystroke started a search")
    return timings


def scroll_to_end(app: Any, window: MainWindow, limit_s: float = 300) -> None:
    """Scroll the main window's case list to its end, until its last case's row is
    painted (a list that fetches more rows as it scrolls is scrolled until it has none
    left to fetch)."""
    from PySide6.QtCore import QModelIndex

    table, model = window.table, window.model
    deadline = time.perf_counter() + limit_s
    with _Painted(table.viewport()) as painted:
        while True:
            before = painted.count
            table.scrollToBottom()
            _until_painted(app, painted, before)
            rows = model.rowCount()
            if (painted.count > before and not model.canFetchMore(QModelIndex()) and rows
                    and table.visualRect(model.index(rows - 1, 0)).intersects(
                        table.viewport().rect())):
                return
            if time.perf_counter() > deadline:
                raise RuntimeError("the case list did not reach its last row")


def open_main_window(svc: services.Services) -> tuple[Any, MainWindow]:
    """The main window on *All cases*, shown, with its first page painted."""
    from PySide6.QtWidgets import QApplication

    from gui.shared.navigation import ALL_CASES
    from gui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(svc)
    window.resize(1100, 700)
    window.show()
    window.select_place(ALL_CASES)
    app.processEvents()
    return app, window


def close_main_window(window: MainWindow) -> None:
    """Close the window as the app does at exit: on a server its change listener stops
    (its connection would keep the database in use); the services stay usable."""
    window.close()
    window.session.close()


def measure_gui(svc: services.Services, typed: list[str], repeat: int) -> dict[str, float]:
    app, window = open_main_window(svc)
    try:
        with _Painted(window.table.viewport()) as painted:

            def first_page() -> None:
                # What the list does when its filters change: the list from the service,
                # and its first screen painted.
                before = painted.count
                window.case_list.apply_filters()
                _until_painted(app, painted, before)

            results = {"list_first_page_ms": _median_ms(first_page, repeat)}

            def to_the_end() -> float:
                window.table.scrollToTop()
                first_page()  # untimed: a list freshly loaded, as a person opens it
                return _timed(lambda: scroll_to_end(app, window))

            to_the_end()  # warm the caches once
            results["scroll_to_end_ms"] = _ms(statistics.median(
                to_the_end() for _ in range(repeat)))
        window.table.scrollToTop()
        results["keystroke_to_rows_ms"] = _ms(_p95(keystroke_timings(app, window, typed)))
    finally:
        close_main_window(window)
    return results


def measure_rss(place: Place) -> float:
    """Peak memory of a fresh process with the full case list open, scrolled to the end
    once."""
    target = place.target.url if isinstance(place.target, ServerUrl) else str(place.target)
    output = subprocess.run(
        [sys.executable, __file__, "--rss-probe", target],
        capture_output=True, text=True, check=True, timeout=1800,
    ).stdout
    return float(output.strip().splitlines()[-1])


def rss_probe(target: Target) -> None:
    database, actor = open_database(target, USER, PASSWORD)
    try:
        app, window = open_main_window(services.build(database, actor))
        scroll_to_end(app, window)
        peak_kb = peak_rss_kb()
        close_main_window(window)
    finally:
        database.dispose()
    print(round(peak_kb / 1024, 1))


def peak_rss_kb() -> int:
    """This process's peak resident memory in KiB: Linux's VmHWM, which belongs to the
    process's own memory since its exec. ``ru_maxrss`` is not that: Linux carries it over
    from the forked parent (the benchmark, which may hold a seed's page cache), so a probe
    started from a big process reported the parent's peak."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# -- output -------------------------------------------------------------------------------


def database_label(results: dict[str, Any]) -> str:
    if results["database"] == "postgresql":
        return f"PostgreSQL {results.get('server_version', '')}".strip()
    return "SQLite (SQLCipher)"


def table(results: dict[str, Any]) -> str:
    victims = results["victims"]
    column = "40,000" if victims <= SMALL_LIMIT else "200,000"
    lines = [f"Suoja benchmark — {victims:,} victims (seed {results['seed']}) on "
             f"{database_label(results)}; targets of the {column} column",
             f"{'figure':<22}{'measured':>14}{'target':>12}  ok"]
    for key, (target, unit) in targets_for(victims).items():
        value = results.get(key)
        shown = "n/a" if value is None else f"{value:,.2f} {unit}"
        limit = "" if target is None else f"≤ {target:,g} {unit}"
        verdict = "" if value is None or target is None else ("yes" if value <= target else "NO")
        lines.append(f"{key:<22}{shown:>14}{limit:>12}  {verdict}")
    load = results.get("load_average")
    if load:
        lines.append(f"load average {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} (at the end)")
    return "\n".join(lines)


def _isolate_workstation(cache: Path) -> None:
    """The app's per-user folders (audit anchors, pins, window settings) in the cache
    folder: the benchmark neither reads nor writes a person's own. Processes it starts
    inherit them."""
    home = (cache / "workstation").resolve()
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--victims", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--cache", type=Path, default=CACHE,
                        help="where seeded databases are kept (default bench/.cache)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db-url", help="a PostgreSQL server (a database URL it connects "
                       "to, e.g. .../postgres) where it may create its own database")
    where.add_argument("--postgres", action="store_true",
                       help="start a private PostgreSQL server, its data kept in the cache")
    parser.add_argument("--rss-probe", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_probe:
        probed = args.rss_probe
        rss_probe(ServerUrl.parse(probed) if probed.startswith("postgres") else Path(probed))
        return 0
    if args.repeat < 2:
        parser.error("--repeat must be at least 2")
    args.cache.mkdir(parents=True, exist_ok=True)
    _isolate_workstation(args.cache)
    private = PrivateServer(args.cache / "postgres") if args.postgres else None
    try:
        if private is not None or args.db_url:
            server = private.start() if private is not None else ServerUrl.parse(args.db_url)
            target, seed_s = prepare_server(server, args.victims, args.seed)
            place = Place(target, seed_s)
        else:
            db_path, seed_s = prepare(args.victims, args.seed, args.cache)
            place = Place(db_path, seed_s)
        results = measure(place, args.victims, args.seed, args.repeat)
    finally:
        if private is not None:
            private.stop()
    results["not_applicable"] = sorted(NOT_APPLICABLE[place.kind]
                                       | {k for k in ("startup_ms",) if results[k] is None})
    results["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python " \
                         f"{platform.python_version()}"
    results["load_average"] = [round(value, 2) for value in os.getloadavg()]
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
