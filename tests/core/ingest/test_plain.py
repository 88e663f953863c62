"""Tests for parallax.core.ingest.plain: plain text kept, hard wrapping undone, metadata read."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from parallax.core.ingest import IngestError, read_bytes, read_path, read_text
from parallax.core.ingest.common import _VISIBLE
from parallax.core.sentences import split_sentences
from tests.conftest import SAMPLES
from tests.core.ingest.helpers import assert_one_line

# --------------------------------------------------------------------------------------------
# The text is kept as it is
# --------------------------------------------------------------------------------------------


def test_junk_glyphs_invisibles_and_spacing_are_preserved() -> None:
    damaged = "North Korea a꧃nd Russia sign strate♎gic pact\u200b with Anto𝓀ny  \t\n\n\nEnd.  \n"
    assert read_bytes(damaged.encode("utf-8"), kind="text").original == damaged
    assert read_text(damaged).original == damaged


def test_newlines_are_normalised() -> None:
    assert read_text("One\r\nTwo\rThree\n\r\nFour").original == "One\nTwo\nThree\n\nFour"


def test_pasted_text_loses_only_a_leading_byte_order_mark() -> None:
    assert read_text("\ufeffHello world.\n").original == "Hello world.\n"


def test_seed_sample_reads_with_its_headline() -> None:
    sample = SAMPLES / "nk-russia-pact-clean.txt"
    if not sample.exists():
        pytest.skip("sample data not present")
    doc = read_path(sample)
    assert doc.title == "North Korea and Russia sign landmark 'defence pact'"
    assert doc.source == "nk-russia-pact-clean.txt"
    assert doc.original == sample.read_bytes().decode("utf-8").replace("\r\n", "\n")


# --------------------------------------------------------------------------------------------
# Hard-wrapped plain text gets its paragraphs back
# --------------------------------------------------------------------------------------------


def _wrap_lines(text: str, width: int) -> str:
    """Each line of ``text`` hard-wrapped at ``width``, as e-mail and wire copy come."""
    return "\n".join(
        textwrap.fill(line, width) if line.strip() else line for line in text.split("\n")
    )


@pytest.mark.parametrize("width", [45, 60, 72, 80])
@pytest.mark.parametrize("name", ["clean", "damaged"])
def test_hard_wrapped_text_gets_each_paragraph_back_on_one_line(
    samples: dict[str, str], name: str, width: int
) -> None:
    text = samples[name]
    wrapped = _wrap_lines(text, width)
    assert wrapped.count("\n") > text.count("\n") + 10
    doc = read_text(wrapped)
    # The clean sample has blank lines between paragraphs, so every wrapped line rejoins;
    # the damaged one has none, so a break after a sentence's end may stay a break.
    if name == "clean":
        assert doc.original == text
    assert split(doc.original) == split(text)
    assert doc.title == read_text(text).title


def split(text: str) -> list[str]:
    return [" ".join(s.text.split()) for s in split_sentences(text)]


PARAGRAPH = (
    "The agency said on Tuesday that the well-known company had broken the rules of the "
    "anti-Taliban coalition for a decade, which the court - after a long hearing in the "
    "capital - found to be the case in all of the forty-two counts, and the co-operation "
    "agreement of 2019 was void. The company's lawyers said they would appeal on Friday."
)


@pytest.mark.parametrize("width", range(40, 101, 4))
def test_words_broken_at_a_hyphen_join_and_a_spaced_dash_keeps_its_space(width: int) -> None:
    wrapped = textwrap.fill(PARAGRAPH, width) + "\n\n" + textwrap.fill(PARAGRAPH, width)
    assert read_text(wrapped).original == PARAGRAPH + "\n\n" + PARAGRAPH


def test_list_items_and_short_lines_keep_their_own_lines_in_wrapped_text() -> None:
    lines = [
        "The ministry published its figures for the year on Monday and said that the three "
        "measures it had announced in March would stay in force until the end of the winter:",
        "- Schools stay open with smaller classes and longer breaks for the pupils, the "
        "ministry said",
        "- Shops close at eight",
        "1. The first review comes in April and is followed by a second in the autumn, when "
        "the numbers are known.",
        "2. The second one follows.",
        "Officials said that the measures had been agreed with the regions after weeks of "
        "talks between the capital and the provinces, and would be reviewed in the spring.",
    ]
    wrapped = "\n".join(textwrap.fill(line, 60) for line in lines)
    assert wrapped.count("\n") >= 10
    assert read_text(wrapped).original.split("\n") == lines


@pytest.mark.parametrize(
    "text",
    [
        # A paragraph a line, however long: nothing was wrapped.
        "Rescue workers pulled three survivors from the rubble of the collapsed hotel.\n"
        "The hotel opened in 1998 and was popular with tourists from Europe.\n"
        "Officials said the search would go on through the night and into Sunday.\n"
        "It was not immediately clear how many guests had been inside.\n",
        # Verse and lists: lines that end well short of the widest one.
        "The woods are lovely, dark and deep,\nBut I have promises to keep,\n"
        "And miles to go before I sleep,\nAnd miles to go before I sleep.\n",
        "Casualties by region\nNorth: 12\nSouth: 4\nEast: none reported\nWest: 7\n",
        # A table whose rows are all as wide as the widest.
        "Results of the regional elections, seats won by each of the parties standing\n"
        "Party                      North      South      East       West      Total\n"
        "Social Democrats           12         8          15         9         44\n"
        "Christian Democrats        10         14         6          11        41\n"
        "Greens                     4          3          5          2         14\n",
        # A sentence a line, as CoNLL-2003 and many wire databases store articles.
        "EU rejects German call to boycott British lamb .\n"
        "The European Commission said on Thursday it disagreed with German advice to "
        "consumers to shun British lamb until scientists determine whether mad cow disease "
        "can be transmitted to sheep .\n"
        "Germany 's representative to the European Union 's veterinary committee Werner "
        "Zwingmann said on Wednesday consumers should buy sheepmeat from countries other "
        "than Britain until the scientific advice was clearer .\n"
        "\" We do n't support any such recommendation because we do n't see any grounds for "
        "it , \" the Commission 's chief spokesman Nikolaus van der Pas told a news briefing .\n",
    ],
)
def test_text_that_is_not_wrapped_is_kept_as_it_is(text: str) -> None:
    assert read_text(text).original == text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="abc de\u00e9f.", max_size=39), min_size=1, max_size=30))
def test_lines_narrower_than_any_wrapping_width_are_never_joined(lines: list[str]) -> None:
    text = "\n".join(lines)
    assume(_VISIBLE.search(text) is not None)
    assert read_text(text).original == text


# --------------------------------------------------------------------------------------------
# Plain text metadata
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "source", "published"),
    [
        ("Putin visits Pyongyang\n\nThe visit began.\n", "Putin visits Pyongyang", None, None),
        ("Putin visits Pyongyang?\n\nThe visit began.\n", "Putin visits Pyongyang?", None, None),
        ("The visit began on Tuesday.\nMore text.\n", None, None, None),
        ("Pact signed with U.S.\n\nBody.\n", "Pact signed with U.S.", None, None),
        ("\n\n   Pact signed  \n\nBody.\n", "Pact signed", None, None),
        (
            "Pact signed\nBy Jane Doe | Reuters\n19 June 2024\n\nBody text.\n",
            "Pact signed",
            "Reuters",
            "2024-06-19",
        ),
        (
            "Pact signed\nBy Jane Doe • The Seoul Herald • June 19, 2024\n\nBody.\n",
            "Pact signed",
            "The Seoul Herald",
            "2024-06-19",
        ),
        (
            "Pact signed\nPublished: Wed 19 Jun 2024 09:30 BST\n\nBody.\n",
            "Pact signed",
            None,
            "2024-06-19",
        ),
        ("Pact signed\nBy Jane Doe, Seoul correspondent\n\nBody.\n", "Pact signed", None, None),
        ("Pact signed\nBy Jane Doe | Staff writer\n\nBody.\n", "Pact signed", None, None),
        ("Attack on 19 June 2024\n\nBody.\n", "Attack on 19 June 2024", None, None),
        # A date inside a sentence is not the publication date.
        (
            "Pact signed\n\nOn 19 June 2024 the two leaders met in Pyongyang.\n",
            "Pact signed",
            None,
            None,
        ),
        ("A" * 300 + "\n\nBody.\n", None, None, None),
    ],
)
def test_plain_text_metadata(
    text: str, title: str | None, source: str | None, published: str | None
) -> None:
    doc = read_bytes(text.encode("utf-8"), name="notes/story.txt")
    assert doc.title == title
    assert doc.source == (source or "story.txt")
    assert doc.published == published
    assert doc.url is None


def test_pasted_text_without_a_name_has_no_source() -> None:
    assert read_text("Just a sentence.").source is None


def test_a_pasted_web_address_is_refused_not_fetched(network_attempts: list[Any]) -> None:
    with pytest.raises(IngestError) as error:
        read_text("  https://news.example.com/world/pact-signed?ref=home \n")
    assert_one_line(error, "web address", "offline")
    assert network_attempts == []
