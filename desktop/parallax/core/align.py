"""Linking the sentences of two articles that report the same fact.

Two outlets tell one event in a different order and in different words, so this is not a
diff: any sentence may link to any other, and one sentence may cover two. The aligner works
in three passes, each cheap enough to keep the whole job close to linear in document size:

1. **Candidates.** Each sentence becomes a sparse TF-IDF vector of its content-word stems
   (IDF over the sentences of both articles, so names that occur everywhere weigh little).
   An inverted index yields, for each sentence, the sentences of the other side that share
   informative stems, scored by cosine similarity.
2. **Scoring.** The best few candidates per sentence are rescored with rapidfuzz's
   ``token_set_ratio`` over the content words, which rewards one sentence containing the
   other's facts, and the two signals are combined into a calibrated score in 0..1.
3. **Assignment.** Mutual best pairs above the threshold are taken first (greedy by score);
   a sentence may then join a second counterpart when that pairing is nearly as strong, and
   the resulting groups become many-to-many :class:`~parallax.core.model.Link` records.

User-pinned pairs are always linked and user-rejected pairs never are, in the manner of
meld's sync points: the rest is aligned around them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from parallax.core.model import Difference, Document, Link, LinkKind, Sentence

#: Combined score at or above which two sentences are linked.
LINK_THRESHOLD: Final = 0.36
#: Score at or above which a link reports the same fact in other words (else "partial").
PARAPHRASE_THRESHOLD: Final = 0.55
#: Normalised edit similarity at or above which two sentences are the same statement.
SAME_THRESHOLD: Final = 0.9
#: A second counterpart joins a link when it scores at least this share of the best one.
SECONDARY_SHARE: Final = 0.5
#: Candidates rescored per sentence.
TOP_K: Final = 6

ProgressCallback = Callable[[float], None]

_STOPWORDS: Final = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    either even ever every few for from further had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least let like many may
    me meanwhile might more most much must my myself neither no nor not now of off on once
    only or other others our ours ourselves out over own per same shall she should since so
    some such than that the their theirs them themselves then there these they this those
    though through thus to too under until up upon us very was we were what when where
    whether which while who whom whose why will with within without would yet you your
    yours said says say according moreover notably while""".split()
)
_WORD_RE: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NUMBER_RE: Final = re.compile(
    r"\b\d[\d,.]*(?:s|st|nd|rd|th|%)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozens?)\b",
    re.IGNORECASE,
)
_YEAR_RE: Final = re.compile(r"^(?:1[5-9]|20)\d\d(?:s)?$")


def _stem(word: str) -> str:
    """A light suffix stripper: enough to meet "attacked"/"attack", "countries"/"country"."""
    w = word
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    return w


def content_stems(text: str) -> list[str]:
    """The content words of a sentence, lower-cased and stemmed, in order."""
    out = []
    for m in _WORD_RE.finditer(text.lower()):
        w = m.group()
        if w in _STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        out.append(_stem(w))
    return out


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """A candidate pair of sentences (indexes into each side) and its combined score."""

    left: int
    right: int
    score: float


@dataclass(frozen=True, slots=True)
class _Vectors:
    weights: list[dict[str, float]]  # per sentence: stem -> tf-idf weight (L2-normalised)
    stems: list[list[str]]


def _vectorise(stems: Sequence[list[str]], idf: dict[str, float]) -> list[dict[str, float]]:
    vectors = []
    for toks in stems:
        tf = Counter(toks)
        vec = {t: (1.0 + math.log(n)) * idf[t] for t, n in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def _candidates(
    left: list[dict[str, float]], right: list[dict[str, float]], df: Counter[str], n_docs: int
) -> dict[tuple[int, int], float]:
    """Cosine similarity for every pair sharing at least one informative stem."""
    # Stems in a large share of all sentences carry no signal for *finding* candidates
    # (their weight still counts in the cosine of the pairs found through other stems).
    common_cut = max(8, int(0.08 * n_docs))
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, vec in enumerate(right):
        for t, w in vec.items():
            if df[t] <= common_cut:
                index[t].append((j, w))
    sims: dict[tuple[int, int], float] = {}
    for i, vec in enumerate(left):
        acc: dict[int, float] = defaultdict(float)
        for t, w in vec.items():
            for j, w2 in index.get(t, ()):
                acc[j] += w * w2
        for j in acc:
            # The exact cosine, including the common stems skipped for candidate finding.
            other = right[j]
            sims[(i, j)] = sum(w * other.get(t, 0.0) for t, w in vec.items())
    return sims


def score_pairs(
    left: Sequence[str],
    right: Sequence[str],
    *,
    top_k: int = TOP_K,
    score_cutoff: float = 0.0,
) -> list[ScoredPair]:
    """Score the promising sentence pairs of two articles.

    Args:
        left: Sentences of the left article.
        right: Sentences of the right article.
        top_k: How many candidates per sentence (from either side) to rescore.
        score_cutoff: Pairs scoring below this are dropped (rapidfuzz's convention).

    Returns:
        Scored pairs, best first.
    """
    lstems = [content_stems(s) for s in left]
    rstems = [content_stems(s) for s in right]
    df: Counter[str] = Counter()
    for toks in (*lstems, *rstems):
        df.update(set(toks))
    n_docs = max(len(left) + len(right), 1)
    idf = {t: math.log((n_docs + 1) / (n + 1)) + 1.0 for t, n in df.items()}
    lvec, rvec = _vectorise(lstems, idf), _vectorise(rstems, idf)
    sims = _candidates(lvec, rvec, df, n_docs)

    # Keep the top_k candidates of every sentence, from both sides' point of view.
    by_left: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_right: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), s in sims.items():
        by_left[i].append((s, j))
        by_right[j].append((s, i))
    keep: set[tuple[int, int]] = set()
    for i, lst in by_left.items():
        keep.update((i, j) for _, j in sorted(lst, reverse=True)[:top_k])
    for j, lst in by_right.items():
        keep.update((i, j) for _, i in sorted(lst, reverse=True)[:top_k])

    lcontent = [" ".join(t) for t in lstems]
    rcontent = [" ".join(t) for t in rstems]
    out = []
    for i, j in keep:
        cos = sims[(i, j)]
        overlap = fuzz.token_set_ratio(lcontent[i], rcontent[j]) / 100.0
        # Shared informative words carry the decision; token_set_ratio confirms that one
        # sentence's facts are contained in the other's.
        score = 0.65 * cos + 0.35 * overlap * min(1.0, cos / 0.25)
        if score >= score_cutoff:
            out.append(ScoredPair(i, j, min(1.0, score)))
    out.sort(key=lambda p: (-p.score, p.left, p.right))
    return out


def _numbers(text: str) -> list[str]:
    return [m.group().lower().rstrip(".,") for m in _NUMBER_RE.finditer(text)]


def find_differences(left: str, right: str) -> tuple[Difference, ...]:
    """Numbers and dates that one side of a link states and the other contradicts."""
    ln, rn = _numbers(left), _numbers(right)
    only_l = [n for n in ln if n not in rn]
    only_r = [n for n in rn if n not in ln]
    diffs: list[Difference] = []
    if only_l and only_r:
        years_l = [n for n in only_l if _YEAR_RE.match(n)]
        years_r = [n for n in only_r if _YEAR_RE.match(n)]
        if years_l and years_r:
            diffs.append(Difference("date", ", ".join(years_l), ", ".join(years_r)))
        rest_l = [n for n in only_l if n not in years_l]
        rest_r = [n for n in only_r if n not in years_r]
        if rest_l and rest_r:
            diffs.append(Difference("number", ", ".join(rest_l), ", ".join(rest_r)))
    return tuple(diffs)


def _kind(score: float, left: str, right: str) -> LinkKind:
    if Indel.normalized_similarity(left.lower(), right.lower()) >= SAME_THRESHOLD:
        return "same"
    return "paraphrase" if score >= PARAPHRASE_THRESHOLD else "partial"


def _linkable(s: Sentence) -> bool:
    return s.role != "repeat"


def align(
    left: Document,
    right: Document,
    *,
    pinned: Iterable[tuple[int, int]] = (),
    rejected: Iterable[tuple[int, int]] = (),
    threshold: float = LINK_THRESHOLD,
    progress: ProgressCallback | None = None,
) -> tuple[Link, ...]:
    """Link the sentences of two split documents.

    Args:
        left: The left document, with sentences.
        right: The right document, with sentences.
        pinned: ``(left_index, right_index)`` pairs the user linked by hand: always kept.
        rejected: Pairs the user unlinked: never proposed again.
        threshold: Minimum combined score for a link.
        progress: Called with a fraction 0..1 as the work advances.

    Returns:
        Links ordered by their first left sentence.
    """
    pinned_set = set(pinned)
    rejected_set = set(rejected) - pinned_set
    lsent = [s for s in left.sentences if _linkable(s)]
    rsent = [s for s in right.sentences if _linkable(s)]
    if progress:
        progress(0.05)
    pairs = score_pairs([s.text for s in lsent], [s.text for s in rsent], score_cutoff=threshold)
    if progress:
        progress(0.7)

    scores: dict[tuple[int, int], float] = {}
    for p in pairs:
        key = (lsent[p.left].index, rsent[p.right].index)
        if key not in rejected_set:
            scores[key] = p.score
    edges: dict[tuple[int, int], float] = {}
    for key in pinned_set:
        edges[key] = max(scores.get(key, 0.0), threshold)

    # Greedy one-to-one on the strongest pairs, then near-equal second counterparts.
    best_l: dict[int, float] = {i: 0.0 for i, _ in pinned_set}
    best_r: dict[int, float] = {j: 0.0 for _, j in pinned_set}
    used_l = {i for i, _ in pinned_set}
    used_r = {j for _, j in pinned_set}
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    for (i, j), s in ordered:
        if i in used_l or j in used_r:
            continue
        edges[(i, j)] = s
        used_l.add(i)
        used_r.add(j)
        best_l[i] = best_r[j] = s
    for (i, j), s in ordered:
        if (i, j) in edges:
            continue
        bl, br = best_l.get(i), best_r.get(j)
        # Join as a second counterpart only where the other end is still free, so that a
        # link stays a small group (one sentence covering two), never a chain.
        if bl is not None and j not in used_r and s >= SECONDARY_SHARE * bl:
            edges[(i, j)] = s
            used_r.add(j)
            best_r[j] = s
        elif br is not None and i not in used_l and s >= SECONDARY_SHARE * br:
            edges[(i, j)] = s
            used_l.add(i)
            best_l[i] = s

    links = _group(edges, left, right)
    if progress:
        progress(1.0)
    return links


def _group(
    edges: dict[tuple[int, int], float], left: Document, right: Document
) -> tuple[Link, ...]:
    """Connected groups of edges become many-to-many links."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[find(("l", i))] = find(("r", j))
    groups: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in edges:
        groups[find(("l", i))].append((i, j))
    links = []
    for members in groups.values():
        ls = tuple(sorted({i for i, _ in members}))
        rs = tuple(sorted({j for _, j in members}))
        score = max(edges[m] for m in members)
        ltext = " ".join(left.sentences[i].text for i in ls)
        rtext = " ".join(right.sentences[j].text for j in rs)
        links.append(
            Link(
                left=ls,
                right=rs,
                score=round(min(1.0, score), 4),
                kind=_kind(score, ltext, rtext),
                differences=find_differences(ltext, rtext),
            )
        )
    links.sort(key=lambda k: (k.left[0], k.right[0]))
    return tuple(links)
