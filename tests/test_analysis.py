"""Dashboard aggregates, cross-case analysis and police lists against a hand-checked set.

The world (today = Wednesday 13.3.2024; weeks start on Monday):

=====  =========  ======  ========  ========================================  ======  =======
case   counsellor risk    opened    extortion contacts                        report  session
=====  =========  ======  ========  ========================================  ======  =======
A      kaisa      acute   11.3.     12.3. W1, x@evil, 200 € (paid 200 €)      no      none
B      kaisa      high    4.3.      5.3. W1, x@evil, 500 €; 6.3. W2 0.01 BTC  yes     12.3.
C      olli       low     4.3.      7.3. W2 0.02 BTC; W3 twice (only C)       yes     none
D      —          medium  2.1.      none (closed)                             no      none
=====  =========  ======  ========  ========================================  ======  =======

Follow-ups: A one overdue (due 1.3.), B one due 20.3. Protective actions: A not started,
B not applicable, C done.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from models import services
from models.demo.extortion import random_wallet
from models.domain.changes import ChangeBus
from models.domain.dto import (
    CaseDraft,
    CaseFilter,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    ProtectiveActionDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.entities import AuditEvent
from models.domain.enums import (
    ActionState,
    CaseStatus,
    Channel,
    ClosureReason,
    Currency,
    RiskLevel,
    Role,
)
from models.domain.errors import PermissionDenied
from models.services.analysis import AnalysisService, Indicator, csv_safe
from models.services.figures import Figure, WeekCount
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

# The cross-case figures are SQL aggregates: checked on both databases.
pytestmark = pytest.mark.both_databases

STRONG = "Tuuli-Kivi-Järvi-Polku"
TODAY = dt.date(2024, 3, 13)
W1, W2, W3 = (random_wallet(random.Random(n)) for n in (1, 2, 3))


def at(day: int, month: int = 3, hour: int = 10) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, 0, tzinfo=dt.UTC)


@dataclass
class World:
    boss: services.Services
    analysis: AnalysisService
    by_role: dict[Role, AnalysisService]
    kaisa: int
    olli: int
    a: int
    b: int
    c: int
    d: int
    references: dict[str, str]


def _account(boss: services.Services, name: str, role: Role) -> services.Services:
    user = boss.accounts.create_user(name, name.title(), role, STRONG, kdf=FAST_KDF)
    return services.build(boss.database, Actor(user.id, user.username, user.display_name, role))


def _analysis(svc: services.Services) -> AnalysisService:
    return AnalysisService(svc.database, svc.actor, ChangeBus())


def _contact(day: dt.datetime, *, wallet: str | None = None, sender: str = "",
             amount: str | None = None, currency: Currency = Currency.EUR,
             paid: str | None = None) -> ExtortionContactDraft:
    return ExtortionContactDraft(
        received_at=day, channel=Channel.EMAIL, sender=sender,
        amount_demanded=Decimal(amount) if amount else None, currency=currency,
        wallet_address=wallet, paid=paid is not None,
        amount_paid=Decimal(paid) if paid else None)


def build_world(database: Database, supervisor: Actor) -> World:
    boss = services.build(database, supervisor)
    kaisa = _account(boss, "kaisa", Role.COUNSELLOR)
    olli = _account(boss, "olli", Role.COUNSELLOR)
    liaison = _account(boss, "leena", Role.POLICE_LIAISON)
    admin = _account(boss, "aatu", Role.ADMINISTRATOR)

    def intake(name: str, risk: RiskLevel, opened: dt.date, owner: int | None) -> int:
        return boss.cases.create_intake(
            VictimDraft(first_names=name, last_name="Testinen"),
            CaseDraft(risk_level=risk, opened_on=opened, assigned_to_id=owner)).id

    a = intake("Aino", RiskLevel.ACUTE, dt.date(2024, 3, 11), kaisa.actor.user_id)
    b = intake("Bertta", RiskLevel.HIGH, dt.date(2024, 3, 4), kaisa.actor.user_id)
    c = intake("Cecilia", RiskLevel.LOW, dt.date(2024, 3, 4), olli.actor.user_id)
    d = intake("Daniel", RiskLevel.MEDIUM, dt.date(2024, 1, 2), None)
    version = boss.cases.get_detail(d).case.version
    boss.cases.set_status(d, version, CaseStatus.CLOSED, ClosureReason.RESOLVED)

    rec = boss.records
    rec.add_extortion_contact(a, _contact(at(12), wallet=W1, sender="x@evil.example",
                                          amount="200", paid="200"))
    rec.add_extortion_contact(b, _contact(at(5), wallet=W1, sender="x@evil.example",
                                          amount="500"))
    rec.add_extortion_contact(b, _contact(at(6), wallet=W2, amount="0.01",
                                          currency=Currency.BTC))
    rec.add_extortion_contact(c, _contact(at(7), wallet=W2, sender="other@evil.example",
                                          amount="0.02", currency=Currency.BTC))
    rec.add_extortion_contact(c, _contact(at(8), wallet=W3))
    rec.add_extortion_contact(c, _contact(at(9), wallet=W3))
    rec.add_police_report(b, PoliceReportDraft(report_number="5500/R/12345/24",
                                               filed_on=dt.date(2024, 3, 6)))
    rec.add_police_report(c, PoliceReportDraft(report_number="4400/R/777/24",
                                               filed_on=dt.date(2024, 3, 8)))
    kaisa.records.add_support_session(b, SupportSessionDraft(started_at=at(12)))
    rec.add_follow_up(a, FollowUpDraft(due_on=dt.date(2024, 3, 1), description="call"))
    rec.add_follow_up(b, FollowUpDraft(due_on=dt.date(2024, 3, 20), description="call"))
    rec.add_protective_action(a, ProtectiveActionDraft(type_code="credit_ban_positive_register"))
    rec.add_protective_action(b, ProtectiveActionDraft(type_code="credit_ban_positive_register",
                                                       state=ActionState.NOT_APPLICABLE))
    rec.add_protective_action(c, ProtectiveActionDraft(
        type_code="credit_ban_positive_register", state=ActionState.DONE,
        state_on=dt.date(2024, 3, 8)))

    references = {boss.cases.get_detail(i).case.reference: name
                  for i, name in ((a, "A"), (b, "B"), (c, "C"), (d, "D"))}
    by_role = {Role.COUNSELLOR: _analysis(kaisa), Role.POLICE_LIAISON: _analysis(liaison),
               Role.ADMINISTRATOR: _analysis(admin), Role.SUPERVISOR: _analysis(boss)}
    return World(boss, _analysis(boss), by_role, kaisa.actor.user_id, olli.actor.user_id,
                 a, b, c, d, references)


@pytest.fixture
def world(database: Database, supervisor: Actor) -> World:
    return build_world(database, supervisor)


def test_dashboard_figures_match_the_hand_count(world: World) -> None:
    data = world.analysis.dashboard(TODAY)
    assert data.open_cases == 3
    assert [(x.user_id, x.open_cases) for x in data.per_counsellor] == [
        (world.kaisa, 2), (world.olli, 1)]
    assert data.risk_distribution == (("acute", 1), ("high", 1), ("medium", 0), ("low", 1))
    assert (data.overdue_follow_ups, data.overdue_cases) == (1, 1)
    assert data.uncontacted_high_risk == 1  # A; B had a session yesterday
    assert (data.victims_with_contact, data.victims_with_report) == (3, 2)
    assert data.report_share == pytest.approx(2 / 3)
    assert (data.actions_done, data.actions_total) == (1, 2)  # "not applicable" left out


def test_weeks_count_intakes_and_contacts_per_monday(world: World) -> None:
    weeks = world.analysis.dashboard(TODAY).weeks
    assert len(weeks) == 12
    assert weeks[-1].week_start == dt.date(2024, 3, 11)
    assert weeks[0].week_start == dt.date(2023, 12, 25)
    busy = [w for w in weeks if w.intakes or w.extortion_contacts]
    assert busy == [
        WeekCount(dt.date(2024, 1, 1), 1, 0),
        WeekCount(dt.date(2024, 3, 4), 2, 5),  # B, C; five contacts 5.–9.3.
        WeekCount(dt.date(2024, 3, 11), 1, 1),
    ]


def test_each_figure_drills_down_to_its_cases(world: World) -> None:
    service = world.analysis
    open_statuses = (CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING)
    assert service.drill_down(Figure.COUNSELLOR, world.kaisa) == CaseFilter(
        statuses=open_statuses, assigned_to_id=world.kaisa)
    assert service.drill_down(Figure.RISK, RiskLevel.ACUTE) == CaseFilter(
        statuses=open_statuses, risk_levels=(RiskLevel.ACUTE,))
    assert service.cases_for(Figure.COUNSELLOR, world.kaisa, TODAY) == [world.a, world.b]
    assert service.cases_for(Figure.COUNSELLOR, None, TODAY) == []  # D is closed
    assert service.cases_for(Figure.RISK, RiskLevel.LOW, TODAY) == [world.c]
    assert service.cases_for(Figure.OVERDUE, None, TODAY) == [world.a]
    assert service.cases_for(Figure.UNCONTACTED, None, TODAY) == [world.a]
    assert service.cases_for(Figure.WITHOUT_REPORT, None, TODAY) == [world.a]
    assert service.cases_for(Figure.WITH_REPORT, None, TODAY) == [world.b, world.c]
    assert service.cases_for(Figure.ACTIONS_PENDING, None, TODAY) == [world.a]
    assert service.cases_for(Figure.INTAKES_WEEK, dt.date(2024, 3, 6), TODAY) == [
        world.b, world.c]
    assert service.cases_for(Figure.CONTACTS_WEEK, dt.date(2024, 3, 11), TODAY) == [world.a]
    assert service.cases_without_police_report() == [world.a]


def test_shared_wallets_and_senders(world: World) -> None:
    wallets = world.analysis.shared_indicators(Indicator.WALLET)
    # W3 appears twice but in one case only: not cross-case.
    assert {w.value for w in wallets} == {W1, W2}
    by_value = {w.value: w for w in wallets}
    w1 = by_value[W1]
    assert (w1.victims, w1.contacts) == (2, 2)
    assert (w1.first_seen, w1.last_seen) == (at(5), at(12))
    assert w1.demanded == (("EUR", Decimal("700.00")),)
    assert w1.paid == (("EUR", Decimal("200.00")),)
    assert by_value[W2].demanded == (("BTC", Decimal("0.03000000")),)
    assert by_value[W2].paid == ()
    assert world.analysis.indicator_cases(Indicator.WALLET, W2) == [world.b, world.c]

    senders = world.analysis.shared_indicators(Indicator.SENDER)
    assert [(s.value, s.victims) for s in senders] == [("x@evil.example", 2)]


def _exports(database: Database) -> list[tuple[str, str]]:
    """(action, detail) of the audit events about the analysis exports."""
    with database.reading() as db_session:
        return [(action, detail) for action, detail in db_session.execute(
            select(AuditEvent.action, AuditEvent.detail)
            .where(AuditEvent.entity == "analysis").order_by(AuditEvent.seq))]


def test_indicator_export_has_references_only_and_is_audited(
        world: World, database: Database, tmp_path: Path) -> None:
    target = world.by_role[Role.POLICE_LIAISON].export_indicators_csv(
        Indicator.WALLET, tmp_path / "wallets.csv")
    content = target.read_text("utf-8")
    assert "Testinen" not in content and "Aino" not in content
    rows = list(csv.DictReader(content.splitlines()))
    assert len(rows) == 2
    w1 = next(r for r in rows if r["wallet"] == W1)
    assert w1["victims"] == "2"
    assert w1["demanded"] == "700.00 EUR"
    assert sorted(world.references[ref] for ref in w1["case_references"].split(";")) == [
        "A", "B"]
    assert _exports(database) == [
        ("export", "report=shared_wallets format=csv rows=2")]


def test_police_report_numbers_export(world: World, database: Database,
                                      tmp_path: Path) -> None:
    target = world.analysis.export_police_reports_csv(tmp_path / "reports.csv")
    rows = list(csv.reader(target.read_text("utf-8").splitlines()))
    assert rows[0] == ["report_number", "case_reference", "filed_on", "state"]
    assert [(r[0], world.references[r[1]], r[2], r[3]) for r in rows[1:]] == [
        ("4400/R/777/24", "C", "2024-03-08", "filed"),
        ("5500/R/12345/24", "B", "2024-03-06", "filed"),
    ]
    assert _exports(database) == [
        ("export", "report=police_report_numbers format=csv rows=2")]


def test_roles(world: World, tmp_path: Path) -> None:
    for role in (Role.COUNSELLOR, Role.POLICE_LIAISON, Role.ADMINISTRATOR):
        with pytest.raises(PermissionDenied):
            world.by_role[role].dashboard(TODAY)
        with pytest.raises(PermissionDenied):
            world.by_role[role].cases_for(Figure.OVERDUE)
    assert world.by_role[Role.POLICE_LIAISON].cases_without_police_report() == [world.a]
    for role in (Role.COUNSELLOR, Role.ADMINISTRATOR):
        service = world.by_role[role]
        with pytest.raises(PermissionDenied):
            service.shared_indicators(Indicator.WALLET)
        with pytest.raises(PermissionDenied):
            service.export_police_reports_csv(tmp_path / "x.csv")
        with pytest.raises(PermissionDenied):
            service.cases_without_police_report()
    assert not (tmp_path / "x.csv").exists()


def test_csv_cells_cannot_become_formulas() -> None:
    assert csv_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert csv_safe("@evil") == "'@evil"
    assert csv_safe("+358 40 1234567") == "+358 40 1234567"
    assert csv_safe("+cmd") == "'+cmd"
    assert csv_safe("x@evil.example") == "x@evil.example"


def test_indicator_pdf_export_is_audited(world: World, database: Database,
                                         tmp_path: Path) -> None:
    target = world.by_role[Role.POLICE_LIAISON].export_indicators_pdf(
        Indicator.SENDER, tmp_path / "senders.pdf")
    assert target.read_bytes().startswith(b"%PDF")
    assert _exports(database) == [("export", "report=shared_senders format=pdf rows=1")]
    with pytest.raises(PermissionDenied):
        world.by_role[Role.COUNSELLOR].export_indicators_pdf(Indicator.SENDER,
                                                             tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()
