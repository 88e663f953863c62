"""The fact reranker: the shipped cross-encoder, its cache, and its place in the aligner."""

from __future__ import annotations

import numpy as np

from parallax.core import facts as F
from parallax.core.align import align
from parallax.core.contextual import contextual_encoder
from parallax.core.ingest import read_text
from parallax.core.pipeline import prepare
from parallax.core.rerank import Reranker, default_model_dir, reranker


def test_the_shipped_reranker_is_loaded_once_per_process() -> None:
    assert reranker() is reranker()
    assert (default_model_dir() / "model.onnx").is_file()


def test_a_paraphrase_of_one_fact_outscores_a_sentence_on_the_same_topic() -> None:
    # Wording of the kinds real coverage of one event uses (written for this test).
    fact = "The Senate rejected the background-check amendment 54-46 on Wednesday."
    got = reranker().logits(
        [
            (fact, "Senators voted down the plan to expand background checks, 54 to 46."),
            (fact, "The amendment was drafted by two senators after months of talks."),
            (fact, "A storm is expected to reach the coast by Friday evening."),
        ]
    )
    assert got[0] > 0 > got[1] > got[2]


def test_logits_are_kept_for_the_next_comparison_and_progress_is_reported() -> None:
    model = Reranker(default_model_dir())
    pairs = [("Two men were arrested.", f"Police detained {n} suspects.") for n in range(40)]
    seen: list[float] = []
    first = model.logits(pairs, progress=seen.append)
    assert seen[0] == 0.0 and len(seen) == 2  # two batches of at most 32
    calls = []
    run = model.session.run
    model.session.run = lambda *a, **k: calls.append(1) or run(*a, **k)
    again = model.logits(list(reversed(pairs)))
    assert not calls
    assert np.array_equal(again, first[::-1])
    assert model.logits([]).shape == (0,)


def test_the_reranker_moves_a_links_score_and_keeps_the_sample_facts() -> None:
    left = prepare(read_text("Police arrested two men in connection with the shooting.", name="l"))
    right = prepare(read_text("Two men were taken into custody over the shooting.", name="r"))
    plain = align(left, right, contextual=contextual_encoder())
    reread = align(left, right, contextual=contextual_encoder(), reranker=reranker())
    assert (
        [(k.left, k.right) for k in plain] == [(k.left, k.right) for k in reread] == [((0,), (0,))]
    )
    assert reread[0].score != plain[0].score


def test_link_scores_follow_the_cross_encoder() -> None:
    refined = np.array([0.5, 0.5, 0.9])
    moved = F.link_scores(refined, np.array([3.0, -3.0, 0.0]))
    assert moved[0] > 0.5 > moved[1]
    assert np.isclose(moved[2], 0.9)
