"""Where Parallax finds its shipped files, from a source tree, an install or a frozen bundle.

One function per kind of file, so nothing else in the code base guesses at layouts.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)
    roots: list[Path] = []
    if frozen_root:
        roots.append(Path(frozen_root) / name)
    roots.append(_PACKAGE_DIR / "_bundled" / name)  # wheel installs (see pyproject.toml)
    roots.append(_PACKAGE_DIR.parent.parent / name)  # a source checkout: desktop/parallax
    return roots


def data_dir() -> Path:
    """The folder holding samples, lexicons and model files."""
    for path in _candidates("data"):
        if (path / "samples").is_dir():
            return path
    raise FileNotFoundError("Parallax's data folder is missing from this installation")


def resources_dir() -> Path:
    """The folder holding icons and stylesheets."""
    for path in _candidates("resources"):
        if path.is_dir():
            return path
    raise FileNotFoundError("Parallax's resources folder is missing from this installation")


def sample_pair() -> tuple[Path, Path]:
    """The two sample articles the reader opens on first run (left, right)."""
    samples = data_dir() / "samples"
    return samples / "nk-russia-pact-clean.txt", samples / "nk-russia-pact-damaged.txt"
