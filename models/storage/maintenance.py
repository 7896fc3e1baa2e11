"""Backups and restores of a Suoja database, and the desktop app's automatic backups.

A backup is a hot, encrypted, self-contained copy: the database file through SQLite's
online backup API (keyed with the same data key, so it is as encrypted as the original)
and a copy of its key file beside it as ``<backup>.keys``. It opens with the passwords
(and the recovery code) that were valid when it was taken.

Nothing half-made ever carries the final name: the copy is written to a hidden temporary
file in the target folder, checked (SQLCipher's page check, SQLite's integrity check, the
row count of every table against the snapshot it was copied from), made one file (no
write-ahead log beside it), flushed to disk and only then renamed. A failure or an
interruption at any step removes what was written.

A restore goes only into a new path, never over a database: it copies the backup beside
the target under a temporary name, checks that copy (pages, structure, the audit chain,
and that the signing-in user may restore), erases again every case the erasure ledger
lists that the copy still holds (``models.storage.erasure``: the ledgers of the key
files beside the backup and beside the target), records the restore in the copy's audit
trail and then renames it, so the restored database always carries its ``restore``
event, and nobody can open it before the erasures made since the backup are in it.

Automatic backups, and the copies taken before a schema upgrade, are deleted once they
are older than the database's retention period (:func:`prune_backups`): an erased
victim's data stays in them no longer than in a closed case.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, func, inspect, select, table
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models.domain.base import utcnow
from models.domain.entities import Meta, User
from models.domain.enums import AuditAction, Role
from models.domain.errors import (
    AuthenticationError,
    DamagedData,
    DataError,
    KnownError,
    PermissionDenied,
)
from models.domain.i18n import N_, ngettext
from models.domain.i18n import gettext as _
from models.domain.private_files import create_fresh, fsync_folder, private_folder
from models.security.audit import verify_chain
from models.security.permissions import Operation, require
from models.security.signatures import split_keys
from models.storage import migration
from models.storage.database import (
    cipher_integrity_problems,
    key_opens,
    keyfile_path,
    online_backup,
    open_engine,
    open_read_only_engine,
    scrub_freed_pages,
    seal_copy,
    sqlite_integrity_problems,
)
from models.storage.erasure import (
    add_lines,
    apply_erasures,
    erased_case_ids,
    erasures_due,
    key_files_beside,
    known_lines,
    retention_days,
    upgrade_copy_days,
    workstation_ledger,
)
from models.storage.errors import from_database_error
from models.storage.keyfile import (
    KEY_STORAGE,
    SLOT_USER,
    ErasureEntry,
    KeyFile,
    Keyring,
)
from models.storage.unit_of_work import Actor, Database

log = logging.getLogger("suoja.maintenance")
T = TypeVar("T")

#: Where automatic backups go, beside the database.
AUTOMATIC_FOLDER_NAME = "backups"
#: How many automatic backups are kept by default (a week of daily ones).
DEFAULT_KEEP = 7
_STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_SIDECARS = ("-wal", "-shm", "-journal")
#: What is being checked: the copy a backup writes, or the backup a restore reads.
_COPY, _BACKUP = "backup copy", "backup"
#: The sentences for each (``{problem}``: :func:`page_problem`'s; ``{more}``: how many more).
_DAMAGED = {_COPY: N_("The backup copy is damaged: {problem}{more}"),
            _BACKUP: N_("The backup is damaged: {problem}{more}")}
_STRUCTURE = {
    _COPY: N_("The backup copy's structure is damaged (SQLite integrity check failed)."),
    _BACKUP: N_("The backup's structure is damaged (SQLite integrity check failed)."),
}
_UNREADABLE = {
    _COPY: N_("The backup copy could not be read; it is damaged or not a Suoja database."),
    _BACKUP: N_("The backup could not be read; it is damaged or not a Suoja database."),
}


@dataclass(frozen=True)
class BackupReport:
    """A finished, checked backup.

    Attributes:
        path: the backup file; its key file is beside it as ``<path>.keys``.
        size_bytes: size of the backup file.
        table_counts: rows per table, identical in the database (at the snapshot) and
            in the copy.
        seconds: how long the whole backup took, checks included.
    """

    path: Path
    size_bytes: int
    table_counts: dict[str, int]
    seconds: float


@dataclass(frozen=True)
class RestoreReport:
    """A finished restore.

    Attributes:
        path: the restored database; its key file is beside it.
        size_bytes: size of the restored database file.
        table_counts: rows per table in the restored database (before its ``restore``
            audit event).
        audit_events: how many audit events verified in the backup's chain.
        seconds: how long the restore took, checks included.
        erasures_applied: cases the erasure ledger lists that the backup still held, and
            that were erased again in the restored copy.
        ledger_entries_refused: ledger entries that were not genuine (altered, or of
            another database's keys), and so ignored.
    """

    path: Path
    size_bytes: int
    table_counts: dict[str, int]
    audit_events: int
    seconds: float
    erasures_applied: int = 0
    ledger_entries_refused: int = 0


# -- backup ------------------------------------------------------------------------


def backup_database(database: Database, actor: Actor, target: Path) -> BackupReport:
    """Write a checked, encrypted copy of the open database and its key file.

    The database stays in use meanwhile: the copy is one consistent snapshot. A
    ``backup`` event is added to the database's audit trail (after the snapshot, so it
    is not in the copy itself).

    Args:
        database: the open database.
        actor: the signed-in user; must be an administrator or a supervisor.
        target: the new backup file; ``<target>.keys`` is written beside it.

    Returns:
        What was written and checked.

    Raises:
        PermissionDenied: the actor's role may not make backups.
        DataError: ``target`` (or its key file) exists, the folder is missing, or the
            copy failed its checks (nothing is left behind then).
    """
    require(Role(actor.role), Operation.BACKUP)
    return _backup(database, actor, Path(target), detail="checks ok")


def write_checked_copy(database: Database, target: Path) -> BackupReport:
    """The same checked, atomic copy as :func:`backup_database`, without an audit event.

    For the system's own safety copies taken before anyone has signed in, such as the
    backup before a schema upgrade (``store._upgrade_with_backup``). It checks no role:
    never call it on a user's behalf.
    """
    return _backup(database, None, Path(target), detail="")


def _backup(
    database: Database, actor: Actor | None, target: Path, *, detail: str
) -> BackupReport:
    started = time.perf_counter()
    _refuse_existing(target, N_("{name} already exists; choose a new name for the backup."))
    if not target.parent.is_dir():
        raise DataError(_("The folder {folder} does not exist.").format(folder=target.parent))
    data_key = _data_key(database)
    keys = database.load_keyfile()

    def copy_and_check(partial: Path) -> dict[str, int]:
        counts = online_backup(database.engine, partial, data_key, _count_rows)
        _check_copy(partial, data_key, keys.database_id, counts)
        return counts

    def record_backup() -> None:
        if actor is not None:
            with database.writing() as db_session:
                database.audit.record(
                    db_session, user_id=actor.user_id, action=AuditAction.BACKUP,
                    entity="database", detail=detail,
                )

    # Audited before the rename: a backup file that exists has been recorded.
    counts = _write_then_rename(
        target, keys, data_key, copy_and_check, before_rename=record_backup,
        appeared=N_("{name} appeared while the backup was written; nothing was replaced."))
    seconds = time.perf_counter() - started
    log.info("backup written and checked in %.1f s", seconds)
    return BackupReport(target, target.stat().st_size, counts, seconds)


def _data_key(database: Database) -> bytes:
    return database.data_key


def _count_rows(connection: Connection) -> dict[str, int]:
    """Rows per table, for every table the database actually has."""
    names = sorted(inspect(connection).get_table_names())
    return {
        name: int(connection.execute(select(func.count()).select_from(table(name))).scalar_one())
        for name in names
    }


def _check_copy(path: Path, data_key: bytes, database_id: str,
                expected: dict[str, int]) -> None:
    """Open the copy as a Suoja database and check pages, structure and row counts."""
    engine = open_engine(path, data_key)
    try:
        _check_pages_and_structure(engine, _COPY)
        with engine.connect() as connection:
            found_id = connection.execute(
                select(Meta.value).where(Meta.key == "database_id")
            ).scalar()
            counts = _count_rows(connection)
        if found_id != database_id:
            raise DataError(_("The backup copy does not belong to this database's key file."))
        if counts != expected:
            differing = sorted(name for name in expected.keys() | counts.keys()
                               if expected.get(name) != counts.get(name))
            raise DataError(_(
                "The backup copy does not hold the same rows as the database (tables: "
                "{tables}); nothing was kept."
            ).format(tables=", ".join(differing)))
    except SQLAlchemyError as error:
        raise _as_data_error(error, _COPY) from None
    finally:
        engine.dispose()


def _check_pages_and_structure(engine: Engine, what: str) -> None:
    pages = cipher_integrity_problems(engine)
    if pages:
        others = len(pages) - 1
        more = ngettext(" (and {n} more)", " (and {n} more)", others).format(n=others)
        raise DataError(_(_DAMAGED[what]).format(problem=page_problem(pages[0]),
                                                 more=more if others else ""))
    structure = sqlite_integrity_problems(engine)
    if structure:
        raise DataError(_(_STRUCTURE[what]))


def page_problem(raw: str) -> str:
    """SQLCipher says e.g. "HMAC verification failed for page 42"; say it plainly."""
    words = raw.split()
    if "page" in words:
        index = words.index("page")
        if index + 1 < len(words):
            return _("page {page} failed its encryption check (tampered or corrupted).").format(
                page=words[index + 1])
    return _("a page failed its encryption check (tampered or corrupted).")


def _as_data_error(error: SQLAlchemyError, what: str) -> DataError:
    known = from_database_error(error)
    if isinstance(known, DataError):
        return known
    return DataError(_(_UNREADABLE[what]))


# -- automatic backups ---------------------------------------------------------------


def automatic_backup_folder(db_path: Path) -> Path:
    """Where the automatic backups of ``db_path`` go: ``backups/`` beside it."""
    return db_path.parent / AUTOMATIC_FOLDER_NAME


def rotate_automatic_backups(
    database: Database,
    actor: Actor,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    now: dt.datetime | None = None,
    min_interval: dt.timedelta = dt.timedelta(0),
) -> Path | None:
    """Take an automatic backup and keep only the ``keep`` newest.

    The desktop app calls this on close (``min_interval`` 0) and once a day (24 h).
    Backups are named ``<db stem>-auto-YYYYmmddTHHMMSSZ.db`` (UTC); other files in the
    folder, such as the backups taken before a schema upgrade, are never touched.

    Any signed-in user's session may trigger it, whatever their role: the copy stays
    beside the database, under the same key and key slots, so it lets nothing out that
    the database itself does not. Making a backup *elsewhere* (:func:`backup_database`)
    is for administrators and supervisors.

    Args:
        database: the open database.
        actor: the signed-in user (recorded in the audit trail).
        folder: where the automatic backups are kept; default ``backups/`` beside the
            database (created if missing).
        keep: how many automatic backups to keep, at least 1.
        now: the current time (for tests); default the clock, in UTC.
        min_interval: skip the backup if the newest automatic one is younger than this.

    Returns:
        The new backup, or None if it was skipped as too soon.

    Raises:
        ValueError: ``keep`` is below 1 or ``now`` is naive.
        DataError: the backup failed its checks (nothing is left behind then).
    """
    if keep < 1:
        raise ValueError("keep at least one automatic backup")
    now = now or utcnow()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(dt.UTC)
    folder = folder or automatic_backup_folder(database.path)
    # Owner-only (also one made 0755 by an older version); a link or another user's
    # folder in its place is refused.
    private_folder(folder)
    stem = database.path.stem
    existing = _automatic_backups(folder, stem)
    # A newest backup "in the future" (the clock was set back) does not stop this one.
    if existing and dt.timedelta(0) <= now - existing[-1][0] < min_interval:
        return None
    target = folder / f"{stem}-auto-{now.strftime(_STAMP_FORMAT)}.db"
    if target.exists():
        return None  # one was taken this very second
    _backup(database, actor, target, detail="automatic; checks ok")
    for _stamp, old in _automatic_backups(folder, stem)[:-keep]:
        _delete_backup(old)
    prune_backups(database, folder, now)
    return target


def prune_backups(database: Database, folder: Path | None = None,
                  now: dt.datetime | None = None) -> list[Path]:
    """Delete the automatic backups older than the retention period, and the copies
    taken before a schema upgrade older than their number of days (``suoja_meta``:
    ``models.storage.erasure``), from ``folder`` (default ``backups/`` beside the
    database). The newest automatic backup always stays, whatever its age.

    Returns:
        The backups deleted (their key files went with them).
    """
    now = (now or utcnow()).astimezone(dt.UTC)
    folder = folder or automatic_backup_folder(database.path)
    if not folder.is_dir():
        return []
    with database.reading() as db_session:
        keep_auto = dt.timedelta(days=retention_days(db_session))
        keep_upgrade = dt.timedelta(days=upgrade_copy_days(db_session))
    stem = database.path.stem
    old = [path for stamp, path in _automatic_backups(folder, stem)[:-1]
           if now - stamp > keep_auto]
    old += [path for stamp, path in _stamped(folder, stem, "before-upgrade")
            if now - stamp > keep_upgrade]
    for path in old:
        _delete_backup(path)
    if old:
        log.info("%d old backups deleted", len(old))
    return old


@dataclass(frozen=True)
class CopiesReport:
    """What :func:`erase_in_copies` did to the backups in ``backups/``.

    Attributes:
        erased: the backups the erasures were applied to.
        unreachable: the backups it could not change (from before a key rotation or a
            schema upgrade, or whose audit trail the erasing account cannot sign): they
            hold the data until they are pruned, and a restore of one applies the
            ledger (module docstring).
    """

    erased: tuple[Path, ...]
    unreachable: tuple[Path, ...]


def erase_in_copies(database: Database, user_id: int,
                    folder: Path | None = None) -> CopiesReport:
    """Apply the erasure ledger to the backups Suoja keeps in ``backups/`` beside the
    database (automatic ones and those taken before an upgrade), so an erased victim's
    data is gone from them too, not only kept out of a restore.

    Each backup is changed only if it opens with the keys this session holds, is at the
    current schema and its audit trail can take the erasing account's signed events;
    then the erasures are recorded in it as at a restore (``reason=ledger``), its free
    pages are wiped, it is made one file again and checked. Never raises for one
    backup: a backup that cannot be changed is reported and left as it was.
    """
    if database.on_server:
        return CopiesReport((), ())
    folder = folder or automatic_backup_folder(database.path)
    if not folder.is_dir():
        return CopiesReport((), ())
    live = database.load_keyfile()
    with database.reading() as db_session:
        ledger = known_lines(database, db_session, live)
    if not ledger:
        return CopiesReport((), ())
    stem = database.path.stem
    copies = [path for kind in ("auto", "before-upgrade")
              for _stamp, path in _stamped(folder, stem, kind)
              if keyfile_path(path).is_file()]
    erased: list[Path] = []
    unreachable: list[Path] = []
    for path in copies:
        try:
            changed = _erase_in_copy(database, live.database_id, path, user_id, ledger)
        except (KnownError, SQLAlchemyError, OSError):
            log.warning("an erasure could not be applied to a backup")
            changed = None
        if changed is None:
            unreachable.append(path)
        elif changed:
            erased.append(path)
    if erased or unreachable:
        log.info("erasures applied to %d backups; %d left as they were",
                 len(erased), len(unreachable))
    return CopiesReport(tuple(erased), tuple(unreachable))


def _erase_in_copy(database: Database, database_id: str, path: Path, user_id: int,
                   ledger: list[ErasureEntry]) -> bool | None:
    """Apply ``ledger`` to one backup: True if it changed, False if it needed nothing,
    None if it cannot be changed with this session's keys. A backup that needs nothing
    is only read (byte for byte as it was)."""
    keys = KeyFile.load(keyfile_path(path))
    if keys.database_id != database_id:
        return None
    keyring = database.keyring
    storage_key = next((key for generation in keyring.generations(KEY_STORAGE)
                        if (key := keyring.get(KEY_STORAGE, generation)) is not None
                        and key_opens(path, key)), None)
    if storage_key is None:
        return None  # from before a rotation: the old storage key is gone
    reader = open_read_only_engine(path, storage_key)
    try:
        if migration.current_revision(reader) != migration.head_revision():
            return None
        with Session(reader) as db_session:
            due, _refused = erasures_due(db_session, ledger)
            signing = db_session.scalar(select(User.signing_keys).where(User.id == user_id))
            erased = set(db_session.scalars(erased_case_ids()))
    finally:
        reader.dispose()
    if keys.destroy_victim_keys(erased):
        # Erased in the backup already, its key file kept the key (it was taken before
        # the live key file lost it): only the key file changes.
        keys.save(keyfile_path(path))
    if not due:
        return False
    if not _signs_in(keyring, signing):
        return None  # its verify would not accept events signed by this account
    engine = open_engine(path, storage_key)
    changed = False
    try:
        copy = Database(path, engine, keyring, storage_key)
        if copy.missing_content_keys(Role.SUPERVISOR):
            return None
        copy.load_content_keys()
        with copy.writing() as db_session:
            due, _refused = erasures_due(db_session, due)
            apply_erasures(copy, db_session, user_id, due)
        changed = True  # committed: from here on the copy is made whole again below
        add_lines(keys, due)
        # Its key file loses their victim keys (saved below with the lines).
        keys.destroy_victim_keys(entry.case_id for entry in due)
        scrub_freed_pages(engine)
        _check_pages_and_structure(engine, _COPY)
    finally:
        engine.dispose()
        # One file again, as a backup is (also when it was left unchanged).
        seal_copy(path, storage_key)
        if changed:
            keys.save(keyfile_path(path))
    return True


def _signs_in(keyring: Keyring, signing_keys: str | None) -> bool:
    """Whether the copy's row of the account lists the key its events are signed with."""
    if keyring.identity is None:
        return False
    try:
        return keyring.identity.signing_public in split_keys(signing_keys)
    except ValueError:
        return False


def _delete_backup(path: Path) -> None:
    keyfile_path(path).unlink(missing_ok=True)
    path.unlink(missing_ok=True)


def _automatic_backups(folder: Path, stem: str) -> list[tuple[dt.datetime, Path]]:
    """The automatic backups of the database ``stem`` in ``folder``, oldest first."""
    return _stamped(folder, stem, "auto")


def _stamped(folder: Path, stem: str, kind: str) -> list[tuple[dt.datetime, Path]]:
    """The backups ``<stem>-<kind>-<UTC stamp>.db`` in ``folder``, oldest first."""
    pattern = re.compile(rf"{re.escape(stem)}-{kind}-(\d{{8}}T\d{{6}}Z)\.db")
    found: list[tuple[dt.datetime, Path]] = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match and path.is_file():
            stamp = dt.datetime.strptime(match.group(1), _STAMP_FORMAT).replace(tzinfo=dt.UTC)
            found.append((stamp, path))
    return sorted(found)


def latest_automatic_backup(db_path: Path) -> Path | None:
    """The newest automatic backup of ``db_path`` (in ``backups/`` beside it), if any."""
    folder = automatic_backup_folder(db_path)
    if not folder.is_dir():
        return None
    found = [path for _stamp, path in _automatic_backups(folder, db_path.stem)
             if keyfile_path(path).is_file()]
    return found[-1] if found else None


def restored_path(db_path: Path, now: dt.datetime | None = None) -> Path:
    """A new path beside ``db_path`` for restoring a backup into: never an existing file."""
    stamp = (now or utcnow()).astimezone(dt.UTC).strftime(_STAMP_FORMAT)
    target = db_path.with_name(f"{db_path.stem}-restored-{stamp}.db")
    number = 1
    while target.exists() or keyfile_path(target).exists():
        number += 1
        target = db_path.with_name(f"{db_path.stem}-restored-{stamp}-{number}.db")
    return target


# -- restore -------------------------------------------------------------------------


def restore_backup(source: Path, target: Path, username: str, password: str,
                   erasures_from: Sequence[Path] = ()) -> RestoreReport:
    """Check a backup and restore it into a new database path.

    The user signs in against the *backup's* key slots and must be an administrator or
    a supervisor in the backup. Failed attempts are not throttled here as at sign-in:
    whoever holds a backup file can try passwords offline anyway, which Argon2id slows.

    Erasures made since the backup are applied again (see the module docstring): the
    ledger is read from every key file of the same database in the backup's folder, the
    target's folder (where the live database usually is) and ``erasures_from``. Erasing
    re-seals sealed values, so when there is any to apply, only an account holding the
    content keys (a supervisor) can restore.

    Args:
        source: the backup file; its key file must be beside it (``<source>.keys``).
        target: where the restored database goes; neither it nor its key file may exist.
        username: an account in the backup.
        password: that account's password at the time of the backup.
        erasures_from: more databases or key files whose erasure ledger counts.

    Returns:
        What was restored and checked.

    Raises:
        DataError: the target exists; the backup or its key file is missing, damaged
            or not Suoja's; its audit trail is broken. Nothing is created then.
        AuthenticationError: wrong username or password, or a locked account.
        PermissionDenied: the account's role may not restore backups, or erasures are to
            be applied again and it holds no content key.
    """
    started = time.perf_counter()
    source, target = Path(source), Path(target)
    _refuse_existing(target, N_("{name} exists; restore only into a new path."))
    if not target.parent.is_dir():
        raise DataError(_("The folder {folder} does not exist.").format(folder=target.parent))
    if not source.is_file():
        raise DataError(_("There is no backup at {path}.").format(path=source))
    wal = source.with_name(source.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise DataError(_(
            "{name} is a database in use, not a backup; make a backup of it first."
        ).format(name=source.name))
    keys = KeyFile.load(keyfile_path(source))
    keyring = keys.unwrap(SLOT_USER, username, password)
    data_key = _opening_key(source, keyring)
    ledger = [line for source_keys in _ledger_sources(
                  source, target, erasures_from, keys.database_id)
              for line in source_keys.erasures]
    ledger += workstation_ledger(keys.database_id)
    # The restored copy's key file carries every line on (they count where they apply).
    add_lines(keys, ledger)
    ledger = list(keys.erasures)

    def copy_and_check(partial: Path) -> tuple[dict[str, int], int, int, int]:
        _copy_file(source, partial)
        counts, events, applied, refused, erased = _check_and_mark_restored(
            partial, keyring, data_key, keys.database_id, username, ledger)
        # The restored copy's key file holds no victim key of a case erased in it (also
        # of one the backup's own key file kept): their values in it stay ciphertext.
        keys.destroy_victim_keys(erased)
        return counts, events, applied, refused

    counts, events, applied, refused = _write_then_rename(
        target, keys, data_key, copy_and_check,
        appeared=N_("{name} appeared while restoring; nothing was replaced."))
    seconds = time.perf_counter() - started
    log.info("backup restored and checked in %.1f s; %d erasures applied again",
             seconds, applied)
    return RestoreReport(target, target.stat().st_size, counts, events, seconds,
                         applied, refused)


def _ledger_sources(source: Path, target: Path, more: Sequence[Path],
                    database_id: str) -> list[KeyFile]:
    """The key files whose ledger counts for a restore of ``source`` into ``target``."""
    found = key_files_beside([source.parent, target.parent], database_id)
    for path in more:
        path = Path(path)
        keys_path = path if path.suffix == ".keys" else keyfile_path(path)
        keys = KeyFile.load(keys_path)  # named by the user: one that cannot be read is an error
        if keys.database_id != database_id:
            raise DataError(_("{name} belongs to another database than the backup.").format(
                name=keys_path.name))
        found.append(keys)
    return found


def _opening_key(path: Path, keyring: Keyring) -> bytes:
    """The newest storage key in ``keyring`` that opens the SQLCipher file at ``path``.

    Raises:
        DamagedData: none does (the file is damaged, or belongs to other keys).
    """
    if not keyring.generations(KEY_STORAGE):
        raise AuthenticationError(_("This account is locked in the backup."))
    for generation in keyring.generations(KEY_STORAGE):
        key = keyring.get(KEY_STORAGE, generation)
        if key is not None and key_opens(path, key):
            return key
    raise DamagedData(_("The backup cannot be decrypted with its key file: the file is "
                        "damaged, or the backup and key file do not belong together."))


def _check_and_mark_restored(
    path: Path, keyring: Keyring, data_key: bytes, database_id: str, username: str,
    ledger: list[ErasureEntry],
) -> tuple[dict[str, int], int, int, int, set[int]]:
    """Check the copy as ``verify`` does, apply the erasures it predates, then record the
    restore in its audit trail.

    Returns:
        (rows per table before the restore event, audit events verified, erasures
        applied again, ledger lines refused: not signed by a supervisor it knows, the
        cases erased in the copy now).
    """
    engine = open_engine(path, data_key)
    database = Database(path, engine, keyring, data_key)
    try:
        _check_pages_and_structure(engine, _BACKUP)
        with database.reading() as db_session:
            found_id = db_session.scalar(select(Meta.value).where(Meta.key == "database_id"))
            if found_id != database_id:
                raise DataError(_("The backup and its key file do not belong together."))
            user = db_session.scalar(select(User).where(User.username == username))
            if user is None:
                raise AuthenticationError(_("Wrong username or password."))
            if not user.is_active:
                raise AuthenticationError(_("This account is locked in the backup."))
            role = Role(user.role)
            require(role, Operation.RESTORE)
            user_id = user.id
            chain = verify_chain(db_session, database.chain_key)
            due, refused = erasures_due(db_session, ledger)
        if not chain.ok:
            raise DataError(_("The backup's audit trail is broken: {problem}").format(
                problem=chain.problem))
        if due:
            # Erasing re-seals the sealed values empty: it needs both content keys,
            # which supervisors hold.
            if database.missing_content_keys(Role.SUPERVISOR):
                raise PermissionDenied(ngettext(
                    "This backup is older than {n} erasure, which must be applied again; "
                    "only a supervisor can restore it.",
                    "This backup is older than {n} erasures, which must be applied again; "
                    "only a supervisor can restore it.", len(due)).format(n=len(due)))
            database.load_content_keys()
        with engine.connect() as connection:
            counts = _count_rows(connection)
        applied = len(due)
        with database.writing() as db_session:
            apply_erasures(database, db_session, user_id, due)
            database.audit.record(
                db_session, user_id=user_id, action=AuditAction.RESTORE, entity="database",
                detail=f"checks ok; audit_events={chain.events}; erasures_applied={applied}",
            )
            erased = set(db_session.scalars(erased_case_ids()))
        if applied:
            scrub_freed_pages(engine)  # the erased values leave the file's free pages too
    except SQLAlchemyError as error:
        raise _as_data_error(error, _BACKUP) from None
    finally:
        engine.dispose()
    return counts, chain.events, applied, refused, erased


# -- files ---------------------------------------------------------------------------


def _write_then_rename(
    target: Path, keys: KeyFile, data_key: bytes, write: Callable[[Path], T], *,
    appeared: str, before_rename: Callable[[], None] | None = None,
) -> T:
    """Give ``target`` a database only once it is whole, checked and on disk.

    ``write`` fills (and checks) a hidden, owner-only file beside ``target``; the copy is
    then made one file and flushed, the key file written beside ``target``,
    ``before_rename`` run, and the copy renamed to ``target``. A failure or an
    interruption at any step removes what was written, and nothing ever replaces a file
    that appeared at ``target`` meanwhile.

    Args:
        appeared: the sentence (marked, ``{name}`` the file's name) given when ``target``
            (or its key file) appeared meanwhile.
        before_rename: the last step before the rename (the backup's audit event).

    Returns:
        What ``write`` returned.
    """
    partial = _partial_path(target)
    key_target = keyfile_path(target)
    wrote_keys = False
    try:
        result = write(partial)
        seal_copy(partial, data_key)
        _fsync(partial)
        _refuse_existing(target, appeared)
        keys.save(key_target)
        wrote_keys = True
        if before_rename is not None:
            before_rename()
        os.replace(partial, target)
        fsync_folder(target.parent)
    except BaseException:
        _remove_partial(partial)
        if wrote_keys and not target.exists():
            key_target.unlink(missing_ok=True)
        raise
    return result


def _refuse_existing(target: Path, reason: str) -> None:
    """Refuse a target that exists, or whose key file or journal files exist.

    A stale ``-wal`` beside a new database would be replayed into it, so those count. A
    link counts too, even one pointing nowhere: it was planted, and is left as found.
    ``reason`` is a sentence marked with ``N_``, ``{name}`` the name of the file found.
    """
    for path in (target, keyfile_path(target), *_sidecar_paths(target)):
        if os.path.lexists(path):
            raise DataError(_(reason).format(name=path.name))


def _sidecar_paths(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in _SIDECARS]


def _partial_path(target: Path) -> Path:
    """A new, empty, owner-only file beside ``target`` for the copy in progress."""
    fd, path = create_fresh(target.parent, f".{target.name}.", ".partial")
    os.close(fd)  # 0600; SQLite keeps the mode, and gives it to its journals
    return path


def _remove_partial(partial: Path) -> None:
    for path in (partial, *_sidecar_paths(partial)):
        path.unlink(missing_ok=True)


def _copy_file(source: Path, target: Path) -> None:
    """Copy bytes into the existing (0600) ``target`` and flush them to disk."""
    with source.open("rb") as reading, target.open("r+b") as writing:
        shutil.copyfileobj(reading, writing, length=1024 * 1024)
        writing.truncate()
        writing.flush()
        os.fsync(writing.fileno())


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
