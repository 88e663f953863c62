"""Fit the aligner's score model and thresholds on the *calib* halves of held-out data.

Run by hand (pytest does not collect it)::

    python tests/bench/fit_align.py [--cache DIR] [--chunk 40] [--link-gold 3.0]

It prints the constants to paste into ``desktop/parallax/core/align/constants.py`` (``WEIGHTS``,
``BIAS``, ``LINK_THRESHOLD``, ``PARAPHRASE_THRESHOLD``, ``MUTUAL_FLOOR``,
``HEADLINE_THRESHOLD``) and how the fitted
model does on the *eval* halves, which the fit never sees. ``heldout_align.py`` then
measures the aligner with those constants on the eval halves and on article pairs.

What is fitted, and on what:

1. **Score model.** A logistic regression (Newton's method in NumPy, a tiny L2 penalty)
   over the aligner's own pair signals (``align.FEATURES``, computed by the aligner's own
   code) on the news genre of the STS benchmark, calib half (``heldout_align.half``: a
   hash of the pair's text). A pair is a link when its gold grade is >= 3.0, "roughly
   equivalent, but some important information differs or is missing" in the STS
   guidelines: that is what a ``partial`` link claims. The signals are computed with the
   pair inside a context of ``--chunk`` other pairs (left sentences against right
   sentences), so that the IDF weights vary as they do inside an article pair rather than
   being flat as for a lone pair. The score is then a calibrated probability that a pair
   reports at least roughly the same fact; the reliability table below checks it.
2. ``LINK_THRESHOLD``: the score with the best F1 for that label on the calib half.
3. ``PARAPHRASE_THRESHOLD``: the score with the best F1 for "gold >= 4.0" (mostly
   equivalent) on the calib half: above it a link reads as the same fact in other words.
4. ``MUTUAL_FLOOR``: inside an article pair, sentences still free after the first pass
   link in score order (competitive linking) down to this score. Chosen on article pairs
   that report *different* events (DUC 2003 summaries of different clusters, calib half
   of the pairs, and seeded random pairs of the Lee corpus's background stories, calib
   half), where every link is false: the 99th percentile of the best pair competitive
   linking would take there with no floor, rounded up to 0.05, and never below the
   highest such score in the DUC set.
5. ``HEADLINE_THRESHOLD``: two headlines link down to this score. Fitted on the ROUGE
   "SL2003" headline summaries (four writers each put the same 25 news stories in one
   line; pairs by different writers of one story are positive, of different stories
   negative), calib half, scored in contexts of ``--chunk`` pairs with the fitted model:
   the score with the best F1. A headline says in a few words what a sentence says at
   length, so it shares fewer words with the other outlet's headline than two sentences
   reporting one fact do.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import math
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core import align as A  # noqa: E402
from parallax.core.align.scoring import _Scorer  # noqa: E402
from tests.bench.heldout_align import (  # noqa: E402
    best_f1_threshold,
    half,
    prepared,
    prf,
    roc_auc,
)
from tests.bench.heldout_data import (  # noqa: E402
    DEFAULT_CACHE,
    article_pairs,
    headline_pairs,
    lee_news_stories,
    sts_benchmark,
)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> tuple[np.ndarray, float]:
    """Weights and bias maximising the L2-penalised log-likelihood (Newton's method)."""
    n, d = x.shape
    x1 = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    penalty = l2 * n * np.diag([*([1.0] * d), 0.0])  # the bias is not penalised
    for _ in range(100):
        p = sigmoid(x1 @ beta)
        grad = x1.T @ (p - y) + penalty @ beta
        hess = (x1 * (p * (1 - p))[:, None]).T @ x1 + penalty
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta[:-1], float(beta[-1])


def in_context_features(pairs: list[tuple[str, str]], chunk: int) -> np.ndarray:
    """The aligner's features of each pair, computed with ``chunk`` pairs as the context."""
    rows = []
    for k in range(0, len(pairs), chunk):
        part = pairs[k : k + chunk]
        scorer = _Scorer([a for a, _ in part], [b for _, b in part], None)
        idx = np.arange(len(part))
        cos = np.einsum("ij,ij->i", scorer.el, scorer.er).astype(np.float64)
        rows.append(scorer.features(idx, idx, cos))
    return np.vstack(rows)


def order_key(a: str, b: str) -> bytes:
    return hashlib.blake2b(f"{a}\t{b}".encode(), digest_size=8).digest()


def competitive_scores(left_sents: list[str], right_sents: list[str]) -> list[float]:
    """Scores of the pairs competitive linking takes with no floor at all: in score order,
    pairs of still-free sentences that each had a rival candidate (as ``align`` does)."""
    if not left_sents or not right_sents:
        return []
    scorer = _Scorer(left_sents, right_sents, None)
    scored = sorted(
        scorer.score_many(scorer.candidates(A.TOP_K)), key=lambda p: (-p.score, p.left, p.right)
    )
    n_l = Counter(p.left for p in scored)
    n_r = Counter(p.right for p in scored)
    taken_l: set[int] = set()
    taken_r: set[int] = set()
    out = []
    for p in scored:
        if p.left in taken_l or p.right in taken_r or n_l[p.left] < 2 or n_r[p.right] < 2:
            continue
        taken_l.add(p.left)
        taken_r.add(p.right)
        out.append(p.score)
    return out


def reliability(scores: np.ndarray, labels: np.ndarray, bins: int = 5) -> str:
    edges = np.linspace(0, 1, bins + 1)
    cells = []
    for lo, hi in itertools.pairwise(edges):
        m = (scores >= lo) & ((scores < hi) if hi < 1 else (scores <= hi))
        cells.append(
            f"{lo:.1f}-{hi:.1f}: {labels[m].mean():.2f} (n={int(m.sum())})" if m.any() else "-"
        )
    return "; ".join(cells)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--chunk", type=int, default=40)
    ap.add_argument("--link-gold", type=float, default=3.0)
    ap.add_argument("--paraphrase-gold", type=float, default=4.0)
    ap.add_argument("--random-pairs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    news = [p for p in sts_benchmark(args.cache) if p[3].startswith("main-news/")]
    news.sort(key=lambda p: order_key(p[0], p[1]))  # contexts mix the three news sources
    halves = {"calib": [p for p in news if half(p[0], p[1]) == "calib"]}
    halves["eval"] = [p for p in news if half(p[0], p[1]) == "eval"]
    feats = {
        h: in_context_features([(a, b) for a, b, _, _ in ps], args.chunk)
        for h, ps in halves.items()
    }
    gold = {h: np.array([g for _, _, g, _ in ps]) for h, ps in halves.items()}
    print(f"STS news: calib {len(halves['calib'])} pairs, eval {len(halves['eval'])} pairs")
    print(f"features: {A.FEATURES}")

    y = (gold["calib"] >= args.link_gold).astype(float)
    weights, bias = fit_logistic(feats["calib"], y)
    score = {h: sigmoid(feats[h] @ weights + bias) for h in halves}

    link_t, link_f = best_f1_threshold(score["calib"].tolist(), y.astype(int).tolist())
    para_y = (gold["calib"] >= args.paraphrase_gold).astype(int).tolist()
    para_t, para_f = best_f1_threshold(score["calib"].tolist(), para_y)
    print(f"\nfit on calib (link = gold >= {args.link_gold}): positives {int(y.sum())}/{len(y)}")
    print(f"  LINK_THRESHOLD {link_t:.3f} (calib F1 {link_f:.3f})")
    print(
        f"  PARAPHRASE_THRESHOLD {para_t:.3f} (calib F1 {para_f:.3f} for gold >= {args.paraphrase_gold})"
    )

    print("\neval half (never seen by the fit):")
    for label_gold in (args.link_gold, 3.5, args.paraphrase_gold):
        ye = (gold["eval"] >= label_gold).astype(int)
        t = para_t if label_gold == args.paraphrase_gold else link_t
        p, r, f = prf((score["eval"] >= t).tolist(), ye.tolist())
        print(
            f"  gold >= {label_gold}: AUC {roc_auc(score['eval'].tolist(), ye.tolist()):.3f},"
            f" score >= {t:.2f}: P/R/F1 {p:.3f}/{r:.3f}/{f:.3f}"
        )
    ye = (gold["eval"] >= args.link_gold).astype(float)
    brier = float(np.mean((score["eval"] - ye) ** 2))
    print(
        f"  Brier score {brier:.3f} (a constant at the base rate: {float(ye.mean() * (1 - ye.mean())):.3f})"
    )
    print(f"  reliability (share of links per score band): {reliability(score['eval'], ye)}")

    # Article pairs on different events: every link there is false.
    duc_calib = [
        (lt.split("\n"), rt.split("\n"))
        for lt, rt, same, tag in article_pairs(args.cache)
        if not same and half(tag, "duc") == "calib"
    ]
    stories = lee_news_stories(args.cache)[:300]
    rng = random.Random(args.seed)
    picks: set[tuple[int, int]] = set()
    while len(picks) < args.random_pairs:
        i, j = sorted(rng.sample(range(len(stories)), 2))
        if half(stories[i], stories[j]) == "calib":
            picks.add((i, j))
    docs = {i: prepared(stories[i]) for p in picks for i in p}
    lee = [
        ([s.text for s in docs[i].sentences], [s.text for s in docs[j].sentences])
        for i, j in sorted(picks)
    ]
    best_duc = [max(competitive_scores(a, b), default=0.0) for a, b in duc_calib]
    best_lee = [max(competitive_scores(a, b), default=0.0) for a, b in lee]
    together = np.array(best_duc + best_lee)
    q99 = float(np.quantile(together, 0.99))
    floor = max(math.ceil(q99 * 20) / 20, math.ceil(max(best_duc) * 20) / 20)
    print(
        f"\nbest competitive pair on different events: DUC calib ({len(best_duc)} pairs) max"
        f" {max(best_duc):.3f}; Lee random calib ({len(best_lee)} pairs) max {max(best_lee):.3f},"
        f" 99th percentile of both {q99:.3f}"
    )
    print(f"  MUTUAL_FLOOR {floor:.2f}")

    # Headlines of one story by different writers against headlines of different stories,
    # scored in context with the model just fitted.
    heads = sorted(headline_pairs(args.cache), key=lambda p: order_key(p[0], p[1]))
    by_half = {h: [p for p in heads if half(p[0], p[1]) == h] for h in ("calib", "eval")}
    head_scores = {
        h: sigmoid(in_context_features([(a, b) for a, b, _ in ps], args.chunk) @ weights + bias)
        for h, ps in by_half.items()
    }
    head_y = {h: [y for _, _, y in ps] for h, ps in by_half.items()}
    head_t, head_f = best_f1_threshold(head_scores["calib"].tolist(), head_y["calib"])
    p, r, f = prf((head_scores["eval"] >= head_t).tolist(), head_y["eval"])
    p0, r0, f0 = prf((head_scores["eval"] >= link_t).tolist(), head_y["eval"])
    print(
        f"\nSL2003 headline pairs: calib {len(by_half['calib'])}, eval {len(by_half['eval'])}"
        f"\n  HEADLINE_THRESHOLD {head_t:.3f} (calib F1 {head_f:.3f});"
        f" eval P/R/F1 {p:.3f}/{r:.3f}/{f:.3f} (at LINK_THRESHOLD: {p0:.3f}/{r0:.3f}/{f0:.3f})"
    )

    w = ", ".join(f"{x:.3f}" for x in weights)
    print("\n# paste into desktop/parallax/core/align/constants.py")
    print(f"WEIGHTS: Final = ({w})")
    print(f"BIAS: Final = {bias:.3f}")
    print(f"LINK_THRESHOLD: Final = {link_t:.2f}")
    print(f"PARAPHRASE_THRESHOLD: Final = {para_t:.2f}")
    print(f"MUTUAL_FLOOR: Final = {floor:.2f}")
    print(f"HEADLINE_THRESHOLD: Final = {head_t:.2f}")


if __name__ == "__main__":
    main()
