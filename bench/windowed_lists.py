"""The follow-up list and the audit log as windows: first page and scroll to the end.

    python bench/windowed_lists.py --db PATH [--fill-audit N] [--repeat 5]

``PATH`` is a seeded database (``bench/run.py`` builds one; user and password from
``bench/run.py``), best a copy: ``--fill-audit N`` first appends N signed, chained audit
events to it (seeding writes a handful; a year of use at 40,000 victims writes hundreds of
thousands), by the bench account, over random cases, stamped as written. The figures: the follow-up
list's counts, its first page and its last page for every sort (the busiest counsellor's
list and everyone's), and the audit log's
listing (count), first page, last page, a page in the middle and the next page after it
(a keyset step), each the median of ``--repeat`` runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PASSWORD, USER  # noqa: E402
from models import services  # noqa: E402
from models.domain.dto import ListWindow  # noqa: E402
from models.domain.entities import AuditEvent, Case  # noqa: E402
from models.domain.enums import AuditAction  # noqa: E402
from models.services.audit_log import AuditQuery  # noqa: E402
from models.storage.store import open_database  # noqa: E402

PAGE = 200
_ACTIONS = (AuditAction.VIEW, AuditAction.VIEW, AuditAction.VIEW, AuditAction.UPDATE,
            AuditAction.CREATE, AuditAction.EXPORT, AuditAction.REVEAL)


def fill_audit(db: Path, events: int, seed: int = 1) -> None:
    """Append ``events`` real audit events (signed and chained) in units of 5,000."""
    from sqlalchemy import func, select
    database, actor = open_database(db, USER, PASSWORD)
    try:
        with database.reading() as db_session:
            cases = db_session.scalar(select(func.max(Case.id))) or 1
        chance = random.Random(seed)
        written = 0
        started = time.perf_counter()
        while written < events:
            batch = min(5000, events - written)
            with database.writing() as db_session:
                for _ in range(batch):
                    case_id = chance.randint(1, cases)
                    database.audit.record(
                        db_session, user_id=actor.user_id, action=chance.choice(_ACTIONS),
                        entity="case", entity_id=case_id, case_id=case_id, detail="bench")
            written += batch
            print(f"{written} events, {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        database.dispose()


def _ms(function: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def measure(db: Path, repeat: int) -> dict[str, Any]:
    database, actor = open_database(db, USER, PASSWORD)
    svc = services.build(database, actor)
    results: dict[str, Any] = {}
    try:
        with database.reading() as db_session:
            from sqlalchemy import func, select
            results["audit_events"] = db_session.scalar(select(func.count(AuditEvent.id)))
        with database.reading() as db_session:
            from sqlalchemy import func, select

            from models.domain.entities import FollowUp
            busiest = db_session.scalar(
                select(FollowUp.assignee_id).where(FollowUp.done.is_(False))
                .group_by(FollowUp.assignee_id).order_by(func.count().desc()).limit(1))
        # One counsellor's list (the busiest's, read as a supervisor may), and everyone's.
        for label, who in (("busiest", busiest), ("everyone", 0)):
            counts = svc.records.follow_up_counts(who)
            results[f"follow_ups_{label}"] = counts.total
            results[f"follow_up_counts_{label}_ms"] = _ms(
                lambda who=who: svc.records.follow_up_counts(who), repeat)
            for sort in svc.records.FOLLOW_UP_SORTS:
                for descending in (False, True):
                    name = f"follow_ups_{label}_{sort}{'_desc' if descending else ''}"
                    results[f"{name}_first_ms"] = _ms(
                        lambda who=who, sort=sort, descending=descending:
                        svc.records.follow_up_window(ListWindow(limit=PAGE), who, sort=sort,
                                                     descending=descending), repeat)
                    results[f"{name}_end_ms"] = _ms(
                        lambda who=who, sort=sort, descending=descending:
                        svc.records.follow_up_window(
                            ListWindow(limit=PAGE, from_end=True), who, sort=sort,
                            descending=descending), repeat)
        filters = {
            "all": AuditQuery(),
            "action": AuditQuery(actions=(AuditAction.EXPORT,)),
            "month": AuditQuery(since=dt.datetime.now(dt.UTC) - dt.timedelta(days=30)),
        }
        for label, query in filters.items():
            listing = svc.audit.open_listing(query)
            results[f"audit_{label}_count"] = listing.count
            results[f"audit_{label}_listing_ms"] = _ms(lambda q=query: svc.audit.open_listing(q),
                                                       repeat)
            results[f"audit_{label}_first_ms"] = _ms(
                lambda li=listing: svc.audit.events(li, ListWindow(limit=PAGE)), repeat)
            results[f"audit_{label}_end_ms"] = _ms(
                lambda li=listing: svc.audit.events(li, ListWindow(limit=PAGE, from_end=True)),
                repeat)
            middle = max(listing.count // 2 - PAGE, 0)
            results[f"audit_{label}_middle_ms"] = _ms(
                lambda li=listing, m=middle: svc.audit.events(li, ListWindow(limit=PAGE,
                                                                            offset=m)), repeat)
            page = svc.audit.events(listing, ListWindow(limit=PAGE, offset=middle))
            results[f"audit_{label}_next_ms"] = _ms(
                lambda li=listing, p=page: svc.audit.events(
                    li, ListWindow(limit=PAGE, after=p.last)), repeat)
        results.update(_through_views(svc, repeat))
    finally:
        database.dispose()
    return results


def _through_views(svc: services.Services, repeat: int) -> dict[str, float]:
    """The audit table and everyone's follow-ups in a QTableView (offscreen): the first
    screen drawn after a query, and Ctrl+End drawn (the last screen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QTableView

    from gui.window.follow_ups import FollowUpTableModel
    from gui.workspaces.audit_viewer import AuditTableModel

    app = QApplication.instance() or QApplication([])
    table = QTableView()
    table.resize(1000, 700)
    table.show()

    def draw() -> None:
        table.viewport().repaint()
        app.processEvents()

    def end() -> None:
        table.setFocus()
        app.sendEvent(table, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_End,
                                       Qt.KeyboardModifier.ControlModifier))
        draw()

    audit = AuditTableModel()
    follow_ups = FollowUpTableModel()
    table.setModel(audit)
    results: dict[str, float] = {}

    def audit_first() -> None:
        audit.set_listing(svc.audit, svc.audit.open_listing())
        draw()

    results["view_audit_first_screen_ms"] = _ms(audit_first, repeat)
    results["view_audit_scroll_to_end_ms"] = _ms(lambda: (audit_first(), end()), repeat)
    results["view_audit_pages_held"] = audit.pages_held()

    def follow_ups_first(sort: int) -> None:
        follow_ups.remember_sort(sort, Qt.SortOrder.AscendingOrder)
        follow_ups.set_source(
            lambda window, sort, descending: svc.records.follow_up_window(
                window, 0, sort=sort, descending=descending),
            svc.records.follow_up_counts(0))
        draw()

    table.setModel(follow_ups)
    for column, name in ((1, "due"), (3, "victim")):
        results[f"view_follow_ups_everyone_{name}_first_screen_ms"] = _ms(
            lambda column=column: follow_ups_first(column), repeat)
        results[f"view_follow_ups_everyone_{name}_scroll_to_end_ms"] = _ms(
            lambda column=column: (follow_ups_first(column), end()), repeat)
    table.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--fill-audit", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.fill_audit:
        fill_audit(args.db, args.fill_audit)
    results = measure(args.db, args.repeat)
    for key, value in results.items():
        print(f"{key:45} {value}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
