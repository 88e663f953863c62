"""The reader window: two synced article panes, the link gutter, the sidebar, the menus.

The window owns the reader's state — the comparison shown, the selected link, the sentence
last clicked on each side — and nothing else: comparing runs in :class:`CompareWorker`,
colours come from :mod:`parallax.ui.theme`, navigation facts from :class:`Reading`, and
corrections go to the library through the worker module's functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QCloseEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QStatusBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parallax.core.model import Comparison, Document, Side

if TYPE_CHECKING:
    from parallax.store import ComparisonSummary
    from parallax.store.corrections import ActorCorrection
from parallax.ui import dialogs
from parallax.ui.gutter import LinkGutter
from parallax.ui.pane import ArticlePane
from parallax.ui.reading import Reading, other
from parallax.ui.sidebar import Sidebar
from parallax.ui.sync import ScrollSync
from parallax.ui.theme import Scheme, Theme, apply_scheme, theme_for
from parallax.ui.worker import (
    STAGE_LABELS,
    CompareRequest,
    CompareWorker,
    Source,
    correct_actor,
    correct_link,
    load_stored,
    recent,
)

FILE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.mhtml *.mht);;All files (*)"


class FindBar(QWidget):
    """Find in both panes: a field, previous/next, the match count, close."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in both articles")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setMinimumWidth(160)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("▲")
        self.prev_button.setToolTip("Previous match (Shift+F3)")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip("Next match (F3)")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.closed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(close)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
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
        self._find_matches: list[tuple[Side, int, int]] = []
        self._find_index = -1
        self._scheme: Scheme = "system"
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
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.sync = ScrollSync(self.left.view, self.right.view, self)
        self.sidebar = Sidebar(self)
        self.worker = worker or CompareWorker(self)

        self._build_status_bar()
        self._build_actions()
        self._connect()
        self._restore_settings()
        self._show(None)

    # -- construction --------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = QStatusBar(self)
        self.summary = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.stage = QLabel(self)
        self.stage.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop comparing (Esc)")
        self.cancel_button.hide()
        bar.addWidget(self.summary, 1)
        bar.addPermanentWidget(self.stage)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.setStatusBar(bar)

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(
                f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                if shortcut
                else tip
            )
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_open = a(
            "&Open Two Articles…",
            self.open_pair_dialog,
            QKeySequence.StandardKey.Open,
            tip="Choose the left and the right article",
        )
        self.act_open_left = a(
            "Open &Left Article…",
            lambda: self.open_side_dialog("left"),
            "Ctrl+Shift+1",
            tip="Replace the left article",
        )
        self.act_open_right = a(
            "Open &Right Article…",
            lambda: self.open_side_dialog("right"),
            "Ctrl+Shift+2",
            tip="Replace the right article",
        )
        self.act_paste_left = a(
            "Paste Text as Left…",
            lambda: self.paste_dialog("left"),
            tip="Paste an article's text into the left pane",
        )
        self.act_paste_right = a(
            "Paste Text as Right…",
            lambda: self.paste_dialog("right"),
            tip="Paste an article's text into the right pane",
        )
        self.act_sample = a(
            "Open the &Sample Pair", self.open_sample, tip="The two sample articles"
        )
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_find = a(
            "&Find…", self.start_find, QKeySequence.StandardKey.Find, tip="Find in both articles"
        )
        self.act_find_next = a(
            "Find &Next", lambda: self.find_step(1), QKeySequence.StandardKey.FindNext
        )
        self.act_find_prev = a(
            "Find Pre&vious", lambda: self.find_step(-1), QKeySequence.StandardKey.FindPrevious
        )
        self.act_next_link = a(
            "&Next Linked Fact",
            lambda: self.go_link(1),
            "Alt+Down",
            tip="Select the next linked fact",
        )
        self.act_prev_link = a(
            "&Previous Linked Fact",
            lambda: self.go_link(-1),
            "Alt+Up",
            tip="Select the previous linked fact",
        )
        self.act_next_unique = a(
            "Next Sentence &Only in One Article",
            lambda: self.go_unique(1),
            "F7",
            tip="Next sentence only one outlet carries",
        )
        self.act_prev_unique = a(
            "Previous Sentence Only in One Article", lambda: self.go_unique(-1), "Shift+F7"
        )
        self.act_next_discrepancy = a(
            "Next &Discrepancy",
            lambda: self.go_discrepancy(1),
            "F8",
            tip="Next linked fact whose numbers, dates, names, quotes or claims disagree",
        )
        self.act_prev_discrepancy = a(
            "Previous Discrepancy", lambda: self.go_discrepancy(-1), "Shift+F8"
        )
        self.act_switch_side = a(
            "Switch Reading Side",
            self.switch_side,
            "Ctrl+Tab",
            tip="Move the keyboard focus to the other article",
        )
        self.act_sync = a(
            "&Synchronise Scrolling",
            self.set_sync,
            "Ctrl+Shift+L",
            tip="Keep the counterpart of what you read level in the other pane",
            checkable=True,
        )
        self.act_zoom_in = a("Zoom &In", lambda: self.zoom_by(1.1), QKeySequence.StandardKey.ZoomIn)
        self.act_zoom_out = a(
            "Zoom &Out", lambda: self.zoom_by(1 / 1.1), QKeySequence.StandardKey.ZoomOut
        )
        self.act_zoom_reset = a("&Actual Size", lambda: self.set_zoom(1.0), "Ctrl+0")
        self.act_original = a(
            "Show &Original Text",
            self.set_show_original,
            "Ctrl+Shift+O",
            tip="Show the text as it arrived, with removed characters struck out",
            checkable=True,
        )
        self.act_pin = a(
            "&Pin Link Between Current Sentences",
            self.pin_current,
            "Ctrl+Shift+P",
            tip="Link the sentences last clicked on each side, and keep that link",
        )
        self.act_reject = a(
            "&Reject Selected Link",
            self.reject_selected,
            "Ctrl+Shift+R",
            tip="This link is wrong: remove it and never propose it again",
        )
        self.act_forget = a(
            "&Forget My Link Corrections",
            self.forget_corrections,
            tip="Undo every pin and rejection made for this pair",
        )
        self.act_cancel = a("Cancel Comparing", self.worker.cancel, "Esc")
        self.act_cancel.setEnabled(False)
        self.act_colours = a(
            "What the &Colours Mean", self.show_colours_help, QKeySequence.StandardKey.HelpContents
        )
        self.act_about = a("&About Parallax", self.show_about)
        self.act_sync.setChecked(True)

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.act_open)
        file_menu.addAction(self.act_open_left)
        file_menu.addAction(self.act_open_right)
        file_menu.addSeparator()
        file_menu.addAction(self.act_paste_left)
        file_menu.addAction(self.act_paste_right)
        file_menu.addSeparator()
        self.recent_menu = QMenu("&Recent Comparisons", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.act_sample)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.act_find)
        edit_menu.addAction(self.act_find_next)
        edit_menu.addAction(self.act_find_prev)
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.act_sync)
        view_menu.addAction(self.act_original)
        view_menu.addSeparator()
        view_menu.addAction(self.act_zoom_in)
        view_menu.addAction(self.act_zoom_out)
        view_menu.addAction(self.act_zoom_reset)
        view_menu.addSeparator()
        appearance = view_menu.addMenu("A&ppearance")
        self.scheme_group = QActionGroup(self)
        self.scheme_actions: dict[str, QAction] = {}
        for scheme, label in (
            ("system", "Follow the &System"),
            ("light", "&Light"),
            ("dark", "&Dark"),
        ):
            act = QAction(label, self, checkable=True)
            act.triggered.connect(lambda _c=False, s=scheme: self.set_scheme(s))
            self.scheme_group.addAction(act)
            appearance.addAction(act)
            self.scheme_actions[scheme] = act
        view_menu.addSeparator()
        for dock in self.sidebar.docks():
            view_menu.addAction(dock.toggleViewAction())
        go_menu = bar.addMenu("&Go")
        go_actions: tuple[QAction | None, ...] = (
            self.act_next_link,
            self.act_prev_link,
            None,
            self.act_next_unique,
            self.act_prev_unique,
            None,
            self.act_next_discrepancy,
            self.act_prev_discrepancy,
            None,
            self.act_switch_side,
        )
        for go in go_actions:
            if go is None:
                go_menu.addSeparator()
            else:
                go_menu.addAction(go)
        link_menu = bar.addMenu("&Link")
        link_menu.addAction(self.act_pin)
        link_menu.addAction(self.act_reject)
        link_menu.addSeparator()
        link_menu.addAction(self.act_forget)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_colours)
        help_menu.addAction(self.act_about)

        tools = QToolBar("Toolbar", self)
        tools.setObjectName("mainToolBar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.setIconSize(QSize(16, 16))
        toolbar: tuple[tuple[QAction | None, str], ...] = (
            (self.act_open, "Open…"),
            (None, ""),
            (self.act_prev_link, "◀ Link"),
            (self.act_next_link, "Link ▶"),
            (self.act_next_unique, "Only in one ▶"),
            (self.act_next_discrepancy, "Discrepancy ▶"),
            (None, ""),
            (self.act_sync, "Sync scrolling"),
            (self.act_original, "Original text"),
            (self.act_find, "Find"),
        )
        for act_or_none, label in toolbar:
            if act_or_none is None:
                tools.addSeparator()
                continue
            act_or_none.setIconText(label)
            tools.addAction(act_or_none)
        self.addToolBar(tools)

    def _connect(self) -> None:
        for side, pane in self.panes.items():
            pane.view.sentenceClicked.connect(lambda i, s=side: self.on_sentence_clicked(s, i))
            pane.fileDropped.connect(self.replace_side)
            pane.view.sentenceMenuRequested.connect(
                lambda i, at, s=side: self.sentence_menu(s, i, at)
            )
        self.gutter.linkClicked.connect(self.on_gutter_clicked)
        self.find_bar.field.textChanged.connect(self.find_text)
        self.find_bar.field.returnPressed.connect(lambda: self.find_step(1))
        self.find_bar.next_button.clicked.connect(lambda: self.find_step(1))
        self.find_bar.prev_button.clicked.connect(lambda: self.find_step(-1))
        self.find_bar.closed.connect(self.close_find)
        self.cancel_button.clicked.connect(self.worker.cancel)
        self.worker.progress.connect(self.on_progress)
        self.worker.linked.connect(self.on_linked)
        self.worker.finished.connect(self.on_finished)
        self.worker.failed.connect(self.on_failed)
        self.worker.cancelled.connect(self.on_cancelled)
        self.worker.busyChanged.connect(self.on_busy)
        self.worker.storeFailed.connect(self.on_store_failed)
        self.sidebar.actorActivated.connect(self.show_actor)
        self.sidebar.reactionActivated.connect(self.go_sentence)
        self.sidebar.repairActivated.connect(self.go_repair)
        self.sidebar.showOriginalChanged.connect(self.act_original.setChecked)
        self.sidebar.renameRequested.connect(self.rename_actor)
        self.sidebar.mergeRequested.connect(self.merge_actors)
        self.sidebar.deleteRequested.connect(self.delete_actor)
        hints = QApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _s: self._follow_system_scheme())

    # -- settings ------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        else:  # first run: a sidebar wide enough for names, the rest for the articles
            self.resizeDocks(self.sidebar.docks()[:1], [430], Qt.Orientation.Horizontal)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self.act_sync.setChecked(_bool(s.value("reader/sync", True)))
        self.set_zoom(_float(s.value("reader/zoom", 1.0), 1.0))
        scheme = str(s.value("reader/scheme", "system"))
        self.set_scheme(scheme if scheme in ("system", "light", "dark") else "system")  # type: ignore[arg-type]

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("reader/sync", self.act_sync.isChecked())
        s.setValue("reader/zoom", self.left.view.zoom())
        s.setValue("reader/scheme", self._scheme)
        if self.comparison_id is not None:
            s.setValue("library/last", self.comparison_id)
        s.sync()

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
        if self.find_bar.isVisible() and self.find_bar.field.text():
            self.find_text(self.find_bar.field.text())
        self.comparisonShown.emit(comparison)

    def _render(self) -> None:
        for pane in self.panes.values():
            pane.set_content(self.reading, self.theme, show_original=self.show_original)
        self.gutter.set_content(self.reading, self.theme)
        self.sync.set_reading(self.reading)
        self.sidebar.set_theme(self.theme)
        self.summary.setText(self.reading.summary if self.reading else "No articles open")

    def _update_title(self) -> None:
        if self.comparison is None:
            self.setWindowTitle("Parallax")
            return
        names = [
            _label(self.comparison.left, "Left"),
            _label(self.comparison.right, "Right"),
        ]
        self.setWindowTitle(f"{names[0]}  ⟷  {names[1]} — Parallax")

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
        self.act_forget.setEnabled(self.comparison is not None)

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
        self.summary.setText(self._describe(index))
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
        reading = self.reading
        assert reading is not None
        if clicked is not None:
            there = other(clicked)
            here_view = self.panes[clicked].view
            mine = [s for s in reading.sentences(index, clicked)]
            theirs = [s for s in reading.sentences(index, there)]
            if not mine or not theirs:
                return
            clicked_sentence = self.current_sentence[clicked]
            anchor = clicked_sentence if clicked_sentence in mine else min(mine)
            top = here_view.sentence_extent(anchor)[0] - here_view.scroll_y()
            top = min(max(top, 0.0), here_view.viewport_height() * 0.8)
            self.sync.move(there, self.panes[there].view.sentence_extent(min(theirs))[0] - top)
            return
        side = self.focus_side
        sentences = reading.sentences(index, side)
        if not sentences:
            return
        view = self.panes[side].view
        line = self.sync.reading_line(side)
        if self.sync.enabled:
            view.scroll_sentence_to(min(sentences), line)
            self.sync.sync_from(side)
        else:
            view.scroll_sentence_to(min(sentences), line)
            there = other(side)
            theirs = list(reading.sentences(index, there))
            if theirs:
                self.sync.move(there, self.panes[there].view.sentence_extent(min(theirs))[0] - line)

    def _describe(self, index: int) -> str:
        reading = self.reading
        assert reading is not None
        link = reading.link(index)
        text = (
            f"Linked fact {reading.rank(index) + 1} of {len(reading.comparison.links)} · "
            f"{link.kind} · score {link.score:.2f}"
        )
        found = reading.discrepancies(index)
        if found:
            text += " · " + "; ".join(f"{kind}: {a or '—'} ≠ {b or '—'}" for kind, a, b in found)
        return text

    def on_sentence_clicked(self, side: Side, sentence: int) -> None:
        self.focus_side = side
        if sentence < 0 or self.reading is None:
            return
        self.current_sentence[side] = sentence
        links = self.reading.links_of(side, sentence)
        if not links:
            self.select_link(None)
            doc = self.reading.document(side)
            outlet = doc.source or doc.title or side
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
        sentence, reject its link, copy it."""
        reading = self.reading
        if reading is None:
            return
        menu = QMenu(self)
        if sentence >= 0:
            self.on_sentence_clicked(side, sentence)
            there = other(side)
            counterpart = self.current_sentence[there]
            pin = menu.addAction(
                f"Link with {there} sentence {counterpart + 1}"
                if counterpart is not None
                else f"Link with… (click a {there} sentence first)"
            )
            pin.setEnabled(counterpart is not None)
            pin.triggered.connect(self.pin_current)
            reject = menu.addAction("Reject this link")
            reject.setEnabled(self.selected_link is not None)
            reject.triggered.connect(self.reject_selected)
            menu.addSeparator()
            text = reading.document(side).sentences[sentence].text
            copy = menu.addAction("Copy sentence")
            copy.triggered.connect(lambda: QApplication.clipboard().setText(text))
        view = self.panes[side].view
        copy_sel = menu.addAction("Copy selection")
        copy_sel.setEnabled(view.textCursor().hasSelection())
        copy_sel.triggered.connect(view.copy)
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
        if reading is None or side not in ("left", "right"):
            return
        s: Side = side  # type: ignore[assignment]
        if not 0 <= sentence < len(reading.document(s).sentences):
            return
        self.current_sentence[s] = sentence
        self.focus_side = s
        view = self.panes[s].view
        view.scroll_sentence_to(sentence, self.sync.reading_line(s))
        if self.sync.enabled:
            self.sync.sync_from(s)
        link = reading.primary_link(s, sentence)
        if link is not None:
            self.selected_link = link
            self._emphasise(link)
            self.summary.setText(self._describe(link))
            self.linkSelected.emit(link)
        else:
            self.select_link(None, scroll=False)
            view.highlight_sentence(sentence, self.theme.unique_background, self.theme.unique)
        self._update_actions()

    def go_repair(self, side: str, index: int) -> None:
        """Scroll to where a repair was made and mark it."""
        reading = self.reading
        if reading is None or side not in ("left", "right"):
            return
        s: Side = side  # type: ignore[assignment]
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
        first = {side: [m for m in actor.mentions if m.side == side] for side in ("left", "right")}
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

    def _correct_actors(self, corrections: list[ActorCorrection]) -> None:
        """Apply a journalist's actor corrections, save them, and show the result.

        The comparison shown is the one the library will replay on the next comparison of
        this pair; when the library cannot be written nothing changes and a dialog says so.
        """
        comparison = self.comparison
        if comparison is None:
            return
        try:
            for correction in corrections:
                comparison = correct_actor(self.db_path, comparison, correction)
        except Exception as exc:  # a library problem is shown, not raised
            dialogs.show_error(self, "Correction not saved", str(exc))
            return
        self._show(comparison, keep_view=True)

    def rename_actor(self, actor_id: str, name: str) -> None:
        from parallax.store.corrections import ActorCorrection

        if self.comparison is not None and name.strip():
            self._correct_actors([ActorCorrection("rename", actor_id, name.strip())])

    def merge_actors(self, actor_ids: list[str]) -> None:
        from parallax.store.corrections import ActorCorrection

        if self.comparison is not None and len(actor_ids) >= 2:
            keep = actor_ids[0]
            self._correct_actors([ActorCorrection("merge", a, keep) for a in actor_ids[1:]])

    def delete_actor(self, actor_id: str) -> None:
        from parallax.store.corrections import ActorCorrection

        if self.comparison is not None:
            self._correct_actors([ActorCorrection("delete", actor_id)])

    # -- link corrections ----------------------------------------------------------------------

    def pin_current(self) -> None:
        left, right = self.current_sentence["left"], self.current_sentence["right"]
        if self.comparison is None or left is None or right is None:
            return
        self._correct_link(left, right, "pinned")

    def reject_selected(self) -> None:
        if self.comparison is None or self.selected_link is None:
            return
        link = self.comparison.links[self.selected_link]
        for left in link.left:
            for right in link.right:
                if not self._correct_link(left, right, "rejected", rerun=False):
                    return
        self._rerun()

    def forget_corrections(self) -> None:
        if self.comparison is None or self.db_path is None:
            return
        from parallax.ui.worker import forget_corrections

        try:
            forget_corrections(self.db_path, self.comparison)
        except Exception as exc:
            dialogs.show_error(self, "Corrections not cleared", str(exc))
            return
        self._rerun()

    def _correct_link(self, left: int, right: int, verdict: str, *, rerun: bool = True) -> bool:
        if self.comparison is None:
            return False
        if self.db_path is None:
            dialogs.show_error(
                self,
                "Correction not saved",
                "Link corrections need the library, and no library is open.",
            )
            return False
        try:
            correct_link(self.db_path, self.comparison, left, right, verdict)  # type: ignore[arg-type]
        except Exception as exc:
            dialogs.show_error(self, "Correction not saved", str(exc))
            return False
        if rerun:
            self._rerun()
        return True

    def _rerun(self) -> None:
        """Compare the same two articles again, with the stored corrections applied."""
        if self.comparison is None:
            return
        self.compare(
            self.comparison.left,
            self.comparison.right,
            keep_view=True,
            actors_from=self.comparison,
        )

    # -- comparing -----------------------------------------------------------------------------

    def compare(
        self,
        left: Source,
        right: Source,
        *,
        keep_view: bool = False,
        actors_from: Comparison | None = None,
    ) -> None:
        """Compare two articles in the background; the window stays responsive.

        ``actors_from``: a comparison of the same articles whose actors can be kept (after
        a link correction only the links change).
        """
        self._keep_view = keep_view
        self.worker.start(
            CompareRequest(left=left, right=right, db_path=self.db_path, actors_from=actors_from)
        )

    def on_progress(self, stage: str, fraction: float) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.stage.setText(STAGE_LABELS.get(stage, stage))

    def on_busy(self, busy: bool) -> None:
        for widget in (self.progress, self.stage, self.cancel_button):
            widget.setVisible(busy)
        self.act_cancel.setEnabled(busy)
        if busy:
            self.progress.setValue(0)

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
        keep = self._same_texts(comparison)
        self._show(comparison, keep_view=keep)
        self.comparison_id = comparison_id
        self._keep_view = False
        if comparison_id is not None:
            self.settings.setValue("library/last", comparison_id)

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
        dialogs.show_error(self, "Could not compare", message)

    def on_store_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Not saved to the library: {message}", 10000)

    def on_cancelled(self) -> None:
        self._actors_pending = False
        if self.comparison is not None:
            self.sidebar.set_comparison(self.comparison, busy=False)
        self.statusBar().showMessage("Comparison cancelled", 5000)

    # -- opening -------------------------------------------------------------------------------

    def open_pair_dialog(self) -> None:
        dialog = dialogs.OpenPairDialog(self)
        if dialog.exec():
            left, right = dialog.paths()
            self.compare(left, right)

    def open_side_dialog(self, side: Side) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, f"Open the {side} article", str(self.settings.value("open/dir", "")), FILE_FILTER
        )
        if path:
            self.settings.setValue("open/dir", str(Path(path).parent))
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

    def open_stored(self, comparison_id: int, *, quiet: bool = False) -> None:
        """Show a comparison from the library (``quiet``: no dialog if it is gone)."""
        if self.db_path is None:
            return
        try:
            comparison = load_stored(self.db_path, comparison_id)
        except Exception as exc:
            if not quiet:
                dialogs.show_error(self, "Could not open the comparison", str(exc))
            return
        self._actors_pending = False
        self.show_comparison(comparison, comparison_id)
        self.settings.setValue("library/last", comparison_id)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        found = []
        if self.db_path is not None:
            try:
                found = recent(self.db_path, limit=12)
            except Exception as exc:
                self.recent_menu.addAction(f"Library unavailable: {exc}").setEnabled(False)
                return
        if not found:
            self.recent_menu.addAction("No saved comparisons yet").setEnabled(False)
            return
        for summary in found:
            label = _summary_label(summary)
            act = self.recent_menu.addAction(label)
            act.triggered.connect(lambda _c=False, i=summary.id: self.open_stored(i))

    # -- find ----------------------------------------------------------------------------------

    def start_find(self) -> None:
        self.find_bar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()

    def close_find(self) -> None:
        self.find_bar.hide()
        for pane in self.panes.values():
            pane.view.set_overlay("find", [])
        self.panes[self.focus_side].view.setFocus()

    def find_text(self, text: str) -> None:
        """Highlight every match of ``text`` in both panes (case-insensitive)."""
        self._find_matches = []
        self._find_index = -1
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(self.theme.find_match))
        fmt.setForeground(QBrush(self.theme.text if not self.theme.dark else self.theme.base))
        counts = {}
        for side, pane in self.panes.items():
            view = pane.view
            selections = []
            if text:
                doc = view.document()
                cursor = doc.find(text, 0)
                while not cursor.isNull():
                    sel = QTextEdit.ExtraSelection()
                    sel.cursor = cursor
                    sel.format = fmt
                    selections.append(sel)
                    self._find_matches.append(
                        (side, cursor.selectionStart(), cursor.selectionEnd())
                    )
                    cursor = doc.find(text, cursor)
            counts[side] = len(selections)
            view.set_overlay("find", selections)
        total = len(self._find_matches)
        if not text:
            self.find_bar.count.setText("")
        elif total == 0:
            self.find_bar.count.setText("No matches")
        else:
            self.find_bar.count.setText(
                f"{total} matches · left {counts['left']}, right {counts['right']}"
            )

    def find_step(self, step: int) -> None:
        if not self.find_bar.isVisible():
            self.start_find()
            return
        if not self._find_matches:
            return
        self._find_index = (self._find_index + step) % len(self._find_matches)
        side, start, end = self._find_matches[self._find_index]
        view = self.panes[side].view
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        self.focus_side = side
        if self.sync.enabled:
            self.sync.sync_from(side)
        self.find_bar.count.setText(f"{self._find_index + 1} of {len(self._find_matches)} ({side})")

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
        if self._scheme == "system":
            self.set_scheme("system")

    def set_scheme(self, scheme: Scheme) -> None:
        self._scheme = scheme
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


def _label(doc: Document, fallback: str) -> str:
    if doc.title:
        return doc.title if len(doc.title) <= 48 else doc.title[:47] + "…"
    if doc.path:
        return Path(doc.path).name
    return doc.source or fallback


def _summary_label(summary: ComparisonSummary) -> str:
    left = summary.left_title or summary.left_source or "Left"
    right = summary.right_title or summary.right_source or "Right"
    created = summary.created[:16].replace("T", " ")
    text = f"{left}  ⟷  {right}"
    if len(text) > 90:
        text = text[:89] + "…"
    return f"{text}   ({created})" if created else text


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def _float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
