"""Keyboard use: every workflow without a mouse, with the focus always visible.

A counsellor on the phone works by keyboard. These tests press keys and type (qtbot), and
check where the focus is after each step; they never call slots:

* date fields: Tab leaves the field, and a date typed with its separators lands whole;
* every table and list: one Tab leaves it, arrows move within it;
* the search box: Down and Enter go to the results (Enter at once), Escape empties it;
* mnemonics (Alt+letter) are unique among the widgets shown together in every window,
  every label leads to its field, and fields without a visible label have a name;
* the focus ring: every focusable widget kind shows a 2 px highlight-coloured ring;
* a working day by keyboard only: sign in → search → open → support session → close →
  new intake, and the Tab order of each dialog is the order it is read in.

Message boxes and file dialogs go through the module-level functions of
``gui.shared.questions``, ``gui.shared.errors.show_error``, ``gui.case.files.choose_files``
and ``QMessageBox``'s static functions, answered by the
``prompts`` fixture; synthetic data only (temporary identity codes, example.org).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QDate, QDateTime, QPoint, QRect, Qt, QTime
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)

from gui.case import files
from gui.case.case_view import CaseView, open_case
from gui.case.dialogs.base import OptionalDateField
from gui.case.dialogs.records import SupportSessionDialog
from gui.shared import errors, questions
from gui.shared.forms import DateEdit, DateTimeEdit
from gui.shared.session import Session
from gui.shared.style import FOCUS_RING_WIDTH, FocusRing, install_focus_ring
from gui.window.main_window import MainWindow
from models import services
from models.domain import i18n
from models.domain.base import local_today
from models.domain.dto import (
    CaseDraft,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.enums import Channel, ClosureReason, Language, Role
from models.domain.formatting import local_time
from models.domain.validation import generate_temporary_identity_code
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

STRONG = "Tuuli-Kivi-Jarvi-Polku"  # ASCII: qtbot types ASCII only
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


# -- answering questions -----------------------------------------------------------------------


@dataclass
class Prompts:
    """Every question or error the app tried to show, answered without a nested loop."""

    shown: list[str] = field(default_factory=list)
    modal: Callable[[QDialog], bool] | None = None

    def record(self, what: str, answer: Any) -> Callable[..., Any]:
        def stand_in(*args: Any, **_kwargs: Any) -> Any:
            self.shown.append(f"{what}: {[str(a) for a in args[1:3]]}")
            return answer
        return stand_in

    def run_modal(self, dialog: QDialog) -> bool:
        assert self.modal is not None, "an unexpected modal dialog was opened"
        return self.modal(dialog)


@pytest.fixture(autouse=True)
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    found = Prompts()
    monkeypatch.setattr(questions, "confirm_discard", found.record("discard", True))
    monkeypatch.setattr(questions, "confirm", found.record("confirm", False))
    monkeypatch.setattr(questions, "ask_reload", found.record("reload", False))
    monkeypatch.setattr(errors, "show_error", found.record("error", None))
    monkeypatch.setattr(questions, "run_modal", found.run_modal)
    monkeypatch.setattr(files, "choose_files",
                        lambda parent: pytest.fail("unexpected file dialog"))
    for name, answer in (("warning", QMessageBox.StandardButton.Ok),
                         ("critical", QMessageBox.StandardButton.Ok),
                         ("information", QMessageBox.StandardButton.Ok),
                         ("question", QMessageBox.StandardButton.Discard)):
        monkeypatch.setattr(QMessageBox, name, staticmethod(found.record(name, answer)))
    return found


# -- an office with one case of each kind of record ------------------------------------------


@dataclass
class World:
    database: Database
    boss: services.Services
    kaisa: Actor  # counsellor
    leena: Actor  # police liaison
    ada: Actor  # administrator
    case_id: int  # Kaisa's, a record of every kind, closure requested
    quiet_case_id: int  # Kaisa's, nothing recorded yet

    def services_of(self, actor: Actor) -> services.Services:
        return services.build(self.database, actor)


def _account(boss: services.Services, name: str, display: str, role: Role) -> Actor:
    user = boss.accounts.create_user(name, display, role, STRONG, kdf=FAST_KDF)
    return Actor(user.id, user.username, user.display_name, role)


@pytest.fixture
def world(database: Database, supervisor: Actor) -> World:
    boss = services.build(database, supervisor)
    kaisa = _account(boss, "kaisa", "Kaisa Neuvoja", Role.COUNSELLOR)
    leena = _account(boss, "leena", "Leena Poliisi", Role.POLICE_LIAISON)
    ada = _account(boss, "ada", "Ada Ylläpito", Role.ADMINISTRATOR)
    boss.cases.create_breach("Vastaamo 2018")
    code = generate_temporary_identity_code(dt.date(1984, 5, 17), 931)
    case = boss.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Esimerkki", identity_code=code,
                    phone="040 123 4567", email="aino@example.org"),
        CaseDraft(risk_level="high", risk_reason="Second demand", assigned_to_id=kaisa.user_id))
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    records = boss.records
    contact = records.add_extortion_contact(case.id, ExtortionContactDraft(
        received_at=now, channel=Channel.EMAIL, sender="blackmail@example.org",
        amount_demanded=Decimal("200"), message_text="Pay 200 EUR within 24 hours."))
    records.add_police_report(case.id, PoliceReportDraft(
        report_number="5500/R/12345/20", filed_on=local_today()))
    records.add_support_session(case.id, SupportSessionDraft(started_at=now, notes="Calm."))
    records.add_follow_up(case.id, FollowUpDraft(
        due_on=local_today(), description="Call back", assignee_id=kaisa.user_id))
    records.add_attachment(case.id, "demand.txt", b"Pay.", None, contact.id)
    kaisas = services.build(database, kaisa)
    fresh = kaisas.cases.get_detail(case.id).case
    kaisas.cases.request_closure(case.id, fresh.version, ClosureReason.RESOLVED)
    quiet = boss.cases.create_intake(
        VictimDraft(first_names="Pekka", last_name="Toinen"),
        CaseDraft(assigned_to_id=kaisa.user_id))
    return World(database, boss, kaisa, leena, ada, case.id, quiet.id)


# -- helpers ---------------------------------------------------------------------------------


def show(widget: QWidget, qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """Show a window and wait until it is the active one (keys go to the active window)."""
    if not widget.isVisible():
        widget.show()
    widget.raise_()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier  # type: ignore[no-untyped-def]
          ) -> QWidget:
    """Press a key where the focus is; return where the focus is afterwards."""
    qtbot.keyClick(focused(), key, modifier)
    return focused()


def alt(qtbot, letter: str) -> QWidget:  # type: ignore[no-untyped-def]
    """Press Alt+letter (a mnemonic) in the active window."""
    return press(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)


def top_dialog(kind: type[QDialog]) -> QDialog:
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, kind) and w.isVisible()]
    assert len(dialogs) == 1, f"expected one {kind.__name__}, found {len(dialogs)}"
    return dialogs[0]


# -- what a person can reach with Alt+letter ------------------------------------------------

FIELD_KINDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
               QAbstractItemView)


def _describe(widget: QWidget, text: str = "") -> str:
    name = widget.objectName() or text or widget.accessibleName()
    return f"{type(widget).__name__}({name!r})"


def _texts(widget: QWidget) -> list[str]:
    """The texts Qt reads an Alt+letter from (the C++ text: a button may draw its own)."""
    if isinstance(widget, QAbstractButton):
        return [QAbstractButton.text(widget)]
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    return []


def _is_rich(label: QLabel) -> bool:
    return label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


def _next_in_layout(widget: QWidget) -> QWidget | None:
    """The widget laid out right after ``widget`` (what a label beside it names)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None

    def walk(box: QLayout) -> list[QWidget]:
        found: list[QWidget] = []
        for index in range(box.count()):
            item = box.itemAt(index)
            if item is None:
                continue
            if item.widget() is not None:
                found.append(item.widget())
            elif item.layout() is not None:
                found.extend(walk(item.layout()))
        return found

    widgets = walk(layout) if layout is not None else []
    for position, candidate in enumerate(widgets[:-1]):
        if candidate is widget:
            return widgets[position + 1]
    return None


def _keyboard_reaches(widget: QWidget) -> bool:
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _inner(widget: QWidget) -> bool:
    """A part of another widget (a spin box's line edit, a table's header)."""
    parent = widget.parentWidget()
    return isinstance(widget, QHeaderView) or isinstance(parent, (QAbstractSpinBox, QComboBox))


def keyboard_problems(window: QWidget) -> list[str]:
    """What keeps a keyboard user from reaching things in ``window`` as it is shown now.

    * two widgets shown together with the same Alt+letter;
    * a label with an Alt+letter but no field (buddy), or a field that cannot take focus;
    * a label that names a field but is not its buddy, or is its buddy without a letter;
    * a field with neither a label nor an accessible name;
    * a table or list that Tab walks cell by cell instead of leaving it.
    """
    shown = [w for w in window.findChildren(QWidget)
             if w.window() is window and w.isVisibleTo(window)]
    problems: list[str] = []
    keys: dict[str, list[str]] = defaultdict(list)
    labelled: set[int] = set()
    unlettered: list[tuple[QLabel, str]] = []
    for widget in shown:
        for text in _texts(widget):
            key = QKeySequence.mnemonic(text).toString()
            if key:
                keys[key].append(_describe(widget, text))
        if not isinstance(widget, QLabel) or _is_rich(widget):
            continue
        text, buddy = widget.text(), widget.buddy()
        has_key = not QKeySequence.mnemonic(text).isEmpty()
        if buddy is None:
            neighbour = _next_in_layout(widget)
            if has_key:
                problems.append(f"{_describe(widget, text)} has an Alt+letter but no field")
            elif (text.rstrip().endswith(":") and isinstance(neighbour, FIELD_KINDS)
                  and _keyboard_reaches(neighbour)):
                problems.append(f"{_describe(widget, text)} names {_describe(neighbour)} "
                                "but is not its buddy")
            continue
        labelled.add(id(buddy))
        if not _keyboard_reaches(buddy):
            if has_key:
                problems.append(f"{_describe(widget, text)} leads to {_describe(buddy)}, "
                                "which cannot take the focus")
        elif not has_key and buddy.isVisibleTo(window):
            unlettered.append((widget, text))
    for key, owners in sorted(keys.items()):
        if len(owners) > 1:
            problems.append(f"{key} is shared by {', '.join(owners)}")
    # A label may go without a letter only when every letter of it is taken.
    used = {key.rsplit("+", 1)[-1].casefold() for key in keys}
    for label, text in unlettered:
        free = {c.casefold() for c in text if c.isalpha()} - used
        if free:
            problems.append(f"{_describe(label, text)} has no Alt+letter for its field "
                            f"(free: {''.join(sorted(free))})")
    for widget in shown:
        if (isinstance(widget, QAbstractItemView) and not _inner(widget)
                and widget.tabKeyNavigation()):
            problems.append(f"Tab walks cell by cell in {_describe(widget)}")
        if (isinstance(widget, FIELD_KINDS) and not _inner(widget)
                and _keyboard_reaches(widget)
                and id(widget) not in labelled and not widget.accessibleName()):
            problems.append(f"{_describe(widget)} has neither a label nor an accessible name")
    return problems


def assert_none(found: dict[str, list[str]]) -> None:
    """Fail with every problem of every window, one a line."""
    lines = [f"{where}: {problem}" for where, problems in found.items() for problem in problems]
    if lines:
        pytest.fail("\n".join(lines), pytrace=False)


def test_the_check_finds_shared_letters_and_unnamed_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check itself can fail: the case view's old Alt+A, a label going nowhere."""
    window = QWidget()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    form.addRow(QPushButton("Edit c&ase…"))
    form.addRow(QPushButton("&Add…"))
    form.addRow(QLabel("&Name"))  # an Alt+letter, but no field
    form.addRow("Phone:", QLineEdit())  # QFormLayout makes it the buddy, without a letter
    city = QLineEdit()
    city.setAccessibleName("City")
    form.addRow(QLabel("City:"), city)  # beside its field, but not its buddy
    unnamed = QLineEdit()
    unnamed.setObjectName("unnamed")
    form.addRow(unnamed)
    table = QTableView()  # walks cell by cell with Tab, unless told otherwise
    table.setObjectName("cells")
    table.setAccessibleName("Cells")
    form.addRow(table)
    window.show()
    problems = keyboard_problems(window)
    assert any("Alt+A is shared by" in p and "Edit c&ase" in p and "&Add" in p
               for p in problems), problems
    assert any("'&Name'" in p and "no field" in p for p in problems), problems
    assert any("'Phone:'" in p and "no Alt+letter" in p for p in problems), problems
    assert any("'City:'" in p and "not its buddy" in p for p in problems), problems
    assert any("'unnamed'" in p and "accessible name" in p for p in problems), problems
    assert any("Tab walks cell by cell in QTableView('cells')" in p for p in problems), problems
    assert len(problems) == 6, problems


# -- every window, as it is shown ---------------------------------------------------------------


def _window(world: World, actor: Actor, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(world.services_of(actor))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    show(window, qtbot)
    return window


def _places(window: MainWindow, qtbot, where: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Go to every place with Ctrl+1…9 and check what is shown there."""
    found: dict[str, list[str]] = {}
    for number, key in enumerate(window.navigation.keys()[:9], start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.place == key
        found[f"{where}, {key}"] = keyboard_problems(window)
    return found


def test_every_place_of_the_main_window_has_its_own_letters(world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, list[str]] = {}
    for actor in (world.kaisa, world.leena, world.ada):
        window = _window(world, actor, qtbot)
        found.update(_places(window, qtbot, actor.username))
        window.close()
    boss = _window(world, world.boss.actor, qtbot)
    found.update(_places(boss, qtbot, "supervisor"))
    qtbot.keyClick(boss, Qt.Key.Key_L, CTRL)  # the lock screen
    assert boss.is_locked
    found["lock screen"] = keyboard_problems(boss)
    assert_none(found)


@pytest.fixture
def owner(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """Stands in for the main window: the owner of case views."""
    window = QWidget()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def open_view(world: World, owner: QWidget, qtbot  # type: ignore[no-untyped-def]
              ) -> Iterator[Callable[..., CaseView]]:
    """Open a case as someone (as the main window does); every view closes at the end."""
    opened: list[CaseView] = []

    def open_as(actor: Actor, case_id: int | None = None) -> CaseView:
        session = Session(world.services_of(actor), open_database)
        view = open_case(owner, session, world.case_id if case_id is None else case_id)
        assert view is not None
        opened.append(view)
        show(view, qtbot)
        return view

    yield open_as
    for view in opened:
        if shiboken6.isValid(view):
            view.close()
    QApplication.processEvents()


def _tabs(view: CaseView, qtbot, where: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Go to every tab with Alt+1…9 and check what is shown there."""
    found: dict[str, list[str]] = {}
    for index in range(view.tabs.count()):
        qtbot.keyClick(view, getattr(Qt.Key, f"Key_{index + 1}"), ALT)
        assert view.tabs.currentIndex() == index
        found[f"{where}, {view.tabs.tabText(index)}"] = keyboard_problems(view)
    return found


def test_every_tab_of_the_case_view_has_its_own_letters(  # type: ignore[no-untyped-def]
        world: World, open_view, qtbot) -> None:
    found: dict[str, list[str]] = {}
    for actor in (world.kaisa, world.boss.actor, world.leena):
        view = open_view(actor)
        found.update(_tabs(view, qtbot, actor.username))
        if view.header.reveal_button.isEnabled():
            qtbot.mouseClick(view.header.reveal_button, Qt.MouseButton.LeftButton)
            assert view.header.copy_button.isVisibleTo(view)
            found.update(_tabs(view, qtbot, f"{actor.username}, code shown"))
    quiet = open_view(world.boss.actor, world.quiet_case_id)  # Close case instead of Approve
    found.update(_tabs(quiet, qtbot, "supervisor, no closure requested"))
    assert_none(found)


def _dialog_by_key(view: CaseView, qtbot, *keys: tuple[Qt.Key, Qt.KeyboardModifier]  # type: ignore[no-untyped-def]
                   ) -> QDialog:
    """Press keys in the case view; the dialog they open, active."""
    show(view, qtbot)
    for key, modifier in keys:
        qtbot.keyClick(focused(), key, modifier)
    # A button's Alt+letter clicks it the way Space does: a moment later.
    qtbot.waitUntil(lambda: len(view.open_dialogs()) > 0, timeout=2000)
    dialogs = view.open_dialogs()
    assert len(dialogs) == 1, f"{keys} opened {len(dialogs)} dialogs"
    return show(dialogs[0], qtbot)


def _escape(dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def test_every_case_dialog_opens_by_its_letter_and_has_its_own_letters(  # type: ignore[no-untyped-def]
        world: World, open_view, qtbot) -> None:
    view = open_view(world.kaisa)
    tab = {section: view.tabs.indexOf(section) + 1 for section in view.sections()}
    number = {index: getattr(Qt.Key, f"Key_{index}") for index in range(1, 10)}
    opened: dict[str, list[str]] = {}
    for section, letters in ((view.contacts, "AE"), (view.reports, "AE"),
                             (view.sessions, "AE"), (view.follow_ups, "AE"),
                             (view.actions, "U")):
        for letter in letters:
            show(view, qtbot)  # offscreen, closing a dialog activates no window
            qtbot.keyClick(view, number[tab[section]], ALT)
            section.table.setFocus()  # a row is selected: Edit… works on it
            dialog = _dialog_by_key(view, qtbot, (getattr(Qt.Key, f"Key_{letter}"), ALT))
            opened[dialog.windowTitle()] = keyboard_problems(dialog)
            _escape(dialog, qtbot)
    # The identity-code change step has more fields (grounds, evidence, decision).
    show(view, qtbot)
    qtbot.keyClick(view, number[tab[view.actions]], ALT)
    row = view.actions.model.row_of_code("identity_code_change")
    assert row is not None
    view.actions.table.setFocus()
    for _ in range(row):
        qtbot.keyClick(view.actions.table, Qt.Key.Key_Down)
    dialog = _dialog_by_key(view, qtbot, (Qt.Key.Key_U, ALT))
    assert "grounds" in dialog.form.fields  # type: ignore[attr-defined]
    opened["identity code change step"] = keyboard_problems(dialog)
    _escape(dialog, qtbot)
    for letter in "VDCX":  # Edit victim, change identity code, edit case, export
        dialog = _dialog_by_key(view, qtbot, (getattr(Qt.Key, f"Key_{letter}"), ALT))
        opened[f"Alt+{letter}: {dialog.windowTitle()}"] = keyboard_problems(dialog)
        _escape(dialog, qtbot)
    quiet = open_view(world.kaisa, world.quiet_case_id)
    dialog = _dialog_by_key(quiet, qtbot, (Qt.Key.Key_S, ALT))  # Request closure…
    opened[dialog.windowTitle()] = keyboard_problems(dialog)
    _escape(dialog, qtbot)
    assert len(opened) == 15
    assert_none(opened)


def test_the_other_dialogs_have_their_own_letters(world: World, prompts: Prompts,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path, qtbot) -> None:
    from gui.case.break_glass import BreakGlassDialog
    from gui.case.export_dialog import BatchExportDialog
    from gui.start.login import LoginDialog
    from gui.start.setup import SetupDialog
    from gui.workspaces.accounts_admin import AccountsView
    from gui.workspaces.import_dialog import ImportDialog

    found: dict[str, list[str]] = {}

    def check(dialog: QDialog) -> None:
        show(dialog, qtbot)
        found[dialog.windowTitle()] = keyboard_problems(dialog)
        dialog.close()

    boss = _window(world, world.boss.actor, qtbot)
    boss.batch_export_action.trigger()
    check(top_dialog(BatchExportDialog))
    boss.import_action.trigger()
    check(top_dialog(ImportDialog))
    row = world.boss.case_list.case_rows([world.case_id])[0]
    check(BreakGlassDialog(row, boss))
    boss.close()

    admin = _window(world, world.ada, qtbot)
    accounts = admin.findChild(AccountsView)
    assert accounts is not None and accounts.isVisible()
    qtbot.mouseClick(accounts.create_button, Qt.MouseButton.LeftButton)
    check(top_dialog(QDialog))
    names = [accounts.model.record(row).username for row in range(accounts.model.rowCount())]
    accounts.table.selectRow(names.index("kaisa"))
    for button in (accounts.reset_button, accounts.role_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        check(top_dialog(QDialog))
    admin.close()

    login = LoginDialog(tmp_path / "suoja.db", open_database,
                        demo_accounts=[("kaisa", "counsellor")], demo_password="demo")
    qtbot.addWidget(login)
    check(login)
    setup = SetupDialog(tmp_path / "new" / "suoja.db", kdf=FAST_KDF)
    qtbot.addWidget(setup)
    check(setup)
    assert len(found) == 8
    assert_none(found)


def test_every_intake_step_has_its_own_letters(world: World, prompts: Prompts, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.case.intake import IntakeWizard

    window = _window(world, world.boss.actor, qtbot)  # a supervisor also picks the counsellor
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    wizard = top_dialog(IntakeWizard)
    show(wizard, qtbot)
    found = {"who is calling": keyboard_problems(wizard)}
    qtbot.keyClicks(focused(), "Testi")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Henkila")
    for step in ("existing victims", "risk", "first follow-up"):
        press(qtbot, Qt.Key.Key_Return)
        found[step] = keyboard_problems(wizard)
    assert wizard.currentId() == wizard.FOLLOW_UP
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert prompts.shown and prompts.shown[-1].startswith("question")  # "discard this intake?"
    assert_none(found)


# -- date fields ---------------------------------------------------------------------------------


@pytest.fixture
def date_form(qtbot) -> tuple[QWidget, QLineEdit, DateTimeEdit, DateEdit, QLineEdit]:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    before, after = QLineEdit(), QLineEdit()
    when = DateTimeEdit(QDateTime(QDate(2025, 3, 3), QTime(9, 5)))
    day = DateEdit(QDate(2023, 2, 5))  # February: Qt alone cuts 30 down to 3
    form = QFormLayout(window)
    for name, widget in (("Before", before), ("When", when), ("Day", day), ("After", after)):
        form.addRow(name, widget)
    show(window, qtbot)
    return window, before, when, day, after


@pytest.mark.parametrize(("typed", "shown"), [
    ("14.6.2024 10:30", "14.6.2024 10:30"),
    ("1.2.2024 8:05", "1.2.2024 08:05"),
    ("05.11.2023 23:59", "5.11.2023 23:59"),
    ("14062024 1030", "14.6.2024 10:30"),
    ("3.12.2024 7:5", "3.12.2024 07:05"),
])
def test_a_date_and_time_types_as_it_reads_and_tab_leaves_the_field(  # type: ignore[no-untyped-def]
        date_form, typed: str, shown: str, qtbot) -> None:
    _window, before, when, day, _after = date_form
    before.setFocus()
    assert press(qtbot, Qt.Key.Key_Tab) is when
    assert when.currentSection() == DateTimeEdit.Section.DaySection
    qtbot.keyClicks(when, typed)
    assert press(qtbot, Qt.Key.Key_Tab) is day  # not the next section of the time
    assert when.dateTime().toString("d.M.yyyy HH:mm") == shown


@pytest.mark.parametrize(("language", "typed", "text"), [
    (Language.FINNISH, "14.6.2024 10.30", "14.6.2024 klo 10.30"),
    (Language.FINNISH, "1.2.2024 8.05", "1.2.2024 klo 8.05"),
    (Language.SWEDISH, "3.12.2024 7.5", "3.12.2024 kl. 7.05"),
    (Language.SWEDISH, "14062024 1030", "14.6.2024 kl. 10.30"),
    # Typed the other language's way: the hour is still 1, not 10.
    (Language.FINNISH, "14.6.2024 1:05", "14.6.2024 klo 1.05"),
    (Language.SWEDISH, "1/2/2024 8:5", "1.2.2024 kl. 8.05"),
    (Language.ENGLISH, "14.6.2024 1.05", "14.6.2024 01:05"),
])
def test_a_date_and_time_reads_as_the_lists_write_it_in_every_language(  # type: ignore[no-untyped-def]
        language: Language, typed: str, text: str, qtbot) -> None:
    """The lists and PDFs write "klo 9.05" / "kl. 9.05"; the field wrote "09:05"."""
    window = QWidget()
    qtbot.addWidget(window)
    before, after = QLineEdit(), QLineEdit()
    with i18n.speaking(language):
        when = DateTimeEdit(QDateTime(QDate(2025, 3, 3), QTime(9, 5)))
    assert when.text() == {Language.FINNISH: "3.3.2025 klo 9.05",
                           Language.SWEDISH: "3.3.2025 kl. 9.05",
                           Language.ENGLISH: "3.3.2025 09:05"}[language]
    form = QFormLayout(window)
    for name, widget in (("Before", before), ("When", when), ("After", after)):
        form.addRow(name, widget)
    show(window, qtbot)
    before.setFocus()
    assert press(qtbot, Qt.Key.Key_Tab) is when
    qtbot.keyClicks(when, typed)
    assert press(qtbot, Qt.Key.Key_Tab) is after
    assert when.text() == text


@pytest.mark.parametrize(("typed", "shown"), [
    ("30.1.2024", "30.1.2024"),  # February is showing: Qt alone makes this 3.2.
    ("29.2.2024", "29.2.2024"),  # 2023 is showing: Qt alone makes this 28.2.
    ("31.12.2024", "31.12.2024"),
    ("7", "7.2.2023"),  # only the day typed: the month and year stay
    ("12.3", "12.3.2023"),
])
def test_a_date_is_typed_whole_whatever_month_was_showing(  # type: ignore[no-untyped-def]
        date_form, typed: str, shown: str, qtbot) -> None:
    _window, _before, when, day, after = date_form
    when.setFocus()
    assert press(qtbot, Qt.Key.Key_Tab) is day
    qtbot.keyClicks(day, typed)
    assert press(qtbot, Qt.Key.Key_Tab) is after
    assert day.date().toString("d.M.yyyy") == shown


def test_shift_tab_leaves_a_date_too_and_f4_opens_the_calendar(date_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, before, when, day, after = date_form
    after.setFocus()
    assert press(qtbot, Qt.Key.Key_Tab, SHIFT) is day
    assert day.currentSection() == DateEdit.Section.DaySection  # ready for a whole date
    assert press(qtbot, Qt.Key.Key_Tab, SHIFT) is when
    assert press(qtbot, Qt.Key.Key_Tab, SHIFT) is before
    when.setFocus()
    qtbot.keyClick(when, Qt.Key.Key_F4)
    calendar = when.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    qtbot.keyClick(focused(), Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert not calendar.isVisible() and focused() is when
    assert when.date() == QDate(2025, 3, 4)
    qtbot.keyClick(when, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(calendar.isVisible)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not calendar.isVisible() and when.date() == QDate(2025, 3, 4)


# -- the search box and the lists ------------------------------------------------------------


def test_down_and_enter_go_from_the_search_to_the_results_escape_empties_it(  # type: ignore[no-untyped-def]
        world: World, qtbot) -> None:
    window = _window(world, world.kaisa, qtbot)
    model = window.model
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert focused() is window.search
    qtbot.keyClicks(window.search, "toinen")
    assert press(qtbot, Qt.Key.Key_Down) is window.table  # at once, no waiting for the pause
    assert model.rowCount() == 1 and model.case_id(0) == world.quiet_case_id
    assert window.table.currentIndex().row() == 0
    assert window.table.selectionModel().isRowSelected(0)

    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.search, "esimerkki")
    assert press(qtbot, Qt.Key.Key_Return) is window.table
    assert model.rowCount() == 1 and model.case_id(0) == world.case_id

    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert press(qtbot, Qt.Key.Key_Escape) is window.search
    assert window.search.text() == "" and model.rowCount() == 2  # every case again
    qtbot.keyClicks(window.search, "nobody")
    assert press(qtbot, Qt.Key.Key_Down) is window.search  # nothing to go to
    assert model.rowCount() == 0
    window.close()


def test_one_tab_leaves_a_table_and_arrows_move_within(world: World, open_view, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window(world, world.kaisa, qtbot)
    window.table.setFocus()
    assert press(qtbot, Qt.Key.Key_Down) is window.table
    assert window.table.currentIndex().row() == 1
    assert press(qtbot, Qt.Key.Key_Tab) is not window.table
    window.close()
    view = open_view(world.kaisa)
    qtbot.keyClick(view, Qt.Key.Key_5, ALT)  # protective actions: a long checklist
    table = view.actions.table
    table.setFocus()
    assert press(qtbot, Qt.Key.Key_Down) is table and table.currentIndex().row() == 1
    assert press(qtbot, Qt.Key.Key_Tab) is not table
    assert press(qtbot, Qt.Key.Key_Tab, SHIFT) is table


# -- the focus ring --------------------------------------------------------------------------------


@pytest.fixture
def focus_ring() -> Iterator[FocusRing]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    keeper = install_focus_ring(app)
    yield keeper
    keeper.stop()


def _ring_points(widget: QWidget) -> list[QPoint]:
    """Points on the ring's band around ``widget``, in ``widget``'s coordinates."""
    if isinstance(widget, QTabBar):
        rect = widget.tabRect(widget.currentIndex())
    elif isinstance(widget, (QCheckBox, QRadioButton)):
        rect = QRect(0, 0, min(widget.width(), widget.sizeHint().width()), widget.height())
        rect = rect.adjusted(-FOCUS_RING_WIDTH - 1, -FOCUS_RING_WIDTH - 1,
                             FOCUS_RING_WIDTH + 1, FOCUS_RING_WIDTH + 1)
    else:
        rect = widget.rect()
    middle = rect.center()
    return [QPoint(rect.left() + 1, middle.y()), QPoint(rect.right() - 1, middle.y()),
            QPoint(middle.x(), rect.top() + 1), QPoint(middle.x(), rect.bottom() - 1)]


def _ring_shown(window: QWidget, widget: QWidget, image: QImage) -> bool:
    highlight = widget.palette().color(QPalette.ColorRole.Highlight).rgb()
    return all(image.pixelColor(widget.mapTo(window, point)).rgb() == highlight
               for point in _ring_points(widget))


def test_every_focusable_kind_shows_a_highlight_ring(  # type: ignore[no-untyped-def]
        world: World, open_view, focus_ring: FocusRing, tmp_path: Path, qtbot) -> None:
    """Screenshots with the focus on each kind (kept in the test's folder to look at)."""
    view = open_view(world.kaisa)
    qtbot.keyClick(view, Qt.Key.Key_4, ALT)
    dialog = _dialog_by_key(view, qtbot, (Qt.Key.Key_A, ALT))  # a new support session
    assert isinstance(dialog, SupportSessionDialog)
    planned = dialog.field("next_follow_up_on")
    assert isinstance(planned, OptionalDateField)
    kinds: list[tuple[str, QWidget]] = [
        ("date and time", dialog.field("started_at").editor),
        ("spin box", dialog.field("duration_minutes").editor),
        ("drop-down", dialog.field("mode").editor),
        ("line edit", dialog.field("outcome").editor),
        ("check box", planned.box.check),
        ("text", dialog.field("notes").editor),
        ("button", dialog.save_button),
    ]
    leena = _window(world, world.leena, qtbot)
    number = leena.navigation.keys().index("extortion_analysis") + 1
    qtbot.keyClick(leena, getattr(Qt.Key, f"Key_{number}"), CTRL)
    analysis = leena.pages.currentWidget()
    radio = analysis.findChild(QRadioButton)
    assert radio is not None
    window = _window(world, world.kaisa, qtbot)
    kinds += [("radio button", radio), ("search", window.search), ("table", window.table),
              ("list", window.navigation), ("filter drop-down", window.filter_bar.status),
              ("tabs", view.tabs.tabBar()), ("case table", view.sessions.table)]
    shots: list[QPixmap] = []
    missing: list[str] = []
    for kind, widget in kinds:
        top = widget.window()
        show(top, qtbot)
        before = top.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda w=widget: focus_ring.ring is not None  # noqa: B023
                        and focus_ring.ring.isVisible() and w.hasFocus())
        shot = top.grab()
        if not _ring_shown(top, widget, shot.toImage()):
            missing.append(kind)
        area = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size()).adjusted(-8, -8, 8, 8)
        shots.append(shot.copy(area))
        if kind in ("drop-down", "table", "tabs", "check box"):
            # Without the ring Fusion shows nothing there: the test can fail.
            assert not _ring_shown(top, widget, before), kind
    assert missing == []
    sheet = QPixmap(max(s.width() for s in shots), sum(s.height() + 4 for s in shots))
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    y = 0
    for shot in shots:
        painter.drawPixmap(0, y, shot)
        y += shot.height() + 4
    painter.end()
    assert sheet.save(str(tmp_path / "focus-rings.png"))
    leena.close()
    window.close()


# -- a working day by keyboard only -------------------------------------------------------------


def tab_walk(window: QWidget, qtbot, limit: int = 60) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Press Tab from the focused widget until the focus comes back; where it stopped."""
    start = focused()
    stops = [start]
    for _ in range(limit):
        widget = press(qtbot, Qt.Key.Key_Tab)
        assert widget.window() is window, f"Tab left the window for {_describe(widget)}"
        if widget is start:
            return stops
        stops.append(widget)
    pytest.fail(f"Tab did not come back to {_describe(start)} in {limit} presses")


def reading_order_problems(window: QWidget, stops: list[QWidget]) -> list[str]:
    """Each Tab must go to the right on the same line, or further down.

    ``stops`` is one round of Tab presses; it is read from the widget nearest the top
    left, so only the last Tab may go back up (to start the round again).
    """
    def place(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())

    first = min(range(len(stops)), key=lambda i: (place(stops[i]).top(), place(stops[i]).left()))
    stops = stops[first:] + stops[:first]
    problems = []
    for before, after in zip(stops, stops[1:], strict=False):
        a, b = place(before), place(after)
        same_line = abs(a.center().y() - b.center().y()) < min(a.height(), b.height()) // 2 + 2
        if not ((same_line and b.left() >= a.right() - 2) or b.top() >= a.bottom() - 2):
            problems.append(f"Tab goes from {_describe(before)} at {a.topLeft().toTuple()} "
                            f"back to {_describe(after)} at {b.topLeft().toTuple()}")
    return problems


def _sign_in(world: World, db_path: Path, tmp_path: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from gui.shared.settings import Preferences, WindowState
    from gui.start.login import LoginDialog

    world.database.dispose()  # the app signs in to a closed database file
    login = LoginDialog(db_path, open_database)
    qtbot.addWidget(login)
    show(login, qtbot)
    assert focused() is login.username
    qtbot.keyClicks(focused(), "kaisa")
    assert press(qtbot, Qt.Key.Key_Tab) is login.password
    qtbot.keyClicks(focused(), STRONG)
    with qtbot.waitSignal(login.accepted, timeout=10000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert login.result_value is not None
    (database, actor), login.result_value = login.result_value, None
    store = QSettings(str(tmp_path / "suoja.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services.build(database, actor), opener=open_database,
                        idle_lock_minutes=Preferences(store).idle_lock_minutes,
                        window_state=WindowState(store))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    show(window, qtbot)
    return window


def _the_view(window: MainWindow, case_id: int, qtbot) -> CaseView:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(v.case_id == case_id and v.isVisible()
                                for v in window.findChildren(CaseView)), timeout=5000)
    (view,) = [v for v in window.findChildren(CaseView) if v.case_id == case_id]
    return show(view, qtbot)  # type: ignore[return-value]


def test_a_working_day_by_keyboard_only(world: World, db_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        prompts: Prompts, qtbot) -> None:
    """Sign in → search → open → add a support session → close → a new intake."""
    window = _sign_in(world, db_path, tmp_path, qtbot)

    # A victim calls: find them by name, go to the result, open their case.
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert focused() is window.search
    qtbot.keyClicks(window.search, "toinen")
    assert press(qtbot, Qt.Key.Key_Down) is window.table
    assert window.model.case_id(window.table.currentIndex().row()) == world.quiet_case_id
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    view = _the_view(window, world.quiet_case_id, qtbot)
    assert focused() is view.timeline.table

    # Log the call: Alt+4 is the support sessions tab, Alt+A adds one.
    qtbot.keyClick(view, Qt.Key.Key_4, ALT)
    assert view.tabs.currentWidget() is view.sessions
    dialog = _dialog_by_key(view, qtbot, (Qt.Key.Key_A, ALT))
    assert isinstance(dialog, SupportSessionDialog)
    started = dialog.field("started_at").editor
    assert focused() is started
    yesterday = local_today() - dt.timedelta(days=1)
    qtbot.keyClicks(started, f"{yesterday.day}.{yesterday.month}.{yesterday.year} 10:30")
    assert press(qtbot, Qt.Key.Key_Tab) is dialog.field("duration_minutes").editor
    qtbot.keyClicks(focused(), "45")
    assert press(qtbot, Qt.Key.Key_Tab) is dialog.field("mode").editor
    qtbot.keyClick(focused(), Qt.Key.Key_V)  # Video
    assert press(qtbot, Qt.Key.Key_Tab) is dialog.field("distress_level").editor
    for _ in range(7):  # from "not assessed" up to 6
        qtbot.keyClick(focused(), Qt.Key.Key_Up)
    assert press(qtbot, Qt.Key.Key_Tab) is dialog.field("outcome").editor
    qtbot.keyClicks(focused(), "Crisis plan agreed")
    assert press(qtbot, Qt.Key.Key_Tab) is dialog.field("referral").editor
    planned = dialog.field("next_follow_up_on")
    assert isinstance(planned, OptionalDateField)
    assert press(qtbot, Qt.Key.Key_Tab) is planned.box.check
    assert press(qtbot, Qt.Key.Key_Tab) is dialog.field("notes").editor  # the date is off
    qtbot.keyClicks(focused(), "Talked it through; she will not pay.")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)  # Enter alone starts a new line
    assert not dialog.isVisible()
    show(view, qtbot)  # offscreen no window is activated when a dialog closes
    assert focused() is view.sessions.table
    saved = view.sessions.current_record()
    assert saved is not None and saved.outcome == "Crisis plan agreed"
    assert saved.notes == "Talked it through; she will not pay.\n" or saved.notes.startswith(
        "Talked it through; she will not pay.")
    local = local_time(saved.started_at)  # Finnish time, as the form showed it
    assert (local.date(), local.hour, local.minute) == (yesterday, 10, 30)
    assert (saved.duration_minutes, saved.mode, saved.distress_level) == (45, "video", 6)

    # Done: Esc closes the case; the list is where it was.
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(view) or not view.isVisible())
    show(window, qtbot)
    assert focused() is window.table

    # The next caller is new: Ctrl+N, the whole intake from the keyboard.
    from gui.case.intake import IntakeWizard

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    wizard = show(top_dialog(IntakeWizard), qtbot)
    assert isinstance(wizard, IntakeWizard)
    assert focused() is wizard.identity_page.first_names.editor
    qtbot.keyClicks(focused(), "Elina")
    qtbot.keyClicks(press(qtbot, Qt.Key.Key_Tab), "Testinen")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.DUPLICATES
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.RISK
    assert focused() is wizard.risk_page.risk.editor
    qtbot.keyClick(focused(), Qt.Key.Key_H)  # High: a reason is required
    qtbot.keyClicks(press(qtbot, Qt.Key.Key_Tab), "Second demand, 24 h deadline")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.FOLLOW_UP
    due = wizard.follow_up_page.due.editor
    assert focused() is due
    in_two_days = local_today() + dt.timedelta(days=2)
    qtbot.keyClicks(due, f"{in_two_days.day}.{in_two_days.month}.{in_two_days.year}")
    assert press(qtbot, Qt.Key.Key_Tab) is wizard.follow_up_page.description.editor
    with qtbot.waitSignal(wizard.case_created, timeout=5000) as created:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    case_id, _reference = created.args
    new_view = _the_view(window, case_id, qtbot)
    assert focused() is new_view.timeline.table
    follow_up = new_view.detail.follow_ups[0]  # type: ignore[index]
    assert follow_up.due_on == in_two_days
    assert prompts.shown == []  # no question, no error on the way
    new_view.close()
    window.close()
    window.session.close()


def test_each_dialog_is_tabbed_through_in_reading_order(world: World, open_view,  # type: ignore[no-untyped-def]
                                                        qtbot) -> None:
    view = open_view(world.kaisa)
    tab = {section: view.tabs.indexOf(section) + 1 for section in view.sections()}
    walked: dict[str, list[str]] = {}
    keys = [(view.contacts, "A"), (view.reports, "A"), (view.sessions, "A"),
            (view.follow_ups, "E"), (view.actions, "U"), (None, "V"), (None, "D"),
            (None, "C"), (None, "X")]
    for section, letter in keys:
        show(view, qtbot)
        if section is not None:
            qtbot.keyClick(view, getattr(Qt.Key, f"Key_{tab[section] if section else 1}"), ALT)
            section.table.setFocus()
        dialog = _dialog_by_key(view, qtbot, (getattr(Qt.Key, f"Key_{letter}"), ALT))
        stops = tab_walk(dialog, qtbot)
        kinds = {type(stop) for stop in stops}
        assert QPushButton in kinds, dialog.windowTitle()  # the buttons are on the way
        walked[dialog.windowTitle()] = reading_order_problems(dialog, stops)
        _escape(dialog, qtbot)
    assert len(walked) == len(keys)
    assert_none(walked)


def test_the_other_dialogs_are_tabbed_through_in_reading_order(  # type: ignore[no-untyped-def]
        world: World, tmp_path: Path, qtbot) -> None:
    from gui.case.break_glass import BreakGlassDialog
    from gui.case.export_dialog import BatchExportDialog
    from gui.case.intake import IntakeWizard
    from gui.start.login import LoginDialog
    from gui.start.setup import SetupDialog
    from gui.workspaces.accounts_admin import AccountsView

    walked: dict[str, list[str]] = {}

    def walk(dialog: QWidget, where: str = "") -> None:
        show(dialog, qtbot)
        walked[where or dialog.windowTitle()] = reading_order_problems(
            dialog, tab_walk(dialog, qtbot))

    login = LoginDialog(tmp_path / "suoja.db", open_database)
    qtbot.addWidget(login)
    walk(login)
    login.close()
    setup = SetupDialog(tmp_path / "new" / "suoja.db", kdf=FAST_KDF)
    qtbot.addWidget(setup)
    walk(setup)
    setup.close()

    boss = _window(world, world.boss.actor, qtbot)
    boss.batch_export_action.trigger()
    batch = top_dialog(BatchExportDialog)
    walk(batch)
    batch.close()
    glass = BreakGlassDialog(world.boss.case_list.case_rows([world.case_id])[0], boss)
    walk(glass)
    glass.close()
    show(boss, qtbot)
    qtbot.keyClick(boss, Qt.Key.Key_N, CTRL)
    wizard = top_dialog(IntakeWizard)
    assert isinstance(wizard, IntakeWizard)
    show(wizard, qtbot)
    qtbot.keyClicks(focused(), "Testi")
    qtbot.keyClicks(press(qtbot, Qt.Key.Key_Tab), "Henkila")
    for step in ("existing victims", "risk", "first follow-up"):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        if step != "existing victims":
            walk(wizard, f"intake: {step}")
    wizard.reject()
    boss.close()

    admin = _window(world, world.ada, qtbot)
    accounts = admin.findChild(AccountsView)
    assert accounts is not None
    qtbot.mouseClick(accounts.create_button, Qt.MouseButton.LeftButton)
    created = top_dialog(QDialog)
    walk(created)
    created.close()
    admin.close()
    assert len(walked) == 7
    assert_none(walked)
