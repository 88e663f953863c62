"""A live sample of one mark of the reader, painted with the current theme's colours.

One small painting function per entry of the legend (links, the selected link, a
unique sentence, a discrepancy, ...), so the legend shows the marks as the panes,
gutter and overview strip draw them, in light and dark alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from parallax.ui.theme import Theme


class Swatch(QWidget):
    """A small live sample of one mark, painted with the current theme's colours."""

    def __init__(self, key: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.theme = theme
        self.setObjectName(f"swatch-{key}")
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(176, 40)

    def colors(self) -> tuple[QColor, ...]:
        """The theme colours this swatch paints with (what the legend promises)."""
        t = self.theme
        return {
            "links": t.links,
            "selected": (t.links_strong[0], t.link_outline(0)),
            "unique": (t.unique, t.unique_background),
            "discrepancy": (t.discrepancy, t.changed_words),
            "changed": (t.changed_words, t.muted_text),
            "mention": (t.mention,),
            "repair": (t.repair,),
            "find": (t.find_match,),
            "gutter": (*t.links[:3], t.link_outline(2)),
            "overview": (*t.links_strong[:3], t.unique, t.discrepancy),
        }[self.key]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self.theme
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.fillRect(rect, t.base)
        p.setPen(QPen(t.muted_text, 1))
        p.drawRect(rect)
        inner = rect.adjusted(6, 6, -6, -6)
        painter = _PAINTERS[self.key]
        painter(p, t, inner, self.colors())
        p.end()


def _text(p: QPainter, t: Theme, rect: QRectF, text: str) -> None:
    p.setPen(t.text)
    p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


def _links(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    width = rect.width() / len(colors)
    p.setPen(Qt.PenStyle.NoPen)
    for i, color in enumerate(colors):
        p.setBrush(color)
        p.drawRoundedRect(
            QRectF(rect.left() + i * width, rect.top(), width - 3, rect.height()), 3, 3
        )


def _selected(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    p.setBrush(colors[0])
    p.setPen(QPen(colors[1], 1.6))
    p.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
    _text(p, t, rect.adjusted(5, 0, 0, 0), "the pact was signed")


def _unique(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colors[1])
    p.drawRoundedRect(rect, 3, 3)
    p.setBrush(colors[0])
    p.drawRoundedRect(QRectF(rect.left() + 2, rect.top() + 2, 4, rect.height() - 4), 2, 2)
    _text(p, t, rect.adjusted(12, 0, 0, 0), "only in this article")


def _span(p: QPainter, rect: QRectF, before: str, word: str) -> QRectF:
    """Where ``word`` lands when ``before + word`` is drawn at the left of ``rect``."""
    metrics = p.fontMetrics()
    x = rect.left() + 4 + metrics.horizontalAdvance(before)
    top = rect.center().y() - metrics.height() / 2
    return QRectF(x - 1, top, metrics.horizontalAdvance(word) + 2, metrics.height())


def _wavy_line(p: QPainter, color: QColor, left: float, right: float, y: float) -> None:
    path = QPainterPath()
    path.moveTo(left, y)
    x = left
    while x < right:
        x += 1
        path.lineTo(x, y + 1.5 * math.sin((x - left) * math.pi / 3))
    p.setPen(QPen(color, 1.2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def _discrepancy(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    before, word = "killed ", "42"
    box = _span(p, rect, before, word)
    p.fillRect(box, colors[1])
    _text(p, t, rect.adjusted(4, 0, 0, 0), before + word + " people")
    _wavy_line(p, colors[0], box.left(), box.right(), box.bottom() - 1)


def _changed(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    before, word = "Moscow ", "announced"
    box = _span(p, rect, before, word)
    p.fillRect(box, colors[0])
    _text(p, t, rect.adjusted(4, 0, 0, 0), before + word)
    p.setPen(QPen(colors[1], 1))
    p.drawLine(QPointF(box.left(), box.bottom() - 1), QPointF(box.right(), box.bottom() - 1))


def _word_background(before: str, word: str) -> Callable[..., None]:
    def paint(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
        p.fillRect(_span(p, rect, before, word), colors[0])
        _text(p, t, rect.adjusted(4, 0, 0, 0), before + word)

    return paint


def _repair(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    before = "strate"
    _text(p, t, rect.adjusted(4, -3, 0, -3), before + "gic")
    box = _span(p, rect.adjusted(0, -3, 0, -3), before, "")
    x, y = box.left() + 1, box.bottom() - 1
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colors[0])
    p.drawPolygon([QPointF(x - 3, y + 4), QPointF(x + 3, y + 4), QPointF(x, y)])


def _gutter(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    w = 18.0
    h = rect.height() / 3
    left_x, right_x = rect.left(), rect.right() - w
    # (left row, right row) of three links; the last two cross, the last is selected.
    for n, (color, (lrow, rrow)) in enumerate(zip(colors, ((0, 0), (2, 1), (1, 2)), strict=False)):
        ly, ry = rect.top() + lrow * h, rect.top() + rrow * h
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(QRectF(left_x, ly + 1, w, h - 2), 2, 2)
        p.drawRoundedRect(QRectF(right_x, ry + 1, w, h - 2), 2, 2)
        band = QPainterPath()
        x0, x1 = left_x + w, right_x
        mid = (x0 + x1) / 2
        band.moveTo(x0, ly + 1)
        band.cubicTo(mid, ly + 1, mid, ry + 1, x1, ry + 1)
        band.lineTo(x1, ry + h - 1)
        band.cubicTo(mid, ry + h - 1, mid, ly + h - 1, x0, ly + h - 1)
        band.closeSubpath()
        fill = QColor(color)
        fill.setAlpha(150)
        p.setBrush(fill)
        if n == 2:
            p.setPen(QPen(colors[-1], 1.4))
        p.drawPath(band)


def _overview(p: QPainter, t: Theme, rect: QRectF, colors: tuple[QColor, ...]) -> None:
    strong, unique, discrepancy = colors[:3], colors[3], colors[4]
    strip = QRectF(rect.center().x() - 9, rect.top(), 18, rect.height())
    p.fillRect(strip, t.base.darker(108) if not t.dark else t.base.lighter(140))
    rows = 8
    h = strip.height() / rows
    # (row, what): a link slot, "u" for a unique sentence; row 5 is a discrepant link
    for row, what in enumerate((0, 1, "u", 2, 0, 1, "u", 2)):
        y = strip.top() + row * h
        if what == "u":
            p.fillRect(QRectF(strip.right() - 5, y, 4, h - 1), unique)
            continue
        assert isinstance(what, int)
        p.fillRect(QRectF(strip.left() + 2, y, strip.width() - 4, h - 1), strong[what])
        if row == 5:
            p.fillRect(QRectF(strip.left(), y, 3, h - 1), discrepancy)
    p.setPen(QPen(t.text, 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(strip.left(), strip.top() + 2 * h, strip.width(), 3 * h))


_PAINTERS: Final[dict[str, Callable[[QPainter, Theme, QRectF, tuple[QColor, ...]], None]]] = {
    "links": _links,
    "selected": _selected,
    "unique": _unique,
    "discrepancy": _discrepancy,
    "changed": _changed,
    "mention": _word_background("said ", "Putin"),
    "repair": _repair,
    "find": _word_background("the ", "treaty"),
    "gutter": _gutter,
    "overview": _overview,
}
