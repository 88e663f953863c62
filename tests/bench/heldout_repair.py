"""Held-out measurement of ``parallax.core.repair`` on text that is not in this repository.

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_repair.py [--cache DIR] [--seed N] [--show N]

Three measurements, each on material fetched with pip into a cache directory:

1. **Injected damage, real news.** The Lee corpus of ABC news stories (test data in the
   ``gensim`` wheel) gets glyphs injected inside words at random positions (start, middle,
   end), drawn from a pool built from whole Unicode blocks — scripts, combining marks,
   symbols, pictographs, mathematical letters, currency signs — not from the 20 glyphs of
   the repository's sample. Reported: per-glyph recall (removed exactly), precision
   (removed characters that were injected), and the share of stories restored exactly.
2. **Clean real news, many languages.** The expected article texts of newspaper4k's test
   pages (23 real pages, 10+ languages): every repair there is either real damage or a
   false alarm; each one is listed for a reader to judge.
3. **Clean words and names, many languages.** Faker's word lists, person names and place
   names for every locale it ships (real spellings in ~80 locales): the same count.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import random
import sys
import tarfile
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core.repair import repair_text  # noqa: E402
from tests.bench.heldout_data import DEFAULT_CACHE, fetch, lee_news_stories  # noqa: E402

# Whole blocks to draw injected glyphs from (start, end inclusive); unassigned code points
# and ones with no glyph are skipped.
POOL_BLOCKS = [
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x0590, 0x05FF),  # Hebrew
    (0x0600, 0x06FF),  # Arabic
    (0x0900, 0x097F),  # Devanagari
    (0x0B80, 0x0BFF),  # Tamil
    (0x0C80, 0x0CFF),  # Kannada
    (0x0E00, 0x0E7F),  # Thai
    (0x10A0, 0x10FF),  # Georgian
    (0x1200, 0x137F),  # Ethiopic
    (0x16A0, 0x16FF),  # Runic
    (0x0300, 0x036F),  # combining diacritics (stacked onto a letter)
    (0x20A0, 0x20C0),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2300, 0x23FF),  # miscellaneous technical
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols
    (0x2700, 0x27BF),  # dingbats
    (0x3040, 0x309F),  # Hiragana
    (0x4E00, 0x4FFF),  # CJK ideographs (a slice)
    (0xA980, 0xA9DF),  # Javanese
    (0xAC00, 0xACFF),  # Hangul syllables (a slice)
    (0x13000, 0x1342F),  # Egyptian hieroglyphs
    (0x1D400, 0x1D7FF),  # mathematical alphanumerics
    (0x1F300, 0x1F5FF),  # pictographs
    (0x1F600, 0x1F64F),  # emoticons
    (0x1F680, 0x1F6FF),  # transport and map
    (0x1F900, 0x1F9FF),  # supplemental pictographs
]


def glyph_pool() -> list[str]:
    pool = []
    for lo, hi in POOL_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            cat = unicodedata.category(ch)
            if cat in ("Cn", "Co", "Cs", "Cc", "Cf", "Zs") or not unicodedata.name(ch, ""):
                continue
            if cat == "Nd" or ch in "°©®™":  # digits and legitimately attached symbols
                continue
            pool.append(ch)
    return pool


def inject(text: str, rnd: random.Random, pool: list[str], rate: float) -> tuple[str, set[int]]:
    """Insert one glyph into about ``rate`` of the words.

    Returns:
        The damaged text and the offsets of the injected glyphs in it.
    """
    out: list[str] = []
    positions: set[int] = set()
    length = 0
    for k, w in enumerate(text.split(" ")):
        if k:
            out.append(" ")
            length += 1
        letters = [i for i, c in enumerate(w) if c.isalpha()]
        if len(w) >= 2 and w.isascii() and letters and rnd.random() < rate:
            # Anywhere from just before the first letter to just after the last one.
            pos = rnd.randint(letters[0], letters[-1] + 1)
            positions.add(length + pos)
            w = w[:pos] + rnd.choice(pool) + w[pos:]
        out.append(w)
        length += len(w)
    return "".join(out), positions


def measure_injection(stories: list[str], seed: int, show: int) -> None:
    pool = glyph_pool()
    rnd = random.Random(seed)
    tp = fp = fn = exact = 0
    misses: list[str] = []
    alarms: list[str] = []
    t0 = time.perf_counter()
    for story in stories:
        clean, _ = repair_text(story)  # what repair makes of the story untouched
        damaged, injected = inject(clean, rnd, pool, rate=0.05)
        text, repairs = repair_text(damaged)
        exact += text == clean
        changed = {i for r in repairs for i in range(r.start, r.end)}
        tp += len(changed & injected)
        fp += len(changed - injected)
        fn += len(injected - changed)
        for i in sorted(injected - changed):
            misses.append(repr(damaged[max(0, i - 12) : i + 12]))
        for i in sorted(changed - injected):
            alarms.append(repr(damaged[max(0, i - 12) : i + 12]))
    elapsed = time.perf_counter() - t0
    print(
        f"injected damage on {len(stories)} Lee news stories, pool of {len(pool)} glyphs, "
        f"seed {seed}: {tp + fn} glyphs injected"
    )
    print(
        f"  recall {tp / max(tp + fn, 1):.4f}  precision {tp / max(tp + fp, 1):.4f}  "
        f"stories restored exactly {exact}/{len(stories)}  ({elapsed:.2f} s)"
    )
    for line in misses[:show]:
        print("  missed:", line)
    for line in alarms[:show]:
        print("  removed but not injected:", line)


def measure_clean_news(cache: Path, show: int) -> None:
    archive = fetch("newspaper4k==0.9.6", cache)
    texts = []
    with tarfile.open(archive) as t:
        for m in t.getmembers():
            if m.name.endswith(".json") and "/tests/data/" in m.name:
                f = t.extractfile(m)
                if f is None:
                    continue
                try:
                    data = json.loads(f.read())
                except ValueError:
                    continue
                if isinstance(data, dict) and isinstance(data.get("text"), str):
                    texts.append((m.name.rsplit("/", 1)[-1], data["text"]))
    total_chars = sum(len(t) for _, t in texts)
    found = []
    for name, text in texts:
        _, repairs = repair_text(text)
        found += [(name, r, text[max(0, r.start - 15) : r.end + 15]) for r in repairs]
    print(
        f"clean real news in many languages (newspaper4k expected texts): {len(texts)} "
        f"articles, {total_chars:,} characters, {len(found)} repairs"
    )
    for name, r, ctx in found[:show]:
        print(f"  {name}: {r.kind} {r.original!r} -> {r.replacement!r} in {ctx!r}")


def measure_faker(cache: Path, show: int) -> None:
    wheel = fetch("faker", cache, wheel=True)
    sys.path.insert(0, str(wheel))
    providers = [
        ("faker.providers.lorem", ["word_list"]),
        ("faker.providers.person", ["first_names", "last_names"]),
        ("faker.providers.address", ["city_names", "street_names", "countries"]),
    ]
    chunks = 0
    flagged = []
    for package, attrs in providers:
        pkg = importlib.import_module(package)
        for m in pkgutil.iter_modules(pkg.__path__):
            try:
                provider = importlib.import_module(f"{package}.{m.name}").Provider
            except Exception:  # a locale module with its own dependencies
                continue
            words: list[str] = []
            for attr in attrs:
                value = getattr(provider, attr, None)
                if isinstance(value, dict):
                    value = list(value)
                if isinstance(value, (list, tuple)):
                    words += [w for w in value if isinstance(w, str)]
            for k in range(0, len(words), 12):
                text = " ".join(words[k : k + 12])
                chunks += 1
                _, repairs = repair_text(text)
                flagged += [(m.name, r, text[max(0, r.start - 10) : r.end + 10]) for r in repairs]
    print(
        f"clean words and names in many languages (Faker locales): {chunks} twelve-word "
        f"chunks, {len(flagged)} repairs"
    )
    for loc, r, ctx in flagged[:show]:
        print(f"  {loc}: {r.kind} {r.original!r} -> {r.replacement!r} in {ctx!r}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=12)
    args = ap.parse_args(argv)
    measure_injection(lee_news_stories(args.cache), args.seed, args.show)
    print()
    measure_clean_news(args.cache, args.show)
    print()
    measure_faker(args.cache, args.show)


if __name__ == "__main__":
    main()
