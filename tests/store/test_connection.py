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


@pytest.mark.parametrize("table", ["sentences", "reactions"])
def test_a_damaged_library_takes_no_write_and_keeps_its_reads(
    library_path: Path, table: str
) -> None:
    """A damaged page of a table SQLite opens happily: the first write of the process checks
    the file and refuses, with the same line as other damage; reads go on as before."""
    from parallax.store import CorruptLibrary
    from tests.store.helpers import damage_a_table_page

    damage_a_table_page(library_path, table)
    before = library_path.read_bytes()
    with Library() as lib:
        listed = lib.summaries()
        assert len(listed) == 8
        with pytest.raises(CorruptLibrary, match=r"is damaged .*restore it from a backup"):
            lib.save(make_comparison(20))
        with pytest.raises(CorruptLibrary, match="is damaged"):
            lib.delete(listed[0].id)
        with pytest.raises(CorruptLibrary, match="is damaged"):
            lib.add_note(listed[0].id, "a note")
        assert lib.summaries() == listed
    assert library_path.read_bytes() == before


def test_a_sound_library_is_checked_once_before_the_first_write(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reads the whole file: once per opening (a process opens its library once),
    before the first write, and not at all for a process that only reads."""
    from parallax.store import connection

    checks: list[Path] = []
    real = connection._quick_check

    def counted(conn: object, path: Path) -> None:
        checks.append(path)
        real(conn, path)  # type: ignore[arg-type]

    monkeypatch.setattr(connection, "_quick_check", counted)
    with Library() as lib:
        assert checks == [library_path]  # a new file: before its schema is written
        a = lib.save(make_comparison(1))
        lib.add_note(a, "first")
    assert checks == [library_path]
    with Library() as lib:
        assert lib.summaries() and checks == [library_path]
        lib.add_note(a, "second")
        lib.add_note(a, "third")
    assert checks == [library_path] * 2


@pytest.mark.parametrize("name", ["two\nlines.db", "esc\x1b[2J.db", "bidi\u202egnp.db"])
def test_a_library_message_names_the_file_on_one_line_unable_to_deceive(
    tmp_path: Path, name: str
) -> None:
    from parallax.store import LibraryError

    path = tmp_path / name
    path.write_bytes(b"not a library at all, just some bytes" * 4)
    with pytest.raises(LibraryError) as error:
        Library(path)
    message = str(error.value)
    assert "\n" not in message and "\x1b" not in message and "\u202e" not in message
    assert "is not a Parallax library" in message
    assert name.encode("unicode_escape").decode("ascii") in message
