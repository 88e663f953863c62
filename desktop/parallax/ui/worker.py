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

The window's library reads and writes (corrections, the Recent list, opening a saved
comparison) are tasks of the same worker (:meth:`CompareWorker.library`,
:meth:`CompareWorker.start_load`): they run on the pool's one thread, in the order asked, so
the library has one writer and the GUI thread never waits on the disk. Each opens its own
:class:`~parallax.session.Session` (SQLite connections belong to one thread).
"""

from __future__ import annotations

import gc
import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, cast

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from parallax.core.model import Comparison, Document

if TYPE_CHECKING:  # pragma: no cover
    from parallax.session import Session

__all__ = [
    "STAGE_LABELS",
    "CompareRequest",
    "CompareWorker",
    "Source",
    "as_sentence",
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
        details: The outlet, author and date the journalist gave for each side (keyword
            arguments of :meth:`~parallax.core.model.Document.with_details`); they win over
            what ingest found.
    """

    left: Source
    right: Source
    db_path: Path | None = None
    skip_repairs: tuple[str, ...] = ()
    with_actors: bool = True
    actors_from: Comparison | None = None
    details: Mapping[str, Mapping[str, str | None]] | None = None


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
    libraryDone = Signal(str, object)
    """A library task (:meth:`library`) finished: its tag and what the task returned."""
    libraryFailed = Signal(str, str)
    """A library task failed: its tag and one sentence for the user; nothing was changed."""

    # (job id, kind, payload): emitted on pool threads, delivered queued on this thread.
    _relay = Signal(int, str, object)
    # (kind, tag, payload) of library tasks, which are never current and never cancelled.
    _libraryRelay = Signal(str, str, object)

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
        self._libraryRelay.connect(self._deliver_library, Qt.ConnectionType.QueuedConnection)

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

    def library(self, db_path: Path, tag: str, task: Callable[[Session], object]) -> None:
        """Run one library use case (a correction, a note, a load) on the worker's thread.

        Every library read and write of the window goes through here, so the window never
        waits on the disk and the library has one writer: the pool's one thread, which runs
        tasks and comparisons in the order they were asked for (a correction made before a
        re-comparison is saved before that comparison reads the corrections). A task is
        never cancelled by :meth:`start` or :meth:`cancel`. It ends with
        :attr:`libraryDone` ``(tag, result)`` or :attr:`libraryFailed` ``(tag, message)``.

        Args:
            db_path: The library file.
            tag: Names the task for the window's handler.
            task: Called with an open :class:`~parallax.session.Session`, on the pool thread;
                it must not touch widgets.
        """

        def work(job: _Job) -> None:
            from parallax.session import LibraryError, Session

            try:
                with Session.open(db_path) as session:
                    result = task(session)
            except LibraryError as exc:
                job.emit("failed", user_message(exc))
                return
            job.emit("finished", result)

        def relay(_job_id: int, kind: str, payload: object) -> None:
            self._libraryRelay.emit(kind, tag, payload)

        self._prune()
        job = _Job(next(self._ids), relay, work)
        self._jobs.append(job)
        self._pool.start(job.run)

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

    @Slot(str, str, object)
    def _deliver_library(self, kind: str, tag: str, payload: object) -> None:
        if kind == "finished":
            self.libraryDone.emit(tag, payload)
        elif kind == "failed":
            self.libraryFailed.emit(tag, str(payload))

    def _end(self) -> None:
        # busyChanged(False) first: a finished handler may start the next job.
        self._current = None
        self.busyChanged.emit(False)


# -- the jobs (pool threads) ----------------------------------------------------------------


def _ingest(source: Source) -> Document:
    from parallax.core.ingest import read_path

    return source if isinstance(source, Document) else read_path(source)


def _compare(job: _Job, request: CompareRequest) -> None:
    from parallax.core.ingest import IngestError
    from parallax.session import ActorsUnavailable, LibraryError, Session

    job.progress("read", 0.0)
    try:
        left, right = _ingest(request.left), _ingest(request.right)
        if request.details:
            left = left.with_details(**request.details.get("left", {}))
            right = right.with_details(**request.details.get("right", {}))
    except IngestError as exc:
        job.emit("failed", user_message(exc))
        return
    job.check()
    session = Session()
    if request.db_path is not None:
        try:
            session = Session.open(request.db_path)
        except LibraryError as exc:  # reported; the comparison still runs, unsaved
            job.emit("store_failed", user_message(exc))
    with session:
        try:
            outcome = session.compare(
                left,
                right,
                skip_repairs=request.skip_repairs,
                with_actors=request.with_actors,
                actors_from=request.actors_from,
                progress=job.progress,
                cancelled=job.cancelled,
                on_linked=lambda comparison: job.emit("linked", comparison),
                on_store_error=lambda exc: job.emit("store_failed", user_message(exc)),
            )
        except IngestError as exc:  # an article with too many sentences to link
            job.emit("failed", user_message(exc))
            return
        except ActorsUnavailable as exc:
            raise _Failure(str(exc)) from exc
    job.check()
    job.emit("finished", (outcome.comparison, outcome.saved))


def _load(job: _Job, db_path: Path | None, comparison_id: int) -> None:
    from parallax.session import LibraryError, Session

    job.progress("load", 0.0)
    try:
        with Session.open(db_path) as session:
            comparison = session.load(comparison_id)
    except LibraryError as exc:
        job.emit("failed", user_message(exc))
        return
    job.check()
    job.progress("done", 1.0)
    job.emit("finished", (comparison, comparison_id))
