"""The story use cases of the session: a named set of articles on one event, fact by fact.

A story keeps its articles in the library; the comparison of each pair of them is the
library's one comparison of that pair (compared once, kept, and updated when the journalist
corrects it), so adding an article compares it with the others only, and a story shown
again compares only the pairs the library lacks. The facts across the story are merged from
those comparisons each time it is shown (:func:`parallax.core.story.build_story`, pure and
quick), so a correction of a pair shows in every story that holds it.

The comparisons a story lacks run in this process by default: each article is encoded and
analysed once (the encoder and the recogniser keep what they did), then each pair costs
about 0.15 s. With ``workers=2`` they run in two worker processes instead, whose results
come back to this process, which alone writes the library (one writer); but each worker
must encode and analyse every article again, and on two cores that costs more than it
saves (ten 60-sentence articles: 12.6 s in this process, 22.2 s in two workers;
``tests/bench/bench_story.py``), so it is for machines with cores to spare. The same shape
runs a newsroom archive's stories on a distributed engine: a map over the missing pairs
(:func:`compare_pair`, a pure function of two documents and the pair's corrections) whose
results one writer saves into the library.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Final

from parallax.core.model import Comparison, Document
from parallax.core.story import Story, StoryArticle, build_story
from parallax.store import Library, StorySummary

if TYPE_CHECKING:  # pragma: no cover
    from parallax.core.pipeline import CancelCheck, Options, Progress

__all__ = ["MIN_PARALLEL_PAIRS", "StoryError", "StoryUseCases", "compare_pair"]

#: Fewer missing pairs than this are compared in this process: starting a worker and
#: loading its models costs about as much as comparing four 60-sentence pairs.
MIN_PARALLEL_PAIRS: Final = 6
#: Worker processes for a story's comparisons: 1 compares them in this process, which
#: measured faster on two cores (see the module's documentation).
WORKERS: Final = 1
#: Share of a story's progress spent comparing pairs; the rest merges the facts.
_COMPARED: Final = 0.9


class StoryError(ValueError):
    """A story cannot be made as asked (one sentence for the user)."""


def compare_pair(
    left: Document, right: Document, options: Options, *, in_worker: bool = True
) -> Comparison:
    """Compare one pair with its corrections' options, actors included when the language
    model is installed (``skipped`` says so otherwise). Runs in a worker process (which,
    beside the other workers, starts no second analysis process of its own), or here."""
    from parallax.core import pipeline
    from parallax.core.actors import ModelMissingError
    from parallax.nlp import recognizer

    try:
        found = recognizer(parallel=not in_worker)
        return pipeline.compare(left, right, options=options, recognizer=found)
    except (ModelMissingError, OSError):
        return pipeline.compare(left, right, options=options)


class StoryUseCases:
    """Story use cases, mixed into :class:`parallax.session.Session`."""

    @property
    def library(self) -> Library:  # pragma: no cover - the session's
        raise NotImplementedError

    def load(self, comparison_id: int) -> Comparison:  # pragma: no cover - the session's
        raise NotImplementedError

    # -- the list -------------------------------------------------------------------------

    def stories(self) -> list[StorySummary]:
        """Every story in the library, the newest first."""
        return self.library.stories()

    def story_delete(self, name: str) -> None:
        """Delete a story (its pairs' comparisons stay in the library).

        Raises:
            UnknownStory: No story has that name.
        """
        self.library.delete_story(name)

    # -- making and changing a story ------------------------------------------------------

    def story_new(
        self,
        name: str,
        articles: Sequence[tuple[Document, str | None]],
        *,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        workers: int = WORKERS,
    ) -> Story:
        """Make a story of ingested ``articles`` (each with its outlet, or None) and compare
        every pair of them.

        Raises:
            StoryError: No name, or fewer than two different articles.
            DuplicateStory: A story of that name exists.
            Cancelled: ``cancelled`` returned True (the pairs compared so far are kept, and
                the story is made: showing it compares the rest).
        """
        name = name.strip()
        if not name:
            raise StoryError("A story needs a name.")
        if len({doc.original_sha256 for doc, _ in articles}) < 2:
            raise StoryError("A story needs at least two different articles.")
        self.library.create_story(name, _prepared(articles))
        return self.story(name, progress=progress, cancelled=cancelled, workers=workers)

    def story_add(
        self,
        name: str,
        articles: Sequence[tuple[Document, str | None]],
        *,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        workers: int = WORKERS,
    ) -> Story:
        """Add ingested articles to a story and compare each with the others (only the new
        pairs are compared).

        Raises:
            UnknownStory: No story has that name.
        """
        self.library.add_to_story(name, _prepared(articles))
        return self.story(name, progress=progress, cancelled=cancelled, workers=workers)

    def story_remove_article(self, name: str, article_id: str) -> Story:
        """Take an article (``"a2"``) out of a story; its comparisons stay in the library.

        Raises:
            UnknownStory: No such story or article.
            StoryError: The story would keep fewer than two articles.
        """
        from parallax.store import UnknownStory

        position = _position(article_id)
        held = self.library.story_articles(name)
        if position is None or position not in {p for p, _, _ in held}:
            raise UnknownStory(f"The story {name!r} has no article {article_id!r}.")
        if len(held) <= 2:
            raise StoryError("A story keeps at least two articles: delete the story instead.")
        self.library.remove_from_story(name, position)
        return self.story(name)

    # -- the story ------------------------------------------------------------------------

    def story(
        self,
        name: str,
        *,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        workers: int = WORKERS,
    ) -> Story:
        """The story: its articles, facts and sources, comparing the pairs the library
        lacks first (in worker processes when there are enough of them).

        Raises:
            UnknownStory: No story has that name.
            Cancelled: ``cancelled`` returned True (pairs compared so far are kept).
        """
        from parallax.core.pipeline import Cancelled

        held = self.library.story_articles(name)
        articles = [StoryArticle(f"a{p}", doc, outlet) for p, doc, outlet in held]
        found: dict[tuple[str, str], int] = {}
        missing: list[tuple[StoryArticle, StoryArticle]] = []
        for x, y in combinations(articles, 2):
            saved = self.library.pair(x.document.original_sha256, y.document.original_sha256)
            if saved is None:
                missing.append((x, y))
            else:
                found[(x.id, y.id)] = saved

        def told(stage: str, fraction: float) -> None:
            if progress is not None:
                progress(stage, fraction)
            if cancelled is not None and cancelled():
                raise Cancelled(stage)

        told("comparing", 0.0)
        for (x, y), saved_id in self._compare_missing(missing, told, workers):
            found[(x.id, y.id)] = saved_id
        told("facts", _COMPARED)
        comparisons = {pair: self.load(saved_id) for pair, saved_id in found.items()}
        story = build_story(name, articles, comparisons)
        if progress is not None:
            progress("done", 1.0)
        return story

    def _compare_missing(
        self,
        missing: list[tuple[StoryArticle, StoryArticle]],
        told: Progress,
        workers: int,
    ) -> list[tuple[tuple[StoryArticle, StoryArticle], int]]:
        """Compare and save the pairs the library lacks; their saved ids."""
        from parallax.core.pipeline import Options

        library = self.library
        if not missing:
            return []
        jobs = []
        for x, y in missing:
            fixes = library.corrections_for(x.document.original_sha256, y.document.original_sha256)
            jobs.append(((x, y), Options(pinned=fixes.pinned, rejected=fixes.rejected), fixes))
        done: list[tuple[tuple[StoryArticle, StoryArticle], int]] = []

        def keep(index: int, comparison: Comparison) -> None:
            pair, _, fixes = jobs[index]
            if fixes.actors:
                from parallax.core.actors import apply_actor_corrections

                comparison = apply_actor_corrections(comparison, fixes.actors)
            done.append((pair, library.save(comparison)))
            told("comparing", _COMPARED * len(done) / len(jobs))

        if workers < 2 or len(jobs) < MIN_PARALLEL_PAIRS:
            for k, ((x, y), options, _) in enumerate(jobs):
                keep(k, compare_pair(x.document, y.document, options, in_worker=False))
            return done
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=context)
        try:
            futures = {
                pool.submit(compare_pair, x.document, y.document, options): k
                for k, ((x, y), options, _) in enumerate(jobs)
            }
            for future in cf.as_completed(futures):
                keep(futures[future], future.result())
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return done


def _prepared(articles: Sequence[tuple[Document, str | None]]) -> list[tuple[Document, str | None]]:
    """Ingested articles repaired and split, as the library keeps a story's articles."""
    from parallax.core.pipeline import prepare

    return [(prepare(doc), outlet.strip() or None if outlet else None) for doc, outlet in articles]


def _position(article_id: str) -> int | None:
    """``"a3"`` -> 3; None for anything else."""
    if article_id[:1] == "a" and article_id[1:].isdigit():
        return int(article_id[1:])
    return None
