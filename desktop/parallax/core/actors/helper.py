"""A second process with the same spaCy model, so that the analysis uses both cores.

spaCy's analysis is pure computation under Python's global lock, so a second thread gains
nothing; a second process does. The helper is started once per
:class:`~parallax.core.actors.Recognizer` made with ``parallel`` (a new Python, or the
bundle itself: never a fork of a threaded GUI process, and it never imports the caller's
own script), loads the model with the same :mod:`~parallax.core.actors.shortcuts`, and
then does one of two things for the recogniser:

- **A share of a long analysis.** It analyses batches of sentences while the recogniser
  analyses the others, and sends back each sentence's tokens and the arrays of every
  annotation Parallax reads (tag, coarse part of speech, morphology, lemma, norm,
  dependency and head, entities), built into documents of the recogniser's vocabulary: the
  analysis is the same as if the recogniser had made it (``tests/core/actors/
  test_helper.py`` compares them). spaCy's own ``Doc.to_bytes`` carries more (the tok2vec
  tensor, user data) and costs four times as long. Two 2,000-sentence articles: 1.5 times
  faster (``tests/bench/bench_actors.py``).
- **The first pair, whole.** Started with the reader, it loads the model on the other core
  while the window is built and the pair linked, then finds that pair's actors and
  reactions itself: the reader's process never pays spaCy's second of importing and
  loading for it.

A helper that dies, or never becomes ready, costs nothing but its share: the recogniser
analyses everything itself, as without it.
"""

from __future__ import annotations

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from parallax.core.model import Document

__all__ = [
    "ANNOTATIONS",
    "HELPER_FLAG",
    "PAIR",
    "PARSE",
    "ParseHelper",
    "helper_command",
    "pack",
    "read_message",
    "unpack",
    "write_message",
]

#: The token annotations a document carries between processes (``Doc.to_array`` names).
ANNOTATIONS: Final = ("TAG", "POS", "MORPH", "LEMMA", "NORM", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE")

#: One document between processes: its words, whether each is followed by a space, and
#: the :data:`ANNOTATIONS` array (one row per token).
Packed = tuple[tuple[str, ...], tuple[bool, ...], Any]


def pack(docs: Iterable[Doc]) -> tuple[list[Packed], set[str]]:
    """Documents as plain data, and the strings their annotation hashes stand for."""
    out: list[Packed] = []
    strings: set[str] = set()
    for doc in docs:
        out.append(
            (
                tuple(t.text for t in doc),
                tuple(bool(t.whitespace_) for t in doc),
                doc.to_array(list(ANNOTATIONS)),
            )
        )
        for t in doc:
            strings.update((t.tag_, t.pos_, str(t.morph), t.lemma_, t.norm_, t.dep_, t.ent_type_))
    return out, strings


def unpack(vocab: Vocab, packed: Sequence[Packed], strings: Iterable[str]) -> list[Doc]:
    """The documents :func:`pack` packed, in ``vocab``."""
    from spacy.tokens import Doc

    for s in strings:
        vocab.strings.add(s)
    return [
        Doc(vocab, words=list(words), spaces=list(spaces)).from_array(list(ANNOTATIONS), array)
        for words, spaces, array in packed
    ]


def write_message(stream: IO[bytes], message: object) -> None:
    """Send one message (a pickle, after its length)."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def read_message(stream: IO[bytes]) -> Any:
    """The next message, or None at the end of the stream."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


#: What the helper is asked: a batch of sentences to analyse...
PARSE: Final = "parse"
#: ...or a pair's actors and reactions, found with its own model.
PAIR: Final = "pair"
#: The length of a message, before it.
_LENGTH: Final = struct.Struct("<Q")
#: The argument that makes ``parallax`` (or the frozen bundle) the helper process.
HELPER_FLAG: Final = "--parse-helper"


def helper_command(model: str) -> list[str]:
    """How to start the helper: the bundle itself when frozen, else this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_FLAG, model]
    return [sys.executable, "-m", "parallax", HELPER_FLAG, model]


class ParseHelper:
    """The second process, started at once; :meth:`ready` tells when it can take work.

    Batches go out with :meth:`submit` and come back, in the order sent, from
    :meth:`collect`; the caller analyses other batches meanwhile. Not thread-safe: the
    recogniser uses it under its own lock. A thread reads the helper's answers, so that
    waiting for one can be polled on every system.
    """

    def __init__(self, model: str) -> None:
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[3])  # the folder of parallax/
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        self._process = subprocess.Popen(
            helper_command(model),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        self._answers: queue.Queue[Any] = queue.Queue()
        threading.Thread(target=self._listen, name="parallax-parse-helper", daemon=True).start()
        self._ready = False
        self._dead = False
        self._out: dict[int, list[str]] = {}
        self._next = 0
        #: Sentences the helper has analysed for this process, and pairs it has done.
        self.analysed = 0
        self.pairs = 0

    def _listen(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        while True:
            try:
                message = read_message(stdout)
            except Exception:  # a broken stream: the helper is gone
                message = None
            self._answers.put(message)
            if message is None:
                return

    def _take(self, timeout: float | None) -> Any:
        """The next answer; ``_NOTHING`` when none came in ``timeout``; None at the end."""
        try:
            message = self._answers.get(timeout=timeout) if timeout else self._answers.get_nowait()
        except queue.Empty:
            return _NOTHING
        if message is None:
            self._dead = True
        return message

    @property
    def alive(self) -> bool:
        """False once the helper failed or stopped; it is not used again."""
        return not self._dead

    def ready(self) -> bool:
        """Whether the helper has loaded the model (and is alive), without waiting."""
        return self.wait_ready(None)

    def wait_ready(self, timeout: float | None) -> bool:
        """Whether the helper has loaded the model, waiting up to ``timeout`` seconds for
        it (None: not at all)."""
        if self._dead:
            return False
        if not self._ready:
            message = self._take(timeout)
            if message is _NOTHING:
                return False
            if message is None or message[0] != "ready":
                self._dead = True
                return False
            self._ready = True
        return True

    @property
    def out(self) -> int:
        """Batches sent and not collected yet."""
        return len(self._out)

    def submit(self, texts: Sequence[str]) -> None:
        """Give the helper a batch (only when :meth:`ready`)."""
        self._next += 1
        self._out[self._next] = list(texts)
        self._send((self._next, PARSE, self._out[self._next]))

    def _send(self, message: tuple[Any, ...]) -> None:
        try:
            assert self._process.stdin is not None
            write_message(self._process.stdin, message)
        except (OSError, ValueError):
            self._dead = True

    def find_pair(
        self, lexicon_dir: Path, left: Document, right: Document, waiting: Callable[[], None]
    ) -> tuple[Any, Any] | None:
        """A pair's actors and reactions, found in the helper (once it is ready; only when
        no batch is out); None if the helper died or failed on them. ``waiting`` is called
        every 50 ms meanwhile and may raise to cancel (the answer is then dropped)."""
        while not self.wait_ready(0.05):
            if not self.alive:
                return None
            waiting()
        self._next += 1
        key = self._next
        self._send((key, PAIR, str(lexicon_dir), left, right))
        while self.alive:
            message = self._take(0.05)
            if message is _NOTHING:
                if self._process.poll() is not None:
                    self._dead = True
                    return None
                waiting()
                continue
            if message is None:
                return None
            if message[0] == key:
                found = message[1]
                if isinstance(found, BaseException):
                    return None
                self.pairs += 1
                actors, reactions = found
                return actors, reactions
        return None

    def collect(self, vocab: Vocab, *, wait: bool) -> tuple[list[str], list[Doc]] | None:
        """A batch analysed: its texts and documents (in ``vocab``); None when none is back
        yet (``wait=False``), or none is out, or the helper died (see :meth:`take_back`)."""
        while self._out and not self._dead:
            message = self._take(1.0 if wait else None)
            if message is _NOTHING:
                if not wait:
                    return None
                if self._process.poll() is not None:
                    self._dead = True
                continue
            if message is None:
                return None
            key, answer = message
            texts = self._out.pop(key, None)
            if texts is not None:  # else an earlier batch, abandoned on cancel
                self.analysed += len(texts)
                return texts, unpack(vocab, *answer)
        return None

    def take_back(self) -> list[list[str]]:
        """The batches out, when the caller must analyse them itself (the helper died, or
        the job was cancelled); their answers, if any come, are dropped."""
        out = list(self._out.values())
        self._out.clear()
        return out

    def close(self) -> None:
        """Stop the helper process."""
        self._dead = True
        if self._process.poll() is not None:
            return
        try:
            assert self._process.stdin is not None
            self._process.stdin.close()  # the end of its input: it stops
            self._process.wait(timeout=2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            self._process.kill()


#: :meth:`ParseHelper._take`'s "no answer yet".
_NOTHING: Final = object()
