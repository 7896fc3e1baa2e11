"""The demo victims and their cases: names, identity codes, contact details, the case's
status, risk and counsellor, and the odd granted identity-code change."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata

from models.demo import words
from models.demo.draw import (
    END_OF_2020,
    MASS_EMAIL,
    REVEALED,
    Pick,
    at,
    between,
    fiction_phone,
    office_time,
    rand_int,
    rand_item,
    zipf,
)
from models.demo.rows import Batch, Part, Staff, VictimCase
from models.domain.enums import CaseStatus, ClosureReason, Language, RiskLevel
from models.domain.text import full_name_key, search_key
from models.domain.validation import generate_temporary_identity_code

_PLACES = Pick(words.PLACES)
_VICTIM_PHONES = Pick(words.VICTIM_PHONES)
_EMAIL_DOMAINS = Pick(words.EMAIL_DOMAINS)


def _ascii_letters(text: str) -> str:
    """Lower-case ASCII letters of ``text`` (``"Mäkinen"`` → ``"makinen"``), for e-mails."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


_RISK = Pick(
    [(RiskLevel.ACUTE.value, 3), (RiskLevel.HIGH.value, 15), (RiskLevel.MEDIUM.value, 47),
     (RiskLevel.LOW.value, 35)]
)
_CLOSURE = Pick(
    [(ClosureReason.RESOLVED.value, 55), (ClosureReason.REFERRED.value, 20),
     (ClosureReason.DECLINED.value, 8), (ClosureReason.UNREACHABLE.value, 10),
     (ClosureReason.DUPLICATE.value, 2), (ClosureReason.OTHER.value, 5)]
)

# Enumeration values used in the hot loops (an enum's ``.value`` costs a descriptor call).
_CLOSED = CaseStatus.CLOSED.value
_NEW = CaseStatus.NEW.value
_OPEN = CaseStatus.OPEN.value
_WAITING = CaseStatus.WAITING.value
_ENGLISH = Language.ENGLISH.value
_FINNISH = Language.FINNISH.value
_SWEDISH = Language.SWEDISH.value
_ACUTE = RiskLevel.ACUTE.value
_MEDIUM = RiskLevel.MEDIUM.value


class People(Part):
    """Draws each victim, their case and their identity codes."""

    def __init__(
        self, rng: random.Random, today: dt.date, staff: Staff, ids: dict[str, int],
        breach_ids: tuple[int, int],
    ) -> None:
        super().__init__(rng, today, staff, ids)
        self.breach_2018, self.breach_2019 = breach_ids
        self.reference_numbers: dict[int, int] = {}
        self.used_codes: set[str] = set()
        self.key_cache: dict[str, str] = {}
        self.finnish_female = zipf(words.FINNISH_FEMALE)
        self.finnish_male = zipf(words.FINNISH_MALE)
        self.finnish_last = zipf(words.FINNISH_LAST, 0.6)
        self.swedish_female = zipf(words.SWEDISH_FEMALE)
        self.swedish_male = zipf(words.SWEDISH_MALE)
        self.swedish_last = zipf(words.SWEDISH_LAST)

    def opened_on(self) -> dt.date:
        """A day a case opened: most in the weeks after the mass e-mail, a tail to today."""
        rng, today = self.rng, self.today
        r = rng.random()
        if r < 0.03:
            day = between(rng, REVEALED, MASS_EMAIL)
        elif r < 0.64:
            day = MASS_EMAIL + dt.timedelta(days=int(rng.expovariate(1 / 12)))
            if day > END_OF_2020:
                day = between(rng, dt.date(2020, 11, 1), END_OF_2020)
        elif r < 0.80:
            day = between(rng, dt.date(2021, 1, 1), dt.date(2021, 12, 31))
        elif r < 0.96:
            day = between(rng, dt.date(2022, 1, 1), today - dt.timedelta(days=61))
        else:
            day = between(rng, today - dt.timedelta(days=60), today)
        return min(day, today)

    def _key(self, text: str) -> str:
        key = self.key_cache.get(text)
        if key is None:
            key = self.key_cache[text] = search_key(text)
        return key

    def _name(self) -> tuple[str, str, str, bool]:
        """(first names, last name, language, foreign)."""
        rng = self.rng
        r = rng.random()
        if r < 0.88:
            pick = self.finnish_female if rng.random() < 0.62 else self.finnish_male
            count = 1 if rng.random() < 0.3 else (2 if rng.random() < 0.8 else 3)
            given: list[str] = []
            while len(given) < count:
                name = pick(rng)
                if name not in given:
                    given.append(name)
            last = self.finnish_last(rng)
            if rng.random() < 0.03:
                last = f"{last}-{self.finnish_last(rng)}"
            language = _FINNISH
            roll = rng.random()
            if roll < 0.02:
                language = _SWEDISH
            elif roll < 0.03:
                language = _ENGLISH
            return " ".join(given), last, language, False
        if r < 0.94:
            female = rng.random() < 0.6
            first = (self.swedish_female if female else self.swedish_male)(rng)
            if rng.random() < 0.4:
                second = (self.swedish_female if female else self.swedish_male)(rng)
                if second != first:
                    first = f"{first} {second}"
            last = self.swedish_last(rng) if rng.random() < 0.8 else self.finnish_last(rng)
            language = _SWEDISH if rng.random() < 0.85 else _FINNISH
            return first, last, language, False
        group = words.FOREIGN_GROUPS[int(rng.random() * len(words.FOREIGN_GROUPS))]
        female = rng.random() < 0.6
        first = rand_item(rng, group[0] if female else group[1])
        last = rand_item(rng, group[2] if female else group[3])
        language = _ENGLISH if rng.random() < 0.8 else _FINNISH
        return first, last, language, True

    def _identity_code(self, birth: dt.date) -> str:
        """A temporary code for ``birth`` that no other demo victim has."""
        rng = self.rng
        for _ in range(1000):
            code = generate_temporary_identity_code(birth, rand_int(rng, 900, 999))
            if code not in self.used_codes:
                self.used_codes.add(code)
                return code
        # A birth date has only 100 temporary codes; MAX_VICTIMS keeps them far from used up.
        raise RuntimeError("ran out of temporary identity codes for one birth date")

    def victim_and_case(self, out: Batch, victim_id: int, opened: dt.date) -> VictimCase:
        """Draw victim ``victim_id``, their case (the same id) opened on ``opened``, and
        their identity codes into ``out``."""
        rng, today = self.rng, self.today
        opened_at = at(opened, office_time(rng))
        first_names, last_name, language, foreign = self._name()
        birth = between(rng, dt.date(1940, 1, 1), dt.date(2005, 12, 31))
        has_code = not foreign or rng.random() < 0.17
        code = self._identity_code(birth) if has_code else None

        # Contact details.
        if language == _SWEDISH and rng.random() < 0.3:
            phone: str | None = fiction_phone(rng, words.SWEDISH_FICTION_MOBILE)
        else:
            phone = fiction_phone(rng, _VICTIM_PHONES(rng)) if rng.random() < 0.93 else None
        email_address: str | None = None
        if rng.random() < 0.85:
            given = _ascii_letters(first_names.split(" ")[0])
            family = _ascii_letters(last_name)
            if not given or not family:
                local = f"asiakas{victim_id}"
            else:
                style = int(rng.random() * 3)
                local = (
                    f"{given}.{family}{victim_id}" if style == 0
                    else f"{given[0]}{family}{victim_id}" if style == 1
                    else f"{family}.{given}{victim_id}"
                )
            email_address = f"{local}@{_EMAIL_DOMAINS(rng)}"
        postal_code, city = _PLACES(rng)
        stem, suffix = rand_item(rng, words.STREET_STEMS), rand_item(rng, words.STREET_SUFFIXES)
        street = (
            f"{stem}{suffix} {rand_int(rng, 1, 60)}"
            + (f" {rand_item(rng, 'ABCDEF')} {rand_int(rng, 1, 40)}" if rng.random() < 0.6 else "")
        )
        country = "FI" if not foreign or rng.random() < 0.85 else rand_item(rng, ("SE", "EE", "GB"))
        consent = rng.random() < 0.93
        first_key, last_key = self._key(first_names), self._key(last_name)
        out.victims.append(
            {
                "id": victim_id,
                "first_names": first_names,
                "last_name": last_name,
                "search_first_names": first_key,
                "search_last_name": last_key,
                # full_name_key(first_names, last_name), from the keys of its two parts.
                "search_full_name": (f"{last_key} {first_key}" if first_key and last_key
                                     else full_name_key(first_names, last_name)),
                "identity_code": code,
                "birth_date": birth,
                "phone": phone,
                "email": email_address,
                "street_address": street,
                "postal_code": postal_code,
                "city": city,
                "country": country,
                "language": language,
                "may_leave_voicemail": rng.random() < 0.3,
                "may_send_sms": phone is not None and rng.random() < 0.8,
                "may_email": email_address is not None and rng.random() < 0.55,
                "may_send_post": rng.random() < 0.4,
                "safe_contact_note": (
                    rand_item(rng, words.SAFE_CONTACT_NOTES) if rng.random() < 0.1 else ""
                ),
                "consent_given": consent,
                "consent_date": opened if consent else None,
                "version": 1,
                "created_at": opened_at,
                "updated_at": opened_at,
            }
        )
        r = rng.random()
        for breach_id, linked in (
            (self.breach_2018, r < 0.85),
            (self.breach_2019, r >= 0.55),
        ):
            if linked:
                out.victim_breaches.append({"victim_id": victim_id, "breach_id": breach_id})

        # The case.
        case_id = victim_id
        year = opened.year
        self.reference_numbers[year] = number = self.reference_numbers.get(year, 0) + 1
        days_open = (today - opened).days
        if days_open <= 14:
            status = _NEW if rng.random() < 0.55 else _OPEN
        else:
            roll = rng.random()
            status = (
                _NEW if roll < 0.03
                else _OPEN if roll < 0.45
                else _WAITING if roll < 0.78
                else _CLOSED
            )
        closed = status == _CLOSED
        closed_on = between(rng, opened + dt.timedelta(days=7), today) if closed else None
        end = closed_on or today
        risk = _RISK(rng)
        if closed and risk == _ACUTE:
            risk = _MEDIUM
        if status == _NEW and rng.random() < 0.5:
            counsellor: int | None = None
        else:
            counsellor = self.staff.counsellor_pick(rng)
        out.cases.append(
            {
                "id": case_id,
                "reference": f"SUO-{year}-{number:05d}",
                "victim_id": victim_id,
                "status": status,
                "closure_reason": _CLOSURE(rng) if closed else None,
                "assigned_to_id": counsellor,
                "risk_level": risk,
                "risk_reason": rand_item(rng, words.RISK_REASONS[risk]),
                "intake_note": "",  # none written (no random draw: same data per seed)
                "opened_on": opened,
                "closed_on": closed_on,
                "version": 1,
                "created_at": opened_at,
                "updated_at": at(end, office_time(rng)) if closed else opened_at,
            }
        )

        # Identity code history, and the odd granted code change.
        change_on: dt.date | None = None
        if code is not None:
            if days_open > 150 and rng.random() < 0.005:
                change_on = opened + dt.timedelta(days=rand_int(rng, 90, min(days_open - 1, 700)))
            if change_on is not None and change_on <= end:
                new_code = self._identity_code(birth)
                change_at = at(change_on, office_time(rng))
                self._identity_record(out, victim_id, code, opened_at, change_at,
                                      "Replaced by a new code granted by DVV")
                self._identity_record(out, victim_id, new_code, change_at, None, "")
                out.victims[-1]["identity_code"] = new_code
            else:
                change_on = None
                self._identity_record(out, victim_id, code, opened_at, None, "")

        return VictimCase(
            case_id=case_id, victim_id=victim_id, first_names=first_names, language=language,
            email=email_address, has_identity_code=code is not None, code_changed_on=change_on,
            opened=opened, opened_at=opened_at, status=status, closed=closed, end=end,
            counsellor=counsellor,
        )

    def _identity_record(
        self, out: Batch, victim_id: int, code: str, valid_from: dt.datetime,
        valid_to: dt.datetime | None, note: str,
    ) -> None:
        self.ids["identity_code"] += 1
        out.identity_codes.append(
            {
                "id": self.ids["identity_code"],
                "victim_id": victim_id,
                "identity_code": code,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "note": note,
            }
        )
