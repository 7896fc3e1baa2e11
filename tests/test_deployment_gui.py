"""The organisation's deployment file in the desktop app (issue 20, part 5): the idle lock's
minutes, the Organisation dialog's enforced fields and defaults, the organisation's name
in the titles, and a start refused on an unusable file. The file itself, the services and
the command line: tests/test_deployment.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit

from gui.shared import errors
from gui.shared.settings import IDLE_LOCK_MINUTES, Preferences
from gui.start import app as app_module
from gui.start.login import LoginDialog
from gui.window.main_window import MainWindow
from gui.workspaces.organisation import OrganisationDialog
from models import services
from models.domain import deployment
from models.domain.deployment import Deployment
from models.domain.dto import OrganisationSettings
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import QuitQuestions

DEPLOYED = """\
[defaults]
idle_lock_minutes = 10
help_lines = ["Rikosuhripäivystys (RIKU) 116 006", "Hätänumero 112"]

[enforced]
name = "Kriisiapu ry"
classification_line = "Salassa pidettävä (JulkL 24 § 1 mom. 25 k.)"
retention_days = 3650
"""


def _deploy(tmp_path: Path, text: str = DEPLOYED) -> Deployment:
    path = tmp_path / "suoja.toml"
    path.write_text(text, encoding="utf-8")
    deployed = deployment.load(path)
    deployment.use(deployed)
    return deployed


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, error, title="": shown.append(error))
    monkeypatch.setattr("gui.workspaces.organisation.show_error",
                        lambda parent, error, title="": shown.append(error))
    return shown


# -- the idle lock's minutes -----------------------------------------------------------------


def _preferences(tmp_path: Path, deployed: Deployment, own: int | None = None) -> Preferences:
    store = QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
    store.remove(IDLE_LOCK_MINUTES.key)
    if own is not None:
        store.setValue(IDLE_LOCK_MINUTES.key, own)
    return Preferences(store, deployed)


def test_idle_minutes_enforced_then_the_persons_own_then_the_default_then_five(
        tmp_path: Path) -> None:
    nothing = deployment.NOTHING_DEPLOYED
    default = Deployment(defaults={"idle_lock_minutes": 10})
    enforced = Deployment(enforced={"idle_lock_minutes": 3})
    assert _preferences(tmp_path, nothing).idle_lock_minutes == 5
    assert _preferences(tmp_path, nothing, own=7).idle_lock_minutes == 7
    assert _preferences(tmp_path, default).idle_lock_minutes == 10
    assert _preferences(tmp_path, default, own=7).idle_lock_minutes == 7
    assert _preferences(tmp_path, enforced).idle_lock_minutes == 3
    assert _preferences(tmp_path, enforced, own=30).idle_lock_minutes == 3


def test_preferences_read_the_process_deployment_when_given_none(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "preferences.ini"), QSettings.Format.IniFormat)
    store.setValue(IDLE_LOCK_MINUTES.key, 30)
    _deploy(tmp_path, "[enforced]\nidle_lock_minutes = 2\n")
    assert Preferences(store).idle_lock_minutes == 2


# -- the Organisation dialog -----------------------------------------------------------------


@pytest.fixture
def boss(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.fixture
def window(boss: services.Services, db_path: Path, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(boss, opener=open_database)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    yield main
    main.close()


def _open_dialog(window: MainWindow, qtbot) -> OrganisationDialog:  # type: ignore[no-untyped-def]
    window.select_place("accounts")
    qtbot.mouseClick(window.pages.currentWidget().organisation_button,
                     Qt.MouseButton.LeftButton)
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, OrganisationDialog) and w.isVisible()]
    assert found, "the Organisation dialog did not open"
    return found[-1]


def test_enforced_fields_are_read_only_named_in_a_note_and_the_rest_is_saved(
        tmp_path: Path, boss: services.Services, qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    boss.organisation.update(OrganisationSettings(name="Tallennettu nimi"))
    deployed = _deploy(tmp_path)
    window = MainWindow(boss, opener=open_database)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Suoja — Kriisiapu ry — ")
    dialog = _open_dialog(window, qtbot)
    note = dialog.findChild(QLabel, "deploymentNote")
    assert note is not None and note.isVisible()
    assert note.text() == ("Set by your organisation's deployment file, and not changeable "
                           "here: Name of the organisation, Classification line, Retention "
                           "period.")
    assert dialog.name.isReadOnly() and dialog.name.text() == "Kriisiapu ry"
    assert dialog.classification.isReadOnly()
    assert dialog.classification.toolTip() == (
        f"Set by your organisation's deployment file ({deployed.source})")
    assert dialog.retention_days.isReadOnly() and dialog.retention_days.value() == 3650
    # A default of the file: the field stays empty, the default shown as its placeholder.
    assert not dialog.help_lines.isReadOnly() and dialog.help_lines.toPlainText() == ""
    assert dialog.help_lines.placeholderText() == (
        "Default of your organisation: Rikosuhripäivystys (RIKU) 116 006 · Hätänumero 112")
    # Typing into a read-only field changes nothing; the others are saved.
    qtbot.keyClicks(dialog.name, "Muu")
    assert dialog.name.text() == "Kriisiapu ry"
    qtbot.keyClicks(dialog.data_requests, "Kirjoita meille")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    assert not dialog.isVisible()
    in_force = boss.organisation.settings()
    assert in_force.data_requests == "Kirjoita meille"
    assert in_force.help_lines == "Rikosuhripäivystys (RIKU) 116 006\nHätänumero 112"
    assert boss.organisation.for_editing().help_lines == ""  # the default was not saved
    deployment.use(deployment.NOTHING_DEPLOYED)
    assert boss.organisation.settings().name == "Tallennettu nimi"
    assert boss.retention.retention_days() == 1825  # nothing saved over the enforced one


def test_without_a_file_the_dialog_has_no_note_and_saves_the_name(
        window: MainWindow, boss: services.Services, qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    assert "—" in window.windowTitle() and "Kriisiapu" not in window.windowTitle()
    dialog = _open_dialog(window, qtbot)
    assert dialog.findChild(QLabel, "deploymentNote") is None
    assert not dialog.name.isReadOnly() and not dialog.retention_days.isReadOnly()
    qtbot.keyClicks(dialog.name, "Kriisiapu ry")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Save
    assert shown_errors == []
    assert boss.organisation.settings().name == "Kriisiapu ry"


# -- the sign-in window and the start ----------------------------------------------------------


def test_the_sign_in_window_names_the_organisation(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    named = LoginDialog(db_path, open_database, organisation="Kriisiapu ry")
    qtbot.addWidget(named)
    assert named.windowTitle() == "Suoja — Kriisiapu ry — sign in"
    assert named.findChild(QLabel, "subtitle").text() == "Kriisiapu ry"
    plain = LoginDialog(db_path, open_database)
    qtbot.addWidget(plain)
    assert plain.windowTitle() == "Suoja — sign in"


def test_the_app_does_not_start_on_an_unusable_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "suoja.toml"
    path.write_text("[enforced]\nretention_days = 7\n", encoding="utf-8")
    deployment.use(path)
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_problem", shown.append)
    monkeypatch.setattr(app_module, "apply_style", lambda _app: None)
    monkeypatch.setattr(app_module, "install_excepthook", lambda: None)
    monkeypatch.setattr(app_module, "_run_sessions",
                        lambda *_args, **_kwargs: pytest.fail("started anyway"))
    assert app_module.run_app(db_path=tmp_path / "x.db") == 4
    assert shown == [f"In the organisation's deployment file {path}, enforced.retention_days "
                     "must be between 30 and 36500."]


def test_an_enforced_text_with_a_no_break_space_does_not_block_saving(
        tmp_path: Path, boss: services.Services, qtbot,  # type: ignore[no-untyped-def]
        shown_errors: list[BaseException]) -> None:
    """QPlainTextEdit hands back a no-break space as a space: the enforced text as the
    box showed it differed from the file's, and every save was refused."""
    _deploy(tmp_path, '[enforced]\npolice_contact = "Päivystys 0800\u00a0000\u00a0000"\n')
    window = MainWindow(boss, opener=open_database)
    qtbot.addWidget(window)
    window.show()
    dialog = _open_dialog(window, qtbot)
    assert dialog.police_contact.isReadOnly()
    qtbot.keyClicks(dialog.data_requests, "Kirjoita meille")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert shown_errors == []
    saved = boss.organisation.settings()
    assert saved.data_requests == "Kirjoita meille"
    assert saved.police_contact == "Päivystys 0800\u00a0000\u00a0000"


def test_ctrl_q_in_the_organisation_dialog_does_not_quit_past_what_was_typed(
        window: MainWindow, qtbot, quit_questions: QuitQuestions) -> None:  # type: ignore[no-untyped-def]
    """The dialog cannot tell the quit question what it holds, so Ctrl+Q typed in it
    quits nothing (as before Quit existed); from the main window it quits."""
    dialog = _open_dialog(window, qtbot)
    field = next(edit for edit in dialog.findChildren(QLineEdit)
                 if edit.isVisible() and not edit.isReadOnly())
    field.setFocus()
    qtbot.keyClicks(field, "Kriisikeskus")
    qtbot.keyClick(field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible() and dialog.isVisible()
    assert "Kriisikeskus" in field.text()
    assert quit_questions.asked == []
    dialog.reject()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
