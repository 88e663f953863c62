"""The static sentence encoder (:mod:`parallax.core.embed`): its fast word lookup."""

from __future__ import annotations

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
