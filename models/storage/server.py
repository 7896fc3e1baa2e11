"""Suoja on a PostgreSQL server: many workstations, one shared case database.

The embedded default is one SQLCipher file (``models.storage.database``). A crisis centre with
many workstations points every one at a server instead, with a URL such as
``postgresql+psycopg://suoja@db.example/suoja?sslmode=verify-full``. This module is the
one place that knows the server's specifics:

* the URL (:class:`ServerUrl`, in :mod:`models.storage.server_url` with the connection's
  settings and the first look at a server, so that the app can choose and show the
  sign-in window or the setup without loading SQLAlchemy): never with a password in it. The server
  password comes from libpq's own places (``~/.pgpass``, a service file, ``PGPASSWORD``)
  or is asked for and kept in memory only. TLS settings (``sslmode``, ``sslrootcert``…)
  pass through.
* the engine: every connection gives up after 5 s waiting for a lock (like SQLite's busy
  timeout) and names itself ``suoja`` in ``pg_stat_activity``.
* what SQLite keeps in files beside the database, a server keeps in
  ``suoja_server_state`` rows: the key slots and the sign-in counters.
* writers queue on one transaction-level advisory lock, which is what ``BEGIN
  IMMEDIATE`` gives on SQLite: the audit chain, case numbering and duplicate checks
  behave the same on both databases.
* the audit trail's table: no role but its owner may change or remove events; the
  workstations' role only adds and reads them (:func:`restrict_audit_grants`).
* bulk writes (the seed's ``COPY``, a rotation's ``UPDATE``) sent from a thread of their
  own while Python prepares the next (:class:`BackgroundSender`).
"""

from __future__ import annotations

import collections
import functools
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, inspect, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, InvalidatePoolError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from models.domain.entities import Base, ServerState
from models.domain.errors import DataError, Unavailable
from models.domain.i18n import gettext as _
from models.security.signin import set_aside_name
from models.storage.errors import from_database_error
from models.storage.keyfile import KeyFile
from models.storage.server_url import (  # ServerPasswordNeeded, connection_defaults: re-exported
    KEY_SLOTS,
    ServerPasswordNeeded,  # noqa: F401
    ServerUrl,
    connect_arguments,
    connection_defaults,  # noqa: F401
    connection_error,
    warn_unless_certificate_checked,
)

log = logging.getLogger("suoja.server")

#: ``pg_advisory_xact_lock`` key every writer takes ("SUOJ" in ASCII).
WRITER_LOCK = 0x53554F4A
#: The sign-in counters' own lock (not the writers': a failed sign-in must not queue
#: behind a long write, and a sign-in holding the writers' lock updates the counters).
SIGNIN_LOCK = 0x53554F4B
SIGNIN = "signin"
#: A pooled connection idle this long is pinged before it is used again (see
#: :func:`_ping_if_idle`).
PING_AFTER_IDLE_S = 1.0
_IDLE_SINCE = "suoja_idle_since"


def open_server_engine(target: ServerUrl) -> Engine:
    """An engine on the server, with one connection tried at once so failures are clear.

    Raises:
        ServerPasswordNeeded: the server wants a password and none is known.
        AuthenticationError: the server refused the user or password.
        DataError: the server cannot be reached, TLS failed, or the database is missing.
    """
    engine = create_engine(
        target.url, connect_args=connect_arguments(target), pool_size=4, max_overflow=4,
        hide_parameters=True,
    )
    event.listen(engine, "checkin", _note_idle)
    event.listen(engine, "checkout", functools.partial(_ping_if_idle, engine.dialect))
    try:
        engine.connect().close()
    except OperationalError as error:
        engine.dispose()
        raise connection_error(error, target) from None
    warn_unless_certificate_checked(target)
    return engine


def _note_idle(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    record.info[_IDLE_SINCE] = time.monotonic()


def _ping_if_idle(dialect: Dialect, dbapi_connection: Any, record: ConnectionPoolEntry,
                  _proxy: Any) -> None:
    """Before a pooled connection is used again after a pause, a round trip to the server
    to see it is still there (a restarted server, a dropped network path): a dead one is
    replaced (the pool tries again) instead of failing the user's first action.

    A connection given back moments ago is not pinged (SQLAlchemy's ``pool_pre_ping``
    pings every checkout: 20 of a sign-in's round trips, and one in four of a search's).
    One that died in that moment fails its statement, and the pool drops every
    connection it had (SQLAlchemy's disconnect handling), so the next action reconnects.
    """
    idle_since = record.info.get(_IDLE_SINCE)
    if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_S:
        return  # new, or given back moments ago
    try:
        alive = dialect.do_ping(dbapi_connection)
    except Exception as error:  # noqa: BLE001 - any failure: a connection not to use
        raise InvalidatePoolError("the server connection was lost") from error
    if not alive:
        # As pool_pre_ping does: the server probably restarted, so none of the pooled
        # connections is any good; the pool tries a new one.
        raise InvalidatePoolError("the server connection was lost")


def is_server(engine: Engine | Connection | Session) -> bool:
    bind = engine.get_bind() if isinstance(engine, Session) else engine
    return bind.dialect.name == "postgresql"


def take_writer_lock(db_session: Session) -> None:
    """Queue behind other writers until this transaction ends (``BEGIN IMMEDIATE``)."""
    db_session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})


def is_initialised(engine: Engine) -> bool:
    """Does the server database already hold a Suoja database (its key slots)?"""
    if not inspect(engine).has_table(ServerState.__tablename__):
        return False
    with engine.connect() as connection:
        found = connection.scalar(
            select(ServerState.name).where(ServerState.name == KEY_SLOTS)
        )
    return found is not None


def has_foreign_tables(engine: Engine) -> bool:
    """Tables in the public schema that are not Suoja's (a wrong database named)."""
    ours = set(Base.metadata.tables) | {"alembic_version"}
    return bool(set(inspect(engine).get_table_names()) - ours)


def load_key_slots(connection: Connection | Session) -> KeyFile:
    """The key slots the server keeps.

    Raises:
        DataError: this server database has not been set up for Suoja.
    """
    try:
        document = connection.scalar(
            select(ServerState.document).where(ServerState.name == KEY_SLOTS)
        )
    except SQLAlchemyError:
        document = None
    if document is None:
        raise DataError(_("This server database is not set up for Suoja; run 'init' with "
                          "--db-url first."))
    return KeyFile.from_document(document, _("The server's key store"))


def save_key_slots(db_session: Session, keys: KeyFile) -> None:
    """Write the key slots in the caller's unit of work (they commit with it)."""
    _upsert(db_session, KEY_SLOTS, keys.to_document())


def _upsert(connection: Connection | Session, name: str, document: str) -> None:
    statement = pg_insert(ServerState).values(name=name, document=document)
    connection.execute(statement.on_conflict_do_update(
        index_elements=[ServerState.name], set_={"document": document}))


class ServerCounters:
    """The sign-in counters as a ``suoja_server_state`` row (``models.security.signin``)."""

    def __init__(self, engine: Engine, db_session: Session | None = None) -> None:
        self._engine = engine
        self._session = db_session

    def read(self) -> str | None:
        """The row as it is; with a unit of work's session, read in its transaction on
        its connection (a sign-in's, behind the writers' lock: sign-ins that overlap read
        the failures to audit one after another, and no second connection is opened).

        Raises:
            Unavailable: the server went away or is busy (not a fault of the counters).
            OSError: the counters could not be read.
        """
        statement = select(ServerState.document).where(ServerState.name == SIGNIN)
        try:
            if self._session is not None:
                return self._session.scalar(statement)
            with self._engine.connect() as connection:
                return connection.scalar(statement)
        except SQLAlchemyError as error:
            _raise_if_unavailable(error)
            raise OSError("the sign-in counters could not be read") from None

    def update(self, change: Callable[[str | None], str]) -> None:
        """Read, change and write the row in one transaction, queued behind every other
        workstation's update (so simultaneous failed sign-ins are all counted). With a
        unit of work's session, in its transaction: committed with it (a sign-in forgets
        the failures it audited in the transaction that audits them) or not at all."""
        try:
            if self._session is not None:
                self._change(self._session, change)
                return
            with self._engine.begin() as connection:
                self._change(connection, change)
        except SQLAlchemyError as error:
            _raise_if_unavailable(error)
            raise OSError("the sign-in counters could not be written") from None

    @staticmethod
    def _change(connection: Connection | Session, change: Callable[[str | None], str]) -> None:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SIGNIN_LOCK})
        document = connection.scalar(
            select(ServerState.document).where(ServerState.name == SIGNIN))
        _upsert(connection, SIGNIN, change(document))

    @property
    def in_transaction(self) -> bool:
        """Whether changes commit with a unit of work (see :meth:`update`)."""
        return self._session is not None

    def set_aside(self) -> None:
        """Keep the present row under another name (for investigation) and remove it."""
        try:
            with self._engine.begin() as connection:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": SIGNIN_LOCK})
                document = connection.scalar(
                    select(ServerState.document).where(ServerState.name == SIGNIN))
                if document is None:
                    return
                _upsert(connection, set_aside_name(SIGNIN), document)
                connection.execute(delete(ServerState).where(ServerState.name == SIGNIN))
        except SQLAlchemyError:
            raise OSError("the sign-in counters could not be set aside") from None
        log.warning("unusable sign-in counters were set aside")


def _raise_if_unavailable(error: SQLAlchemyError) -> None:
    """A lost connection or a busy server is said as such, not as unusable counters (whose
    way out is a supervisor's reset)."""
    known = from_database_error(error)
    if isinstance(known, Unavailable):
        raise known from None


class BackgroundSender:
    """Work on a unit of work's psycopg connection, run by a thread of its own while the
    caller prepares the next piece, so the server works while Python does; at most
    ``ahead`` pieces wait. The thread uses only the psycopg connection (:attr:`driver`),
    whose lock gives it to one thread at a time, in the unit of work's transaction; the
    caller's Session stays on the caller's thread. A driver error is raised as SQLAlchemy
    raises it, with no values. Use as a context manager: leaving waits for every piece
    (and raises the first failure), or, on an error, drops what waits; either way nothing
    runs in the transaction once it has left (the unit of work may roll it back).
    """

    def __init__(self, connection: Connection, name: str, ahead: int = 2) -> None:
        driver = connection.connection.driver_connection
        assert driver is not None
        self.driver: Any = driver
        self.dialect = connection.dialect
        self._ahead = ahead
        self._pending: collections.deque[Future[None]] = collections.deque()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)

    def __enter__(self) -> BackgroundSender:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        try:
            if kind is None:
                while self._pending:
                    self._pending.popleft().result()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def send(self, work: Callable[[], None]) -> None:
        """Run ``work`` on the thread, after what was sent before it."""
        while len(self._pending) >= self._ahead:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(self._run, work))

    def _run(self, work: Callable[[], None]) -> None:
        driver_error = self.dialect.loaded_dbapi.Error
        try:
            work()
        except driver_error as error:
            raise DBAPIError.instance(None, None, error, driver_error, hide_parameters=True,
                                      dialect=self.dialect) from error


def resync_sequences(db_session: Session | Connection) -> None:
    """After rows were inserted with explicit ids (seed, import), move each table's id
    sequence past the largest id, so the next ordinary insert does not collide."""
    bind = db_session.get_bind() if isinstance(db_session, Session) else db_session
    if bind.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        id_column = table.c.get("id")
        if id_column is None or not id_column.primary_key or not id_column.autoincrement:
            continue
        db_session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
        ))


def vacuum(engine: Engine, tables: list[str]) -> bool:
    """After an erasure: VACUUM the tables, so the old row versions are dropped.

    Plain VACUUM takes no lock that stops other workstations. It frees the space of the
    dead row versions for reuse, but PostgreSQL does not overwrite those bytes at once,
    and its write-ahead log and earlier pg_dump files still hold them until they are
    rotated: the deployment guide (docs/DEPLOYMENT.md) covers that. Hence always False
    ("not compacted"), unlike SQLite's file rewrite.
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # Only a table's owner may vacuum it; the app's role usually is not (the nightly
        # vacuumdb of docs/DEPLOYMENT.md then does it).
        owned = set(connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND "
            "pg_has_role(current_user, tableowner, 'MEMBER')")).scalars())
        skipped = [table for table in tables if table not in owned]
        if skipped:
            log.warning("erasure: %d tables left for the scheduled VACUUM (not their owner)",
                        len(skipped))
        for table in tables:
            if table in owned:
                connection.exec_driver_sql(f"VACUUM (ANALYZE) {table}")
    return False


def analyze(engine: Engine, tables: list[str]) -> None:
    """Gather the planner's statistics of ``tables`` now (after a bulk load): until the
    autovacuum daemon gets to them, its plans are made for empty tables, and a search
    that walks every case for a rare name took 50 ms instead of 2. A table this role
    does not own is skipped with the server's own warning."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        quote = connection.dialect.identifier_preparer.quote
        connection.exec_driver_sql("ANALYZE " + ", ".join(quote(table) for table in tables))


#: The audit trail's table: on a server, only its owner may change or remove its rows.
AUDIT_TABLE = "audit_event"
#: Privileges that let a role rewrite events: a trigger runs as the workstation that
#: writes an event and could change it on its way in.
_REWRITE_CHECK = "DELETE, TRUNCATE, TRIGGER"


@dataclass(frozen=True)
class AuditRewriters:
    """Who may change or delete audit events on this server database.

    Attributes:
        role: the role this connection signed in as.
        role_may: whether that role may (the table's owner, a member of it, a superuser,
            or a role granted UPDATE, DELETE, TRUNCATE or TRIGGER on it).
        others: the other roles that may, other than the owner and superusers (never
            the workstations' role when ``init`` and upgrades set the grants).
    """

    role: str
    role_may: bool
    others: tuple[str, ...]


def restrict_audit_grants(connection: Connection) -> int:
    """Leave every role but the owner of ``audit_event`` at most SELECT and INSERT on it.

    What else any role (PUBLIC too) holds on the table or its columns is revoked: UPDATE,
    DELETE, TRUNCATE, TRIGGER, REFERENCES (and MAINTAIN from PostgreSQL 17). The
    workstations' role keeps the SELECT and INSERT that docs/DEPLOYMENT.md's default
    privileges gave it, so Suoja needs no role name: per-workstation roles and other
    names work alike. The owner keeps everything (PostgreSQL always lets a table's owner
    change it), hence workstations must never connect as the owner.

    Runs as the owner: in the migrations' transaction (``init`` and every schema
    upgrade, ``models.storage.migration.upgrade``) and at the owner's sign-in
    (:func:`secure_audit_trail`). Revokes only what is there: nothing to do, no write.

    Returns:
        How many grantees lost privileges.
    """
    found = connection.execute(text(
        "SELECT grantee, string_agg(DISTINCT privilege_type, ', ') FROM ("
        "  SELECT a.grantee, a.privilege_type FROM pg_class c"
        "  CROSS JOIN LATERAL aclexplode(c.relacl) a"
        "  WHERE c.oid = to_regclass(:table) AND a.grantee <> c.relowner"
        "  UNION ALL"
        "  SELECT a.grantee, a.privilege_type FROM pg_attribute t"
        "  JOIN pg_class c ON c.oid = t.attrelid CROSS JOIN LATERAL aclexplode(t.attacl) a"
        "  WHERE c.oid = to_regclass(:table) AND a.grantee <> c.relowner"
        ") granted WHERE privilege_type NOT IN ('SELECT', 'INSERT') GROUP BY grantee"),
        {"table": AUDIT_TABLE}).all()
    for grantee, privileges in found:
        words = ", ".join(word for word in privileges.split(", ")
                          if word.isalpha() and word.isupper())  # PostgreSQL's own names
        name = "PUBLIC" if grantee == 0 else connection.scalar(
            text("SELECT quote_ident(rolname) FROM pg_roles WHERE oid = :oid"),
            {"oid": grantee})
        # CASCADE: also what this grantee passed on with a grant option.
        connection.exec_driver_sql(f"REVOKE {words} ON {AUDIT_TABLE} FROM {name} CASCADE")
    if found:
        log.warning("audit events: privileges to change or delete them revoked from %d "
                    "server roles", len(found))
    return len(found)


def audit_rewriters(connection: Connection) -> AuditRewriters:
    """Which roles may change or delete audit events (for ``verify`` and sign-in)."""
    role, role_may = _may_rewrite(connection)
    others = connection.execute(text(
        "SELECT r.rolname FROM pg_roles r, pg_class c"
        " WHERE c.oid = to_regclass(:table) AND r.oid <> c.relowner AND NOT r.rolsuper"
        " AND r.rolname !~ '^pg_'"  # PostgreSQL's own roles (pg_write_all_data's members count)
        " AND (pg_has_role(r.oid, c.relowner, 'MEMBER')"
        "      OR has_any_column_privilege(r.oid, c.oid, 'UPDATE')"
        "      OR has_table_privilege(r.oid, c.oid, :rewrite))"
        " ORDER BY r.rolname"), {"table": AUDIT_TABLE, "rewrite": _REWRITE_CHECK}).scalars()
    return AuditRewriters(role, role_may, tuple(others))


def _may_rewrite(connection: Connection) -> tuple[str, bool]:
    """The connected role, and whether it may change or delete audit events."""
    role, may = connection.execute(text(
        "SELECT current_user, coalesce((SELECT pg_has_role(c.relowner, 'MEMBER')"
        " OR has_any_column_privilege(c.oid, 'UPDATE')"
        " OR has_table_privilege(c.oid, :rewrite)"
        " FROM pg_class c WHERE c.oid = to_regclass(:table)), false)"),
        {"table": AUDIT_TABLE, "rewrite": _REWRITE_CHECK}).one()
    return str(role), bool(may)


def secure_audit_trail(engine: Engine) -> None:
    """At sign-in on a server: a role that may change or delete audit events is named in
    the log (workstations must use the workstations' role, docs/DEPLOYMENT.md); when it
    is the owner, what was granted on ``audit_event`` since the last upgrade is taken
    back (a database set up by an older Suoja, or a privilege given back by hand).

    Never refuses the sign-in: the owner signs in to upgrade the schema, and the
    grants are a second line behind the audit chain and the workstations' anchors.
    """
    try:
        with engine.begin() as connection:
            if not _may_rewrite(connection)[1]:
                return
            if connection.scalar(text(
                    "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class "
                    "WHERE oid = to_regclass(:table)"), {"table": AUDIT_TABLE}):
                restrict_audit_grants(connection)
    except DBAPIError:
        log.warning("audit events: the server's privileges on them could not be checked")
        return
    log.warning("signed in as a server role that may change or delete audit events; "
                "workstations must connect as the workstations' role (docs/DEPLOYMENT.md)")
