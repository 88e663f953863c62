"""One article in the reader: a header, the text with its sentences coloured, an overview.

:class:`ArticleView` shows an article's repaired text (or, on request, its original text
with the removed characters marked) read-only and soft-wrapped. Every sentence of a link is
painted in the link's colour; a sentence only this outlet carries gets a margin bar, and
the journalist's pins and notes their marks (:mod:`parallax.ui.margin`); places where damage
was removed get a small mark. Overlays that change with the reader's attention
— the selected link, the words that differ inside it, an actor's mentions, find matches —
are extra selections on top, so changing them never touches the document.

The view also knows where each sentence lies on screen (:meth:`ArticleView.sentence_extent`),
which is what the gutter, the overview strip and scroll sync are built on. Offsets in
Parallax count code points; Qt counts UTF-16 units, so every offset goes through
:meth:`ArticleView.qt_pos`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import Document, Side
from parallax.core.offsets import OffsetMap
from parallax.report import one_line
from parallax.ui.margin import MarginMarks
from parallax.ui.reading import Reading, WordMark
from parallax.ui.theme import Theme

#: Reading fonts, best first; the last resort is whatever the platform calls serif.
READING_FAMILIES = ["Noto Serif", "Source Serif 4", "Georgia", "Cambria", "DejaVu Serif", "serif"]
BASE_POINT_SIZE = 12.0
MARGIN = 22  # document margin in pixels; the unique-sentence bar sits inside it
LINE_HEIGHT = 145.0  # percent of the font's line height


class ArticleView(QTextEdit):
    """The read-only text of one article, with sentence geometry for the reader."""

    #: A sentence was clicked (its index), or -1 for a click outside any sentence.
    sentenceClicked = Signal(int)
    #: A context menu was asked for on a sentence (index, or -1) at a global position.
    sentenceMenuRequested = Signal(int, QPoint)
    #: The geometry of sentences changed (new text, resize, zoom): cached extents are stale.
    geometryChanged = Signal()

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side: Side = side
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(f"{side.capitalize()} article")
        self.document().setDocumentMargin(MARGIN)
        self._zoom = 1.0
        self._apply_font()
        self._doc: Document | None = None
        self._reading: Reading | None = None
        self._theme: Theme | None = None
        self._show_original = False
        self._offsets: OffsetMap | None = None
        self._u16: list[int] | None = None  # code point -> UTF-16 prefix, when needed
        self._extents: list[tuple[float, float]] | None = None
        self._ranges: list[tuple[int, int]] | None = None
        self._tops: list[float] = []
        self._repair_marks: list[int] = []
        self._overlays: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._emphasis: tuple[tuple[int, ...], QColor | None] = ((), None)
        self._emphasis_outline: QColor | None = None
        #: The journalist's pins and notes in the margin.
        self.margin = MarginMarks(side)
        self.viewport().setAutoFillBackground(False)
        self.document().documentLayout().documentSizeChanged.connect(self._invalidate)

    # -- content ----------------------------------------------------------------------------

    def set_content(
        self, reading: Reading | None, theme: Theme, *, show_original: bool = False
    ) -> None:
        """Show this side of a comparison (or nothing), coloured with ``theme``."""
        self._reading = reading
        self._theme = theme
        self._show_original = show_original
        self._overlays.clear()
        self._emphasis = ((), None)
        doc = reading.document(self.side) if reading is not None else None
        self._doc = doc
        self._offsets = OffsetMap.from_repairs(doc.repairs) if doc is not None else None
        self._ranges = None
        shown = "" if doc is None else (doc.original if show_original else doc.text)
        self._u16 = _utf16_prefix(shown)
        self._set_text(shown)
        if reading is not None:
            self._mark_removed()
        self._repair_marks = self._repair_positions()
        self.margin.set_reading(reading)
        self.setExtraSelections([])
        self._invalidate()

    def set_notes(self, notes: dict[int, list[str]]) -> None:
        """The journalist's notes on this article, by sentence: marks in the margin."""
        self.margin.set_notes(notes)
        self.viewport().update()

    def document_model(self) -> Document | None:
        return self._doc

    def qt_pos(self, offset: int) -> int:
        """The Qt (UTF-16) position of a code-point offset into the repaired text."""
        if self._show_original and self._offsets is not None:
            offset = self._offsets.to_original(offset)
        return self._qt(offset)

    def _qt(self, offset: int) -> int:
        """UTF-16 position of a code-point offset into the text shown."""
        if self._u16 is None:
            return offset
        return self._u16[min(max(offset, 0), len(self._u16) - 1)]

    def _set_text(self, text: str) -> None:
        """Replace the text; every paragraph gets the reading line height and spacing.

        The block format is set on the empty document and the text inserted after it, so
        every new paragraph inherits it — formatting the whole text afterwards would make
        Qt lay a long article out twice.
        """
        doc = self.document()
        doc.clear()
        cursor = QTextCursor(doc)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(4.0)
        cursor.setBlockFormat(fmt)
        cursor.insertText(text)
        self.setTextCursor(QTextCursor(doc))  # caret at the start, nothing selected

    def _sentence_ranges(self) -> list[tuple[int, int]]:
        """Qt positions of every sentence in the text shown (cached per text)."""
        if self._ranges is None:
            doc = self._doc
            self._ranges = (
                []
                if doc is None
                else [(self.qt_pos(s.start), self.qt_pos(s.end)) for s in doc.sentences]
            )
        return self._ranges

    def visible_sentences(self) -> range:
        """Indexes of the sentences at least partly in view."""
        extents = self.extents()
        if not extents:
            return range(0)
        top = self.scroll_y()
        first = self.sentence_at(top) or 0
        last = self.sentence_at(top + self.viewport_height()) or 0
        return range(first, min(last + 1, len(extents)))

    def _mark_removed(self) -> None:
        """Strike out removed characters when the original text is shown.

        Sentence colours are not text formats: :meth:`paintEvent` draws them as bands the
        full height of each line, so a paragraph reads as one coloured block.
        """
        theme = self._theme
        if theme is None or self._doc is None or not (self._show_original and self._doc.repairs):
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        removed = QTextCharFormat()
        removed.setForeground(QBrush(theme.repair))
        removed.setFontStrikeOut(True)
        removed.setBackground(QBrush(_with_alpha(theme.repair, 40)))
        for r in self._doc.repairs:
            cursor.setPosition(self._qt(r.start))
            cursor.setPosition(self._qt(r.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(removed)
        cursor.endEditBlock()

    def _repair_positions(self) -> list[int]:
        """Qt positions in the repaired text where characters were removed or replaced."""
        if self._doc is None or self._show_original or self._offsets is None:
            return []
        out = []
        for r, start in zip(self._offsets.repairs, self._offsets.repaired_starts, strict=True):
            out.append(self._qt(start + len(r.replacement)) if r.replacement else self._qt(start))
        return out

    # -- overlays ---------------------------------------------------------------------------

    def set_overlay(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace one named layer of extra selections (selection, words, mentions, find)."""
        if selections:
            self._overlays[name] = selections
        else:
            self._overlays.pop(name, None)
        ordered = [
            s for key in ("mentions", "link", "words", "find") for s in self._overlays.get(key, [])
        ]
        self.setExtraSelections(ordered)

    def overlay(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._overlays.get(name, []))

    def span_selection(
        self, start: int, end: int, fmt: QTextCharFormat
    ) -> QTextEdit.ExtraSelection:
        """An extra selection over ``[start, end)`` (code-point offsets into the repaired text)."""
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_pos(start))
        cursor.setPosition(self.qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def show_link(
        self, sentences: Sequence[int], color: QColor | None, outline: QColor | None = None
    ) -> None:
        """Emphasise the sentences of the selected link (``color`` None clears it)."""
        self._emphasis = (tuple(sentences), color) if color is not None else ((), None)
        self._emphasis_outline = outline if color is not None else None
        self.set_overlay("link", [])
        self.viewport().update()

    def emphasised(self) -> tuple[tuple[int, ...], QColor | None]:
        """The sentences drawn emphasised, and their colour."""
        return self._emphasis

    def highlight_sentence(
        self, sentence: int | None, color: QColor | None, outline: QColor | None = None
    ) -> None:
        """Emphasise one sentence that belongs to no link (e.g. a reaction's sentence)."""
        self.show_link(() if sentence is None else (sentence,), color, outline)

    def sentence_color(self, index: int) -> QColor | None:
        """The background a sentence is painted with right now."""
        theme, reading = self._theme, self._reading
        if theme is None or reading is None:
            return None
        members, strong = self._emphasis
        if strong is not None and index in members:
            return strong
        link = reading.primary_link(self.side, index)
        if link is None:
            return theme.unique_background
        return theme.link_color(reading.slot[link])

    def show_words(self, marks: Iterable[WordMark]) -> None:
        """Mark the words that differ inside the selected link."""
        theme = self._theme
        if theme is None:
            return
        changed = QTextCharFormat()
        changed.setBackground(QBrush(theme.changed_words))
        changed.setFontUnderline(True)
        changed.setUnderlineColor(theme.muted_text)
        discrepancy = QTextCharFormat()
        discrepancy.setBackground(QBrush(theme.changed_words))
        discrepancy.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        discrepancy.setUnderlineColor(theme.discrepancy)
        discrepancy.setFontWeight(QFont.Weight.DemiBold)
        self.set_overlay(
            "words",
            [
                self.span_selection(m.start, m.end, discrepancy if m.discrepancy else changed)
                for m in marks
            ],
        )

    # -- geometry ---------------------------------------------------------------------------

    def _invalidate(self, *_args: object) -> None:
        self._extents = None
        self.geometryChanged.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._invalidate()

    def _compute_extents(self) -> list[tuple[float, float]]:
        doc = self.document()
        layout = doc.documentLayout()
        out: list[tuple[float, float]] = []
        for start, end in self._sentence_ranges():
            out.append(
                (self._y_at(doc, layout, start)[0], self._y_at(doc, layout, max(start, end - 1))[1])
            )
        return out

    @staticmethod
    def _y_at(doc: QTextDocument, layout: object, pos: int) -> tuple[float, float]:
        block = doc.findBlock(pos)
        rect = layout.blockBoundingRect(block)  # type: ignore[attr-defined]
        text_layout = block.layout()
        line = text_layout.lineForTextPosition(pos - block.position())
        if not line.isValid():
            return rect.top(), rect.bottom()
        return _band(rect.top(), line.y(), line.height())

    def extents(self) -> list[tuple[float, float]]:
        """(top, bottom) of every sentence in document pixels, cached until layout changes."""
        if self._extents is None:
            self._extents = self._compute_extents()
            self._tops = [t for t, _ in self._extents]
        return self._extents

    def sentence_extent(self, index: int) -> tuple[float, float]:
        return self.extents()[index]

    def sentence_at(self, y: float) -> int | None:
        """The sentence at document y (the last one starting at or above it)."""
        extents = self.extents()
        if not extents:
            return None
        i = bisect_right(self._tops, y) - 1
        return max(i, 0)

    def sentence_at_pos(self, qt_position: int) -> int | None:
        """The sentence that holds a Qt text position, or None between sentences."""
        ranges = self._sentence_ranges()
        i = bisect_right(ranges, (qt_position, float("inf"))) - 1
        if i >= 0 and ranges[i][0] <= qt_position < max(ranges[i][1], ranges[i][0] + 1):
            return i
        return None

    def content_height(self) -> float:
        return float(self.document().size().height())

    def scroll_y(self) -> float:
        return float(self.verticalScrollBar().value())

    def set_scroll_y(self, y: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(min(max(y, bar.minimum()), bar.maximum())))

    def viewport_height(self) -> float:
        return float(self.viewport().height())

    def line_pitch(self) -> float:
        """The height of one line of text, leading included, in pixels."""
        return QFontMetricsF(self.document().defaultFont()).lineSpacing() * LINE_HEIGHT / 100

    def scroll_sentence_to(self, index: int, y_in_viewport: float) -> None:
        """Scroll so that sentence ``index`` starts ``y_in_viewport`` pixels below the top."""
        top, _ = self.sentence_extent(index)
        self.set_scroll_y(top - y_in_viewport)

    def ensure_sentence_visible(self, index: int, reading_line: float) -> None:
        top, bottom = self.sentence_extent(index)
        view_top = self.scroll_y()
        if top < view_top or bottom > view_top + self.viewport_height():
            self.set_scroll_y(top - reading_line)

    # -- zoom -------------------------------------------------------------------------------

    def set_zoom(self, factor: float) -> None:
        self._zoom = min(max(factor, 0.5), 3.0)
        self._apply_font()
        self._invalidate()

    def zoom(self) -> float:
        return self._zoom

    def _apply_font(self) -> None:
        font = QFont()
        font.setFamilies(READING_FAMILIES)
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.document().setDefaultFont(font)

    # -- painting and input -----------------------------------------------------------------

    def _line_bands(self, start: int, end: int) -> list[QRectF]:
        """Document rectangles covering ``[start, end)`` (Qt positions), a full line high."""
        doc = self.document()
        layout = doc.documentLayout()
        out: list[QRectF] = []
        block = doc.findBlock(start)
        while block.isValid() and block.position() < end:
            text_layout = block.layout()
            origin = layout.blockBoundingRect(block).topLeft()
            base = block.position()
            count = text_layout.lineCount()
            for n in range(count):
                line = text_layout.lineAt(n)
                a, b = base + line.textStart(), base + line.textStart() + line.textLength()
                lo, hi = max(a, start), min(b, end)
                if lo >= hi and not (a == b == start):
                    continue
                x1 = float(line.cursorToX(lo - base)[0])  # type: ignore[index]
                x2 = float(line.cursorToX(hi - base)[0])  # type: ignore[index]
                top, bottom = _band(origin.y(), line.y(), line.height())
                out.append(QRectF(origin.x() + x1 - 3, top, x2 - x1 + 6, bottom - top))
            block = block.next()
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        base = self._theme.base if self._theme is not None else self.palette().base().color()
        painter.fillRect(event.rect(), base)
        theme, reading = self._theme, self._reading
        scroll = self.scroll_y()
        height = self.viewport_height()
        if theme is not None and reading is not None and self._doc is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            extents = self.extents()
            ranges = self._sentence_ranges()
            first = self.sentence_at(scroll) or 0
            for i in range(first, len(extents)):
                top, bottom = extents[i]
                if top > scroll + height:
                    break
                if bottom < scroll:
                    continue
                color = self.sentence_color(i)
                if color is None:
                    continue
                painter.setBrush(QBrush(color))
                bands = self._line_bands(*ranges[i])
                for rect in bands:
                    painter.drawRoundedRect(rect.translated(0, -scroll), 3, 3)
                if i in self._emphasis[0] and self._emphasis_outline is not None:
                    outline = QPainterPath()
                    for rect in bands:
                        outline.addRoundedRect(
                            rect.translated(0, -scroll).adjusted(0, -0.5, 0, 0.5), 3, 3
                        )
                    pen = QPen(self._emphasis_outline)
                    pen.setWidthF(1.6)
                    painter.setPen(pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawPath(outline.simplified())
                    painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(theme.unique))
            for i in reading.unique[self.side]:
                top, bottom = extents[i]
                if bottom < scroll or top > scroll + height:
                    continue
                painter.drawRoundedRect(QRectF(6, top - scroll + 2, 4, bottom - top - 4), 2, 2)
            self.margin.paint(painter, extents, scroll, height, theme.text)
        painter.end()
        super().paintEvent(event)
        if theme is None or not self._repair_marks:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(theme.repair))
        for pos in self._repair_marks:
            cursor = QTextCursor(self.document())
            cursor.setPosition(pos)
            caret = self.cursorRect(cursor)
            if caret.bottom() < 0 or caret.top() > height:
                continue
            x, y = caret.left(), caret.bottom() - 1
            painter.drawPolygon([QPoint(x - 3, y + 4), QPoint(x + 3, y + 4), QPoint(x, y)])
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos = self.cursorForPosition(event.position().toPoint()).position()
        found = self.sentence_at_pos(pos)
        self.sentenceClicked.emit(-1 if found is None else found)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Space selects the sentence at the caret: the keyboard's click."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            found = self.sentence_at_pos(self.textCursor().position())
            if found is None:  # between sentences: the next one
                found = self.sentence_at(self.cursorRect().top() + self.scroll_y())
            self.sentenceClicked.emit(-1 if found is None else found)
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering a pin or a note mark in the margin says what it stands for."""
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            tip = self.margin.at(pos.x(), self.sentence_at(pos.y() + self.scroll_y()))
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
            QToolTip.hideText()
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = self.cursorForPosition(self.viewport().mapFrom(self, event.pos())).position()
        found = self.sentence_at_pos(pos)
        self.sentenceMenuRequested.emit(-1 if found is None else found, event.globalPos())


def _band(block_top: float, line_y: float, line_height: float) -> tuple[float, float]:
    """Top and bottom of a line's band: the line's full pitch, centred on its glyphs.

    With a proportional line height Qt puts the extra space below the glyphs; the band is
    moved up by half of it so text sits in the middle of its colour.
    """
    pitch = line_height * LINE_HEIGHT / 100.0
    top = block_top + line_y - (pitch - line_height) / 2
    return top, top + pitch


def _with_alpha(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _utf16_prefix(text: str) -> list[int] | None:
    """UTF-16 offsets of every code-point offset, or None when the two agree (BMP only)."""
    if _ASTRAL.search(text) is None:
        return None
    out = [0] * (len(text) + 1)
    pos = 0
    for i, ch in enumerate(text):
        out[i] = pos
        pos += 2 if ord(ch) >= 0x10000 else 1
    out[len(text)] = pos
    return out


class OverviewStrip(QWidget):
    """A narrow map of the whole article: where the links, unique sentences and
    discrepancies are, and which part is on screen. Click or drag to go there."""

    WIDTH = 14

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._reading: Reading | None = None
        self._theme: Theme | None = None
        self.setFixedWidth(self.WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            "Overview: coloured ticks are linked facts, grey ticks are sentences "
            "only this outlet has, orange marks are discrepancies."
        )
        self._map: QPixmap | None = None  # the ticks, drawn once per layout
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.geometryChanged.connect(self._invalidate)

    def set_content(self, reading: Reading | None, theme: Theme) -> None:
        self._reading, self._theme = reading, theme
        self._invalidate()

    def _invalidate(self) -> None:
        self._map = None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._map = None

    def _scale(self) -> float:
        total = max(self._view.content_height(), 1.0)
        return self.height() / total

    def _draw_map(self, theme: Theme, reading: Reading) -> QPixmap:
        """The ticks of every sentence; a scroll only moves the viewport frame over them."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.palette().window().color())
        painter = QPainter(pixmap)
        side = self._view.side
        scale = self._scale()
        discrepant = set(reading.discrepant)
        w = self.width()
        for i, (top, bottom) in enumerate(self._view.extents()):
            y0, y1 = top * scale, max(bottom * scale, top * scale + 2)
            link = reading.primary_link(side, i)
            if link is None:
                painter.fillRect(QRectF(w - 6, y0, 4, y1 - y0), theme.unique)
                continue
            painter.fillRect(
                QRectF(2, y0, w - 4, y1 - y0), theme.link_color(reading.slot[link], strong=True)
            )
            if link in discrepant:
                painter.fillRect(QRectF(0, y0, 3, max(y1 - y0, 3)), theme.discrepancy)
        painter.end()
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        theme, reading = self._theme, self._reading
        if theme is None or reading is None:
            painter.fillRect(self.rect(), self.palette().window())
            painter.end()
            return
        if self._map is None:
            self._map = self._draw_map(theme, reading)
        painter.drawPixmap(0, 0, self._map)
        scale = self._scale()
        top = self._view.scroll_y() * scale
        height = self._view.viewport_height() * scale
        pen = QPen(theme.text)
        pen.setWidthF(1.0)
        painter.setPen(pen)
        painter.setBrush(QBrush(_with_alpha(theme.text, 28)))
        painter.drawRect(QRectF(0.5, top + 0.5, self.width() - 1, max(height - 1, 4)))
        painter.end()

    def _go(self, y: float) -> None:
        scale = self._scale()
        if scale <= 0:
            return
        self._view.set_scroll_y(y / scale - self._view.viewport_height() / 2)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._go(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._go(event.position().y())

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 200)


class ArticlePane(QWidget):
    """Header (title, outlet, date, counts) over the article view and its overview strip.

    Files dropped on the pane ask for this side to be replaced (:attr:`fileDropped`); a
    double-click on the header asks to correct its outlet, author and date.
    """

    fileDropped = Signal(str, Path)  # side, path
    #: A double-click on the header (title, outlet, date): correct the article's details.
    detailsRequested = Signal(str)  # side

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side: Side = side
        self.setAcceptDrops(True)
        self.view = ArticleView(side, self)
        self.overview = OverviewStrip(self.view, self)
        self.title = QLabel(self)
        self.title.setObjectName("paneTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.meta = QLabel(self)
        self.meta.setObjectName("paneMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        header = QVBoxLayout()
        header.setContentsMargins(MARGIN, 10, MARGIN, 8)
        header.setSpacing(2)
        header.addWidget(self.title)
        header.addWidget(self.meta)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        if side == "left":
            body.addWidget(self.overview)
            body.addWidget(self.view, 1)
        else:
            body.addWidget(self.view, 1)
            body.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setStyleSheet("color: palette(mid);")
        layout.addWidget(rule)
        layout.addLayout(body, 1)

    def set_content(
        self, reading: Reading | None, theme: Theme, *, show_original: bool = False
    ) -> None:
        self.view.set_content(reading, theme, show_original=show_original)
        self.overview.set_content(reading, theme)
        doc = reading.document(self.side) if reading is not None else None
        if doc is None:
            self.title.setText("")
            self.meta.setText("Drop a file here, or use File ▸ Open")
            self.meta.setToolTip("")
            return
        name = Path(doc.path).name if doc.path else None
        self.title.setText(
            one_line(doc.title) or one_line(name) or one_line(doc.source) or self.side.capitalize()
        )
        self.title.setToolTip(one_line(doc.path))
        shown = {self.title.text(), name}
        byline = f"by {doc.author}" if doc.author else None
        parts = [one_line(p) for p in (doc.source, byline, doc.published) if p and p not in shown]
        assert reading is not None
        unique = len(reading.unique[self.side])
        n = len(doc.sentences)
        parts.append(f"{n} sentence{'s' * (n != 1)}")
        parts.append(f"{unique} only here")
        if doc.repairs:
            parts.append(f"{len(doc.repairs)} repair{'s' * (len(doc.repairs) != 1)}")
        if doc.notes:  # how the text was read (the whole page, not the article alone)
            count = len(doc.notes)
            parts.append(f"⚠ {'a note' if count == 1 else f'{count} notes'} on how it was read")
        self.meta.setText(" · ".join(parts))
        self.meta.setToolTip("\n\n".join(doc.notes))

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # The view takes its own clicks: what arrives here is the header's.
        self.detailsRequested.emit(self.side)
        event.accept()

    # Drag and drop of files -----------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.fileDropped.emit(self.side, Path(url.toLocalFile()))
                event.acceptProposedAction()
                return


def viewport_rect_in(view: ArticleView, widget: QWidget) -> QRect:
    """The view's viewport rectangle in ``widget``'s coordinates."""
    top_left = view.viewport().mapTo(widget.window(), QPoint(0, 0))
    origin = widget.mapTo(widget.window(), QPoint(0, 0))
    return QRect(top_left - origin, view.viewport().size())
