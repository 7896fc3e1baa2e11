"""``--db PATH`` or ``--db-url URL``: which database a command works on.

Every command that opens a database takes one of the two. The server's own password is
never an argument or a setting: libpq finds it (``~/.pgpass``, a service file,
``PGPASSWORD``), or the command asks for it on the terminal and keeps it in memory.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from cli import prompts
from models.domain.errors import UsageError
from models.domain.i18n import N_, pgettext
from models.domain.i18n import gettext as _
from models.storage.server import ServerPasswordNeeded, ServerUrl

T = TypeVar("T")

URL_HELP = N_("a PostgreSQL server database: postgresql+psycopg://USER@HOST/DATABASE, TLS "
              "options such as ?sslmode=verify-full pass through; no password in it")


def add_target(parser: argparse.ArgumentParser, *, path_help: str | None = None) -> None:
    """Give a command ``--db PATH`` and ``--db-url URL`` (exactly one of them); ``path_help``
    (translated) says what ``--db`` is, the encrypted database file unless given."""
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--db", type=Path, dest="command_db",
                       metavar=pgettext("metavar", "PATH"),
                       help=path_help or _("the encrypted database file"))
    group.add_argument("--db-url", dest="command_db_url", metavar="URL", help=_(URL_HELP))


def add_user(parser: argparse.ArgumentParser, help: str | None = None) -> None:  # noqa: A002
    """Give a command ``--user NAME``: the account it signs in as (``help``, translated,
    says more when the command needs a particular kind of account)."""
    parser.add_argument("--user", required=True, metavar=pgettext("metavar", "USER"),
                        help=help or _("the account you sign in as"))


def target_of(args: argparse.Namespace) -> Path | ServerUrl:
    """The database the command names.

    Raises:
        UsageError: the URL is malformed or carries a password.
    """
    url = getattr(args, "command_db_url", None)
    if url:
        return ServerUrl.parse(url)
    path = getattr(args, "command_db", None)
    if path is None:
        raise UsageError(_("Name the database with --db PATH or --db-url URL."))
    return Path(path)


def with_server_password(target: Path | ServerUrl, action: Callable[[Path | ServerUrl], T]) -> T:
    """Run ``action(target)``; if the server asks for a password, ask on the terminal once.

    Raises:
        ServerPasswordNeeded: the server wants a password and there is no terminal.
    """
    try:
        return action(target)
    except ServerPasswordNeeded as needed:
        if not isinstance(target, ServerUrl) or not prompts.can_ask():
            raise ServerPasswordNeeded(
                _("{problem} Put it in a libpq password file (~/.pgpass) or run in a "
                  "terminal.").format(problem=needed)
            ) from None
        return action(target.with_password(prompts.server_password(target.display)))
