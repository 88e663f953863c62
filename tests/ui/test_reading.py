"""What the reader derives from a comparison: colours per link, navigation, word marks."""

from __future__ import annotations

from dataclasses import replace

from parallax.core.model import Comparison, Difference, Document, Link, Sentence
from parallax.ui.reading import Reading


def _doc(*sentences: str) -> Document:
    text = "\n".join(sentences)
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(index=i, start=pos, end=pos + len(s), text=s))
        pos += len(s) + 1
    return Document(original=text, text=text, sentences=tuple(out))


LEFT = _doc(
    "At least 12 people were killed when the bridge collapsed on Monday.",
    "The mayor declared three days of mourning.",
    "Rescue teams searched the river overnight.",
    "The bridge had been inspected in 2019.",
)
RIGHT = _doc(
    "Divers combed the river through the night.",
    "The collapse of the bridge on Monday killed 15 people, officials said.",
    "Engineers warned about cracks last year.",
)
COMPARISON = Comparison(
    left=LEFT,
    right=RIGHT,
    links=(
        Link(left=(2,), right=(0,), score=0.81, kind="paraphrase"),
        Link(
            left=(0,),
            right=(1,),
            score=0.77,
            kind="paraphrase",
            differences=(Difference(kind="number", left="12", right="15"),),
        ),
    ),
)


def test_links_are_ordered_and_coloured_by_their_place_in_the_left_article() -> None:
    reading = Reading(COMPARISON)
    assert reading.order == [1, 0]  # the casualty link starts at left sentence 0
    assert reading.slot[1] == 0 and reading.slot[0] == 1
    assert reading.rank(1) == 0


def test_unique_sentences_and_counterparts() -> None:
    reading = Reading(COMPARISON)
    assert reading.unique == {"left": [1, 3], "right": [2]}
    assert reading.counterparts("left", 0) == (1,)
    assert reading.counterparts("right", 0) == (2,)
    assert reading.counterparts("left", 1) == ()
    assert reading.is_unique("right", 2)


def test_navigation_wraps_in_both_directions() -> None:
    reading = Reading(COMPARISON)
    assert reading.next_link(None) == 1
    assert reading.next_link(1) == 0
    assert reading.next_link(0) == 1
    assert reading.next_link(None, -1) == 0
    assert reading.next_link(1, -1) == 0
    assert reading.next_discrepancy(None) == 1
    assert reading.next_discrepancy(1) == 1  # the only one: wraps onto itself
    assert reading.next_discrepancy(0, -1) == 1
    assert reading.next_unique("left", 0) == 1
    assert reading.next_unique("left", 1) == 3
    assert reading.next_unique("left", 3) == 1
    assert reading.next_unique("left", 3, -1) == 1
    assert reading.next_unique("left", 1, -1) == 3


def test_word_marks_skip_moved_words_and_flag_discrepancies() -> None:
    reading = Reading(COMPARISON)
    marks = reading.word_marks(1)
    left_text = LEFT.text
    left_marked = [left_text[m.start : m.end] for m in marks["left"] if not m.discrepancy]
    # "bridge", "Monday" and "killed" appear on both sides in another order: not marked.
    assert not any(w in " ".join(left_marked) for w in ("bridge", "Monday", "killed"))
    assert any("collapsed" in w for w in left_marked)
    flagged = {
        side: [reading.document(side).text[m.start : m.end] for m in ms if m.discrepancy]
        for side, ms in marks.items()
    }
    assert flagged == {"left": ["12"], "right": ["15"]}
    for side, ms in marks.items():
        doc = reading.document(side)
        sentence = doc.sentences[reading.sentences(1, side)[0]]
        assert all(sentence.start <= m.start < m.end <= sentence.end for m in ms)


def test_word_marks_leave_a_headline_beside_its_lead_alone() -> None:
    headed = _doc("Bridge collapse kills 12", *(s.text for s in LEFT.sentences))
    first = replace(headed.sentences[0], role="headline")
    headed = replace(headed, sentences=(first, *headed.sentences[1:]))
    link = Link(left=(0, 1), right=(1,), score=0.77, kind="partial")
    reading = Reading(Comparison(left=headed, right=RIGHT, links=(link,)))
    marks = reading.word_marks(0)
    headline = headed.sentences[0]
    assert marks["left"], "the lead's own differing words are still marked"
    assert all(m.start >= headline.end for m in marks["left"])
    # A headline alone on its side is compared as it is.
    alone = Link(left=(0,), right=(1,), score=0.4, kind="partial")
    marks = Reading(Comparison(left=headed, right=RIGHT, links=(alone,))).word_marks(0)
    assert any(m.end <= headline.end for m in marks["left"])


def test_summary_counts() -> None:
    assert Reading(COMPARISON).summary == (
        "2 linked facts · 2 only left · 1 only right · 1 discrepancy"
    )


def test_sample_pair_colours_every_linked_sentence_on_both_sides(
    linked_comparison: Comparison,
) -> None:
    reading = Reading(linked_comparison)
    assert reading.order, "the sample pair has linked facts"
    for index, link in enumerate(linked_comparison.links):
        for s in link.left:
            assert index in reading.links_of("left", s)
        for s in link.right:
            assert index in reading.links_of("right", s)
    assert len(set(reading.slot)) == len(reading.slot)


def test_a_denied_claim_is_a_discrepancy_marked_on_both_sides() -> None:
    left = _doc("Officials confirmed the messages were authentic.")
    right = _doc("Officials couldn’t confirm whether the messages were authentic.")
    from parallax.core.differences import find_differences

    differences = find_differences(left.text, right.text, same_fact=True)
    link = Link(left=(0,), right=(0,), score=0.9, kind="paraphrase", differences=differences)
    reading = Reading(Comparison(left=left, right=right, links=(link,)))
    assert reading.discrepant == [0]
    assert reading.next_discrepancy(None) == 0
    flagged = {
        side: [reading.document(side).text[m.start : m.end] for m in ms if m.discrepancy]
        for side, ms in reading.word_marks(0).items()
    }
    assert flagged == {"left": ["Officials confirmed the"], "right": ["couldn’t confirm whether"]}


def test_a_partial_link_marks_only_the_facts_that_differ() -> None:
    left = _doc("The bridge over the Vltava collapsed on Monday, and 12 people died in Prague.")
    right = _doc("Heavy rain had weakened the old structure for weeks before it fell on Monday.")
    link = Link(left=(0,), right=(0,), score=0.4, kind="partial")
    reading = Reading(Comparison(left=left, right=right, links=(link,)))
    marked = [left.text[m.start : m.end] for m in reading.word_marks(0)["left"]]
    # The figure and the names, not "bridge", "collapsed" or "people".
    assert marked == ["Vltava", "12", "Prague"]
