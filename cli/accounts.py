"""Staff accounts from the command line: ``user``, ``recover``, ``recovery-code`` and
``reset-signin``.

The same services as the GUI's account administration; new passwords come from
``SUOJA_NEW_PASSWORD`` or are asked twice, the recovery code from
``SUOJA_RECOVERY_CODE`` or asked for. An administrator's new supervisor or administrator,
or a new password for one, waits as a request that another supervisor approves with
``user approve N`` (typing the new password then) or declines with ``user decline N``;
``user requests`` lists them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from cli import prompts
from cli.prompts import new_password, recovery_code
from cli.signin import sign_in
from cli.target import target_of, with_server_password
from models.domain.dto import AccountRequestData
from models.domain.enums import Role
from models.domain.errors import NotFound, UsageError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.storage.store import recover_account, reset_sign_in_counters

if TYPE_CHECKING:
    from models.services.accounts import AccountService

#: How the account's role is named in a sentence (the list shows the code ``--role`` takes).
ROLE_NAMES = {
    Role.COUNSELLOR: N_("counsellor"),
    Role.POLICE_LIAISON: N_("police liaison"),
    Role.SUPERVISOR: N_("supervisor"),
    Role.ADMINISTRATOR: N_("administrator"),
}


#: What a pending account change asks for, in the ``requests`` list.
REQUEST_KINDS = {
    "create": N_("new account"),
    "role": N_("new role"),
    "password": N_("new password"),
}


def cmd_user(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Account administration from the command line (the same services as the GUI)."""
    from models import services

    if args.action not in ("list", "requests") and not args.name:
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
        if args.action in ("requests", "approve", "decline"):
            return _requests(accounts, args, out)
        if args.action == "add":
            role = Role(args.role)
            created = accounts.create_user(
                args.name, args.display_name or args.name, role,
                None if accounts.needs_approval(role) else new_password())
            if isinstance(created, AccountRequestData):
                _asked(created, out)
                return 0
            out(_("Created {role} account {username}.").format(
                role=_(ROLE_NAMES[Role(created.role)]), username=created.username))
            return 0
        target = next((a for a in accounts.list_users() if a.username == args.name.lower()),
                      None)
        if target is None:
            raise NotFound(_("There is no account with that username."))
        if args.action == "reset-password":
            pending = accounts.reset_password(
                target.id, None if accounts.needs_approval(target.role) else new_password())
            if pending is not None:
                _asked(pending, out)
                return 0
            out(_("New password set for {username}; the database's keys were changed, so "
                  "the old password opens nothing.").format(username=target.username))
            _say_if_rotation_waits(accounts, out)
        else:
            unlock = args.action == "unlock"
            accounts.set_active(target.id, unlock)
            done = _("Account {username} unlocked.") if unlock else _("Account {username} locked.")
            out(done.format(username=target.username))
            _say_if_rotation_waits(accounts, out)
        return 0
    finally:
        database.dispose()


def _asked(request: AccountRequestData, out: Callable[[str], None]) -> None:
    out(_("Another supervisor must approve this change: it waits as request {number} "
          "(user approve {number}). The supervisor who approves sets any new password.")
        .format(number=request.id))


def _requests(accounts: AccountService, args: argparse.Namespace,
              out: Callable[[str], None]) -> int:
    """``user requests`` lists the pending account changes; ``user approve N`` and
    ``user decline N`` decide one (a supervisor other than the requester)."""
    if args.action == "requests":
        for request in accounts.requests():
            role = _(ROLE_NAMES[Role(request.role)]) if request.role else ""
            out(f"{request.id:>4} {_(REQUEST_KINDS[request.kind]):<16} "
                f"{request.username:<20} {role:<15} "
                + _("asked by {username}").format(username=request.requested_by))
        return 0
    try:
        number = int(args.name)
    except ValueError:
        raise UsageError(_("'user {action}' needs the request's number (see user "
                           "requests).").format(action=args.action)) from None
    if args.action == "decline":
        accounts.decline_request(number)
        out(_("Request {number} declined; nothing was changed.").format(number=number))
        return 0
    found = next((r for r in accounts.requests() if r.id == number), None)
    if found is None:
        raise NotFound(_("There is no pending account change with that number."))
    changed = accounts.approve_request(
        number, None if found.kind == "role" else new_password())
    out(_("Request {number} approved: {username} is a {role}.").format(
        number=number, username=changed.username, role=_(ROLE_NAMES[Role(changed.role)])))
    return 0


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


def cmd_recovery_code(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """A supervisor issues a new recovery code: shown once, the old one retired."""
    from models import services

    database, actor = sign_in(args)
    try:
        code = services.build(database, actor).accounts.replace_recovery_code()
    finally:
        database.dispose()
    out(_("New recovery code (shown only now; the old one opens nothing from now on):"))
    out(f"  {code}")
    out(_("Write it on paper and keep it in a safe, as the deployment guide says."))
    return 0


def _say_if_rotation_waits(accounts: AccountService, out: Callable[[str], None]) -> None:
    if accounts.rotation_waits():
        out(_("Another program has the database open, so its file is re-encrypted under the "
              "new key at the next sign-in; close Suoja elsewhere and sign in again soon."))
