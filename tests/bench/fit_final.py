"""Fit the final score of a sentence pair (the refined score plus priors of news writing).

Run by hand (pytest does not collect it)::

    python tests/bench/fit_final.py GOLD.json [GOLD.json ...] [--precision 0.8]

GOLD files are as ``fit_facts.py`` describes (real article pairs, hand-judged sentence
links; kept outside this repository). Fit it on article pairs the refined model
(``FACTS.WEIGHTS``, the fine-tuned encoder) was *not* fitted on, or its scores are better
than on unseen news and the fit leans on them too much. For every article pair it computes
what the aligner computes: the refined score of every sentence pair and
``parallax.core.facts.FINAL_FEATURES`` (the refined logit, whether both sentences open
their articles, how far apart they sit). Then:

1. ``FINAL_WEIGHTS`` / ``FINAL_BIAS``: a logistic regression of the judged label on them
   over every scored pair of all the article pairs;
2. ``FINAL_SEED`` / ``FINAL_MEAN`` / ``FINAL_MIN``: the fact thresholds with the highest
   recall at precision ``--precision``, each article pair scored by weights fitted
   *without it* (leave one pair out);
3. the figures of the refined score alone at its own thresholds (``FACT_*``), and at the
   best setting for it, against the final score, per file and over all (unjudged pairs
   count as wrong).

``--model`` and ``--cross-fit MODEL_A MODEL_B --fold-a ID...`` choose the encoder as in
``fit_facts.py`` (each pair scored by an encoder fine-tuned without it). ``--refit`` also
fits the refined weights on these pairs, without each held-out pair (nested: for each pair
left out, the refined weights and then the final ones are fitted on the others), for an
encoder whose ``FACTS.WEIGHTS`` are not fitted yet; the figures stay those of unseen pairs.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core import facts as F  # noqa: E402
from tests.bench import fit_facts  # noqa: E402
from tests.bench.fit_align import fit_logistic, sigmoid  # noqa: E402
from tests.bench.fit_facts import fact_counts, load_pairs, prf  # noqa: E402

GRID_SEED = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)
GRID_MEAN = (0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)
GRID_FLOOR = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5)


class Pair:
    """One judged article pair: its refined scores, labels and final features."""

    def __init__(
        self, source: str, x: np.ndarray, y: np.ndarray, refined: np.ndarray | None = None
    ):
        self.source = source
        self.x = x
        self.y = y
        self.refined = F.logistic(x).reshape(y.shape) if refined is None else refined
        self.li, self.rj = np.nonzero(self.refined > 0)
        self.features = F.final_features(self.refined, self.li, self.rj)
        self.labels = y[self.li, self.rj]

    def final(self, w: np.ndarray, b: float) -> np.ndarray:
        out = self.refined.copy()
        out[self.li, self.rj] = sigmoid(self.features @ w + b)
        return out


def counts(scores: list[np.ndarray], pairs: list[Pair], setting: tuple[float, float, float]):
    return [fact_counts(s, p.y, *setting) for s, p in zip(scores, pairs, strict=True)]


def best_setting(scores: list[np.ndarray], pairs: list[Pair], precision: float):
    best = None
    for setting in itertools.product(GRID_SEED, GRID_MEAN, GRID_FLOOR):
        if setting[2] > setting[1]:
            continue
        p, r, f = prf(counts(scores, pairs, setting))
        if p >= precision and (best is None or r > best[1]):
            best = (p, r, f, setting)
    return best


def report(name: str, scores: list[np.ndarray], pairs: list[Pair], setting) -> None:
    p, r, f = prf(counts(scores, pairs, setting))
    print(f"  {name:30s} at {setting}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for stem in dict.fromkeys(q.source for q in pairs):
        idx = [k for k, q in enumerate(pairs) if q.source == stem]
        p, r, f = prf(counts([scores[k] for k in idx], [pairs[k] for k in idx], setting))
        print(f"      {stem:26s} P {p:.3f} R {r:.3f} F1 {f:.3f} ({len(idx)} pairs)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--precision", type=float, default=0.8)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--model", type=Path, help="another minilm-onnx folder to score with")
    ap.add_argument("--cross-fit", nargs=2, type=Path, metavar=("MODEL_A", "MODEL_B"))
    ap.add_argument("--fold-a", nargs="*", default=[], help="article pair ids (FILE-STEM:K)")
    ap.add_argument(
        "--refit",
        action="store_true",
        help="fit the refined weights too, on these pairs, each held-out pair left out",
    )
    args = ap.parse_args(argv)
    fit_facts.MODEL_DIR = args.model
    if args.cross_fit:
        fit_facts.CROSS = (args.cross_fit[0], args.cross_fit[1], frozenset(args.fold_a))
    pairs = []
    for path in args.gold:
        pairs += [Pair(path.stem, x, y) for x, y in load_pairs([str(path)])]
    print(f"{len(pairs)} article pairs, {sum(int(p.y.sum()) for p in pairs)} judged correct")

    def fit(idx: list[int]) -> tuple[np.ndarray, float]:
        x = np.vstack([pairs[k].features for k in idx])
        y = np.concatenate([pairs[k].labels for k in idx])
        return fit_logistic(x, y, args.l2)

    def refit(idx: list[int]) -> list[Pair]:
        """The pairs scored by refined weights fitted on ``idx`` (fit_facts' l2)."""
        x = np.vstack([pairs[k].x for k in idx])
        y = np.concatenate([pairs[k].y.reshape(-1) for k in idx])
        w, b = fit_logistic(x, y, 1e-4)
        return [Pair(p.source, p.x, p.y, sigmoid(p.x @ w + b).reshape(p.y.shape)) for p in pairs]

    everyone = list(range(len(pairs)))
    held = []
    if args.refit:
        x = np.vstack([p.x for p in pairs])
        w, b = fit_logistic(x, np.concatenate([p.y.reshape(-1) for p in pairs]), 1e-4)
        print("WEIGHTS: Final = (" + ", ".join(f"{v:.3f}" for v in w) + ")")
        print(f"BIAS: Final = {b:.3f}")
        for k in everyone:
            others = [q for q in everyone if q != k]
            scored = refit(others)
            wk, bk = fit_logistic(
                np.vstack([scored[q].features for q in others]),
                np.concatenate([scored[q].labels for q in others]),
                args.l2,
            )
            held.append(scored[k].final(wk, bk))
        pairs = refit(everyone)
    w, b = fit(everyone)
    print("FINAL_WEIGHTS: Final = (" + ", ".join(f"{v:.3f}" for v in w) + ")")
    print(f"FINAL_BIAS: Final = {b:.3f}")
    if not args.refit:
        for k, p in enumerate(pairs):
            wk, bk = fit([q for q in everyone if q != k])
            held.append(p.final(wk, bk))
    refined = [p.refined for p in pairs]
    if args.refit:
        print("(refined alone: weights fitted on all these pairs, so in-sample)")
    print("shipped thresholds:")
    report("refined alone", refined, pairs, (F.FACT_SEED, F.FACT_MEAN, F.FACT_MIN))
    report("final (held out)", held, pairs, (F.FINAL_SEED, F.FINAL_MEAN, F.FINAL_MIN))
    for name, scores in (("refined alone", refined), ("final (held out)", held)):
        best = best_setting(scores, pairs, args.precision)
        if best is None:
            print(f"{name}: no setting reaches precision {args.precision}")
            continue
        print(f"{name}: best recall at P >= {args.precision}:")
        report(name, scores, pairs, best[3])
        if name.startswith("final"):
            seed, mean, floor = best[3]
            print(f"FINAL_SEED: Final = {seed}\nFINAL_MEAN: Final = {mean}\n"
                  f"FINAL_MIN: Final = {floor}")  # fmt: skip


if __name__ == "__main__":
    main()
