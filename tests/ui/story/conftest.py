"""A three-outlet story judged by hand: three short articles on one bridge closure.

- f1, the closure, is stated by all three (the Gazette in its headline too);
- f2, the cost, is stated by all three, and the Gazette and the Times differ on the number;
- f3, the mayor's promise, only the Gazette carries; f4, the detour, only the Times.
"""

from __future__ import annotations

import pytest

from parallax.core.ingest import read_text
from parallax.core.model import Difference, Document
from parallax.core.pipeline import prepare
from parallax.core.story import Story, StoryArticle, StoryDifference, StoryFact, StorySource

GAZETTE = """Bridge closes after crack found

The Elm Street bridge was closed on Monday after inspectors found a crack. Repairs will cost \
2 million dollars, the city said. Mayor Ana Ruiz said the bridge would reopen in spring.
"""
TIMES = """Elm Street bridge shut

Residents now face a twenty-minute detour to the harbour. Inspectors found a crack in the \
Elm Street bridge, which closed on Monday. The city put the cost of repairs at 3 million \
dollars.
"""
LEDGER = """City shuts bridge

The Elm Street bridge closed on Monday because of a crack. Officials said repairs would cost \
2 million dollars.
"""


def at(doc: Document, words: str) -> int:
    """The index of the one sentence of ``doc`` that contains ``words``."""
    found = [s.index for s in doc.sentences if words in s.text]
    assert len(found) == 1, (words, [s.text for s in doc.sentences])
    return found[0]


def make_story() -> Story:
    gazette, times, ledger = (
        prepare(read_text(text, name=name))
        for text, name in ((GAZETTE, "gazette.txt"), (TIMES, "times.txt"), (LEDGER, "ledger.txt"))
    )
    articles = (
        StoryArticle("a1", gazette, "Harbour Gazette"),
        StoryArticle("a2", times, "River Times"),
        StoryArticle("a3", ledger, "Daily Ledger"),
    )
    cost = StoryDifference("a1", "a2", Difference("number", "2 million", "3 million"))
    facts = (
        StoryFact(
            "f1",
            {
                "a1": (at(gazette, "Bridge closes"), at(gazette, "was closed on Monday")),
                "a2": (at(times, "which closed on Monday"),),
                "a3": (at(ledger, "closed on Monday"),),
            },
        ),
        StoryFact(
            "f2",
            {
                "a1": (at(gazette, "Repairs will cost"),),
                "a2": (at(times, "cost of repairs"),),
                "a3": (at(ledger, "repairs would cost"),),
            },
            (cost,),
        ),
        StoryFact("f3", {"a1": (at(gazette, "reopen in spring"),)}),
        StoryFact("f4", {"a2": (at(times, "detour"),)}),
    )
    sources = (
        StorySource("a1", "Ana Ruiz", True, 1),
        StorySource("a1", "the city", False, 1),
        StorySource("a2", "the city", False, 1),
        StorySource("a3", "officials", False, 1),
    )
    return Story("Elm Street bridge", articles, facts, sources)


@pytest.fixture(scope="session")
def story() -> Story:
    return make_story()
