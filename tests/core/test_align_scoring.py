"""The aligner's score model and assignment: fitted constants, vectorised signals, competitive
linking, second counterparts that share a figure, and the sample pair's date difference."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core import align as A
from parallax.core.align import align, score_pairs
from parallax.core.model import Document
from parallax.core.pipeline import prepare
from tests.conftest import SAMPLES
from tests.core.test_align import doc


def test_fitted_constants_are_consistent() -> None:
    assert len(A.WEIGHTS) == len(A.FEATURES)
    weights = dict(zip(A.FEATURES, A.WEIGHTS, strict=True))
    # More similarity is more evidence; figures that disagree are evidence against.
    assert all(weights[f] > 0 for f in ("cosine", "overlap", "cover_max", "cover_min"))
    assert weights["figures_differ"] < 0
    assert 0 < A.MUTUAL_FLOOR < A.LINK_THRESHOLD < A.PARAPHRASE_THRESHOLD < 1
    assert A.combine([1.0, 1.0, 1.0, 1.0, 0.0]) > A.PARAPHRASE_THRESHOLD
    assert A.combine([0.0, 0.0, 0.0, 0.0, 1.0]) < 0.01


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
    figures = np.array([A._is_figure(t) for t in vocab], dtype=bool)
    lb = A._Bags(left, vocab, idf_by_id, figures)
    rb = A._Bags(right, vocab, idf_by_id, figures)
    li, rj = np.meshgrid(np.arange(len(left)), np.arange(len(right)), indexing="ij")
    got = A._pair_signals(lb, rb, figures, li.ravel(), rj.ravel())
    for row, (i, j) in zip(got, zip(li.ravel(), rj.ravel(), strict=True), strict=True):
        assert row == pytest.approx(A._signals(left[i], right[j], idf), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 4), st.integers(0, 10**6))
def test_nearest_neighbours_both_ways_match_brute_force(n: int, m: int, k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((n, 8)).astype(np.float32)
    b = rng.standard_normal((m, 8)).astype(np.float32)
    li, rj, sims = A._top_k_both_ways(a, b, k)
    full = a @ b.T
    want = {(i, int(j)) for i in range(n) for j in np.argsort(-full[i])[: min(k, m)]}
    want |= {(int(i), j) for j in range(m) for i in np.argsort(-full[:, j])[: min(k, n)]}
    assert set(zip(li.tolist(), rj.tolist(), strict=True)) == want
    assert np.allclose(sims, full[li, rj], atol=1e-5)


def test_scores_are_probabilities_that_rise_with_every_similarity_signal() -> None:
    base = [0.6, 0.3, 0.4, 0.3, 0.0]
    for k in range(4):
        more = list(base)
        more[k] += 0.2
        assert 0.0 < A.combine(base) < A.combine(more) < 1.0
    assert A.combine([*base[:4], 1.0]) < A.combine(base)


# Real wording of one fact by two outlets, that scores under LINK_THRESHOLD on its own.
FLOODS = (
    "Hundreds of people were left homeless by the floods.",
    "The flooding destroyed hundreds of homes.",
)


def test_competing_sentences_link_below_the_threshold_only_inside_articles() -> None:
    alone = score_pairs([FLOODS[0]], [FLOODS[1]])
    assert alone and alone[0].score < A.LINK_THRESHOLD
    assert align(doc(FLOODS[0]), doc(FLOODS[1])) == ()  # no rival: no evidence beyond the score
    left = doc(
        FLOODS[0],
        "Thousands marched through the city on Sunday to demand new elections.",
        "The election commission confirmed the results on Friday.",
    )
    right = doc(
        "Rain is forecast for most of the country next week.",
        FLOODS[1],
        "Official results were confirmed by the election commission on Friday.",
    )
    links = {(k.left, k.right): k for k in align(left, right)}
    assert set(links) == {((0,), (1,)), ((2,), (2,))}
    assert A.MUTUAL_FLOOR <= links[((0,), (1,))].score < A.LINK_THRESHOLD
    assert links[((0,), (1,))].kind == "partial"


def test_a_second_counterpart_that_shares_a_figure_shows_the_date_difference() -> None:
    left = doc(
        "The accord, signed by both foreign ministers in Geneva on Friday, restores a"
        " ceasefire first agreed in the 1990s.",
        "Aid agencies welcomed the deal.",
    )
    right = doc(
        "Both foreign ministers signed the accord in Geneva on Friday.",
        "A ceasefire agreed in 1994 collapsed three years later amid renewed fighting.",
        "Markets were closed for a public holiday.",
    )
    (link,) = align(left, right)
    assert (link.left, link.right) == ((0,), (0, 1))
    assert ("date", "1990s", "1994") in [(d.kind, d.left, d.right) for d in link.differences]


def test_a_figure_alone_never_links_unrelated_sentences() -> None:
    left = doc("The stadium was built in 1994 and holds 40,000 fans.")
    right = doc("Interest rates were last this high in 1994, the central bank said.")
    assert align(left, right) == ()


@pytest.fixture(scope="module")
def sample_pair() -> tuple[Document, Document]:
    from parallax.core.ingest import read_text

    return tuple(  # type: ignore[return-value]
        prepare(read_text((SAMPLES / name).read_text(encoding="utf-8"), name=name))
        for name in ("nk-russia-pact-clean.txt", "nk-russia-pact-damaged.txt")
    )


def _index(d: Document, needle: str) -> int:
    (hit,) = [s.index for s in d.sentences if needle in s.text]
    return hit


def test_sample_pair_shows_the_1960s_1961_and_article_4_differences(
    sample_pair: tuple[Document, Document],
) -> None:
    left, right = sample_pair
    links = align(left, right)
    revives = _index(left, "revives a defence agreement from the 1960s")
    soviet = _index(right, "former Soviet Union in 1961")
    (dated,) = [k for k in links if revives in k.left]
    assert soviet in dated.right
    assert ("date", "1960s", "1961") in [(d.kind, d.left, d.right) for d in dated.differences]
    article = _index(left, "Article 4 of the treaty")
    (art,) = [k for k in links if article in k.left]
    assert ("wording", "Article 4", "Article of 4") in [
        (d.kind, d.left, d.right) for d in art.differences
    ]
    assert all(0.0 <= k.score <= 1.0 for k in links)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"abcXYZ019 .,'-_[]#$%\t\n",
                "[UNK]",
                "[PAD]",
                "1960s",
                "\x7f",
                *"éÉİß“”‘’–—…«»\xa0\u200b•",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_fast_word_lookup_gives_the_tokenizers_own_ids(text: str) -> None:
    from parallax.core.embed import encoder

    enc = encoder()
    reference = enc.tokenizer.encode_batch_fast([text], add_special_tokens=False)[0].ids
    assert enc.token_ids([text]) == [[t for t in reference if t != enc.unk_id]]
