"""Repairing damaged article text, visibly and reversibly.

Articles reach a journalist damaged: mojibake from a wrong decode (``donâ€™t``), glyphs
injected inside words (``a꧃nd``, ``strate♎gic``, ``Anto𝓀ny``), invisible characters
(zero-width spaces, soft hyphens, bidi controls). Parallax repairs the text before comparing
it, but never silently: every change is a :class:`~parallax.core.model.Repair` with its span
in the original, so the reader can show what was removed and map offsets both ways.

Repair is a list of small steps (data, so the UI can show and toggle them). Each step looks
at the current text and proposes edits; :func:`repair_text` runs them in order and composes
their edits into one list of repairs against the original text.

What counts as junk is decided from the *shape* of a word, not from a list of known bad
characters: a run of one or two characters of another script, a mathematical letter, or a
pictographic symbol sitting inside an ordinary word is injected; the same characters
standing as words of their own (a Korean name, a Greek quote, a standalone emoji) are text.
Mathematical letters are removed, never NFKC-folded into real letters (``Anto𝓀ny`` is
"Antony", not "Antokny").
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

import ftfy

from parallax.core.model import Document, Repair
from parallax.core.offsets import OffsetMap, apply_repairs


@dataclass(frozen=True, slots=True)
class Edit:
    """A change proposed by a step, in the coordinates of the text the step was given."""

    start: int
    end: int
    replacement: str
    kind: str


EditFinder = Callable[[str], list[Edit]]


@dataclass(frozen=True, slots=True)
class RepairStep:
    """One named repair step: a pure function from text to proposed edits.

    ``label`` says what it does, for people (``parallax compare --help`` lists the steps).
    """

    name: str
    label: str
    find: EditFinder


# --------------------------------------------------------------------------- mojibake

_FTFY_CONFIG: Final = ftfy.TextFixerConfig(
    unescape_html="auto",
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=True,
    # Typographic quotes, full-width forms, line breaks and Unicode normalisation are
    # legitimate text, not damage: leave them exactly as the outlet wrote them.
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)

_FTFY_KIND: Final = {
    "unescape_html": "html-entity",
    "remove_terminal_escapes": "terminal-escape",
    "fix_latin_ligatures": "ligature",
    "fix_surrogates": "surrogate",
    "fix_c1_controls": "mojibake",
    "restore_byte_a0": "mojibake",
    "replace_lossy_sequences": "mojibake",
    "decode_inconsistent_utf8": "mojibake",
}


def _ftfy_kind(explanation: Sequence[tuple[str, str]] | None) -> str:
    for action, arg in explanation or ():
        if action in ("encode", "decode", "transcode"):
            return "mojibake"
        if action == "apply":
            return _FTFY_KIND.get(str(arg), "mojibake")
    return "mojibake"


def _diff_edits(old: str, new: str, offset: int, kind: str, text: str) -> list[Edit]:
    """Edits that turn ``old`` into ``new``, as small as the character diff allows.

    An HTML entity is kept whole (``&amp;`` -> ``&``, not ``amp;`` -> ``""``), so the
    repair reads as what it was.
    """
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if kind == "html-entity" and i1 > 0 and old[i1 - 1] == "&" and j1 > 0:
            i1, j1 = i1 - 1, j1 - 1
        edits.append(Edit(offset + i1, offset + i2, new[j1:j2], kind))
    return edits


def find_mojibake(text: str) -> list[Edit]:
    """Mojibake, HTML entities, terminal escapes and ligatures, fixed by ftfy line by line."""
    if text.isascii() and "&" not in text and "\x1b" not in text:
        return []
    edits: list[Edit] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if not line.isascii() or "&" in line or "\x1b" in line:
            fixed, explanation = ftfy.fix_and_explain(line, config=_FTFY_CONFIG)
            if fixed != line:
                edits.extend(_diff_edits(line, fixed, pos, _ftfy_kind(explanation), text))
        pos += len(line)
    return edits


# --------------------------------------------------------------------------- invisibles

_BIDI_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI_MARKS: Final = frozenset("\u200e\u200f\u061c")
_ZERO_WIDTH: Final = frozenset("\u200b\u2060\ufeff\u180e\u2061\u2062\u2063\u2064")
_JOINERS: Final = frozenset("\u200c\u200d")
_SOFT_HYPHEN: Final = "\u00ad"
_RTL_RE: Final = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_INVISIBLE_RE: Final = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u180e\u061c"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000e0000-\U000e007f]"
)


def _joiner_is_meaningful(text: str, i: int) -> bool:
    """ZWJ/ZWNJ shape emoji sequences and Indic, Arabic and Persian words; keep them there."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    for ch in (before, after):
        if not ch:
            return False
    if text[i] == "\u200d" and (_is_emoji(before) or before == "\ufe0f") and _is_emoji(after):
        return True
    return _script(before) not in ("LATIN", "COMMON") and _script(after) not in (
        "LATIN",
        "COMMON",
    )


# Terminal control strings: OSC (``ESC ]0;title BEL`` sets a terminal's title), DCS, SOS, PM
# and APC, each up to its BEL or string terminator (``ESC \``) on the same line. The CSI
# sequences (``ESC [2J``) are ftfy's, in the mojibake step.
_TERMINAL_STRING_RE: Final = re.compile(r"\x1b[\]PX^_][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)")


def find_invisibles(text: str) -> list[Edit]:
    """Zero-width characters, soft hyphens, bidi controls, stray control characters, and
    the terminal control strings they can spell."""
    edits: list[Edit] = []
    rtl_lines: dict[int, bool] = {}
    skip_to = 0
    if "\x1b" in text:
        for m in _TERMINAL_STRING_RE.finditer(text):
            edits.append(Edit(m.start(), m.end(), "", "terminal-escape"))
    escapes = iter(edits[:])
    next_escape = next(escapes, None)
    for m in _INVISIBLE_RE.finditer(text):
        i = m.start()
        ch = m.group()
        while next_escape is not None and i >= next_escape.start:
            skip_to = next_escape.end
            next_escape = next(escapes, None)
        if i < skip_to:
            continue  # inside a terminal control string, which goes whole
        if ch == _SOFT_HYPHEN:
            kind = "soft-hyphen"
        elif ch in _BIDI_CONTROLS:
            kind = "bidi-control"
        elif ch in _BIDI_MARKS:
            line_start = text.rfind("\n", 0, i) + 1
            if line_start not in rtl_lines:
                line_end = text.find("\n", i)
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                rtl_lines[line_start] = bool(_RTL_RE.search(line))
            if rtl_lines[line_start]:
                continue  # a mark that orders mixed right-to-left text: meaningful
            kind = "bidi-control"
        elif ch in _JOINERS:
            if _joiner_is_meaningful(text, i):
                continue
            kind = "invisible"
        elif ch in _ZERO_WIDTH:
            kind = "invisible"
        elif "\U000e0000" <= ch <= "\U000e007f":
            # Tag characters spell subdivision flags after U+1F3F4; elsewhere they hide text.
            j = i
            while j > 0 and "\U000e0000" <= text[j - 1] <= "\U000e007f":
                j -= 1
            if j > 0 and text[j - 1] == "\U0001f3f4":
                continue
            kind = "invisible"
        elif "\ue000" <= ch <= "\uf8ff":
            kind = "private-use"
        else:
            kind = "control"
        edits.append(Edit(i, i + 1, "", kind))
    return edits


# --------------------------------------------------------------------------- junk glyphs

# Words that start a Unicode character name and name a writing system. Anything else
# (BLACK, WHITE, MODIFIER, COMBINING, ...) is common to all scripts.
_SCRIPT_WORDS: Final = frozenset(
    """ADLAM AHOM ANATOLIAN ARABIC ARMENIAN AVESTAN BALINESE BAMUM BASSA BATAK BENGALI
    BHAIKSUKI BOPOMOFO BRAHMI BUGINESE BUHID CANADIAN CARIAN CHAKMA CHAM CHEROKEE CHORASMIAN
    CJK COPTIC CUNEIFORM CYPRIOT CYPRO CYRILLIC DESERET DEVANAGARI DOGRA DUPLOYAN EGYPTIAN
    ELBASAN ELYMAIC ETHIOPIC GEORGIAN GLAGOLITIC GOTHIC GRANTHA GREEK GUJARATI GUNJALA
    GURMUKHI HANGUL HANIFI HANUNOO HATRAN HEBREW HENTAIGANA HIRAGANA JAVANESE KAITHI KANNADA
    KATAKANA KAYAH KHAROSHTHI KHITAN KHMER KHOJKI KHUDAWADI LAO LATIN LEPCHA LIMBU LINEAR LISU
    LYCIAN LYDIAN MAHAJANI MAKASAR MALAYALAM MANDAIC MANICHAEAN MARCHEN MASARAM MEDEFAIDRIN
    MEETEI MENDE MEROITIC MIAO MODI MONGOLIAN MRO MULTANI MYANMAR NABATAEAN NANDINAGARI NEWA
    NKO NUSHU NYIAKENG OGHAM OL ORIYA OSAGE OSMANYA PAHAWH PALMYRENE PAU PHAGS PHAISTOS
    PHOENICIAN REJANG RUNIC SAMARITAN SAURASHTRA SHARADA SHAVIAN SIDDHAM SIGNWRITING SINHALA
    SOGDIAN SORA SOYOMBO SUNDANESE SYLOTI SYRIAC TAGALOG TAGBANWA TAI TAKRI TAMIL TANGSA
    TANGUT TELUGU THAANA THAI TIBETAN TIFINAGH TIRHUTA TOTO UGARITIC VAI VITHKUQI WANCHO
    WARANG YEZIDI YI ZANABAZAR ZNAMENNY KANGXI IDEOGRAPHIC FULLWIDTH HALFWIDTH""".split()
)
# Scripts that mix inside one word in ordinary writing are one family here.
_FAMILY: Final = {
    "HIRAGANA": "CJK",
    "KATAKANA": "CJK",
    "HANGUL": "CJK",
    "BOPOMOFO": "CJK",
    "KANGXI": "CJK",
    "IDEOGRAPHIC": "CJK",
    "FULLWIDTH": "CJK",
    "HALFWIDTH": "CJK",
    "HENTAIGANA": "CJK",
}
# Styled letters (𝓀, 𝔍, ℌ): a script of their own, so that one inside a word stands out.
_MATH_WORDS: Final = frozenset(
    {"MATHEMATICAL", "SCRIPT", "DOUBLE-STRUCK", "BLACK-LETTER", "PLANCK", "EULER"}
)


@lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    """A coarse script for one character: LATIN, GREEK, CJK, MATH, ..., or COMMON."""
    if ch < "\u0080":
        return "LATIN" if ch.isalpha() else "COMMON"
    name = unicodedata.name(ch, "")
    if not name:
        return "COMMON"
    first = name.split(" ", 1)[0]
    if unicodedata.category(ch)[0] in "LN" and (
        first in _MATH_WORDS or 0x2100 <= ord(ch) <= 0x214F
    ):
        return "MATH"  # styled and letterlike letters: 𝓀, ℌ, ⅎ, ℶ
    if first == "EXTENDED":  # EXTENDED ARABIC-INDIC DIGIT ZERO: the Persian digits
        first = name.split(" ", 2)[1]
    first = first.split("-", 1)[0]
    if first in _SCRIPT_WORDS:
        return _FAMILY.get(first, first)
    return "COMMON"


def _is_presentation_emoji(ch: str) -> bool:
    """Pictographs people type as emoji (🎉, 🔥), as opposed to text symbols (🗹, ♔)."""
    cp = ord(ch)
    return (
        0x1F300 <= cp <= 0x1F53D
        or 0x1F5FA <= cp <= 0x1F64F
        or 0x1F680 <= cp <= 0x1F6FF
        or 0x1F900 <= cp <= 0x1F9FF
        or 0x1FA70 <= cp <= 0x1FAFF
    )


@lru_cache(maxsize=8192)
def _is_emoji(ch: str) -> bool:
    if not ch:
        return False
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2B00 <= cp <= 0x2BFF
        or 0x1F1E6 <= cp <= 0x1F1FF
        or 0x2300 <= cp <= 0x23FF
    )


# Symbols that legitimately touch words: trademarks, degrees, ordinals, section marks.
_ATTACHED_OK: Final = frozenset("©®™℠℗°℃℉№§¶†‡′″‴%‰‱µ")
# Scripts whose accented letters exist precomposed: an accent that composes with nothing
# there is injected, not written.
_PRECOMPOSED_SCRIPTS: Final = frozenset({"LATIN", "GREEK", "CYRILLIC"})
# Combining marks of the Latin/common blocks: accents on letters, legitimate in moderation.
_MAX_COMMON_MARKS: Final = 2
# Characters that split a token into words: ASCII and general typographic punctuation.
_BREAKS: Final = r"\s!-/:-@\[-`{-~\u00a0-\u00bf\u2010-\u2027\u2030-\u205e\u3000-\u3003"
_WORD_BREAK_RE: Final = re.compile(f"[{_BREAKS}]")
# A word for the junk checks runs on over an apostrophe between letters ("don’t", "we've"),
# so that a glyph glued to the short part after it is still seen inside a word.
_WORD_RE: Final = re.compile(f"[^{_BREAKS}]+(?:['’][^{_BREAKS}]+)*")
_TOKEN_RE: Final = re.compile(r"\S+")
_NON_ASCII_RE: Final = re.compile(r"[^\x00-\x7F]")


def _non_ascii_tokens(text: str) -> Iterator[tuple[int, str]]:
    """(start, token) of the ``_TOKEN_RE`` tokens that hold a non-ASCII character.

    Only those can hold a junk glyph. The regex engine finds the non-ASCII characters in
    C; looping over every token of a long, mostly ASCII article in Python cost more than
    all the checks that follow.
    """
    end = 0
    n = len(text)
    for m in _NON_ASCII_RE.finditer(text):
        i = m.start()
        if i < end or text[i].isspace():
            continue
        start = i
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = i + 1
        while end < n and not text[end].isspace():
            end += 1
        yield start, text[start:end]


def _char_class(ch: str) -> str:
    """``letter`` (letters, digits, marks), ``symbol`` (pictographs and other symbols),
    ``mark`` (a combining mark), or ``other``."""
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Mc"):
        return "mark"
    if cat == "No" and not _WRITTEN_NUMBER_RE.match(unicodedata.name(ch, "")):
        return "symbol"  # circled and dingbat numbers (➀, ➇); not ², ₂ or ½
    if cat[0] in "LN":
        return "letter"
    if cat in ("So", "Sm", "Co", "Cn") or _is_emoji(ch):
        return "symbol"
    if _script(ch) != "COMMON":
        return "letter"  # a script's own punctuation or sign (Javanese ꧃, kana ゜) is its own
    return "other"


_WRITTEN_NUMBER_RE: Final = re.compile(
    r"(SUPERSCRIPT|SUBSCRIPT|VULGAR FRACTION|FRACTION)|\w+ DIGIT"
)


@dataclass(frozen=True, slots=True)
class _DocScripts:
    """What the document writes on purpose, and so is never junk.

    Attributes:
        native: Scripts the document writes whole words in (a Korean name, a Greek quote).
        orthographic: Characters that sit inside at least three different words: part of
            how the document spells (Twi written with a Greek ε), not random injection.
    """

    native: frozenset[str]
    orthographic: frozenset[str]


_ORTHOGRAPHIC_MIN_WORDS: Final = 3


def _document_scripts(text: str) -> _DocScripts:
    counts: Counter[str] = Counter()
    in_words: dict[str, set[str]] = {}
    for _start, tok in _non_ascii_tokens(text):
        for word in _WORD_BREAK_RE.split(tok):
            # Styled (mathematical) letters never spell: a word is read as it will be once
            # they are gone, so that repairing a repaired text changes nothing.
            letters = [
                c for c in word if unicodedata.category(c)[0] == "L" and _script(c) != "MATH"
            ]
            scripts = {_script(c) for c in letters}
            scripts.discard("COMMON")
            if len(scripts) == 1 and len(letters) >= 2:
                counts[scripts.pop()] += 1
            elif len(scripts) > 1:
                for c in word:
                    # Only letters and accents spell; styled letters and symbols never do.
                    if (
                        not c.isascii()
                        and unicodedata.category(c)[0] in "LM"
                        and _script(c) != "MATH"
                    ):
                        in_words.setdefault(c, set()).add(word)
    orthographic = frozenset(c for c, ws in in_words.items() if len(ws) >= _ORTHOGRAPHIC_MIN_WORDS)
    return _DocScripts(frozenset({"LATIN", *counts}), orthographic)


# Lookalikes an injected letter of another script may stand for (homoglyph substitution).
_HOMOGLYPHS: Final = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "А": "A", "В": "B",
    "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "ο": "o", "α": "a", "ν": "v", "ι": "i",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip


def _word_junk(
    word: str, start: int, native: frozenset[str], vocabulary: Callable[[str], bool]
) -> list[Edit]:
    """Junk inside one word (a run of characters between spaces and common punctuation)."""
    classes = [_char_class(c) for c in word]
    scripts = [
        _script(c) if k in ("letter", "mark") else "COMMON"
        for c, k in zip(word, classes, strict=True)
    ]
    letter_scripts = Counter(
        s for s, k in zip(scripts, classes, strict=True) if k == "letter" and s != "COMMON"
    )
    mark_scripts = {
        s for s, k in zip(scripts, classes, strict=True) if k == "mark" and s != "COMMON"
    }
    junk: dict[int, Edit] = {}

    # 1. Runs of one or two letters of a script that is foreign to this word and document.
    if len(letter_scripts.keys() | mark_scripts) > 1 and letter_scripts:
        # The word's own script has the most letters; on a tie, the document's script wins.
        base, base_n = max(letter_scripts.items(), key=lambda kv: (kv[1], kv[0] in native))
        # Styled letters never belong inside a word of plain ones (B𝛡-52).
        if base_n >= 2 or (base != "MATH" and "MATH" in letter_scripts):
            i = 0
            while i < len(word):
                s = scripts[i]
                if classes[i] not in ("letter", "mark") or s in ("COMMON", base):
                    i += 1
                    continue
                j = i
                while j < len(word) and scripts[j] == s and classes[j] in ("letter", "mark"):
                    j += 1
                # A digit of another script never spells a word (Departmen۰t, prob۷ably),
                # even in a document that writes that script; nor does its punctuation
                # inside a word or glued to a contraction (don’t꧟, it'꧅s). At the end of a
                # plain word it may be how that script punctuates a quoted name (Google،).
                digits = all(unicodedata.category(word[k]) == "Nd" for k in range(i, j))
                signs = all(unicodedata.category(word[k])[0] in "PSM" for k in range(i, j))
                glued = j < len(word) or any(c in "'’" for c in word[1:i])
                foreign = s not in native or s == "MATH" or digits or (signs and glued)
                # A Greek letter right after a number is a unit or a variable (5μm, 3β).
                unit = s == "GREEK" and i > 0 and word[i - 1].isdigit()
                run_letters = sum(1 for k in range(i, j) if classes[k] == "letter")
                if run_letters <= 2 and foreign and not unit:
                    edits = _homoglyph_or_removal(word, i, j, start, vocabulary)
                    for e in edits:
                        junk[e.start - start] = e
                i = j

    # 2. Marks of another script on a letter, accents that make no letter, stacks of
    # accents (Zalgo) and marks with nothing to sit on.
    i = 0
    while i < len(word):
        if classes[i] != "mark":
            i += 1
            continue
        j = i
        while j < len(word) and classes[j] == "mark":
            j += 1
        base_char = word[i - 1] if i > 0 and classes[i - 1] == "letter" else None
        base_script = scripts[i - 1] if base_char is not None else None
        common = [k for k in range(i, j) if scripts[k] == "COMMON"]
        stack_composes = (
            base_char is not None and len(unicodedata.normalize("NFC", word[i - 1 : j])) == 1
        )
        for k in range(i, j):
            mark_script = scripts[k]
            if mark_script == "COMMON":
                bad = (
                    base_char is None
                    or len(common) > _MAX_COMMON_MARKS
                    or (unicodedata.category(word[k]) == "Me" and word[k] != "\u20e3")
                    # On letters that have precomposed forms, a real accent composes (e + ́
                    # is é); an injected one (p + ̓, W + ͭ) does not.
                    or (
                        base_script in _PRECOMPOSED_SCRIPTS
                        and not stack_composes
                        and len(unicodedata.normalize("NFC", base_char + word[k])) > 1
                    )
                )
                if bad:
                    junk.setdefault(k, Edit(start + k, start + k + 1, "", "junk-glyph"))
            elif base_script is None:
                # A script's mark with nothing to sit on: junk unless that script is written
                # here, and always inside a word of other letters (it’꦳s).
                if mark_script not in native or (
                    letter_scripts and mark_script not in letter_scripts
                ):
                    junk.setdefault(k, Edit(start + k, start + k + 1, "", "junk-glyph"))
            elif mark_script != base_script and base_script != "COMMON":
                junk.setdefault(k, Edit(start + k, start + k + 1, "", "junk-glyph"))
        i = j

    # 3. Pictographs, symbols and currency signs glued to a word's letters. Digits do not
    # count: 5±2, €5, US$5 and 2×3 are how numbers are written.
    if any(unicodedata.category(c)[0] == "L" for c in word):
        n = len(word)
        for i, (c, cls) in enumerate(zip(word, classes, strict=True)):
            currency = unicodedata.category(c) == "Sc"
            if (cls != "symbol" and not currency) or i in junk:
                continue
            left = _neighbour(word, classes, junk, range(i - 1, -1, -1))
            right = _neighbour(word, classes, junk, range(i + 1, n))
            if c in _ATTACHED_OK and (left, right) != ("alpha", "alpha"):
                continue  # Coca-Cola™, 25°C; but not T℉he
            if "symbol" in (left, right):
                continue  # a run of several symbols is deliberate (★★★, 🎉🎉)
            if currency:
                # Prices touch digits (€5, 5€, US$5); a sign glued to letters alone is junk.
                glued = (
                    "alpha" in (left, right) and "digit" not in (left, right) and not c.isascii()
                )
            else:
                glued = "alpha" in (left, right)
            if glued:
                junk[i] = Edit(start + i, start + i + 1, "", "junk-glyph")
                # Emoji modifiers and variation selectors go with the symbol they modify.
                j = i + 1
                while j < n and _is_modifier(word[j]):
                    junk[j] = Edit(start + j, start + j + 1, "", "junk-glyph")
                    j += 1
    return [junk[i] for i in sorted(junk)]


def _neighbour(word: str, classes: list[str], junk: dict[int, Edit], order: range) -> str | None:
    """What stands next to a symbol: ``alpha``, ``digit``, ``symbol``, ``other`` or None.

    None means the word's edge.

    Junk already found, combining marks and emoji modifiers are looked through.
    """
    for j in order:
        if j in junk or classes[j] == "mark" or _is_modifier(word[j]):
            continue
        category = unicodedata.category(word[j])
        if category[0] == "L":
            return "alpha"
        if category[0] == "N":
            return "digit"
        return "symbol" if classes[j] == "symbol" else "other"
    return None


def _is_modifier(ch: str) -> bool:
    return ch in "\ufe0e\ufe0f\u200d" or "\U0001f3fb" <= ch <= "\U0001f3ff"


def _homoglyph_or_removal(
    word: str, i: int, j: int, start: int, vocabulary: Callable[[str], bool]
) -> list[Edit]:
    """Decide whether a foreign run was inserted (remove it) or swapped for a lookalike."""
    run = word[i:j]
    if all(c in _HOMOGLYPHS for c in run):
        swapped = "".join(_HOMOGLYPHS[c] for c in run)
        as_swap = word[:i] + swapped + word[j:]
        as_removal = word[:i] + word[j:]
        if vocabulary(as_swap) or not vocabulary(as_removal):
            return [Edit(start + i, start + j, swapped, "homoglyph")]
    return [Edit(start + k, start + k + 1, "", "junk-glyph") for k in range(i, j)]


def _vocabulary(text: str) -> Callable[[str], bool]:
    words: set[str] | None = None

    def known(word: str) -> bool:
        nonlocal words
        if words is None:
            words = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text) if w.isascii()}
        return word.lower() in words

    return known


def _edge_symbol_ok(text: str, end: int) -> bool:
    """An emoji at a word's end is text when it closes the line (a quoted post: "Congrats🎉")."""
    rest = text[end : text.find("\n", end) if text.find("\n", end) >= 0 else len(text)]
    return not rest.strip() or all(_is_emoji(c) or c.isspace() or _is_modifier(c) for c in rest)


def find_junk_glyphs(text: str) -> list[Edit]:
    """Glyphs injected inside words: other scripts, styled letters, pictographs, stray marks."""
    if text.isascii():
        return []
    doc = _document_scripts(text)
    vocabulary = _vocabulary(text)
    edits: list[Edit] = []
    for pos, tok in _non_ascii_tokens(text):
        for wm in _WORD_RE.finditer(tok):
            found = _word_junk(wm.group(), pos + wm.start(), doc.native, vocabulary)
            for e in found:
                if text[e.start] in doc.orthographic:
                    continue
                if e.kind == "junk-glyph" and _is_presentation_emoji(text[e.start]):
                    word_end = pos + wm.end()
                    after_letters = all(_char_class(c) != "letter" for c in text[e.end : word_end])
                    if after_letters and _edge_symbol_ok(text, word_end):
                        continue
                edits.append(e)
    return edits


# --------------------------------------------------------------------------- composition

STEPS: Final[tuple[RepairStep, ...]] = (
    RepairStep("mojibake", "Fix mojibake, HTML entities and ligatures", find_mojibake),
    RepairStep("invisibles", "Remove invisible and bidi control characters", find_invisibles),
    RepairStep("junk-glyphs", "Remove glyphs injected inside words", find_junk_glyphs),
)


def _compose(
    original: str, prev: list[Repair], current: str, edits: Iterable[Edit]
) -> list[Repair]:
    """Fold edits made on ``current`` (= original with ``prev`` applied) into ``prev``."""
    result = list(prev)
    omap = OffsetMap.from_repairs(prev)
    rep_starts = list(omap.repaired_starts)
    # Group the new edits with the earlier repairs whose replacement text they touch: each
    # group becomes one record, so a glyph removed from ftfy's output stays one repair.
    groups: list[tuple[list[Edit], set[int]]] = []
    for e in edits:
        lo = bisect.bisect_right(rep_starts, e.start) - 1
        overlapping = {
            k
            for k in range(max(lo, 0), len(result))
            if rep_starts[k] < max(e.end, e.start + 1)
            and rep_starts[k] + len(result[k].replacement) > e.start
            and result[k].replacement
        }
        if overlapping and groups and groups[-1][1] & overlapping:
            groups[-1][0].append(e)
            groups[-1][1].update(overlapping)
        else:
            groups.append(([e], overlapping))
    merged: list[Repair] = []
    absorbed: set[int] = set()
    for group_edits, overlapping in groups:
        if not overlapping:
            (e,) = group_edits
            o_start = omap.to_original(e.start)
            o_end = omap.to_original(e.end, end=True) if e.end > e.start else o_start
            merged.append(Repair(o_start, o_end, original[o_start:o_end], e.replacement, e.kind))
            continue
        cs = min(group_edits[0].start, *(rep_starts[k] for k in overlapping))
        ce = max(
            group_edits[-1].end, *(rep_starts[k] + len(result[k].replacement) for k in overlapping)
        )
        o_start = min(omap.to_original(cs), *(result[k].start for k in overlapping))
        o_end = max(omap.to_original(ce, end=True), *(result[k].end for k in overlapping))
        pieces, pos = [], cs
        for e in group_edits:
            pieces.append(current[pos : e.start])
            pieces.append(e.replacement)
            pos = e.end
        pieces.append(current[pos:ce])
        kinds = dict.fromkeys(
            [*(result[k].kind for k in sorted(overlapping)), *(e.kind for e in group_edits)]
        )
        absorbed.update(overlapping)
        merged.append(
            Repair(o_start, o_end, original[o_start:o_end], "".join(pieces), "+".join(kinds))
        )
    kept = [r for k, r in enumerate(result) if k not in absorbed]
    out = sorted(kept + merged, key=lambda r: (r.start, r.end))
    # Drop no-op records (a merge can cancel itself out); join touching deletions of one
    # kind (a stack of stray accents is one repair, not five).
    joined: list[Repair] = []
    for r in out:
        if r.original == r.replacement:
            continue
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.end == r.start
            and last.kind == r.kind
            and not last.replacement
            and not r.replacement
        ):
            joined[-1] = Repair(last.start, r.end, last.original + r.original, "", r.kind)
        else:
            joined.append(r)
    return joined


def repair_text(
    text: str, *, steps: Sequence[RepairStep] = STEPS, skip: Iterable[str] = ()
) -> tuple[str, tuple[Repair, ...]]:
    """Repair ``text`` and return the repaired text with the repairs (original offsets).

    Args:
        text: The original text.
        steps: The steps to run, in order (default: all of :data:`STEPS`).
        skip: Names of steps to leave out (the reader lets a user turn a step off).
    """
    skipped = set(skip)
    repairs: list[Repair] = []
    current = text
    for step in steps:
        if step.name in skipped:
            continue
        edits = sorted(step.find(current), key=lambda e: (e.start, e.end))
        if not edits:
            continue
        repairs = _compose(text, repairs, current, edits)
        current = apply_repairs(text, repairs)
    return current, tuple(repairs)


def repair_document(doc: Document, *, skip: Iterable[str] = ()) -> Document:
    """Return ``doc`` with its text and title repaired and the repairs recorded.

    The title is repaired like the text (it goes into window titles, terminals and
    exports, where a control character or a bidi override does harm); its repairs are
    ``title_repairs``, with offsets into the title as it was read. A document repaired
    before keeps its title as read: repairing twice gives the same result.
    """
    skipped = tuple(skip)
    text, repairs = repair_text(doc.original, skip=skipped)
    title, title_repairs = doc.title, tuple[Repair, ...]()
    if doc.original_title is not None:
        title, title_repairs = repair_text(doc.original_title, skip=skipped)
    return replace(
        doc, text=text, repairs=repairs, title=title, title_repairs=title_repairs, sentences=()
    )
