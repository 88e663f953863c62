"""Tests for parallax.core.ingest.read: files, pastes and pipes -> Document, and bad input."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parallax.core.ingest import (
    MAX_BYTES,
    MAX_TEXT,
    IngestError,
    read_bytes,
    read_path,
    read_stream,
    read_text,
)
from parallax.core.ingest import read as ingest_read
from parallax.core.ingest.read import _sniff_kind
from parallax.core.model import Document
from tests.core.ingest.helpers import ARTICLE, ENCODED, HARBOUR, assert_one_line

# --------------------------------------------------------------------------------------------
# Sniffing the kind
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>Pasted page.</p></body></html>", "html"),
        ("<p>A pasted fragment.</p><p>Second paragraph.</p>", "html"),
        ("# A headline\n\nSome text.", "markdown"),
        ("Some **bold** claim with a [source](https://example.com).", "markdown"),
        ("Plain text with - a dash and * a star.\n- one bullet\n", "text"),
        ("Is 3 < 4? Yes, and <this> is not a tag.", "text"),
    ],
)
def test_pasted_text_kind_is_sniffed(text: str, kind: str) -> None:
    assert _sniff_kind(text, allow_markdown=True) == kind
    assert isinstance(read_text(text), Document)


def test_unknown_extension_is_sniffed_as_html_or_text(tmp_path: Path) -> None:
    page = tmp_path / "saved.php"
    page.write_bytes(HARBOUR.read_bytes())
    assert read_path(page).source == "The Harbour Times"
    notes = tmp_path / "notes"
    notes.write_text("# not a heading in a plain file\nBody.\n", encoding="utf-8")
    assert read_path(notes).original == "# not a heading in a plain file\nBody.\n"


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


def _within(seconds: float, call: Callable[[], object], unblock: Callable[[], None]) -> object:
    """``call()``'s result or exception, failing the test (not hanging it) after ``seconds``.

    ``unblock`` frees a call that is stuck (it opens the other end of a FIFO).
    """
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["result"] = call()
        except BaseException as exc:  # handed to the test below
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        unblock()
        thread.join(5)
        pytest.fail(f"still waiting after {seconds} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("result")


def _unblock_fifo(path: Path) -> Callable[[], None]:
    def unblock() -> None:
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))

    return unblock


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(IngestError) as error:
        _within(5, lambda: read_path(fifo), _unblock_fifo(fifo))
    assert_one_line(error, "article.txt", "named pipe", "not a file", "standard input")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    if len(str(path)) > 100:
        pytest.skip("temporary folder too deep for a socket name")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(IngestError) as error:
            read_path(path)
    assert_one_line(error, "s.sock", "socket", "not a file")


def test_a_device_is_refused() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    with pytest.raises(IngestError) as error:
        read_path("/dev/null")
    assert_one_line(error, "/dev/null", "device", "not a file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    regular = os.stat(__file__)
    real_stat = os.stat
    monkeypatch.setattr(
        ingest_read.os, "stat", lambda p, *a, **k: regular if str(p) == str(fifo) else real_stat(p)
    )
    with pytest.raises(IngestError) as error:
        _within(5, lambda: read_path(fifo), _unblock_fifo(fifo))
    assert_one_line(error, "article.txt", "named pipe")


def test_pasted_blank_text_is_refused() -> None:
    with pytest.raises(IngestError) as error:
        read_text("  \n ")
    assert_one_line(error, "pasted text", "blank")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as error:
        read_path(tmp_path / "nowhere.txt")
    assert_one_line(error, "nowhere.txt", "does not exist")


def test_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(IngestError) as error:
        read_path(tmp_path / "file.txt" / "inner.txt")
    assert_one_line(error, "inner.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as error:
        read_path(tmp_path)
    assert_one_line(error, str(tmp_path), "folder")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Classified article.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anything: simulate what a user would see

            def refuse(*args: Any, **kwargs: Any) -> Any:
                raise PermissionError(13, "Permission denied", str(path))

            monkeypatch.setattr(ingest_read, "open", refuse, raising=False)
        with pytest.raises(IngestError) as error:
            read_path(path)
        assert_one_line(error, "secret.txt", "permission denied")
    finally:
        path.chmod(0o644)


def test_huge_file_fails_fast_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(300 * 2**20)  # sparse: costs no disk and no time
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(IngestError) as error:
            read_path(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1.0
    assert peak < 2**20  # nothing near 300 MB (or even 32 MB) was read
    assert_one_line(error, "huge.txt", "300 MB", "32 MB limit")


def test_custom_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(IngestError) as error:
        read_path(path, max_bytes=1000)
    assert_one_line(error, "a.txt", "limit")
    assert read_path(path, max_bytes=2000).original == "x" * 2000


def test_read_bytes_and_text_limits() -> None:
    with pytest.raises(IngestError):
        read_bytes(b"x" * 11, max_bytes=10)
    with pytest.raises(IngestError) as error:
        read_text("x" * 11, max_bytes=10)
    assert_one_line(error, "pasted text", "11 characters")


def test_read_bytes_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="kind"):
        read_bytes(b"text", kind="pdf")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Streams
# --------------------------------------------------------------------------------------------


class Trickle(io.RawIOBase):
    """A pipe-like stream that returns a few bytes per read."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk, self._data = self._data[:7], self._data[7:]
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_read_stream_reads_stdin_like_streams() -> None:
    doc = read_stream(io.BytesIO(ENCODED["utf-16 (BOM, LE)"]))
    assert doc.original == ARTICLE
    assert doc.source == "stdin"
    assert doc.path is None
    trickled = read_stream(Trickle(ARTICLE.encode("utf-8")), name="pipe")  # type: ignore[arg-type]
    assert trickled.original == ARTICLE


def test_read_stream_sniffs_html_and_markdown() -> None:
    assert read_stream(io.BytesIO(HARBOUR.read_bytes())).source == "The Harbour Times"
    assert read_stream(io.BytesIO(b"# Head\n\nSome *text*.")).original == "Head\n\nSome text."


def test_read_stream_stops_after_the_limit() -> None:
    class Endless(io.RawIOBase):
        reads = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            Endless.reads += 1
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(IngestError) as error:
        read_stream(Endless(), max_bytes=10_000)  # type: ignore[arg-type]
    assert_one_line(error, "stdin", "limit")
    assert Endless.reads < 100


def test_read_stream_errors_become_ingest_errors() -> None:
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            raise OSError(5, "Input/output error")

    with pytest.raises(IngestError) as error:
        read_stream(Broken())  # type: ignore[arg-type]
    assert_one_line(error, "stdin", "input/output error")


# --------------------------------------------------------------------------------------------
# Size and speed
# --------------------------------------------------------------------------------------------


def test_the_longest_accepted_text_reads_quickly(tmp_path: Path) -> None:
    paragraph = (
        "North Korea and Russia have signed a treaty — “the strongest ever” — that costs "
        "€5 billion, said a café owner in Pyongyang.\r\n\r\n"
    )
    text = "A very long report\r\n\r\n" + paragraph * (MAX_TEXT // len(paragraph))
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode("utf-8"))
    started = time.perf_counter()
    doc = read_path(path)
    elapsed = time.perf_counter() - started
    assert doc.original == text.replace("\r\n", "\n")
    assert doc.title == "A very long report"
    assert elapsed < 2.0, f"1 MB took {elapsed:.2f} s"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_text_longer_than_the_limit_is_refused_and_says_why(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"book{suffix}"
    path.write_text("Word word word. " * (MAX_TEXT // 16 + 1), encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_path(path)
    message = str(caught.value)
    assert message.startswith(f"book{suffix} holds 1,048,592 characters of text, more than the")
    assert "1,048,576" in message and "minutes" in message and "\n" not in message
    # just under the limit is read
    path.write_text("Word word word. " * (MAX_TEXT // 16), encoding="utf-8")
    assert (
        read_path(path).text.rstrip()
        == "Word word word. " * (MAX_TEXT // 16 - 1) + "Word word word."
    )


def test_a_page_with_more_text_than_the_limit_is_refused_before_extraction(
    tmp_path: Path,
) -> None:
    paragraphs = "".join(f"<p>Paragraph {i} says something new.</p>" for i in range(40_000))
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article>{paragraphs}</article></body></html>")
    with pytest.raises(IngestError, match=r"^page\.html holds 1,3\d\d,\d\d\d characters"):
        read_path(path)


def test_markup_does_not_count_against_the_text_limit(tmp_path: Path) -> None:
    # A saved page of 3 MB of scripts, style sheets and icons around a short article.
    script = "<script>var x = '" + "a" * 2**20 + "';</script>"
    style = "<style>" + ".c{color:red}" * (2**20 // 13) + "</style>"
    icon = '<svg><path d="' + "L1 2 " * (2**20 // 5) + '"/></svg>'
    body = "<p>North Korea and Russia signed a treaty on Wednesday, officials said.</p>"
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{style}</head><body>{script}{icon}{body}</body></html>")
    assert read_path(path).text.startswith("North Korea and Russia signed a treaty")


def test_default_limit_is_documented_in_messages() -> None:
    assert MAX_BYTES == 32 * 2**20
    with pytest.raises(IngestError, match="32 MB"):
        read_stream(io.BytesIO(b"x" * (MAX_BYTES + 1)))


# --------------------------------------------------------------------------------------------
# File names in messages
# --------------------------------------------------------------------------------------------

#: A name that would split a message, rewrite the terminal and reverse the line it is on.
HOSTILE_NAME = "story\nparallax: all good\x1b[2J\u202etxt.gpj.txt"
HOSTILE_SHOWN = "story\\nparallax: all good\\x1b[2J\\u202etxt.gpj.txt"


def _assert_name_escaped(error: pytest.ExceptionInfo[IngestError]) -> None:
    message = str(error.value)
    assert HOSTILE_SHOWN in message, message
    assert not any(ch in message for ch in "\n\r\x1b\u202e"), message


def test_a_missing_file_is_named_escaped(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as error:
        read_path(tmp_path / HOSTILE_NAME)
    assert_one_line(error, "does not exist")
    _assert_name_escaped(error)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n" + b"x" * 100, b"", b"\x00\x01\x02" * 100, b" \n\t\n"],
    ids=["pdf", "empty", "binary", "blank"],
)
def test_a_bad_file_is_named_escaped(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / HOSTILE_NAME
    path.write_bytes(content)
    with pytest.raises(IngestError) as error:
        read_path(path)
    assert_one_line(error)
    _assert_name_escaped(error)
    with pytest.raises(IngestError) as error:
        read_bytes(content, name=HOSTILE_NAME)
    assert_one_line(error)
    _assert_name_escaped(error)


def test_a_folder_and_a_too_large_file_are_named_escaped(tmp_path: Path) -> None:
    folder = tmp_path / HOSTILE_NAME
    folder.mkdir()
    with pytest.raises(IngestError) as error:
        read_path(folder)
    _assert_name_escaped(error)
    big = folder / HOSTILE_NAME
    big.write_bytes(b"x" * 2000)
    with pytest.raises(IngestError) as error:
        read_path(big, max_bytes=1000)
    assert_one_line(error, "limit")
    _assert_name_escaped(error)
    with pytest.raises(IngestError) as error:
        read_stream(io.BytesIO(b"x" * 2000), name=HOSTILE_NAME, max_bytes=1000)
    _assert_name_escaped(error)


def test_the_source_keeps_the_file_name_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "Agence\u00a0Presse.txt"
    path.write_text("The harbour reopened on Monday after the storm.\n", encoding="utf-8")
    assert read_path(path).source == "Agence\u00a0Presse.txt"
