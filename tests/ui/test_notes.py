"""Notes in the reader: written on a sentence (its menu or Ctrl+Alt+N) or on the comparison,
marked in the margin with their text on hover, listed in the Decisions panel, kept in the
library across a restart, and in the exported report and the library's search."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from parallax.cli import main
from parallax.core.model import Comparison
from parallax.store import open_library
from parallax.ui.main_window import MainWindow
from parallax.ui.margin import NOTE_X

NOTE = "Ask the ministry where the figure of 2,000 comes from"


def _is(tag: str) -> Any:
    return lambda done, _result: done == tag


def _saved_window(
    qtbot: Any, settings: Any, library_path: Path, comparison: Comparison
) -> tuple[MainWindow, int]:
    """A reader window showing ``comparison`` as saved in the library (notes need an id)."""
    with open_library(library_path) as library:
        cid = library.save(comparison)
    win = MainWindow(db_path=library_path, settings=settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(
        win.worker.libraryDone, timeout=60_000, check_params_cb=_is("annotations")
    ):
        win.open_stored(cid)
    assert win.comparison_id == cid
    return win, cid


def _tooltip(view: Any, sentence: int) -> str:
    """What hovering the margin beside a sentence shows, through the view's own event."""
    top, _bottom = view.sentence_extent(sentence)
    pos = QPoint(int(NOTE_X + 3), int(top - view.scroll_y() + 6))
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_note_on_a_sentence_is_marked_listed_kept_exported_and_found(
    qtbot: Any, settings: Any, library_path: Path, full_comparison: Comparison, monkeypatch: Any
) -> None:
    win, cid = _saved_window(qtbot, settings, library_path, full_comparison)
    monkeypatch.setattr(win, "ask_note_text", lambda title, text="": NOTE)
    sentence = 3
    view = win.right.view
    assert _tooltip(view, sentence) == ""  # no mark before the note
    # The sentence's context menu, as a right click opens it.
    win.sentence_menu("right", sentence, QPoint(10, 10))
    menu = win._menu
    action = next(a for a in menu.actions() if a.text().startswith("Write a Note"))
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        action.trigger()
    menu.close()
    assert view.margin.notes == {sentence: (NOTE,)}
    assert NOTE in _tooltip(view, sentence)
    panel = win.sidebar.decisions
    assert panel.count() == 1 and NOTE in panel.row_text(0)
    assert f"on right {sentence + 1}" in panel.row_text(0)
    # Ctrl+Alt+N (the Link menu's action) on the sentence last clicked, the other side.
    win.on_sentence_clicked("left", 1)
    monkeypatch.setattr(win, "ask_note_text", lambda title, text="": "Second source?")
    assert win.act_note.shortcut().toString() == "Ctrl+Alt+N"
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        win.act_note.trigger()
    assert win.left.view.margin.notes == {1: ("Second source?",)}
    win.close()

    # A restart: a new window on the same library reopens the comparison with its notes.
    again, _ = _saved_window(qtbot, settings, library_path, full_comparison)
    assert again.comparison_id == cid  # the same comparison, not a copy
    assert again.right.view.margin.notes == {sentence: (NOTE,)}
    assert NOTE in _tooltip(again.right.view, sentence)
    assert again.sidebar.decisions.count() == 2
    # Activating the note in the Decisions panel reads its sentence.
    again.current_sentence = {"left": None, "right": None}
    panel = again.sidebar.decisions
    row = next(r for r in range(panel.count()) if NOTE in panel.row_text(r))
    panel.list.itemActivated.emit(panel.list.item(row))
    assert again.current_sentence["right"] == sentence and again.focus_side == "right"

    out = io.StringIO()
    argv = ["library", "export", str(cid), "--format", "md", "--db", str(library_path)]
    assert main(argv, stdin=io.BytesIO(b""), stdout=out, stderr=io.StringIO()) == 0
    assert f"- right sentence {sentence + 1}: {NOTE}" in out.getvalue().splitlines()
    out = io.StringIO()
    argv = ["library", "search", "ministry", "figure", "--db", str(library_path)]
    assert main(argv, stdin=io.BytesIO(b""), stdout=out, stderr=io.StringIO()) == 0
    assert NOTE in out.getvalue() and f"comparison {cid}, right sentence 4" in out.getvalue()


def test_a_note_on_the_comparison_is_edited_and_deleted_from_the_panel(
    qtbot: Any, settings: Any, library_path: Path, full_comparison: Comparison, monkeypatch: Any
) -> None:
    win, cid = _saved_window(qtbot, settings, library_path, full_comparison)
    monkeypatch.setattr(win, "ask_note_text", lambda title, text="": "Whole story: one-sided")
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        win.act_note_comparison.trigger()
    panel = win.sidebar.decisions
    assert panel.count() == 1 and "on the comparison" in panel.row_text(0)
    assert win.left.view.margin.notes == {} and win.right.view.margin.notes == {}
    panel.select_row(0)
    monkeypatch.setattr(win, "ask_note_text", lambda title, text="": text + ", check again")
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        panel.edit_button.click()
    with open_library(library_path) as library:
        assert [n.body for n in library.notes(cid)] == ["Whole story: one-sided, check again"]
    panel.select_row(0)
    monkeypatch.setattr(win, "confirm_delete_note", lambda: True)
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("note")):
        panel.delete_button.click()
    assert panel.count() == 0
    with open_library(library_path) as library:
        assert library.notes(cid) == []
    # Ctrl+Z brings the note back, Ctrl+Shift+Z deletes it again: notes are in the history.
    with qtbot.waitSignal(
        win.worker.libraryDone, timeout=30_000, check_params_cb=_is("annotations")
    ):
        win.act_undo.trigger()
    assert "Undid the deletion of the note on the comparison" in win.statusBar().currentMessage()
    assert panel.count() == 1 and "check again" in panel.row_text(0)
    with qtbot.waitSignal(
        win.worker.libraryDone, timeout=30_000, check_params_cb=_is("annotations")
    ):
        win.act_redo.trigger()
    assert panel.count() == 0
