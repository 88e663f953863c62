"""Pass 3, assignment: which scored pairs become linked.

One-to-one greedy above the link threshold, competitive linking among the sentences still
free, then second counterparts where a longer sentence covers two facts
(:func:`_assign`); and the two rules of headlines, which say in a few words what sentences
say at length (:func:`_headlines_meet`, :func:`_headlines_follow`). Each works on edges:
``(left position, right position) -> score``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from parallax.core.align.constants import (
    FIGURE_FLOOR,
    HEADLINE_THRESHOLD,
    MUTUAL_FLOOR,
    SECONDARY_FLOOR,
)
from parallax.core.align.scoring import Ranked, _Scorer
from parallax.core.model import Sentence, Side


def _assign(
    scorer: _Scorer,
    ranked: Ranked,
    pinned: set[tuple[int, int]],
    threshold: float,
) -> dict[tuple[int, int], float]:
    """Greedy one-to-one on the strongest pairs, competitive linking below the threshold,
    then second counterparts. ``ranked`` holds the candidate pairs best first, as parallel
    lists (left indexes, right indexes, scores), as ``score_ranked`` returns them.

    A sentence joins a second counterpart only when it matches what that counterpart says
    *beyond* the sentence already linked to it (a longer sentence covering two facts), and
    only where its own end is still free, so that a link stays a small group, never a chain.
    """
    lefts, rights, scores = ranked
    n = len(scores)
    edges: dict[tuple[int, int], float] = {}
    to_left: dict[int, list[int]] = defaultdict(list)  # right -> its linked left sentences
    to_right: dict[int, list[int]] = defaultdict(list)

    def add(i: int, j: int, score: float) -> None:
        edges[(i, j)] = score
        to_right[i].append(j)
        to_left[j].append(i)

    for i, j in pinned:
        add(i, j, 1.0)
    for k in range(n):
        if scores[k] < threshold:
            break
        if lefts[k] not in to_right and rights[k] not in to_left:
            add(lefts[k], rights[k], scores[k])
    # Competitive linking among the sentences still free: taken in score order, a pair of
    # free sentences is each one's best remaining counterpart, and that is evidence a lone
    # pair cannot give: so they link down to MUTUAL_FLOOR, where each had a rival to beat.
    n_left, n_right = Counter(lefts), Counter(rights)
    for k in range(n):
        if scores[k] < MUTUAL_FLOOR:
            break
        i, j = lefts[k], rights[k]
        if i in to_right or j in to_left or n_left[i] < 2 or n_right[j] < 2:
            continue
        add(i, j, scores[k])
    primary = set(edges)
    # Second counterparts. A sentence left free proposes itself to its best candidate when
    # that one is linked, and to any linked candidate with which it shares a rare figure (a
    # number or a year, which meets its decade: the specific facts a reader compares); the
    # linked sentence accepts the proposal that best matches what it says *beyond* its
    # first counterpart (its residual), and a free sentence joins one group at most.
    best_l: dict[int, int] = {}  # free left sentence -> its best candidate (index into ranked)
    best_r: dict[int, int] = {}
    for k in range(n):
        if scores[k] < SECONDARY_FLOOR:
            break
        if lefts[k] not in to_right:
            best_l.setdefault(lefts[k], k)
        if rights[k] not in to_left:
            best_r.setdefault(rights[k], k)
    proposals = [(True, k, SECONDARY_FLOOR) for k in best_l.values()]
    proposals += [(False, k, SECONDARY_FLOOR) for k in best_r.values()]
    for k in range(n):
        if scores[k] < FIGURE_FLOOR:
            break
        free_l, free_r = lefts[k] not in to_right, rights[k] not in to_left
        if free_l != free_r and scorer.shares_rare_figure(lefts[k], rights[k]):
            proposals.append((free_l, k, FIGURE_FLOOR))
    asks: list[tuple[tuple[bool, int], int, float]] = []  # (target, proposal, floor)
    items: list[tuple[int, int, Iterable[int], str]] = []
    for from_left, k, floor in proposals:
        i, j = lefts[k], rights[k]
        if from_left and j in to_left:  # left sentence i offers itself to linked right j
            covered = [c for c in to_left[j] if (c, j) in primary]
            items.append((i, j, covered, "right"))
            asks.append(((False, j), k, floor))
        elif not from_left and i in to_right:
            covered = [c for c in to_right[i] if (i, c) in primary]
            items.append((i, j, covered, "left"))
            asks.append(((True, i), k, floor))
    offers: dict[tuple[bool, int], tuple[float, int]] = {}
    for (target, k, floor), res in zip(asks, scorer.residual_scores(items), strict=True):
        if res >= floor and res > offers.get(target, (0.0, k))[0]:
            offers[target] = (res, k)
    for _, k in sorted(offers.values(), key=lambda o: (-o[0], lefts[o[1]], rights[o[1]])):
        if lefts[k] in to_right and rights[k] in to_left:
            continue  # both ends taken meanwhile: a link stays a small group, never a chain
        add(lefts[k], rights[k], scores[k])
    return edges


def _headlines_meet(
    scorer: _Scorer,
    edges: dict[tuple[int, int], float],
    lsent: Sequence[Sentence],
    rsent: Sequence[Sentence],
    rejected: set[tuple[int, int]],
) -> None:
    """Headlines of both sides still free link to each other down to
    :data:`HEADLINE_THRESHOLD`, best pair first, in place in ``edges``."""
    taken_l = {i for i, _ in edges}
    taken_r = {j for _, j in edges}
    heads_l = [i for i, s in enumerate(lsent) if s.role == "headline" and i not in taken_l]
    heads_r = [j for j, s in enumerate(rsent) if s.role == "headline" and j not in taken_r]
    pairs = [(i, j) for i in heads_l for j in heads_r if (i, j) not in rejected]
    scored = sorted(zip(scorer.pair_scores(pairs), pairs, strict=True), key=lambda x: -x[0])
    for score, (i, j) in scored:
        if score >= HEADLINE_THRESHOLD and i not in taken_l and j not in taken_r:
            edges[i, j] = score
            taken_l.add(i)
            taken_r.add(j)


def _headlines_follow(
    scorer: _Scorer,
    edges: dict[tuple[int, int], float],
    lsent: Sequence[Sentence],
    rsent: Sequence[Sentence],
    rejected: set[tuple[int, int]],
    threshold: float,
) -> None:
    """A headline left without a counterpart joins the link of the body sentence it
    restates, in place in ``edges`` (positions of linkable sentences).

    A headline is a short summary: "North Korea and Russia sign landmark 'defence pact'"
    shares too few words with the other outlet's long opening sentence to be linked to it
    directly, though a reader sees that both report the signing. Its own article says
    the same at length, so a headline follows the body sentence of its own side that it
    most resembles into that sentence's link when it scores at least ``threshold``
    against it, or at least :data:`SECONDARY_FLOOR` against it *and* against its
    counterpart on the other side (two weaker signals that agree). It joins with the
    lower of its scores, so it never raises a link's score.
    """
    sides: tuple[tuple[Side, Sequence[Sentence]], ...] = (("left", lsent), ("right", rsent))
    for side, sents in sides:
        other = side == "left"  # the index, in an edge, of the other side's sentence
        linked = {e[not other] for e in edges}
        heads = [k for k, s in enumerate(sents) if s.role == "headline" and k not in linked]
        if not heads:
            continue
        body = np.fromiter((s.role == "body" for s in sents), dtype=bool, count=len(sents))
        # (headline, the other side's sentence, headline against body, the body's link)
        joins: list[tuple[int, int, float, float]] = []
        for h, (b, own) in zip(heads, scorer.restatements(side, heads, body), strict=True):
            if own >= SECONDARY_FLOOR and b in linked:
                joins += [(h, e[other], own, sc) for e, sc in edges.items() if e[not other] == b]
        keys = [(h, j) if side == "left" else (j, h) for h, j, _, _ in joins]
        direct = scorer.pair_scores(keys)
        for key, (_, _, own, sc), cross in zip(keys, joins, direct, strict=True):
            if key not in rejected and (own >= threshold or cross >= SECONDARY_FLOOR):
                edges[key] = min(own, sc)
