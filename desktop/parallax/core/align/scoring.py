"""Pass 2, scoring: the calibrated probability that two sentences report the same fact.

:class:`_Scorer` embeds both articles and builds their word bags once; then any pairs can be
scored on demand: a logistic model (:data:`~parallax.core.align.constants.WEIGHTS`) over the
embedding cosine and the word signals of :mod:`parallax.core.align.signals`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from parallax.core.align.candidates import (
    Pairs,
    _best_k,
    _no_pairs,
    _rare_word_pairs,
    _top_k_both_ways,
)
from parallax.core.align.constants import (
    BACKGROUND_YEARS,
    BIAS,
    FEATURES,
    RARE_DF,
    TIE,
    TOP_K,
    WEIGHTS,
)
from parallax.core.align.signals import _Bags, _pair_signals
from parallax.core.align.words import _YEAR_RE, _is_figure, content_stems, dated_years
from parallax.core.model import Side

#: Scored pairs as parallel lists, best first: left indexes, right indexes, scores.
Ranked = tuple[list[int], list[int], list[float]]
Embedder = Callable[[list[str]], npt.NDArray[np.float32]]


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """A candidate pair of sentences (indexes into each side), its score and its signals."""

    left: int
    right: int
    score: float
    cosine: float
    overlap: float
    containment: float


def _default_embedder(texts: list[str]) -> npt.NDArray[np.float32]:
    from parallax.core.embed import encoder

    return encoder().encode(texts)


def combine(features: Sequence[float]) -> float:
    """The calibrated score of a pair from its signals (see :data:`FEATURES`)."""
    z = BIAS + sum(w * x for w, x in zip(WEIGHTS, features, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def _logistic(features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """:func:`combine` for many pairs at once: one row of :data:`FEATURES` per pair."""
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-(BIAS + features @ np.asarray(WEIGHTS))))
    return out


class _Scorer:
    """The signals of both articles, computed once, so pairs can be scored on demand."""

    def __init__(
        self, left: Sequence[str], right: Sequence[str], embedder: Embedder | None
    ) -> None:
        embed = embedder or _default_embedder
        self.texts = (*left, *right)
        emb = embed([*left, *right])
        self.lstems = [content_stems(s) for s in left]
        self.rstems = [content_stems(s) for s in right]
        self.el, self.er = emb[: len(left)], emb[len(left) :]
        every = (*self.lstems, *self.rstems)
        self.vocab = {t: k for k, t in enumerate(dict.fromkeys(chain.from_iterable(every)))}
        self.figures = np.fromiter(map(_is_figure, self.vocab), dtype=bool, count=len(self.vocab))
        ones = np.ones(len(self.vocab))  # IDF comes once the document frequencies are known
        self.lbags = _Bags(self.lstems, self.vocab, ones, self.figures)
        self.rbags = _Bags(self.rstems, self.vocab, ones, self.figures)
        df_by_id = np.bincount(self.lbags.ids, minlength=len(self.vocab)) + np.bincount(
            self.rbags.ids, minlength=len(self.vocab)
        )
        #: In how many sentences of both articles each stem occurs.
        self.df = dict(zip(self.vocab, df_by_id.tolist(), strict=True))
        n_docs = len(left) + len(right)
        self.idf_by_id = np.log((n_docs + 1) / (df_by_id + 1)) + 1.0
        self.idf = dict(zip(self.vocab, self.idf_by_id.tolist(), strict=True))
        self.lbags.set_idf(self.idf_by_id)
        self.rbags.set_idf(self.idf_by_id)
        self._rare_figures: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None

    def candidates(self, top_k: int) -> Pairs:
        """Each sentence's ``top_k`` nearest by embedding, both ways, and the pairs sharing
        a rare word, without duplicates: (left index, right index, embedding cosine)."""
        m = len(self.er)
        if not len(self.el) or not m:
            return _no_pairs()
        li, rj, sims = _top_k_both_ways(self.el, self.er, top_k)
        cos = sims.astype(np.float64)
        rare = _rare_word_pairs(self.lstems, self.rstems, self.df)
        if rare:
            ei = np.fromiter((i for i, _ in rare), dtype=np.int64, count=len(rare))
            ej = np.fromiter((j for _, j in rare), dtype=np.int64, count=len(rare))
            new = ~np.isin(ei * m + ej, li * m + rj)
            ei, ej = ei[new], ej[new]
            dots = np.einsum("ij,ij->i", self.el[ei], self.er[ej]).astype(np.float64)
            li, rj, cos = np.r_[li, ei], np.r_[rj, ej], np.r_[cos, dots]
        return li, rj, cos

    def features(
        self, li: npt.NDArray[np.int64], rj: npt.NDArray[np.int64], cosines: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]:
        """The :data:`FEATURES` of the pairs ``(li[p], rj[p])``, one row per pair."""
        out = np.empty((len(li), len(FEATURES)))
        out[:, 0] = np.clip(cosines, -1.0, 1.0)
        out[:, 1:] = _pair_signals(self.lbags, self.rbags, self.figures, li, rj)
        return out

    def _scored(
        self, pairs: Pairs
    ) -> tuple[
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.float64],
        npt.NDArray[np.float64],
    ]:
        li, rj, cos = pairs
        feats = self.features(li, rj, cos)
        scores = _logistic(feats)
        # Best first. Ties go to the pair whose lower index is lower, then whose higher one is:
        # the same order whichever article is on the left (identical sentences tie, and the
        # links of A against B must be those of B against A). Scores within TIE of the next
        # one tie too: the matrix products give identical sentences cosines that differ in
        # the last bits, by their position in a block.
        first = np.argsort(-scores, kind="stable")
        ranked = scores[first]
        tied = np.r_[0, np.cumsum(ranked[:-1] - ranked[1:] > TIE)] if len(first) else first
        lo, hi = np.minimum(li[first], rj[first]), np.maximum(li[first], rj[first])
        order = first[np.lexsort((li[first], hi, lo, tied))]
        return li[order], rj[order], scores[order], feats[order]

    def score_ranked(self, pairs: Pairs) -> Ranked:
        """Score candidate pairs (left indexes, right indexes, cosines) in one go: parallel
        lists of left indexes, right indexes and scores, best first (ties broken by the lower
        of the two indexes, then the higher, whichever article is on the left). Plain lists
        of numbers keep the garbage collector idle."""
        li, rj, scores, _ = self._scored(pairs)
        return li.tolist(), rj.tolist(), scores.tolist()

    def score_many(self, pairs: Pairs) -> list[ScoredPair]:
        """Score candidate pairs as :func:`score_ranked` does, with their signals."""
        if not len(pairs[0]):
            return []
        li, rj, scores, feats = self._scored(pairs)
        return list(
            map(
                ScoredPair,
                li.tolist(),
                rj.tolist(),
                scores.tolist(),
                feats[:, 0].tolist(),
                feats[:, 1].tolist(),
                feats[:, 2].tolist(),
            )
        )

    def shares_rare_figure(self, i: int, j: int) -> bool:
        """Whether sentences ``i`` and ``j`` state the same figure (a number, a year or its
        decade) that at most RARE_DF sentences of both articles state."""
        if self._rare_figures is None:
            rare = frozenset(t for t, n in self.df.items() if n <= RARE_DF and _is_figure(t))
            self._rare_figures = (
                [rare.intersection(s) for s in self.lstems],
                [rare.intersection(s) for s in self.rstems],
            )
        lfig, rfig = self._rare_figures
        return not lfig[i].isdisjoint(rfig[j])

    def dated_apart(self) -> npt.NDArray[np.bool_]:
        """Which pairs (a ``left x right`` mask) have one sentence tell background dated
        years before the news and the other not name that time.

        A sentence is background when the years that date what it tells
        (:func:`~parallax.core.align.words.dated_years`) all lie at least
        :data:`BACKGROUND_YEARS` before the latest year either article names, and it names
        no weekday, month or "today" ("the treaty signed between North Korea and the
        Soviet Union in 1961", in reports of a new treaty that name 2000 too). It states an
        earlier event; paired with a sentence that shares none of its years or decades
        (the new treaty's "have signed a defence pact"), the two state different facts,
        however alike their words.
        """
        n, m = len(self.lstems), len(self.rstems)
        out = np.zeros((n, m), dtype=bool)
        dated = [dated_years(t) for t in self.texts]
        latest = max((y for every, _, _ in dated for y in every), default=None)
        if latest is None:
            return out
        before = latest - BACKGROUND_YEARS
        past = [k for k, (_, d, now) in enumerate(dated) if d and not now and max(d) <= before]
        if not past:
            return out
        stems = (*self.lstems, *self.rstems)
        years = [{t for t in words if _YEAR_RE.match(t)} for words in stems]
        for k in past:
            if k < n:
                out[k, :] |= [years[k].isdisjoint(years[n + j]) for j in range(m)]
            else:
                out[:, k - n] |= [years[k].isdisjoint(years[i]) for i in range(n)]
        return out

    def residual_scores(self, items: Sequence[tuple[int, int, Iterable[int], str]]) -> list[float]:
        """Score pairs ``(i, j)`` on what the linked side says beyond the sentences it already
        covers: how a second sentence shows it reports the rest of a longer one.

        Each item is ``(i, j, covered, side)``: with ``side == "right"``, ``j`` is already
        linked to the left sentences ``covered`` and only its other stems count; with
        ``"left"``, the same for ``i`` and right sentences. All pairs are scored at once.
        """
        if not items:
            return []
        lrest, rrest = [], []
        for i, j, covered, side in items:
            if side == "right":
                seen = {t for c in covered for t in self.lstems[c]}
                lrest.append(self.lstems[i])
                rrest.append([t for t in self.rstems[j] if t not in seen])
            else:
                seen = {t for c in covered for t in self.rstems[c]}
                lrest.append([t for t in self.lstems[i] if t not in seen])
                rrest.append(self.rstems[j])
        lb = _Bags(lrest, self.vocab, self.idf_by_id, self.figures)
        rb = _Bags(rrest, self.vocab, self.idf_by_id, self.figures)
        li = np.fromiter((i for i, _, _, _ in items), dtype=np.int64, count=len(items))
        rj = np.fromiter((j for _, j, _, _ in items), dtype=np.int64, count=len(items))
        feats = np.empty((len(items), len(FEATURES)))
        feats[:, 0] = np.clip(np.einsum("ij,ij->i", self.el[li], self.er[rj]), -1.0, 1.0)
        idx = np.arange(len(items))
        feats[:, 1:] = _pair_signals(lb, rb, self.figures, idx, idx)
        scores: list[float] = _logistic(feats).tolist()
        return scores

    def pair_scores(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """The scores of ``(left, right)`` pairs, in the order given."""
        if not pairs:
            return []
        li = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        rj = np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))
        cos = np.einsum("ij,ij->i", self.el[li], self.er[rj]).astype(np.float64)
        scores: list[float] = _logistic(self.features(li, rj, cos)).tolist()
        return scores

    def restatements(
        self, side: Side, sentences: Sequence[int], targets: npt.NDArray[np.bool_]
    ) -> list[tuple[int, float]]:
        """For each of ``sentences`` of one side, the sentence of the *same* side among
        ``targets`` (a mask) that it most resembles, and their score: a headline against
        the body of its own article. A sentence with no target gets ``(-1, 0.0)``."""
        emb, bags = (self.el, self.lbags) if side == "left" else (self.er, self.rbags)
        if not len(sentences) or not targets.any():
            return [(-1, 0.0)] * len(sentences)
        rows = np.asarray(sentences, dtype=np.int64)
        sims = emb[rows] @ emb.T
        sims[:, ~targets] = -np.inf
        sims[np.arange(len(rows)), rows] = -np.inf
        pick_r, pick_c, cos = _best_k(sims, min(TOP_K, int(targets.sum())))
        li, rj = rows[pick_r], pick_c.astype(np.int64)
        feats = np.empty((len(li), len(FEATURES)))
        feats[:, 0] = np.clip(cos, -1.0, 1.0)
        feats[:, 1:] = _pair_signals(bags, bags, self.figures, li, rj)
        scores = _logistic(feats)
        best: dict[int, tuple[int, float]] = {}
        for r, j, sc in zip(pick_r.tolist(), rj.tolist(), scores.tolist(), strict=True):
            if sc > best.get(r, (-1, -1.0))[1]:
                best[r] = (j, sc)
        return [best.get(r, (-1, 0.0)) for r in range(len(rows))]


def score_pairs(
    left: Sequence[str],
    right: Sequence[str],
    *,
    top_k: int = TOP_K,
    score_cutoff: float = 0.0,
    embedder: Embedder | None = None,
) -> list[ScoredPair]:
    """Score the promising sentence pairs of two articles.

    Args:
        left: Sentences of the left article.
        right: Sentences of the right article.
        top_k: Embedding neighbours per sentence to consider, from each side.
        score_cutoff: Pairs scoring below this are dropped (rapidfuzz's convention).
        embedder: Turns texts into L2-normalised rows (default: the shipped model).

    Returns:
        Scored pairs, best first.
    """
    if not left or not right:
        return []
    scorer = _Scorer(left, right, embedder)
    return [p for p in scorer.score_many(scorer.candidates(top_k)) if p.score >= score_cutoff]
