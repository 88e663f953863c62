"""What a journalist adds to the comparisons: corrections of links and actors, and notes.

Corrections are stored per pair of articles (by each article's content key,
:attr:`~parallax.core.model.Document.content_sha256`, the same whichever file it was read
from), so they
outlive the comparison they were made on (see :mod:`parallax.store.corrections`); notes
belong to one saved comparison and are deleted with it. Both are entries of the pair's
history: writing, editing and deleting a note are undone and redone in order with the pins,
rejections and actor corrections.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any, Final, Literal

from parallax.core.model import Side, sentence_sha256
from parallax.store.connection import LibraryFile
from parallax.store.corrections import ActorCorrection, Corrections
from parallax.store.records import Note

__all__ = ["CorrectionMethods", "NoteMethods", "Verdict"]

Verdict = Literal["pinned", "rejected"]

#: The columns of a :class:`~parallax.store.records.Note`, in its fields' order.
_READ_COLUMNS: Final = (
    "id, comparison_id, body, side, sentence, created, updated, other_sentence, actor"
)


class CorrectionMethods(LibraryFile):
    """The corrections of a :class:`~parallax.store.library.Library`."""

    def corrections_for(
        self,
        left_sha256: str,
        right_sha256: str,
        sentences: tuple[Sequence[str], Sequence[str]] | None = None,
    ) -> Corrections:
        """The corrections recorded for this pair of articles (by content key,
        :attr:`~parallax.core.model.Document.content_sha256`).

        Corrections recorded with the two articles the other way round are returned with
        their sentence pairs swapped, so swapping LEFT and RIGHT keeps the journalist's work.

        ``sentences`` (the texts of the left and the right article's sentences, in order)
        lets a pin or rejection find its two sentences again in this reading of the
        articles: it keeps its numbers when the sentences there are the ones it was made
        on, moves to where they are when another reading numbers them differently (a byline
        line more or less), and is left out when either of them is not in the article. A
        correction that remembers no sentences keeps its numbers (the aligner drops those
        past an article's end).
        """
        pinned: list[tuple[int, int]] = []
        rejected: list[tuple[int, int]] = []
        left_at = right_at = None
        if sentences is not None:
            left_at, right_at = (_positions(texts) for texts in sentences)
        with self._read() as conn:
            for lsha, ls, rs, verdict, ltext, rtext in conn.execute(
                "SELECT left_sha256, left_sentence, right_sentence, verdict, left_text_sha256,"
                f" right_text_sha256 FROM link_corrections WHERE {_EITHER_WAY} ORDER BY created",
                (left_sha256, right_sha256, right_sha256, left_sha256),
            ):
                if lsha != left_sha256:
                    ls, rs, ltext, rtext = rs, ls, rtext, ltext
                i = _find(left_at, int(ls), ltext)
                j = _find(right_at, int(rs), rtext)
                if i is not None and j is not None:
                    (pinned if verdict == "pinned" else rejected).append((i, j))
            actors = tuple(
                ActorCorrection(action=action, actor=key, value=value)
                for action, key, value in conn.execute(
                    "SELECT action, actor_key, value FROM actor_corrections"
                    f" WHERE {_EITHER_WAY} ORDER BY id",
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
        texts: tuple[str, str] | None = None,
    ) -> None:
        """Pin (``"pinned"``) or reject (``"rejected"``) a link, or forget it (None).

        ``texts`` are the two sentences' texts: with them the correction finds its sentences
        again in another reading of the articles (see :meth:`corrections_for`).

        The latest verdict on a pair of sentences wins. The change joins the pair's history
        (see :meth:`undo`); a change the journalist had undone can then no longer be redone.
        """
        if verdict not in ("pinned", "rejected", None):
            raise ValueError(f"unknown link verdict {verdict!r}")
        keys = None if texts is None else (sentence_sha256(texts[0]), sentence_sha256(texts[1]))
        with self._write() as conn:
            previous = self._verdict(conn, left_sha256, right_sha256, left_sentence, right_sentence)
            self._set_link(
                conn, left_sha256, right_sha256, left_sentence, right_sentence, verdict, keys
            )
            change: dict[str, Any] = {
                "left": left_sentence,
                "right": right_sentence,
                "verdict": verdict,
            }
            if keys is not None:
                change["texts"] = list(keys)
            _record(conn, left_sha256, right_sha256, "link", change, {"verdict": previous})

    def correct_actor(
        self, left_sha256: str, right_sha256: str, correction: ActorCorrection
    ) -> None:
        """Record a rename, merge or delete of an actor for this pair of articles."""
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO actor_corrections (left_sha256, right_sha256, action, actor_key,"
                " value) VALUES (?, ?, ?, ?, ?)",
                (left_sha256, right_sha256, correction.action, correction.actor, correction.value),
            )
            change = {
                "row": cur.lastrowid,
                "action": correction.action,
                "actor": correction.actor,
                "value": correction.value,
            }
            _record(conn, left_sha256, right_sha256, "actor", change, None)

    def clear_corrections(self, left_sha256: str, right_sha256: str) -> None:
        """Forget every correction made to this pair of articles (either way round), and
        their history."""
        pairs = (left_sha256, right_sha256, right_sha256, left_sha256)
        with self._write() as conn:
            for table in ("link_corrections", "actor_corrections", "correction_history"):
                conn.execute(f"DELETE FROM {table} WHERE {_EITHER_WAY}", pairs)

    def undo(self, left_sha256: str, right_sha256: str) -> str | None:
        """Take back the pair's latest correction that stands; what it was, or None.

        A link's earlier verdict comes back (a rejection undone leaves the aligner to decide
        again, a rejection that replaced a pin brings the pin back); an actor correction is
        dropped. The undone change can be redone until the pair is corrected again.
        """
        pairs = (left_sha256, right_sha256, right_sha256, left_sha256)
        with self._write() as conn:
            row = conn.execute(
                "SELECT id, left_sha256, right_sha256, kind, change, previous"
                f" FROM correction_history WHERE ({_EITHER_WAY}) AND undone = 0"
                " ORDER BY id DESC LIMIT 1",
                pairs,
            ).fetchone()
            if row is None:
                return None
            entry_id, lsha, rsha, kind, change_text, previous_text = row
            change = json.loads(change_text)
            if kind == "link":
                previous = json.loads(previous_text)["verdict"]
                self._set_link(
                    conn, lsha, rsha, change["left"], change["right"], previous, _keys(change)
                )
            elif kind == "note":
                _undo_note(
                    conn, change, None if previous_text is None else json.loads(previous_text)
                )
            else:
                conn.execute("DELETE FROM actor_corrections WHERE id = ?", (change["row"],))
            conn.execute("UPDATE correction_history SET undone = 1 WHERE id = ?", (entry_id,))
        return _describe(kind, change)

    def redo(self, left_sha256: str, right_sha256: str) -> str | None:
        """Make again the correction undone last; what it was, or None."""
        pairs = (left_sha256, right_sha256, right_sha256, left_sha256)
        with self._write() as conn:
            row = conn.execute(
                "SELECT id, left_sha256, right_sha256, kind, change FROM correction_history"
                f" WHERE ({_EITHER_WAY}) AND undone = 1 ORDER BY id LIMIT 1",
                pairs,
            ).fetchone()
            if row is None:
                return None
            entry_id, lsha, rsha, kind, change_text = row
            change = json.loads(change_text)
            if kind == "link":
                verdict = change["verdict"]
                self._set_link(
                    conn, lsha, rsha, change["left"], change["right"], verdict, _keys(change)
                )
            elif kind == "note":
                _redo_note(conn, change)
            else:  # back under its own id, so corrections replay in the order made
                conn.execute(
                    "INSERT INTO actor_corrections (id, left_sha256, right_sha256, action,"
                    " actor_key, value) VALUES (?, ?, ?, ?, ?, ?)",
                    (change["row"], lsha, rsha, change["action"], change["actor"], change["value"]),
                )
            conn.execute("UPDATE correction_history SET undone = 0 WHERE id = ?", (entry_id,))
        return _describe(kind, change)

    @staticmethod
    def _verdict(
        conn: sqlite3.Connection, lsha: str, rsha: str, ls: int, rs: int
    ) -> Verdict | None:
        row = conn.execute(
            "SELECT verdict FROM link_corrections WHERE (left_sha256 = ? AND right_sha256 = ?"
            " AND left_sentence = ? AND right_sentence = ?) OR (left_sha256 = ? AND"
            " right_sha256 = ? AND left_sentence = ? AND right_sentence = ?)",
            (lsha, rsha, ls, rs, rsha, lsha, rs, ls),
        ).fetchone()
        return None if row is None else row[0]

    @staticmethod
    def _set_link(
        conn: sqlite3.Connection,
        lsha: str,
        rsha: str,
        ls: int,
        rs: int,
        verdict: Verdict | None,
        texts: tuple[str, str] | None = None,
    ) -> None:
        """Set the verdict on a pair of sentences: it replaces any on the same numbers and,
        when ``texts`` (the two sentences' keys) are known, any on the same two sentences
        as another reading of the articles numbered them."""
        for a, b, i, j in ((lsha, rsha, ls, rs), (rsha, lsha, rs, ls)):
            conn.execute(
                "DELETE FROM link_corrections WHERE left_sha256 = ? AND right_sha256 = ?"
                " AND left_sentence = ? AND right_sentence = ?",
                (a, b, i, j),
            )
        if texts is not None:
            conn.execute(
                "DELETE FROM link_corrections WHERE (left_sha256 = ? AND right_sha256 = ?"
                " AND left_text_sha256 = ? AND right_text_sha256 = ?) OR (left_sha256 = ?"
                " AND right_sha256 = ? AND left_text_sha256 = ? AND right_text_sha256 = ?)",
                (lsha, rsha, *texts, rsha, lsha, *reversed(texts)),
            )
        if verdict is not None:
            lt, rt = texts or (None, None)
            conn.execute(
                "INSERT INTO link_corrections (left_sha256, right_sha256, left_sentence,"
                " right_sentence, verdict, left_text_sha256, right_text_sha256)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (lsha, rsha, ls, rs, verdict, lt, rt),
            )


def _record(
    conn: sqlite3.Connection,
    lsha: str,
    rsha: str,
    kind: str,
    change: dict[str, Any],
    previous: dict[str, Any] | None,
) -> None:
    """Add a change to the pair's history; what was undone can no longer be redone."""
    conn.execute(
        f"DELETE FROM correction_history WHERE ({_EITHER_WAY}) AND undone = 1",
        (lsha, rsha, rsha, lsha),
    )
    conn.execute(
        "INSERT INTO correction_history (left_sha256, right_sha256, kind, change, previous)"
        " VALUES (?, ?, ?, ?, ?)",
        (
            lsha,
            rsha,
            kind,
            json.dumps(change),
            None if previous is None else json.dumps(previous),
        ),
    )


_EITHER_WAY: Final = (
    "((left_sha256 = ? AND right_sha256 = ?) OR (left_sha256 = ? AND right_sha256 = ?))"
)


def _keys(change: dict[str, Any]) -> tuple[str, str] | None:
    """The two sentences' keys a link change of the history remembers, if any."""
    texts = change.get("texts")
    return None if texts is None else (str(texts[0]), str(texts[1]))


def _positions(texts: Sequence[str]) -> dict[str, list[int]]:
    """Where each sentence (by :func:`~parallax.core.model.sentence_sha256`) is."""
    at: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        at.setdefault(sentence_sha256(text), []).append(index)
    return at


def _find(at: dict[str, list[int]] | None, index: int, key: str | None) -> int | None:
    """Where a corrected sentence is in this reading of its article: its number when the
    sentence there is the one corrected (or nothing tells), else the one place the sentence
    is, else None (it is not in the article, or more than once)."""
    if at is None or key is None:
        return index
    places = at.get(key, [])
    if index in places:
        return index
    return places[0] if len(places) == 1 else None


def _describe(kind: str, change: dict[str, Any]) -> str:
    """A change of the history in words, sentences numbered from 1."""
    if kind == "note":
        note = change["note"]
        if note.get("actor") is not None:
            where = note["actor"]
        elif note.get("other_sentence") is not None and note["sentence"] is not None:
            where = f"the link of left {note['sentence'] + 1} / right {note['other_sentence'] + 1}"
        elif note["side"] is None or note["sentence"] is None:
            where = "the comparison"
        else:
            where = f"{note['side']} {note['sentence'] + 1}"
        action = {"write": "note", "edit": "edit of the note", "delete": "deletion of the note"}
        return f"{action[change['action']]} on {where}"
    if kind == "link":
        what = {"pinned": "pin", "rejected": "rejection", None: "unpinning"}[change["verdict"]]
        return f"{what} of left {change['left'] + 1} / right {change['right'] + 1}"
    value = f" to {change['value']}" if change["action"] == "rename" else ""
    return f"{change['action']} of {change['actor']}{value}"


class NoteMethods(LibraryFile):
    """The notes of a :class:`~parallax.store.library.Library`."""

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
        """Attach a note to a saved comparison, or to one sentence (``side`` and ``sentence``),
        one link (``link``: the left and right sentence) or one actor (``actor``: its id) of
        it; it joins the pair's history, so it can be undone.

        Raises:
            UnknownComparison: No comparison has this id.
            ValueError: The note would be about more than one thing, or half a sentence.
        """
        if (side is None) != (sentence is None):
            raise ValueError("a note on a sentence needs both its side and its number")
        if sum(x is not None for x in (sentence, link, actor)) > 1:
            raise ValueError("a note is on one sentence, one link or one actor, not several")
        if link is not None:
            sentence, other = link
        else:
            other = None
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM comparisons WHERE id = ?", (comparison_id,)).fetchone():
                cur = conn.execute(
                    "INSERT INTO notes (comparison_id, side, sentence, other_sentence, actor,"
                    " body) VALUES (?, ?, ?, ?, ?, ?)",
                    (comparison_id, side, sentence, other, actor, body),
                )
                note_id = cur.lastrowid
                written = {"action": "write", "note": _note_row(conn, int(note_id or 0))}
                _record(conn, *_pair_of(conn, comparison_id), "note", written, None)
            else:
                raise self._unknown(comparison_id)
        return next(n for n in self.notes(comparison_id) if n.id == note_id)

    def notes(self, comparison_id: int) -> list[Note]:
        """The notes on a comparison, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_READ_COLUMNS} FROM notes WHERE comparison_id = ? ORDER BY id",
                (comparison_id,),
            ).fetchall()
        return [Note(*row) for row in rows]

    def search_notes(self, query: str, *, limit: int = 20) -> list[Note]:
        """The notes that contain every word of ``query`` (in any case), newest first.

        Words are compared as the journalist typed them, quotes and search operators
        (``AND``, ``OR``, ``NOT``, a trailing ``*``) aside, so the query of a sentence search
        finds the notes too.
        """
        words = [
            w.strip('"()*^').casefold()
            for w in query.split()
            if w not in ("AND", "OR", "NOT", "NEAR") and w.strip('"()*^')
        ]
        if not words:
            return []
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_READ_COLUMNS} FROM notes ORDER BY id DESC").fetchall()
        found = [Note(*row) for row in rows if all(w in row[2].casefold() for w in words)]
        return found[:limit]

    def update_note(self, note_id: int, body: str) -> None:
        """Replace a note's text (undoable)."""
        with self._write() as conn:
            before = _note_row(conn, note_id)
            if before is None:
                return
            conn.execute(
                "UPDATE notes SET body = ?, updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                " WHERE id = ?",
                (body, note_id),
            )
            edited = {"action": "edit", "note": _note_row(conn, note_id)}
            pair = _pair_of(conn, before["comparison_id"])
            _record(conn, *pair, "note", edited, {"note": before})

    def delete_note(self, note_id: int) -> None:
        """Delete a note (undoable, as every change of a note is)."""
        with self._write() as conn:
            before = _note_row(conn, note_id)
            if before is None:
                return
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            deleted = {"action": "delete", "note": before}
            _record(conn, *_pair_of(conn, before["comparison_id"]), "note", deleted, None)


# -- notes in the history --------------------------------------------------------------------

_NOTE_COLUMNS: Final = (
    "id",
    "comparison_id",
    "side",
    "sentence",
    "other_sentence",
    "actor",
    "body",
    "created",
    "updated",
)


def _note_row(conn: sqlite3.Connection, note_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        f"SELECT {', '.join(_NOTE_COLUMNS)} FROM notes WHERE id = ?", (note_id,)
    ).fetchone()
    return None if row is None else dict(zip(_NOTE_COLUMNS, row, strict=True))


def _pair_of(conn: sqlite3.Connection, comparison_id: int) -> tuple[str, str]:
    """The two articles' content keys of a saved comparison: whose history a note joins."""
    left, right = conn.execute(
        "SELECT la.content_sha256, ra.content_sha256 FROM comparisons AS c"
        " JOIN articles AS la ON la.id = c.left_article_id"
        " JOIN articles AS ra ON ra.id = c.right_article_id WHERE c.id = ?",
        (comparison_id,),
    ).fetchone()
    return str(left), str(right)


def _put_note(conn: sqlite3.Connection, note: dict[str, Any]) -> None:
    """A note back as it was, under its own id (not if its comparison was deleted since)."""
    if conn.execute("SELECT 1 FROM comparisons WHERE id = ?", (note["comparison_id"],)).fetchone():
        conn.execute(
            f"INSERT OR REPLACE INTO notes ({', '.join(_NOTE_COLUMNS)})"
            f" VALUES ({', '.join('?' * len(_NOTE_COLUMNS))})",
            tuple(note.get(c) for c in _NOTE_COLUMNS),
        )


def _undo_note(
    conn: sqlite3.Connection, change: dict[str, Any], previous: dict[str, Any] | None
) -> None:
    note = change["note"]
    if change["action"] == "write":
        conn.execute("DELETE FROM notes WHERE id = ?", (note["id"],))
    elif change["action"] == "edit" and previous is not None:
        if _note_row(conn, note["id"]) is not None:
            _put_note(conn, previous["note"])
    elif change["action"] == "delete":
        _put_note(conn, note)


def _redo_note(conn: sqlite3.Connection, change: dict[str, Any]) -> None:
    note = change["note"]
    if change["action"] == "delete":
        conn.execute("DELETE FROM notes WHERE id = ?", (note["id"],))
    elif change["action"] == "write" or _note_row(conn, note["id"]) is not None:
        _put_note(conn, note)
