"""Accounts, password rules, sign-in throttling and the audit-log queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli import main as cli
from models import services
from models.domain.enums import AuditAction, Role
from models.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from models.security.passwords import check_password
from models.security.signin import FREE_ATTEMPTS
from models.services.audit_log import AuditQuery
from models.storage.server import ServerUrl
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD, guard_for

pytestmark = pytest.mark.both_databases

STRONG = "Tuuli-Kivi-Järvi-Polku"


@pytest.fixture
def boss(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.mark.parametrize(
    "password, reason",
    [
        ("short1!", "at least 12 characters"),
        ("Password1234", "word followed by a year"),
        ("Summer2024!!", "word followed by a year"),
        ("Salasana2020", "word followed by a year"),
        ("qwertyuiopasdf", "common"),
        ("aaaaaaaaaaaaaaa", "Repeats"),
        ("maria-on-the-phone", "username or name"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password: str, reason: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_password(password, username="maria", display_name="Maria Example")
    assert reason.lower() in str(refused.value).lower()
    assert password not in str(refused.value)


@pytest.mark.parametrize("password", [STRONG, "correct horse battery staple",
                                      "T4lvi-Sade-Kuusi-88"])
def test_strong_passwords_pass(password: str) -> None:
    check_password(password, username="maria", display_name="Maria Example")


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=0, max_size=11))
def test_anything_shorter_than_twelve_is_refused(password: str) -> None:
    with pytest.raises(ValidationError, match="at least 12"):
        check_password(password)


def test_account_lifecycle_is_audited(boss: services.Services, target: Target,
                                      database: Database) -> None:
    user = boss.accounts.create_user("Maija.K", "Maija K", Role.COUNSELLOR, STRONG,
                                     kdf=FAST_KDF)
    assert user.username == "maija.k"
    with pytest.raises(ValidationError, match="already taken"):
        boss.accounts.create_user("maija.k", "Other", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    boss.accounts.set_active(user.id, False)
    with pytest.raises(AuthenticationError, match="locked"):
        open_database(target, "maija.k", STRONG)
    boss.accounts.set_active(user.id, True)
    boss.accounts.reset_password(user.id, "Uusi-Salainen-Lause-42", kdf=FAST_KDF)
    with pytest.raises(AuthenticationError):
        open_database(target, "maija.k", STRONG)
    reopened, actor = open_database(target, "maija.k", "Uusi-Salainen-Lause-42")
    reopened.dispose()
    assert actor.role is Role.COUNSELLOR
    boss.accounts.change_role(user.id, Role.POLICE_LIAISON)
    details = [e.detail for e in boss.audit.query(AuditQuery(actions=(AuditAction.ACCOUNT,)))]
    # Locking, a reset on someone's behalf and a role that loses a key each rotate the keys.
    rotations = [d for d in details if d.startswith("keys rotated")]
    assert [d.partition("; ")[2] for d in rotations] == [
        f"role of user {user.id} counsellor -> police_liaison",
        f"password reset of user {user.id}", f"locked user {user.id}"]
    assert [d for d in details if d not in rotations] == [
        "role counsellor -> police_liaison", "password reset", "unlocked", "locked",
        "created role=counsellor"]
    assert all(STRONG not in d for d in details)


def test_last_account_manager_cannot_be_removed(boss: services.Services) -> None:
    with pytest.raises(ValidationError, match="you cannot lock your own account"):
        boss.accounts.set_active(boss.actor.user_id, False)
    # Nobody changes their own role any more (issue 16, separation of duties), so the
    # last supervisor cannot demote themselves that way either.
    with pytest.raises(PermissionDenied, match="your own role"):
        boss.accounts.change_role(boss.actor.user_id, Role.COUNSELLOR)


def test_change_own_password_needs_the_current_one(boss: services.Services,
                                                   target: Target) -> None:
    with pytest.raises(AuthenticationError, match="current password"):
        boss.accounts.change_own_password("not it at all!", STRONG, kdf=FAST_KDF)
    boss.accounts.change_own_password(PASSWORD, STRONG, kdf=FAST_KDF)
    database, _ = open_database(target, "super", STRONG)
    database.dispose()


def test_repeated_failures_lock_the_account_for_a_while(opened: tuple[Database, Actor, str],
                                                        target: Target) -> None:
    opened[0].dispose()
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(AuthenticationError, match="Wrong username or password"):
            open_database(target, "super", "wrong password number")
    with pytest.raises(AuthenticationError, match="locked for 5 more minutes"):
        open_database(target, "super", PASSWORD)  # even the right password waits
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=6)
    with guard_for(target) as guard:
        guard.check("super", known=True, now=later)  # the lockout has passed by then


def test_failed_sign_ins_reach_the_audit_chain(opened: tuple[Database, Actor, str],
                                               target: Target) -> None:
    opened[0].dispose()
    for name in ("super", "super", "someone-typed-this"):
        with pytest.raises(AuthenticationError):
            open_database(target, name, "wrong password number")
    database, actor = open_database(target, "super", PASSWORD)
    try:
        svc = services.build(database, actor)
        failed = svc.audit.query(AuditQuery(actions=(AuditAction.FAILED_LOGIN,)))
        assert len(failed) == 3
        assert sorted(e.username or "" for e in failed) == ["", "super", "super"]
        assert all("someone-typed-this" not in e.detail for e in failed)
        assert svc.audit.verify().ok
        # The counter was reset by the successful sign-in.
        with guard_for(target) as guard:
            assert guard.record_success("super") == []
    finally:
        database.dispose()


def test_audit_query_filters(boss: services.Services) -> None:
    from models.domain.dto import CaseDraft, VictimDraft

    case = boss.cases.create_intake(VictimDraft(first_names="A", last_name="Example"),
                                    CaseDraft())
    boss.cases.get_detail(case.id)
    by_case = boss.audit.query(AuditQuery(case_reference=case.reference.lower()))
    assert [e.action for e in by_case] == ["view", "create"]
    assert all(e.case_reference == case.reference for e in by_case)
    views = boss.audit.query(AuditQuery(actions=(AuditAction.VIEW,),
                                        user_id=boss.actor.user_id))
    assert views and all(e.action == "view" for e in views)
    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    assert boss.audit.query(AuditQuery(since=future)) == []


def test_the_recovery_code_gives_a_locked_out_supervisor_a_new_password(
    opened: tuple[Database, Actor, str], target: Target,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    opened[0].dispose()
    code = opened[2]
    for _ in range(FREE_ATTEMPTS):  # the only supervisor locks themself out
        with pytest.raises(AuthenticationError):
            open_database(target, "super", "forgotten password!")
    with pytest.raises(AuthenticationError, match="locked for"):
        open_database(target, "super", PASSWORD)

    where = ["--db-url", target.url] if isinstance(target, ServerUrl) else ["--db", str(target)]
    monkeypatch.setenv("SUOJA_NEW_PASSWORD", STRONG)
    monkeypatch.setenv("SUOJA_RECOVERY_CODE", code[:-1] + ("A" if code[-1] != "A" else "B"))
    assert cli.run(cli.build_parser().parse_args(["recover", *where, "--user", "super"])) == 3
    assert capsys.readouterr().err.strip() == "suoja: The recovery code is not correct."
    monkeypatch.setenv("SUOJA_RECOVERY_CODE", code.lower().replace("-", " "))  # as typed
    assert cli.run(cli.build_parser().parse_args(["recover", *where, "--user", "super"])) == 0
    assert "New password set for super" in capsys.readouterr().out

    database, actor = open_database(target, "super", STRONG)  # no lockout any more
    try:
        events = services.build(database, actor).audit.query(
            AuditQuery(actions=(AuditAction.ACCOUNT,)))
        assert [e.detail for e in events] == [
            f"keys rotated: authority,care,case,storage; password reset with the recovery "
            f"code of user {actor.user_id}", "password reset with the recovery code"]
        assert events[0].username is None and events[1].username is None
    finally:
        database.dispose()
    with pytest.raises(AuthenticationError):
        open_database(target, "super", PASSWORD)  # the old password no longer opens it


def test_simultaneous_failed_sign_ins_are_all_counted(
    opened: tuple[Database, Actor, str], target: Target,
) -> None:
    import threading

    opened[0].dispose()
    attempts = 8
    barrier = threading.Barrier(attempts)

    def guess() -> None:
        with guard_for(target) as guard:
            barrier.wait()
            guard.record_failure("super", known=True)

    threads = [threading.Thread(target=guess) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with guard_for(target) as guard:
        with pytest.raises(AuthenticationError, match="locked for"):
            guard.check("super", known=True)
        assert len(guard.record_success("super")) == attempts  # each one reaches the audit


def test_unlock_and_password_reset_lift_a_lockout_after_failed_sign_ins(
    boss: services.Services, target: Target,
) -> None:
    kaisa = boss.accounts.create_user("kaisa", "Kaisa K", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    for _ in range(FREE_ATTEMPTS + 1):
        with pytest.raises(AuthenticationError):
            open_database(target, "kaisa", "not her password at all")
    with pytest.raises(AuthenticationError, match="locked for"):
        open_database(target, "kaisa", STRONG)
    boss.accounts.set_active(kaisa.id, True)  # "unlock" means unlocked
    open_database(target, "kaisa", STRONG)[0].dispose()
    for _ in range(FREE_ATTEMPTS + 1):
        with pytest.raises(AuthenticationError):
            open_database(target, "kaisa", "not her password at all")
    boss.accounts.reset_password(kaisa.id, "Uusi-Salainen-Lause-42", kdf=FAST_KDF)
    open_database(target, "kaisa", "Uusi-Salainen-Lause-42")[0].dispose()


@pytest.mark.parametrize("name", ["Maria Ö", "maria virtanen", "maria/admin", ""])
def test_init_takes_the_same_usernames_as_account_creation(name: str, tmp_path: Path) -> None:
    from models.storage.store import create_database

    with pytest.raises(ValidationError, match="^Username: "):
        create_database(tmp_path / "x.db", username=name, password=STRONG, kdf=FAST_KDF)
    assert not (tmp_path / "x.db").exists()
