"""The words the aligner compares (:mod:`parallax.core.align.words`)."""

from __future__ import annotations

import pytest

from parallax.core.align import content_stems
from parallax.core.align.words import dated_years


def test_content_stems_meet_inflections() -> None:
    assert content_stems("The countries attacked") == content_stems("a country attacks")


@pytest.mark.parametrize(
    ("text", "dating", "anchored"),
    [
        # The year dates what the sentence tells.
        ("The treaty signed with the Soviet Union in 1961 required military aid.", (1961,), False),
        ("He last served as president from 2003 to 2010.", (2003, 2010), False),
        ("It revives a defence agreement from the 1960s.", (1969,), False),
        # "since" measures up to now, in its whole clause.
        ("It was the first rate rise since 2007.", (), False),
        ("The first time since the party swept to power in 2014 that it lost.", (), False),
        ("Since 2009, the rate has stayed low, and it was cut in 2016.", (2016,), False),
        # An aside about something named dates that thing, not the sentence.
        ("Lawmakers skipped the 18th Amendment, which imposed prohibition in 1919.", (), False),
        # A weekday, a month or "today" dates the sentence to the news.
        ("The court ruled on Thursday that the 1996 law stands.", (1996,), True),
        ("The inauguration is set for Jan. 1.", (), True),
        # A number that counts is no year, in a headline's style without a comma too.
        (
            "Aftershock rattles Morocco as rescuers seek survivors from earthquake that "
            "killed more than 2000",
            (),
            False,
        ),
        ("Officials said 1800 people were missing after the 2015 quake.", (2015,), False),
        ("The 2016 election was decided by 1,800 votes.", (2016,), False),
    ],
)
def test_dated_years_tell_when_a_sentence_is_set(
    text: str, dating: tuple[int, ...], anchored: bool
) -> None:
    every, told, now = dated_years(text)
    assert told == dating
    assert now is anchored
    assert set(told) <= set(every)
