"""What the sidebar tests share: reading a list's rows, clicking one, raising a dock, and
the ids of three actors of the sample pair."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from parallax.core.model import Actor, Comparison
from parallax.ui.models import ACTOR_ID_ROLE
from parallax.ui.sidebar import Sidebar

PUTIN = "person:vladimir-putin"
KIM = "person:kim-jong-un"
KCNA = "organization:korean-central-news-agency"


def actor_ids(view: QTreeView) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data(ACTOR_ID_ROLE) for r in range(model.rowCount())]


def proxy_row_of(view: QTreeView, role: int, value: object) -> int:
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data(role) == value:
            return r
    raise AssertionError(f"no row with {value!r}")


def click_row(qtbot: Any, view: QTreeView, row: int, *, modifier: Any = None) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    mods = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, mods, center)


def show_dock(sidebar: Sidebar, i: int, qtbot: Any) -> None:
    dock = sidebar.docks()[i]
    dock.raise_()
    qtbot.waitUntil(lambda: dock.widget().isVisible())


def by_id(comparison: Comparison, actor_id: str) -> Actor:
    return next(a for a in comparison.actors if a.id == actor_id)
