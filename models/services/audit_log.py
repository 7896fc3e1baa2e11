"""The audit log for supervisors: query by user, victim (case), action and period; verify."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from models.domain.dto import ListPage, ListWindow
from models.domain.entities import AuditEvent, Case, User
from models.domain.enums import AuditAction
from models.domain.errors import DataError
from models.domain.i18n import gettext as _
from models.domain.private_files import atomic_write
from models.security.audit import ChainReport, verify_chain
from models.security.permissions import Operation
from models.security.signatures import load_trust
from models.services import windows
from models.services._base import Service
from models.storage.anchoring import check_authority

MAX_ROWS = 10_000

#: The columns of an audit CSV export, in order.
CSV_COLUMNS = ("seq", "time_utc", "username", "action", "entity", "entity_id",
               "case_reference", "detail")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Accounts named in an event's detail by id (``from_user=3``; ``-`` for nobody).
_USER_IN_DETAIL = re.compile(r"\b(from|to)_user=(\d+|-)")


def reassignment_detail(previous_id: int | None, new_id: int) -> str:
    """The detail of a reassignment event: whose case it was and whose it is, by id."""
    return f"reassigned from_user={'-' if previous_id is None else previous_id} to_user={new_id}"


def readable_detail(detail: str, usernames: dict[int, str]) -> str:
    """An event's detail with account ids replaced by usernames, for people to read."""
    def name(match: re.Match[str]) -> str:
        who = match.group(2)
        if who == "-":
            return f"{match.group(1)} (unassigned)"
        return f"{match.group(1)} {usernames.get(int(who), f'account {who}')}"

    return _USER_IN_DETAIL.sub(name, detail)


@dataclass(frozen=True, kw_only=True)
class AuditQuery:
    """Empty fields do not filter. ``until`` is exclusive. ``limit`` bounds
    :meth:`AuditService.query` only: a listing and an export take every matching event."""

    user_id: int | None = None
    case_id: int | None = None
    case_reference: str | None = None
    actions: tuple[AuditAction, ...] = ()
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    limit: int = 1000


@dataclass(frozen=True, kw_only=True)
class AuditRow:
    seq: int
    occurred_at: dt.datetime
    username: str | None
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    case_reference: str | None
    detail: str


@dataclass(frozen=True, kw_only=True)
class AuditListing:
    """The events a query matched when it was run: the newest was ``through_seq``, and
    there were ``count`` of them. Pages of it (:meth:`AuditService.events`) show those
    events only, so the list neither grows nor shifts while it is scrolled; later events
    (the audit of viewing it among them) wait for the next query."""

    query: AuditQuery
    through_seq: int
    count: int


class AuditService(Service):
    def query(self, query: AuditQuery = AuditQuery()) -> list[AuditRow]:  # noqa: B008
        """Events matching ``query``, newest first, at most ``query.limit`` (and
        :data:`MAX_ROWS`). Reading the log is itself audited."""
        self._require(Operation.READ_AUDIT)
        statement = (
            _matching(query).order_by(AuditEvent.seq.desc())
            .limit(min(max(query.limit, 1), MAX_ROWS))
        )
        with self._db.writing() as db_session:
            to_row = _row_maker(db_session)
            rows = [to_row(row) for row in db_session.execute(statement)]
            self._audit(db_session, AuditAction.VIEW, "audit_log", detail=f"rows={len(rows)}")
        return rows

    def open_listing(self, query: AuditQuery = AuditQuery()) -> AuditListing:  # noqa: B008
        """Run ``query`` for a list that shows every matching event a screen at a time:
        how many there are (counted by the database) and the newest of them.
        ``query.limit`` does not apply. Reading the log is audited here, once per query,
        with the number of events the list holds; its pages are read with :meth:`events`.
        """
        self._require(Operation.READ_AUDIT)
        with self._db.writing() as db_session:
            through = db_session.scalar(select(func.max(AuditEvent.seq))) or 0
            # No newer event can be written before this unit of work ends (it holds the
            # writers' lock), so the count needs no bound on seq: a bare count(*) is the
            # database's fastest.
            count = db_session.scalar(select(func.count()).select_from(AuditEvent)
                                      .where(*_conditions(query, None))) or 0
            self._audit(db_session, AuditAction.VIEW, "audit_log", detail=f"rows={count}")
        return AuditListing(query=query, through_seq=through, count=count)

    def events(self, listing: AuditListing, window: ListWindow) -> ListPage[AuditRow]:
        """A screenful of ``listing``'s events, newest first (keyset on the sequence
        number; see :class:`ListWindow`). The viewing was audited when the listing was
        opened; the role is checked on every page."""
        self._require(Operation.READ_AUDIT)
        with self._db.reading() as db_session:
            return windows.fetch_window(
                db_session, _matching(listing.query, listing.through_seq),
                (AuditEvent.seq,), True, window, _row_maker(db_session))

    def verify(self) -> ChainReport:
        """Walk the whole chain, every event's signature and every account record
        (supervisors see in the log viewer whether it holds); the account authority must
        be the one this workstation first saw."""
        self._require(Operation.READ_AUDIT)
        with self._db.reading() as db_session:
            report = verify_chain(db_session, self._db.chain_key)
            if report.ok:
                try:
                    check_authority(load_trust(db_session))
                except DataError as error:
                    return ChainReport(report.events, None, str(error))
            return report

    def export_csv(self, query: AuditQuery, path: Path) -> int:
        """Write every event matching ``query`` (as the viewer lists them, newest first;
        ``query.limit`` does not apply) to a CSV file, read a thousand at a time.

        Audit events hold no personal data, only who, when, what and which record; the
        export itself is written to the audit log.

        Returns:
            How many events were written.

        Raises:
            DataError: the file could not be written.
        """
        self._require(Operation.READ_AUDIT)
        with self._db.reading() as db_session:
            through = db_session.scalar(select(func.max(AuditEvent.seq))) or 0
        listing = AuditListing(query=query, through_seq=through, count=0)
        written = 0
        try:
            # Owner-only, created new beside ``path`` and renamed when whole: a link or a
            # world-writable file planted there receives nothing.
            with atomic_write(Path(path), text=True, newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(CSV_COLUMNS)
                page = self.events(listing, ListWindow(limit=windows.MAX_WINDOW))
                while page.rows:
                    for row in page.rows:
                        writer.writerow([
                            row.seq,
                            row.occurred_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
                            _cell(row.username or ""),
                            row.action,
                            _cell(row.entity),
                            "" if row.entity_id is None else row.entity_id,
                            row.case_reference or "",
                            _cell(row.detail),
                        ])
                    written += len(page.rows)
                    page = self.events(listing, ListWindow(limit=windows.MAX_WINDOW,
                                                           after=page.last))
        except OSError as error:
            raise DataError(_("The audit log could not be exported ({reason}).").format(
                reason=error.strerror)) from None
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.EXPORT, "audit_log",
                        detail=f"csv rows={written}")
        return written


def _matching(query: AuditQuery, through_seq: int | None = None) -> windows.AnySelect:
    """The events ``query`` matches (up to ``through_seq``), with who and which case."""
    actor = aliased(User)
    statement: windows.AnySelect = (
        select(AuditEvent.seq, AuditEvent.occurred_at, actor.username, AuditEvent.action,
               AuditEvent.entity, AuditEvent.entity_id, AuditEvent.case_id, Case.reference,
               AuditEvent.detail)
        .outerjoin(actor, AuditEvent.user_id == actor.id)
        .outerjoin(Case, AuditEvent.case_id == Case.id)
        .where(*_conditions(query, through_seq))
    )
    return statement


def _conditions(query: AuditQuery, through_seq: int | None) -> list[ColumnElement[bool]]:
    """What an event must be to match ``query`` (and be no newer than ``through_seq``)."""
    conditions: list[ColumnElement[bool]] = []
    if through_seq is not None:
        conditions.append(AuditEvent.seq <= through_seq)
    if query.user_id is not None:
        conditions.append(AuditEvent.user_id == query.user_id)
    if query.case_id is not None:
        conditions.append(AuditEvent.case_id == query.case_id)
    if query.case_reference:
        # By the case's id (one index probe), so the events' own index on the case
        # serves the filter and the order.
        case_id = (select(Case.id).where(Case.reference == query.case_reference.strip().upper())
                   .scalar_subquery())
        conditions.append(AuditEvent.case_id == case_id)
    if query.actions:
        conditions.append(AuditEvent.action.in_([a.value for a in query.actions]))
    if query.since is not None:
        conditions.append(AuditEvent.occurred_at >= query.since)
    if query.until is not None:
        conditions.append(AuditEvent.occurred_at < query.until)
    return conditions


def _row_maker(db_session: Session) -> Callable[[Any], AuditRow]:
    """Turns a row of :func:`_matching` into an :class:`AuditRow` (account ids in the
    detail named by username)."""
    usernames: dict[int, str] = dict(db_session.execute(select(User.id, User.username)).all())

    def to_row(row: Any) -> AuditRow:
        seq, occurred_at, username, action, entity, entity_id, case_id, reference, detail = row
        return AuditRow(
            seq=seq, occurred_at=occurred_at, username=username, action=action, entity=entity,
            entity_id=entity_id, case_id=case_id, case_reference=reference,
            detail=readable_detail(detail, usernames),
        )

    return to_row


def _cell(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text
