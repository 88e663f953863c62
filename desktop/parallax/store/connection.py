"""Opening a library file without ever damaging it, and the transactions every method runs in.

Before anything is written, the file is inspected through a read-only connection: something
that is not SQLite, an SQLite file of another program, a library written by a newer Parallax
or a damaged file is refused with a :class:`~parallax.store.errors.LibraryError` and left
byte-for-byte as it was. Then the schema is brought up to date in one transaction, in WAL
mode.

Damage inside a table (a scrambled page of sentences) does not stop SQLite from opening the
file, and reads elsewhere in it still work; but writing into it spreads the damage. So the
first write of an opened library (its migration, a save, a note, a delete) is preceded by
SQLite's ``quick_check``, which reads every page once, and refused if it finds anything:
reads go on as before.

:class:`LibraryFile` holds the open connection and hands out the read and write
transactions (:meth:`LibraryFile._read`, :meth:`LibraryFile._write`) that every method of
:class:`~parallax.store.library.Library` runs in; it translates SQLite's errors into
:class:`~parallax.store.errors.LibraryError`.
"""

from __future__ import annotations

import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from sqlite_utils import Database

from parallax.store.errors import (
    LibraryError,
    LibraryUnavailable,
    NewerLibrary,
    NotALibrary,
    UnknownComparison,
    _shown,
    damaged,
    translate,
)
from parallax.store.location import library_path
from parallax.store.schema import MIGRATION_SET, MIGRATIONS, SCHEMA_VERSION

__all__ = ["BUSY_TIMEOUT", "LibraryFile"]

#: Seconds a writer waits for another one to finish before reporting the library busy. A save
#: of two 2,000-sentence articles takes well under a second, so this only runs out when
#: another program holds the file locked.
BUSY_TIMEOUT: Final = 15.0

_SQLITE_MAGIC: Final = b"SQLite format 3\x00"


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, even where SQLite cannot create its lock files.

    A WAL library in a folder the user cannot write to (read-only media, someone else's
    archive) cannot be opened with ``mode=ro`` alone, because SQLite needs to create the
    shared-memory file next to it; ``immutable=1`` then reads it without locks, which is
    safe because nothing can be writing there either.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            name = getattr(exc, "sqlite_errorname", "") or ""
            if not name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
                raise
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    return conn


def _inspect(path: Path) -> None:
    """Refuse, without writing a byte, a file that must not be opened for writing.

    Raises:
        NotALibrary: Not SQLite, or an SQLite file that another program made.
        NewerLibrary: A library with migrations this version does not know.
        CorruptLibrary: SQLite cannot read its schema.
    """
    try:
        with path.open("rb") as f:
            head = f.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise translate(exc, path) from exc
    if not head:
        return  # an empty file is an empty SQLite database: it becomes a library
    if head != _SQLITE_MAGIC:
        raise NotALibrary(
            f"{_shown(path)} is not a Parallax library (it is not an SQLite file); it was left "
            "untouched — use --db to choose another file"
        )
    conn = _connect_read_only(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    (MIGRATION_SET,),
                )
            }
        if not applied:
            raise NotALibrary(
                f"{_shown(path)} is an SQLite file of another program, not a Parallax library; "
                "it was left untouched — use --db to choose another file"
            )
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        _check_known(applied, version, path)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    finally:
        conn.close()


@cache
def _known_migrations() -> frozenset[str]:
    # Everything is pending on an empty database: the names this version knows.
    return frozenset(
        m.name for m in MIGRATIONS.pending(Database(memory=True, execute_plugins=False))
    )


def _check_known(applied: Iterable[str], version: int, path: Path) -> None:
    unknown = sorted(set(applied) - _known_migrations())
    if unknown or version > SCHEMA_VERSION:
        raise NewerLibrary(
            f"the library at {_shown(path)} was written by a newer version of Parallax (schema "
            f"{version}, this version knows {SCHEMA_VERSION}); it was left untouched — "
            "upgrade Parallax to open it"
        )


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`~parallax.store.errors.CorruptLibrary` unless ``quick_check`` is ok."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise translate(exc, path) from exc
    found = " ".join(str(r[0]) for r in rows)
    if found != "ok":
        raise damaged(path, " ".join(found.split()[:24]))


class LibraryFile:
    """An open library file: the connection, its opening and closing, and its transactions.

    The base of :class:`~parallax.store.library.Library`, whose docstring describes the
    arguments.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path: Path = library_path(path)
        self.read_only = read_only
        self._sound = False  # quick_check passed: writes may go ahead
        self._db = self._open_read_only() if read_only else self._open()

    # -- opening ------------------------------------------------------------------------

    def _open_read_only(self) -> Database:
        path = self.path
        if not path.is_file():
            raise LibraryUnavailable(f"there is no library at {_shown(path)}")
        _inspect(path)
        conn = _connect_read_only(path)
        try:
            db = Database(conn, execute_plugins=False)
            if MIGRATIONS.pending(db):
                raise LibraryUnavailable(
                    f"the library at {_shown(path)} was made by an older Parallax and must be "
                    "upgraded once with write access before it can be read"
                )
        except LibraryError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise translate(exc, path) from exc
        return db

    def _open(self) -> Database:
        path = self.path
        try:
            st = path.stat()
        except FileNotFoundError:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise translate(exc, path) from exc
        except OSError as exc:
            raise translate(exc, path) from exc
        else:
            if not stat.S_ISREG(st.st_mode):
                raise NotALibrary(
                    f"{_shown(path)} is not a file; use --db to choose a library file"
                )
            _inspect(path)
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
        except sqlite3.Error as exc:
            raise translate(exc, path) from exc
        try:
            # execute_plugins=False: no third-party sqlite-utils plugin touches our connection.
            db = Database(conn, execute_plugins=False)
            conn.execute("PRAGMA foreign_keys = ON")
            # Deleted articles are sensitive material: overwrite them rather than leave them
            # readable in free pages.
            conn.execute("PRAGMA secure_delete = ON")
            _set_wal(conn)
            self._migrate(db)
        except LibraryError:
            conn.close()
            raise
        except (sqlite3.Error, OSError) as exc:
            conn.close()
            raise translate(exc, path) from exc
        return db

    def check_writable(self) -> None:
        """Raise now the :class:`~parallax.store.errors.CorruptLibrary` a write would meet.

        For a caller about to do long work whose result it will save: a damaged library is
        reported before the work, not after it.
        """
        with self._guard():
            self._check_before_writing(self._db.conn)

    def _check_before_writing(self, conn: sqlite3.Connection) -> None:
        """Once per opening, before the first write: refuse a damaged file."""
        if not self._sound:
            _quick_check(conn, self.path)
            self._sound = True

    def _migrate(self, db: Database) -> None:
        if not MIGRATIONS.pending(db):
            return
        conn = db.conn
        self._check_before_writing(conn)
        conn.execute("BEGIN IMMEDIATE")  # another process may be migrating the same file
        try:
            applied = [m.name for m in MIGRATIONS.applied(db)]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            _check_known(applied, version, self.path)
            MIGRATIONS.apply(db)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- plumbing -----------------------------------------------------------------------

    @property
    def database(self) -> Database:
        """The sqlite-utils Database, for tests and maintenance scripts; the app uses methods."""
        return self._db

    def close(self) -> None:
        """Close the connection (SQLite folds the write-ahead log back into the file)."""
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except LibraryError:
            raise
        except (sqlite3.Error, UnicodeError, OSError) as exc:
            raise translate(exc, self.path) from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding the write lock from its start."""
        conn = self._db.conn
        with self._guard():
            self._check_before_writing(conn)
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: a consistent snapshot while another process writes."""
        conn = self._db.conn
        with self._guard():
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def _unknown(self, comparison_id: int) -> UnknownComparison:
        return UnknownComparison(
            f"there is no comparison {comparison_id} in the library at {_shown(self.path)} "
            "(see 'parallax library list')"
        )


def _set_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for another process that is creating the same file.

    Changing the journal mode needs the file to itself, and SQLite reports "locked" at once
    rather than calling the busy handler, so two Parallax processes opening a new library
    together would fail: retry until :data:`BUSY_TIMEOUT` has passed.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)
