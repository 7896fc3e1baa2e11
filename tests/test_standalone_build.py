"""The standalone build (issue 20): ``tools/build_app.py --out DIR`` makes ``DIR/Suoja/suoja``,
which runs with nothing of this checkout's or of its virtual environment.

One test, because the build takes most of a minute and the checks of a broken build need
one: it builds, walks the bundle through what an installation must do
(:func:`tests.helpers.installed.walk_through`), makes it the build before it (without the
newest migration) to see it refuse the newer database, then takes out one part at a time
(a font, a catalog, a Qt plugin, the SQLCipher library) and checks that ``check-install``
or the start of the desktop app fails, naming it.
"""

from __future__ import annotations

import configparser
import ctypes.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PyInstaller.archive.readers import CArchiveReader

from models import __version__
from models.storage import migration
from tests.helpers.installed import (
    PASSWORD,
    check_install,
    clean_environment,
    run,
    walk_through,
)

ROOT = Path(__file__).resolve().parents[1]
HEAD = migration.head_revision()
PREVIOUS = migration._scripts().get_revision(HEAD).down_revision

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="CI builds and smoke-tests the Linux bundle")


def _build(out: Path) -> Path:
    built = subprocess.run([sys.executable, str(ROOT / "tools" / "build_app.py"), "--out",
                            str(out)], capture_output=True, text=True, timeout=900,
                           check=False, cwd=out.parent)
    assert built.returncode == 0, built.stdout + built.stderr[-3000:]
    # "built …/Suoja/suoja: 261 MB in 365 files, 39 s": nothing large crept in (Qt
    # WebEngine alone is 200 MB more).
    size = re.search(r": (\d+) MB in \d+ files", built.stdout)
    assert size is not None and int(size.group(1)) < 350, built.stdout
    return out / "Suoja"


def _desktop_libraries() -> bool:
    """Are the system libraries Qt's X11 plugin needs on this machine (README.md)?"""
    return all(ctypes.util.find_library(name) for name in (
        "xcb-cursor", "xcb-icccm", "xcb-keysyms", "xcb-shape", "xcb-xkb", "xkbcommon-x11"))


def _without(path: Path, holding: Path) -> Path:
    """``path`` moved out of the bundle into ``holding`` (put back by the caller): a file
    renamed in place can still be found (Qt loads ``libqsvg.so.aside`` as a plugin)."""
    holding.mkdir(exist_ok=True)
    aside = holding / f"{len(list(holding.iterdir()))}-{path.name}"
    path.rename(aside)
    return aside


def test_the_standalone_build_runs_alone_and_its_check_finds_a_missing_part(
        tmp_path: Path) -> None:
    app = _build(tmp_path / "dist")
    executable = app / "suoja"
    internal = app / "_internal"
    assert (app / "suoja.svg").read_bytes() == (ROOT / "resources" / "icons" / "shield.svg"
                                                ).read_bytes()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    entry.read(app / "suoja.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    # Where docs/DEPLOYMENT.md section 9 installs the folder and the icon.
    assert desktop["Exec"] == "/opt/suoja/suoja" and desktop["Icon"] == "suoja"
    assert desktop["Type"] == "Application" and desktop["Version"] == "1.4"
    assert {desktop["GenericName[fi]"], desktop["GenericName[sv]"]} == {
        "Kriisiavun asianhallinta", "Ärendehantering för krishjälp"}
    # Nothing unused: no web engine, QML, Quick or PDF module of Qt's; three languages;
    # no test or build tool among the Python modules (they are inside the executable).
    names = {path.name for path in internal.rglob("*")}
    for unused in ("libQt6WebEngineCore.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6",
                   "libQt6Pdf.so.6", "libQt6VirtualKeyboard.so.6"):
        assert unused not in names
    archive = CArchiveReader(str(executable)).open_embedded_archive("PYZ.pyz")
    modules = {name.split(".")[0] for name in archive.toc}
    assert {"models", "gui", "cli", "sqlalchemy", "alembic", "reportlab"} <= modules
    assert modules.isdisjoint({"tests", "bench", "tools", "pytest", "pytestqt", "hypothesis",
                               "tkinter", "setuptools", "pkg_resources", "pygments", "mypy"})
    assert {path.name for path in (internal / "PySide6" / "Qt" / "translations").iterdir()
            } >= {"qtbase_fi.qm", "qtbase_sv.qm"}
    assert not any(name.endswith("_de.qm") for name in names)
    assert not (internal / "tests").exists() and not (internal / "bench").exists()

    work = tmp_path / "workstation"
    work.mkdir()
    walk_through([str(executable)], work)

    environment = clean_environment(tmp_path / "home")
    # The build before this one: the same bundle without the newest migration. It refuses
    # the database this build made in one sentence, and changes nothing.
    newest = next((internal / "migrations" / "versions").glob(f"{HEAD}_*.py"))
    aside = _without(newest, tmp_path / "aside")
    try:
        older = run([str(executable)], ["--lang", "en", "--version"], work, environment)
        refused = run([str(executable)], ["--lang", "en", "verify", "--db", "suoja.db",
                                          "--user", "admin"], work, environment,
                      SUOJA_PASSWORD=PASSWORD)
    finally:
        aside.rename(newest)
    assert older.stdout.strip() == f"Suoja {__version__}, database schema {PREVIOUS}"
    assert refused.returncode == 4, refused.stdout + refused.stderr
    assert refused.stderr == (
        f"suoja: This database has schema {HEAD}, which a newer version of Suoja made; this "
        f"one ({__version__}) knows schemas up to {PREVIOUS}: install the newer version on "
        "this workstation.\n")
    assert run([str(executable)], ["verify", "--db", "suoja.db", "--user", "admin"], work,
               environment, SUOJA_PASSWORD=PASSWORD).returncode == 0
    plugins = internal / "PySide6" / "Qt" / "plugins"
    parts = {
        "Fonts of the PDFs": [internal / "resources" / "fonts" / "DejaVuSans.ttf"],
        "Finnish and Swedish windows": [internal / "resources" / "i18n" / "start_sv.qm"],
        "Finnish and Swedish catalogs": [
            internal / "resources" / "locale" / "fi" / "LC_MESSAGES" / "pdf.mo"],
        "Icons (SVG)": [*plugins.glob("imageformats/libqsvg*"),
                        *plugins.glob("iconengines/libqsvgicon*")],
        "Encrypted database (SQLCipher)": list((internal / "sqlcipher3").glob("_sqlite3*")),
        "Schema migrations": [internal / "migrations" / "versions"],
    }
    if _desktop_libraries():
        # Qt's own half of the X11 plugin (with the system's half, README.md's packages,
        # present: .ci/run installs them) is a part of the installation.
        parts["Desktop platform plugin"] = [internal / "PySide6" / "Qt" / "lib" /
                                            "libQt6XcbQpa.so.6"]
        desktop = check_install([str(executable)], work, environment)
        assert "ok       Desktop platform plugin: xcb" in desktop.stdout, desktop.stdout
    for part, paths in parts.items():
        assert paths and all(path.exists() for path in paths), part
        moved = [_without(path, tmp_path / "aside") for path in paths]
        try:
            checked = check_install([str(executable)], work, environment)
        finally:
            for path, aside in zip(paths, moved, strict=True):
                aside.rename(path)
        assert checked.returncode == 4, (part, checked.stdout, checked.stderr)
        assert f"MISSING  {part}:" in checked.stdout, checked.stdout
        assert "installation is incomplete" in checked.stdout

    # Without the platform plugin it was started on, the app says so in one sentence.
    offscreen = next(plugins.glob("platforms/libqoffscreen*"))
    aside = _without(offscreen, tmp_path / "aside")
    try:
        started = run([str(executable)], ["--lang", "en", "--db", "suoja.db"], work,
                      environment)
    finally:
        aside.rename(offscreen)
    assert started.returncode == 1, started.stderr
    assert "Traceback" not in started.stderr and "offscreen" in started.stderr
