"""Tests for parallax.core.pipeline: the repairs ingest made survive the repair stage; the
bounds on long articles (too many sentences is refused with one clear line, and a pair too
long for the refined links, actors and reactions gets the quick links with a note that says
why)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from parallax.core import pipeline
from parallax.core.ingest import IngestError, read_bytes, read_text
from parallax.core.model import Comparison, Document, restore_original
from parallax.core.pipeline import prepare
from tests.conftest import SCHEMA_PATH
from tests.core.ingest.test_decode import GERMAN


def test_bad_bytes_of_utf8_are_repairs_after_the_repair_stage() -> None:
    text = "Der Rat in K\x00ln sagte: \x00 Die Brücke bleibt zu.\u200b\n\n" + GERMAN
    data = text.encode().replace(b"\x00", b"\xf6", 1).replace(b"\x00", b"\xe2\x80", 1)
    doc = prepare(read_bytes(data, name="koeln.txt"))
    kinds = [(r.original, r.kind) for r in doc.repairs]
    # The bad byte inside a word, the cut sequence on its own, and the zero-width space that
    # the repair stage removes: all three are listed, each with why.
    assert kinds == [
        ("\ufffd", "invalid-utf8"),
        ("\ufffd", "invalid-utf8"),
        ("\u200b", "invisible"),
    ]
    assert "\ufffd" not in doc.text and "\u200b" not in doc.text
    assert restore_original(doc.text, doc.repairs) == doc.original
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


def test_skipping_every_repair_step_keeps_the_bad_bytes_listed() -> None:
    data = ("Die Brücke in K\x00ln bleibt geschlossen.\n\n" + GERMAN).encode()
    doc = prepare(
        read_bytes(data.replace(b"\x00", b"\xf6"), name="a.txt"),
        skip_repairs=("mojibake", "invisibles", "junk-glyphs"),
    )
    assert [r.kind for r in doc.repairs] == ["invalid-utf8"]
    assert doc.text.startswith("Die Brücke in Kln")


def _article(sentences: int, name: str = "long.txt") -> Document:
    paragraphs = (
        f"Report {i} of the harbour was filed by officials in Busan." for i in range(sentences)
    )
    return read_text("\n\n".join(paragraphs), name=name)


class _NoNLP:
    """A recogniser that fails if asked to parse: the long pair must never reach spaCy."""

    lexicon: Any = None

    def parse_all(self, *args: object, **kwargs: object) -> object:
        raise AssertionError("spaCy was run on a pair too long for it")

    def pair_elsewhere(self, *args: object, **kwargs: object) -> object:
        raise AssertionError("spaCy was run on a pair too long for it")


def test_an_article_with_more_sentences_than_the_limit_is_refused() -> None:
    long = _article(pipeline.MAX_SENTENCES + 1)
    with pytest.raises(IngestError) as caught:
        pipeline.link(long, _article(3), refined=False)
    message = str(caught.value)
    assert isinstance(caught.value, pipeline.TooManySentences)
    assert message.startswith(
        "The left article has 8,001 sentences (or lines), more than the 8,000"
    )
    assert "minutes" in message and "\n" not in message


def test_an_article_at_the_limit_is_linked() -> None:
    left, right = _article(pipeline.MAX_SENTENCES), _article(2, "short.txt")
    comparison = pipeline.link(left, right, refined=False)
    assert len(comparison.left.sentences) == pipeline.MAX_SENTENCES


def test_a_pair_too_long_for_nlp_gets_quick_links_and_no_actors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_encoder() -> object:
        raise AssertionError("the refined scorer ran on a pair too long for it")

    monkeypatch.setattr(pipeline, "contextual_encoder", no_encoder)
    half = pipeline.NLP_MAX_SENTENCES // 2
    left, right = _article(half + 1), _article(half, "other.txt")
    assert pipeline.too_long_for_nlp(*(pipeline.prepare(d) for d in (left, right)))
    quick = pipeline.link(left, right, refined=False)
    linked = pipeline.link(left, right)  # refined by default: the quick links instead
    assert linked.links == quick.links and linked.links
    assert pipeline.refine(linked) is linked
    done = pipeline.compare(left, right, recognizer=_NoNLP())  # type: ignore[arg-type]
    assert done.skipped == pipeline.RECOGNIZER_STAGES and not done.actors
    note = pipeline.long_pair_note(done)
    assert note is not None
    assert note.startswith("These articles have 1,001 sentences together")
    assert "up to 1,000" in note and "minutes" in note
    # The document says the actors were not looked for, rather than none found.
    document = done.to_dict()
    assert document["skipped"] == list(pipeline.RECOGNIZER_STAGES) and document["actors"] == []
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert Comparison.from_dict(document).skipped == done.skipped


def test_a_pair_at_the_nlp_limit_is_not_cut_short() -> None:
    half = pipeline.NLP_MAX_SENTENCES // 2
    comparison = pipeline.link(_article(half), _article(half, "other.txt"), refined=False)
    assert not pipeline.too_long_for_nlp(comparison.left, comparison.right)
    assert pipeline.long_pair_note(comparison) is None
    with pytest.raises(AssertionError, match="spaCy was run"):
        pipeline.add_actors(comparison, _NoNLP())  # type: ignore[arg-type]
