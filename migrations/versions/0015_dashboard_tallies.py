"""dashboard tallies kept by triggers; covering indexes for overdue and recent contact

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 07:40:00

On SQLite the dashboard's counts that do not depend on the day (open cases per holder and
risk level, protective actions done and counted, victims with an extortion contact and of
them with a police report) are kept in ``dashboard_tally`` by triggers, in the same
transaction as every insert, update and delete of the rows they count — whoever writes,
the application, a restore's ledger, a cascade. The dashboard then reads a few rows
(``models.services.figures.dashboard``); the day-dependent figures (overdue, uncontacted,
the weeks) stay range counts on covering indexes. SQLite runs row triggers right after each
row, so "another contact of this case" (asked with the row itself excluded, ``id <>``) sees
the rows before it and the counts step correctly through a multi-row statement; two
transactions never both see "no contact yet" for one case, SQLite's writers queue.

On PostgreSQL the table stays empty and the dashboard counts those figures from the rows:
under MVCC every update of a tally row within one transaction adds a row version the next
update must walk past, so a long unit of work (the demo seed writes every victim in one)
would slow quadratically. Keeping them there needs per-statement deltas (transition
tables) with multi-row inserts, which is left to do.

A later migration that rebuilds one of these tables on SQLite (``batch_alter_table`` with
a move and copy) drops its triggers: create them again there (``create_triggers``) and
recount (``recount``). tests/test_dashboard_figures.py checks they are all in place at head.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "('new', 'open', 'waiting')"
FIXED_KINDS = ("action_done", "action_counted", "with_contact", "with_report")

_UPSERT_OPEN = (
    "INSERT INTO dashboard_tally (kind, holder_id, risk_level, n) "
    "VALUES ('open_case', COALESCE(NEW.assigned_to_id, 0), NEW.risk_level, 1) "
    "ON CONFLICT (kind, holder_id, risk_level) DO UPDATE SET n = dashboard_tally.n + 1")
_DROP_OPEN = (
    "UPDATE dashboard_tally SET n = n - 1 WHERE kind = 'open_case' "
    "AND holder_id = COALESCE(OLD.assigned_to_id, 0) AND risk_level = OLD.risk_level")


def _step(kind: str, delta: str) -> str:
    return f"UPDATE dashboard_tally SET n = n + ({delta}) WHERE kind = '{kind}'"


def _others(table: str, row: str, case: str) -> str:
    """Another row of ``table`` for the case ``case``, ``row`` itself left out."""
    return f"EXISTS (SELECT 1 FROM {table} WHERE case_id = {case} AND id <> {row}.id)"


def _has(table: str, case: str) -> str:
    return f"EXISTS (SELECT 1 FROM {table} WHERE case_id = {case})"


# -- SQLite ---------------------------------------------------------------------------------

SQLITE_TRIGGERS = {
    "tally_case_insert": f"""
        AFTER INSERT ON case_file WHEN NEW.status IN {OPEN}
        BEGIN {_UPSERT_OPEN}; END""",
    "tally_case_delete": f"""
        AFTER DELETE ON case_file WHEN OLD.status IN {OPEN}
        BEGIN {_DROP_OPEN}; END""",
    "tally_case_update_old": f"""
        AFTER UPDATE OF status, risk_level, assigned_to_id ON case_file
        WHEN OLD.status IN {OPEN}
        BEGIN {_DROP_OPEN}; END""",
    "tally_case_update_new": f"""
        AFTER UPDATE OF status, risk_level, assigned_to_id ON case_file
        WHEN NEW.status IN {OPEN}
        BEGIN {_UPSERT_OPEN}; END""",
    "tally_action_insert": f"""
        AFTER INSERT ON protective_action
        BEGIN
            {_step('action_done', "NEW.state = 'done'")};
            {_step('action_counted', "NEW.state <> 'not_applicable'")};
        END""",
    "tally_action_delete": f"""
        AFTER DELETE ON protective_action
        BEGIN
            {_step('action_done', "-(OLD.state = 'done')")};
            {_step('action_counted', "-(OLD.state <> 'not_applicable')")};
        END""",
    "tally_action_update": f"""
        AFTER UPDATE OF state ON protective_action
        BEGIN
            {_step('action_done', "(NEW.state = 'done') - (OLD.state = 'done')")};
            {_step('action_counted',
                   "(NEW.state <> 'not_applicable') - (OLD.state <> 'not_applicable')")};
        END""",
    "tally_contact_insert": f"""
        AFTER INSERT ON extortion_contact
        WHEN NOT {_others('extortion_contact', 'NEW', 'NEW.case_id')}
        BEGIN
            {_step('with_contact', '1')};
            {_step('with_report', _has('police_report', 'NEW.case_id'))};
        END""",
    "tally_contact_delete": f"""
        AFTER DELETE ON extortion_contact
        WHEN NOT {_others('extortion_contact', 'OLD', 'OLD.case_id')}
        BEGIN
            {_step('with_contact', '-1')};
            {_step('with_report', '-' + _has('police_report', 'OLD.case_id'))};
        END""",
    "tally_contact_move": f"""
        AFTER UPDATE OF case_id ON extortion_contact WHEN OLD.case_id <> NEW.case_id
        BEGIN
            {_step('with_report', f"-(NOT {_others('extortion_contact', 'OLD', 'OLD.case_id')}"
                                  f" AND {_has('police_report', 'OLD.case_id')})")};
            {_step('with_contact', f"-(NOT {_others('extortion_contact', 'OLD', 'OLD.case_id')})")};
            {_step('with_report', f"NOT {_others('extortion_contact', 'NEW', 'NEW.case_id')}"
                                  f" AND {_has('police_report', 'NEW.case_id')}")};
            {_step('with_contact', f"NOT {_others('extortion_contact', 'NEW', 'NEW.case_id')}")};
        END""",
    "tally_report_insert": f"""
        AFTER INSERT ON police_report
        WHEN NOT {_others('police_report', 'NEW', 'NEW.case_id')}
            AND {_has('extortion_contact', 'NEW.case_id')}
        BEGIN {_step('with_report', '1')}; END""",
    "tally_report_delete": f"""
        AFTER DELETE ON police_report
        WHEN NOT {_others('police_report', 'OLD', 'OLD.case_id')}
            AND {_has('extortion_contact', 'OLD.case_id')}
        BEGIN {_step('with_report', '-1')}; END""",
    "tally_report_move": f"""
        AFTER UPDATE OF case_id ON police_report WHEN OLD.case_id <> NEW.case_id
        BEGIN
            {_step('with_report', f"-(NOT {_others('police_report', 'OLD', 'OLD.case_id')}"
                                  f" AND {_has('extortion_contact', 'OLD.case_id')})")};
            {_step('with_report', f"NOT {_others('police_report', 'NEW', 'NEW.case_id')}"
                                  f" AND {_has('extortion_contact', 'NEW.case_id')}")};
        END""",
}

def create_triggers(connection: sa.Connection) -> None:
    """The triggers that keep ``dashboard_tally`` on SQLite (again, after a table was
    rebuilt). Nothing on PostgreSQL (see above)."""
    if connection.dialect.name != "sqlite":
        return
    for name, body in SQLITE_TRIGGERS.items():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def drop_triggers(connection: sa.Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    for name in SQLITE_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def recount(connection: sa.Connection) -> None:
    """Every tally counted afresh from the rows (as ``models.services.figures`` defines)."""
    connection.exec_driver_sql("DELETE FROM dashboard_tally")
    connection.exec_driver_sql(
        "INSERT INTO dashboard_tally (kind, holder_id, risk_level, n) "
        "SELECT 'open_case', COALESCE(assigned_to_id, 0), risk_level, count(*) "
        f"FROM case_file WHERE status IN {OPEN} "
        "GROUP BY COALESCE(assigned_to_id, 0), risk_level")
    counts = {
        "action_done": "SELECT count(*) FROM protective_action WHERE state = 'done'",
        "action_counted": "SELECT count(*) FROM protective_action "
                          "WHERE state <> 'not_applicable'",
        "with_contact": "SELECT count(*) FROM case_file c "
                        f"WHERE {_has('extortion_contact', 'c.id')}",
        "with_report": "SELECT count(*) FROM case_file c "
                       f"WHERE {_has('extortion_contact', 'c.id')} "
                       f"AND {_has('police_report', 'c.id')}",
    }
    for kind in FIXED_KINDS:
        connection.exec_driver_sql(
            "INSERT INTO dashboard_tally (kind, holder_id, risk_level, n) "
            f"SELECT '{kind}', 0, '', ({counts[kind]})")


def upgrade() -> None:
    op.create_table(
        'dashboard_tally',
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('holder_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('risk_level', sa.String(length=10), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('kind', 'holder_id', 'risk_level',
                                name=op.f('pk_dashboard_tally')),
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_done_due_on')
        batch_op.create_index('ix_follow_up_done_due_on_case_id',
                              ['done', 'due_on', 'case_id'], unique=False)
    with op.batch_alter_table('support_session', schema=None) as batch_op:
        batch_op.drop_index('ix_support_session_started_at')
        batch_op.create_index('ix_support_session_started_at_case_id',
                              ['started_at', 'case_id'], unique=False)
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        create_triggers(connection)
        recount(connection)


def downgrade() -> None:
    drop_triggers(op.get_bind())
    with op.batch_alter_table('support_session', schema=None) as batch_op:
        batch_op.drop_index('ix_support_session_started_at_case_id')
        batch_op.create_index('ix_support_session_started_at', ['started_at'], unique=False)
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_done_due_on_case_id')
        batch_op.create_index('ix_follow_up_done_due_on', ['done', 'due_on'], unique=False)
    op.drop_table('dashboard_tally')
