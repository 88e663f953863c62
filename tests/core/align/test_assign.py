"""Assignment (:mod:`parallax.core.align.assign`): competitive linking, second counterparts
that share a figure, and the sample pair's date difference."""

from __future__ import annotations

import pytest

from parallax.core import align as A
from parallax.core.align import align, score_pairs
from parallax.core.model import Document
from parallax.core.pipeline import prepare
from tests.conftest import SAMPLES
from tests.core.align.test_align import doc

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
