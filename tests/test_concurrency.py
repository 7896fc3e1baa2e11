"""Many workstations on one database: optimistic locking, the audit chain under
concurrent writers, and (on a server) other workstations hearing about changes.

Each "workstation" is a database opened separately (its own engine and connections), as
two desktops would. Marked ``both_databases``: every test runs on the SQLCipher file and
on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models import services
from models.domain.changes import Change, ChangeKind
from models.domain.dto import CaseDraft, ExtortionContactDraft, FollowUpDraft, VictimDraft
from models.domain.entities import AuditEvent, Case, FollowUp
from models.domain.enums import Channel, Currency, Role
from models.domain.errors import ConflictError
from models.security.audit import verify_chain
from models.storage.server import ServerUrl
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF

pytestmark = pytest.mark.both_databases

STRONG = "Tuuli-Kivi-Järvi-Polku"
RECEIVED = dt.datetime(2020, 10, 24, 8, 15, tzinfo=dt.UTC)


def _contact(text: str) -> ExtortionContactDraft:
    return ExtortionContactDraft(
        received_at=RECEIVED, channel=Channel.EMAIL, sender="ransom@example.invalid",
        amount_demanded=Decimal("200"), currency=Currency.EUR,
        wallet_address="bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", message_text=text,
    )


@pytest.fixture
def team(database: Database, supervisor: Actor) -> services.Services:
    """The supervisor's services, with two counsellors' accounts created."""
    boss = services.build(database, supervisor)
    for name in ("aino", "eero"):
        boss.accounts.create_user(name, name.title(), Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    return boss


@pytest.fixture
def workstations(team: services.Services, target: Target
                 ) -> Iterator[list[services.Services]]:
    """The supervisor's two other workstations: the same account, opened twice more."""
    opened = [open_database(target, "super", "correct horse battery staple")
              for _ in range(2)]
    yield [services.build(database, actor) for database, actor in opened]
    for database, _actor in opened:
        database.dispose()


def test_second_save_of_the_same_record_is_refused_with_a_reload_offer(
    team: services.Services, workstations: list[services.Services]
) -> None:
    case = team.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Testinen"), CaseDraft())
    contact = team.records.add_extortion_contact(case.id, _contact("First version."))
    first, second = workstations
    seen_by_first = first.cases.get_detail(case.id).extortion_contacts[0]
    seen_by_second = second.cases.get_detail(case.id).extortion_contacts[0]
    assert seen_by_first.version == seen_by_second.version == contact.version

    first.records.update_extortion_contact(contact.id, seen_by_first.version,
                                           _contact("Edited on the first workstation."))
    with pytest.raises(ConflictError, match="reload it to see their changes"):
        second.records.update_extortion_contact(contact.id, seen_by_second.version,
                                                _contact("Edited on the second one."))
    # Nothing was overwritten; after reloading, the second workstation's save goes in.
    reloaded = second.cases.get_detail(case.id).extortion_contacts[0]
    assert reloaded.message_text == "Edited on the first workstation."
    second.records.update_extortion_contact(contact.id, reloaded.version,
                                            _contact("Edited on the second one."))
    final = team.cases.get_detail(case.id).extortion_contacts[0]
    assert (final.message_text, final.version) == ("Edited on the second one.",
                                                   contact.version + 2)
    assert team.audit.verify().ok


def test_simultaneous_saves_of_one_record_let_exactly_one_win(
    team: services.Services, workstations: list[services.Services]
) -> None:
    case = team.cases.create_intake(
        VictimDraft(first_names="Eero", last_name="Testinen"), CaseDraft())
    follow_up = team.records.add_follow_up(case.id, FollowUpDraft(
        due_on=dt.date(2026, 12, 1), description="Call back"))
    barrier = threading.Barrier(len(workstations))
    outcomes: list[str] = []

    def save(svc: services.Services, words: str) -> None:
        barrier.wait()
        try:
            svc.records.update_follow_up(follow_up.id, follow_up.version,
                                         FollowUpDraft(due_on=dt.date(2026, 12, 2),
                                                       description=words))
            outcomes.append(words)
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(svc, f"Saved by workstation {i}"))
               for i, svc in enumerate(workstations)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(outcomes) == 2 and outcomes.count("conflict") == 1
    winner = next(o for o in outcomes if o != "conflict")
    with team.database.reading() as db_session:
        stored = db_session.get(FollowUp, follow_up.id)
        assert stored is not None
        assert (stored.description, stored.version) == (winner, follow_up.version + 1)


def test_concurrent_writers_keep_the_audit_chain_whole(
    team: services.Services, workstations: list[services.Services]
) -> None:
    with team.database.reading() as db_session:
        before = db_session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    writers = [team, *workstations]
    per_writer = 12
    failures: list[BaseException] = []

    def work(svc: services.Services, number: int) -> None:
        try:
            for i in range(per_writer):
                svc.cases.create_intake(
                    VictimDraft(first_names=f"W{number}", last_name=f"Testinen{i}"),
                    CaseDraft())
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=work, args=(svc, n)) for n, svc in enumerate(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    with team.database.reading() as db_session:
        seqs = db_session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
        report = verify_chain(db_session, team.database.chain_key)
    # Each intake writes its create event and the view of the new case.
    assert len(seqs) >= before + len(writers) * per_writer
    assert seqs == list(range(1, len(seqs) + 1))
    assert report.ok, report.problem
    with team.database.reading() as db_session:
        references = db_session.scalars(select(Case.reference)).all()
    assert len(references) == len(set(references)) == len(writers) * per_writer


def test_change_notifications_keep_their_wire_format_and_skip_unknown_kinds() -> None:
    from models.storage.notify import parse, payloads

    change = Change(ChangeKind.EXTORTION_CONTACT, (7,), (3,))
    [payload] = payloads(change, "ws-1")
    # As older versions sent and read it: the kind as its plain name.
    assert payload == '{"o":"ws-1","k":"extortion_contact","i":[7],"c":[3]}'
    parsed = parse(payload)
    assert parsed == ("ws-1", change) and parsed[1].kind is ChangeKind.EXTORTION_CONTACT
    # A kind from a newer workstation is not ours to deliver: ignored, not a crash.
    assert parse(payload.replace("extortion_contact", "case_note")) is None


# One SQLite file has one workstation: notifications between workstations need a server.
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_other_workstations_hear_of_a_change(
    team: services.Services, workstations: list[services.Services], target: Target
) -> None:
    from models.storage.notify import ChangeListener

    assert isinstance(target, ServerUrl)

    first, second = workstations
    heard: list[Change] = []
    listener = ChangeListener(target, heard.append, second.changes.origin).start()
    echo: list[Change] = []
    own = ChangeListener(target, echo.append, first.changes.origin).start()
    try:
        assert listener.wait_listening() and own.wait_listening()
        case = first.cases.create_intake(
            VictimDraft(first_names="Kuulo", last_name="Testinen"), CaseDraft())
        contact = first.records.add_extortion_contact(case.id, _contact("Pay now."))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(
            c.kind == "extortion_contact" for c in heard
        ):
            time.sleep(0.05)
        assert Change("extortion_contact", (contact.id,), (case.id,)) in heard
        assert any(c.kind == "case" and case.id in c.case_ids for c in heard)
        assert echo == []  # a workstation does not hear its own changes twice
    finally:
        listener.stop()
        own.stop()
