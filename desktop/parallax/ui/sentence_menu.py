"""The menu of a right click on a sentence: link it, reject its link, note it, copy it.

The window selects the sentence's link first, then fills the menu: linking the sentence
with the one last clicked in the other article (:attr:`SentenceMenu.pinRequested`),
rejecting the selected link (:attr:`SentenceMenu.rejectRequested`), writing a note on the
sentence (:attr:`SentenceMenu.noteRequested`) or on its link
(:attr:`SentenceMenu.linkNoteRequested`), copying the sentence, and copying the text
selected in the article.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from parallax.core.model import Side
from parallax.ui.pane import ArticleView


class SentenceMenu(QMenu):
    """The actions for one sentence of ``view`` (or only for its selection)."""

    #: Link this sentence with the other article's current sentence.
    pinRequested = Signal()
    #: Reject the link selected.
    rejectRequested = Signal()
    #: Write a note on this sentence.
    noteRequested = Signal()
    #: Write a note on the link selected (the sentence's link).
    linkNoteRequested = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view

    def add_sentence(
        self, text: str, there: Side, counterpart: int | None, *, linked: bool
    ) -> None:
        """Link with ``there``'s sentence ``counterpart`` (None: none clicked yet), reject
        the selected link (if ``linked``), write a note on the sentence or (if ``linked``)
        on its link, copy ``text``."""
        pin = self.addAction(
            f"Link with {there} sentence {counterpart + 1}"
            if counterpart is not None
            else f"Link with… (click a {there} sentence first)"
        )
        pin.setEnabled(counterpart is not None)
        pin.triggered.connect(lambda: self.pinRequested.emit())
        reject = self.addAction("Reject this link")
        reject.setEnabled(linked)
        reject.triggered.connect(lambda: self.rejectRequested.emit())
        note = self.addAction("Write a Note on This Sentence…")
        note.setShortcut("Ctrl+Alt+N")
        note.triggered.connect(lambda: self.noteRequested.emit())
        if linked:
            link_note = self.addAction("Write a Note on This Link…")
            link_note.triggered.connect(lambda: self.linkNoteRequested.emit())
        self.addSeparator()
        copy = self.addAction("Copy sentence")
        copy.triggered.connect(lambda: QApplication.clipboard().setText(text))

    def add_selection(self) -> None:
        """Copy the text selected in the article (disabled when nothing is)."""
        copy_sel = self.addAction("Copy selection")
        copy_sel.setEnabled(self._view.textCursor().hasSelection())
        copy_sel.triggered.connect(self._view.copy)
