"""Signing in from the command line.

Every command that opens a database signs in through :func:`sign_in`, with the password
from ``SUOJA_PASSWORD`` or asked for (:mod:`cli.prompts`).
"""

from __future__ import annotations

import argparse
import sys

from cli import prompts
from cli.target import target_of, with_server_password
from models.domain import i18n
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database


def sign_in(args: argparse.Namespace) -> tuple[Database, Actor]:
    """Open the command's database as ``--user`` (the password read once); from then on
    speak the account's language, unless ``--lang`` or ``SUOJA_LANG`` chose one."""
    target = target_of(args)
    password = prompts.password()
    database, actor = with_server_password(
        target, lambda t: open_database(t, args.user, password))
    i18n.after_sign_in(actor.language)
    if database.schema_upgrade is not None:  # on stderr: the command's own output stays clean
        print(f"suoja: {database.schema_upgrade.notice()}", file=sys.stderr)
    return database, actor
