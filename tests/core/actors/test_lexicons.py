"""The lexicons: name keys, the tables read from ``data/lexicons``, acronyms in capitals."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.core import actors as A
from tests.core.actors.helpers import LEXICONS


def test_missing_lexicon_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        A.Lexicon.load(tmp_path / "nope")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("US", "U.S."),
        ("the United States", "United States"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("North Korea's", "North Korea"),
        ("U.N.", "UN"),
    ],
)
def test_name_key_equates_spellings(a: str, b: str) -> None:
    assert A.name_key(a) == A.name_key(b)


@pytest.mark.parametrize(
    ("surface", "table", "name"),
    [
        ("US", "names", "United States"),
        ("U.S.", "names", "United States"),
        ("United States", "names", "United States"),
        ("America", "names", "United States"),
        ("DPRK", "names", "North Korea"),
        ("Russian Federation", "names", "Russia"),
        ("KCNA", "names", "Korean Central News Agency"),
        ("NATO", "names", "NATO"),
        ("U.N. Security Council", "names", "U.N. Security Council"),
        ("UN Security Council", "names", "U.N. Security Council"),
        ("Moscow", "metonyms", "Russia"),
        ("Kremlin", "metonyms", "Russia"),
        ("the Kremlin", "metonyms", "Russia"),
        ("Pyongyang", "metonyms", "North Korea"),
        ("Seoul", "metonyms", "South Korea"),
        ("Kyiv", "metonyms", "Ukraine"),
        ("North Korean", "demonyms", "North Korea"),
        ("Ukrainian", "demonyms", "Ukraine"),
    ],
)
def test_lexicon_tables(surface: str, table: str, name: str) -> None:
    lex = A.Lexicon.load(LEXICONS)
    entry = (
        lex.lookup_name(surface) if table == "names" else getattr(lex, table)[A.name_key(surface)]
    )
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("word", ["us", "who", "Who", "au"])
def test_acronyms_match_only_in_capitals(word: str) -> None:
    assert A.Lexicon.load(LEXICONS).lookup_name(word) is None


def test_aliases_that_differ_only_in_case_come_in_one_order() -> None:
    from parallax.core.actors.lexicons import alias_order

    forms = ["Washington", "the capital", "WASHINGTON", "Capital"]
    expected = ["Capital", "the capital", "WASHINGTON", "Washington"]
    assert sorted(forms, key=alias_order) == expected
    assert sorted(reversed(forms), key=alias_order) == expected
