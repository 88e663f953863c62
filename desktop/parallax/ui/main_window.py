"""The reader window: two synced article panes, the link gutter, the sidebar, the menus.

The window owns the reader's state — the comparison shown, the selected link, the sentence
last clicked on each side — and nothing else: comparing runs in :class:`CompareWorker`,
colours come from :mod:`parallax.ui.theme`, navigation facts from :class:`Reading`, and
every library read and write is a task of the worker (the "library" section below), so the
library has one writer and the window never waits on the disk. Beside it: its commands as a
table (:mod:`~parallax.ui.actions`), the find bar, the status line, two menus and what it
remembers (:mod:`~.window_settings`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import SIDES, Comparison, Side, is_side
from parallax.report import one_line

if TYPE_CHECKING:
    pass
from parallax.ui import dialogs
from parallax.ui import window_settings as remembered
from parallax.ui.actions import (
    WindowActions,
    build_actions,
    build_menus,
    build_scheme_menu,
    build_toolbar,
)
from parallax.ui.banner import Banner
from parallax.ui.corrections import FAILED, Corrections
from parallax.ui.export import ReportExport
from parallax.ui.find_bar import FindBar
from parallax.ui.gutter import LinkGutter
from parallax.ui.pane import ArticlePane
from parallax.ui.reading import Reading, other
from parallax.ui.recent_menu import RecentMenu
from parallax.ui.sentence_menu import SentenceMenu
from parallax.ui.sidebar import Sidebar
from parallax.ui.status_bar import StatusLine
from parallax.ui.story.story_reader import StoryReader
from parallax.ui.sync import ScrollSync
from parallax.ui.theme import Scheme, Theme, apply_scheme, theme_for
from parallax.ui.window_settings import Key, restore_settings, save_settings
from parallax.ui.worker import CompareRequest, CompareWorker, Source


class MainWindow(QMainWindow, WindowActions, Corrections, StoryReader, ReportExport):
    """The Parallax reader."""

    #: A comparison is on screen (after a load, a compare, or a correction).
    comparisonShown = Signal(object)
    #: The selected link changed (its index, or -1 for none).
    linkSelected = Signal(int)

    def __init__(
        self,
        *,
        db_path: Path | None,
        settings: QSettings | None = None,
        worker: CompareWorker | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Parallax")
        self.setObjectName("parallaxMainWindow")
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.db_path = db_path
        self.settings = settings or QSettings()
        self.comparison: Comparison | None = None
        self.reading: Reading | None = None
        self.comparison_id: int | None = None
        self.selected_link: int | None = None
        self.current_sentence: dict[Side, int | None] = {"left": None, "right": None}
        self.focus_side: Side = "left"
        self.show_original = False
        self._actors_pending = False
        self._keep_view = False  # the running comparison re-does the one on screen
        self._job = "compare"  # what the worker's current job is: compare, load (quietly)
        self.scheme: Scheme = "system"  # the colour scheme chosen
        self.theme: Theme = theme_for(self.palette())

        self.left = ArticlePane("left", self)
        self.right = ArticlePane("right", self)
        self.panes: dict[Side, ArticlePane] = {"left": self.left, "right": self.right}
        self.gutter = LinkGutter(self.left.view, self.right.view, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.gutter)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 1)
        self.find_bar = FindBar(
            {"left": self.left.view, "right": self.right.view}, self.theme, self
        )
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.library_banner = Banner(central)
        column.addWidget(self.library_banner)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.find_bar)
        # The reader, and beside it a story's coverage once one is shown (ui.story): the tab
        # bar only shows when there is a second tab.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("readerTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)
        self.tabs.addTab(central, "Reader")
        self.tabs.setTabToolTip(0, "The two articles side by side")
        self.setCentralWidget(self.tabs)

        self.sync = ScrollSync(self.left.view, self.right.view, self)
        self.sidebar = Sidebar(self)
        self.worker = worker or CompareWorker(self)

        self.status_line = StatusLine(self)
        self.setStatusBar(self.status_line)
        self.summary = self.status_line.summary
        self._build_actions()
        self._connect()
        self._init_story()
        restore_settings(self)
        self.sidebar.tidy_tabs()
        self._show(None)

    # -- construction --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        """The actions, menus and toolbar from the tables of :mod:`parallax.ui.actions`,
        plus the menu entries that change while the window runs."""
        actions = build_actions(self)
        self.act_cancel.setEnabled(False)
        self.act_sync.setChecked(True)
        menus = build_menus(self, actions)
        self.recent_menu = RecentMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.recent_menu.comparisonChosen.connect(self.open_stored)
        menus["file"].insertMenu(self.act_sample, self.recent_menu)
        view_menu = menus["view"]
        view_menu.addSeparator()
        self.scheme_group, self.scheme_actions = build_scheme_menu(self, view_menu, self.set_scheme)
        view_menu.addSeparator()
        for dock in self.sidebar.docks():
            view_menu.addAction(dock.toggleViewAction())
        self.addToolBar(build_toolbar(self, actions))

    def _connect(self) -> None:
        for side, pane in self.panes.items():
            pane.view.sentenceClicked.connect(lambda i, s=side: self.on_sentence_clicked(s, i))
            pane.fileDropped.connect(self.replace_side)
            pane.detailsRequested.connect(self.edit_details)
            pane.view.sentenceMenuRequested.connect(
                lambda i, at, s=side: self.sentence_menu(s, i, at)
            )
        self.gutter.linkClicked.connect(self.on_gutter_clicked)
        self.find_bar.closed.connect(lambda: self.panes[self.focus_side].view.setFocus())
        self.find_bar.matchSelected.connect(self.on_find_match)
        self.status_line.cancel_button.clicked.connect(self.worker.cancel)
        self.worker.progress.connect(self.status_line.show_progress)
        self.worker.linked.connect(self.on_linked)
        self.worker.finished.connect(self.on_finished)
        self.worker.failed.connect(self.on_failed)
        self.worker.cancelled.connect(self.on_cancelled)
        self.worker.busyChanged.connect(self.on_busy)
        self.worker.storeFailed.connect(self.on_store_failed)
        self.worker.libraryDone.connect(self.on_library_done)
        self.worker.libraryFailed.connect(self.on_library_failed)
        self.sidebar.actorActivated.connect(self.show_actor)
        self.sidebar.reactionActivated.connect(self.go_sentence)
        self.sidebar.sentenceActivated.connect(self.go_sentence)
        self.sidebar.repairActivated.connect(self.go_repair)
        self.sidebar.showOriginalChanged.connect(self.act_original.setChecked)
        self.sidebar.renameRequested.connect(self.rename_actor)
        self.sidebar.mergeRequested.connect(self.merge_actors)
        self.sidebar.deleteRequested.connect(self.delete_actor)
        self.sidebar.restoreRequested.connect(self.restore_decision)
        self.sidebar.editNoteRequested.connect(self.edit_note)
        self.sidebar.deleteNoteRequested.connect(self.delete_note)
        self.sidebar.noteActorRequested.connect(self.note_actor)
        hints = QApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _s: self._follow_system_scheme())

    # -- settings ------------------------------------------------------------------------------

    def save_settings(self) -> None:
        save_settings(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.worker.cancel()
        self.worker.wait(3000)
        super().closeEvent(event)

    # -- showing a comparison ------------------------------------------------------------------

    def show_comparison(
        self, comparison: Comparison | None, comparison_id: int | None = None
    ) -> None:
        """Put a comparison on screen (a fresh one: selection and scroll start over)."""
        self.comparison_id = comparison_id
        self.selected_link = None
        self.current_sentence = {"left": None, "right": None}
        self._show(comparison)
        self._clear_annotations()
        for pane in self.panes.values():
            pane.view.set_scroll_y(0)

    def _show(self, comparison: Comparison | None, *, keep_view: bool = False) -> None:
        scroll = {side: pane.view.scroll_y() for side, pane in self.panes.items()}
        self.comparison = comparison
        self.reading = Reading(comparison) if comparison is not None else None
        if self.selected_link is not None and (
            comparison is None or self.selected_link >= len(comparison.links)
        ):
            self.selected_link = None
        self._render()
        self.sidebar.set_comparison(comparison, busy=self._actors_pending)
        if keep_view:
            self.sync.move("left", scroll["left"])
            self.sync.move("right", scroll["right"])
        if self.selected_link is not None:
            self._emphasise(self.selected_link)
        self._update_title()
        self._update_actions()
        self.find_bar.refresh()
        self.comparisonShown.emit(comparison)

    def _render(self) -> None:
        for pane in self.panes.values():
            pane.set_content(self.reading, self.theme, show_original=self.show_original)
        self.gutter.set_content(self.reading, self.theme)
        self.sync.set_reading(self.reading)
        self.sidebar.set_theme(self.theme)
        self.find_bar.set_theme(self.theme)
        self.summary.setText(self.reading.summary if self.reading else "No articles open")

    def _update_title(self) -> None:
        self.setWindowTitle(self.reading.title if self.reading is not None else "Parallax")

    def _update_actions(self) -> None:
        has = self.reading is not None and bool(self.comparison and self.comparison.links)
        for act in (self.act_next_link, self.act_prev_link):
            act.setEnabled(has)
        self.act_next_discrepancy.setEnabled(bool(self.reading and self.reading.discrepant))
        self.act_prev_discrepancy.setEnabled(bool(self.reading and self.reading.discrepant))
        unique = bool(
            self.reading and (self.reading.unique["left"] or self.reading.unique["right"])
        )
        self.act_next_unique.setEnabled(unique)
        self.act_prev_unique.setEnabled(unique)
        self.act_reject.setEnabled(self.selected_link is not None)
        both = all(v is not None for v in self.current_sentence.values())
        self.act_pin.setEnabled(self.comparison is not None and both)
        self.act_reject_pair.setEnabled(self.comparison is not None and both)
        self.act_forget.setEnabled(self.comparison is not None)
        clicked = any(v is not None for v in self.current_sentence.values())
        self.act_note.setEnabled(self.comparison is not None and clicked)
        self.act_note_comparison.setEnabled(self.comparison is not None)
        self.act_note_link.setEnabled(self.selected_link is not None)
        self.act_export.setEnabled(self.comparison is not None)

    # -- selection -----------------------------------------------------------------------------

    def select_link(
        self, index: int | None, *, clicked: Side | None = None, scroll: bool = True
    ) -> None:
        """Select a link (None clears): emphasise both sides, show its word differences,
        and bring it into view.

        ``clicked`` is the side where the reader clicked: that pane stays still and the
        other one brings the counterpart level with the clicked sentence. Otherwise (keyboard
        navigation) the link is placed at the reading line of the focused side.
        """
        reading = self.reading
        if reading is None or index is None or not 0 <= index < len(reading.comparison.links):
            self.selected_link = None
            for pane in self.panes.values():
                pane.view.show_link([], None)
                pane.view.show_words([])
            self.gutter.set_selected(None)
            self.summary.setText(reading.summary if reading else "No articles open")
            self._update_actions()
            self.linkSelected.emit(-1)
            return
        self.selected_link = index
        self._emphasise(index)
        if scroll:
            self._scroll_to_link(index, clicked)
        self.summary.setText(reading.describe(index))
        self._update_actions()
        self.linkSelected.emit(index)

    def _emphasise(self, index: int) -> None:
        reading = self.reading
        assert reading is not None
        color = self.theme.link_color(reading.slot[index], strong=True)
        outline = self.theme.link_outline(reading.slot[index])
        marks = reading.word_marks(index)
        for side, pane in self.panes.items():
            pane.view.show_link(reading.sentences(index, side), color, outline)
            pane.view.show_words(marks[side])
        self.gutter.set_selected(index)

    def _scroll_to_link(self, index: int, clicked: Side | None) -> None:
        """Bring a link into view: every sentence of it on both sides, when they fit."""
        reading = self.reading
        assert reading is not None
        if clicked is not None:
            there = other(clicked)
            here_view = self.panes[clicked].view
            mine = reading.sentences(index, clicked)
            theirs = reading.sentences(index, there)
            if not mine or not theirs:
                return
            clicked_sentence = self.current_sentence[clicked]
            anchor = clicked_sentence if clicked_sentence in mine else min(mine)
            self.sync.reveal(clicked, mine, anchor)
            top = here_view.sentence_extent(anchor)[0] - here_view.scroll_y()
            top = min(max(top, 0.0), here_view.viewport_height() * 0.8)
            self.sync.move(there, self.panes[there].view.sentence_extent(min(theirs))[0] - top)
            self.sync.reveal(there, theirs)
            return
        side = self.focus_side
        sentences = reading.sentences(index, side)
        if not sentences:
            side = other(side)
            sentences = reading.sentences(index, side)
        view = self.panes[side].view
        line = self.sync.reading_line(side)
        self.sync.move(side, view.sentence_extent(min(sentences))[0] - line)
        there = other(side)
        theirs = reading.sentences(index, there)
        if self.sync.enabled:
            self.sync.sync_from(side)
        elif theirs:
            self.sync.move(there, self.panes[there].view.sentence_extent(min(theirs))[0] - line)
        self.sync.reveal(side, sentences)
        self.sync.reveal(there, theirs)

    def on_sentence_clicked(self, side: Side, sentence: int) -> None:
        self.focus_side = side
        if sentence < 0 or self.reading is None:
            return
        self.current_sentence[side] = sentence
        links = self.reading.links_of(side, sentence)
        if not links:
            self.select_link(None)
            doc = self.reading.document(side)
            outlet = one_line(doc.source or doc.title) or side
            self.summary.setText(
                f"Only in {outlet}: no sentence of the other article reports this."
            )
            self._update_actions()
            return
        if self.selected_link in links and len(links) > 1:
            choice = links[(links.index(self.selected_link) + 1) % len(links)]
        else:
            choice = links[0]
        self.select_link(choice, clicked=side)

    def sentence_menu(self, side: Side, sentence: int, at: QPoint) -> None:
        """Right-click on a sentence: select its link, pin it to the other side's current
        sentence, reject its link, write a note on it, copy it."""
        reading = self.reading
        if reading is None:
            return
        menu = SentenceMenu(self.panes[side].view, self)
        if sentence >= 0:
            self.on_sentence_clicked(side, sentence)
            there = other(side)
            text = reading.document(side).sentences[sentence].text
            linked = self.selected_link is not None
            menu.add_sentence(text, there, self.current_sentence[there], linked=linked)
            menu.pinRequested.connect(self.pin_current)
            menu.rejectRequested.connect(self.reject_selected)
            menu.noteRequested.connect(lambda: self.write_note(side, sentence))
            menu.linkNoteRequested.connect(self.note_selected_link)
        menu.add_selection()
        self._menu = menu  # kept for tests and while it is open
        menu.popup(at)

    def on_gutter_clicked(self, index: int) -> None:
        self.select_link(index if index >= 0 else None, scroll=False)

    # -- navigation ----------------------------------------------------------------------------

    def go_link(self, step: int) -> None:
        if self.reading is not None:
            self.select_link(self.reading.next_link(self.selected_link, step))

    def go_discrepancy(self, step: int) -> None:
        if self.reading is not None:
            found = self.reading.next_discrepancy(self.selected_link, step)
            if found is not None:
                self.select_link(found)

    def go_unique(self, step: int) -> None:
        """Go to the next sentence only one outlet carries, in the focused pane first."""
        reading = self.reading
        if reading is None:
            return
        side = self.focus_side
        for candidate in (side, other(side)):
            if not reading.unique[candidate]:
                continue
            view = self.panes[candidate].view
            here = self.current_sentence[candidate]
            if here is None or candidate != side:
                at = view.sentence_at(view.scroll_y() + self.sync.reading_line(candidate))
                here = (at if at is not None else 0) - (1 if step > 0 else -1)
            found = reading.next_unique(candidate, here, step)
            if found is None:
                continue
            self.focus_side = candidate
            self.go_sentence(candidate, found)
            outlet = reading.document(candidate).source or candidate
            self.summary.setText(f"Only in {outlet}: sentence {found + 1}")
            return

    def go_sentence(self, side: str, sentence: int) -> None:
        """Bring a sentence to the reading line (its link selected, if it has one)."""
        reading = self.reading
        if reading is None or not is_side(side):
            return
        s = side
        if not 0 <= sentence < len(reading.document(s).sentences):
            return
        self.current_sentence[s] = sentence
        self.focus_side = s
        view = self.panes[s].view
        view.scroll_sentence_to(sentence, self.sync.reading_line(s))
        if self.sync.enabled:
            self.sync.sync_from(s)
        link = reading.primary_link(s, sentence)
        mine = [sentence, *(reading.sentences(link, s) if link is not None else ())]
        self.sync.reveal(s, mine, sentence)
        if link is not None:
            self.sync.reveal(other(s), reading.sentences(link, other(s)))
            self.selected_link = link
            self._emphasise(link)
            self.summary.setText(reading.describe(link))
            self.linkSelected.emit(link)
        else:
            self.select_link(None, scroll=False)
            view.highlight_sentence(sentence, self.theme.unique_background, self.theme.unique)
        self._update_actions()

    def go_repair(self, side: str, index: int) -> None:
        """Scroll to where a repair was made and mark it."""
        reading = self.reading
        if reading is None or not is_side(side):
            return
        s = side
        doc = reading.document(s)
        if not 0 <= index < len(doc.repairs):
            return
        view = self.panes[s].view
        from parallax.core.offsets import OffsetMap

        offsets = OffsetMap.from_repairs(doc.repairs)
        repaired = offsets.to_repaired(doc.repairs[index].start)
        for sentence in doc.sentences:
            if sentence.start <= repaired <= sentence.end:
                self.go_sentence(s, sentence.index)
                break
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(self.theme.changed_words))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(self.theme.repair)
        start = max(repaired - 1, 0)
        view.set_overlay(
            "words", [view.span_selection(start, min(repaired + 1, len(doc.text)), fmt)]
        )

    def switch_side(self) -> None:
        self.focus_side = other(self.focus_side)
        self.panes[self.focus_side].view.setFocus()

    # -- actors --------------------------------------------------------------------------------

    def show_actor(self, actor_id: str) -> None:
        """Highlight every mention of an actor in both panes and bring the first into view."""
        comparison = self.comparison
        for pane in self.panes.values():
            pane.view.set_overlay("mentions", [])
        if comparison is None or not actor_id:
            return
        actor = next((a for a in comparison.actors if a.id == actor_id), None)
        if actor is None:
            return
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(self.theme.mention))
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(self.theme.text)
        per_side: dict[Side, list[QTextEdit.ExtraSelection]] = {"left": [], "right": []}
        for m in actor.mentions:
            per_side[m.side].append(self.panes[m.side].view.span_selection(m.start, m.end, fmt))
        for side, selections in per_side.items():
            self.panes[side].view.set_overlay("mentions", selections)
        first = {side: [m for m in actor.mentions if m.side == side] for side in SIDES}
        n_left, n_right = len(first["left"]), len(first["right"])
        self.summary.setText(
            f"{actor.name}: {n_left} mention{'s' * (n_left != 1)} left, "
            f"{n_right} mention{'s' * (n_right != 1)} right"
        )
        lead: Side = (
            self.focus_side if first[self.focus_side] else ("left" if first["left"] else "right")
        )
        if first[lead]:
            mention = min(first[lead], key=lambda m: m.start)
            view = self.panes[lead].view
            view.ensure_sentence_visible(mention.sentence, self.sync.reading_line(lead))
            if self.sync.enabled:
                self.sync.sync_from(lead)

    # -- comparing -----------------------------------------------------------------------------

    def compare(
        self,
        left: Source,
        right: Source,
        *,
        keep_view: bool = False,
        actors_from: Comparison | None = None,
        details: Mapping[str, Mapping[str, str | None]] | None = None,
    ) -> None:
        """Compare two articles in the background; the window stays responsive.

        ``actors_from``: a comparison of the same articles whose actors can be kept (after
        a link correction only the links change). ``details``: the outlet, author and date
        the journalist gave per side.
        """
        self._keep_view = keep_view
        self._job = "compare"
        self.worker.start(
            CompareRequest(
                left=left,
                right=right,
                db_path=self.db_path,
                actors_from=actors_from,
                details=details,
            )
        )

    def on_busy(self, busy: bool) -> None:
        self.status_line.set_busy(busy)
        self.act_cancel.setEnabled(busy)

    def on_linked(self, comparison: Comparison) -> None:
        # Links come twice per job: quick ones, then the refined facts for the same texts,
        # which must not move the view the journalist is reading.
        refining = self._actors_pending
        self._actors_pending = True
        keep = (self._keep_view or refining) and self._same_texts(comparison)
        if keep:
            self._show(comparison, keep_view=True)
        else:
            self.show_comparison(comparison)

    def on_finished(self, comparison: Comparison, comparison_id: int | None) -> None:
        self._actors_pending = False
        if self._same_texts(comparison):
            self._show(comparison, keep_view=True)
        else:  # a comparison opened from the library: read it from the top
            self.show_comparison(comparison)
        self.comparison_id = comparison_id
        self._keep_view = False
        self._fetch_annotations()
        if comparison_id is not None:
            self.settings.setValue(Key.LAST_COMPARISON, comparison_id)

    def _same_texts(self, comparison: Comparison) -> bool:
        current = self.comparison
        return (
            current is not None
            and current.left.text == comparison.left.text
            and current.right.text == comparison.right.text
        )

    def on_failed(self, message: str) -> None:
        self._actors_pending = False
        if self.comparison is not None:
            self.sidebar.set_comparison(self.comparison, busy=False)
        if self._job == "load quietly":  # the last comparison is gone: start on the samples
            self.open_sample()
        else:
            dialogs.show_error(self, FAILED[self._job], message)

    def on_store_failed(self, message: str) -> None:
        """The comparison stays on screen; that it was not saved stays said until read."""
        self.library_banner.show_message(f"This comparison was not saved to the library: {message}")

    def on_cancelled(self) -> None:
        self._actors_pending = False
        if self.comparison is not None:
            self.sidebar.set_comparison(self.comparison, busy=False)
        self.statusBar().showMessage("Comparison cancelled", 5000)

    # -- opening -------------------------------------------------------------------------------

    def open_pair_dialog(self) -> None:
        left, right = remembered.last_pair(self.settings)
        dialog = dialogs.OpenPairDialog(self, left=left, right=right)
        if dialog.exec():
            remembered.remember_pair(self.settings, *dialog.paths())
            details: dict[str, Mapping[str, str | None]] = {
                side: dialog.details(side) for side in SIDES
            }
            self.compare(*dialog.paths(), details=details)

    def open_side_dialog(self, side: Side) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            f"Open the {side} article",
            str(self.settings.value(Key.OPEN_DIR, "")),
            dialogs.ARTICLE_FILTER,
        )
        if path:
            self.settings.setValue(Key.OPEN_DIR, str(Path(path).parent))
            self.replace_side(side, Path(path))

    def paste_dialog(self, side: Side) -> None:
        dialog = dialogs.PasteDialog(self, side)
        if dialog.exec():
            document = dialog.document()
            if document is not None:
                self.replace_side(side, document)

    def replace_side(self, side: str, source: Source) -> None:
        """Replace one article (a dropped or opened file, or pasted text) and compare again."""
        current = self.comparison
        if current is None:
            from parallax.paths import sample_pair

            left_path, right_path = sample_pair()
            pair: dict[str, Source] = {"left": left_path, "right": right_path}
        else:
            pair = {"left": current.left, "right": current.right}
        pair[side] = source
        self.compare(pair["left"], pair["right"])

    def open_sample(self) -> None:
        from parallax.paths import sample_pair

        left, right = sample_pair()
        self.compare(left, right)

    # -- find ----------------------------------------------------------------------------------

    def on_find_match(self, side: Side) -> None:
        """The find bar selected a match: read on in that article."""
        self.focus_side = side
        if self.sync.enabled:
            self.sync.sync_from(side)

    # -- view options --------------------------------------------------------------------------

    def set_sync(self, enabled: bool) -> None:
        self.sync.set_enabled(enabled)
        if not self.isVisible():
            return
        self.statusBar().showMessage(
            "Scrolling synchronised" if enabled else "Scrolling unlocked: each pane scrolls alone",
            3000,
        )

    def set_show_original(self, on: bool) -> None:
        if on == self.show_original:
            return
        self.show_original = on
        self.sidebar.set_show_original(on)
        scroll = {side: pane.view.scroll_y() for side, pane in self.panes.items()}
        self._render()
        if self.selected_link is not None:
            self._emphasise(self.selected_link)
        for side, y in scroll.items():
            self.sync.move(side, y)

    def set_zoom(self, factor: float) -> None:
        for pane in self.panes.values():
            pane.view.set_zoom(factor)

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.left.view.zoom() * step)

    def _follow_system_scheme(self) -> None:
        if self.scheme == "system":
            self.set_scheme("system")

    def set_scheme(self, scheme: Scheme) -> None:
        self.scheme = scheme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_scheme(app, scheme)
        self.scheme_actions[scheme].setChecked(True)
        self.theme = theme_for(
            self.palette() if not isinstance(app, QApplication) else app.palette()
        )
        self._render()
        if self.selected_link is not None:
            self._emphasise(self.selected_link)

    # -- dialogs -------------------------------------------------------------------------------

    def show_colours_help(self) -> None:
        dialogs.ColoursHelpDialog(self, self.theme).exec()

    def show_about(self) -> None:
        dialogs.AboutDialog(self).exec()
