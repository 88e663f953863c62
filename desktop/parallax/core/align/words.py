"""The words of a sentence that the aligner compares: content stems and figures.

Stop words are dropped, the rest lower-cased and lightly stemmed ("attacked" meets
"attack"); a year also yields its decade, so "1961" meets "the 1960s".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

_STOPWORDS: Final = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    either even ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least let like many may
    me meanwhile might more most much must my myself neither no nor not now of off on once
    only or other others our ours ourselves out over own per same shall she should since so
    some such than that the their theirs them themselves then there these they this those
    though through thus to too under until up upon us very was we were what when where
    whether which while who whom whose why will with within without would yet you your
    yours said says say according moreover notably""".split()
)
_WORD_RE: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light suffix stripper: enough to meet "attacked"/"attack", "countries"/"country"."""
    w = word
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    return w


_YEAR_RE: Final = re.compile(r"^(1[6-9]|20)(\d)(\d)s?$")


@lru_cache(maxsize=65536)
def _word_stems(w: str) -> tuple[str, ...]:
    """What one lower-cased word contributes: nothing (a stop word), its stem, or for a
    year its decade and itself ("1961" -> "1960s", "1961"; "1960s" -> "1960s")."""
    if w in _STOPWORDS or (len(w) < 2 and not w.isdigit()):
        return ()
    if w[0].isdigit() and (year := _YEAR_RE.match(w)):
        decade = f"{year.group(1)}{year.group(2)}0s"
        return (decade,) if w.endswith("s") else (decade, _stem(w))
    return (_stem(w),)


def content_stems(text: str) -> list[str]:
    """The content words of a sentence, lower-cased and stemmed, in order.

    A year also yields its decade ("1961" and "the 1960s" share ``1960s``), so sentences
    about the same period meet even when one is vaguer than the other.
    """
    return [t for w in _WORD_RE.findall(text.lower()) for t in _word_stems(w)]


def _is_figure(stem: str) -> bool:
    return stem[:1].isdigit()
