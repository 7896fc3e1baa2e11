"""dashboard tallies on PostgreSQL: statement triggers append deltas, the dashboard sums them

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 08:35:00

On PostgreSQL the counts migration 0015 keeps on SQLite in ``dashboard_tally`` (open cases
per holder and risk level, protective actions done and counted, victims with an extortion
contact and of them with a police report) are kept too, differently:

* Statement-level triggers with transition tables (``REFERENCING NEW TABLE / OLD TABLE``)
  see every row a statement inserted, updated or deleted — one row or a multi-row
  ``INSERT``, ``COPY``, a cascade — and append what the statement changed, summed per
  tally key, as rows of ``dashboard_delta``. They never update a row: a unit of work
  that writes row by row adds one small row per statement, instead of a new version of
  one hot tally row per statement that every later update in the same transaction must
  walk past (which made 0015's row triggers quadratic there), and concurrent writers
  never wait on a tally row.
* The dashboard reads ``dashboard_tally`` plus the sum of ``dashboard_delta`` in one
  statement (one snapshot); once there are many deltas it folds them into
  ``dashboard_tally`` in a short transaction of its own (``fold``): delete the deltas and
  add them to the tallies, atomically, so any snapshot sees the same sum before and after.
* "Cases with an extortion contact" and "of them with a police report" are not sums of
  rows. ``dashboard_case_flag`` records, per case, whether it has a contact and a report
  as last counted; a statement on either table compares the cases it touched with their
  record (not with "now without this statement's rows": the triggers of a case's
  cascaded deletes of contacts and reports fire after both are gone) and updates it —
  a case's record changes a few times in its life, so a long transaction does not build
  a version chain there either. Whether a contact is a case's first depends on rows
  other transactions may be adding, so these triggers take the writers' lock (the
  advisory lock the application's writers take first, ``models.storage.server.
  WRITER_LOCK``; taking it again is free) and then look with a fresh READ COMMITTED
  snapshot: every other transaction that changed these tables has committed or waits.
  REPEATABLE READ writers are refused there (their snapshot may predate the lock);
  SERIALIZABLE ones are safe by their own checks.

On SQLite both tables stay empty (0015's row triggers keep the tallies there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "('new', 'open', 'waiting')"
#: models.storage.server.WRITER_LOCK (0x53554F4A), the application's writers' lock.
WRITER_LOCK = 1398099786

_INSERT_DELTA = "INSERT INTO dashboard_delta (kind, holder_id, risk_level, n) "


def _rows(new: bool, old: bool, columns: str, condition: str) -> str:
    """``columns`` with +1 of each new row and -1 of each old one meeting ``condition``."""
    parts = []
    if new:
        parts.append(f"SELECT {columns}, 1 AS d FROM new_rows WHERE {condition}")
    if old:
        parts.append(f"SELECT {columns}, -1 AS d FROM old_rows WHERE {condition}")
    return " UNION ALL ".join(parts)


def _case_delta(new: bool, old: bool) -> str:
    rows = _rows(new, old, "COALESCE(assigned_to_id, 0) AS h, risk_level AS r",
                 f"status IN {OPEN}")
    return (_INSERT_DELTA + f"SELECT 'open_case', h, r, sum(d) FROM ({rows}) AS x "
            "GROUP BY h, r HAVING sum(d) <> 0")


def _action_delta(new: bool, old: bool) -> str:
    done = _rows(new, old, "'action_done' AS k", "state = 'done'")
    counted = _rows(new, old, "'action_counted' AS k", "state <> 'not_applicable'")
    return (_INSERT_DELTA + f"SELECT k, 0, '', sum(d) FROM ({done} UNION ALL {counted}) AS x "
            "GROUP BY k HAVING sum(d) <> 0")


def _presence_delta(new: bool, old: bool) -> str:
    """The change in "cases with a contact" and "… and a report" of the cases a statement
    on ``extortion_contact`` or ``police_report`` touched: what each has now against what
    ``dashboard_case_flag`` recorded, which is then brought up to date. Comparing with the
    record rather than with "now without this statement's rows" keeps it right whatever
    order the triggers of a case's cascaded deletes (contacts and reports) fire in."""
    touched = "SELECT DISTINCT case_id FROM (" + " UNION ALL ".join(
        (["SELECT case_id FROM new_rows"] if new else [])
        + (["SELECT case_id FROM old_rows"] if old else [])) + ") AS c"
    return (
        f"WITH t AS ({touched}), "
        "now AS (SELECT t.case_id, "
        "EXISTS (SELECT 1 FROM extortion_contact x WHERE x.case_id = t.case_id) AS c, "
        "EXISTS (SELECT 1 FROM police_report y WHERE y.case_id = t.case_id) AS r FROM t), "
        "was AS (SELECT now.case_id, now.c, now.r, COALESCE(f.contact, false) AS fc, "
        "COALESCE(f.report, false) AS fr "
        "FROM now LEFT JOIN dashboard_case_flag f ON f.case_id = now.case_id), "
        "gone AS (DELETE FROM dashboard_case_flag f USING was "
        "WHERE f.case_id = was.case_id AND NOT (was.c OR was.r)), "
        "kept AS (INSERT INTO dashboard_case_flag (case_id, contact, report) "
        "SELECT case_id, c, r FROM was WHERE (c OR r) AND (c <> fc OR r <> fr) "
        "ON CONFLICT (case_id) DO UPDATE "
        "SET contact = excluded.contact, report = excluded.report) "
        + _INSERT_DELTA + "SELECT k, 0, '', n FROM ("
        "SELECT 'with_contact' AS k, sum(c::int - fc::int) AS n FROM was UNION ALL "
        "SELECT 'with_report', sum((c AND r)::int - (fc AND fr)::int) FROM was) AS s "
        "WHERE n <> 0")


_LOCKED = f"""
    IF current_setting('transaction_isolation') = 'repeatable read' THEN
        RAISE EXCEPTION 'extortion contacts and police reports are written in READ COMMITTED'
            USING HINT = 'the dashboard tallies (migration 0018) need a fresh snapshot';
    END IF;
    PERFORM pg_advisory_xact_lock({WRITER_LOCK});"""


def _function(name: str, delta: Callable[[bool, bool], str], prelude: str = "") -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN{prelude}
    IF TG_OP = 'INSERT' THEN
        {delta(True, False)};
    ELSIF TG_OP = 'DELETE' THEN
        {delta(False, True)};
    ELSE
        {delta(True, True)};
    END IF;
    RETURN NULL;
END
$body$"""


#: (function, its SQL) — one per counted table.
FUNCTIONS = {
    "dashboard_case_delta": _function("dashboard_case_delta", _case_delta),
    "dashboard_action_delta": _function("dashboard_action_delta", _action_delta),
    "dashboard_presence_delta": _function("dashboard_presence_delta", _presence_delta,
                                          _LOCKED),
}

_TABLES = {
    "case_file": "dashboard_case_delta",
    "protective_action": "dashboard_action_delta",
    "extortion_contact": "dashboard_presence_delta",
    "police_report": "dashboard_presence_delta",
}
_EVENTS = {
    "insert": ("INSERT", "NEW TABLE AS new_rows"),
    "update": ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    "delete": ("DELETE", "OLD TABLE AS old_rows"),
}

#: trigger name: (table, its CREATE TRIGGER)
POSTGRES_TRIGGERS = {
    f"tally_{table}_{event}": (
        table, f"CREATE TRIGGER tally_{table}_{event} AFTER {verb} ON {table} "
               f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {function}()")
    for table, function in _TABLES.items() for event, (verb, tables) in _EVENTS.items()
}


#: Every case with a contact or a report, recorded afresh.
RECORD_FLAGS = (
    "INSERT INTO dashboard_case_flag (case_id, contact, report) "
    "SELECT id, c, r FROM (SELECT id, "
    "EXISTS (SELECT 1 FROM extortion_contact x WHERE x.case_id = case_file.id) AS c, "
    "EXISTS (SELECT 1 FROM police_report y WHERE y.case_id = case_file.id) AS r "
    "FROM case_file) AS f WHERE c OR r")


def create_triggers(connection: sa.Connection) -> None:
    """The functions and triggers that append to ``dashboard_delta`` (again, after a
    table was rebuilt). Nothing on SQLite (0015 keeps its tallies there)."""
    if connection.dialect.name != "postgresql":
        return
    for body in FUNCTIONS.values():
        connection.exec_driver_sql(body)
    for name, (table, create) in POSTGRES_TRIGGERS.items():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        connection.exec_driver_sql(create)


def drop_triggers(connection: sa.Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    for name, (table, _create) in POSTGRES_TRIGGERS.items():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for function in FUNCTIONS:
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}()")


def upgrade() -> None:
    op.create_table(
        'dashboard_delta',
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('holder_id', sa.Integer(), nullable=False),
        sa.Column('risk_level', sa.String(length=10), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
    )
    op.create_table(
        'dashboard_case_flag',
        sa.Column('case_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('contact', sa.Boolean(), nullable=False),
        sa.Column('report', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('case_id', name=op.f('pk_dashboard_case_flag')),
    )
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    # Counted under the writers' lock, so no write slips between the count and the
    # triggers.
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
    create_triggers(connection)
    _tallies_migration().recount(connection)
    connection.exec_driver_sql(RECORD_FLAGS)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        drop_triggers(connection)
        connection.exec_driver_sql("DELETE FROM dashboard_tally")
    op.drop_table('dashboard_case_flag')
    op.drop_table('dashboard_delta')


def _tallies_migration():  # type: ignore[no-untyped-def]
    """Migration 0015 (its ``recount`` is the tallies' definition in SQL)."""
    import importlib.util
    from pathlib import Path

    path = next(Path(__file__).parent.glob("0015_dashboard_*.py"))
    spec = importlib.util.spec_from_file_location("dashboard_tallies_0015", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
