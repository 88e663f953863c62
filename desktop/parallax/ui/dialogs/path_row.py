"""A path field with a Browse… button, and the file filter for the articles Parallax reads."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

#: The file-dialog filter for articles Parallax reads.
ARTICLE_FILTER: Final = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.mhtml *.mht);;"
    "Text (*.txt *.md *.markdown);;Web pages (*.html *.htm *.mhtml *.mht);;All files (*)"
)


class PathRow(QWidget):
    """A path field with a Browse… button."""

    changed = Signal()

    def __init__(self, caption: str, browse_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self.directory = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Choose a file, or type its path")
        self.edit.setClearButtonEnabled(True)
        self.browse = QPushButton(browse_text)
        self.browse.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.edit.textChanged.connect(self.changed)
        self.browse.clicked.connect(self._choose)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def _choose(self) -> None:
        current = self.path()
        start = str(current) if current is not None else self.directory
        chosen, _ = QFileDialog.getOpenFileName(self, self._caption, start, ARTICLE_FILTER)
        if chosen:
            self.edit.setText(chosen)
