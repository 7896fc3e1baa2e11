"""A writer process for the fault tests: creates intakes in a loop, acknowledging each.

``python tests/helpers/writer.py DB [COUNT]`` signs in as ``super`` (password from
``$SUOJA_PASSWORD``), prints ``ready``, then creates intakes one unit of work at a time and
prints ``ok <case id>`` after each commit returned (flushed, so an id on the pipe is a
promise that the case is on disk). It stops after COUNT intakes (default: never). A
KnownError ends it with ``error <message>`` and the error's exit code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from models import services  # noqa: E402
from models.domain.dto import CaseDraft, VictimDraft  # noqa: E402
from models.domain.errors import KnownError  # noqa: E402
from models.storage.store import open_database  # noqa: E402


def _say(line: str) -> None:
    """One line on stdout, flushed at once: the test reads it as an acknowledgement."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    db_path = Path(argv[0])
    count = int(argv[1]) if len(argv) > 1 else -1
    tag = os.environ.get("WRITER_TAG", "Kirjoittaja")
    try:
        database, actor = open_database(db_path, "super", os.environ["SUOJA_PASSWORD"])
        try:
            svc = services.build(database, actor)
            _say("ready")
            done = 0
            while count < 0 or done < count:
                case = svc.cases.create_intake(
                    VictimDraft(first_names=f"Testi {done}", last_name=tag,
                                safe_contact_note="x" * (done % 50)),
                    CaseDraft(),
                )
                _say(f"ok {case.id}")
                done += 1
        finally:
            database.dispose()
    except KnownError as error:
        _say(f"error {error}")
        return error.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
