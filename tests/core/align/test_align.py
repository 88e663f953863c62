"""Alignment end to end (:func:`parallax.core.align.align`): real news wording, properties,
pinned and rejected links, headlines."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align import align, score_pairs
from parallax.core.model import Document, Sentence


def doc(*sentences: str) -> Document:
    text = "\n".join(sentences)
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(i, pos, pos + len(s), s))
        pos += len(s) + 1
    return Document(original=text, text=text, sentences=tuple(out))


def headed(headline: str, *sentences: str) -> Document:
    """A document whose first line is a headline."""
    d = doc(headline, *sentences)
    return replace(d, sentences=(replace(d.sentences[0], role="headline"), *d.sentences[1:]))


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


@pytest.mark.parametrize("refined", [False, True], ids=["quick", "refined"])
def test_a_pinned_pair_stays_exactly_the_pair_pinned(refined: bool) -> None:
    # Unpinned, the aligner links both left sentences to the right one; a journalist who
    # pins left 0 to right 0 gets that pair as its own link, flagged, never grown by left 1.
    from parallax.core.contextual import contextual_encoder

    left = doc(
        "The storm killed four people in the coastal town of Port Lane.",
        "The storm also destroyed the harbour wall of Port Lane.",
    )
    right = doc("The storm killed four people and destroyed the harbour wall of Port Lane.")
    enc = contextual_encoder() if refined else None
    assert any(k.left == (0, 1) for k in align(left, right, contextual=enc))
    links = align(left, right, pinned=[(0, 0)], contextual=enc)
    pinned = [k for k in links if k.pinned]
    assert [(k.left, k.right, k.score) for k in pinned] == [((0,), (0,), 1.0)]
    others = [k for k in links if not k.pinned]
    assert all(not (0 in k.left and 0 in k.right) for k in others)
    assert not any(k.pinned for k in align(left, right, contextual=enc))


@pytest.mark.parametrize("refined", [False, True], ids=["quick", "refined"])
def test_pins_and_rejections_past_either_article_are_dropped(refined: bool) -> None:
    # Sentence numbers depend on the repair steps: a correction saved under other steps may
    # point past the end, and the aligner (not every caller) must drop it.
    from parallax.core.contextual import contextual_encoder

    a, b = LINKED[0]
    left = doc(a, "The weather was cold.")
    right = doc(b, "More news follows.")
    enc = contextual_encoder() if refined else None
    plain = align(left, right, contextual=enc)
    got = align(
        left, right, pinned=[(1, 1), (5, 0), (0, 9), (-1, 0)], rejected=[(7, 7)], contextual=enc
    )
    pairs = {(i, j) for k in got for i in k.left for j in k.right}
    assert (1, 1) in pairs
    assert all(0 <= i < 2 and 0 <= j < 2 for i, j in pairs)
    assert {(i, j) for k in plain for i in k.left for j in k.right} <= pairs


# A headline, the lead of its own article that it summarises, and the other outlet's lead.
HEADLINES = [
    (
        "Flooding forces thousands from their homes in Bangladesh",
        "Heavy monsoon flooding has forced more than 50,000 people from their homes in "
        "northern Bangladesh, officials said on Sunday.",
        "Officials in Bangladesh said on Sunday that rising rivers had driven over 50,000 "
        "residents out of their houses across the north of the country.",
    ),
    (
        "Airline cancels hundreds of flights as pilots strike",
        "The airline cancelled more than 800 flights on Friday after its pilots walked out "
        "in a dispute over pay.",
        "More than 800 flights were cancelled on Friday as pilots at the carrier went on "
        "strike over wages.",
    ),
]


@pytest.mark.parametrize(("headline", "lead", "other"), HEADLINES)
def test_a_headline_follows_the_lead_it_restates_into_its_link(
    headline: str, lead: str, other: str
) -> None:
    left = headed(headline, lead, "The weather service expects more rain this week.")
    right = doc("Aid groups are distributing food and clean water.", other)
    (link,) = align(left, right)
    assert (link.left, link.right) == ((0, 1), (1,))
    # The differences read the body sentences only: the headline restates them.
    assert not any(headline in d.left for d in link.differences)
    swapped = align(right, left)
    assert [(k.right, k.left, k.score) for k in swapped] == [((0, 1), (1,), link.score)]
    assert [(k.left, k.right) for k in align(left, right, rejected=[(0, 1)])] == [((1,), (1,))]


def test_a_headline_stays_alone_without_a_linked_sentence_it_restates() -> None:
    # Its own article's sentence about the resignation has no counterpart on the right.
    left = headed(
        "Finance minister resigns over expenses scandal",
        "The finance minister resigned on Tuesday after reports that he had claimed "
        "expenses for a second home.",
        *LINKED[0][:1],
    )
    right = doc(LINKED[0][1], "Markets were calm in early trading.")
    assert [(k.left, k.right) for k in align(left, right)] == [((2,), (0,))]
    # Worded unlike anything in its own article ("holds ... steady" for "kept unchanged"),
    # a headline is not guessed into a link.
    left = headed(
        "Central bank holds rates steady",
        "The central bank kept its benchmark interest rate unchanged at 4.5% on Thursday, "
        "citing persistent inflation.",
    )
    right = doc(
        "Citing inflation that remains stubborn, the central bank on Thursday left its key "
        "rate on hold at 4.5%."
    )
    assert [(k.left, k.right) for k in align(left, right)] == [((1,), (0,))]


# Two outlets' headlines for one story: fewer shared words than two sentences would need.
HEADLINE_PAIRS = [
    (
        "Flooding forces thousands from their homes in Bangladesh",
        "Bangladesh floods displace tens of thousands",
    ),
    ("Airline cancels hundreds of flights as pilots strike", "Pilots' walkout grounds 800 flights"),
]


@pytest.mark.parametrize(("left", "right"), HEADLINE_PAIRS)
def test_two_headlines_of_one_story_link_where_two_sentences_would_not(
    left: str, right: str
) -> None:
    (link,) = align(headed(left), headed(right))
    assert (link.left, link.right) == ((0,), (0,))
    assert align(doc(left), doc(right)) == ()
    assert align(headed(left), headed(right), rejected=[(0, 0)]) == ()


def test_headlines_of_different_stories_do_not_link() -> None:
    (a, _), (b, _) = HEADLINE_PAIRS
    assert align(headed(a), headed(b)) == ()
    assert align(headed("Central bank holds rates steady"), headed(b)) == ()


def test_identical_sentences_are_same() -> None:
    s = "The ministry confirmed the figures on Monday evening."
    (link,) = align(doc(s), doc(s))
    assert link.kind == "same" and link.score > 0.9


sentences = st.lists(
    st.text(alphabet=st.sampled_from("abcdefg hij klm"), min_size=1, max_size=40), max_size=12
)


@settings(max_examples=100, deadline=None)
@given(sentences, sentences, st.booleans(), st.booleans())
def test_links_are_well_formed_and_symmetric(
    ls: list[str], rs: list[str], lhead: bool, rhead: bool
) -> None:
    left = headed(*ls) if lhead and ls else doc(*ls)
    right = headed(*rs) if rhead and rs else doc(*rs)
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


@pytest.mark.parametrize(
    ("ls", "rs"),
    [
        (["a"] * 7 + ["hj"], ["a"] * 3 + ["hj", "hj"]),  # found by the property above
        (["a"] * 7 + ["ab", "ab"], ["a"] * 3 + ["ab"]),
    ],
)
def test_ties_between_identical_sentences_break_the_same_way_both_ways(
    ls: list[str], rs: list[str]
) -> None:
    links = {(k.left, k.right) for k in align(doc(*ls), doc(*rs))}
    assert links == {(k.right, k.left) for k in align(doc(*rs), doc(*ls))}


def test_scores_are_ordered_and_bounded() -> None:
    pairs = score_pairs([a for a, _ in LINKED], [b for _, b in LINKED])
    assert pairs == sorted(pairs, key=lambda p: -p.score)
    assert all(0.0 <= p.score <= 1.0 for p in pairs)
