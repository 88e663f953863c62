"""Faults: a writer killed mid-save, two processes at once, a full disk, a read-only folder.

Each subprocess test is bounded by a deadline so that a hang fails the test instead of
stalling the suite.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from parallax.store import Library, LibraryBusy, LibraryFull
from tests.conftest import ROOT
from tests.store.helpers import make_comparison

posix_only = pytest.mark.skipif(os.name != "posix", reason="signals and rlimits are POSIX")


def start_writer(path: Path, first: int, count: int, size: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.writer", str(path), str(first), str(count), str(size)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # unbuffered, so select() sees every line as it is printed
    )


def read_line(proc: subprocess.Popen[bytes], deadline: float) -> str:
    assert proc.stdout is not None
    line = b""
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        assert remaining > 0, "the writer took too long"
        ready, _, _ = select.select([proc.stdout], [], [], remaining)
        if ready:
            byte = proc.stdout.read(1)
            if not byte:
                break
            line += byte
    return line.decode().strip()


def pairs(text: str) -> dict[int, int]:
    """``comparison id -> seed`` from a writer's output lines."""
    out: dict[int, int] = {}
    for line in text.splitlines():
        if line.strip() and line != "ready":
            seed, cid = map(int, line.split())
            out[cid] = seed
    return out


@pytest.fixture
def stop_later() -> Iterator[list[subprocess.Popen[bytes]]]:
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


@posix_only
def test_killed_mid_write_keeps_every_committed_save_whole(
    tmp_path: Path, stop_later: list[subprocess.Popen[bytes]]
) -> None:
    path = tmp_path / "library.db"
    size = 300  # each save takes a few milliseconds: the kill lands inside one
    proc = start_writer(path, 0, 100_000, size)
    stop_later.append(proc)
    deadline = time.monotonic() + 60
    assert read_line(proc, deadline) == "ready"
    assert proc.stdin is not None
    proc.stdin.write(b"go\n")
    saved: dict[int, int] = {}
    while len(saved) < 8:
        saved.update(pairs(read_line(proc, deadline)))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert proc.stdout is not None
    saved.update(pairs(proc.stdout.read().decode()))
    assert (tmp_path / "library.db-wal").exists()  # killed, not closed: recovery is needed

    with Library(path) as lib:
        assert lib.database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.database.execute("PRAGMA foreign_key_check").fetchall() == []
        for cid, seed in saved.items():
            assert lib.load(cid).to_dict() == make_comparison(seed, size).to_dict()
        # At most one save committed after its id was last printed; it is whole too.
        extra = {s.id for s in lib.summaries()} - set(saved)
        assert len(extra) <= 1
        for cid in extra:
            assert (
                lib.load(cid).to_dict() == make_comparison(max(saved.values()) + 1, size).to_dict()
            )
        # And the library takes new saves.
        assert lib.load(lib.save(make_comparison(-1))).to_dict() == make_comparison(-1).to_dict()


@posix_only
def test_two_processes_write_at_once_while_a_third_reads(
    tmp_path: Path, stop_later: list[subprocess.Popen[bytes]]
) -> None:
    path = tmp_path / "library.db"  # new: both also race to create and migrate it
    size, count = 150, 12
    procs = [start_writer(path, first, count, size) for first in (0, 1000)]
    stop_later.extend(procs)
    deadline = time.monotonic() + 60
    for proc in procs:
        assert read_line(proc, deadline) == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write(b"go\n")
    reads = 0
    with Library(path) as reader:
        while any(p.poll() is None for p in procs):
            assert time.monotonic() < deadline, "the writers took too long"
            reader.summaries()  # WAL: readers never wait for the writers
            reads += 1
            time.sleep(0.01)
    saved: dict[int, int] = {}
    for proc in procs:
        out, err = proc.communicate(timeout=10)
        assert proc.returncode == 0, err.decode()
        assert b"locked" not in err and b"busy" not in err
        saved.update(pairs(out.decode()))
    assert len(saved) == 2 * count and reads > 0
    with Library(path) as lib:
        assert len(lib.summaries()) == 2 * count
        for cid, seed in saved.items():
            assert lib.load(cid).to_dict() == make_comparison(seed, size).to_dict()


def test_a_writer_held_up_too_long_gets_a_clear_busy_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("parallax.store.connection.BUSY_TIMEOUT", 0.2)
    with Library() as holder:
        holder.database.conn.execute("BEGIN IMMEDIATE")  # another program's long write
        try:
            with Library() as lib:
                started = time.monotonic()
                with pytest.raises(LibraryBusy, match="busy"):
                    lib.save(make_comparison(1))
                assert time.monotonic() - started < 5
                assert lib.summaries() == []  # reading still works
        finally:
            holder.database.conn.execute("ROLLBACK")


def test_full_disk_saves_nothing_and_leaves_the_file(library_path: Path) -> None:
    with Library() as lib:
        lib.save(make_comparison(1))
    before = library_path.read_bytes()
    with Library() as lib:
        pages = lib.database.execute("PRAGMA page_count").fetchone()[0]
        lib.database.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(LibraryFull, match="disk is full"):
            lib.save(make_comparison(2, n=200))
        assert [s.id for s in lib.summaries()] == [1]
    assert library_path.read_bytes() == before
    with Library() as lib:  # and it works again once there is room
        assert lib.load(lib.save(make_comparison(2))).to_dict() == make_comparison(2).to_dict()


CLI = "import sys; from parallax.cli import main; sys.exit(main(sys.argv[1:]))"
LIMITED_CLI = (
    "import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (48 * 1024, 48 * 1024)); "
    + CLI
)


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("parallax: "), stderr
    return lines[0]


@posix_only
def test_cli_on_a_full_disk_exits_2_and_leaves_the_file(library_path: Path) -> None:
    """A file-size limit stands in for a full disk: writes past 48 KiB fail."""
    c = make_comparison(1, n=400)
    with Library() as lib:
        cid = lib.save(c)
    before = library_path.read_bytes()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            LIMITED_CLI,
            "library",
            "delete",
            str(cid),
            "--db",
            str(library_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "cannot write to the library" in one_line_error(proc.stderr)
    assert library_path.read_bytes() == before
    with Library() as lib:
        assert lib.load(cid).to_dict() == c.to_dict()


def _without_permission_override() -> None:
    """In the child, before exec: make root subject to file permissions like anyone else.

    Dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set means the
    exec'd process (even as root) cannot write into a folder whose mode forbids it.
    """
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@posix_only
def test_read_only_folder_is_a_clear_error_and_nothing_changes(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    path = folder / "library.db"
    with Library(path) as lib:
        cid = lib.save(make_comparison(1))
    before = path.read_bytes()

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", CLI, *argv],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_without_permission_override,
        )

    folder.chmod(0o555)
    try:
        proc = run("library", "delete", str(cid), "--db", str(path))
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "cannot" in one_line_error(proc.stderr)
        # Reading still works: read-only media are fine for list, search, show, export.
        proc = run("library", "export", str(cid), "--db", str(path))
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout) == make_comparison(1).to_dict()
        proc = run("library", "search", "treaty", "--db", str(path))
        assert proc.returncode == 0 and "matches for 'treaty'" in proc.stdout, proc.stderr
        new = folder / "sub" / "new.db"
        proc = run("library", "list", "--db", str(new))
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "cannot" in one_line_error(proc.stderr)
        assert not new.parent.exists()
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["library.db"]
    finally:
        folder.chmod(0o755)
