"""The refined links: the pairs scored again with the contextual encoder and grouped into facts.

With a contextual encoder, the static scorer's signals are joined by those of
:mod:`parallax.core.contextual`, scored by the model of :mod:`parallax.core.facts` and
grouped into shared facts, where a sentence may sit in two.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from parallax.core import facts as F
from parallax.core.align.candidates import _top_k_both_ways
from parallax.core.align.constants import ALL_PAIRS_LIMIT, REFINED_TOP_K
from parallax.core.align.scoring import _Scorer
from parallax.core.contextual import Encoded
from parallax.core.model import Sentence
from parallax.core.rerank import Reranker


def refined_features(
    scorer: _Scorer,
    encoded: Encoded,
    li: npt.NDArray[np.int64],
    rj: npt.NDArray[np.int64],
    headline: npt.NDArray[np.bool_],
    static: npt.NDArray[np.bool_],
) -> npt.NDArray[np.float64]:
    """The :data:`parallax.core.facts.FEATURES` of pairs ``(li[p], rj[p])``; ``headline``
    marks pairs with a headline on either side, ``static`` those the static pass linked."""
    n = len(scorer.el)
    cos = np.einsum("ij,ij->i", scorer.el[li], scorer.er[rj]).astype(np.float64)
    out = np.empty((len(li), len(F.FEATURES)))
    out[:, :5] = scorer.features(li, rj, cos)
    pooled = encoded.pooled
    out[:, 5] = np.einsum("ij,ij->i", pooled[li], pooled[rj + n])
    idf = F.piece_idf(encoded)
    pieces, ids = encoded.pieces, encoded.piece_ids
    lo, hi = F.piece_cover(pieces[:n], ids[:n], pieces[n:], ids[n:], idf, li, rj)
    out[:, 6], out[:, 7] = lo, hi
    grams = [F.trigrams(t) for t in scorer.texts]
    out[:, 8] = [
        min(len(grams[i] & grams[n + j]), F.TRIGRAM_CAP) / F.TRIGRAM_CAP
        for i, j in zip(li.tolist(), rj.tolist(), strict=True)
    ]
    out[:, 9] = headline
    out[:, 10] = static
    return out


def _plausible(final: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.int64], ...]:
    """The pairs the reranker reads: final score at least :data:`~parallax.core.facts.
    RERANK_FLOOR`, among the :data:`~parallax.core.facts.RERANK_TOP` best of their left or
    of their right sentence (a sentence's weaker candidates stay as they are)."""
    k = F.RERANK_TOP
    n, m = final.shape
    best = np.zeros((n, m), dtype=bool)
    if m > k:
        rows = np.argpartition(-final, k - 1, axis=1)[:, :k]
        best[np.arange(n)[:, None], rows] = True
    else:
        best[:] = True
    if n > k:
        cols = np.argpartition(-final, k - 1, axis=0)[:k, :]
        best[cols, np.arange(m)[None, :]] = True
    else:
        best[:] = True
    li, rj = np.nonzero(best & (final >= F.RERANK_FLOOR))
    return li.astype(np.int64), rj.astype(np.int64)


def _refined_facts(
    scorer: _Scorer,
    encoded: Encoded,
    lsent: Sequence[Sentence],
    rsent: Sequence[Sentence],
    static: set[tuple[int, int]],
    pinned: set[tuple[int, int]],
    rejected: set[tuple[int, int]],
    *,
    reranker: Reranker | None = None,
    progress: Callable[[float], None] | None = None,
) -> list[tuple[list[int], list[int], float]]:
    """Score pairs with the refined model, add the priors of the final score, let the
    ``reranker`` read the plausible pairs again and group them into facts: (left positions,
    right positions, score) per fact, positions into ``lsent``/``rsent``. The ``pinned``
    pairs are left out of the result (the aligner links each as it is) and no fact holds
    both sentences of one."""
    n, m = len(lsent), len(rsent)
    if n * m <= ALL_PAIRS_LIMIT:
        li = np.repeat(np.arange(n, dtype=np.int64), m)
        rj = np.tile(np.arange(m, dtype=np.int64), n)
    else:
        sl, sr, _ = scorer.candidates(REFINED_TOP_K)
        cl, cr, _ = _top_k_both_ways(encoded.pooled[:n], encoded.pooled[n:], REFINED_TOP_K)
        st = np.array([i * m + j for i, j in static], dtype=np.int64)
        keys = np.unique(np.r_[sl * m + sr, cl * m + cr, st])
        li, rj = keys // m, keys % m
    lhead = np.fromiter((s.role == "headline" for s in lsent), dtype=bool, count=n)
    rhead = np.fromiter((s.role == "headline" for s in rsent), dtype=bool, count=m)
    linked = np.zeros((n, m), dtype=bool)
    for i, j in static:
        linked[i, j] = True
    feats = refined_features(scorer, encoded, li, rj, lhead[li] | rhead[rj], linked[li, rj])
    scores = np.zeros((n, m))
    scores[li, rj] = F.logistic(feats)
    # Facts are grouped on the final scores (reranked when a reranker is given); a link's
    # score (and so its kind) is the refined one, the probability that its sentences
    # state a shared fact read from the sentences alone, joined by the reranker's verdict.
    final = F.rescored(scores)
    seed, mean, floor = F.FINAL_SEED, F.FINAL_MEAN, F.FINAL_MIN
    if reranker is not None:
        # The cross-encoder reads each plausible pair as one input; its verdict and the
        # final score make the score the pairs are grouped on.
        ci, cj = _plausible(final)
        if len(ci):
            pairs = [
                (lsent[i].text, rsent[j].text)
                for i, j in zip(ci.tolist(), cj.tolist(), strict=True)
            ]
            cross = reranker.logits(pairs, progress=progress)
            final[ci, cj] = F.reranked(F.rerank_features(final[ci, cj], cross))
            scores[ci, cj] = F.link_scores(scores[ci, cj], cross)
        seed, mean, floor = F.RERANK_SEED, F.RERANK_MEAN, F.RERANK_MIN
    # A pair the static pass linked for a rare figure both state (a year meets its decade:
    # "1961" and "the 1960s") is a specific fact a reader compares: it seeds a fact.
    # A headline pair the static pass linked by its headline rules (two outlets' headlines;
    # a headline joining the link of the lead it restates) starts a fact unless the final
    # score rules it out: a headline restates the lead, so the lead's own sentences often
    # outrank it against the other side, which the final score counts against any pair.
    for i, j in static:
        if scorer.shares_rare_figure(i, j) or ((lhead[i] or rhead[j]) and final[i, j] >= floor):
            final[i, j] = max(final[i, j], seed)
    for i, j in rejected:
        scores[i, j] = final[i, j] = 0.0
    # A sentence dated years before the news states an earlier event, never the news the
    # other outlet reports in a sentence without that date.
    apart = scorer.dated_apart()
    scores[apart] = final[apart] = 0.0
    kept = sorted(pinned)
    facts = F.group_facts(final, seed=seed, mean=mean, floor=floor, pinned=kept)
    # The pinned pairs come first, exactly as pinned; the aligner makes their links.
    return [(ls, rs, float(scores[np.ix_(ls, rs)].max())) for ls, rs in facts[len(kept) :]]
