"""The import command of ``main.py``: ``import-csv``.

    main.py import-csv --db PATH --user NAME FILE [--all-or-nothing]
                       [--map FIELD=COLUMN ...] [--ignore-column COLUMN ...] [--breach NAME]

:func:`add_commands` registers it on the command parser of :mod:`cli.main`, and
:data:`HANDLERS` maps it to its function for ``cli.main.run``, which turns known errors into
one line on stderr and the exit code.

Every column of the file is either stored (found by its name, or ``--map``) or named with
``--ignore-column``; a column that is neither stops the import before sign-in (exit code 2,
one sentence naming the columns), so nothing is dropped silently. The summary goes to
stdout; each refused or duplicate row is one line on stderr naming the spreadsheet row as
Excel or LibreOffice shows it (the header is row 1), the file line when a quoted field
with line breaks makes them differ, the field and the rule, never the value
(``row 17: Identity code: check character does not match; check for a typo``). Exit code 0
when every row was imported, 4 when any row was refused or a duplicate (even if the others
were imported), when the file has no rows or does not look like a list of people, 2 for
wrong usage, 3 when sign-in failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from cli.figures import decimal_text
from cli.signin import sign_in
from cli.target import add_target, add_user
from models.domain.errors import UsageError
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext, pgettext
from models.services.importing import FIELD_LABELS, Problem

Out = Callable[[str], None]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import-csv`` to the sub-command parser of ``main.py``."""
    command = commands.add_parser(
        "import-csv",
        help=_("import a list of affected people (CSV) as new victims and cases"),
        description=_("Read a CSV file (UTF-8, UTF-8 with BOM or Windows-1252; ';' or ',' "
                      "between fields; line 1 names the columns), validate every row with "
                      "the intake's rules, skip people who are already victims, and import "
                      "the rest as new, unassigned cases in one transaction. Columns are "
                      "found by their Finnish, Swedish or English names; --map sets one "
                      "explicitly. Every other column must be mapped or ignored "
                      "(--ignore-column): free text such as additional information can go to "
                      "safe_contact_note or intake_note, a date the person was notified or "
                      "first made contact to opened_on. Fields: {fields}.").format(
                          fields=", ".join(FIELD_LABELS)),
    )
    add_target(command)
    add_user(command)
    command.add_argument("file", type=Path, metavar=pgettext("metavar", "FILE"),
                         help=_("the CSV file"))
    command.add_argument("--all-or-nothing", action="store_true",
                         help=_("import nothing if any row is refused or a duplicate"))
    command.add_argument("--map", action="append", type=_mapping, default=[],
                         metavar=pgettext("metavar", "FIELD=COLUMN"),
                         help=_("take FIELD (e.g. safe_contact_note) from COLUMN (a header "
                                "name or a 1-based number); repeatable"))
    command.add_argument("--ignore-column", action="append", default=[],
                         metavar=pgettext("metavar", "COLUMN"),
                         help=_("do not import COLUMN (a header name or a 1-based number); "
                                "repeatable"))
    command.add_argument("--breach", metavar=pgettext("metavar", "NAME"),
                         help=_("link every imported victim to this breach"))


def _mapping(value: str) -> tuple[str, str]:
    target, sep, column = value.partition("=")
    target = target.strip()
    if not sep or target not in FIELD_LABELS:
        raise argparse.ArgumentTypeError(
            _("must be FIELD=COLUMN with FIELD one of {fields}").format(
                fields=", ".join(FIELD_LABELS)))
    return target, column


def cmd_import_csv(args: argparse.Namespace, out: Out) -> int:
    """Import a CSV list of affected people."""
    from models.domain.changes import ChangeBus
    from models.services.importing import (
        apply_overrides,
        check_columns,
        guess_mapping,
        ignored_columns,
        read_csv,
    )
    from models.services.imports import Duplicate, ImportService

    if not args.file.is_file():
        raise UsageError(_("The file to import does not exist or is not a file."))
    table = read_csv(args.file)
    mapping = apply_overrides(table.header, guess_mapping(table.header), dict(args.map))
    ignored = ignored_columns(table.header, args.ignore_column)
    # Before the password is asked: a column nobody chose for would be lost.
    check_columns(table, mapping, ignored)
    database, actor = sign_in(args)
    try:
        imports = ImportService(database, actor, ChangeBus())
        breach_id = imports.breach_id(args.breach) if args.breach else None
        report = imports.run(table, mapping, ignored, breach_id=breach_id,
                             all_or_nothing=args.all_or_nothing)
    finally:
        database.dispose()
    columns = ", ".join(
        _(FIELD_LABELS[f]) + " ← " + table.column_name(i)
        for f, i in sorted(mapping.items(), key=lambda item: item[1]))
    out(ngettext("Read {n} row ({encoding}, '{delimiter}' between fields).",
                 "Read {n} rows ({encoding}, '{delimiter}' between fields).",
                 report.rows).format(n=report.rows, encoding=table.encoding,
                                     delimiter=table.delimiter))
    out(_("Columns: {columns}.").format(columns=columns))
    if ignored:
        out(_("Ignored columns: {columns}.").format(
            columns=", ".join(table.column_name(i) for i in sorted(ignored))))
    findings: list[Problem | Duplicate] = [*report.problems, *report.duplicates]
    for finding in sorted(findings, key=lambda found: found.row):
        sys.stderr.write(f"{finding}\n")
    if report.imported:
        # English says "people" for one too (the tests and scripts read it so).
        out(ngettext("Imported {n} people as new cases {first} – {last} in {seconds} s.",
                     "Imported {n} people as new cases {first} – {last} in {seconds} s.",
                     report.imported).format(
            n=report.imported, first=report.first_reference, last=report.last_reference,
            seconds=decimal_text(report.seconds)))
    else:
        out(_("Nothing was imported."))
    refused, duplicates = len(report.problems), len(report.duplicates)
    out(ngettext("Refused {n} row", "Refused {n} rows", refused).format(n=refused) + "; "
        + ngettext("skipped {n} duplicate.", "skipped {n} duplicates.",
                   duplicates).format(n=duplicates))
    if report.complete:
        return 0
    if report.imported:
        verdict = _("the other rows were imported")
    elif args.all_or_nothing and report.accepted:
        verdict = _("nothing was imported (--all-or-nothing)")
    else:
        verdict = _("nothing was imported")
    sys.stderr.write("suoja: " + _("{refused} and {duplicates}; {verdict}.").format(
        refused=ngettext("{n} row was refused", "{n} rows were refused",
                         refused).format(n=refused),
        duplicates=ngettext("{n} was a duplicate", "{n} were duplicates",
                            duplicates).format(n=duplicates),
        verdict=verdict) + "\n")
    return 4


#: Command name → function, for ``cli.main.run``.
HANDLERS: dict[str, Callable[[argparse.Namespace, Out], int]] = {
    "import-csv": cmd_import_csv,
}
