"""Imports drop no column silently, name rows as a spreadsheet does, refuse what is no list,
and read a big file a row at a time (issue 18, items 5 and 6)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from cli import importing as import_cli
from cli import main as cli
from models.domain.base import local_today
from models.domain.enums import AuditAction
from models.domain.validation import generate_temporary_identity_code
from models.services import build
from models.services.audit_log import AuditQuery
from models.services.importing import (
    Problem,
    UnresolvedColumns,
    check_columns,
    guess_mapping,
    ignored_columns,
    read_csv,
    validate_rows,
)
from models.storage.unit_of_work import Actor, Database
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
HEADER = "Etunimet;Sukunimi;Henkilötunnus;Puhelin;Lisätiedot;Ilmoitettu"
SAFE_NOTE = "Ei vastaajaa; soita iltaisin"


def code(i: int) -> str:
    """A temporary identity code (individual number 900–999): never a real person's."""
    return generate_temporary_identity_code(dt.date(1970, 1, 1) + dt.timedelta(days=i // 100),
                                            900 + i % 100)


def row(i: int, *, note: str = SAFE_NOTE, notified: str = "12.11.2020") -> str:
    # Phones in the UK's drama range 07700 900000–900999, reserved for fiction.
    # The note is quoted, as Excel writes a cell with the delimiter in it.
    quoted = '"' + note.replace('"', '""') + '"'
    return ";".join(["Aino", f"Testinen{i}", code(i), f"+447700{900000 + i}", quoted,
                     notified])


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def cli_database(opened: tuple[Database, Actor, str],
                 monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    return opened[0]


def run_cli(db_path: Path, source: Path, *options: str,
            out: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    import_cli.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["import-csv", "--db", str(db_path), "--user", "super",
                              str(source), *options])
    return cli.run(args, out=(out if out is not None else []).append)


# -- item 5: no column dropped silently -----------------------------------------------------


def test_an_unmapped_column_refuses_the_import_and_map_stores_the_safe_contact_text(
    cli_database: Database, opened: tuple[Database, Actor, str], db_path: Path,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path / "lista.csv", [HEADER, row(1), row(2)])
    out: list[str] = []
    assert run_cli(db_path, source, out=out) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("suoja: Suoja would not store the columns 'Lisätiedot' and 'Ilmoitettu'; "
                   "map each to a field (--map FIELD=COLUMN) or ignore it "
                   "(--ignore-column COLUMN).")
    services = build(*opened[:2])
    assert services.case_list.count_cases() == 0

    assert run_cli(db_path, source, "--map", "safe_contact_note=Lisätiedot",
                   "--map", "opened_on=Ilmoitettu", out=out) == 0
    assert "Safe-contact note ← Lisätiedot, Opened on ← Ilmoitettu" in "\n".join(out)
    # Read back as a user would: the case the import made, through the service.
    (first, _second) = services.case_list.list_case_ids()
    detail = services.cases.get_detail(first)
    assert detail.victim.safe_contact_note == SAFE_NOTE
    assert detail.case.opened_on == dt.date(2020, 11, 12)


def test_ignored_columns_are_named_and_the_rest_imported(
    cli_database: Database, opened: tuple[Database, Actor, str], db_path: Path,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path / "lista.csv", [HEADER, row(1)])
    out: list[str] = []
    # One column ignored by name, the other left open: still refused, naming that one.
    assert run_cli(db_path, source, "--ignore-column", "ilmoitettu", out=out) == 2
    assert "the column 'Lisätiedot';" in capsys.readouterr().err
    assert run_cli(db_path, source, "--ignore-column", "Ilmoitettu",
                   "--ignore-column", "5", out=out) == 0
    assert "Ignored columns: Lisätiedot, Ilmoitettu." in out
    services = build(*opened[:2])
    # The audit trail says columns were knowingly left out (their number, not their names).
    events = services.audit.query(AuditQuery(actions=(AuditAction.CREATE,)))
    assert [e.detail for e in events if e.entity == "import"] == [
        "rows=1 imported=1 refused=0 duplicates=0 ignored_columns=2"]
    detail = services.cases.get_detail(services.case_list.list_case_ids()[0])
    assert detail.victim.safe_contact_note == ""
    assert detail.case.opened_on == local_today()  # Finland's day, not the machine's
    # Wrong usage: exit 2, naming the column and the file's columns.
    assert run_cli(db_path, source, "--ignore-column", "Nope", out=out) == 2
    assert ("The file has no column 'Nope' (--ignore-column Nope); its columns are "
            "'Etunimet', 'Sukunimi'") in capsys.readouterr().err
    assert run_cli(db_path, source, "--map", "safe_contact_note=Lisatiedot", out=out) == 2
    assert "no column 'Lisatiedot' (--map safe_contact_note=Lisatiedot)" in (
        capsys.readouterr().err)
    # Mapped and ignored at once: which was meant is not guessed.
    assert run_cli(db_path, source, "--map", "safe_contact_note=Lisätiedot",
                   "--ignore-column", "Lisätiedot", "--ignore-column", "Ilmoitettu",
                   out=out) == 2
    assert ("The column 'Lisätiedot' is both mapped to a field and ignored; choose one."
            in capsys.readouterr().err)


def test_a_file_without_a_header_never_shows_a_whole_identity_code_in_a_message(
    cli_database: Database, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Line 1 of a list without a header is a person: the columns it names are shown
    with the identity code masked, as everywhere."""
    source = write(tmp_path / "ilman.csv", [row(1), row(2)])
    out: list[str] = []
    whole, masked = code(1), code(1)[:7] + "****"
    maps = ("--map", "first_names=1", "--map", "last_name=2")
    assert run_cli(db_path, source, *maps, out=out) == 2
    refused = capsys.readouterr().err
    assert masked in refused and whole not in refused
    assert run_cli(db_path, source, *maps, "--ignore-column", "Nope", out=out) == 2
    refused = capsys.readouterr().err
    assert f"its columns are 'Aino', 'Testinen1', '{masked}'" in refused
    assert whole not in refused


def test_columns_with_the_same_name_are_told_apart_by_their_numbers(
    cli_database: Database, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path / "kaksi.csv", [HEADER + ";Huom;Huom",
                                            row(1) + ";soita iltaisin;ei viestejä"])
    out: list[str] = []
    base = ("--map", "safe_contact_note=Lisätiedot", "--ignore-column", "Ilmoitettu")
    assert run_cli(db_path, source, *base, out=out) == 2
    assert ("the columns 'Huom' (column 7) and 'Huom' (column 8);"
            in capsys.readouterr().err)
    assert run_cli(db_path, source, *base, "--ignore-column", "Huom", out=out) == 2
    assert ("The file has 2 columns named 'Huom' (columns 7 and 8); give the column's "
            "number instead of its name.") in capsys.readouterr().err
    assert run_cli(db_path, source, *base, "--ignore-column", "7", "--ignore-column", "8",
                   out=out) == 0


def test_a_free_text_column_can_be_the_case_intake_note_never_its_risk_reason(
    cli_database: Database, opened: tuple[Database, Actor, str], db_path: Path,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    # "Ei vastaajaa; soita iltaisin" is what was learnt of the person, not why they are at
    # risk: it is the case's intake note, and the risk reason is no import target.
    source = write(tmp_path / "lista.csv", [HEADER, row(1, note="Tuli auttavan puhelimen kautta")])
    with pytest.raises(SystemExit) as refused:
        run_cli(db_path, source, "--map", "risk_reason=Lisätiedot",
                "--ignore-column", "Ilmoitettu")
    assert refused.value.code == 2
    assert ("safe_contact_note, intake_note, opened_on" in capsys.readouterr().err
            and build(*opened[:2]).case_list.count_cases() == 0)
    assert run_cli(db_path, source, "--map", "intake_note=Lisätiedot",
                   "--ignore-column", "Ilmoitettu") == 0
    services = build(*opened[:2])
    detail = services.cases.get_detail(services.case_list.list_case_ids()[0])
    assert detail.case.intake_note == "Tuli auttavan puhelimen kautta"
    assert detail.case.risk_reason == ""
    assert detail.victim.safe_contact_note == ""


def test_an_intake_note_column_is_found_by_its_name_and_checked_like_the_intake(
    cli_database: Database, opened: tuple[Database, Actor, str], db_path: Path,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    header = "Etunimet;Sukunimi;Ensikontaktin muistiinpano"
    long_note = "x" * 4001
    source = write(tmp_path / "lista.csv", [
        header, "Aino;Testinen1;Soita iltaisin", f"Aino;Testinen2;{long_note}"])
    out: list[str] = []
    assert run_cli(db_path, source, out=out) == 4  # a row was refused
    assert "Intake note ← Ensikontaktin muistiinpano" in out[1]
    assert ("row 3: Intake note: must be at most 4000 characters long"
            in capsys.readouterr().err)
    services = build(*opened[:2])
    notes = [services.cases.get_detail(case_id).case.intake_note
             for case_id in services.case_list.list_case_ids()]
    assert notes == ["Soita iltaisin"]  # the long one is refused, not cut


def test_an_empty_column_without_a_name_needs_no_choice_but_one_with_values_does(
    tmp_path: Path,
) -> None:
    table = read_csv("Etunimet;Sukunimi;\nAino;Mäki;\nEino;Laine;\n".encode())
    check_columns(table, guess_mapping(table.header))  # nothing there to lose
    table = read_csv("Etunimet;Sukunimi;\nAino;Mäki;x\n".encode())
    with pytest.raises(UnresolvedColumns, match="'column 3'") as refused:
        check_columns(table, guess_mapping(table.header))
    assert refused.value.exit_code == 2
    check_columns(table, guess_mapping(table.header), ignored_columns(table.header, ["3"]))


# -- item 6: rows as the spreadsheet shows them, empty files, junk --------------------------


def test_a_bad_mapped_date_names_the_spreadsheet_row_and_the_file_line(
    cli_database: Database, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = [HEADER]
    for i in range(1, 23):
        lines.append(row(i))                            # records 1–22: rows 2–23
    lines.append(row(23, notified="31.2.2020"))         # record 23: row 24, line 24
    lines.append(row(24, note="Soita\nvain iltaisin"))  # record 24: row 25, lines 25–26
    lines.append(row(25, notified="eilen"))             # record 25: row 26, line 27
    source = write(tmp_path / "lista.csv", lines)
    out: list[str] = []
    assert run_cli(db_path, source, "--map", "safe_contact_note=Lisätiedot",
                   "--map", "opened_on=Ilmoitettu", out=out) == 4
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        "row 24: Opened on: must be a date like 24.10.1980 or 1980-10-24",
        "row 26 (file line 27): Opened on: must be a date like 24.10.1980 or 1980-10-24",
    ]
    assert "Imported 23 people" in "\n".join(out)
    assert "eilen" not in "\n".join(err)


def test_a_date_ahead_is_refused_like_at_intake(tmp_path: Path) -> None:
    ahead = (local_today() + dt.timedelta(days=3)).isoformat()
    table = read_csv(("\n".join([HEADER, row(1, notified=ahead)]) + "\n").encode())
    mapping = {**guess_mapping(table.header), "safe_contact_note": 4, "opened_on": 5}
    (problem,) = validate_rows(table, mapping)
    assert isinstance(problem, Problem)
    assert str(problem) == "row 2: Opened on: must not be in the future"


def test_a_file_with_only_a_header_exits_4(
    cli_database: Database, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path / "tyhjä.csv", [HEADER, "", ";;;;;"])
    out: list[str] = []
    assert run_cli(db_path, source, out=out) == 4
    assert capsys.readouterr().err.strip() == (
        "suoja: The file has a header but no rows to import.")
    assert out == []


def _png() -> bytes:
    import struct
    import zlib
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + zlib.compress(b"\x00" * 14))


def _random_text_bytes() -> bytes:
    """Random bytes that happen to decode as Windows-1252 (and hold no NUL)."""
    rng = random.Random(18)
    undefined = {0x00, 0x81, 0x8D, 0x8F, 0x90, 0x9D}
    return bytes(b for b in rng.randbytes(20_000) if b not in undefined)


@pytest.mark.parametrize("junk", [
    pytest.param(_png(), id="png-renamed"),
    pytest.param(_random_text_bytes(), id="random-bytes"),
    pytest.param("Ostoslista\nmaitoa\nleipää\nkahvia\n".encode(), id="text-no-header"),
    pytest.param(b"Dear colleague,\nplease find the list attached.\n\nBest, Maria\n",
                 id="a-letter"),
])
def test_junk_does_not_look_like_a_list_of_people(
    junk: bytes, cli_database: Database, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "lista.csv"
    source.write_bytes(junk)
    out: list[str] = []
    assert run_cli(db_path, source, out=out) == 4
    err = capsys.readouterr().err
    assert err.startswith("suoja: This does not look like a list of people")
    assert len(err.strip().splitlines()) == 1
    assert "row" not in err and out == []


# -- item 6: a big file is read a row at a time ---------------------------------------------


def big_list(path: Path, rows: int, note_chars: int) -> Path:
    """A synthetic list with a long note per row, written without holding it in memory."""
    filler = ("Ei vastaajaa; soita iltaisin arkisin klo 17–20, ei työpaikalle. " * 40)
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(HEADER + "\r\n")
        for i in range(rows):
            note = f"{i}: {filler}"[:note_chars]
            file.write(";".join(["Aino", f"Testinen{i}", code(i),
                                 f"+447700{900000 + i % 1000}" if i < 1000 else "",
                                 f'"{note}"', "12.11.2020"]) + "\r\n")
    return path


def test_reading_and_checking_rows_holds_one_row_at_a_time(tmp_path: Path) -> None:
    source = big_list(tmp_path / "iso.csv", 5_000, 800)  # about 4 MB
    assert source.stat().st_size > 4_000_000
    small = big_list(tmp_path / "pieni.csv", 10, 800)
    mapping = {**guess_mapping(read_csv(small).header), "safe_contact_note": 4, "opened_on": 5}
    list(validate_rows(read_csv(small), mapping))  # the modules it imports, before counting
    tracemalloc.start()
    try:
        table = read_csv(source)
        rows = 0
        for outcome in validate_rows(table, mapping):
            assert not isinstance(outcome, Problem)
            rows += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rows == table.row_count == 5_000
    # The text alone would be over 4 MB, its cells as strings several times more.
    assert peak < 1_500_000, f"peak {peak:,} bytes"


PROBE = """
import sys
sys.path.insert(0, {root!r})
import main
code = main.main(sys.argv[1:])
status = open("/proc/self/status").read()
peak = next(l for l in status.splitlines() if l.startswith("VmHWM:"))
sys.stderr.write("probe " + peak + "\\n")
sys.exit(code)
"""


@pytest.mark.slow
def test_a_50_mb_list_imports_in_under_200_mb_of_memory(
    cli_database: Database, opened: tuple[Database, Actor, str], db_path: Path,
    tmp_path: Path,
) -> None:
    source = big_list(tmp_path / "vastaamo.csv", 100_000, 480)
    size_mb = source.stat().st_size / 2**20
    assert 48 < size_mb < 60
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT)), "import-csv", "--db",
         str(db_path), "--user", "super", str(source), "--map",
         "safe_contact_note=Lisätiedot", "--map", "opened_on=Ilmoitettu"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
        env={**os.environ, "SUOJA_PASSWORD": PASSWORD, "SUOJA_LANG": "en"})
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert "Imported 100000 people" in done.stdout
    peak_kb = int(done.stderr.split("probe VmHWM:")[1].split()[0])
    # The figure, for the record (shown with -s).
    sys.stdout.write(f"\n{size_mb:.1f} MB, 100,000 rows: peak RSS {peak_kb / 1024:.0f} MB, "
                     f"{seconds:.1f} s\n")
    assert peak_kb < 200 * 1024, f"peak RSS {peak_kb / 1024:.0f} MB"
    assert build(*opened[:2]).case_list.count_cases() == 100_000
