"""Bulk writes for the demo generator: one prepared statement per table, the driver's
own ``executemany`` on SQLite and ``COPY`` on PostgreSQL, with the values stored exactly
as SQLAlchemy would bind them.

A Core ``insert()`` executemany spends most of its time binding: for every value of
every row it calls the column type's bind processor (a timestamp on SQLite goes through
two). Here the statement is built once per table, the rows become tuples with one
C-level ``itemgetter`` call each, and only the columns whose values the driver would not
store as SQLAlchemy does are converted, a column at a time, with C-level maps:

* on SQLite, dates become the text SQLAlchemy's ``DATE`` stores (``2020-10-24``), and
  timestamps (:class:`~models.domain.base.UTCDateTime`) go as Unix seconds that the
  statement turns into the text its ``DATETIME`` stores (``2020-10-24 06:05:00.000000``,
  ``strftime(…, 'unixepoch')``) when they are aware UTC times of whole seconds, as the
  generator's are; any other value goes through SQLAlchemy's own processor;
* on PostgreSQL, psycopg sends dates and aware timestamps as they are;
* every other type with a bind processor (``Numeric`` on SQLite) goes through it.

The demo's slices come as :class:`Prepared` tables (made by a :class:`Preparer`, in the
process that draws them): the columns already converted but the sealed ones, sealed
(:func:`seal_prepared`) and bound in the writing process.

The stored values are the same as a Core insert of the same rows stores
(``tests/test_seed_bulk.py`` compares them on both databases). On SQLite the statement
runs through SQLAlchemy's ``exec_driver_sql`` (the connection's events and error
translation stay); on PostgreSQL the ``COPY`` runs on the unit of work's psycopg
connection, in its transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import operator
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Dialect, Table

from models.domain.base import UTCDateTime
from models.domain.sealed import SEALED_BYTES, SEALED_COLUMNS, FieldCipher
from models.storage.server import BackgroundSender

Row = dict[str, Any]

UTC = dt.UTC
_TZINFO = operator.attrgetter("tzinfo")
_MICROSECOND = operator.attrgetter("microsecond")
_UNIX_SECONDS = operator.methodcaller("timestamp")
#: SQLite makes the text of SQLAlchemy's ``DATETIME`` (``2020-10-24 06:05:00.000000``)
#: from Unix seconds: ``%f`` is seconds with milliseconds, and whole seconds have no
#: microseconds to lose.
_SQLITE_FROM_UNIX = "strftime('%Y-%m-%d %H:%M:%f000', {marker}, 'unixepoch')"

#: Rows per INSERT statement on SQLite, and the values a statement may take.
ROWS_PER_INSERT = 64
SQLITE_VALUES = 999

#: A column's values ready to bind, and whether they are Unix seconds (SQLite
#: timestamps) for the statement to turn into text.
Bound = tuple[list[Any], bool]
Converter = Callable[[list[Any]], Bound]


def _sqlite_timestamps(values: list[Any], fallback: Callable[[Any], Any]) -> Bound:
    """UTC timestamps as SQLite's ``DATETIME`` stores them: Unix seconds the statement
    turns into its text (C-level maps), when every value is an aware UTC datetime of
    whole seconds; else the text from SQLAlchemy's own processor, value by value."""
    present = values if None not in values else list(filter(None, values))
    if set(map(_TZINFO, present)) <= {UTC} and set(map(_MICROSECOND, present)) <= {0}:
        if present is values:
            return list(map(_UNIX_SECONDS, values)), True
        return [None if value is None else value.timestamp() for value in values], True
    return [None if value is None else fallback(value) for value in values], False


def _sqlite_dates(values: list[Any], fallback: Callable[[Any], Any]) -> Bound:
    """Dates as SQLite's ``DATE`` stores them (``YYYY-MM-DD``)."""
    if None not in values and set(map(type, values)) == {dt.date}:
        return list(map(dt.date.isoformat, values)), False
    if set(map(type, filter(None, values))) <= {dt.date}:
        return [None if value is None else value.isoformat() for value in values], False
    return [None if value is None else fallback(value) for value in values], False


def _server_timestamps(values: list[Any], fallback: Callable[[Any], Any]) -> Bound:
    """Aware UTC timestamps go to psycopg as they are (what ``UTCDateTime`` would bind)."""
    if set(map(_TZINFO, filter(None, values))) <= {UTC}:
        return values, False
    return [None if value is None else fallback(value) for value in values], False


def _each(process: Callable[[Any], Any]) -> Converter:
    return lambda values: ([None if value is None else process(value) for value in values],
                           False)


def _converter(column_type: Any, dialect: Any) -> Converter | None:
    """How one column's values are bound, or ``None``: as they are."""
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    if process is None or isinstance(column_type, Boolean):
        # A bool is stored as SQLite's integer 0/1 and psycopg sends it as a boolean:
        # what the processor (``int``/``bool``) makes of it.
        return None
    sqlite = dialect.name == "sqlite"
    if isinstance(column_type, UTCDateTime):
        fast = _sqlite_timestamps if sqlite else _server_timestamps
        return lambda values: fast(values, process)
    if sqlite and isinstance(column_type, Date) and not isinstance(column_type, DateTime):
        return lambda values: _sqlite_dates(values, process)
    return _each(process)


class TableInsert:
    """One table's prepared INSERT for rows with the keys ``keys``."""

    def __init__(self, dialect: Dialect, table: Table, keys: Sequence[str]) -> None:
        self.table = table
        missing = [column.name for column in table.columns
                   if column.name not in keys and column.default is not None]
        if missing:
            # A Core insert would fill these with their defaults; the generator gives
            # every value it means, so a missing one is a mistake here.
            raise ValueError(f"rows for {table.name} lack columns with defaults: {missing}")
        quote = dialect.identifier_preparer.quote
        name = dialect.identifier_preparer.format_table(table)
        columns = ", ".join(quote(key) for key in keys)
        self.copy = dialect.name == "postgresql"
        self._copy_sql = f"COPY {name} ({columns}) FROM STDIN"
        self._insert_sql = f"INSERT INTO {name} ({columns}) VALUES ({{values}})"
        self._marker = "?" if dialect.paramstyle == "qmark" else "%s"
        self._statements: dict[tuple[frozenset[int], int], str] = {}
        self.keys = tuple(keys)
        self.width = len(keys)
        self._converters: list[tuple[int, Converter]] = []
        for index, key in enumerate(keys):
            convert = _converter(table.columns[key].type, dialect)
            if convert is not None:
                self._converters.append((index, convert))

    def columns(self, rows: Sequence[Row], plain: Collection[str] = ()
                ) -> tuple[frozenset[int], list[list[Any]]]:
        """The rows' values a column at a time, in ``keys`` order, ready to bind (but the
        columns ``plain``, left as they are: :meth:`bind` them later), and the columns
        given as Unix seconds (for :meth:`statement`)."""
        columns = [list(map(operator.itemgetter(key), rows)) for key in self.keys]
        unix: set[int] = set()
        for index, convert in self._converters:
            if self.keys[index] in plain:
                continue
            columns[index], seconds = convert(columns[index])
            if seconds:
                unix.add(index)
        return frozenset(unix), columns

    def bind(self, key: str, values: list[Any]) -> list[Any]:
        """The values of the column ``key`` ready to bind (not a timestamp column)."""
        for index, convert in self._converters:
            if self.keys[index] == key:
                values, seconds = convert(values)
                assert not seconds
        return values

    def parameters(self, rows: Sequence[Row]) -> tuple[str, list[tuple[Any, ...]]]:
        """The statement and the rows as its parameter tuples, in ``keys`` order."""
        unix, columns = self.columns(rows)
        return self.statement(unix), list(zip(*columns, strict=True))

    def statement(self, unix: frozenset[int], rows: int = 1) -> str:
        """The INSERT of ``rows`` rows (or the COPY) whose columns ``unix`` are given as
        Unix seconds."""
        if self.copy:
            assert not unix
            return self._copy_sql
        statement = self._statements.get((unix, rows))
        if statement is None:
            markers = ", ".join(_SQLITE_FROM_UNIX.format(marker=self._marker)
                                if index in unix else self._marker
                                for index in range(self.width))
            statement = self._statements[(unix, rows)] = self._insert_sql.format(
                values="), (".join([markers] * rows))
        return statement

    def batches(self, unix: frozenset[int], columns: list[list[Any]]
                ) -> list[tuple[str, list[tuple[Any, ...]]]]:
        """SQLite: the statements and parameters that insert the rows ``columns`` hold,
        :meth:`rows_per_insert` rows per statement (the rest one by one)."""
        count = len(columns[0]) if columns else 0
        per = self.rows_per_insert
        whole = count - count % per
        work = []
        if whole:
            flat = itertools.chain.from_iterable(zip(*(c[:whole] for c in columns),
                                                     strict=True))
            # Each statement's values, a tuple of ``per`` rows in a row (C-level grouping).
            work.append((self.statement(unix, per),
                         list(zip(*[flat] * (per * self.width), strict=True))))
        if count > whole:
            work.append((self.statement(unix),
                         list(zip(*(c[whole:] for c in columns), strict=True))))
        return work

    @property
    def rows_per_insert(self) -> int:
        """Rows per INSERT on SQLite: a statement's run builds a small table for each
        ``IN`` list of the table's CHECK constraints, once per run, so one row per run
        (``executemany``) built them for every row, a third of its time on
        ``case_file``. At most 999 values (SQLite's traditional limit) per statement."""
        return max(1, min(ROWS_PER_INSERT, SQLITE_VALUES // self.width))

    def execute(self, connection: Connection, rows: Sequence[Row]) -> None:
        """SQLite: one executemany through the connection."""
        assert not self.copy
        if rows:
            statement, parameters = self.parameters(rows)
            connection.exec_driver_sql(statement, parameters)

    def copy_rows(self, driver: Any, rows: Sequence[Row]) -> None:
        """PostgreSQL: one COPY on the unit of work's psycopg connection, in its
        transaction (psycopg dumps each value by its Python type, as it would an INSERT
        parameter)."""
        assert self.copy
        if not rows:
            return
        _copy(driver, *self.parameters(rows))


def _copy(driver: Any, statement: str, parameters: Sequence[tuple[Any, ...]]) -> None:
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        write = copy.write_row
        for values in parameters:
            write(values)


@dataclass
class Prepared:
    """One table's rows of a slice, ready to bind a column at a time, but the sealed
    columns: still plain (see :class:`Preparer`). Small to pickle: no dict per row."""

    table: str
    keys: tuple[str, ...]
    unix: frozenset[int]
    columns: list[list[Any]]

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0


def _sealed(table: str) -> tuple[str, ...]:
    return SEALED_COLUMNS.get(table, ()) + SEALED_BYTES.get(table, ())


class Preparer:
    """Turns a slice's rows into :class:`Prepared` tables, the work of binding done
    anywhere (the demo's drawing process too): it needs the dialect, never a key.
    Every sealed column of a table is present (``None`` where the rows have none:
    sealed as empty, as :meth:`~models.domain.sealed.FieldCipher.seal_rows` does), its
    values left plain for the sealing and :meth:`TableInsert.bind`."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self._inserts: dict[tuple[str, tuple[str, ...]], TableInsert] = {}

    def insert_for(self, table: Table, keys: tuple[str, ...]) -> TableInsert:
        statement = self._inserts.get((table.name, keys))
        if statement is None:
            statement = self._inserts[(table.name, keys)] = TableInsert(
                self.dialect, table, keys)
        return statement

    def prepare(self, tables: Sequence[tuple[Table, Sequence[Row]]]) -> list[Prepared]:
        out = []
        for table, rows in tables:
            if not rows:
                continue
            sealed = _sealed(table.name)
            keys = tuple(rows[0])
            missing = tuple(name for name in sealed if name not in keys)
            if missing:
                empty = dict.fromkeys(missing)
                rows = [{**row, **empty} for row in rows]
                keys += missing
            unix, columns = self.insert_for(table, keys).columns(rows, plain=sealed)
            out.append(Prepared(table.name, keys, unix, columns))
        return out


def seal_prepared(cipher: FieldCipher, prepared: Sequence[Prepared]) -> None:
    """Seal the plain sealed columns of ``prepared`` in place, in the same stored form as
    :meth:`~models.domain.sealed.FieldCipher.seal_rows` (which does it)."""
    for item in prepared:
        sealed = _sealed(item.table)
        if not sealed:
            continue
        at = {key: index for index, key in enumerate(item.keys)}
        rows: list[Row] = [{"id": row_id, "case_id": case_id} for row_id, case_id in zip(
            item.columns[at["id"]], item.columns[at["case_id"]], strict=True)]
        for name in sealed:
            for row, value in zip(rows, item.columns[at[name]], strict=True):
                row[name] = value
        cipher.seal_rows(item.table, rows)
        for name in sealed:
            item.columns[at[name]] = [row[name] for row in rows]


#: SQLite's page cache while seeding, per victim (KiB): a seeded database takes about
#: 7 KiB a victim (272 MB at 40,000), so the tables and indexes being filled stay in
#: memory, and a page is encrypted once when written, not again each time it is evicted
#: and read back (at 200,000 victims a 256 MiB cache made the seed a third slower).
SEED_CACHE_KIB_PER_VICTIM = 8
SEED_CACHE_KIB_RANGE = (64 * 1024, 2 * 1024 * 1024)


def seed_cache_kib(victims: int) -> int:
    """The page cache (KiB) for seeding ``victims``: 64 MiB to 2 GiB, given back after."""
    low, high = SEED_CACHE_KIB_RANGE
    return max(low, min(high, victims * SEED_CACHE_KIB_PER_VICTIM))


@contextlib.contextmanager
def larger_page_cache(connection: Connection, kib: int) -> Iterator[None]:
    """A page cache of ``kib`` KiB on ``connection`` for the block, then the one it had
    (SQLite; nothing on a server)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")
        connection.exec_driver_sql("PRAGMA shrink_memory")


@contextlib.contextmanager
def indexes_built_after(connection: Connection, tables: Sequence[Table]) -> Iterator[None]:
    """Drop the plain indexes of ``tables`` for the block and create them again after it,
    in the same transaction, from the definitions the database itself holds (so a
    migration's index is rebuilt as it was made). Building an index over the rows once,
    sorted, costs far less than keeping it up to date through a million random inserts.

    The indexes behind primary keys and unique constraints stay (they check the rows as
    they come). On a server, only tables this role owns are touched (only their owner may
    drop an index); a failure in the block rolls the drops back with everything else.
    """
    names = [table.name for table in tables]
    if connection.dialect.name == "sqlite":
        found = [
            (name, sql) for table in names for name, sql in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL ORDER BY name", (table,))
        ]
    elif connection.dialect.name == "postgresql":
        found = list(connection.exec_driver_sql(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "WHERE t.relnamespace = current_schema()::regnamespace "
            "AND t.relname = ANY(%s) AND NOT x.indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) "
            "AND pg_has_role(current_user, t.relowner, 'MEMBER') ORDER BY i.relname",
            (names,)))
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        found = []
    quote = connection.dialect.identifier_preparer.quote
    for name, _sql in found:
        connection.exec_driver_sql(f"DROP INDEX {quote(name)}")
    yield
    for _name, sql in found:
        connection.exec_driver_sql(sql)


class BulkInserter:
    """Writes slices of rows (dicts with the same keys per table) with :class:`TableInsert`.

    On SQLite the caller's thread writes each slice (the driver takes the GIL back for
    every row, so a second thread would only wait for it). On a server a
    :class:`~models.storage.server.BackgroundSender` sends each slice's COPYs while the
    caller generates the next one; at most :attr:`AHEAD` slices wait. Use as a context
    manager: leaving it waits for every slice (and raises the first failure), or, on an
    error, drops what waits.
    """

    AHEAD = 2

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.preparer = Preparer(connection.dialect)
        self._tables: dict[str, Table] = {}
        self._sender: BackgroundSender | None = None
        self._driver: Any = None
        if connection.dialect.name == "postgresql":
            self._sender = BackgroundSender(connection, "suoja-seed-copy", self.AHEAD)
            self._driver = self._sender.driver

    def __enter__(self) -> BulkInserter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if self._sender is not None:
            self._sender.__exit__(kind, *rest)

    def _statement(self, table: Table, rows: Sequence[Row]) -> TableInsert:
        return self.preparer.insert_for(table, tuple(rows[0]))

    def insert(self, table: Table, rows: Sequence[Row]) -> None:
        """Write ``rows`` now (on this thread)."""
        if not rows:
            return
        statement = self._statement(table, rows)
        if self._driver is None:
            statement.execute(self.connection, rows)
        else:
            statement.copy_rows(self._driver, rows)

    def insert_slice(self, tables: Sequence[tuple[Table, Sequence[Row]]]) -> None:
        """Write one slice's rows, table by table in the order given (the foreign keys'):
        at once on SQLite, queued behind the slices before it on a server."""
        work = [(self._statement(table, rows), rows) for table, rows in tables if rows]
        if self._sender is None:
            for statement, rows in work:
                statement.execute(self.connection, rows)
            return
        self._sender.send(partial(self._copy_all, work))

    def _copy_all(self, work: list[tuple[TableInsert, Sequence[Row]]]) -> None:
        for statement, rows in work:
            statement.copy_rows(self._driver, rows)

    def insert_prepared(self, prepared: Sequence[Prepared], tables: Sequence[Table]) -> None:
        """Write one slice's :class:`Prepared` tables (sealed: :func:`seal_prepared`) in
        the order given, ``tables`` naming them: at once on SQLite, queued behind the
        slices before it on a server, like :meth:`insert_slice`."""
        if not self._tables:
            self._tables = {table.name: table for table in tables}
        work = []
        for item in prepared:
            if not len(item):
                continue
            insert = self.preparer.insert_for(self._tables[item.table], item.keys)
            for name in _sealed(item.table):
                index = item.keys.index(name)
                item.columns[index] = insert.bind(name, item.columns[index])
            if self._sender is None:
                work.extend(insert.batches(item.unix, item.columns))
            else:
                work.append((insert.statement(item.unix),
                             list(zip(*item.columns, strict=True))))
        if self._sender is None:
            for statement, parameters in work:
                self.connection.exec_driver_sql(statement, parameters)
            return
        self._sender.send(partial(self._copy_prepared, work))

    def _copy_prepared(self, work: list[tuple[str, list[tuple[Any, ...]]]]) -> None:
        for statement, parameters in work:
            _copy(self._driver, statement, parameters)


__all__ = ["BulkInserter", "Prepared", "Preparer", "TableInsert", "indexes_built_after",
           "larger_page_cache", "seal_prepared", "seed_cache_kib"]
