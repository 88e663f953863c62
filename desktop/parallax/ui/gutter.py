"""The band between the panes: one curve per link, from a sentence to its counterpart.

Each link is drawn as a filled ribbon in its colour from the left sentence's lines to the
right sentence's lines. When the outlets tell facts in a different order the ribbons cross,
which is exactly what a reader should see. Links whose ends are both off screen are not
drawn; a link with one end off screen leaves the gutter at its top or bottom edge, pointing
to where the other end is. The selected link is drawn opaque with an outline.

Clicking a ribbon selects its link (:attr:`LinkGutter.linkClicked`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from parallax.ui.pane import ArticleView, viewport_rect_in
from parallax.ui.reading import Reading
from parallax.ui.theme import Theme


class LinkGutter(QWidget):
    """Draws the links of a comparison between two article views."""

    linkClicked = Signal(int)  # link index, or -1 for a click on empty gutter

    WIDTH = 64

    def __init__(self, left: ArticleView, right: ArticleView, parent: QWidget | None = None):
        super().__init__(parent)
        self._left, self._right = left, right
        self._reading: Reading | None = None
        self._theme: Theme | None = None
        self._selected: int | None = None
        self._paths: list[tuple[int, QPainterPath]] = []
        self.setMinimumWidth(self.WIDTH)
        self.setMaximumWidth(self.WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between the articles")
        for view in (left, right):
            view.verticalScrollBar().valueChanged.connect(self.update)
            view.geometryChanged.connect(self.update)

    def set_content(self, reading: Reading | None, theme: Theme) -> None:
        self._reading, self._theme = reading, theme
        self._selected = None
        self.update()

    def set_selected(self, link: int | None) -> None:
        self._selected = link
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 400)

    def visible_links(self) -> list[int]:
        """Links with at least one end in view, in drawing order (what :meth:`paintEvent` draws)."""
        return [i for i, _ in self._ribbons()]

    def _ribbons(self) -> list[tuple[int, QPainterPath]]:
        reading = self._reading
        if reading is None:
            return []
        lrect = viewport_rect_in(self._left, self)
        rrect = viewport_rect_in(self._right, self)
        lext, rext = self._left.extents(), self._right.extents()
        lscroll, rscroll = self._left.scroll_y(), self._right.scroll_y()
        top_limit = min(lrect.top(), rrect.top())
        bottom_limit = max(lrect.bottom(), rrect.bottom())
        w = float(self.width())
        out: list[tuple[int, QPainterPath]] = []
        # Only links with an end in view are drawn: collect them from the visible sentences
        # (a long article has thousands of links, a screen a few dozen).
        candidates: set[int] = set()
        for s in self._left.visible_sentences():
            candidates.update(reading.links_of("left", s))
        for s in self._right.visible_sentences():
            candidates.update(reading.links_of("right", s))
        links = reading.comparison.links
        for index in sorted(candidates, key=lambda i: reading.slot[i]):
            link = links[index]
            lefts = [s for s in link.left if 0 <= s < len(lext)]
            rights = [s for s in link.right if 0 <= s < len(rext)]
            if not lefts or not rights:
                continue
            lt = min(lext[s][0] for s in lefts) - lscroll + lrect.top()
            lb = max(lext[s][1] for s in lefts) - lscroll + lrect.top()
            rt = min(rext[s][0] for s in rights) - rscroll + rrect.top()
            rb = max(rext[s][1] for s in rights) - rscroll + rrect.top()
            left_visible = lb >= lrect.top() and lt <= lrect.bottom()
            right_visible = rb >= rrect.top() and rt <= rrect.bottom()
            if not left_visible and not right_visible:
                continue
            # Keep the ends within reach so far-away counterparts point off the edge.
            span = bottom_limit - top_limit
            lt, lb = (max(min(v, bottom_limit + span), top_limit - span) for v in (lt, lb))
            rt, rb = (max(min(v, bottom_limit + span), top_limit - span) for v in (rt, rb))
            path = QPainterPath(QPointF(0, lt))
            path.cubicTo(QPointF(w * 0.5, lt), QPointF(w * 0.5, rt), QPointF(w, rt))
            path.lineTo(QPointF(w, rb))
            path.cubicTo(QPointF(w * 0.5, rb), QPointF(w * 0.5, lb), QPointF(0, lb))
            path.closeSubpath()
            out.append((index, path))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        theme, reading = self._theme, self._reading
        self._paths = self._ribbons() if theme is not None else []
        if theme is None or reading is None:
            painter.end()
            return
        selected_path: QPainterPath | None = None
        for index, path in self._paths:
            slot = reading.slot[index]
            if index == self._selected:
                selected_path = path
                continue
            fill = QColor(theme.link_color(slot))
            fill.setAlpha(150 if self._selected is None else 70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fill))
            painter.drawPath(path)
        if selected_path is not None and self._selected is not None:
            slot = reading.slot[self._selected]
            painter.setBrush(QBrush(theme.link_color(slot, strong=True)))
            pen = QPen(theme.link_outline(slot))
            pen.setWidthF(1.6)
            painter.setPen(pen)
            painter.drawPath(selected_path)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawLine(QPointF(0.5, 0), QPointF(0.5, self.height()))
        painter.drawLine(QPointF(self.width() - 0.5, 0), QPointF(self.width() - 0.5, self.height()))
        painter.end()

    def link_at(self, x: float, y: float) -> int | None:
        """The link whose ribbon is under a point (the selected one wins, then the last drawn)."""
        point = QPointF(x, y)
        hits = [i for i, path in self._paths if path.contains(point)]
        if not hits:
            return None
        if self._selected in hits:
            return self._selected
        return hits[-1]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._paths = self._ribbons()
        found = self.link_at(event.position().x(), event.position().y())
        self.linkClicked.emit(-1 if found is None else found)

    def ribbon(self, link: int) -> QRectF | None:
        """Bounding box of a link's ribbon as last drawn, or None when not on screen."""
        for index, path in self._paths or self._ribbons():
            if index == link:
                return path.boundingRect()
        return None
