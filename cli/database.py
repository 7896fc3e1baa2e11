"""The database's own commands: ``init``, ``seed-demo``, ``verify``, ``backup``, ``restore``.

Each takes the parsed arguments and ``out`` (where its report lines go) and returns the
exit code; :func:`cli.main.run` turns known errors into one line on stderr.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from cli import prompts
from cli.figures import decimal_text, number_text
from cli.progress import terminal_progress
from cli.signin import sign_in
from cli.target import target_of, with_server_password
from models.domain import i18n
from models.domain.entities import Attachment, ExtortionContact, Meta, SupportSession, User
from models.domain.enums import AuditAction, Language, Role
from models.domain.errors import AuthenticationError, DataError, UsageError
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.domain.sealed import FieldCipher
from models.security import audit_anchor
from models.security.audit import verify_chain
from models.security.permissions import Permission, require
from models.security.signatures import load_trust
from models.storage import generations, migration
from models.storage.anchoring import check_authority, place
from models.storage.authority import check_account
from models.storage.database import (
    cipher_integrity_problems,
    keyfile_path,
    sqlite_integrity_problems,
)
from models.storage.erasure import erasures_due, known_lines
from models.storage.maintenance import backup_database, page_problem, restore_backup
from models.storage.server import ServerUrl, audit_rewriters, open_server_engine
from models.storage.store import create_database, open_keyed, unlock_keys
from models.storage.unit_of_work import Actor, Database, Target


def cmd_init(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    target = target_of(args)
    password = prompts.first_password()
    result = with_server_password(target, lambda t: create_database(
        t, username=args.user, password=password, display_name=args.display_name
    ))
    result.database.dispose()
    created = (_("Created an encrypted database at {path}") if isinstance(target, Path) else
               _("Created a Suoja database on the server: {path}"))
    out(created.format(path=target))
    out(_("Supervisor account: {username}").format(username=args.user))
    out("")
    out(_("RECOVERY CODE (shown only this once; store it offline, e.g. in a safe):"))
    out(f"    {result.recovery_code}")
    out(_("It opens the database if every password is lost. Anyone holding it can read all "
          "data."))
    return 0


def cmd_seed_demo(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    from models.demo.seed import seed_demo

    if isinstance(target_of(args), ServerUrl) and not args.throwaway_server:
        raise UsageError(_("seed-demo adds accounts whose password is published in the "
                           "README; on a server, use a database made only for trying Suoja "
                           "out and add --throwaway-server."))
    database, actor = sign_in(args)
    try:
        summary = seed_demo(database, actor, victims=args.victims, seed=args.seed,
                            progress=terminal_progress(_("Seeding")))
    finally:
        database.dispose()
    out(_(
        "Seeded {victims} victims, {cases} cases, {contacts} extortion contacts, {reports} "
        "police reports, {sessions} support sessions, {follow_ups} follow-ups, {actions} "
        "protective actions, {attachments} attachments in {seconds} s."
    ).format(
        victims=summary.victims, cases=summary.cases, contacts=summary.extortion_contacts,
        reports=summary.police_reports, sessions=summary.support_sessions,
        follow_ups=summary.follow_ups, actions=summary.protective_actions,
        attachments=summary.attachments, seconds=decimal_text(summary.seconds),
    ))
    out(_("Demo accounts ({n}) use the demo password; see README.").format(
        n=len(summary.accounts)))
    return 0


def cmd_verify(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """SQLCipher page check and SQLite integrity check (file databases), then the sealed
    texts, the account authority and records, and the audit chain and its signatures
    (both databases).

    Nothing is upgraded or repaired; the one write is the ``verify`` audit event, and
    only when every check passed.
    """
    started = time.perf_counter()
    target = target_of(args)
    password = prompts.password()
    if isinstance(target, ServerUrl):  # the server's password asked for once, if at all
        target, engine = with_server_password(target, _server_engine)
        keys, keyring = unlock_keys(target, args.user, password)
        database = Database(target, engine, keyring)
    else:
        keys, keyring = unlock_keys(target, args.user, password)
        database = open_keyed(target, keyring)
        engine = database.engine
    try:
        # A schema this version does not know (a newer Suoja made it) is not checked with
        # this version's idea of it: refused in one sentence. An older one is reported below.
        migration.needs_upgrade(engine)
        if isinstance(target, Path):
            _verify_file(engine)  # reported below, once the account's language is known
        with database.reading() as db_session:
            found_id = db_session.scalar(select(Meta.value).where(Meta.key == "database_id"))
            if found_id != keys.database_id:
                raise DataError(_("The database and its key file do not belong together."))
            user = db_session.scalar(select(User).where(User.username == args.user))
            if user is None or not user.is_active:
                raise AuthenticationError(_("Wrong username or password."))
            # The account authority must be the one this workstation first saw (a
            # damaged pins file is set aside with --after-restore; another authority is
            # never accepted), and the verifying account's own record as it was signed
            # (a supervisor or administrator holding the authority in force), before its
            # role counts; then verify_chain checks every record and event signature.
            trust = load_trust(db_session)
            check_authority(trust, set_aside_damaged=args.after_restore, remember=False)
            check_account(database, trust, user.id, user.role)
            check_authority(trust, set_aside_damaged=args.after_restore)
            require(Role(user.role), Permission.VERIFY)
            actor = Actor(user.id, user.username, user.display_name, Role(user.role),
                          Language(user.language))
            i18n.after_sign_in(actor.language)
            if isinstance(target, Path):
                out(_("SQLCipher page check: every page authenticates"))
                out(_("SQLite integrity check: ok"))
            generations.check(database, actor.role)  # which keys seal, as their holders said
            database.load_content_keys(actor.role)
            # Before the sealed values: an erased victim's in such a copy do not open
            # (their victim key was destroyed), which is the copy's problem to name.
            unapplied, refused_lines = erasures_due(
                db_session, known_lines(database, db_session, keys))
            if unapplied:
                raise DataError(ngettext(
                    "The erasure ledger lists {n} case that is not erased in this database: "
                    "it is a copy from before that erasure; a counsellor's or a supervisor's "
                    "sign-in applies it again.",
                    "The erasure ledger lists {n} cases that are not erased in this database: "
                    "it is a copy from before those erasures; a counsellor's or a "
                    "supervisor's sign-in applies them again.",
                    len(unapplied)).format(n=len(unapplied)))
            sealed, unheld = open_every_sealed_text(db_session, database.field_cipher)
            out(_("Sealed values: {n} notes, messages and evidence files open with their "
                  "rows' keys").format(n=sealed))
            if unheld:
                out(_("{n} sealed values are under keys this account's role does not hold "
                      "and were not opened; a supervisor's verify opens them.").format(
                          n=unheld))
            chain = verify_chain(db_session, database.chain_key)
            anchor_key = audit_anchor.place_key(keys.database_id, place(target))
            try:
                first_check = audit_anchor.remembered(anchor_key) is None
                cut = audit_anchor.problem(db_session, anchor_key)
                damaged_anchors = False
            except audit_anchor.AnchorUnreadable:
                if not args.after_restore:
                    raise  # fails closed: exit 4, and the file is left for a person
                first_check, cut, damaged_anchors = True, "", True
        if not chain.ok:
            raise DataError(_("The audit trail is broken: {problem}").format(problem=chain.problem))
        if cut and not args.after_restore:
            raise DataError(cut)
        out(ngettext("Erasure ledger: {n} erasure, applied in this database",
                     "Erasure ledger: {n} erasures, every one applied in this database",
                     len(keys.erasures)).format(n=len(keys.erasures)))
        if refused_lines:
            out(ngettext(
                "{n} erasure ledger line names a case here but is not signed by a "
                "supervisor this database knows: it was ignored.",
                "{n} erasure ledger lines name cases here but are not signed by a "
                "supervisor this database knows: they were ignored.",
                refused_lines).format(n=refused_lines))
        out(ngettext("Audit chain: {n} event, every link verifies",
                     "Audit chain: {n} events, every link verifies",
                     chain.events).format(n=chain.events)
            + (_(" (shorter than last seen here: accepted after a restore)") if cut else "")
            + (_(" (first check of this database on this workstation)")
               if first_check and not damaged_anchors else ""))
        out(ngettext("Account records: {n} signed by the account authority",
                     "Account records: {n} signed by the account authority",
                     chain.accounts).format(n=chain.accounts))
        out(ngettext("Audit event signatures: {n} verifies",
                     "Audit event signatures: {n} verify", chain.signed).format(n=chain.signed))
        if damaged_anchors:
            out(_("This workstation's damaged audit anchor file was set aside and a new one "
                  "started; other databases' anchors start again at their next sign-out or "
                  "verify."))
        if isinstance(target, ServerUrl):
            _check_audit_grants(engine, out)
        revision = migration.current_revision(engine)
        head = migration.head_revision()
        out(_("Schema revision: {revision}").format(revision=revision)
            + ("" if revision == head else _(" (code: {revision})").format(revision=head)))
        detail = ("ok after restore" if cut else
                  "ok; damaged audit anchor file set aside" if damaged_anchors else "ok")
        with database.writing() as db_session:
            database.audit.record(db_session, user_id=actor.user_id, action=AuditAction.VERIFY,
                                  entity="database", detail=detail)
        with database.reading() as db_session:  # committed: the next check starts here
            audit_anchor.remember(db_session, anchor_key, set_aside_damaged=damaged_anchors)
        out(_("Verified in {seconds} s: no problems found.").format(
            seconds=decimal_text(time.perf_counter() - started)))
        return 0
    finally:
        database.dispose()


def _server_engine(target: Target) -> tuple[ServerUrl, Engine]:
    assert isinstance(target, ServerUrl)
    return target, open_server_engine(target)


def _check_audit_grants(engine: Engine, out: Callable[[str], None]) -> None:
    """On a server only the tables' owner (and superusers) may change or delete audit
    events: any other role that may is a problem; running as one that may is said."""
    with engine.connect() as connection:
        found = audit_rewriters(connection)
    if found.others:
        raise DataError(_("Server roles other than the tables' owner may change or delete "
                          "audit events: {roles}; see docs/DEPLOYMENT.md, section 2.").format(
                              roles=", ".join(found.others)))
    if found.role_may:
        out(_("Server role {role} may change or delete audit events (it owns the tables or "
              "is a superuser); workstations must connect as the workstations' role, which "
              "may only add and read them (docs/DEPLOYMENT.md, section 2).").format(
                  role=found.role))


def _verify_file(engine: Engine) -> None:
    """The SQLCipher page check and SQLite's integrity check, before anything is read.

    Raises:
        DataError: a page does not authenticate, or the structure is damaged.
    """
    pages = cipher_integrity_problems(engine)
    if pages:
        more = (_(" (and {n} more)").format(n=len(pages) - 1) if len(pages) > 1 else "")
        raise DataError(_("The database is damaged: {problem}").format(
            problem=page_problem(pages[0])) + more)
    try:
        structure = sqlite_integrity_problems(engine)
    except SQLAlchemyError:
        structure = [_("the integrity check could not read the database")]
    if structure:
        raise DataError(_("The database structure is damaged: {problem}").format(
            problem=structure[0]))


def open_every_sealed_text(db_session: Session, cipher: FieldCipher) -> tuple[int, int]:
    """Open every sealed value (notes, messages, evidence files) whose key ``cipher``
    holds; one that was altered, emptied or moved to another row or case raises
    DataError. Evidence files are read a few at a time (each up to 25 MB) and not kept.

    Returns:
        (values opened, values under a key this role does not hold, not opened).
    """
    count = unheld = 0
    for entity, field in ((ExtortionContact, "message_text"), (SupportSession, "notes")):
        if not cipher.holds(entity.__tablename__, field):
            unheld += db_session.scalar(select(func.count()).select_from(entity)) or 0
            continue
        rows = db_session.scalars(select(entity).execution_options(yield_per=500))
        with rows:
            for row in rows:
                getattr(row, field)
                count += 1
    if not cipher.holds("attachment", "content"):
        return count, unheld + (db_session.scalar(
            select(func.count()).select_from(Attachment)) or 0)
    files = db_session.execute(
        select(Attachment.id, Attachment.case_id, Attachment.content_sealed)
        .execution_options(yield_per=4))
    with files:
        for row_id, case_id, stored in files:
            cipher.open_bytes("attachment", "content", row_id, case_id, stored)
            count += 1
    return count, unheld


def cmd_backup(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Sign in, write a checked backup and its key file; the database stays usable."""
    if isinstance(target_of(args), ServerUrl):
        raise UsageError(_("A server database is backed up on the server with pg_dump "
                           "(see docs/DEPLOYMENT.md); 'backup' copies SQLite files."))

    database, actor = sign_in(args)
    try:
        report = backup_database(database, actor, args.out)
    finally:
        database.dispose()
    rows = sum(report.table_counts.values())
    out(_("Backup written to {path} (key file: {key_file})").format(
        path=report.path, key_file=keyfile_path(report.path)))
    out(_("Checked: every page authenticates, structure ok, {rows} rows in {tables} tables "
          "match the database.").format(rows=number_text(rows),
                                        tables=len(report.table_counts)))
    out(_("{size} MB in {seconds} s. Keep the key file with the backup: it opens with the "
          "passwords valid today.").format(size=decimal_text(report.size_bytes / 1e6),
                                           seconds=decimal_text(report.seconds)))
    return 0


def cmd_restore(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Check a backup (pages, structure, audit chain) and restore it into a new path."""
    report = restore_backup(args.source, args.command_db, args.user, prompts.password(),
                            erasures_from=args.erasures_from)
    out(_("Restored {backup} to {path} (key file: {key_file})").format(
        backup=args.source, path=report.path, key_file=keyfile_path(report.path)))
    out(_("Checked: every page authenticates, structure ok, audit chain of {n} events "
          "verifies.").format(n=report.audit_events))
    if report.erasures_applied:
        out(ngettext("{n} erasure made since the backup was applied again.",
                     "{n} erasures made since the backup were applied again.",
                     report.erasures_applied).format(n=report.erasures_applied))
    if report.ledger_entries_refused:
        out(ngettext(
            "{n} line of an erasure ledger was not genuine and was ignored.",
            "{n} lines of an erasure ledger were not genuine and were ignored.",
            report.ledger_entries_refused).format(n=report.ledger_entries_refused))
    out(_("{size} MB in {seconds} s.").format(size=decimal_text(report.size_bytes / 1e6),
                                               seconds=decimal_text(report.seconds)))
    return 0
