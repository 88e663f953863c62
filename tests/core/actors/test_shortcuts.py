"""The shortcuts through spaCy's pipeline give the stock pipeline's analysis, to the token."""

from __future__ import annotations

from typing import Any

import pytest

from parallax.core import actors as A
from parallax.core.actors import shortcuts

#: Real-looking news, with what the attribute ruler and the lemmatizer have rules for:
#: auxiliaries, "there is", pronouns as subjects and objects, contractions, capitals.
PARAGRAPH = [
    "NORTH KOREA, RUSSIA SIGN PACT - SOCCER RESULTS MAY WAIT",
    "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a "
    "mutual defence pact in Pyongyang on Wednesday, state media said.",
    '"It is a breakthrough document," Putin told reporters, adding that there were '
    "no plans to deploy troops.",
    "Japan's chief cabinet secretary said Tokyo had not been consulted and didn't "
    "welcome the deal, which he called 'deeply regrettable'.",
    "But analysts said neither side would gain much: I doubt it, you know, one of them wrote.",
    "The company, Lear Corp., said it has had talks with the U.N. about the crisis.",
    "Officials in Seoul declined to comment; the ministry's statement was expected later.",
    "  Extra   spaces\tand a tab, then 3.5 per cent, as per the rules.",
]


def _analysis(nlp: Any, texts: list[str]) -> list[list[tuple[object, ...]]]:
    return [
        [
            (
                t.text,
                t.tag_,
                t.pos_,
                str(t.morph),
                t.lemma_,
                t.dep_,
                t.head.i,
                t.ent_iob_,
                t.ent_type_,
            )
            for t in doc
        ]
        for doc in nlp.pipe(texts)
    ]


@pytest.fixture(scope="module")
def stock() -> Any:
    """The model as spaCy loads it, without the shortcuts."""
    import spacy

    return spacy.load(A.MODEL_NAME)


def test_the_analysis_is_the_stock_pipelines(recognizer: A.Recognizer, stock: Any) -> None:
    expected = _analysis(stock, PARAGRAPH)
    assert _analysis(recognizer.nlp(), PARAGRAPH) == expected
    # Again, now that the attribute ruler has seen these tokens' attributes.
    assert _analysis(recognizer.nlp(), PARAGRAPH) == expected


def test_the_tokenizer_is_the_models_own(recognizer: A.Recognizer, stock: Any) -> None:
    """Built empty and filled from the model's file, it has every rule of the stock one."""
    ours, theirs = recognizer.nlp().tokenizer, stock.tokenizer
    assert ours.rules == theirs.rules and len(ours.rules) > 1000
    for name in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        mine, stock_one = getattr(ours, name), getattr(theirs, name)
        assert getattr(mine, "__self__", mine) == getattr(stock_one, "__self__", stock_one), name
    assert ours.faster_heuristics == theirs.faster_heuristics


def test_the_layers_multiply_with_numpy(recognizer: A.Recognizer) -> None:
    from thinc.api import NumpyOps

    for _, component in recognizer.nlp().pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for layer in model.walk():
            assert not (isinstance(layer.ops, NumpyOps) and layer.ops.use_blis), layer.name


def test_the_lemmatizer_looks_lemmas_up_in_sets(recognizer: A.Recognizer) -> None:
    table = recognizer.nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert len(table) > 0
    assert all(isinstance(words, frozenset) for words in table.values())


def _ruler_pipeline(patterns: list[dict[str, Any]], *, remember: bool) -> Any:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    if remember:
        shortcuts._remember_attribute_rules(nlp)
    return nlp


#: Rules of each kind the matcher knows: one token and several, a value, a set of values,
#: values left out, a pattern, a flag, an index from the end; later rules win.
RULES: list[dict[str, Any]] = [
    {"patterns": [[{"LOWER": "may"}]], "attrs": {"POS": "AUX", "LEMMA": "may"}},
    {"patterns": [[{"LOWER": {"IN": ["is", "are", "was"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["is", "the"]}, "IS_ALPHA": True}]],
     "attrs": {"MORPH": "Foo=Bar"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"POS": "PART", "LEMMA": "not"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"LOWER": "there"}, {"LOWER": {"IN": ["is", "are"]}}]],
     "attrs": {"POS": "VERB"}, "index": -1},
    {"patterns": [[{"LOWER": "as"}, {"LOWER": "per"}]], "attrs": {"LEMMA": "per"}, "index": 1},
    {"patterns": [[{"LOWER": "may"}]], "attrs": {"LEMMA": "May"}},
]  # fmt: skip


@pytest.mark.parametrize("remembered_max", [50_000, 3])  # 3: memory starts anew often
def test_remembered_rules_match_as_the_ruler_does(
    remembered_max: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shortcuts, "_REMEMBERED_MAX", remembered_max)
    texts = [
        "There is no may, there are maybes.",
        "It isn't as per the plan:  it was n't, IS it?",
        "may may MAY\nthere\tis",
    ]
    plain = _ruler_pipeline(RULES, remember=False)
    remembering = _ruler_pipeline(RULES, remember=True)
    assert (
        remembering.get_pipe("attribute_ruler").match is not plain.get_pipe("attribute_ruler").match
    )
    got = [[(t.pos_, str(t.morph), t.lemma_) for t in d] for d in remembering.pipe(texts * 2)]
    want = [[(t.pos_, str(t.morph), t.lemma_) for t in d] for d in plain.pipe(texts * 2)]
    assert got == want
    # "is" after "there" is the verb of the later rule; "may" has the last rule's lemma.
    assert got[0][1] == ("VERB", "", "") and got[0][3] == ("AUX", "Foo=Bar", "May")


@pytest.mark.parametrize(
    "pattern",
    [
        [{"IS_SENT_START": True}],  # where the token stands, not what it is
        [{"_": {"flag": True}}],  # an extension attribute
    ],
)
def test_rules_that_cannot_be_remembered_leave_the_ruler_as_it_is(
    pattern: list[dict[str, Any]],
) -> None:
    from spacy.pipeline import AttributeRuler

    nlp = _ruler_pipeline(
        [
            {"patterns": [[{"LOWER": "may"}]], "attrs": {"POS": "AUX"}},
            {"patterns": [pattern], "attrs": {"POS": "X"}},
        ],
        remember=True,
    )
    ruler = nlp.get_pipe("attribute_ruler")
    assert ruler.match.__func__ is AttributeRuler.match
