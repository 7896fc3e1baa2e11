"""A victim key per case, destroyed at erasure (issue 17, item 3): copies made before an
erasure (a backup, an old database file) hold only ciphertext of the erased victim's
sealed values, whoever holds the content keys and a valid password."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text, update

from main import main
from models import services
from models.demo.seed import seed_demo
from models.domain.dto import CaseDraft, SupportSessionDraft, VictimDraft
from models.domain.entities import ExtortionContact, Meta, SupportSession
from models.domain.enums import ErasureReason
from models.domain.errors import DataError
from models.domain.sealed import FieldCipher, VictimKeys
from models.services import retention as retention_service
from models.services.retention import ErasureReport
from models.storage import migration
from models.storage.database import keyfile_path, open_engine
from models.storage.keyfile import (
    KEY_CARE,
    KEY_CASE,
    MAX_KEYFILE_BYTES,
    SLOT_USER,
    KdfParams,
    KeyFile,
    new_data_key,
)
from models.storage.maintenance import (
    backup_database,
    erase_in_copies,
    restore_backup,
    rotate_automatic_backups,
)
from models.storage.rotation import rotate_keys
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from models.storage.victim_keys import UPGRADED_META_KEY
from tests.conftest import FAST_KDF, PASSWORD

SEALED = (("extortion_contact", "message_text", False), ("support_session", "notes", False),
          ("attachment", "content", True))


@pytest.fixture
def seeded(database: Database, supervisor: Actor, monkeypatch: pytest.MonkeyPatch) -> Database:
    seed_demo(database, supervisor, victims=12, seed=3, kdf=FAST_KDF)
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    return database


def _stored(engine: Any) -> list[tuple[str, str, bool, int, int, Any]]:
    """Every sealed value as stored: (table, column, binary, row id, case id, value)."""
    found = []
    with engine.connect() as connection:
        for table, column, binary in SEALED:
            for row_id, case_id, value in connection.execute(text(
                    f"SELECT id, case_id, {column} FROM {table} ORDER BY id")):
                found.append((table, column, binary, row_id, case_id, value))
    return found


def _erasable(database: Database) -> tuple[int, str]:
    """A closed case holding a message and a session note."""
    from models.domain.entities import Case

    with database.reading() as db_session:
        for case_id, reference in db_session.execute(
                select(Case.id, Case.reference).where(Case.status == "closed").order_by(Case.id)):
            if all(db_session.scalar(select(entity.id).where(entity.case_id == case_id).limit(1))
                   for entity in (ExtortionContact, SupportSession)):
                return case_id, reference
    raise AssertionError("no closed case with every kind of sealed value")


def _erase(database: Database, actor: Actor, case_id: int, reference: str) -> ErasureReport:
    return services.build(database, actor).retention.erase_victim(case_id, reference,
                                                                  ErasureReason.REQUEST)


def _script_opens(db_file: Path, keys_file: Path) -> tuple[set[int], set[int]]:
    """What a script holding ``keys_file`` and a valid password opens of ``db_file``'s
    sealed values: (cases all of whose values open, cases with a value that does not)."""
    keys = KeyFile.load(keys_file)
    keyring = keys.unwrap(SLOT_USER, "super", PASSWORD)
    cipher = FieldCipher(keyring.latest(KEY_CARE)[1], keyring.latest(KEY_CASE)[1],  # type: ignore[index]
                         VictimKeys(lambda: (keys.victim_keys, set())))
    engine = open_engine(db_file, keyring.storage)
    opened, refused = set(), set()
    try:
        for table, column, binary, row_id, case_id, value in _stored(engine):
            try:
                if binary:
                    cipher.open_bytes(table, column, row_id, case_id, value)
                else:
                    cipher.open(table, column, row_id, case_id, value)
                opened.add(case_id)
            except DataError:
                refused.add(case_id)
    finally:
        engine.dispose()
    return opened - refused, refused


def _where(target: Any) -> list[str]:
    return ["--db", str(target)] if isinstance(target, Path) else ["--db-url", target.url]


@pytest.mark.both_databases
def test_sealing_in_a_unit_of_work_gives_every_case_its_own_key(seeded: Database) -> None:
    stored = _stored(seeded.engine)
    assert all(str(value).startswith("v3:") or bytes(value).startswith(b"SJ3")
               for *_rest, value in [(0, 0, 0, 0, 0, row[5]) for row in stored])
    keys = seeded.load_keyfile()
    assert {row[4] for row in stored} <= set(keys.victim_keys)
    assert all(len(key) == 32 for key in keys.victim_keys.values())
    assert len(set(keys.victim_keys.values())) == len(keys.victim_keys)


def test_a_backup_taken_before_an_erasure_holds_only_ciphertext_of_the_victim(
        seeded: Database, supervisor: Actor, tmp_path: Path) -> None:
    case_id, reference = _erasable(seeded)
    automatic = rotate_automatic_backups(seeded, supervisor)
    assert automatic is not None
    # The backup file as a workstation's own backup software copied it, before the
    # erasure (the erasure reaches backups/, not this copy of the file).
    elsewhere = tmp_path / "file-copy.db"
    shutil.copyfile(automatic, elsewhere)
    # A copy somebody carried away, key file and all: out of reach (documented).
    away = tmp_path / "usb"
    away.mkdir()
    carried = backup_database(seeded, supervisor, away / "carried.db").path
    assert case_id in KeyFile.load(keyfile_path(automatic)).victim_keys

    report = _erase(seeded, supervisor, case_id, reference)

    assert report.backups_erased == 1
    assert case_id not in seeded.load_keyfile().victim_keys
    assert case_id not in KeyFile.load(keyfile_path(automatic)).victim_keys
    opened, refused = _script_opens(elsewhere, keyfile_path(automatic))
    assert refused == {case_id}
    assert len(opened) >= 5  # every other victim's values still open
    opened, refused = _script_opens(carried, keyfile_path(carried))
    assert refused == set() and case_id in opened


def test_an_old_database_file_opened_with_todays_key_file_does_not_open_the_victim(
        seeded: Database, supervisor: Actor, tmp_path: Path) -> None:
    case_id, reference = _erasable(seeded)
    away = tmp_path / "away"
    away.mkdir()
    old = tmp_path / "old.db"  # the file alone, as a copy of the database kept somewhere
    shutil.copyfile(backup_database(seeded, supervisor, away / "b.db").path, old)
    _erase(seeded, supervisor, case_id, reference)
    opened, refused = _script_opens(old, keyfile_path(seeded.path))
    assert refused == {case_id} and len(opened) >= 5


def test_a_restore_leaves_no_key_of_an_erased_victim(seeded: Database, supervisor: Actor,
                                                     tmp_path: Path) -> None:
    case_id, reference = _erasable(seeded)
    copies = tmp_path / "copies"
    copies.mkdir()
    backup = backup_database(seeded, supervisor, copies / "before.db").path
    _erase(seeded, supervisor, case_id, reference)
    target = seeded.path.with_name("restored.db")
    report = restore_backup(backup, target, "super", PASSWORD)
    assert report.erasures_applied == 1
    assert case_id not in KeyFile.load(keyfile_path(target)).victim_keys
    assert main(["verify", "--db", str(target), "--user", "super"]) == 0


@pytest.mark.both_databases
def test_an_erasure_destroys_the_key_and_a_failed_one_keeps_it(
        seeded: Database, supervisor: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id, reference = _erasable(seeded)
    svc = services.build(seeded, supervisor)
    notes = [s.notes for s in svc.cases.get_detail(case_id).support_sessions or ()]

    def fail(*_args: Any) -> None:
        raise DataError("the disk is full")

    monkeypatch.setattr(retention_service, "store_line", fail)
    with pytest.raises(DataError):
        _erase(seeded, supervisor, case_id, reference)
    monkeypatch.undo()
    # Nothing committed: the key stays, in the store and here, and the values open.
    assert case_id in seeded.load_keyfile().victim_keys
    assert [s.notes for s in svc.cases.get_detail(case_id).support_sessions or ()] == notes

    _erase(seeded, supervisor, case_id, reference)
    assert case_id not in seeded.load_keyfile().victim_keys
    assert seeded.field_cipher.victims.get(case_id) is None


@pytest.mark.both_databases
def test_a_server_erasure_takes_the_key_in_its_own_transaction(
        seeded: Database, supervisor: Actor, target: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The step after the commit never runs (a crash): on a server the key store row lost
    # the key with the erasure; a key file keeps it until the next sign-in.
    case_id, reference = _erasable(seeded)
    monkeypatch.setattr(retention_service, "copy_lines", lambda *_args: None)
    _erase(seeded, supervisor, case_id, reference)
    assert (case_id in seeded.load_keyfile().victim_keys) is not seeded.on_server
    again, _actor = open_database(target, "super", PASSWORD)  # heals the key file
    try:
        assert case_id not in again.load_keyfile().victim_keys
    finally:
        again.dispose()


def test_a_backup_erased_already_loses_the_key_its_key_file_kept(
        seeded: Database, supervisor: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id, reference = _erasable(seeded)
    monkeypatch.setattr(retention_service, "copy_lines", lambda *_args: None)
    _erase(seeded, supervisor, case_id, reference)
    monkeypatch.undo()
    # Taken between the commit and the key file's save: erased, the key still beside it.
    automatic = rotate_automatic_backups(seeded, supervisor)
    assert automatic is not None
    assert case_id in KeyFile.load(keyfile_path(automatic)).victim_keys
    before = automatic.read_bytes()
    report = erase_in_copies(seeded, supervisor.user_id)
    assert report.unreachable == ()
    assert case_id not in KeyFile.load(keyfile_path(automatic)).victim_keys
    assert automatic.read_bytes() == before  # the backup itself only read


@pytest.mark.both_databases
def test_two_workstations_make_keys_at_once_and_both_are_kept(
        opened: tuple[Database, Actor, str], target: Any) -> None:
    first, actor, _code = opened
    second, _actor = open_database(target, "super", PASSWORD)
    made: dict[str, int] = {}
    errors: list[BaseException] = []

    def intake(database: Database, name: str) -> None:
        try:
            svc = services.build(database, actor)
            case = svc.cases.create_intake(VictimDraft(first_names=name, last_name="Testi"),
                                           CaseDraft())
            svc.records.add_support_session(case.id, SupportSessionDraft(
                started_at=dt.datetime(2021, 1, 4, 9, tzinfo=dt.UTC), notes=f"Note {name}"))
            made[name] = case.id
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=intake, args=(database, name))
               for database, name in ((first, "Aino"), (second, "Eino"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.dispose()
    assert errors == []
    assert set(made.values()) <= set(first.load_keyfile().victim_keys)
    third, third_actor = open_database(target, "super", PASSWORD)
    try:
        svc = services.build(third, third_actor)
        for name, case_id in made.items():
            notes = [s.notes for s in svc.cases.get_detail(case_id).support_sessions or ()]
            assert notes == [f"Note {name}"]
    finally:
        third.dispose()


@pytest.mark.both_databases
def test_a_unit_of_work_that_fails_stores_no_key(database: Database, supervisor: Actor,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    svc = services.build(database, supervisor)
    case = svc.cases.create_intake(VictimDraft(first_names="Ei", last_name="Tallennu"),
                                   CaseDraft())
    assert case.id not in database.load_keyfile().victim_keys  # nothing sealed yet
    real = database.audit.record

    def flush_then_fail(db_session: Any, *args: Any, **kwargs: Any) -> Any:
        db_session.flush()  # the note is sealed: its key is made
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(database.audit, "record", flush_then_fail)
    with pytest.raises(RuntimeError):
        svc.records.add_support_session(case.id, SupportSessionDraft(
            started_at=dt.datetime(2021, 1, 4, 9, tzinfo=dt.UTC), notes="Never saved"))
    monkeypatch.setattr(database.audit, "record", real)
    assert case.id not in database.load_keyfile().victim_keys
    assert database.field_cipher.victims.get(case.id) is None
    # The next one makes a key, stores it, and its value opens.
    svc.records.add_support_session(case.id, SupportSessionDraft(
        started_at=dt.datetime(2021, 1, 4, 9, tzinfo=dt.UTC), notes="Saved"))
    assert case.id in database.load_keyfile().victim_keys
    assert [s.notes for s in svc.cases.get_detail(case.id).support_sessions or ()] == ["Saved"]


@pytest.mark.both_databases
def test_rotation_keeps_every_value_readable_and_gives_version_2_values_a_key(
        seeded: Database, supervisor: Actor, target: Any) -> None:
    # A value sealed outside a unit of work (as a migration does) is version 2.
    cipher = seeded.field_cipher
    with seeded.engine.begin() as connection:
        row_id, case_id = connection.execute(
            select(SupportSession.id, SupportSession.case_id).limit(1)).one()
        connection.execute(update(SupportSession.__table__).where(
            SupportSession.__table__.c.id == row_id).values(
                notes=cipher.seal("support_session", "notes", row_id, case_id, "Vanha")))
    assert any(str(row[5]).startswith("v2:") for row in _stored(seeded.engine))
    rotate_keys(seeded, user_id=supervisor.user_id, reason="test")
    stored = _stored(seeded.engine)
    assert all(str(v).startswith("v3:") or bytes(v).startswith(b"SJ3")
               for *_rest, v in stored)
    assert main(["verify", "--user", "super", *_where(target)]) == 0


@pytest.mark.both_databases
def test_a_version_2_database_is_upgraded_at_a_supervisors_sign_in(
        seeded: Database, supervisor: Actor, target: Any) -> None:
    case_id, reference = _erasable(seeded)
    _erase(seeded, supervisor, case_id, reference)
    # As a database from before victim keys: every value version 2, no marker.
    migration.downgrade(seeded.engine, "0011", field_cipher=seeded.field_cipher)
    migration.upgrade(seeded.engine, field_cipher=seeded.field_cipher)
    stored = _stored(seeded.engine)
    assert all(str(v).startswith("v2:") or bytes(v).startswith(b"SJ2") for *_r, v in stored)
    seeded.dispose()

    database, _actor = open_database(target, "super", PASSWORD)
    try:
        stored = _stored(database.engine)
        with database.reading() as db_session:
            assert db_session.get(Meta, UPGRADED_META_KEY) is not None
    finally:
        database.dispose()
    for table, _column, binary, _row, row_case, value in stored:
        newer = bytes(value).startswith(b"SJ3") if binary else str(value).startswith("v3:")
        assert newer is (row_case != case_id), table  # the erased case's stay version 2
    assert main(["verify", "--user", "super", *_where(target)]) == 0


def test_the_key_file_of_40000_cases_stays_within_its_limit() -> None:
    keys = KeyFile(database_id="00000000-0000-4000-8000-000000000000")
    for number in range(40):  # forty accounts, each with its grants
        keys.add_slot(SLOT_USER, f"user{number:02}", PASSWORD,
                      {(key, 1): new_data_key() for key in ("storage", "chain", "care", "case")},
                      KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1))
    keys.victim_keys = {case_id: new_data_key() for case_id in range(1, 40_001)}
    document = keys.to_document().encode()
    assert len(document) < MAX_KEYFILE_BYTES / 4  # about 2.5 MB of 16 MB
    assert KeyFile.from_document(document).victim_keys == keys.victim_keys


@pytest.mark.parametrize("stored", [
    '{"7": "c2hvcnQ="}',  # not the stored form
    '"c2hvcnQ="',  # not whole records
    '"' + base64.b64encode(bytes(8) + bytes(32)).decode() + '"',  # case id 0
    '"' + base64.b64encode((2).to_bytes(8, "little") + (1).to_bytes(8, "little")
                           + bytes(64)).decode() + '"',  # not ascending
    '"AAAA!"',  # not base64
])
def test_a_damaged_victim_key_makes_the_key_file_unreadable(stored: str) -> None:
    keys = KeyFile(database_id="d")
    document = keys.to_document().replace('"victim_keys": ""', '"victim_keys": ' + stored)
    assert document != keys.to_document()
    with pytest.raises(DataError, match="not a Suoja key file"):
        KeyFile.from_document(document)


def test_a_version_1_slot_upgraded_at_sign_in_keeps_a_victim_key_stored_meanwhile(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key file is read again and saved under the writer's lock: a victim key that
    another workstation's unit of work stored between the password check and the
    upgrade is not written over."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from models.storage import store
    from models.storage.keyfile import KeySlot

    storage_key = database.keyring.storage
    keys = database.load_keyfile()
    salt, nonce = b"s" * 16, b"n" * 12
    unwrapped = KeySlot(SLOT_USER, "vanha", FAST_KDF, salt, nonce, b"")
    wrapped = AESGCM(FAST_KDF.derive(PASSWORD, salt)).encrypt(
        nonce, storage_key, keys._aad(unwrapped))
    keys.put_slot(KeySlot(SLOT_USER, "vanha", FAST_KDF, salt, nonce, wrapped))
    database.save_keyfile(keys)
    meanwhile = new_data_key()
    real = store._unwrap_counted

    def unwrap_then_another_workstation_writes(*args: Any) -> Any:
        result = real(*args)
        with database.writing() as db_session:  # as Database.writing stores a new key
            stored = database.load_keyfile(db_session)
            stored.victim_keys[4242] = meanwhile
            database.save_keyfile(stored, db_session)
        return result

    monkeypatch.setattr(store, "_unwrap_counted", unwrap_then_another_workstation_writes)
    upgraded_keys, keyring = store.unlock_keys(database.path, "vanha", PASSWORD)
    assert keyring.identity is not None
    after = database.load_keyfile()
    assert after.victim_keys[4242] == meanwhile
    assert upgraded_keys.victim_keys[4242] == meanwhile
    slot = after.slot(SLOT_USER, "vanha")
    assert slot is not None and not slot.legacy
