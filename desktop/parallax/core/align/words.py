"""The words of a sentence that the aligner compares: content stems and figures.

Stop words are dropped, the rest lower-cased and lightly stemmed ("attacked" meets
"attack"); a year also yields its decade, so "1961" meets "the 1960s".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from parallax.core.vocabulary import MONTHS, STOPWORDS, WEEKDAYS

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


_YEAR_TOKEN: Final = re.compile(r"\b((?:1[6-9]|20)\d\d)(s|['’]s)?\b")
#: Before a year, in its clause: "since 2007", "since the party swept to power in 2014"
#: measure from then to now; they date nothing in the past.
_SINCE: Final = re.compile(r"\bsince\b[^,;:()—–]*$", re.IGNORECASE)
#: Before a year: an aside about something named (", which imposed prohibition in 1919"),
#: up to the year with no break between.
_ASIDE: Final = re.compile(r",\s+(?:which|who|whose)\b[^,;:()—–]*$", re.IGNORECASE)
#: Before a number of four digits: it counts ("more than 2000", "killing 1800"), so is no
#: year.
_COUNT_BEFORE: Final = re.compile(
    r"\b(?:more|less|fewer|than|over|nearly|almost|about|around|some|roughly|approximately|"
    r"least|most|killed|kills|killing|estimated|totaling|totalling|additional|another)\s+$",
    re.IGNORECASE,
)
#: After such a number: what it counts ("2000 people", "1800 dead").
_COUNT_AFTER: Final = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:people|persons|dead|deaths|killed|injured|wounded|missing|troops|"
    r"soldiers|civilians|residents|homes|houses|buildings|children|workers|employees|jobs|"
    r"cases|patients|migrants|refugees|votes|members|students|police|officers|flights|"
    r"passengers|prisoners|lives|bodies|victims|families|times|miles|kilometres|kilometers|"
    r"metres|meters|feet|tons|tonnes|acres|hectares)\b",
    re.IGNORECASE,
)
#: Words that date a sentence to the news itself: a weekday, a month, today.
_NOW_WORDS: Final = frozenset((*MONTHS, *WEEKDAYS, "yesterday", "today", "tomorrow", "tonight"))


@lru_cache(maxsize=1 << 14)
def dated_years(text: str) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
    """The years a sentence names: ``(all, dating, anchored)``.

    ``all`` holds every year, a decade as its last year ("the 1960s" -> 1969); ``dating``
    those that date what the sentence tells: not a year after "since" in its clause ("the
    first rise since 2007" tells of now) nor one inside an aside about something it names (",
    which imposed prohibition in 1919"). A number that counts ("killed more than 2000",
    "1800 people") is no year. ``anchored`` is whether it names a weekday, a
    month or "today", which date it to the news whatever years it names too.
    """
    every: list[int] = []
    dating: list[int] = []
    for m in _YEAR_TOKEN.finditer(text):
        if not m.group(2) and (
            _COUNT_BEFORE.search(text, max(0, m.start() - 20), m.start())
            or _COUNT_AFTER.match(text, m.end())
        ):
            continue  # "killed more than 2000", "2000 people": a count, not a year
        year = int(m.group(1)) + (9 if m.group(2) else 0)
        every.append(year)
        before = text[max(0, m.start() - 200) : m.start()]
        if not _SINCE.search(before) and not _ASIDE.search(before):
            dating.append(year)
    words = {w.rstrip(".") for w in _WORD_RE.findall(text.lower())}
    return tuple(every), tuple(dating), not _NOW_WORDS.isdisjoint(words)
