"""Shared facts: the contextual encoder, the refined scorer and the grouping into facts."""

from __future__ import annotations

import numpy as np
import pytest

from parallax.core import facts as F
from parallax.core.align import align
from parallax.core.contextual import contextual_encoder
from parallax.core.ingest import read_text
from parallax.core.pipeline import prepare
from parallax.core.rerank import reranker


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


def test_group_facts_never_grows_a_pinned_pair() -> None:
    # Left 0 and 1 state one fact with right 0; pinned, left 0 / right 0 stays that pair,
    # and no other fact holds both its sentences (left 1 keeps its own link to right 0).
    scores = np.array([[0.9, 0.0], [0.8, 0.0]])
    assert F.group_facts(scores, seed=0.5, mean=0.5, floor=0.2) == [([0, 1], [0])]
    facts = F.group_facts(scores, seed=0.5, mean=0.5, floor=0.2, pinned=[(0, 0)])
    assert facts == [([0], [0]), ([1], [0])]


def test_final_features_of_a_pair() -> None:
    refined = np.zeros((10, 20))
    refined[1, 2], refined[8, 3] = 0.5, 0.2
    refined[8, [0, 1, 4]] = 0.9  # three right sentences beat (8, 3) against left 8
    refined[:, 3] += 0.3  # ...and every left sentence but 8 beats it against right 3
    refined[8, 3] = 0.2
    li, rj = np.array([1, 8]), np.array([2, 3])
    feats = F.final_features(refined, li, rj)
    names = dict(zip(F.FINAL_FEATURES, feats.T, strict=True))
    assert names["refined"] == pytest.approx([0.0, np.log(0.2 / 0.8)])
    assert list(names["both_lead"]) == [1.0, 0.0]
    assert names["position_gap"] == pytest.approx([0.0, abs(0.8 - 0.15)])
    # (1, 2) is the best of its row and column; (8, 3) is beaten three times in its row
    # and nine times (capped at RANK_CAP) in its column.
    assert names["left_rank"] == pytest.approx([0.0, 3 / F.RANK_CAP])
    assert names["right_rank"] == pytest.approx([0.0, 1.0])


def test_final_score_rises_with_the_refined_score_and_in_the_openings() -> None:
    refined = np.zeros((12, 12))
    refined[0, 0] = refined[9, 9] = 0.3  # both openings / both late, level
    refined[9, 8] = 0.6
    refined[1, 10] = 0.3  # an opening against the other's end
    got = F.rescored(refined)
    assert got[0, 0] > got[9, 9]
    assert got[9, 8] > got[9, 9]
    assert got[1, 10] < got[0, 0]
    # A pair whose sentences each have closer counterparts scores lower than a lone one.
    crowded = refined.copy()
    crowded[0, 1:4] = crowded[1:4, 0] = 0.35
    assert F.rescored(crowded)[0, 0] < got[0, 0]
    # Pairs never scored stay at zero: the final score cannot invent a candidate.
    assert got[5, 5] == 0 and np.count_nonzero(got) == 4


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
    links = align(
        _doc(left, "left"),
        _doc(right, "right"),
        contextual=contextual_encoder(),
        reranker=reranker(),
    )
    return {(i, j) for k in links for i in k.left for j in k.right}


# Wording of the kinds that real coverage of one event uses (written for these tests, after
# the causes of missed links classified on hand-judged real article pairs): each case is two
# short articles whose first sentences state one fact, and a filler sentence on each side.
# Every sentence of such short articles is an opening, which the final score counts in
# favour of a link: the unlinked cases below show that it does not link a shared topic.
FILLER_L = "Separately, the city council approved a new budget for public parks."
FILLER_R = "In other news, a storm is expected to reach the coast by Friday evening."
KNOWN_MISS = pytest.mark.xfail(strict=True, reason="a known miss of the refined scorer")
# Linked before the reranker read them, which reads each as two different facts (logits -2
# and -3); on 36 judged article pairs it never saw, the reranker lifted recall 0.445 ->
# 0.470 at precision 0.841 -> 0.853, so these two are kept as its known misses.
RERANKED_MISS = pytest.mark.xfail(strict=True, reason="a known miss of the fact reranker")
LINKED_CASES = [
    pytest.param(
        "Senate Blocks Border Bill",
        "A border security bill failed in the Senate on Tuesday after Democrats withheld support.",
        id="headline against lead",
    ),
    pytest.param(
        "Governor Vetoes Abortion Limits",
        "The governor on Friday vetoed a bill that would have banned most abortions after six weeks.",
        id="headline against lead, other words",
    ),
    pytest.param(
        "Congressman Expected To Be Indicted",
        "Federal prosecutors plan to file criminal charges against Rep. Michael Grimm, his lawyer said.",
        id="headline against lead, no shared word",
    ),
    pytest.param(
        "Police arrested two men in connection with the shooting.",
        "Two men were taken into custody over the shooting, police said.",
        id="paraphrase",
    ),
    pytest.param(
        "The senator declined to chair the inquiry.",
        "The senator refuses to lead the investigation.",
        id="paraphrase, every content word changed",
    ),
    pytest.param(
        "The mayor resigned on Monday and the council named an interim replacement.",
        "The council named Deputy Mayor Ann Lee as interim mayor.",
        id="one sentence carries two facts",
    ),
    pytest.param(
        "Both firms have denied any wrongdoing.",
        "Acme said it had done nothing wrong, and a spokesman for Beta Corp called the "
        "allegations baseless.",
        id="one side summarises",
        marks=KNOWN_MISS,
    ),
    pytest.param(
        'She admitted she "went too far" in her remarks.',
        '"I went way too far," she said on Wednesday.',
        id="quote against its paraphrase",
    ),
    pytest.param(
        "He said he feels badly about what happened.",
        '"I feel very badly about what happened," he said.',
        id="reported speech against the quote",
    ),
    pytest.param(
        '"We will not back down. We will take this to the Supreme Court," the attorney general said.',
        'The attorney general said the state "will take this to the Supreme Court."',
        id="a quote split over two sentences",
    ),
    pytest.param(
        "The measure passed with 60 votes in the Senate.",
        "Sixty senators voted for the measure.",
        id="the same number written differently",
    ),
    # Kinds of the firm misses on the developers' 46 new judged article pairs (2026-12-07),
    # in wording written for these tests.
    pytest.param(
        "Ten Republicans joined every Democrat in voting to impeach the governor.",
        "The chamber voted 72-40 to impeach the governor, with 10 Republicans in favour.",
        id="a count and its breakdown",
    ),
    pytest.param(
        "It is unlikely that the 70-year-old former minister will actually go to prison.",
        "The former minister is not expected to spend any time behind bars.",
        id="an idiom against plain words",
        marks=RERANKED_MISS,
    ),
    pytest.param(
        "The rival exchange pulled out of the rescue deal on Wednesday.",
        "The announcement came a day after its rival walked away from a proposed takeover.",
        id="a phrasal verb against another",
    ),
    pytest.param(
        "Air samples taken in the town have shown normal levels, the agency said.",
        "An agency official said monitoring found the air was safe to breathe.",
        id="a finding against its meaning",
        marks=RERANKED_MISS,
    ),
    pytest.param(
        "The suspect was arrested at the scene.",
        "Police detained the gunman immediately after the shooting.",
        id="a role noun against another",
    ),
]
UNLINKED_CASES = [
    pytest.param(
        "The senator voted against the tax bill on Monday.",
        "The senator's daughter graduated from law school in May.",
        id="same actor, different facts",
    ),
    pytest.param(
        "Marijuana sales in Colorado rose 40 percent last year.",
        "Police in Nebraska arrested two men at a traffic stop on Sunday.",
        id="same topic, different facts",
    ),
    pytest.param(
        '"The economy is strong," the president said on Monday.',
        "The president said on Friday that he would veto the spending bill.",
        id="one person's two statements",
    ),
]


@pytest.mark.parametrize(("left", "right"), LINKED_CASES)
def test_refined_aligner_links_the_shared_fact(left: str, right: str) -> None:
    assert (0, 0) in _linked(f"{left}\n\n{FILLER_L}", f"{right}\n\n{FILLER_R}")


@pytest.mark.parametrize(("left", "right"), UNLINKED_CASES)
def test_refined_aligner_does_not_link_a_shared_topic(left: str, right: str) -> None:
    assert (0, 0) not in _linked(f"{left}\n\n{FILLER_L}", f"{right}\n\n{FILLER_R}")


def test_contradicting_statements_of_one_fact_link_with_a_claim_difference() -> None:
    left = _doc(f"Officials confirmed the messages were authentic.\n\n{FILLER_L}", "left")
    right = _doc(
        f"Officials could not confirm whether the messages were authentic.\n\n{FILLER_R}",
        "right",
    )
    links = align(left, right, contextual=contextual_encoder(), reranker=reranker())
    (link,) = [k for k in links if 0 in k.left]
    assert 0 in link.right
    assert [d.kind for d in link.differences if d.kind == "claim"] == ["claim"]


def test_refined_aligner_honours_pins_and_rejections() -> None:
    left = _doc(f"Police arrested two men over the shooting.\n\n{FILLER_L}", "left")
    right = _doc(f"Two men were taken into custody over the shooting.\n\n{FILLER_R}", "right")
    enc = contextual_encoder()
    rejected = align(left, right, rejected=[(0, 0)], contextual=enc)
    assert all(not (0 in k.left and 0 in k.right) for k in rejected)
    pinned = align(left, right, pinned=[(1, 1)], contextual=enc)
    assert any(k.left == (1,) and k.right == (1,) for k in pinned)


def test_encoding_reports_progress_and_can_be_stopped_between_batches() -> None:
    texts = [f"Sentence number {k} of a long article about the vote." for k in range(70)]
    seen: list[float] = []
    contextual_encoder().encode(texts, progress=seen.append)
    assert seen == sorted(seen) and seen[0] == 0.0 and len(seen) == 3  # batches of 32

    class Stop(Exception):
        pass

    def stop(fraction: float) -> None:
        if fraction > 0:
            raise Stop

    others = [t.replace("vote", "storm") for t in texts]  # the encoder keeps what it encoded
    with pytest.raises(Stop):
        contextual_encoder().encode(others, progress=stop)


def test_sentences_encoded_before_are_not_encoded_again() -> None:
    texts = [f"Sentence {k} of an article the journalist compares twice." for k in range(40)]
    encoder = contextual_encoder()
    first = encoder.encode(texts)
    seen: list[float] = []
    again = encoder.encode([*reversed(texts), "A new sentence."], progress=seen.append)
    assert seen == [0.0]  # one batch: only the new sentence
    assert np.array_equal(again.pooled[:40], first.pooled[::-1])
    assert all(
        np.array_equal(a, b) for a, b in zip(again.pieces[:40], first.pieces[::-1], strict=True)
    )
    assert np.array_equal(again.pooled[40], encoder.encode(["A new sentence."]).pooled[0])


@pytest.mark.parametrize("dense", [True, False])
def test_piece_cover_scores_every_pair_as_one_pair_alone(
    dense: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.core import facts as F

    rng = np.random.default_rng(0)

    def sentence(k: int) -> np.ndarray:
        x = rng.standard_normal((k, 8))
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float16)

    left = [sentence(int(rng.integers(1, 6))) for _ in range(7)] + [sentence(0)]
    right = [sentence(int(rng.integers(1, 6))) for _ in range(5)] + [sentence(0)]
    left_ids = [rng.integers(0, 50, len(x)) for x in left]
    right_ids = [rng.integers(0, 50, len(x)) for x in right]
    idf = rng.random(50) + 1
    pairs = [(i, j) for i in range(8) for j in range(6) if (i + j) % 4 or dense]
    li = np.array([i for i, _ in pairs])
    rj = np.array([j for _, j in pairs])
    monkeypatch.setattr(F, "DENSE_SHARE", 0.5 if dense else 2.0)
    lo, hi = F.piece_cover(left, left_ids, right, right_ids, idf, li, rj)
    for p, (i, j) in enumerate(pairs):
        if not len(left[i]) or not len(right[j]):
            assert lo[p] == hi[p] == 0
            continue
        s = left[i].astype(np.float64) @ right[j].astype(np.float64).T
        wa, wb = idf[left_ids[i]], idf[right_ids[j]]
        one = (s.max(1) * wa).sum() / wa.sum()
        other = (s.max(0) * wb).sum() / wb.sum()
        assert lo[p] == pytest.approx(min(one, other), abs=1e-5)
        assert hi[p] == pytest.approx(max(one, other), abs=1e-5)
