"""The Repairs list's context column: the text around a repair, the removed characters bold."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from parallax.ui.models import CONTEXT_ROLE
from parallax.ui.sidebar.row_tracker import Index
from parallax.ui.theme import Theme


class ContextDelegate(QStyledItemDelegate):
    """Paints a repair's context with the removed characters bold, in the repair colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme | None = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        parts = index.data(CONTEXT_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        before, removed, after = parts
        font: QFont = opt.font
        bold = QFont(font)
        bold.setBold(True)
        fm, fmb = QFontMetrics(font), QFontMetrics(bold)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        mark = text_color if selected or self.theme is None else self.theme.repair
        mid = fmb.horizontalAdvance(removed)
        room = max(0, rect.width() - mid)
        want_before, want_after = fm.horizontalAdvance(before), fm.horizontalAdvance(after)
        # Give the text before the change up to half the room, more if the rest is short.
        left_room = min(want_before, max(room // 2, room - want_after))
        before = fm.elidedText(before, Qt.TextElideMode.ElideLeft, left_room)
        after = fm.elidedText(after, Qt.TextElideMode.ElideRight, room - left_room)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.save()
        painter.setClipRect(rect)
        x = rect.left()
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(QRect(x, rect.top(), left_room + 2, rect.height()), flags, before)
        x += fm.horizontalAdvance(before)
        painter.setFont(bold)
        painter.setPen(mark)
        painter.drawText(QRect(x, rect.top(), mid + 2, rect.height()), flags, removed)
        x += mid
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(QRect(x, rect.top(), rect.right() - x + 1, rect.height()), flags, after)
        painter.restore()
