"""The public entry points: a file, bytes in memory, a paste or a pipe -> :class:`Document`.

Each entry point checks the size before reading everything, decodes the bytes
(:mod:`~parallax.core.ingest.decode`), decides what kind of text it is when the name does
not tell, and hands the text to the reader for its kind: plain text
(:mod:`~parallax.core.ingest.plain`), Markdown (:mod:`~parallax.core.ingest.markdown`) or
HTML (:mod:`~parallax.core.ingest.html`). Problems with the user's input are raised as
:class:`~parallax.core.ingest.common.IngestError` with one sentence naming the input.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import PurePath
from typing import BinaryIO, Final

from parallax.core.ingest.common import (
    _VISIBLE,
    MAX_BYTES,
    MAX_TEXT,
    IngestError,
    Kind,
    _too_much_text,
)
from parallax.core.ingest.decode import (
    UNDECODABLE,
    _check_readable,
    _decode,
    _html_from_mhtml,
    _looks_like_mhtml,
    _normalise_newlines,
    _reject_binary_formats,
)
from parallax.core.ingest.html import _from_html
from parallax.core.ingest.markdown import _from_markdown
from parallax.core.ingest.plain import _ONLY_A_URL, _text_meta, _unwrap
from parallax.core.model import Document, Repair
from parallax.core.names import shown_name
from parallax.core.offsets import apply_repairs

_EXTENSION_KINDS: Final[dict[str, Kind]] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xht": "html",
    ".shtml": "html",
}
_MHTML_EXTENSIONS: Final = frozenset({".mht", ".mhtml"})


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


def read_path(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Document:
    """Read an article file from disk.

    The kind comes from the extension (``.txt``, ``.md``/``.markdown``,
    ``.html``/``.htm``/``.xhtml``, and ``.mhtml`` web archives); any other extension is
    sniffed as HTML or text. The size is checked with ``stat`` *before* anything is read, so
    picking a huge file by mistake fails at once instead of filling memory.

    Args:
        path: The file to read.
        max_bytes: Larger files are refused (see :data:`MAX_BYTES`).

    Returns:
        The ingested document; ``path`` is the absolute path of the file.

    Raises:
        IngestError: The file is missing, not a regular file (a folder, FIFO, socket or
            device), unreadable, too large, empty or not an article.
    """
    raw = os.fspath(path)
    shown = shown_name(raw)
    base = PurePath(raw).name or raw
    name = shown_name(base)
    info = _stat_file(raw)
    if info.st_size > max_bytes:
        raise IngestError(_too_large(name, info.st_size, max_bytes))
    try:
        # Non-blocking, so that a FIFO put in the file's place after the check above cannot
        # leave us waiting for a writer; what was opened is checked again below.
        with open(raw, "rb", opener=_open_nonblocking) as handle:
            _refuse_special(shown, os.fstat(handle.fileno()).st_mode)
            data = _read_bounded(handle, max_bytes)
    except PermissionError:
        raise IngestError(f"{shown} cannot be opened: permission denied.") from None
    except IsADirectoryError:
        raise IngestError(
            f"{shown} is a folder, not a file: choose an article inside it."
        ) from None
    except OSError as exc:
        raise IngestError(f"{shown} cannot be read: {_reason(exc)}.") from None
    if data is None:
        raise IngestError(_too_large(name, None, max_bytes))
    suffix = PurePath(base).suffix.lower()
    kind = _EXTENSION_KINDS.get(suffix)
    return _from_bytes(
        data,
        name=name,
        kind=kind,
        sniff_markdown=False,
        path=os.path.abspath(raw),
        mhtml_hint=suffix in _MHTML_EXTENSIONS,
        source=base,
    )


def check_file(path: str | os.PathLike[str]) -> None:
    """Raise :class:`IngestError` unless ``path`` is a file that :func:`read_path` could open.

    For callers that check the articles before starting long work (the command line checks
    both before it opens the reader): the message is the one :func:`read_path` would give,
    naming what the path is when it is not a file ("is a folder, not a file").
    """
    _stat_file(os.fspath(path))


def _stat_file(raw: str) -> os.stat_result:
    """The ``stat`` of an article path, or :class:`IngestError` if it is not a regular file.

    Only regular files are read: a FIFO or socket would wait for a writer for ever, and a
    device is no article (``-`` reads standard input instead).
    """
    shown = shown_name(raw)
    try:
        info = os.stat(raw)
    except FileNotFoundError:
        raise IngestError(f"{shown} does not exist: check the file name and folder.") from None
    except PermissionError:
        raise IngestError(f"{shown} cannot be opened: permission denied.") from None
    except NotADirectoryError:
        raise IngestError(f"{shown} does not exist: part of that path is a file.") from None
    except (OSError, ValueError) as exc:
        raise IngestError(f"{shown} cannot be opened: {_reason(exc)}.") from None
    _refuse_special(shown, info.st_mode)
    return info


_SPECIAL_FILES: Final = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _refuse_special(shown: str, mode: int) -> None:
    """Refuse anything but a regular file, saying what it is (``shown`` is the escaped path)."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IngestError(f"{shown} is a folder, not a file: choose an article inside it.")
    what = next((what for test, what in _SPECIAL_FILES if test(mode)), "a special file")
    raise IngestError(
        f"{shown} is {what}, not a file: save the article to a file, or pipe it in as - "
        "(standard input)."
    )


def _open_nonblocking(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open` that never waits for the writer of a FIFO."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_bytes(
    data: bytes,
    *,
    name: str | None = None,
    kind: Kind | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document:
    """Ingest an article that is already in memory (a drop, an upload, a test).

    Args:
        data: The raw bytes; their encoding is detected, never assumed.
        name: A file name used in messages, as the fallback ``source`` and, when ``kind``
            is None, to pick the kind from its extension.
        kind: ``"text"``, ``"markdown"`` or ``"html"``; None sniffs it.
        max_bytes: Larger inputs are refused, as in :func:`read_path`.

    Raises:
        IngestError: The bytes are empty, too large or not an article.
    """
    label = _label(name, "The input")
    if len(data) > max_bytes:
        raise IngestError(_too_large(label, len(data), max_bytes))
    suffix = PurePath(name).suffix.lower() if name else ""
    if kind is None:
        kind = _EXTENSION_KINDS.get(suffix)
    else:
        _check_kind(kind)
    return _from_bytes(
        bytes(data),
        name=label,
        kind=kind,
        sniff_markdown=True,
        path=None,
        mhtml_hint=suffix in _MHTML_EXTENSIONS,
        source=_source_name(name),
    )


def read_text(text: str, *, name: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Ingest pasted text, which may itself be HTML or Markdown (it is sniffed).

    Args:
        text: What was pasted.
        name: Used in messages and as the fallback ``source``; None for an anonymous paste.
        max_bytes: Longer texts (counted in characters) are refused.

    Raises:
        IngestError: The text is empty, too long or mostly control characters.
    """
    label = _label(name, "The pasted text")
    if len(text) > max_bytes:
        raise IngestError(_too_large(label, len(text), max_bytes, unit="characters"))
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _normalise_newlines(text)
    _check_readable(text, label)
    kind = _sniff_kind(text, allow_markdown=True)
    return _build(text, kind=kind, name=label, path=None, source=_source_name(name))


def read_stream(stream: BinaryIO, *, name: str = "stdin", max_bytes: int = MAX_BYTES) -> Document:
    """Ingest an article from a binary stream, such as standard input for ``-``.

    At most ``max_bytes + 1`` bytes are read, so an endless pipe fails with a message
    instead of exhausting memory.

    Args:
        stream: A binary stream (``sys.stdin.buffer``, a pipe, an upload); read to its end.
        name: Used in messages and as the ``source`` when the text names no outlet.
        max_bytes: Longer streams are refused (see :data:`MAX_BYTES`).

    Raises:
        IngestError: The stream cannot be read, is too long, empty or not an article.
    """
    label = shown_name(name)
    try:
        data = _read_bounded(stream, max_bytes)
    except OSError as exc:
        raise IngestError(f"{label} cannot be read: {_reason(exc)}.") from None
    if data is None:
        raise IngestError(_too_large(label, None, max_bytes))
    return _from_bytes(
        data, name=label, kind=None, sniff_markdown=True, path=None, mhtml_hint=False, source=name
    )


# --------------------------------------------------------------------------------------------
# Reading and messages
# --------------------------------------------------------------------------------------------


def _read_bounded(stream: BinaryIO, max_bytes: int) -> bytes | None:
    """Read a stream to its end, or return None as soon as it exceeds ``max_bytes``.

    Reads in chunks because raw streams and pipes may return fewer bytes than asked for.
    """
    chunks: list[bytes] = []
    total = 0
    limit = max_bytes + 1
    while total < limit:
        chunk = stream.read(min(limit - total, 4 * 2**20))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        return None
    return b"".join(chunks)


def _reason(exc: BaseException) -> str:
    """The operating system's own words for an error, lower-cased to sit inside a sentence."""
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    text = text.strip().rstrip(".") or type(exc).__name__
    return text[0].lower() + text[1:]


def _size(n: int) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.0f} MB" if n >= 10 * 2**20 else f"{n / 2**20:.1f} MB"
    if n >= 2**10:
        return f"{n / 2**10:.0f} KB"
    return f"{n} bytes"


def _too_large(name: str, size: int | None, limit: int, *, unit: str = "bytes") -> str:
    if unit != "bytes":
        return (
            f"{name} is {size:,} {unit} long, more than the {limit:,} {unit} Parallax accepts "
            "for one article: check that it is the right text."
        )
    what = f"is {_size(size)}" if size is not None else "is too large"
    return (
        f"{name} {what}, more than the {_size(limit)} limit for one article: "
        "check that it is the right file."
    )


def _label(name: str | None, default: str) -> str:
    """How messages name an input: its file name, escaped, or ``default``."""
    source = _source_name(name)
    return shown_name(source) if source else default


def _source_name(name: str | None) -> str | None:
    if not name:
        return None
    return PurePath(name).name or name


def _check_kind(kind: str) -> None:
    if kind not in ("text", "markdown", "html"):
        raise ValueError(f"kind must be 'text', 'markdown' or 'html', not {kind!r}")


# --------------------------------------------------------------------------------------------
# Bytes -> text -> Document
# --------------------------------------------------------------------------------------------


def _from_bytes(
    data: bytes,
    *,
    name: str,
    kind: Kind | None,
    sniff_markdown: bool,
    path: str | None,
    mhtml_hint: bool,
    source: str | None = None,
) -> Document:
    if source is None and path is not None:
        source = name
    if not data:
        raise IngestError(f"{name} is empty: there is no text to compare.")
    _reject_binary_formats(data, name)
    charset_hint: str | None = None
    if mhtml_hint or _looks_like_mhtml(data):
        data, charset_hint = _html_from_mhtml(data, name)
        kind = "html"
    sniff = kind is None
    text, undecodable = _decode(
        data, name, html_charset=kind in (None, "html"), charset_hint=charset_hint
    )
    text = _normalise_newlines(text)
    _check_readable(text, name)
    if sniff:
        kind = _sniff_kind(text, allow_markdown=sniff_markdown)
    assert kind is not None
    return _build(text, kind=kind, name=name, path=path, source=source, undecodable=undecodable)


# --------------------------------------------------------------------------------------------
# Kind sniffing
# --------------------------------------------------------------------------------------------

_HTML_START: Final = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6]|"
    r"table|ul|ol|blockquote|span|a|br|img|header|nav|!--)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE: Final = re.compile(r"<(?:html|body)\b[^>]*>", re.IGNORECASE)
_MD_SIGNALS: Final = (
    re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE),  # ATX heading
    re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)"),  # link or image
    re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE),  # code fence
    re.compile(r"(?:\*\*|__)(?=\S)[^*_\n]+?(?<=\S)(?:\*\*|__)"),  # strong emphasis
    re.compile(r"^\S[^\n]*\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE),  # setext heading
)


def _sniff_kind(text: str, *, allow_markdown: bool) -> Kind:
    """Guess the kind of a text whose name does not tell.

    HTML must start like markup (or contain ``<html>``/``<body>`` early on). Markdown needs
    two different Markdown signs, or a ``#`` heading as its first line, because converting
    ordinary text as Markdown would join its lines.
    """
    head = text[:65536]
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head[:4096]):
        return "html"
    if allow_markdown:
        first = next((line for line in head.split("\n") if line.strip()), "")
        if _MD_SIGNALS[0].match(first):
            return "markdown"
        if sum(1 for signal in _MD_SIGNALS if signal.search(head)) >= 2:
            return "markdown"
    return "text"


# --------------------------------------------------------------------------------------------
# Text -> Document
# --------------------------------------------------------------------------------------------


def _build(
    text: str,
    *,
    kind: Kind,
    name: str,
    path: str | None,
    source: str | None,
    undecodable: bool = False,
) -> Document:
    """The Document of a decoded text of a known kind.

    ``undecodable``: the text is UTF-8 whose bad bytes were replaced by
    :data:`~parallax.core.ingest.decode.UNDECODABLE`; each is listed as an ``invalid-utf8``
    repair that removes it, so the reader marks where bytes were lost.
    """
    # Text and Markdown are refused before they are parsed (their markup is a few percent
    # of them); a web page once its visible text is known (see _from_html).
    if kind != "html" and len(text) > MAX_TEXT:
        raise IngestError(_too_much_text(name, len(text)))
    if kind == "html":
        body, meta = _from_html(text, name)
    elif kind == "markdown":
        body, meta = _from_markdown(text)
        if _VISIBLE.search(body) is None:
            raise IngestError(f"{name} has no text once its Markdown markup is removed.")
    else:
        if _ONLY_A_URL.match(text):
            raise IngestError(
                f"{name} is only a web address: Parallax works offline and never downloads "
                "pages, so paste the article's text or save the page as HTML."
            )
        body = _unwrap(text)
        meta = _text_meta(body)
    repairs = tuple(
        Repair(m.start(), m.end(), UNDECODABLE, "", "invalid-utf8")
        for m in re.finditer(UNDECODABLE, body if undecodable else "")
    )
    return Document(
        original=body,
        text=apply_repairs(body, repairs) if repairs else body,
        title=meta.title,
        source=meta.source or source,
        published=meta.published,
        url=meta.url,
        path=path,
        author=meta.author,
        repairs=repairs,
        notes=meta.notes,
    )
