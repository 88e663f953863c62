"""Saving, loading and deleting comparisons, and the list of what is saved.

A save is all or nothing: one write transaction. One article is stored once: articles are
keyed by a digest of everything stored for them (the SHA-256 of the original text plus the
repaired text, sentences and repairs), so saving the same pair again, or the same article in
another pair, adds no copy. A pair of articles (by their originals, left and right) has one
comparison: comparing it again, after a correction or an upgrade, updates that comparison in
place -- same id, notes kept, saved time renewed -- instead of adding a copy.
What is loaded is what was saved: ``load(save(c)).to_dict() == c.to_dict()``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict

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
)
from parallax.store.connection import LibraryFile
from parallax.store.records import ComparisonSummary
from parallax.store.schema import _NOW

__all__ = ["ComparisonMethods"]


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


class ComparisonMethods(LibraryFile):
    """The comparisons of a :class:`~parallax.store.library.Library`."""

    def save(self, comparison: Comparison) -> int:
        """Store a comparison in one transaction and return its id.

        The same result saved again returns the id it already has. A new result for a pair
        of articles already saved (the same articles in the same order, however they were
        read, :attr:`~parallax.core.model.Document.content_sha256`, or the same originals
        repaired differently) replaces the old one
        under its id, keeping its notes. An article already in the library (the same
        original, repaired and split the same way) is not stored twice.
        """
        left_digest = _article_digest(comparison.left)
        right_digest = _article_digest(comparison.right)
        digest = _comparison_digest(comparison, left_digest, right_digest)
        skipped = json.dumps(list(comparison.skipped))
        with self._write() as conn:
            row = conn.execute("SELECT id FROM comparisons WHERE digest = ?", (digest,)).fetchone()
            if row is not None:
                return int(row[0])
            left_id = self._save_article(conn, comparison.left, left_digest)
            right_id = self._save_article(conn, comparison.right, right_digest)
            same_pair = conn.execute(
                "SELECT c.id, c.left_article_id, c.right_article_id FROM comparisons AS c"
                " JOIN articles AS l ON l.id = c.left_article_id"
                " JOIN articles AS r ON r.id = c.right_article_id"
                " WHERE (l.content_sha256 = ? OR l.sha256 = ?)"
                " AND (r.content_sha256 = ? OR r.sha256 = ?) ORDER BY c.id DESC LIMIT 1",
                (
                    comparison.left.content_sha256,
                    comparison.left.original_sha256,
                    comparison.right.content_sha256,
                    comparison.right.original_sha256,
                ),
            ).fetchone()
            if same_pair is None:
                cur = conn.execute(
                    "INSERT INTO comparisons (left_article_id, right_article_id, digest, skipped)"
                    " VALUES (?, ?, ?, ?)",
                    (left_id, right_id, digest, skipped),
                )
                assert cur.lastrowid is not None
                comparison_id = int(cur.lastrowid)
            else:
                comparison_id = int(same_pair[0])
                for table in ("reactions", "actors", "links"):
                    conn.execute(f"DELETE FROM {table} WHERE comparison_id = ?", (comparison_id,))
                conn.execute(
                    "UPDATE comparisons SET left_article_id = ?, right_article_id = ?,"
                    f" digest = ?, skipped = ?, created = {_NOW} WHERE id = ?",
                    (left_id, right_id, digest, skipped, comparison_id),
                )
                self._forget_articles(conn, int(same_pair[1]), int(same_pair[2]))
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
            " author, original, text, title_repairs, reading_notes, content_sha256)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.original_sha256,
                digest,
                doc.title,
                doc.source,
                doc.url,
                doc.published,
                doc.author,
                doc.original,
                doc.text,
                json.dumps([r.to_dict() for r in doc.title_repairs], ensure_ascii=False),
                json.dumps(list(doc.notes), ensure_ascii=False),
                doc.content_sha256,
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
            "INSERT INTO links (id, comparison_id, position, kind, score, pinned)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (first + n, comparison_id, n, k.kind, k.score, int(k.pinned))
                for n, k in enumerate(links)
            ],
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

    @staticmethod
    def _load_article(conn: sqlite3.Connection, article_id: int) -> Document:
        row = conn.execute(
            "SELECT original, text, title, source, published, url, title_repairs, author,"
            " reading_notes FROM articles"
            " WHERE id = ?",
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
            author=row[7],
            repairs=repairs,
            sentences=sentences,
            title_repairs=tuple(Repair.from_dict(r) for r in json.loads(row[6])),
            notes=tuple(str(n) for n in json.loads(row[8])),
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
                pinned=bool(pinned),
            )
            for link_id, kind, score, pinned in conn.execute(
                "SELECT id, kind, score, pinned FROM links WHERE comparison_id = ?"
                " ORDER BY position",
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
        :meth:`~parallax.store.library.Library.clear_corrections`). Deleted text is
        overwritten, not left in free pages.

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
            self._forget_articles(conn, int(row[0]), int(row[1]))

    @staticmethod
    def _forget_articles(conn: sqlite3.Connection, *article_ids: int) -> None:
        """Delete these articles unless a comparison or a story still uses them."""
        for article_id in set(article_ids):
            conn.execute(
                "DELETE FROM articles WHERE id = ? AND NOT EXISTS ("
                " SELECT 1 FROM comparisons"
                " WHERE left_article_id = articles.id OR right_article_id = articles.id)"
                " AND NOT EXISTS (SELECT 1 FROM story_articles WHERE article_id = articles.id)",
                (article_id,),
            )

    def summaries(self) -> list[ComparisonSummary]:
        """Every saved comparison, the most recently saved first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM comparison_overview ORDER BY created DESC, comparison_id DESC"
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
