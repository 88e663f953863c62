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


def test_the_pair_opened_last_is_offered_again(
    qtbot: Any, settings: Any, library_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    from parallax.ui import dialogs

    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (left, right):
        path.write_text("North Korea and Russia signed a pact on Wednesday.", encoding="utf-8")
    offered: list[tuple[Any, Any]] = []

    class Dialog:
        def __init__(self, parent: Any, *, left: Any = None, right: Any = None) -> None:
            offered.append((left, right))

        def exec(self) -> bool:
            return True

        def paths(self) -> tuple[Path, Path]:
            return left, right

        def details(self, side: str) -> dict[str, str | None]:
            return {}  # outlets, authors and dates as found

    monkeypatch.setattr(dialogs, "OpenPairDialog", Dialog)
    window = MainWindow(db_path=None, settings=settings)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "compare", lambda *a, **k: None)
    window.open_pair_dialog()
    window.open_pair_dialog()
    assert offered == [(None, None), (left, right)]


def test_a_first_run_points_to_the_colour_legend_once(
    qtbot: Any, settings: Any, library_path: Path
) -> None:
    from parallax.ui.window_settings import LEGEND_HINT, hint_legend_once

    window = MainWindow(db_path=None, settings=settings)
    qtbot.addWidget(window)
    assert hint_legend_once(window)
    assert window.statusBar().currentMessage() == LEGEND_HINT and "F1" in LEGEND_HINT
    window.statusBar().clearMessage()
    assert not hint_legend_once(window)
    assert window.statusBar().currentMessage() == ""


def test_the_actor_columns_width_is_kept_across_a_resize_and_a_restart(
    qtbot: Any, settings: Any, library_path: Path, full_comparison: Any
) -> None:
    from parallax.ui.models import ReactionsModel

    first = MainWindow(db_path=library_path, settings=settings)
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.show()
    first.show_comparison(full_comparison)
    header = first.sidebar.reactions.view.header()
    fitted = header.sectionSize(ReactionsModel.ACTOR)
    header.resizeSection(ReactionsModel.ACTOR, fitted + 57)  # the journalist widens it
    first.resize(700, 520)
    first.show_comparison(full_comparison)
    assert header.sectionSize(ReactionsModel.ACTOR) == fitted + 57
    first.close()
    second = MainWindow(db_path=library_path, settings=settings)
    qtbot.addWidget(second)
    second.show()
    second.show_comparison(full_comparison)
    again = second.sidebar.reactions.view.header()
    assert again.sectionSize(ReactionsModel.ACTOR) == fitted + 57
