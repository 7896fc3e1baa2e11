"""The secrets a command asks for: passwords and the recovery code.

Each comes from its environment variable when that is set, else is asked for on the
terminal without echo (a new password twice); never from an argument, since arguments
show up in process lists and shell history. Without a terminal to ask on, the command
stops with one sentence naming the variable.
"""

from __future__ import annotations

import getpass
import os
import sys

from models.domain.errors import UsageError
from models.domain.i18n import gettext as _

PASSWORD_VARIABLE = "SUOJA_PASSWORD"
RECOVERY_VARIABLE = "SUOJA_RECOVERY_CODE"
NEW_PASSWORD_VARIABLE = "SUOJA_NEW_PASSWORD"


def password() -> str:
    """The signing-in user's password: ``$SUOJA_PASSWORD``, else asked for.

    Raises:
        UsageError: neither the variable nor a terminal.
    """
    return _secret(PASSWORD_VARIABLE, _("No password given"), _("Password: "))


def first_password() -> str:
    """``init``'s password for the first supervisor: ``$SUOJA_PASSWORD``, else asked twice.

    Raises:
        UsageError: neither the variable nor a terminal, or the two typed differ.
    """
    return _secret(PASSWORD_VARIABLE, _("No password given"),
                   _("New password for the first supervisor: "),
                   repeat=_("Repeat the password: "),
                   differ=_("The two passwords differ; nothing was created."))


def new_password() -> str:
    """A password an account is given: ``$SUOJA_NEW_PASSWORD``, else asked twice.

    Raises:
        UsageError: neither the variable nor a terminal, or the two typed differ.
    """
    return _secret(NEW_PASSWORD_VARIABLE, _("No new password given"),
                   _("New password for the account: "),
                   repeat=_("Repeat the new password: "),
                   differ=_("The two passwords differ; nothing was changed."))


def recovery_code() -> str:
    """The recovery code ``init`` showed: ``$SUOJA_RECOVERY_CODE``, else asked for.

    Raises:
        UsageError: neither the variable nor a terminal.
    """
    return _secret(RECOVERY_VARIABLE, _("No recovery code given"), _("Recovery code: "))


def can_ask() -> bool:
    """Whether there is a terminal to ask on."""
    return bool(sys.stdin) and sys.stdin.isatty()


def server_password(server: str) -> str:
    """The database server's own password, asked for on the terminal (see ``can_ask``)."""
    return getpass.getpass(_("Password for the database server ({server}): ").format(
        server=server))


def _secret(variable: str, missing: str, prompt: str, *, repeat: str | None = None,
            differ: str = "") -> str:
    from_env = os.environ.get(variable)
    if from_env:
        return from_env
    if not can_ask():
        raise UsageError(_("{missing}: set {variable} or run in a terminal.").format(
            missing=missing, variable=variable))
    typed = getpass.getpass(prompt)
    if repeat is not None and getpass.getpass(repeat) != typed:
        raise UsageError(differ)
    return typed
