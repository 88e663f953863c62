"""Make hand-judged link gold from real article pairs: blind pools in, gold files out.

Run by hand (pytest does not collect it)::

    python tests/bench/make_gold.py pool RAW.json POOL.json     # step 1
    # step 2: people (or careful helpers) judge POOL.json blind and read each pair whole
    python tests/bench/make_gold.py gold RAW.json JUDGED.json GOLD.json   # step 3

RAW holds real article pairs (``{"pairs": [{"event", "left": {"outlet", "title", "url",
"text"}, "right": {...}}]}``), two outlets on one event; its texts are copyrighted news, so
RAW, POOL and GOLD live outside this repository (``~/.cache/parallax-heldout``).

1. ``pool`` splits both articles with Parallax's own ingest, repair and sentence split and
   pools the sentence pairs proposed by three systems: Parallax's links, a lexical baseline
   (rapidfuzz ``token_set_ratio``, mutual best, at least 60, as ``heldout_links.py``), and
   the pairs Parallax's refined score puts at 0.1 or more (recall-oriented, so that a judge
   sees the near misses too). The pool is shuffled per article pair and carries no system
   labels: ``{"pairs": [{"event", "left_sentences": [[i, text], ...], "right_sentences":
   [...], "candidates": [{"id", "left", "right"}]}]}`` with sentence indexes.
2. A judge labels every candidate ``correct`` / ``wrong`` (correct = both sentences state a
   shared specific fact, claim, quote or action that is a main point of at least one of
   them; sharing a topic or a name is not enough; contradicting claims are wrong), marks
   ``borderline`` calls, then reads the two articles whole and adds the pairs nobody
   proposed (``"added": [{"left": i, "right": j, "reason"}]``).
3. ``gold`` turns the judged pool into a gold file in the shape of the developers' dev set
   (character spans into each text), which ``heldout_links.py`` and the fitting scripts
   read.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core import facts as F  # noqa: E402
from parallax.core.align import align  # noqa: E402
from parallax.core.contextual import contextual_encoder  # noqa: E402
from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.pipeline import prepare  # noqa: E402
from parallax.core.rerank import reranker  # noqa: E402
from tests.bench.fit_facts import pair_matrix  # noqa: E402
from tests.bench.heldout_links import baseline  # noqa: E402

RECALL_POOL_SCORE = 0.1


def _split(pair: dict) -> tuple[list, list]:
    left = prepare(read_text(pair["left"]["text"], name="left"))
    right = prepare(read_text(pair["right"]["text"], name="right"))
    return left, right


def make_pool(raw: dict, seed: int = 0) -> dict:
    rng = random.Random(seed)
    out = []
    for pair in raw["pairs"]:
        left, right = _split(pair)
        ls = [s for s in left.sentences if s.role != "repeat"]
        rs = [s for s in right.sentences if s.role != "repeat"]
        proposed: set[tuple[int, int]] = set()
        for link in align(left, right, contextual=contextual_encoder(), reranker=reranker()):
            proposed |= {(i, j) for i in link.left for j in link.right}
        proposed |= baseline([s.text for s in left.sentences], [s.text for s in right.sentences])
        x, y = pair_matrix(pair)
        scores = F.logistic(x).reshape(y.shape)
        for a, b in zip(*np.nonzero(scores >= RECALL_POOL_SCORE), strict=True):
            proposed.add((ls[int(a)].index, rs[int(b)].index))
        items = sorted(proposed)
        rng.shuffle(items)
        out.append(
            {
                "event": pair.get("event", ""),
                "left_sentences": [[s.index, s.text] for s in left.sentences],
                "right_sentences": [[s.index, s.text] for s in right.sentences],
                "candidates": [{"id": k, "left": i, "right": j} for k, (i, j) in enumerate(items)],
            }
        )
    return {"pairs": out}


def make_gold(raw: dict, judged: dict) -> dict:
    pairs = []
    for pair, jp in zip(raw["pairs"], judged["pairs"], strict=True):
        left, right = _split(pair)
        lspan = {s.index: s for s in left.sentences}
        rspan = {s.index: s for s in right.sentences}

        def span(doc_spans: dict, i: int, original: str) -> list[int]:
            s = doc_spans[i]
            # Offsets into the text as given (the raw text); Parallax's repaired text equals
            # it for clean news, and heldout_links maps spans by overlap anyway.
            start = original.find(s.text)
            return [start, start + len(s.text)] if start >= 0 else [s.start, s.end]

        links = []
        for c in jp["candidates"]:
            if c.get("label") not in ("correct", "wrong"):
                continue
            links.append(
                {
                    "left": span(lspan, c["left"], pair["left"]["text"]),
                    "right": span(rspan, c["right"], pair["right"]["text"]),
                    "label": c["label"],
                    "borderline": bool(c.get("borderline")),
                    "reason": c.get("reason", ""),
                }
            )
        for a in jp.get("added", []):
            links.append(
                {
                    "left": span(lspan, a["left"], pair["left"]["text"]),
                    "right": span(rspan, a["right"], pair["right"]["text"]),
                    "label": "correct",
                    "borderline": bool(a.get("borderline")),
                    "reason": a.get("reason", "added on reading whole"),
                }
            )
        pairs.append({**pair, "links": links})
    return {"about": raw.get("about", ""), "pairs": pairs}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pool")
    p.add_argument("raw", type=Path)
    p.add_argument("out", type=Path)
    g = sub.add_parser("gold")
    g.add_argument("raw", type=Path)
    g.add_argument("judged", type=Path)
    g.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    raw = json.loads(args.raw.read_text(encoding="utf-8"))
    if args.cmd == "pool":
        pool = make_pool(raw)
        n = sum(len(p["candidates"]) for p in pool["pairs"])
        args.out.write_text(json.dumps(pool, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"wrote {args.out}: {len(pool['pairs'])} article pairs, {n} candidates")
    else:
        judged = json.loads(args.judged.read_text(encoding="utf-8"))
        gold = make_gold(raw, judged)
        n = sum(len(p["links"]) for p in gold["pairs"])
        good = sum(1 for p in gold["pairs"] for k in p["links"] if k["label"] == "correct")
        args.out.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"wrote {args.out}: {len(gold['pairs'])} pairs, {n} judged links, {good} correct")


if __name__ == "__main__":
    main()
