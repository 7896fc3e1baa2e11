"""Which generation of the care and case keys seals the values: a signed record.

Rotation (``models.storage.rotation``) gives the content keys new generations, and the
database records which one is in use (``suoja_meta`` ``key_generation:care`` and
``key_generation:case``). Anyone who can write the database (every account, with its
storage key) could otherwise point that record at a generation of their own choosing
and seal a key they know to everyone: notes written afterwards would be under their key.
So the record is ``generation|signer|signature|check``: signed with the own key of the
account that made the generation (one whose role holds that key, or the recovery code),
with the key's check value (``security.signatures.key_check``). At sign-in the record
must verify, and the key this account was granted must match the check value (a grant
planted in the key file does not).

A database upgraded from key file version 1 (generation 0) has no record until a
supervisor gives it its account authority; until then nothing is checked, as for the
account rows.
"""

from __future__ import annotations

import hmac

from sqlalchemy.orm import Session

from models.domain.entities import Meta
from models.domain.enums import Role
from models.domain.errors import DataError
from models.domain.i18n import gettext as _
from models.security.signatures import (
    RECOVERY_SIGNER,
    Trust,
    database_id_of,
    decode,
    generation_message,
    key_check,
    load_trust,
    verifies,
)
from models.storage.keyfile import KEY_CARE, KEY_CASE, ROLE_KEYS
from models.storage.unit_of_work import CONTENT_GENERATION, Database, content_generation

CONTENT_KEYS = (KEY_CARE, KEY_CASE)


def record(database: Database, db_session: Session, key: str, generation: int,
           value: bytes) -> None:
    """Record, signed by this session, that ``value`` is ``key``'s generation in use."""
    signer = database.audit.signer
    name = signer.name(db_session) if signer is not None else None
    if signer is None or name is None:  # a version 1 slot's session: nothing to sign with
        db_session.merge(Meta(key=CONTENT_GENERATION[key], value=str(generation)))
        return
    check = key_check(value)
    signature = signer.sign(generation_message(database_id_of(db_session), key, generation,
                                               check))
    db_session.merge(Meta(key=CONTENT_GENERATION[key],
                          value=f"{generation}|{name}|{signature}|{check}"))


def record_missing(database: Database, db_session: Session) -> None:
    """Sign the records an upgraded database lacks, for the keys this session holds
    (when its account authority is established)."""
    for key in CONTENT_KEYS:
        row = db_session.get(Meta, CONTENT_GENERATION[key])
        if row is not None and "|" in row.value:
            continue  # signed already
        generation = content_generation(db_session, key)
        value = database.keyring.get(key, generation)
        if value is not None:
            record(database, db_session, key, generation, value)


def check(database: Database, role: Role, trust: Trust | None = None) -> None:
    """Refuse a content key whose record was not made by an account that holds it, or
    that does not match the key this account was granted; ``trust``: the account
    records as this sign-in checked them (read again without it).

    Raises:
        DataError: the record is missing, unsigned, signed by the wrong account, or the
            granted key differs (the key file or the database was changed outside Suoja).
    """
    with database.reading() as db_session:
        if trust is None:
            trust = load_trust(db_session)
        if not trust.established:
            return  # an upgraded database before its authority: unchecked (see above)
        database_id = database_id_of(db_session)
        for key in CONTENT_KEYS:
            if key not in ROLE_KEYS[role.value]:
                continue
            row = db_session.get(Meta, CONTENT_GENERATION[key])
            parts = row.value.split("|") if row is not None else []
            if len(parts) != 4 or not parts[0].isdigit():
                raise DataError(_tampered_record())
            generation, signer, signature, expected = int(parts[0]), *parts[1:]
            if trust.partial and signer not in trust.signers:
                # Signed meanwhile by an account the sign-in did not check: all of them.
                trust = load_trust(db_session)
            if not _holder(trust, signer, key) or not any(
                    verifies(public, _decoded(signature),
                             generation_message(database_id, key, generation, expected))
                    for public in trust.signers.get(signer, ())):
                raise DataError(_tampered_record())
            value = database.keyring.get(key, generation)
            if value is not None and not hmac.compare_digest(key_check(value), expected):
                raise DataError(_(
                    "This account was given a key to case content other than the one in "
                    "use: the key file was changed outside Suoja. Ask a supervisor to set a "
                    "new password for the account and to run verify."))


def signing_accounts(db_session: Session) -> set[int]:
    """The accounts named as the makers of the content keys' records in use: the rows
    :func:`check` needs verified (a sign-in verifies only those and its own)."""
    found = set()
    for key in CONTENT_KEYS:
        row = db_session.get(Meta, CONTENT_GENERATION[key])
        parts = row.value.split("|") if row is not None else []
        kind, _colon, user_id = (parts[1] if len(parts) == 4 else "").partition(":")
        if kind == "user" and user_id.isdigit():
            found.add(int(user_id))
    return found


def _holder(trust: Trust, signer: str, key: str) -> bool:
    """Whether ``signer`` is the recovery code or an account whose role holds ``key``, as
    its row read for ``trust`` says (the row it verified: read again, a script could have
    changed it since)."""
    if signer == RECOVERY_SIGNER:
        return True
    role = trust.roles.get(signer)
    return role is not None and key in ROLE_KEYS.get(role, frozenset())


def _decoded(text: str) -> bytes:
    try:
        return decode(text)
    except ValueError:
        return b""


def _tampered_record() -> str:
    """The sentence for a record that does not verify (translated when raised)."""
    return _("The record of which key seals session notes or messages was changed outside "
             "Suoja; ask a supervisor to run verify.")
