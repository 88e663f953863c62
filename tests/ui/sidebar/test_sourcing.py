"""The Sourcing panel: whom each outlet lets speak, on the real comparison of the sample pair."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from parallax.core.model import Comparison
from parallax.ui.sidebar import NO_COMPARISON_SOURCES, Sidebar
from parallax.ui.sidebar.sourcing import FINDING, SourcingModel


def test_one_row_a_source_and_a_summary_per_outlet(
    sidebar: Sidebar, comparison: Comparison
) -> None:
    panel = sidebar.sourcing
    found = comparison.sourcing()
    assert panel.view.model().rowCount() == len(found.sources) > 0
    first = panel.model.index(0, SourcingModel.SOURCE)
    assert first.data() == found.sources[0].name
    summary = panel.summary.text()
    for side in ("left", "right"):
        assert f"<b>{found.count(side, named=True)}</b> named" in summary
    unnamed = [
        r
        for r in range(panel.model.rowCount())
        if panel.model.index(r, SourcingModel.NAMED).data() == "unnamed"
    ]
    assert [found.sources[r].name for r in unnamed] == ["experts"]
    assert "heard in both articles" in panel.status.text()


def test_a_source_activated_lists_its_reactions(
    sidebar: Sidebar, comparison: Comparison, qtbot: Any
) -> None:
    panel = sidebar.sourcing
    row = next(r for r, s in enumerate(comparison.sourcing().sources) if s.both)
    actor = comparison.sourcing().sources[row].actor
    index = panel.view.model().index(row, 0)
    panel.view.setCurrentIndex(index)
    assert sidebar.reactions.actor() == actor
    shown = sidebar.reactions.view.model().rowCount()
    assert shown == sum(1 for r in comparison.reactions if r.actor == actor) >= 2


def test_sorted_by_how_often_an_outlet_reports_a_source(sidebar: Sidebar) -> None:
    view = sidebar.sourcing.view
    view.sortByColumn(SourcingModel.RIGHT, Qt.SortOrder.DescendingOrder)
    counts = [
        int(str(view.model().index(r, SourcingModel.RIGHT).data()).split()[0].replace("–", "0"))
        for r in range(view.model().rowCount())
    ]
    assert counts == sorted(counts, reverse=True)


def test_busy_and_empty(sidebar: Sidebar, comparison: Comparison) -> None:
    sidebar.set_comparison(comparison, busy=True)
    assert sidebar.sourcing.placeholder_text() == FINDING
    sidebar.set_comparison(None)
    assert sidebar.sourcing.placeholder_text() == NO_COMPARISON_SOURCES
