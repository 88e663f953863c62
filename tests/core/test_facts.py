"""Shared facts: the contextual encoder, the refined scorer and the grouping into facts."""

from __future__ import annotations

import numpy as np
import pytest

from parallax.core import facts as F
from parallax.core.align import align
from parallax.core.contextual import contextual_encoder
from parallax.core.ingest import read_text
from parallax.core.pipeline import prepare


def test_group_facts_keeps_a_dense_block_together_and_never_chains() -> None:
    # Left 0 and 1 both state the fact of right 0 and 1; right 2 matches left 1 only, weakly
    # against left 0: it must not be pulled in through left 1.
    scores = np.array(
        [
            [0.9, 0.6, 0.0, 0.0],
            [0.7, 0.8, 0.6, 0.0],
            [0.0, 0.0, 0.0, 0.9],
        ]
    )
    facts = F.group_facts(scores, seed=0.5, mean=0.5, floor=0.2)
    assert ([0, 1], [0, 1]) in facts
    assert ([2], [3]) in facts
    assert all(not (0 in ls and 2 in rs) for ls, rs in facts)


def test_group_facts_lets_a_sentence_state_two_facts() -> None:
    # Left 0 carries two facts, each stated apart on the right (right 0 and right 1), which
    # have nothing to do with each other.
    scores = np.array([[0.8, 0.7], [0.9, 0.0], [0.0, 0.9]])
    facts = F.group_facts(scores, seed=0.5, mean=0.6, floor=0.2)
    assert sorted(facts) == [([0, 1], [0]), ([0, 2], [1])]


def test_group_facts_starts_a_fact_at_every_pinned_pair() -> None:
    scores = np.array([[0.1, 0.0], [0.0, 0.9]])
    assert F.group_facts(scores, pinned=[(0, 0)]) == [([0], [0]), ([1], [1])]


def test_trigrams_unify_apostrophes_and_case() -> None:
    a = F.trigrams("He said: “It’s a Dark Day for the country.”")
    b = F.trigrams('"it\'s a dark day," he said')
    assert ("it's", "a", "dark") in a & b


def test_contextual_encoder_gives_unit_rows_and_content_pieces() -> None:
    enc = contextual_encoder().encode(["The Senate blocked the bill.", "", "Officials, again!"])
    norms = np.linalg.norm(enc.pooled, axis=1)
    assert norms[0] == pytest.approx(1.0, abs=1e-4)
    assert norms[2] == pytest.approx(1.0, abs=1e-4)
    assert [len(p) for p in enc.pieces][1] == 0
    # Punctuation and the special tokens carry no content and are left out.
    tok = contextual_encoder().tokenizer
    assert [tok.id_to_token(int(i)) for i in enc.piece_ids[2]] == ["officials", "again"]


def test_contextual_encoder_tells_a_paraphrase_from_the_same_topic() -> None:
    enc = contextual_encoder().encode(
        [
            "The minister declined to chair the inquiry into the contracts.",
            "The minister refused to lead the investigation into the contracts.",
            "The minister announced an inquiry into the contracts last year.",
        ]
    )
    sims = enc.pooled @ enc.pooled.T
    assert sims[0, 1] > sims[0, 2]


def _doc(text: str, name: str):
    return prepare(read_text(text, name=name))


def _linked(left: str, right: str) -> set[tuple[int, int]]:
    links = align(_doc(left, "left"), _doc(right, "right"), contextual=contextual_encoder())
    return {(i, j) for k in links for i in k.left for j in k.right}


# Wording of the kinds that real coverage of one event uses (written for these tests):
# each case is two short articles whose first sentences state one fact, and a filler
# sentence on each side about other things.
FILLER_L = "Separately, the city council approved a new budget for public parks."
FILLER_R = "In other news, a storm is expected to reach the coast by Friday evening."
LINKED_CASES = {
    "reworded with shared facts": (
        "The Senate blocked the border security bill on Tuesday in a 52-47 vote.",
        "A border security bill failed in the Senate on Tuesday, 52 votes to 47.",
    ),
    "a quote kept whole against a quote cut short": (
        '"We will not be intimidated by these threats," the governor told reporters.',
        'The governor said the state "will not be intimidated by these threats."',
    ),
    "one side summarises, with the same figure": (
        "Officials said 60,000 emails were sent or received, and about half were deleted.",
        "Roughly 60,000 emails were involved, and she deleted about half of them.",
    ),
}
UNLINKED_CASES = {
    "same actor, different facts": (
        "The senator voted against the tax bill on Monday.",
        "The senator's daughter graduated from law school in May.",
    ),
    "same topic, different facts": (
        "Marijuana sales in Colorado rose 40 percent last year.",
        "Police in Nebraska arrested two men at a traffic stop on Sunday.",
    ),
}


@pytest.mark.parametrize("case", sorted(LINKED_CASES))
def test_refined_aligner_links_the_shared_fact(case: str) -> None:
    left, right = LINKED_CASES[case]
    assert (0, 0) in _linked(f"{left}\n\n{FILLER_L}", f"{right}\n\n{FILLER_R}")


@pytest.mark.parametrize("case", sorted(UNLINKED_CASES))
def test_refined_aligner_does_not_link_a_shared_topic(case: str) -> None:
    left, right = UNLINKED_CASES[case]
    assert (0, 0) not in _linked(f"{left}\n\n{FILLER_L}", f"{right}\n\n{FILLER_R}")


def test_refined_aligner_honours_pins_and_rejections() -> None:
    left = _doc(f"{LINKED_CASES['reworded with shared facts'][0]}\n\n{FILLER_L}", "left")
    right = _doc(f"{LINKED_CASES['reworded with shared facts'][1]}\n\n{FILLER_R}", "right")
    enc = contextual_encoder()
    rejected = align(left, right, rejected=[(0, 0)], contextual=enc)
    assert all(not (0 in k.left and 0 in k.right) for k in rejected)
    pinned = align(left, right, pinned=[(1, 1)], contextual=enc)
    assert any(k.left == (1,) and k.right == (1,) for k in pinned)
