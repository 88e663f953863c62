"""Saving and loading comparisons (:mod:`parallax.store.comparisons`): what goes in comes out,
once, in one transaction."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.core.model import Comparison, Difference, Link, Reaction
from parallax.store import Library, UnknownComparison
from tests.conftest import SCHEMA_PATH
from tests.store.helpers import HOSTILE, count, make_comparison, make_document


def test_round_trip_is_exact(library_path: Path) -> None:
    c = make_comparison(1)
    with Library() as lib:
        assert lib.path == library_path
        cid = lib.save(c)
        loaded = lib.load(cid)
    assert loaded.to_dict() == c.to_dict()
    # Beyond the document: exact scores, skipped stages, the original text, everything.
    assert loaded == c


def test_round_trip_of_the_sample_pair_is_a_valid_document(sample_paths: tuple[Path, Path]) -> None:
    """The real articles, repaired and split (the aligner is not needed to test storage)."""
    from parallax.core.ingest import read_path
    from parallax.core.pipeline import prepare

    left, right = (prepare(read_path(p)) for p in sample_paths)
    c = Comparison(left, right, (Link((1,), (0,), 0.93, "paraphrase"),), skipped=("actors",))
    assert len(right.repairs) == 20
    with Library() as lib:
        loaded = lib.load(lib.save(c))
    assert loaded.to_dict() == c.to_dict()
    assert loaded.left.original == c.left.original and loaded.skipped == c.skipped
    jsonschema.validate(loaded.to_dict(), json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_a_pinned_link_comes_back_pinned_and_the_document_says_so() -> None:
    c = make_comparison(2)
    pinned = Link((1,), (0,), 1.0, "paraphrase", pinned=True)
    c = dataclasses.replace(c, links=(*c.links, pinned))
    with Library() as lib:
        loaded = lib.load(lib.save(c))
    assert [k for k in loaded.links if k.pinned] == [pinned]
    document = loaded.to_dict()
    assert [k.get("pinned", False) for k in document["links"]] == [k.pinned for k in c.links]
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert [k.pinned for k in Comparison.from_dict(document).links] == [k.pinned for k in c.links]


def test_how_an_article_was_read_comes_back_with_it() -> None:
    c = make_comparison(4)
    note = "Parallax found no article on this web page, so its whole visible text is shown."
    c = dataclasses.replace(c, right=dataclasses.replace(c.right, notes=(note,)))
    with Library() as lib:
        loaded = lib.load(lib.save(c))
    assert loaded.right.notes == (note,) and loaded.left.notes == ()
    assert loaded == c


def test_same_article_is_stored_once_and_same_result_keeps_its_id() -> None:
    a = make_comparison(1)
    # Another comparison that shares the left article.
    b = dataclasses.replace(make_comparison(2), left=a.left)
    with Library() as lib:
        first = lib.save(a)
        assert lib.save(a) == first
        assert lib.find(a) == first
        second = lib.save(b)
        assert second != first
        assert count(lib, "comparisons") == 2
        assert count(lib, "articles") == 3
        assert count(lib, "sentences") == 3 * len(a.left.sentences)
        assert lib.load(second).to_dict() == b.to_dict()


def test_same_original_repaired_differently_keeps_both_versions() -> None:
    """Articles share an original hash but not a repair: both load back as saved (in two
    pairs: one pair keeps one comparison, see below)."""
    a = make_comparison(1)
    unrepaired = make_document(
        [a.left.original], title=a.left.title, source=a.left.source, url=a.left.url
    )
    assert unrepaired.original_sha256 == a.left.original_sha256
    b = dataclasses.replace(a, left=unrepaired, right=make_comparison(2).right, links=())
    with Library() as lib:
        ia, ib = lib.save(a), lib.save(b)
        assert lib.load(ia).to_dict() == a.to_dict()
        assert lib.load(ib).to_dict() == b.to_dict()


def test_a_pair_compared_again_updates_its_one_comparison() -> None:
    """A new result for the same pair replaces the old under its id; notes stay, the old
    article version goes when nothing else uses it, and the pair comes first in the list."""
    a = make_comparison(1)
    unrepaired = make_document(
        [a.left.original], title=a.left.title, source=a.left.source, url=a.left.url
    )
    again = dataclasses.replace(a, left=unrepaired, links=a.links[:1])
    with Library() as lib:
        first = lib.save(a)
        other = lib.save(make_comparison(2))
        lib.add_note(first, "ask the desk")
        assert lib.save(again) == first
        saved = {x.id: x.created for x in lib.summaries()}
        assert saved[first] >= saved[other]  # saved again: as recent as anything
        assert lib.load(first).to_dict() == again.to_dict()
        assert [n.body for n in lib.notes(first)] == ["ask the desk"]
        assert len(lib.summaries()) == 2
        articles = lib.database.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert articles == 4  # the old repaired left version is gone
        # The other order is another view of the pair: a comparison of its own.
        swapped = dataclasses.replace(a, left=a.right, right=a.left, links=())
        assert lib.save(swapped) not in (first, other)


def test_unknown_id_is_a_clear_error() -> None:
    with Library() as lib, pytest.raises(UnknownComparison, match="no comparison 42"):
        lib.load(42)


def test_delete_removes_orphaned_articles_and_their_search_entries() -> None:
    a = make_comparison(1)
    b = dataclasses.replace(make_comparison(2), left=a.left)
    with Library() as lib:
        ia, ib = lib.save(a), lib.save(b)
        lib.add_note(ia, "check with the desk")
        lib.delete(ia)
        assert [s.id for s in lib.summaries()] == [ib]
        assert count(lib, "articles") == 2  # the shared left article stays
        assert count(lib, "notes") == 0
        assert count(lib, "links") == len(b.links)
        assert lib.load(ib).to_dict() == b.to_dict()
        lib.delete(ib)
        for table in ("articles", "sentences", "repairs", "links", "link_sentences", "actors"):
            assert count(lib, table) == 0, table
        assert lib.search("treaty") == []
        # Ids shown to users are never handed out again.
        assert lib.save(a) > ib
        with pytest.raises(UnknownComparison):
            lib.delete(ia)


def test_summaries_count_what_was_found() -> None:
    c = make_comparison(5, n=9)
    with Library() as lib:
        cid = lib.save(c)
        (s,) = lib.summaries()
    assert s.id == cid
    assert (s.left_title, s.left_source, s.right_title, s.right_source) == (
        c.left.title,
        c.left.source,
        None,
        "Daily Courier",
    )
    assert (s.links, s.left_sentences, s.right_sentences) == (len(c.links), 9, 9)
    assert (s.actors, s.reactions, s.notes) == (3, 2, 0)
    assert len(s.created) == 20 and s.created.endswith("Z") and s.created[10] == "T"


# -- hostile strings ---------------------------------------------------------------------

text = st.one_of(
    st.sampled_from(HOSTILE), st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
)


def hostile_comparison(strings: list[str]) -> Comparison:
    s = iter(strings * 4)
    left = make_document([next(s) or "x", next(s)], title=next(s), source=next(s), url=next(s))
    right = make_document([next(s)], title=None, source=next(s), published=next(s))
    base = make_comparison(0)
    return Comparison(
        left=left,
        right=right,
        links=(Link((0, 1), (0,), 0.75, "paraphrase", (Difference("quote", next(s), next(s)),)),),
        actors=tuple(
            dataclasses.replace(a, name=next(s), aliases=(next(s),), id=f"{a.id}:{next(s)}")
            for a in base.actors
        ),
        reactions=(Reaction("nobody:" + next(s), "left", 0, next(s), "negative", next(s), ""),),
        skipped=(),
    )


def test_hostile_strings_round_trip(tmp_path: Path) -> None:
    with Library(tmp_path / "hostile.db") as lib:

        @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(st.lists(text, min_size=8, max_size=8))
        def check(strings: list[str]) -> None:
            c = hostile_comparison(strings)
            assert lib.load(lib.save(c)) == c

        check()
