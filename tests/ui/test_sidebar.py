"""The sidebar: Actors, Reactions and Repairs docks driven through real widgets and signals.

One real comparison of the sample pair is built per module (spaCy is loaded once per session);
each test gets a fresh window and sidebar.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox, QTextEdit, QTreeView

from parallax.core.actors import delete_actor, merge_actors, rename_actor
from parallax.core.ingest import read_path
from parallax.core.model import Actor, Comparison, Document, Mention, Reaction, Repair
from parallax.core.pipeline import compare
from parallax.ui.models import (
    ACTOR_ID_ROLE,
    INDEX_ROLE,
    SIDE_ROLE,
    ActorsModel,
    ReactionsModel,
    RepairsModel,
    describe_characters,
    outlet_labels,
    presence_of,
    repair_context,
    visible_characters,
)
from parallax.ui.sidebar import FINDING_ACTORS, NO_REPAIRS, Sidebar
from parallax.ui.theme import theme_for

# ---------------------------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def comparison(recognizer: Any, sample_paths: Any) -> Comparison:
    left, right = (read_path(p) for p in sample_paths)
    return compare(left, right, recognizer=recognizer)


@pytest.fixture
def window(qtbot: Any) -> Iterator[QMainWindow]:
    win = QMainWindow()
    win.setCentralWidget(QTextEdit())
    win.resize(1400, 900)
    qtbot.addWidget(win)
    yield win


@pytest.fixture
def sidebar(window: QMainWindow, qtbot: Any, comparison: Comparison) -> Sidebar:
    bar = Sidebar(window)
    bar.set_comparison(comparison)
    window.show()
    qtbot.waitExposed(window)
    return bar


def actor_ids(view: QTreeView) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data(ACTOR_ID_ROLE) for r in range(model.rowCount())]


def proxy_row_of(view: QTreeView, role: int, value: object) -> int:
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data(role) == value:
            return r
    raise AssertionError(f"no row with {value!r}")


def click_row(qtbot: Any, view: QTreeView, row: int, *, modifier: Any = None) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    mods = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, mods, center)


def show_dock(sidebar: Sidebar, i: int, qtbot: Any) -> None:
    dock = sidebar.docks()[i]
    dock.raise_()
    qtbot.waitUntil(lambda: dock.widget().isVisible())


def by_id(comparison: Comparison, actor_id: str) -> Actor:
    return next(a for a in comparison.actors if a.id == actor_id)


PUTIN = "person:vladimir-putin"
KIM = "person:kim-jong-un"
KCNA = "organization:korean-central-news-agency"


# ---------------------------------------------------------------------------------------------
# Docks
# ---------------------------------------------------------------------------------------------


def test_three_docks_tabified_on_the_right_and_restorable(
    sidebar: Sidebar, window: QMainWindow
) -> None:
    docks = sidebar.docks()
    assert [d.objectName() for d in docks] == ["actorsDock", "reactionsDock", "repairsDock"]
    for dock in docks:
        assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert set(window.tabifiedDockWidgets(docks[0])) == {docks[1], docks[2]}
    state = window.saveState()
    window.removeDockWidget(docks[2])
    assert window.restoreState(state)
    assert not docks[2].isHidden()


def test_counts_in_dock_titles(sidebar: Sidebar, comparison: Comparison) -> None:
    repairs = len(comparison.left.repairs) + len(comparison.right.repairs)
    assert [d.windowTitle() for d in sidebar.docks()] == [
        f"Actors ({len(comparison.actors)})",
        f"Reactions ({len(comparison.reactions)})",
        f"Repairs ({repairs})",
    ]
    # The View menu entry stays a plain name.
    assert sidebar.docks()[0].toggleViewAction().text() == "Actors"


def test_row_counts_match_the_comparison(sidebar: Sidebar, comparison: Comparison) -> None:
    assert sidebar.actors.view.model().rowCount() == len(comparison.actors) > 20
    assert sidebar.reactions.view.model().rowCount() == len(comparison.reactions) > 20
    assert sidebar.repairs.view.model().rowCount() == 20  # the damaged article's junk glyphs
    for panel in (sidebar.actors, sidebar.reactions, sidebar.repairs):
        assert panel.placeholder_text() is None


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


# ---------------------------------------------------------------------------------------------
# Repairs
# ---------------------------------------------------------------------------------------------


def test_repairs_show_the_removed_glyph_its_code_point_and_context(
    sidebar: Sidebar, comparison: Comparison
) -> None:
    model = sidebar.repairs.view.model()
    first = comparison.right.repairs[0]
    assert first.original == "꧃"
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells == [
        outlet_labels(comparison)["right"],
        "꧃",
        cells[RepairsModel.CONTEXT],
        "U+A9C3 JAVANESE PADA ANDAP",
        "junk-glyph",
    ]
    before, _, after = cells[RepairsModel.CONTEXT].partition("⟦꧃⟧")
    assert before.endswith("Putin a") and after.startswith("nd North")  # inside "and"
    assert "⟦" not in after
    summary = sidebar.repairs.summary.text()
    assert "clean" in summary and "<b>20</b> repaired" in summary


def test_clicking_a_repair_asks_to_scroll_to_it(sidebar: Sidebar, qtbot: Any) -> None:
    show_dock(sidebar, 2, qtbot)
    view = sidebar.repairs.view
    with qtbot.waitSignal(sidebar.repairActivated) as blocker:
        click_row(qtbot, view, 3)
    assert blocker.args == ["right", 3]


def test_show_original_toggle(sidebar: Sidebar, qtbot: Any) -> None:
    show_dock(sidebar, 2, qtbot)
    box = sidebar.repairs.show_original
    with qtbot.waitSignal(sidebar.showOriginalChanged) as blocker:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert blocker.args == [True]
    assert sidebar.show_original()
    with qtbot.waitSignal(sidebar.showOriginalChanged) as blocker:
        sidebar.set_show_original(False)
    assert blocker.args == [False]


def test_clean_pair_says_so_and_keeps_the_toggle(sidebar: Sidebar, comparison: Comparison) -> None:
    clean = replace(comparison, right=replace(comparison.right, repairs=()))
    sidebar.set_comparison(clean)
    assert sidebar.repairs.placeholder_text() == NO_REPAIRS
    assert sidebar.docks()[2].windowTitle() == "Repairs (0)"
    assert not sidebar.repairs.show_original.isHidden()


def test_repair_side_filter_on_the_clean_article(sidebar: Sidebar, comparison: Comparison) -> None:
    sidebar.repairs.side_filter.setCurrentIndex(1)
    text = sidebar.repairs.placeholder_text()
    assert text is not None and "its text was clean" in text
    sidebar.repairs.placeholder.linkActivated.emit("clear")
    assert sidebar.repairs.view.model().rowCount() == 20


# ---------------------------------------------------------------------------------------------
# Busy, skipped and empty states
# ---------------------------------------------------------------------------------------------


def test_busy_shows_finding_actors_and_keeps_the_selection_for_later(
    sidebar: Sidebar, qtbot: Any, comparison: Comparison
) -> None:
    sidebar.select_actor(PUTIN)
    linked = replace(comparison, actors=(), reactions=(), skipped=("actors", "reactions"))
    with qtbot.assertNotEmitted(sidebar.actorActivated):
        sidebar.set_comparison(linked, busy=True)
    assert sidebar.actors.placeholder_text() == FINDING_ACTORS
    assert "Finding actors" in (sidebar.reactions.placeholder_text() or "")
    assert sidebar.actors.bar.isHidden()  # no filters over an empty list
    assert sidebar.repairs.view.model().rowCount() == 20  # repairs are known already
    assert [d.windowTitle() for d in sidebar.docks()] == ["Actors", "Reactions", "Repairs (20)"]
    with qtbot.assertNotEmitted(sidebar.actorActivated):
        sidebar.set_comparison(comparison)
    assert sidebar.actors.placeholder_text() is None
    assert sidebar.actors.selected_ids() == [PUTIN]
    assert sidebar.reactions.actor() == PUTIN


def test_skipped_recognition_is_reported_not_shown_as_empty(
    sidebar: Sidebar, comparison: Comparison
) -> None:
    linked = replace(comparison, actors=(), reactions=(), skipped=("actors", "reactions"))
    sidebar.set_comparison(linked)
    assert "not looked for" in (sidebar.actors.placeholder_text() or "")
    assert "not looked for" in (sidebar.reactions.placeholder_text() or "")
    sidebar.set_comparison(replace(comparison, actors=(), reactions=()))
    assert "No actors found" in (sidebar.actors.placeholder_text() or "")
    assert "No reactions found" in (sidebar.reactions.placeholder_text() or "")


def test_no_comparison(sidebar: Sidebar, qtbot: Any) -> None:
    sidebar.select_actor(KIM)
    sidebar.actors._announce(KIM)  # as if the user had chosen it
    with qtbot.waitSignal(sidebar.actorActivated) as blocker:
        sidebar.set_comparison(None)
    assert blocker.args == [""]
    for panel in (sidebar.actors, sidebar.reactions, sidebar.repairs):
        assert "No comparison open" in (panel.placeholder_text() or "")
        assert panel.view.model().rowCount() == 0
    assert [d.windowTitle() for d in sidebar.docks()] == ["Actors", "Reactions", "Repairs"]
    assert not sidebar.repairs.show_original.isEnabled()


# ---------------------------------------------------------------------------------------------
# Theme
# ---------------------------------------------------------------------------------------------


def test_theme_colours_stance_and_removed_characters(sidebar: Sidebar) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1E1F22"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#E6E6E6"))
    dark = theme_for(palette)
    sidebar.set_theme(dark)
    repairs = sidebar.repairs.view.model()
    color = repairs.index(0, RepairsModel.REMOVED).data(Qt.ItemDataRole.ForegroundRole)
    assert QColor(color) == dark.repair
    reactions = sidebar.reactions.view.model()
    stances = {
        reactions.index(r, ReactionsModel.STANCE).data(): reactions.index(
            r, ReactionsModel.STANCE
        ).data(Qt.ItemDataRole.ForegroundRole)
        for r in range(reactions.rowCount())
    }
    assert QColor(stances["○ neutral"]) == dark.muted_text
    assert QColor(stances["+ positive"]) != QColor(stances["− negative"])
    assert QColor(stances["+ positive"]).lightnessF() > 0.5  # legible on a dark base


# ---------------------------------------------------------------------------------------------
# Scale
# ---------------------------------------------------------------------------------------------


def _large(n_actors: int = 300, n_reactions: int = 1000) -> Comparison:
    text = "Someone said something. " * 50
    doc = Document(original=text, text=text, source="Wire")
    kinds = ("person", "country", "organization", "place", "group")
    actors = tuple(
        Actor(
            f"a{i}",
            f"Actor {i}",
            kinds[i % 5],  # type: ignore[arg-type]
            (f"Alias {i}",),
            tuple(
                Mention("left" if (i + j) % 3 else "right", j, 0, 7, "Someone")
                for j in range(1 + i % 4)
            ),
        )
        for i in range(n_actors)
    )
    reactions = tuple(
        Reaction(
            f"a{i % n_actors}",
            "left" if i % 2 else "right",
            i % 50,
            "said",
            "neutral",
            None,
            "Someone said something.",
        )
        for i in range(n_reactions)
    )
    return Comparison(left=doc, right=doc, actors=actors, reactions=reactions)


def test_hundreds_of_actors_and_a_thousand_reactions(sidebar: Sidebar, qtbot: Any) -> None:
    big = _large()
    started = time.perf_counter()
    sidebar.set_comparison(big)
    qtbot.wait(1)  # let the views lay out and paint
    elapsed = time.perf_counter() - started
    assert sidebar.actors.view.model().rowCount() == 300
    assert sidebar.reactions.view.model().rowCount() == 1000
    # Same outlet on both sides: the rows still tell them apart.
    assert set(outlet_labels(big).values()) == {"Wire (left)", "Wire (right)"}
    sidebar.actors.search.setText("alias 29")
    assert len(actor_ids(sidebar.actors.view)) == 13  # 29, 129, 229 and 290-299
    print(f"set_comparison with 300 actors / 1,000 reactions: {elapsed * 1000:.0f} ms")


# ---------------------------------------------------------------------------------------------
# Helpers of the models (plain functions)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("꧃", "꧃"),
        ("\u200b", "⟨U+200B⟩"),
        ("\u202e", "⟨U+202E⟩"),
        ("\u0e4a", "◌\u0e4a"),  # a combining mark, on a dotted circle
        ("a b", "a b"),
        ("\u00a0", "⟨U+00A0⟩"),
    ],
)
def test_visible_characters(text: str, shown: str) -> None:
    assert visible_characters(text) == shown


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("꧃", "U+A9C3 JAVANESE PADA ANDAP"),
        ("𝓀", "U+1D4C0 MATHEMATICAL SCRIPT SMALL K"),
        ("Ã©", "U+00C3 LATIN CAPITAL LETTER A WITH TILDE, U+00A9 COPYRIGHT SIGN"),
        ("", "(nothing)"),
    ],
)
def test_describe_characters(text: str, described: str) -> None:
    assert describe_characters(text) == described


@pytest.mark.parametrize(
    ("original", "start", "end", "expected"),
    [
        ("sign a꧃nd pact", 6, 7, ("sign a", "꧃", "nd pact")),
        (
            "one two three four five six se♎ven eight",
            30,
            31,
            ("…four five six se", "♎", "ven eight"),
        ),
        ("end.\n\nNext ♔ line", 11, 12, ("end. Next ", "♔", " line")),
    ],
)
def test_repair_context(original: str, start: int, end: int, expected: tuple[str, ...]) -> None:
    repair = Repair(start, end, original[start:end], "", "junk-glyph")
    assert repair_context(original, repair) == expected


def test_outlet_labels_fall_back_and_tell_sides_apart(comparison: Comparison) -> None:
    assert outlet_labels(None) == {"left": "Left", "right": "Right"}
    blank = Document(original="x", text="x")
    titled = Document(original="x", text="x", title="A  title")
    assert outlet_labels(Comparison(left=blank, right=titled)) == {
        "left": "Left",
        "right": "A title",
    }
    assert outlet_labels(Comparison(left=blank, right=blank)) == {"left": "Left", "right": "Right"}
    same = Document(original="x", text="x", source="Reuters")
    assert outlet_labels(Comparison(left=same, right=same)) == {
        "left": "Reuters (left)",
        "right": "Reuters (right)",
    }


def test_presence_of_every_sample_actor(comparison: Comparison) -> None:
    for actor in comparison.actors:
        sides = {m.side for m in actor.mentions}
        expected = "both" if len(sides) == 2 else next(iter(sides))
        assert presence_of(actor) == expected


def test_models_without_a_comparison_are_empty() -> None:
    for model in (ActorsModel(), ReactionsModel(), RepairsModel()):
        model.set_comparison(None)
        assert model.rowCount() == 0
        assert model.data(model.index(0, 0)) is None
        assert model.rowCount(model.index(0, 0)) == 0
        assert model.headerData(0, Qt.Orientation.Horizontal)
        assert model.data(QModelIndex()) is None
