"""Tests for parallax.core.ingest.markdown: Markdown read as plain text with its metadata."""

from __future__ import annotations

import pytest

from parallax.core.ingest import IngestError, read_bytes
from tests.core.ingest.helpers import assert_one_line

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
