"""Key slots (key pairs wrapped under Argon2id + AES-GCM) and key grants (keys sealed to
a slot's X25519 public key)."""

from __future__ import annotations

import base64
import dataclasses
import json
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from models.domain.errors import AuthenticationError, DataError
from models.domain.sealed import FieldCipher
from models.storage.keyfile import (
    KEY_CARE,
    KEY_CASE,
    KEY_STORAGE,
    SLOT_RECOVERY,
    SLOT_USER,
    KdfParams,
    KeyFile,
    new_data_key,
    new_recovery_code,
    normalise_recovery_code,
)
from tests.conftest import FAST_KDF


def _held(data_key: bytes) -> dict[tuple[str, int], bytes]:
    return {(KEY_STORAGE, 1): data_key}


def test_slot_round_trip_and_wrong_password() -> None:
    keys = KeyFile(database_id="db-1")
    data_key = new_data_key()
    keys.add_slot(SLOT_USER, "maria", "a long enough password", _held(data_key), FAST_KDF)
    keyring = keys.unwrap(SLOT_USER, "maria", "a long enough password")
    assert keyring.get(KEY_STORAGE, 1) == data_key and keyring.identity is not None
    with pytest.raises(AuthenticationError, match="Wrong username or password"):
        keys.unwrap(SLOT_USER, "maria", "a long enough passworD")
    with pytest.raises(AuthenticationError, match="Wrong username or password"):
        keys.unwrap(SLOT_USER, "nobody", "a long enough password")


def test_slot_is_bound_to_its_name_and_database() -> None:
    data_key = new_data_key()
    keys = KeyFile(database_id="db-1")
    keys.add_slot(SLOT_USER, "maria", "a long enough password", _held(data_key), FAST_KDF)
    # Copying Maria's slot under another name must not give that name access.
    stolen = keys.slots[0]
    keys.slots.append(dataclasses.replace(stolen, name="mallory"))
    with pytest.raises(AuthenticationError):
        keys.unwrap(SLOT_USER, "mallory", "a long enough password")
    other_db = KeyFile(database_id="db-2", slots=[stolen], grants=list(keys.grants))
    with pytest.raises(AuthenticationError):
        other_db.unwrap(SLOT_USER, "maria", "a long enough password")


def test_a_grant_opens_only_for_its_account_key_and_generation() -> None:
    keys = KeyFile(database_id="db-1")
    keys.add_slot(SLOT_USER, "maria", "a long enough password", {}, FAST_KDF)
    keys.add_slot(SLOT_USER, "pekka", "another long password", {}, FAST_KDF)
    care = new_data_key()
    # Granted without Maria's password: her public key is enough.
    keys.grant(SLOT_USER, "maria", KEY_CARE, 3, care)
    assert keys.unwrap(SLOT_USER, "maria", "a long enough password").get(KEY_CARE, 3) == care
    assert keys.unwrap(SLOT_USER, "pekka", "another long password").secrets == {}
    grant = keys.grants[0]
    # Moved to Pekka, relabelled as another key or generation: it opens nothing.
    for forged in (dataclasses.replace(grant, name="pekka"),
                   dataclasses.replace(grant, key=KEY_CASE),
                   dataclasses.replace(grant, generation=4)):
        keys.grants = [forged]
        opened = keys.unwrap(SLOT_USER, forged.name,
                             "another long password" if forged.name == "pekka"
                             else "a long enough password")
        assert opened.secrets == {}


def test_a_new_password_keeps_the_key_pairs_and_a_reset_drops_the_grants() -> None:
    data_key = new_data_key()
    keys = KeyFile(database_id="db-1")
    identity = keys.add_slot(SLOT_USER, "maria", "the first password", _held(data_key),
                             FAST_KDF)
    rewrapped, _same = keys.new_slot(SLOT_USER, "maria", "the second password", FAST_KDF,
                                     identity)
    keys.put_slot(rewrapped)
    assert len(keys.slots) == 1
    assert keys.unwrap(SLOT_USER, "maria", "the second password").get(KEY_STORAGE, 1) == data_key
    with pytest.raises(AuthenticationError):
        keys.unwrap(SLOT_USER, "maria", "the first password")
    reset, _new = keys.new_slot(SLOT_USER, "maria", "a third password", FAST_KDF)
    keys.put_slot(reset)  # new key pairs: what was sealed to the old ones is gone
    assert keys.grants == []
    assert keys.unwrap(SLOT_USER, "maria", "a third password").secrets == {}


def test_recovery_code_is_forgiving_about_format() -> None:
    code = new_recovery_code()
    assert len(code.replace("-", "")) == 40
    keys = KeyFile(database_id="db-1")
    data_key = new_data_key()
    keys.add_slot(SLOT_RECOVERY, "recovery", code, _held(data_key), FAST_KDF)
    typed = code.lower().replace("-", " ")
    opened = keys.unwrap(SLOT_RECOVERY, "recovery", normalise_recovery_code(typed))
    assert opened.get(KEY_STORAGE, 1) == data_key
    with pytest.raises(AuthenticationError, match="recovery code"):
        keys.unwrap(SLOT_RECOVERY, "recovery", normalise_recovery_code("A" * 40))


def test_saved_file_is_private_and_holds_no_secret(tmp_path: Path) -> None:
    data_key = new_data_key()
    keys = KeyFile(database_id="db-1")
    keys.add_slot(SLOT_USER, "maria", "a long enough password", _held(data_key), FAST_KDF)
    path = tmp_path / "x.db.keys"
    keys.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert data_key not in raw and data_key.hex().encode() not in raw
    assert base64.b64encode(data_key) not in raw
    assert b"a long enough password" not in raw
    loaded = KeyFile.load(path)
    assert loaded.unwrap(SLOT_USER, "maria", "a long enough password").get(
        KEY_STORAGE, 1) == data_key
    assert [p.name for p in tmp_path.iterdir()] == ["x.db.keys"]  # no temp file left


def test_a_version_1_slot_opens_as_generation_0(tmp_path: Path) -> None:
    """A key file from before key pairs: the password unwraps the data key itself, which
    stands for generation 0 of the storage and chain keys, and the content keys the
    sealed values had then."""
    data_key = new_data_key()
    salt, nonce = b"s" * 16, b"n" * 12
    wrapping = FAST_KDF.derive("a long enough password", salt)
    wrapped = AESGCM(wrapping).encrypt(nonce, data_key, b"suoja-keyfile/1|db-1|user|maria")
    path = tmp_path / "old.db.keys"
    path.write_text(json.dumps({"format": "suoja-keyfile", "version": 1,
                                "database_id": "db-1", "slots": [{
                                    "kind": "user", "name": "maria",
                                    "kdf": {"algorithm": "argon2id", "time_cost": 1,
                                            "memory_kib": 8192, "parallelism": 1},
                                    "salt": base64.b64encode(salt).decode(),
                                    "nonce": base64.b64encode(nonce).decode(),
                                    "wrapped_key": base64.b64encode(wrapped).decode()}]}))
    keyring = KeyFile.load(path).unwrap(SLOT_USER, "maria", "a long enough password")
    assert keyring.identity is None
    assert keyring.get(KEY_STORAGE, 0) == data_key
    cipher = FieldCipher(keyring.get(KEY_CARE, 0), keyring.get(KEY_CASE, 0))
    sealed = FieldCipher.from_data_key(data_key).seal("support_session", "notes", 1, 1, "x")
    assert cipher.open("support_session", "notes", 1, 1, sealed) == "x"


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b'{"format": "other"}', json.dumps({"format": "suoja-keyfile"}).encode()],
)
def test_foreign_or_damaged_key_file_is_a_data_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.db.keys"
    path.write_bytes(content)
    with pytest.raises(DataError, match="not a Suoja key file"):
        KeyFile.load(path)


def test_missing_key_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="x.db.keys .* missing"):
        KeyFile.load(tmp_path / "x.db.keys")


def test_production_kdf_is_argon2id_with_real_cost() -> None:
    params = KdfParams()
    assert params.memory_kib >= 64 * 1024 and params.time_cost >= 3
