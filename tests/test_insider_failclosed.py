"""Issue 16, fail closed: the audit anchor (M2), the sign-in counters (M3), no oracle for
which usernames exist (L2) and bounded Argon2id costs in key slots (L6).

Each test acts as an insider would: a staff member with a script and their own password
(or a database administrator on a server) who edits, deletes or replaces the files and
rows Suoja keeps beside the database, then signs in or runs a command.
"""

from __future__ import annotations

import base64
import json
import stat
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import delete, select, update

from cli import main as cli
from models import services
from models.domain.entities import AuditEvent, Meta
from models.domain.enums import Role
from models.domain.errors import AuthenticationError, DataError, KnownError
from models.security import audit_anchor
from models.security.audit import HEAD_KEY
from models.security.signin import FREE_ATTEMPTS, signin_path
from models.services.audit_log import AuditQuery
from models.storage.database import keyfile_path
from models.storage.keyfile import KdfParams, KeyFile
from models.storage.notify import conninfo
from models.storage.server import ServerUrl
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD

STRONG = "Tuuli-Kivi-Järvi-Polku"
WRONG = "not the right password at all"


def _where(target: Target) -> list[str]:
    return ["--db-url", target.url] if isinstance(target, ServerUrl) else ["--db", str(target)]


def _run(*argv: str) -> int:
    return cli.run(cli.build_parser().parse_args(list(argv)))


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _failed_sign_in(target: Target, username: str, password: str = WRONG) -> str:
    with pytest.raises(KnownError) as refused:
        open_database(target, username, password)
    return str(refused.value)


def _sql(target: ServerUrl, statement: str, *params: object) -> None:
    """As the server's database administrator: plain SQL, no key."""
    with psycopg.connect(conninfo(target), autocommit=True) as connection:
        connection.execute(statement, params)  # type: ignore[arg-type]


def _remove_counters(target: Target) -> None:
    """What an insider does to lift a lockout: delete the counters."""
    if isinstance(target, ServerUrl):
        _sql(target, "DELETE FROM suoja_server_state WHERE name = 'signin'")
    else:
        signin_path(target).unlink()


def _damage_counters(target: Target) -> None:
    if isinstance(target, ServerUrl):
        _sql(target, "UPDATE suoja_server_state SET document = 'not json' WHERE name = 'signin'")
    else:
        signin_path(target).write_text("not json", encoding="utf-8")


def _audit(database: Database, actor: Actor) -> list[tuple[str, str]]:
    events = services.build(database, actor).audit.query(AuditQuery())
    return [(e.action, e.detail) for e in reversed(events)]


# -- M2: the audit anchor fails closed ----------------------------------------------------


@pytest.fixture
def verified(opened: tuple[Database, Actor, str], db_path: Path,
             monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database that ``verify`` checked once on this workstation (its anchor taken)."""
    opened[0].dispose()
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    assert _run("verify", "--db", str(db_path), "--user", "super") == 0
    capsys.readouterr()
    assert audit_anchor.anchors_path().is_file()
    return db_path


@pytest.mark.parametrize("content", [b"garbage", b"[]", b'{"x": {"seq": "one"}}', b""])
def test_verify_exits_4_on_a_damaged_anchor_file_and_leaves_it_for_a_person(
    verified: Path, capsys: pytest.CaptureFixture[str], content: bytes,
) -> None:
    path = audit_anchor.anchors_path()
    if content == b'{"x": {"seq": "one"}}':  # this database's own entry damaged
        anchors = json.loads(path.read_text(encoding="utf-8"))
        anchors = {key: {"seq": "one"} for key in anchors}
        content = json.dumps(anchors).encode()
    path.write_bytes(content)
    assert _run("verify", "--db", str(verified), "--user", "super") == 4
    line = _one_line(capsys)
    assert "audit anchor" in line and "--after-restore" in line
    assert path.read_bytes() == content  # never rewritten over without a person's say


def test_sign_in_is_refused_while_the_anchor_file_is_damaged(verified: Path) -> None:
    audit_anchor.anchors_path().write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="audit anchor"):
        open_database(verified, "super", PASSWORD)


def test_the_sign_in_window_says_why_while_the_anchor_file_is_damaged(
    verified: Path, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from gui.start.login import LoginDialog

    audit_anchor.anchors_path().write_text("{not json", encoding="utf-8")
    dialog = LoginDialog(verified, open_database)
    qtbot.addWidget(dialog)
    dialog.username.setText("super")
    dialog.password.setText(PASSWORD)
    dialog._sign_in()
    assert dialog.result_value is None and dialog.error.isVisibleTo(dialog)
    assert "audit anchor" in dialog.error.text() and "--after-restore" in dialog.error.text()


def test_recovering_from_a_damaged_anchor_is_one_audited_verify(
    verified: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = audit_anchor.anchors_path()
    path.write_text("{not json", encoding="utf-8")
    assert _run("verify", "--db", str(verified), "--user", "super", "--after-restore") == 0
    assert "damaged audit anchor file was set aside" in capsys.readouterr().out
    kept = list(path.parent.glob(path.name + ".damaged-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert _run("verify", "--db", str(verified), "--user", "super") == 0
    database, actor = open_database(verified, "super", PASSWORD)
    try:
        verifies = [detail for action, detail in _audit(database, actor) if action == "verify"]
        assert verifies == ["ok", "ok; damaged audit anchor file set aside", "ok"]
    finally:
        database.dispose()


@pytest.mark.both_databases
def test_a_trail_cut_after_a_lock_is_refused_at_the_next_sign_in(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    """The anchor a lock (or sign-out) takes holds the trail to what this workstation saw:
    someone who deletes the newest events and puts back an old end marker is noticed."""
    from models.storage.anchoring import take_anchor

    database, actor, _code = opened
    svc = services.build(database, actor)
    with database.reading() as db_session:
        seq = db_session.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()))
        marker = db_session.scalar(select(Meta.value).where(Meta.key == HEAD_KEY))
    svc.accounts.create_user("kaisa", "Kaisa K", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    assert take_anchor(database)  # the lock: the trail's end remembered
    database.dispose()
    insider, _ = open_database(target, "super", PASSWORD)
    with insider.writing() as db_session:  # a key holder's script: cut, put the marker back
        db_session.execute(delete(AuditEvent).where(AuditEvent.seq > seq))
        db_session.execute(update(Meta).where(Meta.key == HEAD_KEY).values(value=marker))
    insider.dispose()
    with pytest.raises(DataError, match="no longer holds event"):
        open_database(target, "super", PASSWORD)


def test_locking_and_quitting_the_window_take_an_anchor(
    database: Database, supervisor: Actor, db_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from gui.start import app as app_module
    from gui.window.main_window import MainWindow
    from models.storage.anchoring import anchor_key

    with database.reading() as db_session:
        key = anchor_key(db_session, database.target)

    def anchored_seq() -> int | None:
        anchor = audit_anchor.remembered(key)
        return None if anchor is None else anchor.seq

    def last_seq(opened: Database) -> int | None:
        with opened.reading() as db_session:
            return db_session.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()))

    window = MainWindow(services.build(database, supervisor))  # _dispose_window deletes it
    window.show()
    qtbot.waitExposed(window)
    assert anchored_seq() is None
    seq = last_seq(database)
    window.lock_action.trigger()
    assert window.is_locked
    assert anchored_seq() == seq
    window.session.unlock(PASSWORD)  # audited as "unlock": a newer end
    newer = last_seq(window.session.services.database)
    assert newer is not None and seq is not None and newer > seq
    app_module._dispose_window(window, closing_backup=False)  # quitting
    assert anchored_seq() == newer


# -- M3: the sign-in counters fail closed ---------------------------------------------------


@pytest.mark.both_databases
def test_removing_the_counters_does_not_lift_a_lockout(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    opened[0].dispose()
    for _ in range(FREE_ATTEMPTS):
        _failed_sign_in(target, "super")
    assert "locked for" in _failed_sign_in(target, "super", PASSWORD)
    _remove_counters(target)
    refused = _failed_sign_in(target, "super", PASSWORD)
    assert "supervisor" in refused and "reset-signin" in refused


def test_a_folder_in_place_of_the_counters_refuses_sign_in_for_good_and_bad_passwords(
    opened: tuple[Database, Actor, str], db_path: Path,
) -> None:
    opened[0].dispose()
    signin_path(db_path).unlink(missing_ok=True)
    signin_path(db_path).mkdir()
    wrong = _failed_sign_in(db_path, "super")
    right = _failed_sign_in(db_path, "super", PASSWORD)
    assert wrong == right
    assert "sign-in counters" in right and "reset-signin" in right


@pytest.mark.both_databases
def test_damaged_counters_refuse_sign_in_instead_of_starting_afresh(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    opened[0].dispose()
    _failed_sign_in(target, "super")
    _damage_counters(target)
    assert "sign-in counters" in _failed_sign_in(target, "super", PASSWORD)


@pytest.mark.both_databases
def test_failures_reach_the_audit_chain_even_when_the_counters_were_removed(
    opened: tuple[Database, Actor, str], target: Target,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """13 guesses at a colleague's password, the counters removed after the 6th: the later
    guesses and the removal itself are in the audit trail once a supervisor has lifted the
    refusal (the review found 1 of 13 there)."""
    database, actor, _code = opened
    services.build(database, actor).accounts.create_user(
        "kaisa", "Kaisa K", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    database.dispose()
    for _ in range(6):
        _failed_sign_in(target, "kaisa")
    _remove_counters(target)
    for _ in range(7):
        _failed_sign_in(target, "kaisa")
    assert "reset-signin" in _failed_sign_in(target, "super", PASSWORD)  # refused, recorded
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    assert _run("reset-signin", *_where(target), "--user", "super") == 0
    assert "sign-in works again" in capsys.readouterr().out
    database, actor = open_database(target, "super", PASSWORD)
    try:
        trail = _audit(database, actor)
        failed = [detail for action, detail in trail if action == "failed_login"]
        # The 7 later guesses: 5 counted, then the lockout refused 2 without trying them.
        assert len([d for d in failed if d.startswith("attempted_at=")]) == FREE_ATTEMPTS
        assert "signin_counters_replaced" in failed  # the refused sign-in, recorded
        assert ("account", "sign-in counters reset by a supervisor: replaced") in trail
        assert services.build(database, actor).audit.verify().ok
    finally:
        database.dispose()


@pytest.mark.both_databases
def test_only_a_supervisor_lifts_the_refusal(
    opened: tuple[Database, Actor, str], target: Target,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    database, actor, _code = opened
    services.build(database, actor).accounts.create_user(
        "kaisa", "Kaisa K", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    database.dispose()
    _damage_counters(target)
    monkeypatch.setenv("SUOJA_PASSWORD", STRONG)
    assert _run("reset-signin", *_where(target), "--user", "kaisa") == 3
    assert "supervisor" in _one_line(capsys)
    monkeypatch.setenv("SUOJA_PASSWORD", WRONG)
    assert _run("reset-signin", *_where(target), "--user", "super") == 3
    assert _one_line(capsys) == "suoja: Wrong username or password."
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    assert _run("reset-signin", *_where(target), "--user", "super") == 0
    capsys.readouterr()
    open_database(target, "kaisa", STRONG)[0].dispose()  # everyone signs in again
    database, actor = open_database(target, "super", PASSWORD)
    try:
        assert ("account", "sign-in counters reset by a supervisor: damaged") in _audit(
            database, actor)
    finally:
        database.dispose()


def test_the_recovery_code_lifts_the_refusal_too(
    opened: tuple[Database, Actor, str], db_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    opened[0].dispose()
    signin_path(db_path).unlink(missing_ok=True)
    signin_path(db_path).mkdir()
    monkeypatch.setenv("SUOJA_RECOVERY_CODE", opened[2])
    monkeypatch.setenv("SUOJA_NEW_PASSWORD", STRONG)
    assert _run("recover", "--db", str(db_path), "--user", "super") == 0
    capsys.readouterr()
    assert [p.name for p in db_path.parent.glob("suoja.db.signin.damaged-*")]
    database, actor = open_database(db_path, "super", STRONG)
    try:
        trail = _audit(database, actor)
        assert ("account", "sign-in counters reset with the recovery code: damaged") in trail
        assert ("account", "password reset with the recovery code") in trail
    finally:
        database.dispose()


def test_a_restored_copy_or_a_backup_opened_elsewhere_is_not_refused(
    opened: tuple[Database, Actor, str], tmp_path: Path,
) -> None:
    """The counters belong to the database's place: a copy elsewhere starts its own."""
    from models.storage.maintenance import backup_database, restore_backup

    database, actor, _code = opened
    report = backup_database(database, actor, tmp_path / "copy.db")
    database.dispose()
    open_database(report.path, "super", PASSWORD)[0].dispose()
    restore_backup(report.path, tmp_path / "restored.db", "super", PASSWORD)
    open_database(tmp_path / "restored.db", "super", PASSWORD)[0].dispose()
    open_database(tmp_path / "suoja.db", "super", PASSWORD)[0].dispose()


# -- L2: no oracle for which usernames exist ------------------------------------------------


@pytest.mark.both_databases
def test_known_and_unknown_names_answer_alike_after_failures(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    database, actor, _code = opened
    services.build(database, actor).accounts.create_user(
        "kaisa", "Kaisa K", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    database.dispose()
    for number in range(FREE_ATTEMPTS):  # guesses at names: none of them exist
        _failed_sign_in(target, f"ghost{number}")
    # A name nobody tried answers the same whether it exists or not.
    assert _failed_sign_in(target, "stranger") == _failed_sign_in(target, "kaisa")
    assert _failed_sign_in(target, "kaisa") == "Wrong username or password."
    # A name tried too often is locked out whether it exists or not.
    for _ in range(FREE_ATTEMPTS):
        _failed_sign_in(target, "ghost")
        _failed_sign_in(target, "super")
    assert _failed_sign_in(target, "ghost") == _failed_sign_in(target, "super")
    assert "locked for" in _failed_sign_in(target, "super")
    assert _failed_sign_in(target, "ghost7") == "Wrong username or password."


def test_the_counters_hold_no_name_that_matches_no_account(
    opened: tuple[Database, Actor, str], db_path: Path,
) -> None:
    opened[0].dispose()
    for _ in range(FREE_ATTEMPTS + 1):
        _failed_sign_in(db_path, "MyPassword-typed-as-name")
    raw = signin_path(db_path).read_bytes()
    assert b"MyPassword" not in raw and b"mypassword" not in raw


# -- L6: Argon2id costs bounded both ways ---------------------------------------------------


def _edit_slot_kdf(db_path: Path, **kdf: object) -> None:
    path = keyfile_path(db_path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    for slot in raw["slots"]:
        slot["kdf"].update(kdf)
    path.write_text(json.dumps(raw), encoding="utf-8")


SLOW = "slow"  # cases that today would run (nearly) for ever rather than fail


@pytest.mark.parametrize("kdf", [
    {"memory_kib": 8}, {"memory_kib": 0}, {"parallelism": 0}, {"time_cost": 0},
    {"memory_kib": -1}, {"memory_kib": 2 ** 40}, {"parallelism": 2 ** 24},
    pytest.param({"time_cost": 10 ** 6}, id=SLOW),
    pytest.param({"memory_kib": 64 * 1024 * 1024, "time_cost": 50}, id=SLOW + "2"),
])
def test_absurd_kdf_costs_are_a_data_error_not_a_traceback_or_a_hang(
    opened: tuple[Database, Actor, str], db_path: Path, kdf: dict[str, int],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    opened[0].dispose()
    _edit_slot_kdf(db_path, **kdf)
    with pytest.raises(DataError, match="cost"):
        open_database(db_path, "super", PASSWORD)
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    assert _run("verify", "--db", str(db_path), "--user", "super") == 4
    assert "cost" in _one_line(capsys)


@pytest.mark.parametrize("field, value", [
    ("salt", b""), ("salt", b"1234567"), ("nonce", b""), ("nonce", b"x" * 16),
    ("wrapped_key", b""),
])
def test_malformed_slot_bytes_are_a_data_error(
    opened: tuple[Database, Actor, str], db_path: Path, field: str, value: bytes,
) -> None:
    opened[0].dispose()
    path = keyfile_path(db_path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    for slot in raw["slots"]:
        slot[field] = base64.b64encode(value).decode()
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises((DataError, AuthenticationError)) as refused:
        open_database(db_path, "super", PASSWORD)
    assert isinstance(refused.value, DataError) or "Wrong username" in str(refused.value)


def test_the_cheap_settings_of_tests_and_demo_and_the_defaults_are_accepted() -> None:
    from models.demo.seed import DEMO_KDF

    for params in (FAST_KDF, DEMO_KDF, KdfParams()):
        keys = KeyFile("db-1")
        keys.add_slot("user", "maria", "a long enough password",
                      {("storage", 1): b"k" * 32}, params)
        again = KeyFile.from_document(keys.to_document())
        assert again.slots[0].kdf == params
