"""File > Open: choose the left and the right article in one dialog, and their outlets."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import SIDES, Document, Side
from parallax.ui.dialogs.details import Details, DetailsGrid, read_later
from parallax.ui.dialogs.path_row import PathRow


class OpenPairDialog(QDialog):
    """File > Open: choose the left and the right article in one dialog.

    OK is enabled only when both fields name existing files; a field that names nothing
    says so under the fields. :meth:`paths` returns the choice. Under the files, each
    article's outlet, author and date are offered as soon as the file is read (on a pool
    thread) and can be corrected; :meth:`details` returns them.

    Args:
        parent: The main window.
        left: A path to start the left field with (e.g. the article on screen).
        right: Likewise for the right field.
        directory: Where the file choosers start when a field is empty.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        left: Path | None = None,
        right: Path | None = None,
        directory: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open two articles")
        self.setObjectName("openPairDialog")
        self.left_row = PathRow("Choose the left article", "Bro&wse…")
        self.right_row = PathRow("Choose the right article", "Brow&se…")
        self.details_grid = DetailsGrid(self, found_hint="")
        self._found: dict[str, Document | None] = {}  # what reading each path gave
        self._rows: dict[Side, PathRow] = {"left": self.left_row, "right": self.right_row}
        for side, row, value in (("left", self.left_row, left), ("right", self.right_row, right)):
            row.directory = str(directory) if directory is not None else ""
            if value is not None:
                row.edit.setText(str(value))
            row.changed.connect(self._update)
            row.changed.connect(lambda s=side: self._offer(s))
        self.swap_button = QPushButton("Swa&p sides")
        self.swap_button.setAutoDefault(False)
        self.swap_button.clicked.connect(self.swap)
        self.hint = QLabel()
        self.hint.setObjectName("openPairHint")
        self.hint.setWordWrap(True)

        form = QFormLayout()
        left_label = QLabel("&Left article:")
        left_label.setBuddy(self.left_row.edit)
        right_label = QLabel("&Right article:")
        right_label.setBuddy(self.right_row.edit)
        form.addRow(left_label, self.left_row)
        form.addRow(right_label, self.right_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.ok_button.setText("&Compare")
        self.buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        found = QLabel("Outlet, author and date, as found in each article; correct them here:")
        found.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(found)
        layout.addWidget(self.details_grid)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())
        # Tab goes from one path to the other, then to the buttons.
        order: list[QWidget] = [self.left_row.edit, self.right_row.edit]
        order += self.details_grid.in_tab_order()
        order += [self.left_row.browse, self.right_row.browse, self.swap_button, self.ok_button]
        for first, then in pairwise(order):
            QWidget.setTabOrder(first, then)
        self._update()
        for side in SIDES:
            self._offer(side)

    def is_ready(self) -> bool:
        """Whether both fields name existing files (what enables OK)."""
        left, right = self.left_row.path(), self.right_row.path()
        return left is not None and right is not None and left.is_file() and right.is_file()

    def paths(self) -> tuple[Path, Path]:
        """The two chosen files (left, right), once the dialog was accepted.

        Raises:
            ValueError: A field is empty (never after the dialog was accepted).
        """
        left, right = self.left_row.path(), self.right_row.path()
        if left is None or right is None:
            raise ValueError("choose both articles first")
        return left, right

    def details(self, side: Side) -> Details:
        """The outlet, author and date of one side as the fields say (None: as found)."""
        return self.details_grid.values(side)

    def swap(self) -> None:
        """Exchange the left and right articles, with their outlets, authors and dates."""
        left, right = self.left_row.edit.text(), self.right_row.edit.text()
        self.details_grid.swap()
        for row, text in ((self.left_row, right), (self.right_row, left)):
            row.edit.blockSignals(True)
            row.edit.setText(text)
            row.edit.blockSignals(False)
        self._update()

    def _offer(self, side: Side) -> None:
        """Offer the outlet, author and date of the file now named on ``side``."""
        path = self._rows[side].path()
        if path is None or not path.is_file():
            self.details_grid.offer(side, None)
        elif str(path) in self._found:
            self.details_grid.offer(side, self._found[str(path)])
        else:
            self.details_grid.offer(side, None)
            read_later(path, self._read)

    def _read(self, path: str, doc: object) -> None:
        self._found[path] = doc if isinstance(doc, Document) else None
        for side in SIDES:
            if str(self._rows[side].path()) == path:
                self._offer(side)

    def _update(self) -> None:
        problems = []
        for side, row in (("left", self.left_row), ("right", self.right_row)):
            path = row.path()
            if path is not None and not path.is_file():
                what = "is a folder" if path.is_dir() else "does not exist"
                problems.append(f"The {side} article {what}: {path}")
        self.hint.setText("\n".join(problems))
        self.hint.setVisible(bool(problems))
        self.ok_button.setEnabled(self.is_ready())

    def accept(self) -> None:
        if self.is_ready():
            super().accept()
