"""The aligner's score model (:mod:`parallax.core.align.scoring`): the fitted constants and
calibrated probabilities."""

from __future__ import annotations

from parallax.core import align as A


def test_fitted_constants_are_consistent() -> None:
    assert len(A.WEIGHTS) == len(A.FEATURES)
    weights = dict(zip(A.FEATURES, A.WEIGHTS, strict=True))
    # More similarity is more evidence; figures that disagree are evidence against.
    assert all(weights[f] > 0 for f in ("cosine", "overlap", "cover_max", "cover_min"))
    assert weights["figures_differ"] < 0
    assert 0 < A.MUTUAL_FLOOR < A.LINK_THRESHOLD < A.PARAPHRASE_THRESHOLD < 1
    assert A.combine([1.0, 1.0, 1.0, 1.0, 0.0]) > A.PARAPHRASE_THRESHOLD
    assert A.combine([0.0, 0.0, 0.0, 0.0, 1.0]) < 0.01


def test_scores_are_probabilities_that_rise_with_every_similarity_signal() -> None:
    base = [0.6, 0.3, 0.4, 0.3, 0.0]
    for k in range(4):
        more = list(base)
        more[k] += 0.2
        assert 0.0 < A.combine(base) < A.combine(more) < 1.0
    assert A.combine([*base[:4], 1.0]) < A.combine(base)
