"""Held-out check of how ingest rejoins hard-wrapped plain text (``ingest.plain._unwrap``).

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_unwrap.py [--cache DIR] [--docs 200] [--seed 3] [--show 3]

E-mail, wire copy and text copied from a terminal come hard-wrapped: a line break every 60
to 80 columns, inside sentences. Ingest joins the lines of each paragraph again, and must
leave every other text exactly as it is. Two measurements, on news not in this repository:

1. **Wrapped text.** Articles of 2 to 8 paragraphs, wrapped by Python's ``textwrap`` at
   widths from 45 to 100 columns, with paragraphs apart by a blank line or by a single line
   break; the sentences the pipeline's splitter finds after ingest are compared with those
   of the same article unwrapped (whitespace runs compared as one space), and, as the
   baseline, the share that came out right with the lines left as they were. Two sources:
   ABC stories of the Lee corpus, a story a paragraph (the rules for list items and dashes
   were written while looking at mismatches here), and Reuters stories of CoNLL-2003's
   news desk, three sentences a paragraph (never looked at while writing them).
2. **Text that is not wrapped** must come through unchanged: CoNLL-2003 articles (a
   sentence a line, 1,393 of them), and the Lee articles above with a paragraph a line.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core.ingest import read_text  # noqa: E402
from parallax.core.sentences import split_sentences  # noqa: E402
from tests.bench.heldout_actors import conll2003_english  # noqa: E402
from tests.bench.heldout_data import DEFAULT_CACHE, lee_news_stories  # noqa: E402

WIDTHS = (45, 60, 70, 72, 76, 80, 100)
SEPARATORS = {"blank line": "\n\n", "line break": "\n"}


def sentences(text: str) -> list[str]:
    return [" ".join(s.text.split()) for s in split_sentences(text)]


def ingested(text: str) -> str:
    return read_text(text, name="article").original


def measure_wrapped(name: str, articles: list[list[str]], show: int) -> None:
    print(f"\n## {name}: {len(articles)} articles x {len(WIDTHS)} widths x 2 separators")
    print(
        f"   {'paragraphs apart by':<20} {'same sentences':>15} {'same text':>10}"
        f" {'not rejoined':>13}"
    )
    shown = 0
    for label, sep in SEPARATORS.items():
        same = same_text = baseline = total = 0
        by_width: Counter[int] = Counter()
        for paragraphs in articles:
            plain = sep.join(paragraphs)
            expected = sentences(plain)
            for width in WIDTHS:
                wrapped = sep.join(textwrap.fill(p, width) for p in paragraphs)
                got = ingested(wrapped)
                total += 1
                baseline += sentences(wrapped) == expected
                same_text += got == plain
                if sentences(got) == expected:
                    same += 1
                    continue
                by_width[width] += 1
                if shown < show:
                    shown += 1
                    extra = [s for s in sentences(got) if s not in expected][:2]
                    print(f"     e.g. width {width}, {label}: {[s[:90] for s in extra]}")
        print(
            f"   {label:<20} {same / total:>14.1%} {same_text / total:>10.1%}"
            f" {baseline / total:>13.1%}"
            f"   (differing by width: {dict(sorted(by_width.items()))})"
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)

    stories = lee_news_stories(args.cache)
    lee = [rng.sample(stories, rng.randint(2, 8)) for _ in range(args.docs)]
    conll = [
        doc for split in ("train", "valid", "test") for doc in conll2003_english(split, args.cache)
    ]
    reuters = []
    for doc in rng.sample([d for d in conll if d.desk == "news"], args.docs):
        body = doc.text.split("\n")[1:]  # the first line is the headline
        paragraphs = [" ".join(body[k : k + 3]) for k in range(0, len(body), 3)]
        if len(paragraphs) >= 2:
            reuters.append(paragraphs[:8])

    print("# 1. Wrapped text: the sentences after ingest against the unwrapped article's")
    measure_wrapped("Lee corpus (ABC)", lee, args.show)
    measure_wrapped("CoNLL-2003 news desk (Reuters)", reuters, args.show)

    print("\n# 2. Text that is not wrapped: changed by ingest")
    unchanged = [("CoNLL-2003 articles, a sentence a line", [d.text for d in conll])]
    for label, sep in SEPARATORS.items():
        unchanged.append(
            (f"Lee articles, a paragraph a line ({label})", [sep.join(a) for a in lee])
        )
    for label, texts in unchanged:
        changed = sum(ingested(t) != t for t in texts)
        print(f"   {label:<50} {changed:>5} of {len(texts)}")


if __name__ == "__main__":
    main()
