"""The window's part in reading a story: the Story tab and opening a pair of its outlets.

:meth:`StoryReader.show_story` puts a story in a **Story** tab beside the **Reader** tab
(the two panes), in the window's central area, and brings it forward: the matrix needs the
window's width for its outlet columns, and a journalist goes back and forth between the
overview of the story and reading two of its articles, which tabs of one window make one
click (or Ctrl+Shift+S) apart. With no story open the tab bar is hidden and the reader looks as
it always did.

Clicking a cell of the matrix (:attr:`~.story_view.StoryView.openPair`) switches to the
Reader tab and compares the two articles with the window's own compare path (the worker
runs it, the pair is saved to the library like any other); as soon as the links arrive, the
link that joins the fact's sentences of the two outlets is selected and scrolled to. When
only one of them states the fact, its sentence is brought to the reading line instead. When
the pair is already on screen, nothing is compared again.

:class:`StoryReader` is a part of :class:`~parallax.ui.main_window.MainWindow`, like
:class:`~parallax.ui.corrections.Corrections`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox, QTabWidget, QWidget

from parallax.core.model import Comparison, Document, Side
from parallax.core.story import Story, StoryArticle
from parallax.ui.story.story_view import StoryView

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel

    from parallax.session import Session, StorySummary
    from parallax.ui.worker import CompareWorker, Source

__all__ = ["StoryReader", "fact_link"]


@dataclass(frozen=True, slots=True)
class _Target:
    """The fact to show once the pair is on screen: its sentences in each article."""

    fact_id: str
    left: StoryArticle
    right: StoryArticle
    sentences: dict[Side, tuple[int, ...]]


def _same_article(story_doc: Document, shown: Document) -> bool:
    return story_doc.original == shown.original


def _as_outlet(article: StoryArticle) -> Document:
    """The article's document, named after its outlet, so the panes are headed by it."""
    doc = article.document
    return replace(doc, source=article.outlet) if article.outlet else doc


def _on_screen(indexes: tuple[int, ...], story_doc: Document, shown: Document) -> tuple[int, ...]:
    """Sentence indexes of the story's document as indexes of the same article on screen
    (the same when both were split alike; otherwise found by their text)."""
    by_text: dict[str, int] | None = None
    found: list[int] = []
    for i in indexes:
        if not 0 <= i < len(story_doc.sentences):
            continue
        text = story_doc.sentences[i].text
        if i < len(shown.sentences) and shown.sentences[i].text == text:
            found.append(i)
            continue
        if by_text is None:
            by_text = {s.text: s.index for s in reversed(shown.sentences)}
        if text in by_text:
            found.append(by_text[text])
    return tuple(sorted(set(found)))


def fact_link(comparison: Comparison, left: tuple[int, ...], right: tuple[int, ...]) -> int | None:
    """The link of ``comparison`` that shares most sentences with a fact's on both sides."""
    best, best_overlap = None, 0
    for k, link in enumerate(comparison.links):
        a, b = len(set(link.left) & set(left)), len(set(link.right) & set(right))
        if a and b and a + b > best_overlap:
            best, best_overlap = k, a + b
    return best


class StoryReader:
    """The Story tab of the window (a part of the window, see above)."""

    if TYPE_CHECKING:  # what the window provides
        tabs: QTabWidget
        act_story_tab: QAction
        worker: CompareWorker
        comparison: Comparison | None
        focus_side: Side
        summary: QLabel
        comparisonShown: SignalInstance

        def compare(
            self,
            left: Source,
            right: Source,
            *,
            keep_view: bool = False,
            actors_from: Comparison | None = None,
        ) -> None: ...

        def select_link(
            self, index: int | None, *, clicked: Side | None = None, scroll: bool = True
        ) -> None: ...

        def go_sentence(self, side: str, sentence: int) -> None: ...

        def _library(self, tag: str, task: Callable[[Session], object]) -> bool: ...

    def open_story_dialog(self) -> None:
        """File > Open Story: list the library's stories (on the worker's thread), then let
        the journalist choose one (:meth:`choose_story`)."""
        self._library("stories", lambda s: s.stories())

    def choose_story(self, stories: list[StorySummary]) -> None:
        """Ask which of ``stories`` to show, then make it ready on the worker's thread: the
        pairs the library lacks are compared first, then the Story tab shows it."""
        window = cast(QWidget, self)
        if not stories:
            QMessageBox.information(
                window,
                "No stories yet",
                "The library holds no story yet. Make one from three or more articles on one "
                "event with 'parallax story new NAME FILE…'.",
            )
            return
        labels = [f"{s.name} ({', '.join(o or '?' for o in s.outlets)})" for s in stories]
        label, chosen = QInputDialog.getItem(window, "Open Story", "Story:", labels, 0, False)
        if chosen:
            name = stories[labels.index(label)].name
            cast(QMainWindow, self).statusBar().showMessage(f"Making story {name!r} ready…")
            self._library("story", lambda s: s.story(name))

    def _init_story(self) -> None:
        """Called by the window once its worker and signals are connected."""
        self.story: Story | None = None
        self.story_view: StoryView | None = None
        self._story_target: _Target | None = None
        self.comparisonShown.connect(self._on_story_comparison)
        # After the window's own handlers: the last links of the pair have been shown.
        self.worker.finished.connect(self._end_story_target)
        self.worker.failed.connect(self._end_story_target)
        self.worker.cancelled.connect(self._end_story_target)
        self.act_story_tab.setEnabled(False)

    def show_story(self, story: Story) -> None:
        """Show a story's coverage and actors in the Story tab, and bring the tab forward."""
        view = self.story_view
        if view is None:
            view = StoryView(self.tabs)
            view.openPair.connect(self.open_story_pair)
            self.story_view = view
            self.tabs.addTab(view, "")
        self.story = story
        view.set_story(story)
        k = self.tabs.indexOf(view)
        self.tabs.setTabText(k, f"Story: {story.name}")
        self.tabs.setTabToolTip(k, f"{len(story.articles)} outlets, {len(story.facts)} facts")
        self.tabs.setCurrentWidget(view)
        self.act_story_tab.setEnabled(True)

    def toggle_story_tab(self) -> None:
        """From the Story tab to the Reader tab, and back."""
        if self.story_view is not None:
            reading = self.tabs.currentWidget() is not self.story_view
            self.tabs.setCurrentIndex(self.tabs.indexOf(self.story_view) if reading else 0)

    def open_story_pair(self, left_id: str, right_id: str, fact_id: str) -> None:
        """Read two articles of the story side by side at one fact."""
        story = self.story
        if story is None:
            return
        try:
            left, right = story.article(left_id), story.article(right_id)
        except KeyError:
            return
        fact = next((f for f in story.facts if f.id == fact_id), None)
        if fact is None:
            return
        self._story_target = _Target(
            fact_id,
            left,
            right,
            {"left": fact.sentences.get(left_id, ()), "right": fact.sentences.get(right_id, ())},
        )
        self.tabs.setCurrentIndex(0)
        shown = self.comparison
        if (
            shown is not None
            and _same_article(left.document, shown.left)
            and _same_article(right.document, shown.right)
        ):
            self._show_story_fact(shown)
            self._story_target = None
            return
        self.compare(_as_outlet(left), _as_outlet(right))

    def _on_story_comparison(self, comparison: Comparison | None) -> None:
        target = self._story_target
        if target is None or comparison is None:
            return
        if _same_article(target.left.document, comparison.left) and _same_article(
            target.right.document, comparison.right
        ):
            self._show_story_fact(comparison)

    def _show_story_fact(self, comparison: Comparison) -> None:
        target = self._story_target
        assert target is not None
        left = _on_screen(target.sentences["left"], target.left.document, comparison.left)
        right = _on_screen(target.sentences["right"], target.right.document, comparison.right)
        link = fact_link(comparison, left, right)
        self.focus_side = "left" if left else "right"
        if link is not None:
            self.select_link(link)
        elif left:
            self.go_sentence("left", left[0])
        elif right:
            self.go_sentence("right", right[0])

    def _end_story_target(self, *_args: object) -> None:
        self._story_target = None
