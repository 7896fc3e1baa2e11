"""Erasing a victim's personal data, and the erasure ledger that keeps it erased.

:func:`erase_case_rows` is the erasure itself (what goes and what stays:
``models.services.retention``'s docstring); the service calls it for a supervisor's
erasure, and a restore calls it again for every erasure the restored copy predates.

The *erasure ledger* says which cases were erased and when: case ids and dates, nothing
personal. It is kept twice:

* in the database, as the audit trail's ``erase`` events (signed and chained, so an
  entry cannot be removed unnoticed: :func:`erased_case_ids`);
* in the key file (on a server, the server's key store), as :class:`ErasureEntry` lines,
  each with an HMAC under a key derived from the chain key, written in the erasure's own
  unit of work (a key file that cannot be written rolls the erasure back). Every backup
  carries a copy of the key file, so the newest key file of a database knows every
  erasure, also when the database itself is a copy from before them.

Restoring a backup (``models.storage.maintenance.restore_backup``) reads the ledgers of
the key files beside the backup and beside the target, and erases again, in the restored
copy and before it gets its name, every case they list that the copy still holds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import hmac
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import ColumnElement, Select, delete, func, select, update
from sqlalchemy.orm import Session

from models.domain.base import utcnow
from models.domain.entities import (
    AccessGrant,
    Attachment,
    AuditEvent,
    Case,
    ExtortionContact,
    FollowUp,
    IdentityCodeRecord,
    Meta,
    PoliceReport,
    ProtectiveAction,
    SupportSession,
    Victim,
    VictimCorrection,
)
from models.domain.enums import AuditAction, CaseStatus, ClosureReason, Role
from models.domain.errors import AuthenticationError, DataError
from models.domain.i18n import ngettext
from models.domain.private_files import private_folder, write_private
from models.domain.sealed import Sealed
from models.security.audit_anchor import anchors_path
from models.storage import server
from models.storage.database import scrub_freed_pages
from models.storage.keyfile import MAX_KEYFILE_BYTES, ErasureEntry, KeyFile
from models.storage.unit_of_work import Database

#: ``suoja_meta`` key holding the retention period in days (the reasons for the default:
#: ``models.services.retention``). Automatic backups older than it are deleted.
RETENTION_META_KEY = "retention_days"
#: Five years after closing.
DEFAULT_RETENTION_DAYS = 5 * 365
#: ``suoja_meta`` key: how many days the copies taken before a schema upgrade are kept.
UPGRADE_COPY_META_KEY = "upgrade_copy_days"
#: A month: long enough to notice that an upgrade went wrong.
DEFAULT_UPGRADE_COPY_DAYS = 30
log = logging.getLogger("suoja.erasure")

#: This workstation's copy of the ledgers of the databases signed in to here.
WORKSTATION_LEDGER_FILE = "erasure-ledger.json"
#: What an erased victim's last name reads (stored: not translated).
ERASED_NAME = "Erased"
#: The tables an erasure changes (vacuumed afterwards on a server).
ERASED_TABLES = ["victim", "identity_code_record", "case_file", "extortion_contact",
                 "police_report", "support_session", "follow_up", "protective_action",
                 "attachment", "access_grant", "victim_correction"]


def retention_days(db_session: Session) -> int:
    """The retention period after a case's closing, in days."""
    return _meta_days(db_session, RETENTION_META_KEY, DEFAULT_RETENTION_DAYS)


def upgrade_copy_days(db_session: Session) -> int:
    """How many days a copy taken before a schema upgrade is kept."""
    return _meta_days(db_session, UPGRADE_COPY_META_KEY, DEFAULT_UPGRADE_COPY_DAYS)


def _meta_days(db_session: Session, key: str, default: int) -> int:
    stored = db_session.scalar(select(Meta.value).where(Meta.key == key))
    try:
        return int(stored) if stored is not None else default
    except ValueError:
        return default  # altered outside Suoja: the default, never "keep forever"


def erased_case_ids() -> Select[int | None]:
    """Cases already erased: the audit trail's ``erase`` events are the tamper-evident
    record of it, so no flag column is needed."""
    return select(AuditEvent.case_id).where(
        AuditEvent.action == AuditAction.ERASE.value,
        AuditEvent.entity == "victim",
        AuditEvent.case_id.is_not(None),
    )


def erase_case_rows(db_session: Session, case_id: int, victim_id: int) -> dict[str, int]:
    """Remove the personal data of one case; returns how many rows of each kind were
    touched. The caller audits it and commits (one unit of work)."""
    now = utcnow()

    def count(entity: Any, where: ColumnElement[bool]) -> int:
        return int(db_session.scalar(select(func.count()).select_from(entity).where(where))
                   or 0)

    def clear(entity: Any, where: ColumnElement[bool], **values: Any) -> int:
        found = count(entity, where)
        if found:
            # Sealed values are re-sealed empty row by row (their row and case are bound
            # in); the rest in one statement.
            sealed = {name: values.pop(name) for name in list(values)
                      if isinstance(getattr(entity, name, None), Sealed)}
            if sealed:
                for row in db_session.scalars(select(entity).where(where)):
                    for name, value in sealed.items():
                        setattr(row, name, value)
                db_session.flush()
            if hasattr(entity, "version"):
                # A stale edit of an erased record must be refused, not written back.
                values.update(version=entity.version + 1)
            if hasattr(entity, "updated_at"):
                values.update(updated_at=now)
            db_session.execute(
                update(entity).where(where).values(**values),
                execution_options={"synchronize_session": False},
            )
        return found

    def remove(entity: Any, where: ColumnElement[bool]) -> int:
        found = count(entity, where)
        if found:
            db_session.execute(
                delete(entity).where(where), execution_options={"synchronize_session": False}
            )
        return found

    counts = {
        "attachments": remove(Attachment, Attachment.case_id == case_id),
        "identity_codes": remove(IdentityCodeRecord, IdentityCodeRecord.victim_id == victim_id),
        "contacts": clear(ExtortionContact, ExtortionContact.case_id == case_id,
                          message_text="", sender="", wallet_address=None),
        "reports": clear(PoliceReport, PoliceReport.case_id == case_id, report_number=""),
        "sessions": clear(SupportSession, SupportSession.case_id == case_id,
                          notes="", outcome="", distress_level=None),
        "follow_ups": clear(FollowUp, FollowUp.case_id == case_id, description=""),
        "actions": clear(ProtectiveAction, ProtectiveAction.case_id == case_id,
                         note="", evidence="", grounds=None),
        "grants": clear(AccessGrant, AccessGrant.case_id == case_id, reason=""),
        "corrections": remove(VictimCorrection, VictimCorrection.victim_id == victim_id),
    }
    clear(Case, Case.id == case_id, risk_reason="")
    clear(
        Victim, Victim.id == victim_id,
        first_names="", last_name=ERASED_NAME,
        search_first_names="", search_last_name="", search_full_name="",
        identity_code=None, birth_date=None, phone=None, email=None,
        street_address="", postal_code="", city="", safe_contact_note="",
        may_leave_voicemail=False, may_send_sms=False, may_email=False, may_send_post=False,
    )
    return counts


def erasures_due(db_session: Session, ledger: dict[int, ErasureEntry]) -> list[ErasureEntry]:
    """The ledger's cases that the copy holds and has not erased (by case id)."""
    if not ledger:
        return []
    erased = set(db_session.scalars(erased_case_ids()))
    present = set(db_session.scalars(select(Case.id).where(Case.id.in_(
        [case_id for case_id in ledger if case_id not in erased]))))
    return [ledger[case_id] for case_id in sorted(present)]


def apply_erasures(database: Database, db_session: Session, user_id: int,
                    due: list[ErasureEntry]) -> None:
    """Erase again, in the restored copy, the cases it held that were erased since."""
    for entry in due:
        case = db_session.get(Case, entry.case_id)
        if case is None:
            continue
        if case.status != CaseStatus.CLOSED.value:
            # Only closed cases are erased: this copy is from before it was closed.
            case.status, case.closed_on = CaseStatus.CLOSED.value, entry.erased_on
            case.closure_reason = case.closure_reason or ClosureReason.OTHER.value
            db_session.flush()
        victim_id = case.victim_id
        counts = erase_case_rows(db_session, entry.case_id, victim_id)
        database.audit.record(
            db_session, user_id=user_id, action=AuditAction.ERASE, entity="victim",
            entity_id=victim_id, case_id=entry.case_id,
            detail=(f"reason=ledger erased_on={entry.erased_on.isoformat()} "
                    + " ".join(f"{name}={count}" for name, count in counts.items())),
        )


# -- the ledger in the key file --------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _ledger_key(chain_secret: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"suoja erasure ledger v1").derive(chain_secret)


def _entry_mac(chain_secret: bytes, database_id: str, case_id: int, on: dt.date) -> str:
    message = f"erasure\x1f{database_id}\x1f{case_id}\x1f{on.isoformat()}".encode()
    return hmac.new(_ledger_key(chain_secret), message, hashlib.sha256).hexdigest()


def ledger_entry(chain_secret: bytes, database_id: str, case_id: int,
                 on: dt.date) -> ErasureEntry:
    """A ledger line for ``case_id`` erased on ``on``."""
    return ErasureEntry(case_id, on, _entry_mac(chain_secret, database_id, case_id, on))


def entry_is_genuine(entry: ErasureEntry, chain_secret: bytes, database_id: str) -> bool:
    return hmac.compare_digest(
        entry.mac, _entry_mac(chain_secret, database_id, entry.case_id, entry.erased_on))


def add_to_ledger(keys: KeyFile, entries: Iterable[ErasureEntry]) -> int:
    """Add the entries ``keys`` does not hold yet (one per case); returns how many."""
    known = {entry.case_id for entry in keys.erasures}
    added = 0
    for entry in entries:
        if entry.case_id not in known:
            keys.erasures.append(entry)
            known.add(entry.case_id)
            added += 1
    return added


def genuine_entries(keys: Iterable[KeyFile], chain_secret: bytes,
                    database_id: str) -> tuple[dict[int, ErasureEntry], int]:
    """The genuine entries of every key file of ``database_id`` in ``keys``, one per case
    (the earliest), and how many entries were refused as not genuine."""
    found: dict[int, ErasureEntry] = {}
    refused: set[ErasureEntry] = set()  # one file may be read twice: count each once
    for keyfile in keys:
        if keyfile.database_id != database_id:
            continue
        for entry in keyfile.erasures:
            if not entry_is_genuine(entry, chain_secret, database_id):
                refused.add(entry)
            elif entry.case_id not in found or entry.erased_on < found[entry.case_id].erased_on:
                found[entry.case_id] = entry
    return found, len(refused)


def key_files_beside(folders: Iterable[Path], database_id: str) -> list[KeyFile]:
    """Every readable key file of ``database_id`` in ``folders`` (``*.keys``): the live
    database's, the automatic backups', earlier restores'. Others are skipped."""
    found: list[KeyFile] = []
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.keys")):
            resolved = path.resolve()
            if resolved in seen or not path.is_file() or path.is_symlink():
                continue
            seen.add(resolved)
            try:
                if path.stat().st_size > MAX_KEYFILE_BYTES:
                    continue
                keys = KeyFile.load(path)
            except (DataError, OSError):
                continue
            if keys.database_id == database_id:
                found.append(keys)
    return found


class LedgerLine:
    """The ledger line of one erasure, written within its unit of work
    (:func:`ledger_line`)."""

    def __init__(self, database: Database, case_id: int) -> None:
        self._database, self._case_id = database, case_id
        self.written = False

    def write(self, db_session: Session, on: dt.date) -> None:
        """Add the case to the key file's ledger (on a server: in ``db_session``; on
        SQLite the file is written now, before the erasure commits)."""
        database = self._database
        keys = database.load_keyfile(db_session)
        entry = ledger_entry(database.chain_secret, keys.database_id, self._case_id, on)
        if add_to_ledger(keys, [entry]):
            database.save_keyfile(keys, db_session)
            self.written = not database.on_server

    def take_back(self) -> None:
        """Take the line out again: the erasure did not commit. (If this fails too, the
        ledger lists a case that is still there, which errs on the side of erasing it
        from a restored copy.)"""
        keys = self._database.load_keyfile()
        kept = [entry for entry in keys.erasures if entry.case_id != self._case_id]
        if len(kept) != len(keys.erasures):
            keys.erasures = kept
            self._database.save_keyfile(keys)


@contextlib.contextmanager
def ledger_line(database: Database, case_id: int) -> Iterator[LedgerLine]:
    """Wrap an erasure's unit of work: ``with ledger_line(db, id) as line,
    db.writing() as s: … line.write(s, today)``; a line written to a key file is taken
    back if the unit of work does not commit."""
    line = LedgerLine(database, case_id)
    try:
        yield line
    except BaseException:
        if line.written:
            with contextlib.suppress(Exception):
                line.take_back()
        raise


def database_erasures(db_session: Session) -> dict[int, dt.date]:
    """The erasures the audit trail records: case id -> the day (UTC) of the first."""
    rows = db_session.execute(
        select(AuditEvent.case_id, func.min(AuditEvent.occurred_at))
        .where(AuditEvent.action == AuditAction.ERASE.value, AuditEvent.entity == "victim",
               AuditEvent.case_id.is_not(None))
        .group_by(AuditEvent.case_id)).all()
    return {case_id: at.date() for case_id, at in rows if case_id is not None}


def bring_ledger_up_to_date(database: Database) -> int:
    """Give the key file's ledger, and this workstation's, every erasure the audit trail
    and the other ledger record (erasures made before the ledger existed, a key file put
    back from an older copy, a server restored from a dump); returns how many lines the
    key file gained. Run at every sign-in."""
    with database.reading() as db_session:
        erased = database_erasures(db_session)
    keys = database.load_keyfile()
    secret = database.chain_secret
    entries = [ledger_entry(secret, keys.database_id, case_id, on)
               for case_id, on in erased.items()]
    local = workstation_ledger(keys.database_id)
    remember_on_workstation(keys.database_id, [*keys.erasures, *entries])
    genuine, _refused = genuine_entries([local], secret, keys.database_id)
    entries += genuine.values()
    listed = {entry.case_id for entry in keys.erasures}
    if not {entry.case_id for entry in entries} - listed:
        return 0
    with database.writing() as db_session:
        keys = database.load_keyfile(db_session)  # again, under the writer's lock
        added = add_to_ledger(keys, entries)
        if added:
            database.save_keyfile(keys, db_session)
    return added


def unapplied_erasures(database: Database, db_session: Session,
                       keys: KeyFile) -> list[ErasureEntry]:
    """The erasures the key file's and this workstation's (genuine) ledgers list that
    this database does not hold: it is a copy from before them that was not restored
    through Suoja (by hand, or a server restored from a dump)."""
    ledger, _refused = genuine_entries([keys, workstation_ledger(keys.database_id)],
                                       database.chain_secret, keys.database_id)
    return erasures_due(db_session, ledger)


# -- this workstation's copy of the ledger ---------------------------------------------


def workstation_ledger_path() -> Path:
    """Beside the audit anchors, in the user's own data folder: database ids, case ids,
    dates and MACs, nothing personal."""
    return anchors_path().with_name(WORKSTATION_LEDGER_FILE)


def workstation_ledger(database_id: str) -> KeyFile:
    """The lines this workstation remembers for ``database_id`` (as a key file with no
    slots). A file that cannot be read counts as empty: it is a second copy, and the key
    file's ledger and the audit trail still hold the erasures."""
    path = workstation_ledger_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        lines = raw.get(database_id, []) if isinstance(raw, dict) else []
        entries = [ErasureEntry.from_json(line) for line in lines]
    except FileNotFoundError:
        entries = []
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        log.warning("this workstation's erasure ledger is unreadable; not used")
        entries = []
    return KeyFile(database_id=database_id, erasures=entries)


def remember_on_workstation(database_id: str, entries: Iterable[ErasureEntry]) -> None:
    """Add ``entries`` to this workstation's ledger (written only when it gains one)."""
    path = workstation_ledger_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            return  # not Suoja's: left for a person, never written over
    except FileNotFoundError:
        raw = {}
    except (OSError, ValueError):
        return
    known = workstation_ledger(database_id)
    if not add_to_ledger(known, entries):
        return
    raw[database_id] = [entry.to_json() for entry in known.erasures]
    private_folder(path.parent)
    write_private(path, json.dumps(raw, indent=1).encode("utf-8"))


def catch_up_erasures(database: Database, user_id: int, role: Role) -> int:
    """At sign-in: apply the erasures the ledger lists and this database predates (a
    copy put in place by hand), if this account holds both content keys (counsellors and
    supervisors do: erasing re-seals sealed values empty); else refuse, so nobody reads
    the copy before they are applied.

    Raises:
        AuthenticationError: there are some, and this account cannot apply them.
    """
    keys = database.load_keyfile()
    with database.reading() as db_session:
        due = unapplied_erasures(database, db_session, keys)
    if not due:
        return 0
    if database.missing_content_keys(Role.SUPERVISOR):
        raise AuthenticationError(ngettext(
            "This database is a copy from before {n} erasure; a counsellor or a supervisor "
            "must sign in first so that it is applied again.",
            "This database is a copy from before {n} erasures; a counsellor or a supervisor "
            "must sign in first so that they are applied again.", len(due)).format(n=len(due)))
    database.load_content_keys()
    try:
        with database.writing() as db_session:
            apply_erasures(database, db_session, user_id, erasures_due(db_session, {
                entry.case_id: entry for entry in due}))
    finally:
        database.load_content_keys(role)  # back to what the role reads
    if not database.on_server:
        scrub_freed_pages(database.engine)
    else:
        server.vacuum(database.engine, ERASED_TABLES)
    return len(due)
