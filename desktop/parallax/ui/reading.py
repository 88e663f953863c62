"""What the reader derives from a comparison before it paints anything.

:class:`Reading` answers the questions the panes, the gutter, the overview strips and the
navigation ask over and over — which links cover this sentence, which colour a link has,
which link comes next, which sentences only one outlet carries — in constant or logarithmic
time, so none of them walks the whole comparison on a paint or a keystroke.

It holds no Qt objects: colours are palette *slots*, resolved by :mod:`parallax.ui.theme`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from parallax.core.align import compared_sentences
from parallax.core.differences import word_diff
from parallax.core.model import SIDES, Comparison, Document, Link, Side, other_side
from parallax.report import one_line

#: Differences that are facts in disagreement (not just other wording).
DISCREPANCY_KINDS: frozenset[str] = frozenset({"number", "date", "name", "quote", "claim", "title"})

_WORD = re.compile(r"\w+(?:[’'.-]\w+)*", re.UNICODE)
_FUNCTION_WORDS = frozenset(
    """a an the of to in on at for by with from and or but that this these those is are was
    were be been being has have had it its as which who will would could should may might can
    also both each not no if than so""".split()
)


other = other_side  # the name the window and the sidebar use


@dataclass(frozen=True, slots=True)
class WordMark:
    """A span inside one article's text to mark when a link is selected."""

    start: int
    end: int
    discrepancy: bool  # a disagreeing fact (number, date, name, quote), not just wording


class Reading:
    """Navigation and colouring facts of one :class:`Comparison`."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        links = comparison.links
        # Reading order: by the first left sentence, then the first right sentence.
        self.order: list[int] = sorted(
            range(len(links)), key=lambda i: (min(links[i].left), min(links[i].right))
        )
        #: Colour slot of each link: consecutive links in reading order get different hues.
        self.slot: list[int] = [0] * len(links)
        for rank, i in enumerate(self.order):
            self.slot[i] = rank
        self._rank = {i: rank for rank, i in enumerate(self.order)}
        self._links_of: dict[Side, list[list[int]]] = {
            "left": [[] for _ in comparison.left.sentences],
            "right": [[] for _ in comparison.right.sentences],
        }
        for i, link in enumerate(links):
            for s in link.left:
                if 0 <= s < len(self._links_of["left"]):
                    self._links_of["left"][s].append(i)
            for s in link.right:
                if 0 <= s < len(self._links_of["right"]):
                    self._links_of["right"][s].append(i)
        for side in SIDES:
            for members in self._links_of[side]:
                members.sort(key=lambda i: -links[i].score)
        self.unique: dict[Side, list[int]] = {
            side: [s for s, ls in enumerate(self._links_of[side]) if not ls] for side in SIDES
        }
        self.discrepant: list[int] = [i for i in self.order if self.discrepancies(i)]

    # -- per sentence ---------------------------------------------------------------------

    def document(self, side: Side) -> Document:
        return self.comparison.document(side)

    def links_of(self, side: Side, sentence: int) -> list[int]:
        """Links covering a sentence, strongest first."""
        members = self._links_of[side]
        return members[sentence] if 0 <= sentence < len(members) else []

    def primary_link(self, side: Side, sentence: int) -> int | None:
        found = self.links_of(side, sentence)
        return found[0] if found else None

    def counterparts(self, side: Side, sentence: int) -> tuple[int, ...]:
        """The other side's sentences of this sentence's strongest link (empty if unique)."""
        link = self.primary_link(side, sentence)
        if link is None:
            return ()
        return self.comparison.links[link].on(other_side(side))

    def is_unique(self, side: Side, sentence: int) -> bool:
        return not self.links_of(side, sentence)

    # -- per link -------------------------------------------------------------------------

    def link(self, index: int) -> Link:
        return self.comparison.links[index]

    def sentences(self, index: int, side: Side) -> tuple[int, ...]:
        return self.comparison.links[index].on(side)

    def discrepancies(self, index: int) -> list[tuple[str, str, str]]:
        """(kind, left, right) of the facts a link disagrees on."""
        return [
            (d.kind, d.left, d.right)
            for d in self.comparison.links[index].differences
            if d.kind in DISCREPANCY_KINDS
        ]

    def rank(self, index: int) -> int:
        """Position of a link in reading order (0 = first)."""
        return self._rank[index]

    # -- navigation -----------------------------------------------------------------------

    def next_link(self, current: int | None, step: int = 1) -> int | None:
        """The link after (step=1) or before (step=-1) ``current`` in reading order, wrapping."""
        if not self.order:
            return None
        if current is None or current not in self._rank:
            return self.order[0 if step > 0 else -1]
        return self.order[(self._rank[current] + step) % len(self.order)]

    def next_discrepancy(self, current: int | None, step: int = 1) -> int | None:
        """The next link (in reading order, wrapping) that disagrees on a fact."""
        if not self.discrepant:
            return None
        ranks = [self._rank[i] for i in self.discrepant]
        here = -1 if current is None or current not in self._rank else self._rank[current]
        if step > 0:
            pos = bisect_right(ranks, here)
            return self.discrepant[pos % len(ranks)]
        pos = bisect_right(ranks, here - 1 if here >= 0 else len(self.order)) - 1
        if here >= 0 and pos >= 0 and ranks[pos] == here:
            pos -= 1
        return self.discrepant[pos % len(ranks)]

    def next_unique(self, side: Side, after: int, step: int = 1) -> int | None:
        """The next sentence only ``side`` carries after (or before) sentence ``after``."""
        uniques = self.unique[side]
        if not uniques:
            return None
        if step > 0:
            return uniques[bisect_right(uniques, after) % len(uniques)]
        pos = bisect_right(uniques, after - 1) - 1
        return uniques[pos % len(uniques)]

    # -- words ----------------------------------------------------------------------------

    def word_marks(self, index: int) -> dict[Side, list[WordMark]]:
        """Where the two sides of a link differ, as spans into each article's text.

        A word is marked when the diff does not pair it with the same word *and* the other
        side does not use it anywhere: paraphrases reorder words, and a word that moved is
        not a difference a reader needs to see. Function words are never marked alone.
        Discrepancy values (a number, date, name or quote the sides disagree on) are marked
        as such wherever they occur in their side. A headline that joined its lead's link
        is not compared (:func:`~parallax.core.align.compared_sentences`).
        """
        link = self.comparison.links[index]
        texts: dict[Side, list[tuple[int, str]]] = {"left": [], "right": []}
        for side in SIDES:
            for sent in compared_sentences(self.document(side), link.on(side)):
                texts[side].append((sent.start, sent.text))
        marks: dict[Side, list[WordMark]] = {"left": [], "right": []}
        if not texts["left"] or not texts["right"]:
            return marks
        joined = {side: " ".join(t for _, t in parts) for side, parts in texts.items()}
        vocab = {side: {w.lower() for w in _WORD.findall(text)} for side, text in joined.items()}
        changed: dict[Side, set[tuple[int, int]]] = {"left": set(), "right": set()}
        for op in word_diff(joined["left"], joined["right"]):
            if op.op == "equal":
                continue
            changed["left"].add((op.left_start, op.left_end))
            changed["right"].add((op.right_start, op.right_end))
        # A partial link, or one fact stated across several sentences, differs in most of
        # its words: there only the facts are marked (figures and names the other side
        # lacks), not every other word.
        facts_only = link.kind == "partial" or len(texts["left"]) > 1 or len(texts["right"]) > 1
        for side in SIDES:
            base = _joined_offsets(texts[side])
            text = joined[side]
            spans = sorted(changed[side])
            theirs = vocab[other(side)]
            for start, end in spans:
                for m in _WORD.finditer(text, start, end):
                    word = m.group().lower()
                    if word in theirs or word in _FUNCTION_WORDS:
                        continue
                    if facts_only and not _is_fact_word(text, m.start(), m.group()):
                        continue
                    marks[side].append(
                        WordMark(_to_article(base, m.start()), _to_article(base, m.end()), False)
                    )
        for side in SIDES:
            marks[side] = _merge(marks[side], self.document(side).text)
        for _kind, left_value, right_value in self.discrepancies(index):
            for side, value in zip(SIDES, (left_value, right_value), strict=True):
                if not value:
                    continue
                text = joined[side]
                base = _joined_offsets(texts[side])
                pos = text.lower().find(value.lower())
                while pos >= 0:
                    marks[side].append(
                        WordMark(_to_article(base, pos), _to_article(base, pos + len(value)), True)
                    )
                    pos = text.lower().find(value.lower(), pos + len(value))
        return marks

    @cached_property
    def summary(self) -> str:
        """One line for the status bar: links, unique sentences, discrepancies."""
        n = len(self.comparison.links)
        lu, ru = len(self.unique["left"]), len(self.unique["right"])
        d = len(self.discrepant)
        return (
            f"{n} linked fact{'s' * (n != 1)} · {lu} only left · {ru} only right · "
            f"{d} discrepanc{'ies' if d != 1 else 'y'}"
        )

    def describe(self, index: int) -> str:
        """One line for the status bar about a link: its rank, kind and score (or that the
        journalist pinned it), disagreements."""
        link = self.link(index)
        text = (
            f"Linked fact {self.rank(index) + 1} of {len(self.comparison.links)} · {decided(link)}"
        )
        found = self.discrepancies(index)
        if found:
            text += " · " + "; ".join(f"{kind}: {a or '—'} ≠ {b or '—'}" for kind, a, b in found)
        return text

    @cached_property
    def title(self) -> str:
        """The window's title: both articles' titles (or file names, or outlets)."""
        left, right = _label(self.comparison.left, "Left"), _label(self.comparison.right, "Right")
        return f"{left}  ⟷  {right} — Parallax"


#: What the reader shows of a link the journalist pinned, instead of its kind and score.
PINNED: str = "pinned by you"


def decided(link: Link) -> str:
    """How a link was made, for a person: pinned by them, or the aligner's kind and score."""
    return PINNED if link.pinned else f"{link.kind} · score {link.score:.2f}"


def _label(doc: Document, fallback: str) -> str:
    """A short name for an article, safe for a window title (no control or bidi character)."""
    name = Path(doc.path).name if doc.path else doc.source
    return one_line(doc.title, 48) or one_line(name) or fallback


def _is_fact_word(text: str, start: int, word: str) -> bool:
    """A figure, or a capitalised word that does not start a sentence (a name)."""
    if any(c.isdigit() for c in word):
        return True
    if not word[:1].isupper():
        return False
    before = text[:start].rstrip(" \"'“‘(")
    return bool(before) and before[-1] not in ".!?:"


def _merge(marks: list[WordMark], text: str) -> list[WordMark]:
    """Join marks separated only by spaces, punctuation or function words into one span,
    so a changed phrase reads as one highlight, not a row of boxes."""
    out: list[WordMark] = []
    for mark in sorted(marks, key=lambda m: m.start):
        if out:
            gap = text[out[-1].end : mark.start]
            words = _WORD.findall(gap)
            if len(gap) <= 24 and all(w.lower() in _FUNCTION_WORDS for w in words):
                last = out[-1]
                out[-1] = WordMark(last.start, max(last.end, mark.end), last.discrepancy)
                continue
        out.append(mark)
    return out


def _joined_offsets(parts: Sequence[tuple[int, str]]) -> list[tuple[int, int]]:
    """(offset in the joined text, offset in the article) of each part's start."""
    out: list[tuple[int, int]] = []
    pos = 0
    for start, text in parts:
        out.append((pos, start))
        pos += len(text) + 1
    return out


def _to_article(base: list[tuple[int, int]], offset: int) -> int:
    """Map an offset in the joined text of a link's sentences back into the article."""
    i = bisect_right([b for b, _ in base], offset) - 1
    joined_start, article_start = base[max(i, 0)]
    return article_start + offset - joined_start
