"""The reader's corrections and library tasks: what the journalist decides, kept.

Renaming, merging and deleting actors; pinning a link between the sentences last clicked,
rejecting the selected link or only the pair of sentences last clicked; restoring a pin or a
rejection from the Decisions panel; forgetting every decision for the pair; writing, editing
and deleting notes on a sentence, a link, an actor or the comparison; opening a saved
comparison and listing the recent ones. Every library
read and write is a task of the window's worker, run on its one thread in the order asked (a
correction is saved before the re-comparison reads it); the results come back to
:meth:`Corrections.on_library_done` and :meth:`Corrections.on_library_failed`.

:class:`Corrections` is a part of :class:`~parallax.ui.main_window.MainWindow`: it uses the
window's comparison, worker and menus, and the window connects the worker's signals to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from parallax.core.model import Comparison, Side, is_side
from parallax.ui import dialogs

if TYPE_CHECKING:
    from parallax.core.actors import ActorCorrection
    from parallax.core.story import Story
    from parallax.session import Annotations, Note, Session, StorySummary
    from parallax.ui.export import ExportedReport
    from parallax.ui.pane import ArticlePane
    from parallax.ui.recent_menu import RecentMenu
    from parallax.ui.sidebar import Sidebar
    from parallax.ui.worker import CompareWorker, Source

__all__ = ["FAILED", "Corrections"]

#: The title of the dialog when a job or a library task fails, by its kind or tag.
FAILED: Final = {
    "compare": "Could not compare",
    "load": "Could not open the comparison",
    "actors": "Correction not saved",
    "link": "Correction not saved",
    "forget": "Corrections not cleared",
    "undo": "Could not undo",
    "redo": "Could not redo",
    "details": "Article details not saved",
    "restore": "Decision not taken back",
    "annotations": "Could not read your decisions and notes",
    "note": "Note not saved",
    "export": "Report not exported",
    "stories": "Could not list the stories",
    "story": "Could not open the story",
}


#: How the history names a change of a note (what undo and redo say they did).
_NOTE_CHANGES: Final = ("note on ", "edit of the note on ", "deletion of the note on ")


class Corrections:
    """The window's corrections and library tasks (a part of the window, see above)."""

    if TYPE_CHECKING:  # what the window provides
        comparison: Comparison | None
        db_path: Path | None
        worker: CompareWorker
        recent_menu: RecentMenu
        sidebar: Sidebar
        panes: dict[Side, ArticlePane]
        comparison_id: int | None
        focus_side: Side
        current_sentence: dict[Side, int | None]
        selected_link: int | None
        _actors_pending: bool
        _job: str

        def compare(
            self,
            left: Source,
            right: Source,
            *,
            keep_view: bool = False,
            actors_from: Comparison | None = None,
        ) -> None: ...
        def _show(self, comparison: Comparison | None, *, keep_view: bool = False) -> None: ...
        def _same_texts(self, comparison: Comparison) -> bool: ...
        def write_report(self, report: ExportedReport) -> None: ...
        def choose_story(self, stories: list[StorySummary]) -> None: ...
        def show_story(self, story: Story) -> None: ...

    def _window(self) -> QMainWindow:
        """The window this is a part of (the parent of a dialog, the owner of the status bar)."""
        return cast(QMainWindow, self)

    # -- actors ------------------------------------------------------------------------------

    def rename_actor(self, actor_id: str, name: str) -> None:
        from parallax.core.actors import ActorCorrection

        if self.comparison is not None and name.strip():
            self._correct_actors([ActorCorrection("rename", actor_id, name.strip())])

    def merge_actors(self, actor_ids: list[str]) -> None:
        from parallax.core.actors import ActorCorrection

        if self.comparison is not None and len(actor_ids) >= 2:
            keep = actor_ids[0]
            self._correct_actors([ActorCorrection("merge", a, keep) for a in actor_ids[1:]])

    def delete_actor(self, actor_id: str) -> None:
        from parallax.core.actors import ActorCorrection

        if self.comparison is not None:
            self._correct_actors([ActorCorrection("delete", actor_id)])

    # -- link corrections ----------------------------------------------------------------------

    def pin_current(self) -> None:
        left, right = self.current_sentence["left"], self.current_sentence["right"]
        if self.comparison is None or left is None or right is None:
            return
        self._correct_link(left, right, "pinned")

    def reject_current(self) -> None:
        """Reject only the pair of sentences last clicked on each side (one sentence of a
        many-sentence link, not the whole link)."""
        left, right = self.current_sentence["left"], self.current_sentence["right"]
        if self.comparison is not None and left is not None and right is not None:
            self._correct_link(left, right, "rejected")

    def reject_selected(self) -> None:
        if self.comparison is None or self.selected_link is None:
            return
        link = self.comparison.links[self.selected_link]
        for left in link.left:
            for right in link.right:
                if not self._correct_link(left, right, "rejected", rerun=False):
                    return
        self._rerun()

    def _rerun(self) -> None:
        """Compare the same two articles again, with the stored corrections applied."""
        if self.comparison is None:
            return
        self.compare(
            self.comparison.left,
            self.comparison.right,
            keep_view=True,
            actors_from=self.comparison,
        )

    # -- the library ---------------------------------------------------------------------------
    # Every library read and write is a task of the worker, run on its one thread in the order
    # asked (a correction is saved before the re-comparison reads it); the results come back
    # to on_library_done and on_library_failed.

    def _library(self, tag: str, task: Callable[[Session], object]) -> bool:
        if self.db_path is None:
            dialogs.show_error(
                self._window(), FAILED[tag], "There is no library open to keep it in."
            )
            return False
        self.worker.library(self.db_path, tag, task)
        return True

    def open_stored(self, comparison_id: int, *, quiet: bool = False) -> None:
        """Show a comparison from the library (``quiet``: the sample pair if it is gone)."""
        if self.db_path is not None:
            self._actors_pending = False
            self._job = "load quietly" if quiet else "load"
            self.worker.start_load(self.db_path, comparison_id)

    def _fill_recent(self) -> None:
        if self.db_path is None or not self.db_path.exists():  # never create it to list it
            self.recent_menu.show_comparisons([])
        else:
            self.recent_menu.show_problem("Reading the library…")
            self.worker.library(self.db_path, "recent", lambda s: s.recent(12))

    def _correct_actors(self, corrections: list[ActorCorrection]) -> None:
        """Save a journalist's actor corrections, then show the corrected comparison: the
        one the library replays on the next comparison of this pair."""
        comparison = self.comparison
        if comparison is not None:
            self._library("actors", lambda s: s.correct_actors(comparison, corrections))

    def _correct_link(self, left: int, right: int, verdict: str, *, rerun: bool = True) -> bool:
        comparison = self.comparison
        if comparison is None or not self._library(
            "link",
            lambda s: s.correct_link(comparison, left, right, verdict),  # type: ignore[arg-type]
        ):
            return False
        if rerun:
            self._rerun()
        return True

    def undo_correction(self) -> None:
        """Take back the pair's last correction and compare it again (Edit > Undo)."""
        comparison = self.comparison
        if comparison is not None:
            self._library("undo", lambda s: s.undo(comparison))

    def redo_correction(self) -> None:
        """Make again the correction undone last (Edit > Redo)."""
        comparison = self.comparison
        if comparison is not None:
            self._library("redo", lambda s: s.redo(comparison))

    # -- outlet, author and date ------------------------------------------------------------

    def edit_details(self, side: str | None = None) -> None:
        """Edit > Article Details (or a double-click on a pane's header): correct the
        outlet, author and date of the articles, shown at once and kept in the library.
        ``side``: the article whose outlet field has the focus (default: the one read)."""
        comparison = self.comparison
        if comparison is None:
            return
        focus: Side = side if is_side(side) else self.focus_side
        dialog = dialogs.ArticleDetailsDialog(comparison, self._window(), focus=focus)
        if not dialog.exec() or not dialog.changed():
            return
        edited = dialog.comparison()
        if self.worker.is_busy():
            # The running comparison carries the old details: compare again with the new.
            self.compare(edited.left, edited.right, keep_view=True)
            return
        self._show(edited, keep_view=True)
        if self.db_path is not None:
            self._library("details", lambda s: s.keep_details(edited))

    def restore_decision(self, left: int, right: int) -> None:
        """Take back the pin or rejection of a pair (the Decisions panel's Restore) and
        compare the pair again: a rejected pair may be linked again."""
        comparison = self.comparison
        if comparison is not None and self._library(
            "restore", lambda s: s.restore(comparison, left, right)
        ):
            self._rerun()

    # -- notes ---------------------------------------------------------------------------------

    def ask_note_text(self, title: str, text: str = "") -> str | None:
        """The note's text from the journalist (None: cancelled or left empty)."""
        found, ok = QInputDialog.getMultiLineText(self._window(), title, "Note:", text)
        return found.strip() if ok and found.strip() else None

    def confirm_delete_note(self) -> bool:
        answer = QMessageBox.question(
            self._window(), "Delete Note", "Delete this note? It cannot be undone."
        )
        return answer == QMessageBox.StandardButton.Yes

    def note_current(self) -> None:
        """Write a note on the sentence last clicked in the article with the focus."""
        side = self.focus_side
        sentence = self.current_sentence[side]
        if sentence is None:
            side = "right" if side == "left" else "left"
            sentence = self.current_sentence[side]
        if sentence is not None:
            self.write_note(side, sentence)

    def note_comparison(self) -> None:
        """Write a note on the comparison as a whole."""
        self.write_note(None, None)

    def note_selected_link(self) -> None:
        """Write a note on the selected link (Link ▸ Write a Note on the Selected Link…)."""
        comparison, index = self.comparison, self.selected_link
        if comparison is not None and index is not None and 0 <= index < len(comparison.links):
            link = comparison.links[index]
            self.write_note(None, None, link=(link.left[0], link.right[0]))

    def note_actor(self, actor_id: str) -> None:
        """Write a note on an actor (the Actors panel's Write a Note…)."""
        self.write_note(None, None, actor=actor_id)

    def write_note(
        self,
        side: Side | None,
        sentence: int | None,
        *,
        link: tuple[int, int] | None = None,
        actor: str | None = None,
    ) -> None:
        """Ask for a note's text and keep it in the library, on a sentence, a link (its left
        and right sentence), an actor (its id) or (all None) on the comparison; its mark
        appears in the margin, or in the actor's tooltip, when it is saved."""
        comparison, cid = self.comparison, self.comparison_id
        if comparison is None:
            return
        if cid is None:
            dialogs.show_error(
                self._window(),
                FAILED["note"],
                "Notes are kept with a comparison saved in the library, and this one is not"
                " saved (yet).",
            )
            return
        from parallax.session import Note, note_subject

        about = Note(0, cid, "", side, sentence, "", "", None, actor)
        if link is not None:
            about = Note(0, cid, "", None, link[0], "", "", link[1], None)
        where = note_subject(about, comparison).removeprefix("on ") or "the comparison"
        body = self.ask_note_text(f"Note on {where}")
        if body is not None:
            self._library("note", lambda s: _noted(s, comparison, cid, body, about))

    def edit_note(self, note_id: int) -> None:
        comparison, cid = self.comparison, self.comparison_id
        note = next((n for n in self.sidebar.decisions.notes if n.id == note_id), None)
        if comparison is None or note is None:
            return
        body = self.ask_note_text("Edit Note", note.body)
        if body is not None and body != note.body:
            self._library("note", lambda s: _edited(s, comparison, cid, note_id, body))

    def delete_note(self, note_id: int) -> None:
        comparison, cid = self.comparison, self.comparison_id
        if comparison is not None and self.confirm_delete_note():
            self._library("note", lambda s: _edited(s, comparison, cid, note_id, None))

    def _fetch_annotations(self) -> None:
        """Read the pair's decisions and the comparison's notes (after it is shown)."""
        comparison, cid = self.comparison, self.comparison_id
        if comparison is not None and self.db_path is not None and self.db_path.exists():
            self.worker.library(
                self.db_path, "annotations", lambda s: s.annotations(comparison, cid)
            )

    def _clear_annotations(self) -> None:
        """No decisions or notes shown (another pair is on screen until they are read)."""
        self.sidebar.set_annotations((), ())
        self.sidebar.actors.set_notes({})
        for pane in self.panes.values():
            pane.view.set_notes({})

    def _show_annotations(self, annotations: Annotations) -> None:
        self.sidebar.set_annotations(annotations.decisions, annotations.notes)
        by_side: dict[Side, dict[int, list[str]]] = {"left": {}, "right": {}}
        by_actor: dict[str, list[str]] = {}
        for note in annotations.notes:
            if note.link is not None:  # marked beside both sentences of the link
                left, right = note.link
                text = f"On the link of left {left + 1} / right {right + 1}: {note.body}"
                by_side["left"].setdefault(left, []).append(text)
                by_side["right"].setdefault(right, []).append(text)
            elif note.actor is not None:
                by_actor.setdefault(note.actor, []).append(note.body)
            elif note.side is not None and note.sentence is not None:
                by_side[note.side].setdefault(note.sentence, []).append(note.body)
        for side, pane in self.panes.items():
            pane.view.set_notes(by_side[side])
        self.sidebar.actors.set_notes(by_actor)

    def forget_corrections(self) -> None:
        comparison = self.comparison
        if comparison is not None and self._library(
            "forget", lambda s: s.forget_corrections(comparison)
        ):
            self._rerun()

    def on_library_done(self, tag: str, result: object) -> None:
        if tag in ("undo", "redo"):
            done = "Undid" if tag == "undo" else "Redid"
            message = f"{done} the {result}" if result else f"Nothing to {tag}"
            comparison = self.comparison
            if isinstance(result, str) and result.startswith(_NOTE_CHANGES) and comparison:
                for actor in comparison.actors:  # a note on an actor: by its name, not its id
                    if message.endswith(f" on {actor.id}"):
                        message = message.removesuffix(actor.id) + actor.name
            self._window().statusBar().showMessage(message, 8000)
            if isinstance(result, str) and result.startswith(_NOTE_CHANGES):
                self._fetch_annotations()  # the links and actors are as they were
            elif result and comparison is not None:  # actors again too: a rename may be undone
                self.compare(comparison.left, comparison.right, keep_view=True)
        elif tag in ("annotations", "note"):
            from parallax.session import Annotations

            comparison = self.comparison
            if (
                isinstance(result, Annotations)
                and comparison is not None
                and result.pair == (comparison.left.content_sha256, comparison.right.content_sha256)
            ):  # still the pair on screen
                self._show_annotations(result)
        elif tag == "recent":
            self.recent_menu.show_comparisons(result)  # type: ignore[arg-type]
        elif tag == "export":
            from parallax.ui.export import ExportedReport

            if isinstance(result, ExportedReport):
                self.write_report(result)
        elif tag == "actors" and isinstance(result, Comparison) and self._same_texts(result):
            self._show(result, keep_view=True)
        elif tag == "stories" and isinstance(result, list):
            self.choose_story(result)
        elif tag == "story":
            from parallax.core.story import Story

            if isinstance(result, Story):
                self.show_story(result)

    def on_library_failed(self, tag: str, message: str) -> None:
        if tag == "recent":
            self.recent_menu.show_problem(f"Library unavailable: {message}")
        else:
            dialogs.show_error(self._window(), FAILED[tag], message)


# -- note tasks (the worker's thread) ----------------------------------------------------------


def _noted(
    session: Session, comparison: Comparison, comparison_id: int, body: str, about: Note
) -> Annotations:
    """Keep a note on what ``about`` is on (a sentence, a link, an actor or the comparison)."""
    session.add_note(
        comparison_id,
        body,
        side=about.side,
        sentence=about.sentence if about.link is None else None,
        link=about.link,
        actor=about.actor,
    )
    return session.annotations(comparison, comparison_id)


def _edited(
    session: Session,
    comparison: Comparison,
    comparison_id: int | None,
    note_id: int,
    body: str | None,
) -> Annotations:
    """Replace a note's text, or delete the note (``body`` None)."""
    if body is None:
        session.delete_note(note_id)
    else:
        session.update_note(note_id, body)
    return session.annotations(comparison, comparison_id)
