"""Signatures: who wrote each audit event, and who set each account's role and state.

Every account holds the audit chain's MAC key (``models.security.audit``), so the chain
alone stops only people without a password. Two kinds of signature close that:

* every audit event is signed (Ed25519) by the account whose session wrote it, with the
  signing key its own password unwraps (``models.storage.keyfile``), so nobody writes an
  event in another account's name, or removes one and links the rest again, unnoticed;
* every account row (id, username, role, whether it is active and its signing public
  keys, newest last) is signed by the *account authority*: an Ed25519 key held by
  supervisors, administrators and the recovery code. Which keys may sign an account's
  events is read only from its signed row, so an account that sets its own role, or
  adds a key to a colleague's row, with a script is found out.

The authority's public key lives in ``suoja_meta`` as ``authority:<generation>``; each
new generation (a key rotation) is signed by the one before it, so a chain leads from
the first key to the current one. Each workstation remembers the first key it saw per
database (``models.security.audit_anchor``), as ssh remembers hosts, so an authority
replaced wholesale with a script is refused there. The recovery code's signing key is
signed by the authority as well (``recovery_signing``), and so is the number of the
first event that must be signed (``audit_signed_from``): events written before
revision 0010 stay unsigned, never rewritten.

This module checks, and makes the messages that are signed; signing happens where the
keys are: ``models.security.audit`` (events) and ``models.storage.authority`` (rows).
What it cannot stop: someone holding the authority (an administrator, say) can sign an
account row with a script; and until the first account that holds the authority has
signed in after an upgrade, rows are not checked (an upgraded database has no
authority key in ``suoja_meta`` until then).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain.entities import AuditEvent, Meta, User
from models.domain.enums import AuditAction
from models.domain.i18n import gettext as _

#: ``suoja_meta``: "<seq>" (revision 0010), then "<seq>:<the authority's signature>".
SIGNED_FROM_KEY = "audit_signed_from"
#: ``suoja_meta``: "authority:<generation>" -> "<public key>:<signature>".
AUTHORITY_PREFIX = "authority:"
#: ``suoja_meta``: the recovery code's signing key, "<public key>:<signature>".
RECOVERY_KEY = "recovery_signing"
#: The signer of events written with the recovery code.
RECOVERY_SIGNER = "recovery"
#: Events a session may write about another account: a failed sign-in names the account
#: whose password was tried (the signer is the session that moved it into the trail).
_ABOUT_ANOTHER = frozenset({AuditAction.FAILED_LOGIN.value})


def encode(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode(text: str) -> bytes:
    """Raises ValueError for anything but base64."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise ValueError("base64") from error


def user_signer(user_id: int) -> str:
    """How an account is named as the signer of its events."""
    return f"user:{user_id}"


def join_keys(keys: Iterable[bytes]) -> str:
    return ",".join(encode(key) for key in keys)


def split_keys(text: str | None) -> list[bytes]:
    """An account row's signing keys, oldest first. Raises ValueError when damaged."""
    keys = [decode(part) for part in (text or "").split(",") if part]
    if any(len(key) != 32 for key in keys):
        raise ValueError("key length")
    return keys


# -- what is signed ------------------------------------------------------------------


def event_fields(event: AuditEvent) -> list[str]:
    """An event's own fields and its link, as the chain's MAC and its signature cover them."""
    return [
        str(event.seq),
        event.occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "" if event.user_id is None else str(event.user_id),
        event.action,
        event.entity,
        "" if event.entity_id is None else str(event.entity_id),
        "" if event.case_id is None else str(event.case_id),
        event.detail,
        event.prev_hash,
    ]


def signed_message(event: AuditEvent, signer: str) -> bytes:
    """What an event's signer signs: every field the MAC covers (its number and the link
    to the event before included), and the signer's own name."""
    return "\x1f".join(["suoja-audit-event/1", *event_fields(event), signer]).encode("utf-8")


def authority_message(database_id: str, generation: int, public: bytes) -> bytes:
    """What the previous generation signs about the next (the first signs itself)."""
    return f"suoja-authority/1\x1f{database_id}\x1f{generation}\x1f".encode() + public


def account_message(database_id: str, user_id: int, username: str, role: str,
                    is_active: bool, keys: Sequence[bytes]) -> bytes:
    """What the authority signs about an account."""
    return "\x1f".join([
        "suoja-account/1", database_id, str(user_id), username, role,
        "active" if is_active else "locked", join_keys(keys)]).encode("utf-8")


def generation_message(database_id: str, key: str, generation: int, check: str) -> bytes:
    """What the account that made a content key's generation signs (with the key's check
    value), so which key seals the notes is not anyone's to choose."""
    return f"suoja-key-generation/1\x1f{database_id}\x1f{key}\x1f{generation}\x1f{check}".encode()


def key_check(value: bytes) -> str:
    """A key's check value: tells a key apart from another without revealing it."""
    return hmac.new(value, b"suoja key check", hashlib.sha256).hexdigest()[:32]


def recovery_entries(db_session: Session) -> list[Meta]:
    """The recovery codes' signing keys as ``suoja_meta`` holds them: the code in force
    (``recovery_signing``), then the ones it replaced (``recovery_signing.1``, …), whose
    events must still verify."""
    rows = db_session.scalars(select(Meta).where(
        (Meta.key == RECOVERY_KEY) | Meta.key.startswith(RECOVERY_KEY + "."))).all()
    return sorted(rows, key=lambda row: (row.key != RECOVERY_KEY, row.key))


def verified_recovery_key(entry: Meta, authority: Ed25519PublicKey,
                          database_id: str) -> bytes | None:
    """A recovery code's signing key from its ``suoja_meta`` entry, if ``authority``
    signed it (``None`` if it did not, or the entry is damaged)."""
    public_text, _colon, signature = entry.value.partition(":")
    try:
        public = decode(public_text)
        good = verifies(authority, decode(signature), recovery_message(database_id, public))
    except ValueError:
        return None
    return public if good else None


def recovery_message(database_id: str, public: bytes) -> bytes:
    return f"suoja-recovery/1\x1f{database_id}\x1f".encode() + public


def signed_from_message(database_id: str, seq: int) -> bytes:
    return f"suoja-audit-signed-from/1\x1f{database_id}\x1f{seq}".encode()


def verifies(public: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        public.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def public_key(raw: bytes) -> Ed25519PublicKey:
    """Raises ValueError for a malformed key."""
    return Ed25519PublicKey.from_public_bytes(raw)


# -- the authority -------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorityKey:
    generation: int
    public: bytes


def database_id_of(db_session: Session) -> str:
    return db_session.scalar(select(Meta.value).where(Meta.key == "database_id")) or ""


def authority_chain(db_session: Session, database_id: str | None = None
                    ) -> tuple[list[AuthorityKey], str]:
    """The authority's keys, oldest first, and why the chain does not hold ("" if it does).

    The first key signs itself; every later one is signed by the one before it.
    """
    database_id = database_id if database_id is not None else database_id_of(db_session)
    rows = db_session.execute(select(Meta.key, Meta.value).where(
        Meta.key.startswith(AUTHORITY_PREFIX, autoescape=True))).all()
    entries: list[tuple[int, bytes, bytes]] = []
    broken = _("The database's account authority is damaged, so no account record can be "
               "trusted: its keys were changed outside Suoja.")
    for key, value in rows:
        number = key[len(AUTHORITY_PREFIX):]
        public_text, _colon, signature_text = value.partition(":")
        try:
            if not number.isdigit():
                raise ValueError("generation")
            public, signature = decode(public_text), decode(signature_text)
            public_key(public)
        except ValueError:
            return [], broken
        entries.append((int(number), public, signature))
    entries.sort()
    chain: list[AuthorityKey] = []
    for generation, public, signature in entries:
        signer = chain[-1].public if chain else public
        if not verifies(public_key(signer), signature,
                        authority_message(database_id, generation, public)):
            return [], broken
        chain.append(AuthorityKey(generation, public))
    return chain, ""


# -- checking ------------------------------------------------------------------------


@dataclass
class Trust:
    """What the database's signatures establish: the authority, and which keys may sign
    whose events.

    Attributes:
        chain: the authority's keys, oldest first (empty: no authority yet, or broken).
        problem: the first thing that does not verify ("" when everything does).
        signers: signer name -> its public keys, newest first, from rows that verify.
        roles: signer name -> the role its verified row names (what a check that the
            signer may hold a key must read, not the row as it is now).
        rows: how many account rows verify.
        bad_rows: user id -> username of every row that does not verify.
        signed_from: the first event that must be signed.
        authority_problem: why the authority's own chain does not hold ("" if it does).
        partial: only some accounts' rows were checked (:func:`load_trust`'s
            ``accounts``); ``signers``, ``roles``, ``rows``, ``bad_rows`` and ``problem``
            say nothing of the others: an account absent from ``bad_rows`` is not thereby
            good (look it up in ``signers`` or ``newest_keys``).
    """

    database_id: str
    chain: list[AuthorityKey] = field(default_factory=list)
    problem: str = ""
    authority_problem: str = ""
    signers: dict[str, tuple[Ed25519PublicKey, ...]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    newest_keys: dict[int, bytes | None] = field(default_factory=dict)
    rows: int = 0
    bad_rows: dict[int, str] = field(default_factory=dict)
    signed_from: int = 1
    partial: bool = False

    @property
    def established(self) -> bool:
        """Whether the database has an authority whose chain holds."""
        return bool(self.chain)

    @property
    def root(self) -> bytes | None:
        return self.chain[0].public if self.chain else None

    @property
    def current(self) -> AuthorityKey | None:
        return self.chain[-1] if self.chain else None

    def event_problem(self, event: AuditEvent) -> str:
        """Why ``event``'s signature does not stand ("" if it does). Only for events from
        :attr:`signed_from` on, in an established database, with every row checked
        (a :attr:`partial` trust would name good events of unchecked accounts)."""
        assert not self.partial, "events are checked against every account's row"
        signer, signature_text = event.signer, event.signature
        if not signer or not signature_text:
            return _("Audit event {seq} is not signed: it was written outside Suoja.").format(
                seq=event.seq)
        keys = self.signers.get(signer)
        if keys is None:
            return _("Audit event {seq} is signed by an account whose record does not "
                     "verify or does not exist.").format(seq=event.seq)
        try:
            signature = decode(signature_text)
        except ValueError:
            signature = b""
        message = signed_message(event, signer)
        if not any(verifies(key, signature, message) for key in keys):
            return _("Audit event {seq} does not carry a valid signature of the account that "
                     "wrote it: it was changed, or written in another account's name.").format(
                         seq=event.seq)
        if (event.user_id is not None and signer != user_signer(event.user_id)
                and event.action not in _ABOUT_ANOTHER):
            return _("Audit event {seq} names an account other than the one that signed "
                     "it.").format(seq=event.seq)
        return ""


def load_trust(db_session: Session, accounts: Collection[int] | None = None) -> Trust:
    """Check the authority's chain, every account row, the recovery code's key and where
    signed events start; the first problem is in :attr:`Trust.problem`.

    With ``accounts``, only those accounts' rows are checked (a sign-in relies on its own
    row and on those of the accounts that signed its role's content keys: an Ed25519
    check per account, 112 of them at 200,000 victims, is most of its cost). The trust
    is then :attr:`Trust.partial`: the other accounts are neither signers nor counted.

    Without an authority (a database upgraded to revision 0010 whose first account
    holding the authority has not signed in yet) nothing is checked.
    """
    database_id = database_id_of(db_session)
    chain, problem = authority_chain(db_session, database_id)
    trust = Trust(database_id, chain, problem, authority_problem=problem,
                  partial=accounts is not None)
    signed_from = db_session.get(Meta, SIGNED_FROM_KEY)
    seq_text, _colon, signature_text = (signed_from.value if signed_from else "").partition(":")
    trust.signed_from = int(seq_text) if seq_text.isdigit() else 1
    if not chain:
        return trust
    authority = public_key(chain[-1].public)
    rows = select(User.id, User.username, User.role, User.is_active, User.signing_keys,
                  User.signature).order_by(User.id)
    if accounts is not None:
        rows = rows.where(User.id.in_(sorted(accounts)))
    for user_id, username, role, is_active, keys_text, signature in db_session.execute(rows):
        try:
            keys = split_keys(keys_text)
            good = verifies(authority, decode(signature or ""), account_message(
                database_id, user_id, username, role, bool(is_active), keys))
        except ValueError:
            good = False
        if good:
            trust.rows += 1
            trust.signers[user_signer(user_id)] = tuple(public_key(k) for k in reversed(keys))
            trust.roles[user_signer(user_id)] = role
            trust.newest_keys[user_id] = keys[-1] if keys else None
        else:
            trust.bad_rows[user_id] = username
            trust.problem = trust.problem or _(
                "The record of account {username} is not as a supervisor or an administrator "
                "set it: its role, lock or keys were changed outside Suoja.").format(
                    username=username)
    recovery_keys = []
    for recovery in recovery_entries(db_session):  # the code in force, then earlier ones
        public = verified_recovery_key(recovery, authority, database_id)
        if public is not None:
            recovery_keys.append(public_key(public))
        else:
            trust.problem = trust.problem or _(
                "The recovery code's signing key in the database was changed outside Suoja.")
    if recovery_keys:
        trust.signers[RECOVERY_SIGNER] = tuple(recovery_keys)
    try:
        good = signed_from is not None and seq_text.isdigit() and verifies(
            authority, decode(signature_text),
            signed_from_message(database_id, trust.signed_from))
    except ValueError:
        good = False
    if not good:
        trust.signed_from = 1  # the strictest reading
        trust.problem = trust.problem or _(
            "Where the audit trail's signed events begin was changed outside Suoja.")
    return trust
