"""The desktop app in the language in use: Qt's catalogs beside the core's gettext ones.

:func:`install` loads, for the language :mod:`models.domain.i18n` speaks, the app's Qt
Linguist catalogs (``resources/i18n/<part>_<language>.qm``, one per folder of ``gui/``, so
each can be translated apart) and Qt's own (``qtbase``: the OK and Cancel of standard
dialogs, the date picker, the context menus of text fields), and sets the default locale,
so Qt's widgets write numbers and dates the Finnish way. Windows made after it speak the
language; windows already open keep theirs (the app switches language only at sign-in).

English is the source language: it needs no catalog of the app's own, only Qt's for the
locale.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from models.domain import i18n
from models.domain.enums import Language

#: Where the compiled Qt catalogs live.
CATALOG_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
#: The folders of gui/, each with its own catalog.
PARTS = ("start", "window", "workspaces", "case", "shared")

#: Each language by its own name (a person finds theirs whatever language the screen is in).
LANGUAGE_NAMES = {
    Language.FINNISH: "Suomi",
    Language.SWEDISH: "Svenska",
    Language.ENGLISH: "English",
}

_QT_LOCALES = {
    Language.FINNISH: QLocale(QLocale.Language.Finnish, QLocale.Country.Finland),
    Language.SWEDISH: QLocale(QLocale.Language.Swedish, QLocale.Country.Finland),
    Language.ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.Finland),
}

_installed: list[QTranslator] = []
_installed_language: Language | None = None


def install(language: Language | None = None) -> Language:
    """Make Qt speak ``language`` (the one in use by default); returns it.

    Safe to call again: the previous language's catalogs are removed first.
    """
    global _installed_language
    language = language or i18n.current()
    if language is _installed_language:
        return language
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(_QT_LOCALES[language])
    if language is not Language.ENGLISH:
        for name, folder in catalogs(language):
            translator = QTranslator()
            if translator.load(name, folder):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
    _installed_language = language
    return language


def catalogs(language: Language) -> list[tuple[str, str]]:
    """The Qt catalogs ``language`` loads, as (name, folder): Qt's own ``qtbase`` and the
    app's, one per folder of gui/ (``suoja check-install`` loads each too)."""
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return [(f"qtbase_{language.value}", qt_folder),
            *((f"{part}_{language.value}", str(CATALOG_DIR)) for part in PARTS)]


def switch_after_sign_in(account: Language | str | None) -> Language:
    """Speak the signed-in account's language (unless ``--lang``/``SUOJA_LANG`` chose one),
    in the core and in Qt; returns the language now in use."""
    return install(i18n.after_sign_in(account))


def loaded_catalogs() -> int:
    """How many Qt catalogs are in use (0 in English)."""
    return len(_installed)
