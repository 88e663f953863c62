"""Unnamed sources speak for the organisation or country they belong to.

"A London-based spokesman of the Iraqi National Congress said ...": the owner or the
prepositional phrase ("of", "for") says whom the source speaks for; a place in a modifier
before the noun ("London-based") only says where the source sits. The held-out measurement
(``tests/bench/heldout_actors.py``) found such reactions given to the United Kingdom.
"""

from __future__ import annotations

import pytest

from parallax.core import actors as A
from parallax.core.ingest import read_text
from parallax.core.pipeline import compare

CASES = [
    (
        "A London-based spokesman of the Iraqi National Congress said Iraqi artillery was "
        "shelling the city.",
        "Iraqi National Congress",
        "said",
    ),
    (
        "A Paris-based spokeswoman for Doctors Without Borders said the clinic had been hit.",
        "Doctors Without Borders",
        "said",
    ),
    (
        "Washington-based officials of the International Monetary Fund welcomed the budget.",
        "International Monetary Fund",
        "welcomed",
    ),
    # Still: an owner or a place after the noun is the affiliation.
    ("North Korea's state media said the launch had succeeded.", "North Korea", "said"),
    ("Officials in Seoul said they were watching closely.", "South Korea", "said"),
]


@pytest.mark.parametrize(("text", "name", "cue"), CASES)
def test_unnamed_source_speaks_for_whom_it_belongs_to(
    recognizer: A.Recognizer, text: str, name: str, cue: str
) -> None:
    c = compare(
        read_text(text, name="l"), read_text("Nothing happened.", name="r"), recognizer=recognizer
    )
    names = {a.id: a.name for a in c.actors}
    assert [(names[r.actor], r.cue) for r in c.reactions] == [(name, cue)]
