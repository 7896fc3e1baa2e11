"""The README's screenshots, and the screens the layout test looks at, on an emulated screen.

``python -m tests.screenshots`` opens every scene of ``tests/helpers/scenes.py`` on a
1280×720 screen at 100 % and writes the pictures the README shows to
``docs/screenshots/`` (``--out`` elsewhere, ``--scale 1.5 --screen 1600x1000`` for a
HiDPI look); it prints what the layout check found.

:func:`launch` is what the layout test uses: a fresh process (Qt's scale factor is read
once, when the application starts) on Qt's offscreen platform with one screen of the
given size, less a taskbar.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "docs" / "screenshots"

#: The desktop's taskbar or panel, in logical pixels: the work area is the screen less it.
TASKBAR = 48


def work_area(width: int, height: int, scale: float) -> tuple[int, int]:
    """The logical size windows may use on a ``width``×``height`` screen at ``scale``."""
    return int(width / scale), int(height / scale) - TASKBAR


def launch(width: int, height: int, scale: float = 1.0, *, shots: Path | None = None,
           only: list[str] | None = None, victims: int | None = None,
           every: bool = False, lang: str | None = None,
           timeout: float = 900) -> dict[str, list[str]]:
    """Run the scenes on a ``width``×``height`` screen (physical pixels) at ``scale``.

    Returns:
        The problems the layout check found, by scene.

    Raises:
        RuntimeError: the scene process failed (its error output is in the message).
    """
    area = work_area(width, height, scale)
    with tempfile.TemporaryDirectory(prefix="suoja-screen-") as folder:
        # The offscreen platform's screen is the work area (physical pixels), so windows
        # that size themselves to the screen see what they would see on a desktop.
        screen = {"screens": [{
            "name": "screen", "x": 0, "y": 0, "width": width,
            "height": height - round(TASKBAR * scale), "logicalDpi": 96, "logicalBaseDpi": 96,
            "dpr": 1}]}
        config = Path(folder) / "screen.json"
        config.write_text(json.dumps(screen), encoding="utf-8")
        report = Path(folder) / "report.json"
        home = Path(folder) / "home"
        env = dict(os.environ)
        env.update({
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            "QT_SCALE_FACTOR": f"{scale:g}",
            "QT_ENABLE_HIGHDPI_SCALING": "1",
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), "XDG_RUNTIME_DIR": folder,
        })
        env.pop("SUOJA_PASSWORD", None)
        if lang == "pseudo":  # English made 40 % longer, with accents (tests/helpers/pseudo.py)
            env.update({"SUOJA_LANG": "en", "SUOJA_PSEUDO": "1"})
        elif lang:
            env["SUOJA_LANG"] = lang
        command = [sys.executable, "-m", "tests.helpers.scenes",
                   "--work-area", f"{area[0]}x{area[1]}", "--report", str(report)]
        if shots is not None:
            command += ["--shots", str(shots)]
        if victims is not None:
            command += ["--victims", str(victims)]
        if only:
            command += ["--only", *only]
        if every:
            command.append("--every")
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=timeout, check=False)
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"the scenes failed (exit {result.returncode}):\n"
                               f"{result.stderr[-4000:]}")
        return dict(json.loads(report.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write Suoja's screenshots.")
    parser.add_argument("--out", type=Path, default=SCREENSHOTS)
    parser.add_argument("--screen", default="1280x720", help="physical pixels, e.g. 1600x1000")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--victims", type=int, default=40_000,
                        help="demo victims (the README shows the whole Vastaamo breach)")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--every", action="store_true",
                        help="a picture of every state the layout check looks at")
    parser.add_argument("--lang", choices=("fi", "sv", "en", "pseudo"), default="en",
                        help="the language of the screens (the README shows en and fi)")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.screen.lower().split("x"))
    report = launch(width, height, args.scale, shots=args.out.resolve(), only=args.only,
                    victims=args.victims, every=args.every, lang=args.lang)
    found = 0
    for scene, problems in report.items():
        for problem in problems:
            print(f"{scene}: {problem}")  # noqa: T201
            found += 1
    print(f"{len(report)} scenes, {found} layout problems; pictures in {args.out}")  # noqa: T201
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
