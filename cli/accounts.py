"""Staff accounts from the command line: ``user`` and ``recover``.

The same services as the GUI's account administration; new passwords come from
``SUOJA_NEW_PASSWORD`` or are asked twice, the recovery code from
``SUOJA_RECOVERY_CODE`` or asked for.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from cli.prompts import new_password, recovery_code
from cli.signin import sign_in
from cli.target import target_of, with_server_password
from models.domain.enums import Role
from models.domain.errors import NotFound, UsageError
from models.storage.store import recover_account


def cmd_user(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Account administration from the command line (the same services as the GUI)."""
    from models import services

    if args.action != "list" and not args.name:
        raise UsageError(f"'user {args.action}' needs the account's username.")
    database, actor = sign_in(args)
    try:
        accounts = services.build(database, actor).accounts
        if args.action == "list":
            for account in accounts.list_users():
                state = "active" if account.is_active else "locked"
                out(f"{account.username:<20} {account.role:<15} {state:<7} "
                    f"{account.display_name}")
            return 0
        if args.action == "add":
            created = accounts.create_user(args.name, args.display_name or args.name,
                                           Role(args.role), new_password())
            out(f"Created {created.role.replace('_', ' ')} account {created.username}.")
            return 0
        target = next((a for a in accounts.list_users() if a.username == args.name.lower()),
                      None)
        if target is None:
            raise NotFound("There is no account with that username.")
        if args.action == "reset-password":
            accounts.reset_password(target.id, new_password())
            out(f"New password set for {target.username}; their key slot was rewrapped.")
        else:
            accounts.set_active(target.id, args.action == "unlock")
            out(f"Account {target.username} {args.action}ed.")
        return 0
    finally:
        database.dispose()


def cmd_recover(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """The recovery code's use: a new password for one account, which is unlocked."""
    target = target_of(args)
    code = recovery_code()
    password = new_password()
    with_server_password(target, lambda t: recover_account(t, code, args.user, password))
    out(f"New password set for {args.user} with the recovery code; the account is unlocked.")
    out("Put the recovery code back in safe keeping; the reset is in the audit log.")
    return 0
