"""Every enumerated value Suoja stores, and the protective-action catalogue.

The database has a check constraint for each enumeration below (see ``entities``), so a
value outside these sets can never be saved, whoever writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    COUNSELLOR = "counsellor"
    POLICE_LIAISON = "police_liaison"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


class Language(StrEnum):
    FINNISH = "fi"
    SWEDISH = "sv"
    ENGLISH = "en"


class ErasureReason(StrEnum):
    """Why a victim's personal data was erased (the audit keeps the code, nothing else)."""

    REQUEST = "request"  # the person asked (GDPR art. 17)
    RETENTION = "retention"  # the retention period after closing has passed
    UNLAWFUL = "unlawful"  # it should never have been recorded
    OTHER = "other"


class CaseStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING = "waiting"
    CLOSED = "closed"


class ClosureReason(StrEnum):
    RESOLVED = "resolved"
    REFERRED = "referred"
    DECLINED = "declined"
    UNREACHABLE = "unreachable"
    DUPLICATE = "duplicate"
    OTHER = "other"


class RiskLevel(StrEnum):
    ACUTE = "acute"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    LETTER = "letter"
    PHONE = "phone"
    SOCIAL_MEDIA = "social_media"
    OTHER = "other"


class Currency(StrEnum):
    EUR = "EUR"
    BTC = "BTC"
    USD = "USD"


class PoliceReportState(StrEnum):
    FILED = "filed"
    STATEMENT_SUBMITTED = "statement_submitted"
    UNDER_INVESTIGATION = "under_investigation"
    CLOSED = "closed"


class SessionMode(StrEnum):
    PHONE = "phone"
    IN_PERSON = "in_person"
    VIDEO = "video"
    CHAT = "chat"


class Referral(StrEnum):
    NONE = "none"
    RIKU = "riku"  # Victim Support Finland, 116 006
    PSYCHIATRIC = "psychiatric"
    HEALTH_CENTRE = "health_centre"
    LEGAL_AID = "legal_aid"
    OTHER = "other"


class ActionState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DECLINED = "declined"
    NOT_APPLICABLE = "not_applicable"


class ApplicationGrounds(StrEnum):
    """Grounds for an identity-code change application to DVV (a leak alone is not enough)."""

    REPEATED_MISUSE = "repeated_misuse"
    SAFETY_THREAT = "safety_threat"


class Decision(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    REFUSED = "refused"


class AuditAction(StrEnum):
    INIT = "init"
    LOGIN = "login"
    FAILED_LOGIN = "failed_login"
    LOGOUT = "logout"
    UNLOCK = "unlock"
    VIEW = "view"
    REVEAL = "reveal"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    BACKUP = "backup"
    RESTORE = "restore"
    MIGRATE = "migrate"
    VERIFY = "verify"
    SEED = "seed"
    BREAK_GLASS = "break_glass"
    ERASE = "erase"
    ACCOUNT = "account"


@dataclass(frozen=True)
class ProtectiveActionKind:
    """One line of the protective-action checklist.

    Attributes:
        code: stable identifier stored in the database.
        title: what the counsellor sees.
        guidance: what the step involves, in one or two sentences.
        validity_days: how long the step stays in force once done, if it expires.
        to_victim: what the letter to the victim says of the step, addressed to them
            (``guidance`` is for staff).
        letter_title: the step's name in the letter, where ``title`` (a staff record,
            "Bank notified") would read wrongly.
        advise_all: whether the letter advises the step to every victim; if not, only
            to those whose case records it (eligibility is the counsellor's judgement).
    """

    code: str
    title: str
    guidance: str
    validity_days: int | None = None
    to_victim: str = ""
    letter_title: str = ""
    advise_all: bool = True


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for it
    """Marks a text for the ``core`` catalog without translating it (``models.domain.i18n``
    imports this module, so its own ``N_`` cannot be imported here)."""
    return message


#: The Finnish checklist, in the order a counsellor walks a victim through it.
#: The initial migration copies it into the ``protective_action_type`` table. The titles and
#: guidance are stored in English, as written here, and marked for translation: whoever
#: shows one translates it then (``gettext(title)``).
PROTECTIVE_ACTION_CATALOGUE: tuple[ProtectiveActionKind, ...] = (
    ProtectiveActionKind(
        "credit_ban_positive_register",
        N_("Credit ban (positive credit register)"),
        N_("Free credit ban in the Tax Administration's positive credit register."),
        to_victim=N_("You can set a credit ban free of charge in the Tax Administration's "
                     "positive credit register, so that lenders grant no credit in your "
                     "name."),
    ),
    ProtectiveActionKind(
        "credit_ban_asiakastieto",
        N_("Credit ban at Suomen Asiakastieto"),
        N_("Paid credit ban recorded by Suomen Asiakastieto."),
        validity_days=365,
        to_victim=N_("Suomen Asiakastieto records a credit ban for a fee; lenders who check "
                     "its register then grant no credit in your name."),
    ),
    ProtectiveActionKind(
        "credit_ban_bisnode",
        N_("Credit ban at Bisnode"),
        N_("Paid credit ban recorded by Bisnode (Dun & Bradstreet)."),
        validity_days=365,
        to_victim=N_("Bisnode (Dun & Bradstreet) records a credit ban for a fee; lenders "
                     "who check its register then grant no credit in your name."),
    ),
    ProtectiveActionKind(
        "bank_notified",
        N_("Bank notified"),
        N_("The victim's banks know the identity code leaked and watch for misuse."),
        to_victim=N_("Tell your banks that your identity code has leaked, so that they "
                     "watch for misuse of it."),
        letter_title=N_("Notice to your banks"),
    ),
    ProtectiveActionKind(
        "dvv_disclosure_ban",
        N_("DVV ban on disclosing contact details"),
        N_("Ban on disclosing contact details and moving notifications (Digital and "
           "Population Data Services Agency)."),
        to_victim=N_("The Digital and Population Data Services Agency (DVV) can ban the "
                     "disclosure of your contact details and of your moves."),
    ),
    ProtectiveActionKind(
        "posti_moving_protection",
        N_("Posti moving protection"),
        N_("Posti does not pass on the new address."),
        to_victim=N_("Ask Posti not to pass on your new address when you move."),
    ),
    ProtectiveActionKind(
        "teleoperator_disclosure_ban",
        N_("Teleoperator address-disclosure ban"),
        N_("The phone operator does not disclose the victim's address."),
        to_victim=N_("Ask your phone operator not to disclose your address."),
    ),
    ProtectiveActionKind(
        "prh_registration_ban",
        N_("PRH registration ban"),
        N_("Finnish Patent and Registration Office refuses company registrations in the "
           "victim's name without checks."),
        to_victim=N_("Ask the Finnish Patent and Registration Office (PRH) for a "
                     "registration ban, so that no company is registered in your name "
                     "without checks."),
    ),
    ProtectiveActionKind(
        "new_identity_documents",
        N_("New identity documents"),
        N_("Passport and identity card replaced."),
        to_victim=N_("If copies of your passport or identity card may have leaked, apply "
                     "for new ones at the police."),
    ),
    ProtectiveActionKind(
        "passwords_changed",
        N_("Passwords changed"),
        N_("Passwords of e-mail, bank and other services changed."),
        to_victim=N_("Change the passwords of your e-mail, bank and other services, and "
                     "use a different password for each."),
        letter_title=N_("Password change"),
    ),
    ProtectiveActionKind(
        "identity_code_change",
        N_("Identity-code change application (DVV)"),
        N_("Only for repeated misuse causing significant harm or a threat to safety with a "
           "police threat assessment; a leak alone is not enough. Record grounds, evidence "
           "and decision."),
        to_victim=N_("An application to the Digital and Population Data Services Agency "
                     "(DVV), possible if repeated misuse has caused you significant harm or "
                     "your safety is threatened. We go through it with you."),
        advise_all=False,
    ),
    ProtectiveActionKind(
        "state_treasury_claim",
        N_("State Treasury compensation claim"),
        N_("Compensation from the State Treasury, possible after the court case."),
        to_victim=N_("After the court case you can apply to the State Treasury for "
                     "compensation; we can help you with the application."),
        advise_all=False,
    ),
)


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    """All stored values of an enumeration, in declaration order."""
    return tuple(member.value for member in enum)
