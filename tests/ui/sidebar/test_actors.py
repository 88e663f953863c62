"""The Actors panel: columns, order, filters, activation, and corrections as requests."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from parallax.core.actors import delete_actor, merge_actors, rename_actor
from parallax.core.model import Comparison
from parallax.ui.models import ACTOR_ID_ROLE, ActorsModel
from parallax.ui.sidebar import Sidebar
from tests.ui.sidebar.helpers import KCNA, KIM, PUTIN, actor_ids, by_id, click_row, proxy_row_of

# ---------------------------------------------------------------------------------------------
# Actors: columns, order, filters
# ---------------------------------------------------------------------------------------------


def test_actor_columns_counts_presence_and_aliases(
    sidebar: Sidebar, comparison: Comparison
) -> None:
    view = sidebar.actors.view
    model = view.model()
    kcna = proxy_row_of(view, ACTOR_ID_ROLE, KCNA)
    cells = [model.index(kcna, c).data() for c in range(model.columnCount())]
    assert cells == ["Korean Central News Agency", "organization", "0", "4", "right only"]
    assert "KCNA" in model.index(kcna, ActorsModel.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert not model.index(kcna, ActorsModel.KIND).data(Qt.ItemDataRole.DecorationRole).isNull()
    both = proxy_row_of(view, ACTOR_ID_ROLE, PUTIN)
    assert model.index(both, ActorsModel.PRESENCE).data() == "both"
    putin = by_id(comparison, PUTIN)
    left = sum(m.side == "left" for m in putin.mentions)
    assert model.index(both, ActorsModel.LEFT).data() == str(left)
    assert model.index(both, ActorsModel.RIGHT).data() == str(len(putin.mentions) - left)


def test_default_order_is_the_comparisons_and_sorting_can_be_cleared(
    sidebar: Sidebar, comparison: Comparison
) -> None:
    view = sidebar.actors.view
    expected = [a.id for a in comparison.actors]
    assert actor_ids(view) == expected
    view.sortByColumn(ActorsModel.NAME, Qt.SortOrder.AscendingOrder)
    names = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert names == sorted(names, key=str.casefold)
    view.sortByColumn(ActorsModel.RIGHT, Qt.SortOrder.DescendingOrder)
    rights = [int(view.model().index(r, ActorsModel.RIGHT).data()) for r in range(len(names))]
    assert rights == sorted(rights, reverse=True)
    view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    assert actor_ids(view) == expected


@pytest.mark.parametrize(("choice", "presence"), [(1, "both"), (2, "left"), (3, "right")])
def test_presence_filter_shows_exactly_the_one_outlet_actors(
    sidebar: Sidebar, comparison: Comparison, choice: int, presence: str
) -> None:
    sidebar.actors.presence.setCurrentIndex(choice)
    sides = {"both": {"left", "right"}, "left": {"left"}, "right": {"right"}}[presence]
    expected = [a.id for a in comparison.actors if {m.side for m in a.mentions} == sides]
    assert expected  # the sample pair has actors of every kind of presence
    assert actor_ids(sidebar.actors.view) == expected
    assert f"{len(expected)} of {len(comparison.actors)} actors shown" in (
        sidebar.actors.status.text()
    )


def test_search_matches_names_and_aliases(sidebar: Sidebar, qtbot: Any) -> None:
    panel = sidebar.actors
    qtbot.keyClicks(panel.search, "pyongyang")
    assert actor_ids(panel.view) == ["country:north-korea"]
    panel.search.setText("kcna")
    assert actor_ids(panel.view) == [KCNA]
    panel.search.setText("jong kim")  # every word, any order
    assert actor_ids(panel.view) == [KIM]


def test_no_match_shows_a_placeholder_with_a_way_back(
    sidebar: Sidebar, comparison: Comparison
) -> None:
    panel = sidebar.actors
    panel.search.setText("zzz nobody")
    assert "No actor matches" in (panel.placeholder_text() or "")
    panel.placeholder.linkActivated.emit("clear")
    assert panel.search.text() == ""
    assert panel.view.model().rowCount() == len(comparison.actors)
    assert panel.placeholder_text() is None


# ---------------------------------------------------------------------------------------------
# Actors: activation
# ---------------------------------------------------------------------------------------------


def test_clicking_an_actor_activates_it_and_clicking_again_repeats(
    sidebar: Sidebar, qtbot: Any
) -> None:
    view = sidebar.actors.view
    row = proxy_row_of(view, ACTOR_ID_ROLE, PUTIN)
    with qtbot.waitSignal(sidebar.actorActivated) as blocker:
        click_row(qtbot, view, row)
    assert blocker.args == [PUTIN]
    with qtbot.waitSignal(sidebar.actorActivated) as blocker:
        click_row(qtbot, view, row)  # e.g. to bring its mentions back into view
    assert blocker.args == [PUTIN]
    with qtbot.waitSignal(sidebar.actorActivated) as blocker:
        view.clearSelection()
    assert blocker.args == [""]


def test_keyboard_moves_activate_the_next_actor(
    sidebar: Sidebar, qtbot: Any, comparison: Comparison
) -> None:
    view = sidebar.actors.view
    click_row(qtbot, view, 0)
    with qtbot.waitSignal(sidebar.actorActivated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == [comparison.actors[1].id]


def test_activating_an_actor_filters_its_reactions_until_cleared(
    sidebar: Sidebar, qtbot: Any, comparison: Comparison
) -> None:
    click_row(qtbot, sidebar.actors.view, proxy_row_of(sidebar.actors.view, ACTOR_ID_ROLE, PUTIN))
    reactions = sidebar.reactions
    shown = reactions.view.model()
    expected = [r for r in comparison.reactions if r.actor == PUTIN]
    assert shown.rowCount() == len(expected) > 1
    assert {shown.index(r, 0).data(ACTOR_ID_ROLE) for r in range(shown.rowCount())} == {PUTIN}
    assert reactions.actor() == PUTIN
    assert not reactions.clear_actor.isHidden()
    reactions.clear_actor.click()
    assert reactions.actor() is None
    assert shown.rowCount() == len(comparison.reactions)
    assert reactions.clear_actor.isHidden()


def test_an_actor_without_reactions_says_so(sidebar: Sidebar, qtbot: Any) -> None:
    actor = "country:ukraine"
    click_row(qtbot, sidebar.actors.view, proxy_row_of(sidebar.actors.view, ACTOR_ID_ROLE, actor))
    text = sidebar.reactions.placeholder_text()
    assert text is not None and "No reactions from Ukraine" in text
    sidebar.reactions.placeholder.linkActivated.emit("clear")
    assert sidebar.reactions.placeholder_text() is None


def test_select_actor_is_quiet_and_shows_a_filtered_out_actor(sidebar: Sidebar, qtbot: Any) -> None:
    panel = sidebar.actors
    panel.presence.setCurrentIndex(2)  # left only: Kim is in both
    assert KIM not in actor_ids(panel.view)
    with qtbot.assertNotEmitted(sidebar.actorActivated):
        sidebar.select_actor(KIM)
    assert panel.selected_ids() == [KIM]
    assert panel.presence.currentIndex() == 0
    assert sidebar.reactions.actor() == KIM
    with qtbot.assertNotEmitted(sidebar.actorActivated):
        sidebar.select_actor(None)
    assert panel.selected_ids() == []
    assert sidebar.reactions.actor() is None


# ---------------------------------------------------------------------------------------------
# Actors: corrections are requests
# ---------------------------------------------------------------------------------------------


def test_f2_asks_for_a_name_and_requests_the_rename(
    sidebar: Sidebar, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[Any, ...]] = []

    def get_text(*args: Any) -> tuple[str, bool]:
        asked.append(args)
        return "  Kim  Jong-un ", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    view = sidebar.actors.view
    click_row(qtbot, view, proxy_row_of(view, ACTOR_ID_ROLE, KIM))
    with qtbot.waitSignal(sidebar.renameRequested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_F2)
    assert blocker.args == [KIM, "Kim Jong-un"]
    assert asked[0][-1] == "Kim Jong Un"  # the field starts with the current name


@pytest.mark.parametrize("answer", [("Kim Jong Un", True), ("", True), ("Other", False)])
def test_rename_cancelled_or_unchanged_requests_nothing(
    sidebar: Sidebar, qtbot: Any, monkeypatch: pytest.MonkeyPatch, answer: tuple[str, bool]
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: answer)
    sidebar.select_actor(KIM)
    with qtbot.assertNotEmitted(sidebar.renameRequested):
        sidebar.actors.rename_action.trigger()


def test_merge_asks_which_actor_to_keep_and_puts_it_first(
    sidebar: Sidebar, qtbot: Any, monkeypatch: pytest.MonkeyPatch, comparison: Comparison
) -> None:
    offered: list[list[str]] = []

    def get_item(parent: Any, title: str, label: str, items: list[str], *rest: Any) -> Any:
        offered.append(items)
        return items[1], True  # the journalist keeps the second one

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    view = sidebar.actors.view
    panel = sidebar.actors
    click_row(qtbot, view, proxy_row_of(view, ACTOR_ID_ROLE, KCNA))
    assert not panel.merge_action.isEnabled()
    click_row(
        qtbot,
        view,
        proxy_row_of(view, ACTOR_ID_ROLE, "country:north-korea"),
        modifier=Qt.KeyboardModifier.ControlModifier,
    )
    assert set(panel.selected_ids()) == {KCNA, "country:north-korea"}
    menu = panel.context_menu()
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    assert enabled["Merge 2 actors…"] and not enabled["Rename…"]
    with qtbot.waitSignal(sidebar.mergeRequested) as blocker:
        panel.merge_action.trigger()
    # Offered most mentioned first; the chosen one (KCNA) comes first in the request.
    assert offered[0][0].startswith("North Korea")
    assert blocker.args == [[KCNA, "country:north-korea"]]


def test_merge_cancelled_requests_nothing(
    sidebar: Sidebar, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("", False))
    view = sidebar.actors.view
    view.selectAll()
    with qtbot.assertNotEmitted(sidebar.mergeRequested):
        sidebar.actors.merge_action.trigger()


def test_delete_key_confirms_then_requests(
    sidebar: Sidebar, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []

    def question(parent: Any, title: str, text: str, *rest: Any) -> Any:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    view = sidebar.actors.view
    click_row(qtbot, view, proxy_row_of(view, ACTOR_ID_ROLE, "group:experts"))
    with qtbot.waitSignal(sidebar.deleteRequested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert blocker.args == ["group:experts"]
    assert "experts" in questions[0]


def test_delete_cancelled_requests_nothing(
    sidebar: Sidebar, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    sidebar.select_actor("group:experts")
    with qtbot.assertNotEmitted(sidebar.deleteRequested):
        qtbot.keyClick(sidebar.actors.view, Qt.Key.Key_Delete)


def test_selection_and_filters_survive_an_applied_correction(
    sidebar: Sidebar, qtbot: Any, comparison: Comparison
) -> None:
    view = sidebar.actors.view
    sidebar.actors.search.setText("put")
    click_row(qtbot, view, proxy_row_of(view, ACTOR_ID_ROLE, PUTIN))
    renamed = rename_actor(comparison, PUTIN, "Vladimir V. Putin")
    with qtbot.assertNotEmitted(sidebar.actorActivated):
        sidebar.set_comparison(renamed)
    assert sidebar.actors.selected_ids() == [PUTIN]
    assert sidebar.actors.search.text() == "put"
    row = proxy_row_of(view, ACTOR_ID_ROLE, PUTIN)
    assert view.model().index(row, 0).data() == "Vladimir V. Putin"
    assert sidebar.reactions.actor() == PUTIN


def test_merged_actor_stays_selected_and_a_deleted_one_is_announced_gone(
    sidebar: Sidebar, qtbot: Any, comparison: Comparison
) -> None:
    view = sidebar.actors.view
    click_row(qtbot, view, proxy_row_of(view, ACTOR_ID_ROLE, KCNA))
    merged = merge_actors(comparison, [KCNA, "organization:reuters"])
    with qtbot.assertNotEmitted(sidebar.actorActivated):
        sidebar.set_comparison(merged)
    assert sidebar.actors.selected_ids() == [KCNA]
    assert view.model().rowCount() == len(comparison.actors) - 1
    with qtbot.waitSignal(sidebar.actorActivated) as blocker:
        sidebar.set_comparison(delete_actor(merged, KCNA))
    assert blocker.args == [""]
    assert sidebar.actors.selected_ids() == []
    assert sidebar.reactions.actor() is None
