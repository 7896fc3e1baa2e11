"""The load test of ``bench/pg_load.py``, small: ten worker processes writing to one
PostgreSQL database at once, with every check of the full run (no lost writes, refusals
exactly where two writers collided, the audit chain whole). Figures are not asserted;
the full run (10 × 1,000 operations) is in BENCHMARKS.md."""

from __future__ import annotations

from bench import pg_load
from models.storage.server import ServerUrl


def test_ten_workstations_at_once_lose_nothing(server_target: ServerUrl) -> None:
    figures = pg_load.run(server_target, workers=10, ops=20)
    assert figures["problems"] == []
    assert figures["operations"] == 200
    assert figures["inserts_acknowledged"] > 0 and figures["hot_saves"] > 0
