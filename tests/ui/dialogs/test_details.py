"""Outlet, author and date in File > Open, File > Paste and Edit > Article Details."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from parallax.core.ingest import read_text
from parallax.ui.dialogs import ArticleDetailsDialog, OpenPairDialog, PasteDialog, path_row
from tests.store.helpers import make_comparison
from tests.ui.dialogs.helpers import click
from tests.ui.dialogs.test_open_pair import FakeChooser

BODY = (
    "The town council voted on Monday to widen the harbour road, after a year of complaints "
    "from the fishing cooperative about lorries stuck at the quay. The work will start in May "
    "and last four months, the mayor said."
)


def html_page(site: str, author: str) -> str:
    return (
        "<!doctype html><html><head><title>Council votes to widen the harbour road</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta name="author" content="{author}">'
        '<meta property="article:published_time" content="2024-03-04T08:00:00Z">'
        "</head><body><article><h1>Council votes to widen the harbour road</h1>"
        f"<p>{BODY}</p><p>Residents of the old quarter said they feared the noise.</p>"
        "</article></body></html>"
    )


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    left = tmp_path / "outlet-a-story.html"
    left.write_text(html_page("The Harbour Times", "Jane Doe"), encoding="utf-8")
    right = tmp_path / "outlet-b-story.txt"
    right.write_text(f"Council votes\n\nLONDON (Reuters) - {BODY}\n", encoding="utf-8")
    return left, right


@pytest.fixture
def chooser(monkeypatch: pytest.MonkeyPatch) -> FakeChooser:
    fake = FakeChooser()
    monkeypatch.setattr(path_row.QFileDialog, "getOpenFileName", fake)
    return fake


def fields(dialog: OpenPairDialog, side: str) -> tuple[str, str, str]:
    edits = dialog.details_grid.edits[side]  # type: ignore[index]
    return edits["source"].text(), edits["author"].text(), edits["published"].text()


def test_choosing_a_file_offers_its_outlet_author_and_date_and_an_edit_wins(
    qtbot: Any, chooser: FakeChooser, articles: tuple[Path, Path]
) -> None:
    dialog = OpenPairDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert fields(dialog, "left") == ("", "", "")
    chooser.answers += list(articles)
    click(qtbot, dialog.left_row.browse)
    click(qtbot, dialog.right_row.browse)
    qtbot.waitUntil(lambda: fields(dialog, "left")[0] != "", timeout=10_000)
    assert fields(dialog, "left") == ("The Harbour Times", "Jane Doe", "2024-03-04")
    qtbot.waitUntil(lambda: fields(dialog, "right")[0] != "", timeout=10_000)
    assert fields(dialog, "right") == ("Reuters", "", "")

    outlet = dialog.details_grid.edits["left"]["source"]
    outlet.selectAll()
    qtbot.keyClicks(outlet, "Harbour Times Weekly")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.details("left")["source"] == "Harbour Times Weekly"
    assert dialog.details("left")["author"] == "Jane Doe"
    assert dialog.details("right") == {"source": "Reuters", "author": None, "published": None}


def test_what_was_typed_before_the_file_was_read_is_kept(
    qtbot: Any, articles: tuple[Path, Path]
) -> None:
    dialog = OpenPairDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.details_grid.edits["left"]["source"], "My Outlet")
    dialog.left_row.edit.setText(str(articles[0]))
    qtbot.waitUntil(lambda: fields(dialog, "left")[1] != "", timeout=10_000)
    assert fields(dialog, "left") == ("My Outlet", "Jane Doe", "2024-03-04")
    # Another file offers its own details, but what was typed stays.
    dialog.left_row.edit.setText(str(articles[1]))
    qtbot.waitUntil(lambda: fields(dialog, "left")[1] == "", timeout=10_000)
    assert fields(dialog, "left") == ("My Outlet", "", "")


def test_swapping_sides_swaps_their_details(qtbot: Any, articles: tuple[Path, Path]) -> None:
    dialog = OpenPairDialog(left=articles[0], right=articles[1])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(
        lambda: bool(fields(dialog, "left")[0] and fields(dialog, "right")[0]), timeout=10_000
    )
    right_outlet = dialog.details_grid.edits["right"]["source"]
    right_outlet.clear()
    qtbot.keyClicks(right_outlet, "Wire")
    click(qtbot, dialog.swap_button)
    assert dialog.paths() == (articles[1], articles[0])
    assert fields(dialog, "left") == ("Wire", "", "")
    assert fields(dialog, "right") == ("The Harbour Times", "Jane Doe", "2024-03-04")


def test_tab_goes_from_the_paths_to_the_details(qtbot: Any) -> None:
    dialog = OpenPairDialog()
    qtbot.addWidget(dialog)
    assert dialog.left_row.edit.nextInFocusChain() is dialog.right_row.edit
    left = dialog.details_grid.edits["left"]
    assert dialog.right_row.edit.nextInFocusChain() is left["source"]
    assert left["source"].nextInFocusChain() is left["author"]


def test_paste_takes_an_author_and_a_date_and_keeps_the_byline_when_left_empty(
    qtbot: Any,
) -> None:
    text = f"Council votes\n\nBy Jane Doe | The Harbour Times\n\n{BODY}"
    dialog = PasteDialog(None, "right")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText(text)
    qtbot.keyClicks(dialog.date_edit, "2024-03-04")
    click(qtbot, dialog.ok_button)
    doc = dialog.document()
    assert doc is not None
    assert (doc.source, doc.author, doc.published) == (
        "The Harbour Times",
        "Jane Doe",
        "2024-03-04",
    )
    again = PasteDialog(None, "right")
    qtbot.addWidget(again)
    again.text_edit.setPlainText(text)
    qtbot.keyClicks(again.author_edit, "J. Doe")
    qtbot.keyClicks(again.outlet_edit, "Harbour")
    again.accept()
    doc = again.document()
    assert doc is not None and (doc.source, doc.author) == ("Harbour", "J. Doe")
    assert doc.text == read_text(text).text


def test_article_details_shows_both_articles_and_returns_the_corrections(qtbot: Any) -> None:
    comparison = make_comparison(4)
    dialog = ArticleDetailsDialog(comparison, focus="right")
    qtbot.addWidget(dialog)
    dialog.show()
    grid = dialog.grid
    assert grid.edits["left"]["source"].text() == "Harbour Times"
    assert grid.edits["left"]["author"].text() == "Jane Doe"
    assert grid.edits["right"]["source"].text() == "Daily Courier"
    assert not dialog.changed()
    grid.edits["right"]["author"].setText("Li Wei")
    grid.edits["left"]["author"].clear()  # a wrong author can be taken away
    edited = dialog.comparison()
    assert dialog.changed()
    assert (edited.left.author, edited.right.author) == (None, "Li Wei")
    assert edited.right.source == "Daily Courier" and edited.links == comparison.links
