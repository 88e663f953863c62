"""The aligner's entry point: :func:`align` runs the passes in order.

Pins and rejections are checked against both articles, repeated lines are set aside, and
the candidates, scores and assignment of the other modules of :mod:`parallax.core.align`
turn the rest into links, refined by the contextual encoder when one is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from parallax.core.align.assign import _assign, _headlines_follow, _headlines_meet
from parallax.core.align.constants import LINK_THRESHOLD, TOP_K
from parallax.core.align.links import _group, _make_link, _pinned_link
from parallax.core.align.refined import _refined_facts
from parallax.core.align.scoring import Embedder, _Scorer
from parallax.core.contextual import ContextualEncoder
from parallax.core.model import Document, Link, Sentence
from parallax.core.rerank import Reranker

ProgressCallback = Callable[[float], None]


def _linkable(s: Sentence) -> bool:
    return s.role != "repeat"


def align(
    left: Document,
    right: Document,
    *,
    pinned: Iterable[tuple[int, int]] = (),
    rejected: Iterable[tuple[int, int]] = (),
    threshold: float = LINK_THRESHOLD,
    top_k: int = TOP_K,
    embedder: Embedder | None = None,
    contextual: ContextualEncoder | None = None,
    reranker: Reranker | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[Link, ...]:
    """Link the sentences of two split documents.

    With a ``contextual`` encoder the pairs are scored by the refined model of
    :mod:`parallax.core.facts` and grouped into shared facts (a sentence may sit in two);
    without one, by the static model and one-to-one assignment, which is what a reader
    shows first while the refined links are worked out.

    Args:
        left: The left document, with sentences.
        right: The right document, with sentences.
        pinned: ``(left_index, right_index)`` pairs the user linked by hand: always kept
            (those pointing past either document are dropped).
        rejected: Pairs the user unlinked: never proposed again.
        threshold: Minimum score for a link.
        top_k: Embedding neighbours per sentence to consider, from each side.
        embedder: Sentence embedder (default: the shipped static model).
        contextual: The contextual encoder of :mod:`parallax.core.contextual` (or any
            object with its ``encode``), for the refined links.
        reranker: The cross-encoder of :mod:`parallax.core.rerank` (or any object with
            its ``logits``): with a ``contextual`` encoder, it reads the plausible pairs
            again before they are grouped into facts.
        progress: Called with a fraction 0..1 as the work advances.

    Returns:
        Links ordered by their first left sentence.
    """
    # Sentence numbers depend on the repair steps a pair was compared with: a pin or a
    # rejection made under other steps may point past either article and is dropped here,
    # so callers need not split the articles first to check.
    n_left, n_right = len(left.sentences), len(right.sentences)

    def inside(pair: tuple[int, int]) -> bool:
        return 0 <= pair[0] < n_left and 0 <= pair[1] < n_right

    pinned_set = {p for p in pinned if inside(p)}
    rejected_set = {p for p in rejected if inside(p)} - pinned_set
    lsent = [s for s in left.sentences if _linkable(s)]
    rsent = [s for s in right.sentences if _linkable(s)]
    if progress:
        progress(0.0)
    edges: dict[tuple[int, int], float] = {}
    if lsent and rsent:
        scorer = _Scorer([s.text for s in lsent], [s.text for s in rsent], embedder)
        if progress:
            progress(0.5)
        lpos = {s.index: k for k, s in enumerate(lsent)}
        rpos = {s.index: k for k, s in enumerate(rsent)}
        pinned_pos = {(lpos[i], rpos[j]) for i, j in pinned_set if i in lpos and j in rpos}
        rejected_pos = {(lpos[i], rpos[j]) for i, j in rejected_set if i in lpos and j in rpos}
        li, rj, cos = scorer.candidates(top_k)
        if rejected_pos:
            keep = np.array(
                [(i, j) not in rejected_pos for i, j in zip(li.tolist(), rj.tolist(), strict=True)],
                dtype=bool,
            )
            li, rj, cos = li[keep], rj[keep], cos[keep]
        ranked = scorer.score_ranked((li, rj, cos))
        if progress:
            progress(0.8)
        found = _assign(scorer, ranked, pinned_pos, threshold)
        _headlines_meet(scorer, found, lsent, rsent, rejected_pos)
        _headlines_follow(scorer, found, lsent, rsent, rejected_pos, threshold)
        if contextual is not None:
            encoded = contextual.encode(
                [*scorer.texts],
                progress=None if progress is None else lambda f: progress(0.5 + 0.2 * f),
            )
            if progress:
                progress(0.7)
            facts = _refined_facts(
                scorer,
                encoded,
                lsent,
                rsent,
                set(found),
                pinned_pos,
                rejected_pos,
                reranker=reranker,
                progress=None if progress is None else lambda f: progress(0.7 + 0.3 * f),
            )
            shared = [
                _make_link(
                    tuple(lsent[i].index for i in ls),
                    tuple(rsent[j].index for j in rs),
                    score,
                    left,
                    right,
                )
                for ls, rs, score in facts
            ]
            shared += _pinned_links(pinned_set, left, right)
            if progress:
                progress(1.0)
            return tuple(sorted(shared, key=lambda k: (k.left[0], k.right[0])))
        edges = {
            (lsent[i].index, rsent[j].index): sc
            for (i, j), sc in found.items()
            if (i, j) not in pinned_pos
        }
    # A pinned pair is a link of its own, never grown: the aligner's links are grouped
    # without it (a sentence of it may still state another fact in another link).
    links = (*_group(edges, left, right), *_pinned_links(pinned_set, left, right))
    if progress:
        progress(1.0)
    return tuple(sorted(links, key=lambda k: (k.left[0], k.right[0])))


def _pinned_links(pinned: set[tuple[int, int]], left: Document, right: Document) -> list[Link]:
    """The links of the pairs the journalist pinned, each exactly as pinned (also between
    sentences the aligner does not link on its own, such as a repeated line)."""
    return [_pinned_link(i, j, left, right) for i, j in sorted(pinned)]
