"""A story as a report: one section list, three formats, hostile text neutralised."""

from __future__ import annotations

from parallax.core.ingest import read_text
from parallax.core.model import Difference
from parallax.core.pipeline import prepare
from parallax.core.story import Story, StoryArticle, StoryDifference, StoryFact, StorySource
from parallax.report import story_sections, story_to_html, story_to_markdown, story_to_text


def _story() -> Story:
    texts = {
        "Daily": "The harbour reopened on Monday. Ten ships waited.",
        "Wire<script>": "The harbour opened again on Tuesday. \x1b[2JA storm is coming.",
        "Gazette": "The harbour reopened on Monday.",
    }
    articles = tuple(
        StoryArticle(f"a{k}", prepare(read_text(t, name=f"{k}.txt")), o)
        for k, (o, t) in enumerate(texts.items(), 1)
    )
    date = StoryDifference("a1", "a2", Difference("date", "Monday", "Tuesday"))
    facts = (
        StoryFact("f1", {"a1": (0,), "a2": (0,), "a3": (0,)}, (date,)),
        StoryFact("f2", {"a1": (1,)}),
        StoryFact("f3", {"a2": (1,)}),
    )
    sources = (
        StorySource("a1", "officials", False, 0, 1),
        StorySource("a2", "Ana Ruiz", True, 2, 2),
    )
    return Story("Harbour", articles, facts, sources)


def test_the_sections_say_coverage_wordings_differences_sources_and_alone_facts() -> None:
    sections = story_sections(_story())
    titles = [s.title for s in sections]
    assert titles == [
        "Articles (3)",
        "Coverage (3 facts)",
        "Shared facts in each outlet's words (1)",
        "Differences (1)",
        "Sources per outlet",
        "Facts only one outlet carries (2)",
    ]
    coverage = sections[1].coverage
    assert [r.cells for r in coverage] == [(True, True, True), (True, False, False),
                                          (False, True, False)]  # fmt: skip
    assert [r.alone for r in coverage] == ["", "Daily", "Wire<script>"]
    assert sections[3].items == ("f1: date: Daily “Monday”, Wire<script> “Tuesday”",)
    assert (
        sections[4].items[0]
        == "Daily: 0 named, 1 unnamed, 0 quotes: officials (unnamed) (1 reports, 0 quotes)"
    )


def test_every_format_neutralises_hostile_text() -> None:
    story = _story()
    text = story_to_text(story)
    assert "\x1b" not in text and "[only Daily]" in text
    page = story_to_html(story)
    assert "<script>" not in page and "Wire&lt;script&gt;" in page
    assert "default-src 'none'" in page
    assert page.count('class="alone"') == 2
    md = story_to_markdown(story)
    assert "Wire\\<script\\>" in md and "\x1b" not in md
    coverage_only = story_to_text(story, only_coverage=True)
    assert "Sources per outlet" not in coverage_only and "f3" in coverage_only
