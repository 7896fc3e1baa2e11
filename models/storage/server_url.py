"""Where a PostgreSQL server database is, and the first look at it: :class:`ServerUrl`
(never with a password in it), the connection's settings, and :func:`holds_suoja`.

Apart from :mod:`models.storage.server` (which re-exports these names) and free of
SQLAlchemy, so that the app can choose between the first-run setup and the sign-in window,
and show it, before SQLAlchemy and the entities are loaded:

* a URL is read as SQLAlchemy reads it (``sqlalchemy.engine.make_url``, whose grammar
  :data:`_URL` repeats) and written back as it writes it; tests/test_startup.py compares
  the two on many URLs;
* :func:`holds_suoja` connects with psycopg directly, with the parameters SQLAlchemy's
  psycopg dialect would pass (:func:`connection_parameters`) and the app's own settings
  (:func:`connect_arguments`, which the engines of :mod:`models.storage.server` use too),
  and says whether the database was set up for Suoja. A failed connection is the same
  one sentence as the engine's (:func:`connection_error`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, quote_plus, unquote

from models.domain.errors import AuthenticationError, DataError, Unavailable, UsageError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _

log = logging.getLogger("suoja.server")

DRIVER = "postgresql+psycopg"
#: libpq options that carry a secret: never in a URL (settings, process lists, logs).
_SECRET_OPTIONS = {"password", "sslpassword"}
LOCK_TIMEOUT_MS = 5000
IDLE_IN_TRANSACTION_MS = 60_000
#: libpq settings used unless the URL sets them.
CONNECTION_DEFAULTS: dict[str, str | int] = {
    "connect_timeout": 10, "keepalives": 1, "keepalives_idle": 30,
    "keepalives_interval": 10, "keepalives_count": 3,
}
#: Where a server keeps what SQLite keeps in files beside the database
#: (``models.domain.entities.ServerState``), and the row a set-up database has there.
STATE_TABLE = "suoja_server_state"
KEY_SLOTS = "key_slots"

#: SQLAlchemy's URL grammar (``sqlalchemy.engine.url._parse_url``).
_URL = re.compile(
    r"""
        (?P<name>[\w\+]+)://
        (?:
            (?P<username>[^:/]*)
            (?::(?P<password>[^@]*))?
        @)?
        (?:
            (?:
                \[(?P<ipv6host>[^/\?]+)\] |
                (?P<ipv4host>[^/:\?]+)
            )?
            (?::(?P<port>[^/\?]*))?
        )?
        (?:/(?P<database>[^\?]*))?
        (?:\?(?P<query>.*))?
    """,
    re.X,
)


class ServerPasswordNeeded(AuthenticationError):
    """The server asks for a password and none was found; the caller may ask for one."""


@dataclass(frozen=True)
class _Parts:
    """A URL's parts, as ``sqlalchemy.engine.URL`` holds them."""

    drivername: str
    username: str | None
    password: str | None
    host: str | None
    port: int | None
    database: str | None
    query: dict[str, str | tuple[str, ...]]

    @classmethod
    def split(cls, raw: str) -> _Parts:
        """Raises: ValueError: not a URL, or a port that is not a number."""
        match = _URL.match(raw)
        if match is None:
            raise ValueError("not a URL")
        found = match.groupdict()
        query: dict[str, str | tuple[str, ...]] = {}
        for key, value in parse_qsl(found["query"] or ""):
            before = query.get(key)
            if before is None:
                query[key] = value
            else:
                query[key] = (*((before,) if isinstance(before, str) else before), value)
        username, password, database = (
            None if found[name] is None else unquote(found[name])
            for name in ("username", "password", "database"))
        port = found["port"]
        return cls(found["name"], username, password, found["ipv4host"] or found["ipv6host"],
                   None if port is None else int(port), database, query)

    def render(self) -> str:
        """As ``URL.render_as_string(hide_password=False)``."""
        text = self.drivername + "://"
        if self.username is not None:
            text += quote(self.username, safe=" +")
            if self.password is not None:
                text += ":" + quote(self.password, safe=" +")
            text += "@"
        if self.host is not None:
            text += f"[{self.host}]" if ":" in self.host else self.host
        if self.port is not None:
            text += ":" + str(self.port)
        if self.database is not None:
            text += "/" + quote(self.database, safe=" +/")
        if self.query:
            text += "?" + "&".join(
                f"{quote_plus(key)}={quote_plus(value)}" for key in sorted(self.query)
                for value in _values(self.query[key]))
        return text

    def first(self, key: str) -> str | None:
        value = self.query.get(key)
        return value if value is None or isinstance(value, str) else value[0]


def _values(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value


@dataclass(frozen=True)
class ServerUrl:
    """Where a server database is; the password, if one was asked for, is memory-only."""

    url: str
    password: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def parse(cls, raw: str) -> ServerUrl:
        """Check a ``--db-url``.

        Raises:
            UsageError: not a PostgreSQL URL, no database name, or a password in it.
        """
        try:
            url = _Parts.split(raw.strip())
        except ValueError:
            raise UsageError(_("The database URL is not valid; expected "
                               "postgresql+psycopg://USER@HOST/DATABASE.")) from None
        if url.drivername not in ("postgresql", "postgres", DRIVER):
            raise UsageError(_("Only PostgreSQL server URLs are supported "
                               "(postgresql+psycopg://USER@HOST/DATABASE)."))
        secret_options = {key.lower() for key in url.query} & _SECRET_OPTIONS
        if url.password or secret_options:
            raise UsageError(_("Do not put the database password in the URL: use a libpq "
                               "password file (~/.pgpass) or service file, or you will be "
                               "asked."))
        if not url.database and not url.query.get("service"):
            raise UsageError(_("The database URL must name the database "
                               "(postgresql+psycopg://USER@HOST/DATABASE)."))
        return cls(_Parts(DRIVER, url.username, url.password, url.host, url.port,
                          url.database, url.query).render())

    def with_password(self, password: str) -> ServerUrl:
        return ServerUrl(self.url, password)

    @property
    def parts(self) -> _Parts:
        return _Parts.split(self.url)

    @property
    def display(self) -> str:
        """For titles and messages: ``database on host`` (no user, no options)."""
        url = self.parts
        service = url.first("service")
        if service and not url.host:
            return _("service {name}").format(name=service)
        host = url.host or url.first("host") or ""
        if not host or host.startswith("/"):  # a Unix socket: a server on this computer
            host = _("this computer")
        return _("{database} on {host}").format(database=url.database, host=host)

    def __str__(self) -> str:
        return self.display


def connection_defaults(target: ServerUrl) -> dict[str, str | int]:
    """Keepalives and a connect timeout, for what the URL does not set itself (a service
    file's own values are kept when the URL names a service)."""
    query = {key.lower() for key in target.parts.query}
    if "service" in query:
        return {}
    return {key: value for key, value in CONNECTION_DEFAULTS.items() if key not in query}


def connect_arguments(target: ServerUrl) -> dict[str, object]:
    """The app's settings for every connection, beyond the URL's (an engine's
    ``connect_args``): its name in ``pg_stat_activity``, the lock and idle timeouts, the
    keepalives, and the password asked for, if any."""
    arguments: dict[str, object] = {
        "application_name": "suoja",
        # A workstation that vanishes mid-transaction (a pulled cable) must not hold the
        # writers' lock for long: the server ends such a session after a minute, and TCP
        # keepalives notice a dead peer within about a minute too.
        #
        # psycopg prepares a statement run five times on a connection, and the server
        # may then keep one generic plan for any values. A search's plan depends on its
        # values (a name prefix matching 13 cases or 38,000), and the generic one walked
        # every case for a rare name (150 ms at 200,000 instead of 0.6): plan each run.
        # Parallel workers for a page of 100 rows walked three times as many rows, and a
        # workstation's data is read from memory, not from a spinning disk: a match is
        # looked up by its index rather than every case read (BENCHMARKS.md).
        "options": (f"-c lock_timeout={LOCK_TIMEOUT_MS} "
                    f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS} "
                    "-c plan_cache_mode=force_custom_plan -c max_parallel_workers_per_gather=0 "
                    "-c random_page_cost=1.1"),
    }
    arguments.update(connection_defaults(target))
    if target.password:
        arguments["password"] = target.password
    return arguments


def connection_parameters(target: ServerUrl) -> dict[str, object]:
    """``psycopg.connect``'s keyword arguments for the target: the URL's parts as
    SQLAlchemy's psycopg dialect passes them (``create_connect_args``), then
    :func:`connect_arguments`, as an engine's ``connect_args`` override them.

    Several hosts or ports in the query (``host=a,b`` or ``host=a:1&host=b:2``) are left
    to SQLAlchemy's own code, loaded for them only.
    """
    url = target.parts
    if _one_host(url):
        parameters: dict[str, object] = {}
        for key, value in (("host", url.host), ("dbname", url.database),
                           ("user", url.username), ("password", url.password),
                           ("port", url.port)):
            if value:
                parameters[key] = value
        parameters.update(url.query)
        if "host" in url.query and "port" in url.query and int(str(url.query["port"])):
            parameters["port"] = str(int(str(url.query["port"])))
    else:
        from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
        from sqlalchemy.engine import make_url

        parameters = PGDialect_psycopg().create_connect_args(make_url(target.url))[1]
    parameters.update(connect_arguments(target))
    return parameters


def _one_host(url: _Parts) -> bool:
    """Is the query free of what SQLAlchemy reads as several hosts or ports?"""
    if not all(isinstance(value, str) for value in url.query.values()):
        return False
    host = url.query.get("host")
    port = url.query.get("port")
    return ((host is None or not any(mark in str(host) for mark in ",:"))
            and (port is None or re.fullmatch(r"[0-9]+", str(port)) is not None))


def checks_certificate(target: ServerUrl) -> bool:
    """Is the server's identity checked (or is it on this computer, over a socket)?"""
    url = target.parts
    host = url.host or ""
    if not host or host.startswith("/") or "service" in url.query:
        return True  # a Unix socket, or settings from a service file
    return str(url.query.get("sslmode", "")) in ("verify-full", "verify-ca")


def warn_unless_certificate_checked(target: ServerUrl) -> None:
    if not checks_certificate(target):  # connected, but to whom?
        log.warning("the database URL does not check the server's certificate "
                    "(add sslmode=verify-full and sslrootcert)")


# What SQLAlchemy's ``inspect(engine).has_table`` asks on PostgreSQL (a table, view or
# foreign table of that name on the search path, outside pg_catalog), then whether the key
# slots' row is there: as ``models.storage.server.is_initialised``.
_HAS_STATE_TABLE = (
    "SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class"
    " JOIN pg_catalog.pg_namespace"
    " ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace"
    " WHERE pg_catalog.pg_class.relname = %s"
    " AND pg_catalog.pg_class.relkind = ANY (ARRAY['r', 'p', 'f', 'v', 'm'])"
    " AND pg_catalog.pg_table_is_visible(pg_catalog.pg_class.oid)"
    " AND pg_catalog.pg_namespace.nspname != 'pg_catalog'")
_HAS_KEY_SLOTS = f"SELECT name FROM {STATE_TABLE} WHERE name = %s"


def holds_suoja(target: ServerUrl) -> bool:
    """Does the server database hold a Suoja database (its key slots)? One connection,
    with psycopg alone: what the app asks before it shows the setup or the sign-in.

    Raises:
        ServerPasswordNeeded, AuthenticationError, DataError, Unavailable, UsageError: the
            connection failed (:func:`connection_error`).
        psycopg.Error: the server failed to answer (``models.storage.errors`` words it).
    """
    import psycopg

    try:
        connection = psycopg.connect(**connection_parameters(target))  # type: ignore[arg-type]
    except psycopg.OperationalError as error:
        raise connection_error(error, target) from None
    try:
        warn_unless_certificate_checked(target)
        if connection.execute(_HAS_STATE_TABLE, (STATE_TABLE,)).fetchone() is None:
            return False
        return connection.execute(_HAS_KEY_SLOTS, (KEY_SLOTS,)).fetchone() is not None
    finally:
        connection.close()


#: The classes SQLAlchemy wraps a driver's errors in, by the driver's class names.
_WRAPPERS = ("InterfaceError", "DatabaseError", "DataError", "OperationalError",
             "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError")


def error_kind(error: BaseException) -> str:
    """The error's class name, a psycopg error's as SQLAlchemy's wrapper names it (so a
    message naming it reads the same whether psycopg or an engine raised it)."""
    if type(error).__module__.partition(".")[0] == "psycopg":
        return next((kind.__name__ for kind in type(error).__mro__
                     if kind.__name__ in _WRAPPERS), "DBAPIError")
    return type(error).__name__


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
        return DataError(_(_NO_DATABASE).format(name=target.parts.database))
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
    if "does not match host name" in detail:
        return DataError(_("The database server's certificate is not for the host in the URL "
                           "({host}); use the name the certificate was made for.").format(
                               host=target.parts.host))
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
        return DataError(_(_NO_DATABASE).format(name=target.parts.database))
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
