"""The word signals of a sentence pair, computed for many pairs at once.

The content stems of one side's sentences form a sparse TF-IDF matrix (:class:`_Bags`);
:func:`_pair_signals` reads from two of them, with NumPy only, how much two sentences say in
common: the overlap of their weighted stems, how much of each one's IDF mass the other
covers, and whether both state figures and share none. :func:`_signals` is the same sum in
plain Python, the reference the vectorised code is tested against.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt

from parallax.core.align.words import _is_figure


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
