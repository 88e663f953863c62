"""The sample pair compared with actors, for the tests of merging and of the user's edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.core import actors as A
from parallax.core.ingest import read_path
from parallax.core.model import Comparison
from parallax.core.pipeline import compare


@pytest.fixture(scope="module")
def sample(recognizer: A.Recognizer, sample_paths: tuple[Path, Path]) -> Comparison:
    left, right = sample_paths
    return compare(read_path(left), read_path(right), recognizer=recognizer)
