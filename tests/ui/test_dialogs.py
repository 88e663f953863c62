"""The dialogs, driven like a user would: fill fields, click buttons, read what is shown."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

import parallax
from parallax.ui import dialogs
from parallax.ui.dialogs import (
    COLOUR_ENTRIES,
    COMPONENTS,
    AboutDialog,
    ColoursHelpDialog,
    OpenPairDialog,
    PasteDialog,
    component_rows,
    installed_licence,
    licence_matches,
    show_error,
)
from parallax.ui.theme import Theme, theme_for

ROOT = Path(__file__).resolve().parents[2]


def _palette(base: str, text: str) -> QPalette:
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(base))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(base))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(text))
    return palette


LIGHT = _palette("#FFFFFF", "#1B1B1B")
DARK = _palette("#1E1F22", "#E6E6E6")


def _click(qtbot: Any, button: QWidget) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- show_error ------------------------------------------------------------------------------


def test_show_error_is_a_critical_message_with_optional_details(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_error(parent, "Cannot open", "the library at /x is busy", details="more")
    assert box.isVisible()  # opened, without blocking the test
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.windowTitle() == "Cannot open"
    assert box.text() == "The library at /x is busy."
    assert box.detailedText() == "more"
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_show_error_keeps_a_file_name_as_spelled(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_error(parent, "Cannot open", "photo.txt looks like a PNG image, not an article.")
    assert box.text() == "photo.txt looks like a PNG image, not an article."
    assert box.detailedText() == ""
    box.close()


# -- About -----------------------------------------------------------------------------------


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_about_shows_name_version_purpose_and_every_component(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert parallax.__version__ in dialog.version_label.text()
    assert "two outlets" in dialog.purpose_label.text()
    table = dialog.components
    assert table.rowCount() == len(COMPONENTS)
    for row, component in enumerate(COMPONENTS):
        assert table.item(row, 0).text() == component.name
        assert table.item(row, 2).text() == component.licence
        if component.dist not in (None, "parallax"):
            assert table.item(row, 1).text().startswith(metadata.version(component.dist))
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    for expected in ("Parallax", "spaCy", "all-MiniLM-L6-v2", "RapidFuzz", "NumPy", "PySide6"):
        assert any(expected in name for name in names), expected
    assert "MIT License" in dialog.licence_text.toPlainText()
    assert "The Parallax developers" in dialog.licence_text.toPlainText()


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.name)
def test_the_licence_table_agrees_with_the_installed_metadata(component: Any) -> None:
    found = installed_licence(component)
    assert found is not None, f"{component.name}: the installed files name no licence"
    assert licence_matches(component.licence, found), (component.licence, found)


def test_every_runtime_dependency_is_listed_in_about() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = {
        _normal(re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0])
        for dep in project["project"]["dependencies"]
    }
    listed = {_normal(c.dist) for c in COMPONENTS if c.dist}
    assert wanted <= listed, wanted - listed


def test_parallax_licence_is_mit_like_the_licence_file() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"


@pytest.mark.parametrize(
    ("expected", "found", "ok"),
    [
        ("MIT", "MIT", True),
        ("LGPL-3.0", "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", True),
        ("BSD-3-Clause", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0", True),
        ("Apache-2.0", "apache-2.0", True),
        ("MIT", "GPL-3.0-only", False),
        ("MIT", None, False),
    ],
)
def test_licence_matches(expected: str, found: str | None, ok: bool) -> None:
    assert licence_matches(expected, found) is ok


def test_a_licence_the_metadata_contradicts_is_shown_as_the_metadata_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dialogs, "installed_licence", lambda c: "GPL-3.0-only")
    rows = component_rows()
    assert all(licence == "GPL-3.0-only (package metadata)" for _, _, licence in rows)


# -- the colour legend -----------------------------------------------------------------------


def test_the_legend_explains_every_mark_the_reader_uses(qtbot: Any) -> None:
    theme = theme_for(LIGHT)
    dialog = ColoursHelpDialog(None, theme)
    qtbot.addWidget(dialog)
    keys = [e.key for e in COLOUR_ENTRIES]
    assert set(keys) == {
        "links",
        "selected",
        "unique",
        "discrepancy",
        "changed",
        "mention",
        "repair",
        "find",
        "gutter",
        "overview",
    }
    assert set(dialog.swatches) == set(keys)
    assert all(entry.text.endswith(".") for entry in COLOUR_ENTRIES)


def _colours(theme: Theme) -> dict[str, tuple[QColor, ...]]:
    return {
        "links": theme.links,
        "selected": (theme.links_strong[0], theme.link_outline(0)),
        "unique": (theme.unique, theme.unique_background),
        "discrepancy": (theme.discrepancy, theme.changed_words),
        "changed": (theme.changed_words, theme.muted_text),
        "mention": (theme.mention,),
        "repair": (theme.repair,),
        "find": (theme.find_match,),
        "gutter": (*theme.links[:3], theme.link_outline(2)),
        "overview": (*theme.links_strong[:3], theme.unique, theme.discrepancy),
    }


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_swatches_paint_with_the_theme_colours(qtbot: Any, palette: QPalette) -> None:
    theme = theme_for(palette)
    dialog = ColoursHelpDialog(None, theme)
    qtbot.addWidget(dialog)
    dialog.show()
    for key, colours in _colours(theme).items():
        assert dialog.swatches[key].colors() == colours, key
    # the pixels say the same: the middle of the first chip is the first link colour
    swatch = dialog.swatches["links"]
    image = swatch.grab().toImage()
    chips = len(theme.links)
    inner = swatch.width() - 14
    x = int(7 + inner / chips / 2 * image.devicePixelRatio())
    y = image.height() // 2
    assert image.pixelColor(x, y).name() == theme.links[0].name()
    base = image.pixelColor(3, 3).name()
    assert base == theme.base.name()


def test_the_legend_follows_a_theme_switch(qtbot: Any) -> None:
    dialog = ColoursHelpDialog()
    qtbot.addWidget(dialog)
    dialog.setPalette(DARK)
    assert dialog.theme().dark
    assert dialog.swatches["unique"].colors()[0] == theme_for(DARK).unique
    dialog.set_theme(theme_for(LIGHT))
    assert not dialog.swatches["links"].theme.dark


def test_an_explicit_theme_is_kept_when_the_palette_changes(qtbot: Any) -> None:
    light = theme_for(LIGHT)
    dialog = ColoursHelpDialog(None, light)
    qtbot.addWidget(dialog)
    dialog.setPalette(DARK)
    assert dialog.theme() is light


# -- paste -----------------------------------------------------------------------------------


def test_paste_needs_text_before_ok(qtbot: Any) -> None:
    dialog = PasteDialog(None, "right")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "right" in dialog.windowTitle()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text_edit, "Seoul")
    assert dialog.ok_button.isEnabled()
    dialog.text_edit.clear()
    assert not dialog.ok_button.isEnabled()


def test_paste_returns_an_ingested_document_with_title_and_outlet(
    qtbot: Any, samples: dict[str, str]
) -> None:
    dialog = PasteDialog(None, "left")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText(samples["damaged"])
    qtbot.keyClicks(dialog.title_edit, "Pact signed")
    qtbot.keyClicks(dialog.outlet_edit, "The Harbour Times")
    _click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    doc = dialog.document()
    assert doc is not None
    assert doc.title == "Pact signed"
    assert doc.source == "The Harbour Times"
    assert doc.original == samples["damaged"].replace("\r\n", "\n")


def test_paste_without_title_keeps_what_ingest_found(qtbot: Any, samples: dict[str, str]) -> None:
    dialog = PasteDialog(None, "left")
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText(samples["clean"])
    dialog.accept()
    doc = dialog.document()
    assert doc is not None
    from parallax.core.ingest import read_text

    assert doc.title == read_text(samples["clean"]).title


def test_a_paste_ingest_refuses_is_explained_and_the_text_kept(qtbot: Any) -> None:
    dialog = PasteDialog(None, "left")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText("https://example.com/news/pact")
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.document() is None
    assert dialog.error_label.isVisible()
    assert "web address" in dialog.error_label.text()
    assert dialog.text_edit.toPlainText() == "https://example.com/news/pact"
    qtbot.keyClicks(dialog.text_edit, " ")  # editing clears the message
    assert not dialog.error_label.isVisible()


def test_paste_cancel_gives_no_document(qtbot: Any) -> None:
    dialog = PasteDialog(None, "left")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText("Some text.")
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.document() is None


# -- open a pair -----------------------------------------------------------------------------


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
    monkeypatch.setattr(dialogs.QFileDialog, "getOpenFileName", fake)
    return fake


def test_open_pair_enables_ok_only_when_both_files_exist(
    qtbot: Any, chooser: FakeChooser, sample_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    dialog = OpenPairDialog(None, directory=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()

    chooser.answers.append(sample_paths[0])
    _click(qtbot, dialog.left_row.browse)
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
    _click(qtbot, dialog.right_row.browse)
    assert not dialog.hint.isVisible()
    assert dialog.ok_button.isEnabled()
    _click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.paths() == sample_paths


def test_open_pair_browse_cancelled_keeps_the_field(
    qtbot: Any, chooser: FakeChooser, sample_paths: tuple[Path, Path]
) -> None:
    dialog = OpenPairDialog(None, left=sample_paths[0], right=sample_paths[1])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled()
    _click(qtbot, dialog.left_row.browse)  # the chooser returns "" (cancelled)
    assert dialog.left_row.edit.text() == str(sample_paths[0])
    # the chooser starts at the file already chosen
    assert chooser.calls[0][1] == str(sample_paths[0])


def test_open_pair_swaps_sides(qtbot: Any, sample_paths: tuple[Path, Path]) -> None:
    dialog = OpenPairDialog(None, left=sample_paths[0], right=sample_paths[1])
    qtbot.addWidget(dialog)
    dialog.show()
    _click(qtbot, dialog.swap_button)
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
