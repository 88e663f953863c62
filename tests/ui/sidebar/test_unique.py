"""The "Only in one" panel: what only one outlet carries, on the sample pair's real comparison."""

from __future__ import annotations

from typing import Any

from parallax.core.model import Comparison, Side
from parallax.ui.sidebar import Sidebar
from parallax.ui.sidebar.unique import NO_COMPARISON_UNIQUE, UniqueModel


def only_in(comparison: Comparison, side: Side) -> list[int]:
    doc = comparison.document(side)
    return [i for i in comparison.unlinked(side) if doc.sentences[i].role == "body"]


def test_every_sentence_only_one_outlet_carries(sidebar: Sidebar, comparison: Comparison) -> None:
    panel = sidebar.unique
    left, right = only_in(comparison, "left"), only_in(comparison, "right")
    assert panel.view.model().rowCount() == len(left) + len(right) > 0
    first = panel.model.index(0, UniqueModel.SENTENCE).data()
    assert first == " ".join(comparison.left.sentences[left[0]].text.split())
    assert panel.model.index(0, UniqueModel.NUMBER).data() == str(left[0] + 1)
    assert f"<b>{len(right)}</b> only here" in panel.summary.text()
    panel.side_filter.setCurrentIndex(2)  # the right article only
    assert panel.view.model().rowCount() == len(right)


def test_choosing_a_sentence_reads_it_in_its_pane(
    sidebar: Sidebar, comparison: Comparison, qtbot: Any
) -> None:
    panel = sidebar.unique
    right = only_in(comparison, "right")
    row = len(only_in(comparison, "left"))  # the first of the right article
    with qtbot.waitSignal(sidebar.sentenceActivated) as blocker:
        panel.view.setCurrentIndex(panel.view.model().index(row, 0))
    assert blocker.args == ["right", right[0]]


def test_no_comparison(sidebar: Sidebar) -> None:
    sidebar.set_comparison(None)
    assert sidebar.unique.placeholder_text() == NO_COMPARISON_UNIQUE
