"""Insider finding M1 and separation of duties (issue 16, item 6).

Each test acts as the review did: an administrator with a script and their own password,
calling the services. Before the fix an administrator could create a supervisor, make
itself a supervisor and back, and reset a supervisor's password, and so read case
content, which the documentation says administrators never get.

Now nobody changes their own role or unlocks themselves, and an administrator's request
to create or promote a supervisor or administrator, or to reset such an account's
password, waits for a supervisor other than the requester, who approves it (setting
the new password themselves) or declines it. Each step is audited with both usernames.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models import services
from models.domain.dto import AccountRequestData
from models.domain.enums import AuditAction, Role
from models.domain.errors import AuthenticationError, NotFound, PermissionDenied, ValidationError
from models.services.audit_log import AuditQuery
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD

pytestmark = pytest.mark.both_databases

STRONG = "Tuuli-Kivi-Järvi-Polku"
NEW = "Uusi-Salainen-Lause-42"


@pytest.fixture
def boss(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


def _account(boss: services.Services, name: str, role: Role) -> services.Services:
    user = boss.accounts.create_user(name, name.title(), role, STRONG, kdf=FAST_KDF)
    assert user.__class__.__name__ == "UserData"
    return services.build(boss.accounts._db, Actor(user.id, user.username,  # noqa: SLF001
                                                   user.display_name, role))


@pytest.fixture
def admin(boss: services.Services) -> services.Services:
    """An administrator signed in with their own password, as a script would be."""
    return _account(boss, "aapo", Role.ADMINISTRATOR)


@pytest.fixture
def second(boss: services.Services) -> services.Services:
    """Another supervisor, who approves."""
    return _account(boss, "sanna", Role.SUPERVISOR)


def _usernames(boss: services.Services) -> dict[str, str]:
    return {u.username: u.role for u in boss.accounts.list_users()}


def _details(boss: services.Services) -> list[str]:
    """The account events' details, newest first (key rotations left out)."""
    return [e.detail for e in boss.audit.query(AuditQuery(actions=(AuditAction.ACCOUNT,)))
            if not e.detail.startswith("keys rotated")]


def _opens(target: Target, username: str, password: str) -> bool:
    try:
        database, _actor = open_database(target, username, password)
    except AuthenticationError:
        return False
    database.dispose()
    return True


# -- what an administrator's script tried ------------------------------------------------


def test_an_administrator_cannot_create_a_supervisor(admin: services.Services,
                                                     boss: services.Services,
                                                     target: Target) -> None:
    for role in (Role.SUPERVISOR, Role.ADMINISTRATOR):
        name = f"eve{role.value[:3]}"
        admin.accounts.create_user(name, "Eve", role, STRONG, kdf=FAST_KDF)
        assert name not in _usernames(boss)
        assert not _opens(target, name, STRONG)
    # Counsellors and police liaison read case content, whose keys an administrator does
    # not hold to give (content keys per role): their accounts wait for a supervisor too.
    for role in (Role.COUNSELLOR, Role.POLICE_LIAISON):
        name = f"kaisa{role.value[:3]}"
        asked = admin.accounts.create_user(name, "Kaisa", role, STRONG, kdf=FAST_KDF)
        assert isinstance(asked, AccountRequestData)
        assert name not in _usernames(boss)


def test_nobody_changes_their_own_role(admin: services.Services,
                                       boss: services.Services) -> None:
    with pytest.raises(PermissionDenied, match="own role"):
        admin.accounts.change_role(admin.actor.user_id, Role.SUPERVISOR)
    assert _usernames(boss)["aapo"] == Role.ADMINISTRATOR.value
    with pytest.raises(PermissionDenied, match="own role"):
        boss.accounts.change_role(boss.actor.user_id, Role.ADMINISTRATOR)


def test_an_administrator_cannot_promote_anyone_to_supervisor(
        admin: services.Services, boss: services.Services) -> None:
    kaisa = boss.accounts.create_user("kaisa", "Kaisa", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    admin.accounts.change_role(kaisa.id, Role.SUPERVISOR)
    assert _usernames(boss)["kaisa"] == Role.COUNSELLOR.value


def test_an_administrator_cannot_reset_a_supervisors_password(
        admin: services.Services, second: services.Services, target: Target) -> None:
    admin.accounts.reset_password(second.actor.user_id, NEW, kdf=FAST_KDF)
    assert not _opens(target, "sanna", NEW)
    assert _opens(target, "sanna", STRONG)


def test_nobody_unlocks_themselves(admin: services.Services, boss: services.Services) -> None:
    boss.accounts.set_active(admin.actor.user_id, False)
    # The administrator's script still holds its signed-in services.
    with pytest.raises(PermissionDenied, match="unlock your own"):
        admin.accounts.set_active(admin.actor.user_id, True)
    assert not next(u for u in boss.accounts.list_users() if u.username == "aapo").is_active


# -- the request, the second person's decision and the audit -----------------------------


def test_a_second_supervisor_approves_a_new_supervisor(
        admin: services.Services, second: services.Services, boss: services.Services,
        target: Target) -> None:
    pending = admin.accounts.create_user("eve", "Eve Esimies", Role.SUPERVISOR, None)
    assert isinstance(pending, AccountRequestData)
    assert [r.id for r in second.accounts.requests()] == [pending.id]
    assert pending.requested_by == "aapo" and pending.decision is None
    created = second.accounts.approve_request(pending.id, NEW, kdf=FAST_KDF)
    assert created.username == "eve" and created.role == Role.SUPERVISOR.value
    assert _opens(target, "eve", NEW)
    assert second.accounts.requests() == []
    assert second.accounts.requests(pending_only=False)[0].decided_by == "sanna"
    details = _details(boss)
    assert details[0] == ("approved: create eve role=supervisor; requested by aapo, "
                          "approved by sanna")
    assert details[1] == "created role=supervisor; requested by aapo, approved by sanna"
    assert details[2] == "requested: create eve role=supervisor; requested by aapo"
    assert all(NEW not in d and STRONG not in d for d in details)
    with pytest.raises(NotFound, match="no pending"):
        boss.accounts.approve_request(pending.id, NEW, kdf=FAST_KDF)


def test_an_approved_password_reset_is_set_by_the_supervisor(
        admin: services.Services, second: services.Services, boss: services.Services,
        target: Target) -> None:
    pending = admin.accounts.reset_password(second.actor.user_id, None)
    assert isinstance(pending, AccountRequestData) and pending.kind == "password"
    with pytest.raises(ValidationError, match="required"):
        boss.accounts.approve_request(pending.id)
    boss.accounts.approve_request(pending.id, NEW, kdf=FAST_KDF)
    assert _opens(target, "sanna", NEW)
    assert _details(boss)[1] == "password reset; requested by aapo, approved by super"


def test_an_approved_promotion_and_a_declined_one(
        admin: services.Services, second: services.Services, boss: services.Services) -> None:
    kaisa = boss.accounts.create_user("kaisa", "Kaisa", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    first = admin.accounts.change_role(kaisa.id, Role.ADMINISTRATOR)
    assert isinstance(first, AccountRequestData)
    second.accounts.decline_request(first.id)
    assert _usernames(boss)["kaisa"] == Role.COUNSELLOR.value
    assert _details(boss)[0] == ("declined: role of kaisa -> administrator; requested by "
                                 "aapo, declined by sanna")
    again = admin.accounts.change_role(kaisa.id, Role.SUPERVISOR)
    assert isinstance(again, AccountRequestData)
    second.accounts.approve_request(again.id)
    assert _usernames(boss)["kaisa"] == Role.SUPERVISOR.value
    # A supervisor acting themselves needs nobody, and a demotion needs nobody.
    boss.accounts.change_role(kaisa.id, Role.ADMINISTRATOR)
    assert admin.accounts.change_role(kaisa.id, Role.COUNSELLOR).role == "counsellor"


def test_the_requester_cannot_approve_their_own_request(
        admin: services.Services, second: services.Services, boss: services.Services) -> None:
    pending = admin.accounts.create_user("eve", "Eve", Role.SUPERVISOR, None)
    assert isinstance(pending, AccountRequestData)
    with pytest.raises(PermissionDenied, match="supervisor"):
        admin.accounts.approve_request(pending.id, NEW, kdf=FAST_KDF)
    with pytest.raises(PermissionDenied):
        admin.accounts.decline_request(pending.id)
    # Nor after becoming a supervisor (approved by someone else) in the meantime.
    boss.accounts.change_role(admin.actor.user_id, Role.SUPERVISOR)
    now_super = services.build(admin.accounts._db, Actor(  # noqa: SLF001
        admin.actor.user_id, "aapo", admin.actor.display_name, Role.SUPERVISOR))
    with pytest.raises(PermissionDenied, match="Another supervisor"):
        now_super.accounts.approve_request(pending.id, NEW, kdf=FAST_KDF)
    assert "eve" not in _usernames(boss)


def test_a_script_claiming_the_supervisor_role_still_asks(
        admin: services.Services, boss: services.Services) -> None:
    """An administrator's actor edited to say supervisor: the database's role decides."""
    forged = services.build(admin.accounts._db, Actor(  # noqa: SLF001
        admin.actor.user_id, "aapo", admin.actor.display_name, Role.SUPERVISOR))
    assert isinstance(forged.accounts.create_user("eve", "Eve", Role.SUPERVISOR, STRONG,
                                                  kdf=FAST_KDF), AccountRequestData)
    pending = forged.accounts.requests()[0]
    with pytest.raises(PermissionDenied):
        forged.accounts.approve_request(pending.id, NEW, kdf=FAST_KDF)
    assert "eve" not in _usernames(boss)


# -- the command line ----------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_requests_approve_and_decline_from_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], backend: str) -> None:
    from main import main

    db = tmp_path / "cli.db"
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    assert main(["init", "--db", str(db), "--user", "boss"]) == 0
    monkeypatch.setenv("SUOJA_NEW_PASSWORD", STRONG)
    boss = ["user", "--db", str(db), "--user", "boss"]
    assert main([*boss, "add", "aapo", "--role", "administrator"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("SUOJA_PASSWORD", STRONG)
    aapo = ["user", "--db", str(db), "--user", "aapo"]
    assert main([*aapo, "add", "eve", "--role", "supervisor"]) == 0
    assert "request 1" in capsys.readouterr().out
    assert main([*aapo, "add", "olli", "--role", "administrator"]) == 0
    capsys.readouterr()
    assert main([*aapo, "requests"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 2 and "eve" in listing[0] and "asked by aapo" in listing[0]
    assert main([*aapo, "approve", "1"]) == 3
    assert main([*aapo, "unlock", "aapo"]) == 3
    capsys.readouterr()
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    monkeypatch.setenv("SUOJA_NEW_PASSWORD", NEW)
    assert main([*boss, "approve", "1"]) == 0
    assert "Request 1 approved: eve is a supervisor." in capsys.readouterr().out
    assert main([*boss, "decline", "2"]) == 0
    assert main([*boss, "approve", "2"]) == 4
    assert main([*boss, "approve", "x"]) == 2
    assert _opens(db, "eve", NEW)
    assert not _opens(db, "olli", NEW)


# -- the app -------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_app_asks_and_a_second_supervisor_approves(
        admin: services.Services, second: services.Services, target: Target,
        monkeypatch: pytest.MonkeyPatch, qtbot, backend: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from gui.window.main_window import MainWindow
    from gui.workspaces import accounts_admin
    from tests.test_main_window import show

    monkeypatch.setattr(accounts_admin, "KDF", FAST_KDF)
    window = show(MainWindow(admin), qtbot)
    view = accounts_admin.register(window)
    assert view is not None
    view.refresh()
    dialog = view.open_create_dialog()
    dialog.username.setText("eve")
    dialog.display_name.setText("Eve Esimies")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR.value))
    assert not dialog.passwords.isEnabled() and dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert "request 1" in view.status.text()
    assert view.pending.list.count() == 1 and view.pending.approve_button.isHidden()
    view.select_user(admin.actor.user_id)
    assert not view.unlock_button.isEnabled() and not view.role_button.isEnabled()
    window.session.close()

    window = show(MainWindow(second), qtbot)
    view = accounts_admin.register(window)
    assert view is not None
    view.refresh()
    panel = view.pending
    assert panel.list.item(0).text() == "1: New account eve (supervisor), asked by aapo"
    panel.list.setCurrentRow(0)
    assert panel.approve_button.isEnabled()
    panel.approve()
    approval = panel.dialog
    assert approval is not None and not approval.ok_button().isEnabled()
    passwords = approval.findChild(accounts_admin.PasswordFields)
    passwords.password.setText(NEW)
    passwords.repeat.setText(NEW)
    qtbot.mouseClick(approval.ok_button(), Qt.MouseButton.LeftButton)
    assert _opens(target, "eve", NEW)
    assert "eve" in [view.model.record(r).username for r in range(view.model.rowCount())]
    assert panel.list.count() == 0
    window.session.close()


def test_two_supervisors_approving_at_once_change_it_once(
        admin: services.Services, second: services.Services, boss: services.Services,
        target: Target, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second approval arrives while the first is making the change (its slow
    Argon2id and key rotation): it finds the request decided and changes nothing."""
    victim = _account(boss, "ville", Role.SUPERVISOR)
    pending = admin.accounts.reset_password(victim.actor.user_id, None)
    assert isinstance(pending, AccountRequestData)
    third = _account(boss, "tiina", Role.SUPERVISOR)
    real = type(boss.accounts)._reset_password
    seen: list[str] = []

    def meanwhile(self: object, *args: object, **kwargs: object) -> None:
        if not seen:
            seen.append("first")
            with pytest.raises(NotFound):
                third.accounts.approve_request(pending.id, "Toinen-Salasana-Lause-77",
                                               kdf=FAST_KDF)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(type(boss.accounts), "_reset_password", meanwhile)
    second.accounts.approve_request(pending.id, NEW, kdf=FAST_KDF)
    assert _opens(target, "ville", NEW)
    assert not _opens(target, "ville", "Toinen-Salasana-Lause-77")
    approvals = [d for d in _details(boss) if d.startswith("approved")]
    assert approvals == ["approved: password reset of ville; requested by aapo, "
                         "approved by sanna"]


def test_a_refused_approval_leaves_the_request_pending(
        admin: services.Services, second: services.Services, boss: services.Services) -> None:
    pending = admin.accounts.change_role(second.actor.user_id, Role.ADMINISTRATOR)
    assert isinstance(pending, AccountRequestData)
    with pytest.raises(PermissionDenied, match="own role"):
        second.accounts.approve_request(pending.id)  # one's own role: refused
    assert [r.id for r in boss.accounts.requests()] == [pending.id]


def test_a_request_lapses_after_a_week(admin: services.Services,
                                       boss: services.Services,
                                       database: Database) -> None:
    import datetime as dt

    from sqlalchemy import update

    from models.domain.entities import AccountChangeRequest

    pending = admin.accounts.create_user("eve", "Eve", Role.SUPERVISOR, None)
    assert isinstance(pending, AccountRequestData)
    from models.domain.base import utcnow

    with database.writing() as db_session:
        db_session.execute(update(AccountChangeRequest).values(
            requested_at=utcnow() - dt.timedelta(days=8)))
    assert boss.accounts.requests() == []
    with pytest.raises(NotFound, match="lapsed"):
        boss.accounts.approve_request(pending.id, NEW, kdf=FAST_KDF)
    assert "eve" not in _usernames(boss)
