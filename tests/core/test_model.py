"""The comparison document: round trips and the published JSON Schema."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest

from parallax.core.model import (
    Actor,
    Comparison,
    Difference,
    Document,
    Link,
    Mention,
    Reaction,
    Repair,
    Sentence,
)
from tests.conftest import SCHEMA_PATH


def _comparison() -> Comparison:
    original = "Kim a꧃nd Putin met. They signed."
    text = "Kim and Putin met. They signed."
    left = Document(
        original=original,
        text=text,
        title="Summit",
        source="left.txt",
        repairs=(Repair(5, 6, "꧃", "", "junk-glyph"),),
        sentences=(Sentence(0, 0, 18, "Kim and Putin met."), Sentence(1, 19, 30, "They signed.")),
    )
    right = Document(
        original="Putin met Kim.",
        text="Putin met Kim.",
        sentences=(Sentence(0, 0, 14, "Putin met Kim.", "headline"),),
    )
    return Comparison(
        left=left,
        right=right,
        links=(Link((0,), (0,), 0.8123, "paraphrase", (Difference("name", "Kim", "Kim"),)),),
        actors=(
            Actor("kim", "Kim Jong Un", "person", ("Kim",), (Mention("left", 0, 0, 3, "Kim"),)),
        ),
        reactions=(Reaction("kim", "left", 1, "signed", "positive", None, "They signed."),),
    )


def test_round_trip_through_json() -> None:
    c = _comparison()
    again = Comparison.from_dict(json.loads(json.dumps(c.to_dict())))
    assert again.to_dict() == c.to_dict()
    assert again.left.original == c.left.original  # rebuilt from text + repairs


def test_document_validates_against_the_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(_comparison().to_dict(), schema)


def test_unlinked_sentences_are_only_in_this_source() -> None:
    c = _comparison()
    assert c.unlinked("left") == [1]
    assert c.unlinked("right") == []


def test_foreign_documents_are_refused() -> None:
    with pytest.raises(ValueError, match=r"parallax\.comparison/1"):
        Comparison.from_dict({"schema": "something/2"})


def test_sides_and_their_accessors() -> None:
    from parallax.core.model import SIDES, Link, is_side, other_side
    from tests.store.helpers import make_comparison

    assert SIDES == ("left", "right")
    assert [other_side(s) for s in SIDES] == ["right", "left"]
    assert is_side("left") and not is_side("middle") and not is_side(None)
    c: Comparison = make_comparison(1)
    assert c.document("left") is c.left and c.document("right") is c.right
    link = Link((1, 2), (3,), 0.9, "same")
    assert link.on("left") == (1, 2) and link.on("right") == (3,)


def test_sourcing_counts_whom_each_side_lets_speak() -> None:
    from parallax.core.model import Actor, Reaction
    from tests.store.helpers import make_comparison

    base = make_comparison(1)
    actors = (*base.actors, Actor("group:officials", "officials", "group"))
    reactions = (
        Reaction("person:putin", "left", 1, "said", "neutral", "a new era", "…"),
        Reaction("person:putin", "left", 2, "said", "neutral", None, "…"),
        Reaction("person:putin", "right", 1, "thanked", "positive", None, "…"),
        Reaction("group:officials", "right", 3, "said", "neutral", "no comment", "…"),
    )
    found = dataclasses.replace(base, actors=actors, reactions=reactions).sourcing()
    putin, officials = found.sources
    assert (putin.name, putin.named, putin.both) == ("Vladimir Putin", True, True)
    assert putin.reports == {"left": 2, "right": 1} and putin.quotes == {"left": 1, "right": 0}
    assert putin.first_quote == {"left": "a new era", "right": None}
    assert (officials.named, officials.both) == (False, False)
    assert found.count("right", named=False) == 1 and found.count("left", named=False) == 0
    assert found.quotes("right") == 1 and found.reports("left") == 2
    assert found.shared() == (putin,)
    doc = found.to_dict()
    assert doc["sides"]["right"] == {
        "sources": 2,
        "named": 1,
        "unnamed": 1,
        "reports": 2,
        "quotes": 1,
    }
