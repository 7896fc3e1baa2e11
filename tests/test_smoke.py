"""Smoke tests of the README's commands: ``main.py --demo`` and ``main.py --db NEW``.

Each starts main.py as a separate process (offscreen, with its own home and temporary
folders) and drives it through the test hook ``SUOJA_TEST_SCRIPT`` (``gui/start/ui_script.py``):
it types and clicks as a person would, and reports the windows that were shown.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from models.demo.seed import DEMO_PASSWORD
from models.storage.store import open_database

ROOT = Path(__file__).resolve().parents[1]
MAIN = ROOT / "main.py"
STRONG = "Tuuli-Kivi-Sammal-Polku"
#: Generous: five test runs may share two cores. The figure itself is printed (pytest -s).
TIMEOUT_S = 300


class Started:
    """A main.py process, its folders, and what the test hook reported."""

    def __init__(self, tmp_path: Path, args: list[str], steps: list[dict[str, Any]] | None,
                 env: dict[str, str | None] | None = None) -> None:
        self.home = tmp_path / "home"
        self.temp = tmp_path / "tmp"
        self.report_path = tmp_path / "report.json"
        for folder in (self.home, self.temp):
            folder.mkdir()
        environment = {
            **os.environ, "HOME": str(self.home), "USERPROFILE": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "XDG_DATA_HOME": str(self.home / "data"),
            "TMPDIR": str(self.temp), "TMP": str(self.temp), "TEMP": str(self.temp),
            "QT_QPA_PLATFORM": "offscreen",
        }
        environment.pop("SUOJA_PASSWORD", None)
        environment.pop("SUOJA_TEST_SCRIPT", None)
        if steps is not None:
            script = tmp_path / "script.json"
            script.write_text(json.dumps({"report": str(self.report_path), "steps": steps}),
                              encoding="utf-8")
            environment["SUOJA_TEST_SCRIPT"] = str(script)
        for key, value in (env or {}).items():  # None: not set at all
            if value is None:
                environment.pop(key, None)
            else:
                environment[key] = value
        self.started_at = time.time()
        self.process = subprocess.Popen(
            [sys.executable, str(MAIN), *args], cwd=tmp_path, env=environment,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )

    def finish(self) -> tuple[int, str]:
        try:
            _out, err = self.process.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _out, err = self.process.communicate()
            pytest.fail(f"main.py did not finish in {TIMEOUT_S} s; report: {self.report()}")
        return self.process.returncode, err

    def report(self) -> list[dict[str, Any]]:
        if not self.report_path.exists():
            return []
        return list(json.loads(self.report_path.read_text(encoding="utf-8")))

    def shown(self) -> list[dict[str, Any]]:
        return [entry for entry in self.report() if entry["event"] == "shown"]

    def first_shown(self, name: str) -> float:
        """Seconds from starting the process until the window ``name`` was shown."""
        return next(e["time"] for e in self.shown() if e["name"] == name) - self.started_at


def assert_clean_exit(started: Started, code: int, err: str) -> None:
    assert code == 0, err
    assert "Traceback" not in err
    assert list(started.temp.iterdir()) == []  # no suoja-demo-* (or any) folder left behind
    failed = [entry for entry in started.report() if entry["event"] == "failed"]
    assert failed == []


def test_the_demo_starts_signs_in_signs_out_and_quits_cleanly(tmp_path: Path) -> None:
    started = Started(tmp_path, ["--demo"], [
        {"wait": "loginDialog"},
        # As a person would: type the published password, press the button.
        {"type": "username", "text": "counsellor01"},
        {"type": "password", "text": DEMO_PASSWORD},
        {"click": "signIn"},
        {"wait": "mainWindow"},
        {"keys": "mainWindow", "sequence": "Ctrl+L"},
        {"click": "signOut"},
        # The sign-in window again, in the same process: someone else signs in.
        {"wait": "loginDialog"},
        {"choose": "demoAccounts", "text": "admin01"},
        {"click": "signIn"},
        {"wait": "mainWindow"},
        {"close": "mainWindow"},
        {"answer": "discardDemo", "button": "Quit and discard"},
    ])
    code, err = started.finish()
    assert_clean_exit(started, code, err)
    shown = started.shown()
    names = [entry["name"] for entry in shown]
    assert names == ["demoProgress", "loginDialog", "mainWindow", "loginDialog", "mainWindow",
                     "discardDemo"]
    # No error dialog: the only message box is the question before discarding the demo.
    boxes = [entry for entry in shown if entry["class"] == "QMessageBox"]
    assert [box["name"] for box in boxes] == ["discardDemo"]
    assert "discard" in boxes[0]["text"]
    titles = [entry["title"] for entry in shown if entry["name"] == "mainWindow"]
    assert titles == [
        "Suoja — Aino K. (counsellor) — DEMO DATABASE, synthetic data",
        "Suoja — Minea K. (administrator) — DEMO DATABASE, synthetic data",
    ]
    seconds = started.first_shown("loginDialog")
    # The figure itself, for the record (pytest -s shows it).
    print(f"\nmain.py --demo showed the sign-in window after {seconds:.1f} s")  # noqa: T201
    assert seconds < TIMEOUT_S


def test_first_run_on_a_new_database_sets_up_shows_the_code_and_opens(tmp_path: Path) -> None:
    db_path = tmp_path / "new.db"
    started = Started(tmp_path, ["--db", str(db_path)], [
        {"wait": "setupDialog"},
        {"type": "setupUsername", "text": "maria"},
        {"type": "setupDisplayName", "text": "Maria Virtanen"},
        {"type": "setupPassword", "text": STRONG},
        {"type": "setupRepeat", "text": STRONG},
        {"click": "createDatabase"},
        {"wait": "recoveryCodeText"},  # the recovery code is on screen
        {"click": "codeStored"},
        {"click": "continueToSuoja"},
        {"wait": "mainWindow"},
        {"close": "mainWindow"},
    ])
    code, err = started.finish()
    assert_clean_exit(started, code, err)
    shown = started.shown()
    assert [e["class"] for e in shown if e["class"] == "QMessageBox"] == []
    assert [e["name"] for e in shown if e["name"]] == ["setupDialog", "mainWindow"]
    assert [e["title"] for e in shown if e["name"] == "mainWindow"] == [
        "Suoja — Maria Virtanen (supervisor)"]
    database, actor = open_database(db_path, "maria", STRONG)
    database.dispose()
    assert actor.display_name == "Maria Virtanen"


def test_a_script_step_that_never_comes_fails_the_run(tmp_path: Path) -> None:
    """The hook cannot pass silently: a missing window ends the process with code 70."""
    started = Started(tmp_path, ["--db", str(tmp_path / "new.db")],
                      [{"wait": "setupDialog"}, {"wait": "noSuchWindow", "timeout": 1}])
    code, err = started.finish()
    assert code == 70
    assert "step 1 failed" in err
    assert started.report()[-1]["event"] == "failed"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_ends_the_demo_and_removes_its_folder(
    tmp_path: Path, number: int
) -> None:
    started = Started(tmp_path, ["--demo"], [
        {"wait": "loginDialog"},
        {"type": "username", "text": "counsellor02"},
        {"type": "password", "text": DEMO_PASSWORD},
        {"click": "signIn"},
        {"wait": "mainWindow"},
        {"wait": "noSuchWindow", "timeout": TIMEOUT_S},
    ])
    deadline = time.monotonic() + TIMEOUT_S
    while not any(e["name"] == "mainWindow" for e in started.shown()):
        assert started.process.poll() is None, started.finish()
        assert time.monotonic() < deadline
        time.sleep(0.1)
    started.process.send_signal(number)
    code, err = started.finish()
    assert code == 128 + number, err
    assert "Traceback" not in err
    assert list(started.temp.iterdir()) == []


def test_without_a_display_qt_says_one_sentence_and_exits_1(tmp_path: Path) -> None:
    """Qt would abort (code 134) after a message blaming xcb-cursor0; main.py says why."""
    db_path = tmp_path / "x.db"
    started = Started(tmp_path, ["--db", str(db_path)], None,
                      env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": None, "WAYLAND_DISPLAY": None})
    code, err = started.finish()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Suoja cannot open its window")
    assert not db_path.exists()


def test_the_hook_is_inert_unless_its_variable_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.start import app as app_module

    started: list[Path] = []
    monkeypatch.setattr(app_module.ui_script, "start", lambda _app, path: started.append(path))
    monkeypatch.setattr(app_module, "apply_style", lambda _app: None)
    monkeypatch.setattr(app_module, "install_excepthook", lambda: None)
    monkeypatch.setattr(app_module, "_run_sessions", lambda *_args, **_kwargs: 0)
    monkeypatch.delenv("SUOJA_TEST_SCRIPT", raising=False)
    assert app_module.run_app(db_path=tmp_path / "x.db") == 0
    assert started == []
    monkeypatch.setenv("SUOJA_TEST_SCRIPT", str(tmp_path / "script.json"))
    assert app_module.run_app(db_path=tmp_path / "x.db") == 0
    assert started == [tmp_path / "script.json"]


def test_a_missing_x11_library_is_named_not_qts_misleading_hint() -> None:
    from gui.start.qt_platform import no_window_reason

    # What Qt 6 says when libxcb-icccm4 is missing (as on a fresh Debian 12).
    said = [
        "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform "
        "plugin.",
        'Could not load the Qt platform plugin "xcb" in "" even though it was found.',
        "This application failed to start because no Qt platform plugin could be "
        "initialized. Reinstalling the application may fix this problem.\n\nAvailable "
        "platform plugins are: minimal, linuxfb, offscreen, xcb, wayland, eglfs, vnc.\n",
    ]
    for platform in (None, "xcb"):
        reason = no_window_reason(said, platform)
        assert "\n" not in reason
        for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"):
            assert package in reason
    assert "no display" in no_window_reason(
        ["could not connect to display ", *said[1:]], "xcb")
    assert '"wayland"' in no_window_reason(said[1:], "wayland")


def test_a_signal_between_show_and_exec_still_ends_the_next_loop(qapp: Any) -> None:
    """Ctrl+C that lands after a window's show() but before the app's exec() (no loop
    runs, so QApplication.exit is lost: exec() starts afresh) ends that exec() instead."""
    from PySide6.QtCore import QTimer

    from gui.start.app import _StopOnSignal

    stop = _StopOnSignal(qapp)
    watchdog = QTimer()
    try:
        os.kill(os.getpid(), signal.SIGINT)  # handled now: no event loop runs
        assert stop.exit_code == 128 + signal.SIGINT
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(functools.partial(qapp.exit, -1))
        watchdog.start(5000)
        assert qapp.exec() == 128 + signal.SIGINT  # not the watchdog's -1
    finally:
        watchdog.stop()
        stop.restore()
