"""The benchmark harness still runs end to end (at a small N; no time is asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

KEYS = {
    "seed_s", "unlock_ms", "kdf_ms", "search_p50_ms", "search_p95_ms", "raw_search_p50_ms",
    "search_ratio", "cipher_ratio", "list_first_page_ms", "keystroke_to_rows_ms",
    "case_open_ms", "dashboard_ms", "pdf_case_ms", "pdf_batch_100_s", "rss_mb",
}


def test_harness_runs_and_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--victims", "120", "--repeat", "2",
         "--json", str(out), "--cache", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(out.read_text())
    assert KEYS <= figures.keys()
    assert figures["victims"] == 120
    for key in KEYS:
        assert isinstance(figures[key], int | float) and figures[key] > 0, key
    assert "search_p95_ms" in result.stdout  # the table was printed
    # The plain copy used for the floor stays inside the cache folder.
    assert list((tmp_path / "cache").rglob("plain.db"))
