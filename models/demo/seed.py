"""Deterministic synthetic demo data, at any scale, fast.

:func:`seed_demo` fills an empty database with a believable caseload shaped like the
Vastaamo breach: per victim one case, about 1.5 extortion contacts, 0.6 police reports,
5 support sessions, 2.5 follow-ups and a handful of protective actions, plus demo staff
accounts that all share :data:`DEMO_PASSWORD`.

Everything personal is synthetic and chosen so that it cannot belong to anyone:

* identity codes use only the temporary individual numbers 900–999;
* phone numbers come from the ranges regulators reserve for fiction (Ofcom's drama
  numbers in the UK, PTS's fiction mobiles in Sweden);
* e-mail addresses use the reserved domains ``example.com/.net/.org`` and the reserved
  top-level domains ``.invalid``, ``.test`` and ``.example``;
* Bitcoin addresses are built from random programs with valid checksums (so the
  validator accepts them), not copied from the real incident.

The words and texts drawn from (names, places, messages, notes) are in
:mod:`models.demo.words`; the addresses are built with the validator's own encoders.

The same ``seed`` and the same ``today`` always give the same content, row for row: the
generator draws only from one ``random.Random(seed)`` and never reads the clock, except
for the default of ``today``.

Speed matters (40,000 victims is ~700,000 rows): rows are plain dicts written with Core
``INSERT`` executemany in one unit of work, with primary keys assigned here, and no
per-row audit events — one ``seed`` event records the whole run.
"""

from __future__ import annotations

import bisect
import datetime as dt
import email.utils
import hashlib
import logging
import random
import struct
import time
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from models.demo import words
from models.domain.base import local_today
from models.domain.entities import (
    Attachment,
    Breach,
    Case,
    ExtortionContact,
    FollowUp,
    IdentityCodeRecord,
    Meta,
    PoliceReport,
    ProtectiveAction,
    SupportSession,
    User,
    Victim,
    victim_breach,
)
from models.domain.enums import (
    PROTECTIVE_ACTION_CATALOGUE,
    ActionState,
    ApplicationGrounds,
    AuditAction,
    CaseStatus,
    Channel,
    ClosureReason,
    Currency,
    Decision,
    Language,
    PoliceReportState,
    Referral,
    RiskLevel,
    Role,
    SessionMode,
)
from models.domain.errors import DataError, ValidationError
from models.domain.text import full_name_key, search_key
from models.domain.validation import (
    encode_base58check,
    encode_segwit_address,
    generate_temporary_identity_code,
)
from models.security.permissions import Operation, require
from models.storage.keyfile import KdfParams
from models.storage.server import resync_sequences
from models.storage.unit_of_work import Actor, Database

log = logging.getLogger("suoja.seed")

#: The password of every demo account. Published on purpose: demo databases only.
DEMO_PASSWORD = "suoja-demo-password"
#: Argon2id cost for the key slots of the desktop app's ``--demo`` database: their
#: password is published, so a costly derivation would only slow the demo's start and
#: every sign-in to it. Databases seeded with ``seed-demo`` keep the production cost.
DEMO_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
#: ``suoja_meta`` key present only in databases filled by :func:`seed_demo`.
DEMO_MARKER = "demo_data"

#: Most victims :func:`seed_demo` makes in one run. Birth dates 1940–2005 with the
#: temporary individual numbers 900–999 give 2.4 million codes; this keeps them far from
#: used up (no two demo victims share a code).
MAX_VICTIMS = 1_000_000

UTC = dt.UTC
Row = dict[str, Any]
T = TypeVar("T")


@dataclass(frozen=True)
class DemoAccount:
    """A demo staff account; its password is :data:`DEMO_PASSWORD`."""

    username: str
    display_name: str
    role: Role


#: The supervisor the desktop app's ``--demo`` creates the database with, then seeds as.
#: No demo account's name may share a word with :data:`DEMO_PASSWORD`: the password
#: rules refuse a password that contains the account's own name.
DEMO_SUPERVISOR = DemoAccount("supervisor", "Sanni R.", Role.SUPERVISOR)


@dataclass(frozen=True)
class SeedSummary:
    """What :func:`seed_demo` wrote, and how long it took."""

    victims: int
    cases: int
    extortion_contacts: int
    police_reports: int
    support_sessions: int
    follow_ups: int
    protective_actions: int
    attachments: int
    accounts: tuple[DemoAccount, ...]
    seconds: float


# ---------------------------------------------------------------------------------------------
# Timeline of the incident the demo data follows
# ---------------------------------------------------------------------------------------------

#: The breach became public; the first extortion e-mails reached individual clients.
_REVEALED = dt.date(2020, 10, 21)
#: The mass extortion e-mail went out over this weekend.
_MASS_EMAIL = dt.date(2020, 10, 24)
_END_OF_2020 = dt.date(2020, 12, 31)
#: Demo data needs its timeline to have happened: ``today`` must not be earlier.
_EARLIEST_TODAY = dt.date(2021, 1, 1)
#: When the crisis service started: demo staff accounts are "created" then.
_SERVICE_START = dt.datetime(2020, 10, 22, 6, 0, tzinfo=UTC)

#: Steps that could not be taken before a date (the positive credit register opened in
#: 2024; State Treasury compensation needs the judgment of the court case).
_AVAILABLE_FROM = {
    "credit_ban_positive_register": dt.date(2024, 4, 1),
    "state_treasury_claim": dt.date(2024, 5, 1),
}


# ---------------------------------------------------------------------------------------------
# Weighted choices
# ---------------------------------------------------------------------------------------------


class _Pick(Generic[T]):
    """A weighted choice that costs one ``random()`` and one bisect per draw."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in items]
        total = 0.0
        self.cumulative: list[float] = []
        for _, weight in items:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self.cumulative, rng.random() * self.total)
        return self.items[min(index, len(self.items) - 1)]


def _ri(rng: random.Random, low: int, high: int) -> int:
    """A random int in ``[low, high]``; one C call, unlike ``randint``."""
    return low + int(rng.random() * (high - low + 1))


def _ch(rng: random.Random, items: Sequence[T]) -> T:
    """A uniformly random item; one C call, unlike ``choice``."""
    return items[int(rng.random() * len(items))]


def _zipf(names: Sequence[str], exponent: float = 0.8) -> _Pick[str]:
    """Common names first: the k-th name is drawn with weight 1/k^exponent."""
    return _Pick([(name, 1 / (rank + 1) ** exponent) for rank, name in enumerate(names)])


# ---------------------------------------------------------------------------------------------
# Synthetic people: names, places, phones (the words themselves: models.demo.words)
# ---------------------------------------------------------------------------------------------

_PLACES = _Pick(words.PLACES)
_VICTIM_PHONES = _Pick(words.VICTIM_PHONES)
_EMAIL_DOMAINS = _Pick(words.EMAIL_DOMAINS)


def _fiction_phone(rng: random.Random, block: tuple[str, int, int, int]) -> str:
    prefix, first, last, width = block
    return f"{prefix}{_ri(rng, first, last):0{width}d}"


def _ascii_letters(text: str) -> str:
    """Lower-case ASCII letters of ``text`` (``"Mäkinen"`` → ``"makinen"``), for e-mails."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


# ---------------------------------------------------------------------------------------------
# Bitcoin addresses with valid checksums (the validator's own encoders)
# ---------------------------------------------------------------------------------------------


def _wallet(rng: random.Random) -> str:
    """A mainnet address for a random 20-byte hash: legacy ``1…`` (Base58Check) one time
    in five, else native segwit ``bc1q…`` (Bech32, witness version 0)."""
    program = rng.getrandbits(160).to_bytes(20, "big")
    if rng.random() < 0.2:
        return encode_base58check(b"\x00" + program)
    return encode_segwit_address("bc", 0, program)


# ---------------------------------------------------------------------------------------------
# Extortion messages
# ---------------------------------------------------------------------------------------------

_SHARED_SENDERS = _Pick(words.SHARED_SENDERS)
_TOKEN_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"

_CHANNELS = _Pick(
    [
        (Channel.EMAIL.value, 85), (Channel.SMS.value, 6), (Channel.LETTER.value, 2),
        (Channel.PHONE.value, 3), (Channel.SOCIAL_MEDIA.value, 3), (Channel.OTHER.value, 1),
    ]
)
#: Later copycat demands: (currency, amount, hours to the deadline).
_COPYCAT_DEMANDS = _Pick(
    [
        ((Currency.EUR.value, Decimal("1000.00"), 72), 5),
        ((Currency.BTC.value, Decimal("0.05"), 48), 3),
        ((Currency.USD.value, Decimal("300.00"), 24), 1),
    ]
)
_EUR_200 = Decimal("200.00")
_EUR_500 = Decimal("500.00")


def _deadline_fi(moment: dt.datetime) -> str:
    return f"{moment.day}.{moment.month}.{moment.year} klo {moment:%H.%M} UTC"


def _deadline_en(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def _amount_text(amount: Decimal, currency: str, finnish: bool) -> str:
    if currency == Currency.EUR.value:
        whole = f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"
        return f"{whole} €" if finnish else f"{whole} EUR"
    text = f"{amount:f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',') if finnish else text} {currency}"


# ---------------------------------------------------------------------------------------------
# How case work is spread (its sentences: models.demo.words)
# ---------------------------------------------------------------------------------------------

_RISK = _Pick(
    [(RiskLevel.ACUTE.value, 3), (RiskLevel.HIGH.value, 15), (RiskLevel.MEDIUM.value, 47),
     (RiskLevel.LOW.value, 35)]
)
_CLOSURE = _Pick(
    [(ClosureReason.RESOLVED.value, 55), (ClosureReason.REFERRED.value, 20),
     (ClosureReason.DECLINED.value, 8), (ClosureReason.UNREACHABLE.value, 10),
     (ClosureReason.DUPLICATE.value, 2), (ClosureReason.OTHER.value, 5)]
)
_MODES = _Pick(
    [(SessionMode.PHONE.value, 65), (SessionMode.IN_PERSON.value, 12),
     (SessionMode.VIDEO.value, 15), (SessionMode.CHAT.value, 8)]
)
_REFERRALS = _Pick(
    [(Referral.NONE.value, 75), (Referral.RIKU.value, 10), (Referral.PSYCHIATRIC.value, 4),
     (Referral.HEALTH_CENTRE.value, 5), (Referral.LEGAL_AID.value, 4), (Referral.OTHER.value, 2)]
)
_ACTION_STATES = _Pick(
    [(ActionState.DONE.value, 50), (ActionState.IN_PROGRESS.value, 20),
     (ActionState.NOT_STARTED.value, 15), (ActionState.DECLINED.value, 8),
     (ActionState.NOT_APPLICABLE.value, 7)]
)
_CLOSED_ACTION_STATES = _Pick(
    [(ActionState.DONE.value, 70), (ActionState.DECLINED.value, 15),
     (ActionState.NOT_APPLICABLE.value, 15)]
)
#: Every step but the identity-code change, which has its own, much rarer, logic.
_ORDINARY_ACTIONS = [
    kind for kind in PROTECTIVE_ACTION_CATALOGUE if kind.code != "identity_code_change"
]

_DEPARTMENTS = _Pick(words.DEPARTMENTS)
_REPORT_STATES = _Pick(
    [(PoliceReportState.FILED.value, 15), (PoliceReportState.STATEMENT_SUBMITTED.value, 25),
     (PoliceReportState.UNDER_INVESTIGATION.value, 45), (PoliceReportState.CLOSED.value, 15)]
)


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------


@dataclass
class _Staff:
    liaisons: list[int]
    counsellor_pick: _Pick[int]


@dataclass
class _Batch:
    """Rows for one slice of victims, in the order the foreign keys need."""

    victims: list[Row] = field(default_factory=list)
    victim_breaches: list[Row] = field(default_factory=list)
    identity_codes: list[Row] = field(default_factory=list)
    cases: list[Row] = field(default_factory=list)
    contacts: list[Row] = field(default_factory=list)
    reports: list[Row] = field(default_factory=list)
    sessions: list[Row] = field(default_factory=list)
    follow_ups: list[Row] = field(default_factory=list)
    actions: list[Row] = field(default_factory=list)
    attachments: list[Row] = field(default_factory=list)

    def tables(self) -> list[tuple[Table, list[Row]]]:
        return [
            (_table(Victim), self.victims),
            (victim_breach, self.victim_breaches),
            (_table(IdentityCodeRecord), self.identity_codes),
            (_table(Case), self.cases),
            (_table(ExtortionContact), self.contacts),
            (_table(PoliceReport), self.reports),
            (_table(FollowUp), self.follow_ups),  # before the sessions that plan them
            (_table(SupportSession), self.sessions),
            (_table(ProtectiveAction), self.actions),
            (_table(Attachment), self.attachments),
        ]


# Enumeration values used in the hot loops (an enum's ``.value`` costs a descriptor call).
_DONE = ActionState.DONE.value
_IN_PROGRESS = ActionState.IN_PROGRESS.value
_NOT_STARTED = ActionState.NOT_STARTED.value
_REPEATED_MISUSE = ApplicationGrounds.REPEATED_MISUSE.value
_SAFETY_THREAT = ApplicationGrounds.SAFETY_THREAT.value
_CLOSED = CaseStatus.CLOSED.value
_NEW = CaseStatus.NEW.value
_OPEN = CaseStatus.OPEN.value
_WAITING = CaseStatus.WAITING.value
_BY_EMAIL = Channel.EMAIL.value
_BY_LETTER = Channel.LETTER.value
_BY_OTHER = Channel.OTHER.value
_BY_PHONE = Channel.PHONE.value
_BY_SMS = Channel.SMS.value
_BY_SOCIAL_MEDIA = Channel.SOCIAL_MEDIA.value
_BTC = Currency.BTC.value
_EUR = Currency.EUR.value
_GRANTED = Decision.GRANTED.value
_PENDING = Decision.PENDING.value
_REFUSED = Decision.REFUSED.value
_ENGLISH = Language.ENGLISH.value
_FINNISH = Language.FINNISH.value
_SWEDISH = Language.SWEDISH.value
_ACUTE = RiskLevel.ACUTE.value
_MEDIUM = RiskLevel.MEDIUM.value
_CHAT_SESSION = SessionMode.CHAT.value
_PHONE_SESSION = SessionMode.PHONE.value


def _table(entity: type[Any]) -> Table:
    table = entity.__table__
    assert isinstance(table, Table)
    return table


def _at(day: dt.date, seconds: int) -> dt.datetime:
    """``day`` at ``seconds`` past midnight, UTC."""
    hours, rest = divmod(seconds, 3600)
    return dt.datetime(day.year, day.month, day.day, hours, rest // 60, rest % 60, tzinfo=UTC)


def _office_time(rng: random.Random) -> int:
    """A time of day in office hours (06–16 UTC is 08/09–18/19 in Finland), to the minute."""
    return 6 * 3600 + int(rng.random() * 600) * 60


def _between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A uniformly random day in ``[first, last]`` (``first`` if the range is empty)."""
    span = (last - first).days
    return first if span <= 0 else first + dt.timedelta(days=_ri(rng, 0, span))


class _Generator:
    """Draws the whole caseload from one ``random.Random``, a slice of victims at a time."""

    def __init__(
        self, rng: random.Random, victims: int, today: dt.date, staff: _Staff,
        breach_ids: tuple[int, int],
    ) -> None:
        self.rng = rng
        self.today = today
        self.staff = staff
        self.breach_2018, self.breach_2019 = breach_ids
        self.ids = {name: 0 for name in (
            "identity_code", "contact", "report", "session", "follow_up", "action", "attachment"
        )}
        self.reference_numbers: dict[int, int] = {}
        self.report_numbers: dict[tuple[str, int], int] = {}
        self.used_codes: set[str] = set()
        self.key_cache: dict[str, str] = {}
        self.shared_wallets = _Pick([(_wallet(rng), w) for w in (15, 9, 6, 3, 2)])
        self.finnish_female = _zipf(words.FINNISH_FEMALE)
        self.finnish_male = _zipf(words.FINNISH_MALE)
        self.finnish_last = _zipf(words.FINNISH_LAST, 0.6)
        self.swedish_female = _zipf(words.SWEDISH_FEMALE)
        self.swedish_male = _zipf(words.SWEDISH_MALE)
        self.swedish_last = _zipf(words.SWEDISH_LAST)
        # Case ids are chronological, like an auto-increment key filled over the years.
        self.opened = sorted(self._opened_on() for _ in range(victims))
        attachment_count = max(1, victims // 200)
        self.with_attachment = set(rng.sample(range(1, victims + 1), attachment_count))

    # -- dates ------------------------------------------------------------------------

    def _opened_on(self) -> dt.date:
        rng, today = self.rng, self.today
        r = rng.random()
        if r < 0.03:
            day = _between(rng, _REVEALED, _MASS_EMAIL)
        elif r < 0.64:
            day = _MASS_EMAIL + dt.timedelta(days=int(rng.expovariate(1 / 12)))
            if day > _END_OF_2020:
                day = _between(rng, dt.date(2020, 11, 1), _END_OF_2020)
        elif r < 0.80:
            day = _between(rng, dt.date(2021, 1, 1), dt.date(2021, 12, 31))
        elif r < 0.96:
            day = _between(rng, dt.date(2022, 1, 1), today - dt.timedelta(days=61))
        else:
            day = _between(rng, today - dt.timedelta(days=60), today)
        return min(day, today)

    # -- one slice --------------------------------------------------------------------

    def batch(self, first_id: int, last_id: int) -> _Batch:
        out = _Batch()
        for victim_id in range(first_id, last_id + 1):
            self._victim(out, victim_id)
        return out

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
        first = _ch(rng, group[0] if female else group[1])
        last = _ch(rng, group[2] if female else group[3])
        language = _ENGLISH if rng.random() < 0.8 else _FINNISH
        return first, last, language, True

    def _identity_code(self, birth: dt.date) -> str:
        """A temporary code for ``birth`` that no other demo victim has."""
        rng = self.rng
        for _ in range(1000):
            code = generate_temporary_identity_code(birth, _ri(rng, 900, 999))
            if code not in self.used_codes:
                self.used_codes.add(code)
                return code
        # A birth date has only 100 temporary codes; MAX_VICTIMS keeps them far from used up.
        raise RuntimeError("ran out of temporary identity codes for one birth date")

    def _victim(self, out: _Batch, victim_id: int) -> None:
        rng, today = self.rng, self.today
        opened = self.opened[victim_id - 1]
        opened_at = _at(opened, _office_time(rng))
        first_names, last_name, language, foreign = self._name()
        birth = _between(rng, dt.date(1940, 1, 1), dt.date(2005, 12, 31))
        has_code = not foreign or rng.random() < 0.17
        code = self._identity_code(birth) if has_code else None

        # Contact details.
        if language == _SWEDISH and rng.random() < 0.3:
            phone: str | None = _fiction_phone(rng, words.SWEDISH_FICTION_MOBILE)
        else:
            phone = _fiction_phone(rng, _VICTIM_PHONES(rng)) if rng.random() < 0.93 else None
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
        street = (
            f"{_ch(rng, words.STREET_STEMS)}{_ch(rng, words.STREET_SUFFIXES)} {_ri(rng, 1, 60)}"
            + (f" {_ch(rng, 'ABCDEF')} {_ri(rng, 1, 40)}" if rng.random() < 0.6 else "")
        )
        country = "FI" if not foreign or rng.random() < 0.85 else _ch(rng, ("SE", "EE", "GB"))
        consent = rng.random() < 0.93
        out.victims.append(
            {
                "id": victim_id,
                "first_names": first_names,
                "last_name": last_name,
                "search_first_names": self._key(first_names),
                "search_last_name": self._key(last_name),
                "search_full_name": full_name_key(first_names, last_name),
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
                    _ch(rng, words.SAFE_CONTACT_NOTES) if rng.random() < 0.1 else ""
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
        closed_on = _between(rng, opened + dt.timedelta(days=7), today) if closed else None
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
                "risk_reason": _ch(rng, words.RISK_REASONS[risk]),
                "opened_on": opened,
                "closed_on": closed_on,
                "version": 1,
                "created_at": opened_at,
                "updated_at": _at(end, _office_time(rng)) if closed else opened_at,
            }
        )

        # Identity code history, and the odd granted code change.
        change_on: dt.date | None = None
        if code is not None:
            if days_open > 150 and rng.random() < 0.005:
                change_on = opened + dt.timedelta(days=_ri(rng, 90, min(days_open - 1, 700)))
            if change_on is not None and change_on <= end:
                new_code = self._identity_code(birth)
                change_at = _at(change_on, _office_time(rng))
                self._identity_record(out, victim_id, code, opened_at, change_at,
                                      "Replaced by a new code granted by DVV")
                self._identity_record(out, victim_id, new_code, change_at, None, "")
                out.victims[-1]["identity_code"] = new_code
            else:
                change_on = None
                self._identity_record(out, victim_id, code, opened_at, None, "")

        self._contacts_and_reports(
            out, case_id, victim_id, first_names, language, email_address, opened_at, counsellor
        )
        self._sessions_and_follow_ups(out, case_id, status, opened_at, end, counsellor)
        self._protective_actions(out, case_id, opened, end, closed, code is not None, change_on)

    def _identity_record(
        self, out: _Batch, victim_id: int, code: str, valid_from: dt.datetime,
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

    # -- extortion contacts and police reports ----------------------------------------

    def _contact_times(self, count: int) -> list[dt.datetime]:
        rng, today = self.rng, self.today
        r = rng.random()
        if r < 0.05:
            first_day = _between(rng, _REVEALED, _MASS_EMAIL - dt.timedelta(days=1))
        elif r < 0.90:
            first_day = _MASS_EMAIL + dt.timedelta(days=rng.random() < 0.3)
        else:
            first_day = _between(rng, dt.date(2020, 10, 26), dt.date(2020, 11, 30))
        moment = _at(first_day, int(rng.random() * 86400))
        times = [moment]
        for _ in range(count - 1):
            if rng.random() < 0.1:
                later = _between(rng, dt.date(2021, 1, 1), min(today, dt.date(2023, 12, 31)))
                moment = max(moment, _at(later, int(rng.random() * 86400)))
            else:
                moment += dt.timedelta(seconds=int(rng.expovariate(1 / (3 * 86400))) + 600)
            times.append(moment)
        last_allowed = _at(today, 0)
        return [min(t, last_allowed) for t in times]

    def _contacts_and_reports(
        self, out: _Batch, case_id: int, victim_id: int, first_names: str, language: str,
        victim_email: str | None, opened_at: dt.datetime, counsellor: int | None,
    ) -> None:
        rng = self.rng
        roll = rng.random()
        count = (
            0 if roll < 0.08 else 1 if roll < 0.63 else 2 if roll < 0.85 else 3 if roll < 0.94
            else 4 if roll < 0.98 else _ri(rng, 5, 8)
        )
        if count == 0 and victim_id in self.with_attachment:
            count = 1
        times = self._contact_times(count) if count else []

        # Police reports: most victims with a contact filed one, a few without did too.
        filed: list[dt.date] = []
        if times and rng.random() < 0.65:
            filed.append(min(self.today, times[0].date() + dt.timedelta(
                days=int(rng.expovariate(1 / 4)))))
            if rng.random() < 0.03:
                filed.append(min(self.today, filed[0] + dt.timedelta(days=_ri(rng, 20, 200))))
        elif not times and rng.random() < 0.1:
            filed.append(_between(rng, _REVEALED, min(self.today, _END_OF_2020)))
        for filed_on in filed:
            department, department_name = _DEPARTMENTS(rng)
            key = (department, filed_on.year)
            previous = self.report_numbers.get(key)
            number = _ri(rng, 10000, 30000) if previous is None else previous + _ri(rng, 1, 6)
            self.report_numbers[key] = number
            self.ids["report"] += 1
            state = _REPORT_STATES(rng)
            filed_at = _at(filed_on, _office_time(rng))
            recorded_at = max(filed_at, opened_at)
            out.reports.append(
                {
                    "id": self.ids["report"],
                    "case_id": case_id,
                    "report_number": f"{department}/R/{number}/{filed_on.year % 100:02d}",
                    "department": department_name,
                    "filed_on": filed_on,
                    "state": state,
                    "victim_has_copy": rng.random() < 0.8,
                    "version": 1,
                    "created_at": recorded_at,
                    "updated_at": recorded_at,
                }
            )

        first = first_names.split(" ")[0]
        personal_wallet: str | None = None
        for index, received in enumerate(times):
            channel = _CHANNELS(rng)
            copycat = received.date() > _END_OF_2020
            if copycat:
                currency, amount, hours = _COPYCAT_DEMANDS(rng)
            elif (index == 0) == (rng.random() < 0.88):
                currency, amount, hours = _EUR, _EUR_200, 24
            else:
                currency, amount, hours = _EUR, _EUR_500, 48
            with_amount = channel != _BY_OTHER and not (
                channel == _BY_PHONE and rng.random() < 0.3
            )
            wallet: str | None = None
            if with_amount and channel != _BY_PHONE:
                if rng.random() < 0.35:
                    wallet = self.shared_wallets(rng)
                else:
                    if personal_wallet is None:
                        personal_wallet = _wallet(rng)
                    wallet = personal_wallet
            deadline = received + dt.timedelta(hours=hours) if with_amount else None
            finnish = language != _ENGLISH and rng.random() < 0.85
            in_bitcoin = with_amount and currency != _BTC
            fields = {
                "first": first,
                "amount": _amount_text(amount, currency, finnish) if with_amount else "",
                "in_bitcoin_fi": " bitcoineina" if in_bitcoin else "",
                "in_bitcoin_en": " in bitcoin" if in_bitcoin else "",
                "hours": hours,
                "deadline": (
                    (_deadline_fi if finnish else _deadline_en)(deadline) if deadline else ""
                ),
                "wallet": wallet or "",
            }
            if channel == _BY_EMAIL:
                sender = (
                    _SHARED_SENDERS(rng) if rng.random() < 0.7
                    else "".join(_ch(rng, _TOKEN_ALPHABET) for _ in range(10))
                    + "@" + _ch(rng, words.ONE_OFF_SENDER_DOMAINS)
                )
                template = words.EMAIL_FI if finnish else words.EMAIL_EN
            elif channel in (_BY_SMS, _BY_SOCIAL_MEDIA):
                if channel == _BY_SMS:
                    sender = _fiction_phone(rng, words.SENDER_MOBILES)
                else:
                    token = "".join(_ch(rng, _TOKEN_ALPHABET) for _ in range(8))
                    sender = f"https://social.example/u/{token}"
                template = words.SHORT_FI if finnish else words.SHORT_EN
            elif channel == _BY_LETTER:
                sender = ""
                template = words.LETTER_FI
            elif channel == _BY_PHONE:
                sender = _fiction_phone(rng, words.SENDER_MOBILES)
                template = words.PHONE_FI if with_amount else words.PHONE_NO_AMOUNT_FI
            else:
                sender = ""
                template = words.OTHER_FI
            paid = with_amount and currency == _EUR and rng.random() < 0.032
            handed = bool(filed) and received.date() <= filed[0] and rng.random() < 0.8
            recorded_at = max(opened_at, received + dt.timedelta(minutes=_ri(rng, 30, 4000)))
            self.ids["contact"] += 1
            contact_id = self.ids["contact"]
            message = template.format(**fields)
            out.contacts.append(
                {
                    "id": contact_id,
                    "case_id": case_id,
                    "received_at": received,
                    "channel": channel,
                    "sender": sender,
                    "amount_demanded": amount if with_amount else None,
                    "currency": currency,
                    "wallet_address": wallet,
                    "deadline_at": deadline,
                    "message_text": message,
                    "paid": paid,
                    "amount_paid": amount if paid else None,
                    "handed_to_police": handed,
                    "version": 1,
                    "created_at": recorded_at,
                    "updated_at": recorded_at,
                }
            )
            if index == 0 and victim_id in self.with_attachment:
                self._attachment(out, case_id, contact_id, channel, sender, victim_email,
                                 received, message, recorded_at, counsellor)

    def _attachment(
        self, out: _Batch, case_id: int, contact_id: int, channel: str, sender: str,
        victim_email: str | None, received: dt.datetime, message: str,
        added_at: dt.datetime, counsellor: int | None,
    ) -> None:
        if channel == _BY_EMAIL:
            content = _eml(sender, victim_email, received, message)
            filename = f"extortion-email-{received:%Y%m%d}.eml"
            media_type = "message/rfc822"
        else:
            content = _screenshot_png(self.rng)
            filename = f"screenshot-{received:%Y%m%d}.png"
            media_type = "image/png"
        self.ids["attachment"] += 1
        out.attachments.append(
            {
                "id": self.ids["attachment"],
                "case_id": case_id,
                "extortion_contact_id": contact_id,
                "filename": filename,
                "media_type": media_type,
                "size_bytes": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
                "content": content,
                "added_by_id": counsellor,
                "added_at": added_at,
            }
        )

    # -- support sessions and follow-ups ----------------------------------------------

    def _sessions_and_follow_ups(
        self, out: _Batch, case_id: int, status: str, opened_at: dt.datetime, end: dt.date,
        counsellor: int | None,
    ) -> None:
        rng, today = self.rng, self.today
        rand = rng.random
        staff = self.staff
        opened = opened_at.date()
        span = min((end - opened).days, 730)
        if status == _NEW:
            count = 1 if rand() < 0.6 else 0
        else:
            count = 1 + min(40, int(rng.expovariate(1 / 4.65))) if span >= 1 else 1
        # The intake call opens the case; later calls cluster in the first months.
        moments = [opened_at] if count else []
        days = sorted(1 + int((span - 1) * rand() ** 1.6) for _ in range(count - 1))
        moments.extend(_at(opened + dt.timedelta(days=day), _office_time(rng)) for day in days)

        open_due: list[dt.date] = []
        if status != _CLOSED and rand() < 0.75:
            for _ in range(2 if rand() < 0.1 else 1):
                roll = rand()
                if roll < 0.15:
                    due = today - dt.timedelta(days=1 + int(rng.expovariate(1 / 10)))
                elif roll < 0.19:
                    due = today
                else:
                    due = today + dt.timedelta(days=_ri(rng, 1, 35))
                open_due.append(due)
            open_due.sort()

        sessions = out.sessions
        for index, started in enumerate(moments):
            intake = index == 0
            by = (
                counsellor if counsellor is not None and rand() < 0.85
                else staff.counsellor_pick(rng)
            )
            mode = _PHONE_SESSION if intake and rand() < 0.8 else _MODES(rng)
            if mode == _CHAT_SESSION:
                minutes = _ri(rng, 20, 40)
            elif intake:
                minutes = _ri(rng, 40, 90)
            else:
                minutes = 5 * _ri(rng, 3, 12)
            if rand() < 0.05:
                distress = None
            else:
                mean = 7.0 if intake else 5.0 - min(index, 6) * 0.4
                distress = max(0, min(10, round(rng.gauss(mean, 1.8))))
            ended = started + dt.timedelta(minutes=minutes)
            self.ids["session"] += 1
            sessions.append(
                {
                    "id": self.ids["session"],
                    "case_id": case_id,
                    "counsellor_id": by,
                    "started_at": started,
                    "duration_minutes": minutes,
                    "mode": mode,
                    "notes": _ch(rng, words.SESSION_NOTES),
                    "distress_level": distress,
                    "outcome": _ch(rng, words.OUTCOMES),
                    "referral": _REFERRALS(rng),
                    # The last call planned the first open follow-up (linked below).
                    "follow_up_id": None,
                    "version": 1,
                    "created_at": ended,
                    "updated_at": ended,
                }
            )
            # Many later calls were a follow-up someone had planned: it is done now.
            if not intake and rand() < 0.47:
                planned = max(opened_at, ended - dt.timedelta(days=_ri(rng, 2, 14)))
                self._follow_up(out, case_id, started.date(), by, planned, ended)

        for index, due in enumerate(open_due):
            assignee = counsellor
            task = _ch(rng, words.FOLLOW_UP_TASKS)
            if task == words.LIAISON_TASK and staff.liaisons and rand() < 0.5:
                assignee = _ch(rng, staff.liaisons)
            planned = moments[-1] + dt.timedelta(hours=1) if moments else opened_at
            self._follow_up(out, case_id, due, assignee, planned, None, task)
            if index == 0 and moments:
                sessions[-1]["follow_up_id"] = self.ids["follow_up"]

    def _follow_up(
        self, out: _Batch, case_id: int, due: dt.date, assignee: int | None,
        created: dt.datetime, done_at: dt.datetime | None, task: str | None = None,
    ) -> None:
        self.ids["follow_up"] += 1
        out.follow_ups.append(
            {
                "id": self.ids["follow_up"],
                "case_id": case_id,
                "due_on": due,
                "assignee_id": assignee,
                "description": task or _ch(self.rng, words.FOLLOW_UP_TASKS),
                "done": done_at is not None,
                "done_at": done_at,
                "version": 1,
                "created_at": created,
                "updated_at": done_at or created,
            }
        )

    # -- protective actions -----------------------------------------------------------

    def _protective_actions(
        self, out: _Batch, case_id: int, opened: dt.date, end: dt.date, closed: bool,
        has_code: bool, change_on: dt.date | None,
    ) -> None:
        rng = self.rng
        count = _ri(rng, 0, 3) if (end - opened).days <= 14 else _ri(rng, 2, 7)
        chosen = {kind.code for kind in rng.sample(_ORDINARY_ACTIONS, count)}
        code_change = change_on is not None or (has_code and rng.random() < 0.02)
        if code_change:
            chosen.add("identity_code_change")
        for kind in PROTECTIVE_ACTION_CATALOGUE:
            if kind.code not in chosen:
                continue
            grounds = decision = decision_on = None
            evidence = ""
            expires_on = None
            if kind.code == "identity_code_change":
                grounds = _SAFETY_THREAT if rng.random() < 0.4 else _REPEATED_MISUSE
                evidence = words.CODE_CHANGE_EVIDENCE[grounds]
                if change_on is not None:
                    state = _DONE
                    state_on = change_on - dt.timedelta(days=_ri(rng, 30, 80))
                    state_on = max(state_on, opened)
                    decision, decision_on = _GRANTED, change_on
                else:
                    state_on = _between(rng, opened, end)
                    if rng.random() < 0.6 and not closed:
                        state, decision = _IN_PROGRESS, _PENDING
                    else:
                        state, decision = _DONE, _REFUSED
                        decision_on = _between(rng, state_on, end)
            else:
                state = (_CLOSED_ACTION_STATES if closed else _ACTION_STATES)(rng)
                available = max(opened, _AVAILABLE_FROM.get(kind.code, opened))
                if available > end:
                    state = _NOT_STARTED
                if state == _NOT_STARTED:
                    state_on = None
                else:
                    state_on = available + dt.timedelta(
                        days=min((end - available).days, int(rng.expovariate(1 / 20)))
                    )
                if state == _DONE and kind.validity_days and state_on:
                    expires_on = state_on + dt.timedelta(days=kind.validity_days)
            stamp = _at(state_on or opened, _office_time(rng))
            self.ids["action"] += 1
            out.actions.append(
                {
                    "id": self.ids["action"],
                    "case_id": case_id,
                    "type_code": kind.code,
                    "state": state,
                    "state_on": state_on,
                    "expires_on": expires_on,
                    "note": "",
                    "grounds": grounds,
                    "evidence": evidence,
                    "decision": decision,
                    "decision_on": decision_on,
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )


# ---------------------------------------------------------------------------------------------
# Evidence files
# ---------------------------------------------------------------------------------------------


def _eml(sender: str, recipient: str | None, received: dt.datetime, message: str) -> bytes:
    headers = (
        f"From: {sender}\r\n"
        f"To: {recipient or 'undisclosed-recipients:;'}\r\n"
        "Subject: Tietosi / Your data\r\n"
        f"Date: {email.utils.format_datetime(received)}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return headers.encode("ascii") + message.replace("\n", "\r\n").encode("utf-8") + b"\r\n"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _screenshot_png(rng: random.Random) -> bytes:
    """A tiny greyscale PNG that looks like a phone screenshot of a few lines of text."""
    width, height = 72, 128
    rows = bytearray()
    lines = {y: _ri(rng, 20, width - 6) for y in range(12, height - 8, 9)}
    for y in range(height):
        rows.append(0)  # filter: none
        for band_start, length in lines.items():
            if band_start <= y < band_start + 4:
                rows.extend([60] * length + [250] * (width - length))
                break
        else:
            rows.extend([250] * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


# ---------------------------------------------------------------------------------------------
# The entry point
# ---------------------------------------------------------------------------------------------


def _accounts(victims: int) -> tuple[DemoAccount, ...]:
    counsellors = max(3, victims // 2000)
    liaisons = max(2, victims // 20000)
    accounts: list[DemoAccount] = []

    # Plain names, like real colleagues': the role is shown beside the name where it
    # matters, and the window title says "demo" for the database.
    def display(index: int) -> str:
        name = words.STAFF_NAMES[index % len(words.STAFF_NAMES)]
        initial = words.STAFF_INITIALS[index // len(words.STAFF_NAMES) % len(words.STAFF_INITIALS)]
        return f"{name} {initial}."

    for i in range(counsellors):
        accounts.append(DemoAccount(f"counsellor{i + 1:02d}", display(i), Role.COUNSELLOR))
    for i in range(liaisons):
        accounts.append(
            DemoAccount(f"liaison{i + 1:02d}", display(counsellors + i), Role.POLICE_LIAISON)
        )
    offset = counsellors + liaisons
    accounts.append(DemoAccount("supervisor02", display(offset), Role.SUPERVISOR))
    accounts.append(DemoAccount("admin01", display(offset + 1), Role.ADMINISTRATOR))
    return tuple(accounts)


def demo_accounts(victims: int) -> tuple[DemoAccount, ...]:
    """Every account of a ``--demo`` database: :data:`DEMO_SUPERVISOR` and the seeded ones.

    All of them sign in with :data:`DEMO_PASSWORD`, which passes the password rules for
    each (a test checks it), so the demo can be created like any other database.
    """
    return (DEMO_SUPERVISOR, *_accounts(victims))


def seed_demo(
    database: Database,
    actor: Actor,
    *,
    victims: int,
    seed: int = 1,
    kdf: KdfParams | None = None,
    progress: Callable[[int, int], None] | None = None,
    today: dt.date | None = None,
) -> SeedSummary:
    """Fill an empty database with synthetic demo data and demo staff accounts.

    Everything is written in one unit of work: a failure leaves the database as it was.
    The demo accounts' key slots are added after the data is committed.

    Args:
        database: the open database; it must not hold any victims yet.
        actor: the signed-in supervisor.
        victims: how many victims (and cases) to create, 1 to :data:`MAX_VICTIMS`.
        seed: the random seed; the same seed and ``today`` give the same data.
        kdf: Argon2id settings for the demo accounts' key slots (default: production).
        progress: called now and then with (victims written, victims in all).
        today: the date the data is relative to (follow-ups due today, overdue…);
            defaults to today's local date.

    Returns:
        What was written, the demo accounts (password :data:`DEMO_PASSWORD`) and the time
        it took.

    Raises:
        PermissionDenied: ``actor`` is not a supervisor.
        ValidationError: ``victims`` is out of range.
        DataError: the database already has victims, or already has an account with one
            of the demo usernames.
    """
    started = time.perf_counter()
    require(actor.role, Operation.SEED_DEMO)
    if isinstance(victims, bool) or not isinstance(victims, int):
        raise TypeError("victims must be an int")
    if not 1 <= victims <= MAX_VICTIMS:
        raise ValidationError("Number of victims", f"must be between 1 and {MAX_VICTIMS:,}")
    today = today or local_today()
    if today < _EARLIEST_TODAY:
        raise ValueError("today must be 2021-01-01 or later: the demo timeline starts in 2020")
    rng = random.Random(seed)
    accounts = _accounts(victims)
    counts = dict.fromkeys(
        ("victims", "cases", "extortion_contacts", "police_reports", "support_sessions",
         "follow_ups", "protective_actions", "attachments"), 0
    )
    with database.writing() as db_session:
        if db_session.scalar(select(Victim.id).limit(1)) is not None:
            raise DataError(
                "The database already holds victims; demo data can only be seeded into an "
                "empty database."
            )
        taken = db_session.scalars(
            select(User.username).where(User.username.in_([a.username for a in accounts]))
        ).first()
        if taken is not None:
            raise DataError(
                f"The database already has an account named {taken}; demo data can only be "
                "seeded into a database without demo accounts."
            )
        staff = _insert_staff(db_session, accounts)
        breach_ids = _insert_breaches(db_session)
        generator = _Generator(rng, victims, today, staff, breach_ids)
        cipher = database.field_cipher
        chunk = max(250, min(2000, victims // 40 or 1))
        if progress is not None:
            progress(0, victims)
        for first_id in range(1, victims + 1, chunk):
            last_id = min(victims, first_id + chunk - 1)
            batch = generator.batch(first_id, last_id)
            for table, rows in batch.tables():
                if rows:
                    cipher.seal_rows(table.name, rows)
                    db_session.execute(insert(table), rows)
            counts["victims"] += len(batch.victims)
            counts["cases"] += len(batch.cases)
            counts["extortion_contacts"] += len(batch.contacts)
            counts["police_reports"] += len(batch.reports)
            counts["support_sessions"] += len(batch.sessions)
            counts["follow_ups"] += len(batch.follow_ups)
            counts["protective_actions"] += len(batch.actions)
            counts["attachments"] += len(batch.attachments)
            if progress is not None:
                progress(last_id, victims)
        resync_sequences(db_session)  # ids were given explicitly (PostgreSQL)
        # Marks the database as demo data: the app says so in every window title.
        db_session.merge(Meta(key=DEMO_MARKER, value=f"victims={victims} seed={seed}"))
        database.audit.record(
            db_session, user_id=actor.user_id, action=AuditAction.SEED, entity="database",
            detail=f"victims={victims} seed={seed}",
        )
    for account in accounts:
        database.add_key_slot(account.username, DEMO_PASSWORD, kdf)
    seconds = time.perf_counter() - started
    log.info("seeded %d demo victims in %.1f s", victims, seconds)
    return SeedSummary(**counts, accounts=accounts, seconds=seconds)


def _insert_staff(db_session: Session, accounts: Sequence[DemoAccount]) -> _Staff:
    first_id = (db_session.scalar(select(func.max(User.id))) or 0) + 1
    rows = [
        {
            "id": first_id + i,
            "username": account.username,
            "display_name": account.display_name,
            "role": account.role.value,
            "is_active": True,
            "failed_logins": 0,
            "locked_until": None,
            "last_login_at": None,
            "version": 1,
            "created_at": _SERVICE_START,
            "updated_at": _SERVICE_START,
        }
        for i, account in enumerate(accounts)
    ]
    db_session.execute(insert(_table(User)), rows)
    by_role: dict[Role, list[int]] = {role: [] for role in Role}
    for i, account in enumerate(accounts):
        by_role[account.role].append(first_id + i)
    counsellors = by_role[Role.COUNSELLOR]
    # Uneven caseloads: a few counsellors carry far more than others.
    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(counsellors))]
    return _Staff(
        liaisons=by_role[Role.POLICE_LIAISON],
        counsellor_pick=_Pick(list(zip(counsellors, weights, strict=True))),
    )


def _insert_breaches(db_session: Session) -> tuple[int, int]:
    """The two Vastaamo breaches (reused if someone entered them already)."""
    ids: list[int] = []
    for name, description, occurred_from, occurred_to in words.BREACHES:
        existing = db_session.scalar(select(Breach.id).where(Breach.name == name))
        if existing is None:
            existing = (db_session.scalar(select(func.max(Breach.id))) or 0) + 1
            db_session.execute(
                insert(_table(Breach)),
                [{
                    "id": existing, "name": name, "description": description,
                    "occurred_from": occurred_from, "occurred_to": occurred_to,
                    "revealed_on": _REVEALED, "created_at": _SERVICE_START,
                    "updated_at": _SERVICE_START,
                }],
            )
        ids.append(existing)
    return ids[0], ids[1]


__all__ = [
    "DEMO_KDF", "DEMO_PASSWORD", "DEMO_SUPERVISOR", "MAX_VICTIMS", "DemoAccount",
    "SeedSummary", "demo_accounts", "seed_demo",
]
