"""The reader's corrections and library tasks: what the journalist decides, kept.

Renaming, merging and deleting actors; pinning a link between the sentences last clicked,
rejecting the selected link or only the pair of sentences last clicked; forgetting every
decision for the pair; opening a saved comparison and listing the recent ones. Every library
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

from PySide6.QtWidgets import QMainWindow

from parallax.core.model import Comparison, Side, is_side
from parallax.ui import dialogs

if TYPE_CHECKING:
    from parallax.core.actors import ActorCorrection
    from parallax.session import Session
    from parallax.ui.recent_menu import RecentMenu
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
}


class Corrections:
    """The window's corrections and library tasks (a part of the window, see above)."""

    if TYPE_CHECKING:  # what the window provides
        comparison: Comparison | None
        db_path: Path | None
        worker: CompareWorker
        recent_menu: RecentMenu
        current_sentence: dict[Side, int | None]
        selected_link: int | None
        focus_side: Side
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
            self._window().statusBar().showMessage(message, 8000)
            comparison = self.comparison
            if result and comparison is not None:  # actors again too: a rename may be undone
                self.compare(comparison.left, comparison.right, keep_view=True)
        elif tag == "recent":
            self.recent_menu.show_comparisons(result)  # type: ignore[arg-type]
        elif tag == "actors" and isinstance(result, Comparison) and self._same_texts(result):
            self._show(result, keep_view=True)

    def on_library_failed(self, tag: str, message: str) -> None:
        if tag == "recent":
            self.recent_menu.show_problem(f"Library unavailable: {message}")
        else:
            dialogs.show_error(self._window(), FAILED[tag], message)
