"""The reader's error message: one clear sentence about what went wrong.

Every dialog that reports a failure goes through :func:`show_error`. It uses ``open()``
(window-modal, non-blocking) so that an error never stalls a running comparison.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from parallax.ui.worker import as_sentence


def show_error(
    parent: QWidget | None, title: str, message: str, details: str | None = None
) -> QMessageBox:
    """Show one clear sentence about what went wrong, window-modal and without blocking.

    Args:
        parent: The window the message belongs to.
        title: The window title ("Cannot open the articles").
        message: One or two sentences saying what happened and what to do.
        details: Optional longer text behind a "Show Details…" button (never a traceback
            for a user error).

    Returns:
        The message box (already open; it deletes itself when closed).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(as_sentence(message))
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names may contain "<"
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
