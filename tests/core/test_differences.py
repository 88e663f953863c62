"""Differences inside a link: facts that disagree, and rewording in whole words."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.differences import (
    _NAME_RE,
    _NUMBER_RE,
    _NUMBER_WORD_RE,
    _NUMBER_WORDS,
    _TOKEN_RE,
    _WORDS_RE,
    _lower_all,
    _split,
    claim_difference,
    find_differences,
    word_diff,
)
from parallax.core.model import Difference

# (left, right, expected (kind, left, right) in order) — wording from real coverage.
CASES = [
    (
        "It revives a defence agreement from the 1960s and 12 people were killed.",
        "The treaty signed in 1961 was cancelled; at least 15 people died.",
        [("date", "1960s", "1961"), ("number", "12", "at least 15")],
    ),
    (
        "At least 12 people were killed in the blast on Tuesday, police said.",
        "The explosion on Wednesday left fifteen dead, according to police.",
        [
            ("date", "Tuesday", "Wednesday"),
            ("number", "At least 12", "fifteen"),
            ("wording", "blast on Tuesday", "explosion on Wednesday left fifteen dead"),
            ("wording", "police said", "according to police"),
        ],
    ),
    (
        "Prime Minister Keir Starmer said the plan would cost £2 billion.",
        "President Keir Starmer said the plan would cost £3 billion.",
        [("number", "£2 billion", "£3 billion"), ("name", "Prime Minister", "President")],
    ),
    (
        'He called the deal "a breakthrough document" on Friday.',
        'He called the deal "a historic document" on Friday.',
        [
            ("quote", "a breakthrough document", "a historic document"),
            ("wording", "breakthrough", "historic"),
        ],
    ),
    (
        "Article 4 of the treaty states that if either country is attacked",
        "Article of 4 of the agreement reads that if one of the countries is invaded",
        [
            ("wording", "Article 4", "Article of 4"),
            ("wording", "treaty states", "agreement reads"),
            ("wording", "either country is attacked", "one of the countries is invaded"),
        ],
    ),
]


@pytest.mark.parametrize(("left", "right", "expected"), CASES)
def test_differences_table(left: str, right: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(d.kind, d.left, d.right) for d in find_differences(left, right)] == expected


def test_leaving_a_fact_out_is_no_contradiction() -> None:
    diffs = find_differences(
        "Twelve people were killed on Tuesday.", "People were killed, officials said."
    )
    assert [d for d in diffs if d.kind != "wording"] == []


def test_dates_are_compared_like_with_like() -> None:
    diffs = find_differences(
        "The treaty from the 1960s was revived.", "On Thursday the treaty was revived."
    )
    assert not [d for d in diffs if d.kind == "date"]


def test_names_only_differ_when_the_fact_is_the_same() -> None:
    a = "Secretary Blinken said Putin was desperate."
    b = "Secretary Austin said Putin was desperate."
    assert ("name", "Blinken", "Austin") in [
        (d.kind, d.left, d.right) for d in find_differences(a, b)
    ]
    assert not [d for d in find_differences(a, b, same_fact=False) if d.kind == "name"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_word_diff_spans_cover_both_texts_in_order(a: str, b: str) -> None:
    spans = word_diff(a, b)
    for prev, cur in itertools.pairwise(spans):
        assert prev.left_end <= cur.left_start and prev.right_end <= cur.right_start
    for s in spans:
        assert 0 <= s.left_start <= s.left_end <= len(a)
        assert 0 <= s.right_start <= s.right_end <= len(b)
        if s.op == "equal":
            assert (
                a[s.left_start : s.left_end].lower().split()
                == b[s.right_start : s.right_end].lower().split()
                or a[s.left_start : s.left_end].lower() == b[s.right_start : s.right_end].lower()
            )
    find_differences(a, b)  # never raises on any text


# Numbers keep the qualifier in front of them (a quick test of the last word before a
# number decides whether the qualifier expression is tried at all).
QUALIFIED = [
    ("At least 15 people died.", ["At least 15"]),
    ("Police said nearly 200 were hurt and up to 3 missing.", ["nearly 200", "up to 3"]),
    (
        "As many as 40 boats, more than 1,000 homes and some 6,076 lives.",
        ["As many as 40", "more than 1,000", "some 6,076"],
    ),
    ("It costs over $12 million.", ["over $12 million"]),
    ("Officials counted 12 dead, roughly 30 injured.", ["12", "roughly 30"]),
    ("The toll rose to an estimated 300.", ["an estimated 300"]),
    ("He was 12.", ["12"]),
]


@pytest.mark.parametrize(("text", "expected"), QUALIFIED)
def test_numbers_keep_their_qualifiers(text: str, expected: list[str]) -> None:
    from parallax.core.differences import _numbers

    assert _numbers(text, [w.lower() for w in text.split()]) == expected


# The fast paths give what the plain expressions give: a run of letters cut at whitespace,
# a grouped alternation, a name pattern that looks back after the capital.
_TRICKY = [
    "U.S. officials said, on Tuesday.",
    "  Two\tspaces  and\na line ",
    '"These developments... cause me grave concern," Clinton said.',
    "e.g. a. b.c. 1,000.5 $3 ΟΔΟΣ. ΟΔΟΣ ΣΑΣ.Α İstanbul ſix SEVENTEEN",
    "one-two twenty's at least 15 ‘quoted’ «guillemets» it’s",
    "",
    " ",
]
_FLAT_NUMBER_WORD_RE = re.compile(
    r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b"
    r"(?:\s(?:million|billion|thousand|hundred)\b)?",
    re.IGNORECASE,
)
_PLAIN_NAME_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_PLAIN_NUMBER_RE = re.compile(
    r"(?:[$€£¥₹]\s?)?\d[\d,]*(?:\.\d+)?(?:s|st|nd|rd|th)?\b"
    r"(?:\s?(?:%|percent|per cent|million|billion|bn|m)\b)?"
)
_TEXTS = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from([*" \t\n.,'’\"$!?-Σς", "one", "Six", "ſix", "U.S.", "Putin", "12", "a"]),
        max_size=20,
    ).map("".join),
)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


def _check_split(text: str) -> None:
    tokens, starts, words = _split(text)
    assert list(zip(starts, tokens, strict=True)) == _matches(_TOKEN_RE, text)
    assert words == _WORDS_RE.findall(text)
    assert _lower_all(tokens) == [t.lower() for t in tokens]
    assert _lower_all(words) == [w.lower() for w in words]


def _check_patterns(text: str) -> None:
    assert _matches(_NUMBER_WORD_RE, text) == _matches(_FLAT_NUMBER_WORD_RE, text)
    assert _matches(_NAME_RE, text) == _matches(_PLAIN_NAME_RE, text)
    assert _matches(_NUMBER_RE, text) == _matches(_PLAIN_NUMBER_RE, text)


@pytest.mark.parametrize("text", _TRICKY)
def test_split_and_patterns_on_tricky_text(text: str) -> None:
    _check_split(text)
    _check_patterns(text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_split_gives_what_the_expressions_give(text: str) -> None:
    _check_split(text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_fast_patterns_match_the_plain_ones(text: str) -> None:
    _check_patterns(text)


# Linked sentences that disagree in polarity: one side states what the other denies.
CLAIMS = [
    (
        "Officials confirmed the messages were authentic.",
        "Officials could not confirm whether the messages corresponded to the account.",
        ("Officials confirmed the", "could not confirm whether"),
    ),
    ("He said it was not his war.", "He said it is now his war.", ("was not his war", "his war")),
    (
        "The Senate will vote on the bill on Tuesday.",
        "The Senate will not vote on the bill this week.",
        ("will vote on", "will not vote on"),
    ),
    (
        "The ministry denied the report on Monday.",
        "The ministry did not deny the report.",
        ("ministry denied the", "did not deny the"),
    ),
]
# Pairs that agree, or where one side only leaves something out: no claim difference.
NO_CLAIMS = [
    ("No one was hurt in the fire.", "Nobody was injured in the blaze."),
    ("Officials did not say how many were killed.", "Officials said 12 people were killed."),
    ("She did not attend the meeting.", "She was absent from the meeting on Friday."),
    ("He is not only a senator but a former governor.", "The senator is a former governor."),
    ("Non-citizens cannot vote in the election.", "People who aren't citizens cannot vote."),
    ("A state without East Jerusalem.", "East Jerusalem as its capital."),
]


@pytest.mark.parametrize(("left", "right", "expected"), CLAIMS)
def test_a_denied_claim_is_a_difference_of_its_own(
    left: str, right: str, expected: tuple[str, str]
) -> None:
    assert claim_difference(left, right) == Difference("claim", *expected)
    found = find_differences(left, right, same_fact=True)
    assert Difference("claim", *expected) in found
    # Read the other way round, the same disagreement, sides swapped.
    assert claim_difference(right, left) == Difference("claim", expected[1], expected[0])


@pytest.mark.parametrize(("left", "right"), NO_CLAIMS)
def test_agreement_or_an_omission_is_no_claim(left: str, right: str) -> None:
    assert claim_difference(left, right) is None


def test_a_partial_link_reports_no_claim() -> None:
    left, right, _ = CLAIMS[0]
    assert all(d.kind != "claim" for d in find_differences(left, right, same_fact=False))


# Differences that are noise, not disagreement: none of these is a discrepancy.
NOT_DISCREPANCIES = [
    # The same quote with other punctuation, case and quotation marks.
    ('She said "We went too far."', "She said “we went too far”, according to aides."),
    # A quote cut shorter on one side.
    (
        '"We will not be intimidated by these threats," he said.',
        'He said they "will not be intimidated."',
    ),
    # A duration is not an age.
    ("He served in the Senate for 40 years.", "The senator, 68, served in the Senate."),
    # Votes and Democrats count different things.
    (
        "The bill needed 60 votes to advance.",
        "The bill needed at least eight Democrats to advance.",
    ),
    # A height, a day of the month and a century are no death toll (real news wording).
    (
        "The quake trapped dozens of sightseers in a 200-foot watchtower.",
        "The quake struck on April 25, toppling an historic 19th-century tower.",
    ),
]


@pytest.mark.parametrize(("left", "right"), NOT_DISCREPANCIES)
def test_noise_is_not_a_discrepancy(left: str, right: str) -> None:
    found = find_differences(left, right, same_fact=True)
    assert [d for d in found if d.kind in ("number", "quote", "claim")] == []


def test_numbers_that_count_the_same_thing_still_disagree() -> None:
    found = find_differences("Police said 12 people were killed.", "Police said 15 died.")
    assert Difference("number", "12", "15") in found


def test_a_toll_against_a_vague_one_once_whatever_its_case() -> None:
    left = (
        "Earthquake in Nepal Kills More Than 1,800 and Levels Buildings in Capital "
        "A powerful earthquake shook Nepal, killing more than 1,800 people and trapping "
        "dozens of sightseers in a 200-foot watchtower."
    )
    right = (
        "Devastating Nepal earthquake kills hundreds, triggers deadly Everest avalanche "
        "A powerful earthquake struck Nepal on April 25, killing hundreds of people and "
        "toppling an historic 19th-century tower."
    )
    numbers = [d for d in find_differences(left, right) if d.kind == "number"]
    assert numbers == [Difference("number", "More Than 1,800", "hundreds")]
