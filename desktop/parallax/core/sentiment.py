"""Evaluative words beyond Parallax's own stance list: VADER's sentiment lexicon, for news.

A reaction's stance comes first from its cue (condemned, welcomed) and from the hand-written
``data/lexicons/stance.tsv``; words that list does not know are looked up here. The words
and valences are those of VADER (Hutto and Gilbert 2014; the ``vaderSentiment`` package,
MIT), read from the file the package ships, never downloaded. Two changes make them fit news:

- only clearly evaluative words count (valence at least :data:`MIN_VALENCE` in either
  direction): "tragic", "reckless", "unacceptable", not "okay" or "comprehensive"; the
  caller counts only adjectives and adverbs among them (see ``core/stance.py``);
- words that *describe* what happened rather than judge it (attack, killed, war, arrested,
  won; and the adjectives of a fact: "found alive", "landed safely", "pleaded guilty", "a
  fatal crash", "a strong earthquake", "a special envoy") are left out, so that a spokesman
  reporting "the attack killed five people" is not taken for condemning anything; the cue
  and the evaluative words carry the stance;
- words that say how sure the speaker is (clear, clearly, true, definitely) are left out:
  "it is clear that" asserts, it does not praise.

:func:`valence` keeps every word of the lexicon, for telling whether a noun that an
adjective grades is a bad thing ("great loss", "significant damage").
"""

from __future__ import annotations

from functools import cache
from typing import Final, Literal

__all__ = ["DESCRIPTIVE", "EPISTEMIC", "MIN_VALENCE", "valence", "valence_sign"]

#: The smallest |valence| (VADER's scale runs from -4 to +4) that makes a word evaluative.
MIN_VALENCE: Final = 1.5

#: Words of VADER's lexicon that in news describe an event rather than judge it.
DESCRIPTIVE: Final = frozenset(
    """accident accidents agree agreed agreement agreements agrees arrest arrested arrests
    attack attacked attacks bomb bombing bombs cancer charge charged charges conflict
    crash crashed crime crimes criminal cut cuts dead death deaths debt decline defeat
    defeated die died dies disaster disasters disease drop dropped dying emergency
    explosion explosions fall fell fight fighting fire fires fought fraud gun guns hurt
    injured injuries injury jail jailed kill killed killer killing kills lawsuit lose
    loses losing loss losses lost pandemic poor poverty prison problem problems protest
    protesters protests recession riot risk risks sentenced shooting shot shots strike
    strikes sue sued tax taxes victim victims victory violence violent virus war wars
    win winning wins won wounded
    alive clean fatal free freed guilty healthy hostile innocent natural popular powerful
    ready rich safe safely severe special strong stronger terrorist wealthy""".split()
)

#: Words of VADER's lexicon that mark certainty, not evaluation ("it is clear that").
EPISTEMIC: Final = frozenset(
    "certain certainly clear clearer clearly definitely indeed obvious obviously sure surely "
    "true truly undoubtedly".split()
)


@cache
def _lexicon() -> dict[str, float]:
    from importlib.resources import files

    text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    found: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].isalpha():
            continue  # emoticons and entries that are not words
        try:
            found[parts[0].casefold()] = float(parts[1])
        except ValueError:
            continue
    return found


@cache
def _valences() -> dict[str, float]:
    return {
        word: value
        for word, value in _lexicon().items()
        if abs(value) >= MIN_VALENCE and word not in DESCRIPTIVE and word not in EPISTEMIC
    }


def valence(word: str) -> float:
    """VADER's valence of any word of its lexicon (case aside), descriptive or weak ones
    too; 0.0 for a word it does not hold."""
    return _lexicon().get(word.casefold(), 0.0)


def valence_sign(word: str) -> Literal[-1, 0, 1]:
    """+1 or -1 for a clearly evaluative word of VADER's lexicon (case aside), else 0."""
    value = _valences().get(word.casefold(), 0.0)
    return 1 if value > 0 else -1 if value < 0 else 0
