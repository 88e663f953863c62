"""File ▸ Export Report…: the comparison on screen as a file to share.

The save dialog offers an HTML report, a Markdown report and the JSON comparison document;
the name's extension (or, without one, the filter chosen) decides which. The report is the
one ``parallax library export`` writes — the session renders it, with the journalist's
notes, decisions and the sourcing — made on the worker's thread like every library read. A
comparison not saved in the library has no notes to carry; its report says what was
decided about the pair when a library is open, and the status line says the notes are
missing.

The file is written next to its final name first and then moved into place, so a failed
write never leaves half a report over an older one; the dialog asks before replacing a
file (and so does the window when it adds the extension itself). A failure (a folder one
may not write into) is a dialog.

:class:`ReportExport` is a part of :class:`~parallax.ui.main_window.MainWindow`, like
:class:`~parallax.ui.corrections.Corrections`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, cast

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from parallax.ui import dialogs

if TYPE_CHECKING:
    from collections.abc import Callable

    from parallax.core.model import Comparison
    from parallax.session import Session

__all__ = ["FILTERS", "ExportedReport", "ReportExport", "report_format"]

Format = Literal["html", "md", "json"]

#: The save dialog's filters, in order, with the format and extension each stands for.
FILTERS: Final[tuple[tuple[str, Format, str], ...]] = (
    ("HTML report (*.html *.htm)", "html", ".html"),
    ("Markdown report (*.md *.markdown)", "md", ".md"),
    ("Comparison document, JSON (*.json)", "json", ".json"),
)

_BY_SUFFIX: Final[dict[str, Format]] = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
}

FAILED: Final = "Report not exported"


def report_format(path: Path, chosen_filter: str) -> tuple[Path, Format]:
    """The file to write and its format: by the name's extension, else by the filter chosen
    (whose extension is then added to the name)."""
    found = _BY_SUFFIX.get(path.suffix.casefold())
    if found is not None:
        return path, found
    for label, fmt, suffix in FILTERS:
        if label == chosen_filter:
            return path.with_name(path.name + suffix), fmt
    return path.with_name(path.name + ".html"), "html"


def _stem(comparison: Comparison) -> str:
    """A file name for the report, from the left article's title or outlet."""
    doc = comparison.left
    words = re.findall(r"\w+", doc.title or doc.source or "", flags=re.UNICODE)
    return "-".join(words[:8]).casefold() or "parallax-report"


@dataclass(frozen=True, slots=True)
class ExportedReport:
    """A report made, to write: where, what, and whether the journalist's notes are in it."""

    path: Path
    text: str
    with_notes: bool


class ReportExport:
    """File ▸ Export Report… (a part of the window, see above)."""

    if TYPE_CHECKING:  # what the window provides
        comparison: Comparison | None
        comparison_id: int | None
        db_path: Path | None

        def _library(self, tag: str, task: Callable[[Session], object]) -> bool: ...

    _export_folder: Path | None = None

    def _export_window(self) -> QMainWindow:
        return cast(QMainWindow, self)

    def export_report(self) -> None:
        """Ask where to save the report of the comparison on screen, then make and write it."""
        comparison, cid = self.comparison, self.comparison_id
        if comparison is None:
            return
        window = self._export_window()
        caption = "Export Report" if cid is not None else "Export Report (without notes)"
        folder = self._export_folder or Path.home()
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            window,
            caption,
            str(folder / f"{_stem(comparison)}.html"),
            ";;".join(label for label, _, _ in FILTERS),
            FILTERS[0][0],
        )
        if not chosen:
            return
        path, fmt = report_format(Path(chosen), chosen_filter)
        if path != Path(chosen) and path.exists() and not _confirm_replace(window, path):
            return  # the dialog confirmed another name than the one written
        self._export_folder = path.parent
        library = self.db_path is not None and self.db_path.exists()
        if cid is not None and library:
            self._library("export", lambda s: ExportedReport(path, s.export(cid, fmt), True))
        elif library:  # not saved: no notes, but what was decided about the pair
            self._library(
                "export", lambda s: ExportedReport(path, s.report(comparison, None, fmt), False)
            )
        else:
            from parallax.session import Session

            with Session() as session:
                self.write_report(
                    ExportedReport(path, session.report(comparison, None, fmt), False)
                )

    def write_report(self, report: ExportedReport) -> None:
        """Write a report made (on the worker, or at once) and say where it went."""
        window = self._export_window()
        part = report.path.with_name(report.path.name + ".part")
        try:
            part.write_text(report.text, encoding="utf-8")
            os.replace(part, report.path)
        except OSError as exc:
            part.unlink(missing_ok=True)
            reason = exc.strerror or str(exc)
            dialogs.show_error(
                window,
                FAILED,
                f"Parallax could not write {report.path.name} in {report.path.parent}: "
                f"{reason}. Choose another folder.",
            )
            return
        message = f"Exported the report to {report.path}"
        if not report.with_notes:
            message += " (this comparison is not saved in the library, so it has no notes)"
        window.statusBar().showMessage(message, 12000)


def _confirm_replace(window: QMainWindow, path: Path) -> bool:
    answer = QMessageBox.question(
        window,
        "Replace File",
        f"{path.name} already exists in {path.parent}. Replace it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
