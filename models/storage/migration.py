"""Alembic, driven from code: bring a database to the newest schema, after a backup.

The migration scripts live in the top-level ``migrations/`` folder; ``pyproject.toml``
points the ``alembic`` command there too, so developers can autogenerate revisions.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from models import __version__
from models.domain.errors import DataError
from models.domain.i18n import gettext as _
from models.domain.sealed import FieldCipher

log = logging.getLogger("suoja.migration")

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


@dataclass(frozen=True)
class SchemaUpgrade:
    """What a sign-in's schema upgrade did, for the person who signed in to be told.

    Attributes:
        before: the revision the database was at.
        after: the revision it is at now (the code's newest).
        backup: the checked copy taken first; None on a server (pg_dump covers it).
    """

    before: str
    after: str
    backup: Path | None

    def notice(self) -> str:
        """One or two sentences saying what happened, in the language in use."""
        if self.backup is None:
            return _("Suoja upgraded this server database from schema {before} to {after}.").format(
                before=self.before, after=self.after)
        return _("Suoja upgraded this database from schema {before} to {after}. A checked copy "
                 "from before the upgrade was saved as {backup}.").format(
            before=self.before, after=self.after, backup=self.backup)


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _scripts() -> ScriptDirectory:
    """The migration scripts, read once per run (compiling them took half of a sign-in)."""
    return _scripts_in(MIGRATIONS_DIR)


@functools.cache
def _scripts_in(folder: Path) -> ScriptDirectory:
    del folder  # the cache's key: _config() reads MIGRATIONS_DIR
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest revision the code knows."""
    head = _scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (``None`` for an empty database).

    Read with one plain statement: Alembic's own reading (a migration context, the
    catalogue asked whether the table exists) cost 5 ms of each sign-in on a server. It
    still answers whenever the plain reading does not: no table yet, more than one row,
    or an error (which it raises as before).
    """
    with engine.connect() as connection:
        try:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except DBAPIError:
            rows = []
            connection.rollback()
        if len(rows) == 1:
            return str(rows[0][0])
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    """Is the database older than the code?

    Raises:
        DataError: it is newer: a later version of Suoja upgraded it.
    """
    current = current_revision(engine)
    if current is not None:
        try:
            _scripts().get_revision(current)
        except (CommandError, ResolutionError):
            raise DataError(_("This database has schema {database}, which a newer version "
                              "of Suoja made; this one ({version}) knows schemas up to "
                              "{known}: install the newer version on this workstation.")
                            .format(database=current, version=__version__,
                                    known=head_revision())) from None
    return current != head_revision()


def upgrade(engine: Engine, revision: str = "head", *,
            field_cipher: FieldCipher | None = None) -> None:
    """Run the migrations up to ``revision`` in one transaction.

    Args:
        field_cipher: the database's content keys, for revisions that re-encrypt data
            (0004 seals texts already stored). Not needed for an empty database.
    """
    config = _config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Other workstations may be writing: queue behind them like any writer.
            from models.storage.server import WRITER_LOCK

            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
        config.attributes["connection"] = connection
        config.attributes["field_cipher"] = field_cipher
        command.upgrade(config, revision)
        if connection.dialect.name == "postgresql":
            from models.storage.server import restrict_audit_grants, resync_sequences

            resync_sequences(connection)
            # init and every upgrade run as the owner: only it may rewrite audit events.
            restrict_audit_grants(connection)
    log.info("database upgraded to %s", revision)


def downgrade(engine: Engine, revision: str, *,
              field_cipher: FieldCipher | None = None) -> None:
    """Run the migrations back down to ``revision`` (tests, and undoing a failed rollout)."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        config.attributes["field_cipher"] = field_cipher
        command.downgrade(config, revision)
