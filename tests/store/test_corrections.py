"""A journalist's corrections (:mod:`parallax.store.corrections`): well formed, and re-applied
to a fresh comparison."""

from __future__ import annotations

import dataclasses

import pytest

from parallax.core.model import Actor, Comparison, Mention, Reaction
from parallax.store import ActorCorrection, apply_actor_corrections
from tests.store.helpers import make_comparison, make_document

L, R = "a" * 64, "b" * 64


@pytest.mark.parametrize(
    ("action", "value"), [("delete", "x"), ("rename", None), ("merge", None), ("split", "x")]
)
def test_malformed_actor_corrections_are_rejected(action: str, value: str | None) -> None:
    with pytest.raises(ValueError):
        ActorCorrection(action, "person:kim", value)  # type: ignore[arg-type]


# -- applying actor corrections (pure) ---------------------------------------------------


def cast() -> Comparison:
    return make_comparison(1)


def actors(c: Comparison) -> dict[str, Actor]:
    return {a.id: a for a in c.actors}


def test_rename_keeps_the_old_name_as_an_alias() -> None:
    c = cast()
    out = apply_actor_corrections(c, [ActorCorrection("rename", "person:kim", "Kim Jong Un")])
    kim = actors(out)["person:kim"]
    assert (kim.name, kim.aliases) == ("Kim Jong Un", ("Kim",))
    assert kim.mentions == actors(c)["person:kim"].mentions
    assert {a.id for a in out.actors} == {a.id for a in c.actors}
    assert c.actors[1].name == "Kim"  # the input is unchanged


def test_merge_folds_names_mentions_and_reactions_into_the_target() -> None:
    c = cast()
    out = apply_actor_corrections(c, [ActorCorrection("merge", "person:kim", "person:putin")])
    assert set(actors(out)) == {"person:putin", "country:north-korea"}
    putin = actors(out)["person:putin"]
    assert putin.name == "Vladimir Putin"
    assert set(putin.aliases) == {"Putin", "Kim"}
    assert set(putin.mentions) == {*c.actors[0].mentions, *c.actors[1].mentions}
    assert {r.actor for r in out.reactions} == {"person:putin"}
    assert len(out.reactions) == len(c.reactions)


def test_delete_removes_the_actor_and_its_reactions() -> None:
    c = cast()
    out = apply_actor_corrections(c, [ActorCorrection("delete", "person:kim")])
    assert "person:kim" not in actors(out)
    assert [r.actor for r in out.reactions] == ["person:putin"]


def test_corrections_apply_in_order_and_missing_actors_are_skipped() -> None:
    c = cast()
    out = apply_actor_corrections(
        c,
        [
            ActorCorrection("rename", "person:nobody", "X"),
            ActorCorrection("merge", "person:kim", "person:nobody"),
            ActorCorrection("merge", "person:kim", "person:kim"),
            ActorCorrection("merge", "person:kim", "person:putin"),
            ActorCorrection("rename", "person:putin", "Putin"),
            ActorCorrection("delete", "person:kim"),  # already merged away
        ],
    )
    putin = actors(out)["person:putin"]
    assert putin.name == "Putin"
    assert set(putin.aliases) == {"Kim", "Vladimir Putin"}
    assert apply_actor_corrections(c, []) == c


def test_merge_does_not_duplicate_identical_mentions() -> None:
    m = Mention("left", 0, 0, 3, "Kim")
    a = Actor("a", "Kim", "person", (), (m,))
    b = Actor("b", "Kim Jong Un", "person", ("Kim",), (m,))
    doc = make_document(["Kim met Putin.", "Later."])
    c = Comparison(
        doc,
        doc,
        actors=(a, b),
        reactions=(Reaction("a", "left", 0, "met", "neutral", None, "Kim met"),),
    )
    out = apply_actor_corrections(c, [ActorCorrection("merge", "a", "b")])
    (merged,) = out.actors
    assert merged.mentions == (m,) and merged.aliases == ("Kim",)
    assert out.reactions == (dataclasses.replace(c.reactions[0], actor="b"),)
