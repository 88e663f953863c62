"""What the reader window remembers between runs, in its QSettings.

Every key is declared here, once (see :class:`Key`). A value that is missing or cannot be
read gives the first run's default.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt

if TYPE_CHECKING:
    from parallax.ui.main_window import MainWindow


class Key(StrEnum):
    """The settings the reader keeps."""

    GEOMETRY = "window/geometry"
    STATE = "window/state"  # docks and toolbar
    SPLITTER = "window/splitter"  # the widths of the panes
    SYNC = "reader/sync"
    ZOOM = "reader/zoom"
    SCHEME = "reader/scheme"
    LAST_COMPARISON = "library/last"  # the comparison shown last, reopened at start
    OPEN_DIR = "open/dir"  # where the Open dialog starts


def restore_settings(window: MainWindow) -> None:
    """Put the window back as it was left (or at its first-run size and layout)."""
    s = window.settings
    geometry = s.value(Key.GEOMETRY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1440, 900)
    state = s.value(Key.STATE)
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    else:  # first run: a sidebar wide enough for names, the rest for the articles
        window.resizeDocks(window.sidebar.docks()[:1], [430], Qt.Orientation.Horizontal)
    splitter = s.value(Key.SPLITTER)
    if isinstance(splitter, QByteArray) and not splitter.isEmpty():
        window.splitter.restoreState(splitter)
    window.act_sync.setChecked(_bool(s.value(Key.SYNC, True)))
    window.set_zoom(_float(s.value(Key.ZOOM, 1.0), 1.0))
    scheme = str(s.value(Key.SCHEME, "system"))
    window.set_scheme(scheme if scheme in ("system", "light", "dark") else "system")  # type: ignore[arg-type]


def save_settings(window: MainWindow) -> None:
    """Write what :func:`restore_settings` reads, and the comparison on screen."""
    s = window.settings
    s.setValue(Key.GEOMETRY, window.saveGeometry())
    s.setValue(Key.STATE, window.saveState())
    s.setValue(Key.SPLITTER, window.splitter.saveState())
    s.setValue(Key.SYNC, window.act_sync.isChecked())
    s.setValue(Key.ZOOM, window.left.view.zoom())
    s.setValue(Key.SCHEME, window.scheme)
    if window.comparison_id is not None:
        s.setValue(Key.LAST_COMPARISON, window.comparison_id)
    s.sync()


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def _float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
