"""Keyboard mnemonics (Alt+letter): a letter of its own for every label, box and button.

Qt gives a button, a check box or a label with a buddy the key Alt+X for the X after an
``&`` in its text. Two widgets shown together with the same letter make the first press
stop at one and the second at the other (the case view's Alt+A once reached *Edit case…*
before *Add…*), and a label without a letter cannot take a person to its field.

:func:`assign_mnemonics` gives every label with a buddy, check box, radio button and push
button of a window that has no ``&`` yet a letter of its own text that no other widget of
the window uses, word starts first (as KDE's accelerator manager does), so translated
texts get theirs too. Letters written into a text by hand are kept: they are the ones
people learn (``&Add…``, ``&Save``), and a test checks they are unique where they are
shown together.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str:
    """The key a text's ``&`` gives (``"&Save"`` → ``"Alt+S"``), or ``""``."""
    return QKeySequence.mnemonic(text).toString()


def mnemonic_texts(widget: QWidget) -> list[str]:
    """The texts of ``widget`` that Qt reads mnemonics from."""
    if isinstance(widget, QAbstractButton):
        return [QAbstractButton.text(widget)]
    if isinstance(widget, QLabel):
        return [widget.text()] if widget.buddy() is not None else []
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    return []


def takes_tab_focus(widget: QWidget) -> bool:
    """Whether the keyboard can reach ``widget`` or its focus proxy (a label cannot)."""
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _is_plain(label: QLabel) -> bool:
    text_format = label.textFormat()
    if text_format == Qt.TextFormat.RichText:
        return False
    return text_format == Qt.TextFormat.PlainText or not QtGui.Qt.mightBeRichText(label.text())


def _wants_letter(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        buddy = widget.buddy()
        return buddy is not None and takes_tab_focus(buddy) and _is_plain(widget)
    return isinstance(widget, (QCheckBox, QRadioButton, QPushButton))


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        # Qt's own text: a button that draws its own (a dashboard figure) has none.
        return QAbstractButton.text(widget)
    return widget.text() if isinstance(widget, QLabel) else ""


def _set_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, (QLabel, QAbstractButton)):
        widget.setText(text)


def _choices(text: str) -> list[int]:
    """Where a letter may go: word starts first, then the other letters.

    Never a digit: Alt+1…9 switch places and tabs.
    """
    starts = [i for i, c in enumerate(text)
              if c.isalpha() and (i == 0 or not text[i - 1].isalnum())]
    others = [i for i, c in enumerate(text) if c.isalpha() and i not in starts]
    return starts + others


def assign_mnemonics(scope: QWidget, *, also: Iterable[QWidget] = ()) -> None:
    """Give the widgets in ``scope`` that have no mnemonic a free one.

    Args:
        scope: a window, or the part of one that is shown at a time (a page).
        also: widgets shown together with ``scope`` whose letters are taken too (the
            main window's toolbar beside a place, a wizard's buttons beside a page).
    """
    widgets = scope.findChildren(QWidget)
    taken: set[str] = set()
    for holder in (scope, *also):
        for widget in (holder, *holder.findChildren(QWidget)):
            taken.update(key.casefold() for key in map(mnemonic, mnemonic_texts(widget)) if key)
    # Fields first (their labels), then boxes, then buttons: with twenty-odd texts in a
    # window the letters can run out, and a button is also reached with Tab or Enter.
    order = (QLabel, (QCheckBox, QRadioButton), QPushButton)
    wanting = [w for kind in order for w in widgets
               if isinstance(w, kind) and _wants_letter(w)]
    for widget in wanting:
        text = _text_of(widget)
        if not text or "&" in text:
            continue
        for position in _choices(text):
            key = mnemonic(text[:position] + "&" + text[position:]).casefold()
            if key and key not in taken:
                taken.add(key)
                _set_text(widget, text[:position] + "&" + text[position:])
                break


__all__ = ["assign_mnemonics", "mnemonic", "mnemonic_texts", "takes_tab_focus"]
