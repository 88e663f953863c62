"""The second analysis process itself: ``parallax --parse-helper MODEL`` runs :func:`serve`.

:mod:`parallax.core.actors.helper` starts it and speaks to it; this module is what runs on
the other side (it needs the recogniser and the reactions, which the client side must not
import).
"""

from __future__ import annotations

import sys
from typing import Any

from parallax.core.actors.helper import PARSE, pack, read_message, write_message

__all__ = ["serve"]


def serve(model: str) -> int:  # pragma: no cover - runs in the helper process
    """The helper process: load the model, then analyse what it is sent until told to stop.

    Messages are pickles, each after its length, on standard input and output (nothing
    else may write to standard output here).
    """
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints must not break the stream
    from parallax.core.actors import Recognizer, shortcuts
    from parallax.core.reactions import actors_and_reactions

    try:
        nlp = shortcuts.load(model)
        list(nlp.pipe(["The helper is ready, officials said."]))
    except Exception as exc:  # the recogniser goes on alone
        write_message(stdout, ("failed", repr(exc)))
        return 1
    write_message(stdout, ("ready", None))
    recognizers: dict[str, Recognizer] = {}
    while True:
        message = read_message(stdin)
        if message is None:
            return 0
        key, kind, *args = message
        if kind == PARSE:
            (texts,) = args
            write_message(stdout, (key, pack(nlp.pipe(texts, batch_size=max(1, len(texts))))))
        else:  # PAIR: a pair's actors and reactions, found here
            lexicon_dir, left, right = args
            if lexicon_dir not in recognizers:
                recognizers[lexicon_dir] = Recognizer.around(nlp, lexicon_dir)
            recognizer = recognizers[lexicon_dir]
            try:
                pl, pr = recognizer.parse_all([(left, "left"), (right, "right")])
                found: Any = actors_and_reactions(pl, pr, recognizer.lexicon)
            except Exception as exc:  # the caller finds them itself, and meets it there
                found = exc
            write_message(stdout, (key, found))
