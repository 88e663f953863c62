"""Shared by the actor tests: the lexicon folder and running a comparison on short texts."""

from __future__ import annotations

from parallax.core import actors as A
from parallax.core.ingest import read_text
from parallax.core.model import Actor, Comparison
from parallax.core.pipeline import compare
from tests.conftest import ROOT

LEXICONS = ROOT / "data" / "lexicons"


def run(recognizer: A.Recognizer, left: str, right: str = "Nothing happened.") -> Comparison:
    return compare(read_text(left, name="l"), read_text(right, name="r"), recognizer=recognizer)


def by_name(comparison: Comparison) -> dict[str, Actor]:
    return {a.name: a for a in comparison.actors}


def find(comparison: Comparison, surface: str) -> Actor:
    """The one actor that has ``surface`` as its name, an alias or a mention."""
    hits = [
        a
        for a in comparison.actors
        if surface == a.name or surface in a.aliases or any(m.text == surface for m in a.mentions)
    ]
    assert len(hits) == 1, (surface, [a.name for a in hits], [a.name for a in comparison.actors])
    return hits[0]
