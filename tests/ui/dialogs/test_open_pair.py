"""File > Open: two files in one dialog, with the file chooser stood in for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from parallax.ui.dialogs import OpenPairDialog, path_row
from tests.ui.dialogs.helpers import click


class FakeChooser:
    """Stands in for the native file chooser: answers are given in order, calls recorded."""

    def __init__(self) -> None:
        self.answers: list[Path] = []
        self.calls: list[tuple[str, str, str]] = []

    def __call__(self, parent: Any, caption: str, directory: str, filters: str) -> tuple[str, str]:
        self.calls.append((caption, directory, filters))
        if not self.answers:
            return "", ""  # the user cancelled
        return str(self.answers.pop(0)), filters.split(";;")[0]


@pytest.fixture
def chooser(monkeypatch: pytest.MonkeyPatch) -> FakeChooser:
    fake = FakeChooser()
    monkeypatch.setattr(path_row.QFileDialog, "getOpenFileName", fake)
    return fake


def test_open_pair_enables_ok_only_when_both_files_exist(
    qtbot: Any, chooser: FakeChooser, sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    dialog = OpenPairDialog(None, directory=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()

    chooser.answers.append(sample_paths[0])
    click(qtbot, dialog.left_row.browse)
    assert dialog.left_row.edit.text() == str(sample_paths[0])
    assert not dialog.ok_button.isEnabled()

    caption, directory, filters = chooser.calls[0]
    assert "left" in caption
    assert directory == str(tmp_path)
    for pattern in ("*.txt", "*.md", "*.html", "*.htm", "*.mhtml"):
        assert pattern in filters.split(";;")[0]

    missing = tmp_path / "gone.txt"
    dialog.right_row.edit.setText(str(missing))
    assert not dialog.ok_button.isEnabled()
    assert dialog.hint.isVisible()
    assert "does not exist" in dialog.hint.text()

    dialog.right_row.edit.setText(str(tmp_path))
    assert "is a folder" in dialog.hint.text()
    assert not dialog.ok_button.isEnabled()

    chooser.answers.append(sample_paths[1])
    click(qtbot, dialog.right_row.browse)
    assert not dialog.hint.isVisible()
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.paths() == sample_paths


def test_open_pair_browse_cancelled_keeps_the_field(
    qtbot: Any, chooser: FakeChooser, sample_paths: tuple[Path, Path]
) -> None:
    dialog = OpenPairDialog(None, left=sample_paths[0], right=sample_paths[1])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.left_row.browse)  # the chooser returns "" (cancelled)
    assert dialog.left_row.edit.text() == str(sample_paths[0])
    # the chooser starts at the file already chosen
    assert chooser.calls[0][1] == str(sample_paths[0])


def test_open_pair_swaps_sides(qtbot: Any, sample_paths: tuple[Path, Path]) -> None:
    dialog = OpenPairDialog(None, left=sample_paths[0], right=sample_paths[1])
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.swap_button)
    assert dialog.paths() == (sample_paths[1], sample_paths[0])
    assert dialog.isVisible()  # swapping does not close the dialog


def test_open_pair_refuses_to_accept_without_files(qtbot: Any) -> None:
    dialog = OpenPairDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # e.g. Enter pressed in a field
    assert dialog.isVisible()
    with pytest.raises(ValueError, match="choose both"):
        dialog.paths()


def test_tab_goes_from_the_left_path_to_the_right_path(qtbot: Any) -> None:
    dialog = OpenPairDialog()
    qtbot.addWidget(dialog)
    assert dialog.left_row.edit.nextInFocusChain() is dialog.right_row.edit
