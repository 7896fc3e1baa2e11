"""Opening the encrypted SQLite database: SQLCipher 4 with a raw 256-bit key.

This is the one place that knows Suoja runs on SQLCipher. Every new connection is keyed,
checked to be a Suoja database and given the same settings (foreign keys, WAL,
synchronous=FULL, secure_delete, in-memory temp storage, SQLCipher's own logging silenced),
before SQLAlchemy sees it. Nothing here creates a file unless ``create=True``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

from models.domain.errors import DamagedData, DataError, KnownError, Unavailable
from models.domain.i18n import gettext as _
from models.storage.errors import from_database_error

log = logging.getLogger("suoja.database")

#: ``PRAGMA application_id`` of every Suoja database ("SUOJ" in ASCII).
SUOJA_APPLICATION_ID = 0x53554F4A

#: Settings every connection gets, and the values a test asserts they read back as.
CONNECTION_PRAGMAS: dict[str, Any] = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a committed case survives a power cut
    "secure_delete": 1,  # deleted evidence is overwritten, not left in free pages
    "temp_store": 2,  # MEMORY: sorts and temp tables never touch the disk
    # 32 MiB of pages (default 2 MB): the lists' index walks at 200,000 victims re-read
    # and decrypted the same pages otherwise. Filled only as pages are read.
    "cache_size": -32768,
}

BUSY_TIMEOUT_MS = 5000

T = TypeVar("T")


def keyfile_path(db_path: Path) -> Path:
    """Where the key file of ``db_path`` lives: beside it, ``<name>.keys``."""
    return db_path.with_name(db_path.name + ".keys")


def _connect(path: str, data_key: bytes, *, create: bool) -> sqlcipher.Connection:
    connection = sqlcipher.connect(path, check_same_thread=False, isolation_level=None)
    try:
        # Before the key, so a failed decryption is not logged to stderr by SQLCipher.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        # Before the first read: a load or re-key holding the whole file is waited for,
        # and if it takes longer the file is busy, not damaged.
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as error:
            busy = from_database_error(error)
            if isinstance(busy, Unavailable):
                raise busy from None
            raise DamagedData(_(
                "The database cannot be decrypted with its key file: the file is damaged, "
                "or the database and key file do not belong together."
            )) from None
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if create and app_id == 0:
            connection.execute(f"PRAGMA application_id = {SUOJA_APPLICATION_ID}")
        elif app_id != SUOJA_APPLICATION_ID:
            raise DataError(_("This file is not a Suoja database."))
        for name, value in CONNECTION_PRAGMAS.items():
            connection.execute(f"PRAGMA {name} = {value}")
        return connection
    except BaseException:
        connection.close()
        raise


def open_engine(db_path: Path, data_key: bytes, *, create: bool = False) -> Engine:
    """An engine over the encrypted database at ``db_path``.

    Args:
        db_path: the database file. It must exist unless ``create`` is set.
        data_key: the 32-byte data key from the key file.
        create: allow a new, empty database (used by ``init`` only).

    Raises:
        DataError: the file is missing, cannot be decrypted, or is not Suoja's.
    """
    if not create and not db_path.is_file():
        raise DataError(_("There is no Suoja database at {path}.").format(path=db_path))
    path = str(db_path)

    # Open one connection eagerly: a wrong key or a foreign file fails here, clearly.
    _connect(path, data_key, create=create).close()

    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: _connect(path, data_key, create=False),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        # SQL errors must never echo the values bound to them: they are personal data.
        hide_parameters=True,
    )
    _install_begin_handler(engine)
    return engine


def open_read_only_engine(db_path: Path, data_key: bytes) -> Engine:
    """An engine that only reads the database at ``db_path``: nothing is written to it,
    not even its journal mode (a backup looked at stays byte for byte as it was)."""
    uri = f"{db_path.resolve().as_uri()}?mode=ro"

    def connect() -> sqlcipher.Connection:
        connection = sqlcipher.connect(uri, uri=True, check_same_thread=False,
                                       isolation_level=None)
        try:
            connection.execute("PRAGMA cipher_log_level = NONE")
            connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except BaseException:
            connection.close()
            raise

    return create_engine("sqlite://", module=sqlcipher, creator=connect, poolclass=NullPool,
                         hide_parameters=True)


def _install_begin_handler(engine: Engine) -> None:
    """Make SQLAlchemy start transactions itself, so SAVEPOINT and reads are consistent.

    The SQLAlchemy docs' recipe for pysqlite: disable the driver's own BEGIN handling
    (done in ``_connect``) and emit BEGIN when the ORM starts a transaction.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        options = connection.get_execution_options()
        immediate = options.get("suoja_immediate", False)
        # On the driver's connection itself: SQLAlchemy's statement path (cursor,
        # events, result) costs some 20 µs per unit of work for a statement with no rows.
        driver = connection.connection.driver_connection
        if options.get(BULK_LOAD):
            _start_bulk_load(driver, connection.connection.info)
        driver.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        if (record.info.pop(BULK_LOAD, False) and dbapi_connection is not None
                and not _end_bulk_load(dbapi_connection)):
            # Not back in the WAL: closed, so the pool's next checkout opens a new one
            # through _connect, which puts the file back in the WAL.
            record.invalidate()


#: Execution option of a unit of work that loads a whole caseload into a new database
#: (the demo seed, ``Database.loading``): see :func:`_start_bulk_load`.
BULK_LOAD = "suoja_bulk_load"


def _start_bulk_load(driver: Any, info: dict[str, Any]) -> None:
    """Before the unit of work's BEGIN: a rollback journal instead of the WAL, so the
    loaded pages are written to the file once at the commit, not to the WAL and then
    again by its checkpoint (200,000 victims: 1.4 GB). Only if no other connection has
    the file open (a switch away from the WAL needs it to itself); else the WAL stays.
    ``synchronous = EXTRA`` makes the journal's deletion, which is the commit, as
    durable as a commit in the WAL; a crash rolls back from the journal to the database
    as it was. While the load holds the file, another program opening it is told that
    it is busy (``_connect``)."""
    info[BULK_LOAD] = True
    try:
        with _not_waiting(driver):  # in use elsewhere: the WAL stays
            driver.execute("PRAGMA journal_mode = DELETE").fetchall()
            driver.execute("PRAGMA synchronous = EXTRA")
    except sqlcipher.OperationalError:
        log.info("bulk load through the WAL: the database is open elsewhere")


def _end_bulk_load(driver: Any) -> bool:
    """When the connection goes back to the pool: the settings every connection has,
    the WAL again. False if they could not be set (another connection is reading)."""
    wal = str(CONNECTION_PRAGMAS["journal_mode"])
    try:
        with _not_waiting(driver):
            driver.execute(f"PRAGMA synchronous = {CONNECTION_PRAGMAS['synchronous']}")
            mode = driver.execute(f"PRAGMA journal_mode = {wal}").fetchone()[0]
    except sqlcipher.Error:
        mode = None
    if str(mode).lower() != wal.lower():
        log.warning("a connection left the bulk load outside the WAL and was closed")
        return False
    return True


@contextlib.contextmanager
def _not_waiting(driver: Any) -> Iterator[None]:
    """No busy timeout for the block: a lock held elsewhere fails at once."""
    driver.execute("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def read_pragmas(engine: Engine) -> dict[str, Any]:
    """The connection settings as the database reports them (for tests and ``verify``)."""
    with engine.connect() as connection:
        return {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in CONNECTION_PRAGMAS
        }


def cipher_integrity_problems(engine: Engine) -> list[str]:
    """SQLCipher's page check: every page's HMAC, as stored problems (empty if sound)."""
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
    return [str(row[0]) for row in rows]


def sqlite_integrity_problems(engine: Engine) -> list[str]:
    """SQLite's own structural check (empty if sound)."""
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def _keyed_connection(path: Path, data_key: bytes) -> sqlcipher.Connection:
    """A bare connection keyed with ``data_key`` (no Suoja checks: the file may be new)."""
    connection = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return connection
    except BaseException:
        connection.close()
        raise


def online_backup(
    engine: Engine, target: Path, data_key: bytes, snapshot: Callable[[Connection], T]
) -> T:
    """Copy the open database page by page into ``target``, keyed with the same key.

    SQLite's online backup API reads inside one read transaction of the source, so other
    connections keep reading and writing meanwhile (WAL) and the copy is one consistent
    snapshot. ``snapshot`` runs first in that same transaction, so what it sees (e.g. row
    counts) is exactly what the copy holds. SQLCipher copies between two databases with
    the same key and page size; every page is re-encrypted for the target on the way.

    Args:
        engine: the source database's engine.
        target: an empty or new file; it is overwritten page by page.
        data_key: the source's data key (the copy is keyed with it too).
        snapshot: called with the source connection inside the backup's transaction.

    Returns:
        What ``snapshot`` returned.
    """
    with engine.connect() as connection, connection.begin():
        seen = snapshot(connection)
        source = connection.connection.dbapi_connection
        assert source is not None
        try:
            copy = _keyed_connection(target, data_key)
            try:
                source.backup(copy)
                copy.execute(f"PRAGMA application_id = {SUOJA_APPLICATION_ID}")
            finally:
                copy.close()
        except sqlcipher.Error as error:
            raise _copy_error(error) from None
    return seen


def _copy_error(error: BaseException) -> KnownError:
    """A driver error while writing a copy, as a plain sentence (e.g. the disk is full)."""
    if "full" in str(error).lower():
        return DataError(_("The disk is full; the copy was not written."))
    return from_database_error(error) or DataError(
        _("The copy could not be written (the driver reported an error).")
    )


def seal_copy(path: Path, data_key: bytes) -> None:
    """Make a closed database one self-contained file: no write-ahead log beside it.

    Switching to the rollback journal checkpoints the WAL into the file and deletes it,
    so the file can be renamed, copied or fsynced alone. Every later connection through
    :func:`open_engine` switches the database back to WAL.

    Raises:
        DataError: another connection still holds the file, so the log could not go.
    """
    try:
        connection = _keyed_connection(path, data_key)
        try:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        finally:
            connection.close()
    except sqlcipher.Error as error:
        raise _copy_error(error) from None
    wal = path.with_name(path.name + "-wal")
    if str(mode).lower() != "delete" or wal.exists():
        raise DataError(_("The copy is still in use by another connection; try again."))


def scrub_freed_pages(engine: Engine) -> bool:
    """Rewrite the database file so that nothing deleted survives in it or in its log.

    ``secure_delete`` already zeroes the space a change frees inside the file, but the
    previous versions of changed pages remain in the write-ahead log until a checkpoint.
    This rebuilds the file with ``VACUUM`` (dropping every free page), then checkpoints
    the log into the file and truncates it to nothing. ``VACUUM`` cannot run inside a
    transaction, and the engine's ``begin`` handler starts one for every SQLAlchemy
    connection, so this runs on the raw driver connection, which autocommits.

    The rebuild holds a copy of the database in memory (``temp_store=MEMORY`` keeps
    decrypted temporary data off the disk): about 330 MB and 4–5 s for the 40,000-victim
    reference database, so the GUI must call this from a worker.

    Returns:
        True if the log was truncated; False if another connection was still reading an
        old snapshot after the busy timeout. The old pages then stay in the log until a
        later ``TRUNCATE`` checkpoint, or until the last connection closes (SQLite then
        checkpoints and deletes the log).
    """
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            cursor.execute("VACUUM")
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            cursor.close()
    finally:
        raw.close()
    return busy == 0


def rekey(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt every page of the closed database at ``path`` under ``new_key``
    (SQLCipher's ``PRAGMA rekey``, in one transaction of the rollback journal: a crash
    leaves the file under the old key or the new one, whole).

    Every other connection must be closed first: the write-ahead log is checkpointed
    into the file and removed, so no page under the old key stays beside it.

    Raises:
        DataError: another connection still holds the database, or the disk is full;
            the file is then still whole under the old key.
    """
    connection = _keyed_connection(path, old_key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise DataError(_("The database's key could not be changed because it is still "
                              "in use; close Suoja on the other workstations and try again."))
        connection.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        connection.execute("PRAGMA journal_mode = WAL")
    except sqlcipher.Error as error:
        raise _copy_error(error) from None
    finally:
        connection.close()


def key_opens(path: Path, key: bytes) -> bool:
    """Whether ``key`` decrypts the database at ``path`` (read-only: nothing is written,
    not even the journal mode, so a backup stays as it was)."""
    try:
        connection = sqlcipher.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                       check_same_thread=False, isolation_level=None)
    except sqlcipher.Error:
        return False
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.Error:
        return False
    finally:
        connection.close()
