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
2. **Scoring.** Each candidate pair gets three signals: the embedding cosine (paraphrase:
   "pact" and "treaty"), an IDF-weighted overlap of content-word stems (the specific facts
   both state; IDF over both articles, so names that occur everywhere weigh little), and
   rapidfuzz's ``token_set_ratio`` over the content words (one sentence containing the
   other's facts). A logistic model turns them into a score in 0..1; its weights were
   fitted on held-out labelled paraphrase pairs (see ``tests/bench/heldout_align.py``).
3. **Assignment.** Mutual best pairs above the threshold are taken first (greedy by
   score); a sentence may then join a second counterpart when that pairing is strong too,
   and the groups become many-to-many :class:`~parallax.core.model.Link` records.

User-pinned pairs are always linked and user-rejected pairs never are, in the manner of
meld's sync points: the rest is aligned around them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from parallax.core.differences import find_differences
from parallax.core.model import Document, Link, LinkKind, Sentence

#: Score at or above which two sentences are linked.
LINK_THRESHOLD: Final = 0.5
#: Score at or above which a link reports the same fact in other words (else "partial").
PARAPHRASE_THRESHOLD: Final = 0.75
#: Normalised edit similarity at or above which two sentences are the same statement.
SAME_THRESHOLD: Final = 0.9
#: A second counterpart needs at least this score, both overall and on the residual
#: (what the linked sentence says beyond its first counterpart).
SECONDARY_FLOOR: Final = 0.2
#: Embedding neighbours taken per sentence, from each side.
TOP_K: Final = 3
#: Words in at most this many sentences (both sides together) propose candidates.
RARE_DF: Final = 3
#: Rows of the similarity matrix computed at once (bounds memory on long documents).
BLOCK: Final = 512

#: Logistic weights over (embedding cosine, stem overlap, token-set ratio) and a bias.
WEIGHTS: Final = (6.0, 5.0, 3.0)
BIAS: Final = -8.2

ProgressCallback = Callable[[float], None]
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


def content_stems(text: str) -> list[str]:
    """The content words of a sentence, lower-cased and stemmed, in order.

    A year also yields its decade ("1961" and "the 1960s" share ``1960s``), so sentences
    about the same period meet even when one is vaguer than the other.
    """
    out = []
    for w in _WORD_RE.findall(text.lower()):
        if w in _STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        if w[0].isdigit() and (year := _YEAR_RE.match(w)):
            out.append(f"{year.group(1)}{year.group(2)}0s")
            if w.endswith("s"):
                continue
        out.append(_stem(w))
    return out


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


def _row_top_k(
    a: npt.NDArray[np.float32], b: npt.NDArray[np.float32], k: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """For each row of ``a``, the ``k`` most similar rows of ``b`` (row, column, cosine).

    Computed BLOCK rows at a time, so memory stays linear in the document size.
    """
    k = min(k, len(b))
    rows, cols, sims = [], [], []
    for start in range(0, len(a), BLOCK):
        block = a[start : start + BLOCK] @ b.T
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        r = np.arange(block.shape[0])[:, None]
        rows.append((r + start).repeat(k, 1).ravel())
        cols.append(top.ravel())
        sims.append(block[r, top].ravel())
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(sims)


def _top_k_pairs(
    el: npt.NDArray[np.float32], er: npt.NDArray[np.float32], k: int
) -> dict[tuple[int, int], float]:
    """The k nearest right sentences of each left one and vice versa, with their cosines."""
    if not len(el) or not len(er):
        return {}
    li, rj, s = _row_top_k(el, er, k)
    pairs = dict(zip(zip(li.tolist(), rj.tolist(), strict=True), s.tolist(), strict=True))
    rj, li, s = _row_top_k(er, el, k)
    pairs.update(zip(zip(li.tolist(), rj.tolist(), strict=True), s.tolist(), strict=True))
    return pairs


def _rare_word_pairs(
    lstems: Sequence[list[str]], rstems: Sequence[list[str]], df: Counter[str]
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


def _weights(stems: Sequence[list[str]], idf: dict[str, float]) -> list[dict[str, float]]:
    vectors = []
    for toks in stems:
        tf = Counter(toks)
        vec = {t: (1.0 + math.log(n)) * idf[t] for t, n in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def combine(cosine: float, overlap: float, containment: float) -> float:
    """The calibrated score of a pair from its three signals (a logistic model)."""
    z = BIAS + WEIGHTS[0] * cosine + WEIGHTS[1] * overlap + WEIGHTS[2] * containment
    return 1.0 / (1.0 + math.exp(-z))


class _Scorer:
    """The signals of both articles, computed once, so pairs can be scored on demand."""

    def __init__(
        self, left: Sequence[str], right: Sequence[str], embedder: Embedder | None
    ) -> None:
        embed = embedder or _default_embedder
        # The tokenizer releases the GIL: embed in a thread while the words are counted.
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(embed, [*left, *right])
            self.lstems = [content_stems(s) for s in left]
            self.rstems = [content_stems(s) for s in right]
            self.ljoined = [" ".join(t) for t in self.lstems]
            self.rjoined = [" ".join(t) for t in self.rstems]
            emb = future.result()
        self.el, self.er = emb[: len(left)], emb[len(left) :]
        self.df: Counter[str] = Counter()
        for toks in (*self.lstems, *self.rstems):
            self.df.update(set(toks))
        n_docs = len(left) + len(right)
        self.idf = {t: math.log((n_docs + 1) / (n + 1)) + 1.0 for t, n in self.df.items()}
        self.lvec = _weights(self.lstems, self.idf)
        self.rvec = _weights(self.rstems, self.idf)

    def candidates(self, top_k: int) -> dict[tuple[int, int], float]:
        cosines = _top_k_pairs(self.el, self.er, top_k)
        extra = [p for p in _rare_word_pairs(self.lstems, self.rstems, self.df) if p not in cosines]
        if extra:
            li = np.fromiter((i for i, _ in extra), dtype=np.int64, count=len(extra))
            rj = np.fromiter((j for _, j in extra), dtype=np.int64, count=len(extra))
            dots = np.einsum("ij,ij->i", self.el[li], self.er[rj])
            cosines.update(zip(extra, dots.tolist(), strict=True))
        return cosines

    def score(self, i: int, j: int, cosine: float | None = None) -> ScoredPair:
        cos = float(self.el[i] @ self.er[j]) if cosine is None else cosine
        return self._score(i, j, cos, self.ljoined[i], self.rjoined[j], self.lvec[i], self.rvec[j])

    def residual(self, i: int, j: int, covered: Iterable[int], side: str) -> ScoredPair:
        """Score ``i``-``j`` on what the linked side says beyond the sentences it already
        covers: how a second sentence shows it reports the rest of a longer one."""
        if side == "right":  # j is already linked to left sentences ``covered``
            seen = {t for c in covered for t in self.lstems[c]}
            rest = [t for t in self.rstems[j] if t not in seen]
            (rvec,) = _weights([rest], self.idf)
            return self._score(
                i, j, float(self.el[i] @ self.er[j]), self.ljoined[i], " ".join(rest),
                self.lvec[i], rvec,
            )  # fmt: skip
        seen = {t for c in covered for t in self.rstems[c]}
        rest = [t for t in self.lstems[i] if t not in seen]
        (lvec,) = _weights([rest], self.idf)
        return self._score(
            i, j, float(self.el[i] @ self.er[j]), " ".join(rest), self.rjoined[j],
            lvec, self.rvec[j],
        )  # fmt: skip

    @staticmethod
    def _score(
        i: int,
        j: int,
        cos: float,
        ltext: str,
        rtext: str,
        lvec: dict[str, float],
        rvec: dict[str, float],
    ) -> ScoredPair:
        a, b = (lvec, rvec) if len(lvec) <= len(rvec) else (rvec, lvec)
        overlap = sum(w * b.get(t, 0.0) for t, w in a.items())
        containment = fuzz.token_set_ratio(ltext, rtext) / 100.0
        return ScoredPair(i, j, combine(cos, overlap, containment), cos, overlap, containment)


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
    out = [scorer.score(i, j, cos) for (i, j), cos in scorer.candidates(top_k).items()]
    out = [p for p in out if p.score >= score_cutoff]
    out.sort(key=lambda p: (-p.score, p.left, p.right))
    return out


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
    progress: ProgressCallback | None = None,
) -> tuple[Link, ...]:
    """Link the sentences of two split documents.

    Args:
        left: The left document, with sentences.
        right: The right document, with sentences.
        pinned: ``(left_index, right_index)`` pairs the user linked by hand: always kept.
        rejected: Pairs the user unlinked: never proposed again.
        threshold: Minimum score for a link.
        top_k: Embedding neighbours per sentence to consider, from each side.
        embedder: Sentence embedder (default: the shipped static model).
        progress: Called with a fraction 0..1 as the work advances.

    Returns:
        Links ordered by their first left sentence.
    """
    pinned_set = set(pinned)
    rejected_set = set(rejected) - pinned_set
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
        scored = [
            scorer.score(i, j, cos)
            for (i, j), cos in scorer.candidates(top_k).items()
            if (i, j) not in rejected_pos
        ]
        if progress:
            progress(0.8)
        found = _assign(scorer, scored, pinned_pos, threshold)
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
    scored: list[ScoredPair],
    pinned: set[tuple[int, int]],
    threshold: float,
) -> dict[tuple[int, int], float]:
    """Greedy one-to-one on the strongest pairs, then second counterparts.

    A sentence joins a second counterpart only when it matches what that counterpart says
    *beyond* the sentence already linked to it (a longer sentence covering two facts), and
    only where its own end is still free, so that a link stays a small group, never a chain.
    """
    edges: dict[tuple[int, int], float] = {}
    to_left: dict[int, list[int]] = defaultdict(list)  # right -> its linked left sentences
    to_right: dict[int, list[int]] = defaultdict(list)
    for i, j in pinned:
        edges[(i, j)] = 1.0
        to_right[i].append(j)
        to_left[j].append(i)
    ordered = sorted(scored, key=lambda p: (-p.score, p.left, p.right))
    for p in ordered:
        if p.score < threshold or p.left in to_right or p.right in to_left:
            continue
        edges[(p.left, p.right)] = p.score
        to_right[p.left].append(p.right)
        to_left[p.right].append(p.left)
    primary = dict(edges)
    # Second counterparts: a sentence left free whose best candidate is already linked
    # proposes itself; the linked sentence accepts the proposal that best matches what it
    # says beyond its first counterpart (mutual best on the residual).
    best: dict[tuple[str, int], ScoredPair] = {}
    for p in ordered:
        if p.score < SECONDARY_FLOOR:
            break
        if p.left not in to_right:
            best.setdefault(("l", p.left), p)
        if p.right not in to_left:
            best.setdefault(("r", p.right), p)
    offers: dict[tuple[str, int], tuple[float, ScoredPair]] = {}
    for (side, _), p in best.items():
        if side == "l" and p.right in to_left:
            covered = [i for i in to_left[p.right] if (i, p.right) in primary]
            res = scorer.residual(p.left, p.right, covered, side="right")
            target = ("r", p.right)
        elif side == "r" and p.left in to_right:
            covered = [j for j in to_right[p.left] if (p.left, j) in primary]
            res = scorer.residual(p.left, p.right, covered, side="left")
            target = ("l", p.left)
        else:
            continue
        if res.score >= SECONDARY_FLOOR and res.score > offers.get(target, (0.0, p))[0]:
            offers[target] = (res.score, p)
    for _, p in offers.values():
        if p.left in to_right and p.right in to_left:
            continue  # both ends taken meanwhile: a link stays a small group, never a chain
        edges[(p.left, p.right)] = p.score
        to_right[p.left].append(p.right)
        to_left[p.right].append(p.left)
    return edges


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
        score = max(edges[m] for m in members)
        ltext = " ".join(left.sentences[i].text for i in ls)
        rtext = " ".join(right.sentences[j].text for j in rs)
        kind = _kind(score, ltext, rtext)
        links.append(
            Link(
                left=ls,
                right=rs,
                score=round(min(1.0, score), 4),
                kind=kind,
                differences=find_differences(ltext, rtext, same_fact=kind != "partial"),
            )
        )
    links.sort(key=lambda k: (k.left[0], k.right[0]))
    return tuple(links)
