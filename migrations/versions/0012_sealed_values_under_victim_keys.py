"""sealed values may be sealed under a victim key (stored form version 3)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 06:00:00

``models.domain.sealed`` version 3 mixes a per-case victim key (kept in the key store,
destroyed when the case is erased) into the keys of the case's sealed values. The check
constraints on the sealed texts now accept ``v3:`` beside ``v2:``. Nothing is re-sealed
here: the first sign-in of an account holding both content keys gives the version 2
values victim keys (``models.storage.victim_keys``). On the way down the version 3 values
are sealed again in version 2 (needs the content keys and the key store's victim keys,
which ``models.storage.migration`` hands over in ``config.attributes``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHECKS = {"extortion_contact": ("message_text_sealed", "message_text"),
           "support_session": ("notes_sealed", "notes")}
#: ``models.storage.victim_keys.UPGRADED_META_KEY``.
_UPGRADED = "sealed_v3"


def upgrade() -> None:
    for table_name, (name, column) in _CHECKS.items():
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table_name}_{name}"), type_="check")
            batch_op.create_check_constraint(
                op.f(f"ck_{table_name}_{name}"),
                f"{column} LIKE 'v2:%' OR {column} LIKE 'v3:%'")


def downgrade() -> None:
    bind = op.get_bind()
    cipher = None
    for table_name, (_name, column) in {**_CHECKS, "attachment": ("", "content")}.items():
        binary = column == "content"
        table = sa.table(table_name, sa.column("id", sa.Integer),
                         sa.column("case_id", sa.Integer),
                         sa.column(column, sa.LargeBinary if binary else sa.Text))
        value = table.c[column]
        newer = (sa.func.substr(value, 1, 3) == sa.literal(b"SJ3", sa.LargeBinary)
                 if binary else value.like("v3:%"))
        ids = list(bind.scalars(sa.select(table.c.id).where(newer).order_by(table.c.id)))
        for row_id in ids:
            if cipher is None:
                cipher = context.config.attributes.get("field_cipher")
                if cipher is None:
                    raise RuntimeError("sealing existing texts needs the content keys")
            case_id, stored = bind.execute(sa.select(table.c.case_id, value)
                                           .where(table.c.id == row_id)).one()
            # Outside a unit of work the cipher seals in version 2.
            if binary:
                sealed: object = cipher.seal_bytes(table_name, column, row_id, case_id,
                                                   cipher.open_bytes(table_name, column,
                                                                     row_id, case_id, stored))
            else:
                sealed = cipher.seal(table_name, column, row_id, case_id,
                                     cipher.open(table_name, column, row_id, case_id, stored))
            bind.execute(sa.update(table).where(table.c.id == row_id)
                         .values({column: sealed}))
    meta = sa.table("suoja_meta", sa.column("key", sa.String))
    bind.execute(sa.delete(meta).where(meta.c.key == _UPGRADED))
    for table_name, (name, column) in _CHECKS.items():
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table_name}_{name}"), type_="check")
            batch_op.create_check_constraint(op.f(f"ck_{table_name}_{name}"),
                                             f"{column} LIKE 'v2:%'")
