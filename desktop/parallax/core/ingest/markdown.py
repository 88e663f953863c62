"""Markdown: readable plain text, and the title from the front matter or the first heading.

Paragraphs are joined onto one line each, because Markdown's soft line breaks are not breaks
and the sentence splitter breaks at every newline. Headings, list items, quotes and table
rows keep their own lines; code is kept verbatim; images, link targets, reference
definitions and HTML comments go.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Final

from parallax.core.ingest.common import _Meta
from parallax.core.ingest.plain import _find_date, _text_meta

_SPACE_RUN: Final = re.compile(r"[ \t]{2,}")

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
