"""The audit anchor of an open database on this workstation (``models.security.audit_anchor``):
required at every sign-in, taken at every sign-out and lock and by ``verify``; and the
account authority this workstation first saw for each database (:func:`check_authority`).

A place is where this workstation reaches a database: the SQLite file's full path, or the
server's host, port and database name. Backups and restored copies share the database's
id but not its place, so each keeps an anchor of its own.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models.domain.entities import Meta
from models.domain.errors import DataError, KnownError
from models.security import audit_anchor
from models.security.signatures import Trust, encode
from models.storage.server import ServerUrl
from models.storage.unit_of_work import Database, Target

log = logging.getLogger("suoja.anchoring")


def place(target: Target) -> str:
    """Where a database is, as this workstation reaches it: its file, or server, port and
    database name."""
    if isinstance(target, ServerUrl):
        url = make_url(target.url)
        host = url.host or url.query.get("host") or url.query.get("service") or ""
        return f"{host}:{url.port or 5432}/{url.database}"
    return str(Path(target).resolve())


def anchor_key(db_session: Session, target: Target) -> str:
    """The anchors file's key for this database at this place."""
    database_id = db_session.scalar(select(Meta.value).where(Meta.key == "database_id"))
    return audit_anchor.place_key(database_id or "", place(target))


def check_anchor(db_session: Session, target: Target) -> None:
    """At sign-in: the event this workstation last saw must still be there, unchanged.

    Raises:
        AnchorUnreadable: this workstation's anchors file is unreadable or damaged.
        DataError: the trail no longer holds that event (cut, replaced, or restored).
    """
    found = audit_anchor.problem(db_session, anchor_key(db_session, target))
    if found:
        raise DataError(found)


def take_anchor(database: Database) -> bool:
    """At sign-out and lock: remember the trail's end as this workstation saw it.

    Never raises: the lock goes ahead whatever happens here. A damaged anchors file is
    left as it is (the next sign-in refuses, naming the way out); a failure is logged.

    Returns:
        Whether the anchor was taken.
    """
    try:
        with database.reading() as db_session:
            audit_anchor.remember(db_session, anchor_key(db_session, database.target))
    except (KnownError, SQLAlchemyError, OSError) as error:
        log.warning("the audit trail's end was not remembered at sign-out or lock (%s)",
                    type(error).__name__)
        return False
    return True



def check_authority(trust: Trust, *, set_aside_damaged: bool = False,
                    remember: bool = True) -> None:
    """The database's account authority must hold together and be the one this
    workstation first saw; the first one seen is remembered here (with ``remember``:
    sign-in remembers it only once the account's own record has passed).

    Args:
        set_aside_damaged: a damaged pins file is set aside and started afresh
            (``verify --after-restore``); a different authority is never accepted.

    Raises:
        DataError: the authority's chain is damaged, or it is not (or no longer) the one
            this workstation saw; ``PinsUnreadable``: the pins file is damaged.
    """
    if trust.authority_problem:
        raise DataError(trust.authority_problem)
    root = encode(trust.root) if trust.root is not None else None
    try:
        problem = audit_anchor.authority_problem(trust.database_id, root)
    except audit_anchor.PinsUnreadable:
        if not set_aside_damaged:
            raise
        problem = ""
    if problem:
        raise DataError(problem)
    if remember and root is not None and audit_anchor.pin_authority(
            trust.database_id, root, set_aside_damaged=set_aside_damaged):
        log.info("this workstation remembers a database's account authority")
