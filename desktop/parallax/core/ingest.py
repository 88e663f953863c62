"""Turn what a journalist has on disk, pastes or pipes in into a :class:`Document`.

Ingest is the only stage that sees bytes. It decides what the bytes are (text, Markdown, a
web page saved from a browser, or something that is not an article at all), decodes them
without assuming an encoding, and keeps the article text exactly as decoded apart from
newlines (``\\r\\n`` and lone ``\\r`` become ``\\n``, and plain text hard-wrapped at a
fixed width gets each paragraph back on one line, as Markdown's paragraphs do). Junk glyphs
and mojibake are left in place on purpose: the repair stage removes them and records every
change, which it can only do if it sees the original characters.

Every problem with the user's input is reported as :class:`IngestError` with one sentence
that names the file and says what is wrong, because the command line prints it on one line
and the GUI shows it in a dialog; no other exception type escapes for bad input.

Nothing here ever opens a network connection: HTML is parsed from the string we were given
(trafilatura gets a parsed tree, never a URL), images and stylesheets are never loaded, and a
page's canonical URL is only read from the page, never fetched.
"""

from __future__ import annotations

import codecs
import datetime
import email
import email.policy
import html as html_lib
import io
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, BinaryIO, Final, Literal

from parallax.core.model import Document

if TYPE_CHECKING:  # pragma: no cover
    from lxml.html import HtmlElement

__all__ = [
    "MAX_BYTES",
    "IngestError",
    "Kind",
    "read_bytes",
    "read_path",
    "read_stream",
    "read_text",
]

#: The largest input we accept. A long investigative report is well under 1 MB of text and a
#: saved news page a few MB of HTML; 32 MiB leaves ample room while stopping an accidental
#: video, disk image or log dump before it is read into memory.
MAX_BYTES: Final = 32 * 2**20

#: What the bytes are read as.
Kind = Literal["text", "markdown", "html"]

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

_DOCUMENT_ADVICE: Final = "save it as text or HTML first"
_READABLE_ADVICE: Final = "Parallax reads text (.txt), Markdown (.md) and web pages (.html)"


class IngestError(ValueError):
    """Bad input from the user, with one user-facing sentence as its message.

    A ``ValueError`` so that callers that only know "the value was wrong" still catch it;
    the command line prints ``str(error)`` on one line and exits with status 2.
    """


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
        IngestError: The file is missing, unreadable, too large, empty or not an article.
    """
    shown = os.fspath(path)
    name = PurePath(shown).name or shown
    try:
        info = os.stat(shown)
    except FileNotFoundError:
        raise IngestError(f"{shown} does not exist: check the file name and folder.") from None
    except PermissionError:
        raise IngestError(f"{shown} cannot be opened: permission denied.") from None
    except NotADirectoryError:
        raise IngestError(f"{shown} does not exist: part of that path is a file.") from None
    except (OSError, ValueError) as exc:
        raise IngestError(f"{shown} cannot be opened: {_reason(exc)}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{shown} is a folder, not a file: choose an article inside it.")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise IngestError(_too_large(name, info.st_size, max_bytes))
    try:
        with open(shown, "rb") as handle:
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
    suffix = PurePath(name).suffix.lower()
    kind = _EXTENSION_KINDS.get(suffix)
    return _from_bytes(
        data,
        name=name,
        kind=kind,
        sniff_markdown=False,
        path=os.path.abspath(shown),
        mhtml_hint=suffix in _MHTML_EXTENSIONS,
    )


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
    try:
        data = _read_bounded(stream, max_bytes)
    except OSError as exc:
        raise IngestError(f"{name} cannot be read: {_reason(exc)}.") from None
    if data is None:
        raise IngestError(_too_large(name, None, max_bytes))
    return _from_bytes(
        data, name=name, kind=None, sniff_markdown=True, path=None, mhtml_hint=False, source=name
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
    return _source_name(name) or default


def _source_name(name: str | None) -> str | None:
    if not name:
        return None
    return PurePath(name).name or name


def _check_kind(kind: str) -> None:
    if kind not in ("text", "markdown", "html"):
        raise ValueError(f"kind must be 'text', 'markdown' or 'html', not {kind!r}")


# --------------------------------------------------------------------------------------------
# Bytes -> text
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
    text = _decode(data, name, html_charset=kind in (None, "html"), charset_hint=charset_hint)
    text = _normalise_newlines(text)
    _check_readable(text, name)
    if sniff:
        kind = _sniff_kind(text, allow_markdown=sniff_markdown)
    assert kind is not None
    return _build(text, kind=kind, name=name, path=path, source=source)


def _normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; the fast path costs one scan when there is no CR."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True, slots=True)
class _Magic:
    prefix: bytes
    what: str
    advice: str
    offset: int = 0


_MAGIC: Final = (
    _Magic(b"%PDF-", "a PDF document", _DOCUMENT_ADVICE),
    _Magic(b"\x89PNG\r\n\x1a\n", "a PNG image", _READABLE_ADVICE),
    _Magic(b"\xff\xd8\xff", "a JPEG image", _READABLE_ADVICE),
    _Magic(b"GIF87a", "a GIF image", _READABLE_ADVICE),
    _Magic(b"GIF89a", "a GIF image", _READABLE_ADVICE),
    _Magic(b"WEBP", "a WebP image", _READABLE_ADVICE, offset=8),
    _Magic(b"II*\x00", "a TIFF image", _READABLE_ADVICE),
    _Magic(b"MM\x00*", "a TIFF image", _READABLE_ADVICE),
    _Magic(b"ftyp", "a video or photo file", _READABLE_ADVICE, offset=4),
    _Magic(b"\x1f\x8b", "a gzip-compressed file", "decompress it first"),
    _Magic(b"BZh", "a bzip2-compressed file", "decompress it first"),
    _Magic(b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it first"),
    _Magic(b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract the article first"),
    _Magic(b"Rar!\x1a\x07", "a RAR archive", "extract the article first"),
    _Magic(b"\x7fELF", "an executable program", _READABLE_ADVICE),
    _Magic(b"\xcf\xfa\xed\xfe", "an executable program", _READABLE_ADVICE),
    _Magic(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc)", _DOCUMENT_ADVICE),
    _Magic(b"{\\rtf", "an RTF document", _DOCUMENT_ADVICE),
    _Magic(b"SQLite format 3\x00", "an SQLite database", _READABLE_ADVICE),
    _Magic(b"OggS", "an audio or video file", _READABLE_ADVICE),
    _Magic(b"ID3", "an MP3 audio file", _READABLE_ADVICE),
    _Magic(b"fLaC", "a FLAC audio file", _READABLE_ADVICE),
    _Magic(b"\x1aE\xdf\xa3", "a video file", _READABLE_ADVICE),
)
#: Magic numbers short enough to start a real text are only trusted with binary bytes near.
_WEAK_MAGIC: Final = frozenset({b"BZh", b"ID3", b"OggS", b"ftyp", b"WEBP"})

_ZIP_KINDS: Final = (
    ("word/", "a Word document (.docx)"),
    ("ppt/", "a PowerPoint presentation (.pptx)"),
    ("xl/", "an Excel spreadsheet (.xlsx)"),
)
_ODF_KINDS: Final = (
    ("application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)"),
    ("application/epub+zip", "an EPUB e-book"),
)


def _reject_binary_formats(data: bytes, name: str) -> None:
    """Refuse documents, images, archives and programs by their magic numbers.

    Checked before decoding so that the message can say what the file is ("looks like a PDF
    document") rather than only that it is not text.
    """
    head = data[:64]
    for magic in _MAGIC:
        if head[magic.offset : magic.offset + len(magic.prefix)] != magic.prefix:
            continue
        if magic.prefix in _WEAK_MAGIC and not _has_binary_bytes(head):
            continue
        if magic.prefix == b"\x1f\x8b" and len(data) < 18:
            continue
        raise IngestError(f"{name} looks like {magic.what}, not an article: {magic.advice}.")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        what = _zip_kind(data)
        advice = "extract the article first" if what == "a ZIP archive" else _DOCUMENT_ADVICE
        raise IngestError(f"{name} looks like {what}, not an article: {advice}.")
    if head.startswith(b"MZ") and b"\x00" in head:
        raise IngestError(
            f"{name} looks like an executable program, not an article: {_READABLE_ADVICE}."
        )


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = ""
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        return "a ZIP archive"
    for prefix, what in _ZIP_KINDS:
        if any(n.startswith(prefix) for n in names):
            return what
    for mime, what in _ODF_KINDS:
        if mimetype == mime:
            return what
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        return "an OpenDocument file"
    return "a ZIP archive"


def _has_binary_bytes(sample: bytes) -> bool:
    return any(b < 0x09 or 0x0E <= b < 0x1B or 0x1C <= b < 0x20 for b in sample)


_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{2,40})"""
    rb"""|<\?xml[^>]+?encoding\s*=\s*["']([A-Za-z0-9_:.+-]{2,40})""",
    re.IGNORECASE,
)
#: WHATWG encoding labels that browsers decode differently from their Python namesakes.
_WHATWG_ALIASES: Final = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
}


def _decode(data: bytes, name: str, *, html_charset: bool, charset_hint: str | None) -> str:
    """Decode bytes without assuming an encoding.

    Order: a byte-order mark; BOM-less UTF-16/32 recognised by its NUL-byte pattern (any
    other NUL byte means a binary file); strict UTF-8, which almost never decodes text that
    is not UTF-8; the charset a web page declares; then Windows-1252 when the high bytes
    read as Western European text, else charset-normalizer's guess, and finally Windows-1252
    with Latin-1 for its five undefined bytes, which decodes anything.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue  # FF FE 00 00 may be UTF-16 after all; else judge the bytes as they are
    if b"\x00" in data:
        wide = _sniff_wide_unicode(data)
        if wide is not None:
            try:
                return data.decode(wide)
            except UnicodeDecodeError:
                pass
        raise IngestError(
            f"{name} looks like a binary file (it contains NUL bytes), not an article: "
            f"{_READABLE_ADVICE}."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared: list[str] = [charset_hint] if charset_hint else []
    if html_charset:
        declared += _declared_charsets(data)
    for label in declared:
        declared_codec = _python_codec(label)
        if declared_codec is None or declared_codec in ("utf-8", "utf_8"):
            continue
        try:
            return data.decode(declared_codec)
        except UnicodeDecodeError:
            continue
    return _decode_legacy(data)


def _sniff_wide_unicode(data: bytes) -> str | None:
    """Name the UTF-16/32 variant that BOM-less bytes are in, judged by where NULs fall.

    In UTF-16LE text mostly made of Latin script, every second byte (the high byte) is NUL
    and the others almost never are; the pattern is mirrored for big-endian, and UTF-32
    has three NULs in every four bytes.
    """
    sample = data[: 1 << 16]
    n = len(sample)
    if n >= 8 and len(data) % 4 == 0:
        sample4 = sample[: n - n % 4]
        quarter = len(sample4) // 4
        zeros = [sample4[i::4].count(0) / quarter for i in range(4)]
        if zeros[2] > 0.95 and zeros[3] > 0.95 and zeros[0] < 0.05:
            return "utf-32-le"
        if zeros[0] > 0.95 and zeros[1] > 0.95 and zeros[3] < 0.05:
            return "utf-32-be"
    if n >= 2 and len(data) % 2 == 0:
        sample2 = sample[: n - n % 2]
        half = len(sample2) // 2
        even = sample2[0::2].count(0) / half
        odd = sample2[1::2].count(0) / half
        if odd >= 0.1 and even <= 0.01:
            return "utf-16-le"
        if even >= 0.1 and odd <= 0.01:
            return "utf-16-be"
    return None


def _declared_charsets(data: bytes) -> list[str]:
    head = data[:4096]
    return [(m.group(1) or m.group(2)).decode("ascii") for m in _META_CHARSET.finditer(head)]


def _python_codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    if label.startswith(("utf-16", "utf-32", "utf16", "utf32")):
        return None  # a declaration in ASCII bytes cannot be telling the truth
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# Windows-1252 bytes 0x80-0xFF that are typographic punctuation or symbols in Western text.
_CP1252_SYMBOLS: Final = frozenset("€‚„…†‡ˆ‰‹‘’“”•–—˜™›\u00a0¡¢£¥§©«¬\u00ad®°±²´µ¶·»¼½¾¿×÷")


def _cp1252_byte_classes() -> tuple[bytes, bytes]:
    letters = bytearray()
    odd = bytearray()
    for b in range(0x80, 0x100):
        try:
            ch = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            odd.append(b)
            continue
        if ch.isalpha():
            letters.append(b)
        elif ch not in _CP1252_SYMBOLS:
            odd.append(b)
    return bytes(letters), bytes(odd)


_CP1252_LETTERS, _CP1252_ODD = _cp1252_byte_classes()
_ASCII_LETTERS: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _count(data: bytes, members: bytes) -> int:
    """How many bytes of ``data`` are in ``members``, at C speed (no per-byte Python loop)."""
    return len(data) - len(data.translate(None, members))


def _cp1252_shape(data: bytes) -> Literal["no", "symbols", "accented"]:
    """Whether non-UTF-8 bytes read as Western European text in Windows-1252.

    In real Western text, accented letters are a small share of all letters and the other
    high bytes are typographic punctuation (curly quotes, dashes, the euro sign). Cyrillic
    or Greek read as cp1252 is nearly all accented letters, and most Central European text
    hits symbols such as ``¹`` and ``³``, so both come out as ``"no"``. ``"symbols"`` means
    only punctuation is at stake, where the Windows code pages agree anyway.
    """
    if _count(data, _CP1252_ODD):
        return "no"
    accented = _count(data, _CP1252_LETTERS)
    if not accented:
        return "symbols"
    letters = accented + _count(data, _ASCII_LETTERS)
    return "accented" if accented / letters <= 0.3 else "no"


def _decode_legacy(data: bytes) -> str:
    """Decode text in a legacy 8-bit or East Asian encoding.

    charset-normalizer alone is unreliable on short Western texts (it calls a cp1252 news
    story cp1250 or cp720: the statistics of a paragraph cannot tell them apart), while
    Windows-1252 is by far the commonest legacy encoding of the articles Parallax compares.
    So Windows-1252 wins when the bytes read as Western text and charset-normalizer does not
    find it clearly more garbled (chaos) or less like a language (coherence) than its own
    guess; otherwise charset-normalizer's guess is used, and Windows-1252 with a Latin-1
    fallback (which decodes anything) is the last resort.
    """
    from charset_normalizer import from_bytes

    shape = _cp1252_shape(data)
    if shape == "symbols":
        return data.decode("cp1252")
    results = from_bytes(data)
    best = results.best()
    if shape == "accented":
        western = data.decode("cp1252")
        if best is None or best.coherence < 0.2 or str(best) == western:
            return western
        mine = next((match for match in results if match.encoding == "cp1252"), None)
        if mine is not None and (
            mine.chaos <= best.chaos + 0.02 or mine.coherence > best.coherence
        ):
            return western
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode cp1252's five undefined bytes as Latin-1, as browsers do."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


_LATIN1_FALLBACK: Final = "parallax-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)

_CONTROL: Final = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x84\x86-\x9f\ufffd]")
_VISIBLE: Final = re.compile("[^\\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")


def _check_readable(text: str, name: str) -> None:
    """Refuse text that is empty, only blank space, or largely control characters."""
    if not text:
        raise IngestError(f"{name} is empty: there is no text to compare.")
    if _VISIBLE.search(text) is None:
        raise IngestError(f"{name} contains only blank space: there is no text to compare.")
    sample = text if len(text) <= 1 << 21 else text[: 1 << 20] + text[-(1 << 20) :]
    bad = len(_CONTROL.findall(sample))
    if bad and bad / len(sample) > 0.05:
        raise IngestError(
            f"{name} does not contain readable text (it is full of control characters, as "
            f"in a binary file): {_READABLE_ADVICE}."
        )


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


@dataclass(slots=True)
class _Meta:
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None


_ONLY_A_URL: Final = re.compile(r"\s*(?:https?://|www\.)\S+\s*\Z", re.IGNORECASE)


def _build(text: str, *, kind: Kind, name: str, path: str | None, source: str | None) -> Document:
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
    return Document(
        original=body,
        text=body,
        title=meta.title,
        source=meta.source or source,
        published=meta.published,
        url=meta.url,
        path=path,
    )


# ---- plain text ----------------------------------------------------------------------------

#: Widths at which plain text is hard-wrapped: e-mail and wire copy (65-80 columns), narrow
#: newsletter columns (40-60), some editors (100).
_WRAP_WIDTHS: Final = range(40, 111)
#: The least share of line breaks inside paragraphs that must look like wrapping.
_WRAP_SHARE: Final = 0.6
#: Spaces that line up columns inside a line: a table row, never wrapped prose.
_COLUMNS: Final = re.compile(r"\S {3,}\S|\t")
#: Columns a wrapped line may fall short of the width by (an extra space in the text).
_WRAP_SLACK: Final = 2
#: A line that opens a block of its own: a bullet; a dash, but only before a capital or a
#: figure (before a lower-case word it is prose: " - which"); a numbered or lettered item.
_BULLET_ITEM: Final = re.compile(r"\s*(?:[*+•]|[-–—](?=\s+[\"'“‘(]*[^\W_a-z]))\s")
_NUMBERED_ITEM: Final = re.compile(r"\s*(?:(?P<n>\d{1,3})|(?P<a>[a-zA-Z]))[.)]\s")
#: A line ending a sentence, and the first letter or figure of a line.
_SENTENCE_END: Final = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_FIRST_ALNUM: Final = re.compile(r"[^\W_]")


def _opens_sentence(line: str) -> bool:
    """Whether a line can open a paragraph: with a capital or a figure, or with a bracket
    ("(with agency inputs)"); a lower-case word continues a sentence."""
    first = _FIRST_ALNUM.search(line)
    if first is None:
        return False
    return line.lstrip()[:1] in "([" or first[0].isupper() or first[0].isdigit()


def _list_items(lines: list[str]) -> set[int]:
    """The indexes of ``lines`` that open a list item. A number or a letter opens one only
    when a line of the text opens with the one before or after it ("2." beside "1." or
    "3."): alone, "28. Named ..." is a sentence that wrapping put after a figure, and
    "F. Kennedy" a name."""
    numbered: dict[int, int] = {}
    for k, line in enumerate(lines):
        if m := _NUMBERED_ITEM.match(line):
            numbered[k] = int(m["n"]) if m["n"] else ord(m["a"].lower()) - ord("a") + 1
    present = set(numbered.values())
    items = {k for k, n in numbered.items() if n - 1 in present or n + 1 in present}
    return items | {k for k, line in enumerate(lines) if _BULLET_ITEM.match(line)}


def _unwrap(text: str) -> str:
    """Plain text hard-wrapped at a fixed width (e-mail, wire copy, a terminal) with the
    lines of each paragraph joined into one; any other text exactly as it is.

    Wrapping ends a line only where the next word would not fit. So a text is taken as
    wrapped when, among the breaks between two non-blank lines that wrapping could have
    made, at least :data:`_WRAP_SHARE` (and at least two) come after a line that the next
    line's first word could not have joined within the widest line (the width, 40 to 110
    characters).

    Those breaks become a space (or nothing after a word that ends in a hyphen or a dash,
    "well-" + "known"). The others stay: after a short line (a headline, a paragraph's
    last line), before a list item or an indented line, around a table row (columns lined
    up with spaces or tabs), after a line wider than the width, and — when no blank line
    separates paragraphs, so that a paragraph may end at any line — after a line that ends
    a sentence before one that can start another. Paragraph structure without wrapping —
    a paragraph a line, however long — never qualifies, and neither do lists or verse,
    whose lines end well short.
    """
    if text.count("\n") < 3:
        return text
    lines = text.split("\n")
    ends = [len(line.rstrip()) for line in lines]
    width = max((n for n in ends if n <= _WRAP_WIDTHS[-1]), default=0)
    if width not in _WRAP_WIDTHS:
        return text
    inner = [k for k in range(len(lines) - 1) if ends[k] and lines[k + 1].strip()]
    # Without blank lines between paragraphs, a break after a sentence's end may be the
    # end of a paragraph: such breaks are kept (the sentences split there either way).
    blank_lines = any(not line.strip() for line in lines[1:-1])
    items = _list_items(lines)
    soft, candidates, joins = 0, 0, set()
    for k in inner:
        line, following = lines[k], lines[k + 1]
        indent = len(following) - len(following.lstrip())
        if ends[k] > width or indent > len(line) - len(line.lstrip()) or k + 1 in items:
            continue  # a break that wrapping did not make
        if _COLUMNS.search(line.strip()) or _COLUMNS.search(following.strip()):
            continue  # a table row: its columns line up with spaces, rows have equal widths
        candidates += 1
        if len(line.split(maxsplit=2)) < 3:
            continue  # a line of one or two words is never one that wrapping filled
        # How far short of the width the line would be with the next word on it: a
        # wrapped line has no room (an extra space in the text can cost a column or two).
        room = width - (ends[k] + 1 + len(following.split(maxsplit=1)[0]))
        soft += room < 0
        if room < _WRAP_SLACK and (
            blank_lines or not (_SENTENCE_END.search(line) and _opens_sentence(following))
        ):
            joins.add(k)
    if soft < 2 or soft < _WRAP_SHARE * candidates:
        return text
    out = [lines[0]]
    for k in range(1, len(lines)):
        if k - 1 not in joins:
            out.append("\n" + lines[k])
            continue
        before, after = out[-1].rstrip(), lines[k].lstrip()
        # A compound or a dash broken after its hyphen, as wrapping does: "anti-" +
        # "Taliban", "items--" + "something". A spaced dash keeps its space.
        dashes = before.rstrip("-–—")
        glue = " " if dashes == before or not dashes[-1:].isalnum() else ""
        out[-1] = before + glue + after
    return "".join(out)


_MONTHS: Final = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH_RE: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS: Final = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    re.compile(
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
)
_DATELINE_WORDS: Final = re.compile(
    r"\b(?:published|updated|posted|last|first|modified|on|at|date|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\b|"
    r"\b\d{1,2}[.:]\d\d(?:\s*[ap]\.?m\.?)?|"
    r"\b(?:[ap]\.?m\.?|gmt|utc|bst|cet|cest|est|edt|pst|pdt|kst|jst|msk)\b",
    re.IGNORECASE,
)
_BYLINE: Final = re.compile(r"^\s*by\s+(?P<rest>\S.*)$", re.IGNORECASE)
_BYLINE_SEP: Final = re.compile(r"\s+[|•·—–]\s+|\s*[|•·]\s*")
_ROLE: Final = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|contributor|columnist|journalist|"
    r"producer|analyst|in [A-Z]\w+)\b",
    re.IGNORECASE,
)
_TEXT_META_LINES: Final = 8


def _text_meta(text: str) -> _Meta:
    """Title, outlet and date from the top of a plain-text article.

    Only the first few non-empty lines are looked at, and only obvious shapes are used: a
    headline-like first line, a ``By NAME | OUTLET`` byline, and a date line. Guessing
    harder would put wrong facts next to the article.
    """
    lines = _first_lines(text, _TEXT_META_LINES)
    meta = _Meta()
    if lines and _looks_like_headline(lines[0]):
        meta.title = lines[0].strip()
    for line in lines:
        if meta.source is None:
            meta.source = _byline_outlet(line)
        if meta.published is None and len(line) <= 120:
            meta.published = _dateline(line)
    return meta


def _first_lines(text: str, count: int) -> list[str]:
    lines: list[str] = []
    for line in text[:20000].split("\n"):
        if line.strip():
            lines.append(line.strip())
            if len(lines) == count:
                break
    return lines


def _looks_like_headline(line: str) -> bool:
    """Short-ish, not a sentence (no final full stop, colon or comma), not a byline."""
    if not 2 <= len(line) <= 160 or len(line.split()) > 25:
        return False
    if line.endswith((".", ",", ";", ":")) and not re.search(r"\b(?:[A-Z]\.){2,}$", line):
        return False
    if _BYLINE.match(line) or _dateline(line) is not None:
        return False
    return any(ch.isalpha() for ch in line)


def _byline_outlet(line: str) -> str | None:
    m = _BYLINE.match(line)
    if m is None or len(line) > 160:
        return None
    parts = [p.strip() for p in _BYLINE_SEP.split(m.group("rest")) if p.strip()]
    for part in parts[1:]:
        if _dateline(part) is None and _ROLE.search(part) is None and len(part) <= 60:
            return part if len(part.split()) <= 6 else None
    return None


def _find_date(line: str) -> str | None:
    for pattern in _DATE_PATTERNS:
        m = pattern.search(line)
        if m is None:
            continue
        groups = m.groupdict()
        month = int(groups["m"]) if groups.get("m") else _MONTHS.get(groups["mon"].lower(), 0)
        iso = _iso_date(int(groups["y"]), month, int(groups["d"]))
        if iso is not None:
            return iso
    return None


def _dateline(line: str) -> str | None:
    """The date of a line that is only a date (with words like "Published", a time, a zone)."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(line)
        if m is None:
            continue
        rest = line[: m.start()] + " " + line[m.end() :]
        if _BYLINE.match(line):
            rest = ""  # a byline may carry the date: "By A | Outlet | 19 June 2024"
        rest = _DATELINE_WORDS.sub(" ", rest)
        if re.search(r"\w", rest):
            continue
        return _find_date(line[m.start() : m.end()])
    return None


def _iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


# ---- Markdown ------------------------------------------------------------------------------

_FENCE: Final = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX: Final = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE: Final = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK: Final = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET: Final = re.compile(r"^(?P<indent>[ \t]*)[-*+][ \t]+(?P<text>\S.*)$")
_ORDERED: Final = re.compile(
    r"^(?P<indent>[ \t]*)(?P<num>\d{1,9})(?P<delim>[.)])[ \t]+(?P<text>\S.*)$"
)
_QUOTE_MARK: Final = re.compile(r"^ {0,3}>[ \t]?")
_REFERENCE_DEF: Final = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*\S+.*$")
_TABLE_DIVIDER: Final = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$"
)
_FRONT_MATTER_KEY: Final = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")

_LINK_TARGET: Final = (
    r"(?:\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*\)|\[[^\]]*\])"
)
#: A span's body may not contain its own marker (unless escaped), so the look-ahead for a
#: closing marker stops at the next marker: linear time even for a huge paragraph full of
#: stray asterisks (a body that may contain anything makes that quadratic).
_INLINE: Final = re.compile(
    r"(?=[\\`!\[<*_~&])"  # every alternative starts with one of these: skip the rest fast
    r"(?:(?P<esc>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>`+)(?P<code_body>[^`]+)(?P=code)(?!`)"
    rf"|(?P<img>!\[(?:[^\[\]\\]|\\.)*\]{_LINK_TARGET})"
    rf"|\[(?P<link_text>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]{_LINK_TARGET}"
    r"|\[(?P<short>[^\[\]]+)\](?![(\[:])"
    r"|<(?P<auto>(?:https?|ftp|mailto):[^\s<>]+)>"
    r"|(?P<bem>\*\*\*)(?=[^\s*])(?P<bem_body>(?:\\.|[^\\*])+?)(?<=\S)\*\*\*"
    r"|(?P<strong>\*\*)(?=[^\s*])(?P<strong_body>(?:\\.|[^\\*]|\*(?!\*))+?)(?<=\S)\*\*"
    r"|(?<![\w\\])__(?=[^\s_])(?P<ustrong_body>(?:\\.|[^\\_]|_(?!_))+?)(?<=\S)__(?!\w)"
    r"|(?P<em>\*)(?=[^\s*])(?P<em_body>(?:\\.|[^\\*])+?)(?<=[^\s\\])\*"
    r"|(?<![\w\\])_(?=[^\s_])(?P<uem_body>(?:\\.|[^\\_])+?)(?<=[^\s\\])_(?!\w)"
    r"|~~(?=[^\s~])(?P<strike_body>[^~]+?)(?<=\S)~~"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});))",
    re.DOTALL,
)


_INLINE_BODIES: Final = (
    "link_text",
    "bem_body",
    "strong_body",
    "ustrong_body",
    "em_body",
    "uem_body",
    "strike_body",
)


def _markdown_inline(text: str, references: frozenset[str]) -> str:
    """Plain text of one Markdown line or paragraph: markers removed, words kept."""

    def replace(m: re.Match[str]) -> str:
        if m.group("esc") is not None:
            return m.group("esc")[1]
        if m.group("code") is not None:
            return m.group("code_body").strip()
        if m.group("img") is not None:
            return ""
        for body in _INLINE_BODIES:
            value = m.group(body)
            if value is not None:
                return _markdown_inline(value, references)
        label = m.group("short")
        if label is not None:
            inner = _markdown_inline(label, references)
            return inner if label.strip().lower() in references else f"[{inner}]"
        if m.group("auto") is not None:
            return m.group("auto").removeprefix("mailto:")
        if m.group("br") is not None:
            return "\n"
        if m.group("tag") is not None:
            return ""
        return html_lib.unescape(m.group(0))

    return _INLINE.sub(replace, text)


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter (``---`` ... ``---``) as simple ``key: value`` pairs, and the rest."""
    if not text.startswith("---\n"):
        return {}, text
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        return {}, text
    block = text[4 : 4 + end.start()]
    pairs: dict[str, str] = {}
    for line in block.split("\n"):
        m = _FRONT_MATTER_KEY.match(line)
        if m is None:
            if line.strip() and not line.startswith((" ", "\t", "-", "#")):
                return {}, text  # not YAML after all: a thematic break opened the text
            continue
        value = m.group("value").strip().strip("\"'").strip()
        if value:
            pairs[m.group("key").lower()] = value
    rest = text[4 + end.end() :]
    return pairs, rest.removeprefix("\n")


def _from_markdown(text: str) -> tuple[str, _Meta]:
    """Markdown as readable plain text, and the title (front matter, else the first ``#``).

    Paragraphs are joined onto one line each, because Markdown's soft line breaks are not
    breaks and the sentence splitter breaks at every newline. Headings, list items, quotes
    and table rows keep their own lines; code is kept verbatim; images, link targets,
    reference definitions and HTML comments go.
    """
    front, text = _split_front_matter(text)
    lines = text.split("\n")
    references = frozenset(
        m.group("label").strip().lower() for line in lines if (m := _REFERENCE_DEF.match(line))
    )
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []  # the current list, one entry per item
    title: str | None = None
    first_heading: str | None = None

    indents: list[int] = []  # indentation of the open list levels

    def inline(s: str) -> str:
        # Markdown collapses runs of spaces in prose; removed images would leave double ones.
        return _SPACE_RUN.sub(" ", _markdown_inline(s, references))

    def list_depth(indent: str) -> int:
        width = len(indent.expandtabs(4))
        while indents and indents[-1] > width:
            indents.pop()
        if not indents or indents[-1] < width:
            indents.append(width)
        return len(indents) - 1

    def flush_paragraph() -> None:
        if paragraph:
            pieces: list[str] = []
            for part in paragraph:
                hard = part.endswith(("  ", "\\")) and not part.endswith("\\\\")
                pieces.append(part.rstrip(" \\" if hard else " ").strip())
                pieces.append("\n" if hard else " ")
            joined = inline("".join(pieces).strip()).strip()
            if joined:
                blocks.append(joined)
            paragraph.clear()

    def flush_items() -> None:
        if items:
            blocks.append("\n".join(items))
            items.clear()
        indents.clear()

    def add_heading(level: int, content: str) -> None:
        nonlocal title, first_heading
        flush_paragraph()
        flush_items()
        heading = inline(content.strip())
        if not heading:
            return
        if first_heading is None:
            first_heading = heading
        if title is None and level == 1:
            title = heading
        blocks.append(heading)

    fence: str | None = None
    code: list[str] = []
    in_comment = False
    previous_blank = True
    in_indented_code = False
    for raw in lines:
        if fence is not None:
            stripped = raw.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                blocks.append("\n".join(code))
                code.clear()
                fence = None
            else:
                code.append(raw)
            continue
        line, in_comment = _strip_html_comments(raw, in_comment)
        if line is None:
            continue
        while _QUOTE_MARK.match(line):
            line = _QUOTE_MARK.sub("", line, count=1)
        indented = line.startswith(("    ", "\t"))
        if not line.strip() or (in_indented_code and indented):
            if in_indented_code and line.strip():
                blocks[-1] += "\n" + (line[4:] if line.startswith("    ") else line[1:])
            else:
                flush_paragraph()
                previous_blank = True
            continue
        in_indented_code = False
        after_blank, previous_blank = previous_blank, False
        fence_match = _FENCE.match(line)
        if fence_match:
            flush_paragraph()
            flush_items()
            fence = fence_match.group(1)
            continue
        if indented and after_blank and not items and not paragraph:
            blocks.append(line[4:] if line.startswith("    ") else line[1:])
            in_indented_code = True  # kept verbatim until a line that is not indented
            continue
        atx = _ATX.match(line)
        if atx:
            add_heading(len(atx.group(1)), atx.group(2) or "")
            continue
        underline = _SETEXT_UNDERLINE.match(line)
        if underline and paragraph:
            content = " ".join(p.strip() for p in paragraph)
            paragraph.clear()
            add_heading(1 if underline.group(1)[0] == "=" else 2, content)
            continue
        if _THEMATIC_BREAK.match(line) or _REFERENCE_DEF.match(line):
            flush_paragraph()
            flush_items()
            continue
        if "|" in line and _TABLE_DIVIDER.match(line):
            continue  # the row above is a table header; the divider itself is noise
        bullet = _BULLET.match(line)
        if bullet and not (paragraph and bullet.group("indent")):
            flush_paragraph()
            depth = list_depth(bullet.group("indent"))
            items.append("  " * depth + "- " + inline(bullet.group("text").strip()))
            continue
        ordered = _ORDERED.match(line)
        if ordered and (not paragraph or ordered.group("num") == "1"):
            flush_paragraph()
            depth = list_depth(ordered.group("indent"))
            number = ordered.group("num") + ordered.group("delim")
            items.append("  " * depth + number + " " + inline(ordered.group("text").strip()))
            continue
        if line.lstrip().startswith("|"):
            flush_paragraph()
            flush_items()
            blocks.append(inline(line.strip()))
            continue
        if items:
            if after_blank and not indented:
                flush_items()  # a paragraph after the list
            else:
                items[-1] += " " + inline(line.strip())  # continuation of the list item
                continue
        paragraph.append(line)
    if fence is not None and code:
        blocks.append("\n".join(code))
    flush_paragraph()
    flush_items()
    body = _merge_table_rows(blocks)
    meta = _Meta(
        title=_front(front, "title", "headline") or title or first_heading,
        source=_front(front, "source", "outlet", "publisher", "site", "sitename"),
        published=_front_date(front),
        url=_front(front, "canonical_url", "canonical", "url", "link"),
    )
    if meta.url is not None and not re.match(r"https?://", meta.url):
        meta.url = None
    if meta.title is None or meta.source is None or meta.published is None:
        fallback = _text_meta(body)
        meta.title = meta.title or fallback.title
        meta.source = meta.source or fallback.source
        meta.published = meta.published or fallback.published
    return body, meta


def _merge_table_rows(blocks: list[str]) -> str:
    """Join blocks with blank lines, but keep consecutive table rows on adjacent lines."""
    out: list[str] = []
    for block in blocks:
        if out and block.startswith("|") and out[-1].split("\n")[-1].startswith("|"):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return "\n\n".join(out)


def _strip_html_comments(line: str, in_comment: bool) -> tuple[str | None, bool]:
    """Remove ``<!-- -->`` comments, which may span lines; None when nothing is left."""
    out = ""
    rest = line
    while True:
        if in_comment:
            end = rest.find("-->")
            if end < 0:
                return (out if out.strip() else None), True
            rest = rest[end + 3 :]
            in_comment = False
        start = rest.find("<!--")
        if start < 0:
            out += rest
            break
        out += rest[:start]
        rest = rest[start + 4 :]
        in_comment = True
    if not out.strip() and line.strip():
        return None, in_comment
    return out, in_comment


def _front(front: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if front.get(key):
            return front[key]
    return None


def _front_date(front: dict[str, str]) -> str | None:
    value = _front(front, "date", "published", "pubdate", "published_at", "date_published")
    return _find_date(value) if value else None


# ---- HTML ----------------------------------------------------------------------------------

_SAVED_FROM: Final = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_PROMO: Final = re.compile(
    r"^(?:read more|read also|also read|more on this(?: story)?|related(?: articles?| stories| "
    r"coverage| content| reading)?|see also|recommended(?: reading)?|suggested reading|"
    r"you may also like|you might also like|don't miss|most read|advertisement|"
    r"sign up (?:to|for) (?:our|the)\b.*newsletter)\b\s*[:|»›>–—-]?",
    re.IGNORECASE,
)
#: Trafilatura's date settings: only the page's own metadata and markup, no free-text
#: guessing (which picks up dates of other events), and the original publication date.
_DATE_PARAMS: Final = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_NO_TEXT_TAGS: Final = frozenset(
    (
        "script style noscript template svg math head nav header footer aside form "
        "button select iframe object canvas menu"
    ).split()
)
_BLOCK_TAGS: Final = frozenset(
    (
        "p div article section main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre "
        "table tr figure figcaption address hr center"
    ).split()
)
_ASCII_SPACE: Final = re.compile(r"[ \t\n\r\f\v]+")
_SPACE_RUN: Final = re.compile(r"[ \t]{2,}")


def _from_html(html: str, name: str) -> tuple[str, _Meta]:
    """Article body and metadata of a web page saved from a browser.

    Trafilatura finds the article and leaves out navigation, cookie banners, related links
    and comments; it is given an lxml tree we parsed ourselves, never a URL, so nothing can
    be downloaded. When it finds nothing, the visible text of the page is used instead.
    """
    tree = _parse_html(html)
    if tree is None:
        raise IngestError(f"{name} has no readable text: the web page is empty.")
    meta = _Meta()
    body = ""
    result = _trafilatura(tree)
    if result is not None:
        if result.body is not None:
            body = _render_extracted(result.body)
        title = _squeeze(result.title)
        sitename = _squeeze(result.sitename)
        if sitename and title and _comparable(sitename) == _comparable(title):
            sitename = None  # some pages put the headline in og:site_name
        meta = _Meta(
            title=_clean_title(tree, title, sitename),
            source=sitename,
            published=result.date
            if isinstance(result.date, str) and _ISO_DATE.match(result.date)
            else None,
            url=result.url
            if isinstance(result.url, str) and result.url.startswith(("http://", "https://"))
            else None,
        )
    if _VISIBLE.search(body) is None:
        body = _visible_text(tree)
    if _VISIBLE.search(body) is None:
        raise IngestError(f"{name} has no readable text: no article was found in the web page.")
    if meta.title is None:
        meta.title = _clean_title(tree, _first_text(tree, ".//title"), meta.source)
    if meta.url is None:
        saved = _SAVED_FROM.search(html[:8192])
        meta.url = saved.group(1) if saved else None
    if meta.title:
        meta.title = _headline_in_body(meta.title, body)
        if not _starts_with_title(body, meta.title):
            body = meta.title + "\n\n" + body
    return body, meta


_ISO_DATE: Final = re.compile(r"^\d{4}-\d\d-\d\d$")


def _parse_html(html: str) -> HtmlElement | None:
    from lxml import etree
    from lxml import html as lxml_html

    html = _XML_DECLARATION.sub("", html, count=1)
    parser = lxml_html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        default_doctype=False,
        no_network=True,
        huge_tree=True,  # no depth limit: libxml2 would silently drop deeply nested text
    )
    try:
        tree: HtmlElement = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return tree


def _trafilatura(tree: HtmlElement) -> Any:
    """Run trafilatura on a parsed tree; None when it finds no article."""
    import trafilatura
    from trafilatura.settings import Document as TrafilaturaDocument

    try:
        result = trafilatura.bare_extraction(
            tree,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception:  # a library bug on odd markup must not lose the page: fall back
        return None
    return result if isinstance(result, TrafilaturaDocument) else None


def _render_extracted(body: Any) -> str:
    """Trafilatura's body tree as text, one block per paragraph, blocks split by blank lines.

    Trafilatura's own text output puts a single newline between paragraphs; a blank line
    keeps the paragraph structure visible to the sentence splitter and to the reader.
    """
    from trafilatura.xml import xmltotxt

    blocks: list[str] = []
    if body.text and body.text.strip():
        blocks.append(body.text.strip())
    for element in _block_elements(body):
        tail = element.tail
        element.tail = None
        text = xmltotxt(element, False)
        text = "\n".join(line.strip() for line in text.strip().split("\n") if line.strip())
        if text and not _is_promo(text):
            blocks.append(text)
        if tail and tail.strip():
            blocks.append(tail.strip())
    return "\n\n".join(blocks)


def _block_elements(body: Any) -> Iterator[Any]:
    """Top-level blocks, descending into quotes and divisions that hold several paragraphs."""
    for element in body:
        if (
            element.tag in ("quote", "div")
            and not (element.text and element.text.strip())
            and len(element) > 1
            and all(
                child.tag in ("p", "head", "list", "quote", "table", "div") for child in element
            )
        ):
            yield from _block_elements(element)
        else:
            yield element


def _is_promo(text: str) -> bool:
    """A short "Read more: ..." style line pointing at another article."""
    return len(text) <= 200 and "\n" not in text and _PROMO.match(text) is not None


def _visible_text(tree: HtmlElement) -> str:
    """A plain rendering of the page body for when no article is recognised.

    Scripts, styles and navigation are dropped; block elements become paragraphs.
    """
    from lxml import etree

    root = tree.find(".//body")
    if root is None:
        root = tree
    parts: list[str] = []
    # An iterative walk: a page nested thousands of levels deep must not hit the recursion
    # limit.
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _NO_TEXT_TAGS:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            if element.text and tag:
                parts.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if element.tail and element is not root:
                parts.append(element.tail)
    paragraphs: list[str] = []
    for chunk in re.split(r"\n\s*\n", "".join(parts)):
        lines = [_ASCII_SPACE.sub(" ", line).strip() for line in chunk.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def _first_text(tree: HtmlElement, xpath: str) -> str | None:
    element = tree.find(xpath)
    if element is None:
        return None
    text = _ASCII_SPACE.sub(" ", element.text_content()).strip()
    return text or None


def _squeeze(text: object) -> str | None:
    """Whitespace-normalised text, or None for anything empty or not a string."""
    if not isinstance(text, str):
        return None
    return _ASCII_SPACE.sub(" ", text).strip() or None


_TITLE_SEPARATOR: Final = re.compile(r"(\s+(?:\||-{1,2}|–|—|»|·|::)\s+|\s*｜\s*)")


def _clean_title(tree: HtmlElement, title: str | None, sitename: str | None) -> str | None:
    """The headline without the outlet's decorations ("Headline | Outlet Politics").

    Pages often dress the ``<title>`` and ``og:title`` with the outlet's name and section; an
    ``<h1>`` found inside the title is the plain headline. Otherwise parts of the title that
    name the outlet are cut off.
    """
    headings = [h for h in (_squeeze(e.text_content()) for e in tree.iterfind(".//h1")) if h]
    if title is None:
        return headings[0] if headings else None
    wanted = _comparable(title)
    site = _comparable(sitename) if sitename else None
    for heading in headings[:5]:
        candidate = _comparable(heading)
        if len(candidate) >= 12 and candidate != site and candidate in wanted:
            return heading
    if not sitename:
        return title
    if title.casefold().startswith(sitename.casefold()):
        rest = title[len(sitename) :].lstrip(" |:»·–—-")
        if rest:
            title = rest
    parts = _TITLE_SEPARATOR.split(title)
    while len(parts) >= 3 and _names_site(parts[-1], sitename):
        del parts[-2:]
    while len(parts) >= 3 and _names_site(parts[0], sitename):
        del parts[:2]
    return "".join(parts).strip() or None


def _names_site(part: str, sitename: str) -> bool:
    def squash(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    mine, site = squash(part), squash(sitename)
    return bool(mine) and bool(site) and (site in mine or (len(mine) >= 3 and mine in site))


def _headline_in_body(title: str, body: str) -> str:
    """A line at the top of the body that the title merely decorates ("Headline » Section")."""
    wanted = _comparable(title)
    for line in _first_lines(body, 3):
        candidate = _comparable(line)
        if len(candidate) >= 12 and candidate != wanted and wanted.startswith(candidate):
            return line
    return title


def _starts_with_title(body: str, title: str) -> bool:
    """Whether the title is already among the first lines of the body."""
    wanted = _comparable(title)
    return any(_comparable(line) == wanted for line in _first_lines(body, 3))


def _comparable(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


# ---- MHTML ---------------------------------------------------------------------------------


def _looks_like_mhtml(data: bytes) -> bool:
    head = data[:4096].lower()
    return head.startswith(
        (b"from:", b"mime-version:", b"subject:", b"snapshot-content-location:")
    ) and (b"multipart/related" in head)


def _html_from_mhtml(data: bytes, name: str) -> tuple[bytes, str | None]:
    """The HTML part of a single-file web archive (``.mhtml``), and its declared charset."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise IngestError(f"{name} is a web archive without a web page in it: {_READABLE_ADVICE}.")
