"""Tests for parallax.core.ingest: bytes, files, pastes and pipes -> Document."""

from __future__ import annotations

import email.generator
import email.mime.multipart
import email.mime.text
import gzip
import io
import os
import socket
import textwrap
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from parallax.core import ingest
from parallax.core.ingest import (
    MAX_BYTES,
    IngestError,
    read_bytes,
    read_path,
    read_stream,
    read_text,
)
from parallax.core.model import Document
from parallax.core.sentences import split_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
HARBOUR = FIXTURES / "harbour-times-pact.html"
COURIER = FIXTURES / "daily-courier-pact.html"

# An article with everything that legacy encodings get wrong: curly quotes, dashes, the euro
# sign, accents and an ellipsis. Every character exists in Windows-1252.
ARTICLE = (
    "Kim’s “landmark” pact with Russia\n"
    "\n"
    "The treaty — signed in Pyongyang — will cost Moscow €5 billion, said a café owner.\n"
    "Critics called it a naïve résumé of Soviet-era promises… “It’s déjà vu,” one said.\n"
)


def assert_one_line(error: pytest.ExceptionInfo[IngestError], *fragments: str) -> None:
    """The message is one user-facing sentence that names the input and the problem."""
    message = str(error.value)
    assert "\n" not in message
    assert message.endswith(".")
    assert "Traceback" not in message
    for fragment in fragments:
        assert fragment.lower() in message.lower(), message


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Make every attempt to reach the network fail loudly and be recorded."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


# --------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------

ENCODED = {
    "utf-8": ARTICLE.encode("utf-8"),
    "utf-8-sig": ARTICLE.encode("utf-8-sig"),
    "utf-16 (BOM, LE)": ARTICLE.encode("utf-16"),
    "utf-16-be with BOM": b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    "utf-16-le without BOM": ARTICLE.encode("utf-16-le"),
    "utf-16-be without BOM": ARTICLE.encode("utf-16-be"),
    "utf-32 (BOM)": ARTICLE.encode("utf-32"),
    "utf-32-le without BOM": ARTICLE.encode("utf-32-le"),
    "cp1252": ARTICLE.encode("cp1252"),
    "cp1252 with CRLF": ARTICLE.replace("\n", "\r\n").encode("cp1252"),
    "utf-16 with CRLF": ARTICLE.replace("\n", "\r\n").encode("utf-16"),
    "utf-8 with lone CR": ARTICLE.replace("\n", "\r").encode("utf-8"),
}


@pytest.mark.parametrize("encoding", list(ENCODED))
def test_same_article_in_every_encoding_reads_the_same(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODED[encoding])
    doc = read_path(path)
    assert doc.original == ARTICLE
    assert doc.text == doc.original
    assert doc.title == "Kim’s “landmark” pact with Russia"
    assert doc.source == "article.txt"
    assert doc.path == str(path.resolve())
    assert read_bytes(ENCODED[encoding], name="article.txt").original == ARTICLE


OTHER_SCRIPTS = [
    (
        "cp1251",
        "Президент России Владимир Путин и лидер КНДР Ким Чен Ын подписали договор "
        "о всеобъемлющем стратегическом партнёрстве.\n",
    ),
    (
        "koi8-r",
        "Президент России Владимир Путин и лидер КНДР Ким Чен Ын подписали договор "
        "о всеобъемлющем стратегическом партнёрстве.\n",
    ),
    (
        "cp1253",
        "Η Βόρεια Κορέα και η Ρωσία υπέγραψαν συμφωνία αμοιβαίας άμυνας, δήλωσε ο πρόεδρος.\n",
    ),
    (
        "cp1250",
        "Prezydent Rosji i przywódca Korei Północnej podpisali układ o współpracy. "
        "Zażółć gęślą jaźń.\n",
    ),
    (
        "cp1250",
        "Příliš žlutý kůň úpěl. Vláda schválila smlouvu o strategickém partnerství s Ruskem.\n",
    ),
    (
        "shift_jis",
        "北朝鮮とロシアは包括的戦略パートナーシップ条約に署名した。プーチン大統領と金正恩総書記が署名した。\n",
    ),
    ("gb18030", "朝鲜和俄罗斯签署了全面战略伙伴关系条约。普京总统和金正恩签署了该条约。\n"),
]


@pytest.mark.parametrize(("encoding", "text"), OTHER_SCRIPTS)
def test_legacy_encodings_of_other_scripts_are_detected(encoding: str, text: str) -> None:
    assert read_bytes(text.encode(encoding), kind="text").original == text


WESTERN = [
    "Le café était fermé à Noël. Ça coûte cher? Non: 5 francs. Où êtes-vous? Là-bas, à l’église.",
    "Die Bundesregierung äußerte sich „besorgt“ über das Abkommen – so der Sprecher. Übermaß.",
    "¿Qué pasó? El presidente ruso firmó un acuerdo con Corea del Norte. ¡Increíble! Año 2024.",
    "Perché il presidente russo è andato là? Così ha detto: «un accordo storico». Città, più, già.",
    "Rusland og Nordkorea har underskrevet en aftale. Både København og Århus, søen, øen.",
    "It’s “done”.",
    "Café.",
]


@pytest.mark.parametrize("text", WESTERN)
def test_short_western_texts_in_cp1252_are_not_mistaken_for_other_code_pages(text: str) -> None:
    # charset-normalizer alone calls most of these cp1250, cp1257 or cp720.
    assert read_bytes(text.encode("cp1252"), kind="text").original == text


def test_undefined_cp1252_bytes_still_decode() -> None:
    doc = read_bytes(b"Caf\xe9 \x81 and na\xefve text that is otherwise fine.", kind="text")
    assert doc.original.startswith("Caf")
    assert "fine." in doc.original


HTML_TEMPLATE = (
    '<html><head><meta charset="{charset}"><title>Test page</title></head><body><article>'
    "<p>{text}</p><p>{text}</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("charset", "codec", "text"),
    [
        # Czech without ť reads as plausible cp1252; only the declaration tells the truth.
        ("windows-1250", "cp1250", "Příliš žlutý kůň úpěl. Vláda schválila smlouvu o partnerství."),
        ("koi8-r", "koi8-r", "Президент России и лидер КНДР подписали договор."),
        ("iso-8859-1", "cp1252", "Kim’s “pact” costs €5 — a café owner’s naïve view."),
        ("ISO-8859-7", "iso-8859-7", "Η Βόρεια Κορέα και η Ρωσία υπέγραψαν συμφωνία."),
    ],
)
def test_html_meta_charset_is_honoured_when_bytes_are_not_utf8(
    charset: str, codec: str, text: str
) -> None:
    page = HTML_TEMPLATE.format(charset=charset, text=text).encode(codec)
    doc = read_bytes(page, name="page.html")
    assert text in doc.original


def test_valid_utf8_wins_over_a_wrong_meta_charset() -> None:
    text = "Kim’s “pact” costs €5 — café"
    page = HTML_TEMPLATE.format(charset="windows-1252", text=text).encode("utf-8")
    assert text in read_bytes(page, name="page.html").original


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(
        st.text(
            alphabet=st.characters(
                blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\ufffd"
            ),
            max_size=30,
        )
        | st.sampled_from(["\n", "\r\n", "\r", "\t", " "]),
        min_size=1,
        max_size=12,
    ).map("".join),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]),
)
def test_any_text_round_trips_through_utf_encodings(text: str, encoding: str) -> None:
    assume(ingest._VISIBLE.search(text) is not None)
    assume(ingest._ONLY_A_URL.match(text) is None)  # refused: Parallax never downloads
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assume(ingest._unwrap(expected) == expected)  # hard-wrapped text is rejoined (below)
    doc = read_bytes(text.encode(encoding), kind="text")
    assert doc.original == expected
    assert doc.text == expected


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_a_document_or_an_ingest_error(data: bytes) -> None:
    try:
        doc = read_bytes(data)
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(doc, Document)
        assert "\r" not in doc.original


# --------------------------------------------------------------------------------------------
# The text is kept as it is
# --------------------------------------------------------------------------------------------


def test_junk_glyphs_invisibles_and_spacing_are_preserved() -> None:
    damaged = "North Korea a꧃nd Russia sign strate♎gic pact\u200b with Anto𝓀ny  \t\n\n\nEnd.  \n"
    assert read_bytes(damaged.encode("utf-8"), kind="text").original == damaged
    assert read_text(damaged).original == damaged


def test_newlines_are_normalised() -> None:
    assert read_text("One\r\nTwo\rThree\n\r\nFour").original == "One\nTwo\nThree\n\nFour"


def test_pasted_text_loses_only_a_leading_byte_order_mark() -> None:
    assert read_text("\ufeffHello world.\n").original == "Hello world.\n"


def test_seed_sample_reads_with_its_headline() -> None:
    sample = Path(__file__).parents[2] / "data" / "samples" / "nk-russia-pact-clean.txt"
    if not sample.exists():
        pytest.skip("sample data not present")
    doc = read_path(sample)
    assert doc.title == "North Korea and Russia sign landmark 'defence pact'"
    assert doc.source == "nk-russia-pact-clean.txt"
    assert doc.original == sample.read_bytes().decode("utf-8").replace("\r\n", "\n")


# --------------------------------------------------------------------------------------------
# Hard-wrapped plain text gets its paragraphs back
# --------------------------------------------------------------------------------------------


def _wrap_lines(text: str, width: int) -> str:
    """Each line of ``text`` hard-wrapped at ``width``, as e-mail and wire copy come."""
    return "\n".join(
        textwrap.fill(line, width) if line.strip() else line for line in text.split("\n")
    )


@pytest.mark.parametrize("width", [45, 60, 72, 80])
@pytest.mark.parametrize("name", ["clean", "damaged"])
def test_hard_wrapped_text_gets_each_paragraph_back_on_one_line(
    samples: dict[str, str], name: str, width: int
) -> None:
    text = samples[name]
    wrapped = _wrap_lines(text, width)
    assert wrapped.count("\n") > text.count("\n") + 10
    doc = read_text(wrapped)
    # The clean sample has blank lines between paragraphs, so every wrapped line rejoins;
    # the damaged one has none, so a break after a sentence's end may stay a break.
    if name == "clean":
        assert doc.original == text
    assert split(doc.original) == split(text)
    assert doc.title == read_text(text).title


def split(text: str) -> list[str]:
    return [" ".join(s.text.split()) for s in split_sentences(text)]


PARAGRAPH = (
    "The agency said on Tuesday that the well-known company had broken the rules of the "
    "anti-Taliban coalition for a decade, which the court - after a long hearing in the "
    "capital - found to be the case in all of the forty-two counts, and the co-operation "
    "agreement of 2019 was void. The company's lawyers said they would appeal on Friday."
)


@pytest.mark.parametrize("width", range(40, 101, 4))
def test_words_broken_at_a_hyphen_join_and_a_spaced_dash_keeps_its_space(width: int) -> None:
    wrapped = textwrap.fill(PARAGRAPH, width) + "\n\n" + textwrap.fill(PARAGRAPH, width)
    assert read_text(wrapped).original == PARAGRAPH + "\n\n" + PARAGRAPH


def test_list_items_and_short_lines_keep_their_own_lines_in_wrapped_text() -> None:
    lines = [
        "The ministry published its figures for the year on Monday and said that the three "
        "measures it had announced in March would stay in force until the end of the winter:",
        "- Schools stay open with smaller classes and longer breaks for the pupils, the "
        "ministry said",
        "- Shops close at eight",
        "1. The first review comes in April and is followed by a second in the autumn, when "
        "the numbers are known.",
        "2. The second one follows.",
        "Officials said that the measures had been agreed with the regions after weeks of "
        "talks between the capital and the provinces, and would be reviewed in the spring.",
    ]
    wrapped = "\n".join(textwrap.fill(line, 60) for line in lines)
    assert wrapped.count("\n") >= 10
    assert read_text(wrapped).original.split("\n") == lines


@pytest.mark.parametrize(
    "text",
    [
        # A paragraph a line, however long: nothing was wrapped.
        "Rescue workers pulled three survivors from the rubble of the collapsed hotel.\n"
        "The hotel opened in 1998 and was popular with tourists from Europe.\n"
        "Officials said the search would go on through the night and into Sunday.\n"
        "It was not immediately clear how many guests had been inside.\n",
        # Verse and lists: lines that end well short of the widest one.
        "The woods are lovely, dark and deep,\nBut I have promises to keep,\n"
        "And miles to go before I sleep,\nAnd miles to go before I sleep.\n",
        "Casualties by region\nNorth: 12\nSouth: 4\nEast: none reported\nWest: 7\n",
        # A table whose rows are all as wide as the widest.
        "Results of the regional elections, seats won by each of the parties standing\n"
        "Party                      North      South      East       West      Total\n"
        "Social Democrats           12         8          15         9         44\n"
        "Christian Democrats        10         14         6          11        41\n"
        "Greens                     4          3          5          2         14\n",
        # A sentence a line, as CoNLL-2003 and many wire databases store articles.
        "EU rejects German call to boycott British lamb .\n"
        "The European Commission said on Thursday it disagreed with German advice to "
        "consumers to shun British lamb until scientists determine whether mad cow disease "
        "can be transmitted to sheep .\n"
        "Germany 's representative to the European Union 's veterinary committee Werner "
        "Zwingmann said on Wednesday consumers should buy sheepmeat from countries other "
        "than Britain until the scientific advice was clearer .\n"
        "\" We do n't support any such recommendation because we do n't see any grounds for "
        "it , \" the Commission 's chief spokesman Nikolaus van der Pas told a news briefing .\n",
    ],
)
def test_text_that_is_not_wrapped_is_kept_as_it_is(text: str) -> None:
    assert read_text(text).original == text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="abc de\u00e9f.", max_size=39), min_size=1, max_size=30))
def test_lines_narrower_than_any_wrapping_width_are_never_joined(lines: list[str]) -> None:
    text = "\n".join(lines)
    assume(ingest._VISIBLE.search(text) is not None)
    assert read_text(text).original == text


# --------------------------------------------------------------------------------------------
# Plain text metadata
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "source", "published"),
    [
        ("Putin visits Pyongyang\n\nThe visit began.\n", "Putin visits Pyongyang", None, None),
        ("Putin visits Pyongyang?\n\nThe visit began.\n", "Putin visits Pyongyang?", None, None),
        ("The visit began on Tuesday.\nMore text.\n", None, None, None),
        ("Pact signed with U.S.\n\nBody.\n", "Pact signed with U.S.", None, None),
        ("\n\n   Pact signed  \n\nBody.\n", "Pact signed", None, None),
        (
            "Pact signed\nBy Jane Doe | Reuters\n19 June 2024\n\nBody text.\n",
            "Pact signed",
            "Reuters",
            "2024-06-19",
        ),
        (
            "Pact signed\nBy Jane Doe • The Seoul Herald • June 19, 2024\n\nBody.\n",
            "Pact signed",
            "The Seoul Herald",
            "2024-06-19",
        ),
        (
            "Pact signed\nPublished: Wed 19 Jun 2024 09:30 BST\n\nBody.\n",
            "Pact signed",
            None,
            "2024-06-19",
        ),
        ("Pact signed\nBy Jane Doe, Seoul correspondent\n\nBody.\n", "Pact signed", None, None),
        ("Pact signed\nBy Jane Doe | Staff writer\n\nBody.\n", "Pact signed", None, None),
        ("Attack on 19 June 2024\n\nBody.\n", "Attack on 19 June 2024", None, None),
        # A date inside a sentence is not the publication date.
        (
            "Pact signed\n\nOn 19 June 2024 the two leaders met in Pyongyang.\n",
            "Pact signed",
            None,
            None,
        ),
        ("A" * 300 + "\n\nBody.\n", None, None, None),
    ],
)
def test_plain_text_metadata(
    text: str, title: str | None, source: str | None, published: str | None
) -> None:
    doc = read_bytes(text.encode("utf-8"), name="notes/story.txt")
    assert doc.title == title
    assert doc.source == (source or "story.txt")
    assert doc.published == published
    assert doc.url is None


def test_pasted_text_without_a_name_has_no_source() -> None:
    assert read_text("Just a sentence.").source is None


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------

MARKDOWN_CASES = [
    ("# Pact signed\n\nBody text.\n", "Pact signed\n\nBody text."),
    ("## Sub *heading* ##\n", "Sub heading"),
    (
        "Some *emphasis*, **strong**, ***both*** and _under_ and __score__.",
        "Some emphasis, strong, both and under and score.",
    ),
    ("snake_case_names and 2 * 3 * 4 stay", "snake_case_names and 2 * 3 * 4 stay"),
    ('A [link](https://example.com/a_(b) "title") here', "A link here"),
    ("An ![image](pic.png) gone", "An gone"),
    ("Ref [link][r] and [r].\n\n[r]: https://example.com\n", "Ref link and r."),
    ("Literal \\*stars\\* and `code *x*` and &amp;", "Literal *stars* and code *x* and &"),
    ("Soft\nwrapped\nparagraph.", "Soft wrapped paragraph."),
    ("Hard break  \nnext line.", "Hard break\nnext line."),
    (
        "- one\n- two\n  continued\n    - nested\n\nAfter.",
        "- one\n- two continued\n  - nested\n\nAfter.",
    ),
    ("1. first\n2. second", "1. first\n2. second"),
    ("> quoted *text*\n> more", "quoted text more"),
    ("```python\nx = *not* emphasis\n```\n\nAfter.", "x = *not* emphasis\n\nAfter."),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n| 1 | 2 |"),
    ("Title\n=====\n\nBody.", "Title\n\nBody."),
    ("Before\n\n---\n\nAfter", "Before\n\nAfter"),
    ("Visible <!-- hidden\nstill hidden --> text", "Visible text"),
    ("Auto <https://example.com/x> link", "Auto https://example.com/x link"),
]


@pytest.mark.parametrize(("markdown", "expected"), MARKDOWN_CASES)
def test_markdown_becomes_readable_text(markdown: str, expected: str) -> None:
    doc = read_bytes(markdown.encode("utf-8"), name="story.md")
    assert doc.original == expected
    assert doc.text == doc.original


def test_markdown_title_is_the_first_level_one_heading() -> None:
    doc = read_bytes(b"Intro line\n\n## Section\n\n# The headline\n\nBody.", name="a.markdown")
    assert doc.title == "The headline"


def test_markdown_front_matter_gives_metadata_and_is_not_text() -> None:
    md = (
        "---\ntitle: Pact signed\nsource: The Seoul Herald\ndate: 2024-06-19\n"
        "url: https://herald.example/pact\n---\n\n# Pact signed in Pyongyang\n\nBody.\n"
    )
    doc = read_bytes(md.encode("utf-8"), name="a.md")
    assert doc.title == "Pact signed"
    assert doc.source == "The Seoul Herald"
    assert doc.published == "2024-06-19"
    assert doc.url == "https://herald.example/pact"
    assert doc.original == "Pact signed in Pyongyang\n\nBody."


def test_markdown_with_only_an_image_is_refused() -> None:
    with pytest.raises(IngestError) as error:
        read_bytes(b"![just a picture](pic.png)\n", name="pic.md")
    assert_one_line(error, "pic.md")


# --------------------------------------------------------------------------------------------
# Sniffing the kind
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>Pasted page.</p></body></html>", "html"),
        ("<p>A pasted fragment.</p><p>Second paragraph.</p>", "html"),
        ("# A headline\n\nSome text.", "markdown"),
        ("Some **bold** claim with a [source](https://example.com).", "markdown"),
        ("Plain text with - a dash and * a star.\n- one bullet\n", "text"),
        ("Is 3 < 4? Yes, and <this> is not a tag.", "text"),
    ],
)
def test_pasted_text_kind_is_sniffed(text: str, kind: str) -> None:
    assert ingest._sniff_kind(text, allow_markdown=True) == kind
    assert isinstance(read_text(text), Document)


def test_pasted_html_is_extracted() -> None:
    doc = read_text("<p>A pasted fragment.</p><p>Second paragraph.</p>")
    assert doc.original == "A pasted fragment.\n\nSecond paragraph."


def test_unknown_extension_is_sniffed_as_html_or_text(tmp_path: Path) -> None:
    page = tmp_path / "saved.php"
    page.write_bytes(HARBOUR.read_bytes())
    assert read_path(page).source == "The Harbour Times"
    notes = tmp_path / "notes"
    notes.write_text("# not a heading in a plain file\nBody.\n", encoding="utf-8")
    assert read_path(notes).original == "# not a heading in a plain file\nBody.\n"


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

HARBOUR_BODY = [
    "North Korea and Russia have signed a treaty that commits each country to provide "
    "immediate military assistance to the other if it comes under armed attack, the most "
    "significant agreement between the two since the end of the cold war.",
    'Kim described the agreement as the "strongest ever treaty" between the two countries',
    "A revived cold war alliance",
    '"This is the closest the two countries have been since the Soviet era," said Lee Sung-yoon',
    "South Korea's national security adviser, Chang Ho-jin, said on Thursday",
    "in defiance of United Nations sanctions that Moscow voted for in 2017.",
]
HARBOUR_JUNK = [
    "We use cookies",
    "Accept all",
    "Subscribe for £1 a week",
    "Business",
    "Search the Harbour Times",
    "Share on Facebook",
    "Read more:",
    "Putin arrives in Pyongyang for rare visit",
    "Sign up to First Edition",
    "Related stories",
    "Kim oversees test of new tactical missile system",
    "Seoul suspends military pact",
    "Nobody should be surprised",
    "sanctions regime is clearly failing",
    "Comments (214)",
    "Most viewed",
    "Heatwave warning",
    "Privacy policy",
    "All rights reserved",
    "G-TRACKING-MARKER",
    "SCRIPT_BODY_MARKER",
    "COOKIE_STYLE_MARKER",
    "@context",
]
COURIER_BODY = [
    "Vladimir Putin and Kim Jong Un have signed a pact promising that Russia and North Korea "
    "will defend each other against “aggression”, in a move that alarmed Western capitals.",
    "Mr Kim hailed Russia as “the most honest friend and ally”",
    "Officials in Seoul and Tokyo voiced “grave concern” over the pact.",
    "Russia’s economy has been hit by sanctions costing an estimated €300 billion",
    "Putin left Pyongyang early on Thursday for Vietnam, the next stop on his Asian tour.",
]
COURIER_JUNK = [
    "Log in",
    "Subscribe – 50% off",
    "Puzzles",
    "Your privacy matters",
    "843 partners",
    "I agree",
    "Advertisement",
    "Facebook",
    "1.2k shares",
    "morning briefing",
    "Reproduction without permission",
    "MORE FROM WORLD NEWS",
    "$50bn Ukraine loan",
    "Have your say",
    "COMMENT_MARKER_ONE",
    "COMMENT_MARKER_TWO",
    "Show all 568 comments",
    "Most popular",
    "Lottery winner",
    "Courier Media Group",
    "ANALYTICS_MARKER",
    "SCRIPT_BODY_MARKER",
    "Pyongyang 27°C",
]


@pytest.mark.parametrize(
    ("page", "body", "junk", "meta"),
    [
        (
            HARBOUR,
            HARBOUR_BODY,
            HARBOUR_JUNK,
            {
                "title": "North Korea and Russia sign mutual defence pact",
                "source": "The Harbour Times",
                "published": "2024-06-19",
                "url": "https://www.harbourtimes.example/world/asia/2024/06/19/"
                "north-korea-russia-defence-pact",
            },
        ),
        (
            COURIER,
            COURIER_BODY,
            COURIER_JUNK,
            {
                "title": "Putin and Kim pledge mutual military aid in Pyongyang treaty",
                "source": "Daily Courier",
                "published": "2024-06-19",
                # No canonical link: the browser's "saved from" note is the page's own word.
                "url": "https://dailycourier.example/news/world/putin-kim-treaty-pyongyang-20240619.html",
            },
        ),
    ],
    ids=["harbour-times-utf8", "daily-courier-cp1252-crlf"],
)
def test_saved_news_page_keeps_the_article_and_drops_the_junk(
    page: Path, body: list[str], junk: list[str], meta: dict[str, str], network_attempts: list[Any]
) -> None:
    doc = read_path(page)
    for paragraph in body:
        assert paragraph in doc.original
    for item in junk:
        assert item not in doc.original, item
    assert doc.title == meta["title"]
    assert doc.source == meta["source"]
    assert doc.published == meta["published"]
    assert doc.url == meta["url"]
    assert doc.path == str(page.resolve())
    # The headline opens the text and paragraphs are separated by blank lines.
    blocks = doc.original.split("\n\n")
    assert blocks[0] == meta["title"]
    assert any(block == body[0] for block in blocks)
    assert "\r" not in doc.original
    assert doc.text == doc.original
    assert network_attempts == []


def test_html_with_remote_images_and_links_never_touches_the_network(
    network_attempts: list[Any],
) -> None:
    page = (
        "<!DOCTYPE html><html><head>"
        '<link rel="stylesheet" href="http://cdn.example.com/site.css">'
        '<link rel="canonical" href="http://news.example.com/story">'
        '<script src="http://cdn.example.com/app.js"></script>'
        '<meta property="og:image" content="http://cdn.example.com/og.jpg">'
        "</head><body><article><h1>Leaders meet</h1>"
        '<img src="http://cdn.example.com/photo.jpg" alt="photo">'
        '<iframe src="http://video.example.com/embed/1"></iframe>'
        "<p>The two leaders met on Wednesday and signed the treaty in front of cameras.</p>"
        '<p><img src="https://cdn.example.com/inline.png">They pledged mutual help.</p>'
        "</article></body></html>"
    )
    doc = read_bytes(page.encode("utf-8"), name="page.html")
    assert "signed the treaty" in doc.original
    assert doc.url == "http://news.example.com/story"
    assert network_attempts == []


def test_html_where_no_article_is_found_falls_back_to_visible_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ingest, "_trafilatura", lambda tree: None)
    page = (
        "<html><head><title>Notice</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a></nav><script>var x = 'SCRIPT';</script>"
        "<div>First block of text.</div><div>Second<br>line.</div></body></html>"
    )
    doc = read_bytes(page.encode("utf-8"), name="notice.html")
    assert doc.original == "Notice\n\nFirst block of text.\n\nSecond\nline."
    assert doc.title == "Notice"
    assert doc.source == "notice.html"


def test_deeply_nested_page_falls_back_without_recursion_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ingest, "_trafilatura", lambda tree: None)
    depth = 1500
    page = (
        "<html><body>" + "<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth + "</body></html>"
    )
    assert read_text(page).original == "Deep text."


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title></title></head><body></body></html>",
        "<html><body><script>only();</script><style>p{}</style></body></html>",
        "<!DOCTYPE html>",
    ],
)
def test_html_without_text_is_refused(page: str) -> None:
    with pytest.raises(IngestError) as error:
        read_bytes(page.encode("utf-8"), name="blank.html")
    assert_one_line(error, "blank.html")


def test_mhtml_web_archive_is_read(tmp_path: Path) -> None:
    archive = email.mime.multipart.MIMEMultipart("related")
    html = HARBOUR.read_text(encoding="utf-8")
    archive.attach(email.mime.text.MIMEText(html, "html", "utf-8"))
    buffer = io.StringIO()
    email.generator.Generator(buffer).flatten(archive)
    path = tmp_path / "page.mhtml"
    path.write_text(buffer.getvalue(), encoding="ascii")
    doc = read_path(path)
    assert HARBOUR_BODY[0] in doc.original
    assert doc.source == "The Harbour Times"


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "hello")
    return buffer.getvalue()


BINARIES = [
    (
        "report.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "PDF document",
    ),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01", "JPEG image"),
    ("anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!", "GIF image"),
    ("story.docx", _docx(), "Word document"),
    ("bundle.zip", _zip(), "ZIP archive"),
    ("story.txt.gz", gzip.compress(b"The article text, compressed."), "gzip"),
    ("parallax", b"\x7fELF\x02\x01\x01\x00" + bytes(56), "executable program"),
    ("story.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Office document"),
    ("story.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello }", "RTF document"),
    ("data.bin", b"Some text\x00with a NUL and \x00\x01\x02 binary bytes in it", "binary file"),
    ("story.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 text", "control characters"),
]


@pytest.mark.parametrize(("name", "data", "what"), BINARIES, ids=[b[0] for b in BINARIES])
def test_binary_files_are_refused_with_a_clear_message(
    name: str, data: bytes, what: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError) as error:
        read_path(path)
    assert_one_line(error, name, what)
    with pytest.raises(IngestError):
        read_bytes(data, name=name)


def test_pdf_message_reads_well(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(BINARIES[0][1])
    with pytest.raises(
        IngestError, match=r"^report\.pdf looks like a PDF document, not an article"
    ):
        read_path(path)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"", "is empty"),
        (b"   \n\t\r\n  ", "only blank space"),
        ("\ufeff".encode("utf-8"), "is empty"),
        ("\u200b\u200b \n".encode("utf-8"), "only blank space"),
        (" \n".encode("utf-16"), "only blank space"),
    ],
)
def test_empty_and_blank_files_are_refused(data: bytes, what: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as error:
        read_path(path)
    assert_one_line(error, "empty.txt", what)


def test_a_pasted_web_address_is_refused_not_fetched(network_attempts: list[Any]) -> None:
    with pytest.raises(IngestError) as error:
        read_text("  https://news.example.com/world/pact-signed?ref=home \n")
    assert_one_line(error, "web address", "offline")
    assert network_attempts == []


def test_dev_null_is_empty() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    with pytest.raises(IngestError) as error:
        read_path("/dev/null")
    assert_one_line(error, "null", "empty")


def test_pasted_blank_text_is_refused() -> None:
    with pytest.raises(IngestError) as error:
        read_text("  \n ")
    assert_one_line(error, "pasted text", "blank")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as error:
        read_path(tmp_path / "nowhere.txt")
    assert_one_line(error, "nowhere.txt", "does not exist")


def test_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(IngestError) as error:
        read_path(tmp_path / "file.txt" / "inner.txt")
    assert_one_line(error, "inner.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as error:
        read_path(tmp_path)
    assert_one_line(error, str(tmp_path), "folder")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Classified article.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anything: simulate what a user would see

            def refuse(*args: Any, **kwargs: Any) -> Any:
                raise PermissionError(13, "Permission denied", str(path))

            monkeypatch.setattr(ingest, "open", refuse, raising=False)
        with pytest.raises(IngestError) as error:
            read_path(path)
        assert_one_line(error, "secret.txt", "permission denied")
    finally:
        path.chmod(0o644)


def test_huge_file_fails_fast_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(300 * 2**20)  # sparse: costs no disk and no time
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(IngestError) as error:
            read_path(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1.0
    assert peak < 2**20  # nothing near 300 MB (or even 32 MB) was read
    assert_one_line(error, "huge.txt", "300 MB", "32 MB limit")


def test_custom_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(IngestError) as error:
        read_path(path, max_bytes=1000)
    assert_one_line(error, "a.txt", "limit")
    assert read_path(path, max_bytes=2000).original == "x" * 2000


def test_read_bytes_and_text_limits() -> None:
    with pytest.raises(IngestError):
        read_bytes(b"x" * 11, max_bytes=10)
    with pytest.raises(IngestError) as error:
        read_text("x" * 11, max_bytes=10)
    assert_one_line(error, "pasted text", "11 characters")


def test_read_bytes_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind"):
        read_bytes(b"text", kind="pdf")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Streams
# --------------------------------------------------------------------------------------------


class Trickle(io.RawIOBase):
    """A pipe-like stream that returns a few bytes per read."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk, self._data = self._data[:7], self._data[7:]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_read_stream_reads_stdin_like_streams() -> None:
    doc = read_stream(io.BytesIO(ENCODED["utf-16 (BOM, LE)"]))
    assert doc.original == ARTICLE
    assert doc.source == "stdin"
    assert doc.path is None
    trickled = read_stream(Trickle(ARTICLE.encode("utf-8")), name="pipe")  # type: ignore[arg-type]
    assert trickled.original == ARTICLE


def test_read_stream_sniffs_html_and_markdown() -> None:
    assert read_stream(io.BytesIO(HARBOUR.read_bytes())).source == "The Harbour Times"
    assert read_stream(io.BytesIO(b"# Head\n\nSome *text*.")).original == "Head\n\nSome text."


def test_read_stream_stops_after_the_limit() -> None:
    class Endless(io.RawIOBase):
        reads = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            Endless.reads += 1
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(IngestError) as error:
        read_stream(Endless(), max_bytes=10_000)  # type: ignore[arg-type]
    assert_one_line(error, "stdin", "limit")
    assert Endless.reads < 100


def test_read_stream_errors_become_ingest_errors() -> None:
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            raise OSError(5, "Input/output error")

    with pytest.raises(IngestError) as error:
        read_stream(Broken())  # type: ignore[arg-type]
    assert_one_line(error, "stdin", "input/output error")


# --------------------------------------------------------------------------------------------
# Size and speed
# --------------------------------------------------------------------------------------------


def test_a_five_megabyte_text_reads_quickly(tmp_path: Path) -> None:
    paragraph = (
        "North Korea and Russia have signed a treaty — “the strongest ever” — that costs "
        "€5 billion, said a café owner in Pyongyang.\r\n\r\n"
    )
    text = "A very long report\r\n\r\n" + paragraph * (5 * 2**20 // len(paragraph.encode("utf-8")))
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode("utf-8"))
    started = time.perf_counter()
    doc = read_path(path)
    elapsed = time.perf_counter() - started
    assert doc.original == text.replace("\r\n", "\n")
    assert doc.title == "A very long report"
    assert elapsed < 2.0, f"5 MB took {elapsed:.2f} s"


def test_default_limit_is_documented_in_messages() -> None:
    assert MAX_BYTES == 32 * 2**20
    with pytest.raises(IngestError, match="32 MB"):
        read_stream(io.BytesIO(b"x" * (MAX_BYTES + 1)))
