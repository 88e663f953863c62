"""Linked sentences become :class:`~parallax.core.model.Link` records.

Connected pairs form many-to-many groups; each group gets its kind (the same statement,
a paraphrase or a partial match) and the differences of :mod:`parallax.core.differences`,
read from the sentences :func:`compared_sentences` picks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz.distance import Indel

from parallax.core.align.constants import PARAPHRASE_THRESHOLD, SAME_THRESHOLD
from parallax.core.differences import find_differences
from parallax.core.model import Document, Link, LinkKind, Sentence


def compared_sentences(doc: Document, indexes: Iterable[int]) -> list[Sentence]:
    """The sentences of one side of a link that its kind and differences are read from, in
    order: a headline beside body sentences is left out (it restates in fewer words what
    they say, see :func:`.assign._headlines_follow`), unless the side has nothing else."""
    sents = [doc.sentences[i] for i in sorted(indexes) if 0 <= i < len(doc.sentences)]
    return [s for s in sents if s.role != "headline"] or sents


def _group(
    edges: dict[tuple[int, int], float], left: Document, right: Document
) -> tuple[Link, ...]:
    """Connected groups of edges become many-to-many links."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[find(("l", i))] = find(("r", j))
    groups: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in edges:
        groups[find(("l", i))].append((i, j))
    links = []
    for members in groups.values():
        ls = tuple(sorted({i for i, _ in members}))
        rs = tuple(sorted({j for _, j in members}))
        links.append(_make_link(ls, rs, max(edges[m] for m in members), left, right))
    links.sort(key=lambda k: (k.left[0], k.right[0]))
    return tuple(links)


def _make_link(
    ls: tuple[int, ...], rs: tuple[int, ...], score: float, left: Document, right: Document
) -> Link:
    """A link between sentences ``ls`` and ``rs``, with its kind and differences.

    Names and claims are compared only between one sentence and one sentence: in a fact
    stated across several sentences each names other people and says other things beside
    the shared fact ("Reuters" in one, "KCNA" in another is no disagreement)."""
    lsent, rsent = compared_sentences(left, ls), compared_sentences(right, rs)
    ltext = " ".join(s.text for s in lsent)
    rtext = " ".join(s.text for s in rsent)
    kind = _kind(score, ltext, rtext)
    one_to_one = len(lsent) == 1 and len(rsent) == 1
    return Link(
        left=ls,
        right=rs,
        score=round(min(1.0, score), 4),
        kind=kind,
        differences=find_differences(ltext, rtext, same_fact=kind != "partial" and one_to_one),
    )


def _kind(score: float, left: str, right: str) -> LinkKind:
    if Indel.normalized_similarity(left.lower(), right.lower()) >= SAME_THRESHOLD:
        return "same"
    return "paraphrase" if score >= PARAPHRASE_THRESHOLD else "partial"


def _pinned_link(i: int, j: int, left: Document, right: Document) -> Link:
    """The link of a pair the journalist pinned: exactly those two sentences, score 1."""
    return replace(_make_link((i,), (j,), 1.0, left, right), pinned=True)
