"""Alembic: the head matches the models, and an older database is upgraded after a backup."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from models import services
from models.domain.dto import (
    CaseDraft,
    ExtortionContactDraft,
    FollowUpDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.entities import Base
from models.domain.enums import Channel
from models.domain.errors import DataError
from models.storage import migration
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import PASSWORD


@pytest.mark.both_databases
# SQLite's reflection skips expression indexes (the case list's identity code sort's;
# tests/test_case_list_window.py checks it is there).
@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migration_head_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert migration.current_revision(database.engine) == migration.head_revision()


@pytest.mark.both_databases
def test_catalogue_is_in_the_database(database: Database) -> None:
    from sqlalchemy import select

    from models.domain.entities import ProtectiveActionType
    from models.domain.enums import PROTECTIVE_ACTION_CATALOGUE

    with database.reading() as db_session:
        codes = list(db_session.scalars(
            select(ProtectiveActionType.code).order_by(ProtectiveActionType.sort_order)))
    assert codes == [kind.code for kind in PROTECTIVE_ACTION_CATALOGUE]


NEXT_REVISION = '''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("breach") as batch:
        batch.add_column(sa.Column("test_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("breach") as batch:
        batch.drop_column("test_note")
'''


def test_older_database_is_upgraded_after_a_backup(
    opened: tuple[Database, Actor, str], db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened[0].dispose()
    newer_code = tmp_path / "migrations"
    shutil.copytree(migration.MIGRATIONS_DIR, newer_code,
                    ignore=shutil.ignore_patterns("__pycache__", "dev.db"))
    old_head = migration.head_revision()
    (newer_code / "versions" / "9999_test.py").write_text(NEXT_REVISION.format(head=old_head))
    monkeypatch.setattr(migration, "MIGRATIONS_DIR", newer_code)
    assert migration.head_revision() == "9999"

    database, _actor = open_database(db_path, "super", PASSWORD)
    try:
        assert migration.current_revision(database.engine) == "9999"
        columns = {c["name"] for c in inspect(database.engine).get_columns("breach")}
        assert "test_note" in columns
    finally:
        database.dispose()

    backups = list((db_path.parent / "backups").glob("suoja-before-upgrade-*.db"))
    assert len(backups) == 1
    # The backup is the old schema, encrypted, with its own key file beside it.
    monkeypatch.setattr(migration, "needs_upgrade", lambda engine: False)
    old, _ = open_database(backups[0], "super", PASSWORD)
    try:
        assert migration.current_revision(old.engine) == old_head
    finally:
        old.dispose()
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")


@pytest.mark.both_databases
def test_0004_and_0005_seal_what_is_stored_and_unseal_it_on_the_way_down(
    database: Database, supervisor: Actor
) -> None:
    svc = services.build(database, supervisor)
    case = svc.cases.create_intake(VictimDraft(first_names="Vanha", last_name="Kanta"),
                                   CaseDraft())
    when = dt.datetime(2020, 10, 24, 8, 15, tzinfo=dt.UTC)
    svc.records.add_extortion_contact(case.id, ExtortionContactDraft(
        received_at=when, channel=Channel.EMAIL, message_text="Old message, verbatim."))
    svc.records.add_support_session(case.id, SupportSessionDraft(
        started_at=when, notes="Old notes."))
    svc.records.add_attachment(case.id, "evidence.eml", b"From: ransom@example.invalid")

    def stored() -> tuple[str, str]:
        with database.engine.connect() as connection:
            return (connection.scalar(text("SELECT message_text FROM extortion_contact")),
                    connection.scalar(text("SELECT notes FROM support_session")))

    def stored_file() -> bytes:
        with database.engine.connect() as connection:
            return bytes(connection.scalar(text("SELECT content FROM attachment")))

    # Sealed in a unit of work: under the case's victim key (version 3, migration 0012).
    assert all(value.startswith("v3:") for value in stored())
    if database.on_server:
        # Its key slots live in 0004's table: going below it is refused, nothing changes.
        with pytest.raises(RuntimeError, match="cannot go below revision 0004"):
            migration.downgrade(database.engine, "0003", field_cipher=database.field_cipher)
        assert migration.current_revision(database.engine) == migration.head_revision()
        assert svc.cases.get_detail(case.id).extortion_contacts[0].message_text == (
            "Old message, verbatim.")
        return
    assert stored_file().startswith(b"SJ3")
    migration.downgrade(database.engine, "0011", field_cipher=database.field_cipher)
    assert all(value.startswith("v2:") for value in stored())  # as 0011 kept them
    assert stored_file().startswith(b"SJ2")
    migration.downgrade(database.engine, "0004", field_cipher=database.field_cipher)
    assert all(value.startswith("v1:") for value in stored())  # as 0004 kept them
    assert stored_file() == b"From: ransom@example.invalid"
    migration.downgrade(database.engine, "0003", field_cipher=database.field_cipher)
    assert stored() == ("Old message, verbatim.", "Old notes.")  # as 0003 kept them
    migration.upgrade(database.engine, field_cipher=database.field_cipher)
    assert all(value.startswith("v2:") for value in stored())
    assert stored_file().startswith(b"SJ2")
    attachment = svc.cases.get_detail(case.id).attachments[0]
    assert svc.records.attachment_content(attachment.id) == b"From: ransom@example.invalid"
    detail = svc.cases.get_detail(case.id)
    assert detail.extortion_contacts[0].message_text == "Old message, verbatim."
    assert [s.notes for s in detail.support_sessions or ()] == ["Old notes."]
    with pytest.raises(RuntimeError, match="needs the content keys"):
        migration.downgrade(database.engine, "0003", field_cipher=None)


@pytest.mark.both_databases
def test_a_database_from_a_newer_version_is_refused_in_plain_words(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    database = opened[0]
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.dispose()
    with pytest.raises(DataError, match="which a newer version of Suoja made"):
        open_database(target, "super", PASSWORD)


@pytest.mark.both_databases
def test_0006_turns_each_sessions_planned_date_into_one_of_the_cases_follow_ups(
    database: Database, supervisor: Actor
) -> None:
    svc = services.build(database, supervisor)
    case = svc.cases.create_intake(VictimDraft(first_names="Vanha", last_name="Kanta"),
                                   CaseDraft())
    when = dt.datetime(2020, 10, 24, 8, 15, tzinfo=dt.UTC)
    for _ in range(3):
        svc.records.add_support_session(case.id, SupportSessionDraft(started_at=when))
    svc.records.add_follow_up(case.id, FollowUpDraft(
        due_on=dt.date(2020, 11, 2), description="Call about the police report"))
    # As 0005 kept it: a date on the session that no follow-up list showed.
    migration.downgrade(database.engine, "0005", field_cipher=database.field_cipher)
    with database.engine.begin() as connection:
        ids = connection.scalars(text("SELECT id FROM support_session ORDER BY id")).all()
        for session_id, due in zip(ids, ("2020-11-02", "2020-11-09", None), strict=True):
            connection.execute(text("UPDATE support_session SET next_follow_up_on = :due "
                                    "WHERE id = :id"), {"due": due, "id": session_id})

    migration.upgrade(database.engine, field_cipher=database.field_cipher)

    detail = svc.cases.get_detail(case.id)
    follow_ups = {f.due_on: f for f in detail.follow_ups or ()}
    # The existing follow-up that day was linked, not doubled; the other date became one.
    assert sorted(follow_ups) == [dt.date(2020, 11, 2), dt.date(2020, 11, 9)]
    assert follow_ups[dt.date(2020, 11, 2)].description == "Call about the police report"
    made = follow_ups[dt.date(2020, 11, 9)]
    assert made.assignee_id == supervisor.user_id and not made.done
    sessions = detail.support_sessions or ()
    assert [s.next_follow_up_on for s in sessions] == [
        dt.date(2020, 11, 2), dt.date(2020, 11, 9), None]
    assert [s.follow_up_id for s in sessions] == [
        follow_ups[dt.date(2020, 11, 2)].id, made.id, None]


@pytest.mark.both_databases
def test_0011_adds_the_correction_history_and_takes_it_away_on_the_way_down(
    database: Database, supervisor: Actor
) -> None:
    import importlib.util

    from models.domain.entities import CorrectedField
    from models.domain.validation import generate_temporary_identity_code

    # The migration's allowed fields are the model's (a check constraint is not compared).
    spec = importlib.util.spec_from_file_location(
        "m0011", migration.MIGRATIONS_DIR / "versions" / "0011_victim_correction_history.py")
    assert spec is not None and spec.loader is not None
    m0011 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0011)
    assert m0011._FIELDS == tuple(f.value for f in CorrectedField)

    svc = services.build(database, supervisor)
    old = generate_temporary_identity_code(dt.date(1960, 2, 3), 944)
    case = svc.cases.create_intake(
        VictimDraft(first_names="Vanha", last_name="Kanta", identity_code=old, city="Oulu"),
        CaseDraft())
    victim = svc.cases.get_detail(case.id).victim
    svc.cases.update_victim(victim.id, victim.version, VictimDraft(
        first_names="Vanha", last_name="Kanta", birth_date=victim.birth_date, city="Kemi"))

    def tables() -> tuple[set[str], set[str]]:
        inspector = inspect(database.engine)
        return (set(inspector.get_table_names()),
                {c["name"] for c in inspector.get_columns("identity_code_record")})

    migration.downgrade(database.engine, "0010", field_cipher=database.field_cipher)
    names, columns = tables()
    assert "victim_correction" not in names and "changed_by_id" not in columns
    with database.engine.connect() as connection:  # the codes' history is as it was
        assert connection.scalar(text("SELECT identity_code FROM identity_code_record")) == old

    migration.upgrade(database.engine, field_cipher=database.field_cipher)
    names, columns = tables()
    assert "victim_correction" in names and "changed_by_id" in columns
    assert migration.current_revision(database.engine) == migration.head_revision()
    # What was recorded before the revision is not made up; new edits are recorded again.
    assert svc.cases.correction_history(case.id).entries == ()
    victim = svc.cases.get_detail(case.id).victim
    svc.cases.update_victim(victim.id, victim.version, VictimDraft(
        first_names="Vanha", last_name="Kanta", birth_date=victim.birth_date, city="Oulu"))
    new = generate_temporary_identity_code(dt.date(1960, 2, 3), 945)
    svc.cases.change_identity_code(victim.id, new)
    entries = svc.cases.correction_history(case.id).entries
    assert [(e.field, e.previous, e.new) for e in entries][-1] == ("city", "Kemi", "Oulu")
    assert entries[0].field == "identity_code" and entries[0].changed_by is not None


@pytest.mark.both_databases
def test_0019_gives_every_case_an_empty_intake_note_and_takes_it_away_on_the_way_down(
    database: Database, supervisor: Actor
) -> None:
    svc = services.build(database, supervisor)
    case = svc.cases.create_intake(
        VictimDraft(first_names="Vanha", last_name="Asia"),
        CaseDraft(risk_reason="Second demand", intake_note="Came via the helpline"))

    def columns() -> set[str]:
        return {c["name"] for c in inspect(database.engine).get_columns("case_file")}

    migration.downgrade(database.engine, "0018", field_cipher=database.field_cipher)
    assert "intake_note" not in columns()
    with database.engine.connect() as connection:  # the rest of the case is as it was
        assert connection.scalar(text("SELECT risk_reason FROM case_file")) == "Second demand"

    migration.upgrade(database.engine, field_cipher=database.field_cipher)
    assert "intake_note" in columns()
    assert migration.current_revision(database.engine) == migration.head_revision()
    # A case from before the revision has no note (not made up); a new edit keeps one.
    detail = svc.cases.get_detail(case.id).case
    assert (detail.intake_note, detail.risk_reason) == ("", "Second demand")
    svc.cases.update_case(case.id, detail.version, CaseDraft(
        risk_reason="Second demand", intake_note="Ei vastaajaa; soita iltaisin",
        opened_on=detail.opened_on))
    assert svc.cases.get_detail(case.id).case.intake_note == "Ei vastaajaa; soita iltaisin"
