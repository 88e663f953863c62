"""Decided links look decided: pinned pairs marked and kept as pinned, rejected pairs listed
in the Decisions panel and restorable, driven through the reader's real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor

from parallax.core.model import Comparison
from parallax.store import open_library
from parallax.ui.main_window import MainWindow
from parallax.ui.margin import PIN_X
from parallax.ui.reading import PINNED


def _annotations(tag: str, _result: object) -> bool:
    return tag == "annotations"


def _pairs(comparison: Comparison | None) -> set[tuple[int, int]]:
    assert comparison is not None
    return {(a, b) for k in comparison.links for a in k.left for b in k.right}


def test_a_pinned_pair_is_marked_pinned_by_you_and_stays_exactly_that_pair(
    qtbot: Any, window: MainWindow, library_path: Path
) -> None:
    comparison = window.comparison
    assert comparison is not None
    # A many-sentence link: the aligner would grow a pin of one of its pairs.
    grown = next(k for k in comparison.links if len(k.left) + len(k.right) > 2)
    pair = (grown.left[0], grown.right[0])
    window.current_sentence = {"left": pair[0], "right": pair[1]}
    window._update_actions()
    with qtbot.waitSignal(window.worker.libraryDone, timeout=60_000, check_params_cb=_annotations):
        window.act_pin.trigger()

    def pinned() -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        assert window.comparison is not None
        return [(k.left, k.right) for k in window.comparison.links if k.pinned]

    assert pinned() == [((pair[0],), (pair[1],))]
    index = next(i for i, k in enumerate(window.comparison.links) if k.pinned)  # type: ignore[union-attr]
    window.select_link(index)
    assert PINNED in window.summary.text() and "score" not in window.summary.text()
    # The pin mark in the left margin, with what it means on hover.
    view = window.left.view
    assert pair[0] in view.margin.pinned
    assert "Pinned by you" in (view.margin.at(PIN_X + 2, pair[0]) or "")
    top, _bottom = view.sentence_extent(pair[0])
    y = int(top - view.scroll_y() + 4)
    image = view.viewport().grab().toImage()
    text = window.theme.text
    near = [
        QColor(image.pixel(x, yy))
        for x in range(int(PIN_X), int(PIN_X) + 6)
        for yy in range(y, y + 5)
    ]
    assert any(abs(c.lightness() - text.lightness()) < 40 for c in near)
    # Listed in the Decisions panel with both sentences.
    panel = window.sidebar.decisions
    assert panel.count() == 1 and panel.row_text(0).startswith("✓ Pinned")
    assert comparison.left.sentences[pair[0]].text[:30] in panel.row_text(0)
    # Compared again (as after an upgrade): still exactly the pair pinned.
    with qtbot.waitSignal(window.worker.finished, timeout=60_000):
        window.compare(comparison.left, comparison.right, keep_view=True)
    assert pinned() == [((pair[0],), (pair[1],))]
    with open_library(library_path) as library:
        assert len(library.summaries()) == 1
        saved = library.load(library.summaries()[0].id)
    assert [(k.left, k.right) for k in saved.links if k.pinned] == pinned()


def test_a_rejected_pair_is_listed_and_restore_brings_its_link_back(
    qtbot: Any, window: MainWindow, library_path: Path
) -> None:
    comparison = window.comparison
    assert comparison is not None
    link = comparison.links[0]
    pair = (link.left[0], link.right[0])
    window.current_sentence = {"left": pair[0], "right": pair[1]}
    window._update_actions()
    with qtbot.waitSignal(window.worker.libraryDone, timeout=60_000, check_params_cb=_annotations):
        window.act_reject_pair.trigger()
    assert pair not in _pairs(window.comparison)
    panel = window.sidebar.decisions
    assert panel.count() == 1
    assert panel.row_text(0).startswith("✕ Rejected")
    assert f"left {pair[0] + 1} / right {pair[1] + 1}" in panel.row_text(0)
    assert not panel.restore_button.isEnabled()
    panel.select_row(0)
    assert panel.restore_button.isEnabled()
    with qtbot.waitSignal(window.worker.libraryDone, timeout=60_000, check_params_cb=_annotations):
        panel.restore_button.click()
    assert pair in _pairs(window.comparison)
    assert panel.count() == 0 and panel.placeholder.isVisibleTo(panel)
    with open_library(library_path) as library:
        fixes = library.corrections_for(
            comparison.left.content_sha256, comparison.right.content_sha256
        )
    assert fixes.rejected == () and fixes.pinned == ()
