"""Every string a person sees is translated into Finnish and Swedish, placeholders intact.

The catalogs are brought up to date with the source tree on copies (``tests/catalogs.py``
extracts every marked string, GUI and core), so a string added without its translations
fails here, and so does a compiled catalog older than its source.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from tests import catalogs


def test_every_string_is_translated_into_finnish_and_swedish() -> None:
    problems = catalogs.current_problems()
    assert problems == [], f"{len(problems)} problem(s):\n" + "\n".join(
        map(str, problems[:60]))


def test_the_committed_compiled_catalogs_are_up_to_date() -> None:
    stale = catalogs.stale_compiled()
    assert stale == [], "run: python -m tests.catalogs compile"


def test_every_part_and_domain_has_a_catalog_in_both_languages() -> None:
    for language in catalogs.LANGUAGES:
        for part in catalogs.PARTS:
            assert catalogs.ts_path(part, language).with_suffix(".qm").exists()
        for domain in catalogs.DOMAINS:
            assert catalogs.po_path(domain, language).with_suffix(".mo").exists()


# -- the checks themselves find what they are for ---------------------------------------


def _ts(tmp_path: Path, translation: str) -> Path:
    path = tmp_path / "x_fi.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="fi">'
        "<context><name>C</name><message><source>{n} cases of {name}</source>"
        f"{translation}</message></context></TS>", encoding="utf-8")
    return path


def test_the_qt_check_finds_untranslated_and_broken_placeholders(tmp_path: Path) -> None:
    unfinished = _ts(tmp_path, '<translation type="unfinished"></translation>')
    assert [p.what for p in catalogs.qt_problems(unfinished, "x")] == ["untranslated"]
    dropped = _ts(tmp_path, "<translation>{n} asiaa</translation>")
    assert "placeholders differ" in catalogs.qt_problems(dropped, "x")[0].what
    fine = _ts(tmp_path, "<translation>{name}: {n} asiaa</translation>")
    assert catalogs.qt_problems(fine, "x") == []


def test_the_gettext_check_finds_untranslated_fuzzy_and_broken_placeholders() -> None:
    catalog = Catalog(locale="fi")
    catalog.add("Line {line}: {problem}", "Rivi {line}: {problem}")
    catalog.add("Wrong password.", "")
    catalog.add("{n} cases", "{n} asiaa", flags=["fuzzy"])
    catalog.add("Saved {name}.", "Tallennettu.")
    catalog.add(("{n} case", "{n} cases"), ("{n} asia", "{n} asiaa"))
    found = {(p.source, p.what.split(" in ")[0]) for p in catalogs.po_problems(catalog, "x")}
    assert found == {("Wrong password.", "untranslated"), ("{n} cases", "untranslated"),
                     ("Saved {name}.", "placeholders differ")}


@pytest.mark.parametrize("text, expected", [
    ("{n} of {total}", ["{n}", "{total}"]),
    ("%(name)s: %s, %n", ["%(name)s", "%n", "%s"]),
    ("100 % sure", []),
])
def test_placeholders_are_found(text: str, expected: list[str]) -> None:
    assert catalogs.placeholders(text) == sorted(expected)
