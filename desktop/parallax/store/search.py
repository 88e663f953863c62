"""Full-text search over every sentence of every saved article.

The query is FTS5 syntax, with the plain words a journalist types (``North Korea's``,
``anti-missile``) made valid; each hit comes with its matching words marked, its
neighbouring sentences and the comparisons its article appears in.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from typing import Final

from parallax.core.model import Side
from parallax.store.connection import LibraryFile
from parallax.store.errors import BadQuery, LibraryError
from parallax.store.records import SearchHit

__all__ = ["SearchMethods"]

#: Markers for FTS5's highlight(); private-use characters no article contains in practice.
_MARK_OPEN: Final = "\ue000"
_MARK_CLOSE: Final = "\ue001"
_FTS_OPERATORS: Final = frozenset({"AND", "OR", "NOT", "NEAR"})
_FTS_SYNTAX: Final = frozenset('"()*^:+')
_WORD: Final = re.compile(r"\w+")


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


class SearchMethods(LibraryFile):
    """The search of a :class:`~parallax.store.library.Library`."""

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
