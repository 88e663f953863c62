"""The static sentence encoder (:mod:`parallax.core.embed`): its fast word lookup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"abcXYZ019 .,'-_[]#$%\t\n",
                "[UNK]",
                "[PAD]",
                "1960s",
                "\x7f",
                *"éÉİß“”‘’–—…«»\xa0\u200b•",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_fast_word_lookup_gives_the_tokenizers_own_ids(text: str) -> None:
    from parallax.core.embed import encoder

    enc = encoder()
    reference = enc.tokenizer.encode_batch_fast([text], add_special_tokens=False)[0].ids
    assert enc.token_ids([text]) == [[t for t in reference if t != enc.unk_id]]


def test_kept_rows_are_those_of_a_fresh_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence's row is the same whatever it is encoded with, and the same when kept;
    the encoder keeps a bounded number of them, the last used."""
    from parallax.core import embed
    from parallax.core.embed import encoder

    enc = encoder()
    texts = ["The port reopened on Monday.", "", "Ships came back.", "The port reopened on Monday."]
    fresh = enc._encode(texts)
    assert enc.encode(texts).tobytes() == fresh.tobytes()
    assert enc.encode([*texts[2:], "Storms hit NATO ships."])[0].tobytes() == fresh[2].tobytes()
    assert enc.encode(texts).tobytes() == fresh.tobytes()  # all kept now
    monkeypatch.setattr(embed, "KEPT", 2)
    enc.encode(["One.", "Two.", "Three."])
    assert list(enc._kept) == ["Two.", "Three."]
