"""On a seeded database: every search kind, and no personal data in the raw files."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from models import services
from models.demo.seed import seed_demo
from models.domain.base import local_today
from models.domain.dto import CaseDraft, CaseFilter, VictimDraft
from models.domain.entities import Case, ExtortionContact, PoliceReport, Victim
from models.services.figures import (
    HIGH_RISK_LEVELS,
    NO_CONTACT_DAYS,
    OPEN_STATUSES,
    UNCONTACTED_LIST_LIMIT,
    Figure,
)
from models.services.search import search_kinds
from models.storage.database import keyfile_path
from models.storage.store import create_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD

VICTIMS = 600


@dataclass
class Seeded:
    folder: Path
    db_path: Path
    database: Database
    actor: Actor
    svc: services.Services


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    folder = tmp_path_factory.mktemp("seeded")
    db_path = folder / "seeded.db"
    result = create_database(db_path, username="super", password=PASSWORD, kdf=FAST_KDF)
    seed_demo(result.database, result.actor, victims=VICTIMS, seed=7, kdf=FAST_KDF)
    yield Seeded(folder, db_path, result.database, result.actor,
                 services.build(result.database, result.actor))
    result.database.dispose()


def _plain(victim: Victim) -> SimpleNamespace:
    return SimpleNamespace(**{c: getattr(victim, c) for c in Victim.__table__.columns.keys()})


def _sample_victims(database: Database, count: int = 25) -> list[tuple[int, SimpleNamespace]]:
    with database.reading() as db_session:
        rows = db_session.execute(select(Case.id, Victim).join(Victim)).all()
        database_rows = [(case_id, _plain(victim)) for case_id, victim in rows]
    return random.Random(3).sample(database_rows, count)


def _found(svc: services.Services, text: str) -> set[int]:
    return set(svc.case_list.list_case_ids(CaseFilter(text=text)))


def test_search_by_name_prefix_any_case(seeded: Seeded) -> None:
    for case_id, victim in _sample_victims(seeded.database):
        assert case_id in _found(seeded.svc, victim.last_name[:3].upper())
        assert case_id in _found(seeded.svc, victim.last_name.lower())
        assert case_id in _found(seeded.svc, f"{victim.first_names} {victim.last_name[:2]}")
        assert case_id in _found(seeded.svc, f"{victim.last_name} {victim.first_names[:1]}")


def test_search_by_identity_code_full_and_partial(seeded: Seeded) -> None:
    checked = 0
    for case_id, victim in _sample_victims(seeded.database):
        if victim.identity_code is None:
            continue
        assert search_kinds(victim.identity_code)[0] == "identity_code"
        assert _found(seeded.svc, victim.identity_code.lower()) == {case_id}
        assert case_id in _found(seeded.svc, victim.identity_code[:7])
        checked += 1
    assert checked >= 20


def test_search_by_case_reference(seeded: Seeded) -> None:
    with seeded.database.reading() as db_session:
        references = list(db_session.execute(select(Case.id, Case.reference).limit(50)))
    for case_id, reference in references:
        assert _found(seeded.svc, reference.lower()) == {case_id}


def test_search_by_police_report_number(seeded: Seeded) -> None:
    with seeded.database.reading() as db_session:
        reports = list(db_session.execute(
            select(PoliceReport.case_id, PoliceReport.report_number).limit(50)))
    assert reports
    for case_id, number in reports:
        assert case_id in _found(seeded.svc, number)
        assert case_id in _found(seeded.svc, number.lower())


def test_search_by_phone_in_any_format(seeded: Seeded) -> None:
    for case_id, victim in _sample_victims(seeded.database):
        if not victim.phone:
            continue
        spaced = f"{victim.phone[:3]} {victim.phone[3:6]} {victim.phone[6:]}"
        assert case_id in _found(seeded.svc, victim.phone)
        assert case_id in _found(seeded.svc, spaced)
        assert case_id in _found(seeded.svc, "00" + victim.phone[1:])


def test_search_by_email(seeded: Seeded) -> None:
    for case_id, victim in _sample_victims(seeded.database):
        if victim.email:
            assert case_id in _found(seeded.svc, victim.email.upper())
            assert case_id in _found(seeded.svc, victim.email.split("@")[0] + "@")


def test_search_by_wallet_and_sender(seeded: Seeded) -> None:
    with seeded.database.reading() as db_session:
        contacts = list(db_session.execute(
            select(ExtortionContact.case_id, ExtortionContact.wallet_address,
                   ExtortionContact.sender)
            .where(ExtortionContact.wallet_address.is_not(None)).limit(40)))
    assert contacts
    for case_id, wallet, sender in contacts:
        assert case_id in _found(seeded.svc, wallet)
        if sender:
            assert case_id in _found(seeded.svc, sender)


def test_search_with_no_match_and_filters_combine(seeded: Seeded) -> None:
    assert _found(seeded.svc, "qqqqzzzz") == set()
    all_cases = seeded.svc.case_list.count_cases()
    assert all_cases == VICTIMS
    from models.domain.enums import CaseStatus

    closed = seeded.svc.case_list.count_cases(CaseFilter(statuses=(CaseStatus.CLOSED,)))
    assert 0 < closed < all_cases


def test_seeded_database_is_marked_as_demo(seeded: Seeded) -> None:
    assert seeded.svc.case_list.is_demo_database()


def test_dashboard_and_caseload_report_agree(seeded: Seeded) -> None:
    """The supervisors' figures are the same wherever they are shown, and each figure
    drills down to as many cases as it counts."""
    today = local_today()
    analysis = seeded.svc.analysis
    dashboard = analysis.dashboard(today)
    report = seeded.svc.exports.caseload_report(today)
    assert report.as_of == dashboard.as_of == today
    assert report.open_cases == dashboard.open_cases > 0
    assert report.per_counsellor == dashboard.per_counsellor
    assert report.risk_distribution == dashboard.risk_distribution
    assert report.overdue_follow_ups == dashboard.overdue_follow_ups > 0
    assert report.uncontacted_days == NO_CONTACT_DAYS
    assert report.uncontacted_total == dashboard.uncontacted_high_risk > 0
    assert len(report.uncontacted) == min(report.uncontacted_total, UNCONTACTED_LIST_LIMIT)
    assert (report.victims_with_contact, report.victims_with_report) == (
        dashboard.victims_with_contact, dashboard.victims_with_report)

    # The caseload view counts from the accounts' side: the same load for every holder.
    held = {x.user_id: x for x in dashboard.per_counsellor if x.user_id is not None}
    assert held
    assert {x.user_id: x for x in seeded.svc.caseload.counsellor_loads() if x.open_cases} == held
    risk = dict(dashboard.risk_distribution)
    assert sum(x.high_risk_open for x in dashboard.per_counsellor) == sum(
        risk[level.value] for level in HIGH_RISK_LEVELS)

    def listed(case_filter: CaseFilter) -> int:
        return seeded.svc.case_list.count_cases(case_filter)

    assert listed(CaseFilter(statuses=OPEN_STATUSES)) == dashboard.open_cases
    for level, count in dashboard.risk_distribution:
        assert listed(analysis.drill_down(Figure.RISK, level)) == count
    for load in dashboard.per_counsellor:
        assert listed(analysis.drill_down(Figure.COUNSELLOR, load.user_id)) == load.open_cases
    assert len(analysis.cases_for(Figure.OVERDUE, None, today)) == dashboard.overdue_cases
    uncontacted = analysis.cases_for(Figure.UNCONTACTED, None, today)
    assert len(uncontacted) == dashboard.uncontacted_high_risk
    assert {x.case_id for x in report.uncontacted} <= set(uncontacted)
    assert len(analysis.cases_for(Figure.WITH_REPORT, None, today)) == (
        dashboard.victims_with_report)


def test_raw_files_hold_no_personal_data(seeded: Seeded) -> None:
    """Names, identity codes, phones, e-mails, wallets and case notes appear in no file
    on disk."""
    # The demo data writes no intake notes: one intake writes one (the case's free text).
    intake_note = "Ei vastaajaa; soita iltaisin, tuli auttavan puhelimen kautta"
    seeded.svc.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Raakatiedosto"),
        CaseDraft(intake_note=intake_note))
    with seeded.database.reading() as db_session:
        victims = [_plain(v) for v in db_session.scalars(select(Victim))]
        wallets = list(db_session.scalars(
            select(ExtortionContact.wallet_address)
            .where(ExtortionContact.wallet_address.is_not(None))))
    needles: set[bytes] = set()
    for victim in victims:
        needles.add(victim.last_name.encode())
        if victim.identity_code:
            needles.add(victim.identity_code.encode())
        if victim.email:
            needles.add(victim.email.encode())
        if victim.phone:
            needles.add(victim.phone.encode())
    needles.update(w.encode() for w in wallets)
    needles.add(intake_note.encode())
    needles = {n for n in needles if len(n) >= 6}
    assert len(needles) > 500
    files = [seeded.db_path, keyfile_path(seeded.db_path),
             seeded.db_path.with_name(seeded.db_path.name + "-wal")]
    assert files[2].exists() and files[2].stat().st_size > 0  # the WAL is really checked
    backup = seeded.folder / "backup.db"
    from models.storage.maintenance import backup_database

    backup_database(seeded.database, seeded.actor, backup)
    files.append(backup)
    for path in files:
        raw = path.read_bytes()
        leaked = [n for n in needles if n in raw]
        assert leaked == [], f"{path.name} holds {len(leaked)} personal values"
