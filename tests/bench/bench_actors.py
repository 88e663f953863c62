"""How fast actors and reactions are found, and what the model costs to load.

Run by hand (pytest does not collect it)::

    python tests/bench/bench_actors.py [--repeat 5] [--sizes 100 500 1000 2000] [--no-baseline]

It prints, in one process:

- the cost of loading: ``import spacy`` and loading ``en_core_web_sm`` (wall time), and the
  resident memory (RSS) before and after, with the peak RSS of the process so far;
- the sample pair (``data/samples``): actors and reactions for both articles — spaCy over
  every sentence, then :func:`~parallax.core.actors.find_actors` and
  :func:`~parallax.core.reactions.find_reactions` — the first call after loading, the
  median of ``--repeat`` more with every sentence analysed anew
  (:meth:`~parallax.core.actors.Recognizer.forget` before each), and once more with the
  analyses kept (the pair compared again), split by step; the peak Python memory of one run
  (tracemalloc; spaCy's own buffers are NumPy arrays and are counted), and the time from
  the start of the process to the sample pair's actors and reactions (interpreter, imports,
  loading, reading and splitting the pair included; the issue's budget is 1.5 s);
- larger inputs: two articles of N sentences each drawn from real news (the Lee corpus of
  ABC stories in the gensim wheel, see ``heldout_data.py``), each size analysed anew, to show
  how the cost grows with size (close to linearly: every distinct sentence is parsed once,
  and the merging steps are indexed rather than all-pairs). Both articles draw on the same
  300 stories, so many sentences are in both and are analysed once; the count of distinct
  sentences is printed;
- the larger inputs again in one process, unless ``--no-one-process``: the recogniser
  above shares long analyses with a second process, as the reader, the command line and the
  API do (:mod:`parallax.core.actors.helper`); this one analyses everything itself;
- the baseline, unless ``--no-baseline``: the model as spaCy loads it, without the
  shortcuts of :mod:`parallax.core.actors.shortcuts` (BLIS for the matrix products, the
  lemmatizer's lists, the attribute ruler's matcher on every token), run in the same process
  over the same distinct sentences, and the ratio of its time to the recogniser's (the
  analysis is the same to the token; ``tests/core/actors/test_shortcuts.py``). Its memory
  comes after the peak RSS above is printed.

Figures are wall-clock times on a shared machine: run it twice and read the lower ones.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

# NumPy's BLAS on one thread, as importing Parallax sets it (parallax/__init__.py),
# before NumPy loads; OPENBLAS_NUM_THREADS=2 in the environment measures two.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core import actors as A  # noqa: E402
from parallax.core.ingest import read_path, read_text  # noqa: E402
from parallax.core.model import Document  # noqa: E402
from parallax.core.pipeline import prepare  # noqa: E402
from parallax.core.reactions import find_reactions  # noqa: E402

SAMPLES = REPO / "data" / "samples"
_IMPORTED = time.perf_counter()


def rss_mb() -> float:
    """The resident memory of this process now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def helper_peak_rss_mb() -> float:
    """The peak resident memory of this process's children (the second analysis process),
    in MB; 0 without any (Linux)."""
    total = 0.0
    for task in Path("/proc/self/task").iterdir():
        for pid in (task / "children").read_text().split():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
    return total


def actors_and_reactions(
    recognizer: A.Recognizer, left: Document, right: Document
) -> tuple[dict[str, float], int, int]:
    """One run of the actor and reaction stages; seconds per step, actors, reactions."""
    t0 = time.perf_counter()
    pl, pr = recognizer.parse_all([(left, "left"), (right, "right")])
    t1 = time.perf_counter()
    actors = A.find_actors(pl, pr, recognizer.lexicon)
    t2 = time.perf_counter()
    actors, reactions = find_reactions(pl, pr, actors, recognizer.lexicon)
    t3 = time.perf_counter()
    steps = {"spacy": t1 - t0, "actors": t2 - t1, "reactions": t3 - t2, "total": t3 - t0}
    return steps, len(actors), len(reactions)


def show(steps: dict[str, float]) -> str:
    return "  ".join(f"{k} {v * 1000:7.1f} ms" for k, v in steps.items())


def since_process_start() -> float:
    """Seconds since this process started (Linux; since this module was imported elsewhere)."""
    try:
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


def distinct_sentences(*documents: Document) -> list[str]:
    """The texts the recogniser analyses for these documents, each once."""
    return list(dict.fromkeys(s.text for d in documents for s in d.sentences if s.role != "repeat"))


def median_steps(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def news_articles(n: int, seed: int = 0) -> tuple[Document, Document]:
    """Two articles of ``n`` sentences of real news each (Lee corpus, one story a paragraph)."""
    from parallax.core.sentences import split_sentences
    from tests.bench.heldout_data import lee_news_stories

    stories = lee_news_stories()
    rnd = random.Random(seed)
    out = []
    for _ in range(2):
        order = stories[:]
        rnd.shuffle(order)
        paragraphs, count = [], 0
        for story in order * 4:
            if count >= n:
                break
            sents = [s.text for s in split_sentences(story)][: n - count]
            paragraphs.append(" ".join(sents))
            count += len(sents)
        out.append(prepare(read_text("\n\n".join(paragraphs), name=f"news{n}")))
    return out[0], out[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100, 250, 500, 1000, 2000])
    ap.add_argument("--no-baseline", dest="baseline", action="store_false", help="skip stock spaCy")
    ap.add_argument(
        "--no-one-process",
        dest="one_process",
        action="store_false",
        help="skip the larger inputs in one process",
    )
    args = ap.parse_args()

    print(f"RSS at start (Python, parallax.core imported): {rss_mb():.0f} MB")
    print(f"Python {sys.version.split()[0]}, BLAS threads {os.environ['OPENBLAS_NUM_THREADS']}")
    t0 = time.perf_counter()
    import spacy

    t1 = time.perf_counter()
    # As the reader, the command line and the API make it: long analyses shared with a
    # second process (started here, loading the model while this one does).
    recognizer = A.Recognizer(REPO / "data" / "lexicons", parallel=True)
    recognizer.warm_up()
    t2 = time.perf_counter()
    print(f"import spacy:        {t1 - t0:6.2f} s")
    print(f"load model+lexicons: {t2 - t1:6.2f} s  (Recognizer.warm_up)")
    print(f"RSS after loading:   {rss_mb():6.0f} MB  (peak so far {peak_rss_mb():.0f} MB)")

    left = prepare(read_path(SAMPLES / "nk-russia-pact-clean.txt"))
    right = prepare(read_path(SAMPLES / "nk-russia-pact-damaged.txt"))
    words = len(left.text.split()) + len(right.text.split())
    n_sent = len(left.sentences) + len(right.sentences)
    print(f"\nsample pair: {n_sent} sentences, {words} words (budget: 0.5 s after loading)")
    first, n_actors, n_reactions = actors_and_reactions(recognizer, left, right)
    from_start = since_process_start()
    print(f"  first call  {show(first)}")
    runs = []
    for _ in range(args.repeat):
        recognizer.forget()
        runs.append(actors_and_reactions(recognizer, left, right)[0])
    print(f"  median of {args.repeat} {show(median_steps(runs))}  (each analysed anew)")
    print(f"  best of {args.repeat}   {show(min(runs, key=lambda r: r['total']))}")
    kept = actors_and_reactions(recognizer, left, right)[0]
    print(f"  kept        {show(kept)}  (the analyses of the run before kept)")
    print(f"  {n_actors} actors, {n_reactions} reactions")
    print(f"  from the start of the process to the first call's end: {from_start:.2f} s")
    gc.collect()
    recognizer.forget()
    tracemalloc.start()
    actors_and_reactions(recognizer, left, right)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak Python memory of one run (tracemalloc): {peak / 2**20:.1f} MB")

    spacy_step: dict[str, tuple[list[str], dict[str, float]]] = {
        "sample pair": (distinct_sentences(left, right), median_steps(runs))
    }
    if args.sizes:
        print("\nlarger inputs (two articles of N sentences of ABC news each, analysed anew):")
        previous = None
        for n in args.sizes:
            a, b = news_articles(n)
            w = len(a.text.split()) + len(b.text.split())
            texts = distinct_sentences(a, b)
            recognizer.forget()
            steps, na, nr = actors_and_reactions(recognizer, a, b)
            spacy_step[f"N={n}"] = (texts, steps)
            grow = f"  x{steps['total'] / previous:.2f} of the previous" if previous else ""
            previous = steps["total"]
            print(
                f"  N={n:5}: {w:6} words, {len(texts)} distinct sentences  {show(steps)}  "
                f"({w / steps['total']:,.0f} words/s; {na} actors, {nr} reactions){grow}"
            )
    print(
        f"peak RSS of the process: {peak_rss_mb():.0f} MB; of the second analysis process: "
        f"{helper_peak_rss_mb():.0f} MB"
    )

    if args.sizes and args.one_process:
        alone = A.Recognizer(REPO / "data" / "lexicons")
        alone.warm_up()
        print("\nthe same in one process (no second analysis process):")
        for n in args.sizes:
            a, b = news_articles(n)
            alone.forget()
            steps, _, _ = actors_and_reactions(alone, a, b)
            shared = spacy_step[f"N={n}"][1]
            print(
                f"  N={n:5}: {show(steps)}  (x{steps['total'] / shared['total']:.2f} the time "
                "with the second process)"
            )
        del alone

    if args.baseline:
        recognizer.forget()
        t0 = time.perf_counter()
        stock = spacy.load(A.MODEL_NAME)
        list(stock.pipe([A.recognizer._WARM_UP_TEXT, A.recognizer._WARM_UP_TEXT.upper()]))
        print(f"\nbaseline: spaCy as it loads the model ({time.perf_counter() - t0:.2f} s to load)")
        for label, (texts, steps) in spacy_step.items():
            t0 = time.perf_counter()
            list(stock.pipe(texts, batch_size=256))
            base = time.perf_counter() - t0
            total = base + steps["actors"] + steps["reactions"]
            print(
                f"  {label:11}: spaCy {base * 1000:8.1f} ms, the recogniser's "
                f"{steps['spacy'] * 1000:8.1f} ms (x{base / steps['spacy']:.2f} faster); "
                f"with actors and reactions {total:.2f} s vs {steps['total']:.2f} s "
                f"(x{total / steps['total']:.2f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
