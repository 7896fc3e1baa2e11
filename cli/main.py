"""The headless commands of ``main.py``: init, seed-demo, verify, backup, restore.

Passwords come from ``SUOJA_PASSWORD`` or an interactive prompt, never from an argument
(arguments show up in process lists and shell history). Exit codes: 0 success, 2 wrong
usage, 3 authentication failed, 4 data or integrity problem, 1 anything else. Errors are
one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from cli import export as export_cli
from cli import importing as import_cli
from cli.target import add_target, target_of, with_server_password
from models import audit_anchor, migration
from models.audit import verify_chain
from models.database import (
    cipher_integrity_problems,
    keyfile_path,
    open_engine,
    sqlite_integrity_problems,
)
from models.entities import Attachment, ExtortionContact, Meta, SupportSession, User
from models.enums import AuditAction, Role
from models.errors import (
    AuthenticationError,
    DataError,
    KnownError,
    NotFound,
    UsageError,
    from_database_error,
)
from models.permissions import Permission, require
from models.sealed import FieldCipher
from models.server import ServerUrl, open_server_engine
from models.store import (
    Actor,
    Database,
    Target,
    create_database,
    open_database,
    recover_account,
    unlock_data_key,
)

log = logging.getLogger("suoja.cli")

PASSWORD_VARIABLE = "SUOJA_PASSWORD"
RECOVERY_VARIABLE = "SUOJA_RECOVERY_CODE"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Suoja: case management for victims of a psychotherapy-records breach.",
        epilog=f"Passwords are read from ${PASSWORD_VARIABLE} or asked for; never give them "
        "as arguments.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help="the encrypted database file")
    where.add_argument(
        "--db-url", dest="db_url", metavar="URL",
        help="the desktop app on a PostgreSQL server database: "
        "postgresql+psycopg://USER@HOST/DATABASE (TLS options such as ?sslmode=verify-full "
        "pass through; no password in it). Commands take their own --db-url, after the "
        "command's name",
    )
    parser.add_argument(
        "--demo", action="store_true",
        help="start the desktop app on a fresh demo database with synthetic data",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", help="create a new encrypted database")
    add_target(init)
    init.add_argument("--user", required=True, help="username of the first supervisor")
    init.add_argument("--display-name", help="how the supervisor's name is shown")

    seed = commands.add_parser("seed-demo", help="fill a database with synthetic demo data")
    add_target(seed)
    seed.add_argument("--user", required=True)
    seed.add_argument("--victims", type=_positive_int, required=True)
    seed.add_argument("--seed", type=int, default=1)
    seed.add_argument(
        "--throwaway-server", action="store_true",
        help="allow seeding a server database: demo accounts share a published password, "
        "so only ever on a database made for trying Suoja out",
    )

    verify = commands.add_parser(
        "verify", help="check encryption pages, database structure and the audit chain"
    )
    add_target(verify)
    verify.add_argument("--user", required=True)
    verify.add_argument(
        "--after-restore", action="store_true",
        help="accept that the audit trail is shorter than this workstation last saw, "
        "because the database was restored from an older backup (audited)",
    )

    backup = commands.add_parser(
        "backup", help="write a checked, encrypted copy of the database and its key file"
    )
    add_target(backup)
    backup.add_argument("--user", required=True, help="an administrator or supervisor")
    backup.add_argument(
        "--out", type=Path, required=True, metavar="FILE",
        help="the new backup file; its key file is written beside it as FILE.keys",
    )

    restore = commands.add_parser(
        "restore", help="check a backup and restore it into a new database path"
    )
    restore.add_argument("--from", type=Path, required=True, dest="source", metavar="FILE",
                         help="the backup file (its key file FILE.keys beside it)")
    restore.add_argument("--db", type=Path, required=True, dest="command_db", metavar="PATH",
                         help="where the restored database goes; it must not exist")
    restore.add_argument("--user", required=True,
                         help="an administrator or supervisor account in the backup")

    user = commands.add_parser(
        "user", help="manage staff accounts: list, add, lock, unlock, reset-password"
    )
    add_target(user)
    user.add_argument("--user", required=True, help="an administrator or supervisor")
    user.add_argument("action", choices=["list", "add", "lock", "unlock", "reset-password"])
    user.add_argument("name", nargs="?", help="the account to act on")
    user.add_argument("--role", choices=[r.value for r in Role], default=Role.COUNSELLOR.value)
    user.add_argument("--display-name", help="how the new account's name is shown")

    recover = commands.add_parser(
        "recover", help="with the recovery code: give an account a new password and unlock it",
        description="For when every supervisor's password is lost or locked out. The "
        f"recovery code is read from ${RECOVERY_VARIABLE} or asked for; the new password "
        f"from ${NEW_PASSWORD_VARIABLE} or asked for twice. Audited.",
    )
    add_target(recover)
    recover.add_argument("--user", required=True, help="the account to give a new password")

    export_cli.add_commands(commands)
    import_cli.add_commands(commands)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def read_password(prompt: str = "Password: ", *, confirm: bool = False) -> str:
    """The password from the environment, else asked for without echo.

    Raises:
        UsageError: no password in the environment and no terminal to ask on.
    """
    from_env = os.environ.get(PASSWORD_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(f"No password given: set {PASSWORD_VARIABLE} or run in a terminal.")
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat the password: ") != password:
        raise UsageError("The two passwords differ; nothing was created.")
    return password


def sign_in(args: argparse.Namespace) -> tuple[Database, Actor]:
    """Open the command's database as ``--user`` (the password read once)."""
    target = target_of(args)
    password = read_password()
    return with_server_password(target, lambda t: open_database(t, args.user, password))


def run(args: argparse.Namespace, *, out: Callable[[str], None] = print) -> int:
    """Run one headless command; returns the exit code."""
    handlers = {
        "init": cmd_init, "seed-demo": cmd_seed_demo, "verify": cmd_verify,
        "backup": cmd_backup, "restore": cmd_restore, "user": cmd_user,
        "recover": cmd_recover,
        **export_cli.HANDLERS,
        **import_cli.HANDLERS,
    }
    try:
        return handlers[args.command](args, out)
    except KnownError as error:
        _fail(str(error))
        return error.exit_code
    except SQLAlchemyError as error:
        known = from_database_error(error)
        _fail(str(known) if known else "The database reported an unexpected problem.")
        log.debug("database error of type %s", type(error).__name__)
        return known.exit_code if known else 1
    except KeyboardInterrupt:
        _fail("Interrupted; the unfinished step was rolled back.")
        return 1
    except OSError as error:
        _fail(f"The operating system refused a file operation ({error.strerror or 'error'}).")
        return 1


def _fail(message: str) -> None:
    print(f"suoja: {message}", file=sys.stderr)


def cmd_init(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    target = target_of(args)
    password = read_password("New password for the first supervisor: ", confirm=True)
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
    from models.seed import seed_demo

    if isinstance(target_of(args), ServerUrl) and not args.throwaway_server:
        raise UsageError("seed-demo adds accounts whose password is published in the README; "
                         "on a server, use a database made only for trying Suoja out and "
                         "add --throwaway-server.")
    database, actor = sign_in(args)
    try:
        progress = _terminal_progress("Seeding") if sys.stderr.isatty() else None
        summary = seed_demo(database, actor, victims=args.victims, seed=args.seed,
                            progress=progress)
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


def _terminal_progress(label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        print(f"\r{label}… {percent:3d} %", end="" if done < total else "\n",
              file=sys.stderr, flush=True)

    return show


def cmd_verify(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """SQLCipher page check and SQLite integrity check (file databases), then the sealed
    texts and the audit chain (both databases).

    Nothing is upgraded or repaired; the one write is the ``verify`` audit event, and
    only when every check passed.
    """
    started = time.perf_counter()
    target = target_of(args)
    password = read_password()
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
            actor = Actor(user.id, user.username, user.display_name, Role(user.role))
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
        raise DataError(f"The database is damaged: {_page_problem(pages[0])}"
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


def _page_problem(raw: str) -> str:
    """SQLCipher says e.g. "HMAC verification failed for page 42"; say it plainly."""
    words = raw.split()
    if "page" in words:
        index = words.index("page")
        if index + 1 < len(words):
            return f"page {words[index + 1]} failed its encryption check (tampered or corrupted)."
    return "a page failed its encryption check (tampered or corrupted)."


def cmd_backup(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Sign in, write a checked backup and its key file; the database stays usable."""
    from models.maintenance import backup_database

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
    from models.maintenance import restore_backup

    report = restore_backup(args.source, args.command_db, args.user, read_password())
    out(f"Restored {args.source} to {report.path} (key file: {keyfile_path(report.path)})")
    out(f"Checked: every page authenticates, structure ok, audit chain of "
        f"{report.audit_events} events verifies.")
    out(f"{report.size_bytes / 1e6:.1f} MB in {report.seconds:.1f} s.")
    return 0


NEW_PASSWORD_VARIABLE = "SUOJA_NEW_PASSWORD"


def _new_password() -> str:
    """The new account's password: ``$SUOJA_NEW_PASSWORD``, else asked twice."""
    from_env = os.environ.get(NEW_PASSWORD_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(
            f"No new password given: set {NEW_PASSWORD_VARIABLE} or run in a terminal."
        )
    password = getpass.getpass("New password for the account: ")
    if getpass.getpass("Repeat the new password: ") != password:
        raise UsageError("The two passwords differ; nothing was changed.")
    return password


def cmd_user(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """Account administration from the command line (the same services as the GUI)."""
    from models import services

    if args.action != "list" and not args.name:
        raise UsageError(f"'user {args.action}' needs the account's username.")
    database, actor = sign_in(args)
    try:
        accounts = services.build(database, actor).accounts
        if args.action == "list":
            for account in accounts.list_users():
                state = "active" if account.is_active else "locked"
                out(f"{account.username:<20} {account.role:<15} {state:<7} "
                    f"{account.display_name}")
            return 0
        if args.action == "add":
            created = accounts.create_user(args.name, args.display_name or args.name,
                                           Role(args.role), _new_password())
            out(f"Created {created.role.replace('_', ' ')} account {created.username}.")
            return 0
        target = next((a for a in accounts.list_users() if a.username == args.name.lower()),
                      None)
        if target is None:
            raise NotFound("There is no account with that username.")
        if args.action == "reset-password":
            accounts.reset_password(target.id, _new_password())
            out(f"New password set for {target.username}; their key slot was rewrapped.")
        else:
            accounts.set_active(target.id, args.action == "unlock")
            out(f"Account {target.username} {args.action}ed.")
        return 0
    finally:
        database.dispose()


def cmd_recover(args: argparse.Namespace, out: Callable[[str], None]) -> int:
    """The recovery code's use: a new password for one account, which is unlocked."""
    target = target_of(args)
    code = os.environ.get(RECOVERY_VARIABLE)
    if not code:
        if not sys.stdin or not sys.stdin.isatty():
            raise UsageError(f"No recovery code given: set {RECOVERY_VARIABLE} or run in a "
                             "terminal.")
        code = getpass.getpass("Recovery code: ")
    password = _new_password()
    with_server_password(target, lambda t: recover_account(t, code, args.user, password))
    out(f"New password set for {args.user} with the recovery code; the account is unlocked.")
    out("Put the recovery code back in safe keeping; the reset is in the audit log.")
    return 0

