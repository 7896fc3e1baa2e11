"""Retention and erasure: personal data goes for good, anonymous statistics stay."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import func, inspect, select, text

from models.demo.seed import seed_demo
from models.domain.changes import Change, ChangeBus
from models.domain.entities import (
    AccessGrant,
    Attachment,
    AuditEvent,
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
from models.domain.enums import AuditAction, CaseStatus, Role
from models.domain.errors import PermissionDenied, ValidationError
from models.domain.text import full_name_key, search_key
from models.domain.validation import generate_temporary_identity_code
from models.security.audit import HEAD_KEY, verify_chain
from models.services.retention import (
    DEFAULT_RETENTION_DAYS,
    ERASED_NAME,
    ErasableCase,
    RetentionService,
)
from models.storage.database import keyfile_path
from models.storage.keyfile import SLOT_USER, KeyFile
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD

PAGE = 4096
RESERVED = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 at the end of every page
REFERENCE = "SUO-2018-09999"
OLD_CODE = generate_temporary_identity_code(dt.date(1939, 5, 17), 942)
NEW_CODE = generate_temporary_identity_code(dt.date(1939, 5, 17), 943)
WALLET = "bc1qzyxwvuttinenwalletq9p8o7i6u5y4t3r2e1w0"
#: Everything personal about the victim below; none of it may survive the erasure.
SECRETS = (
    "Ilmatar Kyllikki", "Zyxwvuttinen", "zyxwvuttinen", OLD_CODE, NEW_CODE, "+447700900050",
    "ilmatar.zyxwvuttinen@erasure.invalid", "Zyxwvutinpolku 13", "Zyxwvula",
    "ZYX-SAFE-NOTE", "ZYX-RISK", "ZYX-MESSAGE", "+447700900051", WALLET, "4400/R/98765/20",
    "ZYX-INTAKE", "ZYX-SESSION-NOTES", "ZYX-OUTCOME", "ZYX-TASK", "ZYX-ACTION-NOTE", "ZYX-EVIDENCE",
    "ZYX-GRANT-REASON", "ZYX-ATTACHMENT-BYTES", "zyx-evidence.eml", "ZYX-CODE-NOTE",
)
TODAY = dt.date(2026, 11, 29)


# -- fixtures ----------------------------------------------------------------------------


@pytest.fixture
def seeded(database: Database, supervisor: Actor) -> Database:
    seed_demo(database, supervisor, victims=30, seed=1, kdf=FAST_KDF, today=TODAY)
    return database


@pytest.fixture
def case_id(seeded: Database) -> int:
    """A closed case full of distinctive personal data, and of statistics."""
    at = dt.datetime(2020, 10, 24, 9, 30, tzinfo=dt.UTC)
    with seeded.writing() as db_session:
        counsellor = db_session.scalars(
            select(User.id).where(User.username == "counsellor01")).one()
        victim = Victim(
            first_names="Ilmatar Kyllikki", last_name="Zyxwvuttinen",
            search_first_names=search_key("Ilmatar Kyllikki"),
            search_last_name=search_key("Zyxwvuttinen"),
            search_full_name=full_name_key("Ilmatar Kyllikki", "Zyxwvuttinen"),
            identity_code=NEW_CODE, birth_date=dt.date(1939, 5, 17), phone="+447700900050",
            email="ilmatar.zyxwvuttinen@erasure.invalid", street_address="Zyxwvutinpolku 13",
            postal_code="99990", city="Zyxwvula", language="sv", may_email=True,
            safe_contact_note="ZYX-SAFE-NOTE: never call before 18", consent_given=True,
            consent_date=dt.date(2020, 10, 24),
        )
        db_session.add(victim)
        db_session.flush()
        db_session.execute(victim_breach.insert().values(victim_id=victim.id, breach_id=1))
        db_session.add_all([
            IdentityCodeRecord(victim_id=victim.id, identity_code=OLD_CODE, valid_from=at,
                               valid_to=at + dt.timedelta(days=300), note="ZYX-CODE-NOTE"),
            IdentityCodeRecord(victim_id=victim.id, identity_code=NEW_CODE,
                               valid_from=at + dt.timedelta(days=300)),
        ])
        case = Case(
            reference=REFERENCE, victim_id=victim.id, status=CaseStatus.CLOSED.value,
            closure_reason="resolved", assigned_to_id=counsellor, risk_level="high",
            risk_reason="ZYX-RISK: ex-partner named in the notes",
            intake_note="ZYX-INTAKE: came via the helpline, lives with her sister",
            opened_on=dt.date(2020, 10, 24), closed_on=dt.date(2021, 1, 15),
        )
        db_session.add(case)
        db_session.flush()
        contacts = [
            ExtortionContact(
                case_id=case.id, received_at=at + dt.timedelta(hours=i), channel="sms",
                sender="+447700900051", amount_demanded=Decimal(200 + 300 * i),
                currency="EUR", wallet_address=WALLET,
                deadline_at=at + dt.timedelta(hours=24 + i),
                message_text=f"ZYX-MESSAGE {i}: Hei Ilmatar, maksa tai muistiinpanot julki",
                paid=i == 1, amount_paid=Decimal(500) if i == 1 else None,
                handed_to_police=True,
            )
            for i in range(3)
        ]
        db_session.add_all(contacts)
        db_session.flush()
        db_session.add_all([
            PoliceReport(case_id=case.id, report_number="4400/R/98765/20",
                         department="Itä-Uudenmaan poliisilaitos",
                         filed_on=dt.date(2020, 10, 26), state="under_investigation",
                         victim_has_copy=True),
            *[SupportSession(case_id=case.id, counsellor_id=counsellor,
                             started_at=at + dt.timedelta(days=i), duration_minutes=30 + i,
                             mode="phone", notes=f"ZYX-SESSION-NOTES {i}: talked about mother",
                             distress_level=7, outcome=f"ZYX-OUTCOME {i}", referral="riku")
              for i in range(4)],
            *[FollowUp(case_id=case.id, due_on=dt.date(2020, 11, i + 1),
                       assignee_id=counsellor, description=f"ZYX-TASK {i}: call Ilmatar",
                       done=True, done_at=at + dt.timedelta(days=8 + i)) for i in range(2)],
            ProtectiveAction(case_id=case.id, type_code="bank_notified", state="done",
                             state_on=dt.date(2020, 10, 27), note="ZYX-ACTION-NOTE"),
            ProtectiveAction(case_id=case.id, type_code="identity_code_change", state="done",
                             state_on=dt.date(2020, 11, 2), grounds="safety_threat",
                             evidence="ZYX-EVIDENCE: police threat assessment",
                             decision="granted", decision_on=dt.date(2021, 8, 20)),
            AccessGrant(user_id=counsellor, case_id=case.id, reason="ZYX-GRANT-REASON",
                        granted_at=at, expires_at=at + dt.timedelta(hours=4)),
        ])
        content = b"From: +447700900051\r\n\r\nZYX-ATTACHMENT-BYTES Ilmatar Zyxwvuttinen\r\n"
        db_session.add(Attachment(
            case_id=case.id, extortion_contact_id=contacts[0].id, filename="zyx-evidence.eml",
            media_type="message/rfc822", size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(), content=content, added_by_id=counsellor,
        ))
        return case.id


def _service(database: Database, actor: Actor, changes: ChangeBus | None = None
             ) -> RetentionService:
    return RetentionService(database, actor, changes or ChangeBus())


def _actor(database: Database, username: str) -> Actor:
    with database.reading() as db_session:
        user = db_session.scalars(select(User).where(User.username == username)).one()
        return Actor(user.id, user.username, user.display_name, Role(user.role))


# -- what the checks look at -------------------------------------------------------------


SEALED_SECRETS = ("ZYX-MESSAGE", "ZYX-SESSION-NOTES", "ZYX-ATTACHMENT-BYTES")


def _raw(secret: str | bytes) -> bytes:
    return secret if isinstance(secret, bytes) else secret.encode()


def _sealed_texts(database: Database, case_id: int) -> list[str | bytes]:
    """The stored (sealed) forms of the case's message and session-note texts, and a
    stretch of its sealed evidence file (the whole may span several pages)."""
    with database.reading() as db_session:
        contacts = db_session.scalars(
            select(ExtortionContact).where(ExtortionContact.case_id == case_id)).all()
        sessions = db_session.scalars(
            select(SupportSession).where(SupportSession.case_id == case_id)).all()
        files = db_session.scalars(
            select(Attachment).where(Attachment.case_id == case_id)).all()
        return [c.message_text_sealed for c in contacts if "ZYX-MESSAGE" in c.message_text] + [
            x.notes_sealed for x in sessions if "ZYX-SESSION-NOTES" in x.notes] + [
            f.content_sealed[15:47] for f in files if b"ZYX-ATTACHMENT-BYTES" in f.content]


def _rows_holding(database: Database, value: str | bytes) -> list[str]:
    """Every ``table.column`` in which some row holds ``value`` (text or bytes)."""
    hits: list[str] = []
    with database.engine.connect() as connection:
        for table_name in inspect(connection).get_table_names():
            for column in inspect(connection).get_columns(table_name):
                found = connection.execute(
                    text(f'SELECT count(*) FROM "{table_name}" '
                         f'WHERE instr(CAST("{column["name"]}" AS BLOB), :needle) > 0'),
                    {"needle": value if isinstance(value, bytes) else value.encode()},
                ).scalar_one()
                if found:
                    hits.append(f"{table_name}.{column['name']}")
    return hits


def _decrypt_page(page: bytes, key: bytes, *, first: bool) -> bytes:
    start = 16 if first else 0  # page 1 begins with the file's salt
    iv = page[PAGE - RESERVED : PAGE - RESERVED + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVED]) + decryptor.finalize()


def _decrypted_file(path: Path, key: bytes) -> bytes:
    """Every page of the database file and of its write-ahead log, decrypted.

    Free pages and old page versions included: what someone holding the key (or a
    future leak of it) could recover from the files.
    """
    plain = bytearray()
    data = path.read_bytes()
    for offset in range(0, len(data) - PAGE + 1, PAGE):
        plain += _decrypt_page(data[offset : offset + PAGE], key, first=offset == 0)
    wal = path.with_name(path.name + "-wal")
    log = wal.read_bytes() if wal.exists() else b""
    position = 32  # WAL header, then frames of a 24-byte header and one page
    while position + 24 + PAGE <= len(log):
        page_number = int.from_bytes(log[position : position + 4], "big")
        plain += _decrypt_page(log[position + 24 : position + 24 + PAGE], key,
                               first=page_number == 1)
        position += 24 + PAGE
    return bytes(plain)


def _statistics(database: Database, case_id: int) -> dict[str, Any]:
    """Everything erasure promises to keep about one case."""
    with database.reading() as db_session:
        def rows(*columns: Any) -> list[tuple[Any, ...]]:
            entity = columns[0].class_
            return [tuple(row) for row in db_session.execute(
                select(*columns).where(entity.case_id == case_id).order_by(entity.id))]

        case = db_session.get(Case, case_id)
        assert case is not None
        victim = case.victim
        return {
            "case": (case.reference, case.status, case.closure_reason, case.risk_level,
                     case.assigned_to_id, case.opened_on, case.closed_on),
            "victim": (victim.id, victim.language, victim.country, victim.consent_given,
                       victim.consent_date, sorted(b.id for b in victim.breaches)),
            "contacts": rows(ExtortionContact.received_at, ExtortionContact.channel,
                             ExtortionContact.amount_demanded, ExtortionContact.currency,
                             ExtortionContact.deadline_at, ExtortionContact.paid,
                             ExtortionContact.amount_paid, ExtortionContact.handed_to_police),
            "reports": rows(PoliceReport.department, PoliceReport.filed_on,
                            PoliceReport.state, PoliceReport.victim_has_copy),
            "sessions": rows(SupportSession.counsellor_id, SupportSession.started_at,
                             SupportSession.duration_minutes, SupportSession.mode,
                             SupportSession.referral, SupportSession.follow_up_id),
            "follow_ups": rows(FollowUp.due_on, FollowUp.assignee_id, FollowUp.done,
                               FollowUp.done_at),
            "actions": rows(ProtectiveAction.type_code, ProtectiveAction.state,
                            ProtectiveAction.state_on, ProtectiveAction.expires_on,
                            ProtectiveAction.decision, ProtectiveAction.decision_on),
            "grants": rows(AccessGrant.user_id, AccessGrant.granted_at, AccessGrant.expires_at),
        }


def _everything(database: Database, *, but_case: int | None = None) -> str:
    """A checksum over every row of every table (optionally leaving one case out)."""
    digest = hashlib.sha256()
    victim_id = None
    if but_case is not None:
        with database.reading() as db_session:
            victim_id = db_session.scalar(select(Case.victim_id).where(Case.id == but_case))
    with database.engine.connect() as connection:
        for table_name in sorted(inspect(connection).get_table_names()):
            if but_case is not None and table_name == "audit_event":
                continue
            names = [c["name"] for c in inspect(connection).get_columns(table_name)]
            columns = set(names)
            where = ""
            if but_case is not None:
                if table_name == "suoja_meta":  # the audit chain's head moves on, and
                    # the erasure ledger gains the case's line (ids, a date, a signature)
                    where = (f" WHERE key != '{HEAD_KEY}'"
                             f" AND key NOT LIKE 'erasure:{but_case}:%'")
                elif table_name == "case_file":
                    where = f" WHERE id != {but_case}"
                elif table_name == "victim":
                    where = f" WHERE id != {victim_id}"
                elif "case_id" in columns:
                    where = f" WHERE case_id != {but_case}"
                elif "victim_id" in columns:
                    where = f" WHERE victim_id != {victim_id}"
            rows = connection.execute(
                text(f'SELECT * FROM "{table_name}"{where} ORDER BY '
                     + ", ".join(str(i + 1) for i in range(len(names))))).all()
            digest.update(repr((table_name, [tuple(r) for r in rows])).encode())
    return digest.hexdigest()


# -- erasure ---------------------------------------------------------------------------


def test_erasure_leaves_no_trace_of_the_person(seeded: Database, supervisor: Actor,
                                               case_id: int, db_path: Path) -> None:
    key = KeyFile.load(keyfile_path(db_path)).unwrap(SLOT_USER, "super", PASSWORD).storage
    before_plain = _decrypted_file(db_path, key)
    # The message and the session notes are sealed (models.domain.sealed): the rows hold their
    # ciphertexts, which must go too.
    sealed = _sealed_texts(seeded, case_id)
    assert any(isinstance(s, bytes) for s in sealed)
    assert all(isinstance(s, bytes) or s.startswith(("v2:", "v3:")) for s in sealed)
    secrets = [*[s for s in SECRETS if s not in SEALED_SECRETS], *sealed]
    for secret in SEALED_SECRETS:
        assert _rows_holding(seeded, secret) == [], secret
    for secret in secrets:  # the checks below can see them while they are there
        assert _rows_holding(seeded, secret), secret
        assert _raw(secret) in before_plain, secret
    statistics = _statistics(seeded, case_id)
    others = _everything(seeded, but_case=case_id)
    announced: list[Change] = []
    changes = ChangeBus()
    changes.subscribe(announced.append)

    report = _service(seeded, supervisor, changes).erase_victim(case_id, f" {REFERENCE} ")

    assert (report.reference, report.attachments_deleted, report.identity_codes_deleted,
            report.extortion_contacts_cleared, report.police_reports_cleared,
            report.support_sessions_cleared, report.follow_ups_cleared,
            report.protective_actions_cleared, report.access_grants_cleared) == (
        REFERENCE, 1, 2, 3, 1, 4, 2, 2, 1)
    assert report.past_retention and report.compacted
    # Logically: no row of any table holds any of it.
    for secret in secrets:
        assert _rows_holding(seeded, secret) == [], secret
    # Physically: not in any page of the file or its log, free pages included.
    after_plain = _decrypted_file(db_path, key)
    for secret in secrets:
        assert _raw(secret) not in after_plain, secret
    assert db_path.with_name(db_path.name + "-wal").stat().st_size == 0
    # The statistics, and every other case, are as they were.
    assert _statistics(seeded, case_id) == statistics
    assert _everything(seeded, but_case=case_id) == others
    with seeded.reading() as db_session:
        victim = db_session.scalars(select(Victim).join(Case).where(Case.id == case_id)).one()
        assert (victim.first_names, victim.last_name, victim.search_full_name) == (
            "", ERASED_NAME, "")
        assert (victim.identity_code, victim.phone, victim.email, victim.birth_date) == (
            None, None, None, None)
        assert db_session.scalar(select(func.count()).select_from(Attachment).where(
            Attachment.case_id == case_id)) == 0
        assert verify_chain(db_session, seeded.chain_key).ok
        event = db_session.scalars(select(AuditEvent).where(
            AuditEvent.action == AuditAction.ERASE.value)).one()
        assert (event.entity, event.entity_id, event.case_id, event.user_id) == (
            "victim", victim.id, case_id, supervisor.user_id)
        assert event.detail.startswith(
            "reason=unspecified retention=due attachments=1 identity_codes=2 contacts=3")
    assert announced == [Change("case", (case_id,), (case_id,))]


@pytest.mark.parametrize("username", ["counsellor01", "liaison01", "admin01"])
def test_only_a_supervisor_may_erase(seeded: Database, case_id: int, username: str) -> None:
    before = _everything(seeded)
    service = _service(seeded, _actor(seeded, username))
    with pytest.raises(PermissionDenied, match="Only a supervisor can erase a victim's data."):
        service.erase_victim(case_id, REFERENCE)
    with pytest.raises(PermissionDenied):
        service.list_erasable()
    if username == "admin01":  # an administrator types in the period the DPO decides
        assert service.set_retention_days(400) == 400
        return
    with pytest.raises(PermissionDenied, match="administrator or a supervisor"):
        service.set_retention_days(400)
    assert _everything(seeded) == before


def test_an_open_case_is_refused(seeded: Database, supervisor: Actor) -> None:
    with seeded.reading() as db_session:
        case_id, reference = db_session.execute(
            select(Case.id, Case.reference).where(Case.status == CaseStatus.OPEN.value)
            .limit(1)).one()
    before = _everything(seeded)
    with pytest.raises(ValidationError, match="only a closed case can be erased"):
        _service(seeded, supervisor).erase_victim(case_id, reference)
    assert _everything(seeded) == before


@pytest.mark.parametrize("typed", ["", "SUO-2018-09998", "suo-2018-09999", "SUO-2018"])
def test_a_wrong_confirmation_changes_nothing(seeded: Database, supervisor: Actor,
                                              case_id: int, typed: str) -> None:
    before = _everything(seeded)
    with pytest.raises(ValidationError) as refused:
        _service(seeded, supervisor).erase_victim(case_id, typed)
    assert str(refused.value) == (
        "Confirmation: type the case reference exactly to confirm the erasure")
    assert _everything(seeded) == before


def test_erasing_twice_is_refused(seeded: Database, supervisor: Actor, case_id: int) -> None:
    service = _service(seeded, supervisor)
    service.erase_victim(case_id, REFERENCE)
    before = _everything(seeded)
    with pytest.raises(ValidationError, match="erased already"):
        service.erase_victim(case_id, REFERENCE)
    assert _everything(seeded) == before


def test_an_early_erasure_is_recorded_as_such(seeded: Database, supervisor: Actor,
                                              case_id: int) -> None:
    service = _service(seeded, supervisor)
    service.set_retention_days(100 * 365)
    assert not service.erase_victim(case_id, REFERENCE).past_retention
    with seeded.reading() as db_session:
        detail = db_session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == AuditAction.ERASE.value)).one()
    assert detail.startswith("reason=unspecified retention=early ")


# -- retention -----------------------------------------------------------------------------


def test_retention_period_defaults_and_is_set_by_a_supervisor(seeded: Database,
                                                              supervisor: Actor) -> None:
    service = _service(seeded, supervisor)
    assert service.retention_days() == DEFAULT_RETENTION_DAYS == 1825
    assert service.set_retention_days(400) == 400
    assert _service(seeded, _actor(seeded, "counsellor01")).retention_days() == 400
    for wrong in (0, 29, 100 * 365 + 1):
        with pytest.raises(ValidationError, match="Retention period"):
            service.set_retention_days(wrong)
    with seeded.reading() as db_session:
        event = db_session.scalars(select(AuditEvent).where(
            AuditEvent.entity == "retention")).one()
        assert (event.action, event.detail) == ("update", "retention_days 1825 -> 400")


def test_list_erasable(seeded: Database, supervisor: Actor, case_id: int) -> None:
    service = _service(seeded, supervisor)
    # Five years after 2021-01-15 is 2026-01-14: due from 2026-01-15 on.
    assert ErasableCase(case_id, REFERENCE, dt.date(2021, 1, 15), 1) in service.list_erasable(
        today=dt.date(2026, 1, 15))
    assert case_id not in [c.case_id for c in service.list_erasable(today=dt.date(2026, 1, 14))]

    service.set_retention_days(30)
    with seeded.reading() as db_session:
        closed = db_session.execute(
            select(Case.id, Case.closed_on).where(Case.status == CaseStatus.CLOSED.value)
        ).all()
    due = service.list_erasable(today=TODAY)
    expected = sorted((closed_on, cid) for cid, closed_on in closed
                      if closed_on is not None and closed_on + dt.timedelta(days=30) < TODAY)
    assert [(c.closed_on, c.case_id) for c in due] == expected
    assert len(due) >= 3  # the seed closes about a fifth of the cases
    assert all(c.days_past_retention == (TODAY - c.closed_on).days - 30 for c in due)

    service.erase_victim(case_id, REFERENCE)
    assert case_id not in [c.case_id for c in service.list_erasable(today=TODAY)]
    assert len(service.list_erasable(today=TODAY)) == len(due) - 1


def test_erased_case_keeps_its_place_in_the_records(seeded: Database, supervisor: Actor,
                                                    case_id: int) -> None:
    """The audit trail still refers to the case and victim ids; nothing dangles."""
    _service(seeded, supervisor).erase_victim(case_id, REFERENCE)
    with seeded.reading() as db_session:
        assert db_session.get(Case, case_id) is not None
        problems = db_session.execute(text("PRAGMA foreign_key_check")).all()
    assert problems == []


def test_erasure_while_another_window_reads(seeded: Database, supervisor: Actor,
                                            case_id: int, db_path: Path) -> None:
    """A reader holding an old snapshot delays truncating the log, not the erasure."""
    with seeded.reading() as reader:
        reader.scalar(select(func.count()).select_from(Victim))  # holds a read snapshot
        report = _service(seeded, supervisor).erase_victim(case_id, REFERENCE)
    assert not report.compacted
    for secret in ("Zyxwvuttinen", WALLET):
        assert _rows_holding(seeded, secret) == []
    key = KeyFile.load(keyfile_path(db_path)).unwrap(SLOT_USER, "super", PASSWORD).storage
    assert b"Zyxwvuttinen" in _decrypted_file(db_path, key)  # old frames of the log
    # Once the reader is gone, the next checkpoint (any erasure runs one) truncates it.
    raw = seeded.engine.raw_connection()
    try:
        assert raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    finally:
        raw.close()
    assert b"Zyxwvuttinen" not in _decrypted_file(db_path, key)
