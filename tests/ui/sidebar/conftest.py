"""Fixtures of the sidebar tests: each test gets a fresh window and sidebar showing the real
comparison of the sample pair (``comparison``, built once per module; spaCy is loaded once
per session). ``window`` here is a bare QMainWindow, standing in for the reader's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QTextEdit

from parallax.core.model import Comparison
from parallax.ui.sidebar import Sidebar


@pytest.fixture
def window(qtbot: Any) -> Iterator[QMainWindow]:
    win = QMainWindow()
    win.setCentralWidget(QTextEdit())
    win.resize(1400, 900)
    qtbot.addWidget(win)
    yield win


@pytest.fixture
def sidebar(window: QMainWindow, qtbot: Any, comparison: Comparison) -> Sidebar:
    bar = Sidebar(window)
    bar.set_comparison(comparison)
    window.show()
    qtbot.waitExposed(window)
    return bar
