"""Creating and opening a Suoja database: the key file, the engine, migrations, sign-in.

:func:`create_database` is ``init``; :func:`open_database` is every later start. Both
return a :class:`~models.storage.unit_of_work.Database` (the engine and the unit-of-work
factory) and the signed-in :class:`~models.storage.unit_of_work.Actor`. Nothing is
written before the password has been checked.

A database is a *target*: a :class:`~pathlib.Path` to the embedded SQLCipher file, or a
:class:`~models.storage.server.ServerUrl` of a PostgreSQL server. The same functions open both;
what differs (where the key slots and sign-in counters live, how writers queue) is
decided here and in ``models.storage.server``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from models.domain import i18n
from models.domain.base import utcnow
from models.domain.entities import DEMO_MARKER, Meta, User
from models.domain.enums import AuditAction, Language, Role
from models.domain.errors import (
    AuthenticationError,
    DamagedData,
    DataError,
    KnownError,
    NotFound,
    PermissionDenied,
)
from models.domain.i18n import gettext as _
from models.domain.private_files import create_private, private_folder, refuse_links
from models.domain.sealed import FieldCipher
from models.domain.validation import validate_text, validate_username
from models.security.passwords import check_password, is_published_demo_password
from models.security.signatures import Trust, load_trust
from models.security.signin import (
    CountersReplaced,
    CountersUnusable,
    FailedAttempt,
    SignInGuard,
    signin_path,
)
from models.storage import authority, generations, migration, server
from models.storage.anchoring import check_anchor, check_authority, place
from models.storage.database import keyfile_path, open_engine
from models.storage.erasure import bring_ledger_up_to_date, catch_up_erasures
from models.storage.errors import from_database_error
from models.storage.keyfile import (
    ALL_KEYS,
    FIXED_KEYS,
    KEY_AUTHORITY,
    KEY_STORAGE,
    RECOVERY_SLOT_NAME,
    ROLE_KEYS,
    SLOT_RECOVERY,
    SLOT_USER,
    KdfParams,
    KeyFile,
    Keyring,
    new_data_key,
    new_recovery_code,
    normalise_recovery_code,
)
from models.storage.maintenance import prune_backups, write_checked_copy
from models.storage.rotation import (
    RECOVERY_PIN,
    finish_interrupted,
    owe_rotation,
    recovery_pin,
    rotate_keys,
)
from models.storage.server import ServerCounters, ServerUrl
from models.storage.unit_of_work import (
    CONTENT_GENERATION,
    Actor,
    Database,
    Target,
    translated_database_errors,
)
from models.storage.victim_keys import settle_at_sign_in

log = logging.getLogger("suoja.store")


@dataclass(frozen=True)
class InitResult:
    database: Database
    actor: Actor
    recovery_code: str


def _require_current_schema(engine: Engine) -> None:
    """Refuse a database whose schema is older than the code (only a sign-in upgrades)."""
    with translated_database_errors():
        if migration.needs_upgrade(engine):
            raise DataError(_("The database's schema is older than this version of "
                              "Suoja; sign in once with a working account to upgrade it "
                              "first."))


def create_database(
    db_path: Target,
    *,
    username: str,
    password: str,
    display_name: str | None = None,
    kdf: KdfParams | None = None,
    language: Language | None = None,
) -> InitResult:
    """Create a new encrypted database with its first supervisor, who speaks ``language``
    (by default the language in use: the one the setup or ``init`` spoke).

    Everything is rolled back (no file left behind) if any step fails.

    Raises:
        DataError: a database or key file already exists at that place.
        ValidationError: the username, the display name or the password breaks the rules.
    """
    username = validate_username(username)
    if display_name is not None:  # the rules every name follows (no invisible characters)
        display_name = validate_text(display_name, field=_("Display name"), max_length=200,
                                     required=False) or None
    check_password(password, username=username, display_name=display_name or "")
    if isinstance(db_path, ServerUrl):
        return _create_on_server(db_path, username, password, display_name, kdf,
                                 language or i18n.current())
    key_path = keyfile_path(db_path)
    # A link counts as existing, even one pointing nowhere: SQLite would follow it.
    if any(os.path.lexists(path) for path in (db_path, key_path, *_sidecars(db_path))):
        raise DataError(_("A database already exists at {path}; refusing to overwrite it.").format(
            path=db_path))
    if not db_path.parent.is_dir():
        raise DataError(_("The folder {folder} does not exist.").format(folder=db_path.parent))
    # The file is made here, new and owner-only (never through a link planted meanwhile);
    # SQLite takes an empty file as a new database and gives its journals the same mode.
    os.close(create_private(db_path))

    first = _first_secrets()
    database_id = str(uuid.uuid4())
    recovery_code = new_recovery_code()
    counters = SignInGuard(db_path)
    if os.path.lexists(signin_path(db_path)):  # left by an earlier database: not ours
        counters.set_aside()
    created: list[Path] = [db_path, key_path, *_sidecars(db_path), *_counter_files(db_path)]
    try:
        engine = open_engine(db_path, first[(KEY_STORAGE, 1)], create=True)
        migration.upgrade(engine)
        keys, keyring = _first_slots(database_id, username, password, recovery_code, first,
                                     kdf)
        database = Database(db_path, engine, keyring)
        actor = _first_supervisor(database, database_id, username, display_name, keys,
                                  first[(KEY_AUTHORITY, 1)], on_server=False,
                                  recovery=recovery_pin(keys),
                                  counters_id=counters.ensure(),
                                  language=language or i18n.current())
        keys.save(key_path)
        _remember_authority(database)
    except BaseException:
        with contextlib.suppress(NameError):
            engine.dispose()
        for path in created:
            path.unlink(missing_ok=True)
        raise
    log.info("created a new database")
    return InitResult(database, actor, recovery_code)


def _first_secrets() -> dict[tuple[str, int], bytes]:
    """A new database's keys: generation 1 of each (the chain's is fixed at 0)."""
    return {(key, 0 if key in FIXED_KEYS else 1): new_data_key() for key in ALL_KEYS}


def _first_slots(database_id: str, username: str, password: str, recovery_code: str,
                 first: dict[tuple[str, int], bytes], kdf: KdfParams | None,
                 ) -> tuple[KeyFile, Keyring]:
    """The key file of a new database (the first supervisor's slot and the recovery
    code's, holding every key), and the supervisor's keyring."""
    keys = KeyFile(database_id=database_id)
    mine = {held: value for held, value in first.items()
            if held[0] in ROLE_KEYS[Role.SUPERVISOR.value]}
    identity = keys.add_slot(SLOT_USER, username, password, mine, kdf)
    keys.add_slot(SLOT_RECOVERY, RECOVERY_SLOT_NAME, recovery_code, first, kdf)
    return keys, Keyring(SLOT_USER, username, identity, dict(mine))


def _first_supervisor(
    database: Database, database_id: str, username: str, display_name: str | None,
    keys: KeyFile, authority_seed: bytes, *, on_server: bool, recovery: str,
    counters_id: str, language: Language,
) -> Actor:
    """The database's id, which sign-in counters are its own, which recovery slot is the
    real one, the first supervisor, the account authority's first key and the
    supervisor's signed row, and the ``init`` event (one unit of work); on a server also
    the key slots, so a failed ``init`` leaves no half-set-up server."""
    with database.writing() as db_session:
        db_session.add_all(
            [
                Meta(key="database_id", value=database_id),
                Meta(key="created_at", value=utcnow().isoformat()),
                Meta(key=RECOVERY_PIN, value=recovery),
            ]
        )
        _remember_counters(db_session, database.target, counters_id)
        user = User(
            username=username, display_name=display_name or username,
            role=Role.SUPERVISOR.value,
            language=language.value,
        )
        db_session.add(user)
        db_session.flush()
        database.audit.record(
            db_session, user_id=user.id, action=AuditAction.INIT, entity="database"
        )
        for content_key in CONTENT_GENERATION:  # the content keys' generation 1, signed
            value = database.keyring.get(content_key, 1)
            assert value is not None  # the first supervisor holds every key
            generations.record(database, db_session, content_key, 1, value)
        authority.write_first(db_session, keys, 1, authority_seed)
        if on_server:
            server.save_key_slots(db_session, keys)
        actor = Actor(user.id, user.username, user.display_name, Role.SUPERVISOR,
                      Language(user.language))
    database.load_content_keys()
    return actor


def _create_on_server(
    target: ServerUrl, username: str, password: str, display_name: str | None,
    kdf: KdfParams | None, language: Language,
) -> InitResult:
    """``init`` on a server: the schema, then the first supervisor and the key slots.

    The server database must exist (the administrator creates it, see
    docs/DEPLOYMENT.md) and must not hold Suoja or anything else yet.
    """
    engine = server.open_server_engine(target)
    try:
        if server.is_initialised(engine):
            raise DataError(_("The server database {where} already holds a Suoja database; "
                              "refusing to overwrite it.").format(where=target.display))
        if server.has_foreign_tables(engine):
            raise DataError(_("The server database {where} holds other tables; give Suoja an "
                              "empty database of its own.").format(where=target.display))
        first = _first_secrets()
        database_id = str(uuid.uuid4())
        recovery_code = new_recovery_code()
        _upgrade_server(engine, None, refused=_(
            "This server role may not create Suoja's tables; run init as the database's "
            "owner role (docs/DEPLOYMENT.md)."))
        keys, keyring = _first_slots(database_id, username, password, recovery_code, first,
                                     kdf)
        database = Database(target, engine, keyring)
        actor = _first_supervisor(database, database_id, username, display_name, keys,
                                  first[(KEY_AUTHORITY, 1)], on_server=True,
                                  recovery=recovery_pin(keys),
                                  counters_id=database.sign_in_guard().ensure(),
                                  language=language)
        _remember_authority(database)
    except BaseException:
        engine.dispose()
        raise
    log.info("created a new database on a server")
    return InitResult(database, actor, recovery_code)


def _remember_authority(database: Database) -> None:
    """This workstation remembers the new database's account authority (the first seen)."""
    with database.reading() as db_session:
        check_authority(load_trust(db_session))


def open_keyed(target: Target, keyring: Keyring) -> Database:
    """The database opened with the newest storage key ``keyring`` holds that opens it
    (a rotation interrupted before its last step leaves two generations granted)."""
    if not keyring.generations(KEY_STORAGE):
        # Locking an account takes its keys (models.storage.rotation): its password still
        # opens its slot, and the slot opens nothing.
        raise _locked()
    if isinstance(target, ServerUrl):
        return Database(target, server.open_server_engine(target), keyring)
    # SQLite makes its write-ahead log and shared memory beside the file and would write
    # through a link planted at either name.
    refuse_links(*_sidecars(target))
    refusal: DataError | None = None
    for generation in keyring.generations(KEY_STORAGE):
        storage_key = keyring.get(KEY_STORAGE, generation)
        assert storage_key is not None
        try:
            return Database(target, open_engine(target, storage_key), keyring, storage_key)
        except DamagedData as error:
            refusal = refusal or error
    assert refusal is not None  # at least one generation was tried
    raise refusal


def _locked() -> AuthenticationError:
    return AuthenticationError(_("This account is locked; ask a supervisor to unlock it."))


def _active_user(db_session: Session, username: str) -> User:
    """The signing-in account's row; a missing or locked one is refused as at sign-in."""
    user = db_session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AuthenticationError(_("Wrong username or password."))
    if not user.is_active:
        raise _locked()
    return user


def _upgrade_server(engine: Engine, field_cipher: FieldCipher | None, *,
                    refused: str) -> None:
    """Migrate a server database (transactional DDL: all or nothing); ``refused`` is the
    sentence for a role that may not change the schema."""
    try:
        migration.upgrade(engine, field_cipher=field_cipher)
    except DBAPIError as error:
        original = getattr(error, "orig", error)
        if getattr(original, "sqlstate", None) == "42501" or (
                "permission denied" in str(original).lower()):
            raise DataError(refused) from None
        raise from_database_error(error) or error from None


def _sidecars(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _counter_files(db_path: Path) -> list[Path]:
    counters = signin_path(db_path)
    return [counters, counters.with_name(counters.name + ".lock")]


def _counters_meta_key(target: Target) -> str:
    """``suoja_meta``'s key for the sign-in counters at this place (a digest: no path)."""
    return "signin:" + hashlib.sha256(place(target).encode("utf-8")).hexdigest()[:24]


def _counters_match(db_session: Session, target: Target, counters_id: str | None) -> bool:
    """Are these the sign-in counters the database saw at this place at its last sign-in?

    The first time at a place (a new database, one made before counters had ids, a backup
    opened or restored elsewhere) they are adopted. Otherwise counters that are missing or
    carry another id were removed or replaced in between.
    """
    row = db_session.get(Meta, _counters_meta_key(target))
    if row is None:
        if counters_id is not None:
            _remember_counters(db_session, target, counters_id)
        return True
    return row.value == counters_id


def _remember_counters(db_session: Session, target: Target, counters_id: str) -> None:
    key = _counters_meta_key(target)
    row = db_session.get(Meta, key)
    if row is None:
        db_session.add(Meta(key=key, value=counters_id))
    else:
        row.value = counters_id


def unlock_keys(db_path: Target, username: str, password: str) -> tuple[KeyFile, Keyring]:
    """Check the files and the password; return the key file and the account's keys.

    Failures are counted (``models.security.signin``); after repeated failures the account is
    locked out for a while, even for the right password. A version 1 slot is turned into a
    version 2 one here (the password is known only now).

    Raises:
        DataError: the database or its key file is missing or not Suoja's;
            ``CountersUnusable``: the sign-in counters cannot be read or written.
        AuthenticationError: wrong username or password, or locked out.
    """
    if isinstance(db_path, ServerUrl):
        engine = server.open_server_engine(db_path)
        try:
            with engine.connect() as connection:
                keys = server.load_key_slots(connection)
            keys, keyring = _unwrap_counted(keys, SignInGuard(ServerCounters(engine)),
                                            username, password)
            if keyring.identity is None:
                with Session(engine) as db_session, db_session.begin():
                    server.take_writer_lock(db_session)
                    keys = server.load_key_slots(db_session)
                    keyring = _upgrade_legacy_slot(keys, keyring, password)
                    server.save_key_slots(db_session, keys)
            return keys, keyring
        finally:
            engine.dispose()
    if not db_path.is_file():
        raise DataError(_("There is no Suoja database at {path}.").format(path=db_path))
    keys = KeyFile.load(keyfile_path(db_path))
    keys, keyring = _unwrap_counted(keys, SignInGuard(db_path), username, password)
    if keyring.identity is None:
        return _upgrade_legacy_slot_in_file(db_path, keyring, password)
    return keys, keyring


def _upgrade_legacy_slot_in_file(db_path: Path, keyring: Keyring, secret: str
                                 ) -> tuple[KeyFile, Keyring]:
    """:func:`_upgrade_legacy_slot` for a key file: read again and saved under the
    database's writer's lock, as a server's row is, so that nothing another workstation
    writes to the key file meanwhile (a victim key stored with its unit of work) is
    written over."""
    database = open_keyed(db_path, keyring)
    try:
        with database.writing() as db_session:
            keys = database.load_keyfile(db_session)
            upgraded = _upgrade_legacy_slot(keys, keyring, secret)
            database.save_keyfile(keys, db_session)
    finally:
        database.dispose()
    return keys, upgraded


def _upgrade_legacy_slot(keys: KeyFile, keyring: Keyring, password: str) -> Keyring:
    """Give a version 1 slot's account key pairs and the generation 0 keys its data key
    stands for (in ``keys``, not yet saved)."""
    legacy = keys.slot(keyring.kind, keyring.name)
    assert legacy is not None
    slot, identity = keys.new_slot(keyring.kind, keyring.name, password, legacy.kdf)
    keys.put_slot(slot)
    for (key, generation), value in keyring.secrets.items():
        keys.grant(keyring.kind, keyring.name, key, generation, value)
    log.info("a version 1 key slot was upgraded")
    return Keyring(keyring.kind, keyring.name, identity, dict(keyring.secrets))


def _unwrap_counted(
    keys: KeyFile, guard: SignInGuard, username: str, password: str
) -> tuple[KeyFile, Keyring]:
    known = keys.has_slot(SLOT_USER, username)
    guard.check(username, known)
    try:
        keyring = keys.unwrap(SLOT_USER, username, password)
    except AuthenticationError:
        guard.record_failure(username, known)
        raise
    return keys, keyring


def load_key_slots(db_path: Target) -> KeyFile:
    """The key slots of a database: its key file, or the server's row.

    Raises:
        DataError: no database there, or its key slots are missing or damaged.
    """
    if isinstance(db_path, ServerUrl):
        engine = server.open_server_engine(db_path)
        try:
            with engine.connect() as connection:
                return server.load_key_slots(connection)
        finally:
            engine.dispose()
    if not db_path.is_file():
        raise DataError(_("There is no Suoja database at {path}.").format(path=db_path))
    return KeyFile.load(keyfile_path(db_path))


def unlock_with_recovery_code(db_path: Target, code: str) -> Keyring:
    """The recovery code's keys (for resetting a lost supervisor password)."""
    return _unlock_recovery(db_path, normalise_recovery_code(code))[1]


def _unlock_recovery(db_path: Target, code: str) -> tuple[KeyFile, Keyring]:
    """The key slots and the recovery code's keys; a version 1 recovery slot is given
    key pairs here (it signs its events and holds grants from now on)."""
    keys = load_key_slots(db_path)
    keyring = keys.unwrap(SLOT_RECOVERY, RECOVERY_SLOT_NAME, code)
    if keyring.identity is not None:
        return keys, keyring
    if isinstance(db_path, ServerUrl):
        engine = server.open_server_engine(db_path)
        try:
            with Session(engine) as db_session, db_session.begin():
                server.take_writer_lock(db_session)
                keys = server.load_key_slots(db_session)
                keyring = _upgrade_legacy_slot(keys, keyring, code)
                server.save_key_slots(db_session, keys)
        finally:
            engine.dispose()
        return keys, keyring
    return _upgrade_legacy_slot_in_file(db_path, keyring, code)


def recover_account(db_path: Target, code: str, username: str, new_password: str,
                    kdf: KdfParams | None = None) -> None:
    """The recovery code's use: give an account a new password when every supervisor's
    password is lost (or they are all locked out), and unlock it.

    Audited as an ``account`` event with no user ("password reset with the recovery
    code"); the sign-in counters of that account are cleared. Counters that refuse every
    sign-in (unusable, removed or replaced) are started afresh, audited too, as
    :func:`reset_sign_in_counters` does for a supervisor.

    Raises:
        AuthenticationError: the recovery code is wrong.
        NotFound: there is no such account.
        ValidationError: the new password breaks the rules.
        DataError: the database is missing, damaged, or its schema is older than the code.
    """
    keys, keyring = _unlock_recovery(db_path, normalise_recovery_code(code))
    database = open_keyed(db_path, keyring)
    engine = database.engine
    try:
        _check_database_id(database, keys.database_id)
        _require_current_schema(engine)
        # The recovery code signs the account's row and its own events: the authority
        # must be the one this workstation saw, and the recovery code's key its own.
        authority.confirm_recovery(database)
        database.load_content_keys()
        with database.reading() as db_session:
            found = db_session.scalar(select(User).where(User.username == username))
            if found is None:
                raise NotFound(_("There is no account with that username."))
            check_password(new_password, username=found.username,
                           display_name=found.display_name)
        slot = database.wrap_key_slot(username, new_password, kdf)  # slow: before the lock
        guard, attempts, counters_id, damaged = _usable_counters(database)
        with database.writing() as db_session:
            user = db_session.scalar(select(User).where(User.username == username))
            assert user is not None  # accounts are never deleted
            with authority.resigning(database, db_session, user,
                                     add_key=slot.signing_public):
                user.is_active = True
            user.failed_logins = 0
            _audit_failed_attempts(database, db_session, attempts)
            reason = _adopt_counters(db_session, db_path, counters_id, damaged)
            if reason:
                database.audit.record(
                    db_session, user_id=None, action=AuditAction.ACCOUNT, entity="database",
                    detail=f"sign-in counters reset with the recovery code: {reason}")
            database.audit.record(db_session, user_id=None, action=AuditAction.ACCOUNT,
                                  entity="user", entity_id=user.id,
                                  detail="password reset with the recovery code")
            owe_rotation(db_session)
            database.store_key_slot(slot, db_session, Role(user.role))
            user_id = user.id
        guard.settle(username, attempts)
        # The old password's key pairs, and every copy of their slot, are revoked.
        rotate_keys(database, user_id=None,
                    reason=f"password reset with the recovery code of user {user_id}")
    finally:
        database.engine.dispose()
    log.info("an account's password was reset with the recovery code")


def reset_sign_in_counters(db_path: Target, username: str, password: str) -> str:
    """A supervisor's way out when sign-in is refused for the counters' sake
    (:class:`~models.security.signin.CountersUnusable`, :class:`~models.security.signin.
    CountersReplaced`): unusable counters are set aside (kept for investigation) and new
    ones started, the failures still readable are audited, and this database adopts the
    counters at this place again.

    The supervisor's own password is counted as at sign-in while the counters work; while
    they do not, it cannot be (it costs Argon2id as a guess at the key file would).

    Returns:
        What was wrong ("damaged", "replaced"), audited as an ``account`` event; "" when
        the counters were in order and nothing was reset.

    Raises:
        AuthenticationError: wrong username or password, a locked account, or locked out.
        PermissionDenied: the account is not a supervisor's.
        DataError: the database is missing, damaged, or its schema is older than the code.
    """
    keys = load_key_slots(db_path)
    counter_engine: Engine | None = None
    if isinstance(db_path, ServerUrl):
        counter_engine = server.open_server_engine(db_path)
        guard = SignInGuard(ServerCounters(counter_engine))
    else:
        counter_engine, guard = None, SignInGuard(db_path)
    try:
        try:
            _keys, keyring = _unwrap_counted(keys, guard, username, password)
        except CountersUnusable:
            keyring = keys.unwrap(SLOT_USER, username, password)
    finally:
        if counter_engine is not None:
            counter_engine.dispose()
    database = open_keyed(db_path, keyring)
    engine = database.engine
    try:
        _check_database_id(database, keys.database_id)
        _require_current_schema(engine)
        authority.confirm_sign_in(database, username, may_establish=False)
        with database.reading() as db_session:
            user = _active_user(db_session, username)
            if Role(user.role) is not Role.SUPERVISOR:
                raise PermissionDenied(_("Only a supervisor can reset the sign-in counters."))
            user_id = user.id
        guard, attempts, counters_id, damaged = _usable_counters(database)
        with database.writing() as db_session:
            _audit_failed_attempts(database, db_session, attempts)
            reason = _adopt_counters(db_session, db_path, counters_id, damaged)
            if reason:
                database.audit.record(
                    db_session, user_id=user_id, action=AuditAction.ACCOUNT, entity="database",
                    detail=f"sign-in counters reset by a supervisor: {reason}")
        guard.settle(username, attempts)
    finally:
        engine.dispose()
    if reason:
        log.warning("sign-in counters reset by a supervisor (%s)", reason)
    return reason


def _usable_counters(database: Database) -> tuple[SignInGuard, list[FailedAttempt], str, bool]:
    """The counters for a reset: (guard, failures still to audit, their id, whether they
    were unusable and set aside for new ones)."""
    guard = database.sign_in_guard()
    try:
        return guard, *guard.at_sign_in(), False
    except CountersUnusable:
        guard.set_aside()
        return guard, [], guard.ensure(), True


def _adopt_counters(db_session: Session, target: Target, counters_id: str,
                    damaged: bool) -> str:
    """Make ``counters_id`` the counters this database knows at this place; what was
    wrong before ("damaged", "replaced", or "" for nothing)."""
    reason = "damaged" if damaged else (
        "" if _counters_match(db_session, target, counters_id) else "replaced")
    _remember_counters(db_session, target, counters_id)
    return reason


def open_database(
    db_path: Target, username: str, password: str, *, backup_dir: Path | None = None,
    purpose: AuditAction = AuditAction.LOGIN,
) -> tuple[Database, Actor]:
    """Sign in and open the database, upgrading an older schema after a backup.

    Args:
        purpose: what the audit log records: ``LOGIN``, or ``UNLOCK`` when the desktop
            app's idle lock is lifted.

    Raises:
        DataError: missing, damaged or foreign database or key file; sign-in counters
            that are unusable, or were removed or replaced since the last sign-in (that
            refusal is audited, with the failures counted since); or the audit trail
            no longer holds the event this workstation last saw (``models.security.
            audit_anchor``), or this workstation's anchors file is damaged.
        AuthenticationError: wrong username or password, or a locked account.
    """
    keys, keyring = unlock_keys(db_path, username, password)
    if is_published_demo_password(password):
        _refuse_demo_password_for_real_data(db_path, keyring)
    return open_unlocked(db_path, keys, keyring, username, backup_dir=backup_dir,
                         purpose=purpose)


def _refuse_demo_password_for_real_data(db_path: Target, keyring: Keyring) -> None:
    """An account whose password is the published demo password opens only a demo
    database (one made before such passwords were refused may still have one)."""
    database = open_keyed(db_path, keyring)
    try:
        with database.reading() as db_session:
            demo = db_session.get(Meta, DEMO_MARKER) is not None
    except DataError:
        demo = False
    finally:
        database.dispose()
    if not demo:
        raise AuthenticationError(_(
            "This account's password is Suoja's published demo password, which real data "
            "refuses; ask a supervisor to set a new password for it."))


def open_unlocked(
    db_path: Target, keys: KeyFile, keyring: Keyring, username: str, *,
    backup_dir: Path | None = None, purpose: AuditAction = AuditAction.LOGIN,
) -> tuple[Database, Actor]:
    """The part of sign-in after the password has unwrapped the data key.

    Separate so the benchmark can time opening without the deliberate Argon2id cost.
    """
    database = open_keyed(db_path, keyring)
    engine = database.engine
    try:
        _check_database_id(database, keys.database_id)
        database.load_content_keys()
        with translated_database_errors():
            upgrade = migration.needs_upgrade(engine)
        before = migration.current_revision(engine) if upgrade else None
        backup = None
        if upgrade and isinstance(db_path, ServerUrl):
            # PostgreSQL's DDL is transactional: a failed upgrade changes nothing. The
            # server's own backups (pg_dump, docs/DEPLOYMENT.md) cover the rest.
            _upgrade_server(engine, database.field_cipher, refused=_(
                "The database needs a schema upgrade that this account's server role may not "
                "make; the administrator signs in once as the database owner "
                "(docs/DEPLOYMENT.md)."))
        elif upgrade:
            backup = _upgrade_with_backup(database,
                                          backup_dir or database.path.parent / "backups")
        if upgrade and before is not None:  # an empty database has nothing to tell
            database.schema_upgrade = migration.SchemaUpgrade(
                before, migration.head_revision(), backup)
        if isinstance(db_path, ServerUrl):  # only the owner may rewrite audit events
            server.secure_audit_trail(engine)
        with database.reading() as db_session:
            # The trail must still hold what this workstation last saw of it (fails
            # closed: a damaged anchors file refuses too, naming the way out).
            check_anchor(db_session, db_path)
        # Before the row's role counts: it must be as a supervisor or an administrator
        # signed it, naming the key this password unwrapped (models.storage.authority).
        trust = authority.confirm_sign_in(database, username)
        with database.reading() as db_session:
            role = db_session.scalar(select(User.role).where(User.username == username))
        if role is not None:
            _take_role_keys(database, Role(role), trust)
        with database.writing() as db_session:
            user = _active_user(db_session, username)
            # Read behind the writers' lock (two sign-ins do not both audit the same
            # failures), on a server through this unit of work's connection.
            guard = database.sign_in_guard(db_session)
            attempts, counters_id = guard.at_sign_in()
            replaced = not _counters_match(db_session, db_path, counters_id)
            _audit_failed_attempts(database, db_session, attempts)
            if replaced:  # recorded, and refused below once this is committed
                database.audit.record(db_session, user_id=user.id,
                                      action=AuditAction.FAILED_LOGIN, entity="user",
                                      entity_id=user.id, detail="signin_counters_replaced")
            else:
                user.last_login_at = utcnow()
                database.audit.record(db_session, user_id=user.id, action=purpose)
                actor = Actor(user.id, user.username, user.display_name, Role(user.role),
                              Language(user.language))
            if guard.in_transaction:  # a server: forgotten as the events are committed
                guard.settle(None if replaced else username, attempts)
        if not guard.in_transaction:
            # The counters file: forgotten only now that the events recording them are
            # committed (a crash in between audits them again, it loses none).
            guard.settle(None if replaced else username, attempts)
        if replaced:
            raise CountersReplaced
        finish_interrupted(database, actor.user_id, actor.role)
        # A copy from before an erasure, put in place by hand, is brought up to date
        # before anyone reads it; the ledger learns erasures it lacks.
        # (The key file as this sign-in read it: its lines and database id are what
        # count here, and a 40,000-case key file is not parsed again for them.)
        catch_up_erasures(database, actor.user_id, actor.role, keys)
        bring_ledger_up_to_date(database, keys)
        # Erased cases' victim keys gone from the key store; version 2 values given one.
        settle_at_sign_in(database, actor.user_id, actor.role, keys=keys)
        if not isinstance(db_path, ServerUrl):
            # Backups past their keeping deleted also where nobody runs the desktop app's
            # automatic backups (the command line alone).
            with contextlib.suppress(OSError, KnownError):
                prune_backups(database)
    except BaseException:
        database.engine.dispose()
        raise
    return database, actor


def _take_role_keys(database: Database, role: Role, trust: Trust) -> None:
    """Use only the content keys ``role`` holds, and refuse an account that has not been
    given them yet (a new account, or a new password, set by an administrator: they
    hold no content key to give)."""
    if database.missing_content_keys(role):
        raise AuthenticationError(_(
            "This account does not hold the keys to case content its role needs; ask a "
            "supervisor to set a new password for it."))
    # The generation in use is one its holders made, checked against the account
    # records this sign-in has just verified (each holds signatures); read again when
    # they were not yet under an authority (another workstation may be establishing it).
    generations.check(database, role, trust if trust.established else None)
    database.load_content_keys(role)


def _audit_failed_attempts(
    database: Database, db_session: Session, attempts: list[FailedAttempt]
) -> None:
    """Move failures counted while the database was closed into the audit chain."""
    if not attempts:
        return
    ids = dict(db_session.execute(select(User.username, User.id)).all())
    for attempt in attempts:
        database.audit.record(
            db_session, user_id=ids.get(attempt.username) if attempt.username else None,
            action=AuditAction.FAILED_LOGIN, entity="user",
            detail=f"attempted_at={attempt.at.isoformat(timespec='seconds')}"
            + ("" if attempt.username else " unknown_username"),
        )


def _check_database_id(database: Database, expected: str) -> None:
    try:
        with database.reading() as db_session:
            found = db_session.scalar(select(Meta.value).where(Meta.key == "database_id"))
    except (OperationalError, ProgrammingError):
        found = None
    if found != expected:
        raise DataError(_("The database and its key file do not belong together."))


def _upgrade_with_backup(database: Database, backup_dir: Path) -> Path:
    """Take a checked copy into ``backup_dir``, then upgrade; returns the copy."""
    private_folder(backup_dir)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{database.path.stem}-before-upgrade-{stamp}.db"
    write_checked_copy(database, target)
    log.info("backup taken before upgrading the schema")
    migration.upgrade(database.engine, field_cipher=database.field_cipher)
    return target
