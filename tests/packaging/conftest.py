"""The full installer build is slow (minutes): it runs only when asked for.

``pytest -m packaging`` or ``PARALLAX_BUILD=1 pytest tests/packaging`` runs it; the default
suite runs the fast checks of the spec and the build script beside it.
"""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = (
        "packaging" in (config.getoption("markexpr") or "")
        or os.environ.get("PARALLAX_BUILD") == "1"
    )
    if wanted:
        return
    skip = pytest.mark.skip(reason="the full build: run with -m packaging or PARALLAX_BUILD=1")
    for item in items:
        if item.get_closest_marker("packaging"):
            item.add_marker(skip)
