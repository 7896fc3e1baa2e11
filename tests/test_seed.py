"""Synthetic demo data: the Vastaamo-shaped ratios, synthetic-only personal data, determinism."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session
from stdnum.fi import hetu

from models.demo.seed import (
    DEMO_KDF,
    DEMO_PASSWORD,
    DEMO_SUPERVISOR,
    SeedSummary,
    demo_accounts,
    seed_demo,
)
from models.domain.entities import (
    Attachment,
    AuditEvent,
    Breach,
    Case,
    ExtortionContact,
    FollowUp,
    IdentityCodeRecord,
    PoliceReport,
    ProtectiveAction,
    SupportSession,
    User,
    Victim,
    victim_breach,
)
from models.domain.enums import PROTECTIVE_ACTION_CATALOGUE, AuditAction, Role
from models.domain.errors import DataError, PermissionDenied, ValidationError
from models.domain.sealed import SEALED_BYTES, SEALED_COLUMNS
from models.domain.text import full_name_key, search_key
from models.domain.validation import (
    validate_bitcoin_address,
    validate_email,
    validate_phone,
    validate_police_report_number,
)
from models.security.audit import verify_chain
from models.security.passwords import check_password, demo_password_allowed
from models.storage.keyfile import SLOT_USER, KdfParams
from models.storage.store import create_database, load_key_slots, open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD

N = 400
TODAY = dt.date(2025, 3, 14)

#: Numbers reserved for drama and fiction (Ofcom in the UK, PTS in Sweden), in E.164.
FICTION_PHONE = re.compile(
    r"\+447700900\d{3}"  # 07700 900000–900999
    r"|\+442079460\d{3}"  # 020 7946 0000–0999
    r"|\+441(?:1[3-8]|21|31|41|51|61)4960\d{3}"  # 0113…0161 496 0000–0999
    r"|\+441914980\d{3}"  # 0191 498 0000–0999
    r"|\+441632960\d{3}"  # 01632 960000–960999
    r"|\+467017406(?:0[5-9]|[1-9]\d)"  # 070-174 06 05–99
)
VICTIM_EMAIL_DOMAINS = {"example.com", "example.org", "example.net"}
RESERVED_DOMAIN = re.compile(r"(?:^|\.)(?:example\.(?:com|net|org)|invalid|test|example)$")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, SeedSummary]]:
    """One database with N demo victims, shared by the read-only checks below."""
    path = tmp_path_factory.mktemp("seeded") / "demo.db"
    result = create_database(path, username="super", password=PASSWORD, kdf=FAST_KDF)
    summary = seed_demo(result.database, result.actor, victims=N, kdf=FAST_KDF, today=TODAY)
    yield result.database, summary
    result.database.dispose()


@pytest.fixture
def db_session(seeded: tuple[Database, SeedSummary]) -> Iterator[Session]:
    with seeded[0].reading() as db_session:
        yield db_session


def count(db_session: Session, table: type | Table) -> int:
    return db_session.scalar(select(func.count()).select_from(table)) or 0


# -- size and shape ---------------------------------------------------------------------------


def test_counts_follow_the_vastaamo_ratios(
    seeded: tuple[Database, SeedSummary], db_session: Session
) -> None:
    summary = seeded[1]
    stored = {
        "victims": count(db_session, Victim),
        "cases": count(db_session, Case),
        "extortion_contacts": count(db_session, ExtortionContact),
        "police_reports": count(db_session, PoliceReport),
        "support_sessions": count(db_session, SupportSession),
        "follow_ups": count(db_session, FollowUp),
        "protective_actions": count(db_session, ProtectiveAction),
        "attachments": count(db_session, Attachment),
    }
    assert stored == {name: getattr(summary, name) for name in stored}
    assert stored["victims"] == stored["cases"] == N
    # 40,000 : 60,000 : 25,000 : 200,000 : 100,000 in the reference load.
    assert 1.35 * N <= stored["extortion_contacts"] <= 1.75 * N
    assert 0.52 * N <= stored["police_reports"] <= 0.72 * N
    assert 4.4 * N <= stored["support_sessions"] <= 5.6 * N
    assert 2.1 * N <= stored["follow_ups"] <= 2.9 * N
    assert 3 * N <= stored["protective_actions"] <= 6 * N
    assert stored["attachments"] == N // 200
    assert summary.seconds > 0


@pytest.mark.parametrize("victims", [1, 2000, 40000, 200000])
def test_every_demo_account_passes_the_password_rules_with_the_demo_password(
    victims: int,
) -> None:
    accounts = demo_accounts(victims)
    assert accounts[0] == DEMO_SUPERVISOR
    assert len({account.username for account in accounts}) == len(accounts)
    assert len({account.display_name for account in accounts}) == len(accounts)
    with demo_password_allowed():  # as ``--demo`` creates its supervisor
        for account in accounts:
            check_password(DEMO_PASSWORD, username=account.username,
                           display_name=account.display_name)
    with pytest.raises(ValidationError, match="published demo password"):
        check_password(DEMO_PASSWORD, username=accounts[0].username,
                       display_name=accounts[0].display_name)


def test_demo_accounts_and_breaches(
    seeded: tuple[Database, SeedSummary], db_session: Session
) -> None:
    accounts = seeded[1].accounts
    roles = Counter(account.role for account in accounts)
    assert roles == {
        Role.COUNSELLOR: 3, Role.POLICE_LIAISON: 2, Role.SUPERVISOR: 1, Role.ADMINISTRATOR: 1
    }
    names = [account.username for account in accounts]
    assert {"counsellor01", "counsellor03", "liaison01", "supervisor02", "admin01"} <= set(names)
    stored = dict(db_session.execute(select(User.username, User.role)).all())
    for account in accounts:
        assert stored[account.username] == account.role.value
        # A plain name: the window title adds the role and "demo" once.
        assert re.fullmatch(r"[A-Z][a-z]+ [A-Z]\.", account.display_name), account.display_name
    breaches = db_session.scalars(select(Breach.name).order_by(Breach.name)).all()
    assert breaches == ["Vastaamo 2018", "Vastaamo 2019"]
    links = Counter(db_session.scalars(select(victim_breach.c.victim_id)).all())
    assert set(links) == set(range(1, N + 1))
    assert set(links.values()) == {1, 2}


def test_a_demo_account_signs_in_with_the_demo_password(
    seeded: tuple[Database, SeedSummary],
) -> None:
    database, actor = open_database(seeded[0].path, "liaison01", DEMO_PASSWORD)
    try:
        assert actor.role == Role.POLICE_LIAISON
    finally:
        database.dispose()


def test_demo_accounts_get_the_published_passwords_cost_and_the_seeder_keeps_its_own(
    tmp_path: Path,
) -> None:
    """Their password is in the README: a production Argon2id cost would protect nothing
    and only slow seeding (112 accounts at 200,000 victims)."""
    path = tmp_path / "demo.db"
    own = KdfParams(time_cost=2, memory_kib=16 * 1024, parallelism=1)
    result = create_database(path, username="super", password=PASSWORD, kdf=own)
    try:
        summary = seed_demo(result.database, result.actor, victims=3, today=TODAY)
    finally:
        result.database.dispose()
    keys = load_key_slots(path)
    seeder = keys.slot(SLOT_USER, "super")
    assert seeder is not None and seeder.kdf == own
    for account in summary.accounts:
        slot = keys.slot(SLOT_USER, account.username)
        assert slot is not None and slot.kdf == DEMO_KDF, account.username
    database, actor = open_database(path, summary.accounts[0].username, DEMO_PASSWORD)
    database.dispose()
    assert actor.username == summary.accounts[0].username


def test_one_seed_audit_event_and_an_intact_chain(
    seeded: tuple[Database, SeedSummary], db_session: Session
) -> None:
    events = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action == AuditAction.SEED.value)
    ).all()
    assert [event.detail for event in events] == [f"victims={N} seed=1"]
    assert count(db_session, AuditEvent) < 10  # no per-row events
    assert verify_chain(db_session, seeded[0].chain_key).ok


# -- synthetic personal data ------------------------------------------------------------------


def test_identity_codes_are_valid_temporary_codes_of_the_birth_date(db_session: Session) -> None:
    victims = db_session.execute(select(Victim.id, Victim.identity_code, Victim.birth_date)).all()
    with_code = [(vid, code, born) for vid, code, born in victims if code is not None]
    assert 0.02 * N <= N - len(with_code) <= 0.09 * N  # foreign victims without a code
    records = db_session.execute(
        select(IdentityCodeRecord.victim_id, IdentityCodeRecord.identity_code,
               IdentityCodeRecord.valid_to)
    ).all()
    codes = [code for _, code, _ in with_code] + [code for _, code, _ in records]
    for code in codes:
        assert hetu.validate(code, allow_temporary=True) == code
        assert 900 <= int(code[7:10]) <= 999
    for _, code, born in with_code:
        assert code[:6] == born.strftime("%d%m%y")
        assert code[6] == ("-" if born.year < 2000 else "A")
        assert dt.date(1940, 1, 1) <= born <= dt.date(2005, 12, 31)
    assert len({code for _, code, _ in with_code}) == len(with_code)  # nobody shares a code
    current = {vid: code for vid, code, valid_to in records if valid_to is None}
    assert current == {vid: code for vid, code, _ in with_code}


def test_names_and_search_keys(db_session: Session) -> None:
    rows = db_session.execute(
        select(Victim.first_names, Victim.last_name, Victim.search_first_names,
               Victim.search_last_name, Victim.search_full_name)
    ).all()
    for first, last, key_first, key_last, key_full in rows:
        assert key_first == search_key(first)
        assert key_last == search_key(last)
        assert key_full == full_name_key(first, last)
    text = "".join(f"{first} {last}" for first, last, *_ in rows)
    assert {"ä", "ö"} <= set(text)  # Finnish letters are exercised
    assert any(ord(ch) > 0xFF for ch in text)  # and letters beyond Latin-1 (Š, Ž, Cyrillic…)
    assert len({last for _, last, *_ in rows}) > 40


def test_phones_are_fiction_numbers(db_session: Session) -> None:
    phones = db_session.scalars(select(Victim.phone).where(Victim.phone.is_not(None))).all()
    assert len(phones) > 0.85 * N
    for phone in phones:
        assert FICTION_PHONE.fullmatch(phone), phone
        assert validate_phone(phone) == phone
    senders = set(db_session.scalars(
        select(ExtortionContact.sender).where(ExtortionContact.sender.startswith("+"))
    ))
    assert senders and all(FICTION_PHONE.fullmatch(sender) for sender in senders)
    assert not senders & set(phones)  # the extortioner never has a victim's number


def test_emails_use_reserved_domains(db_session: Session) -> None:
    emails = db_session.scalars(select(Victim.email).where(Victim.email.is_not(None))).all()
    assert len(emails) > 0.75 * N
    for address in emails:
        assert validate_email(address) == address
        assert address.rpartition("@")[2] in VICTIM_EMAIL_DOMAINS
    senders = db_session.scalars(select(ExtortionContact.sender).distinct()).all()
    mail_senders = [sender for sender in senders if "@" in sender]
    assert mail_senders
    for sender in mail_senders:
        assert validate_email(sender) == sender
        assert RESERVED_DOMAIN.search(sender.rpartition("@")[2]), sender
    for sender in senders:
        if sender.startswith("http"):
            assert sender.startswith("https://social.example/")
        elif sender.startswith("+"):
            assert FICTION_PHONE.fullmatch(sender)


# -- extortion and police ---------------------------------------------------------------------


def test_wallets_are_valid_and_a_few_are_shared_by_many_victims(db_session: Session) -> None:
    rows = db_session.execute(
        select(ExtortionContact.wallet_address, Case.victim_id)
        .join(Case, Case.id == ExtortionContact.case_id)
        .where(ExtortionContact.wallet_address.is_not(None))
    ).all()
    victims_per_wallet: dict[str, set[int]] = {}
    for wallet, victim_id in rows:
        victims_per_wallet.setdefault(wallet, set()).add(victim_id)
    for wallet in victims_per_wallet:
        assert validate_bitcoin_address(wallet) == wallet
    assert any(w.startswith("bc1q") for w in victims_per_wallet)
    assert any(w.startswith("1") for w in victims_per_wallet)
    shared = [w for w, victims in victims_per_wallet.items() if len(victims) > 1]
    assert 3 <= len(shared) <= 5
    assert max(len(victims_per_wallet[w]) for w in shared) > 0.05 * N
    own = sum(1 for wallet, _ in rows if len(victims_per_wallet[wallet]) == 1)
    assert own > 0.5 * len(rows)  # most contacts carry the victim's own wallet


def test_extortion_contacts_look_like_the_real_campaign(db_session: Session) -> None:
    contacts = db_session.scalars(select(ExtortionContact)).all()
    # Stored sealed (models.domain.sealed), read as plain text through the entity.
    assert all(row.message_text_sealed.startswith("v3:") for row in contacts)
    per_case = Counter(row.case_id for row in contacts)
    spread = Counter(per_case.values())
    assert spread[1] > spread[2] > spread[3] > 0 and max(spread) >= 4
    october = sum(1 for row in contacts if row.received_at.date() < dt.date(2020, 11, 1))
    assert october > 0.7 * len(contacts)
    assert all(row.received_at.tzinfo is not None for row in contacts)
    assert all(row.received_at.date() <= TODAY for row in contacts)
    assert sum(row.currency == "EUR" for row in contacts) > 0.9 * len(contacts)
    for row in contacts:
        if row.currency == "EUR" and row.amount_demanded in (200, 500):
            hours = 24 if row.amount_demanded == 200 else 48
            assert row.deadline_at - row.received_at == dt.timedelta(hours=hours)
            assert f"{row.amount_demanded:.0f}" in row.message_text
        assert row.paid or row.amount_paid is None
    paid = sum(row.paid for row in contacts)
    assert 0 < paid < 0.08 * len(contacts)


def test_police_reports_are_numbered_like_finnish_reports(db_session: Session) -> None:
    rows = db_session.execute(
        select(PoliceReport.report_number, PoliceReport.case_id, PoliceReport.filed_on)
    ).all()
    numbers = [number for number, _, _ in rows]
    assert len(set(numbers)) == len(numbers)
    for number, _, filed_on in rows:
        assert validate_police_report_number(number) == number
        assert re.fullmatch(r"\d{4}/R/\d{5}/2[01]", number), number
        assert number.endswith(f"/{filed_on.year % 100:02d}")
    with_contact = set(db_session.scalars(select(ExtortionContact.case_id).distinct()))
    reported = {case_id for _, case_id, _ in rows}
    assert len(reported & with_contact) > 0.9 * len(reported)


# -- case work --------------------------------------------------------------------------------


def test_cases_references_statuses_and_caseloads(db_session: Session) -> None:
    cases = db_session.execute(
        select(Case.reference, Case.opened_on, Case.status, Case.closure_reason, Case.closed_on,
               Case.assigned_to_id, Case.risk_level).order_by(Case.id)
    ).all()
    per_year: dict[int, list[int]] = {}
    for case in cases:
        match = re.fullmatch(r"SUO-(\d{4})-(\d{5})", case.reference)
        assert match and int(match[1]) == case.opened_on.year
        per_year.setdefault(case.opened_on.year, []).append(int(match[2]))
        assert (case.status == "closed") == (case.closure_reason is not None)
        assert (case.status == "closed") == (case.closed_on is not None)
        assert dt.date(2020, 10, 21) <= case.opened_on <= TODAY
    for numbers in per_year.values():
        assert numbers == list(range(1, len(numbers) + 1))
    statuses = Counter(case.status for case in cases)
    assert 0.12 * N <= statuses["closed"] <= 0.3 * N
    assert statuses["open"] + statuses["waiting"] > 0.6 * N
    assert len(set(case.risk_level for case in cases)) == 4
    caseloads = Counter(case.assigned_to_id for case in cases if case.assigned_to_id)
    assert len(caseloads) == 3 and max(caseloads.values()) > 1.3 * min(caseloads.values())


def test_follow_ups_are_due_today_overdue_and_mostly_done(db_session: Session) -> None:
    rows = db_session.execute(select(FollowUp.due_on, FollowUp.done, FollowUp.done_at)).all()
    open_rows = [row for row in rows if not row.done]
    assert sum(row.done for row in rows) > 0.6 * len(rows)
    assert all(row.due_on <= TODAY and row.done_at is not None for row in rows if row.done)
    assert any(row.due_on == TODAY for row in open_rows)
    assert any(row.due_on < TODAY for row in open_rows)
    assert any(row.due_on > TODAY for row in open_rows)
    assert all(row.done_at is None for row in open_rows)


def test_protective_actions(db_session: Session) -> None:
    validity = {kind.code: kind.validity_days for kind in PROTECTIVE_ACTION_CATALOGUE}
    actions = db_session.scalars(select(ProtectiveAction)).all()
    assert {action.type_code for action in actions} <= set(validity)
    assert len({action.state for action in actions}) == 5
    for action in actions:
        if action.state == "done" and validity[action.type_code]:
            assert action.state_on is not None
            assert action.expires_on == action.state_on + dt.timedelta(
                days=validity[action.type_code])
        if action.type_code == "identity_code_change":
            assert action.grounds in ("repeated_misuse", "safety_threat")
            assert action.decision in ("pending", "granted", "refused")
        else:
            assert action.grounds is None and action.decision is None
    per_case = Counter(action.case_id for action in actions)
    assert len(per_case) > 0.9 * N


def test_attachments_are_stored_with_their_digest(db_session: Session) -> None:
    attachments = db_session.scalars(select(Attachment)).all()
    assert attachments
    for attachment in attachments:
        assert attachment.size_bytes == len(attachment.content) > 0
        assert attachment.sha256 == hashlib.sha256(attachment.content).hexdigest()
        assert attachment.media_type in ("message/rfc822", "image/png")
        if attachment.media_type == "image/png":
            assert attachment.content.startswith(b"\x89PNG\r\n\x1a\n")
        else:
            assert attachment.content.startswith(b"From: ")
        assert attachment.extortion_contact_id is not None


# -- determinism, progress and refusals -------------------------------------------------------

DIGEST_TABLES: tuple[type | Table, ...] = (
    Victim, victim_breach, IdentityCodeRecord, Case, ExtortionContact, PoliceReport,
    SupportSession, FollowUp, ProtectiveAction, Attachment, Breach,
)


def digest(database: Database) -> str:
    """A hash over every row of the seeded tables, in primary-key order."""
    hasher = hashlib.sha256()
    with database.reading() as db_session:
        for entity in DIGEST_TABLES:
            table = entity if isinstance(entity, Table) else entity.__table__
            # Sealed texts differ in every copy (random nonces): hash what they open to.
            sealed = SEALED_COLUMNS.get(table.name, ()) + SEALED_BYTES.get(table.name, ())
            columns = [c for c in table.columns if c.name not in sealed]
            ordered = select(*columns).order_by(*table.primary_key.columns)
            for row in db_session.execute(ordered):
                hasher.update(repr(tuple(row)).encode())
            if sealed and not isinstance(entity, Table):
                for record in db_session.scalars(select(entity).order_by(entity.id)):
                    hasher.update(repr([getattr(record, name) for name in sealed]).encode())
        for row in db_session.execute(
            select(User.username, User.display_name, User.role).order_by(User.id)
        ):
            hasher.update(repr(tuple(row)).encode())
    return hasher.hexdigest()


def seeded_copy(tmp_path: Path, name: str, seed: int, victims: int = 120) -> str:
    result = create_database(tmp_path / name, username="super", password=PASSWORD, kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=victims, seed=seed, kdf=FAST_KDF,
                  today=TODAY)
        return digest(result.database)
    finally:
        result.database.dispose()


def test_same_seed_and_today_give_the_same_data(tmp_path: Path) -> None:
    first = seeded_copy(tmp_path, "a.db", seed=7)
    assert seeded_copy(tmp_path, "b.db", seed=7) == first
    assert seeded_copy(tmp_path, "c.db", seed=8) != first


#: The digest of seed 1 on TODAY with 600 victims (three slices of 250, 250 and 100).
#: Reorganising the generator must keep it; a deliberate change to the demo data updates it
#: (last: migration 0019 added case_file.intake_note, a column of the digest, empty in the
#: demo data: without it the digest is 0011's, c559196f…).
SEED_1_DIGEST = "b68eb7791ea4a601d17b6febcb064a2dac166911200fb9b905af90f67a1f29fa"


def test_seed_1_gives_the_pinned_rows(tmp_path: Path) -> None:
    assert seeded_copy(tmp_path, "pinned.db", seed=1, victims=600) == SEED_1_DIGEST


def test_progress_is_reported_up_to_the_total(database: Database, supervisor: Actor) -> None:
    calls: list[tuple[int, int]] = []
    seed_demo(database, supervisor, victims=300, kdf=FAST_KDF, today=TODAY,
              progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 300) and calls[-1] == (300, 300)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_refuses_a_database_that_has_victims(database: Database, supervisor: Actor) -> None:
    seed_demo(database, supervisor, victims=10, kdf=FAST_KDF, today=TODAY)
    with pytest.raises(DataError, match="already holds victims"):
        seed_demo(database, supervisor, victims=10, kdf=FAST_KDF, today=TODAY)
    with database.reading() as db_session:
        assert count(db_session, Victim) == 10


def test_only_a_supervisor_may_seed(database: Database, supervisor: Actor) -> None:
    counsellor = Actor(supervisor.user_id, supervisor.username, "x", Role.COUNSELLOR)
    with pytest.raises(PermissionDenied):
        seed_demo(database, counsellor, victims=10, kdf=FAST_KDF, today=TODAY)
    with database.reading() as db_session:
        assert count(db_session, Victim) == 0
        assert count(db_session, User) == 1
    assert not database.load_keyfile().has_slot("user", "counsellor01")
