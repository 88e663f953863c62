"""Where the library is (:mod:`parallax.store.location`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.store import library_path
from parallax.store.location import ENV_VAR


def test_location_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR)
    assert library_path() == tmp_path / "user-data" / "library.db"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.db"))
    assert library_path() == tmp_path / "env.db"
    assert library_path(tmp_path / "flag.db") == tmp_path / "flag.db"
