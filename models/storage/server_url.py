"""Where a PostgreSQL server database is: :class:`ServerUrl`, never with a password in it.

Apart from :mod:`models.storage.server` (which re-exports both names) so that the sign-in
window can name its target before SQLAlchemy is loaded: SQLAlchemy's URL parser is
imported only when a URL is parsed or shown, that is when a server is used at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.domain.errors import AuthenticationError, UsageError
from models.domain.i18n import gettext as _

DRIVER = "postgresql+psycopg"
#: libpq options that carry a secret: never in a URL (settings, process lists, logs).
_SECRET_OPTIONS = {"password", "sslpassword"}


class ServerPasswordNeeded(AuthenticationError):
    """The server asks for a password and none was found; the caller may ask for one."""


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
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(raw.strip())
            url.port  # noqa: B018  (a malformed port raises only when read)
        except (ArgumentError, ValueError):
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
        return cls(url.set(drivername=DRIVER).render_as_string(hide_password=False))

    def with_password(self, password: str) -> ServerUrl:
        return ServerUrl(self.url, password)

    @property
    def display(self) -> str:
        """For titles and messages: ``database on host`` (no user, no options)."""
        from sqlalchemy.engine import make_url

        url = make_url(self.url)
        service = url.query.get("service")
        if service and not url.host:
            return _("service {name}").format(
                name=service if isinstance(service, str) else service[0])
        host = url.host or url.query.get("host") or ""
        if isinstance(host, tuple):
            host = host[0]
        if not host or host.startswith("/"):  # a Unix socket: a server on this computer
            host = _("this computer")
        return _("{database} on {host}").format(database=url.database, host=host)

    def __str__(self) -> str:
        return self.display
