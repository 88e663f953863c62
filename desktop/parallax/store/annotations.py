"""What a journalist adds to the comparisons: corrections of links and actors, and notes.

Corrections are stored per pair of articles (by the SHA-256 of each original text), so they
outlive the comparison they were made on (see :mod:`parallax.store.corrections`); notes
belong to one saved comparison and are deleted with it.
"""

from __future__ import annotations

from typing import Literal

from parallax.core.model import Side
from parallax.store.connection import LibraryFile
from parallax.store.corrections import ActorCorrection, Corrections
from parallax.store.records import Note

__all__ = ["CorrectionMethods", "NoteMethods", "Verdict"]

Verdict = Literal["pinned", "rejected"]


class CorrectionMethods(LibraryFile):
    """The corrections of a :class:`~parallax.store.library.Library`."""

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


class NoteMethods(LibraryFile):
    """The notes of a :class:`~parallax.store.library.Library`."""

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
