"""The actors tab of a story: whom each outlet names and quotes, named against unnamed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from parallax.core.story import Story, StorySource
from parallax.ui.story import NO_SOURCES, StoryView
from parallax.ui.story.sources_model import SourcesModel

FIRST = SourcesModel.FIRST_OUTLET


def rows(model: SourcesModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_one_row_per_actor_one_column_per_outlet(qtbot: Any, story: Story) -> None:
    view = StoryView()
    qtbot.addWidget(view)
    view.set_story(story)
    assert view.tabText(1) == "Actors"
    model = view.sources.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Actor", "Heard in", "Harbour Gazette", "River Times", "Daily Ledger"]
    # The city speaks in two outlets, so it comes first; unnamed sources say so.
    assert rows(model) == [
        ["the city", "2 of 3", "unnamed, 1 quote", "unnamed, 1 quote", ""],
        ["Ana Ruiz", "Only Harbour Gazette", "named, 1 quote", "", ""],
        ["officials", "Only Daily Ledger", "", "", "unnamed, 1 quote"],
    ]
    unnamed = model.index(0, FIRST).data(Qt.ItemDataRole.FontRole)
    assert unnamed is not None and unnamed.italic()
    assert model.index(1, FIRST).data(Qt.ItemDataRole.FontRole) is None
    summary = view.sources.summary.text()
    assert "Harbour Gazette</b>: 2 sources (1 named, 1 unnamed), 2 quotes" in summary
    assert "Daily Ledger</b>: 1 source (0 named, 1 unnamed), 1 quote" in summary


def test_one_actor_twice_in_an_outlet_is_one_cell(qtbot: Any, story: Story) -> None:
    more = (*story.sources, StorySource("a2", "The City", True, 2))
    view = StoryView()
    qtbot.addWidget(view)
    view.set_story(Story(story.name, story.articles, story.facts, more))
    assert rows(view.sources.model)[0][:4] == ["the city", "2 of 3", "unnamed, 1 quote",
                                               "named, 3 quotes"]  # fmt: skip


def test_a_story_without_sources_says_so(qtbot: Any, story: Story) -> None:
    view = StoryView()
    qtbot.addWidget(view)
    view.set_story(Story(story.name, story.articles, story.facts))
    assert view.sources.model.rowCount() == 0
    assert view.sources.summary.text() == NO_SOURCES


def test_the_story_view_passes_a_click_in_the_matrix_on(qtbot: Any, story: Story) -> None:
    view = StoryView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_story(story)
    view.show()
    qtbot.waitExposed(view)
    table = view.coverage.table
    rect = table.visualRect(view.coverage.proxy.index(0, FIRST + 1))
    with qtbot.waitSignal(view.openPair, timeout=1000) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["a2", "a1", "f1"]
