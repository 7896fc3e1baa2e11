"""What a police investigator reads first and how every PDF is built: the case overview
(wallets, report numbers, whom to ask), no page of only empty sections in a 300-case
batch, every font embedded, AES-256 with limited permissions, a short PDF password
refused, and the small layout promises of issue 18."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PasswordType, PdfReader
from pypdf.generic import DictionaryObject

from models import services
from models.demo.seed import seed_demo
from models.domain import i18n
from models.domain.changes import ChangeBus
from models.domain.dto import (
    CaseDraft,
    ExtortionContactDraft,
    OrganisationSettings,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.enums import Channel, Currency, Language, RiskLevel, Role
from models.domain.formatting import money_text
from models.pdf.data import Profile
from models.services.exports import ExportService
from models.storage.unit_of_work import Actor, Database
from tests.conftest import FAST_KDF, PASSWORD
from tests.helpers.pdf_fonts import unembedded_fonts
from tests.test_pdf import REPORTS, WALLETS, Setup, as_role, exports_of, intake, pages

PDF_PASSWORD = "Poliisille-vain-2024"
POLICE_SECTIONS = ("Extortion contacts", "Police reports", "Protective actions",
                   "Evidence attachments")


@pytest.fixture
def svc(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


def _raw_pages(data: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return [page.extract_text() or "" for page in reader.pages]


# -- the overview --------------------------------------------------------------------------


def test_the_overview_lists_every_wallet_report_and_whom_to_ask(svc: services.Services) -> None:
    svc.organisation.update(OrganisationSettings(
        data_requests="Tietopyynnöt: PL 000, 00000 Esimerkki, tietopyynnot@example.org",
        police_contact="Kriisikeskus Esimerkki, puh. 029 000 0000\nkriisi@example.org"))
    setup = Setup(svc)
    data = setup.exports.render_case(setup.case_id, Profile.POLICE)
    first = pages(data)[0]
    overview = first.split("Injured party")[0]
    assert "Case overview" in overview
    for wallet in WALLETS:
        assert wallet in overview  # each on one line: an investigator copies it whole
    assert f"{REPORTS[0]} · filed" in overview
    assert f"{REPORTS[1]} · under investigation" in overview
    # Whom the police ask: the organisation's contact for the police, each line kept; a
    # victim's data-request address is not for them.
    assert ("The crisis service's contact details Kriisikeskus Esimerkki, puh. 029 000 0000 "
            "kriisi@example.org") in overview
    assert re.search(r"029 000 0000\s*\n\s*kriisi@example\.org", _raw_pages(data)[0])
    assert "tietopyynnot@example.org" not in " ".join(pages(data))
    assert "2 extortion contacts, oldest first" in overview
    # Date, time and zone of each contact; the date and the time on one line.
    assert re.search(r"2\.5\.2024[ \xa0]12:30\s*\n\s*\(UTC\+3\)", _raw_pages(data)[0])
    # The detailed sections follow the overview.
    assert "Message (verbatim)" in " ".join(pages(data))
    # A file is found by its report numbers; the metadata names no person.
    info = PdfReader(io.BytesIO(data)).metadata
    assert info is not None
    assert all(number in str(info["/Keywords"]) for number in REPORTS)
    assert "Hämäläinen" not in " ".join(str(value) for value in info.values())


def test_the_overview_names_the_assigned_counsellor(svc: services.Services) -> None:
    counsellor = as_role(svc, Role.COUNSELLOR, "helmi")
    case_id = intake(svc, "Ilmari", "Esimerkki", assigned_to_id=counsellor.actor.user_id)
    text = pages(exports_of(svc).render_case(case_id, Profile.POLICE))[0]
    assert "Contact person at the crisis service Helmi Demo (assigned counsellor)" in text
    # No contact for the police set: no line for it, not an empty one.
    assert "contact details" not in text
    assert "Extortion contacts none recorded" in text
    assert "Police reports none recorded" in text


# -- layout --------------------------------------------------------------------------------


def _body(page_text: str) -> str:
    """A page's text without its frame (marking, document, reference, who exported)."""
    for pattern in (r"CONFIDENTIAL", r"Case summary for the police", r"SUO-\d{4}-\d{5}",
                    r"Exported by .*?\(UTC[+-]\d+\)", r"page \d+ of \d+", r"·"):
        page_text = re.sub(pattern, " ", page_text)
    return " ".join(page_text.split())


def test_no_police_pdf_of_a_300_case_batch_ends_on_a_page_of_empty_sections(
    database: Database, supervisor: Actor, tmp_path: Path,
) -> None:
    seed_demo(database, supervisor, victims=300, kdf=FAST_KDF, today=dt.date(2024, 6, 1))
    exports = ExportService(database, supervisor, ChangeBus())
    ids = [case_id for case_id, _reference in exports.select_cases()]
    result = exports.export_cases(ids, Profile.POLICE, tmp_path, workers=2)
    assert len(result.written) == 300
    empty_endings, orphans = [], []
    for path in sorted(tmp_path.glob("*.pdf")):
        reader = PdfReader(path)
        last = _body(reader.pages[-1].extract_text() or "")
        for title in POLICE_SECTIONS:
            last = last.replace(f"{title} (0) None recorded.", "")
        if not last.strip():
            empty_endings.append(path.name)
        if len(reader.pages) > 1:
            # A table continued on the last page brings three rows at least (its header
            # repeated, no section heading of its own above it), not one or two.
            page = reader.pages[-1].extract_text(extraction_mode="layout") or ""
            lines = [line for line in page.splitlines()
                     if _body(line) and "(0) None recorded." not in line]
            if not any(re.search(r" \(\d+\)$", line) for line in lines) and len(lines) < 4:
                orphans.append((path.name, lines))
    assert empty_endings == []
    assert orphans == []


def test_small_layout_promises(svc: services.Services) -> None:
    setup = Setup(svc)
    police = _raw_pages(setup.exports.render_case(setup.case_id, Profile.POLICE))
    joined = " ".join(" ".join(page.split()) for page in police)
    assert "(temporary code, masked)" in joined
    assert "(temporary code) (masked)" not in joined
    assert any("To police" in line for page in police for line in page.splitlines())
    # The reports table's last header takes two lines at most, in every language.
    for language, header in ((Language.ENGLISH, ("Injured", "copy")),
                             (Language.FINNISH, ("Asianomistajalla", "kopio")),
                             (Language.SWEDISH, ("Målsäganden", "kopia"))):
        with i18n.speaking(language):
            raw = "\n".join(_raw_pages(setup.exports.render_case(setup.case_id,
                                                                 Profile.POLICE)))
        start = raw.rindex(header[0])  # the table's, after the "Injured party" heading
        assert raw[start:raw.index(header[1], start)].count("\n") <= 1, (language, raw)
    # A client with no address recorded shows none, not the country alone.
    case_id = svc.cases.create_intake(VictimDraft(first_names="Osoite", last_name="Puuttuu"),
                                      CaseDraft(risk_level=RiskLevel.LOW)).id
    care = " ".join(pages(setup.exports.render_case(case_id, Profile.CARE)))
    assert "Postal address not recorded" in care
    assert "Postal address FI" not in care


def test_the_caseload_report_says_the_same_in_its_headline_and_its_section(
    svc: services.Services, tmp_path: Path,
) -> None:
    intake(svc, "Riski", "Korkea")
    talked = intake(svc, "Puhuttu", "Kauan")
    svc.records.add_support_session(talked, SupportSessionDraft(
        started_at=dt.datetime(2024, 5, 20, 9, 4, tzinfo=dt.UTC)))
    target = exports_of(svc).export_caseload_report(tmp_path / "report.pdf",
                                                    today=dt.date(2024, 6, 1))
    text = " ".join(pages(target.read_bytes()))
    assert "no contact in" not in text
    assert text.count("Acute or high risk, no support session in 7 days") == 2
    # The last support session: its date and time on one line, the zone below, also in
    # Finnish, whose "klo" made the time wrap under the date.
    with i18n.speaking(Language.FINNISH):
        finnish = exports_of(svc).export_caseload_report(tmp_path / "raportti.pdf",
                                                         today=dt.date(2024, 6, 1))
    raw = "\n".join(_raw_pages(finnish.read_bytes()))
    assert re.search(r"20\.5\.2024[ \xa0]12\.04\s*\n\s*\(UTC\+3\)", raw), raw


@pytest.mark.parametrize(("language", "words", "out"), [
    ("en", "no support session in 7 days", "the PDF file to write"),
    ("fi", "ei ole ollut tukikeskustelua 7 päivään", "kirjoitettava PDF-tiedosto"),
    ("sv", "inte har haft något stödsamtal på 7 dagar", "PDF-filen som skrivs"),
])
def test_the_report_command_says_what_the_report_says(
        language: str, words: str, out: str, capsys: pytest.CaptureFixture[str]) -> None:
    from main import main

    with pytest.raises(SystemExit):
        main(["--lang", language, "report", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert words in help_text and "no contact" not in help_text
    # Every option says what it is for, --out too.
    assert re.search(r"--out \S+ " + re.escape(out), help_text), help_text


# -- fonts and encryption ------------------------------------------------------------------


def test_every_font_is_embedded_in_every_kind_of_pdf(svc: services.Services,
                                                      tmp_path: Path) -> None:
    setup = Setup(svc)
    exports = setup.exports
    documents = {
        "police": exports.render_case(setup.case_id, Profile.POLICE),
        "care": exports.render_case(setup.case_id, Profile.CARE),
        "letter": exports.render_case(setup.case_id, Profile.VICTIM),
        "report": exports.export_caseload_report(tmp_path / "r.pdf").read_bytes(),
    }
    for name, data in documents.items():
        assert unembedded_fonts(data) == set(), name
        if shutil.which("pdffonts"):
            path = tmp_path / f"{name}.pdf"
            path.write_bytes(data)
            listing = subprocess.run(["pdffonts", str(path)], capture_output=True,
                                     text=True, check=True).stdout.splitlines()[2:]
            assert listing and all(" yes yes " in line for line in listing), (name, listing)


def test_a_protected_pdf_is_aes_256_readable_printable_and_unchangeable(
    svc: services.Services, tmp_path: Path,
) -> None:
    setup = Setup(svc)
    target = setup.exports.export_case(setup.case_id, Profile.POLICE, tmp_path / "x.pdf",
                                       password=PDF_PASSWORD)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-1.7")  # with Adobe's extension level 8: revision 6
    reader = PdfReader(target)
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    # The password opens the file as a reader, never as its owner (who may lift limits).
    assert reader.decrypt(PDF_PASSWORD) == PasswordType.USER_PASSWORD
    extensions = reader.trailer["/Root"]["/Extensions"]
    assert isinstance(extensions, DictionaryObject)
    assert extensions["/ADBE"]["/ExtensionLevel"] == 8
    allowed = int(encrypt["/P"]) & 0xFFFFFFFF
    assert allowed & 4 and allowed & 2048  # print, in high quality too
    assert not allowed & (8 | 32 | 256 | 1024)  # modify, annotate, fill in, assemble
    assert all(number in str(reader.metadata["/Keywords"]) for number in REPORTS)
    assert unembedded_fonts(data, PDF_PASSWORD) == set()
    if shutil.which("qpdf"):
        shown = subprocess.run(["qpdf", "--show-encryption", f"--password={PDF_PASSWORD}",
                                str(target)], capture_output=True, text=True).stdout
        assert "R = 6" in shown and "Supplied password is owner password" not in shown
        assert "print high resolution: allowed" in shown
        assert "modify anything: not allowed" in shown


def test_the_command_line_refuses_a_short_pdf_password(
    database: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from main import main

    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    monkeypatch.setenv("PDF_PASSWORD", "lyhyt-sana")  # 10 characters; the GUI asks for 12
    out = tmp_path / "out"
    for command in (["export-pdf", "--all", "--profile", "police", "--out", str(out)],
                    ["report", "--out", str(tmp_path / "report.pdf")]):
        code = main([command[0], "--db", str(db_path), "--user", "super", *command[1:],
                     "--password-env", "PDF_PASSWORD"])
        assert code == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and len(err.splitlines()) == 1
        assert "at least 12 characters" in err
    assert not out.exists() and not (tmp_path / "report.pdf").exists()


# -- amounts and senders stay whole (issue 18 review) ----------------------------------------

#: Amounts as a case may hold them: (demanded, currency, paid).
AMOUNTS = ((Decimal("2500"), Currency.USD, None),
           (Decimal("12500"), Currency.EUR, Decimal("12500")),
           (Decimal("0.00012345"), Currency.BTC, Decimal("0.00012345")),
           (Decimal("1234567.89"), Currency.EUR, Decimal("1234567.89")))
#: A wallet address as long as they come (a taproot address, 62 characters).
LONG_WALLET = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"
SENDERS = ("asiakastiedot@mailbox.invalid", "https://tietovuoto-julkaisu.example/uhri_12345/maksa")


def _amount_case(svc: services.Services) -> int:
    case_id = intake(svc, "Summa", "Pitkä")
    for number, (demanded, currency, paid) in enumerate(AMOUNTS):
        svc.records.add_extortion_contact(case_id, ExtortionContactDraft(
            received_at=dt.datetime(2024, 5, 2 + number, 9, 30, tzinfo=dt.UTC),
            channel=Channel.EMAIL, sender=SENDERS[number % 2], amount_demanded=demanded,
            currency=currency, wallet_address=LONG_WALLET if number % 2 else WALLETS[0],
            paid=paid is not None, amount_paid=paid, message_text="Maksa."))
    return case_id


def _lines(data: bytes) -> list[str]:
    """Every line of the PDF's text, its spaces (non-breaking too) as one space."""
    return [" ".join(line.replace("\xa0", " ").split())
            for page in _raw_pages(data) for line in page.splitlines()]


def _whole(value: str, separators: str = "") -> re.Pattern[str]:
    """``value`` in a text, broken at most right after one of ``separators``."""
    parts = [re.escape(char) + (r"\s*" if char in separators else "") for char in value]
    return re.compile("".join(parts))


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.FINNISH, Language.SWEDISH])
def test_amounts_wallets_and_senders_are_never_broken_inside(
        svc: services.Services, language: Language) -> None:
    case_id = _amount_case(svc)
    with i18n.speaking(language):
        data = exports_of(svc).render_case(case_id, Profile.POLICE)
        shown = [" ".join(money_text(amount, currency).replace("\xa0", " ").split())
                 for demanded, currency, paid in AMOUNTS
                 for amount in (demanded, paid) if amount is not None]
    lines = _lines(data)
    text = "\n".join(lines)
    for amount in shown:
        # In the overview and in the contacts table (demanded; paid after "yes,").
        assert sum(line.count(amount) for line in lines) >= 2, (amount, text)
    for wallet in (LONG_WALLET, WALLETS[0]):
        assert sum(line.count(wallet) for line in lines) >= 2, wallet
    for sender in SENDERS:
        # Broken, if at all, only after "@", ".", "/", "-" or "_": never inside a word.
        found = _whole(sender, "@./-_").findall(text)
        assert len(found) == 4, (sender, text)  # two contacts each, in both tables
    assert "\u200b" not in text
