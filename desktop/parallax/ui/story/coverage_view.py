"""The coverage view: which outlet states each fact of a story, and how.

A bar of filters (an outlet, "Only one outlet", the order) above the matrix of
:class:`~.coverage_model.CoverageModel`, and a line below it that sums up what is shown.
Clicking a cell, or pressing Enter on it, asks the window to open the two-pane reader on
that outlet and another one that states the fact (:attr:`CoverageView.openPair`): the
outlet of the cell on the left; on the right the first other outlet that states the fact,
or, for a fact the outlet alone carries, the next outlet of the story. A cell of an outlet
that leaves the fact out opens it beside the first outlet that states it, so what it left
out can be read there. The arrow keys move from cell to cell.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parallax.core.story import Story
from parallax.ui.story.colours import StoryColours
from parallax.ui.story.coverage_filter import ORDERS, CoverageFilter, Order
from parallax.ui.story.coverage_model import STATED, CoverageModel

__all__ = ["NO_STORY", "CoverageView", "pair_for"]

NO_STORY: Final = "No story open."
_OUTLET_WIDTH: Final = (56, 150)  # an outlet column's narrowest and widest, in pixels


def pair_for(story: Story, article_id: str | None, fact_id: str) -> tuple[str, str] | None:
    """The two articles to read a fact in, from a cell of the matrix.

    ``article_id`` is the cell's outlet (None for the fact's own columns: the first article
    that states it). It goes on the left; on the right the first other article that states
    the fact, else the next article of the story. None when the story has under two
    articles or no such fact.
    """
    fact = next((f for f in story.facts if f.id == fact_id), None)
    ids = [a.id for a in story.articles]
    if fact is None or len(ids) < 2:
        return None
    stating = [a for a in ids if a in fact.sentences]
    if article_id is None or article_id not in ids:
        if not stating:
            return None
        article_id = stating[0]
    others = [a for a in stating if a != article_id]
    if others:
        return article_id, others[0]
    k = ids.index(article_id)
    return article_id, ids[(k + 1) % len(ids)]


class CoverageView(QWidget):
    """The matrix of facts against outlets, with its filters."""

    #: Open the reader on two articles at a fact: (left article id, right article id, fact id).
    openPair = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageView")
        self.model = CoverageModel(self)
        self.proxy = CoverageFilter(self.model, self)

        self.outlet_box = QComboBox(self)
        self.outlet_box.setObjectName("coverageOutlet")
        self.outlet_box.setToolTip("Show only the facts this outlet states")
        self.outlet_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.alone_box = QCheckBox("&Only one outlet", self)
        self.alone_box.setObjectName("coverageAloneOnly")
        self.alone_box.setToolTip("Show only the facts a single outlet carries")
        self.order_box = QComboBox(self)
        self.order_box.setObjectName("coverageOrder")
        for order, name in ORDERS.items():
            self.order_box.addItem(name, order)
        outlet_label = QLabel("&Outlet:", self)
        outlet_label.setBuddy(self.outlet_box)
        order_label = QLabel("O&rder:", self)
        order_label.setBuddy(self.order_box)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 2)
        bar.addWidget(outlet_label)
        bar.addWidget(self.outlet_box)
        bar.addSpacing(12)
        bar.addWidget(self.alone_box)
        bar.addStretch(1)
        bar.addWidget(order_label)
        bar.addWidget(self.order_box)

        self.table = QTableView(self)
        self.table.setObjectName("coverageTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.setShowGrid(True)
        self.table.setCornerButtonEnabled(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel(NO_STORY, self)
        self.status.setObjectName("coverageStatus")
        self.status.setContentsMargins(6, 2, 6, 4)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        column.addWidget(self.status)

        self.outlet_box.currentIndexChanged.connect(self._on_outlet)
        self.alone_box.toggled.connect(self._on_alone)
        self.order_box.currentIndexChanged.connect(self._on_order)
        self.table.clicked.connect(self._open)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self._open(self.table.currentIndex()))
        self.model.set_colours(StoryColours.from_palette(self.palette()))
        self._fill_outlets()

    # -- contents ------------------------------------------------------------------------

    def set_story(self, story: Story | None) -> None:
        """Show a story's facts (None empties the view); the filters start over."""
        self.alone_box.setChecked(False)
        self.model.set_story(story)
        self._fill_outlets()
        self._size_columns()
        self._update_status()
        if self.proxy.rowCount() and self.model.columnCount() > CoverageModel.FIRST_OUTLET:
            self.table.setCurrentIndex(self.proxy.index(0, CoverageModel.FIRST_OUTLET))

    def story(self) -> Story | None:
        return self.model.story()

    def _fill_outlets(self) -> None:
        box = self.outlet_box
        box.blockSignals(True)
        box.clear()
        box.addItem("All outlets", None)
        for article in self.model.articles():
            box.addItem(self.model.label(article.id), article.id)
        box.setEnabled(box.count() > 1)
        box.blockSignals(False)
        self.proxy.set_outlet(None)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(CoverageModel.FACT, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        bold = self.font()
        bold.setBold(True)
        longest = max((f"Only in {self.model.label(a.id)}" for a in self.model.articles()),
                      key=len, default="Carried by")  # fmt: skip
        reach = min(max(QFontMetrics(bold).horizontalAdvance(longest) + 16, 90), 220)
        header.setSectionResizeMode(CoverageModel.REACH, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CoverageModel.REACH, reach)
        low, high = _OUTLET_WIDTH
        for column in range(CoverageModel.FIRST_OUTLET, self.model.columnCount()):
            article = self.model.article_at(column)
            label = self.model.label(article.id) if article is not None else ""
            width = min(max(metrics.horizontalAdvance(label) + 24, low), high)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    def _update_status(self) -> None:
        story = self.model.story()
        if story is None:
            self.status.setText(NO_STORY)
            return
        total = len(story.facts)
        alone = sum(1 for f in story.facts if f.alone)
        shown = self.proxy.rowCount()
        everyone = sum(1 for f in story.facts if f.outlets == len(story.articles))
        parts = [
            f"{total} fact{'s' * (total != 1)} across {len(story.articles)} outlets",
            f"{everyone} carried by all",
            f"{alone} by one outlet only",
        ]
        if shown != total:
            parts.insert(0, f"Showing {shown} of")
            text = parts[0] + " " + ", ".join(parts[1:])
        else:
            text = ", ".join(parts)
        self.status.setText(f"{text}.   {STATED} states it   ◐ words it differently")

    # -- filters -------------------------------------------------------------------------

    def set_outlet(self, article_id: str | None) -> None:
        """Show only the facts ``article_id`` states (None: all)."""
        k = self.outlet_box.findData(article_id)
        self.outlet_box.setCurrentIndex(max(k, 0))

    def _on_outlet(self, _k: int) -> None:
        self.proxy.set_outlet(self.outlet_box.currentData())
        self._update_status()

    def _on_alone(self, on: bool) -> None:
        self.proxy.set_alone_only(on)
        self._update_status()

    def _on_order(self, _k: int) -> None:
        order: Order = self.order_box.currentData()
        self.proxy.set_order(order)

    # -- opening a pair ------------------------------------------------------------------

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        story = self.model.story()
        if story is None or not index.isValid():
            return
        source = self.proxy.mapToSource(self.proxy.index(index.row(), index.column()))
        fact = self.model.fact(source.row())
        article = self.model.article_at(source.column())
        pair = pair_for(story, article.id if article is not None else None, fact.id)
        if pair is not None:
            self.openPair.emit(pair[0], pair[1], fact.id)

    # -- palette -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_colours(StoryColours.from_palette(self.palette()))
        super().changeEvent(event)
