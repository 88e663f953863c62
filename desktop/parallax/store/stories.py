"""Stories: named sets of articles on one event, kept in the library.

A story's articles are stored once, as comparisons store them (the same ``articles`` rows);
``story_articles`` says which articles a story has, in which order and under which outlet.
The comparisons of a story's pairs are the library's comparisons of those pairs, found by
the two articles' originals (:meth:`StoryMethods.pair`), so each pair is compared once and
kept, whoever asked for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from parallax.core.model import Document
from parallax.store.comparisons import ComparisonMethods, _article_digest
from parallax.store.errors import DuplicateStory, UnknownStory
from parallax.store.records import StorySummary

__all__ = ["StoryMethods"]


class StoryMethods(ComparisonMethods):
    """The stories of a :class:`~parallax.store.library.Library`."""

    @staticmethod
    def _story_id(conn: sqlite3.Connection, name: str) -> int:
        row = conn.execute("SELECT id FROM stories WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise UnknownStory(f"There is no story named {name!r} in the library.")
        return int(row[0])

    def create_story(
        self, name: str, articles: Sequence[tuple[Document, str | None]] = ()
    ) -> list[int]:
        """Make a story of ``articles`` (split documents, with their outlets), in one
        transaction; returns their positions in the story (1, 2, ...).

        Raises:
            DuplicateStory: A story of that name exists.
        """
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM stories WHERE name = ?", (name,)).fetchone():
                raise DuplicateStory(f"A story named {name!r} is already in the library.")
            conn.execute("INSERT INTO stories (name) VALUES (?)", (name,))
            return self._add(conn, self._story_id(conn, name), articles)

    def add_to_story(self, name: str, articles: Sequence[tuple[Document, str | None]]) -> list[int]:
        """Add articles to a story; returns their positions. An article the story already
        has (the same original) keeps its place and gets its new outlet, if one is given.

        Raises:
            UnknownStory: No story has that name.
        """
        with self._write() as conn:
            return self._add(conn, self._story_id(conn, name), articles)

    def _add(
        self,
        conn: sqlite3.Connection,
        story_id: int,
        articles: Sequence[tuple[Document, str | None]],
    ) -> list[int]:
        positions: list[int] = []
        for doc, outlet in articles:
            row = conn.execute(
                "SELECT position FROM story_articles WHERE story_id = ? AND sha256 = ?",
                (story_id, doc.original_sha256),
            ).fetchone()
            if row is not None:
                if outlet is not None:
                    conn.execute(
                        "UPDATE story_articles SET outlet = ? WHERE story_id = ? AND position = ?",
                        (outlet, story_id, row[0]),
                    )
                positions.append(int(row[0]))
                continue
            article_id = self._save_article(conn, doc, _article_digest(doc))
            position = int(
                conn.execute(
                    "SELECT coalesce(max(position), 0) + 1 FROM story_articles WHERE story_id = ?",
                    (story_id,),
                ).fetchone()[0]
            )
            conn.execute(
                "INSERT INTO story_articles (story_id, article_id, sha256, position, outlet)"
                " VALUES (?, ?, ?, ?, ?)",
                (story_id, article_id, doc.original_sha256, position, outlet),
            )
            positions.append(position)
        return positions

    def story_articles(self, name: str) -> list[tuple[int, Document, str | None]]:
        """A story's articles as (position, document, outlet), in the order they were added.

        Raises:
            UnknownStory: No story has that name.
        """
        with self._read() as conn:
            story_id = self._story_id(conn, name)
            rows = conn.execute(
                "SELECT position, article_id, outlet FROM story_articles WHERE story_id = ?"
                " ORDER BY position",
                (story_id,),
            ).fetchall()
            return [(int(p), self._load_article(conn, int(a)), o) for p, a, o in rows]

    def remove_from_story(self, name: str, position: int) -> None:
        """Take one article out of a story (the article stays if anything else uses it).

        Raises:
            UnknownStory: No story has that name, or it has no article at ``position``.
        """
        with self._write() as conn:
            story_id = self._story_id(conn, name)
            row = conn.execute(
                "SELECT article_id FROM story_articles WHERE story_id = ? AND position = ?",
                (story_id, position),
            ).fetchone()
            if row is None:
                raise UnknownStory(f"The story {name!r} has no article a{position}.")
            conn.execute(
                "DELETE FROM story_articles WHERE story_id = ? AND position = ?",
                (story_id, position),
            )
            self._forget_articles(conn, int(row[0]))

    def delete_story(self, name: str) -> None:
        """Delete a story; its articles stay while a comparison or another story uses them.

        Raises:
            UnknownStory: No story has that name.
        """
        with self._write() as conn:
            story_id = self._story_id(conn, name)
            ids = [
                int(r[0])
                for r in conn.execute(
                    "SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,)
                )
            ]
            conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story_id,))
            conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            self._forget_articles(conn, *ids)

    def stories(self) -> list[StorySummary]:
        """Every story, the newest first, with its outlets (or article titles) in order."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT s.name, s.created,"
                " (SELECT group_concat(label, char(31)) FROM ("
                "   SELECT coalesce(sa.outlet, a.source, a.title, 'a' || sa.position) AS label"
                "   FROM story_articles AS sa JOIN articles AS a ON a.id = sa.article_id"
                "   WHERE sa.story_id = s.id ORDER BY sa.position))"
                " FROM stories AS s ORDER BY s.created DESC, s.id DESC"
            ).fetchall()
        return [
            StorySummary(name, created, tuple(labels.split("\x1f")) if labels else ())
            for name, created, labels in rows
        ]

    def pair(self, first_sha256: str, second_sha256: str) -> int | None:
        """The id of the library's comparison of two articles (by their originals), in
        either order; the newest if both orders were compared; None if never compared."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT c.id FROM comparisons AS c"
                " JOIN articles AS l ON l.id = c.left_article_id"
                " JOIN articles AS r ON r.id = c.right_article_id"
                " WHERE (l.sha256 = ? AND r.sha256 = ?) OR (l.sha256 = ? AND r.sha256 = ?)"
                " ORDER BY c.created DESC, c.id DESC LIMIT 1",
                (first_sha256, second_sha256, second_sha256, first_sha256),
            ).fetchone()
        return None if row is None else int(row[0])
