"""The aligner's score model (:mod:`parallax.core.align.scoring`): the fitted constants and
calibrated probabilities."""

from __future__ import annotations

from parallax.core import align as A
from parallax.core.align.scoring import _Scorer


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


def test_a_sentence_dated_years_before_the_news_is_apart_from_the_news() -> None:
    left = [
        "The two countries have signed a defence pact, promising aid if either is attacked.",
        "The pact revives a defence agreement from the 1960s.",
        "The central bank raised rates for the first time since 2007.",
    ]
    right = [
        "Experts said the treaty signed with the Soviet Union in 1961 required Moscow's aid.",
        "That deal was replaced by a weaker agreement in 2000.",
        "The leaders met in Pyongyang on Wednesday, 2024's first summit.",
    ]
    apart = {
        (int(i), int(j))
        for i, j in zip(*_Scorer(left, right, None).dated_apart().nonzero(), strict=True)
    }
    # The 1961 treaty is not the new pact, nor the rate rise; it is the 1960s agreement.
    # The year 2000 is background against 2024 too, and shares nothing with the 1960s
    # (the rise "since 2007" shares its decade). The 1960s agreement is background to the
    # summit. The new pact, the rate rise and the summit are never apart from each other.
    assert apart == {(0, 0), (2, 0), (0, 1), (1, 1), (1, 2)}


def test_articles_without_years_have_nothing_apart() -> None:
    assert not _Scorer(["The pact was signed."], ["A treaty was signed."], None).dated_apart().any()
