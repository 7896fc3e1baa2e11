"""Keyset pagination for lists too long to hold: a :class:`ListWindow` of a sorted select.

A list is sorted by key columns whose last one is unique (the row id as tiebreak), all in
one direction, so "the rows after this key" is one row-value comparison that an index on
the key columns answers without reading the rows before it. A window without a key
(a jump into the middle of the list) first finds the key at its offset with a select of
the key columns alone, counted off an index from whichever end is nearer, then reads its
rows by key like any other page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeAlias, TypeVar

from sqlalchemy import ColumnElement, Select, func, select, tuple_
from sqlalchemy.orm import Session

from models.domain.dto import ListPage, ListWindow

R = TypeVar("R")
#: A select of any columns.
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"

#: The most rows one window may ask for (a screen is a few dozen).
MAX_WINDOW = 1000


def count(db_session: Session, statement: AnySelect) -> int:
    """How many rows ``statement`` selects, counted by the database."""
    return int(db_session.scalar(
        select(func.count()).select_from(statement.order_by(None).subquery())) or 0)


def fetch_window(
    db_session: Session, statement: AnySelect, keys: Sequence[Any],
    descending: bool, window: ListWindow, to_row: Callable[[Any], R],
    *, keys_from: AnySelect | None = None,
) -> ListPage[R]:
    """The rows of ``statement`` that ``window`` asks for, in the order of ``keys``.

    Args:
        statement: the list's select, filtered but not ordered; its columns are what
            ``to_row`` reads, and ``keys`` must be selectable from its FROM clause.
        keys: the sort key, the last column unique; all sorted in one direction.
        descending: the list is sorted from the greatest key down.
        to_row: turns one result row (``statement``'s columns) into the list's row.
        keys_from: a narrower select of the same rows (fewer joins), where the window's
            keys are found first when the sort cannot be read off an index: the sort then
            reads only what the keys need, and the rows are read by their ids (the last
            key) for the window alone.
    """
    limit = max(0, min(window.limit, MAX_WINDOW))
    if limit == 0:
        return ListPage((), None, None)
    after, before = window.after, window.before
    if after is None and before is None and window.offset > 0:
        # The key of the row just outside the window, from the key columns alone.
        located = _key_at(db_session, keys_from if keys_from is not None else statement,
                          keys, descending, window.offset - 1, from_end=window.from_end)
        if located is None:
            return ListPage((), None, None)
        after, before = (None, located) if window.from_end else (located, None)
    backwards = before is not None or (after is None and window.from_end)
    rows_query = (statement.add_columns(*keys) if keys_from is None
                  else keys_from.with_only_columns(*keys))
    if after is not None:
        rows_query = rows_query.where(_beyond(keys, after, forward=not descending))
    if before is not None:
        rows_query = rows_query.where(_beyond(keys, before, forward=descending))
    rows_query = rows_query.order_by(*_ordered(keys, descending != backwards)).limit(limit)
    result = list(db_session.execute(rows_query))
    if backwards:
        result.reverse()
    if keys_from is not None and result:
        found = {tuple(row)[-1]: row for row in db_session.execute(
            statement.add_columns(*keys).where(keys[-1].in_([row[-1] for row in result])))}
        result = [found[row[-1]] for row in result if row[-1] in found]
    if not result:
        return ListPage((), None, None)
    width = len(keys)
    return ListPage(
        tuple(to_row(tuple(row)[:-width]) for row in result),
        tuple(result[0])[-width:], tuple(result[-1])[-width:],
    )


def position(
    db_session: Session, statement: AnySelect, keys: Sequence[Any], descending: bool,
    row_is: ColumnElement[bool],
) -> int | None:
    """Where the row that ``row_is`` picks stands in the list (from 0), or ``None`` when
    the list does not hold it: the rows before its key, counted by the database."""
    key = db_session.execute(statement.with_only_columns(*keys).where(row_is)).first()
    if key is None:
        return None
    before = statement.with_only_columns(*keys).where(
        _beyond(keys, tuple(key), forward=descending))
    return count(db_session, before)


def _key_at(
    db_session: Session, statement: AnySelect, keys: Sequence[Any],
    descending: bool, offset: int, *, from_end: bool,
) -> tuple[Any, ...] | None:
    """The key of the row ``offset`` places from the start (or the end) of the list."""
    located = db_session.execute(
        statement.with_only_columns(*keys)
        .order_by(*_ordered(keys, descending != from_end)).limit(1).offset(offset)
    ).first()
    return None if located is None else tuple(located)


def _ordered(keys: Sequence[Any], descending: bool) -> list[Any]:
    return [key.desc() if descending else key.asc() for key in keys]


def _beyond(keys: Sequence[Any], key: tuple[Any, ...],
            *, forward: bool) -> ColumnElement[bool]:
    """Rows whose key is greater than ``key`` (``forward``), else smaller."""
    if len(keys) == 1:
        return keys[0] > key[0] if forward else keys[0] < key[0]
    columns = tuple_(*keys)
    values = tuple_(*key)
    return columns > values if forward else columns < values
