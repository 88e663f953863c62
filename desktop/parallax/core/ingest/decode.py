"""Bytes -> text: what the bytes are, and how they decode.

Before any decoding, files that are not articles at all (PDFs, images, Office documents,
archives, programs) are recognised by their magic numbers, so that the message can say what
the file is. Single-file web archives (``.mhtml``) give up the web page inside them. Then the
bytes are decoded without assuming an encoding: a byte-order mark, BOM-less UTF-16/32, strict
UTF-8, the charset a web page declares, and for legacy 8-bit text a judgement between
Windows-1252 and charset-normalizer's guess. Text that is empty, blank or full of control
characters is refused here too.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Final, Literal

from parallax.core.ingest.common import (
    _DOCUMENT_ADVICE,
    _READABLE_ADVICE,
    _VISIBLE,
    IngestError,
)


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


def _decode(
    data: bytes, name: str, *, html_charset: bool, charset_hint: str | None
) -> tuple[str, bool]:
    """Decode bytes without assuming an encoding.

    Order: a byte-order mark; BOM-less UTF-16/32 recognised by its NUL-byte pattern (any
    other NUL byte means a binary file); strict UTF-8, which almost never decodes text that
    is not UTF-8, then UTF-8 with a few bad bytes (:func:`_mostly_utf8`); the charset a web
    page declares; then Windows-1252 when the high bytes
    read as Western European text, else charset-normalizer's guess, and finally Windows-1252
    with Latin-1 for its five undefined bytes, which decodes anything.

    Returns the text, and whether it is UTF-8 whose few bad bytes were replaced, each run
    by :data:`UNDECODABLE` (:func:`_mostly_utf8`); ingest lists those as repairs.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), False
            except UnicodeDecodeError:
                continue  # FF FE 00 00 may be UTF-16 after all; else judge the bytes as they are
    if b"\x00" in data:
        wide = _sniff_wide_unicode(data)
        if wide is not None:
            try:
                return data.decode(wide), False
            except UnicodeDecodeError:
                pass
        raise IngestError(
            f"{name} looks like a binary file (it contains NUL bytes), not an article: "
            f"{_READABLE_ADVICE}."
        )
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, True
    declared: list[str] = [charset_hint] if charset_hint else []
    if html_charset:
        declared += _declared_charsets(data)
    for label in declared:
        declared_codec = _python_codec(label)
        if declared_codec is None or declared_codec in ("utf-8", "utf_8"):
            continue
        try:
            return data.decode(declared_codec), False
        except UnicodeDecodeError:
            continue
    return _decode_legacy(data, name), False


#: What stands for one run of bytes that are not UTF-8 in text that otherwise is.
UNDECODABLE: Final = "\ufffd"
_BAD_UTF8_RUN: Final = re.compile("[\udc80-\udcff]+")
#: Text is "mostly UTF-8" with at least this many well-formed non-ASCII characters per run of
#: bad bytes. Legacy encodings form a well-formed sequence by chance now and then (GB2312
#: about once per bad run), never eight times as often.
_UTF8_EVIDENCE: Final = 8


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid sequences, each run of bad bytes one :data:`UNDECODABLE`.

    Decoding such text as a legacy encoding would garble every well-formed character ("ä"
    read as "Ã" and a stray letter) to spare a few bad bytes; the bad bytes are lost here
    instead, marked, and the repair stage lists each as an ``invalid-utf8`` repair. None
    when the bytes are not mostly UTF-8 (too few well-formed characters per bad run).
    """
    text = data.decode("utf-8", "surrogateescape")
    runs = sum(1 for _ in _BAD_UTF8_RUN.finditer(text))
    wellformed = len(text) - len(text.encode("ascii", "ignore")) - _count_escapes(text)
    if runs == 0 or wellformed < _UTF8_EVIDENCE * runs:
        return None
    return _BAD_UTF8_RUN.sub(UNDECODABLE, text)


def _count_escapes(text: str) -> int:
    """How many lone surrogates (bytes ``surrogateescape`` kept) ``text`` holds."""
    return sum(len(m.group()) for m in _BAD_UTF8_RUN.finditer(text))


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


def _decode_legacy(data: bytes, name: str) -> str:
    """Decode text in a legacy 8-bit or East Asian encoding, or refuse bytes that are no text.

    charset-normalizer alone is unreliable on short Western texts (it calls a cp1252 news
    story cp1250 or cp720: the statistics of a paragraph cannot tell them apart), while
    Windows-1252 is by far the commonest legacy encoding of the articles Parallax compares.
    So Windows-1252 wins when the bytes read as Western text and charset-normalizer does not
    find it clearly more garbled (chaos) or less like a language (coherence) than its own
    guess; otherwise charset-normalizer's guess is used, and Windows-1252 with a Latin-1
    fallback (which decodes anything) is the last resort.

    Because every byte decodes in some 8-bit code page, the result is judged as text before
    it is accepted (:func:`_refuse_non_text`): random bytes decode too, into symbols and
    letters in no order any language has.
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
        text = str(best)
        _refuse_non_text(text, name, guessed=True)
        return text
    text = data.decode("cp1252", errors=_LATIN1_FALLBACK)
    _refuse_non_text(text, name, guessed=False)
    return text


#: Characters no language writes much of: symbols, controls, unassigned and private-use
#: code points, and the replacement character.
_ODD_CATEGORIES: Final = frozenset({"Sc", "Sk", "Sm", "So", "Cc", "Cf", "Cn", "Co", "Cs"})
#: More than this share of odd characters is no text (real articles stay under 1%; random
#: bytes read as any 8-bit code page give 15-25%).
_MAX_ODD_SHARE: Final = 0.1
#: Text in a language that separates words has white space about every 5-10 characters;
#: without an encoding the detector recognises, less than this share is no text.
_MIN_SPACE_SHARE: Final = 0.02


def _refuse_non_text(text: str, name: str, *, guessed: bool) -> None:
    """Refuse a legacy decoding that does not read as text in any language.

    ``guessed``: charset-normalizer recognised the encoding. When it did not (the last
    resort decodes anything), the text must also separate words, as every language that
    charset-normalizer cannot recognise does.
    """
    sample = text if len(text) <= 1 << 17 else text[: 1 << 16] + text[-(1 << 16) :]
    odd = sum(
        1 for ch in sample if ch not in "\t\n\r" and unicodedata.category(ch) in _ODD_CATEGORIES
    )
    spaces = sum(1 for ch in sample if ch.isspace())
    if odd <= _MAX_ODD_SHARE * len(sample) and (
        guessed or len(sample) < 64 or spaces >= _MIN_SPACE_SHARE * len(sample)
    ):
        return
    raise IngestError(
        f"{name} does not contain readable text (its bytes read as text in no known "
        f"encoding, as in a binary file): {_READABLE_ADVICE}."
    )


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode cp1252's five undefined bytes as Latin-1, as browsers do."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


_LATIN1_FALLBACK: Final = "parallax-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)

_CONTROL: Final = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x84\x86-\x9f\ufffd]")


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
