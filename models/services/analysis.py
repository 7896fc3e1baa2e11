"""Supervisors' dashboard figures, cross-case extortion analysis and police follow-up lists.

The figures and what they count are :mod:`models.services.figures`'; this service checks
the role and runs them in one unit of work. Each dashboard figure has a drill-down: the
cases behind it, as a :class:`~models.domain.dto.CaseFilter` where the case list can
express it, else as case ids.

Exports for investigators carry case references only — never names or identity codes — and
each one writes an ``export`` audit event whose detail names the report, never its content.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from models.domain.base import local_today, utcnow
from models.domain.dto import CaseFilter, SharedIndicator
from models.domain.entities import Case, ExtortionContact, PoliceReport
from models.domain.enums import AuditAction, Currency, RiskLevel
from models.pdf.data import ExportStamp
from models.pdf.layout import write_atomically
from models.security.permissions import Operation, allows
from models.services import figures
from models.services._base import Service
from models.services.figures import OPEN_STATUSES, DashboardData, Figure


class Indicator(StrEnum):
    """What links extortion contacts across cases."""

    WALLET = "wallet"
    SENDER = "sender"


# -- the service -------------------------------------------------------------------------------


class AnalysisService(Service):
    """Dashboard aggregates (supervisors), cross-case analysis and police lists (liaison)."""

    def may_see_dashboard(self) -> bool:
        return allows(self._actor.role, Operation.REPORTS)

    def may_analyse(self) -> bool:
        return allows(self._actor.role, Operation.EXPORT_POLICE)

    # -- dashboard ----------------------------------------------------------------------

    def dashboard(self, today: dt.date | None = None) -> DashboardData:
        """Every dashboard figure, each counted by the database.

        Args:
            today: the reference day for weeks, "overdue" and "no contact in 7 days"
                (default: today's local date).

        Raises:
            PermissionDenied: the role is not a supervisor's.
        """
        self._require(Operation.REPORTS)
        today = today or local_today()
        with self._db.reading() as db_session:
            return figures.dashboard(db_session, today)

    def drill_down(
        self, figure: Figure, value: Any = None, today: dt.date | None = None
    ) -> CaseFilter | list[int]:
        """The cases behind one dashboard figure: a filter where the case list can say it,
        else the case ids (ascending)."""
        figure = Figure(figure)
        if figure is Figure.COUNSELLOR:
            self._require(Operation.REPORTS)
            if value is None:
                return CaseFilter(statuses=OPEN_STATUSES, unassigned_only=True)
            return CaseFilter(statuses=OPEN_STATUSES, assigned_to_id=int(value))
        if figure is Figure.RISK:
            self._require(Operation.REPORTS)
            return CaseFilter(statuses=OPEN_STATUSES, risk_levels=(RiskLevel(value),))
        return self.cases_for(figure, value, today)

    def cases_for(
        self, figure: Figure, value: Any = None, today: dt.date | None = None
    ) -> list[int]:
        """The ids of the cases behind one dashboard figure, ascending.

        Raises:
            PermissionDenied: the role is not a supervisor's (police liaison may ask for
                :attr:`Figure.WITHOUT_REPORT` and :attr:`Figure.WITH_REPORT`).
        """
        figure = Figure(figure)
        if figure in (Figure.WITHOUT_REPORT, Figure.WITH_REPORT):
            self._require(Operation.EXPORT_POLICE)
        else:
            self._require(Operation.REPORTS)
        today = today or local_today()
        condition = figures.cases_behind(figure, value, today)
        with self._db.reading() as db_session:
            return list(db_session.scalars(select(Case.id).where(condition).order_by(Case.id)))

    # -- cross-case extortion analysis ----------------------------------------------------

    def shared_indicators(self, kind: Indicator) -> list[SharedIndicator]:
        """Wallet addresses or senders seen in more than one case, most victims first.

        Raises:
            PermissionDenied: the role is neither police liaison nor supervisor.
        """
        self._require(Operation.EXPORT_POLICE)
        with self._db.reading() as db_session:
            return _shared_indicators(db_session, Indicator(kind))

    def indicator_cases(self, kind: Indicator, value: str) -> list[int]:
        """The ids of the cases where this wallet address or sender was seen, ascending."""
        self._require(Operation.EXPORT_POLICE)
        column = _indicator_column(Indicator(kind))
        with self._db.reading() as db_session:
            return list(db_session.scalars(
                select(ExtortionContact.case_id).where(column == value)
                .distinct().order_by(ExtortionContact.case_id)))

    def export_indicators_csv(self, kind: Indicator, target: Path) -> Path:
        """Write the shared wallets or senders with their cases' references as CSV.

        Columns: the indicator, victims, contacts, first and last seen (UTC, ISO 8601),
        totals demanded and paid per currency, and the case references (``;``-separated).
        No names or identity codes leave. Audited as an ``export`` of ``analysis``.
        """
        self._require(Operation.EXPORT_POLICE)
        kind = Indicator(kind)
        with self._db.reading() as db_session:
            rows = _shared_indicators(db_session, kind)
            references = _indicator_references(db_session, kind)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([kind.value, "victims", "contacts", "first_seen_utc", "last_seen_utc",
                         "demanded", "paid", "case_references"])
        for row in rows:
            writer.writerow([
                csv_safe(row.value), row.victims, row.contacts,
                _iso(row.first_seen), _iso(row.last_seen),
                money_text(row.demanded), money_text(row.paid),
                ";".join(references.get(row.value, ())),
            ])
        self._audit_export(f"report=shared_{kind.value}s format=csv rows={len(rows)}")
        write_atomically(target, out.getvalue().encode("utf-8"))
        return target

    def export_indicators_pdf(self, kind: Indicator, target: Path) -> Path:
        """The same list as :meth:`export_indicators_csv` as a PDF for investigators (every
        page marked confidential, with who exported it and when). Audited."""
        from models.pdf.analysis import render_shared_indicators  # reportlab loads slowly

        self._require(Operation.EXPORT_POLICE)
        kind = Indicator(kind)
        with self._db.reading() as db_session:
            rows = _shared_indicators(db_session, kind)
            references = _indicator_references(db_session, kind)
        stamp = ExportStamp(exported_by=self._actor.display_name, exported_at=utcnow())
        data = render_shared_indicators(kind.value, rows, references, stamp)
        self._audit_export(f"report=shared_{kind.value}s format=pdf rows={len(rows)}")
        write_atomically(target, data)
        return target

    # -- police follow-up lists --------------------------------------------------------

    def cases_without_police_report(self) -> list[int]:
        """Cases with an extortion contact but no police report number, ascending."""
        return self.cases_for(Figure.WITHOUT_REPORT)

    def export_police_reports_csv(self, target: Path) -> Path:
        """Every police report number for bulk matching with police systems.

        Columns: ``report_number, case_reference, filed_on, state``. Audited.
        """
        self._require(Operation.EXPORT_POLICE)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["report_number", "case_reference", "filed_on", "state"])
        count = 0
        with self._db.reading() as db_session:
            for number, reference, filed_on, state in db_session.execute(
                select(PoliceReport.report_number, Case.reference, PoliceReport.filed_on,
                       PoliceReport.state)
                .join(Case, PoliceReport.case_id == Case.id)
                .order_by(PoliceReport.report_number, Case.reference)
            ):
                writer.writerow([csv_safe(number), reference, filed_on.isoformat(), state])
                count += 1
        self._audit_export(f"report=police_report_numbers format=csv rows={count}")
        write_atomically(target, out.getvalue().encode("utf-8"))
        return target

    def _audit_export(self, detail: str) -> None:
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.EXPORT, "analysis", detail=detail)


# -- cross-case analysis queries ------------------------------------------------------------


def _indicator_column(kind: Indicator) -> Any:
    return ExtortionContact.wallet_address if kind is Indicator.WALLET else ExtortionContact.sender


def _present(column: Any) -> ColumnElement[bool]:
    return and_(column.is_not(None), column != "")


def _shared_values(kind: Indicator) -> Any:
    column = _indicator_column(kind)
    return (select(column).where(_present(column)).group_by(column)
            .having(func.count(func.distinct(ExtortionContact.case_id)) > 1))


def _shared_indicators(db_session: Session, kind: Indicator) -> list[SharedIndicator]:
    """One pass over the contacts with an indicator: counts, dates and, per currency (a
    fixed enum), the sums — so the table is read once."""
    column = _indicator_column(kind)
    victims = func.count(func.distinct(ExtortionContact.case_id))
    currencies = [c.value for c in Currency]

    def total(amount: Any, currency: str) -> Any:
        return func.sum(case((ExtortionContact.currency == currency, amount)))

    rows = db_session.execute(
        select(column, victims, func.count(ExtortionContact.id),
               func.min(ExtortionContact.received_at), func.max(ExtortionContact.received_at),
               *[total(ExtortionContact.amount_demanded, c) for c in currencies],
               *[total(ExtortionContact.amount_paid, c) for c in currencies])
        .where(_present(column))
        .group_by(column)
        .having(victims > 1)
        .order_by(victims.desc(), column)
    ).all()
    n = len(currencies)
    out = []
    for row in rows:
        value, count, contacts, first, last = row[:5]
        demanded, paid = row[5:5 + n], row[5 + n:5 + 2 * n]
        out.append(SharedIndicator(
            value=value, victims=int(count), contacts=int(contacts),
            first_seen=_aware(first), last_seen=_aware(last),
            demanded=_totals(currencies, demanded), paid=_totals(currencies, paid)))
    return out


def _totals(currencies: Sequence[str], sums: Sequence[Any]) -> tuple[tuple[str, Decimal], ...]:
    pairs = [(c, _decimal(v, c)) for c, v in zip(currencies, sums, strict=True) if v is not None]
    return tuple(sorted(pairs))


def _indicator_references(db_session: Session, kind: Indicator) -> dict[str, list[str]]:
    """Shared indicator → the references of its cases, in order."""
    column = _indicator_column(kind)
    out: dict[str, list[str]] = {}
    for value, reference in db_session.execute(
        select(column, Case.reference)
        .join(Case, ExtortionContact.case_id == Case.id)
        .where(column.in_(_shared_values(kind)))
        .distinct()
        .order_by(column, Case.reference)
    ):
        out.setdefault(value, []).append(reference)
    return out


# -- small helpers ------------------------------------------------------------------------------


def _decimal(value: Any, currency: str) -> Decimal:
    places = Decimal("0.00000001") if currency == "BTC" else Decimal("0.01")
    return Decimal(str(value)).quantize(places)


def money_text(totals: Sequence[tuple[str, Decimal]]) -> str:
    """``200.00 EUR; 0.01000000 BTC`` — machine-readable, for CSV."""
    return "; ".join(f"{amount} {currency}" for currency, amount in totals)


_PHONE = re.compile(r"\+?[0-9 ()-]+")


def csv_safe(value: str) -> str:
    """Defuse a cell a spreadsheet would run as a formula (senders are the extortionist's
    text); phone numbers like ``+358…`` stay as they are."""
    if value[:1] in ("=", "@", "\t", "\r") or (
            value[:1] in ("+", "-") and not _PHONE.fullmatch(value)):
        return "'" + value
    return value


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds")


def _aware(value: Any) -> dt.datetime:
    # min()/max() come back through no column type on SQLite: attach UTC as stored.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
