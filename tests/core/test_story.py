"""The story records: the parallax.story/1 document round-trips."""

from __future__ import annotations

import pytest

from parallax.core.ingest import read_text
from parallax.core.model import Difference
from parallax.core.story import (
    STORY_SCHEMA,
    Story,
    StoryArticle,
    StoryDifference,
    StoryFact,
    StorySource,
)


def _story() -> Story:
    docs = [
        read_text(f"Harbour reopens\n\nThe harbour reopened on {d}, officials said.", name=n)
        for n, d in (("a.txt", "Monday"), ("b.txt", "Tuesday"), ("c.txt", "Monday"))
    ]
    articles = tuple(
        StoryArticle(f"a{k}", doc, outlet)
        for k, (doc, outlet) in enumerate(zip(docs, ("Outlet A", "Outlet B", None), strict=True), 1)
    )
    date = StoryDifference("a1", "a2", Difference("date", "Monday", "Tuesday"))
    facts = (
        StoryFact("f1", {"a1": (0, 1), "a2": (1,), "a3": (1,)}, (date,)),
        StoryFact("f2", {"a3": (0,)}),
    )
    return Story("Harbour", articles, facts, (StorySource("a1", "officials", False, 0),))


def test_a_story_round_trips_through_its_document() -> None:
    story = _story()
    d = story.to_dict()
    assert d["schema"] == STORY_SCHEMA
    assert Story.from_dict(d) == story


def test_facts_say_how_many_outlets_state_them() -> None:
    story = _story()
    assert [f.outlets for f in story.facts] == [3, 1]
    assert story.alone("a3") == (story.facts[1],)
    assert story.alone("a1") == ()
    assert story.article("a3").label == "c.txt"  # no outlet given: the source it was read from
    assert story.article("a1").label == "Outlet A"
    with pytest.raises(KeyError):
        story.article("a9")


def test_another_document_is_refused() -> None:
    with pytest.raises(ValueError, match=r"parallax\.story/1"):
        Story.from_dict({"schema": "parallax.comparison/1", "name": "x", "articles": []})
