"""A test hook, off by default: drive the app's widgets from a script, as a person would.

Only when the environment variable ``SUOJA_TEST_SCRIPT`` names a JSON file does
``gui.start.app`` start this (and says so on stderr); otherwise nothing here runs. The file
holds the steps and where to write the report::

    {"report": "/tmp/report.json",
     "steps": [{"wait": "loginDialog"},
               {"type": "username", "text": "counsellor01"},
               {"click": "signIn"},
               {"choose": "demoAccounts", "text": "counsellor02"},
               {"keys": "mainWindow", "sequence": "Ctrl+L"},
               {"answer": "discardDemo", "button": "Quit and discard"},
               {"close": "mainWindow"}]}

Each step waits (up to its ``"timeout"`` in seconds, 120 by default) until a visible,
enabled widget with that object name is on screen, then sends it mouse or keyboard
events through QTest — what a person's mouse and keyboard would send (``close`` is the
window's close button; ``wait`` only waits). There is no step that calls a function,
reads a field or opens a database: a script can do nothing a person at the keyboard
could not, so it can never sign in without the password.

The report (JSON, rewritten after each entry) lists the windows shown — object name,
class, title, and a message box's text — and the steps done, with wall-clock times. A
step that times out is written to the report and ends the process with exit code 70.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QMessageBox, QWidget

from models.domain.private_files import write_private

log = logging.getLogger("suoja.gui.ui_script")

VARIABLE = "SUOJA_TEST_SCRIPT"
FAILED_EXIT_CODE = 70
DEFAULT_TIMEOUT_S = 120.0
POLL_MS = 50
_ACTIONS = ("wait", "click", "type", "choose", "keys", "answer", "close")


class ScriptError(ValueError):
    """The script file is not a list of known steps."""


class _Driver(QObject):
    def __init__(self, app: QApplication, steps: list[dict[str, Any]], report: Path | None
                 ) -> None:
        super().__init__(app)
        self._steps = steps
        self._report_path = report
        self._entries: list[dict[str, Any]] = []
        self._index = 0
        self._deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)
        app.installEventFilter(self)

    def start(self) -> None:
        self._record({"event": "started"})
        self._begin_step()
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter: note each window as it is shown."""
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow()):
            entry: dict[str, Any] = {
                "event": "shown", "name": watched.objectName(),
                "class": watched.metaObject().className(), "title": watched.windowTitle(),
            }
            if isinstance(watched, QMessageBox):
                entry["text"] = " ".join(filter(None, (watched.text(),
                                                       watched.informativeText())))
            self._record(entry)
        return False

    # -- steps ---------------------------------------------------------------------------

    def _begin_step(self) -> None:
        if self._index < len(self._steps):
            timeout = float(self._steps[self._index].get("timeout", DEFAULT_TIMEOUT_S))
            self._deadline = time.monotonic() + timeout

    def _tick(self) -> None:
        if self._index >= len(self._steps):
            self._timer.stop()
            return
        step = self._steps[self._index]
        action = next(name for name in _ACTIONS if name in step)
        widget = _find(str(step[action]))
        if widget is None:
            if time.monotonic() > self._deadline:
                self._fail(step, f"no visible, enabled widget named {step[action]!r}")
            return
        self._record({"event": "step", "index": self._index, "step": action,
                      "target": step[action]})
        self._index += 1
        self._begin_step()
        if action != "wait":
            # Not from this timer's own slot: an action may open a modal dialog whose
            # event loop must keep this timer (and so the next steps) running.
            QTimer.singleShot(0, lambda: self._act(action, widget, step))

    def _act(self, action: str, widget: QWidget, step: dict[str, Any]) -> None:
        from PySide6.QtTest import QTest

        if action == "click":
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        elif action == "type":
            widget.setFocus()
            QTest.keyClicks(widget, str(step["text"]))
        elif action == "keys":
            combination = QKeySequence(str(step["sequence"]))[0]  # type: ignore[index]
            QTest.keyClick(widget, combination.key(), combination.keyboardModifiers())
        elif action == "choose":
            self._choose(widget, step)
        elif action == "answer":
            self._answer(widget, step)
        elif action == "close":
            widget.close()

    def _choose(self, widget: QWidget, step: dict[str, Any]) -> None:
        from PySide6.QtTest import QTest

        if not isinstance(widget, QAbstractItemView) or widget.model() is None:
            self._fail(step, "not a list or table")
            return
        model = widget.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                if model.data(index) == step["text"]:
                    widget.scrollTo(index)
                    where = widget.visualRect(index).center()
                    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton,
                                     Qt.KeyboardModifier.NoModifier, where)
                    if step.get("double"):
                        QTest.mouseDClick(widget.viewport(), Qt.MouseButton.LeftButton,
                                          Qt.KeyboardModifier.NoModifier, where)
                    return
        self._fail(step, "no such row")

    def _answer(self, widget: QWidget, step: dict[str, Any]) -> None:
        from PySide6.QtTest import QTest

        wanted = str(step["button"]).replace("&", "")
        for button in widget.findChildren(QAbstractButton):
            if button.isVisible() and button.text().replace("&", "") == wanted:
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                return
        self._fail(step, "no such button")

    # -- the report ----------------------------------------------------------------------

    def _record(self, entry: dict[str, Any]) -> None:
        entry["time"] = time.time()
        self._entries.append(entry)
        if self._report_path is not None:
            write_private(self._report_path,
                          json.dumps(self._entries, indent=1).encode("utf-8"))

    def _fail(self, step: dict[str, Any], reason: str) -> None:
        visible = [f"{w.metaObject().className()} {w.objectName()!r} {w.windowTitle()!r}"
                   for w in QApplication.topLevelWidgets() if w.isVisible()]
        self._record({"event": "failed", "index": self._index, "step": step,
                      "reason": reason, "visible": visible})
        sys.stderr.write(f"{VARIABLE}: step {self._index} failed: {reason}\n")
        sys.stderr.flush()
        os._exit(FAILED_EXIT_CODE)  # a stuck modal dialog would otherwise never return


def _find(name: str) -> QWidget | None:
    """A visible, enabled widget with that object name (a window or inside one)."""
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        candidates = [window] if window.objectName() == name else []
        candidates += window.findChildren(QWidget, name)
        for widget in candidates:
            if widget.isVisible() and widget.isEnabled():
                return widget
    return None


def load(path: Path) -> tuple[list[dict[str, Any]], Path | None]:
    """The steps and the report path of a script file.

    Raises:
        ScriptError: not a script (unknown step, no target).
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    steps = data.get("steps") if isinstance(data, dict) else None
    if not isinstance(steps, list):
        raise ScriptError("a script is an object with a list of steps")
    for step in steps:
        if not isinstance(step, dict) or sum(name in step for name in _ACTIONS) != 1:
            raise ScriptError(f"each step has exactly one of {', '.join(_ACTIONS)}: {step!r}")
    report = data.get("report")
    return steps, Path(report) if report else None


def start(app: QApplication, path: Path) -> None:
    """Run the script at ``path`` on ``app``'s widgets (see the module's docstring)."""
    sys.stderr.write(f"{VARIABLE} is set: a test script drives this window.\n")
    steps, report = load(path)
    _Driver(app, steps, report).start()
