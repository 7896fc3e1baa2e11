"""The export commands: export-pdf (one case, a filtered batch), report, PDF passwords,
exit codes and one-line errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.demo.seed import DEMO_PASSWORD, seed_demo
from models.storage.store import create_database
from tests.conftest import FAST_KDF, PASSWORD


def run(argv: list[str]) -> int:
    """``main.py`` as the command line runs it."""
    from main import main

    return main(argv)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small seeded database shared by the tests here (they only read and export)."""
    db = tmp_path_factory.mktemp("cli") / "demo.db"
    result = create_database(db, username="super", password=PASSWORD, kdf=FAST_KDF)
    try:
        seed_demo(result.database, result.actor, victims=12, kdf=FAST_KDF,
                  today=dt.date(2024, 6, 1))
    finally:
        result.database.dispose()
    return db


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    return monkeypatch


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def _text(path: Path, password: str | None = None) -> str:
    reader = PdfReader(path)
    if password:
        reader.decrypt(password)
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_export_one_case(demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "one.pdf"
    code = run(["export-pdf", "--db", str(demo_db), "--user", "super",
                "--case", "suo-2020-00003", "--profile", "police", "--out", str(out)])
    assert code == 0
    assert "identity codes masked" in capsys.readouterr().out
    text = _text(out)
    assert "SUO-2020-00003" in text and "Case summary for the police" in text
    assert "-****" in text


def test_export_all_into_a_folder_with_filters(demo_db: Path, env: pytest.MonkeyPatch,
                                               tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "batch"
    assert run(["export-pdf", "--db", str(demo_db), "--user", "super", "--all",
                "--profile", "care", "--out", str(folder), "--workers", "0"]) == 0
    names = sorted(p.name for p in folder.glob("*.pdf"))
    assert len(names) == 12
    assert names[0] == "SUO-2020-00001-care.pdf"
    assert "Exported 12 of 12 cases" in capsys.readouterr().out

    filtered = tmp_path / "filtered"
    assert run(["export-pdf", "--db", str(demo_db), "--user", "super", "--all",
                "--profile", "police", "--out", str(filtered), "--status", "closed",
                "--status", "waiting", "--reports-filed-from", "1.1.2000",
                "--reports-filed-to", "2100-01-01"]) == 0
    count = len(list(filtered.glob("*.pdf")))
    assert 0 < count < 12
    assert f"Exported {count} of {count} cases" in capsys.readouterr().out

    assert run(["export-pdf", "--db", str(demo_db), "--user", "super", "--all",
                "--profile", "police", "--out", str(tmp_path / "none"),
                "--breach", "No such breach"]) == 4
    assert "Breach" in _error_line(capsys)


def test_password_protected_export(demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    env.setenv("PDF_PASSWORD", "Poliisille-vain-2024")
    out = tmp_path / "locked.pdf"
    assert run(["export-pdf", "--db", str(demo_db), "--user", "super", "--case",
                "SUO-2020-00001", "--profile", "police", "--out", str(out),
                "--password-env", "PDF_PASSWORD"]) == 0
    assert "AES-256" in capsys.readouterr().out
    assert PdfReader(out).is_encrypted
    assert "SUO-2020-00001" in _text(out, "Poliisille-vain-2024")

    report = tmp_path / "report.pdf"
    assert run(["report", "--db", str(demo_db), "--user", "super", "--out", str(report),
                "--password-env", "PDF_PASSWORD"]) == 0
    assert "Caseload report" in _text(report, "Poliisille-vain-2024")


@pytest.mark.parametrize(("extra", "message"), [
    (["--password-env", "UNSET_VARIABLE"], "holds no PDF password"),
    (["--password-env", "SUOJA_PASSWORD"], "not the sign-in password"),
    (["--status", "open"], "go with --all"),
])
def test_wrong_usage_exits_2(demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str], extra: list[str],
                             message: str) -> None:
    code = run(["export-pdf", "--db", str(demo_db), "--user", "super", "--case",
                "SUO-2020-00001", "--profile", "police", "--out", str(tmp_path / "x.pdf"),
                *extra])
    assert code == 2
    assert message in _error_line(capsys)
    assert not list(tmp_path.iterdir())


def test_bad_date_is_a_usage_error(demo_db: Path, env: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        run(["export-pdf", "--db", str(demo_db), "--user", "super", "--all", "--profile",
             "police", "--out", "x", "--reports-filed-from", "31.2.2020"])
    assert raised.value.code == 2
    assert "24.10.2020" in capsys.readouterr().err


def test_roles_are_enforced(demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    env.setenv("SUOJA_PASSWORD", DEMO_PASSWORD)
    assert run(["report", "--db", str(demo_db), "--user", "liaison01",
                "--out", str(tmp_path / "r.pdf")]) == 3
    assert "supervisor" in _error_line(capsys)
    assert run(["export-pdf", "--db", str(demo_db), "--user", "counsellor01", "--case",
                "SUO-2020-00001", "--profile", "police", "--out",
                str(tmp_path / "p.pdf")]) == 3
    assert "police exports" in _error_line(capsys)
    assert run(["export-pdf", "--db", str(demo_db), "--user", "liaison01", "--all",
                "--profile", "police", "--out", str(tmp_path / "all"), "--workers", "0"]) == 0
    assert len(list((tmp_path / "all").glob("*.pdf"))) == 12
    assert not list(tmp_path.glob("*.pdf"))


def test_unknown_case_reference(demo_db: Path, env: pytest.MonkeyPatch, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export-pdf", "--db", str(demo_db), "--user", "super", "--case",
                "SUO-1999-99999", "--profile", "care", "--out", str(tmp_path / "x.pdf")]) == 4
    assert "No case has that reference." in _error_line(capsys)
