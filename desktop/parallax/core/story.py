"""Stories: three or more outlets on one event, fact by fact.

A story is a named set of articles (2 to about 20) on one event. Every pair of its articles
is compared by the pair engine (:mod:`parallax.core.pipeline`); the pairwise links are then
merged into **story-wide facts**: a fact is, for each outlet that states it, the sentences
of that outlet's article that state it. Outlets that do not state a fact are absent from
its ``sentences``, so a fact carried by one outlet alone is one whose ``sentences`` has a
single article.

This module holds the records (frozen dataclasses with ``to_dict``/``from_dict``, as
:mod:`parallax.core.model` does for a pair) of the ``parallax.story/1`` document, whose
JSON Schema is ``data/story.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from parallax.core.model import Difference, Document

STORY_SCHEMA: Final = "parallax.story/1"


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One article of a story: its document and who published it.

    ``id`` is stable within the story ("a1", "a2", ... in the order articles were added)
    and names the article in facts, differences and sources.
    """

    id: str
    document: Document
    outlet: str | None = None

    @property
    def label(self) -> str:
        """What a person reads as this article's name: its outlet, else its title or id."""
        return self.outlet or self.document.source or self.document.title or self.id

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "outlet": self.outlet, **self.document.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryArticle:
        return cls(id=d["id"], document=Document.from_dict(d), outlet=d.get("outlet"))


@dataclass(frozen=True, slots=True)
class StoryDifference:
    """Two articles' wordings of one fact that differ (numbers, dates, names, quotes,
    claims), as a pair link's :class:`~parallax.core.model.Difference` with the two
    articles named."""

    a: str
    b: str
    difference: Difference

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, **self.difference.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryDifference:
        return cls(a=d["a"], b=d["b"], difference=Difference.from_dict(d))


@dataclass(frozen=True, slots=True)
class StoryFact:
    """One fact of the story: per article that states it, the sentences that do.

    ``sentences`` maps an article id to sentence indexes into that article's document; an
    article that does not state the fact is absent.
    """

    id: str
    sentences: Mapping[str, tuple[int, ...]]
    differences: tuple[StoryDifference, ...] = ()

    @property
    def outlets(self) -> int:
        """How many articles state this fact."""
        return len(self.sentences)

    @property
    def alone(self) -> bool:
        """Whether only one article states this fact."""
        return len(self.sentences) == 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentences": {a: list(s) for a, s in self.sentences.items()},
            "differences": [d.to_dict() for d in self.differences],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryFact:
        return cls(
            id=d["id"],
            sentences={a: tuple(int(i) for i in s) for a, s in d["sentences"].items()},
            differences=tuple(StoryDifference.from_dict(x) for x in d.get("differences", ())),
        )


@dataclass(frozen=True, slots=True)
class StorySource:
    """Whom one article lets speak: an actor, whether it is named, how many quotes."""

    article: str
    actor: str
    named: bool
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "actor": self.actor, "named": self.named,
                "quotes": self.quotes}  # fmt: skip

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StorySource:
        return cls(d["article"], d["actor"], bool(d["named"]), int(d["quotes"]))


@dataclass(frozen=True, slots=True)
class Story:
    """A named set of articles on one event and the facts across them.

    ``facts`` are in story order: most widely reported first, ties by first appearance.
    """

    name: str
    articles: tuple[StoryArticle, ...]
    facts: tuple[StoryFact, ...] = ()
    sources: tuple[StorySource, ...] = ()
    schema: str = field(default=STORY_SCHEMA)

    def article(self, article_id: str) -> StoryArticle:
        """The article with ``article_id``; KeyError if the story has none."""
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def alone(self, article_id: str) -> tuple[StoryFact, ...]:
        """The facts only ``article_id`` states."""
        return tuple(f for f in self.facts if f.alone and article_id in f.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "name": self.name,
            "articles": [a.to_dict() for a in self.articles],
            "facts": [f.to_dict() for f in self.facts],
            "sources": [s.to_dict() for s in self.sources],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        if d.get("schema") != STORY_SCHEMA:
            raise ValueError(f"not a {STORY_SCHEMA} document: {d.get('schema')!r}")
        return cls(
            name=d["name"],
            articles=tuple(StoryArticle.from_dict(a) for a in d["articles"]),
            facts=tuple(StoryFact.from_dict(f) for f in d.get("facts", ())),
            sources=tuple(StorySource.from_dict(s) for s in d.get("sources", ())),
        )
