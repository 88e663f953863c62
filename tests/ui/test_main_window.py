"""The reader window driven as a journalist would: clicks, keys, sidebar, corrections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication

from parallax.core.model import Comparison
from parallax.store import open_library
from parallax.ui.main_window import MainWindow
from parallax.ui.sync import READING_LINE


def _click_sentence(qtbot: Any, win: MainWindow, side: str, sentence: int) -> None:
    view = win.panes[side].view  # type: ignore[index]
    top, bottom = view.sentence_extent(sentence)
    if not (view.scroll_y() <= top and bottom <= view.scroll_y() + view.viewport_height()):
        win.sync.move(side, top - 40)  # type: ignore[arg-type]
    y = int(top + min(12.0, (bottom - top) / 2) - view.scroll_y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(80, y))


def test_clicking_a_sentence_selects_its_link_and_brings_the_counterpart_level(
    qtbot: Any, window: MainWindow
) -> None:
    reading = window.reading
    assert reading is not None
    index = next(i for i in reading.order if reading.sentences(i, "left"))
    sentence = min(reading.sentences(index, "left"))
    with qtbot.waitSignal(window.linkSelected, timeout=1000) as blocker:
        _click_sentence(qtbot, window, "left", sentence)
    chosen = blocker.args[0]
    assert chosen in reading.links_of("left", sentence)
    for side in ("left", "right"):
        emphasised, colour = window.panes[side].view.emphasised()
        assert set(emphasised) == set(reading.sentences(chosen, side))
        assert colour == window.theme.link_color(reading.slot[chosen], strong=True)
    assert window.gutter._selected == chosen
    left, right = window.left.view, window.right.view
    left_top = left.sentence_extent(sentence)[0] - left.scroll_y()
    right_top = right.sentence_extent(min(reading.sentences(chosen, "right")))[0] - right.scroll_y()
    bar = right.verticalScrollBar()
    if 0 < bar.value() < bar.maximum():  # not held back by an end of the document
        assert abs(left_top - right_top) <= 3


def test_keyboard_walks_links_unique_sentences_and_discrepancies(
    qtbot: Any, window: MainWindow
) -> None:
    reading = window.reading
    assert reading is not None
    window.left.view.setFocus()
    qtbot.keyClick(window.left.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.selected_link == reading.order[0]
    qtbot.keyClick(window.left.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.selected_link == reading.order[1]
    qtbot.keyClick(window.left.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.selected_link == reading.order[0]
    # The selected link's first left sentence sits at the reading line (unless at an end).
    view = window.left.view
    top = view.sentence_extent(min(reading.sentences(window.selected_link, "left")))[0]
    if view.verticalScrollBar().value() not in (0, view.verticalScrollBar().maximum()):
        assert abs(top - view.scroll_y() - window.sync.reading_line("left")) <= 1
    qtbot.keyClick(window.left.view, Qt.Key.Key_F7)
    assert "Only in" in window.summary.text()
    marked, _ = (window.focus_side, None)
    sentences, _colour = window.panes[marked].view.emphasised()
    assert len(sentences) == 1 and reading.is_unique(marked, sentences[0])
    if reading.discrepant:
        qtbot.keyClick(window.left.view, Qt.Key.Key_F8)
        assert window.selected_link in reading.discrepant
        assert "≠" in window.summary.text()


def test_discrepancies_are_navigable_and_marked_word_by_word(qtbot: Any, settings: Any) -> None:
    from tests.ui.test_reading import COMPARISON

    win = MainWindow(db_path=None, settings=settings)
    qtbot.addWidget(win)
    win.show()
    win.show_comparison(COMPARISON)
    win.go_discrepancy(1)
    assert win.selected_link == 1
    assert "number: 12 ≠ 15" in win.summary.text()
    words = win.left.view.overlay("words")
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    flagged = [s.cursor.selectedText() for s in words if s.format.underlineStyle() == wave]
    assert flagged == ["12"]


def test_sidebar_actor_highlights_every_mention(qtbot: Any, window: MainWindow) -> None:
    comparison = window.comparison
    assert comparison is not None
    actor = next(a for a in comparison.actors if {m.side for m in a.mentions} == {"left", "right"})
    window.sidebar.actorActivated.emit(actor.id)
    for side in ("left", "right"):
        marks = window.panes[side].view.overlay("mentions")
        expected = sorted((m.start, m.end) for m in actor.mentions if m.side == side)
        view = window.panes[side].view
        got = sorted((s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in marks)
        assert got == [(view.qt_pos(a), view.qt_pos(b)) for a, b in expected]
    assert actor.name in window.summary.text()


def test_sidebar_reaction_scrolls_its_sentence_into_view(qtbot: Any, window: MainWindow) -> None:
    comparison = window.comparison
    assert comparison is not None
    reaction = max(comparison.reactions, key=lambda r: r.sentence)
    window.sidebar.reactionActivated.emit(reaction.side, reaction.sentence)
    view = window.panes[reaction.side].view
    top, _bottom = view.sentence_extent(reaction.sentence)
    assert view.scroll_y() <= top and top <= view.scroll_y() + view.viewport_height()
    assert reaction.sentence in view.emphasised()[0]


def test_a_saved_comparison_reopens_with_the_corrections_made_since(
    qtbot: Any, window: MainWindow, library_path: Path, full_comparison: Comparison
) -> None:
    from parallax.core.actors import ActorCorrection

    actor = full_comparison.actors[0]
    with open_library(library_path) as library:
        saved = library.save(full_comparison)
        library.correct_actor(
            full_comparison.left.content_sha256,
            full_comparison.right.content_sha256,
            ActorCorrection("rename", actor.id, "Renamed Since"),
        )
    window.show_comparison(None)
    with qtbot.waitSignal(window.worker.finished, timeout=30_000):
        window.open_stored(saved)  # as File > Recent does, on the worker's thread
    assert window.comparison is not None and window.comparison_id == saved
    assert next(a for a in window.comparison.actors if a.id == actor.id).name == "Renamed Since"
    # The Recent menu is read on the worker's thread too (after the comparison's notes and
    # decisions), and lists it.
    with qtbot.waitSignal(
        window.worker.libraryDone, timeout=30_000, check_params_cb=lambda tag, _r: tag == "recent"
    ):
        window.recent_menu.aboutToShow.emit()
    entries = [a.text() for a in window.recent_menu.actions() if a.isEnabled()]
    assert len(entries) == 1 and "⟷" in entries[0]


def test_a_last_comparison_that_is_gone_opens_the_samples_quietly(
    qtbot: Any, window: MainWindow, library_path: Path, monkeypatch: Any
) -> None:
    from parallax.ui import dialogs

    monkeypatch.setattr(dialogs, "show_error", lambda *a: pytest.fail(f"a dialog: {a}"))
    opened: list[bool] = []
    monkeypatch.setattr(window, "open_sample", lambda: opened.append(True))
    with open_library(library_path):
        pass  # an empty library: comparison 7 is not there
    with qtbot.waitSignal(window.worker.failed, timeout=30_000):
        window.open_stored(7, quiet=True)
    assert opened == [True]


def test_actor_corrections_are_saved_to_the_library(
    qtbot: Any, window: MainWindow, library_path: Path
) -> None:
    comparison = window.comparison
    assert comparison is not None
    actor = comparison.actors[0]
    with qtbot.waitSignal(window.comparisonShown, timeout=30_000):  # saved, then shown
        window.sidebar.renameRequested.emit(actor.id, "Renamed Actor")
    assert window.comparison is not None
    assert next(a for a in window.comparison.actors if a.id == actor.id).name == "Renamed Actor"
    victim = comparison.actors[-1]
    with qtbot.waitSignal(window.comparisonShown, timeout=30_000):
        window.sidebar.deleteRequested.emit(victim.id)
    assert all(a.id != victim.id for a in window.comparison.actors)
    with open_library(library_path) as library:
        fixes = library.corrections_for(
            comparison.left.content_sha256, comparison.right.content_sha256
        )
    assert [(f.action, f.actor) for f in fixes.actors] == [
        ("rename", actor.id),
        ("delete", victim.id),
    ]


def test_pinning_and_rejecting_links_persist_and_realign(
    qtbot: Any, window: MainWindow, library_path: Path
) -> None:
    reading = window.reading
    comparison = window.comparison
    assert reading is not None and comparison is not None
    left = reading.unique["left"][0]
    right = reading.unique["right"][0]
    window.current_sentence = {"left": left, "right": right}
    window._update_actions()
    assert window.act_pin.isEnabled()
    with qtbot.waitSignal(window.worker.finished, timeout=60000):
        window.act_pin.trigger()
    assert window.comparison is not None
    assert any(left in link.left and right in link.right for link in window.comparison.links)
    target = next(i for i, link in enumerate(window.comparison.links) if left not in link.left)
    rejected = window.comparison.links[target]
    window.select_link(target)
    with qtbot.waitSignal(window.worker.finished, timeout=60000):
        window.act_reject.trigger()
    pairs = {(a, b) for link in window.comparison.links for a in link.left for b in link.right}
    assert not ({(a, b) for a in rejected.left for b in rejected.right} & pairs)
    with open_library(library_path) as library:
        fixes = library.corrections_for(
            comparison.left.content_sha256, comparison.right.content_sha256
        )
    assert (left, right) in fixes.pinned
    assert set(fixes.rejected) == {(a, b) for a in rejected.left for b in rejected.right}


def test_a_bad_file_gives_a_message_not_a_crash(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "parallax.ui.dialogs.show_error",
        lambda parent, title, message, *a, **k: shown.append((title, message)),
    )
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    before = window.comparison
    with qtbot.waitSignal(window.worker.failed, timeout=30000):
        window.replace_side("left", binary)
    assert shown and "photo.txt" in shown[0][1]
    assert window.comparison is before  # what was on screen stays


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent takes a QPoint
def test_dropping_a_file_on_a_pane_replaces_that_side(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(
        "Wire report\n\nNorth Korea and Russia signed a mutual defence treaty on Wednesday.\n"
        "The agreement commits each to help the other if attacked.\n",
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    pane = window.right
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert QApplication.sendEvent(pane, enter) and enter.isAccepted()
    with qtbot.waitSignal(window.worker.linked, timeout=30000):
        assert QApplication.sendEvent(pane, event)
    assert window.comparison is not None
    assert "mutual defence treaty" in window.comparison.right.text
    assert "fiery" not in window.comparison.right.text
    assert window.comparison.left.text == window.left.view.document_model().text  # type: ignore[union-attr]


def test_original_text_toggle_shows_the_damage(qtbot: Any, window: MainWindow) -> None:
    comparison = window.comparison
    assert comparison is not None
    window.act_original.trigger()
    assert window.right.view.toPlainText() == comparison.right.original
    window.act_original.trigger()
    assert window.right.view.toPlainText() == comparison.right.text


def test_dark_theme_repaints_the_links(qtbot: Any, window: MainWindow) -> None:
    reading = window.reading
    assert reading is not None
    sentence = min(reading.sentences(reading.order[0], "left"))
    light = window.left.view.sentence_color(sentence)
    window.set_scheme("dark")
    try:
        dark = window.left.view.sentence_color(sentence)
        assert window.theme.dark and dark is not None and light is not None
        assert dark.lightnessF() < light.lightnessF()
    finally:
        window.set_scheme("light")


def test_reading_line_constant_matches_sync(window: MainWindow) -> None:
    view = window.left.view
    assert window.sync.reading_line("left") == round(view.viewport_height() * READING_LINE)


def test_screenshot_renders_the_window_to_png(qtbot: Any, tmp_path: Path, recognizer: Any) -> None:
    from PySide6.QtGui import QImage

    from parallax.cli import main

    out = tmp_path / "reader.png"
    assert main(["--screenshot", str(out), "--theme", "dark"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1500, 920)
    colours = {image.pixelColor(x, y).name() for x in range(0, 1500, 25) for y in range(0, 920, 25)}
    assert len(colours) > 20  # text, link colours and the sidebar, not a blank frame
    assert image.pixelColor(5, 460).lightnessF() < 0.5  # the dark theme was used
    small = tmp_path / "small.png"
    assert main(["--screenshot", str(small), "--size", "1024x700"]) == 0
    assert (QImage(str(small)).width(), QImage(str(small)).height()) == (1024, 700)


def test_keyboard_only_enter_selects_the_sentence_at_the_caret(
    qtbot: Any, window: MainWindow
) -> None:
    from PySide6.QtGui import QTextCursor

    reading = window.reading
    assert reading is not None
    index = reading.order[0]
    sentence = min(reading.sentences(index, "right"))
    view = window.right.view
    view.setFocus()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.qt_pos(window.comparison.right.sentences[sentence].start) + 2)  # type: ignore[union-attr]
    view.setTextCursor(cursor)
    with qtbot.waitSignal(window.linkSelected, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args[0] in reading.links_of("right", sentence)
    assert window.current_sentence["right"] == sentence


def test_rejecting_one_pair_of_sentences_keeps_the_rest_of_its_link(
    qtbot: Any, window: MainWindow, library_path: Path
) -> None:
    comparison = window.comparison
    assert comparison is not None
    link = next(k for k in comparison.links if len(k.left) * len(k.right) > 1)
    pair = (link.left[0], link.right[0])
    window.current_sentence = {"left": pair[0], "right": pair[1]}
    window._update_actions()
    assert window.act_reject_pair.isEnabled()
    with qtbot.waitSignal(window.worker.finished, timeout=60000):
        window.act_reject_pair.trigger()
    with open_library(library_path) as library:
        fixes = library.corrections_for(
            comparison.left.content_sha256, comparison.right.content_sha256
        )
    assert fixes.rejected == (pair,)  # only that pair, not every pair of the link
    assert window.comparison is not None
    assert not any(pair[0] in k.left and pair[1] in k.right for k in window.comparison.links)


def test_undo_and_redo_a_rejection_in_the_reader(
    qtbot: Any, window: MainWindow, library_path: Path
) -> None:
    comparison = window.comparison
    assert comparison is not None
    target = 0
    rejected = comparison.links[target]
    pairs = {(a, b) for a in rejected.left for b in rejected.right}
    window.select_link(target)
    with qtbot.waitSignal(window.worker.finished, timeout=60000):
        window.act_reject.trigger()

    def linked() -> set[tuple[int, int]]:
        assert window.comparison is not None
        return {(a, b) for k in window.comparison.links for a in k.left for b in k.right}

    assert not pairs & linked()
    for _ in pairs:  # one history entry per rejected pair of sentences
        with qtbot.waitSignal(window.worker.finished, timeout=60000):
            window.act_undo.trigger()
    assert "Undid the rejection" in window.statusBar().currentMessage()
    assert pairs <= linked()
    with qtbot.waitSignal(window.worker.finished, timeout=60000):
        window.act_redo.trigger()
    assert "Redid the rejection" in window.statusBar().currentMessage()
    with open_library(library_path) as library:
        fixes = library.corrections_for(
            comparison.left.content_sha256, comparison.right.content_sha256
        )
    assert len(fixes.rejected) == 1


def test_undo_a_rename_in_the_reader(qtbot: Any, window: MainWindow) -> None:
    comparison = window.comparison
    assert comparison is not None
    actor = comparison.actors[0]
    with qtbot.waitSignal(window.comparisonShown, timeout=30_000):
        window.sidebar.renameRequested.emit(actor.id, "Renamed Actor")
    with qtbot.waitSignal(window.worker.finished, timeout=60000):
        window.act_undo.trigger()
    assert window.comparison is not None
    assert next(a for a in window.comparison.actors if a.id == actor.id).name == actor.name


HOSTILE_TITLE = "\x1b]0;pwned\x07\x1b[2JEvil \u202etitle here"


def test_a_hostile_title_never_reaches_the_window_title(
    qtbot: Any, window: MainWindow, full_comparison: Comparison, tmp_path: Path
) -> None:
    """A title compared today is repaired; one saved before titles were (or a file name)
    is neutralised wherever the window shows it: its title, the panes, the Recent menu."""
    import dataclasses

    from parallax.core.ingest import read_path
    from parallax.core.pipeline import link

    raw = ("\x1b", "\x07", "\u202e", "\u2066")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        HOSTILE_TITLE + "\n\nThe minister said on Monday that the budget would rise.\n",
        encoding="utf-8",
    )
    fresh = link(read_path(hostile), full_comparison.right)
    window.show_comparison(fresh)
    assert window.windowTitle().startswith("Evil title here  ⟷  ")
    assert window.left.title.text() == "Evil title here"

    old = dataclasses.replace(
        full_comparison,
        left=dataclasses.replace(full_comparison.left, title=HOSTILE_TITLE),
        right=dataclasses.replace(
            full_comparison.right, title=None, path=str(tmp_path / "name\u202e\x1b[2J.txt")
        ),
    )
    window.show_comparison(old)
    shown = [window.windowTitle(), window.left.title.text(), window.right.title.text()]
    with open_library(window.db_path) as library:
        library.save(old)
    with qtbot.waitSignal(window.worker.libraryDone, timeout=30_000):
        window.recent_menu.aboutToShow.emit()
    shown += [a.text() for a in window.recent_menu.actions()]
    for text in shown:
        assert not any(c in text for c in raw), repr(text)
    assert "Evil" in window.windowTitle() and "name" in window.windowTitle()


def test_a_library_that_cannot_be_written_is_told_until_dismissed(
    qtbot: Any, settings: Any, tmp_path: Path, sample_paths: tuple[Path, Path]
) -> None:
    """Not a status-bar line that fades: a banner over the panes, which stays until the
    journalist dismisses it, with the comparison on screen under it."""
    not_a_library = tmp_path / "notes.db"
    not_a_library.write_text("my own notes, not SQLite\n", encoding="utf-8")
    win = MainWindow(db_path=not_a_library, settings=settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    assert not win.library_banner.isVisible()
    with qtbot.waitSignal(win.worker.finished, timeout=60_000):
        win.compare(*sample_paths)
    assert win.comparison is not None and win.comparison.links  # still on screen
    banner = win.library_banner
    assert banner.isVisible()
    assert "not saved" in banner.message.text() and "not a Parallax library" in (
        banner.message.text()
    )
    assert banner.geometry().bottom() <= win.splitter.geometry().top()  # above the panes
    qtbot.wait(11_000)  # longer than the status bar kept its line
    assert banner.isVisible() and win.left.view.isVisible()
    qtbot.mouseClick(banner.dismiss, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert win.comparison is not None
    assert not_a_library.read_text(encoding="utf-8") == "my own notes, not SQLite\n"
