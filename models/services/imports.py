"""Importing a list of affected people: every valid, new person becomes a victim and a case.

:meth:`ImportService.check` validates a read file and finds duplicates without writing
(the dialog's preview); :meth:`ImportService.run` does the same inside one writing unit of
work and inserts the accepted rows with Core bulk inserts, so 40,000 rows take seconds.

A row is *refused* when it breaks a rule and a *duplicate* when the person is already a
victim (same identity code, current or earlier; same name and date of birth; same phone)
or appeared on an earlier line of the file. Neither is imported. With
``all_or_nothing`` one refused or duplicate row stops the whole import.

An import never confirms a value of a case the importer may not open (a counsellor's
colleagues' cases): there, only a name and birth date the case list shows (the birth
date of a masked code) make a duplicate. A row whose code or phone is that of such a
case counts as a new person, since refusing or merging it would confirm the value
(``tests/test_insider_oracle.py`` says why no hint is given either).

One audit event records the batch (``create``, entity ``import``, the counts), not one
per case: the cases are new, unassigned and have no content beyond the list's.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
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
from models.services.importing import CsvTable, Problem, ValidRow, validate_rows
from models.services.search import value_scope
from models.storage.server import resync_sequences

_CHUNK = 2000

Progress = Callable[[int, int], None]


@dataclass(frozen=True, kw_only=True)
class Duplicate:
    """A row not imported because the person is already known.

    Attributes:
        line: the file line of the duplicate row.
        reason: ``"same identity code"``, ``"same name and date of birth"`` or
            ``"same phone"`` (in English, marked with ``N_``: ``str()`` translates it).
        existing: the case reference of the victim already in the database, or
            ``"line N"`` (in the language in use) for an earlier row of the file.
    """

    line: int
    reason: str
    existing: str

    def __str__(self) -> str:
        return _("line {line}: duplicate of {existing} ({reason})").format(
            line=self.line, existing=self.existing, reason=_(self.reason))


@dataclass(frozen=True, kw_only=True)
class ImportReport:
    """What an import found (and, after :meth:`ImportService.run`, what it did).

    Attributes:
        rows: data rows in the file.
        accepted: rows that would be (or were) imported.
        problems: refused rows, in line order.
        duplicates: duplicate rows, in line order.
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
class _Known:
    """Who is already a victim, keyed the way duplicates are found."""

    codes: dict[str, str] = field(default_factory=dict)
    names: dict[tuple[str, dt.date], str] = field(default_factory=dict)
    phones: dict[str, str] = field(default_factory=dict)

    def match(self, columns: Mapping[str, Any]) -> tuple[str, str] | None:
        code = columns["identity_code"]
        if code and code in self.codes:
            return N_("same identity code"), self.codes[code]
        birth = columns["birth_date"]
        if birth is not None:
            key = (columns["search_full_name"], birth)
            if key in self.names:
                return N_("same name and date of birth"), self.names[key]
        phone = columns["phone"]
        if phone and phone in self.phones:
            return N_("same phone"), self.phones[phone]
        return None

    def add(self, columns: Mapping[str, Any], label: str) -> None:
        if columns["identity_code"]:
            self.codes.setdefault(columns["identity_code"], label)
        if columns["birth_date"] is not None:
            self.names.setdefault((columns["search_full_name"], columns["birth_date"]), label)
        if columns["phone"]:
            self.phones.setdefault(columns["phone"], label)

    def add_listed(self, columns: Mapping[str, Any], label: str) -> None:
        """Only what the case list shows of a case one may not open: the name, and the
        birth date if the masked code shows it."""
        if columns["identity_code"] and columns["birth_date"] is not None:
            self.names.setdefault((columns["search_full_name"], columns["birth_date"]), label)


def _table(entity: type[Any]) -> Table:
    table = entity.__table__
    assert isinstance(table, Table)
    return table


class ImportService(Service):
    """Import of affected-person lists (CSV)."""

    def check(self, table: CsvTable, mapping: Mapping[str, int]) -> ImportReport:
        """Validate every row and find duplicates; nothing is written.

        Raises:
            ImportFileError: a required field has no column.
        """
        self._require(Operation.CREATE_INTAKE)
        started = time.perf_counter()
        with self._db.reading() as db_session:
            accepted, problems, duplicates = self._sort_rows(db_session, table, mapping)
        return ImportReport(rows=len(table.rows), accepted=len(accepted),
                            problems=problems, duplicates=duplicates,
                            seconds=time.perf_counter() - started)

    def run(
        self,
        table: CsvTable,
        mapping: Mapping[str, int],
        *,
        breach_id: int | None = None,
        all_or_nothing: bool = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import every accepted row as a new victim with a new, unassigned case.

        One unit of work: either every accepted row is stored with its audit event, or
        nothing is. With ``all_or_nothing`` nothing is stored unless every row was
        accepted.

        Args:
            table: the file as read by :func:`models.services.importing.read_csv`.
            mapping: target field → column index.
            breach_id: link every imported victim to this breach.
            all_or_nothing: import nothing if any row is refused or a duplicate.
            progress: called with (rows written, rows to write) from this thread.

        Raises:
            ImportFileError: a required field has no column.
            NotFound: ``breach_id`` names no breach.
        """
        self._require(Operation.CREATE_INTAKE)
        started = time.perf_counter()
        today = local_today()
        with self._db.writing() as db_session:
            if breach_id is not None and db_session.get(Breach, breach_id) is None:
                raise NotFound(_("That breach does not exist."))
            accepted, problems, duplicates = self._sort_rows(db_session, table, mapping)
            write = accepted if not (all_or_nothing and (problems or duplicates)) else []
            first_ref = last_ref = None
            case_ids: list[int] = []
            if write:
                first_ref, last_ref, case_ids = self._insert(db_session, write, breach_id,
                                                             today, progress)
            self._audit(
                db_session, AuditAction.CREATE, "import",
                detail=(f"rows={len(table.rows)} imported={len(write)} "
                        f"refused={len(problems)} duplicates={len(duplicates)}"),
            )
        if case_ids:
            self._changes.announce(ChangeKind.CASE, case_ids, case_ids)
        return ImportReport(
            rows=len(table.rows), accepted=len(accepted), problems=problems,
            duplicates=duplicates, imported=len(write), first_reference=first_ref,
            last_reference=last_ref, seconds=time.perf_counter() - started,
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

    def _sort_rows(
        self, db_session: Session, table: CsvTable, mapping: Mapping[str, int]
    ) -> tuple[list[ValidRow], tuple[Problem, ...], tuple[Duplicate, ...]]:
        known = self._known(db_session)
        in_file = _Known()
        accepted: list[ValidRow] = []
        problems: list[Problem] = []
        duplicates: list[Duplicate] = []
        earlier_line = _("line {line}")
        for outcome in validate_rows(table, mapping):
            if isinstance(outcome, Problem):
                problems.append(outcome)
                continue
            found = known.match(outcome.columns) or in_file.match(outcome.columns)
            if found is not None:
                duplicates.append(Duplicate(line=outcome.line, reason=found[0],
                                            existing=found[1]))
                continue
            in_file.add(outcome.columns, earlier_line.format(line=outcome.line))
            accepted.append(outcome)
        return accepted, tuple(problems), tuple(duplicates)

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

    def _insert(
        self,
        db_session: Session,
        rows: Sequence[ValidRow],
        breach_id: int | None,
        today: dt.date,
        progress: Progress | None,
    ) -> tuple[str, str, list[int]]:
        """Bulk-insert victims, code histories, breach links and cases.

        Ids are allocated here, inside the writing transaction (BEGIN IMMEDIATE), like
        ``models.demo.seed`` does; references continue ``next_reference``'s numbering, computed
        once and then counted up.

        Returns:
            The first and last new reference and the new case ids.
        """
        victim_id = (db_session.scalar(select(func.max(Victim.id))) or 0) + 1
        case_id = first_case_id = (db_session.scalar(select(func.max(Case.id))) or 0) + 1
        first = next_reference(db_session, today.year)
        number = int(first.rsplit("-", 1)[1])
        prefix = f"{REFERENCE_PREFIX}-{today.year}-"
        now = utcnow()
        total = len(rows)
        if progress is not None:
            progress(0, total)
        reference = first
        for start in range(0, total, _CHUNK):
            victims: list[dict[str, Any]] = []
            codes: list[dict[str, Any]] = []
            links: list[dict[str, Any]] = []
            cases: list[dict[str, Any]] = []
            for row in rows[start : start + _CHUNK]:
                victims.append({**row.columns, "id": victim_id, "created_at": now,
                                "updated_at": now})
                if row.columns["identity_code"]:
                    codes.append({"victim_id": victim_id, "valid_from": now,
                                  "identity_code": row.columns["identity_code"],
                                  "note": "import"})
                if breach_id is not None:
                    links.append({"victim_id": victim_id, "breach_id": breach_id})
                reference = f"{prefix}{number:05d}"
                cases.append({
                    "id": case_id, "victim_id": victim_id, "reference": reference,
                    "status": CaseStatus.NEW.value, "risk_level": RiskLevel.MEDIUM.value,
                    "risk_reason": "", "assigned_to_id": None, "opened_on": today,
                    "created_at": now, "updated_at": now,
                })
                victim_id += 1
                case_id += 1
                number += 1
            db_session.execute(insert(_table(Victim)), victims)
            if codes:
                db_session.execute(insert(_table(IdentityCodeRecord)), codes)
            if links:
                db_session.execute(insert(victim_breach), links)
            db_session.execute(insert(_table(Case)), cases)
            if progress is not None:
                progress(min(start + _CHUNK, total), total)
        resync_sequences(db_session)  # ids were given explicitly (PostgreSQL)
        return first, reference, list(range(first_case_id, case_id))
