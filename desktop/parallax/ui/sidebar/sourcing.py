"""The Sourcing panel: whom each outlet lets speak, how often, named or not.

One row per source (an actor some sentence reports as saying something): how many sentences
of each article report it and how many quote it, and whether the text names it. A line above
the list sums each outlet up ("9 named, 2 unnamed sources; 4 quotes"). Activating a row lists
that source's reactions, so the words of a source both outlets heard can be read side by side.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from parallax.core.model import SIDES, Comparison, Side, Source, Sourcing
from parallax.ui.models import ACTOR_ID_ROLE, SORT_ROLE, RowFilter, _Index, _RecordModel
from parallax.ui.sidebar.panel import Panel, enable_sorting, set_widths
from parallax.ui.sidebar.row_tracker import RowTracker

#: Placeholders (rich text).
NO_COMPARISON_SOURCES = "No comparison open.<br>Open two articles to see whom each one quotes."
NO_SOURCES = "Neither article reports what anyone said."
FINDING = "Finding who speaks in each article…"


class SourcingModel(_RecordModel):
    """One row per source, most reported first."""

    SOURCE, NAMED, LEFT, RIGHT = range(4)
    HEADERS = ("Source", "Named", "Left", "Right")
    HEADER_TIPS = (
        "Who is reported as saying something",
        "Whether the text names the source, or only describes it (“officials”)",
        "Sentences of {left} that report it (of them quoted)",
        "Sentences of {right} that report it (of them quoted)",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._found = Sourcing(())

    def set_comparison(self, comparison: Comparison | None) -> None:
        from parallax.ui.models import outlet_labels

        self.beginResetModel()
        self._labels = outlet_labels(comparison)
        self._found = comparison.sourcing() if comparison is not None else Sourcing(())
        self.endResetModel()

    def sourcing(self) -> Sourcing:
        return self._found

    def _size(self) -> int:
        return len(self._found.sources)

    def accepts(self, row: int, flt: RowFilter) -> bool:
        source = self._found.sources[row]
        if flt.side is not None and not source.reports[flt.side]:
            return False
        return not flt.text or all(
            word in source.name.casefold() for word in flt.text.casefold().split()
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._size():
            return None
        s: Source = self._found.sources[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.SOURCE:
                return s.name
            if col == self.NAMED:
                return "named" if s.named else "unnamed"
            side: Side = "left" if col == self.LEFT else "right"
            n, q = s.reports[side], s.quotes[side]
            return f"{n} ({q} quoted)" if q else str(n) if n else "–"
        if role == SORT_ROLE:
            if col in (self.LEFT, self.RIGHT):
                on: Side = "left" if col == self.LEFT else "right"
                return s.reports[on] * 1000 + s.quotes[on]
            return str(self.data(index, Qt.ItemDataRole.DisplayRole)).casefold()
        if role == ACTOR_ID_ROLE:
            return s.actor
        if role == Qt.ItemDataRole.ToolTipRole and col == self.SOURCE:
            said = [
                f"{self._labels[side]}: “{s.first_quote[side]}”"
                for side in SIDES
                if s.first_quote[side]
            ]
            return "\n".join([s.name, *said])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.LEFT, self.RIGHT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SourcingPanel(Panel):
    """Whom each article reports as speaking; a row activated lists that source's reactions.

    Attributes:
        summary: One line per comparison: each outlet's named and unnamed sources and quotes.
    """

    #: The actor id of the source chosen.
    activated = Signal(str)

    model: SourcingModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(SourcingModel(), parent)
        self.model.setParent(self)
        view = self.view
        view.setAccessibleName("Sourcing")
        enable_sorting(view)
        m = SourcingModel
        set_widths(
            view,
            {m.NAMED: "unnamed", m.LEFT: "12 (12 quoted)", m.RIGHT: "12 (12 quoted)"},
            stretch=m.SOURCE,
        )
        self.summary = self._summary_line()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self._tracker = RowTracker(view, self._row_activated)
        self._show(NO_COMPARISON_SOURCES)

    def set_comparison(self, comparison: Comparison | None, *, busy: bool = False) -> None:
        """Count the sources of ``comparison`` (``busy``: its actors are still being found)."""
        self._tracker.quiet = True
        try:
            ready = comparison is not None and not busy and "reactions" not in comparison.skipped
            self.model.set_comparison(comparison if ready else None)
            self._tracker.reset()
            found = self.model.sourcing()
            labels = self.model.labels()
            if comparison is None:
                self.summary.setText("")
                self._show(NO_COMPARISON_SOURCES)
            elif not ready:
                self.summary.setText("")
                self._show(FINDING)
            else:
                self.summary.setText(
                    "<br>".join(
                        f"{html.escape(labels[side])}: <b>{found.count(side, named=True)}</b> "
                        f"named, <b>{found.count(side, named=False)}</b> unnamed; "
                        f"{found.quotes(side)} quoted"
                        for side in SIDES
                    )
                )
                self._show(None if found.sources else NO_SOURCES)
            self.summary.setVisible(bool(self.summary.text()))
        finally:
            self._tracker.quiet = False

    def _status_text(self) -> str:
        both = len(self.model.sourcing().shared())
        return f"{both} heard in both articles" if both else "No source heard in both articles"

    def _row_activated(self, index: QModelIndex) -> None:
        actor = index.data(ACTOR_ID_ROLE)
        if actor:
            self.activated.emit(str(actor))
