"""The reader's dockable sidebar: who appears in the story, how they reacted, what was repaired.

Six dock widgets, tabified on the right of the main window: **Actors** (kind, mentions per
article, who appears in one outlet only), **Reactions** (actor, outlet, cue, stance, quote),
**Repairs** (the characters removed from each article, with a toggle to show them in place),
**Sourcing** (whom each outlet lets speak, named or not, and how often it quotes them) and
**Only in One** (every sentence only one outlet carries) and **Decisions** (the pairs the
journalist pinned or rejected, each restorable, and their notes, editable).
Each is a view over an item model of :mod:`parallax.ui.models` behind a filtering proxy, so a
comparison with hundreds of actors is one model reset.

The sidebar never changes a comparison. Renaming, merging and deleting an actor are requests
(:attr:`Sidebar.renameRequested`, ...): the window applies them with the pure functions of
:mod:`parallax.core.actors`, saves the correction and calls :meth:`Sidebar.set_comparison`
with the result, which keeps the selection (and every filter) when the actors still exist.

One module per class:

- :mod:`.sidebar`: :class:`Sidebar`, the three docks and the signals the window listens to.
- :mod:`.panel`: :class:`~.panel.Panel`, what the three lists share (filter bar, list,
  placeholder, status line).
- :mod:`.actors`, :mod:`.reactions`, :mod:`.repairs`, :mod:`.sourcing`, :mod:`.unique`,
  :mod:`.decisions`: the six panels.
- :mod:`.row_tracker`, :mod:`.middle_elide`, :mod:`.context_delegate`: acting on the row the
  user moves to; eliding outlet names in the middle; painting a repair's context.
"""

from __future__ import annotations

from parallax.ui.sidebar.actors import ACTORS_SKIPPED, FINDING_ACTORS, NO_ACTORS, ActorsPanel
from parallax.ui.sidebar.decisions import NO_DECISIONS, DecisionsPanel
from parallax.ui.sidebar.panel import NO_COMPARISON
from parallax.ui.sidebar.reactions import (
    FINDING_REACTIONS,
    NO_REACTIONS,
    REACTIONS_SKIPPED,
    ReactionsPanel,
)
from parallax.ui.sidebar.repairs import NO_COMPARISON_REPAIRS, NO_REPAIRS, RepairsPanel
from parallax.ui.sidebar.sidebar import Sidebar
from parallax.ui.sidebar.sourcing import NO_COMPARISON_SOURCES, NO_SOURCES, SourcingPanel

__all__ = [
    "ACTORS_SKIPPED",
    "FINDING_ACTORS",
    "FINDING_REACTIONS",
    "NO_ACTORS",
    "NO_COMPARISON",
    "NO_COMPARISON_REPAIRS",
    "NO_COMPARISON_SOURCES",
    "NO_DECISIONS",
    "NO_REACTIONS",
    "NO_REPAIRS",
    "NO_SOURCES",
    "REACTIONS_SKIPPED",
    "ActorsPanel",
    "DecisionsPanel",
    "ReactionsPanel",
    "RepairsPanel",
    "Sidebar",
    "SourcingPanel",
]
