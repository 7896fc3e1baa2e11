"""Type aliases for Qt's signatures, written once."""

from __future__ import annotations

from typing import TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

#: The index an item model's methods receive: Qt passes either kind.
Index: TypeAlias = QModelIndex | QPersistentModelIndex
