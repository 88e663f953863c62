"""What the reader brings into view stays whole: a link's every sentence on both sides, the
find hit, and (scroll sync on a long pair) the counterpart of the nearest linked sentence."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from parallax.core.model import Comparison, Side
from parallax.ui.main_window import MainWindow
from parallax.ui.pane import ArticleView
from tests.ui.long_pair import long_comparison


@pytest.fixture(scope="module")
def long_pair() -> Comparison:
    return long_comparison(300, 400)


@pytest.fixture
def long_window(qtbot: Any, settings: Any, long_pair: Comparison) -> MainWindow:
    win = MainWindow(db_path=None, settings=settings)
    qtbot.addWidget(win)
    win.resize(1280, 760)
    win.show()
    qtbot.waitExposed(win)
    win.show_comparison(long_pair)
    return win


def _in_viewport(view: ArticleView, start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` (Qt positions) lies wholly in the viewport:
    the caret rectangles of its first and last character, inside the viewport's rectangle."""
    area = view.viewport().rect()
    cursor = QTextCursor(view.document())
    for pos in (start, max(start, end - 1), end):
        cursor.setPosition(pos)
        rect = view.cursorRect(cursor)
        if not area.contains(rect):
            return False
    return True


def _sentence_in_view(view: ArticleView, index: int) -> bool:
    doc = view.document_model()
    assert doc is not None
    s = doc.sentences[index]
    return _in_viewport(view, view.qt_pos(s.start), view.qt_pos(s.end))


def _link_in_view(win: MainWindow, link: int) -> dict[Side, list[int]]:
    """The sentences of a link that are not wholly in view, per side (empty when all are)."""
    assert win.reading is not None
    return {
        side: [
            i
            for i in win.reading.sentences(link, side)
            if not _sentence_in_view(win.panes[side].view, i)
        ]
        for side in ("left", "right")
    }


def long_window_sentence_start(win: MainWindow, index: int) -> int:
    assert win.comparison is not None
    return win.comparison.left.sentences[index].start


def test_a_clicked_link_shows_both_sentences_of_its_counterpart(
    qtbot: Any, long_window: MainWindow
) -> None:
    win = long_window
    reading = win.reading
    assert reading is not None
    view = win.left.view
    checked = 0
    for link in reading.order:
        theirs = reading.sentences(link, "right")
        mine = reading.sentences(link, "left")
        if len(theirs) != 2 or len(mine) != 1 or mine[0] < 20:
            continue
        # The journalist clicks the sentence low in the left pane.
        _top, bottom = view.sentence_extent(mine[0])
        win.sync.move("left", bottom - view.viewport_height() + 30)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.qt_pos(long_window_sentence_start(win, mine[0])) + 2)
        at = view.cursorRect(cursor).center()
        assert view.viewport().rect().contains(at)
        with qtbot.waitSignal(win.linkSelected, timeout=1000):
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
        assert win.selected_link == link
        assert _link_in_view(win, link) == {"left": [], "right": []}
        checked += 1
        if checked == 4:
            break
    assert checked == 4


def test_stepping_links_and_wrapping_to_the_first_shows_it_whole(
    qtbot: Any, long_window: MainWindow
) -> None:
    win = long_window
    reading = win.reading
    assert reading is not None
    win.left.view.setFocus()
    win.select_link(reading.order[-2])
    qtbot.keyClick(win.left.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert win.selected_link == reading.order[-1]
    assert _link_in_view(win, reading.order[-1]) == {"left": [], "right": []}
    qtbot.keyClick(win.left.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = reading.order[0]
    assert win.selected_link == first  # wrapped from the last link to the first
    assert _link_in_view(win, first) == {"left": [], "right": []}
    # Every link on the way down keeps its sentences whole on both sides.
    for _ in range(40):
        qtbot.keyClick(win.left.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert win.selected_link is not None
        assert _link_in_view(win, win.selected_link) == {"left": [], "right": []}


def test_wrapping_on_the_sample_pair_shows_the_first_links_headline(
    qtbot: Any, window: MainWindow
) -> None:
    reading = window.reading
    assert reading is not None
    window.left.view.setFocus()
    window.select_link(reading.order[-1])
    qtbot.keyClick(window.left.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = reading.order[0]
    assert window.selected_link == first
    assert all(_sentence_in_view(window.left.view, i) for i in reading.sentences(first, "left")[:1])
    assert all(_sentence_in_view(window.right.view, i) for i in reading.sentences(first, "right"))


def test_stepping_to_sentences_only_one_outlet_carries_shows_them_whole(
    qtbot: Any, long_window: MainWindow
) -> None:
    win = long_window
    reading = win.reading
    assert reading is not None
    win.right.view.setFocus()
    win.focus_side = "right"
    for _ in range(12):
        qtbot.keyClick(win.right.view, Qt.Key.Key_F7)
        marked = win.current_sentence["right"]
        assert marked is not None and reading.is_unique("right", marked)
        assert _sentence_in_view(win.right.view, marked)


def test_every_find_hit_is_whole_in_its_pane(qtbot: Any, long_window: MainWindow) -> None:
    win = long_window
    bar = win.find_bar
    win.resize(1280, 700)
    bar.start_find()
    bar.field.setText("according to figures released")
    hits = list(bar._find_matches)
    assert len(hits) > 10
    for _ in range(len(hits)):
        bar.find_step(1)
        side, start, end = hits[bar._find_index]
        assert _in_viewport(win.panes[side].view, start, end), (side, start)
    # Backwards, each hit is whole too.
    for _ in range(6):
        bar.find_step(-1)
        side, start, end = hits[bar._find_index]
        assert _in_viewport(win.panes[side].view, start, end), (side, start)


def test_scroll_sync_keeps_the_nearest_links_counterpart_level_on_a_long_pair(
    qtbot: Any, long_window: MainWindow, long_pair: Comparison
) -> None:
    win = long_window
    reading = win.reading
    assert reading is not None
    left, right = win.left.view, win.right.view
    line_pitch = left.line_pitch()
    linked = [i for i in range(len(long_pair.left.sentences)) if reading.counterparts("left", i)]
    checked = unique = 0
    for k in range(1, len(long_pair.left.sentences), 3):
        top, bottom = left.sentence_extent(k)
        middle = (top + bottom) / 2
        line = win.sync.reading_line("left")
        left.set_scroll_y(middle - line)  # the journalist scrolls the left pane to sentence k
        if abs(left.scroll_y() - (middle - line)) > 1:
            continue  # held at an end of the article
        y = left.scroll_y() + line

        def gap(extent: tuple[float, float], at: float) -> float:
            return max(extent[0] - at, at - extent[1], 0.0)

        nearest = min(linked, key=lambda j: (gap(left.sentence_extent(j), y), j != k))
        own = gap(left.sentence_extent(nearest), y)
        theirs = sorted(reading.counterparts("left", nearest))
        run = [theirs[0]]
        while run[-1] + 1 in theirs:
            run.append(run[-1] + 1)
        target = (right.sentence_extent(run[0])[0], right.sentence_extent(run[-1])[1])
        bar = right.verticalScrollBar()
        if not bar.minimum() < bar.value() < bar.maximum():
            continue
        there = right.scroll_y() + win.sync.reading_line("right")
        # The counterpart sits as far from the right reading line as the nearest linked
        # sentence from the left one, within a line: level, not somewhere else in the story.
        assert gap(target, there) <= own + line_pitch, (k, nearest, run)
        checked += 1
        unique += not reading.counterparts("left", k)
    assert checked > 60 and unique > 10
