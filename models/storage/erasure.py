"""Erasing a victim's personal data, and the erasure ledger that keeps it erased.

:func:`erase_case_rows` is the erasure itself (what goes and what stays:
``models.services.retention``'s docstring); the service calls it for a supervisor's
erasure, and a restore or a sign-in calls it again for every erasure a copy predates.

The *erasure ledger* says which cases were erased: one :class:`ErasureEntry` line per
erasure with the case id, the case's creation time (so a case id used again in a copy
restored from before the erasure is told apart), the day, and the erasing supervisor's
Ed25519 signature. Nothing personal. A line counts only if its signer's account row,
as the account authority signed it in the database at hand, is a supervisor's, so no
other role can plant one with a script. Lines are kept:

* in the database (``suoja_meta`` rows ``erasure:<case>:<created>``, written in the
  erasure's own unit of work);
* in the key file (on a server, the key store row), copied after the erasure commits
  and at every sign-in; every backup carries a copy of its key file;
* on every workstation that signed in since (``erasure-ledger.json`` beside the audit
  anchors), also after the erasure.

A restore (``models.storage.maintenance.restore_backup``) and every sign-in
(:func:`catch_up_erasures`) erase again every case a line names that the database at
hand still holds unerased, before anyone reads it. A case counts as erased when its
victim's data is gone *and* the audit trail records the erasure (:func:`erased_case_ids`),
so a forged ``erase`` event alone neither hides a case from retention nor blocks its
erasure.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import ColumnElement, Select, delete, func, select, update
from sqlalchemy.orm import Session

from models.domain import deployment
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
    User,
    Victim,
    VictimCorrection,
)
from models.domain.enums import AuditAction, CaseStatus, ClosureReason, Role
from models.domain.errors import AuthenticationError, DataError, KnownError
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.domain.private_files import private_folder, write_private
from models.domain.sealed import Sealed, erasing
from models.security.audit_anchor import anchors_path
from models.security.signatures import decode, encode, load_trust, user_signer, verifies
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
#: ``suoja_meta`` keys of the ledger's lines: this and ``<case id>:<created>``.
LINE_PREFIX = "erasure:"
#: What an erased victim's last name reads (stored: not translated).
ERASED_NAME = "Erased"
#: The tables an erasure changes (vacuumed afterwards on a server).
ERASED_TABLES = ["victim", "identity_code_record", "case_file", "extortion_contact",
                 "police_report", "support_session", "follow_up", "protective_action",
                 "attachment", "access_grant", "victim_correction"]


def retention_days(db_session: Session) -> int:
    """The retention period after a case's closing, in days: the deployment file's if it
    enforces one, else the one saved, else the file's default, else five years."""
    deployed = deployment.current()
    days = deployed.number("retention_days")
    if days is not None and deployed.enforces("retention_days"):
        return days
    return _meta_days(db_session, RETENTION_META_KEY, days or DEFAULT_RETENTION_DAYS)


def upgrade_copy_days(db_session: Session) -> int:
    """How many days a copy taken before a schema upgrade is kept."""
    return _meta_days(db_session, UPGRADE_COPY_META_KEY, DEFAULT_UPGRADE_COPY_DAYS)


def _meta_days(db_session: Session, key: str, default: int) -> int:
    stored = db_session.scalar(select(Meta.value).where(Meta.key == key))
    try:
        return int(stored) if stored is not None else default
    except ValueError:
        return default  # altered outside Suoja: the default, never "keep forever"


def erased_case_ids() -> Select[int]:
    """Cases erased: the victim's data is gone and the audit trail records the erasure
    (an ``erase`` event alone, which any account could forge with a script, is not
    enough; nor is a victim emptied outside Suoja)."""
    recorded = select(AuditEvent.case_id).where(
        AuditEvent.action == AuditAction.ERASE.value, AuditEvent.entity == "victim",
        AuditEvent.case_id.is_not(None))
    return (select(Case.id).join(Victim, Victim.id == Case.victim_id)
            .where(Victim.last_name == ERASED_NAME, Victim.first_names == "",
                   Victim.identity_code.is_(None), Case.id.in_(recorded)))


def erase_case_rows(db_session: Session, case_id: int, victim_id: int) -> dict[str, int]:
    """Remove the personal data of one case; returns how many rows of each kind were
    touched. The caller audits it and commits (one unit of work)."""
    now = utcnow()
    erasing(case_id)  # its values are sealed again without the key the erasure destroys

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
    clear(Case, Case.id == case_id, risk_reason="", intake_note="")
    clear(
        Victim, Victim.id == victim_id,
        first_names="", last_name=ERASED_NAME,
        search_first_names="", search_last_name="", search_full_name="",
        identity_code=None, birth_date=None, phone=None, email=None,
        street_address="", postal_code="", city="", safe_contact_note="",
        may_leave_voicemail=False, may_send_sms=False, may_email=False, may_send_post=False,
    )
    return counts


# -- ledger lines ----------------------------------------------------------------------


def created_stamp(created_at: dt.datetime) -> int:
    """A case's creation time as whole microseconds since 1970 (UTC)."""
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return (created_at.astimezone(dt.UTC) - epoch) // dt.timedelta(microseconds=1)


def _message(database_id: str, entry: ErasureEntry) -> bytes:
    return (f"suoja erasure/1\x1f{database_id}\x1f{entry.case_id}\x1f{entry.created}"
            f"\x1f{entry.erased_on.isoformat()}\x1f{entry.signer}").encode()


def signed_line(database: Database, database_id: str, case_id: int,
                created_at: dt.datetime, user_id: int, on: dt.date) -> ErasureEntry:
    """The ledger line of the case ``case_id`` (created at ``created_at``) erased on
    ``on``, signed by the erasing account.

    Raises:
        DataError: this session holds no signing key (a version 1 slot not yet upgraded).
    """
    identity = database.identity
    if identity is None:
        raise DataError(_("This account cannot sign an erasure yet; sign out and in again."))
    unsigned = ErasureEntry(case_id, created_stamp(created_at), on, user_signer(user_id), "")
    signature = identity.signing.sign(_message(database_id, unsigned))
    return ErasureEntry(unsigned.case_id, unsigned.created, on, unsigned.signer,
                        encode(signature))


def _line_key(entry: ErasureEntry) -> str:
    return f"{LINE_PREFIX}{entry.case_id}:{entry.created}"


def store_line(db_session: Session, entry: ErasureEntry) -> None:
    """Keep ``entry`` in the database (in the caller's unit of work)."""
    db_session.merge(Meta(key=_line_key(entry), value=json.dumps(entry.to_json())))


def database_lines(db_session: Session) -> list[ErasureEntry]:
    """The ledger lines the database keeps (a damaged one is skipped)."""
    lines = []
    for value in db_session.scalars(select(Meta.value).where(
            Meta.key.startswith(LINE_PREFIX, autoescape=True))):
        try:
            lines.append(ErasureEntry.from_json(json.loads(value)))
        except (ValueError, TypeError, KeyError):
            log.warning("a damaged erasure ledger line in the database was skipped")
    return lines


def add_lines(keys: KeyFile, entries: Iterable[ErasureEntry]) -> int:
    """Add to ``keys``'s ledger the lines it does not hold; returns how many. Lines are
    told apart whole (a planted line for a case cannot keep the true one out)."""
    known = set(keys.erasures)
    added = 0
    for entry in entries:
        if entry not in known:
            keys.erasures.append(entry)
            known.add(entry)
            added += 1
    return added


def _supervisor_keys(db_session: Session) -> dict[str, tuple[Ed25519PublicKey, ...]]:
    """The signing keys of every supervisor whose account row the authority signed."""
    trust = load_trust(db_session)
    if not trust.established:
        return {}
    return {signer: trust.signers[signer] for user_id, role in db_session.execute(
                select(User.id, User.role))
            if role == Role.SUPERVISOR.value
            and (signer := user_signer(user_id)) in trust.signers}


def erasures_due(db_session: Session, lines: Iterable[ErasureEntry]
                 ) -> tuple[list[ErasureEntry], int]:
    """The lines whose case the database holds, created when the line says, and not
    erased, with a supervisor's valid signature; and how many such lines were refused
    (not signed by a supervisor this database knows)."""
    by_case: dict[int, list[ErasureEntry]] = {}
    for entry in lines:
        by_case.setdefault(entry.case_id, []).append(entry)
    if not by_case:
        return [], 0
    erased = set(db_session.scalars(erased_case_ids()))
    ids = [case_id for case_id in by_case if case_id not in erased]
    present: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        for case_id, created_at in db_session.execute(
                select(Case.id, Case.created_at).where(Case.id.in_(ids[start:start + 500]))):
            present[case_id] = created_stamp(created_at)
    candidates = [(case_id, [e for e in by_case[case_id] if e.created == created])
                  for case_id, created in sorted(present.items())]
    candidates = [(case_id, found) for case_id, found in candidates if found]
    if not candidates:
        return [], 0
    database_id = db_session.scalar(select(Meta.value).where(Meta.key == "database_id")) or ""
    keys = _supervisor_keys(db_session)
    due, refused = [], 0
    for _case_id, found in candidates:
        good = next((entry for entry in found if _signed_by_a_supervisor(
            entry, keys, database_id)), None)
        if good is None:
            refused += 1
        else:
            due.append(good)
    return due, refused


def _signed_by_a_supervisor(entry: ErasureEntry, keys: dict[str, tuple[Ed25519PublicKey, ...]],
                            database_id: str) -> bool:
    try:
        signature = decode(entry.signature)
    except ValueError:
        return False
    message = _message(database_id, entry)
    return any(verifies(key, signature, message) for key in keys.get(entry.signer, ()))


def apply_erasures(database: Database, db_session: Session, user_id: int | None,
                   due: list[ErasureEntry]) -> None:
    """Erase again the cases of ``due`` (from :func:`erasures_due`), audited as
    ``reason=ledger`` with the original signer, and keep their lines."""
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
        store_line(db_session, entry)
        database.audit.record(
            db_session, user_id=user_id, action=AuditAction.ERASE, entity="victim",
            entity_id=victim_id, case_id=entry.case_id,
            detail=(f"reason=ledger erased_on={entry.erased_on.isoformat()} "
                    f"erased_by={entry.signer} "
                    + " ".join(f"{name}={count}" for name, count in counts.items())),
        )


# -- the copies of the ledger ----------------------------------------------------------


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


def copy_lines(database: Database, lines: list[ErasureEntry]) -> None:
    """After an erasure committed: its lines into the key file (on a server, the key
    store row) and this workstation's ledger, and the erased cases' victim keys out of
    the key file (a server's went in the erasure's transaction), in one save under the
    writer's lock (a victim key another workstation stores meanwhile is kept). A failure
    is logged, never raised: the database keeps the lines, and every sign-in copies them
    again and destroys the keys of every erased case."""
    try:
        with database.writing() as db_session:
            keys = database.load_keyfile(db_session)
            added = add_lines(keys, lines)
            if keys.destroy_victim_keys(entry.case_id for entry in lines) or added:
                database.save_keyfile(keys, db_session)
        remember_on_workstation(keys.database_id, lines)
    except (KnownError, OSError):
        log.warning("the erasure ledger could not be copied yet; the next sign-in does it")


def bring_ledger_up_to_date(database: Database, keys: KeyFile | None = None) -> int:
    """At sign-in: every line the database, the key file and this workstation know goes
    into the key file and this workstation's ledger (lines are only copied here; they
    count when they are applied, and only if a supervisor signed them). Returns how many
    lines the key file gained.

    ``keys``: the key file as this sign-in read it (its lines), else it is read here; it
    is read again under the writer's lock before it is changed.
    """
    if keys is None:
        keys = database.load_keyfile()
    local = workstation_ledger(keys.database_id)
    with database.reading() as db_session:
        lines = [*database_lines(db_session), *local, *keys.erasures]
    remember_on_workstation(keys.database_id, lines)
    if set(lines) <= set(keys.erasures):
        return 0
    with database.writing() as db_session:
        # Again, under the writer's lock (on SQLite too: a victim key stored meanwhile
        # by another workstation's unit of work must not be written over).
        keys = database.load_keyfile(db_session)
        added = add_lines(keys, lines)
        if added:
            database.save_keyfile(keys, db_session)
    return added


def known_lines(database: Database, db_session: Session, keys: KeyFile) -> list[ErasureEntry]:
    """Every line the database, ``keys`` and this workstation know."""
    return [*database_lines(db_session), *keys.erasures,
            *workstation_ledger(keys.database_id)]


# -- this workstation's copy of the ledger ---------------------------------------------


def workstation_ledger_path() -> Path:
    """Beside the audit anchors, in the user's own data folder: database ids, case ids,
    dates and signatures, nothing personal."""
    return anchors_path().with_name(WORKSTATION_LEDGER_FILE)


def workstation_ledger(database_id: str) -> list[ErasureEntry]:
    """The lines this workstation remembers for ``database_id``. A file that cannot be
    read counts as empty: it is a further copy; the database and the key file hold the
    lines too."""
    path = workstation_ledger_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        lines = raw.get(database_id, []) if isinstance(raw, dict) else []
        return [ErasureEntry.from_json(line) for line in lines]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        log.warning("this workstation's erasure ledger is unreadable; not used")
        return []


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
    try:
        lines = [ErasureEntry.from_json(line) for line in raw.get(database_id, [])]
    except (ValueError, TypeError, KeyError, AttributeError):
        return  # damaged: left for a person, never written over
    known = KeyFile(database_id=database_id, erasures=lines)
    if not add_lines(known, entries):
        return
    raw[database_id] = [entry.to_json() for entry in known.erasures]
    private_folder(path.parent)
    write_private(path, json.dumps(raw, indent=1).encode("utf-8"))


# -- catching up -----------------------------------------------------------------------


def unapplied_erasures(database: Database, db_session: Session,
                       keys: KeyFile) -> list[ErasureEntry]:
    """The erasures signed by a supervisor that the ledgers list and this database
    does not hold: it is a copy from before them that was not restored through Suoja
    (by hand, or a server restored from a dump)."""
    due, _refused = erasures_due(db_session, known_lines(database, db_session, keys))
    return due


def catch_up_erasures(database: Database, user_id: int, role: Role,
                      keys: KeyFile | None = None) -> int:
    """At sign-in: apply the erasures the ledgers list and this database predates (a
    copy put in place by hand), if this account holds both content keys (counsellors and
    supervisors do: erasing re-seals sealed values empty); else refuse, so nobody reads
    the copy before they are applied.

    ``keys``: the key file as this sign-in read it (only its lines are used), else it
    is read here.

    Raises:
        AuthenticationError: there are some, and this account cannot apply them.
    """
    if keys is None:
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
            # Again under the writer's lock: another sign-in may have applied them.
            due, _refused = erasures_due(db_session, due)
            apply_erasures(database, db_session, user_id, due)
    finally:
        database.load_content_keys(role)  # back to what the role reads
    compact(database)
    return len(due)


def compact(database: Database) -> bool:
    """After erasures: rewrite the file so nothing erased survives in its free pages or
    its log (on a server, vacuum the tables an erasure changes). Returns whether the
    log was emptied too (``database.scrub_freed_pages``; on a server what vacuum says)."""
    if database.on_server:
        return server.vacuum(database.engine, ERASED_TABLES)
    return scrub_freed_pages(database.engine)
