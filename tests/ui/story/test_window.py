"""The reader window with a story: a Story tab beside the panes; a click in the matrix opens
the two outlets in the panes at the fact (a real MainWindow, worker and library)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from parallax.core.story import Story
from parallax.ui.story.coverage_model import FACT_ID_ROLE, CoverageModel
from tests.ui.story.conftest import at

if TYPE_CHECKING:
    from parallax.ui.main_window import MainWindow

FIRST = CoverageModel.FIRST_OUTLET


def click_cell(qtbot: Any, window: MainWindow, fact: str, column: int) -> None:
    view = window.story_view
    assert view is not None
    proxy = view.coverage.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(FACT_ID_ROLE) == fact)
    table = view.coverage.table
    rect = table.visualRect(proxy.index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_story_gets_a_tab_beside_the_reader(window: MainWindow, story: Story) -> None:
    assert window.tabs.count() == 1
    assert not window.tabs.tabBar().isVisible()  # no story: the reader as it always was
    window.show_story(story)
    assert window.tabs.count() == 2
    assert window.tabs.tabBar().isVisible()
    assert window.tabs.currentWidget() is window.story_view
    assert window.tabs.tabText(1) == "Story: Elm Street bridge"
    assert window.story_view is not None
    assert window.story_view.coverage.model.rowCount() == 4
    window.show_story(Story("Another", story.articles[:2], story.facts[:1]))
    assert window.tabs.count() == 2  # one Story tab, showing the latest story
    assert window.story_view.coverage.model.rowCount() == 1


def test_a_click_in_the_matrix_opens_the_pair_at_the_fact(
    qtbot: Any, window: MainWindow, story: Story
) -> None:
    gazette, _times, ledger = (a.document for a in story.articles)
    window.show_story(story)
    # The cost as the Ledger states it, beside the Gazette's (the first other outlet).
    with qtbot.waitSignal(window.worker.finished, timeout=60_000):
        click_cell(qtbot, window, "f2", FIRST + 2)
    assert window.tabs.currentIndex() == 0
    shown = window.comparison
    assert shown is not None
    assert (shown.left.original, shown.right.original) == (ledger.original, gazette.original)
    assert (shown.left.source, shown.right.source) == ("Daily Ledger", "Harbour Gazette")
    assert window.selected_link is not None
    link = shown.links[window.selected_link]
    assert at(ledger, "repairs would cost") in link.left
    assert at(gazette, "Repairs will cost") in link.right
    # Another fact of the same two outlets: the pair on screen is not compared again.
    window.show_story(story)
    with qtbot.waitSignal(window.linkSelected, timeout=1000) as blocker:
        click_cell(qtbot, window, "f1", FIRST + 2)
    assert window.tabs.currentIndex() == 0
    assert window.comparison is shown
    link = shown.links[blocker.args[0]]
    assert at(ledger, "closed on Monday") in link.left
    assert at(gazette, "was closed on Monday") in link.right


def test_a_fact_one_outlet_alone_carries_opens_at_its_sentence(
    qtbot: Any, window: MainWindow, story: Story
) -> None:
    _gazette, times, ledger = (a.document for a in story.articles)
    window.show_story(story)
    with qtbot.waitSignal(window.worker.finished, timeout=60_000):
        click_cell(qtbot, window, "f4", FIRST + 1)  # the detour: only in the Times
    shown = window.comparison
    assert shown is not None  # beside the next outlet of the story
    assert (shown.left.original, shown.right.original) == (times.original, ledger.original)
    assert window.current_sentence["left"] == at(times, "detour")
    assert window.focus_side == "left"


def test_a_shortcut_goes_from_the_story_to_the_reader_and_back(
    qtbot: Any, window: MainWindow, story: Story
) -> None:
    assert not window.act_story_tab.isEnabled()  # no story yet
    window.show_story(story)
    assert window.act_story_tab.isEnabled()
    assert window.act_story_tab.shortcut().toString() == "Ctrl+Shift+S"
    window.act_story_tab.trigger()
    assert window.tabs.currentIndex() == 0
    window.act_story_tab.trigger()
    assert window.tabs.currentWidget() is window.story_view


def test_file_open_story_shows_a_story_of_the_library(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    """File ▸ Open Story lists the library's stories; the chosen one is made ready on the
    worker's thread (its pairs compared) and shown in the Story tab; with none, it says how
    to make one."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from parallax.core.ingest import read_text
    from parallax.session import Session
    from tests.ui.story.conftest import GAZETTE, LEDGER, TIMES

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _w, title, _t: told.append(title))
    window.act_open_story.trigger()
    qtbot.waitUntil(lambda: told == ["No stories yet"], timeout=20_000)

    docs = [
        (read_text(text, name=name), outlet)
        for text, name, outlet in (
            (GAZETTE, "gazette.txt", "Harbour Gazette"),
            (TIMES, "times.txt", "River Times"),
            (LEDGER, "ledger.txt", "Daily Ledger"),
        )
    ]
    assert window.db_path is not None
    with Session.open(window.db_path) as session:
        session.story_new("Elm Street bridge", docs, workers=1)
    offered: list[list[str]] = []

    def choose(_w: object, _title: str, _label: str, items: list[str], *_a: object) -> tuple:
        offered.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    window.act_open_story.trigger()
    qtbot.waitUntil(lambda: window.story_view is not None, timeout=60_000)
    assert offered == [["Elm Street bridge (Harbour Gazette, River Times, Daily Ledger)"]]
    assert window.tabs.currentWidget() is window.story_view
    assert window.tabs.tabText(1) == "Story: Elm Street bridge"
    assert window.story is not None and len(window.story.articles) == 3
