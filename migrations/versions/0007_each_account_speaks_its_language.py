"""each account has the language Suoja speaks to it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 00:00:00

``user_account.language`` (``fi``, ``sv`` or ``en``): what the app and the command line
speak after this account signs in, unless ``--lang`` or ``SUOJA_LANG`` chose for the run.
Existing accounts speak Finnish, the default.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_CHECK = "language IN ('fi', 'sv', 'en')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Not a batch (copy, drop, rename): every table refers to user_account, and
        # SQLite refuses to drop it while foreign keys are on. A column with its own CHECK
        # can be added, and dropped again, in place.
        op.execute("ALTER TABLE user_account ADD COLUMN language VARCHAR(2) DEFAULT 'fi' "
                   f"NOT NULL CONSTRAINT ck_user_account_language_valid CHECK ({_CHECK})")
        return
    op.add_column('user_account', sa.Column('language', sa.String(length=2),
                                            server_default='fi', nullable=False))
    op.create_check_constraint(op.f('ck_user_account_language_valid'), 'user_account', _CHECK)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE user_account DROP COLUMN language")
        return
    op.drop_constraint(op.f('ck_user_account_language_valid'), 'user_account', type_='check')
    op.drop_column('user_account', 'language')
