"""signed audit events and account records

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-21 00:00:00

Each audit event is signed (Ed25519) by the account whose session wrote it
(``audit_event.signer``, ``audit_event.signature``); each account row is signed by the
account authority (``user_account.signing_keys``, ``user_account.signature``), see
``models.security.signatures``. Events already written are not changed (on a server
the workstations' role may only add and read them): they stay unsigned, and
``suoja_meta.audit_signed_from`` records the first event that must be signed. The
authority's keys and the rows' signatures are written at the first sign-in of an
account that holds the authority (``models.storage.authority``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_META = sa.table('suoja_meta', sa.column('key', sa.String), sa.column('value', sa.String))
_SIGNED_FROM = 'audit_signed_from'


def upgrade() -> None:
    # In place, not a batch (copy, drop, rename): every table refers to user_account
    # and SQLite refuses to drop it while foreign keys are on; and the events already
    # written are left exactly as they are.
    op.add_column('audit_event', sa.Column('signer', sa.String(length=40), nullable=True))
    op.add_column('audit_event', sa.Column('signature', sa.String(length=100), nullable=True))
    op.add_column('user_account', sa.Column('signing_keys', sa.Text(), nullable=True))
    op.add_column('user_account', sa.Column('signature', sa.String(length=100), nullable=True))
    connection = op.get_bind()
    last = connection.scalar(sa.text('SELECT MAX(seq) FROM audit_event')) or 0
    connection.execute(_META.delete().where(_META.c.key == _SIGNED_FROM))
    connection.execute(_META.insert().values(key=_SIGNED_FROM, value=str(last + 1)))


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(_META.delete().where(sa.or_(
        _META.c.key == _SIGNED_FROM, _META.c.key == 'recovery_signing',
        _META.c.key.like('authority:%'))))
    op.drop_column('user_account', 'signature')
    op.drop_column('user_account', 'signing_keys')
    op.drop_column('audit_event', 'signature')
    op.drop_column('audit_event', 'signer')
