"""The audit chain: every edit, deletion or reordering of events is detected."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from models.domain.entities import AuditEvent
from models.domain.enums import AuditAction
from models.security.audit import verify_chain
from models.storage.unit_of_work import Database

pytestmark = pytest.mark.both_databases


def _write_events(database: Database, count: int) -> None:
    with database.writing() as db_session:
        for number in range(count):
            database.audit.record(db_session, user_id=1, action=AuditAction.VIEW,
                                  entity="case", entity_id=number, case_id=number)


def _verify(database: Database):  # type: ignore[no-untyped-def]
    with database.reading() as db_session:
        return verify_chain(db_session, database.chain_key)


def test_intact_chain_verifies(database: Database) -> None:
    _write_events(database, 20)
    report = _verify(database)
    assert report.ok and report.events == 21  # + the init event


@pytest.mark.parametrize(
    "tamper, broken_seq, words",
    [
        (update(AuditEvent).where(AuditEvent.seq == 7).values(entity_id=999), 7, "changed"),
        (update(AuditEvent).where(AuditEvent.seq == 5).values(action="export"), 5, "changed"),
        (delete(AuditEvent).where(AuditEvent.seq == 9), 9, "missing"),
    ],
)
def test_tampering_names_the_first_broken_link(
    database: Database, tamper: object, broken_seq: int, words: str
) -> None:
    _write_events(database, 20)
    with database.writing() as db_session:
        db_session.execute(tamper)  # type: ignore[call-overload]
    report = _verify(database)
    assert not report.ok
    assert report.first_broken_seq == broken_seq
    assert words in report.problem and str(broken_seq) in report.problem


def test_cutting_events_off_the_end_is_detected(database: Database) -> None:
    _write_events(database, 10)
    with database.writing() as db_session:
        db_session.execute(delete(AuditEvent).where(AuditEvent.seq >= 9))
    report = _verify(database)
    assert report.first_broken_seq == 9
    assert "removed from the end" in report.problem


def test_reordering_is_detected(database: Database) -> None:
    _write_events(database, 10)
    with database.writing() as db_session:
        # Swap two events' sequence numbers (via a free number, seq is unique).
        db_session.execute(update(AuditEvent).where(AuditEvent.seq == 4).values(seq=-1))
        db_session.execute(update(AuditEvent).where(AuditEvent.seq == 5).values(seq=4))
        db_session.execute(update(AuditEvent).where(AuditEvent.seq == -1).values(seq=5))
    report = _verify(database)
    assert report.first_broken_seq == 4


def test_recomputed_hash_without_the_key_is_detected(database: Database) -> None:
    """Someone who edits an event and fixes up a plain SHA-256 still breaks the chain."""
    import hashlib

    _write_events(database, 5)
    with database.writing() as db_session:
        event = db_session.scalar(select(AuditEvent).where(AuditEvent.seq == 3))
        assert event is not None
        event.detail = "edited"
        event.chain_hash = hashlib.sha256(b"forged").hexdigest()
    assert _verify(database).first_broken_seq == 3


def test_events_hold_no_personal_data_columns() -> None:
    columns = set(AuditEvent.__table__.columns.keys())
    assert columns == {
        "id", "seq", "occurred_at", "user_id", "action", "entity", "entity_id", "case_id",
        "detail", "prev_hash", "chain_hash", "signer", "signature",
    }
