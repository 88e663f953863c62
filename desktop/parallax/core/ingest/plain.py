"""Plain text: hard-wrapped lines rejoined, and what the top of the text says about itself.

Plain text is kept exactly as decoded, with one exception: text hard-wrapped at a fixed
width (e-mail, wire copy, a terminal) gets each paragraph back on one line, as Markdown's
paragraphs do, because the sentence splitter breaks at every newline. The headline, the
outlet of a ``By NAME | OUTLET`` byline and the date of a dateline are read from the first
few lines; the Markdown reader falls back on the same reading.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from parallax.core.ingest.common import _first_lines, _Meta
from parallax.core.vocabulary import MONTHS

#: A paste that is only a web address: refused, because Parallax never downloads.
_ONLY_A_URL: Final = re.compile(r"\s*(?:https?://|www\.)\S+\s*\Z", re.IGNORECASE)


#: Widths at which plain text is hard-wrapped: e-mail and wire copy (65-80 columns), narrow
#: newsletter columns (40-60), some editors (100).
_WRAP_WIDTHS: Final = range(40, 111)
#: The least share of line breaks inside paragraphs that must look like wrapping.
_WRAP_SHARE: Final = 0.6
#: Spaces that line up columns inside a line: a table row, never wrapped prose.
_COLUMNS: Final = re.compile(r"\S {3,}\S|\t")
#: Columns a wrapped line may fall short of the width by (an extra space in the text).
_WRAP_SLACK: Final = 2
#: A line that opens a block of its own: a bullet; a dash, but only before a capital or a
#: figure (before a lower-case word it is prose: " - which"); a numbered or lettered item.
_BULLET_ITEM: Final = re.compile(r"\s*(?:[*+•]|[-–—](?=\s+[\"'“‘(]*[^\W_a-z]))\s")
_NUMBERED_ITEM: Final = re.compile(r"\s*(?:(?P<n>\d{1,3})|(?P<a>[a-zA-Z]))[.)]\s")
#: A line ending a sentence, and the first letter or figure of a line.
_SENTENCE_END: Final = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_FIRST_ALNUM: Final = re.compile(r"[^\W_]")


def _opens_sentence(line: str) -> bool:
    """Whether a line can open a paragraph: with a capital or a figure, or with a bracket
    ("(with agency inputs)"); a lower-case word continues a sentence."""
    first = _FIRST_ALNUM.search(line)
    if first is None:
        return False
    return line.lstrip()[:1] in "([" or first[0].isupper() or first[0].isdigit()


def _list_items(lines: list[str]) -> set[int]:
    """The indexes of ``lines`` that open a list item. A number or a letter opens one only
    when a line of the text opens with the one before or after it ("2." beside "1." or
    "3."): alone, "28. Named ..." is a sentence that wrapping put after a figure, and
    "F. Kennedy" a name."""
    numbered: dict[int, int] = {}
    for k, line in enumerate(lines):
        if m := _NUMBERED_ITEM.match(line):
            numbered[k] = int(m["n"]) if m["n"] else ord(m["a"].lower()) - ord("a") + 1
    present = set(numbered.values())
    items = {k for k, n in numbered.items() if n - 1 in present or n + 1 in present}
    return items | {k for k, line in enumerate(lines) if _BULLET_ITEM.match(line)}


def _unwrap(text: str) -> str:
    """Plain text hard-wrapped at a fixed width (e-mail, wire copy, a terminal) with the
    lines of each paragraph joined into one; any other text exactly as it is.

    Wrapping ends a line only where the next word would not fit. So a text is taken as
    wrapped when, among the breaks between two non-blank lines that wrapping could have
    made, at least :data:`_WRAP_SHARE` (and at least two) come after a line that the next
    line's first word could not have joined within the widest line (the width, 40 to 110
    characters).

    Those breaks become a space (or nothing after a word that ends in a hyphen or a dash,
    "well-" + "known"). The others stay: after a short line (a headline, a paragraph's
    last line), before a list item or an indented line, around a table row (columns lined
    up with spaces or tabs), after a line wider than the width, and — when no blank line
    separates paragraphs, so that a paragraph may end at any line — after a line that ends
    a sentence before one that can start another. Paragraph structure without wrapping —
    a paragraph a line, however long — never qualifies, and neither do lists or verse,
    whose lines end well short.
    """
    if text.count("\n") < 3:
        return text
    lines = text.split("\n")
    ends = [len(line.rstrip()) for line in lines]
    width = max((n for n in ends if n <= _WRAP_WIDTHS[-1]), default=0)
    if width not in _WRAP_WIDTHS:
        return text
    inner = [k for k in range(len(lines) - 1) if ends[k] and lines[k + 1].strip()]
    # Without blank lines between paragraphs, a break after a sentence's end may be the
    # end of a paragraph: such breaks are kept (the sentences split there either way).
    blank_lines = any(not line.strip() for line in lines[1:-1])
    items = _list_items(lines)
    soft, candidates, joins = 0, 0, set()
    for k in inner:
        line, following = lines[k], lines[k + 1]
        indent = len(following) - len(following.lstrip())
        if ends[k] > width or indent > len(line) - len(line.lstrip()) or k + 1 in items:
            continue  # a break that wrapping did not make
        if _COLUMNS.search(line.strip()) or _COLUMNS.search(following.strip()):
            continue  # a table row: its columns line up with spaces, rows have equal widths
        candidates += 1
        if len(line.split(maxsplit=2)) < 3:
            continue  # a line of one or two words is never one that wrapping filled
        # How far short of the width the line would be with the next word on it: a
        # wrapped line has no room (an extra space in the text can cost a column or two).
        room = width - (ends[k] + 1 + len(following.split(maxsplit=1)[0]))
        soft += room < 0
        if room < _WRAP_SLACK and (
            blank_lines or not (_SENTENCE_END.search(line) and _opens_sentence(following))
        ):
            joins.add(k)
    if soft < 2 or soft < _WRAP_SHARE * candidates:
        return text
    out = [lines[0]]
    for k in range(1, len(lines)):
        if k - 1 not in joins:
            out.append("\n" + lines[k])
            continue
        before, after = out[-1].rstrip(), lines[k].lstrip()
        # A compound or a dash broken after its hyphen, as wrapping does: "anti-" +
        # "Taliban", "items--" + "something". A spaced dash keeps its space.
        dashes = before.rstrip("-–—")
        glue = " " if dashes == before or not dashes[-1:].isalnum() else ""
        out[-1] = before + glue + after
    return "".join(out)


_MONTH_RE: Final = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS: Final = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    re.compile(
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
)
_DATELINE_WORDS: Final = re.compile(
    r"\b(?:published|updated|posted|last|first|modified|on|at|date|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\b|"
    r"\b\d{1,2}[.:]\d\d(?:\s*[ap]\.?m\.?)?|"
    r"\b(?:[ap]\.?m\.?|gmt|utc|bst|cet|cest|est|edt|pst|pdt|kst|jst|msk)\b",
    re.IGNORECASE,
)
_BYLINE: Final = re.compile(r"^\s*by\s+(?P<rest>\S.*)$", re.IGNORECASE)
_BYLINE_SEP: Final = re.compile(r"\s+[|•·—–]\s+|\s*[|•·]\s*")
_ROLE: Final = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|contributor|columnist|journalist|"
    r"producer|analyst|in [A-Z]\w+)\b",
    re.IGNORECASE,
)
_TEXT_META_LINES: Final = 8


def _text_meta(text: str) -> _Meta:
    """Title, outlet and date from the top of a plain-text article.

    Only the first few non-empty lines are looked at, and only obvious shapes are used: a
    headline-like first line, a ``By NAME | OUTLET`` byline, and a date line. Guessing
    harder would put wrong facts next to the article.
    """
    lines = _first_lines(text, _TEXT_META_LINES)
    meta = _Meta()
    if lines and _looks_like_headline(lines[0]):
        meta.title = lines[0].strip()
    for line in lines:
        if meta.author is None:
            meta.author = _byline_author(line)
        if meta.source is None:
            meta.source = _byline_outlet(line)
        if meta.published is None and len(line) <= 120:
            meta.published = _dateline(line)
    if meta.source is None or meta.published is None:
        for line in lines:
            outlet, date = _wire_dateline(line)
            if outlet is not None:
                meta.source = meta.source or outlet
                meta.published = meta.published or date
                break
    return meta


def _looks_like_headline(line: str) -> bool:
    """Short-ish, not a sentence (no final full stop, colon or comma), not a byline."""
    if not 2 <= len(line) <= 160 or len(line.split()) > 25:
        return False
    if line.endswith((".", ",", ";", ":")) and not re.search(r"\b(?:[A-Z]\.){2,}$", line):
        return False
    if _BYLINE.match(line) or _dateline(line) is not None:
        return False
    return any(ch.isalpha() for ch in line)


def _byline_outlet(line: str) -> str | None:
    m = _BYLINE.match(line)
    if m is None or len(line) > 160:
        return None
    parts = [p.strip() for p in _BYLINE_SEP.split(m.group("rest")) if p.strip()]
    for part in parts[1:]:
        if _dateline(part) is None and _ROLE.search(part) is None and len(part) <= 60:
            return part if len(part.split()) <= 6 else None
    return None


#: Words a person's name may carry in lower case: "Ursula von der Leyen", "Luiz da Silva".
_NAME_PARTICLES: Final = frozenset(
    "and & de del della der di da dos du la le van von ten ter bin al el y".split()
)
_NAME_WORD: Final = re.compile(r"[^\W\d_][\w.'’-]*$")


def _byline_author(line: str) -> str | None:
    """The name of a ``By NAME`` byline ("By Jane Doe | Outlet", "By JANE DOE, Reuters").

    Only a name that looks like one: two to eight words, each capitalised (or a particle
    such as "von" or "and"), no figures; anything else is left out rather than guessed.
    """
    m = _BYLINE.match(line)
    if m is None or len(line) > 160:
        return None
    first = _BYLINE_SEP.split(m.group("rest"))[0]
    name = " ".join(first.split(",")[0].split()).rstrip(".")
    words = name.split()
    if not 2 <= len(words) <= 8 or len(name) > 80:
        return None
    shouted = name.upper() == name
    for word in words:
        if word.casefold() in _NAME_PARTICLES:
            if shouted or word.islower():
                continue
            return None  # "By Land And Sea" is a headline, not a name
        if not _NAME_WORD.match(word) or not word[0].isupper():
            return None
    if words[0].casefold() in _NAME_PARTICLES or words[-1].casefold() in _NAME_PARTICLES:
        return None
    if all(w.isupper() for w in words if w.casefold() not in _NAME_PARTICLES):
        # Wire copy shouts: "By JANE DOE".
        name = " ".join(w.lower() if w.casefold() in _NAME_PARTICLES else w.title() for w in words)
    return name


#: A wire dateline opening the first paragraph: "WASHINGTON (Reuters) -", "LONDON, March 3
#: (AP) —", "SEOUL, June 19, 2024 (Yonhap) --". The place is in capitals, the outlet in
#: brackets, and a dash follows; the date counts only with its year.
_WIRE_DATELINE: Final = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})"
    r"(?:/[A-Z][A-Za-z.'’ -]{1,30})?"
    r"(?:,\s+(?P<when>[^()]{3,30}?))?"
    r"\s+\((?P<outlet>[A-Z][\w&.'’-]*(?: [A-Z&][\w&.'’-]*){0,3})\)"
    r"\s*(?:-{1,2}|–|—)\s"
)


def _wire_dateline(line: str) -> tuple[str | None, str | None]:
    """The outlet and (when it has a year) the date of a wire dateline, else (None, None)."""
    m = _WIRE_DATELINE.match(line)
    if m is None or len(m.group("place")) < 2:
        return None, None
    when = m.group("when")
    return m.group("outlet"), (_find_date(when) if when else None)


def _find_date(line: str) -> str | None:
    for pattern in _DATE_PATTERNS:
        m = pattern.search(line)
        if m is None:
            continue
        groups = m.groupdict()
        month = int(groups["m"]) if groups.get("m") else MONTHS.get(groups["mon"].lower(), 0)
        iso = _iso_date(int(groups["y"]), month, int(groups["d"]))
        if iso is not None:
            return iso
    return None


def _dateline(line: str) -> str | None:
    """The date of a line that is only a date (with words like "Published", a time, a zone)."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(line)
        if m is None:
            continue
        rest = line[: m.start()] + " " + line[m.end() :]
        if _BYLINE.match(line):
            rest = ""  # a byline may carry the date: "By A | Outlet | 19 June 2024"
        rest = _DATELINE_WORDS.sub(" ", rest)
        if re.search(r"\w", rest):
            continue
        return _find_date(line[m.start() : m.end()])
    return None


def _iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
