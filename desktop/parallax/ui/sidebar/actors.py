"""The Actors panel: who appears in the story, searchable, and the actor corrections.

Renaming, merging and deleting are requests (:attr:`ActorsPanel.renameRequested`, ...):
the panel asks the journalist, then signals; it never changes the comparison itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)

from parallax.core.model import Actor, Comparison, Side
from parallax.ui.models import ACTOR_ID_ROLE, ActorsModel, Presence, RowFilter
from parallax.ui.sidebar.panel import (
    CLEAR_LINK,
    NO_COMPARISON,
    Panel,
    content_width,
    enable_sorting,
    set_widths,
    skipped_note,
)

#: Placeholders. Rich text: some carry a link that clears the filters.
FINDING_ACTORS = "Finding actors…"
ACTORS_SKIPPED = "Actors were not looked for in this comparison."
NO_ACTORS = "No actors found: neither article names a person, country, organization or place."


class ActorsPanel(Panel):
    """The actors of the story, with search, a presence filter and the correction actions.

    Attributes:
        search: Filters by name or alias (every word typed must appear).
        presence: "All actors", "In both", "Left only", "Right only".
        rename_action, merge_action, delete_action, reactions_action, note_action: What the
            context menu and the keys (F2, Delete) trigger; enabled to suit the selection.
    """

    activated = Signal(str)
    renameRequested = Signal(str, str)
    mergeRequested = Signal(list)
    deleteRequested = Signal(str)
    reactionsRequested = Signal(str)
    #: Write a note on an actor (its id).
    noteRequested = Signal(str)

    model: ActorsModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ActorsModel(), parent)
        self.model.setParent(self)
        view = self.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.setAccessibleName("Actors")
        enable_sorting(view)
        m = ActorsModel
        set_widths(
            view,
            {m.KIND: "organization", m.LEFT: "Right", m.RIGHT: "Right", m.PRESENCE: "right only"},
        )
        view.header().resizeSection(m.KIND, view.header().sectionSize(m.KIND) + 20)

        self.search = QLineEdit(self.bar)
        self.search.setPlaceholderText("Filter by name or alias")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter actors")
        self.search.textChanged.connect(self._filters_changed)
        self.presence = QComboBox(self.bar)
        for text, value in (
            ("All actors", None),
            ("In both", "both"),
            ("Left only", "left"),
            ("Right only", "right"),
        ):
            self.presence.addItem(text, value)
        self.presence.setToolTip("Show the actors both outlets mention, or one only")
        self.presence.currentIndexChanged.connect(self._filters_changed)
        self.bar_layout.addWidget(self.search, 1)
        self.bar_layout.addWidget(self.presence)

        self.rename_action = QAction("Rename…", self)
        self.rename_action.setShortcut(Qt.Key.Key_F2)
        self.rename_action.triggered.connect(self.rename_selected)
        self.merge_action = QAction("Merge selected…", self)
        self.merge_action.triggered.connect(self.merge_selected)
        self.delete_action = QAction("Delete", self)
        self.delete_action.setShortcut(Qt.Key.Key_Delete)
        self.delete_action.triggered.connect(self.delete_selected)
        self.reactions_action = QAction("Show reactions", self)
        self.reactions_action.triggered.connect(self._show_reactions)
        self.note_action = QAction("Write a Note…", self)
        self.note_action.setStatusTip("A note of yours on this actor, kept in the library")
        self.note_action.triggered.connect(self._write_note)

        self._active = ""  # the actor last announced with `activated`
        self._at_press = ""
        self._quiet = False
        self._pending: list[str] = []  # selection kept while actors are being found
        self._pending_current = ""
        selection = view.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        selection.currentChanged.connect(self._selection_changed)
        selection.selectionChanged.connect(self._update_actions)
        view.clicked.connect(self._clicked)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        self._update_actions()
        self._show(NO_COMPARISON)

    # Data ---------------------------------------------------------------------------------

    def set_comparison(self, comparison: Comparison | None, *, busy: bool = False) -> None:
        """List the actors of ``comparison``, keeping the selection of those still there.

        While ``busy`` (actors are being found), the selection is remembered and restored
        when they arrive. When the announced actor is gone for good, ``activated("")`` says so.
        """
        selected, current = self.selected_ids(), self.current_id()
        if not selected and self._pending:
            selected, current = self._pending, self._pending_current
        self._quiet = True
        try:
            self.model.set_comparison(comparison)
            labels = self.model.labels()
            sides: tuple[tuple[int, Side], ...] = ((2, "left"), (3, "right"))
            for i, side in sides:
                self.presence.setItemData(
                    i, f"Actors mentioned only by {labels[side]}", Qt.ItemDataRole.ToolTipRole
                )
            if comparison is None:
                self._show(NO_COMPARISON)
            elif busy:
                self._show(FINDING_ACTORS)
            elif "actors" in comparison.skipped:
                self._show(skipped_note(comparison, ACTORS_SKIPPED))
            elif not comparison.actors:
                self._show(NO_ACTORS)
            else:
                self._show(None)
            self._fit_names()
            if busy and comparison is not None:
                self._pending, self._pending_current = selected, current
                return
            self._pending, self._pending_current = [], ""
            self._select_ids(selected, current)
        finally:
            self._quiet = False
            self._update_actions()
        gone = self._active and self.model.row_of(self._active) is None
        if gone and not (busy and comparison is not None):
            self._announce(self.current_id())

    def selected_ids(self) -> list[str]:
        """Ids of the selected actors, in list order."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [str(i.data(ACTOR_ID_ROLE)) for i in rows]

    def current_id(self) -> str:
        """The actor the journalist is on: the current row if selected, else the first
        selected, else ``""``."""
        selection = self.view.selectionModel()
        current = self.view.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row(), QModelIndex()):
            return str(current.data(ACTOR_ID_ROLE))
        selected = self.selected_ids()
        return selected[0] if selected else ""

    def select(self, actor_id: str | None) -> None:
        """Select one actor (None or "": none) without announcing it.

        An actor hidden by the search or presence filter is shown by clearing the filters.
        """
        self._quiet = True
        try:
            if actor_id and self.model.row_of(actor_id) is not None:
                if self._proxy_row(actor_id) is None:
                    self.clear_filters()
                self._select_ids([actor_id], actor_id)
            else:
                self.view.selectionModel().clear()
            self._active = self.current_id()
        finally:
            self._quiet = False
            self._update_actions()

    def _proxy_row(self, actor_id: str) -> int | None:
        row = self.model.row_of(actor_id)
        if row is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        return index.row() if index.isValid() else None

    def _select_ids(self, ids: list[str], current: str) -> None:
        selection = self.view.selectionModel()
        selection.clear()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for actor_id in ids:
            row = self._proxy_row(actor_id)
            if row is not None:
                selection.select(self.proxy.index(row, 0), flags)
        row = self._proxy_row(current) if current else None
        if row is None:
            visible = [r for r in (self._proxy_row(i) for i in ids) if r is not None]
            row = visible[0] if visible else None
        if row is not None:
            index = self.proxy.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(index)

    # Filters ------------------------------------------------------------------------------

    def row_filter(self) -> RowFilter:
        presence: Presence | None = self.presence.currentData()
        return RowFilter(text=self.search.text(), presence=presence)

    def _filters_changed(self, *_args: object) -> None:
        self.proxy.set_row_filter(self.row_filter())
        self._refresh()

    def clear_filters(self) -> None:
        self.search.clear()
        self.presence.setCurrentIndex(0)

    def _filtered_out_text(self) -> str:
        return f'No actor matches these filters. <a href="{CLEAR_LINK}">Clear filters</a>'

    def _status_text(self) -> str:
        actors = self.model.actors()
        total = len(actors)
        if not total:
            return ""
        counts = {p: 0 for p in ("both", "left", "right")}
        for row in range(total):
            presence = self.model.presence(row)
            if presence in counts:
                counts[presence] += 1
        shown = self.proxy.rowCount()
        head = f"{total} actors" if shown == total else f"{shown} of {total} actors shown"
        return (
            f"{head} · {counts['both']} in both, {counts['left']} left only, "
            f"{counts['right']} right only"
        )

    # Announcing the actor -----------------------------------------------------------------

    def _announce(self, actor_id: str, *, again: bool = False) -> None:
        if actor_id != self._active or again:
            self._active = actor_id
            self.activated.emit(actor_id)

    def _selection_changed(self, *_args: object) -> None:
        if not self._quiet:
            self._announce(self.current_id())

    def _clicked(self, index: QModelIndex) -> None:
        actor_id = str(index.data(ACTOR_ID_ROLE))
        if actor_id == self._at_press == self._active:
            self._announce(actor_id, again=True)  # clicked again: show its mentions again

    def _fit_names(self) -> None:
        """Names whole where the list has room (up to a limit), and a person's name whole
        even in a narrow sidebar, which then scrolls sideways to the counts."""
        m = ActorsModel
        header = self.view.header()
        need = content_width(self.view, self.model, m.NAME, least="Kim Jong Un", most=260)
        others = sum(header.sectionSize(c) for c in (m.KIND, m.LEFT, m.RIGHT))
        presence = self.view.fontMetrics().horizontalAdvance("right only") + 28
        room = self.view.viewport().width() - others - presence
        header.resizeSection(m.NAME, max(min(need, 140), min(need, room)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.view.viewport() and kind == QEvent.Type.Resize:
            self._fit_names()
        elif watched is self.view.viewport() and kind == QEvent.Type.MouseButtonPress:
            self._at_press = self._active
        elif watched is self.view and kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            key, plain = event.key(), event.modifiers() == Qt.KeyboardModifier.NoModifier
            if plain and key in (Qt.Key.Key_F2, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                # Accepting the override keeps a window-wide shortcut from taking the key.
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    if key == Qt.Key.Key_F2:
                        self.rename_selected()
                    else:
                        self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    # Corrections --------------------------------------------------------------------------

    def _selected_actors(self) -> list[Actor]:
        out = []
        for actor_id in self.selected_ids():
            row = self.model.row_of(actor_id)
            if row is not None:
                out.append(self.model.actor(row))
        return out

    def _update_actions(self, *_args: object) -> None:
        actors = self._selected_actors()
        self.rename_action.setEnabled(len(actors) == 1)
        self.merge_action.setEnabled(len(actors) >= 2)
        self.merge_action.setText(
            f"Merge {len(actors)} actors…" if len(actors) >= 2 else "Merge selected…"
        )
        self.delete_action.setEnabled(bool(actors))
        self.delete_action.setText(
            f"Delete {len(actors)} actors…" if len(actors) > 1 else "Delete…"
        )
        self.reactions_action.setEnabled(len(actors) == 1)
        self.note_action.setEnabled(len(actors) == 1)

    def set_notes(self, notes: Mapping[str, Sequence[str]]) -> None:
        """The journalist's notes on the actors, by actor id: shown in their tooltips."""
        self.model.set_notes(notes)

    def context_menu(self) -> QMenu:
        """The actions for the selected actors (what a right click shows)."""
        menu = QMenu(self)
        menu.addAction(self.rename_action)
        menu.addAction(self.merge_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.reactions_action)
        menu.addAction(self.note_action)
        return menu

    def _context_menu(self, pos: Any) -> None:
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def rename_selected(self) -> None:
        """Ask for a new name for the one selected actor; emit ``renameRequested``."""
        actors = self._selected_actors()
        if len(actors) != 1:
            return
        actor = actors[0]
        name, ok = QInputDialog.getText(
            self,
            "Rename actor",
            f"New name for “{actor.name}” (the old name is kept as an alias):",
            QLineEdit.EchoMode.Normal,
            actor.name,
        )
        name = " ".join(name.split()) if ok else ""
        if name and name != actor.name:
            self.renameRequested.emit(actor.id, name)

    def merge_selected(self) -> None:
        """Ask which of the selected actors the others are merged into; emit
        ``mergeRequested`` with that one first."""
        actors = self._selected_actors()
        if len(actors) < 2:
            return
        # Most mentioned first: the usual choice is the default one.
        actors.sort(key=lambda a: self.model.row_of(a.id) or 0)
        items = [f"{a.name} ({a.kind}, {len(a.mentions)} mentions)" for a in actors]
        choice, ok = QInputDialog.getItem(
            self,
            "Merge actors",
            f"Merge {len(actors)} actors into one. Keep the name and kind of:\n"
            "(the other names become its aliases)",
            items,
            0,
            False,
        )
        if not ok or choice not in items:
            return
        kept = actors[items.index(choice)]
        self.mergeRequested.emit([kept.id, *(a.id for a in actors if a.id != kept.id)])

    def delete_selected(self) -> None:
        """Confirm, then emit ``deleteRequested`` for each selected actor."""
        actors = self._selected_actors()
        if not actors:
            return
        if len(actors) == 1:
            a = actors[0]
            text = (
                f"Delete “{a.name}” from the actors?\n\n"
                f"Its {len(a.mentions)} mention(s) will no longer be highlighted and its "
                "reactions will be removed. The correction is saved with this pair of articles."
            )
        else:
            names = ", ".join(a.name for a in actors[:5]) + ("…" if len(actors) > 5 else "")
            text = (
                f"Delete {len(actors)} actors ({names})?\n\n"
                "Their mentions will no longer be highlighted and their reactions will be "
                "removed. The correction is saved with this pair of articles."
            )
        answer = QMessageBox.question(
            self,
            "Delete actor" if len(actors) == 1 else "Delete actors",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            for a in actors:
                self.deleteRequested.emit(a.id)

    def _write_note(self) -> None:
        actors = self._selected_actors()
        if len(actors) == 1:
            self.noteRequested.emit(actors[0].id)

    def _show_reactions(self) -> None:
        actors = self._selected_actors()
        if len(actors) == 1:
            self.reactionsRequested.emit(actors[0].id)
