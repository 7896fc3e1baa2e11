"""What only a PostgreSQL server has: what its administrator can see, the URL rules, the
key slots in the database, and backups with pg_dump that restore and verify.

Every test needs a server (``server_target``); without one they are skipped with the
reason (see ``tests/helpers/pg_server.py``).
"""

from __future__ import annotations

import base64
import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from models import cli, services
from models.dto import CaseDraft, ExtortionContactDraft, SupportSessionDraft, VictimDraft
from models.enums import CaseStatus, Channel, ClosureReason, Currency, SessionMode
from models.errors import DataError, UsageError
from models.notify import conninfo
from models.seed import seed_demo
from models.server import ServerUrl, open_server_engine
from models.store import create_database, open_database
from tests.conftest import FAST_KDF, PASSWORD
from tests.helpers.pg_server import PgServer

MESSAGE = "Maksa 500 euroa bitcoineina tai julkaisemme muistiinpanosi. ZQX-MESSAGE"
NOTES = "Talked through the threat; she will not pay. ZQX-NOTES"
RECEIVED = dt.datetime(2020, 10, 24, 8, 15, tzinfo=dt.UTC)


def _raw(target: ServerUrl) -> psycopg.Connection:
    """A connection as the database administrator would open one: plain SQL, no key."""
    return psycopg.connect(conninfo(target), autocommit=True)


def _case_with_secrets(svc: services.Services) -> int:
    case = svc.cases.create_intake(VictimDraft(first_names="Aino", last_name="Palvelin"),
                                   CaseDraft())
    svc.records.add_extortion_contact(case.id, ExtortionContactDraft(
        received_at=RECEIVED, channel=Channel.EMAIL, sender="x@example.invalid",
        amount_demanded=Decimal("500"), currency=Currency.EUR, message_text=MESSAGE))
    svc.records.add_support_session(case.id, SupportSessionDraft(
        started_at=RECEIVED + dt.timedelta(days=1), duration_minutes=45,
        mode=SessionMode.PHONE, notes=NOTES))
    svc.records.add_support_session(case.id, SupportSessionDraft(
        started_at=RECEIVED + dt.timedelta(days=2), duration_minutes=30,
        mode=SessionMode.PHONE, notes="A second, shorter call."))
    return case.id


def test_the_database_administrator_sees_only_ciphertext(server_target: ServerUrl) -> None:
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    svc = services.build(result.database, result.actor)
    try:
        case_id = _case_with_secrets(svc)
        detail = svc.cases.get_detail(case_id)
        assert detail.extortion_contacts[0].message_text == MESSAGE
        assert {s.notes for s in detail.support_sessions or ()} >= {NOTES}
        data_key = result.database.data_key
    finally:
        result.database.dispose()
    with _raw(server_target) as connection:
        messages = [r[0] for r in connection.execute("SELECT message_text FROM "
                                                     "extortion_contact")]
        notes = [r[0] for r in connection.execute("SELECT notes FROM support_session")]
        slots = connection.execute("SELECT document FROM suoja_server_state "
                                   "WHERE name = 'key_slots'").fetchone()
        dump = "\n".join(str(row) for table in (
            "extortion_contact", "support_session", "suoja_server_state", "audit_event")
            for row in connection.execute(f"SELECT * FROM {table}"))  # noqa: S608
    assert messages and all(m.startswith("v1:") for m in messages)
    assert notes and all(n.startswith("v1:") for n in notes)
    for secret in ("ZQX-MESSAGE", "ZQX-NOTES", "bitcoineina", "will not pay", PASSWORD):
        assert secret not in dump
    # The key slots are in the database, wrapped: neither the key nor the password shows.
    assert slots is not None and '"kind": "user"' in slots[0] and '"kind": "recovery"' in slots[0]
    for form in (data_key.hex(), base64.b64encode(data_key).decode()):
        assert form not in dump


def test_a_sealed_text_moved_to_another_row_does_not_open(server_target: ServerUrl) -> None:
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    svc = services.build(result.database, result.actor)
    try:
        case_id = _case_with_secrets(svc)
        with _raw(server_target) as connection:
            # The administrator swaps the two sessions' notes.
            connection.execute(
                "UPDATE support_session AS a SET notes = b.notes FROM support_session AS b "
                "WHERE a.id <> b.id")
        with pytest.raises(DataError, match="altered or moved"):
            svc.cases.get_detail(case_id)
    finally:
        result.database.dispose()


def test_verify_names_a_tampered_sealed_text(server_target: ServerUrl,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    try:
        _case_with_secrets(services.build(result.database, result.actor))
    finally:
        result.database.dispose()
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    args = ["verify", "--db-url", server_target.url, "--user", "super"]
    assert cli.run(cli.build_parser().parse_args(args)) == 0
    assert "every link verifies" in capsys.readouterr().out
    with _raw(server_target) as connection:
        connection.execute("UPDATE extortion_contact SET message_text = "
                           "'v1:' || substr(message_text, 5)")
    assert cli.run(cli.build_parser().parse_args(args)) == 4
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "altered or moved" in error[0]


def test_server_urls_carry_tls_settings_but_never_a_password() -> None:
    url = ServerUrl.parse("postgresql://suoja@db.example:5433/suoja"
                          "?sslmode=verify-full&sslrootcert=/etc/suoja/ca.pem")
    parsed = make_url(url.url)
    assert parsed.drivername == "postgresql+psycopg"
    assert parsed.query == {"sslmode": "verify-full", "sslrootcert": "/etc/suoja/ca.pem"}
    assert url.display == "suoja on db.example"
    assert "verify-full" in conninfo(url)
    with pytest.raises(UsageError, match="password"):
        ServerUrl.parse("postgresql+psycopg://suoja:secret@db.example/suoja")
    with pytest.raises(UsageError, match="name the database"):
        ServerUrl.parse("postgresql+psycopg://suoja@db.example")
    with pytest.raises(UsageError, match="Only PostgreSQL"):
        ServerUrl.parse("mysql://suoja@db.example/suoja")
    remembered = url.with_password("typed at the prompt")
    assert "typed at the prompt" not in repr(remembered) + str(remembered) + remembered.url


def test_an_unreachable_server_is_one_plain_sentence() -> None:
    target = ServerUrl.parse("postgresql+psycopg://suoja@127.0.0.1:1/suoja?connect_timeout=2")
    with pytest.raises(DataError, match="cannot be reached") as raised:
        open_server_engine(target)
    assert "\n" not in str(raised.value)


def test_init_refuses_a_server_database_that_is_already_in_use(
    server_target: ServerUrl
) -> None:
    create_database(server_target, username="super", password=PASSWORD,
                    kdf=FAST_KDF).database.dispose()
    with pytest.raises(DataError, match="already holds a Suoja database"):
        create_database(server_target, username="other", password=PASSWORD, kdf=FAST_KDF)


def test_seeded_ids_and_new_records_do_not_collide(server_target: ServerUrl) -> None:
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=40, kdf=FAST_KDF)
        svc = services.build(result.database, result.actor)
        case_id = _case_with_secrets(svc)  # ordinary inserts after explicit-id ones
        assert svc.cases.get_detail(case_id).extortion_contacts[0].message_text == MESSAGE
    finally:
        result.database.dispose()


def test_pg_dump_backup_restores_and_verifies(
    server_target: ServerUrl, pg: PgServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """The deployment guide's backup and restore, as written there."""
    pg_dump, pg_restore = pg.tool("pg_dump"), pg.tool("pg_restore")
    if pg_dump is None or pg_restore is None:
        pytest.skip("pg_dump/pg_restore are not installed")
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=60, kdf=FAST_KDF)
        before = services.build(result.database, result.actor).cases.count_cases()
    finally:
        result.database.dispose()
    dump = tmp_path / "suoja.dump"
    subprocess.run([pg_dump, "--format=custom", "--no-owner", f"--file={dump}",
                    conninfo(server_target)], check=True)
    restored_name = pg.create_database()
    restored = ServerUrl.parse(pg.url_for(restored_name))
    try:
        subprocess.run([pg_restore, "--no-owner", "--exit-on-error",
                        f"--dbname={conninfo(restored)}", str(dump)], check=True)
        monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
        assert cli.run(cli.build_parser().parse_args(
            ["verify", "--db-url", restored.url, "--user", "super"])) == 0
        assert "every link verifies" in capsys.readouterr().out
        database, actor = open_database(restored, "super", PASSWORD)
        try:
            assert services.build(database, actor).cases.count_cases() == before
        finally:
            database.dispose()
    finally:
        pg.drop_database(restored_name)


def test_erasure_on_a_server_leaves_no_personal_data_in_the_tables(
    server_target: ServerUrl,
) -> None:
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    svc = services.build(result.database, result.actor)
    try:
        case_id = _case_with_secrets(svc)
        case = svc.cases.get_detail(case_id).case
        svc.cases.set_status(case_id, case.version, CaseStatus.CLOSED,
                             ClosureReason.RESOLVED)
        report = svc.retention.erase_victim(case_id, case.reference)
        assert report.support_sessions_cleared == 2 and not report.compacted
        assert svc.audit.verify().ok
    finally:
        result.database.dispose()
    with _raw(server_target) as connection:
        live = "\n".join(str(row) for table in ("victim", "extortion_contact",
                                                "support_session", "case_file")
                         for row in connection.execute(f"SELECT * FROM {table}"))  # noqa: S608
        vacuumed = connection.execute(
            "SELECT count(*) FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL AND "
            "relname IN ('victim', 'extortion_contact', 'support_session')").fetchone()
    assert "Palvelin" not in live and "v1:" not in live
    assert vacuumed == (3,)
