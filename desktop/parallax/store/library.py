"""The local library: every comparison a journalist made, in one SQLite file.

:class:`Library` is the only door to the file. It hands out and takes core records
(:class:`~parallax.core.model.Comparison` and friends) and a few records of its own
(:class:`ComparisonSummary`, :class:`SearchHit`, :class:`Note`); no SQL leaves this package.

What it promises, and how:

* **Never damage or replace the user's library.** Before anything is written, the file is
  inspected through a read-only connection: something that is not SQLite, an SQLite file of
  another program, a library written by a newer Parallax or a damaged file is refused with a
  :class:`~parallax.store.errors.LibraryError` and left byte-for-byte as it was.
* **A save is all or nothing.** Each save is one ``BEGIN IMMEDIATE`` transaction in WAL
  mode, so a crash, a kill or a full disk leaves either the whole comparison or none of it.
  ``IMMEDIATE`` (rather than sqlite-utils' deferred ``atomic()``) takes the write lock up
  front, so two Parallax processes queue on the busy timeout instead of failing with
  "database is locked" when both upgrade a read to a write.
* **One article is stored once.** Articles are keyed by a digest of everything stored for
  them (the SHA-256 of the original text plus the repaired text, sentences and repairs), so
  saving the same pair again, or the same article in another pair, adds no copy; and an
  identical result saved twice is kept once (same id).
* **What is loaded is what was saved:** ``load(save(c)).to_dict() == c.to_dict()``, scores
  and the list of skipped stages included.

A connection belongs to the thread that opened it: GUI workers open their own Library.

Where each part lives: opening, inspecting and the transactions in
:mod:`~parallax.store.connection`; saving, loading and listing in
:mod:`~parallax.store.comparisons`; full-text search in :mod:`~parallax.store.search`;
corrections and notes in :mod:`~parallax.store.annotations`; the records it hands out in
:mod:`~parallax.store.records`. :class:`Library` puts them together.
"""

from __future__ import annotations

from pathlib import Path

from parallax.store.annotations import CorrectionMethods, NoteMethods
from parallax.store.comparisons import ComparisonMethods
from parallax.store.connection import BUSY_TIMEOUT
from parallax.store.records import ComparisonSummary, Note, SearchHit
from parallax.store.search import SearchMethods
from parallax.store.stories import StoryMethods

__all__ = ["BUSY_TIMEOUT", "ComparisonSummary", "Library", "Note", "SearchHit", "open_library"]


class Library(StoryMethods, ComparisonMethods, SearchMethods, CorrectionMethods, NoteMethods):
    """An open library file. Use as a context manager, or call :meth:`close`.

    Args:
        path: The file; None means ``$PARALLAX_DB`` or the user data folder
            (see :func:`~parallax.store.location.library_path`). Created on first use,
            with its folder.

        read_only: Open an existing library for reading only (a library on read-only media
            or in a folder the user cannot write to). Nothing is created or upgraded, and
            every write raises :class:`~parallax.store.errors.LibraryUnavailable`.

    Raises:
        LibraryError: The file cannot be used; the message says why and what to do.
    """


def open_library(path: str | Path | None = None) -> Library:
    """Open (creating on first use) the library at ``path``, ``$PARALLAX_DB`` or the default."""
    return Library(path)
