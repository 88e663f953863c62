"""Held-out benchmark of HTML extraction in parallax.core.ingest.

Not a test (pytest does not collect this file): run it by hand::

    python tests/bench/heldout_ingest.py [--cache DIR] [--verbose]

It measures how much of a real saved news page's article text ``read_bytes`` keeps, and how
little else it lets in, on pages that are NOT in this repository and that no part of ingest
was tuned on: the saved pages and expected texts that ship in the source distribution of
newspaper4k (MIT licence), an independent article extractor. The sdist is fetched once with
``pip download`` from the package index into a cache directory and read straight from the
archive; none of its files are copied into this repository.

The expected texts are newspaper4k's own regression outputs (checked by its maintainers),
not hand-made gold, so they carry that extractor's habits (for example it leaves out image
captions and sometimes list items). Scores are bag-of-token precision, recall and F1:
words for space-separated scripts, single characters for Chinese, Japanese, Thai and other
scripts written without spaces. Reported twice: on the whole ingested text, and on the body
without the headline line that ingest puts first (the expected texts have no headline).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from tests.bench.heldout_data import DEFAULT_CACHE, fetch  # noqa: E402

PACKAGE = "newspaper4k"
VERSION = "0.9.6"
DATA_PREFIX = f"{PACKAGE}-{VERSION}/tests/data/"

_WORD = re.compile(r"\w+")
_NO_SPACE_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "HANGUL")


def tokens(text: str) -> Counter[str]:
    """Bag of tokens: lower-cased words, or characters for scripts without spaces."""
    bag: Counter[str] = Counter()
    for match in _WORD.finditer(unicodedata.normalize("NFKC", text).casefold()):
        word = match.group(0)
        if any(_no_space(ch) for ch in word):
            bag.update(ch for ch in word if not ch.isspace())
        else:
            bag[word] += 1
    return bag


def _no_space(ch: str) -> bool:
    if ord(ch) < 0x0E00:
        return False
    name = unicodedata.name(ch, "")
    return name.startswith(_NO_SPACE_SCRIPTS)


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    overlap: int
    predicted: int
    expected: int


def score(predicted: str, expected: str) -> Score:
    got, want = tokens(predicted), tokens(expected)
    overlap = sum((got & want).values())
    n_got, n_want = sum(got.values()), sum(want.values())
    precision = overlap / n_got if n_got else 0.0
    recall = overlap / n_want if n_want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, overlap, n_got, n_want)


def load_cases(archive: Path) -> list[tuple[str, bytes, str, dict[str, object]]]:
    """(name, html bytes, expected text, metadata) for every page with an expected text."""
    files: dict[str, bytes] = {}
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.startswith(DATA_PREFIX):
                handle = tar.extractfile(member)
                if handle is not None:
                    files[member.name[len(DATA_PREFIX) :]] = handle.read()
    cases = []
    for key in sorted(files):
        if not (key.startswith("html/") and key.endswith(".html")):
            continue
        stem = key[len("html/") : -len(".html")]
        expected = files.get(f"txt/{stem}.txt")
        if expected is None:
            continue
        raw_meta = files.get(f"metadata/{stem}.json")
        meta = json.loads(raw_meta) if raw_meta else {}
        cases.append((stem, files[key], expected.decode("utf-8"), meta))
    return cases


def _same(a: object, b: object) -> bool:
    def norm(x: object) -> str:
        return " ".join(unicodedata.normalize("NFKC", str(x)).casefold().split())

    return norm(a) == norm(b)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cache",
        type=Path,
        default=DEFAULT_CACHE,
        help="where the downloaded sdist is kept (default: %(default)s)",
    )
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    parser.add_argument(
        "--stock",
        action="store_true",
        help="also score plain trafilatura.extract() on the same pages, for reference",
    )
    args = parser.parse_args(argv)

    from parallax.core.ingest import IngestError, read_bytes

    cases = load_cases(fetch(f"{PACKAGE}=={VERSION}", args.cache))
    rows = []
    started = time.perf_counter()
    for stem, html, expected, meta in cases:
        t0 = time.perf_counter()
        try:
            doc = read_bytes(html, name=f"{stem}.html")
            text, title, published = doc.text, doc.title, doc.published
        except IngestError as exc:
            text, title, published = "", None, None
            print(f"{stem}: IngestError: {exc}", file=sys.stderr)
        elapsed = time.perf_counter() - t0
        body = text
        if title and text.startswith(title + "\n\n"):
            body = text[len(title) + 2 :]
        whole, body_score = score(text, expected), score(body, expected)
        stock = None
        if args.stock:
            import trafilatura

            stock = score(trafilatura.extract(html, include_comments=False) or "", expected)
        want_date = str(meta.get("publish_date") or "")[:10] or None
        rows.append(
            {
                "page": stem,
                "lang": meta.get("language") or "?",
                "whole": whole,
                "body": body_score,
                "title_ok": (_same(title, meta["title"]) if meta.get("title") else None),
                "date_ok": (published == want_date if want_date else None),
                "seconds": elapsed,
                "stock": stock,
            }
        )
    total = time.perf_counter() - started

    if args.verbose:
        print(f"{'page':22} {'lang':4} {'P':>5} {'R':>5} {'F1':>5}   body F1  title date   s")
        for r in rows:
            w, b = r["whole"], r["body"]
            assert isinstance(w, Score) and isinstance(b, Score)
            print(
                f"{r['page']:22} {r['lang']!s:4} {w.precision:5.3f} {w.recall:5.3f} {w.f1:5.3f}"
                f"   {b.f1:5.3f}    {_mark(r['title_ok'])}    {_mark(r['date_ok'])}  "
                f"{r['seconds']:5.2f}"
            )
        print()

    keys = ("whole", "body", "stock") if args.stock else ("whole", "body")

    def summary(label: str, selected: list[dict[str, object]]) -> None:
        for key in keys:
            scores = [r[key] for r in selected]
            assert all(isinstance(s, Score) for s in scores)
            typed = [s for s in scores if isinstance(s, Score)]
            overlap = sum(s.overlap for s in typed)
            got = sum(s.predicted for s in typed)
            want = sum(s.expected for s in typed)
            micro_p = overlap / got if got else 0.0
            micro_r = overlap / want if want else 0.0
            micro_f = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
            macro_p = sum(s.precision for s in typed) / len(typed)
            macro_r = sum(s.recall for s in typed) / len(typed)
            macro_f = sum(s.f1 for s in typed) / len(typed)
            print(
                f"{label:18} {key:5}  micro P {micro_p:.3f} R {micro_r:.3f} F1 {micro_f:.3f}"
                f"   macro P {macro_p:.3f} R {macro_r:.3f} F1 {macro_f:.3f}"
            )

    if args.stock:
        print("stock = trafilatura.extract(html bytes) with default settings, for reference")
    english = [r for r in rows if r["lang"] == "en"]
    print(f"{PACKAGE} {VERSION} test pages: {len(rows)} ({len(english)} English), {total:.1f} s")
    summary(f"all ({len(rows)})", rows)
    summary(f"English ({len(english)})", english)
    titles = [r["title_ok"] for r in rows if r["title_ok"] is not None]
    dates = [r["date_ok"] for r in rows if r["date_ok"] is not None]
    print(f"title equal to expected: {sum(map(bool, titles))}/{len(titles)}")
    print(f"publication date equal to expected: {sum(map(bool, dates))}/{len(dates)}")
    return 0


def _mark(value: object) -> str:
    return "-" if value is None else ("y" if value else "n")


if __name__ == "__main__":
    raise SystemExit(main())
