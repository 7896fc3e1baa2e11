"""The extortion the demo victims suffered: the messages (e-mail, SMS, letters, calls…)
with their demands, deadlines and Bitcoin wallets, the police reports they filed, and
evidence files (the e-mail itself, or a screenshot) kept with a few of the messages."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import random
import struct
import zlib
from decimal import Decimal

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
)
from models.demo.rows import Batch, Part, Staff, VictimCase
from models.domain.enums import Channel, Currency, Language, PoliceReportState
from models.domain.validation import encode_base58check, encode_segwit_address

# ---------------------------------------------------------------------------------------------
# Bitcoin addresses with valid checksums (the validator's own encoders)
# ---------------------------------------------------------------------------------------------


def random_wallet(rng: random.Random) -> str:
    """A mainnet address for a random 20-byte hash: legacy ``1…`` (Base58Check) one time
    in five, else native segwit ``bc1q…`` (Bech32, witness version 0)."""
    program = rng.getrandbits(160).to_bytes(20, "big")
    if rng.random() < 0.2:
        return encode_base58check(b"\x00" + program)
    return encode_segwit_address("bc", 0, program)


# ---------------------------------------------------------------------------------------------
# Extortion messages
# ---------------------------------------------------------------------------------------------

_SHARED_SENDERS = Pick(words.SHARED_SENDERS)
_TOKEN_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"

_CHANNELS = Pick(
    [
        (Channel.EMAIL.value, 85), (Channel.SMS.value, 6), (Channel.LETTER.value, 2),
        (Channel.PHONE.value, 3), (Channel.SOCIAL_MEDIA.value, 3), (Channel.OTHER.value, 1),
    ]
)
#: Later copycat demands: (currency, amount, hours to the deadline).
_COPYCAT_DEMANDS = Pick(
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


_DEPARTMENTS = Pick(words.DEPARTMENTS)
_REPORT_STATES = Pick(
    [(PoliceReportState.FILED.value, 15), (PoliceReportState.STATEMENT_SUBMITTED.value, 25),
     (PoliceReportState.UNDER_INVESTIGATION.value, 45), (PoliceReportState.CLOSED.value, 15)]
)


# Enumeration values used in the hot loops (an enum's ``.value`` costs a descriptor call).
_BY_EMAIL = Channel.EMAIL.value
_BY_LETTER = Channel.LETTER.value
_BY_OTHER = Channel.OTHER.value
_BY_PHONE = Channel.PHONE.value
_BY_SMS = Channel.SMS.value
_BY_SOCIAL_MEDIA = Channel.SOCIAL_MEDIA.value
_BTC = Currency.BTC.value
_EUR = Currency.EUR.value
_ENGLISH = Language.ENGLISH.value


class Extortion(Part):
    """Draws a victim's extortion contacts, police reports and evidence files."""

    def __init__(
        self, rng: random.Random, today: dt.date, staff: Staff, ids: dict[str, int],
        shared_wallets: Pick[str], with_attachment: set[int],
    ) -> None:
        super().__init__(rng, today, staff, ids)
        #: The few wallets many demands named (the real campaign reused a handful).
        self.shared_wallets = shared_wallets
        #: The victims whose first message is kept as an evidence file.
        self.with_attachment = with_attachment
        self.report_numbers: dict[tuple[str, int], int] = {}

    def _contact_times(self, count: int) -> list[dt.datetime]:
        """When ``count`` messages arrived: the first around the mass e-mail, later ones
        days apart, now and then a copycat's years later."""
        rng, today = self.rng, self.today
        r = rng.random()
        if r < 0.05:
            first_day = between(rng, REVEALED, MASS_EMAIL - dt.timedelta(days=1))
        elif r < 0.90:
            first_day = MASS_EMAIL + dt.timedelta(days=rng.random() < 0.3)
        else:
            first_day = between(rng, dt.date(2020, 10, 26), dt.date(2020, 11, 30))
        moment = at(first_day, int(rng.random() * 86400))
        times = [moment]
        for _ in range(count - 1):
            if rng.random() < 0.1:
                later = between(rng, dt.date(2021, 1, 1), min(today, dt.date(2023, 12, 31)))
                moment = max(moment, at(later, int(rng.random() * 86400)))
            else:
                moment += dt.timedelta(seconds=int(rng.expovariate(1 / (3 * 86400))) + 600)
            times.append(moment)
        last_allowed = at(today, 0)
        return [min(t, last_allowed) for t in times]

    def contacts_and_reports(self, out: Batch, victim: VictimCase) -> None:
        """Draw the messages that reached ``victim`` and the police reports they filed."""
        case_id, victim_id, first_names = victim.case_id, victim.victim_id, victim.first_names
        language, victim_email = victim.language, victim.email
        opened_at, counsellor = victim.opened_at, victim.counsellor
        rng = self.rng
        roll = rng.random()
        count = (
            0 if roll < 0.08 else 1 if roll < 0.63 else 2 if roll < 0.85 else 3 if roll < 0.94
            else 4 if roll < 0.98 else rand_int(rng, 5, 8)
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
                filed.append(min(self.today, filed[0] + dt.timedelta(days=rand_int(rng, 20, 200))))
        elif not times and rng.random() < 0.1:
            filed.append(between(rng, REVEALED, min(self.today, END_OF_2020)))
        for filed_on in filed:
            department, department_name = _DEPARTMENTS(rng)
            key = (department, filed_on.year)
            previous = self.report_numbers.get(key)
            number = (
                rand_int(rng, 10000, 30000) if previous is None else previous + rand_int(rng, 1, 6)
            )
            self.report_numbers[key] = number
            self.ids["report"] += 1
            state = _REPORT_STATES(rng)
            filed_at = at(filed_on, office_time(rng))
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
            copycat = received.date() > END_OF_2020
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
                        personal_wallet = random_wallet(rng)
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
                    else "".join(rand_item(rng, _TOKEN_ALPHABET) for _ in range(10))
                    + "@" + rand_item(rng, words.ONE_OFF_SENDER_DOMAINS)
                )
                template = words.EMAIL_FI if finnish else words.EMAIL_EN
            elif channel in (_BY_SMS, _BY_SOCIAL_MEDIA):
                if channel == _BY_SMS:
                    sender = fiction_phone(rng, words.SENDER_MOBILES)
                else:
                    token = "".join(rand_item(rng, _TOKEN_ALPHABET) for _ in range(8))
                    sender = f"https://social.example/u/{token}"
                template = words.SHORT_FI if finnish else words.SHORT_EN
            elif channel == _BY_LETTER:
                sender = ""
                template = words.LETTER_FI
            elif channel == _BY_PHONE:
                sender = fiction_phone(rng, words.SENDER_MOBILES)
                template = words.PHONE_FI if with_amount else words.PHONE_NO_AMOUNT_FI
            else:
                sender = ""
                template = words.OTHER_FI
            paid = with_amount and currency == _EUR and rng.random() < 0.032
            handed = bool(filed) and received.date() <= filed[0] and rng.random() < 0.8
            recorded_at = max(opened_at, received + dt.timedelta(minutes=rand_int(rng, 30, 4000)))
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
        self, out: Batch, case_id: int, contact_id: int, channel: str, sender: str,
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
    lines = {y: rand_int(rng, 20, width - 6) for y in range(12, height - 8, 9)}
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

