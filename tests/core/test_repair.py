"""Repair: each step table-driven, the whole on the samples, and properties of the offsets."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parallax.core.offsets import OffsetMap, apply_repairs, restore_original
from parallax.core.repair import (
    STEPS,
    find_invisibles,
    find_junk_glyphs,
    find_mojibake,
    repair_text,
)

# (damaged, expected repaired text, expected repair kinds) — junk injected inside words the
# way the right-hand sample shows it, in many Unicode categories, at word starts, middles
# and ends.
INJECTED = [
    ("Putin a꧃nd Kim", "Putin and Kim", ["junk-glyph"]),  # Javanese punctuation
    ("state media 🗹said.", "state media said.", ["junk-glyph"]),  # symbol at word start
    ("th𓆏e language", "the language", ["junk-glyph"]),  # Egyptian hieroglyph
    ("strate♎gic partnership", "strategic partnership", ["junk-glyph"]),  # zodiac sign
    ("a major d๊evelopment", "a major development", ["junk-glyph"]),  # Thai combining mark
    ('a "fi𝔍ery friendship"', 'a "fiery friendship"', ["junk-glyph"]),  # fraktur math letter
    ("Secretary of State Anto𝓀ny Blinken", "Secretary of State Antony Blinken", ["junk-glyph"]),
    ("be at ꦡtheir highest", "be at their highest", ["junk-glyph"]),  # script letter, start
    ("offered ꦺweaker assurances", "offered weaker assurances", ["junk-glyph"]),  # vowel sign
    ("the otherಞ's security", "the other's security", ["junk-glyph"]),  # before apostrophe
    ("in Ukraine𝕴, part", "in Ukraine, part", ["junk-glyph"]),  # math letter at word end
    ("Putin♔ and Kim", "Putin and Kim", ["junk-glyph"]),  # chess symbol at word end
    ("a third country💦 that", "a third country that", ["junk-glyph"]),  # emoji, mid-line
    ("tons of tra🍒sh", "tons of trash", ["junk-glyph"]),
    ("the Kremlin's 👍🏽response", "the Kremlin's response", ["junk-glyph"]),  # + skin tone
    ("Elec∑tion results", "Election results", ["junk-glyph"]),  # math operator
    ("Lon道don talks", "London talks", ["junk-glyph"]),  # a lone CJK ideograph
    ("Par\u0489is summit", "Paris summit", ["junk-glyph"]),  # enclosing mark
    ("Z̵̡̢͉algo text", "Zalgo text", ["junk-glyph"]),  # stacked accents
    ("th€e talks", "the talks", ["junk-glyph"]),  # a currency sign inside a word
    ("the terror₣ group", "the terror group", ["junk-glyph"]),  # ... or glued to its end
    ("Round the Wͭorld race", "Round the World race", ["junk-glyph"]),  # an accent that
    ("the holiday p̓eriod", "the holiday period", ["junk-glyph"]),  # makes no letter
    ("deaths. ̼Seven people", "deaths. Seven people", ["junk-glyph"]),  # a mark with no base
    ("work with t➇he new cabinet", "work with the new cabinet", ["junk-glyph"]),  # dingbat digit
    ("the route T℉he", "the route The", ["junk-glyph"]),  # a unit sign between letters
    ("Israe゜l has", "Israel has", ["junk-glyph"]),  # a kana sign
    ("The B𝛡-52 was flying", "The B-52 was flying", ["junk-glyph"]),
    ("anything we'vℶe seen", "anything we've seen", ["junk-glyph"]),  # letterlike symbol
    ("the Departmen۰t said", "the Department said", ["junk-glyph"]),  # Persian digit
    ("it will prob۷ably rain", "it will probably rain", ["junk-glyph"]),
    ("a ٣rd term", "a rd term", ["junk-glyph"]),  # an Arabic-Indic digit
    ("I don’t꧟ know", "I don’t know", ["junk-glyph"]),  # Javanese sign after an apostrophe
    ("we can't꧞ stay", "we can't stay", ["junk-glyph"]),
    ("it’꦳s late", "it’s late", ["junk-glyph"]),  # a Javanese mark right after one
]

INVISIBLE = [
    ("zero\u200bwidth", "zerowidth", ["invisible"]),
    ("word\u2060joiner", "wordjoiner", ["invisible"]),
    ("\ufeffBOM at start", "BOM at start", ["invisible"]),
    ("inter\u00adnational", "international", ["soft-hyphen"]),
    ("evil\u202etxt.exe", "eviltxt.exe", ["bidi-control"]),
    ("isolate \u2066here\u2069", "isolate here", ["bidi-control", "bidi-control"]),
    ("mark\u200e in English", "mark in English", ["bidi-control"]),
    ("bell\x07 char", "bell char", ["control"]),
    ("icon \ue001font", "icon font", ["private-use"]),
    ("hidden\U000e0041\U000e0042tags", "hiddentags", ["invisible"]),
    # A terminal's title-setting sequence goes whole, not only its ESC and BEL.
    ("\x1b]0;pwned\x07Title", "Title", ["terminal-escape"]),
    ("\x1b]2;pwned\x1b\\Title", "Title", ["terminal-escape"]),
    ("\x1b]0;pwned\x07\x1b[2JTitle", "Title", ["terminal-escape"]),
    ("\x1bPq#0;1\x1b\\Sixel", "Sixel", ["terminal-escape"]),
]

MOJIBAKE = [
    ("donâ€™t panic", "don’t panic", ["mojibake"]),
    ("the â€œtreatyâ€\x9d", "the “treaty”", ["mojibake", "mojibake"]),
    ("cafÃ© culture", "café culture", ["mojibake"]),
    ("Tom &amp; Jerry", "Tom & Jerry", ["html-entity"]),
    ("ﬁnancial ﬂows", "financial flows", ["ligature", "ligature"]),
]

# Legitimate text that must come through untouched.
LEGITIMATE = [
    "Cho Han-bum (조한범) of the Korea Institute",
    "Москва-based analysts said «нет»",
    "He quoted Homer: «Μῆνιν ἄειδε θεὰ»",
    "Great news 🎉 for the team",
    "Congrats🎉",
    "👨‍👩‍👧 family emoji and 🇺🇦 flag",
    "Coca-Cola™ rose 25°C and Windows® 10",
    "a 5μm filter, β-blockers and α-synuclein",
    "café, naïve, São Paulo, Zürich, Łódź, Ærøskøbing",
    "It’s “fine” — really… ‘quite’ «so»",
    "€5, £10, ¥300, ₹80, US$5, 5€ and 5 ‰",
    "5±2 kg, 2×3 m, 10÷2 and 3→4",
    "x² + y² = z² and H₂O, ½ cup, 5ℓ, 10Ω and 300K",
    "Kim 김정은 met Putin",
    "北京市の人口は多い",
    "iPhone의 판매량",
    "السلام عليكم\u200f and peace",
    "№5 and §4 of the ¶3",
    "1️⃣ first point",
    "★★★ rating",
    "de\u0301cor with one decomposed accent",
    "Vietnamese Việt Nam with stacked tones ế",
    "The ⚽ match and the 🏆 trophy",
    "क्\u200dष in Devanagari and فارسی\u200cزبان",
    "U.S. troops, U.N. charter, 3.5% growth",
    "“He said: ‘no’”",
    "در سال ۱۴۰۲ قیمت‌ها ۲۵ درصد بالا رفت",  # Persian with its own digits
    "Tehran (تهران) said ۱۴۰۲ was the year",
    "في عام ٢٠٢٤ قال الوزير",  # Arabic with Arabic-Indic digits
    "ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ꧉ and Jakarta",  # Javanese script with its own signs
    "Yogyakarta (ꦔꦪꦺꦴꦒꦾꦏꦂꦠ) is a city",
    "قالت شركة Google، في بيان",  # Arabic punctuation after a Latin name in Arabic text
    "東京でSony！と叫んだ",
]


@pytest.mark.parametrize(("damaged", "expected", "kinds"), INJECTED + INVISIBLE + MOJIBAKE)
def test_repairs_table(damaged: str, expected: str, kinds: list[str]) -> None:
    text, repairs = repair_text(damaged)
    assert text == expected
    assert [r.kind for r in repairs] == kinds
    assert restore_original(text, repairs) == damaged


@pytest.mark.parametrize("text", LEGITIMATE)
def test_legitimate_text_is_untouched(text: str) -> None:
    repaired, repairs = repair_text(text)
    assert repairs == ()
    assert repaired == text


def test_math_letters_are_removed_not_folded() -> None:
    # NFKC would turn 𝓀 into a real "k": "Antokny". The junk goes; nothing is invented.
    assert unicodedata.normalize("NFKC", "Anto𝓀ny") == "Antokny"
    assert repair_text("Anto𝓀ny")[0] == "Antony"


def test_a_documents_own_spelling_stays() -> None:
    # Twi written with a Greek ε inside Latin words: spelling, not injected damage.
    text = "Akyerεko ne Akyerε hyεɛ Kwame Asante"
    assert repair_text(text) == (text, ())


def test_whole_words_of_styled_letters_stay() -> None:
    assert repair_text("the 𝕳𝖊𝖑𝖑𝖔 banner")[1] == ()


def test_homoglyph_is_swapped_when_the_document_knows_the_word() -> None:
    text, repairs = repair_text("Talks in Moscow. Then Mоscow replied.")
    assert text == "Talks in Moscow. Then Moscow replied."
    assert [r.kind for r in repairs] == ["homoglyph"]


def test_inserted_lookalike_is_removed_when_the_document_knows_the_word() -> None:
    text, _ = repair_text("Talks in Moscow. Then Moоscow replied.")
    assert text == "Talks in Moscow. Then Moscow replied."


def test_mojibake_and_junk_in_one_word_compose() -> None:
    damaged = "donâ€™♎t go"
    text, repairs = repair_text(damaged)
    assert text == "don’t go"
    assert restore_original(text, repairs) == damaged


def test_steps_can_be_skipped() -> None:
    damaged = "zero\u200bwidth a꧃nd"
    text, repairs = repair_text(damaged, skip={"junk-glyphs"})
    assert text == "zerowidth a꧃nd"
    assert {r.kind for r in repairs} == {"invisible"}
    assert [s.name for s in STEPS] == ["mojibake", "invisibles", "junk-glyphs"]


def test_each_step_alone_proposes_only_its_own_kind() -> None:
    assert find_mojibake("a꧃nd zero\u200bwidth") == []
    assert find_invisibles("a꧃nd donâ€™t") == []
    assert find_junk_glyphs("zero\u200bwidth donâ€™t") == []


def test_damaged_sample_loses_exactly_its_twenty_glyphs(samples: dict[str, str]) -> None:
    damaged, clean = samples["damaged"], samples["clean"]
    text, repairs = repair_text(damaged)
    assert len(repairs) == 20
    assert all(r.kind == "junk-glyph" and r.replacement == "" for r in repairs)
    assert all(len(r.original) == 1 for r in repairs)
    for r in repairs:
        assert damaged[r.start : r.end] == r.original
    # Nothing else changed: removing those characters from the original gives the text.
    removed = {r.start for r in repairs}
    assert text == "".join(c for i, c in enumerate(damaged) if i not in removed)
    assert "Antony Blinken" in text and "strategic partnership" in text
    assert repair_text(clean) == (clean, ())


# ---------------------------------------------------------------- properties

_POOL = [
    "꧃", "🗹", "𓆏", "♎", "🦂", "🥂", "♔", "๊", "💦", "𝔍", "💟", "ꦡ", "ꦺ", "♉", "🍒",
    "ಞ", "𝕴", "𝓀", "\u200b", "\u00ad", "\u202e", "∑", "⚡", "ᚠ", "ש", "ж", "ก", "字",
]  # fmt: skip

words = st.text(alphabet=st.characters(min_codepoint=97, max_codepoint=122), min_size=3, max_size=9)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=30), st.randoms(use_true_random=False))
def test_injected_glyphs_are_removed_and_map_back(ws: list[str], rnd: random.Random) -> None:
    clean = " ".join(ws)
    damaged_words = []
    # Each glyph at most twice: a letter used inside three different words is the
    # document's own spelling by design (see test_a_documents_own_spelling_stays).
    pool = _POOL * 2
    rnd.shuffle(pool)
    for n, w in enumerate(ws):
        if rnd.random() < 0.4:
            k = rnd.randrange(len(w) + 1)
            glyph = pool.pop()
            if n == len(ws) - 1 and k == len(w) and ord(glyph) > 0x1F000:
                k -= 1  # an emoji closing a line is text by design ("Congrats🎉")
            w = w[:k] + glyph + w[k:]
        damaged_words.append(w)
    damaged = " ".join(damaged_words)
    text, repairs = repair_text(damaged)
    assert text == clean
    assert restore_original(text, repairs) == damaged
    for r in repairs:
        assert damaged[r.start : r.end] == r.original


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_repairs_map_back_to_the_original(original: str) -> None:
    text, repairs = repair_text(original)
    assert apply_repairs(original, repairs) == text
    assert restore_original(text, repairs) == original
    prev_end = 0
    for r in repairs:
        assert r.start >= prev_end and r.end >= r.start
        assert original[r.start : r.end] == r.original
        prev_end = r.end
    # Offsets map both ways and keep their order.
    omap = OffsetMap.from_repairs(repairs)
    mapped = [omap.to_original(i) for i in range(len(text) + 1)]
    assert mapped == sorted(mapped)
    assert all(0 <= m <= len(original) for m in mapped)
    for i in range(len(text) + 1):
        o = omap.to_original(i)
        assert omap.to_repaired(o) <= i <= omap.to_repaired(omap.to_original(i, end=True), end=True)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc ") + _POOL), max_size=60))
@example("a字 字𝓀 aa字")  # a styled letter made 字 look like spelling until it was removed
def test_repair_is_idempotent(original: str) -> None:
    once, _ = repair_text(original)
    twice, more = repair_text(once)
    assert twice == once and more == ()


@given(st.text(alphabet=st.sampled_from(list("ab c\n\t.\u00a0é꧃🎉\u2003x")), max_size=60))
def test_non_ascii_tokens_are_exactly_the_tokens_with_a_non_ascii_character(text: str) -> None:
    from parallax.core.repair import _TOKEN_RE, _non_ascii_tokens

    expected = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(text) if not m.group().isascii()]
    assert list(_non_ascii_tokens(text)) == expected


HOSTILE_TITLE = "\x1b]0;pwned\x07\x1b[2JEvil \u202etitle"


def test_the_title_is_repaired_like_the_text_and_its_repairs_kept() -> None:
    """A title reaches window titles and terminals: no escape sequence or bidi control
    survives in it, and what was removed is recorded like the text's repairs."""
    from parallax.core.model import Document
    from parallax.core.repair import repair_document

    body = "Calm body text.\n"
    doc = repair_document(Document(original=body, text=body, title=HOSTILE_TITLE))
    assert doc.title == "Evil title"
    assert {r.kind for r in doc.title_repairs} == {"terminal-escape", "bidi-control"}
    assert restore_original(doc.title, doc.title_repairs) == HOSTILE_TITLE
    assert doc.repairs == ()  # the text's own repairs are the text's alone
    again = Document.from_dict(doc.to_dict())
    assert again.title == doc.title and again.title_repairs == doc.title_repairs
    # A clean title leaves the document as it was before titles were repaired.
    clean = repair_document(Document(original=body, text=body, title="Calm title"))
    assert clean.title_repairs == () and "title_repairs" not in clean.to_dict()


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        # The document writes Persian: its digits stay, one inside an English word goes.
        ("در سال ۱۴۰۲ قیمت‌ها — the Departmen۰t said", "در سال ۱۴۰۲ قیمت‌ها — the Department said"),
        ("في عام ٢٠٢٤ قال الوزير: prob٧ably", "في عام ٢٠٢٤ قال الوزير: probably"),
        # The document writes Javanese: its marks stay on its letters, not after an apostrophe.
        ("ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ and it’꦳s late", "ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ and it’s late"),
        ("ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ꧉ I don’t꧟ know", "ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ꧉ I don’t know"),
        ("ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ꧉ it'꧅s late", "ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ꧉ it's late"),
    ],
)
def test_junk_of_a_script_the_document_writes_still_goes(damaged: str, expected: str) -> None:
    text, repairs = repair_text(damaged)
    assert text == expected
    assert [r.kind for r in repairs] == ["junk-glyph"]
