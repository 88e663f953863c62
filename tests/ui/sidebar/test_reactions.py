"""The Reactions panel: its columns, clicking a reaction, filtering by outlet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from parallax.core.model import Comparison
from parallax.ui.models import ACTOR_ID_ROLE, INDEX_ROLE, SIDE_ROLE, ReactionsModel, outlet_labels
from parallax.ui.sidebar import Sidebar
from tests.ui.sidebar.helpers import by_id, click_row, show_dock

# ---------------------------------------------------------------------------------------------
# Reactions
# ---------------------------------------------------------------------------------------------


def test_reaction_columns_show_outlet_stance_word_and_quote(
    sidebar: Sidebar, comparison: Comparison
) -> None:
    model = sidebar.reactions.view.model()
    labels = outlet_labels(comparison)
    for row in range(model.rowCount()):
        reaction = next(
            r
            for r in comparison.reactions
            if r.side == model.index(row, 0).data(SIDE_ROLE)
            and r.sentence == model.index(row, 0).data(INDEX_ROLE)
            and r.actor == model.index(row, 0).data(ACTOR_ID_ROLE)
        )
        cells = [model.index(row, c).data() for c in range(model.columnCount())]
        assert cells[0] == by_id(comparison, reaction.actor).name
        assert cells[1] == labels[reaction.side]
        assert cells[2] == reaction.cue
        assert cells[3] == {"positive": "+ positive", "negative": "− negative"}.get(
            reaction.stance, "○ neutral"
        )
        if reaction.quote:
            assert cells[4] == f"“{reaction.quote}”"
        tip = model.index(row, ReactionsModel.QUOTE).data(Qt.ItemDataRole.ToolTipRole)
        assert reaction.cue in tip


def test_clicking_a_reaction_asks_to_scroll_to_its_sentence(
    sidebar: Sidebar, qtbot: Any, comparison: Comparison
) -> None:
    show_dock(sidebar, 1, qtbot)
    view = sidebar.reactions.view
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(SIDE_ROLE) == "right")
    side, sentence = model.index(row, 0).data(SIDE_ROLE), model.index(row, 0).data(INDEX_ROLE)
    with qtbot.waitSignal(sidebar.reactionActivated) as blocker:
        click_row(qtbot, view, row)
    assert blocker.args == [side, sentence]
    with qtbot.waitSignal(sidebar.reactionActivated) as blocker:
        click_row(qtbot, view, row)  # again, after scrolling the pane away
    assert blocker.args == [side, sentence]
    nxt = model.index(row + 1, 0)
    with qtbot.waitSignal(sidebar.reactionActivated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == [nxt.data(SIDE_ROLE), nxt.data(INDEX_ROLE)]


def test_reactions_filter_by_side(sidebar: Sidebar, comparison: Comparison) -> None:
    panel = sidebar.reactions
    panel.side_filter.setCurrentIndex(2)
    model = panel.view.model()
    assert model.rowCount() == sum(r.side == "right" for r in comparison.reactions)
    assert {model.index(r, 0).data(SIDE_ROLE) for r in range(model.rowCount())} == {"right"}
    assert panel.side_filter.currentText() == outlet_labels(comparison)["right"]
