"""bench/dashboard_load.py still runs end to end (small N, one writer; no time asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_load_bench_runs_and_the_figures_agree(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "dashboard_load.py"), "--victims", "120",
         "--writers", "1", "--seconds", "3", "--json", str(out),
         "--cache", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(out.read_text())
    assert figures["figures_equal"] is True
    assert figures["writes_per_s"] > 0 and figures["dashboards"] > 0
    assert figures["dashboard_under_writes_ms"] > 0
