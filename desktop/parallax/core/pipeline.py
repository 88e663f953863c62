"""The one place where the stages meet: ingest -> repair -> sentences -> align -> actors.

Every stage is a pure function of its inputs; this module only runs them in order, reports
progress and honours cancellation, so a GUI worker and the command line share one code path.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Final

from parallax.core.actors import Recognizer
from parallax.core.align import align
from parallax.core.contextual import contextual_encoder
from parallax.core.ingest import IngestError
from parallax.core.model import Comparison, Document, Repair
from parallax.core.offsets import apply_repairs
from parallax.core.reactions import actors_and_reactions
from parallax.core.repair import repair_document
from parallax.core.rerank import reranker
from parallax.core.sentences import split_document

#: Called with a stage name and the overall fraction done (0..1).
Progress = Callable[[str, float], None]
#: Returns True when the caller wants the job stopped.
CancelCheck = Callable[[], bool]

#: The stages that need a :class:`~parallax.core.actors.Recognizer`: without one they are
#: reported in ``Comparison.skipped``, never faked.
RECOGNIZER_STAGES: tuple[str, ...] = ("actors", "reactions")

#: The most sentences one article may have. Linking compares every sentence with every
#: sentence of the other article (in blocks of a matrix product), so its time grows with
#: the product of the two counts: 8,000 (1 MiB of news prose, see ``ingest.MAX_TEXT``)
#: keeps the largest pair within seconds, where 100,000 one-word lines took minutes.
MAX_SENTENCES: Final = 8_000
#: The refined links (a transformer over every sentence, about 5 ms each) and actors and
#: reactions (spaCy, about 5 ms a sentence) run only when the two articles have at most
#: this many sentences together: ten times a long news pair (50 sentences a side is
#: common, 300 a long read). A longer pair gets the quick links at once, and ``skipped``
#: names the stages left out (see :func:`too_long_for_nlp`).
NLP_MAX_SENTENCES: Final = 1_000


class TooManySentences(IngestError):
    """An article has more than :data:`MAX_SENTENCES` sentences (one line for the user)."""


def too_long_for_nlp(left: Document, right: Document) -> bool:
    """Whether a pair is too long for the refined links, actors and reactions."""
    return len(left.sentences) + len(right.sentences) > NLP_MAX_SENTENCES


def long_pair_note(comparison: Comparison) -> str | None:
    """One sentence for the user on why a long pair has quick links and no actors; None for
    a pair short enough for every stage."""
    left, right = comparison.left, comparison.right
    if not too_long_for_nlp(left, right):
        return None
    count = len(left.sentences) + len(right.sentences)
    return (
        f"These articles have {count:,} sentences together: actors, reactions and the refined "
        f"links are found for pairs of up to {NLP_MAX_SENTENCES:,}, since longer ones would "
        "take minutes, so the links are the quick ones."
    )


def _check_sentences(doc: Document, side: str) -> None:
    if len(doc.sentences) > MAX_SENTENCES:
        name = PurePath(doc.path).name if doc.path else f"The {side} article"
        raise TooManySentences(
            f"{name} has {len(doc.sentences):,} sentences (or lines), more than the "
            f"{MAX_SENTENCES:,} Parallax compares in one article, since linking longer ones "
            "would take minutes: compare the part you need."
        )


class Cancelled(Exception):
    """Raised inside :func:`compare` when the caller cancelled the job."""


@dataclass(frozen=True, slots=True)
class Options:
    """What a user can change about a comparison."""

    pinned: tuple[tuple[int, int], ...] = ()
    rejected: tuple[tuple[int, int], ...] = ()
    skip_repairs: tuple[str, ...] = ()
    #: Only the quick static links, never the refined shared facts (very long articles).
    quick: bool = False


def prepare(doc: Document, *, skip_repairs: Iterable[str] = ()) -> Document:
    """Repair a freshly ingested document and split it into sentences."""
    return split_document(repair(doc, skip_repairs=skip_repairs))


def repair(doc: Document, *, skip_repairs: Iterable[str] = ()) -> Document:
    """Run the repair stage on a freshly ingested document, keeping ingest's own repairs.

    Ingest records what it had to change to read the bytes at all (a run of bytes that
    are not UTF-8, replaced); the repair stage starts again from the original text, so
    those records are folded back into its own. One the stage made too (it removes a
    replacement character inside a word) keeps the span and takes ingest's reason; one it
    changed as part of a larger repair is that repair's.
    """
    repaired = repair_document(doc, skip=skip_repairs)
    if not doc.repairs:
        return repaired
    stage = list(repaired.repairs)
    starts = [r.start for r in stage]
    added: list[Repair] = []
    for mine in doc.repairs:
        k = bisect.bisect_right(starts, mine.start) - 1
        near = [i for i in (k, k + 1) if 0 <= i < len(stage)]
        hit = next(
            (i for i in near if stage[i].start < mine.end and mine.start < stage[i].end), None
        )
        if hit is None:
            added.append(mine)
        elif (stage[hit].start, stage[hit].end) == (mine.start, mine.end):
            stage[hit] = replace(stage[hit], kind=mine.kind)
    repairs = tuple(sorted(stage + added, key=lambda r: (r.start, r.end)))
    return replace(repaired, text=apply_repairs(doc.original, repairs), repairs=repairs)


def compare(
    left: Document,
    right: Document,
    *,
    options: Options | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    recognizer: Recognizer | None = None,
) -> Comparison:
    """Compare two ingested documents.

    Args:
        left: The left article as ingested (its ``original`` is what gets repaired).
        right: The right article as ingested.
        options: Pinned and rejected links and repair steps to skip.
        progress: Receives ``(stage, fraction)`` as the job advances.
        cancelled: Polled between stages (and between batches of the long ones); when it
            returns True, :class:`Cancelled` is raised.
        recognizer: Finds actors and reactions (``parallax.nlp.recognizer()`` gives the one
            built from the shipped lexicons; core does not know where those are installed).
            Without it, ``actors`` and ``reactions`` stay empty and ``skipped`` says so. Its
            spaCy model loads on first use, so the first comparison pays about 2 s unless
            :meth:`~parallax.core.actors.Recognizer.warm_up` ran before.
    """
    opts = options or Options()
    if recognizer is None:
        comparison = link(left, right, options=opts, progress=progress, cancelled=cancelled)
        if progress is not None:
            progress("done", 1.0)
        return comparison
    linked = link(
        left,
        right,
        options=opts,
        progress=None if progress is None else lambda s, f: progress(s, 0.7 * f),
        cancelled=cancelled,
    )
    return add_actors(
        linked,
        recognizer,
        progress=None if progress is None else lambda s, f: progress(s, 0.7 + 0.3 * f),
        cancelled=cancelled,
    )


def _stepper(progress: Progress | None, cancelled: CancelCheck | None) -> Progress:
    def step(stage: str, fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled(stage)
        if progress is not None:
            progress(stage, fraction)

    return step


def link(
    left: Document,
    right: Document,
    *,
    options: Options | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    refined: bool = True,
) -> Comparison:
    """Repair, split and align: the part of :func:`compare` a reader shows first.

    With ``refined`` (the default) the links are the shared facts of the contextual
    scorer (:mod:`parallax.core.facts`); without, the quick static links, which a reader
    paints at once and then replaces by :func:`refine`'s.

    The result has no actors yet (``skipped`` names the recogniser stages); pass it to
    :func:`add_actors` to complete it. Progress fractions run from 0 to 1 over this part.
    A pair longer than :data:`NLP_MAX_SENTENCES` gets the quick links only.

    Raises:
        TooManySentences: An article has more than :data:`MAX_SENTENCES` sentences.
    """
    opts = options or Options()
    step = _stepper(progress, cancelled)
    step("repair", 0.0)
    left = repair(left, skip_repairs=opts.skip_repairs)
    right = repair(right, skip_repairs=opts.skip_repairs)
    step("sentences", 0.2)
    left = split_document(left)
    _check_sentences(left, "left")
    right = split_document(right)
    _check_sentences(right, "right")
    step("align", 0.4)
    refined = refined and not opts.quick and not too_long_for_nlp(left, right)
    links = align(
        left,
        right,
        pinned=opts.pinned,
        rejected=opts.rejected,
        contextual=contextual_encoder() if refined else None,
        reranker=reranker() if refined else None,
        progress=lambda f: step("align", 0.4 + 0.6 * f),
    )
    step("linked", 1.0)
    return Comparison(left=left, right=right, links=links, skipped=RECOGNIZER_STAGES)


def refine(
    comparison: Comparison,
    *,
    options: Options | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Comparison:
    """The refined links of a comparison made with ``link(..., refined=False)``: its
    documents are kept (already repaired and split) and aligned again by the contextual
    scorer. Progress fractions run from 0 to 1 over this part. A pair longer than
    :data:`NLP_MAX_SENTENCES` is returned as it is."""
    opts = options or Options()
    step = _stepper(progress, cancelled)
    step("refine", 0.0)
    if too_long_for_nlp(comparison.left, comparison.right):
        step("refined", 1.0)
        return comparison
    links = align(
        comparison.left,
        comparison.right,
        pinned=opts.pinned,
        rejected=opts.rejected,
        contextual=contextual_encoder(),
        reranker=reranker(),
        progress=lambda f: step("refine", f),
    )
    step("refined", 1.0)
    return replace(comparison, links=links)


def add_actors(
    comparison: Comparison,
    recognizer: Recognizer,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Comparison:
    """Find the actors and reactions of a linked comparison (the slow, spaCy part).

    Progress fractions run from 0 to 1 over this part; the result no longer lists the
    recogniser stages in ``skipped``, unless the pair is longer than
    :data:`NLP_MAX_SENTENCES`: then it is returned as it is, without loading spaCy.
    """
    step = _stepper(progress, cancelled)
    step("actors", 0.0)
    if too_long_for_nlp(comparison.left, comparison.right):
        step("done", 1.0)
        return comparison
    found = recognizer.pair_elsewhere(
        comparison.left, comparison.right, lambda: step("actors", 0.0)
    )
    if found is None:
        parsed_left, parsed_right = recognizer.parse_all(
            [(comparison.left, "left"), (comparison.right, "right")],
            progress=lambda f: step("actors", 0.9 * f),
        )
        step("reactions", 0.9)
        found = actors_and_reactions(parsed_left, parsed_right, recognizer.lexicon)
    actors, reactions = found
    step("done", 1.0)
    skipped = tuple(s for s in comparison.skipped if s not in RECOGNIZER_STAGES)
    return replace(comparison, actors=actors, reactions=reactions, skipped=skipped)
