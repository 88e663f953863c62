"""Notes on a link and on an actor in the reader: written from the sentence menu, the Link
menu and the Actors panel, marked beside both sentences of the link and in the actor's
tooltip, listed (and edited, deleted, undone) in the Decisions panel, kept in the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt

from parallax.core.model import Comparison
from parallax.store import open_library
from tests.ui.test_notes import _is, _saved_window, _tooltip


def test_a_note_on_a_link_from_the_sentence_menu_and_the_link_menu(
    qtbot: Any, settings: Any, library_path: Path, full_comparison: Comparison, monkeypatch: Any
) -> None:
    win, cid = _saved_window(qtbot, settings, library_path, full_comparison)
    reading = win.reading
    assert reading is not None
    index = next(  # a link whose right sentence is in no other link
        i
        for i, k in enumerate(full_comparison.links)
        if i and reading.links_of("right", k.right[0]) == [i]
    )
    link = full_comparison.links[index]
    left, right = link.left[0], link.right[0]
    # An unlinked sentence's menu offers no note on a link.
    alone = next(
        i
        for i in range(len(full_comparison.left.sentences))
        if not any(i in k.left for k in full_comparison.links)
    )
    win.sentence_menu("left", alone, QPoint(10, 10))
    assert not [a for a in win._menu.actions() if a.text() == "Write a Note on This Link…"]
    win._menu.close()
    assert not win.act_note_link.isEnabled()  # nothing selected

    monkeypatch.setattr(win, "ask_note_text", lambda title, text="": f"{title}|Same figure?")
    win.sentence_menu("right", right, QPoint(10, 10))
    assert win.selected_link == index
    action = next(a for a in win._menu.actions() if a.text() == "Write a Note on This Link…")
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        action.trigger()
    win._menu.close()
    where = f"the link of left {left + 1} / right {right + 1}"
    body = f"Note on {where}|Same figure?"
    with open_library(library_path) as library:
        (note,) = library.notes(cid)
    assert (note.link, note.side, note.actor, note.body) == ((left, right), None, None, body)
    # Marked beside both sentences of the link, with the text on hover.
    assert win.left.view.margin.notes == {left: (f"On {where}: {body}",)}
    assert win.right.view.margin.notes == {right: (f"On {where}: {body}",)}
    assert "Same figure?" in _tooltip(win.left.view, left)
    panel = win.sidebar.decisions
    assert panel.count() == 1 and f"Note on {where}: " in panel.row_text(0)

    # Link ▸ Write a Note on the Selected Link… on another link.
    win.select_link(0)
    assert win.act_note_link.isEnabled()
    monkeypatch.setattr(win, "ask_note_text", lambda title, text="": "Headline differs")
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        win.act_note_link.trigger()
    first = full_comparison.links[0]
    assert panel.count() == 2
    assert f"on the link of left {first.left[0] + 1} / right {first.right[0] + 1}" in (
        panel.row_text(1)
    )
    # Activating it reads the link's left sentence.
    win.current_sentence = {"left": None, "right": None}
    panel.list.itemActivated.emit(panel.list.item(0))
    assert win.current_sentence["left"] == left


def test_a_note_on_an_actor_from_the_actors_panel_is_in_its_tooltip_and_undone(
    qtbot: Any, settings: Any, library_path: Path, full_comparison: Comparison, monkeypatch: Any
) -> None:
    win, cid = _saved_window(qtbot, settings, library_path, full_comparison)
    actor = full_comparison.actors[0]
    actors = win.sidebar.actors
    actors.select(actor.id)
    menu = actors.context_menu()
    action = next(a for a in menu.actions() if a.text() == "Write a Note…")
    assert action.isEnabled()
    asked: list[str] = []

    def ask(title: str, text: str = "") -> str:
        asked.append(title)
        return "Check his title with the embassy"

    monkeypatch.setattr(win, "ask_note_text", ask)
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        action.trigger()
    menu.deleteLater()
    assert asked == [f"Note on {actor.name}"]
    with open_library(library_path) as library:
        (note,) = library.notes(cid)
    assert (note.actor, note.sentence, note.link) == (actor.id, None, None)
    row = actors.model.row_of(actor.id)
    assert row is not None
    tip = actors.model.data(actors.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Your note:" in tip and "Check his title with the embassy" in tip
    assert win.left.view.margin.notes == {} and win.right.view.margin.notes == {}
    panel = win.sidebar.decisions
    assert panel.count() == 1 and f"Note on {actor.name}" in panel.row_text(0)
    # Activating it chooses the actor, as the Actors list does.
    actors.select(None)
    with qtbot.waitSignal(win.sidebar.actorActivated, timeout=5_000) as shown:
        panel.list.itemActivated.emit(panel.list.item(0))
    assert shown.args == [actor.id] and actors.current_id() == actor.id
    # Edited from the Decisions panel.
    panel.select_row(0)
    monkeypatch.setattr(win, "ask_note_text", lambda title, text="": text + " (asked)")
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        panel.edit_button.click()
    assert "embassy (asked)" in panel.row_text(0)
    # Ctrl+Z takes back the edit, then the note; Ctrl+Shift+Z writes it again.
    for expected in ("edit of the note", "note"):
        with qtbot.waitSignal(
            win.worker.libraryDone, timeout=30_000, check_params_cb=_is("annotations")
        ):
            win.act_undo.trigger()
        assert f"Undid the {expected} on {actor.name}" in win.statusBar().currentMessage()
    assert panel.count() == 0
    tip = actors.model.data(actors.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Your note" not in tip
    with qtbot.waitSignal(
        win.worker.libraryDone, timeout=30_000, check_params_cb=_is("annotations")
    ):
        win.act_redo.trigger()
    assert panel.count() == 1 and "Check his title" in panel.row_text(0)
    assert "Check his title" in actors.model.data(
        actors.model.index(row, 0), Qt.ItemDataRole.ToolTipRole
    )
