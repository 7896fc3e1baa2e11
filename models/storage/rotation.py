"""Key rotation: how locking an account, or giving it a new password, revokes what it held.

Every account's slot holds grants of the keys its role needs (``models.storage.keyfile``).
Taking an account's grants from the key file is not enough: a copy of the old key file
(a backup's, say) and the old password still give the old keys, and the old storage key
would still open the live file. So revocation makes *new generations* of the keys and
grants them only to the accounts that remain:

1. new keys are granted to every active account (as its role needs) and to the recovery
   code; the grants of locked or unknown accounts, of keys a role no longer needs, and
   version 1 slots are dropped. The key file now holds both generations (saved);
2. in one unit of work, every sealed value is re-sealed under the new care and case
   keys, the database records their generation, the account authority's new key is
   signed by the old one and every account row that verifies is signed again
   (``models.storage.authority``), and the rotation is audited; a file database also
   records the digest of its next storage key;
3. a file database is re-encrypted under the new storage key (``PRAGMA rekey``);
4. the old generations' grants are dropped from the key file (saved).

A crash between steps leaves a database that opens: sign-in tries the newest storage key
first, the content keys' generation is read from the database, and the next sign-in
finishes step 3 and 4 (only towards the key whose digest step 2 recorded, so a grant
planted in the key file cannot choose the key the file is re-encrypted under).

An account that does not hold the care and case keys (an administrator) rotates the
keys it holds; the rest waits in the database (``rotation_pending``) and is finished by
the next sign-in of an account that holds them.

What rotation cannot undo: a copy someone already took (of the database, a backup or an
export) stays readable to whoever held the keys of its time.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Integer,
    TableClause,
    Text,
    bindparam,
    func,
    select,
    table,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import column

from models.domain.entities import Meta, User
from models.domain.enums import AuditAction, Role
from models.domain.errors import DataError, KnownError
from models.domain.sealed import CARE_COLUMNS, SEALED_BYTES, SEALED_COLUMNS, FieldCipher
from models.storage import authority, generations
from models.storage.database import open_engine, rekey
from models.storage.keyfile import (
    KEY_AUTHORITY,
    KEY_CARE,
    KEY_CASE,
    KEY_STORAGE,
    RECOVERY_SLOT_NAME,
    ROLE_KEYS,
    SLOT_RECOVERY,
    SLOT_USER,
    KeyFile,
    new_data_key,
)
from models.storage.server import BackgroundSender, is_server
from models.storage.unit_of_work import CONTENT_GENERATION, Database, content_generation

log = logging.getLogger("suoja.rotation")

#: ``suoja_meta``: keys whose rotation is owed: written with the lock or reset that owes
#: it (so a crash before the rotation leaves the debt on record), and what an account
#: that does not hold a key leaves for one that does.
PENDING_KEY = "rotation_pending"
#: ``suoja_meta``: the digest of the real recovery slot's public keys.
RECOVERY_PIN = "recovery_slot"
#: Every key a revocation rotates.
ROTATED = (KEY_AUTHORITY, KEY_CARE, KEY_CASE, KEY_STORAGE)
#: ``suoja_meta``: "<generation>:<SHA-256 of the next storage key>" while step 3 waits.
NEXT_STORAGE_KEY = "rotation_next_storage"
#: Rows re-sealed per statement.
BATCH = 500
#: Rows read per statement (then written :data:`BATCH` at a time).
READ_AHEAD = 10 * BATCH

Progress = Callable[[int, int], None]
#: Which rows of a sealed column to re-seal: (table, column, binary?) -> a condition.
RowFilter = Callable[[TableClause, str, bool], ColumnElement[bool]]


@dataclass(frozen=True)
class RotationReport:
    """What a rotation did.

    Attributes:
        rotated: the keys given a new generation.
        pending: content keys left for an account that holds them.
        resealed: sealed values re-sealed under the new keys.
        seconds: how long it took.
    """

    rotated: tuple[str, ...]
    pending: tuple[str, ...]
    resealed: int
    seconds: float
    #: The file is still under the old storage key (it was in use elsewhere); the next
    #: sign-in re-encrypts it.
    unfinished: bool = False


def rotate_keys(database: Database, *, user_id: int | None, reason: str,
                only: Iterable[str] | None = None,
                progress: Progress | None = None) -> RotationReport:
    """Give the database's keys new generations held only by the accounts that remain.

    Args:
        user_id: who rotates (the audit event's user; ``None`` for the recovery code).
        reason: why, for the audit event ("locked user 7", "password reset user 7").
        only: rotate just these keys (of the ones this account holds).
        progress: called with (values re-sealed, values to re-seal).

    Raises:
        DataError: the key file or the database could not be written, or the database
            is in use elsewhere (what was done is finished at the next sign-in).
    """
    started = time.perf_counter()
    keyring = database.keyring
    wanted = set(only) if only is not None else set(ROTATED)
    # 1. New generations granted to those who remain; everything else revoked. Under
    # the writers' lock, so no slot or grant another workstation adds meanwhile is lost.
    with database.writing() as db_session:
        keys = database.load_keyfile(db_session)
        roles = _active_roles(db_session)
        current = {key: content_generation(db_session, key) for key in CONTENT_GENERATION}
        current[KEY_STORAGE] = database.storage_generation(keys)
        # Generations newer than the ones in use were abandoned (a rotation cut short)
        # or planted: nobody keeps them.
        keys.grants = [grant for grant in keys.grants
                       if grant.generation <= current.get(grant.key, grant.generation)]
        held = {key for key in wanted if database.current_key(key, keys) is not None}
        new = {key: (max(keys.generations(key), default=0) + 1, new_data_key())
               for key in sorted(held)}
        # What an earlier revocation still owes, and what this account cannot rotate.
        pending = tuple(sorted((set(_waiting(db_session)) | (wanted - held)) - set(new)))
        _keep_only(keys, roles)
        for username, role in roles.items():
            for key, (generation, value) in new.items():
                if key in ROLE_KEYS[role.value]:
                    _grant(keys, SLOT_USER, username, key, generation, value)
        if recovery_is_pinned(db_session, keys):
            for key, (generation, value) in new.items():
                _grant(keys, SLOT_RECOVERY, RECOVERY_SLOT_NAME, key, generation, value)
        else:  # planted, or from before pins: it gets nothing (verify says so)
            log.warning("the recovery slot is not the one the database recorded")
            keys.revoke(SLOT_RECOVERY, RECOVERY_SLOT_NAME)
        database.save_keyfile(keys, db_session)

    # 2. Sealed values re-sealed, generations recorded, the rotation audited.
    old_cipher = database.field_cipher
    # Sharing the victim keys: values stay version 3, and a case's version 2 values get
    # a victim key (stored with the unit of work) and become version 3.
    new_cipher = FieldCipher(
        new[KEY_CARE][1] if KEY_CARE in new else keyring.get(KEY_CARE, current[KEY_CARE]),
        new[KEY_CASE][1] if KEY_CASE in new else keyring.get(KEY_CASE, current[KEY_CASE]),
        victims=old_cipher.victims)
    resealed = 0
    with database.writing() as db_session:
        resealed, unopenable = _reseal(
            db_session, old_cipher, new_cipher,
            {key for key in (KEY_CARE, KEY_CASE) if key in new}, progress)
        for key in (KEY_CARE, KEY_CASE):
            if key in new:
                generations.record(database, db_session, key, *new[key])
        if KEY_AUTHORITY in new:
            authority.rotate(database, db_session, *new[KEY_AUTHORITY])
        _set_meta(db_session, PENDING_KEY, ",".join(pending))
        if KEY_STORAGE in new and not database.on_server:
            generation, value = new[KEY_STORAGE]
            _set_meta(db_session, NEXT_STORAGE_KEY, f"{generation}:{_digest(value)}")
        detail = f"keys rotated: {','.join(sorted(new))}; {reason}"
        if pending:
            detail += f"; waiting: {','.join(pending)}"
        if unopenable:  # altered outside Suoja: left as they were, verify names them
            detail += f"; unopenable values left as found: {unopenable}"
        database.audit.record(db_session, user_id=user_id, action=AuditAction.ACCOUNT,
                              entity="database", detail=detail)
    for key, (generation, value) in new.items():
        keyring.secrets[(key, generation)] = value
    database.load_content_keys(None if keyring.kind == SLOT_RECOVERY
                               else _role_of(database, keyring.name))

    # 3 and 4: the file re-encrypted; the old generations forgotten.
    unfinished = False
    if KEY_STORAGE in new:
        try:
            _finish_storage(database, new[KEY_STORAGE][1])
        except KnownError:
            # In use by another program (or the disk is full): the old storage key's
            # grants stay until the next sign-in finishes this (finish_interrupted).
            log.warning("the database file could not be re-encrypted yet")
            unfinished = True
    _forget_old(database, new if not unfinished else {
        key: value for key, value in new.items() if key != KEY_STORAGE})
    seconds = time.perf_counter() - started
    log.info("keys rotated (%s) in %.1f s", ",".join(sorted(new)), seconds)
    return RotationReport(tuple(sorted(new)), pending, resealed, seconds, unfinished)


def finish_interrupted(database: Database, user_id: int, role: Role) -> RotationReport | None:
    """At sign-in: finish a rotation that was cut short (step 3 of a file database), and
    one whose content keys were waiting for an account that holds them.

    Returns:
        The report of what was done, or ``None`` if nothing waited.
    """
    with database.reading() as db_session:
        waiting = db_session.scalar(select(Meta.value).where(Meta.key == PENDING_KEY))
        next_storage = db_session.scalar(select(Meta.value)
                                         .where(Meta.key == NEXT_STORAGE_KEY))
    pending = [key for key in (waiting or "").split(",") if key in ROTATED]
    if next_storage and not database.on_server:
        generation_text, _colon, digest = next_storage.partition(":")
        value = database.keyring.get(
            KEY_STORAGE, int(generation_text) if generation_text.isdigit() else -1)
        if value is not None and hmac.compare_digest(_digest(value), digest):
            try:
                if value != database.data_key:
                    _finish_storage(database, value)
                else:  # re-encrypted before the cut: only the marker was left
                    with database.writing() as db_session:
                        _set_meta(db_session, NEXT_STORAGE_KEY, "")
                _forget_old(database, {KEY_STORAGE: (int(generation_text), value)})
            except KnownError:
                # Still open elsewhere: sign-in goes on, and the next one tries again.
                log.warning("the database file could not be re-encrypted yet")
    if not pending or database.missing_content_keys(role):
        return None
    keys = database.load_keyfile()
    mine = [key for key in pending if database.current_key(key, keys) is not None]
    if not mine:
        return None
    return rotate_keys(database, user_id=user_id, reason="owed, finished at sign-in",
                       only=mine)


def _finish_storage(database: Database, value: bytes) -> None:
    """Step 3: re-encrypt the file under the new storage key, and reopen it."""
    if database.on_server:
        return  # a server's pages are the server's; only the sealed values are ours
    path = database.path
    database.engine.dispose()
    rekey(path, database.data_key, value)
    # From here the file opens only with the new key.
    database.rebind(open_engine(path, value), value)
    with database.writing() as db_session:
        _set_meta(db_session, NEXT_STORAGE_KEY, "")


def _forget_old(database: Database, new: dict[str, tuple[int, bytes]]) -> None:
    """Step 4: drop the grants of the generations before the new ones."""
    with database.writing() as db_session:
        keys = database.load_keyfile(db_session)
        for key, (generation, _value) in new.items():
            keys.forget_generations(key, generation)
        database.save_keyfile(keys, db_session)
    for key, (generation, _value) in new.items():
        for held in database.keyring.generations(key):
            if held < generation:
                database.keyring.secrets.pop((key, held), None)


def _keep_only(keys: KeyFile, roles: dict[str, Role]) -> None:
    """Revoke every grant an account should not hold now: all of a locked or unknown
    account's, and keys its role no longer needs. Version 1 slots go (they hold the old
    storage key itself)."""
    keys.slots = [slot for slot in keys.slots if not slot.legacy]
    keys.grants = [
        grant for grant in keys.grants
        if grant.kind == SLOT_RECOVERY
        or (grant.name in roles and grant.key in ROLE_KEYS[roles[grant.name].value])
    ]


def recovery_pin(keys: KeyFile) -> str:
    """The digest of the recovery slot's public keys ("" for none, or a version 1 one)."""
    slot = keys.slot(SLOT_RECOVERY, RECOVERY_SLOT_NAME)
    if slot is None or slot.legacy:
        return ""
    return hashlib.sha256(b"suoja recovery slot|" + slot.box_public
                          + slot.signing_public).hexdigest()


def pin_recovery(db_session: Session, keys: KeyFile) -> None:
    """Record in the database which recovery slot is the real one (``init`` and a new
    recovery code): a slot planted in the key file by someone who can write the folder
    then receives no key at a rotation."""
    _set_meta(db_session, RECOVERY_PIN, recovery_pin(keys))


def recovery_is_pinned(db_session: Session, keys: KeyFile) -> bool:
    """Whether the key file's recovery slot is the one the database recorded."""
    pinned = db_session.scalar(select(Meta.value).where(Meta.key == RECOVERY_PIN))
    found = recovery_pin(keys)
    return bool(pinned and found) and hmac.compare_digest(pinned or "", found)


def _waiting(db_session: Session) -> list[str]:
    waiting = db_session.scalar(select(Meta.value).where(Meta.key == PENDING_KEY))
    return [key for key in (waiting or "").split(",") if key in ROTATED]


def owe_rotation(db_session: Session) -> None:
    """Record, in the unit of work of a lock or reset, that every key must rotate: if
    the rotation after it does not finish, the next sign-in that can, does."""
    _set_meta(db_session, PENDING_KEY, ",".join(ROTATED))


def _grant(keys: KeyFile, kind: str, name: str, key: str, generation: int,
           value: bytes) -> None:
    """Grant, skipping a slot that cannot receive (none, version 1, or a public key that
    is not one: altered), so one bad slot cannot stop a revocation."""
    slot = keys.slot(kind, name)
    if slot is None or slot.legacy:
        return
    try:
        keys.grant(kind, name, key, generation, value)
    except ValueError:
        log.warning("a key slot with an unusable public key got no new keys")


def _active_roles(db_session: Session) -> dict[str, Role]:
    """Who remains, and with which role: only rows that verify under the account
    authority (one a script changed gets no key, as if it were locked)."""
    return authority.trusted_active_roles(db_session)


def _role_of(database: Database, username: str) -> Role | None:
    with database.reading() as db_session:
        role = db_session.scalar(select(User.role).where(User.username == username))
    return Role(role) if role is not None else None


def _reseal(db_session: Session, old: FieldCipher, new: FieldCipher, rotated: set[str],
            progress: Progress | None, only: RowFilter | None = None) -> tuple[int, int]:
    """Re-seal every value under a rotated key (with ``only``, the rows it picks), a
    batch of rows at a time (evidence files a few at a time: each may be 25 MB)."""
    columns = [(name, col, False) for name, cols in SEALED_COLUMNS.items() for col in cols]
    columns += [(name, col, True) for name, cols in SEALED_BYTES.items() for col in cols]
    work = []
    for name, col, binary in columns:
        if (KEY_CARE if (name, col) in CARE_COLUMNS else KEY_CASE) in rotated:
            source = table(name, column("id"), column("case_id"), column(col))
            picked = select(source.c.id).order_by(source.c.id)
            if only is not None:
                picked = picked.where(only(source, col, binary))
            ids = db_session.scalars(picked).all()
            work.append((source, col, binary, ids))
    total = sum(len(ids) for *_rest, ids in work)
    done = unopenable = 0
    connection = db_session.connection()
    with (BackgroundSender(connection, "suoja-reseal") if is_server(connection)
          else contextlib.nullcontext()) as sender:
        for source, col, binary, ids in work:
            name = source.name
            # On a server a batch's values go as two arrays in one UPDATE, sent from a
            # thread of its own while this one opens and seals the next batch: the
            # server's work (a new version of every row, and of its index entries) is
            # the larger part. Row by row cost a round trip and a firing of the
            # dashboard's statement triggers (migration 0018) each (128 s at 200,000
            # victims). On SQLite the driver's own executemany takes the (value, id)
            # tuples: SQLAlchemy's binding of a dict per row cost more than the UPDATE.
            write = (_array_writer(sender, source, col) if sender is not None and not binary
                     else _row_writer(connection, source, col))
            read = select(source.c.id, source.c.case_id, source.c[col])
            size = 8 if binary else READ_AHEAD
            for start in range(0, len(ids), size):
                chunk = ids[start:start + size]
                row_ids: list[int] = []
                values: list[Any] = []
                # Text all at once (a result's rows one by one cost as much as the
                # UPDATE); evidence files one by one (each may be 25 MB).
                result = connection.execute(read.where(source.c.id.in_(chunk)))
                for row_id, case_id, stored in (result if binary else result.all()):
                    try:
                        if binary:
                            plain: Any = old.open_bytes(name, col, row_id, case_id, stored)
                            sealed: Any = new.seal_bytes(name, col, row_id, case_id, plain)
                        else:
                            plain = old.open(name, col, row_id, case_id, stored)
                            sealed = new.seal(name, col, row_id, case_id, plain)
                    except DataError:
                        # Altered outside Suoja: nobody can open it, now or later. Left
                        # as found (verify names it) rather than let it block every
                        # revocation.
                        unopenable += 1
                        continue
                    row_ids.append(row_id)
                    values.append(sealed)
                    if len(row_ids) == BATCH:
                        write(row_ids, values)
                        row_ids, values = [], []
                if row_ids:
                    write(row_ids, values)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    return done - unopenable, unopenable


Writer = Callable[[list[int], list[Any]], None]


def _array_writer(sender: BackgroundSender, source: TableClause, col: str) -> Writer:
    """PostgreSQL: a batch in one ``UPDATE … FROM unnest(ids, values)``, sent by
    ``sender``'s thread while the next batch is opened and sealed."""
    sql = str(_array_update(source, col).compile(dialect=sender.dialect))

    def run(row_ids: list[int], values: list[Any]) -> None:
        with sender.driver.cursor() as cursor:
            cursor.execute(sql, {"row_ids": row_ids, "values": values})

    return lambda row_ids, values: sender.send(partial(run, row_ids, values))


def _row_writer(connection: Connection, source: TableClause, col: str) -> Writer:
    """An UPDATE per row in one executemany: on SQLite the driver's own, given the
    (value, id) tuples as they are (the values are already what the column stores),
    elsewhere (a server's binary column) SQLAlchemy's."""
    if connection.dialect.name == "sqlite":
        quote = connection.dialect.identifier_preparer.quote
        sql = f"UPDATE {quote(source.name)} SET {quote(col)} = ? WHERE id = ?"

        def write_driver(row_ids: list[int], values: list[Any]) -> None:
            connection.exec_driver_sql(sql, list(zip(values, row_ids, strict=True)))

        return write_driver
    statement = (update(source).where(source.c.id == bindparam("row_id"))
                 .values({col: bindparam("sealed")}))

    def write(row_ids: list[int], values: list[Any]) -> None:
        connection.execute(statement, [{"row_id": r, "sealed": v}
                                       for r, v in zip(row_ids, values, strict=True)])

    return write


def _array_update(source: TableClause, col: str) -> Any:
    """``UPDATE source SET col = r.sealed FROM unnest(:row_ids, :values) r(row_id,
    sealed) WHERE source.id = r.row_id`` (PostgreSQL)."""
    resealed = func.unnest(bindparam("row_ids", type_=ARRAY(Integer)),
                           bindparam("values", type_=ARRAY(Text))
                           ).table_valued("row_id", "sealed").render_derived("resealed")
    return update(source).where(source.c.id == resealed.c.row_id).values(
        {col: resealed.c.sealed})


def _set_meta(db_session: Session, key: str, value: str) -> None:
    db_session.merge(Meta(key=key, value=value))


def _digest(value: bytes) -> str:
    return hashlib.sha256(b"suoja next storage key|" + value).hexdigest()
