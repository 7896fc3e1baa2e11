"""Key slots and key grants: which account holds which of the database's keys.

Modelled on LUKS, age and Keybase's per-team keys. A database has five kinds of key,
each a random 256-bit secret with a *generation* (a new one at every rotation):

* ``storage`` opens the SQLCipher file (on a server it is only ever held, not used);
* ``chain`` keys the audit chain's MAC and the searched values' MAC (never rotated);
* ``care`` seals session notes (counsellors and supervisors);
* ``case`` seals extortion messages and evidence (also police liaison);
* ``authority`` is the Ed25519 seed that signs account rows (supervisors and
  administrators).

No key is stored as such. Each account has a *slot*: an X25519 key pair (for receiving
keys) and an Ed25519 key pair (for signing its audit events), the private halves wrapped
with AES-256-GCM under Argon2id(password), the public halves in the clear. A *grant* is
one key of one generation sealed to one slot's X25519 public key (ephemeral X25519,
HKDF-SHA256, AES-256-GCM), so anyone holding a key can give it to another account
without that account's password, and an account gets only the keys its role needs
(:data:`ROLE_KEYS`). The recovery code has a slot of its own and holds every key.

Kind, name, key, generation, database id and the public keys are bound in as associated
data, so nothing can be moved to another account, key or database unnoticed. Changing
one's own password rewraps one slot; revocation (``models.storage.rotation``) makes new
generations and grants them only to the accounts that remain.

Version 1 files (one password-wrapped data key per user) are still read: such a slot is
turned into a version 2 slot at its owner's next sign-in, holding *generation 0*, whose
content keys are derived from the old data key (see :meth:`Keyring.legacy`).

The key file is JSON, written atomically with owner-only permissions.
"""

from __future__ import annotations

import array
import base64
import binascii
import bisect
import datetime as dt
import json
import secrets
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from models.domain.errors import AuthenticationError, DataError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.domain.private_files import write_private

KEYFILE_FORMAT = "suoja-keyfile"
KEYFILE_VERSION = 2
LEGACY_VERSION = 1
DATA_KEY_BYTES = 32
SLOT_USER = "user"
SLOT_RECOVERY = "recovery"
RECOVERY_SLOT_NAME = "recovery"

KEY_STORAGE = "storage"
KEY_CHAIN = "chain"
KEY_CARE = "care"
KEY_CASE = "case"
KEY_AUTHORITY = "authority"
ALL_KEYS = frozenset({KEY_STORAGE, KEY_CHAIN, KEY_CARE, KEY_CASE, KEY_AUTHORITY})
#: Which keys each role holds (by the role's value, as stored). An administrator holds
#: no content key: session notes, messages and evidence stay closed to them.
ROLE_KEYS: dict[str, frozenset[str]] = {
    "counsellor": frozenset({KEY_STORAGE, KEY_CHAIN, KEY_CARE, KEY_CASE}),
    "supervisor": ALL_KEYS,
    "police_liaison": frozenset({KEY_STORAGE, KEY_CHAIN, KEY_CASE}),
    "administrator": frozenset({KEY_STORAGE, KEY_CHAIN, KEY_AUTHORITY}),
}
#: Keys that are never rotated (the chain's MACs must stay checkable from event one).
FIXED_KEYS = frozenset({KEY_CHAIN})

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
#: A key file of a thousand accounts with their grants is under 2 MB; a bigger one was
#: not written by Suoja (and is not parsed).
MAX_KEYFILE_BYTES = 16 * 1024 * 1024


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


def _x25519_public(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _ed25519_public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class Identity:
    """An account's private keys, once its password has unwrapped them."""

    box: X25519PrivateKey
    signing: Ed25519PrivateKey

    @classmethod
    def new(cls) -> Identity:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate())

    def with_new_box(self) -> Identity:
        """A new X25519 key pair, the same signing key (one's own password change: an
        old password with an old copy of the slot must open no grant made after it)."""
        return Identity(X25519PrivateKey.generate(), self.signing)

    @property
    def box_public(self) -> bytes:
        return _x25519_public(self.box)

    @property
    def signing_public(self) -> bytes:
        return _ed25519_public(self.signing)

    def raw(self) -> bytes:
        return (self.box.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
                + self.signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))

    @classmethod
    def from_raw(cls, raw: bytes) -> Identity:
        if len(raw) != 64:
            raise ValueError("identity")
        return cls(X25519PrivateKey.from_private_bytes(raw[:32]),
                   Ed25519PrivateKey.from_private_bytes(raw[32:]))


@dataclass
class KeySlot:
    """One account's key pairs, the private halves wrapped under its password.

    Version 1 slots (``legacy``) hold the data key itself in ``wrapped_key`` and have no
    public keys.
    """

    kind: str
    name: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    box_public: bytes = b""
    signing_public: bytes = b""

    @property
    def legacy(self) -> bool:
        return not self.box_public

    def to_json(self) -> dict[str, Any]:
        document = {
            "kind": self.kind,
            "name": self.name,
            "kdf": {"algorithm": "argon2id", **asdict(self.kdf)},
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }
        if not self.legacy:
            document["box_public"] = _b64(self.box_public)
            document["signing_public"] = _b64(self.signing_public)
        return document

    @classmethod
    def from_json(cls, raw: dict[str, Any], *, legacy: bool = False) -> KeySlot:
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
            box_public=b"" if legacy else _unb64(raw["box_public"]),
            signing_public=b"" if legacy else _unb64(raw["signing_public"]),
        )
        if not slot.kdf.within_bounds():
            raise _CostOutOfBounds
        if len(slot.salt) != SALT_BYTES or len(slot.nonce) != NONCE_BYTES:
            raise ValueError("salt or nonce")
        if not legacy and (len(slot.box_public) != 32 or len(slot.signing_public) != 32):
            raise ValueError("public keys")
        return slot


@dataclass
class Grant:
    """One key of one generation, sealed to one slot's X25519 public key."""

    kind: str
    name: str
    key: str
    generation: int
    ephemeral: bytes
    nonce: bytes
    sealed: bytes

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "key": self.key,
                "generation": self.generation, "ephemeral": _b64(self.ephemeral),
                "nonce": _b64(self.nonce), "sealed": _b64(self.sealed)}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Grant:
        grant = cls(kind=str(raw["kind"]), name=str(raw["name"]), key=str(raw["key"]),
                    generation=raw["generation"], ephemeral=_unb64(raw["ephemeral"]),
                    nonce=_unb64(raw["nonce"]), sealed=_unb64(raw["sealed"]))
        if (grant.key not in ALL_KEYS or type(grant.generation) is not int
                or grant.generation < 0 or len(grant.ephemeral) != 32
                or len(grant.nonce) != NONCE_BYTES):
            raise ValueError("grant")
        return grant


@dataclass
class Keyring:
    """What one account's secret opened: its identity and the keys granted to it.

    Attributes:
        identity: the account's private keys (``None`` for a version 1 slot, which has
            none until it is upgraded at sign-in).
        secrets: ``(key, generation) -> secret`` for every grant the account holds.
    """

    kind: str
    name: str
    identity: Identity | None
    secrets: dict[tuple[str, int], bytes] = field(default_factory=dict)

    @classmethod
    def legacy(cls, kind: str, name: str, data_key: bytes) -> Keyring:
        """Generation 0: what a version 1 data key stands for. The SQLCipher key and the
        chain's key are the data key itself, and both content keys are the one key the
        sealed values had before content keys per role existed, so nothing needs
        re-sealing to upgrade (and nothing is separated until the first rotation)."""
        content = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                       info=b"suoja sealed fields v1").derive(data_key)
        return cls(kind, name, None, {
            (KEY_STORAGE, 0): data_key, (KEY_CHAIN, 0): data_key,
            (KEY_CARE, 0): content, (KEY_CASE, 0): content,
        })

    def get(self, key: str, generation: int) -> bytes | None:
        return self.secrets.get((key, generation))

    def generations(self, key: str) -> list[int]:
        """The generations of ``key`` held, newest first."""
        return sorted((gen for name, gen in self.secrets if name == key), reverse=True)

    @property
    def storage(self) -> bytes:
        """The newest storage key held (b"" for none): what a file made since opens with."""
        latest = self.latest(KEY_STORAGE)
        return latest[1] if latest else b""

    def latest(self, key: str) -> tuple[int, bytes] | None:
        held = self.generations(key)
        return (held[0], self.secrets[(key, held[0])]) if held else None


@dataclass(frozen=True)
class ErasureEntry:
    """One line of the erasure ledger (``models.storage.erasure``): a case erased, when,
    and by whom, signed. Nothing personal.

    Attributes:
        case_id: the case.
        created: the case's creation time in microseconds since 1970 (UTC): a case id
            used again in a copy restored from before the erasure is another case.
        erased_on: the day of the erasure.
        signer: the erasing account (``user:<id>``, as audit events name their signer).
        signature: its Ed25519 signature over the database id and the fields above.
    """

    case_id: int
    created: int
    erased_on: dt.date
    signer: str
    signature: str

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case_id, "created": self.created,
                "on": self.erased_on.isoformat(), "by": self.signer, "sig": self.signature}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> ErasureEntry:
        case_id, created = raw["case"], raw["created"]
        signer, signature = raw["by"], raw["sig"]
        if (type(case_id) is not int or case_id < 1 or type(created) is not int
                or not isinstance(signer, str) or len(signer) > 40
                or not isinstance(signature, str) or len(signature) > 100):
            raise ValueError("erasure entry")
        return cls(case_id, created, dt.date.fromisoformat(str(raw["on"])), signer,
                   signature)


@dataclass
class KeyFile:
    """The key slots and grants of one database, and its erasure ledger.

    Attributes:
        database_id: random id shared with the database's ``suoja_meta`` table, so a key
            file and a database that do not belong together are told apart.
        erasures: the erasure ledger (``models.storage.erasure``): kept here as well as in
            the database so that a restored older copy can be brought up to date.
        victim_keys: case id -> that case's victim key (``models.domain.sealed``: mixed
            into the content keys of its sealed values, destroyed when it is erased).
            Not secret on its own: useless without the care or case key. Stored as one
            compact blob (:class:`StoredVictimKeys`), checked when the file is read and
            made a dict only when first used: a sign-in reads the key file several times
            and needs the 40,000 keys of a Vastaamo-sized database once.
    """

    database_id: str
    slots: list[KeySlot] = field(default_factory=list)
    grants: list[Grant] = field(default_factory=list)
    erasures: list[ErasureEntry] = field(default_factory=list)
    stored_victim_keys: StoredVictimKeys = field(
        default_factory=lambda: StoredVictimKeys(b""), repr=False, compare=False)
    _victim_keys: dict[int, bytes] | None = field(default=None, repr=False, compare=False)

    @property
    def victim_keys(self) -> dict[int, bytes]:
        """The victim keys (made from the stored blob when first used; changes to the
        dict are what :meth:`to_document` writes)."""
        if self._victim_keys is None:
            self._victim_keys = self.stored_victim_keys.decode()
        return self._victim_keys

    @victim_keys.setter
    def victim_keys(self, keys: dict[int, bytes]) -> None:
        self._victim_keys = dict(keys)

    def holds_victim_key_of(self, case_ids: Iterable[int]) -> bool:
        """Whether any of ``case_ids`` has a victim key here (without making the dict)."""
        if self._victim_keys is not None:
            return any(case_id in self._victim_keys for case_id in case_ids)
        return self.stored_victim_keys.holds_any(case_ids)

    def destroy_victim_keys(self, case_ids: Iterable[int]) -> set[int]:
        """Take the victim keys of ``case_ids`` out (not saved); the cases whose key
        was here."""
        wanted = set(case_ids)
        if not wanted:
            return set()
        keys = self.victim_keys
        return {case_id for case_id in wanted if keys.pop(case_id, None) is not None}

    # -- slots ---------------------------------------------------------------------

    def new_slot(self, kind: str, name: str, secret: str, kdf: KdfParams | None = None,
                 identity: Identity | None = None) -> tuple[KeySlot, Identity]:
        """A slot for a new key pair (or ``identity``'s, rewrapped under a new secret),
        not yet added: the slow Argon2id step, alone."""
        kdf = kdf or KdfParams()
        if not kdf.within_bounds():
            raise ValueError("Argon2id costs outside the bounds a key slot may have")
        identity = identity or Identity.new()
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        slot = KeySlot(kind, name, kdf, salt, nonce, b"", identity.box_public,
                       identity.signing_public)
        wrapping_key = kdf.derive(secret, salt)
        slot.wrapped_key = AESGCM(wrapping_key).encrypt(nonce, identity.raw(), self._aad(slot))
        return slot, identity

    def put_slot(self, slot: KeySlot) -> None:
        """Add a slot, replacing any of the same kind and name. A slot with new key
        pairs loses the old one's grants (they were sealed to the old public key)."""
        old = self.slot(slot.kind, slot.name)
        if old is not None and old.box_public != slot.box_public:
            self.revoke(slot.kind, slot.name)
        self.slots = [s for s in self.slots if (s.kind, s.name) != (slot.kind, slot.name)]
        self.slots.append(slot)

    def add_slot(self, kind: str, name: str, secret: str, secrets_: dict[tuple[str, int], bytes],
                 kdf: KdfParams | None = None) -> Identity:
        """A new slot for ``name`` holding ``secrets_`` (tests and ``init``)."""
        slot, identity = self.new_slot(kind, name, secret, kdf)
        self.put_slot(slot)
        for (key, generation), value in secrets_.items():
            self.grant(kind, name, key, generation, value)
        return identity

    def slot(self, kind: str, name: str) -> KeySlot | None:
        return next((s for s in self.slots if (s.kind, s.name) == (kind, name)), None)

    def has_slot(self, kind: str, name: str) -> bool:
        return self.slot(kind, name) is not None

    def unwrap(self, kind: str, name: str, secret: str) -> Keyring:
        """Open ``name``'s slot with ``secret``: its identity and every key granted to it.

        Raises:
            AuthenticationError: no such slot, or the secret is wrong. The two are not
                told apart, so the error does not reveal which usernames exist.
        """
        slot = self.slot(kind, name)
        if slot is None:
            # Spend the same effort as a real attempt (at the costs this file's slots
            # have), so timing does not tell either.
            cost = self.slots[0].kdf if self.slots else KdfParams()
            cost.derive(secret, b"\0" * SALT_BYTES)
            raise AuthenticationError(_(_WRONG_SECRET[kind]))
        wrapping_key = slot.kdf.derive(secret, slot.salt)
        try:
            raw = AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped_key, self._aad(slot))
        except InvalidTag:
            raise AuthenticationError(_(_WRONG_SECRET[kind])) from None
        if slot.legacy:
            return Keyring.legacy(kind, name, raw)
        try:
            identity = Identity.from_raw(raw)
        except ValueError:
            raise DataError(_(_NOT_A_KEY_FILE).format(name=_("The key store"))) from None
        if identity.box_public != slot.box_public or (
                identity.signing_public != slot.signing_public):
            raise DataError(_(_NOT_A_KEY_FILE).format(name=_("The key store")))
        return Keyring(kind, name, identity, self.open_grants(kind, name, identity))

    def open_grants(self, kind: str, name: str, identity: Identity) -> dict[tuple[str, int], bytes]:
        """Every key granted to ``name``'s slot, opened with its identity (which its
        password unwrapped): ``(key, generation) -> secret``. Grants made since the
        password was typed (a rotation elsewhere) open too."""
        slot = self.slot(kind, name)
        if slot is None or slot.box_public != identity.box_public:
            return {}
        opened: dict[tuple[str, int], bytes] = {}
        for grant in self.grants:
            if (grant.kind, grant.name) == (kind, name):
                value = self._open_grant(grant, identity.box)
                if value is not None and len(value) == DATA_KEY_BYTES:
                    opened[(grant.key, grant.generation)] = value
        return opened

    # -- grants --------------------------------------------------------------------

    def grant(self, kind: str, name: str, key: str, generation: int, value: bytes) -> None:
        """Seal ``value`` (``key`` of ``generation``) to ``name``'s slot, replacing any
        earlier grant of the same key and generation to it."""
        slot = self.slot(kind, name)
        if slot is None or slot.legacy:
            raise ValueError("no key pair to grant to")
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = _x25519_public(ephemeral)
        nonce = secrets.token_bytes(NONCE_BYTES)
        wrapping = self._grant_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(
            slot.box_public)), ephemeral_public, slot.box_public)
        grant = Grant(kind, name, key, generation, ephemeral_public, nonce, b"")
        grant.sealed = AESGCM(wrapping).encrypt(nonce, value, self._grant_aad(grant, slot))
        self.grants = [g for g in self.grants
                       if (g.kind, g.name, g.key, g.generation) != (kind, name, key, generation)]
        self.grants.append(grant)

    def _open_grant(self, grant: Grant, box: X25519PrivateKey) -> bytes | None:
        slot = self.slot(grant.kind, grant.name)
        assert slot is not None
        try:
            wrapping = self._grant_key(
                box.exchange(X25519PublicKey.from_public_bytes(grant.ephemeral)),
                grant.ephemeral, slot.box_public)
            return AESGCM(wrapping).decrypt(grant.nonce, grant.sealed,
                                            self._grant_aad(grant, slot))
        except (InvalidTag, ValueError):
            return None  # altered or moved: as if it were not there

    @staticmethod
    def _grant_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32,
                    salt=ephemeral_public + recipient_public,
                    info=b"suoja key grant v2").derive(shared)

    def _grant_aad(self, grant: Grant, slot: KeySlot) -> bytes:
        return (f"{KEYFILE_FORMAT}/{KEYFILE_VERSION}|grant|{self.database_id}|{grant.kind}|"
                f"{grant.name}|{grant.key}|{grant.generation}|").encode() + slot.box_public

    def revoke(self, kind: str, name: str) -> None:
        """Take every grant from ``name`` (its slot stays: its password still proves who
        it is, but opens nothing)."""
        self.grants = [g for g in self.grants if (g.kind, g.name) != (kind, name)]

    def forget_generations(self, key: str, below: int) -> None:
        """Drop every grant of ``key`` older than generation ``below``."""
        self.grants = [g for g in self.grants if g.key != key or g.generation >= below]

    def generations(self, key: str) -> list[int]:
        """The generations of ``key`` granted to anyone, newest first."""
        return sorted({g.generation for g in self.grants if g.key == key}, reverse=True)

    def holders(self, key: str, generation: int) -> set[tuple[str, str]]:
        return {(g.kind, g.name) for g in self.grants
                if g.key == key and g.generation == generation}

    def _aad(self, slot: KeySlot) -> bytes:
        if slot.legacy:
            return (f"{KEYFILE_FORMAT}/{LEGACY_VERSION}|{self.database_id}|{slot.kind}|"
                    f"{slot.name}").encode()
        return (f"{KEYFILE_FORMAT}/{KEYFILE_VERSION}|{self.database_id}|{slot.kind}|"
                f"{slot.name}|").encode() + slot.box_public + slot.signing_public

    # -- storage -------------------------------------------------------------------

    def to_document(self) -> str:
        """The key file's JSON text (also what a PostgreSQL server stores in a row)."""
        document = json.dumps({
            "format": KEYFILE_FORMAT,
            "version": KEYFILE_VERSION,
            "database_id": self.database_id,
            "slots": [slot.to_json() for slot in self.slots if not slot.legacy],
            "grants": [grant.to_json() for grant in self.grants],
            "legacy_slots": [slot.to_json() for slot in self.slots if slot.legacy],
            "erasures": [entry.to_json() for entry in self.erasures],
        }, indent=2)
        # The victim keys last, one base64 string (about 54 bytes a case); as read when
        # nobody used them (no dict made).
        stored = (self.stored_victim_keys if self._victim_keys is None
                  else StoredVictimKeys.encode(self._victim_keys))
        return document[:-2] + ',\n  "victim_keys": "' + stored.text() + '"\n}'

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
            with path.open("rb") as handle:
                text = handle.read(MAX_KEYFILE_BYTES + 1)
        except FileNotFoundError:
            raise DataError(_(
                "The key file {name} beside the database is missing, "
                "so the database cannot be opened."
            ).format(name=path.name)) from None
        except OSError:
            raise DataError(_(_NOT_A_KEY_FILE).format(name=path.name)) from None
        if len(text) > MAX_KEYFILE_BYTES:
            raise DataError(_(_NOT_A_KEY_FILE).format(name=path.name))
        return cls.from_document(text, path.name)

    @classmethod
    def from_document(cls, text: str | bytes, name: str | None = None) -> KeyFile:
        """Parse a key file's JSON text (version 2, or version 1's slots as legacy ones).

        Raises:
            DataError: it is not a Suoja key file (``name`` says which in the message:
                a file's name, or a translated phrase such as "The server's key store";
                by default "The key store").
        """
        where = name or _("The key store")
        try:
            raw = json.loads(text)
            if raw["format"] != KEYFILE_FORMAT or raw["version"] not in (
                    LEGACY_VERSION, KEYFILE_VERSION):
                raise ValueError("format")
            if raw["version"] == LEGACY_VERSION:
                return cls(database_id=str(raw["database_id"]),
                           slots=[KeySlot.from_json(s, legacy=True) for s in raw["slots"]])
            keys = cls(
                database_id=str(raw["database_id"]),
                slots=[KeySlot.from_json(slot) for slot in raw["slots"]]
                + [KeySlot.from_json(slot, legacy=True) for slot in raw["legacy_slots"]],
                grants=[Grant.from_json(grant) for grant in raw["grants"]],
                # Absent in files written before the ledger existed.
                erasures=[ErasureEntry.from_json(entry) for entry in raw.get("erasures", [])],
                # Absent in files written before victim keys existed.
                stored_victim_keys=StoredVictimKeys.parse(raw.get("victim_keys", "")),
            )
            if any(keys.slot(g.kind, g.name) is None for g in keys.grants):
                raise ValueError("grant without a slot")
            # Two slots for one account, or two grants of one key and generation to one
            # account, were planted: which one counts must not be the file's order.
            slots = [(slot.kind, slot.name) for slot in keys.slots]
            grants = [(g.kind, g.name, g.key, g.generation) for g in keys.grants]
            if len(set(slots)) != len(slots) or len(set(grants)) != len(grants):
                raise _Altered
            return keys
        except _Altered:
            raise DataError(_(
                "{name} holds two entries for one account or key: it was altered outside "
                "Suoja, so none of its key slots is used.").format(name=where)) from None
        except _CostOutOfBounds:
            raise DataError(_(
                "{name} has a key slot whose cost settings are outside what Suoja accepts, "
                "so none of its key slots is used."
            ).format(name=where)) from None
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            raise DataError(_(_NOT_A_KEY_FILE).format(name=where)) from None


class _Altered(Exception):
    """The key file holds duplicate entries (told apart from other damage)."""


class _CostOutOfBounds(ValueError):
    """A slot's Argon2id costs are outside the bounds (told apart from other damage)."""


_WRONG_SECRET = {
    SLOT_USER: N_("Wrong username or password."),
    SLOT_RECOVERY: N_("The recovery code is not correct."),
}
_NOT_A_KEY_FILE = N_("{name} is not a Suoja key file.")


#: One victim key record: the case id (8 bytes, little-endian) is in the first part of
#: the blob, the 32-byte keys in the second, in the same order.
_CASE_ID_BYTES, _VICTIM_KEY_BYTES = 8, 32


class StoredVictimKeys:
    """The victim keys as the key file stores them: base64 of every case id (unsigned
    64-bit, little-endian, ascending) followed by every key (32 bytes), in one JSON
    string. Reading checks it whole (40,000 keys: about 3 ms); :meth:`decode` makes the
    dict when the keys are used."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob

    @classmethod
    def parse(cls, raw: Any) -> StoredVictimKeys:
        """Check the stored text (ValueError: it is not well formed)."""
        if not isinstance(raw, str):
            raise ValueError("victim keys")
        blob = binascii.a2b_base64(raw, strict_mode=True) if raw else b""
        record = _CASE_ID_BYTES + _VICTIM_KEY_BYTES
        if len(blob) % record:
            raise ValueError("victim keys")
        ids = cls._ids(blob, len(blob) // record).tolist()
        # Ascending, positive and unique (sorting a sorted list is one pass in C).
        if ids and (ids[0] < 1 or ids != sorted(ids) or len(set(ids)) != len(ids)):
            raise ValueError("victim key ids")
        return cls(blob)

    @classmethod
    def encode(cls, keys: dict[int, bytes]) -> StoredVictimKeys:
        ordered = sorted(keys)
        if any(len(keys[case]) != _VICTIM_KEY_BYTES or case < 1 for case in ordered):
            raise ValueError("victim key")
        ids = array.array("Q", ordered)
        if sys.byteorder == "big":
            ids.byteswap()
        return cls(ids.tobytes() + b"".join(keys[case] for case in ordered))

    @staticmethod
    def _ids(blob: bytes, count: int) -> array.array[int]:
        ids = array.array("Q")
        ids.frombytes(blob[:count * _CASE_ID_BYTES])
        if sys.byteorder == "big":
            ids.byteswap()
        return ids

    def holds_any(self, case_ids: Iterable[int]) -> bool:
        count = len(self._blob) // (_CASE_ID_BYTES + _VICTIM_KEY_BYTES)
        ids = self._ids(self._blob, count)
        for case_id in case_ids:
            at = bisect.bisect_left(ids, case_id)
            if at < count and ids[at] == case_id:
                return True
        return False

    def decode(self) -> dict[int, bytes]:
        count = len(self._blob) // (_CASE_ID_BYTES + _VICTIM_KEY_BYTES)
        keys = memoryview(self._blob)[count * _CASE_ID_BYTES:]
        return {case: bytes(keys[i * _VICTIM_KEY_BYTES:(i + 1) * _VICTIM_KEY_BYTES])
                for i, case in enumerate(self._ids(self._blob, count))}

    def text(self) -> str:
        return binascii.b2a_base64(self._blob, newline=False).decode("ascii")


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
