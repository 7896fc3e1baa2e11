"""The victim's data from the command line: ``erase`` and ``retention`` (supervisors).

    main.py erase --db PATH --user NAME --case REF --reason request|retention|unlawful|other
    main.py erase --db PATH --user NAME --case REF (--approve | --decline)
    main.py retention --db PATH --user NAME (--dry-run | --apply) [--days N]

The same service as the app (``models.services.retention``): a victim's personal data is
erased and the anonymous statistics stay; the audit keeps which case, by whom and the
reason's code, nothing personal. ``--case REF`` is the confirmation the app asks for by
having the reference typed. ``retention --apply`` erases every closed case past the
retention period, one at a time, each audited with the reason ``retention``.

Where the organisation asks for a second supervisor's approval (``organisation
--erasure-approval on``), ``erase`` (and ``retention --apply``) only records a request and
says so; another supervisor then runs ``erase --case REF --approve`` (which erases) or
``--decline``. Exit codes as every command: 0 done (or asked), 1 refused, 2 usage.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from cli.signin import sign_in
from cli.target import add_target, add_user
from models.domain.enums import ErasureReason
from models.domain.formatting import date_text
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext, pgettext

Out = Callable[[str], None]


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``erase`` and ``retention`` to the sub-command parser of ``main.py``."""
    erase = commands.add_parser(
        "erase",
        help=_("a supervisor: erase a closed case's victim's personal data (audited; the "
               "anonymous statistics stay)"))
    add_target(erase)
    add_user(erase, _("a supervisor"))
    erase.add_argument("--case", required=True, metavar=pgettext("metavar", "REF"),
                       help=_("the case, by reference (SUO-2020-00042)"))
    what = erase.add_mutually_exclusive_group(required=True)
    what.add_argument("--reason", choices=[r.value for r in ErasureReason],
                      help=_("why: the person's request, the retention period, data that "
                             "should never have been recorded, or other"))
    what.add_argument("--approve", action="store_true",
                      help=_("a second supervisor: approve the erasure another supervisor "
                             "asked for, which erases the data"))
    what.add_argument("--decline", action="store_true",
                      help=_("a second supervisor: decline the erasure another supervisor "
                             "asked for"))

    retention = commands.add_parser(
        "retention",
        help=_("a supervisor: list or erase the closed cases past the retention period"))
    add_target(retention)
    add_user(retention, _("a supervisor"))
    mode = retention.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true",
                      help=_("list the cases that are due, change nothing"))
    mode.add_argument("--apply", action="store_true",
                      help=_("erase every case that is due (audited, one at a time)"))
    retention.add_argument("--days", type=int, metavar="N",
                           help=_("first set the retention period after closing to N days "
                                  "(audited)"))
    retention.add_argument(
        "--upgrade-copy-days", type=int, metavar="N",
        help=_("first set how many days the copies taken before a schema upgrade are kept "
               "(audited; older ones are deleted at the next automatic backup)"))


def cmd_erase(args: argparse.Namespace, out: Out) -> int:
    from models import services
    from models.services.retention import REQUEST_LIFETIME, ErasureReport

    database, actor = sign_in(args)
    try:
        built = services.build(database, actor)
        retention = built.retention
        case_id = built.exports.find_case(args.case)
        reference = args.case.strip().upper()
        if args.decline:
            retention.decline_erasure(case_id)
            out(_("Case {reference}: the erasure was declined; nothing was erased.").format(
                reference=reference))
            return 0
        if args.approve:
            result: object = retention.approve_erasure(case_id)
        else:
            result = retention.erase_victim(case_id, reference, ErasureReason(args.reason))
    finally:
        database.dispose()
    if not isinstance(result, ErasureReport):
        out(ngettext(
            "Case {reference}: the erasure waits for a second supervisor's approval (within "
            "{n} day); nothing was erased yet.",
            "Case {reference}: the erasure waits for a second supervisor's approval (within "
            "{n} days); nothing was erased yet.", REQUEST_LIFETIME.days).format(
                reference=reference, n=REQUEST_LIFETIME.days))
        return 0
    out(_("Case {reference}: the victim's personal data was erased; the anonymous "
          "statistics stay, and the erasure is in the audit log.").format(
              reference=result.reference))
    if not result.past_retention:
        out(_("The retention period had not passed: recorded as an early erasure."))
    _say_backups(out, result.backups_erased, result.backups_left)
    return 0


def cmd_retention(args: argparse.Namespace, out: Out) -> int:
    from models import services
    from models.services.retention import ErasureReport

    database, actor = sign_in(args)
    try:
        retention = services.build(database, actor).retention
        if args.days is not None:
            retention.set_retention_days(args.days)
        if args.upgrade_copy_days is not None:
            retention.set_upgrade_copy_days(args.upgrade_copy_days)
        days = retention.retention_days()
        due = retention.list_erasable()
        out(ngettext("Retention period: {n} day after closing.",
                     "Retention period: {n} days after closing.", days).format(n=days))
        copy_days = retention.upgrade_copy_days()
        out(ngettext("Copies taken before an upgrade are kept {n} day.",
                     "Copies taken before an upgrade are kept {n} days.",
                     copy_days).format(n=copy_days))
        for case in due:
            out(_("{reference}  closed {closed}  {days} days past").format(
                reference=case.reference, closed=date_text(case.closed_on),
                days=case.days_past_retention))
        if args.dry_run:
            out(ngettext("{n} case is due for erasure; nothing was changed.",
                         "{n} cases are due for erasure; nothing was changed.",
                         len(due)).format(n=len(due)))
            return 0
        waiting = {request.case_id for request in retention.pending_erasures()}
        erased = asked = 0
        try:
            for case in due:
                if case.case_id in waiting:
                    continue
                result = retention.erase_victim(case.case_id, case.reference,
                                                ErasureReason.RETENTION, finish=False)
                if isinstance(result, ErasureReport):
                    erased += 1
                else:
                    asked += 1
        finally:
            # Also after a failure part-way: what was erased leaves the file and the
            # backups now, and the count is told.
            out(ngettext("{n} case erased.", "{n} cases erased.", erased).format(n=erased))
            if erased:
                _compacted, copies = retention.finish_erasures()
                _say_backups(out, len(copies.erased), len(copies.unreachable))
        if asked or waiting:
            count = asked + len(waiting & {case.case_id for case in due})
            out(ngettext("{n} erasure waits for a second supervisor's approval.",
                         "{n} erasures wait for a second supervisor's approval.",
                         count).format(n=count))
    finally:
        database.dispose()
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace, Out], int]] = {
    "erase": cmd_erase, "retention": cmd_retention}


def _say_backups(out: Out, erased: int, left: int) -> None:
    """What the erasure did to the backups beside the database."""
    if erased:
        out(ngettext("Erased from {n} backup beside the database as well.",
                     "Erased from {n} backups beside the database as well.",
                     erased).format(n=erased))
    if left:
        out(ngettext(
            "{n} older backup could not be changed (from before a key change or an "
            "upgrade); it is deleted with the retention period, and a restore of it "
            "erases again.",
            "{n} older backups could not be changed (from before a key change or an "
            "upgrade); they are deleted with the retention period, and a restore of one "
            "erases again.", left).format(n=left))
