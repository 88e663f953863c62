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
- F1 of recall and strict precision;
- with ``--pool LINKS.json``, pooled precision: precision as a gold set made by pooling only
  *another* version's links and the baseline would count it (a held-out set judged that
  way knows the wrong pairs those two proposed and nothing else, so links of this version
  that neither proposed are left out of the count). ``LINKS.json`` is written by
  ``--dump-links`` run on that version's checkout, e.g. Parallax 0.1.0:
  ``git worktree add /tmp/v010 7eba658`` then ``python tests/bench/heldout_links.py
  --dump-links /tmp/v010.json --desktop /tmp/v010/desktop`` (0.1.0 has ``compare_texts``,
  which the dump uses). Our own gold judged every pair the refined
  score puts at 0.1 or more, so its strict precision is the honest figure; the pooled one
  shows how far a pool-judged held-out set can overstate it.

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


def dump_links(paths: list[Path], out: Path, desktop: Path | None) -> None:
    """Write the links of the Parallax in ``desktop`` (default: this checkout; any version
    with ``compare_texts``) for every pair of the gold files, as ``{"stem:k": [[left span,
    right span], ...]}``."""
    if desktop is not None:
        for name in [m for m in sys.modules if m == "parallax" or m.startswith("parallax.")]:
            del sys.modules[name]
        sys.path.insert(0, str(desktop.resolve()))
    import parallax

    links: dict[str, list[list[list[int]]]] = {}
    for path in paths:
        for k, pair in enumerate(json.loads(path.read_text(encoding="utf-8"))["pairs"]):
            d = parallax.compare_texts(pair["left"]["text"], pair["right"]["text"]).to_dict()
            ls = {s["index"]: [s["start"], s["end"]] for s in d["left"]["sentences"]}
            rs = {s["index"]: [s["start"], s["end"]] for s in d["right"]["sentences"]}
            links[f"{path.stem}:{k}"] = [
                [ls[i], rs[j]] for lk in d["links"] for i in lk["left"] for j in lk["right"]
            ]
    out.write_text(json.dumps(links), encoding="utf-8")
    print(f"wrote the links of {parallax.__file__} for {len(links)} pairs to {out}")


def score(
    path: Path, quick: bool, pool: dict[str, list[list[list[int]]]] | None = None
) -> dict[str, list[int]]:
    """Counts per system: [true positives, judged predictions, wrong, predicted, gold,
    predicted pairs a pool of ``pool``'s links and the baseline judged, wrong ones of them]."""
    out = {"parallax": [0] * 7, "baseline": [0] * 7}
    for k, pair in enumerate(json.loads(path.read_text(encoding="utf-8"))["pairs"]):
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
        pooled = set(predicted["baseline"]) | {
            (_unit(ls, a), _unit(rs, b)) for a, b in (pool or {}).get(f"{path.stem}:{k}", [])
        }
        for system, pred in predicted.items():
            c = out[system]
            c[0] += len(pred & good)
            c[1] += sum(1 for k in pred if k in labels)
            c[2] += sum(1 for k in pred if labels.get(k) == "wrong")
            c[3] += len(pred)
            c[4] += len(good)
            c[5] += sum(1 for k in pred if k in good or (k in pooled and k in labels))
            c[6] += sum(1 for k in pred if k in pooled and labels.get(k) == "wrong")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--quick", action="store_true", help="the quick links only")
    ap.add_argument("--pool", type=Path, help="links of another version (--dump-links)")
    ap.add_argument("--dump-links", type=Path, metavar="OUT", help="write a version's links")
    ap.add_argument("--desktop", type=Path, help="with --dump-links: that version's desktop/")
    args = ap.parse_args(argv)
    paths = args.gold or [
        *([DEV_SET] if DEV_SET.exists() else []),
        *sorted(DEFAULT_CACHE.glob("gold_*.json")),
    ]
    if not paths:
        raise SystemExit(f"no gold files given and none in {DEFAULT_CACHE}")
    if args.dump_links:
        dump_links(paths, args.dump_links, args.desktop)
        return
    pool = json.loads(args.pool.read_text(encoding="utf-8")) if args.pool else None
    total = {"parallax": [0] * 7, "baseline": [0] * 7}
    print(f"{'gold':24s} {'system':9s} {'recall':>7s} {'P judged':>9s} {'P strict':>9s} {'F1':>6s}"
          + (f" {'P pooled':>9s}" if pool else ""))  # fmt: skip
    start = time.perf_counter()
    for path in paths:
        counts = score(path, args.quick, pool)
        for system, c in counts.items():
            total[system] = [a + b for a, b in zip(total[system], c, strict=True)]
            _row(path.stem, system, c, pool is not None)
    for system, c in total.items():
        _row("all", system, c, pool is not None)
    print(f"({time.perf_counter() - start:.1f} s)")


def _row(name: str, system: str, c: list[int], pooled: bool) -> None:
    tp, judged, wrong, pred, gold, pool_judged, pool_wrong = c
    recall = tp / gold if gold else 0.0
    p_judged = (judged - wrong) / judged if judged else 0.0
    p_strict = tp / pred if pred else 0.0
    f1 = 2 * p_strict * recall / (p_strict + recall) if p_strict + recall else 0.0
    p_pooled = (pool_judged - pool_wrong) / pool_judged if pool_judged else 0.0
    print(f"{name:24s} {system:9s} {recall:7.3f} {p_judged:9.3f} {p_strict:9.3f} {f1:6.3f}"
          + (f" {p_pooled:9.3f}" if pooled else ""))  # fmt: skip


if __name__ == "__main__":
    main()
