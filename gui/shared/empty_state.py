"""A line that says why a list is empty, shown inside the list where its rows would be.

An empty table looks like a screen that failed to load. :func:`show_when_empty` puts a
centred, word-wrapped label over the view's viewport whenever its model has no rows, and
takes the text from a function so it can say what is empty *now* ("No case matches
“mäk”." rather than "No rows").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

_STYLE = "color: palette(placeholder-text); padding: 12px;"


class EmptyState(QObject):
    """Keeps the empty-state label of one view in step with its model.

    Args:
        view: the list or table.
        text: what to say when the model has no rows (asked each time it becomes empty).
    """

    def __init__(self, view: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(view)
        self._view = view
        self._text = text
        self.label = QLabel(view.viewport())
        self.label.setObjectName("emptyState")
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label.setWordWrap(True)
        self.label.setStyleSheet(_STYLE)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged):
            signal.connect(self.update)
        self.update()

    def update(self) -> None:
        """Show or hide the line (call it too when what the text says has changed)."""
        model = self._view.model()
        empty = model is not None and model.rowCount() == 0
        if empty:
            self.label.setText(self._text())
            self._place()
        self.label.setVisible(empty)
        self._view.setAccessibleDescription(self.label.text() if empty else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override of QObject.eventFilter: follow the viewport's size."""
        if event.type() == QEvent.Type.Resize and self.label.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        viewport = self._view.viewport()
        width = viewport.width()
        self.label.setGeometry(0, 0, width, max(self.label.heightForWidth(width),
                                                 self.label.sizeHint().height()))


def show_when_empty(view: QAbstractItemView, text: Callable[[], str]) -> EmptyState:
    """Say ``text()`` inside ``view`` whenever its model is empty; returns the helper."""
    return EmptyState(view, text)
