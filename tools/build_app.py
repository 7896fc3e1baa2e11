"""Build Suoja's standalone app for this platform with PyInstaller.

    python tools/build_app.py --out DIR

makes ``DIR/Suoja/``: the executable ``DIR/Suoja/suoja`` (``suoja.exe`` on Windows) with
Python, Qt (its plugins and Finnish, Swedish and English catalogs), the SQLCipher library,
the fonts, Suoja's catalogs and its migrations inside. On Linux the folder also holds
``suoja.desktop`` and ``suoja.svg`` for the desktop's menu (docs/DEPLOYMENT.md, section
9, says where each goes). The recipe is ``tools/suoja.spec``; the same spec
builds on Windows and macOS. PyInstaller's scratch files go to a temporary folder, never
into the source tree. Prints the size of what was built; exit code 0, or 1 with one line
saying what failed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tools" / "suoja.spec"
#: The folder the build makes inside ``--out``, and the executable in it.
APP_FOLDER = "Suoja"
EXECUTABLE = "suoja.exe" if sys.platform == "win32" else "suoja"


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder``."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def build(out: Path) -> Path:
    """Run PyInstaller on the spec; returns ``out/Suoja``.

    Raises:
        SystemExit: PyInstaller is missing or the build failed.
    """
    try:
        import PyInstaller.__main__
    except ImportError:
        raise SystemExit("build_app: PyInstaller is not installed; "
                         "run `pip install -r requirements-dev.txt` first.") from None
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="suoja-build-") as scratch:
        try:
            PyInstaller.__main__.run([
                "--noconfirm", "--clean", "--log-level", "WARN",
                "--distpath", str(out), "--workpath", scratch, str(SPEC),
            ])
        except SystemExit as stop:  # PyInstaller exits on a failed build
            if stop.code not in (None, 0):
                raise SystemExit(f"build_app: PyInstaller failed ({stop.code}).") from None
    app = out / APP_FOLDER
    if not (app / EXECUTABLE).is_file():
        raise SystemExit(f"build_app: {app / EXECUTABLE} was not made.")
    if sys.platform.startswith("linux"):
        shutil.copy2(ROOT / "tools" / "suoja.desktop", app / "suoja.desktop")
        shutil.copy2(ROOT / "resources" / "icons" / "shield.svg", app / "suoja.svg")
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True,
                        help="the folder to build into (DIR/Suoja is replaced)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    app = build(args.out.resolve())
    size, files = folder_size(app)
    print(f"built {app / EXECUTABLE}: {size / 1e6:.0f} MB in {files} files, "
          f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
