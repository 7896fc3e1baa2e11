"""Suoja as an IT department installs it: one command (the ``suoja`` that ``pip install``
makes, or the standalone build's executable) run from an empty folder, in an environment
that holds nothing of this checkout's.

:func:`walk_through` runs what issue 20 asks of an installation: ``--version``,
``check-install``, ``init``, ``seed-demo``, ``verify``, a police PDF of one case, and the
desktop app signed in to on Qt's offscreen platform, driven by the test hook
``SUOJA_TEST_SCRIPT`` as a person would drive it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from models import __version__
from models.storage.migration import head_revision
from tests.helpers.pdf_fonts import unembedded_fonts

PASSWORD = "Tuuli-Kivi-Sammal-Polku"
#: Generous: two test processes share two cores, and a frozen app's first start unpacks.
TIMEOUT_S = 180


def clean_environment(home: Path) -> dict[str, str]:
    """A workstation's environment: a home of its own, a UTF-8 locale, no display (Qt's
    offscreen platform), the system's PATH; nothing of this virtual environment's."""
    environment = {
        "HOME": str(home), "USERPROFILE": str(home),
        "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
        "TMPDIR": str(home / "tmp"), "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
    }
    if "SYSTEMROOT" in os.environ:  # Windows cannot start a process without it
        environment["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return environment


def run(command: list[str], args: list[str], workdir: Path, environment: dict[str, str],
        **extra: str) -> subprocess.CompletedProcess[str]:
    """``command args`` in ``workdir``, its output captured."""
    return subprocess.run([*command, *args], cwd=workdir, env={**environment, **extra},
                          capture_output=True, text=True, timeout=TIMEOUT_S, check=False)


def drive(command: list[str], args: list[str], workdir: Path, environment: dict[str, str],
          steps: list[dict[str, Any]]) -> tuple[subprocess.CompletedProcess[str],
                                                 list[dict[str, Any]]]:
    """``command args`` driven through the test hook ``SUOJA_TEST_SCRIPT`` by ``steps``;
    what it did, and the hook's report (the windows shown, the steps done)."""
    report = workdir / "report.json"
    script = workdir / "script.json"
    script.write_text(json.dumps({"report": str(report), "steps": steps}), encoding="utf-8")
    done = run(command, args, workdir, environment, SUOJA_TEST_SCRIPT=str(script))
    entries = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
    return done, entries


def check_install(command: list[str], workdir: Path, environment: dict[str, str]
                  ) -> subprocess.CompletedProcess[str]:
    return run(command, ["--lang", "en", "check-install"], workdir, environment)


def walk_through(command: list[str], workdir: Path) -> dict[str, Any]:
    """Every step an installation must pass; returns what the desktop app's run reported.

    Raises:
        AssertionError: a step failed (with the command's output in the message).
    """
    home = workdir / "home"
    environment = clean_environment(home)
    signed = {**environment, "SUOJA_PASSWORD": PASSWORD}

    version = run(command, ["--lang", "en", "--version"], workdir, environment)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == (
        f"Suoja {__version__}, database schema {head_revision()}"), version.stdout

    checked = check_install(command, workdir, environment)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "MISSING" not in checked.stdout and "installation is complete" in checked.stdout

    steps = [
        ["init", "--db", "suoja.db", "--user", "admin"],
        ["seed-demo", "--db", "suoja.db", "--user", "admin", "--victims", "50"],
        ["verify", "--db", "suoja.db", "--user", "admin"],
        ["export-pdf", "--db", "suoja.db", "--user", "admin", "--case", "SUO-2020-00001",
         "--profile", "police", "--out", "SUO-2020-00001-police.pdf"],
        # Every case, on two render processes: a frozen build's workers start the
        # executable again.
        ["export-pdf", "--db", "suoja.db", "--user", "admin", "--all", "--profile", "police",
         "--out", "police", "--workers", "2"],
    ]
    for step in steps:
        done = run(command, ["--lang", "fi", *step], workdir, signed)
        assert done.returncode == 0, f"{step[0]}: {done.stdout}{done.stderr}"
        assert "Traceback" not in done.stderr, done.stderr
    pdf = (workdir / "SUO-2020-00001-police.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and unembedded_fonts(pdf) == set()
    assert len(list((workdir / "police").glob("SUO-*-police.pdf"))) == 50

    # The desktop app, in Finnish: the sign-in window, a sign-in, the main window, closed.
    window, entries = drive(command, ["--lang", "fi", "--db", "suoja.db"], workdir,
                            environment, [
                                {"wait": "loginDialog", "timeout": 120},
                                {"type": "username", "text": "admin"},
                                {"type": "password", "text": PASSWORD},
                                {"click": "signIn"},
                                {"wait": "mainWindow", "timeout": 60},
                                {"close": "mainWindow"},
                            ])
    assert window.returncode == 0, f"{window.stderr}\n{entries}"
    shown = {entry["name"]: entry for entry in entries if entry["event"] == "shown"}
    assert "mainWindow" in shown, entries
    # Translated: Qt found the app's Finnish catalogs inside the installation.
    assert shown["loginDialog"]["title"] == "Suoja — kirjaudu sisään", shown["loginDialog"]
    for noise in ("Traceback", "Could not", "Cannot load", "QPixmap", "failed", "out of range"):
        assert noise not in window.stderr, window.stderr
    return shown
