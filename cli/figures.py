"""Numbers in the command line's report lines, written as the run's language writes them.

English keeps the command line's long-standing ``3.2`` and ``12,345``; Finnish and Swedish
write ``3,2`` and ``12 345`` (:func:`models.domain.formatting.count_text`).
"""

from __future__ import annotations

from models.domain import i18n
from models.domain.enums import Language
from models.domain.formatting import count_text


def decimal_text(value: float) -> str:
    """``value`` with one decimal: ``3.2`` in English, ``3,2`` in Finnish and Swedish."""
    shown = f"{value:.1f}"
    return shown if i18n.current() is Language.ENGLISH else shown.replace(".", ",")


def number_text(value: int) -> str:
    """A count with grouped digits: ``12,345`` in English, ``12 345`` in Finnish and Swedish."""
    return f"{value:,}" if i18n.current() is Language.ENGLISH else count_text(value)
