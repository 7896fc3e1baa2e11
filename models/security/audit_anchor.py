"""What this workstation last saw of the audit trail, kept outside the database.

The chain's end marker (``audit.HEAD_KEY``) catches events cut off the end by someone
without the key. On a PostgreSQL server a database administrator who saved an earlier
copy of the marker can delete the newest events and put that copy back; restoring an
older backup looks the same. ``verify`` therefore remembers, per database and place
(backups and restored copies share the database's id but not its place), the last
event it checked (its number and MAC) in the user's own data folder, and the next
``verify`` of that place on this workstation requires that event to be there unchanged.

The file holds database ids, event numbers and MACs only: nothing personal.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain.entities import AuditEvent
from models.domain.i18n import gettext as _
from models.domain.private_files import private_folder, write_private

log = logging.getLogger("suoja.audit_anchor")


def anchors_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "suoja" / "audit-anchors.json"


@dataclass(frozen=True)
class Anchor:
    seq: int
    chain_hash: str


class _Unreadable(Exception):
    pass


def place_key(database_id: str, place: str) -> str:
    """Which database where: its id, and its file path or server address."""
    return f"{database_id}|{place}"


def _load() -> dict[str, dict[str, object]]:
    try:
        raw = json.loads(anchors_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        raise _Unreadable from None
    if not isinstance(raw, dict):
        raise _Unreadable
    return raw


def remembered(key: str) -> Anchor | None:
    try:
        entry = _load().get(key)
    except _Unreadable:
        log.warning("the audit anchors file is unreadable; it is left as it is")
        return None
    try:
        return Anchor(int(entry["seq"]), str(entry["hash"])) if entry else None  # type: ignore[call-overload]
    except (KeyError, TypeError, ValueError):
        return None


def problem(db_session: Session, key: str) -> str:
    """Why the chain does not hold the event this workstation last saw ("" if it does)."""
    anchor = remembered(key)
    if anchor is None:
        return ""
    found = db_session.scalar(select(AuditEvent.chain_hash).where(AuditEvent.seq == anchor.seq))
    if found == anchor.chain_hash:
        return ""
    return _("The audit trail no longer holds event {seq} as this workstation saw it "
             "at its last check: events were removed or replaced, or the database was "
             "restored from an older backup (then run verify with --after-restore).").format(
                 seq=anchor.seq)


def remember(db_session: Session, key: str) -> Anchor | None:
    """Remember the chain's last event for the next check on this workstation (never
    over an unreadable anchors file, which may hold other databases' anchors)."""
    last = db_session.execute(
        select(AuditEvent.seq, AuditEvent.chain_hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    if last is None:
        return None
    try:
        anchors = _load()
    except _Unreadable:
        log.warning("the audit anchors file is unreadable; not overwriting it")
        return None
    anchors[key] = {"seq": last[0], "hash": last[1]}
    path = anchors_path()
    try:
        private_folder(path.parent)
        write_private(path, json.dumps(anchors).encode("utf-8"))
    except OSError:
        log.warning("could not remember the audit trail's end on this workstation")
    return Anchor(last[0], last[1])
