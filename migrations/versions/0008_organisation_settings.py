"""the organisation's settings: the PDFs' classification line, a victim letter's help lines

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 00:30:00

``organisation_setting`` (key, value) holds what an administrator or supervisor sets once
for every workstation: the classification line printed under the confidentiality marking
of every PDF, and the help lines and data-request contact of the letters to victims.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('organisation_setting',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_organisation_setting'))
    )


def downgrade() -> None:
    op.drop_table('organisation_setting')
