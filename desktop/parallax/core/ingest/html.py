"""HTML: the article of a web page saved from a browser, and its headline, outlet and date.

Trafilatura finds the article and leaves out navigation, cookie banners, related links and
comments; when it finds nothing, the visible text of the page is used instead. The headline
is cleaned of the outlet's decorations and put first, as a reader sees it on the page.

Nothing here ever opens a network connection: the page is parsed from the string we were
given (trafilatura gets a parsed tree, never a URL), images and stylesheets are never loaded,
and a page's canonical URL is only read from the page, never fetched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from parallax.core.ingest.common import (
    _VISIBLE,
    MAX_TEXT,
    IngestError,
    _first_lines,
    _Meta,
    _too_much_text,
)

if TYPE_CHECKING:  # pragma: no cover
    from lxml.html import HtmlElement

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


def _from_html(html: str, name: str) -> tuple[str, _Meta]:
    """Article body and metadata of a web page saved from a browser.

    Trafilatura finds the article and leaves out navigation, cookie banners, related links
    and comments; it is given an lxml tree we parsed ourselves, never a URL, so nothing can
    be downloaded. When it finds nothing, the visible text of the page is used instead.
    """
    tree, too_deep = _parse_html(html)
    if tree is None:
        raise IngestError(f"{name} has no readable text: the web page is empty.")
    chars = _text_size(tree)
    if chars > MAX_TEXT:
        raise IngestError(_too_much_text(name, chars))
    meta = _Meta()
    body = ""
    notes: list[str] = []
    result = None
    if too_deep:
        # The parser stopped at its depth limit: the tree holds the top of the page only.
        notes.append(_TOO_DEEP_NOTE)
    else:
        try:
            result = _trafilatura(tree)
        except _ExtractionFailed as failure:
            notes.append(
                "Parallax could not single out the article on this web page "
                f"({failure.reason}), so the page's whole visible text is shown: menus and "
                "links may be mixed in."
            )
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
            author=_author(result.author, sitename),
        )
    if _VISIBLE.search(body) is None:
        body = _streamed_text(html) if too_deep else _visible_text(tree)
        if not notes:
            notes.append(_NO_ARTICLE_NOTE)
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
    meta.notes = tuple(notes)
    return body, meta


_ISO_DATE: Final = re.compile(r"^\d{4}-\d\d-\d\d$")


def _author(found: object, sitename: str | None) -> str | None:
    """The page's author as its metadata names it (trafilatura joins several with "; "),
    or None for anything that is not a person's name: a web address, figures, the outlet
    itself, or a line too long to be a name."""
    author = _squeeze(found)
    if author is None or len(author) > 120 or re.search(r"\d|https?:|www\.|@|<", author):
        return None
    if sitename and _comparable(author) == _comparable(sitename):
        return None
    return author


#: libxml2 nests at most this many elements, even with ``huge_tree`` (XML_PARSE_HUGE); at
#: the limit it stops parsing, and everything deeper or later is missing from the tree.
_PARSER_DEPTH_LIMIT: Final = 2048
_NO_ARTICLE_NOTE: Final = (
    "Parallax found no article on this web page (no block of running text it could single "
    "out), so the page's whole visible text is shown: menus and links may be mixed in."
)
_TOO_DEEP_NOTE: Final = (
    f"The web page is nested more than {_PARSER_DEPTH_LIMIT:,} elements deep, too deep to "
    "single out its article, so the page's whole visible text is shown: menus and links "
    "may be mixed in."
)


class _ExtractionFailed(Exception):
    """Trafilatura failed on a page; ``reason`` names the error for the document's note."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _parse_html(html: str) -> tuple[HtmlElement | None, bool]:
    """The page's tree, and whether the parser stopped at its depth limit.

    A page nested deeper than :data:`_PARSER_DEPTH_LIMIT` elements is cut off there by the
    parser (with its head intact): the caller then reads the text with
    :func:`_streamed_text`, which does not build a tree.
    """
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
        return None, False
    too_deep = any(
        error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in error.message.lower()
        for error in parser.error_log
    )
    return tree, too_deep


def _text_size(tree: HtmlElement) -> int:
    """How many characters of text a page holds, scripts and style sheets left out: more
    than the article, never less. Counted in C, before trafilatura spends seconds a
    megabyte on a page whose text is too long to compare anyway."""
    from lxml import etree

    everything = len(etree.tostring(tree, method="text", encoding="unicode"))
    code = sum(len(e.text or "") for e in tree.iter("script", "style"))
    return everything - code


def _trafilatura(tree: HtmlElement) -> Any:
    """Run trafilatura on a parsed tree; None when it finds no article.

    Raises:
        _ExtractionFailed: Trafilatura failed; the caller falls back to the page's visible
            text and says so in a note.
    """
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
    except Exception as exc:  # a library bug on odd markup must not lose the page
        raise _ExtractionFailed(type(exc).__name__) from exc
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


def _streamed_text(html: str) -> str:
    """The visible text of a page, as :func:`_visible_text` reads it, without a tree.

    For pages nested deeper than the parser goes: the standard library's tokenizer reads
    tags and text as a stream, at any depth, in time linear in the page's size.
    """
    from html.parser import HTMLParser

    parts: list[str] = []
    hidden: dict[str, int] = {}  # open elements whose content is not text, by tag

    class _Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in _NO_TEXT_TAGS:
                hidden[tag] = hidden.get(tag, 0) + 1
            elif tag in _BLOCK_TAGS:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")

        def handle_startendtag(self, tag: str, attrs: object) -> None:
            if tag == "br":
                parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if hidden.get(tag):
                hidden[tag] -= 1
            elif tag in _BLOCK_TAGS:
                parts.append("\n\n")

        def handle_data(self, data: str) -> None:
            if not any(hidden.values()):
                parts.append(data)

    reader = _Reader(convert_charrefs=True)
    reader.feed(html)
    reader.close()
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
