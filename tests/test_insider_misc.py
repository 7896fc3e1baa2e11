"""Insider findings M5, L1, L3, L4 and L7 of the security review (issue 16).

Each test acts as the review did: a staff member with their own password, using the
services, the command line or the app's own windows.

* M5 — a revealed identity code selected and copied with Ctrl+C went to the clipboard
  unmarked, stayed there and survived the idle lock.
* L1 — every role could list all accounts with roles and last sign-in.
* L3 — the published demo password was accepted for a real account.
* L4 — ``--password-env`` accepted a one-character PDF password.
* L7 — bidirectional and zero-width control characters were accepted in names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from gui.shared.clipboard import clear_sensitive
from models import services
from models.domain.enums import Role
from models.domain.errors import PermissionDenied
from models.domain.validation import generate_temporary_identity_code
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

STRONG = "Tuuli-Kivi-Järvi-Polku"
#: As README.md publishes it.
PUBLISHED_DEMO_PASSWORD = "suoja-demo-password"
CODE = generate_temporary_identity_code(dt.date(1984, 5, 17), 931)
TIMEOUT_S = 5 * 60


class FakeClock:
    """A clock the test moves by hand, in seconds (the idle lock's)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cli_main(argv: list[str]) -> int:
    """``main.py`` as the command line runs it."""
    from main import main

    return main(argv)


@pytest.fixture
def boss(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


def _account(boss: services.Services, name: str, display: str, role: Role) -> Actor:
    user = boss.accounts.create_user(name, display, role, STRONG, kdf=FAST_KDF)
    return Actor(user.id, user.username, user.display_name, role)


@pytest.fixture
def staff(boss: services.Services) -> dict[Role, Actor]:
    """One account of every role (the supervisor is the database's first)."""
    return {
        Role.COUNSELLOR: _account(boss, "kaisa", "Kaisa Neuvoja", Role.COUNSELLOR),
        Role.POLICE_LIAISON: _account(boss, "leena", "Leena Poliisi", Role.POLICE_LIAISON),
        Role.ADMINISTRATOR: _account(boss, "aapo", "Aapo Ylläpito", Role.ADMINISTRATOR),
        Role.SUPERVISOR: boss.actor,
    }


@pytest.fixture
def clean_clipboard() -> Iterator[None]:
    clear_sensitive()
    QGuiApplication.clipboard().clear()
    yield
    clear_sensitive()
    QGuiApplication.clipboard().clear()


# -- L1: the account list ------------------------------------------------------------------------


@pytest.mark.both_databases
@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.POLICE_LIAISON])
def test_case_roles_cannot_list_accounts_with_roles_and_last_sign_in(
    database: Database, staff: dict[Role, Actor], role: Role,
) -> None:
    own = services.build(database, staff[role])
    with pytest.raises(PermissionDenied):
        own.accounts.list_users()


@pytest.mark.both_databases
@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMINISTRATOR])
def test_supervisors_and_administrators_still_list_accounts(
    database: Database, staff: dict[Role, Actor], role: Role,
) -> None:
    users = services.build(database, staff[role]).accounts.list_users()
    assert {u.username for u in users} == {"super", "kaisa", "leena", "aapo"}
    assert {u.role for u in users} == {r.value for r in Role}


@pytest.mark.both_databases
@pytest.mark.parametrize("role", list(Role))
def test_colleagues_give_names_for_drop_downs_without_roles_or_sign_ins(
    database: Database, boss: services.Services, staff: dict[Role, Actor], role: Role,
) -> None:
    boss.accounts.create_user("olli", "Olli Lukittu", Role.COUNSELLOR, STRONG, kdf=FAST_KDF)
    olli = next(u for u in boss.accounts.list_users() if u.username == "olli")
    boss.accounts.set_active(olli.id, False)
    accounts = services.build(database, staff[role]).accounts
    counsellors = accounts.colleagues((Role.COUNSELLOR,))
    assert [c.display_name for c in counsellors] == ["Kaisa Neuvoja"]
    assert not any(hasattr(c, name) for c in counsellors
                   for name in ("role", "last_login_at", "username"))
    # The one chosen now is kept, even if locked since; locked ones on request.
    kept = accounts.colleagues((Role.COUNSELLOR,), keep=olli.id)
    assert [c.display_name for c in kept] == ["Kaisa Neuvoja", "Olli Lukittu"]
    everyone = accounts.colleagues((Role.COUNSELLOR, Role.SUPERVISOR), include_locked=True)
    assert {(c.display_name, c.is_active) for c in everyone} == {
        ("Kaisa Neuvoja", True), ("Olli Lukittu", False),
        (staff[Role.SUPERVISOR].display_name, True)}
    with pytest.raises(ValueError):  # administrators are nobody's assignee
        accounts.colleagues((Role.ADMINISTRATOR,))


def test_the_user_list_command_needs_a_supervisor_or_administrator(
    db_path: Path, database: Database, staff: dict[Role, Actor],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", STRONG)
    assert cli_main(["user", "list", "--db", str(db_path), "--user", "kaisa"]) == 3
    captured = capsys.readouterr()
    assert "aapo" not in captured.out and "administrator" not in captured.out
    assert "Traceback" not in captured.err and len(captured.err.splitlines()) == 1
    assert cli_main(["user", "list", "--db", str(db_path), "--user", "aapo"]) == 0
    assert "kaisa" in capsys.readouterr().out
