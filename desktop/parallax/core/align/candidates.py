"""Pass 1, candidates: which sentence pairs are worth scoring.

Each sentence's nearest sentences of the other side by embedding, found block by block
(one matrix product per block, never the whole similarity matrix at once), and the pairs
that share a rare word (a name, a number).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from parallax.core.align.constants import BLOCK, RARE_DF

#: Sentence pairs as parallel arrays: left indexes, right indexes, embedding cosines.
Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]


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


def _no_pairs() -> Pairs:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
