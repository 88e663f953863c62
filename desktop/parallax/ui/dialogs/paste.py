"""File > Paste Text as Left/Right: an article pasted as text, with optional title, outlet,
author and date."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import Document, Side
from parallax.ui.theme import theme_for


class PasteDialog(QDialog):
    """Paste an article's text into one side; title, outlet, author and date are optional.

    OK stays disabled while the text is blank. On OK the text is ingested like a file
    (HTML and Markdown are recognised); if that fails, the reason is shown in the dialog,
    which stays open so the text is not lost. :meth:`document` then returns the article.
    """

    def __init__(self, parent: QWidget | None = None, side: Side = "left") -> None:
        super().__init__(parent)
        self.side: Side = side
        self._document: Document | None = None
        self.setWindowTitle(f"Paste the {side} article")
        self.setObjectName("pasteDialog")

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Optional: found in the text when left empty")
        self.outlet_edit = QLineEdit()
        self.outlet_edit.setPlaceholderText("Optional: e.g. The Harbour Times")
        self.author_edit = QLineEdit()
        self.author_edit.setPlaceholderText("Optional: found in a 'By …' line when left empty")
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("Optional: e.g. 2024-06-19")
        for edit in (self.title_edit, self.outlet_edit, self.author_edit, self.date_edit):
            edit.setClearButtonEnabled(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Paste the article here (text, Markdown or HTML).")
        self.text_edit.setTabChangesFocus(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("pasteError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow("T&itle:", self.title_edit)
        form.addRow("&Outlet:", self.outlet_edit)
        form.addRow("A&uthor:", self.author_edit)
        form.addRow("Da&te:", self.date_edit)
        text_label = QLabel("Article &text:")
        text_label.setBuddy(self.text_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Compare")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._update_ok)

        layout = QVBoxLayout(self)
        layout.addWidget(text_label)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.text_edit, self.title_edit)
        self.setTabOrder(self.title_edit, self.outlet_edit)
        self.setTabOrder(self.outlet_edit, self.author_edit)
        self.setTabOrder(self.author_edit, self.date_edit)
        self.text_edit.setFocus()
        self._update_ok()
        self.resize(640, 520)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.text_edit.toPlainText().strip()))
        self.error_label.hide()

    def accept(self) -> None:
        text = self.text_edit.toPlainText()
        if not text.strip():
            return
        from parallax.core.ingest import IngestError, read_text

        try:
            doc = read_text(text)
        except IngestError as exc:
            # The discrepancy colour reads as "wrong" and keeps its contrast in both themes.
            colour = theme_for(self.palette()).discrepancy.name()
            self.error_label.setStyleSheet(f"color: {colour};")
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        title = self.title_edit.text().strip()
        self._document = replace(doc, title=title or doc.title).with_details(
            source=self.outlet_edit.text(),
            author=self.author_edit.text(),
            published=self.date_edit.text(),
        )
        super().accept()

    def document(self) -> Document | None:
        """The pasted article once the dialog was accepted, else None."""
        return self._document
