"""The content key: the same article read from a saved page or from plain text."""

from __future__ import annotations

from pathlib import Path

from parallax.core.ingest import read_path
from parallax.core.model import Document, sentence_sha256
from parallax.core.pipeline import prepare

TEXT = """\
Harbour council approves new sea wall

By Maria Olsen

The harbour council of Westport approved a new sea wall on Tuesday after a
long debate. The wall will cost 12 million euros and take three years to
build.

Mayor Jonas Berg said the town could not wait for the next storm. "We have
waited too long," he said.

Fishermen's association leader Anna Lind criticised the plan. She said the
wall would block the old fishing channel.
"""

PAGE = """\
<!doctype html>
<html><head><meta charset="utf-8">
<title>Harbour council approves new sea wall | Westport Herald</title>
<meta property="og:site_name" content="Westport Herald"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour council approves new sea wall</h1>
<p class="byline">By Maria Olsen</p>
<p>The harbour council of Westport approved a new sea wall on Tuesday after a long debate.
The wall will cost 12&nbsp;million euros and take three years to build.</p>
<p>Mayor Jonas Berg said the town could not wait for the next storm. &ldquo;We have waited
too long,&rdquo; he said.</p>
<p>Fishermen&#8217;s association leader Anna Lind criticised the&#8203; plan. She said the
wall would block the old fishing channel.</p>
</article>
<footer>Copyright Westport Herald</footer>
</body></html>
"""


def write_article(folder: Path, name: str = "story") -> tuple[Path, Path]:
    """The same made-up article as plain text and as a saved web page."""
    folder.mkdir(parents=True, exist_ok=True)
    txt, html = folder / f"{name}.txt", folder / f"{name}.html"
    txt.write_text(TEXT, encoding="utf-8")
    html.write_text(PAGE, encoding="utf-8")
    return txt, html


def test_text_and_page_of_one_article_have_one_key(tmp_path: Path) -> None:
    txt, html = (prepare(read_path(p)) for p in write_article(tmp_path))
    assert txt.original_sha256 != html.original_sha256
    assert txt.text != html.text  # a byline line, quotes, line breaks
    assert txt.content_sha256 == html.content_sha256


def test_another_article_has_another_key(tmp_path: Path) -> None:
    txt, _ = (prepare(read_path(p)) for p in write_article(tmp_path))
    edited = prepare(Document(original=TEXT.replace("12 million", "14 million"), text=""))
    changed = Document(original="", text=edited.text, title=txt.title, author=txt.author)
    assert changed.content_sha256 != txt.content_sha256


def test_the_headline_line_and_whitespace_do_not_count() -> None:
    body = "First sentence here.\n\nSecond  one,\nwrapped."
    with_title = Document(original="", text="Headline\n\n" + body, title="Headline")
    without = Document(original="", text=" First sentence here. Second one, wrapped. ")
    assert with_title.content_sha256 == without.content_sha256


def test_sentence_key_folds_quotes_and_spaces() -> None:
    assert sentence_sha256("\u201cWe have\u00a0waited,\u201d he said.") == sentence_sha256(
        '"We have waited," he said.'
    )
    assert sentence_sha256("He said.") != sentence_sha256("She said.")
