"""a support session's next follow-up is one of the case's follow-ups

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 20:30:00

Before 0006 a session kept its own ``next_follow_up_on`` date, which no follow-up list
showed: planning a follow-up at a session planned nothing. Now the session points at a
row of ``follow_up`` (``follow_up_id``). Each stored date becomes that link: to an open
follow-up of the same case due that day if there is one, else to a new follow-up
assigned to the session's counsellor (or the case's), so no planned call is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The description given to follow-ups made from a session's date (stored text).
_TASK = "Follow-up call after the support session"

_session = sa.table(
    "support_session", sa.column("id", sa.Integer), sa.column("case_id", sa.Integer),
    sa.column("counsellor_id", sa.Integer), sa.column("next_follow_up_on", sa.Date),
    sa.column("follow_up_id", sa.Integer),
)
_follow_up = sa.table(
    "follow_up", sa.column("id", sa.Integer), sa.column("case_id", sa.Integer),
    sa.column("due_on", sa.Date), sa.column("assignee_id", sa.Integer),
    sa.column("description", sa.String), sa.column("done", sa.Boolean),
    sa.column("done_at", sa.DateTime(timezone=True)), sa.column("version", sa.Integer),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
_case = sa.table("case_file", sa.column("id", sa.Integer),
                 sa.column("assigned_to_id", sa.Integer))


def upgrade() -> None:
    with op.batch_alter_table('support_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follow_up_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_support_session_follow_up_id'), ['follow_up_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_support_session_follow_up_id_follow_up'),
                                    'follow_up', ['follow_up_id'], ['id'], ondelete='SET NULL')
    _link_planned_dates()
    with op.batch_alter_table('support_session', schema=None) as batch_op:
        batch_op.drop_column('next_follow_up_on')


def downgrade() -> None:
    with op.batch_alter_table('support_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_follow_up_on', sa.Date(), nullable=True))
    connection = op.get_bind()
    due = (sa.select(_follow_up.c.due_on)
           .where(_follow_up.c.id == _session.c.follow_up_id).scalar_subquery())
    connection.execute(sa.update(_session).where(_session.c.follow_up_id.is_not(None))
                       .values(next_follow_up_on=due))
    with op.batch_alter_table('support_session', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_support_session_follow_up_id_follow_up'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_support_session_follow_up_id'))
        batch_op.drop_column('follow_up_id')


def _link_planned_dates() -> None:
    connection = op.get_bind()
    planned = connection.execute(
        sa.select(_session.c.id, _session.c.case_id, _session.c.counsellor_id,
                  _session.c.next_follow_up_on, _case.c.assigned_to_id)
        .join(_case, _case.c.id == _session.c.case_id)
        .where(_session.c.next_follow_up_on.is_not(None))
        .order_by(_session.c.id)
    ).all()
    now = dt.datetime.now(dt.UTC)
    if connection.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # stored as UTC text, like models.domain.base.UTCDateTime
    for session_id, case_id, counsellor_id, due_on, case_counsellor_id in planned:
        existing = connection.execute(
            sa.select(_follow_up.c.id)
            .where(_follow_up.c.case_id == case_id, _follow_up.c.due_on == due_on,
                   _follow_up.c.done.is_(False))
            .order_by(_follow_up.c.id).limit(1)
        ).scalar()
        if existing is None:
            existing = connection.execute(
                sa.insert(_follow_up).values(
                    case_id=case_id, due_on=due_on,
                    assignee_id=counsellor_id or case_counsellor_id, description=_TASK,
                    done=False, done_at=None, version=1, created_at=now, updated_at=now,
                ).returning(_follow_up.c.id)
            ).scalar_one()
        connection.execute(sa.update(_session).where(_session.c.id == session_id)
                           .values(follow_up_id=existing))
