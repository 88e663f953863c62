"""What the three lists of the sidebar share: a filter bar, the list, a placeholder, a status line.

:class:`Panel` is the base of the Actors, Reactions and Repairs panels; the functions set
up its list (a flat, sortable tree view with columns sized from sample texts).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import SIDES, Comparison, Side
from parallax.ui.models import RowFilter, RowFilterProxy
from parallax.ui.sidebar.row_tracker import RowTracker
from parallax.ui.theme import Theme

#: Placeholders. Rich text: some carry a link that clears the filters.
NO_COMPARISON = "No comparison open.<br>Open two articles to list who appears in them."
#: The link of a placeholder that clears the filters.
CLEAR_LINK = "clear"


def list_view(parent: QWidget) -> QTreeView:
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


def enable_sorting(view: QTreeView) -> None:
    """Sortable by any column; a third click on a header returns to the comparison's order."""
    header = view.header()
    header.setSortIndicatorClearable(True)
    view.setSortingEnabled(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)


def set_widths(view: QTreeView, widths: dict[int, str], *, stretch: int | None = None) -> None:
    """Column widths from sample texts, so they fit the font and the screen's scale."""
    fm = view.fontMetrics()
    header = view.header()
    header.setStretchLastSection(stretch is None)
    for column, sample in widths.items():
        header.resizeSection(column, fm.horizontalAdvance(sample) + 28)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def content_width(view: QTreeView, model: Any, column: int, *, least: str, most: int) -> int:
    """The width that shows the text of ``column`` in every row of ``model`` whole: at least
    as wide as ``least``, at most ``most`` pixels."""
    fm = view.fontMetrics()
    widest = max(
        (
            fm.horizontalAdvance(str(model.index(r, column).data() or ""))
            for r in range(model.rowCount())
        ),
        default=0,
    )
    return min(max(widest, fm.horizontalAdvance(least)) + 28, most)


class Panel(QWidget):
    """A filter bar, a list (or a placeholder in its place) and a status line."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.view = list_view(self)
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
        return f'Nothing matches these filters. <a href="{CLEAR_LINK}">Clear filters</a>'

    def _status_text(self) -> str:
        return ""

    def _link(self, href: str) -> None:
        if href == CLEAR_LINK:
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

    def _summary_line(self) -> QLabel:
        """A line above the filter bar that sums the list up (rich text allowed)."""
        label = QLabel(self)
        label.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, label)
        return label

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


class SidePanel(Panel):
    """A panel whose only filter is the article: "Both articles", left or right.

    Attributes:
        side_filter: The filter's combo box (subclasses put it in the bar).
    """

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.side_filter = self._side_combo("Both articles")
        self.side_filter.currentIndexChanged.connect(self._filters_changed)

    def row_filter(self) -> RowFilter:
        return RowFilter(side=self.side_filter.currentData())

    def _filters_changed(self, *_args: object) -> None:
        self.proxy.set_row_filter(self.row_filter())
        self._refresh()

    def clear_filters(self) -> None:
        self.side_filter.setCurrentIndex(0)

    # What a side panel says when there is no comparison, and when it has no rows.
    NO_COMPARISON = ""
    NOTHING = ""
    #: Made by each subclass: the row activation it keeps quiet while the model changes, and
    #: its summary line (:meth:`Panel._summary_line`).
    _tracker: RowTracker
    summary: QLabel

    def set_comparison(self, comparison: Comparison | None) -> None:
        """List the rows of both articles of ``comparison`` (nothing when it is None), the
        side filter named after the outlets and a summary line per side
        (:meth:`_side_summary`); row activation stays quiet while the model changes."""
        tracker = self._tracker
        tracker.quiet = True
        try:
            self.model.set_comparison(comparison)
            tracker.reset()
            labels = self.model.labels()
            self._relabel_sides(self.side_filter, labels)
            counts = self.model.counts()
            if comparison is None:
                self.summary.setText("")
                self._show(self.NO_COMPARISON)
            else:
                self.summary.setText(
                    " · ".join(
                        self._side_summary(html.escape(labels[side]), counts[side])
                        for side in SIDES
                    )
                )
                self._show(None if sum(counts.values()) else self.NOTHING)
            self.summary.setVisible(comparison is not None)
        finally:
            tracker.quiet = False

    def _side_summary(self, label: str, count: int) -> str:
        """One side's part of the summary line (``label`` already escaped)."""
        return f"{label}: <b>{count}</b>"


def skipped_note(comparison: Comparison, default: str) -> str:
    """Why the stage was left out: the pair is too long, or the default sentence."""
    from parallax.core.pipeline import long_pair_note

    return long_pair_note(comparison) or default
