"""Help > About and the licences of what ships, checked against the installed files."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

import parallax
from parallax.ui.dialogs import (
    COMPONENTS,
    AboutDialog,
    component_rows,
    components,
    installed_licence,
    licence_matches,
)

ROOT = Path(__file__).resolve().parents[3]


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
    monkeypatch.setattr(components, "installed_licence", lambda c: "GPL-3.0-only")
    rows = component_rows()
    assert all(licence == "GPL-3.0-only (package metadata)" for _, _, licence in rows)
