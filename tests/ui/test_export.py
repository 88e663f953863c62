"""File ▸ Export Report… (Ctrl+E): the report ``parallax library export`` writes, saved where
the save dialog says, in the format its name or filter says; never over a file without a
confirmation; a folder it cannot write into is a dialog."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from parallax.cli import main
from parallax.core.model import Comparison
from parallax.store import open_library
from parallax.ui import dialogs
from parallax.ui.export import FILTERS, report_format
from parallax.ui.main_window import MainWindow
from tests.ui.test_notes import _is, _saved_window


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = FILTERS[0][0]) -> list[Any]:
    """The save dialog, answered with ``path`` and the filter ``chosen``; what it was asked."""
    asked: list[Any] = []

    def ask(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return asked


def test_the_format_follows_the_extension_then_the_filter() -> None:
    assert report_format(Path("a/story.MD"), FILTERS[0][0]) == (Path("a/story.MD"), "md")
    assert report_format(Path("story.htm"), FILTERS[2][0]) == (Path("story.htm"), "html")
    assert report_format(Path("story"), FILTERS[2][0]) == (Path("story.json"), "json")
    assert report_format(Path("story.v2"), FILTERS[1][0]) == (Path("story.v2.md"), "md")


def test_export_report_writes_the_library_report_with_the_notes(
    qtbot: Any,
    settings: Any,
    library_path: Path,
    full_comparison: Comparison,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    win, cid = _saved_window(qtbot, settings, library_path, full_comparison)
    actor = full_comparison.actors[0]
    with open_library(library_path) as library:
        library.add_note(cid, "Ask the embassy & the <ministry>", actor=actor.id)
    assert win.act_export.isEnabled() and win.act_export.shortcut().toString() == "Ctrl+E"
    asked = _save_as(monkeypatch, tmp_path / "pact")  # no extension: the HTML filter's
    monkeypatch.setattr(dialogs, "show_error", lambda *a: pytest.fail(f"a dialog: {a}"))
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("export")):
        win.act_export.trigger()
    assert len(asked) == 1 and asked[0][1] == "Export Report"
    written = (tmp_path / "pact.html").read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>")
    assert "Ask the embassy &amp; the &lt;ministry&gt;" in written
    assert f"on {actor.name}" in written
    out = io.StringIO()
    argv = ["library", "export", str(cid), "--format", "html", "--db", str(library_path)]
    assert main(argv, stdin=io.BytesIO(b""), stdout=out, stderr=io.StringIO()) == 0
    assert written == out.getvalue()  # the very report the command line writes
    assert str(tmp_path / "pact.html") in win.statusBar().currentMessage()
    assert not list(tmp_path.glob("*.part"))

    # Markdown by its extension; the file the dialog confirmed is replaced.
    (tmp_path / "pact.md").write_text("old", encoding="utf-8")
    _save_as(monkeypatch, tmp_path / "pact.md", FILTERS[0][0])
    with qtbot.waitSignal(win.worker.libraryDone, timeout=30_000, check_params_cb=_is("export")):
        win.act_export.trigger()
    assert "Ask the embassy" in (tmp_path / "pact.md").read_text(encoding="utf-8")


def test_export_asks_before_replacing_a_file_the_dialog_did_not_name(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "story.json").write_text("keep me", encoding="utf-8")
    _save_as(monkeypatch, tmp_path / "story", FILTERS[2][0])  # ".json" added by the window
    questions: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    window.act_export.trigger()
    assert len(questions) == 1 and "story.json already exists" in questions[0]
    assert (tmp_path / "story.json").read_text(encoding="utf-8") == "keep me"


def test_an_unsaved_comparison_exports_without_notes_and_says_so(
    qtbot: Any,
    settings: Any,
    full_comparison: Comparison,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    win = MainWindow(db_path=None, settings=settings)
    qtbot.addWidget(win)
    win.show_comparison(full_comparison)
    asked = _save_as(monkeypatch, tmp_path / "pact.json")
    win.act_export.trigger()
    assert asked[0][1] == "Export Report (without notes)"
    written = json.loads((tmp_path / "pact.json").read_text(encoding="utf-8"))
    assert written == full_comparison.to_dict()
    assert "not saved in the library, so it has no notes" in win.statusBar().currentMessage()


def test_a_folder_that_cannot_be_written_is_a_dialog(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda *a: shown.append(a))
    _save_as(monkeypatch, tmp_path / "gone" / "pact.md")
    window.act_export.trigger()
    ((_, title, message),) = shown
    assert title == "Report not exported"
    assert "could not write pact.md" in message and "Choose another folder" in message
    assert not (tmp_path / "gone").exists()
