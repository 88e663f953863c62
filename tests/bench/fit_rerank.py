"""Fit the reranked score of a sentence pair: the final score plus the cross-encoder.

Run by hand (pytest does not collect it)::

    python tests/bench/fit_rerank.py GOLD.json [GOLD.json ...] [--reranker DIR] [--precision 0.8]

GOLD files are as ``fit_facts.py`` describes (real article pairs, hand-judged sentence
links; kept outside this repository). For every article pair it computes what the aligner
computes: the refined and the final score of every sentence pair (the shipped weights);
the pairs the aligner lets the reranker read (final score at least ``RERANK_FLOOR``, among
each sentence's ``RERANK_TOP`` best) are the candidates, and the
cross-encoder (``parallax.core.rerank``, ``--reranker`` for another model folder) gives
each a logit. Then:

1. ``RERANK_WEIGHTS`` / ``RERANK_BIAS``: a logistic regression of the judged label on
   ``parallax.core.facts.RERANK_FEATURES`` over every candidate of all the article pairs;
2. the figures at the shipped thresholds (``FINAL_*`` for the final score, ``RERANK_*``
   for the reranked one) and the thresholds with the highest recall at precision
   ``--precision``, each article pair scored by weights fitted *without it* (leave one
   pair out), against the final score alone on the same pairs (unjudged pairs count as
   wrong). The aligner's own rules (headline and rare-figure seeds) are left out here:
   ``heldout_links.py`` measures the whole aligner.

Fit it on article pairs the cross-encoder was not trained on, or its logits are better
than on unseen news.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core import facts as F  # noqa: E402
from parallax.core.align.refined import _plausible  # noqa: E402
from parallax.core.rerank import reranker  # noqa: E402
from tests.bench.fit_align import fit_logistic, sigmoid  # noqa: E402
from tests.bench.fit_facts import fact_counts, pair_detail, prf  # noqa: E402
from tests.bench.fit_final import best_setting  # noqa: E402


class Pair:
    """One judged article pair: final scores, labels, candidates and their features."""

    def __init__(self, source: str, pair: dict, model: Path | None) -> None:
        x, marks, lsent, rsent = pair_detail(pair)
        self.source = source
        self.y = (marks > 0).astype(float)
        refined = F.logistic(x).reshape(self.y.shape)
        self.final = F.rescored(refined)
        self.li, self.rj = _plausible(self.final)  # what the aligner lets it read
        texts = [(lsent[i], rsent[j]) for i, j in zip(self.li, self.rj, strict=True)]
        self.cross = reranker(model).logits(texts)
        self.features = F.rerank_features(self.final[self.li, self.rj], self.cross)
        self.labels = self.y[self.li, self.rj]

    def scored(self, w: np.ndarray, b: float) -> np.ndarray:
        out = self.final.copy()
        out[self.li, self.rj] = sigmoid(self.features @ w + b)
        return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--reranker", type=Path, help="another minilm-reranker folder")
    ap.add_argument("--precision", type=float, default=0.8)
    ap.add_argument("--l2", type=float, default=1e-3)
    args = ap.parse_args(argv)
    pairs = [
        Pair(path.stem, pair, args.reranker)
        for path in args.gold
        for pair in json.loads(path.read_text(encoding="utf-8"))["pairs"]
    ]
    gold = sum(int(p.y.sum()) for p in pairs)
    cands = sum(len(p.li) for p in pairs)
    caught = sum(int(p.labels.sum()) for p in pairs)
    print(f"{len(pairs)} article pairs, {gold} judged correct; {cands} candidates "
          f"hold {caught} of them")  # fmt: skip
    everyone = range(len(pairs))

    def fit(idx: list[int]) -> tuple[np.ndarray, float]:
        x = np.vstack([pairs[k].features for k in idx])
        y = np.concatenate([pairs[k].labels for k in idx])
        return fit_logistic(x, y, args.l2)

    w, b = fit(list(everyone))
    print("RERANK_WEIGHTS: Final = (" + ", ".join(f"{v:.3f}" for v in w) + ")")
    print(f"RERANK_BIAS: Final = {b:.3f}")
    held = []
    for k in everyone:
        wk, bk = fit([q for q in everyone if q != k])
        held.append(pairs[k].scored(wk, bk))
    final = [p.final for p in pairs]
    shipped = {
        "final": (F.FINAL_SEED, F.FINAL_MEAN, F.FINAL_MIN),
        "reranked (held out)": (F.RERANK_SEED, F.RERANK_MEAN, F.RERANK_MIN),
    }
    for name, scores in (("final", final), ("reranked (held out)", held)):
        c = [fact_counts(s, p.y, *shipped[name]) for s, p in zip(scores, pairs, strict=True)]
        p, r, f = prf(c)
        print(f"{name:22s} at {shipped[name]}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        top = best_setting(scores, pairs, args.precision)
        if top is None:
            print(f"{name:22s} no setting reaches precision {args.precision}")
        else:
            print(f"{name:22s} best at P >= {args.precision}: {top[3]}: "
                  f"P {top[0]:.3f} R {top[1]:.3f} F1 {top[2]:.3f}")  # fmt: skip
            for stem in dict.fromkeys(q.source for q in pairs):
                idx = [k for k, q in enumerate(pairs) if q.source == stem]
                c = [fact_counts(scores[k], pairs[k].y, *top[3]) for k in idx]
                p, r, f = prf(c)
                print(f"      {stem:20s} P {p:.3f} R {r:.3f} F1 {f:.3f} ({len(idx)} pairs)")
    # How well each score alone ranks the candidates (average precision).
    for name, col in (("final logit", 0), ("cross logit", 1)):
        x = np.concatenate([p.features[:, col] for p in pairs])
        y = np.concatenate([p.labels for p in pairs])
        order = np.argsort(-x)
        hits = np.cumsum(y[order])
        ap_ = float((hits / np.arange(1, len(y) + 1))[y[order] == 1].sum() / max(y.sum(), 1))
        print(f"average precision over candidates, {name}: {ap_:.3f}")


if __name__ == "__main__":
    main()
