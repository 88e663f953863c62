"""One report, three formats: the same sections in text, Markdown and HTML, hostile text tamed."""

from __future__ import annotations

import dataclasses
import re

import pytest

from parallax.report import one_line, sections, to_html, to_markdown, to_text
from tests.store.helpers import make_comparison

RENDERERS = {"text": to_text, "md": to_markdown, "html": to_html}


def _headings(fmt: str, out: str) -> list[str]:
    pattern = {"text": r"^(\S.*):$", "md": r"^## (.*)$", "html": r"<h2>(.*?)</h2>"}[fmt]
    return re.findall(pattern, out, flags=re.MULTILINE)


@pytest.mark.parametrize("fmt", RENDERERS)
def test_every_format_has_every_section_in_the_same_order(fmt: str) -> None:
    comparison = make_comparison(3)
    out = RENDERERS[fmt](comparison, heading="Comparison 3", notes=["Call the embassy"])
    expected = [s.title for s in sections(comparison, notes=["Call the embassy"])]
    assert _headings(fmt, out) == expected
    assert expected[1:] == [
        "Linked facts (3)",
        "Only in the left article, Harbour Times (2)",
        "Only in the right article, Daily Courier (3)",
        "Actors (3)",
        "Reactions (2)",
        "Sourcing (2)",
        "Repairs in the left article (1)",
        "Notes (1)",
    ]
    assert "number: 0 ≠ 3" in out and "Call the embassy" in out and "Comparison 3" in out


@pytest.mark.parametrize("fmt", RENDERERS)
def test_a_comparison_without_actors_says_so(fmt: str) -> None:
    out = RENDERERS[fmt](make_comparison(1, actors=False))
    assert "were not recognised" in out and "Reactions (" not in out


def test_hostile_text_is_neutralised_in_every_format() -> None:
    evil = "<script>x</script> *b* \x1b[2J\u202eevil\x00"
    c = make_comparison(1)
    c = dataclasses.replace(c, left=dataclasses.replace(c.left, title=evil))
    text, md, page = to_text(c), to_markdown(c), to_html(c)
    for out in (text, md, page):
        assert "\x1b" not in out and "\u202e" not in out and "\x00" not in out
    assert "\\<script\\>" in md and "\\*b\\*" in md
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "default-src 'none'" in page


def test_terminal_lines_are_wrapped_and_cut() -> None:
    c = make_comparison(1, n=4)
    long = "A very long sentence about the treaty " * 10
    c = dataclasses.replace(c, left=dataclasses.replace(c.left, title=long))
    assert max(len(line) for line in to_text(c).splitlines()) <= 88
    assert one_line("two\nlines\tand\x07bell", 12) == "two lines a…"


@pytest.mark.parametrize("fmt", RENDERERS)
def test_every_format_says_how_an_article_was_read(fmt: str) -> None:
    comparison = make_comparison(2)
    note = "Parallax could not single out the article on this web page (ValueError)."
    right = dataclasses.replace(comparison.right, notes=(note,))
    out = RENDERERS[fmt](dataclasses.replace(comparison, right=right))
    assert "How the right article was read (1)" in _headings(fmt, out)
    assert "single out the article" in out
    assert "How the left article was read" not in out


def test_a_pair_too_long_for_actors_says_why() -> None:
    from parallax.core import pipeline
    from parallax.core.ingest import read_text

    def article(name: str) -> str:
        return "\n\n".join(f"{name} report {i} was filed in Busan." for i in range(600))

    left, right = read_text(article("Harbour")), read_text(article("Port"))
    comparison = pipeline.link(left, right, refined=False)
    out = to_text(comparison)
    assert "These articles have 1,200 sentences together" in out
    assert "were not recognised" not in out


@pytest.mark.parametrize("fmt", RENDERERS)
def test_a_pinned_link_reads_pinned_by_you_instead_of_a_score(fmt: str) -> None:
    comparison = make_comparison(3)
    first, *rest = comparison.links
    pinned = dataclasses.replace(first, score=1.0, pinned=True)
    out = RENDERERS[fmt](dataclasses.replace(comparison, links=(pinned, *rest)))
    assert out.count("pinned by you") == 1
    assert "score 1.00" not in out
    assert out.count("score") == len(rest)  # the aligner's links keep theirs


@pytest.mark.parametrize("fmt", RENDERERS)
def test_the_journalists_decisions_have_their_section_before_the_notes(fmt: str) -> None:
    comparison = make_comparison(3)
    decided = ["rejected left 2 / right 3: “one” / “other”"]
    out = RENDERERS[fmt](comparison, notes=["Call the embassy"], decisions=decided)
    assert _headings(fmt, out)[-2:] == ["Your decisions (1)", "Notes (1)"]
    assert "rejected left 2 / right 3" in out
    assert "Your decisions" not in RENDERERS[fmt](comparison)


@pytest.mark.parametrize("fmt", RENDERERS)
def test_the_report_names_each_outlet_and_author(fmt: str) -> None:
    c = make_comparison(2)
    c = dataclasses.replace(c, right=c.right.with_details(source="The *Courier*", author="Li Wei"))
    out = RENDERERS[fmt](c)
    headings = _headings(fmt, out)
    assert any(h.startswith("Only in the left article, Harbour Times (") for h in headings)
    right = next(h for h in headings if h.startswith("Only in the right article"))
    shown = {"text": "The *Courier*", "md": "The \\*Courier\\*", "html": "The *Courier*"}[fmt]
    assert right.startswith(f"Only in the right article, {shown} (")
    assert "Jane Doe" in out and "Li Wei" in out
    assert "Author" in out


@pytest.mark.parametrize("fmt", RENDERERS)
def test_sentences_carry_the_numbers_pin_and_reject_take(fmt: str) -> None:
    comparison = make_comparison(3)
    link = comparison.links[0]
    i, j = link.left[0], link.right[0]
    out = RENDERERS[fmt](comparison)
    left_mark = {"text": f"L{i + 1}: ", "md": f"**Left {i + 1}:**", "html": f'"n">{i + 1}<'}
    right_mark = {"text": f"R{j + 1}: ", "md": f"**Right {j + 1}:**", "html": f'"n">{j + 1}<'}
    assert left_mark[fmt] in out and right_mark[fmt] in out
    # What only one outlet says is numbered the same way.
    only = comparison.unlinked("left")
    body = [k for k in only if comparison.left.sentences[k].role == "body"]
    if body and fmt == "text":
        assert f"L{body[0] + 1}: " in out
