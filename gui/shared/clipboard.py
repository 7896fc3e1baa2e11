"""Copying sensitive values (identity codes) so that they do not linger on the clipboard.

:func:`copy_sensitive` puts the text on the clipboard marked as a secret for clipboard
managers (KDE Klipper, macOS pasteboard history, Windows clipboard history skip such
entries) and clears it after 30 seconds — but only if the clipboard still holds what we put
there, so whatever the user copied meanwhile is left alone. :func:`clear_sensitive` does
the same at once; the idle lock and closing the window call it.

Ordinary, non-sensitive copies (a case reference) use ``QGuiApplication.clipboard()``
directly.

:class:`SecretLabel` shows such a value: while it does, its text cannot be selected, so
Ctrl+C and the context menu cannot copy it unmarked and X11's primary selection (which
nothing clears) never holds it; Ctrl+C asks its owner to copy it with
:func:`copy_sensitive` instead.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QLabel, QWidget

CLEAR_AFTER_MS = 30_000

_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{name}"'
_NO = b"\x00\x00\x00\x00"  # a DWORD 0


class _Placed:
    """The last sensitive text we put on the clipboard, and its generation.

    There is one system clipboard per process, so this is module state on purpose:
    every caller must be able to tell whether the clipboard still holds *our* secret.
    """

    text: str | None = None
    generation = 0


def _secret_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    if sys.platform == "win32":
        mime.setData(_WINDOWS_FORMAT.format(name="ExcludeClipboardContentFromMonitorProcessing"),
                     _NO)
        mime.setData(_WINDOWS_FORMAT.format(name="CanIncludeInClipboardHistory"), _NO)
        mime.setData(_WINDOWS_FORMAT.format(name="CanUploadToCloudClipboard"), _NO)
    elif sys.platform == "darwin":
        mime.setData("application/x-nspasteboard-concealed-type", b"")
    else:
        mime.setData("x-kde-passwordManagerHint", b"secret")
    return mime


def copy_sensitive(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> QTimer:
    """Put ``text`` on the clipboard and clear it after ``clear_after_ms``.

    Returns:
        The single-shot timer that will clear it (parented to the clipboard); tests
        can fire it to stand for the time passing.
    """
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(_secret_mime(text), QClipboard.Mode.Clipboard)
    _Placed.text = text
    _Placed.generation += 1
    generation = _Placed.generation

    timer = QTimer(clipboard)
    timer.setSingleShot(True)
    timer.setInterval(clear_after_ms)

    def expire() -> None:
        timer.deleteLater()
        # A newer sensitive copy has its own timer; clearing now would cut its 30 s short.
        if generation == _Placed.generation:
            clear_sensitive()

    timer.timeout.connect(expire)
    timer.start()
    return timer


def clear_sensitive() -> bool:
    """Clear the clipboard if it still holds the sensitive text we put there.

    Returns:
        Whether the clipboard was cleared.
    """
    placed, _Placed.text = _Placed.text, None
    if placed is None:
        return False
    clipboard = QGuiApplication.clipboard()
    if clipboard.text(QClipboard.Mode.Clipboard) != placed:
        return False
    clipboard.clear(QClipboard.Mode.Clipboard)
    return True


class SecretLabel(QLabel):
    """A label that now and then shows a secret (a revealed identity code).

    Otherwise it is selectable by mouse like any label. While :attr:`shows_secret`, its
    text cannot be selected (no unmarked copy, nothing in the primary selection); a click
    gives it focus, and Ctrl+C emits :attr:`copy_requested` for the owner to copy the
    secret with :func:`copy_sensitive`.
    """

    #: Ctrl+C while the secret is shown.
    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret = False
        self.set_shows_secret(False)

    @property
    def shows_secret(self) -> bool:
        return self._secret

    def set_shows_secret(self, secret: bool) -> None:
        """Call with True *before* the secret is set as the text, False after it is gone."""
        self._secret = secret
        # No text interaction drops Qt's text control, and with it any selection.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction if secret
                                     else Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def event(self, event: QEvent) -> bool:
        """Override of QWidget.event: Ctrl+C stays here, whatever shortcut a window has."""
        if (self._secret and event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Copy)):
            event.accept()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """Override of QLabel.contextMenuEvent: no menu (and its unmarked Copy) on a secret."""
        if self._secret:
            event.ignore()
            return
        super().contextMenuEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Override of QWidget.keyPressEvent: Ctrl+C on the secret copies it marked."""
        if self._secret and event.matches(QKeySequence.StandardKey.Copy):
            event.accept()
            self.copy_requested.emit()
            return
        super().keyPressEvent(event)
