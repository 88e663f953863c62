"""The window's status line: a line about what is on screen, and a comparison's progress.

On the left, one line the window keeps up to date (:attr:`StatusLine.summary`: the
comparison, the selected link, the actor shown). On the right, only while a comparison
runs: the stage it is at, a progress bar and a Cancel button.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from parallax.ui.worker import STAGE_LABELS


class StatusLine(QStatusBar):
    """The summary line, and the stage, progress and Cancel of a running comparison."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.stage = QLabel(self)
        self.stage.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop comparing (Esc)")
        self.cancel_button.hide()
        self.addWidget(self.summary, 1)
        self.addPermanentWidget(self.stage)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)

    def show_progress(self, stage: str, fraction: float) -> None:
        """A comparison reached ``stage`` (a worker stage name), ``fraction`` of the way."""
        self.progress.setValue(int(fraction * 1000))
        self.stage.setText(STAGE_LABELS.get(stage, stage))

    def set_busy(self, busy: bool) -> None:
        """Show the progress while a comparison runs, hide it after."""
        for widget in (self.progress, self.stage, self.cancel_button):
            widget.setVisible(busy)
        if busy:
            self.progress.setValue(0)
