"""Shared facts between two articles: the refined scorer and the grouping of links.

Real coverage is many-to-many: a headline, the lead and a quote of one outlet often all
state the fact that the other outlet's lead and a later sentence state. A link is
therefore a *fact*: all the sentences on each side that state it. This module holds the
parts of the aligner that work that way (:func:`parallax.core.align.align` runs them
when it is given a contextual encoder):

1. **The refined score** of a sentence pair: the static signals of
   :mod:`parallax.core.align` plus those of the contextual encoder
   (:mod:`parallax.core.contextual`): the cosine of the pooled vectors, and how much of
   each sentence's word pieces find a close counterpart in the other, IDF-weighted
   (BERTScore's greedy matching; the smaller share says both state the same thing, the
   larger that one sentence contains the other's fact); word trigrams both share (a
   quote, a title, a fixed phrase, even when one outlet split the sentence); whether
   either is a headline; and whether the static pass linked them (its one-to-one
   assignment, competitive linking and headline rules carry evidence of context that a
   lone pair's signals lack). A logistic model fitted on hand-judged sentence pairs of real
   articles by two outlets on one event (``tests/bench/fit_facts.py``) turns them into
   the probability that the two state a shared fact.
2. **The final score.** A second logistic model (:data:`FINAL_FEATURES`) adds two priors of
   news writing to the refined score: the openings of two reports of one event state its
   main facts, and the further apart two sentences sit in their articles, the less likely
   they state one fact; and how each sentence's counterparts rank (a pair of mutual best
   counterparts is likelier one fact than a pair where either has closer ones). It was
   fitted on other hand-judged article pairs than the refined
   model (``tests/bench/fit_final.py``).
3. **Facts.** Pairs are taken strongest first from :data:`FACT_SEED` (:data:`FINAL_SEED`
   on final scores) down; each one not yet inside a fact starts one, which grows by the
   sentence (of either side) whose mean score against the fact's sentences of the other
   side is highest, while that mean is at least :data:`FACT_MEAN` and none of its scores
   is below :data:`FACT_MIN` (:data:`FINAL_MEAN`, :data:`FINAL_MIN`). A sentence
   may sit in two facts; a fact never chains through a weak pair, because every pair
   inside it (the cross product of its two sides) is scored, not just a path.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from parallax.core.contextual import Encoded

#: The refined signals of a pair, in the order of :data:`WEIGHTS`.
FEATURES: Final = (
    "cosine",
    "overlap",
    "cover_max",
    "cover_min",
    "figures_differ",
    "context_cosine",
    "pieces_min",
    "pieces_max",
    "trigrams",
    "headline",
    "static_link",
)
# WEIGHTS and BIAS are printed by tests/bench/fit_final.py --model ENCODER --refit on the
# 23 hand-judged article pairs of the developers' "pages" gold that the shipped encoder was
# not fine-tuned on (fold 1 of tests/bench/fit_final.py's cross-fit; the encoder learned
# from the 12 dev pairs and the other 23), so the signals they weigh are those of unseen
# news. FACT_SEED, FACT_MEAN and FACT_MIN, the thresholds of the refined score alone
# (group_facts' defaults; the aligner uses the FINAL_ ones), were chosen with the encoder
# before it on 45 other judged pairs; FACT_MIN 0.15 keeps a fact from taking in a sentence
# that one of its members barely meets.
#: Logistic weights over :data:`FEATURES` and a bias.
WEIGHTS: Final = (1.510, 3.354, 0.530, 0.321, -1.032, 3.813, 4.317, 4.493, 0.427, 0.281, 0.102)
BIAS: Final = -7.313
#: Pairs scoring at least this start a fact.
FACT_SEED: Final = 0.3
#: A sentence joins a fact when its mean score against the fact's other side is this high...
FACT_MEAN: Final = 0.3
#: ...and none of those scores is below this.
FACT_MIN: Final = 0.15
#: Shared word trigrams counted up to this many.
TRIGRAM_CAP: Final = 4

#: The signals of the final score of a pair, in the order of :data:`FINAL_WEIGHTS`: the
#: refined score as a logit; whether both sentences open their articles (two reports of
#: one event state its main facts in the headline and the first sentences); how far apart
#: the two sit, as shares of their articles; and how many sentences of the other article
#: score higher against each of the two (capped at :data:`RANK_CAP`, as a share of it): a
#: pair is likelier one fact when each is the other's best counterpart than when either
#: has closer ones, which a lone pair's score cannot know.
FINAL_FEATURES: Final = ("refined", "both_lead", "position_gap", "left_rank", "right_rank")
#: Ranks of a pair among its sentences' counterparts are counted up to this.
RANK_CAP: Final = 5
# FINAL_WEIGHTS, FINAL_BIAS and the FINAL_ thresholds are printed by tests/bench/
# fit_final.py --model ENCODER --refit on the same 23 article pairs: the weights of a
# logistic regression over all their scored pairs; the thresholds, kept from the encoder
# before (the best setting now lowers FINAL_MIN to 0.2 for 0.008 more recall at precision
# 0.801, within noise), give P 0.812, R 0.511 when each article pair is scored by refined
# and final weights fitted without it, against P 0.800, R 0.440 for the encoder before
# with its refined weights refitted the same way (P 0.801, R 0.420 as shipped). On the
# developers' dev set (12 pairs of US outlets, which both encoders learned from): recall
# 0.583 -> 0.617, precision over judged 0.952 -> 0.969.
#: Logistic weights over :data:`FINAL_FEATURES` and a bias.
FINAL_WEIGHTS: Final = (0.724, 1.436, -0.427, -0.959, -0.950)
FINAL_BIAS: Final = 0.296
#: Sentences (the headline included) that count as an article's opening.
LEAD_SENTENCES: Final = 4
#: On final scores, pairs scoring at least this start a fact...
FINAL_SEED: Final = 0.6
#: ...a sentence joins a fact at this mean score against the fact's other side...
FINAL_MEAN: Final = 0.75
#: ...and none of those scores below this.
FINAL_MIN: Final = 0.3

# RERANK_WEIGHTS and RERANK_BIAS are printed by tests/bench/fit_rerank.py --reranker MODEL_A
# on the 24 hand-judged article pairs (gold_p3e..h) that MODEL_A, a reranker trained like the
# shipped one without them, never saw (the shipped reranker learned from all 48 pairs of the
# developers' gold p3a..h and the 12 dev pairs). RERANK_SEED and RERANK_MEAN were chosen
# with tests/bench/sweep_links.py on 30 other judged pairs (gold_r1..r4 and the dev set):
# seed 0.5 and mean 0.6 give recall 0.606 at strict precision 0.885 there, against 0.567 at
# 0.902 for the seed 0.55 and mean 0.75 before, and 0.595 at 0.849 (before: 0.535 at 0.849)
# on 24 pairs judged by others (gold_r5..r8); lower seeds link the sample pair's headline
# to the treaty's cooperation on nuclear energy. They became possible once a sentence
# dated years before the news no longer links to the news (Scorer.dated_apart): before
# that, any seed under 0.533 linked the 1961 treaty to the new pact's signing.
# RERANK_FLOOR and RERANK_TOP bound the reranker's cost (a story of ten articles: 15.3 s ->
# 8.6 s) with recall 0.518 -> 0.521 at precision 0.803 -> 0.807 on gold_p3e..h: a pair
# under 0.2 reaches RERANK_MIN only with a logit the reranker rarely gives. On 36 judged
# pairs none of the models or fits saw (gold_p3i..n): recall 0.445 -> 0.470 at strict
# precision 0.841 -> 0.853 (0.483 at 0.859 without the bounds). The weights were fitted
# before the bounds, on every pair scoring 0.05 or more; fit_rerank.py now fits on the pairs
# the aligner lets the reranker read, and prints other weights for them.
#: The signals of the reranked score of a pair, in the order of :data:`RERANK_WEIGHTS`:
#: the final score as a logit and the cross-encoder's logit (:mod:`parallax.core.rerank`).
RERANK_FEATURES: Final = ("final", "cross")
#: Pairs whose final score is at least this are read by the cross-encoder...
RERANK_FLOOR: Final = 0.2
#: ...when among this many best counterparts of its left or its right sentence; the
#: others keep their final score.
RERANK_TOP: Final = 2
#: Logistic weights over :data:`RERANK_FEATURES` and a bias.
RERANK_WEIGHTS: Final = (0.716, 0.265)
RERANK_BIAS: Final = -0.030
#: On reranked scores, pairs scoring at least this start a fact...
RERANK_SEED: Final = 0.5
#: ...a sentence joins a fact at this mean score against the fact's other side...
RERANK_MEAN: Final = 0.6
#: ...and none of those scores below this.
RERANK_MIN: Final = 0.3

_WORD: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
Scores = npt.NDArray[np.float64]


@functools.lru_cache(maxsize=1 << 14)
def trigrams(text: str) -> frozenset[tuple[str, ...]]:
    """The word trigrams of a sentence, lower-cased, apostrophes unified (kept for the
    sentences seen last: a story compares each article with every other one)."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def piece_idf(encoded: Encoded) -> npt.NDArray[np.float64]:
    """IDF of every vocabulary id over the sentences of ``encoded`` (both articles)."""
    size = max((int(ids.max()) for ids in encoded.piece_ids if len(ids)), default=0) + 1
    df = np.zeros(size)
    for ids in encoded.piece_ids:
        df[np.unique(ids)] += 1
    n = len(encoded.piece_ids)
    out: npt.NDArray[np.float64] = np.log((n + 1) / (df + 1)) + 1.0
    return out


def piece_cover(
    left: Sequence[npt.NDArray[np.floating[Any]]],
    left_ids: Sequence[npt.NDArray[np.int64]],
    right: Sequence[npt.NDArray[np.floating[Any]]],
    right_ids: Sequence[npt.NDArray[np.int64]],
    idf: npt.NDArray[np.float64],
    li: npt.NDArray[np.int64],
    rj: npt.NDArray[np.int64],
) -> tuple[Scores, Scores]:
    """For pairs ``(li[p], rj[p])``: the IDF-weighted share of the left sentence's word
    pieces that find their best match in the right one (mean of the best cosines), and the
    same from the right; returned as (smaller share, larger share)."""
    n = len(li)
    lo, hi = np.zeros(n), np.zeros(n)
    by_left: dict[int, list[int]] = {}
    for p, i in enumerate(li.tolist()):
        by_left.setdefault(i, []).append(p)
    if n >= DENSE_SHARE * len(left) * len(right):
        _dense_cover(left, left_ids, right, right_ids, idf, li, rj, by_left, lo, hi)
        return lo, hi
    right32: dict[int, npt.NDArray[np.float32]] = {}
    for i, ps in by_left.items():
        a, wa = left[i].astype(np.float32), idf[left_ids[i]]
        if not len(a):
            continue
        # Each candidate once, in blocks side by side: the best match of every piece of
        # ``i`` in each candidate and of each candidate's pieces in ``i``, in a few array
        # operations rather than one small product per pair.
        kept = [(p, j) for p, j in zip(ps, rj[ps].tolist(), strict=True) if len(right[j])]
        if not kept:
            continue
        for _, j in kept:
            if j not in right32:
                right32[j] = right[j].astype(np.float32)
        blocks = [right32[j] for _, j in kept]
        starts = np.cumsum([0, *(len(b) for b in blocks[:-1])])
        sims = a @ np.vstack(blocks).T  # i's pieces x every candidate's
        _cover_into(sims, wa, np.concatenate([idf[right_ids[j]] for _, j in kept]), starts,
                    np.fromiter((p for p, _ in kept), dtype=np.int64, count=len(kept)),
                    np.arange(len(kept)), lo, hi)  # fmt: skip
    return lo, hi


#: Candidate pairs, as a share of all sentence pairs, from which :func:`piece_cover` scores
#: every pair: short articles (a story's) have nearly all their pairs as candidates.
DENSE_SHARE: Final = 0.5
#: Word pieces x word pieces scored at once when scoring every pair (16 MB of float32).
_DENSE_CHUNK: Final = 4_000_000


def _cover_into(
    sims: npt.NDArray[np.float32],
    wa: npt.NDArray[np.float64],
    wb: npt.NDArray[np.float64],
    starts: npt.NDArray[np.int64],
    where: npt.NDArray[np.int64],
    blocks: npt.NDArray[np.int64],
    lo: Scores,
    hi: Scores,
) -> None:
    """From one left sentence's pieces x the pieces of right sentences side by side (each
    starting at ``starts``): the covers of the pairs ``where``, whose right sentences are
    the blocks ``blocks``."""
    best_of_left = np.maximum.reduceat(sims, starts, axis=1)[:, blocks].astype(np.float64)
    from_left = (best_of_left * wa[:, None]).sum(0) / wa.sum()
    weighted = sims.max(0).astype(np.float64) * wb
    from_right = (np.add.reduceat(weighted, starts) / np.add.reduceat(wb, starts))[blocks]
    lo[where] = np.minimum(from_left, from_right)
    hi[where] = np.maximum(from_left, from_right)


def _dense_cover(
    left: Sequence[npt.NDArray[np.floating[Any]]],
    left_ids: Sequence[npt.NDArray[np.int64]],
    right: Sequence[npt.NDArray[np.floating[Any]]],
    right_ids: Sequence[npt.NDArray[np.int64]],
    idf: npt.NDArray[np.float64],
    li: npt.NDArray[np.int64],
    rj: npt.NDArray[np.int64],
    by_left: dict[int, list[int]],
    lo: Scores,
    hi: Scores,
) -> None:
    """:func:`piece_cover` when most pairs are candidates: every right sentence's pieces in
    one matrix, and many left sentences' pieces against it in one product (small products
    one sentence at a time spend more on starting the BLAS threads than on multiplying,
    and on a busy two-core machine many times more)."""
    full = [j for j in range(len(right)) if len(right[j])]
    if not full:
        return
    block_of = np.full(len(right), -1, dtype=np.int64)
    block_of[full] = np.arange(len(full))
    matrix = np.vstack([right[j] for j in full]).astype(np.float32)
    starts = np.cumsum([0, *(len(right[j]) for j in full[:-1])])
    wb = np.concatenate([idf[right_ids[j]] for j in full])
    rows = [i for i in by_left if len(left[i])]
    per_chunk = max(1, _DENSE_CHUNK // max(1, len(matrix)))
    k = 0
    while k < len(rows):
        chunk: list[int] = []
        size = 0
        while k < len(rows) and (not chunk or size + len(left[rows[k]]) <= per_chunk):
            chunk.append(rows[k])
            size += len(left[rows[k]])
            k += 1
        sims = np.vstack([left[i] for i in chunk]).astype(np.float32) @ matrix.T
        at = 0
        for i in chunk:
            ps = np.asarray(by_left[i], dtype=np.int64)
            blocks = block_of[rj[ps]]
            keep = blocks >= 0
            mine = sims[at : at + len(left[i])]
            at += len(left[i])
            if keep.any():
                _cover_into(mine, idf[left_ids[i]], wb, starts, ps[keep], blocks[keep], lo, hi)


def logistic(features: npt.NDArray[np.float64]) -> Scores:
    """The refined score of each row of :data:`FEATURES`."""
    z = BIAS + features @ np.asarray(WEIGHTS)
    out: Scores = 1.0 / (1.0 + np.exp(-z))
    return out


def _logit(p: Scores) -> Scores:
    """The log-odds of probabilities, kept finite at 0 and 1."""
    q = np.clip(p, 1e-6, 1 - 1e-6)
    out: Scores = np.log(q / (1 - q))
    return out


def final_features(
    refined: Scores,
    li: npt.NDArray[np.int64],
    rj: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """The :data:`FINAL_FEATURES` of pairs ``(li[p], rj[p])`` of a dense ``left x right``
    refined-score matrix (0 for pairs never scored)."""
    n, m = refined.shape
    values = refined[li, rj]
    out = np.empty((len(li), len(FINAL_FEATURES)))
    out[:, 0] = _logit(values)
    out[:, 1] = (li < LEAD_SENTENCES) & (rj < LEAD_SENTENCES)
    out[:, 2] = np.abs(li / max(n, 1) - rj / max(m, 1))
    out[:, 3] = _rank(refined, li, values)
    out[:, 4] = _rank(refined.T, rj, values)
    return out


def _rank(scores: Scores, rows: npt.NDArray[np.int64], values: Scores) -> Scores:
    """How many entries of ``scores[rows[p]]`` beat ``values[p]``, capped at
    :data:`RANK_CAP` and divided by it (0: the best of its row)."""
    if not len(rows):
        return np.zeros(0)
    k = min(RANK_CAP + 1, scores.shape[1])
    top = -np.partition(-scores, k - 1, axis=1)[:, :k]  # each row's k highest, any order
    beaten = (top[rows] > values[:, None]).sum(axis=1)
    out: Scores = np.minimum(beaten, RANK_CAP) / RANK_CAP
    return out


def final_scores(features: npt.NDArray[np.float64]) -> Scores:
    """The final score of each row of :data:`FINAL_FEATURES`."""
    z = FINAL_BIAS + features @ np.asarray(FINAL_WEIGHTS)
    out: Scores = 1.0 / (1.0 + np.exp(-z))
    return out


def rerank_features(final: Scores, cross: Scores) -> npt.NDArray[np.float64]:
    """The :data:`RERANK_FEATURES` of pairs with final scores ``final`` and cross-encoder
    logits ``cross``."""
    return np.column_stack([_logit(final), cross])


def link_scores(refined: Scores, cross: Scores) -> Scores:
    """A pair's score as a link gives it when the reranker read it: the refined logit
    moved by the cross-encoder's logit, weighed against it as the reranked score weighs
    the two (through the final score's weight of the refined logit), without the priors of
    position: still the probability that the two state a shared fact, read from the
    sentences alone."""
    weight = RERANK_WEIGHTS[1] / (RERANK_WEIGHTS[0] * FINAL_WEIGHTS[0])
    z = _logit(refined) + weight * cross
    out: Scores = 1.0 / (1.0 + np.exp(-z))
    return out


def reranked(features: npt.NDArray[np.float64]) -> Scores:
    """The reranked score of each row of :data:`RERANK_FEATURES`."""
    z = RERANK_BIAS + features @ np.asarray(RERANK_WEIGHTS)
    out: Scores = 1.0 / (1.0 + np.exp(-z))
    return out


def rescored(refined: Scores) -> Scores:
    """A copy of a dense ``left x right`` refined-score matrix with every scored pair
    (above 0) given its final score; pairs never scored stay at 0."""
    out = refined.copy()
    li, rj = np.nonzero(refined > 0)
    out[li, rj] = final_scores(final_features(refined, li, rj))
    return out


def group_facts(
    scores: npt.NDArray[np.float64],
    *,
    seed: float = FACT_SEED,
    mean: float = FACT_MEAN,
    floor: float = FACT_MIN,
    pinned: Sequence[tuple[int, int]] = (),
) -> list[tuple[list[int], list[int]]]:
    """Group the scored pairs of a dense ``left x right`` score matrix into facts.

    Args:
        scores: Pair scores (0 for pairs never scored).
        seed: A pair at least this strong, not yet inside a fact, starts one.
        mean: A sentence joins a fact when its mean score against the fact's sentences
            of the other side is at least this...
        floor: ...and its lowest score against them is at least this.
        pinned: Pairs a person linked. Each is a fact of its own, exactly that pair, first
            in the result: never grown, never merged, and no other fact holds both its
            sentences (either sentence may still state another fact with other sentences).

    Returns:
        ``(left sentences, right sentences)`` per fact: the pinned pairs in the order
        given, then the others, strongest seed first.
    """
    n, m = scores.shape
    kept = list(dict.fromkeys((int(i), int(j)) for i, j in pinned))
    if kept:  # a pinned pair is decided: the grouping neither seeds from it nor spans it
        scores = scores.copy()
        for i, j in kept:
            scores[i, j] = 0.0
    covered = np.zeros((n, m), dtype=bool)
    facts: list[tuple[list[int], list[int]]] = []
    flat = np.argsort(-scores, axis=None, kind="stable")
    strong = flat[scores.reshape(-1)[flat] >= seed]
    for i, j in (divmod(int(k), m) for k in strong):
        if covered[i, j]:
            continue
        lefts, rights = [i], [j]
        while True:
            cols = scores[:, rights]
            lmean = cols.mean(axis=1)
            lok = (cols.min(axis=1) >= floor) & (lmean >= mean)
            lok[lefts] = False
            rows = scores[lefts, :]
            rmean = rows.mean(axis=0)
            rok = (rows.min(axis=0) >= floor) & (rmean >= mean)
            rok[rights] = False
            best_l = int(np.where(lok, lmean, -1.0).argmax())
            best_r = int(np.where(rok, rmean, -1.0).argmax())
            if not lok[best_l] and not rok[best_r]:
                break
            if lok[best_l] and (not rok[best_r] or lmean[best_l] >= rmean[best_r]):
                lefts.append(best_l)
            else:
                rights.append(best_r)
        covered[np.ix_(lefts, rights)] = True
        facts.append((sorted(lefts), sorted(rights)))
    grouped = _merge_overlapping(scores, facts, mean, floor)
    return [([i], [j]) for i, j in kept] + grouped


def _merge_overlapping(
    scores: npt.NDArray[np.float64],
    facts: list[tuple[list[int], list[int]]],
    mean: float,
    floor: float,
) -> list[tuple[list[int], list[int]]]:
    """Merge facts that share sentences on both sides when the merged fact still passes
    the joining rule (mean and floor over its whole cross product): two seeds of one fact
    grown in slightly different directions are one fact to a reader."""
    out: list[tuple[list[int], list[int]]] = []
    for ls, rs in facts:
        for k, (ol, orr) in enumerate(out):
            if set(ls).isdisjoint(ol) or set(rs).isdisjoint(orr):
                continue
            ml, mr = sorted({*ls, *ol}), sorted({*rs, *orr})
            block = scores[np.ix_(ml, mr)]
            if block.min() >= floor and block.mean() >= mean:
                out[k] = (ml, mr)
                break
        else:
            out.append((ls, rs))
    return out
