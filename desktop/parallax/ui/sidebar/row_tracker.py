"""Acting on the row the user moves to, or clicks again, in a list of the sidebar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QTreeView

from parallax.ui.models import RowFilterProxy

#: An index of a list's model, as Qt hands it to a delegate or a view.
Index = QModelIndex | QPersistentModelIndex


class RowTracker(QObject):
    """Calls back when the user moves to a row, or clicks the row that is already current.

    Moving with the arrow keys or clicking another row changes the current row. Clicking the
    current row again changes nothing in the view but must still act (the journalist scrolled
    the pane away and wants to go back), so the row current at mouse press is remembered and
    compared with the row clicked.
    """

    def __init__(self, view: QTreeView, callback: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._view = view
        self._callback = callback
        self._last: int | None = None  # source row of the last row acted on
        self._at_press: int | None = None
        self.quiet = False
        view.viewport().installEventFilter(self)
        view.selectionModel().currentRowChanged.connect(self._moved)
        view.clicked.connect(self._clicked)

    def reset(self) -> None:
        """Forget the last row (its model was reset)."""
        self._last = None

    def _source_row(self, index: Index) -> int | None:
        model = self._view.model()
        if not index.isValid() or not isinstance(model, RowFilterProxy):
            return None
        return model.mapToSource(model.index(index.row(), 0)).row()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self._at_press = self._source_row(self._view.currentIndex())
        return False

    def _moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self._source_row(current)
        if self.quiet or row is None or row == self._last:
            return
        self._last = row
        self._callback(current)

    def _clicked(self, index: QModelIndex) -> None:
        row = self._source_row(index)
        if not self.quiet and row is not None and row == self._at_press == self._last:
            self._callback(index)
