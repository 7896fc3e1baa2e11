"""Password rules: long enough, and not guessable from lists of common or breached ones.

Strength is judged by zxcvbn (Dropbox's estimator, with its lists of common passwords,
names and words), told about Finnish words people reach for and about the account's own
name. On top, the classic breached shape "Word + year + symbol" (``Summer2024!!``) is
refused even when zxcvbn rates it fair, because it is the first thing guessers try.

zxcvbn explains its rating in English only. Its warnings and suggestions are a fixed set,
so each is replaced by Suoja's own translated sentence with the same English words
(:data:`_WARNINGS`, :data:`_SUGGESTIONS`); one that a later zxcvbn adds is left out, and
the reason is then just "is too easy to guess".

The demo databases' password is published (README), so it and close variants of it
(other case, separators, digits for letters, words around it) are refused for every
account except the demo's own: ``--demo`` creates its supervisor inside
:func:`demo_password_allowed`, and the seeded demo accounts' key slots never pass
through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from zxcvbn import zxcvbn

from models.domain.errors import ValidationError
from models.domain.i18n import N_, ngettext
from models.domain.i18n import gettext as _

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

#: The password of every demo account (``models.demo.seed.DEMO_PASSWORD``), published in
#: README.md: never a real account's.
PUBLISHED_DEMO_PASSWORD = "suoja-demo-password"
#: Its letters, as :func:`_letters` leaves them.
_DEMO_LETTERS = "suojademopassword"
#: Digits and symbols people type for letters ("5uoja-dem0-pa55word").
_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t",
                             "@": "a", "$": "s", "!": "i", "|": "l"})
_demo_allowed: ContextVar[bool] = ContextVar("suoja_demo_password_allowed", default=False)

_BREACHED_SHAPE = re.compile(r"^[^\W\d_]+[\W_]?\d{2,4}[\W_]*$")
_FIELD = N_("Password")

#: zxcvbn's warnings (its English exactly) and the reasons Suoja gives for them.
_WARNINGS = {
    "Straight rows of keys are easy to guess.":
        N_("straight rows of keys are easy to guess"),
    "Short keyboard patterns are easy to guess.":
        N_("short keyboard patterns are easy to guess"),
    'Repeats like "aaa" are easy to guess.':
        N_('repeats like "aaa" are easy to guess'),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".':
        N_('repeats like "abcabcabc" are only slightly harder to guess than "abc"'),
    'Sequences like "abc" or "6543" are easy to guess.':
        N_('sequences like "abc" or "6543" are easy to guess'),
    "Recent years are easy to guess.": N_("recent years are easy to guess"),
    "Dates are often easy to guess.": N_("dates are often easy to guess"),
    "This is a top-10 common password.": N_("this is a top-10 common password"),
    "This is a top-100 common password.": N_("this is a top-100 common password"),
    "This is a very common password.": N_("this is a very common password"),
    "This is similar to a commonly used password.":
        N_("this is similar to a commonly used password"),
    "A word by itself is easy to guess.": N_("a word by itself is easy to guess"),
    "Names and surnames by themselves are easy to guess.":
        N_("names and surnames by themselves are easy to guess"),
    "Common names and surnames are easy to guess.":
        N_("common names and surnames are easy to guess"),
}
#: zxcvbn's suggestions (its English exactly) and Suoja's sentences for them.
_SUGGESTIONS = {
    "Use a few words, avoid common phrases.": N_("Use a few words, avoid common phrases."),
    "No need for symbols, digits, or uppercase letters.":
        N_("No need for symbols, digits, or uppercase letters."),
    "Add another word or two. Uncommon words are better.":
        N_("Add another word or two. Uncommon words are better."),
    "Use a longer keyboard pattern with more turns.":
        N_("Use a longer keyboard pattern with more turns."),
    "Avoid repeated words and characters.": N_("Avoid repeated words and characters."),
    "Avoid sequences.": N_("Avoid sequences."),
    "Avoid recent years.": N_("Avoid recent years."),
    "Avoid years that are associated with you.": N_("Avoid years that are associated with you."),
    "Avoid dates and years that are associated with you.":
        N_("Avoid dates and years that are associated with you."),
    "Capitalization doesn't help very much.": N_("Capitalization doesn't help very much."),
    "All-uppercase is almost as easy to guess as all-lowercase.":
        N_("All-uppercase is almost as easy to guess as all-lowercase."),
    "Reversed words aren't much harder to guess.":
        N_("Reversed words aren't much harder to guess."),
    "Predictable substitutions like '@' instead of 'a' don't help very much.":
        N_("Predictable substitutions like '@' instead of 'a' don't help very much."),
}


def check_password(password: str, *, username: str = "", display_name: str = "") -> None:
    """Refuse a weak password with the reason, in one sentence.

    Raises:
        ValidationError: too short, too long, common, breached-looking, or built from the
            account's own name.
    """
    field = _(_FIELD)
    _check_length(field, password)
    if is_published_demo_password(password) and not _demo_allowed.get():
        raise ValidationError(field, _(
            "is the published demo password; choose a password of your own"))
    lowered = password.casefold()
    own = [part.casefold() for part in (username, *display_name.split()) if len(part) >= 3]
    if any(part in lowered for part in own):
        raise ValidationError(field, _("must not contain your username or name"))
    if _BREACHED_SHAPE.match(password):
        raise ValidationError(
            field, _("looks like a word followed by a year or number, the first thing "
                     "attackers try; use several unrelated words instead")
        )
    result = zxcvbn(password[:100], user_inputs=[*LOCAL_WORDS, *own])
    if result["score"] < MIN_SCORE:
        raise ValidationError(field, _weakness(result["feedback"]))


def _check_length(field: str, password: str) -> None:
    """The length rule every password follows (sign-in and PDF alike)."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(field, ngettext(
            "must be at least {n} character long", "must be at least {n} characters long",
            MIN_LENGTH).format(n=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        raise ValidationError(field, ngettext(
            "must be at most {n} character long", "must be at most {n} characters long",
            MAX_LENGTH).format(n=MAX_LENGTH))


def check_pdf_password(password: str) -> None:
    """Refuse a PDF password shorter than :data:`MIN_LENGTH` (or longer than
    :data:`MAX_LENGTH`): the rule both the desktop app and the command line apply.

    A PDF can be attacked offline as often as anyone likes, so its password needs the
    length of a sign-in password; it is not judged by zxcvbn, because it is typically
    made up for one reader and given by another channel.

    Raises:
        ValidationError: too short or too long.
    """
    field = _("PDF password")
    _check_length(field, password)


@contextmanager
def demo_password_allowed() -> Iterator[None]:
    """Let :data:`PUBLISHED_DEMO_PASSWORD` pass :func:`check_password` inside this block:
    only for creating a demo database (``main.py --demo``), never a real account."""
    token = _demo_allowed.set(True)
    try:
        yield
    finally:
        _demo_allowed.reset(token)


def _letters(text: str) -> str:
    """``text``'s letters, case-folded, with look-alike digits and symbols as letters."""
    return "".join(ch for ch in text.casefold().translate(_LOOKALIKES) if ch.isalpha())


def is_published_demo_password(password: str) -> bool:
    """Whether ``password`` is the published demo password or a close variant of it."""
    return _DEMO_LETTERS in _letters(password)


def _weakness(feedback: dict[str, object]) -> str:
    """zxcvbn's warning and first suggestion, as Suoja's own translated reason."""
    warning = _WARNINGS.get(str(feedback.get("warning") or ""))
    reason = _(warning) if warning else _("is too easy to guess")
    suggestions = feedback.get("suggestions")
    first = str(suggestions[0]) if isinstance(suggestions, list) and suggestions else ""
    suggestion = _SUGGESTIONS.get(first)
    return f"{reason}. {_(suggestion)}" if suggestion else f"{reason}."
