"""The language Suoja speaks, and the translations of the Qt-free core and the command line.

Suoja speaks Finnish, Swedish or English (:class:`~models.domain.enums.Language`). Which one
(:func:`choose`): ``--lang``, else the ``SUOJA_LANG`` environment variable, else the signed-in
account's preferred language, else the system locale's language if it is one of the three,
else Finnish. :func:`use` sets it for the process; everything shown after that follows it:
these gettext catalogs (the core's messages, the command line's, the PDFs') and, in the
desktop app, Qt's catalogs (:mod:`gui.shared.i18n`), and the formats of
:mod:`models.domain.formatting`.

Messages are marked where they are written::

    from models.domain.i18n import gettext as _, ngettext
    raise DataError(_("The database is damaged."))

and translated at that moment, in the language in use. A message kept in a table at import
time is marked with :func:`N_` and translated where it is shown, with :func:`gettext`.

The catalogs are ``resources/locale/<language>/LC_MESSAGES/<domain>.po``, one domain per
part of the code (``core``, ``services``, ``pdf``, ``cli``), compiled to ``.mo`` files
committed beside them; ``python -m tests.catalogs update`` extracts the strings,
``compile`` compiles them.
English is the source language: it has no catalog.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import locale
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from models.domain.enums import Language
from models.domain.errors import UsageError

__all__ = [
    "DOMAINS",
    "LOCALE_DIR",
    "N_",
    "babel_locale",
    "choose",
    "current",
    "gettext",
    "ngettext",
    "override",
    "parse_language",
    "pgettext",
    "speaking",
    "use",
]

#: Where the gettext catalogs live.
LOCALE_DIR = Path(__file__).resolve().parents[2] / "resources" / "locale"
#: The gettext domains, one per part of the code (each its own catalog, so they can be
#: translated apart), and the folders each is extracted from.
DOMAINS: Mapping[str, tuple[str, ...]] = {
    "core": ("models/domain", "models/security", "models/storage"),
    "services": ("models/services", "models/demo", "models/installation.py"),
    "pdf": ("models/pdf",),
    "cli": ("cli", "main.py"),
}
#: The environment variable that chooses the language for one run.
ENVIRONMENT_VARIABLE = "SUOJA_LANG"

#: The Babel locale each language formats numbers with: Finland's conventions in all three.
_BABEL_LOCALES = {
    Language.FINNISH: "fi_FI",
    Language.SWEDISH: "sv_FI",
    Language.ENGLISH: "en_FI",
}

_current = Language.FINNISH
_override: Language | None = None
_catalogs: dict[Language, _gettext.NullTranslations] = {}


def parse_language(text: str) -> Language:
    """``fi``, ``sv`` or ``en`` (also ``fi_FI``, ``sv-FI``, ``FI``…) as a :class:`Language`.

    Raises:
        UsageError: another language.
    """
    code = text.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    try:
        return Language(code)
    except ValueError:
        raise UsageError(gettext(
            "Suoja speaks Finnish (fi), Swedish (sv) and English (en), not “{language}”."
        ).format(language=text.strip()[:20])) from None


def _system_language() -> Language | None:
    """The system locale's language, if Suoja speaks it."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            break
    else:
        value = locale.getlocale()[0] or ""
    if not value or value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
        return None
    try:
        return parse_language(value)
    except UsageError:
        return None


def override(requested: str | None,
             environment: Mapping[str, str] | None = None) -> Language | None:
    """The language chosen for this run: ``--lang``, else ``SUOJA_LANG``; ``None`` if neither.

    Raises:
        UsageError: either names a language Suoja does not speak.
    """
    if requested:
        return parse_language(requested)
    value = (os.environ if environment is None else environment).get(ENVIRONMENT_VARIABLE, "")
    return parse_language(value) if value.strip() else None


def choose(requested: Language | None, account: Language | str | None = None) -> Language:
    """The language to speak: the run's override, the account's, the system's, Finnish."""
    if requested is not None:
        return requested
    if account:
        try:
            return Language(account)
        except ValueError:
            pass
    return _system_language() or Language.FINNISH


def use(language: Language, *, overridden: bool | None = None) -> None:
    """Speak ``language`` from now on; ``overridden`` says whether the run chose it
    (``--lang`` or ``SUOJA_LANG``), so an account's preference does not replace it."""
    global _current, _override
    _current = Language(language)
    if overridden is not None:
        _override = _current if overridden else None


def current() -> Language:
    """The language in use."""
    return _current


@contextlib.contextmanager
def speaking(language: Language | str | None) -> Iterator[Language]:
    """Speak ``language`` inside the ``with`` block (a letter in the victim's language),
    then the language spoken before; ``None`` keeps the language in use."""
    global _current
    before = _current
    _current = Language(language) if language else before
    try:
        yield _current
    finally:
        _current = before


def run_override() -> Language | None:
    """The language ``--lang`` or ``SUOJA_LANG`` chose for this run, if any."""
    return _override


def after_sign_in(account: Language | str | None) -> Language:
    """Speak the signed-in account's language unless the run chose one; the language now."""
    use(choose(_override, account))
    return _current


def babel_locale(language: Language | None = None) -> str:
    """The Babel locale to format numbers and dates with (``fi_FI``, ``sv_FI``, ``en_FI``)."""
    return _BABEL_LOCALES[language or _current]


def _catalog(language: Language) -> _gettext.NullTranslations:
    catalog = _catalogs.get(language)
    if catalog is None:
        catalog = _gettext.NullTranslations()
        if language is not Language.ENGLISH:
            for domain in DOMAINS:
                part = _gettext.translation(domain, LOCALE_DIR, [language.value], fallback=True)
                catalog.add_fallback(part)
        _catalogs[language] = catalog
    return catalog


def gettext(message: str) -> str:
    """``message`` in the language in use (itself when no translation is known)."""
    return _catalog(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that counts ``n`` things, in the language in use."""
    return _catalog(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (one English word, two Finnish ones)."""
    return _catalog(_current).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for it
    """Marks ``message`` for translation without translating it (translate where shown)."""
    return message
