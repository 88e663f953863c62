"""The Decisions panel: the pairs the journalist pinned or rejected, and their notes.

Each pinned or rejected pair is listed with both sentences' text; choosing one and
**Restore** takes the decision back (a rejected pair can be linked again, a pinned one is
left to the aligner). Each note is listed with what it is on: a sentence, a link (both
sentences), an actor (by its name as it is now) or the comparison; **Edit Note…** and
**Delete Note** change it. Activating a row (double click, Enter) reads its sentence (a
link's left sentence) in the panes, or shows the actor a note is on.

The panel only asks (:attr:`DecisionsPanel.restoreRequested`, ...): the window saves the
change through its worker and hands the new list back with :meth:`DecisionsPanel.set_annotations`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import Comparison, Side, is_side

if TYPE_CHECKING:  # the session (and the library under it) loads on the worker, not here
    from parallax.session import Decision, Note

__all__ = ["NO_DECISIONS", "DecisionsPanel", "decision_label", "note_label"]

NO_DECISIONS = (
    "Nothing decided yet. Pin a pair (Ctrl+Shift+P), reject one (Ctrl+Alt+R) or write a "
    "note on a sentence (Ctrl+Alt+N), a link or an actor: it is listed here."
)

_ROLE = Qt.ItemDataRole.UserRole


def _cut(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def decision_label(d: Decision) -> str:
    """A decision as the list shows it (sentences numbered from 1)."""
    head = "✓ Pinned" if d.verdict == "pinned" else "✕ Rejected"
    return (
        f"{head} · left {d.left + 1} / right {d.right + 1}\n"
        f"   L: {_cut(d.left_text) or '—'}\n   R: {_cut(d.right_text) or '—'}"
    )


def note_label(note: Note, comparison: Comparison | None) -> str:
    """A note as the list shows it: its text, then what it is on."""
    if note.actor is not None:
        names = {a.id: a.name for a in comparison.actors} if comparison is not None else {}
        where = f"on {names.get(note.actor, note.actor)}"
    elif note.link is not None:
        where = f"on the link of left {note.link[0] + 1} / right {note.link[1] + 1}"
        if comparison is not None:
            texts = [
                _cut(sentences[i].text, 40)
                for sentences, i in zip(
                    (comparison.left.sentences, comparison.right.sentences), note.link, strict=True
                )
                if 0 <= i < len(sentences)
            ]
            if len(texts) == 2:
                where += f": {texts[0]} / {texts[1]}"
    elif note.side is None or note.sentence is None:
        where = "on the comparison"
    else:
        where = f"on {note.side} {note.sentence + 1}"
        if comparison is not None:
            sentences = comparison.document(note.side).sentences
            if 0 <= note.sentence < len(sentences):
                where += f": {_cut(sentences[note.sentence].text, 60)}"
    return f"✎ {_cut(note.body, 200)}\n   Note {where}"


class DecisionsPanel(QWidget):
    """The pinned and rejected pairs of the pair on screen, and the comparison's notes."""

    #: Take back the decision on (left sentence, right sentence).
    restoreRequested = Signal(int, int)
    #: Edit (ask for a new text) or delete a note, by id.
    editNoteRequested = Signal(int)
    deleteNoteRequested = Signal(int)
    #: Read a side's sentence in its pane.
    sentenceActivated = Signal(str, int)
    #: Show an actor (a note on it was activated), by id.
    actorActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self.decisions: tuple[Decision, ...] = ()
        self.notes: tuple[Note, ...] = ()
        self.list = QListWidget(self)
        self.list.setAccessibleName("Decisions and notes")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.placeholder = QLabel(NO_DECISIONS, self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setToolTip("Take back this pin or rejection")
        self.edit_button = QPushButton("&Edit Note…", self)
        self.delete_button = QPushButton("&Delete Note", self)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemActivated.connect(self._activated)
        self.restore_button.clicked.connect(self.restore_current)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.set_annotations(None, (), ())

    def set_annotations(
        self,
        comparison: Comparison | None,
        decisions: Sequence[Decision],
        notes: Sequence[Note],
    ) -> None:
        """List the decisions and notes of ``comparison`` (None: nothing open)."""
        self._comparison = comparison
        self.decisions, self.notes = tuple(decisions), tuple(notes)
        self.list.clear()
        for d in self.decisions:
            item = QListWidgetItem(decision_label(d))
            item.setData(_ROLE, ("decision", d.left, d.right, None))
            self.list.addItem(item)
        for note in self.notes:
            item = QListWidgetItem(note_label(note, comparison))
            if note.actor is not None:
                item.setData(_ROLE, ("note", note.id, "actor", note.actor))
            else:  # a link: read its left end
                side = "left" if note.link is not None else note.side
                item.setData(_ROLE, ("note", note.id, side, note.sentence))
            self.list.addItem(item)
        empty = not self.decisions and not self.notes
        self.placeholder.setVisible(empty)
        self.list.setVisible(not empty)
        self._update_buttons()

    def count(self) -> int:
        """Rows listed: decisions, then notes."""
        return self.list.count()

    def row_text(self, row: int) -> str:
        item = self.list.item(row)
        return "" if item is None else item.text()

    def select_row(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def _current(self) -> tuple[str, int, object, object] | None:
        item = self.list.currentItem()
        if item is None:
            return None
        found: tuple[str, int, object, object] = item.data(_ROLE)
        return found

    def restore_current(self) -> None:
        """Ask to take back the decision selected."""
        found = self._current()
        if found is not None and found[0] == "decision":
            self.restoreRequested.emit(found[1], found[2])

    def _note_id(self) -> int | None:
        found = self._current()
        return found[1] if found is not None and found[0] == "note" else None

    def _edit(self) -> None:
        note = self._note_id()
        if note is not None:
            self.editNoteRequested.emit(note)

    def _delete(self) -> None:
        note = self._note_id()
        if note is not None:
            self.deleteNoteRequested.emit(note)

    def _update_buttons(self) -> None:
        found = self._current()
        self.restore_button.setEnabled(found is not None and found[0] == "decision")
        self.edit_button.setEnabled(self._note_id() is not None)
        self.delete_button.setEnabled(self._note_id() is not None)

    def _activated(self, item: QListWidgetItem) -> None:
        kind, first, second, third = item.data(_ROLE)
        side: Side | None = None
        if second == "actor" and isinstance(third, str):
            self.actorActivated.emit(third)
        elif kind == "decision":
            side, sentence = "left", first
        elif is_side(second) and isinstance(third, int):
            side, sentence = second, third
        if side is not None:
            self.sentenceActivated.emit(side, sentence)
