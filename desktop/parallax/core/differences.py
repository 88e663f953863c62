"""How two linked sentences differ: a word-level diff and the facts they disagree on.

A journalist reading two linked sentences wants two things: where the wording differs
(shown word by word, never as a confetti of changed letters) and where the *facts* differ —
"12 killed" against "at least 15 dead", "the 1960s" against "1961", "Prime Minister"
against "President", a quote worded differently. The first is :func:`word_diff`; the second
is :func:`find_differences`, which produces the ``differences`` of a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

from rapidfuzz.distance import Indel

from parallax.core.model import Difference

DiffOp = Literal["equal", "replace", "delete", "insert"]

_TOKEN_RE: Final = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[’'.,:-]\w+)*|[^\w\s]")
_QUOTE_RE: Final = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,}?)[\"“”«»„]")
_MONTHS: Final = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS: Final = "monday tuesday wednesday thursday friday saturday sunday".split()
_NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 10**6,
    "billion": 10**9, "dozen": 12, "dozens": 12, "hundreds": 100, "thousands": 1000,
}  # fmt: skip
_QUALIFIERS: Final = (
    "at least|at most|more than|less than|fewer than|nearly|almost|about|around|some|over|"
    "under|up to|roughly|approximately|an estimated|as many as"
)
_NUMBER_RE: Final = re.compile(
    r"(?:[$€£¥₹]\s?)?\d[\d,]*(?:\.\d+)?(?:s|st|nd|rd|th)?\b"
    r"(?:\s?(?:%|percent|per cent|million|billion|bn|m)\b)?"
)
_NUMBER_WORD_RE: Final = re.compile(
    r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b"
    r"(?:\s(?:million|billion|thousand|hundred)\b)?",
    re.IGNORECASE,
)
# Looked for just before a number: "at least 15", "nearly 200".
_QUALIFIER_RE: Final = re.compile(rf"\b(?:{_QUALIFIERS})\s+$", re.IGNORECASE)
_YEAR_RE: Final = re.compile(r"^(?:1[5-9]|20)\d\d(?:s|'s)?$")
_TITLES: Final = frozenset(
    """president prime minister chancellor king queen prince general secretary spokesman
    spokeswoman spokesperson ambassador governor mayor senator chairman chief director
    leader premier envoy commander admiral colonel officer minister adviser advisor aide
    deputy vice foreign defence defense interior finance""".split()
)
_STOP: Final = frozenset(
    """a an the of to in on at for by with from and or but that this these those is are was
    were be been being has have had it its as which who whom whose will would could should
    may might must can also both each either neither not no nor if then than so such""".split()
)


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One span of a word-level diff, with character offsets into each sentence."""

    op: DiffOp
    left_start: int
    left_end: int
    right_start: int
    right_end: int


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN_RE.finditer(text))


def _opcodes(
    lt: list[re.Match[str]], rt: list[re.Match[str]]
) -> list[tuple[str, int, int, int, int]]:
    """Word-level edit operations (longest common subsequence, case-insensitive).

    rapidfuzz computes them in C++; a deletion next to an insertion reads as a replacement.
    """
    a = [m[0].lower() for m in lt]
    b = [m[0].lower() for m in rt]
    out: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if out and out[-1][0] in ("delete", "insert", "replace") and tag in ("delete", "insert"):
            _, p1, _, q1, _ = out[-1]
            out[-1] = ("replace", p1, i2, q1, j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


def word_diff(left: str, right: str) -> list[WordDiff]:
    """A diff of two sentences in whole words (compared case-insensitively).

    Returns spans covering both texts' tokens in order; the UI paints ``replace``,
    ``delete`` and ``insert`` spans and leaves ``equal`` ones alone.
    """
    lt, rt = _tokens(left), _tokens(right)
    out: list[WordDiff] = []
    for op, i1, i2, j1, j2 in _opcodes(lt, rt):
        ls = lt[i1].start() if i1 < len(lt) else len(left)
        le = lt[i2 - 1].end() if i2 > i1 else ls
        rs = rt[j1].start() if j1 < len(rt) else len(right)
        re_ = rt[j2 - 1].end() if j2 > j1 else rs
        out.append(WordDiff(op, ls, le, rs, re_))  # type: ignore[arg-type]
    return out


def _number_value(token: str) -> str:
    """A comparable form of a number: "1,200" -> "1200", "twelve" -> "12"."""
    t = token.lower().strip()
    t = _LEADING_QUALIFIER_RE.sub("", t)
    t = _CURRENCY_RE.sub("", t)
    if t in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[t])
    return t.replace(",", "")


_DIGIT_RE: Final = re.compile(r"\d")
_LEADING_QUALIFIER_RE: Final = re.compile(rf"^(?:{_QUALIFIERS})\s+")
_CURRENCY_RE: Final = re.compile(r"[$€£¥₹]\s?")
#: The last words a qualifier can end with: a cheap test before the regular expression.
_QUALIFIER_ENDINGS: Final = tuple(sorted({q.rsplit(" ", 1)[-1] for q in _QUALIFIERS.split("|")}))


def _numbers(text: str, lowered: list[str]) -> list[str]:
    """Numbers as written, with a qualifier in front ("at least 15", "nearly 200")."""
    found = list(_NUMBER_RE.finditer(text)) if _DIGIT_RE.search(text) else []
    if not _NUMBER_WORDS.keys().isdisjoint(lowered):
        spans = [(m.start(), m.end()) for m in found]
        found += [
            m
            for m in _NUMBER_WORD_RE.finditer(text)
            # "one of the countries" is not a count; "3 million" is already one number.
            if m.group().lower() != "one" and not any(a <= m.start() < b for a, b in spans)
        ]
    out = []
    for m in sorted(found, key=lambda m: m.start()):
        start = m.start()
        qualifier = None
        if start and text[start - 1].isspace():
            before = text[max(0, start - 30) : start].rstrip().lower()
            if before.endswith(_QUALIFIER_ENDINGS):
                qualifier = _QUALIFIER_RE.search(text, max(0, start - 30), start)
        out.append(f"{qualifier.group()}{m.group()}" if qualifier else m.group())
    return out


_DATE_KIND: Final = {
    **{m: "month" for m in _MONTHS},
    **{d: "weekday" for d in _WEEKDAYS},
    **{r: "relative" for r in ("yesterday", "today", "tomorrow", "tonight")},
}
_WORDS_RE: Final = re.compile(r"\b[\w']+\b")


def _dates(words: list[str], lowered: list[str], digits: bool = True) -> dict[str, list[str]]:
    """Dates by kind — years, months, weekdays — so only like is compared with like
    ("the 1960s" against "1961", never "1960s" against "Thursday")."""
    out: dict[str, list[str]] = {}
    if not digits and _DATE_KIND.keys().isdisjoint(lowered):
        return out
    for w, low in zip(words, lowered, strict=True):
        kind = _DATE_KIND.get(low)
        if kind is None and low[0].isdigit() and _YEAR_RE.match(low):
            kind = "year"
        if kind:
            out.setdefault(kind, []).append(w)
    return out


def _lower(s: str) -> str:
    return s.lower()


def _disagree(
    left: list[str], right: list[str], key: Callable[[str], str] = _lower
) -> tuple[str, str] | None:
    """The items only one side has, when *both* sides have some: a contradiction."""
    if not left or not right:
        return None
    lk = {key(x) for x in left}
    rk = {key(x) for x in right}
    only_l = [x for x in left if key(x) not in rk]
    only_r = [x for x in right if key(x) not in lk]
    if only_l and only_r:
        return ", ".join(dict.fromkeys(only_l)), ", ".join(dict.fromkeys(only_r))
    return None


_NAME_RE: Final = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def _names(text: str) -> list[str]:
    """Capitalised words that are not sentence-initial: a rough cut of proper names."""
    out = []
    for m in _NAME_RE.finditer(text):
        name = m.group()
        low = name.lower()
        if low not in _STOP and low not in _DATE_KIND:
            out.append(name)
    return out


def _contains(a: str, b: str) -> bool:
    """Whether one name contains the other as whole words."""
    a, b = a.lower(), b.lower()
    return a == b or f" {b} " in f" {a} " or f" {a} " in f" {b} "


def _titles(words: list[str], lowered: list[str]) -> list[str]:
    """Runs of title words: "Prime Minister", "Secretary of State" stays one title."""
    if _TITLES.isdisjoint(lowered):
        return []
    out: list[str] = []
    run: list[str] = []
    for w, low in zip([*words, ""], [*lowered, ""], strict=True):
        if low in _TITLES or (run and low == "of"):
            run.append(w)
            continue
        while run and run[-1].lower() == "of":
            run.pop()
        if run:
            out.append(" ".join(run))
        run = []
    return out


def _quotes(text: str) -> list[str]:
    return [m.group(1).strip() for m in _QUOTE_RE.finditer(text)]


def _content(words: str) -> bool:
    return any(w.lower() not in _STOP and w.isalnum() for w in re.findall(r"\w+", words))


#: Words an insertion may have and still read as rewording rather than added content.
_LONGEST_ADDITION: Final = 4


def _same_word(a: str, b: str) -> bool:
    """Whether two phrases differ only in case or a plural ending ("rates", "rate")."""
    a, b = a.lower(), b.lower()
    return a == b or a.rstrip("s") == b.rstrip("s")


def wording_differences(
    left: str, right: str, *, limit: int = 8, gap: int = 1, longest: int = 8
) -> list[Difference]:
    """The reworded phrases of two sentences that say the same thing, in reading order.

    Changes separated by at most ``gap`` unchanged words read as one phrase (up to
    ``longest`` words a side), and a bare insertion or deletion gets one word of context on
    each side ("Article 4" against "Article of 4"), so each difference reads as a phrase.
    """
    lt, rt = _tokens(left), _tokens(right)
    if not lt or not rt:
        return []
    opcodes = _opcodes(lt, rt)
    equal_words = sum(i2 - i1 for op, i1, i2, _, _ in opcodes if op == "equal")
    if equal_words < 0.3 * min(len(lt), len(rt)):
        return []  # too little in common for a word diff to read as a rewording
    groups: list[list[int]] = []  # [i1, i2, j1, j2] token ranges
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            continue
        if (
            groups
            and i1 - groups[-1][1] <= gap
            and j1 - groups[-1][3] <= gap
            and i2 - groups[-1][0] <= longest
            and j2 - groups[-1][2] <= longest
        ):
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
    found: list[tuple[int, int, Difference]] = []
    for i1, i2, j1, j2 in groups:
        if i1 == i2 or j1 == j2:  # a bare insertion or deletion
            if max(i2 - i1, j2 - j1) > _LONGEST_ADDITION:
                continue  # a clause one side adds: more content, not other wording
            i1, j1 = max(i1 - 1, 0), max(j1 - 1, 0)
            i2, j2 = min(i2 + 1, len(lt)), min(j2 + 1, len(rt))
        a = left[lt[i1].start() : lt[i2 - 1].end()] if i2 > i1 else ""
        b = right[rt[j1].start() : rt[j2 - 1].end()] if j2 > j1 else ""
        a, b = a.strip(" ,;:"), b.strip(" ,;:")
        if _same_word(a, b) or not (_content(a) or _content(b)):
            continue
        found.append((len(a) + len(b), i1, Difference("wording", a, b)))
    largest = sorted(found, key=lambda x: -x[0])[:limit]
    return [d for _, _, d in sorted(largest, key=lambda x: x[1])]


def find_differences(left: str, right: str, *, same_fact: bool = True) -> tuple[Difference, ...]:
    """Facts two linked sentences disagree on, then how their wording differs.

    A fact counts as a disagreement only when both sides state one of its kind and they do
    not match: a sentence that simply leaves a number out does not contradict the other.

    Args:
        left: The left sentence(s) of a link.
        right: The right sentence(s).
        same_fact: Whether the two report the same fact (a ``same`` or ``paraphrase``
            link). Only then is another name or title a discrepancy (who said it, who
            signed); in a ``partial`` link the sentences also say different things.
    """
    diffs: list[Difference] = []
    lw, rw = _WORDS_RE.findall(left), _WORDS_RE.findall(right)
    ll, rl = [w.lower() for w in lw], [w.lower() for w in rw]
    dl = _dates(lw, ll, _DIGIT_RE.search(left) is not None)
    dr = _dates(rw, rl, _DIGIT_RE.search(right) is not None)
    for kind in ("year", "month", "weekday", "relative"):
        if hit := _disagree(dl.get(kind, []), dr.get(kind, [])):
            diffs.append(Difference("date", *hit))
    date_words = {d.lower() for ds in (*dl.values(), *dr.values()) for d in ds}
    nl = [n for n in _numbers(left, ll) if n.lower() not in date_words]
    nr = [n for n in _numbers(right, rl) if n.lower() not in date_words]
    if hit := _disagree(nl, nr, key=_number_value):
        diffs.append(Difference("number", *hit))
    if same_fact:
        if hit := _disagree(_titles(lw, ll), _titles(rw, rl)):
            diffs.append(Difference("name", *hit))
        names_l, names_r = _names(left), _names(right)
        shared = {n.lower() for n in names_l} & {n.lower() for n in names_r}
        # A name contained in one on the other side is the same name, shorter ("Russian"
        # and "Russian Federation", "Putin" and "Vladimir Putin").
        only_l = [n for n in names_l if not any(_contains(m, n) for m in names_r)]
        only_r = [n for n in names_r if not any(_contains(m, n) for m in names_l)]
        if shared and (hit := _disagree(only_l, only_r)):
            diffs.append(Difference("name", *hit))
    if hit := _disagree(_quotes(left), _quotes(right)):
        diffs.append(Difference("quote", *hit))
    stated = {x.lower() for d in diffs for x in (d.left, d.right)}
    for d in wording_differences(left, right):
        # A rewording that only restates a fact difference above adds nothing.
        if d.left.lower() in stated or d.right.lower() in stated:
            continue
        if re.fullmatch(r"[\d.,\s%]+", d.left + d.right):
            continue
        diffs.append(d)
    return tuple(diffs)
