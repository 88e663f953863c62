"""Actors against outlets: whom each outlet of a story names and quotes.

One row per actor some article lets speak (the story's ``sources``), the ones most outlets
hear first, then the most quoted; column 0 the actor, column 1 how many outlets give it a
voice, then one column per article: "named, 2 quotes", "unnamed, 1 quote" (the text only
describes the source: "officials"), or nothing when the outlet does not report it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from parallax.core.story import Story, StorySource
from parallax.report import one_line
from parallax.ui.story.colours import StoryColours
from parallax.ui.story.coverage_model import story_labels

__all__ = ["SourcesModel", "describe", "outlet_summary"]

_ROOT: Final = QModelIndex()


def _quotes(n: int) -> str:
    return "no quote" if n == 0 else f"{n} quote{'s' * (n != 1)}"


def describe(source: StorySource) -> str:
    """What a cell says about one outlet's source: named or not, and its quotes."""
    return f"{'named' if source.named else 'unnamed'}, {_quotes(source.quotes)}"


def outlet_summary(story: Story, article_id: str) -> str:
    """One outlet's sourcing in a line: "3 sources (2 named, 1 unnamed), 3 quotes"."""
    mine = [s for s in story.sources if s.article == article_id]
    named = sum(1 for s in mine if s.named)
    return (
        f"{len(mine)} source{'s' * (len(mine) != 1)} ({named} named, "
        f"{len(mine) - named} unnamed), {_quotes(sum(s.quotes for s in mine))}"
    )


@dataclass(frozen=True, slots=True)
class _Actor:
    name: str
    by_article: dict[str, StorySource]

    @property
    def quotes(self) -> int:
        return sum(s.quotes for s in self.by_article.values())


class SourcesModel(QAbstractTableModel):
    """One row per actor a story's outlets let speak; one column per article after two."""

    ACTOR, OUTLETS = 0, 1
    FIRST_OUTLET = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._story: Story | None = None
        self._actors: list[_Actor] = []
        self._labels: dict[str, str] = {}
        self._colours: StoryColours | None = None
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_story(self, story: Story | None) -> None:
        self.beginResetModel()
        self._story = story
        self._labels = story_labels(story)
        self._actors = _actors(story) if story is not None else []
        self.endResetModel()

    def set_colours(self, colours: StoryColours) -> None:
        self._colours = colours
        if self._actors:
            last = self.index(len(self._actors) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def story(self) -> Story | None:
        return self._story

    def actor(self, row: int) -> str:
        return self._actors[row].name

    def _article_id(self, column: int) -> str | None:
        k = column - self.FIRST_OUTLET
        articles = self._story.articles if self._story is not None else ()
        return articles[k].id if 0 <= k < len(articles) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._actors)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        n = len(self._story.articles) if self._story is not None else 0
        return 0 if parent.isValid() else self.FIRST_OUTLET + n

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical or self._story is None:
            return None
        article = self._article_id(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.ACTOR:
                return "Actor"
            if section == self.OUTLETS:
                return "Heard in"
            return self._labels.get(article, article) if article else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.ACTOR:
                return "Who is reported as saying something"
            if section == self.OUTLETS:
                return "How many outlets report what this actor said"
            if article is not None:
                return f"{self._labels[article]}: {outlet_summary(self._story, article)}"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        actor = self._actors[index.row()]
        column = index.column()
        article = self._article_id(column)
        source = actor.by_article.get(article) if article is not None else None
        n = len(self._story.articles) if self._story is not None else 0
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ACTOR:
                return actor.name
            if column == self.OUTLETS:
                alone = len(actor.by_article) == 1
                only = self._labels.get(next(iter(actor.by_article)), "") if alone else ""
                return f"Only {only}" if alone else f"{len(actor.by_article)} of {n}"
            return describe(source) if source is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.ACTOR:
                said = [f"{self._labels[a]}: {describe(s)}" for a, s in actor.by_article.items()]
                return "\n".join([actor.name, *said])
            if article is not None:
                label = self._labels[article]
                if source is None:
                    return f"{label} does not report what {actor.name} said"
                return f"{label}: {actor.name}, {describe(source)}"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.OUTLETS:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and source is not None and not source.named:
            return self._italic
        if role == Qt.ItemDataRole.BackgroundRole and self._colours is not None:
            if source is not None:
                return QBrush(self._colours.stated)
            if column < self.FIRST_OUTLET and len(actor.by_article) == 1:
                return QBrush(self._colours.alone)
        if role == Qt.ItemDataRole.UserRole:
            return source
        return None


def _actors(story: Story) -> list[_Actor]:
    """The story's sources grouped by actor, most outlets first, then most quoted."""
    order = {a.id: k for k, a in enumerate(story.articles)}
    grouped: dict[str, dict[str, StorySource]] = {}
    names: dict[str, str] = {}
    for source in story.sources:
        if source.article not in order:
            continue
        key = one_line(source.actor).casefold()
        names.setdefault(key, one_line(source.actor))
        mine = grouped.setdefault(key, {})
        if source.article in mine:  # the same actor twice in one article: add the quotes up
            seen = mine[source.article]
            source = StorySource(source.article, seen.actor, seen.named or source.named,
                                 seen.quotes + source.quotes)  # fmt: skip
        mine[source.article] = source
    actors = [
        _Actor(names[key], dict(sorted(found.items(), key=lambda kv: order[kv[0]])))
        for key, found in grouped.items()
    ]
    actors.sort(key=lambda a: (-len(a.by_article), -a.quotes, a.name.casefold()))
    return actors
