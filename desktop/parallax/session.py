"""What a journalist does with Parallax, once, for every face: compare, reopen, correct.

Both faces (the command line and the reader window) and the public API do the same few
things with a pair of articles and the local library:

- **compare a pair as the journalist left it**: read the pair's saved corrections, link the
  sentences (pinned links kept, rejected ones left out), find actors and reactions, replay
  the journalist's actor renames, merges and deletes, and save the result;
- **reopen a saved comparison** with the corrections made since it was saved re-applied, so
  ``parallax library export`` and the reader show the same actors;
- **correct** a link or an actor, write or delete a note, forget a pair's corrections,
  delete a comparison, list the recent ones.

Those use cases live here, once, in terms of core records and callbacks: no Qt, no argparse.
The faces import the library's record and error types from here too, never from
:mod:`parallax.store` (import-linter checks both rules).

A :class:`Session` is one open library connection and belongs to the thread that opened it
(SQLite's rule); the reader keeps its one session on its worker thread, so every library
write of the window goes through one writer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Final, Literal

from parallax.core.model import SIDES, Comparison, Document, Side
from parallax.session_stories import StoryError, StoryUseCases
from parallax.store import (
    ComparisonSummary,
    Corrections,
    DuplicateStory,
    Library,
    LibraryError,
    LibraryUnavailable,
    Note,
    SearchHit,
    StorySummary,
    UnknownComparison,
    UnknownStory,
    library_path,
)

if TYPE_CHECKING:  # pragma: no cover
    from parallax.core.actors import ActorCorrection
    from parallax.core.pipeline import CancelCheck, Progress

__all__ = [
    "ACTORS_END",
    "LINKED_END",
    "QUICK_END",
    "ActorsUnavailable",
    "Annotations",
    "ComparisonSummary",
    "Decision",
    "DuplicateStory",
    "LibraryError",
    "LibraryUnavailable",
    "Note",
    "Outcome",
    "ReportFormat",
    "SearchHit",
    "Session",
    "StoryError",
    "StorySummary",
    "UnknownComparison",
    "UnknownStory",
    "Verdict",
    "library_path",
    "note_subject",
    "recent",
    "saved_when",
]

#: A journalist's verdict on a link: keep it whatever the aligner says, never show it, or
#: (None) let the aligner decide again.
Verdict = Literal["pinned", "rejected"] | None

#: What a report is written as: the comparison document, Markdown, HTML, or terminal text.
ReportFormat = Literal["json", "md", "html", "text"]

# Overall progress of :meth:`Session.compare`: quick links 0..QUICK_END, refined links
# ..LINKED_END, actors and reactions ..ACTORS_END, saving ..1.
QUICK_END: Final = 0.2
LINKED_END: Final = 0.5
ACTORS_END: Final = 0.95


class ActorsUnavailable(Exception):
    """The installation cannot find actors (the spaCy model is missing or broken).

    The message is one sentence for the user; the links were made and may be shown.
    """


@dataclass(frozen=True, slots=True)
class Outcome:
    """What :meth:`Session.compare` made.

    Attributes:
        comparison: The comparison, with the pair's corrections applied.
        saved: Its id in the library; None when nothing was saved (no library, or saving
            failed and ``on_store_error`` was told).
    """

    comparison: Comparison
    saved: int | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """A pair of sentences the journalist pinned or rejected, with both sentences' text.

    Attributes:
        verdict: ``"pinned"`` or ``"rejected"``.
        left: The left sentence's index (from 0).
        right: The right sentence's index.
        left_text: The left sentence ("" if the article has no such sentence any more).
        right_text: The right sentence.
    """

    verdict: Literal["pinned", "rejected"]
    left: int
    right: int
    left_text: str
    right_text: str


@dataclass(frozen=True, slots=True)
class Annotations:
    """What the journalist decided about a pair and wrote on its comparison.

    ``pair`` is the two articles' original SHA-256, so a face can tell whether these are
    still about the pair on screen.
    """

    decisions: tuple[Decision, ...] = ()
    notes: tuple[Note, ...] = ()
    pair: tuple[str, str] = ("", "")


def _reusable(source: Comparison, fresh: Comparison) -> bool:
    """Whether ``source``'s actors fit ``fresh``: same texts and sentences on both sides."""
    from parallax.core.pipeline import RECOGNIZER_STAGES

    if any(s in source.skipped for s in RECOGNIZER_STAGES):
        return False
    return all(
        (a.text, a.sentences) == (b.text, b.sentences)
        for a, b in ((source.left, fresh.left), (source.right, fresh.right))
    )


def _pair(comparison: Comparison) -> tuple[str, str]:
    """The keys under which the library keeps the corrections of a comparison's articles:
    their content, so the same article read from another file keeps them."""
    return comparison.left.content_sha256, comparison.right.content_sha256


def _texts(comparison: Comparison) -> tuple[list[str], list[str]]:
    """Both articles' sentences, for corrections to find theirs in this reading."""
    left, right = ([s.text for s in comparison.document(side).sentences] for side in SIDES)
    return left, right


def _keyed(
    left: Document, right: Document, skip_repairs: Sequence[str]
) -> tuple[str, str, tuple[list[str], list[str]]]:
    """The content keys and sentences of a pair as it is about to be compared (repaired and
    split as the comparison will be), to look its corrections up before it is aligned."""
    from parallax.core import pipeline

    docs = [pipeline.prepare(doc, skip_repairs=skip_repairs) for doc in (left, right)]
    texts = ([s.text for s in docs[0].sentences], [s.text for s in docs[1].sentences])
    return docs[0].content_sha256, docs[1].content_sha256, texts


def _span(progress: Progress | None, start: float, end: float) -> Progress | None:
    """``progress`` for a part of the job that runs from ``start`` to ``end`` overall."""
    if progress is None:
        return None
    return lambda stage, fraction: progress(stage, start + (end - start) * fraction)


class Session(StoryUseCases):
    """The use cases of :mod:`parallax.session`, on one library (or on none).

    Args:
        library: The open library; None compares without reading corrections or saving, and
            every library use case raises :class:`~parallax.store.LibraryError`.

    Use :meth:`open` to open a library by path, and close the session (or use it as a
    context manager) on the thread that opened it.
    """

    def __init__(self, library: Library | None = None) -> None:
        self._library = library

    @classmethod
    def open(cls, db_path: str | Path | None = None, *, reading: bool = False) -> Session:
        """A session on the library at ``db_path`` (``$PARALLAX_DB`` or the default if None).

        Args:
            reading: Only reads will follow: a library on read-only media is opened
                read-only rather than refused.

        Raises:
            LibraryError: The library cannot be opened (the message says why, for the user).
        """
        path = library_path(db_path)
        try:
            return cls(Library(path))
        except LibraryUnavailable:
            if not reading or not path.is_file():
                raise
            return cls(Library(path, read_only=True))

    @property
    def library(self) -> Library:
        """The open library.

        Raises:
            LibraryUnavailable: This session has none.
        """
        if self._library is None:
            raise LibraryUnavailable("no library is open")
        return self._library

    @property
    def path(self) -> Path | None:
        """The library file, or None without a library."""
        return None if self._library is None else self._library.path

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- comparing ------------------------------------------------------------------------

    def compare(
        self,
        left: Document,
        right: Document,
        *,
        skip_repairs: Sequence[str] = (),
        quick: bool = False,
        pinned: Sequence[tuple[int, int]] = (),
        rejected: Sequence[tuple[int, int]] = (),
        with_actors: bool = True,
        actors_from: Comparison | None = None,
        save: bool = True,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        on_linked: Callable[[Comparison], None] | None = None,
        on_store_error: Callable[[Exception], None] | None = None,
    ) -> Outcome:
        """Compare a pair as the journalist left it, and save the result.

        Args:
            left: The left article as ingested (its ``original`` is repaired).
            right: The right article as ingested.
            skip_repairs: Repair steps to leave out (:data:`parallax.core.repair.STEPS`).
            quick: Only the quick static links (very long articles).
            pinned: Links to keep, ``(left sentence, right sentence)``, besides those the
                journalist pinned in the library.
            rejected: Links to leave out, besides those rejected in the library.
            with_actors: Find actors and reactions (the slow part); False leaves them out
                (``skipped`` says so).
            actors_from: A comparison of the same pair whose (corrected) actors and
                reactions are reused instead of running the recogniser again, e.g. after
                the journalist pinned or rejected a link. Ignored unless both articles come
                out of linking with the same text and sentences.
            save: Keep the result in the library (when the session has one).
            progress: Receives ``(stage, overall fraction)``.
            cancelled: Polled between steps; True raises
                :class:`~parallax.core.pipeline.Cancelled`.
            on_linked: Receives the comparison as soon as it has links (twice unless
                ``quick``: the quick links, then the refined ones), before the actors.
            on_store_error: Receives a library error (reading the corrections or saving)
                and the comparison goes on without it; None raises it instead.

        Raises:
            ActorsUnavailable: The links were made but actors cannot be found here.
            LibraryError: Only when ``on_store_error`` is None.
        """
        from parallax.core import pipeline

        corrections = Corrections()
        if self._library is not None:
            if save:  # a damaged library is told before the work, not after it
                try:
                    self._library.check_writable()
                except LibraryError as exc:
                    if on_store_error is None:
                        raise
                    on_store_error(exc)
                    save = False  # told once; the comparison goes on without saving
            try:
                corrections = self._library.corrections_for(*_keyed(left, right, skip_repairs))
            except LibraryError as exc:
                if on_store_error is None:
                    raise
                on_store_error(exc)
        options = pipeline.Options(
            pinned=(*corrections.pinned, *pinned),
            rejected=(*corrections.rejected, *rejected),
            skip_repairs=tuple(skip_repairs),
            quick=quick,
        )
        comparison = pipeline.link(
            left,
            right,
            options=options,
            progress=_span(progress, 0.0, QUICK_END if on_linked and not quick else LINKED_END),
            cancelled=cancelled,
            refined=on_linked is None,
        )
        if on_linked is not None:
            # The quick static links are painted at once; the contextual scorer's shared
            # facts replace them a moment later, before the actors come.
            on_linked(comparison)
            if not quick:
                comparison = pipeline.refine(
                    comparison,
                    options=options,
                    progress=_span(progress, QUICK_END, LINKED_END),
                    cancelled=cancelled,
                )
                on_linked(comparison)
        if with_actors and actors_from is not None and _reusable(actors_from, comparison):
            if progress is not None:
                progress("actors", ACTORS_END)
            skipped = tuple(s for s in comparison.skipped if s not in pipeline.RECOGNIZER_STAGES)
            comparison = replace(
                comparison,
                actors=actors_from.actors,
                reactions=actors_from.reactions,
                skipped=skipped,
            )
        elif with_actors:
            comparison = self._find_actors(comparison, progress, cancelled)
            comparison = _apply_actor_corrections(comparison, corrections.actors)
        if cancelled is not None and cancelled():
            raise pipeline.Cancelled("saving")
        saved: int | None = None
        if save and self._library is not None:
            if progress is not None:
                progress("saving", ACTORS_END)
            try:
                saved = self._library.save(comparison)
            except LibraryError as exc:
                if on_store_error is None:
                    raise
                on_store_error(exc)
        if progress is not None:
            progress("done", 1.0)
        return Outcome(comparison, saved)

    @staticmethod
    def _find_actors(
        comparison: Comparison, progress: Progress | None, cancelled: CancelCheck | None
    ) -> Comparison:
        from parallax.core import pipeline
        from parallax.core.actors import ModelMissingError
        from parallax.nlp import recognizer

        try:
            return pipeline.add_actors(
                comparison,
                recognizer(),
                progress=_span(progress, LINKED_END, ACTORS_END),
                cancelled=cancelled,
            )
        except (ModelMissingError, OSError) as exc:
            # A broken installation: say what is missing rather than "internal error".
            raise ActorsUnavailable(
                f"The links are shown, but actors and reactions could not be found ({exc})."
            ) from exc

    # -- reading the library --------------------------------------------------------------

    def load(self, comparison_id: int) -> Comparison:
        """A saved comparison with the actor corrections made since it was saved re-applied.

        Raises:
            UnknownComparison: No comparison has this id.
            LibraryError: The library cannot be read.
        """
        library = self.library
        comparison = library.load(comparison_id)
        corrections = library.corrections_for(*_pair(comparison))
        return _apply_actor_corrections(comparison, corrections.actors)

    def summary(self, comparison_id: int) -> ComparisonSummary:
        return self.library.summary(comparison_id)

    def recent(self, limit: int | None = None) -> list[ComparisonSummary]:
        """The saved comparisons, newest first (at most ``limit``)."""
        summaries = self.library.summaries()
        return summaries if limit is None else summaries[: max(0, limit)]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        return self.library.search(query, limit=limit)

    def notes(self, comparison_id: int) -> list[Note]:
        return self.library.notes(comparison_id)

    def search_notes(self, query: str, *, limit: int = 20) -> list[Note]:
        """The journalist's notes containing every word of ``query``, newest first."""
        return self.library.search_notes(query, limit=limit)

    # -- corrections and notes ------------------------------------------------------------

    def correct_link(
        self, comparison: Comparison, left_index: int, right_index: int, verdict: Verdict
    ) -> None:
        """Remember that the journalist pinned, rejected or (None) un-did a link.

        The correction belongs to the pair of articles, not to one saved comparison; it
        takes effect when the pair is compared again (with ``actors_from`` to skip the
        recogniser).
        """
        left, right = (comparison.document(side).sentences for side in SIDES)
        texts = None
        if 0 <= left_index < len(left) and 0 <= right_index < len(right):
            texts = (left[left_index].text, right[right_index].text)
        self.library.correct_link(*_pair(comparison), left_index, right_index, verdict, texts)

    def keep_details(self, comparison: Comparison) -> int:
        """Keep the outlet, author and date of both articles as ``comparison`` has them
        (the journalist corrected them in the reader), and return the comparison's id.

        The pair's one comparison is updated in place: same id, notes and corrections kept.

        Raises:
            LibraryError: The library cannot be written.
        """
        return self.library.save(comparison)

    def correct_actors(
        self, comparison: Comparison, corrections: Sequence[ActorCorrection]
    ) -> Comparison:
        """Record renames, merges or deletes of actors and return the corrected comparison.

        The returned comparison is what the same corrections give when they are replayed on
        a later comparison of the pair, so what the journalist sees now is what they get then.
        """
        for correction in corrections:
            self.library.correct_actor(*_pair(comparison), correction)
        return _apply_actor_corrections(comparison, corrections)

    def decide_link(
        self, comparison_id: int, left_index: int, right_index: int, verdict: Verdict
    ) -> Outcome:
        """Pin or reject a pair of sentences of a saved comparison, and compare the pair
        again so the saved comparison shows the decision (its actors are kept).

        Raises:
            UnknownComparison: No comparison has this id.
            IndexError: A sentence number is past its article (nothing is recorded).
            LibraryError: The library cannot be read or written.
        """
        saved = self.load(comparison_id)
        for side, index in zip(SIDES, (left_index, right_index), strict=True):
            count = len(saved.document(side).sentences)
            if not 0 <= index < count:
                raise IndexError(f"the {side} article has sentences 1 to {count}")
        self.correct_link(saved, left_index, right_index, verdict)
        return self.compare(saved.left, saved.right, actors_from=saved)

    def undo(self, comparison: Comparison) -> str | None:
        """Take back the pair's latest correction; what it was, or None if there is none."""
        return self.library.undo(*_pair(comparison))

    def redo(self, comparison: Comparison) -> str | None:
        """Make again the correction undone last; what it was, or None."""
        return self.library.redo(*_pair(comparison))

    def step_history(self, comparison_id: int, *, redo: bool = False) -> tuple[str, Outcome] | None:
        """Undo (or redo) a saved comparison's latest correction and compare the pair again,
        actors included (an undone rename must show the old name); None if nothing to do.

        Raises:
            UnknownComparison: No comparison has this id.
            LibraryError: The library cannot be read or written.
        """
        saved = self.load(comparison_id)
        what = self.redo(saved) if redo else self.undo(saved)
        if what is None:
            return None
        return what, self.compare(saved.left, saved.right)

    def decisions(self, comparison: Comparison) -> tuple[Decision, ...]:
        """The pairs of sentences the journalist pinned, then those they rejected, each with
        both sentences' text; :meth:`restore` takes one back."""
        fixes = self.library.corrections_for(*_pair(comparison), _texts(comparison))

        def text(side: Side, index: int) -> str:
            sentences = comparison.document(side).sentences
            return sentences[index].text if 0 <= index < len(sentences) else ""

        pinned = [
            Decision("pinned", i, j, text("left", i), text("right", j)) for i, j in fixes.pinned
        ]
        rejected = [
            Decision("rejected", i, j, text("left", i), text("right", j)) for i, j in fixes.rejected
        ]
        return (*pinned, *rejected)

    def restore(self, comparison: Comparison, left_index: int, right_index: int) -> None:
        """Take back the decision on a pair of sentences (a pin or a rejection): the aligner
        decides about the pair again when it is next compared. The change joins the pair's
        history, so it can be undone."""
        self.correct_link(comparison, left_index, right_index, None)

    def annotations(self, comparison: Comparison, comparison_id: int | None) -> Annotations:
        """The pair's decisions and (when it is saved) the comparison's notes."""
        notes = () if comparison_id is None else tuple(self.notes(comparison_id))
        pair = _pair(comparison)
        return Annotations(self.decisions(comparison), notes, pair)

    def forget_corrections(self, comparison: Comparison) -> None:
        """Forget every link and actor correction made to this pair of articles."""
        self.library.clear_corrections(*_pair(comparison))

    def add_note(
        self,
        comparison_id: int,
        body: str,
        *,
        side: Side | None = None,
        sentence: int | None = None,
        link: tuple[int, int] | None = None,
        actor: str | None = None,
    ) -> Note:
        """Keep a note on a saved comparison: on one sentence if ``side`` and ``sentence``,
        on the link of two sentences if ``link`` (left, right), on an actor if ``actor`` (its
        id, which renames keep and a re-comparison of the pair finds again).

        Raises:
            UnknownComparison: No comparison has this id.
            ValueError: The note would be about more than one thing.
        """
        return self.library.add_note(
            comparison_id, body, side=side, sentence=sentence, link=link, actor=actor
        )

    def update_note(self, note_id: int, body: str) -> None:
        self.library.update_note(note_id, body)

    def delete_note(self, note_id: int) -> None:
        self.library.delete_note(note_id)

    # -- reports ------------------------------------------------------------------------

    def note_lines(self, comparison: Comparison, comparison_id: int | None) -> list[str]:
        """The comparison's notes as a report lists them, each saying what it is on
        (sentences numbered from 1); none for a comparison not in the library."""
        if comparison_id is None or self._library is None:
            return []
        return [
            f"{subject}: {n.body}" if (subject := note_subject(n, comparison)) else n.body
            for n in self.notes(comparison_id)
        ]

    def decision_lines(self, comparison: Comparison) -> list[str]:
        """The pairs pinned or rejected, with both sentences, numbered from 1 (none without
        a library)."""
        if self._library is None:
            return []
        return [
            f"{d.verdict} left {d.left + 1} / right {d.right + 1}: "
            f"“{d.left_text}” / “{d.right_text}”"
            for d in self.decisions(comparison)
        ]

    def report(
        self,
        comparison: Comparison,
        comparison_id: int | None,
        fmt: ReportFormat,
        *,
        heading: str | None = None,
    ) -> str:
        """The report of a comparison, with the journalist's decisions and (when it is saved)
        notes: ``json`` is the ``parallax.comparison/1`` document, ``md`` and ``html`` a
        report to share, ``text`` the terminal's. What ``parallax library export`` and the
        reader's File ▸ Export Report write; a session without a library reports the
        comparison alone."""
        if fmt == "json":
            import json

            return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
        from parallax.report import to_html, to_markdown, to_text

        render = {"html": to_html, "md": to_markdown, "text": to_text}[fmt]
        if heading is None:
            heading = "Parallax comparison" + (
                ""
                if comparison_id is None
                else f" {comparison_id}, saved " + saved_when(self.summary(comparison_id).created)
            )
        return render(
            comparison,
            heading=heading,
            notes=self.note_lines(comparison, comparison_id),
            decisions=self.decision_lines(comparison),
        )

    def export(self, comparison_id: int, fmt: ReportFormat) -> str:
        """The report of a saved comparison, as it is now (see :meth:`report`).

        Raises:
            UnknownComparison: No comparison has this id.
            LibraryError: The library cannot be read.
        """
        return self.report(self.load(comparison_id), comparison_id, fmt)

    def delete(self, comparison_id: int) -> ComparisonSummary:
        """Delete a saved comparison; returns what it was, to name it to the user."""
        summary = self.library.summary(comparison_id)
        self.library.delete(comparison_id)
        return summary


def _apply_actor_corrections(
    comparison: Comparison, corrections: Sequence[ActorCorrection]
) -> Comparison:
    if not corrections:
        return comparison
    from parallax.core.actors import apply_actor_corrections

    return apply_actor_corrections(comparison, corrections)


def note_subject(note: Note, comparison: Comparison | None = None) -> str:
    """What a note is on, in words, sentences numbered from 1: "on the link of left 3 /
    right 5", "on Kim Jong Un" (the actor's name in ``comparison``, else its id), "left
    sentence 2"; "" for a note on the whole comparison."""
    if note.actor is not None:
        names = {} if comparison is None else {a.id: a.name for a in comparison.actors}
        return f"on {names.get(note.actor, note.actor)}"
    if note.link is not None:
        left, right = note.link
        return f"on the link of left {left + 1} / right {right + 1}"
    if note.side is not None and note.sentence is not None:
        return f"{note.side} sentence {note.sentence + 1}"
    return ""


def saved_when(created: str) -> str:
    """An ISO UTC timestamp from the library, in the user's local time."""
    import datetime

    try:
        moment = datetime.datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return created
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def recent(db_path: str | Path | None, limit: int = 10) -> list[ComparisonSummary]:
    """The newest saved comparisons, newest first; none when there is no library yet.

    A missing library file is not created here (the first save creates it).

    Raises:
        LibraryError: The library exists but cannot be read.
    """
    if not library_path(db_path).exists():
        return []
    with Session.open(db_path, reading=True) as session:
        return session.recent(limit)
