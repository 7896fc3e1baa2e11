"""Free text (names, notes, descriptions) and sign-in names.

Invisible formatting characters are refused in all of them: the bidirectional controls
(U+202A–U+202E, U+2066–U+2069) that show text in another order than it is stored, the
direction marks, zero-width spaces and joiners, the byte-order mark, soft hyphens, tag
characters (Unicode's format characters, category Cf) and the line and paragraph
separators U+2028/U+2029. They let a name look like another one (a look-alike colleague
or victim) or read reversed in lists and PDFs, and a search never finds what they hide
in. The one exception is the joiner inside an emoji sequence (a family: man, joiner,
woman), which pasted messages carry and which shows as one picture.

Values stored before this rule keep their characters and are shown as stored; saving
such a record again asks for the field to be typed anew.
"""

from __future__ import annotations

import unicodedata

from models.domain.errors import ValidationError
from models.domain.i18n import N_, ngettext
from models.domain.i18n import gettext as _
from models.domain.validation._common import REQUIRED, field_name, require_str

#: Control characters that free text may keep.
_ALLOWED_CONTROLS = frozenset("\n\t")
#: Categories refused: controls, lone surrogates, format characters, line and paragraph
#: separators. Each refused character is then told apart by :func:`_refusal`.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Cf", "Zl", "Zp"})
_ZERO_WIDTH_JOINER = "\u200d"
_EMOJI_PRESENTATION = "\ufe0f"


_USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")


def validate_username(value: str) -> str:
    """A sign-in name: 1–64 of a–z, digits, dot, dash and underscore, stored lower-case.

    Raises:
        ValidationError: anything else (the value is not repeated).
    """
    name = validate_text(value, field=N_("Username"), max_length=64).lower()
    if not set(name) <= _USERNAME_CHARS:
        raise ValidationError(_("Username"),
                              _("may use only a–z, digits, dot, dash and underscore"))
    return name


def validate_text(value: str, *, field: str, max_length: int, required: bool = True) -> str:
    """Check free text: a name, a note, a description.

    Surrounding whitespace is removed and Windows or old Mac line endings (``\\r\\n``,
    ``\\r``) become ``\\n`` first. Newlines and tabs are kept; any other control character
    is refused, as is a lone surrogate (which cannot be stored as UTF-8) and any invisible
    formatting character (bidirectional controls, zero-width characters: see the module).

    Args:
        value: the text as typed.
        field: the field name used in the error message.
        max_length: the most characters (code points) allowed after stripping.
        required: whether empty text is refused; if False, empty text returns ``""``.

    Returns:
        The stripped text.

    Raises:
        ValueError: ``max_length`` is less than 1.
        ValidationError: the text is empty but required, too long, or contains a
            control or invisible formatting character.
    """
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    text = require_str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    field = field_name(field)
    if not text:
        if required:
            raise ValidationError(field, _(REQUIRED))
        return ""
    if len(text) > max_length:
        raise ValidationError(field, ngettext(
            "must be at most {n} character long", "must be at most {n} characters long",
            max_length).format(n=max_length))
    for index, ch in enumerate(text):
        if ch in _ALLOWED_CONTROLS:
            continue
        category = unicodedata.category(ch)
        if category in _REFUSED_CATEGORIES and not _joins_emoji(text, index):
            raise ValidationError(field, _refusal(category))
    return text


def _joins_emoji(text: str, index: int) -> bool:
    """Whether ``text[index]`` is a zero-width joiner between two parts of an emoji."""
    if text[index] != _ZERO_WIDTH_JOINER or not 0 < index < len(text) - 1:
        return False
    before, after = text[index - 1], text[index + 1]
    return (before == _EMOJI_PRESENTATION or unicodedata.category(before) == "So") \
        and unicodedata.category(after) == "So"


def _refusal(category: str) -> str:
    if category in ("Cc", "Cs"):
        return _("must not contain control characters")
    return _("must not contain invisible characters such as direction marks or zero-width "
             "spaces; type the text again instead of pasting it")
