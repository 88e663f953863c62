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

The package, in the order the bytes travel:

- :mod:`~parallax.core.ingest.read`: the entry points below, size limits, kind sniffing.
- :mod:`~parallax.core.ingest.decode`: binary formats refused, web archives opened, bytes
  decoded.
- :mod:`~parallax.core.ingest.plain`: hard-wrapped text rejoined; headline, byline, dateline.
- :mod:`~parallax.core.ingest.markdown`: Markdown as plain text, front matter as metadata.
- :mod:`~parallax.core.ingest.html`: the article of a saved web page (trafilatura).
- :mod:`~parallax.core.ingest.common`: the error, the limits and the metadata record.
"""

from __future__ import annotations

from parallax.core.ingest.common import MAX_BYTES, MAX_TEXT, IngestError, Kind
from parallax.core.ingest.read import check_file, read_bytes, read_path, read_stream, read_text

__all__ = [
    "MAX_BYTES",
    "MAX_TEXT",
    "IngestError",
    "Kind",
    "check_file",
    "read_bytes",
    "read_path",
    "read_stream",
    "read_text",
]
