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
import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from gui.case.case_view import CaseView, open_case
from gui.shared.clipboard import clear_sensitive
from gui.window.main_window import MainWindow
from models import services
from models.domain import validation as v
from models.domain.dto import CaseDraft, SupportSessionDraft, VictimDraft
from models.domain.enums import Role, SessionMode
from models.domain.errors import PermissionDenied, ValidationError
from models.domain.validation import generate_temporary_identity_code
from models.pdf.data import Profile
from models.security.passwords import check_password
from models.storage.store import create_database, open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD

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


# -- M5: the revealed identity code on the clipboard ---------------------------------------------


@pytest.fixture
def case_window(boss: services.Services, qtbot  # type: ignore[no-untyped-def]
                ) -> Iterator[tuple[MainWindow, CaseView, FakeClock]]:
    """The main window with one case open in its own window, the code not yet revealed."""
    case = boss.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Esimerkki", identity_code=CODE),
        CaseDraft(risk_level="high"))
    clock = FakeClock()
    window = MainWindow(boss, clock=clock)
    qtbot.addWidget(window)
    window.resize(900, 420)
    window.show()
    view = open_case(window, window.session, case.id)
    assert view is not None
    qtbot.waitExposed(view)
    yield window, view, clock
    if shiboken6.isValid(view):
        view.close()
    window.session.close()
    QApplication.processEvents()


def _select_and_copy(view: CaseView, qtbot) -> None:  # type: ignore[no-untyped-def]
    """What the reviewer did: select the revealed code with the mouse, press Ctrl+C."""
    label = view.header.code
    _drag_across(label, qtbot)  # the press gives it focus
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


def _secret_hint() -> bytes:
    mime = QGuiApplication.clipboard().mimeData()
    return bytes(mime.data("x-kde-passwordManagerHint").data()) if mime else b""


def test_ctrl_c_on_the_revealed_code_copies_it_marked_secret_and_cleared_after_30_s(
    case_window: tuple[MainWindow, CaseView, FakeClock], clean_clipboard: None,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    _window, view, _clock = case_window
    clipboard = QGuiApplication.clipboard()
    assert view.header.reveal_code() == CODE
    _select_and_copy(view, qtbot)
    assert clipboard.text() == CODE
    assert _secret_hint() == b"secret"
    # Thirty seconds later the timer copy_sensitive started clears it (older timers of
    # earlier copies leave a newer copy alone).
    timers = [t for t in clipboard.findChildren(QTimer) if t.isActive()]
    assert timers and all(t.interval() == 30_000 for t in timers)
    for timer in timers:
        timer.timeout.emit()
    assert clipboard.text() == ""


def test_no_unmarked_selection_of_the_revealed_code(
    case_window: tuple[MainWindow, CaseView, FakeClock], clean_clipboard: None,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """Selecting text would also fill X11's primary selection, which nothing clears."""
    _window, view, _clock = case_window
    view.header.reveal_code()
    label = view.header.code
    _drag_across(label, qtbot)
    assert not label.hasSelectedText()
    assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    # Masked again (after 30 s or "Hide"): the masked code may be selected as before.
    view.header.hide_code()
    _drag_across(label, qtbot)
    assert label.selectedText() == label.text()


def _drag_across(label: QLabel, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Select a label's text with the mouse, left to right."""
    middle = label.height() // 2
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=QPoint(1, middle))
    qtbot.mouseMove(label, QPoint(label.width() - 1, middle))
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=QPoint(label.width() - 1, middle))


def test_the_idle_lock_clears_a_code_copied_with_ctrl_c(
    case_window: tuple[MainWindow, CaseView, FakeClock], clean_clipboard: None,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window, view, clock = case_window
    view.header.reveal_code()
    _select_and_copy(view, qtbot)
    assert QGuiApplication.clipboard().text() == CODE
    clock.now += TIMEOUT_S
    assert window.idle.check() is True
    assert window.session.is_locked
    assert QGuiApplication.clipboard().text() == ""


def test_signing_out_clears_a_code_copied_with_ctrl_c(
    case_window: tuple[MainWindow, CaseView, FakeClock], clean_clipboard: None,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window, view, _clock = case_window
    view.header.reveal_code()
    _select_and_copy(view, qtbot)
    assert QGuiApplication.clipboard().text() == CODE
    window.close()  # signing out closes the window
    assert QGuiApplication.clipboard().text() == ""


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


# -- L3: the published demo password -------------------------------------------------------------


def test_the_published_demo_password_is_the_demo_seeds() -> None:
    from models.demo.seed import DEMO_PASSWORD
    from models.security import passwords

    assert PUBLISHED_DEMO_PASSWORD == DEMO_PASSWORD == passwords.PUBLISHED_DEMO_PASSWORD
    assert PUBLISHED_DEMO_PASSWORD in Path("README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("password", [
    PUBLISHED_DEMO_PASSWORD, "Suoja-Demo-Password", "suoja demo password!",
    "SUOJA_DEMO_PASSWORD_2024", "5uoja-dem0-pa55word", "my suoja-demo-password",
])
def test_the_demo_password_and_close_variants_are_refused(password: str) -> None:
    with pytest.raises(ValidationError, match="published demo password"):
        check_password(password, username="maria", display_name="Maria Example")


@pytest.mark.both_databases
def test_nobody_can_give_a_real_account_the_demo_password(
    database: Database, staff: dict[Role, Actor], target: Target,
) -> None:
    # A supervisor sets passwords (an administrator's changes to accounts that read case
    # content wait for one: tests/test_insider_duties.py).
    admin = services.build(database, staff[Role.SUPERVISOR]).accounts
    with pytest.raises(ValidationError, match="published demo password"):
        admin.create_user("maria", "Maria Example", Role.COUNSELLOR, PUBLISHED_DEMO_PASSWORD,
                          kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="published demo password"):
        admin.reset_password(staff[Role.COUNSELLOR].user_id, PUBLISHED_DEMO_PASSWORD,
                             kdf=FAST_KDF)
    own = services.build(database, staff[Role.COUNSELLOR]).accounts
    with pytest.raises(ValidationError, match="published demo password"):
        own.change_own_password(STRONG, PUBLISHED_DEMO_PASSWORD, kdf=FAST_KDF)
    open_database(target, "kaisa", STRONG)[0].dispose()  # unchanged


def test_a_real_database_cannot_be_created_with_the_demo_password(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="published demo password"):
        create_database(tmp_path / "real.db", username="sanni",
                        password=PUBLISHED_DEMO_PASSWORD, kdf=FAST_KDF)
    assert not list(tmp_path.iterdir())


def test_the_demo_still_signs_in_with_its_published_password(tmp_path: Path) -> None:
    from models.demo.seed import DEMO_SUPERVISOR, seed_demo
    from models.security.passwords import demo_password_allowed

    with demo_password_allowed():
        result = create_database(tmp_path / "demo.db", username=DEMO_SUPERVISOR.username,
                                 password=PUBLISHED_DEMO_PASSWORD,
                                 display_name=DEMO_SUPERVISOR.display_name, kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=3, kdf=FAST_KDF)
    finally:
        result.database.dispose()
    database, actor = open_database(tmp_path / "demo.db", "counsellor01",
                                    PUBLISHED_DEMO_PASSWORD)
    database.dispose()
    assert actor.role is Role.COUNSELLOR
    with pytest.raises(ValidationError):  # the exemption ends with the block
        check_password(PUBLISHED_DEMO_PASSWORD)


# -- L4: PDF passwords ---------------------------------------------------------------------------


@pytest.fixture
def one_case(boss: services.Services) -> tuple[int, str]:
    case = boss.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Esimerkki", identity_code=CODE),
        CaseDraft())
    return case.id, case.reference


@pytest.mark.parametrize("pdf_password", ["x", "a" * 11])
def test_the_command_line_refuses_a_short_pdf_password(
    db_path: Path, one_case: tuple[int, str], pdf_password: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    monkeypatch.setenv("PDF_PASSWORD", pdf_password)
    out = tmp_path / "out"
    out.mkdir()
    code = cli_main(["export-pdf", "--db", str(db_path), "--user", "super", "--case",
                     one_case[1], "--profile",
                     "police", "--out", str(out / "one.pdf"), "--password-env",
                     "PDF_PASSWORD"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "at least 12 characters" in err
    assert not list(out.iterdir())
    assert cli_main(["report", "--db", str(db_path), "--user", "super", "--out",
                     str(out / "report.pdf"), "--password-env", "PDF_PASSWORD"]) == 2
    assert not list(out.iterdir())


@pytest.mark.both_databases
def test_the_export_service_refuses_a_short_pdf_password(
    boss: services.Services, one_case: tuple[int, str], tmp_path: Path,
) -> None:
    exports, case_id = boss.exports, one_case[0]
    out = tmp_path / "out"
    out.mkdir()
    for call in (
        lambda: exports.render_case(case_id, Profile.POLICE, password="x"),
        lambda: exports.export_case(case_id, Profile.POLICE, out / "a.pdf",
                                    password="short"),
        lambda: exports.export_cases([case_id], Profile.POLICE, out / "batch",
                                     password="", workers=0),
        lambda: exports.export_caseload_report(out / "r.pdf", password="1"),
    ):
        with pytest.raises(ValidationError, match="at least 12 characters"):
            call()
    assert not list(out.iterdir())
    assert exports.render_case(case_id, Profile.POLICE, password="Poliisille-vain-2024")


# -- L7: bidirectional and zero-width characters -------------------------------------------------

INVISIBLE = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
             "\u2069", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u2028",
             "\u2029", "\u2060", "\u061c", "\u00ad", "\U000e0041"]


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_names_with_bidi_or_zero_width_characters_are_refused(char: str) -> None:
    with pytest.raises(ValidationError, match="invisible") as refused:
        v.validate_text(f"Aino{char}Esimerkki", field="First names", max_length=100)
    assert "Aino" not in str(refused.value)  # the value is never repeated
    with pytest.raises(ValidationError, match="invisible"):
        v.validate_username(f"kai{char}sa")


@pytest.mark.both_databases
def test_spoofed_names_do_not_reach_lists_or_pdfs(
    database: Database, boss: services.Services, staff: dict[Role, Actor],
) -> None:
    with pytest.raises(ValidationError, match="invisible"):
        boss.cases.create_intake(  # shows as "Aino Esimerkki" with the letters reversed
            VictimDraft(first_names="Aino", last_name="\u202eikkremisE"), CaseDraft())
    admin = services.build(database, staff[Role.ADMINISTRATOR]).accounts
    with pytest.raises(ValidationError, match="invisible"):  # a look-alike colleague
        admin.create_user("kaisa2", "Kaisa\u200b Neuvoja", Role.COUNSELLOR, STRONG,
                          kdf=FAST_KDF)
    with pytest.raises(ValidationError, match="invisible"):
        boss.cases.create_breach("Vastaamo\u2066")
    assert [c.display_name for c in boss.accounts.colleagues((Role.COUNSELLOR,))] == [
        "Kaisa Neuvoja"]


def test_ordinary_text_and_emoji_still_pass() -> None:
    for text in ("Åsa Åberg", "Šárka Nováková", "Ольга Иванова", "O'Brien-Mäkinen",
                 "Rivi yksi\nrivi kaksi\tsarake", "שלום עולם", "مرحبا"):
        assert v.validate_text(text, field="Note", max_length=200) == text
    family = ("Viesti: \U0001f468\u200d\U0001f469\u200d\U0001f467 ja "
              "\U0001f3f3\ufe0f\u200d\U0001f308")
    assert v.validate_text(family, field="Message text", max_length=200) == family


def test_an_emoji_joiner_does_not_let_other_invisible_characters_through() -> None:
    for text in ("a\u200db", "\U0001f468\u200d", "\u200d\U0001f469", "x\u200d\U0001f469"):
        with pytest.raises(ValidationError, match="invisible"):
            v.validate_text(text, field="Note", max_length=200)


@pytest.mark.both_databases
def test_a_counsellor_cannot_plant_bidi_controls_in_a_session_note(
    database: Database, boss: services.Services, staff: dict[Role, Actor],
) -> None:
    case = boss.cases.create_intake(VictimDraft(first_names="Aino", last_name="Esimerkki"),
                                    CaseDraft(assigned_to_id=staff[Role.COUNSELLOR].user_id))
    own = services.build(database, staff[Role.COUNSELLOR])
    with pytest.raises(ValidationError, match="invisible"):
        own.records.add_support_session(case.id, SupportSessionDraft(
            started_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
            mode=SessionMode.PHONE, notes="Soitto \u2067meni hyvin\u2069"))


def test_init_refuses_invisible_characters_in_the_first_supervisors_name(
        tmp_path: Path) -> None:
    """The first supervisor's display name follows the rules every name follows."""
    from models.domain.errors import ValidationError
    from models.storage.store import create_database

    with pytest.raises(ValidationError):
        create_database(tmp_path / "spoof.db", username="boss",
                        password="correct horse battery staple",
                        display_name="Sanna\u202eR.", kdf=FAST_KDF)
    assert not (tmp_path / "spoof.db").exists()


@pytest.mark.both_databases
def test_an_account_that_already_has_the_demo_password_is_refused_at_sign_in(
    database: Database, staff: dict[Role, Actor], target: Target,
) -> None:
    """One made before the demo password was refused: its slot is rewrapped under it, as
    a script (or an old version) could have."""
    from models.domain.errors import AuthenticationError
    from models.security.passwords import PUBLISHED_DEMO_PASSWORD
    from models.storage.keyfile import SLOT_USER

    keys = database.load_keyfile()
    identity = keys.unwrap(SLOT_USER, "kaisa", STRONG).identity
    slot, _identity = keys.new_slot(SLOT_USER, "kaisa", PUBLISHED_DEMO_PASSWORD, FAST_KDF,
                                    identity)
    with database.writing() as db_session:
        database.store_key_slot(slot, db_session)
    with pytest.raises(AuthenticationError, match="published demo password"):
        open_database(target, "kaisa", PUBLISHED_DEMO_PASSWORD)


def test_the_demo_database_still_signs_in_with_the_demo_password(tmp_path: Path) -> None:
    from models.demo.seed import DEMO_KDF, DEMO_SUPERVISOR, seed_demo
    from models.security.passwords import PUBLISHED_DEMO_PASSWORD, demo_password_allowed

    path = tmp_path / "demo.db"
    with demo_password_allowed():  # as main.py --demo does
        created = create_database(path, username=DEMO_SUPERVISOR.username,
                                  password=PUBLISHED_DEMO_PASSWORD, kdf=DEMO_KDF)
        summary = seed_demo(created.database, created.actor, victims=3, seed=1)
    created.database.dispose()
    for account in (DEMO_SUPERVISOR, *summary.accounts):
        opened, actor = open_database(path, account.username, PUBLISHED_DEMO_PASSWORD)
        opened.dispose()
        assert actor.role is account.role
