"""A message over the panes that stays until the journalist dismisses it.

For what must not be missed while the comparison stays readable under it: a comparison that
could not be saved to the library (damaged, read-only, not a library, disk full). A
status-bar line would fade after a few seconds, unseen by someone reading the articles.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from parallax.report import one_line


class Banner(QFrame):
    """A bar with one message and a Dismiss button; hidden until :meth:`show_message`."""

    #: The journalist dismissed the message.
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#libraryBanner { background: palette(tool-tip-base); color: palette(tool-tip-text);"
            " border: none; border-bottom: 1px solid palette(mid); }"
        )
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton("Dismiss", self)
        self.dismiss.setToolTip("Hide this message")
        self.dismiss.clicked.connect(self._dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.message, 1)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` (one line, control characters neutralised) until dismissed."""
        self.message.setText(one_line(text))
        self.setAccessibleName(self.message.text())
        self.show()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
