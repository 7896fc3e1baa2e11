"""The account authority at work: signing account rows, and checking one at sign-in.

``models.security.signatures`` says what is signed and checks it; this module holds the
authority's private key (a grant in the key file, ``models.storage.keyfile``: supervisors,
administrators and the recovery code hold it) and uses it:

* :func:`sign_new_account` and :func:`resigning` wherever Suoja sets an account's role,
  lock or keys (``init``, account creation and approvals, role changes, locking and
  unlocking, password resets and the recovery code's reset). A row that does not verify
  is never signed again, so no change (and no rotation) signs what a script wrote;
* :func:`rotate`: a new generation, signed by the one before, and every row that
  verifies signed again (``models.storage.rotation``, in its unit of work);
* :func:`establish`: a database upgraded to revision 0010 has no authority in
  ``suoja_meta`` yet. The first sign-in of a supervisor or an administrator (or the
  recovery code's use) writes it and signs every row as it finds it (trust on first
  use: until then rows are not checked). A database from before key file version 2
  (generation 0) has no authority key at all: one is made then (generation 1) and
  granted to every active supervisor and administrator whose slot has a key pair, and
  to the recovery code's slot if it has one;
* :func:`confirm_sign_in`: the signing-in account's row must verify and name, as its
  newest signing key, the one the password just unwrapped; else sign-in is refused.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain.entities import Meta, User
from models.domain.enums import AuditAction, Role
from models.domain.errors import DataError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.security.signatures import (
    AUTHORITY_PREFIX,
    RECOVERY_KEY,
    RECOVERY_SIGNER,
    SIGNED_FROM_KEY,
    AuthorityKey,
    Trust,
    account_message,
    authority_chain,
    authority_message,
    database_id_of,
    decode,
    encode,
    join_keys,
    load_trust,
    public_key,
    recovery_entries,
    recovery_message,
    signed_from_message,
    split_keys,
    verified_recovery_key,
    verifies,
)
from models.storage import generations
from models.storage.anchoring import check_authority
from models.storage.keyfile import (
    KEY_AUTHORITY,
    RECOVERY_SLOT_NAME,
    ROLE_KEYS,
    SLOT_RECOVERY,
    SLOT_USER,
    KeyFile,
    new_data_key,
)
from models.storage.unit_of_work import Database

log = logging.getLogger("suoja.authority")

#: Roles that hold the authority (and so may establish it at their sign-in).
AUTHORITY_ROLES = frozenset(role for role in Role if KEY_AUTHORITY in ROLE_KEYS[role.value])


def _private(seed: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_of(seed: bytes) -> bytes:
    return _private(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _seed_for(database: Database, generation: int) -> bytes | None:
    """This session's authority key of ``generation``: from its keyring, else from the
    key file (granted since the password was typed: a rotation on another workstation)."""
    keyring = database.keyring
    seed = keyring.get(KEY_AUTHORITY, generation)
    if seed is None and keyring.identity is not None:
        opened = database.load_keyfile().open_grants(keyring.kind, keyring.name,
                                                     keyring.identity)
        seed = opened.get((KEY_AUTHORITY, generation))
        if seed is not None:
            keyring.secrets[(KEY_AUTHORITY, generation)] = seed
    return seed


def _in_force(database: Database, db_session: Session
              ) -> tuple[AuthorityKey, Ed25519PrivateKey, str] | None:
    """The authority in force, this session's private key for it and the database id;
    ``None`` while the database has no authority yet (rows are signed when it gets one).

    Raises:
        DataError: the authority's chain is damaged, or this account does not hold it.
    """
    database_id = database_id_of(db_session)
    chain, problem = authority_chain(db_session, database_id)
    if problem:
        raise DataError(problem)
    if not chain:
        return None
    current = chain[-1]
    seed = _seed_for(database, current.generation)
    if seed is None or public_of(seed) != current.public:
        raise DataError(_("This account does not hold the account authority's current key, "
                          "so it cannot change account records; sign in again, or ask a "
                          "supervisor."))
    return current, _private(seed), database_id


def _row_keys(user: User) -> list[bytes] | None:
    try:
        return split_keys(user.signing_keys)
    except ValueError:
        return None


def _row_verifies(authority: AuthorityKey, database_id: str, user: User) -> list[bytes] | None:
    """The row's signing keys if its signature verifies under ``authority``, else None."""
    keys = _row_keys(user)
    if keys is None:
        return None
    try:
        signature = decode(user.signature or "")
    except ValueError:
        return None
    message = account_message(database_id, user.id, user.username, user.role,
                              bool(user.is_active), keys)
    return keys if verifies(public_key(authority.public), signature, message) else None


def _sign_row(private: Ed25519PrivateKey, database_id: str, user: User,
              keys: list[bytes]) -> None:
    user.signing_keys = join_keys(keys)
    user.signature = encode(private.sign(account_message(
        database_id, user.id, user.username, user.role, bool(user.is_active), keys)))


def sign_new_account(database: Database, db_session: Session, user: User,
                     signing_key: bytes) -> None:
    """Sign a new account's row (flushed: it has its id) with its first signing key."""
    in_force = _in_force(database, db_session)
    if in_force is None:
        user.signing_keys = join_keys([signing_key])
        return
    _authority, private, database_id = in_force
    _sign_row(private, database_id, user, [signing_key])


@contextlib.contextmanager
def resigning(database: Database, db_session: Session, user: User, *,
              add_key: bytes | None = None) -> Iterator[None]:
    """Change ``user``'s role or lock in the block; the row is signed again after it,
    with ``add_key`` as its newest signing key (a new password's key pair).

    Raises:
        DataError: the row does not verify now (changed outside Suoja: it is not signed
            again, whatever the change), or this account does not hold the authority.
    """
    in_force = _in_force(database, db_session)
    if in_force is None:  # rows are signed as they are when the authority is established
        yield
        if add_key is not None:
            user.signing_keys = join_keys([*(_row_keys(user) or []), add_key])
        return
    authority, private, database_id = in_force
    keys = _row_verifies(authority, database_id, user)
    if keys is None:
        raise DataError(_(
            "The record of account {username} was changed outside Suoja, so it is not "
            "changed or signed again here; a supervisor runs verify and restores the "
            "database from a backup whose verify passes.").format(username=user.username))
    yield
    if add_key is not None:
        keys = [*keys, add_key]
    db_session.flush()
    _sign_row(private, database_id, user, keys)


def rotate(database: Database, db_session: Session, generation: int, seed: bytes) -> None:
    """Make ``seed`` the authority's ``generation``, signed by the one in force; sign
    every row (and the recovery code's key, and where signed events begin) that verifies
    now again under it. What does not verify stays as it is, and keeps failing."""
    in_force = _in_force(database, db_session)
    if in_force is None:  # established later, with the newest generation granted
        return
    authority, old_private, database_id = in_force
    new_private, public = _private(seed), public_of(seed)
    db_session.merge(Meta(key=f"{AUTHORITY_PREFIX}{generation}", value=(
        f"{encode(public)}:"
        f"{encode(old_private.sign(authority_message(database_id, generation, public)))}")))
    old_public = public_key(authority.public)
    for user in db_session.scalars(select(User).order_by(User.id)):
        keys = _row_verifies(authority, database_id, user)
        if keys is not None:
            _sign_row(new_private, database_id, user, keys)
    for recovery in recovery_entries(db_session):
        recovery_public = verified_recovery_key(recovery, old_public, database_id)
        if recovery_public is not None:
            _register_recovery(db_session, new_private, database_id, recovery_public,
                               at=recovery.key)
    signed_from = db_session.get(Meta, SIGNED_FROM_KEY)
    if signed_from is not None:
        seq_text, _colon, signature = signed_from.value.partition(":")
        try:
            good = seq_text.isdigit() and verifies(
                old_public, decode(signature), signed_from_message(database_id, int(seq_text)))
        except ValueError:
            good = False
        if good:
            _sign_signed_from(db_session, new_private, database_id, int(seq_text))


def _register_recovery(db_session: Session, private: Ed25519PrivateKey, database_id: str,
                       public: bytes, *, at: str = RECOVERY_KEY) -> None:
    signature = private.sign(recovery_message(database_id, public))
    db_session.merge(Meta(key=at, value=f"{encode(public)}:{encode(signature)}"))


def register_new_recovery_code(database: Database, db_session: Session,
                               public: bytes) -> None:
    """A new recovery code's signing key is in force; the one it replaces is kept
    (``recovery_signing.N``), so the events it signed still verify."""
    in_force = _in_force(database, db_session)
    if in_force is None:
        return  # established later, from the key file's recovery slot
    _authority, private, database_id = in_force
    current = db_session.get(Meta, RECOVERY_KEY)
    if current is not None:
        earlier = len(recovery_entries(db_session))
        db_session.merge(Meta(key=f"{RECOVERY_KEY}.{earlier}", value=current.value))
    _register_recovery(db_session, private, database_id, public)


def _sign_signed_from(db_session: Session, private: Ed25519PrivateKey, database_id: str,
                      seq: int) -> None:
    signature = private.sign(signed_from_message(database_id, seq))
    db_session.merge(Meta(key=SIGNED_FROM_KEY, value=f"{seq}:{encode(signature)}"))


def write_first(db_session: Session, keys: KeyFile, generation: int, seed: bytes) -> None:
    """Give the database its first authority key (``generation``, signed by itself) and
    sign every account row with the signing keys it names and its slot's newest, the
    recovery code's key and where signed events begin (``init`` and :func:`establish`)."""
    database_id = database_id_of(db_session)
    private, public = _private(seed), public_of(seed)
    db_session.merge(Meta(key=f"{AUTHORITY_PREFIX}{generation}", value=(
        f"{encode(public)}:"
        f"{encode(private.sign(authority_message(database_id, generation, public)))}")))
    for user in db_session.scalars(select(User).order_by(User.id)):
        row_keys = _row_keys(user) or []
        slot = keys.slot(SLOT_USER, user.username)
        if slot is not None and not slot.legacy:
            row_keys = [key for key in row_keys if key != slot.signing_public]
            row_keys.append(slot.signing_public)
        _sign_row(private, database_id, user, row_keys)
    recovery = keys.slot(SLOT_RECOVERY, RECOVERY_SLOT_NAME)
    if recovery is not None and not recovery.legacy:
        _register_recovery(db_session, private, database_id, recovery.signing_public)
    signed_from = db_session.get(Meta, SIGNED_FROM_KEY)
    seq_text = (signed_from.value if signed_from is not None else "").partition(":")[0]
    _sign_signed_from(db_session, private, database_id,
                      int(seq_text) if seq_text.isdigit() else 1)


def establish(database: Database, user_id: int | None) -> bool:
    """Give a database that has no authority in ``suoja_meta`` its first one, and sign
    every row (see the module's docstring). ``user_id``: who signs in (``None``: the
    recovery code). Audited.

    Returns:
        Whether it was done (not when this account holds no authority while others do).
    """
    keys = database.load_keyfile()
    granted = keys.generations(KEY_AUTHORITY)
    if granted:
        generation = granted[0]
        seed = _seed_for(database, generation)
        if seed is None:
            return False
    else:  # generation 0: no authority anywhere yet
        generation, seed = 1, new_data_key()
    with database.writing() as db_session:
        chain, problem = authority_chain(db_session)
        if chain or problem:
            return False  # established meanwhile (a damaged chain is refused elsewhere)
        if not granted:
            keys = database.load_keyfile()
            for username, role in db_session.execute(select(User.username, User.role).where(
                    User.is_active.is_(True))):
                slot = keys.slot(SLOT_USER, username)
                if Role(role) in AUTHORITY_ROLES and slot is not None and not slot.legacy:
                    keys.grant(SLOT_USER, username, KEY_AUTHORITY, generation, seed)
            recovery = keys.slot(SLOT_RECOVERY, RECOVERY_SLOT_NAME)
            if recovery is not None and not recovery.legacy:
                keys.grant(SLOT_RECOVERY, RECOVERY_SLOT_NAME, KEY_AUTHORITY, generation, seed)
            database.save_keyfile(keys, db_session)
        write_first(db_session, keys, generation, seed)
        # Which content keys are in use, signed as at init (those this session holds; an
        # administrator's establishing leaves them to the next holder's sign-in).
        from models.storage import generations

        generations.record_missing(database, db_session)
        database.audit.record(db_session, user_id=user_id, action=AuditAction.ACCOUNT,
                              entity="database",
                              detail=f"account authority established: generation {generation}")
    database.keyring.secrets[(KEY_AUTHORITY, generation)] = seed
    log.info("the account authority was established")
    return True


def trusted_active_roles(db_session: Session) -> dict[str, Role]:
    """Active accounts' roles, as far as their rows verify (a row changed outside Suoja
    counts as locked: a rotation grants it nothing).

    Raises:
        DataError: the authority's chain is damaged.
    """
    trust = load_trust(db_session)
    if trust.authority_problem:
        raise DataError(trust.authority_problem)
    return {username: Role(role) for user_id, username, role in db_session.execute(
        select(User.id, User.username, User.role).where(User.is_active.is_(True)))
        if user_id not in trust.bad_rows}


_REFUSED = N_("Sign-in refused: this account's record in the database is not as a "
              "supervisor or an administrator set it (its role, lock or keys were changed "
              "outside Suoja); a supervisor runs verify to find out more.")


def check_account(database: Database, trust: Trust, user_id: int, role: str) -> None:
    """The signed-in account's row must verify and name the key its password unwrapped
    as its newest; an account holding the authority must hold the one in force.

    Raises:
        DataError: it does not (one sentence).
    """
    if not trust.established:
        return
    if user_id in trust.bad_rows:
        raise DataError(_(_REFUSED))
    newest = trust.newest_keys.get(user_id)
    identity = database.identity
    if newest is None:
        raise DataError(_("This account has no confirmed signing key yet; ask a supervisor "
                          "to set a new password for it."))
    if identity is None or newest != identity.signing_public:
        raise DataError(_(_REFUSED))
    # Every active supervisor and administrator is given the authority in force (at
    # creation, unlocking and every rotation): one that does not hold it, or holds
    # another key of that generation, is looking at an authority made with a script.
    current = trust.current
    assert current is not None
    seed = database.keyring.get(KEY_AUTHORITY, current.generation)
    if Role(role) in AUTHORITY_ROLES and (seed is None or public_of(seed) != current.public):
        raise DataError(_("This database's account authority is not the one this account "
                          "was given: it was replaced outside Suoja, so its account records "
                          "cannot be trusted."))


def confirm_sign_in(database: Database, username: str, *,
                    may_establish: bool = True) -> Trust:
    """At sign-in, before the account's role is used (see the module's docstring); the
    trust it checked against is returned for the rest of the sign-in.

    Raises:
        DataError: the account's row does not verify or names another key; the
            authority is damaged or not the one this workstation saw first.
    """
    with database.reading() as db_session:
        row = db_session.execute(select(User.id, User.role, User.is_active).where(
            User.username == username)).first()
        # Only the rows this sign-in relies on: its own, and those of the accounts that
        # signed the content keys' records (checked next, in generations.check).
        trust = load_trust(db_session, accounts=generations.signing_accounts(db_session)
                           | ({row[0]} if row is not None else set()))
    check_authority(trust, remember=False)
    if row is None:
        return trust  # refused by the caller, as a wrong username
    user_id, role, active = row
    if not trust.established and not trust.authority_problem:
        if not (may_establish and active and Role(role) in AUTHORITY_ROLES
                and establish(database, user_id)):
            return trust  # not checked until a supervisor or an administrator signs in
        with database.reading() as db_session:
            trust = load_trust(db_session)
        check_authority(trust, remember=False)
    check_account(database, trust, user_id, role)
    check_authority(trust)  # this workstation remembers the first authority it saw
    return trust


def confirm_recovery(database: Database) -> None:
    """For the recovery code's use: the authority as at sign-in, established if the
    database has none yet, and the recovery code's signing key registered under it.

    Raises:
        DataError: the authority is damaged or not the one this workstation saw; the
            recovery code's key is not the registered one and it cannot register it.
    """
    with database.reading() as db_session:
        trust = load_trust(db_session)
    check_authority(trust)
    if not trust.established and not trust.authority_problem:
        establish(database, None)
        with database.reading() as db_session:
            trust = load_trust(db_session)
        check_authority(trust)
    identity = database.identity
    if not trust.established or identity is None:
        return
    registered = trust.signers.get(RECOVERY_SIGNER)
    mine = identity.signing_public
    if registered and any(key.public_bytes(Encoding.Raw, PublicFormat.Raw) == mine
                          for key in registered):
        return
    with database.writing() as db_session:
        in_force = _in_force_or_none(database, db_session)
        if in_force is None:
            raise DataError(_("This recovery code was made by an older version of Suoja and "
                              "cannot sign account records; a supervisor or an administrator "
                              "sets the new password instead."))
        _authority, private, database_id = in_force
        _register_recovery(db_session, private, database_id, mine)


def _in_force_or_none(database: Database, db_session: Session
                      ) -> tuple[AuthorityKey, Ed25519PrivateKey, str] | None:
    try:
        return _in_force(database, db_session)
    except DataError:
        return None
