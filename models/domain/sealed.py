"""Application-level encryption of the most confidential values: session notes, the
verbatim extortion messages and the evidence files.

On SQLite the whole file is already encrypted by SQLCipher, under a key every account
holds. These columns are also *sealed* in the application, so that only the roles that
need them can read them (and, on a PostgreSQL server, not the database administrator):
AES-256-GCM under the care key (session notes) or the case key (messages, evidence),
with the table, the column, the row's id and the row's case bound in as associated data.
A ciphertext copied to another row, column or case does not open, and neither does
an emptied one: empty texts are sealed too, so blanking a note is detected. Both
databases store the same sealed form, so there is one code path and one migration.

Stored forms. Version 3 (a victim key per case): text ``"v3:" + base64(nonce ‖
ciphertext ‖ tag)``; bytes ``b"SJ3" + nonce ‖ ciphertext ‖ tag``; the AES-256-GCM key is
HKDF-SHA256(the column's content key, salt = the case's *victim key*, info ``suoja sealed
v3|care`` or ``|case``), the associated data ``suoja-sealed/3|table|column|row|case``. The
victim keys are random 256-bit secrets kept in the key store (``KeyFile.victim_keys``)
and destroyed when the case is erased: every copy made before (a backup, an old database
file, a dump) then holds only ciphertext of that victim's sealed values, whoever holds
the content keys. A victim key is made for a case the first time one of its values is
sealed inside a unit of work (:func:`victim_key_scope`, which ``Database.writing`` opens:
the key is stored with the unit of work, or forgotten with it); elsewhere (migrations) and
for an erased case (:func:`erasing`) values are sealed in version 2.

Version 2: text ``"v2:" + base64(nonce ‖ ciphertext ‖ tag)``; bytes ``b"SJ2" + nonce ‖
ciphertext ‖ tag``, under the content key itself. Version 1 (migration 0004: no case bound,
empty texts stored as ``""``) is read only by migration 0005, which re-seals it.

For the ORM, :class:`Sealed` is the attribute people use (``contact.message_text``); the
mapped column attribute holds the sealed value. :func:`install` hooks the flush so a new
or changed value is sealed on its way to the database; reading opens it with the
:class:`FieldCipher` of the session it was loaded in (``Session.info["field_cipher"]``).
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import dataclasses
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import event, update
from sqlalchemy.orm import Mapper, object_session
from sqlalchemy.orm.attributes import set_committed_value

from models.domain.errors import DataError
from models.domain.i18n import gettext as _

PREFIX = "v2:"
BYTES_PREFIX = b"SJ2"
PREFIX_V3 = "v3:"
BYTES_PREFIX_V3 = b"SJ3"
V1_PREFIX = "v1:"
SESSION_KEY = "field_cipher"
#: What is sealed, by table: the column names (the same on every database).
SEALED_COLUMNS: dict[str, tuple[str, ...]] = {
    "extortion_contact": ("message_text",),
    "support_session": ("notes",),
}
SEALED_BYTES: dict[str, tuple[str, ...]] = {"attachment": ("content",)}
#: Sealed under the care key (the rest under the case key).
CARE_COLUMNS = frozenset({("support_session", "notes")})
#: Written by the INSERT of a row whose id is not known yet; the sealed value follows
#: in the same transaction (never committed, never opened).
PENDING_TEXT = "v2:pending"
PENDING_BYTES = b"SJ2pending"
_UNSET = object()
#: Derived keys kept per cipher (two a case: care and case); beyond it the cache restarts.
_DERIVED_CACHE = 8192

#: What the victim key store holds: case id -> victim key, and the erased cases.
VictimKeyLoader = Callable[[], tuple[dict[int, bytes], set[int]]]


class VictimKeys:
    """The victim keys a database's ciphers know (shared by the ciphers of one
    database: a rotation's new cipher shares its old one's).

    ``loader`` reads the key store (the key file, or the server's row): the keys and the
    erased cases, whose keys were destroyed. It is read when first needed, and again
    when a value's case has no key here (another workstation made it meanwhile).
    """

    def __init__(self, loader: VictimKeyLoader | None = None) -> None:
        self._loader = loader
        self._keys: dict[int, bytes] = {}
        self._erased: set[int] = set()
        self._loaded = loader is None
        #: Cases looked for in a reloaded store and not found: not looked for again.
        self._missing: set[int] = set()
        self._lock = threading.Lock()

    def get(self, case_id: int) -> bytes | None:
        self._ensure_loaded()
        return self._keys.get(case_id)

    def erased(self, case_id: int) -> bool:
        self._ensure_loaded()
        return case_id in self._erased

    def find(self, case_id: int) -> bytes | None:
        """The case's key, reading the store again once if it is not known here."""
        key = self.get(case_id)
        if key is not None or self._loader is None or case_id in self._erased:
            return key
        with self._lock:
            if case_id in self._missing:
                return None
            self._missing.add(case_id)
        self.reload()
        return self._keys.get(case_id)

    def reload(self, stored: tuple[dict[int, bytes], set[int]] | None = None) -> None:
        """Read the store again (or take ``stored``: what the store holds now)."""
        if stored is None:
            if self._loader is None:
                return
            stored = self._loader()
        keys, erased = stored
        with self._lock:
            self._keys = dict(keys)
            self._erased = set(erased)
            self._missing -= set(keys)
            self._loaded = True

    def add(self, keys: dict[int, bytes]) -> None:
        """Keys stored by a unit of work that committed (not read yet: the store has
        them when it is)."""
        with self._lock:
            self._keys.update(keys)
            self._missing -= set(keys)

    def destroy(self, case_ids: Iterable[int]) -> None:
        """Cases erased: their keys are gone, and none is made for them again."""
        with self._lock:
            for case_id in case_ids:
                self._keys.pop(case_id, None)
                self._erased.add(case_id)

    def forget(self) -> None:
        """Forget every key (the database is closed)."""
        with self._lock:
            self._keys, self._erased, self._missing = {}, set(), set()
            self._loaded = self._loader is None

    def _ensure_loaded(self) -> None:
        if not self._loaded and self._loader is not None:
            self.reload()


@dataclass
class VictimKeyScope:
    """One unit of work's victim keys: those it made (stored when it commits, forgotten
    if it does not), the cases it erases (sealed in version 2, their keys destroyed when
    it commits) and what runs once it has committed."""

    victims: VictimKeys
    #: Reads the store in the unit of work, under its writer's lock.
    loader: VictimKeyLoader
    created: dict[int, bytes] = dataclasses.field(default_factory=dict)
    erasing: set[int] = dataclasses.field(default_factory=set)
    refreshed: bool = False

    def key_for_sealing(self, case_id: int) -> bytes | None:
        if case_id in self.erasing:
            return None
        if case_id in self.created:
            return self.created[case_id]
        # (A case erased earlier that is given a value again gets a new key: the one
        # destroyed stays destroyed, and the next sign-in destroys the new one too.)
        key = self.victims.get(case_id)
        if key is not None:
            return key
        if not self.refreshed:
            # Under the writer's lock: a key another workstation made is found here,
            # and none can be made elsewhere before this unit of work ends.
            self.refreshed = True
            self.victims.reload(self.loader())
            key = self.victims.get(case_id)
            if key is not None:
                return key
        key = secrets.token_bytes(32)
        self.created[case_id] = key
        return key


_SCOPE: contextvars.ContextVar[VictimKeyScope | None] = contextvars.ContextVar(
    "suoja_victim_key_scope", default=None)


@contextlib.contextmanager
def victim_key_scope(victims: VictimKeys, loader: VictimKeyLoader) -> Iterator[VictimKeyScope]:
    """Values sealed within (in this thread) may make victim keys (``Database.writing``)."""
    scope = VictimKeyScope(victims, loader)
    token = _SCOPE.set(scope)
    try:
        yield scope
    finally:
        _SCOPE.reset(token)


def current_scope(victims: VictimKeys | None = None) -> VictimKeyScope | None:
    """The unit of work's scope (of ``victims``' database when given)."""
    scope = _SCOPE.get()
    if scope is None or (victims is not None and scope.victims is not victims):
        return None
    return scope


def erasing(case_id: int) -> None:
    """The case is being erased in this unit of work: its values are sealed in version 2
    (empty: nothing to protect), so none opens with the key its erasure destroys."""
    scope = _SCOPE.get()
    if scope is not None:
        scope.erasing.add(case_id)


class FieldCipher:
    """Seals and opens one column value of one row.

    Session notes are sealed under the *care* key, extortion messages and evidence under
    the *case* key (``models.storage.keyfile``: which roles hold which). A key the
    signed-in account does not hold is ``None``, and its values do not open.
    """

    def __init__(self, care: bytes | None = None, case: bytes | None = None,
                 victims: VictimKeys | None = None) -> None:
        self.victims = victims if victims is not None else VictimKeys()
        self.set_keys(care, case)

    @classmethod
    def from_data_key(cls, data_key: bytes) -> FieldCipher:
        """The cipher of a version 1 database (generation 0): one key for every column,
        derived from its data key."""
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"suoja sealed fields v1").derive(data_key)
        return cls(key, key)

    def set_keys(self, care: bytes | None, case: bytes | None) -> None:
        self._care = AESGCM(care) if care else None
        self._case = AESGCM(case) if case else None
        self._care_key, self._case_key = care or None, case or None
        self._derived: dict[tuple[bool, int], tuple[bytes, AESGCM]] = {}

    def holds(self, table: str, column: str) -> bool:
        """Whether values of ``table.column`` open with the keys held."""
        return (self._care if (table, column) in CARE_COLUMNS else self._case) is not None

    def _aead(self, table: str, column: str) -> AESGCM:
        care = (table, column) in CARE_COLUMNS
        aead = self._care if care else self._case
        if aead is None:
            raise DataError(_("Your role does not hold the key to session notes.") if care
                            else _("Your role does not hold the key to extortion messages "
                                   "and evidence."))
        return aead

    def _aead_v3(self, table: str, column: str, case_id: int, victim_key: bytes) -> AESGCM:
        """AES-GCM under HKDF(content key, salt = the victim key), cached per case."""
        self._aead(table, column)  # refuses a key the role does not hold
        care = (table, column) in CARE_COLUMNS
        cached = self._derived.get((care, case_id))
        if cached is not None and cached[0] == victim_key:
            return cached[1]
        content = self._care_key if care else self._case_key
        assert content is not None
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=victim_key,
                       info=b"suoja sealed v3|care" if care else b"suoja sealed v3|case"
                       ).derive(content)
        if len(self._derived) >= _DERIVED_CACHE:
            self._derived.clear()
        aead = AESGCM(derived)
        self._derived[(care, case_id)] = (victim_key, aead)
        return aead

    def _victim_key_for_sealing(self, case_id: int) -> bytes | None:
        """The victim key a new value of ``case_id`` is sealed with inside a unit of work
        (``None``: version 2): its own, else a new one; none for an erased case."""
        scope = current_scope(self.victims)
        # Outside a unit of work (migrations, whose CHECK constraints may predate
        # version 3): version 2, which the next sign-in upgrades.
        return scope.key_for_sealing(case_id) if scope is not None else None

    def _victim_key_for_opening(self, table: str, row_id: int, case_id: int) -> bytes:
        scope = current_scope(self.victims)
        key = scope.created.get(case_id) if scope is not None else None
        key = key or self.victims.find(case_id)
        if key is None and self.victims.erased(case_id):
            raise DataError(_("A confidential value in {table} row {row} cannot be opened: "
                              "its victim's key was destroyed when the case was erased."
                              ).format(table=table, row=row_id))
        if key is None:  # moved from another case (or its key file is an older one)
            raise DataError(_("A confidential value in {table} row {row} was altered or "
                              "moved; it cannot be opened.").format(table=table, row=row_id))
        return key

    @staticmethod
    def _aad(table: str, column: str, row_id: int, case_id: int | None) -> bytes:
        if case_id is None:  # version 1
            return f"suoja-sealed/1|{table}|{column}|{row_id}".encode()
        return f"suoja-sealed/2|{table}|{column}|{row_id}|{case_id}".encode()

    def _seal(self, table: str, column: str, row_id: int, case_id: int, raw: bytes
              ) -> tuple[bool, bytes]:
        """(version 3?, nonce ‖ ciphertext ‖ tag)."""
        nonce = secrets.token_bytes(12)
        aead = self._aead(table, column)  # refuses a key the role does not hold first
        victim_key = self._victim_key_for_sealing(case_id)
        if victim_key is None:
            return False, nonce + aead.encrypt(
                nonce, raw, self._aad(table, column, row_id, case_id))
        return True, nonce + self._aead_v3(table, column, case_id, victim_key).encrypt(
            nonce, raw, self._aad_v3(table, column, row_id, case_id))

    @staticmethod
    def _aad_v3(table: str, column: str, row_id: int, case_id: int) -> bytes:
        return f"suoja-sealed/3|{table}|{column}|{row_id}|{case_id}".encode()

    def _open(self, table: str, column: str, row_id: int, case_id: int | None,
              raw: bytes, *, v3: bool = False) -> bytes:
        if v3:
            assert case_id is not None
            self._aead(table, column)  # refuses a key the role does not hold first
            aead = self._aead_v3(table, column, case_id,
                                 self._victim_key_for_opening(table, row_id, case_id))
            aad = self._aad_v3(table, column, row_id, case_id)
        else:
            aead = self._aead(table, column)
            aad = self._aad(table, column, row_id, case_id)
        try:
            return aead.decrypt(raw[:12], raw[12:], aad)
        except (ValueError, InvalidTag):
            raise DataError(_("A confidential value in {table} row {row} was altered or "
                              "moved; it cannot be opened.").format(table=table, row=row_id)
                            ) from None

    def seal(self, table: str, column: str, row_id: int, case_id: int, text: str) -> str:
        v3, sealed = self._seal(table, column, row_id, case_id, text.encode("utf-8"))
        return (PREFIX_V3 if v3 else PREFIX) + base64.b64encode(sealed).decode("ascii")

    def open(self, table: str, column: str, row_id: int, case_id: int,
             stored: str | None) -> str:
        """The plaintext of a stored text.

        Raises:
            DataError: the value is not sealed (e.g. blanked), or was altered or moved
                from another row, column or case.
        """
        v3 = bool(stored) and stored.startswith(PREFIX_V3)  # type: ignore[union-attr]
        if not stored or not (v3 or stored.startswith(PREFIX)) or stored == PENDING_TEXT:
            raise DataError(_("A confidential text in {table} row {row} is not sealed; "
                              "the database was changed outside Suoja.").format(
                                  table=table, row=row_id))
        try:
            raw = base64.b64decode(stored[len(PREFIX):], validate=True)
        except ValueError:
            raw = b""
        return self._open(table, column, row_id, case_id, raw, v3=v3).decode("utf-8")

    def open_case_texts(self, table: str, column: str, case_id: int,
                        values: Iterable[tuple[int, str | None]]) -> list[str]:
        """The plaintexts of stored texts of one column of one case, ``values`` being
        (row id, stored text): what :meth:`open` gives for each (and the same errors),
        with the role's key checked and the case's victim key and derived key looked up
        once, not per value."""
        values = list(values)
        if not values:
            return []
        self._aead(table, column)  # refuses a key the role does not hold
        aead: AESGCM | None = None
        plain = []
        for row_id, stored in values:
            if not stored or not stored.startswith(PREFIX_V3):
                plain.append(self.open(table, column, row_id, case_id, stored))
                continue
            try:
                raw = base64.b64decode(stored[len(PREFIX_V3):], validate=True)
            except ValueError:
                raw = b""
            if aead is None:
                aead = self._aead_v3(table, column, case_id, self._victim_key_for_opening(
                    table, row_id, case_id))
            try:
                text = aead.decrypt(raw[:12], raw[12:],
                                    self._aad_v3(table, column, row_id, case_id))
            except (ValueError, InvalidTag):
                raise DataError(_("A confidential value in {table} row {row} was altered "
                                  "or moved; it cannot be opened.").format(
                                      table=table, row=row_id)) from None
            plain.append(text.decode("utf-8"))
        return plain

    def open_v1(self, table: str, column: str, row_id: int, stored: str) -> str:
        """A text sealed by migration 0004 (for migration 0005 only)."""
        if not stored:
            return ""
        if not stored.startswith(V1_PREFIX):
            raise DataError(_("A confidential text in {table} row {row} is not sealed.").format(
                table=table, row=row_id))
        raw = base64.b64decode(stored[len(V1_PREFIX):], validate=True)
        return self._open(table, column, row_id, None, raw).decode("utf-8")

    def seal_v1(self, table: str, column: str, row_id: int, text: str) -> str:
        """The 0004 form (for migration 0005's downgrade only)."""
        if not text:
            return ""
        nonce = secrets.token_bytes(12)
        sealed = nonce + self._aead(table, column).encrypt(
            nonce, text.encode("utf-8"), self._aad(table, column, row_id, None))
        return V1_PREFIX + base64.b64encode(sealed).decode("ascii")

    def seal_bytes(self, table: str, column: str, row_id: int, case_id: int,
                   data: bytes) -> bytes:
        v3, sealed = self._seal(table, column, row_id, case_id, data)
        return (BYTES_PREFIX_V3 if v3 else BYTES_PREFIX) + sealed

    def open_bytes(self, table: str, column: str, row_id: int, case_id: int,
                   stored: bytes | None) -> bytes:
        value = bytes(stored) if stored else b""
        v3 = value.startswith(BYTES_PREFIX_V3)
        if not value or not (v3 or value.startswith(BYTES_PREFIX)) or value == PENDING_BYTES:
            raise DataError(_("A confidential file in {table} row {row} is not sealed; "
                              "the database was changed outside Suoja.").format(
                                  table=table, row=row_id))
        return self._open(table, column, row_id, case_id, value[len(BYTES_PREFIX):], v3=v3)

    def seal_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Seal the sealed columns of rows about to be bulk-inserted (each has its ``id``
        and ``case_id``): the same stored form as :meth:`seal` and :meth:`seal_bytes`, with
        each case's victim key and derived key looked up once per column, not per row."""
        texts, blobs = SEALED_COLUMNS.get(table, ()), SEALED_BYTES.get(table, ())
        if not texts and not blobs:
            return
        rows = list(rows)
        scope = current_scope(self.victims)
        for column, binary in [(column, False) for column in texts] + [
                (column, True) for column in blobs]:
            self._aead(table, column)  # refuses a key the role does not hold
            if scope is None:  # outside a unit of work: version 2, value by value
                seal_one: Callable[..., Any] = self.seal_bytes if binary else self.seal
                for row in rows:
                    row[column] = seal_one(table, column, row["id"], row["case_id"],
                                           row.get(column) or (b"" if binary else ""))
                continue
            last_case: int | None = None
            aead: AESGCM | None = None
            for row in rows:
                row_id, case_id = row["id"], row["case_id"]
                plain: Any = row.get(column) or (b"" if binary else "")
                if case_id != last_case:
                    victim_key = scope.key_for_sealing(case_id)
                    aead = (None if victim_key is None
                            else self._aead_v3(table, column, case_id, victim_key))
                    last_case = case_id
                if aead is None:  # a case being erased: version 2
                    row[column] = (self.seal_bytes if binary else self.seal)(
                        table, column, row_id, case_id, plain)
                    continue
                nonce = secrets.token_bytes(12)
                sealed = nonce + aead.encrypt(
                    nonce, plain if binary else plain.encode("utf-8"),
                    self._aad_v3(table, column, row_id, case_id))
                row[column] = (BYTES_PREFIX_V3 + sealed if binary
                               else PREFIX_V3 + base64.b64encode(sealed).decode("ascii"))


class Sealed:
    """The plain face of a sealed column (text, or bytes with ``binary=True``).

    ``stored`` is the name of the mapped attribute holding the sealed value; ``column``
    is the database column's name (bound into the ciphertext, with the row's id and case).
    """

    def __init__(self, stored: str, column: str, *, binary: bool = False) -> None:
        self.stored = stored
        self.column = column
        self.binary = binary
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        stored = getattr(instance, self.stored)
        cache = instance.__dict__.setdefault("_suoja_plain", {})
        known = cache.get(self.name)
        if known is not None and (known[0] is stored
                                  or (known[0] is _UNSET and stored == self.pending)):
            return known[1]  # as stored, or set and not yet saved
        plain = self.open(_cipher_of(instance), instance, stored)
        cache[self.name] = (stored, plain)
        return plain

    def __set__(self, instance: Any, value: Any) -> None:
        plain = (bytes(value) if value else b"") if self.binary else (value or "")
        instance.__dict__.setdefault("_suoja_plain", {})[self.name] = (_UNSET, plain)
        # Marks the row dirty for the flush, which seals the value.
        setattr(instance, self.stored, PENDING_BYTES if self.binary else PENDING_TEXT)

    def open(self, cipher: FieldCipher, instance: Any, stored: Any) -> Any:
        table = instance.__table__.name
        if self.binary:
            return cipher.open_bytes(table, self.column, instance.id, instance.case_id, stored)
        return cipher.open(table, self.column, instance.id, instance.case_id, stored)

    def seal(self, cipher: FieldCipher, instance: Any, plain: Any) -> Any:
        table = instance.__table__.name
        if self.binary:
            return cipher.seal_bytes(table, self.column, instance.id, instance.case_id, plain)
        return cipher.seal(table, self.column, instance.id, instance.case_id, plain)

    @property
    def pending(self) -> Any:
        return PENDING_BYTES if self.binary else PENDING_TEXT


def session_cipher(session: Any) -> FieldCipher:
    """The cipher of a signed-in session (what its rows' values open with).

    Raises:
        DataError: the session has none (not signed in).
    """
    cipher = session.info.get(SESSION_KEY) if session is not None else None
    if cipher is None:
        raise DataError(_("A confidential value cannot be opened outside a signed-in "
                          "session."))
    return cipher


def _cipher_of(instance: Any) -> FieldCipher:
    cipher = instance.__dict__.get("_suoja_cipher")
    if cipher is None:
        session = object_session(instance)
        cipher = session.info.get(SESSION_KEY) if session is not None else None
        if cipher is None:
            raise DataError(_("A confidential value cannot be opened outside a signed-in "
                              "session."))
        instance.__dict__["_suoja_cipher"] = cipher
    return cipher


def install(cls: type) -> type:
    """Hook ``cls``'s flush so its :class:`Sealed` fields are sealed (a class decorator).

    A new row's value is sealed after its INSERT (its id is bound in and exists only
    then) by an UPDATE in the same transaction; a changed value before its UPDATE. A new
    row whose value was never set gets the sealed empty value.
    """
    fields = [value for value in vars(cls).values() if isinstance(value, Sealed)]

    def unsealed(target: Any, *, new: bool) -> list[tuple[Sealed, Any]]:
        cache = target.__dict__.get("_suoja_plain", {})
        work = []
        for field in fields:
            stored = getattr(target, field.stored)
            known = cache.get(field.name)
            if stored == field.pending:
                if known is None or known[0] is not _UNSET:
                    # The placeholder without the value it stands for (e.g. copied by
                    # Session.merge): refuse rather than save a value that is lost.
                    raise DataError(_("A confidential value was lost before it was saved; "
                                      "nothing was saved. Enter it again."))
                work.append((field, known[1]))
            elif new and stored is None:
                work.append((field, b"" if field.binary else ""))
        return work

    def seal_now(target: Any, work: list[tuple[Sealed, Any]]) -> None:
        cipher = _cipher_of(target)
        for field, plain in work:
            sealed = field.seal(cipher, target, plain)
            setattr(target, field.stored, sealed)
            target.__dict__.setdefault("_suoja_plain", {})[field.name] = (sealed, plain)

    @event.listens_for(cls, "before_insert")
    def _before_insert(_mapper: Mapper[Any], _connection: Any, target: Any) -> None:
        work = unsealed(target, new=True)
        if target.id is not None:
            seal_now(target, work)
            return
        _cipher_of(target)  # fail before writing anything if there is no key
        target.__dict__["_suoja_after_insert"] = work
        for field, _plain in work:
            setattr(target, field.stored, field.pending)

    @event.listens_for(cls, "after_insert")
    def _after_insert(_mapper: Mapper[Any], connection: Any, target: Any) -> None:
        work = target.__dict__.pop("_suoja_after_insert", [])
        if not work:
            return
        cipher = _cipher_of(target)
        table = target.__table__
        values = {}
        for field, plain in work:
            sealed = field.seal(cipher, target, plain)
            values[field.column] = sealed
            set_committed_value(target, field.stored, sealed)
            target.__dict__.setdefault("_suoja_plain", {})[field.name] = (sealed, plain)
        connection.execute(update(table).where(table.c.id == target.id).values(values))

    @event.listens_for(cls, "before_update")
    def _before_update(_mapper: Mapper[Any], _connection: Any, target: Any) -> None:
        work = unsealed(target, new=False)
        if work:
            seal_now(target, work)

    return cls
