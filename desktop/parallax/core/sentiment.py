"""Evaluative words beyond Parallax's own stance list: VADER's sentiment lexicon, for news.

A reaction's stance comes first from its cue (condemned, welcomed) and from the hand-written
``data/lexicons/stance.tsv``; words that list does not know are looked up here. The words
and valences are those of VADER (Hutto and Gilbert 2014; the ``vaderSentiment`` package,
MIT), read from the file the package ships, never downloaded. Two changes make them fit news:

- only clearly evaluative words count (valence at least :data:`MIN_VALENCE` in either
  direction): "tragic", "reckless", "unacceptable", not "okay" or "comprehensive"; the
  caller counts only adjectives and adverbs among them (see ``core/reactions.py``);
- words that *describe* what happened rather than judge it (attack, killed, war, arrested,
  won) are left out, so that a spokesman reporting "the attack killed five people" is not
  taken for condemning anything; the cue and the evaluative words carry the stance.
"""

from __future__ import annotations

from functools import cache
from typing import Final, Literal

__all__ = ["DESCRIPTIVE", "MIN_VALENCE", "valence_sign"]

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
    win winning wins won wounded""".split()
)


@cache
def _valences() -> dict[str, float]:
    from importlib.resources import files

    text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    found: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].isalpha():
            continue  # emoticons and entries that are not words
        try:
            value = float(parts[1])
        except ValueError:
            continue
        if abs(value) >= MIN_VALENCE and parts[0] not in DESCRIPTIVE:
            found[parts[0].casefold()] = value
    return found


def valence_sign(word: str) -> Literal[-1, 0, 1]:
    """+1 or -1 for a clearly evaluative word of VADER's lexicon (case aside), else 0."""
    value = _valences().get(word.casefold(), 0.0)
    return 1 if value > 0 else -1 if value < 0 else 0
