"""Candidate search (:mod:`parallax.core.align.candidates`): nearest neighbours both ways."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align.candidates import _top_k_both_ways


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 4), st.integers(0, 10**6))
def test_nearest_neighbours_both_ways_match_brute_force(n: int, m: int, k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((n, 8)).astype(np.float32)
    b = rng.standard_normal((m, 8)).astype(np.float32)
    li, rj, sims = _top_k_both_ways(a, b, k)
    full = a @ b.T
    want = {(i, int(j)) for i in range(n) for j in np.argsort(-full[i])[: min(k, m)]}
    want |= {(int(i), j) for j in range(m) for i in np.argsort(-full[:, j])[: min(k, n)]}
    assert set(zip(li.tolist(), rj.tolist(), strict=True)) == want
    assert np.allclose(sims, full[li, rj], atol=1e-5)
