"""The command-line contract: exit codes, one-line errors, passwords from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from models.storage.database import keyfile_path
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
PAGE = 4096


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    db = tmp_path / "cli.db"
    assert main(["init", "--db", str(db), "--user", "admin"]) == 0
    capsys.readouterr()
    return db


def _stderr_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_init_prints_the_recovery_code_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    db = tmp_path / "new.db"
    assert main(["init", "--db", str(db), "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert "RECOVERY CODE" in out
    code = next(line.strip() for line in out.splitlines() if line.startswith("    "))
    assert len(code) == 47 and code.count("-") == 7
    assert code.encode() not in keyfile_path(db).read_bytes()
    assert PASSWORD.encode() not in keyfile_path(db).read_bytes()


def test_init_twice_is_refused(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--db", str(cli_db), "--user", "admin"]) == 4
    assert "already exists" in _stderr_line(capsys)


def test_short_password_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", "short")
    assert main(["init", "--db", str(tmp_path / "x.db"), "--user", "admin"]) == 4
    assert "at least 12 characters" in _stderr_line(capsys)
    assert list(tmp_path.iterdir()) == []


def test_verify_passes_on_a_sound_database(cli_db: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--db", str(cli_db), "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert "every page authenticates" in out and "every link verifies" in out


def test_wrong_password_exits_3_with_one_line(cli_db: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", "definitely not it")
    assert main(["verify", "--db", str(cli_db), "--user", "admin"]) == 3
    assert _stderr_line(capsys) == "suoja: Wrong username or password."


def test_flipped_byte_in_a_data_page_is_named(cli_db: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    size = cli_db.stat().st_size
    assert size >= 40 * PAGE
    page_number = 30  # 1-based, as SQLCipher counts
    offset = (page_number - 1) * PAGE + 1000
    with cli_db.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x01]))
    assert main(["verify", "--db", str(cli_db), "--user", "admin"]) == 4
    line = _stderr_line(capsys)
    assert f"page {page_number} failed its encryption check" in line


def test_missing_key_file_exits_4(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keyfile_path(cli_db).unlink()
    assert main(["verify", "--db", str(cli_db), "--user", "admin"]) == 4
    assert "key file" in _stderr_line(capsys)


def test_foreign_file_exits_4(cli_db: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    foreign = tmp_path / "photo.db"
    foreign.write_bytes(os.urandom(8192))
    keyfile_path(foreign).write_bytes(keyfile_path(cli_db).read_bytes())
    assert main(["verify", "--db", str(foreign), "--user", "admin"]) == 4
    assert "cannot be decrypted" in _stderr_line(capsys)


def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["verify", "--db", "x.db"])
    assert stopped.value.code == 2


def test_no_password_and_no_terminal_is_a_usage_error(
    cli_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SUOJA_PASSWORD")
    with open(os.devnull) as no_terminal:
        monkeypatch.setattr(sys, "stdin", no_terminal)
        assert main(["verify", "--db", str(cli_db), "--user", "admin"]) == 2
    assert "SUOJA_PASSWORD" in _stderr_line(capsys)


def test_real_process_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    """The contract as a shell script sees it (a separate Python process)."""
    env = {**os.environ, "SUOJA_PASSWORD": PASSWORD}
    db = tmp_path / "proc.db"

    def run(*args: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path,
            env={**env, "SUOJA_PASSWORD": password}, capture_output=True, text=True,
            stdin=subprocess.DEVNULL, timeout=120,
        )

    assert run("init", "--db", str(db), "--user", "admin").returncode == 0
    wrong = run("verify", "--db", str(db), "--user", "admin", password="x" * 12)
    assert wrong.returncode == 3
    assert wrong.stderr.strip() == "suoja: Wrong username or password."
    assert run("verify", "--db", str(db), "--user", "admin").returncode == 0
    missing = run("verify", "--db", str(tmp_path / "none.db"), "--user", "admin")
    assert missing.returncode == 4 and "Traceback" not in missing.stderr
    assert run("frobnicate").returncode == 2


def test_seed_demo_then_verify(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["seed-demo", "--db", str(cli_db), "--user", "admin", "--victims", "50",
                 "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Seeded 50 victims, 50 cases")
    assert main(["verify", "--db", str(cli_db), "--user", "admin"]) == 0
    # A second seed into the same database is refused: it already has victims.
    assert main(["seed-demo", "--db", str(cli_db), "--user", "admin", "--victims", "5"]) == 4
    assert "already" in _stderr_line(capsys)


@pytest.mark.parametrize("tamper", ["edit", "delete", "reorder", "truncate"])
def test_verify_exits_4_naming_the_tampered_audit_event(
    cli_db: Path, capsys: pytest.CaptureFixture[str], tamper: str
) -> None:
    from sqlalchemy import delete, update

    from models.domain.entities import AuditEvent
    from models.storage.store import open_database

    for _ in range(4):  # sign in a few times: events 2..5 are logins
        database, _actor = open_database(cli_db, "admin", PASSWORD)
        database.dispose()
    database, _actor = open_database(cli_db, "admin", PASSWORD)  # event 6
    with database.writing() as db_session:
        if tamper == "edit":
            db_session.execute(update(AuditEvent).where(AuditEvent.seq == 3)
                               .values(detail="nothing to see"))
        elif tamper == "delete":
            db_session.execute(delete(AuditEvent).where(AuditEvent.seq == 3))
        elif tamper == "reorder":
            db_session.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(seq=-3))
            db_session.execute(update(AuditEvent).where(AuditEvent.seq == 4).values(seq=3))
            db_session.execute(update(AuditEvent).where(AuditEvent.seq == -3).values(seq=4))
        else:
            db_session.execute(delete(AuditEvent).where(AuditEvent.seq >= 5))
    database.dispose()
    assert main(["verify", "--db", str(cli_db), "--user", "admin"]) == 4
    line = _stderr_line(capsys)
    assert line.startswith("suoja: The audit trail is broken: ")
    expected = {"edit": "event 3 was changed", "delete": "event 3 is missing",
                "reorder": "event 3", "truncate": "after event 4 were removed"}[tamper]
    assert expected in line


def test_user_administration_from_the_command_line(
    cli_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SUOJA_NEW_PASSWORD", "Tuuli-Kivi-Järvi-Polku")
    base = ["user", "--db", str(cli_db), "--user", "admin"]
    assert main([*base, "add", "kaisa", "--role", "counsellor",
                 "--display-name", "Kaisa K"]) == 0
    assert "Created counsellor account kaisa." in capsys.readouterr().out
    assert main([*base, "lock", "kaisa"]) == 0
    assert main([*base, "list"]) == 0
    listing = capsys.readouterr().out
    assert "kaisa" in listing and "locked" in listing
    assert main([*base, "unlock", "kaisa"]) == 0
    assert main([*base, "reset-password", "nobody"]) == 4
    assert "no account" in _stderr_line(capsys)
    monkeypatch.setenv("SUOJA_NEW_PASSWORD", "Password1234")
    assert main([*base, "add", "olli"]) == 4
    assert "Password:" in _stderr_line(capsys)
    monkeypatch.setenv("SUOJA_PASSWORD", "Tuuli-Kivi-Järvi-Polku")
    # Roles and last sign-ins are for supervisors and administrators (finding L1).
    assert main(["user", "--db", str(cli_db), "--user", "kaisa", "list"]) == 3
    assert "managing accounts" in _stderr_line(capsys)
    assert main(["user", "--db", str(cli_db), "--user", "kaisa", "add", "x1"]) == 3
    assert "managing accounts" in _stderr_line(capsys)


def test_verifying_an_older_backup_does_not_alarm_or_weaken_the_live_check(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A backup shares the database's id; the workstation's memory of the audit trail is
    kept per place, so the backup's shorter trail is no alarm, and the live database is
    still held to what was seen of it."""
    live = ["verify", "--db", str(cli_db), "--user", "admin"]
    backup = tmp_path / "older.db"
    assert main(["backup", "--db", str(cli_db), "--user", "admin", "--out", str(backup)]) == 0
    assert main(live) == 0  # the live trail is now longer than the backup's
    assert "first check of this database on this workstation" in capsys.readouterr().out
    assert main(["verify", "--db", str(backup), "--user", "admin"]) == 0
    assert "first check" in capsys.readouterr().out
    assert main(live) == 0
    out = capsys.readouterr().out
    assert "every link verifies" in out and "first check" not in out
