"""Turning a form's draft into column values: validation in one pass per entity.

Each function returns the dict of columns to store, or raises ``ValidationError`` naming
the field and the rule. Nothing is written until every field has passed.

Field names are marked with ``N_`` and put into the language in use only when a rule fails
(:func:`_fields_in_words`): an imported list runs :func:`victim_columns` once per row, and
translating a dozen names for each of 40,000 rows would slow it down by two thirds.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import asdict
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

from models.domain import validation as v
from models.domain.base import local_today
from models.domain.dto import (
    CaseDraft,
    ExtortionContactDraft,
    FollowUpDraft,
    PoliceReportDraft,
    ProtectiveActionDraft,
    SupportSessionDraft,
    VictimDraft,
)
from models.domain.enums import (
    ActionState,
    ApplicationGrounds,
    Channel,
    Currency,
    Decision,
    Language,
    PoliceReportState,
    Referral,
    RiskLevel,
    SessionMode,
)
from models.domain.errors import ValidationError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.domain.text import full_name_key, search_key
from models.domain.validation import IdentityCode

NAME_MAX = 200
NOTE_MAX = 20_000
MESSAGE_MAX = 100_000
#: The case's intake note: what was learnt at first contact, a few paragraphs at most.
INTAKE_NOTE_MAX = 4000

P = ParamSpec("P")
R = TypeVar("R")


def _fields_in_words(columns: Callable[P, R]) -> Callable[P, R]:
    """``columns`` with the field name of a ``ValidationError`` it raises translated (the
    names are passed marked with ``N_``; a name already translated stays as it is)."""
    @functools.wraps(columns)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return columns(*args, **kwargs)
        except ValidationError as error:
            raise ValidationError(_(error.field), error.reason) from None

    return checked


def _choice(value: Any, enum: type[StrEnum], field: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        raise ValidationError(field, _("is not one of the allowed values")) from None


def _optional(value: str | None) -> str | None:
    if value is None:
        return None
    stripped = value.strip()
    return stripped or None


def identity_code(value: IdentityCode | str) -> IdentityCode:
    """The one parsed value of an identity code: what a form parsed is taken as it is;
    text (an imported list, a script) is parsed here.

    Raises:
        ValidationError: the text is not a valid identity code.
    """
    return value if isinstance(value, IdentityCode) else v.parse_identity_code(value)


def optional_identity_code(value: IdentityCode | str | None) -> IdentityCode | None:
    """A draft's identity code, if it has one (blank text is none)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return identity_code(value)


def _phone(typed: str, stored: str | None) -> str:
    """A victim's phone number: a new one checked against its numbering plan too."""
    number = v.validate_phone(typed, plan=False)
    return number if number == stored else v.validate_phone(typed)


@_fields_in_words
def victim_columns(draft: VictimDraft, *, today: dt.date | None = None,
                   stored_phone: str | None = None) -> dict[str, Any]:
    """Columns of a victim; the identity code is returned compact under ``identity_code``.

    A new phone number is checked against its country's numbering plan; ``stored_phone``,
    the victim's number as stored (which may predate that check), is kept as it is.
    """
    first = v.validate_text(draft.first_names, field=N_("First names"), max_length=NAME_MAX)
    last = v.validate_text(draft.last_name, field=N_("Last name"), max_length=NAME_MAX)
    code = optional_identity_code(draft.identity_code)
    birth_date = draft.birth_date
    if code is not None:
        if birth_date is None:
            birth_date = code.birth_date
        elif birth_date != code.birth_date:
            raise ValidationError(N_("Date of birth"), _("does not match the identity code"))
    if birth_date is not None:
        v.validate_not_future(birth_date, field=N_("Date of birth"))
    phone = _optional(draft.phone)
    email = _optional(draft.email)
    if draft.consent_date is not None:
        v.validate_not_future(draft.consent_date, field=N_("Consent date"))
    country = (draft.country or "FI").strip().upper()
    if len(country) != 2 or not country.isalpha():
        raise ValidationError(N_("Country"), _("must be a two-letter country code such as FI"))
    return {
        "first_names": first,
        "last_name": last,
        "search_first_names": search_key(first),
        "search_last_name": search_key(last),
        "search_full_name": full_name_key(first, last),
        "identity_code": code.compact if code else None,
        "birth_date": birth_date,
        "phone": _phone(phone, stored_phone) if phone else None,
        "email": v.validate_email(email).lower() if email else None,
        "street_address": v.validate_text(
            draft.street_address, field=N_("Street address"), max_length=200, required=False
        ),
        "postal_code": v.validate_text(
            draft.postal_code, field=N_("Postal code"), max_length=20, required=False
        ),
        "city": v.validate_text(draft.city, field=N_("City"), max_length=100, required=False),
        "country": country,
        "language": _choice(draft.language, Language, N_("Language")),
        "may_leave_voicemail": bool(draft.may_leave_voicemail),
        "may_send_sms": bool(draft.may_send_sms),
        "may_email": bool(draft.may_email),
        "may_send_post": bool(draft.may_send_post),
        "safe_contact_note": v.validate_text(
            draft.safe_contact_note, field=N_("Safe-contact note"), max_length=2000, required=False
        ),
        "consent_given": bool(draft.consent_given),
        "consent_date": draft.consent_date,
    }


@_fields_in_words
def case_columns(draft: CaseDraft) -> dict[str, Any]:
    opened_on = draft.opened_on or local_today()
    v.validate_not_future(opened_on, field=N_("Opened on"))
    return {
        "risk_level": _choice(draft.risk_level, RiskLevel, N_("Risk level")),
        "risk_reason": v.validate_text(
            draft.risk_reason, field=N_("Risk reason"), max_length=2000, required=False
        ),
        "intake_note": v.validate_text(
            draft.intake_note, field=N_("Intake note"), max_length=INTAKE_NOTE_MAX,
            required=False
        ),
        "assigned_to_id": draft.assigned_to_id,
        "opened_on": opened_on,
    }


@_fields_in_words
def extortion_contact_columns(draft: ExtortionContactDraft) -> dict[str, Any]:
    values = asdict(draft)
    values["received_at"] = v.validate_not_future(draft.received_at, field=N_("Received at"))
    values["channel"] = _choice(draft.channel, Channel, N_("Channel"))
    values["currency"] = _choice(draft.currency, Currency, N_("Currency"))
    sender = v.validate_text(draft.sender, field=N_("Sender"), max_length=320, required=False)
    if sender and values["channel"] in (Channel.SMS.value, Channel.PHONE.value):
        # A number is stored in E.164 so the global search finds it however it is typed;
        # a withheld or alphanumeric sender ID is kept as it was written.
        try:
            sender = v.validate_phone(sender, field=N_("Sender"), plan=False)
        except ValidationError:
            pass
    values["sender"] = sender
    places = 8 if values["currency"] == Currency.BTC.value else 2
    if draft.amount_demanded is not None:
        values["amount_demanded"] = v.parse_money(
            draft.amount_demanded, field=N_("Amount demanded"), decimals=places
        )
    wallet = _optional(draft.wallet_address)
    values["wallet_address"] = v.validate_bitcoin_address(wallet) if wallet else None
    if draft.deadline_at is not None and draft.deadline_at < draft.received_at:
        raise ValidationError(N_("Deadline"), _("cannot be before the message was received"))
    values["message_text"] = v.validate_text(
        draft.message_text, field=N_("Message text"), max_length=MESSAGE_MAX, required=False
    )
    if draft.amount_paid is not None:
        if not draft.paid:
            raise ValidationError(
                N_("Amount paid"), _("can only be given when the demand was paid"))
        values["amount_paid"] = v.parse_money(
            draft.amount_paid, field=N_("Amount paid"), decimals=places
        )
    return values


@_fields_in_words
def police_report_columns(draft: PoliceReportDraft) -> dict[str, Any]:
    return {
        "report_number": v.validate_police_report_number(draft.report_number),
        "filed_on": v.validate_not_future(draft.filed_on, field=N_("Filed on")),
        "department": v.validate_text(
            draft.department, field=N_("Police department"), max_length=200, required=False
        ),
        "state": _choice(draft.state, PoliceReportState, N_("Report state")),
        "victim_has_copy": bool(draft.victim_has_copy),
    }


@_fields_in_words
def support_session_columns(draft: SupportSessionDraft) -> dict[str, Any]:
    if not 0 <= draft.duration_minutes <= 1440:
        raise ValidationError(N_("Duration"), _("must be between 0 and 1,440 minutes"))
    if draft.distress_level is not None and not 0 <= draft.distress_level <= 10:
        raise ValidationError(N_("Distress level"), _("must be between 0 and 10"))
    return {
        "started_at": v.validate_not_future(draft.started_at, field=N_("Session start")),
        "duration_minutes": draft.duration_minutes,
        "mode": _choice(draft.mode, SessionMode, N_("Mode")),
        "notes": v.validate_text(
            draft.notes, field=N_("Notes"), max_length=NOTE_MAX, required=False
        ),
        "distress_level": draft.distress_level,
        "outcome": v.validate_text(
            draft.outcome, field=N_("Outcome"), max_length=2000, required=False
        ),
        "referral": _choice(draft.referral, Referral, N_("Referral")),
    }


@_fields_in_words
def protective_action_columns(draft: ProtectiveActionDraft) -> dict[str, Any]:
    if draft.state_on is not None:
        v.validate_not_future(draft.state_on, field=N_("Date"))
    if draft.expires_on is not None and draft.state_on and draft.expires_on < draft.state_on:
        raise ValidationError(N_("Expiry date"), _("cannot be before the date of the step"))
    return {
        "type_code": v.validate_text(draft.type_code, field=N_("Protective action"),
                                     max_length=100),
        "state": _choice(draft.state, ActionState, N_("State")),
        "state_on": draft.state_on,
        "expires_on": draft.expires_on,
        "note": v.validate_text(draft.note, field=N_("Note"), max_length=NOTE_MAX, required=False),
        "grounds": (
            _choice(draft.grounds, ApplicationGrounds, N_("Grounds")) if draft.grounds else None
        ),
        "evidence": v.validate_text(
            draft.evidence, field=N_("Evidence"), max_length=NOTE_MAX, required=False
        ),
        "decision": _choice(draft.decision, Decision, N_("Decision")) if draft.decision else None,
        "decision_on": draft.decision_on,
    }


@_fields_in_words
def follow_up_columns(draft: FollowUpDraft) -> dict[str, Any]:
    return {
        "due_on": draft.due_on,
        "description": v.validate_text(draft.description, field=N_("Description"), max_length=500),
        "assignee_id": draft.assignee_id,
        "done": bool(draft.done),
    }
