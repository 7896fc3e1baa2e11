"""The export commands of ``main.py``: ``export-pdf`` and ``report``.

    main.py export-pdf --db PATH --user NAME (--case REF | --all) --profile police|care
                       --out PATH [--status S ...] [--breach NAME]
                       [--reports-filed-from D] [--reports-filed-to D]
                       [--reveal-identity-codes] [--password-env VAR] [--workers N]
                       [--json]
    main.py report --db PATH --user NAME --out FILE [--password-env VAR]

:func:`add_commands` registers them on the command parser of :mod:`cli.main`, and
:data:`HANDLERS` maps each command to its function for ``cli.main.run``, which turns known
errors into one line on stderr and the exit code.

The sign-in password comes from ``SUOJA_PASSWORD`` or a prompt (``cli.prompts.password``).
An optional PDF password is read from the environment variable named by
``--password-env``, never from an argument; it must differ from the sign-in password and
be as long as the desktop app asks (``models.security.passwords.check_pdf_password``).

A batch (``--all``) also writes ``index.csv`` and ``index.json`` into its folder; with
``--json`` each police summary gets its JSON companion (docs/POLICE-EXCHANGE.md). JSON
files are plaintext, so ``--json`` is refused with ``--password-env``, and with any
profile but the police's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from cli.figures import decimal_text
from cli.progress import terminal_progress
from cli.prompts import PASSWORD_VARIABLE
from cli.signin import sign_in
from cli.target import add_target, add_user
from models.domain import i18n, validation
from models.domain.enums import CaseStatus
from models.domain.errors import UsageError, ValidationError
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext, pgettext
from models.pdf.data import Profile
from models.pdf.police_exchange import INDEX_CSV, INDEX_JSON
from models.security.passwords import check_pdf_password

Out = Callable[[str], None]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export-pdf`` and ``report`` to the sub-command parser of ``main.py``."""
    export = commands.add_parser(
        "export-pdf",
        help=_("export case summaries as PDF (one case, or a batch into a folder)"),
        description=_("Export case summaries. The police profile never contains support-"
                      "session notes; identity codes are masked unless "
                      "--reveal-identity-codes is given (which is audited). Every export is "
                      "written to the audit log."),
    )
    add_target(export)
    add_user(export)
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", metavar=pgettext("metavar", "REF"),
                       help=_("one case, by reference (SUO-2020-00042)"))
    which.add_argument("--all", action="store_true",
                       help=_("every case you may export (narrow with the filters below)"))
    export.add_argument("--profile", required=True, choices=[p.value for p in Profile],
                        help=_("police, care (handover) or victim (a letter to the client in "
                               "their own language, with --case; --lang chooses another)"))
    export.add_argument("--out", type=Path, required=True, metavar=pgettext("metavar", "PATH"),
                        help=_("the PDF file (with --case) or the folder (with --all)"))
    export.add_argument("--status", action="append", choices=[s.value for s in CaseStatus],
                        help=_("with --all: only cases in this state (repeatable)"))
    export.add_argument("--breach", metavar=pgettext("metavar", "NAME"),
                        help=_("with --all: only this breach's victims"))
    export.add_argument("--reports-filed-from", type=parse_date,
                        metavar=pgettext("metavar", "DATE"),
                        help=_("with --all: only cases with a police report filed on or after "
                               "DATE (d.M.yyyy or yyyy-mm-dd)"))
    export.add_argument("--reports-filed-to", type=parse_date,
                        metavar=pgettext("metavar", "DATE"),
                        help=_("with --all: ... and on or before DATE"))
    export.add_argument("--reveal-identity-codes", action="store_true",
                        help=_("print full identity codes instead of masked ones (audited)"))
    _password_env_argument(export)
    export.add_argument("--workers", type=_workers, default=2, metavar="N",
                        help=_("render processes for --all (default 2; 0 = none)"))
    export.add_argument("--json", action="store_true",
                        help=_("police profile: also write each summary as a JSON file "
                               "beside its PDF (not with --password-env)"))

    report = commands.add_parser(
        "report", help=_("the caseload report for supervisors, as PDF"),
        description=_("Open cases per counsellor, risk distribution, overdue follow-ups, "
                      "acute or high-risk victims with no support session in 7 days and "
                      "police-report coverage."),
    )
    add_target(report)
    add_user(report, _("a supervisor"))
    report.add_argument("--out", type=Path, required=True, metavar=pgettext("metavar", "FILE"),
                        help=_("the PDF file to write (an existing file is replaced)"))
    _password_env_argument(report)


def _password_env_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-env", metavar=pgettext("metavar", "VAR"),
        help=_("encrypt the PDF with AES-256 under the password in environment variable VAR"),
    )


def parse_date(value: str) -> dt.date:
    """A date typed as ``d.M.yyyy`` (Finnish) or ``yyyy-mm-dd``."""
    try:
        return validation.parse_date(value, field="Date", iso=True)
    except ValidationError:
        raise argparse.ArgumentTypeError(
            _("must be a date like 24.10.2020 or 2020-10-24")) from None


def _workers(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a whole number")) from None
    if not 0 <= count <= 16:
        raise argparse.ArgumentTypeError(_("must be between 0 and 16"))
    return count


def pdf_password(variable: str | None) -> str | None:
    """The PDF password from the environment variable ``variable`` (None: no encryption).

    Raises:
        UsageError: the variable is empty or unset, it is the sign-in password's, or the
            password is shorter than the desktop app allows (12 characters).
    """
    if variable is None:
        return None
    if variable == PASSWORD_VARIABLE:
        raise UsageError(_("Use a PDF password of its own, not the sign-in password's variable."))
    password = os.environ.get(variable, "")
    if not password:
        raise UsageError(_("The environment variable {variable} holds no PDF password.").format(
            variable=variable))
    if password == os.environ.get(PASSWORD_VARIABLE):
        raise UsageError(_("The PDF password must differ from your sign-in password."))
    try:
        check_pdf_password(password)  # the desktop app's rule; the services check it too
    except ValidationError as error:
        raise UsageError(str(error)) from None  # before signing in, as the other checks
    return password


def cmd_export_pdf(args: argparse.Namespace, out: Out) -> int:
    """Export one case summary, or one per selected case into a folder."""
    from models.services.exports import CaseSelection, ExportService

    filters = (args.status, args.breach, args.reports_filed_from, args.reports_filed_to)
    if args.case and any(f is not None for f in filters):
        raise UsageError(_("--status, --breach and --reports-filed-* go with --all, not --case."))
    if (args.reports_filed_from and args.reports_filed_to
            and args.reports_filed_from > args.reports_filed_to):
        raise UsageError(_("--reports-filed-from is after --reports-filed-to."))
    profile = Profile(args.profile)
    if args.json and profile is not Profile.POLICE:
        raise UsageError(_("--json goes with --profile police only."))
    if args.json and args.password_env is not None:
        raise UsageError(_("--json cannot go with --password-env: the JSON files would hold "
                           "the same personal data unencrypted."))
    password = pdf_password(args.password_env)
    database, actor = sign_in(args)
    try:
        from models.domain.changes import ChangeBus

        exports = ExportService(database, actor, ChangeBus())
        if args.case:
            path = exports.export_case(
                exports.find_case(args.case), profile, args.out,
                reveal_identity_code=args.reveal_identity_codes, password=password,
                language=i18n.run_override(), with_json=args.json)
            out(_("Wrote {path} ({what}).").format(
                path=path, what=_describe(profile, args.reveal_identity_codes, password)))
            if args.json:
                out(_("Wrote {path} (the same summary as JSON).").format(
                    path=path.with_suffix(".json")))
            return 0
        if args.out.exists() and not args.out.is_dir():
            raise UsageError(_("With --all, --out must be a folder."))
        selection = CaseSelection(
            statuses=tuple(CaseStatus(s) for s in args.status or ()),
            breach_name=args.breach,
            reports_filed_from=args.reports_filed_from,
            reports_filed_to=args.reports_filed_to,
        )
        cases = exports.select_cases(selection)
        if not cases:
            out(_("No cases match; nothing was exported."))
            return 0
        references = dict(cases)
        result = exports.export_cases(
            [case_id for case_id, _reference in cases], profile, args.out,
            reveal_identity_codes=args.reveal_identity_codes, password=password,
            progress=terminal_progress(_("Exporting")), cancel=threading.Event(),
            workers=args.workers, with_json=args.json,
        )
    finally:
        database.dispose()
    out(ngettext("Exported {n} of {total} case to {folder} in {seconds} s ({what}).",
                 "Exported {n} of {total} cases to {folder} in {seconds} s ({what}).",
                 result.total).format(
        n=len(result.written), total=result.total, folder=args.out,
        seconds=decimal_text(result.seconds),
        what=_describe(profile, args.reveal_identity_codes, password)))
    out((_("The index of the files is {csv} and {json}; each summary is also a JSON file.")
         if args.json else _("The index of the files is {csv} and {json}.")).format(
        csv=args.out / INDEX_CSV, json=args.out / INDEX_JSON))
    if result.failed:
        first_id, reason = result.failed[0]
        failed = len(result.failed)
        more = (ngettext(" and {n} more", " and {n} more", failed - 1).format(n=failed - 1)
                if failed > 1 else "")
        sys.stderr.write("suoja: " + ngettext(
            "{n} case was not exported: {case}: {reason}{more}",
            "{n} cases were not exported: {case}: {reason}{more}", failed).format(
            n=failed, case=references.get(first_id, first_id), reason=reason, more=more)
            + "\n")
        return 1
    return 0


def _describe(profile: Profile, revealed: bool, password: str | None) -> str:
    kinds = {Profile.POLICE: _("police profile"), Profile.CARE: _("care profile"),
             Profile.VICTIM: _("letter to the client")}
    parts = [kinds[profile], _("full identity codes") if revealed else _("identity codes masked")]
    if password:
        parts.append(_("AES-256 encrypted"))
    return ", ".join(parts)


def cmd_report(args: argparse.Namespace, out: Out) -> int:
    """Write the caseload report (supervisors)."""
    from models.domain.changes import ChangeBus
    from models.services.exports import ExportService

    password = pdf_password(args.password_env)
    if args.out.is_dir():
        raise UsageError(_("--out must name the report file, not a folder."))
    database, actor = sign_in(args)
    try:
        path = ExportService(database, actor, ChangeBus()).export_caseload_report(
            args.out, password=password)
    finally:
        database.dispose()
    out((_("Wrote the caseload report to {path} (AES-256 encrypted).") if password
         else _("Wrote the caseload report to {path}.")).format(path=path))
    return 0


#: Command name → function, for ``cli.main.run``.
HANDLERS: dict[str, Callable[[argparse.Namespace, Out], int]] = {
    "export-pdf": cmd_export_pdf,
    "report": cmd_report,
}
