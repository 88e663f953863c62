"""An article's outlet, author and date, from File > Open to the labels, the library and a
restart, and corrected afterwards with Edit > Article Details: the real window and dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from parallax.app import _open_initial
from parallax.ui import dialogs
from parallax.ui.dialogs import path_row
from parallax.ui.main_window import MainWindow
from parallax.ui.models import outlet_labels
from tests.ui.dialogs.helpers import click
from tests.ui.dialogs.test_details import BODY, html_page
from tests.ui.dialogs.test_open_pair import FakeChooser


def when_shown(kind: type[QDialog], drive: Callable[[Any], None]) -> None:
    """Run ``drive(dialog)`` once the window's modal ``kind`` dialog is up."""

    def find() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            try:
                drive(dialog)
            finally:
                if dialog.isVisible():  # the drive failed: end the modal loop, report it
                    dialog.reject()
        else:
            QTimer.singleShot(20, find)

    QTimer.singleShot(0, find)


def new_window(qtbot: Any, settings: Any, library_path: Path) -> MainWindow:
    win = MainWindow(db_path=library_path, settings=settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def chooser(monkeypatch: pytest.MonkeyPatch) -> FakeChooser:
    fake = FakeChooser()
    monkeypatch.setattr(path_row.QFileDialog, "getOpenFileName", fake)
    return fake


def test_an_outlet_offered_in_open_then_edited_labels_the_comparison_after_a_restart(
    qtbot: Any,
    settings: Any,
    library_path: Path,
    tmp_path: Path,
    chooser: FakeChooser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dialogs, "show_error", lambda *a: pytest.fail(f"a dialog: {a}"))
    left = tmp_path / "outlet-a-story.html"
    left.write_text(html_page("The Harbour Times", "Jane Doe"), encoding="utf-8")
    right = tmp_path / "outlet-b-story.txt"
    right.write_text(
        f"Council votes\n\nLONDON (Reuters) - {BODY}\n\nThe mayor's office gave no date for "
        "the vote on the second phase.\n",
        encoding="utf-8",
    )
    win = new_window(qtbot, settings, library_path)
    offered: list[str] = []

    def fill(dialog: dialogs.OpenPairDialog) -> None:
        chooser.answers += [left, right]
        click(qtbot, dialog.left_row.browse)
        click(qtbot, dialog.right_row.browse)
        outlet = dialog.details_grid.edits["left"]["source"]
        qtbot.waitUntil(lambda: outlet.text() != "", timeout=10_000)
        offered.append(outlet.text())
        outlet.selectAll()
        qtbot.keyClicks(outlet, "Harbour Times Weekly")
        click(qtbot, dialog.ok_button)

    when_shown(dialogs.OpenPairDialog, fill)
    with qtbot.waitSignal(win.worker.finished, timeout=120_000):
        win.open_pair_dialog()
    assert offered == ["The Harbour Times"]
    comparison = win.comparison
    assert comparison is not None and win.comparison_id is not None
    assert (comparison.left.source, comparison.left.author) == ("Harbour Times Weekly", "Jane Doe")
    assert comparison.right.source == "Reuters"
    assert outlet_labels(comparison) == {"left": "Harbour Times Weekly", "right": "Reuters"}
    assert "Harbour Times Weekly · by Jane Doe · 2024-03-04" in win.left.meta.text()
    win.close()

    # A restart opens the last comparison from the library, with the journalist's outlet.
    again = new_window(qtbot, settings, library_path)
    with qtbot.waitSignal(again.worker.finished, timeout=60_000):
        _open_initial(again, None)
    assert again.comparison is not None
    assert again.comparison.left.source == "Harbour Times Weekly"
    assert again.comparison.left.author == "Jane Doe"

    # Corrected later: a double-click on the right pane's header, a new outlet and author.
    def correct(dialog: dialogs.ArticleDetailsDialog) -> None:
        edits = dialog.grid.edits["right"]
        assert dialog.focusWidget() is edits["source"]
        edits["source"].selectAll()
        qtbot.keyClicks(edits["source"], "Reuters Wire")
        qtbot.keyClicks(edits["author"], "Li Wei")
        dialog.accept()

    when_shown(dialogs.ArticleDetailsDialog, correct)
    with qtbot.waitSignal(
        again.worker.libraryDone, timeout=30_000, check_params_cb=lambda tag, _: tag == "details"
    ) as done:
        qtbot.mouseDClick(again.right.title, Qt.MouseButton.LeftButton)
    assert (
        done.args is not None and done.args[1] == again.comparison_id
    )  # the pair's one comparison, in place
    assert again.comparison.right.source == "Reuters Wire"
    assert "Reuters Wire · by Li Wei" in again.right.meta.text()
    again.close()

    third = new_window(qtbot, settings, library_path)
    with qtbot.waitSignal(third.worker.finished, timeout=60_000):
        _open_initial(third, None)
    assert third.comparison is not None
    assert (third.comparison.right.source, third.comparison.right.author) == (
        "Reuters Wire",
        "Li Wei",
    )
    assert third.comparison.left.source == "Harbour Times Weekly"
    # Recent names both outlets.
    with qtbot.waitSignal(
        third.worker.libraryDone, timeout=30_000, check_params_cb=lambda tag, _: tag == "recent"
    ):
        third.recent_menu.aboutToShow.emit()
    entries = [a.text() for a in third.recent_menu.actions() if a.isEnabled()]
    assert len(entries) == 1
    assert "Harbour Times W" in entries[0] and "Reuters Wire" in entries[0]
