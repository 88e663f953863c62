"""How comparing grows with document size, against all-pairs fuzzy matching.

Run by hand (pytest does not collect it)::

    python tests/bench/bench_align.py [--sizes 250 500 1000 2000 4000] [--no-baseline]
                                      [--no-actors] [--stages]

For each size N it builds two articles of N sentences each from real news (ABC stories of
the Lee corpus in the gensim wheel and Reuters stories of CoNLL-2003, 9,456 distinct
sentences, see ``heldout_data.news_sentences``): the left article is N of those sentences; the right one reports 70% of the same sentences reworded
(words dropped, neighbours swapped, a synonym or two) in a shuffled order, and fills the
rest with sentences of other stories. It then times, in the same process:

- the comparison end to end (ingest, repair, sentences, align, differences) —
  what the reader shows first; actor recognition is timed apart once at 2,000 — the fastest
  of five runs (wall clock, and the CPU time of that run: on a shared machine other
  processes only ever add time), with the peak Python/NumPy memory of one run (tracemalloc).
  The runs go round robin over the sizes, so load from other processes falls on all sizes
  alike; "x prev" is the growth from the size before (wall clock), "cpu x" the same in CPU
  time;
- the baseline the design warns about: ``rapidfuzz.process.cdist`` with
  ``token_set_ratio`` over all N x N sentence pairs on all cores (scoring only — no
  assignment), and prints the ratio.

It also reports how many of the reworded sentences were linked to their source
(recall) and how many of them were linked to another sentence instead (wrong), so speed
is never bought with quality. Every size draws distinct sentences from the same shuffled
pool, so the share of linked sentences stays the same as the articles grow and doubling the
size doubles the work: what the growth column measures is the code, not the material.
The sample pair's links are printed at the end for a reader to judge.
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from rapidfuzz import fuzz, process  # noqa: E402

import parallax  # noqa: E402
from parallax.core import align, pipeline  # noqa: E402
from parallax.core.align.assign import _assign  # noqa: E402
from parallax.core.align.links import _group  # noqa: E402
from parallax.core.align.scoring import _Scorer  # noqa: E402
from parallax.core.embed import encoder  # noqa: E402
from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.repair import repair_document  # noqa: E402
from parallax.core.sentences import split_document  # noqa: E402
from parallax.nlp import recognizer  # noqa: E402
from tests.bench.heldout_data import news_sentences  # noqa: E402

SWAPS = {
    "said": "stated",
    "says": "states",
    "police": "officers",
    "government": "administration",
    "killed": "left dead",
    "attack": "assault",
    "agreement": "deal",
    "announced": "unveiled",
    "people": "persons",
    "minister": "official",
}


def reword(sentence: str, rnd: random.Random) -> str:
    words = sentence.split()
    words = [SWAPS.get(w, w) for w in words]
    if len(words) > 6:
        del words[rnd.randrange(1, len(words) - 1)]
        k = rnd.randrange(1, len(words) - 2)
        words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def splice(a: str, b: str) -> str:
    """A new sentence from the first half of one and the second half of another."""
    wa, wb = a.split(), b.split()
    return " ".join(wa[: len(wa) // 2] + wb[len(wb) // 2 :])


def build(n: int, sentences: list[str], seed: int = 0) -> tuple[str, str, dict[str, str]]:
    """Two articles of n lines; returns them and each reworded right line -> its source."""
    rnd = random.Random(seed)
    pool = sentences[:]
    rnd.shuffle(pool)
    while len(pool) < n:  # more than the corpus has: new sentences spliced from it
        pool.append(splice(rnd.choice(sentences), rnd.choice(sentences)))
    left = pool[:n]
    others = pool[n:]
    # Fillers never restate a left sentence: spliced from two others if the pool runs out.
    while len(others) < n:
        others.append(splice(rnd.choice(pool[n:] or pool), rnd.choice(pool[n:] or pool)))
    shared = sorted(rnd.sample(range(n), int(0.7 * n)))
    right = [(reword(left[i], rnd), i) for i in shared]
    right += [(s, -1) for s in others[: n - len(right)]]
    rnd.shuffle(right)
    truth = {text: left[i] for text, i in right if i >= 0}
    return "\n".join(left), "\n".join(s for s, _ in right), truth


def compare(left: str, right: str) -> parallax.Comparison:
    """Ingest, repair, split, align and differences: the comparison the reader shows
    first (the quick links; ``bench_facts.py`` times the refined pass that follows). Actor
    recognition runs as its own stage afterwards and is timed apart."""
    return pipeline.link(read_text(left), read_text(right), refined=False)


def best_of(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The fastest of ``runs`` calls (wall seconds) and the CPU seconds that call took: on a
    shared machine the minimum is the figure least disturbed by other processes."""
    times = []
    for _ in range(runs):
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t0, time.process_time() - c0))
    return min(times)


STAGES = ("repair", "split", "embed+bags", "candidates", "score", "assign", "differences")


def stage_times(left: str, right: str) -> list[float]:
    """The seconds each stage of one comparison takes, in the order of :data:`STAGES`: the
    steps of ``pipeline.link`` and ``align.align`` run one by one. The candidate search is
    the one step that is quadratic (a matrix product of all sentence pairs, in blocks)."""
    marks = [time.perf_counter()]
    dl, dr = repair_document(read_text(left)), repair_document(read_text(right))
    marks.append(time.perf_counter())
    dl, dr = split_document(dl), split_document(dr)
    marks.append(time.perf_counter())
    scorer = _Scorer([s.text for s in dl.sentences], [s.text for s in dr.sentences], None)
    marks.append(time.perf_counter())
    pairs = scorer.candidates(align.TOP_K)
    marks.append(time.perf_counter())
    ranked = scorer.score_ranked(pairs)
    marks.append(time.perf_counter())
    edges = _assign(scorer, ranked, set(), align.LINK_THRESHOLD)
    marks.append(time.perf_counter())
    _group(edges, dl, dr)
    marks.append(time.perf_counter())
    return [b - a for a, b in itertools.pairwise(marks)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000, 4000])
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-actors", action="store_true", help="skip timing the actor stage")
    ap.add_argument("--stages", action="store_true", help="also time each stage apart")
    args = ap.parse_args(argv)

    sentences = news_sentences()
    print(f"{len(sentences)} distinct news sentences available (Lee corpus and CoNLL-2003)")

    t0 = time.perf_counter()
    encoder()
    print(f"model load (once per process): {time.perf_counter() - t0:.3f} s\n")

    print(f"load average at start (1, 5, 15 min): {os.getloadavg()} on {os.cpu_count()} cores")
    print(
        f"{'N':>6} {'compare':>9} {'cpu':>7} {'peak MB':>8} {'baseline':>9} {'ratio':>7} "
        f"{'x prev':>7} {'cpu x':>7} {'recall':>7} {'wrong':>6} {'links':>6}"
    )
    pairs = {n: build(n, sentences) for n in args.sizes}
    # Round robin: every round times each size once, so a spell of load from other processes
    # falls on all sizes alike instead of on whichever size happened to run then.
    best: dict[int, tuple[float, float]] = {}
    for _ in range(args.runs):
        for n in args.sizes:
            left, right, _ = pairs[n]
            run = best_of(functools.partial(compare, left, right), 1)
            best[n] = min(best.get(n, run), run)
    prev: tuple[float, float] | None = None
    for n in args.sizes:
        left, right, truth = pairs[n]
        elapsed, cpu = best[n]
        tracemalloc.start()
        comparison = compare(left, right)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        lt = [x.text for x in comparison.left.sentences]
        rt = [x.text for x in comparison.right.sentences]
        found = {(lt[i], rt[j]) for k in comparison.links for i in k.left for j in k.right}
        hit = sum(1 for r, lsrc in truth.items() if (lsrc, r) in found)
        wrong = sum(1 for lsrc, r in found if r in truth and truth[r] != lsrc)
        if args.no_baseline:
            base = float("nan")
        else:
            base, _ = best_of(
                functools.partial(
                    process.cdist,
                    left.split("\n"),
                    right.split("\n"),
                    scorer=fuzz.token_set_ratio,
                    workers=-1,
                ),
                1,
            )
        baseline = "-" if args.no_baseline else f"{base:.2f}s"
        speedup = "-" if args.no_baseline else f"{base / elapsed:.1f}x"
        growth = f"{elapsed / prev[0]:.2f}" if prev else "-"
        cpu_growth = f"{cpu / prev[1]:.2f}" if prev else "-"
        print(
            f"{n:>6} {elapsed:>8.3f}s {cpu:>6.2f}s {peak:>8.1f} {baseline:>9} {speedup:>7} "
            f"{growth:>7} {cpu_growth:>7} {hit / len(truth):>7.3f} {wrong:>6} {len(comparison.links):>6}"
        )
        prev = elapsed, cpu

    print(f"load average at end (1, 5, 15 min): {os.getloadavg()}")
    if args.stages:
        print("\nstages apart, ms (fastest of the runs, round robin; growth from the size before)")
        print(f"{'N':>6} " + " ".join(f"{name:>16}" for name in STAGES))
        fastest: dict[int, list[float]] = {}
        for _ in range(args.runs):
            for n in args.sizes:
                run = stage_times(*pairs[n][:2])
                fastest[n] = [min(a, b) for a, b in zip(fastest.get(n, run), run, strict=True)]
        before: list[float] | None = None
        for n in args.sizes:
            cells = [
                f"{t * 1000:8.1f} ({t / p:4.2f}x)" if before else f"{t * 1000:8.1f}       "
                for t, p in zip(fastest[n], before or fastest[n], strict=True)
            ]
            print(f"{n:>6} " + " ".join(f"{c:>16}" for c in cells))
            before = fastest[n]
    if not args.no_actors:
        left, right, _ = build(min(2000, max(args.sizes)), sentences)
        doc_l, doc_r = pipeline.prepare(read_text(left)), pipeline.prepare(read_text(right))
        t0 = time.perf_counter()
        recognizer().warm_up()
        t1 = time.perf_counter()
        parsed = [recognizer().parse(doc_l, "left"), recognizer().parse(doc_r, "right")]
        t2 = time.perf_counter()
        print(
            f"\nactor stage apart, 2000 x 2000: model load {t1 - t0:.2f} s, "
            f"parsing both sides {t2 - t1:.2f} s ({len(parsed)} documents)"
        )

    print("\nthe sample pair:")
    samples = REPO / "data" / "samples"
    c = parallax.compare_files(
        samples / "nk-russia-pact-clean.txt", samples / "nk-russia-pact-damaged.txt"
    )
    for link in c.links:
        a = " | ".join(c.left.sentences[i].text[:60] for i in link.left)
        b = " | ".join(c.right.sentences[j].text[:60] for j in link.right)
        print(f"  {link.score:.2f} {link.kind:<10} L{list(link.left)} {a}")
        print(f"  {'':15} R{list(link.right)} {b}")
        for d in link.differences:
            print(f"  {'':15} ≠ {d.kind}: {d.left!r} / {d.right!r}")


if __name__ == "__main__":
    main()
