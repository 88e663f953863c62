"""Compare two articles off the GUI thread, and read and write the library for the window.

A comparison runs as one job on a :class:`~PySide6.QtCore.QThreadPool`: ingest, link (repair,
split, align), actors and reactions, then save. The window paints the links as soon as they
exist (:attr:`CompareWorker.linked`), long before spaCy has found the actors, and gets the
complete result from :attr:`CompareWorker.finished`. Nothing here calls ``processEvents()``:
every signal is posted (queued) to the thread the worker lives in, and the job checks a
:class:`threading.Event` between steps, which is how :meth:`CompareWorker.cancel` and a newer
:meth:`CompareWorker.start` stop it.

Results of a job that was cancelled or superseded are dropped on the GUI thread, at delivery
time, so a late signal from an old job can never overwrite the window's newer comparison.

The job opens its own library connection (SQLite connections belong to one thread). The
plain functions at the end (:func:`correct_link`, :func:`correct_actor`, :func:`load_stored`,
:func:`recent`) are for the GUI thread: each is one short transaction, and each raises
:class:`~parallax.store.errors.LibraryError` with a message the window can show as it is.
"""

from __future__ import annotations

import gc
import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, cast

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from parallax.core.model import Comparison, Document

if TYPE_CHECKING:  # pragma: no cover
    from parallax.core import pipeline
    from parallax.store import ActorCorrection, ComparisonSummary, Corrections, Library

__all__ = [
    "STAGE_LABELS",
    "CompareRequest",
    "CompareWorker",
    "Source",
    "as_sentence",
    "correct_actor",
    "correct_link",
    "forget_corrections",
    "load_stored",
    "recent",
    "user_message",
]

_log = logging.getLogger(__name__)

#: A file to ingest, or an already ingested Document (pasted text from ``read_text``, or an
#: article of the comparison on screen, whose ``original`` is repaired again).
Source = Path | Document

#: What the window can show for each progress stage.
STAGE_LABELS: Final[dict[str, str]] = {
    "read": "Reading the articles…",
    "repair": "Repairing damaged text…",
    "sentences": "Splitting sentences…",
    "align": "Linking facts…",
    "linked": "Linking facts…",
    "refine": "Refining links…",
    "refined": "Refining links…",
    "actors": "Finding actors…",
    "reactions": "Finding reactions…",
    "saving": "Saving to the library…",
    "load": "Opening from the library…",
    "done": "Done",
}

# Overall progress: quick links 0..0.2, refined links 0.2..0.5, actors and reactions
# 0.5..0.95, saving 0.95..1.
_QUICK_SHARE: Final = 0.2
_LINK_SHARE: Final = 0.5
_ACTORS_END: Final = 0.95
# A new progress signal only when the stage changes or the bar moves by 1 %, or after 50 ms:
# the aligner reports thousands of steps on long articles and each signal is a posted event.
_MIN_STEP: Final = 0.01
_MIN_INTERVAL: Final = 0.05


@dataclass(frozen=True)
class CompareRequest:
    """What to compare and how.

    Attributes:
        left: The left article (a file or an ingested Document).
        right: The right article.
        db_path: The library to read corrections from and save to; None stores nothing and
            re-applies no corrections.
        skip_repairs: Repair steps to leave out (see :mod:`parallax.core.repair`).
        with_actors: Find actors and reactions (the slow part); False stops after linking.
        actors_from: A comparison of the same two articles whose actors and reactions can be
            reused instead of running the recogniser again, e.g. after the journalist pinned
            or rejected a link (links change, actors do not). Ignored unless both articles
            come out of linking with the same text and sentences.
    """

    left: Source
    right: Source
    db_path: Path | None = None
    skip_repairs: tuple[str, ...] = ()
    with_actors: bool = True
    actors_from: Comparison | None = None


def as_sentence(text: str) -> str:
    """A message as a sentence for a dialog: capitalised, with a full stop.

    Library errors are worded for the command line (``parallax: the library at … is
    busy``), in lower case and without a full stop. A message that starts with a file name
    (``photo.txt looks like a PNG image…``) keeps the name as it is spelled.
    """
    text = " ".join(text.split()) or "Something went wrong."
    first = text.split(" ", 1)[0]
    if first.isalpha() and first.islower():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def user_message(error: BaseException) -> str:
    """``str(error)`` as one sentence for a dialog (see :func:`as_sentence`)."""
    return as_sentence(str(error) or type(error).__name__)


def _internal_error(error: BaseException) -> str:
    return (
        "Parallax could not finish the comparison because of an internal error "
        f"({type(error).__name__}: {error}). Please report it with the two articles."
    )


class _FullCollections:
    """Holds back the cyclic garbage collector's full (oldest-generation) passes during jobs.

    A full pass walks every tracked object while holding the GIL. During a comparison the
    heap holds every parsed spaCy sentence, so on two 2,000-sentence articles a pass took
    150-420 ms and the window froze that long: the only long freezes measured, since spaCy
    itself lets the GUI thread run every few milliseconds. Young-generation passes still
    run and objects are still freed by reference counting; the held-back full pass runs
    once after the job (60-110 ms there, while the window paints the result). Measured on
    those articles: the longest GUI stall during the job fell to 25-45 ms, with the same
    peak memory. Python 3.14's incremental collector ignores the third threshold.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs = 0
        self._saved: tuple[int, int, int] = gc.get_threshold()

    @contextmanager
    def deferred(self) -> Iterator[None]:
        with self._lock:
            if self._jobs == 0:
                self._saved = gc.get_threshold()
                gc.set_threshold(self._saved[0], self._saved[1], 2**30)
            self._jobs += 1
        try:
            yield
        finally:
            with self._lock:
                self._jobs -= 1
                if self._jobs == 0:
                    gc.set_threshold(*self._saved)


_FULL_COLLECTIONS: Final = _FullCollections()


_Kind = Literal["progress", "linked", "finished", "failed", "store_failed"]


class _Failure(Exception):
    """A job failure whose message is already a sentence for the user."""


class _Job:
    """One comparison (or one library load), run on a pool thread.

    Everything it reports goes through ``relay`` (a signal of the worker, emitted from the
    pool thread and delivered queued on the GUI thread) tagged with the job's id.
    """

    def __init__(
        self,
        ident: int,
        relay: Callable[[int, str, object], None],
        work: Callable[[_Job], None],
    ) -> None:
        self.id = ident
        self._relay = relay
        self._work = work
        self.stop = threading.Event()
        self.done = threading.Event()
        self._fraction = 0.0
        self._sent_stage = ""
        self._sent_fraction = -1.0
        self._sent_at = 0.0

    def run(self) -> None:
        # The comparison stack is imported here, on the pool thread: the window does not
        # wait for it before it is shown.
        from parallax.core.pipeline import Cancelled

        try:
            with _FULL_COLLECTIONS.deferred():
                self._work(self)
        except Cancelled:
            pass  # the worker has already told the window
        except _Failure as exc:
            self.emit("failed", str(exc))
        except Exception as exc:  # a bug: the window shows one sentence, the log the trace
            _log.exception("comparison job %d failed", self.id)
            self.emit("failed", _internal_error(exc))
        finally:
            self.done.set()

    def cancelled(self) -> bool:
        return self.stop.is_set()

    def check(self) -> None:
        if self.stop.is_set():
            from parallax.core.pipeline import Cancelled

            raise Cancelled("job")

    def emit(self, kind: _Kind, payload: object) -> None:
        try:
            self._relay(self.id, kind, payload)
        except RuntimeError:  # the worker was deleted (window closed): nobody to tell
            self.stop.set()

    def progress(self, stage: str, fraction: float) -> None:
        """Report overall progress, never going backwards and without flooding the GUI."""
        if stage == "done" and fraction < 1.0:
            stage = self._sent_stage  # a pipeline part finished; the job has not
        self._fraction = max(self._fraction, min(1.0, max(0.0, fraction)))
        now = time.monotonic()
        if (
            stage != self._sent_stage
            or self._fraction >= 1.0
            or self._fraction - self._sent_fraction >= _MIN_STEP
            or now - self._sent_at >= _MIN_INTERVAL
        ) and (stage, self._fraction) != (self._sent_stage, self._sent_fraction):
            self._sent_stage, self._sent_fraction, self._sent_at = stage, self._fraction, now
            self.emit("progress", (stage, self._fraction))

    def scaled(self, start: float, span: float) -> pipeline.Progress:
        return lambda stage, fraction: self.progress(stage, start + span * fraction)


class CompareWorker(QObject):
    """Runs comparisons in a thread pool and reports to the GUI thread through signals.

    One job is current at a time: :meth:`start` cancels the one running, and only the
    current job's signals are ever emitted. Every job ends with exactly one of
    :attr:`finished`, :attr:`failed` or :attr:`cancelled` (the last emitted at once by
    :meth:`cancel`), unless a newer job superseded it.

    Args:
        parent: The owning QObject (the main window).
        pool: The pool to run on. By default a private pool with one thread, so a
            superseded job winds down before the next one starts instead of competing with
            it for the CPU. At shutdown call :meth:`cancel` then :meth:`wait`.
    """

    progress = Signal(str, float)
    """Stage (a key of :data:`STAGE_LABELS`) and overall fraction 0..1, never decreasing."""
    linked = Signal(object)
    """The Comparison with its links and no actors yet: paint it at once."""
    finished = Signal(object, object)
    """The complete Comparison, and its id in the library (int) or None if not saved."""
    failed = Signal(str)
    """One sentence for the user: an unreadable or binary file, a missing comparison…"""
    storeFailed = Signal(str)
    """The library could not be read or written; the comparison still arrives (id None)."""
    cancelled = Signal()
    busyChanged = Signal(bool)

    # (job id, kind, payload): emitted on pool threads, delivered queued on this thread.
    _relay = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None):
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
        self._pool = pool
        self._ids = itertools.count(1)
        self._current: _Job | None = None
        self._jobs: list[_Job] = []
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # -- public API ---------------------------------------------------------------------

    def start(self, request: CompareRequest) -> None:
        """Compare two articles; a job already running is cancelled and never reports."""
        self._launch(lambda job: _compare(job, request))

    def start_load(self, db_path: Path | None, comparison_id: int) -> None:
        """Open a saved comparison (File > Recent) without blocking the window.

        Reports like :meth:`start` except that :attr:`linked` is not emitted: the loaded
        comparison is complete, and arrives as ``finished(comparison, comparison_id)`` with
        the pair's actor corrections re-applied. A missing comparison or an unusable library
        is reported by :attr:`failed`.
        """
        self._launch(lambda job: _load(job, db_path, comparison_id))

    def cancel(self) -> None:
        """Stop the current job; :attr:`cancelled` is emitted now, nothing else from it."""
        job = self._current
        if job is None:
            return
        job.stop.set()
        self._current = None
        self.busyChanged.emit(False)
        self.cancelled.emit()

    def is_busy(self) -> bool:
        """Whether a job is running whose result the window is waiting for."""
        return self._current is not None

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job of this worker has stopped (tests, shutdown).

        Signals already posted are delivered by the event loop afterwards, not here.

        Returns:
            False when ``msecs`` (-1: no limit) ran out first.
        """
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        for job in list(self._jobs):
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not job.done.wait(timeout):
                return False
        self._prune()
        return True

    # -- plumbing -----------------------------------------------------------------------

    def _launch(self, work: Callable[[_Job], None]) -> None:
        self._prune()
        previous = self._current
        if previous is not None:
            previous.stop.set()
        job = _Job(next(self._ids), self._relay.emit, work)
        self._current = job
        self._jobs.append(job)
        if previous is None:
            self.busyChanged.emit(True)
        self._pool.start(job.run)

    def _prune(self) -> None:
        self._jobs = [j for j in self._jobs if not j.done.is_set()]

    @Slot(int, str, object)
    def _deliver(self, job_id: int, kind: str, payload: object) -> None:
        job = self._current
        if job is None or job.id != job_id:
            return  # cancelled or superseded: its results must not reach the window
        if kind == "progress":
            stage, fraction = cast(tuple[str, float], payload)
            self.progress.emit(stage, fraction)
        elif kind == "linked":
            self.linked.emit(payload)
        elif kind == "store_failed":
            self.storeFailed.emit(payload)
        elif kind == "finished":
            comparison, comparison_id = cast(tuple[Comparison, int | None], payload)
            self._end()
            self.finished.emit(comparison, comparison_id)
        elif kind == "failed":
            self._end()
            self.failed.emit(payload)

    def _end(self) -> None:
        # busyChanged(False) first: a finished handler may start the next job.
        self._current = None
        self.busyChanged.emit(False)


# -- the jobs (pool threads) ----------------------------------------------------------------


def _ingest(source: Source) -> Document:
    from parallax.core.ingest import read_path

    return source if isinstance(source, Document) else read_path(source)


def _open(job: _Job, db_path: Path) -> Library | None:
    """Open the job's own connection; a library problem is reported, not fatal."""
    from parallax.store import Library, LibraryError

    try:
        return Library(db_path)
    except LibraryError as exc:
        job.emit("store_failed", user_message(exc))
        return None


def _corrections(job: _Job, library: Library, left: Document, right: Document) -> Corrections:
    """The pair's saved corrections (the aligner drops link pins past either article's
    end, which pins made under other repair steps may point to)."""
    from parallax.store import Corrections, LibraryError

    try:
        return library.corrections_for(left.original_sha256, right.original_sha256)
    except LibraryError as exc:
        job.emit("store_failed", user_message(exc))
        return Corrections()


def _reusable(source: Comparison, fresh: Comparison) -> bool:
    from parallax.core.pipeline import RECOGNIZER_STAGES

    if any(s in source.skipped for s in RECOGNIZER_STAGES):
        return False
    return all(
        (a.text, a.sentences) == (b.text, b.sentences)
        for a, b in ((source.left, fresh.left), (source.right, fresh.right))
    )


def _compare(job: _Job, request: CompareRequest) -> None:
    from parallax.core import pipeline
    from parallax.core.ingest import IngestError
    from parallax.core.pipeline import Options
    from parallax.store import Corrections, LibraryError, apply_actor_corrections

    job.progress("read", 0.0)
    try:
        left, right = _ingest(request.left), _ingest(request.right)
    except IngestError as exc:
        job.emit("failed", user_message(exc))
        return
    job.check()
    library: Library | None = None
    if request.db_path is not None:
        library = _open(job, request.db_path)
    try:
        corrections = Corrections() if library is None else _corrections(job, library, left, right)
        options = Options(
            pinned=corrections.pinned,
            rejected=corrections.rejected,
            skip_repairs=request.skip_repairs,
        )
        # The quick static links are painted at once; the contextual scorer's shared facts
        # replace them a moment later (about 4 ms a sentence), before the actors come.
        comparison = pipeline.link(
            left,
            right,
            options=options,
            progress=job.scaled(0.0, _QUICK_SHARE),
            cancelled=job.cancelled,
            refined=False,
        )
        job.emit("linked", comparison)
        comparison = pipeline.refine(
            comparison,
            options=options,
            progress=job.scaled(_QUICK_SHARE, _LINK_SHARE - _QUICK_SHARE),
            cancelled=job.cancelled,
        )
        job.emit("linked", comparison)
        if request.with_actors:
            reuse = request.actors_from
            if reuse is not None and _reusable(reuse, comparison):
                comparison = _reuse_actors(job, comparison, reuse)
            else:
                comparison = _find_actors(job, comparison)
                if corrections.actors:
                    comparison = apply_actor_corrections(comparison, corrections.actors)
        job.check()
        saved: int | None = None
        if library is not None:
            job.progress("saving", _ACTORS_END)
            try:
                saved = library.save(comparison)
            except LibraryError as exc:
                job.emit("store_failed", user_message(exc))
        job.check()
        job.progress("done", 1.0)
        job.emit("finished", (comparison, saved))
    finally:
        if library is not None:
            library.close()


def _reuse_actors(job: _Job, comparison: Comparison, source: Comparison) -> Comparison:
    """The actors of ``source`` (already corrected by the journalist) on fresh links."""
    from parallax.core.pipeline import RECOGNIZER_STAGES

    job.progress("actors", _ACTORS_END)
    skipped = tuple(s for s in comparison.skipped if s not in RECOGNIZER_STAGES)
    return replace(comparison, actors=source.actors, reactions=source.reactions, skipped=skipped)


def _find_actors(job: _Job, comparison: Comparison) -> Comparison:
    from parallax.core import pipeline
    from parallax.core.actors import ModelMissingError
    from parallax.nlp import recognizer

    try:
        return pipeline.add_actors(
            comparison,
            recognizer(),
            progress=job.scaled(_LINK_SHARE, _ACTORS_END - _LINK_SHARE),
            cancelled=job.cancelled,
        )
    except (ModelMissingError, OSError) as exc:
        # A broken installation: say what is missing rather than "internal error".
        raise _Failure(
            f"The links are shown, but actors and reactions could not be found ({exc})."
        ) from exc


def _load(job: _Job, db_path: Path | None, comparison_id: int) -> None:
    from parallax.store import LibraryError

    job.progress("load", 0.0)
    try:
        comparison = load_stored(db_path, comparison_id)
    except LibraryError as exc:
        job.emit("failed", user_message(exc))
        return
    job.check()
    job.progress("done", 1.0)
    job.emit("finished", (comparison, comparison_id))


# -- library helpers for the GUI thread ----------------------------------------------------


def correct_link(
    db_path: Path | None,
    comparison: Comparison,
    left_index: int,
    right_index: int,
    verdict: Literal["pinned", "rejected"] | None,
) -> None:
    """Remember that the journalist pinned, rejected or (None) un-did a link.

    The correction belongs to the pair of articles, not to one saved comparison; it takes
    effect when the pair is compared again (start a :class:`CompareRequest` with
    ``actors_from`` set to skip re-running the recogniser).

    Args:
        db_path: The library file; None means ``$PARALLAX_DB`` or the default library.

    Raises:
        LibraryError: The library cannot be opened or written.
    """
    from parallax.store import Library

    with Library(db_path) as library:
        library.correct_link(
            comparison.left.original_sha256,
            comparison.right.original_sha256,
            left_index,
            right_index,
            verdict,
        )


def correct_actor(
    db_path: Path | None, comparison: Comparison, correction: ActorCorrection
) -> Comparison:
    """Record a rename, merge or delete of an actor and return the corrected comparison.

    The returned comparison is what the same correction gives when it is replayed on a
    later comparison of the pair, so what the journalist sees now is what they get then.

    Raises:
        LibraryError: The library cannot be opened or written (nothing was changed).
    """
    from parallax.store import Library, apply_actor_corrections

    with Library(db_path) as library:
        library.correct_actor(
            comparison.left.original_sha256, comparison.right.original_sha256, correction
        )
    return apply_actor_corrections(comparison, [correction])


def forget_corrections(db_path: Path | None, comparison: Comparison) -> None:
    """Forget every link and actor correction made to this pair of articles.

    Raises:
        LibraryError: The library cannot be opened or written (nothing was changed).
    """
    from parallax.store import Library

    with Library(db_path) as library:
        library.clear_corrections(comparison.left.original_sha256, comparison.right.original_sha256)


def load_stored(db_path: Path | None, comparison_id: int) -> Comparison:
    """A saved comparison with the actor corrections made since it was saved re-applied.

    Raises:
        UnknownComparison: No comparison has this id.
        LibraryError: The library cannot be opened.
    """
    from parallax.store import Library, apply_actor_corrections

    with Library(db_path) as library:
        comparison = library.load(comparison_id)
        corrections = library.corrections_for(
            comparison.left.original_sha256, comparison.right.original_sha256
        )
    return apply_actor_corrections(comparison, corrections.actors)


def recent(db_path: Path | None, limit: int = 10) -> list[ComparisonSummary]:
    """The newest saved comparisons, newest first; none when there is no library yet.

    A missing library file is not created here (the first save creates it).

    Raises:
        LibraryError: The library exists but cannot be read.
    """
    from parallax.store import Library, library_path

    if not library_path(db_path).exists():
        return []
    with Library(db_path) as library:
        return library.summaries()[: max(0, limit)]
