"""Stories in the library: made, grown, shown, cancelled, deleted; each pair compared once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import parallax.session_stories as stories
from parallax.core.ingest import read_text
from parallax.core.model import Comparison, Document
from parallax.core.pipeline import Cancelled, Options
from parallax.session import DuplicateStory, Session, StoryError, UnknownStory
from tests.core.test_story_schema import TEXTS

MORE = """Bridge reopens to buses

Buses may use the river bridge again from Monday, the city said, while cars stay out.
Engineers found the cracked pillar safe for light loads."""


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with Session.open(tmp_path / "library.db") as s:
        yield s


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The pairs compared, by their articles' first words."""
    calls: list[tuple[str, str]] = []
    real = stories.compare_pair

    def counting(
        left: Document, right: Document, options: Options, *, in_worker: bool = True
    ) -> Comparison:
        calls.append((left.text.split()[0], right.text.split()[0]))
        assert not in_worker  # compared here, so the one recogniser of this process
        return real(left, right, options, in_worker=in_worker)

    monkeypatch.setattr(stories, "compare_pair", counting)
    return calls


def _articles() -> list[tuple[Document, str | None]]:
    return [(read_text(t, name=f"{o}.txt"), o) for o, t in TEXTS.items()]


def test_a_story_compares_each_pair_once_and_adding_compares_only_the_new_one(
    session: Session, compared: list[tuple[str, str]]
) -> None:
    story = session.story_new("Bridge", _articles())
    assert [a.label for a in story.articles] == ["Daily", "Wire", "Gazette"]
    assert len(compared) == 3
    assert any(f.outlets == 3 for f in story.facts)
    again = session.story("Bridge")
    assert len(compared) == 3  # kept in the library
    assert again == story
    grown = session.story_add("Bridge", [(read_text(MORE, name="radio.txt"), "Radio")])
    assert len(compared) == 6  # the new article with each of the three
    assert [a.id for a in grown.articles] == ["a1", "a2", "a3", "a4"]
    assert [s.name for s in session.stories()] == ["Bridge"]
    assert session.stories()[0].outlets == ("Daily", "Wire", "Gazette", "Radio")
    # A pair the journalist compared before is the story's pair: not compared again.
    session.story_new("Bridge, two outlets", _articles()[:2])
    assert len(compared) == 6


def test_taking_an_article_out_drops_it_from_every_fact(session: Session) -> None:
    session.story_new("Bridge", [*_articles(), (read_text(MORE, name="r.txt"), "Radio")])
    story = session.story_remove_article("Bridge", "a2")
    assert [a.id for a in story.articles] == ["a1", "a3", "a4"]
    assert all("a2" not in f.sentences for f in story.facts)
    assert all(s.article != "a2" for s in story.sources)
    with pytest.raises(UnknownStory):
        session.story_remove_article("Bridge", "a2")


def test_bad_requests_are_refused_with_one_sentence(session: Session) -> None:
    articles = _articles()
    with pytest.raises(StoryError, match="at least two"):
        session.story_new("Alone", articles[:1])
    with pytest.raises(StoryError, match="at least two"):
        session.story_new("Twice the same", [articles[0], articles[0]])
    with pytest.raises(StoryError, match="name"):
        session.story_new("  ", articles)
    session.story_new("Bridge", articles[:2])
    with pytest.raises(DuplicateStory):
        session.story_new("Bridge", articles)
    with pytest.raises(UnknownStory):
        session.story("Tunnel")
    with pytest.raises(StoryError, match="at least two"):
        session.story_remove_article("Bridge", "a1")
    session.story_delete("Bridge")
    assert session.stories() == []
    with pytest.raises(UnknownStory):
        session.story_delete("Bridge")


def test_a_cancelled_story_keeps_the_pairs_compared_so_far(
    session: Session, compared: list[tuple[str, str]]
) -> None:
    seen: list[tuple[str, float]] = []
    with pytest.raises(Cancelled):
        session.story_new(
            "Bridge", _articles(), progress=lambda s, f: seen.append((s, f)),
            cancelled=lambda: len(compared) >= 1,
        )  # fmt: skip
    assert len(compared) == 1
    assert seen[-1][0] == "comparing" and 0 < seen[-1][1] < 1
    story = session.story("Bridge", progress=lambda s, f: seen.append((s, f)))
    assert len(compared) == 3  # the two left, not the first again
    assert seen[-1] == ("done", 1.0)
    assert len(story.articles) == 3


def test_worker_processes_make_the_same_story(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stories, "MIN_PARALLEL_PAIRS", 2)
    here = session.story_new("Bridge", _articles(), workers=1)
    with Session.open(tmp_path / "other.db") as other:
        there = other.story_new("Bridge", _articles(), workers=2)
    assert there.to_dict() == here.to_dict()


def test_a_story_worker_starts_no_second_analysis_process_of_its_own() -> None:
    """Workers already run side by side: a long pair in one is analysed there alone."""
    from parallax.nlp import recognizer
    from tests.ui.long_pair import long_comparison

    long = long_comparison(300, 400)
    done = stories.compare_pair(long.left, long.right, Options())  # as in a worker
    assert done.actors and not done.skipped
    alone = recognizer(parallel=False)
    assert alone is not recognizer() and alone.helper is None
