"""Key slots: the database's data key, wrapped once per user and once for a recovery code.

Modelled on LUKS and KeePassXC. A random 256-bit *data key* opens the SQLCipher database.
It is never stored as such: the key file beside the database holds *slots*, each the data
key encrypted with AES-256-GCM under a key derived from one secret (a user's password or
the recovery code) with Argon2id. The slot's kind, name and the database id are bound in
as associated data, so a slot cannot be moved to another user or database unnoticed.
Changing a password rewraps one slot; the data key and the database stay as they are.

The key file is JSON, written atomically with owner-only permissions.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from models.domain.errors import AuthenticationError, DataError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.domain.private_files import write_private

KEYFILE_FORMAT = "suoja-keyfile"
KEYFILE_VERSION = 1
DATA_KEY_BYTES = 32
SLOT_USER = "user"
SLOT_RECOVERY = "recovery"
RECOVERY_SLOT_NAME = "recovery"

_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud safely


#: The Argon2id costs a key slot may ask for (read from a file anyone with write access
#: to the folder could edit). Below them Argon2id itself refuses (a traceback before);
#: above them one sign-in could take minutes or more memory than a workstation has (a
#: denial of service). The lowest is the tests' and the demo's cheap setting (8 MiB, one
#: pass): still memory-hard, and a slot's cost guards only its own password, so a cheap
#: slot weakens no other. The highest admits RFC 9106's first recommendation (2 GiB, one
#: pass) and its second (64 MiB, three passes) with room to raise both.
MIN_MEMORY_KIB = 8 * 1024
MAX_MEMORY_KIB = 2 * 1024 * 1024
MAX_TIME_COST = 10
MAX_PARALLELISM = 16
#: Passes × memory: 2 GiB × 4 passes at most (a few seconds on a workstation).
MAX_WORK_KIB = 4 * MAX_MEMORY_KIB
SALT_BYTES = 16
NONCE_BYTES = 12


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost settings, stored in each slot so they can be raised later.

    The defaults follow RFC 9106's second recommendation (64 MiB, 3 passes), which
    takes a few hundred milliseconds here: slow for a guesser, unnoticeable at login.
    """

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2

    def within_bounds(self) -> bool:
        """Whether these costs lie between the lowest and highest a key slot may ask for."""
        return (1 <= self.time_cost <= MAX_TIME_COST
                and MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
                and 1 <= self.parallelism <= MAX_PARALLELISM
                and self.time_cost * self.memory_kib <= MAX_WORK_KIB)

    def derive(self, secret: str, salt: bytes) -> bytes:
        """Derive a 256-bit wrapping key from ``secret``."""
        return hash_secret_raw(
            secret.encode("utf-8"),
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=32,
            type=Type.ID,
        )


@dataclass
class KeySlot:
    """One wrapped copy of the data key."""

    kind: str
    name: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "kdf": {"algorithm": "argon2id", **asdict(self.kdf)},
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> KeySlot:
        """A slot as stored.

        Raises:
            ValueError: not a slot Suoja wrote (missing or malformed fields).
            _CostOutOfBounds: its Argon2id costs are outside the bounds above.
        """
        kdf = dict(raw["kdf"])
        if kdf.pop("algorithm") != "argon2id":
            raise ValueError("unknown KDF")
        if set(kdf) != {"time_cost", "memory_kib", "parallelism"} or not all(
                type(value) is int for value in kdf.values()):
            raise ValueError("KDF settings")
        slot = cls(
            kind=str(raw["kind"]),
            name=str(raw["name"]),
            kdf=KdfParams(**kdf),
            salt=_unb64(raw["salt"]),
            nonce=_unb64(raw["nonce"]),
            wrapped_key=_unb64(raw["wrapped_key"]),
        )
        if not slot.kdf.within_bounds():
            raise _CostOutOfBounds
        if len(slot.salt) != SALT_BYTES or len(slot.nonce) != NONCE_BYTES:
            raise ValueError("salt or nonce")
        return slot


@dataclass
class KeyFile:
    """The key slots of one database.

    Attributes:
        database_id: random id shared with the database's ``suoja_meta`` table, so a key
            file and a database that do not belong together are told apart.
    """

    database_id: str
    slots: list[KeySlot] = field(default_factory=list)

    # -- slots ---------------------------------------------------------------------

    def add_slot(
        self, kind: str, name: str, secret: str, data_key: bytes, kdf: KdfParams | None = None
    ) -> None:
        """Wrap ``data_key`` under ``secret``, replacing any slot of the same kind and name."""
        self.put_slot(self.wrap(kind, name, secret, data_key, kdf))

    def wrap(
        self, kind: str, name: str, secret: str, data_key: bytes, kdf: KdfParams | None = None
    ) -> KeySlot:
        """A new slot for this key file, not yet added (the slow Argon2id step, alone)."""
        kdf = kdf or KdfParams()
        if not kdf.within_bounds():
            raise ValueError("Argon2id costs outside the bounds a key slot may have")
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        wrapping_key = kdf.derive(secret, salt)
        wrapped = AESGCM(wrapping_key).encrypt(nonce, data_key, self._aad(kind, name))
        return KeySlot(kind, name, kdf, salt, nonce, wrapped)

    def put_slot(self, slot: KeySlot) -> None:
        """Add a slot made by :meth:`wrap`, replacing any of the same kind and name."""
        self.remove_slot(slot.kind, slot.name)
        self.slots.append(slot)

    def remove_slot(self, kind: str, name: str) -> None:
        self.slots = [s for s in self.slots if (s.kind, s.name) != (kind, name)]

    def has_slot(self, kind: str, name: str) -> bool:
        return any((s.kind, s.name) == (kind, name) for s in self.slots)

    def unwrap(self, kind: str, name: str, secret: str) -> bytes:
        """Return the data key.

        Raises:
            AuthenticationError: no such slot, or the secret is wrong. The two are not
                told apart, so the error does not reveal which usernames exist.
        """
        slot = next((s for s in self.slots if (s.kind, s.name) == (kind, name)), None)
        if slot is None:
            # Spend the same effort as a real attempt, so timing does not tell either.
            KdfParams().derive(secret, b"\0" * SALT_BYTES)
            raise AuthenticationError(_(_WRONG_SECRET[kind]))
        wrapping_key = slot.kdf.derive(secret, slot.salt)
        try:
            return AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped_key, self._aad(kind, name))
        except InvalidTag:
            raise AuthenticationError(_(_WRONG_SECRET[kind])) from None

    def _aad(self, kind: str, name: str) -> bytes:
        return f"{KEYFILE_FORMAT}/{KEYFILE_VERSION}|{self.database_id}|{kind}|{name}".encode()

    # -- storage -------------------------------------------------------------------

    def to_document(self) -> str:
        """The key file's JSON text (also what a PostgreSQL server stores in a row)."""
        return json.dumps({
            "format": KEYFILE_FORMAT,
            "version": KEYFILE_VERSION,
            "database_id": self.database_id,
            "slots": [slot.to_json() for slot in self.slots],
        }, indent=2)

    def save(self, path: Path) -> None:
        """Write atomically: a crash leaves either the old or the new file, never half."""
        # Owner-only, created new beside ``path``, flushed, renamed over it.
        write_private(path, self.to_document().encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read a key file.

        Raises:
            DataError: the file is missing, or it is not a Suoja key file.
        """
        try:
            text = path.read_bytes()
        except FileNotFoundError:
            raise DataError(_(
                "The key file {name} beside the database is missing, "
                "so the database cannot be opened."
            ).format(name=path.name)) from None
        except OSError:
            raise DataError(_(_NOT_A_KEY_FILE).format(name=path.name)) from None
        return cls.from_document(text, path.name)

    @classmethod
    def from_document(cls, text: str | bytes, name: str | None = None) -> KeyFile:
        """Parse a key file's JSON text.

        Raises:
            DataError: it is not a Suoja key file (``name`` says which in the message:
                a file's name, or a translated phrase such as "The server's key store";
                by default "The key store").
        """
        where = name or _("The key store")
        try:
            raw = json.loads(text)
            if raw["format"] != KEYFILE_FORMAT or raw["version"] != KEYFILE_VERSION:
                raise ValueError("format")
            return cls(
                database_id=str(raw["database_id"]),
                slots=[KeySlot.from_json(slot) for slot in raw["slots"]],
            )
        except _CostOutOfBounds:
            raise DataError(_(
                "{name} has a key slot whose cost settings are outside what Suoja accepts, "
                "so none of its key slots is used."
            ).format(name=where)) from None
        except (KeyError, TypeError, ValueError, AttributeError):
            raise DataError(_(_NOT_A_KEY_FILE).format(name=where)) from None


class _CostOutOfBounds(ValueError):
    """A slot's Argon2id costs are outside the bounds (told apart from other damage)."""


_WRONG_SECRET = {
    SLOT_USER: N_("Wrong username or password."),
    SLOT_RECOVERY: N_("The recovery code is not correct."),
}
_NOT_A_KEY_FILE = N_("{name} is not a Suoja key file.")


def new_data_key() -> bytes:
    """A fresh random 256-bit database key."""
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_recovery_code() -> str:
    """A recovery code of 8 groups of 5 characters (200 bits), easy to read and type."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _position in range(40))
    return "-".join(chars[i : i + 5] for i in range(0, 40, 5))


def normalise_recovery_code(code: str) -> str:
    """Accept the code with or without dashes, spaces or lower case."""
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(compact[i : i + 5] for i in range(0, len(compact), 5))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
