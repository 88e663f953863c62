"""The coverage view: a story's facts against its outlets, with real widgets and signals."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from parallax.core.story import Story
from parallax.ui.story import CoverageView
from parallax.ui.story.colours import StoryColours
from parallax.ui.story.coverage_model import (
    ALONE_ROLE,
    DIFFERS,
    FACT_ID_ROLE,
    STATED,
    CoverageModel,
)
from parallax.ui.story.coverage_view import pair_for
from parallax.ui.theme import _dark_palette, _light_palette, contrast

FIRST = CoverageModel.FIRST_OUTLET


@pytest.fixture
def view(qtbot: Any, story: Story) -> CoverageView:
    widget = CoverageView()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.set_story(story)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_facts(view: CoverageView) -> list[str]:
    proxy = view.proxy
    return [proxy.data(proxy.index(r, 0), FACT_ID_ROLE) for r in range(proxy.rowCount())]


def marks(model: CoverageModel, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(FIRST, model.columnCount())]


def test_one_row_per_fact_and_one_column_per_outlet(view: CoverageView) -> None:
    model = view.model
    assert model.rowCount() == 4
    assert model.columnCount() == FIRST + 3
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(FIRST, FIRST + 3)]
    assert headers == ["Harbour Gazette", "River Times", "Daily Ledger"]
    assert shown_facts(view) == ["f1", "f2", "f3", "f4"]
    # The shared fact: three cells; its text is the first article's first sentence of it.
    assert marks(model, 0) == [STATED, STATED, STATED]
    assert model.index(0, CoverageModel.FACT).data() == "Bridge closes after crack found"
    assert model.index(0, CoverageModel.REACH).data() == "3 of 3"
    assert "River Times: Inspectors found a crack" in model.index(0, 0).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_an_outlet_that_words_a_fact_differently_has_its_own_mark(view: CoverageView) -> None:
    model = view.model
    assert marks(model, 1) == [DIFFERS, DIFFERS, STATED]
    tip = model.index(1, CoverageModel.FACT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Number differs: Harbour Gazette says “2 million”, River Times says “3 million”" in tip
    assert "words it differently" in model.index(1, FIRST).data(Qt.ItemDataRole.ToolTipRole)
    stated, differs = (model.index(1, c).data(Qt.ItemDataRole.BackgroundRole) for c in
                       (FIRST + 2, FIRST))  # fmt: skip
    assert stated.color() != differs.color()


def test_a_fact_one_outlet_alone_carries_stands_out(view: CoverageView) -> None:
    model = view.model
    assert marks(model, 2) == [STATED, "", ""]
    assert model.index(2, 0).data(ALONE_ROLE) is True
    assert model.index(0, 0).data(ALONE_ROLE) is False
    assert model.index(2, CoverageModel.REACH).data() == "Only in Harbour Gazette"
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "does not report" in model.index(2, FIRST + 1).data(Qt.ItemDataRole.ToolTipRole)


def test_the_only_one_outlet_filter_and_the_outlet_filter(view: CoverageView) -> None:
    view.alone_box.click()
    assert shown_facts(view) == ["f3", "f4"]
    assert view.status.text().startswith("Showing 2 of 4 facts")
    view.set_outlet("a1")
    assert shown_facts(view) == ["f3"]
    view.alone_box.click()
    assert shown_facts(view) == ["f1", "f2", "f3"]
    view.set_outlet("a3")
    assert shown_facts(view) == ["f1", "f2"]
    view.set_outlet(None)
    assert shown_facts(view) == ["f1", "f2", "f3", "f4"]
    assert view.status.text().startswith("4 facts across 3 outlets, 2 carried by all, 2 by one")


def test_order_of_appearance_puts_an_early_fact_first(view: CoverageView) -> None:
    view.order_box.setCurrentIndex(view.order_box.findData("appearance"))
    # The closure opens the Gazette (its headline); the detour opens the Times' body.
    assert shown_facts(view) == ["f1", "f4", "f2", "f3"]
    view.order_box.setCurrentIndex(view.order_box.findData("reach"))
    assert shown_facts(view) == ["f1", "f2", "f3", "f4"]


def _cell(view: CoverageView, fact: str, column: int) -> QModelIndex:
    row = shown_facts(view).index(fact)
    return view.proxy.index(row, column)


def test_clicking_a_cell_asks_for_that_outlet_and_another_that_states_the_fact(
    qtbot: Any, view: CoverageView
) -> None:
    table = view.table
    cases = [
        (("f2", FIRST + 2), ["a3", "a1", "f2"]),  # the Ledger beside the first other one
        (("f3", FIRST), ["a1", "a2", "f3"]),  # alone: beside the next outlet
        (("f3", FIRST + 2), ["a3", "a1", "f3"]),  # left out: beside the one that states it
        (("f4", CoverageModel.FACT), ["a2", "a3", "f4"]),  # the fact: its first outlet
    ]
    for (fact, column), expected in cases:
        rect = table.visualRect(_cell(view, fact, column))
        with qtbot.waitSignal(view.openPair, timeout=1000) as blocker:
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert blocker.args == expected


def test_enter_on_a_cell_opens_it_and_the_arrows_move(qtbot: Any, view: CoverageView) -> None:
    table = view.table
    table.setFocus()
    assert table.currentIndex() == view.proxy.index(0, FIRST)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, FIRST + 1)
    with qtbot.waitSignal(view.openPair, timeout=1000) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == ["a2", "a1", "f2"]


def test_pair_for_needs_two_articles_and_a_known_fact(story: Story) -> None:
    assert pair_for(story, "a1", "f9") is None
    alone = Story("one", story.articles[:1], story.facts[2:3])
    assert pair_for(alone, "a1", "f3") is None


@pytest.mark.parametrize("palette", [_light_palette, _dark_palette])
def test_cells_stay_readable_in_light_and_dark_windows(palette: Any) -> None:
    colours = StoryColours.from_palette(palette())
    for background in (colours.stated, colours.differs, colours.alone):
        assert contrast(background, colours.text) >= 4.5
    assert colours.stated != colours.differs != colours.alone


def test_an_empty_view_says_so(qtbot: Any) -> None:
    widget = CoverageView()
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0
    assert not widget.outlet_box.isEnabled()
    assert widget.status.text() == "No story open."
