"""What the open windows held when the app locked, kept in memory until it unlocks.

Locking closes and deletes every window that shows case data (see :mod:`gui.window.locking`).
Just before that, the main window asks each open window how to bring it back:

* a case window gives a :class:`CaseReopen`: the case, the tab, the selected line and the
  scroll position — ids only, no case data;
* an editing dialog (the record dialogs, the intake, break-the-glass, the account dialogs)
  gives a :class:`FormDraft`: which form, for which case and record, the version of the
  record it was editing, and — when something was typed — the values of its fields.

:class:`LockedDrafts` holds them while the app is locked. After unlocking, the main window
reopens the case windows and then the forms through their usual methods (``draft=``), as
the same user, so role checks and audit events happen as usual. A form that was editing a
record keeps the version it was editing: if someone saved the record meanwhile, Save meets
the usual "changed by someone else" handling. Signing out instead discards everything.

Quitting (the main window's close button, Alt+F4, Quit) asks the same open dialogs for
their :class:`FormDraft` first (while locked, :class:`LockedDrafts` answers for them): if
any :attr:`~FormDraft.has_input`, one question says how many forms would lose what was
typed (``gui.window.locking.Locking.unsaved_forms``).

Nothing here is written anywhere: no file, no ``QSettings``, no log. Passwords typed into
the account dialogs are not kept at all (they are typed again).

Sealing: while locked, the typed values are held only as one AES-256-GCM ciphertext under a
random key made for this lock and held by the :class:`LockedDrafts` object alone; unsealing
or discarding forgets the key. This protects against the values lying around as readable
text in long-lived objects while the workstation is locked: they do not appear in a repr or
crash report, and memory pages swapped out or dumped during a long lock hold ciphertext.
It does not protect against someone who can read the whole process memory (the key is
there too), and it cannot wipe the copies Python and Qt made while the user was typing
(Python strings cannot be overwritten); those lie in freed memory until it is reused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

#: The kinds of :class:`FormDraft`, one per editing dialog. The record dialogs use the
#: record kinds :meth:`gui.case.case_forms.CaseForms.edit_record` takes.
EXTORTION_CONTACT = "extortion_contact"
POLICE_REPORT = "police_report"
SUPPORT_SESSION = "support_session"
PROTECTIVE_ACTION = "protective_action"
FOLLOW_UP = "follow_up"
VICTIM = "victim"
CASE = "case"
IDENTITY_CODE = "identity_code"
CLOSURE = "closure"
BREAK_GLASS = "break_glass"
INTAKE = "intake"
ACCOUNT_CREATE = "account_create"
ACCOUNT_RESET = "account_reset"
ACCOUNT_ROLE = "account_role"


@dataclass(frozen=True)
class FormDraft:
    """An open editing dialog: how to reopen it, and what was typed into it.

    Attributes:
        kind: which form (one of this module's constants).
        values: the form's fields as typed (empty when nothing was typed: the form then
            reopens as it would anew).
        case_id: the case the form belongs to, if any.
        record_id: the record it edits (``None`` when adding one).
        version: the version of that record the form was editing.
        variant: which form of a kind (a protective action's step; "request" or "close"
            for closure).
        focus: the object name of the widget that had the keyboard focus.
    """

    kind: str
    values: Mapping[str, Any] = field(default_factory=dict, repr=False)
    case_id: int | None = None
    record_id: int | None = None
    version: int | None = None
    variant: str = ""
    focus: str = ""

    @property
    def has_input(self) -> bool:
        """Whether the form held unsaved input (as opposed to just being open)."""
        return bool(self.values)


@dataclass(frozen=True)
class CaseReopen:
    """An open case window: the case, the tab shown, the selected line, the scroll."""

    case_id: int
    tab: str = ""
    selected: Any = None
    scroll: int = 0


Kept = CaseReopen | FormDraft


@runtime_checkable
class FormSource(Protocol):
    """A dialog the lock can bring back (``None``: nothing worth bringing back)."""

    def form_draft(self) -> FormDraft | None: ...


@runtime_checkable
class WindowSource(Protocol):
    """A window the lock can bring back."""

    def reopen_record(self) -> CaseReopen | None: ...


# -- helpers for the forms ---------------------------------------------------------------------


def focus_name(window: QWidget) -> str:
    """The object name of the widget that has (or last had) the focus in ``window``."""
    widget = window.focusWidget()
    return widget.objectName() if widget is not None else ""


def refocus(window: QWidget, name: str) -> None:
    """Give the focus back to the widget called ``name`` in ``window``, if there is one."""
    if not name:
        return
    widget = window.findChild(QWidget, name)
    if (widget is not None and widget.isEnabled()
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus):
        widget.setFocus()


# -- keeping them while locked -----------------------------------------------------------------


@dataclass(frozen=True)
class _Sealed:
    """A :class:`FormDraft` whose values are sealed."""

    draft: FormDraft  # with empty values
    nonce: bytes
    sealed: bytes


class LockedDrafts:
    """The windows and forms to bring back after unlocking, held in memory only.

    Typed values are sealed with AES-256-GCM under a random key of this object's (see the
    module docstring for what that protects); the key is forgotten when they are taken
    back or discarded.
    """

    def __init__(self) -> None:
        self._key: bytes | None = None
        self._kept: list[CaseReopen | _Sealed] = []

    def __len__(self) -> int:
        return len(self._kept)

    def __repr__(self) -> str:
        return f"<LockedDrafts: {len(self._kept)} kept>"

    @property
    def unsaved_forms(self) -> int:
        """How many kept forms hold unsaved input (what signing out would discard)."""
        return sum(1 for item in self._kept if isinstance(item, _Sealed) and item.sealed)

    def keep(self, items: Iterable[Kept]) -> None:
        """Add windows and forms to bring back; typed values are sealed at once."""
        for item in items:
            if isinstance(item, FormDraft):
                self._kept.append(self._seal(item))
            else:
                self._kept.append(item)

    def take(self) -> list[Kept]:
        """Everything kept, values unsealed, in the order kept; forgets it all."""
        kept, self._kept = self._kept, []
        try:
            return [self._open(item) if isinstance(item, _Sealed) else item for item in kept]
        finally:
            self._key = None

    def discard(self) -> None:
        """Forget everything kept (signing out), and the key."""
        self._kept = []
        self._key = None

    def _seal(self, draft: FormDraft) -> _Sealed:
        bare = FormDraft(draft.kind, {}, draft.case_id, draft.record_id, draft.version,
                         draft.variant, draft.focus)
        if not draft.values:
            return _Sealed(bare, b"", b"")
        if self._key is None:
            self._key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(12)
        plain = json.dumps(dict(draft.values), default=_encode, ensure_ascii=False)
        sealed = AESGCM(self._key).encrypt(nonce, plain.encode("utf-8"), _bound(bare))
        return _Sealed(bare, nonce, sealed)

    def _open(self, item: _Sealed) -> FormDraft:
        if not item.sealed or self._key is None:
            return item.draft
        plain = AESGCM(self._key).decrypt(item.nonce, item.sealed, _bound(item.draft))
        values = json.loads(plain.decode("utf-8"), object_hook=_decode)
        bare = item.draft
        return FormDraft(bare.kind, values, bare.case_id, bare.record_id, bare.version,
                         bare.variant, bare.focus)


def _bound(draft: FormDraft) -> bytes:
    """What the sealed values belong to (associated data: they open only there)."""
    return repr((draft.kind, draft.case_id, draft.record_id, draft.version,
                 draft.variant)).encode()


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    raise TypeError(f"a form value of type {type(value).__name__} cannot be kept")


def _decode(value: dict[str, Any]) -> Any:
    if set(value) == {"$datetime"}:
        return dt.datetime.fromisoformat(value["$datetime"])
    if set(value) == {"$date"}:
        return dt.date.fromisoformat(value["$date"])
    return value


__all__ = [
    "ACCOUNT_CREATE", "ACCOUNT_RESET", "ACCOUNT_ROLE", "BREAK_GLASS", "CASE", "CLOSURE",
    "EXTORTION_CONTACT", "FOLLOW_UP", "IDENTITY_CODE", "INTAKE", "POLICE_REPORT",
    "PROTECTIVE_ACTION", "SUPPORT_SESSION", "VICTIM", "CaseReopen", "FormDraft", "FormSource",
    "Kept", "LockedDrafts", "WindowSource", "focus_name", "refocus",
]
