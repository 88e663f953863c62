"""The shared word lists: closed classes, lower case, each word where the stages expect it."""

from __future__ import annotations

import pytest

from parallax.core import vocabulary as V
from parallax.core.vocabulary import dateline_end


def test_lists_are_lower_case_words() -> None:
    for words in (V.FUNCTION_WORDS, V.STOPWORDS, V.MONTHS, V.WEEKDAYS, V.SPEECH_VERBS, V.SAY_FORMS):
        assert all(w.isalpha() and w == w.lower() for w in words)


def test_every_function_word_is_a_stop_word() -> None:
    assert V.FUNCTION_WORDS < V.STOPWORDS
    assert {"said", "according", "he", "she"} <= V.STOPWORDS - V.FUNCTION_WORDS


def test_months_and_their_abbreviations() -> None:
    assert sorted(set(V.MONTHS.values())) == list(range(1, 13))
    assert V.MONTHS["sept"] == V.MONTHS["september"] == 9 and V.MONTHS["may"] == 5
    assert len(V.WEEKDAYS) == 7


def test_speech_verbs_are_lemmas_and_say_forms_are_inflected() -> None:
    assert {"say", "tell", "confirm"} <= V.SPEECH_VERBS
    assert {"said", "told", "tweeted"} <= set(V.SAY_FORMS)
    assert len(V.SAY_FORMS) == len(set(V.SAY_FORMS))


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("WASHINGTON — The court ruled on Monday.", "WASHINGTON — "),
        ("NEW DELHI: A powerful earthquake shook Nepal.", "NEW DELHI: "),
        (
            "Brasília, OCT 31: Brazilian president-elect Lula called for peace.",
            "Brasília, OCT 31: ",
        ),
        ("SEOUL, Dec. 4: Yoon lifted martial law.", "SEOUL, Dec. 4: "),
        # a name before a colon is who speaks, not a dateline
        ("Tsipras: democracy won't be blackmailed", ""),
        ("US: China must pay", ""),
    ],
)
def test_dateline_end(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline
