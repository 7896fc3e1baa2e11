"""Search keys: how names are normalised so searches are case- and accent-insensitive.

Finnish treats å, ä and ö as letters of their own ("Mäki" is not "Maki"), so they are kept;
other accents are dropped, so "simonova" finds "Šimonová". Keys are stored beside the
names and compared with plain range conditions, which use an index on every database.

The same keys sort the case list, so å, ä and ö (and Danish/Norwegian æ, ø, sorted as ä, ö
in Finland) are written as the three characters that follow "z" in code-point order:
binary comparison then gives the Finnish alphabet, ... x y z å ä ö, on any database.
"""

from __future__ import annotations

import unicodedata

#: Finnish letters after z, mapped to "{", "|", "}" (the code points right after "z").
_AFTER_Z = {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"}

#: Greater than any character a key can hold: ``key < prefix + KEY_END`` ends a prefix range.
KEY_END = "\U0010ffff"


def search_key(text: str) -> str:
    """Case-folded, accent-stripped (å ä ö kept, sortably), whitespace-collapsed ``text``."""
    folded = unicodedata.normalize("NFC", text).casefold()
    out: list[str] = []
    for char in folded:
        if char in _AFTER_Z:
            out.append(_AFTER_Z[char])
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        out.extend(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(out).split())


def full_name_key(first_names: str, last_name: str) -> str:
    """The key for "Last First" searches and for sorting by name."""
    return search_key(f"{last_name} {first_names}")
