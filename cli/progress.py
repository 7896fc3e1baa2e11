"""The one progress display of the command line: a bar redrawn in place on stderr.

Shown only when stderr is a terminal, so redirected output and tests see no bar.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO

Progress = Callable[[int, int], None]


def progress_bar(stream: IO[str], label: str) -> Progress:
    """A one-line bar, ``label [#####.....] done/total``, redrawn in place on ``stream``."""
    width = 30

    def show(done: int, total: int) -> None:
        filled = width * done // max(total, 1)
        stream.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def terminal_progress(label: str) -> Progress | None:
    """A :func:`progress_bar` on stderr when it is a terminal, else None (nothing shown)."""
    return progress_bar(sys.stderr, label) if sys.stderr.isatty() else None
