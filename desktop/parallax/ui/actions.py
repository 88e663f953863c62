"""The reader's actions as a table, and the small builder that turns it into menus and a toolbar.

Each row of :data:`ACTIONS` is one command of the window: its name (the window gets the
QAction as ``act_<name>``), its menu text, the window method it calls and with which
arguments, its shortcut, its status tip and the menu it sits in. To add a command, add a row
(and its ``act_`` line to :class:`WindowActions`); its place in the menu is its place in the
table. :data:`TOOLBAR` says which actions the toolbar shows, under which short labels.

:func:`build_actions`, :func:`build_menus` and :func:`build_toolbar` make the QActions, the
menu bar and the toolbar from the tables; :func:`build_scheme_menu` adds the light/dark
choice. The window adds its own entries to the menus returned (the recent comparisons and
the sidebar's docks), since they change while it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from parallax.ui.theme import Scheme

Key = QKeySequence.StandardKey

#: The menu bar, in order: each menu's key (what :attr:`ActionSpec.menu` names) and title.
MENUS: Final[tuple[tuple[str, str], ...]] = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("view", "&View"),
    ("go", "&Go"),
    ("link", "&Link"),
    ("help", "&Help"),
)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command of the window.

    Attributes:
        name: The window gets the action as ``act_<name>``.
        text: The menu text (``&`` marks the access key).
        slot: The window method called, by name; a dotted name reaches one of the window's
            parts (``"find_bar.find_step"``). A checkable action passes its new state.
        shortcut: A standard key (Open, Find, ...) or a key sequence ("Ctrl+Shift+1").
        menu: The key of the menu it sits in (see :data:`MENUS`); None: in no menu, the
            shortcut alone triggers it.
        tip: The status-bar tip; the tooltip adds the shortcut.
        args: The arguments the slot is called with.
        checkable: An on/off action (its slot gets the state).
        separator: A separator comes before it in its menu.
    """

    name: str
    text: str
    slot: str
    shortcut: Key | str | None = None
    menu: str | None = None
    tip: str = ""
    args: tuple[Any, ...] = ()
    checkable: bool = False
    separator: bool = False


A = ActionSpec

# fmt: off
#: Every command of the window, in menu order.
ACTIONS: Final[tuple[ActionSpec, ...]] = (
    # File
    A("open", "&Open Two Articles…", "open_pair_dialog", Key.Open, "file",
      "Choose the left and the right article"),
    A("open_left", "Open &Left Article…", "open_side_dialog", "Ctrl+Shift+1", "file",
      "Replace the left article", args=("left",)),
    A("open_right", "Open &Right Article…", "open_side_dialog", "Ctrl+Shift+2", "file",
      "Replace the right article", args=("right",)),
    A("paste_left", "Paste Text as Left…", "paste_dialog", None, "file",
      "Paste an article's text into the left pane", args=("left",), separator=True),
    A("paste_right", "Paste Text as Right…", "paste_dialog", None, "file",
      "Paste an article's text into the right pane", args=("right",)),
    A("open_story", "Open S&tory…", "open_story_dialog", "Ctrl+Shift+O", "file",
      "Show a story of the library: its facts against its outlets", separator=True),
    A("export", "&Export Report…", "export_report", "Ctrl+E", "file",
      "Save this comparison as an HTML, Markdown or JSON report, with your notes and decisions",
      separator=True),
    # (the window puts its Recent Comparisons submenu before the sample pair)
    A("sample", "Open the &Sample Pair", "open_sample", None, "file",
      "The two sample articles", separator=True),
    A("quit", "&Quit", "close", Key.Quit, "file", separator=True),
    # Edit
    A("undo", "&Undo Correction", "undo_correction", Key.Undo, "edit",
      "Take back the last pin, rejection, actor correction or note of this pair"),
    A("redo", "&Redo Correction", "redo_correction", "Ctrl+Shift+Z", "edit",
      "Make again the correction undone last", separator=False),
    A("details", "Article &Details…", "edit_details", "Ctrl+I", "edit",
      "Correct the outlet, author and date of the articles", separator=True),
    A("find", "&Find…", "find_bar.start_find", Key.Find, "edit", "Find in both articles",
      separator=True),
    A("find_next", "Find &Next", "find_bar.find_step", Key.FindNext, "edit", args=(1,)),
    A("find_prev", "Find Pre&vious", "find_bar.find_step", Key.FindPrevious, "edit", args=(-1,)),
    # View (the window adds Appearance and the sidebar's docks)
    A("sync", "&Synchronise Scrolling", "set_sync", "Ctrl+Shift+L", "view",
      "Keep the counterpart of what you read level in the other pane", checkable=True),
    A("original", "Show &Original Text", "set_show_original", "Ctrl+Shift+O", "view",
      "Show the text as it arrived, with removed characters struck out", checkable=True),
    A("story_tab", "Switch Between S&tory and Reader", "toggle_story_tab", "Ctrl+Shift+S",
      "view", "Go from the story's coverage to the two articles, and back", separator=True),
    A("zoom_in", "Zoom &In", "zoom_by", Key.ZoomIn, "view", args=(1.1,), separator=True),
    A("zoom_out", "Zoom &Out", "zoom_by", Key.ZoomOut, "view", args=(1 / 1.1,)),
    A("zoom_reset", "&Actual Size", "set_zoom", "Ctrl+0", "view", args=(1.0,)),
    # Go
    A("next_link", "&Next Linked Fact", "go_link", "Alt+Down", "go",
      "Select the next linked fact", args=(1,)),
    A("prev_link", "&Previous Linked Fact", "go_link", "Alt+Up", "go",
      "Select the previous linked fact", args=(-1,)),
    A("next_unique", "Next Sentence &Only in One Article", "go_unique", "F7", "go",
      "Next sentence only one outlet carries", args=(1,), separator=True),
    A("prev_unique", "Previous Sentence Only in One Article", "go_unique", "Shift+F7", "go",
      args=(-1,)),
    A("next_discrepancy", "Next &Discrepancy", "go_discrepancy", "F8", "go",
      "Next linked fact whose numbers, dates, names, quotes or claims disagree", args=(1,),
      separator=True),
    A("prev_discrepancy", "Previous Discrepancy", "go_discrepancy", "Shift+F8", "go",
      args=(-1,)),
    A("switch_side", "Switch Reading Side", "switch_side", "Ctrl+Tab", "go",
      "Move the keyboard focus to the other article", separator=True),
    # Link
    A("pin", "&Pin Link Between Current Sentences", "pin_current", "Ctrl+Shift+P", "link",
      "Link the sentences last clicked on each side, and keep that link"),
    A("reject", "&Reject Selected Link", "reject_selected", "Ctrl+Shift+R", "link",
      "This link is wrong: remove it and never propose it again"),
    A("reject_pair", "Reject Only the Current &Sentences", "reject_current", "Ctrl+Alt+R",
      "link", "These two sentences do not state one fact; the rest of their link stays"),
    A("forget", "&Forget My Link Corrections", "forget_corrections", None, "link",
      "Undo every pin and rejection made for this pair", separator=True),
    A("note", "Write a &Note on the Current Sentence…", "note_current", "Ctrl+Alt+N", "link",
      "A note of yours on the sentence last clicked, kept in the library", separator=True),
    A("note_link", "Write a Note on the Selected &Link…", "note_selected_link", None, "link",
      "A note of yours on the link selected, kept in the library"),
    A("note_comparison", "Write a Note on the &Comparison…", "note_comparison", None, "link",
      "A note of yours on this comparison as a whole, kept in the library"),
    # Help
    A("colours", "What the &Colours Mean", "show_colours_help", Key.HelpContents, "help"),
    A("about", "&About Parallax", "show_about", None, "help"),
    # In no menu
    A("cancel", "Cancel Comparing", "worker.cancel", "Esc"),
)
# fmt: on

#: The toolbar, in order: an action's name and its short label, or None for a separator.
TOOLBAR: Final[tuple[tuple[str, str] | None, ...]] = (
    ("open", "Open…"),
    None,
    ("prev_link", "◀ Link"),
    ("next_link", "Link ▶"),
    ("next_unique", "Only in one ▶"),
    ("next_discrepancy", "Discrepancy ▶"),
    None,
    ("sync", "Sync scrolling"),
    ("original", "Original text"),
    ("find", "Find"),
)

#: View > Appearance: the colour schemes, in menu order.
SCHEMES: Final[tuple[tuple[Scheme, str], ...]] = (
    ("system", "Follow the &System"),
    ("light", "&Light"),
    ("dark", "&Dark"),
)


class WindowActions:
    """The actions :func:`build_actions` gives the window: ``act_<name>`` for each row of
    :data:`ACTIONS` (declared here so that type checkers know them)."""

    act_open: QAction
    act_open_left: QAction
    act_open_right: QAction
    act_paste_left: QAction
    act_paste_right: QAction
    act_open_story: QAction
    act_export: QAction
    act_sample: QAction
    act_story_tab: QAction
    act_quit: QAction
    act_undo: QAction
    act_details: QAction
    act_redo: QAction
    act_find: QAction
    act_find_next: QAction
    act_find_prev: QAction
    act_sync: QAction
    act_original: QAction
    act_zoom_in: QAction
    act_zoom_out: QAction
    act_zoom_reset: QAction
    act_next_link: QAction
    act_prev_link: QAction
    act_next_unique: QAction
    act_prev_unique: QAction
    act_next_discrepancy: QAction
    act_prev_discrepancy: QAction
    act_switch_side: QAction
    act_pin: QAction
    act_reject: QAction
    act_reject_pair: QAction
    act_forget: QAction
    act_note: QAction
    act_note_link: QAction
    act_note_comparison: QAction
    act_colours: QAction
    act_about: QAction
    act_cancel: QAction


def _slot(window: QMainWindow, spec: ActionSpec) -> Callable[..., object]:
    """The method ``spec.slot`` names, looked up when the action fires."""
    found: object = window
    for name in spec.slot.split("."):
        found = getattr(found, name)
    return cast(Callable[..., object], found)


def _action(window: QMainWindow, spec: ActionSpec) -> QAction:
    action = QAction(spec.text, window)
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(
            f"{spec.tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            if spec.shortcut
            else spec.tip
        )
    action.setCheckable(spec.checkable)
    if spec.checkable:
        action.toggled.connect(lambda on, s=spec: _slot(window, s)(on))
    else:
        action.triggered.connect(lambda _checked=False, s=spec: _slot(window, s)(*s.args))
    window.addAction(action)
    return action


def build_actions(window: QMainWindow) -> dict[str, QAction]:
    """Make the QAction of each row of :data:`ACTIONS` and set it on the window as
    ``act_<name>``; returns them by name."""
    actions = {}
    for spec in ACTIONS:
        actions[spec.name] = _action(window, spec)
        setattr(window, f"act_{spec.name}", actions[spec.name])
    return actions


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> dict[str, QMenu]:
    """Fill the window's menu bar from :data:`MENUS` and :data:`ACTIONS`; returns the menus
    by key, for the window to add its own entries."""
    bar = window.menuBar()
    menus = {key: bar.addMenu(title) for key, title in MENUS}
    for spec in ACTIONS:
        if spec.menu is None:
            continue
        menu = menus[spec.menu]
        if spec.separator:
            menu.addSeparator()
        menu.addAction(actions[spec.name])
    return menus


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The window's toolbar from :data:`TOOLBAR` (text only, not movable)."""
    tools = QToolBar("Toolbar", window)
    tools.setObjectName("mainToolBar")
    tools.setMovable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tools.setIconSize(QSize(16, 16))
    for entry in TOOLBAR:
        if entry is None:
            tools.addSeparator()
            continue
        name, label = entry
        actions[name].setIconText(label)
        tools.addAction(actions[name])
    return tools


def build_scheme_menu(
    window: QMainWindow, menu: QMenu, choose: Callable[[Scheme], None]
) -> tuple[QActionGroup, dict[str, QAction]]:
    """Add View > Appearance to ``menu``: one checkable action per scheme, one checked at a
    time, calling ``choose`` with its scheme; returns the group and the actions by scheme."""
    appearance = menu.addMenu("A&ppearance")
    group = QActionGroup(window)
    found: dict[str, QAction] = {}
    for scheme, label in SCHEMES:
        act = QAction(label, window, checkable=True)
        act.triggered.connect(lambda _c=False, s=scheme: choose(s))
        group.addAction(act)
        appearance.addAction(act)
        found[scheme] = act
    return group, found
