"""Key slots: Argon2id + AES-GCM wrapping of the data key."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from models.domain.errors import AuthenticationError, DataError
from models.storage.keyfile import (
    SLOT_RECOVERY,
    SLOT_USER,
    KdfParams,
    KeyFile,
    new_data_key,
    new_recovery_code,
    normalise_recovery_code,
)
from tests.conftest import FAST_KDF


def test_slot_round_trip_and_wrong_password() -> None:
    keys = KeyFile(database_id="db-1")
    data_key = new_data_key()
    keys.add_slot(SLOT_USER, "maria", "a long enough password", data_key, FAST_KDF)
    assert keys.unwrap(SLOT_USER, "maria", "a long enough password") == data_key
    with pytest.raises(AuthenticationError, match="Wrong username or password"):
        keys.unwrap(SLOT_USER, "maria", "a long enough passworD")
    with pytest.raises(AuthenticationError, match="Wrong username or password"):
        keys.unwrap(SLOT_USER, "nobody", "a long enough password")


def test_slot_is_bound_to_its_name_and_database() -> None:
    data_key = new_data_key()
    keys = KeyFile(database_id="db-1")
    keys.add_slot(SLOT_USER, "maria", "a long enough password", data_key, FAST_KDF)
    # Copying Maria's slot under another name must not give that name access.
    stolen = keys.slots[0]
    keys.slots.append(type(stolen)(SLOT_USER, "mallory", stolen.kdf, stolen.salt,
                                   stolen.nonce, stolen.wrapped_key))
    with pytest.raises(AuthenticationError):
        keys.unwrap(SLOT_USER, "mallory", "a long enough password")
    other_db = KeyFile(database_id="db-2", slots=[stolen])
    with pytest.raises(AuthenticationError):
        other_db.unwrap(SLOT_USER, "maria", "a long enough password")


def test_rewrap_replaces_the_old_password() -> None:
    data_key = new_data_key()
    keys = KeyFile(database_id="db-1")
    keys.add_slot(SLOT_USER, "maria", "the first password", data_key, FAST_KDF)
    keys.add_slot(SLOT_USER, "maria", "the second password", data_key, FAST_KDF)
    assert len(keys.slots) == 1
    assert keys.unwrap(SLOT_USER, "maria", "the second password") == data_key
    with pytest.raises(AuthenticationError):
        keys.unwrap(SLOT_USER, "maria", "the first password")


def test_recovery_code_is_forgiving_about_format() -> None:
    code = new_recovery_code()
    assert len(code.replace("-", "")) == 40
    keys = KeyFile(database_id="db-1")
    data_key = new_data_key()
    keys.add_slot(SLOT_RECOVERY, "recovery", code, data_key, FAST_KDF)
    typed = code.lower().replace("-", " ")
    assert keys.unwrap(SLOT_RECOVERY, "recovery", normalise_recovery_code(typed)) == data_key
    with pytest.raises(AuthenticationError, match="recovery code"):
        keys.unwrap(SLOT_RECOVERY, "recovery", normalise_recovery_code("A" * 40))


def test_saved_file_is_private_and_holds_no_secret(tmp_path: Path) -> None:
    data_key = new_data_key()
    keys = KeyFile(database_id="db-1")
    keys.add_slot(SLOT_USER, "maria", "a long enough password", data_key, FAST_KDF)
    path = tmp_path / "x.db.keys"
    keys.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert data_key not in raw and data_key.hex().encode() not in raw
    assert b"a long enough password" not in raw
    loaded = KeyFile.load(path)
    assert loaded.unwrap(SLOT_USER, "maria", "a long enough password") == data_key
    assert [p.name for p in tmp_path.iterdir()] == ["x.db.keys"]  # no temp file left


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
