"""Suoja's benchmark harness at Vastaamo scale.

    python bench/run.py --victims 40000 [--seed 1] [--json FILE] [--repeat 5]

Builds (or reuses, keyed by N and seed) an encrypted seeded database under
``bench/.cache/``, measures every figure of the benchmark issue through the same code
the app runs, prints a table beside the targets and writes JSON. Times are medians over
repeated runs (p95 where named); milliseconds unless the name says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models import services  # noqa: E402
from models.domain.dto import CaseFilter  # noqa: E402
from models.storage.database import keyfile_path  # noqa: E402
from models.storage.keyfile import SLOT_USER, KeyFile  # noqa: E402
from models.storage.store import create_database, open_database, open_unlocked  # noqa: E402

USER = "bench"
PASSWORD = "Harness-Kivi-Polku-Tuuli-2"
CACHE = ROOT / "bench" / ".cache"

#: (key, target, unit) — the limits of the benchmark issue at N = 40,000.
TARGETS: list[tuple[str, float | None, str]] = [
    ("seed_s", 60, "s"),
    ("unlock_ms", 50, "ms"),
    ("kdf_ms", None, "ms"),
    ("search_p50_ms", None, "ms"),
    ("search_p95_ms", 30, "ms"),
    ("raw_search_p50_ms", None, "ms"),
    ("search_ratio", 3, "×"),
    ("cipher_ratio", 1.5, "×"),
    ("list_first_page_ms", 100, "ms"),
    ("keystroke_to_rows_ms", 50, "ms"),
    ("case_open_ms", 50, "ms"),
    ("dashboard_ms", 200, "ms"),
    ("pdf_case_ms", 150, "ms"),
    ("pdf_batch_100_s", 10, "s"),
    ("rss_mb", 300, "MB"),
    ("key_rotation_s", 60, "s"),
]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _timed(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _median_ms(function: Callable[[], Any], repeat: int) -> float:
    function()  # warm the caches once, as a user's second action would find them
    return _ms(statistics.median(_timed(function) for _ in range(repeat)))


# -- the database -----------------------------------------------------------------------


def prepare(victims: int, seed: int, cache: Path = CACHE) -> tuple[Path, float]:
    """The seeded database for (victims, seed), built once; returns it and the seed time."""
    folder = cache / f"n{victims}-s{seed}-k3"  # k3: key file version 2, signed records
    db_path = folder / "bench.db"
    info = folder / "seed.json"
    if db_path.exists() and info.exists():
        return db_path, float(json.loads(info.read_text())["seed_s"])
    from models.demo.seed import seed_demo

    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        stale.unlink()
    result = create_database(db_path, username=USER, password=PASSWORD)
    try:
        summary = seed_demo(result.database, result.actor, victims=victims, seed=seed)
    finally:
        result.database.dispose()
    info.write_text(json.dumps({"seed_s": round(summary.seconds, 2)}))
    return db_path, round(summary.seconds, 2)


def plain_copy(db_path: Path, data_key: bytes) -> Path:
    """An unencrypted copy for the "floor" measurements (never leaves bench/.cache)."""
    import sqlcipher3.dbapi2 as sqlcipher

    target = db_path.with_name("plain.db")
    if target.exists():
        return target
    connection = sqlcipher.connect(str(db_path))
    connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    connection.execute("SELECT sqlcipher_export('plain')")
    connection.execute("DETACH DATABASE plain")
    connection.close()
    return target


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


def search_samples(connection: Any, seed: int, per_kind: int = 15) -> list[tuple[str, str]]:
    """(kind, text) pairs drawn from the data: what counsellors type."""
    rng = random.Random(seed)

    def column(sql: str) -> list[str]:
        values = [row[0] for row in connection.execute(sql).fetchall() if row[0]]
        return rng.sample(values, min(per_kind, len(values)))

    samples: list[tuple[str, str]] = []
    samples += [("name", v[:3]) for v in column("SELECT last_name FROM victim")]
    samples += [("identity_code", v) for v in column(
        "SELECT identity_code FROM victim WHERE identity_code IS NOT NULL")]
    samples += [("reference", v) for v in column("SELECT reference FROM case_file")]
    samples += [("police_report", v) for v in column("SELECT report_number FROM police_report")]
    samples += [("phone", v) for v in column("SELECT phone FROM victim WHERE phone IS NOT NULL")]
    samples += [("email", v) for v in column("SELECT email FROM victim WHERE email IS NOT NULL")]
    samples += [("wallet", v) for v in column(
        "SELECT wallet_address FROM extortion_contact WHERE wallet_address IS NOT NULL")]
    return samples


def raw_parameters(kind: str, text: str) -> tuple[Any, ...]:
    if kind == "name":
        from models.domain.text import KEY_END, search_key

        key = search_key(text)
        return (key, key + KEY_END)
    return (text,)


def raw_search_ms(connection: Any, samples: list[tuple[str, str]], repeat: int) -> list[float]:
    timings = []
    for kind, text in samples:
        parameters = raw_parameters(kind, text)
        sql = RAW_SQL[kind]
        connection.execute(sql, parameters).fetchall()
        for _ in range(repeat):
            started = time.perf_counter()
            connection.execute(sql, parameters).fetchall()
            timings.append(time.perf_counter() - started)
    return timings


# -- the measurements -------------------------------------------------------------------


def measure(victims: int, seed: int, repeat: int, cache: Path = CACHE) -> dict[str, Any]:
    db_path, seed_s = prepare(victims, seed, cache)
    results: dict[str, Any] = {"victims": victims, "seed": seed, "seed_s": seed_s}

    keys = KeyFile.load(keyfile_path(db_path))
    slot = next(s for s in keys.slots if s.kind == SLOT_USER and s.name == USER)
    results["kdf_ms"] = _median_ms(lambda: slot.kdf.derive(PASSWORD, slot.salt), repeat)
    keyring = keys.unwrap(SLOT_USER, USER, PASSWORD)
    data_key = keyring.storage

    def unlock() -> None:
        database, _actor = open_unlocked(db_path, keys, keyring, USER)
        database.dispose()

    results["unlock_ms"] = _median_ms(unlock, repeat)

    database, actor = open_database(db_path, USER, PASSWORD)
    svc = services.build(database, actor)
    try:
        plain = sqlite3.connect(plain_copy(db_path, data_key))
        samples = search_samples(plain, seed)
        service_timings = []
        for _kind, text in samples:
            search = CaseFilter(text=text)
            svc.case_list.list_case_ids(search)
            for _ in range(repeat):
                service_timings.append(_timed(lambda s=search: svc.case_list.list_case_ids(s)))
        results["search_p50_ms"] = _ms(statistics.median(service_timings))
        results["search_p95_ms"] = _ms(statistics.quantiles(service_timings, n=20)[-1])
        raw = raw_search_ms(plain, samples, repeat)
        results["raw_search_p50_ms"] = _ms(statistics.median(raw))
        results["search_ratio"] = round(results["search_p50_ms"] / results["raw_search_p50_ms"], 2)
        with database.engine.connect() as connection:
            cipher_connection = connection.connection.dbapi_connection
            ciphered = raw_search_ms(cipher_connection, samples, repeat)
        results["cipher_ratio"] = round(statistics.median(ciphered) / statistics.median(raw), 2)
        plain.close()

        results.update(measure_gui(svc, repeat))
        largest = database.engine.connect().exec_driver_sql(
            "SELECT case_id FROM support_session GROUP BY case_id "
            "ORDER BY count(*) DESC LIMIT 1").scalar()
        results["case_open_ms"] = _median_ms(lambda: svc.cases.get_detail(largest), repeat)
        results["dashboard_ms"] = _median_ms(svc.analysis.dashboard, repeat)
        results.update(measure_pdf(svc, db_path, repeat))
    finally:
        database.dispose()
    results["rss_mb"] = measure_rss(db_path)
    results["key_rotation_s"] = measure_rotation(db_path)
    return results


def measure_rotation(db_path: Path) -> float:
    """Seconds to rotate every key (what locking an account does): new grants, every
    sealed value re-sealed, the file re-encrypted with PRAGMA rekey. On a copy."""
    import shutil
    import tempfile

    from models.storage.rotation import rotate_keys

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "rotate.db"
        shutil.copy(db_path, copy)
        shutil.copy(keyfile_path(db_path), keyfile_path(copy))
        database, actor = open_database(copy, USER, PASSWORD)
        try:
            started = time.perf_counter()
            report = rotate_keys(database, user_id=actor.user_id, reason="benchmark")
            seconds = time.perf_counter() - started
        finally:
            database.dispose()
    assert not report.unfinished and report.resealed > 0
    return round(seconds, 2)


def measure_gui(svc: services.Services, repeat: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from gui.shared.case_table import CaseTableModel
    from gui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    from PySide6.QtWidgets import QTableView

    def first_page() -> None:
        model = CaseTableModel(svc.case_list)
        view = QTableView()
        view.resize(1100, 700)
        view.setModel(model)
        model.reload()
        view.show()
        app.processEvents()  # paints the first screen: data() fetches its page
        view.close()

    results = {"list_first_page_ms": _median_ms(first_page, repeat)}
    window = MainWindow(svc)
    window.resize(1100, 700)
    window.show()
    app.processEvents()
    words = ["mä", "mäk", "vi", "vir", "ko", "kor", "la", "lai", "he", "hei"]
    timings = []
    for index in range(0, len(words), 2):
        window.search.setText(words[index])
        window.apply_search()
        app.processEvents()
        for _ in range(repeat):
            window.search.blockSignals(True)
            window.search.setText(words[index + 1])
            window.search.blockSignals(False)
            started = time.perf_counter()
            window.apply_search()  # what the debounce timer calls after the keystroke
            app.processEvents()  # until the table has painted the new rows
            timings.append(time.perf_counter() - started)
            window.search.setText(words[index])
            window.apply_search()
            app.processEvents()
    window.close()
    results["keystroke_to_rows_ms"] = _ms(statistics.median(timings))
    return results


def measure_pdf(svc: services.Services, db_path: Path, repeat: int) -> dict[str, float | None]:
    """PDF figures, once the PDF export issue provides its service."""
    exports = getattr(svc, "exports", None)
    if exports is None:
        return {"pdf_case_ms": None, "pdf_batch_100_s": None}
    return exports_benchmark(svc, db_path, repeat)


def exports_benchmark(svc: services.Services, db_path: Path, repeat: int
                      ) -> dict[str, float | None]:
    """One police summary (load + audit + render), and 100 with the batch exporter."""
    import tempfile

    from models.pdf.data import Profile

    case_ids = svc.case_list.list_case_ids()
    sample = random.Random(5).sample(case_ids, min(10, len(case_ids)))
    singles = []
    for case_id in sample:
        svc.exports.render_case(case_id, Profile.POLICE)
        singles.append(statistics.median(
            _timed(lambda c=case_id: svc.exports.render_case(c, Profile.POLICE))
            for _ in range(repeat)))
    batch_ids = case_ids[:100]
    with tempfile.TemporaryDirectory(dir=db_path.parent) as folder:
        started = time.perf_counter()
        result = svc.exports.export_cases(batch_ids, Profile.POLICE, Path(folder))
        batch_s = time.perf_counter() - started
    if len(result.written) != len(batch_ids):
        raise RuntimeError("the batch did not write every PDF")
    return {"pdf_case_ms": _ms(statistics.median(singles)),
            "pdf_batch_100_s": round(batch_s, 2)}


def measure_rss(db_path: Path) -> float:
    """Peak memory of a fresh process holding the full case list (all rows scrolled)."""
    output = subprocess.run(
        [sys.executable, __file__, "--rss-probe", str(db_path)],
        capture_output=True, text=True, check=True, timeout=600,
    ).stdout
    return float(output.strip().splitlines()[-1])


def rss_probe(db_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from gui.window.main_window import MainWindow

    app = QApplication([])
    database, actor = open_database(db_path, USER, PASSWORD)
    window = MainWindow(services.build(database, actor))
    window.resize(1100, 700)
    window.show()
    app.processEvents()
    model = window.model
    for row in range(0, model.rowCount(), 97):  # every row page gets loaded
        model.data(model.index(row, 1))
    window.table.scrollToBottom()
    app.processEvents()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    window.close()
    database.dispose()
    print(round(peak_kb / 1024, 1))


# -- output -------------------------------------------------------------------------------


def table(results: dict[str, Any]) -> str:
    lines = [f"Suoja benchmark — {results['victims']:,} victims (seed {results['seed']})",
             f"{'figure':<22}{'measured':>12}{'target':>10}  ok"]
    for key, target, unit in TARGETS:
        value = results.get(key)
        shown = "—" if value is None else f"{value:,.2f} {unit}"
        limit = "" if target is None else f"≤ {target:g} {unit}"
        verdict = "" if value is None or target is None else ("yes" if value <= target else "NO")
        lines.append(f"{key:<22}{shown:>12}{limit:>10}  {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--cache", type=Path, default=CACHE,
                        help="where seeded databases are kept (default bench/.cache)")
    parser.add_argument("--rss-probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_probe:
        rss_probe(args.rss_probe)
        return 0
    results = measure(args.victims, args.seed, args.repeat, args.cache)
    results["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python " \
                         f"{platform.python_version()}"
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
