"""Linking the sentences of two articles that report the same fact.

Two outlets tell one event in a different order and in different words, so this is not a
diff: any sentence may link to any other, and one sentence may cover two. The aligner runs
in three passes, each close to linear in the size of the articles:

1. **Candidates.** Every sentence is embedded with a static sentence-embedding model
   (:mod:`parallax.core.embed`), and for each sentence the ``top_k`` most similar sentences
   of the other side are found block by block (one matrix product per block, never the
   whole similarity matrix at once). Sentences that share a rare word — a name, a number —
   become candidates too, through an inverted index of words that occur in only a few
   sentences. Only these candidates are scored further.
2. **Scoring.** Each candidate pair gets the signals of :data:`FEATURES`, all computed at
   once with sparse-matrix arithmetic in NumPy: the embedding cosine (paraphrase: "pact"
   and "treaty"), the cosine of IDF-weighted content-word stems (the specific facts both
   state; IDF over both articles, so names that occur everywhere weigh little), how much
   of each sentence's IDF mass the other covers (the larger share: one sentence contained
   in a longer one; the smaller: how much both say in common), and whether both state
   figures and share none. A logistic model turns them into a calibrated probability
   that the two report at least roughly the same fact; its weights and thresholds were
   fitted on held-out news (``tests/bench/fit_align.py``) and are measured on the other
   half (``tests/bench/heldout_align.py``).
3. **Assignment.** One-to-one greedy by score above :data:`LINK_THRESHOLD`; then
   competitive linking among the sentences still free, down to :data:`MUTUAL_FLOOR` (two
   sentences that are each other's best remaining counterpart, each having had a rival);
   then second counterparts, where a longer sentence covers two facts: a free sentence
   joins a linked one when it matches what that one says beyond its first counterpart,
   or shares a rare figure with it (a year meets its decade: "1961" and "the 1960s").
   Headlines are short summaries and get two rules of their own: two headlines still free
   link down to :data:`HEADLINE_THRESHOLD`, and a headline still free follows the body
   sentence of its own article that it restates into that sentence's link. Connected
   pairs become many-to-many :class:`~parallax.core.model.Link` records, each with the
   differences of :mod:`parallax.core.differences`.

User-pinned pairs are always linked and user-rejected pairs never are, in the manner of
meld's sync points: the rest is aligned around them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Final

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel

from parallax.core import facts as F
from parallax.core.contextual import ContextualEncoder, Encoded
from parallax.core.differences import find_differences
from parallax.core.model import Document, Link, LinkKind, Sentence, Side

#: The signals of a pair, in the order of :data:`WEIGHTS` (see ``_Scorer.features``).
FEATURES: Final = ("cosine", "overlap", "cover_max", "cover_min", "figures_differ")

# WEIGHTS, BIAS, LINK_THRESHOLD, PARAPHRASE_THRESHOLD, MUTUAL_FLOOR and HEADLINE_THRESHOLD
# were fitted by ``tests/bench/fit_align.py`` (run it after changing a signal and paste
# what it prints):
# a logistic regression (Newton's method, tiny L2) over FEATURES on the calib half of the
# STS benchmark's 4,299 news pairs, each pair's signals computed inside a context of 40
# pairs so that IDF varies as in an article; a link is a pair graded >= 3.0 ("roughly
# equivalent, some important information differs"). A score is thus a calibrated
# probability that two sentences report at least roughly the same fact (on the eval half:
# 0.09 of pairs scored 0-0.2 are links, 0.53 of those scored 0.4-0.6, 0.91 of 0.8-1).
# MUTUAL_FLOOR is set on article pairs about different events (DUC 2003 summaries, Lee
# corpus stories), where every link is false; HEADLINE_THRESHOLD on headline summaries.
# SECONDARY_FLOOR and FIGURE_FLOOR are set by hand and checked on the same material.
#: Logistic weights over :data:`FEATURES` and a bias.
WEIGHTS: Final = (3.033, 1.737, 2.470, 1.322, -1.534)
BIAS: Final = -4.743
#: Score at or above which two sentences are linked (best F1 on the calib half).
LINK_THRESHOLD: Final = 0.48
#: Score at or above which a link reports the same fact in other words (else "partial"):
#: best F1 for "gold >= 4.0, mostly equivalent" on the calib half.
PARAPHRASE_THRESHOLD: Final = 0.80
#: Sentences still free after the first pass, each the other's best remaining counterpart
#: and each with a rival candidate, are linked down to this score (competitive linking).
MUTUAL_FLOOR: Final = 0.30
#: Two headlines link at or above this score: best F1 on the calib half of the ROUGE
#: "SL2003" headline summaries (one story's headlines by different writers against other
#: stories'), scored in context; on the eval half P/R/F1 0.959/0.662/0.783, against
#: 1.000/0.380/0.551 at LINK_THRESHOLD. Headlines say in a few words what sentences say at
#: length, so they share fewer words.
HEADLINE_THRESHOLD: Final = 0.16
#: Normalised edit similarity at or above which two sentences are the same statement.
SAME_THRESHOLD: Final = 0.9
#: A second counterpart needs at least this score, both overall and on the residual
#: (what the linked sentence says beyond its first counterpart).
SECONDARY_FLOOR: Final = 0.2
#: A second counterpart that shares a rare figure with the linked sentence needs only this.
FIGURE_FLOOR: Final = 0.1
#: Embedding neighbours taken per sentence, from each side.
TOP_K: Final = 3
#: Words in at most this many sentences (both sides together) propose candidates.
RARE_DF: Final = 3
#: Rows of the similarity matrix computed at once (bounds memory on long documents).
BLOCK: Final = 512
#: Scores this close rank as a tie (broken the same way whichever article is on the left).
TIE: Final = 1e-6

ProgressCallback = Callable[[float], None]
#: Sentence pairs as parallel arrays: left indexes, right indexes, embedding cosines.
Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]
#: Scored pairs as parallel lists, best first: left indexes, right indexes, scores.
Ranked = tuple[list[int], list[int], list[float]]
Embedder = Callable[[list[str]], npt.NDArray[np.float32]]

_STOPWORDS: Final = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    either even ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least let like many may
    me meanwhile might more most much must my myself neither no nor not now of off on once
    only or other others our ours ourselves out over own per same shall she should since so
    some such than that the their theirs them themselves then there these they this those
    though through thus to too under until up upon us very was we were what when where
    whether which while who whom whose why will with within without would yet you your
    yours said says say according moreover notably""".split()
)
_WORD_RE: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light suffix stripper: enough to meet "attacked"/"attack", "countries"/"country"."""
    w = word
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    return w


_YEAR_RE: Final = re.compile(r"^(1[6-9]|20)(\d)(\d)s?$")


@lru_cache(maxsize=65536)
def _word_stems(w: str) -> tuple[str, ...]:
    """What one lower-cased word contributes: nothing (a stop word), its stem, or for a
    year its decade and itself ("1961" -> "1960s", "1961"; "1960s" -> "1960s")."""
    if w in _STOPWORDS or (len(w) < 2 and not w.isdigit()):
        return ()
    if w[0].isdigit() and (year := _YEAR_RE.match(w)):
        decade = f"{year.group(1)}{year.group(2)}0s"
        return (decade,) if w.endswith("s") else (decade, _stem(w))
    return (_stem(w),)


def content_stems(text: str) -> list[str]:
    """The content words of a sentence, lower-cased and stemmed, in order.

    A year also yields its decade ("1961" and "the 1960s" share ``1960s``), so sentences
    about the same period meet even when one is vaguer than the other.
    """
    return [t for w in _WORD_RE.findall(text.lower()) for t in _word_stems(w)]


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


def _best_k(
    block: npt.NDArray[np.float32], k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """The ``k`` largest entries of each row of ``block`` (row, column, value), found by
    ``k`` passes of argmax, each best masked out once taken: for the small ``k`` used here
    several times faster than a partial sort of every row. ``block`` is overwritten."""
    r = np.arange(block.shape[0])
    rows, cols, vals = [], [], []
    for _ in range(min(k, block.shape[1])):
        best = block.argmax(axis=1)
        rows.append(r)
        cols.append(best)
        vals.append(block[r, best])
        block[r, best] = -np.inf
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, np.float32)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)


def _top_k_both_ways(
    a: npt.NDArray[np.float32], b: npt.NDArray[np.float32], k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """The ``k`` most similar rows of ``b`` for each row of ``a``, and the ``k`` most
    similar rows of ``a`` for each row of ``b``, without duplicates: (row of a, row of b,
    cosine) triples.

    One matrix product, BLOCK rows of ``a`` at a time, so memory stays linear in the
    document size: each block gives its rows' best ``k`` and, from its transpose, its best
    ``k`` rows for every row of ``b``; those are merged across blocks at the end.
    """
    m = len(b)
    rows, cols, sims = [], [], []
    col_rows, col_sims = [], []  # per block: (m, k') best rows of the block for each b row
    for start in range(0, len(a), BLOCK):
        block = a[start : start + BLOCK] @ b.T
        bt = np.ascontiguousarray(block.T)
        i, j, v = _best_k(block, k)
        rows.append(i + start)
        cols.append(j)
        sims.append(v)
        _, ii, vv = _best_k(bt, k)  # sorted by pass, then by row of b
        col_rows.append((ii + start).reshape(-1, m).T)
        col_sims.append(vv.reshape(-1, m).T)
    if col_rows:
        cand_rows, cand_sims = np.hstack(col_rows), np.hstack(col_sims)
        pick_r, pick_c, best_sims = _best_k(cand_sims, k)
        rows.append(cand_rows[pick_r, pick_c])
        cols.append(pick_r)
        sims.append(best_sims)
    li, rj, s = np.concatenate(rows), np.concatenate(cols), np.concatenate(sims)
    _, first = np.unique(li * m + rj, return_index=True)
    return li[first], rj[first], s[first]


def _rare_word_pairs(
    lstems: Sequence[list[str]], rstems: Sequence[list[str]], df: dict[str, int]
) -> set[tuple[int, int]]:
    """Pairs sharing a word that occurs in at most RARE_DF sentences: a name, a figure."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, toks in enumerate(rstems):
        for t in set(toks):
            if df[t] <= RARE_DF:
                index[t].append(j)
    pairs: set[tuple[int, int]] = set()
    for i, toks in enumerate(lstems):
        for t in set(toks):
            if df[t] <= RARE_DF:
                pairs.update((i, j) for j in index.get(t, ()))
    return pairs


def combine(features: Sequence[float]) -> float:
    """The calibrated score of a pair from its signals (see :data:`FEATURES`)."""
    z = BIAS + sum(w * x for w, x in zip(WEIGHTS, features, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def _logistic(features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """:func:`combine` for many pairs at once: one row of :data:`FEATURES` per pair."""
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-(BIAS + features @ np.asarray(WEIGHTS))))
    return out


def _no_pairs() -> Pairs:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)


def _is_figure(stem: str) -> bool:
    return stem[:1].isdigit()


class _Bags:
    """The content-word stems of one side's sentences as a sparse matrix (CSR arrays).

    Row ``i`` holds the distinct stems of sentence ``i`` (vocabulary ids, ascending), each
    with its TF-IDF weight (rows L2-normalised) and its IDF.
    """

    def __init__(
        self,
        stems: Sequence[list[str]],
        vocab: dict[str, int],
        idf: npt.NDArray[np.float64],
        figures: npt.NDArray[np.bool_],
    ) -> None:
        n, n_vocab = len(stems), max(len(vocab), 1)
        lengths = np.fromiter(map(len, stems), dtype=np.int64, count=n)
        flat = np.array(list(map(vocab.__getitem__, chain.from_iterable(stems))), dtype=np.int64)
        keys, counts = np.unique(
            np.repeat(np.arange(n), lengths) * n_vocab + flat, return_counts=True
        )
        row = keys // n_vocab
        self.ids = keys % n_vocab
        self.ptr = np.searchsorted(row, np.arange(n + 1))
        self.n = n
        self.row = row
        self.log_tf = 1.0 + np.log(counts.astype(np.float64))
        self.n_figures = np.bincount(row, weights=figures[self.ids], minlength=n)
        #: Sorted keys ``row * V + id``, for looking up (sentence, stem) pairs at once.
        self.keys = keys
        self.set_idf(idf)

    def set_idf(self, idf: npt.NDArray[np.float64]) -> None:
        """Weigh the stems by ``idf`` (indexed by vocabulary id)."""
        self.idf = idf[self.ids]
        w = self.log_tf * self.idf
        norm = np.sqrt(np.bincount(self.row, weights=w * w, minlength=self.n))
        self.weight = w / np.where(norm > 0, norm, 1.0)[self.row]
        self.idf_total = np.bincount(self.row, weights=self.idf, minlength=self.n)


def _pair_signals(
    left: _Bags,
    right: _Bags,
    figures: npt.NDArray[np.bool_],
    li: npt.NDArray[np.int64],
    rj: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """The word signals of the pairs ``(li[p], rj[p])``: one row of
    (overlap, cover_max, cover_min, figures_differ) per pair, all at once.

    - overlap: cosine of the TF-IDF stem vectors;
    - cover_max / cover_min: the IDF mass of the shared stems as a share of each side's
      (the larger share is how much the shorter sentence is contained in the longer);
    - figures_differ: 1 when both sentences state figures (numbers, years) and share none.
    """
    n = len(li)
    sizes = left.ptr[li + 1] - left.ptr[li]
    pair = np.repeat(np.arange(n), sizes)
    first = np.repeat(left.ptr[li] - (np.cumsum(sizes) - sizes), sizes)
    entry = first + np.arange(int(sizes.sum()))
    vocab_size = figures.shape[0]
    keys = rj[pair] * vocab_size + left.ids[entry]
    pos = np.minimum(np.searchsorted(right.keys, keys), max(len(right.keys) - 1, 0))
    hit = right.keys[pos] == keys if len(right.keys) else np.zeros(len(keys), dtype=bool)
    p, e, q = pair[hit], entry[hit], pos[hit]
    overlap = np.bincount(p, weights=left.weight[e] * right.weight[q], minlength=n)
    shared = np.bincount(p, weights=left.idf[e], minlength=n)
    cover_l = shared / np.maximum(left.idf_total[li], 1e-9)
    cover_r = shared / np.maximum(right.idf_total[rj], 1e-9)
    shared_figures = np.bincount(p, weights=figures[left.ids[e]], minlength=n)
    differ = (left.n_figures[li] > 0) & (right.n_figures[rj] > 0) & (shared_figures == 0)
    out = np.empty((n, 4))
    out[:, 0] = np.minimum(overlap, 1.0)
    out[:, 1] = np.maximum(cover_l, cover_r)
    out[:, 2] = np.minimum(cover_l, cover_r)
    out[:, 3] = differ
    return out


def _signals(lstems: Sequence[str], rstems: Sequence[str], idf: dict[str, float]) -> list[float]:
    """:func:`_pair_signals` for one pair of stem lists in plain Python: the same sums,
    written out as the reference the vectorised code is tested against."""
    lc, rc = Counter(lstems), Counter(rstems)
    lw = {t: (1.0 + math.log(n)) * idf[t] for t, n in lc.items()}
    rw = {t: (1.0 + math.log(n)) * idf[t] for t, n in rc.items()}
    lnorm = math.sqrt(sum(v * v for v in lw.values())) or 1.0
    rnorm = math.sqrt(sum(v * v for v in rw.values())) or 1.0
    shared = lc.keys() & rc.keys()
    overlap = sum(lw[t] * rw[t] for t in shared) / (lnorm * rnorm)
    mass = sum(idf[t] for t in shared)
    cover_l = mass / max(sum(idf[t] for t in lc), 1e-9)
    cover_r = mass / max(sum(idf[t] for t in rc), 1e-9)
    differ = (
        any(_is_figure(t) for t in lc)
        and any(_is_figure(t) for t in rc)
        and not any(_is_figure(t) for t in shared)
    )
    return [min(overlap, 1.0), max(cover_l, cover_r), min(cover_l, cover_r), float(differ)]


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


def _kind(score: float, left: str, right: str) -> LinkKind:
    if Indel.normalized_similarity(left.lower(), right.lower()) >= SAME_THRESHOLD:
        return "same"
    return "paraphrase" if score >= PARAPHRASE_THRESHOLD else "partial"


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
                scorer, encoded, lsent, rsent, set(found), pinned_pos, rejected_pos
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
            done = {(i, j) for k in shared for i in k.left for j in k.right}
            shared += [
                _make_link((i,), (j,), threshold, left, right) for i, j in sorted(pinned_set - done)
            ]  # pinned pairs among sentences the aligner does not link (a repeated line)
            if progress:
                progress(1.0)
            return tuple(sorted(shared, key=lambda k: (k.left[0], k.right[0])))
        edges = {(lsent[i].index, rsent[j].index): sc for (i, j), sc in found.items()}
    # Pinned pairs among sentences the aligner does not link on its own (a repeated line).
    for key in pinned_set:
        edges.setdefault(key, threshold)
    links = _group(edges, left, right)
    if progress:
        progress(1.0)
    return links


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


#: Up to this many sentence pairs, every pair is scored by the refined model; above it,
#: each sentence's nearest by either encoder and the pairs sharing a rare word.
ALL_PAIRS_LIMIT: Final = 40_000
#: Nearest neighbours per sentence taken from each encoder above that limit.
REFINED_TOP_K: Final = 5


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


def _refined_facts(
    scorer: _Scorer,
    encoded: Encoded,
    lsent: Sequence[Sentence],
    rsent: Sequence[Sentence],
    static: set[tuple[int, int]],
    pinned: set[tuple[int, int]],
    rejected: set[tuple[int, int]],
) -> list[tuple[list[int], list[int], float]]:
    """Score pairs with the refined model, add the priors of the final score and group
    them into facts: (left positions, right positions, score) per fact, positions into
    ``lsent``/``rsent``."""
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
    # Facts are grouped on the final scores; a link's score (and so its kind) stays the
    # refined one, the probability that its sentences state a shared fact read from the
    # sentences alone.
    final = F.rescored(scores)
    # A pair the static pass linked for a rare figure both state (a year meets its decade:
    # "1961" and "the 1960s") is a specific fact a reader compares: it seeds a fact.
    for i, j in static:
        if scorer.shares_rare_figure(i, j):
            final[i, j] = max(final[i, j], F.FINAL_SEED)
    for i, j in rejected:
        scores[i, j] = final[i, j] = 0.0
    for i, j in pinned:
        scores[i, j] = final[i, j] = 1.0
    facts = F.group_facts(
        final, seed=F.FINAL_SEED, mean=F.FINAL_MEAN, floor=F.FINAL_MIN, pinned=sorted(pinned)
    )
    return [(ls, rs, float(scores[np.ix_(ls, rs)].max())) for ls, rs in facts]


def compared_sentences(doc: Document, indexes: Iterable[int]) -> list[Sentence]:
    """The sentences of one side of a link that its kind and differences are read from, in
    order: a headline beside body sentences is left out (it restates in fewer words what
    they say, see :func:`_headlines_follow`), unless the side has nothing else."""
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
