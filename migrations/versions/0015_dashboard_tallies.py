"""dashboard tallies kept by triggers; covering indexes for overdue and recent contact

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 07:40:00

On SQLite the dashboard's counts that do not depend on the day (open cases per holder and
risk level, protective actions done and counted, victims with an extortion contact and of
them with a police report) are kept in ``dashboard_tally`` by triggers, in the same
transaction as every insert, update and delete of the rows they count — whoever writes,
the application, a restore's ledger, a cascade. The dashboard then reads a few rows
(``models.services.figures.dashboard``); the day-dependent figures (overdue, uncontacted,
the weeks) stay range counts on covering indexes. SQLite runs row triggers right after each
row, so "another contact of this case" (asked with the row itself excluded, ``id <>``) sees
the rows before it and the counts step correctly through a multi-row statement; two
transactions never both see "no contact yet" for one case, SQLite's writers queue.

On PostgreSQL the table stays empty and the dashboard counts those figures from the rows:
under MVCC every update of a tally row within one transaction adds a row version the next
update must walk past, so a long unit of work (the demo seed writes every victim in one)
would slow quadratically. Keeping them there needs per-statement deltas (transition
tables) with multi-row inserts, which is left to do.

A later migration that rebuilds one of these tables on SQLite (``batch_alter_table`` with
a move and copy) drops its triggers: create them again there (``create_triggers``) and
recount (``recount``), both in ``models.storage.tallies`` (the demo seed drops them for its
transaction and does the same at its end). tests/test_dashboard_figures.py checks they are
all in place at head.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The triggers and the recount live in models (the demo seed uses them too).
from models.storage.tallies import (  # noqa: F401 - SQLITE_TRIGGERS: for the tests
    SQLITE_TRIGGERS,
    create_triggers,
    drop_triggers,
    recount,
)

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'dashboard_tally',
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('holder_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('risk_level', sa.String(length=10), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('kind', 'holder_id', 'risk_level',
                                name=op.f('pk_dashboard_tally')),
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_done_due_on')
        batch_op.create_index('ix_follow_up_done_due_on_case_id',
                              ['done', 'due_on', 'case_id'], unique=False)
    with op.batch_alter_table('support_session', schema=None) as batch_op:
        batch_op.drop_index('ix_support_session_started_at')
        batch_op.create_index('ix_support_session_started_at_case_id',
                              ['started_at', 'case_id'], unique=False)
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        create_triggers(connection)
        recount(connection)


def downgrade() -> None:
    drop_triggers(op.get_bind())
    with op.batch_alter_table('support_session', schema=None) as batch_op:
        batch_op.drop_index('ix_support_session_started_at_case_id')
        batch_op.create_index('ix_support_session_started_at', ['started_at'], unique=False)
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_done_due_on_case_id')
        batch_op.create_index('ix_follow_up_done_due_on', ['done', 'due_on'], unique=False)
    op.drop_table('dashboard_tally')
