"""The reader's dockable sidebar: who appears in the story, how they reacted, what was repaired.

Three dock widgets, tabified on the right of the main window: **Actors** (kind, mentions per
article, who appears in one outlet only), **Reactions** (actor, outlet, cue, stance, quote) and
**Repairs** (the characters removed from each article, with a toggle to show them in place).
Each is a view over an item model of :mod:`parallax.ui.models` behind a filtering proxy, so a
comparison with hundreds of actors is one model reset.

The sidebar never changes a comparison. Renaming, merging and deleting an actor are requests
(:attr:`Sidebar.renameRequested`, ...): the window applies them with the pure functions of
:mod:`parallax.core.actors`, saves the correction and calls :meth:`Sidebar.set_comparison`
with the result, which keeps the selection (and every filter) when the actors still exist.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import Actor, Comparison, Side
from parallax.ui.models import (
    ACTOR_ID_ROLE,
    CONTEXT_ROLE,
    INDEX_ROLE,
    SIDE_ROLE,
    ActorsModel,
    Presence,
    ReactionsModel,
    RepairsModel,
    RowFilter,
    RowFilterProxy,
)
from parallax.ui.theme import Theme

__all__ = ["ActorsPanel", "ReactionsPanel", "RepairsPanel", "Sidebar"]

_Index = QModelIndex | QPersistentModelIndex

#: Placeholders. Rich text: some carry a link that clears the filters.
NO_COMPARISON = "No comparison open.<br>Open two articles to list who appears in them."
FINDING_ACTORS = "Finding actors…"
FINDING_REACTIONS = "Finding actors and their reactions…"
ACTORS_SKIPPED = "Actors were not looked for in this comparison."
REACTIONS_SKIPPED = "Reactions were not looked for in this comparison."
NO_ACTORS = "No actors found: neither article names a person, country, organization or place."
NO_REACTIONS = "No reactions found: neither article reports what an actor said or did."
NO_REPAIRS = "No repairs: both texts were clean."
NO_COMPARISON_REPAIRS = "No comparison open.<br>Open two articles to see what was repaired."
_CLEAR_LINK = "clear"


def _view(parent: QWidget) -> QTreeView:
    """A flat, sortable list: a tree view with uniform rows stays fast at thousands of rows."""
    view = QTreeView(parent)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setAllColumnsShowFocus(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def _enable_sorting(view: QTreeView) -> None:
    """Sortable by any column; a third click on a header returns to the comparison's order."""
    header = view.header()
    header.setSortIndicatorClearable(True)
    view.setSortingEnabled(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)


def _widths(view: QTreeView, widths: dict[int, str], *, stretch: int | None = None) -> None:
    """Column widths from sample texts, so they fit the font and the screen's scale."""
    fm = view.fontMetrics()
    header = view.header()
    header.setStretchLastSection(stretch is None)
    for column, sample in widths.items():
        header.resizeSection(column, fm.horizontalAdvance(sample) + 28)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class _MiddleElide(QStyledItemDelegate):
    """Elides in the middle: outlets named after files differ at their end
    (``nk-russ…-clean.txt`` and ``nk-russ…-damaged.txt``)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class _RowTracker(QObject):
    """Calls back when the user moves to a row, or clicks the row that is already current.

    Moving with the arrow keys or clicking another row changes the current row. Clicking the
    current row again changes nothing in the view but must still act (the journalist scrolled
    the pane away and wants to go back), so the row current at mouse press is remembered and
    compared with the row clicked.
    """

    def __init__(self, view: QTreeView, callback: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._view = view
        self._callback = callback
        self._last: int | None = None  # source row of the last row acted on
        self._at_press: int | None = None
        self.quiet = False
        view.viewport().installEventFilter(self)
        view.selectionModel().currentRowChanged.connect(self._moved)
        view.clicked.connect(self._clicked)

    def reset(self) -> None:
        """Forget the last row (its model was reset)."""
        self._last = None

    def _source_row(self, index: _Index) -> int | None:
        model = self._view.model()
        if not index.isValid() or not isinstance(model, RowFilterProxy):
            return None
        return model.mapToSource(model.index(index.row(), 0)).row()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self._at_press = self._source_row(self._view.currentIndex())
        return False

    def _moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self._source_row(current)
        if self.quiet or row is None or row == self._last:
            return
        self._last = row
        self._callback(current)

    def _clicked(self, index: QModelIndex) -> None:
        row = self._source_row(index)
        if not self.quiet and row is not None and row == self._at_press == self._last:
            self._callback(index)


class _Panel(QWidget):
    """A filter bar, a list (or a placeholder in its place) and a status line."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.view = _view(self)
        self.view.setModel(self.proxy)
        self.bar = QWidget(self)
        self.bar_layout = QHBoxLayout(self.bar)
        self.bar_layout.setContentsMargins(0, 0, 0, 0)
        self.bar_layout.setSpacing(4)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setTextFormat(Qt.TextFormat.RichText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setContentsMargins(12, 12, 12, 12)
        self.placeholder.linkActivated.connect(self._link)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.placeholder)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        font = self.status.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        self.status.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self._message: str | None = NO_COMPARISON  # set when there is nothing to list at all
        self._ready = False  # subclasses finish building before the first refresh
        self.proxy.rowsInserted.connect(self._refresh)
        self.proxy.rowsRemoved.connect(self._refresh)
        self.proxy.modelReset.connect(self._refresh)
        self.proxy.layoutChanged.connect(self._refresh)

    # What is shown -----------------------------------------------------------------------

    def placeholder_text(self) -> str | None:
        """The message shown instead of the list, or None when the list is shown."""
        if self.stack.currentWidget() is self.placeholder:
            return self.placeholder.text()
        return None

    def _show(self, message: str | None) -> None:
        """Show ``message`` in place of the list (None: the list, or the filtered-out note)."""
        self._message = message
        self._ready = True
        self._refresh()

    def _refresh(self, *_args: object) -> None:
        if not self._ready:
            return
        has_rows = self.model.rowCount() > 0
        self.bar.setVisible(self._message is None and has_rows)
        if self._message is not None:
            self.placeholder.setText(self._message)
            self.stack.setCurrentWidget(self.placeholder)
        elif self.proxy.rowCount() == 0:
            self.placeholder.setText(self._filtered_out_text())
            self.stack.setCurrentWidget(self.placeholder)
        else:
            self.stack.setCurrentWidget(self.view)
        status = self._status_text() if self._message is None and has_rows else ""
        self.status.setText(status)
        self.status.setVisible(bool(status))

    def _filtered_out_text(self) -> str:
        return f'Nothing matches these filters. <a href="{_CLEAR_LINK}">Clear filters</a>'

    def _status_text(self) -> str:
        return ""

    def _link(self, href: str) -> None:
        if href == _CLEAR_LINK:
            self.clear_filters()

    def clear_filters(self) -> None:
        """Show every row again."""

    def set_theme(self, theme: Theme) -> None:
        """Take the theme's colours (muted text for the placeholder and status line)."""
        self.model.set_theme(theme)
        for label in (self.placeholder, self.status):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, theme.muted_text)
            label.setPalette(palette)

    def _side_combo(self, all_text: str) -> QComboBox:
        combo = QComboBox(self.bar)
        combo.addItem(all_text, None)
        combo.addItem("Left", "left")
        combo.addItem("Right", "right")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setToolTip("Show the rows of one article only")
        return combo

    @staticmethod
    def _relabel_sides(combo: QComboBox, labels: dict[Side, str]) -> None:
        sides: tuple[tuple[int, Side], ...] = ((1, "left"), (2, "right"))
        for i, side in sides:
            label = labels[side]
            short = label if len(label) <= 28 else label[:27] + "…"
            combo.setItemText(i, short)
            combo.setItemData(i, label, Qt.ItemDataRole.ToolTipRole)


# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------


class ActorsPanel(_Panel):
    """The actors of the story, with search, a presence filter and the correction actions.

    Attributes:
        search: Filters by name or alias (every word typed must appear).
        presence: "All actors", "In both", "Left only", "Right only".
        rename_action, merge_action, delete_action, reactions_action: What the context menu
            and the keys (F2, Delete) trigger; enabled to suit the selection.
    """

    activated = Signal(str)
    renameRequested = Signal(str, str)
    mergeRequested = Signal(list)
    deleteRequested = Signal(str)
    reactionsRequested = Signal(str)

    model: ActorsModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ActorsModel(), parent)
        self.model.setParent(self)
        view = self.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.setAccessibleName("Actors")
        _enable_sorting(view)
        m = ActorsModel
        _widths(
            view,
            {m.KIND: "organization", m.LEFT: "Right", m.RIGHT: "Right", m.PRESENCE: "right only"},
            stretch=m.NAME,
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
                self._show(ACTORS_SKIPPED)
            elif not comparison.actors:
                self._show(NO_ACTORS)
            else:
                self._show(None)
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
        return f'No actor matches these filters. <a href="{_CLEAR_LINK}">Clear filters</a>'

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.view.viewport() and kind == QEvent.Type.MouseButtonPress:
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

    def context_menu(self) -> QMenu:
        """The actions for the selected actors (what a right click shows)."""
        menu = QMenu(self)
        menu.addAction(self.rename_action)
        menu.addAction(self.merge_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.reactions_action)
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

    def _show_reactions(self) -> None:
        actors = self._selected_actors()
        if len(actors) == 1:
            self.reactionsRequested.emit(actors[0].id)


# ---------------------------------------------------------------------------------------------
# Reactions
# ---------------------------------------------------------------------------------------------


class ReactionsPanel(_Panel):
    """What each actor said or did, per outlet, filterable by outlet and by actor.

    Attributes:
        side_filter: "Both outlets" or one outlet.
        actor_filter: "All actors" or one actor (follows the actor chosen in Actors).
        clear_actor: Shows the reactions of every actor again.
    """

    activated = Signal(str, int)

    model: ReactionsModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ReactionsModel(), parent)
        self.model.setParent(self)
        view = self.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAccessibleName("Reactions")
        _enable_sorting(view)
        m = ReactionsModel
        _widths(
            view,
            {m.ACTOR: "Vladimir Putin", m.OUTLET: "The Guardian", m.CUE: "expressed regret"},
        )
        view.setItemDelegateForColumn(m.OUTLET, _MiddleElide(view))
        view.header().resizeSection(
            m.STANCE, view.fontMetrics().horizontalAdvance("− negative") + 24
        )

        self.side_filter = self._side_combo("Both outlets")
        self.side_filter.currentIndexChanged.connect(self._filters_changed)
        self.actor_filter = QComboBox(self.bar)
        self.actor_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.actor_filter.setMinimumContentsLength(12)
        self.actor_filter.setToolTip("Show the reactions of one actor")
        self.actor_filter.addItem("All actors", None)
        self.actor_filter.currentIndexChanged.connect(self._filters_changed)
        self.clear_actor = QToolButton(self.bar)
        self.clear_actor.setText("✕")
        self.clear_actor.setAutoRaise(True)
        self.clear_actor.setToolTip("Show the reactions of every actor")
        self.clear_actor.clicked.connect(lambda: self.set_actor(None))
        self.bar_layout.addWidget(self.actor_filter, 1)
        self.bar_layout.addWidget(self.clear_actor)
        self.bar_layout.addWidget(self.side_filter)
        self._names: dict[str, str] = {}
        self._pending_actor: str | None = None  # the actor filter, kept while actors are found
        self._tracker = _RowTracker(view, self._row_activated)
        self._show(NO_COMPARISON)
        self._filters_changed()

    def set_comparison(self, comparison: Comparison | None, *, busy: bool = False) -> None:
        """List the reactions of ``comparison``; the actor filter stays if the actor does."""
        keep = self.actor() or self._pending_actor
        self._pending_actor = keep if busy and comparison is not None else None
        self._tracker.quiet = True
        try:
            self.model.set_comparison(comparison)
            self._tracker.reset()
            self._relabel_sides(self.side_filter, self.model.labels())
            self._names = {a.id: a.name for a in comparison.actors} if comparison else {}
            counts: dict[str, int] = {}
            for r in comparison.reactions if comparison else ():
                counts[r.actor] = counts.get(r.actor, 0) + 1
            with QSignalBlocker(self.actor_filter):
                self.actor_filter.clear()
                self.actor_filter.addItem("All actors", None)
                for a in comparison.actors if comparison else ():
                    if counts.get(a.id):
                        self.actor_filter.addItem(f"{a.name} ({counts[a.id]})", a.id)
            if comparison is None:
                self._show(NO_COMPARISON)
            elif busy:
                self._show(FINDING_REACTIONS)
            elif "reactions" in comparison.skipped or "actors" in comparison.skipped:
                self._show(REACTIONS_SKIPPED)
            elif not comparison.reactions:
                self._show(NO_REACTIONS)
            else:
                self._show(None)
            self.set_actor(keep if keep in self._names else None)
        finally:
            self._tracker.quiet = False

    def actor(self) -> str | None:
        """The actor whose reactions are listed, or None for every actor."""
        value = self.actor_filter.currentData()
        return str(value) if value else None

    def set_actor(self, actor_id: str | None) -> None:
        """List the reactions of one actor only (None or "": of every actor).

        An actor without reactions is listed too, so the journalist reads "no reactions"
        rather than everyone's.
        """
        if not actor_id or actor_id not in self._names:
            self.actor_filter.setCurrentIndex(0)
            self._filters_changed()
            return
        i = self.actor_filter.findData(actor_id)
        if i < 0:
            self.actor_filter.addItem(f"{self._names[actor_id]} (0)", actor_id)
            i = self.actor_filter.count() - 1
        self.actor_filter.setCurrentIndex(i)
        self._filters_changed()

    def row_filter(self) -> RowFilter:
        return RowFilter(side=self.side_filter.currentData(), actor=self.actor())

    def _filters_changed(self, *_args: object) -> None:
        self.clear_actor.setVisible(self.actor() is not None)
        self.proxy.set_row_filter(self.row_filter())
        self._refresh()

    def clear_filters(self) -> None:
        self.side_filter.setCurrentIndex(0)
        self.set_actor(None)

    def _filtered_out_text(self) -> str:
        actor = self.actor()
        side = self.side_filter.currentData()
        who = html.escape(self._names.get(actor, "this actor")) if actor else "any actor"
        where = f"in {html.escape(self.model.labels()[side])}" if side else "in either article"
        return f'No reactions from {who} {where}. <a href="{_CLEAR_LINK}">Show all reactions</a>'

    def _status_text(self) -> str:
        total = self.model.rowCount()
        if not total:
            return ""
        shown = self.proxy.rowCount()
        return f"{total} reactions" if shown == total else f"{shown} of {total} reactions shown"

    def _row_activated(self, index: QModelIndex) -> None:
        side = index.data(SIDE_ROLE)
        sentence = index.data(INDEX_ROLE)
        if side is not None and sentence is not None:
            self.activated.emit(str(side), int(sentence))


# ---------------------------------------------------------------------------------------------
# Repairs
# ---------------------------------------------------------------------------------------------


class _ContextDelegate(QStyledItemDelegate):
    """Paints a repair's context with the removed characters bold, in the repair colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme | None = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        parts = index.data(CONTEXT_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        before, removed, after = parts
        font: QFont = opt.font
        bold = QFont(font)
        bold.setBold(True)
        fm, fmb = QFontMetrics(font), QFontMetrics(bold)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        mark = text_color if selected or self.theme is None else self.theme.repair
        mid = fmb.horizontalAdvance(removed)
        room = max(0, rect.width() - mid)
        want_before, want_after = fm.horizontalAdvance(before), fm.horizontalAdvance(after)
        # Give the text before the change up to half the room, more if the rest is short.
        left_room = min(want_before, max(room // 2, room - want_after))
        before = fm.elidedText(before, Qt.TextElideMode.ElideLeft, left_room)
        after = fm.elidedText(after, Qt.TextElideMode.ElideRight, room - left_room)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.save()
        painter.setClipRect(rect)
        x = rect.left()
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(QRect(x, rect.top(), left_room + 2, rect.height()), flags, before)
        x += fm.horizontalAdvance(before)
        painter.setFont(bold)
        painter.setPen(mark)
        painter.drawText(QRect(x, rect.top(), mid + 2, rect.height()), flags, removed)
        x += mid
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(QRect(x, rect.top(), rect.right() - x + 1, rect.height()), flags, after)
        painter.restore()


class RepairsPanel(_Panel):
    """What the repair stage removed or replaced in each article, and where.

    Attributes:
        show_original: The "Show original text" toggle (the panes show what was removed).
        side_filter: "Both articles" or one article.
        summary: One line per comparison: how many repairs each article needed.
    """

    activated = Signal(str, int)
    showOriginalChanged = Signal(bool)

    model: RepairsModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(RepairsModel(), parent)
        self.model.setParent(self)
        view = self.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAccessibleName("Repairs")
        self.delegate = _ContextDelegate(view)
        view.setItemDelegateForColumn(RepairsModel.CONTEXT, self.delegate)
        _enable_sorting(view)
        m = RepairsModel
        _widths(
            view,
            {
                m.OUTLET: "The Guardian",
                m.REMOVED: "Removed",
                m.CONTEXT: "…Putin and Kim described the sum",
                m.CHARACTER: "U+A9C3 JAVANESE PADA",
            },
        )
        view.setItemDelegateForColumn(m.OUTLET, _MiddleElide(view))

        self.show_original = QCheckBox("Show original text", self.bar)
        self.show_original.setToolTip(
            "Show the removed characters in the articles, where they were, marked"
        )
        self.show_original.toggled.connect(self.showOriginalChanged)
        self.side_filter = self._side_combo("Both articles")
        self.side_filter.currentIndexChanged.connect(self._filters_changed)
        self.bar_layout.addWidget(self.show_original, 1)
        self.bar_layout.addWidget(self.side_filter)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.summary)
        self._tracker = _RowTracker(view, self._row_activated)
        self._show(NO_COMPARISON_REPAIRS)

    def set_comparison(self, comparison: Comparison | None) -> None:
        """List the repairs of both articles of ``comparison``."""
        self._tracker.quiet = True
        try:
            self.model.set_comparison(comparison)
            self._tracker.reset()
            labels = self.model.labels()
            self._relabel_sides(self.side_filter, labels)
            counts = self.model.counts()
            self.show_original.setEnabled(comparison is not None)
            if comparison is None:
                self.summary.setText("")
                self._show(NO_COMPARISON_REPAIRS)
            else:
                parts = [
                    f"{html.escape(labels[side])}: "
                    + (f"<b>{counts[side]}</b> repaired" if counts[side] else "clean")
                    for side in ("left", "right")
                ]
                self.summary.setText(" · ".join(parts))
                self._show(None if sum(counts.values()) else NO_REPAIRS)
            self.summary.setVisible(comparison is not None)
        finally:
            self._tracker.quiet = False

    def _refresh(self, *_args: object) -> None:
        super()._refresh()
        if not self._ready:
            return
        # The toggle matters even when there is nothing to list: keep it reachable.
        if self._message == NO_REPAIRS:
            self.bar.setVisible(True)
            self.side_filter.setVisible(False)
        else:
            self.side_filter.setVisible(True)

    def row_filter(self) -> RowFilter:
        return RowFilter(side=self.side_filter.currentData())

    def _filters_changed(self, *_args: object) -> None:
        self.proxy.set_row_filter(self.row_filter())
        self._refresh()

    def clear_filters(self) -> None:
        self.side_filter.setCurrentIndex(0)

    def _filtered_out_text(self) -> str:
        side = self.side_filter.currentData()
        if side:
            label = html.escape(self.model.labels()[side])
            return (
                f'No repairs in {label}: its text was clean. <a href="{_CLEAR_LINK}">'
                "Show both articles</a>"
            )
        return super()._filtered_out_text()

    def _status_text(self) -> str:
        return ""

    def _row_activated(self, index: QModelIndex) -> None:
        side = index.data(SIDE_ROLE)
        number = index.data(INDEX_ROLE)
        if side is not None and number is not None:
            self.activated.emit(str(side), int(number))

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        self.delegate.theme = theme
        self.view.viewport().update()


# ---------------------------------------------------------------------------------------------
# The sidebar
# ---------------------------------------------------------------------------------------------


class Sidebar(QObject):
    """Three dock widgets (Actors, Reactions, Repairs), tabified on the given QMainWindow's
    right dock area.

    Attributes:
        actors, reactions, repairs: The panels inside the docks (for tests and for the
            window's keyboard shortcuts).
    """

    #: An actor was selected or clicked: the window highlights its mentions in both panes
    #: (``""`` when the selection was cleared or the actor is gone).
    actorActivated = Signal(str)
    #: Side ("left"/"right") and sentence index of a reaction: the window scrolls to it.
    reactionActivated = Signal(str, int)
    #: Side and index into that Document's repairs: the window scrolls to it.
    repairActivated = Signal(str, int)
    #: The "Show original text" toggle of the Repairs panel.
    showOriginalChanged = Signal(bool)
    renameRequested = Signal(str, str)  # actor id, new name
    mergeRequested = Signal(list)  # actor ids, the first is kept
    deleteRequested = Signal(str)  # actor id

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.actors = ActorsPanel()
        self.reactions = ReactionsPanel()
        self.repairs = RepairsPanel()
        self._docks: list[QDockWidget] = []
        for title, name, panel in (
            ("Actors", "actorsDock", self.actors),
            ("Reactions", "reactionsDock", self.reactions),
            ("Repairs", "repairsDock", self.repairs),
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
        self.reactions.activated.connect(self.reactionActivated)
        self.repairs.activated.connect(self.repairActivated)
        self.repairs.showOriginalChanged.connect(self.showOriginalChanged)
        self._comparison: Comparison | None = None
        self._busy = False
        self._update_titles()

    def docks(self) -> list[QDockWidget]:
        """The Actors, Reactions and Repairs docks (their toggle actions go in a View menu)."""
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
        self.actors.set_comparison(comparison, busy=busy)  # may announce a vanished actor
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
        for panel in (self.actors, self.reactions, self.repairs):
            panel.set_theme(theme)

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
        for dock, title, count in zip(
            self._docks,
            ("Actors", "Reactions", "Repairs"),
            (actors, reactions, repairs),
            strict=True,
        ):
            dock.setWindowTitle(title if count is None else f"{title} ({count})")
            dock.toggleViewAction().setText(title)
