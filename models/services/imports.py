"""Importing a list of affected people: every valid, new person becomes a victim and a case.

:meth:`ImportService.check` validates a read file and finds duplicates without writing
(the dialog's preview); :meth:`ImportService.run` does the same inside one writing unit of
work and inserts the accepted rows with Core bulk inserts, so 40,000 rows take seconds.
Both read the rows from the file as they go and write them a chunk at a time: what stays
in memory is the rows' duplicate keys (hashes, :class:`_SeenInFile`) and the findings, so
a 50 MB list stays well under 200 MB. Both refuse a file with a column that is neither
mapped nor ignored (:func:`models.services.importing.check_columns`).

A row is *refused* when it breaks a rule and a *duplicate* when the person is already a
victim (same identity code, current or earlier; same name and date of birth; same phone)
or appeared on an earlier row of the file. Neither is imported. A row with an identity
code is one person: another code means another person (a household shares a phone, two
people share a name and a birthday), so such a row is a duplicate only by its code, or by
name, birth date or phone of someone recorded without a code. With
``all_or_nothing`` one refused or duplicate row stops the whole import.

An import never confirms a value of a case the importer may not open (a counsellor's
colleagues' cases): there, only a name and birth date the case list shows (the birth
date of a masked code) make a duplicate. A row whose code or phone is that of such a
case counts as a new person, since refusing or merging it would confirm the value
(``tests/test_insider_oracle.py`` says why no hint is given either).

One audit event records the batch (``create``, entity ``import``, the counts, with the
number of columns knowingly ignored), not one per case: the cases are new, unassigned
and have no content beyond the list's.
"""

from __future__ import annotations

import datetime as dt
import time
from array import array
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, insert, not_, select
from sqlalchemy.orm import Session

from models.domain.base import local_today, utcnow
from models.domain.changes import ChangeKind
from models.domain.entities import Breach, Case, IdentityCodeRecord, Victim, victim_breach
from models.domain.enums import AuditAction, CaseStatus, RiskLevel
from models.domain.errors import NotFound
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.security.permissions import Operation
from models.services._base import Service
from models.services.cases import REFERENCE_PREFIX, next_reference
from models.services.importing import (
    CsvTable,
    Problem,
    ValidRow,
    check_columns,
    validate_rows,
    where,
)
from models.services.search import value_scope
from models.storage.server import resync_sequences

_CHUNK = 2000

Progress = Callable[[int, int], None]


@dataclass(frozen=True, kw_only=True)
class Duplicate:
    """A row not imported because the person is already known.

    Attributes:
        row: the spreadsheet row of the duplicate (the header is row 1).
        line: the file line it starts on.
        reason: ``"same identity code"``, ``"same name and date of birth"`` or
            ``"same phone"`` (in English, marked with ``N_``: ``str()`` translates it).
        existing: the case reference of the victim already in the database, or
            ``"row N"`` (in the language in use) for an earlier row of the file.
    """

    row: int
    line: int
    reason: str
    existing: str

    def __str__(self) -> str:
        return _("{where}: duplicate of {existing} ({reason})").format(
            where=where(self.row, self.line), existing=self.existing, reason=_(self.reason))


@dataclass(frozen=True, kw_only=True)
class ImportReport:
    """What an import found (and, after :meth:`ImportService.run`, what it did).

    Attributes:
        rows: data rows in the file.
        accepted: rows that would be (or were) imported.
        problems: refused rows, in file order.
        duplicates: duplicate rows, in file order.
        imported: rows written (0 for a check, or when nothing was committed).
        first_reference, last_reference: the new cases' references, when any.
        seconds: how long it took.
    """

    rows: int
    accepted: int
    problems: tuple[Problem, ...]
    duplicates: tuple[Duplicate, ...]
    imported: int = 0
    first_reference: str | None = None
    last_reference: str | None = None
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        """Every row was accepted."""
        return not self.problems and not self.duplicates


@dataclass
class _Tally:
    """One pass over the file: what was counted, refused and found twice."""

    rows: int = 0
    accepted: int = 0
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


@dataclass
class _Known:
    """Who is already a victim, keyed the way duplicates are found."""

    codes: dict[str, str] = field(default_factory=dict)
    #: Name and birth date, and phone, of every victim; ``…_uncoded`` of those with no
    #: identity code (whom a row with a code may still be); ``listed`` of the cases one
    #: may not open (see :meth:`add_listed`).
    names: dict[tuple[str, dt.date], str] = field(default_factory=dict)
    phones: dict[str, str] = field(default_factory=dict)
    names_uncoded: dict[tuple[str, dt.date], str] = field(default_factory=dict)
    phones_uncoded: dict[str, str] = field(default_factory=dict)
    listed: dict[tuple[str, dt.date], str] = field(default_factory=dict)

    def match(self, columns: Mapping[str, Any]) -> tuple[str, str] | None:
        code = columns["identity_code"]
        if code and code in self.codes:
            return N_("same identity code"), self.codes[code]
        # A row with a code is another person than a victim with another code.
        names, phones = ((self.names_uncoded, self.phones_uncoded) if code
                         else (self.names, self.phones))
        birth = columns["birth_date"]
        if birth is not None:
            key = (columns["search_full_name"], birth)
            for known in (names, self.listed):
                if key in known:
                    return N_("same name and date of birth"), known[key]
        phone = columns["phone"]
        if phone and phone in phones:
            return N_("same phone"), phones[phone]
        return None

    def add(self, columns: Mapping[str, Any], label: str) -> None:
        coded = bool(columns["identity_code"])
        if coded:
            self.codes.setdefault(columns["identity_code"], label)
        if columns["birth_date"] is not None:
            key = (columns["search_full_name"], columns["birth_date"])
            self.names.setdefault(key, label)
            if not coded:
                self.names_uncoded.setdefault(key, label)
        if columns["phone"]:
            self.phones.setdefault(columns["phone"], label)
            if not coded:
                self.phones_uncoded.setdefault(columns["phone"], label)

    def add_listed(self, columns: Mapping[str, Any], label: str) -> None:
        """Only what the case list shows of a case one may not open: the name, and the
        birth date if the masked code shows it (a row with the same name and birth date is
        taken for that person whatever its code: comparing codes would confirm one)."""
        if columns["identity_code"] and columns["birth_date"] is not None:
            self.listed.setdefault((columns["search_full_name"], columns["birth_date"]), label)


class _SeenInFile:
    """The rows of this file read so far, by the keys duplicates are found with.

    Each key (identity code; name and birth date; phone) is kept as its 64-bit hash beside
    the row, in two flat arrays (open addressing), not as strings in dicts: 200,000 rows'
    keys take about 12 MB here and over 70 MB as dict entries, and the import of a 50 MB
    file must stay under 200 MB. Two keys sharing a hash (about one chance in 10^8 for
    a file of 200,000 rows) would show a row as a duplicate of another, which the user sees.
    """

    def __init__(self, rows: int) -> None:
        self._allocate(4 * max(rows, 256))
        self._used = 0

    def _allocate(self, slots: int) -> None:
        size = 1 << (slots - 1).bit_length()
        self._mask = size - 1
        self._keys = array("q", bytes(8 * size))  # 0: an empty slot
        self._rows = array("i", bytes(4 * size))

    def _slot(self, key: int) -> int:
        slot = key & self._mask
        keys = self._keys
        while keys[slot] not in (0, key):
            slot = (slot + 1) & self._mask
        return slot

    @staticmethod
    def _keys_of(columns: Mapping[str, Any], *, matching: bool = False
                 ) -> Iterator[tuple[int, str]]:
        """The row's keys. A row without a code is also kept under ``uncoded`` keys; a row
        with a code matches only its code and those (another code: another person)."""
        coded = bool(columns["identity_code"])
        if coded:
            yield hash(("code", columns["identity_code"])) or 1, N_("same identity code")
        kinds = ("uncoded",) if coded and matching else (
            ("any",) if coded or matching else ("any", "uncoded"))
        for kind in kinds:
            if columns["birth_date"] is not None:
                yield (hash(("name", kind, columns["search_full_name"],
                             columns["birth_date"])) or 1, N_("same name and date of birth"))
            if columns["phone"]:
                yield hash(("phone", kind, columns["phone"])) or 1, N_("same phone")

    def match(self, columns: Mapping[str, Any]) -> tuple[str, str] | None:
        """The reason and ``row N`` of an earlier row of the same person, if any."""
        for key, reason in self._keys_of(columns, matching=True):
            slot = self._slot(key)
            if self._keys[slot] == key:
                return reason, _("row {row}").format(row=self._rows[slot])
        return None

    def add(self, columns: Mapping[str, Any], row: int) -> None:
        """Remember the keys of ``row`` (an earlier row keeps a shared key)."""
        for key, _reason in self._keys_of(columns):
            # Linear probing stays quick below three quarters full (a row has at most five
            # keys, most three, and room for four a row was made; more if the file grew).
            if 4 * (self._used + 1) > 3 * len(self._keys):
                self._grow()
            slot = self._slot(key)
            if self._keys[slot] == 0:
                self._keys[slot], self._rows[slot] = key, row
                self._used += 1

    def _grow(self) -> None:
        old = [(key, row) for key, row in zip(self._keys, self._rows, strict=True) if key]
        self._allocate(4 * len(self._keys))
        for key, row in old:
            slot = self._slot(key)
            self._keys[slot], self._rows[slot] = key, row


def _table(entity: type[Any]) -> Table:
    table = entity.__table__
    assert isinstance(table, Table)
    return table


class ImportService(Service):
    """Import of affected-person lists (CSV)."""

    def check(
        self, table: CsvTable, mapping: Mapping[str, int], ignored: Collection[int] = ()
    ) -> ImportReport:
        """Validate every row and find duplicates; nothing is written.

        Raises:
            ImportFileError: the file is not a list of people, has no rows, or a required
                field has no column.
            UnresolvedColumns: a column is neither mapped nor ignored.
        """
        self._require(Operation.CREATE_INTAKE)
        check_columns(table, mapping, ignored)
        started = time.perf_counter()
        with self._db.reading() as db_session:
            tally = self._pass(db_session, table, mapping, ignored)
        return ImportReport(rows=tally.rows, accepted=tally.accepted,
                            problems=tuple(tally.problems),
                            duplicates=tuple(tally.duplicates),
                            seconds=time.perf_counter() - started)

    def run(
        self,
        table: CsvTable,
        mapping: Mapping[str, int],
        ignored: Collection[int] = (),
        *,
        breach_id: int | None = None,
        all_or_nothing: bool = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import every accepted row as a new victim with a new, unassigned case.

        One unit of work: either every accepted row is stored with its audit event, or
        nothing is. The rows are read from the file and written a chunk at a time, so a
        big file is never held whole. With ``all_or_nothing`` the file is read twice:
        nothing is stored unless the first reading accepted every row.

        Args:
            table: the file as read by :func:`models.services.importing.read_csv`.
            mapping: target field → column index.
            ignored: indexes of the columns that are knowingly not imported; every other
                column must be mapped.
            breach_id: link every imported victim to this breach.
            all_or_nothing: import nothing if any row is refused or a duplicate.
            progress: called with (rows read, rows in the file) from this thread.

        Raises:
            ImportFileError: the file is not a list of people, has no rows, or a required
                field has no column.
            UnresolvedColumns: a column is neither mapped nor ignored.
            NotFound: ``breach_id`` names no breach.
        """
        self._require(Operation.CREATE_INTAKE)
        check_columns(table, mapping, ignored)
        started = time.perf_counter()
        today = local_today()
        with self._db.writing() as db_session:
            if breach_id is not None and db_session.get(Breach, breach_id) is None:
                raise NotFound(_("That breach does not exist."))
            tally: _Tally | None = None
            if all_or_nothing:
                tally = self._pass(db_session, table, mapping, ignored)
                if tally.problems or tally.duplicates:
                    writer = None
                else:
                    tally = None
            if tally is None:
                writer = _Writer(db_session, breach_id, today, progress, table.row_count)
                tally = self._pass(db_session, table, mapping, ignored, writer)
                writer.finish()
            self._audit(
                db_session, AuditAction.CREATE, "import",
                detail=(f"rows={tally.rows} imported={writer.written if writer else 0} "
                        f"refused={len(tally.problems)} duplicates={len(tally.duplicates)} "
                        f"ignored_columns={len(set(ignored))}"),
            )
        case_ids = writer.case_ids if writer else range(0)
        if case_ids:
            self._changes.announce(ChangeKind.CASE, case_ids, case_ids)
        return ImportReport(
            rows=tally.rows, accepted=tally.accepted, problems=tuple(tally.problems),
            duplicates=tuple(tally.duplicates), imported=writer.written if writer else 0,
            first_reference=writer.first if writer else None,
            last_reference=writer.last if writer else None,
            seconds=time.perf_counter() - started,
        )

    def breach_id(self, name: str) -> int:
        """The id of the breach called ``name``.

        Raises:
            NotFound: no breach has that name.
        """
        with self._db.reading() as db_session:
            found = db_session.scalar(select(Breach.id).where(Breach.name == name.strip()))
        if found is None:
            raise NotFound(_("No breach has that name."))
        return found

    # -- helpers ------------------------------------------------------------------------

    def _pass(
        self,
        db_session: Session,
        table: CsvTable,
        mapping: Mapping[str, int],
        ignored: Collection[int],
        writer: _Writer | None = None,
    ) -> _Tally:
        """Read the file once: sort each row into accepted, refused or duplicate, and hand
        the accepted ones to ``writer`` a chunk at a time (when there is one)."""
        known = self._known(db_session)
        in_file = _SeenInFile(table.row_count)
        tally = _Tally()
        chunk: list[ValidRow] = []
        for outcome in validate_rows(table, mapping, ignored):
            tally.rows += 1
            if isinstance(outcome, Problem):
                tally.problems.append(outcome)
                continue
            found = known.match(outcome.columns) or in_file.match(outcome.columns)
            if found is not None:
                tally.duplicates.append(Duplicate(row=outcome.row, line=outcome.line,
                                                  reason=found[0], existing=found[1]))
                continue
            in_file.add(outcome.columns, outcome.row)
            tally.accepted += 1
            if writer is not None:
                chunk.append(outcome)
                if len(chunk) >= _CHUNK:
                    writer.write(chunk, tally.rows)
                    chunk = []
        if writer is not None and chunk:
            writer.write(chunk, tally.rows)
        return tally

    def _known(self, db_session: Session) -> _Known:
        """Every existing victim's keys with their case reference (the duplicate tests of
        :meth:`CaseListService.find_duplicates`, read once instead of per row)."""
        known = _Known()
        scope = value_scope(self._actor.role, self._actor.user_id, utcnow())
        victims = select(
            Victim.identity_code, Victim.search_full_name, Victim.birth_date, Victim.phone,
            Case.reference,
        ).join(Case, Case.victim_id == Victim.id)
        history = select(IdentityCodeRecord.identity_code, Case.reference).join(
            Case, Case.victim_id == IdentityCodeRecord.victim_id)
        if scope is not None:
            for code, name, birth, phone, reference in db_session.execute(
                    victims.where(not_(scope))):
                known.add_listed({"identity_code": code, "search_full_name": name,
                                  "birth_date": birth, "phone": phone}, reference)
            victims, history = victims.where(scope), history.where(scope)
        for code, name, birth, phone, reference in db_session.execute(victims):
            known.add({"identity_code": code, "search_full_name": name, "birth_date": birth,
                       "phone": phone}, reference)
        for code, reference in db_session.execute(history):
            known.codes.setdefault(code, reference)
        return known


class _Writer:
    """Bulk inserts of victims, code histories, breach links and cases, a chunk at a time.

    Ids are allocated here, inside the writing transaction (BEGIN IMMEDIATE), like
    ``models.demo.seed`` does; references continue ``next_reference``'s numbering (of the
    import's year), computed once and then counted up.
    """

    def __init__(self, db_session: Session, breach_id: int | None, today: dt.date,
                 progress: Progress | None, total: int) -> None:
        self._db_session = db_session
        self._breach_id = breach_id
        self._today = today
        self._progress = progress
        self._total = total
        self._victim_id = (db_session.scalar(select(func.max(Victim.id))) or 0) + 1
        self._case_id = self._first_case_id = (
            db_session.scalar(select(func.max(Case.id))) or 0) + 1
        self.first: str | None = None
        self.last: str | None = None
        self._number = 0
        self._prefix = f"{REFERENCE_PREFIX}-{today.year}-"
        self._now = utcnow()
        if progress is not None:
            progress(0, total)

    @property
    def written(self) -> int:
        """Rows written so far."""
        return self._case_id - self._first_case_id

    @property
    def case_ids(self) -> range:
        """The new cases' ids (consecutive)."""
        return range(self._first_case_id, self._case_id)

    def write(self, rows: Sequence[ValidRow], read: int) -> None:
        """Insert ``rows``; ``read`` rows of the file have been read so far."""
        if self.first is None:
            self.first = next_reference(self._db_session, self._today.year)
            self._number = int(self.first.rsplit("-", 1)[1])
        now, today = self._now, self._today
        victims: list[dict[str, Any]] = []
        codes: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        cases: list[dict[str, Any]] = []
        for row in rows:
            victim_id, case_id = self._victim_id, self._case_id
            victims.append({**row.columns, "id": victim_id, "created_at": now,
                            "updated_at": now})
            if row.columns["identity_code"]:
                codes.append({"victim_id": victim_id, "valid_from": now,
                              "identity_code": row.columns["identity_code"],
                              "note": "import"})
            if self._breach_id is not None:
                links.append({"victim_id": victim_id, "breach_id": self._breach_id})
            self.last = f"{self._prefix}{self._number:05d}"
            cases.append({
                "id": case_id, "victim_id": victim_id, "reference": self.last,
                "status": CaseStatus.NEW.value, "risk_level": RiskLevel.MEDIUM.value,
                "risk_reason": "", "intake_note": row.case.get("intake_note", ""),
                "assigned_to_id": None,
                "opened_on": row.case.get("opened_on", today),
                "created_at": now, "updated_at": now,
            })
            self._victim_id += 1
            self._case_id += 1
            self._number += 1
        self._db_session.execute(insert(_table(Victim)), victims)
        if codes:
            self._db_session.execute(insert(_table(IdentityCodeRecord)), codes)
        if links:
            self._db_session.execute(insert(victim_breach), links)
        self._db_session.execute(insert(_table(Case)), cases)
        if self._progress is not None:
            self._progress(min(read, self._total), self._total)

    def finish(self) -> None:
        """After the last chunk: the sequences follow the ids given (PostgreSQL)."""
        if self.case_ids:
            resync_sequences(self._db_session)
        if self._progress is not None:
            self._progress(self._total, self._total)
