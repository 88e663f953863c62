"""The Reactions panel: what each actor said or did, per outlet, filterable by outlet and actor."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import Comparison
from parallax.ui.models import INDEX_ROLE, SIDE_ROLE, ReactionsModel, RowFilter
from parallax.ui.sidebar.middle_elide import MiddleElide
from parallax.ui.sidebar.panel import (
    CLEAR_LINK,
    NO_COMPARISON,
    Panel,
    content_width,
    enable_sorting,
    set_widths,
    skipped_note,
)
from parallax.ui.sidebar.row_tracker import RowTracker

#: Placeholders. Rich text: some carry a link that clears the filters.
FINDING_REACTIONS = "Finding actors and their reactions…"
REACTIONS_SKIPPED = "Reactions were not looked for in this comparison."
NO_REACTIONS = "No reactions found: neither article reports what an actor said or did."
#: The detail pane before a reaction is chosen.
CHOOSE_REACTION = "Choose a reaction to read what was said in full."
#: The widest the Actor column grows to fit the names (a hand-set width may be wider).
ACTOR_COLUMN_MAX = 300


class ReactionsPanel(Panel):
    """What each actor said or did, per outlet, filterable by outlet and by actor.

    The Actor column is as wide as the longest name (or as the journalist set it by hand,
    which is kept: :meth:`actor_column_width`); the Quote column takes the rest of the
    width, and the detail pane under the list reads the chosen reaction in full.

    Attributes:
        side_filter: "Both outlets" or one outlet.
        actor_filter: "All actors" or one actor (follows the actor chosen in Actors).
        clear_actor: Shows the reactions of every actor again.
        detail: The chosen reaction in full: actor, cue, stance, outlet, sentence, quote.
    """

    activated = Signal(str, int)

    model: ReactionsModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ReactionsModel(), parent)
        self.model.setParent(self)
        view = self.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAccessibleName("Reactions")
        enable_sorting(view)
        m = ReactionsModel
        set_widths(
            view,
            {m.ACTOR: "Vladimir Putin", m.OUTLET: "The Guardian", m.CUE: "expressed regret"},
        )
        view.setItemDelegateForColumn(m.OUTLET, MiddleElide(view))
        header = view.header()
        header.resizeSection(m.STANCE, view.fontMetrics().horizontalAdvance("− negative") + 24)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(m.QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        # The Quote column takes the room the others leave, but never less than this: where
        # the room is short the list scrolls sideways instead (see _fit_quote_column).
        self._quote_least = view.fontMetrics().horizontalAdvance("what was said, read") + 28
        view.viewport().installEventFilter(self)
        self._hand_width: int | None = None  # the Actor column's width set by hand
        self._sizing = False
        header.sectionResized.connect(self._section_resized)
        self.detail = QLabel(CHOOSE_REACTION, self)
        self.detail.setObjectName("reactionDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setContentsMargins(6, 4, 6, 4)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setAccessibleName("Reaction in full")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.status), self.detail)

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
        self._tracker = RowTracker(view, self._row_activated)
        view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_detail(cur))
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
                self._show(skipped_note(comparison, REACTIONS_SKIPPED))
            elif not comparison.reactions:
                self._show(NO_REACTIONS)
            else:
                self._show(None)
            self.set_actor(keep if keep in self._names else None)
            self._fit_actor_column()
            self._show_detail(self.view.currentIndex())
        finally:
            self._tracker.quiet = False

    # The Actor column and the detail pane ------------------------------------------------

    def actor_column_width(self) -> int | None:
        """The Actor column's width if the journalist set it by hand (kept), else None."""
        return self._hand_width

    def set_actor_column_width(self, width: int | None) -> None:
        """Give the Actor column a hand-set width (None: as wide as the longest name)."""
        self._hand_width = width if width is None or width > 0 else None
        self._fit_actor_column()

    def _fit_actor_column(self) -> None:
        width = self._hand_width
        if width is None:
            width = content_width(
                self.view,
                self.model,
                ReactionsModel.ACTOR,
                least="Vladimir Putin",
                most=ACTOR_COLUMN_MAX,
            )
        self._sizing = True
        try:
            self.view.header().resizeSection(ReactionsModel.ACTOR, width)
        finally:
            self._sizing = False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column == ReactionsModel.ACTOR and not self._sizing:
            self._hand_width = new
        if column != ReactionsModel.QUOTE:
            self._fit_quote_column()

    def _fit_quote_column(self) -> None:
        """Stretch the Quote column over the room left, or give it its least readable width
        (and let the list scroll sideways) when the other columns leave less."""
        header, quote = self.view.header(), ReactionsModel.QUOTE
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != quote)
        room = self.view.viewport().width() - others
        stretch = QHeaderView.ResizeMode.Stretch
        if room >= self._quote_least:
            if header.sectionResizeMode(quote) != stretch:
                header.setSectionResizeMode(quote, stretch)
        else:
            header.setSectionResizeMode(quote, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(quote, self._quote_least)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_quote_column()
        return super().eventFilter(watched, event)

    def _show_detail(self, index: QModelIndex) -> None:
        """Read the reaction of ``index`` in full under the list (or say how to choose one)."""
        if not index.isValid():
            self.detail.setText(CHOOSE_REACTION)
            return
        model = self.view.model()
        cells = [model.index(index.row(), c).data() or "" for c in range(model.columnCount())]
        m = ReactionsModel
        sentence = index.data(INDEX_ROLE)
        where = f"{html.escape(cells[m.OUTLET])}, sentence {int(sentence) + 1}"
        quote = html.escape(cells[m.QUOTE])
        self.detail.setText(
            f"<b>{html.escape(cells[m.ACTOR])}</b> {html.escape(cells[m.CUE])} "
            f"({html.escape(cells[m.STANCE])}) · {where}<br>{quote}"
        )

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
        return f'No reactions from {who} {where}. <a href="{CLEAR_LINK}">Show all reactions</a>'

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
