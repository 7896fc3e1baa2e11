"""Creating the QApplication, or one plain sentence when Qt cannot open a window.

When no platform plugin loads (no display, or a library of Qt's X11 plugin missing), Qt
ends the process with ``qFatal``: an abort (exit code 134, maybe a core dump) after a
hint that blames ``xcb-cursor0`` whatever is missing. Instead, while the QApplication is
created a message handler holds Qt's messages back; on the fatal one it writes one
sentence saying what is needed and ends the process with exit code 1 (nothing else has
been opened yet). Otherwise the held messages are written as Qt would have written them.
This costs nothing on a normal start, and ``QT_QPA_PLATFORM`` stays Qt's to read.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from gui.shared.i18n import CATALOG_DIR
from models.domain import i18n
from models.domain.enums import Language

#: What Qt's X11 ("xcb") plugin needs beyond the libraries README.md lists for Qt itself
#: (Debian and Ubuntu names). Qt's own message names only the first.
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 "
    "libxkbcommon-x11-0"
)
#: Exit code when no window can be opened ("anything else" in the command-line contract).
NO_WINDOW_EXIT_CODE = 1

_PLUGIN = re.compile(r'platform plugin "([^"]+)"')


def create_application(argv: Sequence[str]) -> QApplication:
    """The running QApplication, or a new one; never returns if Qt cannot open a window."""
    existing = QApplication.instance()
    if existing is not None:
        assert isinstance(existing, QApplication)
        return existing
    held: list[tuple[str, str]] = []

    def hold(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            _give_up([text for _category, text in held] + [message])
        held.append((context.category or "", message))

    previous = qInstallMessageHandler(hold)
    try:
        app = QApplication(list(argv))
    finally:
        qInstallMessageHandler(previous)
    for category, message in held:  # Qt's default format: "category: message"
        prefix = f"{category}: " if category and category != "default" else ""
        sys.stderr.write(f"{prefix}{message}\n")
    return app


def _translated(text: str) -> str:
    """``text`` in the run's language. No application exists when Qt cannot open a window,
    so none has the catalogs installed: the start catalog is read here."""
    language = i18n.current()
    if language is Language.ENGLISH:
        return text
    translator = QTranslator()
    if translator.load(f"start_{language.value}", str(CATALOG_DIR)):
        return translator.translate("qt_platform", text) or text
    return text


def no_window_reason(messages: Sequence[str], platform: str | None) -> str:
    """The one sentence for Qt's messages when no platform plugin could start."""
    text = "\n".join(messages)
    named = _PLUGIN.search(text)
    # QT_QPA_PLATFORM is "name", "name:options" or a fallback list "first;second".
    plugin = re.split(r"[;:]", platform or "")[0] or (named.group(1) if named else "")
    if "could not connect to display" in text:
        return _translated(QT_TRANSLATE_NOOP(
            "qt_platform",
            "Suoja cannot open its window: there is no display to show it on (DISPLAY is "
            "not set, or the display refused the connection)."))
    if plugin in ("xcb", ""):
        return _translated(QT_TRANSLATE_NOOP(
            "qt_platform",
            "Suoja cannot open its window because Qt's X11 (xcb) platform plugin did not "
            "load; install the libraries it needs (Debian and Ubuntu: apt-get install "
            "{packages}; README.md lists the rest).")).format(packages=XCB_PACKAGES)
    return _translated(QT_TRANSLATE_NOOP(
        "qt_platform",
        "Suoja cannot open its window because Qt's \"{plugin}\" platform plugin did not "
        "start; check QT_QPA_PLATFORM and the Qt libraries README.md lists.")).format(
        plugin=plugin)


def _give_up(messages: Sequence[str]) -> None:
    """Say why in one sentence and end the process before Qt aborts it."""
    sys.stdout.flush()
    sys.stderr.write(no_window_reason(messages, os.environ.get("QT_QPA_PLATFORM")) + "\n")
    sys.stderr.flush()
    # Returning would let qFatal abort; an exception cannot cross Qt's C++ frames.
    os._exit(NO_WINDOW_EXIT_CODE)
