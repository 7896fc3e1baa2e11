"""The encrypted database: connection settings, refusal of wrong keys and foreign files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from models.domain.errors import AuthenticationError, DataError
from models.storage.database import CONNECTION_PRAGMAS, keyfile_path, read_pragmas
from models.storage.keyfile import KeyFile
from models.storage.store import create_database, open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir()) if p.is_file()
    }


def test_every_connection_gets_the_settings(database: Database) -> None:
    # Several connections from the pool, each must have been set up.
    connections = [database.engine.connect() for _ in range(3)]
    try:
        for connection in connections:
            for name, expected in CONNECTION_PRAGMAS.items():
                assert connection.exec_driver_sql(f"PRAGMA {name}").scalar() == expected, name
            assert connection.exec_driver_sql("PRAGMA cipher_log_level").scalar() == "NONE"
    finally:
        for connection in connections:
            connection.close()
    assert read_pragmas(database.engine) == CONNECTION_PRAGMAS


def test_plain_sqlite_refuses_the_file(database: Database, db_path: Path) -> None:
    database.dispose()
    with sqlite3.connect(db_path) as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert not db_path.read_bytes().startswith(b"SQLite format 3")


def test_wrong_password_changes_nothing(database: Database, db_path: Path) -> None:
    database.dispose()
    before = _fingerprint(db_path.parent)
    with pytest.raises(AuthenticationError, match="^Wrong username or password.$"):
        open_database(db_path, "super", "not the right password")
    with pytest.raises(AuthenticationError):
        open_database(db_path, "nobody", PASSWORD)
    after = _fingerprint(db_path.parent)
    # The database and key file are untouched; only the sign-in counter beside them grew
    # (made at init, with its lock), and it holds neither the password nor the unknown
    # name that was typed.
    counter = db_path.with_name("suoja.db.signin")
    lock = db_path.with_name("suoja.db.signin.lock")  # empty: only ever locked
    assert after.pop(counter.name) != before.pop(counter.name)
    assert after.pop(lock.name) == before.pop(lock.name)
    assert after == before
    assert lock.stat().st_size == 0
    raw = counter.read_bytes()
    assert b"not the right password" not in raw and b"nobody" not in raw


def test_missing_key_file(database: Database, db_path: Path) -> None:
    database.dispose()
    keyfile_path(db_path).rename(db_path.with_name("elsewhere"))
    with pytest.raises(DataError, match="key file suoja.db.keys .* missing"):
        open_database(db_path, "super", PASSWORD)


def test_key_file_of_another_database(database: Database, db_path: Path, tmp_path: Path) -> None:
    database.dispose()
    other = create_database(tmp_path / "other.db", username="super", password=PASSWORD,
                            kdf=FAST_KDF)
    other.database.dispose()
    shutil.copy(keyfile_path(tmp_path / "other.db"), keyfile_path(db_path))
    before = _fingerprint(tmp_path)
    with pytest.raises(DataError, match="do not belong together"):
        open_database(db_path, "super", PASSWORD)
    assert _fingerprint(tmp_path) == before


def test_plain_sqlite_file_is_not_a_suoja_database(tmp_path: Path, db_path: Path,
                                                    database: Database) -> None:
    database.dispose()
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as plain:
        plain.execute("CREATE TABLE t (x)")
    shutil.copy(keyfile_path(db_path), keyfile_path(foreign))
    before = _fingerprint(tmp_path)
    with pytest.raises(DataError, match="cannot be decrypted"):
        open_database(foreign, "super", PASSWORD)
    assert _fingerprint(tmp_path) == before


def test_missing_database(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no Suoja database"):
        open_database(tmp_path / "none.db", "super", PASSWORD)
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_to_overwrite(database: Database, db_path: Path) -> None:
    with pytest.raises(DataError, match="already exists"):
        create_database(db_path, username="x", password=PASSWORD, kdf=FAST_KDF)


def test_failed_init_leaves_nothing_behind(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_save(self: KeyFile, path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(KeyFile, "save", broken_save)
    target = tmp_path / "new.db"
    with pytest.raises(OSError):
        create_database(target, username="super", password=PASSWORD, kdf=FAST_KDF)
    assert not any(p.name.startswith("new.db") for p in tmp_path.iterdir())


def test_signin_opens_and_audits(opened: tuple[Database, Actor, str], db_path: Path) -> None:
    opened[0].dispose()
    database, actor = open_database(db_path, "super", PASSWORD)
    try:
        assert actor.role == "supervisor"
        from sqlalchemy import select

        from models.domain.entities import AuditEvent

        with database.reading() as db_session:
            actions = list(db_session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
        assert actions == ["init", "login"]
    finally:
        database.dispose()


def test_recovery_code_unlocks(opened: tuple[Database, Actor, str], db_path: Path) -> None:
    from models.storage.store import unlock_with_recovery_code

    database, _actor, code = opened
    assert unlock_with_recovery_code(db_path, code.lower()) is not None
    with pytest.raises(AuthenticationError):
        unlock_with_recovery_code(db_path, "AAAAA-" * 7 + "AAAAA")
