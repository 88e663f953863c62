"""Find in both articles: the bar under the panes, the matches it marks, stepping through them.

Typing in the bar marks every match (case-insensitive) in both article views, in the
theme's find colour, and counts them per article. Return, F3 and the arrow buttons select
the next or previous match and scroll its article to it; Esc or ✕ closes the bar and clears
the marks. The window gives the bar its theme and follows the match selected
(:attr:`FindBar.matchSelected`): that article becomes the one read, and the other keeps
level when scrolling is synchronised.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from parallax.core.model import Side
from parallax.ui.pane import ArticleView
from parallax.ui.sync import reveal_y
from parallax.ui.theme import Theme


def _hit_extent(view: ArticleView, start: int, end: int) -> tuple[float, float]:
    """Document top and bottom of the lines a match spans (Qt positions)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    first = view.cursorRect(cursor)
    cursor.setPosition(max(start, end - 1))
    last = view.cursorRect(cursor)
    scroll = view.scroll_y()
    return first.top() + scroll, last.bottom() + scroll


class FindBar(QWidget):
    """Find in both panes: a field, previous/next, the match count, close.

    Hidden until :meth:`start_find`.
    """

    #: The bar was closed (Esc or ✕) and its marks cleared.
    closed = Signal()
    #: A match was selected and scrolled into view in this side's article.
    matchSelected = Signal(str)

    def __init__(
        self, views: Mapping[Side, ArticleView], theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._views = dict(views)
        self._theme = theme
        self._find_matches: list[tuple[Side, int, int]] = []
        self._find_index = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in both articles")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setMinimumWidth(160)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("▲")
        self.prev_button.setToolTip("Previous match (Shift+F3)")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip("Next match (F3)")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_find)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.field.textChanged.connect(self.find_text)
        self.field.returnPressed.connect(lambda: self.find_step(1))
        self.next_button.clicked.connect(lambda: self.find_step(1))
        self.prev_button.clicked.connect(lambda: self.find_step(-1))
        self.hide()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.close_find()
            return
        super().keyPressEvent(event)

    def set_theme(self, theme: Theme) -> None:
        """Mark the next matches in this theme's colours."""
        self._theme = theme

    def start_find(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_find(self) -> None:
        self.hide()
        for view in self._views.values():
            view.set_overlay("find", [])
        self.closed.emit()

    def refresh(self) -> None:
        """Find again (the articles changed), if the bar is open on some text."""
        if self.isVisible() and self.field.text():
            self.find_text(self.field.text())

    def find_text(self, text: str) -> None:
        """Highlight every match of ``text`` in both panes (case-insensitive)."""
        self._find_matches = []
        self._find_index = -1
        theme = self._theme
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(theme.find_match))
        fmt.setForeground(QBrush(theme.text if not theme.dark else theme.base))
        counts = {}
        for side, view in self._views.items():
            selections = []
            if text:
                doc = view.document()
                cursor = doc.find(text, 0)
                while not cursor.isNull():
                    sel = QTextEdit.ExtraSelection()
                    sel.cursor = cursor
                    sel.format = fmt
                    selections.append(sel)
                    self._find_matches.append(
                        (side, cursor.selectionStart(), cursor.selectionEnd())
                    )
                    cursor = doc.find(text, cursor)
            counts[side] = len(selections)
            view.set_overlay("find", selections)
        total = len(self._find_matches)
        if not text:
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{total} matches · left {counts['left']}, right {counts['right']}")

    def find_step(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) match; open the bar if it is closed."""
        if not self.isVisible():
            self.start_find()
            return
        if not self._find_matches:
            return
        self._find_index = (self._find_index + step) % len(self._find_matches)
        side, start, end = self._find_matches[self._find_index]
        view = self._views[side]
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.set_scroll_y(reveal_y(view, [_hit_extent(view, start, end)]))
        self.count.setText(f"{self._find_index + 1} of {len(self._find_matches)} ({side})")
        self.matchSelected.emit(side)
