"""Suoja's composition root: parse the command line, then run a command or the desktop app.

    python main.py [--db PATH]        the desktop app (on the encrypted file)
    python main.py --db-url URL       the desktop app on a PostgreSQL server:
                                      postgresql+psycopg://USER@HOST/DATABASE?sslmode=verify-full
    python main.py --demo             the desktop app on a fresh synthetic demo database
    python main.py init --db PATH --user NAME
    python main.py seed-demo --db PATH --user NAME --victims N [--seed S]
    python main.py verify --db PATH --user NAME
    python main.py check-install                 (is this installation complete?)
    python main.py backup --db PATH --user NAME --out FILE
    python main.py restore --from FILE --db PATH --user NAME
    python main.py user --db PATH --user NAME list|add|lock|unlock|reset-password [USERNAME]
    python main.py recover --db PATH --user NAME      (with the recovery code)
    python main.py reset-signin --db PATH --user NAME (a supervisor: damaged counters)
    python main.py export-pdf --db PATH --user NAME (--case REF | --all)
                              --profile police|care|victim --out PATH
    python main.py report --db PATH --user NAME --out FILE
    python main.py import-csv --db PATH --user NAME FILE
    python main.py organisation --db PATH --user NAME [--classification TEXT]
                                [--help-lines TEXT] [--data-requests TEXT]

Every command but ``backup`` and ``restore`` (SQLite files; a server uses pg_dump) takes
``--db-url URL`` in place of ``--db PATH``.

``--lang fi|sv|en`` (anywhere on the line), or the environment variable ``SUOJA_LANG``,
chooses the language of this run: the window, the messages, ``--help`` and the PDFs.
Without either, Suoja speaks the signed-in account's language, before sign-in the
system's (Finnish unless the system says Swedish or English).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.installation import Check


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except ImportError as error:  # a part of the installation is missing
        from cli.main import program_name
        from models.domain.i18n import gettext as _

        # The module, and what the system said (a library it could not load, by name).
        print("suoja: " + _("This installation of Suoja is incomplete ({module}: {reason}); "
                            "reinstall it, or run “{program} check-install”.").format(
            module=error.name or "?", reason=str(error)[:200], program=program_name()),
            file=sys.stderr)
        return 4


def _main(argv: list[str]) -> int:
    from cli.main import build_parser, choose_language, only_check_install, run, window_options

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not choose_language(argv):  # before the parser: its --help speaks the language too
        return 2
    if only_check_install(argv):  # before the parser, which needs every part installed
        from cli.installation import check_install

        return check_install(print, more=_desktop_checks)
    # The desktop app's options alone are read without the commands' modules (SQLAlchemy,
    # the services): the sign-in window shows before they are loaded.
    args = window_options(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args)
    # Qt is imported only when the window is wanted, so headless commands start fast.
    from gui.start.app import run_app

    return run_app(db_path=args.db, demo=args.demo, db_url=args.db_url)


def restore_library_path(environment: MutableMapping[str, str]) -> None:
    """Give the programs a frozen build starts the system's libraries back.

    PyInstaller's bootloader points ``LD_LIBRARY_PATH`` at the bundle (keeping the original
    in ``LD_LIBRARY_PATH_ORIG``). This process read it when it started, so changing it now
    changes only what its children inherit: a PDF viewer or file manager opened through
    ``xdg-open`` loaded the bundle's Qt, glib and libstdc++ instead of its own, and crashed.
    """
    original = environment.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        environment.pop("LD_LIBRARY_PATH", None)
    else:
        environment["LD_LIBRARY_PATH"] = original


def _desktop_checks() -> Iterator[Check]:
    """The desktop app's part of check-install, after the core's: Qt that cannot be
    imported is a finding too (the system library it could not load, by name)."""
    from models.installation import Check

    try:
        from gui.start.installation import qt_checks
    except ImportError as error:
        yield Check("Qt", False, str(error)[:300])
        return
    yield from qt_checks()


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # only a frozen build needs (and imports) it
        import multiprocessing

        multiprocessing.freeze_support()  # the PDF batch's render workers in a frozen build
        import os

        restore_library_path(os.environ)
    sys.exit(main())
