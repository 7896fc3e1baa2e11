"""Suoja on a PostgreSQL server: many workstations, one shared case database.

The embedded default is one SQLCipher file (``models.storage.database``). A crisis centre with
many workstations points every one at a server instead, with a URL such as
``postgresql+psycopg://suoja@db.example/suoja?sslmode=verify-full``. This module is the
one place that knows the server's specifics:

* the URL (:class:`ServerUrl`, in :mod:`models.storage.server_url` so that the sign-in
  window can name it without loading SQLAlchemy): never with a password in it. The server
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
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, create_engine, delete, inspect, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from models.domain.entities import Base, ServerState
from models.domain.errors import AuthenticationError, DataError, Unavailable, UsageError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.security.signin import set_aside_name
from models.storage.keyfile import KeyFile
from models.storage.server_url import ServerPasswordNeeded, ServerUrl

log = logging.getLogger("suoja.server")

#: ``pg_advisory_xact_lock`` key every writer takes ("SUOJ" in ASCII).
WRITER_LOCK = 0x53554F4A
#: The sign-in counters' own lock (not the writers': a failed sign-in must not queue
#: behind a long write, and a sign-in holding the writers' lock updates the counters).
SIGNIN_LOCK = 0x53554F4B
LOCK_TIMEOUT_MS = 5000
IDLE_IN_TRANSACTION_MS = 60_000
#: libpq settings used unless the URL sets them.
CONNECTION_DEFAULTS: dict[str, str | int] = {
    "connect_timeout": 10, "keepalives": 1, "keepalives_idle": 30,
    "keepalives_interval": 10, "keepalives_count": 3,
}
KEY_SLOTS = "key_slots"
SIGNIN = "signin"


def open_server_engine(target: ServerUrl) -> Engine:
    """An engine on the server, with one connection tried at once so failures are clear.

    Raises:
        ServerPasswordNeeded: the server wants a password and none is known.
        AuthenticationError: the server refused the user or password.
        DataError: the server cannot be reached, TLS failed, or the database is missing.
    """
    connect_args: dict[str, object] = {
        "application_name": "suoja",
        # A workstation that vanishes mid-transaction (a pulled cable) must not hold the
        # writers' lock for long: the server ends such a session after a minute, and TCP
        # keepalives notice a dead peer within about a minute too.
        "options": (f"-c lock_timeout={LOCK_TIMEOUT_MS} "
                    f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}"),
    }
    connect_args.update(connection_defaults(target))
    if target.password:
        connect_args["password"] = target.password

    engine = create_engine(
        target.url, connect_args=connect_args, pool_size=4, max_overflow=4,
        pool_pre_ping=True, hide_parameters=True,
    )
    try:
        engine.connect().close()
    except OperationalError as error:
        engine.dispose()
        raise connection_error(error, target) from None
    if not _checks_certificate(target):  # connected, but to whom?
        log.warning("the database URL does not check the server's certificate "
                    "(add sslmode=verify-full and sslrootcert)")
    return engine


def _checks_certificate(target: ServerUrl) -> bool:
    """Is the server's identity checked (or is it on this computer, over a socket)?"""
    url = make_url(target.url)
    host = url.host or ""
    if not host or host.startswith("/") or "service" in url.query:
        return True  # a Unix socket, or settings from a service file
    return str(url.query.get("sslmode", "")) in ("verify-full", "verify-ca")


def connection_defaults(target: ServerUrl) -> dict[str, str | int]:
    """Keepalives and a connect timeout, for what the URL does not set itself (a service
    file's own values are kept when the URL names a service)."""
    query = {key.lower() for key in make_url(target.url).query}
    if "service" in query:
        return {}
    return {key: value for key, value in CONNECTION_DEFAULTS.items() if key not in query}


def connection_error(error: BaseException, target: ServerUrl) -> Exception:
    """A failed connection as one plain sentence, chosen by kind (nothing copied)."""
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlstate", None) or ""
    detail = str(original).lower()
    where = target.display
    if "pg_hba.conf" in detail:  # also SQLSTATE 28000, but not a wrong password
        return AuthenticationError(_(_NOT_ACCEPTED).format(where=where))
    # The server's own refusals carry a code, the same in every server language.
    if code in ("28P01", "28000"):
        return AuthenticationError(_(_REFUSED_USER).format(where=where))
    if code == "3D000":
        return DataError(_(_NO_DATABASE).format(name=make_url(target.url).database))
    if code == "42501":
        return AuthenticationError(_(_USER_NOT_ALLOWED).format(where=where))
    if "no password supplied" in detail or "password is required" in detail:
        return ServerPasswordNeeded(
            _("The database server ({where}) asks for a password.").format(where=where))
    if "password authentication failed" in detail or "authentication failed" in detail:
        return AuthenticationError(_(_REFUSED_USER).format(where=where))
    if "pg_hba.conf" in detail:
        return AuthenticationError(_(_NOT_ACCEPTED).format(where=where))
    # libpq's own refusals (no code): say which setting is wrong; they hold no data.
    url = make_url(target.url)
    if "does not match host name" in detail:
        return DataError(_("The database server's certificate is not for the host in the URL "
                           "({host}); use the name the certificate was made for.").format(
                               host=url.host))
    if "root certificate file" in detail:
        return DataError(_("The root certificate for checking the server (sslrootcert, or "
                           "~/.postgresql/root.crt) is missing."))
    if "definition of service" in detail:
        return UsageError(
            _("The URL names a service that is not in the pg_service.conf file."))
    if "invalid sslmode" in detail:
        return UsageError(_("The URL's sslmode is not valid; use verify-full."))
    if "ssl" in detail or "certificate" in detail or "tls" in detail:
        return DataError(_("The secure (TLS) connection to the database server ({where}) "
                           "failed; check sslmode and the server's certificate.").format(
                               where=where))
    if "does not exist" in detail and "database" in detail:
        return DataError(_(_NO_DATABASE).format(name=make_url(target.url).database))
    if "role" in detail and "does not exist" in detail:
        return AuthenticationError(
            _("The database server ({where}) does not know that user.").format(where=where))
    if "permission denied" in detail or "not permitted" in detail:
        return AuthenticationError(_(_USER_NOT_ALLOWED).format(where=where))
    return Unavailable(_("The database server ({where}) cannot be reached; check the address "
                         "and that the server is running.").format(where=where))


_NOT_ACCEPTED = N_("The database server ({where}) does not accept this connection; check the "
                   "URL's TLS settings (sslmode) and the server's access rules.")
_REFUSED_USER = N_("The database server ({where}) refused the user or password.")
_USER_NOT_ALLOWED = N_("The database server ({where}) does not allow this user to connect.")
_NO_DATABASE = N_("The server has no database named {name}.")


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

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def read(self) -> str | None:
        try:
            with self._engine.connect() as connection:
                return connection.scalar(
                    select(ServerState.document).where(ServerState.name == SIGNIN))
        except SQLAlchemyError:
            raise OSError("the sign-in counters could not be read") from None

    def update(self, change: Callable[[str | None], str]) -> None:
        """Read, change and write the row in one transaction, queued behind every other
        workstation's update (so simultaneous failed sign-ins are all counted)."""
        try:
            with self._engine.begin() as connection:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": SIGNIN_LOCK})
                document = connection.scalar(
                    select(ServerState.document).where(ServerState.name == SIGNIN))
                _upsert(connection, SIGNIN, change(document))
        except SQLAlchemyError:
            raise OSError("the sign-in counters could not be written") from None

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
