"""Sign-ins on a server that overlap: the failed sign-ins waiting to be audited are audited
once. Each sign-in reads them behind the writers' lock, in the transaction that audits
them, and forgets them in that same transaction (found in review: two sign-ins that both
read before either forgot audited the same failure twice)."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
from sqlalchemy import func, select

from models import services
from models.domain.entities import AuditEvent
from models.domain.enums import AuditAction, Role
from models.domain.errors import AuthenticationError
from models.storage.notify import conninfo
from models.storage.server import WRITER_LOCK, ServerUrl
from models.storage.store import create_database, open_database
from tests.conftest import FAST_KDF, PASSWORD

STRONG = "Tuuli-Kivi-Järvi-Polku"


def test_sign_ins_that_overlap_audit_a_failed_sign_in_once(server_target: ServerUrl) -> None:
    created = create_database(server_target, username="super", password=PASSWORD,
                              kdf=FAST_KDF)
    services.build(created.database, created.actor).accounts.create_user(
        "kaisa", "Kaisa", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    created.database.dispose()
    with pytest.raises(AuthenticationError):
        open_database(server_target, "super", "not the password at all")

    opened: list[object] = []

    def sign_in(username: str, password: str) -> None:
        database, _actor = open_database(server_target, username, password)
        opened.append(database)

    # Both sign-ins reach their writing unit of work while another writer holds the lock,
    # and go on one after the other when it lets go.
    with psycopg.connect(conninfo(server_target)) as writer:
        writer.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
        threads = [threading.Thread(target=sign_in, args=credentials)
                   for credentials in (("super", PASSWORD), ("kaisa", STRONG))]
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        writer.rollback()
    for thread in threads:
        thread.join(timeout=60)
    assert len(opened) == 2

    database, _actor = open_database(server_target, "super", PASSWORD)
    try:
        with database.reading() as db_session:
            audited = db_session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.action == AuditAction.FAILED_LOGIN.value,
                AuditEvent.detail.like("attempted_at=%")))
    finally:
        database.dispose()
        for other in opened:
            other.dispose()  # type: ignore[attr-defined]
    assert audited == 1
