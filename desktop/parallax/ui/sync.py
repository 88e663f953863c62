"""Synced scrolling: the counterpart of the sentence at the reading line stays level with it.

The two outlets tell the story in different orders, so no single offset or ratio keeps the
panes in step. :class:`SyncMap` maps a position in one article to a position in the other,
sentence by sentence: inside a linked sentence, the same fraction of its counterpart (a
paraphrase of 3 lines against one of 2 advances in proportion); inside a sentence only one
outlet carries, the other pane moves smoothly between the counterparts of the linked
sentences around it when those lie about as far apart as the linked sentences, and
otherwise keeps the nearer one's counterpart level, so on a long pair it never sweeps
through an unrelated story. Where the outlets reorder facts the map jumps, and only there.

:class:`ScrollSync` wires the map to two views. It follows the pane the reader moves and
sets the other one programmatically under a guard, so the second pane's own scroll signal
never drives the first back: no feedback loop, no jitter.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from parallax.core.model import SIDES, Side, other_side
from parallax.ui.pane import ArticleView
from parallax.ui.reading import Reading

#: Where a reader's eyes rest, as a fraction of the viewport height from its top.
READING_LINE = 0.33

#: Room kept between something brought into view and the pane's edge, in lines of text.
REVEAL_MARGIN = 0.75
#: Between links, how far (in lines) the other pane may stray from keeping the nearer
#: link's counterpart level while it moves smoothly (see :class:`SyncMap`'s ``slack``).
SLACK_LINES = 1.5

Extent = tuple[float, float]


def reveal_y(view: ArticleView, spans: Sequence[Extent], anchor: float | None = None) -> float:
    """The scroll position that shows every span (document top and bottom) in ``view``.

    The pane moves as little as it can, keeping a margin from its edges so nothing is cut;
    when the spans do not fit together, ``anchor`` (a document y; by default the first
    span's top) starts a margin below the top.
    """
    scroll = view.scroll_y()
    if not spans:
        return scroll
    top = min(t for t, _ in spans)
    bottom = max(b for _, b in spans)
    height = view.viewport_height()
    margin = min(view.line_pitch() * REVEAL_MARGIN, height / 8)
    if bottom - top > height - 2 * margin:
        return (top if anchor is None else anchor) - margin
    if top < scroll + margin:
        return top - margin
    if bottom > scroll + height - margin:
        return bottom - height + margin
    return scroll


class SyncMap:
    """Maps document y in one pane to the matching document y in the other.

    Args:
        extents: (top, bottom) of every sentence of each side, in document pixels.
        heights: The total document height of each side.
        counterparts: For each side and sentence, the other side's sentences of its
            strongest link (empty for a sentence only that side carries).
        slack: Between two linked sentences, how much longer or shorter (in pixels) the
            stretch between their counterparts may be for the other pane to move smoothly
            across it; beyond that it keeps pace with the nearer link's counterpart.
    """

    def __init__(
        self,
        extents: dict[Side, Sequence[Extent]],
        heights: dict[Side, float],
        counterparts: Callable[[Side, int], Sequence[int]],
        slack: float = 48.0,
    ) -> None:
        self._heights = heights
        self._slack = slack
        self._tops: dict[Side, list[float]] = {}
        self._spans: dict[Side, list[Extent]] = {}
        self._bottoms: dict[Side, list[float]] = {}
        for side in SIDES:
            ext = extents[side]
            self._bottoms[side] = [b for _, b in ext]
            tops = [t for t, _ in ext]
            # A sentence reaches down to where the next one starts: every y has a sentence.
            ends = [*tops[1:], max(heights[side], tops[-1])] if tops else []
            self._tops[side] = tops
            self._spans[side] = list(zip(tops, ends, strict=True))
        self._target: dict[Side, list[Extent | None]] = {}
        self._target_bottom: dict[Side, list[float]] = {}  # where the counterparts' text ends
        self._linked: dict[Side, list[int]] = {}
        for side in SIDES:
            there = other_side(side)
            targets: list[Extent | None] = []
            bottoms: list[float] = []
            for i in range(len(self._spans[side])):
                others = [c for c in counterparts(side, i) if 0 <= c < len(self._spans[there])]
                if not others:
                    targets.append(None)
                    bottoms.append(0.0)
                    continue
                spans = self._spans[there]
                # A fact may be stated far apart on the other side (its lead and a late
                # quote): follow the first run of adjacent counterparts, not the whole spread.
                first = last = min(others)
                while last + 1 in others:
                    last += 1
                targets.append((spans[first][0], spans[last][1]))
                bottoms.append(self._bottoms[there][last])
            self._target[side] = targets
            self._target_bottom[side] = bottoms
            self._linked[side] = [i for i, t in enumerate(targets) if t is not None]

    def sentence_at(self, side: Side, y: float) -> int | None:
        tops = self._tops[side]
        if not tops:
            return None
        return max(bisect_right(tops, y) - 1, 0)

    def _linked_target(self, side: Side, sentence: int) -> Extent:
        """The counterparts' extent of a sentence listed in ``_linked`` (so it has one)."""
        target = self._target[side][sentence]
        assert target is not None
        return target

    def map(self, side: Side, y: float) -> float:
        """The y in the other pane that should be level with ``y`` in ``side``."""
        other = other_side(side)
        i = self.sentence_at(side, y)
        if i is None:
            return y
        top, end = self._spans[side][i]
        target = self._target[side][i]
        if target is not None:
            fraction = 0.0 if end <= top else min(max((y - top) / (end - top), 0.0), 1.0)
            return target[0] + fraction * (target[1] - target[0])
        # A sentence only this side carries: move between the neighbours' counterparts.
        linked = self._linked[side]
        k = bisect_left(linked, i)
        p = linked[k - 1] if k > 0 else -1
        if k > 0:
            src_a, dst_a = self._spans[side][p][1], self._linked_target(side, p)[1]
        else:
            src_a, dst_a = 0.0, 0.0
        if k < len(linked):
            n = linked[k]
            src_b, dst_b = self._spans[side][n][0], self._linked_target(side, n)[0]
        else:
            src_b, dst_b = self._heights[side], self._heights[other]
        near = k == len(linked) or abs((dst_b - dst_a) - (src_b - src_a)) <= self._slack
        if near and dst_b >= dst_a and src_b > src_a:
            return dst_a + (y - src_a) * (dst_b - dst_a) / (src_b - src_a)
        # The neighbours' counterparts are farther apart, or in the other order: keep pace
        # with the nearer one, so the other pane never sweeps through an unrelated story:
        # the next one's first line, or the last line of the one before (chosen once for
        # the whole sentence, so that inside it the other pane still moves one way).
        middle = (top + self._bottoms[side][i]) / 2
        if k == 0 or (k < len(linked) and src_b - middle < middle - self._bottoms[side][p]):
            return dst_b - (src_b - y)
        return self._target_bottom[side][p] + (y - self._bottoms[side][p])


class ScrollSync(QObject):
    """Keeps two article views in step while ``enabled``; see the module docstring."""

    #: Emitted after the other pane was moved (the source side), e.g. for the gutter.
    synced = Signal(str)

    def __init__(
        self, left: ArticleView, right: ArticleView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._views: dict[Side, ArticleView] = {"left": left, "right": right}
        self._reading: Reading | None = None
        self._map: SyncMap | None = None
        self._guard = False
        self.enabled = True
        left.verticalScrollBar().valueChanged.connect(lambda _v: self._follow("left"))
        right.verticalScrollBar().valueChanged.connect(lambda _v: self._follow("right"))
        left.geometryChanged.connect(self._invalidate)
        right.geometryChanged.connect(self._invalidate)

    def set_reading(self, reading: Reading | None) -> None:
        self._reading = reading
        self._map = None

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.sync_from("left")

    def _invalidate(self) -> None:
        self._map = None

    def sync_map(self) -> SyncMap | None:
        """The current map (rebuilt lazily after a layout change)."""
        if self._map is None and self._reading is not None:
            reading = self._reading
            views = self._views
            self._map = SyncMap(
                {"left": views["left"].extents(), "right": views["right"].extents()},
                {side: v.content_height() for side, v in views.items()},
                reading.counterparts,
                slack=SLACK_LINES * views["left"].line_pitch(),
            )
        return self._map

    def reading_line(self, side: Side) -> float:
        """Where the reader's eyes rest in a pane: whole pixels below its top."""
        return float(round(self._views[side].viewport_height() * READING_LINE))

    def _follow(self, side: Side) -> None:
        if self._guard or not self.enabled:
            return
        self.sync_from(side)

    def sync_from(self, side: Side) -> None:
        """Move the other pane so it matches ``side`` at the reading line."""
        sync = self.sync_map()
        if sync is None:
            return
        source = self._views[side]
        other = other_side(side)
        self._views[other]
        line = self.reading_line(side)
        y = sync.map(side, source.scroll_y() + line)
        self.move(other, y - self.reading_line(other))
        self.synced.emit(side)

    def reveal(self, side: Side, sentences: Sequence[int], anchor: int | None = None) -> None:
        """Bring sentences of ``side`` fully into view (a guarded move; see :func:`reveal_y`);
        when they do not fit, the ``anchor`` sentence (by default the first) tops the view."""
        view = self._views[side]
        count = len(view.extents())
        spans = [view.sentence_extent(i) for i in sentences if 0 <= i < count]
        at = view.sentence_extent(anchor)[0] if anchor is not None and 0 <= anchor < count else None
        self.move(side, reveal_y(view, spans, at))

    def move(self, side: Side, scroll_y: float) -> None:
        """Scroll one pane without letting that scroll drive the other (a guarded move)."""
        self._guard = True
        try:
            self._views[side].set_scroll_y(scroll_y)
        finally:
            self._guard = False
