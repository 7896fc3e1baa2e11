"""Insider findings H1 (content) and H2 (revocation): keys per role, and rotation.

Before: every account's password unwrapped the one data key, which opened the SQLCipher
file and derived the key of every sealed value. A police liaison or an administrator
with a script and their own password read every session note; a locked account's slot
still unwrapped the key of the live database, and an old password with an old copy of
the key file opened it too.

Each attacker here does what a script can: read the key file (or the server's key
row) with their own password, and try every key they get, and every key derivable from
them, on the sealed values as stored. Then the same after being locked or reset.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from models import services
from models.domain.dto import CaseDraft, ExtortionContactDraft, SupportSessionDraft, VictimDraft
from models.domain.enums import Channel, Role
from models.domain.errors import AuthenticationError, DamagedData, DataError
from models.domain.sealed import FieldCipher
from models.storage import rotation
from models.storage.database import keyfile_path, open_engine
from models.storage.keyfile import KEY_CARE, KEY_CASE, KEY_STORAGE, SLOT_USER, KeyFile
from models.storage.server import ServerUrl
from models.storage.store import load_key_slots, open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD

STRONG = "Tuuli-Kivi-Järvi-Polku"
NOTE = "Istunnon luottamuksellinen muistiinpano"
MESSAGE = "Maksa 200 euroa tai julkaisemme"


@pytest.fixture
def boss(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.fixture
def staff(boss: services.Services) -> dict[Role, str]:
    """One account of every role, created by the supervisor: role -> username."""
    names = {Role.COUNSELLOR: "kaisa", Role.POLICE_LIAISON: "leena",
             Role.ADMINISTRATOR: "aapo"}
    for role, name in names.items():
        boss.accounts.create_user(name, name.title(), role, STRONG, kdf=FAST_KDF)
    return {**names, Role.SUPERVISOR: "super"}


@pytest.fixture
def case_id(boss: services.Services) -> int:
    """A case with a session note and an extortion message."""
    created = boss.cases.create_intake(VictimDraft(first_names="Testi", last_name="Uhri"),
                                       CaseDraft())
    boss.records.add_support_session(created.id, SupportSessionDraft(
        started_at=dt.datetime(2024, 3, 1, 10, tzinfo=dt.UTC), notes=NOTE))
    boss.records.add_extortion_contact(created.id, ExtortionContactDraft(
        received_at=dt.datetime(2020, 10, 24, 12, 42, tzinfo=dt.UTC), channel=Channel.EMAIL,
        message_text=MESSAGE))
    return created.id


def _password(username: str) -> str:
    return PASSWORD if username == "super" else STRONG


#: The victim keys a script finds in the key file (not secret: useless without a
#: content key), as of the last ``_stored``.
_VICTIM_KEYS: dict[int, bytes] = {}


def _stored(database: Database) -> dict[str, tuple[int, int, str]]:
    """The sealed note and message as stored: (row id, case id, sealed text)."""
    found = {}
    _VICTIM_KEYS.clear()
    _VICTIM_KEYS.update(database.load_keyfile().victim_keys)
    with database.engine.connect() as connection:
        for label, table, column in (("note", "support_session", "notes"),
                                     ("message", "extortion_contact", "message_text")):
            row = connection.execute(text(
                f"SELECT id, case_id, {column} FROM {table} ORDER BY id LIMIT 1")).one()
            found[label] = (row[0], row[1], row[2])
    return found


def _attacker_keys(keys: KeyFile, username: str, password: str) -> list[bytes]:
    """Every key a script gets from the key file with this password, and every key
    derivable from them the way Suoja once derived the sealed values' key."""
    keyring = keys.unwrap(SLOT_USER, username, password)
    held = list(keyring.secrets.values())
    derived = [HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"suoja sealed fields v1").derive(key) for key in held]
    return held + derived


def _opens(key: bytes, table: str, column: str, stored: tuple[int, int, str]) -> bool:
    row_id, case_id, sealed = stored
    raw = base64.b64decode(sealed[len("v2:"):])
    aad = f"suoja-sealed/2|{table}|{column}|{row_id}|{case_id}".encode()
    if sealed.startswith("v3:"):  # the script mixes in the case's victim key too
        if case_id not in _VICTIM_KEYS:
            return False
        kind = b"care" if table == "support_session" else b"case"
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=_VICTIM_KEYS[case_id],
                   info=b"suoja sealed v3|" + kind).derive(key)
        aad = f"suoja-sealed/3|{table}|{column}|{row_id}|{case_id}".encode()
    try:
        AESGCM(key).decrypt(raw[:12], raw[12:], aad)
    except Exception:  # noqa: BLE001 - any failure means it did not open
        return False
    return True


# -- H1: content keys per role -------------------------------------------------------


@pytest.mark.both_databases
def test_only_the_roles_that_need_it_can_open_a_session_note_with_a_script(
        database: Database, target: Target, staff: dict[Role, str], case_id: int) -> None:
    stored = _stored(database)
    keys = load_key_slots(target)
    may_read_notes = {Role.COUNSELLOR, Role.SUPERVISOR}
    may_read_messages = {Role.COUNSELLOR, Role.SUPERVISOR, Role.POLICE_LIAISON}
    for role, username in staff.items():
        tried = _attacker_keys(keys, username, _password(username))
        assert any(_opens(k, "support_session", "notes", stored["note"]) for k in tried) is (
            role in may_read_notes), role
        assert any(_opens(k, "extortion_contact", "message_text", stored["message"])
                   for k in tried) is (role in may_read_messages), role


@pytest.mark.both_databases
def test_police_liaison_and_administrators_get_no_note_through_the_storage_layer(
        database: Database, target: Target, staff: dict[Role, str], case_id: int) -> None:
    """Signed in as the app does, reading the ORM attribute a script would."""
    from models.domain.entities import ExtortionContact, SupportSession

    for role in (Role.POLICE_LIAISON, Role.ADMINISTRATOR):
        opened, _actor = open_database(target, staff[role], STRONG)
        try:
            with opened.reading() as db_session:
                note = db_session.query(SupportSession).first()
                assert note is not None
                with pytest.raises(DataError, match="does not hold the key"):
                    _ = note.notes
                contact = db_session.query(ExtortionContact).first()
                assert contact is not None
                if role is Role.POLICE_LIAISON:
                    assert contact.message_text == MESSAGE
                else:
                    with pytest.raises(DataError, match="does not hold the key"):
                        _ = contact.message_text
        finally:
            opened.dispose()


# -- H2: revocation that revokes ---------------------------------------------------------


def _keep_copy(target: Target, where: Path) -> KeyFile:
    """What an insider kept before being locked: a copy of the key file (on a server, of
    the key row a script can read)."""
    keys = load_key_slots(target)
    if isinstance(target, Path):
        shutil.copy(keyfile_path(target), where)
    return keys


@pytest.mark.both_databases
def test_a_locked_account_opens_nothing_even_with_an_old_key_file(
        boss: services.Services, database: Database, target: Target,
        staff: dict[Role, str], case_id: int, tmp_path: Path) -> None:
    old_keys = _keep_copy(target, tmp_path / "kept.keys")
    old_keyring = old_keys.unwrap(SLOT_USER, "kaisa", STRONG)
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")
    boss.accounts.set_active(kaisa.id, False)

    with pytest.raises(AuthenticationError, match="locked"):
        open_database(target, "kaisa", STRONG)
    # The live key file gives the locked account nothing at all.
    assert load_key_slots(target).unwrap(SLOT_USER, "kaisa", STRONG).secrets == {}
    # The copy still gives the old keys, and they open nothing of the live database.
    if isinstance(target, Path):
        with pytest.raises(DamagedData):
            open_engine(target, old_keyring.storage)
    stored = _stored(database)
    for key in old_keyring.secrets.values():
        assert not _opens(key, "support_session", "notes", stored["note"])
        assert not _opens(key, "extortion_contact", "message_text", stored["message"])


@pytest.mark.both_databases
def test_a_password_reset_on_someones_behalf_revokes_the_old_password(
        boss: services.Services, database: Database, target: Target,
        staff: dict[Role, str], case_id: int, tmp_path: Path) -> None:
    old_keys = _keep_copy(target, tmp_path / "kept.keys")
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")
    boss.accounts.reset_password(kaisa.id, "Uusi-Salainen-Lause-42", kdf=FAST_KDF)
    old_keyring = old_keys.unwrap(SLOT_USER, "kaisa", STRONG)
    if isinstance(target, Path):
        with pytest.raises(DamagedData):
            open_engine(target, old_keyring.storage)
    stored = _stored(database)
    assert not any(_opens(key, "support_session", "notes", stored["note"])
                   for key in old_keyring.secrets.values())
    opened, _actor = open_database(target, "kaisa", "Uusi-Salainen-Lause-42")
    opened.dispose()


@pytest.mark.both_databases
def test_rotation_keeps_every_other_account_working_and_verify_clean(
        boss: services.Services, database: Database, target: Target,
        staff: dict[Role, str], case_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    from cli import main as cli

    evidence = bytes(range(256)) * 40  # an evidence file: a binary sealed column
    attachment = boss.records.add_attachment(case_id, "viesti.png", evidence)

    def stored_file() -> bytes:
        with database.engine.connect() as connection:
            return bytes(connection.execute(text("SELECT content FROM attachment WHERE id = :id"),
                                            {"id": attachment.id}).scalar_one())

    before, file_before = _stored(database), stored_file()
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")
    boss.accounts.set_active(kaisa.id, False)
    # Every value was sealed again under the new keys, and opens.
    after = _stored(database)
    assert all(after[kind][2] != before[kind][2] for kind in before)
    assert stored_file() != file_before and evidence not in stored_file()
    # The supervisor who locked goes on working in the same session.
    assert boss.cases.get_detail(case_id).support_sessions[0].notes == NOTE
    assert boss.records.attachment_content(attachment.id) == evidence
    for role in (Role.POLICE_LIAISON, Role.ADMINISTRATOR, Role.SUPERVISOR):
        opened, actor = open_database(target, staff[role], _password(staff[role]))
        opened.dispose()
        assert actor.role is role
    where = (["--db-url", target.url] if isinstance(target, ServerUrl)
             else ["--db", str(target)])
    import os
    os.environ["SUOJA_PASSWORD"] = PASSWORD
    try:
        code = cli.run(cli.build_parser().parse_args(["verify", *where, "--user", "super"]))
    finally:
        del os.environ["SUOJA_PASSWORD"]
    assert code == 0, capsys.readouterr()


def test_an_interrupted_rotation_is_finished_at_the_next_sign_in(
        boss: services.Services, database: Database, db_path: Path,
        staff: dict[Role, str], case_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")

    def power_cut(*_args: object) -> None:
        raise DataError("power cut")

    monkeypatch.setattr(rotation, "rekey", power_cut)
    boss.accounts.set_active(kaisa.id, False)  # locked; the file waits for its new key
    monkeypatch.undo()
    database.dispose()
    # Content already re-sealed; the file still under the old key; both generations granted.
    assert len(KeyFile.load(keyfile_path(db_path)).generations(KEY_STORAGE)) == 2
    opened, _actor = open_database(db_path, "leena", STRONG)
    opened.dispose()
    assert KeyFile.load(keyfile_path(db_path)).generations(KEY_STORAGE) == [2]
    keys = KeyFile.load(keyfile_path(db_path))
    assert open_engine(db_path, keys.unwrap(SLOT_USER, "super", PASSWORD).storage)


def test_a_planted_grant_cannot_choose_the_key_the_file_is_re_encrypted_under(
        boss: services.Services, database: Database, db_path: Path,
        staff: dict[Role, str], case_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A revoked insider who can still write the folder plants a storage key of their
    choosing for everyone (public keys are public): no sign-in re-keys to it."""
    chosen = b"\x42" * 32
    keys = KeyFile.load(keyfile_path(db_path))
    for slot in keys.slots:
        keys.grant(slot.kind, slot.name, KEY_STORAGE, 9, chosen)
    keys.save(keyfile_path(db_path))
    database.dispose()
    opened, _actor = open_database(db_path, "super", PASSWORD)
    opened.dispose()
    with pytest.raises(DamagedData):
        open_engine(db_path, chosen)


def test_an_administrators_lock_rotates_what_it_holds_and_a_supervisor_finishes_it(
        boss: services.Services, database: Database, db_path: Path,
        staff: dict[Role, str], case_id: int) -> None:
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")
    database.dispose()  # the supervisor signs out (an open file cannot be re-keyed)
    admin_db, admin = open_database(db_path, "aapo", STRONG)
    try:
        report = services.build(admin_db, admin).accounts.set_active(kaisa.id, False)
    finally:
        admin_db.dispose()
    del report
    keys = KeyFile.load(keyfile_path(db_path))
    assert keys.generations(KEY_STORAGE) == [2]
    assert keys.generations(KEY_CARE) == [1]  # waits: the administrator holds no care key
    opened, actor = open_database(db_path, "super", PASSWORD)
    try:
        keys = KeyFile.load(keyfile_path(db_path))
        assert keys.generations(KEY_CARE) == [2] and keys.generations(KEY_CASE) == [2]
        assert services.build(opened, actor).cases.get_detail(
            case_id).support_sessions[0].notes == NOTE
    finally:
        opened.dispose()


# -- the independent review's findings on the first version of this ---------------------


def test_ones_own_password_change_retires_the_old_key_pair(
        boss: services.Services, database: Database, db_path: Path,
        staff: dict[Role, str], case_id: int) -> None:
    """An old password with an old copy of the slot must open nothing granted after the
    change: the insider puts the old slot back into the live file and tries."""
    old_slot = KeyFile.load(keyfile_path(db_path)).slot(SLOT_USER, "kaisa")
    kaisa_db, kaisa = open_database(db_path, "kaisa", STRONG)
    try:
        services.build(kaisa_db, kaisa).accounts.change_own_password(
            STRONG, "Uusi-Salainen-Lause-42", kdf=FAST_KDF)
    finally:
        kaisa_db.dispose()
    leena = next(u for u in boss.accounts.list_users() if u.username == "leena")
    boss.accounts.set_active(leena.id, False)  # a rotation after the change
    live = KeyFile.load(keyfile_path(db_path))
    assert old_slot is not None
    live.slots = [old_slot if s.name == "kaisa" else s for s in live.slots]
    assert live.unwrap(SLOT_USER, "kaisa", STRONG).secrets == {}
    opened, _actor = open_database(db_path, "kaisa", "Uusi-Salainen-Lause-42")
    opened.dispose()


def test_a_value_altered_outside_suoja_does_not_block_revocation(
        boss: services.Services, database: Database, db_path: Path,
        staff: dict[Role, str], case_id: int) -> None:
    kept = load_key_slots(db_path).unwrap(SLOT_USER, "kaisa", STRONG)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE support_session SET notes = 'v2:AAAA'"))
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")
    boss.accounts.set_active(kaisa.id, False)
    with pytest.raises(DamagedData):
        open_engine(db_path, kept.storage)
    details = [e.detail for e in boss.audit.query(
        __import__("models.services.audit_log", fromlist=["AuditQuery"]).AuditQuery())]
    assert any("unopenable values left as found: 1" in d for d in details)


def test_an_altered_recovery_slot_does_not_block_revocation(
        boss: services.Services, database: Database, db_path: Path,
        staff: dict[Role, str], case_id: int) -> None:
    keys = KeyFile.load(keyfile_path(db_path))
    keys.slots = [dataclasses.replace(s, box_public=b"\0" * 32) if s.kind != SLOT_USER
                  else s for s in keys.slots]
    keys.save(keyfile_path(db_path))
    kept = load_key_slots(db_path).unwrap(SLOT_USER, "kaisa", STRONG)
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")
    boss.accounts.set_active(kaisa.id, False)
    with pytest.raises(DamagedData):
        open_engine(db_path, kept.storage)


def test_a_revocation_cut_short_is_owed_and_the_next_sign_in_pays_it(
        boss: services.Services, database: Database, db_path: Path,
        staff: dict[Role, str], case_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = load_key_slots(db_path).unwrap(SLOT_USER, "kaisa", STRONG)
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")

    def killed(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the process was killed here")

    monkeypatch.setattr(rotation, "_reseal", killed)
    with pytest.raises(RuntimeError):
        boss.accounts.set_active(kaisa.id, False)
    monkeypatch.undo()
    database.dispose()
    assert open_engine(db_path, kept.storage)  # not revoked yet: the debt is on record
    # Police liaison signs in next: rotates what it holds (storage, case).
    opened, _actor = open_database(db_path, "leena", STRONG)
    opened.dispose()
    with pytest.raises(DamagedData):
        open_engine(db_path, kept.storage)
    assert KeyFile.load(keyfile_path(db_path)).generations(KEY_CARE) == [1]
    # A supervisor pays the rest (care, authority).
    opened, actor = open_database(db_path, "super", PASSWORD)
    try:
        assert KeyFile.load(keyfile_path(db_path)).generations(KEY_CARE) == [2]
        assert services.build(opened, actor).cases.get_detail(
            case_id).support_sessions[0].notes == NOTE
    finally:
        opened.dispose()


@pytest.mark.both_databases
@pytest.mark.parametrize("fails", ["sealing", "writing"])
def test_a_re_sealing_that_fails_half_way_leaves_every_value_as_it_was(
        boss: services.Services, database: Database, case_id: int, target: Target,
        staff: dict[Role, str], monkeypatch: pytest.MonkeyPatch, fails: str) -> None:
    """A failure while batches are on their way (on a server they are written from a
    thread of their own) rolls the whole re-sealing back: no value is left under keys
    that were never committed."""
    for hour in range(11, 15):  # more values than one batch of one
        boss.records.add_support_session(case_id, SupportSessionDraft(
            started_at=dt.datetime(2024, 3, 1, hour, tzinfo=dt.UTC), notes=NOTE))
    before = _all_sealed(database)
    monkeypatch.setattr(rotation, "BATCH", 1)
    monkeypatch.setattr(rotation, "READ_AHEAD", 2)
    if fails == "sealing":
        sealed: list[str] = []
        real_seal = FieldCipher.seal

        def seal(self: FieldCipher, *args: Any) -> str:
            if len(sealed) == 3:
                raise RuntimeError("stopped here")
            sealed.append(real_seal(self, *args))
            return sealed[-1]

        monkeypatch.setattr(FieldCipher, "seal", seal)
        expected: type[Exception] = RuntimeError
    else:
        # The second table's batches fail: on a server from the writer thread (its
        # UPDATE calls a function that does not exist), on SQLite on this one.
        tables: list[str] = []
        if isinstance(target, ServerUrl):
            real_update = rotation._array_update

            def update_that_fails(source: Any, col: str) -> Any:
                tables.append(source.name)
                statement = real_update(source, col)
                return statement if len(tables) == 1 else statement.values(
                    {col: func.no_such()})

            monkeypatch.setattr(rotation, "_array_update", update_that_fails)
        else:
            real_writer = rotation._row_writer

            def writer_that_fails(connection: Any, source: Any, col: str) -> Any:
                tables.append(source.name)
                if len(tables) == 1:
                    return real_writer(connection, source, col)
                return lambda _ids, _values: connection.exec_driver_sql(
                    "UPDATE no_such_table SET no_such_column = 1")

            monkeypatch.setattr(rotation, "_row_writer", writer_that_fails)
        expected = DBAPIError  # as the statement raises it
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")
    with pytest.raises(expected):
        boss.accounts.set_active(kaisa.id, False)
    assert _all_sealed(database) == before


def _all_sealed(database: Database) -> dict[tuple[str, int], str]:
    with database.engine.connect() as connection:
        return {(table, row_id): value for table, column in (
                    ("support_session", "notes"), ("extortion_contact", "message_text"))
                for row_id, value in connection.execute(text(
                    f"SELECT id, {column} FROM {table}"))}


@pytest.mark.parametrize("damage", ["duplicate grant", "duplicate slot", "deep nesting"])
def test_a_crafted_key_file_is_refused_with_a_sentence(
        database: Database, db_path: Path, staff: dict[Role, str], damage: str) -> None:
    import json

    keys = KeyFile.load(keyfile_path(db_path))
    document = json.loads(keys.to_document())
    if damage == "duplicate grant":
        document["grants"].append(document["grants"][0])
    elif damage == "duplicate slot":
        document["slots"].append(document["slots"][0])
    text_ = (json.dumps(document) if damage != "deep nesting"
             else "[" * 100_000 + "]" * 100_000)
    keyfile_path(db_path).write_text(text_)
    with pytest.raises(DataError, match="altered|not a Suoja key file"):
        open_database(db_path, "super", PASSWORD)


def test_a_planted_recovery_slot_receives_no_key(
        boss: services.Services, database: Database, db_path: Path,
        staff: dict[Role, str], case_id: int) -> None:
    """Someone who can write the folder puts in a recovery slot for a code they chose:
    every rotation sealed every new key to it (review finding H-A)."""
    from models.storage.keyfile import RECOVERY_SLOT_NAME, SLOT_RECOVERY

    keys = KeyFile.load(keyfile_path(db_path))
    planted, _identity = keys.new_slot(SLOT_RECOVERY, RECOVERY_SLOT_NAME,
                                       "MINE-MINE-MINE-MINE", FAST_KDF)
    keys.put_slot(planted)
    keys.save(keyfile_path(db_path))
    kaisa = next(u for u in boss.accounts.list_users() if u.username == "kaisa")
    boss.accounts.set_active(kaisa.id, False)
    got = KeyFile.load(keyfile_path(db_path)).unwrap(SLOT_RECOVERY, RECOVERY_SLOT_NAME,
                                                     "MINE-MINE-MINE-MINE")
    assert got.secrets == {}


@pytest.mark.both_databases
def test_a_supervisor_issues_a_new_recovery_code_and_the_old_one_is_retired(
        database: Database, target: Target, opened: tuple[Database, Actor, str],
        staff: dict[Role, str], case_id: int) -> None:
    from models.domain.errors import PermissionDenied
    from models.storage.store import recover_account

    old_code = opened[2]
    database.dispose()
    # The old code is used once (its events are signed with its key) ...
    recover_account(target, old_code, "leena", "Vanha-Koodi-Lause-31", FAST_KDF)
    admin_db, admin = open_database(target, "aapo", STRONG)
    try:
        with pytest.raises(PermissionDenied):
            services.build(admin_db, admin).accounts.replace_recovery_code(FAST_KDF)
    finally:
        admin_db.dispose()
    boss_db, boss_actor = open_database(target, "super", PASSWORD)
    try:
        new_code = services.build(boss_db, boss_actor).accounts.replace_recovery_code(
            FAST_KDF)
    finally:
        boss_db.dispose()
    assert new_code != old_code
    with pytest.raises(AuthenticationError):
        recover_account(target, old_code, "kaisa", "Uusi-Salainen-Lause-42", FAST_KDF)
    recover_account(target, new_code, "kaisa", "Uusi-Salainen-Lause-42", FAST_KDF)
    again, actor = open_database(target, "kaisa", "Uusi-Salainen-Lause-42")
    try:
        assert services.build(again, actor).cases.get_detail(
            case_id).support_sessions[0].notes == NOTE
    finally:
        again.dispose()
    # ... and both codes' events still verify (signatures included).
    checked, actor = open_database(target, "super", PASSWORD)
    try:
        report = services.build(checked, actor).audit.verify()
        assert report.ok, report.problem
    finally:
        checked.dispose()


def _plant(database: Database, keys: KeyFile) -> None:
    with database.writing() as db_session:
        database.save_keyfile(keys, db_session)


#: A content-key record as Suoja writes it: generation, signer, signature, check value.
SIGNED_RECORD = "7|user:{id}|{sig}|{check}"


def _care_key_of_leenas_choosing(database: Database, target: Target,
                                 forms: tuple[str, ...]) -> None:
    """Police liaison's script: a care key of her choosing made generation 7, sealed to
    every slot, and the care key's record pointed at it in each of ``forms`` in turn
    (``SIGNED_RECORD``: signed with her own signing key)."""
    from models.domain.entities import Meta, User
    from models.security.signatures import encode, generation_message, key_check
    from models.storage.keyfile import KEY_CARE

    chosen = b"\x07" * 32
    keys = load_key_slots(target)
    for slot in keys.slots:
        keys.grant(slot.kind, slot.name, KEY_CARE, 7, chosen)
    _plant(database, keys)
    leena = keys.unwrap(SLOT_USER, "leena", STRONG)
    assert leena.identity is not None
    with database.writing() as db_session:
        leena_id = db_session.scalar(select(User.id).where(User.username == "leena"))
        database_id = db_session.get(Meta, "database_id").value  # type: ignore[union-attr]
        signature = encode(leena.identity.signing.sign(generation_message(
            database_id, KEY_CARE, 7, key_check(chosen))))
        for value in forms:
            db_session.merge(Meta(key="key_generation:care", value=value.format(
                id=leena_id, sig=signature, check=key_check(chosen))))


@pytest.mark.both_databases
def test_a_content_key_of_an_insiders_choosing_is_refused(
        boss: services.Services, database: Database, target: Target,
        staff: dict[Role, str], case_id: int) -> None:
    """Police liaison, with the storage key and a script: makes a care key of her own
    choosing generation 7, seals it to every slot (public keys are public) and points the
    database at it, so that notes written afterwards would be under her key (review
    finding H-F). The record must be signed by an account whose role holds the key."""
    _care_key_of_leenas_choosing(database, target, forms=("7", SIGNED_RECORD))
    for username in ("kaisa", "super"):
        with pytest.raises(DataError, match="changed outside Suoja"):
            open_database(target, username, _password(username))


@pytest.mark.both_databases
def test_a_key_makers_role_is_the_one_its_signed_row_gave_not_one_set_since(
        boss: services.Services, database: Database, target: Target,
        staff: dict[Role, str], case_id: int) -> None:
    """Police liaison signs a care-key record of her own choosing, and between the check of
    her signed row (police liaison: no care key) and the check that the maker's role
    holds the key, a script sets her row to supervisor: the role that counts is the one
    her verified row named (from the review of the sign-in's partial check)."""
    from models.security.signatures import load_trust
    from models.storage import generations

    _care_key_of_leenas_choosing(database, target, forms=(SIGNED_RECORD,))
    with database.reading() as db_session:
        trust = load_trust(db_session)  # her row verifies, as police liaison
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE user_account SET role = 'supervisor' "
                                "WHERE username = 'leena'"))
    with pytest.raises(DataError, match="changed outside Suoja"):
        generations.check(database, Role.SUPERVISOR, trust)


@pytest.mark.both_databases
def test_a_grant_replaced_with_another_key_is_refused(
        database: Database, target: Target, staff: dict[Role, str], case_id: int) -> None:
    """Key-file access only: Kaisa's care grant swapped for one of a key someone else
    knows, so her new notes would be readable to them and to no colleague."""
    from models.storage.keyfile import KEY_CARE

    keys = load_key_slots(target)
    generation = next(g.generation for g in keys.grants
                      if (g.name, g.key) == ("kaisa", KEY_CARE))
    keys.grants = [g for g in keys.grants if (g.name, g.key) != ("kaisa", KEY_CARE)]
    keys.grant(SLOT_USER, "kaisa", KEY_CARE, generation, b"\x08" * 32)
    _plant(database, keys)
    with pytest.raises(DataError, match="other than the one in use"):
        open_database(target, "kaisa", STRONG)
    opened, _actor = open_database(target, "super", PASSWORD)  # colleagues unaffected
    opened.dispose()
