"""The tamper-evident audit trail.

Every event's ``chain_hash`` is an HMAC-SHA256, keyed by a key derived from the chain's
key, over the event's own fields and the previous event's ``chain_hash``. Someone who
can write to the database but does not hold the key cannot edit, delete, insert or reorder
events without breaking the chain, and :func:`verify_chain` names the first broken link.

Every account holds the chain's key, though. So each event is also signed (Ed25519) by
the account whose session wrote it (``models.security.signatures``): a key holder can
write events only in their own name, and one who deletes an event and links the later
ones again breaks those events' signatures (they cover the number and the link).

Events say who, when (UTC), what and on which record — never the personal data itself.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.domain.base import utcnow
from models.domain.entities import AuditEvent, Meta, User
from models.domain.enums import AuditAction
from models.domain.i18n import gettext as _
from models.security.signatures import (
    RECOVERY_SIGNER,
    Trust,
    encode,
    event_fields,
    load_trust,
    signed_message,
    user_signer,
)

#: Events' signatures are base64 text (also for scripts and tests that make one).
encode_signature = encode

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
    message = "\x1f".join(event_fields(event)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


class EventSigner:
    """The signing key of the session that writes events, and the name it signs under:
    ``recovery`` for the recovery code, else ``user:<id>`` of the signed-in account
    (looked up by its username the first time, usernames never change)."""

    def __init__(self, key: Ed25519PrivateKey, *, username: str = "",
                 recovery: bool = False) -> None:
        self._key = key
        self._username = username
        self._name: str | None = RECOVERY_SIGNER if recovery else None

    def name(self, db_session: Session) -> str | None:
        if self._name is None:
            user_id = db_session.scalar(select(User.id).where(User.username == self._username))
            if user_id is not None:
                self._name = user_signer(user_id)
        return self._name

    def sign(self, message: bytes) -> str:
        return encode(self._key.sign(message))


class AuditLog:
    """Appends events to the chain inside the caller's unit of work, each signed by the
    session's ``signer`` (unsigned without one: a verify names such an event)."""

    def __init__(self, chain_key: bytes, signer: EventSigner | None = None) -> None:
        self._key = chain_key
        self._signer = signer

    @property
    def signer(self) -> EventSigner | None:
        """Who this session's events are signed by (``None``: unsigned, a version 1 slot)."""
        return self._signer

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
        signer = self._signer.name(db_session) if self._signer is not None else None
        if self._signer is not None and signer is not None:
            event.signer = signer
            event.signature = self._signer.sign(signed_message(event, signer))
        db_session.add(event)
        head = f"{seq}:{_head_mac(self._key, seq, event.chain_hash)}"
        # The end marker moved in one statement (the event is flushed before it); the
        # first event of a database inserts it.
        moved = db_session.execute(update(Meta).where(Meta.key == HEAD_KEY).values(value=head))
        if not getattr(moved, "rowcount", 0):
            db_session.add(Meta(key=HEAD_KEY, value=head))
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
    #: Account records that verify under the account authority (0: not checked).
    accounts: int = 0
    #: Events whose signature was checked.
    signed: int = 0

    @property
    def ok(self) -> bool:
        """Whether every link, signature and account record verifies. A problem outside
        the events (an account record, the authority) has no ``first_broken_seq``."""
        return self.first_broken_seq is None and not self.problem


def verify_chain(db_session: Session, chain_key: bytes, *,
                 signatures: bool = True) -> ChainReport:
    """Walk the chain from the first event and report the first broken link.

    With ``signatures`` (always, but in tests of the chain alone), the account authority
    and every account record are checked first (``models.security.signatures``), then
    every event from the first that must be signed: each must carry a valid signature
    of the account it names.
    """
    trust: Trust | None = None
    if signatures:
        trust = load_trust(db_session)
        if trust.problem:
            return ChainReport(0, None, trust.problem)
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = signed = 0
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
            if trust is not None and event.seq >= trust.signed_from:
                if not trust.established:
                    return ChainReport(count, None, _(
                        "Who wrote each audit event cannot be checked yet: account records "
                        "are signed at the first sign-in of a supervisor or an "
                        "administrator after the upgrade."))
                problem = trust.event_problem(event)
                if problem:
                    return ChainReport(count, event.seq, problem)
                signed += 1
            expected_prev = event.chain_hash
            expected_seq += 1
    head = db_session.get(Meta, HEAD_KEY)
    accounts = trust.rows if trust is not None else 0
    if count == 0 and head is None:
        return ChainReport(0, accounts=accounts)
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
    return ChainReport(count, accounts=accounts, signed=signed)
