"""sealed values bound to their case; empty texts and evidence files sealed too

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 12:10:00

Version 2 of ``models.domain.sealed``: the row's case is bound into every ciphertext (a note
moved to another victim's case does not open), empty texts are sealed (a blanked note is
detected), and attachment contents are sealed as well (the evidence files are what the
sealed message texts are copies of). Check constraints refuse an unsealed text. Needs
the data key, which ``models.storage.migration.upgrade`` hands over in ``config.attributes``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = {"extortion_contact": "message_text", "support_session": "notes"}
_CHECKS = {"extortion_contact": ("message_text_sealed", "message_text LIKE 'v2:%'"),
           "support_session": ("notes_sealed", "notes LIKE 'v2:%'")}


def upgrade() -> None:
    cipher = _cipher()
    for table_name, column in _TEXTS.items():
        for row_id, case_id, value in _rows(table_name, column):
            plain = cipher().open_v1(table_name, column, row_id, value or "")
            _write(table_name, column, row_id,
                   cipher().seal(table_name, column, row_id, case_id, plain))
    # Evidence files one at a time (each up to 25 MB); none was sealed before 0005.
    for row_id, case_id in _ids("attachment"):
        value = _one("attachment", "content", row_id)
        _write("attachment", "content", row_id, cipher().seal_bytes(
            "attachment", "content", row_id, case_id, bytes(value or b"")))
    for table_name, (name, condition) in _CHECKS.items():
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.create_check_constraint(op.f(f"ck_{table_name}_{name}"), condition)


def downgrade() -> None:
    for table_name, (name, _condition) in _CHECKS.items():
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table_name}_{name}"), type_="check")
    cipher = _cipher()
    for table_name, column in _TEXTS.items():
        for row_id, case_id, value in _rows(table_name, column):
            plain = cipher().open(table_name, column, row_id, case_id, value)
            _write(table_name, column, row_id, cipher().seal_v1(table_name, column, row_id,
                                                                plain))
    for row_id, case_id in _ids("attachment"):
        value = _one("attachment", "content", row_id)
        _write("attachment", "content", row_id,
               cipher().open_bytes("attachment", "content", row_id, case_id, value))


def _cipher():  # type: ignore[no-untyped-def]
    """The cipher, asked for only when there are rows to change."""
    from models.domain.sealed import FieldCipher

    made: list[FieldCipher] = []

    def get() -> FieldCipher:
        if not made:
            cipher = context.config.attributes.get("field_cipher")
            if cipher is None:
                raise RuntimeError("sealing existing texts needs the content keys")
            made.append(cipher)
        return made[0]

    return get


def _table(name: str, column: str) -> sa.TableClause:
    kind = sa.LargeBinary if column == "content" else sa.Text
    return sa.table(name, sa.column("id", sa.Integer), sa.column("case_id", sa.Integer),
                    sa.column(column, kind))


def _rows(name: str, column: str) -> list[tuple[int, int, object]]:
    table = _table(name, column)
    return [tuple(row) for row in op.get_bind().execute(  # type: ignore[misc]
        sa.select(table.c.id, table.c.case_id, table.c[column]))]


def _ids(name: str) -> list[tuple[int, int]]:
    table = sa.table(name, sa.column("id", sa.Integer), sa.column("case_id", sa.Integer))
    return [(row[0], row[1]) for row in op.get_bind().execute(
        sa.select(table.c.id, table.c.case_id).order_by(table.c.id))]


def _one(name: str, column: str, row_id: int) -> bytes | None:
    table = _table(name, column)
    return op.get_bind().scalar(sa.select(table.c[column]).where(table.c.id == row_id))


def _write(name: str, column: str, row_id: int, value: object) -> None:
    table = _table(name, column)
    op.get_bind().execute(sa.update(table).where(table.c.id == row_id).values({column: value}))
