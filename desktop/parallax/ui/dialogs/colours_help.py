"""Help > Colours and marks: the legend of every colour and mark, with live samples."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from parallax.ui.dialogs.legend import COLOUR_ENTRIES
from parallax.ui.dialogs.swatch import Swatch
from parallax.ui.theme import Theme, theme_for


class ColoursHelpDialog(QDialog):
    """Help > Colours and marks: every colour and mark of the reader, with live samples.

    Args:
        parent: The main window.
        theme: The reader's current theme; None takes it from the parent's palette. When no
            theme is given the samples follow palette changes (light/dark switches).
    """

    def __init__(self, parent: QWidget | None = None, theme: Theme | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Colours and marks")
        self.setObjectName("coloursHelpDialog")
        self._follow_palette = theme is None
        self._theme = theme or theme_for(self.palette())
        self.swatches: dict[str, Swatch] = {}

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(12)
        for row, entry in enumerate(COLOUR_ENTRIES):
            swatch = Swatch(entry.key, self._theme)
            self.swatches[entry.key] = swatch
            title = QLabel(f"<b>{entry.title}</b>")
            text = QLabel(entry.text)
            text.setWordWrap(True)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(title)
            column.addWidget(text)
            column.addStretch(1)
            grid.addWidget(swatch, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(column, row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)

        intro = QLabel(
            "Colour is never the only cue: links also have gutter bands, unique sentences a "
            "margin bar, and discrepancies an underline."
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        """Repaint the samples with another theme (the window switched light/dark)."""
        self._theme = theme
        for swatch in self.swatches.values():
            swatch.theme = theme
            swatch.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # getattr: Qt sends change events while __init__ is still setting the dialog up.
        if getattr(self, "_follow_palette", False) and event.type() == QEvent.Type.PaletteChange:
            self.set_theme(theme_for(self.palette()))
