"""Fixtures for the reader's widgets: real comparisons of the sample pair, computed once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from parallax.core.ingest import read_path
from parallax.core.model import Comparison
from parallax.core.pipeline import add_actors, compare, link

if TYPE_CHECKING:
    from parallax.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def linked_comparison(sample_paths: tuple[Path, Path]) -> Comparison:
    """The sample pair repaired, split and aligned (no actors): what the reader paints first."""
    left, right = sample_paths
    return link(read_path(left), read_path(right))


@pytest.fixture(scope="session")
def full_comparison(linked_comparison: Comparison, recognizer: Any) -> Comparison:
    """The sample pair with actors and reactions."""
    return add_actors(linked_comparison, recognizer)


@pytest.fixture(scope="module")
def comparison(recognizer: Any, sample_paths: Any) -> Comparison:
    """The sample pair compared in full, once per test module (the sidebar's and the models')."""
    left, right = (read_path(p) for p in sample_paths)
    return compare(left, right, recognizer=recognizer)


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Any]:
    """A QSettings file of the test's own, so no test reads or writes the user's."""
    from PySide6.QtCore import QSettings

    found = QSettings(str(tmp_path / "parallax.ini"), QSettings.Format.IniFormat)
    yield found
    found.sync()


@pytest.fixture
def window(
    qtbot: Any, settings: Any, library_path: Path, full_comparison: Comparison
) -> MainWindow:
    """The reader's window, shown, on the full comparison of the sample pair (the sidebar's
    tests have a bare window of their own under the same name)."""
    from parallax.ui.main_window import MainWindow

    win = MainWindow(db_path=library_path, settings=settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    win.show_comparison(full_comparison)
    return win
