"""Paraphrase pairs through the public API: does a link's score tell a paraphrase apart?

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_paraphrase.py [--positive 3.5] [--limit N]

The MSR paraphrase corpus's news sentence pairs as the STS benchmark grades them
(``MSRpar``, 0-5), its *dev* and *test* splits only: the fact reranker is trained on the
benchmark's train split, so these pairs are held out from every fit. Each pair goes through
``parallax.compare_texts`` as two one-sentence articles (the refined links, as the command
line and the API give them); its score is the best link's score, 0 when nothing is linked.
It prints ROC-AUC against "graded at least ``--positive``", Spearman's rho against the
grade, and the same for rapidfuzz's ``token_sort_ratio`` and ``token_set_ratio`` on the
same pairs, in the same run.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from rapidfuzz import fuzz  # noqa: E402

from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.pipeline import link  # noqa: E402
from tests.bench.heldout_data import sts_benchmark  # noqa: E402


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    s, y = np.asarray(scores, dtype=float), np.asarray(labels, dtype=bool)
    ranks = np.empty(len(s))
    order = np.argsort(s, kind="stable")
    ranks[order] = np.arange(1, len(s) + 1)
    for v in np.unique(s):  # average ranks of ties
        ranks[s == v] = ranks[s == v].mean()
    pos, neg = y.sum(), (~y).sum()
    return float((ranks[y].sum() - pos * (pos + 1) / 2) / (pos * neg))


def spearman(a: list[float], b: list[float]) -> float:
    ra = np.argsort(np.argsort(a)).astype(float)
    rb = np.argsort(np.argsort(b)).astype(float)
    return float(np.corrcoef(ra, rb)[0, 1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--positive", type=float, default=3.5)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    pairs = [
        (a, b, g)
        for a, b, g, src in sts_benchmark()
        if "/MSRpar/" in src and not src.endswith("/train")
    ]
    if args.limit:
        pairs = random.Random(0).sample(pairs, min(args.limit, len(pairs)))
    labels = [int(g >= args.positive) for _, _, g in pairs]
    print(f"MSRpar dev + test: {len(pairs)} pairs, {sum(labels)} graded >= {args.positive}")
    start = time.perf_counter()
    ours = []
    for a, b, _ in pairs:
        c = link(read_text(a, name="left"), read_text(b, name="right"))
        ours.append(max((k.score for k in c.links), default=0.0))
    took = time.perf_counter() - start
    systems = {
        "parallax (compare_texts)": ours,
        "token_sort_ratio": [fuzz.token_sort_ratio(a, b) for a, b, _ in pairs],
        "token_set_ratio": [fuzz.token_set_ratio(a, b) for a, b, _ in pairs],
    }
    grades = [g for _, _, g in pairs]
    for name, scores in systems.items():
        print(f"{name:26s} ROC-AUC {roc_auc(scores, labels):.3f}   "
              f"Spearman {spearman(scores, grades):.3f}")  # fmt: skip
    print(f"({took / len(pairs) * 1000:.0f} ms a pair through the API)")


if __name__ == "__main__":
    main()
