"""Insider finding H1, second half: an audit trail and account records that a key holder
cannot quietly rewrite (issue 16, item 4).

Before: every account held the chain's key, and account rows were covered by nothing. A
counsellor (or police liaison, or administrator) with a script and their own password
could set their own role to supervisor and sign in with it, delete an audit event and
re-chain every later one, or add an event in a supervisor's name; ``verify`` then said
"no problems found".

Each attacker here signs in with their own password as the app does (so a script has
the database open and every key their role holds: the chain's, their own signing key)
and then writes SQL, as a script could.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from cli import main as cli
from models import services
from models.domain.dto import CaseDraft, CaseFilter, SupportSessionDraft, VictimDraft
from models.domain.entities import AuditEvent, Meta, User
from models.domain.enums import AuditAction, Role
from models.domain.errors import AuthenticationError, DataError
from models.security import audit, signatures
from models.services.audit_log import AuditQuery
from models.storage.keyfile import SLOT_USER
from models.storage.server import ServerUrl
from models.storage.store import load_key_slots, open_database, recover_account
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD

STRONG = "Tuuli-Kivi-Järvi-Polku"
NEW_PASSWORD = "Uusi-Salainen-Lause-42"
ATTACKERS = [Role.COUNSELLOR, Role.POLICE_LIAISON, Role.ADMINISTRATOR]

pytestmark = pytest.mark.both_databases


@pytest.fixture
def boss(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.fixture
def staff(boss: services.Services) -> dict[Role, str]:
    """One account of every role, created by the supervisor: role -> username."""
    names = {Role.COUNSELLOR: "kaisa", Role.POLICE_LIAISON: "leena",
             Role.ADMINISTRATOR: "aapo"}
    for role, name in names.items():
        boss.accounts.create_user(name, name.title(), role, STRONG, kdf=FAST_KDF)
    case = boss.cases.create_intake(VictimDraft(first_names="Testi", last_name="Uhri"),
                                    CaseDraft())
    boss.records.add_support_session(case.id, SupportSessionDraft(
        started_at=dt.datetime(2024, 3, 1, 10, tzinfo=dt.UTC), notes="Muistiinpano"))
    return {**names, Role.SUPERVISOR: "super"}


def _ids(boss: services.Services) -> dict[str, int]:
    return {user.username: user.id for user in boss.accounts.list_users()}


def _verify(target: Target, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str], *, user: str = "super",
            password: str = PASSWORD) -> tuple[int, str]:
    """``suoja verify`` as ``user``: (exit code, what it printed)."""
    where = (["--db-url", target.url] if isinstance(target, ServerUrl)
             else ["--db", str(target)])
    capsys.readouterr()
    monkeypatch.setenv("SUOJA_PASSWORD", password)
    code = cli.run(cli.build_parser().parse_args(["verify", *where, "--user", user]))
    monkeypatch.delenv("SUOJA_PASSWORD")
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _as_script(target: Target, username: str, *statements: str, **values: object) -> None:
    """What a script does with ``username``'s own password: opens the database as the app
    does and runs ``statements`` (SQL, with ``values`` bound) in one transaction."""
    mine, _actor = open_database(target, username, STRONG)
    try:
        with mine.engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement), values)
    finally:
        mine.dispose()


def _rechain(db_session: Session, chain_key: bytes) -> None:
    """What a script with the chain's key does after editing the trail: number the
    events 1, 2, 3… again, recompute every link and the end marker."""
    previous = audit.GENESIS_HASH
    events = list(db_session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
    for number, event in enumerate(events, start=1):
        if event.seq != number:
            event.seq = number
            db_session.flush()  # one at a time: seq is unique
        event.prev_hash = previous
        event.chain_hash = audit._event_mac(chain_key, event)
        previous = event.chain_hash
    db_session.flush()
    db_session.merge(Meta(key=audit.HEAD_KEY, value=f"{len(events)}:"
                          f"{audit._head_mac(chain_key, len(events), previous)}"))


# -- (a) one's own role ----------------------------------------------------------------


@pytest.mark.parametrize("role", ATTACKERS, ids=lambda role: role.value)
def test_an_account_that_sets_its_own_role_with_a_script_cannot_sign_in_with_it(
        boss: services.Services, target: Target, staff: dict[Role, str], role: Role,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    username = staff[role]
    _as_script(target, username, "UPDATE user_account SET role = 'supervisor' "
               "WHERE username = :name", name=username)

    # Refused by the record's signature (a police liaison or an administrator also
    # lacks the care key a supervisor holds: refused for that first).
    expected = DataError if role is Role.COUNSELLOR else (DataError, AuthenticationError)
    with pytest.raises(expected) as refused:
        open_database(target, username, STRONG)
    if role is Role.COUNSELLOR:
        assert "Sign-in refused" in str(refused.value)

    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4, output
    assert username in output and "outside Suoja" in output
    report = boss.audit.verify()
    assert not report.ok and username in report.problem


def test_an_account_unlocked_with_a_script_cannot_sign_in(
        boss: services.Services, target: Target, staff: dict[Role, str],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A colleague's script unlocks a locked counsellor's row again (the keys were
    rotated by the lock, so the keys refuse too; the record says why first)."""
    ids = _ids(boss)
    boss.accounts.set_active(ids["kaisa"], False)
    other, _actor = open_database(target, "leena", STRONG)
    try:
        with other.engine.begin() as connection:
            connection.execute(text("UPDATE user_account SET is_active = :yes "
                                    "WHERE username = 'kaisa'"), {"yes": True})
    finally:
        other.dispose()
    with pytest.raises((DataError, AuthenticationError)):
        open_database(target, "kaisa", STRONG)
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4 and "kaisa" in output, output


# -- (b) an event deleted and the chain rebuilt ------------------------------------------


@pytest.mark.parametrize("role", ATTACKERS, ids=lambda role: role.value)
def test_an_event_deleted_and_the_chain_rebuilt_with_the_chain_key_is_named(
        boss: services.Services, target: Target, staff: dict[Role, str], role: Role,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    mine, _actor = open_database(target, staff[role], STRONG)
    try:
        with Session(mine.engine) as db_session, db_session.begin():
            total = db_session.scalar(select(AuditEvent.seq).order_by(
                AuditEvent.seq.desc()).limit(1))
            assert total is not None and total > 6
            gone = total // 2
            db_session.execute(delete(AuditEvent).where(AuditEvent.seq == gone))
            _rechain(db_session, mine.chain_key)
        with mine.reading() as db_session:  # the HMAC chain alone is whole again
            try:
                assert audit.verify_chain(db_session, mine.chain_key, signatures=False).ok
            except TypeError:  # before events were signed
                assert audit.verify_chain(db_session, mine.chain_key).ok
    finally:
        mine.dispose()

    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4, output
    assert f"Audit event {gone} " in output
    report = boss.audit.verify()
    assert report.first_broken_seq == gone


# -- (c) an event forged in a supervisor's name ------------------------------------------

#: How the forger signs: not at all; with their own key, naming the supervisor as the
#: signer; with their own key and their own name (the event still names the supervisor).
FORGERIES = ([(Role.COUNSELLOR, way) for way in ("unsigned", "claims", "own")]
             + [(role, "claims") for role in (Role.POLICE_LIAISON, Role.ADMINISTRATOR)]
             + [(role, "own") for role in (Role.POLICE_LIAISON, Role.ADMINISTRATOR)])


@pytest.mark.parametrize(("role", "way"), FORGERIES,
                         ids=[f"{role.value}-{way}" for role, way in FORGERIES])
def test_an_event_forged_in_a_supervisors_name_is_named(
        boss: services.Services, target: Target, staff: dict[Role, str], role: Role,
        way: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    ids = _ids(boss)
    mine, _actor = open_database(target, staff[role], STRONG)
    try:
        with Session(mine.engine) as db_session, db_session.begin():
            last = db_session.scalars(select(AuditEvent).order_by(
                AuditEvent.seq.desc()).limit(1)).one()
            forged = AuditEvent(
                seq=last.seq + 1, occurred_at=dt.datetime.now(dt.UTC),
                user_id=ids["super"], action=AuditAction.REVEAL.value, entity="case",
                entity_id=1, case_id=1, detail="", prev_hash=last.chain_hash)
            forged.chain_hash = audit._event_mac(mine.chain_key, forged)
            signed_message = getattr(audit, "signed_message", None)
            if signed_message is not None and way != "unsigned":  # the columns exist
                signer = f"user:{ids['super'] if way == 'claims' else ids[staff[role]]}"
                assert mine.identity is not None
                forged.signer = signer  # type: ignore[attr-defined]
                forged.signature = audit.encode_signature(  # type: ignore[attr-defined]
                    mine.identity.signing.sign(signed_message(forged, signer)))
            db_session.add(forged)
            db_session.merge(Meta(key=audit.HEAD_KEY, value=f"{forged.seq}:" + audit._head_mac(
                mine.chain_key, forged.seq, forged.chain_hash)))
            seq = forged.seq
    finally:
        mine.dispose()

    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4, output
    assert f"Audit event {seq} " in output
    assert boss.audit.verify().first_broken_seq == seq


# -- (e) what Suoja itself does keeps verify clean ---------------------------------------


def test_every_legitimate_account_change_keeps_verify_clean(
        boss: services.Services, database: Database, target: Target,
        opened: tuple[Database, Actor, str], staff: dict[Role, str],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _ids(boss)
    before_reset, _actor = open_database(target, "leena", STRONG)  # signs with her first key
    before_reset.dispose()
    boss.accounts.create_user("mikko", "Mikko", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    boss.accounts.set_active(ids["kaisa"], False)  # rotates every key, authority too
    boss.accounts.reset_password(ids["leena"], NEW_PASSWORD, kdf=FAST_KDF)
    boss.accounts.change_role(ids["aapo"], Role.COUNSELLOR)  # loses the authority
    boss.accounts.set_active(ids["kaisa"], True)
    assert boss.audit.verify().ok, boss.audit.verify().problem
    database.dispose()

    # Everyone who remains signs in and works; their events verify.
    for username, password in (("leena", NEW_PASSWORD), ("mikko", STRONG),
                               ("aapo", STRONG), ("kaisa", STRONG)):
        signed_in, actor = open_database(target, username, password)
        try:
            services.build(signed_in, actor).case_list.list_case_ids(CaseFilter())
        finally:
            signed_in.dispose()

    # The recovery code gives the supervisor a new password (and rotates again).
    recover_account(target, opened[2], "super", NEW_PASSWORD, kdf=FAST_KDF)
    code, output = _verify(target, monkeypatch, capsys, password=NEW_PASSWORD)
    assert code == 0, output
    again, actor = open_database(target, "super", NEW_PASSWORD)
    try:
        report = services.build(again, actor).audit.verify()
        assert report.ok, report.problem
        # Signed events: every one since the database was made (0010 came with init).
        with again.reading() as db_session:
            unsigned = db_session.scalar(select(AuditEvent.seq).where(
                AuditEvent.signature.is_(None)).limit(1))  # type: ignore[attr-defined]
        assert unsigned is None
    finally:
        again.dispose()


def test_an_administrators_request_approved_by_a_second_supervisor_keeps_verify_clean(
        boss: services.Services, database: Database, target: Target,
        staff: dict[Role, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    boss.accounts.create_user("sanna", "Sanna", Role.SUPERVISOR, STRONG, kdf=FAST_KDF)
    admin_db, admin = open_database(target, "aapo", STRONG)
    try:
        request = services.build(admin_db, admin).accounts.create_user(
            "ville", "Ville", Role.SUPERVISOR, None)
    finally:
        admin_db.dispose()
    sanna_db, sanna = open_database(target, "sanna", STRONG)
    try:
        services.build(sanna_db, sanna).accounts.approve_request(
            request.id, NEW_PASSWORD, kdf=FAST_KDF)
    finally:
        sanna_db.dispose()
    database.dispose()
    opened, _actor = open_database(target, "ville", NEW_PASSWORD)
    opened.dispose()
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 0, output


def test_a_demo_seed_keeps_verify_clean_and_its_accounts_sign_in(
        boss: services.Services, database: Database, supervisor: Actor, target: Target,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from models.demo.seed import DEMO_PASSWORD, seed_demo

    summary = seed_demo(database, supervisor, victims=30, seed=3, kdf=FAST_KDF)
    database.dispose()
    for account in summary.accounts[:3]:
        opened, _actor = open_database(target, account.username, DEMO_PASSWORD)
        opened.dispose()
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 0, output


# -- the authority itself ----------------------------------------------------------------


def _forge_authority(db_session: Session, fake: Ed25519PrivateKey, *, promote: str,
                     generation: int) -> None:
    """A script's own authority: its public key where Suoja keeps the authority's, and
    every account record signed with it (``promote``'s as a supervisor's)."""
    database_id = signatures.database_id_of(db_session)
    db_session.execute(delete(Meta).where(Meta.key.startswith(signatures.AUTHORITY_PREFIX)))
    public = fake.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    db_session.add(Meta(key=f"{signatures.AUTHORITY_PREFIX}{generation}", value=(
        f"{signatures.encode(public)}:" + signatures.encode(fake.sign(
            signatures.authority_message(database_id, generation, public))))))
    for user in db_session.scalars(select(User)):
        if user.username == promote:
            user.role = Role.SUPERVISOR.value
        keys = signatures.split_keys(user.signing_keys)
        user.signature = signatures.encode(fake.sign(signatures.account_message(
            database_id, user.id, user.username, user.role, user.is_active, keys)))
    start = db_session.get(Meta, signatures.SIGNED_FROM_KEY)
    assert start is not None
    seq = int(start.value.split(":")[0])
    start.value = f"{seq}:" + signatures.encode(fake.sign(
        signatures.signed_from_message(database_id, seq)))
    recovery = db_session.get(Meta, signatures.RECOVERY_KEY)
    assert recovery is not None
    recovery_public = signatures.decode(recovery.value.split(":")[0])
    recovery.value = f"{signatures.encode(recovery_public)}:" + signatures.encode(fake.sign(
        signatures.recovery_message(database_id, recovery_public)))


@pytest.mark.parametrize("generation", [1, 7])
def test_an_authority_replaced_with_a_script_is_refused(
        database: Database, target: Target, staff: dict[Role, str], generation: int,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A counsellor makes an authority of her own, signs every account record with it
    (her own as a supervisor's) and puts its public key where Suoja keeps the real one."""
    database.dispose()
    mine, _actor = open_database(target, "kaisa", STRONG)
    try:
        with Session(mine.engine) as db_session, db_session.begin():
            _forge_authority(db_session, Ed25519PrivateKey.generate(), promote="kaisa",
                             generation=generation)
    finally:
        mine.dispose()
    # Here, where the real authority was seen first, nobody signs in with it.
    for username, password in (("kaisa", STRONG), ("super", PASSWORD)):
        with pytest.raises(DataError, match="authority is not the one this workstation"):
            open_database(target, username, password)
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4 and "authority is not the one this workstation" in output, output
    # A workstation that never saw the database: every supervisor and administrator
    # holds the real authority, so they are refused there too (and nothing is pinned).
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another-workstation"))
    for username, password in (("super", PASSWORD), ("aapo", STRONG)):
        with pytest.raises(DataError, match="not the one this account was given"):
            open_database(target, username, password)
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4 and "not the one this account was given" in output, output
    assert not (tmp_path / "another-workstation" / "suoja" / "authority-pins.json").exists()


def test_a_row_changed_with_a_script_gets_no_key_at_a_rotation_and_is_not_signed_again(
        boss: services.Services, target: Target, staff: dict[Role, str],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    ids = _ids(boss)
    _as_script(target, "kaisa",
               "UPDATE user_account SET role = 'supervisor' WHERE username = 'kaisa'")
    boss.accounts.set_active(ids["leena"], False)  # a rotation: new keys for who remains
    held = load_key_slots(target).unwrap(SLOT_USER, "kaisa", STRONG).secrets
    assert held == {}  # as if locked: not the supervisor's keys, nor her own role's
    with pytest.raises(DataError, match="changed outside Suoja"):
        boss.accounts.change_role(ids["kaisa"], Role.COUNSELLOR)
    with pytest.raises(DataError, match="changed outside Suoja"):
        boss.accounts.reset_password(ids["kaisa"], NEW_PASSWORD, kdf=FAST_KDF)
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4 and "kaisa" in output, output


# -- what a sign-in checks -------------------------------------------------------------


def test_a_key_makers_row_changed_with_a_script_refuses_the_sign_in_of_those_it_serves(
        boss: services.Services, target: Target, staff: dict[Role, str]) -> None:
    """A sign-in checks only the rows it relies on: its own and those of the accounts
    that signed its role's content keys. The supervisor made those keys; a colleague's
    script edits the supervisor's row, and a counsellor's sign-in is refused by it."""
    _as_script(target, "kaisa",
               "UPDATE user_account SET is_active = FALSE WHERE username = 'super'")
    with pytest.raises(DataError, match="changed outside Suoja"):
        open_database(target, "kaisa", STRONG)


def test_a_sign_in_checks_its_own_row_and_the_key_makers_not_every_account(
        boss: services.Services, target: Target, staff: dict[Role, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """One Ed25519 check per account was most of a sign-in's cost at 112 accounts; the
    checks a sign-in makes do not grow with the accounts it does not rely on."""
    checked: list[int] = []
    real = signatures.verifies

    def counted(*args: object) -> bool:
        checked.append(1)
        return real(*args)  # type: ignore[arg-type]

    def checks_at_sign_in() -> int:
        checked.clear()
        with monkeypatch.context() as patch:
            patch.setattr(signatures, "verifies", counted)
            opened, _actor = open_database(target, "kaisa", STRONG)
        opened.dispose()
        return len(checked)

    before = checks_at_sign_in()
    for number in range(6):
        boss.accounts.create_user(f"extra{number}", f"Extra {number}", Role.COUNSELLOR,
                                  STRONG, kdf=FAST_KDF)
    assert checks_at_sign_in() == before
    # A whole check (verify, the audit log's) still reads every row.
    assert boss.audit.verify().accounts == len(staff) + 6


def test_a_key_record_signed_by_an_account_the_sign_in_did_not_check_is_checked_then(
        boss: services.Services, database: Database, staff: dict[Role, str]) -> None:
    """Another workstation may sign a new key record between the sign-in's two readings:
    its maker's row is then read and checked, not refused unread."""
    from models.storage import generations

    ids = _ids(boss)
    with database.reading() as db_session:
        only_kaisa = signatures.load_trust(db_session, accounts={ids["kaisa"]})
    assert only_kaisa.partial and signatures.user_signer(ids["super"]) not in only_kaisa.signers
    generations.check(database, Role.COUNSELLOR, only_kaisa)  # no error: checked, verifies


def test_old_events_stay_unsigned_and_signing_starts_after_the_upgrade(
        boss: services.Services, database: Database, target: Target,
        staff: dict[Role, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A database from before 0010 (as 0009 kept it, on a workstation that has not seen
    it since): its events are left as they are; the first sign-in of a supervisor signs
    every account record."""
    from models.storage import migration

    last = boss.audit.query(AuditQuery(limit=1))[0].seq + 1  # the query's own event
    migration.downgrade(database.engine, "0009", field_cipher=database.field_cipher)
    database.dispose()
    # (This workstation saw the authority at init: without it, as here, it would
    # refuse every sign-in, as for an authority removed with a script.)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another-workstation"))
    signed_in, _actor = open_database(target, "super", PASSWORD)  # upgrades, signs rows
    try:
        with signed_in.reading() as db_session:
            start = db_session.get(Meta, signatures.SIGNED_FROM_KEY)
            assert start is not None and start.value.split(":")[0] == str(last + 1)
            unsigned = db_session.scalars(select(AuditEvent.seq).where(
                AuditEvent.signature.is_(None)).order_by(AuditEvent.seq)).all()
        assert unsigned == list(range(1, last + 1))
    finally:
        signed_in.dispose()
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 0, output
    assert "Audit event signatures: " in output


def _without_an_authority(database: Database, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The database as from before key file version 2: no authority key at all (every
    grant of it removed, the schema back at 0009), closed, on a workstation that never
    saw it."""
    from models.storage import migration
    from models.storage.keyfile import KEY_AUTHORITY

    keys = database.load_keyfile()
    keys.grants = [grant for grant in keys.grants if grant.key != KEY_AUTHORITY]
    database.save_keyfile(keys)
    migration.downgrade(database.engine, "0009", field_cipher=database.field_cipher)
    database.dispose()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another-workstation"))


def test_a_database_without_any_authority_gets_one_at_a_supervisors_sign_in(
        database: Database, target: Target, staff: dict[Role, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Generation 0: a database from before key file version 2 has no authority key at
    all (here: every grant of it removed, and the schema back at 0009), on a workstation
    that never saw it. A counsellor signing in first is not checked; the first
    supervisor makes the authority, grants it and signs every row."""
    from models.storage.keyfile import KEY_AUTHORITY

    _without_an_authority(database, tmp_path, monkeypatch)
    first, _actor = open_database(target, "kaisa", STRONG)  # upgrades; rows unchecked
    first.dispose()
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4 and "cannot be checked yet" in output, output

    boss_db, _boss = open_database(target, "super", PASSWORD)  # makes the authority
    boss_db.dispose()
    keys = load_key_slots(target)
    assert keys.generations(KEY_AUTHORITY) == [1]
    assert {name for _kind, name in keys.holders(KEY_AUTHORITY, 1)} == {
        "super", "aapo", "recovery"}
    for username in ("kaisa", "aapo", "leena"):
        opened, _actor = open_database(target, username, STRONG)
        opened.dispose()
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 0, output

    _as_script(target, "kaisa",
               "UPDATE user_account SET role = 'supervisor' WHERE username = 'kaisa'")
    with pytest.raises(DataError, match="Sign-in refused"):
        open_database(target, "kaisa", STRONG)


def test_a_sign_in_that_loses_the_race_to_establish_the_authority_still_checks_the_keys(
        database: Database, target: Target, staff: dict[Role, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two supervisors sign in at once to a database without an authority: the other
    workstation establishes it a moment first. This sign-in's account records were read
    before that, so the records of the keys in use are read again and checked, not taken
    as unchecked (here one was changed meanwhile: the sign-in is refused)."""
    from models.storage import authority
    from models.storage.keyfile import KEY_CASE
    from models.storage.unit_of_work import CONTENT_GENERATION

    _without_an_authority(database, tmp_path, monkeypatch)
    first, _actor = open_database(target, "kaisa", STRONG)  # upgrades; rows unchecked
    first.dispose()

    establish = authority.establish

    def lost_the_race(racing: Database, user_id: int) -> bool:
        assert establish(racing, user_id)  # as the other workstation did a moment ago
        with racing.engine.begin() as connection:  # and then someone changed a record
            key = CONTENT_GENERATION[KEY_CASE]
            value = connection.execute(select(Meta.value).where(Meta.key == key)).scalar_one()
            generation, signer, _signature, check = value.split("|")
            forged = f"{generation}|{signer}|{'A' * 86}|{check}"
            connection.execute(text("UPDATE suoja_meta SET value = :v WHERE key = :k"),
                               {"v": forged, "k": key})
        return False  # this workstation's own attempt found it done

    monkeypatch.setattr(authority, "establish", lost_the_race)
    with pytest.raises(DataError, match="changed outside Suoja"):
        open_database(target, "super", PASSWORD)


def test_a_damaged_authority_file_refuses_sign_in_until_verify_after_restore(
        database: Database, target: Target, staff: dict[Role, str],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from models.security.audit_anchor import PinsUnreadable, pins_path

    database.dispose()
    pins_path().write_text("{not json", encoding="utf-8")
    with pytest.raises(PinsUnreadable):
        open_database(target, "super", PASSWORD)
    code, output = _verify(target, monkeypatch, capsys)
    assert code == 4 and "authority-pins.json" in output, output
    where = (["--db-url", target.url] if isinstance(target, ServerUrl)
             else ["--db", str(target)])
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    assert cli.run(cli.build_parser().parse_args(
        ["verify", *where, "--user", "super", "--after-restore"])) == 0
    opened, _actor = open_database(target, "super", PASSWORD)
    opened.dispose()
    assert list(pins_path().parent.glob("authority-pins.json.damaged-*"))


def test_an_authority_removed_with_a_script_is_refused_where_it_was_seen(
        database: Database, target: Target, staff: dict[Role, str]) -> None:
    """Everything the authority signed removed (its keys, the rows' signatures), so a
    supervisor's next sign-in would sign the rows as it finds them: not here."""
    database.dispose()
    _as_script(target, "kaisa", "DELETE FROM suoja_meta WHERE key LIKE 'authority:%'",
               "UPDATE user_account SET signature = NULL, role = 'supervisor' "
               "WHERE username = 'kaisa'")
    for username, password in (("kaisa", STRONG), ("super", PASSWORD)):
        with pytest.raises(DataError, match="removed outside Suoja"):
            open_database(target, username, password)
