"""Startup time: from starting ``main.py`` to the sign-in window on screen (issue 19).

    python bench/startup.py --db PATH [--repeat 5]
    python bench/startup.py --db-url URL [--repeat 5]

Each run starts ``main.py`` with the target as a new process (``QT_QPA_PLATFORM=offscreen``,
its own home and temporary folders) and drives it with the test hook ``SUOJA_TEST_SCRIPT``
(``gui/start/ui_script.py``): wait for the window named ``loginDialog``, then close it
(the process then ends with code 0, as when a person cancels the sign-in). The hook's
report says, in wall-clock time (``time.time()``), when each window was shown; a run's
figure is that moment minus the moment just before the process was started. The figure
is the median over the runs, in milliseconds.

The database must exist and hold Suoja (else the first-run setup is shown, not the
sign-in, and the run fails): ``main.py init`` or ``main.py seed-demo`` make one.

The hook adds no import cost to a measured run: ``gui.start.app`` imports its module on
every start (about 5 ms, ``json`` included; QtTest is loaded only by steps that click or
type). What a measured run does beyond a person's start is the hook's own work: an event
filter on the application and the report written when a window is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
#: The sign-in window's object name (gui/start/login.py).
SIGN_IN_WINDOW = "loginDialog"
#: Seconds a run may take before it is ended and counted as failed.
TIMEOUT_S = 120.0


class StartupFailed(RuntimeError):
    """A run did not show the sign-in window (or did not end after it was closed)."""


def _environment(folder: Path, script: Path) -> dict[str, str]:
    home = folder / "home"
    temp = folder / "tmp"
    for path in (home, temp):
        path.mkdir()
    environment = {
        **os.environ, "HOME": str(home), "USERPROFILE": str(home),
        "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
        "TMPDIR": str(temp), "TMP": str(temp), "TEMP": str(temp),
        "QT_QPA_PLATFORM": "offscreen", "SUOJA_TEST_SCRIPT": str(script),
    }
    environment.pop("SUOJA_PASSWORD", None)
    return environment


def startup_once(target: list[str], *, timeout_s: float = TIMEOUT_S) -> float:
    """Milliseconds from just before starting ``main.py TARGET`` to its sign-in window shown.

    Raises:
        StartupFailed: no sign-in window (a script step failed, a timeout, an exit code
            other than 0 after it was closed).
    """
    with tempfile.TemporaryDirectory(prefix="suoja-startup-") as name:
        folder = Path(name)
        report = folder / "report.json"
        script = folder / "script.json"
        script.write_text(json.dumps({"report": str(report), "steps": [
            {"wait": SIGN_IN_WINDOW, "timeout": timeout_s},
            {"close": SIGN_IN_WINDOW},
        ]}), encoding="utf-8")
        environment = _environment(folder, script)
        started = time.time()
        process = subprocess.Popen(
            [sys.executable, str(MAIN), *target], cwd=folder, env=environment,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            _out, err = process.communicate(timeout=timeout_s + 30)
        except subprocess.TimeoutExpired:
            process.kill()
            _out, err = process.communicate()
            raise StartupFailed(f"main.py did not end within {timeout_s + 30:.0f} s") from None
        entries: list[dict[str, Any]] = (
            json.loads(report.read_text(encoding="utf-8")) if report.exists() else [])
        shown = [entry["time"] for entry in entries
                 if entry.get("event") == "shown" and entry.get("name") == SIGN_IN_WINDOW]
        if not shown or process.returncode != 0:
            windows = [entry.get("name") for entry in entries if entry.get("event") == "shown"]
            raise StartupFailed(
                f"no sign-in window (exit code {process.returncode}, windows shown: "
                f"{windows}); stderr: {err.strip()[-500:]}")
        return (float(shown[0]) - started) * 1000.0


def startup_ms(target: list[str], repeat: int = 5, *, timeout_s: float = TIMEOUT_S) -> float:
    """The median over ``repeat`` runs of :func:`startup_once`, in milliseconds.

    Args:
        target: ``["--db", PATH]`` or ``["--db-url", URL]`` (an existing database).
        timeout_s: how long a run may wait for the sign-in window.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    return statistics.median([startup_once(target, timeout_s=timeout_s)
                              for _ in range(repeat)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path, help="an existing database file")
    where.add_argument("--db-url", help="an existing server database (no password in it)")
    parser.add_argument("--repeat", type=int, default=5, help="runs (the median is printed)")
    parser.add_argument("--all", action="store_true", help="print every run's figure too")
    args = parser.parse_args(argv)
    target = ["--db", str(args.db.resolve())] if args.db is not None else ["--db-url", args.db_url]
    runs = [startup_once(target) for _ in range(max(1, args.repeat))]
    if args.all:
        print("runs_ms", " ".join(f"{run:.0f}" for run in runs))
    print(f"startup_ms {statistics.median(runs):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
