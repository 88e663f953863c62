"""A contextual sentence encoder: all-MiniLM-L6-v2 run by onnxruntime, without torch.

The static model of :mod:`parallax.core.embed` averages one fixed vector per word, which is
fast enough to score every sentence pair of two long articles but blind to context. This
encoder runs the real 6-layer transformer, fine-tuned so that its cosine means "the two
state a shared fact" rather than "the two are on one topic" (``data/models/
finetune_transformer.py``, on hand-judged sentence pairs of real article pairs), then
exported and int8-quantised (``data/models/build_transformer_model.py``). For each
sentence it returns its pooled
embedding and the contextual vector of each of its word pieces. The aligner uses both:
the cosine of the pooled vectors, and how much of each sentence's word pieces find a close
counterpart in the other (BERTScore's greedy matching), which tells "one sentence carries
the fact of the other, and more" from "two sentences on the same topic".

It costs about 4 ms a sentence on two cores, so the reader shows the static links first
and refines them with this encoder in the background. The session and the tokenizer are
loaded once per process, under a lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from parallax.core.loaded import Loaded, onnx_model

#: Where the shipped model lives, relative to the data folder.
MODEL_SUBDIR: Final = Path("models") / "minilm-onnx"
#: Word pieces kept per sentence: news sentences are 20-60 pieces; a 128-piece cut keeps
#: the start of a run-on sentence and bounds the cost of one batch.
MAX_PIECES: Final = 128
#: Sentences per batch, sorted by length so that little padding is computed.
BATCH: Final = 32
#: Threads onnxruntime may use: the reader's other work runs beside it on two cores.
THREADS: Final = 2
#: Sentences whose encoding an encoder keeps for the next comparison (a story of 20 long
#: articles; about 20 kB each).
KEPT: Final = 4_000

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Encoded:
    """Sentences encoded in context.

    Attributes:
        pooled: One L2-normalised row per sentence (mean of its word pieces).
        pieces: Per sentence, the L2-normalised contextual vectors of its word pieces
            (special tokens and punctuation left out), one row each, as float16: they are
            most of the memory on long articles and compared only by cosine.
        piece_ids: Per sentence, the vocabulary ids of those word pieces, for weighting.
    """

    pooled: Matrix
    pieces: tuple[npt.NDArray[np.float16], ...]
    piece_ids: tuple[npt.NDArray[np.int64], ...]


class ContextualEncoder:
    """Encode sentences with the shipped ONNX transformer."""

    def __init__(self, path: str | Path, *, threads: int = THREADS) -> None:
        path = Path(path)
        self.session, self.tokenizer = onnx_model(path, threads)
        self.tokenizer.enable_truncation(MAX_PIECES)
        vocab: dict[str, int] = self.tokenizer.get_vocab()
        # Pieces that carry no content: special tokens and pure punctuation.
        skip = [i for t, i in vocab.items() if t.startswith("[") or not any(c.isalnum() for c in t)]
        self._skip = np.zeros(max(vocab.values()) + 1, dtype=bool)
        self._skip[skip] = True
        # Sentences already encoded, by text: a story compares each article with every
        # other, and a pair is compared again after each correction. Bounded, oldest out.
        self._kept: OrderedDict[str, tuple[Matrix, npt.NDArray[np.float16], npt.NDArray[np.int64]]]
        self._kept = OrderedDict()
        self._kept_lock = threading.Lock()

    def forget(self) -> None:
        """Drop the sentences kept for the next comparison (memory; a measurement of the
        encoding itself)."""
        with self._kept_lock:
            self._kept.clear()

    def encode(self, texts: list[str], progress: Callable[[float], None] | None = None) -> Encoded:
        """Encode ``texts`` (any number; empty strings give zero rows).

        ``progress`` is called with the fraction done after each batch (a caller's cancel
        check can raise there: a long article is stopped within a batch)."""
        with self._kept_lock:
            known = {t: self._kept[t] for t in texts if t in self._kept}
        new = [t for t in dict.fromkeys(texts) if t not in known]
        fresh = self._encode(new, progress) if new else None
        n = len(texts)
        pooled = np.zeros((n, 384), dtype=np.float32)
        pieces: list[npt.NDArray[np.float16]] = [np.zeros((0, 384), dtype=np.float16)] * n
        ids_out: list[npt.NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)] * n
        with self._kept_lock:
            if fresh is not None:
                for k, t in enumerate(new):
                    known[t] = (fresh.pooled[k], fresh.pieces[k], fresh.piece_ids[k])
                    self._kept[t] = known[t]
            for k, t in enumerate(texts):
                pooled[k], pieces[k], ids_out[k] = known[t]
                if t in self._kept:
                    self._kept.move_to_end(t)
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        return Encoded(pooled=pooled, pieces=tuple(pieces), piece_ids=tuple(ids_out))

    def _encode(self, texts: list[str], progress: Callable[[float], None] | None) -> Encoded:
        n = len(texts)
        pooled = np.zeros((n, 384), dtype=np.float32)
        pieces: list[npt.NDArray[np.float16]] = [np.zeros((0, 384), dtype=np.float16)] * n
        ids_out: list[npt.NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)] * n
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(n), key=lambda k: len(encodings[k].ids))
        for start in range(0, n, BATCH):
            rows = order[start : start + BATCH]
            width = max(len(encodings[k].ids) for k in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, k in enumerate(rows):
                seq = encodings[k].ids
                ids[r, : len(seq)] = seq
                mask[r, : len(seq)] = 1
            if progress is not None:
                progress(start / max(n, 1))
            emb, states = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            for r, k in enumerate(rows):
                seq = ids[r, : int(mask[r].sum())]
                keep = ~self._skip[seq]
                pooled[k] = emb[r]
                pieces[k] = np.ascontiguousarray(states[r, : len(seq)][keep], dtype=np.float16)
                ids_out[k] = seq[keep]
        return Encoded(pooled=pooled, pieces=tuple(pieces), piece_ids=tuple(ids_out))


_loaded: Loaded[ContextualEncoder] = Loaded(MODEL_SUBDIR, ContextualEncoder)


def default_model_dir() -> Path:
    """The shipped model: from a source checkout, an install or a frozen bundle."""
    return _loaded.default_dir()


def contextual_encoder(path: Path | None = None) -> ContextualEncoder:
    """The process-wide encoder for ``path`` (default: the shipped model), loaded once."""
    return _loaded.get(path)
