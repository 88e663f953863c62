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
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import stat
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Final, Literal

from sqlite_utils import Database

from parallax.core.model import (
    Actor,
    Comparison,
    Difference,
    Document,
    Link,
    Mention,
    Reaction,
    Repair,
    Sentence,
    Side,
)
from parallax.store.corrections import ActorCorrection, Corrections
from parallax.store.errors import (
    BadQuery,
    LibraryError,
    LibraryUnavailable,
    NewerLibrary,
    NotALibrary,
    UnknownComparison,
    translate,
)
from parallax.store.location import library_path
from parallax.store.schema import MIGRATION_SET, MIGRATIONS, SCHEMA_VERSION

__all__ = ["BUSY_TIMEOUT", "ComparisonSummary", "Library", "Note", "SearchHit", "open_library"]

#: Seconds a writer waits for another one to finish before reporting the library busy. A save
#: of two 2,000-sentence articles takes well under a second, so this only runs out when
#: another program holds the file locked.
BUSY_TIMEOUT: Final = 15.0

_SQLITE_MAGIC: Final = b"SQLite format 3\x00"
#: Markers for FTS5's highlight(); private-use characters no article contains in practice.
_MARK_OPEN: Final = "\ue000"
_MARK_CLOSE: Final = "\ue001"
_FTS_OPERATORS: Final = frozenset({"AND", "OR", "NOT", "NEAR"})
_FTS_SYNTAX: Final = frozenset('"()*^:+')
_WORD: Final = re.compile(r"\w+")

Verdict = Literal["pinned", "rejected"]


@dataclass(frozen=True, slots=True)
class ComparisonSummary:
    """One line of the library's list: which two articles, when, and how much was found."""

    id: int
    created: str
    left_title: str | None
    left_source: str | None
    right_title: str | None
    right_source: str | None
    links: int
    left_sentences: int
    right_sentences: int
    actors: int
    reactions: int
    notes: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A sentence that matched a search, with what surrounds it.

    Attributes:
        article_id: The article the sentence belongs to.
        title: That article's title.
        source: That article's outlet.
        sentence: The sentence's index in its article.
        text: The sentence.
        matches: ``(start, end)`` character spans of the matching words in ``text``.
        before: The previous sentence of the article ("" for the first).
        after: The next sentence ("" for the last).
        appears_in: ``(comparison id, side)`` for every saved comparison with this article.
    """

    article_id: int
    title: str | None
    source: str | None
    sentence: int
    text: str
    matches: tuple[tuple[int, int], ...]
    before: str
    after: str
    appears_in: tuple[tuple[int, Side], ...]


@dataclass(frozen=True, slots=True)
class Note:
    """A journalist's note on a comparison, optionally about one sentence of one side."""

    id: int
    comparison_id: int
    body: str
    side: Side | None
    sentence: int | None
    created: str
    updated: str


def _canonical(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def _article_digest(doc: Document) -> str:
    """What makes two stored articles the same: the original and everything derived from it."""
    return hashlib.sha256(_canonical(doc.to_dict())).hexdigest()


def _comparison_digest(c: Comparison, left: str, right: str) -> str:
    payload = {
        "left": left,
        "right": right,
        "links": [[*link.to_dict().items(), ("exact_score", link.score)] for link in c.links],
        "actors": [a.to_dict() for a in c.actors],
        "reactions": [r.to_dict() for r in c.reactions],
        "skipped": list(c.skipped),
    }
    return hashlib.sha256(_canonical(payload)).hexdigest()


def _fts_query(query: str) -> str:
    """Make everyday searches valid FTS5 while keeping FTS5's own syntax.

    ``North Korea's`` or ``anti-missile`` are not valid FTS5 (apostrophes and hyphens are
    not word characters there), yet they are what a journalist types. A plain word with such
    characters is quoted as a phrase; operators (``AND``, ``OR``, ``NOT``, ``NEAR``), quotes,
    parentheses, prefixes (``sanction*``) and column filters are passed through, so a query
    that uses them wrongly is still reported as a syntax error rather than guessed at.
    """
    parts: list[str] = []
    for token in query.split():
        if token in _FTS_OPERATORS or _FTS_SYNTAX.intersection(token) or _WORD.fullmatch(token):
            parts.append(token)
        else:
            parts.append(f'"{token}"')
    return " ".join(parts)


def _spans(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip highlight markers, returning the plain text and the marked spans."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start = -1
    for ch in marked:
        if ch == _MARK_OPEN:
            start = pos
        elif ch == _MARK_CLOSE and start >= 0:
            spans.append((start, pos))
            start = -1
        else:
            out.append(ch)
            pos += 1
    return "".join(out), tuple(spans)


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
            f"{path} is not a Parallax library (it is not an SQLite file); it was left "
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
                f"{path} is an SQLite file of another program, not a Parallax library; it was "
                "left untouched — use --db to choose another file"
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
            f"the library at {path} was written by a newer version of Parallax (schema "
            f"{version}, this version knows {SCHEMA_VERSION}); it was left untouched — "
            "upgrade Parallax to open it"
        )


class Library:
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

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path: Path = library_path(path)
        self.read_only = read_only
        self._db = self._open_read_only() if read_only else self._open()

    # -- opening ------------------------------------------------------------------------

    def _open_read_only(self) -> Database:
        path = self.path
        if not path.is_file():
            raise LibraryUnavailable(f"there is no library at {path}")
        _inspect(path)
        conn = _connect_read_only(path)
        try:
            db = Database(conn, execute_plugins=False)
            if MIGRATIONS.pending(db):
                raise LibraryUnavailable(
                    f"the library at {path} was made by an older Parallax and must be upgraded "
                    "once with write access before it can be read"
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
                raise NotALibrary(f"{path} is not a file; use --db to choose a library file")
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

    def _migrate(self, db: Database) -> None:
        if not MIGRATIONS.pending(db):
            return
        conn = db.conn
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

    def __enter__(self) -> Library:
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

    # -- comparisons --------------------------------------------------------------------

    def save(self, comparison: Comparison) -> int:
        """Store a comparison in one transaction and return its id.

        The same result saved again returns the id it already has; an article already in the
        library (the same original, repaired and split the same way) is not stored twice.
        """
        left_digest = _article_digest(comparison.left)
        right_digest = _article_digest(comparison.right)
        digest = _comparison_digest(comparison, left_digest, right_digest)
        with self._write() as conn:
            row = conn.execute("SELECT id FROM comparisons WHERE digest = ?", (digest,)).fetchone()
            if row is not None:
                return int(row[0])
            left_id = self._save_article(conn, comparison.left, left_digest)
            right_id = self._save_article(conn, comparison.right, right_digest)
            cur = conn.execute(
                "INSERT INTO comparisons (left_article_id, right_article_id, digest, skipped)"
                " VALUES (?, ?, ?, ?)",
                (left_id, right_id, digest, json.dumps(list(comparison.skipped))),
            )
            assert cur.lastrowid is not None
            comparison_id = int(cur.lastrowid)
            self._save_links(conn, comparison_id, comparison.links)
            self._save_actors(conn, comparison_id, comparison.actors, comparison.reactions)
            return comparison_id

    def find(self, comparison: Comparison) -> int | None:
        """The id under which exactly this result is saved, or None."""
        digest = _comparison_digest(
            comparison, _article_digest(comparison.left), _article_digest(comparison.right)
        )
        with self._read() as conn:
            row = conn.execute("SELECT id FROM comparisons WHERE digest = ?", (digest,)).fetchone()
        return None if row is None else int(row[0])

    @staticmethod
    def _save_article(conn: sqlite3.Connection, doc: Document, digest: str) -> int:
        row = conn.execute("SELECT id FROM articles WHERE record_sha256 = ?", (digest,)).fetchone()
        if row is not None:
            return int(row[0])
        cur = conn.execute(
            "INSERT INTO articles (sha256, record_sha256, title, source, url, published,"
            " original, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.original_sha256,
                digest,
                doc.title,
                doc.source,
                doc.url,
                doc.published,
                doc.original,
                doc.text,
            ),
        )
        assert cur.lastrowid is not None
        article_id = int(cur.lastrowid)
        conn.executemany(
            "INSERT INTO sentences (article_id, idx, start_char, end_char, role, text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(article_id, s.index, s.start, s.end, s.role, s.text) for s in doc.sentences],
        )
        conn.executemany(
            "INSERT INTO repairs (article_id, position, start_char, end_char, original,"
            " replacement, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, n, r.start, r.end, r.original, r.replacement, r.kind)
                for n, r in enumerate(doc.repairs)
            ],
        )
        return article_id

    @staticmethod
    def _next_id(conn: sqlite3.Connection, table: str) -> int:
        # Ids are handed out here, inside the write transaction, so that child rows can be
        # inserted with executemany instead of one round trip per row.
        return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

    def _save_links(
        self, conn: sqlite3.Connection, comparison_id: int, links: tuple[Link, ...]
    ) -> None:
        first = self._next_id(conn, "links")
        conn.executemany(
            "INSERT INTO links (id, comparison_id, position, kind, score) VALUES (?, ?, ?, ?, ?)",
            [(first + n, comparison_id, n, k.kind, k.score) for n, k in enumerate(links)],
        )
        conn.executemany(
            "INSERT INTO link_sentences (link_id, side, position, sentence) VALUES (?, ?, ?, ?)",
            [
                (first + n, side, p, i)
                for n, k in enumerate(links)
                for side, indexes in (("left", k.left), ("right", k.right))
                for p, i in enumerate(indexes)
            ],
        )
        conn.executemany(
            "INSERT INTO differences (link_id, position, kind, left_text, right_text)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (first + n, p, d.kind, d.left, d.right)
                for n, k in enumerate(links)
                for p, d in enumerate(k.differences)
            ],
        )

    def _save_actors(
        self,
        conn: sqlite3.Connection,
        comparison_id: int,
        actors: tuple[Actor, ...],
        reactions: tuple[Reaction, ...],
    ) -> None:
        first = self._next_id(conn, "actors")
        ids = {a.id: first + n for n, a in enumerate(actors)}
        conn.executemany(
            "INSERT INTO actors (id, comparison_id, position, actor_key, name, kind)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(first + n, comparison_id, n, a.id, a.name, a.kind) for n, a in enumerate(actors)],
        )
        conn.executemany(
            "INSERT INTO aliases (actor_id, position, alias) VALUES (?, ?, ?)",
            [
                (first + n, p, alias)
                for n, a in enumerate(actors)
                for p, alias in enumerate(a.aliases)
            ],
        )
        conn.executemany(
            "INSERT INTO mentions (actor_id, position, side, sentence, start_char, end_char,"
            " text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (first + n, p, m.side, m.sentence, m.start, m.end, m.text)
                for n, a in enumerate(actors)
                for p, m in enumerate(a.mentions)
            ],
        )
        conn.executemany(
            "INSERT INTO reactions (comparison_id, position, actor_key, actor_id, side,"
            " sentence, cue, stance, quote, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    comparison_id,
                    n,
                    r.actor,
                    ids.get(r.actor),
                    r.side,
                    r.sentence,
                    r.cue,
                    r.stance,
                    r.quote,
                    r.text,
                )
                for n, r in enumerate(reactions)
            ],
        )

    def load(self, comparison_id: int) -> Comparison:
        """The comparison saved under this id, exactly as it was saved.

        Raises:
            UnknownComparison: No comparison has this id.
        """
        with self._read() as conn:
            row = conn.execute(
                "SELECT left_article_id, right_article_id, skipped FROM comparisons WHERE id = ?",
                (comparison_id,),
            ).fetchone()
            if row is None:
                raise self._unknown(comparison_id)
            left = self._load_article(conn, int(row[0]))
            right = self._load_article(conn, int(row[1]))
            skipped = tuple(str(s) for s in json.loads(row[2]))
            links = self._load_links(conn, comparison_id)
            actors = self._load_actors(conn, comparison_id)
            reactions = tuple(
                Reaction(
                    actor=r[0],
                    side=r[1],
                    sentence=int(r[2]),
                    cue=r[3],
                    stance=r[4],
                    quote=r[5],
                    text=r[6],
                )
                for r in conn.execute(
                    "SELECT actor_key, side, sentence, cue, stance, quote, text FROM reactions"
                    " WHERE comparison_id = ? ORDER BY position",
                    (comparison_id,),
                )
            )
        return Comparison(
            left=left,
            right=right,
            links=links,
            actors=actors,
            reactions=reactions,
            skipped=skipped,
        )

    def _unknown(self, comparison_id: int) -> UnknownComparison:
        return UnknownComparison(
            f"there is no comparison {comparison_id} in the library at {self.path} "
            "(see 'parallax library list')"
        )

    @staticmethod
    def _load_article(conn: sqlite3.Connection, article_id: int) -> Document:
        row = conn.execute(
            "SELECT original, text, title, source, published, url FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        sentences = tuple(
            Sentence(index=int(s[0]), start=int(s[1]), end=int(s[2]), text=s[3], role=s[4])
            for s in conn.execute(
                "SELECT idx, start_char, end_char, text, role FROM sentences"
                " WHERE article_id = ? ORDER BY idx",
                (article_id,),
            )
        )
        repairs = tuple(
            Repair(start=int(r[0]), end=int(r[1]), original=r[2], replacement=r[3], kind=r[4])
            for r in conn.execute(
                "SELECT start_char, end_char, original, replacement, kind FROM repairs"
                " WHERE article_id = ? ORDER BY position",
                (article_id,),
            )
        )
        return Document(
            original=row[0],
            text=row[1],
            title=row[2],
            source=row[3],
            published=row[4],
            url=row[5],
            repairs=repairs,
            sentences=sentences,
        )

    @staticmethod
    def _load_links(conn: sqlite3.Connection, comparison_id: int) -> tuple[Link, ...]:
        sides: dict[int, dict[str, list[int]]] = defaultdict(lambda: {"left": [], "right": []})
        for link_id, side, sentence in conn.execute(
            "SELECT ls.link_id, ls.side, ls.sentence FROM link_sentences AS ls"
            " JOIN links AS k ON k.id = ls.link_id WHERE k.comparison_id = ?"
            " ORDER BY ls.link_id, ls.side, ls.position",
            (comparison_id,),
        ):
            sides[link_id][side].append(int(sentence))
        differences: dict[int, list[Difference]] = defaultdict(list)
        for link_id, kind, left, right in conn.execute(
            "SELECT d.link_id, d.kind, d.left_text, d.right_text FROM differences AS d"
            " JOIN links AS k ON k.id = d.link_id WHERE k.comparison_id = ?"
            " ORDER BY d.link_id, d.position",
            (comparison_id,),
        ):
            differences[link_id].append(Difference(kind=kind, left=left, right=right))
        return tuple(
            Link(
                left=tuple(sides[link_id]["left"]),
                right=tuple(sides[link_id]["right"]),
                score=float(score),
                kind=kind,
                differences=tuple(differences[link_id]),
            )
            for link_id, kind, score in conn.execute(
                "SELECT id, kind, score FROM links WHERE comparison_id = ? ORDER BY position",
                (comparison_id,),
            )
        )

    @staticmethod
    def _load_actors(conn: sqlite3.Connection, comparison_id: int) -> tuple[Actor, ...]:
        aliases: dict[int, list[str]] = defaultdict(list)
        for actor_id, alias in conn.execute(
            "SELECT al.actor_id, al.alias FROM aliases AS al JOIN actors AS a"
            " ON a.id = al.actor_id WHERE a.comparison_id = ? ORDER BY al.actor_id, al.position",
            (comparison_id,),
        ):
            aliases[actor_id].append(alias)
        mentions: dict[int, list[Mention]] = defaultdict(list)
        for actor_id, side, sentence, start, end, text in conn.execute(
            "SELECT m.actor_id, m.side, m.sentence, m.start_char, m.end_char, m.text"
            " FROM mentions AS m JOIN actors AS a ON a.id = m.actor_id"
            " WHERE a.comparison_id = ? ORDER BY m.actor_id, m.position",
            (comparison_id,),
        ):
            mentions[actor_id].append(Mention(side, int(sentence), int(start), int(end), text))
        return tuple(
            Actor(
                id=key,
                name=name,
                kind=kind,
                aliases=tuple(aliases[actor_id]),
                mentions=tuple(mentions[actor_id]),
            )
            for actor_id, key, name, kind in conn.execute(
                "SELECT id, actor_key, name, kind FROM actors WHERE comparison_id = ?"
                " ORDER BY position",
                (comparison_id,),
            )
        )

    def delete(self, comparison_id: int) -> None:
        """Delete a comparison, and its articles unless another comparison uses them.

        Notes on the comparison go with it; corrections stay, because they belong to the
        pair of articles and are re-applied if the pair is compared again (see
        :meth:`clear_corrections`). Deleted text is overwritten, not left in free pages.

        Raises:
            UnknownComparison: No comparison has this id.
        """
        with self._write() as conn:
            row = conn.execute(
                "SELECT left_article_id, right_article_id FROM comparisons WHERE id = ?",
                (comparison_id,),
            ).fetchone()
            if row is None:
                raise self._unknown(comparison_id)
            conn.execute("DELETE FROM comparisons WHERE id = ?", (comparison_id,))
            conn.execute(
                "DELETE FROM articles WHERE id IN (?, ?) AND NOT EXISTS ("
                " SELECT 1 FROM comparisons"
                " WHERE left_article_id = articles.id OR right_article_id = articles.id)",
                (row[0], row[1]),
            )

    def summaries(self) -> list[ComparisonSummary]:
        """Every saved comparison, newest first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM comparison_overview ORDER BY comparison_id DESC"
            ).fetchall()
        return [ComparisonSummary(*row) for row in rows]

    def summary(self, comparison_id: int) -> ComparisonSummary:
        """One comparison's line of the list.

        Raises:
            UnknownComparison: No comparison has this id.
        """
        with self._read() as conn:
            row = conn.execute(
                "SELECT * FROM comparison_overview WHERE comparison_id = ?", (comparison_id,)
            ).fetchone()
        if row is None:
            raise self._unknown(comparison_id)
        return ComparisonSummary(*row)

    # -- search -------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Sentences of saved articles that match a full-text query, best first.

        The query is FTS5 syntax (``treaty AND "mutual defence"``, ``sanction*``, ``NOT``),
        with plain words that contain apostrophes or hyphens quoted for the user.

        Raises:
            BadQuery: The query is empty or not valid full-text syntax.
        """
        fts = _fts_query(query)
        if not fts:
            raise BadQuery("the search is empty: give one or more words to look for")
        try:
            with self._read() as conn:
                rows = conn.execute(
                    "SELECT s.article_id, a.title, a.source, s.idx, s.text,"
                    " highlight(sentences_fts, 0, ?, ?), coalesce(p.text, ''),"
                    " coalesce(n.text, '')"
                    " FROM sentences_fts"
                    " JOIN sentences AS s ON s.id = sentences_fts.rowid"
                    " JOIN articles AS a ON a.id = s.article_id"
                    " LEFT JOIN sentences AS p ON p.article_id = s.article_id AND p.idx = s.idx - 1"
                    " LEFT JOIN sentences AS n ON n.article_id = s.article_id AND n.idx = s.idx + 1"
                    " WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?",
                    (_MARK_OPEN, _MARK_CLOSE, fts, limit),
                ).fetchall()
                articles = sorted({int(r[0]) for r in rows})
                appears: dict[int, list[tuple[int, Side]]] = defaultdict(list)
                marks = ",".join("?" * len(articles))
                for cid, left_id, right_id in conn.execute(
                    "SELECT id, left_article_id, right_article_id FROM comparisons"
                    f" WHERE left_article_id IN ({marks}) OR right_article_id IN ({marks})"
                    " ORDER BY id",
                    (*articles, *articles),
                ):
                    appears[left_id].append((int(cid), "left"))
                    if right_id != left_id:
                        appears[right_id].append((int(cid), "right"))
        except LibraryError as exc:
            cause = exc.__cause__
            if isinstance(cause, sqlite3.OperationalError) and (
                getattr(cause, "sqlite_errorname", "") == "SQLITE_ERROR"
            ):
                raise BadQuery(
                    f"cannot search for {query!r}: {cause}; put words in double quotes to "
                    "search for them as they are"
                ) from cause
            raise
        hits: list[SearchHit] = []
        for article_id, title, source, idx, text, marked, before, after in rows:
            plain, spans = _spans(marked)
            if not text.startswith(plain):  # highlight() stops at a NUL: marks past it are lost
                spans = ()
            hits.append(
                SearchHit(
                    article_id=int(article_id),
                    title=title,
                    source=source,
                    sentence=int(idx),
                    text=text,
                    matches=spans,
                    before=before,
                    after=after,
                    appears_in=tuple(appears[int(article_id)]),
                )
            )
        return hits

    # -- corrections --------------------------------------------------------------------

    def corrections_for(self, left_sha256: str, right_sha256: str) -> Corrections:
        """The corrections recorded for this pair of articles (by original SHA-256).

        Corrections recorded with the two articles the other way round are returned with
        their sentence pairs swapped, so swapping LEFT and RIGHT keeps the journalist's work.
        """
        pinned: list[tuple[int, int]] = []
        rejected: list[tuple[int, int]] = []
        with self._read() as conn:
            for lsha, ls, rs, verdict in conn.execute(
                "SELECT left_sha256, left_sentence, right_sentence, verdict"
                " FROM link_corrections WHERE (left_sha256 = ? AND right_sha256 = ?)"
                " OR (left_sha256 = ? AND right_sha256 = ?)",
                (left_sha256, right_sha256, right_sha256, left_sha256),
            ):
                pair = (int(ls), int(rs)) if lsha == left_sha256 else (int(rs), int(ls))
                (pinned if verdict == "pinned" else rejected).append(pair)
            actors = tuple(
                ActorCorrection(action=action, actor=key, value=value)
                for action, key, value in conn.execute(
                    "SELECT action, actor_key, value FROM actor_corrections"
                    " WHERE (left_sha256 = ? AND right_sha256 = ?)"
                    " OR (left_sha256 = ? AND right_sha256 = ?) ORDER BY id",
                    (left_sha256, right_sha256, right_sha256, left_sha256),
                )
            )
        return Corrections(
            pinned=tuple(sorted(set(pinned))),
            rejected=tuple(sorted(set(rejected) - set(pinned))),
            actors=actors,
        )

    def correct_link(
        self,
        left_sha256: str,
        right_sha256: str,
        left_sentence: int,
        right_sentence: int,
        verdict: Verdict | None,
    ) -> None:
        """Pin (``"pinned"``) or reject (``"rejected"``) a link, or forget it (None).

        The latest verdict on a pair of sentences wins.
        """
        with self._write() as conn:
            for lsha, rsha, ls, rs in (
                (left_sha256, right_sha256, left_sentence, right_sentence),
                (right_sha256, left_sha256, right_sentence, left_sentence),
            ):
                conn.execute(
                    "DELETE FROM link_corrections WHERE left_sha256 = ? AND right_sha256 = ?"
                    " AND left_sentence = ? AND right_sentence = ?",
                    (lsha, rsha, ls, rs),
                )
            if verdict is not None:
                if verdict not in ("pinned", "rejected"):
                    raise ValueError(f"unknown link verdict {verdict!r}")
                conn.execute(
                    "INSERT INTO link_corrections (left_sha256, right_sha256, left_sentence,"
                    " right_sentence, verdict) VALUES (?, ?, ?, ?, ?)",
                    (left_sha256, right_sha256, left_sentence, right_sentence, verdict),
                )

    def correct_actor(
        self, left_sha256: str, right_sha256: str, correction: ActorCorrection
    ) -> None:
        """Record a rename, merge or delete of an actor for this pair of articles."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO actor_corrections (left_sha256, right_sha256, action, actor_key,"
                " value) VALUES (?, ?, ?, ?, ?)",
                (left_sha256, right_sha256, correction.action, correction.actor, correction.value),
            )

    def clear_corrections(self, left_sha256: str, right_sha256: str) -> None:
        """Forget every correction made to this pair of articles (either way round)."""
        pairs = (left_sha256, right_sha256, right_sha256, left_sha256)
        where = "(left_sha256 = ? AND right_sha256 = ?) OR (left_sha256 = ? AND right_sha256 = ?)"
        with self._write() as conn:
            conn.execute(f"DELETE FROM link_corrections WHERE {where}", pairs)
            conn.execute(f"DELETE FROM actor_corrections WHERE {where}", pairs)

    # -- notes --------------------------------------------------------------------------

    def add_note(
        self,
        comparison_id: int,
        body: str,
        *,
        side: Side | None = None,
        sentence: int | None = None,
    ) -> Note:
        """Attach a note to a saved comparison (or to one sentence of it).

        Raises:
            UnknownComparison: No comparison has this id.
        """
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM comparisons WHERE id = ?", (comparison_id,)).fetchone():
                cur = conn.execute(
                    "INSERT INTO notes (comparison_id, side, sentence, body) VALUES (?, ?, ?, ?)",
                    (comparison_id, side, sentence, body),
                )
                note_id = cur.lastrowid
            else:
                raise self._unknown(comparison_id)
        return next(n for n in self.notes(comparison_id) if n.id == note_id)

    def notes(self, comparison_id: int) -> list[Note]:
        """The notes on a comparison, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, comparison_id, body, side, sentence, created, updated FROM notes"
                " WHERE comparison_id = ? ORDER BY id",
                (comparison_id,),
            ).fetchall()
        return [Note(*row) for row in rows]

    def update_note(self, note_id: int, body: str) -> None:
        """Replace a note's text."""
        with self._write() as conn:
            conn.execute(
                "UPDATE notes SET body = ?, updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                " WHERE id = ?",
                (body, note_id),
            )

    def delete_note(self, note_id: int) -> None:
        """Delete a note."""
        with self._write() as conn:
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))


def open_library(path: str | Path | None = None) -> Library:
    """Open (creating on first use) the library at ``path``, ``$PARALLAX_DB`` or the default."""
    return Library(path)


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
