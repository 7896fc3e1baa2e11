"""Two workstations on one PostgreSQL server: what one saves, the other's open views show
without anyone pressing reload (LISTEN/NOTIFY → the session → the views)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import make_url

from gui.case.case_view import open_case
from gui.shared.navigation import ALL_CASES
from gui.shared.session import Session
from gui.window.main_window import MainWindow
from models import services
from models.domain.dto import CaseDraft, ExtortionContactDraft, VictimDraft
from models.domain.enums import Channel, Currency
from models.storage.server import ServerUrl
from models.storage.store import create_database, open_database
from tests.conftest import FAST_KDF, PASSWORD

RECEIVED = dt.datetime(2020, 10, 24, 8, 15, tzinfo=dt.UTC)


@pytest.fixture
def here(server_target: ServerUrl) -> Iterator[services.Services]:
    """The first workstation: the supervisor's services on a fresh server database."""
    result = create_database(server_target, username="super", password=PASSWORD,
                             kdf=FAST_KDF)
    yield services.build(result.database, result.actor)
    result.database.dispose()


def test_the_other_workstation_refreshes_its_list_and_open_case(
    here: services.Services, server_target: ServerUrl, qtbot  # type: ignore[no-untyped-def]
) -> None:
    first_case = here.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Kaukonen"), CaseDraft())
    database, actor = open_database(server_target, "super", PASSWORD)
    window = MainWindow(services.build(database, actor), opener=open_database)
    qtbot.addWidget(window)
    owner = QWidget()
    qtbot.addWidget(owner)
    try:
        assert window.session.wait_listening()
        window.show_place(ALL_CASES)
        assert window.model.rowCount() == 1
        view = open_case(owner, window.session, first_case.id)
        assert view is not None and view.contacts is not None
        assert view.contacts.model.rowCount() == 0

        # Saved on the first workstation…
        here.cases.create_intake(VictimDraft(first_names="Eero", last_name="Kaukonen"),
                                 CaseDraft())
        here.records.add_extortion_contact(first_case.id, ExtortionContactDraft(
            received_at=RECEIVED, channel=Channel.SMS, sender="+447700900999",
            amount_demanded=Decimal("200"), currency=Currency.EUR,
            message_text="Pay within 24 hours."))

        # …shown on the second without a reload.
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)
        qtbot.waitUntil(lambda: view.contacts.model.rowCount() == 1, timeout=10000)
        view.close()
    finally:
        window.session.close()
        window.close()
        QApplication.processEvents()


def test_a_locked_workstation_stops_listening_and_resumes_after_unlock(
    here: services.Services, server_target: ServerUrl, qtbot  # type: ignore[no-untyped-def]
) -> None:
    database, actor = open_database(server_target, "super", PASSWORD)
    session = Session(services.build(database, actor), open_database)
    heard: list[str] = []
    session.changes.subscribe(lambda change: heard.append(change.kind))
    try:
        assert session.wait_listening()
        session.lock()
        assert not session.wait_listening(0.1)
        here.cases.create_intake(VictimDraft(first_names="Lukittu", last_name="Aikana"),
                                 CaseDraft())
        qtbot.wait(400)
        assert heard == []  # nothing reaches views that hold nothing while locked
        session.unlock(PASSWORD)
        assert session.wait_listening()
        here.cases.create_intake(VictimDraft(first_names="Avattu", last_name="Jalkeen"),
                                 CaseDraft())
        qtbot.waitUntil(lambda: "case" in heard, timeout=10000)
    finally:
        session.close()


def test_the_status_bar_says_when_live_updates_pause_and_resume(
    here: services.Services, server_target: ServerUrl, qtbot  # type: ignore[no-untyped-def]
) -> None:
    import psycopg

    from models.storage.notify import conninfo

    database, actor = open_database(server_target, "super", PASSWORD)
    window = MainWindow(services.build(database, actor), opener=open_database)
    qtbot.addWidget(window)
    try:
        label = window.server_label
        qtbot.waitUntil(lambda: label.text().endswith("· live updates"), timeout=10000)
        assert server_target.display in label.text()
        # The server drops the listener's connection (a restart, a network cut)…
        with psycopg.connect(conninfo(server_target), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE application_name = 'suoja-listen' AND datname = %s",
                          (make_url(server_target.url).database,))
        qtbot.waitUntil(lambda: "paused" in label.text(), timeout=10000)
        # …and it comes back by itself; changes arrive again.
        qtbot.waitUntil(lambda: label.text().endswith("· live updates"), timeout=15000)
        window.show_place(ALL_CASES)
        here.cases.create_intake(VictimDraft(first_names="Palannut", last_name="Yhteys"),
                                 CaseDraft())
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    finally:
        window.session.close()
        window.close()


def test_two_counsellors_saving_one_record_the_second_is_offered_a_reload(
    here: services.Services, server_target: ServerUrl, monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """Workstation B has a contact open for editing when workstation A saves it: B's save
    is refused with a reload offer (never a silent overwrite); after reloading B sees A's
    words, and B's own save then goes in."""
    from gui.case.dialogs.base import RecordDialog
    from gui.shared import questions

    asked: list[str] = []
    monkeypatch.setattr(questions, "ask_reload",
                        lambda parent, error: asked.append(str(error)) or True)
    case = here.cases.create_intake(VictimDraft(first_names="Kaksi", last_name="Kirjoittajaa"),
                                    CaseDraft())
    draft = ExtortionContactDraft(received_at=RECEIVED, channel=Channel.EMAIL,
                                  sender="ransom@example.invalid", message_text="First words.")
    contact = here.records.add_extortion_contact(case.id, draft)
    database, actor = open_database(server_target, "super", PASSWORD)
    window = MainWindow(services.build(database, actor), opener=open_database)
    qtbot.addWidget(window)
    owner = QWidget()
    qtbot.addWidget(owner)
    try:
        view = open_case(owner, window.session, case.id)
        assert view is not None and view.contacts is not None
        view.tabs.setCurrentWidget(view.contacts)
        view.contacts.select_row(0)
        qtbot.mouseClick(view.contacts.edit_button, Qt.MouseButton.LeftButton)
        dialog = next(d for d in view.open_dialogs() if isinstance(d, RecordDialog))
        dialog.field("message_text").editor.setPlainText("B's words.")

        here.records.update_extortion_contact(contact.id, contact.version, ExtortionContactDraft(
            received_at=RECEIVED, channel=Channel.EMAIL, sender="ransom@example.invalid",
            message_text="A's words."))

        assert not dialog.save()
        assert asked and "Someone else changed this record" in asked[0]
        assert dialog.field("message_text").raw() == "A's words."  # reloaded, not lost
        dialog.field("message_text").editor.setPlainText("B's words, after reading A's.")
        assert dialog.save()
        stored = here.cases.get_detail(case.id).extortion_contacts[0]
        assert (stored.message_text, stored.version) == ("B's words, after reading A's.",
                                                         contact.version + 2)
        view.close()
    finally:
        window.session.close()
        window.close()
        QApplication.processEvents()
