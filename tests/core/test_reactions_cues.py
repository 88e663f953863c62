"""Cue verbs that report no statement: a refusal to comment, and phrasal verbs.

Found when judging reactions on held-out news (``tests/bench/heldout_actors.py --judge``):
"The source declined to say if ..." was read as the source saying something, and "port
workers called off a strike" as a cue "called", and "Asked about the reports, the
spokesman said" as the cue "Asked".
"""

from __future__ import annotations

import pytest

from parallax.core import actors as A
from parallax.core.ingest import read_text
from parallax.core.pipeline import compare

CASES = [
    # A refusal is a reaction worth listing, with no stance and nothing said.
    ("The Kremlin declined to comment on the report.", [("Russia", "declined to comment")]),
    (
        "The source declined to say if there had been any progress in the talks.",
        [("source", "declined to say")],
    ),
    (
        "Japanese officials refused to criticise the deal on Friday.",
        [("Japan", "refused to criticise")],
    ),
    # "called off" is another verb than "called".
    ("Greek port workers called off a strike on Friday.", []),
    ("Japan called off the talks with Seoul on Friday.", []),
    # Still a cue: "Japan called the launch a grave threat."
    ("Japan called the launch a grave threat.", [("Japan", "called")]),
    # "Asked about ...": what was put to the speaker, not the speaker's reaction.
    (
        'Asked about the reports, the spokesman said: "Relations are good."',
        [("spokesman", "said")],
    ),
    ("The Kremlin asked the United Nations to hold an emergency meeting.", [("Russia", "asked")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cues_that_report_no_statement(
    recognizer: A.Recognizer, text: str, expected: list[tuple[str, str]]
) -> None:
    c = compare(
        read_text(text, name="l"), read_text("Nothing happened.", name="r"), recognizer=recognizer
    )
    names = {a.id: a.name for a in c.actors}
    assert [(names[r.actor], r.cue) for r in c.reactions] == expected
    for r in c.reactions:
        if r.cue.startswith(("declined", "refused")):
            assert r.stance == "neutral" and r.quote is None
