"""Opening a library (:mod:`parallax.store.connection`): created on first use, its connection
settings, and read-only use."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.store import Library
from tests.store.helpers import make_comparison


def test_created_on_first_use_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "library.db"
    with Library(path) as lib:
        assert lib.summaries() == []
    assert path.is_file()


def test_connection_settings() -> None:
    with Library() as lib:
        db = lib.database
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_read_only_library_reads_and_refuses_writes(library_path: Path) -> None:
    from parallax.store import LibraryUnavailable

    with Library() as lib:
        cid = lib.save(make_comparison(1))
    before = library_path.read_bytes()
    with Library(read_only=True) as lib:
        assert lib.load(cid).to_dict() == make_comparison(1).to_dict()
        assert lib.search("treaty")
        with pytest.raises(LibraryUnavailable, match="read-only"):
            lib.save(make_comparison(2))
    assert library_path.read_bytes() == before
    with pytest.raises(LibraryUnavailable, match="no library"):
        Library(library_path.with_name("missing.db"), read_only=True)
