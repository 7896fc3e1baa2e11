"""What a workspace (a dashboard, the audit log, the accounts) may ask of the window that
hosts it: :class:`Host`, and the one shape of a workspace's ``register``.

Each module in ``gui.workspaces`` has ``register(host: Host) -> QWidget | None``: it checks
the signed-in role, builds its view, adds it as a place with :meth:`Host.add_place` and
returns it, or returns ``None`` when the role may not have it. The main window implements
:class:`Host`; no workspace imports the main window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from gui.shared.drafts import FormDraft
from gui.shared.navigation import Place
from gui.shared.session import Session
from models.domain.dto import CaseFilter

#: Opens a form kept over the idle lock again: True if it did, False if it could not
#: (the record is gone), None if the form is not this workspace's.
FormReopener = Callable[[FormDraft], bool | None]


class Host(Protocol):
    """The window a workspace lives in."""

    @property
    def session(self) -> Session:
        """The signed-in session: services, and the lock's ``about_to_lock``/``unlocked``."""
        ...

    def add_place(self, place: Place, widget: QWidget, *,
                  reopen_form: FormReopener | None = None) -> None:
        """Add ``place`` to the navigation and show ``widget`` when it is chosen.

        The widget must clear what it shows when the session locks (connect to
        ``session.about_to_lock``) and may refill itself on ``unlocked``. ``reopen_form``
        is asked, after unlocking, to reopen the forms that were open when it locked.
        """
        ...

    def select_place(self, key: str) -> None:
        """Show the navigation list and choose the place ``key``, which shows it."""
        ...

    def show_cases(self, target: CaseFilter | Iterable[int], title: str) -> None:
        """Show the case list narrowed to ``target`` (a filter or case ids), titled."""
        ...


#: A workspace module's ``register``: the view it added, or None when the role may not.
Register = Callable[[Host], QWidget | None]
