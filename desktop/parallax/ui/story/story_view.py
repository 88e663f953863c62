"""The Story tab of the reader: a story's coverage and its actors, as two tabs.

**Coverage** (:class:`~.coverage_view.CoverageView`) is the matrix of facts against
outlets; **Actors** (:class:`~.sources_view.SourcesView`) whom each outlet names and
quotes. A click in the matrix is passed on as :attr:`StoryView.openPair`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from parallax.core.story import Story
from parallax.ui.story.coverage_view import CoverageView
from parallax.ui.story.sources_view import SourcesView

__all__ = ["StoryView"]


class StoryView(QTabWidget):
    """Coverage and Actors of one story."""

    #: Open the reader on two articles at a fact: (left article id, right article id, fact id).
    openPair = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyView")
        self.setDocumentMode(True)
        self.coverage = CoverageView(self)
        self.sources = SourcesView(self)
        self.addTab(self.coverage, "Coverage")
        self.addTab(self.sources, "Actors")
        self.setTabToolTip(0, "Which outlet states each fact, and how")
        self.setTabToolTip(1, "Whom each outlet names and quotes")
        self.coverage.openPair.connect(self.openPair)
        self._story: Story | None = None

    def set_story(self, story: Story | None) -> None:
        self._story = story
        self.coverage.set_story(story)
        self.sources.set_story(story)

    def story(self) -> Story | None:
        return self._story
