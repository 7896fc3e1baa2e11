"""The audit log for supervisors: query by user, victim (case), action and period; verify."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from models.domain.entities import AuditEvent, Case, User
from models.domain.enums import AuditAction
from models.domain.errors import DataError
from models.domain.i18n import gettext as _
from models.domain.private_files import atomic_write
from models.security.audit import ChainReport, verify_chain
from models.security.permissions import Operation
from models.security.signatures import load_trust
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
    """Empty fields do not filter. ``until`` is exclusive."""

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


class AuditService(Service):
    def query(self, query: AuditQuery = AuditQuery()) -> list[AuditRow]:  # noqa: B008
        """Events matching ``query``, newest first. Reading the log is itself audited."""
        self._require(Operation.READ_AUDIT)
        actor = aliased(User)
        statement = (
            select(AuditEvent, actor.username, Case.reference)
            .outerjoin(actor, AuditEvent.user_id == actor.id)
            .outerjoin(Case, AuditEvent.case_id == Case.id)
            .order_by(AuditEvent.seq.desc())
            .limit(min(max(query.limit, 1), MAX_ROWS))
        )
        if query.user_id is not None:
            statement = statement.where(AuditEvent.user_id == query.user_id)
        if query.case_id is not None:
            statement = statement.where(AuditEvent.case_id == query.case_id)
        if query.case_reference:
            statement = statement.where(Case.reference == query.case_reference.strip().upper())
        if query.actions:
            statement = statement.where(AuditEvent.action.in_([a.value for a in query.actions]))
        if query.since is not None:
            statement = statement.where(AuditEvent.occurred_at >= query.since)
        if query.until is not None:
            statement = statement.where(AuditEvent.occurred_at < query.until)
        with self._db.writing() as db_session:
            usernames: dict[int, str] = dict(
                db_session.execute(select(User.id, User.username)).all())
            rows = [
                AuditRow(
                    seq=e.seq, occurred_at=e.occurred_at, username=username, action=e.action,
                    entity=e.entity, entity_id=e.entity_id, case_id=e.case_id,
                    case_reference=reference, detail=readable_detail(e.detail, usernames),
                )
                for e, username, reference in db_session.execute(statement)
            ]
            self._audit(db_session, AuditAction.VIEW, "audit_log", detail=f"rows={len(rows)}")
        return rows

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
        """Write the events matching ``query`` (as the viewer shows them) to a CSV file.

        Audit events hold no personal data, only who, when, what and which record; the
        export itself is written to the audit log.

        Returns:
            How many events were written.

        Raises:
            DataError: the file could not be written.
        """
        rows = self.query(query)
        try:
            # Owner-only, created new beside ``path`` and renamed when whole: a link or a
            # world-writable file planted there receives nothing.
            with atomic_write(Path(path), text=True, newline="") as stream:
                writer = csv.writer(stream)
                writer.writerow(CSV_COLUMNS)
                for row in rows:
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
        except OSError as error:
            raise DataError(_("The audit log could not be exported ({reason}).").format(
                reason=error.strerror)) from None
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.EXPORT, "audit_log",
                        detail=f"csv rows={len(rows)}")
        return len(rows)


def _cell(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text
