"""The PDFs in Finnish and Swedish, the letter to the client in their own language, and the
organisation's classification line on every page."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from reportlab.platypus import KeepTogether

from main import main
from models import services
from models.domain import i18n
from models.domain.dto import OrganisationSettings, ProtectiveActionDraft, VictimDraft
from models.domain.entities import AuditEvent
from models.domain.enums import PROTECTIVE_ACTION_CATALOGUE, ActionState, Language, Role
from models.domain.errors import PermissionDenied, ValidationError
from models.domain.i18n import gettext as _
from models.pdf import victim_letter
from models.pdf.data import Profile
from models.storage.unit_of_work import Actor, Database
from tests.conftest import PASSWORD
from tests.test_pdf import CODE, NOTE, OUTCOME, REPORTS, WALLETS, Setup, as_role, pages

#: Headings of the English police summary that must not survive in Finnish or Swedish.
ENGLISH_HEADINGS = ("Case summary for the police", "Injured party", "Extortion contacts",
                    "Police reports", "Protective actions", "CONFIDENTIAL")
CLASSIFICATION = "Salassa pidettävä, JulkL 24.1 § 25 k."


@pytest.fixture
def setup(database: Database, supervisor: Actor) -> Setup:
    return Setup(services.build(database, supervisor))


def _police(setup: Setup, language: Language) -> list[str]:
    return pages(setup.exports.render_case(setup.case_id, Profile.POLICE, language=language))


def test_a_finnish_police_summary_is_finnish_on_every_page(setup: Setup) -> None:
    text = _police(setup, Language.FINNISH)
    assert all("SALASSA PIDETTÄVÄ" in page for page in text)
    whole = " ".join(text)
    assert "Tapausyhteenveto poliisille" in whole or "poliisille" in whole
    assert "Asianomistaja" in whole  # the injured party, as the police call them
    for heading in ENGLISH_HEADINGS:
        assert heading not in whole, heading
    assert all(number in whole for number in REPORTS)  # the data itself is unchanged
    # Every time says its zone: Finnish time, written the Finnish way.
    assert re.search(r"klo \d{1,2}\.\d{2} \(UTC\+[23]\)", whole)


def test_a_swedish_police_summary_says_sekretessbelagd(setup: Setup) -> None:
    text = _police(setup, Language.SWEDISH)
    assert all("SEKRETESSBELAGD" in page for page in text)
    whole = " ".join(text)
    assert "Målsägande" in whole
    for heading in ENGLISH_HEADINGS:
        assert heading not in whole, heading


def test_the_exporting_accounts_language_is_the_default(setup: Setup) -> None:
    i18n.use(Language.SWEDISH)
    assert "SEKRETESSBELAGD" in pages(setup.exports.render_case(
        setup.case_id, Profile.POLICE))[0]


def test_the_classification_line_is_on_every_page_of_every_pdf(setup: Setup) -> None:
    setup.svc.organisation.update(OrganisationSettings(classification_line=CLASSIFICATION))
    for profile in Profile:
        text = pages(setup.exports.render_case(setup.case_id, profile))
        assert all(CLASSIFICATION in page for page in text), profile


def test_only_administrators_and_supervisors_set_the_organisation(setup: Setup) -> None:
    counsellor = as_role(setup.svc, Role.COUNSELLOR, "kaarina")
    with pytest.raises(PermissionDenied):
        counsellor.organisation.update(OrganisationSettings(classification_line="x"))
    assert counsellor.organisation.settings().classification_line == ""  # may read
    admin = as_role(setup.svc, Role.ADMINISTRATOR, "yllapito")
    admin.organisation.update(OrganisationSettings(help_lines="Apu 0800 000 000"))
    assert setup.svc.organisation.settings().help_lines == "Apu 0800 000 000"
    with setup.svc.database.reading() as db_session:
        details = [e.detail for e in db_session.query(AuditEvent)
                   .filter(AuditEvent.entity == "organisation")]
    assert details == ["changed help_lines"]  # which settings, never their text
    with pytest.raises(ValidationError):
        admin.organisation.update(OrganisationSettings(classification_line="x" * 201))


# -- the letter to the client -----------------------------------------------------------


def _set_language(setup: Setup, language: Language) -> None:
    victim = setup.svc.cases.get_detail(setup.case_id).victim
    setup.svc.cases.update_victim(victim.id, victim.version, VictimDraft(
        first_names=victim.first_names, last_name=victim.last_name,
        birth_date=victim.birth_date, phone=victim.phone, language=language,
        may_leave_voicemail=False))


def test_the_letter_is_in_the_clients_language_and_holds_nothing_it_must_not(
        setup: Setup) -> None:
    _set_language(setup, Language.SWEDISH)
    text = pages(setup.exports.render_case(setup.case_id, Profile.VICTIM))
    whole = " ".join(text)
    assert len(text) <= 2
    assert "SEKRETESSBELAGD" in whole and "Brev till klienten" in whole
    assert "Dina brottsanmälningar" in whole and all(n in whole for n in REPORTS)
    assert "Skyddsåtgärder" in whole and "Brottsofferjouren" in whole
    # Never session notes or outcomes, never the messages, wallets or senders, never the
    # full identity code; no English headings either.
    for secret in (NOTE, "SECRET-NOTE", OUTCOME, "OUTCOME-2291", "Pay 200", "Last chance",
                   *WALLETS, "blackmail@example.invalid", CODE, "Your police reports"):
        assert secret not in whole, secret
    assert CODE[:6] + "-****" in whole


def test_the_letter_says_the_next_contact_and_the_organisations_help(setup: Setup) -> None:
    setup.svc.organisation.update(OrganisationSettings(
        help_lines="Kriisipiste 09 000 0000\nRikosuhripäivystys 116 006",
        data_requests="Kriisipalvelu, PL 1, 00100 Helsinki"))
    _set_language(setup, Language.FINNISH)
    whole = " ".join(pages(setup.exports.render_case(setup.case_id, Profile.VICTIM)))
    assert "Kirje asiakkaalle" in whole and "Hyvä Aino Maria," in whole
    assert "Kriisipiste 09 000 0000" in whole and "PL 1, 00100 Helsinki" in whole
    assert "9.5.2024" in whole  # the open follow-up is the next agreed contact
    assert "Ilmoitus pankeille" in whole  # a step done, named for the victim
    assert "Pankille ilmoitettu" not in whole  # (the staff's record of it)


@pytest.mark.parametrize("language", list(Language))
def test_the_letter_advises_the_victim_in_their_words_never_the_staffs(
        setup: Setup, language: Language) -> None:
    """The staff's guidance records grounds and checks ("a leak alone is not enough.
    Record grounds, evidence and decision"); the letter tells the victim what to do."""
    _set_language(setup, language)
    whole = " ".join(pages(setup.exports.render_case(setup.case_id, Profile.VICTIM)))
    flat = " ".join(whole.split())
    with i18n.speaking(language):
        for step in PROTECTIVE_ACTION_CATALOGUE:
            assert _(step.guidance) not in flat, step.code
            advised = step.advise_all and step.code != "bank_notified"  # (done)
            assert (_(step.to_victim) in flat) is advised, step.code
            # (in the letter's language: translated, not the English left in)
            assert (_(step.to_victim) != step.to_victim) is (language != Language.ENGLISH)
        # Eligibility is the counsellor's call: a step not for everyone is not advised
        # to everyone, and the help lines stay on one page together.
        assert _("Identity-code change application (DVV)") not in flat
    help_page = next(page for page in pages(setup.exports.render_case(
        setup.case_id, Profile.VICTIM)) if "112" in page)
    with i18n.speaking(language):
        assert _("Victim Support Finland (RIKU): 116 006, riku.fi") in help_page


def test_the_places_to_turn_to_are_one_block() -> None:
    """However the pages fall, the emergency number is never alone on the next one."""
    summary = SimpleNamespace(organisation=OrganisationSettings(
        help_lines="Kriisipiste 09 000 0000\nRikosuhripäivystys 116 006\nHätänumero 112"))
    (block,) = victim_letter._help(summary)  # type: ignore[arg-type]
    assert isinstance(block, KeepTogether)
    assert "Hätänumero 112" in " ".join(
        flowable.getPlainText() for flowable in block._content)  # type: ignore[attr-defined]


def test_a_step_not_for_everyone_is_advised_once_the_case_records_it(setup: Setup) -> None:
    setup.svc.records.add_protective_action(setup.case_id, ProtectiveActionDraft(
        type_code="identity_code_change", state=ActionState.NOT_STARTED))
    _set_language(setup, Language.ENGLISH)
    flat = " ".join(" ".join(pages(setup.exports.render_case(
        setup.case_id, Profile.VICTIM))).split())
    assert "Identity-code change application (DVV)" in flat
    assert "possible if repeated misuse has caused you significant harm" in flat
    assert "Record grounds" not in flat


def test_lang_chooses_another_language_for_the_letter(setup: Setup) -> None:
    _set_language(setup, Language.SWEDISH)
    whole = " ".join(pages(setup.exports.render_case(
        setup.case_id, Profile.VICTIM, language=Language.ENGLISH)))
    assert "Letter to the client" in whole and "Brev till klienten" not in whole
    assert i18n.current() is Language.ENGLISH  # the run's language is back


def test_the_letter_never_reveals_the_code_and_is_audited(setup: Setup) -> None:
    with pytest.raises(ValidationError):
        setup.exports.case_summary(setup.case_id, Profile.VICTIM, reveal_identity_code=True)
    setup.exports.render_case(setup.case_id, Profile.VICTIM)
    with setup.svc.database.reading() as db_session:
        details = [e.detail for e in db_session.query(AuditEvent)
                   .filter(AuditEvent.action == "export")]
    assert details[-1] == "profile=victim masked=yes"
    police = as_role(setup.svc, Role.POLICE_LIAISON, "poliisi")
    with pytest.raises(PermissionDenied):  # a letter comes from the care staff
        police.exports.render_case(setup.case_id, Profile.VICTIM)


def test_the_command_line_writes_the_letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    db = tmp_path / "letter.db"
    assert main(["init", "--db", str(db), "--user", "boss"]) == 0
    assert main(["seed-demo", "--db", str(db), "--user", "boss", "--victims", "5"]) == 0
    assert main(["organisation", "--db", str(db), "--user", "boss",
                 "--classification", CLASSIFICATION]) == 0
    capsys.readouterr()
    out = tmp_path / "letter.pdf"
    assert main(["export-pdf", "--db", str(db), "--user", "boss", "--case", "SUO-2020-00001",
                 "--profile", "victim", "--lang", "fi", "--out", str(out)]) == 0
    assert "kirje asiakkaalle" in capsys.readouterr().out
    text = pages(out.read_bytes())
    assert all("SALASSA PIDETTÄVÄ" in page and CLASSIFICATION in page for page in text)
    assert main(["export-pdf", "--db", str(db), "--user", "boss", "--all",
                 "--profile", "victim", "--out", str(tmp_path / "batch")]) == 4
    assert "one case at a time" in capsys.readouterr().err

