"""Signing in from the command line.

Every command that opens a database signs in through :func:`sign_in`, with the password
from ``SUOJA_PASSWORD`` or asked for (:mod:`cli.prompts`).
"""

from __future__ import annotations

import argparse

from cli import prompts
from cli.target import target_of, with_server_password
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database


def sign_in(args: argparse.Namespace) -> tuple[Database, Actor]:
    """Open the command's database as ``--user`` (the password read once)."""
    target = target_of(args)
    password = prompts.password()
    return with_server_password(target, lambda t: open_database(t, args.user, password))
