"""show_error: one clear sentence, window-modal, never blocking."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from parallax.ui.dialogs import show_error


def test_show_error_is_a_critical_message_with_optional_details(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_error(parent, "Cannot open", "the library at /x is busy", details="more")
    assert box.isVisible()  # opened, without blocking the test
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.windowTitle() == "Cannot open"
    assert box.text() == "The library at /x is busy."
    assert box.detailedText() == "more"
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_show_error_keeps_a_file_name_as_spelled(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_error(parent, "Cannot open", "photo.txt looks like a PNG image, not an article.")
    assert box.text() == "photo.txt looks like a PNG image, not an article."
    assert box.detailedText() == ""
    box.close()
