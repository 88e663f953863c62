"""The words of a sentence that the aligner compares: content stems and figures.

Stop words are dropped, the rest lower-cased and lightly stemmed ("attacked" meets
"attack"); a year also yields its decade, so "1961" meets "the 1960s".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from parallax.core.vocabulary import STOPWORDS

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
    if w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
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
    return list(_content_stems(text))


@lru_cache(maxsize=1 << 14)
def _content_stems(text: str) -> tuple[str, ...]:
    """:func:`content_stems`, kept for the sentences seen last: a story compares each
    article with every other one."""
    return tuple(t for w in _WORD_RE.findall(text.lower()) for t in _word_stems(w))


def _is_figure(stem: str) -> bool:
    return stem[:1].isdigit()
