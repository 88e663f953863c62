"""A list delegate that elides in the middle, for outlet names that differ at their end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from parallax.ui.sidebar.row_tracker import Index


class MiddleElide(QStyledItemDelegate):
    """Elides in the middle: outlets named after files differ at their end
    (``nk-russ…-clean.txt`` and ``nk-russ…-damaged.txt``)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle
