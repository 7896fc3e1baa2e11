"""The settings an organisation deploys: one read-only TOML file per workstation.

An IT department rolling Suoja out places ``suoja.toml`` where every workstation's Suoja
looks for it (:func:`platform_location`; only administrators can write there)::

    [defaults]          # a starting point: used until someone sets their own
    idle_lock_minutes = 10

    [enforced]          # fixed: shown read-only, a change is refused
    name = "Kriisiapu ry"
    retention_days = 1825

Every key may stand in either table, never in both: a value and whether it is enforced
are said in one place (as browsers' "recommended" and "mandatory" policies), so no key can
be enforced without a value. The keys (:data:`TEXT_KEYS`, :data:`NUMBER_RANGES`): the
organisation's name and the four texts of :class:`~models.domain.dto.OrganisationSettings`
(``help_lines`` a list of texts or one text of lines), the idle lock's minutes and the
retention period's days. What each one overrides: docs/DEPLOYMENT.md, "Settings an
organisation deploys".

A missing file is normal (nothing deployed). A file that cannot be read, is not TOML,
has a key Suoja does not know or a value out of range stops every start of the app and
every command with one sentence naming the file and the key (:class:`DeploymentError`):
the organisation's policy is never ignored silently.

The file is read once per process (:func:`current`); :func:`use` points a process (a
test) at another file or deployment. ``SUOJA_DEPLOYMENT_FILE`` names a file to read only
where the platform's location holds none (to try a file out before rolling it out): a
person cannot replace the organisation's file with one of their own that way.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from models.domain.errors import DataError, ValidationError
from models.domain.i18n import gettext as _

log = logging.getLogger("suoja.deployment")

#: The environment variable naming a file to read where the platform's location has none.
VARIABLE = "SUOJA_DEPLOYMENT_FILE"
#: The file's name in the platform's folder.
FILE_NAME = "suoja.toml"
#: The longest text each of the organisation's settings takes (a name; a line; a few
#: lines; a short paragraph), in the file as in Suoja: the fields of
#: :class:`~models.domain.dto.OrganisationSettings` (not imported here: the sign-in window
#: reads this module before the validation rules and their libraries are loaded).
ORGANISATION_TEXT_LIMITS = {"name": 100, "classification_line": 200, "help_lines": 1000,
                            "data_requests": 500, "police_contact": 500}
#: The organisation's texts.
TEXT_KEYS = tuple(ORGANISATION_TEXT_LIMITS)
#: The idle lock's minutes as a workstation allows them (never switched off).
IDLE_LOCK_RANGE = (1, 60)
#: The retention period in days: 30 days to 100 years.
RETENTION_RANGE = (30, 100 * 365)
#: The whole-number keys and their allowed ranges.
NUMBER_RANGES = {"idle_lock_minutes": IDLE_LOCK_RANGE, "retention_days": RETENTION_RANGE}
#: The file's tables.
TABLES = ("defaults", "enforced")
#: Bigger than any sensible file: a device or a huge file is refused, not read.
MAX_FILE_BYTES = 64 * 1024

Value = str | int


class DeploymentError(DataError):
    """The deployment file is there but unusable: the app and every command refuse to
    start (exit code 4) until IT corrects it."""


@dataclass(frozen=True)
class Deployment:
    """What the deployment file says; empty when nothing is deployed.

    Attributes:
        source: the file read, or None.
        defaults: values used where nobody set their own.
        enforced: values nobody can change in Suoja.
    """

    source: Path | None = None
    defaults: Mapping[str, Value] = field(default_factory=lambda: MappingProxyType({}))
    enforced: Mapping[str, Value] = field(default_factory=lambda: MappingProxyType({}))

    def enforces(self, key: str) -> bool:
        return key in self.enforced

    def value(self, key: str) -> Value | None:
        """The enforced value, else the default, else None."""
        return self.enforced.get(key, self.defaults.get(key))

    def text(self, key: str) -> str:
        """A text's value ("" when the file has none)."""
        value = self.value(key)
        return value if isinstance(value, str) else ""

    def number(self, key: str) -> int | None:
        value = self.value(key)
        return value if isinstance(value, int) else None

    def refusal(self, setting: str) -> ValidationError:
        """The error for a change of an enforced setting (``setting``: its shown name)."""
        return ValidationError(setting, _(
            "set by your organisation's deployment file ({file}); only your IT "
            "department can change it there").format(file=self.source))


NOTHING_DEPLOYED = Deployment()


def platform_location(platform: str | None = None) -> Path:
    """Where the organisation's file is looked for on this kind of system.

    Linux and the BSDs ``/etc/suoja/suoja.toml``; macOS ``/Library/Application
    Support/Suoja/suoja.toml``; Windows ``suoja.toml`` in ``Suoja`` under the
    ProgramData folder, as the system's registry names it (not ``%PROGRAMDATA%``, which a
    person can change for their own programs).
    """
    platform = platform or sys.platform
    if platform == "win32":
        return _program_data() / "Suoja" / FILE_NAME
    if platform == "darwin":
        return Path("/Library/Application Support/Suoja") / FILE_NAME
    return Path("/etc/suoja") / FILE_NAME


def _program_data() -> Path:
    if sys.platform == "win32":
        import ctypes

        buffer = ctypes.create_unicode_buffer(260)
        # SHGetFolderPathW(CSIDL_COMMON_APPDATA): read from the registry, not the environment.
        if ctypes.windll.shell32.SHGetFolderPathW(None, 0x23, None, 0, buffer) == 0:
            return Path(buffer.value)
    return Path("C:/ProgramData")


def find() -> Path | None:
    """The file to read: the platform's if anything is there, else the one
    ``SUOJA_DEPLOYMENT_FILE`` names, else None (nothing deployed)."""
    placed = platform_location()
    try:
        if placed.exists() or placed.is_symlink():
            return placed
    except OSError:  # a folder this account may not look into: read (and refused) there
        return placed
    named = os.environ.get(VARIABLE, "").strip()
    return Path(named).expanduser().absolute() if named else None


def load(path: Path) -> Deployment:
    """Read and check ``path``.

    Raises:
        DeploymentError: it cannot be read, is not TOML, or breaks a rule (one sentence
            naming the file and the key; never the text of a value).
    """
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise DeploymentError(_(
            "The organisation's deployment file {file} could not be read ({reason})."
        ).format(file=path, reason=error.strerror or _("error"))) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DeploymentError(_(
            "The organisation's deployment file {file} is larger than {size} KB."
        ).format(file=path, size=MAX_FILE_BYTES // 1024))
    try:
        # utf-8-sig: Windows PowerShell 5.1 and older Notepad begin a UTF-8 file with a BOM.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DeploymentError(_(
            "The organisation's deployment file {file} is not UTF-8 text; save it as UTF-8."
        ).format(file=path)) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"line (\d+)", str(error))
        raise DeploymentError(_(
            "The organisation's deployment file {file} is not valid TOML (line {line})."
        ).format(file=path, line=where.group(1) if where else 1)) from None
    for table in document:
        if table not in TABLES:
            raise _unknown(path, table)
        if not isinstance(document[table], dict):
            raise _wrong(path, table, _("a table"))
    tables = {table: {key: _checked(path, f"{table}.{key}", key, value)
                      for key, value in document.get(table, {}).items()}
              for table in TABLES}
    both = sorted(tables["defaults"].keys() & tables["enforced"].keys())
    if both:
        raise DeploymentError(_(
            "In the organisation's deployment file {file}, {key} is both a default and "
            "enforced; keep it in one of the two."
        ).format(file=path, key=both[0]))
    log.info("read the organisation's deployment file")
    return Deployment(source=path, defaults=MappingProxyType(tables["defaults"]),
                      enforced=MappingProxyType(tables["enforced"]))


def _checked(path: Path, where: str, key: str, value: Any) -> Value:
    """One value, checked as its key requires."""
    if key in NUMBER_RANGES:
        least, most = NUMBER_RANGES[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong(path, where, _("a whole number"))
        if not least <= value <= most:
            raise DeploymentError(_(
                "In the organisation's deployment file {file}, {key} must be between "
                "{least} and {most}."
            ).format(file=path, key=where, least=least, most=most))
        return value
    if key not in ORGANISATION_TEXT_LIMITS:
        raise _unknown(path, where)
    if key == "help_lines" and isinstance(value, list):
        if not all(isinstance(line, str) for line in value):
            raise _wrong(path, where, _("a list of texts"))
        value = "\n".join(value)
    if not isinstance(value, str):
        raise _wrong(path, where, _("a text"))
    from models.domain.validation import validate_text  # with python-stdnum: only now

    try:
        text = validate_text(value, field=where, max_length=ORGANISATION_TEXT_LIMITS[key],
                             required=False)
    except ValidationError as error:
        raise DeploymentError(_(
            "In the organisation's deployment file {file}, {key} {problem}."
        ).format(file=path, key=where, problem=error.reason)) from None
    if key in ("name", "classification_line"):  # one line, as the dialog's field
        text = " ".join(text.split())
    return text


def _unknown(path: Path, key: str) -> DeploymentError:
    return DeploymentError(_(
        "The organisation's deployment file {file} has a key Suoja does not know: {key}."
    ).format(file=path, key=key))


def _wrong(path: Path, key: str, kind: str) -> DeploymentError:
    return DeploymentError(_(
        "In the organisation's deployment file {file}, {key} must be {kind}."
    ).format(file=path, key=key, kind=kind))


_chosen: Deployment | Path | None = None
_current: Deployment | None = None


def current() -> Deployment:
    """This process's deployment, read once (:func:`find`, or what :func:`use` chose).

    Raises:
        DeploymentError: the file is there but unusable (asked again at the next call).
    """
    global _current
    if _current is None:
        if isinstance(_chosen, Deployment):
            _current = _chosen
        else:
            path = _chosen if _chosen is not None else find()
            _current = load(path) if path is not None else NOTHING_DEPLOYED
    return _current


def use(chosen: Deployment | Path | None) -> None:
    """From now on read ``chosen``: a deployment, a file (read at the next
    :func:`current`), or None for the platform's file again (tests)."""
    global _chosen, _current
    _chosen, _current = chosen, None
