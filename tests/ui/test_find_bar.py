"""Find in both articles, from the keyboard: marks, counts, stepping, closing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from parallax.ui.main_window import MainWindow


def test_find_highlights_matches_in_both_panes(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "putin")
    comparison = window.comparison
    assert comparison is not None
    left_n = comparison.left.text.lower().count("putin")
    right_n = comparison.right.text.lower().count("putin")
    assert len(window.left.view.overlay("find")) == left_n > 0
    assert len(window.right.view.overlay("find")) == right_n > 0
    assert f"{left_n + right_n} matches" in window.find_bar.count.text()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.left.view.textCursor().selectedText().lower() == "putin"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.left.view.overlay("find") == []
