"""Time the refined (contextual) links against the quick static ones, in the same run.

Run by hand (pytest does not collect it)::

    python tests/bench/bench_facts.py [--sizes 40 100 300] [--repeat 5]

For the sample pair and for N x N pairs of distinct news sentences (ABC and Reuters news,
``heldout_data.news_sentences``), it prints the fastest of ``--repeat`` runs of the static
pass (``align`` without an encoder: what the reader paints first) and of the whole refined
pass (``align`` with the contextual encoder and the reranker, as the reader and the API
run it: the static pass, encoding every sentence, scoring, the cross-encoder reading the
plausible pairs and grouping into facts), their ratio, the time to load the encoder and
the reranker once, and the peak memory the refined pass adds (tracemalloc, Python
allocations only).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core.align import align  # noqa: E402
from parallax.core.contextual import contextual_encoder  # noqa: E402
from parallax.core.ingest import read_path, read_text  # noqa: E402
from parallax.core.pipeline import prepare  # noqa: E402
from parallax.core.rerank import reranker  # noqa: E402
from parallax.paths import sample_pair  # noqa: E402
from tests.bench.heldout_data import news_sentences  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[40, 100, 300])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    t = time.perf_counter()
    enc = contextual_encoder()
    print(f"load the contextual encoder: {time.perf_counter() - t:.3f} s")
    t = time.perf_counter()
    rr = reranker()
    print(f"load the reranker: {time.perf_counter() - t:.3f} s")
    a, b = sample_pair()
    pairs = [("sample pair", prepare(read_path(a)), prepare(read_path(b)))]
    sents = news_sentences()
    for n in args.sizes:
        left = "\n\n".join(sents[:n])
        # The right side shares half its sentences with the left, reordered.
        right = "\n\n".join(sents[n : n + n // 2] + sents[: n - n // 2][::-1])
        pairs.append(
            (f"{n} x {n}", prepare(read_text(left, name="l")), prepare(read_text(right, name="r")))
        )
    align(*pairs[0][1:], contextual=enc, reranker=rr)  # warm up onnxruntime's kernels
    for name, left, right in pairs:
        quick = best(lambda left=left, right=right: align(left, right), args.repeat)

        def refine(left: Any = left, right: Any = right) -> None:
            enc.forget()  # each run encodes its sentences, as a first comparison does
            rr.forget()
            align(left, right, contextual=enc, reranker=rr)

        refined = best(refine, args.repeat)
        tracemalloc.start()
        align(left, right, contextual=enc, reranker=rr)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"{name:12s} static {quick * 1000:7.1f} ms   refined {refined * 1000:7.1f} ms "
              f"({refined / quick:4.1f}x)   refined peak {peak:5.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
