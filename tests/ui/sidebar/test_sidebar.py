"""The sidebar as a whole: its docks, their titles, busy and empty states, theme and scale."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QMainWindow, QTabBar

from parallax.core.model import Actor, Comparison, Document, Mention, Reaction
from parallax.ui.models import ActorsModel, ReactionsModel, RepairsModel, outlet_labels
from parallax.ui.sidebar import FINDING_ACTORS, Sidebar
from parallax.ui.theme import theme_for
from tests.ui.sidebar.helpers import KIM, PUTIN, actor_ids

# ---------------------------------------------------------------------------------------------
# Docks
# ---------------------------------------------------------------------------------------------


def test_six_docks_tabified_on_the_right_and_restorable(
    sidebar: Sidebar, window: QMainWindow
) -> None:
    docks = sidebar.docks()
    assert [d.objectName() for d in docks] == [
        "actorsDock",
        "reactionsDock",
        "repairsDock",
        "sourcingDock",
        "uniqueDock",
        "decisionsDock",
    ]
    for dock in docks:
        assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert set(window.tabifiedDockWidgets(docks[0])) == set(docks[1:])
    state = window.saveState()
    window.removeDockWidget(docks[2])
    assert window.restoreState(state)
    assert not docks[2].isHidden()


def test_counts_in_dock_titles(sidebar: Sidebar, comparison: Comparison) -> None:
    repairs = len(comparison.left.repairs) + len(comparison.right.repairs)
    unique = sum(
        comparison.document(side).sentences[i].role == "body"
        for side in ("left", "right")
        for i in comparison.unlinked(side)
    )
    assert [d.windowTitle() for d in sidebar.docks()] == [
        f"Actors ({len(comparison.actors)})",
        f"Reactions ({len(comparison.reactions)})",
        f"Repairs ({repairs})",
        f"Sourcing ({len(comparison.sourcing().sources)})",
        f"Only in One ({unique})",
        "Decisions (0)",
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
    unique = sum(  # body sentences no link covers, known with the links
        comparison.document(side).sentences[i].role == "body"
        for side in ("left", "right")
        for i in comparison.unlinked(side)
    )
    assert unique > 10
    assert [d.windowTitle() for d in sidebar.docks()] == [
        "Actors",
        "Reactions",
        "Repairs (20)",
        "Sourcing",
        f"Only in One ({unique})",
        "Decisions (0)",
    ]
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
    for panel in (
        sidebar.actors,
        sidebar.reactions,
        sidebar.repairs,
        sidebar.sourcing,
        sidebar.unique,
    ):
        assert "No comparison open" in (panel.placeholder_text() or "")
        assert panel.view.model().rowCount() == 0
    assert [d.windowTitle() for d in sidebar.docks()] == [
        "Actors",
        "Reactions",
        "Repairs",
        "Sourcing",
        "Only in One",
        "Decisions",
    ]
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


def test_names_and_tab_titles_stay_whole_in_a_narrow_sidebar(
    sidebar: Sidebar, window: Any, comparison: Comparison, qtbot: Any
) -> None:
    window.resize(1024, 700)
    window.resizeDocks(sidebar.docks()[:1], [300], Qt.Orientation.Horizontal)
    sidebar.tidy_tabs()
    sidebar.set_comparison(comparison)
    view = sidebar.actors.view
    width = view.header().sectionSize(ActorsModel.NAME)
    fm = view.fontMetrics()
    for actor in comparison.actors:
        if fm.horizontalAdvance(actor.name) <= 110:  # a person's name, not a long agency's
            assert fm.horizontalAdvance(actor.name) + 16 <= width, actor.name
    bars = window.findChildren(QTabBar)
    assert bars and all(b.elideMode() == Qt.TextElideMode.ElideNone for b in bars)
