"""How two linked sentences differ: a word-level diff and the facts they disagree on.

A journalist reading two linked sentences wants two things: where the wording differs
(shown word by word, never as a confetti of changed letters) and where the *facts* differ —
"12 killed" against "at least 15 dead", "the 1960s" against "1961", "Prime Minister"
against "President", a quote worded differently. The first is :func:`word_diff`; the second
is :func:`find_differences`, which produces the ``differences`` of a link.

:func:`find_differences` runs once per link of a comparison, so each text is split into
tokens and words once (:class:`_Text`) and every test reads those.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Final, Literal, cast

from rapidfuzz.distance import Indel

from parallax.core.model import Difference
from parallax.core.vocabulary import FUNCTION_WORDS, MONTHS, WEEKDAYS

DiffOp = Literal["equal", "replace", "delete", "insert"]
#: An edit operation: tag, then token ranges ``[i1, i2)`` left and ``[j1, j2)`` right.
_Opcode = tuple[str, int, int, int, int]

_TOKEN_RE: Final = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[’'.,:-]\w+)*|[^\w\s]")
_WORDS_RE: Final = re.compile(r"\b[\w']+\b")
_QUOTE_RE: Final = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,}?)[\"“”«»„]")
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


def _by_first_letter(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first, grouped by first letter.

    ``(?=[bdef...])(?:s(?:eventeen|ixteen|...)|t(?:housands|...)|...)`` matches exactly
    what the flat ``seventeen|sixteen|...|thousands|...`` matches: the lookahead for a first
    letter changes no match, the order within a letter is kept, and words of different
    letters never compete. But the regular expression engine turns most positions away at
    the lookahead and tries one group at the others, instead of every word everywhere.
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    firsts = "".join(sorted(groups))
    alternatives = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return f"(?=[{firsts}])(?:{alternatives})"


# A match starts with a currency sign or a digit: the lookahead for one changes no match,
# but turns most positions of a sentence away at once.
_NUMBER_RE: Final = re.compile(
    r"(?=[$€£¥₹\d])"
    r"(?:[$€£¥₹]\s?)?\d[\d,]*(?:\.\d+)?(?:s|st|nd|rd|th)?\b"
    r"(?:\s?(?:%|percent|per cent|million|billion|bn|m)\b)?"
)
_NUMBER_WORD_RE: Final = re.compile(
    rf"\b{_by_first_letter(_NUMBER_WORDS)}\b(?:\s(?:million|billion|thousand|hundred)\b)?",
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


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One span of a word-level diff, with character offsets into each sentence."""

    op: DiffOp
    left_start: int
    left_end: int
    right_start: int
    right_end: int


def _split(text: str) -> tuple[list[str], list[int], list[str]]:
    """The tokens (``_TOKEN_RE``) of a text with their offsets, and its words (``_WORDS_RE``).

    No token or word spans whitespace, and both expressions match the same in a run of
    non-space characters as in the whole text (the ends of a run are word boundaries
    either way), so the text is cut at whitespace first. A run of letters and digits —
    most of a sentence — is one token and one word as it stands, and so is one followed
    by a comma or a full stop, with the mark as a token of its own; only the rest
    ("U.S.", "Israel's", '"These') goes through the expressions. The tokens of a run
    follow each other without a gap; runs are one space apart in most texts, and
    otherwise each is looked for after the previous one.
    """
    tokens: list[str] = []
    starts: list[int] = []
    words: list[str] = []
    runs = text.split()
    spaced = " ".join(runs) == text
    find, pos = text.find, 0
    for run in runs:
        if not spaced:
            pos = find(run, pos)
        if run.isalnum():
            tokens.append(run)
            starts.append(pos)
            words.append(run)
        elif run[-1] in ",." and (word := run[:-1]).isalnum():
            tokens += (word, run[-1])
            starts += (pos, pos + len(word))
            words.append(word)
        else:
            run_tokens = _TOKEN_RE.findall(run)
            tokens += run_tokens
            starts += accumulate(map(len, run_tokens[:-1]), initial=pos)
            words += _WORDS_RE.findall(run)
        pos += len(run) + spaced  # and the space after it
    return tokens, starts, words


def _lower_all(items: list[str]) -> list[str]:
    """``[s.lower() for s in items]`` for items without whitespace, in one call to lower.

    Joined with a space, which lowercasing leaves alone and which ends a word for the one
    context-dependent mapping (a final Σ), so each item lowers as it would alone.
    """
    return " ".join(items).lower().split(" ") if items else []


class _Text:
    """One side of a link, split once for every test that reads it.

    Attributes:
        text: The sentence(s) as given.
        tokens: Its tokens, the units of the word diff; ``lowered`` in lower case, and
            ``starts`` their offsets in ``text``.
        words: Its words, the units of the fact tests; ``lowered_words`` in lower case.
        digits: Whether the text has a digit at all.
    """

    __slots__ = ("digits", "lowered", "lowered_words", "starts", "text", "tokens", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens, self.starts, self.words = _split(text)
        self.lowered = _lower_all(self.tokens)
        self.lowered_words = _lower_all(self.words)
        self.digits = _has_digit(text)

    def end(self, i: int) -> int:
        """The offset just after token ``i``."""
        return self.starts[i] + len(self.tokens[i])

    def phrase(self, i1: int, i2: int) -> str:
        """The text from the start of token ``i1`` to the end of token ``i2 - 1``."""
        if i2 <= i1:
            return ""
        return self.text[self.starts[i1] : self.starts[i2 - 1] + len(self.tokens[i2 - 1])]


def _opcodes(a: list[str], b: list[str]) -> list[_Opcode]:
    """Word-level edit operations between two lists of lowercased tokens (longest common
    subsequence).

    rapidfuzz computes them in C++; a deletion next to an insertion reads as a replacement.
    """
    out: list[_Opcode] = []
    # As plain tuples, which the type stubs do not say.
    edits = cast("list[_Opcode]", Indel.opcodes(a, b).as_list())
    for tag, i1, i2, j1, j2 in edits:
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
    lt, rt = _Text(left), _Text(right)
    out: list[WordDiff] = []
    for op, i1, i2, j1, j2 in _opcodes(lt.lowered, rt.lowered):
        ls = lt.starts[i1] if i1 < len(lt.starts) else len(left)
        le = lt.end(i2 - 1) if i2 > i1 else ls
        rs = rt.starts[j1] if j1 < len(rt.starts) else len(right)
        re_ = rt.end(j2 - 1) if j2 > j1 else rs
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


def _has_digit(text: str) -> bool:
    """Whether the text has a digit, found without the regular expression engine when the
    text is ASCII (where the only digits are 0 to 9)."""
    if text.isascii():
        return any(d in text for d in "0123456789")
    return _DIGIT_RE.search(text) is not None


_LEADING_QUALIFIER_RE: Final = re.compile(rf"^(?:{_QUALIFIERS})\s+")
_CURRENCY_RE: Final = re.compile(r"[$€£¥₹]\s?")
#: The last words a qualifier can end with: a cheap test before the regular expression.
_QUALIFIER_ENDINGS: Final = tuple(sorted({q.rsplit(" ", 1)[-1] for q in _QUALIFIERS.split("|")}))


def _numbers(text: str, lowered: list[str], digits: bool | None = None) -> list[str]:
    """Numbers as written, with a qualifier in front ("at least 15", "nearly 200").

    ``lowered`` are the text's words in lower case; ``digits`` whether it has a digit
    (looked up when not given).
    """
    return [n for n, _ in _counts(text, lowered, digits)]


#: Words that count people, so that "12 killed" and "fifteen dead" count the same thing.
_PEOPLE: Final = frozenset(
    "people persons person killed dead died deaths wounded injured hurt victims civilians "
    "soldiers troops men women children residents protesters migrants casualties".split()
)
#: The word after a number, joined to it by a hyphen ("200-foot") or not, past an "of"
#: ("hundreds of people", "dozens of the tourists").
_UNIT_RE: Final = re.compile(r"(?:\s*|-)(?:of\s+(?:the\s+)?)?([A-Za-z]+)")
#: A month's name just before a number: "April 25" is a date, never a count.
_MONTH_BEFORE_RE: Final = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+$", re.IGNORECASE
)
_ORDINAL_RE: Final = re.compile(r"\d(?:st|nd|rd|th)$")
#: A verb of killing just before a number that names nothing after it: "kills hundreds".
_KILLING_BEFORE_RE: Final = re.compile(r"\bkill(?:s|ed|ing)?\s+(?:more than\s+|at least\s+)?$")


def _unit(text: str, start: int, end: int) -> str:
    """What a number counts: the word after it ("40 years" -> "year", "200-foot" -> "foot",
    "hundreds of people" -> "people"), "age" for an age ("Smith, 68," or "aged 68"),
    "date" for a day of a month ("April 25"), an ordinal with what it ranks ("19th-century"
    -> "th century"), or "" when nothing says."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 1]
    if before.endswith(("aged ", "age ")) or (before.endswith(", ") and after in (",", "")):
        return "age"
    if _MONTH_BEFORE_RE.search(before):
        return "date"
    ordinal = "th " if _ORDINAL_RE.search(text, start, end) else ""
    m = _UNIT_RE.match(text, end)
    word = m.group(1).lower() if m else ""
    if not word or word in FUNCTION_WORDS or word in _QUALIFIER_ENDINGS:
        # "kills hundreds," counts the dead
        return "killed" if not ordinal and _KILLING_BEFORE_RE.search(before) else ordinal
    return ordinal + (word[:-1] if word.endswith("s") and len(word) > 3 else word)


def _comparable(a: str, b: str) -> bool:
    """Whether numbers with these units may count the same thing: a date or an ordinal only
    ever meets its like."""
    if a != b and ({a, b} & {"date"} or a.startswith("th ") or b.startswith("th ")):
        return False
    return a == b or not a or not b or (a in _PEOPLE and b in _PEOPLE)


def _counts(text: str, lowered: list[str], digits: bool | None = None) -> list[tuple[str, str]]:
    """:func:`_numbers` with what each one counts (:func:`_unit`)."""
    if digits is None:
        digits = _has_digit(text)
    found = list(_NUMBER_RE.finditer(text)) if digits else []
    if not _NUMBER_WORDS.keys().isdisjoint(lowered):
        spans = [(m.start(), m.end()) for m in found]
        found += [
            m
            for m in _NUMBER_WORD_RE.finditer(text)
            # "one of the countries" is not a count; "3 million" is already one number.
            if m.group().lower() != "one" and not any(a <= m.start() < b for a, b in spans)
        ]
        found.sort(key=lambda m: m.start())
    out: list[tuple[str, str]] = []
    for m in found:
        start = m.start()
        qualifier = None
        if start and text[start - 1].isspace():
            before = text[max(0, start - 30) : start].rstrip().lower()
            if before.endswith(_QUALIFIER_ENDINGS):
                qualifier = _QUALIFIER_RE.search(text, max(0, start - 30), start)
        number = f"{qualifier.group()}{m.group()}" if qualifier else m.group()
        out.append((number, _unit(text, start, m.end())))
    return out


_DATE_KIND: Final = {
    **{m: "month" for m in MONTHS},
    **{d: "weekday" for d in WEEKDAYS},
    **{r: "relative" for r in ("yesterday", "today", "tomorrow", "tonight")},
}


def _dates(words: list[str], lowered: list[str], digits: bool = True) -> dict[str, list[str]]:
    """Dates by kind — years, months, weekdays — so only like is compared with like
    ("the 1960s" against "1961", never "1960s" against "Thursday").

    ``digits`` is whether the text has a digit at all: without one it has no year.
    """
    out: dict[str, list[str]] = {}
    if digits:
        # A year starts with 1 or 2: a cheap test before the expression.
        years = [
            w for w, low in zip(words, lowered, strict=True)
            if low[0] in "12" and _YEAR_RE.match(low)
        ]  # fmt: skip
        if years:
            out["year"] = years
    if not _DATE_KIND.keys().isdisjoint(lowered):
        for w, low in zip(words, lowered, strict=True):
            if kind := _DATE_KIND.get(low):
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


def _numbers_disagree(
    left: list[tuple[str, str]], right: list[tuple[str, str]]
) -> tuple[str, str] | None:
    """Numbers only one side states, when the other states a different one that counts the
    same thing ("40 years" is never held against an age, "60 votes" against "eight
    Democrats")."""
    if not right:
        return None
    lv = {_number_value(n) for n, _ in left}
    rv = {_number_value(n) for n, _ in right}
    only_l = [(n, u) for n, u in left if _number_value(n) not in rv]
    only_r = [(n, u) for n, u in right if _number_value(n) not in lv]
    pairs = [(a, b) for a, ua in only_l for b, ub in only_r if _comparable(ua, ub)]
    if not pairs:
        return None
    return _once(a for a, _ in pairs), _once(b for _, b in pairs)


def _once(numbers: Iterable[str]) -> str:
    """Each number once, as first written, whatever its case: a headline's "More Than
    1,800" is the lead's "more than 1,800"."""
    first: dict[str, str] = {}
    for n in numbers:
        first.setdefault(n.lower(), n)
    return ", ".join(first.values())


# A capitalised word not at the start of the text nor after the end of a sentence. The
# capital comes first and the lookbehinds after it (the character before it is a non-word
# one; those two before it are not ".", "!" or "?" and a space), so the engine only stops
# at capitals.
_NAME_RE: Final = re.compile(r"[A-Z](?<=\W.)(?<![.!?]\s.)[a-z]+(?:\s+[A-Z][a-z]+)*")
_NOT_NAMES: Final = FUNCTION_WORDS | frozenset(_DATE_KIND)


def _names(text: str) -> list[str]:
    """Capitalised words that are not sentence-initial: a rough cut of proper names."""
    return [name for name in _NAME_RE.findall(text) if name.lower() not in _NOT_NAMES]


def _name_differences(names_l: list[str], names_r: list[str]) -> tuple[str, str] | None:
    """Names only one side has, when the two share at least one name.

    A name contained as whole words in one on the other side is the same name, shorter
    ("Russian" and "Russian Federation", "Putin" and "Vladimir Putin").
    """
    low_l = [n.lower() for n in names_l]
    low_r = [n.lower() for n in names_r]
    if set(low_l).isdisjoint(low_r):
        return None
    return _disagree(_unmatched(names_l, low_l, low_r), _unmatched(names_r, low_r, low_l))


def _unmatched(names: list[str], lowered: list[str], others: list[str]) -> list[str]:
    """The names that contain none of ``others`` as whole words and are part of none.

    ``lowered`` and ``others`` are in lower case. Padded with spaces, "putin" is part of
    "vladimir putin" when " putin " is part of " vladimir putin "; the others, joined with
    a character no name has, are searched for each name at once.
    """
    padded = [f" {o} " for o in others]
    joined = "|".join(padded)
    return [
        name for name, low in zip(names, lowered, strict=True)
        if (a := f" {low} ") not in joined and not any(b in a for b in padded)
    ]  # fmt: skip


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


_QUOTE_MARKS: Final = '"“”«»„'


def _quotes(text: str) -> list[str]:
    if not any(q in text for q in _QUOTE_MARKS):
        return []  # cheaper than letting the expression find no quote
    return [m.group(1).strip() for m in _QUOTE_RE.finditer(text)]


_WORD_RUN_RE: Final = re.compile(r"\w+")


def _quote_words(quote: str) -> str:
    """A quote's words only: case, punctuation and curly or straight marks do not count."""
    return " ".join(_WORD_RUN_RE.findall(quote.lower().replace("’", "'")))


def _quotes_disagree(left: list[str], right: list[str]) -> tuple[str, str] | None:
    """Quotes each side has that the other does not, when both quote something. A quote
    cut shorter on one side, or written with other punctuation, is the same quote."""
    if not left or not right:
        return None
    lw, rw = [_quote_words(q) for q in left], [_quote_words(q) for q in right]

    def found(words: str, others: list[str]) -> bool:
        return any(words in o or o in words for o in others if o and words)

    only_l = [q for q, w in zip(left, lw, strict=True) if not found(w, rw)]
    only_r = [q for q, w in zip(right, rw, strict=True) if not found(w, lw)]
    if only_l and only_r:
        return ", ".join(dict.fromkeys(only_l)), ", ".join(dict.fromkeys(only_r))
    return None


def _content(words: str) -> bool:
    return any(w.lower() not in FUNCTION_WORDS and w.isalnum() for w in _WORD_RUN_RE.findall(words))


#: Words an insertion may have and still read as rewording rather than added content.
_LONGEST_ADDITION: Final = 4
#: A rewording of figures alone: the number test above has judged it.
_FIGURES_RE: Final = re.compile(r"[\d.,\s%]+")


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
    return _wording(_Text(left), _Text(right), limit=limit, gap=gap, longest=longest)


def _wording(
    left: _Text, right: _Text, *, limit: int = 8, gap: int = 1, longest: int = 8
) -> list[Difference]:
    """:func:`wording_differences` of two texts already split."""
    lt, rt = left.lowered, right.lowered
    if not lt or not rt or lt == rt:
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
        a = left.phrase(i1, i2).strip(" ,;:")
        b = right.phrase(j1, j2).strip(" ,;:")
        if _same_word(a, b) or not (_content(a) or _content(b)):
            continue
        found.append((len(a) + len(b), i1, Difference("wording", a, b)))
    largest = sorted(found, key=lambda x: -x[0])[:limit]
    return [d for _, _, d in sorted(largest, key=lambda x: x[1])]


#: Words that deny what follows them ("could not confirm", "never said", "no longer").
_NEGATIONS: Final = frozenset(
    "not never cannot can't won't didn't doesn't don't isn't wasn't aren't weren't hasn't "
    "haven't hadn't couldn't wouldn't shouldn't nor neither unable non".split()
)
#: Words that may sit between a negation and what it denies ("did not yet fully confirm").
_BETWEEN: Final = frozenset(
    "be been being have has had do does did could would will shall should may might must "
    "can yet ever fully immediately publicly directly able to the a an his her their its "
    "any longer now".split()
)
_COPULAS: Final = frozenset("is are was were am".split())
#: How far (in words) a negation reaches.
_NEGATION_REACH: Final = 4
#: Substrings without which neither side can deny anything (a cheap first test).
_CLAIM_HINTS: Final = ("not", "n't", "never", "unable", "neither", "nor", "non")
_CLAIM_WORD_RE: Final = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def _claim_stem(word: str) -> str:
    """A light stem so that "confirmed", "confirms" and "confirm" meet."""
    if word.endswith(("ied", "ies")) and len(word) >= 5:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _polarity(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The content words a sentence denies and those it states, each with the phrase it is
    in: ``({"confirm": "could not confirm whether"}, {"messag": ...})``."""
    # The same length as ``text``, so the phrases are cut from the text as written.
    found = list(_CLAIM_WORD_RE.finditer(text.lower().replace("’", "'")))
    words = [m.group() for m in found]

    def phrase(first: int, last: int) -> str:
        first, last = max(first, 0), min(last, len(found) - 1)
        return text[found[first].start() : found[last].end()]

    denied: dict[str, str] = {}
    stated: dict[str, str] = {}
    reach = -1
    for k, w in enumerate(words):
        if w in _NEGATIONS or w.endswith("n't"):
            reach = k + _NEGATION_REACH
            start = k
            continue
        if k == reach - _NEGATION_REACH + 1 and w in ("only", "just", "merely"):
            reach = -1  # "not only ... but": no denial
            continue
        if w in FUNCTION_WORDS or w in _BETWEEN or len(w) < 3:
            continue
        stem = _claim_stem(w)
        if k <= reach:
            # The denial from its auxiliary on ("could not confirm whether").
            before = words[start - 1] if start else ""
            first = start - 1 if before in _BETWEEN or before in _COPULAS else start
            denied.setdefault(stem, phrase(first, k + 1))
            reach = -1  # a negation denies the first content word it reaches
        else:
            stated.setdefault(stem, phrase(k - 1, k + 1))
    return denied, stated


def claim_difference(left: str, right: str) -> Difference | None:
    """A claim one side makes and the other denies: "confirmed the messages" against "could
    not confirm whether they corresponded", "was not his war" against "is now his war".

    A word counts when one side denies it and the other states it without denying it;
    a side that merely leaves it out disagrees with nothing.
    """
    low = (left.lower().replace("’", "'"), right.lower().replace("’", "'"))
    if not any(n in t for t in low for n in _CLAIM_HINTS):
        return None
    denied_l, stated_l = _polarity(left)
    denied_r, stated_r = _polarity(right)
    for stem, phrase in denied_l.items():
        if stem in stated_r and stem not in denied_r:
            return Difference("claim", phrase, stated_r[stem])
    for stem, phrase in denied_r.items():
        if stem in stated_l and stem not in denied_l:
            return Difference("claim", stated_l[stem], phrase)
    return None


def find_differences(left: str, right: str, *, same_fact: bool = True) -> tuple[Difference, ...]:
    """Facts two linked sentences disagree on, then how their wording differs.

    A fact counts as a disagreement only when both sides state one of its kind and they do
    not match: a sentence that simply leaves a number out does not contradict the other.

    Args:
        left: The left sentence(s) of a link.
        right: The right sentence(s).
        same_fact: Whether the two report the same fact (a ``same`` or ``paraphrase``
            link). Only then is another name or title a discrepancy (who said it, who
            signed), or a claim one side denies; in a ``partial`` link the sentences also
            say different things.
    """
    if left == right:
        return ()  # nothing can disagree, and no word differs
    lt, rt = _Text(left), _Text(right)
    lw, rw, ll, rl = lt.words, rt.words, lt.lowered_words, rt.lowered_words
    diffs: list[Difference] = []
    dl = _dates(lw, ll, lt.digits)
    dr = _dates(rw, rl, rt.digits)
    if dl and dr:
        for kind in ("year", "month", "weekday", "relative"):
            if hit := _disagree(dl.get(kind, []), dr.get(kind, [])):
                diffs.append(Difference("date", *hit))
    date_words = {d.lower() for ds in (*dl.values(), *dr.values()) for d in ds}
    nl = [n for n in _counts(left, ll, lt.digits) if n[0].lower() not in date_words]
    if nl:
        nr = [n for n in _counts(right, rl, rt.digits) if n[0].lower() not in date_words]
        if hit := _numbers_disagree(nl, nr):
            diffs.append(Difference("number", *hit))
    if same_fact:
        if hit := _disagree(_titles(lw, ll), _titles(rw, rl)):
            diffs.append(Difference("name", *hit))
        names_l = _names(left)
        if names_l and (names_r := _names(right)) and (hit := _name_differences(names_l, names_r)):
            diffs.append(Difference("name", *hit))
    if (quotes_l := _quotes(left)) and (hit := _quotes_disagree(quotes_l, _quotes(right))):
        diffs.append(Difference("quote", *hit))
    if same_fact and (claim := claim_difference(left, right)):
        diffs.append(claim)  # in a partial link the two may state different things
    stated = {x.lower() for d in diffs for x in (d.left, d.right)}
    for d in _wording(lt, rt):
        # A rewording that only restates a fact difference above adds nothing.
        if d.left.lower() in stated or d.right.lower() in stated:
            continue
        if _FIGURES_RE.fullmatch(d.left + d.right):
            continue
        diffs.append(d)
    return tuple(diffs)
