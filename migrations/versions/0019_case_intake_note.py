"""a case keeps what was learnt at first contact (its intake note)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 12:40:00

``case_file.intake_note``: free text, optional (empty for every existing case), kept like
``risk_reason`` beside it: not sealed, protected by the database's encryption, cleared by
erasure. An imported list's "additional information" column can go here instead of the
risk reason. Nothing existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Not a batch (copy, drop, rename): every case's records refer to case_file, and its
    # dashboard triggers (0015) would go with the copy. SQLite adds a column in place.
    op.add_column('case_file', sa.Column('intake_note', sa.Text(), server_default='',
                                         nullable=False))
    if op.get_bind().dialect.name != "sqlite":
        # The models give the default (as for risk_reason); SQLite keeps its harmless
        # DEFAULT '' (dropping it there would copy the table).
        op.alter_column('case_file', 'intake_note', server_default=None)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE case_file DROP COLUMN intake_note")
        return
    op.drop_column('case_file', 'intake_note')
