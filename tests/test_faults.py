"""Faults that really happen: a killed process, a full disk, a second instance, damaged files.

Every test does the real damage (a real SIGKILL, a real page limit, a real truncated or
flipped file) and then checks that nothing acknowledged was lost and ``verify`` passes.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy import event, func, select

from main import main
from models import services
from models.domain.dto import CaseDraft, FollowUpDraft, VictimDraft
from models.domain.entities import Case, FollowUp, Victim
from models.domain.errors import DataError, KnownError
from models.storage.database import keyfile_path
from models.storage.store import create_database, open_database
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD

ROOT = Path(__file__).resolve().parent.parent
WRITER = ROOT / "tests" / "helpers" / "writer.py"
KILLS = 20


@pytest.fixture
def password_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)


def _start_writer(db_path: Path, *args: str, tag: str = "Kirjoittaja") -> subprocess.Popen[str]:
    env = {**os.environ, "SUOJA_PASSWORD": PASSWORD, "WRITER_TAG": tag,
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )


class _Lines:
    """Collects a process's stdout lines on a thread (so the pipe never fills)."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.append(line.strip())
            if line.startswith("ready"):
                self.ready.set()
        self.ready.set()

    def join(self) -> None:
        self._thread.join(timeout=30)

    def acknowledged(self) -> set[int]:
        return {int(line.split()[1]) for line in self.lines if line.startswith("ok ")}


def _finish(writer: subprocess.Popen[str], lines: _Lines) -> str:
    """Wait for the process and its reader; close its pipes; return its stderr."""
    writer.wait(60)
    lines.join()
    assert writer.stdout is not None and writer.stderr is not None
    err = writer.stderr.read()
    writer.stdout.close()
    writer.stderr.close()
    return err


def _case_ids(db_path: Path) -> set[int]:
    database, _actor = open_database(db_path, "super", PASSWORD)
    try:
        with database.reading() as db_session:
            return set(db_session.scalars(select(Case.id)))
    finally:
        database.dispose()


def _verify(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["verify", "--db", str(db_path), "--user", "super"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "no problems found" in captured.out


@pytest.fixture
def fresh_db(db_path: Path) -> Path:
    create_database(db_path, username="super", password=PASSWORD, kdf=FAST_KDF).database.dispose()
    return db_path


# -- 1. crash safety ---------------------------------------------------------------------


def test_sigkill_at_random_moments_loses_no_acknowledged_case(
    fresh_db: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(8)
    acknowledged: set[int] = set()
    kills = 0
    for _round in range(KILLS):
        writer = _start_writer(fresh_db)
        assert writer.stdout is not None
        lines = _Lines(writer.stdout)
        assert lines.ready.wait(30), lines.lines
        time.sleep(rng.uniform(0.05, 0.6))
        writer.send_signal(signal.SIGKILL)
        err = _finish(writer, lines)
        assert writer.returncode == -signal.SIGKILL, (lines.lines, err)
        kills += 1
        acknowledged |= lines.acknowledged()

        present = _case_ids(fresh_db)  # a fresh open: sign-in and the login write work
        lost = acknowledged - present
        assert not lost, f"after kill {kills}: acknowledged cases lost: {sorted(lost)}"
        _verify(fresh_db, capsys)
        database, actor = open_database(fresh_db, "super", PASSWORD)
        try:
            assert services.build(database, actor).case_list.count_cases() == len(present)
        finally:
            database.dispose()
    assert kills == KILLS
    assert len(acknowledged) > KILLS  # the writer really wrote between the kills
    _report(f"\ncrash safety: {kills} kills survived, {len(acknowledged)} acknowledged cases, "
          "0 lost")


# -- 2. disk full ------------------------------------------------------------------------


def _limit_growth(database: Database, extra_pages: int) -> None:
    """Every connection from now on may grow the file by at most ``extra_pages`` pages."""
    database.engine.dispose()  # so that no pooled connection escapes the limit
    with database.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar() or 0)
    database.engine.dispose()
    limit = pages + extra_pages

    @event.listens_for(database.engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit}")


def _counts(database: Database) -> tuple[int, int, int]:
    with database.reading() as db_session:
        return (
            db_session.scalar(select(func.count()).select_from(Victim)) or 0,
            db_session.scalar(select(func.count()).select_from(Case)) or 0,
            db_session.scalar(select(func.count()).select_from(FollowUp)) or 0,
        )


def test_a_full_disk_refuses_the_write_plainly_and_keeps_everything_earlier(
    database: Database, supervisor: Actor, db_path: Path, password_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    svc = services.build(database, supervisor)
    earlier = [
        svc.cases.create_intake(VictimDraft(first_names=f"Ensi {n}", last_name="Aiempi"),
                                CaseDraft())
        for n in range(5)
    ]
    _limit_growth(database, extra_pages=8)
    refused: KnownError | None = None
    written = 0
    for n in range(500):
        before = _counts(database)
        try:
            case = svc.cases.create_intake(
                VictimDraft(first_names=f"Täyttö {n}", last_name="Levy",
                            safe_contact_note="täyttää levyn " * 140),
                CaseDraft(),
            )
            svc.records.add_follow_up(case.id, FollowUpDraft(
                due_on=case.opened_on, description="soita takaisin " * 30))
            written += 1
        except KnownError as error:
            refused = error
            after = _counts(database)
            # one unit of work: the refused intake or follow-up left nothing behind
            assert after[0] == after[1]
            assert after[2] in (written, written + 1) and after[0] >= before[0]
            if after[0] > before[0]:  # the intake committed, its follow-up was refused
                assert after[2] == before[2]
            break
    assert refused is not None, "the page limit never filled the database"
    assert isinstance(refused, DataError)
    assert str(refused) == "The disk is full; the last change was not saved."
    # Later writes keep failing plainly, never with a driver error.
    with pytest.raises(DataError, match="disk is full"):
        svc.cases.create_intake(
            VictimDraft(first_names="Vielä", last_name="Yksi", safe_contact_note="z" * 1900),
            CaseDraft())
    database.dispose()

    # Space again (a new process: no page limit) — everything earlier is there and sound.
    _verify(db_path, capsys)
    reopened, actor = open_database(db_path, "super", PASSWORD)
    try:
        again = services.build(reopened, actor)
        for case in earlier:
            assert again.cases.get_detail(case.id).victim.last_name == "Aiempi"
        assert again.case_list.count_cases() >= len(earlier) + written
    finally:
        reopened.dispose()
    _report(f"\ndisk full: {written} intakes fitted, then refused: {refused}")


def test_a_full_disk_stops_the_command_line_with_exit_4(
    database: Database, supervisor: Actor, db_path: Path, tmp_path: Path,
    password_env: None, capsys: pytest.CaptureFixture[str],
) -> None:
    """A backup onto a tiny real filesystem, if this machine lets us mount one."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        svc = services.build(database, supervisor)
        for n in range(40):
            svc.cases.create_intake(VictimDraft(first_names=f"Iso {n}", last_name="Varmuus",
                                                safe_contact_note="v" * 1900), CaseDraft())
        database.dispose()
        code = main(["backup", "--db", str(db_path), "--user", "super",
                     "--out", str(mount / "copy.db")])
        err = capsys.readouterr().err
        assert code == 4, err
        assert err.strip().splitlines() == ["suoja: The disk is full; the copy was not written."]
        assert not (mount / "copy.db").exists()
        _verify(db_path, capsys)
    finally:
        subprocess.run(["umount", str(mount)], check=False)


# -- 3. a second instance ------------------------------------------------------------------


def test_two_processes_writing_at_once_never_corrupt(
    fresh_db: Path, password_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    per_writer = 40
    writers = [_start_writer(fresh_db, str(per_writer), tag=tag) for tag in ("Yksi", "Kaksi")]
    readers = []
    for writer in writers:
        assert writer.stdout is not None
        readers.append(_Lines(writer.stdout))
    for writer, lines in zip(writers, readers, strict=True):
        err = _finish(writer, lines)
        assert "Traceback" not in err, err
        if writer.returncode != 0:  # the only acceptable failure: a plain "busy" sentence
            assert writer.returncode == 4
            assert lines.lines[-1] == ("error The database is busy in another window or "
                                       "program; try again shortly."), lines.lines
        else:
            assert len(lines.acknowledged()) == per_writer
    acknowledged = readers[0].acknowledged() | readers[1].acknowledged()
    assert len(acknowledged) == len(readers[0].acknowledged()) + len(readers[1].acknowledged())
    assert _case_ids(fresh_db) == acknowledged  # counts add up: nothing lost, nothing extra
    _verify(fresh_db, capsys)
    _report(f"\nsecond instance: exit codes {[w.returncode for w in writers]}, "
          f"{len(acknowledged)} cases, verify ok")


def test_a_reader_beside_a_writer_sees_a_consistent_database(
    fresh_db: Path, password_env: None
) -> None:
    writer = _start_writer(fresh_db, "30")
    assert writer.stdout is not None
    lines = _Lines(writer.stdout)
    assert lines.ready.wait(30)
    database, actor = open_database(fresh_db, "super", PASSWORD)
    try:
        svc = services.build(database, actor)
        while writer.poll() is None:
            with database.reading() as db_session:
                victims = db_session.scalar(select(func.count()).select_from(Victim))
                cases = db_session.scalar(select(func.count()).select_from(Case))
            assert victims == cases  # an intake is all or nothing, even mid-write
            svc.case_list.count_cases()
        assert _finish(writer, lines) == ""
        assert writer.returncode == 0
        assert svc.case_list.count_cases() == 30
    finally:
        database.dispose()


# -- 4. damaged files ---------------------------------------------------------------------


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"


def _truncate(db: Path, _tmp: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def _flip_byte(db: Path, _tmp: Path) -> None:
    data = bytearray(db.read_bytes())
    data[4096 + 1000] ^= 0x5A  # inside page 2's encrypted content
    db.write_bytes(bytes(data))


def _flip_first_page(db: Path, _tmp: Path) -> None:
    data = bytearray(db.read_bytes())
    data[100] ^= 0xFF  # page 1: the schema page, read at every sign-in
    db.write_bytes(bytes(data))


def _missing_keys(db: Path, _tmp: Path) -> None:
    keyfile_path(db).unlink()


def _foreign_keys(db: Path, tmp: Path) -> None:
    other = tmp / "other" / "other.db"
    other.parent.mkdir()
    create_database(other, username="super", password=PASSWORD,
                    kdf=FAST_KDF).database.dispose()
    keyfile_path(db).write_bytes(keyfile_path(other).read_bytes())


def _not_a_database(db: Path, _tmp: Path) -> None:
    db.write_bytes(b"Nimi;Henkilotunnus\nMatti;010101-123N\n" * 200)


def _empty_file(db: Path, _tmp: Path) -> None:
    db.write_bytes(b"")


def _garbage_keys(db: Path, _tmp: Path) -> None:
    keyfile_path(db).write_text('{"version": 1, "slots": [', encoding="utf-8")


DAMAGE = {
    "truncated": _truncate, "flipped byte": _flip_byte, "flipped first page": _flip_first_page,
    "missing key file": _missing_keys, "foreign key file": _foreign_keys,
    "not a database": _not_a_database, "empty file": _empty_file,
    "garbage key file": _garbage_keys,
}


@pytest.fixture
def filled_db(fresh_db: Path) -> Path:
    database, actor = open_database(fresh_db, "super", PASSWORD)
    svc = services.build(database, actor)
    for n in range(60):
        svc.cases.create_intake(VictimDraft(first_names=f"Vahinko {n}", last_name="Tiedosto",
                                            safe_contact_note="w" * 500), CaseDraft())
    database.dispose()
    for sidecar in ("-wal", "-shm"):
        assert not fresh_db.with_name(fresh_db.name + sidecar).exists()
    return fresh_db


@pytest.mark.parametrize("command", ["verify", "backup", "user"])
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_file_gets_one_sentence_and_exit_4_and_stays_untouched(
    filled_db: Path, tmp_path: Path, damage: str, command: str, password_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    DAMAGE[damage](filled_db, tmp_path)
    before = (_digest(filled_db), _digest(keyfile_path(filled_db)))
    args = {
        "verify": ["verify"],
        "backup": ["backup", "--out", str(tmp_path / "copy.db")],
        "user": ["user", "list"],
    }[command]
    code = main([args[0], "--db", str(filled_db), "--user", "super", *args[1:]])
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code == 4, captured.err
    assert len(lines) == 1 and lines[0].startswith("suoja: "), captured.err
    assert "Traceback" not in captured.err
    sentence = lines[0].removeprefix("suoja: ")
    assert sentence.endswith(".") and len(sentence) < 200
    assert (_digest(filled_db), _digest(keyfile_path(filled_db))) == before
    assert not (tmp_path / "copy.db").exists()


def test_damage_is_a_data_error_for_the_desktop_app_too(filled_db: Path, tmp_path: Path) -> None:
    for name, damage in DAMAGE.items():
        copy = tmp_path / name.replace(" ", "-") / "suoja.db"
        copy.parent.mkdir()
        copy.write_bytes(filled_db.read_bytes())
        keyfile_path(copy).write_bytes(keyfile_path(filled_db).read_bytes())
        damage(copy, copy.parent)
        before = _digest(copy)
        try:
            database, _actor = open_database(copy, "super", PASSWORD)
        except DataError:
            pass
        else:  # a page nobody reads at sign-in: the damage shows when it is read
            try:
                with pytest.raises(DataError):
                    services.build(database, _actor).case_list.case_rows(list(range(1, 61)))
            finally:
                database.dispose()
        assert _digest(copy) == before, name


# -- 4b. the desktop app offers the latest automatic backup ----------------------------------


@pytest.mark.parametrize("damage", ["truncated", "flipped first page"])
def test_sign_in_on_a_damaged_database_offers_the_latest_backup(
    filled_db: Path, tmp_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    import datetime as dt

    from gui.start import login
    from models.storage.maintenance import rotate_automatic_backups

    database, actor = open_database(filled_db, "super", PASSWORD)
    older = rotate_automatic_backups(database, actor, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    services.build(database, actor).cases.create_intake(
        VictimDraft(first_names="Varmuus", last_name="Kopioitu"), CaseDraft())
    latest = rotate_automatic_backups(database, actor, now=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    database.dispose()
    assert older is not None and latest is not None
    DAMAGE[damage](filled_db, tmp_path)
    damaged = _digest(filled_db)
    backups_before = {p.name: _digest(p) for p in latest.parent.iterdir()}

    asked: list[tuple[str, Path, Path]] = []

    def refuse(_parent: object, problem: str, backup: Path, target: Path) -> bool:
        asked.append((problem, backup, target))
        return False

    monkeypatch.setattr(login, "ask_restore", refuse)
    dialog = login.LoginDialog(filled_db, open_database)
    qtbot.addWidget(dialog)
    dialog.username.setText("super")
    dialog.password.setText(PASSWORD)
    dialog._sign_in()
    assert len(asked) == 1 and asked[0][1] == latest
    assert "damaged" in asked[0][0]
    assert dialog.result_value is None and dialog.error.isVisibleTo(dialog)
    assert "damaged" in dialog.error.text()
    assert not asked[0][2].exists()

    monkeypatch.setattr(login, "ask_restore", lambda *_args: True)
    dialog.password.setText(PASSWORD)
    dialog._sign_in()
    assert dialog.result_value is not None
    assert dialog.restored_to is not None
    restored, actor = dialog.result_value
    try:
        assert restored.path == dialog.restored_to
        assert restored.path.parent == filled_db.parent and restored.path != filled_db
        assert "-restored-" in restored.path.name
        names = {row.victim_name for row in services.build(restored, actor).case_list.case_rows(
            list(range(1, 100)))}
        assert "Kopioitu, Varmuus" in names  # the newest backup, not the older one
    finally:
        restored.dispose()
    assert _digest(filled_db) == damaged  # the damaged file is kept as it was
    assert {p.name: _digest(p) for p in latest.parent.iterdir()} == backups_before


def test_no_backup_means_no_offer_just_the_sentence(
    filled_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from gui.start import login

    _truncate(filled_db, tmp_path)
    monkeypatch.setattr(login, "ask_restore", lambda *_args: pytest.fail("nothing to offer"))
    dialog = login.LoginDialog(filled_db, open_database)
    qtbot.addWidget(dialog)
    dialog.username.setText("super")
    dialog.password.setText(PASSWORD)
    dialog._sign_in()
    assert dialog.result_value is None
    assert "damaged" in dialog.error.text()


def _report(text: str) -> None:
    """The figures the issue asks for (shown with ``pytest -s``)."""
    sys.stdout.write(text + "\n")


def test_the_restore_offer_does_not_depend_on_the_language(
    filled_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """The sign-in window knows damage by the error's type, not by English words."""
    import datetime as dt

    from gui.shared import i18n as gui_i18n
    from gui.start import login
    from models.domain import i18n
    from models.domain.enums import Language
    from models.storage.maintenance import rotate_automatic_backups

    database, actor = open_database(filled_db, "super", PASSWORD)
    latest = rotate_automatic_backups(database, actor, now=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    database.dispose()
    DAMAGE["flipped byte"](filled_db, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(login, "ask_restore", lambda _p, problem, *_a: asked.append(problem))
    i18n.use(Language.FINNISH)
    gui_i18n.install(Language.FINNISH)
    dialog = login.LoginDialog(filled_db, open_database)
    qtbot.addWidget(dialog)
    dialog.username.setText("super")
    dialog.password.setText(PASSWORD)
    dialog._sign_in()
    assert latest is not None and len(asked) == 1
    assert "damaged" not in asked[0] and "Tietokanta" in asked[0]
