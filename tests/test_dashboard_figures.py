"""The dashboard's fast figures (tallies kept by triggers, range counts) against
the same figures counted from the rows, on a seeded database edited every way the tallies
follow: through the services and by plain statements (multi-row deletes, moves between
cases, a case deleted with everything on it), on SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from sqlalchemy import delete, func, select, text, update

from models import services
from models.demo.seed import seed_demo
from models.domain.dto import CaseDraft
from models.domain.entities import (
    Case,
    DashboardTally,
    ExtortionContact,
    FollowUp,
    PoliceReport,
    ProtectiveAction,
    SupportSession,
    User,
)
from models.domain.enums import ActionState, CaseStatus, ClosureReason, RiskLevel, Role
from models.services import figures
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

TODAY = dt.date(2026, 5, 13)
DAYS = (TODAY, TODAY + dt.timedelta(days=3), TODAY - dt.timedelta(days=40))


def _migration() -> object:
    import importlib.util

    from models.storage.migration import MIGRATIONS_DIR

    path = next((MIGRATIONS_DIR / "versions").glob("0015_dashboard_*.py"))
    spec = importlib.util.spec_from_file_location("dashboard_migration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same_figures(database: Database) -> figures.DashboardData:
    """Both ways agree on every reference day; returns today's figures."""
    shown = []
    with database.reading() as db_session:
        for day in DAYS:
            fast = figures.dashboard(db_session, day)
            counted = figures.dashboard_counted(db_session, day)
            assert dataclasses.asdict(fast) == dataclasses.asdict(counted), day
            shown.append(fast)
    return shown[0]


@pytest.fixture
def seeded(database: Database, supervisor: Actor) -> services.Services:
    seed_demo(database, supervisor, victims=150, seed=7, kdf=FAST_KDF, today=TODAY)
    return services.build(database, supervisor)


@pytest.mark.both_databases
def test_tallies_follow_every_kind_of_write(seeded: services.Services,
                                            database: Database) -> None:
    before = assert_same_figures(database)
    assert before.open_cases and before.victims_with_contact and before.actions_total
    assert before.victims_with_report and before.overdue_follow_ups
    rng = random.Random(5)
    with database.reading() as db_session:
        cases = list(db_session.execute(
            select(Case.id, Case.version, Case.status).order_by(Case.id)))
        counsellors = list(db_session.scalars(
            select(User.id).where(User.role == Role.COUNSELLOR.value, User.is_active)))

    # Through the services: risk, holder (and nobody), status, closing.
    for case_id, version, status in rng.sample(cases, 25):
        if status == CaseStatus.CLOSED.value:
            continue
        row = seeded.cases.update_case(case_id, version, CaseDraft(
            risk_level=rng.choice(list(RiskLevel)),
            assigned_to_id=rng.choice([None, *counsellors])))
        if rng.random() < 0.5:
            seeded.cases.set_status(row.id, row.version, CaseStatus.CLOSED,
                                    ClosureReason(rng.choice(list(ClosureReason)).value))
        else:
            seeded.cases.set_status(row.id, row.version, CaseStatus.WAITING)
    changed = assert_same_figures(database)
    assert changed != before

    with database.writing() as db_session:
        ids = [row[0] for row in cases]
        with_contacts = list(db_session.scalars(
            select(ExtortionContact.case_id).group_by(ExtortionContact.case_id)
            .having(func.count() > 1)))
        with_reports = list(db_session.scalars(select(PoliceReport.case_id).distinct()))
        # Several rows of one case in one statement (PostgreSQL's row triggers must step).
        db_session.execute(delete(ExtortionContact).where(
            ExtortionContact.case_id.in_(with_contacts[:4])))
        db_session.execute(delete(PoliceReport).where(PoliceReport.case_id.in_(
            [c for c in with_reports if c not in with_contacts[:4]][:3])))
        # Moves between cases, both ways round.
        some = list(db_session.scalars(select(ExtortionContact.id).limit(6)))
        for contact_id in some:
            db_session.execute(update(ExtortionContact).where(ExtortionContact.id == contact_id)
                               .values(case_id=rng.choice(ids)))
        reports = list(db_session.scalars(select(PoliceReport.id).limit(6)))
        for report_id in reports:
            db_session.execute(update(PoliceReport).where(PoliceReport.id == report_id)
                               .values(case_id=rng.choice(ids)))
        # Protective actions: every state change, one at a time and many at once.
        actions = list(db_session.scalars(select(ProtectiveAction.id).limit(40)))
        for action_id in actions[:20]:
            db_session.execute(update(ProtectiveAction).where(ProtectiveAction.id == action_id)
                               .values(state=rng.choice(list(ActionState)).value))
        db_session.execute(update(ProtectiveAction).where(
            ProtectiveAction.id.in_(actions[20:30])).values(state=ActionState.DONE.value))
        db_session.execute(delete(ProtectiveAction).where(ProtectiveAction.id.in_(actions[30:])))
        # Follow-ups done and undone, sessions moved into last week (day-dependent figures).
        follow_ups = list(db_session.scalars(select(FollowUp.id).limit(30)))
        db_session.execute(update(FollowUp).where(FollowUp.id.in_(follow_ups[:15]))
                           .values(done=True))
        db_session.execute(update(FollowUp).where(FollowUp.id.in_(follow_ups[15:]))
                           .values(done=False, due_on=TODAY - dt.timedelta(days=2)))
        sessions = list(db_session.scalars(select(SupportSession.id).limit(30)))
        db_session.execute(update(SupportSession).where(SupportSession.id.in_(sessions))
                           .values(started_at=dt.datetime(2026, 5, 10, 9, tzinfo=dt.UTC)))
        # Status changes by statement, many rows at once.
        db_session.execute(update(Case).where(Case.id.in_(ids[:10]))
                           .values(status=CaseStatus.OPEN.value, closure_reason=None))
    assert_same_figures(database)

    # A case deleted with everything on it (the cascade deletes its rows).
    with database.writing() as db_session:
        victim = db_session.scalar(
            select(Case.id).where(Case.id.in_(select(ExtortionContact.case_id)),
                                  Case.id.in_(select(PoliceReport.case_id)),
                                  Case.status != CaseStatus.CLOSED.value).limit(1))
        assert victim is not None
        db_session.execute(update(SupportSession).where(SupportSession.case_id == victim)
                           .values(follow_up_id=None))
        db_session.execute(delete(Case).where(Case.id == victim))
    after = assert_same_figures(database)
    assert after.victims_with_contact < before.victims_with_contact

    # Most cases closed: the overdue count now checks against the open cases' ids.
    with database.writing() as db_session:
        db_session.execute(update(Case).where(Case.id.in_(ids[: len(ids) * 3 // 4]))
                           .values(status=CaseStatus.CLOSED.value,
                                   closure_reason=ClosureReason.OTHER.value))
    closed = assert_same_figures(database)
    assert 0 < closed.open_cases < len(ids) // 2 and closed.overdue_follow_ups


def test_every_tally_trigger_is_in_place(database: Database) -> None:
    """A later migration that rebuilds a counted table on SQLite drops its triggers."""
    module = _migration()
    with database.engine.connect() as connection:
        found = set(connection.scalars(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert set(module.SQLITE_TRIGGERS) <= found  # type: ignore[attr-defined]
    assert len(module.SQLITE_TRIGGERS) == 13  # type: ignore[attr-defined]


def test_recount_gives_what_the_triggers_kept(seeded: services.Services,
                                              database: Database) -> None:
    module = _migration()
    with database.reading() as db_session:
        kept = sorted(db_session.execute(select(DashboardTally.kind, DashboardTally.holder_id,
                                                DashboardTally.risk_level, DashboardTally.n)
                                         .where(DashboardTally.n != 0)).all())
    with database.engine.begin() as connection:
        module.recount(connection)  # type: ignore[attr-defined]
    with database.reading() as db_session:
        recounted = sorted(db_session.execute(select(
            DashboardTally.kind, DashboardTally.holder_id, DashboardTally.risk_level,
            DashboardTally.n)).all())
    assert kept == recounted


def test_an_empty_database_shows_zeros(database: Database, supervisor: Actor) -> None:
    data = services.build(database, supervisor).analysis.dashboard(TODAY)
    assert (data.open_cases, data.actions_total, data.victims_with_contact) == (0, 0, 0)
    assert data.uncontacted_high_risk == 0 and data.per_counsellor == ()
