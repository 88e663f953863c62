"""The words the aligner compares (:mod:`parallax.core.align.words`)."""

from __future__ import annotations

from parallax.core.align import content_stems


def test_content_stems_meet_inflections() -> None:
    assert content_stems("The countries attacked") == content_stems("a country attacks")
