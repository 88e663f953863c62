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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from parallax.core.model import Comparison, Difference, Document, Link

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
    """Whom one article lets speak: an actor, whether it is named, how many quotes, and
    how many of the article's sentences report what it said."""

    article: str
    actor: str
    named: bool
    quotes: int
    reports: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "actor": self.actor, "named": self.named,
                "quotes": self.quotes, "reports": self.reports}  # fmt: skip

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StorySource:
        return cls(
            d["article"], d["actor"], bool(d["named"]), int(d["quotes"]), int(d.get("reports", 0))
        )


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


# -- facts across the story --------------------------------------------------------------------
#
# Every pairwise link says "these sentences of article a and these of article b state one
# fact". The story's facts are those links merged across pairs, by union-find over
# (article, sentence) nodes:
#
# * **Transitive through shared sentences.** If a1's sentence 3 is linked to a2's sentence 5
#   and a2's sentence 5 to a3's sentence 7, the three sentences are one fact that three
#   outlets state.
# * **Never a false join.** A union that would put two different sentences of one article
#   into one fact is allowed only when some pair link ties those sentences directly (one
#   link holds both, as when an outlet splits a fact over two sentences). Otherwise the
#   union is refused and the link's sentences stay in the facts they were in: when an
#   outlet states two facts in separate sentences, no chain of links through other outlets
#   turns them into one. Links are merged strongest first (pinned by the journalist, then by
#   score), so where links disagree the strongest chain wins.
# * **A sentence that states two facts is in both.** When a union is refused, the link
#   still says that its sentences state a fact together: each of its sentences also joins
#   the other sentence's fact, if that fact has no sentence of its outlet yet ("The spire
#   and the roof collapsed" is in the fact of the spire and in that of the roof). The facts
#   stay apart; a cell is only filled, never a second sentence of one outlet added that no
#   link ties to the first.
# * **What an outlet alone states.** Every *body* sentence no link covers (or whose every
#   link was refused) is a fact of its own, carried by that article alone. Headlines,
#   headings, captions and repeated lines join a fact when a link covers them, but are not
#   facts by themselves: they announce or repeat what the body states.
#
# Facts are in story order: most widely reported first; among as widely reported facts, in
# the order of the first article (in story order) that states them, then of its sentences.

#: The pairwise comparisons of a story, keyed by the two article ids; the comparison's left
#: article is the key's first article (a comparison the other way round is turned).
Comparisons = Mapping[tuple[str, str], Comparison]

_Node = tuple[str, int]


class _Facts:
    """Union-find over (article, sentence) nodes with the no-false-join check, and the
    sentences that also state another fact (``also``, by the root of that fact)."""

    def __init__(self, ties: set[tuple[str, int, int]]) -> None:
        self.parent: dict[_Node, _Node] = {}
        self.members: dict[_Node, dict[str, set[int]]] = {}
        self.also: dict[_Node, dict[str, set[int]]] = {}
        self.ties = ties

    def find(self, node: _Node) -> _Node:
        if node not in self.parent:
            self.parent[node] = node
            self.members[node] = {node[0]: {node[1]}}
            return node
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:  # path compression
            self.parent[node], node = root, self.parent[node]
        return root

    def _tied(self, article: str, mine: set[int], theirs: set[int]) -> bool:
        return any((article, min(i, j), max(i, j)) in self.ties for i in mine for j in theirs)

    def union(self, a: _Node, b: _Node) -> bool:
        """Join the facts of ``a`` and ``b``; False (nothing joined) if that would join two
        sentences of one article that no link ties."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ma, mb = self.members[ra], self.members[rb]
        if len(ma) > len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        for article, mine in ma.items():
            theirs = mb.get(article)
            if theirs and not self._tied(article, mine, theirs):
                return False
        self.parent[ra] = rb
        for article, mine in ma.items():
            mb.setdefault(article, set()).update(mine)
        del self.members[ra]
        also = self.also.pop(ra, {})
        for article, extra in self.also.pop(rb, {}).items():
            also.setdefault(article, set()).update(extra)
        kept = {a: extra for a, extra in also.items() if a not in mb}  # its own sentences win
        if kept:
            self.also[rb] = kept
        return True

    def share(self, a: _Node, b: _Node) -> None:
        """``a`` and ``b`` state one fact but their facts cannot be joined: each joins the
        other's fact where that fact has no sentence of its article yet."""
        for node, other in ((a, b), (b, a)):
            root = self.find(other)
            if node[0] not in self.members[root]:
                self.also.setdefault(root, {}).setdefault(node[0], set()).add(node[1])

    def sentences(self, root: _Node) -> dict[str, set[int]]:
        """The sentences of each article in the fact of ``root``."""
        found = {a: set(ns) for a, ns in self.members[root].items()}
        for article, extra in self.also.get(root, {}).items():
            found.setdefault(article, set()).update(extra)
        return found


def _oriented(
    articles: Sequence[StoryArticle], comparisons: Comparisons
) -> list[tuple[str, str, Comparison]]:
    """The comparisons as (left article id, right article id, comparison), in story order of
    the pairs, each turned so that its left article is the first id."""
    known = {a.id: a for a in articles}
    pairs: list[tuple[str, str, Comparison]] = []
    for (x, y), c in comparisons.items():
        if x not in known or y not in known:
            raise KeyError(f"a comparison names an article the story lacks: {x}, {y}")
        x_sha = known[x].document.original_sha256
        if c.left.original_sha256 != x_sha and c.right.original_sha256 == x_sha:
            x, y = y, x  # stored the other way round
        pairs.append((x, y, c))
    position = {a.id: k for k, a in enumerate(articles)}
    pairs.sort(
        key=lambda p: (min(position[p[0]], position[p[1]]), max(position[p[0]], position[p[1]]))
    )
    return pairs


def story_facts(
    articles: Sequence[StoryArticle], comparisons: Comparisons
) -> tuple[StoryFact, ...]:
    """The story-wide facts of ``articles`` from their pairwise ``comparisons``.

    See the rules above: links merged transitively, never joining two sentences of one
    article that no link ties; each unlinked body sentence a fact its outlet alone states;
    facts in story order, with the differences of the links merged into them.
    """
    pairs = _oriented(articles, comparisons)
    ties: set[tuple[str, int, int]] = set()
    links: list[tuple[bool, float, int, str, str, Link]] = []
    for order, (x, y, c) in enumerate(pairs):
        for link in c.links:
            for article, side in ((x, link.left), (y, link.right)):
                for i in side:
                    for j in side:
                        if i < j:
                            ties.add((article, i, j))
            links.append((link.pinned, link.score, order, x, y, link))
    links.sort(key=lambda t: (not t[0], -t[1], t[2]))  # pinned, strongest, story order
    uf = _Facts(ties)
    sizes = {a.id: len(a.document.sentences) for a in articles}
    placed: list[tuple[_Node, StoryDifference]] = []
    for _pinned, _score, _order, x, y, link in links:
        # A link to a sentence the story's article lacks (a comparison of the pair read
        # another way, e.g. with a repair left out) is left out rather than misplaced.
        nodes = [(x, i) for i in link.left if i < sizes[x]]
        nodes += [(y, j) for j in link.right if j < sizes[y]]
        if not nodes:
            continue
        first = nodes[0]
        for node in nodes[1:]:
            if not uf.union(first, node):
                uf.share(first, node)
        for d in link.differences:
            placed.append((first, StoryDifference(x, y, d)))
    for each in articles:
        for s in each.document.sentences:
            if s.role == "body":
                uf.find((each.id, s.index))
    position = {a.id: k for k, a in enumerate(articles)}
    differences: dict[_Node, list[StoryDifference]] = {}
    for node, difference in placed:
        found = differences.setdefault(uf.find(node), [])
        if difference not in found:
            found.append(difference)
    facts: list[tuple[tuple[int, int, int], dict[str, tuple[int, ...]], list[StoryDifference]]] = []
    for root in uf.members:
        members = uf.sentences(root)
        sentences = {
            a: tuple(sorted(members[a])) for a in sorted(members, key=lambda a: position[a])
        }
        first_article = next(iter(sentences))
        key = (-len(sentences), position[first_article], sentences[first_article][0])
        facts.append((key, sentences, differences.get(root, [])))
    facts.sort(key=lambda f: f[0])
    return tuple(
        StoryFact(f"f{k}", sentences, tuple(diffs))
        for k, (_key, sentences, diffs) in enumerate(facts, 1)
    )


def story_sources(
    articles: Sequence[StoryArticle], comparisons: Comparisons
) -> tuple[StorySource, ...]:
    """Whom each article lets speak, from the reactions of its pairwise comparisons.

    Each pair finds the actors of both its articles, so one article's reactions are found
    once per pair it is in: they are merged by sentence (a sentence's source takes the
    fullest name any pair gave it, "Antony Blinken" rather than "Blinken"), then counted per
    source: the sentences that report it and how many of them quote it. Sources are listed
    per article in story order, most reported first.
    """
    said: dict[str, dict[tuple[int, str], tuple[str, bool, bool]]] = {a.id: {} for a in articles}
    for x, y, c in _oriented(articles, comparisons):
        names = {a.id: a.name for a in c.actors}
        groups = {a.id for a in c.actors if a.kind == "group"}
        for r in c.reactions:
            article = x if r.side == "left" else y
            key = (r.sentence, r.cue)
            name = names.get(r.actor, r.actor)
            old = said[article].get(key)
            if old is None or len(name) > len(old[0]):
                said[article][key] = (name, r.actor not in groups, bool(r.quote))
    sources: list[StorySource] = []
    for a in articles:
        per: dict[str, tuple[bool, set[int], set[int]]] = {}
        for (sentence, _cue), (name, named, quoted) in said[a.id].items():
            entry = per.setdefault(name, (named, set(), set()))
            entry[1].add(sentence)
            if quoted:
                entry[2].add(sentence)
        ranked = sorted(per.items(), key=lambda kv: (-len(kv[1][1]), min(kv[1][1])))
        sources.extend(
            StorySource(a.id, name, named, len(quotes), len(reports))
            for name, (named, reports, quotes) in ranked
        )
    return tuple(sources)


def build_story(name: str, articles: Sequence[StoryArticle], comparisons: Comparisons) -> Story:
    """The story of ``articles``: its facts and sources from the pairwise comparisons."""
    return Story(
        name=name,
        articles=tuple(articles),
        facts=story_facts(articles, comparisons),
        sources=story_sources(articles, comparisons),
    )
