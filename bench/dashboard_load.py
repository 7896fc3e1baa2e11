"""The dashboard while other workstations write.

    python bench/dashboard_load.py --victims 40000 [--writers 2] [--seconds 20]
        [--cache DIR] [--json FILE]

Opens the database bench/run.py seeded (same cache, same account) and starts ``--writers``
processes that each sign in on their own and save casework through the services as fast as
they can, as counsellors on other workstations would: a case's risk level and holder, its
status, a support session (with a follow-up planned), a follow-up done, an extortion contact
and a police report added. Meanwhile this process times ``svc.analysis.dashboard`` (one unit of
work, warm) over and over, then checks that the figures it reads from the tallies equal the
figures counted row by row in one snapshot. Prints the medians, the p95, the writes per
second the writers managed, and the load average.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import CACHE, PASSWORD, USER, prepare  # noqa: E402
from models import services  # noqa: E402
from models.storage.store import open_database  # noqa: E402


def _write(db_path: Path, seed: int, stop_at: float, done: Any) -> None:
    """One workstation saving casework until ``stop_at``; counts its units of work."""
    from sqlalchemy import select

    from models.domain.dto import (
        CaseDraft,
        ExtortionContactDraft,
        PoliceReportDraft,
        SupportSessionDraft,
    )
    from models.domain.entities import Case, FollowUp, User
    from models.domain.enums import CaseStatus, Channel, RiskLevel, Role
    from models.domain.errors import KnownError

    database, actor = open_database(db_path, USER, PASSWORD)
    svc = services.build(database, actor)
    rng = random.Random(seed)
    with database.reading() as db_session:
        case_ids = list(db_session.scalars(
            select(Case.id).where(Case.status != CaseStatus.CLOSED.value)))
        counsellors = list(db_session.scalars(
            select(User.id).where(User.role == Role.COUNSELLOR.value, User.is_active)))
    now = dt.datetime.now(dt.UTC)
    try:
        while time.time() < stop_at:
            case_id = rng.choice(case_ids)
            step = rng.randrange(6)
            try:
                if step == 0:
                    case = svc.cases.get_detail(case_id).case
                    svc.cases.update_case(case_id, case.version, CaseDraft(
                        risk_level=rng.choice(list(RiskLevel)),
                        assigned_to_id=rng.choice(counsellors)))
                elif step == 1:
                    case = svc.cases.get_detail(case_id).case
                    svc.cases.set_status(case_id, case.version, rng.choice(
                        [CaseStatus.OPEN, CaseStatus.WAITING]))
                elif step == 2:
                    svc.records.add_support_session(case_id, SupportSessionDraft(
                        started_at=now, notes="Soitto.",
                        next_follow_up_on=now.date() + dt.timedelta(days=rng.randint(-3, 9))))
                elif step == 3:
                    with database.reading() as db_session:
                        row = db_session.execute(
                            select(FollowUp.id, FollowUp.version)
                            .where(FollowUp.case_id == case_id, FollowUp.done.is_(False))
                            .limit(1)).first()
                    if row is not None:
                        svc.records.mark_follow_up_done(row.id, row.version)
                elif step == 4:
                    svc.records.add_extortion_contact(case_id, ExtortionContactDraft(
                        received_at=now, channel=Channel.EMAIL, sender="kuormitus@example.org",
                        message_text="Maksa."))
                else:
                    svc.records.add_police_report(case_id, PoliceReportDraft(
                        report_number=f"5000/R/{rng.randrange(1, 99999)}/26",
                        filed_on=now.date()))
            except KnownError:
                continue  # someone else changed it first; the next one
            with done.get_lock():
                done.value += 1
    finally:
        database.dispose()


def measure(victims: int, seed: int, writers: int, seconds: float,
            cache: Path = CACHE) -> dict[str, Any]:
    db_path, _seed_s = prepare(victims, seed, cache)
    database, actor = open_database(db_path, USER, PASSWORD)  # upgrades an older cache
    svc = services.build(database, actor)
    results: dict[str, Any] = {"victims": victims, "writers": writers, "seconds": seconds}
    try:
        svc.analysis.dashboard()
        idle = []
        for _ in range(9):
            started = time.perf_counter()
            svc.analysis.dashboard()
            idle.append(time.perf_counter() - started)
        results["dashboard_idle_ms"] = round(statistics.median(idle) * 1000, 2)

        context = multiprocessing.get_context("spawn")
        done = context.Value("i", 0)
        start_writing = time.time() + 8  # each writer signs in first (a key derivation)
        stop_at = start_writing + seconds
        processes = [context.Process(target=_write, args=(db_path, seed + i, stop_at, done))
                     for i in range(writers)]
        for process in processes:
            process.start()
        while time.time() < start_writing:
            time.sleep(0.05)
        timings = []
        while time.time() < stop_at:
            started = time.perf_counter()
            svc.analysis.dashboard()
            timings.append(time.perf_counter() - started)
        writes = done.value
        load = os.getloadavg()
        for process in processes:
            process.join()
        results["dashboard_under_writes_ms"] = round(statistics.median(timings) * 1000, 2)
        results["dashboard_under_writes_p95_ms"] = round(
            statistics.quantiles(timings, n=20)[-1] * 1000, 2)
        results["dashboards"] = len(timings)
        results["writes_per_s"] = round(writes / seconds, 1)
        results["load_average"] = [round(x, 2) for x in load]

        from models.domain.base import local_today
        from models.services import figures

        with database.reading() as db_session:
            fast = figures.dashboard(db_session, local_today())
            counted = figures.dashboard_counted(db_session, local_today())
        results["figures_equal"] = dataclasses.asdict(fast) == dataclasses.asdict(counted)
    finally:
        database.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--victims", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = measure(args.victims, args.seed, args.writers, args.seconds, args.cache)
    for key, value in results.items():
        print(f"{key:32s} {value}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    if not results["figures_equal"]:
        sys.exit("the tallies and the counted figures differ")


if __name__ == "__main__":
    main()
