"""Staff accounts: create, lock and unlock (never delete), reset passwords, change roles.

Every account's password unwraps its own key slot, so resetting a password rewraps that
slot and changes nothing else. Every change is audited.

Who has which role, who is locked and when each last signed in is account management's
business (supervisors and administrators, :meth:`AccountService.list_users`); everyone
else gets the display names a drop-down needs (:meth:`AccountService.colleagues`).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from models.domain.changes import ChangeKind
from models.domain.dto import Colleague, UserData, build
from models.domain.entities import User
from models.domain.enums import AuditAction, Language, Role
from models.domain.errors import AuthenticationError, NotFound, ValidationError
from models.domain.i18n import gettext as _
from models.domain.validation import validate_text, validate_username
from models.security.passwords import check_password
from models.security.permissions import Operation, allows
from models.services._base import Service
from models.storage.keyfile import SLOT_USER, KdfParams


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

    def create_user(
        self, username: str, display_name: str, role: Role, password: str,
        kdf: KdfParams | None = None,
    ) -> UserData:
        """A new account with its own key slot.

        Raises:
            ValidationError: the username is taken, or a field or the password breaks a rule.
        """
        self._require(Operation.MANAGE_ACCOUNTS)
        username = validate_username(username)
        display_name = validate_text(display_name, field=_("Display name"), max_length=200)
        role = Role(role)
        check_password(password, username=username, display_name=display_name)
        slot = self._db.wrap_key_slot(username, password, kdf)  # slow: before the lock
        with self._db.writing() as db_session:
            if db_session.scalar(select(User.id).where(User.username == username)):
                raise ValidationError(_("Username"), _("is already taken"))
            user = User(username=username, display_name=display_name, role=role.value)
            db_session.add(user)
            db_session.flush()
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail=f"created role={role.value}")
            # Inside the unit of work: if the key file cannot be written, no account exists.
            self._db.store_key_slot(slot, db_session)
            result = build(UserData, user)
        self._changes.announce(ChangeKind.USER, [result.id])
        return result

    def set_active(self, user_id: int, active: bool) -> UserData:
        """Lock or unlock an account (accounts are never deleted)."""
        self._require(Operation.MANAGE_ACCOUNTS)
        with self._db.writing() as db_session:
            user = self._user(db_session, user_id)
            if not active and user.id == self._actor.user_id:
                raise ValidationError(_("Account"), _("you cannot lock your own account"))
            if not active:
                self._keep_an_account_manager(db_session, user, user.role, active=False)
            user.is_active = active
            user.failed_logins = 0
            db_session.flush()
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail="unlocked" if active else "locked")
            result = build(UserData, user)
        if active:  # also lifts a lockout after failed sign-ins
            self._db.sign_in_guard().settle(result.username, [])
        self._changes.announce(ChangeKind.USER, [user_id])
        return result

    def change_role(self, user_id: int, role: Role) -> UserData:
        self._require(Operation.MANAGE_ACCOUNTS)
        role = Role(role)
        with self._db.writing() as db_session:
            user = self._user(db_session, user_id)
            self._keep_an_account_manager(db_session, user, role.value, active=user.is_active)
            old = user.role
            user.role = role.value
            db_session.flush()
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail=f"role {old} -> {role.value}")
            result = build(UserData, user)
        self._changes.announce(ChangeKind.USER, [user_id])
        return result

    def reset_password(self, user_id: int, new_password: str,
                       kdf: KdfParams | None = None) -> None:
        """Give an account a new password (rewraps its key slot; nothing else changes)."""
        self._require(Operation.MANAGE_ACCOUNTS)
        with self._db.reading() as db_session:
            user = self._user(db_session, user_id)
            check_password(new_password, username=user.username, display_name=user.display_name)
            username = user.username
        slot = self._db.wrap_key_slot(username, new_password, kdf)  # slow: before the lock
        with self._db.writing() as db_session:
            user = self._user(db_session, user_id)  # usernames never change
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail="password reset")
            self._db.store_key_slot(slot, db_session)
        self._db.sign_in_guard().settle(username, [])  # the new password works at once
        self._changes.announce(ChangeKind.USER, [user_id])

    def change_own_password(self, current_password: str, new_password: str,
                            kdf: KdfParams | None = None) -> None:
        """Rewrap the signed-in user's key slot under a new password.

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
        slot = self._db.wrap_key_slot(self._actor.username, new_password, kdf)
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.ACCOUNT, "user", self._actor.user_id,
                        detail="password changed")
            self._db.store_key_slot(slot, db_session)

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
