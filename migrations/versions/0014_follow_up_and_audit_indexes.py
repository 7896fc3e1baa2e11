"""the audit log's filters are read newest first by index

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 00:00:00

The audit log viewer lists every event a filter matches, a screen at a time, newest
first by sequence number (keyset pagination on ``seq``). An index on (user, seq),
(case, seq) and (action, seq) gives a filtered list's pages, and the rows before a jump,
straight from the index, however many events the log holds; (occurred_at, seq) counts a
period's events and finds its pages without reading the events. Nothing is rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = (
    ('ix_audit_event_user_id_seq', ['user_id', 'seq']),
    ('ix_audit_event_case_id_seq', ['case_id', 'seq']),
    ('ix_audit_event_action_seq', ['action', 'seq']),
    ('ix_audit_event_occurred_at_seq', ['occurred_at', 'seq']),
)


def upgrade() -> None:
    # Plain CREATE INDEX (no batch copy of the table: its rows stay as they are).
    for name, columns in _INDEXES:
        op.create_index(name, 'audit_event', columns, unique=False)


def downgrade() -> None:
    for name, _columns in _INDEXES:
        op.drop_index(name, table_name='audit_event')
