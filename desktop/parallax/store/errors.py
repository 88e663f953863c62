"""What can go wrong with the library, said in one sentence a journalist can act on.

Every failure of the library file (not a Parallax library, written by a newer Parallax,
damaged, read-only, disk full, busy) becomes a :class:`LibraryError` whose message names the
file and what to do. The command line prints it on one line with exit status 2 and the GUI
shows it in a dialog; no ``sqlite3`` exception escapes the store, so callers never need to
know SQLite's error codes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from parallax.core.names import shown_name

__all__ = [
    "BadQuery",
    "CorruptLibrary",
    "DuplicateStory",
    "LibraryBusy",
    "LibraryError",
    "LibraryFull",
    "LibraryUnavailable",
    "NewerLibrary",
    "NotALibrary",
    "UnknownComparison",
    "UnknownStory",
    "translate",
]


class LibraryError(Exception):
    """Any problem with the library; the message is one complete sentence for the user."""


class NotALibrary(LibraryError):
    """The file exists but is not a Parallax library (another SQLite file, or not SQLite)."""


class NewerLibrary(LibraryError):
    """The library was written by a newer Parallax; this version must not touch it."""


class CorruptLibrary(LibraryError):
    """SQLite reports the file as damaged."""


class LibraryUnavailable(LibraryError):
    """The file or its folder cannot be opened or written (permissions, read-only media)."""


class LibraryFull(LibraryError):
    """Writing failed (disk full, a file-size limit, an I/O error); the write was rolled back."""


class LibraryBusy(LibraryError):
    """Another program kept the library locked for longer than Parallax waits."""


class UnknownComparison(LibraryError, LookupError):
    """No comparison with that id is in the library."""


class UnknownStory(LibraryError, LookupError):
    """No story of that name (or no such article in it) is in the library."""


class DuplicateStory(LibraryError, ValueError):
    """A story of that name is already in the library."""


class BadQuery(LibraryError, ValueError):
    """A search query that SQLite's full-text search cannot parse."""


def _shown(path: Path | str) -> str:
    """The library's path as a message shows it: on one line, unable to deceive."""
    return shown_name(str(path))


def damaged(path: Path, detail: str) -> CorruptLibrary:
    """The one line for a damaged library, whoever found the damage."""
    return CorruptLibrary(
        f"the library at {_shown(path)} is damaged ({detail}); it was left as it is — restore it "
        "from a backup or use --db to start a new library elsewhere"
    )


def translate(exc: sqlite3.Error | UnicodeError | OSError, path: Path) -> LibraryError:
    """Turn a low-level error into the :class:`LibraryError` a user can act on.

    SQLite's extended error name (``sqlite_errorname``, Python 3.11+) says precisely what
    happened; matching on it rather than on message text keeps this stable across SQLite
    versions.
    """
    if isinstance(exc, UnicodeError):
        return LibraryError(
            f"cannot save to the library at {_shown(path)}: the text contains characters that "
            "cannot be stored (unpaired surrogates)"
        )
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return LibraryUnavailable(f"cannot use the library at {_shown(path)}: {reason}")
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return LibraryBusy(
            f"the library at {_shown(path)} is busy: another program kept it locked; try again"
        )
    if name == "SQLITE_FULL":
        return LibraryFull(
            f"cannot write to the library at {_shown(path)}: the disk is full; the library was "
            "left as it was"
        )
    if name.startswith("SQLITE_READONLY"):
        return LibraryUnavailable(
            f"cannot write to the library at {_shown(path)}: the file or its folder is read-only"
        )
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return LibraryUnavailable(
            f"cannot open the library at {_shown(path)}: the file or its folder cannot be opened "
            "or written (check permissions)"
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return damaged(path, str(exc))
    if name.startswith("SQLITE_IOERR"):
        return LibraryFull(
            f"cannot write to the library at {_shown(path)}: the disk reported an error (full, "
            "removed or over a size limit); the library was left as it was"
        )
    return LibraryError(f"the library at {_shown(path)} could not be used: {exc}")
