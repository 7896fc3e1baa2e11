"""Intake through the real widgets, with the keyboard: validation, duplicates, the journey."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui.case.intake import IntakeWizard
from gui.case.intake.identity_page import parse_birth_date
from gui.shared.navigation import ALL_CASES, MY_CASES
from gui.window.main_window import MainWindow
from models.domain.base import local_today
from models.domain.dto import CaseDraft, VictimDraft
from models.domain.errors import ValidationError
from models.domain.validation import generate_temporary_identity_code
from tests.test_main_window import Office, office, opened_cases, show  # noqa: F401

EXISTING_CODE = generate_temporary_identity_code(dt.date(1970, 1, 2), 951)
EXISTING_PHONE = "+358401112233"


@pytest.fixture
def existing(office: Office) -> int:  # noqa: F811
    """A victim already in Suoja (Lauri's case): Aino Esimerkki, born 2.1.1970."""
    case = office.supervisor.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Esimerkki", identity_code=EXISTING_CODE,
                    phone=EXISTING_PHONE),
        CaseDraft(assigned_to_id=office.lauri.actor.user_id),
    )
    return case.id


@pytest.fixture
def window(office: Office, existing: int, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]  # noqa: F811
    shown = show(MainWindow(office.kaisa), qtbot)
    yield shown
    shown.session.close()


def start_intake(window: MainWindow, qtbot) -> IntakeWizard:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizards = window.findChildren(IntakeWizard)
    assert len(wizards) == 1
    wizard = wizards[0]
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=2000)
    assert wizard.identity_page.first_names.editor.hasFocus()
    return wizard


def type_here(qtbot, text: str) -> QWidget:  # type: ignore[no-untyped-def]
    """Type into whatever has the keyboard focus, as a person would."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)
    return widget


def tab(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    moved = QApplication.focusWidget()
    assert moved is not widget
    return moved


def enter(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def case_count(office: Office) -> int:  # noqa: F811
    return office.supervisor.case_list.count_cases()


# -- step 1: who is calling -------------------------------------------------------------


def test_an_invalid_identity_code_is_explained_inline_and_blocks_next(
    window: MainWindow, qtbot  # type: ignore[no-untyped-def]
) -> None:
    wizard = start_intake(window, qtbot)
    page = wizard.identity_page
    next_button = wizard.button(wizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # names are required
    assert not page.first_names.error.isVisible()  # … but not shouted before typing

    type_here(qtbot, "Maija")
    assert tab(qtbot) is page.last_name.editor
    type_here(qtbot, "Meikäläinen".replace("ä", "a"))
    assert tab(qtbot) is page.identity_code.editor
    type_here(qtbot, "131052-308X")  # the right check character is T
    assert page.identity_code.error.isVisible()
    assert page.identity_code.error.text() == "Check character does not match; check for a typo."
    assert not next_button.isEnabled()
    enter(qtbot)
    assert wizard.currentId() == wizard.IDENTITY

    page.identity_code.editor.clear()
    type_here(qtbot, "131052-308T")
    assert not page.identity_code.error.isVisible()
    # The code decides the date of birth.
    assert page.birth_date.raw() == "13.10.1952"
    assert page.birth_date.editor.isReadOnly()
    assert next_button.isEnabled()


def test_other_fields_are_checked_inline_too(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = start_intake(window, qtbot).identity_page
    qtbot.keyClicks(page.phone.editor, "12345")
    assert page.phone.error.text().startswith("Must start with 0")
    qtbot.keyClicks(page.email.editor, "aino@")
    assert page.email.error.isVisible()
    qtbot.keyClicks(page.birth_date.editor, "31.2.1980")
    assert page.birth_date.error.text() == "Is not a date that exists."


def test_parse_date_reads_finnish_dates() -> None:
    assert parse_birth_date("2.1.1970") == dt.date(1970, 1, 2)
    assert parse_birth_date(" 02.01.1970 ") == dt.date(1970, 1, 2)
    with pytest.raises(ValidationError, match="written like"):
        parse_birth_date("1970-01-02")
    with pytest.raises(ValidationError, match="future"):
        parse_birth_date(f"1.1.{local_today().year + 1}")


def test_tab_order_follows_the_form(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = start_intake(window, qtbot).identity_page
    expected = [page.last_name, page.identity_code, page.birth_date, page.language, page.phone,
                page.email, page.street, page.postal_code, page.city, page.may_leave_voicemail,
                page.may_send_sms, page.may_email, page.may_send_post, page.safe_note,
                page.consent]
    reached = [tab(qtbot) for _ in expected]
    assert [w.objectName() for w in reached] == [f.editor.objectName() for f in expected]


# -- step 2: the duplicate check ----------------------------------------------------------


@pytest.mark.parametrize("matching", ["identity code", "name and birth date", "phone"])
def test_the_duplicate_check_offers_the_existing_case(
    matching: str, window: MainWindow, office: Office, existing: int,  # noqa: F811
    opened_cases: list[int], qtbot  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    before = case_count(office)
    counsellor = "Lauri Lahti"
    if matching != "name and birth date":
        # A code or phone finds only a case the counsellor may open (never confirms
        # another counsellor's client's: tests/test_insider_oracle.py).
        office.supervisor.caseload.reassign_cases([existing], office.kaisa.actor.user_id)
        counsellor = "Kaisa Koski"
    wizard = start_intake(window, qtbot)
    page = wizard.identity_page
    if matching == "name and birth date":
        qtbot.keyClicks(page.first_names.editor, "aino")  # case does not matter
        qtbot.keyClicks(page.last_name.editor, "ESIMERKKI")
        qtbot.keyClicks(page.birth_date.editor, "2.1.1970")
    else:
        qtbot.keyClicks(page.first_names.editor, "Toinen")
        qtbot.keyClicks(page.last_name.editor, "Nimi")
        if matching == "identity code":
            qtbot.keyClicks(page.identity_code.editor, EXISTING_CODE.lower())
        else:
            qtbot.keyClicks(page.phone.editor, "040 111 2233")  # typed the Finnish way
    enter(qtbot)

    duplicates = wizard.duplicate_page
    assert wizard.currentId() == wizard.DUPLICATES
    assert "An existing victim may be this person." in duplicates.notice_text.text()
    assert duplicates.matches.isVisible() and duplicates.open_button.isVisible()
    assert duplicates.matches.topLevelItemCount() == 1
    item = duplicates.matches.topLevelItem(0)
    assert item.text(1) == "Esimerkki, Aino"
    assert item.text(2) == EXISTING_CODE[:7] + "****"  # masked, even here
    assert item.text(4) == counsellor
    # A match must be set aside explicitly before a second case can be made.
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    qtbot.waitUntil(duplicates.matches.hasFocus, timeout=1000)

    enter(qtbot)  # opens the selected existing case
    assert opened_cases == [existing]
    assert not wizard.isVisible()
    assert case_count(office) == before


def test_an_earlier_identity_code_is_found_too(
    window: MainWindow, office: Office, existing: int, qtbot  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    detail = office.supervisor.cases.get_detail(existing)
    new_code = generate_temporary_identity_code(dt.date(1970, 1, 2), 977)
    office.supervisor.cases.change_identity_code(detail.victim.id, new_code, "threat")
    office.supervisor.caseload.reassign_cases([existing], office.kaisa.actor.user_id)
    wizard = start_intake(window, qtbot)
    qtbot.keyClicks(wizard.identity_page.first_names.editor, "Eri")
    qtbot.keyClicks(wizard.identity_page.last_name.editor, "Henkilö".replace("ö", "o"))
    qtbot.keyClicks(wizard.identity_page.identity_code.editor, EXISTING_CODE)
    enter(qtbot)
    assert wizard.duplicate_page.matches.topLevelItemCount() == 1


@pytest.mark.parametrize("matching", ["identity code", "phone"])
def test_another_counsellors_client_is_not_confirmed_by_code_or_phone(
    matching: str, window: MainWindow, qtbot  # type: ignore[no-untyped-def]
) -> None:
    wizard = start_intake(window, qtbot)
    page = wizard.identity_page
    qtbot.keyClicks(page.first_names.editor, "Toinen")
    qtbot.keyClicks(page.last_name.editor, "Nimi")
    if matching == "identity code":
        qtbot.keyClicks(page.identity_code.editor, EXISTING_CODE)
    else:
        qtbot.keyClicks(page.phone.editor, "040 111 2233")
    enter(qtbot)
    duplicates = wizard.duplicate_page
    assert wizard.currentId() == wizard.DUPLICATES
    assert duplicates.matches.topLevelItemCount() == 0
    # The same words whether or not such a client exists.
    assert "only by name and date of birth" in duplicates.notice_text.text()
    assert "in the cases you may open" in duplicates.subTitle()


def test_a_different_person_can_go_on(
    window: MainWindow, office: Office, qtbot  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    wizard = start_intake(window, qtbot)
    qtbot.keyClicks(wizard.identity_page.first_names.editor, "Aino")
    qtbot.keyClicks(wizard.identity_page.last_name.editor, "Esimerkki")
    qtbot.keyClicks(wizard.identity_page.birth_date.editor, "2.1.1970")
    enter(qtbot)
    page = wizard.duplicate_page
    qtbot.waitUntil(page.matches.hasFocus, timeout=1000)
    assert tab(qtbot) is page.open_button
    assert tab(qtbot) is page.different
    qtbot.keyClick(page.different, Qt.Key.Key_Space)
    assert page.different.isChecked()
    enter(qtbot)
    assert wizard.currentId() == wizard.RISK


def test_find_duplicates_ignores_other_people(office: Office, existing: int) -> None:  # noqa: F811
    cases = office.kaisa.case_list
    assert cases.find_duplicates(VictimDraft(first_names="Aino", last_name="Esimerkki")) == []
    assert cases.find_duplicates(VictimDraft(
        first_names="Aino", last_name="Esimerkki", birth_date=dt.date(1970, 1, 3))) == []
    by_phone = VictimDraft(first_names="X", last_name="Y", phone="+358 40 111 2233")
    assert cases.find_duplicates(by_phone) == []  # Lauri's client: not confirmed to Kaisa
    found = office.lauri.case_list.find_duplicates(by_phone)
    assert [row.case_id for row in found] == [existing]
    with pytest.raises(ValidationError):
        cases.find_duplicates(VictimDraft(first_names="X", last_name="Y", phone="12"))


# -- the whole flow -----------------------------------------------------------------------


def test_a_whole_intake_by_keyboard_creates_the_case_and_its_follow_up(
    window: MainWindow, office: Office, opened_cases: list[int], qtbot  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    before = case_count(office)
    assert window.place == MY_CASES
    mine_before = window.model.rowCount()
    wizard = start_intake(window, qtbot)

    type_here(qtbot, "Ville")
    tab(qtbot)
    type_here(qtbot, "Vastaaja")
    tab(qtbot)  # identity code: a foreign victim may have none
    tab(qtbot)
    type_here(qtbot, "5.5.1985")
    tab(qtbot)  # language
    tab(qtbot)
    type_here(qtbot, "040 765 4321")
    enter(qtbot)
    assert wizard.currentId() == wizard.DUPLICATES
    assert "No victim in the cases you may open" in wizard.duplicate_page.notice_text.text()
    qtbot.waitUntil(wizard.button(wizard.WizardButton.NextButton).hasFocus, timeout=1000)
    enter(qtbot)

    assert wizard.currentId() == wizard.RISK
    risk = wizard.risk_page
    assert risk.risk.editor.hasFocus()
    qtbot.keyClick(risk.risk.editor, Qt.Key.Key_H)  # "High" by its first letter
    assert risk.risk.raw() == "high"
    assert risk.reason.error.text() == "Required."  # a reason is needed for high risk
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    tab(qtbot)
    type_here(qtbot, "Second demand, 24 h deadline")
    # The intake note: optional free text on two lines (Return is a line break there, Tab
    # leaves it).
    assert tab(qtbot) is risk.note.editor
    type_here(qtbot, "Ei vastaajaa; soita iltaisin.")
    qtbot.keyClick(risk.note.editor, Qt.Key.Key_Return)
    type_here(qtbot, "Came via the helpline.")
    assert tab(qtbot) is risk.breaches
    qtbot.keyClick(risk.breaches, Qt.Key.Key_Down)  # Vastaamo 2019
    qtbot.keyClick(risk.breaches, Qt.Key.Key_Space)
    enter(qtbot)

    assert wizard.currentId() == wizard.FOLLOW_UP
    follow_up = wizard.follow_up_page
    assert follow_up.due.raw() == local_today() + dt.timedelta(days=1)
    assert "Ville Vastaaja" in follow_up.summary.text()
    assert "no voicemail" in follow_up.summary.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert case_count(office) == before + 1
    assert len(opened_cases) == 1
    case_id = opened_cases[0]
    detail = office.kaisa.cases.get_detail(case_id)
    assert detail.case.assigned_to_id == office.kaisa.actor.user_id
    assert detail.case.risk_level == "high"
    assert detail.case.risk_reason == "Second demand, 24 h deadline"
    assert detail.case.intake_note == "Ei vastaajaa; soita iltaisin.\nCame via the helpline."
    assert detail.victim.breaches == ("Vastaamo 2019",)
    assert detail.victim.phone == "+358407654321"
    assert detail.victim.birth_date == dt.date(1985, 5, 5)
    assert detail.victim.safe_contact_warnings() == (
        "Do not leave voicemail", "Do not e-mail", "Do not send post")
    assert [(f.due_on, f.assignee_id) for f in detail.follow_ups or ()] == [
        (local_today() + dt.timedelta(days=1), office.kaisa.actor.user_id)]
    # It appears in My cases at once, selected, and the status bar says so.
    assert window.model.rowCount() == mine_before + 1
    selected = window.table.selectionModel().selectedRows()
    assert [window.model.case_id(index.row()) for index in selected] == [case_id]
    assert detail.case.reference in window.statusBar().currentMessage()

    # Found again by the global search, by the whole phone number typed another way.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.model.modelReset, timeout=2000):
        qtbot.keyClicks(window.search, "+358 40 765 4321")
    assert window.place == ALL_CASES
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 1)) == "Vastaaja, Ville"


def test_a_failed_save_keeps_the_intake_open(
    window: MainWindow, office: Office, monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    wizard = start_intake(window, qtbot)
    qtbot.keyClicks(wizard.identity_page.first_names.editor, "Ville")
    qtbot.keyClicks(wizard.identity_page.last_name.editor, "Virhe")
    for _ in range(3):
        wizard.next()
    shown: list[str] = []
    monkeypatch.setattr("gui.case.intake.wizard.show_error",
                        lambda parent, error, title="": shown.append(str(error)))

    def refuse(*_args: object) -> None:
        raise ValidationError("Last name", "is too long")

    monkeypatch.setattr(window.session.services.cases, "create_intake", refuse)
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert shown == ["Last name: is too long"]
    assert wizard.isVisible() and wizard.currentId() == wizard.FOLLOW_UP


# -- leaving -------------------------------------------------------------------------------


def test_escape_asks_before_discarding_typed_details(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *_args: object) -> object:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    wizard = start_intake(window, qtbot)
    type_here(qtbot, "Keskeytetty")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert asked == ["Discard this intake?"] and wizard.isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()


def test_escape_on_an_empty_intake_just_closes(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = start_intake(window, qtbot)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()


def test_locking_closes_the_intake_without_asking(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    def question(*_args: object) -> None:
        raise AssertionError("the lock must not ask anything")

    monkeypatch.setattr(QMessageBox, "question", question)
    wizard = start_intake(window, qtbot)
    type_here(qtbot, "Lukittava")
    window.lock()
    assert not wizard.isVisible()
    qtbot.waitUntil(lambda: not window.findChildren(IntakeWizard), timeout=1000)
