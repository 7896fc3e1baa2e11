"""The database's own commands: ``init``, ``seed-demo``, ``verify``, ``backup``, ``restore``.

Each takes the parsed arguments and ``out`` (where its report lines go) and returns the
exit code; :func:`cli.main.run` turns known errors into one line on stderr.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from cli import prompts
from cli.progress import terminal_progress
from cli.signin import sign_in
from cli.target import target_of, with_server_password
from models.domain import i18n
from models.domain.entities import Attachment, ExtortionContact, Meta, SupportSession, User
from models.domain.enums import AuditAction, Language, Role
from models.domain.errors import AuthenticationError, DataError, UsageError
from models.domain.sealed import FieldCipher
from models.security import audit_anchor
from models.security.audit import verify_chain
from models.security.permissions import Permission, require
from models.storage import migration
from models.storage.database import (
    cipher_integrity_problems,
    keyfile_path,
    open_engine,
    sqlite_integrity_problems,
)
from models.storage.maintenance import backup_database, page_problem, restore_backup
from models.storage.server import ServerUrl, open_server_engine
from models.storage.store import create_database, unlock_data_key
from models.storage.unit_of_work import Actor, Database, Target


def cmd_init(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    target = target_of(args)
    password = prompts.first_password()
    result = with_server_password(target, lambda t: create_database(
        t, username=args.user, password=password, display_name=args.display_name
    ))
    result.database.dispose()
    out(f"Created an encrypted database at {target}" if isinstance(target, Path) else
        f"Created a Suoja database on the server: {target}")
    out(f"Supervisor account: {args.user}")
    out("")
    out("RECOVERY CODE (shown only this once; store it offline, e.g. in a safe):")
    out(f"    {result.recovery_code}")
    out("It opens the database if every password is lost. Anyone holding it can read all data.")
    return 0


def cmd_seed_demo(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from models.demo.seed import seed_demo

    if isinstance(target_of(args), ServerUrl) and not args.throwaway_server:
        raise UsageError("seed-demo adds accounts whose password is published in the README; "
                         "on a server, use a database made only for trying Suoja out and "
                         "add --throwaway-server.")
    database, actor = sign_in(args)
    try:
        summary = seed_demo(database, actor, victims=args.victims, seed=args.seed,
                            progress=terminal_progress("Seeding"))
    finally:
        database.dispose()
    out(
        f"Seeded {summary.victims} victims, {summary.cases} cases, "
        f"{summary.extortion_contacts} extortion contacts, {summary.police_reports} police "
        f"reports, {summary.support_sessions} support sessions, {summary.follow_ups} "
        f"follow-ups, {summary.protective_actions} protective actions, "
        f"{summary.attachments} attachments in {summary.seconds:.1f} s."
    )
    out(f"Demo accounts ({len(summary.accounts)}) use the demo password; see README.")
    return 0


def cmd_verify(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """SQLCipher page check and SQLite integrity check (file databases), then the sealed
    texts and the audit chain (both databases).

    Nothing is upgraded or repaired; the one write is the ``verify`` audit event, and
    only when every check passed.
    """
    started = time.perf_counter()
    target = target_of(args)
    password = prompts.password()
    if isinstance(target, ServerUrl):  # the server's password asked for once, if at all
        target, engine = with_server_password(target, _server_engine)
        keys, data_key = unlock_data_key(target, args.user, password)
    else:
        keys, data_key = unlock_data_key(target, args.user, password)
        engine = open_engine(target, data_key)
    database = Database(target, engine, data_key)
    try:
        if isinstance(target, Path):
            _verify_file(engine, out)
        with database.reading() as db_session:
            found_id = db_session.scalar(select(Meta.value).where(Meta.key == "database_id"))
            if found_id != keys.database_id:
                raise DataError("The database and its key file do not belong together.")
            user = db_session.scalar(select(User).where(User.username == args.user))
            if user is None or not user.is_active:
                raise AuthenticationError("Wrong username or password.")
            require(Role(user.role), Permission.VERIFY)
            actor = Actor(user.id, user.username, user.display_name, Role(user.role),
                          Language(user.language))
            i18n.after_sign_in(actor.language)
            sealed = open_every_sealed_text(db_session, database.field_cipher)
            out(f"Sealed values: {sealed} notes, messages and evidence files open with their "
                "rows' keys")
            chain = verify_chain(db_session, database.chain_key)
            anchor_key = audit_anchor.place_key(keys.database_id, _place(target))
            first_check = audit_anchor.remembered(anchor_key) is None
            cut = audit_anchor.problem(db_session, anchor_key)
        if not chain.ok:
            raise DataError(f"The audit trail is broken: {chain.problem}")
        if cut and not args.after_restore:
            raise DataError(cut)
        out(f"Audit chain: {chain.events} events, every link verifies"
            + (" (shorter than last seen here: accepted after a restore)" if cut else "")
            + (" (first check of this database on this workstation)" if first_check else ""))
        revision = migration.current_revision(engine)
        head = migration.head_revision()
        out(f"Schema revision: {revision}" + ("" if revision == head else f" (code: {head})"))
        with database.writing() as db_session:
            database.audit.record(db_session, user_id=actor.user_id, action=AuditAction.VERIFY,
                                  entity="database",
                                  detail="ok after restore" if cut else "ok")
        with database.reading() as db_session:  # committed: the next check starts here
            audit_anchor.remember(db_session, anchor_key)
        out(f"Verified in {time.perf_counter() - started:.1f} s: no problems found.")
        return 0
    finally:
        database.dispose()


def _place(target: Target) -> str:
    """Where a database is, for the audit anchor: its file, or server, port and name."""
    if isinstance(target, ServerUrl):
        url = make_url(target.url)
        host = url.host or url.query.get("host") or url.query.get("service") or ""
        return f"{host}:{url.port or 5432}/{url.database}"
    return str(Path(target).resolve())


def _server_engine(target: Target) -> tuple[ServerUrl, Engine]:
    assert isinstance(target, ServerUrl)
    return target, open_server_engine(target)


def _verify_file(engine: Engine, out: Callable[[str], None]) -> None:
    pages = cipher_integrity_problems(engine)
    if pages:
        raise DataError(f"The database is damaged: {page_problem(pages[0])}"
                        + (f" (and {len(pages) - 1} more)" if len(pages) > 1 else ""))
    out("SQLCipher page check: every page authenticates")
    try:
        structure = sqlite_integrity_problems(engine)
    except SQLAlchemyError:
        structure = ["the integrity check could not read the database"]
    if structure:
        raise DataError(f"The database structure is damaged: {structure[0]}")
    out("SQLite integrity check: ok")


def open_every_sealed_text(db_session: Session, cipher: FieldCipher) -> int:
    """Open every sealed value (notes, messages, evidence files); one that was altered,
    emptied or moved to another row or case raises DataError. Evidence files are read a
    few at a time (each up to 25 MB) and not kept."""
    count = 0
    for entity, field in ((ExtortionContact, "message_text"), (SupportSession, "notes")):
        rows = db_session.scalars(select(entity).execution_options(yield_per=500))
        with rows:
            for row in rows:
                getattr(row, field)
                count += 1
    files = db_session.execute(
        select(Attachment.id, Attachment.case_id, Attachment.content_sealed)
        .execution_options(yield_per=4))
    with files:
        for row_id, case_id, stored in files:
            cipher.open_bytes("attachment", "content", row_id, case_id, stored)
            count += 1
    return count


def cmd_backup(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Sign in, write a checked backup and its key file; the database stays usable."""
    if isinstance(target_of(args), ServerUrl):
        raise UsageError("A server database is backed up on the server with pg_dump "
                         "(see docs/DEPLOYMENT.md); 'backup' copies SQLite files.")

    database, actor = sign_in(args)
    try:
        report = backup_database(database, actor, args.out)
    finally:
        database.dispose()
    rows = sum(report.table_counts.values())
    out(f"Backup written to {report.path} (key file: {keyfile_path(report.path)})")
    out(f"Checked: every page authenticates, structure ok, {rows:,} rows in "
        f"{len(report.table_counts)} tables match the database.")
    out(f"{report.size_bytes / 1e6:.1f} MB in {report.seconds:.1f} s. Keep the key file with "
        "the backup: it opens with the passwords valid today.")
    return 0


def cmd_restore(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Check a backup (pages, structure, audit chain) and restore it into a new path."""
    report = restore_backup(args.source, args.command_db, args.user, prompts.password())
    out(f"Restored {args.source} to {report.path} (key file: {keyfile_path(report.path)})")
    out(f"Checked: every page authenticates, structure ok, audit chain of "
        f"{report.audit_events} events verifies.")
    out(f"{report.size_bytes / 1e6:.1f} MB in {report.seconds:.1f} s.")
    return 0
