"""Suoja's translation catalogs: extract the strings, compile the catalogs, find what is missing.

    python -m tests.catalogs update [NAME…]    extract every marked string into the catalogs
                                              (new ones arrive unfinished; gone ones go)
    python -m tests.catalogs compile [NAME…]   compile them (.ts → .qm, .po → .mo), to commit
    python -m tests.catalogs check             list what is untranslated or breaks a
                                              placeholder, and stale compiled catalogs

NAME is a part of the GUI (start, window, workspaces, case, shared) or a gettext domain
(core, services, pdf, cli); without one, all.

Two kinds of catalog, one per part of the code so that parts can be translated apart:

* the desktop app's, Qt Linguist: ``resources/i18n/<part>_<language>.ts`` for each folder
  of ``gui/`` (``self.tr``, ``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP``), made
  with ``pyside6-lupdate`` and compiled with ``pyside6-lrelease`` (both come with PySide6);
* the Qt-free core's and the command line's, gettext:
  ``resources/locale/<language>/LC_MESSAGES/<domain>.po`` for each domain of
  :data:`models.domain.i18n.DOMAINS` (``_``, ``gettext``, ``ngettext``, ``pgettext``,
  ``N_``), extracted and compiled with Babel.

English is the source language. The compiled files are committed, so the README's two
commands need no build step; ``tests/test_catalogs.py`` fails when they are stale, when a
string is untranslated in Finnish or Swedish, or when a translation drops or adds a
placeholder (``{name}``, ``%s``, ``%(name)s``, ``%n``).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from gui.shared.i18n import PARTS
from models.domain.i18n import DOMAINS

ROOT = Path(__file__).resolve().parents[1]
QT_DIR = ROOT / "resources" / "i18n"
LOCALE_DIR = ROOT / "resources" / "locale"
#: The languages that need catalogs (English is the source).
LANGUAGES = ("fi", "sv")
_KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
             "N_": None}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sdr]|%[sdnr]|%\d")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalog, as a line a person can act on."""

    catalog: str
    source: str
    what: str

    def __str__(self) -> str:
        return f"{self.catalog}: {self.what}: {self.source!r}"


# -- tools ---------------------------------------------------------------------------------


def _qt_tool(name: str) -> str:
    """``pyside6-lupdate`` or ``pyside6-lrelease``: beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def ts_path(part: str, language: str) -> Path:
    return QT_DIR / f"{part}_{language}.ts"


def po_path(domain: str, language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


# -- update --------------------------------------------------------------------------------


def lupdate(part: str, targets: list[Path]) -> None:
    """Bring ``targets`` (.ts files) up to date with the strings of ``gui/<part>``."""
    subprocess.run(
        [_qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-extensions", "py", str(ROOT / "gui" / part), "-ts", *map(str, targets)],
        check=True, cwd=ROOT,
    )


def template(domain: str) -> Catalog:
    """Every string marked in the folders of ``domain``, as a gettext template."""
    catalog = Catalog(project="Suoja", charset="utf-8")
    for place in DOMAINS[domain]:
        path = ROOT / place
        found: Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]]
        if path.is_dir():
            found = (
                (filename, line, message, comments, context)
                for filename, line, message, comments, context in extract_from_dir(
                    path, method_map=[("**.py", "python")], keywords=_KEYWORDS,
                    comment_tags=("Translators:",))
            )
        else:
            found = (
                (path.name, line, message, comments, context)
                for line, message, comments, context in extract_from_file(
                    "python", path, keywords=_KEYWORDS, comment_tags=("Translators:",))
            )
        for filename, line, message, comments, context in found:
            catalog.add(message, locations=[(f"{place}/{filename}", line)],
                        auto_comments=comments, context=context)
    return catalog


def _read_po(path: Path, language: str, domain: str) -> Catalog:
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=language, domain=domain)
    catalog = Catalog(locale=language, domain=domain, project="Suoja", version="1",
                      copyright_holder="the Suoja developers", charset="utf-8",
                      last_translator="the Suoja developers",
                      language_team=f"Suoja {language}", fuzzy=False)
    return catalog


def _write_po(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=96, no_location=True, omit_header=False,
             ignore_obsolete=True, sort_output=True)
    path.write_bytes(buffer.getvalue())


def _updated_po(domain: str, language: str, source: Catalog) -> Catalog:
    """The committed catalog of ``domain`` in ``language`` with ``source``'s strings
    (new ones untranslated, gone ones obsolete), in memory."""
    catalog = _read_po(po_path(domain, language), language, domain)
    catalog.update(source, update_header_comment=False, no_fuzzy_matching=True,
                   update_creation_date=False)
    return catalog


def update(names: list[str] | None = None) -> None:
    """Extract every marked string into the named catalogs, or all (translations kept)."""
    QT_DIR.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        if not names or part in names:
            lupdate(part, [ts_path(part, language) for language in LANGUAGES])
    for domain in DOMAINS:
        if names and domain not in names:
            continue
        source = template(domain)
        for language in LANGUAGES:
            catalog = _updated_po(domain, language, source)
            catalog.obsolete.clear()
            _write_po(po_path(domain, language), catalog)


# -- compile -------------------------------------------------------------------------------


def compiled_qt(source: Path, target: Path) -> None:
    subprocess.run([_qt_tool("lrelease"), "-silent", str(source), "-qm", str(target)],
                   check=True, cwd=ROOT)


def compiled_po(source: Path) -> bytes:
    with source.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all(names: list[str] | None = None) -> None:
    """Compile the named catalogs, or all."""
    for source in sorted(QT_DIR.glob("*.ts")):
        if not names or source.stem.rsplit("_", 1)[0] in names:
            compiled_qt(source, source.with_suffix(".qm"))
    for source in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        if not names or source.stem in names:
            source.with_suffix(".mo").write_bytes(compiled_po(source))


# -- check ---------------------------------------------------------------------------------


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def _ts_messages(path: Path) -> Iterator[tuple[str, str, list[str], bool]]:
    """(context, source, translations, finished) of each message of a .ts file."""
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                yield name, source, [], False
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms or [translation.text or ""]
            kind = translation.get("type")
            finished = kind not in ("unfinished", "vanished", "obsolete") and all(texts)
            yield name, source, texts, finished


def qt_problems(path: Path, label: str) -> list[Problem]:
    problems: list[Problem] = []
    if not path.exists():
        return problems
    for context, source, texts, finished in _ts_messages(path):
        where = f"{label} [{context}]"
        if not finished:
            problems.append(Problem(where, source, "untranslated"))
            continue
        for text in texts:
            if placeholders(text) != placeholders(source):
                problems.append(Problem(where, source, f"placeholders differ in {text!r}"))
    return problems


def po_problems(catalog: Catalog, label: str) -> list[Problem]:
    problems: list[Problem] = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(Problem(label, ids[0], "untranslated"))
            continue
        expected = placeholders(ids[-1])
        for text in strings:
            if placeholders(text) != expected and placeholders(text) != placeholders(ids[0]):
                problems.append(Problem(label, ids[0], f"placeholders differ in {text!r}"))
    return problems


def current_problems() -> list[Problem]:
    """What is untranslated or broken once the catalogs are brought up to date with the
    source tree (the committed catalogs are not changed: the update runs on copies)."""
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as folder:
        for part in PARTS:
            copies = []
            for language in LANGUAGES:
                copy = Path(folder) / ts_path(part, language).name
                if ts_path(part, language).exists():
                    shutil.copy(ts_path(part, language), copy)
                copies.append(copy)
            lupdate(part, copies)
            for copy in copies:
                problems += qt_problems(copy, f"resources/i18n/{copy.name}")
    for domain in DOMAINS:
        source = template(domain)
        for language in LANGUAGES:
            catalog = _updated_po(domain, language, source)
            label = po_path(domain, language).relative_to(ROOT).as_posix()
            problems += po_problems(catalog, label)
    return problems


def stale_compiled() -> list[Path]:
    """Compiled catalogs that are missing or differ from what their source compiles to."""
    stale: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        for source in sorted(QT_DIR.glob("*.ts")):
            target = Path(folder) / source.with_suffix(".qm").name
            compiled_qt(source, target)
            committed = source.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != target.read_bytes():
                stale.append(committed)
    for source in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        committed = source.with_suffix(".mo")
        if not committed.exists() or committed.read_bytes() != compiled_po(source):
            stale.append(committed)
    return stale


def main(argv: list[str]) -> int:
    command, names = (argv[0], argv[1:]) if argv else ("check", [])
    unknown = set(names) - set(PARTS) - set(DOMAINS)
    if unknown:
        print(f"not a catalog: {', '.join(sorted(unknown))}")
        return 2
    if command == "update":
        update(names)
    elif command == "compile":
        compile_all(names)
    elif command == "check":
        problems = current_problems()
        for problem in problems:
            print(problem)
        stale = stale_compiled()
        for path in stale:
            print(f"{path.relative_to(ROOT)}: stale, run: python -m tests.catalogs compile")
        print(f"{len(problems)} problem(s), {len(stale)} stale compiled catalog(s)")
        return 1 if problems or stale else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
