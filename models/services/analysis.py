"""Supervisors' dashboard figures, cross-case extortion analysis and police follow-up lists.

Every figure is counted by the database (``GROUP BY``, ``COUNT``, ``EXISTS``); Python only
receives the aggregated rows. Each dashboard figure has a drill-down: the cases behind it,
as a :class:`~models.domain.dto.CaseFilter` where the case list can express it, else as case ids.

Exports for investigators carry case references only — never names or identity codes — and
each one writes an ``export`` audit event whose detail names the report, never its content.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from models.domain.base import local_today, utcnow
from models.domain.dto import CaseFilter, SharedIndicator
from models.domain.entities import (
    Case,
    ExtortionContact,
    FollowUp,
    PoliceReport,
    ProtectiveAction,
    SupportSession,
    User,
)
from models.domain.enums import ActionState, AuditAction, CaseStatus, Currency, RiskLevel
from models.domain.errors import ValidationError
from models.pdf.data import ExportStamp
from models.pdf.layout import write_atomically
from models.security.permissions import Operation, allows
from models.services._base import Service

OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING)
_OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)
HIGH_RISK = (RiskLevel.ACUTE.value, RiskLevel.HIGH.value)
#: "High-risk victims nobody has called": no support session within this many days.
NO_CONTACT_DAYS = 7
#: The dashboard's weekly charts cover this many weeks (Monday to Sunday, this one last).
WEEKS = 12


class Figure(StrEnum):
    """The dashboard figures that drill down to cases."""

    COUNSELLOR = "counsellor"  # value: the counsellor's user id, or None for unassigned
    INTAKES_WEEK = "intakes_week"  # value: the Monday the week starts
    CONTACTS_WEEK = "contacts_week"  # value: the Monday the week starts
    RISK = "risk"  # value: a RiskLevel
    OVERDUE = "overdue"  # open cases with an overdue follow-up
    UNCONTACTED = "uncontacted"  # acute/high, open, no support session in 7 days
    WITH_REPORT = "with_report"  # extortion contact and a police report
    WITHOUT_REPORT = "without_report"  # extortion contact, no police report
    ACTIONS_PENDING = "actions_pending"  # open cases with an unfinished protective action


class Indicator(StrEnum):
    """What links extortion contacts across cases."""

    WALLET = "wallet"
    SENDER = "sender"


# -- data handed to the GUI ------------------------------------------------------------------


@dataclass(frozen=True)
class CounsellorCount:
    counsellor_id: int | None  # None: unassigned
    name: str | None
    open_cases: int


@dataclass(frozen=True)
class WeekCount:
    week_start: dt.date  # a Monday
    intakes: int
    extortion_contacts: int


@dataclass(frozen=True)
class DashboardData:
    """The supervisors' dashboard as of one day.

    Attributes:
        risk_distribution: (risk level, open cases) for every level, most severe first.
        actions_total: protective actions of all cases, not counting "not applicable".
    """

    as_of: dt.date
    open_cases: int
    per_counsellor: tuple[CounsellorCount, ...]
    weeks: tuple[WeekCount, ...]
    risk_distribution: tuple[tuple[str, int], ...]
    overdue_follow_ups: int
    overdue_cases: int
    uncontacted_high_risk: int
    victims_with_contact: int
    victims_with_report: int
    actions_done: int
    actions_total: int

    @property
    def report_share(self) -> float:
        """Share of victims with an extortion contact who have a police report (0–1)."""
        if not self.victims_with_contact:
            return 0.0
        return self.victims_with_report / self.victims_with_contact

    @property
    def action_share(self) -> float:
        """Share of protective actions done (0–1)."""
        return self.actions_done / self.actions_total if self.actions_total else 0.0


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
            per_counsellor = per_counsellor_counts(db_session, today)
            overdue, overdue_cases = overdue_counts(db_session, today)
            with_contact, with_report = police_coverage(db_session, today)
            done, total = action_completion(db_session, today)
            return DashboardData(
                as_of=today,
                open_cases=sum(x.open_cases for x in per_counsellor),
                per_counsellor=per_counsellor,
                weeks=weekly_counts(db_session, today),
                risk_distribution=risk_counts(db_session, today),
                overdue_follow_ups=overdue,
                overdue_cases=overdue_cases,
                uncontacted_high_risk=uncontacted_count(db_session, today),
                victims_with_contact=with_contact,
                victims_with_report=with_report,
                actions_done=done,
                actions_total=total,
            )

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
        condition = _figure_condition(figure, value, today)
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


# -- the aggregates, one function each (the benchmark times them one by one) ----------------


def _is_open() -> ColumnElement[bool]:
    return Case.status.in_(_OPEN_VALUES)


def per_counsellor_counts(db_session: Session, today: dt.date) -> tuple[CounsellorCount, ...]:
    count = func.count(Case.id)
    return tuple(
        CounsellorCount(counsellor_id=uid, name=name, open_cases=int(n))
        for uid, name, n in db_session.execute(
            select(Case.assigned_to_id, User.display_name, count)
            .select_from(Case)
            .outerjoin(User, Case.assigned_to_id == User.id)
            .where(_is_open())
            .group_by(Case.assigned_to_id, User.display_name)
            .order_by(count.desc(), User.display_name)
        )
    )


def week_starts(today: dt.date) -> list[dt.date]:
    """The Mondays of the last :data:`WEEKS` weeks, oldest first, this week last."""
    monday = today - dt.timedelta(days=today.weekday())
    return [monday - dt.timedelta(weeks=WEEKS - 1 - i) for i in range(WEEKS)]


def _week_bucket(column: Any, bounds: Sequence[Any]) -> Any:
    # A CASE over the week boundaries (newest first) instead of a date function, so the
    # grouping is the same SQL on every database.
    return case(*[(column >= bound, index) for index, bound in reversed(list(enumerate(bounds)))],
                else_=-1)


def weekly_counts(db_session: Session, today: dt.date) -> tuple[WeekCount, ...]:
    starts = week_starts(today)
    end = starts[-1] + dt.timedelta(weeks=1)
    bucket = _week_bucket(Case.opened_on, starts)
    intakes: dict[int, int] = dict(db_session.execute(
        select(bucket, func.count(Case.id))
        .where(Case.opened_on >= starts[0], Case.opened_on < end)
        .group_by(bucket)).all())
    bounds = [_local_midnight(day) for day in starts]
    contact_bucket = _week_bucket(ExtortionContact.received_at, bounds)
    contacts: dict[int, int] = dict(db_session.execute(
        select(contact_bucket, func.count(ExtortionContact.id))
        .where(ExtortionContact.received_at >= bounds[0],
               ExtortionContact.received_at < _local_midnight(end))
        .group_by(contact_bucket)).all())
    return tuple(WeekCount(day, int(intakes.get(i, 0)), int(contacts.get(i, 0)))
                 for i, day in enumerate(starts))


def risk_counts(db_session: Session, today: dt.date) -> tuple[tuple[str, int], ...]:
    by_risk = dict(db_session.execute(
        select(Case.risk_level, func.count(Case.id)).where(_is_open())
        .group_by(Case.risk_level)).all())
    return tuple((level.value, int(by_risk.get(level.value, 0))) for level in RiskLevel)


def _overdue_condition(today: dt.date) -> ColumnElement[bool]:
    return and_(FollowUp.done.is_(False), FollowUp.due_on < today)


def overdue_counts(db_session: Session, today: dt.date) -> tuple[int, int]:
    """(overdue follow-ups, open cases with one) on open cases."""
    follow_ups, cases = db_session.execute(
        select(func.count(FollowUp.id), func.count(func.distinct(FollowUp.case_id)))
        .join(Case, FollowUp.case_id == Case.id)
        .where(_overdue_condition(today), _is_open())
    ).one()
    return int(follow_ups or 0), int(cases or 0)


def _uncontacted_condition(today: dt.date) -> ColumnElement[bool]:
    since = _local_midnight(today - dt.timedelta(days=NO_CONTACT_DAYS - 1))
    recent = select(SupportSession.id).where(
        SupportSession.case_id == Case.id, SupportSession.started_at >= since)
    return and_(_is_open(), Case.risk_level.in_(HIGH_RISK), ~recent.exists())


def uncontacted_count(db_session: Session, today: dt.date) -> int:
    return int(db_session.scalar(
        select(func.count(Case.id)).where(_uncontacted_condition(today))) or 0)


def _has_contact() -> ColumnElement[bool]:
    return select(ExtortionContact.id).where(ExtortionContact.case_id == Case.id).exists()


def _has_report() -> ColumnElement[bool]:
    return select(PoliceReport.id).where(PoliceReport.case_id == Case.id).exists()


def police_coverage(db_session: Session, today: dt.date) -> tuple[int, int]:
    """(victims with an extortion contact, of them with a police report), all cases."""
    with_contact, with_report = db_session.execute(
        select(func.count(Case.id), func.sum(case((_has_report(), 1), else_=0)))
        .where(_has_contact())
    ).one()
    return int(with_contact or 0), int(with_report or 0)


_PENDING_ACTION = (ActionState.NOT_STARTED.value, ActionState.IN_PROGRESS.value)


def action_completion(db_session: Session, today: dt.date) -> tuple[int, int]:
    """(done, all but "not applicable") protective actions, over all cases (one scan of
    the covering (type_code, state) index; restricting to open cases costs a join)."""
    done, total = db_session.execute(
        select(func.sum(case((ProtectiveAction.state == ActionState.DONE.value, 1), else_=0)),
               func.count(ProtectiveAction.id))
        .where(ProtectiveAction.state != ActionState.NOT_APPLICABLE.value)
    ).one()
    return int(done or 0), int(total or 0)


#: Name → aggregate, for the benchmark harness to time one at a time.
AGGREGATES: dict[str, Callable[[Session, dt.date], object]] = {
    "open_cases_per_counsellor": per_counsellor_counts,
    "weekly_intakes_and_contacts": weekly_counts,
    "risk_distribution": risk_counts,
    "overdue_follow_ups": overdue_counts,
    "uncontacted_high_risk": uncontacted_count,
    "police_report_coverage": police_coverage,
    "protective_action_completion": action_completion,
}


def _figure_condition(figure: Figure, value: Any, today: dt.date) -> ColumnElement[bool]:
    if figure is Figure.COUNSELLOR:
        owner = (Case.assigned_to_id.is_(None) if value is None
                 else Case.assigned_to_id == int(value))
        return and_(_is_open(), owner)
    if figure is Figure.RISK:
        return and_(_is_open(), Case.risk_level == RiskLevel(value).value)
    if figure in (Figure.INTAKES_WEEK, Figure.CONTACTS_WEEK):
        if not isinstance(value, dt.date):
            raise ValidationError("Week", "must be given by the day it starts")
        start = value - dt.timedelta(days=value.weekday())
        end = start + dt.timedelta(weeks=1)
        if figure is Figure.INTAKES_WEEK:
            return and_(Case.opened_on >= start, Case.opened_on < end)
        return select(ExtortionContact.id).where(
            ExtortionContact.case_id == Case.id,
            ExtortionContact.received_at >= _local_midnight(start),
            ExtortionContact.received_at < _local_midnight(end)).exists()
    if figure is Figure.OVERDUE:
        # IN over an uncorrelated subquery: a correlated EXISTS here lets SQLite pick the
        # (done, due_on) index for every case.
        return and_(_is_open(), Case.id.in_(
            select(FollowUp.case_id).where(_overdue_condition(today))))
    if figure is Figure.UNCONTACTED:
        return _uncontacted_condition(today)
    if figure is Figure.WITH_REPORT:
        return and_(_has_contact(), _has_report())
    if figure is Figure.WITHOUT_REPORT:
        return and_(_has_contact(), ~_has_report())
    # Figure.ACTIONS_PENDING
    return and_(_is_open(), Case.id.in_(
        select(ProtectiveAction.case_id).where(ProtectiveAction.state.in_(_PENDING_ACTION))))


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


def _local_midnight(day: dt.date) -> dt.datetime:
    """The start of ``day`` in the workstation's time zone, as an aware datetime."""
    return dt.datetime.combine(day, dt.time()).astimezone()


def _aware(value: Any) -> dt.datetime:
    # min()/max() come back through no column type on SQLite: attach UTC as stored.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
