"""What the reader window remembers between runs, in its QSettings.

Every key is declared here, once (see :class:`Key`). A value that is missing or cannot be
read gives the first run's default.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QByteArray, Qt

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QSplitter, QStatusBar

    from parallax.ui.pane import ArticlePane
    from parallax.ui.sidebar import Sidebar
    from parallax.ui.theme import Scheme


class Window(Protocol):
    """What of the reader window its settings touch (the window itself, without the loop of
    importing it here)."""

    settings: QSettings
    sidebar: Sidebar
    splitter: QSplitter
    act_sync: QAction
    left: ArticlePane
    scheme: Scheme
    comparison_id: int | None

    def set_zoom(self, factor: float) -> None: ...
    def set_scheme(self, scheme: Scheme) -> None: ...
    def saveGeometry(self) -> QByteArray: ...
    def restoreGeometry(self, geometry: QByteArray) -> bool: ...
    def saveState(self, version: int = 0) -> QByteArray: ...
    def restoreState(self, state: QByteArray, version: int = 0) -> bool: ...
    def resize(self, w: int, h: int) -> None: ...
    def resizeDocks(self, docks: Any, sizes: Any, orientation: Qt.Orientation) -> None: ...
    def statusBar(self) -> QStatusBar: ...


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
    LAST_LEFT = "open/left"  # the pair chosen last in File > Open
    LEGEND_HINTED = "help/legend_hinted"  # the first-run pointer to the colour legend was shown
    LAST_RIGHT = "open/right"
    ACTOR_COLUMN = "sidebar/actor_column"  # the Reactions' Actor column, when set by hand


def restore_settings(window: Window) -> None:
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
        fit_sidebar(window, 1440)
    splitter = s.value(Key.SPLITTER)
    if isinstance(splitter, QByteArray) and not splitter.isEmpty():
        window.splitter.restoreState(splitter)
    window.act_sync.setChecked(_bool(s.value(Key.SYNC, True)))
    window.set_zoom(_float(s.value(Key.ZOOM, 1.0), 1.0))
    width = int(_float(s.value(Key.ACTOR_COLUMN, 0), 0.0))
    window.sidebar.reactions.set_actor_column_width(width if width > 0 else None)
    scheme = str(s.value(Key.SCHEME, "system"))
    window.set_scheme(scheme if scheme in ("system", "light", "dark") else "system")  # type: ignore[arg-type]


def fit_sidebar(window: Window, width: int) -> None:
    """Give the sidebar its share of a window ``width`` pixels wide: a third, so the
    articles keep most of a small screen and the lists have room on a large one."""
    share = min(max(round(width / 3), 300), 600)
    window.resizeDocks(window.sidebar.docks()[:1], [share], Qt.Orientation.Horizontal)


def save_settings(window: Window) -> None:
    """Write what :func:`restore_settings` reads, and the comparison on screen."""
    s = window.settings
    s.setValue(Key.GEOMETRY, window.saveGeometry())
    s.setValue(Key.STATE, window.saveState())
    s.setValue(Key.SPLITTER, window.splitter.saveState())
    s.setValue(Key.SYNC, window.act_sync.isChecked())
    s.setValue(Key.ZOOM, window.left.view.zoom())
    s.setValue(Key.SCHEME, window.scheme)
    width = window.sidebar.reactions.actor_column_width()
    if width is None:
        s.remove(Key.ACTOR_COLUMN)
    else:
        s.setValue(Key.ACTOR_COLUMN, width)
    if window.comparison_id is not None:
        s.setValue(Key.LAST_COMPARISON, window.comparison_id)
    s.sync()


def last_pair(settings: QSettings) -> tuple[Path | None, Path | None]:
    """The two articles chosen last in File > Open (None for one never chosen)."""
    left, right = settings.value(Key.LAST_LEFT), settings.value(Key.LAST_RIGHT)
    return (Path(str(left)) if left else None, Path(str(right)) if right else None)


def remember_pair(settings: QSettings, left: Path, right: Path) -> None:
    """Keep the pair chosen in File > Open for the next time the dialog opens."""
    settings.setValue(Key.LAST_LEFT, str(left))
    settings.setValue(Key.LAST_RIGHT, str(right))
    settings.setValue(Key.OPEN_DIR, str(left.parent))


#: What a first run says about the colours, once, in the status bar.
LEGEND_HINT = "New here? Help ▸ What the Colours Mean (F1) explains the colours and marks."


def hint_legend_once(window: Window) -> bool:
    """Point a first-time reader to the colour legend, once per settings; True if shown."""
    if _bool(window.settings.value(Key.LEGEND_HINTED, False)):
        return False
    window.statusBar().showMessage(LEGEND_HINT, 30_000)
    window.settings.setValue(Key.LEGEND_HINTED, True)
    return True


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def _float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
