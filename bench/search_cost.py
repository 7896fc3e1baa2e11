"""The cost of case-list searches, for comparing two versions of the code on one machine.

    python bench/search_cost.py [--victims 40000] [--cache DIR] [--rounds 40]
                                [--postgres | --db-url URL] [--typed]

Runs each of ``bench/run.py``'s search samples ``--rounds`` times through
``case_list.open_list`` (count + first page) on the same cached database and prints the
median over the samples of each sample's best time, and the 95th percentile of each
sample's median time. The best of many runs leaves out what other processes and the
machine's clock did, so two checkouts run one after the other on one machine compare
within a few per cent, where the harness's p50 varies by more than the difference
(BENCHMARKS.md). ``--typed``: every prefix of what the harness's keystroke figure types
(a last name, an identity code, a police report number, per round), as a search box
sees them one key at a time. Run it from each checkout, with a cache of each's own if
their schemas differ; ``--postgres`` and ``--db-url`` as for ``bench/run.py``.
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
from models.storage.server import ServerUrl  # noqa: E402
from models.storage.store import load_key_slots, open_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--victims", type=int, default=40000)
    parser.add_argument("--cache", type=Path, default=harness.CACHE)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--typed", action="store_true",
                        help="every prefix of the keystroke figure's typed texts")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db-url", help="a PostgreSQL server, as for bench/run.py")
    where.add_argument("--postgres", action="store_true",
                       help="the private PostgreSQL server bench/run.py keeps in the cache")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    harness._isolate_workstation(args.cache)  # the anchors of bench/run.py's databases
    private = harness.PrivateServer(args.cache / "postgres") if args.postgres else None
    try:
        if private is not None or args.db_url:
            server = private.start() if private is not None else ServerUrl.parse(args.db_url)
            place = harness.Place(*harness.prepare_server(server, args.victims, 1))
        else:
            place = harness.Place(*harness.prepare(args.victims, 1, args.cache))
        texts = _texts(place, args.typed)
        best, typical = _timed(place, texts, args.rounds)
    finally:
        if private is not None:
            private.stop()
    print(f"{place.kind}, {args.victims} victims, {len(texts)} searches × {args.rounds}: "
          f"median of the best times {statistics.median(best) * 1000:.3f} ms, "
          f"p95 of the medians {harness._p95(typical) * 1000:.2f} ms")


def _texts(place: harness.Place, typed: bool) -> list[str]:
    keyring = load_key_slots(place.target).unwrap(harness.SLOT_USER, harness.USER,
                                                  harness.PASSWORD)
    with harness.raw_connection(place, keyring.storage) as (raw, marker):
        if marker == "%s":  # psycopg: the harness's samples are written with "?"
            raw = _Question(raw)
        if not typed:
            return [text for _kind, text in harness.search_samples(raw, 1)]
        words = harness.typed_samples(raw, 1, 5)
    return [word[:end] for word in words for end in range(1, len(word) + 1)]


def _timed(place: harness.Place, texts: list[str], rounds: int
           ) -> tuple[list[float], list[float]]:
    """Each text's best and median time over ``rounds`` runs (seconds)."""
    database, actor = open_database(place.target, harness.USER, harness.PASSWORD)
    try:
        svc = services.build(database, actor)
        searches = [CaseFilter(text=text) for text in texts]
        runs: list[list[float]] = [[] for _ in searches]
        for _ in range(rounds):
            for index, search in enumerate(searches):
                started = time.perf_counter()
                svc.case_list.open_list(search)
                runs[index].append(time.perf_counter() - started)
    finally:
        database.dispose()
    return [min(r) for r in runs], [statistics.median(r) for r in runs]


class _Question:
    """A psycopg connection that takes the harness's ``?`` markers."""

    def __init__(self, connection: object) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: tuple[object, ...] = ()) -> object:
        return self._connection.execute(sql.replace("?", "%s"), parameters)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
