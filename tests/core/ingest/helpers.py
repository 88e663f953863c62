"""What the ingest tests share: the fixture pages, an article in many encodings, and the
check that an error message is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.core.ingest import IngestError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"
HARBOUR = FIXTURES / "harbour-times-pact.html"
COURIER = FIXTURES / "daily-courier-pact.html"

# An article with everything that legacy encodings get wrong: curly quotes, dashes, the euro
# sign, accents and an ellipsis. Every character exists in Windows-1252.
ARTICLE = (
    "Kim’s “landmark” pact with Russia\n"
    "\n"
    "The treaty — signed in Pyongyang — will cost Moscow €5 billion, said a café owner.\n"
    "Critics called it a naïve résumé of Soviet-era promises… “It’s déjà vu,” one said.\n"
)


def assert_one_line(error: pytest.ExceptionInfo[IngestError], *fragments: str) -> None:
    """The message is one user-facing sentence that names the input and the problem."""
    message = str(error.value)
    assert "\n" not in message
    assert message.endswith(".")
    assert "Traceback" not in message
    for fragment in fragments:
        assert fragment.lower() in message.lower(), message


ENCODED = {
    "utf-8": ARTICLE.encode("utf-8"),
    "utf-8-sig": ARTICLE.encode("utf-8-sig"),
    "utf-16 (BOM, LE)": ARTICLE.encode("utf-16"),
    "utf-16-be with BOM": b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    "utf-16-le without BOM": ARTICLE.encode("utf-16-le"),
    "utf-16-be without BOM": ARTICLE.encode("utf-16-be"),
    "utf-32 (BOM)": ARTICLE.encode("utf-32"),
    "utf-32-le without BOM": ARTICLE.encode("utf-32-le"),
    "cp1252": ARTICLE.encode("cp1252"),
    "cp1252 with CRLF": ARTICLE.replace("\n", "\r\n").encode("cp1252"),
    "utf-16 with CRLF": ARTICLE.replace("\n", "\r\n").encode("utf-16"),
    "utf-8 with lone CR": ARTICLE.replace("\n", "\r").encode("utf-8"),
}
