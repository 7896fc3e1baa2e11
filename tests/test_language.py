"""Which language Suoja speaks, and how it writes dates, times and numbers in each.

The language of a run: ``--lang``, else ``SUOJA_LANG``, else the signed-in account's, else
the system's if Suoja speaks it, else Finnish. Times are Finnish time on every computer.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from main import main
from models import services as services_module
from models.domain import formatting, i18n
from models.domain.enums import Language
from models.domain.errors import UsageError
from models.storage.store import open_database
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
#: 24.10.2020 14:49 UTC is 17:49 in Helsinki (summer time, UTC+3).
MOMENT = dt.datetime(2020, 10, 24, 14, 49, tzinfo=dt.UTC)


# -- choosing -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("fi", Language.FINNISH), ("SV", Language.SWEDISH), ("en_GB.UTF-8", Language.ENGLISH),
    ("sv-FI", Language.SWEDISH), ("fi_FI", Language.FINNISH),
])
def test_language_names_are_read_leniently(text: str, expected: Language) -> None:
    assert i18n.parse_language(text) is expected


def test_a_language_suoja_does_not_speak_is_refused_in_one_sentence() -> None:
    with pytest.raises(UsageError, match=r"not “de”\.$"):
        i18n.parse_language("de")


def test_the_run_chooses_over_the_account_and_the_account_over_the_system(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "sv_FI.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert i18n.override("en", {"SUOJA_LANG": "fi"}) is Language.ENGLISH
    assert i18n.override(None, {"SUOJA_LANG": "fi"}) is Language.FINNISH
    assert i18n.override(None, {}) is None
    assert i18n.choose(Language.ENGLISH, "fi") is Language.ENGLISH
    assert i18n.choose(None, "en") is Language.ENGLISH
    assert i18n.choose(None, None) is Language.SWEDISH  # the system's
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.choose(None, None) is Language.FINNISH  # Suoja does not speak German
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert i18n.choose(None, None) is Language.FINNISH


def test_signing_in_switches_to_the_account_language_unless_the_run_chose() -> None:
    i18n.use(Language.FINNISH, overridden=False)
    assert i18n.after_sign_in("sv") is Language.SWEDISH
    i18n.use(Language.ENGLISH, overridden=True)
    assert i18n.after_sign_in("sv") is Language.ENGLISH


def test_an_unknown_lang_option_exits_2_with_one_sentence(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "xx", "verify", "--db", "x.db", "--user", "a"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "“xx”" in err[0]


def test_lang_is_accepted_before_and_after_the_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    database = tmp_path / "lang.db"
    assert main(["--lang", "sv", "init", "--db", str(database), "--user", "boss"]) == 0
    assert i18n.current() is Language.SWEDISH
    assert main(["verify", "--db", str(database), "--user", "boss", "--lang=en"]) == 0
    assert i18n.current() is Language.ENGLISH
    capsys.readouterr()


# -- the account's language -----------------------------------------------------------------


def test_init_keeps_the_language_it_spoke_and_the_account_can_change_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    database = tmp_path / "account.db"
    assert main(["--lang", "sv", "init", "--db", str(database), "--user", "boss"]) == 0
    capsys.readouterr()
    db, actor = open_database(database, "boss", PASSWORD)
    try:
        assert actor.language is Language.SWEDISH
        services = services_module.build(db, actor)
        assert services.accounts.set_own_language(Language.ENGLISH).language == "en"
    finally:
        db.dispose()
    db, actor = open_database(database, "boss", PASSWORD)
    db.dispose()
    assert actor.language is Language.ENGLISH
    # Without --lang or SUOJA_LANG, a command speaks the account's language after sign-in.
    monkeypatch.delenv("SUOJA_LANG")
    # The system speaks Finnish, so a line printed before the sign-in would be Finnish.
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    assert main(["verify", "--db", str(database), "--user", "boss"]) == 0
    assert i18n.current() is Language.ENGLISH
    # Every line in it, the file checks made before the sign-in too.
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["SQLCipher page check: every page authenticates",
                         "SQLite integrity check: ok"]
    assert any(line.startswith("Audit chain: ") for line in lines)


# -- formats --------------------------------------------------------------------------------


@pytest.mark.parametrize("language, expected", [
    (Language.FINNISH, "24.10.2020 klo\u00a017.49"),
    (Language.SWEDISH, "24.10.2020 kl.\u00a017.49"),
    (Language.ENGLISH, "24.10.2020 17:49"),
])
def test_a_moment_is_written_as_each_language_writes_it(language: Language,
                                                        expected: str) -> None:
    i18n.use(language)
    assert formatting.datetime_text(MOMENT) == expected
    assert formatting.datetime_text(MOMENT, zone=True) == f"{expected} (UTC+3)"
    assert formatting.date_text(MOMENT) == "24.10.2020"
    assert formatting.money_text(Decimal("1200.5")) == "1\u00a0200,50\u00a0€"
    assert formatting.count_text(40000) == "40\u00a0000"


def test_winter_time_says_utc_plus_2() -> None:
    winter = dt.datetime(2024, 1, 5, 7, 4, tzinfo=dt.UTC)
    i18n.use(Language.FINNISH)
    assert formatting.datetime_text(winter, zone=True) == "5.1.2024 klo\u00a09.04 (UTC+2)"


def test_times_are_finnish_time_whatever_the_computer_zone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown = []
    for zone in ("UTC", "America/New_York", "Asia/Tokyo"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        shown.append(formatting.datetime_text(MOMENT))
    monkeypatch.delenv("TZ")
    time.tzset()
    assert shown == ["24.10.2020 17:49"] * 3
    local = formatting.from_local(dt.datetime(2020, 10, 24, 17, 49))  # noqa: DTZ001 - a wall clock
    assert local == MOMENT


# -- the desktop app ------------------------------------------------------------------------


def test_the_app_loads_qt_and_its_own_catalogs_for_finnish_and_none_for_english(
        qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from gui.shared import i18n as gui_i18n

    try:
        gui_i18n.install(Language.FINNISH)
        assert gui_i18n.loaded_catalogs() == 1 + len(gui_i18n.PARTS)  # qtbase + ours
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Peru"  # Qt's own Finnish
        gui_i18n.install(Language.SWEDISH)
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    finally:
        gui_i18n.install(Language.ENGLISH)
    assert gui_i18n.loaded_catalogs() == 0
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_help_starts_in_the_language_of_suoja_lang() -> None:
    """A real process: the environment variable reaches the parser before it is built."""
    env = {**os.environ, "SUOJA_LANG": "xx"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "xx" in result.stderr and "Traceback" not in result.stderr


def test_the_stored_checklist_is_shown_in_the_language_in_use(
        database: object, supervisor: object) -> None:
    """The checklist rows stay English in the database; services show them translated."""
    services = services_module.build(database, supervisor)  # type: ignore[arg-type]
    english = services.records.protective_action_types()[0]
    i18n.use(Language.FINNISH)
    finnish = services.records.protective_action_types()[0]
    i18n.use(Language.SWEDISH)
    swedish = services.records.protective_action_types()[0]
    assert english[1] == "Credit ban (positive credit register)"
    assert finnish[0] == swedish[0] == english[0]  # the stored code never changes
    assert finnish[1].startswith("Luottokielto") and swedish[1].startswith("Kreditspärr")
    assert finnish[2] != english[2] != swedish[2]


# -- choosing in the desktop app ------------------------------------------------------------


def test_the_first_run_setup_asks_the_language_and_keeps_it_with_the_account(
        tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from gui.start.setup import SetupDialog
    from tests.conftest import FAST_KDF
    from tests.test_setup import STRONG, fill

    setup = SetupDialog(tmp_path / "suoja.db", kdf=FAST_KDF)
    qtbot.addWidget(setup)
    setup.show()
    box = setup.language.editor
    assert [box.itemText(i) for i in range(box.count())] == ["Suomi", "Svenska", "English"]
    assert box.currentData() == "en"  # the language in use (the tests': English)
    box.setFocus()
    qtbot.keyClicks(box, "Svenska")  # chosen by typing, as a keyboard user would
    assert box.currentData() == "sv"
    fill(setup, qtbot)
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: setup.stack.currentIndex() == 1, timeout=20000)
    qtbot.keyClick(setup.stored, Qt.Key.Key_Space)
    qtbot.mouseClick(setup.continue_button, Qt.MouseButton.LeftButton)
    assert setup.result_value is not None
    database, actor = setup.result_value
    database.dispose()
    assert actor.language is Language.SWEDISH
    reopened, again = open_database(tmp_path / "suoja.db", "maria", STRONG)
    reopened.dispose()
    assert again.language is Language.SWEDISH


def test_language_in_the_lock_menu_saves_the_choice_for_the_next_sign_in(
        database: object, supervisor: object, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    from gui.window.language import LanguageDialog
    from gui.window.main_window import MainWindow

    window = MainWindow(services_module.build(database, supervisor))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert window.toolbar.language_action in window.toolbar.lock_menu.actions()
    window.toolbar.language_action.trigger()
    dialog = window.findChild(LanguageDialog)
    assert dialog is not None and dialog.isVisible()
    # The account was made while the tests spoke English: that is its language now.
    assert dialog.buttons_by_language[Language.ENGLISH].isChecked()
    assert "next time you sign in" in dialog.note.text()
    assert "SUOJA_LANG" in dialog.note.text()  # the tests run with SUOJA_LANG=en
    swedish = dialog.buttons_by_language[Language.SWEDISH]
    qtbot.mouseClick(swedish, Qt.MouseButton.LeftButton,  # on the circle, as a person clicks
                     pos=QPoint(swedish.height() // 2, swedish.height() // 2))
    assert swedish.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert window.session.services.accounts.own_language() is Language.SWEDISH
    assert "next sign-in" in window.statusBar().currentMessage()
    assert i18n.current() is Language.ENGLISH  # open windows keep their language


@pytest.mark.parametrize("language, expected", [
    (Language.FINNISH, "24.10.2020 17.49"), (Language.SWEDISH, "24.10.2020 17.49"),
    (Language.ENGLISH, "24.10.2020 17:49"),
])
def test_a_table_cell_writes_a_moment_without_klo(language: Language, expected: str) -> None:
    i18n.use(language)
    assert formatting.datetime_text(MOMENT, compact=True) == expected


def _run(language: str, *args: str, password: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUOJA_LANG": language, "SUOJA_PASSWORD": password}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_wrong_password_and_damage_are_told_in_finnish_and_swedish(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    database = tmp_path / "told.db"
    assert main(["init", "--db", str(database), "--user", "boss"]) == 0
    capsys.readouterr()
    verify = ("verify", "--db", str(database), "--user", "boss")
    wrong = {lang: _run(lang, *verify, password="not the password at all")
             for lang in ("fi", "sv", "en")}
    assert {r.returncode for r in wrong.values()} == {3}
    told = {lang: r.stderr.strip() for lang, r in wrong.items()}
    assert len(set(told.values())) == 3, told  # three different sentences
    assert "salasana" in told["fi"].lower() and "lösenord" in told["sv"].lower()
    assert all(len(text.splitlines()) == 1 and "Traceback" not in text
               for text in told.values())

    with database.open("r+b") as handle:  # a page no longer authenticates
        handle.seek(4096 + 200)
        handle.write(b"\xff" * 64)
    damaged = {lang: _run(lang, *verify, password=PASSWORD) for lang in ("fi", "sv", "en")}
    assert {r.returncode for r in damaged.values()} == {4}
    said = {lang: r.stderr.strip() for lang, r in damaged.items()}
    assert len(set(said.values())) == 3, said
    assert "damaged" in said["en"] or "page" in said["en"]
    assert "damaged" not in said["fi"] and "damaged" not in said["sv"]


@pytest.mark.parametrize("language, words", [
    ("fi", ("käyttö:", "valitsimet", "POLKU")), ("sv", ("användning:", "SÖKVÄG")),
    ("en", ("usage:", "options", "PATH")),
])
def test_help_is_in_the_language_of_the_run(language: str, words: tuple[str, ...]) -> None:
    result = _run(language, "export-pdf", "--help", password="")
    assert result.returncode == 0
    assert all(word in result.stdout for word in words), result.stdout[:400]
    if language != "en":
        assert "show this help message and exit" not in result.stdout


def test_no_display_is_said_in_the_run_language_before_any_window_exists() -> None:
    """Qt cannot start, so no application holds the catalogs: the sentence reads its own."""
    from gui.start.qt_platform import no_window_reason

    messages = ["qt.qpa.xcb: could not connect to display"]
    english = no_window_reason(messages, "xcb")
    i18n.use(Language.FINNISH)
    finnish = no_window_reason(messages, "xcb")
    i18n.use(Language.SWEDISH)
    swedish = no_window_reason(messages, "xcb")
    assert english.startswith("Suoja cannot open its window")
    assert len({english, finnish, swedish}) == 3
    assert "DISPLAY" in finnish and "DISPLAY" in swedish
