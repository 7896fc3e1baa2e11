"""Load test: many workstations writing to one PostgreSQL database at once.

    .venv/bin/python bench/pg_load.py [--workers 10] [--ops 1000] [--db-url URL]
                                      [--json FILE]

Each worker is a process of its own, signed in as its own counsellor, doing a mix of
real service calls on a shared pool of unassigned intakes:

* 25 % open a case (``get_detail``, an audited read);
* 15 % search the case list;
* 25 % add a follow-up (a new row);
* 35 % edit one of a few *hot* follow-ups that every worker edits: read its version,
  think for 0–3 ms, save. Two workers that read the same version collide; the loser
  gets a ConflictError ("reload") instead of overwriting.

Then it checks, from the database itself:

* no lost writes: every acknowledged new follow-up is there with its text, and nothing
  unacknowledged is;
* conflicts exactly where writers collided: per hot record, the successful saves read
  the versions v0, v0+1, … each exactly once; every refused save read a version some
  other worker's save had already replaced; the stored text is the last saver's;
* no broken audit links: the chain verifies, sequence numbers have no gap.

Without ``--db-url`` a private throw-away server is started (``tests/helpers/pg_server``).
Prints throughput and latency percentiles; exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models import services  # noqa: E402
from models.domain.dto import CaseDraft, CaseFilter, FollowUpDraft, VictimDraft  # noqa: E402
from models.domain.entities import AuditEvent, FollowUp  # noqa: E402
from models.domain.enums import Role  # noqa: E402
from models.domain.errors import ConflictError  # noqa: E402
from models.security.audit import verify_chain  # noqa: E402
from models.storage.keyfile import KdfParams  # noqa: E402
from models.storage.server import ServerUrl  # noqa: E402
from models.storage.store import create_database, open_database  # noqa: E402

PASSWORD = "Kuorma-Testi-Polku-Tuuli-7"
CASES = 40
HOT_RECORDS = 4
DUE = dt.date(2027, 1, 15)
#: Cheap Argon2id: the test measures the database, not the sign-in's deliberate cost.
KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def prepare(target: ServerUrl, workers: int) -> dict[str, Any]:
    """The database: a supervisor, one counsellor per worker, shared cases, hot records."""
    result = create_database(target, username="boss", password=PASSWORD, kdf=KDF)
    try:
        boss = services.build(result.database, result.actor)
        names = [f"counsellor{n:02d}" for n in range(workers)]
        for name in names:
            boss.accounts.create_user(name, name.title(), Role.COUNSELLOR, PASSWORD, kdf=KDF)
        case_ids = [
            boss.cases.create_intake(
                VictimDraft(first_names="Kuorma", last_name=f"Testinen{n:03d}"), CaseDraft()
            ).id
            for n in range(CASES)
        ]
        hot = [boss.records.add_follow_up(case_ids[n], FollowUpDraft(
            due_on=DUE, description="hot record, not yet edited")) for n in range(HOT_RECORDS)]
    finally:
        result.database.dispose()
    return {"names": names, "case_ids": case_ids,
            "hot": [(h.id, h.case_id, h.version) for h in hot]}


def worker(target: ServerUrl, name: str, number: int, ops: int, plan: dict[str, Any],
           results: Any) -> None:
    """One workstation: ``ops`` mixed operations; reports every outcome (or its error)."""
    timings: dict[str, list[float]] = defaultdict(list)
    inserted: list[tuple[int, str]] = []
    edits: list[tuple[int, int, str, bool]] = []  # (record, version read, text, saved)
    error = ""
    try:
        _work(target, name, number, ops, plan, timings, inserted, edits)
    except Exception as failure:  # reported to the parent, which fails the run
        error = f"{type(failure).__name__}: {failure}"
    results.put({"worker": number, "timings": timings, "inserted": inserted, "edits": edits,
                 "error": error})


def _work(target: ServerUrl, name: str, number: int, ops: int, plan: dict[str, Any],
          timings: dict[str, list[float]], inserted: list[tuple[int, str]],
          edits: list[tuple[int, int, str, bool]]) -> None:
    database, actor = open_database(target, name, PASSWORD)
    svc = services.build(database, actor)
    rng = random.Random(number)
    try:
        for i in range(ops):
            roll = rng.random()
            started = time.perf_counter()
            if roll < 0.25:
                kind = "open_case"
                svc.cases.get_detail(rng.choice(plan["case_ids"]))
            elif roll < 0.40:
                kind = "search"
                svc.case_list.list_case_ids(CaseFilter(text=f"testinen{rng.randrange(CASES):03d}"))
            elif roll < 0.65:
                kind = "add_follow_up"
                words = f"w{number:02d}-op{i:04d}"
                created = svc.records.add_follow_up(
                    rng.choice(plan["case_ids"]), FollowUpDraft(due_on=DUE, description=words))
                inserted.append((created.id, words))
            else:
                kind = "edit_hot_record"
                record_id, case_id, _ = rng.choice(plan["hot"])
                current = next(f for f in svc.cases.get_detail(case_id).follow_ups or ()
                               if f.id == record_id)
                time.sleep(rng.random() * 0.003)  # the counsellor types
                words = f"w{number:02d}-op{i:04d}"
                try:
                    svc.records.update_follow_up(record_id, current.version,
                                                 FollowUpDraft(due_on=DUE, description=words))
                    edits.append((record_id, current.version, words, True))
                except ConflictError:
                    edits.append((record_id, current.version, words, False))
            timings[kind].append(time.perf_counter() - started)
    finally:
        database.dispose()


def check(target: ServerUrl, plan: dict[str, Any], reports: list[dict[str, Any]]
          ) -> list[str]:
    """Every check of the module docstring; returns the problems found (none: passed)."""
    problems: list[str] = []
    database, actor = open_database(target, "boss", PASSWORD)
    try:
        from sqlalchemy import select

        with database.reading() as db_session:
            stored = dict(db_session.execute(select(FollowUp.id, FollowUp.description)).all())
            hot_rows = {f.id: (f.version, f.description) for f in db_session.scalars(
                select(FollowUp).where(FollowUp.id.in_([h[0] for h in plan["hot"]])))}
            seqs = db_session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
            chain = verify_chain(db_session, database.chain_key)
    finally:
        database.dispose()
    acknowledged = {row_id: words for r in reports for row_id, words in r["inserted"]}
    lost = [i for i, words in acknowledged.items() if stored.get(i) != words]
    if lost:
        problems.append(f"{len(lost)} acknowledged inserts are missing or changed")
    extra = [i for i, d in stored.items() if d.startswith("w") and "-op" in d
             and i not in acknowledged and i not in hot_rows]
    if extra:
        problems.append(f"{len(extra)} inserts nobody acknowledged are stored")
    edits = [(rec, version, words, saved, r["worker"]) for r in reports
             for rec, version, words, saved in r["edits"]]
    for record_id, _case_id, first_version in plan["hot"]:
        mine = [e for e in edits if e[0] == record_id]
        saved = sorted((e for e in mine if e[3]), key=lambda e: e[1])
        versions = [e[1] for e in saved]
        if versions != list(range(first_version, first_version + len(saved))):
            problems.append(f"record {record_id}: saves read versions {versions[:8]}…, "
                            "not one each in order (a lost update)")
        final_version, final_text = hot_rows[record_id]
        if final_version != first_version + len(saved):
            problems.append(f"record {record_id}: version {final_version} after "
                            f"{len(saved)} saves")
        if saved and final_text != saved[-1][2]:
            problems.append(f"record {record_id}: the stored text is not the last save's")
        winners = {e[1]: e[4] for e in saved}
        for _rec, version, _words, ok, who in mine:
            if not ok and (version not in winners or winners[version] == who):
                problems.append(f"record {record_id}: a save of version {version} was "
                                "refused without another writer's save of that version")
    if not chain.ok:
        problems.append(f"audit chain: {chain.problem}")
    if list(seqs) != list(range(1, len(seqs) + 1)):
        problems.append("audit sequence numbers have gaps or repeats")
    return problems


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def run(target: ServerUrl, workers: int, ops: int) -> dict[str, Any]:
    plan = prepare(target, workers)
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [context.Process(target=worker, args=(target, name, n, ops, plan, results))
                 for n, name in enumerate(plan["names"])]
    started = time.perf_counter()
    for process in processes:
        process.start()
    reports = [results.get(timeout=3600) for _ in processes]
    wall = time.perf_counter() - started
    for process in processes:
        process.join()
    problems = check(target, plan, reports)
    problems += [f"worker {r['worker']} stopped: {r['error']}" for r in reports if r["error"]]
    every = [t for r in reports for ts in r["timings"].values() for t in ts]
    by_kind: dict[str, list[float]] = defaultdict(list)
    for r in reports:
        for kind, ts in r["timings"].items():
            by_kind[kind].extend(ts)
    edits = [e for r in reports for e in r["edits"]]
    return {
        "workers": workers, "ops_per_worker": ops, "operations": len(every),
        "seconds": round(wall, 2), "ops_per_second": round(len(every) / wall, 1),
        "p50_ms": round(1000 * statistics.median(every), 1),
        "p95_ms": round(1000 * percentile(every, 0.95), 1),
        "p95_ms_by_kind": {k: round(1000 * percentile(v, 0.95), 1)
                           for k, v in sorted(by_kind.items())},
        "inserts_acknowledged": sum(len(r["inserted"]) for r in reports),
        "hot_saves": sum(1 for e in edits if e[3]),
        "conflicts": sum(1 for e in edits if not e[3]),
        "problems": problems,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--ops", type=int, default=1000)
    parser.add_argument("--db-url", help="an empty server database (default: a private "
                        "throw-away server)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    server = None
    if args.db_url:
        target = ServerUrl.parse(args.db_url)
    else:
        from tests.helpers import pg_server

        server, why = pg_server.start()
        if server is None:
            print(f"pg_load: {why}", file=sys.stderr)
            return 2
        target = ServerUrl.parse(server.url_for(server.create_database()))
    try:
        figures = run(target, args.workers, args.ops)
    finally:
        if server is not None:
            server.stop()
    print(f"{figures['workers']} workers × {figures['ops_per_worker']} operations: "
          f"{figures['operations']} in {figures['seconds']} s = "
          f"{figures['ops_per_second']} operations/s")
    print(f"latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms; by kind (p95): "
          + ", ".join(f"{k} {v} ms" for k, v in figures["p95_ms_by_kind"].items()))
    print(f"inserts acknowledged {figures['inserts_acknowledged']}, hot-record saves "
          f"{figures['hot_saves']}, conflicts refused {figures['conflicts']}")
    print("checks: " + ("no lost writes, conflicts only where writers collided, audit chain "
                        "whole" if not figures["problems"] else "; ".join(figures["problems"])))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if not figures["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
