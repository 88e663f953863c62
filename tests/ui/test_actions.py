"""The table of the window's commands: every row is an attribute of the window and sits where
the table says, in its menu and on the toolbar."""

from __future__ import annotations

from PySide6.QtGui import QAction

from parallax.ui.actions import ACTIONS, MENUS, TOOLBAR, WindowActions
from parallax.ui.main_window import MainWindow


def test_every_row_is_declared_once_and_names_a_menu() -> None:
    names = [spec.name for spec in ACTIONS]
    assert len(names) == len(set(names))
    assert set(WindowActions.__annotations__) == {f"act_{name}" for name in names}
    menus = {key for key, _title in MENUS}
    assert {spec.menu for spec in ACTIONS} - {None} == menus
    assert {entry[0] for entry in TOOLBAR if entry is not None} <= set(names)


def test_the_window_menus_follow_the_table(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [title for _key, title in MENUS]
    for key, title in MENUS:
        menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
        shown = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
        expected = [getattr(window, f"act_{s.name}") for s in ACTIONS if s.menu == key]
        assert [a for a in shown if a in expected] == expected, key
    assert isinstance(window.act_cancel, QAction) and not window.act_cancel.isEnabled()
