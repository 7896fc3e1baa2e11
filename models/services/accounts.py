"""Staff accounts: create, list, lock and unlock, change password (key slots follow)."""

from __future__ import annotations

from sqlalchemy import select

from models.dto import UserData, build
from models.entities import User
from models.enums import AuditAction, Role
from models.errors import NotFound, ValidationError
from models.keyfile import SLOT_USER, KdfParams
from models.permissions import Operation
from models.services._base import Service
from models.store import check_password_rules
from models.validation import validate_text


class AccountService(Service):
    def list_users(self) -> list[UserData]:
        with self._db.reading() as db_session:
            return [build(UserData, u) for u in db_session.scalars(
                select(User).order_by(User.username))]

    def create_user(
        self, username: str, display_name: str, role: Role, password: str,
        kdf: KdfParams | None = None,
    ) -> UserData:
        """A new account with its own key slot.

        Raises:
            ValidationError: the username is taken or a field breaks a rule.
        """
        self._require(Operation.MANAGE_ACCOUNTS)
        username = validate_text(username, field="Username", max_length=64)
        display_name = validate_text(display_name, field="Display name", max_length=200)
        role = Role(role)
        check_password_rules(password)
        with self._db.writing() as db_session:
            if db_session.scalar(select(User.id).where(User.username == username)):
                raise ValidationError("Username", "is already taken")
            user = User(username=username, display_name=display_name, role=role.value)
            db_session.add(user)
            db_session.flush()
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail=f"created role={role.value}")
            # Inside the unit of work: if the key file cannot be written, no account exists.
            self._db.add_key_slot(username, password, kdf)
            result = build(UserData, user)
        self._changes.announce("user", [result.id])
        return result

    def set_active(self, user_id: int, active: bool) -> UserData:
        """Lock or unlock an account (accounts are never deleted)."""
        self._require(Operation.MANAGE_ACCOUNTS)
        with self._db.writing() as db_session:
            user = db_session.get(User, user_id)
            if user is None:
                raise NotFound("That account does not exist.")
            user.is_active = active
            db_session.flush()
            self._audit(db_session, AuditAction.ACCOUNT, "user", user.id,
                        detail="unlocked" if active else "locked")
            result = build(UserData, user)
        self._changes.announce("user", [user_id])
        return result

    def change_own_password(self, new_password: str, kdf: KdfParams | None = None) -> None:
        """Rewrap the signed-in user's key slot under a new password."""
        check_password_rules(new_password)
        with self._db.writing() as db_session:
            self._audit(db_session, AuditAction.ACCOUNT, "user", self._actor.user_id,
                        detail="password changed")
            keys = self._db.load_keyfile()
            if not keys.has_slot(SLOT_USER, self._actor.username):
                raise NotFound("Your account has no key slot to change.")
            self._db.add_key_slot(self._actor.username, new_password, kdf)
