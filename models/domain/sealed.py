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

Stored forms (version 2): text ``"v2:" + base64(nonce ‖ ciphertext ‖ tag)``; bytes
``b"SJ2" + nonce ‖ ciphertext ‖ tag``. Version 1 (migration 0004: no case bound, empty
texts stored as ``""``) is read only by migration 0005, which re-seals it.

For the ORM, :class:`Sealed` is the attribute people use (``contact.message_text``); the
mapped column attribute holds the sealed value. :func:`install` hooks the flush so a new
or changed value is sealed on its way to the database; reading opens it with the
:class:`FieldCipher` of the session it was loaded in (``Session.info["field_cipher"]``).
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterable
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


class FieldCipher:
    """Seals and opens one column value of one row.

    Session notes are sealed under the *care* key, extortion messages and evidence under
    the *case* key (``models.storage.keyfile``: which roles hold which). A key the
    signed-in account does not hold is ``None``, and its values do not open.
    """

    def __init__(self, care: bytes | None = None, case: bytes | None = None) -> None:
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

    @staticmethod
    def _aad(table: str, column: str, row_id: int, case_id: int | None) -> bytes:
        if case_id is None:  # version 1
            return f"suoja-sealed/1|{table}|{column}|{row_id}".encode()
        return f"suoja-sealed/2|{table}|{column}|{row_id}|{case_id}".encode()

    def _seal(self, table: str, column: str, row_id: int, case_id: int, raw: bytes) -> bytes:
        nonce = secrets.token_bytes(12)
        return nonce + self._aead(table, column).encrypt(
            nonce, raw, self._aad(table, column, row_id, case_id))

    def _open(self, table: str, column: str, row_id: int, case_id: int | None,
              raw: bytes) -> bytes:
        aead = self._aead(table, column)
        try:
            return aead.decrypt(raw[:12], raw[12:], self._aad(table, column, row_id, case_id))
        except (ValueError, InvalidTag):
            raise DataError(_("A confidential value in {table} row {row} was altered or "
                              "moved; it cannot be opened.").format(table=table, row=row_id)
                            ) from None

    def seal(self, table: str, column: str, row_id: int, case_id: int, text: str) -> str:
        sealed = self._seal(table, column, row_id, case_id, text.encode("utf-8"))
        return PREFIX + base64.b64encode(sealed).decode("ascii")

    def open(self, table: str, column: str, row_id: int, case_id: int,
             stored: str | None) -> str:
        """The plaintext of a stored text.

        Raises:
            DataError: the value is not sealed (e.g. blanked), or was altered or moved
                from another row, column or case.
        """
        if not stored or not stored.startswith(PREFIX) or stored == PENDING_TEXT:
            raise DataError(_("A confidential text in {table} row {row} is not sealed; "
                              "the database was changed outside Suoja.").format(
                                  table=table, row=row_id))
        try:
            raw = base64.b64decode(stored[len(PREFIX):], validate=True)
        except ValueError:
            raw = b""
        return self._open(table, column, row_id, case_id, raw).decode("utf-8")

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
        return BYTES_PREFIX + self._seal(table, column, row_id, case_id, data)

    def open_bytes(self, table: str, column: str, row_id: int, case_id: int,
                   stored: bytes | None) -> bytes:
        if (not stored or not bytes(stored).startswith(BYTES_PREFIX)
                or bytes(stored) == PENDING_BYTES):
            raise DataError(_("A confidential file in {table} row {row} is not sealed; "
                              "the database was changed outside Suoja.").format(
                                  table=table, row=row_id))
        return self._open(table, column, row_id, case_id, bytes(stored)[len(BYTES_PREFIX):])

    def seal_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Seal the sealed columns of rows about to be bulk-inserted (each has its ``id``
        and ``case_id``)."""
        texts, blobs = SEALED_COLUMNS.get(table, ()), SEALED_BYTES.get(table, ())
        if not texts and not blobs:
            return
        for row in rows:
            for column in texts:
                row[column] = self.seal(table, column, row["id"], row["case_id"],
                                        row.get(column) or "")
            for column in blobs:
                row[column] = self.seal_bytes(table, column, row["id"], row["case_id"],
                                              row.get(column) or b"")


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
