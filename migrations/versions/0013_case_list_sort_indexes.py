"""case list sort indexes

Every sort the case list offers reads an index in its order, so a page of rows is a
keyset range read, not a sort of every case: (opened_on, id), (status, id),
(risk_level, id) and (assigned_to_id, id) on case_file; on victim (search_full_name, id)
(which also serves the name search's prefix ranges, so it replaces the index on
search_full_name alone) and the visible part of the identity code with the id.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 07:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: models.domain.entities.CODE_SHOWN_SQL as it was at this revision.
CODE_SHOWN_SQL = "coalesce(substr(identity_code, 1, 7), '')"


def upgrade() -> None:
    op.create_index('ix_case_file_opened_on_id', 'case_file', ['opened_on', 'id'])
    op.create_index('ix_case_file_status_id', 'case_file', ['status', 'id'])
    op.create_index('ix_case_file_risk_level_id', 'case_file', ['risk_level', 'id'])
    op.create_index('ix_case_file_assigned_to_id_id', 'case_file', ['assigned_to_id', 'id'])
    op.create_index('ix_victim_search_full_name_id', 'victim', ['search_full_name', 'id'])
    op.drop_index('ix_victim_search_full_name', table_name='victim')
    op.create_index('ix_victim_code_shown_id', 'victim', [sa.text(CODE_SHOWN_SQL), 'id'])


def downgrade() -> None:
    op.drop_index('ix_victim_code_shown_id', table_name='victim')
    op.create_index('ix_victim_search_full_name', 'victim', ['search_full_name'])
    op.drop_index('ix_victim_search_full_name_id', table_name='victim')
    op.drop_index('ix_case_file_assigned_to_id_id', table_name='case_file')
    op.drop_index('ix_case_file_risk_level_id', table_name='case_file')
    op.drop_index('ix_case_file_status_id', table_name='case_file')
    op.drop_index('ix_case_file_opened_on_id', table_name='case_file')
