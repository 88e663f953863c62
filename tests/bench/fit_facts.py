"""Fit the refined fact scorer on hand-judged sentence links of real article pairs.

Run by hand (pytest does not collect it)::

    python tests/bench/fit_facts.py GOLD.json [GOLD.json ...] [--eval GOLD.json ...]
        [--precision 0.8] [--l2 0.01]

Each GOLD file holds real article pairs, two outlets on one event, with hand-judged
sentence links, in the shape of the developers' dev set: ``{"pairs": [{"left": {"text"},
"right": {"text"}, "links": [{"left": [start, end], "right": [start, end], "label":
"correct" | "wrong" | "borderline"}]}]}``, spans into each text. Such texts are copyrighted
news: they are read from wherever the developers keep them (never from this repository).

What it does:

1. Every article goes through Parallax's own ingest, repair and sentence split; every
   sentence pair of each article pair gets the refined signals
   (``parallax.core.facts.FEATURES``, computed by the aligner's own code). A pair is
   positive when a judge marked it correct. Gold was made by pooling systems' links,
   judging them blind and then reading each pair whole and adding the links nobody found,
   so a pair nobody judged is taken as negative.
2. A logistic regression (``fit_align.fit_logistic``) on all pairs of the fitting files.
3. The fact thresholds (``FACT_SEED``, ``FACT_MEAN``, ``FACT_MIN``) on a grid: the
   setting with the highest recall whose precision (unjudged pairs counted as wrong) is at
   least ``--precision`` when each article pair is scored by a model fitted *without it*
   (leave one pair out), so the thresholds are chosen on scores the model never saw.

It prints the constants for ``desktop/parallax/core/facts.py``, the leave-one-pair-out
figures, and the figures on the ``--eval`` files with the model fitted on all the others.

The shipped encoder is fine-tuned on the same judged pairs (``data/models/
finetune_transformer.py``), so its signals on them are better than on news it never saw.
``--cross-fit MODEL_A MODEL_B --fold-a ID...`` computes each pair's signals with an encoder
fine-tuned *without* that pair (model A on fold A, model B on the rest, each scoring the
other's pairs): the weights, thresholds and figures are then those of unseen news.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core import align as A  # noqa: E402
from parallax.core import facts as F  # noqa: E402
from parallax.core.align.scoring import _Scorer  # noqa: E402
from parallax.core.contextual import contextual_encoder  # noqa: E402
from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.pipeline import prepare  # noqa: E402
from tests.bench.fit_align import fit_logistic, sigmoid  # noqa: E402

#: The contextual model to compute the signals with (``--model``; default: the shipped one).
MODEL_DIR: Path | None = None
GRID_SEED = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7)
GRID_MEAN = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6)
GRID_FLOOR = (0.05, 0.1, 0.2, 0.3)


def _unit(sentences: list, span: list[int]) -> int | None:
    """The sentence overlapping a judged span most (as the dev scorer maps spans)."""
    best, overlap = None, 0
    for s in sentences:
        o = min(s.end, span[1]) - max(s.start, span[0])
        if o > overlap:
            best, overlap = s.index, o
    return best


def pair_matrix(pair: dict) -> tuple[np.ndarray, np.ndarray]:
    """Refined features of every linkable sentence pair (rows: left-major) and labels
    (1 judged correct, 0 otherwise) of one article pair."""
    x, marks, _, _ = pair_detail(pair)
    return x, (marks > 0).astype(float)


#: Judgements of a sentence pair in :func:`pair_detail`'s marks.
CORRECT, BORDERLINE, WRONG = 1, 2, -1


def pair_detail(pair: dict) -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """:func:`pair_matrix`'s features, each sentence pair's judgement (:data:`CORRECT`,
    :data:`BORDERLINE` for a correct link flagged borderline, :data:`WRONG`, 0 unjudged; a
    pair judged correct by any link is correct, and borderline only if every such link is),
    and the linkable sentences of each side."""
    left = prepare(read_text(pair["left"]["text"], name="left"))
    right = prepare(read_text(pair["right"]["text"], name="right"))
    lsent = [s for s in left.sentences if s.role != "repeat"]
    rsent = [s for s in right.sentences if s.role != "repeat"]
    scorer = _Scorer([s.text for s in lsent], [s.text for s in rsent], None)
    encoded = contextual_encoder(MODEL_DIR).encode(list(scorer.texts))
    n, m = len(lsent), len(rsent)
    li = np.repeat(np.arange(n, dtype=np.int64), m)
    rj = np.tile(np.arange(m, dtype=np.int64), n)
    head = (
        np.array([s.role == "headline" for s in lsent])[li]
        | np.array([s.role == "headline" for s in rsent])[rj]
    )
    lpos = {s.index: k for k, s in enumerate(lsent)}
    rpos = {s.index: k for k, s in enumerate(rsent)}
    static = np.zeros((n, m), dtype=bool)
    for link in A.align(left, right):  # the static pass, as the refined one sees it
        for i in link.left:
            for j in link.right:
                if i in lpos and j in rpos:
                    static[lpos[i], rpos[j]] = True
    x = A.refined_features(scorer, encoded, li, rj, head, static[li, rj])
    marks = np.zeros((n, m), dtype=np.int8)
    for link in pair.get("links", []):
        i, j = _unit(left.sentences, link["left"]), _unit(right.sentences, link["right"])
        if i not in lpos or j not in rpos:
            continue
        at = (lpos[i], rpos[j])
        if link["label"] == "correct":
            mark = BORDERLINE if link.get("borderline") else CORRECT
            marks[at] = CORRECT if CORRECT in (marks[at], mark) else mark
        elif link["label"] == "wrong" and marks[at] == 0:
            marks[at] = WRONG
    return x, marks, [s.text for s in lsent], [s.text for s in rsent]


def fact_counts(
    scores: np.ndarray, y: np.ndarray, seed: float, mean: float, floor: float
) -> tuple[int, int, int]:
    """(true positives, predicted pairs, gold pairs) of the facts grouped from ``scores``."""
    pred = np.zeros_like(y, dtype=bool)
    for ls, rs in F.group_facts(scores, seed=seed, mean=mean, floor=floor):
        pred[np.ix_(ls, rs)] = True
    return int((pred & (y == 1)).sum()), int(pred.sum()), int(y.sum())


def prf(counts: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    tp, pred, gold = (sum(c[k] for c in counts) for k in range(3))
    p, r = tp / max(pred, 1), tp / max(gold, 1)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


#: Cross-fitting (``--cross-fit A B --fold-a ID...``): the article pairs of fold A are scored
#: with model B (fine-tuned without them) and all others with model A.
CROSS: tuple[Path, Path, frozenset[str]] | None = None


#: The gold file (stem) of each pair :func:`load_pairs` read, in order.
SOURCES: list[str] = []


def load_pairs(paths: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    global MODEL_DIR
    out = []
    for path in paths:
        for k, pair in enumerate(json.loads(Path(path).read_text(encoding="utf-8"))["pairs"]):
            SOURCES.append(Path(path).stem)
            if CROSS is not None:
                model_a, model_b, fold_a = CROSS
                MODEL_DIR = model_b if f"{Path(path).stem}:{k}" in fold_a else model_a
            out.append(pair_matrix(pair))
    return out


#: How :func:`dump_pairs` names a judged sentence pair (``"judged"``; absent: unjudged).
JUDGED = {CORRECT: "correct", BORDERLINE: "borderline", WRONG: "wrong"}


def dump_pairs(paths: list[str], out: Path) -> None:
    """Every linkable sentence pair of the gold files, with its label (1: judged correct,
    borderline or not), how it was judged and its current score."""
    rows = []
    for path in paths:
        stem = Path(path).stem
        for k, pair in enumerate(json.loads(Path(path).read_text(encoding="utf-8"))["pairs"]):
            x, marks, lsent, rsent = pair_detail(pair)
            scores = F.logistic(x).reshape(marks.shape)
            for i, a in enumerate(lsent):
                for j, b in enumerate(rsent):
                    row = {
                        "pair": f"{stem}:{k}",
                        "left": a,
                        "right": b,
                        "label": int(marks[i, j] > 0),
                        "score": round(float(scores[i, j]), 4),
                    }
                    if marks[i, j]:
                        row["judged"] = JUDGED[int(marks[i, j])]
                    rows.append(row)
    out.write_text(json.dumps(rows), encoding="utf-8")
    print(f"wrote {len(rows)} sentence pairs ({sum(r['label'] for r in rows)} positive) to {out}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--eval", nargs="*", default=[])
    ap.add_argument("--precision", type=float, default=0.8)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument(
        "--dump-pairs",
        type=Path,
        help="write every sentence pair (texts, label, score) for finetune_transformer.py",
    )
    ap.add_argument("--model", type=Path, help="another minilm-onnx folder to score with")
    ap.add_argument(
        "--cross-fit",
        nargs=2,
        type=Path,
        metavar=("MODEL_A", "MODEL_B"),
        help="models fine-tuned on fold A and on the rest (finetune_transformer.py --exclude)",
    )
    ap.add_argument("--fold-a", nargs="*", default=[], help="article pair ids (FILE-STEM:K)")
    ap.add_argument(
        "--at", nargs=3, type=float, metavar=("SEED", "MEAN", "FLOOR"),
        help="also report the figures per file at these thresholds",
    )  # fmt: skip
    args = ap.parse_args(argv)
    global MODEL_DIR, CROSS
    MODEL_DIR = args.model
    if args.cross_fit:
        CROSS = (args.cross_fit[0], args.cross_fit[1], frozenset(args.fold_a))
    if args.dump_pairs:
        dump_pairs(args.gold, args.dump_pairs)
        return

    pairs = load_pairs(args.gold)
    xs = [x for x, _ in pairs]
    ys = [y.reshape(-1) for _, y in pairs]
    print(f"{len(pairs)} article pairs, {sum(len(y) for y in ys)} sentence pairs, "
          f"{int(sum(y.sum() for y in ys))} judged correct")  # fmt: skip
    # Leave one article pair out: scores for each pair from a model that never saw it.
    held: list[np.ndarray] = []
    for k in range(len(pairs)):
        x = np.vstack([xs[q] for q in range(len(pairs)) if q != k])
        y = np.concatenate([ys[q] for q in range(len(pairs)) if q != k])
        w, b = fit_logistic(x, y, args.l2)
        held.append(sigmoid(xs[k] @ w + b).reshape(pairs[k][1].shape))
    best = None
    for seed, mean, floor in itertools.product(GRID_SEED, GRID_MEAN, GRID_FLOOR):
        if floor > mean:
            continue
        p, r, f = prf(
            [fact_counts(s, y, seed, mean, floor) for s, (_, y) in zip(held, pairs, strict=True)]
        )
        if p >= args.precision and (best is None or r > best[1]):
            best = (p, r, f, seed, mean, floor)
    w, b = fit_logistic(np.vstack(xs), np.concatenate(ys), args.l2)
    print("WEIGHTS: Final = (" + ", ".join(f"{v:.3f}" for v in w) + ")")
    print(f"BIAS: Final = {b:.3f}")
    for name, v in zip(F.FEATURES, w, strict=True):
        print(f"  {name:15s} {v:+.3f}")
    if best is None:
        print(f"no threshold setting reaches precision {args.precision} (leave one pair out)")
        return
    p, r, f, seed, mean, floor = best
    print(f"FACT_SEED: Final = {seed}\nFACT_MEAN: Final = {mean}\nFACT_MIN: Final = {floor}")
    print(f"leave one pair out: P {p:.3f} R {r:.3f} F1 {f:.3f} (unjudged pairs count as wrong)")
    settings = [(seed, mean, floor)]
    if args.at:
        settings.append(tuple(args.at))
    for setting in settings:
        p, r, f = prf([fact_counts(s, y, *setting) for s, (_, y) in zip(held, pairs, strict=True)])
        print(f"  at seed/mean/floor {setting}: P {p:.3f} R {r:.3f} F1 {f:.3f}; per file:")
        for stem in dict.fromkeys(SOURCES):
            picked = [
                fact_counts(s, y, *setting)
                for s, (_, y), src in zip(held, pairs, SOURCES, strict=True)
                if src == stem
            ]
            p, r, f = prf(picked)
            print(f"    {stem:24s} P {p:.3f} R {r:.3f} F1 {f:.3f} ({len(picked)} pairs)")
    if args.eval:
        counts = []
        for x, y in load_pairs(args.eval):
            s = sigmoid(x @ w + b).reshape(y.shape)
            counts.append(fact_counts(s, y, seed, mean, floor))
        p, r, f = prf(counts)
        print(f"eval files: P {p:.3f} R {r:.3f} F1 {f:.3f} (unjudged pairs count as wrong)")


if __name__ == "__main__":
    main()
