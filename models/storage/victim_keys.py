"""Victim keys: a random key per case, mixed into the keys of its sealed values
(``models.domain.sealed``, version 3) and destroyed when its victim is erased.

The keys live in the key store (``KeyFile.victim_keys``: the key file beside the
database, or the server's key store row). ``Database.writing`` stores the ones a unit of
work makes; this module takes them away again:

* at an erasure (:func:`destroy`, in the erasure's own save of the key store:
  ``models.storage.erasure.LedgerLine``) and, once it has committed, in every key file
  of the same database that Suoja keeps beside it (:func:`forget_in_copies`: the
  automatic backups and the copies taken before an upgrade in ``backups/``, restored
  copies beside the database), so those copies hold only ciphertext of the victim's
  sealed values;
* at a restore, from the restored copy's key file (every case of the erasure ledger);
* at sign-in (:func:`settle_at_sign_in`), for every case the audit trail records as
  erased (a key file put back from an older copy).

Sign-in also gives the sealed values of a database from before victim keys (version 2)
a victim key each (:func:`upgrade_sealed_values`), once, if the account holds both
content keys.

What this cannot reach: a copy somebody carried away *with* its key file, and a
PostgreSQL dump (its key store row holds the keys of its time): docs/SECURITY.md.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import ColumnElement, LargeBinary, TableClause, func, literal, select
from sqlalchemy.orm import Session

from models.domain.entities import AuditEvent, Meta
from models.domain.enums import AuditAction, Role
from models.domain.errors import DataError
from models.domain.private_files import write_private
from models.domain.sealed import BYTES_PREFIX, PREFIX, current_scope
from models.storage.database import keyfile_path
from models.storage.keyfile import KEY_CARE, KEY_CASE, MAX_KEYFILE_BYTES, KeyFile
from models.storage.rotation import Progress, _reseal
from models.storage.unit_of_work import Database

log = logging.getLogger("suoja.victim_keys")

#: ``suoja_meta``: every sealed value of a case that is not erased has a victim key
#: (written by :func:`upgrade_sealed_values`; a migration that seals values again in
#: version 2 deletes it).
UPGRADED_META_KEY = "sealed_v3"
#: Where the automatic backups and the copies before an upgrade are, beside the
#: database (``models.storage.maintenance.AUTOMATIC_FOLDER_NAME``).
BACKUP_FOLDER_NAME = "backups"


def destroy(keys: KeyFile, case_ids: Iterable[int]) -> dict[int, bytes]:
    """Take the victim keys of ``case_ids`` out of ``keys`` (not saved); the ones taken."""
    return {case_id: keys.victim_keys.pop(case_id) for case_id in set(case_ids)
            if case_id in keys.victim_keys}


def destroy_after_commit(database: Database, case_id: int) -> None:
    """Within an erasure's unit of work: once it commits, this process forgets the
    case's key and the key files beside the database lose it (:func:`forget_in_copies`)."""
    scope = current_scope(database.field_cipher.victims)
    if scope is None:
        return
    scope.erasing.add(case_id)
    if not database.on_server:
        def forget_beside() -> None:
            forget_in_copies(database, [case_id])

        scope.after_commit.append(forget_beside)


def copies_beside(db_path: Path, database_id: str) -> list[Path]:
    """The key files of ``database_id`` Suoja keeps beside the database at ``db_path``
    (restored copies) and in ``backups/`` (automatic backups, copies before an
    upgrade), the live database's own excluded. Links and others' files are skipped."""
    live = keyfile_path(db_path).resolve()
    found: list[Path] = []
    for folder in (db_path.parent, db_path.parent / BACKUP_FOLDER_NAME):
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.glob("*.keys")):
            if path.is_symlink() or not path.is_file() or path.resolve() == live:
                continue
            try:
                if path.stat().st_size > MAX_KEYFILE_BYTES:
                    continue
                keys = KeyFile.load(path)
            except (DataError, OSError):
                continue
            if keys.database_id == database_id:
                found.append(path)
    return found


def forget_in_copies(database: Database, case_ids: Iterable[int]) -> int:
    """Take the victim keys of ``case_ids`` out of every key file of this database
    beside it (:func:`copies_beside`); returns how many files were changed. A file that
    cannot be written is left (logged): the erasure itself has committed."""
    if database.on_server:
        return 0
    wanted = set(case_ids)
    try:
        database_id = database.load_keyfile().database_id
    except DataError:
        return 0
    changed = 0
    for path in copies_beside(database.path, database_id):
        try:
            keys = KeyFile.load(path)
            if destroy(keys, wanted):
                write_private(path, keys.to_document().encode("utf-8"))
                changed += 1
        except (DataError, OSError):
            log.warning("a backup's key file could not be updated after an erasure")
    return changed


def erased_in_database(db_session: Session) -> set[int]:
    """The cases the audit trail records as erased."""
    return {case_id for case_id in db_session.scalars(select(AuditEvent.case_id).where(
        AuditEvent.action == AuditAction.ERASE.value, AuditEvent.entity == "victim",
        AuditEvent.case_id.is_not(None))) if case_id is not None}


def settle_at_sign_in(database: Database, user_id: int, role: Role,
                      progress: Progress | None = None) -> int:
    """At sign-in (after the erasures are caught up): destroy the keys of erased cases
    the key store still holds (it was put back from an older copy), and give version 2
    sealed values victim keys if this account holds both content keys; returns how
    many values were upgraded."""
    with database.reading() as db_session:
        erased = erased_in_database(db_session)
        upgraded = db_session.get(Meta, UPGRADED_META_KEY) is not None
    keys = database.load_keyfile()
    if erased & set(keys.victim_keys):
        with database.writing() as db_session:
            keys = database.load_keyfile(db_session)  # again, under the writer's lock
            gone = destroy(keys, erased)
            if gone:
                database.save_keyfile(keys, db_session)
        database.field_cipher.victims.destroy(erased)
        forget_in_copies(database, erased)
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
            erased = select(AuditEvent.case_id).where(
                AuditEvent.action == AuditAction.ERASE.value, AuditEvent.entity == "victim",
                AuditEvent.case_id.is_not(None))

            def version2(source: TableClause, column: str, binary: bool) -> ColumnElement[bool]:
                value = source.c[column]
                old = (func.substr(value, 1, len(BYTES_PREFIX))
                       == literal(BYTES_PREFIX, LargeBinary) if binary
                       else value.like(PREFIX + "%"))
                return old & source.c.case_id.not_in(erased)

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
