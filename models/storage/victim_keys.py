"""Victim keys: a random key per case, mixed into the keys of its sealed values
(``models.domain.sealed``, version 3) and destroyed when its victim is erased.

The keys live in the key store (``KeyFile.victim_keys``: the key file beside the
database, or the server's key store row). ``Database.writing`` stores the ones a unit of
work makes; they are taken away again:

* at an erasure: on a server in the erasure's own transaction (``Database.writing``);
  on SQLite once it has committed (``models.storage.erasure.copy_lines``, under the
  writer's lock), so a failed commit never loses a key its values still need;
* at every sign-in (:func:`settle_at_sign_in`), for every case
  ``models.storage.erasure.erased_case_ids`` lists (a crash between an erasure's commit
  and the key file's save, a key file put back from an older copy);
* wherever an erasure is applied again (``models.storage.erasure.apply_erasures``): in
  a restored copy's key file (``models.storage.maintenance.restore_backup``) and in the
  key files of the backups in ``backups/`` (``erase_in_copies``), also of a backup that
  already holds the erasure but whose key file kept the key.

Sign-in also gives the sealed values of a database from before victim keys (version 2)
a victim key each (:func:`upgrade_sealed_values`), once, if the account holds both
content keys.

What this cannot reach: a copy somebody carried away *with* its key file, a backup in
``backups/`` this session cannot open, and a PostgreSQL dump (its key store row holds
the keys of its time): docs/SECURITY.md.
"""

from __future__ import annotations

import logging

from sqlalchemy import ColumnElement, LargeBinary, TableClause, func, literal, select

from models.domain.entities import AuditEvent, Meta
from models.domain.enums import AuditAction, Role
from models.domain.sealed import BYTES_PREFIX, PREFIX
from models.storage.erasure import database_lines, erased_case_ids
from models.storage.keyfile import KEY_CARE, KEY_CASE, KeyFile
from models.storage.rotation import Progress, _reseal
from models.storage.unit_of_work import Database

log = logging.getLogger("suoja.victim_keys")

#: ``suoja_meta``: every sealed value of a case that is not erased has a victim key
#: (written by :func:`upgrade_sealed_values`; a migration that seals values again in
#: version 2 deletes it).
UPGRADED_META_KEY = "sealed_v3"


def settle_at_sign_in(database: Database, user_id: int, role: Role,
                      progress: Progress | None = None, keys: KeyFile | None = None) -> int:
    """At sign-in (after the erasures are caught up): destroy the keys of erased cases
    the key store still holds, and give version 2 sealed values victim keys if this
    account holds both content keys; returns how many values were upgraded.

    ``keys``: the key store as this sign-in read it (else it is read here). Only cases
    a ledger line names are looked for (every erasure stores one in its unit of work;
    erasures from before the ledger predate victim keys, and the upgrade gives them
    none), first among the key ids without making the dict of keys, so a sign-in with
    nothing to destroy reads no audit events; the store is read again under the
    writer's lock only if an erased case still has a key.
    """
    with database.reading() as db_session:
        upgraded = db_session.get(Meta, UPGRADED_META_KEY) is not None
        listed = {entry.case_id for entry in database_lines(db_session)}
        if listed and keys is None:
            keys = database.load_keyfile()
        if keys is not None:
            listed |= {entry.case_id for entry in keys.erasures}
        erased: set[int] = set()
        if keys is not None and listed and keys.holds_victim_key_of(listed):
            erased = set(db_session.scalars(erased_case_ids())) & listed
    if erased:
        assert keys is not None
        if keys.holds_victim_key_of(erased):
            with database.writing() as db_session:
                keys = database.load_keyfile(db_session)  # again, under the writer's lock
                if keys.destroy_victim_keys(erased):
                    database.save_keyfile(keys, db_session)
        database.field_cipher.victims.destroy(erased)
    if upgraded or database.missing_content_keys(Role.SUPERVISOR):
        return 0
    return upgrade_sealed_values(database, user_id, role, progress)


def upgrade_sealed_values(database: Database, user_id: int | None, role: Role | None,
                          progress: Progress | None = None) -> int:
    """Re-seal every version 2 value of a case that is not erased in version 3 (one unit
    of work; the victim keys it makes are stored with it); returns how many."""
    database.load_content_keys()
    cipher = database.field_cipher
    try:
        with database.writing() as db_session:
            # Erased here or recorded as erased: its values stay as they are (empty).
            recorded = select(AuditEvent.case_id).where(
                AuditEvent.action == AuditAction.ERASE.value, AuditEvent.entity == "victim",
                AuditEvent.case_id.is_not(None))

            def version2(source: TableClause, column: str, binary: bool) -> ColumnElement[bool]:
                value = source.c[column]
                old = (func.substr(value, 1, len(BYTES_PREFIX))
                       == literal(BYTES_PREFIX, LargeBinary) if binary
                       else value.like(PREFIX + "%"))
                return old & source.c.case_id.not_in(recorded)

            resealed, unopenable = _reseal(db_session, cipher, cipher, {KEY_CARE, KEY_CASE},
                                           progress, only=version2)
            db_session.merge(Meta(key=UPGRADED_META_KEY, value="1"))
            if resealed or unopenable:
                detail = f"sealed values given victim keys: {resealed}"
                if unopenable:
                    detail += f"; unopenable values left as found: {unopenable}"
                database.audit.record(db_session, user_id=user_id,
                                      action=AuditAction.ACCOUNT, entity="database",
                                      detail=detail)
    finally:
        database.load_content_keys(role)  # back to what the role reads
    if resealed:
        log.info("%d sealed values given victim keys", resealed)
    return resealed
