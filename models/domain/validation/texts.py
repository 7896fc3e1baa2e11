"""Free text (names, notes, descriptions) and sign-in names."""

from __future__ import annotations

import unicodedata

from models.domain.errors import ValidationError
from models.domain.i18n import N_, ngettext
from models.domain.i18n import gettext as _
from models.domain.validation._common import REQUIRED, field_name, require_str

#: Control characters that free text may keep.
_ALLOWED_CONTROLS = frozenset("\n\t")


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
    is refused, as is a lone surrogate (which cannot be stored as UTF-8).

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
            control character.
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
    for ch in text:
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs"):
            raise ValidationError(field, _("must not contain control characters"))
    return text
