"""Linking the sentences of two articles that report the same fact.

Two outlets tell one event in a different order and in different words, so this is not a
diff: any sentence may link to any other, and one sentence may cover two. The aligner runs
in three passes, each close to linear in the size of the articles:

1. **Candidates.** Every sentence is embedded with a static sentence-embedding model
   (:mod:`parallax.core.embed`), and for each sentence the ``top_k`` most similar sentences
   of the other side are found block by block (one matrix product per block, never the
   whole similarity matrix at once). Sentences that share a rare word — a name, a number —
   become candidates too, through an inverted index of words that occur in only a few
   sentences. Only these candidates are scored further.
2. **Scoring.** Each candidate pair gets the signals of :data:`FEATURES`, all computed at
   once with sparse-matrix arithmetic in NumPy: the embedding cosine (paraphrase: "pact"
   and "treaty"), the cosine of IDF-weighted content-word stems (the specific facts both
   state; IDF over both articles, so names that occur everywhere weigh little), how much
   of each sentence's IDF mass the other covers (the larger share: one sentence contained
   in a longer one; the smaller: how much both say in common), and whether both state
   figures and share none. A logistic model turns them into a calibrated probability
   that the two report at least roughly the same fact; its weights and thresholds were
   fitted on held-out news (``tests/bench/fit_align.py``) and are measured on the other
   half (``tests/bench/heldout_align.py``).
3. **Assignment.** One-to-one greedy by score above :data:`LINK_THRESHOLD`; then
   competitive linking among the sentences still free, down to :data:`MUTUAL_FLOOR` (two
   sentences that are each other's best remaining counterpart, each having had a rival);
   then second counterparts, where a longer sentence covers two facts: a free sentence
   joins a linked one when it matches what that one says beyond its first counterpart,
   or shares a rare figure with it (a year meets its decade: "1961" and "the 1960s").
   Headlines are short summaries and get two rules of their own: two headlines still free
   link down to :data:`HEADLINE_THRESHOLD`, and a headline still free follows the body
   sentence of its own article that it restates into that sentence's link. Connected
   pairs become many-to-many :class:`~parallax.core.model.Link` records, each with the
   differences of :mod:`parallax.core.differences`.

User-pinned pairs are always linked and user-rejected pairs never are, in the manner of
meld's sync points: the rest is aligned around them.

Where each part lives:

* :mod:`~parallax.core.align.aligner`: :func:`align`, the passes run in order;
* :mod:`~parallax.core.align.words`: the content stems of a sentence;
* :mod:`~parallax.core.align.candidates`: pass 1, nearest neighbours and rare words;
* :mod:`~parallax.core.align.signals` and :mod:`~parallax.core.align.scoring`: pass 2,
  the word signals of a pair and the calibrated score;
* :mod:`~parallax.core.align.assign`: pass 3, which scored pairs link, headlines included;
* :mod:`~parallax.core.align.links`: linked pairs grouped into :class:`Link` records;
* :mod:`~parallax.core.align.refined`: the refined links of the contextual encoder;
* :mod:`~parallax.core.align.constants`: every fitted weight and threshold.

The names exported here are the aligner's public interface. Names with a leading underscore
are its internals, shared between these modules (and read by the fitting scripts in
``tests/bench``), not by the rest of Parallax.
"""

from __future__ import annotations

from parallax.core.align.aligner import ProgressCallback, align
from parallax.core.align.candidates import Pairs
from parallax.core.align.constants import (
    ALL_PAIRS_LIMIT,
    BIAS,
    BLOCK,
    FEATURES,
    FIGURE_FLOOR,
    HEADLINE_THRESHOLD,
    LINK_THRESHOLD,
    MUTUAL_FLOOR,
    PARAPHRASE_THRESHOLD,
    RARE_DF,
    REFINED_TOP_K,
    SAME_THRESHOLD,
    SECONDARY_FLOOR,
    TIE,
    TOP_K,
    WEIGHTS,
)
from parallax.core.align.links import compared_sentences
from parallax.core.align.refined import refined_features
from parallax.core.align.scoring import Embedder, Ranked, ScoredPair, combine, score_pairs
from parallax.core.align.words import content_stems

__all__ = [
    "ALL_PAIRS_LIMIT",
    "BIAS",
    "BLOCK",
    "FEATURES",
    "FIGURE_FLOOR",
    "HEADLINE_THRESHOLD",
    "LINK_THRESHOLD",
    "MUTUAL_FLOOR",
    "PARAPHRASE_THRESHOLD",
    "RARE_DF",
    "REFINED_TOP_K",
    "SAME_THRESHOLD",
    "SECONDARY_FLOOR",
    "TIE",
    "TOP_K",
    "WEIGHTS",
    "Embedder",
    "Pairs",
    "ProgressCallback",
    "Ranked",
    "ScoredPair",
    "align",
    "combine",
    "compared_sentences",
    "content_stems",
    "refined_features",
    "score_pairs",
]
