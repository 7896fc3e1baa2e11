"""The rows of a list too long to hold, fetched a page at a time: :class:`RowPages`.

A table model knows how many rows its list has (counted by the database) and asks this
cache for row ``n`` when the view draws it. The cache keeps the last few pages it fetched
(:data:`KEEP_PAGES`), so memory stays flat however far the list is scrolled. A page next
to one it holds is fetched by keyset (the rows after the previous page's last key, or
before the next page's first); any other page — a jump of the scroll bar, the end of the
list — by its offset from the nearer end of the list.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from models.domain.dto import ListPage, ListWindow

R = TypeVar("R")

PAGE_SIZE = 200
#: Pages held at once: a few screens either side of the one shown.
KEEP_PAGES = 8


class RowPages(Generic[R]):
    """``count`` rows, fetched by ``fetch`` a page at a time and some pages kept."""

    def __init__(self, count: int, fetch: Callable[[ListWindow], ListPage[R]],
                 page_size: int = PAGE_SIZE, keep: int = KEEP_PAGES) -> None:
        self.count = count
        self._fetch = fetch
        self._size = page_size
        self._keep = max(keep, 2)
        self._pages: OrderedDict[int, ListPage[R]] = OrderedDict()

    def row(self, number: int) -> R | None:
        """Row ``number`` (from 0), fetching its page if it is not held."""
        if not 0 <= number < self.count:
            return None
        page_number, within = divmod(number, self._size)
        page = self._page(page_number)
        return page.rows[within] if within < len(page.rows) else None

    def held(self) -> list[tuple[int, R]]:
        """The rows held now, with their numbers (to find a row again without fetching)."""
        return [(number * self._size + offset, row)
                for number, page in self._pages.items()
                for offset, row in enumerate(page.rows)]

    def pages_held(self) -> int:
        return len(self._pages)

    def _page(self, number: int) -> ListPage[R]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * self._size
        limit = min(self._size, self.count - start)
        previous, following = self._pages.get(number - 1), self._pages.get(number + 1)
        if previous is not None and previous.last is not None:
            window = ListWindow(limit=limit, after=previous.last)
        elif following is not None and following.first is not None:
            window = ListWindow(limit=limit, before=following.first)
        elif start <= self.count - (start + limit):
            window = ListWindow(limit=limit, offset=start)
        else:
            window = ListWindow(limit=limit, offset=self.count - (start + limit), from_end=True)
        page = self._fetch(window)
        self._pages[number] = page
        while len(self._pages) > self._keep:
            self._pages.popitem(last=False)
        return page
