"""The words the PDFs print for stored values: a case's status, a risk level, a channel…

Each function gives a table from stored values (which are never translated) to their
words in the language in use, looked up when a page is drawn. The words are marked with a
context (``pgettext``), since one English word can be two Finnish ones ("closed" case,
"closed" investigation).
"""

from __future__ import annotations

from collections.abc import Mapping

from models.domain.i18n import gettext, pgettext


def statuses() -> dict[str, str]:
    return {
        "new": pgettext("case status", "new"),
        "open": pgettext("case status", "open"),
        "waiting": pgettext("case status", "waiting"),
        "closed": pgettext("case status", "closed"),
    }


def closure_reasons() -> dict[str, str]:
    return {
        "resolved": pgettext("closure reason", "resolved"),
        "referred": pgettext("closure reason", "referred"),
        "declined": pgettext("closure reason", "declined"),
        "unreachable": pgettext("closure reason", "unreachable"),
        "duplicate": pgettext("closure reason", "duplicate"),
        "other": pgettext("closure reason", "other"),
    }


def risk_levels() -> dict[str, str]:
    return {
        "acute": pgettext("risk level", "acute"),
        "high": pgettext("risk level", "high"),
        "medium": pgettext("risk level", "medium"),
        "low": pgettext("risk level", "low"),
    }


def channels() -> dict[str, str]:
    return {
        "email": pgettext("channel", "e-mail"),
        "sms": pgettext("channel", "SMS"),
        "letter": pgettext("channel", "letter"),
        "phone": pgettext("channel", "phone"),
        "social_media": pgettext("channel", "social media"),
        "other": pgettext("channel", "other"),
    }


def report_states() -> dict[str, str]:
    return {
        "filed": pgettext("police report state", "filed"),
        "statement_submitted": pgettext("police report state", "statement form submitted"),
        "under_investigation": pgettext("police report state", "under investigation"),
        "closed": pgettext("police report state", "closed"),
    }


def modes() -> dict[str, str]:
    return {
        "phone": pgettext("session mode", "phone"),
        "in_person": pgettext("session mode", "in person"),
        "video": pgettext("session mode", "video"),
        "chat": pgettext("session mode", "chat"),
    }


def referrals() -> dict[str, str]:
    return {
        "none": "",
        "riku": pgettext("referral", "Victim Support Finland (RIKU, 116 006)"),
        "psychiatric": pgettext("referral", "psychiatric care"),
        "health_centre": pgettext("referral", "health centre"),
        "legal_aid": pgettext("referral", "legal aid"),
        "other": pgettext("referral", "other"),
    }


def action_states() -> dict[str, str]:
    return {
        "not_started": pgettext("protective action state", "not started"),
        "in_progress": pgettext("protective action state", "in progress"),
        "done": pgettext("protective action state", "done"),
        "declined": pgettext("protective action state", "declined"),
        "not_applicable": pgettext("protective action state", "not applicable"),
    }


def grounds() -> dict[str, str]:
    return {
        "repeated_misuse": pgettext("identity-code change grounds",
                                    "repeated misuse causing significant harm"),
        "safety_threat": pgettext("identity-code change grounds",
                                  "threat to safety (police threat assessment)"),
    }


def decisions() -> dict[str, str]:
    return {
        "pending": pgettext("decision", "pending"),
        "granted": pgettext("decision", "granted"),
        "refused": pgettext("decision", "refused"),
    }


def languages() -> dict[str, str]:
    return {
        "fi": pgettext("language", "Finnish"),
        "sv": pgettext("language", "Swedish"),
        "en": pgettext("language", "English"),
    }


def action_titles() -> dict[str, str]:
    """The protective-action checklist's titles by code (the titles of
    :data:`models.domain.enums.PROTECTIVE_ACTION_CATALOGUE`)."""
    return {
        "credit_ban_positive_register": pgettext(
            "protective action", "Credit ban (positive credit register)"),
        "credit_ban_asiakastieto": pgettext(
            "protective action", "Credit ban at Suomen Asiakastieto"),
        "credit_ban_bisnode": pgettext("protective action", "Credit ban at Bisnode"),
        "bank_notified": pgettext("protective action", "Bank notified"),
        "dvv_disclosure_ban": pgettext(
            "protective action", "DVV ban on disclosing contact details"),
        "posti_moving_protection": pgettext("protective action", "Posti moving protection"),
        "teleoperator_disclosure_ban": pgettext(
            "protective action", "Teleoperator address-disclosure ban"),
        "prh_registration_ban": pgettext("protective action", "PRH registration ban"),
        "new_identity_documents": pgettext("protective action", "New identity documents"),
        "passwords_changed": pgettext("protective action", "Passwords changed"),
        "identity_code_change": pgettext(
            "protective action", "Identity-code change application (DVV)"),
        "state_treasury_claim": pgettext(
            "protective action", "State Treasury compensation claim"),
    }


def label(value: str | None, labels: Mapping[str, str] | None = None) -> str:
    """A stored value as words (``"social_media"`` → "social media"), from ``labels``
    (one of the tables above) when it knows the value, else with underscores as spaces."""
    if not value:
        return ""
    if labels and value in labels:
        return labels[value]
    return value.replace("_", " ")


def yes_no(value: bool) -> str:
    """"yes" or "no", in the language in use."""
    return gettext("yes") if value else gettext("no")
