"""Staff accounts: create, lock and unlock (never delete), reset passwords, change roles.

Every account's password unwraps its own key slot, which holds the keys of its role
(``models.storage.keyfile``). Changing one's own password rewraps that slot. Every
change to an account's role, lock or keys is signed by the account authority
(``models.storage.authority``); an account whose row was changed outside Suoja is
neither changed nor signed again here. Locking an
account, resetting a password on someone else's behalf and a role change that takes a
key away rotate the keys (``models.storage.rotation``): slow on a large database, so
the GUI calls them off its thread, with ``progress``. Every change is audited.

Separation of duties (issue 16): nobody changes their own role or unlocks themselves.
Supervisors read case content, and so do administrators who hold a supervisor's or
another administrator's password; so an administrator (anyone who is not a supervisor)
cannot create a supervisor or administrator, promote anyone to one, or reset such an
account's password alone. Those calls record an :class:`AccountChangeRequest` instead
and change nothing. A supervisor other than the requester approves it
(:meth:`AccountService.approve_request`) or declines it; **the approval makes the change
itself**, and for a new account or a new password the approving supervisor types the
password then. So no password waits in the database (not even hashed), the requester
never learns the password of an account that reads case content, and a request row
forged with a script approves nothing: only an approval call by a signed-in supervisor
creates a key slot or changes a role. The request, the approval and the decline are
audited with both usernames. Supervisors acting themselves need no second person.

Who has which role, who is locked and when each last signed in is account management's
business (supervisors and administrators, :meth:`AccountService.list_users`); everyone
else gets the display names a drop-down needs (:meth:`AccountService.colleagues`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from models.domain.base import utcnow
from models.domain.changes import ChangeKind
from models.domain.dto import AccountRequestData, Colleague, UserData, build
from models.domain.entities import AccountChange, AccountChangeRequest, AccountDecision, User
from models.domain.enums import AuditAction, Language, Role
from models.domain.errors import AuthenticationError, NotFound, PermissionDenied, ValidationError
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.domain.validation import validate_text, validate_username
from models.security.passwords import check_password
from models.security.permissions import Operation, allows
from models.services._base import Service
from models.storage import authority
from models.storage.keyfile import (
    ALL_KEYS,
    RECOVERY_SLOT_NAME,
    ROLE_KEYS,
    SLOT_RECOVERY,
    SLOT_USER,
    KdfParams,
    KeySlot,
    new_recovery_code,
)
from models.storage.rotation import (
    Progress,
    RotationReport,
    owe_rotation,
    pin_recovery,
    rotate_keys,
)

#: Roles whose accounts read case content or manage accounts: only a supervisor creates
#: them, promotes to them or resets their passwords without a second person's approval.
PRIVILEGED = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})


class AccountService(Service):
    def list_users(self) -> list[UserData]:
        """Every account with its role, state and last sign-in.

        Raises:
            PermissionDenied: the role does not manage accounts (only supervisors and
                administrators do; others use :meth:`colleagues`).
        """
        self._require(Operation.MANAGE_ACCOUNTS)
        with self._db.reading() as db_session:
            return [build(UserData, u) for u in db_session.scalars(
                select(User).order_by(User.username))]

    def colleagues(self, roles: Collection[Role], *, include_locked: bool = False,
                   keep: int | None = None) -> list[Colleague]:
        """The accounts of ``roles`` a drop-down offers (assignees, the case list's
        counsellor filter), by display name: no username, role or last sign-in.

        Args:
            roles: whose accounts: counsellors, police liaison, supervisors.
            include_locked: locked accounts too (``is_active`` tells them apart).
            keep: the account chosen now, kept even if locked or of another role since.

        Raises:
            ValueError: ``roles`` names administrators: nobody assigns them anything.
        """
        wanted = {Role(role).value for role in roles}
        if Role.ADMINISTRATOR.value in wanted:
            raise ValueError("administrators are not offered as colleagues")
        chosen: ColumnElement[bool] = User.role.in_(sorted(wanted))
        if not include_locked:
            chosen = and_(chosen, User.is_active.is_(True))
        if keep is not None:
            chosen = or_(chosen, User.id == keep)
        with self._db.reading() as db_session:
            rows = db_session.execute(
                select(User.id, User.display_name, User.is_active).where(chosen)).all()
        return sorted((Colleague(id=uid, display_name=name, is_active=active)
                       for uid, name, active in rows),
                      key=lambda c: (c.display_name.casefold(), c.id))

    def needs_approval(self, role: Role | str) -> bool:
        """Whether creating, promoting to or resetting the password of an account of
        ``role`` waits for a supervisor's approval when the signed-in user asks."""
        return self._actor.role is not Role.SUPERVISOR and self._beyond_me(Role(role))

    def _beyond_me(self, role: Role) -> bool:
        """Whether an account of ``role`` reads case content or manages accounts beyond
        what the signed-in user may give: it manages accounts, or holds a key the
        signed-in user's role does not (an administrator holds no content key)."""
        return role in PRIVILEGED or not (
            ROLE_KEYS[role.value] <= ROLE_KEYS[self._actor.role.value])

    def create_user(
        self, username: str, display_name: str, role: Role, password: str | None,
        kdf: KdfParams | None = None,
    ) -> UserData | AccountRequestData:
        """A new account with its own key slot, or, when :meth:`needs_approval`, a request
        for it that a supervisor approves (and sets the password then; ``password`` is
        not used or kept).

        Raises:
            ValidationError: the username is taken, or a field or the password breaks a rule.
        """
        self._require(Operation.MANAGE_ACCOUNTS)
        username = validate_username(username)
        display_name = validate_text(display_name, field=_("Display name"), max_length=200)
        role = Role(role)
        if self._needs_approval(role):
            with self._db.writing() as db_session:
                self._username_free(db_session, username)
                pending = self._ask(db_session, AccountChangeRequest(
                    kind=AccountChange.CREATE.value, username=username,
                    display_name=display_name, role=role.value))
            self._changes.announce(ChangeKind.USER, [])
            return pending
        if password is None:
            raise ValidationError(_("Password"), _("is required"))
        return self._create(username, display_name, role, password, kdf)

    def _create(self, username: str, display_name: str, role: Role, password: str,
                kdf: KdfParams | None, approval: str = "") -> UserData:
        check_password(password, username=username, display_name=display_name)
        slot = self._db.wrap_key_slot(username, password, kdf)  # slow: before the lock
        with self._db.writing() as db_session:
            self._username_free(db_session, username)
            user = User(username=username, display_name=display_name, role=role.value)
            db_session.add(user)
            db_session.flush()
            authority.sign_new_account(self._db, db_session, user, slot.signing_public)
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail=f"created role={role.value}{approval}")
            # Inside the unit of work: if the key file cannot be written, no account exists.
            self._give_keys(slot, db_session, role)
            result = build(UserData, user)
        self._changes.announce(ChangeKind.USER, [result.id])
        return result

    def set_active(self, user_id: int, active: bool, *,
                   progress: Progress | None = None) -> UserData:
        """Lock or unlock an account (accounts are never deleted).

        Locking revokes: the keys are rotated (``models.storage.rotation``), so the
        account's password, even with an old copy of the key file, opens nothing of the
        live database. Slow on a large database: call it off the GUI thread
        (``progress`` gets the re-sealed values). Unlocking gives the account the keys of
        its role again, so only a supervisor unlocks an account that reads case content
        or manages accounts.

        Raises:
            PermissionDenied: unlocking one's own account (someone else must), or an
                account beyond what the signed-in user may give (see above).
        """
        self._require(Operation.MANAGE_ACCOUNTS)
        if active and user_id == self._actor.user_id:
            raise PermissionDenied(_("You cannot unlock your own account; another "
                                     "supervisor or administrator must."))
        with self._db.writing() as db_session:
            user = self._user(db_session, user_id)
            if not active and user.id == self._actor.user_id:
                raise ValidationError(_("Account"), _("you cannot lock your own account"))
            if not active:
                self._keep_an_account_manager(db_session, user, user.role, active=False)
            elif self._needs_approval(Role(user.role), db_session):
                raise PermissionDenied(_("Only a supervisor can unlock an account that reads "
                                         "case content or manages accounts."))
            was_active = user.is_active
            with authority.resigning(self._db, db_session, user):
                user.is_active = active
            user.failed_logins = 0
            db_session.flush()
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail="unlocked" if active else "locked")
            if was_active and not active:
                owe_rotation(db_session)  # on record even if the rotation below fails
            if active:
                keys = self._db.load_keyfile(db_session)
                if keys.has_slot(SLOT_USER, user.username):
                    self._db.grant_role_keys(keys, user.username, Role(user.role))
                    self._db.save_keyfile(keys, db_session)
            result = build(UserData, user)
        if active:  # also lifts a lockout after failed sign-ins
            self._db.sign_in_guard().settle(result.username, [])
        elif was_active:
            self._rotate(f"locked user {user_id}", progress)
        self._changes.announce(ChangeKind.USER, [user_id])
        return result

    def _give_keys(self, slot: KeySlot, db_session: Session, role: Role) -> None:
        """Store a new slot with the keys of ``role``; a key the signed-in user does not
        hold cannot be given (approval keeps that from happening: supervisors hold all)."""
        missing = self._db.store_key_slot(slot, db_session, role)
        if missing:
            raise PermissionDenied(_("Only a supervisor can give an account the keys its "
                                     "role needs."))

    def _rotate(self, reason: str, progress: Progress | None = None) -> RotationReport:
        self.last_rotation = rotate_keys(self._db, user_id=self._actor.user_id,
                                         reason=reason, progress=progress)
        return self.last_rotation

    #: The last rotation this service made (``unfinished``: the file was open in another
    #: program, so it is re-encrypted at the next sign-in; say so to the person).
    last_rotation: RotationReport | None = None

    def rotation_waits(self) -> bool:
        """Whether the last lock or reset left the file's re-encryption to the next
        sign-in (another program had it open)."""
        return self.last_rotation is not None and self.last_rotation.unfinished

    def change_role(self, user_id: int, role: Role, *,
                    progress: Progress | None = None) -> UserData | AccountRequestData:
        """Give another account a new role, or, when :meth:`needs_approval`, ask a
        supervisor to.

        Raises:
            PermissionDenied: one's own role (nobody changes that).
        """
        self._require(Operation.MANAGE_ACCOUNTS)
        role = Role(role)
        self._not_own_role(user_id)
        if self._needs_approval(role):
            with self._db.writing() as db_session:
                user = self._user(db_session, user_id)
                pending = self._ask(db_session, AccountChangeRequest(
                    kind=AccountChange.ROLE.value, user_id=user.id, username=user.username,
                    role=role.value))
            self._changes.announce(ChangeKind.USER, [])
            return pending
        return self._change_role(user_id, role, progress=progress)

    def _not_own_role(self, user_id: int) -> None:
        if user_id == self._actor.user_id:
            raise PermissionDenied(_("You cannot change your own role; another supervisor "
                                     "must."))

    def _change_role(self, user_id: int, role: Role, approval: str = "",
                     progress: Progress | None = None) -> UserData:
        """The new role takes the keys it needs now; keys the old role held and the new
        one does not are revoked by a rotation."""
        with self._db.writing() as db_session:
            user = self._user(db_session, user_id)
            self._keep_an_account_manager(db_session, user, role.value, active=user.is_active)
            old = user.role
            with authority.resigning(self._db, db_session, user):
                user.role = role.value
            db_session.flush()
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail=f"role {old} -> {role.value}{approval}")
            if ROLE_KEYS[old] - ROLE_KEYS[role.value]:
                owe_rotation(db_session)
            keys = self._db.load_keyfile(db_session)
            if user.is_active and keys.has_slot(SLOT_USER, user.username):
                if self._db.grant_role_keys(keys, user.username, role):
                    raise PermissionDenied(_("Only a supervisor can give an account the "
                                             "keys its role needs."))
                self._db.save_keyfile(keys, db_session)
            result = build(UserData, user)
        if ROLE_KEYS[old] - ROLE_KEYS[role.value]:
            self._rotate(f"role of user {user_id} {old} -> {role.value}", progress)
        self._changes.announce(ChangeKind.USER, [user_id])
        return result

    def reset_password(self, user_id: int, new_password: str | None,
                       kdf: KdfParams | None = None, *,
                       progress: Progress | None = None) -> AccountRequestData | None:
        """Give an account a new password: a new slot with new key pairs, holding its
        role's keys; then the keys rotate, so the old password opens nothing, even with an
        old copy of the key file.

        When the account is a supervisor's or an administrator's and :meth:`needs_approval`,
        only a request is recorded and returned: the approving supervisor sets the
        password (``new_password`` is not used or kept).
        """
        self._require(Operation.MANAGE_ACCOUNTS)
        pending = None
        with self._db.writing() as db_session:
            user = self._user(db_session, user_id)
            if self._needs_approval(Role(user.role), db_session):
                pending = self._ask(db_session, AccountChangeRequest(
                    kind=AccountChange.PASSWORD.value, user_id=user.id,
                    username=user.username))
        if pending is not None:
            self._changes.announce(ChangeKind.USER, [])
            return pending
        if new_password is None:
            raise ValidationError(_("Password"), _("is required"))
        self._reset_password(user_id, new_password, kdf, progress=progress)
        return None

    def _reset_password(self, user_id: int, new_password: str, kdf: KdfParams | None,
                        approval: str = "", progress: Progress | None = None) -> None:
        with self._db.reading() as db_session:
            user = self._user(db_session, user_id)
            check_password(new_password, username=user.username, display_name=user.display_name)
            username = user.username
        slot = self._db.wrap_key_slot(username, new_password, kdf)  # slow: before the lock
        with self._db.writing() as db_session:
            user = self._user(db_session, user_id)  # usernames never change
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail=f"password reset{approval}")
            owe_rotation(db_session)
            # The new key pair signs the account's events from now on; its row keeps
            # the old public keys, so the events signed before stay verifiable.
            with authority.resigning(self._db, db_session, user,
                                     add_key=slot.signing_public):
                pass
            # New key pairs: the old password's slot, and every copy of it, held the
            # keys the rotation below replaces.
            if user.is_active:
                self._give_keys(slot, db_session, Role(user.role))
            else:
                self._db.store_key_slot(slot, db_session)
        self._db.sign_in_guard().settle(username, [])  # the new password works at once
        self._rotate(f"password reset of user {user_id}", progress)
        self._changes.announce(ChangeKind.USER, [user_id])

    def change_own_password(self, current_password: str, new_password: str,
                            kdf: KdfParams | None = None) -> None:
        """Give the signed-in user's slot a new password and a new X25519 key pair, with
        every key the session holds granted to it again. An old password with an old copy
        of the slot (a backup's key file) then opens no grant made after this; the keys
        it held until now rotate at the next lock or reset.

        Raises:
            AuthenticationError: the current password is wrong.
        """
        keys = self._db.load_keyfile()
        try:
            keys.unwrap(SLOT_USER, self._actor.username, current_password)
        except AuthenticationError:
            raise AuthenticationError(_("The current password is not correct.")) from None
        check_password(new_password, username=self._actor.username,
                       display_name=self._actor.display_name)
        current = self._db.identity
        if current is None:  # a version 1 slot is upgraded at sign-in: never here
            raise AuthenticationError(_("Sign in again to change your password."))
        identity = current.with_new_box()
        slot = self._db.wrap_key_slot(self._actor.username, new_password, kdf,
                                      identity=identity)
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.ACCOUNT, "user", self._actor.user_id,
                        detail="password changed")
            self._db.replace_own_slot(slot, identity, db_session)

    def replace_recovery_code(self, kdf: KdfParams | None = None) -> str:
        """A supervisor issues a new recovery code (after the old one was used, seen or
        lost, or on a database upgraded from key file version 1, whose code stops opening
        anything at the first rotation). The old code opens nothing current from now on;
        the new one holds every key the supervisor holds. Shown once; audited.

        Raises:
            PermissionDenied: not a supervisor (as the database has it now).
        """
        self._require(Operation.APPROVE_ACCOUNT_CHANGES)
        with self._db.reading() as db_session:
            if not self._still_a_supervisor(db_session):
                raise PermissionDenied(_("Only a supervisor can issue a new recovery code."))
        code = new_recovery_code()
        slot, _identity = self._db.load_keyfile().new_slot(  # slow: before the lock
            SLOT_RECOVERY, RECOVERY_SLOT_NAME, code, kdf)
        with self._db.writing() as db_session:
            keys = self._db.load_keyfile(db_session)
            keys.put_slot(slot)  # the old code's grants go with its slot
            for key in sorted(ALL_KEYS):
                current = self._db.current_key(key, keys)
                if current is not None:
                    keys.grant(SLOT_RECOVERY, RECOVERY_SLOT_NAME, key, *current)
            pin_recovery(db_session, keys)
            authority.register_new_recovery_code(self._db, db_session, slot.signing_public)
            self._audit(db_session, AuditAction.ACCOUNT, "database", None,
                        detail="new recovery code issued")
            self._db.save_keyfile(keys, db_session)
        return code

    def own_language(self) -> Language:
        """The language the signed-in user's account prefers (as last saved)."""
        with self._db.reading() as db_session:
            return Language(self._user(db_session, self._actor.user_id).language)

    def set_own_language(self, language: Language | str) -> UserData:
        """The language Suoja speaks to the signed-in user from their next sign-in on
        (``--lang`` and ``SUOJA_LANG`` still override it for one run).

        Raises:
            ValueError: not ``fi``, ``sv`` or ``en`` (a caller's bug: the choice is a list).
        """
        language = Language(language)
        with self._db.writing() as db_session:
            user = self._user(db_session, self._actor.user_id)
            user.language = language.value
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail=f"language={language.value}")
            result = build(UserData, user)
        self._changes.announce(ChangeKind.USER, [result.id])
        return result

    # -- requests a second person approves ----------------------------------------------

    def requests(self, *, pending_only: bool = True) -> list[AccountRequestData]:
        """Account changes waiting for a supervisor (or, with ``pending_only=False``, all
        of them), oldest first.

        Raises:
            PermissionDenied: the role does not manage accounts.
        """
        self._require(Operation.MANAGE_ACCOUNTS)
        requester, decider = aliased(User), aliased(User)
        statement = (
            select(AccountChangeRequest, requester.username, decider.username)
            .join(requester, AccountChangeRequest.requested_by == requester.id)
            .outerjoin(decider, AccountChangeRequest.decided_by == decider.id)
            .order_by(AccountChangeRequest.id)
        )
        if pending_only:
            statement = statement.where(AccountChangeRequest.decision.is_(None),
                                        AccountChangeRequest.requested_at >= _lapsed())
        with self._db.reading() as db_session:
            return [build(AccountRequestData, row, requested_by=by, decided_by=decided)
                    for row, by, decided in db_session.execute(statement).all()]

    def approve_request(self, request_id: int, password: str | None = None,
                        kdf: KdfParams | None = None, *,
                        progress: Progress | None = None) -> UserData:
        """A supervisor other than the requester approves, and so makes, the change.

        Args:
            password: the new account's or the new password (``create`` and ``password``
                requests); the supervisor tells it to the account holder in person.

        Raises:
            PermissionDenied: not a supervisor, or the requester themselves.
            NotFound: no such request, or it was decided already.
            ValidationError: the password is missing or weak, the username taken since.
        """
        with self._db.reading() as db_session:
            request = self._pending(db_session, request_id)
            kind, user_id = AccountChange(request.kind), request.user_id
            username, display_name, role = request.username, request.display_name, request.role
            approval = "; " + self._both(db_session, request, _APPROVED)
        if kind is not AccountChange.ROLE:
            if password is None:
                raise ValidationError(_("Password"), _("is required"))
            # Before anything changes, so a weak password leaves the request pending.
            check_password(password, username=username, display_name=display_name)
        # Claimed first: a second supervisor approving at the same moment finds it
        # decided and changes nothing. A change that is refused gives the claim back.
        with self._db.writing() as db_session:
            self._claim(db_session, request_id, AccountDecision.APPROVED)
        try:
            if kind is AccountChange.CREATE:
                result = self._create(username, display_name, Role(role or ""),
                                      password or "", kdf, approval)
            elif kind is AccountChange.ROLE:
                assert user_id is not None
                self._not_own_role(user_id)
                result = self._change_role(user_id, Role(role or ""), approval, progress)
            else:
                assert user_id is not None
                self._reset_password(user_id, password or "", kdf, approval, progress)
        except BaseException:
            with self._db.writing() as db_session:
                self._unclaim(db_session, request_id)
            raise
        with self._db.writing() as db_session:
            self._record_decision(db_session, request_id)
            if kind is AccountChange.PASSWORD:
                assert user_id is not None
                result = build(UserData, self._user(db_session, user_id))
        self._changes.announce(ChangeKind.USER, [])
        return result

    def decline_request(self, request_id: int) -> None:
        """A supervisor other than the requester declines; nothing changes but the
        request, audited with both usernames.

        Raises:
            PermissionDenied: not a supervisor, or the requester themselves.
            NotFound: no such request, or it was decided already.
        """
        with self._db.writing() as db_session:
            self._claim(db_session, request_id, AccountDecision.DECLINED)
            self._record_decision(db_session, request_id)
        self._changes.announce(ChangeKind.USER, [])

    def _needs_approval(self, role: Role, db_session: Session | None = None) -> bool:
        """:meth:`needs_approval`, with the signed-in user's role as the database has it
        now (a supervisor demoted since signing in asks like anyone else)."""
        if self.needs_approval(role) or not self._beyond_me(Role(role)):
            return self.needs_approval(role)
        if db_session is not None:
            return not self._still_a_supervisor(db_session)
        with self._db.reading() as reading:
            return not self._still_a_supervisor(reading)

    def _still_a_supervisor(self, db_session: Session) -> bool:
        me = db_session.get(User, self._actor.user_id)
        return me is not None and me.is_active and me.role == Role.SUPERVISOR.value

    def _ask(self, db_session: Session, request: AccountChangeRequest) -> AccountRequestData:
        request.requested_by = self._actor.user_id
        request.requested_at = utcnow()
        db_session.add(request)
        db_session.flush()
        self._audit(db_session, AuditAction.ACCOUNT, "account_change_request", request.id,
                    detail=f"requested: {_what(request)}; requested by "
                           f"{self._actor.username}")
        return build(AccountRequestData, request, requested_by=self._actor.username)

    def _pending(self, db_session: Session, request_id: int) -> AccountChangeRequest:
        """The pending request a supervisor other than its requester may decide."""
        self._require(Operation.APPROVE_ACCOUNT_CHANGES)
        if not self._still_a_supervisor(db_session):
            raise PermissionDenied(_("Only a supervisor can approve or decline account "
                                     "changes."))
        request = db_session.get(AccountChangeRequest, request_id)
        if request is None or request.decision is not None:
            raise NotFound(_("There is no pending account change with that number."))
        if request.requested_at < _lapsed():
            raise NotFound(ngettext(
                "That request waited more than {n} day and has lapsed; ask again if it is "
                "still needed.",
                "That request waited more than {n} days and has lapsed; ask again if it is "
                "still needed.", REQUEST_LIFETIME.days).format(n=REQUEST_LIFETIME.days))
        if request.requested_by == self._actor.user_id:
            raise PermissionDenied(_("Another supervisor must decide on a change you "
                                     "asked for."))
        return request

    def _claim(self, db_session: Session, request_id: int,
               decision: AccountDecision) -> None:
        """Mark a pending request decided by the signed-in supervisor (not yet audited)."""
        request = self._pending(db_session, request_id)
        request.decision = decision.value
        request.decided_by = self._actor.user_id
        request.decided_at = utcnow()
        db_session.flush()

    def _unclaim(self, db_session: Session, request_id: int) -> None:
        """Give back a claim whose change was refused: the request is pending again."""
        request = db_session.get(AccountChangeRequest, request_id)
        if request is not None and request.decided_by == self._actor.user_id:
            request.decision = request.decided_by = request.decided_at = None

    def _record_decision(self, db_session: Session, request_id: int) -> None:
        request = db_session.get(AccountChangeRequest, request_id)
        assert request is not None and request.decision is not None
        decision = AccountDecision(request.decision)
        verb = _APPROVED if decision is AccountDecision.APPROVED else _DECLINED
        self._audit(db_session, AuditAction.ACCOUNT, "account_change_request", request.id,
                    detail=f"{decision.value}: {_what(request)}; "
                           f"{self._both(db_session, request, verb)}")

    def _both(self, db_session: Session, request: AccountChangeRequest, verb: str) -> str:
        requester = db_session.get(User, request.requested_by)
        by = requester.username if requester is not None else "?"
        return f"requested by {by}, {verb} by {self._actor.username}"

    def _username_free(self, db_session: Session, username: str) -> None:
        if db_session.scalar(select(User.id).where(User.username == username)):
            raise ValidationError(_("Username"), _("is already taken"))

    def _user(self, db_session: Session, user_id: int) -> User:
        user = db_session.get(User, user_id)
        if user is None:
            raise NotFound(_("That account does not exist."))
        return user

    def _keep_an_account_manager(self, db_session: Session, user: User, new_role: str,
                                 active: bool) -> None:
        """Refuse a change that would leave nobody able to manage accounts."""
        if not allows(Role(user.role), Operation.MANAGE_ACCOUNTS):
            return
        if active and allows(Role(new_role), Operation.MANAGE_ACCOUNTS):
            return
        managers = [r.value for r in Role if allows(r, Operation.MANAGE_ACCOUNTS)]
        others = db_session.scalar(
            select(func.count(User.id)).where(
                User.id != user.id, User.is_active.is_(True), User.role.in_(managers)
            )
        )
        if not others:
            raise ValidationError(
                _("Account"), _("at least one active supervisor or administrator must remain")
            )


_APPROVED, _DECLINED = "approved", "declined"

#: How long a request waits for a supervisor; after it, it lapses (asked again if still
#: wanted), so an old request nobody remembers cannot be approved by mistake.
REQUEST_LIFETIME = dt.timedelta(days=7)


def _lapsed() -> dt.datetime:
    """Requests made before this have lapsed."""
    return utcnow() - REQUEST_LIFETIME


def _what(request: AccountChangeRequest) -> str:
    """What a request asks for, as the audit detail says it (usernames, never a password)."""
    if request.kind == AccountChange.CREATE.value:
        return f"create {request.username} role={request.role}"
    if request.kind == AccountChange.ROLE.value:
        return f"role of {request.username} -> {request.role}"
    return f"password reset of {request.username}"
