"""The demo caseload, a slice of victims at a time: drawn in this process, or in a process
of its own while this one seals and writes the slices before.

:class:`Generator` draws everything from one ``random.Random(seed)``, slice after slice
in order, so the slices are the same wherever they are drawn. :class:`Slices` gives them
in order: with :data:`SEPARATE_PROCESS` and at least :data:`SEPARATE_FROM` victims it
starts a ``spawn`` process (safe in a frozen build: ``main.py`` calls
``multiprocessing.freeze_support``) that draws them and sends each one pickled down a
pipe; the pipe holds about one slice, so the process runs at most a slice or two ahead
and the memory stays that of a few slices. The process also prepares each slice for
binding (:class:`~models.demo.bulk.Preparer`: a column at a time, converted as
SQLAlchemy binds them, with the database's dialect class), which also pickles smaller
than a dict per row. The sealing stays in this process (the child never sees a key):
the sealed columns come plain and are sealed and bound here.

Where processes are unavailable (the start fails, or the process ends before sending
everything), the slices not yet received are drawn here instead: a new generator draws
again from the start and skips those already received, so the data stays the same.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import pickle
import random
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from sqlalchemy import Dialect

from models.demo.bulk import Prepared, Preparer
from models.demo.casework import Casework
from models.demo.draw import Pick
from models.demo.extortion import Extortion, random_wallet
from models.demo.people import People
from models.demo.rows import COUNTED_IDS, Batch, Staff

log = logging.getLogger("suoja.seed")

#: Draw the slices in a process of their own (tests turn it off to compare).
SEPARATE_PROCESS = True
#: Fewest victims worth a process: starting one (an interpreter importing the models,
#: about a second) would cost much of what it saves on fewer.
SEPARATE_FROM = 10_000


class Generator:
    """Draws the whole caseload from one ``random.Random``, a slice of victims at a time."""

    def __init__(
        self, rng: random.Random, victims: int, today: dt.date, staff: Staff,
        breach_ids: tuple[int, int],
    ) -> None:
        ids = dict.fromkeys(COUNTED_IDS, 0)
        # The order of these draws is part of the data: the same seed gives the same rows.
        shared_wallets = Pick([(random_wallet(rng), w) for w in (15, 9, 6, 3, 2)])
        self.people = People(rng, today, staff, ids, breach_ids)
        # Case ids are chronological, like an auto-increment key filled over the years.
        self.opened = sorted(self.people.opened_on() for _ in range(victims))
        attachment_count = max(1, victims // 200)
        with_attachment = set(rng.sample(range(1, victims + 1), attachment_count))
        self.extortion = Extortion(rng, today, staff, ids, shared_wallets, with_attachment)
        self.casework = Casework(rng, today, staff, ids)

    def batch(self, first_id: int, last_id: int) -> Batch:
        out = Batch()
        for victim_id in range(first_id, last_id + 1):
            case = self.people.victim_and_case(out, victim_id, self.opened[victim_id - 1])
            self.extortion.contacts_and_reports(out, case)
            self.casework.sessions_and_follow_ups(out, case)
            self.casework.protective_actions(out, case)
        return out


@dataclass(frozen=True)
class Plan:
    """What the slices are drawn from: the same plan gives the same slices."""

    seed: int
    victims: int
    today: dt.date
    staff: Staff
    breach_ids: tuple[int, int]
    chunk: int
    #: The database's dialect class: its bind processors prepare the rows.
    dialect: type[Dialect]

    def ranges(self) -> list[tuple[int, int]]:
        return [(first, min(self.victims, first + self.chunk - 1))
                for first in range(1, self.victims + 1, self.chunk)]

    def generator(self) -> Generator:
        return Generator(random.Random(self.seed), self.victims, self.today, self.staff,
                         self.breach_ids)


#: How many rows of each kind a slice holds (the seed's summary).
Counts = dict[str, int]
#: A slice: its first and last victim, its tables ready to seal and bind, its counts.
Slice = tuple[int, int, list[Prepared], Counts]


def _slice(generator: Generator, preparer: Preparer, first: int, last: int) -> Slice:
    batch = generator.batch(first, last)
    counts = {
        "victims": len(batch.victims), "cases": len(batch.cases),
        "extortion_contacts": len(batch.contacts), "police_reports": len(batch.reports),
        "support_sessions": len(batch.sessions), "follow_ups": len(batch.follow_ups),
        "protective_actions": len(batch.actions), "attachments": len(batch.attachments),
    }
    return first, last, preparer.prepare(batch.tables()), counts


def _draw_apart(connection: Connection) -> None:
    """The process's work: receive the plan, send every slice in order, pickled."""
    # Ctrl+C in a terminal reaches the whole process group: the seed's process stops
    # (and closes the pipe), this one then ends on the closed pipe, without a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        plan: Plan = connection.recv()
    except (EOFError, OSError):  # the seed stopped before it began
        return
    try:
        generator = plan.generator()
        preparer = Preparer(plan.dialect())
        for first, last in plan.ranges():
            connection.send_bytes(pickle.dumps(_slice(generator, preparer, first, last),
                                               pickle.HIGHEST_PROTOCOL))
    except (BrokenPipeError, EOFError, OSError):  # the seed stopped (or failed) meanwhile
        return
    finally:
        connection.close()


class Slices:
    """The slices of a seed, in order. Enter it early (the process starts and imports the
    models meanwhile), give it the :meth:`plan` once the staff and breaches are written,
    then iterate. Leaving it ends the process. The pipe is the two processes' own (an
    anonymous socket pair, on Windows a pipe connected as it is made), and it carries
    only synthetic rows."""

    def __init__(self, victims: int) -> None:
        self._process: Any = None
        self._pipe: Connection | None = None
        self._plan: Plan | None = None
        self._dialect: Dialect | None = None
        self.apart = SEPARATE_PROCESS and victims >= SEPARATE_FROM

    def __enter__(self) -> Slices:
        if self.apart:
            self._start()
        return self

    def _start(self) -> None:
        try:
            context = multiprocessing.get_context("spawn")
            mine, theirs = context.Pipe(duplex=True)
            process = context.Process(target=_draw_apart, args=(theirs,), daemon=True,
                                      name="suoja-seed-slices")
            process.start()
            theirs.close()
        except Exception as error:  # noqa: BLE001 - no processes here: draw in this one
            log.info("seed slices drawn in this process (%s)", type(error).__name__)
            self.apart = False
            return
        self._process, self._pipe = process, mine

    def __exit__(self, *_exc: object) -> None:
        if self._pipe is not None:
            self._pipe.close()
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._process.close()

    def plan(self, plan: Plan, dialect: Dialect) -> None:
        """What to draw; ``dialect`` (the connection's) prepares the slices drawn here."""
        self._plan = plan
        self._dialect = dialect
        if self._pipe is not None:
            try:
                self._pipe.send(plan)
            except OSError:
                self.apart = False

    def __iter__(self) -> Iterator[Slice]:
        plan, dialect = self._plan, self._dialect
        assert plan is not None and dialect is not None, "plan() first"
        ranges = plan.ranges()
        received = 0
        while self.apart and self._pipe is not None and received < len(ranges):
            try:
                drawn: Slice = pickle.loads(self._pipe.recv_bytes())
            except (EOFError, OSError) as error:
                log.warning("seed slices: the drawing process ended (%s); drawing the rest "
                            "here", type(error).__name__)
                break
            received += 1
            yield drawn
        if received == len(ranges):
            return
        generator = plan.generator()
        preparer = Preparer(dialect)
        for index, (first, last) in enumerate(ranges):
            if index < received:  # drawn again only to move the random stream on
                generator.batch(first, last)
            else:
                yield _slice(generator, preparer, first, last)


__all__ = ["SEPARATE_FROM", "SEPARATE_PROCESS", "Generator", "Plan", "Slice", "Slices"]
