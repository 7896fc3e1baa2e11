"""The CPU cost of a case-list search, for comparing two versions of the code on one machine.

    python bench/search_cost.py [--victims 40000] [--cache DIR] [--rounds 40]

Runs each of ``bench/run.py``'s search samples ``--rounds`` times through
``case_list.open_list`` (count + first page) on the same cached database and prints the
median over the samples of each sample's best time. The best of many runs leaves out what
other processes and the machine's clock did, so two checkouts run one after the other on
one machine compare within a few per cent, where the harness's p50 varies by more than
the difference (BENCHMARKS.md). Run it from each checkout, with a cache of each's own if
their schemas differ.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run as harness  # noqa: E402
from models import services  # noqa: E402
from models.domain.dto import CaseFilter  # noqa: E402
from models.storage.store import load_key_slots, open_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, default=40000)
    parser.add_argument("--cache", type=Path, default=harness.CACHE)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    db_path, seed_s = harness.prepare(args.victims, 1, args.cache)
    database, actor = open_database(db_path, harness.USER, harness.PASSWORD)
    try:
        svc = services.build(database, actor)
        keyring = load_key_slots(db_path).unwrap(harness.SLOT_USER, harness.USER,
                                                 harness.PASSWORD)
        place = harness.Place(target=db_path, seed_s=seed_s)
        with harness.raw_connection(place, keyring.storage) as (raw, _marker):
            samples = harness.search_samples(raw, 1)
        searches = [CaseFilter(text=text) for _kind, text in samples]
        best = [float("inf")] * len(searches)
        for _ in range(args.rounds):
            for index, search in enumerate(searches):
                started = time.perf_counter()
                svc.case_list.open_list(search)
                best[index] = min(best[index], time.perf_counter() - started)
    finally:
        database.dispose()
    print(f"{len(searches)} searches × {args.rounds}: median of the best times "
          f"{statistics.median(best) * 1000:.3f} ms")


if __name__ == "__main__":
    main()
