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

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.domain.enums import Language, Role
from models.domain.errors import (
    AuthenticationError,
    DataError,
    ValidationError,
)
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.domain.sealed import SESSION_KEY, FieldCipher
from models.security.audit import AuditLog, derive_chain_key
from models.security.signin import SignInGuard
from models.storage import server
from models.storage.database import keyfile_path
from models.storage.errors import from_database_error
from models.storage.keyfile import SLOT_USER, KdfParams, KeyFile, KeySlot
from models.storage.server import ServerCounters, ServerUrl

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


class Database:
    """An open Suoja database: engine, key material and units of work.

    Services never keep a ``db_session`` between calls: each call opens one with
    :meth:`reading` or :meth:`writing`, which is one unit of work.
    """

    def __init__(self, target: Target, engine: Engine, data_key: bytes) -> None:
        self.target = target
        self.on_server = isinstance(target, ServerUrl)
        self.engine = engine
        self._data_key = data_key
        self.audit = AuditLog(derive_chain_key(data_key))
        info = {SESSION_KEY: FieldCipher(data_key)}
        # A reader sees one consistent snapshot, as SQLite's read transactions do (on a
        # server other workstations commit between the statements of one read).
        reader = (engine.execution_options(isolation_level="REPEATABLE READ")
                  if self.on_server else engine)
        self._reader = sessionmaker(reader, expire_on_commit=False, info=info)
        # BEGIN IMMEDIATE (on a server: an advisory lock): a writer takes the write lock
        # up front, so two writers queue instead of one failing half-way (and the audit
        # chain cannot fork).
        self._writer = sessionmaker(
            engine.execution_options(suoja_immediate=True), expire_on_commit=False, info=info
        )

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
        return FieldCipher(self._data_key)

    @property
    def data_key(self) -> bytes:
        """The raw data key (for keyed copies: backups). Never log or store it."""
        self._check_open()
        return self._data_key

    @property
    def keyfile_path(self) -> Path:
        return keyfile_path(self.path)

    @property
    def chain_key(self) -> bytes:
        return derive_chain_key(self._data_key)

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
            yield db_session

    def load_keyfile(self) -> KeyFile:
        """The key slots: the key file beside the database, or the server's row."""
        if self.on_server:
            with self.reading() as db_session:
                return server.load_key_slots(db_session)
        return KeyFile.load(self.keyfile_path)

    def add_key_slot(self, username: str, password: str, kdf: KdfParams | None = None,
                     db_session: Session | None = None) -> None:
        """Give ``username`` a key slot (or rewrap theirs under a new password).

        On a server the slot is written in ``db_session``'s unit of work when one is
        given (so it commits with the account it belongs to), else in one of its own.
        Services call :meth:`wrap_key_slot` first, outside their unit of work, and
        :meth:`store_key_slot` inside it: Argon2id takes a while, and on a server every
        other workstation's writes wait while a unit of work runs.
        """
        slot = self.wrap_key_slot(username, password, kdf)
        if db_session is None and self.on_server:
            with self.writing() as own_session:
                self.store_key_slot(slot, own_session)
        else:
            self.store_key_slot(slot, db_session)

    def wrap_key_slot(self, username: str, password: str,
                      kdf: KdfParams | None = None) -> KeySlot:
        """The data key wrapped under ``password`` (slow: Argon2id), not yet stored."""
        check_password_rules(password)
        return self.load_keyfile().wrap(SLOT_USER, username, password, self._data_key, kdf)

    def store_key_slot(self, slot: KeySlot, db_session: Session | None) -> None:
        """Store a slot from :meth:`wrap_key_slot`: in the key file, or on a server in
        ``db_session``'s unit of work."""
        if not self.on_server:
            keys = self.load_keyfile()
            keys.put_slot(slot)
            keys.save(self.keyfile_path)
            return
        assert db_session is not None, "a server's key slots are written in a unit of work"
        keys = server.load_key_slots(db_session)
        keys.put_slot(slot)
        server.save_key_slots(db_session, keys)

    def sign_in_guard(self) -> SignInGuard:
        """This database's sign-in counters (``models.security.signin``)."""
        if self.on_server:
            return SignInGuard(ServerCounters(self.engine))
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
        self._data_key = b""
        # The keys derived from it go too: the chain's and the sealed texts'.
        self.audit = AuditLog(b"")
        for maker in (self._reader, self._writer):
            maker.kw["info"] = {}
        self._closed = True

    def _check_open(self) -> None:
        if getattr(self, "_closed", False):
            raise AuthenticationError(_("Suoja is locked; sign in again to continue."))


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
