"""The use cases both faces share: compare a pair as the journalist left it, reopen, correct."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from parallax.core.ingest import read_path
from parallax.core.model import Comparison, Document, Link
from parallax.core.pipeline import Options, prepare
from parallax.session import ActorsUnavailable, Session, recent
from parallax.store import ActorCorrection, Library, LibraryError, UnknownComparison
from tests.store.helpers import make_comparison

_FIND_ACTORS = Session.__dict__["_find_actors"]  # before any test stands in for it


@pytest.fixture
def linked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Options, bool]]:
    """The pipeline stood in for: real repaired and split articles, a fixed link, the
    actors of the store's helper comparison; records the options and the refined flag."""
    calls: list[tuple[Options, bool]] = []
    actors = make_comparison(1)

    def link(
        left: Document, right: Document, *, options: Options, refined: bool = True, **_: object
    ) -> Comparison:
        calls.append((options, refined))
        return Comparison(
            prepare(left, skip_repairs=options.skip_repairs),
            prepare(right, skip_repairs=options.skip_repairs),
            links=(Link((1,), (0,), 0.9, "paraphrase"),),
            skipped=("actors", "reactions"),
        )

    def refine(comparison: Comparison, **_: object) -> Comparison:
        calls.append((Options(), True))
        return comparison

    def find_actors(comparison: Comparison, *_: object) -> Comparison:
        return dataclasses.replace(
            comparison, actors=actors.actors, reactions=actors.reactions, skipped=()
        )

    monkeypatch.setattr("parallax.core.pipeline.link", link)
    monkeypatch.setattr("parallax.core.pipeline.refine", refine)
    monkeypatch.setattr("parallax.session.Session._find_actors", staticmethod(find_actors))
    return calls


@pytest.fixture
def pair(sample_paths: tuple[Path, Path]) -> tuple[Document, Document]:
    return read_path(sample_paths[0]), read_path(sample_paths[1])


def test_compare_reapplies_the_pairs_corrections_and_saves(
    pair: tuple[Document, Document], linked: list[tuple[Options, bool]], library_path: Path
) -> None:
    left, right = pair
    lkey, rkey = (prepare(doc, skip_repairs=("mojibake",)).content_sha256 for doc in pair)
    with Library() as lib:
        lib.correct_link(lkey, rkey, 2, 3, "pinned")
        lib.correct_link(lkey, rkey, 1, 0, "rejected")
        lib.correct_actor(
            lkey,
            rkey,
            ActorCorrection("rename", "person:kim", "Kim Jong Un"),
        )
    with Session.open() as session:
        assert session.path == library_path
        outcome = session.compare(left, right, skip_repairs=("mojibake",))
    ((options, refined),) = linked
    assert refined and options.pinned == ((2, 3),) and options.rejected == ((1, 0),)
    assert options.skip_repairs == ("mojibake",)
    names = {a.id: a.name for a in outcome.comparison.actors}
    assert names["person:kim"] == "Kim Jong Un"
    assert outcome.saved is not None
    with Library() as lib:
        assert lib.load(outcome.saved).to_dict() == outcome.comparison.to_dict()


def test_the_reader_gets_quick_links_then_refined_ones_before_the_actors(
    pair: tuple[Document, Document], linked: list[tuple[Options, bool]]
) -> None:
    seen: list[Comparison] = []
    stages: list[tuple[str, float]] = []
    with Session() as session:  # no library: nothing read, nothing saved
        outcome = session.compare(
            *pair, on_linked=seen.append, progress=lambda s, f: stages.append((s, f))
        )
    assert [refined for _, refined in linked] == [False, True]
    assert len(seen) == 2 and all(not c.actors for c in seen)
    assert outcome.saved is None and outcome.comparison.actors
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions) and stages[-1] == ("done", 1.0)


def test_actors_are_reused_when_the_articles_are_unchanged(
    pair: tuple[Document, Document], linked: list[tuple[Options, bool]], monkeypatch
) -> None:
    with Session() as session:
        first = session.compare(*pair).comparison
        renamed = dataclasses.replace(
            first, actors=(dataclasses.replace(first.actors[0], name="Renamed"),)
        )
        monkeypatch.setattr(
            "parallax.session.Session._find_actors",
            staticmethod(lambda *a: pytest.fail("the recogniser ran again")),
        )
        again = session.compare(*pair, actors_from=renamed).comparison
    assert again.actors == renamed.actors and again.skipped == ()


def test_a_library_error_is_raised_or_reported(
    pair: tuple[Document, Document], linked: list[tuple[Options, bool]], monkeypatch
) -> None:
    def refuse(*_: object) -> int:
        raise LibraryError("the library at x is full")

    monkeypatch.setattr(Library, "save", refuse)
    with Session.open() as session:
        with pytest.raises(LibraryError):
            session.compare(*pair)
        told: list[Exception] = []
        outcome = session.compare(*pair, on_store_error=told.append)
    assert outcome.saved is None and outcome.comparison.actors
    assert [str(e) for e in told] == ["the library at x is full"]


def test_a_broken_recogniser_is_one_sentence(
    pair: tuple[Document, Document], linked: list[tuple[Options, bool]], monkeypatch
) -> None:
    def broken() -> None:
        raise OSError("the model's files are missing")

    monkeypatch.setattr("parallax.session.Session._find_actors", _FIND_ACTORS)
    monkeypatch.setattr("parallax.nlp.recognizer", broken)
    with Session() as session, pytest.raises(ActorsUnavailable, match="model's files"):
        session.compare(*pair)


def test_load_replays_corrections_made_after_saving() -> None:
    saved = make_comparison(1)
    with Session.open() as session:
        cid = session.library.save(saved)
        corrected = session.correct_actors(
            saved,
            [
                ActorCorrection("rename", "person:putin", "President Putin"),
                ActorCorrection("delete", "person:kim"),
            ],
        )
        loaded = session.load(cid)
    assert loaded.to_dict() == corrected.to_dict()
    assert [a.name for a in loaded.actors] == ["President Putin", "North Korea"]
    assert all(r.actor != "person:kim" for r in loaded.reactions)


def test_corrections_notes_and_deletion() -> None:
    saved = make_comparison(2)
    with Session.open() as session:
        cid = session.library.save(saved)
        session.correct_link(saved, 0, 1, "pinned")
        session.correct_link(saved, 2, 2, "rejected")
        corrections = session.library.corrections_for(
            saved.left.content_sha256, saved.right.content_sha256
        )
        assert (corrections.pinned, corrections.rejected) == (((0, 1),), ((2, 2),))
        session.forget_corrections(saved)
        assert (
            session.library.corrections_for(saved.left.content_sha256, saved.right.content_sha256)
            == type(corrections)()
        )
        note = session.add_note(cid, "Ask the ministry", side="right", sentence=2)
        session.update_note(note.id, "Asked the ministry")
        assert [n.body for n in session.notes(cid)] == ["Asked the ministry"]
        assert session.delete(cid).id == cid
        with pytest.raises(UnknownComparison):
            session.load(cid)


def test_decisions_list_both_sentences_and_restore_takes_one_back() -> None:
    saved = make_comparison(2)
    with Session.open() as session:
        cid = session.library.save(saved)
        session.correct_link(saved, 0, 1, "pinned")
        session.correct_link(saved, 2, 2, "rejected")
        decisions = session.decisions(saved)
        assert [(d.verdict, d.left, d.right) for d in decisions] == [
            ("pinned", 0, 1),
            ("rejected", 2, 2),
        ]
        assert decisions[1].left_text == saved.left.sentences[2].text
        assert decisions[1].right_text == saved.right.sentences[2].text
        session.restore(saved, 2, 2)
        assert [(d.verdict, d.left, d.right) for d in session.decisions(saved)] == [
            ("pinned", 0, 1)
        ]
        assert session.undo(saved) == "unpinning of left 3 / right 3"  # restoring is undoable
        assert len(session.decisions(saved)) == 2
        note = session.add_note(cid, "Ask the ministry", side="right", sentence=2)
        both = session.annotations(saved, cid)
        assert both.notes == (note,) and len(both.decisions) == 2
        assert both.pair == (saved.left.content_sha256, saved.right.content_sha256)
        assert session.annotations(saved, None).notes == ()


def test_recent_never_creates_a_library(library_path: Path) -> None:
    assert recent(None) == [] and not library_path.exists()
    with Session.open() as session:
        ids = [session.library.save(make_comparison(seed)) for seed in range(3)]
    assert [s.id for s in recent(None, limit=2)] == ids[::-1][:2]


def test_without_a_library_the_library_use_cases_say_so() -> None:
    with Session() as session:
        assert session.path is None
        with pytest.raises(LibraryError, match="no library"):
            session.load(1)


def test_the_public_api_compares_through_the_session(
    linked: list[tuple[Options, bool]], library_path: Path
) -> None:
    import parallax

    comparison = parallax.compare_texts(
        "Kim met Putin. They signed a pact.", "Putin met Kim. A pact was signed.", pinned=[(1, 1)]
    )
    ((options, refined),) = linked
    assert options.pinned == ((1, 1),) and refined
    assert comparison.actors and not library_path.exists()  # nothing saved


def test_notes_on_a_link_and_an_actor_survive_comparing_again_and_are_reported(
    pair: tuple[Document, Document], linked: list[tuple[Options, bool]]
) -> None:
    left, right = pair
    with Session.open() as session:
        first = session.compare(left, right)
        cid = first.saved
        assert cid is not None
        session.add_note(cid, "Same quote?", link=(1, 0))
        session.add_note(cid, "Which title?", actor="person:kim")
        session.correct_actors(
            first.comparison, [ActorCorrection("rename", "person:kim", "Kim Jong Un")]
        )
        again = session.compare(left, right)  # the pair compared again: the same comparison
        assert again.saved == cid and len(session.recent()) == 1
        notes = session.notes(cid)
        assert [(n.link, n.actor) for n in notes] == [((1, 0), None), (None, "person:kim")]
        lines = session.note_lines(again.comparison, cid)
        assert lines == [
            "on the link of left 2 / right 1: Same quote?",
            "on Kim Jong Un: Which title?",
        ]
        md = session.export(cid, "md")
        assert all(line.split(": ")[1] in md for line in lines)
        assert session.note_lines(again.comparison, None) == []  # not saved: no notes
        html = session.report(again.comparison, cid, "html")
        assert "on Kim Jong Un: Which title?" in html and f"comparison {cid}, saved" in html
    # Without a library, the report is the comparison alone.
    alone = Session().report(again.comparison, None, "md")
    assert "Which title?" not in alone and alone.startswith("# ")


def test_corrections_follow_the_article_from_its_text_to_its_page(
    tmp_path: Path, linked: list[tuple[Options, bool]]
) -> None:
    """A rename and a rejection made on the plain text of an article are there when the
    same article is opened as a saved web page, which numbers its sentences differently
    (no byline line): the rejection moves to the same two sentences; one comparison."""
    from tests.core.test_content_key import write_article

    txt, html = write_article(tmp_path / "left")
    other = tmp_path / "other.txt"
    other.write_text("The sea wall will cost 12 million euros.\n\nFishermen oppose it.\n")
    right = read_path(other)
    with Session.open() as session:
        first = session.compare(read_path(txt), right)
        assert first.comparison.left.sentences[3].text.startswith("The wall will cost")
        session.correct_link(first.comparison, 3, 0, "rejected")
        session.correct_actors(
            first.comparison, [ActorCorrection("rename", "person:kim", "Kim Jong Un")]
        )
        again = session.compare(read_path(html), right)
        page = again.comparison.left
        assert page.sentences[2].text.startswith("The wall will cost")
        assert linked[-1][0].rejected == ((2, 0),)
        assert "Kim Jong Un" in [a.name for a in again.comparison.actors]
        assert again.saved == first.saved
        assert [d.left for d in session.decisions(again.comparison)] == [2]
        assert len(session.recent()) == 1
