"""The right-click menu of a sentence: linking it with the other side's sentence, copying it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from parallax.ui.main_window import MainWindow


def test_sentence_menu_pins_a_link_to_the_other_sides_sentence(
    qtbot: Any, window: MainWindow, library_path: Path
) -> None:
    reading = window.reading
    comparison = window.comparison
    assert reading is not None and comparison is not None
    left, right = reading.unique["left"][-1], reading.unique["right"][-1]
    window.on_sentence_clicked("right", right)
    window.sentence_menu("left", left, QPoint(10, 10))
    menu = window._menu
    pin = next(a for a in menu.actions() if a.text().startswith("Link with right sentence"))
    assert pin.text() == f"Link with right sentence {right + 1}" and pin.isEnabled()
    menu.close()
    with qtbot.waitSignal(window.worker.finished, timeout=60000):
        pin.trigger()
    assert any(left in link.left and right in link.right for link in window.comparison.links)
    copy = next(a for a in menu.actions() if a.text() == "Copy sentence")
    copy.trigger()
    assert QApplication.clipboard().text() == comparison.left.sentences[left].text
