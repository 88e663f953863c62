"""What the window remembers between runs: size, zoom, synced scrolling, colour scheme."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from parallax.ui.main_window import MainWindow


def test_settings_are_remembered(qtbot: Any, settings: Any, library_path: Path) -> None:
    first = MainWindow(db_path=library_path, settings=settings)
    qtbot.addWidget(first)
    first.resize(700, 520)  # within the offscreen screen (800 x 600)
    first.show()
    first.act_zoom_in.trigger()
    first.act_sync.setChecked(False)
    first.set_scheme("dark")
    zoom = first.left.view.zoom()
    first.close()
    second = MainWindow(db_path=library_path, settings=settings)
    qtbot.addWidget(second)
    assert math.isclose(second.left.view.zoom(), zoom)
    assert not second.act_sync.isChecked() and not second.sync.enabled
    assert second.theme.dark
    assert (second.width(), second.height()) == (700, 520)
    second.set_scheme("light")
