"""What the reader window remembers between runs, in its QSettings.

The keys: ``window/geometry``, ``window/state`` (docks and toolbar), ``window/splitter``
(the widths of the panes), ``reader/sync``, ``reader/zoom``, ``reader/scheme``, and
``library/last`` (the comparison shown last, which the app reopens at start). A value that
is missing or cannot be read gives the first run's default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt

if TYPE_CHECKING:
    from parallax.ui.main_window import MainWindow


def restore_settings(window: MainWindow) -> None:
    """Put the window back as it was left (or at its first-run size and layout)."""
    s = window.settings
    geometry = s.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1440, 900)
    state = s.value("window/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    else:  # first run: a sidebar wide enough for names, the rest for the articles
        window.resizeDocks(window.sidebar.docks()[:1], [430], Qt.Orientation.Horizontal)
    splitter = s.value("window/splitter")
    if isinstance(splitter, QByteArray) and not splitter.isEmpty():
        window.splitter.restoreState(splitter)
    window.act_sync.setChecked(_bool(s.value("reader/sync", True)))
    window.set_zoom(_float(s.value("reader/zoom", 1.0), 1.0))
    scheme = str(s.value("reader/scheme", "system"))
    window.set_scheme(scheme if scheme in ("system", "light", "dark") else "system")  # type: ignore[arg-type]


def save_settings(window: MainWindow) -> None:
    """Write what :func:`restore_settings` reads, and the comparison on screen."""
    s = window.settings
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    s.setValue("window/splitter", window.splitter.saveState())
    s.setValue("reader/sync", window.act_sync.isChecked())
    s.setValue("reader/zoom", window.left.view.zoom())
    s.setValue("reader/scheme", window.scheme)
    if window.comparison_id is not None:
        s.setValue("library/last", window.comparison_id)
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
