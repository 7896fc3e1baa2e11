"""An open Suoja database and who is signed in to it: :class:`Database` (the engine, the
key material and the units of work) and :class:`Actor`.

:mod:`models.storage.store` opens or creates one (key slots, sign-in, migrations);
:mod:`models.storage.maintenance` copies one (backups, restores); services work in its
units of work. It lives apart from ``store`` so that those two depend on it, and
``store`` on ``maintenance`` (the backup before a schema upgrade), one way only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.domain.entities import Meta
from models.domain.enums import Language, Role
from models.domain.errors import (
    AuthenticationError,
    DataError,
    ValidationError,
)
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.domain.sealed import (
    SESSION_KEY,
    FieldCipher,
    VictimKeys,
    VictimKeyScope,
    victim_key_scope,
)
from models.security.audit import AuditLog, EventSigner, derive_chain_key
from models.security.signin import SignInGuard
from models.storage import server
from models.storage.database import BULK_LOAD, keyfile_path
from models.storage.errors import from_database_error
from models.storage.keyfile import (
    KEY_CARE,
    KEY_CASE,
    KEY_CHAIN,
    KEY_STORAGE,
    ROLE_KEYS,
    SLOT_RECOVERY,
    SLOT_USER,
    Identity,
    KdfParams,
    KeyFile,
    Keyring,
    KeySlot,
)
from models.storage.server import ServerCounters, ServerUrl

if TYPE_CHECKING:  # only the annotation: the migrations stay unloaded until a sign-in
    from models.storage.migration import SchemaUpgrade

#: Where a database is: the SQLCipher file, or a PostgreSQL server.
Target = Path | ServerUrl


MIN_PASSWORD_LENGTH = 12



@dataclass(frozen=True)
class Actor:
    """The signed-in user, as services see them."""

    user_id: int
    username: str
    display_name: str
    role: Role
    #: The language the account prefers (what Suoja speaks after sign-in unless overridden).
    language: Language = Language.FINNISH


#: ``suoja_meta`` keys: which generation of the care and case keys seals the values now.
CONTENT_GENERATION = {KEY_CARE: "key_generation:care", KEY_CASE: "key_generation:case"}


def content_generation(db_session: Session, key: str) -> int:
    """The generation of ``key`` (care or case) the sealed values are under (0: a
    database from before content keys per role)."""
    row = db_session.get(Meta, CONTENT_GENERATION[key])
    try:  # "generation|signer|signature|check" (models.storage.generations)
        return int(row.value.partition("|")[0]) if row is not None else 0
    except ValueError:
        return -1  # damaged: no key matches, and nothing opens


class Database:
    """An open Suoja database: engine, key material and units of work.

    Services never keep a ``db_session`` between calls: each call opens one with
    :meth:`reading` or :meth:`writing`, which is one unit of work.

    ``keyring`` is what the signed-in account's password opened
    (``models.storage.keyfile``); ``storage_key`` the key the SQLCipher file opened with
    (on a server, the newest storage key held).
    """

    def __init__(self, target: Target, engine: Engine, keyring: Keyring,
                 storage_key: bytes | None = None) -> None:
        self.target = target
        self.on_server = isinstance(target, ServerUrl)
        #: Set when this sign-in upgraded the schema (``models.storage.store``), so that
        #: the front end can say so; None otherwise.
        self.schema_upgrade: SchemaUpgrade | None = None
        self.engine = engine
        self._keyring = keyring
        latest = keyring.latest(KEY_STORAGE)
        self._storage_key = storage_key or (latest[1] if latest else b"")
        chain = keyring.latest(KEY_CHAIN)
        self._chain_secret = chain[1] if chain else b""
        # Every event this session writes is signed with the account's own signing key.
        signer = (EventSigner(keyring.identity.signing, username=keyring.name,
                              recovery=keyring.kind == SLOT_RECOVERY)
                  if keyring.identity is not None else None)
        self.audit = AuditLog(derive_chain_key(self._chain_secret), signer)
        # The content keys are set by load_content_keys once the database is open; the
        # victim keys are read from the key store when first needed.
        self._victims = VictimKeys(self._stored_victim_keys)
        self._cipher = FieldCipher(victims=self._victims)
        self._bind(engine)

    def _bind(self, engine: Engine) -> None:
        self.engine = engine
        info = {SESSION_KEY: self._cipher}
        # A reader sees one consistent snapshot, as SQLite's read transactions do (on a
        # server other workstations commit between the statements of one read).
        reader = (engine.execution_options(isolation_level="REPEATABLE READ")
                  if self.on_server else engine)
        self._reader = sessionmaker(reader, expire_on_commit=False, info=info)
        self._row_reader = reader
        # BEGIN IMMEDIATE (on a server: an advisory lock): a writer takes the write lock
        # up front, so two writers queue instead of one failing half-way (and the audit
        # chain cannot fork).
        self._writer = sessionmaker(
            engine.execution_options(suoja_immediate=True), expire_on_commit=False, info=info
        )

    def rebind(self, engine: Engine, storage_key: bytes) -> None:
        """Use ``engine``, opened with ``storage_key`` (after a rotation re-keyed the file)."""
        self.engine.dispose()
        self._storage_key = storage_key
        self._bind(engine)

    def load_content_keys(self, role: Role | None = None) -> None:
        """Take the care and case keys of the generations the values are sealed under
        from the keyring: the ones ``role`` holds (all the keyring has without a role)."""
        allowed = ROLE_KEYS[role.value] if role is not None else {KEY_CARE, KEY_CASE}
        with self.reading() as db_session:
            generations = {key: content_generation(db_session, key)
                           for key in (KEY_CARE, KEY_CASE)}
        self._cipher.set_keys(
            *(self._keyring.get(key, generations[key]) if key in allowed else None
              for key in (KEY_CARE, KEY_CASE)))

    def missing_content_keys(self, role: Role) -> list[str]:
        """The content keys ``role`` should hold and this account does not (yet)."""
        with self.reading() as db_session:
            return [key for key in (KEY_CARE, KEY_CASE) if key in ROLE_KEYS[role.value]
                    and self._keyring.get(key, content_generation(db_session, key)) is None]

    @property
    def path(self) -> Path:
        """The SQLCipher file (for backups and their folder).

        Raises:
            DataError: the database is on a server; the server is backed up with pg_dump.
        """
        if isinstance(self.target, ServerUrl):
            raise DataError(_("This database is on a PostgreSQL server: back it up on the "
                              "server with pg_dump (see docs/DEPLOYMENT.md)."))
        return self.target

    @property
    def field_cipher(self) -> FieldCipher:
        """Seals and opens session notes and extortion messages (``models.domain.sealed``)."""
        self._check_open()
        return self._cipher

    @property
    def keyring(self) -> Keyring:
        """The signed-in account's keys. Never log or store them."""
        self._check_open()
        return self._keyring

    @property
    def identity(self) -> Identity | None:
        return self.keyring.identity

    @property
    def data_key(self) -> bytes:
        """The key the SQLCipher file is open with (for keyed copies: backups). Never log
        or store it."""
        self._check_open()
        return self._storage_key

    @property
    def keyfile_path(self) -> Path:
        return keyfile_path(self.path)

    @property
    def chain_key(self) -> bytes:
        self._check_open()
        return derive_chain_key(self._chain_secret)

    @property
    def chain_secret(self) -> bytes:
        """The chain's root key (the searched values' MAC is derived from it too)."""
        self._check_open()
        return self._chain_secret

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        self._check_open()
        with translated_database_errors(), self._reader() as db_session:
            try:
                yield db_session
            finally:
                db_session.rollback()

    @contextlib.contextmanager
    def reading_rows(self) -> Iterator[Connection]:
        """A read-only unit of work for plain rows: Core statements on one connection in
        one read transaction (rolled back at the end), no ORM session. What a list reads
        a page at a time: a session's bookkeeping would cost as much as the statement.
        Sealed columns come back sealed (the ORM's :class:`FieldCipher` opens them)."""
        self._check_open()
        with translated_database_errors(), self._row_reader.connect() as connection:
            connection.begin()
            try:
                yield connection
            finally:
                connection.rollback()

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """A unit of work that commits if the block succeeds, else rolls everything back.

        Raises:
            DataError: the disk is full, the database is busy, damaged or read-only (the
                unit of work was rolled back).
        """
        self._check_open()
        with translated_database_errors(), self._writer() as db_session, db_session.begin():
            if self.on_server:
                server.take_writer_lock(db_session)
            with victim_key_scope(self._victims, lambda: _victim_keys_of(
                    self.load_keyfile(db_session))) as scope:
                yield db_session
                db_session.flush()  # values sealed at the flush may make keys too
                if scope.created or (scope.erasing and self.on_server):
                    self._store_victim_keys(db_session, scope)
        # Committed: the keys made are known here, the erased cases' forgotten.
        self._victims.add(scope.created)
        self._victims.destroy(scope.erasing)

    @contextlib.contextmanager
    def loading(self) -> Iterator[Session]:
        """A unit of work that loads a whole caseload into a new database (the demo
        seed), committed only if the block succeeds, as :meth:`writing`.

        On SQLite the file takes a rollback journal for it instead of the WAL: the
        loaded pages are written once, not to the WAL and again at its checkpoint. That
        needs the file to itself, so idle connections are closed first; with one in use
        elsewhere the WAL stays. Meanwhile another program opening the file waits, and is
        then told that it is busy.

        Raises:
            DataError: as :meth:`writing`.
        """
        if not self.on_server:
            self.engine.dispose()  # idle connections only: one in use stays usable
        with self.writing() as db_session:
            if not self.on_server:
                db_session.connection(execution_options={BULK_LOAD: True})
            yield db_session

    def _store_victim_keys(self, db_session: Session, scope: VictimKeyScope) -> None:
        """Add the victim keys the unit of work made to the key store, under its writer's
        lock (on a server in its transaction; a key file is written now, before the
        commit: a key kept for a unit of work that then failed opens nothing). On a
        server the keys of the cases it erases go in the same transaction; a key file
        loses them only once the erasure has committed (``models.storage.erasure.
        copy_lines``, and every sign-in), so a failed commit never loses a key."""
        keys = self.load_keyfile(db_session)
        for case_id, key in scope.created.items():
            # Under the lock nobody else can have made one since the scope looked.
            keys.victim_keys.setdefault(case_id, key)
        if self.on_server:
            for case_id in scope.erasing:
                keys.victim_keys.pop(case_id, None)
        self.save_keyfile(keys, db_session)

    def _stored_victim_keys(self) -> tuple[dict[int, bytes], set[int]]:
        return _victim_keys_of(self.load_keyfile())

    def load_keyfile(self, db_session: Session | None = None) -> KeyFile:
        """The key slots: the key file beside the database, or the server's row (read in
        ``db_session``'s unit of work when one is given: under its writer's lock)."""
        if self.on_server and db_session is not None:
            return server.load_key_slots(db_session)
        if self.on_server:
            with self.reading() as db_session:
                return server.load_key_slots(db_session)
        return KeyFile.load(self.keyfile_path)

    def save_keyfile(self, keys: KeyFile, db_session: Session | None = None) -> None:
        """Write the key slots: the key file, or on a server in ``db_session``'s unit of
        work (or one of its own)."""
        if not self.on_server:
            keys.save(self.keyfile_path)
        elif db_session is not None:
            server.save_key_slots(db_session, keys)
        else:
            with self.writing() as own_session:
                server.save_key_slots(own_session, keys)

    def wrap_key_slot(self, username: str, password: str, kdf: KdfParams | None = None,
                      identity: Identity | None = None) -> KeySlot:
        """A slot for ``username``: new key pairs, or ``identity``'s under a new password
        (slow: Argon2id), not yet stored."""
        check_password_rules(password)
        slot, _identity = self.load_keyfile().new_slot(SLOT_USER, username, password, kdf,
                                                       identity)
        return slot

    def store_key_slot(self, slot: KeySlot, db_session: Session | None,
                       role: Role | None = None) -> list[str]:
        """Store a slot from :meth:`wrap_key_slot` (in the key file, or on a server in
        ``db_session``'s unit of work). With ``role``, the slot is also granted the keys
        that role holds, as far as this account holds them.

        Returns:
            The keys the role needs that this account could not give (for a supervisor
            to give: ``models.services.accounts``).
        """
        keys = self.load_keyfile(db_session)
        keys.put_slot(slot)
        missing = self.grant_role_keys(keys, slot.name, role) if role is not None else []
        self.save_keyfile(keys, db_session)
        return missing

    def replace_own_slot(self, slot: KeySlot, identity: Identity, db_session: Session) -> None:
        """Store the signed-in account's new slot (new key pair, from one's own password
        change) and give it every key this session holds (in ``db_session``'s unit of
        work on a server)."""
        keys = self.load_keyfile(db_session)
        keys.put_slot(slot)  # the old key pair's grants go with it
        for (key, generation), value in self._keyring.secrets.items():
            keys.grant(slot.kind, slot.name, key, generation, value)
        self.save_keyfile(keys, db_session)
        self._keyring.identity = identity

    def grant_role_keys(self, keys: KeyFile, username: str, role: Role) -> list[str]:
        """Grant ``username`` the current generation of every key ``role`` holds that
        this account holds too (in ``keys``, not saved); the ones it could not give."""
        missing = []
        for key in sorted(ROLE_KEYS[role.value]):
            current = self.current_key(key, keys)
            if current is None:
                missing.append(key)
            else:
                keys.grant(SLOT_USER, username, key, *current)
        return missing

    def current_key(self, key: str, keys: KeyFile) -> tuple[int, bytes] | None:
        """(generation, secret) of ``key`` in use now, if this account holds it."""
        if key == KEY_STORAGE:
            return (self.storage_generation(keys), self._storage_key)
        if key in CONTENT_GENERATION:
            with self.reading() as db_session:
                generation = content_generation(db_session, key)
            value = self._keyring.get(key, generation)
            return (generation, value) if value is not None else None
        return self._keyring.latest(key)

    def storage_generation(self, keys: KeyFile) -> int:
        """The generation of the storage key the database is open with."""
        return next((gen for gen in self._keyring.generations(KEY_STORAGE)
                     if self._keyring.get(KEY_STORAGE, gen) == self._storage_key),
                    max(keys.generations(KEY_STORAGE), default=0))

    def sign_in_guard(self, db_session: Session | None = None) -> SignInGuard:
        """This database's sign-in counters (``models.security.signin``); on a server, read
        in ``db_session``'s transaction when one is given (changes still commit on their
        own: a failure counted must stay counted)."""
        if self.on_server:
            return SignInGuard(ServerCounters(self.engine, db_session))
        return SignInGuard(self.path)

    def dispose(self) -> None:
        """Close every connection (at exit)."""
        self.engine.dispose()

    def close(self) -> None:
        """Close for good (the idle lock): connections closed, key forgotten.

        Any later unit of work on this object is refused, so a service someone kept
        cannot read the database while the workstation is locked.
        """
        self.engine.dispose(close=True)
        self._storage_key = b""
        self._chain_secret = b""
        self._keyring = Keyring("", "", None)
        # The keys derived from them go too: the chain's and the sealed texts'.
        self._cipher.set_keys(None, None)
        self._victims.forget()
        self.audit = AuditLog(b"")
        for maker in (self._reader, self._writer):
            maker.kw["info"] = {}
        self._closed = True

    def _check_open(self) -> None:
        if getattr(self, "_closed", False):
            raise AuthenticationError(_("Suoja is locked; sign in again to continue."))


def _victim_keys_of(keys: KeyFile) -> tuple[dict[int, bytes], set[int]]:
    """The victim keys a key store holds, and the cases its erasure ledger lists that
    hold none (no key is made for them again). A ledger line does not hide a key the
    store holds: a planted line must not make a case's values unopenable."""
    return (dict(keys.victim_keys),
            {entry.case_id for entry in keys.erasures} - set(keys.victim_keys))


@contextlib.contextmanager
def translated_database_errors() -> Iterator[None]:
    """Turn an expected driver error (disk full, busy, damaged page…) into a DataError.

    The one place where services' units of work get a plain sentence instead of
    SQLAlchemy's error; unexpected driver errors (bugs) pass through unchanged.
    """
    try:
        yield
    except DBAPIError as error:
        known = from_database_error(error)
        if known is None:
            raise
        raise known from None


def check_password_rules(password: str) -> None:
    """The length every key-slot password must have (strength: ``models.security.passwords``)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(_("Password"), ngettext(
            "must be at least {n} character long", "must be at least {n} characters long",
            MIN_PASSWORD_LENGTH).format(n=MIN_PASSWORD_LENGTH))
