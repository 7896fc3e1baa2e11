"""The supervisors' figures: what counts as open, high risk, overdue and uncontacted, and
each figure counted by the database.

The dashboard (:meth:`~models.services.analysis.AnalysisService.dashboard`), the caseload
report (:meth:`~models.services.exports.ExportService.caseload_report`) and the caseload
view (:meth:`~models.services.caseload.CaseloadService.counsellor_loads`) all count here,
so their figures agree. Every function takes the caller's ``db_session``: the services
check the role and own the unit of work (one per call). Python only receives aggregated
rows (``GROUP BY``, ``COUNT``, ``EXISTS``). Each dashboard figure has a drill-down, the
cases behind it: :func:`cases_behind`.

The functions below count each figure from the rows and are its definition. The dashboard,
asked for often and at any size, reads the figures that do not depend on the day from
running tallies that triggers keep in every write's transaction (:func:`dashboard`);
the tests hold it equal to :func:`dashboard_counted`, which counts everything the plain way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    func,
    literal,
    select,
    text,
    union_all,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from models.domain import formatting
from models.domain.dto import CounsellorLoad
from models.domain.entities import (
    Case,
    DashboardTally,
    ExtortionContact,
    FollowUp,
    PoliceReport,
    ProtectiveAction,
    SupportSession,
    User,
    dashboard_delta,
)
from models.domain.enums import ActionState, CaseStatus, RiskLevel, Role
from models.domain.errors import ValidationError
from models.domain.i18n import gettext as _
from models.pdf.data import CaseloadReport, OverdueByAssignee, UncontactedCase

# -- the rules ------------------------------------------------------------------------------

#: A case is open — part of someone's caseload — until it is closed.
OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING)
#: The risk levels that count as "high risk".
HIGH_RISK_LEVELS = (RiskLevel.ACUTE, RiskLevel.HIGH)
#: "High-risk victims nobody has called": no support session within this many days
#: (today included).
NO_CONTACT_DAYS = 7
#: The dashboard's weekly charts cover this many weeks (Monday to Sunday, this one last).
WEEKS = 12
#: The caseload report lists at most this many uncontacted cases (the count is complete).
UNCONTACTED_LIST_LIMIT = 200

_OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)
_HIGH_RISK_VALUES = tuple(r.value for r in HIGH_RISK_LEVELS)
_CLOSED_VALUES = tuple(s.value for s in CaseStatus if s not in OPEN_STATUSES)
_PENDING_ACTION = (ActionState.NOT_STARTED.value, ActionState.IN_PROGRESS.value)


def is_open() -> ColumnElement[bool]:
    """The case is open (see :data:`OPEN_STATUSES`)."""
    return Case.status.in_(_OPEN_VALUES)


def is_overdue(today: dt.date) -> ColumnElement[bool]:
    """The follow-up is not done and its day has passed."""
    return and_(FollowUp.done.is_(False), FollowUp.due_on < today)


def is_uncontacted(today: dt.date) -> ColumnElement[bool]:
    """The case is open and high risk, with no support session in :data:`NO_CONTACT_DAYS`."""
    since = local_midnight(today - dt.timedelta(days=NO_CONTACT_DAYS - 1))
    recent = select(SupportSession.id).where(
        SupportSession.case_id == Case.id, SupportSession.started_at >= since)
    return and_(is_open(), Case.risk_level.in_(_HIGH_RISK_VALUES), ~recent.exists())


def has_extortion_contact() -> ColumnElement[bool]:
    return select(ExtortionContact.id).where(ExtortionContact.case_id == Case.id).exists()


def has_police_report() -> ColumnElement[bool]:
    return select(PoliceReport.id).where(PoliceReport.case_id == Case.id).exists()


# -- the dashboard and the report, as handed to the GUI and the PDF -------------------------


@dataclass(frozen=True)
class WeekCount:
    week_start: dt.date  # a Monday
    intakes: int
    extortion_contacts: int


@dataclass(frozen=True)
class DashboardData:
    """The supervisors' dashboard as of one day.

    Attributes:
        per_counsellor: open cases per holder (``user_id`` None: unassigned), busiest first.
        risk_distribution: (risk level, open cases) for every level, most severe first.
        actions_total: protective actions of all cases, not counting "not applicable".
    """

    as_of: dt.date
    open_cases: int
    per_counsellor: tuple[CounsellorLoad, ...]
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


def dashboard(db_session: Session, today: dt.date) -> DashboardData:
    """Every dashboard figure as of ``today`` (the reference day for weeks, "overdue" and
    "no contact in 7 days").

    The counts that do not depend on the day come from :class:`DashboardTally`, kept by
    triggers in every write's transaction (migration 0015 on SQLite; on PostgreSQL with
    the deltas not yet folded added in the same statement, and folded once there are
    :data:`FOLD_AT` of them, migration 0018): a few rows, whatever the number of cases.
    The others are range counts on covering indexes, each about as large as its
    answer (overdue follow-ups, last week's support sessions, twelve weeks of intakes).
    Every figure equals :func:`dashboard_counted`'s, which counts each one from the rows.
    """
    tallies, deltas = _tallies(db_session)
    per_counsellor = _loads_from_tallies(db_session)
    risk_distribution = tuple(
        (level.value, sum(n for (kind, _holder, risk), n in tallies.items()
                          if kind == _OPEN_CASE and risk == level.value))
        for level in RiskLevel)
    with_contact = tallies.get((_WITH_CONTACT, 0, ""), 0)
    with_report = tallies.get((_WITH_REPORT, 0, ""), 0)
    done = tallies.get((_ACTION_DONE, 0, ""), 0)
    total = tallies.get((_ACTION_COUNTED, 0, ""), 0)
    open_cases = sum(x.open_cases for x in per_counsellor)
    overdue, overdue_cases = _overdue_on_open_cases(db_session, today, open_cases)
    high_risk_open = sum(x.high_risk_open for x in per_counsellor)
    if deltas >= FOLD_AT:
        fold_deltas(db_session)
    return DashboardData(
        as_of=today,
        open_cases=open_cases,
        per_counsellor=per_counsellor,
        weeks=weekly_counts(db_session, today),
        risk_distribution=risk_distribution,
        overdue_follow_ups=overdue,
        overdue_cases=overdue_cases,
        uncontacted_high_risk=high_risk_open - _contacted_high_risk(db_session, today),
        victims_with_contact=with_contact,
        victims_with_report=with_report,
        actions_done=done,
        actions_total=total,
    )


def dashboard_counted(db_session: Session, today: dt.date) -> DashboardData:
    """:func:`dashboard` counted from the rows themselves, figure by figure (what the
    tallies must always equal; the tests compare the two)."""
    per_counsellor = open_cases_per_counsellor(db_session)
    overdue, overdue_cases = overdue_counts(db_session, today)
    with_contact, with_report = police_coverage(db_session)
    done, total = action_completion(db_session)
    return DashboardData(
        as_of=today,
        open_cases=sum(x.open_cases for x in per_counsellor),
        per_counsellor=per_counsellor,
        weeks=weekly_counts(db_session, today),
        risk_distribution=risk_counts(db_session),
        overdue_follow_ups=overdue,
        overdue_cases=overdue_cases,
        uncontacted_high_risk=uncontacted_count(db_session, today),
        victims_with_contact=with_contact,
        victims_with_report=with_report,
        actions_done=done,
        actions_total=total,
    )


# -- the tallies -------------------------------------------------------------------------------

_OPEN_CASE = "open_case"  # per (holder_id, risk_level): open cases
_ACTION_DONE = "action_done"  # protective actions done
_ACTION_COUNTED = "action_counted"  # protective actions not "not applicable"
_WITH_CONTACT = "with_contact"  # cases with an extortion contact
_WITH_REPORT = "with_report"  # of them, cases with a police report


#: PostgreSQL: once the dashboard finds this many deltas it folds them into the tallies.
FOLD_AT = 2000
#: PostgreSQL: a fold of this many deltas vacuums their table straight away.
VACUUM_AFTER = 50_000

def _tally_source(db_session: Session) -> Any:
    """(kind, holder_id, risk_level, n, delta) rows whose sums per key are the tallies: on
    SQLite the tallies, on PostgreSQL the folded tallies and the deltas not yet folded (one
    row each, ``delta`` 1), read together in one snapshot."""
    tally = select(DashboardTally.kind, DashboardTally.holder_id, DashboardTally.risk_level,
                   DashboardTally.n, literal(0).label("delta"))
    if db_session.get_bind().dialect.name == "sqlite":
        return tally.subquery()
    delta = dashboard_delta.c
    return union_all(tally, select(delta.kind, delta.holder_id, delta.risk_level, delta.n,
                                   literal(1).label("delta"))).subquery()


def _tallies(db_session: Session) -> tuple[dict[tuple[str, int, str], int], int]:
    """Every tally (that is not 0), and how many deltas were read."""
    source = _tally_source(db_session)
    n = func.sum(source.c.n)
    found: dict[tuple[str, int, str], int] = {}
    deltas = 0
    for kind, holder, risk, count, rows in db_session.execute(
            select(source.c.kind, source.c.holder_id, source.c.risk_level, n,
                   func.sum(source.c.delta))
            .group_by(source.c.kind, source.c.holder_id, source.c.risk_level)):
        deltas += int(rows or 0)
        if count:
            found[(kind, int(holder), risk)] = int(count)
    return found, deltas


def fold_deltas(db_session: Session) -> int:
    """PostgreSQL: add the deltas to the tallies and delete them, in a short transaction of
    its own (READ COMMITTED; a concurrent fold waits for the deltas this one deletes and
    then skips them). Every snapshot sees the same sums before and after. After a large
    fold (a bulk load wrote row by row) the emptied table is vacuumed at once rather than
    read past until autovacuum comes (a role that may not vacuum it is skipped with a
    warning). Returns how many deltas were folded."""
    bind = db_session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    with engine.connect() as connection:
        connection.execution_options(isolation_level="READ COMMITTED")
        with connection.begin():
            folded = int(connection.execute(text(
                "WITH moved AS (DELETE FROM dashboard_delta "
                "RETURNING kind, holder_id, risk_level, n), "
                "added AS (INSERT INTO dashboard_tally (kind, holder_id, risk_level, n) "
                "SELECT kind, holder_id, risk_level, sum(n) FROM moved "
                "GROUP BY kind, holder_id, risk_level "
                "ON CONFLICT (kind, holder_id, risk_level) "
                "DO UPDATE SET n = dashboard_tally.n + excluded.n) "
                "SELECT count(*) FROM moved")).scalar_one())
        if folded >= VACUUM_AFTER:
            connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql("VACUUM dashboard_delta")
    return folded


def _loads_from_tallies(db_session: Session) -> tuple[CounsellorLoad, ...]:
    """:func:`open_cases_per_counsellor` from the open-case tallies, in the same order (the
    same ORDER BY, so each database sorts names and NULLs as it does there)."""
    source = _tally_source(db_session)
    holder = func.nullif(source.c.holder_id, 0)
    count = func.sum(source.c.n)

    def of(condition: ColumnElement[bool]) -> Any:
        return func.sum(case((condition, source.c.n), else_=0))

    rows = db_session.execute(
        select(holder, User.display_name, User.is_active, User.role, count,
               of(source.c.risk_level.in_(_HIGH_RISK_VALUES)),
               of(source.c.risk_level == RiskLevel.ACUTE.value),
               of(source.c.risk_level == RiskLevel.HIGH.value))
        .select_from(source)
        .outerjoin(User, source.c.holder_id == User.id)
        .where(source.c.kind == _OPEN_CASE)
        .group_by(source.c.holder_id, User.display_name, User.is_active, User.role)
        .having(count > 0)
        .order_by(count.desc(), User.display_name, holder)
    )
    return tuple(_load(uid, name, None if uid is None else bool(active), role, counts)
                 for uid, name, active, role, *counts in rows)


def _overdue_on_open_cases(db_session: Session, today: dt.date, open_cases: int
                           ) -> tuple[int, int]:
    """:func:`overdue_counts` driven by the overdue follow-ups (a range of the covering
    ``(done, due_on, case_id)`` index), their cases' status checked against the smaller of
    the open and the closed cases' ids (one range of the status index each), instead of
    one case row read per follow-up. Exact: every follow-up has a case, and a case that is
    not closed is open (the status column's check)."""
    closed = int(db_session.scalar(
        select(func.count(Case.id)).where(Case.status.in_(_CLOSED_VALUES))) or 0)
    if open_cases <= closed:
        # "+ 0": SQLite would otherwise walk the open cases into the follow-ups instead.
        on_open_case = (FollowUp.case_id + 0).in_(select(Case.id).where(is_open()))
    else:
        on_open_case = FollowUp.case_id.not_in(
            select(Case.id).where(Case.status.in_(_CLOSED_VALUES)))
    follow_ups, cases = db_session.execute(
        select(func.count(FollowUp.id), func.count(func.distinct(FollowUp.case_id)))
        .where(is_overdue(today), on_open_case)
    ).one()
    return int(follow_ups or 0), int(cases or 0)


def _contacted_high_risk(db_session: Session, today: dt.date) -> int:
    """Open high-risk cases with a support session in :data:`NO_CONTACT_DAYS` (driven by
    the few recent sessions, not by the cases)."""
    since = local_midnight(today - dt.timedelta(days=NO_CONTACT_DAYS - 1))
    return int(db_session.scalar(
        select(func.count(Case.id)).where(
            is_open(), Case.risk_level.in_(_HIGH_RISK_VALUES),
            Case.id.in_(select(SupportSession.case_id)
                        .where(SupportSession.started_at >= since)))) or 0)


def caseload_report(db_session: Session, today: dt.date) -> CaseloadReport:
    """The caseload report's figures as of ``today`` — the dashboard's, with the overdue
    follow-ups per assignee and the uncontacted cases listed."""
    per_counsellor = open_cases_per_counsellor(db_session)
    overdue_by_assignee = overdue_per_assignee(db_session, today)
    with_contact, with_report = police_coverage(db_session)
    return CaseloadReport(
        as_of=today,
        open_cases=sum(load.open_cases for load in per_counsellor),
        per_counsellor=per_counsellor,
        risk_distribution=risk_counts(db_session),
        overdue_follow_ups=sum(row.overdue for row in overdue_by_assignee),
        overdue_by_assignee=overdue_by_assignee,
        uncontacted_days=NO_CONTACT_DAYS,
        uncontacted_total=uncontacted_count(db_session, today),
        uncontacted=uncontacted_cases(db_session, today),
        victims_with_contact=with_contact,
        victims_with_report=with_report,
    )


# -- the figures, one function each ----------------------------------------------------------


def open_cases_per_counsellor(db_session: Session) -> tuple[CounsellorLoad, ...]:
    """Open cases per holder, busiest first; the cases nobody holds on a line of their own
    (``user_id`` None). Holders without open cases are not listed."""
    count = func.count(Case.id)
    rows = db_session.execute(
        select(Case.assigned_to_id, User.display_name, User.is_active, User.role,
               *_load_counts())
        .select_from(Case)
        .outerjoin(User, Case.assigned_to_id == User.id)
        .where(is_open())
        .group_by(Case.assigned_to_id, User.display_name, User.is_active, User.role)
        .order_by(count.desc(), User.display_name, Case.assigned_to_id)
    )
    return tuple(_load(uid, name, None if uid is None else bool(active), role, counts)
                 for uid, name, active, role, *counts in rows)


def counsellor_loads(db_session: Session) -> list[CounsellorLoad]:
    """Each active counsellor's open cases (none too), by name; accounts of other roles or
    locked accounts only while they still hold open cases, so a supervisor sees work that
    must be moved. Unassigned cases are not listed."""
    open_count = func.count(Case.id)
    statement = (
        select(User.id, User.display_name, User.is_active, User.role, *_load_counts())
        .outerjoin(Case, (Case.assigned_to_id == User.id) & is_open())
        .group_by(User.id, User.display_name, User.is_active, User.role)
        .having(
            ((User.role == Role.COUNSELLOR.value) & User.is_active.is_(True))
            | (open_count > 0)
        )
        .order_by(User.display_name, User.id)
    )
    return [_load(uid, name, bool(active), role, counts)
            for uid, name, active, role, *counts in db_session.execute(statement)]


def _load_counts() -> tuple[Any, ...]:
    """Open, high-risk, acute and high cases of a group (a case outer-joined in is NULL)."""
    def of(condition: ColumnElement[bool]) -> Any:
        return func.count(case((condition, Case.id)))

    return (func.count(Case.id), of(Case.risk_level.in_(_HIGH_RISK_VALUES)),
            of(Case.risk_level == RiskLevel.ACUTE.value),
            of(Case.risk_level == RiskLevel.HIGH.value))


def _load(user_id: int | None, name: str | None, active: bool | None, role: str | None,
          counts: Sequence[Any]) -> CounsellorLoad:
    open_cases, high_risk, acute, high = (int(n) for n in counts)
    return CounsellorLoad(user_id=user_id, display_name=name, is_active=active, role=role,
                          open_cases=open_cases, high_risk_open=high_risk, acute=acute,
                          high=high)


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
    """Intakes and extortion contacts per week, the last :data:`WEEKS` weeks."""
    starts = week_starts(today)
    end = starts[-1] + dt.timedelta(weeks=1)
    bucket = _week_bucket(Case.opened_on, starts)
    intakes: dict[int, int] = dict(db_session.execute(
        select(bucket, func.count(Case.id))
        .where(Case.opened_on >= starts[0], Case.opened_on < end)
        .group_by(bucket)).all())
    bounds = [local_midnight(day) for day in starts]
    contact_bucket = _week_bucket(ExtortionContact.received_at, bounds)
    contacts: dict[int, int] = dict(db_session.execute(
        select(contact_bucket, func.count(ExtortionContact.id))
        .where(ExtortionContact.received_at >= bounds[0],
               ExtortionContact.received_at < local_midnight(end))
        .group_by(contact_bucket)).all())
    return tuple(WeekCount(day, int(intakes.get(i, 0)), int(contacts.get(i, 0)))
                 for i, day in enumerate(starts))


def risk_counts(db_session: Session) -> tuple[tuple[str, int], ...]:
    """(risk level, open cases) for every level, most severe first."""
    by_risk = dict(db_session.execute(
        select(Case.risk_level, func.count(Case.id)).where(is_open())
        .group_by(Case.risk_level)).all())
    return tuple((level.value, int(by_risk.get(level.value, 0))) for level in RiskLevel)


def overdue_counts(db_session: Session, today: dt.date) -> tuple[int, int]:
    """(overdue follow-ups, open cases with one) on open cases."""
    follow_ups, cases = db_session.execute(
        select(func.count(FollowUp.id), func.count(func.distinct(FollowUp.case_id)))
        .join(Case, FollowUp.case_id == Case.id)
        .where(is_overdue(today), is_open())
    ).one()
    return int(follow_ups or 0), int(cases or 0)


def overdue_per_assignee(db_session: Session, today: dt.date) -> tuple[OverdueByAssignee, ...]:
    """Overdue follow-ups on open cases per assignee, most first, with the oldest due day."""
    count = func.count(FollowUp.id)
    rows = db_session.execute(
        select(User.display_name, count, func.min(FollowUp.due_on))
        .select_from(FollowUp)
        .join(Case, FollowUp.case_id == Case.id)
        .outerjoin(User, FollowUp.assignee_id == User.id)
        .where(is_overdue(today), is_open())
        .group_by(FollowUp.assignee_id, User.display_name)
        .order_by(count.desc(), User.display_name)
    ).all()
    return tuple(OverdueByAssignee(assignee=name, overdue=n, oldest_due_on=oldest)
                 for name, n, oldest in rows)


def uncontacted_count(db_session: Session, today: dt.date) -> int:
    """How many open high-risk cases had no support session in :data:`NO_CONTACT_DAYS`."""
    return int(db_session.scalar(
        select(func.count(Case.id)).where(is_uncontacted(today))) or 0)


def uncontacted_cases(db_session: Session, today: dt.date,
                      limit: int = UNCONTACTED_LIST_LIMIT) -> tuple[UncontactedCase, ...]:
    """The uncontacted cases, acute first, then those never or longest not contacted."""
    last_support_session = (select(func.max(SupportSession.started_at))
                            .where(SupportSession.case_id == Case.id).scalar_subquery())
    risk_order = case({RiskLevel.ACUTE.value: 0}, value=Case.risk_level, else_=1)
    return tuple(
        UncontactedCase(case_id=cid, reference=ref, risk_level=risk, counsellor=name,
                        opened_on=opened, last_session_at=_aware_or_none(last))
        for cid, ref, risk, name, opened, last in db_session.execute(
            select(Case.id, Case.reference, Case.risk_level, User.display_name,
                   Case.opened_on, last_support_session)
            .outerjoin(User, Case.assigned_to_id == User.id)
            .where(is_uncontacted(today))
            .order_by(risk_order, last_support_session.is_not(None), last_support_session,
                      Case.reference)
            .limit(limit)
        )
    )


def police_coverage(db_session: Session) -> tuple[int, int]:
    """(victims with an extortion contact, of them with a police report), all cases."""
    with_contact, with_report = db_session.execute(
        select(func.count(Case.id), func.sum(case((has_police_report(), 1), else_=0)))
        .where(has_extortion_contact())
    ).one()
    return int(with_contact or 0), int(with_report or 0)


def action_completion(db_session: Session) -> tuple[int, int]:
    """(done, all but "not applicable") protective actions, over all cases (one scan of
    the covering (type_code, state) index; restricting to open cases costs a join)."""
    done, total = db_session.execute(
        select(func.sum(case((ProtectiveAction.state == ActionState.DONE.value, 1), else_=0)),
               func.count(ProtectiveAction.id))
        .where(ProtectiveAction.state != ActionState.NOT_APPLICABLE.value)
    ).one()
    return int(done or 0), int(total or 0)


# -- the cases behind each figure ------------------------------------------------------------


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


def cases_behind(figure: Figure, value: Any, today: dt.date) -> ColumnElement[bool]:
    """The condition a case meets when it is counted in ``figure`` (with ``value``).

    Raises:
        ValidationError: a week figure was not given the day its week starts.
    """
    if figure is Figure.COUNSELLOR:
        owner = (Case.assigned_to_id.is_(None) if value is None
                 else Case.assigned_to_id == int(value))
        return and_(is_open(), owner)
    if figure is Figure.RISK:
        return and_(is_open(), Case.risk_level == RiskLevel(value).value)
    if figure in (Figure.INTAKES_WEEK, Figure.CONTACTS_WEEK):
        if not isinstance(value, dt.date):
            raise ValidationError(_("Week"), _("must be given by the day it starts"))
        start = value - dt.timedelta(days=value.weekday())
        end = start + dt.timedelta(weeks=1)
        if figure is Figure.INTAKES_WEEK:
            return and_(Case.opened_on >= start, Case.opened_on < end)
        return select(ExtortionContact.id).where(
            ExtortionContact.case_id == Case.id,
            ExtortionContact.received_at >= local_midnight(start),
            ExtortionContact.received_at < local_midnight(end)).exists()
    if figure is Figure.OVERDUE:
        # IN over an uncorrelated subquery: a correlated EXISTS here lets SQLite pick the
        # (done, due_on) index for every case.
        return and_(is_open(), Case.id.in_(
            select(FollowUp.case_id).where(is_overdue(today))))
    if figure is Figure.UNCONTACTED:
        return is_uncontacted(today)
    if figure is Figure.WITH_REPORT:
        return and_(has_extortion_contact(), has_police_report())
    if figure is Figure.WITHOUT_REPORT:
        return and_(has_extortion_contact(), ~has_police_report())
    # Figure.ACTIONS_PENDING
    return and_(is_open(), Case.id.in_(
        select(ProtectiveAction.case_id).where(ProtectiveAction.state.in_(_PENDING_ACTION))))


# -- small helpers ------------------------------------------------------------------------------


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of ``day`` in Finland, as an aware datetime."""
    return formatting.local_midnight(day)


def _aware_or_none(value: Any) -> dt.datetime | None:
    # The correlated max() comes back through no column type: attach UTC as stored.
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
