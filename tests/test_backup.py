"""Backups and restores: hot, encrypted, checked, atomic; restore only into a new path."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, func, select, text

import models.storage.maintenance as maintenance
from main import main
from models.demo.seed import DEMO_PASSWORD, seed_demo
from models.domain.entities import AuditEvent, Breach, User
from models.domain.enums import AuditAction, Role
from models.domain.errors import DataError, PermissionDenied
from models.security.audit import verify_chain
from models.storage.database import SUOJA_APPLICATION_ID, keyfile_path
from models.storage.keyfile import SLOT_USER, KeyFile
from models.storage.maintenance import backup_database, restore_backup, rotate_automatic_backups
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD

PAGE = 4096
CONTENT_TABLES = ("victim", "case_file", "extortion_contact", "police_report",
                  "support_session", "follow_up", "protective_action", "attachment",
                  "identity_code_record", "breach", "victim_breach")


@pytest.fixture
def seeded(database: Database, supervisor: Actor) -> Database:
    seed_demo(database, supervisor, victims=30, seed=1, kdf=FAST_KDF)
    return database


@pytest.fixture
def cli_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)


def _checksums(database: Database) -> dict[str, tuple[int, str]]:
    """(rows, sha256 over the rows in key order) per content table.

    (Accounts are left out: signing in to make the backup updates ``last_login_at``.)
    """
    result: dict[str, tuple[int, str]] = {}
    with database.engine.connect() as connection:
        for name in CONTENT_TABLES:
            rows = connection.execute(text(f"SELECT * FROM {name} ORDER BY 1, 2")).all()
            digest = hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()
            result[name] = (len(rows), digest)
    return result


def _one_stderr_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err.strip()


def _leftovers(folder: Path, name: str) -> list[str]:
    """Files named like ``name``, its key file, journals or hidden partial copies."""
    return sorted(p.name for p in folder.iterdir() if p.name.lstrip(".").startswith(name))


def _flip_byte(path: Path, page_number: int) -> None:
    offset = (page_number - 1) * PAGE + 1000
    with path.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x01]))


def _actor(database: Database, username: str) -> Actor:
    with database.reading() as db_session:
        user = db_session.scalars(select(User).where(User.username == username)).one()
        return Actor(user.id, user.username, user.display_name, Role(user.role))


# -- the round trip ------------------------------------------------------------------


@pytest.mark.usefixtures("cli_password")
def test_backup_restore_verify_round_trip(seeded: Database, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    before = _checksums(seeded)
    out = tmp_path / "copies" / "suoja-backup.db"
    out.parent.mkdir()
    assert main(["backup", "--db", str(seeded.path), "--user", "super", "--out", str(out)]) == 0
    assert "every page authenticates" in capsys.readouterr().out

    # The copy: owner-only, a Suoja database, one file, with its key file beside it.
    for path in (out, keyfile_path(out)):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name, out.name + ".keys"]
    raw = sqlcipher.connect(str(out))
    key = KeyFile.load(keyfile_path(out)).unwrap(SLOT_USER, "super", PASSWORD).storage
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    assert raw.execute("PRAGMA application_id").fetchone()[0] == SUOJA_APPLICATION_ID
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    raw.close()

    restored = tmp_path / "restored" / "suoja.db"
    restored.parent.mkdir()
    assert main(["restore", "--from", str(out), "--db", str(restored), "--user", "super"]) == 0
    assert "audit chain" in capsys.readouterr().out
    assert main(["verify", "--db", str(restored), "--user", "super"]) == 0
    assert "every link verifies" in capsys.readouterr().out

    database, _actor_ = open_database(restored, "super", PASSWORD)
    try:
        assert _checksums(database) == before
        with database.reading() as db_session:
            actions = db_session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
            assert verify_chain(db_session, database.chain_key).ok
        assert AuditAction.RESTORE.value in actions
        # The backup event went into the source after the snapshot, so not into the copy.
        assert AuditAction.BACKUP.value not in actions
    finally:
        database.dispose()
    with seeded.reading() as db_session:
        event = db_session.scalars(
            select(AuditEvent).where(AuditEvent.action == AuditAction.BACKUP.value)
        ).one()
        assert event.detail == "checks ok" and event.entity == "database"


def test_backup_report_matches_the_database(seeded: Database, supervisor: Actor,
                                            tmp_path: Path) -> None:
    report = backup_database(seeded, supervisor, tmp_path / "b.db")
    assert report.path == tmp_path / "b.db"
    assert report.size_bytes == report.path.stat().st_size > 0
    assert report.table_counts["victim"] == 30 and report.table_counts["case_file"] == 30
    assert {name: rows for name, (rows, _) in _checksums(seeded).items()} == {
        name: report.table_counts[name] for name in CONTENT_TABLES
    }
    assert report.seconds > 0


def test_backup_of_a_database_in_use_is_one_consistent_snapshot(
    seeded: Database, supervisor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another window holds a read transaction, and a write lands mid-backup."""
    real_count = maintenance._count_rows
    wrote: list[str] = []

    def count_then_write(connection: Connection) -> dict[str, int]:
        counts = real_count(connection)
        if not wrote:  # only during the backup's snapshot, not the copy's check
            with seeded.writing() as db_session:  # another pooled connection
                db_session.add(Breach(name="Written during the backup"))
            wrote.append("breach")
        return counts

    monkeypatch.setattr(maintenance, "_count_rows", count_then_write)
    with seeded.reading() as reader:
        breaches_seen = reader.scalar(select(func.count()).select_from(Breach))
        report = backup_database(seeded, supervisor, tmp_path / "hot.db")
        # The long reader is undisturbed.
        assert reader.scalar(select(func.count()).select_from(Breach)) == breaches_seen
    assert wrote
    assert report.table_counts["breach"] == breaches_seen
    with seeded.reading() as db_session:
        assert db_session.scalar(select(func.count()).select_from(Breach)) == breaches_seen + 1
    # And the copy restores and verifies.
    restored = restore_backup(report.path, tmp_path / "r.db", "super", PASSWORD)
    assert restored.table_counts["breach"] == breaches_seen
    assert {k: v for k, v in restored.table_counts.items() if k != "audit_event"} == {
        k: v for k, v in report.table_counts.items() if k != "audit_event"
    }


def test_backup_while_another_thread_keeps_writing(
    seeded: Database, supervisor: Actor, tmp_path: Path
) -> None:
    import threading

    stop = threading.Event()
    written: list[int] = []

    def keep_writing() -> None:
        while not stop.is_set():
            with seeded.writing() as db_session:
                db_session.add(Breach(name=f"Concurrent {len(written)}"))
            written.append(1)

    worker = threading.Thread(target=keep_writing)
    worker.start()
    try:
        reports = [backup_database(seeded, supervisor, tmp_path / f"b{i}.db") for i in range(3)]
    finally:
        stop.set()
        worker.join()
    assert written
    for report in reports:
        assert restore_backup(report.path, tmp_path / f"r-{report.path.name}", "super",
                              PASSWORD).table_counts["breach"] == report.table_counts["breach"]


# -- refusals --------------------------------------------------------------------------


@pytest.mark.usefixtures("cli_password")
def test_backup_refuses_to_overwrite(seeded: Database, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "exists.db"
    out.write_bytes(b"precious")
    assert main(["backup", "--db", str(seeded.path), "--user", "super", "--out", str(out)]) == 4
    assert "already exists" in _one_stderr_line(capsys)
    assert out.read_bytes() == b"precious"
    assert not keyfile_path(out).exists()


def test_a_counsellor_may_not_make_a_backup(seeded: Database, tmp_path: Path) -> None:
    counsellor = _actor(seeded, "counsellor01")
    with pytest.raises(PermissionDenied, match="making backups"):
        backup_database(seeded, counsellor, tmp_path / "b.db")
    assert list(tmp_path.glob("b.db*")) == []


@pytest.mark.usefixtures("cli_password")
def test_restore_refuses_an_existing_target(seeded: Database, supervisor: Actor,
                                            tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    backup = backup_database(seeded, supervisor, tmp_path / "b.db").path
    live_bytes = seeded.path.read_bytes()
    assert main(["restore", "--from", str(backup), "--db", str(seeded.path),
                 "--user", "super"]) == 4
    assert "restore only into a new path" in _one_stderr_line(capsys)
    assert seeded.path.read_bytes() == live_bytes
    # A key file, or a stale write-ahead log, without a database counts too.
    for leftover in ("new.db.keys", "new.db-wal"):
        (tmp_path / leftover).write_bytes(b"x")
        with pytest.raises(DataError, match="restore only into a new path"):
            restore_backup(backup, tmp_path / "new.db", "super", PASSWORD)
        (tmp_path / leftover).unlink()
    assert not (tmp_path / "new.db").exists()


@pytest.mark.usefixtures("cli_password")
def test_a_corrupted_backup_is_refused_and_nothing_is_created(
    seeded: Database, supervisor: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = backup_database(seeded, supervisor, tmp_path / "b.db").path
    pages = backup.stat().st_size // PAGE
    assert pages > 40
    _flip_byte(backup, pages // 2)
    target_folder = tmp_path / "target"
    target_folder.mkdir()
    assert main(["restore", "--from", str(backup), "--db", str(target_folder / "r.db"),
                 "--user", "super"]) == 4
    line = _one_stderr_line(capsys)
    assert f"page {pages // 2} failed its encryption check" in line
    assert list(target_folder.iterdir()) == []


@pytest.mark.usefixtures("cli_password")
def test_a_damaged_first_page_is_refused(seeded: Database, supervisor: Actor,
                                         tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    backup = backup_database(seeded, supervisor, tmp_path / "b.db").path
    _flip_byte(backup, 1)
    assert main(["restore", "--from", str(backup), "--db", str(tmp_path / "r.db"),
                 "--user", "super"]) == 4
    assert "cannot be decrypted" in _one_stderr_line(capsys)
    assert _leftovers(tmp_path, "r.db") == []


def test_a_broken_audit_chain_in_the_backup_is_refused(seeded: Database, supervisor: Actor,
                                                       tmp_path: Path) -> None:
    with seeded.writing() as db_session:
        db_session.execute(text("UPDATE audit_event SET detail = 'edited' WHERE seq = 1"))
    backup = backup_database(seeded, supervisor, tmp_path / "b.db").path
    with pytest.raises(DataError, match="audit trail is broken: Audit event 1 was changed"):
        restore_backup(backup, tmp_path / "r.db", "super", PASSWORD)
    assert _leftovers(tmp_path, "r.db") == []


@pytest.mark.usefixtures("cli_password")
def test_restore_wrong_password_or_role_creates_nothing(
    seeded: Database, supervisor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = backup_database(seeded, supervisor, tmp_path / "b.db").path
    target = tmp_path / "r.db"
    monkeypatch.setenv("SUOJA_PASSWORD", "not the password at all")
    assert main(["restore", "--from", str(backup), "--db", str(target), "--user", "super"]) == 3
    assert _one_stderr_line(capsys) == "suoja: Wrong username or password."
    monkeypatch.setenv("SUOJA_PASSWORD", DEMO_PASSWORD)
    assert main(["restore", "--from", str(backup), "--db", str(target),
                 "--user", "counsellor01"]) == 3
    assert "restoring backups" in _one_stderr_line(capsys)
    assert _leftovers(tmp_path, "r.db") == []


def test_restore_refuses_a_live_database_with_its_log(seeded: Database, tmp_path: Path) -> None:
    with seeded.writing() as db_session:
        db_session.add(Breach(name="Still in the log"))
    wal = seeded.path.with_name(seeded.path.name + "-wal")
    assert wal.stat().st_size > 0
    with pytest.raises(DataError, match="in use, not a backup"):
        restore_backup(seeded.path, tmp_path / "r.db", "super", PASSWORD)
    assert not (tmp_path / "r.db").exists()


def test_restore_of_a_missing_key_file_exits_4(seeded: Database, supervisor: Actor,
                                               tmp_path: Path) -> None:
    backup = backup_database(seeded, supervisor, tmp_path / "b.db").path
    keyfile_path(backup).unlink()
    with pytest.raises(DataError, match="key file") as refused:
        restore_backup(backup, tmp_path / "r.db", "super", PASSWORD)
    assert refused.value.exit_code == 4


# -- interruptions -------------------------------------------------------------------


def _interrupting(real: Callable[..., Any], error: BaseException) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        real(*args, **kwargs)  # the partial file is fully written at this point
        raise error

    return run


@pytest.mark.parametrize("step", ["online_backup", "seal_copy"])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_backup_leaves_no_file_with_the_final_name(
    seeded: Database, supervisor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    step: str, error: BaseException,
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    monkeypatch.setattr(maintenance, step, _interrupting(getattr(maintenance, step), error))
    with pytest.raises(type(error)):
        backup_database(seeded, supervisor, folder / "b.db")
    assert list(folder.iterdir()) == []
    with seeded.reading() as db_session:  # and nothing was recorded as backed up
        assert db_session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == AuditAction.BACKUP.value)) == 0


@pytest.mark.usefixtures("cli_password")
def test_an_interrupted_cli_backup_exits_1_with_one_line(
    seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(maintenance, "online_backup",
                        _interrupting(maintenance.online_backup, KeyboardInterrupt()))
    out = tmp_path / "b.db"
    assert main(["backup", "--db", str(seeded.path), "--user", "super", "--out", str(out)]) == 1
    assert "Interrupted" in _one_stderr_line(capsys)
    assert _leftovers(tmp_path, "b.db") == []


def test_an_interrupted_restore_leaves_nothing(seeded: Database, supervisor: Actor,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    backup = backup_database(seeded, supervisor, tmp_path / "b.db").path
    target = tmp_path / "restored"
    target.mkdir()
    monkeypatch.setattr(maintenance, "seal_copy",
                        _interrupting(maintenance.seal_copy, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        restore_backup(backup, target / "r.db", "super", PASSWORD)
    assert list(target.iterdir()) == []


# -- automatic backups -----------------------------------------------------------------


def test_automatic_backups_rotate(seeded: Database, tmp_path: Path) -> None:
    # Any signed-in user's session may do it (its own: each event is signed by the
    # account whose session writes it).
    own, counsellor = open_database(seeded.path, "counsellor01", DEMO_PASSWORD)
    folder = seeded.path.parent / "backups"
    start = dt.datetime(2026, 3, 1, 18, 0, tzinfo=dt.UTC)
    # Younger than the 30 days such copies are kept (older ones: test_erasure_ledger.py).
    other = folder / f"{seeded.path.stem}-before-upgrade-20260225T000000Z.db"
    folder.mkdir()
    other.write_bytes(b"not ours to rotate")
    made = [
        rotate_automatic_backups(own, counsellor, keep=3, now=start + dt.timedelta(days=i))
        for i in range(5)
    ]
    assert all(path is not None for path in made)
    assert made[0] == folder / "suoja-auto-20260301T180000Z.db"
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted(
        [other.name] + [n for p in made[2:] if p for n in (p.name, p.name + ".keys")]
    )
    # Daily use: skipped while the newest is younger than the interval.
    day = dt.timedelta(hours=24)
    assert rotate_automatic_backups(own, counsellor, keep=3, min_interval=day,
                                    now=start + dt.timedelta(days=4, hours=23)) is None
    assert rotate_automatic_backups(own, counsellor, keep=3, min_interval=day,
                                    now=start + dt.timedelta(days=5, hours=1)) is not None
    own.dispose()
    newest = made[-1]
    assert newest is not None
    assert restore_backup(newest, tmp_path / "r.db", "super", PASSWORD).table_counts[
        "victim"] == 30
    with seeded.reading() as db_session:
        details = db_session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == AuditAction.BACKUP.value)).all()
    assert details == ["automatic; checks ok"] * 6


def test_automatic_backup_keeps_at_least_one(database: Database, supervisor: Actor) -> None:
    with pytest.raises(ValueError, match="at least one"):
        rotate_automatic_backups(database, supervisor, keep=0)


def test_backup_files_never_hold_plain_text(seeded: Database, supervisor: Actor,
                                            tmp_path: Path) -> None:
    report = backup_database(seeded, supervisor, tmp_path / "b.db")
    data = report.path.read_bytes()
    assert b"SQLite format 3" not in data
    with seeded.reading() as db_session:
        names = db_session.execute(text("SELECT last_name, email FROM victim")).all()
    for last_name, email in names:
        assert last_name.encode() not in data
        if email:
            assert email.encode() not in data
    assert os.path.getsize(report.path) % PAGE == 0


@pytest.mark.usefixtures("cli_password")
def test_a_full_disk_is_one_plain_line(seeded: Database, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import models.storage.database

    def full_disk(path: Path, data_key: bytes) -> Any:
        raise sqlcipher.OperationalError("database or disk is full")

    monkeypatch.setattr(models.storage.database, "_keyed_connection", full_disk)
    out = tmp_path / "b.db"
    assert main(["backup", "--db", str(seeded.path), "--user", "super", "--out", str(out)]) == 4
    assert _one_stderr_line(capsys) == "suoja: The disk is full; the copy was not written."
    assert _leftovers(tmp_path, "b.db") == []


def test_a_system_copy_is_checked_but_not_audited(seeded: Database, tmp_path: Path) -> None:
    """What a pre-upgrade backup can use: nobody has signed in yet to audit it for."""
    with seeded.reading() as db_session:
        events = db_session.scalar(select(func.count()).select_from(AuditEvent))
    report = maintenance.write_checked_copy(seeded, tmp_path / "pre-upgrade.db")
    assert report.table_counts["victim"] == 30
    assert restore_backup(report.path, tmp_path / "r.db", "super", PASSWORD).audit_events == (
        events)
    with seeded.reading() as db_session:
        assert db_session.scalar(select(func.count()).select_from(AuditEvent)) == events
