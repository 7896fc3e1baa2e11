"""The person's access copy from the command line: ``export-subject`` (supervisors).

    main.py export-subject --db PATH --user NAME --case REF --out DIR
                           [--withheld "WHAT: WHY" ...] [--lang fi|sv|en]

The same service as everywhere (``models.services.subject_access``): DIR (new or empty)
receives the PDF in the person's language (``--lang`` chooses another), ``subject.json``
(docs/SUBJECT_ACCESS.md) and ``attachments/``. ``--withheld`` notes in the copy what was
kept back and why; the audit keeps only how many. Bad input gets one sentence and
writes nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli.signin import sign_in
from cli.target import add_target, add_user
from models.domain import i18n
from models.domain.errors import UsageError
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext, pgettext

Out = Callable[[str], None]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export-subject`` to the sub-command parser of ``main.py``."""
    export = commands.add_parser(
        "export-subject",
        help=_("a supervisor: a person's copy of everything recorded about them (GDPR "
               "Articles 15 and 20): a PDF, the same data as JSON, and the evidence files"),
        description=_("Writes into a new or empty folder a PDF in the person's language, "
                      "subject.json (docs/SUBJECT_ACCESS.md) and the evidence files under "
                      "attachments/. Session notes and messages are included in clear. "
                      "Audited."),
    )
    add_target(export)
    add_user(export, _("a supervisor"))
    export.add_argument("--case", required=True, metavar=pgettext("metavar", "REF"),
                        help=_("the case, by reference (SUO-2020-00042)"))
    export.add_argument("--out", type=Path, required=True, metavar=pgettext("metavar", "DIR"),
                        help=_("the folder for the copy; it must be new or empty"))
    export.add_argument(
        "--withheld", action="append", default=[], metavar=pgettext("metavar", "WHAT: WHY"),
        help=_("something kept out of the copy and why, noted in it (repeatable)"))


def withheld_items(values: list[str]) -> list[tuple[str, str]]:
    """``"WHAT: WHY"`` as (what, why).

    Raises:
        UsageError: a value lacks the colon, or either side is empty.
    """
    items = []
    for value in values:
        what, colon, why = value.partition(":")
        if not colon or not what.strip() or not why.strip():
            raise UsageError(_("Write each --withheld as \"what: why\"."))
        items.append((what.strip(), why.strip()))
    return items


def cmd_export_subject(args: argparse.Namespace, out: Out) -> int:
    from models import services
    from models.services.subject_access import Withheld, check_folder

    withheld = [Withheld(what, why) for what, why in withheld_items(args.withheld)]
    check_folder(args.out)  # before signing in: a wrong folder costs no password
    database, actor = sign_in(args)
    try:
        access = services.build(database, actor).subject_access
        result = access.export(access.find_case(args.case), args.out, withheld,
                               language=i18n.run_override())
    finally:
        database.dispose()
    out(ngettext("Wrote the copy to {folder}: {pdf}, {json} and {n} evidence file.",
                 "Wrote the copy to {folder}: {pdf}, {json} and {n} evidence files.",
                 result.attachments).format(
        folder=result.folder, pdf=result.pdf.name, json=result.json.name,
        n=result.attachments))
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Out], int]] = {
    "export-subject": cmd_export_subject}
