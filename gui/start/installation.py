"""The desktop app's part of ``suoja check-install``: Qt's plugins, icons and catalogs.

Run from the composition root after :func:`models.installation.core_checks`.
It needs a QApplication: on a machine without a display it makes one on Qt's offscreen
platform (``QT_QPA_PLATFORM`` still wins when set), and then tries to load the desktop's
own platform plugin (X11's ``xcb`` on Linux), whose failure names the missing library. A
system library only warns (a server or a build machine has no desktop); one of Qt's own
is a missing part of the installation.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPluginLoader, QTranslator
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QApplication

from gui.shared import i18n
from gui.shared.style import ICONS, RESOURCES
from gui.start.qt_platform import create_application
from models.domain.enums import Language
from models.installation import Check

# The platform plugin a workstation's desktop needs, per operating system.
_DESKTOP_PLUGIN = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return create_application([sys.argv[0] if sys.argv else "suoja"])


def _plugin_folder(kind: str) -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / kind


def _desktop_plugin() -> Check:
    part = QCoreApplication.translate("installation", "Desktop platform plugin")
    name = _DESKTOP_PLUGIN.get(sys.platform)
    if name is None:
        return Check(part, True, sys.platform, required=False)
    candidates = [path for path in _plugin_folder("platforms").glob(f"*q{name}*")
                  if path.suffix in (".so", ".dll", ".dylib")]
    if not candidates:
        return Check(part, False, QCoreApplication.translate(
            "installation", "{name} is missing").format(name=name))
    loader = QPluginLoader(str(candidates[0]))
    if not loader.load():
        # Qt names the library that is missing. One of the system's (README.md lists the
        # packages) only warns: a build machine or a server has no desktop. One of Qt's
        # own (libQt6XcbQpa) is a part of this installation: that is missing.
        reason = loader.errorString()
        after_the_plugin = reason.partition(candidates[0].name)[2]
        own = re.search(r"\b(lib)?Qt6\w*\.(so|dll|dylib)", after_the_plugin) is not None
        return Check(part, False, reason[:300], required=own)
    return Check(part, True, name, required=False)


def _icons() -> Check:
    part = QCoreApplication.translate("installation", "Icons (SVG)")
    if b"svg" not in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]:
        return Check(part, False, QCoreApplication.translate(
            "installation", "Qt's SVG image plugin is missing"))
    files = sorted(ICONS.glob("*.svg"))
    if not files:
        return Check(part, False, QCoreApplication.translate(
            "installation", "no icons in {folder}").format(folder=ICONS.name))
    broken = [path.stem for path in files if QIcon(str(path)).pixmap(32, 32).isNull()]
    if broken:
        return Check(part, False, ", ".join(broken))
    return Check(part, True, str(len(files)))


def _catalogs() -> Check:
    part = QCoreApplication.translate("installation", "Finnish and Swedish windows")
    names = [name for language in (Language.FINNISH, Language.SWEDISH)
             for name in i18n.catalogs(language)]
    missing = [name for name, folder in names if not QTranslator().load(name, folder)]
    if missing:
        return Check(part, False, QCoreApplication.translate(
            "installation", "missing: {names}").format(names=", ".join(missing)))
    return Check(part, True, str(len(names)))


def _style() -> Check:
    sheet = RESOURCES / "style.qss"
    part = QCoreApplication.translate("installation", "Style sheet")
    if not sheet.is_file() or not sheet.read_text(encoding="utf-8").strip():
        return Check(part, False, QCoreApplication.translate(
            "installation", "{name} is missing").format(name=sheet.name))
    return Check(part, True, sheet.name)


def qt_checks() -> Iterator[Check]:
    """Every check of the desktop app (after a QApplication exists, or with a new one)."""
    app = _application()
    i18n.install()

    yield Check("Qt", True, f"PySide6 {pyside_version}, {app.platformName()}")
    yield _desktop_plugin()
    yield _icons()
    yield _catalogs()
    yield _style()
