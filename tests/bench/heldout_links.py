"""Links on real news: Parallax and a lexical baseline against hand-judged gold.

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_links.py [GOLD.json ...] [--quick]

Each GOLD file holds real article pairs (two outlets, or two agency stories, on one event)
with hand-judged sentence links, as ``fit_facts.py`` describes; by default every
``gold_*.json`` in ``~/.cache/parallax-heldout`` (the developers' own gold, made by blind
pooling of Parallax and the baseline below, then by reading each pair whole; the texts are
copyrighted news and never enter this repository), and the developers' dev set beside the
project when it is there.

For each file it prints, for Parallax (``pipeline.link``; ``--quick`` for the quick links
only) and for the baseline (rapidfuzz ``token_set_ratio``, each sentence's best counterpart
both ways, mutual, at least 60):

- recall: judged-correct pairs found / all judged-correct pairs;
- precision over judged: as the dev scorer counts it (a predicted pair nobody judged is
  left out; "borderline" counts as not wrong);
- strict precision: correct / all predicted pairs (a pair nobody judged counts as wrong);
- F1 of recall and strict precision.

Spans are mapped to Parallax's sentences by largest overlap, as the dev scorer does.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from rapidfuzz import fuzz, process  # noqa: E402

from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.pipeline import Options, link  # noqa: E402
from tests.bench.fit_facts import _unit  # noqa: E402
from tests.bench.heldout_data import DEFAULT_CACHE  # noqa: E402

DEV_SET = REPO.parent / "shared" / "dev" / "real_pairs.json"
BASELINE_CUTOFF = 60


def baseline(left: list[str], right: list[str]) -> set[tuple[int, int]]:
    """Mutual best ``token_set_ratio`` pairs scoring at least BASELINE_CUTOFF."""
    if not left or not right:
        return set()
    scores = process.cdist(left, right, scorer=fuzz.token_set_ratio)
    best_r, best_l = scores.argmax(axis=1), scores.argmax(axis=0)
    return {
        (i, int(j))
        for i, j in enumerate(best_r)
        if best_l[j] == i and scores[i, j] >= BASELINE_CUTOFF
    }


def score(path: Path, quick: bool) -> dict[str, list[int]]:
    """Counts per system: [true positives, judged predictions, wrong, predicted, gold]."""
    out = {"parallax": [0, 0, 0, 0, 0], "baseline": [0, 0, 0, 0, 0]}
    for pair in json.loads(path.read_text(encoding="utf-8"))["pairs"]:
        comparison = link(
            read_text(pair["left"]["text"], name="left"),
            read_text(pair["right"]["text"], name="right"),
            options=Options(quick=quick),
        )
        ls, rs = comparison.left.sentences, comparison.right.sentences
        labels: dict[tuple[int | None, int | None], str] = {}
        for it in pair["links"]:
            key = (_unit(ls, it["left"]), _unit(rs, it["right"]))
            if labels.get(key) != "correct":
                labels[key] = it["label"]
        good = {k for k, v in labels.items() if v == "correct"}
        predicted = {
            "parallax": {(i, j) for k in comparison.links for i in k.left for j in k.right},
            "baseline": baseline([s.text for s in ls], [s.text for s in rs]),
        }
        for system, pred in predicted.items():
            c = out[system]
            c[0] += len(pred & good)
            c[1] += sum(1 for k in pred if k in labels)
            c[2] += sum(1 for k in pred if labels.get(k) == "wrong")
            c[3] += len(pred)
            c[4] += len(good)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--quick", action="store_true", help="the quick links only")
    args = ap.parse_args(argv)
    paths = args.gold or [
        *([DEV_SET] if DEV_SET.exists() else []),
        *sorted(DEFAULT_CACHE.glob("gold_*.json")),
    ]
    if not paths:
        raise SystemExit(f"no gold files given and none in {DEFAULT_CACHE}")
    total = {"parallax": [0] * 5, "baseline": [0] * 5}
    print(f"{'gold':24s} {'system':9s} {'recall':>7s} {'P judged':>9s} {'P strict':>9s} {'F1':>6s}")
    start = time.perf_counter()
    for path in paths:
        counts = score(path, args.quick)
        for system, c in counts.items():
            total[system] = [a + b for a, b in zip(total[system], c, strict=True)]
            _row(path.stem, system, c)
    for system, c in total.items():
        _row("all", system, c)
    print(f"({time.perf_counter() - start:.1f} s)")


def _row(name: str, system: str, c: list[int]) -> None:
    tp, judged, wrong, pred, gold = c
    recall = tp / gold if gold else 0.0
    p_judged = (judged - wrong) / judged if judged else 0.0
    p_strict = tp / pred if pred else 0.0
    f1 = 2 * p_strict * recall / (p_strict + recall) if p_strict + recall else 0.0
    print(f"{name:24s} {system:9s} {recall:7.3f} {p_judged:9.3f} {p_strict:9.3f} {f1:6.3f}")


if __name__ == "__main__":
    main()
