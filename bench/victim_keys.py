"""unlock_ms with victim keys, and the one-time upgrade of version 2 sealed values.

``.venv/bin/python bench/victim_keys.py --copy-to DIR [--repeat 9]`` copies the cached
seeded database of bench/run.py (``bench/.cache/n40000-s1-k3``, built by ``bench/run.py
--victims 40000``) into DIR once (the cache itself is never changed), signs in once
(migrations, and the victim-key upgrade, timed on its own), then times ``open_unlocked``
as bench/run.py times unlock_ms (Argon2id excluded, one warm-up, median). Run it from a
checkout of main with another DIR to compare.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import CACHE, PASSWORD, USER  # noqa: E402
from models.storage import store  # noqa: E402
from models.storage.database import keyfile_path  # noqa: E402
from models.storage.keyfile import SLOT_USER, KeyFile  # noqa: E402

FILES = ("bench.db", "bench.db.keys", "bench.db.signin", "seed.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copy-to", type=Path, required=True)
    parser.add_argument("--source", type=Path, default=CACHE / "n40000-s1-k3")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    folder = args.copy_to / args.source.name
    if not (folder / "bench.db").exists():
        folder.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copy2(args.source / name, folder / name)
    db_path = folder / "bench.db"
    settled: list[tuple[float, int]] = []
    settle = getattr(store, "settle_at_sign_in", None)  # absent before victim keys
    if settle is not None:
        def timed(*positional: Any, **named: Any) -> int:
            started = time.perf_counter()
            upgraded = int(settle(*positional, **named))
            settled.append((time.perf_counter() - started, upgraded))
            return upgraded

        store.settle_at_sign_in = timed
    keys = KeyFile.load(keyfile_path(db_path))
    keyring = keys.unwrap(SLOT_USER, USER, PASSWORD)

    def unlock() -> float:
        started = time.perf_counter()
        database, _actor = store.open_unlocked(db_path, keys, keyring, USER)
        database.dispose()
        return time.perf_counter() - started

    first = unlock()
    runs = [unlock() * 1000 for _ in range(args.repeat + 1)][1:]
    print(json.dumps({
        "first_sign_in_s": round(first, 2),
        "upgrade_s": round(settled[0][0], 2) if settled else None,
        "values_upgraded": settled[0][1] if settled else None,
        "unlock_ms": round(statistics.median(runs), 1),
        "unlock_ms_runs": [round(ms, 1) for ms in runs],
        "keyfile_bytes": keyfile_path(db_path).stat().st_size,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
