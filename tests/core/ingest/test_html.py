"""Tests for parallax.core.ingest.html: the article of a saved web page, never fetched."""

from __future__ import annotations

import email.generator
import email.mime.multipart
import email.mime.text
import io
import time
from pathlib import Path
from typing import Any

import pytest

from parallax.core.ingest import IngestError, read_bytes, read_path, read_text
from parallax.core.ingest import html as ingest_html
from tests.core.ingest.helpers import COURIER, HARBOUR, assert_one_line

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
    monkeypatch.setattr(ingest_html, "_trafilatura", lambda tree: None)
    page = (
        "<html><head><title>Notice</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a></nav><script>var x = 'SCRIPT';</script>"
        "<div>First block of text.</div><div>Second<br>line.</div></body></html>"
    )
    doc = read_bytes(page.encode("utf-8"), name="notice.html")
    assert doc.original == "Notice\n\nFirst block of text.\n\nSecond\nline."
    assert doc.title == "Notice"
    assert doc.source == "notice.html"
    # The journalist is told that what they read is the whole page, not an article.
    (note,) = doc.notes
    assert "found no article" in note and "whole visible text" in note


def test_deeply_nested_page_falls_back_without_recursion_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ingest_html, "_trafilatura", lambda tree: None)
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


def test_pasted_html_is_extracted() -> None:
    doc = read_text("<p>A pasted fragment.</p><p>Second paragraph.</p>")
    assert doc.original == "A pasted fragment.\n\nSecond paragraph."


# --------------------------------------------------------------------------------------------
# Web archives
# --------------------------------------------------------------------------------------------


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
# Pages nested deeper than the parser goes, and pages trafilatura fails on
# --------------------------------------------------------------------------------------------

DEEP_TEXT = "The minister said the harbour will reopen on Monday after the repairs."


def _nested(depth: int) -> bytes:
    return (
        "<html><head><title>Harbour to reopen</title></head><body>"
        + "<div>" * depth
        + f"<p>{DEEP_TEXT}</p><script>var hidden = 1;</script>"
        + "</div>" * depth
        + "<p>Traffic will be limited for a week.</p></body></html>"
    ).encode()


@pytest.mark.parametrize("depth", [3_000, 100_000])
def test_text_nested_deeper_than_the_parser_goes_is_read(depth: int) -> None:
    started = time.perf_counter()
    doc = read_bytes(_nested(depth), name="deep.html")
    assert time.perf_counter() - started < 10
    assert DEEP_TEXT in doc.text
    assert "Traffic will be limited for a week." in doc.text  # what follows the deep part too
    assert "hidden" not in doc.text
    assert doc.title == "Harbour to reopen"
    assert doc.notes and "nested" in doc.notes[0] and "whole visible text" in doc.notes[0]


def test_a_shallow_page_has_no_note() -> None:
    assert read_bytes(_nested(50), name="page.html").notes == ()


def test_when_trafilatura_fails_the_visible_text_is_used_and_the_document_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    doc = read_bytes(_nested(5), name="page.html")
    assert DEEP_TEXT in doc.text
    assert doc.notes == (
        "Parallax could not single out the article on this web page (RecursionError), so "
        "the page's whole visible text is shown: menus and links may be mixed in.",
    )
    assert doc.to_dict()["notes"] == list(doc.notes)
