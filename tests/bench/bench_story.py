"""Benchmark of a story, run by hand (pytest does not collect it)::

    python tests/bench/bench_story.py [--articles 10] [--sentences 60] [--workers 2]

Ten made-up 60-sentence articles on one "event", built from real news sentences (the ABC
and Reuters sentences :func:`tests.bench.heldout_data.news_sentences` loads): each takes 24
of a pool of 40 event sentences (the shared facts, a few with a number changed, so that
outlets differ) and 36 sentences of its own, in its own order. Prints, each in a fresh
library in a temporary folder:

1. the whole story ready: every pair compared (45 for ten articles; ``--workers 2`` in two
   worker processes, ``--workers 1`` all in this process) and saved, and the facts across
   the story merged, as ``parallax story new`` does it; then the story shown again (its
   pairs loaded from the library, the facts merged anew), as ``parallax story show`` does;
2. the same 45 pairs compared one by one in this process, each from scratch (what
   encoder and recogniser keep is forgotten before each pair), as ``parallax compare`` run
   45 times would.

with the time, the peak memory (this process and its workers) and the ratio. The models are loaded before either is timed. The budget is "the whole story
ready under 10 s" on a 2-core machine; nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT)]

from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.model import Document  # noqa: E402
from parallax.session import Session  # noqa: E402
from tests.bench.heldout_data import news_sentences  # noqa: E402


def articles(count: int, sentences: int, seed: int = 0) -> list[Document]:
    """``count`` distinct news-like articles that share facts from one pool."""
    rng = random.Random(seed)
    pool = news_sentences()
    event, own = pool[:40], pool[40:]
    shared = min(24, sentences * 2 // 5)
    docs = []
    for k in range(count):
        body = rng.sample(event, shared)
        body = [  # an outlet with other figures now and then
            re.sub(r"\d+", lambda m: str(int(m.group()) + 1), s) if rng.random() < 0.15 else s
            for s in body
        ]
        body += own[k * (sentences - shared) : (k + 1) * (sentences - shared)]
        rng.shuffle(body)
        paragraphs = ["\n\n".join(" ".join(body[i : i + 3]) for i in range(0, len(body), 3))]
        docs.append(read_text(f"Outlet {k + 1} on the event\n\n" + paragraphs[0], name=f"{k}.txt"))
    return docs


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def forget() -> None:
    """Forget the sentences the encoder and the recogniser keep between comparisons."""
    from parallax.core.contextual import contextual_encoder
    from parallax.nlp import recognizer

    contextual_encoder()._kept.clear()
    recognizer()._parsed.clear()


def warm_up() -> None:
    """Load every model (a small pair end to end), then forget what it analysed."""
    from parallax import compare_texts

    compare_texts("The port reopened on Monday.", "On Monday the port opened again.")
    forget()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--sentences", type=int, default=60)
    parser.add_argument("--workers", type=int, default=1, help="2: two worker processes")
    parser.add_argument("--story-only", action="store_true", help="skip the pairs one by one")
    args = parser.parse_args()
    docs = articles(args.articles, args.sentences)
    pairs = list(combinations(range(len(docs)), 2))
    print(f"{len(docs)} articles of {args.sentences} sentences, {len(pairs)} pairs")
    warm_up()
    with tempfile.TemporaryDirectory() as folder:
        with Session.open(Path(folder) / "story.db") as session:
            start = time.perf_counter()
            story = session.story_new(
                "Bench", [(d, f"Outlet {k + 1}") for k, d in enumerate(docs)],
                workers=args.workers,
            )  # fmt: skip
            whole = time.perf_counter() - start
            start = time.perf_counter()
            session.story("Bench")
            again = time.perf_counter() - start
        facts = len(story.facts)
        everyone = sum(f.outlets == len(docs) for f in story.facts)
        shared = sum(not f.alone for f in story.facts)
        print(f"whole story ready: {whole:6.1f} s  ({facts} facts, {shared} shared by two or "
              f"more outlets, {everyone} by all)")  # fmt: skip
        print(f"shown again (every pair kept, facts merged anew): {again:6.2f} s")
        here, worker = peak_mb()
        print(f"  peak memory: {here:.0f} MB here, {worker:.0f} MB in a worker")
        if args.story_only:
            return
        with Session.open(Path(folder) / "pairs.db") as session:
            start = time.perf_counter()
            for i, j in pairs:
                forget()
                session.compare(docs[i], docs[j])
            one_by_one = time.perf_counter() - start
        print(f"{len(pairs)} pairs one by one, each from scratch: {one_by_one:6.1f} s")
        print(f"  peak memory: {peak_mb()[0]:.0f} MB here")
        print(f"ratio (one by one / story): {one_by_one / whole:.2f}")


if __name__ == "__main__":
    main()
