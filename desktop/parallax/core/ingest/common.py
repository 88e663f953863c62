"""What every part of ingest shares: its error, its limits, the kinds of input, and the
metadata record that each reader (plain text, Markdown, HTML) fills in.

:class:`IngestError` is the only exception bad input may raise anywhere in ingest, with one
sentence that names the file and says what is wrong; the advice sentences it ends with are
here so that every reader words them the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

#: The largest input we accept. A long investigative report is well under 1 MB of text and a
#: saved news page a few MB of HTML; 32 MiB leaves ample room while stopping an accidental
#: video, disk image or log dump before it is read into memory.
MAX_BYTES: Final = 32 * 2**20
#: The longest article text we compare, in characters (a saved page's article, not its
#: markup). A long investigative report is 100,000 characters and a whole book 500,000;
#: every sentence costs time in linking, so 1 MiB (about 170,000 words, 7,000 sentences of
#: news prose) keeps the largest accepted pair within seconds instead of minutes.
MAX_TEXT: Final = 2**20

#: What the bytes are read as.
Kind = Literal["text", "markdown", "html"]

_DOCUMENT_ADVICE: Final = "save it as text or HTML first"
_READABLE_ADVICE: Final = "Parallax reads text (.txt), Markdown (.md) and web pages (.html)"


class IngestError(ValueError):
    """Bad input from the user, with one user-facing sentence as its message.

    A ``ValueError`` so that callers that only know "the value was wrong" still catch it;
    the command line prints ``str(error)`` on one line and exits with status 2.
    """


def _too_much_text(name: str, chars: int) -> str:
    """The message for an article longer than :data:`MAX_TEXT`."""
    return (
        f"{name} holds {chars:,} characters of text, more than the {MAX_TEXT:,} (about "
        "170,000 words) Parallax compares in one article, since longer texts would take "
        "minutes to compare: compare the part you need."
    )


@dataclass(slots=True)
class _Meta:
    """What a reader found about the article besides its text; None where it found nothing."""

    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    #: How the text was read, when the reader should know (see ``Document.notes``).
    notes: tuple[str, ...] = ()


#: A character that shows: anything but white space and the invisible format characters.
_VISIBLE: Final = re.compile("[^\\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")


def _first_lines(text: str, count: int) -> list[str]:
    """The first ``count`` non-blank lines of a text, stripped (from its first 20,000
    characters: metadata sits at the top)."""
    lines: list[str] = []
    for line in text[:20000].split("\n"):
        if line.strip():
            lines.append(line.strip())
            if len(lines) == count:
                break
    return lines
