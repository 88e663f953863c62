"""The story tabs of the reader: three or more outlets on one event, fact by fact.

One module per class:

- :mod:`.coverage_model`: :class:`~.coverage_model.CoverageModel`, facts against outlets.
- :mod:`.coverage_filter`: :class:`~.coverage_filter.CoverageFilter`, which facts and in what
  order.
- :mod:`.coverage_view`: :class:`CoverageView`, the matrix with its filters; a click asks for
  a pair of articles (:attr:`CoverageView.openPair`).
- :mod:`.colours`: :class:`~.colours.StoryColours`, from the reader's theme.
"""

from __future__ import annotations

from parallax.ui.story.coverage_view import NO_STORY, CoverageView

__all__ = ["NO_STORY", "CoverageView"]
