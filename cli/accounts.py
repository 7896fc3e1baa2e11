"""Staff accounts from the command line: ``user``, ``recover`` and ``reset-signin``.

The same services as the GUI's account administration; new passwords come from
``SUOJA_NEW_PASSWORD`` or are asked twice, the recovery code from
``SUOJA_RECOVERY_CODE`` or asked for.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from cli import prompts
from cli.prompts import new_password, recovery_code
from cli.signin import sign_in
from cli.target import target_of, with_server_password
from models.domain.enums import Role
from models.domain.errors import NotFound, UsageError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.storage.store import recover_account, reset_sign_in_counters

#: How the account's role is named in a sentence (the list shows the code ``--role`` takes).
ROLE_NAMES = {
    Role.COUNSELLOR: N_("counsellor"),
    Role.POLICE_LIAISON: N_("police liaison"),
    Role.SUPERVISOR: N_("supervisor"),
    Role.ADMINISTRATOR: N_("administrator"),
}


def cmd_user(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Account administration from the command line (the same services as the GUI)."""
    from models import services

    if args.action != "list" and not args.name:
        raise UsageError(_("'user {action}' needs the account's username.").format(
            action=args.action))
    database, actor = sign_in(args)
    try:
        accounts = services.build(database, actor).accounts
        if args.action == "list":
            active, locked = _("active"), _("locked")
            width = max(len(active), len(locked))
            for account in accounts.list_users():
                state = active if account.is_active else locked
                out(f"{account.username:<20} {account.role:<15} {state:<{width}} "
                    f"{account.display_name}")
            return 0
        if args.action == "add":
            created = accounts.create_user(args.name, args.display_name or args.name,
                                           Role(args.role), new_password())
            out(_("Created {role} account {username}.").format(
                role=_(ROLE_NAMES[Role(created.role)]), username=created.username))
            return 0
        target = next((a for a in accounts.list_users() if a.username == args.name.lower()),
                      None)
        if target is None:
            raise NotFound(_("There is no account with that username."))
        if args.action == "reset-password":
            accounts.reset_password(target.id, new_password())
            out(_("New password set for {username}; their key slot was rewrapped.").format(
                username=target.username))
        else:
            unlock = args.action == "unlock"
            accounts.set_active(target.id, unlock)
            done = _("Account {username} unlocked.") if unlock else _("Account {username} locked.")
            out(done.format(username=target.username))
        return 0
    finally:
        database.dispose()


def cmd_recover(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """The recovery code's use: a new password for one account, which is unlocked."""
    target = target_of(args)
    code = recovery_code()
    password = new_password()
    with_server_password(target, lambda t: recover_account(t, code, args.user, password))
    out(_("New password set for {username} with the recovery code; the account is "
          "unlocked.").format(username=args.user))
    out(_("Put the recovery code back in safe keeping; the reset is in the audit log."))
    return 0


def cmd_reset_signin(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """A supervisor lifts the refusal that missing, damaged or replaced sign-in counters
    cause (audited); the supervisor's own password is asked as at sign-in."""
    target = target_of(args)
    password = prompts.password()
    reason = with_server_password(
        target, lambda t: reset_sign_in_counters(t, args.user, password))
    if not reason:
        out(_("The sign-in counters are in order; nothing was reset."))
        return 0
    out(_("New sign-in counters were started and the reset is in the audit log; sign-in "
          "works again."))
    return 0
