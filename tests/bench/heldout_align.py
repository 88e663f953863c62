"""Held-out quality of ``parallax.core.align`` on news text that is not in this repository.

Run by hand (pytest does not collect it)::

    python tests/bench/heldout_align.py [--cache DIR] [--split both|calib|eval]
        [--limit N] [--sts-positive 3.5] [--random-pairs 300] [--seed 7] [--show 2]

Everything is fetched with pip into a cache directory and read from the archives (nothing
is copied into the repository); see ``heldout_data.py`` for the exact files.

1. **Sentence pairs with human labels.** Each pair is scored alone: ``score_pairs([a], [b])``
   (score 0 when no pair comes back) gives ROC-AUC (and, for graded sets, Spearman's rho
   against the gold grade), and "linked" — ``align`` of two one-sentence documents returns a
   link — gives precision/recall/F1 against the binarised gold. The same for
   ``score >= LINK_THRESHOLD``, and the threshold that maximises F1 on the *calib* half,
   applied unchanged to the *eval* half. Halves are fixed by a hash of the pair's text, so
   they stay the same whatever the subsample or the order.

   - STS benchmark, news genre (MSRpar: sentences of the MSR paraphrase corpus, from
     news; news headlines; DEFT news): 4,299 pairs graded 0-5, positive when gold >= 3.5.
   - STS benchmark, other genres (image/video captions, forum posts): 4,329 pairs, as a
     check that a change does not merely fit news.
   - ROUGE "SL2003" headline summaries: four writers each summarised the same 25 news
     stories in one line; 150 pairs by different writers of the same story (positive) and
     4,800 pairs of different stories. Aligned as two headlines, which link down to
     ``HEADLINE_THRESHOLD`` (fitted on the calib half by ``fit_align.py``).

2. **Article pairs.** No public package ships sentence-aligned article pairs from
   different outlets, so:

   - DUC 2003 summaries: four independent ~100-word summaries (4-10 sentences, one per
     line, used as the sentence split) of each of four 1998 news events. 24 same-event
     pairs, 96 different-event pairs: links per pair and the share of sentences linked.
   - Lee corpus (ABC news): the 50 stories of ``lee.cor`` with students' similarity
     ratings for all 1,225 pairs. Stories go through the pipeline's own ingest, repair and
     sentence splitting (once each), then ``align``. Spearman's rho between the links of a
     pair and its rating, and links per pair by rating band (>= 0.8 is the same news
     thread; <= 0.3 unrelated).
   - Lee background stories: seeded random pairs of the 300 other stories, unlabelled but
     nearly all on different events: a false-link rate.

The score model and thresholds are fitted by ``fit_align.py`` on the *calib* halves
(STS news pairs; DUC different-event pairs and Lee background pairs for ``MUTUAL_FLOOR``),
so the *eval* rows are the held-out figures.

Each part is timed. ``--limit N`` subsamples every sentence-pair set to N pairs (seeded);
the default keeps all of them (30–40 s for all parts on two cores).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO / "desktop"), str(REPO)]

from parallax.core import align as A  # noqa: E402
from parallax.core.model import Document, Sentence, SentenceRole  # noqa: E402
from tests.bench.heldout_data import (  # noqa: E402
    DEFAULT_CACHE,
    article_pairs,
    headline_pairs,
    lee_news_stories,
    lee_scored_pairs,
    lee_test_stories,
    sts_benchmark,
)

# ---------------------------------------------------------------------------------------------
# Statistics (no SciPy in the venv)
# ---------------------------------------------------------------------------------------------


def ranks(xs: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing their average rank."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    out = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    if n < 2:
        return math.nan
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else math.nan


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    return pearson(ranks(xs), ranks(ys))


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Probability that a positive outscores a negative (ties count half)."""
    r = ranks(scores)
    pos = [ri for ri, y in zip(r, labels, strict=True) if y]
    n_pos, n_neg = len(pos), len(labels) - len(pos)
    if not n_pos or not n_neg:
        return math.nan
    return (sum(pos) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def prf(pred: Sequence[bool], labels: Sequence[int]) -> tuple[float, float, float]:
    tp = sum(1 for p, y in zip(pred, labels, strict=True) if p and y)
    fp = sum(1 for p, y in zip(pred, labels, strict=True) if p and not y)
    fn = sum(1 for p, y in zip(pred, labels, strict=True) if not p and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_f1_threshold(scores: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """The score threshold (predict >= t) with the best F1, and that F1."""
    best_t, best_f = 1.0, -1.0
    for t in sorted(set(scores)):
        f = prf([s >= t for s in scores], labels)[2]
        if f > best_f:
            best_t, best_f = t, f
    return best_t, best_f


# ---------------------------------------------------------------------------------------------
# Running the aligner
# ---------------------------------------------------------------------------------------------


def doc(sentences: Sequence[str], role: SentenceRole = "body") -> Document:
    """A document whose sentences are exactly ``sentences`` (the gold segmentation), each
    with the layout ``role`` given."""
    text = "\n".join(sentences)
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(i, pos, pos + len(s), s, role))
        pos += len(s) + 1
    return Document(original=text, text=text, sentences=tuple(out))


def prepared(text: str) -> Document:
    """A story through the pipeline's own ingest, repair and sentence splitting."""
    from parallax.core.ingest import read_text

    try:
        from parallax.core.pipeline import prepare
    except ImportError:  # the pipeline changed: fall back to its parts
        from parallax.core.repair import repair_document
        from parallax.core.sentences import split_document

        return split_document(repair_document(read_text(text, name="story")))
    return prepare(read_text(text, name="story"))


def pair_score(a: str, b: str) -> float:
    pairs = A.score_pairs([a], [b])
    return max((p.score for p in pairs), default=0.0)


def half(a: str, b: str) -> str:
    """``calib`` or ``eval``, fixed by the text of the pair (order-independent)."""
    key = "\t".join(sorted((a, b))).encode("utf-8")
    return "calib" if hashlib.blake2b(key, digest_size=8).digest()[0] % 2 == 0 else "eval"


def fmt(x: float) -> str:
    return "  n/a" if math.isnan(x) else f"{x:.3f}"


# ---------------------------------------------------------------------------------------------
# 1. Sentence pairs
# ---------------------------------------------------------------------------------------------


def run_pairs(
    name: str,
    pairs: list[tuple[str, str, float, str]],
    positive: Callable[[float], bool],
    graded: bool,
    splits: list[str],
    also: tuple[str, Callable[[float], bool]] | None = None,
    role: SentenceRole = "body",
) -> None:
    """Score every pair once, then report per half (and per source, for the eval half).

    ``also`` names a second way to binarise the gold grades, reported for each half too
    (with a reliability table of the score on the eval half: the share of positives per
    score band, which a calibrated score keeps close to the band). ``role`` is the layout
    role both sentences get when aligned (headlines have a rule of their own).
    """
    link_threshold = getattr(A, "LINK_THRESHOLD", math.nan)
    t0 = time.perf_counter()
    rows = []  # (half, source, gold, label, score, linked)
    for a, b, gold, source in pairs:
        score = pair_score(a, b)
        linked = bool(A.align(doc([a], role), doc([b], role)))
        rows.append((half(a, b), source, gold, int(positive(gold)), score, linked))
    elapsed = time.perf_counter() - t0
    n_pos = sum(r[3] for r in rows)
    print(f"\n## {name}: {len(rows)} pairs, {n_pos} positive")
    print(
        f"   scored and aligned in {elapsed:.1f} s ({1000 * elapsed / max(1, len(rows)):.2f} ms/pair)"
    )
    header = f"   {'half':<6} {'n':>5} {'pos':>5}  {'AUC':>5} "
    header += f"{'rho':>6} " if graded else ""
    header += f" {'align P/R/F1':^17}  {'score>=' + format(link_threshold, '.2f') + ' P/R/F1':^20}"
    disagree = sum(1 for r in rows if r[5] != (r[4] >= link_threshold))
    print(f"   (align and score >= LINK_THRESHOLD disagree on {disagree} pairs)")
    print(header)
    by_half: dict[str, list[tuple[str, str, float, int, float, bool]]] = defaultdict(list)
    for r in rows:
        by_half[r[0]].append(r)
        by_half["all"].append(r)
    for h in [*splits, "all"]:
        rs = by_half[h]
        if not rs:
            continue
        labels = [r[3] for r in rs]
        scores = [r[4] for r in rs]
        auc = roc_auc(scores, labels)
        line = f"   {h:<6} {len(rs):>5} {sum(labels):>5}  {fmt(auc)} "
        if graded:
            line += f"{fmt(spearman(scores, [r[2] for r in rs])):>6} "
        pa, ra, fa = prf([r[5] for r in rs], labels)
        pt, rt, ft = prf([s >= link_threshold for s in scores], labels)
        line += f" {pa:.3f}/{ra:.3f}/{fa:.3f}  {pt:.3f}/{rt:.3f}/{ft:.3f}"
        print(line)
    if by_half["calib"] and by_half["eval"]:
        cal, ev = by_half["calib"], by_half["eval"]
        t, f_cal = best_f1_threshold([r[4] for r in cal], [r[3] for r in cal])
        p, r, f = prf([x[4] >= t for x in ev], [x[3] for x in ev])
        print(
            f"   best-F1 threshold on calib: {t:.3f} (F1 {f_cal:.3f});"
            f" on eval: P/R/F1 {p:.3f}/{r:.3f}/{f:.3f}"
        )
    if also is not None:
        label, pos2 = also
        print(f"   with {label} positive:")
        for h in [*splits, "all"]:
            rs = by_half[h]
            if not rs:
                continue
            labels = [int(pos2(r[2])) for r in rs]
            scores = [r[4] for r in rs]
            pa, ra, fa = prf([r[5] for r in rs], labels)
            print(
                f"   {h:<6} {len(rs):>5} {sum(labels):>5}  {fmt(roc_auc(scores, labels))}"
                f"  align P/R/F1 {pa:.3f}/{ra:.3f}/{fa:.3f}"
            )
        ev = by_half["eval"] or by_half["all"]
        cells = []
        for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
            band = [r for r in ev if lo <= r[4] < lo + 0.2 or (lo == 0.8 and r[4] == 1.0)]
            if band:
                share = sum(int(pos2(r[2])) for r in band) / len(band)
                cells.append(f"{lo:.1f}-{lo + 0.2:.1f}: {share:.2f} (n={len(band)})")
        print(f"   reliability on eval, share positive per score band: {'; '.join(cells)}")
    sources = sorted({r[1] for r in rows})
    if len(sources) > 1:
        print("   by source (all halves):")
        for src in sources:
            rs = [r for r in rows if r[1] == src]
            labels = [r[3] for r in rs]
            scores = [r[4] for r in rs]
            line = f"     {src:<28} n={len(rs):>5} pos={sum(labels):>5} AUC {fmt(roc_auc(scores, labels))}"
            if graded:
                line += f" rho {fmt(spearman(scores, [r[2] for r in rs]))}"
            line += f" align F1 {prf([r[5] for r in rs], labels)[2]:.3f}"
            print(line)


def subsample(pairs: list, limit: int, seed: int, name: str) -> list:
    if limit and len(pairs) > limit:
        print(f"   ({name}: seeded subsample of {limit} of {len(pairs)} pairs)")
        return random.Random(seed).sample(pairs, limit)
    return pairs


# ---------------------------------------------------------------------------------------------
# 2. Article pairs
# ---------------------------------------------------------------------------------------------


def best_score(left: Document, right: Document) -> float:
    """The best ``score_pairs`` score between the two articles (0 when none)."""
    texts_l, texts_r = [s.text for s in left.sentences], [s.text for s in right.sentences]
    return max((p.score for p in A.score_pairs(texts_l, texts_r)), default=0.0)


def link_stats(left: Document, right: Document) -> tuple[int, float]:
    """Number of links and the share of the shorter side's sentences they cover."""
    links = A.align(left, right)
    covered_l = {i for k in links for i in k.left}
    covered_r = {j for k in links for j in k.right}
    n_l, n_r = len(left.sentences), len(right.sentences)
    shorter = min(len(covered_l) / n_l if n_l else 0.0, len(covered_r) / n_r if n_r else 0.0)
    return len(links), shorter


def describe(name: str, stats: list[tuple[int, float]]) -> str:
    if not stats:
        return f"     {name:<34} (none)"
    n_links = [s[0] for s in stats]
    any_link = sum(1 for n in n_links if n) / len(stats)
    return (
        f"     {name:<34} pairs={len(stats):>5}  links/pair mean {statistics.mean(n_links):5.2f}"
        f" median {statistics.median(n_links):4.1f}  with any link {100 * any_link:5.1f}%"
        f"  sentences linked {100 * statistics.mean(s[1] for s in stats):5.1f}%"
    )


def run_duc(cache: Path, show: int) -> None:
    t0 = time.perf_counter()
    pairs = article_pairs(cache)
    same, diff = [], []
    samples = []
    best: list[float] = []
    labels: list[int] = []
    stats = []
    for left_text, right_text, same_event, tag in pairs:
        left, right = doc(left_text.split("\n")), doc(right_text.split("\n"))
        st = link_stats(left, right)
        stats.append(st)
        (same if same_event else diff).append(st)
        best.append(best_score(left, right))
        labels.append(same_event)
        if same_event and len(samples) < show:
            samples.append((tag, left, right))
    elapsed = time.perf_counter() - t0
    print(f"\n## DUC 2003 summaries (4 events x 4 writers), {len(pairs)} pairs, {elapsed:.1f} s")
    print(describe("same event (different writers)", same))
    print(describe("different events", diff))
    diff_eval = [
        st
        for st, (_, _, same_event, tag) in zip(stats, pairs, strict=True)
        if not same_event and half(tag, "duc") == "eval"
    ]
    print(describe("different events, eval half", diff_eval))
    print(
        f"   ROC-AUC of the best sentence-pair score, same vs different event: {fmt(roc_auc(best, labels))}"
    )
    for tag, left, right in samples:
        print(f"   same-event pair {tag}: links, then the best-scoring pairs left unlinked")
        links = A.align(left, right)
        linked = {(i, j) for k in links for i in k.left for j in k.right}
        for k in links:
            lt = " | ".join(left.sentences[i].text for i in k.left)
            rt = " | ".join(right.sentences[j].text for j in k.right)
            print(f"     LINK {k.score:.2f} {k.kind}: {lt[:100]!r}\n{'':>21}{rt[:100]!r}")
        texts_l = [s.text for s in left.sentences]
        texts_r = [s.text for s in right.sentences]
        missed = [p for p in A.score_pairs(texts_l, texts_r) if (p.left, p.right) not in linked]
        for p in missed[:4]:
            print(
                f"     miss {p.score:.2f}: {texts_l[p.left][:100]!r}\n{'':>16}{texts_r[p.right][:100]!r}"
            )


def run_lee(cache: Path) -> None:
    t0 = time.perf_counter()
    stories = lee_test_stories(cache)
    docs = {s: prepared(s) for s in stories}
    scored = lee_scored_pairs(cache)
    rows = []  # (human, links, coverage, best pair score)
    for a, b, human in scored:
        n, cov = link_stats(docs[a], docs[b])
        rows.append((human, n, cov, best_score(docs[a], docs[b])))
    elapsed = time.perf_counter() - t0
    n_sent = statistics.mean(len(d.sentences) for d in docs.values())
    print(
        f"\n## Lee corpus: 50 ABC stories ({n_sent:.1f} sentences each on average),"
        f" {len(rows)} rated pairs, {elapsed:.1f} s"
    )
    humans = [r[0] for r in rows]
    print(
        f"   Spearman rho with the human rating: links/pair {fmt(spearman([r[1] for r in rows], humans))},"
        f" share of sentences linked {fmt(spearman([r[2] for r in rows], humans))}"
    )
    print(
        f"   Spearman rho with the human rating: best sentence-pair score {fmt(spearman([r[3] for r in rows], humans))}"
    )
    high = [int(r[0] >= 0.8) for r in rows]
    print(
        f"   ROC-AUC, rating >= 0.8 vs the rest: links/pair {fmt(roc_auc([r[1] for r in rows], high))},"
        f" best sentence-pair score {fmt(roc_auc([r[3] for r in rows], high))}"
    )
    bands = [(0.8, 1.01, "rating >= 0.8 (same news thread)"), (0.5, 0.8, "0.5 <= rating < 0.8")]
    bands += [(0.3001, 0.5, "0.3 < rating < 0.5"), (0.0, 0.3001, "rating <= 0.3 (unrelated)")]
    for lo, hi, label in bands:
        print(describe(label, [(r[1], r[2]) for r in rows if lo <= r[0] < hi]))


def run_random(cache: Path, n_pairs: int, seed: int) -> None:
    t0 = time.perf_counter()
    stories = lee_news_stories(cache)[:300]  # lee_background.cor: the 300 background stories
    rng = random.Random(seed)
    picks = set()
    while len(picks) < min(n_pairs, len(stories) * (len(stories) - 1) // 2):
        i, j = sorted(rng.sample(range(len(stories)), 2))
        picks.add((i, j))
    needed = {i for p in picks for i in p}
    docs = {i: prepared(stories[i]) for i in sorted(needed)}
    stats = [link_stats(docs[i], docs[j]) for i, j in sorted(picks)]
    halves = [half(stories[i], stories[j]) for i, j in sorted(picks)]
    elapsed = time.perf_counter() - t0
    print(
        f"\n## Lee background stories: {len(stats)} seeded random pairs (unlabelled), {elapsed:.1f} s"
    )
    print(describe("random pairs (nearly all unrelated)", stats))
    # fit_align.py sets MUTUAL_FLOOR on calib-half pairs; the eval half is unseen.
    print(
        describe(
            "  of which eval half", [st for st, h in zip(stats, halves, strict=True) if h == "eval"]
        )
    )


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--split", choices=["both", "calib", "eval"], default="both")
    ap.add_argument("--limit", type=int, default=0, help="subsample each pair set (0: all)")
    ap.add_argument("--sts-positive", type=float, default=3.5, help="STS gold >= this is a link")
    ap.add_argument("--random-pairs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=1, help="same-event DUC pairs whose links to print")
    args = ap.parse_args(argv)
    splits = ["calib", "eval"] if args.split == "both" else [args.split]

    print(
        f"aligner: LINK_THRESHOLD={getattr(A, 'LINK_THRESHOLD', 'n/a')}"
        f" PARAPHRASE_THRESHOLD={getattr(A, 'PARAPHRASE_THRESHOLD', 'n/a')}"
    )
    t0 = time.perf_counter()
    A.score_pairs(["Warm the model up."], ["Warm up the model."])
    print(f"warm-up (model load) {time.perf_counter() - t0:.2f} s")

    print("\n# 1. Sentence pairs with human labels")
    sts = sts_benchmark(args.cache)
    news = [p for p in sts if p[3].startswith("main-news/")]
    other = [p for p in sts if not p[3].startswith("main-news/")]

    def positive(g: float) -> bool:
        return g >= args.sts_positive

    def by_source(p: tuple[str, str, float, str]) -> tuple[str, str, float, str]:
        return (p[0], p[1], p[2], p[3].rsplit("/", 1)[0])  # drop the train/dev/test split

    run_pairs(
        f"STS benchmark, news (gold >= {args.sts_positive} positive)",
        [by_source(p) for p in subsample(news, args.limit, args.seed, "STS news")],
        positive,
        True,
        splits,
        also=("gold >= 3.0 (the label the score model was fitted to)", lambda g: g >= 3.0),
    )
    run_pairs(
        f"STS benchmark, captions and forums (gold >= {args.sts_positive} positive)",
        [by_source(p) for p in subsample(other, args.limit, args.seed, "STS other")],
        positive,
        True,
        splits,
    )
    heads = [(a, b, float(y), "SL2003") for a, b, y in headline_pairs(args.cache)]
    run_pairs(
        "ROUGE SL2003 headline summaries (same story, different writer = positive)",
        subsample(heads, args.limit, args.seed, "SL2003"),
        lambda g: g >= 1,
        False,
        splits,
        role="headline",
    )

    print("\n# 2. Article pairs")
    run_duc(args.cache, args.show)
    run_lee(args.cache)
    run_random(args.cache, args.random_pairs, args.seed)
    print(f"\ntotal {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
