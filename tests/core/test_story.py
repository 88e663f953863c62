"""The story records: the parallax.story/1 document round-trips."""

from __future__ import annotations

from dataclasses import replace

import pytest

from parallax.core.ingest import read_text
from parallax.core.model import Actor, Comparison, Difference, Link, Reaction
from parallax.core.story import (
    STORY_SCHEMA,
    Story,
    StoryArticle,
    StoryDifference,
    StoryFact,
    StorySource,
    build_story,
    story_facts,
    story_sources,
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


# -- facts across the story -------------------------------------------------------------------
# Three made-up reports of one harbour reopening. Sentence 0 of each is its headline.

_A = """Harbour reopens after storm

The harbour reopened on Monday after a week of repairs. Ten ships were waiting outside.
Mayor Ana Ruiz said the port was safe again. Fishermen had lost a week of work."""
_B = """Port back in business

Ships returned to the harbour on Monday once repairs ended. Twelve ships had waited.
"The port is safe," Mayor Ana Ruiz said. A new breakwater is planned for next year."""
_C = """Storm damage repaired

Repairs ended and the harbour opened again on Monday. Insurers expect large claims."""


def _articles() -> tuple[StoryArticle, ...]:
    from parallax.core.pipeline import prepare

    return tuple(
        StoryArticle(f"a{k}", prepare(read_text(text, name=f"{k}.txt")), outlet)
        for k, (text, outlet) in enumerate(((_A, "Daily"), (_B, "Wire"), (_C, "Gazette")), 1)
    )


def _pair(x: StoryArticle, y: StoryArticle, *links: Link) -> Comparison:
    return Comparison(x.document, y.document, links)


def _link(
    left: tuple[int, ...], right: tuple[int, ...], score: float = 0.8, *diffs: Difference
) -> Link:
    return Link(left, right, score, "paraphrase", tuple(diffs))


def test_the_made_up_articles_split_as_the_facts_below_expect() -> None:
    a1, a2, a3 = _articles()
    assert [s.text for s in a3.document.sentences] == [
        "Storm damage repaired",
        "Repairs ended and the harbour opened again on Monday.",
        "Insurers expect large claims.",
    ]
    assert len(a1.document.sentences) == len(a2.document.sentences) == 5


def test_a_fact_all_three_state_is_one_fact_of_three_articles() -> None:
    a1, a2, a3 = arts = _articles()
    ships = Difference("number", "Ten", "Twelve")
    comparisons = {
        ("a1", "a2"): _pair(
            a1, a2, _link((1,), (1,)), _link((2,), (2,), 0.7, ships), _link((3,), (3,))
        ),
        ("a1", "a3"): _pair(a1, a3, _link((1,), (1,))),
        ("a2", "a3"): _pair(a2, a3, _link((1,), (1,))),
    }
    facts = story_facts(arts, comparisons)
    reopened = [f for f in facts if f.sentences.get("a3") == (1,)]
    assert len(reopened) == 1
    assert dict(reopened[0].sentences) == {"a1": (1,), "a2": (1,), "a3": (1,)}
    assert facts[0] is reopened[0]  # the most widely reported first
    assert [f.id for f in facts] == [f"f{k}" for k in range(1, len(facts) + 1)]
    # Every body sentence is in exactly one fact; headlines only when linked.
    for article in arts:
        stated = sorted(i for f in facts for i in f.sentences.get(article.id, ()))
        assert stated == [s.index for s in article.document.sentences if s.role == "body"]
    # Facts two outlets share come before those one outlet alone states.
    assert [f.outlets for f in facts] == sorted((f.outlets for f in facts), reverse=True)
    ten = next(f for f in facts if f.sentences.get("a1") == (2,))
    assert ten.differences == (StoryDifference("a1", "a2", ships),)


def test_a_fact_one_outlet_states_is_alone() -> None:
    a1, a2, a3 = arts = _articles()
    comparisons = {("a1", "a2"): _pair(a1, a2, _link((1,), (1,))),
                   ("a1", "a3"): _pair(a1, a3), ("a2", "a3"): _pair(a2, a3)}  # fmt: skip
    story = build_story("Harbour", arts, comparisons)
    insurers = [f for f in story.facts if "a3" in f.sentences and 2 in f.sentences["a3"]]
    assert len(insurers) == 1 and insurers[0].alone
    assert insurers[0] in story.alone("a3")
    assert len(story.alone("a3")) == 2  # both body sentences of a3: nothing links them
    assert not any(f.alone for f in story.facts if "a2" in f.sentences and 1 in f.sentences["a2"])


def test_two_facts_one_outlet_states_apart_are_never_joined_through_another() -> None:
    # a2 states in one sentence (1) what a1 states in two separate ones (1 and 3). The
    # chain a1:1 - a2:1 - a1:3 would make one fact of two sentences a1 keeps apart: refused;
    # a2's sentence states both facts, so it is in both.
    a1, a2, a3 = arts = _articles()
    comparisons = {
        ("a1", "a2"): _pair(a1, a2, _link((1,), (1,), 0.9), _link((3,), (1,), 0.6)),
        ("a1", "a3"): _pair(a1, a3),
        ("a2", "a3"): _pair(a2, a3),
    }
    facts = story_facts(arts, comparisons)
    with_1 = next(f for f in facts if f.sentences.get("a1") == (1,))
    with_3 = next(f for f in facts if 3 in f.sentences.get("a1", ()))
    assert with_1 is not with_3
    assert dict(with_1.sentences) == {"a1": (1,), "a2": (1,)}
    assert dict(with_3.sentences) == {"a1": (3,), "a2": (1,)}
    assert not with_3.alone


def test_a_sentence_stating_two_facts_fills_the_cell_of_each() -> None:
    # a3's one sentence (1) states the fact a1 and a2 share in their sentence 1 and the one
    # they share in their sentence 3. a3:1 joins the first fact through the stronger link;
    # the second cannot be joined to it (a1:1 and a1:3 are apart), so a3:1 fills its a3
    # cell too: each fact shows all three outlets, and a1's two facts stay two.
    a1, a2, a3 = arts = _articles()
    comparisons = {
        ("a1", "a2"): _pair(a1, a2, _link((1,), (1,), 0.9), _link((3,), (3,), 0.9)),
        ("a1", "a3"): _pair(a1, a3, _link((1,), (1,), 0.8), _link((3,), (1,), 0.7)),
        ("a2", "a3"): _pair(a2, a3),
    }
    facts = story_facts(arts, comparisons)
    first = next(f for f in facts if f.sentences.get("a1") == (1,))
    second = next(f for f in facts if f.sentences.get("a1") == (3,))
    assert first is not second
    assert dict(first.sentences) == {"a1": (1,), "a2": (1,), "a3": (1,)}
    assert dict(second.sentences) == {"a1": (3,), "a2": (3,), "a3": (1,)}
    # A cell is filled, never a second sentence of an outlet added to it.
    for f in facts:
        assert all(len(v) == 1 for v in f.sentences.values()), f


def test_sentences_one_link_ties_are_one_fact() -> None:
    # a1 splits over two sentences what a2 says in one: one link holds both, so the three
    # sentences are one fact, and a3 joins it through a2.
    a1, a2, a3 = arts = _articles()
    comparisons = {
        ("a1", "a2"): _pair(a1, a2, _link((1, 2), (1,))),
        ("a2", "a3"): _pair(a2, a3, _link((1,), (1,))),
        ("a1", "a3"): _pair(a1, a3, _link((2,), (1,))),
    }
    facts = story_facts(arts, comparisons)
    assert dict(facts[0].sentences) == {"a1": (1, 2), "a2": (1,), "a3": (1,)}


def test_a_comparison_stored_the_other_way_round_is_turned() -> None:
    a1, a2, _ = arts = _articles()
    names = Difference("name", "Wire", "Daily")
    comparisons = {("a1", "a2"): _pair(a2, a1, _link((3,), (1,), 0.8, names))}
    facts = story_facts(arts, comparisons)
    assert dict(facts[0].sentences) == {"a1": (1,), "a2": (3,)}
    assert facts[0].differences == (StoryDifference("a2", "a1", names),)


def test_sources_count_each_articles_named_and_unnamed_sources_once() -> None:
    a1, a2, a3 = arts = _articles()
    mayor = Actor("p1", "Ana Ruiz", "person")
    short = Actor("p9", "Ruiz", "person")
    officials = Actor("g1", "officials", "group")
    quote = Reaction("p1", "right", 3, "said", "neutral", "The port is safe", "The port is safe")
    said = Reaction("p1", "left", 3, "said", "neutral", None, "the port was safe again")
    c12 = replace(_pair(a1, a2), actors=(mayor,), reactions=(said, quote))
    c23 = replace(
        _pair(a2, a3),
        actors=(short, officials),
        reactions=(
            replace(quote, actor="p9", side="left"),
            Reaction("g1", "right", 2, "expect", "neutral", None, "large claims"),
        ),
    )
    sources = story_sources(arts, {("a1", "a2"): c12, ("a2", "a3"): c23})
    assert sources == (
        StorySource("a1", "Ana Ruiz", True, 0, 1),
        StorySource("a2", "Ana Ruiz", True, 1, 1),  # the fullest name of the two pairs
        StorySource("a3", "officials", False, 0, 1),
    )


def test_a_link_past_an_articles_sentences_is_left_out() -> None:
    a1, a2, a3 = arts = _articles()
    comparisons = {("a1", "a3"): _pair(a1, a3, _link((1,), (1, 9)))}
    facts = story_facts(arts, comparisons)
    assert dict(facts[0].sentences) == {"a1": (1,), "a3": (1,)}
    assert all(i < 3 for f in facts for i in f.sentences.get("a3", ()))
    assert len(a2.document.sentences) == 5
