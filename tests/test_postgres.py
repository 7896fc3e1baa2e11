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
from sqlalchemy import select
from sqlalchemy.engine import make_url

from cli import main as cli
from models import services
from models.demo.seed import seed_demo
from models.domain.dto import CaseDraft, ExtortionContactDraft, SupportSessionDraft, VictimDraft
from models.domain.entities import SupportSession
from models.domain.enums import CaseStatus, Channel, ClosureReason, Currency, SessionMode
from models.domain.errors import AuthenticationError, DataError, UsageError
from models.storage.notify import conninfo
from models.storage.server import ServerUrl, open_server_engine
from models.storage.store import create_database, open_database
from tests.conftest import FAST_KDF, PASSWORD
from tests.helpers import pg_server
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
    assert messages and all(m.startswith("v3:") for m in messages)
    assert notes and all(n.startswith("v3:") for n in notes)
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
                           "'v2:' || substr(message_text, 5)")
    assert cli.run(cli.build_parser().parse_args(args)) == 4
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "altered or moved" in error[0]


def test_blanked_or_moved_notes_are_caught(server_target: ServerUrl) -> None:
    """An administrator who empties a note (past the check constraint), or moves a session
    with its sealed notes to another victim's case, is found out; nothing opens wrongly."""
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    svc = services.build(result.database, result.actor)
    try:
        first = _case_with_secrets(svc)
        other = svc.cases.create_intake(VictimDraft(first_names="Toinen", last_name="Uhri"),
                                        CaseDraft()).id
        with _raw(server_target) as connection:
            with pytest.raises(psycopg.errors.CheckViolation):
                connection.execute("UPDATE support_session SET notes = 'plain words'")
            connection.execute("UPDATE support_session SET case_id = %s WHERE id = "
                               "(SELECT min(id) FROM support_session)", (other,))
        with pytest.raises(DataError, match="altered or moved"):
            svc.cases.get_detail(other)
        with _raw(server_target) as connection:
            connection.execute("UPDATE support_session SET case_id = %s", (first,))
            connection.execute("ALTER TABLE support_session "
                               "DROP CONSTRAINT ck_support_session_notes_sealed")
            connection.execute("UPDATE support_session SET notes = ''")
        with pytest.raises(DataError, match="not sealed"):
            svc.cases.get_detail(first)
    finally:
        result.database.dispose()


def test_server_urls_carry_tls_settings_but_never_a_password() -> None:
    url = ServerUrl.parse("postgresql://suoja@db.example:5433/suoja"
                          "?sslmode=verify-full&sslrootcert=/etc/suoja/ca.pem")
    parsed = make_url(url.url)
    assert parsed.drivername == "postgresql+psycopg"
    assert parsed.query == {"sslmode": "verify-full", "sslrootcert": "/etc/suoja/ca.pem"}
    assert url.display == "suoja on db.example"
    assert "verify-full" in conninfo(url)
    for with_secret in ("postgresql+psycopg://suoja:secret@db.example/suoja",
                        "postgresql://suoja@db.example/suoja?password=secret",
                        "postgresql:///suoja?host=db.example&user=suoja&PASSWORD=secret",
                        "postgresql://suoja@db.example/suoja?sslpassword=secret"):
        with pytest.raises(UsageError, match="password") as refused:
            ServerUrl.parse(with_secret)
        assert "secret" not in str(refused.value)
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


def test_verify_tells_an_outage_from_damage(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    url = "postgresql+psycopg://suoja@127.0.0.1:1/suoja?connect_timeout=2&sslmode=disable"
    assert cli.run(cli.build_parser().parse_args(
        ["verify", "--db-url", url, "--user", "super"])) == 1  # not 4: nothing is damaged
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "cannot be reached" in error[0]


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
        # The planner has the seeded tables' statistics at once, not after autovacuum.
        with result.database.engine.connect() as connection:
            analysed = set(connection.exec_driver_sql(
                "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
            ).scalars())
        assert {"victim", "case_file", "police_report", "extortion_contact"} <= analysed
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
        pg_server.unavailable("pg_dump/pg_restore are not installed")
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=60, kdf=FAST_KDF)
        before = services.build(result.database, result.actor).case_list.count_cases()
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
            assert services.build(database, actor).case_list.count_cases() == before
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
        with _raw(server_target) as connection:
            before = [row[0] for row in connection.execute(
                "SELECT notes FROM support_session UNION ALL "
                "SELECT message_text FROM extortion_contact")]
        svc.cases.set_status(case_id, case.version, CaseStatus.CLOSED,
                             ClosureReason.RESOLVED)
        report = svc.retention.erase_victim(case_id, case.reference)
        assert report.support_sessions_cleared == 2 and not report.compacted
        assert svc.audit.verify().ok
        with result.database.reading() as db_session:  # emptied, and still sealed
            assert [s.notes for s in db_session.scalars(select(SupportSession))] == ["", ""]
    finally:
        result.database.dispose()
    with _raw(server_target) as connection:
        live = "\n".join(str(row) for table in ("victim", "extortion_contact",
                                                "support_session", "case_file")
                         for row in connection.execute(f"SELECT * FROM {table}"))  # noqa: S608
        vacuumed = connection.execute(
            "SELECT count(*) FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL AND "
            "relname IN ('victim', 'extortion_contact', 'support_session')").fetchone()
    assert "Palvelin" not in live
    assert len(before) == 3 and not any(sealed in live for sealed in before)
    assert vacuumed == (3,)


# -- TLS: the URL's settings reach libpq ------------------------------------------------------


def _certificates(folder: Path) -> tuple[Path, Path, bytes, bytes]:
    """A test CA (and an unrelated one) and a server certificate for 127.0.0.1."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def certificate(subject: str, key: ec.EllipticCurvePrivateKey, issuer: str,
                    signer: ec.EllipticCurvePrivateKey, ca: bool) -> x509.Certificate:
        builder = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
                   .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - dt.timedelta(minutes=5))
                   .not_valid_after(now + dt.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), True))
        if not ca:
            import ipaddress

            builder = builder.add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        return builder.sign(signer, hashes.SHA256())

    def pem(cert: x509.Certificate) -> bytes:
        return cert.public_bytes(serialization.Encoding.PEM)

    ca_key, other_key, server_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca = certificate("Suoja test CA", ca_key, "Suoja test CA", ca_key, True)
    other = certificate("Somebody else's CA", other_key, "Somebody else's CA", other_key, True)
    server = certificate("127.0.0.1", server_key, "Suoja test CA", ca_key, False)
    (folder / "root.crt").write_bytes(pem(ca))
    (folder / "other.crt").write_bytes(pem(other))
    key_pem = server_key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.TraditionalOpenSSL,
                                       serialization.NoEncryption())
    return folder / "root.crt", folder / "other.crt", pem(server), key_pem


def test_tls_settings_in_the_url_are_used(tmp_path: Path) -> None:
    root, other, server_cert, server_key = _certificates(tmp_path)
    server, why = pg_server.start(tls=(server_cert, server_key))
    if server is None:
        pg_server.unavailable(f"no TLS test server: {why}")
    try:
        name = server.create_database()
        base = server.url_for(name)
        verified = ServerUrl.parse(f"{base}?sslmode=verify-full&sslrootcert={root}")
        result = create_database(verified, username="super", password=PASSWORD, kdf=FAST_KDF)
        with result.database.engine.connect() as connection:
            assert connection.exec_driver_sql(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar() is True
        result.database.dispose()
        open_database(verified, "super", PASSWORD)[0].dispose()
        # A server whose certificate the given root does not vouch for is refused…
        with pytest.raises(DataError, match="secure \\(TLS\\) connection"):
            open_database(ServerUrl.parse(f"{base}?sslmode=verify-full&sslrootcert={other}"),
                          "super", PASSWORD)
        # A certificate for another name, or no root to check it with: said plainly.
        with pytest.raises(DataError, match="certificate is not for the host"):
            open_database(ServerUrl.parse(
                f"{base.replace('127.0.0.1', 'localhost')}?sslmode=verify-full"
                f"&sslrootcert={root}"), "super", PASSWORD)
        with pytest.raises(DataError, match="root certificate .* is missing"):
            open_database(ServerUrl.parse(
                f"{base}?sslmode=verify-full&sslrootcert={tmp_path / 'nowhere.crt'}"),
                "super", PASSWORD)
        # …and so is a connection that will not use TLS, by the server's rules.
        with pytest.raises(AuthenticationError, match="does not accept"):
            open_database(ServerUrl.parse(f"{base}?sslmode=disable"), "super", PASSWORD)
    finally:
        server.stop()


def test_a_writer_stuck_elsewhere_is_busy_in_plain_words_and_nothing_half_saved(
    server_target: ServerUrl,
) -> None:
    from models.storage.server import WRITER_LOCK

    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    svc = services.build(result.database, result.actor)
    try:
        with _raw(server_target) as other:
            other.autocommit = False
            other.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            with pytest.raises(DataError, match="busy .* try again"):
                svc.cases.create_intake(VictimDraft(first_names="Odottava",
                                                    last_name="Kirjoittaja"), CaseDraft())
            other.rollback()
        assert svc.case_list.count_cases() == 0
        svc.cases.create_intake(VictimDraft(first_names="Odottava", last_name="Kirjoittaja"),
                                CaseDraft())  # the lock is free again
        assert svc.case_list.count_cases() == 1
    finally:
        result.database.dispose()


def test_every_connection_gives_up_waiting_and_drops_dead_transactions(
    server_target: ServerUrl,
) -> None:
    engine = open_server_engine(server_target)
    try:
        with engine.connect() as connection:
            settings = {name: connection.exec_driver_sql(f"SHOW {name}").scalar() for name in
                        ("lock_timeout", "idle_in_transaction_session_timeout",
                         "application_name", "plan_cache_mode",
                         "max_parallel_workers_per_gather", "random_page_cost")}
            used = connection.connection.dbapi_connection.info.get_parameters()
    finally:
        engine.dispose()
    # A search's statement is planned for its values every time (a rare name must not
    # run a broad name's plan), without parallel workers for a page of 100 rows, and for
    # data in memory (models/storage/server_url.py: connect_arguments).
    assert settings == {"lock_timeout": "5s", "idle_in_transaction_session_timeout": "1min",
                        "application_name": "suoja", "plan_cache_mode": "force_custom_plan",
                        "max_parallel_workers_per_gather": "0", "random_page_cost": "1.1"}
    # libpq notices a vanished server (or a cut cable) by TCP keepalives, not in hours.
    assert {k: used.get(k) for k in ("keepalives", "keepalives_idle", "connect_timeout")} == {
        "keepalives": "1", "keepalives_idle": "30", "connect_timeout": "10"}
    # What the URL says itself wins.
    own = ServerUrl.parse(server_target.url + "&keepalives_idle=5")
    engine = open_server_engine(own)
    try:
        with engine.connect() as connection:
            assert connection.connection.dbapi_connection.info.get_parameters()[
                "keepalives_idle"] == "5"
    finally:
        engine.dispose()


@pytest.mark.parametrize("sqlstate, words", [
    ("55P03", "busy"), ("40P01", "busy"), ("08006", "connection to the database server was lost"),
    ("57P01", "connection to the database server was lost"),
    ("25P03", "connection to the database server was lost"),
    ("42501", "did not allow this change"), ("53100", "disk is full"),
])
def test_server_errors_are_known_by_their_code_in_any_language(sqlstate: str,
                                                               words: str) -> None:
    from models.storage.errors import from_database_error

    class Translated(Exception):  # what a server with lc_messages = 'sv_SE' would say
        def __init__(self) -> None:
            super().__init__("FEL:  något gick fel i raden (Testi Testinen, ZQX-ROW-VALUE)")
            self.sqlstate = sqlstate

    known = from_database_error(Translated())
    assert known is not None and words in str(known)
    assert "Testinen" not in str(known) and "ZQX" not in str(known)


def test_verify_notices_events_cut_off_with_an_old_end_marker_put_back(
    server_target: ServerUrl, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The server administrator keeps a copy of the chain's end marker, lets work go on,
    then deletes the newer events and puts the old marker back. The chain itself still
    verifies; the workstation that ran verify before remembers more."""
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    svc = services.build(result.database, result.actor)
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    args = ["verify", "--db-url", server_target.url, "--user", "super"]
    try:
        with _raw(server_target) as connection:
            (seq,), (marker,) = (
                connection.execute("SELECT max(seq) FROM audit_event").fetchone(),
                connection.execute("SELECT value FROM suoja_meta "
                                   "WHERE key = 'audit_head'").fetchone())
        _case_with_secrets(svc)
        assert cli.run(cli.build_parser().parse_args(args)) == 0  # remembers the end
        svc.cases.create_intake(VictimDraft(first_names="Myöhempi", last_name="Tapahtuma"),
                                CaseDraft())
        with _raw(server_target) as connection:
            connection.execute("DELETE FROM audit_event WHERE seq > %s", (seq,))
            connection.execute("UPDATE suoja_meta SET value = %s WHERE key = 'audit_head'",
                               (marker,))
    finally:
        result.database.dispose()
    capsys.readouterr()
    assert cli.run(cli.build_parser().parse_args(args)) == 4
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "no longer holds event" in error[0]
    # After a real restore from an older dump the administrator says so, once.
    assert cli.run(cli.build_parser().parse_args([*args, "--after-restore"])) == 0
    assert "accepted after a restore" in capsys.readouterr().out
    assert cli.run(cli.build_parser().parse_args(args)) == 0


def test_seed_demo_needs_a_throwaway_server_and_init_needs_the_owner(
    pg: PgServer | None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    if pg is None:
        pg_server.unavailable(pg_server.SKIP_REASON)
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    database = pg.create_database()  # empty: init has the schema to build
    server_target = ServerUrl.parse(pg.url_for(database))
    with _raw(server_target) as connection:  # a role that may use, not build, the schema
        connection.execute("DROP ROLE IF EXISTS suoja_app_test")
        connection.execute("CREATE ROLE suoja_app_test LOGIN")
        connection.execute(f'GRANT CONNECT ON DATABASE "{database}" TO suoja_app_test')
        connection.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    app_url = server_target.url.replace("suoja@", "suoja_app_test@", 1)
    try:
        assert cli.run(cli.build_parser().parse_args(
            ["init", "--db-url", app_url, "--user", "super"])) == 4
        error = capsys.readouterr().err.strip().splitlines()
        assert error == ["suoja: This server role may not create Suoja's tables; run init as "
                         "the database's owner role (docs/DEPLOYMENT.md)."]
        assert cli.run(cli.build_parser().parse_args(
            ["init", "--db-url", server_target.url, "--user", "super"])) == 0
        capsys.readouterr()
        seed = ["seed-demo", "--db-url", server_target.url, "--user", "super", "--victims", "5"]
        assert cli.run(cli.build_parser().parse_args(seed)) == 2
        assert "--throwaway-server" in capsys.readouterr().err
        assert cli.run(cli.build_parser().parse_args([*seed, "--throwaway-server"])) == 0
    finally:
        pg.drop_database(database)
        with _raw(ServerUrl.parse(pg.admin_url)) as connection:
            connection.execute("DROP ROLE suoja_app_test")
