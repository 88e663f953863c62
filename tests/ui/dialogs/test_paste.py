"""Pasting an article, filled and clicked like a user would."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from parallax.ui.dialogs import PasteDialog
from tests.ui.dialogs.helpers import click


def test_paste_needs_text_before_ok(qtbot: Any) -> None:
    dialog = PasteDialog(None, "right")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "right" in dialog.windowTitle()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text_edit, "Seoul")
    assert dialog.ok_button.isEnabled()
    dialog.text_edit.clear()
    assert not dialog.ok_button.isEnabled()


def test_paste_returns_an_ingested_document_with_title_and_outlet(
    qtbot: Any, samples: dict[str, str]
) -> None:
    dialog = PasteDialog(None, "left")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText(samples["damaged"])
    qtbot.keyClicks(dialog.title_edit, "Pact signed")
    qtbot.keyClicks(dialog.outlet_edit, "The Harbour Times")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    doc = dialog.document()
    assert doc is not None
    assert doc.title == "Pact signed"
    assert doc.source == "The Harbour Times"
    assert doc.original == samples["damaged"].replace("\r\n", "\n")


def test_paste_without_title_keeps_what_ingest_found(qtbot: Any, samples: dict[str, str]) -> None:
    dialog = PasteDialog(None, "left")
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText(samples["clean"])
    dialog.accept()
    doc = dialog.document()
    assert doc is not None
    from parallax.core.ingest import read_text

    assert doc.title == read_text(samples["clean"]).title


def test_a_paste_ingest_refuses_is_explained_and_the_text_kept(qtbot: Any) -> None:
    dialog = PasteDialog(None, "left")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText("https://example.com/news/pact")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.document() is None
    assert dialog.error_label.isVisible()
    assert "web address" in dialog.error_label.text()
    assert dialog.text_edit.toPlainText() == "https://example.com/news/pact"
    qtbot.keyClicks(dialog.text_edit, " ")  # editing clears the message
    assert not dialog.error_label.isVisible()


def test_paste_cancel_gives_no_document(qtbot: Any) -> None:
    dialog = PasteDialog(None, "left")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText("Some text.")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.document() is None
