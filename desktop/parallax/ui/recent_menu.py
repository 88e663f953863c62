"""File > Recent Comparisons: the comparisons saved in the library, newest first.

The window fills the menu each time it opens, with what the library lists
(:meth:`RecentMenu.show_comparisons`) or why it cannot (:meth:`RecentMenu.show_problem`);
choosing a comparison emits :attr:`RecentMenu.comparisonChosen` with its id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from parallax.report import one_line

if TYPE_CHECKING:
    from parallax.session import ComparisonSummary


class RecentMenu(QMenu):
    """One entry per saved comparison: both titles and when it was made."""

    #: The id of the comparison chosen.
    comparisonChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("&Recent Comparisons", parent)

    def show_problem(self, text: str) -> None:
        """Say, in place of the list, why there is none."""
        self.clear()
        self.addAction(text).setEnabled(False)

    def show_comparisons(self, found: Sequence[ComparisonSummary]) -> None:
        """List ``found`` (or say that nothing is saved yet)."""
        self.clear()
        if not found:
            self.addAction("No saved comparisons yet").setEnabled(False)
            return
        for summary in found:
            label = _summary_label(summary)
            act = self.addAction(label)
            act.triggered.connect(lambda _c=False, i=summary.id: self.comparisonChosen.emit(i))


def _summary_label(summary: ComparisonSummary) -> str:
    """Both articles, each cut to fit, so the right one is never cut off: "title — outlet"."""

    def side(title: str | None, source: str | None, fallback: str) -> str:
        parts = (one_line(title, 38), one_line(source, 20))
        return " — ".join(p for p in parts if p) or fallback

    left = side(summary.left_title, summary.left_source, "Left")
    right = side(summary.right_title, summary.right_source, "Right")
    created = summary.created[:16].replace("T", " ")
    text = f"{left}  ⟷  {right}"
    return f"{text}   ({created})" if created else text
