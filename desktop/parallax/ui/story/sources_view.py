"""The actors tab of a story: whom each outlet names and quotes.

The table of :class:`~.sources_model.SourcesModel` under a line per outlet that sums its
sourcing up ("Harbour Gazette: 2 sources (1 named, 1 unnamed), 2 quotes"). Unnamed sources are
in italics, and an actor only one outlet lets speak has the band the coverage view gives a
fact only one outlet carries.
"""

from __future__ import annotations

import html
from typing import Final

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parallax.core.story import Story
from parallax.ui.story.colours import StoryColours
from parallax.ui.story.sources_model import SourcesModel, outlet_summary

__all__ = ["NO_STORY_SOURCES", "SourcesView"]

NO_STORY_SOURCES: Final = "No story open."
NO_SOURCES: Final = "No outlet of this story reports what anyone said."


class SourcesView(QWidget):
    """Actors in rows, outlets in columns, each cell named or not and its quotes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storySourcesView")
        self.model = SourcesModel(self)
        self.summary = QLabel(NO_STORY_SOURCES, self)
        self.summary.setObjectName("storySourcesSummary")
        self.summary.setContentsMargins(6, 6, 6, 4)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("storySourcesTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setHighlightSections(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        self.model.set_colours(StoryColours.from_palette(self.palette()))

    def set_story(self, story: Story | None) -> None:
        self.model.set_story(story)
        header = self.table.horizontalHeader()
        if self.model.columnCount():
            header.setSectionResizeMode(SourcesModel.ACTOR, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        widest = metrics.horizontalAdvance("unnamed, 10 quotes") + 20
        for c in range(SourcesModel.OUTLETS, self.model.columnCount()):
            title = str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")
            header.resizeSection(c, min(max(metrics.horizontalAdvance(title) + 24, widest), 200))
        if story is None:
            self.summary.setText(NO_STORY_SOURCES)
        elif not story.sources:
            self.summary.setText(NO_SOURCES)
        else:
            lines = [
                f"<b>{html.escape(self.model.headerData(c, Qt.Orientation.Horizontal))}</b>: "
                f"{html.escape(outlet_summary(story, a.id))}"
                for c, a in enumerate(story.articles, SourcesModel.FIRST_OUTLET)
            ]
            self.summary.setText("<br>".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_colours(StoryColours.from_palette(self.palette()))
        super().changeEvent(event)
