"""Alembic: the head matches the models, and an older database is upgraded after a backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from models import migration
from models.entities import Base
from models.store import Actor, Database, open_database
from tests.conftest import PASSWORD


def test_migration_head_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert migration.current_revision(database.engine) == migration.head_revision()


def test_catalogue_is_in_the_database(database: Database) -> None:
    from sqlalchemy import select

    from models.entities import ProtectiveActionType
    from models.enums import PROTECTIVE_ACTION_CATALOGUE

    with database.reading() as db_session:
        codes = list(db_session.scalars(
            select(ProtectiveActionType.code).order_by(ProtectiveActionType.sort_order)))
    assert codes == [kind.code for kind in PROTECTIVE_ACTION_CATALOGUE]


NEXT_REVISION = '''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("breach") as batch:
        batch.add_column(sa.Column("test_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("breach") as batch:
        batch.drop_column("test_note")
'''


def test_older_database_is_upgraded_after_a_backup(
    opened: tuple[Database, Actor, str], db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened[0].dispose()
    newer_code = tmp_path / "migrations"
    shutil.copytree(migration.MIGRATIONS_DIR, newer_code,
                    ignore=shutil.ignore_patterns("__pycache__", "dev.db"))
    old_head = migration.head_revision()
    (newer_code / "versions" / "9999_test.py").write_text(NEXT_REVISION.format(head=old_head))
    monkeypatch.setattr(migration, "MIGRATIONS_DIR", newer_code)
    assert migration.head_revision() == "9999"

    database, _actor = open_database(db_path, "super", PASSWORD)
    try:
        assert migration.current_revision(database.engine) == "9999"
        columns = {c["name"] for c in inspect(database.engine).get_columns("breach")}
        assert "test_note" in columns
    finally:
        database.dispose()

    backups = list((db_path.parent / "backups").glob("suoja-before-upgrade-*.db"))
    assert len(backups) == 1
    # The backup is the old schema, encrypted, with its own key file beside it.
    monkeypatch.setattr(migration, "needs_upgrade", lambda engine: False)
    old, _ = open_database(backups[0], "super", PASSWORD)
    try:
        assert migration.current_revision(old.engine) == old_head
    finally:
        old.dispose()
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
