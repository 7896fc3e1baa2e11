"""Deterministic synthetic demo data, at any scale, fast.

:func:`seed_demo` fills an empty database with a believable caseload shaped like the
Vastaamo breach: per victim one case, about 1.5 extortion contacts, 0.6 police reports,
5 support sessions, 2.5 follow-ups and a handful of protective actions, plus demo staff
accounts that all share :data:`DEMO_PASSWORD`.

Everything personal is synthetic and chosen so that it cannot belong to anyone:

* identity codes use only the temporary individual numbers 900–999;
* phone numbers come from the ranges regulators reserve for fiction (Ofcom's drama
  numbers in the UK, PTS's fiction mobiles in Sweden);
* e-mail addresses use the reserved domains ``example.com/.net/.org`` and the reserved
  top-level domains ``.invalid``, ``.test`` and ``.example``;
* Bitcoin addresses are built from random programs with valid checksums (so the
  validator accepts them), not copied from the real incident.

Per victim the generator draws, in this order, the person and their case
(:mod:`~models.demo.people`), the extortion they suffered and the police reports they
filed (:mod:`~models.demo.extortion`), and the work on the case (:mod:`~models.demo.casework`),
all with the helpers of :mod:`~models.demo.draw` into the rows of :mod:`~models.demo.rows`.
The words and texts drawn from (names, places, messages, notes) are in
:mod:`models.demo.words`; the addresses are built with the validator's own encoders.

The same ``seed`` and the same ``today`` always give the same content, row for row: the
generator draws only from one ``random.Random(seed)`` and never reads the clock, except
for the default of ``today``.

Speed matters (40,000 victims is ~700,000 rows, 200,000 is 3.5 million): rows are plain
dicts with their primary keys assigned here, and no per-row audit events — one ``seed``
event records the whole run. Per slice of victims (250–2,000):

* from 10,000 victims the slices are drawn in a process of their own
  (:mod:`models.demo.slices`, ``spawn``) while this one seals and writes the ones before,
  received in order down a pipe, prepared for binding a column at a time: the same rows
  as drawn here (the process draws from the same one ``random.Random(seed)``, slice
  after slice), and drawn here where no process can start or it ends early. It holds no
  key: sealing stays in this process;
* the sealed values are sealed per case (``FieldCipher.seal_rows``: the case's victim
  key and derived key looked up once), in the same stored form (v3) as one by one, on a
  thread of this process while the slice before is written (the driver lets go of the
  GIL while the database inserts);
* each table's rows go to the database in one statement (:mod:`models.demo.bulk`): a
  prepared INSERT with the driver's ``executemany`` on SQLite, a ``COPY`` on PostgreSQL,
  the values bound exactly as SQLAlchemy would bind them;
* on PostgreSQL a thread of its own sends the slices while the next one is generated,
  so the server inserts while Python works.

Around the whole run the seeded tables' plain indexes are dropped and built again from
their own definitions once the rows are in, and on SQLite the dashboard's tally triggers
are dropped and created again with every tally recounted (``models.storage.tallies``;
one count instead of a trigger per row), all in the same transaction (a failure leaves
them as they were; no other connection sees them missing), and SQLite gets a page cache
the size of the database being made (``models.demo.bulk.seed_cache_kib``: up to 2 GiB,
given back afterwards). The demo accounts' key slots (Argon2id, which runs in C without
the GIL) are derived on a thread of their own beside all of it, then stored with one
key-file write. On a server the
progress reported counts the slices handed to that thread.

The data is the same, row for row, as when every row was inserted through the ORM
(``tests/test_seed.py`` pins a digest of it; ``tests/test_seed_bulk.py`` checks the
bulk writes against Core inserts on both databases). Only the sealed values' nonces and
victim keys differ, as they do between any two runs.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.demo import words
from models.demo.bulk import (
    BulkInserter,
    Prepared,
    indexes_built_after,
    larger_page_cache,
    seal_prepared,
    seed_cache_kib,
)
from models.demo.draw import EARLIEST_TODAY, REVEALED, SERVICE_START, Pick
from models.demo.rows import Batch, Staff, table_of
from models.demo.slices import Generator as _Generator  # noqa: F401 - for the tests
from models.demo.slices import Plan, Slices
from models.domain.base import local_today
from models.domain.entities import DEMO_MARKER, Breach, Meta, User, Victim
from models.domain.enums import AuditAction, Role
from models.domain.errors import DataError, ValidationError
from models.domain.formatting import count_text
from models.domain.i18n import gettext as _
from models.security.permissions import Operation, require
from models.storage import authority
from models.storage.keyfile import KdfParams
from models.storage.server import analyze, resync_sequences
from models.storage.tallies import recounted_after
from models.storage.unit_of_work import Actor, Database

log = logging.getLogger("suoja.seed")

#: The password of every demo account. Published on purpose: demo databases only.
DEMO_PASSWORD = "suoja-demo-password"
#: Argon2id cost for the demo accounts' key slots (the ``--demo`` database's and
#: ``seed-demo``'s): their password is published, so a costly derivation protects nothing
#: and only slows seeding (200,000 victims have 112 demo accounts: about 25 s of both
#: cores at the production cost) and every sign-in to them. The account that runs
#: ``seed-demo`` keeps its own slot and cost.
DEMO_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
#: ``suoja_meta`` key present only in databases filled by :func:`seed_demo`.

#: Most victims :func:`seed_demo` makes in one run. Birth dates 1940–2005 with the
#: temporary individual numbers 900–999 give 2.4 million codes; this keeps them far from
#: used up (no two demo victims share a code).
MAX_VICTIMS = 1_000_000


@dataclass(frozen=True)
class DemoAccount:
    """A demo staff account; its password is :data:`DEMO_PASSWORD`."""

    username: str
    display_name: str
    role: Role


#: The supervisor the desktop app's ``--demo`` creates the database with, then seeds as.
#: No demo account's name may share a word with :data:`DEMO_PASSWORD`: the password
#: rules refuse a password that contains the account's own name.
DEMO_SUPERVISOR = DemoAccount("supervisor", "Sanni R.", Role.SUPERVISOR)


@dataclass(frozen=True)
class SeedSummary:
    """What :func:`seed_demo` wrote, and how long it took."""

    victims: int
    cases: int
    extortion_contacts: int
    police_reports: int
    support_sessions: int
    follow_ups: int
    protective_actions: int
    attachments: int
    accounts: tuple[DemoAccount, ...]
    seconds: float


# ---------------------------------------------------------------------------------------------
# The entry point
# ---------------------------------------------------------------------------------------------


def _accounts(victims: int) -> tuple[DemoAccount, ...]:
    counsellors = max(3, victims // 2000)
    liaisons = max(2, victims // 20000)
    accounts: list[DemoAccount] = []

    # Plain names, like real colleagues': the role is shown beside the name where it
    # matters, and the window title says "demo" for the database.
    def display(index: int) -> str:
        name = words.STAFF_NAMES[index % len(words.STAFF_NAMES)]
        initial = words.STAFF_INITIALS[index // len(words.STAFF_NAMES) % len(words.STAFF_INITIALS)]
        return f"{name} {initial}."

    for i in range(counsellors):
        accounts.append(DemoAccount(f"counsellor{i + 1:02d}", display(i), Role.COUNSELLOR))
    for i in range(liaisons):
        accounts.append(
            DemoAccount(f"liaison{i + 1:02d}", display(counsellors + i), Role.POLICE_LIAISON)
        )
    offset = counsellors + liaisons
    accounts.append(DemoAccount("supervisor02", display(offset), Role.SUPERVISOR))
    accounts.append(DemoAccount("admin01", display(offset + 1), Role.ADMINISTRATOR))
    return tuple(accounts)


def demo_accounts(victims: int) -> tuple[DemoAccount, ...]:
    """Every account of a ``--demo`` database: :data:`DEMO_SUPERVISOR` and the seeded ones.

    All of them sign in with :data:`DEMO_PASSWORD`, which passes the password rules for
    each (a test checks it), so the demo can be created like any other database.
    """
    return (DEMO_SUPERVISOR, *_accounts(victims))


def seed_demo(
    database: Database,
    actor: Actor,
    *,
    victims: int,
    seed: int = 1,
    kdf: KdfParams = DEMO_KDF,
    progress: Callable[[int, int], None] | None = None,
    today: dt.date | None = None,
) -> SeedSummary:
    """Fill an empty database with synthetic demo data and demo staff accounts.

    Everything is written in one unit of work: a failure leaves the database as it was.
    The demo accounts' key slots are added after the data is committed.

    Args:
        database: the open database; it must not hold any victims yet.
        actor: the signed-in supervisor.
        victims: how many victims (and cases) to create, 1 to :data:`MAX_VICTIMS`.
        seed: the random seed; the same seed and ``today`` give the same data.
        kdf: Argon2id settings for the demo accounts' key slots (default
            :data:`DEMO_KDF`: their password is published).
        progress: called now and then with (victims written, victims in all).
        today: the date the data is relative to (follow-ups due today, overdue…);
            defaults to today's local date.

    Returns:
        What was written, the demo accounts (password :data:`DEMO_PASSWORD`) and the time
        it took.

    Raises:
        PermissionDenied: ``actor`` is not a supervisor.
        ValidationError: ``victims`` is out of range.
        DataError: the database already has victims, or already has an account with one
            of the demo usernames.
    """
    started = time.perf_counter()
    require(actor.role, Operation.SEED_DEMO)
    if isinstance(victims, bool) or not isinstance(victims, int):
        raise TypeError("victims must be an int")
    if not 1 <= victims <= MAX_VICTIMS:
        raise ValidationError(_("Number of victims"), _("must be between 1 and {maximum}")
                              .format(maximum=count_text(MAX_VICTIMS)))
    today = today or local_today()
    if today < EARLIEST_TODAY:
        raise ValueError("today must be 2021-01-01 or later: the demo timeline starts in 2020")
    accounts = _accounts(victims)
    counts = dict.fromkeys(
        ("victims", "cases", "extortion_contacts", "police_reports", "support_sessions",
         "follow_ups", "protective_actions", "attachments"), 0
    )
    phases = {"generate": 0.0, "seal": 0.0, "write": 0.0}
    # The demo accounts' key slots (Argon2id, in C without the GIL) are derived on a
    # thread of their own while the caseload is generated and written.
    # The slices are drawn in a process of their own when worth it (started first: it
    # imports the models while the checks run).
    with (Slices(victims) as slices,
          ThreadPoolExecutor(max_workers=1, thread_name_prefix="suoja-seed-slots") as pool):
        try:
            with database.loading() as db_session:
                if db_session.scalar(select(Victim.id).limit(1)) is not None:
                    raise DataError(_(
                        "The database already holds victims; demo data can only be seeded "
                        "into an empty database."
                    ))
                taken = db_session.scalars(select(User.username).where(
                    User.username.in_([a.username for a in accounts]))).first()
                if taken is not None:
                    raise DataError(_(
                        "The database already has an account named {name}; demo data can "
                        "only be seeded into a database without demo accounts."
                    ).format(name=taken))
                slots = [pool.submit(contextvars.copy_context().run, database.wrap_key_slot,
                                     account.username, DEMO_PASSWORD, kdf)
                         for account in accounts]
                _seed_caseload(database, db_session, slices, seed, victims, today, accounts,
                               counts, phases, progress)
                # Marks the database as demo data: the app says so in every window title.
                db_session.merge(Meta(key=DEMO_MARKER, value=f"victims={victims} seed={seed}"))
                database.audit.record(
                    db_session, user_id=actor.user_id, action=AuditAction.SEED,
                    entity="database", detail=f"victims={victims} seed={seed}",
                )
                t1 = time.perf_counter()
            phases["commit"] = time.perf_counter() - t1
            # Each demo account's key slot, and its row signed by the account authority
            # with the slot's signing key, in one unit of work and one key-file write.
            t0 = time.perf_counter()
            ready = [future.result() for future in slots]
            phases["slots_wait"] = time.perf_counter() - t0
            with database.writing() as db_session:
                keys = database.load_keyfile(db_session)
                for account, slot in zip(accounts, ready, strict=True):
                    keys.put_slot(slot)
                    database.grant_role_keys(keys, slot.name, account.role)
                database.save_keyfile(keys, db_session)
                users = {user.username: user for user in db_session.scalars(select(User).where(
                    User.username.in_([account.username for account in accounts])))}
                for account, slot in zip(accounts, ready, strict=True):
                    authority.sign_new_account(database, db_session, users[account.username],
                                               slot.signing_public)
            phases["slots"] = time.perf_counter() - t0
            if database.on_server:
                t0 = time.perf_counter()
                try:
                    analyze(database.engine, [table.name for table, _rows in Batch().tables()])
                except DBAPIError:  # the data is in: autovacuum gathers them later
                    log.warning("seed: the planner's statistics were not gathered now")
                phases["analyze"] = time.perf_counter() - t0
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    seconds = time.perf_counter() - started
    log.debug("seed phases (s): %s", {k: round(v, 2) for k, v in phases.items()})
    log.info("seeded %d demo victims in %.1f s", victims, seconds)
    return SeedSummary(**counts, accounts=accounts, seconds=seconds)


def _seed_caseload(
    database: Database, db_session: Session, slices: Slices, seed: int, victims: int,
    today: dt.date, accounts: Sequence[DemoAccount], counts: dict[str, int],
    phases: dict[str, float], progress: Callable[[int, int], None] | None,
) -> None:
    """Generate and write the caseload, a slice of victims at a time."""
    staff = _insert_staff(db_session, accounts)
    breach_ids = _insert_breaches(db_session)
    cipher = database.field_cipher
    connection = db_session.connection()
    chunk = max(250, min(2000, victims // 40 or 1))
    slices.plan(Plan(seed, victims, today, staff, breach_ids, chunk, type(connection.dialect)),
                connection.dialect)
    tables = [table for table, _rows in Batch().tables()]
    if progress is not None:
        progress(0, victims)
    waiting: tuple[Future[None], list[Prepared], int, dict[str, int]] | None = None

    def write(sealing: Future[None], prepared: list[Prepared], last_id: int,
              slice_counts: dict[str, int]) -> None:
        t0 = time.perf_counter()
        sealing.result()
        t1 = time.perf_counter()
        inserter.insert_prepared(prepared, tables)
        phases["seal"] += t1 - t0  # the wait for it: the sealing itself overlaps
        phases["write"] += time.perf_counter() - t1
        for kind, count in slice_counts.items():
            counts[kind] += count
        if progress is not None:
            progress(last_id, victims)

    # Each slice is sealed on a thread of its own (in this unit of work's context: its
    # victim keys) while the slice before it is written: the driver lets go of the GIL
    # while the database inserts, and only that thread seals meanwhile.
    with (larger_page_cache(connection, seed_cache_kib(victims)),
          recounted_after(connection),
          indexes_built_after(connection, tables),
          BulkInserter(connection) as inserter,
          ThreadPoolExecutor(max_workers=1, thread_name_prefix="suoja-seed-seal") as sealer):
        t0 = time.perf_counter()
        for _first_id, last_id, prepared, slice_counts in slices:
            phases["generate"] += time.perf_counter() - t0
            sealing = sealer.submit(contextvars.copy_context().run, seal_prepared, cipher,
                                    prepared)
            if waiting is not None:
                write(*waiting)
            waiting = (sealing, prepared, last_id, slice_counts)
            t0 = time.perf_counter()
        if waiting is not None:
            write(*waiting)
        t0 = time.perf_counter()
    phases["indexes_and_tallies"] = time.perf_counter() - t0
    resync_sequences(db_session)  # ids were given explicitly (PostgreSQL)


def _insert_staff(db_session: Session, accounts: Sequence[DemoAccount]) -> Staff:
    first_id = (db_session.scalar(select(func.max(User.id))) or 0) + 1
    rows = [
        {
            "id": first_id + i,
            "username": account.username,
            "display_name": account.display_name,
            "role": account.role.value,
            "is_active": True,
            "failed_logins": 0,
            "locked_until": None,
            "last_login_at": None,
            "version": 1,
            "created_at": SERVICE_START,
            "updated_at": SERVICE_START,
        }
        for i, account in enumerate(accounts)
    ]
    db_session.execute(insert(table_of(User)), rows)
    by_role: dict[Role, list[int]] = {role: [] for role in Role}
    for i, account in enumerate(accounts):
        by_role[account.role].append(first_id + i)
    counsellors = by_role[Role.COUNSELLOR]
    # Uneven caseloads: a few counsellors carry far more than others.
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(counsellors))]
    return Staff(
        liaisons=by_role[Role.POLICE_LIAISON],
        counsellor_pick=Pick(list(zip(counsellors, weights, strict=True))),
    )


def _insert_breaches(db_session: Session) -> tuple[int, int]:
    """The two Vastaamo breaches (reused if someone entered them already)."""
    ids: list[int] = []
    for name, description, occurred_from, occurred_to in words.BREACHES:
        existing = db_session.scalar(select(Breach.id).where(Breach.name == name))
        if existing is None:
            existing = (db_session.scalar(select(func.max(Breach.id))) or 0) + 1
            db_session.execute(
                insert(table_of(Breach)),
                [{
                    "id": existing, "name": name, "description": description,
                    "occurred_from": occurred_from, "occurred_to": occurred_to,
                    "revealed_on": REVEALED, "created_at": SERVICE_START,
                    "updated_at": SERVICE_START,
                }],
            )
        ids.append(existing)
    return ids[0], ids[1]


__all__ = [
    "DEMO_KDF", "DEMO_PASSWORD", "DEMO_SUPERVISOR", "MAX_VICTIMS", "DemoAccount",
    "SeedSummary", "demo_accounts", "seed_demo",
]
