"""The item models' helpers: plain functions over a comparison, and empty models."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from parallax.core.model import Comparison, Document, Repair
from parallax.ui.models import (
    ActorsModel,
    ReactionsModel,
    RepairsModel,
    describe_characters,
    outlet_labels,
    presence_of,
    repair_context,
    visible_characters,
)

# ---------------------------------------------------------------------------------------------
# Helpers of the models (plain functions)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("꧃", "꧃"),
        ("\u200b", "⟨U+200B⟩"),
        ("\u202e", "⟨U+202E⟩"),
        ("\u0e4a", "◌\u0e4a"),  # a combining mark, on a dotted circle
        ("a b", "a b"),
        ("\u00a0", "⟨U+00A0⟩"),
    ],
)
def test_visible_characters(text: str, shown: str) -> None:
    assert visible_characters(text) == shown


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("꧃", "U+A9C3 JAVANESE PADA ANDAP"),
        ("𝓀", "U+1D4C0 MATHEMATICAL SCRIPT SMALL K"),
        ("Ã©", "U+00C3 LATIN CAPITAL LETTER A WITH TILDE, U+00A9 COPYRIGHT SIGN"),
        ("", "(nothing)"),
    ],
)
def test_describe_characters(text: str, described: str) -> None:
    assert describe_characters(text) == described


@pytest.mark.parametrize(
    ("original", "start", "end", "expected"),
    [
        ("sign a꧃nd pact", 6, 7, ("sign a", "꧃", "nd pact")),
        (
            "one two three four five six se♎ven eight",
            30,
            31,
            ("…four five six se", "♎", "ven eight"),
        ),
        ("end.\n\nNext ♔ line", 11, 12, ("end. Next ", "♔", " line")),
    ],
)
def test_repair_context(original: str, start: int, end: int, expected: tuple[str, ...]) -> None:
    repair = Repair(start, end, original[start:end], "", "junk-glyph")
    assert repair_context(original, repair) == expected


def test_outlet_labels_fall_back_and_tell_sides_apart(comparison: Comparison) -> None:
    assert outlet_labels(None) == {"left": "Left", "right": "Right"}
    blank = Document(original="x", text="x")
    titled = Document(original="x", text="x", title="A  title")
    assert outlet_labels(Comparison(left=blank, right=titled)) == {
        "left": "Left",
        "right": "A title",
    }
    assert outlet_labels(Comparison(left=blank, right=blank)) == {"left": "Left", "right": "Right"}
    same = Document(original="x", text="x", source="Reuters")
    assert outlet_labels(Comparison(left=same, right=same)) == {
        "left": "Reuters (left)",
        "right": "Reuters (right)",
    }


def test_presence_of_every_sample_actor(comparison: Comparison) -> None:
    for actor in comparison.actors:
        sides = {m.side for m in actor.mentions}
        expected = "both" if len(sides) == 2 else next(iter(sides))
        assert presence_of(actor) == expected


def test_models_without_a_comparison_are_empty() -> None:
    for model in (ActorsModel(), ReactionsModel(), RepairsModel()):
        model.set_comparison(None)
        assert model.rowCount() == 0
        assert model.data(model.index(0, 0)) is None
        assert model.rowCount(model.index(0, 0)) == 0
        assert model.headerData(0, Qt.Orientation.Horizontal)
        assert model.data(QModelIndex()) is None


def test_the_titles_repairs_are_listed_with_the_texts(comparison: Comparison) -> None:
    """A title repaired of an escape sequence and a bidi override: listed first, its context
    shown with the controls made visible, and counted."""
    import dataclasses

    from parallax.core.repair import repair_document

    left = repair_document(
        dataclasses.replace(comparison.left, title="\x1b]0;pwned\x07Evil \u202etitle")
    )
    model = RepairsModel()
    model.set_comparison(dataclasses.replace(comparison, left=left))
    assert model.counts()["left"] == len(comparison.left.repairs) + 2
    shown = [
        model.data(model.index(row, col)) or ""
        for row in range(2)
        for col in (RepairsModel.CONTEXT, RepairsModel.KIND, RepairsModel.REMOVED)
    ]
    assert "Title: " in shown[0] and "terminal-escape" in shown[1]
    assert "bidi-control" in shown[4] and "U+202E" in shown[5]
    assert not any(c in text for text in shown for c in "\x1b\x07\u202e")
