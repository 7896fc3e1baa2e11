"""How stored values are named on screen ("sms" → "Text message"), translatable, in one place.

Every kind of stored value (a channel, a session's mode, a case's status…) has its names
in :data:`_LABELS`; :func:`label` names one value, :func:`options` offers all of a kind
for a combo box. The short functions below name the kinds the lists and filters use.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.domain.formatting import count_text

#: kind → stored value → its name on screen, in the order a choice offers them.
_LABELS: dict[str, dict[str, str]] = {
    "channel": {
        "email": QT_TRANSLATE_NOOP("labels", "E-mail"),
        "sms": QT_TRANSLATE_NOOP("labels", "Text message"),
        "letter": QT_TRANSLATE_NOOP("labels", "Letter"),
        "phone": QT_TRANSLATE_NOOP("labels", "Phone call"),
        "social_media": QT_TRANSLATE_NOOP("labels", "Social media"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    "currency": {
        "EUR": QT_TRANSLATE_NOOP("labels", "Euro (€)"),
        "BTC": QT_TRANSLATE_NOOP("labels", "Bitcoin (BTC)"),
        "USD": QT_TRANSLATE_NOOP("labels", "US dollar (USD)"),
    },
    "report_state": {
        "filed": QT_TRANSLATE_NOOP("labels", "Filed"),
        "statement_submitted": QT_TRANSLATE_NOOP("labels", "Statement form submitted"),
        "under_investigation": QT_TRANSLATE_NOOP("labels", "Under investigation"),
        "closed": QT_TRANSLATE_NOOP("labels", "Closed"),  # a report's own word: see label()
    },
    "mode": {
        "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
        "in_person": QT_TRANSLATE_NOOP("labels", "In person"),
        "video": QT_TRANSLATE_NOOP("labels", "Video"),
        "chat": QT_TRANSLATE_NOOP("labels", "Chat"),
    },
    "referral": {
        "none": QT_TRANSLATE_NOOP("labels", "No referral"),
        "riku": QT_TRANSLATE_NOOP("labels", "Victim Support Finland (RIKU, 116 006)"),
        "psychiatric": QT_TRANSLATE_NOOP("labels", "Psychiatric care"),
        "health_centre": QT_TRANSLATE_NOOP("labels", "Health centre"),
        "legal_aid": QT_TRANSLATE_NOOP("labels", "Legal aid"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    "action_state": {
        "not_started": QT_TRANSLATE_NOOP("labels", "Not started"),
        "in_progress": QT_TRANSLATE_NOOP("labels", "In progress"),
        "done": QT_TRANSLATE_NOOP("labels", "Done"),
        "declined": QT_TRANSLATE_NOOP("labels", "Declined by the victim"),
        "not_applicable": QT_TRANSLATE_NOOP("labels", "Not applicable"),
    },
    "grounds": {
        "repeated_misuse": QT_TRANSLATE_NOOP("labels", "Repeated misuse causing significant harm"),
        "safety_threat": QT_TRANSLATE_NOOP("labels", "Threat to safety (police threat assessment)"),
    },
    "decision": {
        "pending": QT_TRANSLATE_NOOP("labels", "Pending"),
        "granted": QT_TRANSLATE_NOOP("labels", "Granted"),
        "refused": QT_TRANSLATE_NOOP("labels", "Refused"),
    },
    "risk_level": {  # the level alone: lists, filters, choices
        "acute": QT_TRANSLATE_NOOP("labels", "Acute"),
        "high": QT_TRANSLATE_NOOP("labels", "High"),
        "medium": QT_TRANSLATE_NOOP("labels", "Medium"),
        "low": QT_TRANSLATE_NOOP("labels", "Low"),
    },
    "risk": {  # a case's risk, standing alone (the case view's chip, the case form)
        "acute": QT_TRANSLATE_NOOP("labels", "Acute risk"),
        "high": QT_TRANSLATE_NOOP("labels", "High risk"),
        "medium": QT_TRANSLATE_NOOP("labels", "Medium risk"),
        "low": QT_TRANSLATE_NOOP("labels", "Low risk"),
    },
    "status": {
        "new": QT_TRANSLATE_NOOP("labels", "New"),
        "open": QT_TRANSLATE_NOOP("labels", "Open"),
        "waiting": QT_TRANSLATE_NOOP("labels", "Waiting"),
        "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    },
    "closure": {
        "resolved": QT_TRANSLATE_NOOP("labels", "Resolved"),
        "referred": QT_TRANSLATE_NOOP("labels", "Referred elsewhere"),
        "declined": QT_TRANSLATE_NOOP("labels", "Victim declined help"),
        "unreachable": QT_TRANSLATE_NOOP("labels", "Victim unreachable"),
        "duplicate": QT_TRANSLATE_NOOP("labels", "Duplicate case"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    "language": {
        "fi": QT_TRANSLATE_NOOP("labels", "Finnish"),
        "sv": QT_TRANSLATE_NOOP("labels", "Swedish"),
        "en": QT_TRANSLATE_NOOP("labels", "English"),
    },
    "role": {  # as a title ("Kaisa (Counsellor)")
        "counsellor": QT_TRANSLATE_NOOP("labels", "Counsellor"),
        "police_liaison": QT_TRANSLATE_NOOP("labels", "Police liaison"),
        "supervisor": QT_TRANSLATE_NOOP("labels", "Supervisor"),
        "administrator": QT_TRANSLATE_NOOP("labels", "Administrator"),
    },
    "role_in_text": {  # inside a sentence ("signed in as counsellor")
        "counsellor": QT_TRANSLATE_NOOP("labels", "counsellor"),
        "police_liaison": QT_TRANSLATE_NOOP("labels", "police liaison"),
        "supervisor": QT_TRANSLATE_NOOP("labels", "supervisor"),
        "administrator": QT_TRANSLATE_NOOP("labels", "administrator"),
    },
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def label(kind: str, value: object) -> str:
    """The translated display text of a stored value (``label("channel", "sms")``); an
    unknown value shows as it is stored, ``None`` as nothing."""
    if value is None:
        return ""
    if kind == "report_state" and str(value) == "closed":
        # "Closed" is a case's status too; Finnish and Swedish name a report's otherwise.
        return QCoreApplication.translate("labels", "Closed", "police report")
    text = _LABELS[kind].get(str(value))
    return _tr(text) if text else str(value)


def options(kind: str) -> list[tuple[str, str]]:
    """(display text, stored value) pairs for a combo box, in declaration order."""
    return [(label(kind, value), value) for value in _LABELS[kind]]


def status_label(value: str) -> str:
    return label("status", value)


def risk_label(value: str) -> str:
    return label("risk_level", value)


def language_label(value: str) -> str:
    return label("language", value)


def role_label(value: str) -> str:
    """A role as named inside a sentence (an unknown one with spaces for underscores)."""
    text = _LABELS["role_in_text"].get(value)
    return _tr(text) if text else value.replace("_", " ")


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("labels", "Yes")
    return QCoreApplication.translate("labels", "No")


def one_full_stop(sentence: str) -> str:
    """``sentence`` without the doubled full stop a name ending in one ("Eero K.") makes
    at its end ("…assigned to Eero K..")."""
    return sentence[:-1] if sentence.endswith("..") and not sentence.endswith("...") \
        else sentence


def plural(count: int, one: str, other: str, **values: object) -> str:
    """``one`` when ``count`` is 1, else ``other``, with ``{n}`` and ``values`` filled in.

    Both forms are passed translated (``self.tr("{n} case")``, ``self.tr("{n} cases")``):
    English, Finnish and Swedish all have exactly these two forms, so "1 cases" never shows.
    """
    return (one if count == 1 else other).format(n=count_text(count), **values)
