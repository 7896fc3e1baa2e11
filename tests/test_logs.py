"""After a full scripted journey, no log line and no error text holds personal data.

The root logger writes everything (DEBUG, every library) to a file while a supervisor
signs in, fails to sign in, takes in victims, records extortion messages with wallets,
trips validation, exports PDFs, imports a list and backs up. Then the log file and the
text of every exception raised on the way are searched for the victims' names, identity
codes, phone numbers, e-mail addresses, wallets and message text.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from cli import main as cli
from main import main
from models import services
from models.domain.dto import CaseDraft, CaseFilter, ExtortionContactDraft, VictimDraft
from models.domain.enums import Channel, Currency
from models.domain.errors import KnownError
from models.domain.validation import generate_temporary_identity_code
from models.storage.maintenance import rotate_automatic_backups
from models.storage.store import create_database, open_database
from tests.conftest import FAST_KDF, PASSWORD

PEOPLE = [
    # (first names, last name, identity code, phone, e-mail, wallet)
    ("Ilmatar Sinikka", "Vänskä-Oksanen",
     generate_temporary_identity_code(dt.date(1979, 6, 2), 931), "+358 40 765 4321",
     "ilmatar.vanska@example.org", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
    ("Tuomo", "Kärppälehto", generate_temporary_identity_code(dt.date(1990, 11, 30), 944),
     "+44 7700 900456", "tuomo.karppa@example.net", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
    ("Aurora", "Zylberstein", generate_temporary_identity_code(dt.date(2001, 1, 15), 952),
     "+358 50 111 2233", "aurora.z@example.com", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
]
IMPORTED = [("Kullervo", "Hyppölänmäki", "+358 44 987 6543")]
MESSAGE = "Maksa 0,5 BTC tai julkaisemme terapiamuistiinpanosi Paavonkallio"


def _secrets() -> list[str]:
    found: list[str] = []
    for first, last, code, phone, email, wallet in PEOPLE:
        found += [first, last, code, code.replace("-", ""), phone, phone.replace(" ", ""),
                  email, wallet]
    for first, last, phone in IMPORTED:
        found += [first, last, phone.replace(" ", "")]
    found += [MESSAGE, "Paavonkallio"]
    return found


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logs" / "suoja.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()


def test_a_full_journey_logs_no_personal_data(
    log_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    db = tmp_path / "journey.db"
    errors: list[str] = []  # every exception's text and traceback, as a crash log would hold

    def expect_refusal(action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except KnownError as error:
            errors.append(str(error))
            errors.append("".join(traceback.format_exception(error)))
        else:
            pytest.fail("the step should have been refused")

    create_database(db, username="super", password=PASSWORD, kdf=FAST_KDF).database.dispose()
    # failed sign-ins: wrong password, unknown user (via the API and the command line)
    expect_refusal(lambda: open_database(db, "super", "not the right password"))
    expect_refusal(lambda: open_database(db, PEOPLE[0][1], PASSWORD))
    monkeypatch.setenv("SUOJA_PASSWORD", "still not the right one")
    assert main(["verify", "--db", str(db), "--user", "super"]) == 3
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)

    database, actor = open_database(db, "super", PASSWORD)
    svc = services.build(database, actor)
    references = []
    for first, last, code, phone, email, wallet in PEOPLE:
        case = svc.cases.create_intake(
            VictimDraft(first_names=first, last_name=last, identity_code=code, phone=phone,
                        email=email, safe_contact_note=f"Soita vain {phone}"),
            CaseDraft(risk_reason=f"{last} sai uhkausviestin"),
        )
        references.append(case.reference)
        svc.records.add_extortion_contact(case.id, ExtortionContactDraft(
            received_at=dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.UTC), channel=Channel.EMAIL,
            sender=email, amount_demanded=Decimal("0.5"), currency=Currency.BTC,
            wallet_address=wallet, message_text=MESSAGE))
        svc.case_list.find_duplicates(VictimDraft(first_names=first, last_name=last,
                                              identity_code=code))
        assert svc.cases.reveal_identity_code(case.id) is not None
    # validation failures whose input is personal data
    first, last, code, phone, email, wallet = PEOPLE[0]
    expect_refusal(lambda: svc.cases.create_intake(
        VictimDraft(first_names=first, last_name=last, identity_code=code[:-1] + "?"),
        CaseDraft()))
    expect_refusal(lambda: svc.cases.create_intake(
        VictimDraft(first_names=first, last_name=last, phone=f"{phone} {email}"), CaseDraft()))
    expect_refusal(lambda: svc.cases.create_intake(
        VictimDraft(first_names=first, last_name=last, email=f"{first}@@{last}"), CaseDraft()))
    case_id = svc.case_list.list_case_ids()[0]
    expect_refusal(lambda: svc.records.add_extortion_contact(case_id, ExtortionContactDraft(
        received_at=dt.datetime(2024, 3, 1, tzinfo=dt.UTC), channel=Channel.EMAIL,
        wallet_address=wallet[:-1] + ("x" if wallet[-1] != "x" else "y"))))
    svc.case_list.list_case_ids(cli_filter_text(last))
    rotate_automatic_backups(database, actor)
    database.dispose()

    # the command line: export (police and care), import, backup, verify
    assert main(["export-pdf", "--db", str(db), "--user", "super", "--case", references[0],
                 "--profile", "police", "--out", str(tmp_path / "police.pdf")]) == 0
    assert main(["export-pdf", "--db", str(db), "--user", "super", "--all",
                 "--profile", "care", "--out", str(tmp_path / "pdfs")]) == 0
    imported = _import_step(db, tmp_path)
    assert main(["backup", "--db", str(db), "--user", "super",
                 "--out", str(tmp_path / "copy.db")]) == 0
    assert main(["verify", "--db", str(db), "--user", "super"]) == 0
    captured = capsys.readouterr()
    errors.append(captured.err)  # the command line's one-line errors

    log_text = log_file.read_text(encoding="utf-8")
    assert log_text.strip(), "the journey logged nothing: the check would prove nothing"
    haystacks = {"log file": log_text, "exception texts": "\n".join(errors)}
    leaks = [(where, secret) for where, text in haystacks.items() for secret in _secrets()
             if secret.casefold() in text.casefold()]
    assert not leaks, f"personal data found: {leaks}"
    _report(f"\nlogs: {len(log_text.splitlines())} log lines and {len(errors)} error texts "
          f"scanned for {len(_secrets())} personal values: none found"
          + ("" if imported else " (import step skipped: no import-csv command)"))


def cli_filter_text(text: str) -> CaseFilter:
    return CaseFilter(text=text)


def _import_step(db: Path, tmp_path: Path) -> bool:
    """Import a small list (with one bad row) if the import command exists."""
    if "import-csv" not in cli.build_parser().format_help():
        return False
    csv_path = tmp_path / "affected.csv"
    rows = ["etunimet;sukunimi;puhelin"]
    rows += [f"{first};{last};{phone}" for first, last, phone in IMPORTED]
    rows.append(f"{IMPORTED[0][0]};;{IMPORTED[0][2]} !")  # refused: no last name, bad phone
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code = main(["import-csv", "--db", str(db), "--user", "super", str(csv_path)])
    assert code in (0, 4)
    return True


def _report(text: str) -> None:
    """The figures the issue asks for (shown with ``pytest -s``)."""
    sys.stdout.write(text + "\n")
