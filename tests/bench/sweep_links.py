"""The whole aligner's recall and precision on judged gold as the fact thresholds vary.

Run by hand (pytest does not collect it)::

    python tests/bench/sweep_links.py GOLD.json ... [--halves N] [--seeds 0.45 0.5 ...]
        [--means ...] [--mins ...] [--weights W_FINAL W_CROSS BIAS ...]

GOLD files are ``make_gold.py``'s (real article pairs, kept outside this repository). Every
setting of :data:`parallax.core.facts.RERANK_SEED`, ``RERANK_MEAN`` and ``RERANK_MIN`` (and
of ``RERANK_WEIGHTS`` / ``RERANK_BIAS`` with ``--weights``) is run through ``pipeline.link``
as ``heldout_links.py`` runs it, and scored the same way (recall over judged-correct pairs,
strict precision: an unjudged link counts as wrong). ``--halves N`` scores the first N files
and the rest apart, so that a setting is chosen where both halves hold, not where one set
of judges happens to agree with it. The encoder's and the reranker's work is cached within
the run, so each further setting costs only the grouping (a fraction of a second).

Each setting also reports the sample pair as ``tests/cli/test_cli.py`` judges it: "sample
ok", or the required facts it misses and the links it makes that no reader would defend
(a setting that breaks the smoke test is not one to ship, whatever the gold says).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core import facts as F  # noqa: E402
from parallax.core.ingest import read_path  # noqa: E402
from parallax.core.pipeline import link  # noqa: E402
from tests.bench.heldout_links import score  # noqa: E402
from tests.cli.test_cli import DEFENSIBLE, SHARED_FACTS  # noqa: E402
from tests.conftest import SAMPLES  # noqa: E402


@contextmanager
def patched(**constants: Any) -> Iterator[None]:
    """The facts module's constants set to ``constants`` for the block's duration."""
    old = {name: getattr(F, name) for name in constants}
    for name, value in constants.items():
        setattr(F, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(F, name, value)


def measure(paths: Sequence[Path]) -> tuple[float, float, float]:
    """Recall, strict precision and F1 of the aligner on ``paths``."""
    tp = predicted = gold = 0
    for path in paths:
        c = score(path, False)["parallax"]
        tp, predicted, gold = tp + c[0], predicted + c[3], gold + c[4]
    r = tp / gold if gold else 0.0
    p = tp / predicted if predicted else 0.0
    return r, p, 2 * p * r / (p + r) if p + r else 0.0


def sample_verdict() -> str:
    """The sample pair's links against the smoke test's required and defensible pairs."""
    c = link(read_path(SAMPLES / "nk-russia-pact-clean.txt"),
             read_path(SAMPLES / "nk-russia-pact-damaged.txt"))  # fmt: skip
    ls, rs = c.left.sentences, c.right.sentences

    def at(sentences: Sequence[Any], needle: str) -> int:
        return next(i for i, s in enumerate(sentences) if needle in s.text)

    required = {(at(ls, a), at(rs, b)) for a, b in SHARED_FACTS}
    allowed = required | {(at(ls, a), at(rs, b)) for a, b in DEFENSIBLE}
    allowed.add((0, at(rs, SHARED_FACTS[0][1])))  # the headline reports the signing too
    linked = {(i, j) for k in c.links for i in k.left for j in k.right}
    missed, wrong = sorted(required - linked), sorted(linked - allowed)
    if not missed and not wrong:
        return "sample ok"
    return f"sample: missed {missed} wrong {wrong}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--halves", type=int, default=0, help="score the first N files apart")
    ap.add_argument("--seeds", nargs="+", type=float, default=[F.RERANK_SEED])
    ap.add_argument("--means", nargs="+", type=float, default=[F.RERANK_MEAN])
    ap.add_argument("--mins", nargs="+", type=float, default=[F.RERANK_MIN])
    ap.add_argument("--weights", nargs=3, type=float, action="append", default=[])
    args = ap.parse_args(argv)
    groups = [args.gold[: args.halves], args.gold[args.halves :]] if args.halves else [args.gold]
    weights = args.weights or [[*F.RERANK_WEIGHTS, F.RERANK_BIAS]]
    for w, seed, mean, least in itertools.product(weights, args.seeds, args.means, args.mins):
        constants = {
            "RERANK_WEIGHTS": (w[0], w[1]), "RERANK_BIAS": w[2],
            "RERANK_SEED": seed, "RERANK_MEAN": mean, "RERANK_MIN": least,
        }  # fmt: skip
        with patched(**constants):
            figures = [measure(g) for g in groups]
            verdict = sample_verdict()
        shown = "  ".join(f"R {r:.3f} P {p:.3f} F1 {f:.3f}" for r, p, f in figures)
        print(f"weights {w} seed {seed} mean {mean} min {least}:  {shown}  {verdict}", flush=True)


if __name__ == "__main__":
    main()
