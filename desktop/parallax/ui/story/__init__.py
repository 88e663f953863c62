"""The story tabs of the reader: three or more outlets on one event, fact by fact.

One module per class:

- :mod:`.coverage_model`: :class:`~.coverage_model.CoverageModel`, facts against outlets.
- :mod:`.coverage_filter`: :class:`~.coverage_filter.CoverageFilter`, which facts and in what
  order.
- :mod:`.coverage_view`: :class:`CoverageView`, the matrix with its filters; a click asks for
  a pair of articles (:attr:`CoverageView.openPair`).
- :mod:`.sources_model`: :class:`~.sources_model.SourcesModel`, actors against outlets.
- :mod:`.sources_view`: :class:`SourcesView`, that table with a line per outlet.
- :mod:`.story_view`: :class:`StoryView`, the two as tabs (Coverage, Actors).
- :mod:`.colours`: :class:`~.colours.StoryColours`, from the reader's theme.
"""

from __future__ import annotations

from parallax.ui.story.coverage_view import NO_STORY, CoverageView
from parallax.ui.story.sources_view import NO_SOURCES, SourcesView
from parallax.ui.story.story_view import StoryView

__all__ = ["NO_SOURCES", "NO_STORY", "CoverageView", "SourcesView", "StoryView"]
