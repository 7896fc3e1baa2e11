"""The command line of ``main.py``: the parser, and :func:`run`, which dispatches a command.

The commands themselves live beside this module: :mod:`cli.database` (init, seed-demo,
verify, backup, restore), :mod:`cli.accounts` (user, recover, reset-signin), :mod:`cli.export`
(export-pdf, report), :mod:`cli.importing` (import-csv), :mod:`cli.erasure` (erase,
retention) and :mod:`cli.subject` (export-subject); they sign in through
:mod:`cli.signin`, never through this module.

Passwords come from ``SUOJA_PASSWORD`` or an interactive prompt, never from an argument
(arguments show up in process lists and shell history). Exit codes: 0 success, 2 wrong
usage, 3 authentication failed, 4 data or integrity problem, 1 anything else. Errors are
one line on stderr, never a traceback.

The commands' modules (SQLAlchemy, the services, the PDFs) are imported only when a
command or ``--help`` is on the line: :func:`window_options` reads a line that starts the
desktop app without them, so that its sign-in window shows fast.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from cli.prompts import NEW_PASSWORD_VARIABLE, PASSWORD_VARIABLE, RECOVERY_VARIABLE
from models.domain import i18n
from models.domain.enums import Role
from models.domain.errors import KnownError
from models.domain.i18n import gettext as _
from models.domain.i18n import pgettext

log = logging.getLogger("suoja.cli")


def build_parser() -> argparse.ArgumentParser:
    from cli import erasure, export, importing, organisation, subject
    from cli.target import add_target, add_user

    parser = argparse.ArgumentParser(
        prog=program_name(),
        description=_("Suoja: case management for victims of a psychotherapy-records breach."),
        epilog=_("Passwords are read from ${variable} (a new account's or a new password "
                 "from ${new}, the recovery code from ${recovery}) or asked for; never give "
                 "them as arguments.").format(variable=PASSWORD_VARIABLE,
                                              new=NEW_PASSWORD_VARIABLE,
                                              recovery=RECOVERY_VARIABLE),
    )
    _add_window_options(parser)
    parser.add_argument("--version", action=_Version, nargs=0,
                        help=_("print Suoja's version and the database schema it expects, "
                               "then exit"))
    commands = parser.add_subparsers(dest="command", metavar=pgettext("metavar", "COMMAND"))

    init = commands.add_parser("init", help=_("create a new encrypted database"))
    add_target(init)
    add_user(init, _("username of the first supervisor"))
    init.add_argument("--display-name", help=_("how the supervisor's name is shown"))

    seed = commands.add_parser("seed-demo", help=_("fill a database with synthetic demo data"))
    add_target(seed)
    add_user(seed, _("a supervisor"))
    seed.add_argument("--victims", type=_positive_int, required=True,
                      metavar=pgettext("metavar", "VICTIMS"),
                      help=_("how many synthetic victims (each with a case) to add"))
    seed.add_argument("--seed", type=int, default=1, metavar=pgettext("metavar", "SEED"),
                      help=_("the random seed: the same seed gives the same data (default 1)"))
    seed.add_argument(
        "--throwaway-server", action="store_true",
        help=_("allow seeding a server database: demo accounts share a published password, "
               "so only ever on a database made for trying Suoja out"),
    )

    commands.add_parser(
        "check-install",
        help=_("check that this installation is complete: the encryption library, fonts, "
               "catalogs, migrations and Qt's plugins; touches no database"))

    verify = commands.add_parser(
        "verify", help=_("check encryption pages, database structure, the audit chain, its "
                         "signatures and the account records")
    )
    add_target(verify)
    add_user(verify)
    verify.add_argument(
        "--after-restore", action="store_true",
        help=_("accept that the audit trail is shorter than this workstation last saw, "
               "because the database was restored from an older backup, or set this "
               "workstation's damaged audit anchor file (or file of account authorities) "
               "aside and start a new one (audited)"),
    )

    backup = commands.add_parser(
        "backup", help=_("write a checked, encrypted copy of the database and its key file")
    )
    add_target(backup)
    add_user(backup, _("an administrator or supervisor"))
    backup.add_argument(
        "--out", type=Path, required=True, metavar=pgettext("metavar", "FILE"),
        help=_("the new backup file; its key file is written beside it as FILE.keys"),
    )

    restore = commands.add_parser(
        "restore", help=_("check a backup and restore it into a new database path")
    )
    restore.add_argument("--from", type=Path, required=True, dest="source",
                         metavar=pgettext("metavar", "FILE"),
                         help=_("the backup file (its key file FILE.keys beside it)"))
    restore.add_argument("--db", type=Path, required=True, dest="command_db",
                         metavar=pgettext("metavar", "PATH"),
                         help=_("where the restored database goes; it must not exist"))
    restore.add_argument(
        "--erasures-from", type=Path, action="append", default=[],
        metavar=pgettext("metavar", "PATH"),
        help=_("a database (or its key file) whose erasures since the backup are applied "
               "again; those beside the backup and beside the new path are always read"))
    add_user(restore, _("an administrator or supervisor account in the backup"))

    user = commands.add_parser(
        "user", help=_("manage staff accounts: list, add, lock, unlock, reset-password; "
                       "requests, approve, decline (changes waiting for a supervisor)")
    )
    add_target(user)
    add_user(user, _("an administrator or supervisor"))
    user.add_argument("action", choices=["list", "add", "lock", "unlock", "reset-password",
                                         "requests", "approve", "decline"])
    user.add_argument("name", nargs="?", metavar=pgettext("metavar", "USERNAME"),
                      help=_("the account to act on (approve, decline: the request's "
                             "number)"))
    user.add_argument("--role", choices=[r.value for r in Role], default=Role.COUNSELLOR.value)
    user.add_argument("--display-name", help=_("how the new account's name is shown"))

    recover = commands.add_parser(
        "recover",
        help=_("with the recovery code: give an account a new password and unlock it"),
        description=_("For when every supervisor's password is lost or locked out. The "
                      "recovery code is read from ${code_variable} or asked for; the new "
                      "password from ${password_variable} or asked for twice. Audited.").format(
            code_variable=RECOVERY_VARIABLE, password_variable=NEW_PASSWORD_VARIABLE),
    )
    add_target(recover)
    add_user(recover, _("the account to give a new password"))

    new_code = commands.add_parser(
        "recovery-code",
        help=_("a supervisor: issue a new recovery code (after the old one was used, seen "
               "or lost); the old one opens nothing from then on (audited)"),
    )
    add_target(new_code)
    add_user(new_code, _("a supervisor"))

    reset_signin = commands.add_parser(
        "reset-signin",
        help=_("a supervisor: start new sign-in counters when sign-in is refused because "
               "they are damaged, missing or replaced (audited)"),
    )
    add_target(reset_signin)
    add_user(reset_signin, _("a supervisor"))

    export.add_commands(commands)
    importing.add_commands(commands)
    organisation.add_commands(commands)
    erasure.add_commands(commands)
    subject.add_commands(commands)
    for command in (parser, *commands.choices.values()):
        _add_language_option(command)
    return parser


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    """The desktop app's options: where the database is, or the demo."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, metavar=pgettext("metavar", "PATH"),
                       help=_("the encrypted database file"))
    where.add_argument(
        "--db-url", dest="db_url", metavar="URL",
        help=_("the desktop app on a PostgreSQL server database: "
               "postgresql+psycopg://USER@HOST/DATABASE (TLS options such as "
               "?sslmode=verify-full pass through; no password in it). Commands take their "
               "own --db-url, after the command's name"),
    )
    parser.add_argument(
        "--demo", action="store_true",
        help=_("start the desktop app on a fresh demo database with synthetic data"),
    )


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", metavar="fi|sv|en",
        help=_("the language of this run, PDFs included (else $SUOJA_LANG, else the "
               "account's language)"),
    )


class _NotTheWindow(Exception):
    """The line is not only the desktop app's options: the full parser reads it."""


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindow(message)


def program_name() -> str:
    """``suoja`` when run as the installed command or the standalone build, else ``main.py``."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "suoja" if Path(name).stem == "suoja" else "main.py"


def version_line() -> str:
    """"Suoja 0.1.0, database schema 0019": what ``--version`` prints."""
    from models import __version__
    from models.storage.migration import head_revision

    return _("Suoja {version}, database schema {schema}").format(
        version=__version__, schema=head_revision())


class _Version(argparse.Action):
    """``--version``: the schema is read from the migrations only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(version_line())
        parser.exit(0)


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The desktop app's options (``command`` None), if ``argv`` holds nothing else.

    None when there is a command, ``--help``, anything unknown or anything wrong: then
    :func:`build_parser` reads the line, and says what is wrong in its own words. Read
    with the same option definitions as :func:`build_parser`, without importing any
    command's module.
    """
    parser = _WindowParser(prog=program_name(), add_help=False)
    _add_window_options(parser)
    _add_language_option(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except _NotTheWindow:
        return None
    if rest:
        return None
    args.command = None
    return args


def only_check_install(argv: Sequence[str]) -> bool:
    """Is the line ``check-install`` (and perhaps ``--lang``) alone? It runs without the
    parser, whose commands' modules need every part of the installation to import."""
    words = [word for index, word in enumerate(argv)
             if not word.startswith("--lang=") and word != "--lang"
             and not (index > 0 and argv[index - 1] == "--lang")]
    return words == ["check-install"]


def choose_language(argv: Sequence[str]) -> bool:
    """Speak the language ``--lang`` or ``SUOJA_LANG`` chooses (else the system's) from now
    on; ``False``, with one line on stderr, if either names a language Suoja does not speak.

    ``--lang`` is read before the parser runs, wherever it stands, so that ``--help`` and
    the parser's own errors speak the chosen language too.
    """
    requested = None
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            requested = argv[index + 1]
        elif word.startswith("--lang="):
            requested = word.partition("=")[2]
    try:
        chosen = i18n.override(requested)
    except KnownError as error:
        i18n.use(i18n.choose(None))
        _fail(str(error))
        return False
    i18n.use(i18n.choose(chosen), overridden=chosen is not None)
    # argparse's own words ("usage:", "the following arguments are required") are looked
    # up through its module's `_`/`ngettext` when shown: ours translate them (cli catalog).
    argparse._ = i18n.gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    return True


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a whole number")) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be at least 1"))
    return value


def run(args: argparse.Namespace, *, out: Callable[[str], None] = print) -> int:
    """Run one headless command; returns the exit code."""
    from sqlalchemy.exc import SQLAlchemyError

    from cli import erasure, export, importing, organisation, subject
    from cli.accounts import cmd_recover, cmd_recovery_code, cmd_reset_signin, cmd_user
    from cli.database import cmd_backup, cmd_init, cmd_restore, cmd_seed_demo, cmd_verify
    from models.domain import deployment
    from models.storage.errors import from_database_error

    handlers = {
        "init": cmd_init, "seed-demo": cmd_seed_demo, "verify": cmd_verify,
        "backup": cmd_backup, "restore": cmd_restore, "user": cmd_user,
        "recover": cmd_recover, "reset-signin": cmd_reset_signin,
        "recovery-code": cmd_recovery_code,
        **export.HANDLERS,
        **importing.HANDLERS,
        **organisation.HANDLERS,
        **erasure.HANDLERS,
        **subject.HANDLERS,
    }
    try:
        # The organisation's policy is never ignored: an unusable deployment file stops
        # every command (one sentence naming the file and the key, exit code 4).
        deployment.current()
        return handlers[args.command](args, out)
    except KnownError as error:
        _fail(str(error))
        return error.exit_code
    except SQLAlchemyError as error:
        known = from_database_error(error)
        _fail(str(known) if known else _("The database reported an unexpected problem."))
        log.debug("database error of type %s", type(error).__name__)
        return known.exit_code if known else 1
    except KeyboardInterrupt:
        _fail(_("Interrupted; the unfinished step was rolled back."))
        return 1
    except OSError as error:
        _fail(_("The operating system refused a file operation ({reason}).").format(
            reason=error.strerror or _("error")))
        return 1


def _fail(message: str) -> None:
    print(f"suoja: {message}", file=sys.stderr)


