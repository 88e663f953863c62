"""The coverage matrix as a table model: facts in rows, outlets in columns.

Column 0 is the fact in a few words (the first sentence that states it, in the first
article that does), column 1 how many outlets carry it ("3 of 3", or "Only in BBC"), then
one column per article. A cell holds ● when the outlet states the fact, ◐ when it states
it in words that differ from another outlet's (the fact has a difference naming that
article: a number, a date, a name, a quote), and nothing when the outlet leaves it out.

Everything a cell shows is computed once in :meth:`CoverageModel.set_story`, so painting
300 facts by 10 outlets is a lookup per cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from parallax.core.story import Story, StoryArticle, StoryFact
from parallax.report import one_line
from parallax.ui.story.colours import StoryColours

__all__ = [
    "ALONE_ROLE",
    "ARTICLE_ID_ROLE",
    "DIFFERS",
    "FACT_ID_ROLE",
    "FIRST_SEEN_ROLE",
    "MARK_ROLE",
    "REACH_ROLE",
    "STATED",
    "STORY_ORDER_ROLE",
    "CoverageModel",
    "Mark",
    "story_labels",
]

_USER = Qt.ItemDataRole.UserRole
#: The fact's id (every cell of its row).
FACT_ID_ROLE: Final = _USER + 1
#: The article id of an outlet column (None in the first two columns).
ARTICLE_ID_ROLE: Final = _USER + 2
#: What a cell shows: "stated", "differs" or "" (left out).
MARK_ROLE: Final = _USER + 3
#: Whether one outlet alone carries the fact.
ALONE_ROLE: Final = _USER + 4
#: How many outlets carry the fact.
REACH_ROLE: Final = _USER + 5
#: The fact's position in the story (most widely reported first).
STORY_ORDER_ROLE: Final = _USER + 6
#: How early any outlet reports the fact (0 = its first sentence, 1 = its last).
FIRST_SEEN_ROLE: Final = _USER + 7

Mark = Literal["stated", "differs", ""]
STATED: Final = "●"
DIFFERS: Final = "◐"
_GLYPHS: Final[dict[str, str]] = {"stated": STATED, "differs": DIFFERS, "": ""}
_ROOT: Final = QModelIndex()  # the table's (invisible) root, for rowCount and columnCount
_SHORT: Final = 160  # characters of a fact's sentence kept in its cell (the view elides)


def story_labels(story: Story | None) -> dict[str, str]:
    """Each article's column title: its label, with its id added when two are the same."""
    if story is None:
        return {}
    labels = {a.id: one_line(a.label) or a.id for a in story.articles}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    return {a: (f"{label} ({a})" if counts[label] > 1 else label) for a, label in labels.items()}


@dataclass(frozen=True, slots=True)
class _Row:
    """What one fact's row shows, computed once."""

    fact: StoryFact
    order: int
    short: str
    tip: str
    reach: str
    first_seen: float
    marks: tuple[Mark, ...]
    cell_tips: tuple[str, ...]


class CoverageModel(QAbstractTableModel):
    """One row per story fact, in story order; one column per article after two."""

    FACT, REACH = 0, 1
    FIRST_OUTLET = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._story: Story | None = None
        self._rows: list[_Row] = []
        self._labels: dict[str, str] = {}
        self._colours: StoryColours | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # -- contents ------------------------------------------------------------------------

    def set_story(self, story: Story | None) -> None:
        self.beginResetModel()
        self._story = story
        self._labels = story_labels(story)
        self._rows = [] if story is None else [_row(story, f, k, self._labels)
                                               for k, f in enumerate(story.facts)]  # fmt: skip
        self.endResetModel()

    def set_colours(self, colours: StoryColours) -> None:
        self._colours = colours
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def story(self) -> Story | None:
        return self._story

    def articles(self) -> tuple[StoryArticle, ...]:
        return () if self._story is None else self._story.articles

    def label(self, article_id: str) -> str:
        return self._labels.get(article_id, article_id)

    def fact(self, row: int) -> StoryFact:
        return self._rows[row].fact

    def article_at(self, column: int) -> StoryArticle | None:
        """The article of an outlet column (None for the fact and reach columns)."""
        k = column - self.FIRST_OUTLET
        articles = self.articles()
        return articles[k] if 0 <= k < len(articles) else None

    def mark(self, row: int, column: int) -> Mark:
        k = column - self.FIRST_OUTLET
        return self._rows[row].marks[k] if k >= 0 else ""

    # -- the model -----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.FIRST_OUTLET + len(self.articles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(self._rows[section].order + 1)
            return None
        article = self.article_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.FACT:
                return "Fact"
            if section == self.REACH:
                return "Carried by"
            return self.label(article.id) if article is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.FACT:
                return "The fact, as the first article that states it words it"
            if section == self.REACH:
                return "How many outlets state the fact"
            if article is not None:
                alone = len(self._story.alone(article.id)) if self._story else 0
                title = one_line(article.document.title) or "untitled"
                return f"{self.label(article.id)}: “{title}” — {alone} fact(s) only it carries"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        r = self._rows[row]
        k = column - self.FIRST_OUTLET
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FACT:
                return r.short
            if column == self.REACH:
                return r.reach
            return _GLYPHS[r.marks[k]]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FACT:
                return r.tip
            if column == self.REACH:
                return r.reach
            return r.cell_tips[k]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.REACH:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(r, column, k)
        if role == Qt.ItemDataRole.ForegroundRole and self._colours is not None:
            return QBrush(self._colours.text)
        if role == Qt.ItemDataRole.FontRole and column == self.REACH and r.fact.alone:
            return self._bold
        if role == Qt.ItemDataRole.AccessibleTextRole and column >= self.FIRST_OUTLET:
            return r.cell_tips[k]
        if role == FACT_ID_ROLE:
            return r.fact.id
        if role == ARTICLE_ID_ROLE:
            article = self.article_at(column)
            return article.id if article is not None else None
        if role == MARK_ROLE:
            return r.marks[k] if k >= 0 else ""
        if role == ALONE_ROLE:
            return r.fact.alone
        if role == REACH_ROLE:
            return r.fact.outlets
        if role == STORY_ORDER_ROLE:
            return r.order
        if role == FIRST_SEEN_ROLE:
            return r.first_seen
        return None

    def _background(self, r: _Row, column: int, k: int) -> QBrush | None:
        colours = self._colours
        if colours is None:
            return None
        if column < self.FIRST_OUTLET:
            return QBrush(colours.alone) if r.fact.alone else None
        mark = r.marks[k]
        if mark == "stated":
            return QBrush(colours.stated)
        if mark == "differs":
            return QBrush(colours.differs)
        return None


def _row(story: Story, fact: StoryFact, order: int, labels: dict[str, str]) -> _Row:
    """Everything a fact's row shows."""
    stating = [a for a in story.articles if a.id in fact.sentences]
    differing = {d.a for d in fact.differences} | {d.b for d in fact.differences}
    first = stating[0] if stating else None
    wording = _wording(first, fact, only_first=True) if first is not None else ""
    tip_lines = [f"{labels[a.id]}: {_wording(a, fact)}" for a in stating]
    for d in fact.differences:
        tip_lines.append(
            f"{d.difference.kind.capitalize()} differs: {labels.get(d.a, d.a)} says "
            f"“{d.difference.left}”, {labels.get(d.b, d.b)} says “{d.difference.right}”"
        )
    n = len(story.articles)
    if fact.alone and first is not None:
        reach = f"Only in {labels[first.id]}"
    else:
        reach = f"{fact.outlets} of {n}"
    marks: list[Mark] = []
    tips: list[str] = []
    for a in story.articles:
        if a.id not in fact.sentences:
            marks.append("")
            tips.append(f"{labels[a.id]} does not report this fact")
            continue
        mark: Mark = "differs" if a.id in differing else "stated"
        marks.append(mark)
        how = "words it differently" if mark == "differs" else "states it"
        alone = " (the only outlet that does)" if fact.alone else ""
        tips.append(f"{labels[a.id]} {how}{alone}: {_wording(a, fact)}")
    return _Row(
        fact=fact,
        order=order,
        short=one_line(wording, _SHORT),
        tip="\n".join(tip_lines),
        reach=reach,
        first_seen=_first_seen(story, fact),
        marks=tuple(marks),
        cell_tips=tuple(tips),
    )


def _wording(article: StoryArticle, fact: StoryFact, *, only_first: bool = False) -> str:
    """The article's sentences that state the fact, joined (or only the first of them)."""
    sentences = article.document.sentences
    found = [sentences[i].text for i in sorted(fact.sentences.get(article.id, ()))
             if 0 <= i < len(sentences)]  # fmt: skip
    return one_line(" ".join(found[:1] if only_first else found))


def _first_seen(story: Story, fact: StoryFact) -> float:
    """How early the fact comes in the article that reports it earliest, 0 to 1."""
    best = 1.0
    for a in story.articles:
        indexes = fact.sentences.get(a.id)
        if not indexes:
            continue
        n = max(len(a.document.sentences) - 1, 1)
        best = min(best, min(indexes) / n)
    return best
