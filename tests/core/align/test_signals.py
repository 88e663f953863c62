"""The word signals of a pair (:mod:`parallax.core.align.signals`): the vectorised sums
equal the plain Python ones."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align.signals import _Bags, _pair_signals, _signals
from parallax.core.align.words import _is_figure

stems = st.lists(st.sampled_from(["pact", "treaty", "1960s", "1961", "kim", "sign", "war"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(stems, min_size=1, max_size=5), st.lists(stems, min_size=1, max_size=5))
def test_vectorised_signals_equal_the_plain_python_ones(
    left: list[list[str]], right: list[list[str]]
) -> None:
    df: dict[str, int] = {}
    for toks in (*left, *right):
        for t in set(toks):
            df[t] = df.get(t, 0) + 1
    vocab = {t: k for k, t in enumerate(df)}
    n = len(left) + len(right)
    idf = {t: float(np.log((n + 1) / (c + 1)) + 1.0) for t, c in df.items()}
    idf_by_id = np.array([idf[t] for t in vocab]) if vocab else np.zeros(0)
    figures = np.array([_is_figure(t) for t in vocab], dtype=bool)
    lb = _Bags(left, vocab, idf_by_id, figures)
    rb = _Bags(right, vocab, idf_by_id, figures)
    li, rj = np.meshgrid(np.arange(len(left)), np.arange(len(right)), indexing="ij")
    got = _pair_signals(lb, rb, figures, li.ravel(), rj.ravel())
    for row, (i, j) in zip(got, zip(li.ravel(), rj.ravel(), strict=True), strict=True):
        assert row == pytest.approx(_signals(left[i], right[j], idf), abs=1e-9)
