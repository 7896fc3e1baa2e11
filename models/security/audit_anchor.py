"""What this workstation last saw of the audit trail, kept outside the database.

The chain's end marker (``audit.HEAD_KEY``) catches events cut off the end by someone
without the key. On a PostgreSQL server a database administrator who saved an earlier
copy of the marker can delete the newest events and put that copy back; restoring an
older backup looks the same. This workstation therefore remembers, per database and place
(backups and restored copies share the database's id but not its place), the last event
it saw (its number and a digest of its fields) in the user's own data folder: ``verify``
and every sign-out and lock take such an *anchor*, and ``verify`` and every sign-in
require that event to be there unchanged.

It fails closed: an anchors file that cannot be read, or is not what Suoja writes, is a
:class:`AnchorUnreadable` (exit 4, one sentence), never "nothing remembered", and it is
never written over. The way out is ``verify --after-restore`` by a supervisor or an
administrator on this workstation (audited): it checks the whole trail, sets the damaged
file aside (``audit-anchors.json.damaged-<time>``, for whoever investigates) and starts a
new one.

The file holds database ids, places, event numbers and digests only: nothing personal.

Beside it, ``authority-pins.json`` remembers per database the first account authority
key this workstation saw (``models.security.signatures``; trust on first use, as ssh's
``known_hosts``): a database whose authority was replaced with a script, or removed, is
refused here from then on. It fails closed the same way; ``verify --after-restore`` sets
a damaged one aside, but never accepts a different authority for a database already
seen (a person removes that database's line by hand, knowing why).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain.entities import AuditEvent
from models.domain.errors import DataError
from models.domain.i18n import gettext as _
from models.domain.private_files import private_folder, write_private

log = logging.getLogger("suoja.audit_anchor")

ANCHORS_FILE = "audit-anchors.json"
PINS_FILE = "authority-pins.json"


def anchors_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "suoja" / ANCHORS_FILE


def pins_path() -> Path:
    return anchors_path().with_name(PINS_FILE)


@dataclass(frozen=True)
class Anchor:
    seq: int
    #: The event's ``chain_hash`` when it was seen (what anchors written before digests
    #: hold; compared only when ``digest`` is empty).
    chain_hash: str
    #: SHA-256 of the event's own fields: the same whatever key the chain is MACed with,
    #: so re-keying the chain does not look like a cut.
    digest: str = ""


class AnchorUnreadable(DataError):
    """This workstation's anchors file cannot be read or is damaged (exit 4)."""

    def __init__(self) -> None:
        super().__init__(_(
            "This workstation's audit anchor file ({name}) is unreadable or damaged, so events "
            "cut from the audit trail could go unnoticed; a supervisor or an administrator "
            "runs verify with --after-restore on this workstation to check the trail and "
            "start the file afresh.").format(name=ANCHORS_FILE))


class PinsUnreadable(DataError):
    """This workstation's authority pins cannot be read or are damaged (exit 4)."""

    def __init__(self) -> None:
        super().__init__(_(
            "This workstation's file of account authorities ({name}) is unreadable or "
            "damaged, so a replaced authority could go unnoticed; a supervisor or an "
            "administrator runs verify with --after-restore on this workstation to start the "
            "file afresh.").format(name=PINS_FILE))


def place_key(database_id: str, place: str) -> str:
    """Which database where: its id, and its file path or server address."""
    return f"{database_id}|{place}"


def event_digest(event: AuditEvent) -> str:
    """SHA-256 over what an event says (not its MAC): who, when, what, on which record."""
    fields = (
        str(event.seq),
        event.occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "" if event.user_id is None else str(event.user_id),
        event.action, event.entity,
        "" if event.entity_id is None else str(event.entity_id),
        "" if event.case_id is None else str(event.case_id),
        event.detail,
    )
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


def _load() -> dict[str, Anchor]:
    """Every anchor in the file ({} when there is none yet).

    Raises:
        AnchorUnreadable: the file cannot be read, or any of it is not what Suoja writes.
    """
    path = anchors_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        raise AnchorUnreadable from None
    if not isinstance(raw, dict):
        raise AnchorUnreadable
    anchors: dict[str, Anchor] = {}
    for key, entry in raw.items():
        if not isinstance(entry, dict):
            raise AnchorUnreadable
        seq, chain_hash, digest = entry.get("seq"), entry.get("hash"), entry.get("event", "")
        if (type(seq) is not int or not isinstance(chain_hash, str)
                or not isinstance(digest, str)):
            raise AnchorUnreadable
        anchors[key] = Anchor(seq, chain_hash, digest)
    return anchors


def remembered(key: str) -> Anchor | None:
    """The anchor of one database and place (None: never taken on this workstation).

    Raises:
        AnchorUnreadable: the anchors file is unreadable or damaged.
    """
    return _load().get(key)


def problem(db_session: Session, key: str) -> str:
    """Why the chain does not hold the event this workstation last saw ("" if it does).

    Raises:
        AnchorUnreadable: the anchors file is unreadable or damaged.
    """
    anchor = remembered(key)
    if anchor is None:
        return ""
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.seq == anchor.seq))
    if event is not None and (event_digest(event) == anchor.digest if anchor.digest
                              else event.chain_hash == anchor.chain_hash):
        return ""
    return _("The audit trail no longer holds event {seq} as this workstation saw it "
             "at its last check: events were removed or replaced, or the database was "
             "restored from an older backup (then run verify with --after-restore).").format(
                 seq=anchor.seq)


def remember(db_session: Session, key: str, *, set_aside_damaged: bool = False
             ) -> Anchor | None:
    """Remember the chain's last event for the next check on this workstation.

    Args:
        set_aside_damaged: an unreadable or damaged anchors file is renamed
            ``<name>.damaged-<time>`` and a new one started (``verify --after-restore``);
            otherwise it is never written over: it may hold other databases' anchors.

    Raises:
        AnchorUnreadable: the anchors file is unreadable or damaged.
        DataError: the anchors file could not be written.
    """
    event = db_session.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
    if event is None:
        return None
    try:
        anchors = _load()
    except AnchorUnreadable:
        if not set_aside_damaged:
            raise
        _set_aside(anchors_path())
        anchors = {}
    anchor = Anchor(event.seq, event.chain_hash, event_digest(event))
    anchors[key] = anchor
    document = {name: {"seq": a.seq, "hash": a.chain_hash, **({"event": a.digest}
                                                               if a.digest else {})}
                for name, a in anchors.items()}
    path = anchors_path()
    try:
        private_folder(path.parent)
        write_private(path, json.dumps(document).encode("utf-8"))
    except OSError:
        raise DataError(_("This workstation's audit anchor file ({name}) could not be "
                          "written.").format(name=ANCHORS_FILE)) from None
    return anchor


def _set_aside(path: Path) -> Path:
    """Move a damaged anchors file out of the way, kept (owner-only) for investigation."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        os.replace(path, kept)
        if not kept.is_symlink():
            os.chmod(kept, 0o600)
    except FileNotFoundError:
        return kept
    except OSError:
        raise DataError(_("This workstation's audit anchor file ({name}) could not be "
                          "written.").format(name=ANCHORS_FILE)) from None
    log.warning("a damaged audit anchors file was set aside")
    return kept


# -- the account authority each database had when this workstation first saw it -----


def _load_pins() -> dict[str, str]:
    """database id -> the first authority key seen (base64); {} when there is no file.

    Raises:
        PinsUnreadable: the file cannot be read, or is not what Suoja writes.
    """
    try:
        raw = json.loads(pins_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        raise PinsUnreadable from None
    if not isinstance(raw, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in raw.items()):
        raise PinsUnreadable
    return raw


def authority_problem(database_id: str, root: str | None) -> str:
    """Why a database's authority (its first key, base64; ``None``: it has none) is not
    the one this workstation first saw ("" if it is, or if none was seen yet).

    Raises:
        PinsUnreadable: the pins file is unreadable or damaged.
    """
    pinned = _load_pins().get(database_id)
    if pinned is None or pinned == root:
        return ""
    if root is None:
        return _("This database's account records are no longer signed by the account "
                 "authority this workstation saw before: the authority was removed outside "
                 "Suoja.")
    return _("This database's account authority is not the one this workstation saw "
             "before: it was replaced outside Suoja, so its account records cannot be "
             "trusted.")


def pin_authority(database_id: str, root: str, *, set_aside_damaged: bool = False) -> bool:
    """Remember a database's first authority key, unless one is remembered already.

    Returns:
        Whether the file was written.

    Raises:
        PinsUnreadable: the pins file is unreadable or damaged (and not set aside).
        DataError: it could not be written.
    """
    try:
        pins = _load_pins()
    except PinsUnreadable:
        if not set_aside_damaged:
            raise
        _set_aside(pins_path())
        pins = {}
    if database_id in pins:
        return False
    pins[database_id] = root
    path = pins_path()
    try:
        private_folder(path.parent)
        write_private(path, json.dumps(pins).encode("utf-8"))
    except OSError:
        raise DataError(_("This workstation's file of account authorities ({name}) could "
                          "not be written.").format(name=PINS_FILE)) from None
    return True
