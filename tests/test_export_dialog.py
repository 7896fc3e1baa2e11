"""Exporting PDFs from the desktop: one case, and a cancelable batch on a worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel

from gui.case.export_dialog import BatchExportDialog, ExportCaseDialog
from gui.shared.session import Session
from models import services
from models.demo.seed import seed_demo
from models.domain.enums import AuditAction, Role
from models.pdf.data import Profile
from models.services.audit_log import AuditQuery
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF


@pytest.fixture
def seeded(database: Database, supervisor: Actor) -> services.Services:
    seed_demo(database, supervisor, victims=30, seed=2, kdf=FAST_KDF)
    return services.build(database, supervisor)


def _session(svc: services.Services, qtbot) -> Session:  # type: ignore[no-untyped-def]
    return Session(svc, open_database)


def test_one_case_export_writes_a_pdf_and_audits_it(
    seeded: services.Services, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    case_id = seeded.case_list.list_case_ids()[0]
    reference = seeded.case_list.case_rows([case_id])[0].reference
    dialog = ExportCaseDialog(_session(seeded, qtbot), case_id, reference)
    qtbot.addWidget(dialog)
    assert [dialog.options.profile.itemData(i) for i in range(dialog.options.profile.count())
            ] == [Profile.POLICE, Profile.CARE, Profile.VICTIM]
    target = tmp_path / "out.pdf"
    dialog.choose_target = lambda suggested: target  # type: ignore[method-assign]
    dialog.export_button.click()
    assert dialog.written == target
    text = " ".join(page.extract_text() or "" for page in PdfReader(target).pages)
    assert "CONFIDENTIAL" in text and reference in text
    exports = seeded.audit.query(AuditQuery(actions=(AuditAction.EXPORT,)))
    assert [(e.case_id, e.detail) for e in exports] == [(case_id, "profile=police masked=yes")]


def test_counsellor_is_offered_only_the_care_profile(
    seeded: services.Services, qtbot  # type: ignore[no-untyped-def]
) -> None:
    user = seeded.accounts.create_user("kaisa", "Kaisa K", Role.COUNSELLOR,
                                       "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    counsellor = services.build(seeded.database, Actor(user.id, "kaisa", "Kaisa K",
                                                       Role.COUNSELLOR))
    dialog = ExportCaseDialog(_session(counsellor, qtbot), 1, "SUO")
    qtbot.addWidget(dialog)
    profiles = [dialog.options.profile.itemData(i)
                for i in range(dialog.options.profile.count())]
    assert profiles == [Profile.CARE, Profile.VICTIM]  # the letter comes from care staff


def test_batch_export_runs_on_a_worker_with_progress(
    seeded: services.Services, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = BatchExportDialog(_session(seeded, qtbot), workers=0)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "batch"))
    with qtbot.waitSignal(dialog.finished_batch, timeout=60000) as finished:
        dialog.start_button.click()
        assert dialog.progress.isVisible() or dialog.progress.isVisibleTo(dialog)
    assert finished.args[0] == "Done: 30 PDFs written."
    assert len(list((tmp_path / "batch").glob("SUO-*-police.pdf"))) == 30
    assert dialog.progress.value() == 30


def test_batch_export_labels_show_no_stray_ampersand_and_alt_f_reaches_the_folder(
    seeded: services.Services, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = BatchExportDialog(_session(seeded, qtbot), workers=0)
    qtbot.addWidget(dialog)
    # A label shows its "&" literally unless it has a buddy to give the mnemonic to.
    literal = [label.text() for label in dialog.findChildren(QLabel)
               if "&" in label.text().replace("&&", "") and label.buddy() is None]
    assert literal == []
    (folder_label,) = [label for label in dialog.findChildren(QLabel)
                       if label.text() == "&Folder"]
    assert folder_label.buddy() is dialog.folder


def test_cancelled_batch_leaves_only_whole_files(
    seeded: services.Services, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog = BatchExportDialog(_session(seeded, qtbot), workers=0)
    qtbot.addWidget(dialog)
    folder = tmp_path / "batch"
    dialog.folder.setText(str(folder))
    dialog.progressed.connect(lambda done, total: dialog.cancel_button.click())
    with qtbot.waitSignal(dialog.finished_batch, timeout=60000) as finished:
        dialog.start_button.click()
    assert finished.args[0].startswith("Cancelled: ")
    written = list(folder.glob("*.pdf"))
    assert 1 <= len(written) < 30
    assert list(folder.glob("*.part")) == []
    for pdf in written:
        assert len(PdfReader(pdf).pages) >= 1


def test_export_is_reachable_from_the_windows(
    seeded: services.Services, tmp_path: Path, qtbot,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from gui.case.case_view import CaseView
    from gui.case.export_dialog import BatchExportDialog as Batch
    from gui.case.export_dialog import ExportCaseDialog as Single
    from gui.window.main_window import MainWindow

    window = MainWindow(seeded)
    qtbot.addWidget(window)
    assert window.batch_export_action.isVisible() and window.report_action.isVisible()
    report = tmp_path / "caseload.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(report), "")))
    window.report_action.trigger()  # triggered(checked=False) must not become the path
    assert PdfReader(report).pages
    assert window.statusBar().currentMessage() == "Caseload report written."
    window.batch_export_action.trigger()
    assert window.findChild(Batch) is not None
    view = CaseView(window.session, seeded.case_list.list_case_ids()[0], window)  # window owns it
    view.header.export_button.click()
    assert view.findChild(Single) is not None
    window.lock()  # nothing with case data survives a lock, export dialogs included
    qtbot.waitUntil(lambda: window.findChild(Batch) is None, timeout=2000)


def test_counsellor_gets_no_batch_or_report_actions(
    seeded: services.Services, qtbot  # type: ignore[no-untyped-def]
) -> None:
    from gui.window.main_window import MainWindow

    user = seeded.accounts.create_user("kaisa", "Kaisa K", Role.COUNSELLOR,
                                       "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    counsellor = services.build(seeded.database, Actor(user.id, "kaisa", "Kaisa K",
                                                       Role.COUNSELLOR))
    window = MainWindow(counsellor)
    qtbot.addWidget(window)
    assert window.batch_export_action.isVisible()  # care handover of their own cases
    assert not window.report_action.isVisible()
