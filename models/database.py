"""Opening the encrypted SQLite database: SQLCipher 4 with a raw 256-bit key.

This is the one place that knows Suoja runs on SQLCipher. Every new connection is keyed,
checked to be a Suoja database and given the same settings (foreign keys, WAL,
synchronous=FULL, secure_delete, in-memory temp storage, SQLCipher's own logging silenced),
before SQLAlchemy sees it. Nothing here creates a file unless ``create=True``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from models.errors import DataError

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
}

BUSY_TIMEOUT_MS = 5000


def keyfile_path(db_path: Path) -> Path:
    """Where the key file of ``db_path`` lives: beside it, ``<name>.keys``."""
    return db_path.with_name(db_path.name + ".keys")


def _connect(path: str, data_key: bytes, *, create: bool) -> sqlcipher.Connection:
    connection = sqlcipher.connect(path, check_same_thread=False, isolation_level=None)
    try:
        # Before the key, so a failed decryption is not logged to stderr by SQLCipher.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            raise DataError(
                "The database cannot be decrypted with its key file: the file is damaged, "
                "or the database and key file do not belong together."
            ) from None
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if create and app_id == 0:
            connection.execute(f"PRAGMA application_id = {SUOJA_APPLICATION_ID}")
        elif app_id != SUOJA_APPLICATION_ID:
            raise DataError("This file is not a Suoja database.")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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
        raise DataError(f"There is no Suoja database at {db_path}.")
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
        immediate = connection.get_execution_options().get("suoja_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


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


def backup_to(engine: Engine, target: Path, data_key: bytes) -> None:
    """Write an encrypted copy of the database to ``target`` (same key).

    Uses ``sqlcipher_export`` into an attached, keyed database, which copies every table
    while the source stays open; the copy is as encrypted as the original.
    """
    if target.exists():
        raise DataError(f"A backup named {target.name} already exists.")
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{data_key.hex()}'\"", (str(target),))
        try:
            raw.execute(f"PRAGMA backup.application_id = {SUOJA_APPLICATION_ID}")
            raw.execute("SELECT sqlcipher_export('backup')")
        finally:
            raw.execute("DETACH DATABASE backup")
