"""Case lists: a filter's cases in display order a page at a time, their count, where a
case stands, and the intake's duplicate check.

A list is never held whole: :class:`CaseWindow` (under ``gui/shared/case_table.py``) asks
for a page of rows at a time by keyset pagination on the list's sort key, the sort value
and a unique tiebreak (:data:`~models.domain.dto.SortKey`), and counts in SQL. Every sort
the list offers reads an index in its order: reference, opening date, the victim's name
key and the visible part of the identity code (with the victim's id) are keys of indexes
(``0013``); status, risk level and counsellor are *grouped* sorts: one group after
another (the statuses and risk levels in their working order, the counsellors by name,
unassigned first), each read in case id order from an index on (group, id). A jump to
the middle skips rows with OFFSET over those indexes; from the end, a reversed keyset.
A keyed list's count and first page (a keystroke in the search box) are one statement
(:meth:`CaseListService._first_page`). On SQLite the search's matches are found once and
the page read one of two ways by hand (:data:`FEW`); on a PostgreSQL server the search is
a condition its planner weighs with its statistics (:attr:`_Query.on_server`).

Statements are built once per shape (sort, direction, which filters, the search's
branches: :func:`models.services.search.search_plan`) with bound parameters, kept in
:data:`_STATEMENTS` and run as Core selects (no ORM objects for a list).
Searches compare normalised keys (:func:`models.services.search.matching_case_ids`).
Listing is not audited; opening a case is (:meth:`CaseService.get_detail`), and so is a
search by a whole identity code or phone number: one event per search, its detail an HMAC
of the value (:func:`models.services.search.audit_detail`). For a counsellor, codes,
phones and other values the list does not show match only in the cases they may open.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    distinct,
    func,
    literal_column,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from models.domain import validation as v
from models.domain.base import utcnow
from models.domain.dto import CaseFilter, CasePage, CaseRow, SortKey, VictimDraft
from models.domain.entities import (
    DEMO_MARKER,
    Case,
    IdentityCodeRecord,
    User,
    Victim,
    victim_breach,
)
from models.domain.enums import AuditAction, CaseStatus, RiskLevel
from models.domain.text import full_name_key
from models.domain.validation import IdentityCode
from models.security.permissions import Operation
from models.services import normalise
from models.services._base import Service
from models.services.search import (
    IDENTITY_CODE,
    MASK_SHOWS,
    PARAMETERISED_SCOPE,
    PHONE,
    Searched,
    audit_detail,
    derive_search_key,
    of_victim_row,
    plan_statement,
    scope_parameters,
    search_plan,
    searched_values,
    value_scope,
    victim_row_condition,
    victims_matching,
    within_scope,
)

ALL_CASES = CaseFilter()

#: The same search again within this many seconds (the list reloading after a change,
#: the count beside it) is not audited again.
AUDIT_REPEAT_S = 600.0

#: Sort keys a case list can ask for, and the column each sorts on.
SORT_COLUMNS = ("reference", "victim", "identity_code", "status", "risk", "counsellor", "opened")

#: Rows a page holds: a few screens.
PAGE_SIZE = 100
#: Up to this many matching cases a page is read by sorting them (the filter's index
#: finds them, each row is read); more are read in the sort's index order, the filter
#: tested on each row. Reading a row costs about as much as testing some hundred index
#: entries (pages are decrypted), so the turn comes early: at 40,000 cases a name
#: prefix matching 2,400 is read in 9 ms one way and 97 ms the other.
FEW = 300
#: The same turn on a database server, for a search that is not by the victim's row (a
#: police report number, an e-mail, a wallet…): up to this many matches its case ids are
#: collected first and those cases sorted; more, and its planner chooses. Left to itself
#: it walked the sort's index testing each case, expecting the matches spread evenly:
#: report numbers of one department and year belong to the newest cases, so "5500/R/6"
#: (2,836 of 200,000) walked 150,000 cases, 90 ms; collected, 8 ms. Collecting 32,000
#: takes about 100 ms, where the walk finds a page at once.
FEW_ON_SERVER = 4000


class _Collected(FunctionElement[Any]):
    """``column IN (subquery)`` that a server evaluates first, as one array
    (``column = ANY(ARRAY(subquery))``): its planner cannot walk an index instead."""

    name = "collected"
    inherit_cache = True

    def __init__(self, column: Any, subquery: Any) -> None:
        super().__init__(column, subquery.scalar_subquery())
        self.type = Boolean()


@compiles(_Collected)
def _in_subquery(element: _Collected, compiler: SQLCompiler, **kw: Any) -> str:
    column, subquery = element.clauses
    return f"{compiler.process(column, **kw)} IN {compiler.process(subquery, **kw)}"


@compiles(_Collected, "postgresql")
def _any_of_array(element: _Collected, compiler: SQLCompiler, **kw: Any) -> str:
    column, subquery = element.clauses
    return f"{compiler.process(column, **kw)} = ANY(ARRAY{compiler.process(subquery, **kw)})"


class _Unindexed(FunctionElement[Any]):
    """A column SQLite must not search an index for here (``+column``; as is on other
    databases, whose planners weigh the choice with statistics): a broad filter is
    tested row by row while the sort's index gives the order."""

    name = "unindexed"
    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_Unindexed)
def _plain(element: _Unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_Unindexed, "sqlite")
def _unary_plus(element: _Unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))

_case = Case.__table__
_victim = Victim.__table__
_user = User.__table__

#: The visible part of the identity code (what the column shows, ``131052-****``), as
#: index ``ix_victim_code_shown_id`` holds it: literals, so both databases match the
#: index's expression. Sorted by the hidden digits, a case whose code one may change,
#: listed beside another, would tell them by comparison.
_CODE_VISIBLE = func.substr(_victim.c.identity_code, literal_column("1"),
                            literal_column(str(MASK_SHOWS)))
CODE_SHOWN = func.coalesce(_CODE_VISIBLE, literal_column("''"))

#: Keyed sorts: (sort value, unique tiebreak, whether they are the victim's).
_KEYED: dict[str, tuple[Any, Any, bool]] = {
    "reference": (_case.c.reference, _case.c.id, False),
    "opened": (_case.c.opened_on, _case.c.id, False),
    "victim": (_victim.c.search_full_name, _victim.c.id, True),
    "identity_code": (CODE_SHOWN, _victim.c.id, True),
}
#: Grouped sorts: the column whose values are the groups.
_GROUPED: dict[str, Any] = {
    "status": _case.c.status,
    "risk": _case.c.risk_level,
    "counsellor": _case.c.assigned_to_id,
}
_STATUS_GROUPS = (CaseStatus.NEW.value, CaseStatus.OPEN.value, CaseStatus.WAITING.value,
                  CaseStatus.CLOSED.value)
_RISK_GROUPS = (RiskLevel.ACUTE.value, RiskLevel.HIGH.value, RiskLevel.MEDIUM.value,
                RiskLevel.LOW.value)

#: A list row's columns. Of the identity code only its visible part is read (the hidden
#: digits never leave the database for a list).
_ROW_COLUMNS = (
    _case.c.id, _case.c.reference, _victim.c.first_names, _victim.c.last_name,
    _CODE_VISIBLE, _case.c.status, _case.c.risk_level, _user.c.display_name,
    _case.c.opened_on,
)
_ROWS_FROM = _case.join(_victim, _case.c.victim_id == _victim.c.id).outerjoin(
    _user, _case.c.assigned_to_id == _user.c.id)
_VICTIMS_FROM = _case.join(_victim, _case.c.victim_id == _victim.c.id)

#: Statements by shape (what :meth:`CaseListService._statement` was asked for): built
#: once, with bound parameters, so SQLAlchemy's compiled cache serves every later run.
_STATEMENTS: dict[Hashable, Any] = {}


def _row(values: Sequence[Any]) -> CaseRow:
    cid, ref, first, last, shown, status, risk, counsellor, opened = values
    return CaseRow(
        case_id=cid, reference=ref, victim_name=f"{last}, {first}",
        identity_code_masked=IdentityCode.mask_shown(shown) if shown else None,
        status=status, risk_level=risk, counsellor=counsellor, opened_on=opened,
    )


class _Query:
    """One filter's shape (hashable, for the statement cache) and its parameter values."""

    def __init__(self, case_filter: CaseFilter, scope: dict[str, Any] | None,
                 on_server: bool = False) -> None:
        f = case_filter
        plan = search_plan(f.text) if f.text.strip() else None
        #: On a database server the statements leave the plan to its planner, which
        #: weighs walking the sort's index against collecting the matches by its
        #: statistics: a search by name or by the visible part of a code is a condition on
        #: the joined victim row (:func:`victim_row_condition`), any other a plain
        #: subquery. SQLite is steered by hand instead (:data:`FEW`).
        self.on_server = on_server
        self.by_victim = on_server and plan is not None and of_victim_row(plan.shape)
        #: On a server, a search not by the victim's row: counted first, so that a few
        #: matches are collected (:data:`FEW_ON_SERVER`), at one round trip more.
        self.collects = on_server and plan is not None and not self.by_victim
        self.shape: tuple[Any, ...] = (
            bool(f.statuses), bool(f.risk_levels), f.assigned_to_id is not None,
            f.unassigned_only, f.breach_id is not None, f.case_ids is not None,
            None if plan is None else plan.shape, plan is not None and scope is not None,
            on_server,
        )
        #: The whole codes and phone numbers the search looks for (audited).
        self.searched = [] if plan is None else searched_values(f.text, plan.kinds)
        self.values: dict[str, Any] = {}
        if f.statuses:
            self.values["f_statuses"] = [s.value for s in f.statuses]
        if f.risk_levels:
            self.values["f_risks"] = [r.value for r in f.risk_levels]
        if f.assigned_to_id is not None:
            self.values["f_assigned"] = f.assigned_to_id
        if f.breach_id is not None:
            self.values["f_breach"] = f.breach_id
        if f.case_ids is not None:
            self.values["f_case_ids"] = list(f.case_ids)
        if plan is not None:
            self.values.update(plan.values)
            if scope is not None:
                self.values.update(scope)
        self.filter = f

    def conditions(self, walk: bool = False, matched: Any = None, collect: bool = False
                   ) -> list[ColumnElement[bool]]:
        """The filter as conditions on ``case_file`` (values as bound parameters);
        ``walk``: tested on each row, never searched in an index (:data:`FEW`);
        ``matched``: the search's case ids as a common table expression (read once);
        ``collect``: on a server, the search's case ids collected first
        (:data:`FEW_ON_SERVER`)."""
        statuses, risks, assigned, unassigned, breach, ids, search, scoped, _ = self.shape

        def column(name: str) -> Any:
            return _Unindexed(_case.c[name]) if walk else _case.c[name]

        where: list[ColumnElement[bool]] = []
        if statuses:
            where.append(column("status").in_(bindparam("f_statuses", expanding=True)))
        if risks:
            where.append(column("risk_level").in_(bindparam("f_risks", expanding=True)))
        if assigned:
            where.append(column("assigned_to_id") == bindparam("f_assigned"))
        if unassigned:
            where.append(column("assigned_to_id").is_(None))
        if breach:
            where.append(column("victim_id").in_(select(victim_breach.c.victim_id).where(
                victim_breach.c.breach_id == bindparam("f_breach"))))
        if self.by_victim:
            where.append(victim_row_condition(search))
        elif search is not None:
            found: Any = select(*matched.c) if matched is not None else plan_statement(
                search, PARAMETERISED_SCOPE if scoped else None, distinct=False)
            if self.collects and collect:
                where.append(_Collected(_case.c.id, found))
            else:
                where.append(column("id").in_(found))
        if ids:
            where.append(column("id").in_(bindparam("f_case_ids", expanding=True)))
        return where

    def source(self, of_victim: bool = False) -> Any:
        """What a statement on its conditions reads: case_file, joined with victim when
        the sort or the search needs the victim's columns."""
        return _VICTIMS_FROM if of_victim or self.by_victim else _case


def _after(first: Any, second: Any, descending: bool) -> ColumnElement[bool]:
    """Rows after (first, second) in the order: ``first >= :k1 AND (first > :k1 OR
    second > :k2)`` ascending (an index range on the sort value, the tiebreak a filter)."""
    k1: Any = bindparam("k1")
    k2: Any = bindparam("k2")
    if descending:
        return and_(first <= k1, or_(first < k1, second < k2))
    return and_(first >= k1, or_(first > k1, second > k2))


def _in_order(first: Any, second: Any, descending: bool) -> tuple[Any, Any]:
    """ORDER BY the sort value, then the tiebreak, both one way."""
    return (first.desc(), second.desc()) if descending else (first.asc(), second.asc())


class CaseListService(Service):
    """Which cases a list shows, in which order, and their rows."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._audited: dict[str, float] = {}
        self._derived: tuple[bytes, bytes] | None = None

    def values_matched_in_scope_only(self) -> bool:
        """Whether identity codes, phone numbers and other values the list does not show
        find only the cases this user may open (a counsellor), so the GUI can say so."""
        return value_scope(self._actor.role, self._actor.user_id, utcnow()) is not None

    def list_case_ids(
        self, case_filter: CaseFilter = ALL_CASES, sort: str = "reference",
        descending: bool = False,
    ) -> list[int]:
        """The ids of every case the filter lets through, in display order (the command
        line's ``--all``; a list on screen asks for pages: :meth:`case_page`)."""
        self._require(Operation.LIST_CASES)
        _check_sort(sort)
        query = self._query(case_filter)
        with self._searching(query.searched, "list") as connection:
            if sort in _KEYED:
                first, second, of_victim = _KEYED[sort]
                statement = select(_case.c.id).select_from(
                    query.source(of_victim)).where(*query.conditions())
                order = [first, second]
            else:
                groups = self._groups(connection, sort, query.filter)
                ranks = {g: i for i, g in enumerate(groups) if g is not None}
                statement = select(_case.c.id).select_from(query.source()).where(
                    *query.conditions())
                # Unassigned (no group value) first, as the window reads it.
                order = [case(ranks, value=_GROUPED[sort], else_=-1), _case.c.id] if ranks \
                    else [_case.c.id]
            statement = statement.order_by(
                *(o.desc() if descending else o.asc() for o in order))
            return list(connection.execute(statement, query.values).scalars())

    def count_cases(self, case_filter: CaseFilter = ALL_CASES) -> int:
        """How many cases the filter lets through."""
        self._require(Operation.LIST_CASES)
        query = self._query(case_filter)
        with self._searching(query.searched, "list") as connection:
            return self._count(connection, query)

    def open_list(
        self, case_filter: CaseFilter = ALL_CASES, sort: str = "reference",
        descending: bool = False, limit: int = PAGE_SIZE,
    ) -> tuple[int, CasePage]:
        """How many cases the filter lets through and the first ``limit`` of them, in one
        unit of work: what a list shows first (a keystroke in the search box)."""
        self._require(Operation.LIST_CASES)
        _check_sort(sort)
        query = self._query(case_filter)
        with self._searching(query.searched, "list") as connection:
            if sort in _KEYED and limit > 0 and not query.collects:
                found = list(connection.execute(
                    self._first_page(query, sort, descending),
                    {**query.values, "limit": limit, "few": FEW}))
                return (found[0][0] if found else 0), _as_page([r[1:] for r in found], False)
            count = self._count(connection, query)
            if count == 0:
                return 0, CasePage(())
            return count, self._page(connection, query, sort, descending, None, False, 0,
                                     limit, False, _walk(query, count))

    def case_page(
        self, case_filter: CaseFilter, sort: str, descending: bool, *,
        after: SortKey | None = None, backward: bool = False, skip: int = 0,
        limit: int = PAGE_SIZE, ids_only: bool = False, matches: int | None = None,
    ) -> CasePage:
        """``limit`` rows of the list, in display order.

        Forward: the rows after ``after`` (None: from the first), ``skip`` of them left
        out first. Backward: the ``limit`` rows before ``after`` (None: from the last),
        the ``skip`` nearest left out. ``ids_only`` reads the ids and keys alone.
        ``matches``: how many cases the filter lets through, if known (a few are found
        through the filter's index and sorted, many read in the sort's index order).
        """
        self._require(Operation.LIST_CASES)
        _check_sort(sort)
        if limit <= 0:
            return CasePage(())
        query = self._query(case_filter)
        with self._searching(query.searched, "list") as connection:
            return self._page(connection, query, sort, descending, after, backward,
                              max(skip, 0), limit, ids_only, _walk(query, matches))

    def case_position(self, case_filter: CaseFilter, sort: str, descending: bool,
                      case_id: int) -> int | None:
        """The row (from 0) of ``case_id`` in the list, or None if the filter leaves it
        out: the rows before it, counted in SQL."""
        self._require(Operation.LIST_CASES)
        _check_sort(sort)
        query = self._query(case_filter)
        with self._searching(query.searched, "list") as connection:
            values = {**query.values, "position_case": case_id}
            if sort in _KEYED:
                key = connection.execute(
                    self._statement(("key_of", sort, query.shape), lambda: self._key_of(
                        sort, query)), values).first()
                if key is None:
                    return None
                before = self._statement(
                    ("before", sort, descending, query.shape),
                    lambda: self._count_before(sort, descending, query))
                return int(connection.execute(
                    before, {**query.values, "k1": key[0], "k2": key[1]}).scalar() or 0)
            group_of = self._statement(
                ("group_of", sort, query.shape),
                lambda: select(_GROUPED[sort]).select_from(query.source()).where(
                    _case.c.id == bindparam("position_case"), *query.conditions()))
            found = connection.execute(group_of, values).first()
            if found is None:
                return None
            groups = self._groups(connection, sort, query.filter)
            if descending:
                groups.reverse()
            counts = self._group_counts(connection, query, sort)
            position = 0
            for group in groups:
                if group == found[0]:
                    break
                position += counts.get(group, 0)
            # The rows before it in its own group: those after it the other way round.
            return position + self._group_count(connection, query, sort, found[0], case_id,
                                                not descending)

    def case_rows(self, case_ids: Sequence[int]) -> list[CaseRow]:
        """List rows for ``case_ids`` in the order given (missing ids are skipped)."""
        self._require(Operation.LIST_CASES)
        if not case_ids:
            return []
        rows: dict[int, CaseRow] = {}
        with self._db.reading_rows() as connection:
            for chunk_start in range(0, len(case_ids), 500):
                chunk = list(case_ids[chunk_start : chunk_start + 500])
                result = connection.execute(
                    select(*_ROW_COLUMNS).select_from(_ROWS_FROM).where(
                        _case.c.id.in_(chunk)))
                for values in result:
                    rows[values[0]] = _row(values)
        return [rows[cid] for cid in case_ids if cid in rows]

    def find_duplicates(self, draft: VictimDraft) -> list[CaseRow]:
        """Cases of victims who may be the person in ``draft`` (the intake's duplicate check).

        A victim matches on the same identity code (current or earlier, from the code
        history), on the same name and date of birth (the date taken from the identity
        code when not given), or on the same phone number. Each test is an equality on an
        indexed column. Like the search, a code or phone is audited as an HMAC, and for a
        counsellor it matches only in cases they may open; name and date of birth match
        in any case whose list row shows the birth date (its masked code), so nothing is
        confirmed that the list does not show.

        Raises:
            ValidationError: the identity code or phone number in ``draft`` is malformed.
        """
        self._require(Operation.LIST_CASES)
        parsed = normalise.optional_identity_code(draft.identity_code)
        birth_date = draft.birth_date
        scope = value_scope(self._actor.role, self._actor.user_id, utcnow())
        listed: list[Select[Any]] = []
        unlisted: list[Select[Any]] = []
        searched: list[Searched] = []
        by_victim = select(Case.id).join(Victim, Case.victim_id == Victim.id)
        if parsed is not None:
            birth_date = birth_date or parsed.birth_date
            searched.append(Searched(IDENTITY_CODE, parsed.compact))
            unlisted.append(by_victim.where(Victim.identity_code == parsed.compact))
            unlisted.append(
                select(Case.id)
                .join(IdentityCodeRecord, IdentityCodeRecord.victim_id == Case.victim_id)
                .where(IdentityCodeRecord.identity_code == parsed.compact)
            )
        if birth_date is not None and draft.first_names.strip() and draft.last_name.strip():
            same_person = by_victim.where(
                Victim.birth_date == birth_date,
                Victim.search_full_name == full_name_key(draft.first_names, draft.last_name),
            )
            if scope is None:
                listed.append(same_person)
            else:
                # Without a code the list shows no birth date: match in scope only.
                listed.append(same_person.where(or_(scope, Victim.identity_code.is_not(None))))
        phone = (draft.phone or "").strip()
        if phone:
            number = v.validate_phone(phone, plan=False)  # a duplicate as stored
            searched.append(Searched(PHONE, number))
            unlisted.append(by_victim.where(Victim.phone == number))
        statements = listed + within_scope(unlisted, scope)
        if not statements:
            return []
        with self._searching(searched, "duplicates") as connection:
            query = statements[0] if len(statements) == 1 else union(*statements)
            found = set(connection.scalars(query))
        return sorted(self.case_rows(sorted(found)), key=lambda row: row.reference)

    def is_demo_database(self) -> bool:
        """Whether the database holds synthetic demo data (shown in the window title)."""
        from models.domain.entities import Meta

        with self._db.reading() as db_session:
            return db_session.get(Meta, DEMO_MARKER) is not None
    # -- helpers ------------------------------------------------------------------------

    @contextmanager
    def _searching(self, searched: list[Searched], via: str) -> Iterator[Connection]:
        """A unit of work for a search: a reading one, or, when the search looks for a
        whole identity code or phone number not audited in the last
        :data:`AUDIT_REPEAT_S` seconds, a writing one that records it (an HMAC of each
        value, never the value)."""
        if not searched:
            with self._db.reading_rows() as connection:
                yield connection
            return
        detail = audit_detail(self._search_key(), via, searched)
        now = time.monotonic()
        self._audited = {d: t for d, t in self._audited.items() if now - t < AUDIT_REPEAT_S}
        if detail in self._audited:
            with self._db.reading_rows() as connection:
                yield connection
            return
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.VIEW, "search", detail=detail)
            yield db_session.connection()
        self._audited[detail] = now

    def _search_key(self) -> bytes:
        """:func:`derive_search_key` of the database's chain secret, derived once."""
        secret = self._db.chain_secret
        if self._derived is None or self._derived[0] is not secret:
            self._derived = (secret, derive_search_key(secret))
        return self._derived[1]

    def _query(self, case_filter: CaseFilter) -> _Query:
        return _Query(case_filter,
                      scope_parameters(self._actor.role, self._actor.user_id, utcnow()),
                      self._db.on_server)

    @staticmethod
    def _statement(shape: Hashable, build: Callable[[], Any]) -> Any:
        statement = _STATEMENTS.get(shape)
        if statement is None:
            statement = _STATEMENTS[shape] = build()
        return statement

    def _count(self, connection: Connection, query: _Query) -> int:
        statement = self._statement(("count", query.shape), lambda: _count_statement(query))
        return int(connection.execute(statement, query.values).scalar() or 0)

    def _page(self, connection: Connection, query: _Query, sort: str, descending: bool,
              after: SortKey | None, backward: bool, skip: int, limit: int,
              ids_only: bool, walk: bool) -> CasePage:
        read = self._keyed_rows if sort in _KEYED else self._grouped_rows
        found = read(connection, query, sort, descending != backward, after, skip, limit,
                     ids_only, walk)
        if backward:
            found.reverse()
        return _as_page(found, ids_only)

    def _first_page(self, query: _Query, sort: str, descending: bool) -> Any:
        """One statement for a keyed list's count and first page (each row carries the
        count; no row: none match).

        SQLite: the matches are a materialised common table expression, counted once; the
        page is read one of two ways (:data:`FEW`), each guarded by that count, so the
        database runs one of them. A server: the count is materialised, and the page
        tests the search as a condition (on the victim's row for a name or code part,
        else a plain subquery) for its planner to walk the sort's index or collect.
        """
        def build() -> Any:
            search, scoped, on_server = query.shape[6:]
            first, second, _ = _KEYED[sort]
            order = _in_order(first, second, descending)
            matched: Any = None
            if on_server:
                # The server's planner chooses between walking the sort's index and
                # sorting the matches, by its statistics (:attr:`_Query.on_server`).
                counted = _count_statement(query).cte("counted").prefix_with(
                    "MATERIALIZED")
                return select(select(counted.c[0]).scalar_subquery().label("matches"),
                              first.label("k1"), second.label("k2"), *_ROW_COLUMNS
                              ).select_from(_ROWS_FROM).where(*query.conditions()).order_by(
                    *order).limit(bindparam("limit", type_=Integer))
            if search is not None:
                matched = plan_statement(
                    search, PARAMETERISED_SCOPE if scoped else None, distinct=False
                ).cte("matched").prefix_with("MATERIALIZED")
            if matched is not None and not any(query.shape[:6]):
                counting = select(func.count(distinct(next(iter(matched.c)))).label("n"))
            else:
                counting = select(func.count().label("n")).select_from(_case).where(
                    *query.conditions(matched=matched))
            counted = counting.cte("counted").prefix_with("MATERIALIZED")
            matches = select(counted.c.n).scalar_subquery()

            def read(walk: bool | None) -> Any:
                statement = select(matches.label("matches"), first.label("k1"),
                                   second.label("k2"), *_ROW_COLUMNS).select_from(_ROWS_FROM)
                limit: Any = bindparam("limit", type_=Integer)
                if walk is not None:
                    # The guard as the LIMIT (worked out once, before any row is read;
                    # a condition with a subquery would be tested on every row).
                    few = bindparam("few", type_=Integer)
                    limit = case((matches > few if walk else matches <= few, limit), else_=0)
                return statement.where(*query.conditions(bool(walk), matched)).order_by(
                    *order).limit(limit)

            if not _walk(query, None):
                return read(None)
            # Only one half returns rows; sorting those again costs next to nothing.
            halves = [select(*read(walk).subquery().c) for walk in (False, True)]
            both = union_all(*halves).subquery()
            return select(*both.c).order_by(*_in_order(both.c.k1, both.c.k2, descending))

        return self._statement(("first_page", sort, descending, query.shape), build)

    def _keyed_rows(self, connection: Connection, query: _Query, sort: str, descending: bool,
                    after: SortKey | None, skip: int, limit: int, ids_only: bool,
                    walk: bool) -> list[Any]:
        if skip and not ids_only:
            # Skip over the index alone (no joins), then read the page after that row.
            anchor = self._keyed_rows(connection, query, sort, descending, after, skip - 1,
                                      1, True, walk)
            if not anchor:
                return []
            after, skip = (anchor[0][0], anchor[0][1]), 0

        def build() -> Any:
            first, second, of_victim = _KEYED[sort]
            if ids_only:
                statement = select(first, second, _case.c.id.label("case_id")).select_from(
                    query.source(of_victim))
            else:
                statement = select(first, second, *_ROW_COLUMNS).select_from(_ROWS_FROM)
            statement = statement.where(*query.conditions(walk, collect=not walk))
            if after is not None:
                statement = statement.where(_after(first, second, descending))
            return statement.order_by(*_in_order(first, second, descending)).limit(
                bindparam("limit")).offset(
                bindparam("skip"))

        statement = self._statement(
            ("keyed", sort, descending, after is not None, ids_only, walk, query.shape), build)
        values = {**query.values, "limit": limit, "skip": skip}
        if after is not None:
            values["k1"], values["k2"] = after
        return list(connection.execute(statement, values))

    def _grouped_rows(self, connection: Connection, query: _Query, sort: str, descending: bool,
                      after: SortKey | None, skip: int, limit: int, ids_only: bool,
                      walk: bool) -> list[Any]:
        """Rows group after group, each group in case id order: the groups before the
        one of ``after`` are passed over, whole groups skipped by their counts."""
        groups = self._groups(connection, sort, query.filter)
        if descending:
            groups.reverse()
        after_id: int | None = None
        if after is not None:
            if after[0] not in groups:
                return []
            groups = groups[groups.index(after[0]):]
            after_id = after[1]
        counts: dict[Any, int] | None = None
        if skip or (sort == "counsellor" and (any(query.shape[:6]) or query.shape[6])):
            # One count per group (a filtered list re-reads its filter in every query):
            # empty groups and whole skipped groups are passed over.
            counts = self._group_counts(connection, query, sort)
        found: list[Any] = []
        for group in groups:
            if counts is not None and not counts.get(group):
                continue
            if skip:
                in_group = self._group_count(connection, query, sort, group, after_id,
                                             descending) if after_id is not None \
                    else (counts or {}).get(group, 0)
                if in_group <= skip:
                    skip -= in_group
                    after_id = None
                    continue
                if not ids_only:
                    # Skip over the index alone, then read the rows after that one.
                    anchor = self._group_rows(connection, query, sort, group, after_id,
                                              descending, skip - 1, 1, True, walk)
                    after_id, skip = anchor[0][1], 0
            found += self._group_rows(connection, query, sort, group, after_id, descending,
                                      skip, limit - len(found), ids_only, walk)
            skip = 0
            after_id = None
            if len(found) >= limit:
                break
        return found

    def _group_rows(self, connection: Connection, query: _Query, sort: str, group: Any,
                    after_id: int | None, descending: bool, skip: int, limit: int,
                    ids_only: bool, walk: bool) -> list[Any]:
        def build() -> Any:
            column = _GROUPED[sort]
            if ids_only:
                statement = select(column, _case.c.id, _case.c.id.label("case_id")
                                   ).select_from(query.source())
            else:
                statement = select(column, _case.c.id, *_ROW_COLUMNS).select_from(_ROWS_FROM)
            statement = statement.where(
                column.is_(None) if group is None else column == bindparam("group"),
                *query.conditions(walk))
            if after_id is not None:
                statement = statement.where(
                    _case.c.id < bindparam("k2") if descending else _case.c.id > bindparam("k2"))
            order = _case.c.id.desc() if descending else _case.c.id.asc()
            return statement.order_by(order).limit(bindparam("limit")).offset(
                bindparam("skip"))

        statement = self._statement(
            ("grouped", sort, group is None, descending, after_id is not None, ids_only, walk,
             query.shape), build)
        values = {**query.values, "group": group, "k2": after_id, "limit": limit,
                  "skip": skip}
        return list(connection.execute(statement, values))

    def _group_count(self, connection: Connection, query: _Query, sort: str, group: Any,
                     after_id: int | None, descending: bool) -> int:
        """The rows of ``group`` (after ``after_id`` in that direction, if given)."""
        def build() -> Any:
            column = _GROUPED[sort]
            statement = select(func.count()).select_from(query.source()).where(
                column.is_(None) if group is None else column == bindparam("group"),
                *query.conditions())
            if after_id is not None:
                statement = statement.where(
                    _case.c.id < bindparam("k2") if descending else _case.c.id > bindparam("k2"))
            return statement

        statement = self._statement(
            ("group_count", sort, group is None, descending, after_id is not None,
             query.shape), build)
        values = {**query.values, "group": group, "k2": after_id}
        return int(connection.execute(statement, values).scalar() or 0)

    def _group_counts(self, connection: Connection, query: _Query, sort: str) -> dict[Any, int]:
        column = _GROUPED[sort]
        statement = self._statement(("group_counts", sort, query.shape), lambda: select(
            column, func.count()).select_from(query.source()).where(
                *query.conditions()).group_by(column))
        counted = connection.execute(statement, query.values)
        return {group: int(n) for group, n in counted}

    def _groups(self, connection: Connection, sort: str, case_filter: CaseFilter) -> list[Any]:
        """The groups of a grouped sort in ascending order (only those the filter can
        let through): statuses and risk levels in their working order; counsellors
        unassigned first, then by name."""
        if sort == "status":
            chosen = {s.value for s in case_filter.statuses}
            return [g for g in _STATUS_GROUPS if not chosen or g in chosen]
        if sort == "risk":
            chosen = {r.value for r in case_filter.risk_levels}
            return [g for g in _RISK_GROUPS if not chosen or g in chosen]
        if case_filter.unassigned_only:
            return [None]
        if case_filter.assigned_to_id is not None:
            return [case_filter.assigned_to_id]
        users = self._statement(("counsellors",), lambda: select(_user.c.id).order_by(
            _user.c.display_name, _user.c.id))
        return [None, *connection.execute(users).scalars()]

    @staticmethod
    def _key_of(sort: str, query: _Query) -> Any:
        first, second, of_victim = _KEYED[sort]
        return select(first, second).select_from(query.source(of_victim)).where(
            _case.c.id == bindparam("position_case"), *query.conditions())

    @staticmethod
    def _count_before(sort: str, descending: bool, query: _Query) -> Any:
        first, second, of_victim = _KEYED[sort]
        return select(func.count()).select_from(query.source(of_victim)).where(
            _after(first, second, not descending), *query.conditions())


def _count_statement(query: _Query) -> Any:
    """A select of how many cases the filter lets through."""
    search, scoped, _ = query.shape[6:]
    if query.by_victim and not any(query.shape[:6]):
        # Names and codes alone: their victims counted on the victim table's indexes
        # (one case per victim, each: the two are created together and cases are never
        # deleted), each branch from its own index, no row read.
        found = victims_matching(search).subquery()
        return select(func.count(distinct(found.c.id)))
    if search is not None and not any(query.shape[:6]):
        # A search alone: its distinct case ids counted from its indexes, no case row read.
        found = plan_statement(search, PARAMETERISED_SCOPE if scoped else None,
                               distinct=False).subquery()
        return select(func.count(distinct(next(iter(found.c)))))
    return select(func.count()).select_from(query.source()).where(*query.conditions())


def _as_page(found: list[Any], ids_only: bool) -> CasePage:
    """A page of rows read as (sort value, tiebreak, case id, row columns...)."""
    if not found:
        return CasePage(())
    return CasePage(
        case_ids=tuple(r[2] for r in found),
        rows=() if ids_only else tuple(_row(r[2:]) for r in found),
        first=(found[0][0], found[0][1]), last=(found[-1][0], found[-1][1]),
    )


def _walk(query: _Query, matches: int | None) -> bool:
    """Whether a filtered list is read in its sort's index order (see :data:`FEW`); on a
    server, whether a search not by the victim's row is left to its planner
    (:data:`FEW_ON_SERVER`; the planner weighs the rest)."""
    if matches is not None and matches <= (FEW_ON_SERVER if query.on_server else FEW):
        return False
    return any(query.shape[:6]) or query.shape[6] is not None


def _check_sort(sort: str) -> None:
    if sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort key {sort!r}")


class CaseWindow:
    """A case list seen through a window: its count, and the rows asked for a page at a
    time, a few pages kept (least recently used go first), never every id.

    A page is read by keyset from the nearest page kept (or from the list's first or
    last row) in the list's order, rows in between skipped in SQL: scrolling reads the
    page after the one shown, a jump to the end reads backward from the last row, a jump
    to the middle skips over an index. Positions are those of the count: rows added or
    removed since are seen after :meth:`CaseListService.open_list` again (a reload).
    """

    def __init__(self, cases: CaseListService, case_filter: CaseFilter = ALL_CASES,
                 sort: str = "reference", descending: bool = False, *,
                 page_size: int = PAGE_SIZE, pages_kept: int = 12) -> None:
        self._cases = cases
        self.case_filter = case_filter
        self.sort = sort
        self.descending = descending
        self._size = page_size
        self._kept = max(pages_kept, 2)
        self.count, first = cases.open_list(case_filter, sort, descending, page_size)
        self._pages: OrderedDict[int, CasePage] = OrderedDict()
        if first.case_ids:
            self._pages[0] = first

    @property
    def pages_kept(self) -> int:
        """How many pages are held now (for tests: memory stays flat)."""
        return len(self._pages)

    def row(self, index: int) -> CaseRow | None:
        """The row at ``index`` (None past the end, or if it has gone since the count)."""
        page = self._page(index // self._size)
        offset = index % self._size
        return page.rows[offset] if page is not None and offset < len(page.rows) else None

    def case_id(self, index: int) -> int | None:
        page = self._page(index // self._size)
        offset = index % self._size
        return page.case_ids[offset] if page is not None and offset < len(page.case_ids) \
            else None

    def position(self, case_id: int) -> int | None:
        """The row showing ``case_id`` (from the pages kept, else counted in SQL)."""
        for number, page in self._pages.items():
            if case_id in page.case_ids:
                return number * self._size + page.case_ids.index(case_id)
        found = self._cases.case_position(self.case_filter, self.sort, self.descending,
                                          case_id)
        return found if found is not None and found < self.count else None

    def case_ids(self, start: int, stop: int, chunk: int = 5000) -> list[int]:
        """The ids of rows ``start`` to ``stop - 1`` (a selection), read in chunks by
        keyset, ids only, from the nearest page kept before ``start``."""
        start, stop = max(start, 0), min(stop, self.count)
        if start >= stop:
            return []
        after: SortKey | None = None
        skip = start
        for number, page in self._pages.items():
            last = number * self._size + len(page.case_ids) - 1
            if page.last is not None and last < start and start - last - 1 < skip:
                after, skip = page.last, start - last - 1
        found: list[int] = []
        while len(found) < stop - start:
            got = self._cases.case_page(
                self.case_filter, self.sort, self.descending, after=after, skip=skip,
                limit=min(chunk, stop - start - len(found)), ids_only=True, matches=self.count)
            if not got.case_ids:
                break
            found += got.case_ids
            after, skip = got.last, 0
        return found

    def _page(self, number: int) -> CasePage | None:
        start = number * self._size
        if not 0 <= start < self.count:
            return None
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        page = self._read(number, start, min(self._size, self.count - start))
        self._pages[number] = page
        while len(self._pages) > self._kept:
            self._pages.popitem(last=False)
        return page

    def _read(self, number: int, start: int, size: int) -> CasePage:
        end = start + size - 1
        # (rows to skip, after, backward): from the first row, from the last, or from the
        # nearest page kept, whichever skips fewest.
        options: list[tuple[int, SortKey | None, bool]] = [
            (start, None, False), (self.count - 1 - end, None, True)]
        for kept, page in self._pages.items():
            if page.first is None or page.last is None:
                continue
            first = kept * self._size
            last = first + len(page.case_ids) - 1
            if last < start:
                options.append((start - last - 1, page.last, False))
            elif first > end:
                options.append((first - end - 1, page.first, True))
        skip, after, backward = min(options, key=lambda option: option[0])
        return self._cases.case_page(self.case_filter, self.sort, self.descending,
                                     after=after, backward=backward, skip=skip, limit=size,
                                     matches=self.count)
