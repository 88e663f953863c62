"""The aligner's numbers: the fitted score model, its thresholds and the search limits.

Every number that decides which sentences link lives here, so that a refit
(``tests/bench/fit_align.py`` prints what to paste) touches one file.
"""

from __future__ import annotations

from typing import Final

#: The signals of a pair, in the order of :data:`WEIGHTS` (see ``_Scorer.features``).
FEATURES: Final = ("cosine", "overlap", "cover_max", "cover_min", "figures_differ")

# WEIGHTS, BIAS, LINK_THRESHOLD, PARAPHRASE_THRESHOLD, MUTUAL_FLOOR and HEADLINE_THRESHOLD
# were fitted by ``tests/bench/fit_align.py`` (run it after changing a signal and paste
# what it prints):
# a logistic regression (Newton's method, tiny L2) over FEATURES on the calib half of the
# STS benchmark's 4,299 news pairs, each pair's signals computed inside a context of 40
# pairs so that IDF varies as in an article; a link is a pair graded >= 3.0 ("roughly
# equivalent, some important information differs"). A score is thus a calibrated
# probability that two sentences report at least roughly the same fact (on the eval half:
# 0.09 of pairs scored 0-0.2 are links, 0.53 of those scored 0.4-0.6, 0.91 of 0.8-1).
# MUTUAL_FLOOR is set on article pairs about different events (DUC 2003 summaries, Lee
# corpus stories), where every link is false; HEADLINE_THRESHOLD on headline summaries.
# SECONDARY_FLOOR and FIGURE_FLOOR are set by hand and checked on the same material.
#: Logistic weights over :data:`FEATURES` and a bias.
WEIGHTS: Final = (3.033, 1.737, 2.470, 1.322, -1.534)
BIAS: Final = -4.743
#: Score at or above which two sentences are linked (best F1 on the calib half).
LINK_THRESHOLD: Final = 0.48
#: Score at or above which a link reports the same fact in other words (else "partial"):
#: best F1 for "gold >= 4.0, mostly equivalent" on the calib half.
PARAPHRASE_THRESHOLD: Final = 0.80
#: Sentences still free after the first pass, each the other's best remaining counterpart
#: and each with a rival candidate, are linked down to this score (competitive linking).
MUTUAL_FLOOR: Final = 0.30
#: Two headlines link at or above this score: best F1 on the calib half of the ROUGE
#: "SL2003" headline summaries (one story's headlines by different writers against other
#: stories'), scored in context; on the eval half P/R/F1 0.959/0.662/0.783, against
#: 1.000/0.380/0.551 at LINK_THRESHOLD. Headlines say in a few words what sentences say at
#: length, so they share fewer words.
HEADLINE_THRESHOLD: Final = 0.16
#: Normalised edit similarity at or above which two sentences are the same statement.
SAME_THRESHOLD: Final = 0.9
#: A second counterpart needs at least this score, both overall and on the residual
#: (what the linked sentence says beyond its first counterpart).
SECONDARY_FLOOR: Final = 0.2
#: A second counterpart that shares a rare figure with the linked sentence needs only this.
FIGURE_FLOOR: Final = 0.1
#: Embedding neighbours taken per sentence, from each side.
TOP_K: Final = 3
#: Words in at most this many sentences (both sides together) propose candidates.
RARE_DF: Final = 3
#: Rows of the similarity matrix computed at once (bounds memory on long documents).
BLOCK: Final = 512
#: Scores this close rank as a tie (broken the same way whichever article is on the left).
TIE: Final = 1e-6

#: Up to this many sentence pairs, every pair is scored by the refined model; above it,
#: each sentence's nearest by either encoder and the pairs sharing a rare word.
ALL_PAIRS_LIMIT: Final = 40_000
#: Nearest neighbours per sentence taken from each encoder above that limit.
REFINED_TOP_K: Final = 5
#: A sentence whose every year (and decade) lies at least this many years before the latest
#: year either article names tells background: an earlier event ("the treaty signed in
#: 1961"), not the news both report.
BACKGROUND_YEARS: Final = 5
