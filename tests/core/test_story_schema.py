"""The parallax.story/1 document of a real story validates against data/story.schema.json."""

from __future__ import annotations

import json
from itertools import combinations
from typing import Any

import jsonschema
import pytest

from parallax.core import pipeline
from parallax.core.ingest import read_text
from parallax.core.story import Story, StoryArticle, build_story
from parallax.nlp import recognizer
from tests.conftest import ROOT

STORY_SCHEMA_PATH = ROOT / "data" / "story.schema.json"

# Made-up reports of one event, in the words of three outlets.
TEXTS = {
    "Daily": """Bridge closed after crack found

The river bridge was closed on Friday after engineers found a crack in a pillar.
About 40,000 drivers cross the bridge every day.
"We will not take any risk with people's lives," Mayor Ana Ruiz said.
Engineers expect repairs to take six weeks.""",
    "Wire": """City shuts bridge over safety fears

Engineers found a crack in one of the bridge's pillars, and the city closed it on Friday.
Mayor Ana Ruiz said she would not take risks with lives.
Repairs could last two months, officials said.
The bridge opened in 1968.""",
    "Gazette": """Bridge shut

The city closed the river bridge on Friday because of a cracked pillar.
Traffic jams built up across the centre within an hour.""",
}


@pytest.fixture(scope="module")
def story() -> Story:
    articles = []
    docs = {outlet: read_text(text, name=f"{outlet.lower()}.txt") for outlet, text in TEXTS.items()}
    made = {}
    for (k, x), (m, y) in combinations(enumerate(docs, 1), 2):
        made[(f"a{k}", f"a{m}")] = pipeline.compare(docs[x], docs[y], recognizer=recognizer())
    for k, outlet in enumerate(docs, 1):
        key = next(p for p in made if f"a{k}" in p)
        c = made[key]
        articles.append(StoryArticle(f"a{k}", c.left if key[0] == f"a{k}" else c.right, outlet))
    return build_story("Bridge", articles, made)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(STORY_SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def test_a_real_story_validates_and_round_trips(story: Story, schema: dict[str, Any]) -> None:
    document = json.loads(json.dumps(story.to_dict()))
    jsonschema.validate(document, schema)
    assert Story.from_dict(document) == story
    # The closure on Friday is stated by all three outlets, once.
    closed = [f for f in story.facts if f.outlets == 3]
    assert len(closed) >= 1
    # The Wire alone credits "officials" (an unnamed source) with the repair time.
    assert ("a2", "officials", False) in {(s.article, s.actor, s.named) for s in story.sources}


@pytest.mark.parametrize(
    "broken",
    [
        {"facts": [{"id": "f1", "sentences": {}, "differences": []}]},  # a fact nobody states
        {"facts": [{"id": "f1", "sentences": {"a1": [-1]}, "differences": []}]},
        {"sources": [{"article": "a1", "actor": "x", "named": "yes", "quotes": 0}]},
        {"schema": "parallax.comparison/1"},
    ],
)
def test_the_schema_refuses_a_broken_document(
    story: Story, schema: dict[str, Any], broken: dict[str, Any]
) -> None:
    document = {**story.to_dict(), **broken}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_an_article_without_its_id_is_refused(story: Story, schema: dict[str, Any]) -> None:
    document = story.to_dict()
    del document["articles"][0]["id"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
    document = story.to_dict()
    del document["articles"][0]["sentences"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
