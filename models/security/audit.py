"""The tamper-evident audit trail.

Every event's ``chain_hash`` is an HMAC-SHA256, keyed by a key derived from the database's
data key, over the event's own fields and the previous event's ``chain_hash``. Someone who
can write to the database but does not hold the key cannot edit, delete, insert or reorder
events without breaking the chain, and :func:`verify_chain` names the first broken link.

Events say who, when (UTC), what and on which record — never the personal data itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain.base import utcnow
from models.domain.entities import AuditEvent, Meta
from models.domain.enums import AuditAction
from models.domain.i18n import gettext as _

log = logging.getLogger("suoja.audit")

GENESIS_HASH = "0" * 64
#: ``suoja_meta`` key holding the chain's end: "<seq>:<MAC>", so cutting events off the end
#: is detected too (the MAC cannot be made for an earlier event without the key).
HEAD_KEY = "audit_head"


def derive_chain_key(data_key: bytes) -> bytes:
    """The HMAC key of the chain: HKDF of the data key, so it is never stored anywhere."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"suoja audit chain v1"
    ).derive(data_key)


def _head_mac(key: bytes, seq: int, chain_hash: str) -> str:
    return hmac.new(key, f"head\x1f{seq}\x1f{chain_hash}".encode(), hashlib.sha256).hexdigest()


def _event_mac(key: bytes, event: AuditEvent) -> str:
    fields = (
        str(event.seq),
        event.occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "" if event.user_id is None else str(event.user_id),
        event.action,
        event.entity,
        "" if event.entity_id is None else str(event.entity_id),
        "" if event.case_id is None else str(event.case_id),
        event.detail,
        event.prev_hash,
    )
    message = "\x1f".join(fields).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


class AuditLog:
    """Appends events to the chain inside the caller's unit of work."""

    def __init__(self, chain_key: bytes) -> None:
        self._key = chain_key

    def record(
        self,
        db_session: Session,
        *,
        user_id: int | None,
        action: AuditAction,
        entity: str = "",
        entity_id: int | None = None,
        case_id: int | None = None,
        detail: str = "",
    ) -> AuditEvent:
        """Append one event; it commits or rolls back with the change it describes.

        Args:
            detail: short, non-personal context ("profile=police masked=yes").
        """
        last = db_session.execute(
            select(AuditEvent.seq, AuditEvent.chain_hash).order_by(AuditEvent.seq.desc()).limit(1)
        ).first()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        event = AuditEvent(
            seq=seq,
            occurred_at=utcnow(),
            user_id=user_id,
            action=action.value,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            detail=detail,
            prev_hash=prev_hash,
        )
        event.chain_hash = _event_mac(self._key, event)
        db_session.add(event)
        db_session.merge(Meta(key=HEAD_KEY,
                              value=f"{seq}:{_head_mac(self._key, seq, event.chain_hash)}"))
        db_session.flush()
        return event


@dataclass(frozen=True)
class ChainReport:
    """The result of walking the chain.

    Attributes:
        events: how many events were checked.
        first_broken_seq: sequence number of the first event that does not verify.
        problem: one sentence describing the first break, or empty when intact.
    """

    events: int
    first_broken_seq: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(db_session: Session, chain_key: bytes) -> ChainReport:
    """Walk the chain from the first event and report the first broken link."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    rows = db_session.scalars(
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000)
    )
    with rows:  # a server-side cursor on PostgreSQL: closed even on an early return
        for event in rows:
            count += 1
            if event.seq != expected_seq:
                return ChainReport(count, expected_seq, _(
                    "Audit event {seq} is missing from the chain.").format(seq=expected_seq))
            if event.prev_hash != expected_prev:
                return ChainReport(count, event.seq, _(
                    "Audit event {seq} does not follow the one before it.").format(seq=event.seq))
            if not hmac.compare_digest(event.chain_hash, _event_mac(chain_key, event)):
                return ChainReport(count, event.seq, _(
                    "Audit event {seq} was changed after it was written.").format(seq=event.seq))
            expected_prev = event.chain_hash
            expected_seq += 1
    head = db_session.get(Meta, HEAD_KEY)
    if count == 0 and head is None:
        return ChainReport(0)
    last_seq = expected_seq - 1
    if head is None:
        return ChainReport(count, last_seq, _("The audit trail's end marker is missing."))
    head_seq, _separator, head_mac = head.value.partition(":")
    if head_seq != str(last_seq) or not hmac.compare_digest(
        head_mac, _head_mac(chain_key, last_seq, expected_prev)
    ):
        return ChainReport(
            count, last_seq + 1,
            _("Audit events after event {seq} were removed from the end of the chain.").format(
                seq=last_seq),
        )
    return ChainReport(count)
