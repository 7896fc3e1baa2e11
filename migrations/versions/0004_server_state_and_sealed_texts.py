"""server state rows; session notes and extortion messages sealed in the application

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:00:00

``suoja_server_state`` holds what a PostgreSQL server keeps for sign-in (key slots,
sign-in counters). The texts already in ``support_session.notes`` and
``extortion_contact.message_text`` are sealed (``models.domain.sealed``); that needs the data
key, which ``models.storage.migration.upgrade`` hands over in ``config.attributes``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SEALED = {"extortion_contact": "message_text", "support_session": "notes"}


def upgrade() -> None:
    op.create_table('suoja_server_state',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_suoja_server_state'))
    )
    _seal_existing(seal=True)


def downgrade() -> None:
    keys = op.get_bind().execute(sa.text(
        "SELECT count(*) FROM suoja_server_state WHERE name = 'key_slots'")).scalar()
    if keys:
        # A server database's key slots live in this table: dropping it locks everyone out.
        raise RuntimeError("a server database keeps its key slots in suoja_server_state; "
                           "it cannot go below revision 0004")
    _seal_existing(seal=False)
    op.drop_table('suoja_server_state')


def _seal_existing(*, seal: bool) -> None:
    from models.domain.sealed import V1_PREFIX

    connection = op.get_bind()
    cipher = context.config.attributes.get("field_cipher")
    for table_name, column in _SEALED.items():
        table = sa.table(table_name, sa.column("id", sa.Integer), sa.column(column, sa.Text))
        rows = connection.execute(
            sa.select(table.c.id, table.c[column]).where(table.c[column] != "")
        ).all()
        if not rows:
            continue
        if cipher is None:
            raise RuntimeError("sealing existing texts needs the content keys")
        for row_id, value in rows:
            if seal and not value.startswith(V1_PREFIX):
                new = cipher.seal_v1(table_name, column, row_id, value)
            elif not seal and value.startswith(V1_PREFIX):
                new = cipher.open_v1(table_name, column, row_id, value)
            else:
                continue
            connection.execute(
                sa.update(table).where(table.c.id == row_id).values({column: new})
            )
