"""How the demo generator draws its values: cheaply, from one ``random.Random``, on the
timeline of the incident the demo data follows.

The generator draws millions of values, so each helper costs one ``random()`` call where
``randint``, ``choice`` and ``choices`` cost several; a weighted choice adds one bisect.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Sequence
from typing import Generic, TypeVar

UTC = dt.UTC
T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# Timeline of the incident the demo data follows
# ---------------------------------------------------------------------------------------------

#: The breach became public; the first extortion e-mails reached individual clients.
REVEALED = dt.date(2020, 10, 21)
#: The mass extortion e-mail went out over this weekend.
MASS_EMAIL = dt.date(2020, 10, 24)
END_OF_2020 = dt.date(2020, 12, 31)
#: Demo data needs its timeline to have happened: ``today`` must not be earlier.
EARLIEST_TODAY = dt.date(2021, 1, 1)
#: When the crisis service started: demo staff accounts are "created" then.
SERVICE_START = dt.datetime(2020, 10, 22, 6, 0, tzinfo=UTC)


# ---------------------------------------------------------------------------------------------
# Weighted and uniform choices
# ---------------------------------------------------------------------------------------------


class Pick(Generic[T]):
    """A weighted choice that costs one ``random()`` and one bisect per draw."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in items]
        total = 0.0
        self.cumulative: list[float] = []
        for _, weight in items:
            total += weight
            self.cumulative.append(total)
        self.total = total
        # The last item once more: a draw that rounds up to the total picks it too.
        self._padded = [*self.items, *self.items[-1:]]

    def __call__(self, rng: random.Random) -> T:
        return self._padded[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


def rand_int(rng: random.Random, low: int, high: int) -> int:
    """A random int in ``[low, high]``; one C call, unlike ``randint``."""
    return low + int(rng.random() * (high - low + 1))


def rand_item(rng: random.Random, items: Sequence[T]) -> T:
    """A uniformly random item; one C call, unlike ``choice``."""
    return items[int(rng.random() * len(items))]


def zipf(names: Sequence[str], exponent: float = 0.8) -> Pick[str]:
    """Common names first: the k-th name is drawn with weight 1/k^exponent."""
    return Pick([(name, 1 / (rank + 1) ** exponent) for rank, name in enumerate(names)])


def fiction_phone(rng: random.Random, block: tuple[str, int, int, int]) -> str:
    """A number from a block reserved for fiction: (prefix, first, last, digits)."""
    prefix, first, last, width = block
    return f"{prefix}{rand_int(rng, first, last):0{width}d}"


# ---------------------------------------------------------------------------------------------
# Days and times
# ---------------------------------------------------------------------------------------------


def at(day: dt.date, seconds: int) -> dt.datetime:
    """``day`` at ``seconds`` past midnight, UTC."""
    hours, rest = divmod(seconds, 3600)
    return dt.datetime(day.year, day.month, day.day, hours, rest // 60, rest % 60, tzinfo=UTC)


def office_time(rng: random.Random) -> int:
    """A time of day in office hours (06–16 UTC is 08/09–18/19 in Finland), to the minute."""
    return 6 * 3600 + int(rng.random() * 600) * 60


def between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A uniformly random day in ``[first, last]`` (``first`` if the range is empty)."""
    span = (last - first).days
    return first if span <= 0 else first + dt.timedelta(days=rand_int(rng, 0, span))
