"""``--version`` and ``check-install`` (issue 20), in this process: what each prints, and
that a check fails when its part is missing. The built app and the installed package run
the same commands from outside (tests/test_standalone_build.py, tests/test_package.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import main as main_module
from cli.main import only_check_install, program_name
from gui.shared import i18n as qt_i18n
from main import main
from models import __version__
from models.domain import i18n
from models.storage import migration


def test_version_names_the_release_and_the_schema_it_expects(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "en", "--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == (
        f"Suoja {__version__}, database schema {migration.head_revision()}\n")
    with pytest.raises(SystemExit):
        main(["--lang", "sv", "--version"])
    assert capsys.readouterr().out == (
        f"Suoja {__version__}, databasstruktur {migration.head_revision()}\n")


def test_the_package_version_is_the_one_place_pyproject_reads() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml")
                            .read_text(encoding="utf-8"))
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "models.__version__"}
    assert project["project"]["scripts"] == {"suoja": "main:main"}


@pytest.mark.parametrize(("argv", "alone"), [
    (["check-install"], True),
    (["--lang", "fi", "check-install"], True),
    (["check-install", "--lang=sv"], True),
    (["check-install", "--help"], False),
    (["verify", "check-install"], False),
    ([], False),
])
def test_check_install_alone_is_read_before_the_parser(argv: list[str], alone: bool) -> None:
    assert only_check_install(argv) is alone


@pytest.mark.parametrize(("argv0", "name"), [
    ("/usr/local/bin/suoja", "suoja"), ("C:\\Suoja\\suoja.exe", "suoja"),
    ("/opt/suoja/suoja", "suoja"), ("main.py", "main.py"), ("/x/pytest", "main.py"),
])
def test_help_names_the_program_as_it_was_called(
        argv0: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", [argv0.replace("\\", "/")])
    assert program_name() == name


def test_a_complete_installation_passes_every_check(
        capsys: pytest.CaptureFixture[str], qapp) -> None:  # type: ignore[no-untyped-def]
    assert main(["--lang", "en", "check-install"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Suoja {__version__}"
    assert out[-1] == "This installation is complete."
    parts = {line[9:].partition(":")[0]: line[:8].strip() for line in out[1:-1]}
    for part in ("Encrypted database (SQLCipher)", "Schema migrations", "Fonts of the PDFs",
                 "Finnish and Swedish catalogs", "Time zone data", "Identity code checks",
                 "Phone number checks", "Password strength checks", "Qt", "Icons (SVG)",
                 "Finnish and Swedish windows", "Style sheet",
                 "The organisation's settings file"):
        assert parts[part] == "ok", (part, out)
    # The desktop plugin may only warn (a build machine has no desktop libraries).
    assert parts["Desktop platform plugin"] in ("ok", "warning")


def test_a_missing_catalog_fails_the_check_and_names_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        qapp) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    monkeypatch.setattr(qt_i18n, "CATALOG_DIR", tmp_path / "i18n")
    assert main(["--lang", "en", "check-install"]) == 4
    out = capsys.readouterr().out
    assert "MISSING  Finnish and Swedish catalogs: FileNotFoundError" in out
    assert "MISSING  Finnish and Swedish windows: missing: start_fi, window_fi" in out
    assert out.endswith("This installation is incomplete (2 parts are missing); "
                        "reinstall Suoja.\n")


def test_a_missing_module_is_one_sentence_not_a_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def missing(_argv: list[str]) -> int:
        raise ModuleNotFoundError("No module named 'sqlcipher3._sqlite3'",
                                  name="sqlcipher3._sqlite3")

    monkeypatch.setattr(main_module, "_main", missing)
    i18n.use(i18n.Language.ENGLISH)
    assert main(["verify"]) == 4
    captured = capsys.readouterr()
    assert captured.err == ("suoja: This installation of Suoja is incomplete "
                            "(sqlcipher3._sqlite3: No module named 'sqlcipher3._sqlite3'); "
                            "reinstall it, or run “main.py check-install”.\n")


def test_check_install_reports_qt_that_cannot_be_imported(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Qt's library failing to load (a system library missing) is a finding of its own,
    after the core's checks, naming what the system said."""
    import builtins

    real_import = builtins.__import__

    def without_qt(name: str, *args: object, **kwargs: object) -> object:
        if name == "gui.start.installation":
            raise ImportError("libEGL.so.1: cannot open shared object file",
                              name="PySide6.QtGui")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", without_qt)
    assert main(["--lang", "en", "check-install"]) == 4
    out = capsys.readouterr().out.splitlines()
    assert out[-2] == "MISSING  Qt: libEGL.so.1: cannot open shared object file"
    assert "ok       Encrypted database (SQLCipher):" in "\n".join(out)
    assert out[-1] == "This installation is incomplete (1 part is missing); reinstall Suoja."


def test_a_broken_settings_file_is_invalid_and_mended_not_reinstalled(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        qapp) -> None:  # type: ignore[no-untyped-def]
    from models.domain import deployment

    broken = tmp_path / "suoja.toml"
    broken.write_text("[defaults]\nidle_lock_minutes = 'soon'\n", encoding="utf-8")
    deployment.use(broken)
    assert main(["--lang", "en", "check-install"]) == 4
    out = capsys.readouterr().out
    assert "INVALID  The organisation's settings file:" in out and "idle_lock_minutes" in out
    assert "reinstall" not in out
    assert out.endswith("Suoja will not start until the organisation's settings file is "
                        "corrected or removed (docs/DEPLOYMENT.md, section 8).\n")


@pytest.mark.parametrize(("before", "after"), [
    ({"LD_LIBRARY_PATH": "/opt/suoja/_internal", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib",
      "HOME": "/home/x"}, {"LD_LIBRARY_PATH": "/usr/local/lib", "HOME": "/home/x"}),
    ({"LD_LIBRARY_PATH": "/opt/suoja/_internal", "HOME": "/home/x"}, {"HOME": "/home/x"}),
    ({"HOME": "/home/x"}, {"HOME": "/home/x"}),
])
def test_programs_a_frozen_build_opens_get_the_systems_libraries(
        before: dict[str, str], after: dict[str, str]) -> None:
    environment = dict(before)
    main_module.restore_library_path(environment)
    assert environment == after


def test_a_settings_file_others_may_change_is_warned_of(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        qapp) -> None:  # type: ignore[no-untyped-def]
    """The file in the system's place, writable by everyone: a warning naming it (Suoja
    still starts: the file is the organisation's, and root decides its rights)."""
    from models.domain import deployment

    folder = tmp_path / "etc-suoja"
    folder.mkdir()
    placed = folder / "suoja.toml"
    placed.write_text("[defaults]\nidle_lock_minutes = 10\n", encoding="utf-8")
    placed.chmod(0o666)
    monkeypatch.setattr(deployment, "platform_location", lambda platform=None: placed)
    deployment.use(None)
    assert main(["--lang", "en", "check-install"]) == 0
    out = capsys.readouterr().out
    assert (f"warning  Rights of the organisation's settings file: {placed} may be changed "
            "by others than root: chown root and chmod go-w it") in out
