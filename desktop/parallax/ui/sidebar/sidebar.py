"""The sidebar itself: the Actors, Reactions, Repairs, Sourcing, Only in One and Decisions
panels, in docks of the window.

:class:`Sidebar` relays the panels' signals to the window and keeps them in step (an
actor chosen in Actors filters Reactions; the dock titles count the rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

from parallax.core.model import Comparison
from parallax.ui.sidebar.actors import ActorsPanel
from parallax.ui.sidebar.decisions import DecisionsPanel
from parallax.ui.sidebar.reactions import ReactionsPanel
from parallax.ui.sidebar.repairs import RepairsPanel
from parallax.ui.sidebar.sourcing import SourcingPanel
from parallax.ui.sidebar.unique import UniquePanel
from parallax.ui.theme import Theme

if TYPE_CHECKING:
    from parallax.session import Decision, Note


class Sidebar(QObject):
    """Six dock widgets (Actors, Reactions, Repairs, Sourcing, Only in One, Decisions),
    tabified on the given QMainWindow's right dock area.

    Attributes:
        actors, reactions, repairs, sourcing, unique, decisions: The panels inside the docks
            (for tests and for the window's keyboard shortcuts).
    """

    #: An actor was selected or clicked: the window highlights its mentions in both panes
    #: (``""`` when the selection was cleared or the actor is gone).
    actorActivated = Signal(str)
    #: Side ("left"/"right") and sentence index of a reaction: the window scrolls to it.
    reactionActivated = Signal(str, int)
    #: Side and sentence index of a sentence only one outlet carries: the window reads it.
    sentenceActivated = Signal(str, int)
    #: Side and index into that Document's repairs: the window scrolls to it.
    repairActivated = Signal(str, int)
    #: The "Show original text" toggle of the Repairs panel.
    showOriginalChanged = Signal(bool)
    renameRequested = Signal(str, str)  # actor id, new name
    mergeRequested = Signal(list)  # actor ids, the first is kept
    deleteRequested = Signal(str)  # actor id
    #: Take back the pin or rejection of (left sentence, right sentence).
    restoreRequested = Signal(int, int)
    editNoteRequested = Signal(int)  # note id
    deleteNoteRequested = Signal(int)  # note id
    noteActorRequested = Signal(str)  # write a note on this actor (its id)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.actors = ActorsPanel()
        self.reactions = ReactionsPanel()
        self.repairs = RepairsPanel()
        self.sourcing = SourcingPanel()
        self.unique = UniquePanel()
        self.decisions = DecisionsPanel()
        self._docks: list[QDockWidget] = []
        for title, name, panel in (
            ("Actors", "actorsDock", self.actors),
            ("Reactions", "reactionsDock", self.reactions),
            ("Repairs", "repairsDock", self.repairs),
            ("Sourcing", "sourcingDock", self.sourcing),
            ("Only in One", "uniqueDock", self.unique),
            ("Decisions", "decisionsDock", self.decisions),
        ):
            dock = QDockWidget(title, window)
            dock.setObjectName(name)
            dock.setWidget(panel)
            dock.setAllowedAreas(
                Qt.DockWidgetArea.LeftDockWidgetArea
                | Qt.DockWidgetArea.RightDockWidgetArea
                | Qt.DockWidgetArea.BottomDockWidgetArea
            )
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self._docks.append(dock)
        first = self._docks[0]
        for dock in self._docks[1:]:
            window.tabifyDockWidget(first, dock)
        first.raise_()

        self.actors.activated.connect(self._actor_activated)
        self.actors.renameRequested.connect(self.renameRequested)
        self.actors.mergeRequested.connect(self.mergeRequested)
        self.actors.deleteRequested.connect(self.deleteRequested)
        self.actors.reactionsRequested.connect(self.show_reactions_of)
        self.actors.noteRequested.connect(self.noteActorRequested)
        self.reactions.activated.connect(self.reactionActivated)
        self.repairs.activated.connect(self.repairActivated)
        self.sourcing.activated.connect(self.show_reactions_of)
        self.unique.activated.connect(self.sentenceActivated)
        self.repairs.showOriginalChanged.connect(self.showOriginalChanged)
        self.decisions.restoreRequested.connect(self.restoreRequested)
        self.decisions.editNoteRequested.connect(self.editNoteRequested)
        self.decisions.deleteNoteRequested.connect(self.deleteNoteRequested)
        self.decisions.sentenceActivated.connect(self.sentenceActivated)
        self.decisions.actorActivated.connect(self._note_actor_activated)
        self._comparison: Comparison | None = None
        self._busy = False
        self._update_titles()

    def tidy_tabs(self) -> None:
        """Show the docks' tab titles whole: a tab bar too narrow for them scrolls instead of
        cutting every title short."""
        for bar in self._window.findChildren(QTabBar):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
            bar.setExpanding(False)

    def docks(self) -> list[QDockWidget]:
        """The Actors, Reactions, Repairs, Sourcing, Only in One and Decisions docks (their
        toggle actions go in a View menu)."""
        return list(self._docks)

    def comparison(self) -> Comparison | None:
        """The comparison shown."""
        return self._comparison

    def set_comparison(self, comparison: Comparison | None, *, busy: bool = False) -> None:
        """Show ``comparison`` (None: nothing open).

        ``busy``: the actors are still being found; Actors and Reactions say so, Repairs is
        complete already, and the selection is remembered until the actors arrive.

        Selections and filters are kept for actors that still exist, without a signal: the
        window keeps highlighting the actor it was last given. Only when that actor is gone
        (deleted, merged into another, or not in the new comparison) does ``actorActivated``
        say so, with the actor now current or ``""``.
        """
        self._comparison = comparison
        self._busy = busy
        self.reactions.set_comparison(comparison, busy=busy)
        self.repairs.set_comparison(comparison)
        self.sourcing.set_comparison(comparison, busy=busy)
        self.unique.set_comparison(comparison)
        self.actors.set_comparison(comparison, busy=busy)  # may announce a vanished actor
        # The notes' labels name actors and sentences as this comparison has them (a rename).
        self.decisions.set_annotations(comparison, self.decisions.decisions, self.decisions.notes)
        self._update_titles()

    def set_annotations(self, decisions: Sequence[Decision], notes: Sequence[Note]) -> None:
        """List the pair's decisions and the comparison's notes in the Decisions panel."""
        self.decisions.set_annotations(self._comparison, decisions, notes)
        self._update_titles()

    def select_actor(self, actor_id: str | None) -> None:
        """Select an actor (None: none) as if chosen in the list, without emitting
        ``actorActivated`` (the caller knows); the reactions follow it."""
        self.actors.select(actor_id)
        self.reactions.set_actor(actor_id)

    def show_reactions_of(self, actor_id: str) -> None:
        """Bring the Reactions dock to the front, listing one actor's reactions."""
        self.reactions.set_actor(actor_id)
        dock = self._docks[1]
        dock.show()
        dock.raise_()

    def show_original(self) -> bool:
        """Whether "Show original text" is on."""
        return self.repairs.show_original.isChecked()

    def set_show_original(self, on: bool) -> None:
        """Set the toggle (e.g. restored from settings); emits ``showOriginalChanged`` if it
        changes."""
        self.repairs.show_original.setChecked(on)

    def set_theme(self, theme: Theme) -> None:
        """Repaint the lists with the theme's colours."""
        for panel in (self.actors, self.reactions, self.repairs, self.sourcing, self.unique):
            panel.set_theme(theme)

    def _note_actor_activated(self, actor_id: str) -> None:
        """A note on an actor was activated: the actor chosen, as if in the Actors list."""
        self.select_actor(actor_id)
        self.actorActivated.emit(actor_id)

    def _actor_activated(self, actor_id: str) -> None:
        self.reactions.set_actor(actor_id or None)
        self.actorActivated.emit(actor_id)

    def _update_titles(self) -> None:
        c = self._comparison
        actors = len(c.actors) if c and not self._busy and "actors" not in c.skipped else None
        reactions = (
            len(c.reactions)
            if c and not self._busy and not {"actors", "reactions"} & set(c.skipped)
            else None
        )
        repairs = len(c.left.repairs) + len(c.right.repairs) if c else None
        sources = len(self.sourcing.model.sourcing().sources) if reactions is not None else None
        unique = self.unique.model.rowCount() if c else None
        decided = self.decisions.count() if c else None
        for dock, title, count in zip(
            self._docks,
            ("Actors", "Reactions", "Repairs", "Sourcing", "Only in One", "Decisions"),
            (actors, reactions, repairs, sources, unique, decided),
            strict=True,
        ):
            dock.setWindowTitle(title if count is None else f"{title} ({count})")
            dock.toggleViewAction().setText(title)
