"""Outlet, author and date of the two articles: the fields of File > Open and of Article Details.

The fields are offered what ingest found (a page's site name, author and date; a text's
byline and dateline) and the journalist can correct them. What a person typed is never
overwritten by what is found later, e.g. when the file's reading ends after the typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import SIDES, Comparison, Document, Side

#: The details, as keyword arguments of :meth:`Document.with_details`.
Details = dict[str, str | None]

#: Each detail: the Document field, the label (with its mnemonic) and a placeholder.
FIELDS: Final = (
    ("source", "&Outlet:", "e.g. The Harbour Times"),
    ("author", "A&uthor:", "e.g. Jane Doe"),
    ("published", "Da&te:", "e.g. 2024-06-19"),
)


class DetailsGrid(QWidget):
    """Outlet, author and date of the left and the right article, side by side.

    Args:
        found_hint: The placeholder's lead, e.g. "Found in the article when left empty".
    """

    def __init__(self, parent: QWidget | None = None, *, found_hint: str = "") -> None:
        super().__init__(parent)
        self.edits: dict[Side, dict[str, QLineEdit]] = {side: {} for side in SIDES}
        self._typed: set[tuple[Side, str]] = set()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("Left article"), 0, 1)
        grid.addWidget(QLabel("Right article"), 0, 2)
        for row, (name, label_text, example) in enumerate(FIELDS, 1):
            label = QLabel(label_text)
            grid.addWidget(label, row, 0)
            for column, side in enumerate(SIDES, 1):
                edit = QLineEdit()
                edit.setObjectName(f"{side}_{name}")
                edit.setPlaceholderText(f"{found_hint}{example}" if found_hint else example)
                edit.setAccessibleName(f"{side.capitalize()} article's {label_text[:-1]}")
                edit.setClearButtonEnabled(True)
                edit.textEdited.connect(lambda _text, s=side, n=name: self._typed.add((s, n)))
                self.edits[side][name] = edit
                grid.addWidget(edit, row, column)
                if side == "left":
                    label.setBuddy(edit)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def in_tab_order(self) -> list[QLineEdit]:
        """The fields, the left article's first."""
        return [self.edits[side][name] for side in SIDES for name, _, _ in FIELDS]

    def offer(self, side: Side, doc: Document | None) -> None:
        """Fill the fields the journalist has not typed in with what ``doc`` says (or
        nothing, for no document)."""
        for name, _, _ in FIELDS:
            if (side, name) not in self._typed:
                value = getattr(doc, name) if doc is not None else None
                self.edits[side][name].setText(value or "")

    def show_document(self, side: Side, doc: Document) -> None:
        """Show what ``doc`` says as the fields' values (nothing typed yet)."""
        for name, _, _ in FIELDS:
            self._typed.discard((side, name))
        self.offer(side, doc)

    def values(self, side: Side) -> Details:
        """The fields of one side, blank ones as None."""
        return {
            name: " ".join(edit.text().split()) or None for name, edit in self.edits[side].items()
        }

    def swap(self) -> None:
        """Exchange the left and the right fields, typed marks and all."""
        left, right = self.values("left"), self.values("right")
        self._typed = {(("right" if s == "left" else "left"), n) for s, n in self._typed}
        for name, _, _ in FIELDS:
            self.edits["left"][name].setText(right[name] or "")
            self.edits["right"][name].setText(left[name] or "")


class _Relay(QObject):
    """Carries a file's reading from a pool thread to the GUI thread (queued)."""

    read = Signal(str, object)  # the path as given, the Document or None


def read_later(path: Path, deliver: Callable[[str, object], None]) -> None:
    """Read an article file on a pool thread; ``deliver(path, Document | None)`` is called
    on the GUI thread. A first read loads the HTML reader (half a second), and a large page
    takes longer still, so the dialog never waits for it."""
    # Owned by the application, not by Python: the pool thread must not delete it while the
    # delivery is queued; deleteLater() runs on the GUI thread after the delivery.
    relay = _Relay(QCoreApplication.instance())
    relay.read.connect(deliver)

    def work() -> None:
        from parallax.core.ingest import read_path

        try:
            doc: Document | None = read_path(path)
        except Exception:  # unreadable: nothing to offer; Compare says why
            doc = None
        relay.read.emit(str(path), doc)
        relay.deleteLater()

    QThreadPool.globalInstance().start(work)


class ArticleDetailsDialog(QDialog):
    """Article > Article Details: correct the outlet, author and date of both articles.

    A field left empty has no value: the outlet falls back on the title in the labels.
    :meth:`comparison` returns the comparison with the new details once accepted.
    """

    def __init__(
        self, comparison: Comparison, parent: QWidget | None = None, *, focus: Side = "left"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.setObjectName("articleDetailsDialog")
        self._comparison = comparison
        self.grid = DetailsGrid(self)
        for side in SIDES:
            self.grid.show_document(side, comparison.document(side))
        titles = QLabel(
            "\n".join(
                f"{side.capitalize()}: {comparison.document(side).title or '(untitled)'}"
                for side in SIDES
            )
        )
        titles.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(titles)
        layout.addWidget(self.grid)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())
        self.grid.edits[focus]["source"].setFocus()

    def comparison(self) -> Comparison:
        """The comparison with the details as the fields say."""
        docs = {}
        for side in SIDES:
            given = self.grid.values(side)
            docs[side] = replace(
                self._comparison.document(side),
                source=given["source"],
                author=given["author"],
                published=given["published"],
            )
        return replace(self._comparison, left=docs["left"], right=docs["right"])

    def changed(self) -> bool:
        """Whether any detail differs from the comparison's."""
        return self.comparison() != self._comparison
