"""The Reactions panel: its columns, clicking a reaction, filtering by outlet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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


def _renamed(comparison: Comparison, actor_id: str, name: str) -> Comparison:
    from dataclasses import replace

    actors = tuple(replace(a, name=name) if a.id == actor_id else a for a in comparison.actors)
    return replace(comparison, actors=actors)


def test_the_detail_pane_reads_the_chosen_reaction_in_full(
    sidebar: Sidebar, qtbot: Any, comparison: Comparison
) -> None:
    show_dock(sidebar, 1, qtbot)
    panel = sidebar.reactions
    view = panel.view
    model = view.model()
    assert "Choose a reaction" in panel.detail.text()
    row = max(
        range(model.rowCount()),
        key=lambda r: len(model.index(r, ReactionsModel.QUOTE).data()),
    )
    click_row(qtbot, view, row)
    reaction = next(
        r
        for r in comparison.reactions
        if (r.side, r.sentence, r.actor)
        == tuple(model.index(row, 0).data(role) for role in (SIDE_ROLE, INDEX_ROLE, ACTOR_ID_ROLE))
    )
    shown = panel.detail.text()
    said = reaction.quote or " ".join(reaction.text.split())
    assert said.replace("'", "&#x27;") in shown or said in shown
    assert by_id(comparison, reaction.actor).name in shown and reaction.stance in shown
    assert f"sentence {reaction.sentence + 1}" in shown
    # The pane is on screen under the list and tall enough for its text, none of it cut.
    assert panel.detail.isVisible()
    QApplication.processEvents()  # the layout gives the pane its new height
    assert panel.detail.height() >= panel.detail.heightForWidth(panel.detail.width())


def test_the_quote_column_stays_on_screen_and_the_actor_column_fits_the_names(
    sidebar: Sidebar, qtbot: Any, comparison: Comparison
) -> None:
    reacting = next(r.actor for r in comparison.reactions)
    sidebar.set_comparison(_renamed(comparison, reacting, "Donald J. Trump"))
    show_dock(sidebar, 1, qtbot)
    view = sidebar.reactions.view
    header = view.header()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    quote_left = header.sectionViewportPosition(ReactionsModel.QUOTE)
    visible = view.viewport().width() - quote_left
    assert quote_left >= 0 and visible >= 80  # the Quote column is there to read
    assert (
        header.sectionViewportPosition(ReactionsModel.QUOTE)
        + header.sectionSize(ReactionsModel.QUOTE)
        <= view.viewport().width()
    )  # and not off the right edge
    name_width = view.fontMetrics().horizontalAdvance("Donald J. Trump")
    assert header.sectionSize(ReactionsModel.ACTOR) >= name_width + 24  # not "Donald J. Tru…"
