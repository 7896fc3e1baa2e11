"""everyone's follow-up list reads each sort off an index

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 08:45:00

Everyone's follow-up list sorted by case or by victim scans the case reference index or
the victim name index in order and probes each case's open follow-ups due by today in
(case_id, done, due_on, id) (the id for PostgreSQL's index-only scans; SQLite's indexes
end in it anyway), which also serves all the index on case_id alone did, so it replaces
it. Sorted by text, the list reads the open follow-ups' lowercased text in order from a
partial index (its condition ``done IS NOT true`` as the list writes it).
Nothing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_follow_up_case_id_done_due_on', 'follow_up',
                    ['case_id', 'done', 'due_on', 'id'])
    op.drop_index('ix_follow_up_case_id', table_name='follow_up')
    op.create_index('ix_follow_up_open_text', 'follow_up',
                    [sa.text('lower(description)'), 'id', 'due_on'],
                    sqlite_where=sa.text('done IS NOT 1'),
                    postgresql_where=sa.text('done IS NOT true'))


def downgrade() -> None:
    op.drop_index('ix_follow_up_open_text', table_name='follow_up')
    op.create_index('ix_follow_up_case_id', 'follow_up', ['case_id'])
    op.drop_index('ix_follow_up_case_id_done_due_on', table_name='follow_up')
