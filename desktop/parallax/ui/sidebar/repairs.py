"""The Repairs panel: what the repair stage removed from each article, and where."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QWidget

from parallax.core.model import Comparison
from parallax.ui.models import INDEX_ROLE, SIDE_ROLE, RepairsModel
from parallax.ui.sidebar.context_delegate import ContextDelegate
from parallax.ui.sidebar.middle_elide import MiddleElide
from parallax.ui.sidebar.panel import CLEAR_LINK, SidePanel, enable_sorting, set_widths
from parallax.ui.sidebar.row_tracker import RowTracker
from parallax.ui.theme import Theme

#: Placeholders. Rich text: some carry a link that clears the filters.
NO_REPAIRS = "No repairs: both texts were clean."
NO_COMPARISON_REPAIRS = "No comparison open.<br>Open two articles to see what was repaired."


class RepairsPanel(SidePanel):
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
        self.delegate = ContextDelegate(view)
        view.setItemDelegateForColumn(RepairsModel.CONTEXT, self.delegate)
        enable_sorting(view)
        m = RepairsModel
        set_widths(
            view,
            {
                m.OUTLET: "The Guardian",
                m.REMOVED: "Removed",
                m.CONTEXT: "…Putin and Kim described the sum",
                m.CHARACTER: "U+A9C3 JAVANESE PADA",
            },
        )
        view.setItemDelegateForColumn(m.OUTLET, MiddleElide(view))

        self.show_original = QCheckBox("Show original text", self.bar)
        self.show_original.setToolTip(
            "Show the removed characters in the articles, where they were, marked"
        )
        self.show_original.toggled.connect(self.showOriginalChanged)
        self.bar_layout.addWidget(self.show_original, 1)
        self.bar_layout.addWidget(self.side_filter)
        self.summary = self._summary_line()
        self._tracker = RowTracker(view, self._row_activated)
        self._show(NO_COMPARISON_REPAIRS)

    NO_COMPARISON = NO_COMPARISON_REPAIRS
    NOTHING = NO_REPAIRS

    def set_comparison(self, comparison: Comparison | None) -> None:
        """List the repairs of both articles of ``comparison``."""
        super().set_comparison(comparison)
        self.show_original.setEnabled(comparison is not None)

    def _side_summary(self, label: str, count: int) -> str:
        return f"{label}: " + (f"<b>{count}</b> repaired" if count else "clean")

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

    def _filtered_out_text(self) -> str:
        side = self.side_filter.currentData()
        if side:
            label = html.escape(self.model.labels()[side])
            return (
                f'No repairs in {label}: its text was clean. <a href="{CLEAR_LINK}">'
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
