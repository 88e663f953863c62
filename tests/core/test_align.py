"""Alignment, first version: real news wording, properties, pinned and rejected links."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align import align, content_stems, score_pairs
from parallax.core.model import Document, Sentence


def doc(*sentences: str) -> Document:
    text = "\n".join(sentences)
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(i, pos, pos + len(s), s))
        pos += len(s) + 1
    return Document(original=text, text=text, sentences=tuple(out))


# Pairs from real coverage of one event by two outlets, worded differently: each must link.
LINKED = [
    (
        "The central bank raised interest rates by a quarter point on Wednesday.",
        "On Wednesday the central bank lifted its key interest rate by 0.25 percentage points.",
    ),
    (
        "Rescue workers pulled three survivors from the rubble of the collapsed hotel.",
        "Three survivors were pulled from the rubble after the hotel collapsed, rescue workers said.",
    ),
    (
        "The company will cut 1,200 jobs as part of a restructuring plan.",
        "As part of its restructuring plan, the company is cutting 1,200 jobs.",
    ),
    (
        "Wildfires forced the evacuation of thousands of residents in northern California.",
        "Thousands of northern California residents were evacuated as wildfires spread.",
    ),
]

# Sentences that share names and topic words but report different facts: never linked.
UNLINKED = [
    (
        "The central bank raised interest rates by a quarter point on Wednesday.",
        "Analysts expect inflation to slow next year, the finance ministry said.",
    ),
    (
        "Rescue workers pulled three survivors from the rubble of the collapsed hotel.",
        "The hotel opened in 1998 and was popular with tourists from Europe.",
    ),
    (
        "The company will cut 1,200 jobs as part of a restructuring plan.",
        "Shares in the company rose 3% in early trading in London.",
    ),
]


def test_content_stems_meet_inflections() -> None:
    assert content_stems("The countries attacked") == content_stems("a country attacks")


@pytest.mark.parametrize(("left", "right"), LINKED)
def test_paraphrased_pairs_link(left: str, right: str) -> None:
    filler_l = ["Officials gave no further details.", "The weather was cold."]
    filler_r = ["It was not immediately clear why.", "More news follows."]
    links = align(doc(*filler_l, left), doc(right, *filler_r))
    assert [(k.left, k.right) for k in links] == [((2,), (0,))]


@pytest.mark.parametrize(("left", "right"), UNLINKED)
def test_unrelated_pairs_on_the_same_topic_do_not_link(left: str, right: str) -> None:
    assert align(doc(left), doc(right)) == ()


def test_reordered_facts_link_across() -> None:
    left = doc(*(a for a, _ in LINKED))
    right = doc(*(b for _, b in reversed(LINKED)))
    pairs = {(k.left, k.right) for k in align(left, right)}
    n = len(LINKED)
    assert pairs == {((i,), (n - 1 - i,)) for i in range(n)}


def test_one_sentence_may_cover_two() -> None:
    left = doc(
        "The storm killed four people in the coastal town of Port Lane.",
        "The storm also destroyed the harbour wall of Port Lane.",
    )
    right = doc("The storm killed four people and destroyed the harbour wall of Port Lane.")
    links = align(left, right)
    assert [(k.left, k.right) for k in links] == [((0, 1), (0,))]


def test_pinned_and_rejected_pairs_are_honoured() -> None:
    a, b = LINKED[0]
    left = doc(a, "The weather was cold.")
    right = doc(b, "More news follows.")
    assert [(k.left, k.right) for k in align(left, right)] == [((0,), (0,))]
    assert align(left, right, rejected=[(0, 0)]) == ()
    pinned = align(left, right, pinned=[(1, 1)])
    assert {(k.left, k.right) for k in pinned} == {((0,), (0,)), ((1,), (1,))}


def test_identical_sentences_are_same() -> None:
    s = "The ministry confirmed the figures on Monday evening."
    (link,) = align(doc(s), doc(s))
    assert link.kind == "same" and link.score > 0.9


sentences = st.lists(
    st.text(alphabet=st.sampled_from("abcdefg hij klm"), min_size=1, max_size=40), max_size=12
)


@settings(max_examples=100, deadline=None)
@given(sentences, sentences)
def test_links_are_well_formed_and_symmetric(ls: list[str], rs: list[str]) -> None:
    left, right = doc(*ls), doc(*rs)
    links = align(left, right)
    seen_l: set[int] = set()
    seen_r: set[int] = set()
    for k in links:
        assert k.left and k.right
        assert all(0 <= i < len(ls) for i in k.left)
        assert all(0 <= j < len(rs) for j in k.right)
        assert 0.0 <= k.score <= 1.0
        assert not (seen_l & set(k.left)) and not (seen_r & set(k.right))
        seen_l |= set(k.left)
        seen_r |= set(k.right)
    swapped = {(k.right, k.left) for k in align(right, left)}
    assert swapped == {(k.left, k.right) for k in links}


def test_scores_are_ordered_and_bounded() -> None:
    pairs = score_pairs([a for a, _ in LINKED], [b for _, b in LINKED])
    assert pairs == sorted(pairs, key=lambda p: -p.score)
    assert all(0.0 <= p.score <= 1.0 for p in pairs)
