"""Split repaired article text into sentences with exact character offsets.

Line and paragraph breaks are always boundaries. Each line is then classified (headline,
heading, caption, repeat or body), and body lines are split into sentences:

1. A regular expression finds *candidate* boundaries: terminal punctuation (``. ! ? …``),
   optional closing quotes/brackets, whitespace, then an uppercase letter, a digit, a
   currency sign or an opening quote/bracket.
2. Each candidate is classified from the token before it and the word after it as a
   boundary, not a boundary, or ambiguous. Ordinary words, numbers, ``!`` and ``?`` are
   boundaries; titles (``Mr.``, ``Gen.``), abbreviations before numbers (``No. 5``,
   ``Jan. 5``), ``e.g.``/``i.e.``, ``10 a.m. Tuesday``, initials (``J. K. Rowling``) and
   list markers (``1.``) are not; other abbreviations and dotted acronyms (``U.S.``,
   ``Inc.``, ``D.C.``) are boundaries only before a typical sentence opener (``The``,
   ``He``, ``In``...), the rule pysbd applies to ``U.S.``, extended to every abbreviation.
   Inside matched double quotes or brackets nothing is a boundary (pysbd's rule, applied
   here directly): ``He said, "This is it. We go now."`` stays one sentence.
3. Only ambiguous candidates (an ellipsis, a candidate inside single quotes, a dotted token
   that is no acronym such as ``Ph.D.``, a lowercase single letter, a number in a line that
   runs list items together...) are handed to pysbd, and only the stretch of the line
   between the surrounding sure boundaries. pysbd is slow (about 1.5 s for 2,000
   sentences); on real news this hands it well under 1% of the text. Its answer is mapped
   back onto the text by the code here (its character spans are verified, never trusted),
   and it can only accept or reject our candidates: it never moves a boundary, never cuts
   where no candidate is, and never overrides one of our sure "not a boundary" decisions
   (pysbd would cut ``10 a.m. Tuesday``).

Invariants (checked by the tests): ``text[s.start:s.end] == s.text``; sentences are in
order, non-overlapping, indexed ``0..n-1``, stripped and non-empty; every non-whitespace
character of the text lies in exactly one sentence.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
from bisect import bisect_left
from typing import Any, Final, TypeAlias

from parallax.core.model import Document, Sentence, SentenceRole
from parallax.core.vocabulary import SAY_FORMS

__all__ = ["split_document", "split_sentences"]

# ---------------------------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------------------------

#: A non-blank line without its leading and trailing whitespace: ``line.strip()`` for each
#: run of characters between line breaks (the ones ``str.splitlines`` breaks at), found in
#: one pass. ``\S`` is exactly ``not str.isspace()`` (what ``str.strip`` removes) and every
#: line break is whitespace, so a match runs from the first to the last non-space character
#: of one line.
_LINE: Final = re.compile(r"\S(?:[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]*\S)?")

# ---------------------------------------------------------------------------------------------
# Candidate boundaries
# ---------------------------------------------------------------------------------------------

_CLOSERS: Final = "\"'”’»)]}"
_OPENERS: Final = "\"'“‘«([{"
_CURRENCY: Final = "$£€¥₹"

#: Terminal punctuation, optional closers, whitespace, then (optional openers and) a word or
#: currency sign. Whether the word starts with an uppercase letter or a digit is checked in
#: code, which knows every Unicode uppercase letter.
#: It only starts at the beginning of a run of punctuation and never backtracks, so a long
#: run of dots costs linear time. The pattern opens with a plain character class (the check
#: that no punctuation precedes the run comes right after its first character) so that
#: ``re`` can skip straight to the next punctuation mark instead of trying every position
#: of the line: about three times faster on news text.
_CANDIDATE: Final = re.compile(
    r"(?P<p>[.!?…‽](?<![.!?…‽].)[.!?…‽]*+)(?P<c>[\"'”’»)\]}]*+)\s++(?=[\"'“‘«(\[{]*+[\w$£€¥₹])"
)
#: A full stop with no space after it, between a word and a capitalised one ("was
#: impeached.The vote"): pages that lost a line break between two paragraphs run them
#: together so. Only a word of two or more lowercase letters (or a capitalised one of three
#: or more, then only before a sentence opener) before it and a word of an uppercase letter
#: and lowercase ones after it: "example.com", "U.S.A", "3.5", "St.Petersburg", "One.Tel"
#: and "ASP.NET" are no boundaries, nor is an address ("Jane.Doe@example.com").
_GLUED: Final = re.compile(
    r"(?<![\w.@/:\-])(?P<w>[a-z]{2,}|[A-Z][a-z]{2,})(?P<p>\.)(?=[A-Z][a-z]+\b(?![.@/\-]))"
)
#: What every match of :data:`_GLUED` holds, found fast: most lines have none.
_GLUED_HINT: Final = re.compile(r"\.[A-Z]")
#: The word after a candidate: openers, the word, and whether a period follows it.
_NEXT_WORD: Final = re.compile(r"(?P<o>[\"'“‘«(\[{]*)(?P<w>[\w'’\-]*)(?P<dot>\.?)")

_BOUNDARY: Final = 1
_NO: Final = 0
_AMBIGUOUS: Final = 2


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


#: Titles before a name: never a boundary after them (pysbd's "prepositive" abbreviations).
_TITLES: Final = _words(
    """mr mrs ms mmes messrs mssrs mx dr drs prof gen lt col maj capt cmdr cdr adm brig sgt cpl
    pvt sen sens rep reps gov pres supt insp det rev hon msgr atty attys amb v vs"""
)
#: Abbreviations that may end a sentence (any case): a boundary only before a sentence opener.
_ABBREVIATIONS: Final = _words(
    """inc co corp ltd llc plc pte bhd jr sr esq etc al bros dept univ assn govt intl natl approx
    jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri
    st mt ft ave blvd hwy
    ala ariz ark calif colo conn fla ky md mich minn neb nebr nev okla tenn tex vt wis
    wyo"""
)
#: Abbreviations that are also ordinary words: only when capitalised (``Ill.``, ``Wash.``).
_CAPITALISED_ABBREVIATIONS: Final = _words(
    "ill ind miss mass wash ore la pa mo ga va del kan kans mont"
)
#: Abbreviations that only stand before a number: ``No. 5``, ``Art. 4``, ``p. 12``, ``Rs. 500``.
_NUMBER_ABBREVIATIONS: Final = _words(
    "no nos nr art arts sec secs vol vols p pp fig figs ch para op ref tel ext rs"
)
#: Dotted abbreviations that never end a sentence before an uppercase word.
_NEVER_FINAL_DOTTED: Final = frozenset({"e.g", "i.e", "viz", "cf", "a.k.a"})
_TIME_DOTTED: Final = frozenset({"a.m", "p.m"})
#: Words after ``a.m.``/``p.m.`` that continue the sentence: ``10 a.m. Tuesday``.
_AFTER_TIME: Final = _words(
    """monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    local et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest eet eest ist kst
    jst msk hkt sgt aest aedt wib pyongyang seoul moscow beijing tokyo kyiv washington
    london delhi eastern central pacific mountain"""
)
#: Words that typically open a sentence and rarely follow an abbreviation inside one. pysbd
#: uses the first line of this list for ``U.S.``/``U.K.``/``E.U.``; we use it for every
#: abbreviation, acronym and initial.
_STARTERS: Final = _words(
    """A Being Did For He How However I In It Millions More She That The There They We What When
    Where Who Why
    According After All Also Although An And Any As At Because Before Both But By Despite
    During Each Earlier Even Every Following From Given Her Here His If Instead Its Just Last
    Later Many Meanwhile Most My Neither Never No Nor Not Now On One Only Other Our Several Since
    So Some Still Such Their Then These This Those Thus To Today Under Unlike Until Was We Were
    While With Yesterday Yet You"""
)
#: Verbs of saying: ``"Why?" Foreign Minister Lavrov asked.`` is one sentence.
_SAY_VERB: Final = "(?:" + "|".join(SAY_FORMS) + ")"
_ATTRIBUTION: Final = re.compile(
    r"(?:[A-Z][\w'’.\-]*,?\s+){1,5}(?:[a-z]+\s+){0,2}" + _SAY_VERB + r"\b"
)
_ENUMERATOR: Final = re.compile(
    r"\d{1,3}|[A-Za-z]|(?:x{0,3})(?:ix|iv|v?i{0,3})|(?:X{0,3})(?:IX|IV|V?I{0,3})"
)
_NUMBER: Final = re.compile(r"[\d$£€¥₹][\d.,:/%\-–]*%?")
#: A line that opens with a list marker ("1. ", "• 9. ", "a) "), so may run several items on.
_LIST_LINE: Final = re.compile(r"\W{0,2}\s?(?:\d{1,2}|[A-Za-z])(?:\.\)?|\))\s")
_DOTTED_LETTERS: Final = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")

#: pysbd is only ever given stretches of at most this many characters (its cost grows faster
#: than linearly with length); longer ambiguous stretches fall back to our own rules.
_PYSBD_MAX_CHARS: Final = 4000


@dataclasses.dataclass(slots=True)
class _Candidate:
    p_start: int  # offset of the terminal punctuation in the line
    cut: int  # end of the closers: where the sentence ends
    next_start: int  # start of the next sentence (after the whitespace)
    decision: int
    depth: int  # how many quotes/brackets enclose ``cut``


_QUOTE_CHARS: Final = "\"“”‘’'()[]{}"
#: A quotation or bracket longer than this protects nothing: a quote of several sentences
#: is a paragraph at most, while pairing a stray quote mark with one thousands of characters
#: on made 95,000-character "sentences" of a long line, and every later step slow.
_MAX_QUOTED: Final = 2000
_QUOTE_CHAR: Final = re.compile(r"[\"“”‘’'()\[\]{}]")


def _quoted_spans(line: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans ``(open, close)`` of the matched quotes and brackets of one line.

    Returns the double quotes and brackets, and separately the single quotes.

    Quotes are paired from their context (an opening quote follows whitespace or an opening
    bracket and precedes a non-space; a closing one follows a non-space), so an unclosed
    quote (news style leaves a quote open when it runs on into the next paragraph) or an
    apostrophe protects nothing.
    """
    spans: list[tuple[int, int]] = []
    singles: list[tuple[int, int]] = []
    open_double = open_curly = open_single = -1
    parens: list[int] = []
    n = len(line)
    for m in _QUOTE_CHAR.finditer(line):
        i = m.start()
        ch = line[i]
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < n else " "
        opens = (before.isspace() or before in _OPENERS or before in "—–-/:") and not (
            after.isspace()
        )
        closes = not before.isspace() and (after.isspace() or not after.isalnum())
        if ch == '"':
            if opens and not closes:
                open_double = i  # a second opener: the earlier quote was never closed
            elif open_double >= 0:
                spans.append((open_double, i))
                open_double = -1
            elif opens:
                open_double = i
        elif ch == "“":
            open_curly = i  # a second opener: the earlier quote was never closed
        elif ch == "”":
            if open_curly >= 0:
                spans.append((open_curly, i))
                open_curly = -1
        elif ch in "‘'":
            if opens and not closes:
                open_single = i
            elif open_single >= 0 and closes:
                singles.append((open_single, i))
                open_single = -1
        elif ch == "’":
            if open_single >= 0 and closes:
                singles.append((open_single, i))
                open_single = -1
        elif ch in "([{":
            parens.append(i)
        elif parens:  # ) ] }
            spans.append((parens.pop(), i))
    return (
        [(a, b) for a, b in spans if b - a <= _MAX_QUOTED],
        [(a, b) for a, b in singles if b - a <= _MAX_QUOTED],
    )


#: The opening and the closing offsets of some quoted spans, each sorted, for ``_inside``.
_Bounds: TypeAlias = tuple[list[int], list[int]]


def _quote_bounds(line: str) -> tuple[_Bounds, _Bounds]:
    """The bounds of a line's matched double quotes and brackets, and of its single quotes."""
    spans, singles = _quoted_spans(line) if _QUOTE_CHAR.search(line) else ([], [])
    return _bounds(spans), _bounds(singles)


def _bounds(spans: list[tuple[int, int]]) -> _Bounds:
    """The sorted opening and closing offsets of ``spans`` (``_quoted_spans``' pairs)."""
    return sorted(a for a, _ in spans), sorted(b for _, b in spans)


def _inside(bounds: _Bounds, pos: int) -> int:
    """How many spans enclose the boundary position ``pos`` (``open < pos <= close``).

    That is the number of spans opened before ``pos`` less the number already closed before
    it (a span closes after it opens): two binary searches, where testing every span made a
    long line full of quotes quadratic.
    """
    opens, closes = bounds
    return bisect_left(opens, pos) - bisect_left(closes, pos)


def _token_before(line: str, end: int) -> tuple[int, str]:
    """Start and text of the whitespace-delimited token ending at ``end``."""
    i = end
    while i > 0 and not line[i - 1].isspace():
        i -= 1
    return i, line[i:end]


def _next_word(line: str, pos: int) -> tuple[str, bool, bool]:
    """The word starting at ``pos``: (word, opened by a quote/bracket, followed by a period)."""
    m = _NEXT_WORD.match(line, pos)
    if m is None:  # pragma: no cover - the pattern always matches
        return "", False, False
    return m.group("w"), bool(m.group("o")), bool(m.group("dot"))


def _opens_sentence(line: str, pos: int) -> bool:
    """Whether the text at ``pos`` looks like the start of a new sentence after an
    abbreviation: a quotation, or a typical sentence opener ("The", "He", "In", "It's")."""
    word, quoted, dot = _next_word(line, pos)
    if quoted:
        return True
    head = word.replace("’", "'").split("'")[0]  # It's, They're, I'm
    return head in _STARTERS and not (len(word) == 1 and dot)


def _is_abbreviation(core: str, lower: str) -> bool:
    return lower in _ABBREVIATIONS or (lower in _CAPITALISED_ABBREVIATIONS and core[0].isupper())


def _classify_period(line: str, cand: _Candidate, punct: str, prev_next_start: int) -> int:
    """Classify a candidate whose punctuation has no ``!`` or ``?``."""
    tok_start, token = _token_before(line, cand.p_start)
    core = token.lstrip(_OPENERS).rstrip(_CLOSERS)
    if punct != ".":
        if punct == ".." and _DOTTED_LETTERS.fullmatch(core):
            return _BOUNDARY  # "in the U.K.." ends a sentence
        return _AMBIGUOUS  # an ellipsis
    if not core:
        return _BOUNDARY  # a stray space before the full stop: "the debt . He says"
    lower = core.lower()
    # The common case first: an ordinary lowercase word ends the sentence.
    if (
        core.isalpha()
        and core.islower()
        and len(core) > 1
        and lower not in _TITLES
        and lower not in _ABBREVIATIONS
    ):
        return _BOUNDARY
    # A list marker opening a line or following another candidate: "1. This", "(b). The".
    if (tok_start == 0 or tok_start == prev_next_start) and _ENUMERATOR.fullmatch(core):
        return _NO
    first = line[cand.next_start]
    digit = first.isdigit()
    if "." in core:
        if _NUMBER.fullmatch(core):
            return _BOUNDARY
        if lower in _NEVER_FINAL_DOTTED:
            return _NO
        if lower in _TIME_DOTTED:
            if _next_word(line, cand.next_start)[0].lower() in _AFTER_TIME or first == "(":
                return _NO  # 10 a.m. Tuesday, 9 p.m. local time, 1:30 a.m. (0530 GMT)
            if core.isupper():
                return _BOUNDARY  # "at 6 P.M. Mr. Smith then went" (pysbd's rule)
        if _DOTTED_LETTERS.fullmatch(core):  # U.S., U.N., D.C., J.K., a.m.
            return _NO if digit else _BOUNDARY if _opens_sentence(line, cand.next_start) else _NO
        return _AMBIGUOUS  # Ph.D., www.example.com, St.Petersburg
    if lower in _TITLES and not (len(core) == 1 and core.isupper()):  # "v." but not "V."
        return _NO
    if _is_abbreviation(core, lower):
        if digit:
            return _NO  # Jan. 5, Calif. 94305
        return _BOUNDARY if _opens_sentence(line, cand.next_start) else _NO
    if digit and lower in _NUMBER_ABBREVIATIONS:
        return _NO  # No. 5, Art. 4, pp. 12
    if len(core) == 1:
        if core.isupper():  # an initial ("J. K. Rowling") unless a sentence follows
            return _BOUNDARY if _opens_sentence(line, cand.next_start) else _NO
        if core.isdigit():
            return _AMBIGUOUS if _LIST_LINE.match(line) else _BOUNDARY
        return _AMBIGUOUS  # a lowercase letter or a symbol
    if len(core) == 2 and core.isdigit() and _LIST_LINE.match(line):
        return _AMBIGUOUS  # "1. The first item 2. The second item": pysbd knows lists
    if any(ch.isalnum() for ch in core):
        return _BOUNDARY
    return _AMBIGUOUS  # ". . . The": a spaced ellipsis


def _candidates(line: str) -> list[_Candidate]:
    """Find and classify the candidate boundaries of one line."""
    out: list[_Candidate] = []
    # The quoted spans are only worked out once a candidate needs them: most lines have none.
    quoted: tuple[_Bounds, _Bounds] | None = None
    prev_next_start = -1
    n = len(line)
    for m in _CANDIDATE.finditer(line):
        next_start = m.end()
        # The next sentence must start (after any openers) with an uppercase letter, a digit
        # or a currency sign.
        j = next_start
        while j < n and line[j] in _OPENERS:
            j += 1
        first = line[j] if j < n else ""
        if not (first.isupper() or first.isdigit() or (first and first in _CURRENCY)):
            continue
        if quoted is None:
            quoted = _quote_bounds(line)
        hard, soft = quoted
        p_start = m.start("p")
        cut = m.end("c")
        in_hard = _inside(hard, cut)
        in_soft = _inside(soft, cut)
        cand = _Candidate(p_start, cut, next_start, _AMBIGUOUS, in_hard + in_soft)
        punct = m.group("p")
        if "!" in punct or "?" in punct or "‽" in punct:
            decision = _BOUNDARY
            closers = m.group("c")
            if closers and any(q in closers for q in "\"'”’"):
                word = _next_word(line, next_start)[0]
                if word not in _STARTERS and _ATTRIBUTION.match(line, next_start):
                    decision = _NO  # "Why?" Foreign Minister Lavrov asked.
        else:
            decision = _classify_period(line, cand, punct, prev_next_start)
        if decision == _BOUNDARY:
            if in_hard:
                # Inside matched double quotes or brackets: pysbd's rule (it protects the
                # punctuation between them) applied directly; a quote stays one unit.
                decision = _NO
            elif in_soft:
                decision = _AMBIGUOUS  # single quotes double as apostrophes: ask pysbd
        cand.decision = decision
        out.append(cand)
        prev_next_start = next_start
    if _GLUED_HINT.search(line):
        out = _with_glued(line, out, quoted)
    return out


def _with_glued(
    line: str, cands: list[_Candidate], quoted: tuple[_Bounds, _Bounds] | None
) -> list[_Candidate]:
    """``cands`` with the boundaries of sentences run together without a space
    (:data:`_GLUED`), in order; none inside matched quotes or brackets."""
    glued = [
        m
        for m in _GLUED.finditer(line)
        if m.group("w").lower() not in _ABBREVIATIONS
        and m.group("w").lower() not in _TITLES
        # after a capitalised word only a sentence opener: "Monday.The", not "One.Tel"
        and (m.group("w").islower() or _opens_sentence(line, m.end()))
    ]
    if not glued:
        return cands
    hard, soft = quoted if quoted is not None else _quote_bounds(line)
    for m in glued:
        cut = m.end("p")
        if _inside(hard, cut) or _inside(soft, cut):
            continue
        cands.append(_Candidate(m.start("p"), cut, cut, _BOUNDARY, 0))
    cands.sort(key=lambda c: c.p_start)
    return cands


# ---------------------------------------------------------------------------------------------
# pysbd, for the ambiguous stretches
# ---------------------------------------------------------------------------------------------

_SEGMENTER: Any = None
_SEGMENTER_LOCK: Final = threading.Lock()


def _segmenter() -> Any:
    """The one pysbd Segmenter of this process, created on first use."""
    global _SEGMENTER
    if _SEGMENTER is None:
        import pysbd

        _SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return _SEGMENTER


def _nonspace(s: str) -> str:
    return "".join(s.split())


def _pysbd_ends(chunk: str) -> list[int] | None:
    """Where pysbd ends the sentences of ``chunk`` (offsets into ``chunk``), or None.

    pysbd's character spans are checked against the chunk; if they do not match (pysbd
    rewrites runs of spaces, and drops sentences it cannot find again), the sentences are
    aligned on their non-whitespace characters instead.
    """
    try:
        with _SEGMENTER_LOCK:
            spans = _segmenter().segment(chunk)
    except Exception:  # pysbd is a heuristic; never let it take the split down
        return None
    ends: list[int] = []
    pos = 0
    ok = True
    for span in spans:
        sent, start, end = str(span.sent), int(span.start), int(span.end)
        if start < pos or chunk[start:end] != sent or not sent.strip():
            ok = False
            break
        ends.append(start + len(sent.rstrip()))
        pos = end
    if ok:
        return ends
    sents = [str(span.sent) for span in spans]
    if _nonspace("".join(sents)) != _nonspace(chunk):
        # pysbd changed more than whitespace: find each sentence in order where we can.
        ends, pos = [], 0
        for sent in sents:
            stripped = sent.strip()
            at = chunk.find(stripped, pos) if stripped else -1
            if at >= 0:
                pos = at + len(stripped)
                ends.append(pos)
        return ends
    ends, i = [], 0
    for sent in sents:
        k = len(_nonspace(sent))
        if not k:
            continue
        while k:
            if not chunk[i].isspace():
                k -= 1
            i += 1
        ends.append(i)
    return ends


def _resolve(line: str, cands: list[_Candidate], use_pysbd: bool) -> None:
    """Decide the ambiguous candidates of a line, stretch by stretch, in place."""
    n = len(cands)
    i = 0
    while i < n:
        if cands[i].decision != _AMBIGUOUS:
            i += 1
            continue
        # The stretch between the sure boundaries around this ambiguous candidate.
        lo = i
        while lo > 0 and cands[lo - 1].decision != _BOUNDARY:
            lo -= 1
        hi = i
        while hi + 1 < n and cands[hi + 1].decision != _BOUNDARY:
            hi += 1
        start = cands[lo - 1].next_start if lo > 0 else 0
        end = cands[hi + 1].cut if hi + 1 < n else len(line)
        # A trailing space: pysbd misreads a closing single quote at the very end of a text.
        chunk = line[start:end] + " "
        ends = _pysbd_ends(chunk) if use_pysbd and len(chunk) <= _PYSBD_MAX_CHARS else None
        for c in cands[lo : hi + 1]:
            if c.decision != _AMBIGUOUS:
                continue  # our "no" stands even if pysbd cuts there (10 a.m. Tuesday)
            if ends is None:
                c.decision = _NO if c.depth > 0 else _BOUNDARY
            else:
                a, b = c.p_start - start, c.cut - start
                c.decision = _BOUNDARY if any(a < x <= b for x in ends) else _NO
        i = hi + 1


def _split_line(line: str, use_pysbd: bool = True) -> list[tuple[int, int]]:
    """Stripped, non-empty (start, end) spans of the sentences of one line."""
    cands = _candidates(line)
    if not cands:  # the common case: the line is one sentence
        stripped = line.strip()
        if not stripped:
            return []
        a = len(line) - len(line.lstrip())
        return [(a, a + len(stripped))]
    if any(c.decision == _AMBIGUOUS for c in cands):
        _resolve(line, cands, use_pysbd)
    spans: list[tuple[int, int]] = []
    start = 0
    for c in cands:
        if c.decision == _BOUNDARY:
            spans.append((start, c.cut))
            start = c.next_start
    spans.append((start, len(line)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        piece = line[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            out.append((a, a + len(stripped)))
    return out


# ---------------------------------------------------------------------------------------------
# Line roles
# ---------------------------------------------------------------------------------------------

_AGENCIES: Final = (
    r"(?:AFP|Reuters|AP|Associated\s+Press|Getty(?:\s+Images)?|EPA(?:-EFE)?|Xinhua|Yonhap|KCNA|"
    r"Bloomberg|PTI|ANI|IANS|Shutterstock|Alamy|Sputnik|TASS|RIA\s+Novosti|Kremlin\s+Pool|Pool|"
    r"AAP|dpa|Anadolu|NurPhoto|SOPA\s+Images|WENN|Handout)"
)
_CAPTION_PATTERNS: Final = (
    # (with agency inputs), (With inputs from Reuters), With inputs from agencies.
    re.compile(
        r"\(\s*with\s+[^()]{0,40}\binputs?\b[^()]{0,60}\)\.?|"
        r"with\s+(?:\w+\s+){0,2}inputs?(?:\s+from\s+(?:[\w&.\-]+\s*){1,3})?\.?",
        re.IGNORECASE,
    ),
    # BBC-style "Image caption, ...", "Image source, Getty Images", "Photo credit: ..."
    re.compile(
        r"\(?(?:image|photo|picture|media|video)\s+(?:caption|source|credit|courtesy)s?\b.*",
        re.IGNORECASE,
    ),
    # Photo: Reuters / File photo / AFP / (Photo: AP) / Photo by Jane Doe/AP / Pic courtesy X
    re.compile(
        r"\(?(?:file\s+|representational\s+|representative\s+)?(?:photo|photograph|picture|pic|"
        r"image|video|graphic|illustration)s?\s*(?:[:/|©]|\b(?:by|credit|courtesy)\b).*",
        re.IGNORECASE,
    ),
    # Credit: ..., Copyright ..., © Reuters
    re.compile(r"\(?(?:©|credit\s*:|copyright\b).*", re.IGNORECASE),
    # A bare credit line: "Getty Images", "AFP via Getty Images", "Reuters/Jane Doe"
    re.compile(_AGENCIES + r"(?:\s*(?:/|via|\|)\s*[\w .'\-]{0,40})?\)?", re.IGNORECASE),
)
#: A caption that ends in a credit: "Kim and Putin in Pyongyang. Photo / AFP", "... | Reuters".
_CREDIT_TAIL: Final = re.compile(
    r"(?:[/|]|\bvia)\s*" + _AGENCIES + r"(?:\s*/\s*[\w .'\-]{0,40})?\)?\s*$"
)
#: The caption patterns as one expression each for short lines (all of them) and for lines of
#: up to 40 words (the image and photo credits): one ``fullmatch`` instead of one per pattern.
#: A line fully matches an alternation exactly when it fully matches one of its branches.
_CAPTION_SHORT: Final = re.compile(
    "|".join(f"(?:{p.pattern})" for p in _CAPTION_PATTERNS), re.IGNORECASE
)
_CAPTION_LONG: Final = re.compile(
    "|".join(f"(?:{p.pattern})" for p in _CAPTION_PATTERNS[1:3]), re.IGNORECASE
)
_BULLET: Final = re.compile(r"(?:[•·▪◦‣∙●○■□►▶✓✔*–—-]|\d{1,2}[.)]|[a-zA-Z][.)])\s")
_TERMINAL: Final = frozenset(".!?…‽")
#: A letter or digit: ``[^\W_]`` is exactly ``str.isalnum``.
_ALNUM: Final = re.compile(r"[^\W_]")
_SAYING: Final = re.compile(r"\b" + _SAY_VERB + r"\b|\baccording\s+to\b", re.IGNORECASE)


def _word_count(line: str) -> int:
    """The number of words of a line (100 for a line so long that it can only be body)."""
    return len(line.split()) if len(line) < 500 else 100


def _is_caption(line: str) -> bool:
    """Whether a line is a photo caption or credit: one that fully matches a caption pattern
    (any of them up to 12 words, an image or photo credit up to 40) or ends in a credit."""
    full = _CAPTION_SHORT.fullmatch(line) is not None  # all the patterns of _CAPTION_LONG too
    # A credit tail needs a "/", a "|" or a "via": a substring test is far cheaper than
    # searching every position of the line for one.
    tail = "/" in line or "|" in line or "via" in line
    if not (full or tail):
        return False  # the common case, decided without counting the words
    words = _word_count(line)
    if words > 40:
        return False
    if full and (words <= 12 or _CAPTION_LONG.fullmatch(line)):
        return True
    return tail and _CREDIT_TAIL.search(line) is not None


def _line_role(line: str, first: bool, single: bool) -> SentenceRole:
    """The layout role of one stripped, non-empty line."""
    if _is_caption(line):
        return "caption"
    if single:
        return "body"
    alnum = _ALNUM.search(line)
    if alnum is None:
        return "heading"  # a separator such as "* * *"
    if _BULLET.match(line):
        return "body"
    end = line.rstrip(_CLOSERS)
    last = end[-1] if end else ""
    if last in _TERMINAL or last in ",;–—-":
        if first and last in "?!" and len(line) <= 250 and _word_count(line) <= 30:
            return "headline"
        return "body"
    initial = alnum.group()
    if not (initial.isupper() or initial.isdigit()):
        return "body"
    words = _word_count(line)
    if last == ":":
        if words <= 8 and not _SAYING.search(line):
            return "heading"
        return "body"
    if first and words <= 30 and len(line) <= 250:
        return "headline"
    if words <= 10:
        return "heading"
    return "body"


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def split_sentences(text: str, *, use_pysbd: bool = True) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences (and headline, heading and caption lines).

    Args:
        text: The repaired article text.
        use_pysbd: Let pysbd decide the ambiguous candidates (the default). Without it our
            own fallback decides them: a boundary unless inside quotes or brackets.

    Returns:
        The sentences in order, indexed from 0, with offsets into ``text``.
    """
    lines = list(_LINE.finditer(text))
    single = len(lines) == 1
    seen: dict[str, SentenceRole] = {}
    cache: dict[str, list[tuple[int, int]]] = {}
    out: list[Sentence] = []
    for n, m in enumerate(lines):
        line = m.group()
        a = m.start()
        earlier = seen.get(line)
        if earlier is not None:
            role: SentenceRole = "repeat"
            whole = earlier != "body"
        else:
            role = _line_role(line, first=n == 0, single=single)
            seen[line] = role
            whole = role != "body"
        if whole or (_CANDIDATE.search(line) is None and _GLUED_HINT.search(line) is None):
            # A headline, heading or caption, or (most lines) a line with no candidate
            # boundary inside it: the whole line is one unit.
            out.append(Sentence(len(out), a, m.end(), line, role))
            continue
        spans = cache.get(line) or _split_line(line, use_pysbd)
        cache[line] = spans
        for s_start, s_end in spans:
            out.append(Sentence(len(out), a + s_start, a + s_end, line[s_start:s_end], role))
    return tuple(out)


def split_document(doc: Document) -> Document:
    """Return ``doc`` with its sentences split from its (repaired) text."""
    return dataclasses.replace(doc, sentences=_split_kept(doc.text))


@functools.lru_cache(maxsize=32)
def _split_kept(text: str) -> tuple[Sentence, ...]:
    """:func:`split_sentences`, kept for the articles split last: a story splits each of its
    articles for every pair it is in."""
    return split_sentences(text)
