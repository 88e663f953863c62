"""The "Only in one" panel: every sentence that only one outlet carries, as a list.

F7 steps through them one at a time in the panes; here a journalist sees them all at once,
per outlet, and reads any of them in place by choosing it. The list is the report's "Only in
the left/right article": body sentences no link covers (headlines and captions aside).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from parallax.core.model import SIDES, Comparison, Side
from parallax.ui.models import (
    INDEX_ROLE,
    SIDE_ROLE,
    SORT_ROLE,
    RowFilter,
    _Index,
    _RecordModel,
    outlet_labels,
)
from parallax.ui.sidebar.middle_elide import MiddleElide
from parallax.ui.sidebar.panel import SidePanel, enable_sorting, set_widths
from parallax.ui.sidebar.row_tracker import RowTracker

#: Placeholders (rich text).
NO_COMPARISON_UNIQUE = "No comparison open.<br>Open two articles to see what only one reports."
NOTHING_UNIQUE = "Every sentence of both articles is linked to the other."


@dataclass(frozen=True, slots=True)
class _Row:
    side: Side
    sentence: int
    text: str


class UniqueModel(_RecordModel):
    """One row per sentence only one outlet carries, left article first, in text order."""

    OUTLET, NUMBER, SENTENCE = range(3)
    HEADERS = ("Outlet", "#", "Sentence")
    HEADER_TIPS = (
        "The article that alone carries it: {left} or {right}",
        "The sentence's number in its article",
        "What only this outlet reports",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._labels = outlet_labels(comparison)
        self._rows = []
        if comparison is not None:
            for side in SIDES:
                doc = comparison.document(side)
                self._rows += [
                    _Row(side, i, " ".join(doc.sentences[i].text.split()))
                    for i in comparison.unlinked(side)
                    if doc.sentences[i].role == "body"
                ]
        self.endResetModel()

    def counts(self) -> dict[Side, int]:
        return {side: sum(r.side == side for r in self._rows) for side in SIDES}

    def _size(self) -> int:
        return len(self._rows)

    def accepts(self, row: int, flt: RowFilter) -> bool:
        r = self._rows[row]
        if flt.side is not None and r.side != flt.side:
            return False
        return not flt.text or all(w in r.text.casefold() for w in flt.text.casefold().split())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._labels[r.side], str(r.sentence + 1), r.text)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.SENTENCE:
            return r.text
        if role == SORT_ROLE:
            if col == self.SENTENCE:
                return r.text.casefold()
            return (0 if r.side == "left" else 1) * 1_000_000 + r.sentence
        if role == SIDE_ROLE:
            return r.side
        if role == INDEX_ROLE:
            return r.sentence
        return None


class UniquePanel(SidePanel):
    """What only one outlet says; choosing a sentence reads it in its pane.

    Attributes:
        side_filter: "Both articles" or one article.
        summary: How many such sentences each article has.
    """

    #: Side and sentence index of the sentence chosen.
    activated = Signal(str, int)

    model: UniqueModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(UniqueModel(), parent)
        self.model.setParent(self)
        view = self.view
        view.setAccessibleName("Only in one outlet")
        enable_sorting(view)
        m = UniqueModel
        set_widths(view, {m.OUTLET: "The Guardian", m.NUMBER: "999"})
        view.setItemDelegateForColumn(m.OUTLET, MiddleElide(view))
        self.bar_layout.addStretch(1)
        self.bar_layout.addWidget(self.side_filter)
        self.summary = self._summary_line()
        self._tracker = RowTracker(view, self._row_activated)
        self._show(NO_COMPARISON_UNIQUE)

    NO_COMPARISON = NO_COMPARISON_UNIQUE
    NOTHING = NOTHING_UNIQUE

    def _side_summary(self, label: str, count: int) -> str:
        return f"{label}: <b>{count}</b> only here"

    def _row_activated(self, index: QModelIndex) -> None:
        side, number = index.data(SIDE_ROLE), index.data(INDEX_ROLE)
        if side is not None and number is not None:
            self.activated.emit(str(side), int(number))
