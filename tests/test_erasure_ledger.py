"""Erased stays erased, backups included (issue 17, item 3): the erasure ledger in the
key file, restores that apply the erasures a backup predates, and old backups pruned."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import models.services.retention as retention_module
from main import main
from models import services
from models.demo.seed import DEMO_PASSWORD, seed_demo
from models.domain.base import local_today
from models.domain.entities import AuditEvent, Case, ExtortionContact, Meta, SupportSession, Victim
from models.domain.enums import AuditAction, CaseStatus, ErasureReason
from models.domain.errors import AuthenticationError, DataError, PermissionDenied
from models.services.retention import ERASED_NAME
from models.storage.database import keyfile_path
from models.storage.erasure import (
    UPGRADE_COPY_META_KEY,
    created_stamp,
    database_lines,
    signed_line,
    workstation_ledger,
    workstation_ledger_path,
)
from models.storage.keyfile import ErasureEntry, KeyFile
from models.storage.maintenance import (
    backup_database,
    erase_in_copies,
    prune_backups,
    restore_backup,
    restored_path,
    rotate_automatic_backups,
)
from models.storage.server import ServerUrl
from models.storage.store import open_database, open_keyed
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD


@pytest.fixture
def seeded(database: Database, supervisor: Actor, monkeypatch: pytest.MonkeyPatch) -> Database:
    seed_demo(database, supervisor, victims=12, seed=3, kdf=FAST_KDF)
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    return database


def _closed(database: Database) -> list[tuple[int, str]]:
    with database.reading() as db_session:
        return [(row.id, row.reference) for row in db_session.execute(
            select(Case.id, Case.reference).where(Case.status == CaseStatus.CLOSED.value)
            .order_by(Case.id))]


def _victim(database: Database, case_id: int) -> tuple[str, str | None]:
    with database.reading() as db_session:
        victim = db_session.scalars(select(Victim).join(Case, Case.victim_id == Victim.id)
                                    .where(Case.id == case_id)).one()
        return victim.last_name, victim.identity_code


def _erase(database: Database, actor: Actor, case_id: int, reference: str) -> None:
    services.build(database, actor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST)


def _backup(database: Database, actor: Actor, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    return backup_database(database, actor, folder / "before.db").path


@pytest.mark.both_databases
def test_an_erasure_is_written_to_the_key_files_ledger(seeded: Database,
                                                       supervisor: Actor) -> None:
    (case_id, reference), (other_id, _other) = _closed(seeded)[:2]
    _erase(seeded, supervisor, case_id, reference)
    [entry] = seeded.load_keyfile().erasures
    assert entry.case_id == case_id and entry.erased_on == local_today()
    # Ids, times and a signature only: nothing personal in the ledger.
    document = json.loads(seeded.load_keyfile().to_document())
    assert set(document["erasures"][0]) == {"case", "created", "on", "by", "sig"}
    assert entry.signer == f"user:{supervisor.user_id}"
    # Kept in the database too, and on this workstation.
    with seeded.reading() as db_session:
        assert database_lines(db_session) == [entry]
    assert workstation_ledger(seeded.load_keyfile().database_id) == [entry]
    assert other_id not in {e.case_id for e in seeded.load_keyfile().erasures}


def test_a_failed_erasure_leaves_no_ledger_line(seeded: Database, supervisor: Actor,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    case_id, reference = _closed(seeded)[0]

    def fail(*_args: object, **_kwargs: object) -> None:
        raise DataError("The disk is full.")

    monkeypatch.setattr(retention_module.RetentionService, "_audit", fail)
    with pytest.raises(DataError):
        _erase(seeded, supervisor, case_id, reference)
    assert seeded.load_keyfile().erasures == []
    assert _victim(seeded, case_id)[0] != ERASED_NAME


def test_restoring_a_backup_from_before_an_erasure_erases_it_again(
        seeded: Database, supervisor: Actor, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    (case_id, reference), (kept_id, _kept) = _closed(seeded)[:2]
    name_before = _victim(seeded, case_id)
    backup = _backup(seeded, supervisor, tmp_path / "copies")
    _erase(seeded, supervisor, case_id, reference)

    # Restored elsewhere: the live database's key file is named on the command line.
    restored = tmp_path / "elsewhere" / "suoja.db"
    restored.parent.mkdir()
    assert main(["restore", "--from", str(backup), "--db", str(restored), "--user", "super",
                 "--erasures-from", str(seeded.path)]) == 0
    out = capsys.readouterr().out
    assert "1 erasure made since the backup was applied again" in out
    assert main(["verify", "--db", str(restored), "--user", "super"]) == 0
    assert "every link verifies" in capsys.readouterr().out

    database, _actor = open_database(restored, "super", PASSWORD)
    try:
        assert _victim(database, case_id) == (ERASED_NAME, None)
        assert _victim(database, case_id) != name_before
        assert _victim(database, kept_id)[0] != ERASED_NAME
        with database.reading() as db_session:
            notes = db_session.scalars(select(SupportSession).where(
                SupportSession.case_id == case_id)).all()
            messages = db_session.scalars(select(ExtortionContact).where(
                ExtortionContact.case_id == case_id)).all()
            assert all(row.notes == "" for row in notes)
            assert all(row.message_text == "" for row in messages)
            erase = db_session.scalars(select(AuditEvent).where(
                AuditEvent.action == AuditAction.ERASE.value)).one()
            assert erase.case_id == case_id and erase.detail.startswith("reason=ledger")
            restore = db_session.scalars(select(AuditEvent.detail).where(
                AuditEvent.action == AuditAction.RESTORE.value)).one()
            assert "erasures_applied=1" in restore
        # The restored copy's own key file carries the ledger on.
        assert [e.case_id for e in database.load_keyfile().erasures] == [case_id]
    finally:
        database.dispose()


def test_a_restore_beside_the_database_finds_its_ledger(seeded: Database, supervisor: Actor,
                                                        tmp_path: Path) -> None:
    # What the sign-in window's "restore the latest automatic backup" does.
    case_id, reference = _closed(seeded)[0]
    backup = rotate_automatic_backups(seeded, supervisor)
    assert backup is not None
    # As for a backup the erasure could not change (test_a_backup_from_before_a_key_...).
    services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST, finish=False)
    target = restored_path(seeded.path)
    report = restore_backup(backup, target, "super", PASSWORD)
    assert report.erasures_applied == 1
    database, _actor = open_database(target, "super", PASSWORD)
    try:
        assert _victim(database, case_id)[0] == ERASED_NAME
    finally:
        database.dispose()
    # A second restore of the same backup needs nothing new, and the count says so.
    again = restore_backup(backup, restored_path(seeded.path), "super", PASSWORD)
    assert again.erasures_applied == 1  # the backup itself still predates it


def test_an_administrator_cannot_restore_past_an_erasure(
        seeded: Database, supervisor: Actor, tmp_path: Path) -> None:
    case_id, reference = _closed(seeded)[0]
    backup = _backup(seeded, supervisor, tmp_path / "copies")
    _erase(seeded, supervisor, case_id, reference)
    target = tmp_path / "suoja-restored.db"
    # Applying it again re-seals sealed values: only a content-key holder can.
    with pytest.raises(PermissionDenied, match="older than 1 erasure"):
        restore_backup(backup, target, "admin01", DEMO_PASSWORD, erasures_from=[seeded.path])
    assert not target.exists() and not keyfile_path(target).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".suoja-restored")] == []


def test_a_planted_ledger_line_is_ignored(seeded: Database, supervisor: Actor,
                                          tmp_path: Path) -> None:
    (case_id, reference), (victim_of_plant, _ref) = _closed(seeded)[:2]
    backup = _backup(seeded, supervisor, tmp_path / "copies")
    _erase(seeded, supervisor, case_id, reference)
    # Someone with the files but no key adds a line to erase another case in restores.
    path = keyfile_path(seeded.path)
    document = json.loads(path.read_text())
    real = document["erasures"][0]
    with seeded.reading() as db_session:
        created = created_stamp(db_session.get(Case, victim_of_plant).created_at)
    document["erasures"].append({"case": victim_of_plant, "created": created,
                                 "on": "2026-01-01", "by": real["by"], "sig": "A" * 86})
    path.write_text(json.dumps(document))
    report = restore_backup(backup, tmp_path / "r.db", "super", PASSWORD,
                            erasures_from=[seeded.path])
    assert (report.erasures_applied, report.ledger_entries_refused) == (1, 1)
    database, _actor = open_database(tmp_path / "r.db", "super", PASSWORD)
    try:
        assert _victim(database, victim_of_plant)[0] != ERASED_NAME
        assert _victim(database, case_id)[0] == ERASED_NAME
    finally:
        database.dispose()


def test_a_ledger_of_another_database_is_refused_in_one_sentence(
        seeded: Database, supervisor: Actor, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    backup = _backup(seeded, supervisor, tmp_path / "copies")
    stranger = tmp_path / "stranger.db.keys"
    keys = KeyFile.load(keyfile_path(seeded.path))
    keys.database_id = "someone-else"
    stranger.write_text(keys.to_document())
    target = tmp_path / "r.db"
    assert main(["restore", "--from", str(backup), "--db", str(target), "--user", "super",
                 "--erasures-from", str(stranger)]) == 4
    err = capsys.readouterr().err
    assert "belongs to another database" in err and len(err.splitlines()) == 1
    assert not target.exists()


def _touch_backup(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    keyfile_path(path).write_bytes(b"{}")
    return path


def test_old_backups_are_pruned(seeded: Database, supervisor: Actor) -> None:
    folder = seeded.path.parent / "backups"
    folder.mkdir()
    now = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    services.build(seeded, supervisor).retention.set_retention_days(400)
    with seeded.writing() as db_session:
        db_session.merge(Meta(key=UPGRADE_COPY_META_KEY, value="20"))
    old_auto = _touch_backup(folder, "suoja-auto-20250901T000000Z.db")  # 456 days
    young_auto = _touch_backup(folder, "suoja-auto-20251201T000000Z.db")  # 365 days
    old_upgrade = _touch_backup(folder, "suoja-before-upgrade-20261101T000000Z.db")  # 30 days
    young_upgrade = _touch_backup(folder, "suoja-before-upgrade-20261120T000000Z.db")  # 11
    other = _touch_backup(folder, "another-auto-20200101T000000Z.db")  # not this database's
    mine = _touch_backup(folder, "notes.txt")

    assert sorted(prune_backups(seeded, now=now)) == sorted([old_auto, old_upgrade])
    for path in (old_auto, old_upgrade):
        assert not path.exists() and not keyfile_path(path).exists()
    for path in (young_auto, young_upgrade, other, mine):
        assert path.exists() and keyfile_path(path).exists()


def test_the_newest_automatic_backup_stays_whatever_its_age(seeded: Database) -> None:
    folder = seeded.path.parent / "backups"
    folder.mkdir()
    only = _touch_backup(folder, "suoja-auto-20000101T000000Z.db")
    assert prune_backups(seeded) == []
    assert only.exists()


def test_a_daily_backup_prunes(seeded: Database, supervisor: Actor) -> None:
    folder = seeded.path.parent / "backups"
    folder.mkdir()
    stale = _touch_backup(folder, "suoja-before-upgrade-20200101T000000Z.db")
    assert rotate_automatic_backups(seeded, supervisor) is not None
    assert not stale.exists()


def _copy_by_hand(backup: Path, live: Path, target: Path) -> None:
    """An old database file put in place outside Suoja, beside today's key file."""
    shutil.copyfile(backup, target)
    shutil.copyfile(keyfile_path(live), keyfile_path(target))


def test_a_copy_put_in_place_by_hand_is_caught_up_before_anyone_reads_it(
        seeded: Database, supervisor: Actor, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    case_id, reference = _closed(seeded)[0]
    backup = _backup(seeded, supervisor, tmp_path / "copies")
    _erase(seeded, supervisor, case_id, reference)
    copy = tmp_path / "by-hand" / "suoja.db"
    copy.parent.mkdir()
    _copy_by_hand(backup, seeded.path, copy)

    # verify names it; police liaison (no care key) cannot sign in to read it.
    assert main(["verify", "--db", str(copy), "--user", "super"]) == 4
    assert "not erased in this database" in capsys.readouterr().err
    with pytest.raises(AuthenticationError, match="or a supervisor must sign in first"):
        open_database(copy, "liaison01", DEMO_PASSWORD)
    # A counsellor's or supervisor's sign-in applies it, audited; then everyone may, and
    # verify is clean.
    database, _actor = open_database(copy, "counsellor01", DEMO_PASSWORD)
    try:
        assert _victim(database, case_id) == (ERASED_NAME, None)
        with database.reading() as db_session:
            detail = db_session.scalars(select(AuditEvent.detail).where(
                AuditEvent.action == AuditAction.ERASE.value)).one()
        assert detail.startswith("reason=ledger")
    finally:
        database.dispose()
    database, _actor = open_database(copy, "liaison01", DEMO_PASSWORD)
    database.dispose()
    assert main(["verify", "--db", str(copy), "--user", "super"]) == 0
    assert "Erasure ledger: 1 erasure" in capsys.readouterr().out


def test_sign_in_fills_in_a_ledger_that_lacks_an_erasure(seeded: Database,
                                                         supervisor: Actor) -> None:
    # Erasures made before the ledger existed, or a key file put back from a copy.
    case_id, reference = _closed(seeded)[0]
    _erase(seeded, supervisor, case_id, reference)
    keys = seeded.load_keyfile()
    keys.erasures = []
    seeded.save_keyfile(keys)
    database, _actor = open_database(seeded.path, "counsellor01", DEMO_PASSWORD)
    try:
        assert [entry.case_id for entry in database.load_keyfile().erasures] == [case_id]
    finally:
        database.dispose()


def test_this_workstation_remembers_erasures_a_restored_copy_and_its_keys_predate(
        seeded: Database, supervisor: Actor, tmp_path: Path) -> None:
    # As after a server is restored from a dump: the database and its key store are
    # both from before the erasure. The workstation that signed in since remembers it.
    case_id, reference = _closed(seeded)[0]
    backup = _backup(seeded, supervisor, tmp_path / "copies")
    _erase(seeded, supervisor, case_id, reference)
    database, _actor = open_database(seeded.path, "counsellor01", DEMO_PASSWORD)
    database.dispose()
    assert [e.case_id for e in workstation_ledger(
        seeded.load_keyfile().database_id)] == [case_id]
    old = tmp_path / "old" / "suoja.db"
    old.parent.mkdir()
    shutil.copyfile(backup, old)
    shutil.copyfile(keyfile_path(backup), keyfile_path(old))
    assert KeyFile.load(keyfile_path(old)).erasures == []
    database, _actor = open_database(old, "super", PASSWORD)
    try:
        assert _victim(database, case_id)[0] == ERASED_NAME
        assert [e.case_id for e in database.load_keyfile().erasures] == [case_id]
    finally:
        database.dispose()


def test_an_unreadable_workstation_ledger_is_not_used_and_not_overwritten(
        seeded: Database, supervisor: Actor) -> None:
    path = workstation_ledger_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[not ours")
    case_id, reference = _closed(seeded)[0]
    _erase(seeded, supervisor, case_id, reference)
    database, _actor = open_database(seeded.path, "counsellor01", DEMO_PASSWORD)
    database.dispose()
    assert path.read_text() == "[not ours"


@pytest.mark.both_databases
def test_an_approved_erasure_is_in_the_ledger(seeded: Database, supervisor: Actor,
                                               target: Target) -> None:
    case_id, reference = _closed(seeded)[0]
    retention = services.build(seeded, supervisor).retention
    retention.set_erasure_needs_approval(True)
    retention.erase_victim(case_id, reference, ErasureReason.REQUEST)
    assert seeded.load_keyfile().erasures == []  # asked, not erased
    other, actor = open_database(target, "supervisor02", DEMO_PASSWORD)
    try:
        services.build(other, actor).retention.approve_erasure(case_id)
        assert [entry.case_id for entry in other.load_keyfile().erasures] == [case_id]
    finally:
        other.dispose()


# -- the backups beside the database -------------------------------------------------


def _open_copy(path: Path, username: str, password: str) -> Database:
    """A backup opened as a script would: its own key file and a password valid in it."""
    keyring = KeyFile.load(keyfile_path(path)).unwrap("user", username, password)
    database = open_keyed(path, keyring)
    database.load_content_keys()
    return database


def test_an_erasure_reaches_the_automatic_backups(seeded: Database, supervisor: Actor,
                                                  tmp_path: Path) -> None:
    case_id, reference = _closed(seeded)[0]
    with seeded.reading() as db_session:
        victim = db_session.scalars(select(Victim).join(Case, Case.victim_id == Victim.id)
                                    .where(Case.id == case_id)).one()
        name, code = victim.last_name, victim.identity_code
    backup = rotate_automatic_backups(seeded, supervisor)
    assert backup is not None
    report = services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST)
    assert (report.backups_erased, report.backups_left) == (1, 0)

    copy = _open_copy(backup, "super", PASSWORD)
    try:
        assert _victim(copy, case_id) == (ERASED_NAME, None)
        with copy.reading() as db_session:
            assert all(row.notes == "" for row in db_session.scalars(
                select(SupportSession).where(SupportSession.case_id == case_id)))
            assert db_session.scalar(select(Victim.id).where(
                Victim.last_name == name)) is None or name == ERASED_NAME
    finally:
        copy.dispose()
    # Nothing of it left in the file's bytes (it is one file again, its free pages wiped).
    assert not (backup.with_name(backup.name + "-wal")).exists()
    raw = backup.read_bytes()
    assert code is None or code.encode() not in raw  # encrypted anyway: never in clear
    # The changed backup still restores and verifies; its key file knows the erasure.
    assert [e.case_id for e in KeyFile.load(keyfile_path(backup)).erasures] == [case_id]
    target = tmp_path / "r.db"
    restore_backup(backup, target, "super", PASSWORD)
    assert main(["verify", "--db", str(target), "--user", "super"]) == 0


def test_a_backup_from_before_a_key_rotation_is_left_and_reported(
        seeded: Database, supervisor: Actor) -> None:
    case_id, reference = _closed(seeded)[0]
    backup = rotate_automatic_backups(seeded, supervisor)
    assert backup is not None
    before = backup.read_bytes()
    # Locking an account rotates every key: the old storage key is forgotten here.
    accounts = services.build(seeded, supervisor).accounts
    liaison = next(a for a in accounts.list_users() if a.username == "liaison01")
    accounts.set_active(liaison.id, False)
    report = services.build(seeded, supervisor).retention.erase_victim(
        case_id, reference, ErasureReason.REQUEST)
    assert (report.backups_erased, report.backups_left) == (0, 1)
    assert backup.read_bytes() == before


@pytest.mark.both_databases
def test_how_long_upgrade_copies_are_kept_is_set_and_audited(
        seeded: Database, target: Target, capsys: pytest.CaptureFixture[str]) -> None:
    where = (["--db-url", target.url] if isinstance(target, ServerUrl)
             else ["--db", str(target)])
    assert main(["retention", *where, "--user", "super", "--dry-run",
                 "--upgrade-copy-days", "10"]) == 0
    assert "Copies taken before an upgrade are kept 10 days." in capsys.readouterr().out
    with seeded.reading() as db_session:
        assert db_session.scalar(select(AuditEvent.detail).where(
            AuditEvent.entity == "retention").order_by(AuditEvent.seq.desc()).limit(1)
        ) == "upgrade_copy_days 30 -> 10"
    assert main(["retention", *where, "--user", "super", "--dry-run",
                 "--upgrade-copy-days", "0"]) == 4
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "between 1 and 365 days" in err


# -- what a ledger line may not do (review of issue 17) ------------------------------


def _plant(database: Database, entry: Any) -> None:
    keys = database.load_keyfile()
    keys.erasures.append(entry)
    database.save_keyfile(keys)


@pytest.mark.both_databases
def test_a_line_for_a_case_id_used_again_erases_nothing(seeded: Database, target: Target,
                                                        supervisor: Actor) -> None:
    # A copy restored from before an erasure gives the erased case's id to a new case:
    # the line names the case by its id and its creation time, so the new case stays.
    case_id, _reference = _closed(seeded)[0]
    with seeded.reading() as db_session:
        created_at = db_session.get(Case, case_id).created_at
    line = signed_line(seeded, seeded.load_keyfile().database_id, case_id,
                       created_at - dt.timedelta(days=3), supervisor.user_id, local_today())
    _plant(seeded, line)
    database, _actor = open_database(target, "counsellor01", DEMO_PASSWORD)
    database.dispose()
    assert _victim(seeded, case_id)[0] != ERASED_NAME


@pytest.mark.both_databases
def test_a_line_signed_by_another_role_erases_nothing(seeded: Database, target: Target) -> None:
    # Police liaison, with a script and their own password, signs a line for an open case.
    with seeded.reading() as db_session:
        case_id, created_at = db_session.execute(select(Case.id, Case.created_at).where(
            Case.status != CaseStatus.CLOSED.value).order_by(Case.id).limit(1)).one()
    liaison, actor = open_database(target, "liaison01", DEMO_PASSWORD)
    try:
        line = signed_line(liaison, liaison.load_keyfile().database_id, case_id, created_at,
                           actor.user_id, local_today())
        _plant(liaison, line)
    finally:
        liaison.dispose()
    database, _actor = open_database(target, "counsellor01", DEMO_PASSWORD)
    database.dispose()
    assert _victim(seeded, case_id)[0] != ERASED_NAME
    with seeded.reading() as db_session:
        assert db_session.scalar(select(AuditEvent.id).where(
            AuditEvent.action == AuditAction.ERASE.value)) is None


def test_verify_names_a_line_no_supervisor_signed(seeded: Database, supervisor: Actor,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    case_id, _reference = _closed(seeded)[0]
    with seeded.reading() as db_session:
        created = created_stamp(db_session.get(Case, case_id).created_at)
    _plant(seeded, ErasureEntry(case_id, created, local_today(), "user:1", "A" * 86))
    assert main(["verify", "--db", str(seeded.path), "--user", "super"]) == 0
    assert "1 erasure ledger line names a case here but is not signed" in capsys.readouterr().out


def test_a_planted_line_does_not_keep_the_true_one_out(seeded: Database, supervisor: Actor,
                                                       tmp_path: Path) -> None:
    case_id, reference = _closed(seeded)[0]
    backup = _backup(seeded, supervisor, tmp_path / "copies")
    with seeded.reading() as db_session:
        created = created_stamp(db_session.get(Case, case_id).created_at)
    _plant(seeded, ErasureEntry(case_id, created, local_today(), "user:1", "A" * 86))
    _erase(seeded, supervisor, case_id, reference)
    assert len(seeded.load_keyfile().erasures) == 2  # the planted one and the true one
    report = restore_backup(backup, tmp_path / "r.db", "super", PASSWORD,
                            erasures_from=[seeded.path])
    assert report.erasures_applied == 1
    database, _actor = open_database(tmp_path / "r.db", "super", PASSWORD)
    try:
        assert _victim(database, case_id)[0] == ERASED_NAME
    finally:
        database.dispose()


@pytest.mark.both_databases
def test_a_forged_erase_event_neither_hides_nor_blocks_an_erasure(
        seeded: Database, target: Target, supervisor: Actor) -> None:
    case_id, reference = _closed(seeded)[0]
    services.build(seeded, supervisor).retention.set_retention_days(30)
    counsellor, actor = open_database(target, "counsellor01", DEMO_PASSWORD)
    try:
        with counsellor.writing() as db_session:  # a script, in the counsellor's name
            counsellor.audit.record(db_session, user_id=actor.user_id,
                                    action=AuditAction.ERASE, entity="victim",
                                    case_id=case_id, detail="reason=request")
    finally:
        counsellor.dispose()
    retention = services.build(seeded, supervisor).retention
    assert case_id in [case.case_id for case in retention.list_erasable(
        today=local_today() + dt.timedelta(days=3650))]
    assert not retention.erasure_status(case_id).erased
    retention.erase_victim(case_id, reference, ErasureReason.REQUEST)
    assert _victim(seeded, case_id)[0] == ERASED_NAME


def test_a_backup_that_needs_nothing_is_left_byte_for_byte(seeded: Database,
                                                           supervisor: Actor) -> None:
    case_id, reference = _closed(seeded)[0]
    _erase(seeded, supervisor, case_id, reference)
    backup = rotate_automatic_backups(seeded, supervisor)  # taken after the erasure
    assert backup is not None
    before = backup.read_bytes()
    assert erase_in_copies(seeded, supervisor.user_id).erased == ()
    assert backup.read_bytes() == before


def test_sign_in_prunes_too(seeded: Database) -> None:
    # Where only the command line is used, nobody runs the automatic backups.
    folder = seeded.path.parent / "backups"
    folder.mkdir()
    stale = _touch_backup(folder, "suoja-before-upgrade-20200101T000000Z.db")
    database, _actor = open_database(seeded.path, "counsellor01", DEMO_PASSWORD)
    database.dispose()
    assert not stale.exists() and not keyfile_path(stale).exists()
