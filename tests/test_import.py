"""Importing a list of affected people: reading, mapping, validation, duplicates, the CLI."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from cli import importing as import_cli
from cli import main as cli
from models.domain.dto import CaseDraft, CaseFilter, VictimDraft
from models.domain.entities import Case, IdentityCodeRecord, Victim, victim_breach
from models.domain.enums import AuditAction, CaseStatus, Role
from models.domain.errors import NotFound, PermissionDenied, UsageError, ValidationError
from models.domain.validation import generate_temporary_identity_code
from models.services import build
from models.services.audit_log import AuditQuery
from models.services.importing import (
    ImportFileError,
    Problem,
    ValidRow,
    apply_overrides,
    detect_delimiter,
    guess_mapping,
    read_csv,
    validate_rows,
)
from models.services.imports import ImportService
from models.storage.unit_of_work import Actor, Database
from tests.conftest import PASSWORD

HEADER_FI = "Etunimet;Sukunimi;Henkilötunnus;Syntymäaika;Puhelin;Sähköposti;Osoite;Postinumero;" \
    "Postitoimipaikka;Kieli"


def code(day: int, individual: int = 900) -> str:
    return generate_temporary_identity_code(dt.date(1980, 1, day), individual)


def person(i: int, *, delimiter: str = ";", identity: str | None = None,
           phone: str = "", first: str = "Väinö") -> str:
    cells = [first, f"Mäkelä{chr(ord('a') + i % 26)}", identity if identity is not None
             else code(1 + i % 28, 900 + i), "", phone, f"person{i}@example.org",
             "Åkerlundinkatu 3", "00100", "Helsinki", "fi"]
    return delimiter.join(cells)


def csv_bytes(lines: list[str], encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def synthetic_csv(rows: int, delimiter: str = ";") -> bytes:
    """A list of ``rows`` synthetic people: temporary identity codes (900–999), e-mails at
    example.org and phones in the UK drama range 07700 900000–900999."""
    firsts = ["Aino", "Eino", "Väinö", "Sirkka", "Jääskö", "Åsa", "Mikko", "Liisa", "Aki", "Ülla"]
    lasts = ["Mäkinen", "Virtanen", "Öhman", "Korhonen", "Ström", "Nieminen", "Laine",
             "Heikkinen", "Koskinen", "Järvinen"]
    lines = [delimiter.join(["Etunimet", "Sukunimi", "Henkilötunnus", "Puhelin",
                             "Sähköposti", "Kieli"])]
    start = dt.date(1930, 1, 1)
    for i in range(rows):
        identity = generate_temporary_identity_code(start + dt.timedelta(days=i // 100),
                                                    900 + i % 100)
        phone = f"+447700{900000 + i}" if i < 1000 else ""
        lines.append(delimiter.join([firsts[i % 10], lasts[i // 10 % 10], identity, phone,
                                     f"person{i}@example.org", "fi"]))
    return csv_bytes(lines)


# -- reading --------------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "bom", "name"), [
    ("utf-8", b"", "UTF-8"),
    ("utf-8", b"\xef\xbb\xbf", "UTF-8 with BOM"),
    ("cp1252", b"", "Windows-1252"),
])
def test_encodings_are_detected_and_scandinavian_letters_survive(
    encoding: str, bom: bytes, name: str
) -> None:
    data = bom + csv_bytes([HEADER_FI, person(1, first="Åsa Märta Öljy")], encoding)
    table = read_csv(data)
    assert table.encoding == name
    assert table.header[0] == "Etunimet" and table.header[2] == "Henkilötunnus"
    assert next(table.rows()).cells[0] == "Åsa Märta Öljy"


@pytest.mark.parametrize("delimiter", [";", ","])
def test_both_delimiters_are_detected(delimiter: str) -> None:
    header = HEADER_FI.replace(";", delimiter)
    table = read_csv(csv_bytes([header, person(1, delimiter=delimiter),
                                person(2, delimiter=delimiter)]))
    assert table.delimiter == delimiter
    assert len(table.header) == 10 and all(len(row.cells) == 10 for row in table.rows())


def test_a_comma_inside_quoted_addresses_does_not_fool_the_semicolon_file() -> None:
    text = 'Etunimet;Sukunimi;Osoite\r\nAino;Mäki;"Katu 1, A 2"\r\nEino;Laine;"Tie 3, B"\r\n'
    assert detect_delimiter(text) == ";"
    assert next(read_csv(text.encode()).rows()).cells == ("Aino", "Mäki", "Katu 1, A 2")


def test_rows_count_as_a_spreadsheet_does_and_lines_as_the_file_does() -> None:
    # A blank line is a row in Excel and LibreOffice; a quoted line break is not.
    data = 'first names,last name,street address\n\nAino,Mäki,"Katu 1\nA 2"\nEino,,Tie\n'.encode()
    table = read_csv(data)
    assert [(row.row, row.line) for row in table.rows()] == [(3, 3), (4, 5)]
    assert table.row_count == 2


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"\x00\x01\x02", "does not look like a list of people: it is not a text file"),
    (b"\x81\x8d\x8f", "neither UTF-8 nor Windows-1252"),
    (b"Etunimet;Sukunimi\n" + b"x" * 200_000 + b";y\n", "Line 2: .*a field is too long"),
    (b"\n\nEtunimet;Sukunimi\n", "Line 1 must be a header"),
])
def test_unreadable_files_get_one_clear_sentence(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message) as caught:
        read_csv(data)
    assert caught.value.exit_code == 4


def test_finnish_and_english_headers_map_to_fields() -> None:
    finnish = guess_mapping(HEADER_FI.split(";"))
    assert finnish == {"first_names": 0, "last_name": 1, "identity_code": 2, "birth_date": 3,
                       "phone": 4, "email": 5, "street_address": 6, "postal_code": 7,
                       "city": 8, "language": 9}
    english = guess_mapping(["Last name", "First names", "Identity code", "Birth date",
                             "Phone", "E-mail", "Street address", "Postal code", "City",
                             "Language", "Notes"])
    assert english["last_name"] == 0 and english["first_names"] == 1
    assert english["email"] == 5 and len(english) == 10
    assert guess_mapping(["HETU", "ETUNIMI", "sukunimi"]) == {
        "identity_code": 0, "first_names": 1, "last_name": 2}


def test_overrides_take_a_header_name_or_a_number_and_refuse_unknowns() -> None:
    header = ["Nimi", "Suku", "Tunniste"]
    mapping = apply_overrides(header, {}, {"first_names": "nimi", "last_name": "2",
                                           "identity_code": "Tunniste"})
    assert mapping == {"first_names": 0, "last_name": 1, "identity_code": 2}
    assert apply_overrides(header, mapping, {"identity_code": ""}) == {
        "first_names": 0, "last_name": 1}
    with pytest.raises(UsageError, match="no column 'Puhelin' .* its columns are 'Nimi', "
                                         "'Suku', 'Tunniste'"):
        apply_overrides(header, {}, {"phone": "Puhelin"})
    with pytest.raises(ValidationError, match="not a field"):
        apply_overrides(header, {}, {"shoe_size": "1"})


def test_every_row_is_validated_with_line_number_field_and_reason() -> None:
    bad_code = code(5)[:-1] + ("X" if code(5)[-1] != "X" else "Y")
    lines = [HEADER_FI,
             person(1),                                          # line 2: fine
             person(2, identity=bad_code),                       # line 3
             ";Mäkelä;;;;;;;;fi",                                 # line 4: no first names
             person(4, identity="").replace("fi", "klingon"),    # line 5
             "Aino;Mäki;;31.2.1980;;;;;;",                       # line 6: no such date
             "Aino;Mäki;;;;not-an-address;;;;",                  # line 7: e-mail
             "Aino;Mäki;;1980-02-03;040 123 4567;;;;;sv",        # line 8: fine
             "Aino;Mäki;;;;;;;;;;;extra"]                        # line 9: too many fields
    table = read_csv(csv_bytes(lines))
    outcomes = list(validate_rows(table, guess_mapping(table.header)))
    problems = [str(o) for o in outcomes if isinstance(o, Problem)]
    assert problems == [
        "row 3: Identity code: check character does not match; check for a typo",
        "row 4: First names: is required",
        "row 5: Language: must be fi, sv or en",
        "row 6: Date of birth: must be a date like 24.10.1980 or 1980-10-24",
        "row 7: E-mail: " + next(p for p in problems if p.startswith("row 7")).split(
            ": ", 2)[2],
        "row 9: Row: has 13 fields but the header has 10",
    ]
    valid = [o for o in outcomes if isinstance(o, ValidRow)]
    assert [row.row for row in valid] == [2, 8]
    assert valid[1].columns["phone"] == "+358401234567"
    assert valid[1].columns["birth_date"] == dt.date(1980, 2, 3)
    assert valid[1].columns["language"] == "sv"
    assert valid[0].columns["birth_date"] == dt.date(1980, 1, 2)  # from the identity code


def test_missing_required_columns_are_named() -> None:
    table = read_csv(b"Puhelin;Kieli\n040 1;fi\n")
    with pytest.raises(ImportFileError, match="First names and Last name"):
        list(validate_rows(table, guess_mapping(table.header)))


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=400),
    st.lists(st.lists(st.text(max_size=30), max_size=12), max_size=8).map(
        lambda rows: "\n".join(";".join(r) for r in [["Etunimet", "Sukunimi", "Hetu",
                                                      "Syntymäaika", "Puhelin"], *rows])
        .encode("utf-8")),
))
def test_random_bytes_and_rows_never_crash_the_reader(data: bytes) -> None:
    try:
        table = read_csv(data)
    except ImportFileError as error:
        assert error.message.endswith(".")
        return
    mapping = guess_mapping(table.header)
    try:
        outcomes = list(validate_rows(table, mapping))
    except ImportFileError:
        return
    rows = {row.row for row in table.rows()}
    for outcome in outcomes:
        assert outcome.row in rows
        if isinstance(outcome, Problem):
            assert outcome.field and outcome.reason


# -- the service ----------------------------------------------------------------------------


def _table(lines: list[str]):  # type: ignore[no-untyped-def]
    table = read_csv(csv_bytes(lines))
    return table, guess_mapping(table.header)


@pytest.mark.both_databases
def test_import_creates_new_unassigned_cases_in_one_audited_batch(
    database: Database, supervisor: Actor
) -> None:
    services = build(database, supervisor)
    breach = services.cases.create_breach("Vastaamo 2018")
    before = services.cases.create_intake(VictimDraft(first_names="Eka", last_name="Olemassa"),
                                          CaseDraft())
    table, mapping = _table([HEADER_FI, person(1), person(2), person(3)])
    seen: list[tuple[int, int]] = []
    report = ImportService(database, supervisor, services.changes).run(
        table, mapping, breach_id=breach.id, progress=lambda d, t: seen.append((d, t)))
    assert (report.rows, report.imported, report.problems, report.duplicates) == (3, 3, (), ())
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    number = int(before.reference.rsplit("-", 1)[1])
    year = before.reference.split("-")[1]
    assert report.first_reference == f"SUO-{year}-{number + 1:05d}"
    assert report.last_reference == f"SUO-{year}-{number + 3:05d}"
    with database.reading() as db_session:
        cases = db_session.scalars(select(Case).order_by(Case.id)).all()
        assert [c.status for c in cases] == [CaseStatus.NEW.value] * 4
        assert all(c.assigned_to_id is None for c in cases[1:])
        assert db_session.scalar(select(func.count()).select_from(victim_breach)) == 3
        assert db_session.scalar(select(func.count(IdentityCodeRecord.id))) == 3
    # The new cases behave like intakes: searchable, openable, with the code history.
    found = services.case_list.list_case_ids(CaseFilter(text="mäkelä"))
    assert len(found) == 3
    detail = services.cases.get_detail(found[0])
    assert detail.victim.breaches == ("Vastaamo 2018",)
    assert len(detail.victim.identity_code_history) == 1
    events = services.audit.query(AuditQuery(actions=(AuditAction.CREATE,)))
    imports = [e for e in events if e.entity == "import"]
    assert [e.detail for e in imports] == [
        "rows=3 imported=3 refused=0 duplicates=0 ignored_columns=0"]


@pytest.mark.both_databases
def test_duplicates_against_the_database_and_within_the_file(
    database: Database, supervisor: Actor
) -> None:
    services = build(database, supervisor)
    old_code, new_code = code(9, 990), code(9, 991)
    existing = services.cases.create_intake(
        VictimDraft(first_names="Liisa", last_name="Vanha", identity_code=old_code,
                    phone="+447700900555"), CaseDraft())
    services.cases.change_identity_code(existing.id, new_code)  # old_code is now history
    services.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Syntynyt",
                    birth_date=dt.date(1975, 3, 4)), CaseDraft())
    lines = [HEADER_FI,
             person(1, identity=old_code),                            # 2: code in history
             "Aino;Syntynyt;;4.3.1975;;;;;;",                         # 3: name + birth date
             person(3, identity="", phone="07700 900555".replace("0", "+44", 1)),  # 4: phone
             person(4),                                               # 5: new
             person(5, identity=code(1 + 4 % 28, 904)),               # 6: same code as 5
             person(6, identity="", phone="+447700900777"),           # 7: new
             person(7, identity="", phone="+447700900777")]           # 8: same phone as 7
    table, mapping = _table(lines)
    report = ImportService(database, supervisor, services.changes).run(table, mapping)
    assert [str(d) for d in report.duplicates] == [
        f"row 2: duplicate of {existing.reference} (same identity code)",
        "row 3: duplicate of " + report.duplicates[1].existing + " (same name and date of "
        "birth)",
        f"row 4: duplicate of {existing.reference} (same phone)",
        "row 6: duplicate of row 5 (same identity code)",
        "row 8: duplicate of row 7 (same phone)",
    ]
    assert report.duplicates[1].existing.startswith("SUO-")
    assert report.imported == 2 and not report.complete


@pytest.mark.both_databases
def test_another_identity_code_is_another_person_even_with_the_same_phone_or_name(
    database: Database, supervisor: Actor
) -> None:
    """A household shares a phone; two people share a name and a birthday: a row with a
    valid code of its own is imported, unless someone without a code matches it."""
    services = build(database, supervisor)
    services.cases.create_intake(
        VictimDraft(first_names="Liisa", last_name="Koti", identity_code=code(9, 990),
                    phone="+447700900555"), CaseDraft())
    uncoded = services.cases.create_intake(
        VictimDraft(first_names="Aino", last_name="Syntynyt",
                    birth_date=dt.date(1980, 1, 12)), CaseDraft())
    lines = [HEADER_FI,
             person(1, identity=code(10, 991), phone="+447700900555"),  # 2: the same home
             person(2, identity=code(11, 992), phone="+447700900555"),  # 3: and its phone
             person(3, identity="", phone="+447700900555"),             # 4: no code: same
             "Aino;Syntynyt;" + code(12, 993) + ";;;;;;;",              # 5: uncoded Aino
             person(5, identity="", phone="+447700900666"),             # 6: new, no code
             person(6, identity=code(14, 994), phone="+447700900666")]  # 7: maybe row 6
    table, mapping = _table(lines)
    report = ImportService(database, supervisor, services.changes).run(table, mapping)
    assert [(d.row, d.reason) for d in report.duplicates] == [
        (4, "same phone"), (5, "same name and date of birth"), (7, "same phone")]
    assert report.duplicates[1].existing == uncoded.reference
    assert str(report.duplicates[2]) == "row 7: duplicate of row 6 (same phone)"
    assert report.imported == 3


@pytest.mark.both_databases
def test_all_or_nothing_imports_nothing_when_a_row_is_refused(
    database: Database, supervisor: Actor
) -> None:
    services = build(database, supervisor)
    table, mapping = _table([HEADER_FI, person(1), ";;;;;;;;;fi", person(2)])
    imports = ImportService(database, supervisor, services.changes)
    checked = imports.check(table, mapping)
    assert (checked.accepted, len(checked.problems), checked.imported) == (2, 1, 0)
    report = imports.run(table, mapping, all_or_nothing=True)
    assert report.imported == 0 and report.accepted == 2
    assert services.case_list.count_cases() == 0
    events = [e.detail for e in services.audit.query(AuditQuery(actions=(AuditAction.CREATE,)))
              if e.entity == "import"]
    assert events == ["rows=3 imported=0 refused=1 duplicates=0 ignored_columns=0"]
    report = imports.run(table, mapping)
    assert report.imported == 2 and services.case_list.count_cases() == 2


@pytest.mark.both_databases
def test_import_needs_the_intake_permission_and_a_real_breach(
    database: Database, supervisor: Actor
) -> None:
    services = build(database, supervisor)
    table, mapping = _table([HEADER_FI, person(1)])
    admin = Actor(supervisor.user_id, "admin", "Admin", Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        ImportService(database, admin, services.changes).run(table, mapping)
    with pytest.raises(NotFound):
        ImportService(database, supervisor, services.changes).run(table, mapping,
                                                                  breach_id=999)
    assert services.case_list.count_cases() == 0


def test_a_large_list_is_imported_with_consecutive_references(
    database: Database, supervisor: Actor
) -> None:
    table = read_csv(synthetic_csv(3000))
    report = ImportService(database, supervisor, build(database, supervisor).changes).run(
        table, guess_mapping(table.header))
    assert report.imported == 3000 and report.complete
    with database.reading() as db_session:
        refs = db_session.scalars(select(Case.reference).order_by(Case.id)).all()
        assert db_session.scalar(select(func.count(Victim.id))) == 3000
    assert [int(r.rsplit("-", 1)[1]) for r in refs] == list(range(1, 3001))


# -- the command line -----------------------------------------------------------------------


@pytest.fixture
def cli_database(opened: tuple[Database, Actor, str],
                 monkeypatch: pytest.MonkeyPatch) -> Database:
    database, supervisor, _ = opened
    build(database, supervisor).cases.create_breach("Vastaamo 2019")
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    return database


def run_cli(*argv: str, out: list[str]) -> int:
    parser = argparse.ArgumentParser()
    import_cli.add_commands(parser.add_subparsers(dest="command"))
    return cli.run(parser.parse_args(list(argv)), out=out.append)


def test_cli_imports_everything_and_exits_0(
    cli_database: Database, db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "list.csv"
    source.write_bytes(csv_bytes([HEADER_FI.replace(";", ","), person(1, delimiter=","),
                                  person(2, delimiter=",")], "cp1252"))
    out: list[str] = []
    assert run_cli("import-csv", "--db", str(db_path), "--user", "super", str(source),
                   "--breach", "Vastaamo 2019", out=out) == 0
    text = "\n".join(out)
    assert "Read 2 rows (Windows-1252, ',' between fields)" in text
    assert "Imported 2 people" in text


def test_cli_reports_refused_rows_by_line_and_exits_4_without_personal_data(
    cli_database: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret_code = code(7)
    wrong = secret_code[:-1] + ("A" if secret_code[-1] != "A" else "B")
    source = tmp_path / "list.csv"
    source.write_bytes(csv_bytes([HEADER_FI, person(1), person(2, identity=wrong,
                                                               first="Salainen")]))
    out: list[str] = []
    code_ = run_cli("import-csv", "--db", str(db_path), "--user", "super", str(source),
                    out=out)
    captured = capsys.readouterr()
    assert code_ == 4
    assert "row 3: Identity code: check character does not match" in captured.err
    assert captured.err.strip().splitlines()[-1].startswith("suoja: 1 row was refused")
    everything = captured.err + captured.out + "\n".join(out)
    for secret in (wrong, "Salainen", "person2@example.org", "Mäkelä"):
        assert secret not in everything
    assert "Imported 1 people" in "\n".join(out)


def test_cli_all_or_nothing_and_mapping_option(
    cli_database: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "list.csv"
    source.write_bytes(csv_bytes(["Nimi;Suku;Tunnus", f"Aino;Mäki;{code(3)}", "Eino;;"]))
    out: list[str] = []
    args = ("import-csv", "--db", str(db_path), "--user", "super", str(source),
            "--map", "first_names=Nimi", "--map", "last_name=2", "--map", "identity_code=3")
    assert run_cli(*args, "--all-or-nothing", out=out) == 4
    assert "nothing was imported (--all-or-nothing)" in capsys.readouterr().err
    assert run_cli(*args, out=out) == 4
    assert "Imported 1 people" in out[-2]


def test_cli_usage_and_authentication_errors(
    cli_database: Database, db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "list.csv"
    source.write_bytes(csv_bytes([HEADER_FI, person(1)]))
    out: list[str] = []
    base = ("import-csv", "--db", str(db_path), "--user", "super")
    assert run_cli(*base, str(tmp_path / "missing.csv"), out=out) == 2
    assert run_cli(*base, str(source), "--breach", "Nope", out=out) == 4
    with pytest.raises(SystemExit) as exited:
        run_cli(*base, str(source), "--map", "shoe=1", out=out)
    assert exited.value.code == 2
    unmapped = tmp_path / "unmapped.csv"
    unmapped.write_bytes(b"a;b\n1;2\n")
    assert run_cli(*base, str(unmapped), out=out) == 4
    assert "does not look like a list of people" in capsys.readouterr().err
    nameless = tmp_path / "nameless.csv"
    nameless.write_bytes(b"Puhelin;Kieli\n040 1;fi\n")
    assert run_cli(*base, str(nameless), out=out) == 4
    assert "No column is mapped to First names" in capsys.readouterr().err
    monkeypatch.setenv("SUOJA_PASSWORD", "wrong password entirely")
    assert run_cli(*base, str(source), out=out) == 3


@pytest.mark.slow
def test_forty_thousand_rows_import_in_under_30_seconds(
    database: Database, supervisor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
) -> None:
    source = tmp_path / "vastaamo.csv"
    source.write_bytes(synthetic_csv(40_000))
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    out: list[str] = []
    started = time.perf_counter()
    assert run_cli("import-csv", "--db", str(db_path), "--user", "super", str(source),
                   out=out) == 0
    seconds = time.perf_counter() - started
    assert "Imported 40000 people" in "\n".join(out)
    assert seconds < 30, f"40,000 rows took {seconds:.1f} s"
    assert build(database, supervisor).case_list.count_cases() == 40_000
