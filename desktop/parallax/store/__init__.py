"""The local library: comparisons, corrections and notes in one SQLite file.

Everything that touches SQLite lives in this package, behind typed functions that take and
return core records; the UI and the command line never build SQL. ``store`` never imports
Qt, and ``core`` never imports ``store`` (both checked by import-linter).

Typical use::

    from parallax.store import Library

    with Library() as library:            # $PARALLAX_DB or the user data folder
        comparison_id = library.save(comparison)
        again = library.load(comparison_id)
"""

from __future__ import annotations

from parallax.store.connection import BUSY_TIMEOUT
from parallax.store.corrections import (
    ActorAction,
    ActorCorrection,
    Corrections,
    apply_actor_corrections,
)
from parallax.store.errors import (
    BadQuery,
    CorruptLibrary,
    DuplicateStory,
    LibraryBusy,
    LibraryError,
    LibraryFull,
    LibraryUnavailable,
    NewerLibrary,
    NotALibrary,
    UnknownComparison,
    UnknownStory,
)
from parallax.store.library import Library, open_library
from parallax.store.location import ENV_VAR, default_library_path, library_path
from parallax.store.records import ComparisonSummary, Note, SearchHit, StorySummary
from parallax.store.schema import SCHEMA_VERSION

__all__ = [
    "BUSY_TIMEOUT",
    "ENV_VAR",
    "SCHEMA_VERSION",
    "ActorAction",
    "ActorCorrection",
    "BadQuery",
    "ComparisonSummary",
    "Corrections",
    "CorruptLibrary",
    "DuplicateStory",
    "Library",
    "LibraryBusy",
    "LibraryError",
    "LibraryFull",
    "LibraryUnavailable",
    "NewerLibrary",
    "NotALibrary",
    "Note",
    "SearchHit",
    "StorySummary",
    "UnknownComparison",
    "UnknownStory",
    "apply_actor_corrections",
    "default_library_path",
    "library_path",
    "open_library",
]
