"""Erasure, backups and restore at 40,000 victims (issue 17).

``.venv/bin/python bench/erasure.py [--work DIR]`` copies the cached seeded database of
bench/run.py (``bench/.cache/n40000-s1-k3``; build it with ``bench/run.py --victims
40000``) into DIR (default /tmp/suoja-bench-erasure; the cache itself is never changed)
and times, once each, in wall-clock seconds: the first sign-in (schema upgrade with its
copy, the victim-key upgrade), an automatic backup, an erasure that also reaches the
automatic backup, a restore of a backup from before an erasure (which applies it), and a
sign-in afterwards.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from bench.run import CACHE, PASSWORD, USER  # noqa: E402
from models import services  # noqa: E402
from models.domain.entities import Case  # noqa: E402
from models.domain.enums import CaseStatus, ErasureReason  # noqa: E402
from models.services.retention import ErasureReport  # noqa: E402
from models.storage.database import keyfile_path  # noqa: E402
from models.storage.maintenance import (  # noqa: E402
    backup_database,
    restore_backup,
    rotate_automatic_backups,
)
from models.storage.store import open_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/suoja-bench-erasure"))
    work = parser.parse_args().work
    source = CACHE / "n40000-s1-k3" / "bench.db"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db = work / "suoja.db"
    shutil.copy(source, db)
    shutil.copy(keyfile_path(source), keyfile_path(db))

    started = time.perf_counter()
    database, actor = open_database(db, USER, PASSWORD)
    print(f"first sign-in (upgrade with its copy): {time.perf_counter() - started:.1f} s")
    retention = services.build(database, actor).retention
    with database.reading() as db_session:
        (first, first_ref), (second, second_ref) = db_session.execute(
            select(Case.id, Case.reference).where(Case.status == CaseStatus.CLOSED.value)
            .order_by(Case.id).limit(2)).all()
    started = time.perf_counter()
    rotate_automatic_backups(database, actor)
    print(f"automatic backup: {time.perf_counter() - started:.1f} s")
    report = retention.erase_victim(first, first_ref, ErasureReason.REQUEST)
    assert isinstance(report, ErasureReport)
    print(f"erasure, also in backups/: {report.seconds:.1f} s "
          f"(backups erased {report.backups_erased}, left {report.backups_left})")
    manual = backup_database(database, actor, work / "manual.db").path
    report = retention.erase_victim(second, second_ref, ErasureReason.REQUEST)
    assert isinstance(report, ErasureReport)
    database.dispose()
    started = time.perf_counter()
    restored = restore_backup(manual, work / "restored.db", USER, PASSWORD,
                              erasures_from=[db])
    print(f"restore of a backup from before an erasure: {time.perf_counter() - started:.1f} s "
          f"(erasures applied {restored.erasures_applied})")
    started = time.perf_counter()
    database, _actor = open_database(db, USER, PASSWORD)
    print(f"sign-in afterwards: {time.perf_counter() - started:.2f} s")
    database.dispose()


if __name__ == "__main__":
    main()
