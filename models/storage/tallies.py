"""The triggers that keep ``dashboard_tally`` on SQLite, and its recount from the rows.

Migration 0015 creates them (see its docstring for what they count and why only on
SQLite); the demo seed drops them for its one transaction and creates them again and
recounts at its end, in the same transaction, so no other connection ever sees them
missing (``models.demo.seed``). A later migration that rebuilds one of the counted tables
on SQLite (``batch_alter_table`` with a move and copy) drops its triggers: it calls
:func:`create_triggers` and :func:`recount`. A migration that changes what they count
keeps a copy of the triggers it replaces for its downgrade, and changes them here.
``tests/test_dashboard_figures.py`` checks they are all in place at head and that a
recount gives what they kept.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlalchemy as sa

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


@contextlib.contextmanager
def recounted_after(connection: sa.Connection) -> Iterator[None]:
    """The triggers dropped for the block and created again after it, with every tally
    recounted, on ``connection`` in its transaction (SQLite; nothing on a server). For a
    bulk write (the demo seed): one count over the rows costs far less than a trigger
    per row. Other connections never see the triggers missing (SQLite's schema changes
    are part of the transaction); a failure in the block rolls the drop back with the
    rest."""
    if connection.dialect.name != "sqlite":
        yield
        return
    drop_triggers(connection)
    yield
    create_triggers(connection)
    recount(connection)


__all__ = ["FIXED_KINDS", "OPEN", "SQLITE_TRIGGERS", "create_triggers", "drop_triggers", "recount",
           "recounted_after"]
