"""The marks in an article's left margin for what the journalist decided and wrote.

Beside the bar of a sentence only one outlet carries (painted by the view), the margin of
:class:`~parallax.ui.pane.ArticleView` shows two marks of the journalist's own:

- a **pin** beside a sentence of a link they pinned (the link is theirs, not the aligner's);
- a **note** mark (a small folded page) beside a sentence they wrote a note on.

Hovering a mark shows what it stands for: "Pinned by you", or the notes' text. The marks
read the comparison's links and the notes the window hands over; they never change either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from parallax.core.model import Side
from parallax.ui.reading import Reading

__all__ = ["NOTE_X", "PIN_X", "MarginMarks"]

#: Left edges of the marks, in pixels inside the view's margin (the unique bar is at 6..10;
#: a pinned sentence is linked, so it never has that bar).
PIN_X = 3.0
NOTE_X = 12.0
_NOTE_W = 8.0
_NOTE_H = 10.0


class MarginMarks:
    """The pins and note marks of one side of a comparison."""

    def __init__(self, side: Side) -> None:
        self.side = side
        self.pinned: frozenset[int] = frozenset()
        self.notes: dict[int, tuple[str, ...]] = {}

    def set_reading(self, reading: Reading | None) -> None:
        """The sentences of this side that are in a pinned link."""
        links = () if reading is None else reading.comparison.links
        self.pinned = frozenset(s for k in links if k.pinned for s in k.on(self.side))

    def set_notes(self, notes: Mapping[int, Sequence[str]]) -> None:
        """The notes of this side, by sentence."""
        self.notes = {s: tuple(texts) for s, texts in notes.items() if texts}

    def paint(
        self,
        painter: QPainter,
        extents: Sequence[tuple[float, float]],
        scroll: float,
        height: float,
        color: QColor,
    ) -> None:
        """Draw the marks of the sentences in view (``extents`` in document coordinates)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for sentence in sorted(self.pinned | set(self.notes)):
            if not 0 <= sentence < len(extents):
                continue
            top, bottom = extents[sentence]
            if bottom < scroll or top > scroll + height:
                continue
            y = top - scroll + 3
            if sentence in self.pinned:
                _pin(painter, PIN_X, y, color)
            if sentence in self.notes:
                _note(painter, NOTE_X, y, color)
        painter.restore()

    def at(self, x: float, sentence: int | None) -> str | None:
        """What the mark at ``x`` in the margin beside ``sentence`` stands for, if any."""
        if sentence is None:
            return None
        if sentence in self.notes and NOTE_X - 2 <= x <= NOTE_X + _NOTE_W + 2:
            texts = self.notes[sentence]
            head = "Your note" if len(texts) == 1 else f"Your {len(texts)} notes"
            return f"{head}:\n" + "\n—\n".join(texts)
        if sentence in self.pinned and x < NOTE_X - 2:
            return "Pinned by you: this link is yours, the aligner keeps it as it is"
        return None


def _pin(painter: QPainter, x: float, y: float, color: QColor) -> None:
    """A push pin: a round head on a short needle."""
    painter.setPen(QPen(color, 1.2))
    painter.drawLine(QPointF(x + 3, y + 5), QPointF(x + 3, y + 10))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawEllipse(QRectF(x, y, 6, 6))


def _note(painter: QPainter, x: float, y: float, color: QColor) -> None:
    """A small page with a folded corner."""
    fold = 3.0
    page = QPolygonF(
        [
            QPointF(x, y),
            QPointF(x + _NOTE_W - fold, y),
            QPointF(x + _NOTE_W, y + fold),
            QPointF(x + _NOTE_W, y + _NOTE_H),
            QPointF(x, y + _NOTE_H),
        ]
    )
    painter.setPen(QPen(color, 1.0))
    painter.setBrush(QBrush(QColor(color.red(), color.green(), color.blue(), 70)))
    painter.drawPolygon(page)
