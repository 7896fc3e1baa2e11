"""a police report number prefix gives its cases from the index alone

The search looks for police report numbers by prefix (``5500/R/...``, one police
department's reports, is a broad one). The index on report_number alone gave the
reports' row ids, and each report's case was read from its row: 50 ms for the 32,000
reports of one department among 200,000 cases. An index on (report_number, case_id)
gives the case ids from the index (6 ms) and serves every lookup the old one did, so it
replaces it. Nothing is rewritten.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 08:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_police_report_report_number_case_id', 'police_report',
                    ['report_number', 'case_id'], unique=False)
    op.drop_index('ix_police_report_report_number', table_name='police_report')


def downgrade() -> None:
    op.create_index('ix_police_report_report_number', 'police_report', ['report_number'],
                    unique=False)
    op.drop_index('ix_police_report_report_number_case_id', table_name='police_report')
