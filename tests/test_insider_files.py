"""Files Suoja writes, against a colleague who can write to the same folder (issue 16: M4, L5
and "What to build" 7).

The attacker is another staff member on a shared machine or share: they cannot read the
user's owner-only files, but they can create names in a folder both may write to. They
plant a link (or a world-writable file) where Suoja is about to write an export, a backup
or the audit CSV, and read what lands there. Nothing may ever be written through such a
link, nothing Suoja writes may be readable by others, and a full run (init, sign-in,
backup, exports, report, audit CSV) leaves only 0600 files in 0700 folders it made.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import services
from models.demo.seed import seed_demo
from models.domain.dto import CaseDraft, VictimDraft
from models.domain.enums import RiskLevel
from models.domain.errors import DataError, KnownError
from models.pdf.batch import summary_file_name
from models.pdf.data import Profile
from models.services.audit_log import AuditQuery
from models.storage.database import keyfile_path
from models.storage.maintenance import (
    AUTOMATIC_FOLDER_NAME,
    backup_database,
    rotate_automatic_backups,
)
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links and modes as on POSIX")

BAIT = b"the attacker's own bytes"


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """A workstation's usual umask (022): owner-only must not depend on a strict one."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


@pytest.fixture
def case_id(svc: services.Services) -> int:
    return svc.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Hämäläinen", phone="+358401234567"),
        CaseDraft(risk_level=RiskLevel.HIGH, risk_reason="Threatened online"),
    ).id


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A folder both the user and the attacker may write to."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    return folder


@pytest.fixture
def loot(tmp_path: Path) -> Path:
    """The attacker's own folder, where their links point."""
    folder = tmp_path / "loot"
    folder.mkdir()
    return folder


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def planted_file(path: Path) -> Path:
    path.write_bytes(BAIT)
    path.chmod(0o666)
    return path


def assert_private_file(path: Path) -> None:
    assert not path.is_symlink(), f"{path.name} is still a link"
    assert path.is_file()
    assert mode(path) == 0o600, f"{path.name} is {oct(mode(path))}"


def assert_untouched(loot: Path, *planted: Path) -> None:
    """Nothing reached the attacker's folder except what they put there themselves."""
    assert sorted(loot.iterdir()) == sorted(planted)
    for path in planted:
        assert path.read_bytes() == BAIT


# -- PDF exports (M4) ------------------------------------------------------------------


def test_pdf_export_sends_nothing_through_a_link_at_the_part_name(
        svc: services.Services, case_id: int, shared: Path, loot: Path) -> None:
    target = shared / "case.pdf"
    (shared / "case.pdf.part").symlink_to(loot / "stolen.pdf")
    svc.exports.export_case(case_id, Profile.POLICE, target)
    assert_untouched(loot)
    assert_private_file(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_pdf_export_replaces_a_link_at_the_target_and_never_writes_through_it(
        svc: services.Services, case_id: int, shared: Path, loot: Path) -> None:
    bait = planted_file(loot / "stolen.pdf")
    target = shared / "case.pdf"
    target.symlink_to(bait)
    svc.exports.export_case(case_id, Profile.POLICE, target)
    assert_untouched(loot, bait)
    assert_private_file(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_planted_world_writable_files_do_not_make_an_export_readable(
        svc: services.Services, case_id: int, shared: Path) -> None:
    planted_part = planted_file(shared / "a.pdf.part")
    planted_target = planted_file(shared / "b.pdf")
    svc.exports.export_case(case_id, Profile.POLICE, shared / "a.pdf")
    svc.exports.export_case(case_id, Profile.POLICE, planted_target)
    assert_private_file(shared / "a.pdf")
    assert_private_file(planted_target)
    # The planted .part kept the attacker's bytes: none of the PDF went into it.
    assert not planted_part.exists() or planted_part.read_bytes() == BAIT


def test_batch_export_and_report_send_nothing_through_links(
        svc: services.Services, case_id: int, shared: Path, loot: Path) -> None:
    reference = svc.exports.case_summary(case_id, Profile.CARE).reference
    name = summary_file_name(reference, Profile.CARE)
    (shared / f"{name}.part").symlink_to(loot / "batch.pdf")
    (shared / "report.pdf.part").symlink_to(loot / "report.pdf")
    result = svc.exports.export_cases([case_id], Profile.CARE, shared, workers=0)
    svc.exports.export_caseload_report(shared / "report.pdf")
    assert result.written == [shared / name]
    assert_untouched(loot)
    assert_private_file(shared / name)
    assert_private_file(shared / "report.pdf")


def test_a_batch_folder_made_by_suoja_is_owner_only(
        svc: services.Services, case_id: int, shared: Path) -> None:
    folder = shared / "new" / "batch"
    svc.exports.export_cases([case_id], Profile.CARE, folder, workers=0)
    assert mode(folder) == 0o700
    assert mode(folder.parent) == 0o700
    for path in folder.iterdir():
        assert_private_file(path)


# -- the audit CSV (L5) ----------------------------------------------------------------


def test_audit_csv_sends_nothing_through_a_link_and_is_owner_only(
        svc: services.Services, shared: Path, loot: Path) -> None:
    target = shared / "audit.csv"
    (shared / "audit.csv.part").symlink_to(loot / "audit.csv")
    svc.audit.export_csv(AuditQuery(), target)
    assert_untouched(loot)
    assert_private_file(target)
    assert target.read_text(encoding="utf-8").startswith("seq,")


def test_audit_csv_replaces_a_link_at_the_target(
        svc: services.Services, shared: Path, loot: Path) -> None:
    bait = planted_file(loot / "audit.csv")
    target = shared / "audit.csv"
    target.symlink_to(bait)
    svc.audit.export_csv(AuditQuery(), target)
    assert_untouched(loot, bait)
    assert_private_file(target)


# -- backups ---------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["target", "keys"])
def test_a_backup_refuses_a_link_planted_at_its_names(
        database: Database, supervisor: Actor, shared: Path, loot: Path, where: str) -> None:
    target = shared / "backup.db"
    planted = target if where == "target" else keyfile_path(target)
    planted.symlink_to(loot / "stolen")
    with pytest.raises(DataError):
        backup_database(database, supervisor, target)
    assert_untouched(loot)
    assert planted.is_symlink()  # left as found: it is evidence, not ours to remove


def test_a_backup_is_owner_only(database: Database, supervisor: Actor,
                                shared: Path) -> None:
    target = shared / "backup.db"
    backup_database(database, supervisor, target)
    assert_private_file(target)
    assert_private_file(keyfile_path(target))


def test_the_automatic_backups_folder_is_owner_only(database: Database,
                                                    supervisor: Actor) -> None:
    made = rotate_automatic_backups(database, supervisor)
    assert made is not None
    assert mode(made.parent) == 0o700
    assert_private_file(made)
    assert_private_file(keyfile_path(made))


def test_an_existing_wide_backups_folder_is_narrowed(database: Database,
                                                     supervisor: Actor) -> None:
    folder = database.path.parent / AUTOMATIC_FOLDER_NAME
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)  # as versions before issue 16 made it
    rotate_automatic_backups(database, supervisor)
    assert mode(folder) == 0o700


def test_a_link_in_place_of_the_backups_folder_is_refused(
        database: Database, supervisor: Actor, loot: Path) -> None:
    (database.path.parent / AUTOMATIC_FOLDER_NAME).symlink_to(loot, target_is_directory=True)
    with pytest.raises(DataError):
        rotate_automatic_backups(database, supervisor)
    assert_untouched(loot)


# -- the database and its side files ---------------------------------------------------


def test_init_refuses_a_link_planted_at_the_database_name(tmp_path: Path, loot: Path) -> None:
    from models.storage.store import create_database

    db = tmp_path / "office.db"
    db.symlink_to(loot / "stolen.db")
    with pytest.raises(DataError):
        create_database(db, username="super", password=PASSWORD, kdf=FAST_KDF)
    assert_untouched(loot)
    assert db.is_symlink()


def test_the_sign_in_lock_file_is_not_followed(database: Database, loot: Path) -> None:
    bait = planted_file(loot / "mine")
    bait.chmod(0o644)
    lock = database.path.with_name(database.path.name + ".signin.lock")
    lock.unlink(missing_ok=True)  # init made one: the colleague swaps it for a link
    lock.symlink_to(bait)
    with pytest.raises(KnownError):
        open_database(database.path, "super", "not the password at all")
    assert mode(bait) == 0o644  # neither opened nor made the lock's mode
    assert_untouched(loot, bait)


def test_sign_in_refuses_a_link_planted_at_the_write_ahead_log(database: Database,
                                                               loot: Path) -> None:
    database.dispose()  # the last connection gone, SQLite removed its -wal and -shm
    for suffix in ("-wal", "-shm"):
        database.path.with_name(database.path.name + suffix).unlink(missing_ok=True)
    wal = database.path.with_name(database.path.name + "-wal")
    wal.symlink_to(loot / "wal")
    with pytest.raises(DataError):
        open_database(database.path, "super", PASSWORD)
    assert_untouched(loot)


def test_a_temporary_file_swapped_while_written_is_not_renamed(shared: Path) -> None:
    from models.domain.private_files import FileInTheWay, atomic_write

    target = shared / "report.csv"
    with pytest.raises(FileInTheWay), atomic_write(target) as handle:
        handle.write(b"personal data")
        (temporary,) = [path for path in shared.iterdir() if path.name.endswith(".part")]
        assert mode(temporary) == 0o600
        temporary.unlink()
        planted_file(temporary)  # the attacker's own, in its place
    assert not target.exists()


# -- a full run ------------------------------------------------------------------------


def test_every_file_a_full_run_writes_is_owner_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """init, a failed and a good sign-in, seed, verify, backup, exports, report, the
    audit CSV and the automatic backup: then walk every folder Suoja may have written to."""
    from main import main

    office = tmp_path / "office"  # the user's own folder, made by them: left as it is
    office.mkdir(mode=0o755)
    db = office / "suoja.db"
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    common = ["--db", str(db), "--user", "super"]
    assert main(["init", *common]) == 0
    database, actor = open_database(db, "super", PASSWORD)
    try:
        seed_demo(database, actor, victims=3, kdf=FAST_KDF, today=dt.date(2024, 6, 1))
        svc = services.build(database, actor)
        svc.audit.export_csv(AuditQuery(), office / "audit.csv")
        rotate_automatic_backups(database, actor)
    finally:
        database.dispose()
    monkeypatch.setenv("SUOJA_PASSWORD", "not the password at all")
    assert main(["verify", *common]) == 3  # the sign-in counters
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    for argv in (
        ["verify", *common],  # the audit anchor
        ["backup", *common, "--out", str(office / "copy.db")],
        ["export-pdf", *common, "--case", "SUO-2020-00001", "--profile", "police",
         "--out", str(office / "one.pdf")],
        ["export-pdf", *common, "--all", "--profile", "care", "--out",
         str(office / "exports" / "care"), "--workers", "0"],
        ["report", *common, "--out", str(office / "caseload.pdf")],
    ):
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    capsys.readouterr()

    home = Path(os.environ["HOME"])
    files: list[Path] = []
    wide: list[str] = []
    for root in (office, home):
        for folder, folders, names in os.walk(root):
            for name in folders:
                path = Path(folder) / name
                if mode(path) != 0o700:
                    wide.append(f"{path.relative_to(root.parent)} {oct(mode(path))}")
            for name in names:
                path = Path(folder) / name
                files.append(path)
                if mode(path) != 0o600 or path.is_symlink():
                    wide.append(f"{path.relative_to(root.parent)} {oct(mode(path))}")
    names = {path.name for path in files}
    # Every kind of file was written, so the walk above saw each one.
    assert {"suoja.db", "suoja.db.keys", "suoja.db.signin", "audit.csv", "copy.db",
            "copy.db.keys", "one.pdf", "caseload.pdf", "audit-anchors.json"} <= names
    assert (office / AUTOMATIC_FOLDER_NAME).is_dir()
    assert len(list((office / "exports" / "care").glob("*.pdf"))) == 3
    assert wide == []


def test_settings_file_and_folder_are_owner_only(qapp) -> None:  # type: ignore[no-untyped-def]
    from gui.shared.settings import Preferences, WindowState

    preferences = Preferences()
    preferences.idle_lock_minutes = 7
    preferences.sync()
    state = WindowState()
    state.last_place = "dashboard"
    state.sync()
    from PySide6.QtCore import QSettings

    path = Path(QSettings().fileName())
    assert path.is_file()
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
