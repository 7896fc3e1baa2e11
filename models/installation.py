"""Is this installation complete? What ``suoja check-install`` asks of the core.

An IT department rolling Suoja out (the standalone build or the package) runs the check
on each workstation; CI runs it on the standalone build, so a missing library, font,
catalog or migration fails the build's smoke test. Each check opens the real thing (keys
an in-memory SQLCipher database, loads the fonts, parses every catalog) rather than
looking for a file name. Nothing here touches a database file or anything personal.

The desktop app's checks (Qt's plugins and catalogs) are in ``gui.start.installation``.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from models.domain import i18n
from models.domain.enums import Language
from models.domain.errors import DataError, KnownError
from models.domain.i18n import gettext as _


@dataclass(frozen=True)
class Check:
    """One part of the installation and what was found.

    Attributes:
        part: what was checked ("SQLCipher", "Fonts of the PDFs").
        ok: it works.
        detail: the version found, or what is missing (no personal data, no path of a
            user's files).
        required: ``False`` for what only some workstations need (a failure warns).
        reinstall: a failure is mended by installing Suoja again (``False``: by mending
            something else, such as the organisation's settings file).
    """

    part: str
    ok: bool
    detail: str
    required: bool = True
    reinstall: bool = True


def _attempt(part: str, probe: Callable[[], str], *, required: bool = True,
             reinstall: bool = True) -> Check:
    """``probe()``'s detail as a passed check, or its exception as a failed one."""
    try:
        return Check(part, True, probe(), required, reinstall)
    except KnownError as error:  # already one sentence for a person
        return Check(part, False, str(error)[:300], required, reinstall)
    except Exception as error:  # noqa: BLE001 - any failure is the finding
        return Check(part, False, f"{type(error).__name__}: {error}"[:300], required,
                     reinstall)


def _sqlcipher() -> str:
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(":memory:")
    try:
        connection.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
        connection.execute("CREATE TABLE probe (value)")
        connection.execute("INSERT INTO probe VALUES (1)")
        row = connection.execute("PRAGMA cipher_version").fetchone()
        provider = connection.execute("PRAGMA cipher_provider").fetchone()
    finally:
        connection.close()
    if not row or not row[0]:
        raise RuntimeError(_("the SQLite library has no encryption"))
    return f"{row[0]} ({provider[0] if provider else '?'})"


def _migrations() -> str:
    from models.storage.migration import head_revision

    return _("newest schema {schema}").format(schema=head_revision())


def _fonts() -> str:
    from reportlab.pdfbase import pdfmetrics

    from models.pdf.layout import FONT, FONT_BOLD, register_fonts

    register_fonts()
    for name in (FONT, FONT_BOLD):
        face = pdfmetrics.getFont(name).face
        if face.charWidths.get(ord("ä")) is None:
            raise RuntimeError(_("{font} has no letter “ä”").format(font=name))
    return f"{FONT}, {FONT_BOLD}"


def _catalogs() -> str:
    names = []
    for language in (Language.FINNISH, Language.SWEDISH):
        for domain in i18n.DOMAINS:
            path = i18n.LOCALE_DIR / language.value / "LC_MESSAGES" / f"{domain}.mo"
            with path.open("rb") as file:
                catalog = _gettext.GNUTranslations(file)
            if not catalog._catalog:  # type: ignore[attr-defined]  # an empty catalog
                raise RuntimeError(_("{file} is empty").format(
                    file=f"{language.value}/{path.name}"))
            names.append(f"{domain}_{language.value}")
    return ", ".join(names)


def _time_zone() -> str:
    import zoneinfo

    zoneinfo.ZoneInfo("Europe/Helsinki")
    return "Europe/Helsinki"


def _identity_codes() -> str:
    from stdnum.fi import hetu

    hetu.validate("010190-900P", allow_temporary=True)  # synthetic: the range 900-999
    return "python-stdnum"


def _phone_numbers() -> str:
    import phonenumbers

    # Finland's numbering plan (its data loads on first use): a mobile number in use.
    if not phonenumbers.is_valid_number(phonenumbers.parse("+358401234567", None)):
        raise RuntimeError(_("its numbering plans are missing"))
    return "phonenumberslite " + phonenumbers.__version__


def _password_strength() -> str:
    from zxcvbn import zxcvbn

    if zxcvbn("correct horse battery staple")["score"] < 1:
        raise RuntimeError(_("its word lists are missing"))
    return "zxcvbn"


def _postgresql() -> str:
    import psycopg

    return _("driver {version} ({implementation})").format(
        version=psycopg.__version__, implementation=psycopg.pq.__impl__)


def _deployment() -> str:
    from models.domain import deployment

    source = deployment.current().source  # an unusable file raises, naming file and key
    if source is None:
        return _("none deployed (Suoja looks for {path})").format(
            path=deployment.platform_location())
    return str(source)


def _deployment_rights() -> str:
    """Only an administrator may change the organisation's file (POSIX systems: owned by
    root, and neither it nor its folder writable by others); on Windows the folder's ACL
    is IT's to set (docs/DEPLOYMENT.md, section 8)."""
    from models.domain import deployment

    path = deployment.find()
    if path is None or path != deployment.platform_location():
        return _("no file in the system's place")
    if os.name != "posix":
        return _("set by the folder's access rights")
    for checked in (path, path.parent):
        info = checked.stat()
        if info.st_uid != 0 or info.st_mode & 0o022:
            raise DataError(_("{path} may be changed by others than root: chown root and "
                              "chmod go-w it").format(path=checked))
    return _("only root may change it")


def core_checks() -> Iterator[Check]:
    """Every check of the Qt-free core, one at a time (each takes at most a moment)."""
    yield _attempt(_("Encrypted database (SQLCipher)"), _sqlcipher)
    yield _attempt(_("Schema migrations"), _migrations)
    yield _attempt(_("Fonts of the PDFs"), _fonts)
    yield _attempt(_("Finnish and Swedish catalogs"), _catalogs)
    yield _attempt(_("Time zone data"), _time_zone)
    yield _attempt(_("Identity code checks"), _identity_codes)
    yield _attempt(_("Phone number checks"), _phone_numbers)
    yield _attempt(_("Password strength checks"), _password_strength)
    yield _attempt(_("PostgreSQL driver"), _postgresql, required=False)
    yield _attempt(_("The organisation's settings file"), _deployment, reinstall=False)
    yield _attempt(_("Rights of the organisation's settings file"), _deployment_rights,
                   required=False, reinstall=False)
