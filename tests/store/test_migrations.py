"""Migrations: from an empty file, from every released schema, and never over a stranger's file."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from parallax.core.model import Comparison
from parallax.store import (
    SCHEMA_VERSION,
    CorruptLibrary,
    Library,
    NewerLibrary,
    NotALibrary,
)
from parallax.store.schema import MIGRATIONS, TABLES, VIEWS
from tests.store import schema_dump
from tests.store.helpers import make_comparison

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema-*.sql"), key=lambda p: int(p.stem.split("-")[1]))


def schema_of(path: Path) -> set[tuple[str, str, str]]:
    """The schema (sqlite-utils' own bookkeeping table aside), comparable across files."""
    conn = sqlite3.connect(path)
    try:
        return {
            (kind, name, " ".join(sql.split()))
            for kind, name, sql in schema_dump.objects(conn)
            if "_sqlite_migrations" not in name
        }
    finally:
        conn.close()


def test_every_schema_version_has_a_fixture() -> None:
    assert [p.stem for p in RELEASED] == [f"schema-{n}" for n in range(1, SCHEMA_VERSION + 1)]


def test_fresh_library_has_the_tables_views_and_version(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with Library(path) as lib:
        db = lib.database
        assert set(TABLES) <= set(db.table_names())
        assert set(VIEWS) == set(db.view_names())
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [m.name for m in MIGRATIONS.applied(db)] == [
            "m001_initial",
            "m002_correction_history",
            "m003_titles_pins_notes_authors",
        ]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # Re-opening applies nothing twice.
    with Library(path) as lib:
        assert len(MIGRATIONS.applied(lib.database)) == SCHEMA_VERSION


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_released_schema_is_frozen(fixture: Path, tmp_path: Path) -> None:
    """Migrations up to a release still build exactly the schema that release shipped.

    Fails if someone edits a released migration instead of adding a new one.
    """
    version = int(fixture.stem.split("-")[1])
    names = [m.name for m in MIGRATIONS.pending(Database(memory=True))]
    stop = names[version] if version < len(names) else None
    fresh = tmp_path / "fresh.db"
    db = Database(fresh)
    MIGRATIONS.apply(db, stop_before=stop)
    db.close()
    released = tmp_path / "released.db"
    schema_dump.load(fixture, released)
    assert schema_of(fresh) == schema_of(released)


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_upgrade_from_released_schema(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    schema_dump.load(fixture, path)
    expected = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    with Library(path) as lib:
        assert lib.database.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        loaded = lib.load(expected["id"])
        # A released document has no "sourcing" (added later, derived from the reactions).
        document = loaded.to_dict()
        assert document.pop("sourcing") == loaded.sourcing().to_dict()
        expected["comparison"].pop("sourcing", None)
        assert document == expected["comparison"]
        assert list(loaded.skipped) == expected["skipped"]
        # What the journalist added survives the upgrade.
        (note,) = lib.notes(expected["id"])
        assert note.body.startswith("Fixture note")
        c = Comparison.from_dict(expected["comparison"])
        fixes = lib.corrections_for(c.left.content_sha256, c.right.content_sha256)
        assert fixes.pinned == ((3, 0),) and fixes.rejected == ((0, 0),)
        assert [a.value for a in fixes.actors] == ["Kim Jong Un"]
        # Re-keyed by the articles' content: the pin finds its sentences by their text, and
        # the history is the pair's (undo takes back the latest correction).
        keys = (c.left.content_sha256, c.right.content_sha256)
        left, right = ([s.text for s in d.sentences] for d in (c.left, c.right))
        moved = (left[1:], right)  # another reading, one sentence less on the left
        version = int(fixture.stem.split("-")[1])
        if version < 3:  # the upgrade gave the pin its sentences' keys
            assert lib.corrections_for(*keys, moved).pinned == ((2, 0),)
        if version >= 2:  # the history came with schema 2
            assert lib.undo(*keys) == "rename of person:kim to Kim Jong Un"
            assert lib.corrections_for(*keys).actors == ()
        # Search was rebuilt by the triggers and new saves work.
        assert lib.search("Pyongyang")
        new = lib.save(make_comparison(99))
        assert lib.load(new).to_dict() == make_comparison(99).to_dict()


# -- files that must be refused and left exactly as they were -----------------------------


def saved_library(path: Path) -> bytes:
    with Library(path) as lib:
        lib.save(make_comparison(1))
    return path.read_bytes()


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    saved_library(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('parallax', 'm999_from_the_future', '2031-01-01')"
        )
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerLibrary, match="newer version of Parallax"):
        Library(path)
    assert path.read_bytes() == before


def test_newer_user_version_alone_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    saved_library(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerLibrary):
        Library(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotALibrary, match="another program"):
        Library(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"%PDF-1.7\n...", b"hello, this is a text file\n" * 100, b"\x00" * 5000]
)
def test_non_sqlite_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "library.db"
    path.write_bytes(content)
    with pytest.raises(NotALibrary, match="not an SQLite file"):
        Library(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.db"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotALibrary, match="not a file"):
        Library(tmp_path)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[:100] + b"\xa5" * 3996 + b[4096:], id="schema-page"),
        pytest.param(lambda b: b[:16] + b"\xff" * 84 + b[100:], id="header"),
    ],
)
def test_corrupt_file_is_refused_untouched(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    path = tmp_path / "library.db"
    damaged = damage(saved_library(path))
    path.write_bytes(damaged)
    with pytest.raises(CorruptLibrary, match="damaged"):
        Library(path).summaries()
    assert path.read_bytes() == damaged


def test_empty_file_becomes_a_library(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Library(path) as lib:
        assert lib.summaries() == []


def test_copy_of_a_library_opens(tmp_path: Path) -> None:
    """A backup copied while closed is a complete library (WAL folded back on close)."""
    path = tmp_path / "a.db"
    saved_library(path)
    assert not (tmp_path / "a.db-wal").exists()
    shutil.copy(path, tmp_path / "b.db")
    with Library(tmp_path / "b.db") as lib:
        assert lib.load(1).to_dict() == make_comparison(1).to_dict()
