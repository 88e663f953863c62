"""Static sentence embeddings: a sentence is the mean of its token vectors.

The model in ``data/models/minilm-static`` is all-MiniLM-L6-v2 distilled by model2vec into
one vector per token (see ``data/models/build_embedding_model.py``). At run time that needs
no neural network at all: tokenise with the model's own tokenizer (``tokenizers``), look the
token vectors up, average, normalise. That is why Parallax can score every sentence of one
article against every sentence of the other in milliseconds and never needs torch.

The encoder is loaded lazily, once per process, under a lock, so a GUI can warm it up in a
worker thread and the CLI pays for it only when it compares.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from parallax.core.loaded import Loaded

Matrix = npt.NDArray[np.float32]

#: Where the shipped model lives, relative to the data folder.
MODEL_SUBDIR: Final = Path("models") / "minilm-static"

# What BERT's normaliser and pre-tokeniser do to printable ASCII and to the typographic
# punctuation of news (curly quotes, dashes, ellipsis, guillemets, no-break space): lower-case
# it, then split at whitespace and at every punctuation character (all printable ASCII that
# is not a letter or a digit counts as punctuation). Other text goes through the tokenizer.
_ASCII_WORDS: Final = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")
_NOT_FAST: Final = re.compile(
    "[^\x20-\x7e\t\n\r\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb]"
)
_WORD_CACHE_SIZE: Final = 200_000
#: Sentences whose row an encoder keeps for the next comparison (a story of 20 long
#: articles; 1 kB each).
KEPT: Final = 8_000


class StaticEncoder:
    """Encode sentences with a model2vec static model, exactly as model2vec would."""

    def __init__(self, path: str | Path, *, max_length: int = 512) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = Path(path)
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        tensors = load_file(str(path / "model.safetensors"))
        # Shipped as float16 to halve the download; computed in float32.
        self.vectors: Matrix = tensors["embeddings"].astype(np.float32)
        self.normalize = bool(config.get("normalize", True))
        self.tokenizer: Any = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length)
        vocab: dict[str, int] = self.tokenizer.get_vocab()
        self.unk_id = vocab.get("[UNK]")
        # model2vec cuts very long strings before tokenising; keep its behaviour.
        self.max_chars = max_length * int(np.median([len(t) for t in vocab]))
        self.max_length = max_length
        self.dim = int(self.vectors.shape[1])
        self._word_cache: dict[str, tuple[int, ...]] = {}
        # Sentences already encoded, by text (see :meth:`encode`). Bounded, oldest out.
        self._kept: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()
        self._kept_lock = threading.Lock()
        # Special tokens written in the text ("[UNK]", "[SEP]") are matched whole by the
        # tokenizer, so a sentence containing one takes the tokenizer's own path.
        added = self.tokenizer.get_added_tokens_decoder().values()
        self._specials = [t.content.lower() for t in added if t.content]

    def token_ids(self, sentences: list[str]) -> list[list[int]]:
        """The WordPiece ids of each sentence (no special tokens, [UNK] dropped, truncated),
        exactly as the model's tokenizer gives them.

        Sentences of printable ASCII and common typographic punctuation (most English
        news) are split into words with a regular expression, and each distinct word is
        looked up once per process; the rest go through the tokenizer in one batch.
        """
        out: list[list[int]] = [[] for _ in sentences]
        slow: list[int] = []
        cache = self._word_cache
        if len(cache) > _WORD_CACHE_SIZE:
            cache.clear()
        for r, s in enumerate(sentences):
            s = s[: self.max_chars]
            if _NOT_FAST.search(s) or ("[" in s and any(t in s.lower() for t in self._specials)):
                slow.append(r)
                continue
            ids: list[int] = []
            for w in _ASCII_WORDS.findall(s.lower()):
                word = cache.get(w)
                if word is None:
                    word = cache[w] = tuple(t.id for t in self.tokenizer.model.tokenize(w))
                ids += word
            out[r] = ids[: self.max_length]
        if slow:
            batch = [sentences[r][: self.max_chars] for r in slow]
            for r, e in zip(
                slow, self.tokenizer.encode_batch_fast(batch, add_special_tokens=False), strict=True
            ):
                out[r] = e.ids
        if self.unk_id is not None:
            unk = self.unk_id
            out = [[t for t in row if t != unk] if unk in row else row for row in out]
        return out

    def encode(self, sentences: list[str]) -> Matrix:
        """One L2-normalised row per sentence (a zero row for a sentence with no tokens).

        Each row depends on its sentence alone, so the rows of the sentences seen last are
        kept: a story compares each article with every other one.
        """
        with self._kept_lock:
            known = {s: self._kept[s] for s in sentences if s in self._kept}
        new = [s for s in dict.fromkeys(sentences) if s not in known]
        if new:
            known.update(zip(new, map(np.copy, self._encode(new)), strict=True))
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        with self._kept_lock:
            for r, s in enumerate(sentences):
                out[r] = known[s]
                self._kept[s] = known[s]
                self._kept.move_to_end(s)
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        return out

    def _encode(self, sentences: list[str]) -> Matrix:
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        ids = self.token_ids(sentences)
        # Rows of the same length are averaged in one gather.
        by_length: dict[int, list[int]] = {}
        for r, row in enumerate(ids):
            if row:
                by_length.setdefault(len(row), []).append(r)
        for rows in by_length.values():
            matrix = np.array([ids[r] for r in rows], dtype=np.int64)
            out[np.asarray(rows)] = self.vectors[matrix].mean(axis=1)
        if self.normalize:
            out /= np.linalg.norm(out, axis=1, keepdims=True) + np.float32(1e-12)
        return out


_loaded: Loaded[StaticEncoder] = Loaded(MODEL_SUBDIR, StaticEncoder)


def default_model_dir() -> Path:
    """The shipped model: from a source checkout, an install or a frozen bundle."""
    return _loaded.default_dir()


def encoder(path: Path | None = None) -> StaticEncoder:
    """The process-wide encoder for ``path`` (default: the shipped model), loaded once."""
    return _loaded.get(path)
