"""The fact reranker: a cross-encoder that reads two sentences at once.

The contextual encoder (:mod:`parallax.core.contextual`) encodes each sentence alone, so a
sentence on the same topic and one that states the same fact can sit equally close to a
third. This model reads both sentences in one input (all-MiniLM-L6-v2's six layers with a
linear unit on ``[CLS]``, trained by ``data/models/train_reranker.py`` on graded
paraphrase pairs and hand-judged sentence pairs of real article pairs, exported as int8
ONNX), so every word of one attends to every word of the other: it sees whether the same
actor did the same thing, with the same number, in the same words or in others. Its output
is a logit: above 0, the two likely state a shared fact.

A pair costs about a millisecond of a batch on two cores, too much for every pair of two
long articles, so the aligner asks it only about the pairs its refined score already finds
plausible (:func:`parallax.core.align.refined._refined_facts`). The session and tokenizer
are loaded once per process; pairs already scored are kept for the next comparison (a pair
compared again after a correction, a story's articles compared with each other).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from parallax.core.loaded import Loaded, onnx_model

#: Where the shipped model lives, relative to the data folder.
MODEL_SUBDIR: Final = Path("models") / "minilm-reranker"
#: Word pieces of one sentence that the pair keeps (the pair: twice this and three
#: special tokens); a news sentence is 20-60 pieces.
MAX_PIECES: Final = 80
#: Pairs per batch, sorted by length so that little padding is computed.
BATCH: Final = 32
#: Threads onnxruntime may use.
THREADS: Final = 2
#: Pairs whose logit a reranker keeps for the next comparison.
KEPT: Final = 50_000

Logits = npt.NDArray[np.float64]


class Reranker:
    """Score sentence pairs with the shipped cross-encoder."""

    def __init__(self, path: str | Path, *, threads: int = THREADS) -> None:
        path = Path(path)
        self.session, self.tokenizer = onnx_model(path, threads)
        self.tokenizer.no_truncation()
        cls, sep = self.tokenizer.token_to_id("[CLS]"), self.tokenizer.token_to_id("[SEP]")
        if cls is None or sep is None:
            raise ValueError(f"{path / 'tokenizer.json'} lacks the [CLS] and [SEP] tokens")
        self._cls: int = cls
        self._sep: int = sep
        self._pieces: OrderedDict[str, list[int]] = OrderedDict()
        self._kept: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._lock = threading.Lock()

    def forget(self) -> None:
        """Drop the pairs kept for the next comparison."""
        with self._lock:
            self._kept.clear()
            self._pieces.clear()

    def _ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's word pieces (without special tokens), cut at :data:`MAX_PIECES`."""
        new = [t for t in dict.fromkeys(texts) if t not in self._pieces]
        if new:
            for t, enc in zip(new, self.tokenizer.encode_batch(new, add_special_tokens=False),
                              strict=True):  # fmt: skip
                self._pieces[t] = enc.ids[:MAX_PIECES]
            while len(self._pieces) > KEPT:
                self._pieces.popitem(last=False)
        return [self._pieces[t] for t in texts]

    def logits(
        self,
        pairs: Sequence[tuple[str, str]],
        progress: Callable[[float], None] | None = None,
    ) -> Logits:
        """The logit of "states a shared fact" of each ``(left, right)`` pair.

        ``progress`` is called with the fraction done before each batch (a caller's cancel
        check can raise there)."""
        out = np.zeros(len(pairs))
        with self._lock:
            todo = [k for k, p in enumerate(pairs) if p not in self._kept]
            for k, p in enumerate(pairs):
                if p in self._kept:
                    out[k] = self._kept[p]
            if not todo:
                return out
            unique = list(dict.fromkeys(pairs[k] for k in todo))
            left = self._ids([a for a, _ in unique])
            right = self._ids([b for _, b in unique])
        seqs = [
            ([self._cls, *a, self._sep], [*b, self._sep]) for a, b in zip(left, right, strict=True)
        ]
        order = sorted(range(len(seqs)), key=lambda k: len(seqs[k][0]) + len(seqs[k][1]))
        got = np.zeros(len(seqs))
        for start in range(0, len(order), BATCH):
            if progress is not None:
                progress(start / len(order))
            rows = order[start : start + BATCH]
            width = max(len(seqs[k][0]) + len(seqs[k][1]) for k in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            types = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, k in enumerate(rows):
                a, b = seqs[k]
                ids[r, : len(a)] = a
                ids[r, len(a) : len(a) + len(b)] = b
                types[r, len(a) : len(a) + len(b)] = 1
                mask[r, : len(a) + len(b)] = 1
            feeds = {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}
            got[rows] = self.session.run(None, feeds)[0]
        score = dict(zip(unique, got.tolist(), strict=True))
        with self._lock:
            for p, v in score.items():
                self._kept[p] = v
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        for k in todo:
            out[k] = score[pairs[k]]
        return out


_loaded: Loaded[Reranker] = Loaded(MODEL_SUBDIR, Reranker)


def default_model_dir() -> Path:
    """The shipped model: from a source checkout, an install or a frozen bundle."""
    return _loaded.default_dir()


def reranker(path: Path | None = None) -> Reranker:
    """The process-wide reranker for ``path`` (default: the shipped model), loaded once."""
    return _loaded.get(path)
