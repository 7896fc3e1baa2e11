"""a victim's corrected details keep their history (GDPR art. 16)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-22 00:00:00

``victim_correction`` holds one row per corrected detail of a victim: which field, the
value before and after (as text, personal data kept like the victim's own columns), when
and by whom. ``identity_code_record.changed_by_id`` says who recorded a new identity code
(that table is the codes' history already); codes recorded before this revision have
none, and the history shows them as "not recorded". Nothing existing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FIELDS = ('first_names', 'last_name', 'birth_date', 'phone', 'email', 'street_address',
           'postal_code', 'city', 'country', 'language', 'may_leave_voicemail',
           'may_send_sms', 'may_email', 'may_send_post', 'safe_contact_note',
           'consent_given', 'consent_date')


def upgrade() -> None:
    allowed = ', '.join(f"'{name}'" for name in _FIELDS)
    op.create_table('victim_correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('victim_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=30), nullable=False),
    sa.Column('previous_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=False),
    sa.CheckConstraint(f"field IN ({allowed})", name=op.f('ck_victim_correction_field_valid')),
    sa.ForeignKeyConstraint(['victim_id'], ['victim.id'], name=op.f('fk_victim_correction_victim_id_victim'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['changed_by_id'], ['user_account.id'], name=op.f('fk_victim_correction_changed_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_victim_correction'))
    )
    with op.batch_alter_table('victim_correction', schema=None) as batch_op:
        batch_op.create_index('ix_victim_correction_victim_id_changed_at',
                              ['victim_id', 'changed_at'], unique=False)
    # A batch: SQLite adds a foreign key only by copying the table (nothing refers to
    # identity_code_record, so the copy may replace it with foreign keys on).
    with op.batch_alter_table('identity_code_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changed_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_identity_code_record_changed_by_id_user_account'),
            'user_account', ['changed_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('identity_code_record', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_identity_code_record_changed_by_id_user_account'), type_='foreignkey')
        batch_op.drop_column('changed_by_id')
    with op.batch_alter_table('victim_correction', schema=None) as batch_op:
        batch_op.drop_index('ix_victim_correction_victim_id_changed_at')
    op.drop_table('victim_correction')
