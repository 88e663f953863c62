"""Which facts the coverage matrix shows, and in what order.

Two filters, which combine: an outlet (only the facts it states) and "Only one outlet"
(only the facts a single outlet carries — with an outlet chosen, the ones only it
carries). Two orders: **most widely reported** (the story's own order: the facts most
outlets carry first, ties by first appearance) and **order of appearance** (by how early
the earliest outlet reports the fact, as a share of its article, so a story's lead comes
first whichever outlet led with it).
"""

from __future__ import annotations

from typing import Final, Literal

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from parallax.ui.story.coverage_model import (
    ALONE_ROLE,
    FIRST_SEEN_ROLE,
    STORY_ORDER_ROLE,
    CoverageModel,
)

__all__ = ["ORDERS", "CoverageFilter", "Order"]

Order = Literal["reach", "appearance"]
#: The orders, as the view's menu names them.
ORDERS: Final[dict[Order, str]] = {
    "reach": "Most widely reported",
    "appearance": "Order of appearance",
}


class CoverageFilter(QSortFilterProxyModel):
    """Filters and orders the rows of a :class:`CoverageModel`."""

    def __init__(self, model: CoverageModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._outlet: str | None = None
        self._alone_only = False
        self._order: Order = "reach"
        self.setSourceModel(model)
        self.setSortRole(STORY_ORDER_ROLE)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    @property
    def outlet(self) -> str | None:
        return self._outlet

    @property
    def alone_only(self) -> bool:
        return self._alone_only

    @property
    def order(self) -> Order:
        return self._order

    def set_outlet(self, article_id: str | None) -> None:
        """Show only the facts this article states (None: every fact)."""
        if article_id != self._outlet:
            self.beginFilterChange()
            self._outlet = article_id
            self.endFilterChange()

    def set_alone_only(self, on: bool) -> None:
        """Show only the facts one outlet alone carries."""
        if on != self._alone_only:
            self.beginFilterChange()
            self._alone_only = on
            self.endFilterChange()

    def set_order(self, order: Order) -> None:
        self._order = order
        self.invalidate()
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self._model
        index = model.index(source_row, 0, source_parent)
        if self._alone_only and not model.data(index, ALONE_ROLE):
            return False
        return self._outlet is None or self._outlet in model.fact(source_row).sentences

    def lessThan(
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        model = self._model
        a_order = model.data(left, STORY_ORDER_ROLE)
        b_order = model.data(right, STORY_ORDER_ROLE)
        if self._order == "appearance":
            a_seen = model.data(left, FIRST_SEEN_ROLE)
            b_seen = model.data(right, FIRST_SEEN_ROLE)
            return bool((a_seen, a_order) < (b_seen, b_order))
        return bool(a_order < b_order)
