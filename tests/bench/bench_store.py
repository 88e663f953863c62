"""Benchmark of the local library, run by hand (pytest does not collect it)::

    python tests/bench/bench_store.py [--library-size 1000] [--sentences 2000] [--runs 3]

Prints, for a library in a temporary folder:

1. Saving and loading one comparison of two 2,000-sentence articles (2,000 links with
   differences, actors with mentions, reactions), and saving it again (deduplicated).
2. Full-text searches (a common word, a rare word, a phrase, a prefix, an AND query)
   over a library of 1,000 saved comparisons, through :meth:`Library.search` as the
   ``parallax library search`` command uses it.

The budget is "well under a second" for each. Figures are the best of ``--runs``, because a
shared machine is noisy; nothing is asserted.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT)]

from parallax.core.model import (  # noqa: E402
    Actor,
    Comparison,
    Difference,
    Link,
    Mention,
    Reaction,
)
from parallax.store import Library  # noqa: E402
from tests.store.helpers import make_document  # noqa: E402

T = TypeVar("T")

SYLLABLES = "ka lo mi ne ru sa to vi an el or un tre pol dor mak sin gar bel fen".split()


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


@functools.cache
def _cumulative(size: int) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) for rank in range(size)))


def sentences(rng: random.Random, vocab: list[str], n: int) -> list[str]:
    """``n`` sentences of 12-30 words drawn with a Zipf-like skew, like news text."""
    out = []
    for _ in range(n):
        words = rng.choices(vocab, cum_weights=_cumulative(len(vocab)), k=rng.randint(12, 30))
        out.append(" ".join(words).capitalize() + ".")
    return out


def big_comparison(rng: random.Random, vocab: list[str], n: int) -> Comparison:
    left = make_document(sentences(rng, vocab, n), title="Left", source="Harbour Times")
    right = make_document(sentences(rng, vocab, n), title="Right", source="Daily Courier")
    links = tuple(
        Link(
            (i,),
            (rng.randrange(n),),
            rng.random(),
            "paraphrase",
            (Difference("number", "12", "15"),) if i % 5 == 0 else (),
        )
        for i in range(n)
    )
    actors = tuple(
        Actor(
            f"person:{k}",
            f"Person {k}",
            "person",
            (f"P{k}",),
            tuple(Mention("left", (k * 37 + j) % n, 0, 4, "Left") for j in range(20)),
        )
        for k in range(50)
    )
    reactions = tuple(
        Reaction(f"person:{k % 50}", "right", k % n, "said", "neutral", None, "said so")
        for k in range(200)
    )
    return Comparison(left, right, links, actors, reactions)


def best_of(runs: int, fn: Callable[[], T]) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    assert result is not None
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library-size", type=int, default=1000)
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--article-sentences", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20240619)
    vocab = vocabulary(rng)

    with tempfile.TemporaryDirectory() as tmp:
        print(f"1. One comparison of {args.sentences} x {args.sentences} sentences")
        c = big_comparison(rng, vocab, args.sentences)
        saves = []
        for run in range(args.runs):
            with Library(Path(tmp) / f"big-{run}.db") as lib:
                started = time.perf_counter()
                cid = lib.save(c)
                saves.append(time.perf_counter() - started)
        with Library(Path(tmp) / "big-0.db") as lib:
            load_time, loaded = best_of(args.runs, lambda: lib.load(cid))
            assert loaded.to_dict() == c.to_dict()
            again_time, again = best_of(args.runs, lambda: lib.save(c))
            assert again == cid
        size = (Path(tmp) / "big-0.db").stat().st_size
        print(f"   save (new library)     {min(saves) * 1000:8.0f} ms")
        print(f"   load                   {load_time * 1000:8.0f} ms  (round trip exact)")
        print(f"   save again (same id)   {again_time * 1000:8.0f} ms")
        print(f"   file size              {size / 2**20:8.1f} MiB")

        n = args.library_size
        print(
            f"\n2. Search over a library of {n} comparisons "
            f"({args.article_sentences} sentences per article)"
        )
        path = Path(tmp) / "library.db"
        build = 0.0
        with Library(path) as lib:
            for k in range(n):
                left = make_document(
                    sentences(rng, vocab, args.article_sentences), title=f"Story {k} left"
                )
                right = make_document(
                    sentences(rng, vocab, args.article_sentences), title=f"Story {k} right"
                )
                started = time.perf_counter()
                lib.save(Comparison(left, right, (Link((0,), (0,), 0.9, "same"),)))
                build += time.perf_counter() - started
        total = 2 * n * args.article_sentences
        print(
            f"   saved in {build:.1f} s ({build / n * 1000:.1f} ms per save), "
            f"{total} sentences, {path.stat().st_size / 2**20:.0f} MiB"
        )
        common, rare = vocab[0], vocab[-1]
        queries = {
            "common word": common,
            "rare word": rare,
            "phrase": f'"{vocab[0]} {vocab[1]}"',
            "prefix": vocab[5][:3] + "*",
            "AND": f"{vocab[10]} AND {vocab[200]}",
        }
        with Library(path) as lib:
            for label, query in queries.items():
                elapsed, hits = best_of(args.runs, lambda q=query: lib.search(q, limit=20))
                print(f"   {label:12} {query!r:28} {elapsed * 1000:8.1f} ms  ({len(hits)} shown)")
            list_time, summaries = best_of(args.runs, lib.summaries)
            print(f"   library list ({len(summaries)} rows)          {list_time * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
