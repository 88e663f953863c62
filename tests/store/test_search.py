"""Full-text search (:mod:`parallax.store.search`): word forms, everyday punctuation, huge
sentences and hostile queries."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.model import Comparison, Link
from parallax.store import Library
from tests.store.helpers import HOSTILE, make_comparison, make_document


def test_megabyte_sentences_round_trip_and_are_searchable() -> None:
    big = ("x" * 499_999) + " quux'\x00\"; DROP TABLE articles; -- " + ("y" * 500_000)
    c = Comparison(
        left=make_document([big, "short"]),
        right=make_document([big[::-1]]),
        links=(Link((0,), (0,), 1.0, "same"),),
    )
    with Library() as lib:
        cid = lib.save(c)
        assert lib.load(cid) == c
        (hit,) = lib.search("quux")
    assert hit.text == big and hit.after == "short"
    (span,) = hit.matches
    assert big[span[0] : span[1]] == "quux"


def test_search_finds_word_forms_and_everyday_punctuation() -> None:
    from parallax.store import BadQuery

    c = make_comparison(1)
    c = dataclasses.replace(
        c, right=make_document(["Kim's anti-missile sanctions were lifted.", "Nothing else."])
    )
    with Library() as lib:
        cid = lib.save(c)
        (hit,) = lib.search("sanction")  # stemming
        assert hit.text.startswith("Kim's") and hit.appears_in == ((cid, "right"),)
        assert hit.text[hit.matches[0][0] : hit.matches[0][1]] == "sanctions"
        assert lib.search("Kim's anti-missile")  # quoted for the user
        assert lib.search('"were lifted" AND kim')
        assert lib.search("lift*")
        for bad in ('"unbalanced', "AND", "(treaty", "  "):
            with pytest.raises(BadQuery):
                lib.search(bad)


def test_any_query_either_answers_or_is_a_bad_query(tmp_path: Path) -> None:
    from parallax.store import BadQuery

    with Library(tmp_path / "search.db") as lib:
        lib.save(make_comparison(1))

        @settings(max_examples=150, deadline=None)
        @given(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30)))
        def check(query: str) -> None:
            try:
                hits = lib.search(query)
            except BadQuery as exc:
                assert str(exc)
            else:
                assert isinstance(hits, list)

        check()
