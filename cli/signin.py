"""Signing in from the command line, and the passwords and codes a command asks for.

Passwords come from ``SUOJA_PASSWORD`` or an interactive prompt, never from an argument
(arguments show up in process lists and shell history). Every command that opens a
database signs in through :func:`sign_in`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from cli.target import target_of, with_server_password
from models.domain.errors import UsageError
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database

PASSWORD_VARIABLE = "SUOJA_PASSWORD"
RECOVERY_VARIABLE = "SUOJA_RECOVERY_CODE"
NEW_PASSWORD_VARIABLE = "SUOJA_NEW_PASSWORD"


def read_password(prompt: str = "Password: ", *, confirm: bool = False) -> str:
    """The password from the environment, else asked for without echo.

    Raises:
        UsageError: no password in the environment and no terminal to ask on.
    """
    from_env = os.environ.get(PASSWORD_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(f"No password given: set {PASSWORD_VARIABLE} or run in a terminal.")
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the password: ") != password:
        raise UsageError("The two passwords differ; nothing was created.")
    return password


def sign_in(args: argparse.Namespace) -> tuple[Database, Actor]:
    """Open the command's database as ``--user`` (the password read once)."""
    target = target_of(args)
    password = read_password()
    return with_server_password(target, lambda t: open_database(t, args.user, password))


def new_password() -> str:
    """The new account's password: ``$SUOJA_NEW_PASSWORD``, else asked twice."""
    from_env = os.environ.get(NEW_PASSWORD_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(
            f"No new password given: set {NEW_PASSWORD_VARIABLE} or run in a terminal."
        )
    password = getpass.getpass("New password for the account: ")
    if getpass.getpass("Repeat the new password: ") != password:
        raise UsageError("The two passwords differ; nothing was changed.")
    return password
