"""The places of the main window and the list on the left that moves between them.

A :class:`Place` is a name, a title and an icon; the main window decides what each place
shows. *My cases*, *All cases* and *Follow-ups due* come first; workspaces add more (a
dashboard, the audit log) with :meth:`Host.add_place <gui.shared.workspace.Host.add_place>`
— the list needs no change for that.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from gui.shared.style import icon

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1

MY_CASES = "my_cases"
ALL_CASES = "all_cases"
FOLLOW_UPS = "follow_ups"


@dataclass(frozen=True)
class Place:
    """One destination in the navigation list.

    Attributes:
        key: a stable name (saved as the last place shown).
        title: what the list shows (already translated).
        icon_name: an icon in ``resources/icons``.
        tooltip: a longer explanation, with the keyboard shortcut.
        badged: whether the place shows a count after its title (room is kept for it).
    """

    key: str
    title: str
    icon_name: str
    tooltip: str = ""
    badged: bool = False


class NavigationList(QListView):
    """The place list. Emits :attr:`place_chosen` with a place's key when one is picked.

    A badge (e.g. how many follow-ups are due) is appended to a place's title; badges
    hold counts only, never names, and :meth:`clear_badges` drops them when locking.
    """

    place_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Places"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        size = self.fontMetrics().height() + 4
        self.setIconSize(QSize(size, size))
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._places: dict[str, Place] = {}
        self._badges: dict[str, str] = {}
        self.selectionModel().currentChanged.connect(self._on_current_changed)

    def add_place(self, place: Place) -> None:
        item = QStandardItem(icon(place.icon_name), place.title)
        item.setData(place.key, PLACE_ROLE)
        item.setToolTip(place.tooltip)
        item.setAccessibleText(place.title)
        item.setEditable(False)
        self._places[place.key] = place
        self._model.appendRow(item)
        self._fit_width()

    def keys(self) -> list[str]:
        return list(self._places)

    @property
    def current_key(self) -> str | None:
        index = self.currentIndex()
        return str(index.data(PLACE_ROLE)) if index.isValid() else None

    def select(self, key: str) -> None:
        """Make ``key`` the current place and emit :attr:`place_chosen`."""
        item = self._item(key)
        if item is None:
            return
        index = item.index()
        if index == self.currentIndex():
            self.place_chosen.emit(key)  # show it again (e.g. the first time)
            return
        # While this list's signals are blocked, place_chosen stays silent too.
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def set_badge(self, key: str, badge: str) -> None:
        """Show ``badge`` after the place's title ("Follow-ups due  7"); "" removes it."""
        item = self._item(key)
        if item is None:
            return
        self._badges[key] = badge
        title = self._places[key].title
        item.setText(f"{title}   {badge}" if badge else title)

    def clear_badges(self) -> None:
        for key in list(self._badges):
            self.set_badge(key, "")
        self._badges.clear()

    def _item(self, key: str) -> QStandardItem | None:
        for row in range(self._model.rowCount()):
            item = self._model.item(row)
            if item is not None and item.data(PLACE_ROLE) == key:
                return item
        return None

    def _fit_width(self) -> None:
        # Wide enough for the longest title, with its badge if it has one, at any font
        # size (room for the badge is kept, so nothing jumps when a count appears).
        metrics = self.fontMetrics()
        badge = metrics.horizontalAdvance("   00 000")
        widest = max(
            (metrics.horizontalAdvance(place.title) + (badge if place.badged else 0)
             for place in self._places.values()),
            default=0,
        )
        # The list's and the items' padding (style.qss: 2 × 6 and 2 × 8 px), the icon and
        # its gap, the frame, and a little air.
        self.setFixedWidth(widest + self.iconSize().width() + metrics.averageCharWidth() + 36)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.place_chosen.emit(str(current.data(PLACE_ROLE)))
