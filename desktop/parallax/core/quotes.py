"""Direct quotes in an article: the quoted words, joined over paragraphs, and where they lie.

News opens a quote with curly, straight, guillemet or low-9 marks, closes it with its pair,
and continues a quote over paragraphs by opening each new one again without closing the last.
:func:`find_quotes` follows all of these. A quote left open at the end of the text, or at
the end of a paragraph after running over others, ends there (its closing mark was lost);
one left open inside a single paragraph that the text goes on after is a stray mark.
Title-case quoted names ("Treaty on Comprehensive Strategic Partnership") are names, not
speech (:func:`is_name_quote`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["Quote", "find_quotes", "is_name_quote"]

_OPENERS: Final = "“«„‘"
_CLOSERS: Final = {"“": "”", "«": "»", "„": "“”", "‘": "’", '"': '"”'}


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: the quoted words, joined over paragraphs, and where it lies.

    ``start``/``end`` cover the quoted words from the first to the last part (without the
    quote marks); ``parts`` are the exact spans of each paragraph's part.
    """

    start: int
    end: int
    text: str
    parts: tuple[tuple[int, int], ...]


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/" or before in _OPENERS) and not after.isspace()


def _skip_openers(text: str, i: int) -> int:
    while i < len(text) and (text[i] in _OPENERS or text[i] == '"'):
        i += 1
    return i


def find_quotes(text: str) -> tuple[Quote, ...]:
    """The direct quotes of a text, including quotes that run over several paragraphs.

    A quote that is still open at a paragraph's end continues only when the next paragraph
    starts with a quote mark; otherwise it ends there if it ran over paragraphs before, and
    is left out as unbalanced if not (unless the text ends there).
    """
    quotes: list[Quote] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        is_open = (c in _OPENERS and c != "’") or (c == '"' and _opens_straight(text, i))
        if c == "‘" and i > 0 and text[i - 1].isalnum():
            is_open = False
        if not is_open:
            i += 1
            continue
        closers = _CLOSERS.get(c, '"”')
        if c == '"' and i + 1 < n and text[i + 1] in _OPENERS:
            closers = '"' + _CLOSERS[text[i + 1]]  # `"“fight ...”`: the inner mark decides
        inner = _skip_openers(text, i)
        parts: list[tuple[int, int]] = []
        j = inner
        closed = False
        while j < n:
            ch = text[j]
            if ch in closers and not (ch == "’" and j + 1 < n and text[j + 1].isalpha()):
                parts.append((inner, j))
                closed = True
                break
            if ch == "\n":
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and (text[k] in _OPENERS or text[k] == '"'):
                    end = j
                    while end > inner and text[end - 1].isspace():
                        end -= 1
                    parts.append((inner, end))
                    inner = _skip_openers(text, k)
                    j = inner
                    continue
                break
            j += 1
        if not closed and (parts or j >= n):
            # Open at the end of the text, or at the end of a paragraph after running over
            # others (each reopened): a quote whose closing mark is missing, not a stray mark.
            end = min(j, n)
            while end > inner and text[end - 1].isspace():
                end -= 1
            if end > inner:
                parts.append((inner, end))
                closed = True
        if closed:
            pieces = [text[a:b].strip() for a, b in parts]
            body = " ".join(p for p in pieces if p)
            body = body.rstrip(" ,")
            if body:
                a, b = parts[0][0], parts[-1][1]
                quotes.append(Quote(a, b, body, tuple(parts)))
            i = j + 1
        else:
            i = inner if inner > i else i + 1
    return tuple(quotes)


def is_name_quote(quote: Quote) -> bool:
    """A quoted title ("Treaty on Comprehensive Strategic Partnership"), not speech."""
    words = re.findall(r"[\w'’\-]+", quote.text)
    if not words or len(words) > 8 or re.search(r"[.!?;]", quote.text.rstrip(".")):
        return False
    big = [w for w in words if w.casefold() not in {"of", "on", "for", "the", "and", "in", "a"}]
    return len(big) >= 2 and all(w[:1].isupper() for w in big)
