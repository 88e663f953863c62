"""Scroll sync: counterparts stay level at the reading line; no feedback loop."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.core.model import Comparison
from parallax.ui.pane import ArticlePane
from parallax.ui.reading import Reading
from parallax.ui.sync import READING_LINE, ScrollSync, SyncMap
from parallax.ui.theme import theme_for

# Left: four sentences of 100 px; right: three of 50, 200 and 100 px.
LEFT = [(0.0, 90.0), (100.0, 190.0), (200.0, 290.0), (300.0, 390.0)]
RIGHT = [(0.0, 45.0), (50.0, 245.0), (250.0, 345.0)]
# left 0 <-> right 1, left 2 <-> right 0 (reordered), left 1 and 3 and right 2 unique.
PAIRS = {("left", 0): (1,), ("right", 1): (0,), ("left", 2): (0,), ("right", 0): (2,)}


def counterparts(side: str, i: int) -> tuple[int, ...]:
    return PAIRS.get((side, i), ())


def make_map() -> SyncMap:
    return SyncMap({"left": LEFT, "right": RIGHT}, {"left": 400.0, "right": 350.0}, counterparts)


def test_inside_a_linked_sentence_the_counterpart_advances_in_proportion() -> None:
    sync = make_map()
    assert sync.map("left", 0) == pytest.approx(50.0)  # top of left 0 -> top of right 1
    assert sync.map("left", 50) == pytest.approx(150.0)  # halfway: 50 + 0.5 * 200
    assert sync.map("right", 150) == pytest.approx(50.0)


def test_reordered_facts_jump_to_the_counterpart() -> None:
    sync = make_map()
    assert sync.map("left", 200) == pytest.approx(0.0)  # left 2 <-> right 0, above right 1
    assert sync.map("right", 10) == pytest.approx(220.0)


def test_a_unique_sentence_moves_smoothly_between_its_neighbours() -> None:
    sync = make_map()
    # Left 1 is unique, between left 0 (-> right 1, ends 250) and left 2 (-> right 0, at 0):
    # the neighbours are in the other order, so the other pane keeps pace with the nearer
    # one; left 1's text is as near left 0 (ends at 90) as left 2 (starts at 200): the one
    # before wins, and left 0's last line stays level with right 1's (ends at 245).
    assert sync.map("left", 100) == pytest.approx(255.0)
    assert sync.map("left", 150) == pytest.approx(305.0)
    # A short sentence just before left 2: right 0 (starts at 0) stays level with left 2.
    near_next = SyncMap(
        {"left": [(0.0, 90.0), (170.0, 190.0), (200.0, 290.0)], "right": RIGHT},
        {"left": 300.0, "right": 350.0},
        lambda side, i: {("left", 0): (1,), ("left", 2): (0,)}.get((side, i), ()),
    )
    assert near_next.map("left", 180) == pytest.approx(-20.0)
    # Left 3 is unique after the last link: interpolate to the end of both documents.
    a, b = sync.map("left", 300), sync.map("left", 400)
    assert a == pytest.approx(50.0) and b == pytest.approx(350.0)


@given(st.floats(min_value=0, max_value=400), st.floats(min_value=0, max_value=400))
def test_the_map_is_monotonic_inside_each_sentence(y1: float, y2: float) -> None:
    sync = make_map()
    a, b = sorted((y1, y2))
    if sync.sentence_at("left", a) == sync.sentence_at("left", b):
        assert sync.map("left", a) <= sync.map("left", b) + 1e-9


_HOSTS: list[object] = []


def _panes(qtbot, comparison: Comparison) -> tuple[ArticlePane, ArticlePane, Reading]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    _HOSTS[:] = [host]  # keep the Python wrapper (and so the widgets) alive for the test
    layout = QHBoxLayout(host)
    left, right = ArticlePane("left"), ArticlePane("right")
    layout.addWidget(left)
    layout.addWidget(right)
    reading = Reading(comparison)
    theme = theme_for(host.palette())
    left.set_content(reading, theme)
    right.set_content(reading, theme)
    host.resize(1000, 420)
    host.show()
    qtbot.waitExposed(host)
    return left, right, reading


def test_scrolling_one_pane_keeps_the_counterpart_level(qtbot, linked_comparison) -> None:  # type: ignore[no-untyped-def]
    left, right, reading = _panes(qtbot, linked_comparison)
    sync = ScrollSync(left.view, right.view)
    sync.set_reading(reading)
    moved = []
    right.view.verticalScrollBar().valueChanged.connect(moved.append)
    checked = 0
    for link_index in reading.order:
        lefts = reading.sentences(link_index, "left")
        s = min(lefts)
        if reading.primary_link("left", s) != link_index:
            continue
        top = math.floor(left.view.sentence_extent(s)[0]) + 1
        line = sync.reading_line("left")
        left.view.set_scroll_y(top - line)  # the user scrolls the left pane
        if left.view.scroll_y() != top - line:
            continue  # clamped at an end of the document
        target_top = min(right.view.sentence_extent(c)[0] for c in reading.counterparts("left", s))
        expected = target_top - right.view.viewport_height() * READING_LINE
        bar = right.view.verticalScrollBar()
        if not bar.minimum() + 8 < expected < bar.maximum() - 8:
            continue
        # The counterpart's top sits on the reading line of the right pane too.
        right_line = right.view.scroll_y() + sync.reading_line("right")
        assert abs(target_top - right_line) <= 4
        checked += 1
    assert checked >= 2, "the sample pair has links away from the document ends"
    assert moved, "the right pane followed"


def test_no_feedback_loop_and_unlocking_stops_following(qtbot, linked_comparison) -> None:  # type: ignore[no-untyped-def]
    left, right, reading = _panes(qtbot, linked_comparison)
    sync = ScrollSync(left.view, right.view)
    sync.set_reading(reading)
    left_moves: list[int] = []
    right_moves: list[int] = []
    left.view.verticalScrollBar().valueChanged.connect(left_moves.append)
    right.view.verticalScrollBar().valueChanged.connect(right_moves.append)
    left.view.set_scroll_y(300)
    assert len(left_moves) == 1  # the right pane moving did not push the left one back
    assert len(right_moves) <= 1
    sync.set_enabled(False)
    before = right.view.scroll_y()
    left.view.set_scroll_y(600)
    assert right.view.scroll_y() == before
    sync.set_enabled(True)  # locking again brings the right pane back in step
    expected = sync.sync_map().map("left", 600 + sync.reading_line("left")) - sync.reading_line(
        "right"
    )  # type: ignore[union-attr]
    bar = right.view.verticalScrollBar()
    assert right.view.scroll_y() == pytest.approx(min(max(expected, 0), bar.maximum()), abs=1)
