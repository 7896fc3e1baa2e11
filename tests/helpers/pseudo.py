"""A pseudo-locale: every string 40 % longer, with accented letters, to find cut-off text
before a translator does (``SUOJA_PSEUDO=1`` for ``tests.helpers.scenes``).

``Šàvé çàšé ·····`` still reads as its English source, so a screenshot shows at once
which text is not translatable (it stays plain) and which is cut (its dots are missing).
Placeholders (``{n}``, ``%1``), ``&`` mnemonics and rich-text tags are kept as they are.
"""

from __future__ import annotations

import gettext
import math
import re

from PySide6.QtCore import QTranslator

_ACCENTED = str.maketrans("aceinorsuyzACEINORSUYZ", "àçéîñöŕšüýžÀÇÉÎÑÖŔŠÜÝŽ")
_KEEP = re.compile(r"(\{[^{}]*\}|%\(\w+\)[sd]|%\w|&&|&(?=\w)|<[^>]*>|\n)")
#: How much longer every string becomes: the rule of thumb for Finnish and Swedish.
GROWTH = 0.4


def pseudo(text: str) -> str:
    """``text`` with accented letters and 40 % longer (its meaning still readable)."""
    if not text.strip():
        return text
    parts = _KEEP.split(text)
    body = "".join(part if index % 2 else part.translate(_ACCENTED)
                   for index, part in enumerate(parts))
    visible = len(_KEEP.sub("", text))
    return body + " " + "·" * max(1, math.ceil(visible * GROWTH) - 1)


class PseudoTranslator(QTranslator):
    """Every Qt string of the app in the pseudo-locale."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:  # noqa: N802, D102
        return False


class PseudoCatalog(gettext.NullTranslations):
    """Every gettext string of the core in the pseudo-locale."""

    def gettext(self, message: str) -> str:  # noqa: D102
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:  # noqa: D102
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:  # noqa: D102
        return pseudo(message)
