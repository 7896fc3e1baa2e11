"""account changes that wait for a second person: a supervisor approves or declines

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-20 00:00:00

``account_change_request`` holds what an administrator asked for and only a supervisor
other than them may approve: a new supervisor or administrator, a promotion to one, or
a new password for one (separation of duties, issue 16). No password is stored: the
approving supervisor sets it when approving.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('account_change_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=True),
    sa.Column('requested_by', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision', sa.String(length=10), nullable=True),
    sa.CheckConstraint("kind IN ('create', 'role', 'password')", name=op.f('ck_account_change_request_kind_valid')),
    sa.CheckConstraint("role IN ('counsellor', 'police_liaison', 'supervisor', 'administrator')", name=op.f('ck_account_change_request_role_valid')),
    sa.CheckConstraint("decision IN ('approved', 'declined')", name=op.f('ck_account_change_request_decision_valid')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_account_change_request_user_id_user_account')),
    sa.ForeignKeyConstraint(['requested_by'], ['user_account.id'], name=op.f('fk_account_change_request_requested_by_user_account')),
    sa.ForeignKeyConstraint(['decided_by'], ['user_account.id'], name=op.f('fk_account_change_request_decided_by_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_change_request'))
    )
    with op.batch_alter_table('account_change_request', schema=None) as batch_op:
        batch_op.create_index('ix_account_change_request_decision', ['decision'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('account_change_request', schema=None) as batch_op:
        batch_op.drop_index('ix_account_change_request_decision')
    op.drop_table('account_change_request')
