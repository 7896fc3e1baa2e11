"""H3: the masked identity code (and the phone number) must not be rebuilt by searching.

The attacker is a counsellor with a script and their own password: they sign in through
``open_database`` and call the services as the GUI would, with any text and any filter.
Their target is a victim of another counsellor's case, which they may find in the list
(name, reference, masked code ``DDMMYY-****``) but not open without break-the-glass.

What must hold (issue 16, "What to build" item 5):

* A text that looks like part of an identity code or a phone number finds nothing unless
  it is the whole value, except the part of a code the mask shows anyway (birth date and
  century sign). Names keep their prefix search.
* Each whole-code or whole-phone search is audited: one event whose detail holds an HMAC
  of the normalised value (the key derived from the data key), never the value.
* Searches, the intake's duplicate check, imports and sorting never confirm a code or a
  phone number of a case the searcher may not open. Supervisors and police liaison, who
  may open every case, keep finding every case by its whole code and see import
  duplicates named as before.

Why no "a matching case exists that you cannot open" answer: the mask shows every case's
birth date and century sign, so the attacker knows the target's ``DDMMYY-`` and has 998
candidates for the rest (individual number 002–999, the check character follows from it).
Few victims share a birth date, and the attacker can count the ones in the list who do.
A hint given only when a hidden case matches would answer, for each candidate, "is this
the code of one of those few people?" — after at most 998 searches it names the code as
surely as the old prefix search. The audit would record it, but the code would be out.
So an out-of-scope match is answered exactly like no match at all; the only hint allowed
is one shown for every whole-code search whatever the database holds (the intake's page
says that codes and phone numbers are matched in one's own cases only). The same holds
for imports: a line that duplicates a hidden code is treated like a new person (it is
imported as a new, unassigned case), because any difference in the answer — a refusal,
a different count, a merge — would confirm the code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from models import services
from models.domain.dto import CaseDraft, CaseFilter, VictimDraft
from models.domain.entities import AuditEvent
from models.domain.enums import Role
from models.domain.validation import generate_temporary_identity_code, parse_identity_code
from models.security.audit import verify_chain
from models.services.importing import guess_mapping, read_csv
from models.storage.store import open_database
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF

pytestmark = pytest.mark.both_databases

STRONG = "Tuuli-Kivi-Järvi-Polku"
BIRTH = dt.date(1977, 5, 19)
#: The target's code (synthetic: temporary individual number 941) and phone (the UK's
#: drama range, never a real subscriber).
TARGET_CODE = generate_temporary_identity_code(BIRTH, 941)
TARGET_PHONE = "+447700900123"
OWN_CODE = generate_temporary_identity_code(dt.date(1981, 2, 3), 955)
OWN_PHONE = "+447700900456"
CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


@dataclass
class Office:
    boss: services.Services
    attacker: services.Services  # kaisa, counsellor, signed in with her own password
    owner: services.Services     # olli, the counsellor of the target case
    police: services.Services
    target_case: int
    target_reference: str
    own_case: int


def _account(boss: services.Services, name: str, role: Role) -> Actor:
    user = boss.accounts.create_user(name, name.title(), role, STRONG, kdf=FAST_KDF)
    return Actor(user.id, user.username, user.display_name, role)


@pytest.fixture
def office(target: Target, database: Database, supervisor: Actor) -> Iterator[Office]:
    boss = services.build(database, supervisor)
    kaisa = _account(boss, "kaisa", Role.COUNSELLOR)
    olli = _account(boss, "olli", Role.COUNSELLOR)
    leena = _account(boss, "leena", Role.POLICE_LIAISON)
    target_case = boss.cases.create_intake(
        VictimDraft(first_names="Tuulikki", last_name="Kohde", identity_code=TARGET_CODE,
                    phone=TARGET_PHONE, email="tuulikki.kohde@example.org"),
        CaseDraft(assigned_to_id=olli.user_id))
    own_case = boss.cases.create_intake(
        VictimDraft(first_names="Oma", last_name="Asiakas", identity_code=OWN_CODE,
                    phone=OWN_PHONE),
        CaseDraft(assigned_to_id=kaisa.user_id))
    # The attacker's script: her own password, the services as the GUI calls them.
    opened, actor = open_database(target, "kaisa", STRONG)
    assert actor.role is Role.COUNSELLOR
    try:
        yield Office(boss, services.build(opened, actor), services.build(database, olli),
                     services.build(database, leena), target_case.id,
                     target_case.reference, own_case.id)
    finally:
        opened.dispose()


def _count(svc: services.Services, text: str, case_id: int | None = None) -> int:
    ids = None if case_id is None else (case_id,)
    return svc.case_list.count_cases(CaseFilter(text=text, case_ids=ids))


def _prefix_attack(svc: services.Services, case_id: int, start: str, alphabet: str,
                   length: int) -> tuple[str, int]:
    """Extend ``start`` a character at a time while a search restricted to the case
    still finds it (the attack of the security review)."""
    known, searches = start, 0
    while len(known) < length:
        for char in alphabet:
            searches += 1
            if _count(svc, known + char, case_id):
                known += char
                break
        else:
            break
    return known, searches


def _search_events(database: Database, user_id: int) -> list[str]:
    """The details of the user's search events, oldest first."""
    with database.reading() as db_session:
        return list(db_session.scalars(
            select(AuditEvent.detail).where(AuditEvent.user_id == user_id,
                                            AuditEvent.entity == "search")
            .order_by(AuditEvent.seq)))


def _all_details(database: Database) -> str:
    with database.reading() as db_session:
        return "\n".join(db_session.scalars(select(AuditEvent.detail)))


def _forms(value: str) -> list[str]:
    """The value as anyone might look for it in a text: as stored, lower case, digits."""
    digits = re.sub(r"\D", "", value)
    return [value, value.lower(), value.replace("-", ""), digits]


def _mac(database: Database, kind: str, value: str) -> str:
    from models.services.search import derive_search_key, searched_value_mac

    return searched_value_mac(derive_search_key(database.chain_secret), kind, value)


def _candidates() -> list[str]:
    """Every valid code with the target's visible birth date and century sign."""
    visible = TARGET_CODE[:7]
    day = visible[:6]
    return [f"{visible}{n:03d}{CHECK_CHARACTERS[int(day + f'{n:03d}') % 31]}"
            for n in range(2, 1000)]


def test_prefix_searches_recover_nothing_and_whole_values_are_audited_without_them(
    office: Office, database: Database
) -> None:
    attacker = office.attacker
    masked = TARGET_CODE[:7]
    code, code_searches = _prefix_attack(attacker, office.target_case, masked,
                                         CHECK_CHARACTERS, 11)
    phone, phone_searches = _prefix_attack(attacker, office.target_case, "+4477",
                                           "0123456789", 16)
    assert code == masked, f"{code_searches} prefix searches rebuilt the code: {code}"
    assert phone == "+4477", f"{phone_searches} prefix searches rebuilt the phone: {phone}"
    # Partial values were not audited (they find nothing); nothing was sent as a value.
    assert _search_events(database, attacker.actor.user_id) == []

    # Whole values then: 45 candidates including the real code, and the real phone, each
    # restricted to the target case. An out-of-scope case is never confirmed.
    candidates = _candidates()
    real = candidates.index(TARGET_CODE)
    tried = candidates[real - 22: real + 23]
    assert len(tried) == 45 and TARGET_CODE in tried
    assert [c for c in tried if _count(attacker, c, office.target_case)] == []
    assert [c for c in tried if _count(attacker, c)] == []
    assert _count(attacker, TARGET_PHONE, office.target_case) == 0
    assert _count(attacker, "0044 7700 900 123") == 0

    events = _search_events(database, attacker.actor.user_id)
    # One event per value searched (the same value again within minutes is not repeated).
    assert len(events) == 45 + 1
    details = "\n".join(events)
    assert _mac(database, "identity_code", TARGET_CODE) in details
    assert _mac(database, "phone", TARGET_PHONE) in details
    everything = _all_details(database)
    for value in (TARGET_CODE, TARGET_PHONE, OWN_CODE, OWN_PHONE):
        for form in _forms(value):
            assert form not in everything
    with database.reading() as db_session:  # the events are in the chain
        assert verify_chain(db_session, database.chain_key).ok


def test_an_import_of_every_candidate_confirms_nothing(office: Office) -> None:
    rows = ["Etunimet;Sukunimi;Henkilötunnus;Kieli"]
    rows += [f"Testi;Ehdokas{n};{c};fi" for n, c in enumerate(_candidates())]
    table = read_csv(("\r\n".join(rows) + "\r\n").encode())
    mapping = guess_mapping(table.header)
    imports = office.attacker.imports
    checked = imports.check(table, mapping)
    assert (checked.accepted, checked.problems, checked.duplicates) == (998, (), ())
    report = imports.run(table, mapping, all_or_nothing=True)
    told = " ".join(str(d) for d in report.duplicates + report.problems)
    assert office.target_reference not in told and "same identity code" not in told
    assert report.complete and report.imported == 998
    # The attacker's new case (unassigned, so theirs to open) is what the code finds now.
    found = office.attacker.case_list.list_case_ids(CaseFilter(text=TARGET_CODE))
    assert office.target_case not in found and len(found) == 1


def test_the_whole_value_finds_a_case_in_scope_and_names_keep_their_prefix(
    office: Office, database: Database
) -> None:
    attacker = office.attacker
    cases = attacker.case_list
    assert cases.list_case_ids(CaseFilter(text=OWN_CODE.lower())) == [office.own_case]
    assert cases.list_case_ids(CaseFilter(text="+44 7700 900456")) == [office.own_case]
    assert cases.list_case_ids(CaseFilter(text=OWN_CODE[:9])) == []
    assert cases.list_case_ids(CaseFilter(text=OWN_PHONE[:-1])) == []
    # What the mask shows anyway is still a search (birth date and century sign).
    assert office.target_case in cases.list_case_ids(CaseFilter(text=TARGET_CODE[:7]))
    assert office.own_case in cases.list_case_ids(CaseFilter(text=OWN_CODE[:6]))
    # Names keep their prefix search, in every case (the list shows them to everyone).
    assert cases.list_case_ids(CaseFilter(text="koh")) == [office.target_case]
    assert cases.list_case_ids(CaseFilter(text="tuulikki k")) == [office.target_case]
    assert cases.list_case_ids(CaseFilter(text="Asiak")) == [office.own_case]
    # Other values the list does not show keep their prefix, in the cases one may open.
    assert cases.list_case_ids(CaseFilter(text="tuulikki.kohde@")) == []
    assert office.owner.case_list.list_case_ids(CaseFilter(text="tuulikki.kohde@")) == [
        office.target_case]

    # Audited: the two whole values, and the shorter number (a whole number too, of
    # someone else perhaps); the partial code and what the mask shows are not.
    events = _search_events(database, attacker.actor.user_id)
    assert len(events) == 3
    assert _mac(database, "identity_code", OWN_CODE) in events[0]
    assert _mac(database, "phone", OWN_PHONE) in events[1]
    assert _mac(database, "phone", OWN_PHONE[:-1]) in events[2]
    # With a break-the-glass grant the target is in scope: its code finds it (audited).
    office.attacker.break_glass.break_glass(office.target_case, "The victim is on the phone.")
    assert cases.list_case_ids(CaseFilter(text=TARGET_CODE)) == [office.target_case]
    assert len(_search_events(database, attacker.actor.user_id)) == 4


def test_supervisors_and_police_find_every_case_by_its_whole_code(
    office: Office, database: Database
) -> None:
    for svc in (office.boss, office.police, office.owner):
        cases = svc.case_list
        assert cases.list_case_ids(CaseFilter(text=TARGET_CODE)) == [office.target_case]
        assert cases.list_case_ids(CaseFilter(text=TARGET_PHONE)) == [office.target_case]
        assert cases.list_case_ids(CaseFilter(text=TARGET_CODE[:10])) == []
        assert len(_search_events(database, svc.actor.user_id)) == 2
    # Their imports name the duplicate as before.
    rows = ["Etunimet;Sukunimi;Henkilötunnus;Kieli", f"Testi;Ehdokas;{TARGET_CODE};fi"]
    table = read_csv(("\r\n".join(rows) + "\r\n").encode())
    for svc in (office.boss, office.police):
        report = svc.imports.check(table, guess_mapping(table.header))
        assert [str(d) for d in report.duplicates] == [
            f"row 2: duplicate of {office.target_reference} (same identity code)"]


def test_the_intake_duplicate_check_confirms_only_what_the_list_shows(
    office: Office, database: Database
) -> None:
    by_code = VictimDraft(first_names="Eri", last_name="Henkilö", identity_code=TARGET_CODE)
    by_phone = VictimDraft(first_names="Eri", last_name="Henkilö", phone=TARGET_PHONE)
    by_name = VictimDraft(first_names="Tuulikki", last_name="Kohde", birth_date=BIRTH)
    attacker = office.attacker.case_list
    assert attacker.find_duplicates(by_code) == []
    assert attacker.find_duplicates(by_phone) == []
    # Name and birth date are in the list (the masked code shows the birth date).
    assert [r.case_id for r in attacker.find_duplicates(by_name)] == [office.target_case]
    assert attacker.values_matched_in_scope_only()
    events = _search_events(database, office.attacker.actor.user_id)
    assert len(events) == 2
    assert _mac(database, "identity_code", TARGET_CODE) in events[0]
    for svc in (office.owner, office.boss, office.police):
        assert [r.case_id for r in svc.case_list.find_duplicates(by_code)] == [
            office.target_case]
        assert [r.case_id for r in svc.case_list.find_duplicates(by_phone)] == [
            office.target_case]
    assert not office.boss.case_list.values_matched_in_scope_only()


def test_a_victim_without_a_code_shows_no_birth_date_so_it_confirms_none(
    office: Office,
) -> None:
    """Without an identity code the list shows no birth date: a name-and-birth-date match
    in someone else's case would confirm it, so only the case's own counsellor sees it."""
    hidden = office.boss.cases.create_intake(
        VictimDraft(first_names="Ilman", last_name="Tunnusta", birth_date=dt.date(1990, 7, 1)),
        CaseDraft(assigned_to_id=office.owner.actor.user_id))
    draft = VictimDraft(first_names="Ilman", last_name="Tunnusta",
                        birth_date=dt.date(1990, 7, 1))
    assert office.attacker.case_list.find_duplicates(draft) == []
    assert [r.case_id for r in office.owner.case_list.find_duplicates(draft)] == [hidden.id]
    rows = ["Etunimet;Sukunimi;Syntymäaika;Kieli", "Ilman;Tunnusta;1990-07-01;fi"]
    table = read_csv(("\r\n".join(rows) + "\r\n").encode())
    assert office.attacker.imports.check(table, guess_mapping(table.header)).duplicates == ()
    assert len(office.police.imports.check(table, guess_mapping(table.header)).duplicates) == 1


def test_sorting_by_identity_code_orders_by_what_the_mask_shows(office: Office) -> None:
    """Sorted by the full code, a case the attacker owns (whose code they may change)
    next to the target would tell, by comparisons, the target's hidden digits."""
    boss, kaisa = office.boss, office.attacker.actor.user_id
    low = boss.cases.create_intake(
        VictimDraft(first_names="A", last_name="Vertailu",
                    identity_code=generate_temporary_identity_code(BIRTH, 990)),
        CaseDraft(assigned_to_id=kaisa))
    high = boss.cases.create_intake(
        VictimDraft(first_names="B", last_name="Vertailu",
                    identity_code=generate_temporary_identity_code(BIRTH, 901)),
        CaseDraft(assigned_to_id=kaisa))
    ids = (office.target_case, low.id, high.id)
    for descending in (False, True):
        listed = office.attacker.case_list.list_case_ids(
            CaseFilter(case_ids=ids), sort="identity_code", descending=descending)
        expected = sorted(ids, reverse=descending)  # same visible part: by case, as added
        assert listed == expected
    assert parse_identity_code(TARGET_CODE).birth_date == BIRTH
