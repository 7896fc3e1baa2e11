"""Application-level encryption of the most confidential texts: session notes and the
verbatim extortion messages.

On SQLite the whole file is already encrypted by SQLCipher. On a PostgreSQL server the
database administrator can read every table, so these two columns are *sealed* in the
application before they leave it: AES-256-GCM under a key derived (HKDF) from the data
key, with the table, the column and the row's id bound in as associated data. A
ciphertext copied to another row or column does not open. Both databases store the same
sealed form, so there is one code path and one migration.

Stored form: ``"v1:" + base64(nonce ‖ ciphertext ‖ tag)``; the empty string means empty
(erasure writes it in bulk).

For the ORM, :class:`SealedText` is the attribute people use (``contact.message_text``);
the mapped column attribute holds the sealed text. :func:`install` hooks the flush so a
new or changed text is sealed on its way to the database; reading opens it with the
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

from models.errors import DataError

PREFIX = "v1:"
SESSION_KEY = "field_cipher"
#: What is sealed, by table: the column names (the same on every database).
SEALED_COLUMNS: dict[str, tuple[str, ...]] = {
    "extortion_contact": ("message_text",),
    "support_session": ("notes",),
}
_PENDING = "\x00pending"  # a new plaintext not yet sealed (never reaches the database)


class FieldCipher:
    """Seals and opens one column value of one row."""

    def __init__(self, data_key: bytes) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"suoja sealed fields v1").derive(data_key)
        self._aead = AESGCM(key)

    @staticmethod
    def _aad(table: str, column: str, row_id: int) -> bytes:
        return f"suoja-sealed/1|{table}|{column}|{row_id}".encode()

    def seal(self, table: str, column: str, row_id: int, text: str) -> str:
        if not text:
            return ""
        nonce = secrets.token_bytes(12)
        sealed = self._aead.encrypt(nonce, text.encode("utf-8"), self._aad(table, column, row_id))
        return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, table: str, column: str, row_id: int, stored: str | None) -> str:
        """The plaintext of a stored value.

        Raises:
            DataError: the value is not sealed, or was altered or moved from another row.
        """
        if not stored:
            return ""
        if not stored.startswith(PREFIX):
            raise DataError(f"A confidential text in {table} row {row_id} is not sealed; "
                            "the database was changed outside Suoja.")
        try:
            raw = base64.b64decode(stored[len(PREFIX):], validate=True)
            plain = self._aead.decrypt(raw[:12], raw[12:], self._aad(table, column, row_id))
        except (ValueError, InvalidTag):
            raise DataError(f"A confidential text in {table} row {row_id} was altered or "
                            "moved; it cannot be opened.") from None
        return plain.decode("utf-8")

    def seal_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Seal the sealed columns of rows about to be bulk-inserted (each has its ``id``)."""
        columns = SEALED_COLUMNS.get(table, ())
        if not columns:
            return
        for row in rows:
            for column in columns:
                if column in row:
                    row[column] = self.seal(table, column, row["id"], row[column] or "")


class SealedText:
    """The plaintext face of a sealed column.

    ``stored`` is the name of the mapped attribute holding the sealed text; ``column``
    is the database column's name (bound into the ciphertext).
    """

    def __init__(self, stored: str, column: str) -> None:
        self.stored = stored
        self.column = column
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        stored = getattr(instance, self.stored)
        cache = instance.__dict__.setdefault("_suoja_plain", {})
        known = cache.get(self.name)
        if known is not None and known[0] == stored:
            return known[1]
        cipher = _cipher_of(instance)
        plain = cipher.open(instance.__table__.name, self.column, instance.id, stored)
        cache[self.name] = (stored, plain)
        return plain

    def __set__(self, instance: Any, value: str | None) -> None:
        text = value or ""
        instance.__dict__.setdefault("_suoja_plain", {})[self.name] = (_PENDING, text)
        setattr(instance, self.stored, _PENDING)  # marks the row dirty for the flush


def _cipher_of(instance: Any) -> FieldCipher:
    cipher = instance.__dict__.get("_suoja_cipher")
    if cipher is None:
        session = object_session(instance)
        cipher = session.info.get(SESSION_KEY) if session is not None else None
        if cipher is None:
            raise DataError("A confidential text cannot be opened outside a signed-in session.")
        instance.__dict__["_suoja_cipher"] = cipher
    return cipher


def _sealed_fields(cls: type) -> list[SealedText]:
    return [value for value in vars(cls).values() if isinstance(value, SealedText)]


def install(cls: type) -> type:
    """Hook ``cls``'s flush so its :class:`SealedText` fields are sealed (a decorator)."""
    fields = _sealed_fields(cls)

    def pending(target: Any) -> list[tuple[SealedText, str]]:
        cache = target.__dict__.get("_suoja_plain", {})
        return [(f, cache[f.name][1]) for f in fields
                if getattr(target, f.stored) == _PENDING and f.name in cache]

    def seal_now(target: Any, work: list[tuple[SealedText, str]]) -> None:
        cipher = _cipher_of(target)
        for field, text in work:
            sealed = cipher.seal(target.__table__.name, field.column, target.id, text)
            setattr(target, field.stored, sealed)
            target.__dict__["_suoja_plain"][field.name] = (sealed, text)

    @event.listens_for(cls, "before_insert")
    def _before_insert(_mapper: Mapper[Any], _connection: Any, target: Any) -> None:
        work = pending(target)
        if target.id is not None:
            seal_now(target, work)
        else:
            # The id (bound into the ciphertext) exists only after the INSERT: write an
            # empty text now and the sealed one straight after, in the same transaction.
            target.__dict__["_suoja_after_insert"] = [(f, t) for f, t in work if t]
            _cipher_of(target)  # fail before writing anything if there is no key
            for field, _text in work:
                setattr(target, field.stored, "")

    @event.listens_for(cls, "after_insert")
    def _after_insert(_mapper: Mapper[Any], connection: Any, target: Any) -> None:
        work = target.__dict__.pop("_suoja_after_insert", [])
        if not work:
            return
        cipher = _cipher_of(target)
        table = target.__table__
        values = {}
        for field, text in work:
            sealed = cipher.seal(table.name, field.column, target.id, text)
            values[field.column] = sealed
            set_committed_value(target, field.stored, sealed)
            target.__dict__["_suoja_plain"][field.name] = (sealed, text)
        connection.execute(update(table).where(table.c.id == target.id).values(values))

    @event.listens_for(cls, "before_update")
    def _before_update(_mapper: Mapper[Any], _connection: Any, target: Any) -> None:
        work = pending(target)
        if work:
            seal_now(target, work)

    return cls
