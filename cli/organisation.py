"""The organisation's settings from the command line: ``organisation``.

Without options it prints them; with options it changes them (administrators and
supervisors; audited). The same service as the GUI's Accounts ▸ Organisation…. What it
prints is what is in force, each value the organisation's deployment file enforces marked
so, and which deployment file this workstation read (or where it would look for one).
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable

from cli.signin import sign_in
from cli.target import add_target, add_user
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext, pgettext


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``organisation`` to the sub-command parser of ``main.py``."""
    command = commands.add_parser(
        "organisation", help=_("show or set the organisation's settings for every PDF"))
    add_target(command)
    add_user(command)
    command.add_argument(
        "--name", metavar=pgettext("metavar", "TEXT"),
        help=_("the organisation's name, shown in the main window's title"))
    command.add_argument(
        "--classification", metavar=pgettext("metavar", "TEXT"),
        help=_("the line under the confidentiality marking on every page of every PDF, e.g. "
               "the statutory basis of the secrecy"))
    command.add_argument(
        "--help-lines", metavar=pgettext("metavar", "TEXT"),
        help=_("the help a letter to a client offers, one per line (use \\n between lines)"))
    command.add_argument(
        "--data-requests", metavar=pgettext("metavar", "TEXT"),
        help=_("how a client asks for their data or its erasure (an address, a phone number)"))
    command.add_argument(
        "--police-contact", metavar=pgettext("metavar", "TEXT"),
        help=_("how investigators reach the crisis service (a phone number, an e-mail, "
               "hours), shown in every police summary (use \\n between lines)"))
    command.add_argument(
        "--erasure-approval", choices=["on", "off"],
        help=_("a supervisor: whether erasing a victim's data needs a second supervisor's "
               "approval (audited)"))


def cmd_organisation(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from models import services
    from models.domain import deployment

    changes = {name: value.replace("\\n", "\n") for name, value in (
        ("name", args.name),
        ("classification_line", args.classification), ("help_lines", args.help_lines),
        ("data_requests", args.data_requests), ("police_contact", args.police_contact))
        if value is not None}
    database, actor = sign_in(args)
    try:
        built = services.build(database, actor)
        organisation, retention = built.organisation, built.retention
        if changes:
            organisation.update(dataclasses.replace(organisation.for_editing(), **changes))
        if args.erasure_approval is not None:
            retention.set_erasure_needs_approval(args.erasure_approval == "on")
        if changes or args.erasure_approval is not None:
            out(_("Saved the organisation's settings."))
        settings = organisation.settings()
        approval = retention.erasure_needs_approval()
        days = retention.retention_days()
    finally:
        database.dispose()
    deployed = deployment.current()

    def shown(key: str, text: str) -> str:
        return _("{text} (set by the deployment file)").format(text=text) \
            if deployed.enforces(key) else text

    not_set = _("(not set: the default)")
    out(_("Name of the organisation: {text}").format(
        text=shown("name", settings.name or _("(not set)"))))
    out(_("Classification line: {text}").format(
        text=shown("classification_line", settings.classification_line or not_set)))
    out(_("Help lines: {text}").format(
        text=shown("help_lines", " · ".join(settings.help_lines.splitlines()) or not_set)))
    out(_("Data requests: {text}").format(
        text=shown("data_requests", settings.data_requests or not_set)))
    out(_("Contact for the police: {text}").format(
        text=shown("police_contact",
                   " · ".join(settings.police_contact.splitlines()) or _("(not set)"))))
    out(_("Retention period: {text}").format(text=shown(
        "retention_days", ngettext("{n} day", "{n} days", days).format(n=days))))
    out(_("An erasure needs a second supervisor's approval: {answer}").format(
        answer=_("yes") if approval else _("no")))
    if deployed.source is not None:
        out(_("Deployment file: {file}").format(file=deployed.source))
    else:
        out(_("Deployment file: none (looked for {file})").format(
            file=deployment.platform_location()))
    return 0


HANDLERS = {"organisation": cmd_organisation}
