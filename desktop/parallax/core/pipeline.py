"""The one place where the stages meet: ingest -> repair -> sentences -> align.

Every stage is a pure function of its inputs; this module only runs them in order, reports
progress and honours cancellation, so a GUI worker and the command line share one code path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from parallax.core.align import align
from parallax.core.model import Comparison, Document
from parallax.core.repair import repair_document
from parallax.core.sentences import split_document

#: Called with a stage name and the overall fraction done (0..1).
Progress = Callable[[str, float], None]
#: Returns True when the caller wants the job stopped.
CancelCheck = Callable[[], bool]

#: Stages that have not landed yet and are reported as skipped, never faked.
PENDING_STAGES: tuple[str, ...] = ("actors", "reactions")


class Cancelled(Exception):
    """Raised inside :func:`compare` when the caller cancelled the job."""


@dataclass(frozen=True, slots=True)
class Options:
    """What a user can change about a comparison."""

    pinned: tuple[tuple[int, int], ...] = ()
    rejected: tuple[tuple[int, int], ...] = ()
    skip_repairs: tuple[str, ...] = ()


def prepare(doc: Document, *, skip_repairs: Iterable[str] = ()) -> Document:
    """Repair a freshly ingested document and split it into sentences."""
    return split_document(repair_document(doc, skip=skip_repairs))


def compare(
    left: Document,
    right: Document,
    *,
    options: Options | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Comparison:
    """Compare two ingested documents.

    Args:
        left: The left article as ingested (its ``original`` is what gets repaired).
        right: The right article as ingested.
        options: Pinned and rejected links and repair steps to skip.
        progress: Receives ``(stage, fraction)`` as the job advances.
        cancelled: Polled between stages; when it returns True, :class:`Cancelled` is raised.
    """
    opts = options or Options()

    def step(stage: str, fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled(stage)
        if progress is not None:
            progress(stage, fraction)

    step("repair", 0.0)
    left = repair_document(left, skip=opts.skip_repairs)
    right = repair_document(right, skip=opts.skip_repairs)
    step("sentences", 0.15)
    left = split_document(left)
    right = split_document(right)
    step("align", 0.3)
    links = align(
        left,
        right,
        pinned=opts.pinned,
        rejected=opts.rejected,
        progress=lambda f: step("align", 0.3 + 0.7 * f),
    )
    step("done", 1.0)
    return Comparison(left=left, right=right, links=links, skipped=PENDING_STAGES)
