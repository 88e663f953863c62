"""Tests for parallax.core.pipeline: the repairs ingest made survive the repair stage."""

from __future__ import annotations

from parallax.core.ingest import read_bytes
from parallax.core.model import restore_original
from parallax.core.pipeline import prepare
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
