"""Password rules: long enough, and not guessable from lists of common or breached ones.

Strength is judged by zxcvbn (Dropbox's estimator, with its lists of common passwords,
names and words), told about Finnish words people reach for and about the account's own
name. On top, the classic breached shape "Word + year + symbol" (``Summer2024!!``) is
refused even when zxcvbn rates it fair, because it is the first thing guessers try.
"""

from __future__ import annotations

import re

from zxcvbn import zxcvbn

from models.domain.errors import ValidationError

MIN_LENGTH = 12
MAX_LENGTH = 1024
MIN_SCORE = 3  # zxcvbn: 0 too guessable … 4 very unguessable

#: Words zxcvbn's English lists miss but Finnish users pick (and this app's own names).
LOCAL_WORDS = (
    "suoja", "vastaamo", "salasana", "kissa", "koira", "perkele", "kesä", "talvi", "syksy",
    "kevät", "helsinki", "espoo", "tampere", "turku", "oulu", "suomi", "finland", "sisu",
    "hyvää", "päivää", "moikka", "terve", "rakkaus", "kultaseni", "muumi", "joulu",
    "kriisi", "kriisikeskus", "terapia", "poliisi",
)

_BREACHED_SHAPE = re.compile(r"^[^\W\d_]+[\W_]?\d{2,4}[\W_]*$")
_FIELD = "Password"


def check_password(password: str, *, username: str = "", display_name: str = "") -> None:
    """Refuse a weak password with the reason, in one sentence.

    Raises:
        ValidationError: too short, too long, common, breached-looking, or built from the
            account's own name.
    """
    if len(password) < MIN_LENGTH:
        raise ValidationError(_FIELD, f"must be at least {MIN_LENGTH} characters long")
    if len(password) > MAX_LENGTH:
        raise ValidationError(_FIELD, f"must be at most {MAX_LENGTH} characters long")
    lowered = password.casefold()
    own = [part.casefold() for part in (username, *display_name.split()) if len(part) >= 3]
    if any(part in lowered for part in own):
        raise ValidationError(_FIELD, "must not contain your username or name")
    if _BREACHED_SHAPE.match(password):
        raise ValidationError(
            _FIELD, "looks like a word followed by a year or number, the first thing "
            "attackers try; use several unrelated words instead"
        )
    result = zxcvbn(password[:100], user_inputs=[*LOCAL_WORDS, *own])
    if result["score"] < MIN_SCORE:
        warning = result["feedback"]["warning"] or "is too easy to guess"
        suggestion = " ".join(result["feedback"]["suggestions"][:1])
        reason = warning.rstrip(".")
        reason = reason[0].lower() + reason[1:] if reason else "is too easy to guess"
        raise ValidationError(_FIELD, f"{reason}. {suggestion}".strip())
