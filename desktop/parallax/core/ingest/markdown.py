"""Markdown: readable plain text, and the title from the front matter or the first heading.

The text is parsed by markdown-it-py, a CommonMark parser (with GitHub's tables and
strikethrough), and its token stream is written out as plain text. Paragraphs are joined onto
one line each, because Markdown's soft line breaks are not breaks and the sentence splitter
breaks at every newline. Headings, list items, quotes and table rows keep their own lines;
code is kept verbatim; images, link targets, reference definitions, raw HTML tags and HTML
comments go. YAML front matter is read here (CommonMark has none) for the title, outlet,
date and address; what it lacks comes from the top of the text, as for plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Final

from parallax.core.ingest.common import _Meta
from parallax.core.ingest.plain import _find_date, _text_meta

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: Markdown collapses runs of spaces in prose; removed images and tags would leave double ones.
_SPACE_RUN: Final = re.compile(r"[ \t]{2,}")
_LINE_BREAK_TAG: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_COMMENT: Final = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FRONT_MATTER_KEY: Final = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")
#: How deeply blocks may nest (quotes in lists in quotes ...): markdown-it's default preset
#: allows 100, its CommonMark preset only 20, and it drops whatever lies deeper.
_MAX_NESTING: Final = 100


@cache
def _parser() -> MarkdownIt:
    """The one CommonMark parser, with tables and strikethrough (imported on first use)."""
    from markdown_it import MarkdownIt

    options = {"maxNesting": _MAX_NESTING}
    return MarkdownIt("commonmark", options).enable(["table", "strikethrough"])


def _from_markdown(text: str) -> tuple[str, _Meta]:
    """Markdown as readable plain text, and the title (front matter, else the first ``#``)."""
    front, text = _split_front_matter(text)
    out = _write_blocks(_parser().parse(text))
    body = "\n\n".join(out.blocks)
    meta = _Meta(
        title=_front(front, "title", "headline") or out.title or out.first_heading,
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


@dataclass(slots=True)
class _Blocks:
    """The plain-text blocks written so far (joined by blank lines), and the headings seen."""

    blocks: list[str] = field(default_factory=list)
    title: str | None = None  # the first level-one heading
    first_heading: str | None = None

    def add_heading(self, heading: str, tag: str) -> None:
        if heading:
            self.first_heading = self.first_heading or heading
            if self.title is None and tag == "h1":
                self.title = heading
            self.blocks.append(heading)


def _write_blocks(tokens: list[Token]) -> _Blocks:
    """The token stream as plain-text blocks, in one pass (no recursion, however deep the
    nesting).

    A quote's blocks are written as if unquoted. A list is one block with a line per item,
    ``- `` or the item's own number first, indented two spaces a level; the blocks of an
    item (its paragraphs, even in a loose list) share its line. A table is one block with a
    ``| a | b |`` line per row, the header first. Thematic breaks (``---``) are decoration.
    """
    out = _Blocks()
    lists: list[bool] = []  # the open lists, innermost last: True for a numbered one
    lines: list[str] = []  # the lines of the outermost open list
    items: list[tuple[int, str, list[str]]] = []  # open items: their line, marker, blocks
    rows: list[str] = []
    cells: list[str] = []

    def write(text: str) -> None:
        if text:
            (items[-1][2] if items else out.blocks).append(text)

    for k, token in enumerate(tokens):
        kind = token.type
        if kind == "inline":
            text = _inline_text(token.children or [])
            opener = tokens[k - 1]
            if opener.type in ("th_open", "td_open"):
                cells.append(text)
            elif opener.type == "heading_open" and not items:
                out.add_heading(text, opener.tag)
            else:
                write(text)
        elif kind in ("fence", "code_block"):
            write(token.content.removesuffix("\n"))
        elif kind == "html_block":
            # Raw HTML is markup like the rest: comments and tags go, the text in it stays.
            html = _HTML_COMMENT.sub("", token.content)
            write(_inline_text(_parser().parseInline(html)[0].children or []))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
        elif kind == "list_item_open":
            marker = token.info + token.markup if lists[-1] else "-"
            items.append((len(lines), "  " * (len(lists) - 1) + marker, []))
            lines.append("")
        elif kind == "list_item_close":
            line, marker, blocks = items.pop()
            lines[line] = (marker + " " + " ".join(blocks)).rstrip()
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                write("\n".join(lines))
                lines = []
        elif kind == "tr_close":
            rows.append(_SPACE_RUN.sub(" ", "| " + " | ".join(cells) + " |"))
            cells = []
        elif kind == "table_close":
            write("\n".join(rows))
            rows = []
    return out


def _inline_text(tokens: list[Token]) -> str:
    """Plain text of a run of inline tokens: markers removed, words kept.

    Emphasis and strikethrough keep their words, links their text (an autolink its address,
    without ``mailto:``), code spans their code; images and raw HTML tags go, but ``<br>``
    breaks the line as a hard line break does.
    """
    parts: list[str] = []
    autolink = False
    for token in tokens:
        kind = token.type
        if kind in ("text", "text_special"):
            parts.append(token.content.removeprefix("mailto:") if autolink else token.content)
        elif kind == "code_inline":
            parts.append(token.content.strip())
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline":
            parts.append("\n" if _LINE_BREAK_TAG.fullmatch(token.content) else "")
        elif kind == "link_open":
            autolink = token.markup == "autolink"
        elif kind == "link_close":
            autolink = False
    return _SPACE_RUN.sub(" ", "".join(parts)).strip()


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


def _front(front: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if front.get(key):
            return front[key]
    return None


def _front_date(front: dict[str, str]) -> str | None:
    value = _front(front, "date", "published", "pubdate", "published_at", "date_published")
    return _find_date(value) if value else None
