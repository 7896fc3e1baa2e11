"""Keyset pagination for lists too long to hold: a :class:`ListWindow` of a sorted select.

A list is sorted by key columns whose last one is unique (the row id as tiebreak), all in
one direction, so "the rows after this key" is one row-value comparison that an index on
the key columns answers without reading the rows before it. A window without a key
(a jump into the middle of the list) first finds the key at its offset with a select of
the key columns alone, counted off an index from whichever end is nearer, then reads its
rows by key like any other page.

Where the sort key belongs to a table the filter does not (the follow-ups sorted by their
case's reference), :func:`ordered_join` lets the sort index drive the scan on SQLite,
and :func:`drive_by_sort_index` says whether that reads less than sorting every match.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import isqrt
from typing import Any, TypeAlias, TypeVar

from sqlalchemy import ColumnElement, FromClause, Select, func, literal, select, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import Join

from models.domain.dto import ListPage, ListWindow

R = TypeVar("R")
#: A select of any columns.
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"

#: The most rows one window may ask for (a screen is a few dozen).
MAX_WINDOW = 1000


#: How many entries of a sort index a driven scan steps through (probing another index for
#: each) in the time sorting one match takes, when the probes follow the scan's order (the
#: case reference index and the follow-ups by case, about 1.3-3.6 µs a step, against
#: 27-41 µs a match on an encrypted SQLite file): the default of
#: :func:`drive_by_sort_index`. Probes in an order of their own (the victim name index,
#: cases by victim) miss the page cache and cost more per step (``scan_per_sorted`` 3).
SCAN_PER_SORTED = 10


class _OrderedJoin(Join):
    """An inner join whose left side is the outer loop on SQLite (``CROSS JOIN``)."""

    inherit_cache = True


@compiles(_OrderedJoin)
def _plain_join(join: _OrderedJoin, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.visit_join(join, **kw)


@compiles(_OrderedJoin, "sqlite")
def _cross_join(join: _OrderedJoin, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite never reorders the tables of a CROSS JOIN, and takes ON like any join's.
    plain = compiler.visit_join(join, **kw)
    left = join.left._compiler_dispatch(compiler, asfrom=True, **{
        k: v for k, v in kw.items() if k not in ("asfrom", "from_linter")})
    if not plain.startswith(left + " JOIN "):  # not the inner join visit_join writes
        raise NotImplementedError("an ordered join is an inner join")
    return left + " CROSS JOIN " + plain[len(left) + len(" JOIN "):]


def ordered_join(left: FromClause, right: FromClause,
                 onclause: ColumnElement[bool]) -> Join:
    """``left JOIN right ON onclause``, run on SQLite with ``left`` as the outer loop:
    a select ordered by an index of ``left`` then reads that index in order and probes
    ``right`` per entry, stopping at its ``LIMIT``, where SQLite would otherwise look
    ``left`` up by id for every row of ``right`` and sort them all. A server plans the
    join as it likes (PostgreSQL weighs both ways by its statistics)."""
    return _OrderedJoin(left, right, onclause)


def drive_by_sort_index(db_session: Session, matching: AnySelect, scanned: int,
                        limit: int, *, scan_per_sorted: int = SCAN_PER_SORTED) -> bool:
    """Whether a window of ``limit`` rows of ``matching`` is read faster by scanning a sort
    index of ``scanned`` entries in order (an :func:`ordered_join`) than by sorting every
    row ``matching`` selects: a scan reads about ``limit * scanned / matches`` entries,
    the sort every match, so the scan wins from ``sqrt(limit * scanned /
    scan_per_sorted)`` matches on (counted up to there, no further). Always on a
    server, whose planner weighs both ways itself."""
    if db_session.get_bind().dialect.name != "sqlite":
        return True
    enough = max(1, isqrt(max(limit, 1) * scanned // max(scan_per_sorted, 1)))
    found = db_session.scalar(select(func.count()).select_from(
        matching.with_only_columns(literal(1)).order_by(None).limit(enough).subquery()))
    return (found or 0) >= enough


def count(db_session: Session, statement: AnySelect) -> int:
    """How many rows ``statement`` selects, counted by the database."""
    return int(db_session.scalar(
        select(func.count()).select_from(statement.order_by(None).subquery())) or 0)


def fetch_window(
    db_session: Session, statement: AnySelect, keys: Sequence[Any],
    descending: bool, window: ListWindow, to_row: Callable[[Any], R],
    *, keys_from: AnySelect | None = None, bound_lead: bool = False,
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
        bound_lead: also bound the first key column alone beyond a window's key (the
            same rows), so that an index on that column alone, or a join driven by one,
            starts at the key instead of at the start of the list.
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
        rows_query = rows_query.where(_beyond(keys, after, forward=not descending,
                                              bound_lead=bound_lead))
    if before is not None:
        rows_query = rows_query.where(_beyond(keys, before, forward=descending,
                                              bound_lead=bound_lead))
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
    row_is: ColumnElement[bool], *, bound_lead: bool = False,
    located_from: AnySelect | None = None,
) -> int | None:
    """Where the row that ``row_is`` picks stands in the list (from 0), or ``None`` when
    the list does not hold it: the rows before its key, counted by the database.
    ``bound_lead`` as for :func:`fetch_window`; ``located_from``: where the row's key is
    looked up (default ``statement``), when ``statement`` is a driven scan."""
    key = db_session.execute((located_from if located_from is not None else statement)
                             .with_only_columns(*keys).where(row_is)).first()
    if key is None:
        return None
    before = statement.with_only_columns(*keys).where(
        _beyond(keys, tuple(key), forward=descending, bound_lead=bound_lead))
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
            *, forward: bool, bound_lead: bool = False) -> ColumnElement[bool]:
    """Rows whose key is greater than ``key`` (``forward``), else smaller; with
    ``bound_lead`` the first column is also bounded on its own (the same rows)."""
    if len(keys) == 1:
        return keys[0] > key[0] if forward else keys[0] < key[0]
    columns = tuple_(*keys)
    values = tuple_(*key)
    beyond = columns > values if forward else columns < values
    if bound_lead:
        lead = keys[0] >= key[0] if forward else keys[0] <= key[0]
        return lead & beyond
    return beyond
