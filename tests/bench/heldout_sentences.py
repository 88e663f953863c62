"""Held-out check of ``parallax.core.sentences`` against text that is not in this repository.

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_sentences.py [--cache DIR] [--show N]

It fetches a few packages with pip into a cache directory (nothing is copied into the
repository) and prints:

1. Boundary precision/recall/F1 on gold-segmented English, for our splitter and for plain
   pysbd:

   - ``segtok`` (sdist): ``OSPL`` in ``segtok/segmenter_test.py``, one sentence per line.
   - ``syntok`` (sdist): the larger ``OSPL`` in ``syntok/segmenter_test.py``.
   - ``pysbd`` (sdist; 0.3.3 is the newest release that has one): the English "Golden
     Rules" in ``benchmarks/english_golden_rules.py``. pysbd was written against these, so
     they flatter pysbd; rules whose expected output is not a substring of the input (pysbd
     cleans the text for those) are skipped and counted.

2. Speed and agreement with plain pysbd (run line by line, as the design first proposed) on
   2,000+ sentences of real news: the Lee corpus of Australian Broadcasting Corporation
   stories that ``gensim`` ships as test data (``lee_background.cor`` and ``lee.cor``, one
   story per line). gensim's sdist cannot be prepared without building numpy, so its wheel
   is fetched instead; it holds the same files. The same is measured on the repository's
   own sample articles repeated to 2,000 sentences.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(REPO))

from parallax.core import sentences as S  # noqa: E402
from tests.bench.heldout_data import fetch, member_text  # noqa: E402

CLOSERS = "\"'”’»)]}"


# ---------------------------------------------------------------------------------------------
# Fetching
# ---------------------------------------------------------------------------------------------


def assigned_literal(source: str, name: str) -> Any:
    """The literal value assigned to ``name`` at module level, without running the code."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise KeyError(name)


# ---------------------------------------------------------------------------------------------
# Boundaries
# ---------------------------------------------------------------------------------------------


def normalise(text: str, ends: Iterable[int]) -> set[int]:
    """Sentence ends moved past closing quotes/brackets, without the end of the text."""
    out = set()
    limit = len(text.rstrip())
    for e in ends:
        while e < len(text) and text[e] in CLOSERS:
            e += 1
        if e < limit:
            out.add(e)
    return out


def ours_ends(text: str) -> set[int]:
    return normalise(text, (s.end for s in S.split_sentences(text)))


def pysbd_ends(text: str) -> set[int]:
    """Plain pysbd on the whole text, its sentences mapped back onto the text."""
    ends = S._pysbd_ends(text + " ")
    return normalise(text, ends or [])


def pysbd_by_line(text: str) -> set[int]:
    """Plain pysbd run line by line (every line break is a boundary)."""
    out: set[int] = set()
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if not line.strip():
            continue
        out |= {m.start() + e for e in normalise(line, S._pysbd_ends(line + " ") or [])}
        out.add(m.start() + len(line.rstrip()))
    return normalise(text, out)


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}  (tp {tp}, fp {fp}, fn {fn})"


def score(
    cases: list[tuple[str, set[int]]], splitter: Callable[[str], set[int]]
) -> tuple[int, int, int, int, list[tuple[str, set[int], set[int]]]]:
    tp = fp = fn = exact = 0
    wrong = []
    for text, gold in cases:
        pred = splitter(text)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if pred == gold:
            exact += 1
        else:
            wrong.append((text, gold, pred))
    return tp, fp, fn, exact, wrong


def show_errors(wrong: list[tuple[str, set[int], set[int]]], limit: int) -> None:
    shown = 0
    for text, gold, pred in wrong:
        for e in sorted(gold ^ pred):
            if shown >= limit:
                return
            kind = "missed" if e in gold else "extra "
            print(f"      {kind} {text[max(0, e - 50) : e]!r} | {text[e : e + 30]!r}")
            shown += 1


# ---------------------------------------------------------------------------------------------
# Gold sets
# ---------------------------------------------------------------------------------------------


def ospl_cases(source: str) -> list[tuple[str, set[int]]]:
    """One text: the OSPL sentences joined by spaces; gold ends between them."""
    sentences = assigned_literal(source, "OSPL").split("\n")
    text = " ".join(sentences)
    gold, pos = set(), 0
    for s in sentences[:-1]:
        pos += len(s)
        gold.add(pos)
        pos += 1
    return [(text, normalise(text, gold))]


def golden_rule_cases(source: str) -> tuple[list[tuple[str, set[int]]], int]:
    rules = assigned_literal(source, "GOLDEN_EN_RULES")
    cases, skipped = [], 0
    for text, expected in rules:
        if isinstance(expected, str):
            expected = [expected]
        ends, pos, ok = [], 0, True
        for sent in expected:
            at = text.find(sent, pos)
            if at < 0:
                ok = False
                break
            pos = at + len(sent)
            ends.append(pos)
        if ok:
            cases.append((text, normalise(text, ends)))
        else:
            skipped += 1
    return cases, skipped


# ---------------------------------------------------------------------------------------------
# Speed and agreement
# ---------------------------------------------------------------------------------------------


def best_of(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def speed_and_agreement(label: str, text: str, show: int) -> None:
    calls = [0, 0]
    real = S._pysbd_ends

    def counting(chunk: str) -> list[int] | None:
        calls[0] += 1
        calls[1] += len(chunk)
        return real(chunk)

    S._pysbd_ends = counting
    try:
        ours = S.split_sentences(text)
    finally:
        S._pysbd_ends = real
    t_fast = best_of(lambda: S.split_sentences(text), 5)
    t_rules = best_of(lambda: S.split_sentences(text, use_pysbd=False), 5)
    t_pysbd = best_of(lambda: pysbd_by_line(text), 1)
    mine = normalise(text, (s.end for s in ours))
    theirs = pysbd_by_line(text)
    common = len(mine & theirs)
    n_pysbd = len(theirs) + 1
    print(f"  {label}: {len(ours)} sentences by us, {n_pysbd} by pysbd, {len(text):,} chars")
    print(
        f"    ours (fast path + pysbd fallback) {t_fast * 1000:7.1f} ms"
        f"   rules only {t_rules * 1000:7.1f} ms   plain pysbd per line {t_pysbd * 1000:7.1f} ms"
        f"   speed-up x{t_pysbd / t_fast:.0f}"
    )
    print(
        f"    pysbd consulted on {calls[0]} stretches, {calls[1]:,} chars"
        f" ({calls[1] / max(1, len(text)):.1%} of the text)"
    )
    union = len(mine | theirs)
    print(
        f"    agreement on boundaries: {common}/{union} = {common / max(1, union):.1%}"
        f" (ours only {len(mine - theirs)}, pysbd only {len(theirs - mine)})"
    )
    for e in sorted(mine ^ theirs)[:show]:
        who = "ours only " if e in mine else "pysbd only"
        print(f"      {who} {text[max(0, e - 50) : e]!r} | {text[e : e + 30]!r}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    ap.add_argument("--cache", type=Path, default=default_cache / "parallax-heldout")
    ap.add_argument("--show", type=int, default=8, help="errors/disagreements to print")
    args = ap.parse_args(argv)

    segtok = fetch("segtok", args.cache)
    syntok = fetch("syntok", args.cache)
    pysbd_sdist = fetch("pysbd", args.cache)
    gensim = fetch("gensim", args.cache, wheel=True)

    t = time.perf_counter()
    S.split_sentences("A first call. It loads pysbd... Then some more.")
    first_call = (time.perf_counter() - t) * 1000
    print(f"first call (imports pysbd, builds the Segmenter): {first_call:.0f} ms")

    print("\nGold boundaries (held-out, not in this repository):")
    sets: list[tuple[str, list[tuple[str, set[int]]]]] = [
        (
            f"segtok OSPL ({segtok.name})",
            ospl_cases(member_text(segtok, "segtok/segmenter_test.py")),
        ),
        (
            f"syntok OSPL ({syntok.name})",
            ospl_cases(member_text(syntok, "syntok/segmenter_test.py")),
        ),
    ]
    rules, skipped = golden_rule_cases(
        member_text(pysbd_sdist, "benchmarks/english_golden_rules.py")
    )
    sets.append((f"pysbd Golden Rules ({pysbd_sdist.name}; {skipped} skipped)", rules))
    for label, cases in sets:
        n_gold = sum(len(g) + 1 for _, g in cases)
        print(f"  {label}: {len(cases)} texts, {n_gold} gold sentences")
        for who, fn in (("ours ", ours_ends), ("pysbd", pysbd_ends)):
            tp, fp, fn_, exact, wrong = score(cases, fn)
            extra = f"   texts exactly right {exact}/{len(cases)}" if len(cases) > 1 else ""
            print(f"    {who} {prf(tp, fp, fn_)}{extra}")
            if who == "ours " and args.show:
                show_errors(wrong, args.show)
        texts = [t for t, _ in cases]
        t_ours = best_of(lambda texts=texts: [S.split_sentences(x) for x in texts], 5)
        t_py = best_of(lambda texts=texts: [pysbd_ends(x) for x in texts], 1)
        print(f"    time: ours {t_ours * 1000:.1f} ms, plain pysbd {t_py * 1000:.1f} ms")

    print("\nSpeed and agreement with plain pysbd on real news (no gold):")
    lee = (
        member_text(gensim, "test_data/lee_background.cor")
        + "\n"
        + member_text(gensim, "test_data/lee.cor")
    )
    docs = [d.strip() for d in lee.splitlines() if d.strip()]
    picked, count = [], 0
    for d in docs:
        picked.append(d)
        count += len(S.split_sentences(d))
        if count >= 2000:
            break
    speed_and_agreement(
        f"Lee ABC news corpus, first {len(picked)} stories", "\n\n".join(picked), args.show
    )
    speed_and_agreement("Lee ABC news corpus, all stories", "\n\n".join(docs), 0)
    # pysbd pairs double quotes across the paragraph breaks these stories lost and then glues
    # whole paragraphs together; without the quotes, what is left is the abbreviation,
    # number and punctuation rules.
    speed_and_agreement(
        "Lee ABC news corpus, all stories, double quotes removed",
        "\n\n".join(docs).replace('"', ""),
        args.show,
    )
    samples = "\n\n".join(
        (REPO / "data" / "samples" / name).read_text(encoding="utf-8")
        for name in ("nk-russia-pact-clean.txt", "nk-russia-pact-damaged.txt")
    )
    n = len(S.split_sentences(samples))
    speed_and_agreement(
        f"repository samples x{2000 // n + 1} (not held-out)",
        "\n\n".join([samples] * (2000 // n + 1)),
        0,
    )


if __name__ == "__main__":
    main()
