"""Rectification history (issue 17, item 5; GDPR art. 16): each corrected detail of a victim
keeps its value before and after, when and who, written with the edit itself, read by
supervisors only (audited, identity codes masked unless revealed), shown in the case view,
and erased with the victim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select, text, update

from gui.case.case_view import CaseView, open_case
from gui.case.corrections_dialog import CorrectionHistoryDialog
from gui.shared import errors
from gui.shared.session import Session
from models import services
from models.domain.dto import IDENTITY_CODE_FIELD, CaseDraft, VictimDraft
from models.domain.entities import AuditEvent, IdentityCodeRecord, VictimCorrection
from models.domain.enums import AuditAction, CaseStatus, ClosureReason, Language, Role
from models.domain.errors import ConflictError, PermissionDenied, ValidationError
from models.domain.validation import IdentityCode, generate_temporary_identity_code
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF

STRONG = "Tuuli-Kivi-Järvi-Polku"
OLD_CODE = generate_temporary_identity_code(dt.date(1984, 5, 17), 931)
NEW_CODE = generate_temporary_identity_code(dt.date(1984, 5, 18), 932)
OLD_NOTE = "Call only after 17:00."
NEW_NOTE = "Call only after 18:00; her partner does not know."
#: Every personal value below: none may reach an audit event.
PERSONAL = ("Aino", "Esimerkki", "Virtanen", OLD_CODE, NEW_CODE, "+358401234567",
            "+358407654321", "aino@example.invalid", "Rantatie", "Tampere", "Turku",
            "17:00", "18:00", "1984-05-1")


@dataclass
class World:
    database: Database
    boss: services.Services
    counsellor: services.Services
    case_id: int
    victim_id: int


def _account(boss: services.Services, name: str, display: str, role: Role
             ) -> services.Services:
    user = boss.accounts.create_user(name, display, role, STRONG, kdf=FAST_KDF)
    return services.build(boss.database,
                          Actor(user.id, user.username, user.display_name, role))


def _draft(**changes: object) -> VictimDraft:
    values: dict[str, object] = dict(
        first_names="Aino", last_name="Esimerkki", birth_date=dt.date(1984, 5, 17),
        phone="040 123 4567", email="aino@example.invalid", street_address="Rantatie 1",
        postal_code="33100", city="Tampere", language=Language.FINNISH,
        safe_contact_note=OLD_NOTE, consent_given=True, consent_date=dt.date(2020, 10, 26))
    values.update(changes)
    return VictimDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def world(database: Database, supervisor: Actor) -> World:
    boss = services.build(database, supervisor)
    counsellor = _account(boss, "kaisa", "Kaisa Neuvoja", Role.COUNSELLOR)
    case = boss.cases.create_intake(_draft(identity_code=OLD_CODE),
                                    CaseDraft(assigned_to_id=counsellor.actor.user_id))
    victim = boss.cases.get_detail(case.id).victim
    return World(database, boss, counsellor, case.id, victim.id)


def _victim(world: World):  # type: ignore[no-untyped-def]
    return world.boss.cases.get_detail(world.case_id).victim


def _corrections(database: Database) -> list[tuple[str, str | None, str | None, int]]:
    with database.reading() as db_session:
        return [tuple(row) for row in db_session.execute(  # type: ignore[misc]
            select(VictimCorrection.field, VictimCorrection.previous_value,
                   VictimCorrection.new_value, VictimCorrection.changed_by_id)
            .order_by(VictimCorrection.id))]


def _events(database: Database) -> list[AuditEvent]:
    with database.reading() as db_session:
        events = list(db_session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        db_session.expunge_all()
        return events


# -- what an edit writes -------------------------------------------------------------------


@pytest.mark.both_databases
def test_each_changed_field_is_one_row_with_its_values_before_and_after(world: World) -> None:
    victim = _victim(world)
    world.counsellor.cases.update_victim(victim.id, victim.version, _draft(
        last_name="Virtanen", phone="040 765 4321", city="Turku", safe_contact_note=NEW_NOTE,
        may_leave_voicemail=True))

    counsellor_id = world.counsellor.actor.user_id
    assert _corrections(world.database) == [
        ("last_name", "Esimerkki", "Virtanen", counsellor_id),
        ("phone", "+358401234567", "+358407654321", counsellor_id),
        ("city", "Tampere", "Turku", counsellor_id),
        ("may_leave_voicemail", "false", "true", counsellor_id),
        ("safe_contact_note", OLD_NOTE, NEW_NOTE, counsellor_id),
    ]
    with world.database.reading() as db_session:
        times = set(db_session.scalars(select(VictimCorrection.changed_at)))
    [when] = times  # one edit, one moment
    assert when.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - when) < dt.timedelta(
        minutes=5)
    update_event = [e for e in _events(world.database) if e.entity == "victim"][-1]
    assert update_event.detail == (
        "corrected=last_name,phone,city,may_leave_voicemail,safe_contact_note")


@pytest.mark.both_databases
def test_an_unchanged_save_writes_nothing(world: World) -> None:
    victim = _victim(world)
    # The same values, typed as a person types them: the stored forms are compared.
    world.counsellor.cases.update_victim(victim.id, victim.version, _draft(
        phone="+358 40 123 4567", email="Aino@EXAMPLE.invalid"))
    assert _corrections(world.database) == []


@pytest.mark.both_databases
def test_a_stale_edit_is_refused_and_writes_nothing(world: World) -> None:
    stale = _victim(world)
    world.boss.cases.update_victim(stale.id, stale.version, _draft(city="Turku"))
    with pytest.raises(ConflictError):
        world.counsellor.cases.update_victim(stale.id, stale.version,
                                             _draft(last_name="Virtanen", city="Oulu"))
    assert [row[:3] for row in _corrections(world.database)] == [
        ("city", "Tampere", "Turku")]


@pytest.mark.both_databases
def test_a_refused_edit_writes_nothing(world: World) -> None:
    victim = _victim(world)
    with pytest.raises(ValidationError):
        world.counsellor.cases.update_victim(victim.id, victim.version,
                                             _draft(last_name="Virtanen", email="not mail"))
    assert _corrections(world.database) == []


@pytest.mark.both_databases
def test_an_identity_code_change_is_in_the_history_masked_until_revealed(
        world: World) -> None:
    world.counsellor.cases.change_identity_code(world.victim_id, NEW_CODE, "DVV decision")
    with world.database.reading() as db_session:
        changed_by = db_session.scalars(select(IdentityCodeRecord.changed_by_id)
                                        .order_by(IdentityCodeRecord.id)).all()
    assert changed_by == [None, world.counsellor.actor.user_id]  # the intake's code: none
    # The birth date the code carries changed with it: a correction of its own.
    assert [row[:3] for row in _corrections(world.database)] == [
        ("birth_date", "1984-05-17", "1984-05-18")]

    history = world.boss.cases.correction_history(world.case_id)
    assert [(e.field, e.previous, e.new, e.changed_by, e.note) for e in history.entries] == [
        (IDENTITY_CODE_FIELD, IdentityCode.from_stored(OLD_CODE).masked,
         IdentityCode.from_stored(NEW_CODE).masked, "Kaisa Neuvoja", "DVV decision"),
        ("birth_date", "1984-05-17", "1984-05-18", "Kaisa Neuvoja", ""),
    ]
    assert not history.identity_codes_revealed
    assert OLD_CODE not in repr(history) and NEW_CODE not in repr(history)

    revealed = world.boss.cases.correction_history(world.case_id, reveal_identity_codes=True)
    assert revealed.identity_codes_revealed
    assert (revealed.entries[0].previous, revealed.entries[0].new) == (OLD_CODE, NEW_CODE)
    reads = [(e.action, e.entity, e.case_id, e.detail) for e in _events(world.database)
             if e.user_id == world.boss.actor.user_id and e.action in ("view", "reveal")
             and e.entity != "case"]
    assert reads == [
        ("view", "victim_correction", world.case_id, "rows=2"),
        ("view", "victim_correction", world.case_id, "rows=2"),
        ("reveal", "identity_code", world.case_id, "correction_history"),
    ]


@pytest.mark.both_databases
def test_recording_the_current_code_again_is_refused_and_writes_nothing(
        world: World) -> None:
    with pytest.raises(ValidationError, match="current code"):
        world.counsellor.cases.change_identity_code(world.victim_id, OLD_CODE)
    assert world.boss.cases.correction_history(world.case_id).entries == ()
    with world.database.reading() as db_session:
        assert db_session.scalar(select(func.count()).select_from(IdentityCodeRecord)) == 1


@pytest.mark.both_databases
def test_a_code_changed_before_the_history_was_kept_says_who_is_not_recorded(
        world: World) -> None:
    world.boss.cases.change_identity_code(world.victim_id, NEW_CODE)
    with world.database.writing() as db_session:  # as revision 0010 kept it
        db_session.execute(update(IdentityCodeRecord).values(changed_by_id=None))
    [entry, _birth_date] = world.boss.cases.correction_history(world.case_id).entries
    assert (entry.field, entry.changed_by) == (IDENTITY_CODE_FIELD, None)


@pytest.mark.both_databases
def test_the_history_is_newest_first_and_empty_when_nothing_was_corrected(
        world: World) -> None:
    history = world.boss.cases.correction_history(world.case_id)
    assert (history.reference, history.entries) == (
        world.boss.cases.get_detail(world.case_id).case.reference, ())
    for city in ("Turku", "Oulu"):
        victim = _victim(world)
        world.boss.cases.update_victim(victim.id, victim.version, _draft(city=city))
    entries = world.boss.cases.correction_history(world.case_id).entries
    assert [(e.previous, e.new, e.changed_by) for e in entries] == [
        ("Turku", "Oulu", world.boss.actor.display_name),
        ("Tampere", "Turku", world.boss.actor.display_name)]
    assert entries[0].changed_at >= entries[1].changed_at


# -- who may read it -------------------------------------------------------------------------


@pytest.mark.both_databases
@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.POLICE_LIAISON, Role.ADMINISTRATOR])
def test_only_a_supervisor_reads_the_history(world: World, role: Role) -> None:
    victim = _victim(world)
    world.boss.cases.update_victim(victim.id, victim.version, _draft(city="Turku"))
    # The case's own counsellor too, calling the service from a script.
    script = world.counsellor if role is Role.COUNSELLOR else _account(
        world.boss, "other", "Someone Else", role)
    before = len(_events(world.database))
    for reveal in (False, True):
        with pytest.raises(PermissionDenied,
                           match="Only a supervisor can see the history of corrections"):
            script.cases.correction_history(world.case_id, reveal_identity_codes=reveal)
    assert len(_events(world.database)) == before  # refused before anything was read


@pytest.mark.both_databases
def test_the_audit_events_hold_no_personal_data(world: World) -> None:
    victim = _victim(world)
    world.counsellor.cases.update_victim(victim.id, victim.version, _draft(
        last_name="Virtanen", phone="040 765 4321", city="Turku", safe_contact_note=NEW_NOTE))
    world.counsellor.cases.change_identity_code(world.victim_id, NEW_CODE, "DVV decision")
    world.boss.cases.correction_history(world.case_id, reveal_identity_codes=True)
    assert _corrections(world.database)  # the values are in the history...
    events = _events(world.database)
    assert {e.entity for e in events} >= {"victim", "identity_code", "victim_correction"}
    for event in events:  # ...and in no event
        stored = f"{event.action} {event.entity} {event.detail}"
        for value in PERSONAL:
            assert value not in stored, (value, stored)
        assert "DVV" not in stored


# -- erasure -------------------------------------------------------------------------------


@pytest.mark.both_databases
def test_erasure_removes_the_history(world: World) -> None:
    victim = _victim(world)
    world.boss.cases.update_victim(victim.id, victim.version, _draft(last_name="Virtanen"))
    world.boss.cases.change_identity_code(world.victim_id, NEW_CODE, "DVV decision")
    case = world.boss.cases.get_detail(world.case_id).case
    world.boss.cases.set_status(case.id, case.version, CaseStatus.CLOSED,
                                ClosureReason.RESOLVED)
    world.boss.retention.erase_victim(case.id, case.reference)

    assert world.boss.cases.correction_history(world.case_id).entries == ()
    with world.database.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM victim_correction")) == 0
        assert connection.scalar(text("SELECT count(*) FROM identity_code_record")) == 0


# -- the case view ---------------------------------------------------------------------------


@pytest.fixture
def open_view(world: World, qtbot  # type: ignore[no-untyped-def]
              ) -> Iterator[Callable[[services.Services], CaseView]]:
    owner = QWidget()
    qtbot.addWidget(owner)
    opened: list[CaseView] = []

    def open_as(svc: services.Services) -> CaseView:
        session = Session(services.build(world.database, svc.actor), open_database)
        view = open_case(owner, session, world.case_id)
        assert view is not None
        opened.append(view)
        return view

    yield open_as
    for view in opened:
        if shiboken6.isValid(view):
            view.close()
    qtbot.waitUntil(lambda: all(not shiboken6.isValid(v) or v.files.busy_tasks == 0
                                for v in opened))
    QApplication.processEvents()


def _history_dialog(view: CaseView) -> CorrectionHistoryDialog:
    [dialog] = [d for d in view.open_dialogs() if isinstance(d, CorrectionHistoryDialog)]
    return dialog


def _rows(dialog: CorrectionHistoryDialog) -> list[list[str]]:
    model = dialog.table.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_a_supervisor_opens_the_history_from_the_case_view(
        world: World, open_view, qtbot,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errors, "show_error", lambda *a: pytest.fail(f"error shown: {a}"))
    victim = _victim(world)
    world.counsellor.cases.update_victim(victim.id, victim.version, _draft(
        city="Turku", may_leave_voicemail=True))
    world.counsellor.cases.change_identity_code(world.victim_id, NEW_CODE, "DVV decision")
    view = open_view(world.boss)
    button = view.header.corrections_button
    assert button.isVisibleTo(view) and button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    dialog = _history_dialog(view)
    assert world.boss.cases.get_detail(world.case_id).case.reference in dialog.windowTitle()
    rows = _rows(dialog)
    assert [row[1:] for row in rows] == [
        ["Kaisa Neuvoja", "Identity code", IdentityCode.from_stored(OLD_CODE).masked,
         IdentityCode.from_stored(NEW_CODE).masked],
        ["Kaisa Neuvoja", "Date of birth", "17.5.1984", "18.5.1984"],
        ["Kaisa Neuvoja", "City", "Tampere", "Turku"],
        ["Kaisa Neuvoja", "May leave voicemail", "No", "Yes"],
    ]
    assert all(row[0] for row in rows)
    assert not dialog.empty.label.isVisible()

    # Revealing the codes is a click, audited; Hide masks them again.
    assert dialog.reveal_button.isVisible()
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert _rows(dialog)[0][3:] == [OLD_CODE, NEW_CODE]
    assert dialog.countdown.text()
    assert any(e.action == AuditAction.REVEAL.value and e.detail == "correction_history"
               for e in _events(world.database))
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert OLD_CODE not in str(_rows(dialog)) and NEW_CODE not in str(_rows(dialog))

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.open_dialogs())


def test_the_history_says_when_nothing_was_corrected(
        open_view, world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_view(world.boss)
    qtbot.mouseClick(view.header.corrections_button, Qt.MouseButton.LeftButton)
    dialog = _history_dialog(view)
    assert dialog.model.rowCount() == 0
    qtbot.waitUntil(dialog.empty.label.isVisible)
    assert "Nothing has been corrected" in dialog.empty.label.text()
    assert not dialog.reveal_button.isVisible()  # no identity code to reveal


def test_a_counsellor_is_not_offered_the_history(
        open_view, world: World) -> None:  # type: ignore[no-untyped-def]
    view = open_view(world.counsellor)
    assert view.header.edit_victim_button.isVisibleTo(view)  # the header is there...
    assert not view.header.corrections_button.isVisibleTo(view)  # ...without the history


def test_the_history_is_forgotten_when_the_app_locks(
        open_view, world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    victim = _victim(world)
    world.boss.cases.update_victim(victim.id, victim.version, _draft(city="Turku"))
    view = open_view(world.boss)
    qtbot.mouseClick(view.header.corrections_button, Qt.MouseButton.LeftButton)
    dialog = _history_dialog(view)
    assert dialog.model.rowCount() == 1
    view.wipe()  # what the lock does first
    assert not dialog.isVisible()
    assert not shiboken6.isValid(dialog) or dialog.model.rowCount() == 0
