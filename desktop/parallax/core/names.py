"""How messages name files: on one line, and unable to deceive whoever reads them.

A file name is hostile input like an article's text: a newline in it would split a one-line
error message, an escape sequence would rewrite the terminal it is printed to, and a bidi
override would reverse the line. Every message that names a file or folder (ingest's errors,
the command line's own lines) passes the name through :func:`shown_name` first.
"""

from __future__ import annotations

import re
from typing import Final

#: Characters that would break the one line a message is, or deceive whoever reads it: C0
#: and C1 controls (a newline splits the message, ESC sequences rewrite a terminal), line
#: and paragraph separators, bidi controls and marks (they reorder the line), invisible
#: format characters, and lone surrogates (undecodable bytes of a file name).
_UNSAFE_IN_NAME: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)


def shown_name(name: str) -> str:
    """A file name or path as every message shows it: on one line, unable to deceive.

    Characters of :data:`_UNSAFE_IN_NAME` are written as Python escapes (a newline as
    ``\\n``, ESC as ``\\x1b``, U+202E as ``\\u202e``); everything else, other scripts and
    spaces included, is kept, so the name can still be recognised. Idempotent: an escaped
    name has nothing left to escape.
    """
    return _UNSAFE_IN_NAME.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), name
    )
