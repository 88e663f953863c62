"""Outlet, author and date: read from a page's metadata, a byline and a dateline, and only
when they are plainly there (wrong details beside an article are worse than none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.core.ingest import read_bytes, read_path, read_text
from parallax.core.model import Document

BODY = (
    "The town council voted on Monday to widen the harbour road, after a year of complaints "
    "from the fishing cooperative about lorries stuck at the quay.\n\n"
    "The work will start in May and last four months, the mayor said in a statement to "
    "reporters outside the town hall on Monday evening.\n\n"
    "Residents of the old quarter said they feared the noise, and asked for the works to "
    "stop at night and on Sundays during the summer season."
)


def page(head: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    return (
        "<!doctype html><html><head><title>Council votes to widen the harbour road</title>"
        f"{head}</head><body><article><h1>Council votes to widen the harbour road</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def test_a_page_gives_its_site_name_author_and_publication_date() -> None:
    doc = read_bytes(
        page(
            '<meta property="og:site_name" content="The Harbour Times">'
            '<meta name="author" content="Jane Doe">'
            '<meta property="article:published_time" content="2024-03-03T09:00:00Z">'
        ),
        name="story.html",
    )
    assert (doc.source, doc.author, doc.published) == (
        "The Harbour Times",
        "Jane Doe",
        "2024-03-03",
    )


def test_a_page_without_metadata_is_named_after_its_file_and_has_no_author(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outlet-a-story.html"
    path.write_bytes(page(""))
    doc = read_path(path)
    assert doc.source == "outlet-a-story.html"
    assert doc.author is None
    assert doc.published is None


@pytest.mark.parametrize(
    "author",
    ["https://example.org/staff/jane", "The Harbour Times", "Desk 4"],
)
def test_an_author_that_is_not_a_name_is_left_out(author: str) -> None:
    doc = read_bytes(
        page(
            '<meta property="og:site_name" content="The Harbour Times">'
            f'<meta name="author" content="{author}">'
        ),
        name="story.html",
    )
    assert doc.source == "The Harbour Times"
    assert doc.author is None


@pytest.mark.parametrize(
    ("top", "outlet", "author", "date"),
    [
        ("By Jane Doe | The Harbour Times", "The Harbour Times", "Jane Doe", None),
        ("By JANE DOE and JOHN ROE", None, "Jane Doe and John Roe", None),
        ("By Ursula von der Leyen", None, "Ursula von der Leyen", None),
        ("By Jane Doe, Staff Writer\n3 March 2024", None, "Jane Doe", "2024-03-03"),
        ("Published: March 3, 2024", None, None, "2024-03-03"),
    ],
)
def test_a_byline_and_a_date_line_near_the_top(
    top: str, outlet: str | None, author: str | None, date: str | None
) -> None:
    doc = read_text(f"Council votes to widen the harbour road\n\n{top}\n\n{BODY}")
    assert (doc.source, doc.author, doc.published) == (outlet, author, date)


@pytest.mark.parametrize(
    ("opening", "outlet", "date"),
    [
        ("WASHINGTON (Reuters) - ", "Reuters", None),
        ("LONDON, March 3 (Reuters) - ", "Reuters", None),  # no year: no date
        ("SEOUL, June 19, 2024 (Yonhap) -- ", "Yonhap", "2024-06-19"),
        ("NEW YORK (AP) — ", "AP", None),
        ("LONDON/PARIS, March 3 (AFP) – ", "AFP", None),
    ],
)
def test_a_wire_dateline_names_the_agency(opening: str, outlet: str, date: str | None) -> None:
    doc = read_text(f"Council votes to widen the harbour road\n\n{opening}{BODY}")
    assert (doc.source, doc.published) == (outlet, date)
    assert doc.author is None


@pytest.mark.parametrize(
    "text",
    [
        # A headline that starts with "By" is not a byline.
        f"By Land And Sea\n\n{BODY}",
        f"By 2030 the harbour will be twice as busy\n\n{BODY}",
        # Lower-case prose, a bracket mid-sentence and a dash are not a dateline.
        f"Council votes\n\nThe mayor (Labour) - who won in May - spoke.\n\n{BODY}",
        f"Council votes\n\nMayor Jane Doe (Labour) - spoke on Monday.\n\n{BODY}",
        # A byline of words that are no name.
        f"Council votes\n\nBy staff writers\n\n{BODY}",
    ],
)
def test_nothing_is_guessed_from_text_that_only_resembles_a_byline(text: str) -> None:
    doc = read_text(text)
    assert (doc.source, doc.author, doc.published) == (None, None, None)


def test_a_byline_deep_in_the_article_is_not_the_author() -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} of the story goes on." for n in range(12))
    doc = read_text(f"Council votes\n\n{paragraphs}\n\nBy Jane Doe\n\n{BODY}")
    assert doc.author is None


def test_what_the_journalist_gives_wins_and_a_blank_keeps_what_was_found() -> None:
    doc = read_text(f"Council votes\n\nBy Jane Doe | The Harbour Times\n\n{BODY}")
    edited = doc.with_details(source="  Harbour   Times ", author="", published="2024-03-04")
    assert (edited.source, edited.author, edited.published) == (
        "Harbour Times",
        "Jane Doe",
        "2024-03-04",
    )
    assert edited.text == doc.text


def test_the_author_travels_in_the_document_record_only_when_known() -> None:
    doc = read_text(f"Council votes\n\nBy Jane Doe\n\n{BODY}")
    assert doc.to_dict()["author"] == "Jane Doe"
    assert Document.from_dict(doc.to_dict()).author == "Jane Doe"
    anonymous = read_text(BODY)
    assert "author" not in anonymous.to_dict()
    assert Document.from_dict(anonymous.to_dict()).author is None
